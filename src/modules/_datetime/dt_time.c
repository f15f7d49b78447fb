/* dt_time.c: datetime.time, a time of day with an optional tzinfo and the
 * PEP 495 fold.
 *
 * As in CPython, a naive time of the exact type is allocated without the
 * tzinfo slot (_PyDateTime_BaseTime, hastzinfo == 0); extensions test
 * hastzinfo before reading the slot.  Subclass instances always have the
 * full layout. */
#include "internal.h"
#include "modules/_datetime/dt_internal.h"
#include "capi/argparse.h"
#include <time.h>

#define HOUR(o) PyDateTime_TIME_GET_HOUR(o)
#define MINUTE(o) PyDateTime_TIME_GET_MINUTE(o)
#define SECOND(o) PyDateTime_TIME_GET_SECOND(o)
#define USEC(o) PyDateTime_TIME_GET_MICROSECOND(o)
#define FOLD(o) PyDateTime_TIME_GET_FOLD(o)

/* Allocates a time or datetime: the short layout for a naive object of
 * the exact static type, the type's full layout otherwise. */
PyObject *kr_dt_alloc_tz(PyTypeObject *type, PyTypeObject *exact, size_t naive_size,
                         int aware)
{
    PyObject *self;
    if (type == exact) {
        self = (PyObject *)PyObject_Malloc(aware ? (size_t)type->tp_basicsize : naive_size);
        if (self == NULL)
            return PyErr_NoMemory();
        PyObject_Init(self, type);
    }
    else {
        self = type->tp_alloc(type, 0);
        if (self == NULL)
            return NULL;
    }
    ((_PyDateTime_BaseTZInfo *)self)->hastzinfo = (char)aware;
    ((_PyDateTime_BaseTZInfo *)self)->hashcode = -1;
    return self;
}

PyObject *kr_dt_new_time(int h, int mi, int s, int us, PyObject *tzinfo, int fold,
                         PyTypeObject *type)
{
    if (kr_dt_check_time(h, mi, s, us, fold) < 0 || kr_dt_check_tzinfo(tzinfo) < 0)
        return NULL;
    int aware = tzinfo != Py_None;
    PyObject *self = kr_dt_alloc_tz(type, &kr_dt_time_type, sizeof(_PyDateTime_BaseTime), aware);
    if (self == NULL)
        return NULL;
    PyDateTime_Time *t = KR_TIME(self);
    t->data[0] = (unsigned char)h;
    t->data[1] = (unsigned char)mi;
    t->data[2] = (unsigned char)s;
    t->data[3] = (unsigned char)(us >> 16);
    t->data[4] = (unsigned char)((us >> 8) & 0xff);
    t->data[5] = (unsigned char)(us & 0xff);
    t->fold = (unsigned char)fold;
    if (aware)
        t->tzinfo = Py_NewRef(tzinfo);
    return self;
}

static PyObject *new_time_cls(int h, int mi, int s, int us, PyObject *tzinfo, PyObject *cls)
{
    if ((PyTypeObject *)cls == &kr_dt_time_type)
        return kr_dt_new_time(h, mi, s, us, tzinfo, 0, &kr_dt_time_type);
    return PyObject_CallFunction(cls, "iiiiO", h, mi, s, us, tzinfo);
}

static PyObject *time_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if ((n == 1 || n == 2) && (kw == NULL || PyDict_GET_SIZE(kw) == 0)) {
        PyObject *state = kr_dt_state_bytes(PyTuple_GET_ITEM(args, 0), 6, -1);
        if (state != NULL && (((unsigned char)PyBytes_AS_STRING(state)[0]) & 0x7f) < 24) {
            PyObject *tzinfo = n == 2 ? PyTuple_GET_ITEM(args, 1) : Py_None;
            if (tzinfo != Py_None && !KR_DT_TZINFO_CHECK(tzinfo)) {
                Py_DECREF(state);
                PyErr_SetString(PyExc_TypeError, "bad tzinfo state arg");
                return NULL;
            }
            PyObject *self = kr_dt_alloc_tz(type, &kr_dt_time_type, sizeof(_PyDateTime_BaseTime),
                                            tzinfo != Py_None);
            if (self != NULL) {
                unsigned char *data = KR_TIME(self)->data;
                memcpy(data, PyBytes_AS_STRING(state), 6);
                KR_TIME(self)->fold = data[0] >> 7;
                data[0] &= 0x7f;
                if (tzinfo != Py_None)
                    KR_TIME(self)->tzinfo = Py_NewRef(tzinfo);
            }
            Py_DECREF(state);
            return self;
        }
        Py_XDECREF(state);
    }
    static const char *const kwlist[] = {"hour", "minute", "second", "microsecond", "tzinfo",
                                         "fold", NULL};
    int h = 0, m = 0, s = 0, us = 0, fold = 0;
    PyObject *tzinfo = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|iiiiO$i", (char **)kwlist, &h, &m, &s, &us,
                                     &tzinfo, &fold))
        return NULL;
    return kr_dt_new_time(h, m, s, us, tzinfo, fold, type);
}

static void time_dealloc(PyObject *self)
{
    if (_PyDateTime_HAS_TZINFO(self))
        Py_XDECREF(KR_TIME(self)->tzinfo);
    Py_TYPE(self)->tp_free(self);
}

/* ---- tzinfo queries ---- */

static PyObject *time_utcoffset(PyObject *self, PyObject *unused)
{
    return kr_dt_call_utcoffset(KR_TIME_TZ(self), Py_None);
}

static PyObject *time_dst(PyObject *self, PyObject *unused)
{
    return kr_dt_call_dst(KR_TIME_TZ(self), Py_None);
}

static PyObject *time_tzname(PyObject *self, PyObject *unused)
{
    return kr_dt_call_tzname(KR_TIME_TZ(self), Py_None);
}

/* ---- comparison and hash ---- */

static PyObject *time_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!KR_DT_TIME_CHECK(b))
        Py_RETURN_NOTIMPLEMENTED;
    if (KR_TIME_TZ(a) == KR_TIME_TZ(b))
        return kr_dt_diff_to_bool(memcmp(KR_TIME(a)->data, KR_TIME(b)->data, 6), op);
    PyObject *o1 = time_utcoffset(a, NULL);
    if (o1 == NULL)
        return NULL;
    PyObject *o2 = time_utcoffset(b, NULL);
    if (o2 == NULL) {
        Py_DECREF(o1);
        return NULL;
    }
    PyObject *res = NULL;
    if (o1 == o2 || (o1 != Py_None && o2 != Py_None && kr_dt_delta_cmp(o1, o2) == 0))
        res = kr_dt_diff_to_bool(memcmp(KR_TIME(a)->data, KR_TIME(b)->data, 6), op);
    else if (o1 != Py_None && o2 != Py_None) {
        /* The offsets' microseconds do not take part, as in CPython. */
        long s1 = HOUR(a) * 3600L + MINUTE(a) * 60 + SECOND(a) - KR_TD(o1)->days * 86400L -
                  KR_TD(o1)->seconds;
        long s2 = HOUR(b) * 3600L + MINUTE(b) * 60 + SECOND(b) - KR_TD(o2)->days * 86400L -
                  KR_TD(o2)->seconds;
        long diff = s1 - s2;
        if (diff == 0)
            diff = USEC(a) - USEC(b);
        res = kr_dt_diff_to_bool(diff < 0 ? -1 : diff > 0, op);
    }
    else if (op == Py_EQ)
        res = Py_NewRef(Py_False);
    else if (op == Py_NE)
        res = Py_NewRef(Py_True);
    else
        PyErr_SetString(PyExc_TypeError, "can't compare offset-naive and offset-aware times");
    Py_DECREF(o1);
    Py_DECREF(o2);
    return res;
}

static Py_hash_t time_hash(PyObject *self)
{
    PyDateTime_Time *t = KR_TIME(self);
    if (t->hashcode != -1)
        return t->hashcode;
    /* The offset is asked with None, so fold cannot change it. */
    PyObject *offset = time_utcoffset(self, NULL);
    if (offset == NULL)
        return -1;
    Py_hash_t h;
    if (offset == Py_None)
        h = _Py_HashBytes(t->data, 6);
    else {
        PyObject *local = kr_dt_new_delta(0, HOUR(self) * 3600 + MINUTE(self) * 60 + SECOND(self),
                                          USEC(self), 1, &kr_dt_delta_type);
        PyObject *utc = local ? PyNumber_Subtract(local, offset) : NULL;
        Py_XDECREF(local);
        h = utc ? PyObject_Hash(utc) : -1;
        Py_XDECREF(utc);
    }
    Py_DECREF(offset);
    return kr_dt_cache_hash(&t->hashcode, self, h);
}

/* ---- formatting ---- */

static PyObject *time_repr(PyObject *self)
{
    const char *name = Py_TYPE(self)->tp_name;
    PyObject *r;
    if (USEC(self))
        r = PyUnicode_FromFormat("%s(%d, %d, %d, %d)", name, HOUR(self), MINUTE(self),
                                 SECOND(self), USEC(self));
    else if (SECOND(self))
        r = PyUnicode_FromFormat("%s(%d, %d, %d)", name, HOUR(self), MINUTE(self), SECOND(self));
    else
        r = PyUnicode_FromFormat("%s(%d, %d)", name, HOUR(self), MINUTE(self));
    if (r != NULL && KR_TIME_TZ(self) != Py_None)
        r = kr_dt_repr_append(r, "tzinfo", KR_TIME_TZ(self));
    if (r != NULL && FOLD(self)) {
        PyObject *one = PyLong_FromLong(1);
        r = one ? kr_dt_repr_append(r, "fold", one) : NULL;
        Py_XDECREF(one);
    }
    return r;
}

static PyObject *time_isoformat_impl(PyObject *self, PyObject *timespec)
{
    int spec = kr_dt_parse_timespec(timespec, USEC(self), 1);
    if (spec < 0)
        return NULL;
    char buf[80];
    int n = kr_dt_format_time(buf, sizeof(buf), HOUR(self), MINUTE(self), SECOND(self),
                              USEC(self), spec);
    if (kr_dt_format_utcoffset(buf + n, sizeof(buf) - n, ":", KR_TIME_TZ(self), Py_None) < 0)
        return NULL;
    return PyUnicode_FromString(buf);
}

static PyObject *time_isoformat(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    static const char *const names[] = {"timespec", NULL};
    static const kr_argspec spec = {"isoformat", names, 0, 0, 1};
    PyObject *timespec;
    if (kr_args_unpack(&spec, args, nargs, kwnames, &timespec) < 0)
        return NULL;
    return time_isoformat_impl(self, timespec);
}

static PyObject *time_str(PyObject *self)
{
    return PyObject_CallMethod(self, "isoformat", NULL);
}

static PyObject *time_strftime(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *fmt;
    if (kr_dt_strftime_arg(args, kw, &fmt) < 0)
        return NULL;
    struct tm tm;
    kr_dt_fill_tm(&tm, 1900, 1, 1, HOUR(self), MINUTE(self), SECOND(self), -1);
    return kr_dt_strftime(self, fmt, &tm, USEC(self), KR_TIME_TZ(self), Py_None);
}

/* ---- other methods ---- */

static PyObject *time_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const names[] = {"hour", "minute", "second", "microsecond", "tzinfo",
                                        "fold", NULL};
    static const kr_argspec spec = {"replace", names, 0, 0, 5};
    PyObject *a[6];
    int v[4] = {HOUR(self), MINUTE(self), SECOND(self), USEC(self)};
    int fold = FOLD(self);
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 4; i++)
        if (a[i] != NULL && kr_dt_as_int(a[i], &v[i]) < 0)
            return NULL;
    if (a[5] != NULL && kr_dt_as_int(a[5], &fold) < 0)
        return NULL;
    return kr_dt_new_time(v[0], v[1], v[2], v[3], a[4] ? a[4] : KR_TIME_TZ(self), fold,
                          Py_TYPE(self));
}

static PyObject *time_fromisoformat(PyObject *cls, PyObject *str)
{
    if (!PyUnicode_Check(str)) {
        PyErr_SetString(PyExc_TypeError, "fromisoformat: argument must be str");
        return NULL;
    }
    Py_ssize_t len;
    const char *p = PyUnicode_AsUTF8AndSize(str, &len);
    if (p == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return NULL;
        PyErr_Clear();
        return kr_dt_invalid_iso(str);
    }
    /* ISO 8601 puts a T before a lone time; it may be left out. */
    if (*p == 'T') {
        p++;
        len--;
    }
    int h = 0, m = 0, s = 0, us = 0, tzoff = 0, tzus = 0;
    int rv = kr_dt_parse_iso_time(p, len, &h, &m, &s, &us, &tzoff, &tzus);
    if (rv < 0)
        return kr_dt_invalid_iso(str);
    PyObject *tzinfo = kr_dt_tzinfo_from_iso(rv, tzoff, tzus);
    if (tzinfo == NULL)
        return NULL;
    PyObject *res = new_time_cls(h, m, s, us, tzinfo, cls);
    Py_DECREF(tzinfo);
    return res;
}

static PyObject *time_getstate(PyObject *self, int proto)
{
    return kr_dt_pickle_state(KR_TIME(self)->data, 6, 0, FOLD(self), KR_TIME_TZ(self), proto);
}

static PyObject *time_reduce_ex(PyObject *self, PyObject *args)
{
    int proto;
    if (!PyArg_ParseTuple(args, "i:__reduce_ex__", &proto))
        return NULL;
    return Py_BuildValue("(ON)", (PyObject *)Py_TYPE(self), time_getstate(self, proto));
}

static PyObject *time_reduce(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ON)", (PyObject *)Py_TYPE(self), time_getstate(self, 2));
}

static PyObject *time_get_hour(PyObject *self, void *c) { return PyLong_FromLong(HOUR(self)); }
static PyObject *time_get_minute(PyObject *self, void *c) { return PyLong_FromLong(MINUTE(self)); }
static PyObject *time_get_second(PyObject *self, void *c) { return PyLong_FromLong(SECOND(self)); }
static PyObject *time_get_us(PyObject *self, void *c) { return PyLong_FromLong(USEC(self)); }
static PyObject *time_get_fold(PyObject *self, void *c) { return PyLong_FromLong(FOLD(self)); }
static PyObject *time_get_tzinfo(PyObject *self, void *c) { return Py_NewRef(KR_TIME_TZ(self)); }

static PyGetSetDef time_getset[] = {
    {"hour", time_get_hour, NULL, NULL, NULL},
    {"minute", time_get_minute, NULL, NULL, NULL},
    {"second", time_get_second, NULL, NULL, NULL},
    {"microsecond", time_get_us, NULL, NULL, NULL},
    {"tzinfo", time_get_tzinfo, NULL, NULL, NULL},
    {"fold", time_get_fold, NULL, NULL, NULL},
    {NULL}
};

static PyMethodDef time_methods[] = {
    {"isoformat", (PyCFunction)(void (*)(void))time_isoformat, METH_FASTCALL | METH_KEYWORDS,
     "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."},
    {"strftime", (PyCFunction)(void (*)(void))time_strftime, METH_VARARGS | METH_KEYWORDS,
     "format -> strftime() style string."},
    {"__format__", kr_dt_format_method, METH_VARARGS, "Formats self with strftime."},
    {"utcoffset", time_utcoffset, METH_NOARGS, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", time_tzname, METH_NOARGS, "Return self.tzinfo.tzname(self)."},
    {"dst", time_dst, METH_NOARGS, "Return self.tzinfo.dst(self)."},
    {"replace", (PyCFunction)(void (*)(void))time_replace, METH_FASTCALL | METH_KEYWORDS,
     "Return time with new specified fields."},
    {"fromisoformat", time_fromisoformat, METH_O | METH_CLASS,
     "string -> time from a string in ISO 8601 format"},
    {"__reduce_ex__", time_reduce_ex, METH_VARARGS, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", time_reduce, METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL}
};

PyTypeObject kr_dt_time_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.time",
    .tp_basicsize = sizeof(PyDateTime_Time),
    .tp_dealloc = time_dealloc,
    .tp_repr = time_repr,
    .tp_hash = time_hash,
    .tp_str = time_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\n"
              "All arguments are optional. tzinfo may be None, or an instance of\n"
              "a tzinfo subclass. The remaining arguments may be ints.\n",
    .tp_richcompare = time_richcompare,
    .tp_methods = time_methods,
    .tp_getset = time_getset,
    .tp_new = time_new,
};
