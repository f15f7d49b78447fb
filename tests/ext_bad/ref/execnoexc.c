/* Multi-phase: the exec slot returns -1 without an exception. */
#include <Python.h>

static int execnoexc_exec(PyObject *m) { return -1; }

static PyModuleDef_Slot slots[] = {{Py_mod_exec, execnoexc_exec}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "execnoexc", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_execnoexc(void) { return PyModuleDef_Init(&def); }
