/* traceback.c: traceback objects (PyTraceBack_Type) and the source
 * positions of instructions.
 *
 * As an exception leaves a frame, the loop prepends one traceback entry
 * for that frame (PyTraceBack_Here), so the chain reads outermost first.
 * tb_lasti is a byte offset as in CPython (instruction word index * 2);
 * the runtime area prints tracebacks from these objects, finding source
 * spans through kr_code_location. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"
#include "structmember.h"

int kr_code_location(PyCodeObject *co, int lasti, int *lineno, int *end_lineno,
                     int *col, int *end_col)
{
    if (co == NULL || lasti < 0 || lasti >= co->co_ncode || co->co_locations == NULL) {
        *lineno = *end_lineno = *col = *end_col = -1;
        return -1;
    }
    const kr_location *loc = &co->co_locations[lasti];
    *lineno = loc->lineno;
    *end_lineno = loc->end_lineno;
    *col = loc->col;
    *end_col = loc->end_col;
    return 0;
}

static PyObject *kr_tb_create(PyObject *next, PyFrameObject *frame, int lasti, int lineno)
{
    PyTracebackObject *tb;
    if (next != NULL && next != Py_None && !PyTraceBack_Check(next)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    tb = PyObject_GC_New(PyTracebackObject, &PyTraceBack_Type);
    if (tb == NULL)
        return NULL;
    tb->tb_next = (next == NULL || next == Py_None) ? NULL
                  : (PyTracebackObject *)Py_NewRef(next);
    tb->tb_frame = (PyFrameObject *)Py_XNewRef((PyObject *)frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    PyObject_GC_Track(tb);
    return (PyObject *)tb;
}

int PyTraceBack_Here(PyFrameObject *frame)
{
    PyThreadState *ts = kr_tstate_get();
    PyObject *exc = ts->curexc;
    PyObject *old, *tb;
    if (exc == NULL)
        return 0;
    old = PyException_GetTraceback(exc);
    tb = kr_tb_create(old, frame, PyFrame_GetLasti(frame), PyFrame_GetLineNumber(frame));
    Py_XDECREF(old);
    if (tb == NULL)
        return -1;
    exc = ts->curexc;
    if (exc != NULL)
        PyException_SetTraceback(exc, tb);
    Py_DECREF(tb);
    return 0;
}

int kr_traceback_add(PyThreadState *ts, kr_frame *f)
{
    PyFrameObject *fo;
    PyObject *saved;
    if (ts->curexc == NULL)
        return 0;
    /* making the frame object must not disturb the exception */
    saved = ts->curexc;
    ts->curexc = NULL;
    fo = kr_frame_get_object(f);
    if (fo == NULL) {
        PyErr_Clear();
        ts->curexc = saved;
        return -1;
    }
    ts->curexc = saved;
    return PyTraceBack_Here(fo);
}

/* ---- the type ---- */

static PyObject *kr_tb_get_next(PyTracebackObject *self, void *c)
{
    return Py_NewRef(self->tb_next ? (PyObject *)self->tb_next : Py_None);
}

static int kr_tb_set_next(PyTracebackObject *self, PyObject *new_next, void *c)
{
    if (new_next == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (new_next == Py_None) {
        new_next = NULL;
    } else if (!PyTraceBack_Check(new_next)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object, got '%s'",
                     Py_TYPE(new_next)->tp_name);
        return -1;
    }
    for (PyTracebackObject *c2 = (PyTracebackObject *)new_next; c2 != NULL; c2 = c2->tb_next) {
        if (c2 == self) {
            PyErr_Format(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    Py_XSETREF(self->tb_next, (PyTracebackObject *)Py_XNewRef(new_next));
    return 0;
}

static PyObject *kr_tb_get_lineno(PyTracebackObject *self, void *c)
{
    if (self->tb_lineno < 0)
        Py_RETURN_NONE;
    return PyLong_FromLong(self->tb_lineno);
}

static PyGetSetDef kr_tb_getset[] = {
    {"tb_next", (getter)kr_tb_get_next, (setter)kr_tb_set_next, NULL, NULL},
    {"tb_lineno", (getter)kr_tb_get_lineno, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef kr_tb_members[] = {
    {"tb_frame", T_OBJECT, offsetof(PyTracebackObject, tb_frame), READONLY, NULL},
    {"tb_lasti", T_INT, offsetof(PyTracebackObject, tb_lasti), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *kr_tb_dir(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("[ssss]", "tb_frame", "tb_next", "tb_lasti", "tb_lineno");
}

static PyMethodDef kr_tb_methods[] = {
    {"__dir__", kr_tb_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) */
static PyObject *kr_tb_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    PyObject *next, *frame;
    int lasti, lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO!ii:TracebackType", kwlist,
                                     &next, &PyFrame_Type, &frame, &lasti, &lineno))
        return NULL;
    if (next != Py_None && !PyTraceBack_Check(next)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object or None, got '%s'",
                     Py_TYPE(next)->tp_name);
        return NULL;
    }
    return kr_tb_create(next, (PyFrameObject *)frame, lasti, lineno);
}

static void kr_tb_dealloc(PyTracebackObject *tb)
{
    PyObject_GC_UnTrack(tb);
    Py_TRASHCAN_BEGIN(tb, kr_tb_dealloc)
    Py_XDECREF(tb->tb_next);
    Py_XDECREF(tb->tb_frame);
    PyObject_GC_Del(tb);
    Py_TRASHCAN_END
}

static int kr_tb_traverse(PyTracebackObject *tb, visitproc visit, void *arg)
{
    Py_VISIT(tb->tb_next);
    Py_VISIT(tb->tb_frame);
    return 0;
}

static int kr_tb_clear(PyTracebackObject *tb)
{
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    return 0;
}

PyTypeObject PyTraceBack_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PyTracebackObject),
    .tp_dealloc = (destructor)kr_tb_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)kr_tb_traverse,
    .tp_clear = (inquiry)kr_tb_clear,
    .tp_methods = kr_tb_methods,
    .tp_members = kr_tb_members,
    .tp_getset = kr_tb_getset,
    .tp_new = kr_tb_new,
};
