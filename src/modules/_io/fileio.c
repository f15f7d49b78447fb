/* fileio.c: _io.FileIO, raw binary I/O on an OS file descriptor.
 *
 * Opening a path is subject to the context's allow_io option (krait.h);
 * wrapping an already open descriptor is not, since the embedder handed
 * that descriptor over.  Blocking system calls release the context lock
 * and are retried on EINTR after running signal handlers, as in CPython. */
#include "modules/_io/io_internal.h"
#include "capi/argparse.h"
#include "objects/str_ids.h"
#include "runtime/context.h"
#include "structmember.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define SMALLCHUNK 8192

static PyObject *err_closed(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
    return NULL;
}

static PyObject *err_mode(const char *action)
{
    char msg[64];
    snprintf(msg, sizeof msg, "File not open for %s", action);
    return kr_io_unsupported(msg);
}

Py_ssize_t kr_fileio_read_fd(int fd, char *buf, Py_ssize_t n)
{
    for (;;) {
        ssize_t r;
        Py_BEGIN_ALLOW_THREADS
        r = read(fd, buf, (size_t)n);
        Py_END_ALLOW_THREADS
        if (r >= 0)
            return r;
        if (errno == EINTR) {
            if (PyErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        if (errno == EAGAIN)
            return -2;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
}

Py_ssize_t kr_fileio_write_fd(int fd, const char *buf, Py_ssize_t n)
{
    for (;;) {
        ssize_t r;
        Py_BEGIN_ALLOW_THREADS
        r = write(fd, buf, (size_t)n);
        Py_END_ALLOW_THREADS
        if (r >= 0)
            return r;
        if (errno == EINTR) {
            if (PyErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        if (errno == EAGAIN)
            return -2;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
}

/* Closes the descriptor (if owned); -1 with OSError set on failure. */
static int internal_close(kr_fileio *self)
{
    int fd = self->fd, err = 0;
    self->fd = -1;
    if (fd >= 0) {
        int r;
        Py_BEGIN_ALLOW_THREADS
        r = close(fd);
        Py_END_ALLOW_THREADS
        if (r < 0)
            err = errno;
    }
    if (err) {
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static PyObject *fileio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    kr_fileio *self = (kr_fileio *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->fd = -1;
    self->seekable = -1;
    self->closefd = 1;
    self->blksize = 0;
    return (PyObject *)self;
}

static int fileio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    kr_fileio *self = (kr_fileio *)op;
    static char *kwlist[] = {"file", "mode", "closefd", "opener", NULL};
    PyObject *nameobj, *opener = Py_None, *path = NULL;
    const char *mode = "r";
    int closefd = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|siO:FileIO", kwlist, &nameobj, &mode,
                                     &closefd, &opener))
        return -1;
    if (self->fd >= 0) {
        if (self->closefd) {
            if (internal_close(self) < 0)
                return -1;
        } else
            self->fd = -1;
    }
    int fd = -1;
    if (PyLong_Check(nameobj)) {
        fd = _PyLong_AsInt(nameobj);
        if (fd == -1 && PyErr_Occurred())
            return -1;
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
    } else {
        if (!PyUnicode_FSConverter(nameobj, &path))
            return -1;
    }

    int rwa = 0, plus = 0, flags = 0;
    self->readable = self->writable = self->created = self->appending = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
            if (rwa) goto bad_mode;
            rwa = 1;
            self->created = self->writable = 1;
            flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            if (rwa) goto bad_mode;
            rwa = 1;
            self->readable = 1;
            break;
        case 'w':
            if (rwa) goto bad_mode;
            rwa = 1;
            self->writable = 1;
            flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            if (rwa) goto bad_mode;
            rwa = 1;
            self->writable = self->appending = 1;
            flags |= O_APPEND | O_CREAT;
            break;
        case 'b':
            break;
        case '+':
            if (plus) goto bad_mode;
            self->readable = self->writable = 1;
            plus = 1;
            break;
        default:
            PyErr_Format(PyExc_ValueError, "invalid mode: %.200s", mode);
            goto error;
        }
    }
    if (!rwa)
        goto bad_mode;
    flags |= self->readable && self->writable ? O_RDWR : self->readable ? O_RDONLY : O_WRONLY;
    flags |= O_CLOEXEC;

    if (fd >= 0) {
        self->fd = fd;
        self->closefd = closefd ? 1 : 0;
    } else {
        self->closefd = 1;
        if (!closefd) {
            PyErr_SetString(PyExc_ValueError, "Cannot use closefd=False with file name");
            goto error;
        }
        struct kr_context *ctx = kr_context_get();
        if (!ctx->options.allow_io) {
            PyObject *msg = PyUnicode_FromString(
                "file system access is disabled in this context (krait option allow_io)");
            if (msg != NULL) {
                PyObject *exc = PyObject_CallFunction(PyExc_PermissionError, "iOO", EPERM, msg,
                                                      nameobj);
                if (exc != NULL) {
                    PyErr_SetObject(PyExc_PermissionError, exc);
                    Py_DECREF(exc);
                }
                Py_DECREF(msg);
            }
            goto error;
        }
        if (opener == Py_None) {
            const char *p = PyBytes_AS_STRING(path);
            for (;;) {
                Py_BEGIN_ALLOW_THREADS
                self->fd = open(p, flags, 0666);
                Py_END_ALLOW_THREADS
                if (self->fd >= 0 || errno != EINTR)
                    break;
                if (PyErr_CheckSignals() < 0)
                    goto error;
            }
            if (self->fd < 0) {
                PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, nameobj);
                goto error;
            }
        } else {
            PyObject *fdobj = PyObject_CallFunction(opener, "Oi", nameobj, flags);
            if (fdobj == NULL)
                goto error;
            if (!PyLong_Check(fdobj)) {
                Py_DECREF(fdobj);
                PyErr_SetString(PyExc_TypeError, "expected integer from opener");
                goto error;
            }
            self->fd = _PyLong_AsInt(fdobj);
            Py_DECREF(fdobj);
            if (self->fd < 0) {
                if (!PyErr_Occurred())
                    PyErr_Format(PyExc_ValueError, "opener returned %d", self->fd);
                self->fd = -1;
                goto error;
            }
        }
    }
    self->blksize = SMALLCHUNK;
    struct stat st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fstat(self->fd, &st);
    Py_END_ALLOW_THREADS
    if (r < 0) {
        if (errno == EBADF) {
            PyErr_SetFromErrno(PyExc_OSError);
            goto error_opened;
        }
    } else {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, nameobj);
            goto error_opened;
        }
        if (st.st_blksize > 1)
            self->blksize = st.st_blksize;
    }
    if (PyObject_SetAttr(op, KR_ID(name), nameobj) < 0)
        goto error_opened;
    if (self->appending) {
        /* O_APPEND alone leaves tell() at 0 until the first write */
        off_t pos;
        Py_BEGIN_ALLOW_THREADS
        pos = lseek(self->fd, 0, SEEK_END);
        Py_END_ALLOW_THREADS
        if (pos < 0) {
            if (errno == ESPIPE)
                self->seekable = 0;
            else {
                PyErr_SetFromErrno(PyExc_OSError);
                goto error_opened;
            }
        }
    }
    Py_XDECREF(path);
    return 0;

bad_mode:
    PyErr_SetString(PyExc_ValueError,
                    "Must have exactly one of create/read/write/append mode and at most one plus");
    goto error;
error_opened:
    if (!self->closefd)
        self->fd = -1;
    else {
        PyObject *exc = PyErr_GetRaisedException();
        if (internal_close(self) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
error:
    Py_XDECREF(path);
    return -1;
}

static void fileio_dealloc(PyObject *op)
{
    kr_fileio *self = (kr_fileio *)op;
    self->finalizing = 1;
    if (PyObject_CallFinalizerFromDealloc(op) < 0)
        return;
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    Py_CLEAR(self->dict);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *fileio_dealloc_warn(PyObject *op, PyObject *source)
{
    kr_fileio *self = (kr_fileio *)op;
    if (self->fd >= 0 && self->closefd) {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyErr_ResourceWarning(source, 1, "unclosed file %R", source) < 0) {
            if (PyErr_ExceptionMatches(PyExc_Warning))
                PyErr_WriteUnraisable(op);
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
    }
    Py_RETURN_NONE;
}

static PyObject *fileio_close(PyObject *op, PyObject *unused)
{
    kr_fileio *self = (kr_fileio *)op;
    /* the base class's close() flushes and sets the closed flag */
    PyObject *res = PyObject_CallMethodOneArg((PyObject *)&PyRawIOBase_Type, KR_ID(close), op);
    if (!self->closefd) {
        self->fd = -1;
        return res;
    }
    PyObject *exc = res == NULL ? PyErr_GetRaisedException() : NULL;
    if (self->finalizing) {
        PyObject *r = fileio_dealloc_warn(op, op);
        Py_XDECREF(r);
    }
    if (internal_close(self) < 0) {
        Py_CLEAR(res);
        if (exc != NULL)
            _PyErr_ChainExceptions1(exc);
        return NULL;
    }
    if (exc != NULL) {
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    return res;
}

#define CHECK_OPEN(self) \
    if ((self)->fd < 0) \
        return err_closed();

static PyObject *fileio_readable(PyObject *op, PyObject *unused)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    return PyBool_FromLong(self->readable);
}

static PyObject *fileio_writable(PyObject *op, PyObject *unused)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    return PyBool_FromLong(self->writable);
}

static PyObject *fileio_seekable(PyObject *op, PyObject *unused)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    if (self->seekable < 0) {
        off_t pos;
        Py_BEGIN_ALLOW_THREADS
        pos = lseek(self->fd, 0, SEEK_CUR);
        Py_END_ALLOW_THREADS
        self->seekable = pos >= 0 ? 1 : 0;
    }
    return PyBool_FromLong(self->seekable);
}

static PyObject *fileio_fileno(PyObject *op, PyObject *unused)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    return PyLong_FromLong(self->fd);
}

static PyObject *fileio_isatty(PyObject *op, PyObject *unused)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = isatty(self->fd);
    Py_END_ALLOW_THREADS
    return PyBool_FromLong(r);
}

static PyObject *fileio_readinto(PyObject *op, PyObject *arg)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    if (!self->readable)
        return err_mode("reading");
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) < 0)
        return NULL;
    Py_ssize_t n = kr_fileio_read_fd(self->fd, view.buf, view.len);
    PyBuffer_Release(&view);
    if (n == -1)
        return NULL;
    if (n == -2)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(n);
}

static PyObject *fileio_readall(PyObject *op, PyObject *unused)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    /* Start with a guess from the file size, when the file has one. */
    Py_ssize_t bufsize = SMALLCHUNK;
    off_t pos, end = -1;
    struct stat st;
    Py_BEGIN_ALLOW_THREADS
    pos = lseek(self->fd, 0, SEEK_CUR);
    if (fstat(self->fd, &st) == 0)
        end = st.st_size;
    Py_END_ALLOW_THREADS
    if (end > 0 && pos >= 0 && end >= pos && end - pos < PY_SSIZE_T_MAX - 1)
        bufsize = (Py_ssize_t)(end - pos) + 1;
    PyObject *result = PyBytes_FromStringAndSize(NULL, bufsize);
    if (result == NULL)
        return NULL;
    Py_ssize_t total = 0;
    for (;;) {
        if (total >= bufsize) {
            bufsize = total + (total >> 2) + SMALLCHUNK;
            if (_PyBytes_Resize(&result, bufsize) < 0)
                return NULL;
        }
        Py_ssize_t n = kr_fileio_read_fd(self->fd, PyBytes_AS_STRING(result) + total,
                                         bufsize - total);
        if (n == 0)
            break;
        if (n == -2) {
            if (total > 0)
                break;
            Py_DECREF(result);
            Py_RETURN_NONE;
        }
        if (n == -1) {
            Py_DECREF(result);
            return NULL;
        }
        total += n;
    }
    if (PyBytes_GET_SIZE(result) > total && _PyBytes_Resize(&result, total) < 0)
        return NULL;
    return result;
}

static PyObject *fileio_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_fileio *self = (kr_fileio *)op;
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &size) < 0)
        return NULL;
    CHECK_OPEN(self);
    if (!self->readable)
        return err_mode("reading");
    if (size < 0)
        return fileio_readall(op, NULL);
    PyObject *b = PyBytes_FromStringAndSize(NULL, size);
    if (b == NULL)
        return NULL;
    Py_ssize_t n = kr_fileio_read_fd(self->fd, PyBytes_AS_STRING(b), size);
    if (n < 0) {
        Py_DECREF(b);
        if (n == -2)
            Py_RETURN_NONE;
        return NULL;
    }
    if (n != size && _PyBytes_Resize(&b, n) < 0)
        return NULL;
    return b;
}

static PyObject *fileio_write(PyObject *op, PyObject *arg)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    if (!self->writable)
        return err_mode("writing");
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_ssize_t n = kr_fileio_write_fd(self->fd, view.buf, view.len);
    PyBuffer_Release(&view);
    if (n == -1)
        return NULL;
    if (n == -2)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(n);
}

static PyObject *portable_lseek(kr_fileio *self, PyObject *posobj, int whence)
{
    off_t pos = 0;
    if (posobj != NULL) {
        if (kr_io_offset_arg(posobj, &pos) < 0)
            return NULL;
    }
    off_t res;
    Py_BEGIN_ALLOW_THREADS
    res = lseek(self->fd, pos, whence);
    Py_END_ALLOW_THREADS
    if (self->seekable < 0)
        self->seekable = res >= 0;
    if (res < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLongLong((long long)res);
}

static PyObject *fileio_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_fileio *self = (kr_fileio *)op;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    int whence = 0;
    if (nargs == 2) {
        whence = _PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred())
            return NULL;
    }
    CHECK_OPEN(self);
    return portable_lseek(self, args[0], whence);
}

static PyObject *fileio_tell(PyObject *op, PyObject *unused)
{
    kr_fileio *self = (kr_fileio *)op;
    CHECK_OPEN(self);
    return portable_lseek(self, NULL, SEEK_CUR);
}

static PyObject *fileio_truncate(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_fileio *self = (kr_fileio *)op;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    CHECK_OPEN(self);
    if (!self->writable)
        return err_mode("writing");
    PyObject *posobj;
    if (nargs == 0 || args[0] == Py_None) {
        posobj = portable_lseek(self, NULL, SEEK_CUR);
        if (posobj == NULL)
            return NULL;
    } else
        posobj = Py_NewRef(args[0]);
    off_t pos;
    if (kr_io_offset_arg(posobj, &pos) < 0) {
        Py_DECREF(posobj);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = ftruncate(self->fd, pos);
    Py_END_ALLOW_THREADS
    if (r < 0) {
        Py_DECREF(posobj);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return posobj;
}

static const char *mode_string(kr_fileio *self)
{
    if (self->created)
        return self->readable ? "xb+" : "xb";
    if (self->appending)
        return self->readable ? "ab+" : "ab";
    if (self->readable)
        return self->writable ? "rb+" : "rb";
    return "wb";
}

static PyObject *fileio_repr(PyObject *op)
{
    kr_fileio *self = (kr_fileio *)op;
    const char *tname = Py_TYPE(op)->tp_name;
    if (self->fd < 0)
        return PyUnicode_FromFormat("<%s [closed]>", tname);
    PyObject *name;
    if (_PyObject_LookupAttr(op, KR_ID(name), &name) < 0)
        return NULL;
    const char *cfd = self->closefd ? "True" : "False";
    if (name == NULL)
        return PyUnicode_FromFormat("<%s fd=%d mode='%s' closefd=%s>", tname, self->fd,
                                    mode_string(self), cfd);
    int status = Py_ReprEnter(op);
    PyObject *res = NULL;
    if (status == 0) {
        res = PyUnicode_FromFormat("<%s name=%R mode='%s' closefd=%s>", tname, name,
                                   mode_string(self), cfd);
        Py_ReprLeave(op);
    } else if (status > 0)
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__", tname);
    Py_DECREF(name);
    return res;
}

static PyObject *fileio_closed_get(PyObject *op, void *c) { return PyBool_FromLong(((kr_fileio *)op)->fd < 0); }
static PyObject *fileio_closefd_get(PyObject *op, void *c) { return PyBool_FromLong(((kr_fileio *)op)->closefd); }
static PyObject *fileio_mode_get(PyObject *op, void *c) { return PyUnicode_FromString(mode_string((kr_fileio *)op)); }

static PyObject *fileio_finalizing_get(PyObject *op, void *c) { return PyBool_FromLong(((kr_fileio *)op)->finalizing); }
static int fileio_finalizing_set(PyObject *op, PyObject *v, void *c)
{
    int r = v == NULL ? 0 : PyObject_IsTrue(v);
    if (r < 0)
        return -1;
    ((kr_fileio *)op)->finalizing = r ? 1 : 0;
    return 0;
}

static PyMethodDef fileio_methods[] = {
    {"read", (PyCFunction)(void (*)(void))fileio_read, METH_FASTCALL, NULL},
    {"readall", fileio_readall, METH_NOARGS, NULL},
    {"readinto", fileio_readinto, METH_O, NULL},
    {"write", fileio_write, METH_O, NULL},
    {"seek", (PyCFunction)(void (*)(void))fileio_seek, METH_FASTCALL, NULL},
    {"tell", fileio_tell, METH_NOARGS, NULL},
    {"truncate", (PyCFunction)(void (*)(void))fileio_truncate, METH_FASTCALL, NULL},
    {"close", fileio_close, METH_NOARGS, NULL},
    {"seekable", fileio_seekable, METH_NOARGS, NULL},
    {"readable", fileio_readable, METH_NOARGS, NULL},
    {"writable", fileio_writable, METH_NOARGS, NULL},
    {"fileno", fileio_fileno, METH_NOARGS, NULL},
    {"isatty", fileio_isatty, METH_NOARGS, NULL},
    {"_dealloc_warn", fileio_dealloc_warn, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef fileio_getset[] = {
    {"closed", fileio_closed_get, NULL, "True if the file is closed", NULL},
    {"closefd", fileio_closefd_get, NULL, "True if the file descriptor will be closed by close().", NULL},
    {"mode", fileio_mode_get, NULL, "String giving the file mode", NULL},
    {"_finalizing", fileio_finalizing_get, fileio_finalizing_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef fileio_members[] = {
    {"_blksize", T_LONG, offsetof(kr_fileio, blksize), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject PyFileIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(kr_fileio),
    .tp_dealloc = fileio_dealloc,
    .tp_repr = fileio_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Open a file.",
    .tp_traverse = kr_iobase_traverse,
    .tp_clear = kr_iobase_clear,
    .tp_weaklistoffset = offsetof(kr_fileio, weakreflist),
    .tp_methods = fileio_methods,
    .tp_members = fileio_members,
    .tp_getset = fileio_getset,
    .tp_base = &PyRawIOBase_Type,
    .tp_dictoffset = offsetof(kr_fileio, dict),
    .tp_init = fileio_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = fileio_new,
    .tp_free = PyObject_GC_Del,
};
