/* A library that is not a module: it exports no PyInit_noinit. */
#include <Python.h>

int noinit_something(void);
int noinit_something(void) { return 1; }
