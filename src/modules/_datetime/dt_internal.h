/* dt_internal.h: what the files of the _datetime module share.
 *
 * The module is split by type family: dt_delta.c (timedelta), dt_date.c
 * (calendar arithmetic, date, IsoCalendarDate), dt_time.c (time),
 * dt_datetime.c (datetime), dt_tzinfo.c (tzinfo, timezone, calling tzinfo
 * methods, the local time zone), dt_format.c (isoformat pieces, strftime,
 * the fromisoformat parsers) and dt_module.c (the module, the class
 * constants and the C API capsule).
 *
 * The object layouts are the public ones of include/datetime.h, which
 * extensions read directly.  Every type is a static type, readied once at
 * process start (src/runtime/static_types.c), so the capsule can hand out
 * process-wide type pointers; the class constants (timedelta.min,
 * timezone.utc, ...) are statically allocated immortal objects. */
#ifndef KR_DT_INTERNAL_H
#define KR_DT_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include <time.h>
#include "objects/str_ids.h"
#define _PY_DATETIME_IMPL
#include "datetime.h"

#define KR_DT_MINYEAR 1
#define KR_DT_MAXYEAR 9999
#define KR_DT_MAXORDINAL 3652059        /* date(9999, 12, 31).toordinal() */
#define KR_DT_MAX_DELTA_DAYS 999999999

typedef struct {
    PyObject_HEAD
    PyObject *offset;   /* a timedelta strictly inside (-24h, 24h) */
    PyObject *name;     /* str, or NULL for the default "UTC+HH:MM" name */
} kr_dt_timezone;

extern PyTypeObject kr_dt_delta_type, kr_dt_date_type, kr_dt_time_type, kr_dt_datetime_type,
    kr_dt_tzinfo_type, kr_dt_timezone_type, kr_dt_isocal_type;

/* The static immortal singletons (dt_module.c). */
extern PyDateTime_Delta kr_dt_delta_zero;
extern kr_dt_timezone kr_dt_utc;
extern PyDateTime_DateTime kr_dt_epoch;   /* 1970-01-01T00:00+00:00 */
#define KR_DT_UTC ((PyObject *)&kr_dt_utc)

static inline int kr_dt_delta_is_zero(PyObject *d)
{
    return ((PyDateTime_Delta *)(d))->days == 0 && ((PyDateTime_Delta *)(d))->seconds == 0 && ((PyDateTime_Delta *)(d))->microseconds == 0;
}

#define KR_DT_DELTA_CHECK(o) PyObject_TypeCheck((o), &kr_dt_delta_type)
#define KR_DT_DATE_CHECK(o) PyObject_TypeCheck((o), &kr_dt_date_type)
#define KR_DT_TIME_CHECK(o) PyObject_TypeCheck((o), &kr_dt_time_type)
#define KR_DT_DATETIME_CHECK(o) PyObject_TypeCheck((o), &kr_dt_datetime_type)
#define KR_DT_TZINFO_CHECK(o) PyObject_TypeCheck((o), &kr_dt_tzinfo_type)

#define KR_TD(o) ((PyDateTime_Delta *)(o))
#define KR_DATE(o) ((PyDateTime_Date *)(o))
#define KR_TIME(o) ((PyDateTime_Time *)(o))
#define KR_DT(o) ((PyDateTime_DateTime *)(o))
/* The tzinfo of a time or datetime, None when it has no slot (borrowed). */
#define KR_TZ(o) (_PyDateTime_HAS_TZINFO(o) ? KR_DT(o)->tzinfo : Py_None)
#define KR_TIME_TZ(o) (_PyDateTime_HAS_TZINFO(o) ? KR_TIME(o)->tzinfo : Py_None)

/* Field access on the packed data bytes. */
#define KR_YEAR(o) PyDateTime_GET_YEAR(o)
#define KR_MONTH(o) PyDateTime_GET_MONTH(o)
#define KR_DAY(o) PyDateTime_GET_DAY(o)

/* ---- calendar (dt_date.c) ---- */
int kr_dt_is_leap(int year);
int kr_dt_days_in_month(int year, int month);
int kr_dt_days_before_month(int year, int month);
int kr_dt_ymd_to_ord(int year, int month, int day);
void kr_dt_ord_to_ymd(int ordinal, int *year, int *month, int *day);
int kr_dt_weekday(int year, int month, int day);          /* Monday == 0 */
int kr_dt_iso_week1_monday(int year);
/* 0, or -2 for a bad week, -3 for a bad weekday. */
int kr_dt_iso_to_ymd(int iso_year, int week, int wday, int *year, int *month, int *day);
/* Adds days to a valid date; -1 with OverflowError outside the range. */
int kr_dt_add_days(int *year, int *month, int *day, long long ndays);
/* Validates a date: -1 with ValueError and CPython's message. */
int kr_dt_check_date(int year, int month, int day);
int kr_dt_check_time(int h, int m, int s, int us, int fold);
int kr_dt_check_tzinfo(PyObject *tzinfo);

/* ---- int arguments with getargs' "i" messages (dt_date.c) ---- */
int kr_dt_as_int(PyObject *o, int *out);

/* ---- constructor calls (dt_date.c) ---- */
/* The generic call of a type (tp_new and tp_init from a tuple and dict),
 * which the types' vectorcall fast paths fall back to. */
PyObject *kr_dt_call_slow(PyObject *type, PyObject *const *args, size_t nargsf,
                          PyObject *kwnames);
/* Reads n exact small ints into out; 0 when one is something else. */
int kr_dt_exact_ints(PyObject *const *args, Py_ssize_t n, int *out);

/* ---- shared by date, time and datetime (dt_date.c, dt_time.c) ---- */
/* A pickle state argument: bytes (or a latin-1 str) of the given size
 * whose month byte (if month_index >= 0) is sane; a new bytes, or NULL
 * without an exception when arg is something else. */
PyObject *kr_dt_state_bytes(PyObject *arg, Py_ssize_t size, int month_index);
/* A time or datetime object with hastzinfo and hashcode set, the short
 * naive layout for the exact type (new reference). */
PyObject *kr_dt_alloc_tz(PyTypeObject *type, PyTypeObject *exact, size_t naive_size, int aware);
/* The struct tm strftime gets, and time.struct_time for timetuple(). */
void kr_dt_fill_tm(struct tm *tm, int y, int m, int d, int hh, int mm, int ss, int isdst);
PyObject *kr_dt_struct_time(int y, int m, int d, int hh, int mm, int ss, int isdst);
/* A timestamp as whole seconds and microseconds (floor or half-even). */
int kr_dt_split_timestamp(PyObject *obj, int half_even, long long *sec, int *us);
/* The fold of a datetime read from localtime at POSIX time t. */
int kr_dt_local_fold(long long t, const struct tm *tm, int *fold);

/* ---- constructors; all return new references ---- */
PyObject *kr_dt_new_delta(int days, int seconds, int us, int normalize, PyTypeObject *type);
/* Builds a timedelta from a total of microseconds (a Python int). */
PyObject *kr_dt_delta_from_us(PyObject *us, PyTypeObject *type);
PyObject *kr_dt_delta_to_us(PyObject *delta);
int kr_dt_delta_cmp(PyObject *a, PyObject *b);
PyObject *kr_dt_new_date(int y, int m, int d, PyTypeObject *type);
PyObject *kr_dt_new_date_cls(int y, int m, int d, PyObject *cls);
PyObject *kr_dt_new_time(int h, int mi, int s, int us, PyObject *tzinfo, int fold,
                         PyTypeObject *type);
PyObject *kr_dt_new_datetime(int y, int mo, int d, int h, int mi, int s, int us,
                             PyObject *tzinfo, int fold, PyTypeObject *type);
/* Through cls(...) when cls is a subclass, as CPython does. */
PyObject *kr_dt_new_datetime_cls(int y, int mo, int d, int h, int mi, int s, int us,
                                 PyObject *tzinfo, int fold, PyObject *cls);
PyObject *kr_dt_new_timezone(PyObject *offset, PyObject *name);
PyObject *kr_dt_isocal_new(int year, int week, int weekday);
/* datetime + days/seconds/us, keeping tzinfo; result of the given type. */
PyObject *kr_dt_datetime_add(PyObject *dt, int days, int seconds, int us, int negate);
PyObject *kr_dt_datetime_from_timet(PyObject *cls, long long t, int us, PyObject *tzinfo,
                                    int utc);
PyObject *kr_dt_datetime_from_timestamp(PyObject *cls, PyObject *timestamp, PyObject *tzinfo,
                                        int utc);
PyObject *kr_dt_date_from_timestamp(PyObject *cls, PyObject *timestamp);
/* datetime.fromtimestamp(timestamp, tz=None) with tuple/dict arguments,
 * as the capsule's DateTime_FromTimestamp takes them. */
PyObject *kr_dt_datetime_fromtimestamp(PyObject *cls, PyObject *args, PyObject *kw);

/* ---- tzinfo calls (dt_tzinfo.c) ---- */
/* tzinfo.utcoffset(arg) / dst(arg): None or a timedelta inside (-24h, 24h),
 * checked with CPython's messages.  New reference. */
PyObject *kr_dt_call_utcoffset(PyObject *tzinfo, PyObject *arg);
PyObject *kr_dt_call_dst(PyObject *tzinfo, PyObject *arg);
PyObject *kr_dt_call_tzname(PyObject *tzinfo, PyObject *arg);
/* The local time zone in effect at POSIX time t, as a timezone. */
PyObject *kr_dt_local_timezone_at(long long t);
/* Seconds since 0001-01-01 of a naive local time (fold picks the earlier
 * or later of an ambiguous pair), as datetime.timestamp() needs. */
int kr_dt_local_to_seconds(int y, int m, int d, int hh, int mm, int ss, int fold,
                           long long *out);
int kr_dt_localtime(long long t, struct tm *out);
int kr_dt_gmtime(long long t, struct tm *out);
#define KR_DT_EPOCH_SECONDS (719163LL * 24 * 60 * 60)

/* ---- formatting (dt_format.c) ---- */
/* Appends "+HH:MM[:SS[.ffffff]]" (sep between fields) for the offset of
 * tzinfo at arg; nothing when the offset is None.  Returns 0 or -1. */
int kr_dt_format_utcoffset(char *buf, size_t bufsize, const char *sep, PyObject *tzinfo,
                           PyObject *arg);
/* ctime()-style "Wed Jan  1 00:00:00 2020". */
PyObject *kr_dt_format_ctime(int y, int m, int d, int hh, int mm, int ss);
/* The timespec names of isoformat(): index into the time part's length,
 * or -1 with ValueError. */
int kr_dt_parse_timespec(PyObject *timespec, int us, int argnum);
int kr_dt_format_time(char *buf, size_t size, int hh, int mm, int ss, int us, int spec);
/* strftime for date, time and datetime: %z, %Z and %f are replaced here,
 * the rest goes to the C library.  New reference. */
PyObject *kr_dt_strftime(PyObject *self, PyObject *format, const struct tm *tm, int us,
                         PyObject *tzinfo, PyObject *tzarg);
/* __format__(fmt): str(self) for an empty format, else strftime. */
PyObject *kr_dt_format_method(PyObject *self, PyObject *args);
/* The format argument of strftime(), with getargs' messages. */
int kr_dt_strftime_arg(PyObject *args, PyObject *kw, PyObject **fmt);
/* fromisoformat parsers: 0 on success, < 0 when the text is invalid. */
int kr_dt_parse_iso_date(const char *s, Py_ssize_t len, int *y, int *m, int *d);
int kr_dt_parse_iso_time(const char *s, Py_ssize_t len, int *h, int *mi, int *sec, int *us,
                         int *tzoffset, int *tzus);
Py_ssize_t kr_dt_iso_separator(const char *s, Py_ssize_t len);
PyObject *kr_dt_tzinfo_from_iso(int rv, int tzoffset, int tzus);
PyObject *kr_dt_invalid_iso(PyObject *str);

/* ---- shared pieces ---- */
PyObject *kr_dt_cmperror(PyObject *a, PyObject *b);
PyObject *kr_dt_diff_to_bool(int diff, int op);
Py_hash_t kr_dt_cache_hash(Py_hash_t *slot, PyObject *self, Py_hash_t h);
/* A type name as getargs' messages show it ("None" for None). */
static inline const char *kr_dt_type_name(PyObject *o)
{
    return o == Py_None ? "None" : Py_TYPE(o)->tp_name;
}
/* Adds ", name=value)" in place of the final ")" of a repr. */
PyObject *kr_dt_repr_append(PyObject *repr, const char *name, PyObject *value);

/* The pickle state of a time (6 data bytes) or datetime (10): the bytes,
 * with the fold in the top bit of the hour byte `fold_at` for protocols
 * above 3 (CPython's format), then the tzinfo if there is one.  New
 * reference. */
PyObject *kr_dt_pickle_state(const unsigned char *data, int size, int fold_at, int fold,
                             PyObject *tzinfo, int proto);

#endif
