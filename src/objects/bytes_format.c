/* bytes_format.c: printf-style formatting that produces bytes: the
 * `bytes % args` operator (PEP 461; bytearray uses the same engine) and
 * the C API's PyBytes_FromFormat(V).
 *
 * Both write into a kr_bbuf, a growable byte buffer that starts on the
 * stack, and turn it into one bytes object at the end. */
#include "internal.h"
#include "objects/bytes_internal.h"
#include "objects/str_ids.h"

/* ---- the growable buffer ---- */

typedef struct {
    char *p;
    Py_ssize_t len, cap;
    char small[256];
} kr_bbuf;

static void kr_bbuf_init(kr_bbuf *b)
{
    b->p = b->small;
    b->len = 0;
    b->cap = (Py_ssize_t)sizeof b->small;
}

static void kr_bbuf_free(kr_bbuf *b)
{
    if (b->p != b->small)
        PyMem_Free(b->p);
}

/* Room for n more bytes; returns where they go, or NULL. */
static char *kr_bbuf_reserve(kr_bbuf *b, Py_ssize_t n)
{
    if (n > b->cap - b->len) {
        if (n > PY_SSIZE_T_MAX / 2 - b->len) {
            PyErr_NoMemory();
            return NULL;
        }
        Py_ssize_t cap = (b->len + n) * 2;
        char *p = b->p == b->small ? PyMem_Malloc((size_t)cap) : PyMem_Realloc(b->p, (size_t)cap);
        if (p == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        if (b->p == b->small)
            memcpy(p, b->small, (size_t)b->len);
        b->p = p;
        b->cap = cap;
    }
    return b->p + b->len;
}

static int kr_bbuf_put(kr_bbuf *b, const char *s, Py_ssize_t n)
{
    char *d = kr_bbuf_reserve(b, n);
    if (d == NULL)
        return -1;
    memcpy(d, s, (size_t)n);
    b->len += n;
    return 0;
}

static int kr_bbuf_fill(kr_bbuf *b, char c, Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    char *d = kr_bbuf_reserve(b, n);
    if (d == NULL)
        return -1;
    memset(d, c, (size_t)n);
    b->len += n;
    return 0;
}

static PyObject *kr_bbuf_finish(kr_bbuf *b)
{
    PyObject *r = PyBytes_FromStringAndSize(b->p, b->len);
    kr_bbuf_free(b);
    return r;
}

/* ---- bytes % args ---- */

enum { KR_F_LJUST = 1, KR_F_SIGN = 2, KR_F_BLANK = 4, KR_F_ALT = 8, KR_F_ZERO = 16 };

typedef struct {
    PyObject *args;       /* the right operand */
    Py_ssize_t argidx;    /* next tuple item; -2 for a single non-tuple value */
    Py_ssize_t arglen;    /* tuple length, or -1 */
    PyObject *dict;       /* the mapping for %(key)s, or NULL */
    PyObject *keyed;      /* owned: the value of the last %(key), which
                             then stands in for the arguments */
} kr_bfmt;

/* The next argument (borrowed), or NULL with TypeError. */
static PyObject *kr_bfmt_next(kr_bfmt *f)
{
    if (f->arglen >= 0) {
        if (f->argidx < f->arglen)
            return PyTuple_GET_ITEM(f->args, f->argidx++);
    } else if (f->argidx == -2) {
        f->argidx = -1;
        return f->args;
    }
    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* sign, prefix and digits padded to width: zeros go between the prefix
 * and the digits with the '0' flag, spaces outside otherwise. */
static int kr_bfmt_number(kr_bbuf *b, const char *sign, const char *prefix, const char *digits,
                          Py_ssize_t ndigits, Py_ssize_t width, int flags)
{
    Py_ssize_t slen = (Py_ssize_t)strlen(sign), plen = (Py_ssize_t)strlen(prefix);
    Py_ssize_t pad = width - slen - plen - ndigits;
    if (!(flags & (KR_F_LJUST | KR_F_ZERO)) && kr_bbuf_fill(b, ' ', pad) < 0)
        return -1;
    if (kr_bbuf_put(b, sign, slen) < 0 || kr_bbuf_put(b, prefix, plen) < 0)
        return -1;
    if ((flags & (KR_F_LJUST | KR_F_ZERO)) == KR_F_ZERO && kr_bbuf_fill(b, '0', pad) < 0)
        return -1;
    if (kr_bbuf_put(b, digits, ndigits) < 0)
        return -1;
    return (flags & KR_F_LJUST) ? kr_bbuf_fill(b, ' ', pad) : 0;
}

/* %d %i %u %o %x %X */
static int kr_bfmt_int(kr_bbuf *b, PyObject *v, char type, Py_ssize_t width, Py_ssize_t prec,
                       int flags)
{
    int want_index = type == 'o' || type == 'x' || type == 'X';
    PyObject *iobj;
    if (!PyNumber_Check(v))
        goto wrongtype;
    if (PyLong_Check(v))
        iobj = Py_NewRef(v);
    else {
        iobj = want_index ? PyNumber_Index(v) : PyNumber_Long(v);
        if (iobj == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError))
                goto wrongtype;
            return -1;
        }
    }
    int neg = _PyLong_Sign(iobj) < 0;
    PyObject *absval = neg ? PyNumber_Negative(iobj) : Py_NewRef(iobj);
    Py_DECREF(iobj);
    if (absval == NULL)
        return -1;
    int base = type == 'o' ? 8 : want_index ? 16 : 10;
    PyObject *text = PyNumber_ToBase(absval, base);
    Py_DECREF(absval);
    if (text == NULL)
        return -1;
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(text, &n);
    if (s == NULL) {
        Py_DECREF(text);
        return -1;
    }
    if (base != 10) {
        s += 2;   /* PyNumber_ToBase's 0o / 0x */
        n -= 2;
    }
    int rc = -1;
    char *digits = NULL;
    Py_ssize_t nd = prec > n ? prec : n;
    digits = PyMem_Malloc((size_t)nd + 1);
    if (digits == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memset(digits, '0', (size_t)(nd - n));
    for (Py_ssize_t i = 0; i < n; i++)
        digits[nd - n + i] = type == 'X' ? (char)Py_TOUPPER(s[i]) : s[i];
    const char *prefix = "";
    if ((flags & KR_F_ALT) && base != 10)
        prefix = type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
    const char *sign = neg ? "-" : (flags & KR_F_SIGN) ? "+" : (flags & KR_F_BLANK) ? " " : "";
    rc = kr_bfmt_number(b, sign, prefix, digits, nd, width, flags);
done:
    PyMem_Free(digits);
    Py_DECREF(text);
    return rc;
wrongtype:
    /* %i reports itself as %d, as in CPython. */
    PyErr_Format(PyExc_TypeError, "%%%c format: %s is required, not %.200s", type == 'i' ? 'd' : type,
                 want_index ? "an integer" : "a real number", Py_TYPE(v)->tp_name);
    return -1;
}

/* %e %E %f %F %g %G */
static int kr_bfmt_float(kr_bbuf *b, PyObject *v, char type, Py_ssize_t width, Py_ssize_t prec,
                         int flags)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        PyErr_Format(PyExc_TypeError, "float argument required, not %.200s", Py_TYPE(v)->tp_name);
        return -1;
    }
    if (prec < 0)
        prec = 6;
    char *s = PyOS_double_to_string(x, type, (int)prec, (flags & KR_F_ALT) ? Py_DTSF_ALT : 0, NULL);
    if (s == NULL)
        return -1;
    const char *digits = s, *sign = (flags & KR_F_SIGN) ? "+" : (flags & KR_F_BLANK) ? " " : "";
    if (*digits == '-') {
        sign = "-";
        digits++;
    }
    int rc = kr_bfmt_number(b, sign, "", digits, (Py_ssize_t)strlen(digits), width, flags);
    PyMem_Free(s);
    return rc;
}

/* The bytes %s/%b insert for v: a bytes object, a copy of a buffer, or
 * what __bytes__ returns.  New reference. */
static PyObject *kr_bfmt_bytes_of(PyObject *v)
{
    if (PyBytes_Check(v))
        return Py_NewRef(v);
    if (PyObject_CheckBuffer(v))
        return PyBytes_FromObject(v);
    PyObject *meth = _PyObject_LookupSpecial(v, KR_ID(__bytes__));
    if (meth != NULL) {
        PyObject *r = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (r != NULL && !PyBytes_Check(r)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(r)->tp_name);
            Py_CLEAR(r);
        }
        return r;
    }
    if (PyErr_Occurred())
        return NULL;
    PyErr_Format(PyExc_TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
                 Py_TYPE(v)->tp_name);
    return NULL;
}

/* %c: an int in range(256) or a bytes/bytearray of length 1. */
static int kr_bfmt_char(PyObject *v, char *out)
{
    if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1) {
        *out = PyBytes_AS_STRING(v)[0];
        return 0;
    }
    if (PyByteArray_Check(v) && PyByteArray_GET_SIZE(v) == 1) {
        *out = PyByteArray_AS_STRING(v)[0];
        return 0;
    }
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "%c requires an integer in range(256) or a single byte");
        return -1;
    }
    int overflow;
    PyObject *iobj = PyNumber_Index(v);
    if (iobj == NULL)
        return -1;
    long x = PyLong_AsLongAndOverflow(iobj, &overflow);
    Py_DECREF(iobj);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (overflow || x < 0 || x > 255) {
        PyErr_SetString(PyExc_OverflowError, "%c arg not in range(256)");
        return -1;
    }
    *out = (char)x;
    return 0;
}

/* A '*' width or precision argument. */
static int kr_bfmt_star(kr_bfmt *f, Py_ssize_t *out)
{
    PyObject *v = kr_bfmt_next(f);
    if (v == NULL)
        return -1;
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "* wants int");
        return -1;
    }
    Py_ssize_t x = PyLong_AsSsize_t(v);
    if (x == -1 && PyErr_Occurred())
        return -1;
    *out = x;
    return 0;
}

/* Digits of a width or precision. */
static int kr_bfmt_digits(const char **pp, const char *end, Py_ssize_t *out, const char *what)
{
    const char *p = *pp;
    Py_ssize_t x = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        if (x > (PY_SSIZE_T_MAX - (*p - '0')) / 10) {
            PyErr_Format(PyExc_ValueError, "%s too big", what);
            return -1;
        }
        x = x * 10 + (*p++ - '0');
    }
    *pp = p;
    *out = x;
    return 0;
}

/* One conversion, *pp just past its '%'. */
static int kr_bfmt_one(kr_bbuf *b, kr_bfmt *f, const char *fmt, const char **pp, const char *end)
{
    const char *p = *pp;
    int rc = -1;
    if (p < end && *p == '(') {
        if (f->dict == NULL) {
            PyErr_SetString(PyExc_TypeError, "format requires a mapping");
            return -1;
        }
        const char *keystart = ++p;
        int depth = 1;
        while (p < end && depth > 0) {
            if (*p == ')')
                depth--;
            else if (*p == '(')
                depth++;
            p++;
        }
        if (depth > 0) {
            PyErr_SetString(PyExc_ValueError, "incomplete format key");
            return -1;
        }
        PyObject *key = PyBytes_FromStringAndSize(keystart, p - 1 - keystart);
        if (key == NULL)
            return -1;
        PyObject *value = PyObject_GetItem(f->dict, key);
        Py_DECREF(key);
        if (value == NULL)
            return -1;
        /* The value replaces the arguments, as a single one. */
        Py_XSETREF(f->keyed, value);
        f->args = value;
        f->arglen = -1;
        f->argidx = -2;
    }
    int flags = 0;
    for (; p < end; p++) {
        int fl = *p == '-' ? KR_F_LJUST : *p == '+' ? KR_F_SIGN : *p == ' ' ? KR_F_BLANK
               : *p == '#' ? KR_F_ALT : *p == '0' ? KR_F_ZERO : 0;
        if (fl == 0)
            break;
        flags |= fl;
    }
    Py_ssize_t width = -1, prec = -1;
    if (p < end && *p == '*') {
        p++;
        if (kr_bfmt_star(f, &width) < 0)
            goto done;
        if (width < 0) {
            flags |= KR_F_LJUST;
            width = -width;
        }
    } else if (kr_bfmt_digits(&p, end, &width, "width") < 0) {
        goto done;
    }
    if (p < end && *p == '.') {
        p++;
        if (p < end && *p == '*') {
            p++;
            if (kr_bfmt_star(f, &prec) < 0)
                goto done;
            if (prec < 0)
                prec = 0;
        } else if (kr_bfmt_digits(&p, end, &prec, "precision") < 0) {
            goto done;
        }
    }
    while (p < end && (*p == 'h' || *p == 'l' || *p == 'L'))
        p++;
    if (p >= end) {
        PyErr_SetString(PyExc_ValueError, "incomplete format");
        goto done;
    }
    char type = *p++;
    PyObject *v = kr_bfmt_next(f);
    if (v == NULL)
        goto done;
    switch (type) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        rc = kr_bfmt_int(b, v, type, width, prec, flags);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        rc = kr_bfmt_float(b, v, type, width, prec, flags);
        break;
    case 'c': {
        char c;
        if (kr_bfmt_char(v, &c) < 0)
            goto done;
        flags &= ~KR_F_ZERO;
        rc = kr_bfmt_number(b, "", "", &c, 1, width, flags);
        break;
    }
    case 's': case 'b': case 'r': case 'a': {
        PyObject *s;
        if (type == 'r' || type == 'a') {
            PyObject *u = PyObject_ASCII(v);
            if (u == NULL)
                goto done;
            s = PyUnicode_AsASCIIString(u);
            Py_DECREF(u);
        } else {
            s = kr_bfmt_bytes_of(v);
        }
        if (s == NULL)
            goto done;
        Py_ssize_t n = PyBytes_GET_SIZE(s);
        if (prec >= 0 && n > prec)
            n = prec;
        flags &= ~KR_F_ZERO;
        rc = kr_bfmt_number(b, "", "", PyBytes_AS_STRING(s), n, width, flags);
        Py_DECREF(s);
        break;
    }
    default:
        PyErr_Format(PyExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                     (unsigned char)type >= 32 && (unsigned char)type < 127 ? type : '?',
                     (unsigned int)(unsigned char)type, (Py_ssize_t)(p - 1 - fmt));
        goto done;
    }
done:
    *pp = p;
    return rc;
}

PyObject *kr_bytes_format(const char *fmt, Py_ssize_t fmtlen, PyObject *args)
{
    kr_bfmt f;
    f.args = args;
    if (PyTuple_Check(args)) {
        f.arglen = PyTuple_GET_SIZE(args);
        f.argidx = 0;
    } else {
        f.arglen = -1;
        f.argidx = -2;
    }
    PyMappingMethods *mp = Py_TYPE(args)->tp_as_mapping;
    f.dict = (mp != NULL && mp->mp_subscript != NULL && !PyTuple_Check(args) &&
              !PyBytes_Check(args) && !PyUnicode_Check(args) && !PyByteArray_Check(args))
                 ? args
                 : NULL;
    f.keyed = NULL;
    kr_bbuf b;
    kr_bbuf_init(&b);
    const char *p = fmt, *end = fmt + fmtlen;
    while (p < end) {
        const char *pct = memchr(p, '%', (size_t)(end - p));
        if (pct == NULL)
            pct = end;
        if (kr_bbuf_put(&b, p, pct - p) < 0)
            goto fail;
        p = pct;
        if (p == end)
            break;
        p++;
        if (p < end && *p == '%') {
            p++;
            if (kr_bbuf_put(&b, "%", 1) < 0)
                goto fail;
            continue;
        }
        if (kr_bfmt_one(&b, &f, fmt, &p, end) < 0)
            goto fail;
    }
    if (f.argidx < f.arglen && f.dict == NULL) {
        PyErr_SetString(PyExc_TypeError, "not all arguments converted during bytes formatting");
        goto fail;
    }
    Py_XDECREF(f.keyed);
    return kr_bbuf_finish(&b);
fail:
    Py_XDECREF(f.keyed);
    kr_bbuf_free(&b);
    return NULL;
}

static PyObject *kr_bytes_mod(PyObject *v, PyObject *w)
{
    if (!PyBytes_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    return kr_bytes_format(PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v), w);
}

PyNumberMethods kr_bytes_as_number = {
    .nb_remainder = kr_bytes_mod,
};

/* ---- PyBytes_FromFormatV ---- */

/* The C API's printf: %c %d %i %u %x %p %s and %%, with the l, ll and z
 * size modifiers, a width (ignored for all but the numbers' digits
 * count, as in CPython) and a precision for %s.  An unknown conversion
 * copies the rest of the format verbatim. */
PyObject *PyBytes_FromFormatV(const char *format, va_list vargs)
{
    va_list va;
    va_copy(va, vargs);
    kr_bbuf b;
    kr_bbuf_init(&b);
    const char *f = format;
    char num[64];
    while (*f) {
        if (*f != '%') {
            const char *s = f;
            while (*f && *f != '%')
                f++;
            if (kr_bbuf_put(&b, s, f - s) < 0)
                goto fail;
            continue;
        }
        const char *start = f++;
        Py_ssize_t prec = -1;
        while (*f >= '0' && *f <= '9')
            f++;
        if (*f == '.') {
            prec = 0;
            for (f++; *f >= '0' && *f <= '9'; f++)
                prec = prec < 100000000 ? prec * 10 + (*f - '0') : prec;
        }
        int longflag = 0, longlong = 0, size_t_flag = 0;
        if (*f == 'l') {
            if (f[1] == 'l' && (f[2] == 'd' || f[2] == 'i' || f[2] == 'u')) {
                longlong = 1;
                f += 2;
            } else if (f[1] == 'd' || f[1] == 'i' || f[1] == 'u') {
                longflag = 1;
                f++;
            }
        } else if (*f == 'z' && (f[1] == 'd' || f[1] == 'i' || f[1] == 'u')) {
            size_t_flag = 1;
            f++;
        }
        int n = -1;
        switch (*f) {
        case 'c': {
            int c = va_arg(va, int);
            if (c < 0 || c > 255) {
                PyErr_SetString(PyExc_OverflowError, "PyBytes_FromFormatV(): %c format expects an integer in [0,255]");
                goto fail;
            }
            num[0] = (char)c;
            n = 1;
            break;
        }
        case 'd': case 'i':
            if (longflag)
                n = snprintf(num, sizeof num, "%ld", va_arg(va, long));
            else if (longlong)
                n = snprintf(num, sizeof num, "%lld", va_arg(va, long long));
            else if (size_t_flag)
                n = snprintf(num, sizeof num, "%zd", va_arg(va, Py_ssize_t));
            else
                n = snprintf(num, sizeof num, "%d", va_arg(va, int));
            break;
        case 'u':
            if (longflag)
                n = snprintf(num, sizeof num, "%lu", va_arg(va, unsigned long));
            else if (longlong)
                n = snprintf(num, sizeof num, "%llu", va_arg(va, unsigned long long));
            else if (size_t_flag)
                n = snprintf(num, sizeof num, "%zu", va_arg(va, size_t));
            else
                n = snprintf(num, sizeof num, "%u", va_arg(va, unsigned int));
            break;
        case 'x':
            n = snprintf(num, sizeof num, "%x", va_arg(va, int));
            break;
        case 'p':
            n = snprintf(num, sizeof num, "%p", va_arg(va, void *));
            /* Every platform prints 0x, as CPython makes sure. */
            if (n > 1 && num[1] != 'x') {
                memmove(num + 2, num, (size_t)n + 1);
                num[0] = '0';
                num[1] = 'x';
                n += 2;
            }
            break;
        case 's': {
            const char *s = va_arg(va, const char *);
            Py_ssize_t len = (Py_ssize_t)strlen(s);
            if (prec >= 0 && len > prec)
                len = prec;
            if (kr_bbuf_put(&b, s, len) < 0)
                goto fail;
            break;
        }
        case '%':
            num[0] = '%';
            n = 1;
            break;
        default:
            /* Not a conversion: the rest goes out as it is. */
            if (kr_bbuf_put(&b, start, (Py_ssize_t)strlen(start)) < 0)
                goto fail;
            f = start + strlen(start);
            continue;
        }
        if (n >= 0 && kr_bbuf_put(&b, num, n) < 0)
            goto fail;
        f++;
    }
    va_end(va);
    return kr_bbuf_finish(&b);
fail:
    va_end(va);
    kr_bbuf_free(&b);
    return NULL;
}

PyObject *PyBytes_FromFormat(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = PyBytes_FromFormatV(format, va);
    va_end(va);
    return r;
}
