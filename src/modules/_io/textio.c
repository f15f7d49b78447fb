/* textio.c: TextIOWrapper, IncrementalNewlineDecoder, and the newline
 * helpers StringIO shares.
 *
 * A TextIOWrapper decodes what it reads from its buffer in chunks
 * (decoded_chars, of which decoded_chars_used are consumed) and encodes
 * what it writes into pending_bytes, handed to the buffer in one write
 * when the chunk size is reached, on flush, or at once with line
 * buffering / write_through.  tell() returns CPython's opaque cookie
 * (start position, decoder flags, bytes to feed, chars to skip, need_eof
 * packed little-endian into one int) so cookies are interchangeable
 * with CPython's; it is reconstructed from `snapshot`, the decoder state
 * and input of the current chunk. */
#include "modules/_io/io_internal.h"
#include "capi/argparse.h"
#include "objects/str_ids.h"
#include "structmember.h"

/* ---- newline helpers ---- */

PyObject *kr_io_newlines_obj(int seennl)
{
    switch (seennl) {
    case KR_SEEN_LF: return PyUnicode_FromString("\n");
    case KR_SEEN_CR: return PyUnicode_FromString("\r");
    case KR_SEEN_CRLF: return PyUnicode_FromString("\r\n");
    case KR_SEEN_CR | KR_SEEN_LF: return Py_BuildValue("ss", "\r", "\n");
    case KR_SEEN_LF | KR_SEEN_CRLF: return Py_BuildValue("ss", "\n", "\r\n");
    case KR_SEEN_CR | KR_SEEN_CRLF: return Py_BuildValue("ss", "\r", "\r\n");
    case KR_SEEN_CR | KR_SEEN_LF | KR_SEEN_CRLF: return Py_BuildValue("sss", "\r", "\n", "\r\n");
    default: Py_RETURN_NONE;
    }
}

PyObject *kr_io_translate_newlines(PyObject *text, int translate, int final, int *seennl,
                                   int *pendingcr)
{
    Py_INCREF(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (*pendingcr && (final || len > 0)) {
        PyObject *cr = PyUnicode_FromOrdinal('\r');
        PyObject *t = cr ? PyUnicode_Concat(cr, text) : NULL;
        Py_XDECREF(cr);
        Py_DECREF(text);
        if (t == NULL)
            return NULL;
        text = t;
        len++;
        *pendingcr = 0;
    }
    if (!final && len > 0 && PyUnicode_READ_CHAR(text, len - 1) == '\r') {
        PyObject *t = PyUnicode_Substring(text, 0, len - 1);
        Py_DECREF(text);
        if (t == NULL)
            return NULL;
        text = t;
        len--;
        *pendingcr = 1;
    }
    if (len == 0)
        return text;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t crpos = PyUnicode_FindChar(text, '\r', 0, len, 1);
    if (crpos == -2) {
        Py_DECREF(text);
        return NULL;
    }
    if (crpos == -1) {
        /* only \n can be present: no translation */
        if (PyUnicode_FindChar(text, '\n', 0, len, 1) >= 0)
            *seennl |= KR_SEEN_LF;
        return text;
    }
    int seen = *seennl;
    if (!translate) {
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c == '\n')
                seen |= KR_SEEN_LF;
            else if (c == '\r') {
                if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
                    seen |= KR_SEEN_CRLF;
                    i++;
                } else
                    seen |= KR_SEEN_CR;
            }
        }
        *seennl = seen;
        return text;
    }
    Py_UCS4 *out = PyMem_Malloc((size_t)len * sizeof(Py_UCS4));
    if (out == NULL) {
        Py_DECREF(text);
        return PyErr_NoMemory();
    }
    Py_ssize_t o = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\n')
            seen |= KR_SEEN_LF;
        else if (c == '\r') {
            if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
                seen |= KR_SEEN_CRLF;
                i++;
            } else
                seen |= KR_SEEN_CR;
            c = '\n';
        }
        out[o++] = c;
    }
    *seennl = seen;
    Py_DECREF(text);
    PyObject *r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, o);
    PyMem_Free(out);
    return r;
}

Py_ssize_t kr_io_find_line_ending(int translated, int universal, PyObject *readnl, int kind,
                                  const void *data, Py_ssize_t start, Py_ssize_t end,
                                  Py_ssize_t *consumed)
{
    if (translated) {
        for (Py_ssize_t i = start; i < end; i++)
            if (PyUnicode_READ(kind, data, i) == '\n')
                return i + 1;
        *consumed = end;
        return -1;
    }
    if (universal) {
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c == '\n')
                return i + 1;
            if (c == '\r') {
                if (i + 1 < end && PyUnicode_READ(kind, data, i + 1) == '\n')
                    return i + 2;
                return i + 1;
            }
        }
        *consumed = end;
        return -1;
    }
    Py_ssize_t nl_len = PyUnicode_GET_LENGTH(readnl);
    Py_UCS4 first = PyUnicode_READ_CHAR(readnl, 0);
    for (Py_ssize_t i = start; i < end; i++) {
        if (PyUnicode_READ(kind, data, i) != first)
            continue;
        if (i + nl_len > end)
            break;
        Py_ssize_t k = 1;
        while (k < nl_len && PyUnicode_READ(kind, data, i + k) == PyUnicode_READ_CHAR(readnl, k))
            k++;
        if (k == nl_len)
            return i + nl_len;
    }
    /* a newline of two characters may straddle the end */
    *consumed = end - (nl_len - 1);
    if (*consumed < start)
        *consumed = start;
    return -1;
}

/* ---- IncrementalNewlineDecoder ---- */

typedef struct {
    PyObject_HEAD
    PyObject *decoder;
    PyObject *errors;
    int pendingcr, translate, seennl;
} kr_nldecoder;

static int nldecoder_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    kr_nldecoder *self = (kr_nldecoder *)op;
    static char *kwlist[] = {"decoder", "translate", "errors", NULL};
    PyObject *decoder, *errors = NULL;
    int translate;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Oi|O:IncrementalNewlineDecoder", kwlist,
                                     &decoder, &translate, &errors))
        return -1;
    Py_XSETREF(self->decoder, Py_NewRef(decoder));
    if (errors == NULL)
        errors = PyUnicode_FromString("strict");
    else
        Py_INCREF(errors);
    if (errors == NULL)
        return -1;
    Py_XSETREF(self->errors, errors);
    self->translate = translate ? 1 : 0;
    self->seennl = 0;
    self->pendingcr = 0;
    return 0;
}

static int nldecoder_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((kr_nldecoder *)op)->decoder);
    Py_VISIT(((kr_nldecoder *)op)->errors);
    return 0;
}

static int nldecoder_clear(PyObject *op)
{
    Py_CLEAR(((kr_nldecoder *)op)->decoder);
    Py_CLEAR(((kr_nldecoder *)op)->errors);
    return 0;
}

static void nldecoder_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    nldecoder_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *check_decoded(PyObject *decoded)
{
    if (decoded != NULL && !PyUnicode_Check(decoded)) {
        PyErr_Format(PyExc_TypeError, "decoder should return a string result, not '%.200s'",
                     Py_TYPE(decoded)->tp_name);
        Py_DECREF(decoded);
        return NULL;
    }
    return decoded;
}

static PyObject *nldecoder_decode_impl(kr_nldecoder *self, PyObject *input, int final)
{
    if (self->decoder == NULL) {
        PyErr_SetString(PyExc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return NULL;
    }
    PyObject *output;
    if (self->decoder != Py_None) {
        output = PyObject_CallMethodObjArgs(self->decoder, KR_ID(decode), input,
                                            final ? Py_True : Py_False, NULL);
    } else
        output = Py_NewRef(input);
    output = check_decoded(output);
    if (output == NULL)
        return NULL;
    PyObject *r = kr_io_translate_newlines(output, self->translate, final, &self->seennl,
                                           &self->pendingcr);
    Py_DECREF(output);
    return r;
}

/* decode() of any decoder object: exact IncrementalNewlineDecoders are
 * called directly.  New reference, checked to be a str. */
static PyObject *decoder_decode(PyObject *decoder, PyObject *input, int final)
{
    if (Py_IS_TYPE(decoder, &PyIncrementalNewlineDecoder_Type))
        return nldecoder_decode_impl((kr_nldecoder *)decoder, input, final);
    PyObject *r = PyObject_CallMethodObjArgs(decoder, KR_ID(decode), input,
                                             final ? Py_True : Py_False, NULL);
    return check_decoded(r);
}

static PyObject *nldecoder_decode(PyObject *op, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames)
{
    static const char *const names[] = {"input", "final", NULL};
    static const kr_argspec spec = {"decode", names, 0, 1, 2};
    PyObject *a[2];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int final = 0;
    if (a[1] != NULL) {
        final = PyObject_IsTrue(a[1]);
        if (final < 0)
            return NULL;
    }
    return nldecoder_decode_impl((kr_nldecoder *)op, a[0], final);
}

static PyObject *nldecoder_getstate(PyObject *op, PyObject *unused)
{
    kr_nldecoder *self = (kr_nldecoder *)op;
    PyObject *buffer;
    unsigned long long flag;
    if (self->decoder != NULL && self->decoder != Py_None) {
        PyObject *state = PyObject_CallMethodNoArgs(self->decoder, KR_ID(getstate));
        if (state == NULL)
            return NULL;
        if (!PyTuple_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "illegal decoder state");
            Py_DECREF(state);
            return NULL;
        }
        if (!PyArg_ParseTuple(state, "OK;illegal decoder state", &buffer, &flag)) {
            Py_DECREF(state);
            return NULL;
        }
        Py_INCREF(buffer);
        Py_DECREF(state);
    } else {
        buffer = PyBytes_FromString("");
        if (buffer == NULL)
            return NULL;
        flag = 0;
    }
    flag <<= 1;
    if (self->pendingcr)
        flag |= 1;
    return Py_BuildValue("NK", buffer, flag);
}

static PyObject *nldecoder_setstate(PyObject *op, PyObject *state)
{
    kr_nldecoder *self = (kr_nldecoder *)op;
    PyObject *buffer;
    unsigned long long flag;
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state argument must be a tuple");
        return NULL;
    }
    if (!PyArg_ParseTuple(state, "OK;setstate(): illegal state argument", &buffer, &flag))
        return NULL;
    self->pendingcr = (int)(flag & 1);
    if (self->decoder != NULL && self->decoder != Py_None)
        return PyObject_CallMethod(self->decoder, "setstate", "((OK))", buffer, flag >> 1);
    Py_RETURN_NONE;
}

static PyObject *nldecoder_reset(PyObject *op, PyObject *unused)
{
    kr_nldecoder *self = (kr_nldecoder *)op;
    self->seennl = 0;
    self->pendingcr = 0;
    if (self->decoder != NULL && self->decoder != Py_None)
        return PyObject_CallMethodNoArgs(self->decoder, KR_ID(reset));
    Py_RETURN_NONE;
}

static PyObject *nldecoder_newlines_get(PyObject *op, void *c)
{
    return kr_io_newlines_obj(((kr_nldecoder *)op)->seennl);
}

static PyMethodDef nldecoder_methods[] = {
    {"decode", (PyCFunction)(void (*)(void))nldecoder_decode, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"getstate", nldecoder_getstate, METH_NOARGS, NULL},
    {"setstate", nldecoder_setstate, METH_O, NULL},
    {"reset", nldecoder_reset, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef nldecoder_getset[] = {
    {"newlines", nldecoder_newlines_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyIncrementalNewlineDecoder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.IncrementalNewlineDecoder",
    .tp_basicsize = sizeof(kr_nldecoder),
    .tp_dealloc = nldecoder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Codec used when reading a file in universal newlines mode.",
    .tp_traverse = nldecoder_traverse,
    .tp_clear = nldecoder_clear,
    .tp_methods = nldecoder_methods,
    .tp_getset = nldecoder_getset,
    .tp_init = nldecoder_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---- TextIOWrapper ---- */

enum { ENC_OTHER, ENC_UTF8, ENC_LATIN1, ENC_ASCII };

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
    int ok, detached;
    Py_ssize_t chunk_size;
    PyObject *buffer, *encoding, *encoder, *decoder, *readnl, *errors;
    const char *writenl;         /* "\r", "\r\n", or NULL for "\n" (nothing to replace) */
    char line_buffering, write_through, readuniversal, readtranslate, writetranslate;
    char seekable, has_read1, telling, finalizing;
    int fast_encoding;           /* ENC_*: encode without the encoder object */
    char readable, writable;     /* the buffer's; the codec objects may be made lazily */
    PyObject *decoded_chars;     /* str, or NULL */
    Py_ssize_t decoded_chars_used;
    PyObject *pending_bytes;     /* list of bytes, or NULL */
    Py_ssize_t pending_bytes_count;
    PyObject *snapshot;          /* (dec_flags, next_input), or NULL */
    double b2cratio;
} kr_textio;

static int textio_check_attached(kr_textio *self)
{
    if (self->ok)
        return 0;
    if (self->detached)
        PyErr_SetString(PyExc_ValueError, "underlying buffer has been detached");
    else
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
    return -1;
}

#define CHECK_ATTACHED(self) \
    if (textio_check_attached(self) < 0) \
        return NULL;

/* self.closed: the buffer's, or a subclass's override. */
static int textio_check_closed(kr_textio *self)
{
    int r;
    if (Py_IS_TYPE(self, &PyTextIOWrapper_Type)) {
        r = kr_buffered_closed_fast(self->buffer);
        if (r == -2)
            r = kr_io_is_closed(self->buffer);
    } else
        r = kr_io_is_closed((PyObject *)self);
    if (r > 0) {
        kr_io_closed_error();
        return -1;
    }
    return r;
}

#define CHECK_CLOSED(self) \
    if (textio_check_closed(self) < 0) \
        return NULL;

static void set_decoded_chars(kr_textio *self, PyObject *chars)
{
    Py_XSETREF(self->decoded_chars, chars);
    self->decoded_chars_used = 0;
}

/* Takes up to n (n < 0: all) of the decoded characters.  New reference. */
static PyObject *get_decoded_chars(kr_textio *self, Py_ssize_t n)
{
    if (self->decoded_chars == NULL)
        return PyUnicode_New(0, 0);
    Py_ssize_t avail = PyUnicode_GET_LENGTH(self->decoded_chars) - self->decoded_chars_used;
    if (n < 0 || n > avail)
        n = avail;
    PyObject *r;
    if (self->decoded_chars_used == 0 && n == PyUnicode_GET_LENGTH(self->decoded_chars))
        r = Py_NewRef(self->decoded_chars);
    else
        r = PyUnicode_Substring(self->decoded_chars, self->decoded_chars_used,
                                self->decoded_chars_used + n);
    if (r != NULL)
        self->decoded_chars_used += n;
    return r;
}

static int validate_newline(const char *newline)
{
    if (newline && newline[0] != '\0' && !(newline[0] == '\n' && newline[1] == '\0') &&
        !(newline[0] == '\r' && newline[1] == '\0') &&
        !(newline[0] == '\r' && newline[1] == '\n' && newline[2] == '\0')) {
        PyErr_Format(PyExc_ValueError, "illegal newline value: %s", newline);
        return -1;
    }
    return 0;
}

static int set_newline(kr_textio *self, const char *newline)
{
    PyObject *old = self->readnl;
    if (newline == NULL)
        self->readnl = NULL;
    else {
        self->readnl = PyUnicode_FromString(newline);
        if (self->readnl == NULL) {
            self->readnl = old;
            return -1;
        }
    }
    Py_XDECREF(old);
    self->readuniversal = newline == NULL || newline[0] == '\0';
    self->readtranslate = newline == NULL;
    self->writetranslate = newline == NULL || newline[0] != '\0';
    self->writenl = NULL;
    if (!self->readuniversal && newline[0] == '\r')
        self->writenl = newline[1] == '\n' ? "\r\n" : "\r";
    return 0;
}

/* Looks up a text encoding: LookupError for unknown and non-text codecs.
 * New reference to the CodecInfo. */
static PyObject *lookup_text_encoding(const char *encoding)
{
    PyObject *codec = _PyCodec_Lookup(encoding);
    if (codec == NULL)
        return NULL;
    PyObject *attr, *name = PyUnicode_FromString("_is_text_encoding");
    int r = name ? _PyObject_LookupAttr(codec, name, &attr) : -1;
    Py_XDECREF(name);
    if (r < 0) {
        Py_DECREF(codec);
        return NULL;
    }
    if (attr != NULL) {
        int ok = PyObject_IsTrue(attr);
        Py_DECREF(attr);
        if (ok <= 0) {
            Py_DECREF(codec);
            if (ok == 0)
                PyErr_Format(PyExc_LookupError,
                             "'%.400s' is not a text encoding; use codecs.open() to handle arbitrary codecs",
                             encoding);
            return NULL;
        }
    }
    return codec;
}

/* The stateless encodings whose codec objects are made only when needed
 * (so that the standard streams do not import `encodings` at start-up). */
static int fast_encoding_of(const char *enc)
{
    char norm[16];
    size_t i;
    for (i = 0; enc[i] && i < sizeof norm - 1; i++) {
        char c = enc[i];
        norm[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    if (enc[i])
        return ENC_OTHER;
    norm[i] = '\0';
    if (!strcmp(norm, "utf-8") || !strcmp(norm, "utf8"))
        return ENC_UTF8;
    if (!strcmp(norm, "latin-1") || !strcmp(norm, "latin1") || !strcmp(norm, "iso-8859-1") ||
        !strcmp(norm, "iso8859-1"))
        return ENC_LATIN1;
    if (!strcmp(norm, "ascii") || !strcmp(norm, "us-ascii"))
        return ENC_ASCII;
    return ENC_OTHER;
}

static PyObject *make_codec_object(kr_textio *self, PyObject *codec, const char *factory_name)
{
    PyObject *factory = PyObject_GetAttrString(codec, factory_name);
    if (factory == NULL)
        return NULL;
    PyObject *obj = PyObject_CallOneArg(factory, self->errors);
    Py_DECREF(factory);
    return obj;
}

static int make_decoder(kr_textio *self, PyObject *codec)
{
    PyObject *dec = make_codec_object(self, codec, "incrementaldecoder");
    if (dec == NULL)
        return -1;
    if (self->readuniversal) {
        PyObject *nl = PyObject_CallFunction((PyObject *)&PyIncrementalNewlineDecoder_Type, "Oi",
                                             dec, (int)self->readtranslate);
        Py_DECREF(dec);
        if (nl == NULL)
            return -1;
        dec = nl;
    }
    Py_XSETREF(self->decoder, dec);
    return 0;
}

/* The decoder of a readable stream, made on first use for the fast
 * encodings.  0, or -1 with an exception (UnsupportedOperation when the
 * stream is not readable). */
static int ensure_decoder(kr_textio *self)
{
    if (self->decoder != NULL)
        return 0;
    if (!self->readable) {
        kr_io_unsupported("not readable");
        return -1;
    }
    const char *enc = PyUnicode_AsUTF8(self->encoding);
    if (enc == NULL)
        return -1;
    PyObject *codec = lookup_text_encoding(enc);
    if (codec == NULL)
        return -1;
    int rc = make_decoder(self, codec);
    Py_DECREF(codec);
    return rc;
}

static int ask_buffer(kr_textio *self, PyObject *meth)
{
    PyObject *r = PyObject_CallMethodNoArgs(self->buffer, meth);
    if (r == NULL)
        return -1;
    int v = PyObject_IsTrue(r);
    Py_DECREF(r);
    return v;
}

/* (Re)creates the encoder and decoder for self->encoding/errors. */
static int set_codecs(kr_textio *self)
{
    const char *enc = PyUnicode_AsUTF8(self->encoding);
    if (enc == NULL)
        return -1;
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->encoder);
    int readable = ask_buffer(self, KR_ID(readable));
    if (readable < 0)
        return -1;
    int writable = ask_buffer(self, KR_ID(writable));
    if (writable < 0)
        return -1;
    self->readable = (char)readable;
    self->writable = (char)writable;
    self->fast_encoding = fast_encoding_of(enc);
    if (self->fast_encoding != ENC_OTHER)
        return 0;
    PyObject *codec = lookup_text_encoding(enc);
    if (codec == NULL)
        return -1;
    if (readable && make_decoder(self, codec) < 0)
        goto error;
    if (writable) {
        self->encoder = make_codec_object(self, codec, "incrementalencoder");
        if (self->encoder == NULL)
            goto error;
    }
    Py_DECREF(codec);
    return 0;
error:
    Py_DECREF(codec);
    return -1;
}

/* An encoder that is not at the start of the stream must not write a
 * BOM again (utf-16, utf-32, utf-8-sig). */
static int fix_encoder_state(kr_textio *self)
{
    if (!self->seekable || self->encoder == NULL)
        return 0;
    PyObject *cookie = PyObject_CallMethodNoArgs(self->buffer, KR_ID(tell));
    if (cookie == NULL) {
        /* some streams claim to be seekable and are not */
        PyErr_Clear();
        return 0;
    }
    int at_start = PyLong_Check(cookie) && _PyLong_Sign(cookie) == 0;
    Py_DECREF(cookie);
    if (!at_start) {
        PyObject *r = PyObject_CallMethod(self->encoder, "setstate", "i", 0);
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    return 0;
}

static int str_or_none_arg(PyObject *v, const char *what, const char **out)
{
    if (v == NULL || v == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "TextIOWrapper() argument '%s' must be str or None, not %.200s",
                     what, Py_TYPE(v)->tp_name);
        return -1;
    }
    *out = PyUnicode_AsUTF8(v);
    return *out == NULL ? -1 : 0;
}

static int textio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    kr_textio *self = (kr_textio *)op;
    static char *kwlist[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                             "write_through", NULL};
    PyObject *buffer, *encobj = NULL, *errobj = NULL, *nlobj = NULL;
    int line_buffering = 0, write_through = 0;
    self->ok = 0;
    self->detached = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOOii:TextIOWrapper", kwlist, &buffer,
                                     &encobj, &errobj, &nlobj, &line_buffering, &write_through))
        return -1;
    const char *encoding, *errors, *newline;
    if (str_or_none_arg(encobj, "encoding", &encoding) < 0 ||
        str_or_none_arg(errobj, "errors", &errors) < 0 ||
        str_or_none_arg(nlobj, "newline", &newline) < 0)
        return -1;
    if (validate_newline(newline) < 0)
        return -1;
    Py_CLEAR(self->buffer);
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->encoder);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->errors);
    Py_CLEAR(self->snapshot);
    Py_CLEAR(self->pending_bytes);
    set_decoded_chars(self, NULL);
    self->pending_bytes_count = 0;
    self->chunk_size = 8192;
    self->b2cratio = 0.0;

    if (encoding == NULL || strcmp(encoding, "locale") == 0)
        self->encoding = PyUnicode_FromString(KR_IO_LOCALE_ENCODING);
    else
        self->encoding = Py_NewRef(encobj);
    if (self->encoding == NULL)
        return -1;
    self->errors = errors == NULL ? PyUnicode_FromString("strict") : Py_NewRef(errobj);
    if (self->errors == NULL)
        return -1;
    self->line_buffering = line_buffering ? 1 : 0;
    self->write_through = write_through ? 1 : 0;
    if (set_newline(self, newline) < 0)
        return -1;
    self->buffer = Py_NewRef(buffer);
    if (set_codecs(self) < 0)
        return -1;
    PyObject *r = PyObject_CallMethodNoArgs(buffer, KR_ID(seekable));
    if (r == NULL)
        return -1;
    int seekable = PyObject_IsTrue(r);
    Py_DECREF(r);
    if (seekable < 0)
        return -1;
    self->seekable = self->telling = (char)seekable;
    PyObject *read1;
    if (_PyObject_LookupAttr(buffer, KR_ID(read1), &read1) < 0)
        return -1;
    self->has_read1 = read1 != NULL;
    Py_XDECREF(read1);
    if (fix_encoder_state(self) < 0)
        return -1;
    self->ok = 1;
    return 0;
}

static int textio_traverse(PyObject *op, visitproc visit, void *arg)
{
    kr_textio *self = (kr_textio *)op;
    Py_VISIT(self->buffer);
    Py_VISIT(self->encoding);
    Py_VISIT(self->encoder);
    Py_VISIT(self->decoder);
    Py_VISIT(self->readnl);
    Py_VISIT(self->errors);
    Py_VISIT(self->decoded_chars);
    Py_VISIT(self->pending_bytes);
    Py_VISIT(self->snapshot);
    Py_VISIT(self->dict);
    return 0;
}

static int textio_clear(PyObject *op)
{
    kr_textio *self = (kr_textio *)op;
    self->ok = 0;
    Py_CLEAR(self->buffer);
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->encoder);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->errors);
    Py_CLEAR(self->decoded_chars);
    Py_CLEAR(self->pending_bytes);
    Py_CLEAR(self->snapshot);
    Py_CLEAR(self->dict);
    return 0;
}

static void textio_dealloc(PyObject *op)
{
    kr_textio *self = (kr_textio *)op;
    self->finalizing = 1;
    if (PyObject_CallFinalizerFromDealloc(op) < 0)
        return;
    self->ok = 0;
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    textio_clear(op);
    Py_TYPE(op)->tp_free(op);
}

/* ---- writing ---- */

static int write_flush(kr_textio *self)
{
    if (self->pending_bytes == NULL)
        return 0;
    PyObject *pending = self->pending_bytes;
    self->pending_bytes = NULL;
    self->pending_bytes_count = 0;
    PyObject *b;
    if (PyList_GET_SIZE(pending) == 1)
        b = Py_NewRef(PyList_GET_ITEM(pending, 0));
    else {
        PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
        b = empty ? _PyBytes_Join(empty, pending) : NULL;
        Py_XDECREF(empty);
    }
    Py_DECREF(pending);
    if (b == NULL)
        return -1;
    PyObject *r;
    for (;;) {
        r = PyObject_CallMethodOneArg(self->buffer, KR_ID(write), b);
        if (r != NULL || !PyErr_ExceptionMatches(PyExc_InterruptedError))
            break;
        PyErr_Clear();
    }
    Py_DECREF(b);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static PyObject *encode_text(kr_textio *self, PyObject *text)
{
    if (self->fast_encoding != ENC_OTHER) {
        if (PyUnicode_IS_ASCII(text))
            return PyBytes_FromStringAndSize((const char *)PyUnicode_DATA(text),
                                             PyUnicode_GET_LENGTH(text));
        const char *errors = PyUnicode_AsUTF8(self->errors);
        if (errors == NULL)
            return NULL;
        const char *enc = self->fast_encoding == ENC_UTF8     ? "utf-8"
                          : self->fast_encoding == ENC_LATIN1 ? "latin-1"
                                                              : "ascii";
        return PyUnicode_AsEncodedString(text, enc, errors);
    }
    PyObject *b = PyObject_CallMethodOneArg(self->encoder, KR_ID(encode), text);
    if (b != NULL && !PyBytes_Check(b)) {
        PyErr_Format(PyExc_TypeError, "encoder should return a bytes object, not '%.200s'",
                     Py_TYPE(b)->tp_name);
        Py_DECREF(b);
        return NULL;
    }
    return b;
}

static PyObject *textio_write(PyObject *op, PyObject *text)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    CHECK_CLOSED(self);
    if (!self->writable)
        return kr_io_unsupported("not writable");
    Py_ssize_t textlen = PyUnicode_GET_LENGTH(text);
    int haslf = 0;
    if ((self->writetranslate && self->writenl != NULL) || self->line_buffering) {
        Py_ssize_t r = PyUnicode_FindChar(text, '\n', 0, textlen, 1);
        if (r == -2)
            return NULL;
        haslf = r >= 0;
    }
    Py_INCREF(text);
    if (haslf && self->writetranslate && self->writenl != NULL) {
        PyObject *nl = PyUnicode_FromString(self->writenl);
        PyObject *lf = PyUnicode_FromOrdinal('\n');
        PyObject *t = nl && lf ? PyUnicode_Replace(text, lf, nl, -1) : NULL;
        Py_XDECREF(nl);
        Py_XDECREF(lf);
        Py_DECREF(text);
        if (t == NULL)
            return NULL;
        text = t;
    }
    int needflush = 0;
    if (self->line_buffering) {
        if (haslf)
            needflush = 1;
        else {
            Py_ssize_t r = PyUnicode_FindChar(text, '\r', 0, PyUnicode_GET_LENGTH(text), 1);
            if (r == -2) {
                Py_DECREF(text);
                return NULL;
            }
            needflush = r >= 0;
        }
    }
    PyObject *b = encode_text(self, text);
    Py_DECREF(text);
    if (b == NULL)
        return NULL;
    if (self->pending_bytes == NULL && (self->pending_bytes = PyList_New(0)) == NULL) {
        Py_DECREF(b);
        return NULL;
    }
    Py_ssize_t blen = PyBytes_GET_SIZE(b);
    int rc = PyList_Append(self->pending_bytes, b);
    Py_DECREF(b);
    if (rc < 0)
        return NULL;
    self->pending_bytes_count += blen;
    if (self->pending_bytes_count > self->chunk_size || needflush || self->write_through) {
        if (write_flush(self) < 0)
            return NULL;
    }
    if (needflush) {
        PyObject *r = PyObject_CallMethodNoArgs(self->buffer, KR_ID(flush));
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    set_decoded_chars(self, NULL);
    Py_CLEAR(self->snapshot);
    if (self->decoder != NULL) {
        PyObject *r = PyObject_CallMethodNoArgs(self->decoder, KR_ID(reset));
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    return PyLong_FromSsize_t(textlen);
}

static PyObject *textio_flush(PyObject *op, PyObject *unused)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    CHECK_CLOSED(self);
    self->telling = self->seekable;
    if (write_flush(self) < 0)
        return NULL;
    return PyObject_CallMethodNoArgs(self->buffer, KR_ID(flush));
}

/* ---- reading ---- */

/* Reads and decodes one chunk.  1 if data came, 0 at EOF, -1 on error. */
static int read_chunk(kr_textio *self, Py_ssize_t size_hint)
{
    if (ensure_decoder(self) < 0)
        return -1;
    PyObject *dec_buffer = NULL, *dec_flags = NULL;
    if (self->telling) {
        PyObject *state = PyObject_CallMethodNoArgs(self->decoder, KR_ID(getstate));
        if (state == NULL)
            return -1;
        if (!PyTuple_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "illegal decoder state");
            Py_DECREF(state);
            return -1;
        }
        if (!PyArg_ParseTuple(state, "OO;illegal decoder state", &dec_buffer, &dec_flags)) {
            Py_DECREF(state);
            return -1;
        }
        if (!PyBytes_Check(dec_buffer)) {
            PyErr_Format(PyExc_TypeError, "illegal decoder state: the first item should be a bytes object, not '%.200s'",
                         Py_TYPE(dec_buffer)->tp_name);
            Py_DECREF(state);
            return -1;
        }
        Py_INCREF(dec_buffer);
        Py_INCREF(dec_flags);
        Py_DECREF(state);
    }
    if (size_hint > 0) {
        double r = self->b2cratio > 1.0 ? self->b2cratio : 1.0;
        size_hint = (Py_ssize_t)(r * (double)size_hint);
    }
    Py_ssize_t want = self->chunk_size > size_hint ? self->chunk_size : size_hint;
    const char *meth = self->has_read1 ? "read1" : "read";
    PyObject *input = PyObject_CallMethod(self->buffer, meth, "n", want);
    if (input == NULL)
        goto error;
    Py_buffer view;
    if (PyObject_GetBuffer(input, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "underlying %s() should have returned a bytes-like object, not '%.200s'",
                     meth, Py_TYPE(input)->tp_name);
        Py_DECREF(input);
        goto error;
    }
    Py_ssize_t nbytes = view.len;
    PyBuffer_Release(&view);
    if (!PyBytes_Check(input)) {
        PyObject *b = PyBytes_FromObject(input);
        Py_DECREF(input);
        if (b == NULL)
            goto error;
        input = b;
    }
    int eof = nbytes == 0;
    PyObject *decoded = decoder_decode(self->decoder, input, eof);
    if (decoded == NULL) {
        Py_DECREF(input);
        goto error;
    }
    Py_ssize_t nchars = PyUnicode_GET_LENGTH(decoded);
    set_decoded_chars(self, decoded);
    self->b2cratio = nchars > 0 ? (double)nbytes / (double)nchars : 0.0;
    if (nchars > 0)
        eof = 0;
    if (self->telling) {
        PyObject *next = PyBytes_FromStringAndSize(NULL, PyBytes_GET_SIZE(dec_buffer) + nbytes);
        if (next == NULL) {
            Py_DECREF(input);
            goto error;
        }
        memcpy(PyBytes_AS_STRING(next), PyBytes_AS_STRING(dec_buffer),
               (size_t)PyBytes_GET_SIZE(dec_buffer));
        memcpy(PyBytes_AS_STRING(next) + PyBytes_GET_SIZE(dec_buffer), PyBytes_AS_STRING(input),
               (size_t)nbytes);
        Py_XSETREF(self->snapshot, PyTuple_Pack(2, dec_flags, next));
        Py_DECREF(next);
        if (self->snapshot == NULL) {
            Py_DECREF(input);
            goto error;
        }
    }
    Py_DECREF(input);
    Py_XDECREF(dec_buffer);
    Py_XDECREF(dec_flags);
    return eof ? 0 : 1;
error:
    Py_XDECREF(dec_buffer);
    Py_XDECREF(dec_flags);
    return -1;
}

static PyObject *textio_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_textio *self = (kr_textio *)op;
    Py_ssize_t n = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &n) < 0)
        return NULL;
    CHECK_ATTACHED(self);
    CHECK_CLOSED(self);
    if (ensure_decoder(self) < 0)
        return NULL;
    if (write_flush(self) < 0)
        return NULL;
    if (n < 0) {
        PyObject *bytes = PyObject_CallMethodNoArgs(self->buffer, KR_ID(read));
        if (bytes == NULL)
            return NULL;
        if (bytes == Py_None) {
            Py_DECREF(bytes);
            bytes = PyBytes_FromStringAndSize(NULL, 0);
            if (bytes == NULL)
                return NULL;
        } else if (!PyBytes_Check(bytes)) {
            PyErr_Format(PyExc_TypeError, "underlying read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(bytes)->tp_name);
            Py_DECREF(bytes);
            return NULL;
        }
        PyObject *decoded = decoder_decode(self->decoder, bytes, 1);
        Py_DECREF(bytes);
        if (decoded == NULL)
            return NULL;
        PyObject *head = get_decoded_chars(self, -1);
        if (head == NULL) {
            Py_DECREF(decoded);
            return NULL;
        }
        PyObject *r = PyUnicode_Concat(head, decoded);
        Py_DECREF(head);
        Py_DECREF(decoded);
        set_decoded_chars(self, NULL);
        Py_CLEAR(self->snapshot);
        return r;
    }
    PyObject *result = get_decoded_chars(self, n);
    if (result == NULL)
        return NULL;
    Py_ssize_t remaining = n - PyUnicode_GET_LENGTH(result);
    PyObject *chunks = NULL;
    while (remaining > 0) {
        int res = read_chunk(self, remaining);
        if (res < 0)
            goto error;
        if (res == 0)
            break;
        if (chunks == NULL && (chunks = PyList_New(0)) == NULL)
            goto error;
        if (PyUnicode_GET_LENGTH(result) > 0 && PyList_Append(chunks, result) < 0)
            goto error;
        Py_DECREF(result);
        result = get_decoded_chars(self, remaining);
        if (result == NULL)
            goto error;
        remaining -= PyUnicode_GET_LENGTH(result);
    }
    if (chunks != NULL) {
        if (PyList_Append(chunks, result) < 0)
            goto error;
        Py_DECREF(result);
        PyObject *empty = PyUnicode_New(0, 0);
        result = empty ? PyUnicode_Join(empty, chunks) : NULL;
        Py_XDECREF(empty);
        Py_CLEAR(chunks);
    }
    return result;
error:
    Py_XDECREF(result);
    Py_XDECREF(chunks);
    return NULL;
}

static PyObject *readline_impl(kr_textio *self, Py_ssize_t limit)
{
    CHECK_CLOSED(self);
    if (write_flush(self) < 0)
        return NULL;
    PyObject *chunks = NULL, *remaining = NULL, *line = NULL;
    Py_ssize_t chunked = 0, start = 0, endpos = 0, offset = 0;
    for (;;) {
        int res = 1;
        while (self->decoded_chars == NULL ||
               self->decoded_chars_used >= PyUnicode_GET_LENGTH(self->decoded_chars)) {
            res = read_chunk(self, 0);
            if (res < 0) {
                /* a partial line is lost, as in CPython */
                goto error;
            }
            if (res == 0)
                break;
        }
        if (res == 0) {
            set_decoded_chars(self, NULL);
            Py_CLEAR(self->snapshot);
            break;
        }
        if (remaining == NULL) {
            line = Py_NewRef(self->decoded_chars);
            start = self->decoded_chars_used;
            offset = 0;
        } else {
            PyObject *rest = PyUnicode_Substring(self->decoded_chars, self->decoded_chars_used,
                                                 PyUnicode_GET_LENGTH(self->decoded_chars));
            line = rest ? PyUnicode_Concat(remaining, rest) : NULL;
            Py_XDECREF(rest);
            offset = PyUnicode_GET_LENGTH(remaining);
            Py_CLEAR(remaining);
            if (line == NULL)
                goto error;
            start = 0;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(line), consumed = 0;
        Py_ssize_t pos = kr_io_find_line_ending(self->readtranslate, self->readuniversal,
                                                self->readnl, PyUnicode_KIND(line),
                                                PyUnicode_DATA(line), start, len, &consumed);
        if (pos >= 0) {
            endpos = pos;
            if (limit >= 0 && endpos - start + chunked >= limit)
                endpos = start + limit - chunked;
            break;
        }
        endpos = consumed;
        if (limit >= 0 && endpos - start + chunked >= limit) {
            endpos = start + limit - chunked;
            break;
        }
        if (endpos > start) {
            PyObject *s = PyUnicode_Substring(line, start, endpos);
            if (s == NULL)
                goto error;
            if (chunks == NULL && (chunks = PyList_New(0)) == NULL) {
                Py_DECREF(s);
                goto error;
            }
            int rc = PyList_Append(chunks, s);
            Py_DECREF(s);
            if (rc < 0)
                goto error;
            chunked += endpos - start;
        }
        if (endpos < len) {
            remaining = PyUnicode_Substring(line, endpos, len);
            if (remaining == NULL)
                goto error;
        }
        Py_CLEAR(line);
        set_decoded_chars(self, NULL);
    }
    if (line != NULL) {
        self->decoded_chars_used = endpos - offset;
        if (start > 0 || endpos < PyUnicode_GET_LENGTH(line)) {
            PyObject *s = PyUnicode_Substring(line, start, endpos);
            Py_DECREF(line);
            line = s;
            if (line == NULL)
                goto error;
        }
    }
    if (remaining != NULL) {
        if (chunks == NULL && (chunks = PyList_New(0)) == NULL)
            goto error;
        if (PyList_Append(chunks, remaining) < 0)
            goto error;
        Py_CLEAR(remaining);
    }
    if (chunks != NULL) {
        if (line != NULL && PyList_Append(chunks, line) < 0)
            goto error;
        Py_XDECREF(line);
        PyObject *empty = PyUnicode_New(0, 0);
        line = empty ? PyUnicode_Join(empty, chunks) : NULL;
        Py_XDECREF(empty);
        Py_DECREF(chunks);
        return line;
    }
    if (line == NULL)
        return PyUnicode_New(0, 0);
    return line;
error:
    Py_XDECREF(chunks);
    Py_XDECREF(remaining);
    Py_XDECREF(line);
    return NULL;
}

static PyObject *textio_readline(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_textio *self = (kr_textio *)op;
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        if (!PyIndex_Check(args[0])) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(args[0])->tp_name);
            return NULL;
        }
        limit = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (limit == -1 && PyErr_Occurred())
            return NULL;
    }
    CHECK_ATTACHED(self);
    return readline_impl(self, limit);
}

static PyObject *textio_iternext(PyObject *op)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    self->telling = 0;
    PyObject *line;
    if (Py_IS_TYPE(op, &PyTextIOWrapper_Type))
        line = readline_impl(self, -1);
    else
        line = kr_io_call_readline(op, 1);
    if (line == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(line) == 0) {
        Py_DECREF(line);
        Py_CLEAR(self->snapshot);
        self->telling = self->seekable;
        return NULL;
    }
    return line;
}

/* ---- tell() and seek() cookies ---- */

typedef struct {
    long long start_pos;
    int dec_flags, bytes_to_feed, chars_to_skip;
    char need_eof;
} kr_cookie;

#define COOKIE_LEN (8 + 3 * 4 + 1)

static PyObject *cookie_build(const kr_cookie *c)
{
    unsigned char buf[COOKIE_LEN];
    unsigned long long v = (unsigned long long)c->start_pos;
    for (int i = 0; i < 8; i++)
        buf[i] = (unsigned char)(v >> (8 * i));
    unsigned int parts[3] = {(unsigned int)c->dec_flags, (unsigned int)c->bytes_to_feed,
                             (unsigned int)c->chars_to_skip};
    for (int p = 0; p < 3; p++)
        for (int i = 0; i < 4; i++)
            buf[8 + 4 * p + i] = (unsigned char)(parts[p] >> (8 * i));
    buf[20] = (unsigned char)c->need_eof;
    return _PyLong_FromByteArray(buf, COOKIE_LEN, 1, 0);
}

static int cookie_parse(PyObject *obj, kr_cookie *c)
{
    unsigned char buf[COOKIE_LEN];
    PyObject *v = PyNumber_Long(obj);
    if (v == NULL)
        return -1;
    int rc = _PyLong_AsByteArray((PyLongObject *)v, buf, COOKIE_LEN, 1, 0);
    Py_DECREF(v);
    if (rc < 0)
        return -1;
    unsigned long long sp = 0;
    for (int i = 0; i < 8; i++)
        sp |= (unsigned long long)buf[i] << (8 * i);
    c->start_pos = (long long)sp;
    unsigned int parts[3];
    for (int p = 0; p < 3; p++) {
        parts[p] = 0;
        for (int i = 0; i < 4; i++)
            parts[p] |= (unsigned int)buf[8 + 4 * p + i] << (8 * i);
    }
    c->dec_flags = (int)parts[0];
    c->bytes_to_feed = (int)parts[1];
    c->chars_to_skip = (int)parts[2];
    c->need_eof = (char)buf[20];
    return 0;
}

static int decoder_setstate(kr_textio *self, const kr_cookie *c)
{
    PyObject *r;
    if (c->start_pos == 0 && c->dec_flags == 0)
        r = PyObject_CallMethodNoArgs(self->decoder, KR_ID(reset));
    else
        r = PyObject_CallMethod(self->decoder, "setstate", "((yi))", "", c->dec_flags);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static int encoder_reset(kr_textio *self, int start_of_stream)
{
    PyObject *r;
    if (start_of_stream)
        r = PyObject_CallMethodNoArgs(self->encoder, KR_ID(reset));
    else
        r = PyObject_CallMethod(self->encoder, "setstate", "i", 0);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* len(decoder.decode(data)) */
static Py_ssize_t decoded_len(kr_textio *self, const char *data, Py_ssize_t n)
{
    PyObject *b = PyBytes_FromStringAndSize(data, n);
    if (b == NULL)
        return -1;
    PyObject *s = decoder_decode(self->decoder, b, 0);
    Py_DECREF(b);
    if (s == NULL)
        return -1;
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    Py_DECREF(s);
    return len;
}

/* decoder.getstate() as (len(buffer), flags). */
static int decoder_state(kr_textio *self, Py_ssize_t *buflen, int *flags)
{
    PyObject *st = PyObject_CallMethodNoArgs(self->decoder, KR_ID(getstate));
    if (st == NULL)
        return -1;
    PyObject *b;
    int f;
    if (!PyTuple_Check(st) || !PyArg_ParseTuple(st, "Oi", &b, &f) || !PyBytes_Check(b)) {
        if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_TypeError, "illegal decoder state");
        }
        Py_DECREF(st);
        return -1;
    }
    *buflen = PyBytes_GET_SIZE(b);
    *flags = f;
    Py_DECREF(st);
    return 0;
}

static PyObject *textio_tell(PyObject *op, PyObject *unused)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    CHECK_CLOSED(self);
    if (!self->seekable)
        return kr_io_unsupported("underlying stream is not seekable");
    if (!self->telling) {
        PyErr_SetString(PyExc_OSError, "telling position disabled by next() call");
        return NULL;
    }
    if (write_flush(self) < 0)
        return NULL;
    PyObject *r = PyObject_CallMethodNoArgs(op, KR_ID(flush));
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    PyObject *posobj = PyObject_CallMethodNoArgs(self->buffer, KR_ID(tell));
    if (posobj == NULL)
        return NULL;
    if (self->decoder == NULL || self->snapshot == NULL)
        return posobj;
    long long pos = PyLong_AsLongLong(posobj);
    Py_DECREF(posobj);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    kr_cookie cookie = {0, 0, 0, 0, 0};
    PyObject *next_input;
    if (!PyArg_ParseTuple(self->snapshot, "iO", &cookie.dec_flags, &next_input))
        return NULL;
    if (!PyBytes_Check(next_input)) {
        PyErr_Format(PyExc_TypeError, "illegal snapshot: the second item should be a bytes object, not '%.200s'",
                     Py_TYPE(next_input)->tp_name);
        return NULL;
    }
    Py_INCREF(next_input);
    Py_ssize_t input_len = PyBytes_GET_SIZE(next_input);
    const char *input = PyBytes_AS_STRING(next_input);
    cookie.start_pos = pos - input_len;
    if (self->decoded_chars_used == 0) {
        Py_DECREF(next_input);
        return cookie_build(&cookie);
    }
    Py_ssize_t chars_to_skip = self->decoded_chars_used;
    PyObject *saved_state = PyObject_CallMethodNoArgs(self->decoder, KR_ID(getstate));
    if (saved_state == NULL) {
        Py_DECREF(next_input);
        return NULL;
    }
    PyObject *result = NULL;
    kr_cookie probe = cookie;
    Py_ssize_t buflen;
    int flags;

    /* Fast search for a start point close to the current position: feed
     * progressively fewer bytes until no partial character is left. */
    Py_ssize_t skip_bytes = (Py_ssize_t)(self->b2cratio * (double)chars_to_skip), skip_back = 1;
    if (skip_bytes > input_len)
        skip_bytes = input_len;
    while (skip_bytes > 0) {
        probe.start_pos = 1;   /* never "start of stream": setstate, not reset */
        if (decoder_setstate(self, &probe) < 0)
            goto done;
        Py_ssize_t n = decoded_len(self, input, skip_bytes);
        if (n < 0 || decoder_state(self, &buflen, &flags) < 0)
            goto done;
        if (n <= chars_to_skip) {
            if (buflen == 0) {
                cookie.dec_flags = flags;
                chars_to_skip -= n;
                break;
            }
            skip_bytes -= buflen;
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if (skip_bytes <= 0) {
        skip_bytes = 0;
        probe.start_pos = 1;
        if (decoder_setstate(self, &probe) < 0)
            goto done;
    }
    cookie.start_pos += skip_bytes;
    cookie.chars_to_skip = (int)chars_to_skip;
    if (chars_to_skip == 0) {
        result = cookie_build(&cookie);
        goto done;
    }
    /* Slow path: feed one byte at a time, remembering the last point where
     * the decoder had no pending input. */
    Py_ssize_t chars_decoded = 0;
    int bytes_fed = 0;
    Py_ssize_t i;
    for (i = skip_bytes; i < input_len; i++) {
        Py_ssize_t n = decoded_len(self, input + i, 1);
        if (n < 0 || decoder_state(self, &buflen, &flags) < 0)
            goto done;
        bytes_fed++;
        chars_decoded += n;
        if (buflen == 0 && chars_decoded <= chars_to_skip) {
            cookie.start_pos += bytes_fed;
            chars_to_skip -= chars_decoded;
            cookie.dec_flags = flags;
            bytes_fed = 0;
            chars_decoded = 0;
        }
        if (chars_decoded >= chars_to_skip)
            break;
    }
    if (i >= input_len) {
        PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
        PyObject *s = empty ? decoder_decode(self->decoder, empty, 1) : NULL;
        Py_XDECREF(empty);
        if (s == NULL)
            goto done;
        chars_decoded += PyUnicode_GET_LENGTH(s);
        Py_DECREF(s);
        cookie.need_eof = 1;
        if (chars_decoded < chars_to_skip) {
            PyErr_SetString(PyExc_OSError, "can't reconstruct logical file position");
            goto done;
        }
    }
    cookie.bytes_to_feed = bytes_fed;
    cookie.chars_to_skip = (int)chars_to_skip;
    result = cookie_build(&cookie);
done:;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *r2 = PyObject_CallMethodOneArg(self->decoder, KR_ID(setstate), saved_state);
    Py_DECREF(saved_state);
    Py_DECREF(next_input);
    if (r2 == NULL) {
        Py_CLEAR(result);
        if (exc != NULL)
            _PyErr_ChainExceptions1(exc);
        return NULL;
    }
    Py_DECREF(r2);
    if (exc != NULL) {
        PyErr_SetRaisedException(exc);
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *textio_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_textio *self = (kr_textio *)op;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    int whence = 0;
    if (nargs == 2) {
        whence = _PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred())
            return NULL;
    }
    CHECK_ATTACHED(self);
    CHECK_CLOSED(self);
    PyObject *cookieobj = args[0];
    if (!self->seekable)
        return kr_io_unsupported("underlying stream is not seekable");
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL)
        return NULL;
    int is_zero = PyObject_RichCompareBool(cookieobj, zero, Py_EQ);
    Py_DECREF(zero);
    if (is_zero < 0)
        return NULL;
    PyObject *r;
    switch (whence) {
    case SEEK_CUR:
        if (!is_zero)
            return kr_io_unsupported("can't do nonzero cur-relative seeks");
        /* seeking to the current position: reconstruct it */
        cookieobj = PyObject_CallMethodNoArgs(op, KR_ID(tell));
        if (cookieobj == NULL)
            return NULL;
        break;
    case SEEK_END: {
        if (!is_zero)
            return kr_io_unsupported("can't do nonzero end-relative seeks");
        r = PyObject_CallMethodNoArgs(op, KR_ID(flush));
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
        set_decoded_chars(self, NULL);
        Py_CLEAR(self->snapshot);
        if (self->decoder != NULL) {
            r = PyObject_CallMethodNoArgs(self->decoder, KR_ID(reset));
            if (r == NULL)
                return NULL;
            Py_DECREF(r);
        }
        PyObject *res = PyObject_CallMethod(self->buffer, "seek", "ii", 0, 2);
        if (res == NULL)
            return NULL;
        if (self->encoder != NULL) {
            int at_start = PyLong_Check(res) && _PyLong_Sign(res) == 0;
            if (encoder_reset(self, at_start) < 0) {
                Py_DECREF(res);
                return NULL;
            }
        }
        return res;
    }
    case SEEK_SET:
        Py_INCREF(cookieobj);
        break;
    default:
        PyErr_Format(PyExc_ValueError, "invalid whence (%d, should be %d, %d or %d)", whence,
                     SEEK_SET, SEEK_CUR, SEEK_END);
        return NULL;
    }
    PyObject *zero2 = PyLong_FromLong(0);
    int neg = zero2 ? PyObject_RichCompareBool(cookieobj, zero2, Py_LT) : -1;
    Py_XDECREF(zero2);
    if (neg < 0)
        goto fail;
    if (neg) {
        PyErr_Format(PyExc_ValueError, "negative seek position %R", cookieobj);
        goto fail;
    }
    r = PyObject_CallMethodNoArgs(op, KR_ID(flush));
    if (r == NULL)
        goto fail;
    Py_DECREF(r);
    kr_cookie cookie;
    if (cookie_parse(cookieobj, &cookie) < 0)
        goto fail;
    r = PyObject_CallMethod(self->buffer, "seek", "L", cookie.start_pos);
    if (r == NULL)
        goto fail;
    Py_DECREF(r);
    set_decoded_chars(self, NULL);
    Py_CLEAR(self->snapshot);
    if (self->readable && (ensure_decoder(self) < 0 || decoder_setstate(self, &cookie) < 0))
        goto fail;
    if (cookie.chars_to_skip) {
        if (ensure_decoder(self) < 0)
            goto fail;
        PyObject *input = PyObject_CallMethod(self->buffer, "read", "i", cookie.bytes_to_feed);
        if (input == NULL)
            goto fail;
        if (!PyBytes_Check(input)) {
            PyErr_Format(PyExc_TypeError, "underlying read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(input)->tp_name);
            Py_DECREF(input);
            goto fail;
        }
        self->snapshot = Py_BuildValue("iO", cookie.dec_flags, input);
        if (self->snapshot == NULL) {
            Py_DECREF(input);
            goto fail;
        }
        PyObject *decoded = decoder_decode(self->decoder, input, cookie.need_eof);
        Py_DECREF(input);
        if (decoded == NULL)
            goto fail;
        set_decoded_chars(self, decoded);
        if (PyUnicode_GET_LENGTH(decoded) < cookie.chars_to_skip) {
            PyErr_SetString(PyExc_OSError, "can't restore logical file position");
            goto fail;
        }
        self->decoded_chars_used = cookie.chars_to_skip;
    } else {
        self->snapshot = Py_BuildValue("iy", cookie.dec_flags, "");
        if (self->snapshot == NULL)
            goto fail;
    }
    if (self->encoder != NULL &&
        encoder_reset(self, cookie.start_pos == 0 && cookie.dec_flags == 0) < 0)
        goto fail;
    return cookieobj;
fail:
    Py_DECREF(cookieobj);
    return NULL;
}

/* ---- the rest ---- */

static PyObject *textio_truncate(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_textio *self = (kr_textio *)op;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    CHECK_ATTACHED(self);
    PyObject *r = PyObject_CallMethodNoArgs(op, KR_ID(flush));
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return PyObject_CallMethodOneArg(self->buffer, KR_ID(truncate), nargs ? args[0] : Py_None);
}

static PyObject *textio_detach(PyObject *op, PyObject *unused)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    PyObject *r = PyObject_CallMethodNoArgs(op, KR_ID(flush));
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    PyObject *buffer = self->buffer;
    self->buffer = NULL;
    self->detached = 1;
    self->ok = 0;
    return buffer;
}

static PyObject *textio_close(PyObject *op, PyObject *unused)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    int closed = Py_IS_TYPE(op, &PyTextIOWrapper_Type) ? kr_io_is_closed(self->buffer)
                                                        : kr_io_is_closed(op);
    if (closed < 0)
        return NULL;
    if (closed)
        Py_RETURN_NONE;
    if (self->finalizing) {
        PyObject *w = PyObject_CallMethodOneArg(self->buffer, KR_ID(_dealloc_warn), op);
        if (w == NULL)
            PyErr_Clear();
        Py_XDECREF(w);
    }
    return kr_io_flush_and_close_inner(op, self->buffer);
}

static PyObject *buffer_call(kr_textio *self, PyObject *name)
{
    CHECK_ATTACHED(self);
    return PyObject_CallMethodNoArgs(self->buffer, name);
}

static PyObject *textio_fileno(PyObject *op, PyObject *u) { return buffer_call((kr_textio *)op, KR_ID(fileno)); }
static PyObject *textio_seekable(PyObject *op, PyObject *u) { return buffer_call((kr_textio *)op, KR_ID(seekable)); }
static PyObject *textio_readable(PyObject *op, PyObject *u) { return buffer_call((kr_textio *)op, KR_ID(readable)); }
static PyObject *textio_writable(PyObject *op, PyObject *u) { return buffer_call((kr_textio *)op, KR_ID(writable)); }
static PyObject *textio_isatty(PyObject *op, PyObject *u) { return buffer_call((kr_textio *)op, KR_ID(isatty)); }

static PyObject *textio_reconfigure(PyObject *op, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    kr_textio *self = (kr_textio *)op;
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering",
                                        "write_through", NULL};
    static const kr_argspec spec = {"reconfigure", names, 0, 0, 0};
    PyObject *a[5];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    CHECK_ATTACHED(self);
    const char *newline = NULL;
    if (a[2] != NULL && a[2] != Py_None) {
        if (!PyUnicode_Check(a[2])) {
            PyErr_Format(PyExc_TypeError, "reconfigure() argument 'newline' must be str or None, not %.200s",
                         Py_TYPE(a[2])->tp_name);
            return NULL;
        }
        newline = PyUnicode_AsUTF8(a[2]);
        if (newline == NULL || validate_newline(newline) < 0)
            return NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (a[i] != NULL && a[i] != Py_None && !PyUnicode_Check(a[i])) {
            PyErr_Format(PyExc_TypeError, "reconfigure() argument '%s' must be str or None, not %.200s",
                         names[i], Py_TYPE(a[i])->tp_name);
            return NULL;
        }
    }
    int encoding_changes = (a[0] != NULL && a[0] != Py_None) || (a[1] != NULL && a[1] != Py_None);
    if (self->decoded_chars != NULL && (encoding_changes || a[2] != NULL))
        return kr_io_unsupported("It is not possible to set the encoding or newline of stream after the first read");
    int lb = -1, wt = -1;
    if (a[3] != NULL && a[3] != Py_None && (lb = PyObject_IsTrue(a[3])) < 0)
        return NULL;
    if (a[4] != NULL && a[4] != Py_None && (wt = PyObject_IsTrue(a[4])) < 0)
        return NULL;
    PyObject *r = PyObject_CallMethodNoArgs(op, KR_ID(flush));
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    if (a[0] != NULL && a[0] != Py_None) {
        const char *enc = PyUnicode_AsUTF8(a[0]);
        if (enc == NULL)
            return NULL;
        if (strcmp(enc, "locale") == 0)
            Py_SETREF(self->encoding, PyUnicode_FromString(KR_IO_LOCALE_ENCODING));
        else
            Py_SETREF(self->encoding, Py_NewRef(a[0]));
        if (self->encoding == NULL)
            return NULL;
        PyObject *err = a[1] != NULL && a[1] != Py_None ? Py_NewRef(a[1]) : PyUnicode_FromString("strict");
        if (err == NULL)
            return NULL;
        Py_SETREF(self->errors, err);
    } else if (a[1] != NULL && a[1] != Py_None)
        Py_SETREF(self->errors, Py_NewRef(a[1]));
    if (a[2] != NULL && set_newline(self, newline) < 0)
        return NULL;
    if (encoding_changes || a[2] != NULL) {
        if (set_codecs(self) < 0 || fix_encoder_state(self) < 0)
            return NULL;
    }
    if (lb >= 0)
        self->line_buffering = (char)lb;
    if (wt >= 0)
        self->write_through = (char)wt;
    Py_RETURN_NONE;
}

static PyObject *textio_repr(PyObject *op)
{
    kr_textio *self = (kr_textio *)op;
    const char *tname = Py_TYPE(op)->tp_name;
    if (!self->ok && !self->detached) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    int status = Py_ReprEnter(op);
    if (status != 0) {
        if (status > 0)
            PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        return NULL;
    }
    PyObject *parts[3] = {NULL, NULL, NULL}, *res = NULL;
    static const char *const attrs[] = {"name", "mode"};
    for (int i = 0; i < 2; i++) {
        PyObject *key = PyUnicode_FromString(attrs[i]);
        if (key == NULL)
            goto done;
        int r = _PyObject_LookupAttr(op, key, &parts[i]);
        Py_DECREF(key);
        if (r < 0) {
            if (!PyErr_ExceptionMatches(PyExc_ValueError))
                goto done;
            PyErr_Clear();
        }
    }
    PyObject *w = PyUnicode_FromFormat("<%s", tname);
    for (int i = 0; w != NULL && i < 2; i++) {
        if (parts[i] == NULL)
            continue;
        PyObject *piece = PyUnicode_FromFormat(" %s=%R", attrs[i], parts[i]);
        PyObject *t = piece ? PyUnicode_Concat(w, piece) : NULL;
        Py_XDECREF(piece);
        Py_SETREF(w, t);
    }
    if (w != NULL) {
        PyObject *tail = self->encoding ? PyUnicode_FromFormat(" encoding=%R>", self->encoding)
                                        : PyUnicode_FromString(">");
        res = tail ? PyUnicode_Concat(w, tail) : NULL;
        Py_XDECREF(tail);
        Py_DECREF(w);
    }
done:
    Py_XDECREF(parts[0]);
    Py_XDECREF(parts[1]);
    Py_ReprLeave(op);
    return res;
}

static PyObject *textio_name_get(PyObject *op, void *c)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    return PyObject_GetAttr(self->buffer, KR_ID(name));
}

static PyObject *textio_closed_get(PyObject *op, void *c)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    return PyObject_GetAttr(self->buffer, KR_ID(closed));
}

static PyObject *textio_newlines_get(PyObject *op, void *c)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    if (self->decoder == NULL)
        Py_RETURN_NONE;
    PyObject *r;
    if (_PyObject_LookupAttr(self->decoder, KR_ID(newlines), &r) < 0)
        return NULL;
    return r != NULL ? r : Py_NewRef(Py_None);
}

static PyObject *textio_errors_get(PyObject *op, void *c)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    return Py_NewRef(self->errors);
}

static PyObject *textio_chunk_size_get(PyObject *op, void *c)
{
    kr_textio *self = (kr_textio *)op;
    CHECK_ATTACHED(self);
    return PyLong_FromSsize_t(self->chunk_size);
}

static int textio_chunk_size_set(PyObject *op, PyObject *v, void *c)
{
    kr_textio *self = (kr_textio *)op;
    if (textio_check_attached(self) < 0)
        return -1;
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(v, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred())
        return -1;
    if (n <= 0) {
        PyErr_SetString(PyExc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    self->chunk_size = n;
    return 0;
}

static PyObject *textio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

static PyMethodDef textio_methods[] = {
    {"detach", textio_detach, METH_NOARGS, NULL},
    {"reconfigure", (PyCFunction)(void (*)(void))textio_reconfigure, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"write", textio_write, METH_O, NULL},
    {"read", (PyCFunction)(void (*)(void))textio_read, METH_FASTCALL, NULL},
    {"readline", (PyCFunction)(void (*)(void))textio_readline, METH_FASTCALL, NULL},
    {"flush", textio_flush, METH_NOARGS, NULL},
    {"close", textio_close, METH_NOARGS, NULL},
    {"fileno", textio_fileno, METH_NOARGS, NULL},
    {"seekable", textio_seekable, METH_NOARGS, NULL},
    {"readable", textio_readable, METH_NOARGS, NULL},
    {"writable", textio_writable, METH_NOARGS, NULL},
    {"isatty", textio_isatty, METH_NOARGS, NULL},
    {"seek", (PyCFunction)(void (*)(void))textio_seek, METH_FASTCALL, NULL},
    {"tell", textio_tell, METH_NOARGS, NULL},
    {"truncate", (PyCFunction)(void (*)(void))textio_truncate, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef textio_members[] = {
    {"encoding", T_OBJECT, offsetof(kr_textio, encoding), READONLY, NULL},
    {"buffer", T_OBJECT, offsetof(kr_textio, buffer), READONLY, NULL},
    {"line_buffering", T_BOOL, offsetof(kr_textio, line_buffering), READONLY, NULL},
    {"write_through", T_BOOL, offsetof(kr_textio, write_through), READONLY, NULL},
    {"_finalizing", T_BOOL, offsetof(kr_textio, finalizing), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef textio_getset[] = {
    {"name", textio_name_get, NULL, NULL, NULL},
    {"closed", textio_closed_get, NULL, NULL, NULL},
    {"newlines", textio_newlines_get, NULL, NULL, NULL},
    {"errors", textio_errors_get, NULL, NULL, NULL},
    {"_CHUNK_SIZE", textio_chunk_size_get, textio_chunk_size_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyTextIOWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(kr_textio),
    .tp_dealloc = textio_dealloc,
    .tp_repr = textio_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Character and line based layer over a BufferedIOBase object, buffer.",
    .tp_traverse = textio_traverse,
    .tp_clear = textio_clear,
    .tp_weaklistoffset = offsetof(kr_textio, weakreflist),
    .tp_iternext = textio_iternext,
    .tp_methods = textio_methods,
    .tp_members = textio_members,
    .tp_getset = textio_getset,
    .tp_base = &PyTextIOBase_Type,
    .tp_dictoffset = offsetof(kr_textio, dict),
    .tp_init = textio_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = textio_new,
    .tp_free = PyObject_GC_Del,
};
