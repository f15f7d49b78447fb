/* math_sum.c: the math module's functions over many values: fsum (an
 * exactly rounded sum), hypot and dist (an accurately rounded Euclidean
 * norm) and prod.
 *
 * fsum keeps the running sum as a list of non-overlapping partial sums
 * (Shewchuk's method), so no bit is lost until the final rounding.
 * The norm is computed as CPython 3.11 computes it, operation for
 * operation, so results agree to the last bit: coordinates are scaled by
 * a power of two next to the largest one, squares are formed exactly as
 * double-length products (Dekker's splitting), the sum of squares keeps
 * its rounding errors apart, and one Newton step corrects the square
 * root. */
#include "internal.h"
#include "capi/argparse.h"
#include "modules/math_internal.h"
#include <float.h>
#include <math.h>
#include <string.h>

/* ---- fsum ---- */

#define KR_FSUM_STACK 32

PyObject *kr_math_fsum(PyObject *module, PyObject *seq)
{
    double stack[KR_FSUM_STACK];
    double *p = stack;            /* the partials, ascending magnitude */
    Py_ssize_t n = 0, cap = KR_FSUM_STACK;
    double special_sum = 0.0;     /* sum of the infinities and NaNs seen */
    double inf_sum = 0.0;         /* sum of the infinities alone */
    PyObject *result = NULL;

    PyObject *iter = PyObject_GetIter(seq);
    if (iter == NULL)
        return NULL;
    for (;;) {
        PyObject *item = PyIter_Next(iter);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto done;
            break;
        }
        double x = kr_math_as_double(item);
        Py_DECREF(item);
        if (x == -1.0 && PyErr_Occurred())
            goto done;
        double xsave = x;
        Py_ssize_t i = 0;
        for (Py_ssize_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x == 0.0)
            continue;
        if (!isfinite(x)) {
            /* Either an input was inf or NaN, or finite inputs overflowed. */
            if (isfinite(xsave)) {
                PyErr_SetString(PyExc_OverflowError, "intermediate overflow in fsum");
                goto done;
            }
            if (isinf(xsave))
                inf_sum += xsave;
            special_sum += xsave;
            n = 0;
            continue;
        }
        if (n >= cap) {
            Py_ssize_t newcap = cap * 2;
            double *np = p == stack ? PyMem_Malloc(sizeof(double) * (size_t)newcap)
                                    : PyMem_Realloc(p, sizeof(double) * (size_t)newcap);
            if (np == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            if (p == stack)
                memcpy(np, stack, sizeof(stack));
            p = np;
            cap = newcap;
        }
        p[n++] = x;
    }

    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            PyErr_SetString(PyExc_ValueError, "-inf + inf in fsum");
        else
            result = PyFloat_FromDouble(special_sum);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        /* Add the partials from the top down while the sum stays exact. */
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        /* Round half to even across partials: when the next partial has
         * the sign of lo, the true sum lies beyond the halfway point. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    result = PyFloat_FromDouble(hi);
done:
    Py_DECREF(iter);
    if (p != stack)
        PyMem_Free(p);
    return result;
}

/* ---- hypot and dist ---- */

typedef struct { double hi, lo; } kr_dl;

/* x as the sum of two halves of 26 bits each (Veltkamp). */
static inline kr_dl kr_dl_split(double x)
{
    double t = x * 134217729.0;  /* 2**27 + 1 */
    double hi = t - (t - x);
    return (kr_dl){hi, x - hi};
}

/* The exact product x * y as hi + lo (Dekker). */
static inline kr_dl kr_dl_mul(double x, double y)
{
    kr_dl xx = kr_dl_split(x), yy = kr_dl_split(y);
    double p = xx.hi * yy.hi;
    double q = xx.hi * yy.lo + xx.lo * yy.hi;
    double z = p + q;
    return (kr_dl){z, p - z + q + xx.lo * yy.lo};
}

/* The exact sum a + b as hi + lo, for |a| >= |b|. */
static inline kr_dl kr_dl_fast_sum(double a, double b)
{
    double x = a + b;
    return (kr_dl){x, b - (x - a)};
}

/* The Euclidean norm of vec[0..n), all finite-or-not non-negative values
 * whose maximum is max.  vec may be modified. */
static double kr_vector_norm(Py_ssize_t n, double *vec, double max, int found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* Subnormal inputs: scale into the normal range first, since
         * 2**-max_e would overflow. */
        for (Py_ssize_t i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * kr_vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        kr_dl pr = kr_dl_mul(x, x);
        kr_dl sm = kr_dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    kr_dl pr = kr_dl_mul(-h, h);
    kr_dl sm = kr_dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    return (h + x / (2.0 * h)) / scale;
}

#define KR_NORM_STACK 16

PyObject *kr_math_hypot(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    double stack[KR_NORM_STACK];
    double *coords = stack;
    if (nargs > KR_NORM_STACK) {
        coords = PyMem_Malloc((size_t)nargs * sizeof(double));
        if (coords == NULL)
            return PyErr_NoMemory();
    }
    double max = 0.0;
    int found_nan = 0;
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        double x = kr_math_as_double(args[i]);
        if (x == -1.0 && PyErr_Occurred())
            goto done;
        x = fabs(x);
        coords[i] = x;
        found_nan |= isnan(x) != 0;
        if (x > max)
            max = x;
    }
    result = PyFloat_FromDouble(kr_vector_norm(nargs, coords, max, found_nan));
done:
    if (coords != stack)
        PyMem_Free(coords);
    return result;
}

/* A tuple of seq's items (new reference): seq itself if it is a tuple. */
static PyObject *kr_as_tuple(PyObject *seq)
{
    return PyTuple_Check(seq) ? Py_NewRef(seq) : PySequence_Tuple(seq);
}

PyObject *kr_math_dist(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!kr_args_check_positional("dist", nargs, 2, 2))
        return NULL;
    PyObject *p = kr_as_tuple(args[0]);
    if (p == NULL)
        return NULL;
    PyObject *q = kr_as_tuple(args[1]);
    if (q == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    double stack[KR_NORM_STACK];
    double *diffs = stack;
    PyObject *result = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(p);
    if (n != PyTuple_GET_SIZE(q)) {
        PyErr_SetString(PyExc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (n > KR_NORM_STACK) {
        diffs = PyMem_Malloc((size_t)n * sizeof(double));
        if (diffs == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    double max = 0.0;
    int found_nan = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double px = kr_math_as_double(PyTuple_GET_ITEM(p, i));
        if (px == -1.0 && PyErr_Occurred())
            goto done;
        double qx = kr_math_as_double(PyTuple_GET_ITEM(q, i));
        if (qx == -1.0 && PyErr_Occurred())
            goto done;
        double x = fabs(px - qx);
        diffs[i] = x;
        found_nan |= isnan(x) != 0;
        if (x > max)
            max = x;
    }
    result = PyFloat_FromDouble(kr_vector_norm(n, diffs, max, found_nan));
done:
    if (diffs != stack)
        PyMem_Free(diffs);
    Py_DECREF(p);
    Py_DECREF(q);
    return result;
}

/* ---- prod ---- */

/* prod multiplies in C while the running product is an int that fits a
 * long (or a float) and the items are of the same kind; at the first item
 * that does not fit it continues with generic multiplication, and may
 * later settle into the float loop again.  The C loops compute exactly
 * what the generic multiplication would. */
PyObject *kr_math_prod(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                       PyObject *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    static const kr_argspec spec = {"prod", names, 1, 1, 1};
    PyObject *a[2];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PyObject *iter = PyObject_GetIter(a[0]);
    if (iter == NULL)
        return NULL;
    PyObject *result = a[1] ? Py_NewRef(a[1]) : PyLong_FromLong(1);
    PyObject *item = NULL;

    if (PyLong_CheckExact(result)) {
        int overflow;
        long acc = PyLong_AsLongAndOverflow(result, &overflow);
        if (overflow == 0) {
            for (;;) {
                item = PyIter_Next(iter);
                if (item == NULL)
                    break;
                if (PyLong_CheckExact(item) || PyBool_Check(item)) {
                    long b = PyLong_AsLongAndOverflow(item, &overflow);
                    long prod;
                    if (overflow == 0 && !__builtin_mul_overflow(acc, b, &prod)) {
                        acc = prod;
                        Py_DECREF(item);
                        continue;
                    }
                }
                break;
            }
            Py_SETREF(result, PyLong_FromLong(acc));
            if (result == NULL || item == NULL)
                goto finish;
            Py_SETREF(result, PyNumber_Multiply(result, item));
            Py_CLEAR(item);
            if (result == NULL)
                goto finish;
        }
    }
    if (PyFloat_CheckExact(result)) {
        double acc = PyFloat_AS_DOUBLE(result);
        for (;;) {
            item = PyIter_Next(iter);
            if (item == NULL)
                break;
            if (PyFloat_CheckExact(item)) {
                acc *= PyFloat_AS_DOUBLE(item);
                Py_DECREF(item);
                continue;
            }
            if (PyLong_CheckExact(item)) {
                int overflow;
                long v = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow) {
                    acc *= (double)v;
                    Py_DECREF(item);
                    continue;
                }
            }
            break;
        }
        Py_SETREF(result, PyFloat_FromDouble(acc));
        if (result == NULL || item == NULL)
            goto finish;
        Py_SETREF(result, PyNumber_Multiply(result, item));
        Py_CLEAR(item);
        if (result == NULL)
            goto finish;
    }
    for (;;) {
        item = PyIter_Next(iter);
        if (item == NULL)
            break;
        Py_SETREF(result, PyNumber_Multiply(result, item));
        Py_CLEAR(item);
        if (result == NULL)
            break;
    }
finish:
    Py_XDECREF(item);
    Py_DECREF(iter);
    if (PyErr_Occurred())
        Py_CLEAR(result);
    return result;
}
