/* float_internal.h: float helpers shared by the numbers area's files
 * (floatobject.c, float_methods.c, complexobject.c, long_*.c).
 * (owned by the numbers area) */
#ifndef KR_FLOAT_INTERNAL_H
#define KR_FLOAT_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* Convert a float or int operand of a binary operator to a double:
 * returns 1 on success, 0 if obj is neither (the caller returns
 * NotImplemented), -1 with an exception (int too large). */
static inline int kr_float_operand(PyObject *obj, double *out)
{
    if (PyFloat_Check(obj)) {
        *out = PyFloat_AS_DOUBLE(obj);
        return 1;
    }
    if (PyLong_Check(obj)) {
        *out = PyLong_AsDouble(obj);
        if (*out == -1.0 && PyErr_Occurred())
            return -1;
        return 1;
    }
    return 0;
}

/* float(x) for any object (new reference to an exact float). */
PyObject *kr_float_from_object(PyObject *x);
/* Parse text (a str, bytes, bytearray or buffer) as float(x) does. */
PyObject *kr_float_from_text(PyObject *v);
PyObject *kr_float_repr(PyObject *v);
PyObject *kr_float_nb_pow(PyObject *v, PyObject *w, PyObject *z);
PyObject *kr_float_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames);
PyObject *kr_float_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
/* Is x an odd integer (as a double)? */
static inline int kr_double_is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

extern struct PyMethodDef kr_float_methods[];
extern struct PyGetSetDef kr_float_getset[];

#endif
