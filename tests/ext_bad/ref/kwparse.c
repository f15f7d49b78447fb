/* Bad arguments to PyArg_ParseTupleAndKeywords: which error wins when a
 * call has several things wrong (CPython converts every argument before
 * it looks for names given twice or unknown). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *kwparse_parse(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"count", "obj", "scale", NULL};
    int count;
    PyObject *obj;
    double scale = 1.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "iO|d:parse", kwlist, &count, &obj, &scale))
        return NULL;
    return Py_BuildValue("(iOd)", count, obj, scale);
}

/* One positional-only parameter (empty name) and one keyword-only. */
static PyObject *kwparse_posonly(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "b", "c", NULL};
    int a, b = 0, c = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|i$i", kwlist, &a, &b, &c))
        return NULL;
    return Py_BuildValue("(iii)", a, b, c);
}

static PyMethodDef methods[] = {
    {"parse", (PyCFunction)(void (*)(void))kwparse_parse, METH_VARARGS | METH_KEYWORDS, NULL},
    {"posonly", (PyCFunction)(void (*)(void))kwparse_posonly, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "kwparse", NULL, -1, methods};

PyMODINIT_FUNC PyInit_kwparse(void) { return PyModule_Create(&def); }
