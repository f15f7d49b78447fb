/* stdstream.c: sys.stdin, sys.stdout and sys.stderr before the io module
 * exists.
 *
 * A kr_stdstream is a text stream over a file descriptor with its own
 * byte buffer: UTF-8 encoding with the stream's error handler, line
 * buffering on terminals, write-through with -u.  Its `buffer` attribute
 * is a binary view that writes into the same byte buffer, so text and
 * bytes written in any order come out in order.  The type presents itself
 * as _io.TextIOWrapper, the name and repr programs expect; the real _io
 * module replaces it when the standard library's io is in place. */
#include "internal.h"
#include "modules/modules.h"
#include "objects/str_ids.h"
#include "structmember.h"

typedef struct kr_stdstream {
    PyObject_HEAD
    int fd;
    int binary;                  /* this object is the `buffer` view */
    struct kr_stdstream *text;   /* for a view: the text stream it shares buffers with */
    PyObject *view;              /* for a text stream: its binary view, created lazily */
    PyObject *name, *mode, *encoding, *errors;
    int line_buffering;
    int write_through;
    int closed;
    char *wbuf;                  /* pending output bytes */
    Py_ssize_t wlen, wcap;
    char *rbuf;                  /* input read ahead */
    Py_ssize_t rpos, rlen, rcap;
} kr_stdstream;

extern PyTypeObject kr_StdStream_Type;

/* The stream owning the buffers: a view delegates to its text stream. */
static kr_stdstream *owner(kr_stdstream *s) { return s->binary ? s->text : s; }

static int check_open(kr_stdstream *s)
{
    if (owner(s)->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return 0;
    }
    return 1;
}

static int flush_bytes(kr_stdstream *s)
{
    Py_ssize_t done = 0;
    while (done < s->wlen) {
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = write(s->fd, s->wbuf + done, (size_t)(s->wlen - done));
        Py_END_ALLOW_THREADS
        if (n < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0)
                    return -1;
                continue;
            }
            /* Drop what can't be written so a broken pipe is reported once. */
            s->wlen = 0;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        done += n;
    }
    s->wlen = 0;
    return 0;
}

static int append_bytes(kr_stdstream *s, const char *data, Py_ssize_t n, int has_newline)
{
    if (n == 0)   /* nothing to add (and the buffer may not exist yet) */
        return s->write_through ? flush_bytes(s) : 0;
    if (s->wlen + n > s->wcap) {
        Py_ssize_t cap = s->wcap ? s->wcap : 8192;
        while (cap < s->wlen + n)
            cap *= 2;
        char *nb = PyMem_RawRealloc(s->wbuf, (size_t)cap);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        s->wbuf = nb;
        s->wcap = cap;
    }
    memcpy(s->wbuf + s->wlen, data, (size_t)n);
    s->wlen += n;
    if (s->write_through || (s->line_buffering && has_newline) || s->wlen >= 65536)
        return flush_bytes(s);
    return 0;
}

static PyObject *stream_write(PyObject *self, PyObject *arg)
{
    kr_stdstream *s = (kr_stdstream *)self, *o = owner(s);
    if (!check_open(s))
        return NULL;
    if (s->binary) {
        Py_buffer view;
        if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        int rc = append_bytes(o, view.buf, view.len, memchr(view.buf, '\n', (size_t)view.len) != NULL);
        Py_ssize_t n = view.len;
        PyBuffer_Release(&view);
        return rc < 0 ? NULL : PyLong_FromSsize_t(n);
    }
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *utf8;
    PyObject *encoded = NULL;
    if (PyUnicode_IS_ASCII(arg)) {
        utf8 = (const char *)PyUnicode_DATA(arg);
        len = PyUnicode_GET_LENGTH(arg);
    } else {
        encoded = PyUnicode_AsEncodedString(arg, "utf-8", PyUnicode_AsUTF8(s->errors));
        if (encoded == NULL)
            return NULL;
        utf8 = PyBytes_AS_STRING(encoded);
        len = PyBytes_GET_SIZE(encoded);
    }
    int rc = append_bytes(o, utf8, len, memchr(utf8, '\n', (size_t)len) != NULL);
    Py_XDECREF(encoded);
    if (rc < 0)
        return NULL;
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(arg));
}

static PyObject *stream_flush(PyObject *self, PyObject *unused)
{
    kr_stdstream *o = owner((kr_stdstream *)self);
    if (!check_open((kr_stdstream *)self))
        return NULL;
    if (flush_bytes(o) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Reads more input into the read buffer; returns bytes read, 0 at end of
 * file, -1 on error. */
static Py_ssize_t fill(kr_stdstream *s)
{
    if (s->rpos > 0) {
        memmove(s->rbuf, s->rbuf + s->rpos, (size_t)(s->rlen - s->rpos));
        s->rlen -= s->rpos;
        s->rpos = 0;
    }
    if (s->rlen == s->rcap) {
        Py_ssize_t cap = s->rcap ? s->rcap * 2 : 8192;
        char *nb = PyMem_RawRealloc(s->rbuf, (size_t)cap);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        s->rbuf = nb;
        s->rcap = cap;
    }
    for (;;) {
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = read(s->fd, s->rbuf + s->rlen, (size_t)(s->rcap - s->rlen));
        Py_END_ALLOW_THREADS
        if (n < 0 && errno == EINTR) {
            if (PyErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        if (n < 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        s->rlen += n;
        return n;
    }
}

/* Takes `n` bytes from the read buffer as str (or bytes for a view). */
static PyObject *take(kr_stdstream *s, Py_ssize_t n, int binary)
{
    PyObject *r = binary ? PyBytes_FromStringAndSize(s->rbuf + s->rpos, n)
                         : PyUnicode_DecodeUTF8(s->rbuf + s->rpos, n, PyUnicode_AsUTF8(s->errors));
    if (r != NULL)
        s->rpos += n;
    return r;
}

static PyObject *readline_impl(kr_stdstream *self, Py_ssize_t limit)
{
    kr_stdstream *s = owner(self);
    if (!check_open(self))
        return NULL;
    /* Flush pending output first, as interactive programs expect. */
    for (Py_ssize_t scanned = 0;;) {
        char *start = s->rbuf ? s->rbuf + s->rpos : NULL;
        Py_ssize_t avail = s->rlen - s->rpos;
        char *nl = start ? memchr(start + scanned, '\n', (size_t)(avail - scanned)) : NULL;
        if (nl != NULL) {
            Py_ssize_t n = nl - start + 1;
            return take(s, limit >= 0 && limit < n ? limit : n, self->binary);
        }
        if (limit >= 0 && avail >= limit)
            return take(s, limit, self->binary);
        scanned = avail;
        Py_ssize_t got = fill(s);
        if (got < 0)
            return NULL;
        if (got == 0)
            return take(s, s->rlen - s->rpos, self->binary);
    }
}

static PyObject *stream_readline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "readline expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 1 && args[0] != Py_None) {
        limit = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (limit == -1 && PyErr_Occurred())
            return NULL;
    }
    return readline_impl((kr_stdstream *)self, limit);
}

static PyObject *stream_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    kr_stdstream *s = owner((kr_stdstream *)self);
    Py_ssize_t limit = -1;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "read expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 1 && args[0] != Py_None) {
        limit = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (limit == -1 && PyErr_Occurred())
            return NULL;
    }
    if (!check_open((kr_stdstream *)self))
        return NULL;
    while (limit < 0 || s->rlen - s->rpos < limit) {
        Py_ssize_t got = fill(s);
        if (got < 0)
            return NULL;
        if (got == 0)
            break;
    }
    Py_ssize_t avail = s->rlen - s->rpos;
    return take(s, limit >= 0 && limit < avail ? limit : avail, ((kr_stdstream *)self)->binary);
}

static PyObject *stream_readlines(PyObject *self, PyObject *unused)
{
    PyObject *list = PyList_New(0);
    while (list != NULL) {
        PyObject *line = readline_impl((kr_stdstream *)self, -1);
        if (line == NULL) {
            Py_CLEAR(list);
            break;
        }
        Py_ssize_t n = PyObject_Length(line);
        if (n == 0) {
            Py_DECREF(line);
            break;
        }
        int rc = PyList_Append(list, line);
        Py_DECREF(line);
        if (rc < 0)
            Py_CLEAR(list);
    }
    return list;
}

static PyObject *stream_iternext(PyObject *self)
{
    PyObject *line = readline_impl((kr_stdstream *)self, -1);
    if (line != NULL && PyObject_Length(line) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

static PyObject *stream_fileno(PyObject *self, PyObject *unused)
{
    if (!check_open((kr_stdstream *)self))
        return NULL;
    return PyLong_FromLong(owner((kr_stdstream *)self)->fd);
}

static PyObject *stream_isatty(PyObject *self, PyObject *unused)
{
    if (!check_open((kr_stdstream *)self))
        return NULL;
    return PyBool_FromLong(isatty(owner((kr_stdstream *)self)->fd));
}

static PyObject *stream_readable(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(owner((kr_stdstream *)self)->fd == 0);
}

static PyObject *stream_writable(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(owner((kr_stdstream *)self)->fd != 0);
}

static PyObject *stream_seekable(PyObject *self, PyObject *unused)
{
    Py_RETURN_FALSE;
}

static PyObject *stream_close(PyObject *self, PyObject *unused)
{
    kr_stdstream *s = owner((kr_stdstream *)self);
    if (!s->closed) {
        int rc = flush_bytes(s);
        s->closed = 1;
        if (rc < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *stream_enter(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static PyObject *stream_exit(PyObject *self, PyObject *args)
{
    return stream_close(self, NULL);
}

/* reconfigure(*, encoding=None, errors=None, newline=None,
 * line_buffering=None, write_through=None): only UTF-8 is available. */
static PyObject *stream_reconfigure(PyObject *self, PyObject *args, PyObject *kwds)
{
    kr_stdstream *s = (kr_stdstream *)self;
    static char *kwlist[] = {"encoding", "errors", "newline", "line_buffering", "write_through", NULL};
    PyObject *enc = Py_None, *errs = Py_None, *nl = Py_None, *lb = Py_None, *wt = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$OOOOO:reconfigure", kwlist,
                                     &enc, &errs, &nl, &lb, &wt))
        return NULL;
    if (enc != Py_None) {
        const char *e = PyUnicode_AsUTF8(enc);
        if (e == NULL)
            return NULL;
        if (strcasecmp(e, "utf-8") != 0 && strcasecmp(e, "utf8") != 0) {
            PyErr_Format(PyExc_LookupError, "unknown encoding: %s", e);
            return NULL;
        }
    }
    if (errs != Py_None)
        Py_SETREF(s->errors, Py_NewRef(errs));
    if (lb != Py_None) {
        int v = PyObject_IsTrue(lb);
        if (v < 0)
            return NULL;
        s->line_buffering = v;
    }
    if (wt != Py_None) {
        int v = PyObject_IsTrue(wt);
        if (v < 0)
            return NULL;
        s->write_through = v;
    }
    if (flush_bytes(s) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *stream_get_buffer(PyObject *self, void *unused)
{
    kr_stdstream *s = (kr_stdstream *)self;
    if (s->binary) {
        PyErr_SetString(PyExc_AttributeError, "'_io.BufferedWriter' object has no attribute 'buffer'");
        return NULL;
    }
    if (s->view == NULL) {
        kr_stdstream *v = PyObject_GC_New(kr_stdstream, &kr_StdStream_Type);
        if (v == NULL)
            return NULL;
        memset((char *)v + sizeof(PyObject), 0, sizeof(kr_stdstream) - sizeof(PyObject));
        v->binary = 1;
        v->fd = s->fd;
        v->text = (kr_stdstream *)Py_NewRef(self);
        v->name = Py_NewRef(s->name);
        v->mode = PyUnicode_FromString(s->fd == 0 ? "rb" : "wb");
        v->encoding = Py_NewRef(Py_None);
        v->errors = Py_NewRef(Py_None);
        PyObject_GC_Track(v);
        s->view = (PyObject *)v;
    }
    return Py_NewRef(s->view);
}

static PyObject *stream_get_closed(PyObject *self, void *unused)
{
    return PyBool_FromLong(owner((kr_stdstream *)self)->closed);
}

static PyObject *stream_get_line_buffering(PyObject *self, void *unused)
{
    return PyBool_FromLong(((kr_stdstream *)self)->line_buffering);
}

static PyObject *stream_get_newlines(PyObject *self, void *unused)
{
    Py_RETURN_NONE;
}

static PyObject *stream_repr(PyObject *self)
{
    kr_stdstream *s = (kr_stdstream *)self;
    if (s->binary)
        return PyUnicode_FromFormat("<_io.%s name=%R>", s->fd == 0 ? "BufferedReader" : "BufferedWriter",
                                    s->name);
    return PyUnicode_FromFormat("<_io.TextIOWrapper name=%R mode=%R encoding=%R>",
                                s->name, s->mode, s->encoding);
}

static int stream_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_stdstream *s = (kr_stdstream *)self;
    Py_VISIT(s->text);
    Py_VISIT(s->view);
    return 0;
}

static int stream_clear(PyObject *self)
{
    kr_stdstream *s = (kr_stdstream *)self;
    Py_CLEAR(s->text);
    Py_CLEAR(s->view);
    return 0;
}

static void stream_dealloc(PyObject *self)
{
    kr_stdstream *s = (kr_stdstream *)self;
    PyObject_GC_UnTrack(self);
    if (!s->binary && s->wlen > 0) {
        PyObject *exc = PyErr_GetRaisedException();
        if (flush_bytes(s) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    stream_clear(self);
    Py_CLEAR(s->name);
    Py_CLEAR(s->mode);
    Py_CLEAR(s->encoding);
    Py_CLEAR(s->errors);
    PyMem_RawFree(s->wbuf);
    PyMem_RawFree(s->rbuf);
    PyObject_GC_Del(self);
}

static PyMethodDef stream_methods[] = {
    {"write", stream_write, METH_O, NULL},
    {"flush", stream_flush, METH_NOARGS, NULL},
    {"readline", (PyCFunction)(void (*)(void))stream_readline, METH_FASTCALL, NULL},
    {"read", (PyCFunction)(void (*)(void))stream_read, METH_FASTCALL, NULL},
    {"readlines", stream_readlines, METH_NOARGS, NULL},
    {"fileno", stream_fileno, METH_NOARGS, NULL},
    {"isatty", stream_isatty, METH_NOARGS, NULL},
    {"readable", stream_readable, METH_NOARGS, NULL},
    {"writable", stream_writable, METH_NOARGS, NULL},
    {"seekable", stream_seekable, METH_NOARGS, NULL},
    {"close", stream_close, METH_NOARGS, NULL},
    {"reconfigure", (PyCFunction)(void (*)(void))stream_reconfigure, METH_VARARGS | METH_KEYWORDS, NULL},
    {"__enter__", stream_enter, METH_NOARGS, NULL},
    {"__exit__", stream_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef stream_members[] = {
    {"name", T_OBJECT, offsetof(kr_stdstream, name), READONLY, NULL},
    {"mode", T_OBJECT, offsetof(kr_stdstream, mode), READONLY, NULL},
    {"encoding", T_OBJECT, offsetof(kr_stdstream, encoding), READONLY, NULL},
    {"errors", T_OBJECT, offsetof(kr_stdstream, errors), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef stream_getset[] = {
    {"buffer", stream_get_buffer, NULL, NULL, NULL},
    {"closed", stream_get_closed, NULL, NULL, NULL},
    {"line_buffering", stream_get_line_buffering, NULL, NULL, NULL},
    {"newlines", stream_get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject kr_StdStream_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(kr_stdstream),
    .tp_dealloc = stream_dealloc,
    .tp_repr = stream_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = stream_traverse,
    .tp_clear = stream_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = stream_iternext,
    .tp_methods = stream_methods,
    .tp_members = stream_members,
    .tp_getset = stream_getset,
};

PyObject *kr_stdstream_new(int fd, const char *name, const char *mode, const char *errors,
                           int line_buffering, int write_through)
{
    kr_stdstream *s = PyObject_GC_New(kr_stdstream, &kr_StdStream_Type);
    if (s == NULL)
        return NULL;
    memset((char *)s + sizeof(PyObject), 0, sizeof(kr_stdstream) - sizeof(PyObject));
    s->fd = fd;
    s->line_buffering = line_buffering;
    s->write_through = write_through;
    s->name = PyUnicode_FromString(name);
    s->mode = PyUnicode_FromString(mode);
    s->encoding = PyUnicode_FromString("utf-8");
    s->errors = PyUnicode_FromString(errors);
    PyObject_GC_Track(s);
    if (s->name == NULL || s->mode == NULL || s->encoding == NULL || s->errors == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    struct kr_context *ctx = kr_context_get();
    if (ctx->mods.stdstreams == NULL && (ctx->mods.stdstreams = PyList_New(0)) == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    if (PyList_Append(ctx->mods.stdstreams, (PyObject *)s) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

/* Flushes the context's standard streams (at exit, and before a
 * traceback is printed).  Returns -1 with an exception set if a flush
 * failed. */
int kr_stdstream_flush_all(void)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL || ctx->mods.stdstreams == NULL)
        return 0;
    int rc = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(ctx->mods.stdstreams); i++) {
        kr_stdstream *s = (kr_stdstream *)PyList_GET_ITEM(ctx->mods.stdstreams, i);
        if (!s->closed && s->wlen > 0 && flush_bytes(s) < 0 && rc == 0)
            rc = -1;
    }
    return rc;
}
