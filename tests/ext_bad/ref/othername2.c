/* Multi-phase: m_name differs from the file's name; the spec's name wins. */
#include <Python.h>

static PyModuleDef_Slot slots[] = {{0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "not_othername2", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_othername2(void) { return PyModuleDef_Init(&def); }
