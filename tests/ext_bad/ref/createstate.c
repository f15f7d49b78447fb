/* Multi-phase: the create slot returns a non-module object although the
 * def asks for module state. */
#include <Python.h>

static PyObject *createstate_create(PyObject *spec, PyModuleDef *def) { return PyLong_FromLong(7); }

static PyModuleDef_Slot slots[] = {{Py_mod_create, createstate_create}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "createstate", NULL, 16, NULL, slots};

PyMODINIT_FUNC PyInit_createstate(void) { return PyModuleDef_Init(&def); }
