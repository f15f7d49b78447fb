/* A submodule without its init function: the name looked for is the last
 * component of the dotted name (PyInit_nosub). */
#include <Python.h>

int nosub_something(void);
int nosub_something(void) { return 2; }
