/* Multi-phase initialisation (PEP 489) with a Py_mod_create slot that
 * builds the module itself and a Py_mod_exec slot that fills it. */
#include <Python.h>
static PyObject *
create(PyObject *spec, PyModuleDef *def)
{
PyObject *name = PyObject_GetAttrString(spec, "name");
if (name == NULL)
return NULL;
PyObject *m = PyModule_NewObject(name);
Py_DECREF(name);
return m;
}
static int
exec_one(PyObject *m)
{
return PyModule_AddStringConstant(m, "first", "exec one");
}
static int
exec_two(PyObject *m)
{
return PyModule_AddStringConstant(m, "second", "exec two");
}
static PyModuleDef_Slot slots[] = {
{Py_mod_create, create},
{Py_mod_exec, exec_one},
{Py_mod_exec, exec_two},
{0, NULL}
};
static struct PyModuleDef module = {
PyModuleDef_HEAD_INIT, "demo", "multi-phase demo", 0, NULL, slots, NULL, NULL, NULL
};
PyMODINIT_FUNC
PyInit_demo(void)
{
return PyModuleDef_Init(&module);
}
