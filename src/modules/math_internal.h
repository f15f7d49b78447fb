/* math_internal.h: what the files of the `math` module share.
 *
 * mathmodule.c holds the module definition and the elementary float
 * functions; math_integer.c the exact integer functions (gcd, lcm, isqrt,
 * factorial, comb, perm); math_special.c gamma and lgamma, computed here
 * rather than by libm so that results match CPython bit for bit;
 * math_sum.c the accurate sums (fsum, hypot, dist) and prod.  Every
 * function returning PyObject * returns a new reference. */
#ifndef KR_MATH_INTERNAL_H
#define KR_MATH_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* Raise the exception CPython's math module raises for a libm result r
 * with errno set (EDOM: ValueError; ERANGE: OverflowError unless r is an
 * underflow).  Returns 1 with the exception set, 0 when r stands. */
int kr_math_is_error(double r);

/* A float argument converted as CPython's math functions do: exact floats
 * and ints fast, anything else through __float__ / __index__.  Returns -1.0
 * with an exception set on error (check PyErr_Occurred). */
static inline double kr_math_as_double(PyObject *obj)
{
    if (PyFloat_CheckExact(obj))
        return PyFloat_AS_DOUBLE(obj);
    if (PyLong_CheckExact(obj))
        return PyLong_AsDouble(obj);
    return PyFloat_AsDouble(obj);
}

/* math_special.c: gamma and lgamma; set errno (EDOM/ERANGE) on error. */
double kr_math_tgamma(double x);
double kr_math_lgamma(double x);

/* math_integer.c */
PyObject *kr_math_gcd(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *kr_math_lcm(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *kr_math_isqrt(PyObject *module, PyObject *n);
PyObject *kr_math_factorial(PyObject *module, PyObject *n);
PyObject *kr_math_comb(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *kr_math_perm(PyObject *module, PyObject *const *args, Py_ssize_t nargs);

/* math_sum.c */
PyObject *kr_math_fsum(PyObject *module, PyObject *seq);
PyObject *kr_math_hypot(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *kr_math_dist(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *kr_math_prod(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                       PyObject *kwnames);

#endif
