/* dt_format.c: text in and out of the datetime types: the pieces of
 * isoformat() and ctime(), strftime() (which expands %z, %Z and %f itself
 * and hands the rest to the C library, as CPython does), and the parsers
 * behind date/time/datetime.fromisoformat(), which accept exactly what
 * CPython 3.11 accepts, quirks included. */
#include "internal.h"
#include "modules/_datetime/dt_internal.h"
#include <time.h>

/* ---- output ---- */

int kr_dt_format_utcoffset(char *buf, size_t bufsize, const char *sep, PyObject *tzinfo,
                           PyObject *arg)
{
    buf[0] = '\0';
    PyObject *offset = kr_dt_call_utcoffset(tzinfo, arg);
    if (offset == NULL)
        return -1;
    if (offset == Py_None) {
        Py_DECREF(offset);
        return 0;
    }
    char sign = '+';
    long long total = (long long)KR_TD(offset)->days * 86400 + KR_TD(offset)->seconds;
    int us = KR_TD(offset)->microseconds;
    Py_DECREF(offset);
    if (total < 0) {
        sign = '-';
        total = -total;
        if (us) {
            total--;
            us = 1000000 - us;
        }
    }
    int h = (int)(total / 3600), m = (int)(total / 60 % 60), s = (int)(total % 60);
    if (us)
        snprintf(buf, bufsize, "%c%02d%s%02d%s%02d.%06d", sign, h, sep, m, sep, s, us);
    else if (s)
        snprintf(buf, bufsize, "%c%02d%s%02d%s%02d", sign, h, sep, m, sep, s);
    else
        snprintf(buf, bufsize, "%c%02d%s%02d", sign, h, sep, m);
    return 0;
}

static const char *const day_names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

PyObject *kr_dt_format_ctime(int y, int m, int d, int hh, int mm, int ss)
{
    char buf[64];
    snprintf(buf, sizeof(buf), "%s %s %2d %02d:%02d:%02d %04d", day_names[kr_dt_weekday(y, m, d)],
             month_names[m - 1], d, hh, mm, ss, y);
    return PyUnicode_FromString(buf);
}

static const char *const timespecs[5] = {"hours", "minutes", "seconds", "milliseconds",
                                         "microseconds"};

int kr_dt_parse_timespec(PyObject *timespec, int us, int argnum)
{
    if (timespec == NULL)
        return us ? 4 : 2;
    if (!PyUnicode_Check(timespec)) {
        PyErr_Format(PyExc_TypeError, "isoformat() argument %d must be str, not %.50s", argnum,
                     kr_dt_type_name(timespec));
        return -1;
    }
    const char *s = PyUnicode_AsUTF8(timespec);
    if (s == NULL)
        return -1;
    if (strcmp(s, "auto") == 0)
        return us ? 4 : 2;
    for (int i = 0; i < 5; i++)
        if (strcmp(s, timespecs[i]) == 0)
            return i;
    PyErr_SetString(PyExc_ValueError, "Unknown timespec value");
    return -1;
}

int kr_dt_format_time(char *buf, size_t size, int hh, int mm, int ss, int us, int spec)
{
    switch (spec) {
    case 0: return snprintf(buf, size, "%02d", hh);
    case 1: return snprintf(buf, size, "%02d:%02d", hh, mm);
    case 2: return snprintf(buf, size, "%02d:%02d:%02d", hh, mm, ss);
    case 3: return snprintf(buf, size, "%02d:%02d:%02d.%03d", hh, mm, ss, us / 1000);
    default: return snprintf(buf, size, "%02d:%02d:%02d.%06d", hh, mm, ss, us);
    }
}

/* ---- strftime ---- */

typedef struct {
    char *p;
    size_t len, cap;
} kr_dt_buf;

static int buf_add(kr_dt_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = PyMem_Realloc(b->p, cap);
        if (p == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

/* The expansion of %Z: the zone's name with any '%' doubled, so the C
 * library copies it unchanged. */
static int add_tzname(kr_dt_buf *b, PyObject *tzinfo, PyObject *tzarg)
{
    if (tzinfo == Py_None)
        return 0;
    PyObject *name = kr_dt_call_tzname(tzinfo, tzarg);
    if (name == NULL)
        return -1;
    int rc = 0;
    if (name != Py_None) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(name, &n);
        if (s == NULL)
            rc = -1;
        for (Py_ssize_t i = 0; rc == 0 && i < n; i++)
            rc = buf_add(b, s[i] == '%' ? "%%" : s + i, s[i] == '%' ? 2 : 1);
    }
    Py_DECREF(name);
    return rc;
}

PyObject *kr_dt_strftime(PyObject *self, PyObject *format, const struct tm *tm, int us,
                         PyObject *tzinfo, PyObject *tzarg)
{
    Py_ssize_t flen;
    const char *fmt = PyUnicode_AsUTF8AndSize(format, &flen);
    if (fmt == NULL)
        return NULL;
    kr_dt_buf b = {NULL, 0, 0};
    if (buf_add(&b, "", 0) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < flen; i++) {
        int rc;
        if (fmt[i] != '%' || i + 1 == flen) {
            rc = buf_add(&b, fmt + i, 1);
        }
        else {
            char ch = fmt[++i];
            char tmp[48];
            if (ch == 'z') {
                rc = tzinfo == Py_None ? 0
                                       : kr_dt_format_utcoffset(tmp, sizeof(tmp), "", tzinfo, tzarg);
                if (rc == 0 && tzinfo != Py_None)
                    rc = buf_add(&b, tmp, strlen(tmp));
            }
            else if (ch == 'Z')
                rc = add_tzname(&b, tzinfo, tzarg);
            else if (ch == 'f') {
                snprintf(tmp, sizeof(tmp), "%06d", us);
                rc = buf_add(&b, tmp, 6);
            }
            else
                rc = buf_add(&b, fmt + i - 1, 2);
        }
        if (rc < 0) {
            PyMem_Free(b.p);
            return NULL;
        }
    }
    /* Grow the output until it fits; an empty result from a buffer 256
     * times the format's length is taken as a genuinely empty one. */
    PyObject *res = NULL;
    for (size_t size = 1024;; size *= 2) {
        char *out = PyMem_Malloc(size);
        if (out == NULL) {
            PyErr_NoMemory();
            break;
        }
        size_t n = strftime(out, size, b.p, tm);
        if (n > 0 || size >= 256 * b.len) {
            res = PyUnicode_DecodeLocaleAndSize(out, (Py_ssize_t)n, "surrogateescape");
            PyMem_Free(out);
            break;
        }
        PyMem_Free(out);
    }
    PyMem_Free(b.p);
    return res;
}

/* ---- fromisoformat ---- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads n digits; the text is NUL-terminated, so a short string stops at
 * its end.  NULL when a non-digit comes first. */
static const char *digits(const char *p, int *out, int n)
{
    for (int i = 0; i < n; i++) {
        if (!is_digit(p[i]))
            return NULL;
        *out = *out * 10 + (p[i] - '0');
    }
    return p + n;
}

int kr_dt_parse_iso_date(const char *s, Py_ssize_t len, int *y, int *m, int *d)
{
    const char *p = digits(s, y, 4);
    if (p == NULL)
        return -1;
    int dashes = *p == '-';
    if (dashes)
        p++;
    if (*p == 'W') {
        int week = 0, wday = 1;
        p = digits(p + 1, &week, 2);
        if (p == NULL)
            return -3;
        if (p - s < len) {
            if (dashes && *p++ != '-')
                return -2;
            wday = 0;
            p = digits(p, &wday, 1);
            if (p == NULL)
                return -4;
        }
        int rv = kr_dt_iso_to_ymd(*y, week, wday, y, m, d);
        return rv ? rv - 3 : 0;
    }
    p = digits(p, m, 2);
    if (p == NULL)
        return -1;
    if (dashes && *p++ != '-')
        return -2;
    return digits(p, d, 2) == NULL ? -1 : 0;
}

Py_ssize_t kr_dt_iso_separator(const char *s, Py_ssize_t len)
{
#define AT(i) ((i) < len ? s[i] : '\0')
    if (len == 7)
        return 7;
    if (AT(4) == '-') {
        if (AT(5) != 'W')
            return 10;                           /* YYYY-MM-DD */
        if (len < 8)
            return -1;
        if (len > 8 && AT(8) == '-') {
            if (len == 9)
                return -1;
            /* YYYY-Www-D or YYYY-Www then a hyphen separator: a digit
             * after the day is taken as the start of the time. */
            if (len > 10 && is_digit(AT(10)))
                return 8;
            return 10;
        }
        return 8;                                /* YYYY-Www */
    }
    if (AT(4) == 'W') {
        /* YYYYWww or YYYYWwwD: count the digits that follow. */
        Py_ssize_t i = 7;
        while (i < len && is_digit(s[i]))
            i++;
        if (i < 9)
            return i;
        return i % 2 == 0 ? 7 : 8;
    }
    return 8;                                    /* YYYYMMDD */
#undef AT
}

/* [HH[:?MM[:?SS]]][(.|,)fraction] up to end; 0 when the text ends there,
 * 1 when something else follows, negative when malformed. */
static int parse_hms(const char *p, const char *end, int *h, int *m, int *s, int *us)
{
    int *vals[3] = {h, m, s};
    int colons = 1;
    *h = *m = *s = *us = 0;
    for (int i = 0; i < 3; i++) {
        p = digits(p, vals[i], 2);
        if (p == NULL)
            return -3;
        char c = *p++;
        if (i == 0)
            colons = c == ':';
        if (p >= end)
            return c != '\0';
        if (colons && c == ':')
            continue;
        if (c == '.' || c == ',')
            break;
        if (colons)
            return -4;
        p--;
    }
    Py_ssize_t n = end - p;
    if (n > 6)
        n = 6;
    if (n > 0) {
        if (digits(p, us, (int)n) == NULL)
            return -3;
        p += n;
        for (Py_ssize_t k = n; k < 6; k++)
            *us *= 10;
    }
    while (is_digit(*p))
        p++;   /* digits past the microseconds are dropped */
    return *p != '\0';
}

int kr_dt_parse_iso_time(const char *s, Py_ssize_t len, int *h, int *mi, int *sec, int *us,
                         int *tzoffset, int *tzus)
{
    const char *end = s + len;
    const char *tz = s;
    while (*tz != 'Z' && *tz != '+' && *tz != '-' && ++tz < end)
        ;
    int rv = parse_hms(s, tz, h, mi, sec, us);
    if (rv < 0)
        return rv;
    if (tz >= end)
        return rv == 1 ? -5 : 0;
    if (*tz == 'Z') {
        *tzoffset = 0;
        *tzus = 0;
        return tz[1] != '\0' ? -5 : 1;
    }
    int sign = *tz == '-' ? -1 : 1;
    int th, tm, ts;
    rv = parse_hms(tz + 1, end, &th, &tm, &ts, tzus);
    *tzoffset = sign * (th * 3600 + tm * 60 + ts);
    *tzus *= sign;
    return rv ? -5 : 1;
}

PyObject *kr_dt_tzinfo_from_iso(int rv, int tzoffset, int tzus)
{
    if (rv != 1)
        Py_RETURN_NONE;
    /* A zero offset in whole seconds is UTC even with microseconds, as
     * CPython 3.11 parses it. */
    if (tzoffset == 0)
        return Py_NewRef(KR_DT_UTC);
    PyObject *delta = kr_dt_new_delta(0, tzoffset, tzus, 1, &kr_dt_delta_type);
    if (delta == NULL)
        return NULL;
    PyObject *tz = kr_dt_new_timezone(delta, NULL);
    Py_DECREF(delta);
    return tz;
}

PyObject *kr_dt_invalid_iso(PyObject *str)
{
    PyErr_Format(PyExc_ValueError, "Invalid isoformat string: %R", str);
    return NULL;
}
