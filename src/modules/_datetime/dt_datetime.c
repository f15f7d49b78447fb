/* dt_datetime.c: datetime.datetime, a date and a time of day with an
 * optional tzinfo and the PEP 495 fold; a subclass of date.
 *
 * Arithmetic and comparisons follow CPython's rules for naive and aware
 * values: objects sharing one tzinfo compare field by field, others
 * through their UTC offsets, and equality between datetimes whose offset
 * depends on fold is never true (the PEP 495 exception).  Clocks and
 * local time come from the C library directly; the local time zone's
 * pieces are in dt_tzinfo.c. */
#include "internal.h"
#include "modules/_datetime/dt_internal.h"
#include "capi/argparse.h"
#include <time.h>

#define HOUR(o) PyDateTime_DATE_GET_HOUR(o)
#define MINUTE(o) PyDateTime_DATE_GET_MINUTE(o)
#define SECOND(o) PyDateTime_DATE_GET_SECOND(o)
#define USEC(o) PyDateTime_DATE_GET_MICROSECOND(o)
#define FOLD(o) PyDateTime_DATE_GET_FOLD(o)

PyObject *kr_dt_new_datetime(int y, int mo, int d, int h, int mi, int s, int us,
                             PyObject *tzinfo, int fold, PyTypeObject *type)
{
    if (kr_dt_check_date(y, mo, d) < 0 || kr_dt_check_time(h, mi, s, us, fold) < 0 ||
        kr_dt_check_tzinfo(tzinfo) < 0)
        return NULL;
    int aware = tzinfo != Py_None;
    PyObject *self = kr_dt_alloc_tz(type, &kr_dt_datetime_type, sizeof(_PyDateTime_BaseDateTime),
                                    aware);
    if (self == NULL)
        return NULL;
    unsigned char *data = KR_DT(self)->data;
    data[0] = (unsigned char)(y >> 8);
    data[1] = (unsigned char)(y & 0xff);
    data[2] = (unsigned char)mo;
    data[3] = (unsigned char)d;
    data[4] = (unsigned char)h;
    data[5] = (unsigned char)mi;
    data[6] = (unsigned char)s;
    data[7] = (unsigned char)(us >> 16);
    data[8] = (unsigned char)((us >> 8) & 0xff);
    data[9] = (unsigned char)(us & 0xff);
    KR_DT(self)->fold = (unsigned char)fold;
    if (aware)
        KR_DT(self)->tzinfo = Py_NewRef(tzinfo);
    return self;
}

/* A subclass is built through its own constructor; CPython 3.11 passes it
 * no fold. */
PyObject *kr_dt_new_datetime_cls(int y, int mo, int d, int h, int mi, int s, int us,
                                 PyObject *tzinfo, int fold, PyObject *cls)
{
    if ((PyTypeObject *)cls == &kr_dt_datetime_type)
        return kr_dt_new_datetime(y, mo, d, h, mi, s, us, tzinfo, fold, &kr_dt_datetime_type);
    return PyObject_CallFunction(cls, "iiiiiiiO", y, mo, d, h, mi, s, us, tzinfo);
}

/* datetime(y, m, d[, h[, mi[, s[, us]]]]) with ints skips the tuple and
 * the argument parser. */
static PyObject *datetime_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames)
{
    Py_ssize_t n = PyVectorcall_NARGS(nargsf);
    int v[7] = {0, 0, 0, 0, 0, 0, 0};
    if ((PyTypeObject *)type == &kr_dt_datetime_type && n >= 3 && n <= 7 && kwnames == NULL &&
        kr_dt_exact_ints(args, n, v))
        return kr_dt_new_datetime(v[0], v[1], v[2], v[3], v[4], v[5], v[6], Py_None, 0,
                                  &kr_dt_datetime_type);
    return kr_dt_call_slow(type, args, nargsf, kwnames);
}

static PyObject *datetime_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if ((n == 1 || n == 2) && (kw == NULL || PyDict_GET_SIZE(kw) == 0)) {
        PyObject *state = kr_dt_state_bytes(PyTuple_GET_ITEM(args, 0), 10, 2);
        if (state != NULL) {
            PyObject *tzinfo = n == 2 ? PyTuple_GET_ITEM(args, 1) : Py_None;
            if (tzinfo != Py_None && !KR_DT_TZINFO_CHECK(tzinfo)) {
                Py_DECREF(state);
                PyErr_SetString(PyExc_TypeError, "bad tzinfo state arg");
                return NULL;
            }
            PyObject *self = kr_dt_alloc_tz(type, &kr_dt_datetime_type,
                                            sizeof(_PyDateTime_BaseDateTime), tzinfo != Py_None);
            if (self != NULL) {
                unsigned char *data = KR_DT(self)->data;
                memcpy(data, PyBytes_AS_STRING(state), 10);
                KR_DT(self)->fold = data[2] >> 7;
                data[2] &= 0x7f;
                if (tzinfo != Py_None)
                    KR_DT(self)->tzinfo = Py_NewRef(tzinfo);
            }
            Py_DECREF(state);
            return self;
        }
    }
    static const char *const kwlist[] = {"year", "month", "day", "hour", "minute", "second",
                                         "microsecond", "tzinfo", "fold", NULL};
    int y, mo, d, h = 0, mi = 0, s = 0, us = 0, fold = 0;
    PyObject *tzinfo = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iii|iiiiO$i", (char **)kwlist, &y, &mo, &d, &h,
                                     &mi, &s, &us, &tzinfo, &fold))
        return NULL;
    return kr_dt_new_datetime(y, mo, d, h, mi, s, us, tzinfo, fold, type);
}

static void datetime_dealloc(PyObject *self)
{
    if (_PyDateTime_HAS_TZINFO(self))
        Py_XDECREF(KR_DT(self)->tzinfo);
    Py_TYPE(self)->tp_free(self);
}

/* ---- construction from clocks and timestamps ---- */

PyObject *kr_dt_datetime_from_timet(PyObject *cls, long long t, int us, PyObject *tzinfo, int utc)
{
    struct tm tm;
    if ((utc ? kr_dt_gmtime(t, &tm) : kr_dt_localtime(t, &tm)) < 0)
        return NULL;
    int fold = 0;
    /* A local time read at a clock moved back may be the second of two
     * equal readings. */
    if (!utc && tzinfo == Py_None && kr_dt_local_fold(t, &tm, &fold) < 0)
        return NULL;
    return kr_dt_new_datetime_cls(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                                  tm.tm_min, tm.tm_sec > 59 ? 59 : tm.tm_sec, us, tzinfo, fold,
                                  cls);
}

/* With a tzinfo, the UTC reading is handed to tzinfo.fromutc(). */
static PyObject *with_fromutc(PyObject *self, PyObject *tzinfo)
{
    if (self == NULL || tzinfo == Py_None)
        return self;
    PyObject *res = PyObject_CallMethodOneArg(tzinfo, KR_ID(fromutc), self);
    Py_DECREF(self);
    return res;
}

PyObject *kr_dt_datetime_from_timestamp(PyObject *cls, PyObject *timestamp, PyObject *tzinfo,
                                        int utc)
{
    long long t;
    int us;
    if (kr_dt_split_timestamp(timestamp, 1, &t, &us) < 0)
        return NULL;
    return with_fromutc(kr_dt_datetime_from_timet(cls, t, us, tzinfo, utc || tzinfo != Py_None),
                        tzinfo);
}

PyObject *kr_dt_datetime_fromtimestamp(PyObject *cls, PyObject *args, PyObject *kw)
{
    static const char *const kwlist[] = {"timestamp", "tz", NULL};
    PyObject *timestamp, *tz = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:fromtimestamp", (char **)kwlist, &timestamp,
                                     &tz) ||
        kr_dt_check_tzinfo(tz) < 0)
        return NULL;
    return kr_dt_datetime_from_timestamp(cls, timestamp, tz, 0);
}

static PyObject *datetime_utcfromtimestamp(PyObject *cls, PyObject *args)
{
    PyObject *timestamp;
    if (!PyArg_ParseTuple(args, "O:utcfromtimestamp", &timestamp))
        return NULL;
    return kr_dt_datetime_from_timestamp(cls, timestamp, Py_None, 1);
}

static PyObject *now_impl(PyObject *cls, PyObject *tz, int utc)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return with_fromutc(kr_dt_datetime_from_timet(cls, ts.tv_sec, (int)(ts.tv_nsec / 1000), tz,
                                                  utc || tz != Py_None),
                        tz);
}

static PyObject *datetime_now(PyObject *cls, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const names[] = {"tz", NULL};
    static const kr_argspec spec = {"now", names, 0, 0, 1};
    PyObject *tz;
    if (kr_args_unpack(&spec, args, nargs, kwnames, &tz) < 0)
        return NULL;
    if (tz == NULL)
        tz = Py_None;
    if (kr_dt_check_tzinfo(tz) < 0)
        return NULL;
    return now_impl(cls, tz, 0);
}

static PyObject *datetime_utcnow(PyObject *cls, PyObject *unused)
{
    return now_impl(cls, Py_None, 1);
}

static PyObject *datetime_combine(PyObject *cls, PyObject *args, PyObject *kw)
{
    static const char *const kwlist[] = {"date", "time", "tzinfo", NULL};
    PyObject *date, *time, *tzinfo = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O!|O:combine", (char **)kwlist,
                                     &kr_dt_date_type, &date, &kr_dt_time_type, &time, &tzinfo))
        return NULL;
    if (tzinfo == NULL)
        tzinfo = KR_TIME_TZ(time);
    return kr_dt_new_datetime_cls(KR_YEAR(date), KR_MONTH(date), KR_DAY(date),
                                  PyDateTime_TIME_GET_HOUR(time), PyDateTime_TIME_GET_MINUTE(time),
                                  PyDateTime_TIME_GET_SECOND(time),
                                  PyDateTime_TIME_GET_MICROSECOND(time), tzinfo,
                                  PyDateTime_TIME_GET_FOLD(time), cls);
}

static PyObject *datetime_fromisoformat(PyObject *cls, PyObject *str)
{
    if (!PyUnicode_Check(str)) {
        PyErr_SetString(PyExc_TypeError, "fromisoformat: argument must be str");
        return NULL;
    }
    /* A surrogate is allowed only as the separator, which may sit at
     * index 7, 8 or 10: it is replaced by 'T' so the rest is UTF-8. */
    PyObject *clean = Py_NewRef(str);
    Py_ssize_t slen = PyUnicode_GET_LENGTH(str);
    static const Py_ssize_t seps[3] = {7, 8, 10};
    for (int i = 0; i < 3 && seps[i] < slen; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(str, seps[i]);
        if (c >= 0xD800 && c <= 0xDFFF) {
            Py_SETREF(clean, PyUnicode_New(slen, PyUnicode_MAX_CHAR_VALUE(str)));
            if (clean == NULL)
                return NULL;
            PyUnicode_CopyCharacters(clean, 0, str, 0, slen);
            PyUnicode_WriteChar(clean, seps[i], 'T');
            break;
        }
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(clean, &len);
    if (s == NULL) {
        Py_DECREF(clean);
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return NULL;
        PyErr_Clear();
        return kr_dt_invalid_iso(str);
    }
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, us = 0, tzoff = 0, tzus = 0;
    Py_ssize_t sep = kr_dt_iso_separator(s, len);
    int rv = kr_dt_parse_iso_date(s, sep, &y, &mo, &d);
    if (rv == 0 && len > sep) {
        const char *p = s + sep;
        /* The separator is any one character, UTF-8 bytes and all. */
        if (*p != '\0') {
            p++;
            while ((*p & 0xC0) == 0x80)
                p++;
        }
        rv = kr_dt_parse_iso_time(p, len - (p - s), &h, &mi, &sec, &us, &tzoff, &tzus);
    }
    Py_DECREF(clean);
    if (rv < 0)
        return kr_dt_invalid_iso(str);
    PyObject *tzinfo = kr_dt_tzinfo_from_iso(rv, tzoff, tzus);
    if (tzinfo == NULL)
        return NULL;
    PyObject *res = kr_dt_new_datetime_cls(y, mo, d, h, mi, sec, us, tzinfo, 0, cls);
    Py_DECREF(tzinfo);
    return res;
}

static PyObject *datetime_strptime(PyObject *cls, PyObject *args)
{
    PyObject *string, *format;
    if (!PyArg_ParseTuple(args, "UU:strptime", &string, &format))
        return NULL;
    /* The parser is the standard library's, imported on first use. */
    PyObject *mod = PyImport_ImportModule("_strptime");
    if (mod == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(mod, "_strptime_datetime", "OOO", cls, string, format);
    Py_DECREF(mod);
    return res;
}

/* ---- arithmetic ---- */

static long long floordiv(long long a, long long b, long long *rem)
{
    long long q = a / b, r = a % b;
    if (r != 0 && (r < 0) != (b < 0)) {
        q--;
        r += b;
    }
    *rem = r;
    return q;
}

PyObject *kr_dt_datetime_add(PyObject *dt, int days, int seconds, int us, int negate)
{
    int f = negate ? -1 : 1;
    long long r;
    long long usec = USEC(dt) + (long long)us * f;
    long long secs = HOUR(dt) * 3600LL + MINUTE(dt) * 60 + SECOND(dt) + (long long)seconds * f +
                     floordiv(usec, 1000000, &r);
    usec = r;
    long long ndays = (long long)days * f + floordiv(secs, 86400, &r);
    secs = r;
    int y = KR_YEAR(dt), m = KR_MONTH(dt), d = KR_DAY(dt);
    if (kr_dt_add_days(&y, &m, &d, ndays) < 0)
        return NULL;
    return kr_dt_new_datetime_cls(y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
                                  (int)(secs % 60), (int)usec, KR_TZ(dt), 0,
                                  (PyObject *)Py_TYPE(dt));
}

static PyObject *datetime_utcoffset(PyObject *self, PyObject *unused)
{
    return kr_dt_call_utcoffset(KR_TZ(self), self);
}

static PyObject *datetime_dst(PyObject *self, PyObject *unused)
{
    return kr_dt_call_dst(KR_TZ(self), self);
}

static PyObject *datetime_tzname(PyObject *self, PyObject *unused)
{
    return kr_dt_call_tzname(KR_TZ(self), self);
}

static PyObject *datetime_add(PyObject *a, PyObject *b)
{
    if (KR_DT_DATETIME_CHECK(a) && KR_DT_DELTA_CHECK(b))
        return kr_dt_datetime_add(a, KR_TD(b)->days, KR_TD(b)->seconds, KR_TD(b)->microseconds, 0);
    if (KR_DT_DELTA_CHECK(a) && KR_DT_DATETIME_CHECK(b))
        return kr_dt_datetime_add(b, KR_TD(a)->days, KR_TD(a)->seconds, KR_TD(a)->microseconds, 0);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *datetime_diff(PyObject *a, PyObject *b)
{
    PyObject *o1 = Py_None, *o2 = Py_None, *offdiff = NULL;
    if (KR_TZ(a) != KR_TZ(b)) {
        o1 = datetime_utcoffset(a, NULL);
        if (o1 == NULL)
            return NULL;
        o2 = datetime_utcoffset(b, NULL);
        if (o2 == NULL) {
            Py_DECREF(o1);
            return NULL;
        }
        if ((o1 != Py_None) != (o2 != Py_None)) {
            Py_DECREF(o1);
            Py_DECREF(o2);
            PyErr_SetString(PyExc_TypeError,
                            "can't subtract offset-naive and offset-aware datetimes");
            return NULL;
        }
        if (o1 != o2 && o1 != Py_None && kr_dt_delta_cmp(o1, o2) != 0) {
            offdiff = PyNumber_Subtract(o1, o2);
            if (offdiff == NULL) {
                Py_DECREF(o1);
                Py_DECREF(o2);
                return NULL;
            }
        }
        Py_DECREF(o1);
        Py_DECREF(o2);
    }
    int dd = kr_dt_ymd_to_ord(KR_YEAR(a), KR_MONTH(a), KR_DAY(a)) -
             kr_dt_ymd_to_ord(KR_YEAR(b), KR_MONTH(b), KR_DAY(b));
    int ds = (HOUR(a) - HOUR(b)) * 3600 + (MINUTE(a) - MINUTE(b)) * 60 + (SECOND(a) - SECOND(b));
    PyObject *res = kr_dt_new_delta(dd, ds, USEC(a) - USEC(b), 1, &kr_dt_delta_type);
    if (res != NULL && offdiff != NULL)
        Py_SETREF(res, PyNumber_Subtract(res, offdiff));
    Py_XDECREF(offdiff);
    return res;
}

static PyObject *datetime_sub(PyObject *a, PyObject *b)
{
    if (KR_DT_DATETIME_CHECK(a)) {
        if (KR_DT_DATETIME_CHECK(b))
            return datetime_diff(a, b);
        if (KR_DT_DELTA_CHECK(b))
            return kr_dt_datetime_add(a, KR_TD(b)->days, KR_TD(b)->seconds,
                                      KR_TD(b)->microseconds, 1);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

/* ---- comparison and hash ---- */

/* The offset of dt with its fold flipped (new reference). */
static PyObject *flipped_offset(PyObject *dt)
{
    PyObject *flip = kr_dt_new_datetime(KR_YEAR(dt), KR_MONTH(dt), KR_DAY(dt), HOUR(dt),
                                        MINUTE(dt), SECOND(dt), USEC(dt), KR_TZ(dt), !FOLD(dt),
                                        Py_TYPE(dt));
    if (flip == NULL)
        return NULL;
    PyObject *off = datetime_utcoffset(flip, NULL);
    Py_DECREF(flip);
    return off;
}

static int offsets_differ(PyObject *a, PyObject *b)
{
    if (a == b)
        return 0;
    if (a == Py_None || b == Py_None)
        return 1;
    return kr_dt_delta_cmp(a, b) != 0;
}

/* PEP 495: a datetime whose offset changes with fold is unequal to any
 * datetime in another zone.  1 when that applies, 0 if not, -1 on error. */
static int pep495_exception(PyObject *a, PyObject *b, PyObject *oa, PyObject *ob)
{
    PyObject *flip = flipped_offset(a);
    if (flip == NULL)
        return -1;
    int r = offsets_differ(flip, oa);
    Py_DECREF(flip);
    if (r)
        return 1;
    flip = flipped_offset(b);
    if (flip == NULL)
        return -1;
    r = offsets_differ(flip, ob);
    Py_DECREF(flip);
    return r;
}

static PyObject *datetime_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!KR_DT_DATETIME_CHECK(b)) {
        if (KR_DT_DATE_CHECK(b)) {
            /* A date would otherwise compare by its date part alone. */
            if (op == Py_EQ)
                Py_RETURN_FALSE;
            if (op == Py_NE)
                Py_RETURN_TRUE;
            return kr_dt_cmperror(a, b);
        }
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (KR_TZ(a) == KR_TZ(b))
        return kr_dt_diff_to_bool(memcmp(KR_DT(a)->data, KR_DT(b)->data, 10), op);
    PyObject *o1 = datetime_utcoffset(a, NULL);
    if (o1 == NULL)
        return NULL;
    PyObject *o2 = datetime_utcoffset(b, NULL);
    if (o2 == NULL) {
        Py_DECREF(o1);
        return NULL;
    }
    PyObject *res = NULL;
    int diff;
    if (!offsets_differ(o1, o2))
        diff = memcmp(KR_DT(a)->data, KR_DT(b)->data, 10);
    else if (o1 != Py_None && o2 != Py_None) {
        PyObject *delta = datetime_diff(a, b);
        if (delta == NULL)
            goto done;
        diff = KR_TD(delta)->days;
        if (diff == 0)
            diff = KR_TD(delta)->seconds | KR_TD(delta)->microseconds;
        Py_DECREF(delta);
    }
    else {
        if (op == Py_EQ)
            res = Py_NewRef(Py_False);
        else if (op == Py_NE)
            res = Py_NewRef(Py_True);
        else
            PyErr_SetString(PyExc_TypeError,
                            "can't compare offset-naive and offset-aware datetimes");
        goto done;
    }
    if ((op == Py_EQ || op == Py_NE) && diff == 0) {
        int ex = pep495_exception(a, b, o1, o2);
        if (ex < 0)
            goto done;
        if (ex)
            diff = 1;
    }
    res = kr_dt_diff_to_bool(diff, op);
done:
    Py_DECREF(o1);
    Py_DECREF(o2);
    return res;
}

static Py_hash_t datetime_hash(PyObject *self)
{
    PyDateTime_DateTime *dt = KR_DT(self);
    if (dt->hashcode != -1)
        return dt->hashcode;
    PyObject *offset;
    if (FOLD(self)) {
        /* Both readings of a repeated hour hash as the first one. */
        PyObject *self0 = kr_dt_new_datetime(KR_YEAR(self), KR_MONTH(self), KR_DAY(self),
                                             HOUR(self), MINUTE(self), SECOND(self), USEC(self),
                                             KR_TZ(self), 0, Py_TYPE(self));
        if (self0 == NULL)
            return -1;
        offset = datetime_utcoffset(self0, NULL);
        Py_DECREF(self0);
    }
    else
        offset = datetime_utcoffset(self, NULL);
    if (offset == NULL)
        return -1;
    Py_hash_t h;
    if (offset == Py_None)
        h = _Py_HashBytes(dt->data, 10);
    else {
        PyObject *local = kr_dt_new_delta(kr_dt_ymd_to_ord(KR_YEAR(self), KR_MONTH(self),
                                                           KR_DAY(self)),
                                          HOUR(self) * 3600 + MINUTE(self) * 60 + SECOND(self),
                                          USEC(self), 1, &kr_dt_delta_type);
        PyObject *utc = local ? PyNumber_Subtract(local, offset) : NULL;
        Py_XDECREF(local);
        h = utc ? PyObject_Hash(utc) : -1;
        Py_XDECREF(utc);
    }
    Py_DECREF(offset);
    return kr_dt_cache_hash(&dt->hashcode, self, h);
}

/* ---- formatting ---- */

static PyObject *datetime_repr(PyObject *self)
{
    const char *name = Py_TYPE(self)->tp_name;
    PyObject *r;
    if (USEC(self))
        r = PyUnicode_FromFormat("%s(%d, %d, %d, %d, %d, %d, %d)", name, KR_YEAR(self),
                                 KR_MONTH(self), KR_DAY(self), HOUR(self), MINUTE(self),
                                 SECOND(self), USEC(self));
    else if (SECOND(self))
        r = PyUnicode_FromFormat("%s(%d, %d, %d, %d, %d, %d)", name, KR_YEAR(self),
                                 KR_MONTH(self), KR_DAY(self), HOUR(self), MINUTE(self),
                                 SECOND(self));
    else
        r = PyUnicode_FromFormat("%s(%d, %d, %d, %d, %d)", name, KR_YEAR(self), KR_MONTH(self),
                                 KR_DAY(self), HOUR(self), MINUTE(self));
    if (r != NULL && FOLD(self)) {
        PyObject *one = PyLong_FromLong(1);
        r = one ? kr_dt_repr_append(r, "fold", one) : NULL;
        Py_XDECREF(one);
    }
    if (r != NULL && KR_TZ(self) != Py_None)
        r = kr_dt_repr_append(r, "tzinfo", KR_TZ(self));
    return r;
}

static PyObject *isoformat_impl(PyObject *self, Py_UCS4 sep, PyObject *timespec)
{
    int spec = kr_dt_parse_timespec(timespec, USEC(self), 2);
    if (spec < 0)
        return NULL;
    char buf[96];
    int n = snprintf(buf, sizeof(buf), "%04d-%02d-%02d", KR_YEAR(self), KR_MONTH(self),
                     KR_DAY(self));
    char *tail = buf + n + 1;
    size_t tailsize = sizeof(buf) - n - 1;
    int m = kr_dt_format_time(tail, tailsize, HOUR(self), MINUTE(self), SECOND(self), USEC(self),
                              spec);
    if (kr_dt_format_utcoffset(tail + m, tailsize - m, ":", KR_TZ(self), self) < 0)
        return NULL;
    PyObject *date = PyUnicode_FromStringAndSize(buf, n);
    PyObject *time = PyUnicode_FromString(tail);
    PyObject *res = NULL;
    if (date != NULL && time != NULL)
        res = PyUnicode_FromFormat("%U%c%U", date, (int)sep, time);
    Py_XDECREF(date);
    Py_XDECREF(time);
    return res;
}

static PyObject *datetime_isoformat(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    static const char *const names[] = {"sep", "timespec", NULL};
    static const kr_argspec spec = {"isoformat", names, 0, 0, 2};
    PyObject *a[2];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    Py_UCS4 sep = 'T';
    if (a[0] != NULL) {
        if (!PyUnicode_Check(a[0]) || PyUnicode_GET_LENGTH(a[0]) != 1) {
            PyErr_Format(PyExc_TypeError,
                         "isoformat() argument 1 must be a unicode character, not %.50s",
                         kr_dt_type_name(a[0]));
            return NULL;
        }
        sep = PyUnicode_READ_CHAR(a[0], 0);
    }
    return isoformat_impl(self, sep, a[1]);
}

static PyObject *datetime_str(PyObject *self)
{
    return PyObject_CallMethod(self, "isoformat", "s", " ");
}

static PyObject *datetime_ctime(PyObject *self, PyObject *unused)
{
    return kr_dt_format_ctime(KR_YEAR(self), KR_MONTH(self), KR_DAY(self), HOUR(self),
                              MINUTE(self), SECOND(self));
}

static PyObject *datetime_strftime(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *fmt;
    if (kr_dt_strftime_arg(args, kw, &fmt) < 0)
        return NULL;
    struct tm tm;
    kr_dt_fill_tm(&tm, KR_YEAR(self), KR_MONTH(self), KR_DAY(self), HOUR(self), MINUTE(self),
                  SECOND(self), -1);
    return kr_dt_strftime(self, fmt, &tm, USEC(self), KR_TZ(self), self);
}

/* ---- conversions ---- */

static PyObject *datetime_date(PyObject *self, PyObject *unused)
{
    return kr_dt_new_date(KR_YEAR(self), KR_MONTH(self), KR_DAY(self), &kr_dt_date_type);
}

static PyObject *datetime_time(PyObject *self, PyObject *unused)
{
    return kr_dt_new_time(HOUR(self), MINUTE(self), SECOND(self), USEC(self), Py_None, FOLD(self),
                          &kr_dt_time_type);
}

static PyObject *datetime_timetz(PyObject *self, PyObject *unused)
{
    return kr_dt_new_time(HOUR(self), MINUTE(self), SECOND(self), USEC(self), KR_TZ(self),
                          FOLD(self), &kr_dt_time_type);
}

static PyObject *datetime_timetuple(PyObject *self, PyObject *unused)
{
    int dstflag = -1;
    if (KR_TZ(self) != Py_None) {
        PyObject *dst = kr_dt_call_dst(KR_TZ(self), self);
        if (dst == NULL)
            return NULL;
        if (dst != Py_None)
            dstflag = !kr_dt_delta_is_zero(dst);
        Py_DECREF(dst);
    }
    return kr_dt_struct_time(KR_YEAR(self), KR_MONTH(self), KR_DAY(self), HOUR(self),
                             MINUTE(self), SECOND(self), dstflag);
}

static PyObject *datetime_utctimetuple(PyObject *self, PyObject *unused)
{
    PyObject *utc = Py_NewRef(self);
    if (KR_TZ(self) != Py_None) {
        PyObject *off = kr_dt_call_utcoffset(KR_TZ(self), self);
        if (off == NULL) {
            Py_DECREF(utc);
            return NULL;
        }
        if (off != Py_None) {
            Py_SETREF(utc, kr_dt_datetime_add(self, KR_TD(off)->days, KR_TD(off)->seconds,
                                              KR_TD(off)->microseconds, 1));
        }
        Py_DECREF(off);
        if (utc == NULL)
            return NULL;
    }
    PyObject *res = kr_dt_struct_time(KR_YEAR(utc), KR_MONTH(utc), KR_DAY(utc), HOUR(utc),
                                      MINUTE(utc), SECOND(utc), 0);
    Py_DECREF(utc);
    return res;
}

static PyObject *datetime_timestamp(PyObject *self, PyObject *unused)
{
    if (KR_TZ(self) != Py_None) {
        PyObject *delta = datetime_diff(self, (PyObject *)&kr_dt_epoch);
        if (delta == NULL)
            return NULL;
        PyObject *res = PyObject_CallMethod(delta, "total_seconds", NULL);
        Py_DECREF(delta);
        return res;
    }
    long long seconds;
    if (kr_dt_local_to_seconds(KR_YEAR(self), KR_MONTH(self), KR_DAY(self), HOUR(self),
                               MINUTE(self), SECOND(self), FOLD(self), &seconds) < 0)
        return NULL;
    return PyFloat_FromDouble((double)(seconds - KR_DT_EPOCH_SECONDS) + USEC(self) / 1e6);
}

/* The local time zone in effect at an aware UTC datetime. */
static PyObject *local_timezone_of_utc(PyObject *utc)
{
    PyObject *delta = datetime_diff(utc, (PyObject *)&kr_dt_epoch);
    if (delta == NULL)
        return NULL;
    long long t = (long long)KR_TD(delta)->days * 86400 + KR_TD(delta)->seconds;
    Py_DECREF(delta);
    return kr_dt_local_timezone_at(t);
}

static PyObject *local_timezone_of_local(PyObject *dt)
{
    long long seconds;
    if (kr_dt_local_to_seconds(KR_YEAR(dt), KR_MONTH(dt), KR_DAY(dt), HOUR(dt), MINUTE(dt),
                               SECOND(dt), FOLD(dt), &seconds) < 0)
        return NULL;
    return kr_dt_local_timezone_at(seconds - KR_DT_EPOCH_SECONDS);
}

static PyObject *with_tzinfo(PyObject *dt, PyObject *tzinfo)
{
    return kr_dt_new_datetime(KR_YEAR(dt), KR_MONTH(dt), KR_DAY(dt), HOUR(dt), MINUTE(dt),
                              SECOND(dt), USEC(dt), tzinfo, FOLD(dt), Py_TYPE(dt));
}

static PyObject *datetime_astimezone(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                     PyObject *kwnames)
{
    static const char *const names[] = {"tz", NULL};
    static const kr_argspec spec = {"astimezone", names, 0, 0, 1};
    PyObject *tz;
    if (kr_args_unpack(&spec, args, nargs, kwnames, &tz) < 0)
        return NULL;
    if (tz == NULL)
        tz = Py_None;
    if (kr_dt_check_tzinfo(tz) < 0)
        return NULL;
    PyObject *self_tz, *offset;
    if (KR_TZ(self) == Py_None)
        goto naive;
    self_tz = Py_NewRef(KR_TZ(self));
    for (;;) {
        if (self_tz == tz) {
            Py_DECREF(self_tz);
            return Py_NewRef(self);
        }
        offset = kr_dt_call_utcoffset(self_tz, self);
        Py_DECREF(self_tz);
        if (offset == NULL)
            return NULL;
        if (offset != Py_None)
            break;
        Py_DECREF(offset);
    naive:
        /* A naive datetime (or one whose zone gives no offset) is taken
         * as local time. */
        self_tz = local_timezone_of_local(self);
        if (self_tz == NULL)
            return NULL;
    }
    PyObject *utc = kr_dt_datetime_add(self, KR_TD(offset)->days, KR_TD(offset)->seconds,
                                       KR_TD(offset)->microseconds, 1);
    Py_DECREF(offset);
    if (utc == NULL)
        return NULL;
    Py_SETREF(utc, with_tzinfo(utc, KR_DT_UTC));
    if (utc == NULL)
        return NULL;
    PyObject *target = tz == Py_None ? local_timezone_of_utc(utc) : Py_NewRef(tz);
    if (target == NULL) {
        Py_DECREF(utc);
        return NULL;
    }
    Py_SETREF(utc, with_tzinfo(utc, target));
    PyObject *res = utc ? PyObject_CallMethodOneArg(target, KR_ID(fromutc), utc) : NULL;
    Py_XDECREF(utc);
    Py_DECREF(target);
    return res;
}

static PyObject *datetime_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames)
{
    static const char *const names[] = {"year", "month", "day", "hour", "minute", "second",
                                        "microsecond", "tzinfo", "fold", NULL};
    static const kr_argspec spec = {"replace", names, 0, 0, 8};
    PyObject *a[9];
    int v[7] = {KR_YEAR(self), KR_MONTH(self), KR_DAY(self), HOUR(self), MINUTE(self),
                SECOND(self), USEC(self)};
    int fold = FOLD(self);
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 7; i++)
        if (a[i] != NULL && kr_dt_as_int(a[i], &v[i]) < 0)
            return NULL;
    if (a[8] != NULL && kr_dt_as_int(a[8], &fold) < 0)
        return NULL;
    return kr_dt_new_datetime(v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                              a[7] ? a[7] : KR_TZ(self), fold, Py_TYPE(self));
}

static PyObject *datetime_getstate(PyObject *self, int proto)
{
    return kr_dt_pickle_state(KR_DT(self)->data, 10, 2, FOLD(self), KR_TZ(self), proto);
}

static PyObject *datetime_reduce_ex(PyObject *self, PyObject *args)
{
    int proto;
    if (!PyArg_ParseTuple(args, "i:__reduce_ex__", &proto))
        return NULL;
    return Py_BuildValue("(ON)", (PyObject *)Py_TYPE(self), datetime_getstate(self, proto));
}

static PyObject *datetime_reduce(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ON)", (PyObject *)Py_TYPE(self), datetime_getstate(self, 2));
}

static PyObject *get_hour(PyObject *self, void *c) { return PyLong_FromLong(HOUR(self)); }
static PyObject *get_minute(PyObject *self, void *c) { return PyLong_FromLong(MINUTE(self)); }
static PyObject *get_second(PyObject *self, void *c) { return PyLong_FromLong(SECOND(self)); }
static PyObject *get_us(PyObject *self, void *c) { return PyLong_FromLong(USEC(self)); }
static PyObject *get_fold(PyObject *self, void *c) { return PyLong_FromLong(FOLD(self)); }
static PyObject *get_tzinfo(PyObject *self, void *c) { return Py_NewRef(KR_TZ(self)); }

static PyGetSetDef datetime_getset[] = {
    {"hour", get_hour, NULL, NULL, NULL},
    {"minute", get_minute, NULL, NULL, NULL},
    {"second", get_second, NULL, NULL, NULL},
    {"microsecond", get_us, NULL, NULL, NULL},
    {"tzinfo", get_tzinfo, NULL, NULL, NULL},
    {"fold", get_fold, NULL, NULL, NULL},
    {NULL}
};

#define FASTKW(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL | METH_KEYWORDS

static PyMethodDef datetime_methods[] = {
    {"now", FASTKW(datetime_now) | METH_CLASS,
     "Returns new datetime object representing current time local to tz."},
    {"utcnow", datetime_utcnow, METH_NOARGS | METH_CLASS,
     "Return a new datetime representing UTC day and time."},
    {"fromtimestamp", (PyCFunction)(void (*)(void))kr_dt_datetime_fromtimestamp,
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "timestamp[, tz] -> tz's local time from POSIX timestamp."},
    {"utcfromtimestamp", datetime_utcfromtimestamp, METH_VARARGS | METH_CLASS,
     "Construct a naive UTC datetime from a POSIX timestamp."},
    {"strptime", datetime_strptime, METH_VARARGS | METH_CLASS,
     "string, format -> new datetime parsed from a string (like time.strptime())."},
    {"combine", (PyCFunction)(void (*)(void))datetime_combine,
     METH_VARARGS | METH_KEYWORDS | METH_CLASS, "date, time -> datetime with same date and time fields"},
    {"fromisoformat", datetime_fromisoformat, METH_O | METH_CLASS,
     "string -> datetime from a string in most ISO 8601 formats"},
    {"date", datetime_date, METH_NOARGS, "Return date object with same year, month and day."},
    {"time", datetime_time, METH_NOARGS, "Return time object with same time but with tzinfo=None."},
    {"timetz", datetime_timetz, METH_NOARGS, "Return time object with same time and tzinfo."},
    {"ctime", datetime_ctime, METH_NOARGS, "Return ctime() style string."},
    {"strftime", (PyCFunction)(void (*)(void))datetime_strftime, METH_VARARGS | METH_KEYWORDS,
     "format -> strftime() style string."},
    {"timetuple", datetime_timetuple, METH_NOARGS,
     "Return time tuple, compatible with time.localtime()."},
    {"timestamp", datetime_timestamp, METH_NOARGS, "Return POSIX timestamp as float."},
    {"utctimetuple", datetime_utctimetuple, METH_NOARGS,
     "Return UTC time tuple, compatible with time.localtime()."},
    {"isoformat", FASTKW(datetime_isoformat),
     "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."},
    {"utcoffset", datetime_utcoffset, METH_NOARGS, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", datetime_tzname, METH_NOARGS, "Return self.tzinfo.tzname(self)."},
    {"dst", datetime_dst, METH_NOARGS, "Return self.tzinfo.dst(self)."},
    {"replace", FASTKW(datetime_replace), "Return datetime with new specified fields."},
    {"astimezone", FASTKW(datetime_astimezone), "tz -> convert to local time in new timezone tz\n"},
    {"__reduce_ex__", datetime_reduce_ex, METH_VARARGS, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", datetime_reduce, METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL}
};

static PyNumberMethods datetime_as_number = {
    .nb_add = datetime_add,
    .nb_subtract = datetime_sub,
};

PyTypeObject kr_dt_datetime_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.datetime",
    .tp_basicsize = sizeof(PyDateTime_DateTime),
    .tp_dealloc = datetime_dealloc,
    .tp_repr = datetime_repr,
    .tp_as_number = &datetime_as_number,
    .tp_hash = datetime_hash,
    .tp_str = datetime_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\n"
              "The year, month and day arguments are required. tzinfo may be None, or an\n"
              "instance of a tzinfo subclass. The remaining arguments may be ints.\n",
    .tp_richcompare = datetime_richcompare,
    .tp_methods = datetime_methods,
    .tp_getset = datetime_getset,
    .tp_base = &kr_dt_date_type,
    .tp_new = datetime_new,
    .tp_vectorcall = datetime_vectorcall,
};
