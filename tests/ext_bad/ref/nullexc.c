/* The init function fails properly: NULL with an exception set. */
#include <Python.h>

PyMODINIT_FUNC PyInit_nullexc(void)
{
    PyErr_SetString(PyExc_ValueError, "nullexc refuses to initialise");
    return NULL;
}
