/* timemodule.c: the `time` module: clocks (time, monotonic, perf_counter,
 * process_time, thread_time and the clock_* functions), sleep, the
 * struct_time conversions (gmtime, localtime, mktime, asctime, ctime,
 * strftime; strptime delegates to the stdlib's _strptime) and the time
 * zone attributes.
 *
 * Everything is a thin layer over the C library, as in CPython on Linux:
 * clocks are clock_gettime() clocks, conversions are gmtime_r, localtime_r,
 * mktime and strftime, so results follow the process's TZ exactly as
 * CPython's do.  struct_time is a struct sequence type created per module
 * instance and kept in the module state.  Timestamps given as Python
 * numbers are converted with CPython's rounding and overflow rules: to
 * whole seconds (time_t, rounding down) for the calendar functions, to
 * nanoseconds for sleep and clock_settime. */
#include "internal.h"
#include "capi/argparse.h"
#include "objects/namespaceobject.h"
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#define KR_NS_PER_SEC 1000000000LL

typedef struct {
    PyTypeObject *struct_time_type;
} kr_time_state;

static kr_time_state *kr_time_state_of(PyObject *module)
{
    return (kr_time_state *)PyModule_GetState(module);
}

/* ---- converting timestamps ---- */

static void kr_time_t_overflow(void)
{
    PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
}

static void kr_pytime_overflow(void)
{
    PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
}

static int kr_reject_nan(double d)
{
    if (isnan(d)) {
        PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    return 0;
}

/* A timestamp in whole seconds, rounded down. */
static int kr_object_to_time_t(PyObject *obj, time_t *out)
{
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (kr_reject_nan(d) < 0)
            return -1;
        d = floor(d);
        if (!(d >= -9223372036854775808.0 && d <= 9223372036854775808.0)) {
            kr_time_t_overflow();
            return -1;
        }
        /* 2**63 itself passes CPython's check; the C library then refuses
         * it, as it refuses LLONG_MAX. */
        *out = d >= 9223372036854775807.0 ? (time_t)LLONG_MAX : (time_t)d;
        return 0;
    }
    long long v = PyLong_AsLongLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            kr_time_t_overflow();
        }
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

/* A duration or timestamp in nanoseconds; round_up rounds away from zero
 * (sleep's timeouts), otherwise toward minus infinity. */
static int kr_object_to_ns(PyObject *obj, int round_up, long long *out)
{
    if (PyFloat_Check(obj)) {
        volatile double d = PyFloat_AsDouble(obj);
        if (kr_reject_nan(d) < 0)
            return -1;
        d = d * 1e9;
        d = round_up ? (d >= 0.0 ? ceil(d) : floor(d)) : floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            kr_pytime_overflow();
            return -1;
        }
        *out = (long long)d;
        return 0;
    }
    long long sec = PyLong_AsLongLong(obj);
    if (sec == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            kr_pytime_overflow();
        }
        return -1;
    }
    if (__builtin_mul_overflow(sec, KR_NS_PER_SEC, out)) {
        kr_pytime_overflow();
        return -1;
    }
    return 0;
}

static struct timespec kr_ns_to_timespec(long long ns)
{
    long long sec = ns / KR_NS_PER_SEC, rem = ns % KR_NS_PER_SEC;
    if (rem < 0) {
        rem += KR_NS_PER_SEC;
        sec--;
    }
    return (struct timespec){.tv_sec = (time_t)sec, .tv_nsec = (long)rem};
}

/* Seconds as a float, the way CPython rounds them: exact multiples of a
 * second are divided as integers first. */
static double kr_ns_to_seconds(long long ns)
{
    if (ns % KR_NS_PER_SEC == 0)
        return (double)(ns / KR_NS_PER_SEC);
    return (double)ns / 1e9;
}

/* A C int argument (a clock id, a field of a time tuple), with the
 * errors of PyArg_Parse's "i" format. */
static int kr_tuple_int(PyObject *item, int *out)
{
    long v = PyLong_AsLong(item);
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

/* ---- clocks ---- */

typedef struct {
    const char *name;            /* as get_clock_info() knows it */
    clockid_t clock;
    const char *implementation;
    int monotonic, adjustable;
} kr_clock_desc;

enum { KR_CLK_TIME, KR_CLK_MONOTONIC, KR_CLK_PERF, KR_CLK_PROCESS, KR_CLK_THREAD };

static const kr_clock_desc kr_clocks[] = {
    {"time", CLOCK_REALTIME, "clock_gettime(CLOCK_REALTIME)", 0, 1},
    {"monotonic", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", 1, 0},
    {"perf_counter", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", 1, 0},
    {"process_time", CLOCK_PROCESS_CPUTIME_ID, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", 1, 0},
    {"thread_time", CLOCK_THREAD_CPUTIME_ID, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", 1, 0},
};

static int kr_clock_read(clockid_t clock, long long *ns)
{
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    *ns = (long long)ts.tv_sec * KR_NS_PER_SEC + ts.tv_nsec;
    return 0;
}

static PyObject *kr_clock_seconds(int which)
{
    long long ns;
    if (kr_clock_read(kr_clocks[which].clock, &ns) < 0)
        return NULL;
    return PyFloat_FromDouble(kr_ns_to_seconds(ns));
}

static PyObject *kr_clock_nanoseconds(int which)
{
    long long ns;
    if (kr_clock_read(kr_clocks[which].clock, &ns) < 0)
        return NULL;
    return PyLong_FromLongLong(ns);
}

#define KR_TIME_CLOCK_FUNCS(name, which) \
    static PyObject *kr_time_##name(PyObject *m, PyObject *unused) \
    { return kr_clock_seconds(which); } \
    static PyObject *kr_time_##name##_ns(PyObject *m, PyObject *unused) \
    { return kr_clock_nanoseconds(which); }

KR_TIME_CLOCK_FUNCS(time, KR_CLK_TIME)
KR_TIME_CLOCK_FUNCS(monotonic, KR_CLK_MONOTONIC)
KR_TIME_CLOCK_FUNCS(perf_counter, KR_CLK_PERF)
KR_TIME_CLOCK_FUNCS(process_time, KR_CLK_PROCESS)
KR_TIME_CLOCK_FUNCS(thread_time, KR_CLK_THREAD)

static PyObject *kr_time_get_clock_info(PyObject *m, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:get_clock_info", &name))
        return NULL;
    const kr_clock_desc *c = NULL;
    for (size_t i = 0; i < sizeof(kr_clocks) / sizeof(kr_clocks[0]); i++)
        if (strcmp(kr_clocks[i].name, name) == 0)
            c = &kr_clocks[i];
    if (c == NULL) {
        PyErr_SetString(PyExc_ValueError, "unknown clock");
        return NULL;
    }
    struct timespec res;
    double resolution = 1e-9;
    if (clock_getres(c->clock, &res) == 0)
        resolution = (double)res.tv_sec + (double)res.tv_nsec * 1e-9;
    PyObject *kw = Py_BuildValue("{sssOsOsd}", "implementation", c->implementation,
                                 "monotonic", c->monotonic ? Py_True : Py_False,
                                 "adjustable", c->adjustable ? Py_True : Py_False,
                                 "resolution", resolution);
    if (kw == NULL)
        return NULL;
    PyObject *ns = kr_namespace_new(kw);
    Py_DECREF(kw);
    return ns;
}

/* The clock id argument of the clock_* functions (a C int). */
static int kr_clock_id_arg(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                           Py_ssize_t expected, clockid_t *out)
{
    if (nargs != expected) {
        PyErr_Format(PyExc_TypeError, "%s() takes exactly %zd argument%s (%zd given)", fname,
                     expected, expected == 1 ? "" : "s", nargs);
        return -1;
    }
    int id;
    if (kr_tuple_int(args[0], &id) < 0)
        return -1;
    *out = (clockid_t)id;
    return 0;
}

static PyObject *kr_time_clock_gettime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    clockid_t clk;
    if (kr_clock_id_arg("clock_gettime", args, nargs, 1, &clk) < 0)
        return NULL;
    struct timespec ts;
    if (clock_gettime(clk, &ts) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyFloat_FromDouble((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static PyObject *kr_time_clock_gettime_ns(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    clockid_t clk;
    if (kr_clock_id_arg("clock_gettime_ns", args, nargs, 1, &clk) < 0)
        return NULL;
    long long ns;
    if (kr_clock_read(clk, &ns) < 0)
        return NULL;
    return PyLong_FromLongLong(ns);
}

static PyObject *kr_time_clock_getres(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    clockid_t clk;
    if (kr_clock_id_arg("clock_getres", args, nargs, 1, &clk) < 0)
        return NULL;
    struct timespec ts;
    if (clock_getres(clk, &ts) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyFloat_FromDouble((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static PyObject *kr_clock_set(clockid_t clk, long long ns)
{
    struct timespec ts = kr_ns_to_timespec(ns);
    if (clock_settime(clk, &ts) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *kr_time_clock_settime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    clockid_t clk;
    long long ns;
    if (kr_clock_id_arg("clock_settime", args, nargs, 2, &clk) < 0 ||
        kr_object_to_ns(args[1], 0, &ns) < 0)
        return NULL;
    return kr_clock_set(clk, ns);
}

static PyObject *kr_time_clock_settime_ns(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    clockid_t clk;
    if (kr_clock_id_arg("clock_settime_ns", args, nargs, 2, &clk) < 0)
        return NULL;
    if (!PyLong_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "expect int, got %s", Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    long long ns = PyLong_AsLongLong(args[1]);
    if (ns == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            kr_pytime_overflow();
        }
        return NULL;
    }
    return kr_clock_set(clk, ns);
}

static PyObject *kr_time_pthread_getcpuclockid(PyObject *m, PyObject *const *args,
                                               Py_ssize_t nargs)
{
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError,
                     "pthread_getcpuclockid() takes exactly 1 argument (%zd given)", nargs);
        return NULL;
    }
    if (!PyLong_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "pthread_getcpuclockid() argument 1 must be int, not %.50s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    unsigned long id = PyLong_AsUnsignedLongMask(args[0]);
    if (id == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    clockid_t clk;
    int err = pthread_getcpuclockid((pthread_t)id, &clk);
    if (err) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong((long)clk);
}

/* ---- sleep ---- */

static PyObject *kr_time_sleep(PyObject *m, PyObject *arg)
{
    long long ns;
    if (kr_object_to_ns(arg, 1, &ns) < 0)
        return NULL;
    if (ns < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    /* An absolute deadline on the monotonic clock: a signal that
     * interrupts the sleep (and raises nothing) does not lengthen it. */
    struct timespec deadline;
    if (clock_gettime(CLOCK_MONOTONIC, &deadline) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    struct timespec d = kr_ns_to_timespec(ns);
    deadline.tv_sec += d.tv_sec;
    deadline.tv_nsec += d.tv_nsec;
    if (deadline.tv_nsec >= KR_NS_PER_SEC) {
        deadline.tv_nsec -= KR_NS_PER_SEC;
        deadline.tv_sec++;
    }
    for (;;) {
        int err;
        Py_BEGIN_ALLOW_THREADS
        err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        Py_END_ALLOW_THREADS
        if (err == 0)
            break;
        if (err != EINTR) {
            errno = err;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        /* Interrupted: run the signal handlers (Ctrl-C raises here). */
        if (PyErr_CheckSignals() < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- struct_time ---- */

static PyStructSequence_Field kr_struct_time_fields[] = {
    {"tm_year", "year, e.g. 2024"},
    {"tm_mon", "month of the year, 1 to 12"},
    {"tm_mday", "day of the month, 1 to 31"},
    {"tm_hour", "hour, 0 to 23"},
    {"tm_min", "minute, 0 to 59"},
    {"tm_sec", "second, 0 to 61"},
    {"tm_wday", "day of the week, Monday is 0"},
    {"tm_yday", "day of the year, 1 to 366"},
    {"tm_isdst", "1 during daylight saving time, 0 outside it, -1 if unknown"},
    {"tm_zone", "abbreviated name of the time zone"},
    {"tm_gmtoff", "offset east of UTC, in seconds"},
    {NULL, NULL}
};

static PyStructSequence_Desc kr_struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
    " sequence of 9 integers.\n\n"
    " Note that several fields' values are not the same as those defined by\n"
    " the C language standard for struct tm.  For example, the value of the\n"
    " field tm_year is the actual year, not year - 1900.  See individual\n"
    " fields' descriptions for details.",
    kr_struct_time_fields,
    9,
};

/* A struct_time from a C struct tm (new reference). */
static PyObject *kr_tm_to_struct_time(PyObject *module, const struct tm *p)
{
    PyObject *v = PyStructSequence_New(kr_time_state_of(module)->struct_time_type);
    if (v == NULL)
        return NULL;
    long items[9] = {
        (long)p->tm_year + 1900, p->tm_mon + 1, p->tm_mday, p->tm_hour, p->tm_min,
        p->tm_sec, (p->tm_wday + 6) % 7, p->tm_yday + 1, p->tm_isdst,
    };
    for (int i = 0; i < 9; i++) {
        PyObject *item = PyLong_FromLong(items[i]);
        if (item == NULL)
            goto error;
        PyStructSequence_SetItem(v, i, item);
    }
    PyObject *zone = p->tm_zone ? PyUnicode_DecodeLocale(p->tm_zone, "surrogateescape")
                                : Py_NewRef(Py_None);
    if (zone == NULL)
        goto error;
    PyStructSequence_SetItem(v, 9, zone);
    PyObject *off = PyLong_FromLong(p->tm_gmtoff);
    if (off == NULL)
        goto error;
    PyStructSequence_SetItem(v, 10, off);
    return v;
error:
    Py_DECREF(v);
    return NULL;
}

/* The optional timestamp argument of gmtime/localtime/ctime: None or
 * absent means now. */
static int kr_optional_time_t(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                              time_t *out)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 1 argument (%zd given)", fname, nargs);
        return -1;
    }
    if (nargs == 0 || args[0] == Py_None) {
        *out = time(NULL);
        return 0;
    }
    return kr_object_to_time_t(args[0], out);
}

static int kr_gmtime(time_t t, struct tm *buf)
{
    errno = 0;
    if (gmtime_r(&t, buf) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static int kr_localtime(time_t t, struct tm *buf)
{
    errno = 0;
    if (localtime_r(&t, buf) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static PyObject *kr_time_gmtime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (kr_optional_time_t("gmtime", args, nargs, &t) < 0 || kr_gmtime(t, &buf) < 0)
        return NULL;
    return kr_tm_to_struct_time(m, &buf);
}

static PyObject *kr_time_localtime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (kr_optional_time_t("localtime", args, nargs, &t) < 0 || kr_localtime(t, &buf) < 0)
        return NULL;
    return kr_tm_to_struct_time(m, &buf);
}

/* A time tuple (9 ints, or a struct_time) into *p, as the C library wants
 * it; a struct_time also brings its zone and offset (p->tm_zone then
 * points into the zone str, which t keeps alive). */
static int kr_struct_time_to_tm(PyObject *module, PyObject *t, const char *fname, struct tm *p)
{
    memset(p, 0, sizeof(*p));
    if (!PyTuple_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (PyTuple_GET_SIZE(t) != 9) {
        PyErr_Format(PyExc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++)
        if (kr_tuple_int(PyTuple_GET_ITEM(t, i), &v[i]) < 0)
            return -1;
    if (v[0] < INT_MIN + 1900) {
        PyErr_SetString(PyExc_OverflowError, "year out of range");
        return -1;
    }
    p->tm_year = v[0] - 1900;
    p->tm_mon = v[1] - 1;
    p->tm_mday = v[2];
    p->tm_hour = v[3];
    p->tm_min = v[4];
    p->tm_sec = v[5];
    p->tm_wday = (v[6] + 1) % 7;
    p->tm_yday = v[7] - 1;
    p->tm_isdst = v[8];
    if (Py_IS_TYPE(t, kr_time_state_of(module)->struct_time_type)) {
        PyObject *zone = PyStructSequence_GetItem(t, 9);
        if (zone != Py_None) {
            if (!PyUnicode_Check(zone)) {
                PyErr_BadArgument();
                return -1;
            }
            /* The UTF-8 form lives as long as the str, which t holds. */
            p->tm_zone = PyUnicode_AsUTF8(zone);
            if (p->tm_zone == NULL)
                return -1;
        }
        PyObject *off = PyStructSequence_GetItem(t, 10);
        if (off != Py_None) {
            p->tm_gmtoff = PyLong_AsLong(off);
            if (PyErr_Occurred())
                return -1;
        }
    }
    return 0;
}

/* The range checks asctime and strftime apply (0 for month and day
 * means the first). */
static int kr_check_tm(struct tm *p)
{
    const char *msg = NULL;
    if (p->tm_mon == -1)
        p->tm_mon = 0;
    else if (p->tm_mon < 0 || p->tm_mon > 11)
        msg = "month out of range";
    if (msg == NULL) {
        if (p->tm_mday == 0)
            p->tm_mday = 1;
        else if (p->tm_mday < 0 || p->tm_mday > 31)
            msg = "day of month out of range";
    }
    if (msg == NULL && (p->tm_hour < 0 || p->tm_hour > 23))
        msg = "hour out of range";
    if (msg == NULL && (p->tm_min < 0 || p->tm_min > 59))
        msg = "minute out of range";
    if (msg == NULL && (p->tm_sec < 0 || p->tm_sec > 61))
        msg = "seconds out of range";
    /* tm_wday was reduced modulo 7, so only a negative value is wrong. */
    if (msg == NULL && p->tm_wday < 0)
        msg = "day of week out of range";
    if (msg == NULL) {
        if (p->tm_yday == -1)
            p->tm_yday = 0;
        else if (p->tm_yday < 0 || p->tm_yday > 365)
            msg = "day of year out of range";
    }
    if (msg != NULL) {
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    return 0;
}

static PyObject *kr_asctime_str(const struct tm *p)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof(buf), "%s %s%3d %.2d:%.2d:%.2d %ld", wday[p->tm_wday], mon[p->tm_mon],
             p->tm_mday, p->tm_hour, p->tm_min, p->tm_sec, 1900L + p->tm_year);
    return PyUnicode_FromString(buf);
}

static PyObject *kr_time_asctime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "asctime expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    struct tm buf;
    if (nargs == 0) {
        if (kr_localtime(time(NULL), &buf) < 0)
            return NULL;
    }
    else if (kr_struct_time_to_tm(m, args[0], "asctime", &buf) < 0 || kr_check_tm(&buf) < 0)
        return NULL;
    return kr_asctime_str(&buf);
}

static PyObject *kr_time_ctime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    time_t t;
    struct tm buf;
    if (kr_optional_time_t("ctime", args, nargs, &t) < 0 || kr_localtime(t, &buf) < 0)
        return NULL;
    return kr_asctime_str(&buf);
}

static PyObject *kr_time_mktime(PyObject *m, PyObject *arg)
{
    struct tm buf;
    if (kr_struct_time_to_tm(m, arg, "mktime", &buf) < 0)
        return NULL;
    /* mktime() may legitimately return -1; an unchanged tm_wday tells
     * that it failed. */
    buf.tm_wday = -1;
    time_t t = mktime(&buf);
    if (t == (time_t)-1 && buf.tm_wday == -1) {
        PyErr_SetString(PyExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return PyFloat_FromDouble((double)t);
}

static PyObject *kr_time_strftime(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "strftime() takes at %s %d argument%s (%zd given)",
                     nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                     nargs);
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "strftime() argument 1 must be str, not %.50s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    struct tm buf;
    if (nargs == 1) {
        if (kr_localtime(time(NULL), &buf) < 0)
            return NULL;
    }
    else if (kr_struct_time_to_tm(m, args[1], "strftime", &buf) < 0 || kr_check_tm(&buf) < 0)
        return NULL;
    /* Some C libraries index tables with tm_isdst. */
    if (buf.tm_isdst < -1)
        buf.tm_isdst = -1;
    else if (buf.tm_isdst > 1)
        buf.tm_isdst = 1;
    PyObject *format = PyUnicode_EncodeLocale(args[0], "surrogateescape");
    if (format == NULL)
        return NULL;
    const char *fmt = PyBytes_AS_STRING(format);
    size_t fmtlen = strlen(fmt);
    if ((Py_ssize_t)fmtlen != PyBytes_GET_SIZE(format)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        Py_DECREF(format);
        return NULL;
    }
    /* strftime() reports no room and an empty result alike (0): grow the
     * buffer until it is far larger than any expansion of the format. */
    PyObject *result = NULL;
    for (size_t size = 1024;; size += size) {
        char *out = PyMem_Malloc(size);
        if (out == NULL) {
            PyErr_NoMemory();
            break;
        }
        size_t len = strftime(out, size, fmt, &buf);
        if (len > 0 || size >= 256 * fmtlen) {
            result = PyUnicode_DecodeLocaleAndSize(out, (Py_ssize_t)len, "surrogateescape");
            PyMem_Free(out);
            break;
        }
        PyMem_Free(out);
    }
    Py_DECREF(format);
    return result;
}

static PyObject *kr_time_strptime(PyObject *m, PyObject *args)
{
    PyObject *mod = PyImport_ImportModule("_strptime");
    if (mod == NULL)
        return NULL;
    PyObject *func = PyObject_GetAttrString(mod, "_strptime_time");
    Py_DECREF(mod);
    if (func == NULL)
        return NULL;
    PyObject *r = PyObject_Call(func, args, NULL);
    Py_DECREF(func);
    return r;
}

/* ---- time zone attributes ---- */

/* The zone name and UTC offset (seconds east) in force at time t. */
static int kr_zone_at(time_t t, char name[16], long *offset)
{
    struct tm p;
    if (kr_localtime(t, &p) < 0)
        return -1;
    if (strftime(name, 16, "%Z", &p) == 0)
        name[0] = '\0';
    *offset = p.tm_gmtoff;
    return 0;
}

/* timezone, altzone, daylight and tzname, from the zones in force at the
 * start and the middle of the current year, as CPython does with glibc
 * (the C library's own globals are not trusted). */
static int kr_init_timezone(PyObject *m)
{
    const time_t year = (365 * 24 + 6) * 3600;
    time_t t = (time(NULL) / year) * year;
    char jan_name[16], jul_name[16];
    long jan_off, jul_off;
    if (kr_zone_at(t, jan_name, &jan_off) < 0 || kr_zone_at(t + year / 2, jul_name, &jul_off) < 0)
        return -1;
    long jan_zone = -jan_off, jul_zone = -jul_off;
    if (jan_zone < INT_MIN || jan_zone > INT_MAX || jul_zone < INT_MIN || jul_zone > INT_MAX) {
        PyErr_SetString(PyExc_RuntimeError, "invalid GMT offset");
        return -1;
    }
    /* In the southern hemisphere daylight saving time falls in January. */
    int reversed = jan_zone < jul_zone;
    long std_zone = reversed ? jul_zone : jan_zone, dst_zone = reversed ? jan_zone : jul_zone;
    const char *std_name = reversed ? jul_name : jan_name;
    const char *dst_name = reversed ? jan_name : jul_name;
    PyObject *std_str = PyUnicode_DecodeLocale(std_name, "surrogateescape");
    PyObject *dst_str = std_str ? PyUnicode_DecodeLocale(dst_name, "surrogateescape") : NULL;
    PyObject *names = dst_str ? PyTuple_Pack(2, std_str, dst_str) : NULL;
    Py_XDECREF(std_str);
    Py_XDECREF(dst_str);
    if (names == NULL)
        return -1;
    if (PyModule_AddIntConstant(m, "timezone", std_zone) < 0 ||
        PyModule_AddIntConstant(m, "altzone", dst_zone) < 0 ||
        PyModule_AddIntConstant(m, "daylight", jan_zone != jul_zone) < 0 ||
        PyModule_AddObject(m, "tzname", names) < 0) {
        Py_XDECREF(names);
        return -1;
    }
    return 0;
}

static PyObject *kr_time_tzset(PyObject *m, PyObject *unused)
{
    tzset();
    if (kr_init_timezone(m) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- the module ---- */

#define KR_FAST(f) (PyCFunction)(void (*)(void))(f)

static PyMethodDef kr_time_methods[] = {
    {"time", kr_time_time, METH_NOARGS, "time() -> floating point number\n\nReturn the current time in seconds since the Epoch.\nFractions of a second may be present if the system clock provides them."},
    {"time_ns", kr_time_time_ns, METH_NOARGS, "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."},
    {"monotonic", kr_time_monotonic, METH_NOARGS, "monotonic() -> float\n\nMonotonic clock, cannot go backward."},
    {"monotonic_ns", kr_time_monotonic_ns, METH_NOARGS, "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", kr_time_perf_counter, METH_NOARGS, "perf_counter() -> float\n\nPerformance counter for benchmarking."},
    {"perf_counter_ns", kr_time_perf_counter_ns, METH_NOARGS, "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."},
    {"process_time", kr_time_process_time, METH_NOARGS, "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", kr_time_process_time_ns, METH_NOARGS, "process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {"thread_time", kr_time_thread_time, METH_NOARGS, "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", kr_time_thread_time_ns, METH_NOARGS, "thread_time() -> int\n\nThread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {"get_clock_info", kr_time_get_clock_info, METH_VARARGS, "get_clock_info(name: str) -> dict\n\nGet information of the specified clock."},
    {"clock_gettime", KR_FAST(kr_time_clock_gettime), METH_FASTCALL, "clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."},
    {"clock_gettime_ns", KR_FAST(kr_time_clock_gettime_ns), METH_FASTCALL, "clock_gettime_ns(clk_id) -> int\n\nReturn the time of the specified clock clk_id as nanoseconds."},
    {"clock_settime", KR_FAST(kr_time_clock_settime), METH_FASTCALL, "clock_settime(clk_id, time)\n\nSet the time of the specified clock clk_id."},
    {"clock_settime_ns", KR_FAST(kr_time_clock_settime_ns), METH_FASTCALL, "clock_settime_ns(clk_id, time)\n\nSet the time of the specified clock clk_id with nanoseconds."},
    {"clock_getres", KR_FAST(kr_time_clock_getres), METH_FASTCALL, "clock_getres(clk_id) -> floating point number\n\nReturn the resolution (precision) of the specified clock clk_id."},
    {"pthread_getcpuclockid", KR_FAST(kr_time_pthread_getcpuclockid), METH_FASTCALL, "pthread_getcpuclockid(thread_id) -> int\n\nReturn the clk_id of a thread's CPU time clock."},
    {"sleep", kr_time_sleep, METH_O, "sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\na floating point number for subsecond precision."},
    {"gmtime", KR_FAST(kr_time_gmtime), METH_FASTCALL, "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\nGMT).  When 'seconds' is not passed in, convert the current time instead."},
    {"localtime", KR_FAST(kr_time_localtime), METH_FASTCALL, "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing local time.\nWhen 'seconds' is not passed in, convert the current time instead."},
    {"asctime", KR_FAST(kr_time_asctime), METH_FASTCALL, "asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.\nWhen the time tuple is not present, current time as returned by localtime()\nis used."},
    {"ctime", KR_FAST(kr_time_ctime), METH_FASTCALL, "ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time.\nThis is equivalent to asctime(localtime(seconds))."},
    {"mktime", kr_time_mktime, METH_O, "mktime(tuple) -> floating point number\n\nConvert a time tuple in local time to seconds since the Epoch."},
    {"strftime", KR_FAST(kr_time_strftime), METH_FASTCALL, "strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification."},
    {"strptime", kr_time_strptime, METH_VARARGS, "strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format specification."},
    {"tzset", kr_time_tzset, METH_NOARGS, "tzset()\n\nInitialize, or reinitialize, the local timezone to the value of the environment\nvariable TZ."},
    {NULL, NULL, 0, NULL}
};

static int kr_time_exec(PyObject *m)
{
    kr_time_state *st = kr_time_state_of(m);
    st->struct_time_type = PyStructSequence_NewType(&kr_struct_time_desc);
    if (st->struct_time_type == NULL)
        return -1;
    if (PyModule_AddObjectRef(m, "struct_time", (PyObject *)st->struct_time_type) < 0)
        return -1;
    static const struct { const char *name; long value; } consts[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME},
        {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
        {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
        {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
        {"CLOCK_TAI", CLOCK_TAI},
        {"_STRUCT_TM_ITEMS", 11},
    };
    for (size_t i = 0; i < sizeof(consts) / sizeof(consts[0]); i++)
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0)
            return -1;
    /* The time zone comes from TZ, as the C library reads it. */
    tzset();
    return kr_init_timezone(m);
}

static int kr_time_traverse(PyObject *m, visitproc visit, void *arg)
{
    kr_time_state *st = kr_time_state_of(m);
    if (st != NULL)
        Py_VISIT(st->struct_time_type);
    return 0;
}

static int kr_time_clear(PyObject *m)
{
    kr_time_state *st = kr_time_state_of(m);
    if (st != NULL)
        Py_CLEAR(st->struct_time_type);
    return 0;
}

static void kr_time_free(void *m)
{
    kr_time_clear((PyObject *)m);
}

static PyModuleDef_Slot kr_time_slots[] = {
    {Py_mod_exec, (void *)kr_time_exec},
    {0, NULL}
};

static struct PyModuleDef kr_time_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "time",
    .m_doc = "This module provides various functions to manipulate time values.",
    .m_size = sizeof(kr_time_state),
    .m_methods = kr_time_methods,
    .m_slots = kr_time_slots,
    .m_traverse = kr_time_traverse,
    .m_clear = kr_time_clear,
    .m_free = kr_time_free,
};

PyMODINIT_FUNC PyInit_time(void)
{
    return PyModuleDef_Init(&kr_time_def);
}
