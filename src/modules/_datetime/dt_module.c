/* dt_module.c: the _datetime module (which the standard library's
 * datetime.py star-imports over its pure-Python classes), the class
 * constants (timedelta.min, date.max, timezone.utc, ...) and the
 * "datetime.datetime_CAPI" capsule of include/datetime.h.
 *
 * The constants are statically allocated immortal objects, shared by every
 * context like the static types themselves; nothing ever writes to them
 * (hashes are not cached in immortal objects).  They enter the types'
 * dicts once per process, on the first import in any context, with no
 * context current so that the dicts' storage comes from the process-wide
 * allocator like the rest of the static types' dicts.  The capsule's table
 * is a process-wide constant. */
#include "internal.h"
#include "modules/_datetime/dt_internal.h"

/* ---- the constants ---- */

#define DELTA(d, s, us) {PyObject_HEAD_INIT(&kr_dt_delta_type) -1, (d), (s), (us)}

PyDateTime_Delta kr_dt_delta_zero = DELTA(0, 0, 0);
static PyDateTime_Delta delta_min = DELTA(-KR_DT_MAX_DELTA_DAYS, 0, 0);
static PyDateTime_Delta delta_max = DELTA(KR_DT_MAX_DELTA_DAYS, 86399, 999999);
static PyDateTime_Delta delta_resolution = DELTA(0, 0, 1);
static PyDateTime_Delta delta_one_day = DELTA(1, 0, 0);
static PyDateTime_Delta delta_tz_min = DELTA(-1, 60, 0);        /* -23:59 */
static PyDateTime_Delta delta_tz_max = DELTA(0, 86340, 0);      /* +23:59 */

kr_dt_timezone kr_dt_utc = {PyObject_HEAD_INIT(&kr_dt_timezone_type)(PyObject *)&kr_dt_delta_zero,
                            NULL};
static kr_dt_timezone tz_min = {PyObject_HEAD_INIT(&kr_dt_timezone_type)(PyObject *)&delta_tz_min,
                                NULL};
static kr_dt_timezone tz_max = {PyObject_HEAD_INIT(&kr_dt_timezone_type)(PyObject *)&delta_tz_max,
                                NULL};

static PyDateTime_Date date_min = {PyObject_HEAD_INIT(&kr_dt_date_type) - 1, 0, {0, 1, 1, 1}};
static PyDateTime_Date date_max = {PyObject_HEAD_INIT(&kr_dt_date_type) - 1, 0,
                                   {0x27, 0x0f, 12, 31}};   /* 9999-12-31 */

static PyDateTime_Time time_min = {PyObject_HEAD_INIT(&kr_dt_time_type) - 1, 0, {0, 0, 0, 0, 0, 0},
                                   0, NULL};
static PyDateTime_Time time_max = {PyObject_HEAD_INIT(&kr_dt_time_type) - 1, 0,
                                   {23, 59, 59, 0x0f, 0x42, 0x3f}, 0, NULL};   /* .999999 */

static PyDateTime_DateTime datetime_min = {PyObject_HEAD_INIT(&kr_dt_datetime_type) - 1, 0,
                                           {0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, 0, NULL};
static PyDateTime_DateTime datetime_max = {PyObject_HEAD_INIT(&kr_dt_datetime_type) - 1, 0,
                                           {0x27, 0x0f, 12, 31, 23, 59, 59, 0x0f, 0x42, 0x3f}, 0,
                                           NULL};
/* 1970-01-01T00:00+00:00, for timestamp() and the local time zone. */
PyDateTime_DateTime kr_dt_epoch = {PyObject_HEAD_INIT(&kr_dt_datetime_type) - 1, 1,
                                   {0x07, 0xb2, 1, 1, 0, 0, 0, 0, 0, 0}, 0,
                                   (PyObject *)&kr_dt_utc};

typedef struct {
    PyTypeObject *type;
    int name;   /* 0 min, 1 max, 2 resolution, 3 utc */
    PyObject *value;
} kr_dt_class_const;

static const kr_dt_class_const class_consts[] = {
    {&kr_dt_delta_type, 0, (PyObject *)&delta_min},
    {&kr_dt_delta_type, 1, (PyObject *)&delta_max},
    {&kr_dt_delta_type, 2, (PyObject *)&delta_resolution},
    {&kr_dt_date_type, 0, (PyObject *)&date_min},
    {&kr_dt_date_type, 1, (PyObject *)&date_max},
    {&kr_dt_date_type, 2, (PyObject *)&delta_one_day},
    {&kr_dt_time_type, 0, (PyObject *)&time_min},
    {&kr_dt_time_type, 1, (PyObject *)&time_max},
    {&kr_dt_time_type, 2, (PyObject *)&delta_resolution},
    {&kr_dt_datetime_type, 0, (PyObject *)&datetime_min},
    {&kr_dt_datetime_type, 1, (PyObject *)&datetime_max},
    {&kr_dt_datetime_type, 2, (PyObject *)&delta_resolution},
    {&kr_dt_timezone_type, 3, (PyObject *)&kr_dt_utc},
    {&kr_dt_timezone_type, 0, (PyObject *)&tz_min},
    {&kr_dt_timezone_type, 1, (PyObject *)&tz_max},
};

/* Process start-up (static_types.c's set-up hooks): the class constants
 * go into the types' dicts after the types are readied and before they
 * are made immortal, so they never change afterwards.  No context exists
 * yet: the dicts grow in process-wide memory like the rest of the static
 * types'.  Returns 0, or -1 with an exception set. */
int kr_dt_static_init(void)
{
    PyObject *names[4] = {KR_ID(min), KR_ID(max), KR_ID(resolution), KR_ID(utc)};
    for (size_t i = 0; i < sizeof(class_consts) / sizeof(class_consts[0]); i++) {
        const kr_dt_class_const *c = &class_consts[i];
        if (PyDict_SetItem(c->type->tp_dict, names[c->name], c->value) < 0)
            return -1;
    }
    return 0;
}

PyObject *kr_dt_pickle_state(const unsigned char *data, int size, int fold_at, int fold,
                             PyObject *tzinfo, int proto)
{
    unsigned char buf[10];
    memcpy(buf, data, (size_t)size);
    if (proto > 3 && fold)
        buf[fold_at] |= 0x80;
    PyObject *b = PyBytes_FromStringAndSize((const char *)buf, size);
    if (b == NULL)
        return NULL;
    if (tzinfo == Py_None)
        return Py_BuildValue("(N)", b);
    return Py_BuildValue("(NO)", b, tzinfo);
}

/* ---- the C API ---- */

static PyObject *capi_date(int y, int m, int d, PyTypeObject *type)
{
    return kr_dt_new_date(y, m, d, type);
}

static PyObject *capi_datetime(int y, int mo, int d, int h, int mi, int s, int us,
                               PyObject *tzinfo, PyTypeObject *type)
{
    return kr_dt_new_datetime(y, mo, d, h, mi, s, us, tzinfo, 0, type);
}

static PyObject *capi_datetime_fold(int y, int mo, int d, int h, int mi, int s, int us,
                                    PyObject *tzinfo, int fold, PyTypeObject *type)
{
    return kr_dt_new_datetime(y, mo, d, h, mi, s, us, tzinfo, fold, type);
}

static PyObject *capi_time(int h, int mi, int s, int us, PyObject *tzinfo, PyTypeObject *type)
{
    return kr_dt_new_time(h, mi, s, us, tzinfo, 0, type);
}

static PyObject *capi_time_fold(int h, int mi, int s, int us, PyObject *tzinfo, int fold,
                                PyTypeObject *type)
{
    return kr_dt_new_time(h, mi, s, us, tzinfo, fold, type);
}

static PyObject *capi_timezone(PyObject *offset, PyObject *name)
{
    return kr_dt_new_timezone(offset, name);
}

static PyObject *capi_date_from_timestamp(PyObject *cls, PyObject *args)
{
    PyObject *timestamp;
    if (!PyArg_ParseTuple(args, "O:fromtimestamp", &timestamp))
        return NULL;
    return kr_dt_date_from_timestamp(cls, timestamp);
}

static const PyDateTime_CAPI kr_dt_capi = {
    &kr_dt_date_type,
    &kr_dt_datetime_type,
    &kr_dt_time_type,
    &kr_dt_delta_type,
    &kr_dt_tzinfo_type,
    (PyObject *)&kr_dt_utc,
    capi_date,
    capi_datetime,
    capi_time,
    kr_dt_new_delta,
    capi_timezone,
    kr_dt_datetime_fromtimestamp,
    capi_date_from_timestamp,
    capi_datetime_fold,
    capi_time_fold,
};

/* ---- the module ---- */

static int datetime_exec(PyObject *m)
{
    static const struct {
        const char *name;
        PyTypeObject *type;
    } types[] = {
        {"date", &kr_dt_date_type},         {"datetime", &kr_dt_datetime_type},
        {"time", &kr_dt_time_type},         {"timedelta", &kr_dt_delta_type},
        {"tzinfo", &kr_dt_tzinfo_type},     {"timezone", &kr_dt_timezone_type},
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (PyModule_AddObjectRef(m, types[i].name, (PyObject *)types[i].type) < 0)
            return -1;
    if (PyModule_AddIntConstant(m, "MINYEAR", KR_DT_MINYEAR) < 0 ||
        PyModule_AddIntConstant(m, "MAXYEAR", KR_DT_MAXYEAR) < 0 ||
        PyModule_AddObjectRef(m, "UTC", KR_DT_UTC) < 0)
        return -1;
    PyObject *capsule = PyCapsule_New((void *)&kr_dt_capi, PyDateTime_CAPSULE_NAME, NULL);
    if (capsule == NULL)
        return -1;
    if (PyModule_AddObject(m, "datetime_CAPI", capsule) < 0) {
        Py_DECREF(capsule);
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot datetime_slots[] = {
    {Py_mod_exec, datetime_exec},
    {0, NULL}
};

static PyModuleDef datetime_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_datetime",
    .m_doc = "Fast implementation of the datetime type.",
    .m_size = 0,
    .m_slots = datetime_slots,
};

PyMODINIT_FUNC PyInit__datetime(void)
{
    return PyModuleDef_Init(&datetime_module);
}
