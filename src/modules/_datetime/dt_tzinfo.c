/* dt_tzinfo.c: datetime.tzinfo (the abstract base every time zone derives
 * from), datetime.timezone (a fixed offset with an optional name), the
 * checked calls of a tzinfo's utcoffset/dst/tzname that time and datetime
 * make, and the local time zone, read from the C library's localtime_r
 * (tm_gmtoff and tm_zone), which datetime.astimezone() and timestamp()
 * need. */
#include "internal.h"
#include "modules/_datetime/dt_internal.h"
#include <errno.h>
#include <time.h>

/* ---- calling a tzinfo's methods ---- */

static int offset_in_range(PyObject *offset)
{
    int d = KR_TD(offset)->days;
    return !((d == -1 && KR_TD(offset)->seconds == 0 && KR_TD(offset)->microseconds == 0) ||
             d < -1 || d >= 1);
}

static PyObject *call_offset_method(PyObject *tzinfo, PyObject *name, const char *cname,
                                    PyObject *arg)
{
    if (tzinfo == Py_None)
        Py_RETURN_NONE;
    PyObject *offset = PyObject_CallMethodOneArg(tzinfo, name, arg);
    if (offset == NULL || offset == Py_None)
        return offset;
    if (!KR_DT_DELTA_CHECK(offset)) {
        PyErr_Format(PyExc_TypeError, "tzinfo.%s() must return None or timedelta, not '%.200s'",
                     cname, Py_TYPE(offset)->tp_name);
        Py_DECREF(offset);
        return NULL;
    }
    if (!offset_in_range(offset)) {
        PyErr_SetString(PyExc_ValueError, "offset must be a timedelta strictly between "
                        "-timedelta(hours=24) and timedelta(hours=24).");
        Py_DECREF(offset);
        return NULL;
    }
    return offset;
}

PyObject *kr_dt_call_utcoffset(PyObject *tzinfo, PyObject *arg)
{
    return call_offset_method(tzinfo, KR_ID(utcoffset), "utcoffset", arg);
}

PyObject *kr_dt_call_dst(PyObject *tzinfo, PyObject *arg)
{
    return call_offset_method(tzinfo, KR_ID(dst), "dst", arg);
}

PyObject *kr_dt_call_tzname(PyObject *tzinfo, PyObject *arg)
{
    if (tzinfo == Py_None)
        Py_RETURN_NONE;
    PyObject *res = PyObject_CallMethodOneArg(tzinfo, KR_ID(tzname), arg);
    if (res != NULL && res != Py_None && !PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "tzinfo.tzname() must return None or a string, not '%s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* ---- the local time zone ---- */

static int time_error(void)
{
    if (errno == 0 || errno == EOVERFLOW)
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
    else
        PyErr_SetFromErrno(PyExc_OSError);
    return -1;
}

int kr_dt_localtime(long long t, struct tm *out)
{
    time_t tt = (time_t)t;
    errno = 0;
    if (localtime_r(&tt, out) == NULL)
        return time_error();
    return 0;
}

int kr_dt_gmtime(long long t, struct tm *out)
{
    time_t tt = (time_t)t;
    errno = 0;
    if (gmtime_r(&tt, out) == NULL)
        return time_error();
    return 0;
}

PyObject *kr_dt_local_timezone_at(long long t)
{
    struct tm tm;
    if (kr_dt_localtime(t, &tm) < 0)
        return NULL;
    PyObject *delta = kr_dt_new_delta(0, (int)tm.tm_gmtoff, 0, 1, &kr_dt_delta_type);
    if (delta == NULL)
        return NULL;
    PyObject *name = tm.tm_zone ? PyUnicode_DecodeLocale(tm.tm_zone, "surrogateescape")
                                : Py_NewRef(Py_None);
    PyObject *res = NULL;
    if (name != NULL)
        res = kr_dt_new_timezone(delta, name == Py_None ? NULL : name);
    Py_XDECREF(name);
    Py_DECREF(delta);
    return res;
}

/* Seconds since 0001-01-01T00:00 of a broken-down UTC time. */
static int utc_to_seconds(int y, int m, int d, int hh, int mm, int ss, long long *out)
{
    if (y < KR_DT_MINYEAR || y > KR_DT_MAXYEAR) {
        PyErr_Format(PyExc_ValueError, "year %i is out of range", y);
        return -1;
    }
    long long ord = kr_dt_ymd_to_ord(y, m, d);
    *out = ((ord * 24 + hh) * 60 + mm) * 60 + ss;
    return 0;
}

/* The local wall-clock reading, in the same seconds, at UTC second u. */
static int local_seconds(long long u, long long *out)
{
    struct tm tm;
    if (kr_dt_localtime(u - KR_DT_EPOCH_SECONDS, &tm) < 0)
        return -1;
    return utc_to_seconds(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                          tm.tm_sec, out);
}

#define MAX_FOLD_SECONDS (24 * 3600)

int kr_dt_local_to_seconds(int y, int m, int d, int hh, int mm, int ss, int fold,
                           long long *out)
{
    long long t, lt, u1, u2, t1, t2, a, b;
    if (utc_to_seconds(y, m, d, hh, mm, ss, &t) < 0 || local_seconds(t, &lt) < 0)
        return -1;
    /* Solve local(u) == t: try the offset in effect at t, then the one a
     * day earlier or later (fold picks which of an ambiguous pair), and
     * in a gap take the later (fold=0) or earlier (fold=1) candidate. */
    a = lt - t;
    u1 = t - a;
    if (local_seconds(u1, &t1) < 0)
        return -1;
    if (t1 == t) {
        u2 = fold ? u1 + MAX_FOLD_SECONDS : u1 - MAX_FOLD_SECONDS;
        if (local_seconds(u2, &lt) < 0)
            return -1;
        b = lt - u2;
        if (a == b) {
            *out = u1;
            return 0;
        }
    }
    else
        b = t1 - u1;
    u2 = t - b;
    if (local_seconds(u2, &t2) < 0)
        return -1;
    if (t2 == t)
        *out = u2;
    else if (t1 == t)
        *out = u1;
    else
        *out = fold ? (u1 < u2 ? u1 : u2) : (u1 > u2 ? u1 : u2);
    return 0;
}

/* Detects the second of two equal local readings (fold=1) for a datetime
 * made from POSIX time t by localtime. */
int kr_dt_local_fold(long long t, const struct tm *tm, int *fold)
{
    long long result, probe;
    *fold = 0;
    if (utc_to_seconds(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
                       tm->tm_min, tm->tm_sec > 59 ? 59 : tm->tm_sec, &result) < 0 ||
        local_seconds(KR_DT_EPOCH_SECONDS + t - MAX_FOLD_SECONDS, &probe) < 0)
        return -1;
    long long transition = result - probe - MAX_FOLD_SECONDS;
    if (transition < 0) {
        if (local_seconds(KR_DT_EPOCH_SECONDS + t + transition, &probe) < 0)
            return -1;
        if (probe == result)
            *fold = 1;
    }
    return 0;
}

/* ---- tzinfo ---- */

static PyObject *tzinfo_not_implemented(const char *what)
{
    PyErr_Format(PyExc_NotImplementedError, "a tzinfo subclass must implement %s()", what);
    return NULL;
}

static PyObject *tzinfo_tzname(PyObject *self, PyObject *dt)
{
    return tzinfo_not_implemented("tzname");
}

static PyObject *tzinfo_utcoffset(PyObject *self, PyObject *dt)
{
    return tzinfo_not_implemented("utcoffset");
}

static PyObject *tzinfo_dst(PyObject *self, PyObject *dt)
{
    return tzinfo_not_implemented("dst");
}

static PyObject *tzinfo_fromutc(PyObject *self, PyObject *dt)
{
    if (!KR_DT_DATETIME_CHECK(dt)) {
        PyErr_SetString(PyExc_TypeError, "fromutc: argument must be a datetime");
        return NULL;
    }
    if (KR_TZ(dt) != self) {
        PyErr_SetString(PyExc_ValueError, "fromutc: dt.tzinfo is not self");
        return NULL;
    }
    PyObject *off = kr_dt_call_utcoffset(self, dt);
    if (off == NULL)
        return NULL;
    if (off == Py_None) {
        Py_DECREF(off);
        PyErr_SetString(PyExc_ValueError, "fromutc: non-None utcoffset() result required");
        return NULL;
    }
    PyObject *dst = kr_dt_call_dst(self, dt);
    if (dst == NULL) {
        Py_DECREF(off);
        return NULL;
    }
    if (dst == Py_None) {
        Py_DECREF(off);
        Py_DECREF(dst);
        PyErr_SetString(PyExc_ValueError, "fromutc: non-None dst() result required");
        return NULL;
    }
    PyObject *delta = PyNumber_Subtract(off, dst);
    Py_DECREF(off);
    Py_DECREF(dst);
    if (delta == NULL)
        return NULL;
    PyObject *result = PyNumber_Add(dt, delta);
    Py_DECREF(delta);
    if (result == NULL)
        return NULL;
    dst = kr_dt_call_dst(KR_TZ(result), result);
    if (dst == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    if (dst == Py_None) {
        Py_DECREF(dst);
        Py_DECREF(result);
        PyErr_SetString(PyExc_ValueError,
                        "fromutc: tz.dst() gave inconsistent results; cannot convert");
        return NULL;
    }
    if (kr_dt_delta_is_zero(dst)) {
        Py_DECREF(dst);
        return result;
    }
    Py_SETREF(result, PyNumber_Add(result, dst));
    Py_DECREF(dst);
    return result;
}

static PyObject *tzinfo_reduce(PyObject *self, PyObject *unused)
{
    PyObject *args, *getinitargs;
    if (_PyObject_LookupAttr(self, KR_ID(__getinitargs__), &getinitargs) < 0)
        return NULL;
    if (getinitargs != NULL) {
        args = PyObject_CallNoArgs(getinitargs);
        Py_DECREF(getinitargs);
    }
    else
        args = PyTuple_New(0);
    if (args == NULL)
        return NULL;
    PyObject *state = PyObject_CallMethodNoArgs(self, KR_ID(__getstate__));
    if (state == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    return Py_BuildValue("(ONN)", (PyObject *)Py_TYPE(self), args, state);
}

static PyMethodDef tzinfo_methods[] = {
    {"tzname", tzinfo_tzname, METH_O, "datetime -> string name of time zone."},
    {"utcoffset", tzinfo_utcoffset, METH_O,
     "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"},
    {"dst", tzinfo_dst, METH_O, "datetime -> DST offset as timedelta positive east of UTC."},
    {"fromutc", tzinfo_fromutc, METH_O, "datetime in UTC -> datetime in local time."},
    {"__reduce__", tzinfo_reduce, METH_NOARGS, "-> (cls, state)"},
    {NULL}
};

PyTypeObject kr_dt_tzinfo_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.tzinfo",
    .tp_basicsize = sizeof(PyDateTime_TZInfo),
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Abstract base class for time zone info objects.",
    .tp_methods = tzinfo_methods,
    .tp_new = PyType_GenericNew,
};

/* ---- timezone ---- */

#define KR_TZO(o) ((kr_dt_timezone *)(o))

PyObject *kr_dt_new_timezone(PyObject *offset, PyObject *name)
{
    if (name == NULL && kr_dt_delta_is_zero(offset))
        return Py_NewRef(KR_DT_UTC);
    if (!offset_in_range(offset)) {
        PyErr_Format(PyExc_ValueError, "offset must be a timedelta strictly between "
                     "-timedelta(hours=24) and timedelta(hours=24), not %R.", offset);
        return NULL;
    }
    kr_dt_timezone *self = PyObject_New(kr_dt_timezone, &kr_dt_timezone_type);
    if (self == NULL)
        return NULL;
    self->offset = Py_NewRef(offset);
    self->name = Py_XNewRef(name);
    return (PyObject *)self;
}

static PyObject *timezone_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static const char *const kwlist[] = {"offset", "name", NULL};
    PyObject *offset, *name = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!|U:timezone", (char **)kwlist,
                                     &kr_dt_delta_type, &offset, &name))
        return NULL;
    return kr_dt_new_timezone(offset, name);
}

static void timezone_dealloc(PyObject *self)
{
    Py_XDECREF(KR_TZO(self)->offset);
    Py_XDECREF(KR_TZO(self)->name);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *timezone_richcompare(PyObject *a, PyObject *b, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    if (!PyObject_TypeCheck(b, &kr_dt_timezone_type))
        Py_RETURN_NOTIMPLEMENTED;
    return kr_dt_diff_to_bool(kr_dt_delta_cmp(KR_TZO(a)->offset, KR_TZO(b)->offset), op);
}

static Py_hash_t timezone_hash(PyObject *self)
{
    return PyObject_Hash(KR_TZO(self)->offset);
}

/* The argument of utcoffset/dst/tzname must be a datetime or None. */
static int timezone_check_arg(PyObject *dt, const char *meth)
{
    if (dt == Py_None || KR_DT_DATETIME_CHECK(dt))
        return 0;
    PyErr_Format(PyExc_TypeError, "%s(dt) argument must be a datetime instance or None, not %.200s",
                 meth, Py_TYPE(dt)->tp_name);
    return -1;
}

static PyObject *timezone_repr(PyObject *self)
{
    const char *type_name = Py_TYPE(self)->tp_name;
    if (self == KR_DT_UTC)
        return PyUnicode_FromFormat("%s.utc", type_name);
    if (KR_TZO(self)->name == NULL)
        return PyUnicode_FromFormat("%s(%R)", type_name, KR_TZO(self)->offset);
    return PyUnicode_FromFormat("%s(%R, %R)", type_name, KR_TZO(self)->offset,
                                KR_TZO(self)->name);
}

static PyObject *timezone_name(PyObject *self)
{
    if (KR_TZO(self)->name != NULL)
        return Py_NewRef(KR_TZO(self)->name);
    PyObject *off = KR_TZO(self)->offset;
    if (self == KR_DT_UTC || kr_dt_delta_is_zero(off))
        return PyUnicode_FromString("UTC");
    char sign = '+';
    long long total = (long long)KR_TD(off)->days * 86400 + KR_TD(off)->seconds;
    int us = KR_TD(off)->microseconds;
    if (KR_TD(off)->days < 0) {
        sign = '-';
        total = -total;
        if (us) {
            total--;
            us = 1000000 - us;
        }
    }
    int h = (int)(total / 3600), m = (int)(total / 60 % 60), s = (int)(total % 60);
    char buf[48];
    int n = snprintf(buf, sizeof(buf), "UTC%c%02d:%02d", sign, h, m);
    if (s || us)
        n += snprintf(buf + n, sizeof(buf) - n, ":%02d", s);
    if (us)
        snprintf(buf + n, sizeof(buf) - n, ".%06d", us);
    return PyUnicode_FromString(buf);
}

static PyObject *timezone_str(PyObject *self)
{
    return timezone_name(self);
}

static PyObject *timezone_tzname(PyObject *self, PyObject *dt)
{
    if (timezone_check_arg(dt, "tzname") < 0)
        return NULL;
    return timezone_name(self);
}

static PyObject *timezone_utcoffset(PyObject *self, PyObject *dt)
{
    if (timezone_check_arg(dt, "utcoffset") < 0)
        return NULL;
    return Py_NewRef(KR_TZO(self)->offset);
}

static PyObject *timezone_dst(PyObject *self, PyObject *dt)
{
    if (timezone_check_arg(dt, "dst") < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *timezone_fromutc(PyObject *self, PyObject *dt)
{
    if (!KR_DT_DATETIME_CHECK(dt)) {
        PyErr_SetString(PyExc_TypeError, "fromutc: argument must be a datetime");
        return NULL;
    }
    if (KR_TZ(dt) != self) {
        PyErr_SetString(PyExc_ValueError, "fromutc: dt.tzinfo is not self");
        return NULL;
    }
    PyObject *off = KR_TZO(self)->offset;
    return kr_dt_datetime_add(dt, KR_TD(off)->days, KR_TD(off)->seconds,
                              KR_TD(off)->microseconds, 0);
}

static PyObject *timezone_getinitargs(PyObject *self, PyObject *unused)
{
    if (KR_TZO(self)->name == NULL)
        return PyTuple_Pack(1, KR_TZO(self)->offset);
    return PyTuple_Pack(2, KR_TZO(self)->offset, KR_TZO(self)->name);
}

static PyMethodDef timezone_methods[] = {
    {"tzname", timezone_tzname, METH_O,
     "If name is specified when timezone is created, returns the name.  Otherwise returns "
     "offset as 'UTC(+|-)HH:MM'."},
    {"utcoffset", timezone_utcoffset, METH_O, "Return fixed offset."},
    {"dst", timezone_dst, METH_O, "Return None."},
    {"fromutc", timezone_fromutc, METH_O, "datetime in UTC -> datetime in local time."},
    {"__getinitargs__", timezone_getinitargs, METH_NOARGS, "pickle support"},
    {NULL}
};

PyTypeObject kr_dt_timezone_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.timezone",
    .tp_basicsize = sizeof(kr_dt_timezone),
    .tp_dealloc = timezone_dealloc,
    .tp_repr = timezone_repr,
    .tp_hash = timezone_hash,
    .tp_str = timezone_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Fixed offset from UTC implementation of tzinfo.",
    .tp_richcompare = timezone_richcompare,
    .tp_methods = timezone_methods,
    .tp_base = &kr_dt_tzinfo_type,
    .tp_new = timezone_new,
};
