/* pystrtod.c: locale-independent text <-> double conversion:
 * PyOS_string_to_double, PyOS_double_to_string (the engine behind
 * float.__repr__, float.__format__ and %-formatting), and the underscore
 * handling of float() and complex().
 *
 * Digits: for the common range, the correctly rounded digits are computed
 * exactly with 128-bit integers (a double is m * 2**e, so x * 10**k is a
 * ratio of integers that fit); elsewhere they come from glibc's printf,
 * which is also correctly rounded.  The shortest repr is the fewest digits
 * that strtod maps back to the same double.  The layout rules (when to use
 * an exponent, padding zeros, the decimal point) are Python's and are
 * applied here.  Reading assumes the C locale's '.' (Krait never changes
 * LC_NUMERIC). */
#include "internal.h"
#include <float.h>

static int kr_lower(int c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

/* Case-insensitive prefix match of word at s. */
static int kr_match_word(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++)
        if (kr_lower((unsigned char)s[i]) != word[i])
            return 0;
    return 1;
}

double _Py_parse_inf_or_nan(const char *p, char **endptr)
{
    const char *s = p;
    int negate = 0;
    if (*s == '-') {
        negate = 1;
        s++;
    }
    else if (*s == '+')
        s++;
    double r;
    if (kr_match_word(s, "inf")) {
        s += 3;
        if (kr_match_word(s, "inity"))
            s += 5;
        r = negate ? -Py_HUGE_VAL : Py_HUGE_VAL;
    }
    else if (kr_match_word(s, "nan")) {
        s += 3;
        r = negate ? -fabs(Py_NAN) : fabs(Py_NAN);
    }
    else {
        s = p;
        r = -1.0;
    }
    *endptr = (char *)s;
    return r;
}

/* Parse the longest prefix of s that is a Python float literal without
 * underscores (or inf/nan); *endptr is s itself when there is none.
 * errno is ERANGE on overflow. */
static double kr_ascii_strtod(const char *s, char **endptr)
{
    const char *p = s;
    errno = 0;
    if (*p == '+' || *p == '-')
        p++;
    if (!((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9')))
        return _Py_parse_inf_or_nan(s, endptr);
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        if (*q == '+' || *q == '-')
            q++;
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9')
                q++;
            p = q;
        }
    }
    /* strtod on exactly the validated span, so it cannot see hex or nan(...) */
    size_t n = (size_t)(p - s);
    char small[64];
    char *copy = n < sizeof small ? small : PyMem_Malloc(n + 1);
    if (copy == NULL) {
        *endptr = (char *)s;
        errno = ENOMEM;
        return -1.0;
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    char *e;
    errno = 0;
    double r = strtod(copy, &e);
    if (errno == ERANGE && fabs(r) < 1.0)
        errno = 0;   /* underflow to zero or a subnormal is not an error */
    if (copy != small)
        PyMem_Free(copy);
    *endptr = (char *)p;
    return r;
}

double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
{
    char *fail_pos;
    double x = kr_ascii_strtod(s, &fail_pos);
    if (errno == ENOMEM) {
        PyErr_NoMemory();
        if (endptr)
            *endptr = (char *)s;
        return -1.0;
    }
    if (fail_pos == s || (!endptr && *fail_pos)) {
        if (endptr)
            *endptr = fail_pos;
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%.200s'", s);
        return -1.0;
    }
    if (errno == ERANGE && overflow_exception != NULL) {
        PyErr_Format(overflow_exception, "value too large to convert to float: '%.200s'", s);
        x = -1.0;
    }
    if (endptr)
        *endptr = fail_pos;
    return x;
}

PyObject *_Py_string_to_number_with_underscores(
    const char *s, Py_ssize_t orig_len, const char *what, PyObject *obj, void *arg,
    PyObject *(*innerfunc)(const char *, Py_ssize_t, void *))
{
    if (memchr(s, '_', (size_t)orig_len) == NULL)
        return innerfunc(s, orig_len, arg);
    char *dup = PyMem_Malloc((size_t)orig_len + 1);
    if (dup == NULL)
        return PyErr_NoMemory();
    /* an underscore is allowed only between two digits */
    char *d = dup;
    char prev = '\0';
    for (Py_ssize_t i = 0; i < orig_len; i++) {
        char c = s[i];
        if (c == '_') {
            if (!(prev >= '0' && prev <= '9') || !(i + 1 < orig_len && s[i + 1] >= '0' && s[i + 1] <= '9')) {
                PyMem_Free(dup);
                PyErr_Format(PyExc_ValueError, "could not convert string to %s: %R", what, obj);
                return NULL;
            }
        }
        else
            *d++ = c;
        prev = c;
    }
    *d = '\0';
    PyObject *r = innerfunc(dup, d - dup, arg);
    PyMem_Free(dup);
    return r;
}

/* ---- double -> text ---- */

/* Decimal digits of |x| (finite): digits without trailing zeros (at least
 * one), and decpt such that |x| ~ 0.DIGITS * 10**decpt.  mode 'r': the
 * shortest string that reads back as x; 'e': ndigits significant digits,
 * correctly rounded; 'f': ndigits digits after the point. */
typedef struct {
    char *digits;       /* PyMem_Malloc'ed, NUL-terminated */
    Py_ssize_t ndigits;
    Py_ssize_t decpt;
} kr_dec;

/* Fill d from the "%.{p-1}e" rendering of |x| in buf. */
static void kr_dec_from_e(kr_dec *d, const char *buf)
{
    Py_ssize_t n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            d->digits[n++] = *p;
    int ex = *p == 'e' ? atoi(p + 1) : 0;
    d->digits[n] = '\0';
    d->ndigits = n;
    d->decpt = ex + 1;
}

static int kr_dec_sig_exact(double ax, int sig, kr_dec *d);

static int kr_dec_e(kr_dec *d, double ax, int sig)
{
    if (sig <= 17) {
        d->digits = PyMem_Malloc(24);
        if (d->digits == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        if (kr_dec_sig_exact(ax, sig, d) == 0)
            return 0;
        PyMem_Free(d->digits);
        d->digits = NULL;
    }
    size_t cap = (size_t)sig + 32;
    char *buf = PyMem_Malloc(cap);
    d->digits = PyMem_Malloc((size_t)sig + 2);
    if (buf == NULL || d->digits == NULL) {
        PyMem_Free(buf);
        PyMem_Free(d->digits);
        d->digits = NULL;
        PyErr_NoMemory();
        return -1;
    }
    snprintf(buf, cap, "%.*e", sig - 1, ax);
    kr_dec_from_e(d, buf);
    PyMem_Free(buf);
    return 0;
}

/* The next sig-digit decimal above d (d has exactly sig digits). */
static void kr_dec_bump(char *digits, Py_ssize_t n, Py_ssize_t *decpt)
{
    Py_ssize_t i = n - 1;
    while (i >= 0 && digits[i] == '9')
        digits[i--] = '0';
    if (i >= 0)
        digits[i]++;
    else {
        digits[0] = '1';
        (*decpt)++;
    }
}

static int kr_dec_roundtrips(const char *digits, Py_ssize_t n, Py_ssize_t decpt, double ax)
{
    /* "0.DIGITSe<decpt>" */
    char buf[64], *p = buf;
    *p++ = '0';
    *p++ = '.';
    memcpy(p, digits, (size_t)n);
    p += n;
    *p++ = 'e';
    Py_ssize_t ex = decpt;
    if (ex < 0) {
        *p++ = '-';
        ex = -ex;
    }
    char tmp[24];
    int t = 0;
    do {
        tmp[t++] = (char)('0' + ex % 10);
        ex /= 10;
    } while (ex);
    while (t)
        *p++ = tmp[--t];
    *p = '\0';
    return strtod(buf, NULL) == ax;
}

/* The p-digit rounding of the 17-digit decimal d17 into out (digits
 * buffer of at least 18 bytes).  Returns 1 when d17's tail is exactly a
 * half: only then can rounding the 17-digit string differ from rounding
 * the exact value, and the caller asks the C library instead. */
static int kr_dec_round17(const kr_dec *d17, int p, kr_dec *out)
{
    const char *dg = d17->digits;
    int up = 0;
    if (dg[p] > '5')
        up = 1;
    else if (dg[p] == '5') {
        int rest = 0;
        for (int i = p + 1; i < d17->ndigits; i++)
            rest |= dg[i] != '0';
        if (!rest)
            return 1;
        up = 1;
    }
    memcpy(out->digits, dg, (size_t)p);
    out->digits[p] = '\0';
    out->ndigits = p;
    out->decpt = d17->decpt;
    if (up)
        kr_dec_bump(out->digits, p, &out->decpt);
    return 0;
}

typedef unsigned __int128 kr_u128;

static const uint64_t kr_pow10_64[20] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
    100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
    10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
    100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL
};

/* 10**k for 0 <= k <= 38 */
static kr_u128 kr_pow10_128(int k)
{
    if (k < 20)
        return kr_pow10_64[k];
    return (kr_u128)kr_pow10_64[19] * kr_pow10_64[k - 19];
}

/* The sig (1..17) significant digits of ax (finite, positive), correctly
 * rounded, computed exactly in 128-bit integers: ax = m * 2**e, and the
 * digits are ax * 10**k rounded half-even for the k that gives sig of
 * them.  Covers roughly 1e-21 < ax < 1e38 (the common case) without
 * printf; returns -1 outside that range.  d->digits needs sig + 1 bytes. */
static int kr_dec_sig_exact(double ax, int sig, kr_dec *d)
{
    if (!(ax > 0.0) || sig < 1 || sig > 17)
        return -1;
    int ex;
    double fr = frexp(ax, &ex);
    uint64_t m = (uint64_t)ldexp(fr, DBL_MANT_DIG);
    int e = ex - DBL_MANT_DIG;
    int D = (int)floor(log10(ax)) + 1;   /* the point's position, maybe off by one */
    const kr_u128 lo = kr_pow10_128(sig - 1), hi = kr_pow10_128(sig);
    for (int attempt = 0; attempt < 3; attempt++) {
        int k = sig - D;
        kr_u128 q, rem, div;
        if (k >= 0) {
            if (k > 22 || e >= 0 || -e > 126)
                return -1;
            kr_u128 num = (kr_u128)m * kr_pow10_128(k);   /* < 2**53 * 10**22 < 2**127 */
            div = (kr_u128)1 << -e;
            q = num >> -e;
            rem = num & (div - 1);
        }
        else {
            if (-k > 38 || e < 0 || e > 127 - DBL_MANT_DIG)
                return -1;
            kr_u128 x = (kr_u128)m << e;
            div = kr_pow10_128(-k);
            q = x / div;
            rem = x % div;
        }
        if (q >= hi) {
            D++;
            continue;
        }
        if (q < lo) {
            D--;
            continue;
        }
        kr_u128 twice = rem << 1;   /* rem < div <= 2**127: no overflow */
        if (twice > div || (twice == div && (q & 1)))
            q++;
        if (q == hi) {
            q = lo;
            D++;
        }
        uint64_t q64 = (uint64_t)q;   /* below 10**17 */
        for (int i = sig - 1; i >= 0; i--) {
            d->digits[i] = (char)('0' + (int)(q64 % 10));
            q64 /= 10;
        }
        d->digits[sig] = '\0';
        d->ndigits = sig;
        d->decpt = D;
        return 0;
    }
    return -1;
}

/* Does the p-digit nearest decimal of x read back as x?  (c: scratch) */
static int kr_dec_shortest_ok(const kr_dec *d17, int p, kr_dec *c, double ax)
{
    if (p >= 17)
        return 1;
    if (kr_dec_round17(d17, p, c)) {
        char buf[40];
        snprintf(buf, sizeof buf, "%.*e", p - 1, ax);
        return strtod(buf, NULL) == ax;
    }
    return kr_dec_roundtrips(c->digits, c->ndigits, c->decpt, ax);
}

static int kr_dec_shortest(kr_dec *d, double ax)
{
    d->digits = PyMem_Malloc(24);
    if (d->digits == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (ax < 9007199254740992.0 && ax == floor(ax)) {
        /* integers below 2**53: their digits, trailing zeros dropped,
         * are the unique shortest form */
        uint64_t n = (uint64_t)ax;
        char tmp[24];
        int len = 0;
        do {
            tmp[len++] = (char)('0' + n % 10);
            n /= 10;
        } while (n);
        for (int i = 0; i < len; i++)
            d->digits[i] = tmp[len - 1 - i];
        d->ndigits = len;
        d->decpt = len;
        while (d->ndigits > 1 && d->digits[d->ndigits - 1] == '0')
            d->ndigits--;
        d->digits[d->ndigits] = '\0';
        return 0;
    }
    char buf[40], d17buf[24], cbuf[24];
    kr_dec d17 = {d17buf, 0, 0}, c = {cbuf, 0, 0};
    if (kr_dec_sig_exact(ax, 17, &d17) < 0) {
        snprintf(buf, sizeof buf, "%.16e", ax);
        kr_dec_from_e(&d17, buf);
    }
    int mant_zero = frexp(ax, &(int){0}) == 0.5;   /* a power of two */
    /* The nearest p-digit decimal reads back as x for every p from some
     * point on; find that point.  Guess it first from the 17-digit form
     * (a run of 0s or 9s before the last digit usually marks it), then
     * confirm with the neighbour, bisecting only when the guess fails. */
    int guess = 16;
    char runc = d17.digits[15];
    if (runc == '0' || runc == '9')
        while (guess > 1 && d17.digits[guess - 1] == runc)
            guess--;
    int lo, hi;
    if (kr_dec_shortest_ok(&d17, guess, &c, ax)) {
        lo = 1;
        hi = guess;
        if (guess > 1 && !kr_dec_shortest_ok(&d17, guess - 1, &c, ax))
            lo = guess;
        else
            hi = guess - 1 > 0 ? guess - 1 : 1;
    }
    else {
        lo = guess + 1;
        hi = 17;
    }
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (kr_dec_shortest_ok(&d17, mid, &c, ax))
            hi = mid;
        else
            lo = mid + 1;
    }
    if (hi == 17) {
        memcpy(d->digits, d17.digits, 18);
        d->ndigits = 17;
        d->decpt = d17.decpt;
    }
    else if (kr_dec_round17(&d17, hi, &c)) {
        snprintf(buf, sizeof buf, "%.*e", hi - 1, ax);
        kr_dec_from_e(d, buf);
    }
    else {
        memcpy(d->digits, c.digits, (size_t)c.ndigits + 1);
        d->ndigits = c.ndigits;
        d->decpt = c.decpt;
    }
    if (mant_zero) {
        /* at a power of two the gap below x is half the gap above it, so
         * a shorter decimal just above x may read back when the nearest
         * one (below x) does not */
        for (int p = 1; p < hi; p++) {
            char tmp[24];
            kr_dec t = {tmp, 0, 0};
            snprintf(buf, sizeof buf, "%.*e", p - 1, ax);
            kr_dec_from_e(&t, buf);
            if (strtod(buf, NULL) < ax)
                kr_dec_bump(t.digits, t.ndigits, &t.decpt);
            if (kr_dec_roundtrips(t.digits, t.ndigits, t.decpt, ax)) {
                memcpy(d->digits, t.digits, (size_t)t.ndigits + 1);
                d->ndigits = t.ndigits;
                d->decpt = t.decpt;
                break;
            }
        }
    }
    return 0;
}

/* ax with prec digits after the point, as an exact 128-bit computation
 * of round-half-even(ax * 10**prec); -1 when that does not fit 64 bits. */
static int kr_dec_fixed_exact(double ax, int prec, kr_dec *d)
{
    if (prec > 22 || !(ax * (double)kr_pow10_128(prec) < 1.8e19))
        return -1;
    uint64_t n;
    if (ax == 0.0)
        n = 0;
    else {
        int ex;
        double fr = frexp(ax, &ex);
        uint64_t m = (uint64_t)ldexp(fr, DBL_MANT_DIG);
        int e = ex - DBL_MANT_DIG;
        kr_u128 num = (kr_u128)m * kr_pow10_128(prec);   /* < 2**127 */
        kr_u128 q;
        if (e >= 0)
            q = num << e;   /* the check on ax * 10**prec keeps this below 2**64 */
        else if (-e > 126)
            return -1;
        else {
            kr_u128 div = (kr_u128)1 << -e;
            q = num >> -e;
            kr_u128 twice = (num & (div - 1)) << 1;
            if (twice > div || (twice == div && (q & 1)))
                q++;
        }
        if (q >> 64)
            return -1;
        n = (uint64_t)q;
    }
    char tmp[24];
    int len = 0;
    do {
        tmp[len++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    for (int i = 0; i < len; i++)
        d->digits[i] = tmp[len - 1 - i];
    d->digits[len] = '\0';
    d->ndigits = len;
    d->decpt = len - prec;
    if (len == 1 && d->digits[0] == '0')
        d->decpt = 1;
    return 0;
}

static int kr_dec_f(kr_dec *d, double ax, int prec)
{
    if (prec <= 22) {
        d->digits = PyMem_Malloc(24);
        if (d->digits == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        if (kr_dec_fixed_exact(ax, prec, d) == 0)
            return 0;
        PyMem_Free(d->digits);
        d->digits = NULL;
    }
    size_t cap = (size_t)prec + 400;
    char *buf = PyMem_Malloc(cap);
    d->digits = PyMem_Malloc(cap);
    if (buf == NULL || d->digits == NULL) {
        PyMem_Free(buf);
        PyMem_Free(d->digits);
        d->digits = NULL;
        PyErr_NoMemory();
        return -1;
    }
    snprintf(buf, cap, "%.*f", prec, ax);
    Py_ssize_t n = 0, intpart = -1;
    for (const char *p = buf; *p; p++) {
        if (*p == '.')
            intpart = n;
        else
            d->digits[n++] = *p;
    }
    if (intpart < 0)
        intpart = n;
    /* drop leading zeros, moving the point */
    Py_ssize_t lead = 0;
    while (lead < n - 1 && d->digits[lead] == '0')
        lead++;
    memmove(d->digits, d->digits + lead, (size_t)(n - lead));
    n -= lead;
    d->digits[n] = '\0';
    d->ndigits = n;
    d->decpt = intpart - lead;
    if (n == 1 && d->digits[0] == '0')
        d->decpt = 1;
    PyMem_Free(buf);
    return 0;
}

char *PyOS_double_to_string(double val, char format_code, int precision, int flags, int *type)
{
    int upper = 0;
    switch (format_code) {
    case 'E': case 'F': case 'G':
        upper = 1;
        format_code = (char)kr_lower(format_code);
        break;
    case 'e': case 'f': case 'g':
        break;
    case 'r':
        if (precision != 0) {
            PyErr_BadInternalCall();
            return NULL;
        }
        break;
    default:
        PyErr_BadInternalCall();
        return NULL;
    }
    int add_dot_0 = (flags & Py_DTSF_ADD_DOT_0) != 0;
    int alt = (flags & Py_DTSF_ALT) != 0;
    char *out;
    if (!isfinite(val)) {
        out = PyMem_Malloc(8);
        if (out == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        char *p = out;
        if (isnan(val)) {
            /* a NaN's sign bit is never shown */
            if (flags & Py_DTSF_SIGN)
                *p++ = '+';
            strcpy(p, upper ? "NAN" : "nan");
            if (type) *type = Py_DTST_NAN;
        }
        else {
            if (val < 0)
                *p++ = '-';
            else if (flags & Py_DTSF_SIGN)
                *p++ = '+';
            strcpy(p, upper ? "INF" : "inf");
            if (type) *type = Py_DTST_INFINITE;
        }
        return out;
    }
    if (type) *type = Py_DTST_FINITE;

    double ax = fabs(val);
    kr_dec d = {NULL, 0, 0};
    int sig = precision;   /* significant digits for 'e' and 'g' */
    int rc;
    switch (format_code) {
    case 'r':
        rc = ax == 0.0 ? kr_dec_e(&d, ax, 1) : kr_dec_shortest(&d, ax);
        break;
    case 'e':
        sig = precision + 1;
        rc = kr_dec_e(&d, ax, sig);
        break;
    case 'g':
        if (sig == 0)
            sig = 1;
        rc = kr_dec_e(&d, ax, sig);
        break;
    default:
        rc = kr_dec_f(&d, ax, precision);
        break;
    }
    if (rc < 0)
        return NULL;
    /* trailing zeros are implied by the layout below */
    while (d.ndigits > 1 && d.digits[d.ndigits - 1] == '0')
        d.ndigits--;
    if (d.ndigits == 1 && d.digits[0] == '0')
        d.decpt = 1;
    int negative = signbit(val) != 0;
    if (negative && (flags & Py_DTSF_NO_NEG_0) && d.ndigits == 1 && d.digits[0] == '0')
        negative = 0;

    /* Output the slice [vstart, vend) of the digit string extended by
     * zeros on both sides, with the point before index decpt. */
    int use_exp = 0;
    Py_ssize_t decpt = d.decpt, vend = d.ndigits;
    switch (format_code) {
    case 'e':
        use_exp = 1;
        vend = sig;
        break;
    case 'f':
        vend = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? sig - 1 : sig))
            use_exp = 1;
        if (alt)
            vend = sig;
        break;
    default:   /* 'r' */
        if (decpt <= -4 || decpt > 16)
            use_exp = 1;
        break;
    }
    Py_ssize_t exp10 = 0;
    if (use_exp) {
        exp10 = decpt - 1;
        decpt = 1;
    }
    Py_ssize_t vstart = decpt <= 0 ? decpt - 1 : 0;
    Py_ssize_t need = (!use_exp && add_dot_0) ? decpt + 1 : decpt;
    if (vend < need)
        vend = need;

    size_t cap = (size_t)(vend - vstart) + 16;
    out = PyMem_Malloc(cap);
    if (out == NULL) {
        PyMem_Free(d.digits);
        PyErr_NoMemory();
        return NULL;
    }
    char *p = out;
    if (negative)
        *p++ = '-';
    else if (flags & Py_DTSF_SIGN)
        *p++ = '+';
    for (Py_ssize_t i = vstart; i < vend; i++) {
        if (i == decpt)
            *p++ = '.';
        *p++ = (i >= 0 && i < d.ndigits) ? d.digits[i] : '0';
    }
    if (vend == decpt && alt)
        *p++ = '.';
    if (use_exp)
        p += snprintf(p, 16, "%c%c%02d", upper ? 'E' : 'e', exp10 < 0 ? '-' : '+',
                      (int)(exp10 < 0 ? -exp10 : exp10));
    *p = '\0';
    PyMem_Free(d.digits);
    return out;
}
