/* frame_eval: the frame-evaluation C API (PyFrame_New, PyEval_EvalFrame,
 * PyEval_EvalFrameEx, PyGen_New, PyGen_NewWithQualName) and the C-level
 * hooks (PyEval_SetTrace, PyEval_SetProfile), driven from test.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>

static PyFrameObject *new_frame(PyObject *code, PyObject *globals, PyObject *locals)
{
    if (!PyCode_Check(code) || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_TypeError, "expected a code object and a dict");
        return NULL;
    }
    return PyFrame_New(PyThreadState_Get(), (PyCodeObject *)code, globals,
                       locals == Py_None ? NULL : locals);
}

static PyObject *eval_code(PyObject *self, PyObject *args)
{
    PyObject *code, *globals, *locals = Py_None;
    if (!PyArg_ParseTuple(args, "OO|O", &code, &globals, &locals))
        return NULL;
    PyFrameObject *f = new_frame(code, globals, locals);
    if (f == NULL)
        return NULL;
    PyObject *res = PyEval_EvalFrame(f);
    Py_DECREF(f);
    return res;
}

/* Runs the frame with throwflag set: it starts by raising `exc`. */
static PyObject *eval_throw(PyObject *self, PyObject *args)
{
    PyObject *code, *globals, *exc;
    if (!PyArg_ParseTuple(args, "OOO", &code, &globals, &exc))
        return NULL;
    PyFrameObject *f = new_frame(code, globals, Py_None);
    if (f == NULL)
        return NULL;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    PyObject *res = PyEval_EvalFrameEx(f, 1);
    Py_DECREF(f);
    return res;
}

static PyObject *make_gen(PyObject *self, PyObject *args)
{
    PyObject *code, *globals, *name = NULL, *qualname = NULL;
    if (!PyArg_ParseTuple(args, "OO|OO", &code, &globals, &name, &qualname))
        return NULL;
    PyFrameObject *f = new_frame(code, globals, Py_None);
    if (f == NULL)
        return NULL;
    /* both steal the frame */
    if (name == NULL)
        return PyGen_New(f);
    return PyGen_NewWithQualName(f, name, qualname);
}

static const char *const event_names[] = {
    "call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode"
};

/* Appends (event, code name, line relative to the code's first line) to
 * the list given to set_trace / set_profile; c_* events name the
 * builtin instead of the line. */
static int hook(PyObject *log, PyFrameObject *frame, int what, PyObject *arg)
{
    PyCodeObject *code = PyFrame_GetCode(frame);
    PyObject *name = PyObject_GetAttrString((PyObject *)code, "co_name");
    PyObject *first = PyObject_GetAttrString((PyObject *)code, "co_firstlineno");
    Py_DECREF(code);
    if (name == NULL || first == NULL) {
        Py_XDECREF(name);
        Py_XDECREF(first);
        return -1;
    }
    PyObject *item;
    if (what >= PyTrace_C_CALL && what <= PyTrace_C_RETURN) {
        PyObject *fname = PyObject_GetAttrString(arg, "__name__");
        if (fname == NULL) {
            Py_DECREF(name);
            Py_DECREF(first);
            return -1;
        }
        item = Py_BuildValue("(sON)", event_names[what], name, fname);
    } else {
        long rel = PyFrame_GetLineNumber(frame) - PyLong_AsLong(first);
        item = Py_BuildValue("(sOl)", event_names[what], name, rel);
    }
    Py_DECREF(name);
    Py_DECREF(first);
    if (item == NULL)
        return -1;
    int r = PyList_Append(log, item);
    Py_DECREF(item);
    return r;
}

static PyObject *set_trace(PyObject *self, PyObject *log)
{
    if (log == Py_None)
        PyEval_SetTrace(NULL, NULL);
    else
        PyEval_SetTrace(hook, log);
    Py_RETURN_NONE;
}

static PyObject *set_profile(PyObject *self, PyObject *log)
{
    if (log == Py_None)
        PyEval_SetProfile(NULL, NULL);
    else
        PyEval_SetProfile(hook, log);
    Py_RETURN_NONE;
}

/* A trace hook that fails on the first 'line' event it sees, then
 * records that in `flag` (a list) and lets later events pass. */
static int failing_hook(PyObject *flag, PyFrameObject *frame, int what, PyObject *arg)
{
    if (what == PyTrace_LINE && PyList_GET_SIZE(flag) == 0) {
        if (PyList_Append(flag, Py_True) < 0)
            return -1;
        PyErr_SetString(PyExc_RuntimeError, "hook failed");
        return -1;
    }
    return 0;
}

static PyObject *set_failing_trace(PyObject *self, PyObject *flag)
{
    if (!PyList_Check(flag)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    PyEval_SetTrace(failing_hook, flag);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"eval_code", eval_code, METH_VARARGS, NULL},
    {"eval_throw", eval_throw, METH_VARARGS, NULL},
    {"make_gen", make_gen, METH_VARARGS, NULL},
    {"set_trace", set_trace, METH_O, NULL},
    {"set_profile", set_profile, METH_O, NULL},
    {"set_failing_trace", set_failing_trace, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "frame_eval", NULL, -1, methods
};

PyMODINIT_FUNC PyInit_frame_eval(void)
{
    return PyModule_Create(&moduledef);
}
