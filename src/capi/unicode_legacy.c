/* unicode_legacy.c: str C API that CPython 3.11 still exports but Krait's
 * str area does not cover: the deprecated wchar_t views
 * (PyUnicode_AsUnicode*), the UTF-7 decoder, and the charmap encoding map
 * builder.  Declared in include/capi_legacy.h. */
#include "internal.h"
#include <string.h>

/* ---- wchar_t views ----
 * wchar_t is UCS-4 on this platform, so a UCS-4 string's own data is the
 * view.  Narrower strings get a NUL-terminated copy cached in the
 * PyASCIIObject's wstr field (the 3.11 layout has it; the str area leaves
 * it NULL), made once per object. */

Py_UNICODE *PyUnicode_AsUnicodeAndSize(PyObject *unicode, Py_ssize_t *size)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyASCIIObject *a = (PyASCIIObject *)unicode;
    Py_ssize_t n = PyUnicode_GET_LENGTH(unicode);
    if (size != NULL)
        *size = n;
    if (PyUnicode_KIND(unicode) == PyUnicode_4BYTE_KIND)
        return (Py_UNICODE *)PyUnicode_DATA(unicode);
    if (a->wstr == NULL) {
        wchar_t *w = PyObject_Malloc((size_t)(n + 1) * sizeof(wchar_t));
        if (w == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        int kind = PyUnicode_KIND(unicode);
        const void *data = PyUnicode_DATA(unicode);
        for (Py_ssize_t i = 0; i < n; i++)
            w[i] = (wchar_t)PyUnicode_READ(kind, data, i);
        w[n] = 0;
        a->wstr = w;
        if (!PyUnicode_IS_ASCII(unicode))
            ((PyCompactUnicodeObject *)unicode)->wstr_length = n;
    }
    return a->wstr;
}

Py_UNICODE *PyUnicode_AsUnicode(PyObject *unicode)
{
    return PyUnicode_AsUnicodeAndSize(unicode, NULL);
}

/* ---- UTF-7 (RFC 2152) decoding ---- */

static int kr_utf7_b64(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

typedef struct {
    Py_UCS4 *buf;
    Py_ssize_t len, cap;
} kr_ucs4buf;

static int kr_ucs4buf_put(kr_ucs4buf *b, Py_UCS4 ch)
{
    if (b->len == b->cap) {
        Py_ssize_t cap = b->cap ? b->cap * 2 : 64;
        Py_UCS4 *nb = PyMem_Realloc(b->buf, (size_t)cap * sizeof(Py_UCS4));
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->buf = nb;
        b->cap = cap;
    }
    b->buf[b->len++] = ch;
    return 0;
}

/* Run the error handler over input[start:end]; append its replacement and
 * move *pos to where decoding resumes. */
static int kr_utf7_error(const char *errors, const char *s, Py_ssize_t size, Py_ssize_t start,
                         Py_ssize_t end, const char *reason, kr_ucs4buf *out, Py_ssize_t *pos)
{
    PyObject *handler = PyCodec_LookupError(errors != NULL ? errors : "strict");
    if (handler == NULL)
        return -1;
    PyObject *exc = PyUnicodeDecodeError_Create("utf-7", s, size, start, end, reason);
    if (exc == NULL) {
        Py_DECREF(handler);
        return -1;
    }
    PyObject *res = PyObject_CallOneArg(handler, exc);
    Py_DECREF(handler);
    Py_DECREF(exc);
    if (res == NULL)
        return -1;
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2 ||
        !PyUnicode_Check(PyTuple_GET_ITEM(res, 0)) || !PyLong_Check(PyTuple_GET_ITEM(res, 1))) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_TypeError, "decoding error handler must return (str, int) tuple");
        return -1;
    }
    PyObject *rep = PyTuple_GET_ITEM(res, 0);
    Py_ssize_t newpos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    if (newpos < 0)
        newpos += size;
    if (newpos < 0 || newpos > size) {
        Py_DECREF(res);
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_IndexError, "position %zd from error handler out of bounds", newpos);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(rep); i++)
        if (kr_ucs4buf_put(out, PyUnicode_READ_CHAR(rep, i)) < 0) {
            Py_DECREF(res);
            return -1;
        }
    Py_DECREF(res);
    *pos = newpos;
    return 0;
}

PyObject *PyUnicode_DecodeUTF7Stateful(const char *s, Py_ssize_t size, const char *errors,
                                       Py_ssize_t *consumed)
{
    kr_ucs4buf out = {NULL, 0, 0};
    const unsigned char *u = (const unsigned char *)s;
    Py_ssize_t i = 0, shift_start = 0, shift_out = 0;
    int in_shift = 0, bits = 0;
    uint32_t acc = 0;
    Py_UCS4 pending_high = 0;
    const char *reason;
    Py_ssize_t err_start;

    while (i < size) {
        unsigned char c = u[i];
        if (in_shift) {
            int v = kr_utf7_b64(c);
            if (v >= 0) {
                acc = (acc << 6) | (uint32_t)v;
                bits += 6;
                i++;
                if (bits >= 16) {
                    Py_UCS4 unit = (acc >> (bits - 16)) & 0xFFFF;
                    bits -= 16;
                    acc &= (1u << bits) - 1;
                    if (pending_high) {
                        if (Py_UNICODE_IS_LOW_SURROGATE(unit)) {
                            if (kr_ucs4buf_put(&out, Py_UNICODE_JOIN_SURROGATES(pending_high, unit)) < 0)
                                goto fail;
                            pending_high = 0;
                            continue;
                        }
                        if (kr_ucs4buf_put(&out, pending_high) < 0)
                            goto fail;
                        pending_high = 0;
                    }
                    if (Py_UNICODE_IS_HIGH_SURROGATE(unit))
                        pending_high = unit;
                    else if (kr_ucs4buf_put(&out, unit) < 0)
                        goto fail;
                }
                continue;
            }
            /* the shift sequence ends */
            in_shift = 0;
            if (bits >= 6) {
                err_start = shift_start;
                reason = "partial character in shift sequence";
                i++;
                goto error;
            }
            if (bits > 0 && acc != 0) {
                err_start = shift_start;
                reason = "non-zero padding bits in shift sequence";
                i++;
                goto error;
            }
            if (pending_high) {
                if (kr_ucs4buf_put(&out, pending_high) < 0)
                    goto fail;
                pending_high = 0;
            }
            if (c == '-') {
                i++;
                continue;
            }
            /* otherwise c is read again as a direct character */
        }
        if (c == '+') {
            err_start = i;
            i++;
            if (i < size && u[i] == '-') {
                i++;
                if (kr_ucs4buf_put(&out, '+') < 0)
                    goto fail;
            } else if (i < size && kr_utf7_b64(u[i]) < 0) {
                i++;
                reason = "ill-formed sequence";
                goto error;
            } else {
                in_shift = 1;
                shift_start = err_start;
                shift_out = out.len;
                bits = 0;
                acc = 0;
                pending_high = 0;
            }
            continue;
        }
        if (c < 128) {
            if (kr_ucs4buf_put(&out, c) < 0)
                goto fail;
            i++;
            continue;
        }
        err_start = i;
        i++;
        reason = "unexpected special character";
    error:
        if (kr_utf7_error(errors, s, size, err_start, i, reason, &out, &i) < 0)
            goto fail;
    }
    if (in_shift) {
        if (consumed != NULL) {
            /* stateful: leave the open shift sequence for the next call */
            *consumed = shift_start;
            out.len = shift_out;
        } else if (pending_high || bits >= 6 || (bits > 0 && acc != 0)) {
            Py_ssize_t end = size;
            if (kr_utf7_error(errors, s, size, shift_start, end, "unterminated shift sequence", &out, &end) < 0)
                goto fail;
        }
    } else if (consumed != NULL)
        *consumed = size;
    PyObject *res = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out.buf, out.len);
    PyMem_Free(out.buf);
    return res;
fail:
    PyMem_Free(out.buf);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF7(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_DecodeUTF7Stateful(s, size, errors, NULL);
}

/* ---- charmap ----
 * The inverse of a decoding table: {code point: byte}.  CPython returns a
 * compact EncodingMap object for 256-entry tables; a dict is accepted by
 * every charmap encoder as the same mapping. */
PyObject *PyUnicode_BuildEncodingMap(PyObject *string)
{
    if (!PyUnicode_Check(string)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(string); i++) {
        PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(string, i));
        PyObject *v = PyLong_FromSsize_t(i);
        int r = k == NULL || v == NULL ? -1 : PyDict_SetItem(d, k, v);
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (r < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}
