/* iso_state: a multi-phase extension (PEP 489) with module state.  The
 * library is loaded once per process and each context gets its own
 * module and state; `library_id` exposes the address of a constant so a
 * test can see that two contexts share one mapping. */
#include "Python.h"

typedef struct {
    long count;
} iso_state;

static const char library_marker = 'k';

static PyObject *bump(PyObject *self, PyObject *unused)
{
    iso_state *st = PyModule_GetState(self);
    return PyLong_FromLong(++st->count);
}

static PyObject *library_id(PyObject *self, PyObject *unused)
{
    return PyLong_FromVoidPtr((void *)&library_marker);
}

static int iso_exec(PyObject *m)
{
    iso_state *st = PyModule_GetState(m);
    st->count = 0;
    return PyModule_AddIntConstant(m, "executed", 1);
}

static PyMethodDef state_methods[] = {
    {"bump", bump, METH_NOARGS, "Increment this module's state and return it."},
    {"library_id", library_id, METH_NOARGS, "Address of a constant of the library."},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef_Slot state_slots[] = {
    {Py_mod_exec, iso_exec},
    {0, NULL}
};

static struct PyModuleDef state_module = {
    PyModuleDef_HEAD_INIT, "iso_state", NULL, sizeof(iso_state), state_methods,
    state_slots, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_iso_state(void)
{
    return PyModuleDef_Init(&state_module);
}
