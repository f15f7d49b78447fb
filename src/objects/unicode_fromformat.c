/* unicode_fromformat.c: PyUnicode_FromFormat / PyUnicode_FromFormatV, the
 * printf of the C API (%c %d %i %u %x %p %s %U %V %S %R %A with l, ll, z
 * size modifiers, width, precision and the '0' flag, as in 3.11).  Every error
 * message in the runtime is built with it, through PyErr_Format.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

/* Writes STR (or its first PREC characters) padded to WIDTH. */
static int kr_ff_write_str(_PyUnicodeWriter *w, PyObject *str, Py_ssize_t width, Py_ssize_t prec, int left)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (prec >= 0 && len > prec)
        len = prec;
    Py_ssize_t pad = width > len ? width - len : 0;
    if (!left)
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0)
                return -1;
    if (_PyUnicodeWriter_WriteSubstring(w, str, 0, len) < 0)
        return -1;
    if (left)
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0)
                return -1;
    return 0;
}

/* Writes C-string digits (with an optional leading '-') padded to WIDTH
 * and zero-extended to PREC digits. */
static int kr_ff_write_num(_PyUnicodeWriter *w, const char *num, Py_ssize_t width, Py_ssize_t prec, int left,
                           int zero)
{
    char buf[128];
    int neg = num[0] == '-';
    const char *digits = num + neg;
    Py_ssize_t nd = (Py_ssize_t)strlen(digits);
    Py_ssize_t zeros = prec > nd ? prec - nd : 0;
    if (zeros > 64)
        zeros = 64;
    Py_ssize_t total = neg + zeros + nd;
    Py_ssize_t pad = width > total ? width - total : 0;
    Py_ssize_t o = 0;
    if (zero && !left && prec < 0) {
        zeros += pad;
        pad = 0;
        if (zeros > 64)
            zeros = 64;
    }
    if (!left)
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0)
                return -1;
    if (neg)
        buf[o++] = '-';
    memset(buf + o, '0', (size_t)zeros);
    o += zeros;
    memcpy(buf + o, digits, (size_t)nd);
    o += nd;
    if (_PyUnicodeWriter_WriteASCIIString(w, buf, o) < 0)
        return -1;
    if (left)
        for (Py_ssize_t i = 0; i < pad; i++)
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0)
                return -1;
    return 0;
}

static int kr_ff_write_cstr(_PyUnicodeWriter *w, const char *s, Py_ssize_t width, Py_ssize_t prec, int left)
{
    size_t n = prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s);
    PyObject *u = PyUnicode_DecodeUTF8Stateful(s, (Py_ssize_t)n, "replace", NULL);
    if (u == NULL)
        return -1;
    int r = kr_ff_write_str(w, u, width, -1, left);
    Py_DECREF(u);
    return r;
}

PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    _PyUnicodeWriter w;
    va_list va;
    const char *f = format;
    _PyUnicodeWriter_Init(&w);
    w.min_length = (Py_ssize_t)strlen(format) + 100;
    w.overallocate = 1;
    va_copy(va, vargs);
    while (*f) {
        if (*f != '%') {
            const char *p = f;
            while (*p && *p != '%') {
                if ((unsigned char)*p >= 128) {
                    PyErr_Format(PyExc_ValueError,
                                 "PyUnicode_FromFormatV() expects an ASCII-encoded format string, "
                                 "got a non-ASCII byte: 0x%02x", (unsigned char)*p);
                    goto fail;
                }
                p++;
            }
            if (_PyUnicodeWriter_WriteASCIIString(&w, f, p - f) < 0)
                goto fail;
            f = p;
            continue;
        }
        const char *spec_start = f++;
        /* CPython 3.11 accepts one '0' flag, a width and a precision; a
         * '-' flag or a '*' (3.12 additions) is an unknown code there, so
         * the rest of the format is copied verbatim (the default case). */
        int left = 0, zero = 0;
        Py_ssize_t width = -1, prec = -1;
        if (*f == '0') {
            zero = 1;
            f++;
        }
        while (*f >= '0' && *f <= '9') {
            width = (width < 0 ? 0 : width) * 10 + (*f - '0');
            if (width > 1000000)
                width = 1000000;
            f++;
        }
        if (*f == '.') {
            f++;
            prec = 0;
            while (*f >= '0' && *f <= '9') {
                prec = prec * 10 + (*f - '0');
                if (prec > 1000000)
                    prec = 1000000;
                f++;
            }
        }
        int longflag = 0, longlong = 0, size_t_flag = 0;
        if (*f == 'l') {
            if (f[1] == 'l') {
                longlong = 1;
                f += 2;
            }
            else {
                longflag = 1;
                f++;
            }
        }
        else if (*f == 'z') {
            size_t_flag = 1;
            f++;
        }
        char num[64];
        int r = 0;
        switch (*f) {
        case 'c': {
            int ch = va_arg(va, int);
            if (ch < 0 || ch > 0x10FFFF) {
                PyErr_SetString(PyExc_OverflowError, "character argument not in range(0x110000)");
                goto fail;
            }
            r = _PyUnicodeWriter_WriteChar(&w, (Py_UCS4)ch);
            break;
        }
        case 'd': case 'i':
            if (longflag)
                snprintf(num, sizeof num, "%ld", va_arg(va, long));
            else if (longlong)
                snprintf(num, sizeof num, "%lld", va_arg(va, long long));
            else if (size_t_flag)
                snprintf(num, sizeof num, "%zd", va_arg(va, Py_ssize_t));
            else
                snprintf(num, sizeof num, "%d", va_arg(va, int));
            r = kr_ff_write_num(&w, num, width, prec, left, zero);
            break;
        case 'u':
            if (longflag)
                snprintf(num, sizeof num, "%lu", va_arg(va, unsigned long));
            else if (longlong)
                snprintf(num, sizeof num, "%llu", va_arg(va, unsigned long long));
            else if (size_t_flag)
                snprintf(num, sizeof num, "%zu", va_arg(va, size_t));
            else
                snprintf(num, sizeof num, "%u", va_arg(va, unsigned int));
            r = kr_ff_write_num(&w, num, width, prec, left, zero);
            break;
        case 'x':
            if (longflag)
                snprintf(num, sizeof num, "%lx", va_arg(va, unsigned long));
            else if (longlong)
                snprintf(num, sizeof num, "%llx", va_arg(va, unsigned long long));
            else if (size_t_flag)
                snprintf(num, sizeof num, "%zx", va_arg(va, size_t));
            else
                snprintf(num, sizeof num, "%x", va_arg(va, unsigned int));
            r = kr_ff_write_num(&w, num, width, prec, left, zero);
            break;
        case 'p': {
            void *p = va_arg(va, void *);
            snprintf(num, sizeof num, "0x%lx", (unsigned long)(uintptr_t)p);
            r = _PyUnicodeWriter_WriteASCIIString(&w, num, -1);
            break;
        }
        case 's':
            r = kr_ff_write_cstr(&w, va_arg(va, const char *), width, prec, left);
            break;
        case 'U': {
            PyObject *o = va_arg(va, PyObject *);
            r = kr_ff_write_str(&w, o, width, prec, left);
            break;
        }
        case 'V': {
            PyObject *o = va_arg(va, PyObject *);
            const char *s = va_arg(va, const char *);
            r = o != NULL ? kr_ff_write_str(&w, o, width, prec, left) : kr_ff_write_cstr(&w, s, width, prec, left);
            break;
        }
        case 'S': case 'R': case 'A': {
            PyObject *o = va_arg(va, PyObject *);
            PyObject *s = *f == 'S' ? PyObject_Str(o) : *f == 'R' ? PyObject_Repr(o) : PyObject_ASCII(o);
            if (s == NULL)
                goto fail;
            r = kr_ff_write_str(&w, s, width, prec, left);
            Py_DECREF(s);
            break;
        }
        case '%':
            r = _PyUnicodeWriter_WriteChar(&w, '%');
            break;
        default:
            /* unknown: copy the rest of the format verbatim, as CPython */
            r = _PyUnicodeWriter_WriteASCIIString(&w, spec_start, -1);
            f = spec_start + strlen(spec_start) - 1;
            break;
        }
        if (r < 0)
            goto fail;
        if (*f)
            f++;
    }
    va_end(va);
    return _PyUnicodeWriter_Finish(&w);
fail:
    va_end(va);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_FromFormat(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = PyUnicode_FromFormatV(format, va);
    va_end(va);
    return r;
}
