/* The init function returns an object that is neither a module nor a
 * PyModuleDef. */
#include <Python.h>

PyMODINIT_FUNC PyInit_notmod(void) { return PyLong_FromLong(42); }
