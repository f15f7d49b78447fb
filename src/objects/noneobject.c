/* noneobject.c: the None and NotImplemented singletons and their types.
 *
 * Both singletons are static, immortal and shared by every context; their
 * types cannot be subclassed and calling them returns the singleton.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

static PyObject *
kr_none_repr(PyObject *self)
{
    return PyUnicode_FromString("None");
}

static int
kr_none_bool(PyObject *self)
{
    return 0;
}

/* NoneType() and NotImplementedType() accept no arguments and return the
 * singleton, as in CPython. */
static PyObject *
kr_singleton_new(PyTypeObject *type, PyObject *args, PyObject *kwargs, PyObject *single)
{
    if ((args && PyTuple_GET_SIZE(args)) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_Format(PyExc_TypeError, "%s takes no arguments", type->tp_name);
        return NULL;
    }
    return Py_NewRef(single);
}

static PyObject *
kr_none_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    return kr_singleton_new(type, args, kwargs, Py_None);
}

static PyObject *
kr_notimpl_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    return kr_singleton_new(type, args, kwargs, Py_NotImplemented);
}

static void
kr_singleton_dealloc(PyObject *self)
{
    /* Immortal: never reached unless an extension over-decrefs. */
    Py_FatalError("deallocating a singleton (None or NotImplemented)");
}

static PyNumberMethods kr_none_as_number = {
    .nb_bool = kr_none_bool,
};

PyTypeObject _PyNone_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoneType",
    .tp_basicsize = 0,
    .tp_dealloc = kr_singleton_dealloc,
    .tp_repr = kr_none_repr,
    .tp_as_number = &kr_none_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = kr_none_new,
};

PyObject _Py_NoneStruct = { _Py_IMMORTAL_REFCNT, &_PyNone_Type };

static PyObject *
kr_notimpl_repr(PyObject *self)
{
    return PyUnicode_FromString("NotImplemented");
}

static PyObject *
kr_notimpl_reduce(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("NotImplemented");
}

static int
kr_notimpl_bool(PyObject *self)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "NotImplemented should not be used in a boolean context",
                     1) < 0)
        return -1;
    return 1;
}

static PyMethodDef kr_notimpl_methods[] = {
    {"__reduce__", kr_notimpl_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods kr_notimpl_as_number = {
    .nb_bool = kr_notimpl_bool,
};

PyTypeObject _PyNotImplemented_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NotImplementedType",
    .tp_basicsize = 0,
    .tp_dealloc = kr_singleton_dealloc,
    .tp_repr = kr_notimpl_repr,
    .tp_as_number = &kr_notimpl_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = kr_notimpl_methods,
    .tp_new = kr_notimpl_new,
};

PyObject _Py_NotImplementedStruct = { _Py_IMMORTAL_REFCNT, &_PyNotImplemented_Type };

int (Py_IsNone)(PyObject *x) { return x == Py_None; }
int (Py_Is)(PyObject *x, PyObject *y) { return x == y; }
