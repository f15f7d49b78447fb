/* marshal.c: the marshal format (versions 0 to 4, as CPython 3.11 writes
 * it), its C API (include/marshal.h) and the `marshal` module.
 *
 * Code objects are not marshalled yet: dumps raises
 * ValueError("unmarshallable object") for them, and loads reports their
 * type code as unknown.  Set and frozenset elements are written sorted by
 * their own marshalled bytes, as 3.11 does, so output is reproducible.
 *
 * Writing uses a growable buffer (then fwrite or file.write); reading works
 * from a memory block, a FILE * or a Python file's read(). */
#include "internal.h"
#include <string.h>

enum {
    KR_M_NULL = '0', KR_M_NONE = 'N', KR_M_FALSE = 'F', KR_M_TRUE = 'T',
    KR_M_STOPITER = 'S', KR_M_ELLIPSIS = '.', KR_M_INT = 'i', KR_M_INT64 = 'I',
    KR_M_FLOAT = 'f', KR_M_BINARY_FLOAT = 'g', KR_M_COMPLEX = 'x',
    KR_M_BINARY_COMPLEX = 'y', KR_M_LONG = 'l', KR_M_STRING = 's',
    KR_M_INTERNED = 't', KR_M_REF = 'r', KR_M_TUPLE = '(', KR_M_LIST = '[',
    KR_M_DICT = '{', KR_M_CODE = 'c', KR_M_UNICODE = 'u', KR_M_UNKNOWN = '?',
    KR_M_SET = '<', KR_M_FROZENSET = '>', KR_M_ASCII = 'a',
    KR_M_ASCII_INTERNED = 'A', KR_M_SMALL_TUPLE = ')', KR_M_SHORT_ASCII = 'z',
    KR_M_SHORT_ASCII_INTERNED = 'Z',
    KR_M_FLAG_REF = 0x80,
};

#define KR_M_MAX_DEPTH 2000
#define KR_M_SIZE32_MAX 0x7FFFFFFF

/* ================= writing ================= */

enum { KR_MW_OK, KR_MW_NOMEMORY, KR_MW_NESTED, KR_MW_UNMARSHALLABLE, KR_MW_EXCEPTION };

typedef struct {
    unsigned char *buf;
    size_t len, cap;
    int version;
    int depth;
    int error;
    PyObject *refs;            /* {id: index} for version >= 3, or NULL */
} kr_mw;

static void kr_mw_put(kr_mw *w, const void *data, size_t n)
{
    if (w->error != KR_MW_OK)
        return;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 64;
        while (cap < w->len + n)
            cap *= 2;
        unsigned char *nb = PyMem_Realloc(w->buf, cap);
        if (nb == NULL) {
            w->error = KR_MW_NOMEMORY;
            return;
        }
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, data, n);
    w->len += n;
}

static void kr_mw_byte(kr_mw *w, int b)
{
    unsigned char c = (unsigned char)b;
    kr_mw_put(w, &c, 1);
}

static void kr_mw_long(kr_mw *w, long x)
{
    unsigned char b[4] = {(unsigned char)x, (unsigned char)(x >> 8), (unsigned char)(x >> 16),
                          (unsigned char)(x >> 24)};
    kr_mw_put(w, b, 4);
}

static void kr_mw_short(kr_mw *w, int x)
{
    unsigned char b[2] = {(unsigned char)x, (unsigned char)(x >> 8)};
    kr_mw_put(w, b, 2);
}

static int kr_mw_size(kr_mw *w, Py_ssize_t n)
{
    if (n > KR_M_SIZE32_MAX) {
        w->error = KR_MW_UNMARSHALLABLE;
        return -1;
    }
    kr_mw_long(w, (long)n);
    return 0;
}

static void kr_mw_pstring(kr_mw *w, const void *s, Py_ssize_t n)
{
    if (kr_mw_size(w, n) == 0)
        kr_mw_put(w, s, (size_t)n);
}

static void kr_mw_float_text(kr_mw *w, double d)
{
    char *s = PyOS_double_to_string(d, 'g', 17, 0, NULL);
    if (s == NULL) {
        w->error = KR_MW_NOMEMORY;
        return;
    }
    size_t n = strlen(s);
    kr_mw_byte(w, (int)n);
    kr_mw_put(w, s, n);
    PyMem_Free(s);
}

static void kr_mw_float_bin(kr_mw *w, double d)
{
    unsigned char b[8];
    if (PyFloat_Pack8(d, (char *)b, 1) < 0) {
        w->error = KR_MW_EXCEPTION;
        return;
    }
    kr_mw_put(w, b, 8);
}

/* An int too big for 'i': 15-bit digits, least significant first. */
static void kr_mw_pylong(kr_mw *w, int flag, PyObject *v)
{
    PyLongObject *ob = (PyLongObject *)v;
    Py_ssize_t size = Py_SIZE(ob), n30 = size < 0 ? -size : size;
    digit top = ob->ob_digit[n30 - 1];
    Py_ssize_t n15 = 2 * n30 - ((top >> 15) == 0 ? 1 : 0);
    if (n15 > KR_M_SIZE32_MAX) {
        w->error = KR_MW_UNMARSHALLABLE;
        return;
    }
    kr_mw_byte(w, KR_M_LONG | flag);
    kr_mw_long(w, (long)(size < 0 ? -n15 : n15));
    for (Py_ssize_t i = 0; i < n30; i++) {
        digit d = ob->ob_digit[i];
        kr_mw_short(w, (int)(d & 0x7FFF));
        if (i < n30 - 1 || (d >> 15) != 0)
            kr_mw_short(w, (int)(d >> 15));
    }
}

static void kr_mw_object(kr_mw *w, PyObject *v);

/* Version >= 3: an object seen before is written as a back reference; an
 * object that might be seen again is marked so the reader records it. */
static int kr_mw_ref(kr_mw *w, PyObject *v, int *flag)
{
    if (w->refs == NULL || Py_REFCNT(v) == 1)
        return 0;
    PyObject *id = PyLong_FromVoidPtr(v);
    if (id == NULL) {
        w->error = KR_MW_EXCEPTION;
        return 1;
    }
    PyObject *idx = PyDict_GetItemWithError(w->refs, id);
    if (idx != NULL) {
        Py_DECREF(id);
        kr_mw_byte(w, KR_M_REF);
        kr_mw_long(w, PyLong_AsLong(idx));
        return 1;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(id);
        w->error = KR_MW_EXCEPTION;
        return 1;
    }
    Py_ssize_t n = PyDict_GET_SIZE(w->refs);
    if (n >= KR_M_SIZE32_MAX) {
        Py_DECREF(id);
        w->error = KR_MW_UNMARSHALLABLE;
        return 1;
    }
    PyObject *nidx = PyLong_FromSsize_t(n);
    int r = nidx == NULL ? -1 : PyDict_SetItem(w->refs, id, nidx);
    Py_XDECREF(nidx);
    Py_DECREF(id);
    if (r < 0) {
        w->error = KR_MW_EXCEPTION;
        return 1;
    }
    *flag = KR_M_FLAG_REF;
    return 0;
}

static PyObject *kr_marshal_dumps_impl(PyObject *v, int version);

/* Set elements in the order of their own marshalled bytes. */
static void kr_mw_set(kr_mw *w, PyObject *v)
{
    Py_ssize_t n = PySet_GET_SIZE(v);
    if (kr_mw_size(w, n) < 0)
        return;
    PyObject *pairs = PyList_New(0), *it = PyObject_GetIter(v), *item;
    if (pairs == NULL || it == NULL) {
        Py_XDECREF(pairs);
        Py_XDECREF(it);
        w->error = KR_MW_EXCEPTION;
        return;
    }
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *dump = kr_marshal_dumps_impl(item, w->version);
        PyObject *pair = dump == NULL ? NULL : PyTuple_Pack(2, dump, item);
        Py_XDECREF(dump);
        Py_DECREF(item);
        if (pair == NULL || PyList_Append(pairs, pair) < 0) {
            Py_XDECREF(pair);
            break;
        }
        Py_DECREF(pair);
    }
    Py_DECREF(it);
    if (PyErr_Occurred() || PyList_Sort(pairs) < 0) {
        Py_DECREF(pairs);
        w->error = KR_MW_EXCEPTION;
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(pairs) && w->error == KR_MW_OK; i++)
        kr_mw_object(w, PyTuple_GET_ITEM(PyList_GET_ITEM(pairs, i), 1));
    Py_DECREF(pairs);
}

static void kr_mw_str(kr_mw *w, int flag, PyObject *v)
{
    int interned = PyUnicode_CHECK_INTERNED(v) != 0;
    if (w->version >= 4 && PyUnicode_IS_ASCII(v)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(v);
        if (n < 256) {
            kr_mw_byte(w, (interned ? KR_M_SHORT_ASCII_INTERNED : KR_M_SHORT_ASCII) | flag);
            kr_mw_byte(w, (int)n);
            kr_mw_put(w, PyUnicode_DATA(v), (size_t)n);
        } else {
            kr_mw_byte(w, (interned ? KR_M_ASCII_INTERNED : KR_M_ASCII) | flag);
            kr_mw_pstring(w, PyUnicode_DATA(v), n);
        }
        return;
    }
    PyObject *utf8 = PyUnicode_AsEncodedString(v, "utf8", "surrogatepass");
    if (utf8 == NULL) {
        w->error = KR_MW_EXCEPTION;
        return;
    }
    kr_mw_byte(w, (w->version >= 3 && interned ? KR_M_INTERNED : KR_M_UNICODE) | flag);
    kr_mw_pstring(w, PyBytes_AS_STRING(utf8), PyBytes_GET_SIZE(utf8));
    Py_DECREF(utf8);
}

static void kr_mw_complex_object(kr_mw *w, PyObject *v)
{
    int flag = 0;
    if (kr_mw_ref(w, v, &flag))
        return;
    if (PyLong_CheckExact(v)) {
        int overflow;
        long x = PyLong_AsLongAndOverflow(v, &overflow);
        if (overflow || x > 0x7FFFFFFFL || x < -0x7FFFFFFFL - 1)
            kr_mw_pylong(w, flag, v);
        else {
            kr_mw_byte(w, KR_M_INT | flag);
            kr_mw_long(w, x);
        }
    } else if (PyFloat_CheckExact(v)) {
        if (w->version > 1) {
            kr_mw_byte(w, KR_M_BINARY_FLOAT | flag);
            kr_mw_float_bin(w, PyFloat_AS_DOUBLE(v));
        } else {
            kr_mw_byte(w, KR_M_FLOAT | flag);
            kr_mw_float_text(w, PyFloat_AS_DOUBLE(v));
        }
    } else if (PyComplex_CheckExact(v)) {
        Py_complex c = PyComplex_AsCComplex(v);
        if (w->version > 1) {
            kr_mw_byte(w, KR_M_BINARY_COMPLEX | flag);
            kr_mw_float_bin(w, c.real);
            kr_mw_float_bin(w, c.imag);
        } else {
            kr_mw_byte(w, KR_M_COMPLEX | flag);
            kr_mw_float_text(w, c.real);
            kr_mw_float_text(w, c.imag);
        }
    } else if (PyBytes_CheckExact(v)) {
        kr_mw_byte(w, KR_M_STRING | flag);
        kr_mw_pstring(w, PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v));
    } else if (PyUnicode_CheckExact(v)) {
        kr_mw_str(w, flag, v);
    } else if (PyTuple_CheckExact(v)) {
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        if (w->version >= 4 && n < 256) {
            kr_mw_byte(w, KR_M_SMALL_TUPLE | flag);
            kr_mw_byte(w, (int)n);
        } else {
            kr_mw_byte(w, KR_M_TUPLE | flag);
            if (kr_mw_size(w, n) < 0)
                return;
        }
        for (Py_ssize_t i = 0; i < n && w->error == KR_MW_OK; i++)
            kr_mw_object(w, PyTuple_GET_ITEM(v, i));
    } else if (PyList_CheckExact(v)) {
        kr_mw_byte(w, KR_M_LIST | flag);
        if (kr_mw_size(w, PyList_GET_SIZE(v)) < 0)
            return;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(v) && w->error == KR_MW_OK; i++)
            kr_mw_object(w, PyList_GET_ITEM(v, i));
    } else if (PyDict_CheckExact(v)) {
        kr_mw_byte(w, KR_M_DICT | flag);
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (w->error == KR_MW_OK && PyDict_Next(v, &pos, &key, &value)) {
            kr_mw_object(w, key);
            kr_mw_object(w, value);
        }
        kr_mw_object(w, NULL);
    } else if (PyAnySet_CheckExact(v)) {
        kr_mw_byte(w, (PyFrozenSet_CheckExact(v) ? KR_M_FROZENSET : KR_M_SET) | flag);
        kr_mw_set(w, v);
    } else if (!PyCode_Check(v) && PyObject_CheckBuffer(v)) {
        Py_buffer view;
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) != 0) {
            kr_mw_byte(w, KR_M_UNKNOWN);
            w->error = KR_MW_EXCEPTION;
            return;
        }
        kr_mw_byte(w, KR_M_STRING | flag);
        kr_mw_pstring(w, view.buf, view.len);
        PyBuffer_Release(&view);
    } else {
        kr_mw_byte(w, KR_M_UNKNOWN);
        w->error = KR_MW_UNMARSHALLABLE;
    }
}

static void kr_mw_object(kr_mw *w, PyObject *v)
{
    if (w->error != KR_MW_OK)
        return;
    if (++w->depth > KR_M_MAX_DEPTH)
        w->error = KR_MW_NESTED;
    else if (v == NULL)
        kr_mw_byte(w, KR_M_NULL);
    else if (v == Py_None)
        kr_mw_byte(w, KR_M_NONE);
    else if (v == PyExc_StopIteration)
        kr_mw_byte(w, KR_M_STOPITER);
    else if (v == Py_Ellipsis)
        kr_mw_byte(w, KR_M_ELLIPSIS);
    else if (v == Py_False)
        kr_mw_byte(w, KR_M_FALSE);
    else if (v == Py_True)
        kr_mw_byte(w, KR_M_TRUE);
    else
        kr_mw_complex_object(w, v);
    w->depth--;
}

/* Run the writer over v; on success the caller owns w->buf. */
static int kr_mw_run(kr_mw *w, PyObject *v, int version)
{
    memset(w, 0, sizeof(*w));
    w->version = version;
    if (version >= 3 && (w->refs = PyDict_New()) == NULL)
        return -1;
    kr_mw_object(w, v);
    Py_XDECREF(w->refs);
    switch (w->error) {
    case KR_MW_OK:
        return 0;
    case KR_MW_NOMEMORY:
        PyErr_NoMemory();
        break;
    case KR_MW_NESTED:
        PyErr_SetString(PyExc_ValueError, "object too deeply nested to marshal");
        break;
    case KR_MW_UNMARSHALLABLE:
        PyErr_SetString(PyExc_ValueError, "unmarshallable object");
        break;
    default:
        break;   /* the exception is set */
    }
    PyMem_Free(w->buf);
    w->buf = NULL;
    return -1;
}

static PyObject *kr_marshal_dumps_impl(PyObject *v, int version)
{
    kr_mw w;
    if (kr_mw_run(&w, v, version) < 0)
        return NULL;
    PyObject *res = PyBytes_FromStringAndSize((const char *)w.buf, (Py_ssize_t)w.len);
    PyMem_Free(w.buf);
    return res;
}

PyObject *PyMarshal_WriteObjectToString(PyObject *v, int version)
{
    return kr_marshal_dumps_impl(v, version);
}

void PyMarshal_WriteLongToFile(long x, FILE *fp, int version)
{
    unsigned char b[4] = {(unsigned char)x, (unsigned char)(x >> 8), (unsigned char)(x >> 16),
                          (unsigned char)(x >> 24)};
    fwrite(b, 1, 4, fp);
}

/* Errors are reported through the error indicator, as in CPython. */
void PyMarshal_WriteObjectToFile(PyObject *v, FILE *fp, int version)
{
    kr_mw w;
    if (kr_mw_run(&w, v, version) < 0)
        return;
    fwrite(w.buf, 1, w.len, fp);
    PyMem_Free(w.buf);
}

/* ================= reading ================= */

typedef struct {
    const unsigned char *ptr, *end;   /* memory input */
    FILE *fp;                          /* or a C file */
    PyObject *readable;                /* or a Python file (read method) */
    unsigned char *fbuf;               /* buffer for the last file read */
    size_t fbuf_cap;
    PyObject *chunk;                   /* bytes of the last read() call */
    PyObject *refs;                    /* list of objects flagged FLAG_REF */
    int depth;
} kr_mr;

/* Pointer to the next n bytes, or NULL with EOFError set. */
static const unsigned char *kr_mr_bytes(kr_mr *r, Py_ssize_t n)
{
    if (r->readable == NULL && r->fp == NULL) {
        if (r->end - r->ptr < n) {
            PyErr_SetString(PyExc_EOFError, "marshal data too short");
            return NULL;
        }
        const unsigned char *p = r->ptr;
        r->ptr += n;
        return p;
    }
    if (r->fp != NULL) {
        if ((size_t)n > r->fbuf_cap) {
            unsigned char *nb = PyMem_Realloc(r->fbuf, (size_t)n);
            if (nb == NULL) {
                PyErr_NoMemory();
                return NULL;
            }
            r->fbuf = nb;
            r->fbuf_cap = (size_t)n;
        }
        if (fread(r->fbuf, 1, (size_t)n, r->fp) != (size_t)n) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_EOFError, "EOF read where not expected");
            return NULL;
        }
        return r->fbuf;
    }
    PyObject *data = PyObject_CallMethod(r->readable, "read", "n", n);
    if (data == NULL)
        return NULL;
    if (!PyBytes_Check(data)) {
        PyErr_Format(PyExc_TypeError, "file.read() returned not bytes but %.100s",
                     Py_TYPE(data)->tp_name);
        Py_DECREF(data);
        return NULL;
    }
    if (PyBytes_GET_SIZE(data) != n) {
        Py_DECREF(data);
        PyErr_SetString(PyExc_EOFError, "EOF read where not expected");
        return NULL;
    }
    Py_XSETREF(r->chunk, data);
    return (const unsigned char *)PyBytes_AS_STRING(data);
}

static int kr_mr_byte(kr_mr *r)
{
    const unsigned char *p = kr_mr_bytes(r, 1);
    return p == NULL ? -1 : p[0];
}

static int kr_mr_long(kr_mr *r, long *out)
{
    const unsigned char *p = kr_mr_bytes(r, 4);
    if (p == NULL)
        return -1;
    uint32_t u = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
    *out = (long)(int32_t)u;
    return 0;
}

static PyObject *kr_mr_bad(const char *what)
{
    PyErr_Format(PyExc_ValueError, "bad marshal data (%s)", what);
    return NULL;
}

/* A non-negative 32-bit size. */
static int kr_mr_size(kr_mr *r, Py_ssize_t *n, const char *what)
{
    long x;
    if (kr_mr_long(r, &x) < 0)
        return -1;
    if (x < 0) {
        kr_mr_bad(what);
        return -1;
    }
    *n = x;
    return 0;
}

static PyObject *kr_mr_pylong(kr_mr *r)
{
    long n;
    if (kr_mr_long(r, &n) < 0)
        return NULL;
    if (n < -KR_M_SIZE32_MAX || n > KR_M_SIZE32_MAX)
        return kr_mr_bad("long size out of range");
    Py_ssize_t count = n < 0 ? -n : n;
    if (count == 0)
        return PyLong_FromLong(0);
    size_t nbytes = ((size_t)count * 15 + 7) / 8 + 1;
    unsigned char *bytes = PyMem_Calloc(nbytes, 1);
    if (bytes == NULL)
        return PyErr_NoMemory();
    size_t bit = 0;
    int last = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        const unsigned char *p = kr_mr_bytes(r, 2);
        if (p == NULL) {
            PyMem_Free(bytes);
            return NULL;
        }
        int d = p[0] | (p[1] << 8);
        if (d > 0x7FFF) {
            PyMem_Free(bytes);
            return kr_mr_bad("digit out of range in long");
        }
        for (int b = 0; b < 15; b++, bit++)
            if (d & (1 << b))
                bytes[bit / 8] |= (unsigned char)(1u << (bit % 8));
        last = d;
    }
    if (last == 0) {
        PyMem_Free(bytes);
        return kr_mr_bad("unnormalized long data");
    }
    PyObject *v = _PyLong_FromByteArray(bytes, nbytes, 1, 0);
    PyMem_Free(bytes);
    if (v != NULL && n < 0)
        Py_SETREF(v, PyNumber_Negative(v));
    return v;
}

static int kr_mr_float(kr_mr *r, int binary, double *out)
{
    if (binary) {
        const unsigned char *p = kr_mr_bytes(r, 8);
        if (p == NULL)
            return -1;
        *out = PyFloat_Unpack8((const char *)p, 1);
        return *out == -1.0 && PyErr_Occurred() ? -1 : 0;
    }
    int n = kr_mr_byte(r);
    if (n < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
        return -1;
    }
    const unsigned char *p = kr_mr_bytes(r, n);
    if (p == NULL)
        return -1;
    char buf[256];
    memcpy(buf, p, (size_t)n);
    buf[n] = '\0';
    *out = PyOS_string_to_double(buf, NULL, NULL);
    return *out == -1.0 && PyErr_Occurred() ? -1 : 0;
}

static PyObject *kr_mr_object(kr_mr *r);

/* Record v (borrowed) when its type byte carried FLAG_REF. */
static PyObject *kr_mr_ref(kr_mr *r, PyObject *v, int flag)
{
    if (v != NULL && flag && PyList_Append(r->refs, v) < 0) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *kr_mr_str(kr_mr *r, int code, int flag)
{
    Py_ssize_t n;
    if (code == KR_M_SHORT_ASCII || code == KR_M_SHORT_ASCII_INTERNED) {
        int b = kr_mr_byte(r);
        if (b < 0)
            return NULL;
        n = b;
    } else if (kr_mr_size(r, &n, "string size out of range") < 0)
        return NULL;
    const unsigned char *p = kr_mr_bytes(r, n);
    if (p == NULL)
        return NULL;
    PyObject *v;
    if (code == KR_M_UNICODE || code == KR_M_INTERNED)
        v = PyUnicode_DecodeUTF8((const char *)p, n, "surrogatepass");
    else
        v = PyUnicode_DecodeASCII((const char *)p, n, NULL);
    if (v != NULL && (code == KR_M_INTERNED || code == KR_M_ASCII_INTERNED ||
                      code == KR_M_SHORT_ASCII_INTERNED))
        PyUnicode_InternInPlace(&v);
    return kr_mr_ref(r, v, flag);
}

/* Read n items into a list, tuple (fill) or set (add). */
static int kr_mr_items(kr_mr *r, PyObject *c, Py_ssize_t n, int kind)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = kr_mr_object(r);
        if (item == NULL) {
            if (!PyErr_Occurred())
                kr_mr_bad("NULL object in marshal data for object");
            return -1;
        }
        if (kind == 't')
            PyTuple_SET_ITEM(c, i, item);
        else if (kind == 'l')
            PyList_SET_ITEM(c, i, item);
        else {
            int rc = PySet_Add(c, item);
            Py_DECREF(item);
            if (rc < 0)
                return -1;
        }
    }
    return 0;
}

static PyObject *kr_mr_container(kr_mr *r, int code, int flag)
{
    Py_ssize_t n;
    PyObject *v;
    switch (code) {
    case KR_M_SMALL_TUPLE:
    case KR_M_TUPLE:
        if (code == KR_M_SMALL_TUPLE) {
            int b = kr_mr_byte(r);
            if (b < 0)
                return NULL;
            n = b;
        } else if (kr_mr_size(r, &n, "tuple size out of range") < 0)
            return NULL;
        if ((v = kr_mr_ref(r, PyTuple_New(n), flag)) == NULL)
            return NULL;
        if (kr_mr_items(r, v, n, 't') < 0)
            Py_CLEAR(v);
        return v;
    case KR_M_LIST:
        if (kr_mr_size(r, &n, "list size out of range") < 0)
            return NULL;
        if ((v = kr_mr_ref(r, PyList_New(n), flag)) == NULL)
            return NULL;
        if (kr_mr_items(r, v, n, 'l') < 0)
            Py_CLEAR(v);
        return v;
    case KR_M_SET:
    case KR_M_FROZENSET: {
        if (kr_mr_size(r, &n, "set size out of range") < 0)
            return NULL;
        Py_ssize_t slot = -1;
        if (code == KR_M_FROZENSET && flag) {
            /* reserve the reference index: a frozenset is made whole */
            slot = PyList_GET_SIZE(r->refs);
            if (PyList_Append(r->refs, Py_None) < 0)
                return NULL;
            flag = 0;
        }
        v = code == KR_M_SET ? PySet_New(NULL) : PyFrozenSet_New(NULL);
        if ((v = kr_mr_ref(r, v, flag)) == NULL)
            return NULL;
        if (kr_mr_items(r, v, n, 's') < 0) {
            Py_DECREF(v);
            return NULL;
        }
        if (slot >= 0 && PyList_SetItem(r->refs, slot, Py_NewRef(v)) < 0) {
            Py_DECREF(v);
            return NULL;
        }
        return v;
    }
    default: /* KR_M_DICT */
        if ((v = kr_mr_ref(r, PyDict_New(), flag)) == NULL)
            return NULL;
        for (;;) {
            PyObject *key = kr_mr_object(r);
            if (key == NULL)
                break;
            PyObject *val = kr_mr_object(r);
            if (val == NULL) {
                Py_DECREF(key);
                break;
            }
            int rc = PyDict_SetItem(v, key, val);
            Py_DECREF(key);
            Py_DECREF(val);
            if (rc < 0)
                break;
        }
        if (PyErr_Occurred())
            Py_CLEAR(v);
        return v;
    }
}

/* New reference; NULL without an exception means TYPE_NULL (the end of a
 * dict). */
static PyObject *kr_mr_object_inner(kr_mr *r)
{
    int code = kr_mr_byte(r);
    if (code < 0) {
        if (PyErr_ExceptionMatches(PyExc_EOFError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
        }
        return NULL;
    }
    int flag = code & KR_M_FLAG_REF;
    code &= ~KR_M_FLAG_REF;
    long x;
    double d, im;
    switch (code) {
    case KR_M_NULL:
        return NULL;
    case KR_M_NONE:
        return Py_NewRef(Py_None);
    case KR_M_STOPITER:
        return Py_NewRef(PyExc_StopIteration);
    case KR_M_ELLIPSIS:
        return Py_NewRef(Py_Ellipsis);
    case KR_M_FALSE:
        return Py_NewRef(Py_False);
    case KR_M_TRUE:
        return Py_NewRef(Py_True);
    case KR_M_INT:
        if (kr_mr_long(r, &x) < 0)
            return NULL;
        return kr_mr_ref(r, PyLong_FromLong(x), flag);
    case KR_M_LONG:
        return kr_mr_ref(r, kr_mr_pylong(r), flag);
    case KR_M_FLOAT:
    case KR_M_BINARY_FLOAT:
        if (kr_mr_float(r, code == KR_M_BINARY_FLOAT, &d) < 0)
            return NULL;
        return kr_mr_ref(r, PyFloat_FromDouble(d), flag);
    case KR_M_COMPLEX:
    case KR_M_BINARY_COMPLEX:
        if (kr_mr_float(r, code == KR_M_BINARY_COMPLEX, &d) < 0 ||
            kr_mr_float(r, code == KR_M_BINARY_COMPLEX, &im) < 0)
            return NULL;
        return kr_mr_ref(r, PyComplex_FromDoubles(d, im), flag);
    case KR_M_STRING: {
        Py_ssize_t n;
        if (kr_mr_size(r, &n, "bytes object size out of range") < 0)
            return NULL;
        const unsigned char *p = kr_mr_bytes(r, n);
        if (p == NULL)
            return NULL;
        return kr_mr_ref(r, PyBytes_FromStringAndSize((const char *)p, n), flag);
    }
    case KR_M_UNICODE:
    case KR_M_INTERNED:
    case KR_M_ASCII:
    case KR_M_ASCII_INTERNED:
    case KR_M_SHORT_ASCII:
    case KR_M_SHORT_ASCII_INTERNED:
        return kr_mr_str(r, code, flag);
    case KR_M_TUPLE:
    case KR_M_SMALL_TUPLE:
    case KR_M_LIST:
    case KR_M_DICT:
    case KR_M_SET:
    case KR_M_FROZENSET:
        return kr_mr_container(r, code, flag);
    case KR_M_REF: {
        if (kr_mr_long(r, &x) < 0)
            return NULL;
        if (x < 0 || x >= PyList_GET_SIZE(r->refs))
            return kr_mr_bad("invalid reference");
        PyObject *v = PyList_GET_ITEM(r->refs, x);
        if (v == Py_None)
            return kr_mr_bad("invalid reference");
        return Py_NewRef(v);
    }
    default:
        return kr_mr_bad("unknown type code");
    }
}

static PyObject *kr_mr_object(kr_mr *r)
{
    if (++r->depth > KR_M_MAX_DEPTH) {
        r->depth--;
        PyErr_SetString(PyExc_ValueError, "recursion limit exceeded");
        return NULL;
    }
    PyObject *v = kr_mr_object_inner(r);
    r->depth--;
    return v;
}

/* Read one top-level object; TYPE_NULL there is bad data. */
static PyObject *kr_mr_run(kr_mr *r)
{
    r->refs = PyList_New(0);
    PyObject *v = r->refs == NULL ? NULL : kr_mr_object(r);
    if (v == NULL && !PyErr_Occurred())
        PyErr_SetString(PyExc_TypeError, "NULL object in marshal data for object");
    Py_XDECREF(r->refs);
    Py_XDECREF(r->chunk);
    PyMem_Free(r->fbuf);
    return v;
}

PyObject *PyMarshal_ReadObjectFromString(const char *s, Py_ssize_t len)
{
    kr_mr r = {0};
    r.ptr = (const unsigned char *)s;
    r.end = r.ptr + len;
    return kr_mr_run(&r);
}

PyObject *PyMarshal_ReadObjectFromFile(FILE *fp)
{
    kr_mr r = {0};
    r.fp = fp;
    return kr_mr_run(&r);
}

PyObject *PyMarshal_ReadLastObjectFromFile(FILE *fp)
{
    return PyMarshal_ReadObjectFromFile(fp);
}

long PyMarshal_ReadLongFromFile(FILE *fp)
{
    kr_mr r = {0};
    r.fp = fp;
    long x = -1;
    if (kr_mr_long(&r, &x) < 0)
        x = -1;
    PyMem_Free(r.fbuf);
    return x;
}

int PyMarshal_ReadShortFromFile(FILE *fp)
{
    unsigned char b[2];
    if (fread(b, 1, 2, fp) != 2) {
        PyErr_SetString(PyExc_EOFError, "EOF read where not expected");
        return -1;
    }
    return (int)(int16_t)(uint16_t)(b[0] | (b[1] << 8));
}

/* ================= the module ================= */

static int kr_marshal_version(PyObject *const *args, Py_ssize_t nargs,
                              Py_ssize_t at, int *version)
{
    *version = Py_MARSHAL_VERSION;
    if (nargs <= at)
        return 0;
    if (PyFloat_Check(args[at])) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    int overflow;
    long v = PyLong_AsLongAndOverflow(args[at], &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow || v > INT32_MAX || v < INT32_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *version = (int)v;
    return 0;
}

static PyObject *kr_marshal_dumps(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    int version;
    if (!_PyArg_CheckPositional("dumps", nargs, 1, 2) ||
        kr_marshal_version(args, nargs, 1, &version) < 0)
        return NULL;
    return kr_marshal_dumps_impl(args[0], version);
}

static PyObject *kr_marshal_dump(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    int version;
    if (!_PyArg_CheckPositional("dump", nargs, 2, 3) ||
        kr_marshal_version(args, nargs, 2, &version) < 0)
        return NULL;
    PyObject *b = kr_marshal_dumps_impl(args[0], version);
    if (b == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(args[1], "write", "O", b);
    Py_DECREF(b);
    return res;
}

static PyObject *kr_marshal_loads(PyObject *m, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyObject *v = PyMarshal_ReadObjectFromString(view.buf, view.len);
    PyBuffer_Release(&view);
    return v;
}

static PyObject *kr_marshal_load(PyObject *m, PyObject *file)
{
    kr_mr r = {0};
    r.readable = file;
    return kr_mr_run(&r);
}

static PyMethodDef kr_marshal_methods[] = {
    {"dump", (PyCFunction)(void (*)(void))kr_marshal_dump, METH_FASTCALL,
     "Write the value on the open file.\n\n  value\n    Must be a supported type.\n  file\n"
     "    Must be a writeable binary file.\n  version\n    Indicates the data format that dump should use.\n\n"
     "If the value has (or contains an object that has) an unsupported type, a\n"
     "ValueError exception is raised - but garbage data will also be written\n"
     "to the file. The object will not be properly read back by load()."},
    {"load", kr_marshal_load, METH_O,
     "Read one value from the open file and return it.\n\n  file\n    Must be readable binary file.\n\n"
     "If no valid value is read (e.g. because the data has a different Python\n"
     "version's incompatible marshal format), raise EOFError, ValueError or\n"
     "TypeError.\n\nNote: If an object containing an unsupported type was marshalled with\n"
     "dump(), load() will substitute None for the unmarshallable type."},
    {"dumps", (PyCFunction)(void (*)(void))kr_marshal_dumps, METH_FASTCALL,
     "Return the bytes object that would be written to a file by dump(value, file).\n\n"
     "  value\n    Must be a supported type.\n  version\n    Indicates the data format that dumps should use.\n\n"
     "Raise a ValueError exception if value has (or contains an object that has) an\nunsupported type."},
    {"loads", kr_marshal_loads, METH_O,
     "Convert the bytes-like object to a value.\n\n"
     "If no valid value is found, raise EOFError, ValueError or TypeError.  Extra\n"
     "bytes in the input are ignored."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef kr_marshal_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "marshal",
    .m_doc = "This module contains functions that can read and write Python values in\n"
             "a binary format. The format is specific to Python, but independent of\n"
             "machine architecture issues.",
    .m_size = -1,
    .m_methods = kr_marshal_methods,
};

PyObject *PyInit_marshal(void)
{
    PyObject *m = PyModule_Create(&kr_marshal_def);
    if (m != NULL && PyModule_AddIntConstant(m, "version", Py_MARSHAL_VERSION) < 0)
        Py_CLEAR(m);
    return m;
}

PyObject *PyMarshal_Init(void) { return PyInit_marshal(); }
