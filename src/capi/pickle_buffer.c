/* pickle_buffer.c: pickle.PickleBuffer (PEP 574), a wrapper that holds
 * one buffer view of another object so that pickle protocol 5 can pass
 * out-of-band data.  It re-exports the held view through the buffer
 * protocol; release() gives it up early.  Declared in
 * include/pickle_buffer.h. */
#include "internal.h"

typedef struct {
    PyObject_HEAD
    Py_buffer view;            /* view.obj == NULL once released */
    PyObject *weakreflist;
} kr_picklebuf;

static int kr_picklebuf_ready(void)
{
    if (!(PyPickleBuffer_Type.tp_flags & Py_TPFLAGS_READY))
        return PyType_Ready(&PyPickleBuffer_Type);
    return 0;
}

static PyObject *kr_picklebuf_make(PyTypeObject *type, PyObject *base)
{
    kr_picklebuf *self = (kr_picklebuf *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (PyObject_GetBuffer(base, &self->view, PyBUF_FULL_RO) < 0) {
        self->view.obj = NULL;
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

PyObject *PyPickleBuffer_FromObject(PyObject *base)
{
    if (kr_picklebuf_ready() < 0)
        return NULL;
    return kr_picklebuf_make(&PyPickleBuffer_Type, base);
}

static int kr_picklebuf_released(kr_picklebuf *self)
{
    if (self->view.obj == NULL) {
        PyErr_SetString(PyExc_ValueError, "operation forbidden on released PickleBuffer object");
        return 1;
    }
    return 0;
}

/* Borrowed view, valid while the PickleBuffer is alive and unreleased. */
const Py_buffer *PyPickleBuffer_GetBuffer(PyObject *obj)
{
    if (!PyPickleBuffer_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected PickleBuffer, %.200s found", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    kr_picklebuf *self = (kr_picklebuf *)obj;
    return kr_picklebuf_released(self) ? NULL : &self->view;
}

int PyPickleBuffer_Release(PyObject *obj)
{
    if (!PyPickleBuffer_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected PickleBuffer, %.200s found", Py_TYPE(obj)->tp_name);
        return -1;
    }
    PyBuffer_Release(&((kr_picklebuf *)obj)->view);
    return 0;
}

static PyObject *kr_picklebuf_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *base;
    static char *kwlist[] = {"", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:PickleBuffer", kwlist, &base))
        return NULL;
    return kr_picklebuf_make(type, base);
}

static int kr_picklebuf_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((kr_picklebuf *)op)->view.obj);
    return 0;
}

static int kr_picklebuf_clear(PyObject *op)
{
    PyBuffer_Release(&((kr_picklebuf *)op)->view);
    return 0;
}

static void kr_picklebuf_dealloc(PyObject *op)
{
    kr_picklebuf *self = (kr_picklebuf *)op;
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    PyBuffer_Release(&self->view);
    Py_TYPE(op)->tp_free(op);
}

static int kr_picklebuf_getbuf(PyObject *op, Py_buffer *view, int flags)
{
    kr_picklebuf *self = (kr_picklebuf *)op;
    if (kr_picklebuf_released(self))
        return -1;
    return PyObject_GetBuffer(self->view.obj, view, flags);
}

static void kr_picklebuf_relbuf(PyObject *op, Py_buffer *view) { }

static PyObject *kr_picklebuf_raw(PyObject *op, PyObject *unused)
{
    kr_picklebuf *self = (kr_picklebuf *)op;
    if (kr_picklebuf_released(self))
        return NULL;
    if (self->view.suboffsets != NULL || !PyBuffer_IsContiguous(&self->view, 'A')) {
        PyErr_SetString(PyExc_BufferError, "cannot extract raw buffer from non-contiguous buffer");
        return NULL;
    }
    PyObject *m = PyMemoryView_FromObject(op);
    if (m == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(m, "cast", "s(n)", "B", self->view.len);
    Py_DECREF(m);
    return r;
}

static PyObject *kr_picklebuf_release(PyObject *op, PyObject *unused)
{
    PyBuffer_Release(&((kr_picklebuf *)op)->view);
    Py_RETURN_NONE;
}

static PyMethodDef kr_picklebuf_methods[] = {
    {"raw", kr_picklebuf_raw, METH_NOARGS,
     "Return a memoryview of the raw memory underlying this buffer.\n"
     "Will raise BufferError is the buffer isn't contiguous."},
    {"release", kr_picklebuf_release, METH_NOARGS,
     "Release the underlying buffer exposed by the PickleBuffer object."},
    {NULL, NULL, 0, NULL}
};

static PyBufferProcs kr_picklebuf_as_buffer = {kr_picklebuf_getbuf, kr_picklebuf_relbuf};

PyTypeObject PyPickleBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "pickle.PickleBuffer",
    .tp_doc = "Wrapper for potentially out-of-band buffers",
    .tp_basicsize = sizeof(kr_picklebuf),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = kr_picklebuf_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_traverse = kr_picklebuf_traverse,
    .tp_clear = kr_picklebuf_clear,
    .tp_dealloc = kr_picklebuf_dealloc,
    .tp_weaklistoffset = offsetof(kr_picklebuf, weakreflist),
    .tp_as_buffer = &kr_picklebuf_as_buffer,
    .tp_methods = kr_picklebuf_methods,
};
