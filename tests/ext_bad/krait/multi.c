/* A working multi-phase module with module state. */
#include <Python.h>

static int multi_exec(PyObject *m) { return PyModule_AddIntConstant(m, "answer", 42); }

static PyModuleDef_Slot slots[] = {{Py_mod_exec, multi_exec}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "multi", NULL, sizeof(int), NULL, slots};

PyMODINIT_FUNC PyInit_multi(void) { return PyModuleDef_Init(&def); }
