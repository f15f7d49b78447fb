/* iterobject.c: the two generic iterators iter() can make, and the
 * start-up and tear-down hooks of the containers area.
 *
 * A sequence iterator ("iterator") walks any object with __getitem__ by
 * index until IndexError or StopIteration; a callable iterator
 * ("callable_iterator") calls a function until it returns the sentinel.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "objects/dict_internal.h"
#include "objects/indexiter.h"

PyObject *
kr_builtin_iter(void)
{
    struct kr_context *ctx = kr_context_get();
    PyObject *iter = NULL;
    if (ctx != NULL && ctx->builtins != NULL)
        iter = PyDict_GetItemString(ctx->builtins, "iter");
    if (iter == NULL && !PyErr_Occurred())
        PyErr_SetString(PyExc_RuntimeError, "lost builtins.iter");
    return iter;
}

PyObject *
kr_iter_reduce_remaining(PyObject *scratch, iternextfunc next)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    PyObject *item;
    while ((item = next(scratch)) != NULL) {
        if (kr_list_append_steal(list, item) < 0)
            break;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *iter = kr_builtin_iter();
    if (iter == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    return Py_BuildValue("O(N)", iter, list);
}

/* ---- sequence iterator (an index iterator: objects/indexiter.h) ---- */

PyObject *
PySeqIter_New(PyObject *seq)
{
    if (!PySequence_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_indexiter_new(&PySeqIter_Type, seq, 0);
}

static PyObject *
kr_seqiter_next(PyObject *self)
{
    kr_indexiter *it = (kr_indexiter *)self;
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "iter index too large");
        return NULL;
    }
    PyObject *result = PySequence_GetItem(seq, it->it_index);
    if (result != NULL) {
        it->it_index++;
        return result;
    }
    if (PyErr_ExceptionMatches(PyExc_IndexError) || PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        kr_indexiter_finish(it);
    }
    return NULL;
}

static PyObject *
kr_seqiter_len(PyObject *self, PyObject *unused)
{
    kr_indexiter *it = (kr_indexiter *)self;
    if (it->it_seq) {
        PyTypeObject *tp = Py_TYPE(it->it_seq);
        int has_len = (tp->tp_as_sequence && tp->tp_as_sequence->sq_length) ||
                      (tp->tp_as_mapping && tp->tp_as_mapping->mp_length);
        if (!has_len)
            Py_RETURN_NOTIMPLEMENTED;
        Py_ssize_t seqsize = PySequence_Size(it->it_seq);
        if (seqsize == -1)
            return NULL;
        Py_ssize_t len = seqsize - it->it_index;
        if (len >= 0)
            return PyLong_FromSsize_t(len);
    }
    return PyLong_FromLong(0);
}

static PyObject *
kr_seqiter_setstate(PyObject *self, PyObject *state)
{
    kr_indexiter *it = (kr_indexiter *)self;
    Py_ssize_t index;
    if (kr_indexiter_state_index(state, &index) < 0)
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef kr_seqiter_methods[] = {
    {"__length_hint__", kr_seqiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", kr_indexiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", kr_seqiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PySeqIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "iterator",
    .tp_basicsize = sizeof(kr_indexiter),
    .tp_dealloc = kr_indexiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_indexiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_seqiter_next,
    .tp_methods = kr_seqiter_methods,
};

/* ---- callable iterator ---- */

typedef struct {
    PyObject_HEAD
    PyObject *it_callable;   /* both NULL once exhausted */
    PyObject *it_sentinel;
} kr_calliter;

PyObject *
PyCallIter_New(PyObject *callable, PyObject *sentinel)
{
    kr_calliter *it = PyObject_GC_New(kr_calliter, &PyCallIter_Type);
    if (it == NULL)
        return NULL;
    it->it_callable = Py_NewRef(callable);
    it->it_sentinel = Py_NewRef(sentinel);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
kr_calliter_dealloc(kr_calliter *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_callable);
    Py_XDECREF(it->it_sentinel);
    PyObject_GC_Del(it);
}

static int
kr_calliter_traverse(kr_calliter *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_callable);
    Py_VISIT(it->it_sentinel);
    return 0;
}

static PyObject *
kr_calliter_next(kr_calliter *it)
{
    if (it->it_callable == NULL)
        return NULL;
    PyObject *result = PyObject_CallNoArgs(it->it_callable);
    if (result != NULL && it->it_sentinel != NULL) {
        int ok = PyObject_RichCompareBool(it->it_sentinel, result, Py_EQ);
        if (ok == 0)
            return result;
        if (ok > 0) {
            Py_CLEAR(it->it_callable);
            Py_CLEAR(it->it_sentinel);
        }
    }
    else if (result == NULL && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        Py_CLEAR(it->it_callable);
        Py_CLEAR(it->it_sentinel);
    }
    Py_XDECREF(result);
    return NULL;
}

static PyObject *
kr_calliter_reduce(kr_calliter *it, PyObject *unused)
{
    PyObject *iter = kr_builtin_iter();
    if (iter == NULL)
        return NULL;
    if (it->it_callable != NULL && it->it_sentinel != NULL)
        return Py_BuildValue("O(OO)", iter, it->it_callable, it->it_sentinel);
    return Py_BuildValue("O(())", iter);
}

static PyMethodDef kr_calliter_methods[] = {
    {"__reduce__", (PyCFunction)kr_calliter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyCallIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(kr_calliter),
    .tp_dealloc = (destructor)kr_calliter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)kr_calliter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_calliter_next,
    .tp_methods = kr_calliter_methods,
};

/* ---- area start-up and tear-down ---- */

int
kr_containers_ready_types(void)
{
    static PyTypeObject *const types[] = {
        &PyTuple_Type, &PyTupleIter_Type,
        &PyList_Type, &PyListIter_Type, &PyListRevIter_Type,
        &PyDict_Type, &PyDictKeys_Type, &PyDictValues_Type, &PyDictItems_Type,
        &PyDictIterKey_Type, &PyDictIterValue_Type, &PyDictIterItem_Type,
        &PyDictRevIterKey_Type, &PyDictRevIterValue_Type, &PyDictRevIterItem_Type,
        &PySet_Type, &PyFrozenSet_Type, &PySetIter_Type,
        &PyRange_Type, &PyRangeIter_Type, &PyLongRangeIter_Type,
        &PySlice_Type, &PyEllipsis_Type,
        &PySeqIter_Type, &PyCallIter_Type,
        &PyEnum_Type, &PyReversed_Type, &PyZip_Type, &PyMap_Type, &PyFilter_Type,
        &Py_GenericAliasType,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0)
            return -1;
    }
    return 0;
}

void
kr_containers_clear_freelists(void)
{
    kr_tuple_clear_freelist();
    kr_list_clear_freelist();
    kr_dict_clear_freelist();
}
