/* exc_unicode.c: UnicodeEncodeError, UnicodeDecodeError and
 * UnicodeTranslateError, their exact str() texts, and the C API the codecs
 * use to create and inspect them (PyUnicode*Error_*). */
#include "internal.h"
#include "runtime/runtime.h"
#include "runtime/exceptions.h"

extern PyTypeObject kr_exc_UnicodeEncodeError, kr_exc_UnicodeDecodeError,
    kr_exc_UnicodeTranslateError;

static int uerr_clear(PyUnicodeErrorObject *self)
{
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->object);
    Py_CLEAR(self->reason);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void uerr_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)uerr_clear); }

static int uerr_traverse(PyUnicodeErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->encoding);
    Py_VISIT(self->object);
    Py_VISIT(self->reason);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

/* "argument N must be T, not U" as PyArg_ParseTuple words it. */
static int arg_type_error(int n, const char *want, PyObject *got)
{
    PyErr_Format(PyExc_TypeError, "argument %d must be %s, not %.50s", n, want,
                 got == Py_None ? "None" : Py_TYPE(got)->tp_name);
    return -1;
}

static int parse_index(PyObject *args, int i, Py_ssize_t *out)
{
    PyObject *v = PyTuple_GET_ITEM(args, i);
    if (!PyLong_Check(v) && !PyIndex_Check(v)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(v)->tp_name);
        return -1;
    }
    *out = PyNumber_AsSsize_t(v, PyExc_OverflowError);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

static int check_nargs(PyObject *args, Py_ssize_t want)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n != want) {
        PyErr_Format(PyExc_TypeError, "function takes exactly %zd arguments (%zd given)", want, n);
        return -1;
    }
    return 0;
}

/* encoding (str), object, start, end, reason (str): UnicodeEncode/Decode */
static int uerr_init_common(PyUnicodeErrorObject *self, PyObject *args, PyObject *kwds, int decode)
{
    if (kr_exc_base_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    if (check_nargs(args, 5) < 0)
        return -1;
    PyObject *enc = PyTuple_GET_ITEM(args, 0), *obj = PyTuple_GET_ITEM(args, 1);
    PyObject *reason = PyTuple_GET_ITEM(args, 4);
    if (!PyUnicode_Check(enc))
        return arg_type_error(1, "str", enc);
    if (decode) {
        if (PyBytes_Check(obj))
            Py_INCREF(obj);
        else {
            /* any bytes-like object is accepted and copied */
            obj = PyBytes_FromObject(obj);
            if (obj == NULL) {
                PyErr_Clear();
                return arg_type_error(2, "bytes-like object", PyTuple_GET_ITEM(args, 1));
            }
        }
    }
    else {
        if (!PyUnicode_Check(obj))
            return arg_type_error(2, "str", obj);
        Py_INCREF(obj);
    }
    Py_ssize_t start, end;
    if (parse_index(args, 2, &start) < 0 || parse_index(args, 3, &end) < 0) {
        Py_DECREF(obj);
        return -1;
    }
    if (!PyUnicode_Check(reason)) {
        Py_DECREF(obj);
        return arg_type_error(5, "str", reason);
    }
    Py_XSETREF(self->encoding, Py_NewRef(enc));
    Py_XSETREF(self->object, obj);
    Py_XSETREF(self->reason, Py_NewRef(reason));
    self->start = start;
    self->end = end;
    return 0;
}

static int encode_init(PyUnicodeErrorObject *self, PyObject *args, PyObject *kwds)
{
    return uerr_init_common(self, args, kwds, 0);
}

static int decode_init(PyUnicodeErrorObject *self, PyObject *args, PyObject *kwds)
{
    return uerr_init_common(self, args, kwds, 1);
}

static int translate_init(PyUnicodeErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (kr_exc_base_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    if (check_nargs(args, 4) < 0)
        return -1;
    PyObject *obj = PyTuple_GET_ITEM(args, 0), *reason = PyTuple_GET_ITEM(args, 3);
    if (!PyUnicode_Check(obj))
        return arg_type_error(1, "str", obj);
    Py_ssize_t start, end;
    if (parse_index(args, 1, &start) < 0 || parse_index(args, 2, &end) < 0)
        return -1;
    if (!PyUnicode_Check(reason))
        return arg_type_error(4, "str", reason);
    Py_CLEAR(self->encoding);
    Py_XSETREF(self->object, Py_NewRef(obj));
    Py_XSETREF(self->reason, Py_NewRef(reason));
    self->start = start;
    self->end = end;
    return 0;
}

/* The character at position `start` as '\xNN', '\uNNNN' or '\UNNNNNNNN'. */
static void char_escape(Py_UCS4 ch, char *buf, size_t n)
{
    if (ch <= 0xff)
        snprintf(buf, n, "\\x%02x", (unsigned)ch);
    else if (ch <= 0xffff)
        snprintf(buf, n, "\\u%04x", (unsigned)ch);
    else
        snprintf(buf, n, "\\U%08x", (unsigned)ch);
}

static PyObject *str_reason(PyUnicodeErrorObject *self, PyObject **reason, PyObject **enc)
{
    *reason = PyObject_Str(self->reason);
    if (*reason == NULL)
        return NULL;
    if (enc != NULL) {
        *enc = PyObject_Str(self->encoding);
        if (*enc == NULL) {
            Py_CLEAR(*reason);
            return NULL;
        }
    }
    return *reason;
}

static PyObject *encode_str(PyUnicodeErrorObject *self)
{
    if (self->object == NULL || !PyUnicode_Check(self->object) || self->encoding == NULL)
        return PyUnicode_FromString("");
    PyObject *reason, *enc, *r;
    if (str_reason(self, &reason, &enc) == NULL)
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self->object);
    if (self->start < len && self->end == self->start + 1) {
        char buf[16];
        char_escape(PyUnicode_READ_CHAR(self->object, self->start), buf, sizeof(buf));
        r = PyUnicode_FromFormat("'%U' codec can't encode character '%s' in position %zd: %U",
                                 enc, buf, self->start, reason);
    }
    else {
        r = PyUnicode_FromFormat("'%U' codec can't encode characters in position %zd-%zd: %U",
                                 enc, self->start, self->end - 1, reason);
    }
    Py_DECREF(reason);
    Py_DECREF(enc);
    return r;
}

static PyObject *decode_str(PyUnicodeErrorObject *self)
{
    if (self->object == NULL || !PyBytes_Check(self->object) || self->encoding == NULL)
        return PyUnicode_FromString("");
    PyObject *reason, *enc, *r;
    if (str_reason(self, &reason, &enc) == NULL)
        return NULL;
    Py_ssize_t len = PyBytes_GET_SIZE(self->object);
    if (self->start < len && self->end == self->start + 1) {
        int byte = (unsigned char)PyBytes_AS_STRING(self->object)[self->start];
        r = PyUnicode_FromFormat("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                                 enc, byte, self->start, reason);
    }
    else {
        r = PyUnicode_FromFormat("'%U' codec can't decode bytes in position %zd-%zd: %U",
                                 enc, self->start, self->end - 1, reason);
    }
    Py_DECREF(reason);
    Py_DECREF(enc);
    return r;
}

static PyObject *translate_str(PyUnicodeErrorObject *self)
{
    if (self->object == NULL || !PyUnicode_Check(self->object))
        return PyUnicode_FromString("");
    PyObject *reason, *r;
    if (str_reason(self, &reason, NULL) == NULL)
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self->object);
    if (self->start < len && self->end == self->start + 1) {
        char buf[16];
        char_escape(PyUnicode_READ_CHAR(self->object, self->start), buf, sizeof(buf));
        r = PyUnicode_FromFormat("can't translate character '%s' in position %zd: %U",
                                 buf, self->start, reason);
    }
    else {
        r = PyUnicode_FromFormat("can't translate characters in position %zd-%zd: %U",
                                 self->start, self->end - 1, reason);
    }
    Py_DECREF(reason);
    return r;
}

static PyMemberDef uerr_members[] = {
    {"encoding", T_OBJECT, offsetof(PyUnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", T_OBJECT, offsetof(PyUnicodeErrorObject, object), 0, "exception object"},
    {"start", T_PYSSIZET, offsetof(PyUnicodeErrorObject, start), 0, "exception start"},
    {"end", T_PYSSIZET, offsetof(PyUnicodeErrorObject, end), 0, "exception end"},
    {"reason", T_OBJECT, offsetof(PyUnicodeErrorObject, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL}
};

KR_EXC_DEF(UnicodeEncodeError, &kr_exc_UnicodeError, PyUnicodeErrorObject,
           "Unicode encoding error.", kr_exc_base_new, encode_init, uerr_dealloc,
           uerr_traverse, uerr_clear, encode_str, kr_exc_base_repr, uerr_members, NULL, NULL)
KR_EXC_DEF(UnicodeDecodeError, &kr_exc_UnicodeError, PyUnicodeErrorObject,
           "Unicode decoding error.", kr_exc_base_new, decode_init, uerr_dealloc,
           uerr_traverse, uerr_clear, decode_str, kr_exc_base_repr, uerr_members, NULL, NULL)
KR_EXC_DEF(UnicodeTranslateError, &kr_exc_UnicodeError, PyUnicodeErrorObject,
           "Unicode translation error.", kr_exc_base_new, translate_init, uerr_dealloc,
           uerr_traverse, uerr_clear, translate_str, kr_exc_base_repr, uerr_members, NULL, NULL)

/* ---- the C API ---- */

PyObject *PyUnicodeDecodeError_Create(const char *encoding, const char *object, Py_ssize_t length,
                                      Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeDecodeError, "sy#nns", encoding, object, length,
                                 start, end, reason);
}

PyObject *PyUnicodeEncodeError_Create(const char *encoding, const wchar_t *object, Py_ssize_t length,
                                      Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *s = PyUnicode_FromWideChar(object, length);
    if (s == NULL)
        return NULL;
    PyObject *r = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", encoding, s, start,
                                        end, reason);
    Py_DECREF(s);
    return r;
}

PyObject *_PyUnicodeTranslateError_Create(PyObject *object, Py_ssize_t start, Py_ssize_t end,
                                          const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeTranslateError, "Onns", object, start, end, reason);
}

PyObject *PyUnicodeTranslateError_Create(const wchar_t *object, Py_ssize_t length,
                                         Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *s = PyUnicode_FromWideChar(object, length);
    if (s == NULL)
        return NULL;
    PyObject *r = _PyUnicodeTranslateError_Create(s, start, end, reason);
    Py_DECREF(s);
    return r;
}

static PyObject *get_attr_checked(PyObject *exc, PyObject *v, const char *name, int want_bytes)
{
    if (v == NULL) {
        PyErr_Format(PyExc_TypeError, "%s attribute not set", name);
        return NULL;
    }
    if (want_bytes ? !PyBytes_Check(v) : !PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s attribute must be %s", name, want_bytes ? "bytes" : "unicode");
        return NULL;
    }
    return Py_NewRef(v);
}

#define UE(o) ((PyUnicodeErrorObject *)(o))

PyObject *PyUnicodeEncodeError_GetEncoding(PyObject *e) { return get_attr_checked(e, UE(e)->encoding, "encoding", 0); }
PyObject *PyUnicodeDecodeError_GetEncoding(PyObject *e) { return get_attr_checked(e, UE(e)->encoding, "encoding", 0); }
PyObject *PyUnicodeEncodeError_GetObject(PyObject *e) { return get_attr_checked(e, UE(e)->object, "object", 0); }
PyObject *PyUnicodeDecodeError_GetObject(PyObject *e) { return get_attr_checked(e, UE(e)->object, "object", 1); }
PyObject *PyUnicodeTranslateError_GetObject(PyObject *e) { return get_attr_checked(e, UE(e)->object, "object", 0); }
PyObject *PyUnicodeEncodeError_GetReason(PyObject *e) { return get_attr_checked(e, UE(e)->reason, "reason", 0); }
PyObject *PyUnicodeDecodeError_GetReason(PyObject *e) { return get_attr_checked(e, UE(e)->reason, "reason", 0); }
PyObject *PyUnicodeTranslateError_GetReason(PyObject *e) { return get_attr_checked(e, UE(e)->reason, "reason", 0); }

static Py_ssize_t object_len(PyObject *e, int bytes)
{
    PyObject *o = UE(e)->object;
    if (o == NULL) {
        PyErr_SetString(PyExc_TypeError, "object attribute not set");
        return -1;
    }
    if (bytes) {
        if (!PyBytes_Check(o)) {
            PyErr_SetString(PyExc_TypeError, "object attribute must be bytes");
            return -1;
        }
        return PyBytes_GET_SIZE(o);
    }
    if (!PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "object attribute must be unicode");
        return -1;
    }
    return PyUnicode_GET_LENGTH(o);
}

/* Start is clamped into [0, len-1], end into [1, len], as CPython does. */
static int get_start(PyObject *e, Py_ssize_t *start, int bytes)
{
    Py_ssize_t len = object_len(e, bytes);
    if (len < 0)
        return -1;
    Py_ssize_t s = UE(e)->start;
    if (s < 0)
        s = 0;
    if (s >= len)
        s = len == 0 ? 0 : len - 1;
    *start = s;
    return 0;
}

static int get_end(PyObject *e, Py_ssize_t *end, int bytes)
{
    Py_ssize_t len = object_len(e, bytes);
    if (len < 0)
        return -1;
    Py_ssize_t x = UE(e)->end;
    if (x < 1)
        x = 1;
    if (x > len)
        x = len;
    *end = x;
    return 0;
}

int PyUnicodeEncodeError_GetStart(PyObject *e, Py_ssize_t *s) { return get_start(e, s, 0); }
int PyUnicodeDecodeError_GetStart(PyObject *e, Py_ssize_t *s) { return get_start(e, s, 1); }
int PyUnicodeTranslateError_GetStart(PyObject *e, Py_ssize_t *s) { return get_start(e, s, 0); }
int PyUnicodeEncodeError_GetEnd(PyObject *e, Py_ssize_t *x) { return get_end(e, x, 0); }
int PyUnicodeDecodeError_GetEnd(PyObject *e, Py_ssize_t *x) { return get_end(e, x, 1); }
int PyUnicodeTranslateError_GetEnd(PyObject *e, Py_ssize_t *x) { return get_end(e, x, 0); }

static int set_start(PyObject *e, Py_ssize_t v) { UE(e)->start = v; return 0; }
static int set_end(PyObject *e, Py_ssize_t v) { UE(e)->end = v; return 0; }
int PyUnicodeEncodeError_SetStart(PyObject *e, Py_ssize_t v) { return set_start(e, v); }
int PyUnicodeDecodeError_SetStart(PyObject *e, Py_ssize_t v) { return set_start(e, v); }
int PyUnicodeTranslateError_SetStart(PyObject *e, Py_ssize_t v) { return set_start(e, v); }
int PyUnicodeEncodeError_SetEnd(PyObject *e, Py_ssize_t v) { return set_end(e, v); }
int PyUnicodeDecodeError_SetEnd(PyObject *e, Py_ssize_t v) { return set_end(e, v); }
int PyUnicodeTranslateError_SetEnd(PyObject *e, Py_ssize_t v) { return set_end(e, v); }

static int set_reason(PyObject *e, const char *reason)
{
    PyObject *r = PyUnicode_FromString(reason);
    if (r == NULL)
        return -1;
    Py_XSETREF(UE(e)->reason, r);
    return 0;
}

int PyUnicodeEncodeError_SetReason(PyObject *e, const char *r) { return set_reason(e, r); }
int PyUnicodeDecodeError_SetReason(PyObject *e, const char *r) { return set_reason(e, r); }
int PyUnicodeTranslateError_SetReason(PyObject *e, const char *r) { return set_reason(e, r); }
