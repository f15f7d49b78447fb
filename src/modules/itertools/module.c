/* module.c: the built-in `itertools` module: its one function (tee) and
 * its types, which are static types readied at process start
 * (src/runtime/static_types.c) and defined by family in this folder. */
#include "internal.h"
#include "modules/itertools/itertools.h"

static PyMethodDef kr_itertools_functions[] = {
    {"tee", (PyCFunction)(void (*)(void))kr_itertools_tee, METH_FASTCALL,
     "tee($module, iterable, n=2, /)\n--\n\nReturns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef kr_itertools_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "itertools",
    .m_doc = "Functional tools for creating and using iterators.\n\n"
             "Infinite iterators:\n"
             "count(start=0, step=1) --> start, start+step, start+2*step, ...\n"
             "cycle(p) --> p0, p1, ... plast, p0, p1, ...\n"
             "repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\n"
             "Iterators terminating on the shortest input sequence:\n"
             "accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\n"
             "chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\n"
             "chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\n"
             "compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\n"
             "dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\n"
             "groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\n"
             "filterfalse(pred, seq) --> elements of seq where pred(elem) is False\n"
             "islice(seq, [start,] stop [, step]) --> elements from\n"
             "       seq[start:stop:step]\n"
             "pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\n"
             "starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\n"
             "tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\n"
             "takewhile(pred, seq) --> seq[0], seq[1], until pred fails\n"
             "zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\n"
             "Combinatoric generators:\n"
             "product(p, q, ... [repeat=1]) --> cartesian product\n"
             "permutations(p[, r])\n"
             "combinations(p, r)\n"
             "combinations_with_replacement(p, r)\n",
    .m_size = -1,
    .m_methods = kr_itertools_functions,
};

PyObject *
PyInit_itertools(void)
{
    /* in CPython's order, which dir() does not show but __dict__ does */
    PyTypeObject *const types[] = {
        &kr_accumulate_type, &kr_combinations_type, &kr_cwr_type, &kr_cycle_type,
        &kr_dropwhile_type, &kr_takewhile_type, &kr_islice_type, &kr_starmap_type,
        &kr_chain_type, &kr_compress_type, &kr_filterfalse_type, &kr_count_type,
        &kr_zip_longest_type, &kr_pairwise_type, &kr_permutations_type, &kr_product_type,
        &kr_repeat_type, &kr_groupby_type, &kr_grouper_type, &kr_tee_type,
        &kr_teedataobject_type,
    };
    PyObject *m = PyModule_Create(&kr_itertools_def);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyModule_AddType(m, types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
