/* Multi-phase: the create slot returns a non-module object, which is
 * allowed when the def asks for no module state. */
#include <Python.h>

static PyObject *createobj_create(PyObject *spec, PyModuleDef *def) { return PyLong_FromLong(7); }

static PyModuleDef_Slot slots[] = {{Py_mod_create, createobj_create}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "createobj", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_createobj(void) { return PyModuleDef_Init(&def); }
