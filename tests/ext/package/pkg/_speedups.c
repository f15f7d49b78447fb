/* An extension inside a package: pkg/_speedups.so imports as
 * pkg._speedups, with __name__ and __file__ set accordingly. */
#include <Python.h>

static PyObject *fast_sum(PyObject *m, PyObject *seq)
{
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    long total = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        long v = PyLong_AsLong(item);
        Py_DECREF(item);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(it);
            return NULL;
        }
        total += v;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(total);
}

static PyMethodDef methods[] = {{"fast_sum", fast_sum, METH_O, NULL}, {NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "pkg._speedups", NULL, -1, methods};
PyMODINIT_FUNC PyInit__speedups(void) { return PyModule_Create(&mod); }
