/* getargs.c: PyArg_ParseTuple, PyArg_ParseTupleAndKeywords, PyArg_Parse
 * and their va_list and _SizeT variants; PyArg_UnpackTuple and the small
 * argument checks extensions call.
 *
 * One converter (convert_item) handles every format unit CPython 3.11
 * documents; the two drivers differ only in how they match arguments to
 * units.  Resources a conversion acquires (buffers from "s*"/"y*"/"w*",
 * memory from "es"/"et", O& cleanups) are recorded, and released if a
 * later argument fails, so a failed call leaks nothing.  Messages follow
 * CPython's wording: "f() argument 1 must be str, not int". */
#include "internal.h"

#define FLAG_SIZE_T 1

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
        PyErr_Clear();
        *err = expected(st, writable ? "read-write bytes-like object" : "bytes-like object", arg);
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
                return c == 'y' ? err : expected(st, none_ok ? "str, bytes-like object or None"
                                                             : "str or bytes-like object", arg);
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

/* Skips the va_list arguments of one unit that is not converted (an
 * optional argument that was not given). */
static void skip_unit(conv_state *st);

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

static void skip_unit(conv_state *st)
{
    const char *f = st->fmt;
    char c = *f++;
    switch (c) {
    case '(': {
        st->fmt = f;
        while (*st->fmt && *st->fmt != ')')
            skip_unit(st);
        if (*st->fmt == ')')
            st->fmt++;
        return;
    }
    case 'e':
        va_arg(*st->va, const char *);
        va_arg(*st->va, char **);
        f++;
        if (*f == '#') {
            f++;
            va_arg(*st->va, void *);
        }
        break;
    case 'O':
        if (*f == '!' || *f == '&') {
            f++;
            va_arg(*st->va, void *);
        }
        va_arg(*st->va, void *);
        break;
    case 's': case 'z': case 'y':
        va_arg(*st->va, void *);
        if (*f == '#') {
            f++;
            va_arg(*st->va, void *);
        } else if (*f == '*') {
            f++;
        }
        break;
    case 'w':
        va_arg(*st->va, void *);
        if (*f == '*')
            f++;
        break;
    default:
        va_arg(*st->va, void *);
        break;
    }
    st->fmt = f;
}

/* Raises TypeError for a failed conversion at position `argnum` (1-based)
 * or of keyword `kwname`. */
static void report(const char *fname, int argnum, const char *kwname, const int *levels,
                   const char *msg)
{
    if (msg == NULL || *msg == '\0') {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "argument conversion failed without an error");
        return;
    }
    if (PyErr_Occurred())
        return;
    if (msg[0] == '(') {
        PyErr_SetString(PyExc_SystemError, msg);
        return;
    }
    char where[256];
    int pos = 0;
    if (fname)
        pos += snprintf(where + pos, sizeof where - (size_t)pos, "%.150s() ", fname);
    if (kwname)
        pos += snprintf(where + pos, sizeof where - (size_t)pos, "argument '%.100s'", kwname);
    else
        pos += snprintf(where + pos, sizeof where - (size_t)pos, "argument %d", argnum);
    for (int i = 0; levels[i] > 0 && i < 32 && pos < (int)sizeof where - 20; i++)
        pos += snprintf(where + pos, sizeof where - (size_t)pos, ", item %d", levels[i] - 1);
    PyErr_Format(PyExc_TypeError, "%s %s", where, msg);
}

/* ---- format preamble: counts and names ---- */

typedef struct {
    int min, max;            /* positional counts */
    const char *fname;
    const char *message;     /* the text after ';', replacing messages */
} format_info;

/* Scans the whole format: number of units before '|' (min), in total
 * (max), the function name after ':' and a custom message after ';'. */
static int scan_format(const char *format, format_info *fi, int *kwonly_start)
{
    int level = 0, n = 0, min = -1;
    fi->fname = NULL;
    fi->message = NULL;
    if (kwonly_start)
        *kwonly_start = -1;
    for (const char *p = format;; p++) {
        char c = *p;
        if (c == '(') {
            if (level == 0)
                n++;
            level++;
        } else if (c == ')') {
            if (level == 0) {
                PyErr_SetString(PyExc_SystemError, "excess ')' in getargs format");
                return -1;
            }
            level--;
        } else if (c == '\0') {
            break;
        } else if (c == ':' && level == 0) {
            fi->fname = p + 1;   /* the rest of the format; messages cut it at 150-200 */
            break;
        } else if (c == ';' && level == 0) {
            fi->message = p + 1;
            break;
        } else if (level == 0) {
            if (c == '|') {
                if (min < 0)
                    min = n;
            } else if (c == '$') {
                if (kwonly_start && *kwonly_start < 0)
                    *kwonly_start = n;
            } else if (c == 'e') {
                n++;
                p++;   /* es / et are one unit */
            } else if (c != '#' && c != '*' && c != '&' && c != '!') {
                n++;
            }
        }
    }
    if (level != 0) {
        PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
        return -1;
    }
    fi->min = min < 0 ? n : min;
    fi->max = n;
    return 0;
}

/* Advances over '|' and '$' markers between units. */
static void skip_markers(conv_state *st)
{
    while (*st->fmt == '|' || *st->fmt == '$')
        st->fmt++;
}

/* ---- PyArg_ParseTuple ---- */

static int parse_tuple(PyObject *args, const char *format, va_list *va, int flags)
{
    format_info fi;
    if (scan_format(format, &fi, NULL) < 0)
        return 0;
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    Py_ssize_t len = PyTuple_GET_SIZE(args);
    if (len < fi.min || len > fi.max) {
        if (fi.message)
            PyErr_SetString(PyExc_TypeError, fi.message);
        else if (fi.max == 0)
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments",
                         fi.fname ? fi.fname : "function", fi.fname ? "()" : "");
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
        skip_markers(&st);
        int levels[34];   /* convert_item fills what it uses */
        const char *msg = convert_item(PyTuple_GET_ITEM(args, i), &st, levels, 0);
        if (msg != NULL) {
            if (fi.message && !PyErr_Occurred() && *msg && *msg != '(')
                PyErr_SetString(PyExc_TypeError, fi.message);
            else
                report(fi.fname, (int)i + 1, NULL, levels, msg);
            return freelist_finish(&fl, 0);
        }
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

/* PyArg_Parse: the old form, where `args` is the single argument itself
 * when the format has one unit. */
static int parse_single(PyObject *args, const char *format, va_list *va, int flags)
{
    format_info fi;
    if (scan_format(format, &fi, NULL) < 0)
        return 0;
    if (fi.max != 1) {
        PyObject *t = PyTuple_Check(args) ? Py_NewRef(args) : PyTuple_Pack(1, args);
        if (t == NULL)
            return 0;
        int r = parse_tuple(t, format, va, flags);
        Py_DECREF(t);
        return r;
    }
    freelist fl;
    freelist_init(&fl);
    conv_state st;
    conv_init(&st, format, va, flags, &fl);
    skip_markers(&st);
    int levels[34];   /* convert_item fills what it uses */
    const char *msg = convert_item(args, &st, levels, 0);
    if (msg != NULL) {
        report(fi.fname, 1, NULL, levels, msg);
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

/* kwargs[name] (borrowed) or NULL, raising nothing; keys that are not
 * str match nothing (reported later).  A scan comparing the UTF-8 bytes:
 * keyword dicts hold a few entries, and looking the name up by hash would
 * first make a str of it and hash it, on every call. */
static PyObject *kw_find(PyObject *kwargs, const char *name)
{
    size_t len = strlen(name);
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key))
            continue;
        if (PyUnicode_IS_COMPACT_ASCII(key)) {
            if ((size_t)PyUnicode_GET_LENGTH(key) == len &&
                memcmp(PyUnicode_DATA(key), name, len) == 0)
                return value;
        }
        else {
            Py_ssize_t n;
            const char *u = PyUnicode_AsUTF8AndSize(key, &n);
            if (u == NULL)
                PyErr_Clear();   /* a lone surrogate matches no C name */
            else if ((size_t)n == len && memcmp(u, name, len) == 0)
                return value;
        }
    }
    return NULL;
}

static int parse_tuple_keywords(PyObject *args, PyObject *kwargs, const char *format,
                                char **kwlist, va_list *va, int flags)
{
    format_info fi;
    int kwonly;
    if (args == NULL || !PyTuple_Check(args) || (kwargs != NULL && !PyDict_Check(kwargs)) ||
        format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (scan_format(format, &fi, &kwonly) < 0)
        return 0;
    int len = 0;
    while (kwlist[len] != NULL)
        len++;
    int npos_only = 0;
    while (npos_only < len && kwlist[npos_only][0] == '\0')
        npos_only++;
    if (len != fi.max) {
        PyErr_Format(PyExc_SystemError,
                     "more keyword list entries (%d) than format specifiers (%d)", len, fi.max);
        return 0;
    }
    int max_pos = kwonly < 0 ? len : kwonly;
    const char *fname = fi.fname ? fi.fname : "function";
    const char *paren = fi.fname ? "()" : "";
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = kwargs ? PyDict_GET_SIZE(kwargs) : 0;
    if (nargs + nkw > len) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname, paren, len, nargs == 0 ? "keyword " : "", len == 1 ? "" : "s",
                     nargs + nkw);
        return 0;
    }
    if (nargs > max_pos) {
        if (max_pos == 0)
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", fname, paren);
        else
            PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                         fname, paren, fi.min < max_pos ? "at most" : "exactly", max_pos,
                         max_pos == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs < npos_only && nargs < fi.min) {
        int need = npos_only < fi.min ? npos_only : fi.min;
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fname, paren, need < max_pos ? "at least" : "exactly", need,
                     need == 1 ? "" : "s", nargs);
        return 0;
    }
    freelist fl;
    freelist_init(&fl);
    conv_state st;
    conv_init(&st, format, va, flags, &fl);
    Py_ssize_t kw_used = 0;
    for (int i = 0; i < len; i++) {
        skip_markers(&st);
        PyObject *current = NULL;
        if (i < nargs) {
            current = PyTuple_GET_ITEM(args, i);
        } else if (nkw && i >= npos_only) {
            current = kw_find(kwargs, kwlist[i]);
            if (current != NULL)
                kw_used++;
        }
        if (current == NULL) {
            if (i < fi.min) {
                if (i < npos_only)
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes %s %d positional argument%s (%zd given)",
                                 fname, paren, npos_only < max_pos ? "at least" : "exactly",
                                 npos_only, npos_only == 1 ? "" : "s", nargs);
                else if (kwonly >= 0 && i >= kwonly)
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s missing required keyword-only argument '%s'",
                                 fname, paren, kwlist[i]);
                else
                    PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                                 fname, paren, kwlist[i], i + 1);
                return freelist_finish(&fl, 0);
            }
            skip_unit(&st);
            continue;
        }
        int levels[34];   /* convert_item fills what it uses */
        const char *msg = convert_item(current, &st, levels, 0);
        if (msg != NULL) {
            report(fi.fname, i + 1, i < nargs ? NULL : kwlist[i], levels, msg);
            return freelist_finish(&fl, 0);
        }
    }
    if (kw_used < nkw) {
        /* Some keyword was not used: as CPython, once every argument is
         * converted, a name also given by position is reported first,
         * then a key that is no str, unknown, or positional-only. */
        for (int i = npos_only; i < nargs && i < len; i++) {
            if (kw_find(kwargs, kwlist[i]) != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "argument for %.200s%s given by name ('%s') and position (%d)",
                             fname, paren, kwlist[i], i + 1);
                return freelist_finish(&fl, 0);
            }
        }
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                return freelist_finish(&fl, 0);
            }
            int known = 0;
            for (int i = npos_only; i < len && !known; i++)
                known = PyUnicode_CompareWithASCIIString(key, kwlist[i]) == 0 && i >= nargs;
            if (!known) {
                /* Positional-only parameters have empty names here, so a
                 * name is either a parameter's or unknown. */
                PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %.200s%s",
                             key, fi.fname ? fi.fname : "this function", paren);
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
