/* mathmodule.c: the `math` module's definition, its constants and its
 * elementary float functions (trigonometry, exponentials and logarithms,
 * rounding, pow, frexp/ldexp/modf, isclose, nextafter, ulp).
 *
 * Float functions follow CPython's error model: libm computes, then the
 * result decides the exception.  A NaN from a non-NaN argument is a
 * domain error (ValueError "math domain error"); an infinity from a
 * finite argument is an overflow (OverflowError "math range error") for
 * functions that can overflow and a domain error (a pole) otherwise;
 * ERANGE on a tiny result is an underflow and not an error.  The integer
 * functions, the special functions and the accurate sums live in the
 * sibling files math_*.c (math_internal.h says which). */
#include "internal.h"
#include "capi/argparse.h"
#include "modules/math_internal.h"
#include "objects/str_ids.h"
#include <errno.h>
#include <float.h>
#include <math.h>

#define KR_MATH_PI 3.141592653589793238462643383279502884
#define KR_MATH_E 2.718281828459045235360287471352662498
#define KR_MATH_TAU 6.283185307179586476925286766559005768

int kr_math_is_error(double r)
{
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return 1;
    }
    if (errno == ERANGE) {
        /* A tiny result that underflowed stands; anything else overflowed. */
        if (fabs(r) < 1.5)
            return 0;
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return 1;
    }
    PyErr_SetString(PyExc_ValueError, "math domain error");
    return 1;
}

/* One float argument through func, with the error model above. */
static PyObject *kr_math_1(PyObject *arg, double (*func)(double), int can_overflow)
{
    double x = kr_math_as_double(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    errno = 0;
    double r = func(x);
    if (isnan(r) && !isnan(x))
        errno = EDOM;
    else if (isinf(r))
        errno = isfinite(x) ? (can_overflow ? ERANGE : EDOM) : 0;
    if (errno && kr_math_is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

/* One float argument through a function that sets errno itself (gamma,
 * lgamma). */
static PyObject *kr_math_1_errno(PyObject *arg, double (*func)(double))
{
    double x = kr_math_as_double(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    errno = 0;
    double r = func(x);
    if (errno && kr_math_is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

/* Two float arguments through func: NaN from non-NaNs is a domain error,
 * infinity from finite arguments an overflow. */
static PyObject *kr_math_2(PyObject *const *args, Py_ssize_t nargs, const char *name,
                           double (*func)(double, double))
{
    if (!kr_args_check_positional(name, nargs, 2, 2))
        return NULL;
    double x = kr_math_as_double(args[0]);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    double y = kr_math_as_double(args[1]);
    if (y == -1.0 && PyErr_Occurred())
        return NULL;
    errno = 0;
    double r = func(x, y);
    if (isnan(r))
        errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    else if (isinf(r))
        errno = (isfinite(x) && isfinite(y)) ? ERANGE : 0;
    else
        errno = 0;
    if (errno && kr_math_is_error(r))
        return NULL;
    return PyFloat_FromDouble(r);
}

/* Logarithms raise a domain error at zero and below, where libm would
 * return -inf or NaN. */
static double kr_log_checked(double x, double (*f)(double))
{
    if (isfinite(x)) {
        if (x > 0.0)
            return f(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double kr_m_log(double x) { return kr_log_checked(x, log); }
static double kr_m_log2(double x) { return kr_log_checked(x, log2); }
static double kr_m_log10(double x) { return kr_log_checked(x, log10); }

/* C99 pow with Python's exceptions: 0 to a negative power and a negative
 * base to a non-integer power are domain errors. */
static double kr_m_pow(double x, double y, int *err)
{
    double r;
    *err = 0;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0)
                r = odd_y ? x : fabs(x);
            else if (y == 0.0)
                r = 1.0;
            else
                r = odd_y ? copysign(0.0, x) : 0.0;
        }
        else if (fabs(x) == 1.0)
            r = 1.0;
        else if (y > 0.0 && fabs(x) > 1.0)
            r = y;
        else if (y < 0.0 && fabs(x) < 1.0)
            r = -y;
        else
            r = 0.0;
        return r;
    }
    errno = 0;
    r = pow(x, y);
    if (isfinite(r)) {
        if (isnan(r))
            *err = EDOM;
        else if (errno == ERANGE && fabs(r) >= 1.5)
            *err = ERANGE;
    }
    else if (isnan(r))
        *err = EDOM;
    else
        *err = x == 0.0 ? EDOM : ERANGE;
    return r;
}

/* ---- the module's functions ---- */

#define KR_MATH_FUNC1(name, cfunc, can_overflow) \
    static PyObject *kr_math_##name(PyObject *module, PyObject *x) \
    { return kr_math_1(x, cfunc, can_overflow); }

KR_MATH_FUNC1(acos, acos, 0)
KR_MATH_FUNC1(acosh, acosh, 0)
KR_MATH_FUNC1(asin, asin, 0)
KR_MATH_FUNC1(asinh, asinh, 0)
KR_MATH_FUNC1(atan, atan, 0)
KR_MATH_FUNC1(atanh, atanh, 0)
KR_MATH_FUNC1(cbrt, cbrt, 0)
KR_MATH_FUNC1(cos, cos, 0)
KR_MATH_FUNC1(cosh, cosh, 1)
KR_MATH_FUNC1(erf, erf, 0)
KR_MATH_FUNC1(erfc, erfc, 0)
KR_MATH_FUNC1(exp, exp, 1)
KR_MATH_FUNC1(exp2, exp2, 1)
KR_MATH_FUNC1(expm1, expm1, 1)
KR_MATH_FUNC1(fabs, fabs, 0)
KR_MATH_FUNC1(log1p, log1p, 0)
KR_MATH_FUNC1(sin, sin, 0)
KR_MATH_FUNC1(sinh, sinh, 1)
KR_MATH_FUNC1(tan, tan, 0)
KR_MATH_FUNC1(tanh, tanh, 0)

static PyObject *kr_math_sqrt(PyObject *module, PyObject *arg)
{
    if (PyFloat_CheckExact(arg)) {
        double x = PyFloat_AS_DOUBLE(arg);
        if (x >= 0.0 && x < HUGE_VAL)
            return PyFloat_FromDouble(sqrt(x));
    }
    return kr_math_1(arg, sqrt, 0);
}

static PyObject *kr_math_gamma_fn(PyObject *module, PyObject *x)
{
    return kr_math_1_errno(x, kr_math_tgamma);
}

static PyObject *kr_math_lgamma_fn(PyObject *module, PyObject *x)
{
    return kr_math_1_errno(x, kr_math_lgamma);
}

static double kr_m_atan2(double y, double x) { return atan2(y, x); }
static double kr_m_copysign(double x, double y) { return copysign(x, y); }
static double kr_m_remainder(double x, double y) { return remainder(x, y); }

static PyObject *kr_math_atan2(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_math_2(args, nargs, "atan2", kr_m_atan2);
}

static PyObject *kr_math_copysign(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_math_2(args, nargs, "copysign", kr_m_copysign);
}

static PyObject *kr_math_remainder(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_math_2(args, nargs, "remainder", kr_m_remainder);
}

/* Two float arguments, no error handling of their own. */
static int kr_math_two_doubles(const char *name, PyObject *const *args, Py_ssize_t nargs,
                               double *x, double *y)
{
    if (!kr_args_check_positional(name, nargs, 2, 2))
        return -1;
    *x = kr_math_as_double(args[0]);
    if (*x == -1.0 && PyErr_Occurred())
        return -1;
    *y = kr_math_as_double(args[1]);
    if (*y == -1.0 && PyErr_Occurred())
        return -1;
    return 0;
}

static PyObject *kr_math_fmod(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y;
    if (kr_math_two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    /* fmod(x, +-inf) is x for finite x, whatever the platform says. */
    if (isinf(y) && isfinite(x))
        return PyFloat_FromDouble(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return NULL;
    }
    return PyFloat_FromDouble(r);
}

static PyObject *kr_math_pow(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y;
    if (kr_math_two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    int err;
    double r = kr_m_pow(x, y, &err);
    if (err) {
        errno = err;
        kr_math_is_error(r);
        return NULL;
    }
    return PyFloat_FromDouble(r);
}

static PyObject *kr_math_nextafter(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    double x, y;
    if (kr_math_two_doubles("nextafter", args, nargs, &x, &y) < 0)
        return NULL;
    return PyFloat_FromDouble(nextafter(x, y));
}

static PyObject *kr_math_ulp(PyObject *module, PyObject *arg)
{
    double x = kr_math_as_double(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    if (isnan(x))
        return PyFloat_FromDouble(x);
    x = fabs(x);
    if (isinf(x))
        return PyFloat_FromDouble(x);
    double up = nextafter(x, HUGE_VAL);
    if (isinf(up))
        /* x is the largest float: measure the gap below it instead. */
        return PyFloat_FromDouble(x - nextafter(x, -HUGE_VAL));
    return PyFloat_FromDouble(up - x);
}

static PyObject *kr_math_ldexp(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!kr_args_check_positional("ldexp", nargs, 2, 2))
        return NULL;
    double x = kr_math_as_double(args[0]);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    if (!PyLong_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int overflow;
    long exp = PyLong_AsLongAndOverflow(args[1], &overflow);
    if (exp == -1 && PyErr_Occurred())
        return NULL;
    if (overflow)
        exp = overflow < 0 ? LONG_MIN : LONG_MAX;
    double r;
    if (x == 0.0 || !isfinite(x))
        r = x;
    else if (exp > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return NULL;
    }
    else if (exp < INT_MIN)
        r = copysign(0.0, x);
    else {
        r = ldexp(x, (int)exp);
        if (isinf(r)) {
            PyErr_SetString(PyExc_OverflowError, "math range error");
            return NULL;
        }
    }
    return PyFloat_FromDouble(r);
}

static PyObject *kr_math_frexp(PyObject *module, PyObject *arg)
{
    double x = kr_math_as_double(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    int e = 0;
    /* frexp leaves the exponent unspecified for these. */
    if (!(isnan(x) || isinf(x) || x == 0.0))
        x = frexp(x, &e);
    return Py_BuildValue("(di)", x, e);
}

static PyObject *kr_math_modf(PyObject *module, PyObject *arg)
{
    double x = kr_math_as_double(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    double ip;
    if (isinf(x))
        return Py_BuildValue("(dd)", copysign(0.0, x), x);
    if (isnan(x))
        return Py_BuildValue("(dd)", x, x);
    double fp = modf(x, &ip);
    return Py_BuildValue("(dd)", fp, ip);
}

/* ceil and floor: a __ceil__ / __floor__ method wins, except on exact
 * floats; otherwise the value as a float, rounded, as an int. */
static PyObject *kr_math_round_to_int(PyObject *number, PyObject *special, double (*f)(double))
{
    if (PyFloat_CheckExact(number))
        return PyLong_FromDouble(f(PyFloat_AS_DOUBLE(number)));
    if (PyLong_CheckExact(number))
        return Py_NewRef(number);
    PyObject *method = _PyObject_LookupSpecial(number, special);
    if (method != NULL) {
        PyObject *r = PyObject_CallNoArgs(method);
        Py_DECREF(method);
        return r;
    }
    if (PyErr_Occurred())
        return NULL;
    double x = PyFloat_AsDouble(number);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return PyLong_FromDouble(f(x));
}

static PyObject *kr_math_ceil(PyObject *module, PyObject *number)
{
    return kr_math_round_to_int(number, KR_ID(__ceil__), ceil);
}

static PyObject *kr_math_floor(PyObject *module, PyObject *number)
{
    return kr_math_round_to_int(number, KR_ID(__floor__), floor);
}

static PyObject *kr_math_trunc(PyObject *module, PyObject *x)
{
    if (PyFloat_CheckExact(x))
        return PyFloat_Type.tp_as_number->nb_int(x);
    PyObject *method = _PyObject_LookupSpecial(x, KR_ID(__trunc__));
    if (method == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __trunc__ method",
                         Py_TYPE(x)->tp_name);
        return NULL;
    }
    PyObject *r = PyObject_CallNoArgs(method);
    Py_DECREF(method);
    return r;
}

static PyObject *kr_math_float_predicate(PyObject *arg, int (*pred)(double))
{
    double x = kr_math_as_double(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(pred(x));
}

static int kr_pred_finite(double x) { return isfinite(x) != 0; }
static int kr_pred_inf(double x) { return isinf(x) != 0; }
static int kr_pred_nan(double x) { return isnan(x) != 0; }

static PyObject *kr_math_isfinite(PyObject *module, PyObject *x)
{
    return kr_math_float_predicate(x, kr_pred_finite);
}

static PyObject *kr_math_isinf(PyObject *module, PyObject *x)
{
    return kr_math_float_predicate(x, kr_pred_inf);
}

static PyObject *kr_math_isnan(PyObject *module, PyObject *x)
{
    return kr_math_float_predicate(x, kr_pred_nan);
}

static PyObject *kr_math_isclose(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    static const kr_argspec spec = {"isclose", names, 0, 2, 2};
    PyObject *a[4];
    /* Both positional parameters are required: CPython says "exactly". */
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "isclose() takes exactly 2 positional arguments (%zd given)",
                     nargs);
        return NULL;
    }
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    double v[4] = {0.0, 0.0, 1e-09, 0.0};
    for (int i = 0; i < 4; i++) {
        if (a[i] == NULL)
            continue;
        v[i] = PyFloat_AsDouble(a[i]);
        if (v[i] == -1.0 && PyErr_Occurred())
            return NULL;
    }
    double x = v[0], y = v[1], rel_tol = v[2], abs_tol = v[3];
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x == y)
        Py_RETURN_TRUE;
    /* Two infinities of the same sign were equal above; any other
     * infinity is far from everything. */
    if (isinf(x) || isinf(y))
        Py_RETURN_FALSE;
    double diff = fabs(y - x);
    return PyBool_FromLong(diff <= fabs(rel_tol * y) || diff <= fabs(rel_tol * x) ||
                           diff <= abs_tol);
}

/* log of an int of any size: too large for a float, it is scaled by a
 * power of two first.  Other arguments go through the float path. */
static PyObject *kr_math_loghelper(PyObject *arg, double (*func)(double))
{
    if (PyLong_Check(arg)) {
        if (_PyLong_Sign(arg) <= 0) {
            PyErr_SetString(PyExc_ValueError, "math domain error");
            return NULL;
        }
        double x = PyLong_AsDouble(arg);
        if (x == -1.0 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError))
                return NULL;
            PyErr_Clear();
            Py_ssize_t e;
            x = _PyLong_Frexp((PyLongObject *)arg, &e);
            if (x == -1.0 && PyErr_Occurred())
                return NULL;
            return PyFloat_FromDouble(func(x) + func(2.0) * (double)e);
        }
        return PyFloat_FromDouble(func(x));
    }
    return kr_math_1(arg, func, 0);
}

static PyObject *kr_math_log(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "math.log requires 1 to 2 arguments");
        return NULL;
    }
    PyObject *num = kr_math_loghelper(args[0], kr_m_log);
    if (num == NULL || nargs == 1)
        return num;
    PyObject *den = kr_math_loghelper(args[1], kr_m_log);
    if (den == NULL) {
        Py_DECREF(num);
        return NULL;
    }
    PyObject *r = PyNumber_TrueDivide(num, den);
    Py_DECREF(num);
    Py_DECREF(den);
    return r;
}

static PyObject *kr_math_log2(PyObject *module, PyObject *x)
{
    return kr_math_loghelper(x, kr_m_log2);
}

static PyObject *kr_math_log10(PyObject *module, PyObject *x)
{
    return kr_math_loghelper(x, kr_m_log10);
}

static PyObject *kr_math_degrees(PyObject *module, PyObject *arg)
{
    double x = kr_math_as_double(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(x * (180.0 / KR_MATH_PI));
}

static PyObject *kr_math_radians(PyObject *module, PyObject *arg)
{
    double x = kr_math_as_double(arg);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(x * (KR_MATH_PI / 180.0));
}

/* ---- the module ---- */

#define KR_FAST(f) (PyCFunction)(void (*)(void))(f)

static PyMethodDef kr_math_methods[] = {
    {"acos", kr_math_acos, METH_O, "acos($module, x, /)\n--\n\nReturn the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."},
    {"acosh", kr_math_acosh, METH_O, "acosh($module, x, /)\n--\n\nReturn the inverse hyperbolic cosine of x."},
    {"asin", kr_math_asin, METH_O, "asin($module, x, /)\n--\n\nReturn the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."},
    {"asinh", kr_math_asinh, METH_O, "asinh($module, x, /)\n--\n\nReturn the inverse hyperbolic sine of x."},
    {"atan", kr_math_atan, METH_O, "atan($module, x, /)\n--\n\nReturn the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."},
    {"atan2", KR_FAST(kr_math_atan2), METH_FASTCALL, "atan2($module, y, x, /)\n--\n\nReturn the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered."},
    {"atanh", kr_math_atanh, METH_O, "atanh($module, x, /)\n--\n\nReturn the inverse hyperbolic tangent of x."},
    {"cbrt", kr_math_cbrt, METH_O, "cbrt($module, x, /)\n--\n\nReturn the cube root of x."},
    {"ceil", kr_math_ceil, METH_O, "ceil($module, x, /)\n--\n\nReturn the ceiling of x as an Integral.\n\nThis is the smallest integer >= x."},
    {"comb", KR_FAST(kr_math_comb), METH_FASTCALL, "comb($module, n, k, /)\n--\n\nNumber of ways to choose k items from n items without repetition and without order."},
    {"copysign", KR_FAST(kr_math_copysign), METH_FASTCALL, "copysign($module, x, y, /)\n--\n\nReturn a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", kr_math_cos, METH_O, "cos($module, x, /)\n--\n\nReturn the cosine of x (measured in radians)."},
    {"cosh", kr_math_cosh, METH_O, "cosh($module, x, /)\n--\n\nReturn the hyperbolic cosine of x."},
    {"degrees", kr_math_degrees, METH_O, "degrees($module, x, /)\n--\n\nConvert angle x from radians to degrees."},
    {"dist", KR_FAST(kr_math_dist), METH_FASTCALL, "dist($module, p, q, /)\n--\n\nReturn the Euclidean distance between two points p and q."},
    {"erf", kr_math_erf, METH_O, "erf($module, x, /)\n--\n\nError function at x."},
    {"erfc", kr_math_erfc, METH_O, "erfc($module, x, /)\n--\n\nComplementary error function at x."},
    {"exp", kr_math_exp, METH_O, "exp($module, x, /)\n--\n\nReturn e raised to the power of x."},
    {"exp2", kr_math_exp2, METH_O, "exp2($module, x, /)\n--\n\nReturn 2 raised to the power of x."},
    {"expm1", kr_math_expm1, METH_O, "expm1($module, x, /)\n--\n\nReturn exp(x)-1."},
    {"fabs", kr_math_fabs, METH_O, "fabs($module, x, /)\n--\n\nReturn the absolute value of the float x."},
    {"factorial", kr_math_factorial, METH_O, "factorial($module, n, /)\n--\n\nFind n!."},
    {"floor", kr_math_floor, METH_O, "floor($module, x, /)\n--\n\nReturn the floor of x as an Integral.\n\nThis is the largest integer <= x."},
    {"fmod", KR_FAST(kr_math_fmod), METH_FASTCALL, "fmod($module, x, y, /)\n--\n\nReturn fmod(x, y), according to platform C."},
    {"frexp", kr_math_frexp, METH_O, "frexp($module, x, /)\n--\n\nReturn the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", kr_math_fsum, METH_O, "fsum($module, seq, /)\n--\n\nReturn an accurate floating point sum of values in the iterable seq."},
    {"gamma", kr_math_gamma_fn, METH_O, "gamma($module, x, /)\n--\n\nGamma function at x."},
    {"gcd", KR_FAST(kr_math_gcd), METH_FASTCALL, "gcd($module, *integers)\n--\n\nGreatest Common Divisor."},
    {"hypot", KR_FAST(kr_math_hypot), METH_FASTCALL, "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point."},
    {"isclose", KR_FAST(kr_math_isclose), METH_FASTCALL | METH_KEYWORDS, "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\nDetermine whether two floating point numbers are close in value."},
    {"isfinite", kr_math_isfinite, METH_O, "isfinite($module, x, /)\n--\n\nReturn True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", kr_math_isinf, METH_O, "isinf($module, x, /)\n--\n\nReturn True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", kr_math_isnan, METH_O, "isnan($module, x, /)\n--\n\nReturn True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", kr_math_isqrt, METH_O, "isqrt($module, n, /)\n--\n\nReturn the integer part of the square root of the input."},
    {"lcm", KR_FAST(kr_math_lcm), METH_FASTCALL, "lcm($module, *integers)\n--\n\nLeast Common Multiple."},
    {"ldexp", KR_FAST(kr_math_ldexp), METH_FASTCALL, "ldexp($module, x, i, /)\n--\n\nReturn x * (2**i)."},
    {"lgamma", kr_math_lgamma_fn, METH_O, "lgamma($module, x, /)\n--\n\nNatural logarithm of absolute value of Gamma function at x."},
    {"log", KR_FAST(kr_math_log), METH_FASTCALL, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", kr_math_log10, METH_O, "log10($module, x, /)\n--\n\nReturn the base 10 logarithm of x."},
    {"log1p", kr_math_log1p, METH_O, "log1p($module, x, /)\n--\n\nReturn the natural logarithm of 1+x (base e)."},
    {"log2", kr_math_log2, METH_O, "log2($module, x, /)\n--\n\nReturn the base 2 logarithm of x."},
    {"modf", kr_math_modf, METH_O, "modf($module, x, /)\n--\n\nReturn the fractional and integer parts of x."},
    {"nextafter", KR_FAST(kr_math_nextafter), METH_FASTCALL, "nextafter($module, x, y, /)\n--\n\nReturn the next floating-point value after x towards y."},
    {"perm", KR_FAST(kr_math_perm), METH_FASTCALL, "perm($module, n, k=None, /)\n--\n\nNumber of ways to choose k items from n items without repetition and with order."},
    {"pow", KR_FAST(kr_math_pow), METH_FASTCALL, "pow($module, x, y, /)\n--\n\nReturn x**y (x to the power of y)."},
    {"prod", KR_FAST(kr_math_prod), METH_FASTCALL | METH_KEYWORDS, "prod($module, iterable, /, *, start=1)\n--\n\nCalculate the product of all the elements in the input iterable."},
    {"radians", kr_math_radians, METH_O, "radians($module, x, /)\n--\n\nConvert angle x from degrees to radians."},
    {"remainder", KR_FAST(kr_math_remainder), METH_FASTCALL, "remainder($module, x, y, /)\n--\n\nDifference between x and the closest integer multiple of y."},
    {"sin", kr_math_sin, METH_O, "sin($module, x, /)\n--\n\nReturn the sine of x (measured in radians)."},
    {"sinh", kr_math_sinh, METH_O, "sinh($module, x, /)\n--\n\nReturn the hyperbolic sine of x."},
    {"sqrt", kr_math_sqrt, METH_O, "sqrt($module, x, /)\n--\n\nReturn the square root of x."},
    {"tan", kr_math_tan, METH_O, "tan($module, x, /)\n--\n\nReturn the tangent of x (measured in radians)."},
    {"tanh", kr_math_tanh, METH_O, "tanh($module, x, /)\n--\n\nReturn the hyperbolic tangent of x."},
    {"trunc", kr_math_trunc, METH_O, "trunc($module, x, /)\n--\n\nTruncates the Real x to the nearest Integral toward 0."},
    {"ulp", kr_math_ulp, METH_O, "ulp($module, x, /)\n--\n\nReturn the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL}
};

static int kr_math_exec(PyObject *m)
{
    static const struct { const char *name; double value; } consts[] = {
        {"pi", KR_MATH_PI}, {"e", KR_MATH_E}, {"tau", KR_MATH_TAU},
        {"inf", HUGE_VAL}, {"nan", NAN},
    };
    for (size_t i = 0; i < sizeof(consts) / sizeof(consts[0]); i++) {
        PyObject *v = PyFloat_FromDouble(consts[i].value);
        if (v == NULL || PyModule_AddObject(m, consts[i].name, v) < 0) {
            Py_XDECREF(v);
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot kr_math_slots[] = {
    {Py_mod_exec, (void *)kr_math_exec},
    {0, NULL}
};

static struct PyModuleDef kr_math_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "math",
    .m_doc = "This module provides access to the mathematical functions\n"
             "defined by the C standard.",
    .m_size = 0,
    .m_methods = kr_math_methods,
    .m_slots = kr_math_slots,
};

PyMODINIT_FUNC PyInit_math(void)
{
    return PyModuleDef_Init(&kr_math_def);
}
