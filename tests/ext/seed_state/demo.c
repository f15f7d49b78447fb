/* Per-module state (the chapter's module_state with a counter) through
 * multi-phase initialisation: every module object has its own counter. */
#include <Python.h>
typedef struct {
int counter;
} module_state;
static PyObject *
bump(PyObject *self, PyObject *unused)
{
module_state *st = PyModule_GetState(self);
st->counter++;
return PyLong_FromLong(st->counter);
}
static int
demo_exec(PyObject *m)
{
module_state *st = PyModule_GetState(m);
st->counter = 100;
return PyModule_AddIntConstant(m, "START", st->counter);
}
static PyMethodDef methods[] = {
{"bump", bump, METH_NOARGS, NULL},
{NULL, NULL, 0, NULL}
};
static PyModuleDef_Slot slots[] = {
{Py_mod_exec, demo_exec},
{0, NULL}
};
static struct PyModuleDef module = {
PyModuleDef_HEAD_INIT,
.m_name = "demo",
.m_size = sizeof(module_state),
.m_methods = methods,
.m_slots = slots,
};
PyMODINIT_FUNC
PyInit_demo(void)
{
return PyModuleDef_Init(&module);
}
