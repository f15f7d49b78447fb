/* pystrtod.h: locale-independent conversions between strings and doubles.
 * (owned by the numbers area) */
#ifndef PY_PYSTRTOD_H
#define PY_PYSTRTOD_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(double) PyOS_string_to_double(const char *str, char **endptr,
                                         PyObject *overflow_exception);

/* Returns a PyMem_Malloc'ed string; release it with PyMem_Free. */
PyAPI_FUNC(char *) PyOS_double_to_string(double val, char format_code,
                                         int precision, int flags, int *type);

#ifndef Py_LIMITED_API
PyAPI_FUNC(PyObject *) _Py_string_to_number_with_underscores(
    const char *str, Py_ssize_t len, const char *what, PyObject *obj, void *arg,
    PyObject *(*innerfunc)(const char *, Py_ssize_t, void *));

PyAPI_FUNC(double) _Py_parse_inf_or_nan(const char *p, char **endptr);
#endif

/* PyOS_double_to_string's flags */
#define Py_DTSF_SIGN      0x01   /* always add the sign */
#define Py_DTSF_ADD_DOT_0 0x02   /* if the result is an integer add ".0" */
#define Py_DTSF_ALT       0x04   /* "alternate" formatting (the '#' flag) */
#define Py_DTSF_NO_NEG_0  0x08   /* negative zero becomes zero ('z') */

/* PyOS_double_to_string's "type" result */
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2

#ifdef __cplusplus
}
#endif
#endif
