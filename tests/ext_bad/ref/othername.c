/* Single-phase: m_name differs from the file's name.  CPython imports it
 * under the file's name and leaves __name__ as m_name says. */
#include <Python.h>

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "not_othername", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_othername(void) { return PyModule_Create(&def); }
