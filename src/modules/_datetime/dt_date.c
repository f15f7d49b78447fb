/* dt_date.c: the proleptic Gregorian calendar arithmetic every type of
 * the module shares (ordinals, ISO weeks, range checks), datetime.date,
 * and the IsoCalendarDate tuple that isocalendar() returns.
 *
 * A date packs year (two bytes, big-endian), month and day into the
 * data[] bytes of include/datetime.h, so comparing two dates is a memcmp
 * and pickles carry those bytes unchanged. */
#include "internal.h"
#include "modules/_datetime/dt_internal.h"
#include "capi/argparse.h"
#include <math.h>
#include <time.h>

/* ---- calendar ---- */

static const int days_in_month_tab[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int days_before_month_tab[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273,
                                              304, 334};

int kr_dt_is_leap(int year)
{
    unsigned y = (unsigned)year;
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int kr_dt_days_in_month(int year, int month)
{
    return month == 2 && kr_dt_is_leap(year) ? 29 : days_in_month_tab[month];
}

int kr_dt_days_before_month(int year, int month)
{
    return days_before_month_tab[month] + (month > 2 && kr_dt_is_leap(year));
}

/* Days in the years before this one (C division, as CPython computes it,
 * so the out-of-range year 0 gives the same numbers). */
static int days_before_year(int year)
{
    int y = year - 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

int kr_dt_ymd_to_ord(int year, int month, int day)
{
    return days_before_year(year) + kr_dt_days_before_month(year, month) + day;
}

void kr_dt_ord_to_ymd(int ordinal, int *year, int *month, int *day)
{
    /* 400-year cycles of 146097 days, then centuries, 4-year spans and
     * years; the last year of a cycle or span is the leap one. */
    int n = ordinal - 1;
    int n400 = n / 146097;
    n %= 146097;
    int n100 = n / 36524;
    n %= 36524;
    int n4 = n / 1461;
    n %= 1461;
    int n1 = n / 365;
    n %= 365;
    *year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
    if (n1 == 4 || n100 == 4) {
        *year -= 1;
        *month = 12;
        *day = 31;
        return;
    }
    int leap = n1 == 3 && (n4 != 24 || n100 == 3);
    int m = (n + 50) >> 5;
    int before = days_before_month_tab[m] + (m > 2 && leap);
    if (before > n) {
        m--;
        before -= days_in_month_tab[m] + (m == 2 && leap);
    }
    *month = m;
    *day = n - before + 1;
}

int kr_dt_weekday(int year, int month, int day)
{
    return (kr_dt_ymd_to_ord(year, month, day) + 6) % 7;
}

int kr_dt_iso_week1_monday(int year)
{
    int first = kr_dt_ymd_to_ord(year, 1, 1);
    int wd = (first + 6) % 7;
    int monday = first - wd;
    if (wd > 3)
        monday += 7;
    return monday;
}

int kr_dt_iso_to_ymd(int iso_year, int week, int wday, int *year, int *month, int *day)
{
    if (week <= 0 || week >= 53) {
        /* Week 53 exists in years starting on a Thursday, and in leap
         * years starting on a Wednesday. */
        int first_wd = (kr_dt_ymd_to_ord(iso_year, 1, 1) + 6) % 7;
        if (!(week == 53 && (first_wd == 3 || (first_wd == 2 && kr_dt_is_leap(iso_year)))))
            return -2;
    }
    if (wday <= 0 || wday >= 8)
        return -3;
    kr_dt_ord_to_ymd(kr_dt_iso_week1_monday(iso_year) + (week - 1) * 7 + wday - 1, year,
                     month, day);
    return 0;
}

int kr_dt_add_days(int *year, int *month, int *day, long long ndays)
{
    long long ord = kr_dt_ymd_to_ord(*year, *month, *day) + ndays;
    if (ord < 1 || ord > KR_DT_MAXORDINAL) {
        PyErr_SetString(PyExc_OverflowError, "date value out of range");
        return -1;
    }
    kr_dt_ord_to_ymd((int)ord, year, month, day);
    return 0;
}

int kr_dt_check_date(int year, int month, int day)
{
    if (year < KR_DT_MINYEAR || year > KR_DT_MAXYEAR) {
        PyErr_Format(PyExc_ValueError, "year %i is out of range", year);
        return -1;
    }
    if (month < 1 || month > 12) {
        PyErr_SetString(PyExc_ValueError, "month must be in 1..12");
        return -1;
    }
    if (day < 1 || day > kr_dt_days_in_month(year, month)) {
        PyErr_SetString(PyExc_ValueError, "day is out of range for month");
        return -1;
    }
    return 0;
}

int kr_dt_check_time(int h, int m, int s, int us, int fold)
{
    const char *msg = NULL;
    if (h < 0 || h > 23)
        msg = "hour must be in 0..23";
    else if (m < 0 || m > 59)
        msg = "minute must be in 0..59";
    else if (s < 0 || s > 59)
        msg = "second must be in 0..59";
    else if (us < 0 || us > 999999)
        msg = "microsecond must be in 0..999999";
    else if (fold != 0 && fold != 1)
        msg = "fold must be either 0 or 1";
    if (msg != NULL) {
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    return 0;
}

int kr_dt_check_tzinfo(PyObject *tzinfo)
{
    if (tzinfo == Py_None || KR_DT_TZINFO_CHECK(tzinfo))
        return 0;
    PyErr_Format(PyExc_TypeError,
                 "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
                 Py_TYPE(tzinfo)->tp_name);
    return -1;
}

int kr_dt_as_int(PyObject *o, int *out)
{
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, v > INT_MAX ? "signed integer is greater than maximum"
                                                         : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

PyObject *kr_dt_cmperror(PyObject *a, PyObject *b)
{
    PyErr_Format(PyExc_TypeError, "can't compare %s to %s", Py_TYPE(a)->tp_name,
                 Py_TYPE(b)->tp_name);
    return NULL;
}

PyObject *kr_dt_repr_append(PyObject *repr, const char *name, PyObject *value)
{
    if (repr == NULL)
        return NULL;
    PyObject *head = PyUnicode_Substring(repr, 0, PyUnicode_GET_LENGTH(repr) - 1);
    Py_DECREF(repr);
    if (head == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromFormat("%U, %s=%R)", head, name, value);
    Py_DECREF(head);
    return res;
}

/* ---- constructor calls ---- */

PyObject *kr_dt_call_slow(PyObject *type, PyObject *const *args, size_t nargsf,
                          PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++)
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    PyObject *kw = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        kw = PyDict_New();
        for (Py_ssize_t i = 0; kw != NULL && i < PyTuple_GET_SIZE(kwnames); i++)
            if (PyDict_SetItem(kw, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0)
                Py_CLEAR(kw);
        if (kw == NULL) {
            Py_DECREF(tuple);
            return NULL;
        }
    }
    PyObject *res = PyType_Type.tp_call(type, tuple, kw);
    Py_DECREF(tuple);
    Py_XDECREF(kw);
    return res;
}

int kr_dt_exact_ints(PyObject *const *args, Py_ssize_t n, int *out)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyLong_CheckExact(args[i]))
            return 0;
        int overflow;
        long v = PyLong_AsLongAndOverflow(args[i], &overflow);
        if (overflow || v > INT_MAX || v < INT_MIN)
            return 0;
        out[i] = (int)v;
    }
    return 1;
}

/* ---- date objects ---- */

static void set_date_fields(PyDateTime_Date *d, int y, int m, int day)
{
    d->hashcode = -1;
    d->data[0] = (unsigned char)(y >> 8);
    d->data[1] = (unsigned char)(y & 0xff);
    d->data[2] = (unsigned char)m;
    d->data[3] = (unsigned char)day;
}

PyObject *kr_dt_new_date(int y, int m, int d, PyTypeObject *type)
{
    if (kr_dt_check_date(y, m, d) < 0)
        return NULL;
    PyDateTime_Date *self = (PyDateTime_Date *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->hastzinfo = 0;
    set_date_fields(self, y, m, d);
    return (PyObject *)self;
}

PyObject *kr_dt_new_date_cls(int y, int m, int d, PyObject *cls)
{
    if ((PyTypeObject *)cls == &kr_dt_date_type)
        return kr_dt_new_date(y, m, d, &kr_dt_date_type);
    if ((PyTypeObject *)cls == &kr_dt_datetime_type)
        return kr_dt_new_datetime(y, m, d, 0, 0, 0, 0, Py_None, 0, &kr_dt_datetime_type);
    return PyObject_CallFunction(cls, "iii", y, m, d);
}

/* A pickle's state: bytes (or, for old pickles, a latin-1 str) of the
 * right length whose month byte is sane.  Returns a new bytes, or NULL
 * without an exception when arg is not such a state. */
PyObject *kr_dt_state_bytes(PyObject *arg, Py_ssize_t size, int month_index)
{
    PyObject *b = NULL;
    if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == size)
        b = Py_NewRef(arg);
    else if (PyUnicode_Check(arg) && PyUnicode_GET_LENGTH(arg) == size) {
        b = PyUnicode_AsLatin1String(arg);
        if (b == NULL) {
            PyErr_Clear();
            return NULL;
        }
    }
    if (b == NULL)
        return NULL;
    if (month_index >= 0) {
        int m = ((unsigned char)PyBytes_AS_STRING(b)[month_index]) & 0x7f;
        if (m < 1 || m > 12) {
            Py_DECREF(b);
            return NULL;
        }
    }
    return b;
}

/* date(y, m, d) with three ints skips the tuple and the argument parser. */
static PyObject *date_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames)
{
    int v[3];
    if ((PyTypeObject *)type == &kr_dt_date_type && PyVectorcall_NARGS(nargsf) == 3 &&
        kwnames == NULL && kr_dt_exact_ints(args, 3, v))
        return kr_dt_new_date(v[0], v[1], v[2], &kr_dt_date_type);
    return kr_dt_call_slow(type, args, nargsf, kwnames);
}

static PyObject *date_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args) == 1 && (kw == NULL || PyDict_GET_SIZE(kw) == 0)) {
        PyObject *state = kr_dt_state_bytes(PyTuple_GET_ITEM(args, 0), 4, 2);
        if (state != NULL) {
            PyDateTime_Date *self = (PyDateTime_Date *)type->tp_alloc(type, 0);
            if (self != NULL) {
                self->hastzinfo = 0;
                self->hashcode = -1;
                memcpy(self->data, PyBytes_AS_STRING(state), 4);
            }
            Py_DECREF(state);
            return (PyObject *)self;
        }
    }
    static const char *const kwlist[] = {"year", "month", "day", NULL};
    int y, m, d;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iii", (char **)kwlist, &y, &m, &d))
        return NULL;
    return kr_dt_new_date(y, m, d, type);
}

/* ---- timestamps ---- */

/* Splits a timestamp into whole seconds and microseconds, rounding the
 * way CPython's _PyTime functions do (floor for dates, half-even for
 * datetimes). */
int kr_dt_split_timestamp(PyObject *obj, int half_even, long long *sec, int *us)
{
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double intpart;
        double frac = modf(d, &intpart) * 1e6;
        if (half_even) {
            double r = round(frac);
            if (fabs(frac - r) == 0.5)
                r = 2.0 * round(frac / 2.0);
            frac = r;
        }
        else
            frac = floor(frac);
        if (frac >= 1e6) {
            frac -= 1e6;
            intpart += 1.0;
        }
        else if (frac < 0) {
            frac += 1e6;
            intpart -= 1.0;
        }
        if (!(intpart >= -9223372036854775808.0 && intpart < 9223372036854775808.0)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *sec = (long long)intpart;
        *us = (int)frac;
        return 0;
    }
    long long v = PyLong_AsLongLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        }
        return -1;
    }
    *sec = v;
    *us = 0;
    return 0;
}

PyObject *kr_dt_date_from_timestamp(PyObject *cls, PyObject *timestamp)
{
    long long t;
    int us;
    struct tm tm;
    if (kr_dt_split_timestamp(timestamp, 0, &t, &us) < 0 || kr_dt_localtime(t, &tm) < 0)
        return NULL;
    return kr_dt_new_date_cls(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, cls);
}

static PyObject *date_fromtimestamp(PyObject *cls, PyObject *timestamp)
{
    return kr_dt_date_from_timestamp(cls, timestamp);
}

static PyObject *date_today(PyObject *cls, PyObject *unused)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    PyObject *t = PyFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9);
    if (t == NULL)
        return NULL;
    /* Through the class's own fromtimestamp, as CPython does. */
    PyObject *res = PyObject_CallMethod(cls, "fromtimestamp", "O", t);
    Py_DECREF(t);
    return res;
}

static PyObject *date_fromordinal(PyObject *cls, PyObject *args)
{
    int ord;
    if (!PyArg_ParseTuple(args, "i:fromordinal", &ord))
        return NULL;
    if (ord < 1) {
        PyErr_SetString(PyExc_ValueError, "ordinal must be >= 1");
        return NULL;
    }
    int y, m, d;
    kr_dt_ord_to_ymd(ord, &y, &m, &d);
    return kr_dt_new_date_cls(y, m, d, cls);
}

static PyObject *date_fromisoformat(PyObject *cls, PyObject *str)
{
    if (!PyUnicode_Check(str)) {
        PyErr_SetString(PyExc_TypeError, "fromisoformat: argument must be str");
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(str, &len);
    if (s == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return NULL;
        PyErr_Clear();
        return kr_dt_invalid_iso(str);
    }
    int y = 0, m = 0, d = 0;
    if (!(len == 7 || len == 8 || len == 10) || kr_dt_parse_iso_date(s, len, &y, &m, &d) < 0)
        return kr_dt_invalid_iso(str);
    return kr_dt_new_date_cls(y, m, d, cls);
}

static PyObject *date_fromisocalendar(PyObject *cls, PyObject *args, PyObject *kw)
{
    static const char *const kwlist[] = {"year", "week", "day", NULL};
    int y, w, d;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iii:fromisocalendar", (char **)kwlist, &y, &w, &d))
        return NULL;
    if (y < KR_DT_MINYEAR || y > KR_DT_MAXYEAR) {
        PyErr_Format(PyExc_ValueError, "Year is out of range: %d", y);
        return NULL;
    }
    int year, month, day;
    int rv = kr_dt_iso_to_ymd(y, w, d, &year, &month, &day);
    if (rv == -2) {
        PyErr_Format(PyExc_ValueError, "Invalid week: %d", w);
        return NULL;
    }
    if (rv == -3) {
        PyErr_Format(PyExc_ValueError, "Invalid day: %d (range is [1, 7])", d);
        return NULL;
    }
    return kr_dt_new_date_cls(year, month, day, cls);
}

/* ---- arithmetic and comparison ---- */

static PyObject *date_add_days(PyObject *date, int days)
{
    int y = KR_YEAR(date), m = KR_MONTH(date), d = KR_DAY(date);
    if (kr_dt_add_days(&y, &m, &d, days) < 0)
        return NULL;
    return kr_dt_new_date_cls(y, m, d, (PyObject *)Py_TYPE(date));
}

static PyObject *date_add(PyObject *a, PyObject *b)
{
    if (KR_DT_DATETIME_CHECK(a) || KR_DT_DATETIME_CHECK(b))
        Py_RETURN_NOTIMPLEMENTED;
    if (KR_DT_DATE_CHECK(a) && KR_DT_DELTA_CHECK(b))
        return date_add_days(a, KR_TD(b)->days);
    if (KR_DT_DELTA_CHECK(a) && KR_DT_DATE_CHECK(b))
        return date_add_days(b, KR_TD(a)->days);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *date_sub(PyObject *a, PyObject *b)
{
    if (KR_DT_DATETIME_CHECK(a) || KR_DT_DATETIME_CHECK(b) || !KR_DT_DATE_CHECK(a))
        Py_RETURN_NOTIMPLEMENTED;
    if (KR_DT_DATE_CHECK(b)) {
        int d = kr_dt_ymd_to_ord(KR_YEAR(a), KR_MONTH(a), KR_DAY(a)) -
                kr_dt_ymd_to_ord(KR_YEAR(b), KR_MONTH(b), KR_DAY(b));
        return kr_dt_new_delta(d, 0, 0, 0, &kr_dt_delta_type);
    }
    if (KR_DT_DELTA_CHECK(b))
        return date_add_days(a, -KR_TD(b)->days);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *date_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!KR_DT_DATE_CHECK(b))
        Py_RETURN_NOTIMPLEMENTED;
    return kr_dt_diff_to_bool(memcmp(KR_DATE(a)->data, KR_DATE(b)->data, 4), op);
}

static Py_hash_t date_hash(PyObject *self)
{
    if (KR_DATE(self)->hashcode != -1)
        return KR_DATE(self)->hashcode;
    return kr_dt_cache_hash(&KR_DATE(self)->hashcode, self,
                            _Py_HashBytes(KR_DATE(self)->data, 4));
}

/* ---- methods ---- */

static PyObject *date_repr(PyObject *self)
{
    return PyUnicode_FromFormat("%s(%d, %d, %d)", Py_TYPE(self)->tp_name, KR_YEAR(self),
                                KR_MONTH(self), KR_DAY(self));
}

static PyObject *date_isoformat(PyObject *self, PyObject *unused)
{
    char buf[16];
    snprintf(buf, sizeof(buf), "%04d-%02d-%02d", KR_YEAR(self), KR_MONTH(self), KR_DAY(self));
    return PyUnicode_FromString(buf);
}

static PyObject *date_str(PyObject *self)
{
    return PyObject_CallMethod(self, "isoformat", NULL);
}

static PyObject *date_ctime(PyObject *self, PyObject *unused)
{
    return kr_dt_format_ctime(KR_YEAR(self), KR_MONTH(self), KR_DAY(self), 0, 0, 0);
}

/* A struct tm for strftime and timetuple. */
void kr_dt_fill_tm(struct tm *tm, int y, int m, int d, int hh, int mm, int ss, int isdst)
{
    memset(tm, 0, sizeof(*tm));
    tm->tm_year = y - 1900;
    tm->tm_mon = m - 1;
    tm->tm_mday = d;
    tm->tm_hour = hh;
    tm->tm_min = mm;
    tm->tm_sec = ss;
    tm->tm_wday = (kr_dt_weekday(y, m, d) + 1) % 7;
    tm->tm_yday = kr_dt_days_before_month(y, m) + d - 1;
    tm->tm_isdst = isdst;
}

PyObject *kr_dt_struct_time(int y, int m, int d, int hh, int mm, int ss, int isdst)
{
    PyObject *time = PyImport_ImportModule("time");
    if (time == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(time, "struct_time", "((iiiiiiiii))", y, m, d, hh, mm,
                                        ss, kr_dt_weekday(y, m, d),
                                        kr_dt_days_before_month(y, m) + d, isdst);
    Py_DECREF(time);
    return res;
}

static PyObject *date_timetuple(PyObject *self, PyObject *unused)
{
    return kr_dt_struct_time(KR_YEAR(self), KR_MONTH(self), KR_DAY(self), 0, 0, 0, -1);
}

int kr_dt_strftime_arg(PyObject *args, PyObject *kw, PyObject **fmt)
{
    static const char *const kwlist[] = {"format", NULL};
    return PyArg_ParseTupleAndKeywords(args, kw, "U:strftime", (char **)kwlist, fmt) ? 0 : -1;
}

static PyObject *date_strftime(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *fmt;
    if (kr_dt_strftime_arg(args, kw, &fmt) < 0)
        return NULL;
    struct tm tm;
    kr_dt_fill_tm(&tm, KR_YEAR(self), KR_MONTH(self), KR_DAY(self), 0, 0, 0, -1);
    return kr_dt_strftime(self, fmt, &tm, 0, Py_None, Py_None);
}

PyObject *kr_dt_format_method(PyObject *self, PyObject *args)
{
    PyObject *fmt;
    if (!PyArg_ParseTuple(args, "U:__format__", &fmt))
        return NULL;
    if (PyUnicode_GET_LENGTH(fmt) == 0)
        return PyObject_Str(self);
    return PyObject_CallMethod(self, "strftime", "O", fmt);
}

PyObject *kr_dt_isocal_new(int year, int week, int weekday)
{
    PyObject *self = PyType_GenericAlloc(&kr_dt_isocal_type, 3);
    if (self == NULL)
        return NULL;
    PyObject *v[3] = {PyLong_FromLong(year), PyLong_FromLong(week), PyLong_FromLong(weekday)};
    for (int i = 0; i < 3; i++) {
        if (v[i] == NULL) {
            for (int j = 0; j < 3; j++)
                Py_XDECREF(v[j]);
            Py_DECREF(self);
            return NULL;
        }
        PyTuple_SET_ITEM(self, i, v[i]);
    }
    return self;
}

static PyObject *date_isocalendar(PyObject *self, PyObject *unused)
{
    int year = KR_YEAR(self);
    int monday = kr_dt_iso_week1_monday(year);
    int today = kr_dt_ymd_to_ord(year, KR_MONTH(self), KR_DAY(self));
    int diff = today - monday;
    int week = diff >= 0 ? diff / 7 : -((-diff + 6) / 7);
    int day = diff - week * 7;
    if (week < 0) {
        year--;
        monday = kr_dt_iso_week1_monday(year);
        diff = today - monday;
        week = diff / 7;
        day = diff % 7;
    }
    else if (week >= 52 && today >= kr_dt_iso_week1_monday(year + 1)) {
        year++;
        week = 0;
    }
    return kr_dt_isocal_new(year, week + 1, day + 1);
}

static PyObject *date_toordinal(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(kr_dt_ymd_to_ord(KR_YEAR(self), KR_MONTH(self), KR_DAY(self)));
}

static PyObject *date_weekday(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(kr_dt_weekday(KR_YEAR(self), KR_MONTH(self), KR_DAY(self)));
}

static PyObject *date_isoweekday(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(kr_dt_weekday(KR_YEAR(self), KR_MONTH(self), KR_DAY(self)) + 1);
}

static PyObject *date_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const names[] = {"year", "month", "day", NULL};
    static const kr_argspec spec = {"replace", names, 0, 0, 3};
    PyObject *a[3];
    int v[3] = {KR_YEAR(self), KR_MONTH(self), KR_DAY(self)};
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 3; i++)
        if (a[i] != NULL && kr_dt_as_int(a[i], &v[i]) < 0)
            return NULL;
    return kr_dt_new_date(v[0], v[1], v[2], Py_TYPE(self));
}

static PyObject *date_reduce(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(O(N))", (PyObject *)Py_TYPE(self),
                         PyBytes_FromStringAndSize((const char *)KR_DATE(self)->data, 4));
}

static PyObject *date_get_year(PyObject *self, void *c) { return PyLong_FromLong(KR_YEAR(self)); }
static PyObject *date_get_month(PyObject *self, void *c) { return PyLong_FromLong(KR_MONTH(self)); }
static PyObject *date_get_day(PyObject *self, void *c) { return PyLong_FromLong(KR_DAY(self)); }

static PyGetSetDef date_getset[] = {
    {"year", date_get_year, NULL, NULL, NULL},
    {"month", date_get_month, NULL, NULL, NULL},
    {"day", date_get_day, NULL, NULL, NULL},
    {NULL}
};

static PyMethodDef date_methods[] = {
    {"fromtimestamp", date_fromtimestamp, METH_O | METH_CLASS,
     "Create a date from a POSIX timestamp."},
    {"fromordinal", date_fromordinal, METH_VARARGS | METH_CLASS,
     "int -> date corresponding to a proleptic Gregorian ordinal."},
    {"fromisoformat", date_fromisoformat, METH_O | METH_CLASS,
     "str -> Construct a date from a string in ISO 8601 format."},
    {"fromisocalendar", (PyCFunction)(void (*)(void))date_fromisocalendar,
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "int, int, int -> Construct a date from the ISO year, week number and weekday."},
    {"today", date_today, METH_NOARGS | METH_CLASS, "Current date or datetime."},
    {"ctime", date_ctime, METH_NOARGS, "Return ctime() style string."},
    {"strftime", (PyCFunction)(void (*)(void))date_strftime, METH_VARARGS | METH_KEYWORDS,
     "format -> strftime() style string."},
    {"__format__", kr_dt_format_method, METH_VARARGS, "Formats self with strftime."},
    {"timetuple", date_timetuple, METH_NOARGS, "Return time tuple, compatible with time.localtime()."},
    {"isocalendar", date_isocalendar, METH_NOARGS,
     "Return a named tuple containing ISO year, week number, and weekday."},
    {"isoformat", date_isoformat, METH_NOARGS, "Return string in ISO 8601 format, YYYY-MM-DD."},
    {"isoweekday", date_isoweekday, METH_NOARGS,
     "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {"toordinal", date_toordinal, METH_NOARGS,
     "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {"weekday", date_weekday, METH_NOARGS,
     "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {"replace", (PyCFunction)(void (*)(void))date_replace, METH_FASTCALL | METH_KEYWORDS,
     "Return date with new specified fields."},
    {"__reduce__", date_reduce, METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL}
};

static PyNumberMethods date_as_number = {
    .nb_add = date_add,
    .nb_subtract = date_sub,
};

PyTypeObject kr_dt_date_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.date",
    .tp_basicsize = sizeof(PyDateTime_Date),
    .tp_repr = date_repr,
    .tp_as_number = &date_as_number,
    .tp_hash = date_hash,
    .tp_str = date_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "date(year, month, day) --> date object",
    .tp_richcompare = date_richcompare,
    .tp_methods = date_methods,
    .tp_getset = date_getset,
    .tp_new = date_new,
    .tp_vectorcall = date_vectorcall,
};

/* ---- IsoCalendarDate ---- */

static PyObject *isocal_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static const char *const kwlist[] = {"year", "week", "weekday", NULL};
    int y, w, d;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iii:IsoCalendarDate", (char **)kwlist, &y, &w,
                                     &d))
        return NULL;
    PyObject *self = type->tp_alloc(type, 3);
    if (self == NULL)
        return NULL;
    PyTuple_SET_ITEM(self, 0, PyLong_FromLong(y));
    PyTuple_SET_ITEM(self, 1, PyLong_FromLong(w));
    PyTuple_SET_ITEM(self, 2, PyLong_FromLong(d));
    for (int i = 0; i < 3; i++)
        if (PyTuple_GET_ITEM(self, i) == NULL) {
            Py_DECREF(self);
            return NULL;
        }
    return self;
}

static PyObject *isocal_repr(PyObject *self)
{
    return PyUnicode_FromFormat("%.100s(year=%S, week=%S, weekday=%S)", Py_TYPE(self)->tp_name,
                                PyTuple_GET_ITEM(self, 0), PyTuple_GET_ITEM(self, 1),
                                PyTuple_GET_ITEM(self, 2));
}

static PyObject *isocal_reduce(PyObject *self, PyObject *unused)
{
    PyObject *t = PyTuple_GetSlice(self, 0, 3);
    if (t == NULL)
        return NULL;
    return Py_BuildValue("(O(N))", (PyObject *)&PyTuple_Type, t);
}

static PyObject *isocal_item(PyObject *self, void *index)
{
    return Py_NewRef(PyTuple_GET_ITEM(self, (Py_ssize_t)(intptr_t)index));
}

static PyGetSetDef isocal_getset[] = {
    {"year", isocal_item, NULL, NULL, (void *)0},
    {"week", isocal_item, NULL, NULL, (void *)1},
    {"weekday", isocal_item, NULL, NULL, (void *)2},
    {NULL}
};

static PyMethodDef isocal_methods[] = {
    {"__reduce__", isocal_reduce, METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL}
};

PyTypeObject kr_dt_isocal_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.IsoCalendarDate",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_repr = isocal_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_TUPLE_SUBCLASS,
    .tp_methods = isocal_methods,
    .tp_getset = isocal_getset,
    .tp_base = &PyTuple_Type,
    .tp_new = isocal_new,
};
