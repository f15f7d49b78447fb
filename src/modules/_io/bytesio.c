/* bytesio.c: _io.BytesIO, a binary stream over a growable memory buffer,
 * and the small object behind BytesIO.getbuffer(): while a view exported
 * through it is alive, the buffer may not be resized or closed (the
 * `exports` count), which CPython reports as BufferError. */
#include "modules/_io/io_internal.h"
#include "objects/str_ids.h"

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
    char *buf;                /* NULL once closed */
    Py_ssize_t pos, size, cap;
    Py_ssize_t exports;
} kr_bytesio;

typedef struct {
    PyObject_HEAD
    kr_bytesio *source;
} kr_bytesiobuf;

#define CHECK_CLOSED(self) \
    if ((self)->buf == NULL) \
        return kr_io_closed_error();

#define CHECK_EXPORTS(self) \
    if ((self)->exports > 0) { \
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized"); \
        return NULL; \
    }

/* Makes room for `need` bytes; 0 or -1 (MemoryError). */
static int reserve(kr_bytesio *self, Py_ssize_t need)
{
    if (need <= self->cap)
        return 0;
    Py_ssize_t cap = self->cap < 64 ? 64 : self->cap;
    while (cap < need) {
        if (cap > PY_SSIZE_T_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    char *nb = PyMem_Realloc(self->buf, (size_t)cap);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->buf = nb;
    self->cap = cap;
    return 0;
}

/* Writes n bytes at pos, zero-filling any gap past the end. */
static int write_bytes(kr_bytesio *self, const char *data, Py_ssize_t n)
{
    if (n == 0)
        return 0;
    Py_ssize_t end = self->pos + n;
    if (end < self->pos) {
        PyErr_NoMemory();
        return -1;
    }
    if (reserve(self, end) < 0)
        return -1;
    if (self->pos > self->size)
        memset(self->buf + self->size, 0, (size_t)(self->pos - self->size));
    memcpy(self->buf + self->pos, data, (size_t)n);
    self->pos = end;
    if (end > self->size)
        self->size = end;
    return 0;
}

/* Resets the buffer to empty (allocating it when closed). */
static int reset(kr_bytesio *self)
{
    if (self->buf == NULL) {
        self->buf = PyMem_Malloc(64);
        if (self->buf == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        self->cap = 64;
    }
    self->pos = self->size = 0;
    return 0;
}

static PyObject *bytesio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    kr_bytesio *self = (kr_bytesio *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (reset(self) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int bytesio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    kr_bytesio *self = (kr_bytesio *)op;
    static char *kwlist[] = {"initial_bytes", NULL};
    PyObject *init = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:BytesIO", kwlist, &init))
        return -1;
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (reset(self) < 0)
        return -1;
    if (init != NULL && init != Py_None) {
        Py_buffer view;
        if (PyObject_GetBuffer(init, &view, PyBUF_CONTIG_RO) < 0)
            return -1;
        int rc = write_bytes(self, view.buf, view.len);
        PyBuffer_Release(&view);
        if (rc < 0)
            return -1;
        self->pos = 0;
    }
    return 0;
}

static void bytesio_dealloc(PyObject *op)
{
    kr_bytesio *self = (kr_bytesio *)op;
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    PyMem_Free(self->buf);
    self->buf = NULL;
    Py_CLEAR(self->dict);
    Py_TYPE(op)->tp_free(op);
}

static int bytesio_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((kr_bytesio *)op)->dict);
    return 0;
}

static PyObject *bytesio_getvalue(PyObject *op, PyObject *unused)
{
    kr_bytesio *self = (kr_bytesio *)op;
    CHECK_CLOSED(self);
    return PyBytes_FromStringAndSize(self->buf, self->size);
}

/* Takes up to n bytes from pos (n < 0: all).  Returns a pointer into the
 * buffer and advances pos. */
static const char *take(kr_bytesio *self, Py_ssize_t *n)
{
    Py_ssize_t avail = self->size - self->pos;
    if (avail < 0)
        avail = 0;
    if (*n < 0 || *n > avail)
        *n = avail;
    const char *p = self->buf + self->pos;
    self->pos += *n;
    return p;
}

static PyObject *bytesio_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_bytesio *self = (kr_bytesio *)op;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &n) < 0)
        return NULL;
    CHECK_CLOSED(self);
    const char *p = take(self, &n);
    return PyBytes_FromStringAndSize(p, n);
}

static Py_ssize_t scan_line(kr_bytesio *self, Py_ssize_t limit)
{
    Py_ssize_t avail = self->size - self->pos;
    if (avail <= 0)
        return 0;
    if (limit >= 0 && limit < avail)
        avail = limit;
    const char *start = self->buf + self->pos;
    const char *nl = memchr(start, '\n', (size_t)avail);
    return nl ? nl - start + 1 : avail;
}

static PyObject *bytesio_readline(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_bytesio *self = (kr_bytesio *)op;
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &limit) < 0)
        return NULL;
    CHECK_CLOSED(self);
    Py_ssize_t n = scan_line(self, limit);
    const char *p = take(self, &n);
    return PyBytes_FromStringAndSize(p, n);
}

static PyObject *bytesio_readlines(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_bytesio *self = (kr_bytesio *)op;
    Py_ssize_t hint = -1;
    if (!_PyArg_CheckPositional("readlines", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &hint) < 0)
        return NULL;
    CHECK_CLOSED(self);
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    Py_ssize_t total = 0, n;
    while ((n = scan_line(self, -1)) > 0) {
        const char *p = take(self, &n);
        PyObject *line = PyBytes_FromStringAndSize(p, n);
        if (line == NULL || PyList_Append(result, line) < 0) {
            Py_XDECREF(line);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(line);
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return result;
}

static PyObject *bytesio_readinto(PyObject *op, PyObject *arg)
{
    kr_bytesio *self = (kr_bytesio *)op;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0)
        return NULL;
    if (self->buf == NULL) {
        PyBuffer_Release(&view);
        return kr_io_closed_error();
    }
    Py_ssize_t n = view.len;
    const char *p = take(self, &n);
    memcpy(view.buf, p, (size_t)n);
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(n);
}

static PyObject *bytesio_write(PyObject *op, PyObject *arg)
{
    kr_bytesio *self = (kr_bytesio *)op;
    CHECK_CLOSED(self);
    CHECK_EXPORTS(self);
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_CONTIG_RO) < 0)
        return NULL;
    int rc = write_bytes(self, view.buf, view.len);
    Py_ssize_t n = view.len;
    PyBuffer_Release(&view);
    if (rc < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *bytesio_writelines(PyObject *op, PyObject *lines)
{
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = bytesio_write(op, item);
        Py_DECREF(item);
        if (r == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytesio_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_bytesio *self = (kr_bytesio *)op;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    Py_ssize_t pos;
    if (kr_io_seek_arg(args[0], &pos) < 0)
        return NULL;
    int whence = 0;
    if (nargs == 2) {
        whence = _PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred())
            return NULL;
    }
    CHECK_CLOSED(self);
    if (pos < 0 && whence == 0) {
        PyErr_Format(PyExc_ValueError, "negative seek value %zd", pos);
        return NULL;
    }
    if (whence == 1) {
        if (pos > PY_SSIZE_T_MAX - self->pos) {
            PyErr_SetString(PyExc_OverflowError, "new position too large");
            return NULL;
        }
        pos += self->pos;
    } else if (whence == 2) {
        if (pos > PY_SSIZE_T_MAX - self->size) {
            PyErr_SetString(PyExc_OverflowError, "new position too large");
            return NULL;
        }
        pos += self->size;
    } else if (whence != 0) {
        PyErr_Format(PyExc_ValueError, "invalid whence (%i, should be 0, 1 or 2)", whence);
        return NULL;
    }
    if (pos < 0)
        pos = 0;
    self->pos = pos;
    return PyLong_FromSsize_t(pos);
}

static PyObject *bytesio_tell(PyObject *op, PyObject *unused)
{
    kr_bytesio *self = (kr_bytesio *)op;
    CHECK_CLOSED(self);
    return PyLong_FromSsize_t(self->pos);
}

static PyObject *bytesio_truncate(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_bytesio *self = (kr_bytesio *)op;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    CHECK_CLOSED(self);
    CHECK_EXPORTS(self);
    Py_ssize_t size = self->pos;
    if (nargs == 1 && args[0] != Py_None) {
        size = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred())
            return NULL;
        if (size < 0) {
            PyErr_Format(PyExc_ValueError, "negative size value %zd", size);
            return NULL;
        }
    }
    if (size < self->size)
        self->size = size;
    return PyLong_FromSsize_t(size);
}

static PyObject *bytesio_true_if_open(PyObject *op, PyObject *unused)
{
    CHECK_CLOSED((kr_bytesio *)op);
    Py_RETURN_TRUE;
}

static PyObject *bytesio_flush(PyObject *op, PyObject *unused)
{
    CHECK_CLOSED((kr_bytesio *)op);
    Py_RETURN_NONE;
}

static PyObject *bytesio_isatty(PyObject *op, PyObject *unused)
{
    CHECK_CLOSED((kr_bytesio *)op);
    Py_RETURN_FALSE;
}

static PyObject *bytesio_close(PyObject *op, PyObject *unused)
{
    kr_bytesio *self = (kr_bytesio *)op;
    CHECK_EXPORTS(self);
    PyMem_Free(self->buf);
    self->buf = NULL;
    self->cap = self->size = self->pos = 0;
    Py_RETURN_NONE;
}

static PyObject *bytesio_closed_get(PyObject *op, void *c)
{
    return PyBool_FromLong(((kr_bytesio *)op)->buf == NULL);
}

static PyObject *bytesio_iter(PyObject *op)
{
    CHECK_CLOSED((kr_bytesio *)op);
    return Py_NewRef(op);
}

static PyObject *bytesio_iternext(PyObject *op)
{
    kr_bytesio *self = (kr_bytesio *)op;
    CHECK_CLOSED(self);
    Py_ssize_t n = scan_line(self, -1);
    if (n == 0)
        return NULL;
    const char *p = take(self, &n);
    return PyBytes_FromStringAndSize(p, n);
}

static PyObject *bytesio_getstate(PyObject *op, PyObject *unused)
{
    kr_bytesio *self = (kr_bytesio *)op;
    PyObject *value = bytesio_getvalue(op, NULL);
    if (value == NULL)
        return NULL;
    PyObject *dict;
    if (self->dict == NULL)
        dict = Py_NewRef(Py_None);
    else {
        dict = PyDict_Copy(self->dict);
        if (dict == NULL) {
            Py_DECREF(value);
            return NULL;
        }
    }
    PyObject *r = Py_BuildValue("(NnN)", value, self->pos, dict);
    return r;
}

static PyObject *bytesio_setstate(PyObject *op, PyObject *state)
{
    kr_bytesio *self = (kr_bytesio *)op;
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) < 3) {
        PyErr_Format(PyExc_TypeError, "%.200s.__setstate__ argument should be 3-tuple, got %.200s",
                     Py_TYPE(op)->tp_name, Py_TYPE(state)->tp_name);
        return NULL;
    }
    CHECK_EXPORTS(self);
    if (reset(self) < 0)
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(PyTuple_GET_ITEM(state, 0), &view, PyBUF_CONTIG_RO) < 0)
        return NULL;
    int rc = write_bytes(self, view.buf, view.len);
    PyBuffer_Release(&view);
    if (rc < 0)
        return NULL;
    if (kr_io_restore_pos_dict(PyTuple_GET_ITEM(state, 1),
                               "second item of state must be an integer, not %.200s",
                               PyTuple_GET_ITEM(state, 2),
                               "third item of state should be a dict, got a %.200s",
                               &self->pos, &self->dict) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytesio_sizeof(PyObject *op, PyObject *unused)
{
    kr_bytesio *self = (kr_bytesio *)op;
    return PyLong_FromSsize_t((Py_ssize_t)Py_TYPE(op)->tp_basicsize + self->cap);
}

static PyObject *bytesio_getbuffer(PyObject *op, PyObject *unused)
{
    kr_bytesio *self = (kr_bytesio *)op;
    CHECK_CLOSED(self);
    kr_bytesiobuf *b = PyObject_GC_New(kr_bytesiobuf, &kr_BytesIOBuffer_Type);
    if (b == NULL)
        return NULL;
    b->source = (kr_bytesio *)Py_NewRef(op);
    PyObject_GC_Track(b);
    PyObject *view = PyMemoryView_FromObject((PyObject *)b);
    Py_DECREF(b);
    return view;
}

static PyMethodDef bytesio_methods[] = {
    {"readable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"seekable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"writable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"close", bytesio_close, METH_NOARGS, NULL},
    {"flush", bytesio_flush, METH_NOARGS, NULL},
    {"isatty", bytesio_isatty, METH_NOARGS, NULL},
    {"tell", bytesio_tell, METH_NOARGS, NULL},
    {"write", bytesio_write, METH_O, NULL},
    {"writelines", bytesio_writelines, METH_O, NULL},
    {"read1", (PyCFunction)(void (*)(void))bytesio_read, METH_FASTCALL, NULL},
    {"readinto", bytesio_readinto, METH_O, NULL},
    {"readline", (PyCFunction)(void (*)(void))bytesio_readline, METH_FASTCALL, NULL},
    {"readlines", (PyCFunction)(void (*)(void))bytesio_readlines, METH_FASTCALL, NULL},
    {"read", (PyCFunction)(void (*)(void))bytesio_read, METH_FASTCALL, NULL},
    {"getbuffer", bytesio_getbuffer, METH_NOARGS, NULL},
    {"getvalue", bytesio_getvalue, METH_NOARGS, NULL},
    {"seek", (PyCFunction)(void (*)(void))bytesio_seek, METH_FASTCALL, NULL},
    {"truncate", (PyCFunction)(void (*)(void))bytesio_truncate, METH_FASTCALL, NULL},
    {"__getstate__", bytesio_getstate, METH_NOARGS, NULL},
    {"__setstate__", bytesio_setstate, METH_O, NULL},
    {"__sizeof__", bytesio_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef bytesio_getset[] = {
    {"closed", bytesio_closed_get, NULL, "True if the file is closed.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyBytesIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(kr_bytesio),
    .tp_dealloc = bytesio_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Buffered I/O implementation using an in-memory bytes buffer.",
    .tp_traverse = bytesio_traverse,
    .tp_clear = kr_iobase_clear,
    .tp_weaklistoffset = offsetof(kr_bytesio, weakreflist),
    .tp_iter = bytesio_iter,
    .tp_iternext = bytesio_iternext,
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getset,
    .tp_base = &PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(kr_bytesio, dict),
    .tp_init = bytesio_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = bytesio_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- the getbuffer() exporter ---- */

static int bytesiobuf_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    kr_bytesio *b = ((kr_bytesiobuf *)op)->source;
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "bytesiobuf_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    if (PyBuffer_FillInfo(view, op, b->buf, b->size, 0, flags) < 0)
        return -1;
    b->exports++;
    return 0;
}

static void bytesiobuf_releasebuffer(PyObject *op, Py_buffer *view)
{
    ((kr_bytesiobuf *)op)->source->exports--;
}

static int bytesiobuf_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((kr_bytesiobuf *)op)->source);
    return 0;
}

static void bytesiobuf_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((kr_bytesiobuf *)op)->source);
    PyObject_GC_Del(op);
}

static PyBufferProcs bytesiobuf_as_buffer = {bytesiobuf_getbuffer, bytesiobuf_releasebuffer};

PyTypeObject kr_BytesIOBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BytesIOBuffer",
    .tp_basicsize = sizeof(kr_bytesiobuf),
    .tp_dealloc = bytesiobuf_dealloc,
    .tp_as_buffer = &bytesiobuf_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytesiobuf_traverse,
};
