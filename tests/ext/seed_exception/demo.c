/* A module-specific exception (PyErr_NewException, PyModule_AddObject),
 * from the chapter's "Defining Module Exceptions" section; the chapter's
 * static is kept as written, since this is the single-phase pattern it
 * teaches. */
#include <Python.h>
static PyObject *DemoError;
static PyObject *
fail(PyObject *self, PyObject *arg)
{
PyErr_SetString(DemoError, "failure");
return NULL;
}
static PyObject *
check(PyObject *self, PyObject *arg)
{
if (PyLong_AsLong(arg) < 0) {
PyErr_SetString(PyExc_ValueError,
"invalid value");
return NULL;
}
Py_RETURN_NONE;
}
static PyMethodDef methods[] = {
{"fail", fail, METH_NOARGS, NULL},
{"check", check, METH_O, NULL},
{NULL, NULL, 0, NULL}
};
static struct PyModuleDef module = {
PyModuleDef_HEAD_INIT, "demo", NULL, -1, methods
};
PyMODINIT_FUNC
PyInit_demo(void)
{
PyObject *m = PyModule_Create(&module);
if (m == NULL)
return NULL;
DemoError =
PyErr_NewException(
"demo.Error",
NULL,
NULL
);
Py_INCREF(DemoError);
PyModule_AddObject(m,
"Error",
DemoError);
return m;
}
