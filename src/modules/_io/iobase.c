/* iobase.c: the abstract bases _IOBase, _RawIOBase, _BufferedIOBase and
 * _TextIOBase.  Their methods work only through other methods of `self`
 * (read(), readinto(), seekable()...), so Python subclasses that supply
 * the primitives get the rest for free, exactly as io.py's classes expect.
 *
 * The closed state of a plain _IOBase lives in the instance dict as
 * `__IOBase_closed`, so it survives whatever layout a subclass adds. */
#include "modules/_io/io_internal.h"
#include "capi/argparse.h"
#include "objects/str_ids.h"
#include "structmember.h"

#define CLOSED_FLAG "__IOBase_closed"

int kr_iobase_is_closed_flag(PyObject *self)
{
    PyObject *v;
    int r = _PyObject_LookupAttr(self, KR_ID(__IOBase_closed), &v);
    Py_XDECREF(v);
    return r;
}

int kr_io_is_closed(PyObject *self)
{
    PyObject *v = PyObject_GetAttrString(self, "closed");
    if (v == NULL)
        return -1;
    int r = PyObject_IsTrue(v);
    Py_DECREF(v);
    return r;
}

int kr_io_check_closed(PyObject *self)
{
    int r = kr_io_is_closed(self);
    if (r > 0) {
        kr_io_closed_error();
        return -1;
    }
    return r;
}

static int check_capability(PyObject *self, const char *meth, const char *msg)
{
    PyObject *r = PyObject_CallMethod(self, meth, NULL);
    if (r == NULL)
        return -1;
    int ok = r == Py_True;
    Py_DECREF(r);
    if (!ok) {
        kr_io_unsupported(msg);
        return -1;
    }
    return 0;
}

int kr_io_check_readable(PyObject *self)
{
    return check_capability(self, "readable", "File or stream is not readable.");
}

int kr_io_check_writable(PyObject *self)
{
    return check_capability(self, "writable", "File or stream is not writable.");
}

int kr_io_check_seekable(PyObject *self)
{
    return check_capability(self, "seekable", "File or stream is not seekable.");
}

/* ---- _IOBase ---- */

static PyObject *iobase_seek(PyObject *self, PyObject *args) { return kr_io_unsupported("seek"); }
static PyObject *iobase_truncate(PyObject *self, PyObject *args) { return kr_io_unsupported("truncate"); }
static PyObject *iobase_fileno(PyObject *self, PyObject *args) { return kr_io_unsupported("fileno"); }

static PyObject *iobase_tell(PyObject *self, PyObject *unused)
{
    return PyObject_CallMethod(self, "seek", "ii", 0, 1);
}

static PyObject *iobase_flush(PyObject *self, PyObject *unused)
{
    int closed = kr_iobase_is_closed_flag(self);
    if (closed < 0)
        return NULL;
    if (closed)
        return kr_io_closed_error();
    Py_RETURN_NONE;
}

PyObject *kr_io_call_readline(PyObject *self, int text)
{
    PyObject *line = PyObject_CallMethodNoArgs(self, KR_ID(readline));
    if (line != NULL && !(text ? PyUnicode_Check(line) : PyBytes_Check(line))) {
        PyErr_Format(PyExc_OSError, "readline() should have returned a %s object, not '%.200s'",
                     text ? "str" : "bytes", Py_TYPE(line)->tp_name);
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

PyObject *kr_io_flush_and_close_inner(PyObject *self, PyObject *inner)
{
    PyObject *res = PyObject_CallMethodNoArgs(self, KR_ID(flush));
    PyObject *exc = res == NULL ? PyErr_GetRaisedException() : NULL;
    Py_XDECREF(res);
    res = PyObject_CallMethodNoArgs(inner, KR_ID(close));
    if (exc != NULL) {
        if (res == NULL)
            _PyErr_ChainExceptions1(exc);
        else
            PyErr_SetRaisedException(exc);
        Py_CLEAR(res);
    }
    return res;
}

int kr_io_restore_pos_dict(PyObject *posobj, const char *pos_msg, PyObject *dict,
                           const char *dict_msg, Py_ssize_t *pos, PyObject **selfdict)
{
    if (!PyLong_Check(posobj)) {
        PyErr_Format(PyExc_TypeError, pos_msg, Py_TYPE(posobj)->tp_name);
        return -1;
    }
    Py_ssize_t p = PyLong_AsSsize_t(posobj);
    if (p == -1 && PyErr_Occurred())
        return -1;
    if (p < 0) {
        PyErr_SetString(PyExc_ValueError, "position value cannot be negative");
        return -1;
    }
    *pos = p;
    if (dict == Py_None)
        return 0;
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, dict_msg, Py_TYPE(dict)->tp_name);
        return -1;
    }
    if (*selfdict == NULL && (*selfdict = PyDict_New()) == NULL)
        return -1;
    return PyDict_Update(*selfdict, dict);
}

PyObject *kr_iobase_close(PyObject *self, PyObject *unused)
{
    int closed = kr_iobase_is_closed_flag(self);
    if (closed < 0)
        return NULL;
    if (closed)
        Py_RETURN_NONE;
    PyObject *r = PyObject_CallMethodNoArgs(self, KR_ID(flush));
    PyObject *exc = PyErr_GetRaisedException();
    int rc = PyObject_SetAttrString(self, CLOSED_FLAG, Py_True);
    if (exc != NULL) {
        if (rc < 0)
            _PyErr_ChainExceptions1(exc);
        else
            PyErr_SetRaisedException(exc);
        return NULL;
    }
    if (rc < 0) {
        Py_XDECREF(r);
        return NULL;
    }
    Py_XDECREF(r);
    Py_RETURN_NONE;
}

void kr_iobase_finalize(PyObject *self)
{
    PyObject *exc = PyErr_GetRaisedException();
    int closed = kr_io_is_closed(self);
    if (closed < 0)
        PyErr_Clear();
    else if (closed == 0) {
        /* close() may look at _finalizing to skip work (and a warning). */
        if (PyObject_SetAttrString(self, "_finalizing", Py_True) < 0)
            PyErr_Clear();
        PyObject *r = PyObject_CallMethodNoArgs(self, KR_ID(close));
        if (r == NULL)
            PyErr_Clear();   /* CPython reports this only in development mode */
        Py_XDECREF(r);
    }
    PyErr_SetRaisedException(exc);
}

static PyObject *iobase_check_closed_m(PyObject *self, PyObject *args)
{
    if (kr_io_check_closed(self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

#define CHECKER(name, fn) \
    static PyObject *name(PyObject *self, PyObject *args) \
    { \
        if (fn(self) < 0) \
            return NULL; \
        Py_RETURN_TRUE; \
    }
CHECKER(iobase_check_readable_m, kr_io_check_readable)
CHECKER(iobase_check_writable_m, kr_io_check_writable)
CHECKER(iobase_check_seekable_m, kr_io_check_seekable)

static PyObject *iobase_false(PyObject *self, PyObject *unused) { Py_RETURN_FALSE; }

static PyObject *iobase_isatty(PyObject *self, PyObject *unused)
{
    if (kr_io_check_closed(self) < 0)
        return NULL;
    Py_RETURN_FALSE;
}

static PyObject *iobase_enter(PyObject *self, PyObject *unused)
{
    if (kr_io_check_closed(self) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *iobase_exit(PyObject *self, PyObject *args)
{
    return PyObject_CallMethodNoArgs(self, KR_ID(close));
}

static PyObject *iobase_iter(PyObject *self)
{
    if (kr_io_check_closed(self) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *iobase_iternext(PyObject *self)
{
    PyObject *line = PyObject_CallMethodNoArgs(self, KR_ID(readline));
    if (line == NULL)
        return NULL;
    Py_ssize_t n = PyObject_Size(line);
    if (n <= 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

static PyObject *iobase_readline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &limit) < 0)
        return NULL;
    PyObject *peek;
    if (_PyObject_LookupAttr(self, KR_ID(peek), &peek) < 0)
        return NULL;
    PyObject *buf = PyByteArray_FromStringAndSize(NULL, 0);
    if (buf == NULL)
        goto error;
    while (limit < 0 || PyByteArray_GET_SIZE(buf) < limit) {
        Py_ssize_t nreadahead = 1;
        if (peek != NULL) {
            PyObject *ra = PyObject_CallFunction(peek, "i", 1);
            if (ra == NULL)
                goto error;
            if (!PyBytes_Check(ra)) {
                PyErr_Format(PyExc_OSError, "peek() should have returned a bytes object, not '%.200s'",
                             Py_TYPE(ra)->tp_name);
                Py_DECREF(ra);
                goto error;
            }
            Py_ssize_t len = PyBytes_GET_SIZE(ra);
            if (len > 0) {
                const char *s = PyBytes_AS_STRING(ra);
                Py_ssize_t stop = len;
                if (limit >= 0 && stop > limit - PyByteArray_GET_SIZE(buf))
                    stop = limit - PyByteArray_GET_SIZE(buf);
                nreadahead = 0;
                while (nreadahead < stop) {
                    if (s[nreadahead++] == '\n')
                        break;
                }
            }
            Py_DECREF(ra);
        }
        PyObject *b = PyObject_CallMethod(self, "read", "n", nreadahead);
        if (b == NULL)
            goto error;
        if (!PyBytes_Check(b)) {
            PyErr_Format(PyExc_OSError, "read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(b)->tp_name);
            Py_DECREF(b);
            goto error;
        }
        Py_ssize_t blen = PyBytes_GET_SIZE(b);
        if (blen == 0) {
            Py_DECREF(b);
            break;
        }
        Py_ssize_t old = PyByteArray_GET_SIZE(buf);
        if (PyByteArray_Resize(buf, old + blen) < 0) {
            Py_DECREF(b);
            goto error;
        }
        memcpy(PyByteArray_AS_STRING(buf) + old, PyBytes_AS_STRING(b), (size_t)blen);
        Py_DECREF(b);
        if (PyByteArray_AS_STRING(buf)[old + blen - 1] == '\n')
            break;
    }
    PyObject *r = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(buf), PyByteArray_GET_SIZE(buf));
    Py_DECREF(buf);
    Py_XDECREF(peek);
    return r;
error:
    Py_XDECREF(buf);
    Py_XDECREF(peek);
    return NULL;
}

static PyObject *iobase_readlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t hint = -1;
    if (!_PyArg_CheckPositional("readlines", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &hint) < 0)
        return NULL;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL)
        goto error;
    Py_ssize_t total = 0;
    for (;;) {
        PyObject *line = PyIter_Next(it);
        if (line == NULL) {
            if (PyErr_Occurred())
                goto error;
            break;
        }
        if (PyList_Append(result, line) < 0) {
            Py_DECREF(line);
            goto error;
        }
        Py_ssize_t n = PyObject_Size(line);
        Py_DECREF(line);
        if (n < 0)
            goto error;
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    Py_DECREF(it);
    return result;
error:
    Py_XDECREF(it);
    Py_DECREF(result);
    return NULL;
}

static PyObject *iobase_writelines(PyObject *self, PyObject *lines)
{
    if (kr_io_check_closed(self) < 0)
        return NULL;
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL)
        return NULL;
    for (;;) {
        PyObject *line = PyIter_Next(it);
        if (line == NULL)
            break;
        PyObject *r = PyObject_CallMethodOneArg(self, KR_ID(write), line);
        Py_DECREF(line);
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

static PyObject *iobase_closed_get(PyObject *self, void *c)
{
    int r = kr_iobase_is_closed_flag(self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

int kr_iobase_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_iobase *)self)->dict);
    return 0;
}

int kr_iobase_clear(PyObject *self)
{
    Py_CLEAR(((kr_iobase *)self)->dict);
    return 0;
}

static void iobase_dealloc(PyObject *self)
{
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;
    PyObject_GC_UnTrack(self);
    if (((kr_iobase *)self)->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_CLEAR(((kr_iobase *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyMethodDef iobase_methods[] = {
    {"seek", iobase_seek, METH_VARARGS, NULL},
    {"tell", iobase_tell, METH_NOARGS, NULL},
    {"truncate", iobase_truncate, METH_VARARGS, NULL},
    {"flush", iobase_flush, METH_NOARGS, NULL},
    {"close", kr_iobase_close, METH_NOARGS, NULL},
    {"seekable", iobase_false, METH_NOARGS, NULL},
    {"readable", iobase_false, METH_NOARGS, NULL},
    {"writable", iobase_false, METH_NOARGS, NULL},
    {"_checkClosed", iobase_check_closed_m, METH_VARARGS, NULL},
    {"_checkSeekable", iobase_check_seekable_m, METH_VARARGS, NULL},
    {"_checkReadable", iobase_check_readable_m, METH_VARARGS, NULL},
    {"_checkWritable", iobase_check_writable_m, METH_VARARGS, NULL},
    {"fileno", iobase_fileno, METH_NOARGS, NULL},
    {"isatty", iobase_isatty, METH_NOARGS, NULL},
    {"__enter__", iobase_enter, METH_NOARGS, NULL},
    {"__exit__", iobase_exit, METH_VARARGS, NULL},
    {"readline", (PyCFunction)(void (*)(void))iobase_readline, METH_FASTCALL, NULL},
    {"readlines", (PyCFunction)(void (*)(void))iobase_readlines, METH_FASTCALL, NULL},
    {"writelines", iobase_writelines, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef iobase_getset[] = {
    {"__dict__", PyObject_GenericGetDict, NULL, NULL, NULL},
    {"closed", iobase_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

#define KR_IOBASE_FLAGS (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC)

PyTypeObject PyIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._IOBase",
    .tp_basicsize = sizeof(kr_iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = KR_IOBASE_FLAGS,
    .tp_doc = "The abstract base class for all I/O classes.",
    .tp_traverse = kr_iobase_traverse,
    .tp_clear = kr_iobase_clear,
    .tp_weaklistoffset = offsetof(kr_iobase, weakreflist),
    .tp_iter = iobase_iter,
    .tp_iternext = iobase_iternext,
    .tp_methods = iobase_methods,
    .tp_getset = iobase_getset,
    .tp_dictoffset = offsetof(kr_iobase, dict),
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_finalize = kr_iobase_finalize,
};

/* ---- _RawIOBase ---- */

static PyObject *rawiobase_readall(PyObject *self, PyObject *unused)
{
    PyObject *chunks = PyList_New(0);
    if (chunks == NULL)
        return NULL;
    for (;;) {
        PyObject *data = PyObject_CallMethod(self, "read", "i", KR_IO_DEFAULT_BUFFER_SIZE);
        if (data == NULL) {
            /* EINTR was handled by read(); anything else propagates */
            Py_DECREF(chunks);
            return NULL;
        }
        if (data == Py_None) {
            if (PyList_GET_SIZE(chunks) == 0) {
                Py_DECREF(chunks);
                return data;
            }
            Py_DECREF(data);
            break;
        }
        if (!PyBytes_Check(data)) {
            Py_DECREF(chunks);
            Py_DECREF(data);
            PyErr_SetString(PyExc_TypeError, "read() should return bytes");
            return NULL;
        }
        if (PyBytes_GET_SIZE(data) == 0) {
            Py_DECREF(data);
            break;
        }
        int rc = PyList_Append(chunks, data);
        Py_DECREF(data);
        if (rc < 0) {
            Py_DECREF(chunks);
            return NULL;
        }
    }
    PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *r = empty ? _PyBytes_Join(empty, chunks) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(chunks);
    return r;
}

static PyObject *rawiobase_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &n) < 0)
        return NULL;
    if (n < 0)
        return PyObject_CallMethod(self, "readall", NULL);
    PyObject *b = PyByteArray_FromStringAndSize(NULL, n);
    if (b == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(self, "readinto", "O", b);
    if (res == NULL || res == Py_None) {
        Py_DECREF(b);
        return res;
    }
    Py_ssize_t got = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (got == -1 && PyErr_Occurred()) {
        Py_DECREF(b);
        return NULL;
    }
    if (got < 0 || got > n) {
        PyErr_Format(PyExc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
        Py_DECREF(b);
        return NULL;
    }
    PyObject *r = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(b), got);
    Py_DECREF(b);
    return r;
}

static PyObject *not_implemented(PyObject *self, PyObject *args)
{
    PyErr_SetNone(PyExc_NotImplementedError);
    return NULL;
}

static PyMethodDef rawiobase_methods[] = {
    {"read", (PyCFunction)(void (*)(void))rawiobase_read, METH_FASTCALL, NULL},
    {"readall", rawiobase_readall, METH_NOARGS, NULL},
    {"readinto", not_implemented, METH_VARARGS, NULL},
    {"write", not_implemented, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyRawIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._RawIOBase",
    .tp_basicsize = sizeof(kr_iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = KR_IOBASE_FLAGS,
    .tp_doc = "Base class for raw binary I/O.",
    .tp_traverse = kr_iobase_traverse,
    .tp_clear = kr_iobase_clear,
    .tp_methods = rawiobase_methods,
    .tp_base = &PyIOBase_Type,
    .tp_free = PyObject_GC_Del,
};

/* ---- _BufferedIOBase ---- */

static PyObject *bufferediobase_unsupported_read(PyObject *self, PyObject *args) { return kr_io_unsupported("read"); }
static PyObject *bufferediobase_unsupported_read1(PyObject *self, PyObject *args) { return kr_io_unsupported("read1"); }
static PyObject *bufferediobase_unsupported_write(PyObject *self, PyObject *args) { return kr_io_unsupported("write"); }
static PyObject *bufferediobase_detach(PyObject *self, PyObject *args) { return kr_io_unsupported("detach"); }

/* readinto via read()/read1(): copies what the method returns into b. */
static PyObject *bufferediobase_readinto_generic(PyObject *self, PyObject *arg, const char *meth)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE | PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    PyObject *data = PyObject_CallMethod(self, meth, "n", view.len);
    if (data == NULL)
        goto error;
    if (!PyBytes_Check(data)) {
        Py_DECREF(data);
        PyErr_SetString(PyExc_TypeError, "read() should return bytes");
        goto error;
    }
    Py_ssize_t len = PyBytes_GET_SIZE(data);
    if (len > view.len) {
        PyErr_Format(PyExc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                     view.len, len);
        Py_DECREF(data);
        goto error;
    }
    memcpy(view.buf, PyBytes_AS_STRING(data), (size_t)len);
    PyBuffer_Release(&view);
    Py_DECREF(data);
    return PyLong_FromSsize_t(len);
error:
    PyBuffer_Release(&view);
    return NULL;
}

static PyObject *bufferediobase_readinto(PyObject *self, PyObject *arg)
{
    return bufferediobase_readinto_generic(self, arg, "read");
}

static PyObject *bufferediobase_readinto1(PyObject *self, PyObject *arg)
{
    return bufferediobase_readinto_generic(self, arg, "read1");
}

static PyMethodDef bufferediobase_methods[] = {
    {"detach", bufferediobase_detach, METH_NOARGS, NULL},
    {"read", bufferediobase_unsupported_read, METH_VARARGS, NULL},
    {"read1", bufferediobase_unsupported_read1, METH_VARARGS, NULL},
    {"readinto", bufferediobase_readinto, METH_O, NULL},
    {"readinto1", bufferediobase_readinto1, METH_O, NULL},
    {"write", bufferediobase_unsupported_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBufferedIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BufferedIOBase",
    .tp_basicsize = sizeof(kr_iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = KR_IOBASE_FLAGS,
    .tp_doc = "Base class for buffered IO objects.",
    .tp_traverse = kr_iobase_traverse,
    .tp_clear = kr_iobase_clear,
    .tp_methods = bufferediobase_methods,
    .tp_base = &PyIOBase_Type,
    .tp_free = PyObject_GC_Del,
};

/* ---- _TextIOBase ---- */

static PyObject *textiobase_detach(PyObject *self, PyObject *args) { return kr_io_unsupported("detach"); }
static PyObject *textiobase_read(PyObject *self, PyObject *args) { return kr_io_unsupported("read"); }
static PyObject *textiobase_readline(PyObject *self, PyObject *args) { return kr_io_unsupported("readline"); }
static PyObject *textiobase_write(PyObject *self, PyObject *args) { return kr_io_unsupported("write"); }
static PyObject *textiobase_none(PyObject *self, void *c) { Py_RETURN_NONE; }

static PyMethodDef textiobase_methods[] = {
    {"detach", textiobase_detach, METH_NOARGS, NULL},
    {"read", textiobase_read, METH_VARARGS, NULL},
    {"readline", textiobase_readline, METH_VARARGS, NULL},
    {"write", textiobase_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef textiobase_getset[] = {
    {"encoding", textiobase_none, NULL, NULL, NULL},
    {"newlines", textiobase_none, NULL, NULL, NULL},
    {"errors", textiobase_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyTextIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._TextIOBase",
    .tp_basicsize = sizeof(kr_iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_flags = KR_IOBASE_FLAGS,
    .tp_doc = "Base class for text I/O.",
    .tp_traverse = kr_iobase_traverse,
    .tp_clear = kr_iobase_clear,
    .tp_methods = textiobase_methods,
    .tp_getset = textiobase_getset,
    .tp_base = &PyIOBase_Type,
    .tp_free = PyObject_GC_Del,
};
