/* The smallest extension of the extension-module chapter (shared/seeds),
 * verbatim. */
#include <Python.h>
static PyObject *
hello(PyObject *self, PyObject *args)
{
printf("hello from C\n");
Py_RETURN_NONE;
}
static PyMethodDef methods[] = {
{"hello", hello, METH_NOARGS, "Print hello"},
{NULL, NULL, 0, NULL}
};
static struct PyModuleDef module = {
PyModuleDef_HEAD_INIT,
"demo",
NULL,
-1,
methods
};
PyMODINIT_FUNC
PyInit_demo(void)
{
return PyModule_Create(&module);
}
