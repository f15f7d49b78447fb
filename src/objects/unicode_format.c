/* unicode_format.c: printf-style formatting (str % args, PyUnicode_Format)
 * and str.__format__.
 *
 * The % parser walks the format once, writing literal runs and each
 * converted argument into one _PyUnicodeWriter.  Integers are rendered by
 * the numbers area (_PyLong_Format) and floats by PyOS_double_to_string;
 * this file only applies the printf flags (- + space # 0), width and
 * precision.  str.__format__ is the numbers area's format-spec engine
 * (formatspec.h) applied to a str.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"
#include "objects/formatspec.h"

#define KR_F_LJUST (1 << 0)
#define KR_F_SIGN (1 << 1)
#define KR_F_BLANK (1 << 2)
#define KR_F_ALT (1 << 3)
#define KR_F_ZERO (1 << 4)

typedef struct {
    PyObject *fmt;
    int kind;
    const void *data;
    Py_ssize_t len, pos;
    /* The arguments still to consume: a tuple (arglen >= 0), or a single
     * object (arglen == -1, argidx -2 until it is used).  After a
     * %(key), the value looked up becomes the single object. */
    PyObject *args;
    Py_ssize_t arglen, argidx;
    PyObject *dict;         /* mapping for %(key)s, or NULL */
    PyObject *keyval;       /* owned: the value of the last %(key) */
    _PyUnicodeWriter w;
} kr_pformat;

/* Borrowed reference to the next argument. */
static PyObject *kr_pf_next_arg(kr_pformat *f)
{
    Py_ssize_t i = f->argidx;
    if (i < f->arglen) {
        f->argidx++;
        return f->arglen < 0 ? f->args : PyTuple_GET_ITEM(f->args, i);
    }
    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
    return NULL;
}

static int kr_pf_write_padded(_PyUnicodeWriter *w, PyObject *s, Py_ssize_t width, int ljust)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    Py_ssize_t pad = width > len ? width - len : 0;
    if (pad && !ljust)
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0)
                return -1;
    if (_PyUnicodeWriter_WriteStr(w, s) < 0)
        return -1;
    if (pad && ljust)
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0)
                return -1;
    return 0;
}

/* Writes a number given as ASCII: SIGN ('-', '+', ' ' or 0), PREFIX
 * ("0x" ...), DIGITS (already zero-extended to the precision); pads to
 * WIDTH with spaces or, with KR_F_ZERO, zeros after sign and prefix. */
static int kr_pf_write_number(_PyUnicodeWriter *w, char sign, const char *prefix, const char *digits,
                              Py_ssize_t ndigits, Py_ssize_t width, int flags)
{
    Py_ssize_t plen = (Py_ssize_t)strlen(prefix);
    Py_ssize_t total = (sign ? 1 : 0) + plen + ndigits;
    Py_ssize_t pad = width > total ? width - total : 0;
    if (pad && !(flags & KR_F_LJUST) && !(flags & KR_F_ZERO))
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0)
                return -1;
    if (sign && _PyUnicodeWriter_WriteChar(w, (Py_UCS4)sign) < 0)
        return -1;
    if (plen && _PyUnicodeWriter_WriteASCIIString(w, prefix, plen) < 0)
        return -1;
    if (pad && !(flags & KR_F_LJUST) && (flags & KR_F_ZERO))
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, '0') < 0)
                return -1;
    if (_PyUnicodeWriter_WriteASCIIString(w, digits, ndigits) < 0)
        return -1;
    if (pad && (flags & KR_F_LJUST))
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0)
                return -1;
    return 0;
}

static int kr_pf_int(kr_pformat *f, PyObject *v, Py_UCS4 type, Py_ssize_t width, Py_ssize_t prec, int flags)
{
    PyObject *iobj, *s;
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    if (PyLong_Check(v))
        iobj = Py_NewRef(v);
    else {
        if (!PyNumber_Check(v))
            goto wrongtype;
        if (base != 10) {
            iobj = PyNumber_Index(v);
            if (iobj == NULL) {
                if (PyErr_ExceptionMatches(PyExc_TypeError))
                    goto wrongtype;
                return -1;
            }
        }
        else {
            iobj = PyNumber_Long(v);
            if (iobj == NULL) {
                if (PyErr_ExceptionMatches(PyExc_TypeError))
                    goto wrongtype;
                return -1;
            }
        }
    }
    s = _PyLong_Format(iobj, base);
    Py_DECREF(iobj);
    if (s == NULL)
        return -1;
    {
        const char *p = PyUnicode_AsUTF8(s);
        char sign = 0;
        if (p == NULL) {
            Py_DECREF(s);
            return -1;
        }
        if (*p == '-') {
            sign = '-';
            p++;
        }
        else if (flags & KR_F_SIGN)
            sign = '+';
        else if (flags & KR_F_BLANK)
            sign = ' ';
        if (base != 10)
            p += 2;   /* _PyLong_Format's 0x / 0o */
        Py_ssize_t nd = (Py_ssize_t)strlen(p);
        Py_ssize_t zeros = prec > nd ? prec - nd : 0;
        char *buf = PyMem_Malloc((size_t)(nd + zeros) + 1);
        if (buf == NULL) {
            Py_DECREF(s);
            PyErr_NoMemory();
            return -1;
        }
        memset(buf, '0', (size_t)zeros);
        memcpy(buf + zeros, p, (size_t)nd);
        if (type == 'X')
            for (Py_ssize_t i = 0; i < nd + zeros; i++)
                buf[i] = (char)Py_TOUPPER(buf[i]);
        const char *prefix = "";
        if (flags & KR_F_ALT)
            prefix = type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
        int r = kr_pf_write_number(&f->w, sign, prefix, buf, nd + zeros, width, flags);
        PyMem_Free(buf);
        Py_DECREF(s);
        return r;
    }
wrongtype:
    if (base != 10)
        PyErr_Format(PyExc_TypeError, "%%%c format: an integer is required, not %.200s", (int)type,
                     Py_TYPE(v)->tp_name);
    else
        PyErr_Format(PyExc_TypeError, "%%%c format: a real number is required, not %.200s", (int)type,
                     Py_TYPE(v)->tp_name);
    return -1;
}

static int kr_pf_float(kr_pformat *f, PyObject *v, Py_UCS4 type, Py_ssize_t width, Py_ssize_t prec, int flags)
{
    double x = PyFloat_AsDouble(v);
    char *s;
    if (x == -1.0 && PyErr_Occurred())
        return -1;
    if (prec < 0)
        prec = 6;
    s = PyOS_double_to_string(x, (char)type, (int)prec, (flags & KR_F_ALT) ? Py_DTSF_ALT : 0, NULL);
    if (s == NULL)
        return -1;
    const char *p = s;
    char sign = 0;
    if (*p == '-') {
        sign = '-';
        p++;
    }
    else if (flags & KR_F_SIGN)
        sign = '+';
    else if (flags & KR_F_BLANK)
        sign = ' ';
    int r = kr_pf_write_number(&f->w, sign, "", p, (Py_ssize_t)strlen(p), width, flags);
    PyMem_Free(s);
    return r;
}

static int kr_pf_char(kr_pformat *f, PyObject *v, Py_ssize_t width, int flags)
{
    Py_UCS4 ch;
    if (PyUnicode_Check(v)) {
        if (PyUnicode_GET_LENGTH(v) != 1)
            goto bad;
        ch = PyUnicode_READ_CHAR(v, 0);
    }
    else {
        int overflow;
        long x = PyLong_AsLongAndOverflow(v, &overflow);
        if (x == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_TypeError))
                goto bad;
            return -1;
        }
        if (overflow || x < 0 || x > 0x10FFFF) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        ch = (Py_UCS4)x;
    }
    PyObject *s = kr_str_char(ch);
    if (s == NULL)
        return -1;
    int r = kr_pf_write_padded(&f->w, s, width, flags & KR_F_LJUST);
    Py_DECREF(s);
    return r;
bad:
    PyErr_Clear();
    PyErr_SetString(PyExc_TypeError, "%c requires int or char");
    return -1;
}

/* Reads a '*' argument or a decimal number at the format position (-1
 * when absent).  Widths may go up to PY_SSIZE_T_MAX, precisions to
 * INT_MAX, '*' values must fit a C int, as in CPython. */
static int kr_pf_number_field(kr_pformat *f, Py_ssize_t *out, int *is_star, int is_prec)
{
    *is_star = 0;
    if (f->pos < f->len && PyUnicode_READ(f->kind, f->data, f->pos) == '*') {
        PyObject *v = kr_pf_next_arg(f);
        f->pos++;
        *is_star = 1;
        if (v == NULL)
            return -1;
        if (!PyLong_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "* wants int");
            return -1;
        }
        Py_ssize_t x = is_prec ? (Py_ssize_t)_PyLong_AsInt(v) : PyLong_AsSsize_t(v);
        if (x == -1 && PyErr_Occurred())
            return -1;
        *out = x;
        return 0;
    }
    Py_ssize_t n = -1, limit = is_prec ? INT_MAX : PY_SSIZE_T_MAX;
    while (f->pos < f->len) {
        Py_UCS4 c = PyUnicode_READ(f->kind, f->data, f->pos);
        if (c < '0' || c > '9')
            break;
        if (n < 0)
            n = 0;
        if (n > (limit - (Py_ssize_t)(c - '0')) / 10) {
            PyErr_SetString(PyExc_ValueError, is_prec ? "precision too big" : "width too big");
            return -1;
        }
        n = n * 10 + (c - '0');
        f->pos++;
    }
    *out = n;
    return 0;
}

static int kr_pf_one(kr_pformat *f)
{
    Py_ssize_t start = f->pos;   /* at the '%' */
    PyObject *v = NULL, *key_value = NULL;
    int flags = 0, star, r;
    Py_ssize_t width = -1, prec = -1;
    Py_UCS4 c;

    f->pos++;
    if (f->pos < f->len && PyUnicode_READ(f->kind, f->data, f->pos) == '(') {
        Py_ssize_t depth = 1, kstart = ++f->pos;
        if (f->dict == NULL) {
            PyErr_SetString(PyExc_TypeError, "format requires a mapping");
            return -1;
        }
        while (f->pos < f->len && depth > 0) {
            c = PyUnicode_READ(f->kind, f->data, f->pos);
            if (c == ')')
                depth--;
            else if (c == '(')
                depth++;
            f->pos++;
        }
        if (depth > 0) {
            PyErr_SetString(PyExc_ValueError, "incomplete format key");
            return -1;
        }
        PyObject *key = PyUnicode_Substring(f->fmt, kstart, f->pos - 1);
        if (key == NULL)
            return -1;
        key_value = PyObject_GetItem(f->dict, key);
        Py_DECREF(key);
        if (key_value == NULL)
            return -1;
        Py_XSETREF(f->keyval, key_value);
        f->args = key_value;
        f->arglen = -1;
        f->argidx = -2;
        key_value = NULL;
    }
    while (f->pos < f->len) {
        c = PyUnicode_READ(f->kind, f->data, f->pos);
        if (c == '-') flags |= KR_F_LJUST;
        else if (c == '+') flags |= KR_F_SIGN;
        else if (c == ' ') flags |= KR_F_BLANK;
        else if (c == '#') flags |= KR_F_ALT;
        else if (c == '0') flags |= KR_F_ZERO;
        else break;
        f->pos++;
    }
    if (kr_pf_number_field(f, &width, &star, 0) < 0)
        goto fail;
    if (width < -1 || (star && width < 0)) {
        flags |= KR_F_LJUST;
        width = -width;
    }
    if (f->pos < f->len && PyUnicode_READ(f->kind, f->data, f->pos) == '.') {
        f->pos++;
        if (kr_pf_number_field(f, &prec, &star, 1) < 0)
            goto fail;
        if (prec < 0)
            prec = 0;
    }
    /* length modifiers are accepted and ignored, as in CPython */
    while (f->pos < f->len) {
        c = PyUnicode_READ(f->kind, f->data, f->pos);
        if (c != 'h' && c != 'l' && c != 'L')
            break;
        f->pos++;
    }
    if (f->pos >= f->len) {
        PyErr_SetString(PyExc_ValueError, "incomplete format");
        goto fail;
    }
    c = PyUnicode_READ(f->kind, f->data, f->pos++);
    if (c == '%')
        return _PyUnicodeWriter_WriteChar(&f->w, '%');
    v = kr_pf_next_arg(f);
    if (v == NULL)
        return -1;
    Py_INCREF(v);
    if (flags & KR_F_LJUST)
        flags &= ~KR_F_ZERO;
    switch (c) {
    case 's': case 'r': case 'a': {
        PyObject *s = c == 's' ? PyObject_Str(v) : c == 'r' ? PyObject_Repr(v) : PyObject_ASCII(v);
        if (s == NULL)
            goto fail;
        if (prec >= 0 && PyUnicode_GET_LENGTH(s) > prec) {
            Py_SETREF(s, PyUnicode_Substring(s, 0, prec));
            if (s == NULL)
                goto fail;
        }
        r = kr_pf_write_padded(&f->w, s, width, flags & KR_F_LJUST);
        Py_DECREF(s);
        break;
    }
    case 'c':
        r = kr_pf_char(f, v, width, flags);
        break;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        r = kr_pf_int(f, v, c, width, prec, flags);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        r = kr_pf_float(f, v, c, width, prec, flags);
        break;
    default:
        PyErr_Format(PyExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                     (c >= 32 && c < 127) ? (int)c : '?', (unsigned)c, f->pos - 1);
        r = -1;
    }
    (void)start;
    Py_DECREF(v);
    return r;
fail:
    return -1;
}

PyObject *PyUnicode_Format(PyObject *format, PyObject *args)
{
    kr_pformat f;
    Py_ssize_t i;
    if (format == NULL || args == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyUnicode_Check(format)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    memset(&f, 0, sizeof f);
    f.fmt = format;
    f.kind = PyUnicode_KIND(format);
    f.data = PyUnicode_DATA(format);
    f.len = PyUnicode_GET_LENGTH(format);
    f.args = args;
    if (PyTuple_Check(args)) {
        f.arglen = PyTuple_GET_SIZE(args);
        f.argidx = 0;
    }
    else {
        f.arglen = -1;
        f.argidx = -2;
    }
    if (PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args))
        f.dict = args;
    _PyUnicodeWriter_Init(&f.w);
    f.w.min_length = f.len + 100;
    f.w.overallocate = 1;
    i = 0;
    while (i < f.len) {
        Py_ssize_t next = kr_str_find_char(f.kind, (const char *)f.data + i * f.kind, f.len - i, '%');
        Py_ssize_t end = next < 0 ? f.len : i + next;
        if (end > i && _PyUnicodeWriter_WriteSubstring(&f.w, format, i, end) < 0)
            goto fail;
        if (next < 0)
            break;
        f.pos = end;
        if (kr_pf_one(&f) < 0)
            goto fail;
        i = f.pos;
    }
    if (f.argidx < f.arglen && !f.dict) {
        PyErr_SetString(PyExc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    Py_XDECREF(f.keyval);
    return _PyUnicodeWriter_Finish(&f.w);
fail:
    Py_XDECREF(f.keyval);
    _PyUnicodeWriter_Dealloc(&f.w);
    return NULL;
}

PyObject *kr_str_mod(PyObject *v, PyObject *w)
{
    if (!PyUnicode_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    return PyUnicode_Format(v, w);
}

/* ------------------------------------------------------------------ */
/* str.__format__ */

PyObject *kr_str_dunder_format(PyObject *self, PyObject *spec)
{
    if (PyUnicode_GET_LENGTH(spec) == 0)
        return PyUnicode_CheckExact(self) ? Py_NewRef(self) : PyObject_Str(self);
    return kr_formatspec_format_str(self, spec);
}

int kr_str_format_into(_PyUnicodeWriter *writer, PyObject *str, PyObject *spec, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *s, *r;
    if (start >= end)
        return _PyUnicodeWriter_WriteStr(writer, str);
    s = PyUnicode_Substring(spec, start, end);
    if (s == NULL)
        return -1;
    r = kr_formatspec_format_str(str, s);
    Py_DECREF(s);
    if (r == NULL)
        return -1;
    int rc = _PyUnicodeWriter_WriteStr(writer, r);
    Py_DECREF(r);
    return rc;
}
