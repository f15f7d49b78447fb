/* floatobject.h: float objects (a C double) and their C API.
 * (owned by the numbers area) */
#ifndef PY_FLOATOBJECT_H
#define PY_FLOATOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;
#endif

PyAPI_DATA(PyTypeObject) PyFloat_Type;

#define PyFloat_Check(op) PyObject_TypeCheck((op), &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)

#ifndef Py_LIMITED_API
#define PyFloat_AS_DOUBLE(op) (((PyFloatObject *)(op))->ob_fval)
#endif

#define Py_RETURN_NAN return PyFloat_FromDouble(Py_NAN)
#define Py_RETURN_INF(sign) \
    do { \
        if (copysign(1., (sign)) == 1.) { return PyFloat_FromDouble(Py_HUGE_VAL); } \
        else { return PyFloat_FromDouble(-Py_HUGE_VAL); } \
    } while (0)

PyAPI_FUNC(double) PyFloat_GetMax(void);
PyAPI_FUNC(double) PyFloat_GetMin(void);
PyAPI_FUNC(PyObject *) PyFloat_GetInfo(void);
PyAPI_FUNC(PyObject *) PyFloat_FromString(PyObject *);
PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double);
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *);

#ifndef Py_LIMITED_API
/* IEEE 754 binary16/32/64 packing (used by struct, array, pickle). */
PyAPI_FUNC(int) PyFloat_Pack2(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack4(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack8(double x, char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack2(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack4(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack8(const char *p, int le);
#define _PyFloat_Pack2(x, p, le) PyFloat_Pack2((x), (char *)(p), (le))
#define _PyFloat_Pack4(x, p, le) PyFloat_Pack4((x), (char *)(p), (le))
#define _PyFloat_Pack8(x, p, le) PyFloat_Pack8((x), (char *)(p), (le))
#define _PyFloat_Unpack2(p, le) PyFloat_Unpack2((const char *)(p), (le))
#define _PyFloat_Unpack4(p, le) PyFloat_Unpack4((const char *)(p), (le))
#define _PyFloat_Unpack8(p, le) PyFloat_Unpack8((const char *)(p), (le))
#endif

#ifdef __cplusplus
}
#endif
#endif
