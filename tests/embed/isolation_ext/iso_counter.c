/* iso_counter: a single-phase extension that keeps its state in C
 * globals, the kind of module isolate_native_modules exists for.  Each
 * copy of the library has its own `counter`. */
#include "Python.h"

static long counter;

static PyObject *bump(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(++counter);
}

static PyMethodDef counter_methods[] = {
    {"bump", bump, METH_NOARGS, "Increment the C global counter and return it."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT, "iso_counter", NULL, -1, counter_methods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_iso_counter(void)
{
    return PyModule_Create(&counter_module);
}
