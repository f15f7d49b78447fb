/* long_format.c: conversions between ints and text: str()/repr(),
 * _PyLong_Format (bin/oct/hex), parsing (int(str, base), PyLong_FromString)
 * and int.__format__.
 *
 * Decimal output converts the base-2**30 digits into base-10**9 words
 * (quadratic, fine below the 4300-digit limit).  Since 3.11, conversions
 * in bases that are not powers of two refuse numbers longer than the
 * context's int_max_str_digits (sys.set_int_max_str_digits), because the
 * quadratic algorithms make huge conversions a denial-of-service vector. */
#include "internal.h"
#include "objects/longobject_internal.h"
#include "objects/formatspec.h"

unsigned char _PyLong_DigitValue[256] = {
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 37, 37, 37, 37, 37, 37,
    37, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 37, 37, 37, 37,
    37, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
    37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37
};

static int kr_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* ---- int -> text ---- */

static const char kr_digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* The digits of |v| in base 10 or a power of two, lowercase, in a
 * PyMem_Malloc'ed NUL-terminated buffer; *plen gets the length.
 * NULL with an exception on error (including the str-digits limit). */
static char *kr_long_digits(PyLongObject *v, int base, Py_ssize_t *plen)
{
    Py_ssize_t size_a = KR_ABS(Py_SIZE(v));
    char *out;
    if (base == 10) {
        int max_digits = kr_long_max_str_digits();
        /* cheap early refusal before the quadratic work: a number of
         * size_a digits has more than (size_a - 1) * 30 * log10(2) digits */
        if (size_a >= 10 * KR_LONG_MAX_STR_DIGITS_THRESHOLD / (3 * PyLong_SHIFT) + 2 &&
            max_digits > 0 && max_digits / (3 * PyLong_SHIFT) <= (size_a - 11) / 10)
            goto too_long;
        Py_ssize_t cap = size_a + size_a / 90 + 2;
        uint32_t *w = PyMem_Malloc((size_t)cap * sizeof(uint32_t));
        if (w == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        Py_ssize_t nw = 0;
        for (Py_ssize_t i = size_a - 1; i >= 0; i--) {
            twodigits hi = v->ob_digit[i];
            for (Py_ssize_t j = 0; j < nw; j++) {
                twodigits z = ((twodigits)w[j] << PyLong_SHIFT) | hi;
                hi = z / _PyLong_DECIMAL_BASE;
                w[j] = (uint32_t)(z - hi * _PyLong_DECIMAL_BASE);
            }
            while (hi) {
                w[nw++] = (uint32_t)(hi % _PyLong_DECIMAL_BASE);
                hi /= _PyLong_DECIMAL_BASE;
            }
        }
        if (nw == 0)
            w[nw++] = 0;
        Py_ssize_t toplen = 1;
        for (uint32_t t = w[nw - 1]; t >= 10; t /= 10)
            toplen++;
        Py_ssize_t len = (nw - 1) * _PyLong_DECIMAL_SHIFT + toplen;
        if (len > KR_LONG_MAX_STR_DIGITS_THRESHOLD && max_digits > 0 && len > max_digits) {
            PyMem_Free(w);
            goto too_long;
        }
        out = PyMem_Malloc((size_t)len + 1);
        if (out == NULL) {
            PyMem_Free(w);
            PyErr_NoMemory();
            return NULL;
        }
        char *p = out + len;
        *p = '\0';
        for (Py_ssize_t j = 0; j < nw; j++) {
            uint32_t t = w[j];
            int n = j == nw - 1 ? (int)toplen : _PyLong_DECIMAL_SHIFT;
            for (int k = 0; k < n; k++) {
                *--p = (char)('0' + t % 10);
                t /= 10;
            }
        }
        PyMem_Free(w);
        *plen = len;
        return out;
    }
    int bits = base == 2 ? 1 : base == 8 ? 3 : base == 16 ? 4 : base == 4 ? 2 : 5;
    size_t nbits = _PyLong_NumBits((PyObject *)v);
    Py_ssize_t len = nbits == 0 ? 1 : (Py_ssize_t)((nbits + (size_t)bits - 1) / (size_t)bits);
    out = PyMem_Malloc((size_t)len + 1);
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *p = out + len;
    *p = '\0';
    twodigits acc = 0;
    int accbits = 0;
    Py_ssize_t i = 0;
    while (p > out) {
        if (accbits < bits && i < size_a) {
            acc |= (twodigits)v->ob_digit[i++] << accbits;
            accbits += PyLong_SHIFT;
        }
        *--p = kr_digit_chars[acc & (twodigits)(base - 1)];
        acc >>= bits;
        accbits -= bits;
    }
    *plen = len;
    return out;
too_long:
    PyErr_Format(PyExc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit",
                 kr_long_max_str_digits());
    return NULL;
}

/* Decimal digits of m written backwards ending at end; returns the start. */
static char *kr_u64_to_dec(char *end, uint64_t m)
{
    do {
        *--end = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    return end;
}

/* sign, prefix and digits as a new str */
static PyObject *kr_long_to_str(PyLongObject *v, int base, const char *prefix)
{
    Py_ssize_t small;
    if (base == 10 && kr_long_as_ssize_t_fast((PyObject *)v, &small)) {
        /* up to two digits: no bignum work */
        char buf[24];
        char *end = buf + sizeof buf;
        char *p = kr_u64_to_dec(end, small < 0 ? (uint64_t)0 - (uint64_t)small : (uint64_t)small);
        if (small < 0)
            *--p = '-';
        return PyUnicode_FromStringAndSize(p, end - p);
    }
    Py_ssize_t nd;
    char *d = kr_long_digits(v, base, &nd);
    if (d == NULL)
        return NULL;
    Py_ssize_t np = (Py_ssize_t)strlen(prefix), neg = Py_SIZE(v) < 0;
    PyObject *r = PyUnicode_New(neg + np + nd, 127);
    if (r != NULL) {
        char *o = (char *)PyUnicode_DATA(r);
        if (neg)
            *o++ = '-';
        memcpy(o, prefix, (size_t)np);
        memcpy(o + np, d, (size_t)nd);
    }
    PyMem_Free(d);
    return r;
}

PyObject *kr_long_to_decimal_string(PyObject *v)
{
    return kr_long_to_str((PyLongObject *)v, 10, "");
}

PyObject *_PyLong_Format(PyObject *obj, int base)
{
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    if (base != 2 && base != 8 && base != 10 && base != 16) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_long_to_str((PyLongObject *)obj, base, prefix);
}

/* ---- text -> int ---- */

/* Parse a NUL-terminated literal.  Returns the int; or NULL with *invalid
 * set (no exception) for a malformed literal; or NULL with an exception. */
static PyObject *kr_long_parse(const char *s, int base, int *invalid)
{
    const unsigned char *p = (const unsigned char *)s;
    *invalid = 1;
    while (kr_is_space(*p))
        p++;
    int negative = 0;
    if (*p == '+')
        p++;
    else if (*p == '-') {
        negative = 1;
        p++;
    }
    int zero_only = 0;
    if (base == 0) {
        if (p[0] != '0')
            base = 10;
        else if (p[1] == 'x' || p[1] == 'X')
            base = 16;
        else if (p[1] == 'o' || p[1] == 'O')
            base = 8;
        else if (p[1] == 'b' || p[1] == 'B')
            base = 2;
        else {
            /* "0", "00", "0_0": old-style octal is gone, only zero is allowed */
            base = 10;
            zero_only = 1;
        }
    }
    if (p[0] == '0' &&
        ((base == 16 && (p[1] == 'x' || p[1] == 'X')) ||
         (base == 8 && (p[1] == 'o' || p[1] == 'O')) ||
         (base == 2 && (p[1] == 'b' || p[1] == 'B')))) {
        p += 2;
        if (*p == '_')   /* one underscore may follow the prefix */
            p++;
    }
    /* scan and validate the digits */
    const unsigned char *start = p;
    Py_ssize_t ndig = 0;
    int nonzero = 0;
    if (_PyLong_DigitValue[*p] >= base)
        return NULL;
    for (;;) {
        if (_PyLong_DigitValue[*p] < base) {
            nonzero |= *p != '0';
            ndig++;
            p++;
        }
        else if (*p == '_') {
            if (_PyLong_DigitValue[p[1]] >= base)
                return NULL;
            p++;
        }
        else
            break;
    }
    const unsigned char *end = p;
    while (kr_is_space(*p))
        p++;
    if (*p != '\0' || (zero_only && nonzero))
        return NULL;
    *invalid = 0;

    int pow2 = (base & (base - 1)) == 0;
    if (!pow2 && ndig > KR_LONG_MAX_STR_DIGITS_THRESHOLD) {
        int max_digits = kr_long_max_str_digits();
        if (max_digits > 0 && ndig > max_digits) {
            PyErr_Format(PyExc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion: "
                         "value has %zd digits; use sys.set_int_max_str_digits() "
                         "to increase the limit", max_digits, ndig);
            return NULL;
        }
    }
    PyLongObject *z;
    if (pow2) {
        int bits = 0;
        while ((1 << bits) < base)
            bits++;
        Py_ssize_t nd = (Py_ssize_t)(((size_t)ndig * (size_t)bits + PyLong_SHIFT - 1) / PyLong_SHIFT);
        z = _PyLong_New(nd);
        if (z == NULL)
            return NULL;
        twodigits acc = 0;
        int accbits = 0;
        Py_ssize_t i = 0;
        for (const unsigned char *q = end; q > start;) {
            unsigned char c = *--q;
            if (c == '_')
                continue;
            acc |= (twodigits)_PyLong_DigitValue[c] << accbits;
            accbits += bits;
            if (accbits >= PyLong_SHIFT) {
                z->ob_digit[i++] = (digit)(acc & PyLong_MASK);
                acc >>= PyLong_SHIFT;
                accbits -= PyLong_SHIFT;
            }
        }
        if (accbits > 0)
            z->ob_digit[i++] = (digit)acc;
        while (i < nd)
            z->ob_digit[i++] = 0;
    }
    else {
        /* groups of k characters make one multiply-add by base**k < 2**30 */
        int k = 0;
        digit convmult = 1;
        while ((twodigits)convmult * (twodigits)base < PyLong_BASE) {
            convmult *= (digit)base;
            k++;
        }
        double est = (double)ndig * log2((double)base) / PyLong_SHIFT;
        Py_ssize_t cap = (Py_ssize_t)est + 2;
        z = _PyLong_New(cap);
        if (z == NULL)
            return NULL;
        Py_ssize_t used = 0;
        const unsigned char *q = start;
        while (q < end) {
            digit c = 0, mult = 1;
            int n = 0;
            while (n < k && q < end) {
                if (*q != '_') {
                    c = c * (digit)base + _PyLong_DigitValue[*q];
                    mult *= (digit)base;
                    n++;
                }
                q++;
            }
            digit carry = kr_long_inplace_muladd1(z->ob_digit, z->ob_digit, used, mult, c);
            if (carry) {
                kr_assert(used < cap);
                z->ob_digit[used++] = carry;
            }
        }
        Py_SET_SIZE(z, used);
    }
    if (negative)
        Py_SET_SIZE(z, -Py_SIZE(z));
    return kr_long_maybe_small(kr_long_normalize(z));
}

static PyObject *kr_long_invalid_literal(int base, PyObject *repr_of)
{
    PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %.200R", base, repr_of);
    return NULL;
}

PyObject *PyLong_FromString(const char *str, char **pend, int base)
{
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() arg 2 must be >= 2 and <= 36");
        return NULL;
    }
    int invalid;
    PyObject *r = kr_long_parse(str, base, &invalid);
    if (pend != NULL)
        *pend = (char *)str + (r != NULL ? strlen(str) : 0);
    if (r == NULL && invalid) {
        size_t slen = strlen(str);
        PyObject *s = PyUnicode_FromStringAndSize(str, (Py_ssize_t)(slen < 200 ? slen : 200));
        if (s == NULL)
            return NULL;
        kr_long_invalid_literal(base, s);
        Py_DECREF(s);
    }
    return r;
}

PyObject *kr_long_from_ascii(const char *s, Py_ssize_t len, int base, PyObject *orig)
{
    int invalid = 1;
    PyObject *r = NULL;
    if ((Py_ssize_t)strlen(s) == len)   /* an embedded NUL is never valid */
        r = kr_long_parse(s, base, &invalid);
    if (r == NULL && invalid)
        kr_long_invalid_literal(base, orig);
    return r;
}

PyObject *PyLong_FromUnicodeObject(PyObject *u, int base)
{
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() arg 2 must be >= 2 and <= 36");
        return NULL;
    }
    if (PyUnicode_IS_ASCII(u))
        return kr_long_from_ascii((const char *)PyUnicode_DATA(u), PyUnicode_GET_LENGTH(u), base, u);
    /* other Unicode digits and spaces become their ASCII equivalents */
    PyObject *ascii = _PyUnicode_TransformDecimalAndSpaceToASCII(u);
    if (ascii == NULL)
        return NULL;
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(ascii, &len);
    PyObject *r = s == NULL ? NULL : kr_long_from_ascii(s, len, base, u);
    Py_DECREF(ascii);
    return r;
}

PyObject *_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)
{
    /* the buffer may lack a terminating NUL: copy it */
    char *copy = PyMem_Malloc((size_t)len + 1);
    if (copy == NULL)
        return PyErr_NoMemory();
    memcpy(copy, s, (size_t)len);
    copy[len] = '\0';
    int invalid = 1;
    PyObject *r = NULL;
    if ((Py_ssize_t)strlen(copy) == len)
        r = kr_long_parse(copy, base, &invalid);
    PyMem_Free(copy);
    if (r == NULL && invalid) {
        PyObject *b = PyBytes_FromStringAndSize(s, len);
        if (b == NULL)
            return NULL;
        kr_long_invalid_literal(base, b);
        Py_DECREF(b);
    }
    return r;
}

/* ---- C-level strtoul/strtol with Python's literal prefixes ---- */

unsigned long PyOS_strtoul(const char *str, char **ptr, int base)
{
    const unsigned char *p = (const unsigned char *)str;
    while (kr_is_space(*p))
        p++;
    if (base == 0) {
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
            base = 16;
        else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
            base = 8;
        else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
            base = 2;
        else
            base = 10;
    }
    if (base < 2 || base > 36) {
        if (ptr)
            *ptr = (char *)str;
        return 0;
    }
    if (p[0] == '0' && ((base == 16 && (p[1] == 'x' || p[1] == 'X')) ||
                        (base == 8 && (p[1] == 'o' || p[1] == 'O')) ||
                        (base == 2 && (p[1] == 'b' || p[1] == 'B'))) &&
        _PyLong_DigitValue[p[2]] < base)
        p += 2;
    const unsigned char *digits = p;
    unsigned long r = 0;
    int overflow = 0;
    while (_PyLong_DigitValue[*p] < base) {
        unsigned long d = _PyLong_DigitValue[*p++];
        if (r > (ULONG_MAX - d) / (unsigned long)base)
            overflow = 1;
        else
            r = r * (unsigned long)base + d;
    }
    if (ptr)
        *ptr = (char *)(p == digits ? (const unsigned char *)str : p);
    if (overflow) {
        errno = ERANGE;
        return ULONG_MAX;
    }
    return r;
}

long PyOS_strtol(const char *str, char **ptr, int base)
{
    const char *p = str;
    while (kr_is_space((unsigned char)*p))
        p++;
    int negative = 0;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    char *end;
    errno = 0;
    unsigned long u = PyOS_strtoul(p, &end, base);
    if (ptr)
        *ptr = end == p ? (char *)str : end;
    if (errno == ERANGE || u > (unsigned long)LONG_MAX + (unsigned long)negative) {
        errno = ERANGE;
        return negative ? LONG_MIN : LONG_MAX;
    }
    return negative ? (long)(0 - u) : (long)u;
}

/* ---- int.__format__ ---- */

static PyObject *kr_long_format_int(PyObject *v, const kr_format_spec *spec)
{
    if (spec->precision >= 0) {
        PyErr_SetString(PyExc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (spec->no_neg_0) {
        PyErr_SetString(PyExc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (spec->type == 'c') {
        if (spec->sign) {
            PyErr_SetString(PyExc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (spec->alternate) {
            PyErr_SetString(PyExc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        long x = PyLong_AsLong(v);
        if (x == -1 && PyErr_Occurred())
            return NULL;
        if (x < 0 || x > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        Py_UCS4 ch = (Py_UCS4)x;
        PyObject *s = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, &ch, 1);
        if (s == NULL)
            return NULL;
        kr_format_spec f = *spec;
        if (f.align == '=')
            f.align = '>';
        PyObject *r = kr_formatspec_pad_str(s, &f);
        Py_DECREF(s);
        return r;
    }
    int base = 10;
    const char *prefix = NULL;
    switch (spec->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    Py_ssize_t nd;
    char small[24];
    char *d;
    PyLongObject *lv = (PyLongObject *)v;
    Py_ssize_t x;
    if (base == 10 && kr_long_as_ssize_t_fast(v, &x)) {
        char *p = kr_u64_to_dec(small + sizeof small, x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x);
        nd = small + sizeof small - p;
        memmove(small, p, (size_t)nd);
        d = small;
    }
    else if ((d = kr_long_digits(lv, base, &nd)) == NULL)
        return NULL;
    if (spec->type == 'X')
        for (Py_ssize_t i = 0; i < nd; i++)
            if (d[i] >= 'a')
                d[i] = (char)(d[i] - 'a' + 'A');
    PyObject *r = kr_formatspec_layout_number(spec, Py_SIZE(v) < 0, spec->alternate ? prefix : NULL,
                                              d, nd, "", 0);
    if (d != small)
        PyMem_Free(d);
    return r;
}

PyObject *kr_long_format_spec(PyObject *v, PyObject *format_spec)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(format_spec);
    if (n == 0)
        return PyObject_Str(v);
    kr_format_spec spec;
    if (kr_formatspec_parse(v, format_spec, 0, n, &spec, 'd', '>') < 0)
        return NULL;
    switch (spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return kr_long_format_int(v, &spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x = PyLong_AsDouble(v);
        if (x == -1.0 && PyErr_Occurred())
            return NULL;
        return kr_format_double(x, &spec, v);
    }
    default:
        return kr_formatspec_unknown_code(spec.type, v);
    }
}
