/* containers.h: internal entry points of the containers area (tuple, list,
 * dict, set, range, slice and the builtin iterators) that the rest of the
 * runtime calls, and helpers shared between the area's files.
 * (owned by the containers area) */
#ifndef KR_CONTAINERS_H
#define KR_CONTAINERS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "Python.h"

/* Readies every static type of the area (call once, at process start-up,
 * from kr_runtime_init).  Returns 0, or -1 with an exception set. */
int kr_containers_ready_types(void);

/* Empties the current context's free lists (context tear-down, gc). */
void kr_containers_clear_freelists(void);
void kr_tuple_clear_freelist(void);

/* The empty tuple: immortal, shared by every context, never written
 * (borrowed; KR_EMPTY_TUPLE needs no INCREF). */
typedef struct {
    _Alignas(16) uintptr_t gc_pad[2];
    PyTupleObject ob;
} kr_static_tuple;
extern kr_static_tuple kr_empty_tuple;
#define KR_EMPTY_TUPLE ((PyObject *)&kr_empty_tuple.ob)
void kr_list_clear_freelist(void);
void kr_dict_clear_freelist(void);

/* Converts a slice bound or an index-like object to Py_ssize_t, clamping
 * out-of-range ints as CPython's slice code does.  None leaves *pi alone.
 * Returns 1 on success, 0 with TypeError set. */
int kr_slice_index(PyObject *v, Py_ssize_t *pi);

/* Argument-count check with CPython's exact messages ("pop expected at
 * most 1 argument, got 2"); the common case costs two compares.
 * Evaluates to 1 when the count is fine, else 0 with TypeError set. */
#define KR_CHECK_NARGS(name, nargs, min, max) \
    (((min) <= (nargs) && (nargs) <= (max)) || _PyArg_CheckPositional((name), (nargs), (min), (max)))

/* An exact int of at most one digit, read without a call: the common
 * index.  Returns 1 and sets *out, or 0 for anything else. */
static inline int
kr_small_index(PyObject *o, Py_ssize_t *out)
{
    if (PyLong_CheckExact(o)) {
        Py_ssize_t size = Py_SIZE(o);
        if (size >= -1 && size <= 1) {
            *out = size * (Py_ssize_t)((PyLongObject *)o)->ob_digit[0];
            return 1;
        }
    }
    return 0;
}

/* The builtin `iter` (for __reduce__ of iterators); borrowed, or NULL
 * with an exception set. */
PyObject *kr_builtin_iter(void);

/* __reduce__ of an iterator without a position to save (dict and set
 * iterators): (iter, (list of the remaining items,)).  `scratch` is a copy
 * of the iterator that `next` may advance; the original stays where it
 * is.  New reference, or NULL with an exception set. */
PyObject *kr_iter_reduce_remaining(PyObject *scratch, iternextfunc next);

/* range_iterator over C longs; the VM's FOR_ITER steps it inline. */
typedef struct {
    PyObject_HEAD
    long index;
    long start;
    long step;
    long len;
} kr_rangeiter;

/* list internals used by the VM and other types */
int kr_list_append_steal(PyObject *list, PyObject *item);
PyObject *kr_list_from_array_steal(PyObject *const *src, Py_ssize_t n);
int kr_list_resize(PyListObject *self, Py_ssize_t newsize);

/* The stable merge sort behind list.sort (listsort.c): sorts v[0..n) in
 * place, permuting values[] alongside when it is not NULL (key sorts).
 * Returns 0, or -1 with an exception set (the array is then a permutation
 * of its input). */
int kr_listsort_sort(PyObject **keys, PyObject **values, Py_ssize_t n, int reverse);

/* Shared by list.index/tuple.index: the clamped [start, stop) window. */
int kr_seq_index_bounds(PyObject *const *args, Py_ssize_t nargs, Py_ssize_t len,
                        Py_ssize_t *start, Py_ssize_t *stop);

/* set internals, for the set algebra of dict views: each returns 0, or -1
 * with an exception set */
int kr_set_update_internal(PyObject *so, PyObject *other);
int kr_set_difference_update_internal(PyObject *so, PyObject *other);
int kr_set_symmetric_difference_update_internal(PyObject *so, PyObject *other);

/* generic alias (types.GenericAlias) */
PyAPI_DATA(PyTypeObject) Py_GenericAliasType;
PyAPI_FUNC(PyObject *) Py_GenericAlias(PyObject *origin, PyObject *args);

#endif
