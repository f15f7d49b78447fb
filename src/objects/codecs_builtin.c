/* codecs_builtin.c: the codec registry (PyCodec_*), the standard error
 * handlers, and the `_codecs` module (kr_codecs_module_def) that the
 * Python-level `codecs` module builds on.
 *
 * The registry is per context (str_state.h): a list of search functions,
 * a cache of CodecInfo results by normalised name, and a dict of error
 * handlers seeded with the standard ones.  On the first lookup the
 * `encodings` package is imported, as CPython does, so that codecs
 * written in Python register themselves.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

/* ------------------------------------------------------------------ */
/* Standard error handlers.  Each takes the Unicode*Error instance and
 * returns (replacement, resume position). */

enum kr_exc_kind { KR_EXC_NONE, KR_EXC_ENCODE, KR_EXC_DECODE, KR_EXC_TRANSLATE };

static enum kr_exc_kind kr_exc_kind(PyObject *exc)
{
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeEncodeError))
        return KR_EXC_ENCODE;
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeDecodeError))
        return KR_EXC_DECODE;
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeTranslateError))
        return KR_EXC_TRANSLATE;
    return KR_EXC_NONE;
}

static PyObject *kr_wrong_exc(PyObject *exc)
{
    PyErr_Format(PyExc_TypeError, "don't know how to handle %.200s in error callback", Py_TYPE(exc)->tp_name);
    return NULL;
}

/* start, end and the object of a UnicodeError (new reference). */
static PyObject *kr_exc_range(PyObject *exc, enum kr_exc_kind k, Py_ssize_t *start, Py_ssize_t *end)
{
    PyObject *obj;
    if (k == KR_EXC_ENCODE) {
        if (PyUnicodeEncodeError_GetStart(exc, start) < 0 || PyUnicodeEncodeError_GetEnd(exc, end) < 0)
            return NULL;
        obj = PyUnicodeEncodeError_GetObject(exc);
    }
    else if (k == KR_EXC_DECODE) {
        if (PyUnicodeDecodeError_GetStart(exc, start) < 0 || PyUnicodeDecodeError_GetEnd(exc, end) < 0)
            return NULL;
        obj = PyUnicodeDecodeError_GetObject(exc);
    }
    else {
        if (PyUnicodeTranslateError_GetStart(exc, start) < 0 || PyUnicodeTranslateError_GetEnd(exc, end) < 0)
            return NULL;
        obj = PyUnicodeTranslateError_GetObject(exc);
    }
    if (obj != NULL && *end < *start)
        *end = *start;
    return obj;
}

static PyObject *kr_handler_result(PyObject *repl, Py_ssize_t pos)
{
    if (repl == NULL)
        return NULL;
    PyObject *r = Py_BuildValue("(Nn)", repl, pos);
    return r;
}

PyObject *PyCodec_StrictErrors(PyObject *exc)
{
    if (PyExceptionInstance_Check(exc))
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    else
        PyErr_SetString(PyExc_TypeError, "codec must pass exception instance");
    return NULL;
}

PyObject *PyCodec_IgnoreErrors(PyObject *exc)
{
    enum kr_exc_kind k = kr_exc_kind(exc);
    Py_ssize_t start, end;
    if (k == KR_EXC_NONE)
        return kr_wrong_exc(exc);
    PyObject *obj = kr_exc_range(exc, k, &start, &end);
    if (obj == NULL)
        return NULL;
    Py_DECREF(obj);
    return kr_handler_result(Py_NewRef(kr_str_empty()), end);
}

static PyObject *kr_repeat_char(Py_UCS4 ch, Py_ssize_t n)
{
    PyObject *r = PyUnicode_New(n, ch);
    if (r == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        PyUnicode_WRITE(PyUnicode_KIND(r), PyUnicode_DATA(r), i, ch);
    return r;
}

PyObject *PyCodec_ReplaceErrors(PyObject *exc)
{
    enum kr_exc_kind k = kr_exc_kind(exc);
    Py_ssize_t start, end;
    if (k == KR_EXC_NONE)
        return kr_wrong_exc(exc);
    PyObject *obj = kr_exc_range(exc, k, &start, &end);
    if (obj == NULL)
        return NULL;
    Py_DECREF(obj);
    if (k == KR_EXC_DECODE)
        return kr_handler_result(kr_str_char(0xFFFD), end);
    return kr_handler_result(kr_repeat_char(k == KR_EXC_ENCODE ? '?' : 0xFFFD, end - start), end);
}

static int kr_write_escape(_PyUnicodeWriter *w, Py_UCS4 c)
{
    char buf[12];
    if (c < 0x100)
        snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
    else if (c < 0x10000)
        snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
    else
        snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
    return _PyUnicodeWriter_WriteASCIIString(w, buf, -1);
}

PyObject *PyCodec_XMLCharRefReplaceErrors(PyObject *exc)
{
    Py_ssize_t start, end;
    if (kr_exc_kind(exc) != KR_EXC_ENCODE)
        return kr_wrong_exc(exc);
    PyObject *obj = kr_exc_range(exc, KR_EXC_ENCODE, &start, &end);
    if (obj == NULL)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    for (Py_ssize_t i = start; i < end && i < PyUnicode_GET_LENGTH(obj); i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "&#%u;", (unsigned)PyUnicode_READ_CHAR(obj, i));
        if (_PyUnicodeWriter_WriteASCIIString(&w, buf, -1) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            Py_DECREF(obj);
            return NULL;
        }
    }
    Py_DECREF(obj);
    return kr_handler_result(_PyUnicodeWriter_Finish(&w), end);
}

static PyObject *kr_backslash_or_name(PyObject *exc, int names)
{
    enum kr_exc_kind k = kr_exc_kind(exc);
    Py_ssize_t start, end;
    if (k == KR_EXC_NONE || (names && k != KR_EXC_ENCODE))
        return kr_wrong_exc(exc);
    PyObject *obj = kr_exc_range(exc, k, &start, &end);
    if (obj == NULL)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (k == KR_EXC_DECODE) {
        const unsigned char *p = (const unsigned char *)kr_bytes_data(obj);
        for (Py_ssize_t i = start; i < end && i < Py_SIZE(obj); i++)
            if (kr_write_escape(&w, p[i]) < 0)
                goto fail;
    }
    else {
        for (Py_ssize_t i = start; i < end && i < PyUnicode_GET_LENGTH(obj); i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(obj, i);
            char name[256];
            if (names && kr_unicode_name(c, name, sizeof name)) {
                if (_PyUnicodeWriter_WriteASCIIString(&w, "\\N{", 3) < 0 ||
                    _PyUnicodeWriter_WriteASCIIString(&w, name, -1) < 0 ||
                    _PyUnicodeWriter_WriteASCIIString(&w, "}", 1) < 0)
                    goto fail;
            }
            else if (kr_write_escape(&w, c) < 0)
                goto fail;
        }
    }
    Py_DECREF(obj);
    return kr_handler_result(_PyUnicodeWriter_Finish(&w), end);
fail:
    Py_DECREF(obj);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyCodec_BackslashReplaceErrors(PyObject *exc) { return kr_backslash_or_name(exc, 0); }
PyObject *PyCodec_NameReplaceErrors(PyObject *exc) { return kr_backslash_or_name(exc, 1); }

static PyObject *kr_surrogateescape(PyObject *self, PyObject *exc)
{
    enum kr_exc_kind k = kr_exc_kind(exc);
    Py_ssize_t start, end, i;
    if (k != KR_EXC_ENCODE && k != KR_EXC_DECODE)
        return kr_wrong_exc(exc);
    PyObject *obj = kr_exc_range(exc, k, &start, &end);
    if (obj == NULL)
        return NULL;
    if (k == KR_EXC_DECODE) {
        const unsigned char *p = (const unsigned char *)kr_bytes_data(obj);
        Py_UCS2 out[4];
        int n = 0;
        for (i = start; i < end && n < 4 && i < Py_SIZE(obj); i++) {
            if (p[i] < 128)
                break;
            out[n++] = (Py_UCS2)(0xDC00 + p[i]);
        }
        Py_DECREF(obj);
        if (n == 0)
            return PyCodec_StrictErrors(exc);
        return kr_handler_result(PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, out, n), start + n);
    }
    PyObject *b = PyBytes_FromStringAndSize(NULL, end - start);
    if (b == NULL) {
        Py_DECREF(obj);
        return NULL;
    }
    char *o = kr_bytes_data(b);
    for (i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(obj, i);
        if (c < 0xDC80 || c > 0xDCFF)
            break;
        o[i - start] = (char)(c - 0xDC00);
    }
    Py_DECREF(obj);
    if (i == start) {
        Py_DECREF(b);
        return PyCodec_StrictErrors(exc);
    }
    if (i < end && _PyBytes_Resize(&b, i - start) < 0)
        return NULL;
    return kr_handler_result(b, i);
}

/* The standard encoding a surrogatepass handler is working for:
 * 8 (utf-8), 16/32 with *be set for big-endian; 0 if unknown. */
static int kr_surrogatepass_codec(PyObject *exc, enum kr_exc_kind k, int *be)
{
    PyObject *enc = k == KR_EXC_ENCODE ? PyUnicodeEncodeError_GetEncoding(exc) : PyUnicodeDecodeError_GetEncoding(exc);
    char buf[32];
    int r = 0;
    if (enc == NULL)
        return -1;
    const char *s = PyUnicode_AsUTF8(enc);
    if (s != NULL && kr_str_normalize_encoding(s, buf, sizeof buf)) {
        *be = 0;
        if (!strcmp(buf, "utf_8") || !strcmp(buf, "utf8"))
            r = 8;
        else if (!strcmp(buf, "utf_16") || !strcmp(buf, "utf_16_le"))
            r = 16;
        else if (!strcmp(buf, "utf_16_be"))
            r = 16, *be = 1;
        else if (!strcmp(buf, "utf_32") || !strcmp(buf, "utf_32_le"))
            r = 32;
        else if (!strcmp(buf, "utf_32_be"))
            r = 32, *be = 1;
    }
    Py_DECREF(enc);
    if (s == NULL)
        return -1;
    return r;
}

static PyObject *kr_surrogatepass(PyObject *self, PyObject *exc)
{
    enum kr_exc_kind k = kr_exc_kind(exc);
    Py_ssize_t start, end, i;
    int be, codec;
    if (k != KR_EXC_ENCODE && k != KR_EXC_DECODE)
        return kr_wrong_exc(exc);
    codec = kr_surrogatepass_codec(exc, k, &be);
    if (codec < 0)
        return NULL;
    PyObject *obj = kr_exc_range(exc, k, &start, &end);
    if (obj == NULL)
        return NULL;
    if (codec == 0) {
        Py_DECREF(obj);
        return PyCodec_StrictErrors(exc);
    }
    if (k == KR_EXC_ENCODE) {
        int w = codec == 8 ? 3 : codec / 8;
        PyObject *b = PyBytes_FromStringAndSize(NULL, (end - start) * w);
        if (b == NULL) {
            Py_DECREF(obj);
            return NULL;
        }
        unsigned char *o = (unsigned char *)kr_bytes_data(b);
        for (i = start; i < end; i++, o += w) {
            Py_UCS4 c = PyUnicode_READ_CHAR(obj, i);
            if (!Py_UNICODE_IS_SURROGATE(c))
                break;
            if (codec == 8) {
                o[0] = (unsigned char)(0xE0 | (c >> 12));
                o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
                o[2] = (unsigned char)(0x80 | (c & 0x3F));
            }
            else
                for (int j = 0; j < w; j++)
                    o[be ? w - 1 - j : j] = (unsigned char)(c >> (8 * j));
        }
        Py_DECREF(obj);
        if (i == start) {
            Py_DECREF(b);
            return PyCodec_StrictErrors(exc);
        }
        if (i < end && _PyBytes_Resize(&b, (i - start) * w) < 0)
            return NULL;
        return kr_handler_result(b, i);
    }
    const unsigned char *p = (const unsigned char *)kr_bytes_data(obj) + start;
    Py_ssize_t avail = Py_SIZE(obj) - start;
    Py_UCS4 c = 0;
    int n = 0;
    if (codec == 8 && avail >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        c = ((Py_UCS4)(p[0] & 0x0F) << 12) | ((Py_UCS4)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        n = 3;
    }
    else if (codec == 16 && avail >= 2) {
        c = be ? (Py_UCS4)(p[0] << 8 | p[1]) : (Py_UCS4)(p[1] << 8 | p[0]);
        n = 2;
    }
    else if (codec == 32 && avail >= 4) {
        for (int j = 0; j < 4; j++)
            c |= (Py_UCS4)p[be ? 3 - j : j] << (8 * j);
        n = 4;
    }
    Py_DECREF(obj);
    if (n == 0 || !Py_UNICODE_IS_SURROGATE(c))
        return PyCodec_StrictErrors(exc);
    return kr_handler_result(kr_str_char(c), start + n);
}

static PyObject *kr_h_strict(PyObject *self, PyObject *exc) { return PyCodec_StrictErrors(exc); }
static PyObject *kr_h_ignore(PyObject *self, PyObject *exc) { return PyCodec_IgnoreErrors(exc); }
static PyObject *kr_h_replace(PyObject *self, PyObject *exc) { return PyCodec_ReplaceErrors(exc); }
static PyObject *kr_h_xml(PyObject *self, PyObject *exc) { return PyCodec_XMLCharRefReplaceErrors(exc); }
static PyObject *kr_h_backslash(PyObject *self, PyObject *exc) { return PyCodec_BackslashReplaceErrors(exc); }
static PyObject *kr_h_name(PyObject *self, PyObject *exc) { return PyCodec_NameReplaceErrors(exc); }

static PyMethodDef kr_std_handlers[] = {
    {"strict_errors", kr_h_strict, METH_O, "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", kr_h_ignore, METH_O, "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", kr_h_replace, METH_O, "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"xmlcharrefreplace_errors", kr_h_xml, METH_O, "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."},
    {"backslashreplace_errors", kr_h_backslash, METH_O, "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."},
    {"namereplace_errors", kr_h_name, METH_O, "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."},
    {"surrogateescape", kr_surrogateescape, METH_O, NULL},
    {"surrogatepass", kr_surrogatepass, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};
static const char *const kr_std_handler_names[] = {
    "strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace",
    "surrogateescape", "surrogatepass"
};

/* ------------------------------------------------------------------ */
/* The registry */

static struct kr_str_state *kr_codec_state(void)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL) {
        PyErr_SetString(PyExc_SystemError, "codec registry used outside a context");
        return NULL;
    }
    return &ctx->str;
}

static PyObject *kr_error_registry(void)
{
    struct kr_str_state *st = kr_codec_state();
    if (st == NULL)
        return NULL;
    if (st->codec_error_registry == NULL) {
        PyObject *d = PyDict_New();
        if (d == NULL)
            return NULL;
        for (size_t i = 0; i < Py_ARRAY_LENGTH(kr_std_handler_names); i++) {
            PyObject *f = PyCFunction_NewEx(&kr_std_handlers[i], NULL, NULL);
            if (f == NULL || PyDict_SetItemString(d, kr_std_handler_names[i], f) < 0) {
                Py_XDECREF(f);
                Py_DECREF(d);
                return NULL;
            }
            Py_DECREF(f);
        }
        st->codec_error_registry = d;
    }
    return st->codec_error_registry;
}

int PyCodec_RegisterError(const char *name, PyObject *error)
{
    PyObject *reg = kr_error_registry();
    if (reg == NULL)
        return -1;
    if (!PyCallable_Check(error)) {
        PyErr_SetString(PyExc_TypeError, "handler must be callable");
        return -1;
    }
    return PyDict_SetItemString(reg, name, error);
}

PyObject *PyCodec_LookupError(const char *name)
{
    PyObject *reg = kr_error_registry(), *h;
    if (reg == NULL)
        return NULL;
    if (name == NULL)
        name = "strict";
    h = _PyDict_GetItemStringWithError(reg, name);
    if (h == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_LookupError, "unknown error handler name '%.400s'", name);
        return NULL;
    }
    return Py_NewRef(h);
}

/* The search path, importing `encodings` the first time (it registers
 * its search function).  Borrowed reference. */
static PyObject *kr_search_path(struct kr_str_state *st)
{
    if (st->codec_search_path == NULL) {
        st->codec_search_path = PyList_New(0);
        st->codec_search_cache = PyDict_New();
        if (st->codec_search_path == NULL || st->codec_search_cache == NULL)
            return NULL;
        PyObject *mod = PyImport_ImportModule("encodings");
        if (mod == NULL)
            PyErr_Clear();   /* no standard library: C codecs only */
        Py_XDECREF(mod);
    }
    return st->codec_search_path;
}

int PyCodec_Register(PyObject *search_function)
{
    struct kr_str_state *st = kr_codec_state();
    if (st == NULL)
        return -1;
    if (search_function == NULL) {
        PyErr_BadArgument();
        return -1;
    }
    if (!PyCallable_Check(search_function)) {
        PyErr_SetString(PyExc_TypeError, "argument must be callable");
        return -1;
    }
    if (st->codec_search_path == NULL) {
        st->codec_search_path = PyList_New(0);
        st->codec_search_cache = PyDict_New();
        if (st->codec_search_path == NULL || st->codec_search_cache == NULL)
            return -1;
    }
    return PyList_Append(st->codec_search_path, search_function);
}

int PyCodec_Unregister(PyObject *search_function)
{
    struct kr_str_state *st = kr_codec_state();
    if (st == NULL)
        return -1;
    if (st->codec_search_path == NULL)
        return 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(st->codec_search_path); i++) {
        if (PyList_GET_ITEM(st->codec_search_path, i) == search_function) {
            PyDict_Clear(st->codec_search_cache);
            return PySequence_DelItem(st->codec_search_path, i);
        }
    }
    return 0;
}

/* CPython's registry normalisation: lower case, spaces to underscores. */
static PyObject *kr_codec_key(const char *encoding)
{
    size_t n = strlen(encoding);
    char *buf = PyMem_Malloc(n + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    for (size_t i = 0; i < n; i++) {
        char c = encoding[i];
        buf[i] = c == ' ' ? '_' : (char)Py_TOLOWER(c);
    }
    buf[n] = '\0';
    PyObject *r = PyUnicode_FromString(buf);
    PyMem_Free(buf);
    return r;
}

PyObject *_PyCodec_Lookup(const char *encoding)
{
    struct kr_str_state *st = kr_codec_state();
    PyObject *path, *key, *r;
    if (st == NULL)
        return NULL;
    if (encoding == NULL) {
        PyErr_BadArgument();
        return NULL;
    }
    path = kr_search_path(st);
    if (path == NULL)
        return NULL;
    key = kr_codec_key(encoding);
    if (key == NULL)
        return NULL;
    r = PyDict_GetItemWithError(st->codec_search_cache, key);
    if (r != NULL) {
        Py_DECREF(key);
        return Py_NewRef(r);
    }
    if (PyErr_Occurred())
        goto fail;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(path); i++) {
        r = PyObject_CallOneArg(PyList_GET_ITEM(path, i), key);
        if (r == NULL)
            goto fail;
        if (r == Py_None) {
            Py_DECREF(r);
            continue;
        }
        if (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 4) {
            PyErr_SetString(PyExc_TypeError, "codec search functions must return 4-tuples");
            Py_DECREF(r);
            goto fail;
        }
        if (PyDict_SetItem(st->codec_search_cache, key, r) < 0) {
            Py_DECREF(r);
            goto fail;
        }
        Py_DECREF(key);
        return r;
    }
    PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
fail:
    Py_DECREF(key);
    return NULL;
}

int PyCodec_KnownEncoding(const char *encoding)
{
    PyObject *c = _PyCodec_Lookup(encoding);
    if (c == NULL) {
        PyErr_Clear();
        return 0;
    }
    Py_DECREF(c);
    return 1;
}

static PyObject *kr_codec_item(const char *encoding, int index)
{
    PyObject *c = _PyCodec_Lookup(encoding);
    if (c == NULL)
        return NULL;
    PyObject *r = Py_NewRef(PyTuple_GET_ITEM(c, index));
    Py_DECREF(c);
    return r;
}

PyObject *PyCodec_Encoder(const char *encoding) { return kr_codec_item(encoding, 0); }
PyObject *PyCodec_Decoder(const char *encoding) { return kr_codec_item(encoding, 1); }

static PyObject *kr_codec_attr_call(const char *encoding, const char *attr, PyObject *stream, const char *errors)
{
    PyObject *c = _PyCodec_Lookup(encoding), *f, *r;
    if (c == NULL)
        return NULL;
    f = PyObject_GetAttrString(c, attr);
    Py_DECREF(c);
    if (f == NULL)
        return NULL;
    if (stream != NULL)
        r = errors ? PyObject_CallFunction(f, "Os", stream, errors) : PyObject_CallOneArg(f, stream);
    else
        r = errors ? PyObject_CallFunction(f, "s", errors) : PyObject_CallNoArgs(f);
    Py_DECREF(f);
    return r;
}

PyObject *PyCodec_IncrementalEncoder(const char *encoding, const char *errors)
{
    return kr_codec_attr_call(encoding, "incrementalencoder", NULL, errors);
}

PyObject *PyCodec_IncrementalDecoder(const char *encoding, const char *errors)
{
    return kr_codec_attr_call(encoding, "incrementaldecoder", NULL, errors);
}

PyObject *PyCodec_StreamReader(const char *encoding, PyObject *stream, const char *errors)
{
    return kr_codec_attr_call(encoding, "streamreader", stream, errors);
}

PyObject *PyCodec_StreamWriter(const char *encoding, PyObject *stream, const char *errors)
{
    return kr_codec_attr_call(encoding, "streamwriter", stream, errors);
}

static PyObject *kr_codec_run(PyObject *object, const char *encoding, const char *errors, int index,
                              const char *what)
{
    PyObject *f = kr_codec_item(encoding, index), *r, *v;
    if (f == NULL)
        return NULL;
    r = errors ? PyObject_CallFunction(f, "Os", object, errors) : PyObject_CallOneArg(f, object);
    Py_DECREF(f);
    if (r == NULL)
        return NULL;
    if (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 2) {
        PyErr_Format(PyExc_TypeError, "%s must return a tuple (object, integer)", what);
        Py_DECREF(r);
        return NULL;
    }
    v = Py_NewRef(PyTuple_GET_ITEM(r, 0));
    Py_DECREF(r);
    return v;
}

PyObject *PyCodec_Encode(PyObject *object, const char *encoding, const char *errors)
{
    return kr_codec_run(object, encoding, errors, 0, "encoder");
}

PyObject *PyCodec_Decode(PyObject *object, const char *encoding, const char *errors)
{
    return kr_codec_run(object, encoding, errors, 1, "decoder");
}

void kr_str_state_clear(struct kr_str_state *st)
{
    Py_CLEAR(st->codec_search_path);
    Py_CLEAR(st->codec_search_cache);
    Py_CLEAR(st->codec_error_registry);
    Py_CLEAR(st->interned);
}

const char *Py_hexdigits = "0123456789abcdef";

/* ------------------------------------------------------------------ */
/* The _codecs module */

/* str argument N of FNAME, or NULL with CPython's message. */
static PyObject *kr_arg_str(const char *fname, PyObject *o, int n)
{
    if (PyUnicode_Check(o))
        return o;
    PyErr_Format(PyExc_TypeError, "%s() argument %d must be str, not %.50s", fname, n, Py_TYPE(o)->tp_name);
    return NULL;
}

/* Optional errors argument (None or str). */
static int kr_arg_errors(const char *fname, PyObject *const *args, Py_ssize_t nargs, Py_ssize_t i,
                         const char **errors)
{
    *errors = NULL;
    if (nargs <= i || args[i] == Py_None)
        return 0;
    if (!PyUnicode_Check(args[i])) {
        PyErr_Format(PyExc_TypeError, "%s() argument %zd must be str or None, not %.50s", fname, i + 1,
                     Py_TYPE(args[i])->tp_name);
        return -1;
    }
    *errors = PyUnicode_AsUTF8(args[i]);
    return *errors == NULL ? -1 : 0;
}

static int kr_check_nargs(const char *fname, Py_ssize_t nargs, Py_ssize_t lo, Py_ssize_t hi)
{
    if (nargs < lo) {
        PyErr_Format(PyExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname, lo == hi ? "" : "at least ",
                     lo, lo == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > hi) {
        PyErr_Format(PyExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname, lo == hi ? "" : "at most ",
                     hi, hi == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

typedef PyObject *(*kr_encode_fn)(PyObject *str, const char *errors, int arg);

static PyObject *kr_enc_utf8_fn(PyObject *s, const char *e, int a) { return _PyUnicode_AsUTF8String(s, e); }
static PyObject *kr_enc_latin1_fn(PyObject *s, const char *e, int a) { return _PyUnicode_AsLatin1String(s, e); }
static PyObject *kr_enc_ascii_fn(PyObject *s, const char *e, int a) { return _PyUnicode_AsASCIIString(s, e); }
static PyObject *kr_enc_utf16_fn(PyObject *s, const char *e, int a) { return _PyUnicode_EncodeUTF16(s, e, a); }
static PyObject *kr_enc_utf32_fn(PyObject *s, const char *e, int a) { return _PyUnicode_EncodeUTF32(s, e, a); }
static PyObject *kr_enc_esc_fn(PyObject *s, const char *e, int a) { return PyUnicode_AsUnicodeEscapeString(s); }
static PyObject *kr_enc_rawesc_fn(PyObject *s, const char *e, int a) { return PyUnicode_AsRawUnicodeEscapeString(s); }

/* (str, errors=None[, byteorder]) -> (bytes, len(str)) */
static PyObject *kr_codecs_encode_common(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                                         kr_encode_fn fn, int fixed_order, int takes_order)
{
    const char *errors;
    int order = fixed_order;
    if (kr_check_nargs(fname, nargs, 1, takes_order ? 3 : 2) < 0)
        return NULL;
    if (kr_arg_str(fname, args[0], 1) == NULL || kr_arg_errors(fname, args, nargs, 1, &errors) < 0)
        return NULL;
    if (takes_order && nargs > 2) {
        order = _PyLong_AsInt(args[2]);
        if (order == -1 && PyErr_Occurred())
            return NULL;
    }
    PyObject *b = fn(args[0], errors, order);
    return b == NULL ? NULL : Py_BuildValue("(Nn)", b, PyUnicode_GET_LENGTH(args[0]));
}

#define KR_ENC_FN(NAME, FN, ORDER, TAKES) \
    static PyObject *kr_c_##NAME(PyObject *m, PyObject *const *args, Py_ssize_t nargs) \
    { \
        return kr_codecs_encode_common(#NAME, args, nargs, FN, ORDER, TAKES); \
    }

KR_ENC_FN(utf_8_encode, kr_enc_utf8_fn, 0, 0)
KR_ENC_FN(latin_1_encode, kr_enc_latin1_fn, 0, 0)
KR_ENC_FN(ascii_encode, kr_enc_ascii_fn, 0, 0)
KR_ENC_FN(utf_16_encode, kr_enc_utf16_fn, 0, 1)
KR_ENC_FN(utf_16_le_encode, kr_enc_utf16_fn, -1, 0)
KR_ENC_FN(utf_16_be_encode, kr_enc_utf16_fn, 1, 0)
KR_ENC_FN(utf_32_encode, kr_enc_utf32_fn, 0, 1)
KR_ENC_FN(utf_32_le_encode, kr_enc_utf32_fn, -1, 0)
KR_ENC_FN(utf_32_be_encode, kr_enc_utf32_fn, 1, 0)
KR_ENC_FN(unicode_escape_encode, kr_enc_esc_fn, 0, 0)
KR_ENC_FN(raw_unicode_escape_encode, kr_enc_rawesc_fn, 0, 0)

enum kr_dec_id { KR_D_UTF8, KR_D_LATIN1, KR_D_ASCII, KR_D_UTF16, KR_D_UTF32, KR_D_ESC, KR_D_RAWESC };

/* (data, errors=None, [byteorder,] final=False) -> (str, consumed[, byteorder]) */
static PyObject *kr_codecs_decode_common(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                                         enum kr_dec_id id, int order, int ex, int takes_final)
{
    const char *errors;
    Py_buffer view;
    int final = 0;
    Py_ssize_t consumed;
    PyObject *r;
    Py_ssize_t maxargs = 2 + (ex ? 1 : 0) + (takes_final ? 1 : 0);
    if (kr_check_nargs(fname, nargs, 1, maxargs) < 0)
        return NULL;
    if (kr_arg_errors(fname, args, nargs, 1, &errors) < 0)
        return NULL;
    if (ex && nargs > 2) {
        order = _PyLong_AsInt(args[2]);
        if (order == -1 && PyErr_Occurred())
            return NULL;
    }
    if (takes_final && nargs > maxargs - 1) {
        final = PyObject_IsTrue(args[maxargs - 1]);
        if (final < 0)
            return NULL;
    }
    else if (!takes_final)
        final = 1;
    if (PyUnicode_Check(args[0]) && (id == KR_D_ESC || id == KR_D_RAWESC)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(args[0], &n);
        if (s == NULL)
            return NULL;
        view.buf = (void *)s;
        view.len = n;
        view.obj = NULL;
    }
    else if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    Py_ssize_t *pc = final ? NULL : &consumed;
    consumed = view.len;
    switch (id) {
    case KR_D_UTF8: r = PyUnicode_DecodeUTF8Stateful(view.buf, view.len, errors, pc); break;
    case KR_D_LATIN1: r = PyUnicode_DecodeLatin1(view.buf, view.len, errors); break;
    case KR_D_ASCII: r = PyUnicode_DecodeASCII(view.buf, view.len, errors); break;
    case KR_D_UTF16: r = PyUnicode_DecodeUTF16Stateful(view.buf, view.len, errors, &order, pc); break;
    case KR_D_UTF32: r = PyUnicode_DecodeUTF32Stateful(view.buf, view.len, errors, &order, pc); break;
    case KR_D_ESC: r = _PyUnicode_DecodeUnicodeEscapeStateful(view.buf, view.len, errors, pc); break;
    default: r = _PyUnicode_DecodeRawUnicodeEscapeStateful(view.buf, view.len, errors, pc); break;
    }
    if (view.obj != NULL)
        PyBuffer_Release(&view);
    if (r == NULL)
        return NULL;
    if (ex)
        return Py_BuildValue("(Nni)", r, consumed, order);
    return Py_BuildValue("(Nn)", r, consumed);
}

#define KR_DEC_FN(NAME, ID, ORDER, EX, FINAL) \
    static PyObject *kr_c_##NAME(PyObject *m, PyObject *const *args, Py_ssize_t nargs) \
    { \
        return kr_codecs_decode_common(#NAME, args, nargs, ID, ORDER, EX, FINAL); \
    }

KR_DEC_FN(utf_8_decode, KR_D_UTF8, 0, 0, 1)
KR_DEC_FN(latin_1_decode, KR_D_LATIN1, 0, 0, 0)
KR_DEC_FN(ascii_decode, KR_D_ASCII, 0, 0, 0)
KR_DEC_FN(utf_16_decode, KR_D_UTF16, 0, 0, 1)
KR_DEC_FN(utf_16_le_decode, KR_D_UTF16, -1, 0, 1)
KR_DEC_FN(utf_16_be_decode, KR_D_UTF16, 1, 0, 1)
KR_DEC_FN(utf_16_ex_decode, KR_D_UTF16, 0, 1, 1)
KR_DEC_FN(utf_32_decode, KR_D_UTF32, 0, 0, 1)
KR_DEC_FN(utf_32_le_decode, KR_D_UTF32, -1, 0, 1)
KR_DEC_FN(utf_32_be_decode, KR_D_UTF32, 1, 0, 1)
KR_DEC_FN(utf_32_ex_decode, KR_D_UTF32, 0, 1, 1)
KR_DEC_FN(unicode_escape_decode, KR_D_ESC, 0, 0, 1)
KR_DEC_FN(raw_unicode_escape_decode, KR_D_RAWESC, 0, 0, 1)

static PyObject *kr_c_register(PyObject *m, PyObject *fn)
{
    return PyCodec_Register(fn) < 0 ? NULL : Py_NewRef(Py_None);
}

static PyObject *kr_c_unregister(PyObject *m, PyObject *fn)
{
    return PyCodec_Unregister(fn) < 0 ? NULL : Py_NewRef(Py_None);
}

static PyObject *kr_c_lookup(PyObject *m, PyObject *enc)
{
    if (kr_arg_str("lookup", enc, 1) == NULL)
        return NULL;
    const char *s = PyUnicode_AsUTF8(enc);
    return s == NULL ? NULL : _PyCodec_Lookup(s);
}

static PyObject *kr_codecs_convert(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int decode)
{
    static const char *const names[] = {"obj", "encoding", "errors", NULL};
    PyObject *a[3] = {NULL, NULL, NULL};
    const char *encoding = "utf-8", *errors = NULL;
    const char *fname = decode ? "decode" : "encode";
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 3 arguments (%zd given)", fname, nargs + nkw);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        a[i] = args[i];
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int found = 0;
        for (int j = 0; j < 3; j++) {
            if (_PyUnicode_EqualToASCIIString(key, names[j])) {
                if (a[j] != NULL) {
                    PyErr_Format(PyExc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                                 names[j], j + 1);
                    return NULL;
                }
                a[j] = args[nargs + k];
                found = 1;
            }
        }
        if (!found) {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return NULL;
        }
    }
    if (a[0] == NULL) {
        PyErr_Format(PyExc_TypeError, "%s() missing required argument 'obj' (pos 1)", fname);
        return NULL;
    }
    for (int j = 1; j < 3; j++) {
        if (a[j] == NULL)
            continue;
        if (!PyUnicode_Check(a[j])) {
            PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str, not %.50s", fname, names[j],
                         Py_TYPE(a[j])->tp_name);
            return NULL;
        }
        const char *s = PyUnicode_AsUTF8(a[j]);
        if (s == NULL)
            return NULL;
        if (j == 1)
            encoding = s;
        else
            errors = s;
    }
    return decode ? PyCodec_Decode(a[0], encoding, errors) : PyCodec_Encode(a[0], encoding, errors);
}

static PyObject *kr_c_encode(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return kr_codecs_convert(args, nargs, kwnames, 0);
}

static PyObject *kr_c_decode(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return kr_codecs_convert(args, nargs, kwnames, 1);
}

static PyObject *kr_c_register_error(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (kr_check_nargs("register_error", nargs, 2, 2) < 0 || kr_arg_str("register_error", args[0], 1) == NULL)
        return NULL;
    const char *name = PyUnicode_AsUTF8(args[0]);
    if (name == NULL || PyCodec_RegisterError(name, args[1]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *kr_c_lookup_error(PyObject *m, PyObject *name)
{
    if (kr_arg_str("lookup_error", name, 1) == NULL)
        return NULL;
    const char *s = PyUnicode_AsUTF8(name);
    return s == NULL ? NULL : PyCodec_LookupError(s);
}

static PyObject *kr_c_readbuffer_encode(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer view;
    const char *errors;
    if (kr_check_nargs("readbuffer_encode", nargs, 1, 2) < 0 ||
        kr_arg_errors("readbuffer_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    if (PyUnicode_Check(args[0])) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(args[0], &n);
        return s == NULL ? NULL : Py_BuildValue("(Nn)", PyBytes_FromStringAndSize(s, n), n);
    }
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *b = PyBytes_FromStringAndSize(view.buf, view.len);
    Py_ssize_t n = view.len;
    PyBuffer_Release(&view);
    return b == NULL ? NULL : Py_BuildValue("(Nn)", b, n);
}

/* charmap_build(decoding_table) -> dict mapping code points to bytes */
static PyObject *kr_c_charmap_build(PyObject *m, PyObject *table)
{
    if (kr_arg_str("charmap_build", table, 1) == NULL)
        return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(table); i++) {
        PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(table, i)), *v = PyLong_FromSsize_t(i);
        if (k == NULL || v == NULL || PyDict_SetItem(d, k, v) < 0) {
            Py_XDECREF(k);
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    return d;
}

static PyObject *kr_c_charmap_decode(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    const char *errors;
    Py_buffer view;
    if (kr_check_nargs("charmap_decode", nargs, 1, 3) < 0 || kr_arg_errors("charmap_decode", args, nargs, 1, &errors) < 0)
        return NULL;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyObject *r = PyUnicode_DecodeCharmap(view.buf, view.len, nargs > 2 ? args[2] : NULL, errors);
    Py_ssize_t n = view.len;
    PyBuffer_Release(&view);
    return r == NULL ? NULL : Py_BuildValue("(Nn)", r, n);
}

static PyObject *kr_c_charmap_encode(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    const char *errors;
    if (kr_check_nargs("charmap_encode", nargs, 1, 3) < 0 || kr_arg_str("charmap_encode", args[0], 1) == NULL ||
        kr_arg_errors("charmap_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    PyObject *b = kr_str_charmap_encode(args[0], errors, nargs > 2 ? args[2] : NULL);
    return b == NULL ? NULL : Py_BuildValue("(Nn)", b, PyUnicode_GET_LENGTH(args[0]));
}

static PyObject *kr_c_escape_encode(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    const char *errors;
    if (kr_check_nargs("escape_encode", nargs, 1, 2) < 0 || kr_arg_errors("escape_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    if (!kr_is_bytes(args[0])) {
        PyErr_Format(PyExc_TypeError, "escape_encode() argument 1 must be bytes, not %.50s", Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyObject *b = kr_bytes_escape_encode(kr_bytes_data(args[0]), Py_SIZE(args[0]));
    return b == NULL ? NULL : Py_BuildValue("(Nn)", b, Py_SIZE(args[0]));
}

static PyObject *kr_c_escape_decode(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    const char *errors;
    Py_buffer view;
    if (kr_check_nargs("escape_decode", nargs, 1, 2) < 0 || kr_arg_errors("escape_decode", args, nargs, 1, &errors) < 0)
        return NULL;
    if (PyUnicode_Check(args[0])) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(args[0], &n);
        if (s == NULL)
            return NULL;
        PyObject *b = PyBytes_DecodeEscape(s, n, errors, 0, NULL);
        return b == NULL ? NULL : Py_BuildValue("(Nn)", b, n);
    }
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyObject *b = PyBytes_DecodeEscape(view.buf, view.len, errors, 0, NULL);
    Py_ssize_t n = view.len;
    PyBuffer_Release(&view);
    return b == NULL ? NULL : Py_BuildValue("(Nn)", b, n);
}

#define KR_CFAST(NAME) {#NAME, _PyCFunction_CAST(kr_c_##NAME), METH_FASTCALL, NULL}

static PyMethodDef kr_codecs_methods[] = {
    {"register", kr_c_register, METH_O, "Register a codec search function."},
    {"unregister", kr_c_unregister, METH_O, "Unregister a codec search function and clear the registry's cache."},
    {"lookup", kr_c_lookup, METH_O, "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {"encode", _PyCFunction_CAST(kr_c_encode), METH_FASTCALL | METH_KEYWORDS, "Encodes obj using the codec registered for encoding."},
    {"decode", _PyCFunction_CAST(kr_c_decode), METH_FASTCALL | METH_KEYWORDS, "Decodes obj using the codec registered for encoding."},
    {"register_error", _PyCFunction_CAST(kr_c_register_error), METH_FASTCALL, "Register the specified error handler under the name errors."},
    {"lookup_error", kr_c_lookup_error, METH_O, "lookup_error(errors) -> handler"},
    KR_CFAST(utf_8_encode), KR_CFAST(utf_8_decode),
    KR_CFAST(latin_1_encode), KR_CFAST(latin_1_decode),
    KR_CFAST(ascii_encode), KR_CFAST(ascii_decode),
    KR_CFAST(utf_16_encode), KR_CFAST(utf_16_decode), KR_CFAST(utf_16_le_encode), KR_CFAST(utf_16_le_decode),
    KR_CFAST(utf_16_be_encode), KR_CFAST(utf_16_be_decode), KR_CFAST(utf_16_ex_decode),
    KR_CFAST(utf_32_encode), KR_CFAST(utf_32_decode), KR_CFAST(utf_32_le_encode), KR_CFAST(utf_32_le_decode),
    KR_CFAST(utf_32_be_encode), KR_CFAST(utf_32_be_decode), KR_CFAST(utf_32_ex_decode),
    KR_CFAST(unicode_escape_encode), KR_CFAST(unicode_escape_decode),
    KR_CFAST(raw_unicode_escape_encode), KR_CFAST(raw_unicode_escape_decode),
    KR_CFAST(readbuffer_encode),
    {"charmap_build", kr_c_charmap_build, METH_O, NULL},
    KR_CFAST(charmap_decode), KR_CFAST(charmap_encode),
    KR_CFAST(escape_encode), KR_CFAST(escape_decode),
    {NULL, NULL, 0, NULL}
};

PyModuleDef kr_codecs_module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_codecs",
    .m_doc = NULL,
    .m_size = 0,
    .m_methods = kr_codecs_methods,
};

/* The import machinery's entry point for the built-in module. */
PyMODINIT_FUNC PyInit__codecs(void)
{
    return PyModuleDef_Init(&kr_codecs_module_def);
}
