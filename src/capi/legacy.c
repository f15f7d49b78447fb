/* legacy.c: C API entry points of CPython 3.11 that belong to no object
 * type: the old calling helpers (PyEval_Call*), the pre-PEP 3118 buffer
 * functions, function forms of macros, the readline hooks, tracemalloc's
 * tracking calls, the tokenizer's operator tables, the bare stderr/stdout
 * printer used before `sys` has its streams, Py_GETENV and Py_Version.
 * Declared in include/capi_legacy.h. */
#include "internal.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

/* ---- calling helpers ---- */

PyObject *PyEval_CallObjectWithKeywords(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    if (args != NULL && !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
        return NULL;
    }
    if (args == NULL)
        return PyObject_VectorcallDict(callable, NULL, 0, kwargs);
    return PyObject_Call(callable, args, kwargs);
}

/* Build the arguments from a Py_BuildValue format and call: a format that
 * does not make a tuple passes its single value as the only argument. */
static PyObject *kr_legacy_call_va(PyObject *callable, const char *format, va_list va)
{
    if (format == NULL || *format == '\0')
        return PyObject_CallNoArgs(callable);
    PyObject *args = Py_VaBuildValue(format, va);
    if (args == NULL)
        return NULL;
    PyObject *res;
    if (PyTuple_Check(args))
        res = PyObject_Call(callable, args, NULL);
    else
        res = PyObject_CallOneArg(callable, args);
    Py_DECREF(args);
    return res;
}

PyObject *PyEval_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *res = kr_legacy_call_va(callable, format, va);
    va_end(va);
    return res;
}

PyObject *PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    PyObject *meth = PyObject_GetAttrString(obj, name);
    if (meth == NULL)
        return NULL;
    va_list va;
    va_start(va, format);
    PyObject *res = kr_legacy_call_va(meth, format, va);
    va_end(va);
    Py_DECREF(meth);
    return res;
}

/* (PyEval_SetTrace, PyEval_SetProfile and PyThreadState_EnterTracing /
 * LeaveTracing live with the loop's tracing, in src/vm/trace.c.) */

/* ---- the old buffer interface ----
 * These hand out a pointer into the exporter's memory without holding the
 * buffer, as CPython's do: the caller must keep `obj` alive. */

static int kr_legacy_buffer(PyObject *obj, void **buf, Py_ssize_t *len, int flags)
{
    if (obj == NULL || buf == NULL || len == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb == NULL || pb->bf_getbuffer == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        flags & PyBUF_WRITABLE ? "expected a writable bytes-like object"
                                               : "expected a bytes-like object");
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, flags) != 0)
        return -1;
    *buf = view.buf;
    *len = view.len;
    PyBuffer_Release(&view);
    return 0;
}

int PyObject_AsCharBuffer(PyObject *obj, const char **buffer, Py_ssize_t *buffer_len)
{
    return kr_legacy_buffer(obj, (void **)buffer, buffer_len, PyBUF_SIMPLE);
}

int PyObject_AsReadBuffer(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len)
{
    return kr_legacy_buffer(obj, (void **)buffer, buffer_len, PyBUF_SIMPLE);
}

int PyObject_AsWriteBuffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len)
{
    return kr_legacy_buffer(obj, buffer, buffer_len, PyBUF_WRITABLE);
}

int PyObject_CheckReadBuffer(PyObject *obj)
{
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb == NULL || pb->bf_getbuffer == NULL)
        return 0;
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        return 0;
    }
    PyBuffer_Release(&view);
    return 1;
}

/* ---- function forms of macros ---- */

PyObject **PyObject_GET_WEAKREFS_LISTPTR(PyObject *op)
{
    return (PyObject **)((char *)op + Py_TYPE(op)->tp_weaklistoffset);
}

int (PyType_SUPPORTS_WEAKREFS)(PyTypeObject *type)
{
    return type->tp_weaklistoffset > 0;
}

int (PyDescr_IsData)(PyObject *descr)
{
    return Py_TYPE(descr)->tp_descr_set != NULL;
}

/* ---- hooks an embedder installs before start-up ----
 * Process-wide start-up configuration, as in CPython: the application sets
 * them once, before any context runs. */
int (*PyOS_InputHook)(void) = NULL;
char *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *) = NULL;

/* tracemalloc is never on in Krait: -2 is CPython's "not tracing". */
int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size) { return -2; }
int PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr) { return -2; }

/* ---- operator tokens (numbers as in CPython 3.11's token.h) ---- */

enum { KR_TOK_OP = 54 };

static const struct { char text[4]; int type; } kr_legacy_tokens[] = {
    {"!=", 28}, {"%", 24}, {"%=", 40}, {"&", 19}, {"&=", 41}, {"(", 7}, {")", 8},
    {"*", 16}, {"**", 35}, {"**=", 46}, {"*=", 38}, {"+", 14}, {"+=", 36}, {",", 12},
    {"-", 15}, {"-=", 37}, {"->", 51}, {".", 23}, {"...", 52}, {"/", 17}, {"//", 47},
    {"//=", 48}, {"/=", 39}, {":", 11}, {":=", 53}, {";", 13}, {"<", 20}, {"<<", 33},
    {"<<=", 44}, {"<=", 29}, {"<>", 28}, {"=", 22}, {"==", 27}, {">", 21}, {">=", 30},
    {">>", 34}, {">>=", 45}, {"@", 49}, {"@=", 50}, {"[", 9}, {"]", 10}, {"^", 32},
    {"^=", 43}, {"{", 25}, {"|", 18}, {"|=", 42}, {"}", 26}, {"~", 31},
};

static int kr_legacy_token(int c1, int c2, int c3)
{
    char text[4] = {(char)c1, (char)c2, (char)c3, 0};
    for (size_t i = 0; i < sizeof(kr_legacy_tokens) / sizeof(kr_legacy_tokens[0]); i++)
        if (strcmp(kr_legacy_tokens[i].text, text) == 0)
            return kr_legacy_tokens[i].type;
    return KR_TOK_OP;
}

int PyToken_OneChar(int c1) { return c1 > 0 && c1 < 128 ? kr_legacy_token(c1, 0, 0) : KR_TOK_OP; }

int PyToken_TwoChars(int c1, int c2)
{
    return c1 > 0 && c1 < 128 && c2 > 0 && c2 < 128 ? kr_legacy_token(c1, c2, 0) : KR_TOK_OP;
}

int PyToken_ThreeChars(int c1, int c2, int c3)
{
    return c1 > 0 && c1 < 128 && c2 > 0 && c2 < 128 && c3 > 0 && c3 < 128
               ? kr_legacy_token(c1, c2, c3) : KR_TOK_OP;
}

/* ---- the bare printer: writes str to a file descriptor as UTF-8 ---- */

typedef struct {
    PyObject_HEAD
    int fd;
} kr_stdprinter;

PyObject *PyFile_NewStdPrinter(int fd)
{
    if (fd != 1 && fd != 2) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!(PyStdPrinter_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&PyStdPrinter_Type) < 0)
        return NULL;
    kr_stdprinter *p = PyObject_New(kr_stdprinter, &PyStdPrinter_Type);
    if (p != NULL)
        p->fd = fd;
    return (PyObject *)p;
}

static PyObject *kr_stdprinter_write(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(arg, &n);
    if (s == NULL) {
        /* lone surrogates: write them backslash-escaped, as CPython does */
        PyErr_Clear();
        PyObject *b = PyUnicode_AsEncodedString(arg, "utf-8", "backslashreplace");
        if (b == NULL)
            return NULL;
        Py_ssize_t len = PyBytes_GET_SIZE(b), off = 0;
        while (off < len) {
            ssize_t w = write(((kr_stdprinter *)self)->fd, PyBytes_AS_STRING(b) + off, (size_t)(len - off));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                break;
            off += w;
        }
        Py_DECREF(b);
        return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(arg));
    }
    Py_ssize_t off = 0;
    while (off < n) {
        ssize_t w = write(((kr_stdprinter *)self)->fd, s + off, (size_t)(n - off));
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return PyErr_SetFromErrno(PyExc_OSError);
        off += w;
    }
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(arg));
}

static PyObject *kr_stdprinter_fileno(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(((kr_stdprinter *)self)->fd);
}

static PyObject *kr_stdprinter_flush(PyObject *self, PyObject *unused) { Py_RETURN_NONE; }

static PyObject *kr_stdprinter_isatty(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(isatty(((kr_stdprinter *)self)->fd));
}

static PyObject *kr_stdprinter_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<stdprinter(fd=%d) object at %p>", ((kr_stdprinter *)self)->fd, self);
}

static PyObject *kr_stdprinter_closed(PyObject *self, void *unused) { Py_RETURN_FALSE; }
static PyObject *kr_stdprinter_mode(PyObject *self, void *unused) { return PyUnicode_FromString("w"); }
static PyObject *kr_stdprinter_encoding(PyObject *self, void *unused) { Py_RETURN_NONE; }

static PyMethodDef kr_stdprinter_methods[] = {
    {"write", kr_stdprinter_write, METH_O, NULL},
    {"fileno", kr_stdprinter_fileno, METH_NOARGS, NULL},
    {"flush", kr_stdprinter_flush, METH_NOARGS, NULL},
    {"isatty", kr_stdprinter_isatty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef kr_stdprinter_getset[] = {
    {"closed", kr_stdprinter_closed, NULL, NULL, NULL},
    {"mode", kr_stdprinter_mode, NULL, NULL, NULL},
    {"encoding", kr_stdprinter_encoding, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyStdPrinter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "stderrprinter",
    .tp_basicsize = sizeof(kr_stdprinter),
    .tp_dealloc = (destructor)PyObject_Free,
    .tp_repr = kr_stdprinter_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = kr_stdprinter_methods,
    .tp_getset = kr_stdprinter_getset,
};

/* ---- small process-wide helpers ---- */

/* getenv, unless the main context ignores the environment (-E). */
char *Py_GETENV(const char *name)
{
    struct kr_context *c = kr_context_get();
    if ((c != NULL && c->options.ignore_environment) || Py_IgnoreEnvironmentFlag)
        return NULL;
    return getenv(name);
}

/* PY_VERSION_HEX of the CPython release Krait matches. */
const unsigned long Py_Version = PY_VERSION_HEX;
