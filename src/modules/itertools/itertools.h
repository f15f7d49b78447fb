/* itertools.h: what the files of the built-in `itertools` module share:
 * its static types (one family per file: infinite.c, filtering.c,
 * chaining.c, grouping.c, tee.c, combinatorics.c) and the few helpers
 * more than one family needs.  module.c builds the module from them. */
#ifndef KR_ITERTOOLS_H
#define KR_ITERTOOLS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

extern PyTypeObject kr_count_type, kr_cycle_type, kr_repeat_type;
extern PyTypeObject kr_accumulate_type, kr_compress_type, kr_dropwhile_type,
    kr_takewhile_type, kr_filterfalse_type, kr_starmap_type;
extern PyTypeObject kr_chain_type, kr_islice_type, kr_pairwise_type, kr_zip_longest_type;
extern PyTypeObject kr_groupby_type, kr_grouper_type;
extern PyTypeObject kr_tee_type, kr_teedataobject_type;
extern PyTypeObject kr_product_type, kr_permutations_type, kr_combinations_type,
    kr_cwr_type;

/* itertools.tee(iterable, n=2, /) (tee.c); a METH_FASTCALL function. */
PyObject *kr_itertools_tee(PyObject *module, PyObject *const *args, Py_ssize_t nargs);

/* The "state is not a tuple" check several __setstate__ methods share.
 * Returns 0, or -1 with TypeError set. */
int kr_itertools_check_state_tuple(PyObject *state);

/* Most itertools objects hold only a run of `n` consecutive PyObject *
 * fields (NULL allowed) that starts at `first`; their tp_dealloc and
 * tp_traverse are these two, instantiated by KR_IT_FIELD_FUNCS. */
void kr_itertools_dealloc_fields(PyObject *self, PyObject **first, int n);
int kr_itertools_traverse_fields(PyObject **first, int n, visitproc visit, void *arg);

#define KR_IT_FIELD_FUNCS(prefix, objtype, first, n)                              \
    static void prefix##_dealloc(PyObject *self)                                  \
    {                                                                             \
        kr_itertools_dealloc_fields(self, &((objtype *)self)->first, (n));        \
    }                                                                             \
    static int prefix##_traverse(PyObject *self, visitproc visit, void *arg)      \
    {                                                                             \
        return kr_itertools_traverse_fields(&((objtype *)self)->first, (n), visit, arg); \
    }

/* tp_new helper for the "f(a, b, /)" constructors: no keywords (for the
 * exact type), exactly `n` positional arguments, CPython's messages. */
int kr_itertools_fixed_args(PyTypeObject *type, PyTypeObject *base, const char *name,
                            PyObject *args, PyObject *kwds, Py_ssize_t n);

#endif
