/* Multi-phase: the exec slot raises. */
#include <Python.h>

static int execfail_exec(PyObject *m)
{
    PyErr_SetString(PyExc_RuntimeError, "exec slot of execfail failed");
    return -1;
}

static PyModuleDef_Slot slots[] = {{Py_mod_exec, execfail_exec}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "execfail", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_execfail(void) { return PyModuleDef_Init(&def); }
