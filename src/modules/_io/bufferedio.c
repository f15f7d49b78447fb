/* bufferedio.c: BufferedReader, BufferedWriter, BufferedRandom (one
 * implementation, three method tables) and BufferedRWPair.
 *
 * A buffered object keeps a read-ahead buffer (rbuf[rpos:rend], bytes
 * already taken from the raw stream) and a separate write buffer (wbuf,
 * bytes not yet given to it).  The raw stream's position is therefore
 * logical position + unread read-ahead - pending writes; before a write
 * the read-ahead is given back (raw seek) and before a read the pending
 * writes are flushed, which keeps BufferedRandom's interleaving simple.
 * The raw stream is used through its methods, so Python raw classes
 * work; an exact FileIO is driven through its descriptor directly. */
#include "modules/_io/io_internal.h"
#include "objects/str_ids.h"
#include "structmember.h"
#include <unistd.h>

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
    PyObject *raw;
    int ok, detached, readable, writable;
    char finalizing;
    Py_ssize_t buffer_size;
    char *rbuf;
    Py_ssize_t rpos, rend;
    char *wbuf;
    Py_ssize_t wlen;
} kr_buffered;

#define AVAIL(self) ((self)->rend - (self)->rpos)

static int check_initialized(kr_buffered *self)
{
    if (self->ok)
        return 0;
    if (self->detached)
        PyErr_SetString(PyExc_ValueError, "raw stream has been detached");
    else
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
    return -1;
}

#define CHECK_INITIALIZED(self) \
    if (check_initialized(self) < 0) \
        return NULL;

/* The exact FileIO under this object, for direct descriptor access. */
static kr_fileio *fast_raw(kr_buffered *self)
{
    return Py_IS_TYPE(self->raw, &PyFileIO_Type) ? (kr_fileio *)self->raw : NULL;
}

int kr_buffered_closed_fast(PyObject *buffer)
{
    if (!Py_IS_TYPE(buffer, &PyBufferedWriter_Type) && !Py_IS_TYPE(buffer, &PyBufferedReader_Type) &&
        !Py_IS_TYPE(buffer, &PyBufferedRandom_Type))
        return -2;
    kr_buffered *self = (kr_buffered *)buffer;
    if (!self->ok)
        return -2;
    kr_fileio *f = fast_raw(self);
    return f == NULL ? -2 : f->fd < 0;
}

static int raw_closed(kr_buffered *self)
{
    kr_fileio *f = fast_raw(self);
    if (f != NULL)
        return f->fd < 0;
    return kr_io_is_closed(self->raw);
}

/* 0 when open; -1 with ValueError("<what> of closed file") otherwise
 * ("write to closed file" for writes, as CPython words it). */
static int check_closed(kr_buffered *self, const char *what)
{
    int r = raw_closed(self);
    if (r < 0)
        return -1;
    if (r) {
        PyErr_Format(PyExc_ValueError, strcmp(what, "write") == 0 ? "%s to closed file"
                                                                  : "%s of closed file", what);
        return -1;
    }
    return 0;
}

#define CHECK_CLOSED(self, what) \
    if (check_closed(self, what) < 0) \
        return NULL;

/* Reads up to n bytes from the raw stream into buf.  Returns the count,
 * -2 when the raw stream had nothing (None), -1 on error. */
static Py_ssize_t raw_read(kr_buffered *self, char *buf, Py_ssize_t n)
{
    kr_fileio *f = fast_raw(self);
    if (f != NULL && f->fd >= 0 && f->readable)
        return kr_fileio_read_fd(f->fd, buf, n);
    PyObject *mv = PyMemoryView_FromMemory(buf, n, PyBUF_WRITE);
    if (mv == NULL)
        return -1;
    PyObject *res;
    for (;;) {
        res = PyObject_CallMethodOneArg(self->raw, KR_ID(readinto), mv);
        if (res != NULL || !PyErr_ExceptionMatches(PyExc_InterruptedError))
            break;
        PyErr_Clear();
    }
    PyObject *rel = PyObject_CallMethod(mv, "release", NULL);
    Py_XDECREF(rel);
    Py_DECREF(mv);
    if (rel == NULL) {
        Py_XDECREF(res);
        return -1;
    }
    if (res == NULL)
        return -1;
    if (res == Py_None) {
        Py_DECREF(res);
        return -2;
    }
    Py_ssize_t got = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (got == -1 && PyErr_Occurred())
        return -1;
    if (got < 0 || got > n) {
        PyErr_Format(PyExc_OSError,
                     "raw readinto() returned invalid length %zd (should have been between 0 and %zd)",
                     got, n);
        return -1;
    }
    return got;
}

static Py_ssize_t raw_write(kr_buffered *self, const char *buf, Py_ssize_t n)
{
    kr_fileio *f = fast_raw(self);
    if (f != NULL && f->fd >= 0 && f->writable)
        return kr_fileio_write_fd(f->fd, buf, n);
    PyObject *mv = PyMemoryView_FromMemory((char *)buf, n, PyBUF_READ);
    if (mv == NULL)
        return -1;
    PyObject *res;
    for (;;) {
        res = PyObject_CallMethodOneArg(self->raw, KR_ID(write), mv);
        if (res != NULL || !PyErr_ExceptionMatches(PyExc_InterruptedError))
            break;
        PyErr_Clear();
    }
    PyObject *rel = PyObject_CallMethod(mv, "release", NULL);
    Py_XDECREF(rel);
    Py_DECREF(mv);
    if (rel == NULL) {
        Py_XDECREF(res);
        return -1;
    }
    if (res == NULL)
        return -1;
    if (res == Py_None) {
        Py_DECREF(res);
        return -2;
    }
    Py_ssize_t got = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (got == -1 && PyErr_Occurred())
        return -1;
    if (got < 0 || got > n) {
        PyErr_Format(PyExc_OSError,
                     "raw write() returned invalid length %zd (should have been between 0 and %zd)",
                     got, n);
        return -1;
    }
    return got;
}

static off_t raw_tell(kr_buffered *self)
{
    PyObject *r = PyObject_CallMethodNoArgs(self->raw, KR_ID(tell));
    if (r == NULL)
        return -1;
    off_t pos;
    int rc = kr_io_offset_arg(r, &pos);
    Py_DECREF(r);
    if (rc < 0)
        return -1;
    if (pos < 0) {
        PyErr_Format(PyExc_OSError, "Raw stream returned invalid position %lld", (long long)pos);
        return -1;
    }
    return pos;
}

static PyObject *raw_seek(kr_buffered *self, off_t target, int whence)
{
    PyObject *r = PyObject_CallMethod(self->raw, "seek", "Li", (long long)target, whence);
    if (r == NULL)
        return NULL;
    off_t pos;
    if (kr_io_offset_arg(r, &pos) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    if (pos < 0) {
        Py_DECREF(r);
        PyErr_Format(PyExc_OSError, "Raw stream returned invalid position %lld", (long long)pos);
        return NULL;
    }
    return r;
}

static PyObject *blocking_error(Py_ssize_t written)
{
    PyObject *exc = PyObject_CallFunction(PyExc_BlockingIOError, "isn", EAGAIN,
                                          "write could not complete without blocking", written);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_BlockingIOError, exc);
        Py_DECREF(exc);
    }
    return NULL;
}

/* Gives pending writes to the raw stream. */
static int flush_writes(kr_buffered *self)
{
    Py_ssize_t done = 0;
    while (done < self->wlen) {
        Py_ssize_t n = raw_write(self, self->wbuf + done, self->wlen - done);
        if (n < 0) {
            if (done > 0)
                memmove(self->wbuf, self->wbuf + done, (size_t)(self->wlen - done));
            self->wlen -= done;
            if (n == -2)
                blocking_error(0);
            return -1;
        }
        done += n;
    }
    self->wlen = 0;
    return 0;
}

/* Gives back unread read-ahead, so the raw position is the logical one. */
static int rewind_reads(kr_buffered *self)
{
    Py_ssize_t avail = AVAIL(self);
    self->rpos = self->rend = 0;
    if (avail == 0)
        return 0;
    PyObject *r = raw_seek(self, -(off_t)avail, SEEK_CUR);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* Reads once from the raw stream into an emptied read buffer. */
static Py_ssize_t fill_buffer(kr_buffered *self)
{
    self->rpos = self->rend = 0;
    Py_ssize_t n = raw_read(self, self->rbuf, self->buffer_size);
    if (n > 0)
        self->rend = n;
    return n;
}

static void free_buffers(kr_buffered *self)
{
    PyMem_Free(self->rbuf);
    PyMem_Free(self->wbuf);
    self->rbuf = self->wbuf = NULL;
    self->rpos = self->rend = self->wlen = 0;
}

static int buffered_init_common(kr_buffered *self, PyObject *args, PyObject *kwds,
                                const char *fname, int readable, int writable)
{
    static char *kwlist[] = {"raw", "buffer_size", NULL};
    PyObject *raw;
    Py_ssize_t size = KR_IO_DEFAULT_BUFFER_SIZE;
    char fmt[40];
    snprintf(fmt, sizeof fmt, "O|n:%s", fname);
    self->ok = 0;
    self->detached = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &raw, &size))
        return -1;
    if (writable && readable && kr_io_check_seekable(raw) < 0)
        return -1;
    if (readable && kr_io_check_readable(raw) < 0)
        return -1;
    if (writable && kr_io_check_writable(raw) < 0)
        return -1;
    if (size <= 0) {
        PyErr_SetString(PyExc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    Py_XSETREF(self->raw, Py_NewRef(raw));
    free_buffers(self);
    self->buffer_size = size;
    self->readable = readable;
    self->writable = writable;
    if (readable && (self->rbuf = PyMem_Malloc((size_t)size)) == NULL)
        goto nomem;
    if (writable && (self->wbuf = PyMem_Malloc((size_t)size)) == NULL)
        goto nomem;
    self->ok = 1;
    return 0;
nomem:
    PyErr_NoMemory();
    return -1;
}

static int reader_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    return buffered_init_common((kr_buffered *)op, args, kwds, "BufferedReader", 1, 0);
}

static int writer_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    return buffered_init_common((kr_buffered *)op, args, kwds, "BufferedWriter", 0, 1);
}

static int random_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    return buffered_init_common((kr_buffered *)op, args, kwds, "BufferedRandom", 1, 1);
}

static int buffered_traverse(PyObject *op, visitproc visit, void *arg)
{
    kr_buffered *self = (kr_buffered *)op;
    Py_VISIT(self->raw);
    Py_VISIT(self->dict);
    return 0;
}

static int buffered_clear(PyObject *op)
{
    kr_buffered *self = (kr_buffered *)op;
    self->ok = 0;
    Py_CLEAR(self->raw);
    Py_CLEAR(self->dict);
    return 0;
}

static void buffered_dealloc(PyObject *op)
{
    kr_buffered *self = (kr_buffered *)op;
    self->finalizing = 1;
    if (PyObject_CallFinalizerFromDealloc(op) < 0)
        return;
    PyObject_GC_UnTrack(op);
    self->ok = 0;
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    free_buffers(self);
    buffered_clear(op);
    Py_TYPE(op)->tp_free(op);
}

/* ---- reading ---- */

static PyObject *read_all(kr_buffered *self)
{
    PyObject *chunks = PyList_New(0);
    if (chunks == NULL)
        return NULL;
    if (AVAIL(self) > 0) {
        PyObject *b = PyBytes_FromStringAndSize(self->rbuf + self->rpos, AVAIL(self));
        if (b == NULL || PyList_Append(chunks, b) < 0) {
            Py_XDECREF(b);
            goto error;
        }
        Py_DECREF(b);
    }
    self->rpos = self->rend = 0;
    PyObject *readall;
    if (_PyObject_LookupAttr(self->raw, KR_ID(readall), &readall) < 0)
        goto error;
    if (readall != NULL) {
        PyObject *data = PyObject_CallNoArgs(readall);
        Py_DECREF(readall);
        if (data == NULL)
            goto error;
        if (data != Py_None && !PyBytes_Check(data)) {
            Py_DECREF(data);
            PyErr_SetString(PyExc_TypeError, "readall() should return bytes");
            goto error;
        }
        if (data == Py_None) {
            if (PyList_GET_SIZE(chunks) == 0) {
                Py_DECREF(chunks);
                return data;
            }
            Py_DECREF(data);
        } else {
            int rc = PyList_Append(chunks, data);
            Py_DECREF(data);
            if (rc < 0)
                goto error;
        }
    } else {
        for (;;) {
            PyObject *data = PyObject_CallMethodNoArgs(self->raw, KR_ID(read));
            if (data == NULL)
                goto error;
            if (data != Py_None && !PyBytes_Check(data)) {
                Py_DECREF(data);
                PyErr_SetString(PyExc_TypeError, "read() should return bytes");
                goto error;
            }
            if (data == Py_None || PyBytes_GET_SIZE(data) == 0) {
                if (PyList_GET_SIZE(chunks) == 0) {
                    Py_DECREF(chunks);
                    return data;
                }
                Py_DECREF(data);
                break;
            }
            int rc = PyList_Append(chunks, data);
            Py_DECREF(data);
            if (rc < 0)
                goto error;
        }
    }
    if (PyList_GET_SIZE(chunks) == 1) {
        PyObject *r = Py_NewRef(PyList_GET_ITEM(chunks, 0));
        Py_DECREF(chunks);
        return r;
    }
    PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *r = empty ? _PyBytes_Join(empty, chunks) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(chunks);
    return r;
error:
    Py_DECREF(chunks);
    return NULL;
}

/* Reads up to n bytes into out (n > 0): buffered data first, then large
 * reads straight from the raw stream and small ones through the buffer.
 * With `once`, at most one raw read is made.  Returns the count, -2 when
 * nothing was available (raw returned None), -1 on error. */
static Py_ssize_t read_into(kr_buffered *self, char *out, Py_ssize_t n, int once)
{
    Py_ssize_t written = 0, avail = AVAIL(self);
    if (avail > 0) {
        Py_ssize_t k = avail < n ? avail : n;
        memcpy(out, self->rbuf + self->rpos, (size_t)k);
        self->rpos += k;
        written = k;
        if (written == n || once)
            return written;
    }
    self->rpos = self->rend = 0;
    while (written < n) {
        Py_ssize_t remaining = n - written, r;
        if (remaining >= self->buffer_size) {
            Py_ssize_t want = once ? remaining : remaining - remaining % self->buffer_size;
            r = raw_read(self, out + written, want);
        } else {
            r = fill_buffer(self);
            if (r > 0) {
                Py_ssize_t k = r < remaining ? r : remaining;
                memcpy(out + written, self->rbuf, (size_t)k);
                self->rpos = k;
                r = k;
            }
        }
        if (r == -1)
            return -1;
        if (r == -2)
            return written > 0 ? written : -2;
        if (r == 0)
            break;
        written += r;
        if (once)
            break;
    }
    return written;
}

static PyObject *read_sized(kr_buffered *self, Py_ssize_t n, int once)
{
    if (n <= AVAIL(self)) {
        PyObject *r = PyBytes_FromStringAndSize(self->rbuf + self->rpos, n);
        if (r != NULL)
            self->rpos += n;
        return r;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, n);
    if (res == NULL)
        return NULL;
    Py_ssize_t got = read_into(self, PyBytes_AS_STRING(res), n, once);
    if (got < 0) {
        Py_DECREF(res);
        if (got == -2)
            Py_RETURN_NONE;
        return NULL;
    }
    if (got != n && _PyBytes_Resize(&res, got) < 0)
        return NULL;
    return res;
}

/* Before reading from a BufferedRandom, pending writes go out. */
static int prepare_read(kr_buffered *self)
{
    if (self->writable && self->wlen > 0)
        return flush_writes(self);
    return 0;
}

static PyObject *buffered_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_buffered *self = (kr_buffered *)op;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &n) < 0)
        return NULL;
    CHECK_INITIALIZED(self);
    if (n < -1) {
        PyErr_SetString(PyExc_ValueError, "read length must be non-negative or -1");
        return NULL;
    }
    CHECK_CLOSED(self, "read");
    if (prepare_read(self) < 0)
        return NULL;
    if (n == -1)
        return read_all(self);
    return read_sized(self, n, 0);
}

static PyObject *buffered_read1(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_buffered *self = (kr_buffered *)op;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read1", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &n) < 0)
        return NULL;
    CHECK_INITIALIZED(self);
    if (n < 0)
        n = self->buffer_size;
    CHECK_CLOSED(self, "read");
    if (n == 0)
        return PyBytes_FromStringAndSize(NULL, 0);
    if (prepare_read(self) < 0)
        return NULL;
    Py_ssize_t avail = AVAIL(self);
    if (avail > 0)
        return read_sized(self, n < avail ? n : avail, 1);
    PyObject *r = read_sized(self, n, 1);
    if (r == Py_None) {
        Py_DECREF(r);
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    return r;
}

static PyObject *readinto_generic(PyObject *op, PyObject *arg, int once)
{
    kr_buffered *self = (kr_buffered *)op;
    CHECK_INITIALIZED(self);
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE | PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    PyObject *res = NULL;
    if (check_closed(self, "readinto") < 0 || prepare_read(self) < 0)
        goto done;
    if (view.len == 0) {
        res = PyLong_FromLong(0);
        goto done;
    }
    Py_ssize_t got = read_into(self, view.buf, view.len, once);
    if (got == -2)
        res = Py_NewRef(Py_None);
    else if (got >= 0)
        res = PyLong_FromSsize_t(got);
done:
    PyBuffer_Release(&view);
    return res;
}

static PyObject *buffered_readinto(PyObject *op, PyObject *arg) { return readinto_generic(op, arg, 0); }
static PyObject *buffered_readinto1(PyObject *op, PyObject *arg) { return readinto_generic(op, arg, 1); }

static PyObject *buffered_peek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_buffered *self = (kr_buffered *)op;
    if (!_PyArg_CheckPositional("peek", nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        Py_ssize_t n = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred())
            return NULL;
    }
    CHECK_INITIALIZED(self);
    CHECK_CLOSED(self, "peek");
    if (prepare_read(self) < 0)
        return NULL;
    if (AVAIL(self) == 0) {
        Py_ssize_t r = fill_buffer(self);
        if (r == -1)
            return NULL;
    }
    return PyBytes_FromStringAndSize(self->rbuf + self->rpos, AVAIL(self));
}

static PyObject *readline_impl(kr_buffered *self, Py_ssize_t limit)
{
    if (check_closed(self, "readline") < 0 || prepare_read(self) < 0)
        return NULL;
    PyObject *chunks = NULL;
    Py_ssize_t total = 0;
    for (;;) {
        Py_ssize_t avail = AVAIL(self);
        if (limit >= 0 && avail > limit - total)
            avail = limit - total;
        const char *start = self->rbuf + self->rpos;
        const char *nl = avail > 0 ? memchr(start, '\n', (size_t)avail) : NULL;
        Py_ssize_t take = nl ? nl - start + 1 : avail;
        int done = nl != NULL || (limit >= 0 && total + take >= limit);
        if (chunks == NULL && done) {
            self->rpos += take;
            return PyBytes_FromStringAndSize(start, take);
        }
        if (take > 0) {
            if (chunks == NULL && (chunks = PyList_New(0)) == NULL)
                return NULL;
            PyObject *b = PyBytes_FromStringAndSize(start, take);
            if (b == NULL || PyList_Append(chunks, b) < 0) {
                Py_XDECREF(b);
                goto error;
            }
            Py_DECREF(b);
            self->rpos += take;
            total += take;
        }
        if (done)
            break;
        Py_ssize_t r = fill_buffer(self);
        if (r == -1)
            goto error;
        if (r <= 0)
            break;
    }
    if (chunks == NULL)
        return PyBytes_FromStringAndSize(NULL, 0);
    PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *res = empty ? _PyBytes_Join(empty, chunks) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(chunks);
    return res;
error:
    Py_XDECREF(chunks);
    return NULL;
}

static PyObject *buffered_readline(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_buffered *self = (kr_buffered *)op;
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &limit) < 0)
        return NULL;
    CHECK_INITIALIZED(self);
    return readline_impl(self, limit);
}

static PyObject *buffered_iternext(PyObject *op)
{
    kr_buffered *self = (kr_buffered *)op;
    CHECK_INITIALIZED(self);
    PyObject *line;
    if (Py_IS_TYPE(op, &PyBufferedReader_Type) || Py_IS_TYPE(op, &PyBufferedRandom_Type))
        line = readline_impl(self, -1);
    else
        line = kr_io_call_readline(op, 0);
    if (line == NULL)
        return NULL;
    if (PyBytes_GET_SIZE(line) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

/* ---- writing ---- */

static PyObject *buffered_write(PyObject *op, PyObject *arg)
{
    kr_buffered *self = (kr_buffered *)op;
    CHECK_INITIALIZED(self);
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_CONTIG_RO) < 0)
        return NULL;
    PyObject *res = NULL;
    if (check_closed(self, "write") < 0)
        goto done;
    if (self->readable && AVAIL(self) > 0 && rewind_reads(self) < 0)
        goto done;
    self->rpos = self->rend = 0;
    const char *data = view.buf;
    Py_ssize_t n = view.len;
    if (self->wlen + n <= self->buffer_size) {
        memcpy(self->wbuf + self->wlen, data, (size_t)n);
        self->wlen += n;
    } else {
        if (flush_writes(self) < 0)
            goto done;
        if (n >= self->buffer_size) {
            Py_ssize_t done_n = 0;
            while (done_n < n) {
                Py_ssize_t w = raw_write(self, data + done_n, n - done_n);
                if (w == -1)
                    goto done;
                if (w == -2) {
                    blocking_error(done_n);
                    goto done;
                }
                done_n += w;
            }
        } else {
            memcpy(self->wbuf, data, (size_t)n);
            self->wlen = n;
        }
    }
    res = PyLong_FromSsize_t(n);
done:
    PyBuffer_Release(&view);
    return res;
}

static PyObject *buffered_flush(PyObject *op, PyObject *unused)
{
    kr_buffered *self = (kr_buffered *)op;
    CHECK_INITIALIZED(self);
    if (!self->writable)
        return PyObject_CallMethodNoArgs(self->raw, KR_ID(flush));
    CHECK_CLOSED(self, "flush");
    if (flush_writes(self) < 0)
        return NULL;
    if (self->readable && AVAIL(self) > 0 && rewind_reads(self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- positioning ---- */

static PyObject *buffered_tell(PyObject *op, PyObject *unused)
{
    kr_buffered *self = (kr_buffered *)op;
    CHECK_INITIALIZED(self);
    off_t pos = raw_tell(self);
    if (pos == -1)
        return NULL;
    pos = pos - AVAIL(self) + self->wlen;
    if (pos < 0)
        pos = 0;
    return PyLong_FromLongLong((long long)pos);
}

static PyObject *buffered_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_buffered *self = (kr_buffered *)op;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    int whence = 0;
    if (nargs == 2) {
        whence = _PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred())
            return NULL;
    }
    CHECK_INITIALIZED(self);
    if (whence < 0 || whence > 4) {
        PyErr_Format(PyExc_ValueError, "whence value %d unsupported", whence);
        return NULL;
    }
    CHECK_CLOSED(self, "seek");
    if (kr_io_check_seekable(self->raw) < 0)
        return NULL;
    off_t target;
    if (kr_io_offset_arg(args[0], &target) < 0)
        return NULL;
    if (self->writable && flush_writes(self) < 0)
        return NULL;
    Py_ssize_t avail = AVAIL(self);
    if ((whence == 0 || whence == 1) && self->readable && self->rend > 0) {
        off_t cur = raw_tell(self);
        if (cur == -1)
            return NULL;
        off_t start = cur - self->rend;
        off_t abs = whence == 0 ? target : cur - avail + target;
        if (abs >= start && abs <= cur) {
            self->rpos = (Py_ssize_t)(abs - start);
            return PyLong_FromLongLong((long long)abs);
        }
    }
    if (whence == 1)
        target -= avail;
    self->rpos = self->rend = 0;
    return raw_seek(self, target, whence);
}

static PyObject *buffered_truncate(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_buffered *self = (kr_buffered *)op;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    CHECK_INITIALIZED(self);
    CHECK_CLOSED(self, "truncate");
    if (!self->writable)
        return kr_io_unsupported("truncate");
    if (flush_writes(self) < 0 || (self->readable && rewind_reads(self) < 0))
        return NULL;
    PyObject *pos = nargs == 1 ? args[0] : Py_None;
    PyObject *res = PyObject_CallMethodOneArg(self->raw, KR_ID(truncate), pos);
    if (res == NULL)
        return NULL;
    if (raw_tell(self) == -1) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* ---- the rest: forwarded to the raw stream ---- */

static PyObject *forward(kr_buffered *self, PyObject *name)
{
    CHECK_INITIALIZED(self);
    return PyObject_CallMethodNoArgs(self->raw, name);
}

static PyObject *buffered_readable(PyObject *op, PyObject *u) { return forward((kr_buffered *)op, KR_ID(readable)); }
static PyObject *buffered_writable(PyObject *op, PyObject *u) { return forward((kr_buffered *)op, KR_ID(writable)); }
static PyObject *buffered_seekable(PyObject *op, PyObject *u) { return forward((kr_buffered *)op, KR_ID(seekable)); }
static PyObject *buffered_fileno(PyObject *op, PyObject *u) { return forward((kr_buffered *)op, KR_ID(fileno)); }
static PyObject *buffered_isatty(PyObject *op, PyObject *u) { return forward((kr_buffered *)op, KR_ID(isatty)); }

static PyObject *buffered_dealloc_warn(PyObject *op, PyObject *source)
{
    kr_buffered *self = (kr_buffered *)op;
    if (self->ok && self->raw != NULL) {
        PyObject *r = PyObject_CallMethodOneArg(self->raw, KR_ID(_dealloc_warn), source);
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
    }
    Py_RETURN_NONE;
}

static PyObject *buffered_close(PyObject *op, PyObject *unused)
{
    kr_buffered *self = (kr_buffered *)op;
    CHECK_INITIALIZED(self);
    int r = raw_closed(self);
    if (r < 0)
        return NULL;
    if (r)
        Py_RETURN_NONE;
    if (self->finalizing) {
        PyObject *w = buffered_dealloc_warn(op, op);
        Py_XDECREF(w);
    }
    /* the buffers stay until dealloc: every later call fails its closed
     * check first, and a raw close() that failed leaves the stream usable */
    return kr_io_flush_and_close_inner(op, self->raw);
}

static PyObject *buffered_detach(PyObject *op, PyObject *unused)
{
    kr_buffered *self = (kr_buffered *)op;
    CHECK_INITIALIZED(self);
    PyObject *r = PyObject_CallMethodNoArgs(op, KR_ID(flush));
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    PyObject *raw = self->raw;
    self->raw = NULL;
    self->detached = 1;
    self->ok = 0;
    return raw;
}

static PyObject *raw_attr(kr_buffered *self, PyObject *name)
{
    CHECK_INITIALIZED(self);
    return PyObject_GetAttr(self->raw, name);
}

static PyObject *buffered_name_get(PyObject *op, void *c) { return raw_attr((kr_buffered *)op, KR_ID(name)); }
static PyObject *buffered_mode_get(PyObject *op, void *c) { return raw_attr((kr_buffered *)op, KR_ID(mode)); }
static PyObject *buffered_closed_get(PyObject *op, void *c) { return raw_attr((kr_buffered *)op, KR_ID(closed)); }

static PyObject *buffered_repr(PyObject *op)
{
    PyObject *name;
    if (_PyObject_LookupAttr(op, KR_ID(name), &name) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError))
            return NULL;
        PyErr_Clear();
    }
    const char *tname = Py_TYPE(op)->tp_name;
    if (name == NULL)
        return PyUnicode_FromFormat("<%s>", tname);
    PyObject *res = NULL;
    int status = Py_ReprEnter(op);
    if (status == 0) {
        res = PyUnicode_FromFormat("<%s name=%R>", tname, name);
        Py_ReprLeave(op);
    } else if (status > 0)
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__", tname);
    Py_DECREF(name);
    return res;
}

static PyObject *buffered_sizeof(PyObject *op, PyObject *unused)
{
    kr_buffered *self = (kr_buffered *)op;
    Py_ssize_t n = (Py_ssize_t)Py_TYPE(op)->tp_basicsize;
    if (self->rbuf)
        n += self->buffer_size;
    if (self->wbuf)
        n += self->buffer_size;
    return PyLong_FromSsize_t(n);
}

static PyObject *buffered_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL
#define COMMON_METHODS \
    {"detach", buffered_detach, METH_NOARGS, NULL}, \
    {"flush", buffered_flush, METH_NOARGS, NULL}, \
    {"close", buffered_close, METH_NOARGS, NULL}, \
    {"seekable", buffered_seekable, METH_NOARGS, NULL}, \
    {"fileno", buffered_fileno, METH_NOARGS, NULL}, \
    {"isatty", buffered_isatty, METH_NOARGS, NULL}, \
    {"_dealloc_warn", buffered_dealloc_warn, METH_O, NULL}, \
    {"seek", FASTCALL(buffered_seek), NULL}, \
    {"tell", buffered_tell, METH_NOARGS, NULL}, \
    {"truncate", FASTCALL(buffered_truncate), NULL}, \
    {"__sizeof__", buffered_sizeof, METH_NOARGS, NULL}
#define READ_METHODS \
    {"readable", buffered_readable, METH_NOARGS, NULL}, \
    {"read", FASTCALL(buffered_read), NULL}, \
    {"peek", FASTCALL(buffered_peek), NULL}, \
    {"read1", FASTCALL(buffered_read1), NULL}, \
    {"readinto", buffered_readinto, METH_O, NULL}, \
    {"readinto1", buffered_readinto1, METH_O, NULL}, \
    {"readline", FASTCALL(buffered_readline), NULL}
#define WRITE_METHODS \
    {"writable", buffered_writable, METH_NOARGS, NULL}, \
    {"write", buffered_write, METH_O, NULL}

static PyMethodDef reader_methods[] = {COMMON_METHODS, READ_METHODS, {NULL, NULL, 0, NULL}};
static PyMethodDef writer_methods[] = {COMMON_METHODS, WRITE_METHODS, {NULL, NULL, 0, NULL}};
static PyMethodDef random_methods[] = {COMMON_METHODS, READ_METHODS, WRITE_METHODS,
                                       {NULL, NULL, 0, NULL}};

static PyMemberDef buffered_members[] = {
    {"raw", T_OBJECT, offsetof(kr_buffered, raw), READONLY, NULL},
    {"_finalizing", T_BOOL, offsetof(kr_buffered, finalizing), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef buffered_getset[] = {
    {"closed", buffered_closed_get, NULL, NULL, NULL},
    {"name", buffered_name_get, NULL, NULL, NULL},
    {"mode", buffered_mode_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

#define BUFFERED_TYPE(cname, pyname, doc, methods, init, iternext) \
    PyTypeObject cname = { \
        PyVarObject_HEAD_INIT(&PyType_Type, 0) \
        .tp_name = pyname, \
        .tp_basicsize = sizeof(kr_buffered), \
        .tp_dealloc = buffered_dealloc, \
        .tp_repr = buffered_repr, \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
        .tp_doc = doc, \
        .tp_traverse = buffered_traverse, \
        .tp_clear = buffered_clear, \
        .tp_weaklistoffset = offsetof(kr_buffered, weakreflist), \
        .tp_iternext = iternext, \
        .tp_methods = methods, \
        .tp_members = buffered_members, \
        .tp_getset = buffered_getset, \
        .tp_base = &PyBufferedIOBase_Type, \
        .tp_dictoffset = offsetof(kr_buffered, dict), \
        .tp_init = init, \
        .tp_alloc = PyType_GenericAlloc, \
        .tp_new = buffered_new, \
        .tp_free = PyObject_GC_Del, \
    };

BUFFERED_TYPE(PyBufferedReader_Type, "_io.BufferedReader", "Create a new buffered reader using the given readable raw IO object.",
              reader_methods, reader_init, buffered_iternext)
BUFFERED_TYPE(PyBufferedWriter_Type, "_io.BufferedWriter", "A buffer for a writeable sequential RawIO object.",
              writer_methods, writer_init, NULL)
BUFFERED_TYPE(PyBufferedRandom_Type, "_io.BufferedRandom", "A buffered interface to random access streams.",
              random_methods, random_init, buffered_iternext)

/* ---- BufferedRWPair ---- */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
    PyObject *reader, *writer;
} kr_rwpair;

static int rwpair_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    kr_rwpair *self = (kr_rwpair *)op;
    PyObject *reader, *writer;
    Py_ssize_t size = KR_IO_DEFAULT_BUFFER_SIZE;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError, "BufferedRWPair() takes no keyword arguments");
        return -1;
    }
    if (!PyArg_ParseTuple(args, "OO|n:BufferedRWPair", &reader, &writer, &size))
        return -1;
    if (kr_io_check_readable(reader) < 0 || kr_io_check_writable(writer) < 0)
        return -1;
    Py_CLEAR(self->reader);
    Py_CLEAR(self->writer);
    self->reader = PyObject_CallFunction((PyObject *)&PyBufferedReader_Type, "On", reader, size);
    if (self->reader == NULL)
        return -1;
    self->writer = PyObject_CallFunction((PyObject *)&PyBufferedWriter_Type, "On", writer, size);
    if (self->writer == NULL) {
        Py_CLEAR(self->reader);
        return -1;
    }
    return 0;
}

static int rwpair_traverse(PyObject *op, visitproc visit, void *arg)
{
    kr_rwpair *self = (kr_rwpair *)op;
    Py_VISIT(self->dict);
    Py_VISIT(self->reader);
    Py_VISIT(self->writer);
    return 0;
}

static int rwpair_clear(PyObject *op)
{
    kr_rwpair *self = (kr_rwpair *)op;
    Py_CLEAR(self->reader);
    Py_CLEAR(self->writer);
    Py_CLEAR(self->dict);
    return 0;
}

static void rwpair_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    if (((kr_rwpair *)op)->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    rwpair_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *rwpair_forward(PyObject *target, const char *name, PyObject *const *args,
                                Py_ssize_t nargs)
{
    if (target == NULL) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    PyObject *meth = PyObject_GetAttrString(target, name);
    if (meth == NULL)
        return NULL;
    PyObject *r = PyObject_Vectorcall(meth, args, (size_t)nargs, NULL);
    Py_DECREF(meth);
    return r;
}

#define RWPAIR_FWD(fname, side, name) \
    static PyObject *fname(PyObject *op, PyObject *const *args, Py_ssize_t nargs) \
    { \
        return rwpair_forward(((kr_rwpair *)op)->side, name, args, nargs); \
    }
RWPAIR_FWD(rwpair_read, reader, "read")
RWPAIR_FWD(rwpair_peek, reader, "peek")
RWPAIR_FWD(rwpair_read1, reader, "read1")
RWPAIR_FWD(rwpair_readinto, reader, "readinto")
RWPAIR_FWD(rwpair_readinto1, reader, "readinto1")
RWPAIR_FWD(rwpair_write, writer, "write")
RWPAIR_FWD(rwpair_flush, writer, "flush")
RWPAIR_FWD(rwpair_readable, reader, "readable")
RWPAIR_FWD(rwpair_writable, writer, "writable")

static PyObject *rwpair_close(PyObject *op, PyObject *unused)
{
    kr_rwpair *self = (kr_rwpair *)op;
    PyObject *r = rwpair_forward(self->writer, "close", NULL, 0);
    PyObject *exc = r == NULL ? PyErr_GetRaisedException() : NULL;
    Py_XDECREF(r);
    r = rwpair_forward(self->reader, "close", NULL, 0);
    if (exc != NULL) {
        if (r == NULL)
            _PyErr_ChainExceptions1(exc);
        else
            PyErr_SetRaisedException(exc);
        Py_CLEAR(r);
    }
    return r;
}

static PyObject *rwpair_isatty(PyObject *op, PyObject *unused)
{
    kr_rwpair *self = (kr_rwpair *)op;
    PyObject *r = rwpair_forward(self->writer, "isatty", NULL, 0);
    if (r != Py_False)
        return r;
    Py_DECREF(r);
    return rwpair_forward(self->reader, "isatty", NULL, 0);
}

static PyObject *rwpair_closed_get(PyObject *op, void *c)
{
    kr_rwpair *self = (kr_rwpair *)op;
    if (self->writer == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
        return NULL;
    }
    return PyObject_GetAttr(self->writer, KR_ID(closed));
}

static PyMethodDef rwpair_methods[] = {
    {"read", FASTCALL(rwpair_read), NULL},
    {"peek", FASTCALL(rwpair_peek), NULL},
    {"read1", FASTCALL(rwpair_read1), NULL},
    {"readinto", FASTCALL(rwpair_readinto), NULL},
    {"readinto1", FASTCALL(rwpair_readinto1), NULL},
    {"write", FASTCALL(rwpair_write), NULL},
    {"flush", FASTCALL(rwpair_flush), NULL},
    {"readable", FASTCALL(rwpair_readable), NULL},
    {"writable", FASTCALL(rwpair_writable), NULL},
    {"close", rwpair_close, METH_NOARGS, NULL},
    {"isatty", rwpair_isatty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef rwpair_getset[] = {
    {"closed", rwpair_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyBufferedRWPair_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BufferedRWPair",
    .tp_basicsize = sizeof(kr_rwpair),
    .tp_dealloc = rwpair_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A buffered reader and writer object together.",
    .tp_traverse = rwpair_traverse,
    .tp_clear = rwpair_clear,
    .tp_weaklistoffset = offsetof(kr_rwpair, weakreflist),
    .tp_methods = rwpair_methods,
    .tp_getset = rwpair_getset,
    .tp_base = &PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(kr_rwpair, dict),
    .tp_init = rwpair_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = buffered_new,
    .tp_free = PyObject_GC_Del,
};
