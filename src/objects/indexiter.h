/* indexiter.h: the iterator that walks a sequence by position.
 *
 * list_iterator, list_reverseiterator, tuple_iterator, str_iterator,
 * str_ascii_iterator and the generic "iterator" of iter(seq) all have
 * CPython's layout {head, it_index, it_seq} and the same life cycle: they
 * hold the sequence until exhausted, then drop it (it_seq == NULL).  Each
 * type keeps only its own `next`; allocation, GC support and the pickling
 * methods are written once in indexiter.c. */
#ifndef KR_INDEXITER_H
#define KR_INDEXITER_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "Python.h"

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;   /* owned; NULL once exhausted */
} kr_indexiter;

/* A new (GC-tracked) iterator of `type` over seq, positioned at start.
 * New reference. */
PyObject *kr_indexiter_new(PyTypeObject *type, PyObject *seq, Py_ssize_t start);

void kr_indexiter_dealloc(PyObject *self);
int kr_indexiter_traverse(PyObject *self, visitproc visit, void *arg);

/* Ends the iteration: drops the sequence and returns NULL, which `next`
 * returns in turn (exhaustion without an exception). */
PyObject *kr_indexiter_finish(kr_indexiter *it);

/* __length_hint__, __reduce__ and __setstate__ of a forward iterator over
 * a sized sequence (list, tuple, str): the types' tp_methods. */
extern PyMethodDef kr_indexiter_methods[];

/* __reduce__ for any forward index iterator: (iter, (seq,), index), or
 * (iter, (empty,)) once exhausted.  New reference. */
PyObject *kr_indexiter_reduce(PyObject *self, PyObject *unused);

/* Reads a __setstate__ index; -1 with an exception set on error. */
int kr_indexiter_state_index(PyObject *state, Py_ssize_t *index);

#endif
