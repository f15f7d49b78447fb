/* exc_oserror.c: OSError and its subclasses.
 *
 * OSError(errno, strerror[, filename[, winerror[, filename2]]]) picks the
 * subclass matching errno when called as OSError itself (OSError(2, 'x')
 * is a FileNotFoundError), keeps only (errno, strerror) in args when a
 * file name is given, and BlockingIOError's third argument is
 * characters_written.  As in CPython, the arguments are parsed in __new__
 * unless a subclass overrides __init__ and not __new__, in which case
 * __init__ parses them. */
#include "internal.h"
#include "runtime/runtime.h"
#include "runtime/exceptions.h"
#include <errno.h>

extern PyTypeObject kr_exc_BlockingIOError, kr_exc_ChildProcessError, kr_exc_BrokenPipeError,
    kr_exc_ConnectionAbortedError, kr_exc_ConnectionRefusedError, kr_exc_ConnectionResetError,
    kr_exc_FileExistsError, kr_exc_FileNotFoundError, kr_exc_IsADirectoryError,
    kr_exc_NotADirectoryError, kr_exc_InterruptedError, kr_exc_PermissionError,
    kr_exc_ProcessLookupError, kr_exc_TimeoutError;

PyObject *kr_oserror_subclass_for_errno(int err)
{
    switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return (PyObject *)&kr_exc_BlockingIOError;
    case ECHILD: return (PyObject *)&kr_exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return (PyObject *)&kr_exc_BrokenPipeError;
    case ECONNABORTED: return (PyObject *)&kr_exc_ConnectionAbortedError;
    case ECONNREFUSED: return (PyObject *)&kr_exc_ConnectionRefusedError;
    case ECONNRESET: return (PyObject *)&kr_exc_ConnectionResetError;
    case EEXIST: return (PyObject *)&kr_exc_FileExistsError;
    case ENOENT: return (PyObject *)&kr_exc_FileNotFoundError;
    case EISDIR: return (PyObject *)&kr_exc_IsADirectoryError;
    case ENOTDIR: return (PyObject *)&kr_exc_NotADirectoryError;
    case EINTR: return (PyObject *)&kr_exc_InterruptedError;
    case EACCES:
    case EPERM: return (PyObject *)&kr_exc_PermissionError;
    case ESRCH: return (PyObject *)&kr_exc_ProcessLookupError;
    case ETIMEDOUT: return (PyObject *)&kr_exc_TimeoutError;
    default: return NULL;
    }
}

static int oserror_init(PyOSErrorObject *self, PyObject *args, PyObject *kwds);

/* Whether __init__ (rather than __new__) parses the arguments. */
static int use_init(PyTypeObject *type)
{
    return type->tp_init != (initproc)oserror_init && type->tp_new == kr_exc_OSError.tp_new;
}

/* Fill the fields from args (2..5 items). */
static int parse_args(PyOSErrorObject *self, PyObject *args)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 2 || n > 5)
        return 0;
    PyObject *myerrno = PyTuple_GET_ITEM(args, 0);
    PyObject *strerror = PyTuple_GET_ITEM(args, 1);
    PyObject *filename = n >= 3 ? PyTuple_GET_ITEM(args, 2) : NULL;
    PyObject *filename2 = n >= 5 ? PyTuple_GET_ITEM(args, 4) : NULL;
    Py_XSETREF(self->myerrno, Py_NewRef(myerrno));
    Py_XSETREF(self->strerror, Py_NewRef(strerror));
    if (filename != NULL && filename != Py_None) {
        if (Py_IS_TYPE(self, &kr_exc_BlockingIOError) && PyNumber_Check(filename)) {
            self->written = PyNumber_AsSsize_t(filename, PyExc_ValueError);
            if (self->written == -1 && PyErr_Occurred())
                return -1;
        }
        else {
            Py_XSETREF(self->filename, Py_NewRef(filename));
            if (filename2 != NULL && filename2 != Py_None)
                Py_XSETREF(self->filename2, Py_NewRef(filename2));
            /* filename, winerror and filename2 leave args */
            PyObject *sub = PyTuple_GetSlice(args, 0, 2);
            if (sub == NULL)
                return -1;
            Py_XSETREF(self->args, sub);
        }
    }
    return 0;
}

static PyObject *oserror_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!use_init(type)) {
        if (kr_exc_no_kwargs(type, kwds) < 0)
            return NULL;
        Py_ssize_t n = PyTuple_GET_SIZE(args);
        if (type == &kr_exc_OSError && n >= 2 && n <= 5) {
            PyObject *e = PyTuple_GET_ITEM(args, 0);
            if (PyLong_Check(e)) {
                int overflow;
                long v = PyLong_AsLongAndOverflow(e, &overflow);
                if (v == -1 && PyErr_Occurred())
                    return NULL;
                PyObject *sub = overflow ? NULL : kr_oserror_subclass_for_errno((int)v);
                if (sub != NULL)
                    type = (PyTypeObject *)sub;
            }
        }
    }
    PyOSErrorObject *self = (PyOSErrorObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->written = -1;
    self->args = Py_NewRef(args);
    if (!use_init(type) && parse_args(self, args) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int oserror_init(PyOSErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (!use_init(Py_TYPE(self)))
        return 0;   /* __new__ did the work */
    if (kr_exc_no_kwargs(Py_TYPE(self), kwds) < 0)
        return -1;
    Py_XSETREF(self->args, Py_NewRef(args));
    return parse_args(self, args);
}

static int oserror_clear(PyOSErrorObject *self)
{
    Py_CLEAR(self->myerrno);
    Py_CLEAR(self->strerror);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->filename2);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void oserror_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)oserror_clear); }

static int oserror_traverse(PyOSErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->myerrno);
    Py_VISIT(self->strerror);
    Py_VISIT(self->filename);
    Py_VISIT(self->filename2);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyObject *oserror_str(PyOSErrorObject *self)
{
    if (self->filename) {
        if (self->filename2)
            return PyUnicode_FromFormat("[Errno %S] %S: %R -> %R",
                                        self->myerrno ? self->myerrno : Py_None,
                                        self->strerror ? self->strerror : Py_None,
                                        self->filename, self->filename2);
        return PyUnicode_FromFormat("[Errno %S] %S: %R",
                                    self->myerrno ? self->myerrno : Py_None,
                                    self->strerror ? self->strerror : Py_None, self->filename);
    }
    if (self->myerrno && self->strerror)
        return PyUnicode_FromFormat("[Errno %S] %S", self->myerrno, self->strerror);
    return kr_exc_base_str((PyBaseExceptionObject *)self);
}

static PyObject *oserror_reduce(PyOSErrorObject *self, PyObject *unused)
{
    PyObject *args = self->args;
    if (PyTuple_GET_SIZE(args) == 2 && self->filename) {
        Py_ssize_t size = self->filename2 ? 5 : 3;
        args = PyTuple_New(size);
        if (args == NULL)
            return NULL;
        PyTuple_SET_ITEM(args, 0, Py_NewRef(PyTuple_GET_ITEM(self->args, 0)));
        PyTuple_SET_ITEM(args, 1, Py_NewRef(PyTuple_GET_ITEM(self->args, 1)));
        PyTuple_SET_ITEM(args, 2, Py_NewRef(self->filename));
        if (self->filename2) {
            PyTuple_SET_ITEM(args, 3, Py_NewRef(Py_None));
            PyTuple_SET_ITEM(args, 4, Py_NewRef(self->filename2));
        }
    }
    else {
        Py_INCREF(args);
    }
    PyObject *r = (self->dict && PyDict_GET_SIZE(self->dict))
                  ? PyTuple_Pack(3, Py_TYPE(self), args, self->dict)
                  : PyTuple_Pack(2, Py_TYPE(self), args);
    Py_DECREF(args);
    return r;
}

static PyObject *get_written(PyOSErrorObject *self, void *c)
{
    if (self->written == -1) {
        PyErr_SetString(PyExc_AttributeError, "characters_written");
        return NULL;
    }
    return PyLong_FromSsize_t(self->written);
}

static int set_written(PyOSErrorObject *self, PyObject *v, void *c)
{
    if (v == NULL) {
        if (self->written == -1) {
            PyErr_SetString(PyExc_AttributeError, "characters_written");
            return -1;
        }
        self->written = -1;
        return 0;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(v, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred())
        return -1;
    self->written = n;
    return 0;
}

static PyMemberDef oserror_members[] = {
    {"errno", T_OBJECT, offsetof(PyOSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", T_OBJECT, offsetof(PyOSErrorObject, strerror), 0, "exception strerror"},
    {"filename", T_OBJECT, offsetof(PyOSErrorObject, filename), 0, "exception filename"},
    {"filename2", T_OBJECT, offsetof(PyOSErrorObject, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef oserror_methods[] = {
    {"__reduce__", (PyCFunction)oserror_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef oserror_getset[] = {
    {"characters_written", (getter)get_written, (setter)set_written, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

#define KR_EXC_OS(NAME, BASE, DOC) \
    KR_EXC_DEF(NAME, BASE, PyOSErrorObject, DOC, oserror_new, oserror_init, oserror_dealloc, \
               oserror_traverse, oserror_clear, oserror_str, kr_exc_base_repr, NULL, NULL, NULL)

KR_EXC_DEF(OSError, &kr_exc_Exception, PyOSErrorObject, "Base class for I/O related errors.",
           oserror_new, oserror_init, oserror_dealloc, oserror_traverse, oserror_clear,
           oserror_str, kr_exc_base_repr, oserror_members, oserror_methods, NULL)
KR_EXC_DEF(BlockingIOError, &kr_exc_OSError, PyOSErrorObject, "I/O operation would block.",
           oserror_new, oserror_init, oserror_dealloc, oserror_traverse, oserror_clear,
           oserror_str, kr_exc_base_repr, NULL, NULL, oserror_getset)
KR_EXC_OS(ConnectionError, &kr_exc_OSError, "Connection error.")
KR_EXC_OS(ChildProcessError, &kr_exc_OSError, "Child process error.")
KR_EXC_OS(BrokenPipeError, &kr_exc_ConnectionError, "Broken pipe.")
KR_EXC_OS(ConnectionAbortedError, &kr_exc_ConnectionError, "Connection aborted.")
KR_EXC_OS(ConnectionRefusedError, &kr_exc_ConnectionError, "Connection refused.")
KR_EXC_OS(ConnectionResetError, &kr_exc_ConnectionError, "Connection reset.")
KR_EXC_OS(FileExistsError, &kr_exc_OSError, "File already exists.")
KR_EXC_OS(FileNotFoundError, &kr_exc_OSError, "File not found.")
KR_EXC_OS(IsADirectoryError, &kr_exc_OSError, "Operation doesn't work on directories.")
KR_EXC_OS(NotADirectoryError, &kr_exc_OSError, "Operation only works on directories.")
KR_EXC_OS(InterruptedError, &kr_exc_OSError, "Interrupted by signal.")
KR_EXC_OS(PermissionError, &kr_exc_OSError, "Not enough permissions.")
KR_EXC_OS(ProcessLookupError, &kr_exc_OSError, "Process not found.")
KR_EXC_OS(TimeoutError, &kr_exc_OSError, "Timeout expired.")

/* The historical aliases are the same class. */
PyObject *PyExc_EnvironmentError = (PyObject *)&kr_exc_OSError;
PyObject *PyExc_IOError = (PyObject *)&kr_exc_OSError;
