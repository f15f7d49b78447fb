/* Multi-phase: a slot ID that does not exist. */
#include <Python.h>

static PyModuleDef_Slot slots[] = {{99, NULL}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "badslot", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_badslot(void) { return PyModuleDef_Init(&def); }
