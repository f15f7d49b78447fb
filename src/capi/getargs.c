/* getargs.c: PyArg_ParseTuple, PyArg_ParseTupleAndKeywords, PyArg_Parse
 * and their va_list and _SizeT variants; PyArg_UnpackTuple and the small
 * argument checks extensions call.
 *
 * One converter (convert_item) handles every format unit CPython 3.11
 * documents; the two drivers differ only in how they match arguments to
 * units, and walk the format as CPython's do, so that malformed formats
 * and bad calls fail with the same error.  Resources a conversion acquires
 * (buffers from "s*"/"y*"/"w*", memory from "es"/"et", O& cleanups) are
 * recorded, and released if a later argument fails, so a failed call
 * leaks nothing.  Messages follow CPython's wording: "f() argument 1 must
 * be str, not int".
 *
 * Every call parses its format again (the format is only a C string), so
 * the success path is kept short: nothing is allocated, the function name
 * is looked for only when an error needs it, common units with arguments
 * of their exact type ("O", "i", "d", ...) are stored inline, and keyword
 * arguments are found by comparing the C names with the dict's keys in
 * place rather than by making and hashing a str per parameter. */
#include "internal.h"
#include "objects/dict_internal.h"
#include "objects/longobject_internal.h"
#include "capi/argparse.h"

#define FLAG_SIZE_T 1
#define KR_END_OF_FORMAT(c) ((c) == '\0' || (c) == ';' || (c) == ':')

/* ---- resources to release if parsing fails ---- */

typedef enum { FREE_BUFFER, FREE_MEM, FREE_CONVERTER } free_kind;

typedef struct {
    free_kind kind;
    void *ptr;
    void *converter;   /* for FREE_CONVERTER */
} free_entry;

typedef struct {
    free_entry small[8];
    free_entry *entries;
    int n, cap;
} freelist;

static void freelist_init(freelist *fl)
{
    fl->entries = fl->small;
    fl->n = 0;
    fl->cap = 8;
}

static int freelist_add(freelist *fl, free_kind kind, void *ptr, void *converter)
{
    if (fl->n == fl->cap) {
        int cap = fl->cap * 2;
        free_entry *e = PyMem_Malloc((size_t)cap * sizeof *e);
        if (e == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(e, fl->entries, (size_t)fl->n * sizeof *e);
        if (fl->entries != fl->small)
            PyMem_Free(fl->entries);
        fl->entries = e;
        fl->cap = cap;
    }
    fl->entries[fl->n].kind = kind;
    fl->entries[fl->n].ptr = ptr;
    fl->entries[fl->n].converter = converter;
    fl->n++;
    return 0;
}

/* On failure releases everything; on success keeps it (the caller owns
 * buffers and memory now).  Returns `ok`. */
static int freelist_finish(freelist *fl, int ok)
{
    if (!ok) {
        for (int i = 0; i < fl->n; i++) {
            free_entry *e = &fl->entries[i];
            switch (e->kind) {
            case FREE_BUFFER:
                PyBuffer_Release((Py_buffer *)e->ptr);
                break;
            case FREE_MEM:
                PyMem_Free(e->ptr);
                break;
            case FREE_CONVERTER: {
                int (*conv)(PyObject *, void *) = (int (*)(PyObject *, void *))e->converter;
                conv(NULL, e->ptr);
                break;
            }
            }
        }
    }
    if (fl->entries != fl->small)
        PyMem_Free(fl->entries);
    return ok;
}

/* ---- one argument ---- */

typedef struct {
    const char *fmt;     /* the unit being converted; advanced past it */
    va_list *va;
    int flags;
    freelist *fl;
    char msgbuf[256];    /* "must be X, not Y" on failure */
} conv_state;

/* Not an initializer: that would clear msgbuf on every call, and the
 * buffer is only written when a conversion fails. */
static inline void conv_init(conv_state *st, const char *fmt, va_list *va, int flags, freelist *fl)
{
    st->fmt = fmt;
    st->va = va;
    st->flags = flags;
    st->fl = fl;
    st->msgbuf[0] = '\0';
}

static const char *type_name_of(PyObject *arg)
{
    return arg == Py_None ? "None" : Py_TYPE(arg)->tp_name;
}

/* Fills msgbuf with "must be EXPECTED, not TYPE" and returns it. */
static const char *expected(conv_state *st, const char *what, PyObject *arg)
{
    snprintf(st->msgbuf, sizeof st->msgbuf, "must be %.50s, not %.50s", what, type_name_of(arg));
    return st->msgbuf;
}

/* Integer conversions share this: the value of an object that has
 * __index__ (floats are refused with CPython's message). */
static int as_long(PyObject *arg, long *out)
{
    if (PyLong_CheckExact(arg)) {   /* the common case skips the float test */
        long v = PyLong_AsLong(arg);
        if (v == -1 && PyErr_Occurred())
            return 0;
        *out = v;
        return 1;
    }
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return 0;
    }
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return 0;
    *out = v;
    return 1;
}

static Py_ssize_t *length_out(conv_state *st)
{
    if (!(st->flags & FLAG_SIZE_T)) {
        PyErr_SetString(PyExc_SystemError, "PY_SSIZE_T_CLEAN macro must be defined for '#' formats");
        return NULL;
    }
    return va_arg(*st->va, Py_ssize_t *);
}

/* A read-only contiguous buffer of a bytes-like object. 0 on success. */
static int get_buffer(PyObject *arg, Py_buffer *view, int writable, conv_state *st, const char **err)
{
    if (PyObject_GetBuffer(arg, view, writable ? PyBUF_WRITABLE : PyBUF_SIMPLE) != 0) {
        /* As CPython: the buffer protocol's own TypeError stands, except
         * for "w*", which says what it wanted. */
        if (!writable) {
            *err = "";
            return -1;
        }
        PyErr_Clear();
        *err = expected(st, "read-write bytes-like object", arg);
        return -1;
    }
    if (!PyBuffer_IsContiguous(view, 'C')) {
        PyBuffer_Release(view);
        *err = expected(st, "contiguous buffer", arg);
        return -1;
    }
    return 0;
}

/* Converts one argument for the unit at st->fmt.  Returns NULL on success,
 * or an error: a message to be prefixed with the argument's position
 * ("must be str, not int"), or the empty string "" when an exception is
 * already set. */
static const char *convert_simple(PyObject *arg, conv_state *st)
{
    const char *f = st->fmt;
    char c = *f++;
    const char *err = NULL;
    switch (c) {
    case 'b': {
        char *p = va_arg(*st->va, char *);
        long v;
        if (!as_long(arg, &v))
            return "";
        if (v < 0) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is less than minimum");
            return "";
        }
        if (v > UCHAR_MAX) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is greater than maximum");
            return "";
        }
        *p = (char)v;
        break;
    }
    case 'B': {
        unsigned char *p = va_arg(*st->va, unsigned char *);
        if (PyFloat_Check(arg)) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return "";
        }
        unsigned long v = PyLong_Check(arg) ? PyLong_AsUnsignedLongMask(arg) : 0;
        if (!PyLong_Check(arg)) {
            long l;
            if (!as_long(arg, &l))
                return "";
            v = (unsigned long)l;
        } else if (v == (unsigned long)-1 && PyErr_Occurred()) {
            return "";
        }
        *p = (unsigned char)v;
        break;
    }
    case 'h': {
        short *p = va_arg(*st->va, short *);
        long v;
        if (!as_long(arg, &v))
            return "";
        if (v < SHRT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is less than minimum");
            return "";
        }
        if (v > SHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is greater than maximum");
            return "";
        }
        *p = (short)v;
        break;
    }
    case 'H': case 'I': case 'k': case 'K': {
        /* Unsigned units without overflow checking: the value modulo 2**N. */
        if (PyFloat_Check(arg)) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return "";
        }
        if ((c == 'k' || c == 'K') && !PyLong_Check(arg)) {
            va_arg(*st->va, void *);
            return expected(st, "int", arg);
        }
        unsigned long long v;
        if (PyLong_Check(arg)) {
            v = PyLong_AsUnsignedLongLongMask(arg);
        } else {
            PyObject *idx = PyNumber_Index(arg);
            if (idx == NULL) {
                va_arg(*st->va, void *);
                return "";
            }
            v = PyLong_AsUnsignedLongLongMask(idx);
            Py_DECREF(idx);
        }
        if (v == (unsigned long long)-1 && PyErr_Occurred()) {
            va_arg(*st->va, void *);
            return "";
        }
        if (c == 'H')
            *va_arg(*st->va, unsigned short *) = (unsigned short)v;
        else if (c == 'I')
            *va_arg(*st->va, unsigned int *) = (unsigned int)v;
        else if (c == 'k')
            *va_arg(*st->va, unsigned long *) = (unsigned long)v;
        else
            *va_arg(*st->va, unsigned long long *) = v;
        break;
    }
    case 'i': {
        int *p = va_arg(*st->va, int *);
        long v;
        if (!as_long(arg, &v))
            return "";
        if (v > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            return "";
        }
        if (v < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
            return "";
        }
        *p = (int)v;
        break;
    }
    case 'l': {
        long *p = va_arg(*st->va, long *);
        long v;
        if (!as_long(arg, &v))
            return "";
        *p = v;
        break;
    }
    case 'L': {
        long long *p = va_arg(*st->va, long long *);
        if (PyFloat_Check(arg)) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return "";
        }
        long long v = PyLong_AsLongLong(arg);
        if (v == -1 && PyErr_Occurred())
            return "";
        *p = v;
        break;
    }
    case 'n': {
        Py_ssize_t *p = va_arg(*st->va, Py_ssize_t *);
        if (PyFloat_Check(arg)) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return "";
        }
        PyObject *idx = PyNumber_Index(arg);
        if (idx == NULL)
            return "";
        Py_ssize_t v = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (v == -1 && PyErr_Occurred())
            return "";
        *p = v;
        break;
    }
    case 'c': {
        char *p = va_arg(*st->va, char *);
        if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1)
            *p = PyBytes_AS_STRING(arg)[0];
        else if (PyByteArray_Check(arg) && PyByteArray_GET_SIZE(arg) == 1)
            *p = PyByteArray_AS_STRING(arg)[0];
        else
            return expected(st, "a byte string of length 1", arg);
        break;
    }
    case 'C': {
        int *p = va_arg(*st->va, int *);
        if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1)
            return expected(st, "a unicode character", arg);
        *p = (int)PyUnicode_READ_CHAR(arg, 0);
        break;
    }
    case 'p': {
        int *p = va_arg(*st->va, int *);
        int v = PyObject_IsTrue(arg);
        if (v < 0)
            return "";
        *p = v;
        break;
    }
    case 'f': case 'd': {
        double v = PyFloat_AsDouble(arg);
        if (v == -1.0 && PyErr_Occurred()) {
            va_arg(*st->va, void *);
            return "";
        }
        if (c == 'f')
            *va_arg(*st->va, float *) = (float)v;
        else
            *va_arg(*st->va, double *) = v;
        break;
    }
    case 'D': {
        Py_complex *p = va_arg(*st->va, Py_complex *);
        Py_complex v = PyComplex_AsCComplex(arg);
        if (v.real == -1.0 && PyErr_Occurred())
            return "";
        *p = v;
        break;
    }
    case 's': case 'z': case 'y': {
        int none_ok = c == 'z';
        if (*f == '*') {
            f++;
            Py_buffer *view = va_arg(*st->va, Py_buffer *);
            if (none_ok && arg == Py_None) {
                PyBuffer_FillInfo(view, NULL, NULL, 0, 1, 0);
            } else if (c != 'y' && PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
                if (s == NULL)
                    return "";
                PyBuffer_FillInfo(view, arg, (void *)s, len, 1, 0);
            } else if (get_buffer(arg, view, 0, st, &err) < 0) {
                return err;
            }
            if (freelist_add(st->fl, FREE_BUFFER, view, NULL) < 0)
                return "";
        } else if (*f == '#') {
            f++;
            const char **p = va_arg(*st->va, const char **);
            Py_ssize_t *lenp = length_out(st);
            if (lenp == NULL)
                return "";
            if (none_ok && arg == Py_None) {
                *p = NULL;
                *lenp = 0;
            } else if (c != 'y' && PyUnicode_Check(arg)) {
                *p = PyUnicode_AsUTF8AndSize(arg, lenp);
                if (*p == NULL)
                    return "";
            } else if (PyBytes_Check(arg)) {
                *p = PyBytes_AS_STRING(arg);
                *lenp = PyBytes_GET_SIZE(arg);
            } else {
                /* a read-only bytes-like object that needs no release */
                Py_buffer view;
                if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) != 0) {
                    PyErr_Clear();
                    return expected(st, c == 'y' ? "read-only bytes-like object"
                                    : none_ok ? "str, read-only bytes-like object or None"
                                              : "str or read-only bytes-like object", arg);
                }
                int needs_release = Py_TYPE(arg)->tp_as_buffer->bf_releasebuffer != NULL;
                *p = view.buf;
                *lenp = view.len;
                PyBuffer_Release(&view);
                if (needs_release)
                    return expected(st, "read-only bytes-like object", arg);
            }
        } else {
            const char **p = va_arg(*st->va, const char **);
            if (none_ok && arg == Py_None) {
                *p = NULL;
            } else if (c == 'y') {
                /* Any read-only bytes-like object that needs no release. */
                const char *data;
                Py_ssize_t len;
                if (PyBytes_Check(arg)) {
                    data = PyBytes_AS_STRING(arg);
                    len = PyBytes_GET_SIZE(arg);
                } else {
                    Py_buffer view;
                    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) != 0) {
                        PyErr_Clear();
                        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                                     Py_TYPE(arg)->tp_name);
                        return "";
                    }
                    data = view.buf;
                    len = view.len;
                    int needs_release = Py_TYPE(arg)->tp_as_buffer->bf_releasebuffer != NULL;
                    PyBuffer_Release(&view);
                    if (needs_release)
                        return expected(st, "read-only bytes-like object", arg);
                }
                if ((Py_ssize_t)strlen(data) != len) {
                    PyErr_SetString(PyExc_ValueError, "embedded null byte");
                    return "";
                }
                *p = data;
            } else {
                if (!PyUnicode_Check(arg))
                    return expected(st, none_ok ? "str or None" : "str", arg);
                Py_ssize_t len;
                const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
                if (s == NULL)
                    return "";
                if ((Py_ssize_t)strlen(s) != len) {
                    PyErr_SetString(PyExc_ValueError, "embedded null character");
                    return "";
                }
                *p = s;
            }
        }
        break;
    }
    case 'e': {
        /* es, et, es#, et#: encode to a buffer the caller frees with PyMem_Free. */
        char kind = *f++;
        if (kind != 's' && kind != 't')
            return "(unknown parser marker combination)";
        const char *encoding = va_arg(*st->va, const char *);
        char **buffer = va_arg(*st->va, char **);
        int with_len = *f == '#';
        if (with_len)
            f++;
        Py_ssize_t *lenp = NULL;
        if (with_len && (lenp = length_out(st)) == NULL)
            return "";
        if (encoding == NULL)
            encoding = "utf-8";
        PyObject *bytes;
        if (kind == 't' && (PyBytes_Check(arg) || PyByteArray_Check(arg))) {
            bytes = PyBytes_FromObject(arg);
        } else if (PyUnicode_Check(arg)) {
            bytes = PyUnicode_AsEncodedString(arg, encoding, NULL);
        } else {
            return expected(st, kind == 't' ? "str, bytes or bytearray" : "str", arg);
        }
        if (bytes == NULL)
            return "";
        if (!PyBytes_Check(bytes)) {
            Py_DECREF(bytes);
            return "(encoder failed to return bytes)";
        }
        Py_ssize_t size = PyBytes_GET_SIZE(bytes);
        const char *data = PyBytes_AS_STRING(bytes);
        if (with_len) {
            if (*buffer == NULL) {
                *buffer = PyMem_Malloc((size_t)size + 1);
                if (*buffer == NULL) {
                    Py_DECREF(bytes);
                    PyErr_NoMemory();
                    return "";
                }
                if (freelist_add(st->fl, FREE_MEM, *buffer, NULL) < 0) {
                    Py_DECREF(bytes);
                    return "";
                }
            } else if (size + 1 > *lenp) {
                Py_DECREF(bytes);
                PyErr_Format(PyExc_ValueError, "encoded string too long (%zd, maximum length %zd)",
                             size, *lenp - 1);
                return "";
            }
            memcpy(*buffer, data, (size_t)size + 1);
            *lenp = size;
        } else {
            if ((Py_ssize_t)strlen(data) != size) {
                Py_DECREF(bytes);
                PyErr_SetString(PyExc_ValueError, "embedded null character");
                return "";
            }
            *buffer = PyMem_Malloc((size_t)size + 1);
            if (*buffer == NULL) {
                Py_DECREF(bytes);
                PyErr_NoMemory();
                return "";
            }
            if (freelist_add(st->fl, FREE_MEM, *buffer, NULL) < 0) {
                Py_DECREF(bytes);
                return "";
            }
            memcpy(*buffer, data, (size_t)size + 1);
        }
        Py_DECREF(bytes);
        break;
    }
    case 'S': case 'Y': case 'U': {
        PyObject **p = va_arg(*st->va, PyObject **);
        if (c == 'S' && !PyBytes_Check(arg))
            return expected(st, "bytes", arg);
        if (c == 'Y' && !PyByteArray_Check(arg))
            return expected(st, "bytearray", arg);
        if (c == 'U' && !PyUnicode_Check(arg))
            return expected(st, "str", arg);
        *p = arg;
        break;
    }
    case 'O': {
        if (*f == '!') {
            f++;
            PyTypeObject *type = va_arg(*st->va, PyTypeObject *);
            PyObject **p = va_arg(*st->va, PyObject **);
            if (!PyObject_TypeCheck(arg, type))
                return expected(st, type->tp_name, arg);
            *p = arg;
        } else if (*f == '&') {
            f++;
            int (*conv)(PyObject *, void *) = va_arg(*st->va, int (*)(PyObject *, void *));
            void *addr = va_arg(*st->va, void *);
            int r = conv(arg, addr);
            if (r == 0)
                return "";
            if (r == Py_CLEANUP_SUPPORTED &&
                freelist_add(st->fl, FREE_CONVERTER, addr, (void *)conv) < 0)
                return "";
        } else {
            *va_arg(*st->va, PyObject **) = arg;
        }
        break;
    }
    case 'w': {
        if (*f != '*')
            return "(invalid use of 'w' format character)";
        f++;
        Py_buffer *view = va_arg(*st->va, Py_buffer *);
        if (get_buffer(arg, view, 1, st, &err) < 0)
            return err;
        if (freelist_add(st->fl, FREE_BUFFER, view, NULL) < 0)
            return "";
        break;
    }
    default:
        return "(impossible<bad format char>)";
    }
    st->fmt = f;
    return NULL;
}

static const char *convert_item(PyObject *arg, conv_state *st, int *levels, int depth);

/* "(...)" units: the argument must be a sequence of exactly that many items. */
static const char *convert_tuple(PyObject *arg, conv_state *st, int *levels, int depth)
{
    const char *f = st->fmt;
    int n = 0, level = 0;
    for (const char *p = f;; p++) {
        char c = *p;
        if (c == '(') {
            if (level == 0)
                n++;
            level++;
        } else if (c == ')') {
            if (level == 0)
                break;
            level--;
        } else if (c == ':' || c == ';' || c == '\0') {
            break;
        } else if (level == 0 && c != '#' && c != '*' && c != '&' && c != '!' &&
                   !(c == 's' && p > f && (p[-1] == 'e')) && !(c == 't' && p > f && p[-1] == 'e')) {
            n++;
        }
    }
    if (!PySequence_Check(arg) || PyBytes_Check(arg) || PyUnicode_Check(arg)) {
        levels[depth] = 0;
        snprintf(st->msgbuf, sizeof st->msgbuf, "must be %d-item sequence, not %.50s", n,
                 type_name_of(arg));
        return st->msgbuf;
    }
    Py_ssize_t len = PySequence_Size(arg);
    if (len != n) {
        levels[depth] = 0;
        snprintf(st->msgbuf, sizeof st->msgbuf, "must be sequence of length %d, not %zd", n, len);
        return st->msgbuf;
    }
    for (int i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            PyErr_Clear();
            levels[depth] = i + 1;
            levels[depth + 1] = 0;
            strncpy(st->msgbuf, "is not retrievable", sizeof st->msgbuf);
            return st->msgbuf;
        }
        const char *msg = convert_item(item, st, levels, depth + 1);
        /* The item may be borrowed by the caller's pointers ("s", "O"), as
         * in CPython: the sequence keeps it alive. */
        Py_DECREF(item);
        if (msg != NULL) {
            levels[depth] = i + 1;
            return msg;
        }
    }
    if (*st->fmt != ')') {
        levels[depth] = 0;   /* every failure sets its level: callers do not clear them */
        return "(internal error: expected ')')";
    }
    st->fmt++;
    return NULL;
}

static const char *convert_item(PyObject *arg, conv_state *st, int *levels, int depth)
{
    if (*st->fmt == '(') {
        st->fmt++;
        return convert_tuple(arg, st, levels, depth);
    }
    levels[depth] = 0;
    return convert_simple(arg, st);
}

/* Steps over one unit whose argument was not given, consuming its
 * va_list slots.  Returns NULL, or CPython's message for a unit that is
 * not one (the format is then left at the start of that unit). */
static const char *skip_one(conv_state *st);

static const char *skip_unit(conv_state *st)
{
    const char *start = st->fmt;
    const char *msg = skip_one(st);
    if (msg != NULL)
        st->fmt = start;
    return msg;
}

static const char *skip_one(conv_state *st)
{
    const char *f = st->fmt;
    char c = *f++;
    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l': case 'k':
    case 'L': case 'K': case 'n': case 'f': case 'd': case 'D': case 'c': case 'C':
    case 'p': case 'S': case 'Y': case 'U':
        va_arg(*st->va, void *);
        break;
    case 'e':
        /* the encoding, then the rest laid out as for 's' */
        va_arg(*st->va, const char *);
        if (*f != 's' && *f != 't')
            return "impossible<bad format char>";
        f++;
        /* fall through */
    case 's': case 'z': case 'y': case 'w':
        va_arg(*st->va, char **);
        if (*f == '#') {
            if (!(st->flags & FLAG_SIZE_T))
                return "PY_SSIZE_T_CLEAN macro must be defined for '#' formats";
            va_arg(*st->va, Py_ssize_t *);
            f++;
        }
        else if (*f == '*' && c != 'e') {
            f++;
        }
        break;
    case 'O':
        if (*f == '!' || *f == '&') {
            f++;
            va_arg(*st->va, void *);
        }
        va_arg(*st->va, void *);
        break;
    case '(':
        st->fmt = f;
        while (*st->fmt != ')') {
            if (KR_END_OF_FORMAT(*st->fmt))
                return "Unmatched left paren in format string";
            const char *msg = skip_unit(st);
            if (msg != NULL)
                return msg;
        }
        f = st->fmt + 1;
        break;
    case ')':
        return "Unmatched right paren in format string";
    default:
        return "impossible<bad format char>";
    }
    st->fmt = f;
    return NULL;
}

/* Raises the error of a failed conversion of argument `iarg` (1-based):
 * TypeError, or SystemError for a fault of the format ("(...)"
 * messages); `message` (the text after ';') replaces the whole text.
 * Nothing when the conversion already raised. */
static void seterror(Py_ssize_t iarg, const char *msg, const int *levels, const char *fname,
                     const char *message)
{
    if (PyErr_Occurred())
        return;
    if (*msg == '\0') {
        PyErr_SetString(PyExc_SystemError, "argument conversion failed without an error");
        return;
    }
    char buf[512];
    if (message == NULL) {
        int p = 0;
        if (fname != NULL)
            p += snprintf(buf, sizeof buf, "%.200s() ", fname);
        if (iarg != 0) {
            p += snprintf(buf + p, sizeof buf - (size_t)p, "argument %zd", iarg);
            for (int i = 0; i < 32 && levels[i] > 0 && p < 220; i++)
                p += snprintf(buf + p, sizeof buf - (size_t)p, ", item %d", levels[i] - 1);
        }
        else {
            p += snprintf(buf + p, sizeof buf - (size_t)p, "argument");
        }
        snprintf(buf + p, sizeof buf - (size_t)p, " %.256s", msg);
        message = buf;
    }
    PyErr_SetString(msg[0] == '(' ? PyExc_SystemError : PyExc_TypeError, message);
}

/* ---- the common units, converted inline ---- */

/* Converts `arg` for the unit at st->fmt when it is a common unit with an
 * argument of the exact type it takes ("O", "i", "l", "n", "d", "f" and
 * "p" on True/False), which cannot fail; returns 0, consuming nothing, for
 * everything else (convert_item then does the work, with every check and
 * message).  The result is exactly what convert_simple would store. */
static inline int convert_fast(PyObject *arg, conv_state *st)
{
    const char *f = st->fmt;
    Py_ssize_t v;
    switch (f[0]) {
    case 'O':
        if (f[1] == '!' || f[1] == '&')
            return 0;
        *va_arg(*st->va, PyObject **) = arg;
        break;
    case 'i':
        if (!PyLong_CheckExact(arg) || !kr_long_as_ssize_t_fast(arg, &v) || v > INT_MAX ||
            v < INT_MIN)
            return 0;
        *va_arg(*st->va, int *) = (int)v;
        break;
    case 'l':
        if (!PyLong_CheckExact(arg) || !kr_long_as_ssize_t_fast(arg, &v))
            return 0;
        *va_arg(*st->va, long *) = (long)v;
        break;
    case 'n':
        if (!PyLong_CheckExact(arg) || !kr_long_as_ssize_t_fast(arg, &v))
            return 0;
        *va_arg(*st->va, Py_ssize_t *) = v;
        break;
    case 'd':
        if (!PyFloat_CheckExact(arg))
            return 0;
        *va_arg(*st->va, double *) = PyFloat_AS_DOUBLE(arg);
        break;
    case 'f':
        if (!PyFloat_CheckExact(arg))
            return 0;
        *va_arg(*st->va, float *) = (float)PyFloat_AS_DOUBLE(arg);
        break;
    default:
        return 0;
    }
    st->fmt = f + 1;
    return 1;
}

/* ---- PyArg_ParseTuple and PyArg_Parse ---- */

/* Format units are letters; markers, '(' and the end are not. */
static inline int is_format_letter(char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* The format's counts, function name (after ':') or replacement message
 * (after ';'), scanned as CPython scans them: every letter but 'e' at the
 * top level is a unit, "(...)" is one, and the last '|' sets the minimum. */
typedef struct {
    int min, max;
    const char *fname;
    const char *message;
} format_info;

static int scan_format(const char *format, format_info *fi)
{
    int level = 0, max = 0, min = -1;
    fi->fname = NULL;
    fi->message = NULL;
    for (const char *p = format;; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\0')
            break;
        if (c == ':') {
            fi->fname = p + 1;
            break;
        }
        if (c == ';') {
            fi->message = p + 1;
            break;
        }
        if (c == '(') {
            if (level == 0)
                max++;
            level++;
        }
        else if (c == ')') {
            if (level == 0) {
                /* CPython aborts the process here; a SystemError is kinder */
                PyErr_SetString(PyExc_SystemError, "excess ')' in getargs format");
                return -1;
            }
            level--;
        }
        else if (level == 0) {
            if (c == '|')
                min = max;
            else if (is_format_letter((char)c) && c != 'e')
                max++;
        }
    }
    if (level != 0) {
        PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
        return -1;
    }
    fi->min = min < 0 ? max : min;
    fi->max = max;
    return 0;
}

static int parse_tuple(PyObject *args, const char *format, va_list *va, int flags)
{
    format_info fi;
    if (scan_format(format, &fi) < 0)
        return 0;
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    Py_ssize_t len = PyTuple_GET_SIZE(args);
    if (len < fi.min || len > fi.max) {
        if (fi.message != NULL) {
            PyErr_SetString(PyExc_TypeError, fi.message);
        }
        else {
            int shown = len < fi.min ? fi.min : fi.max;
            PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%zd given)",
                         fi.fname ? fi.fname : "function", fi.fname ? "()" : "",
                         fi.min == fi.max ? "exactly" : len < fi.min ? "at least" : "at most",
                         shown, shown == 1 ? "" : "s", len);
        }
        return 0;
    }
    freelist fl;
    freelist_init(&fl);
    conv_state st;
    conv_init(&st, format, va, flags, &fl);
    for (Py_ssize_t i = 0; i < len; i++) {
        if (*st.fmt == '|')
            st.fmt++;
        PyObject *arg = PyTuple_GET_ITEM(args, i);
        if (convert_fast(arg, &st))
            continue;
        int levels[34];   /* convert_item fills what it uses */
        const char *msg = convert_item(arg, &st, levels, 0);
        if (msg != NULL) {
            seterror(i + 1, msg, levels, fi.fname, fi.message);
            return freelist_finish(&fl, 0);
        }
    }
    char c = *st.fmt;
    if (c != '\0' && !is_format_letter(c) && c != '(' && c != '|' && c != ':' && c != ';') {
        PyErr_Format(PyExc_SystemError, "bad format string: %.200s", format);
        return freelist_finish(&fl, 0);
    }
    return freelist_finish(&fl, 1);
}

int PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = parse_tuple(args, format, &va, 0);
    va_end(va);
    return r;
}

int _PyArg_ParseTuple_SizeT(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = parse_tuple(args, format, &va, FLAG_SIZE_T);
    va_end(va);
    return r;
}

int PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    va_list copy;
    va_copy(copy, va);
    int r = parse_tuple(args, format, &copy, 0);
    va_end(copy);
    return r;
}

int _PyArg_VaParse_SizeT(PyObject *args, const char *format, va_list va)
{
    va_list copy;
    va_copy(copy, va);
    int r = parse_tuple(args, format, &copy, FLAG_SIZE_T);
    va_end(copy);
    return r;
}

/* PyArg_Parse: the old form, where `args` is the single argument itself;
 * a format of no unit accepts only NULL, and one of several units is a
 * SystemError, as in CPython. */
static int parse_single(PyObject *args, const char *format, va_list *va, int flags)
{
    format_info fi;
    if (scan_format(format, &fi) < 0)
        return 0;
    const char *fname = fi.fname ? fi.fname : "function";
    const char *paren = fi.fname ? "()" : "";
    if (fi.max == 0) {
        if (args == NULL)
            return 1;
        PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments", fname, paren);
        return 0;
    }
    if (fi.min != 1 || fi.max != 1) {
        PyErr_SetString(PyExc_SystemError, "old style getargs format uses new features");
        return 0;
    }
    if (args == NULL) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at least one argument", fname, paren);
        return 0;
    }
    freelist fl;
    freelist_init(&fl);
    conv_state st;
    conv_init(&st, format, va, flags, &fl);
    int levels[34];   /* convert_item fills what it uses */
    const char *msg = convert_item(args, &st, levels, 0);
    if (msg != NULL) {
        seterror(levels[0], msg, levels + 1, fi.fname, fi.message);
        return freelist_finish(&fl, 0);
    }
    return freelist_finish(&fl, 1);
}

int PyArg_Parse(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = parse_single(args, format, &va, 0);
    va_end(va);
    return r;
}

int _PyArg_Parse_SizeT(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = parse_single(args, format, &va, FLAG_SIZE_T);
    va_end(va);
    return r;
}

/* ---- PyArg_ParseTupleAndKeywords ---- */

/* kwargs[name] (borrowed) or NULL; raises nothing.  A scan of the entries:
 * keyword dicts hold a few, and the comparison usually stops at the first
 * character. */
static PyObject *kw_lookup(PyObject *kwargs, const char *name)
{
    PyDictKeysObject *dk = ((PyDictObject *)kwargs)->ma_keys;
    kr_dictentry *ep = kr_dk_entries(dk);
    for (Py_ssize_t i = 0, n = dk->dk_nentries; i < n; i++)
        if (ep[i].me_value != NULL && kr_str_spells(ep[i].me_key, name))
            return ep[i].me_value;
    return NULL;
}

/* _PyUnicode_EqualToASCIIString: only an ASCII str equals a C name here
 * (CPython's check for unknown keywords). */
static int key_equals_ascii(PyObject *key, const char *name)
{
    if (!PyUnicode_IS_ASCII(key))
        return 0;
    size_t n = (size_t)PyUnicode_GET_LENGTH(key);
    return strlen(name) == n && memcmp(PyUnicode_DATA(key), name, n) == 0;
}

/* The function name of a format (after its first ':'; messages cut it),
 * or NULL; only errors need it, so it is looked for only then. */
static const char *kw_fname(const char *format)
{
    const char *p = strchr(format, ':');
    return p ? p + 1 : NULL;
}

#define KW_FNAME(fname) ((fname) ? (fname) : "function"), ((fname) ? "()" : "")

/* CPython's algorithm (vgetargskeywords), pass for pass, so that every
 * call, malformed formats included, fails with the same error: the
 * keyword list drives one walk over the format; a keyword is looked up
 * only for a parameter not given by position; once the required
 * parameters are filled and no keyword is left, the rest of the format is
 * not looked at; keywords given twice or unknown are reported after every
 * conversion. */
static int parse_tuple_keywords(PyObject *args, PyObject *kwargs, const char *format,
                                char **kwlist, va_list *va, int flags)
{
    if (args == NULL || !PyTuple_Check(args) || (kwargs != NULL && !PyDict_Check(kwargs)) ||
        format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    /* positional-only parameters (empty names) lead; one later is an error */
    int pos = 0, len;
    for (len = 0; kwlist[len] != NULL; len++) {
        if (kwlist[len][0] == '\0') {
            if (pos != len) {
                PyErr_SetString(PyExc_SystemError, "Empty keyword parameter name");
                return 0;
            }
            pos++;
        }
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = kwargs != NULL ? PyDict_GET_SIZE(kwargs) : 0;
    if (nargs + nkw > len) {
        const char *fname = kw_fname(format);
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     KW_FNAME(fname), len, nargs == 0 ? "keyword " : "", len == 1 ? "" : "s",
                     nargs + nkw);
        return 0;
    }
    freelist fl;
    freelist_init(&fl);
    conv_state st;
    conv_init(&st, format, va, flags, &fl);
    int min = INT_MAX, max = INT_MAX, skip = 0, i;
    for (i = 0; i < len; i++) {
        /* markers and the end are not letters: one test passes a unit */
        if (!is_format_letter(*st.fmt)) {
            if (*st.fmt == '|') {
                if (min != INT_MAX) {
                    PyErr_SetString(PyExc_SystemError, "Invalid format string (| specified twice)");
                    return freelist_finish(&fl, 0);
                }
                min = i;
                st.fmt++;
                if (max != INT_MAX) {
                    PyErr_SetString(PyExc_SystemError, "Invalid format string ($ before |)");
                    return freelist_finish(&fl, 0);
                }
            }
            if (*st.fmt == '$') {
                if (max != INT_MAX) {
                    PyErr_SetString(PyExc_SystemError, "Invalid format string ($ specified twice)");
                    return freelist_finish(&fl, 0);
                }
                max = i;
                st.fmt++;
                if (max < pos) {
                    PyErr_SetString(PyExc_SystemError, "Empty parameter name after $");
                    return freelist_finish(&fl, 0);
                }
                if (skip)
                    break;   /* the counts are known now: report below */
                if (max < nargs) {
                    const char *fname = kw_fname(format);
                    if (max == 0)
                        PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments",
                                     KW_FNAME(fname));
                    else
                        PyErr_Format(PyExc_TypeError,
                                     "%.200s%s takes %s %d positional argument%s (%zd given)",
                                     KW_FNAME(fname), min != INT_MAX ? "at most" : "exactly", max,
                                     max == 1 ? "" : "s", nargs);
                    return freelist_finish(&fl, 0);
                }
            }
            if (KR_END_OF_FORMAT(*st.fmt)) {
                PyErr_Format(PyExc_SystemError,
                             "More keyword list entries (%d) than format specifiers (%d)", len, i);
                return freelist_finish(&fl, 0);
            }
        }
        if (!skip) {
            PyObject *current = NULL;
            if (i < nargs) {
                current = PyTuple_GET_ITEM(args, i);
            }
            else if (nkw && i >= pos) {
                current = kw_lookup(kwargs, kwlist[i]);
                if (current != NULL)
                    nkw--;
            }
            if (current != NULL) {
                if (convert_fast(current, &st))
                    continue;
                int levels[34];   /* convert_item fills what it uses */
                const char *msg = convert_item(current, &st, levels, 0);
                if (msg != NULL) {
                    const char *fname = kw_fname(format);
                    const char *custom = fname == NULL ? strchr(format, ';') : NULL;
                    seterror(i + 1, msg, levels, fname, custom ? custom + 1 : NULL);
                    return freelist_finish(&fl, 0);
                }
                continue;
            }
            if (i < min) {
                if (i < pos) {
                    /* a positional-only parameter is missing: the message
                     * needs the counts, known at '|', '$' or the end */
                    skip = 1;
                }
                else {
                    const char *fname = kw_fname(format);
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s missing required argument '%s' (pos %d)",
                                 KW_FNAME(fname), kwlist[i], i + 1);
                    return freelist_finish(&fl, 0);
                }
            }
            if (!nkw && !skip)
                return freelist_finish(&fl, 1);
        }
        const char *msg = skip_unit(&st);
        if (msg != NULL) {
            PyErr_Format(PyExc_SystemError, "%s: '%s'", msg, st.fmt);
            return freelist_finish(&fl, 0);
        }
    }
    if (skip) {
        const char *fname = kw_fname(format);
        int need = pos < min ? pos : min;
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     KW_FNAME(fname), need < i ? "at least" : "exactly", need,
                     need == 1 ? "" : "s", nargs);
        return freelist_finish(&fl, 0);
    }
    if (!KR_END_OF_FORMAT(*st.fmt) && *st.fmt != '|' && *st.fmt != '$') {
        PyErr_Format(PyExc_SystemError,
                     "more argument specifiers than keyword list entries (remaining format:'%s')",
                     st.fmt);
        return freelist_finish(&fl, 0);
    }
    if (nkw > 0) {
        const char *fname = kw_fname(format);
        for (i = pos; i < nargs; i++) {
            if (kw_lookup(kwargs, kwlist[i]) != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "argument for %.200s%s given by name ('%s') and position (%d)",
                             KW_FNAME(fname), kwlist[i], i + 1);
                return freelist_finish(&fl, 0);
            }
        }
        PyObject *key;
        Py_ssize_t j = 0;
        while (PyDict_Next(kwargs, &j, &key, NULL)) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                return freelist_finish(&fl, 0);
            }
            int match = 0;
            for (i = pos; i < len && !match; i++)
                match = key_equals_ascii(key, kwlist[i]);
            if (!match) {
                PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %.200s%s",
                             key, fname ? fname : "this function", fname ? "()" : "");
                return freelist_finish(&fl, 0);
            }
        }
    }
    return freelist_finish(&fl, 1);
}

int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, ...)
{
    va_list va;
    va_start(va, kwlist);
    int r = parse_tuple_keywords(args, kw, format, kwlist, &va, 0);
    va_end(va);
    return r;
}

int _PyArg_ParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kw, const char *format,
                                       char **kwlist, ...)
{
    va_list va;
    va_start(va, kwlist);
    int r = parse_tuple_keywords(args, kw, format, kwlist, &va, FLAG_SIZE_T);
    va_end(va);
    return r;
}

int PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format,
                                  char **kwlist, va_list va)
{
    va_list copy;
    va_copy(copy, va);
    int r = parse_tuple_keywords(args, kw, format, kwlist, &copy, 0);
    va_end(copy);
    return r;
}

int _PyArg_VaParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kw, const char *format,
                                         char **kwlist, va_list va)
{
    va_list copy;
    va_copy(copy, va);
    int r = parse_tuple_keywords(args, kw, format, kwlist, &copy, FLAG_SIZE_T);
    va_end(copy);
    return r;
}

/* ---- small helpers ---- */

int PyArg_ValidateKeywordArguments(PyObject *kwargs)
{
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional(name, n, min, max))
        return 0;
    va_list va;
    va_start(va, max);
    for (Py_ssize_t i = 0; i < n; i++)
        *va_arg(va, PyObject **) = PyTuple_GET_ITEM(args, i);
    va_end(va);
    return 1;
}

int _PyArg_NoKeywords(const char *funcname, PyObject *kwargs)
{
    if (kwargs == NULL)
        return 1;
    if (!PyDict_CheckExact(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyDict_GET_SIZE(kwargs) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int _PyArg_NoKwnames(const char *funcname, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", funcname);
    return 0;
}

int _PyArg_NoPositional(const char *funcname, PyObject *args)
{
    if (args == NULL || PyTuple_GET_SIZE(args) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", funcname);
    return 0;
}

int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                         name, min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs == 0)
        return 1;
    if (nargs > max) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                         name, min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}
