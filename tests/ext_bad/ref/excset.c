/* The init function returns a module but leaves an exception pending. */
#include <Python.h>

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "excset", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_excset(void)
{
    PyObject *m = PyModule_Create(&def);
    PyErr_SetString(PyExc_KeyError, "left pending");
    return m;
}
