/* cbench.c: the C extension the "C extension calls" benchmarks call into
 * (bench/compare.py builds it once against Krait's headers and once
 * against CPython 3.11's, each loaded by its own interpreter).  Every
 * function does as little as possible, so that what is timed is the
 * interpreter's side of each call: argument passing for each calling
 * convention, PyArg_ParseTupleAndKeywords, method look-up on an
 * extension object, and allocating and freeing instances of a static
 * type and of a heap type made by PyType_FromSpec. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *cb_fastcall(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_RETURN_NONE;
}

static PyObject *cb_meth_o(PyObject *self, PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyObject *cb_varargs(PyObject *self, PyObject *args)
{
    Py_RETURN_NONE;
}

/* "iO|d" with keywords: the shape of a typical older extension API. */
static PyObject *cb_parse(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"count", "obj", "scale", NULL};
    int count;
    PyObject *obj;
    double scale = 1.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iO|d:parse", kwlist, &count, &obj, &scale))
        return NULL;
    return PyLong_FromLong(count + (long)scale);
}

/* ---- a static type ---- */

typedef struct {
    PyObject_HEAD
    long value;
} CbObject;

static PyObject *cbstatic_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    CbObject *self = (CbObject *)type->tp_alloc(type, 0);
    if (self != NULL)
        self->value = 1;
    return (PyObject *)self;
}

static void cbstatic_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *cb_meth(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(((CbObject *)self)->value);
}

static PyMethodDef cbobject_methods[] = {
    {"meth", cb_meth, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject CbStatic_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cbench.Static",
    .tp_basicsize = sizeof(CbObject),
    .tp_dealloc = cbstatic_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = cbobject_methods,
    .tp_new = cbstatic_new,
};

/* ---- a heap type from a spec ---- */

static void cbheap_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    type->tp_free(self);
    Py_DECREF(type);
}

static PyType_Slot cbheap_slots[] = {
    {Py_tp_new, cbstatic_new},
    {Py_tp_dealloc, cbheap_dealloc},
    {Py_tp_methods, cbobject_methods},
    {0, NULL}
};

static PyType_Spec cbheap_spec = {
    "cbench.Heap", sizeof(CbObject), 0, Py_TPFLAGS_DEFAULT, cbheap_slots
};

static PyMethodDef cbench_methods[] = {
    {"fastcall", (PyCFunction)(void (*)(void))cb_fastcall, METH_FASTCALL, NULL},
    {"meth_o", cb_meth_o, METH_O, NULL},
    {"varargs", cb_varargs, METH_VARARGS, NULL},
    {"parse", (PyCFunction)(void (*)(void))cb_parse, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef cbench_module = {
    PyModuleDef_HEAD_INIT, "cbench", NULL, -1, cbench_methods
};

PyMODINIT_FUNC PyInit_cbench(void)
{
    if (PyType_Ready(&CbStatic_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&cbench_module);
    if (m == NULL)
        return NULL;
    PyObject *heap = PyType_FromSpec(&cbheap_spec);
    if (heap == NULL || PyModule_AddObjectRef(m, "Static", (PyObject *)&CbStatic_Type) < 0 ||
        PyModule_AddObject(m, "Heap", heap) < 0) {
        Py_XDECREF(heap);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
