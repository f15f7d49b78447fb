/* unicode_codecs.c: the standard codecs written in C — utf-8, ascii,
 * latin-1, utf-16 and utf-32 (with or without BOM, -le/-be),
 * unicode_escape and raw_unicode_escape — and PyUnicode_Decode /
 * PyUnicode_AsEncodedString, which dispatch on the normalised encoding
 * name and fall back to the codec registry (codecs_builtin.c).
 *
 * Errors.  An encoder finds the maximal run of characters it cannot
 * encode, a decoder the byte range of one malformed sequence; both then
 * build the UnicodeEncodeError / UnicodeDecodeError CPython would, raise
 * it for "strict", and otherwise hand it to the error handler looked up
 * by name (the standard handlers live in codecs_builtin.c and read the
 * same exception objects), continuing at the position it returns.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

/* ------------------------------------------------------------------ */
/* A growable byte buffer for encoders (PyMem). */

typedef struct {
    char *buf;
    Py_ssize_t len, cap;
} kr_bytebuf;

static int kr_bb_reserve(kr_bytebuf *b, Py_ssize_t extra)
{
    if (extra > PY_SSIZE_T_MAX - b->len) {
        PyErr_NoMemory();
        return -1;
    }
    if (b->len + extra <= b->cap)
        return 0;
    Py_ssize_t ncap = b->cap ? b->cap : 64;
    while (ncap < b->len + extra)
        ncap = ncap > PY_SSIZE_T_MAX / 2 ? b->len + extra : ncap * 2;
    char *n = PyMem_Realloc(b->buf, (size_t)ncap + 1);
    if (n == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = n;
    b->cap = ncap;
    return 0;
}

static int kr_bb_put(kr_bytebuf *b, const void *p, Py_ssize_t n)
{
    if (kr_bb_reserve(b, n) < 0)
        return -1;
    memcpy(b->buf + b->len, p, (size_t)n);
    b->len += n;
    return 0;
}

static PyObject *kr_bb_finish(kr_bytebuf *b)
{
    PyObject *r = PyBytes_FromStringAndSize(b->buf ? b->buf : "", b->len);
    PyMem_Free(b->buf);
    b->buf = NULL;
    return r;
}

static void kr_bb_free(kr_bytebuf *b)
{
    PyMem_Free(b->buf);
    b->buf = NULL;
}

/* ------------------------------------------------------------------ */
/* Error handling shared by every codec */

static int kr_is_strict(const char *errors)
{
    return errors == NULL || strcmp(errors, "strict") == 0;
}

static void kr_raise_exc(PyObject *exc)
{
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
}

/* Creates or updates *EXC, a UnicodeEncodeError for STR[start:end). */
static int kr_make_encode_exc(PyObject **exc, const char *encoding, PyObject *str, Py_ssize_t start,
                              Py_ssize_t end, const char *reason)
{
    if (*exc == NULL) {
        *exc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", encoding, str, start, end, reason);
        return *exc == NULL ? -1 : 0;
    }
    if (PyUnicodeEncodeError_SetStart(*exc, start) < 0 || PyUnicodeEncodeError_SetEnd(*exc, end) < 0 ||
        PyUnicodeEncodeError_SetReason(*exc, reason) < 0)
        return -1;
    return 0;
}

/* Calls the ERRORS handler for an unencodable run.  Returns the
 * replacement (str or bytes, new reference) and sets *newpos; NULL with an
 * exception set on error (including "strict"). */
static PyObject *kr_encode_error(const char *errors, const char *encoding, const char *reason, PyObject *str,
                                 PyObject **exc, Py_ssize_t start, Py_ssize_t end, Py_ssize_t *newpos)
{
    PyObject *handler, *res, *repl;
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), pos;
    if (kr_make_encode_exc(exc, encoding, str, start, end, reason) < 0)
        return NULL;
    if (kr_is_strict(errors)) {
        kr_raise_exc(*exc);
        return NULL;
    }
    handler = PyCodec_LookupError(errors);
    if (handler == NULL)
        return NULL;
    res = PyObject_CallOneArg(handler, *exc);
    Py_DECREF(handler);
    if (res == NULL)
        return NULL;
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2 ||
        !(PyUnicode_Check(PyTuple_GET_ITEM(res, 0)) || kr_is_bytes(PyTuple_GET_ITEM(res, 0))) ||
        !PyLong_Check(PyTuple_GET_ITEM(res, 1))) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_TypeError, "encoding error handler must return (str/bytes, int) tuple");
        return NULL;
    }
    pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    if (pos == -1 && PyErr_Occurred()) {
        Py_DECREF(res);
        return NULL;
    }
    if (pos < 0)
        pos += len;
    if (pos < 0 || pos > len) {
        Py_DECREF(res);
        PyErr_Format(PyExc_IndexError, "position %zd from error handler out of bounds", pos);
        return NULL;
    }
    repl = Py_NewRef(PyTuple_GET_ITEM(res, 0));
    Py_DECREF(res);
    *newpos = pos;
    return repl;
}

/* Decoding context: the input, and the exception reused across errors. */
typedef struct {
    const char *encoding;
    const char *errors;
    const char *s;
    Py_ssize_t size;
    PyObject *exc;
} kr_decoder;

/* Handles the malformed input s[start:end): appends the replacement to
 * W and returns the position to continue at, or -1 on error. */
static Py_ssize_t kr_decode_error(kr_decoder *d, _PyUnicodeWriter *w, Py_ssize_t start, Py_ssize_t end,
                                  const char *reason)
{
    PyObject *handler, *res;
    Py_ssize_t pos;
    if (d->exc == NULL) {
        PyObject *bytes = PyBytes_FromStringAndSize(d->s, d->size);
        if (bytes == NULL)
            return -1;
        d->exc = PyObject_CallFunction(PyExc_UnicodeDecodeError, "sOnns", d->encoding, bytes, start, end, reason);
        Py_DECREF(bytes);
        if (d->exc == NULL)
            return -1;
    }
    else if (PyUnicodeDecodeError_SetStart(d->exc, start) < 0 || PyUnicodeDecodeError_SetEnd(d->exc, end) < 0 ||
             PyUnicodeDecodeError_SetReason(d->exc, reason) < 0)
        return -1;
    if (kr_is_strict(d->errors)) {
        kr_raise_exc(d->exc);
        return -1;
    }
    if (strcmp(d->errors, "ignore") == 0)
        return end;
    if (strcmp(d->errors, "replace") == 0)
        return _PyUnicodeWriter_WriteChar(w, 0xFFFD) < 0 ? -1 : end;
    handler = PyCodec_LookupError(d->errors);
    if (handler == NULL)
        return -1;
    res = PyObject_CallOneArg(handler, d->exc);
    Py_DECREF(handler);
    if (res == NULL)
        return -1;
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2 || !PyUnicode_Check(PyTuple_GET_ITEM(res, 0)) ||
        !PyLong_Check(PyTuple_GET_ITEM(res, 1))) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_TypeError, "decoding error handler must return (str, int) tuple");
        return -1;
    }
    pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    if (pos == -1 && PyErr_Occurred()) {
        Py_DECREF(res);
        return -1;
    }
    if (pos < 0)
        pos += d->size;
    if (pos < 0 || pos > d->size) {
        Py_DECREF(res);
        PyErr_Format(PyExc_IndexError, "position %zd from error handler out of bounds", pos);
        return -1;
    }
    if (_PyUnicodeWriter_WriteStr(w, PyTuple_GET_ITEM(res, 0)) < 0) {
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return pos;
}

static void kr_decoder_done(kr_decoder *d)
{
    Py_CLEAR(d->exc);
}

/* ------------------------------------------------------------------ */
/* Generic character encoder: ENC writes the bytes of one character and
 * returns their number, or -1 if the codec cannot encode it. */

typedef int (*kr_char_encoder)(Py_UCS4 c, unsigned char *out);

static int kr_enc_utf8(Py_UCS4 c, unsigned char *o)
{
    if (c < 0x80) { o[0] = (unsigned char)c; return 1; }
    if (c < 0x800) { o[0] = (unsigned char)(0xC0 | (c >> 6)); o[1] = (unsigned char)(0x80 | (c & 0x3F)); return 2; }
    if (Py_UNICODE_IS_SURROGATE(c))
        return -1;
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

static int kr_enc_latin1(Py_UCS4 c, unsigned char *o) { if (c >= 256) return -1; o[0] = (unsigned char)c; return 1; }
static int kr_enc_ascii(Py_UCS4 c, unsigned char *o) { if (c >= 128) return -1; o[0] = (unsigned char)c; return 1; }

static void kr_put16(unsigned char *o, unsigned v, int be)
{
    if (be) { o[0] = (unsigned char)(v >> 8); o[1] = (unsigned char)v; }
    else { o[0] = (unsigned char)v; o[1] = (unsigned char)(v >> 8); }
}

static int kr_enc_utf16(Py_UCS4 c, unsigned char *o, int be)
{
    if (Py_UNICODE_IS_SURROGATE(c))
        return -1;
    if (c < 0x10000) {
        kr_put16(o, c, be);
        return 2;
    }
    kr_put16(o, Py_UNICODE_HIGH_SURROGATE(c), be);
    kr_put16(o + 2, Py_UNICODE_LOW_SURROGATE(c), be);
    return 4;
}
static int kr_enc_utf16le(Py_UCS4 c, unsigned char *o) { return kr_enc_utf16(c, o, 0); }
static int kr_enc_utf16be(Py_UCS4 c, unsigned char *o) { return kr_enc_utf16(c, o, 1); }

static int kr_enc_utf32(Py_UCS4 c, unsigned char *o, int be)
{
    if (Py_UNICODE_IS_SURROGATE(c))
        return -1;
    for (int i = 0; i < 4; i++)
        o[be ? 3 - i : i] = (unsigned char)(c >> (8 * i));
    return 4;
}
static int kr_enc_utf32le(Py_UCS4 c, unsigned char *o) { return kr_enc_utf32(c, o, 0); }
static int kr_enc_utf32be(Py_UCS4 c, unsigned char *o) { return kr_enc_utf32(c, o, 1); }

/* UNIT is the code unit size: 1 for the byte codecs, which report the
 * whole run of unencodable characters at once; 2 or 4 for UTF-16/32,
 * which report one character at a time and accept only bytes
 * replacements that are whole code units. */
static int kr_encode_loop(kr_bytebuf *b, PyObject *str, const char *encoding, const char *errors,
                          const char *reason, kr_char_encoder enc, int maxbytes, int unit)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), i = 0;
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    PyObject *exc = NULL;
    unsigned char tmp[4];

    if (kr_bb_reserve(b, len) < 0)
        return -1;
    while (i < len) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int n = enc(c, tmp);
        if (n > 0) {
            if (b->cap - b->len < maxbytes && kr_bb_reserve(b, maxbytes + (len - i)) < 0)
                goto fail;
            memcpy(b->buf + b->len, tmp, (size_t)n);
            b->len += n;
            i++;
            continue;
        }
        Py_ssize_t end = i + 1, newpos;
        while (unit == 1 && end < len && enc(PyUnicode_READ(kind, data, end), tmp) < 0)
            end++;
        if (errors != NULL && strcmp(errors, "ignore") == 0) {
            i = end;
            continue;
        }
        if (errors != NULL && strcmp(errors, "replace") == 0) {
            int m = enc('?', tmp);
            for (Py_ssize_t k = i; k < end; k++)
                if (kr_bb_put(b, tmp, m) < 0)
                    goto fail;
            i = end;
            continue;
        }
        PyObject *repl = kr_encode_error(errors, encoding, reason, str, &exc, i, end, &newpos);
        if (repl == NULL)
            goto fail;
        if (kr_is_bytes(repl)) {
            if (Py_SIZE(repl) % unit != 0) {
                Py_DECREF(repl);
                kr_make_encode_exc(&exc, encoding, str, i, end, reason);
                kr_raise_exc(exc);
                goto fail;
            }
            if (kr_bb_put(b, kr_bytes_data(repl), Py_SIZE(repl)) < 0) {
                Py_DECREF(repl);
                goto fail;
            }
        }
        else {
            int rk = PyUnicode_KIND(repl);
            for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(repl); k++) {
                int m = enc(PyUnicode_READ(rk, PyUnicode_DATA(repl), k), tmp);
                if (m < 0) {
                    /* the replacement itself is unencodable */
                    Py_DECREF(repl);
                    kr_make_encode_exc(&exc, encoding, str, i, end, reason);
                    kr_raise_exc(exc);
                    goto fail;
                }
                if (kr_bb_put(b, tmp, m) < 0) {
                    Py_DECREF(repl);
                    goto fail;
                }
            }
        }
        Py_DECREF(repl);
        i = newpos;
    }
    Py_XDECREF(exc);
    return 0;
fail:
    Py_XDECREF(exc);
    return -1;
}

static PyObject *kr_encode_with(PyObject *str, const char *encoding, const char *errors, const char *reason,
                                kr_char_encoder enc, int maxbytes, const char *bom, int bomlen, int unit)
{
    kr_bytebuf b = {NULL, 0, 0};
    if (bomlen && kr_bb_put(&b, bom, bomlen) < 0)
        return NULL;
    if (kr_encode_loop(&b, str, encoding, errors, reason, enc, maxbytes, unit) < 0) {
        kr_bb_free(&b);
        return NULL;
    }
    return kr_bb_finish(&b);
}

/* ------------------------------------------------------------------ */
/* UTF-8 */

char *kr_str_utf8_encode_raw(PyObject *str, Py_ssize_t *size, const char *errors)
{
    kr_bytebuf b = {NULL, 0, 0};
    char *r;
    if (PyUnicode_IS_ASCII(str)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(str);
        r = PyObject_Malloc((size_t)n + 1);
        if (r == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        memcpy(r, PyUnicode_DATA(str), (size_t)n + 1);
        *size = n;
        return r;
    }
    if (kr_encode_loop(&b, str, "utf-8", errors, "surrogates not allowed", kr_enc_utf8, 4, 1) < 0) {
        kr_bb_free(&b);
        return NULL;
    }
    r = PyObject_Malloc((size_t)b.len + 1);
    if (r == NULL) {
        kr_bb_free(&b);
        PyErr_NoMemory();
        return NULL;
    }
    if (b.len)
        memcpy(r, b.buf, (size_t)b.len);
    r[b.len] = '\0';
    *size = b.len;
    kr_bb_free(&b);
    return r;
}

PyObject *_PyUnicode_AsUTF8String(PyObject *str, const char *errors)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (PyUnicode_IS_ASCII(str))
        return PyBytes_FromStringAndSize(PyUnicode_DATA(str), PyUnicode_GET_LENGTH(str));
    if (kr_is_strict(errors) && ((PyCompactUnicodeObject *)str)->utf8 != NULL)
        return PyBytes_FromStringAndSize(((PyCompactUnicodeObject *)str)->utf8,
                                         ((PyCompactUnicodeObject *)str)->utf8_length);
    return kr_encode_with(str, "utf-8", errors, "surrogates not allowed", kr_enc_utf8, 4, NULL, 0, 1);
}

PyObject *PyUnicode_AsUTF8String(PyObject *str)
{
    return _PyUnicode_AsUTF8String(str, NULL);
}

enum { KR_U8_OK, KR_U8_BAD_START, KR_U8_BAD_CONT, KR_U8_EOF };

/* Examines the sequence at P.  On success returns KR_U8_OK with *len and
 * *ch set; otherwise the error kind with *len the byte range to report. */
static int kr_utf8_seq(const unsigned char *p, const unsigned char *end, Py_UCS4 *ch, int *len)
{
    unsigned c = p[0];
    int n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) { *ch = c; *len = 1; return KR_U8_OK; }
    if (c < 0xC2 || c > 0xF4) { *len = 1; return KR_U8_BAD_START; }
    if (c < 0xE0) { n = 2; *ch = c & 0x1F; }
    else if (c < 0xF0) {
        n = 3; *ch = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        else if (c == 0xED) hi = 0x9F;
    }
    else {
        n = 4; *ch = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;
    }
    for (int k = 1; k < n; k++) {
        if (p + k >= end) {
            *len = (int)(end - p);
            return KR_U8_EOF;
        }
        unsigned b = p[k];
        if (b < lo || b > hi) {
            *len = k;
            return KR_U8_BAD_CONT;
        }
        lo = 0x80;
        hi = 0xBF;
        *ch = (*ch << 6) | (b & 0x3F);
    }
    *len = n;
    return KR_U8_OK;
}

static const char *const kr_u8_reasons[] = {NULL, "invalid start byte", "invalid continuation byte",
                                            "unexpected end of data"};

PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors, Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + size;
    Py_ssize_t i, nchars = 0;
    Py_UCS4 maxchar = 0, ch;
    int len, st;

    if (size == 0) {
        if (consumed)
            *consumed = 0;
        return kr_str_empty();
    }
    /* ASCII fast path */
    for (i = 0; i < size && p[i] < 0x80; i++)
        ;
    if (i == size) {
        if (consumed)
            *consumed = size;
        return kr_str_from_ascii(s, size);
    }
    /* validating pass: if the input is well-formed, decode exactly */
    {
        const unsigned char *q = p;
        while (q < end) {
            st = kr_utf8_seq(q, end, &ch, &len);
            if (st != KR_U8_OK)
                break;
            if (ch > maxchar)
                maxchar = ch;
            nchars++;
            q += len;
        }
        if (q == end) {
            PyObject *r = PyUnicode_New(nchars, maxchar);
            if (r == NULL)
                return NULL;
            int kind = PyUnicode_KIND(r);
            void *data = PyUnicode_DATA(r);
            q = p;
            for (i = 0; i < nchars; i++) {
                kr_utf8_seq(q, end, &ch, &len);
                PyUnicode_WRITE(kind, data, i, ch);
                q += len;
            }
            if (consumed)
                *consumed = size;
            if (nchars == 1) {
                Py_DECREF(r);
                return kr_str_char(ch);
            }
            return r;
        }
    }
    /* slow path with error handling */
    _PyUnicodeWriter w;
    kr_decoder d = {"utf-8", errors, s, size, NULL};
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    i = 0;
    while (i < size) {
        st = kr_utf8_seq(p + i, end, &ch, &len);
        if (st == KR_U8_OK) {
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                goto fail;
            i += len;
            continue;
        }
        if (st == KR_U8_EOF && consumed != NULL)
            break;
        Py_ssize_t np = kr_decode_error(&d, &w, i, i + len, kr_u8_reasons[st]);
        if (np < 0)
            goto fail;
        i = np;
    }
    if (consumed)
        *consumed = i;
    kr_decoder_done(&d);
    return _PyUnicodeWriter_Finish(&w);
fail:
    kr_decoder_done(&d);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
}

/* ------------------------------------------------------------------ */
/* ASCII and Latin-1 */

PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors)
{
    return kr_str_from_latin1((const unsigned char *)s, size);
}

PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i;
    for (i = 0; i < size && p[i] < 0x80; i++)
        ;
    if (i == size)
        return kr_str_from_ascii(s, size);
    _PyUnicodeWriter w;
    kr_decoder d = {"ascii", errors, s, size, NULL};
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    if (_PyUnicodeWriter_WriteASCIIString(&w, s, i) < 0)
        goto fail;
    while (i < size) {
        if (p[i] < 0x80) {
            if (_PyUnicodeWriter_WriteChar(&w, p[i]) < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t np = kr_decode_error(&d, &w, i, i + 1, "ordinal not in range(128)");
        if (np < 0)
            goto fail;
        i = np;
    }
    kr_decoder_done(&d);
    return _PyUnicodeWriter_Finish(&w);
fail:
    kr_decoder_done(&d);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *_PyUnicode_AsLatin1String(PyObject *str, const char *errors)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (PyUnicode_KIND(str) == PyUnicode_1BYTE_KIND)
        return PyBytes_FromStringAndSize(PyUnicode_DATA(str), PyUnicode_GET_LENGTH(str));
    return kr_encode_with(str, "latin-1", errors, "ordinal not in range(256)", kr_enc_latin1, 1, NULL, 0, 1);
}

PyObject *PyUnicode_AsLatin1String(PyObject *str) { return _PyUnicode_AsLatin1String(str, NULL); }

PyObject *_PyUnicode_AsASCIIString(PyObject *str, const char *errors)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (PyUnicode_IS_ASCII(str))
        return PyBytes_FromStringAndSize(PyUnicode_DATA(str), PyUnicode_GET_LENGTH(str));
    return kr_encode_with(str, "ascii", errors, "ordinal not in range(128)", kr_enc_ascii, 1, NULL, 0, 1);
}

PyObject *PyUnicode_AsASCIIString(PyObject *str) { return _PyUnicode_AsASCIIString(str, NULL); }

/* ------------------------------------------------------------------ */
/* UTF-16 and UTF-32.  byteorder: -1 little, 1 big, 0 detect from a BOM
 * (native little-endian without one). */

static unsigned kr_get16(const unsigned char *p, int be) { return be ? (unsigned)(p[0] << 8 | p[1]) : (unsigned)(p[1] << 8 | p[0]); }

PyObject *PyUnicode_DecodeUTF16Stateful(const char *s, Py_ssize_t size, const char *errors, int *byteorder,
                                        Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    int bo = byteorder ? *byteorder : 0;
    Py_ssize_t i = 0;
    if (bo == 0 && size >= 2) {
        if (p[0] == 0xFF && p[1] == 0xFE) { bo = -1; i = 2; }
        else if (p[0] == 0xFE && p[1] == 0xFF) { bo = 1; i = 2; }
    }
    if (byteorder && bo != 0)
        *byteorder = bo;
    int be = bo > 0;
    const char *encname = be ? "utf-16-be" : "utf-16-le";
    _PyUnicodeWriter w;
    kr_decoder d = {encname, errors, s, size, NULL};
    _PyUnicodeWriter_Init(&w);
    w.min_length = size / 2;
    while (i < size) {
        const char *reason;
        Py_ssize_t errend;
        if (size - i < 2) {
            if (consumed)
                break;
            reason = "truncated data";
            errend = size;
            goto error;
        }
        unsigned u = kr_get16(p + i, be);
        if (!Py_UNICODE_IS_SURROGATE(u)) {
            if (_PyUnicodeWriter_WriteChar(&w, u) < 0)
                goto fail;
            i += 2;
            continue;
        }
        if (Py_UNICODE_IS_LOW_SURROGATE(u)) {
            reason = "illegal encoding";
            errend = i + 2;
            goto error;
        }
        if (size - i < 4) {
            if (consumed)
                break;
            reason = "unexpected end of data";
            errend = size;
            goto error;
        }
        unsigned u2 = kr_get16(p + i + 2, be);
        if (!Py_UNICODE_IS_LOW_SURROGATE(u2)) {
            reason = "illegal UTF-16 surrogate";
            errend = i + 2;
            goto error;
        }
        if (_PyUnicodeWriter_WriteChar(&w, Py_UNICODE_JOIN_SURROGATES(u, u2)) < 0)
            goto fail;
        i += 4;
        continue;
    error:;
        Py_ssize_t np = kr_decode_error(&d, &w, i, errend, reason);
        if (np < 0)
            goto fail;
        i = np;
    }
    if (consumed)
        *consumed = i;
    kr_decoder_done(&d);
    return _PyUnicodeWriter_Finish(&w);
fail:
    kr_decoder_done(&d);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors, int *byteorder)
{
    return PyUnicode_DecodeUTF16Stateful(s, size, errors, byteorder, NULL);
}

PyObject *PyUnicode_DecodeUTF32Stateful(const char *s, Py_ssize_t size, const char *errors, int *byteorder,
                                        Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    int bo = byteorder ? *byteorder : 0;
    Py_ssize_t i = 0;
    if (bo == 0 && size >= 4) {
        if (p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) { bo = -1; i = 4; }
        else if (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) { bo = 1; i = 4; }
    }
    if (byteorder && bo != 0)
        *byteorder = bo;
    int be = bo > 0;
    _PyUnicodeWriter w;
    kr_decoder d = {be ? "utf-32-be" : "utf-32-le", errors, s, size, NULL};
    _PyUnicodeWriter_Init(&w);
    w.min_length = size / 4;
    while (i < size) {
        const char *reason;
        Py_ssize_t errend;
        if (size - i < 4) {
            if (consumed)
                break;
            reason = "truncated data";
            errend = size;
        }
        else {
            Py_UCS4 c = be ? ((Py_UCS4)p[i] << 24 | (Py_UCS4)p[i + 1] << 16 | (Py_UCS4)p[i + 2] << 8 | p[i + 3])
                           : ((Py_UCS4)p[i + 3] << 24 | (Py_UCS4)p[i + 2] << 16 | (Py_UCS4)p[i + 1] << 8 | p[i]);
            if (c <= 0x10FFFF && !Py_UNICODE_IS_SURROGATE(c)) {
                if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                    goto fail;
                i += 4;
                continue;
            }
            reason = c > 0x10FFFF ? "code point not in range(0x110000)"
                                  : "code point in surrogate code point range(0xd800, 0xe000)";
            errend = i + 4;
        }
        Py_ssize_t np = kr_decode_error(&d, &w, i, errend, reason);
        if (np < 0)
            goto fail;
        i = np;
    }
    if (consumed)
        *consumed = i;
    kr_decoder_done(&d);
    return _PyUnicodeWriter_Finish(&w);
fail:
    kr_decoder_done(&d);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors, int *byteorder)
{
    return PyUnicode_DecodeUTF32Stateful(s, size, errors, byteorder, NULL);
}

PyObject *_PyUnicode_EncodeUTF16(PyObject *str, const char *errors, int byteorder)
{
    static const char bom_le[] = "\xff\xfe";
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (byteorder == 0)
        return kr_encode_with(str, "utf-16", errors, "surrogates not allowed", kr_enc_utf16le, 4, bom_le, 2, 2);
    if (byteorder < 0)
        return kr_encode_with(str, "utf-16-le", errors, "surrogates not allowed", kr_enc_utf16le, 4, NULL, 0, 2);
    return kr_encode_with(str, "utf-16-be", errors, "surrogates not allowed", kr_enc_utf16be, 4, NULL, 0, 2);
}

PyObject *PyUnicode_AsUTF16String(PyObject *str) { return _PyUnicode_EncodeUTF16(str, NULL, 0); }

PyObject *_PyUnicode_EncodeUTF32(PyObject *str, const char *errors, int byteorder)
{
    static const char bom_le[] = "\xff\xfe\x00\x00";
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (byteorder == 0)
        return kr_encode_with(str, "utf-32", errors, "surrogates not allowed", kr_enc_utf32le, 4, bom_le, 4, 4);
    if (byteorder < 0)
        return kr_encode_with(str, "utf-32-le", errors, "surrogates not allowed", kr_enc_utf32le, 4, NULL, 0, 4);
    return kr_encode_with(str, "utf-32-be", errors, "surrogates not allowed", kr_enc_utf32be, 4, NULL, 0, 4);
}

PyObject *PyUnicode_AsUTF32String(PyObject *str) { return _PyUnicode_EncodeUTF32(str, NULL, 0); }

/* ------------------------------------------------------------------ */
/* unicode_escape and raw_unicode_escape */

static int kr_hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

PyObject *_PyUnicode_DecodeUnicodeEscapeInternal(const char *s, Py_ssize_t size, const char *errors,
                                                 Py_ssize_t *consumed, const char **first_invalid_escape)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i = 0;
    _PyUnicodeWriter w;
    kr_decoder d = {"unicodeescape", errors, s, size, NULL};
    if (first_invalid_escape)
        *first_invalid_escape = NULL;
    if (size == 0) {
        if (consumed)
            *consumed = 0;
        return kr_str_empty();
    }
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    while (i < size) {
        unsigned c = p[i];
        if (c != '\\') {
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t start = i;
        const char *message;
        i++;
        if (i >= size) {
            if (consumed) {
                i = start;
                break;
            }
            message = "\\ at end of string";
            goto error;
        }
        c = p[i++];
        Py_UCS4 ch;
        int count;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; goto emit;
        case '\'': ch = '\''; goto emit;
        case '"': ch = '"'; goto emit;
        case 'b': ch = '\b'; goto emit;
        case 'f': ch = '\f'; goto emit;
        case 't': ch = '\t'; goto emit;
        case 'n': ch = '\n'; goto emit;
        case 'r': ch = '\r'; goto emit;
        case 'v': ch = '\v'; goto emit;
        case 'a': ch = '\a'; goto emit;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = c - '0';
            if (i < size && p[i] >= '0' && p[i] <= '7') {
                ch = (ch << 3) + p[i++] - '0';
                if (i < size && p[i] >= '0' && p[i] <= '7')
                    ch = (ch << 3) + p[i++] - '0';
            }
            goto emit;
        case 'x': count = 2; message = "truncated \\xXX escape"; goto hexescape;
        case 'u': count = 4; message = "truncated \\uXXXX escape"; goto hexescape;
        case 'U': count = 8; message = "truncated \\UXXXXXXXX escape"; goto hexescape;
        case 'N': {
            message = "malformed \\N character escape";
            if (i >= size)
                goto incomplete;
            if (p[i] == '{') {
                Py_ssize_t nstart = ++i;
                while (i < size && p[i] != '}')
                    i++;
                if (i >= size)
                    goto incomplete;
                if (i > nstart) {
                    uint32_t cp;
                    Py_ssize_t nlen = i - nstart;
                    i++;
                    if (kr_unicode_lookup_name(s + nstart, (size_t)nlen, &cp)) {
                        ch = cp;
                        goto emit;
                    }
                    message = "unknown Unicode character name";
                }
            }
            goto error;
        }
        default:
            if (first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = s + i - 1;
            if (_PyUnicodeWriter_WriteChar(&w, '\\') < 0 || _PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto fail;
            continue;
        }
    hexescape:
        for (ch = 0; count; i++, count--) {
            int v;
            if (i >= size)
                goto incomplete;
            v = kr_hexval(p[i]);
            if (v < 0)
                goto error;
            ch = (ch << 4) | (Py_UCS4)v;
        }
        if (ch > 0x10FFFF) {
            message = "illegal Unicode character";
            goto error;
        }
    emit:
        if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
            goto fail;
        continue;
    incomplete:
        if (consumed) {
            i = start;
            break;
        }
    error:;
        Py_ssize_t np = kr_decode_error(&d, &w, start, i, message);
        if (np < 0)
            goto fail;
        i = np;
    }
    if (consumed)
        *consumed = i;
    kr_decoder_done(&d);
    return _PyUnicodeWriter_Finish(&w);
fail:
    kr_decoder_done(&d);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *_PyUnicode_DecodeUnicodeEscapeStateful(const char *s, Py_ssize_t size, const char *errors,
                                                 Py_ssize_t *consumed)
{
    const char *first_invalid = NULL;
    PyObject *r = _PyUnicode_DecodeUnicodeEscapeInternal(s, size, errors, consumed, &first_invalid);
    if (r == NULL)
        return NULL;
    if (first_invalid != NULL) {
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "invalid escape sequence '\\%c'",
                             (unsigned char)*first_invalid) < 0) {
            Py_DECREF(r);
            return NULL;
        }
    }
    return r;
}

PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    return _PyUnicode_DecodeUnicodeEscapeStateful(s, size, errors, NULL);
}

PyObject *_PyUnicode_DecodeRawUnicodeEscapeStateful(const char *s, Py_ssize_t size, const char *errors,
                                                    Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i = 0;
    _PyUnicodeWriter w;
    kr_decoder d = {"rawunicodeescape", errors, s, size, NULL};
    if (size == 0) {
        if (consumed)
            *consumed = 0;
        return kr_str_empty();
    }
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    while (i < size) {
        unsigned c = p[i];
        if (c != '\\') {
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto fail;
            i++;
            continue;
        }
        /* a run of backslashes: only an odd one escapes */
        Py_ssize_t start = i, j = i;
        while (j < size && p[j] == '\\')
            j++;
        Py_ssize_t nbs = j - i;
        if (nbs % 2 == 0 || j >= size || (p[j] != 'u' && p[j] != 'U')) {
            if (j >= size && nbs % 2 == 1 && consumed) {
                /* may become an escape with more input */
                for (Py_ssize_t k = 0; k < nbs - 1; k++)
                    if (_PyUnicodeWriter_WriteChar(&w, '\\') < 0)
                        goto fail;
                i = j - 1;
                break;
            }
            for (Py_ssize_t k = 0; k < nbs; k++)
                if (_PyUnicodeWriter_WriteChar(&w, '\\') < 0)
                    goto fail;
            i = j;
            continue;
        }
        for (Py_ssize_t k = 0; k < nbs - 1; k++)
            if (_PyUnicodeWriter_WriteChar(&w, '\\') < 0)
                goto fail;
        start = j - 1;
        int count = p[j] == 'u' ? 4 : 8;
        const char *message = count == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        Py_UCS4 ch = 0;
        i = j + 1;
        for (; count; i++, count--) {
            int v;
            if (i >= size) {
                if (consumed) {
                    i = start;
                    goto done;
                }
                goto error;
            }
            v = kr_hexval(p[i]);
            if (v < 0)
                goto error;
            ch = (ch << 4) | (Py_UCS4)v;
        }
        if (ch > 0x10FFFF) {
            message = "\\Uxxxxxxxx out of range";
            goto error;
        }
        if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
            goto fail;
        continue;
    error:;
        Py_ssize_t np = kr_decode_error(&d, &w, start, i, message);
        if (np < 0)
            goto fail;
        i = np;
    }
done:
    if (consumed)
        *consumed = i;
    kr_decoder_done(&d);
    return _PyUnicodeWriter_Finish(&w);
fail:
    kr_decoder_done(&d);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    return _PyUnicode_DecodeRawUnicodeEscapeStateful(s, size, errors, NULL);
}

static int kr_put_hex_escape(kr_bytebuf *b, char kind, Py_UCS4 c, int digits)
{
    static const char hex[] = "0123456789abcdef";
    char tmp[10];
    tmp[0] = '\\';
    tmp[1] = kind;
    for (int d = 0; d < digits; d++)
        tmp[2 + d] = hex[(c >> (4 * (digits - 1 - d))) & 0xF];
    return kr_bb_put(b, tmp, 2 + digits);
}

static PyObject *kr_escape_encode(PyObject *str, int raw)
{
    kr_bytebuf b = {NULL, 0, 0};
    Py_ssize_t n = PyUnicode_GET_LENGTH(str);
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (kr_bb_reserve(&b, n) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int r;
        char ch = (char)c;
        if (c >= 0x10000)
            r = kr_put_hex_escape(&b, 'U', c, 8);
        else if (c >= 0x100)
            r = kr_put_hex_escape(&b, 'u', c, 4);
        else if (raw)
            r = kr_bb_put(&b, &ch, 1);
        else if (c == '\\')
            r = kr_bb_put(&b, "\\\\", 2);
        else if (c == '\t')
            r = kr_bb_put(&b, "\\t", 2);
        else if (c == '\n')
            r = kr_bb_put(&b, "\\n", 2);
        else if (c == '\r')
            r = kr_bb_put(&b, "\\r", 2);
        else if (c < ' ' || c >= 0x7f)
            r = kr_put_hex_escape(&b, 'x', c, 2);
        else
            r = kr_bb_put(&b, &ch, 1);
        if (r < 0) {
            kr_bb_free(&b);
            return NULL;
        }
    }
    return kr_bb_finish(&b);
}

PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *str) { return kr_escape_encode(str, 0); }
PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *str) { return kr_escape_encode(str, 1); }

/* ------------------------------------------------------------------ */
/* Dispatch by encoding name */

int kr_str_normalize_encoding(const char *encoding, char *buf, size_t n)
{
    size_t o = 0;
    int punct = 0;
    for (const char *p = encoding; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (Py_ISALNUM(c) || c == '.') {
            if (punct && o > 0) {
                if (o + 1 >= n)
                    return 0;
                buf[o++] = '_';
            }
            punct = 0;
            if (o + 1 >= n)
                return 0;
            buf[o++] = (char)Py_TOLOWER(c);
        }
        else
            punct = 1;
    }
    buf[o] = '\0';
    return 1;
}

enum kr_codec_id {
    KR_CODEC_NONE, KR_CODEC_UTF8, KR_CODEC_LATIN1, KR_CODEC_ASCII, KR_CODEC_UTF16, KR_CODEC_UTF16LE,
    KR_CODEC_UTF16BE, KR_CODEC_UTF32, KR_CODEC_UTF32LE, KR_CODEC_UTF32BE, KR_CODEC_ESCAPE, KR_CODEC_RAWESCAPE
};

static const struct {
    const char *name;
    enum kr_codec_id id;
} kr_codec_aliases[] = {
    {"utf_8", KR_CODEC_UTF8}, {"utf8", KR_CODEC_UTF8}, {"u8", KR_CODEC_UTF8}, {"utf", KR_CODEC_UTF8},
    {"utf8_ucs2", KR_CODEC_UTF8}, {"utf8_ucs4", KR_CODEC_UTF8}, {"cp65001", KR_CODEC_UTF8},
    {"latin_1", KR_CODEC_LATIN1}, {"latin1", KR_CODEC_LATIN1}, {"latin", KR_CODEC_LATIN1}, {"l1", KR_CODEC_LATIN1},
    {"iso_8859_1", KR_CODEC_LATIN1}, {"iso8859_1", KR_CODEC_LATIN1}, {"8859", KR_CODEC_LATIN1},
    {"cp819", KR_CODEC_LATIN1}, {"iso_ir_100", KR_CODEC_LATIN1}, {"csisolatin1", KR_CODEC_LATIN1},
    {"iso_8859_1_1987", KR_CODEC_LATIN1},
    {"ascii", KR_CODEC_ASCII}, {"us_ascii", KR_CODEC_ASCII}, {"646", KR_CODEC_ASCII}, {"us", KR_CODEC_ASCII},
    {"ansi_x3.4_1968", KR_CODEC_ASCII}, {"ansi_x3_4_1968", KR_CODEC_ASCII}, {"ansi_x3.4_1986", KR_CODEC_ASCII},
    {"cp367", KR_CODEC_ASCII}, {"csascii", KR_CODEC_ASCII}, {"ibm367", KR_CODEC_ASCII},
    {"iso646_us", KR_CODEC_ASCII}, {"iso_646.irv_1991", KR_CODEC_ASCII}, {"iso_ir_6", KR_CODEC_ASCII},
    {"utf_16", KR_CODEC_UTF16}, {"utf16", KR_CODEC_UTF16}, {"u16", KR_CODEC_UTF16},
    {"utf_16_le", KR_CODEC_UTF16LE}, {"utf_16le", KR_CODEC_UTF16LE}, {"unicodelittleunmarked", KR_CODEC_UTF16LE},
    {"utf_16_be", KR_CODEC_UTF16BE}, {"utf_16be", KR_CODEC_UTF16BE}, {"unicodebigunmarked", KR_CODEC_UTF16BE},
    {"utf_32", KR_CODEC_UTF32}, {"utf32", KR_CODEC_UTF32}, {"u32", KR_CODEC_UTF32},
    {"utf_32_le", KR_CODEC_UTF32LE}, {"utf_32le", KR_CODEC_UTF32LE},
    {"utf_32_be", KR_CODEC_UTF32BE}, {"utf_32be", KR_CODEC_UTF32BE},
    {"unicode_escape", KR_CODEC_ESCAPE}, {"raw_unicode_escape", KR_CODEC_RAWESCAPE},
};

static enum kr_codec_id kr_codec_find(const char *encoding)
{
    char buf[64];
    if (encoding == NULL)
        return KR_CODEC_UTF8;
    if (!kr_str_normalize_encoding(encoding, buf, sizeof buf))
        return KR_CODEC_NONE;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(kr_codec_aliases); i++)
        if (strcmp(buf, kr_codec_aliases[i].name) == 0)
            return kr_codec_aliases[i].id;
    return KR_CODEC_NONE;
}

PyObject *kr_str_decode(const char *s, Py_ssize_t size, const char *encoding, const char *errors)
{
    int bo;
    switch (kr_codec_find(encoding)) {
    case KR_CODEC_UTF8: return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
    case KR_CODEC_LATIN1: return PyUnicode_DecodeLatin1(s, size, errors);
    case KR_CODEC_ASCII: return PyUnicode_DecodeASCII(s, size, errors);
    case KR_CODEC_UTF16: bo = 0; return PyUnicode_DecodeUTF16Stateful(s, size, errors, &bo, NULL);
    case KR_CODEC_UTF16LE: bo = -1; return PyUnicode_DecodeUTF16Stateful(s, size, errors, &bo, NULL);
    case KR_CODEC_UTF16BE: bo = 1; return PyUnicode_DecodeUTF16Stateful(s, size, errors, &bo, NULL);
    case KR_CODEC_UTF32: bo = 0; return PyUnicode_DecodeUTF32Stateful(s, size, errors, &bo, NULL);
    case KR_CODEC_UTF32LE: bo = -1; return PyUnicode_DecodeUTF32Stateful(s, size, errors, &bo, NULL);
    case KR_CODEC_UTF32BE: bo = 1; return PyUnicode_DecodeUTF32Stateful(s, size, errors, &bo, NULL);
    case KR_CODEC_ESCAPE: return PyUnicode_DecodeUnicodeEscape(s, size, errors);
    case KR_CODEC_RAWESCAPE: return PyUnicode_DecodeRawUnicodeEscape(s, size, errors);
    default: break;
    }
    /* a codec from the registry */
    PyObject *bytes = PyBytes_FromStringAndSize(s, size), *r;
    if (bytes == NULL)
        return NULL;
    r = PyCodec_Decode(bytes, encoding, errors);
    Py_DECREF(bytes);
    if (r != NULL && !PyUnicode_Check(r)) {
        PyErr_Format(PyExc_TypeError,
                     "'%.400s' decoder returned '%.400s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                     encoding, Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

PyObject *kr_str_encode(PyObject *str, const char *encoding, const char *errors)
{
    switch (kr_codec_find(encoding)) {
    case KR_CODEC_UTF8: return _PyUnicode_AsUTF8String(str, errors);
    case KR_CODEC_LATIN1: return _PyUnicode_AsLatin1String(str, errors);
    case KR_CODEC_ASCII: return _PyUnicode_AsASCIIString(str, errors);
    case KR_CODEC_UTF16: return _PyUnicode_EncodeUTF16(str, errors, 0);
    case KR_CODEC_UTF16LE: return _PyUnicode_EncodeUTF16(str, errors, -1);
    case KR_CODEC_UTF16BE: return _PyUnicode_EncodeUTF16(str, errors, 1);
    case KR_CODEC_UTF32: return _PyUnicode_EncodeUTF32(str, errors, 0);
    case KR_CODEC_UTF32LE: return _PyUnicode_EncodeUTF32(str, errors, -1);
    case KR_CODEC_UTF32BE: return _PyUnicode_EncodeUTF32(str, errors, 1);
    case KR_CODEC_ESCAPE: return PyUnicode_AsUnicodeEscapeString(str);
    case KR_CODEC_RAWESCAPE: return PyUnicode_AsRawUnicodeEscapeString(str);
    default: break;
    }
    PyObject *r = PyCodec_Encode(str, encoding, errors);
    if (r == NULL)
        return NULL;
    if (kr_is_bytes(r))
        return r;
    if (PyObject_TypeCheck(r, &PyByteArray_Type)) {
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                             "encoder %s returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types",
                             encoding) < 0) {
            Py_DECREF(r);
            return NULL;
        }
        PyObject *b = PyBytes_FromStringAndSize(PyByteArray_AsString(r), PyByteArray_Size(r));
        Py_DECREF(r);
        return b;
    }
    PyErr_Format(PyExc_TypeError,
                 "'%.400s' encoder returned '%.400s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                 encoding, Py_TYPE(r)->tp_name);
    Py_DECREF(r);
    return NULL;
}

PyObject *PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding, const char *errors)
{
    return kr_str_decode(s, size, encoding, errors);
}

PyObject *PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    return kr_str_encode(unicode, encoding, errors);
}

PyObject *PyUnicode_AsEncodedObject(PyObject *unicode, const char *encoding, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    return PyCodec_Encode(unicode, encoding ? encoding : "utf-8", errors);
}

PyObject *PyUnicode_AsEncodedUnicode(PyObject *unicode, const char *encoding, const char *errors)
{
    PyObject *r;
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    r = PyCodec_Encode(unicode, encoding ? encoding : "utf-8", errors);
    if (r != NULL && !PyUnicode_Check(r)) {
        PyErr_Format(PyExc_TypeError,
                     "'%.400s' encoder returned '%.400s' instead of 'str'; use codecs.encode() to encode to arbitrary types",
                     encoding, Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

PyObject *PyUnicode_AsDecodedObject(PyObject *unicode, const char *encoding, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    return PyCodec_Decode(unicode, encoding ? encoding : "utf-8", errors);
}

PyObject *PyUnicode_AsDecodedUnicode(PyObject *unicode, const char *encoding, const char *errors)
{
    PyObject *r = PyUnicode_AsDecodedObject(unicode, encoding, errors);
    if (r != NULL && !PyUnicode_Check(r)) {
        PyErr_Format(PyExc_TypeError,
                     "'%.400s' decoder returned '%.400s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                     encoding, Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

const char *PyUnicode_GetDefaultEncoding(void)
{
    return "utf-8";
}

/* ------------------------------------------------------------------ */
/* File system encoding: UTF-8 with surrogateescape, as CPython uses on
 * Linux in its UTF-8 mode and with a UTF-8 locale. */

PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, "surrogateescape", NULL);
}

PyObject *PyUnicode_DecodeFSDefault(const char *s)
{
    return PyUnicode_DecodeFSDefaultAndSize(s, (Py_ssize_t)strlen(s));
}

PyObject *PyUnicode_EncodeFSDefault(PyObject *unicode)
{
    return _PyUnicode_AsUTF8String(unicode, "surrogateescape");
}

PyObject *PyUnicode_DecodeLocaleAndSize(const char *str, Py_ssize_t len, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(str, len, errors ? errors : "strict", NULL);
}

PyObject *PyUnicode_DecodeLocale(const char *str, const char *errors)
{
    return PyUnicode_DecodeLocaleAndSize(str, (Py_ssize_t)strlen(str), errors);
}

PyObject *PyUnicode_EncodeLocale(PyObject *unicode, const char *errors)
{
    return _PyUnicode_AsUTF8String(unicode, errors);
}

int PyUnicode_FSConverter(PyObject *arg, void *addr)
{
    PyObject *path, *output;
    if (arg == NULL) {
        Py_DECREF(*(PyObject **)addr);
        *(PyObject **)addr = NULL;
        return 1;
    }
    path = PyOS_FSPath(arg);
    if (path == NULL)
        return 0;
    if (kr_is_bytes(path))
        output = path;
    else {
        output = PyUnicode_EncodeFSDefault(path);
        Py_DECREF(path);
        if (output == NULL)
            return 0;
    }
    if ((size_t)Py_SIZE(output) != strlen(kr_bytes_data(output))) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(output);
        return 0;
    }
    *(PyObject **)addr = output;
    return Py_CLEANUP_SUPPORTED;
}

int PyUnicode_FSDecoder(PyObject *arg, void *addr)
{
    PyObject *path, *output;
    if (arg == NULL) {
        Py_DECREF(*(PyObject **)addr);
        *(PyObject **)addr = NULL;
        return 1;
    }
    path = PyOS_FSPath(arg);
    if (path == NULL)
        return 0;
    if (PyUnicode_Check(path))
        output = path;
    else if (kr_is_bytes(path)) {
        output = PyUnicode_DecodeFSDefaultAndSize(kr_bytes_data(path), Py_SIZE(path));
        Py_DECREF(path);
        if (output == NULL)
            return 0;
    }
    else {
        PyErr_Format(PyExc_TypeError, "path should be string, bytes, or os.PathLike, not %.200s",
                     Py_TYPE(arg)->tp_name);
        Py_DECREF(path);
        return 0;
    }
    if (kr_str_find_char(PyUnicode_KIND(output), PyUnicode_DATA(output), PyUnicode_GET_LENGTH(output), 0) >= 0) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        Py_DECREF(output);
        return 0;
    }
    *(PyObject **)addr = output;
    return Py_CLEANUP_SUPPORTED;
}

/* ------------------------------------------------------------------ */
/* charmap: single-byte codecs defined by a decoding table (a str indexed
 * by byte, U+FFFE meaning undefined) or a mapping, as the encodings
 * package's cp1252.py & co. use them. */

/* Looks up byte B in MAPPING for decoding: 1 with *ch or *str set, 0 if
 * undefined, -1 on error. */
static int kr_charmap_lookup_dec(PyObject *mapping, unsigned b, Py_UCS4 *ch, PyObject **str)
{
    PyObject *key = PyLong_FromLong((long)b), *v;
    *str = NULL;
    if (key == NULL)
        return -1;
    v = PyObject_GetItem(mapping, key);
    Py_DECREF(key);
    if (v == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    if (v == Py_None) {
        Py_DECREF(v);
        return 0;
    }
    if (PyLong_Check(v)) {
        long x = PyLong_AsLong(v);
        Py_DECREF(v);
        if (x == -1 && PyErr_Occurred())
            return -1;
        if (x < 0 || x > 0x10FFFF) {
            PyErr_SetString(PyExc_TypeError, "character mapping must be in range(0x110000)");
            return -1;
        }
        *ch = (Py_UCS4)x;
        return 1;
    }
    if (PyUnicode_Check(v)) {
        *str = v;
        return 1;
    }
    Py_DECREF(v);
    PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

PyObject *PyUnicode_DecodeCharmap(const char *s, Py_ssize_t size, PyObject *mapping, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i = 0;
    if (mapping == NULL || mapping == Py_None)
        return PyUnicode_DecodeLatin1(s, size, errors);
    _PyUnicodeWriter w;
    kr_decoder d = {"charmap", errors, s, size, NULL};
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    while (i < size) {
        Py_UCS4 ch = 0;
        PyObject *str = NULL;
        int found;
        if (PyUnicode_Check(mapping)) {
            found = p[i] < PyUnicode_GET_LENGTH(mapping);
            if (found) {
                ch = PyUnicode_READ_CHAR(mapping, p[i]);
                found = ch != 0xFFFE;
            }
        }
        else {
            found = kr_charmap_lookup_dec(mapping, p[i], &ch, &str);
            if (found < 0)
                goto fail;
        }
        if (found) {
            int r = str ? _PyUnicodeWriter_WriteStr(&w, str) : _PyUnicodeWriter_WriteChar(&w, ch);
            Py_XDECREF(str);
            if (r < 0)
                goto fail;
            i++;
            continue;
        }
        Py_ssize_t np = kr_decode_error(&d, &w, i, i + 1, "character maps to <undefined>");
        if (np < 0)
            goto fail;
        i = np;
    }
    kr_decoder_done(&d);
    return _PyUnicodeWriter_Finish(&w);
fail:
    kr_decoder_done(&d);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* Encodes character C through MAPPING into B: 1 done, 0 unmapped, -1
 * error. */
static int kr_charmap_put(kr_bytebuf *b, PyObject *mapping, Py_UCS4 c)
{
    PyObject *key = PyLong_FromLong((long)c), *v;
    if (key == NULL)
        return -1;
    v = PyObject_GetItem(mapping, key);
    Py_DECREF(key);
    if (v == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    int r;
    if (v == Py_None)
        r = 0;
    else if (PyLong_Check(v)) {
        long x = PyLong_AsLong(v);
        if (x == -1 && PyErr_Occurred())
            r = -1;
        else if (x < 0 || x > 255) {
            PyErr_SetString(PyExc_TypeError, "character mapping must be in range(256)");
            r = -1;
        }
        else {
            char byte = (char)x;
            r = kr_bb_put(b, &byte, 1) < 0 ? -1 : 1;
        }
    }
    else if (kr_is_bytes(v))
        r = kr_bb_put(b, kr_bytes_data(v), Py_SIZE(v)) < 0 ? -1 : 1;
    else {
        PyErr_Format(PyExc_TypeError, "character mapping must return integer, bytes or None, not %.400s",
                     Py_TYPE(v)->tp_name);
        r = -1;
    }
    Py_DECREF(v);
    return r;
}

PyObject *kr_str_charmap_encode(PyObject *str, const char *errors, PyObject *mapping)
{
    kr_bytebuf b = {NULL, 0, 0};
    PyObject *exc = NULL;
    Py_ssize_t len, i = 0;
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (mapping == NULL || mapping == Py_None)
        return _PyUnicode_AsLatin1String(str, errors);
    len = PyUnicode_GET_LENGTH(str);
    while (i < len) {
        int r = kr_charmap_put(&b, mapping, PyUnicode_READ_CHAR(str, i));
        if (r < 0)
            goto fail;
        if (r > 0) {
            i++;
            continue;
        }
        /* the run of unmapped characters */
        Py_ssize_t end = i + 1, newpos;
        kr_bytebuf probe = {NULL, 0, 0};
        while (end < len) {
            int q = kr_charmap_put(&probe, mapping, PyUnicode_READ_CHAR(str, end));
            if (q < 0) {
                kr_bb_free(&probe);
                goto fail;
            }
            if (q > 0)
                break;
            end++;
        }
        kr_bb_free(&probe);
        if (errors != NULL && strcmp(errors, "ignore") == 0) {
            i = end;
            continue;
        }
        PyObject *repl;
        if (errors != NULL && strcmp(errors, "replace") == 0) {
            repl = PyUnicode_New(end - i, '?');
            if (repl == NULL)
                goto fail;
            memset(PyUnicode_DATA(repl), '?', (size_t)(end - i));
            newpos = end;
        }
        else {
            repl = kr_encode_error(errors, "charmap", "character maps to <undefined>", str, &exc, i, end, &newpos);
            if (repl == NULL)
                goto fail;
        }
        if (kr_is_bytes(repl)) {
            if (kr_bb_put(&b, kr_bytes_data(repl), Py_SIZE(repl)) < 0) {
                Py_DECREF(repl);
                goto fail;
            }
        }
        else {
            for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(repl); k++) {
                int q = kr_charmap_put(&b, mapping, PyUnicode_READ_CHAR(repl, k));
                if (q <= 0) {
                    Py_DECREF(repl);
                    if (q == 0 && kr_make_encode_exc(&exc, "charmap", str, i, end,
                                                     "character maps to <undefined>") == 0)
                        kr_raise_exc(exc);
                    goto fail;
                }
            }
        }
        Py_DECREF(repl);
        i = newpos;
    }
    Py_XDECREF(exc);
    return kr_bb_finish(&b);
fail:
    Py_XDECREF(exc);
    kr_bb_free(&b);
    return NULL;
}

PyObject *PyUnicode_AsCharmapString(PyObject *unicode, PyObject *mapping)
{
    if (mapping == NULL) {
        PyErr_BadArgument();
        return NULL;
    }
    return kr_str_charmap_encode(unicode, NULL, mapping);
}

/* ------------------------------------------------------------------ */
/* escape_encode / escape_decode: the escapes of bytes literals, on bytes */

PyObject *kr_bytes_escape_encode(const char *s, Py_ssize_t n)
{
    kr_bytebuf b = {NULL, 0, 0};
    static const char hex[] = "0123456789abcdef";
    if (kr_bb_reserve(&b, n) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char tmp[4];
        int k = 0;
        if (c == '\'' || c == '\\') { tmp[k++] = '\\'; tmp[k++] = (char)c; }
        else if (c == '\t') { tmp[k++] = '\\'; tmp[k++] = 't'; }
        else if (c == '\n') { tmp[k++] = '\\'; tmp[k++] = 'n'; }
        else if (c == '\r') { tmp[k++] = '\\'; tmp[k++] = 'r'; }
        else if (c < ' ' || c >= 0x7f) {
            tmp[k++] = '\\'; tmp[k++] = 'x'; tmp[k++] = hex[c >> 4]; tmp[k++] = hex[c & 15];
        }
        else
            tmp[k++] = (char)c;
        if (kr_bb_put(&b, tmp, k) < 0) {
            kr_bb_free(&b);
            return NULL;
        }
    }
    return kr_bb_finish(&b);
}

