/* PyArg_ParseTuple("ii") and PyLong_FromLong, from the chapter's
 * "Parsing Arguments" example, verbatim inside a module. */
#include <Python.h>
static PyObject *
add(PyObject *self, PyObject *args)
{
int a;
int b;
if (!PyArg_ParseTuple(args, "ii", &a, &b)) {
return NULL;
}
return PyLong_FromLong(a + b);
}
static PyMethodDef methods[] = {
{
"add",
add,
METH_VARARGS,
"Add two numbers"
},
{NULL, NULL, 0, NULL}
};
static struct PyModuleDef module = {
PyModuleDef_HEAD_INIT,
"demo",
"Example module",
-1,
methods
};
PyMODINIT_FUNC
PyInit_demo(void)
{
return PyModule_Create(&module);
}
