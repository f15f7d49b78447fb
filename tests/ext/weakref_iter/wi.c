/* An iterator type (tp_iter/tp_iternext returning NULL without an error
 * at the end), a type supporting weak references (tp_weaklistoffset), and
 * the PyWeakref_* and PyIter_* APIs. */
#include <Python.h>
#include <stddef.h>

typedef struct {
    PyObject_HEAD
    long i, n;
} Range;

static PyObject *range_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long n;
    if (!PyArg_ParseTuple(args, "l", &n))
        return NULL;
    Range *r = (Range *)type->tp_alloc(type, 0);
    if (r) {
        r->i = 0;
        r->n = n;
    }
    return (PyObject *)r;
}

static PyObject *range_next(PyObject *self)
{
    Range *r = (Range *)self;
    if (r->i >= r->n)
        return NULL;
    return PyLong_FromLong(r->i++);
}

static PyTypeObject RangeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wi.Range",
    .tp_basicsize = sizeof(Range),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = range_next,
    .tp_new = range_new,
};

typedef struct {
    PyObject_HEAD
    PyObject *weakreflist;
} Target;

static void target_dealloc(PyObject *self)
{
    if (((Target *)self)->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject TargetType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "wi.Target",
    .tp_basicsize = sizeof(Target),
    .tp_dealloc = target_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(Target, weakreflist),
    .tp_new = PyType_GenericNew,
};

static PyObject *drain(PyObject *m, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *out = PyList_New(0), *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyList_Append(out, item);
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

static PyObject *weak(PyObject *m, PyObject *args)
{
    PyObject *obj, *cb = NULL;
    if (!PyArg_ParseTuple(args, "O|O", &obj, &cb))
        return NULL;
    PyObject *ref = PyWeakref_NewRef(obj, cb);
    if (ref == NULL)
        return NULL;
    PyObject *target = PyWeakref_GetObject(ref);   /* borrowed */
    return Py_BuildValue("(NO)", ref, target == obj ? Py_True : Py_False);
}

static PyObject *deref(PyObject *m, PyObject *ref)
{
    return Py_NewRef(PyWeakref_GetObject(ref));
}

static PyMethodDef methods[] = {
    {"drain", drain, METH_O, NULL}, {"weak", weak, METH_VARARGS, NULL},
    {"deref", deref, METH_O, NULL}, {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "wi", NULL, -1, methods};
PyMODINIT_FUNC PyInit_wi(void)
{
    if (PyType_Ready(&RangeType) < 0 || PyType_Ready(&TargetType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&mod);
    if (m && (PyModule_AddType(m, &RangeType) < 0 || PyModule_AddType(m, &TargetType) < 0))
        Py_CLEAR(m);
    return m;
}
