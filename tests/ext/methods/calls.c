/* Every calling convention of PyMethodDef: METH_NOARGS, METH_O,
 * METH_VARARGS, METH_VARARGS|METH_KEYWORDS, METH_FASTCALL,
 * METH_FASTCALL|METH_KEYWORDS, METH_CLASS, METH_STATIC, METH_COEXIST,
 * plus PyCFunction_New and the argument errors CPython raises. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *noargs(PyObject *self, PyObject *unused) { return PyUnicode_FromString("noargs"); }
static PyObject *one(PyObject *self, PyObject *arg) { return Py_BuildValue("(sO)", "o", arg); }
static PyObject *varargs(PyObject *self, PyObject *args) { return Py_BuildValue("(sO)", "varargs", args); }
static PyObject *varkw(PyObject *self, PyObject *args, PyObject *kw)
{
    return Py_BuildValue("(sOO)", "varkw", args, kw ? kw : Py_None);
}
static PyObject *fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *t = PyTuple_New(nargs);
    for (Py_ssize_t i = 0; t && i < nargs; i++)
        PyTuple_SET_ITEM(t, i, Py_NewRef(args[i]));
    return t ? Py_BuildValue("(sN)", "fast", t) : NULL;
}
static PyObject *fastkw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *d = PyDict_New();
    for (Py_ssize_t i = 0; d && i < nkw; i++)
        PyDict_SetItem(d, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]);
    return d ? Py_BuildValue("(snN)", "fastkw", nargs, d) : NULL;
}

typedef struct { PyObject_HEAD } Thing;

static PyObject *cls_method(PyObject *cls, PyObject *unused)
{
    return PyUnicode_FromFormat("classmethod of %s", ((PyTypeObject *)cls)->tp_name);
}
static PyObject *static_method(PyObject *self, PyObject *args)
{
    return Py_BuildValue("(sO)", "static", self ? self : Py_None);
}
static PyObject *coexist_contains(PyObject *self, PyObject *arg) { return PyBool_FromLong(1); }
static int thing_contains(PyObject *self, PyObject *arg) { return 0; }
static PySequenceMethods thing_seq = {.sq_contains = thing_contains};

static PyMethodDef thing_methods[] = {
    {"cm", cls_method, METH_NOARGS | METH_CLASS, NULL},
    {"sm", static_method, METH_VARARGS | METH_STATIC, NULL},
    {"__contains__", coexist_contains, METH_O | METH_COEXIST, NULL},
    {"meth", noargs, METH_NOARGS, "meth()\n--\n\nA documented method."},
    {NULL}
};
static PyTypeObject ThingType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "calls.Thing",
    .tp_basicsize = sizeof(Thing),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_sequence = &thing_seq,
    .tp_methods = thing_methods,
    .tp_new = PyType_GenericNew,
};

static PyMethodDef dynamic_def = {"dynamic", one, METH_O, "made at run time"};

static PyMethodDef methods[] = {
    {"noargs", noargs, METH_NOARGS, NULL},
    {"one", one, METH_O, NULL},
    {"varargs", varargs, METH_VARARGS, NULL},
    {"varkw", (PyCFunction)(void (*)(void))varkw, METH_VARARGS | METH_KEYWORDS, NULL},
    {"fast", (PyCFunction)(void (*)(void))fast, METH_FASTCALL, NULL},
    {"fastkw", (PyCFunction)(void (*)(void))fastkw, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "calls", NULL, -1, methods};
PyMODINIT_FUNC PyInit_calls(void)
{
    if (PyType_Ready(&ThingType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&mod);
    if (m == NULL)
        return NULL;
    PyObject *name = PyUnicode_FromString("calls");
    PyObject *f = PyCFunction_NewEx(&dynamic_def, NULL, name);
    Py_XDECREF(name);
    if (f == NULL || PyModule_AddObject(m, "dynamic", f) < 0 || PyModule_AddType(m, &ThingType) < 0) {
        Py_XDECREF(f);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
