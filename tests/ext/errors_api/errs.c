/* The error API: set/format/fetch/restore/normalize, matching, chaining
 * NewExceptionWithDoc, SetFromErrno,
 * WarnEx, BadArgument, and a NULL return without an exception (which
 * must become SystemError). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>

static PyObject *MyError;

static PyObject *raise_format(PyObject *m, PyObject *args)
{
    return PyErr_Format(PyExc_ValueError, "bad value %d in %s (%R)", 42, "raise_format", args);
}

static PyObject *fetch_restore(PyObject *m, PyObject *unused)
{
    PyErr_SetString(PyExc_KeyError, "k");
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    int cleared = PyErr_Occurred() == NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *desc = Py_BuildValue("(OOi)", t, v, cleared);
    PyErr_Restore(t, v, tb);
    int matches = PyErr_ExceptionMatches(PyExc_LookupError);
    PyErr_Clear();
    return Py_BuildValue("(Ni)", desc, matches);
}

static PyObject *given_matches(PyObject *m, PyObject *args)
{
    PyObject *exc, *cls;
    if (!PyArg_ParseTuple(args, "OO", &exc, &cls))
        return NULL;
    return PyBool_FromLong(PyErr_GivenExceptionMatches(exc, cls));
}

static PyObject *raise_mine(PyObject *m, PyObject *arg)
{
    PyErr_SetObject(MyError, arg);
    return NULL;
}

static PyObject *errno_error(PyObject *m, PyObject *unused)
{
    errno = ENOENT;
    return PyErr_SetFromErrnoWithFilename(PyExc_OSError, "/no/such/file");
}

static PyObject *warn(PyObject *m, PyObject *msg)
{
    if (PyErr_WarnEx(PyExc_UserWarning, PyUnicode_AsUTF8(msg), 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *null_no_error(PyObject *m, PyObject *unused)
{
    return NULL;
}

static PyObject *result_with_error(PyObject *m, PyObject *unused)
{
    PyErr_SetString(PyExc_RuntimeError, "left set");
    Py_RETURN_NONE;
}

static PyObject *bad_argument(PyObject *m, PyObject *unused)
{
    PyErr_BadArgument();
    return NULL;
}

static PyMethodDef methods[] = {
    {"raise_format", raise_format, METH_VARARGS, NULL},
    {"fetch_restore", fetch_restore, METH_NOARGS, NULL},
    {"given_matches", given_matches, METH_VARARGS, NULL},
    {"raise_mine", raise_mine, METH_O, NULL},
    {"errno_error", errno_error, METH_NOARGS, NULL},
    {"warn", warn, METH_O, NULL},
    {"null_no_error", null_no_error, METH_NOARGS, NULL},
    {"result_with_error", result_with_error, METH_NOARGS, NULL},
    {"bad_argument", bad_argument, METH_NOARGS, NULL},
    {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "errs", NULL, -1, methods};
PyMODINIT_FUNC PyInit_errs(void)
{
    PyObject *m = PyModule_Create(&mod);
    if (m == NULL)
        return NULL;
    MyError = PyErr_NewExceptionWithDoc("errs.MyError", "A documented error.", PyExc_LookupError, NULL);
    if (MyError == NULL || PyModule_AddObjectRef(m, "MyError", MyError) < 0)
        return NULL;
    return m;
}
