/* iso_dep: a single-phase extension whose state lives in a library it
 * needs (libisohelper.so, found through DT_NEEDED and an $ORIGIN run
 * path in the module's folder). */
#include "Python.h"

long iso_helper_bump(void);

static PyObject *bump(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(iso_helper_bump());
}

static PyMethodDef dep_methods[] = {
    {"bump", bump, METH_NOARGS, "Increment the helper library's counter."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef dep_module = {
    PyModuleDef_HEAD_INIT, "iso_dep", NULL, -1, dep_methods, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_iso_dep(void)
{
    return PyModule_Create(&dep_module);
}
