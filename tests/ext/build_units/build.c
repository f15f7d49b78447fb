/* Py_BuildValue over every format unit, nested containers, the N/O/S
 * reference rules and the O& converter. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *make_list(void *arg)
{
    return Py_BuildValue("[i]", *(int *)arg);
}

static PyObject *all_units(PyObject *m, PyObject *unused)
{
    Py_complex c = {1.5, -2.0};
    int forty_two = 42;
    wchar_t wide[] = L"wide";
    PyObject *obj = PyUnicode_FromString("obj");
    PyObject *stolen = PyUnicode_FromString("stolen");
    PyObject *r = Py_BuildValue(
        "(bBhHiIlkLKn)(fdD)(cC)(s s# z z# y y# u u# U U#)(O S N O&)[i,{s:i,s:(i)}]{}()(i)",
        -1, 255, -300, 65535, -70000, 4000000000u, -5L, 6UL, -7LL, 8ULL, (Py_ssize_t)-9,
        1.25f, 2.5, &c,
        'q', 0x20ac,
        "str", "string", (Py_ssize_t)3, NULL, "zz", (Py_ssize_t)1, "bytes", "byt", (Py_ssize_t)2,
        wide, wide, (Py_ssize_t)2, "U", "Uni", (Py_ssize_t)2,
        obj, obj, stolen, make_list, &forty_two,
        1, "a", 2, "b", 3,
        7);
    Py_DECREF(obj);
    return r;
}

static PyObject *single(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("i", 5);
}

static PyObject *none(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("");
}

static PyObject *pair(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("ii", 1, 2);
}

static PyObject *null_object(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(O)", (PyObject *)NULL);
}

static PyObject *bad_unit(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(i!)", 1);
}

static PyMethodDef methods[] = {
    {"all_units", all_units, METH_NOARGS, NULL},
    {"single", single, METH_NOARGS, NULL},
    {"none", none, METH_NOARGS, NULL},
    {"pair", pair, METH_NOARGS, NULL},
    {"null_object", null_object, METH_NOARGS, NULL},
    {"bad_unit", bad_unit, METH_NOARGS, NULL},
    {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "build", NULL, -1, methods};
PyMODINIT_FUNC PyInit_build(void) { return PyModule_Create(&mod); }
