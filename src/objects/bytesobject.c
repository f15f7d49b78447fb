/* bytesobject.c: the bytes type's core: allocation, the C API,
 * construction (bytes(x) in all its forms), repr, hashing, comparison,
 * the sequence protocol and the buffer export, and the b'\\..' escape
 * decoder codecs.escape_decode uses.  Indexing, slicing, concatenation,
 * repetition and the iterator are written here once for bytes and
 * bytearray both (they read the receiver through kr_bm_self()).  The
 * text-like methods the two types share (find, split, strip, ...) live in
 * objects/bytes_methods.c, printf-style formatting in
 * objects/bytes_format.c.
 *
 * The empty bytes object and the 256 one-byte objects are process-wide
 * immortal singletons, created by kr_bytes_runtime_init() at start-up. */
#include "internal.h"
#include "objects/bytes_internal.h"
#include "objects/str_ids.h"

/* ---- the shared singletons ---- */

PyObject *kr_bytes_empty;
PyObject *kr_bytes_chars[256];

/* Runs once at process start, before any context: the singletons are
 * made with the raw allocator and are immortal, so every context shares
 * them without ever writing to them. */
int kr_bytes_runtime_init(void)
{
    if (kr_bytes_empty != NULL)
        return 0;
    for (int i = -1; i < 256; i++) {
        Py_ssize_t size = i < 0 ? 0 : 1;
        PyBytesObject *op = PyMem_RawMalloc(offsetof(PyBytesObject, ob_sval) + 2);
        if (op == NULL)
            return -1;
        op->ob_base.ob_base.ob_refcnt = _Py_IMMORTAL_REFCNT;
        op->ob_base.ob_base.ob_type = &PyBytes_Type;
        op->ob_base.ob_size = size;
        op->ob_shash = -1;
        op->ob_sval[0] = (char)(i < 0 ? 0 : i);
        op->ob_sval[1] = '\0';
        if (i < 0)
            kr_bytes_empty = (PyObject *)op;
        else
            kr_bytes_chars[i] = (PyObject *)op;
    }
    return 0;
}

/* ---- allocation ---- */

/* An uninitialised bytes object of `size` bytes (NUL-terminated).  New
 * reference. */
PyObject *kr_bytes_alloc(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    if ((size_t)size > (size_t)PY_SSIZE_T_MAX - offsetof(PyBytesObject, ob_sval) - 1)
        return PyErr_NoMemory();
    PyBytesObject *op = (PyBytesObject *)PyObject_Malloc(offsetof(PyBytesObject, ob_sval) + (size_t)size + 1);
    if (op == NULL)
        return PyErr_NoMemory();
    PyObject_InitVar((PyVarObject *)op, &PyBytes_Type, size);
    op->ob_shash = -1;
    op->ob_sval[size] = '\0';
    return (PyObject *)op;
}

PyObject *PyBytes_FromStringAndSize(const char *str, Py_ssize_t size)
{
    if (size == 0 && kr_bytes_empty != NULL)
        return Py_NewRef(kr_bytes_empty);
    if (size == 1 && str != NULL && kr_bytes_chars[(unsigned char)*str] != NULL)
        return Py_NewRef(kr_bytes_chars[(unsigned char)*str]);
    PyObject *op = kr_bytes_alloc(size);
    if (op != NULL && str != NULL)
        memcpy(PyBytes_AS_STRING(op), str, (size_t)size);
    return op;
}

PyObject *PyBytes_FromString(const char *str)
{
    return PyBytes_FromStringAndSize(str, (Py_ssize_t)strlen(str));
}

Py_ssize_t PyBytes_Size(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return -1;
    }
    return Py_SIZE(op);
}

char *PyBytes_AsString(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return NULL;
    }
    return PyBytes_AS_STRING(op);
}

int PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len)
{
    if (s == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(obj)->tp_name);
        return -1;
    }
    *s = PyBytes_AS_STRING(obj);
    if (len != NULL) {
        *len = PyBytes_GET_SIZE(obj);
    } else if (strlen(*s) != (size_t)PyBytes_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

/* Resizes a bytes object that nobody else holds yet (refcount 1), as the
 * C API allows while building.  On failure *pv is released and NULL. */
int _PyBytes_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (!PyBytes_Check(v) || newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_SIZE(v) == newsize)
        return 0;
    if (Py_SIZE(v) == 0 || _Py_IsImmortal(v) || Py_REFCNT(v) != 1) {
        /* Shared singletons are never resized in place: copy instead. */
        PyObject *n = PyBytes_FromStringAndSize(NULL, newsize);
        if (n != NULL)
            memcpy(PyBytes_AS_STRING(n), PyBytes_AS_STRING(v),
                   (size_t)(Py_SIZE(v) < newsize ? Py_SIZE(v) : newsize));
        *pv = n;
        Py_DECREF(v);
        return n ? 0 : -1;
    }
    PyBytesObject *nv = PyObject_Realloc(v, offsetof(PyBytesObject, ob_sval) + (size_t)newsize + 1);
    if (nv == NULL) {
        *pv = NULL;
        PyObject_Free(v);
        PyErr_NoMemory();
        return -1;
    }
    Py_SET_SIZE(nv, newsize);
    nv->ob_shash = -1;
    nv->ob_sval[newsize] = '\0';
    *pv = (PyObject *)nv;
    return 0;
}

void PyBytes_Concat(PyObject **pv, PyObject *w)
{
    if (*pv == NULL)
        return;
    if (w == NULL) {
        Py_CLEAR(*pv);
        return;
    }
    PyObject *r = PyNumber_Add(*pv, w);
    Py_SETREF(*pv, r);
}

void PyBytes_ConcatAndDel(PyObject **pv, PyObject *w)
{
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

/* ---- the b'\\..' escape decoder (codecs.escape_decode) ---- */

static int kr_bytes_hexdigit(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes backslash escapes; *first_invalid_escape gets the first
 * unrecognised escape (the character after its backslash) or NULL, for
 * the caller to warn about.  New reference. */
PyObject *_PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
                                const char **first_invalid_escape)
{
    *first_invalid_escape = NULL;
    PyObject *r = kr_bytes_alloc(len);
    if (r == NULL)
        return NULL;
    char *out = PyBytes_AS_STRING(r);
    const char *p = s, *end = s + len;
    while (p < end) {
        if (*p != '\\') {
            *out++ = *p++;
            continue;
        }
        p++;
        if (p == end) {
            PyErr_SetString(PyExc_ValueError, "Trailing \\ in string");
            goto fail;
        }
        char c = *p++;
        switch (c) {
        case '\n': break;
        case '\\': *out++ = '\\'; break;
        case '\'': *out++ = '\''; break;
        case '"': *out++ = '"'; break;
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\014'; break;
        case 't': *out++ = '\t'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 'v': *out++ = '\013'; break;
        case 'a': *out++ = '\007'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            for (int k = 0; k < 2 && p < end && *p >= '0' && *p <= '7'; k++)
                v = v * 8 + (*p++ - '0');
            /* Above 0o377 the value is truncated, and reported. */
            if (v > 0377 && *first_invalid_escape == NULL)
                *first_invalid_escape = p - 3;
            *out++ = (char)v;
            break;
        }
        case 'x': {
            int hi = p < end ? kr_bytes_hexdigit((unsigned char)p[0]) : -1;
            int lo = p + 1 < end ? kr_bytes_hexdigit((unsigned char)p[1]) : -1;
            if (hi >= 0 && lo >= 0) {
                *out++ = (char)(hi * 16 + lo);
                p += 2;
                break;
            }
            if (errors == NULL || strcmp(errors, "strict") == 0) {
                PyErr_Format(PyExc_ValueError, "invalid \\x escape at position %zd",
                             (Py_ssize_t)(p - 2 - s));
                goto fail;
            }
            if (strcmp(errors, "replace") == 0) {
                *out++ = '?';
            } else if (strcmp(errors, "ignore") != 0) {
                PyErr_Format(PyExc_ValueError, "decoding error; unknown error handling code: %.400s",
                             errors);
                goto fail;
            }
            /* The bad digits are skipped, as CPython does. */
            if (hi >= 0)
                p++;
            break;
        }
        default:
            if (*first_invalid_escape == NULL)
                *first_invalid_escape = p - 1;
            *out++ = '\\';
            *out++ = c;
        }
    }
    Py_ssize_t n = out - PyBytes_AS_STRING(r);
    if (n <= 1) {
        /* b'' and one byte come back as the shared objects. */
        PyObject *shared = PyBytes_FromStringAndSize(PyBytes_AS_STRING(r), n);
        Py_DECREF(r);
        return shared;
    }
    if (_PyBytes_Resize(&r, n) < 0)
        return NULL;
    return r;
fail:
    Py_DECREF(r);
    return NULL;
}

PyObject *PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
                               Py_ssize_t unicode, const char *recode_encoding)
{
    const char *first_invalid_escape;
    PyObject *r = _PyBytes_DecodeEscape(s, len, errors, &first_invalid_escape);
    if (r == NULL)
        return NULL;
    if (first_invalid_escape != NULL) {
        int rc;
        if (*first_invalid_escape >= '4' && *first_invalid_escape <= '7')
            rc = PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                  "invalid octal escape sequence '\\%.3s'", first_invalid_escape);
        else
            rc = PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "invalid escape sequence '\\%c'",
                                  (unsigned char)*first_invalid_escape);
        if (rc < 0) {
            Py_DECREF(r);
            return NULL;
        }
    }
    return r;
}

/* ---- construction ---- */

/* bytes from a buffer, or from an iterable of ints in range(256). */
PyObject *PyBytes_FromObject(PyObject *x)
{
    if (PyBytes_CheckExact(x))
        return Py_NewRef(x);
    if (PyObject_CheckBuffer(x)) {
        Py_buffer view;
        if (PyObject_GetBuffer(x, &view, PyBUF_FULL_RO) < 0)
            return NULL;
        PyObject *r = PyBytes_FromStringAndSize(NULL, view.len);
        if (r != NULL && view.len > 0 && PyBuffer_ToContiguous(PyBytes_AS_STRING(r), &view, view.len, 'C') < 0)
            Py_CLEAR(r);
        PyBuffer_Release(&view);
        return r;
    }
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "cannot convert 'str' object to bytes");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(x);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError))
            PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytes",
                         Py_TYPE(x)->tp_name);
        return NULL;
    }
    Py_ssize_t n = 0, cap = PyObject_LengthHint(x, 64);
    if (cap < 0) {
        Py_DECREF(it);
        return NULL;
    }
    if (cap == 0)
        cap = 16;
    PyObject *r = kr_bytes_alloc(cap);
    PyObject *item;
    while (r != NULL && (item = PyIter_Next(it)) != NULL) {
        Py_ssize_t v = PyNumber_AsSsize_t(item, NULL);
        Py_DECREF(item);
        if (v == -1 && PyErr_Occurred()) {
            Py_CLEAR(r);
            break;
        }
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "bytes must be in range(0, 256)");
            Py_CLEAR(r);
            break;
        }
        if (n == cap && _PyBytes_Resize(&r, cap *= 2) < 0)
            break;
        PyBytes_AS_STRING(r)[n++] = (char)v;
    }
    Py_DECREF(it);
    if (r == NULL || PyErr_Occurred()) {
        Py_XDECREF(r);
        return NULL;
    }
    if (n <= 1) {
        PyObject *shared = PyBytes_FromStringAndSize(PyBytes_AS_STRING(r), n);
        Py_DECREF(r);
        return shared;
    }
    if (_PyBytes_Resize(&r, n) < 0)
        return NULL;
    return r;
}

/* bytes(), bytes(int), bytes(str, encoding[, errors]), bytes(buffer),
 * bytes(iterable), and __bytes__. */
static PyObject *bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *x = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:bytes", kwlist, &x, &encoding, &errors))
        return NULL;
    PyObject *r;
    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding ? "encoding without a string argument"
                                                      : "errors without a string argument");
            return NULL;
        }
        r = PyBytes_FromStringAndSize(NULL, 0);
    } else if (encoding != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "encoding without a string argument");
            return NULL;
        }
        r = PyUnicode_AsEncodedString(x, encoding, errors);
    } else if (errors != NULL) {
        PyErr_SetString(PyExc_TypeError, PyUnicode_Check(x) ? "string argument without an encoding"
                                                            : "errors without a string argument");
        return NULL;
    } else {
        PyObject *meth = _PyObject_LookupSpecial(x, KR_ID(__bytes__));
        if (meth != NULL) {
            r = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (r != NULL && !PyBytes_Check(r)) {
                PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                             Py_TYPE(r)->tp_name);
                Py_CLEAR(r);
            }
        } else if (PyErr_Occurred()) {
            return NULL;
        } else if (PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return NULL;
        } else if (PyIndex_Check(x)) {
            Py_ssize_t size = PyNumber_AsSsize_t(x, PyExc_OverflowError);
            if (size == -1 && PyErr_Occurred()) {
                if (!PyErr_ExceptionMatches(PyExc_TypeError))
                    return NULL;
                PyErr_Clear();
                r = PyBytes_FromObject(x);
            } else if (size < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return NULL;
            } else {
                r = PyBytes_FromStringAndSize(NULL, size);
                if (r != NULL && size > 0)
                    memset(PyBytes_AS_STRING(r), 0, (size_t)size);
            }
        } else {
            r = PyBytes_FromObject(x);
        }
    }
    if (r == NULL || type == &PyBytes_Type)
        return r;
    /* A subclass instance holds a copy of the bytes. */
    PyObject *sub = type->tp_alloc(type, Py_SIZE(r));
    if (sub != NULL) {
        ((PyBytesObject *)sub)->ob_shash = -1;
        memcpy(PyBytes_AS_STRING(sub), PyBytes_AS_STRING(r), (size_t)Py_SIZE(r) + 1);
    }
    Py_DECREF(r);
    return sub;
}

/* ---- repr ---- */

/* b'...' with CPython's choice of quote: single quotes unless the bytes
 * contain ' and no ", with \t \n \r \\ and \xhh escapes. */
PyObject *kr_bytes_repr_data(const char *data, Py_ssize_t n, int how, const char *prefix,
                             const char *suffix)
{
    int squote = 0, dquote = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (data[i] == '\'')
            squote = 1;
        else if (data[i] == '"')
            dquote = 1;
    }
    char quote = ((how & KR_REPR_SMART) && squote && !dquote) ? '"' : '\'';
    size_t plen = strlen(prefix), slen = strlen(suffix);
    if ((size_t)n > ((size_t)PY_SSIZE_T_MAX - plen - slen - 3) / 4) {
        PyErr_SetString(PyExc_OverflowError, "bytes object is too large to make repr");
        return NULL;
    }
    char *buf = PyMem_Malloc(plen + slen + 3 + 4 * (size_t)n);
    if (buf == NULL)
        return PyErr_NoMemory();
    char *p = buf;
    memcpy(p, prefix, plen);
    p += plen;
    *p++ = 'b';
    *p++ = quote;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == quote || c == '\\' || (c == '\'' && (how & KR_REPR_SQUOTE_ESCAPED))) {
            *p++ = '\\';
            *p++ = (char)c;
        } else if (c == '\t') {
            *p++ = '\\'; *p++ = 't';
        } else if (c == '\n') {
            *p++ = '\\'; *p++ = 'n';
        } else if (c == '\r') {
            *p++ = '\\'; *p++ = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            static const char hex[] = "0123456789abcdef";
            *p++ = '\\'; *p++ = 'x';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        } else {
            *p++ = (char)c;
        }
    }
    *p++ = quote;
    memcpy(p, suffix, slen);
    p += slen;
    PyObject *r = PyUnicode_FromStringAndSize(buf, p - buf);
    PyMem_Free(buf);
    return r;
}

PyObject *PyBytes_Repr(PyObject *op, int smartquotes)
{
    return kr_bytes_repr_data(PyBytes_AS_STRING(op), Py_SIZE(op), smartquotes ? KR_REPR_SMART : 0,
                              "", "");
}

static PyObject *bytes_repr(PyObject *op)
{
    return PyBytes_Repr(op, 1);
}

/* str(b) warns with -b, as CPython does, and is the repr. */
static PyObject *bytes_str(PyObject *op)
{
    if (Py_BytesWarningFlag && PyErr_WarnEx(PyExc_BytesWarning, "str() on a bytes instance", 1) < 0)
        return NULL;
    return bytes_repr(op);
}

/* ---- hashing and comparison ---- */

/* The hash is cached in the object, except in the immortal shared ones:
 * contexts on other threads read those, so nobody writes to them. */
static Py_hash_t bytes_hash(PyObject *op)
{
    PyBytesObject *b = (PyBytesObject *)op;
    if (b->ob_shash != -1)
        return b->ob_shash;
    Py_hash_t h = _Py_HashBytes(b->ob_sval, Py_SIZE(b));
    if (!_Py_IsImmortal(op))
        b->ob_shash = h;
    return h;
}

/* With -b, == and != against a str or an int warn (BytesWarning). */
static int kr_bytes_compare_warn(PyObject *a, PyObject *b)
{
    const char *msg = NULL;
    if (PyUnicode_Check(a) || PyUnicode_Check(b))
        msg = "Comparison between bytes and string";
    else if (PyLong_Check(a) || PyLong_Check(b))
        msg = "Comparison between bytes and int";
    return msg == NULL ? 0 : PyErr_WarnEx(PyExc_BytesWarning, msg, 1);
}

static PyObject *bytes_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyBytes_Check(a) || !PyBytes_Check(b)) {
        if (Py_BytesWarningFlag && (op == Py_EQ || op == Py_NE) && kr_bytes_compare_warn(a, b) < 0)
            return NULL;
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t la = Py_SIZE(a), lb = Py_SIZE(b);
    if (op == Py_EQ || op == Py_NE) {
        int eq = la == lb && (a == b || memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)la) == 0);
        return PyBool_FromLong(op == Py_EQ ? eq : !eq);
    }
    int c = memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)(la < lb ? la : lb));
    if (c == 0)
        c = la < lb ? -1 : la > lb ? 1 : 0;
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ---- sequence protocol ---- */

static Py_ssize_t bytes_length(PyObject *op) { return Py_SIZE(op); }

/* self[i] for bytes and bytearray (i already made non-negative). */
PyObject *kr_bytes_item(PyObject *op, Py_ssize_t i)
{
    const char *data;
    Py_ssize_t len;
    kr_bm_self(op, &data, &len);
    if (i < 0 || i >= len) {
        PyErr_SetString(PyExc_IndexError,
                        PyBytes_Check(op) ? "index out of range" : "bytearray index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)data[i]);
}

/* self[key] for bytes and bytearray: an int, or a slice of the
 * receiver's type (an exact bytes object sliced whole is itself). */
PyObject *kr_bytes_subscript(PyObject *op, PyObject *key)
{
    const char *data;
    Py_ssize_t len;
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0) {
            kr_bm_self(op, &data, &len);
            i += len;
        }
        return kr_bytes_item(op, i);
    }
    if (PySlice_Check(key)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        kr_bm_self(op, &data, &len);
        Py_ssize_t n = PySlice_AdjustIndices(len, &start, &stop, step);
        if (step == 1)
            return kr_bm_make(op, data + start, n);
        char *dst;
        PyObject *r = kr_bm_new(op, n, &dst);
        if (r == NULL)
            return NULL;
        for (Py_ssize_t i = 0, j = start; i < n; i++, j += step)
            dst[i] = data[j];
        return r;
    }
    PyErr_Format(PyExc_TypeError, "%s indices must be integers or slices, not %.200s",
                 PyBytes_Check(op) ? "byte" : "bytearray", Py_TYPE(key)->tp_name);
    return NULL;
}

/* a + b for two bytes-like objects, as bytes or (as_bytearray) as a new
 * bytearray.  An exact bytes operand added to nothing is reused.  New
 * reference. */
PyObject *kr_bytes_concat(PyObject *a, PyObject *b, int as_bytearray)
{
    Py_buffer va, vb;
    va.obj = vb.obj = NULL;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) != 0 || PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) != 0) {
        PyBuffer_Release(&va);
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                     Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        return NULL;
    }
    PyObject *r;
    char *out = NULL;
    if (!as_bytearray && vb.len == 0 && PyBytes_CheckExact(a))
        r = Py_NewRef(a);
    else if (!as_bytearray && va.len == 0 && PyBytes_CheckExact(b))
        r = Py_NewRef(b);
    else if (va.len > PY_SSIZE_T_MAX - vb.len)
        r = PyErr_NoMemory();
    else if (as_bytearray) {
        r = PyByteArray_FromStringAndSize(NULL, va.len + vb.len);
        out = r ? PyByteArray_AS_STRING(r) : NULL;
    } else {
        r = PyBytes_FromStringAndSize(NULL, va.len + vb.len);
        out = r ? PyBytes_AS_STRING(r) : NULL;
    }
    if (out != NULL) {
        if (va.len > 0)
            memcpy(out, va.buf, (size_t)va.len);
        if (vb.len > 0)
            memcpy(out + va.len, vb.buf, (size_t)vb.len);
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return r;
}

static PyObject *bytes_concat(PyObject *a, PyObject *b)
{
    return kr_bytes_concat(a, b, 0);
}

/* Fills dst (len * n bytes) with n copies of src[0:len), doubling the
 * copied run each time: O(log n) memcpy calls.  dst may equal src (an
 * in-place repeat whose first copy is already there). */
void kr_bytes_fill_repeat(char *dst, const char *src, Py_ssize_t len, Py_ssize_t n)
{
    if (len == 0 || n == 0)
        return;
    if (len == 1) {
        memset(dst, src[0], (size_t)n);
        return;
    }
    if (dst != src)
        memcpy(dst, src, (size_t)len);
    Py_ssize_t done = len, total = len * n;
    while (done < total) {
        Py_ssize_t chunk = done <= total - done ? done : total - done;
        memcpy(dst + done, dst, (size_t)chunk);
        done += chunk;
    }
}

static PyObject *bytes_repeat(PyObject *op, Py_ssize_t n)
{
    if (n < 0)
        n = 0;
    Py_ssize_t len = Py_SIZE(op);
    if (n > 0 && len > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    if (n == 1 && PyBytes_CheckExact(op))
        return Py_NewRef(op);
    PyObject *r = PyBytes_FromStringAndSize(NULL, len * n);
    if (r != NULL)
        kr_bytes_fill_repeat(PyBytes_AS_STRING(r), PyBytes_AS_STRING(op), len, n);
    return r;
}

static int bytes_contains(PyObject *self, PyObject *arg)
{
    return kr_bytes_contains(PyBytes_AS_STRING(self), Py_SIZE(self), arg);
}

static int bytes_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, self, PyBytes_AS_STRING(self), Py_SIZE(self), 1, flags);
}

static PyObject *bytes_getnewargs(PyObject *self, PyObject *unused)
{
    PyObject *copy = PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
    if (copy == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return r;
}

static PyObject *bytes_bytes(PyObject *self, PyObject *unused)
{
    if (PyBytes_CheckExact(self))
        return Py_NewRef(self);
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
}

/* ---- iterator ----
 * One implementation serves bytes_iterator and bytearray_iterator: it
 * reads its sequence through kr_bm_self(), and a bytearray may shrink
 * while iterated, so the length is checked on every step. */

PyObject *kr_bytes_iter_new(PyObject *seq, PyTypeObject *itertype)
{
    kr_bytes_iter *it = PyObject_GC_New(kr_bytes_iter, itertype);
    if (it == NULL)
        return NULL;
    it->index = 0;
    it->seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *bytes_iter(PyObject *seq)
{
    return kr_bytes_iter_new(seq, &PyBytesIter_Type);
}

void kr_bytes_iter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((kr_bytes_iter *)self)->seq);
    PyObject_GC_Del(self);
}

int kr_bytes_iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_bytes_iter *)self)->seq);
    return 0;
}

PyObject *kr_bytes_iter_next(PyObject *self)
{
    kr_bytes_iter *it = (kr_bytes_iter *)self;
    if (it->seq == NULL)
        return NULL;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(it->seq, &data, &len);
    if (it->index < len)
        return PyLong_FromLong((unsigned char)data[it->index++]);
    Py_CLEAR(it->seq);
    return NULL;
}

static PyObject *kr_bytes_iter_length_hint(PyObject *self, PyObject *unused)
{
    kr_bytes_iter *it = (kr_bytes_iter *)self;
    Py_ssize_t n = 0;
    if (it->seq != NULL) {
        const char *data;
        kr_bm_self(it->seq, &data, &n);
        n -= it->index;
    }
    return PyLong_FromSsize_t(n < 0 ? 0 : n);
}

/* (iter, (seq,), index), or (iter, ((),)) once exhausted. */
static PyObject *kr_bytes_iter_reduce(PyObject *self, PyObject *unused)
{
    kr_bytes_iter *it = (kr_bytes_iter *)self;
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *iter = builtins ? PyDict_GetItemString(builtins, "iter") : NULL;
    if (iter == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.iter");
        return NULL;
    }
    if (it->seq != NULL)
        return Py_BuildValue("O(O)n", iter, it->seq, it->index);
    return Py_BuildValue("O(())", iter);
}

static PyObject *kr_bytes_iter_setstate(PyObject *self, PyObject *state)
{
    kr_bytes_iter *it = (kr_bytes_iter *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->seq != NULL) {
        const char *data;
        Py_ssize_t len;
        kr_bm_self(it->seq, &data, &len);
        it->index = index < 0 ? 0 : index > len ? len : index;
    }
    Py_RETURN_NONE;
}

PyMethodDef kr_bytes_iter_methods[] = {
    {"__length_hint__", kr_bytes_iter_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", kr_bytes_iter_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", kr_bytes_iter_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBytesIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(kr_bytes_iter),
    .tp_dealloc = kr_bytes_iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_bytes_iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_bytes_iter_next,
    .tp_methods = kr_bytes_iter_methods,
};

/* ---- the type ---- */

static PySequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = kr_bytes_item,
    .sq_contains = bytes_contains,
};

static PyMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = kr_bytes_subscript,
};

static PyBufferProcs bytes_as_buffer = {bytes_getbuffer, NULL};

static PyMethodDef bytes_methods[] = {
    {"__getnewargs__", bytes_getnewargs, METH_NOARGS, NULL},
    {"__bytes__", bytes_bytes, METH_NOARGS, "Convert this value to exact type bytes."},
    KR_BYTES_SHARED_METHODS
    {NULL, NULL, 0, NULL}
};

static void bytes_dealloc(PyObject *op)
{
    Py_TYPE(op)->tp_free(op);
}

PyTypeObject PyBytes_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes",
    .tp_basicsize = offsetof(PyBytesObject, ob_sval) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &kr_bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\n"
              "bytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_new,
    .tp_free = PyObject_Del,
};
