/* PyUnicode_FromFormat with every specifier, PyErr_Format, and
 * PyOS_snprintf / PyOS_double_to_string. */
#include <Python.h>

static PyObject *formats(PyObject *m, PyObject *obj)
{
    PyObject *u = PyUnicode_FromString("uni");
    PyObject *r = PyUnicode_FromFormat(
        "%%|%c|%d|%u|%ld|%li|%lu|%lld|%llu|%zd|%zi|%zu|%i|%x|%s|%U|%V|%V|%S|%R|%A|%5d|%-5d|%05d|%.3s|%10s|%.2U",
        0x20ac, -1, 4000000000u, -2L, -3L, 4UL, -5LL, 6ULL, (Py_ssize_t)-7, (Py_ssize_t)8, (size_t)9, 10,
        255, "cstr", u, u, "unused", (PyObject *)NULL, "fallback", obj, obj, obj, 42, 42, 42,
        "truncate", "pad", u);
    Py_DECREF(u);
    return r;
}

static PyObject *pointer(PyObject *m, PyObject *unused)
{
    PyObject *s = PyUnicode_FromFormat("%p", (void *)0x1234);
    return s;
}

static PyObject *doubles(PyObject *m, PyObject *unused)
{
    char *a = PyOS_double_to_string(1.0 / 3, 'r', 0, 0, NULL);
    char *b = PyOS_double_to_string(2.5, 'f', 3, Py_DTSF_SIGN, NULL);
    char *c = PyOS_double_to_string(1e300 * 10, 'g', 6, 0, NULL);
    char buf[64];
    PyOS_snprintf(buf, sizeof buf, "%d-%s", 7, "x");
    PyObject *r = Py_BuildValue("(ssss)", a, b, c, buf);
    PyMem_Free(a);
    PyMem_Free(b);
    PyMem_Free(c);
    return r;
}

static PyObject *err(PyObject *m, PyObject *obj)
{
    return PyErr_Format(PyExc_TypeError, "expected %s, got %.50s (%R)", "thing", Py_TYPE(obj)->tp_name, obj);
}

static PyMethodDef methods[] = {
    {"formats", formats, METH_O, NULL}, {"pointer", pointer, METH_NOARGS, NULL},
    {"doubles", doubles, METH_NOARGS, NULL}, {"err", err, METH_O, NULL}, {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "fmt", NULL, -1, methods};
PyMODINIT_FUNC PyInit_fmt(void) { return PyModule_Create(&mod); }
