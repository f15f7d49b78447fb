/* The init function fails without saying why: NULL and no exception. */
#include <Python.h>

PyMODINIT_FUNC PyInit_nullnoexc(void) { return NULL; }
