/* Multi-phase: the create slot returns NULL without an exception. */
#include <Python.h>

static PyObject *createnull_create(PyObject *spec, PyModuleDef *def) { return NULL; }

static PyModuleDef_Slot slots[] = {{Py_mod_create, createnull_create}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "createnull", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_createnull(void) { return PyModuleDef_Init(&def); }
