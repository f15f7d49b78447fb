/* Refers to a function no library defines, so the dynamic loader refuses
 * the file (RTLD_NOW). */
#include <Python.h>

extern int ext_bad_no_such_function(void);

static PyObject *undef_f(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(ext_bad_no_such_function());
}

static PyMethodDef methods[] = {{"f", undef_f, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "undef", NULL, -1, methods};

PyMODINIT_FUNC PyInit_undef(void) { return PyModule_Create(&def); }
