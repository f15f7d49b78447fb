/* indexiter.c: what every by-position iterator shares (see indexiter.h):
 * allocation, GC support, exhaustion, and the __length_hint__ /
 * __reduce__ / __setstate__ trio that makes the iterators of list, tuple
 * and str picklable and copyable as in CPython.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "objects/indexiter.h"
#include "objects/str_internal.h"

PyObject *
kr_indexiter_new(PyTypeObject *type, PyObject *seq, Py_ssize_t start)
{
    kr_indexiter *it = PyObject_GC_New(kr_indexiter, type);
    if (it == NULL)
        return NULL;
    it->it_index = start;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

void
kr_indexiter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((kr_indexiter *)self)->it_seq);
    PyObject_GC_Del(self);
}

int
kr_indexiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_indexiter *)self)->it_seq);
    return 0;
}

PyObject *
kr_indexiter_finish(kr_indexiter *it)
{
    Py_CLEAR(it->it_seq);
    return NULL;
}

/* Length of a sequence these iterators walk: str keeps it in its own
 * header, list and tuple in ob_size. */
static Py_ssize_t
kr_indexiter_seq_len(PyObject *seq)
{
    return PyUnicode_Check(seq) ? PyUnicode_GET_LENGTH(seq) : Py_SIZE(seq);
}

static PyObject *
kr_indexiter_length_hint(PyObject *self, PyObject *unused)
{
    kr_indexiter *it = (kr_indexiter *)self;
    Py_ssize_t n = 0;
    if (it->it_seq != NULL) {
        n = kr_indexiter_seq_len(it->it_seq) - it->it_index;
        if (n < 0)
            n = 0;
    }
    return PyLong_FromSsize_t(n);
}

/* What iter() is given to rebuild an exhausted iterator: CPython's list
 * iterator pickles as iter([]), its str iterators as iter(''), and every
 * other one as iter(()). */
static PyObject *
kr_indexiter_empty_seq(PyTypeObject *itertype)
{
    if (itertype == &PyListIter_Type)
        return PyList_New(0);
    if (itertype == &PyUnicodeIter_Type || itertype == &kr_str_ascii_iter_type)
        return Py_NewRef(kr_str_empty());
    return PyTuple_New(0);
}

PyObject *
kr_indexiter_reduce(PyObject *self, PyObject *unused)
{
    kr_indexiter *it = (kr_indexiter *)self;
    PyObject *iter = kr_builtin_iter();
    if (iter == NULL)
        return NULL;
    if (it->it_seq != NULL)
        return Py_BuildValue("O(O)n", iter, it->it_seq, it->it_index);
    PyObject *empty = kr_indexiter_empty_seq(Py_TYPE(self));
    if (empty == NULL)
        return NULL;
    return Py_BuildValue("O(N)", iter, empty);
}

int
kr_indexiter_state_index(PyObject *state, Py_ssize_t *index)
{
    *index = PyLong_AsSsize_t(state);
    return *index == -1 && PyErr_Occurred() ? -1 : 0;
}

/* Out-of-range states are clamped into [0, len], not rejected. */
static PyObject *
kr_indexiter_setstate(PyObject *self, PyObject *state)
{
    kr_indexiter *it = (kr_indexiter *)self;
    Py_ssize_t index;
    if (kr_indexiter_state_index(state, &index) < 0)
        return NULL;
    if (it->it_seq != NULL) {
        Py_ssize_t len = kr_indexiter_seq_len(it->it_seq);
        it->it_index = index < 0 ? 0 : index > len ? len : index;
    }
    Py_RETURN_NONE;
}

PyMethodDef kr_indexiter_methods[] = {
    {"__length_hint__", kr_indexiter_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", kr_indexiter_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", kr_indexiter_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};
