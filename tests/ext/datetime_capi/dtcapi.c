/* The datetime C API from an extension: PyDateTime_IMPORT, every Check
 * macro, every field macro, every constructor macro and capsule function,
 * and the struct layouts the macros rely on (offsets printed, so the
 * build against Krait's headers must print what CPython's prints). */
#include <Python.h>
#include <datetime.h>
#include <stddef.h>

#define OFF(s, f) Py_BuildValue("(ssn)", #s, #f, (Py_ssize_t)offsetof(s, f))
#define SZ(s) Py_BuildValue("(ssn)", #s, "sizeof", (Py_ssize_t)sizeof(s))

static PyObject *layout(PyObject *self, PyObject *unused)
{
    PyObject *items[] = {
        SZ(PyDateTime_Delta), OFF(PyDateTime_Delta, hashcode), OFF(PyDateTime_Delta, days),
        OFF(PyDateTime_Delta, seconds), OFF(PyDateTime_Delta, microseconds),
        SZ(PyDateTime_TZInfo), SZ(_PyDateTime_BaseTZInfo), OFF(_PyDateTime_BaseTZInfo, hastzinfo),
        SZ(_PyDateTime_BaseTime), OFF(_PyDateTime_BaseTime, data),
        SZ(PyDateTime_Time), OFF(PyDateTime_Time, hashcode), OFF(PyDateTime_Time, hastzinfo),
        OFF(PyDateTime_Time, data), OFF(PyDateTime_Time, fold), OFF(PyDateTime_Time, tzinfo),
        SZ(PyDateTime_Date), OFF(PyDateTime_Date, hashcode), OFF(PyDateTime_Date, hastzinfo),
        OFF(PyDateTime_Date, data),
        SZ(_PyDateTime_BaseDateTime), OFF(_PyDateTime_BaseDateTime, data),
        SZ(PyDateTime_DateTime), OFF(PyDateTime_DateTime, hashcode),
        OFF(PyDateTime_DateTime, hastzinfo), OFF(PyDateTime_DateTime, data),
        OFF(PyDateTime_DateTime, fold), OFF(PyDateTime_DateTime, tzinfo),
        SZ(PyDateTime_CAPI), OFF(PyDateTime_CAPI, DateType), OFF(PyDateTime_CAPI, DateTimeType),
        OFF(PyDateTime_CAPI, TimeType), OFF(PyDateTime_CAPI, DeltaType),
        OFF(PyDateTime_CAPI, TZInfoType), OFF(PyDateTime_CAPI, TimeZone_UTC),
        OFF(PyDateTime_CAPI, Date_FromDate), OFF(PyDateTime_CAPI, DateTime_FromDateAndTime),
        OFF(PyDateTime_CAPI, Time_FromTime), OFF(PyDateTime_CAPI, Delta_FromDelta),
        OFF(PyDateTime_CAPI, TimeZone_FromTimeZone), OFF(PyDateTime_CAPI, DateTime_FromTimestamp),
        OFF(PyDateTime_CAPI, Date_FromTimestamp),
        OFF(PyDateTime_CAPI, DateTime_FromDateAndTimeAndFold),
        OFF(PyDateTime_CAPI, Time_FromTimeAndFold),
    };
    Py_ssize_t n = (Py_ssize_t)(sizeof(items) / sizeof(items[0]));
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, items[i]);
    }
    return Py_BuildValue("(Nii)", list, _PyDateTime_DATE_DATASIZE, _PyDateTime_DATETIME_DATASIZE);
}

static PyObject *import_api(PyObject *self, PyObject *unused)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL)
        return NULL;
    return PyBool_FromLong(PyDateTimeAPI != NULL);
}

static PyObject *checks(PyObject *self, PyObject *o)
{
    return Py_BuildValue("(iiiiiiiiii)", PyDate_Check(o), PyDate_CheckExact(o),
                         PyDateTime_Check(o), PyDateTime_CheckExact(o), PyTime_Check(o),
                         PyTime_CheckExact(o), PyDelta_Check(o), PyDelta_CheckExact(o),
                         PyTZInfo_Check(o), PyTZInfo_CheckExact(o));
}

static PyObject *fields(PyObject *self, PyObject *o)
{
    if (PyDateTime_Check(o))
        return Py_BuildValue("(siiiiiiiiO)", "datetime", PyDateTime_GET_YEAR(o),
                             PyDateTime_GET_MONTH(o), PyDateTime_GET_DAY(o),
                             PyDateTime_DATE_GET_HOUR(o), PyDateTime_DATE_GET_MINUTE(o),
                             PyDateTime_DATE_GET_SECOND(o), PyDateTime_DATE_GET_MICROSECOND(o),
                             PyDateTime_DATE_GET_FOLD(o), PyDateTime_DATE_GET_TZINFO(o));
    if (PyDate_Check(o))
        return Py_BuildValue("(siii)", "date", PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o),
                             PyDateTime_GET_DAY(o));
    if (PyTime_Check(o))
        return Py_BuildValue("(siiiiiO)", "time", PyDateTime_TIME_GET_HOUR(o),
                             PyDateTime_TIME_GET_MINUTE(o), PyDateTime_TIME_GET_SECOND(o),
                             PyDateTime_TIME_GET_MICROSECOND(o), PyDateTime_TIME_GET_FOLD(o),
                             PyDateTime_TIME_GET_TZINFO(o));
    if (PyDelta_Check(o))
        return Py_BuildValue("(siii)", "timedelta", PyDateTime_DELTA_GET_DAYS(o),
                             PyDateTime_DELTA_GET_SECONDS(o), PyDateTime_DELTA_GET_MICROSECONDS(o));
    Py_RETURN_NONE;
}

/* Each constructor in turn; a failing one contributes its exception's
 * type and message instead of a value. */
static PyObject *result(PyObject *list, PyObject *v)
{
    if (v == NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        v = Py_BuildValue("(sO)", ((PyTypeObject *)type)->tp_name, value);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        if (v == NULL)
            return NULL;
    }
    int rc = PyList_Append(list, v);
    Py_DECREF(v);
    return rc < 0 ? NULL : list;
}

/* The repr of o's type, consuming o (timestamps in local time vary). */
static PyObject *type_repr(PyObject *o)
{
    if (o == NULL)
        return NULL;
    PyObject *r = PyObject_Repr((PyObject *)Py_TYPE(o));
    Py_DECREF(o);
    return r;
}

static PyObject *construct(PyObject *self, PyObject *args)
{
    PyObject *tz, *sub_date, *sub_dt;
    if (!PyArg_ParseTuple(args, "OOO", &tz, &sub_date, &sub_dt))
        return NULL;
    PyObject *l = PyList_New(0);
    if (l == NULL)
        return NULL;
    PyObject *off = PyDelta_FromDSU(0, 3600, 0);
    PyObject *zero = PyDateTimeAPI->Delta_FromDelta(0, 0, 0, 1, PyDateTimeAPI->DeltaType);
    PyObject *name = PyUnicode_FromString("ONE");
    PyObject *ts_args = Py_BuildValue("(iO)", 86400 * 365, PyDateTime_TimeZone_UTC);
    PyObject *ts_bad = Py_BuildValue("(s)", "x");
    PyObject *ts_local = Py_BuildValue("(i)", 0);
    if (!off || !zero || !name || !ts_args || !ts_bad || !ts_local)
        goto fail;
#define R(expr) if (result(l, (expr)) == NULL) goto fail
    R(PyDate_FromDate(2020, 2, 29));
    R(PyDate_FromDate(2021, 2, 29));
    R(PyDateTime_FromDateAndTime(2020, 1, 2, 3, 4, 5, 6));
    R(PyDateTime_FromDateAndTime(2020, 1, 2, 24, 4, 5, 6));
    R(PyDateTime_FromDateAndTimeAndFold(2020, 1, 2, 3, 4, 5, 6, 1));
    R(PyDateTime_FromDateAndTimeAndFold(2020, 1, 2, 3, 4, 5, 6, 2));
    R(PyTime_FromTime(1, 2, 3, 4));
    R(PyTime_FromTime(1, 60, 3, 4));
    R(PyTime_FromTimeAndFold(1, 2, 3, 4, 1));
    R(PyDelta_FromDSU(1, 2, 3));
    R(PyDelta_FromDSU(0, 100000, -5));
    R(PyDelta_FromDSU(-1, -1, -1));
    R(PyDelta_FromDSU(1000000000, 0, 0));
    R(PyDateTimeAPI->Delta_FromDelta(1, 2, 3, 0, PyDateTimeAPI->DeltaType));
    R(PyTimeZone_FromOffset(off));
    R(PyTimeZone_FromOffsetAndName(off, name));
    R(PyTimeZone_FromOffset(zero));
    R(Py_NewRef(PyDateTime_TimeZone_UTC));
    R(PyDateTimeAPI->DateTime_FromDateAndTime(2020, 1, 2, 3, 4, 5, 6, tz, PyDateTimeAPI->DateTimeType));
    R(PyDateTimeAPI->DateTime_FromDateAndTime(2020, 1, 2, 3, 4, 5, 6, name, PyDateTimeAPI->DateTimeType));
    R(PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(2020, 1, 2, 3, 4, 5, 6, tz, 1,
                                                     PyDateTimeAPI->DateTimeType));
    R(PyDateTimeAPI->Time_FromTime(1, 2, 3, 4, tz, PyDateTimeAPI->TimeType));
    R(PyDateTimeAPI->Time_FromTimeAndFold(1, 2, 3, 4, tz, 1, PyDateTimeAPI->TimeType));
    R(PyDateTimeAPI->Date_FromDate(2020, 1, 2, (PyTypeObject *)sub_date));
    R(PyDateTimeAPI->DateTime_FromDateAndTime(2020, 1, 2, 3, 4, 5, 6, Py_None,
                                              (PyTypeObject *)sub_dt));
    R(PyDateTime_FromTimestamp(ts_args));
    R(PyDateTime_FromTimestamp(ts_bad));
    R(PyDateTimeAPI->DateTime_FromTimestamp((PyObject *)PyDateTimeAPI->DateTimeType, ts_args,
                                            NULL));
    R(PyDate_FromTimestamp(ts_bad));
    R(type_repr(PyDateTime_FromTimestamp(ts_local)));
    R(type_repr(PyDate_FromTimestamp(ts_local)));
#undef R
    Py_DECREF(off);
    Py_DECREF(zero);
    Py_DECREF(name);
    Py_DECREF(ts_args);
    Py_DECREF(ts_bad);
    Py_DECREF(ts_local);
    return l;
fail:
    Py_XDECREF(off);
    Py_XDECREF(zero);
    Py_XDECREF(name);
    Py_XDECREF(ts_args);
    Py_XDECREF(ts_bad);
    Py_XDECREF(ts_local);
    Py_DECREF(l);
    return NULL;
}

static PyObject *types(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(OOOOOO)", (PyObject *)PyDateTimeAPI->DateType,
                         (PyObject *)PyDateTimeAPI->DateTimeType, (PyObject *)PyDateTimeAPI->TimeType,
                         (PyObject *)PyDateTimeAPI->DeltaType, (PyObject *)PyDateTimeAPI->TZInfoType,
                         PyDateTimeAPI->TimeZone_UTC);
}

static PyMethodDef methods[] = {
    {"layout", layout, METH_NOARGS, NULL},
    {"import_api", import_api, METH_NOARGS, NULL},
    {"checks", checks, METH_O, NULL},
    {"fields", fields, METH_O, NULL},
    {"construct", construct, METH_VARARGS, NULL},
    {"types", types, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "dtcapi", NULL, -1, methods};

PyMODINIT_FUNC PyInit_dtcapi(void)
{
    return PyModule_Create(&mod);
}
