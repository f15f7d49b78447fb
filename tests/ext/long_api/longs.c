/* The int and float C APIs: conversions with overflow reporting, masks,
 * byte arrays, doubles, and PyNumber_* arithmetic. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *conv(PyObject *m, PyObject *o)
{
    int overflow;
    long l = PyLong_AsLongAndOverflow(o, &overflow);
    if (l == -1 && PyErr_Occurred())
        return NULL;
    unsigned long mask = PyLong_AsUnsignedLongMask(o);
    unsigned long long llmask = PyLong_AsUnsignedLongLongMask(o);
    double d = PyLong_AsDouble(o);
    PyObject *dres = (d == -1.0 && PyErr_Occurred()) ? (PyErr_Clear(), PyUnicode_FromString("overflow"))
                                                     : PyFloat_FromDouble(d);
    Py_ssize_t ss = PyLong_AsSsize_t(o);
    PyObject *ssres = (ss == -1 && PyErr_Occurred()) ? (PyErr_Clear(), PyUnicode_FromString("overflow"))
                                                      : PyLong_FromSsize_t(ss);
    return Py_BuildValue("(liKKNNi)", l, overflow, (unsigned long long)mask, llmask, dres, ssres,
                         _PyLong_Sign(o));
}

static PyObject *bytes_roundtrip(PyObject *m, PyObject *o)
{
    unsigned char buf[16];
    if (_PyLong_AsByteArray((PyLongObject *)o, buf, sizeof buf, 1, 1) < 0)
        return NULL;
    PyObject *back = _PyLong_FromByteArray(buf, sizeof buf, 1, 1);
    PyObject *raw = PyBytes_FromStringAndSize((char *)buf, 4);
    return Py_BuildValue("(NNn)", back, raw, (Py_ssize_t)_PyLong_NumBits(o));
}

static PyObject *makers(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(NNNNNNN)", PyLong_FromLong(-5), PyLong_FromUnsignedLong(ULONG_MAX),
                         PyLong_FromLongLong(LLONG_MIN), PyLong_FromDouble(1e20),
                         PyLong_FromString("  -0x_1f", NULL, 0), PyLong_FromSize_t(7),
                         PyFloat_FromString(PyUnicode_FromString(" 1.5e3 ")));
}

static PyObject *arith(PyObject *m, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return Py_BuildValue("(NNNNNNNN)", PyNumber_Add(a, b), PyNumber_Subtract(a, b),
                         PyNumber_Multiply(a, b), PyNumber_FloorDivide(a, b),
                         PyNumber_TrueDivide(a, b), PyNumber_Remainder(a, b),
                         PyNumber_Power(a, b, Py_None), PyNumber_Divmod(a, b));
}

static PyObject *as_double(PyObject *m, PyObject *o)
{
    double d = PyFloat_AsDouble(o);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(d * 2);
}

static PyObject *index_of(PyObject *m, PyObject *o)
{
    return PyNumber_Index(o);
}

static PyMethodDef methods[] = {
    {"conv", conv, METH_O, NULL}, {"bytes_roundtrip", bytes_roundtrip, METH_O, NULL},
    {"makers", makers, METH_NOARGS, NULL}, {"arith", arith, METH_VARARGS, NULL},
    {"as_double", as_double, METH_O, NULL}, {"index_of", index_of, METH_O, NULL}, {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "longs", NULL, -1, methods};
PyMODINIT_FUNC PyInit_longs(void) { return PyModule_Create(&mod); }
