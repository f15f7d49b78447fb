/* math_integer.c: the math module's exact integer functions: gcd, lcm,
 * isqrt, factorial, comb and perm.
 *
 * Results are exact for ints of any size.  Products of many factors are
 * formed by binary splitting (balanced operands let the bigint multiply
 * use Karatsuba), with leaves multiplied in 64-bit C arithmetic while they
 * fit.  factorial multiplies only odd numbers and shifts the power of two
 * in at the end; isqrt doubles the precision of an integer approximation
 * at each step, so it costs a few bigint divisions of growing size. */
#include "internal.h"
#include "capi/argparse.h"
#include "modules/math_internal.h"
#include "objects/longobject_internal.h"
#include <math.h>
#include <stdint.h>

/* ---- gcd and lcm ---- */

PyObject *kr_math_gcd(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0)
        return PyLong_FromLong(0);
    PyObject *res = PyNumber_Index(args[0]);
    if (res == NULL)
        return NULL;
    if (nargs == 1) {
        Py_SETREF(res, PyNumber_Absolute(res));
        return res;
    }
    for (Py_ssize_t i = 1; i < nargs; i++) {
        PyObject *x = PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        /* Once the gcd is 1 it stays 1; the rest are only type-checked. */
        if (!(Py_SIZE(res) == 1 && ((PyLongObject *)res)->ob_digit[0] == 1))
            Py_SETREF(res, _PyLong_GCD(res, x));
        Py_DECREF(x);
        if (res == NULL)
            return NULL;
    }
    return res;
}

/* |a * b| / gcd(a, b), or 0 if either is 0. */
static PyObject *kr_lcm2(PyObject *a, PyObject *b)
{
    if (_PyLong_Sign(a) == 0 || _PyLong_Sign(b) == 0)
        return PyLong_FromLong(0);
    PyObject *g = _PyLong_GCD(a, b);
    if (g == NULL)
        return NULL;
    PyObject *f = PyNumber_FloorDivide(a, g);
    Py_DECREF(g);
    if (f == NULL)
        return NULL;
    Py_SETREF(f, PyNumber_Multiply(f, b));
    if (f == NULL)
        return NULL;
    Py_SETREF(f, PyNumber_Absolute(f));
    return f;
}

PyObject *kr_math_lcm(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0)
        return PyLong_FromLong(1);
    PyObject *res = PyNumber_Index(args[0]);
    if (res == NULL)
        return NULL;
    if (nargs == 1) {
        Py_SETREF(res, PyNumber_Absolute(res));
        return res;
    }
    for (Py_ssize_t i = 1; i < nargs; i++) {
        PyObject *x = PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        if (_PyLong_Sign(res) != 0)
            Py_SETREF(res, kr_lcm2(res, x));
        Py_DECREF(x);
        if (res == NULL)
            return NULL;
    }
    return res;
}

/* ---- isqrt ---- */

static uint64_t kr_isqrt64(uint64_t n)
{
    uint64_t s = (uint64_t)sqrt((double)n);
    /* The float estimate is off by at most a little either way. */
    while (s > 0 && (s > UINT32_MAX || s * s > n))
        s--;
    while (s < UINT32_MAX && (s + 1) * (s + 1) <= n)
        s++;
    return s;
}

static size_t kr_bit_length(size_t v)
{
    size_t n = 0;
    while (v) {
        n++;
        v >>= 1;
    }
    return n;
}

PyObject *kr_math_isqrt(PyObject *module, PyObject *arg)
{
    PyObject *n = PyNumber_Index(arg);
    if (n == NULL)
        return NULL;
    if (_PyLong_Sign(n) < 0) {
        PyErr_SetString(PyExc_ValueError, "isqrt() argument must be nonnegative");
        Py_DECREF(n);
        return NULL;
    }
    size_t bits = _PyLong_NumBits(n);
    if (bits == (size_t)-1) {
        Py_DECREF(n);
        return NULL;
    }
    if (bits <= 64) {
        uint64_t v = PyLong_AsUnsignedLongLong(n);
        Py_DECREF(n);
        if (v == (uint64_t)-1 && PyErr_Occurred())
            return NULL;
        return PyLong_FromUnsignedLongLong(kr_isqrt64(v));
    }
    /* a approximates isqrt(n >> 2*(c - d)) to within one; each step
     * doubles d, the number of bits a carries, until d == c. */
    size_t c = (bits - 1) / 2;
    PyObject *a = PyLong_FromLong(1);
    size_t d = 0;
    for (size_t s = kr_bit_length(c); a != NULL && s-- > 0;) {
        size_t e = d;
        d = c >> s;
        PyObject *hi = _PyLong_Lshift(a, d - e - 1);
        PyObject *q = _PyLong_Rshift(n, 2 * c - e - d + 1);
        if (hi != NULL && q != NULL)
            Py_SETREF(q, PyNumber_FloorDivide(q, a));
        Py_DECREF(a);
        a = (hi != NULL && q != NULL) ? PyNumber_Add(hi, q) : NULL;
        Py_XDECREF(hi);
        Py_XDECREF(q);
    }
    if (a != NULL) {
        /* The approximation may be one too large. */
        PyObject *sq = PyNumber_Multiply(a, a);
        int gt = sq ? PyObject_RichCompareBool(sq, n, Py_GT) : -1;
        Py_XDECREF(sq);
        if (gt < 0)
            Py_CLEAR(a);
        else if (gt)
            Py_SETREF(a, PyNumber_Subtract(a, kr_small_int(1)));
    }
    Py_DECREF(n);
    return a;
}

/* ---- products by binary splitting ---- */

/* The product of the count terms first, first - step, first - 2*step, ...
 * (all positive).  New reference. */
static PyObject *kr_descending_product(uint64_t first, uint64_t count, uint64_t step)
{
    /* Leaves: multiply in C while the product surely fits 64 bits. */
    size_t width = kr_bit_length((size_t)first);
    if (count <= 64 && count * width <= 64) {
        uint64_t p = 1;
        for (uint64_t i = 0; i < count; i++)
            p *= first - i * step;
        return PyLong_FromUnsignedLongLong(p);
    }
    uint64_t half = count / 2;
    PyObject *left = kr_descending_product(first, half, step);
    if (left == NULL)
        return NULL;
    PyObject *right = kr_descending_product(first - half * step, count - half, step);
    if (right == NULL) {
        Py_DECREF(left);
        return NULL;
    }
    PyObject *r = PyNumber_Multiply(left, right);
    Py_DECREF(left);
    Py_DECREF(right);
    return r;
}

/* The product of the odd numbers in (lo, hi]. */
static PyObject *kr_odd_product(uint64_t lo, uint64_t hi)
{
    uint64_t top = (hi & 1) ? hi : hi - 1;
    uint64_t bottom = (lo & 1) ? lo + 2 : lo + 1;
    if (hi <= lo || top < bottom)
        return PyLong_FromLong(1);
    return kr_descending_product(top, (top - bottom) / 2 + 1, 2);
}

static int kr_popcount(uint64_t v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* n! for 0 <= n <= LONG_MAX.  n! = 2**(n - popcount(n)) times the product
 * over i >= 0 of the odd numbers up to n >> i; those products nest, so
 * each range of odd numbers is multiplied once (`inner`) and the running
 * products are combined into `outer`. */
static PyObject *kr_factorial_ull(uint64_t n)
{
    if (n <= 20) {
        uint64_t p = 1;
        for (uint64_t i = 2; i <= n; i++)
            p *= i;
        return PyLong_FromUnsignedLongLong(p);
    }
    PyObject *inner = PyLong_FromLong(1), *outer = PyLong_FromLong(1);
    uint64_t prev = 0;
    for (int i = (int)kr_bit_length((size_t)n); inner && outer && i-- > 0;) {
        uint64_t upto = n >> i;
        PyObject *part = kr_odd_product(prev, upto);
        prev = upto;
        if (part == NULL)
            goto error;
        Py_SETREF(inner, PyNumber_Multiply(inner, part));
        Py_DECREF(part);
        if (inner == NULL)
            goto error;
        Py_SETREF(outer, PyNumber_Multiply(outer, inner));
    }
    if (inner == NULL || outer == NULL)
        goto error;
    Py_DECREF(inner);
    Py_SETREF(outer, _PyLong_Lshift(outer, (size_t)(n - (uint64_t)kr_popcount(n))));
    return outer;
error:
    Py_XDECREF(inner);
    Py_XDECREF(outer);
    return NULL;
}

PyObject *kr_math_factorial(PyObject *module, PyObject *arg)
{
    int overflow;
    long x = PyLong_AsLongAndOverflow(arg, &overflow);
    if (x == -1 && PyErr_Occurred())
        return NULL;
    if (overflow > 0) {
        PyErr_Format(PyExc_OverflowError, "factorial() argument should not exceed %ld", LONG_MAX);
        return NULL;
    }
    if (overflow < 0 || x < 0) {
        PyErr_SetString(PyExc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    return kr_factorial_ull((uint64_t)x);
}

/* ---- comb and perm ---- */

/* perm(n, k) or comb(n, k) in 64-bit arithmetic; returns 0 when an
 * intermediate value would not fit. */
static int kr_perm_comb_u64(uint64_t n, uint64_t k, int iscomb, uint64_t *out)
{
    unsigned __int128 r = 1;
    for (uint64_t i = 0; i < k; i++) {
        r *= n - i;
        if (iscomb)
            r /= i + 1;  /* exact: r is now comb(n, i + 1) */
        if (r > UINT64_MAX)
            return 0;
    }
    *out = (uint64_t)r;
    return 1;
}

/* perm(n, k) or comb(n, k) for an int n >= k >= 0, splitting k in halves:
 * perm(n, k) = perm(n, j) * perm(n - j, k - j), and comb likewise divided
 * by comb(k, j).  New reference. */
static PyObject *kr_perm_comb(PyObject *n, uint64_t k, int iscomb)
{
    if (k == 0)
        return PyLong_FromLong(1);
    if (k == 1)
        return Py_NewRef(n);
    if (_PyLong_NumBits(n) <= 64) {
        uint64_t nv = PyLong_AsUnsignedLongLong(n), small;
        if (kr_perm_comb_u64(nv, k, iscomb, &small))
            return PyLong_FromUnsignedLongLong(small);
        if (!iscomb)
            return kr_descending_product(nv, k, 1);
    }
    uint64_t j = k / 2;
    PyObject *a = kr_perm_comb(n, j, iscomb);
    if (a == NULL)
        return NULL;
    PyObject *jobj = PyLong_FromUnsignedLongLong(j);
    PyObject *rest = jobj ? PyNumber_Subtract(n, jobj) : NULL;
    Py_XDECREF(jobj);
    PyObject *b = rest ? kr_perm_comb(rest, k - j, iscomb) : NULL;
    Py_XDECREF(rest);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    Py_SETREF(a, PyNumber_Multiply(a, b));
    Py_DECREF(b);
    if (a != NULL && iscomb) {
        PyObject *kobj = PyLong_FromUnsignedLongLong(k);
        PyObject *c = kobj ? kr_perm_comb(kobj, j, 1) : NULL;
        Py_XDECREF(kobj);
        if (c == NULL)
            Py_CLEAR(a);
        else {
            Py_SETREF(a, PyNumber_FloorDivide(a, c));
            Py_DECREF(c);
        }
    }
    return a;
}

/* Converts n and k with __index__ and checks their signs, as comb and
 * perm share.  Returns 0 with new references in *pn, *pk, or -1. */
static int kr_comb_args(PyObject *nobj, PyObject *kobj, PyObject **pn, PyObject **pk)
{
    PyObject *n = PyNumber_Index(nobj);
    if (n == NULL)
        return -1;
    PyObject *k = PyNumber_Index(kobj);
    if (k == NULL) {
        Py_DECREF(n);
        return -1;
    }
    const char *msg = NULL;
    if (_PyLong_Sign(n) < 0)
        msg = "n must be a non-negative integer";
    else if (_PyLong_Sign(k) < 0)
        msg = "k must be a non-negative integer";
    if (msg != NULL) {
        PyErr_SetString(PyExc_ValueError, msg);
        Py_DECREF(n);
        Py_DECREF(k);
        return -1;
    }
    *pn = n;
    *pk = k;
    return 0;
}

/* The shared tail of comb and perm: k as a C value (after the caller's
 * adjustments), with the OverflowError CPython raises when it is too large. */
static PyObject *kr_comb_finish(PyObject *n, PyObject *k, int iscomb, const char *too_big)
{
    int overflow;
    long long ki = PyLong_AsLongLongAndOverflow(k, &overflow);
    PyObject *r = NULL;
    if (ki == -1 && PyErr_Occurred())
        ;
    else if (overflow > 0)
        PyErr_Format(PyExc_OverflowError, "%s must not exceed %lld", too_big, LLONG_MAX);
    else
        r = kr_perm_comb(n, (uint64_t)ki, iscomb);
    Py_DECREF(n);
    Py_DECREF(k);
    return r;
}

PyObject *kr_math_comb(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!kr_args_check_positional("comb", nargs, 2, 2))
        return NULL;
    PyObject *n, *k;
    if (kr_comb_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    /* comb(n, k) == comb(n, n - k): take the smaller k; 0 when k > n. */
    PyObject *nk = PyNumber_Subtract(n, k);
    if (nk == NULL)
        goto error;
    if (_PyLong_Sign(nk) < 0) {
        Py_DECREF(nk);
        Py_DECREF(n);
        Py_DECREF(k);
        return PyLong_FromLong(0);
    }
    int lt = PyObject_RichCompareBool(nk, k, Py_LT);
    if (lt < 0) {
        Py_DECREF(nk);
        goto error;
    }
    if (lt)
        Py_SETREF(k, nk);
    else
        Py_DECREF(nk);
    return kr_comb_finish(n, k, 1, "min(n - k, k)");
error:
    Py_DECREF(n);
    Py_DECREF(k);
    return NULL;
}

PyObject *kr_math_perm(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!kr_args_check_positional("perm", nargs, 1, 2))
        return NULL;
    if (nargs == 1 || args[1] == Py_None)
        return kr_math_factorial(module, args[0]);
    PyObject *n, *k;
    if (kr_comb_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    int lt = PyObject_RichCompareBool(n, k, Py_LT);
    if (lt != 0) {
        Py_DECREF(n);
        Py_DECREF(k);
        return lt < 0 ? NULL : PyLong_FromLong(0);
    }
    return kr_comb_finish(n, k, 0, "k");
}
