/* long_divide.c: int division (//, %, divmod), correctly rounded true
 * division (/), pow() with and without modulus, gcd, and
 * _PyLong_DivmodNear (used by round()).
 *
 * Long division is Knuth's Algorithm D (TAOCP vol. 2, 4.3.1) on 30-bit
 * digits: normalise so the divisor's top digit has its high bit set, then
 * estimate each quotient digit from the top two digits and correct it at
 * most twice.  Python's // and % round toward minus infinity, so the
 * truncated result is adjusted when the remainder's sign differs from the
 * divisor's. */
#include "internal.h"
#include "objects/longobject_internal.h"
#include <float.h>

digit kr_long_inplace_divrem1(digit *pout, const digit *pin, Py_ssize_t size, digit n)
{
    twodigits rem = 0;
    for (Py_ssize_t i = size - 1; i >= 0; i--) {
        rem = (rem << PyLong_SHIFT) | pin[i];
        pout[i] = (digit)(rem / n);
        rem %= n;
    }
    return (digit)rem;
}

digit kr_long_inplace_muladd1(digit *pout, const digit *pin, Py_ssize_t size, digit m, digit add)
{
    twodigits carry = add;
    for (Py_ssize_t i = 0; i < size; i++) {
        carry += (twodigits)pin[i] * m;
        pout[i] = (digit)(carry & PyLong_MASK);
        carry >>= PyLong_SHIFT;
    }
    return (digit)carry;
}

/* Knuth D on magnitudes: |v| = q*|w| + r with |w| of two or more digits
 * and |v| >= |w|.  Both results are fresh non-negative ints. */
static int kr_long_knuth(PyLongObject *v1, PyLongObject *w1, PyLongObject **pq, PyLongObject **pr)
{
    Py_ssize_t size_v = KR_ABS(Py_SIZE(v1)), size_w = KR_ABS(Py_SIZE(w1));
    PyLongObject *v = _PyLong_New(size_v + 1);
    PyLongObject *w = _PyLong_New(size_w);
    if (v == NULL || w == NULL) {
        Py_XDECREF(v);
        Py_XDECREF(w);
        return -1;
    }
    /* shift so the divisor's top digit is at least BASE/2 */
    digit top = w1->ob_digit[size_w - 1];
    int d = PyLong_SHIFT - (32 - __builtin_clz(top));
    digit carry = 0;
    for (Py_ssize_t i = 0; i < size_w; i++) {
        twodigits t = ((twodigits)w1->ob_digit[i] << d) | carry;
        w->ob_digit[i] = (digit)(t & PyLong_MASK);
        carry = (digit)(t >> PyLong_SHIFT);
    }
    carry = 0;
    for (Py_ssize_t i = 0; i < size_v; i++) {
        twodigits t = ((twodigits)v1->ob_digit[i] << d) | carry;
        v->ob_digit[i] = (digit)(t & PyLong_MASK);
        carry = (digit)(t >> PyLong_SHIFT);
    }
    if (carry != 0 || v->ob_digit[size_v - 1] >= w->ob_digit[size_w - 1]) {
        v->ob_digit[size_v] = carry;
        size_v++;
    }
    Py_ssize_t k = size_v - size_w;
    PyLongObject *a = _PyLong_New(k > 0 ? k : 1);
    if (a == NULL) {
        Py_DECREF(v);
        Py_DECREF(w);
        return -1;
    }
    digit *wd = w->ob_digit;
    twodigits wm1 = wd[size_w - 1], wm2 = wd[size_w - 2];
    for (Py_ssize_t j = k - 1; j >= 0; j--) {
        digit *vk = v->ob_digit + j;
        digit vtop = vk[size_w];
        twodigits vv = ((twodigits)vtop << PyLong_SHIFT) | vk[size_w - 1];
        twodigits q = vv / wm1, r = vv % wm1;
        /* the estimate is at most two too large; fix it with the next digit */
        while (q >= PyLong_BASE ||
               (r < PyLong_BASE && wm2 * q > ((r << PyLong_SHIFT) | vk[size_w - 2]))) {
            q--;
            r += wm1;
        }
        /* vk[0..size_w] -= q * w */
        stwodigits zhi = 0;
        for (Py_ssize_t i = 0; i < size_w; i++) {
            stwodigits z = (stwodigits)vk[i] + zhi - (stwodigits)(q * wd[i]);
            vk[i] = (digit)z & PyLong_MASK;
            zhi = z >> PyLong_SHIFT;   /* arithmetic shift: a borrow of 0 or more */
        }
        if ((stwodigits)vtop + zhi < 0) {
            /* q was one too large: add w back */
            digit c = 0;
            for (Py_ssize_t i = 0; i < size_w; i++) {
                c += vk[i] + wd[i];
                vk[i] = c & PyLong_MASK;
                c >>= PyLong_SHIFT;
            }
            q--;
        }
        vk[size_w] = 0;
        a->ob_digit[j] = (digit)q;
    }
    if (k <= 0)
        Py_SET_SIZE(a, 0);
    /* the remainder is v's low size_w digits, shifted back */
    carry = 0;
    for (Py_ssize_t i = size_w - 1; i >= 0; i--) {
        twodigits t = ((twodigits)carry << PyLong_SHIFT) | v->ob_digit[i];
        w->ob_digit[i] = (digit)(t >> d);
        carry = (digit)(t & (((digit)1 << d) - 1));
    }
    Py_DECREF(v);
    *pq = kr_long_normalize(a);
    *pr = kr_long_normalize(w);
    return 0;
}

int kr_long_divrem(PyLongObject *a, PyLongObject *b, PyLongObject **pdiv, PyLongObject **prem)
{
    Py_ssize_t size_a = KR_ABS(Py_SIZE(a)), size_b = KR_ABS(Py_SIZE(b));
    PyLongObject *q, *r;
    if (size_a < size_b ||
        (size_a == size_b && a->ob_digit[size_a - 1] < b->ob_digit[size_b - 1])) {
        /* |a| < |b| */
        *pdiv = (PyLongObject *)kr_small_int(0);
        *prem = (PyLongObject *)_PyLong_Copy(a);
        return *prem == NULL ? -1 : 0;
    }
    if (size_b == 1) {
        q = _PyLong_New(size_a);
        if (q == NULL)
            return -1;
        digit rem = kr_long_inplace_divrem1(q->ob_digit, a->ob_digit, size_a, b->ob_digit[0]);
        kr_long_normalize(q);
        r = (PyLongObject *)PyLong_FromLong((long)rem);
        if (r == NULL) {
            Py_DECREF(q);
            return -1;
        }
    }
    else if (kr_long_knuth(a, b, &q, &r) < 0)
        return -1;
    /* signs as C's truncating division; q and r are fresh unless r is a small int */
    if ((Py_SIZE(a) < 0) != (Py_SIZE(b) < 0))
        kr_long_negate_inplace(q);
    if (Py_SIZE(a) < 0 && Py_SIZE(r) != 0) {
        PyObject *nr = kr_long_neg(r);
        Py_DECREF(r);
        if (nr == NULL) {
            Py_DECREF(q);
            return -1;
        }
        r = (PyLongObject *)nr;
    }
    *pdiv = (PyLongObject *)kr_long_maybe_small(q);
    *prem = (PyLongObject *)kr_long_maybe_small(r);
    return 0;
}

int kr_long_divmod(PyLongObject *v, PyLongObject *w, PyLongObject **pdiv, PyLongObject **pmod)
{
    if (kr_long_is_compact((PyObject *)v) && kr_long_is_compact((PyObject *)w)) {
        stwodigits a = kr_long_compact_value((PyObject *)v), b = kr_long_compact_value((PyObject *)w);
        stwodigits q = a / b, r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) {
            q--;
            r += b;
        }
        PyObject *oq = NULL, *or_ = NULL;
        if (pdiv && (oq = kr_long_from_stwodigits(q)) == NULL)
            return -1;
        if (pmod && (or_ = kr_long_from_stwodigits(r)) == NULL) {
            Py_XDECREF(oq);
            return -1;
        }
        if (pdiv) *pdiv = (PyLongObject *)oq;
        if (pmod) *pmod = (PyLongObject *)or_;
        return 0;
    }
    PyLongObject *div, *mod;
    if (kr_long_divrem(v, w, &div, &mod) < 0)
        return -1;
    if ((Py_SIZE(mod) < 0 && Py_SIZE(w) > 0) || (Py_SIZE(mod) > 0 && Py_SIZE(w) < 0)) {
        PyObject *t = kr_long_add(mod, w);
        Py_DECREF(mod);
        mod = (PyLongObject *)t;
        if (mod == NULL) {
            Py_DECREF(div);
            return -1;
        }
        t = kr_long_sub(div, (PyLongObject *)kr_small_int(1));
        Py_DECREF(div);
        div = (PyLongObject *)t;
        if (div == NULL) {
            Py_DECREF(mod);
            return -1;
        }
    }
    if (pdiv) *pdiv = div; else Py_DECREF(div);
    if (pmod) *pmod = mod; else Py_DECREF(mod);
    return 0;
}

/* ---- true division, correctly rounded ---- */

PyObject *kr_long_true_divide(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t size_a = KR_ABS(Py_SIZE(a)), size_b = KR_ABS(Py_SIZE(b));
    int negate = (Py_SIZE(a) < 0) != (Py_SIZE(b) < 0);
    if (size_b == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    if (size_a == 0)
        return PyFloat_FromDouble(negate ? -0.0 : 0.0);
    /* both exactly representable: one IEEE division rounds correctly */
    size_t a_bits = _PyLong_NumBits((PyObject *)a), b_bits = _PyLong_NumBits((PyObject *)b);
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        double da = kr_long_as_double(a), db = kr_long_as_double(b);
        return PyFloat_FromDouble(da / db);
    }
    Py_ssize_t diff = (Py_ssize_t)a_bits - (Py_ssize_t)b_bits;
    if (diff > DBL_MAX_EXP)
        goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return PyFloat_FromDouble(negate ? -0.0 : 0.0);
    /* scale |a| by 2**-shift so the integer quotient carries 55 or 56
     * significant bits (fewer in the subnormal range), then round it */
    Py_ssize_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    int inexact = 0;
    PyObject *absa = kr_long_abs(a);
    if (absa == NULL)
        return NULL;
    PyObject *x;
    if (shift > 0) {
        x = kr_long_rshift_ssize((PyLongObject *)absa, shift);
        /* any bit shifted out makes the quotient inexact */
        Py_ssize_t dig = shift / PyLong_SHIFT, bit = shift % PyLong_SHIFT;
        for (Py_ssize_t i = 0; i < dig && i < size_a && !inexact; i++)
            inexact = a->ob_digit[i] != 0;
        if (!inexact && dig < size_a && (a->ob_digit[dig] & (((digit)1 << bit) - 1)))
            inexact = 1;
    }
    else
        x = kr_long_lshift_ssize((PyLongObject *)absa, -shift);
    Py_DECREF(absa);
    if (x == NULL)
        return NULL;
    PyObject *absb = kr_long_abs(b);
    if (absb == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    PyLongObject *q, *r;
    int rc = kr_long_divrem((PyLongObject *)x, (PyLongObject *)absb, &q, &r);
    Py_DECREF(x);
    Py_DECREF(absb);
    if (rc < 0)
        return NULL;
    if (Py_SIZE(r) != 0)
        inexact = 1;
    Py_DECREF(r);
    uint64_t qv = 0;
    for (Py_ssize_t i = Py_SIZE(q) - 1; i >= 0; i--)
        qv = (qv << PyLong_SHIFT) | q->ob_digit[i];
    Py_DECREF(q);
    int qbits = qv ? 64 - __builtin_clzll(qv) : 0;
    int keep_floor = (int)(DBL_MIN_EXP - shift);
    int extra = (qbits > keep_floor ? qbits : keep_floor) - DBL_MANT_DIG;
    uint64_t half = (uint64_t)1 << (extra - 1);
    uint64_t low = qv & ((half << 1) - 1);
    qv -= low;
    if (low > half || (low == half && (inexact || ((qv >> extra) & 1))))
        qv += half << 1;
    int rbits = qv ? 64 - __builtin_clzll(qv) : 0;
    if (shift + rbits > DBL_MAX_EXP)
        goto overflow;
    double result = ldexp((double)qv, (int)shift);
    return PyFloat_FromDouble(negate ? -result : result);
overflow:
    PyErr_SetString(PyExc_OverflowError, "integer division result too large for a float");
    return NULL;
}

/* ---- slots ---- */

#define KR_CHECK_BINOP(a, b) \
    do { \
        if (!PyLong_Check(a) || !PyLong_Check(b)) \
            Py_RETURN_NOTIMPLEMENTED; \
    } while (0)

PyObject *kr_long_nb_mod(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    if (Py_SIZE(b) == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    PyLongObject *mod;
    if (kr_long_divmod((PyLongObject *)a, (PyLongObject *)b, NULL, &mod) < 0)
        return NULL;
    return (PyObject *)mod;
}

PyObject *kr_long_nb_floordiv(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    if (Py_SIZE(b) == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    PyLongObject *div;
    if (kr_long_divmod((PyLongObject *)a, (PyLongObject *)b, &div, NULL) < 0)
        return NULL;
    return (PyObject *)div;
}

PyObject *kr_long_nb_divmod(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    if (Py_SIZE(b) == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    PyLongObject *div, *mod;
    if (kr_long_divmod((PyLongObject *)a, (PyLongObject *)b, &div, &mod) < 0)
        return NULL;
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(div);
        Py_DECREF(mod);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, (PyObject *)div);
    PyTuple_SET_ITEM(t, 1, (PyObject *)mod);
    return t;
}

PyObject *kr_long_nb_truediv(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    return kr_long_true_divide((PyLongObject *)a, (PyLongObject *)b);
}

/* ---- pow ---- */

/* a mod n (n > 0), new ref */
static PyLongObject *kr_long_mod_pos(PyLongObject *a, PyLongObject *n)
{
    PyLongObject *m;
    if (kr_long_divmod(a, n, NULL, &m) < 0)
        return NULL;
    return m;
}

/* The inverse of a modulo n (n > 1), by the extended Euclidean algorithm. */
static PyLongObject *kr_long_invmod(PyLongObject *a, PyLongObject *n)
{
    PyLongObject *b = (PyLongObject *)Py_NewRef((PyObject *)n);
    PyLongObject *aa = kr_long_mod_pos(a, n);
    PyLongObject *x0 = (PyLongObject *)kr_small_int(1), *x1 = (PyLongObject *)kr_small_int(0);
    if (aa == NULL)
        goto error;
    /* invariant: x0*a = aa (mod n), x1*a = b (mod n) */
    while (Py_SIZE(b) != 0) {
        PyLongObject *q, *r;
        if (kr_long_divmod(aa, b, &q, &r) < 0)
            goto error;
        Py_SETREF(aa, b);
        b = r;
        PyObject *t = kr_long_mul(q, x1);
        Py_DECREF(q);
        if (t == NULL)
            goto error;
        PyObject *nx = kr_long_sub(x0, (PyLongObject *)t);
        Py_DECREF(t);
        if (nx == NULL)
            goto error;
        Py_SETREF(x0, x1);
        x1 = (PyLongObject *)nx;
    }
    /* aa is now gcd(a, n) */
    if (!(Py_SIZE(aa) == 1 && aa->ob_digit[0] == 1)) {
        PyErr_SetString(PyExc_ValueError, "base is not invertible for the given modulus");
        goto error;
    }
    Py_DECREF(aa);
    Py_DECREF(b);
    Py_DECREF(x1);
    PyLongObject *res = kr_long_mod_pos(x0, n);
    Py_DECREF(x0);
    return res;
error:
    Py_XDECREF(aa);
    Py_DECREF(b);
    Py_DECREF(x0);
    Py_DECREF(x1);
    return NULL;
}

/* z = z*y, reduced mod m when m is not NULL; steals z (sets NULL on error). */
static PyLongObject *kr_long_mulmod(PyLongObject *z, PyLongObject *y, PyLongObject *m)
{
    PyObject *t = kr_long_mul(z, y);
    Py_DECREF(z);
    if (t == NULL || m == NULL)
        return (PyLongObject *)t;
    PyLongObject *r = kr_long_mod_pos((PyLongObject *)t, m);
    Py_DECREF(t);
    return r;
}

PyObject *kr_long_pow(PyObject *v, PyObject *w, PyObject *x)
{
    if (!PyLong_Check(v) || !PyLong_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    PyLongObject *a = (PyLongObject *)v, *b = (PyLongObject *)w, *c = NULL;
    int negative_output = 0;
    if (x != Py_None) {
        if (!PyLong_Check(x))
            Py_RETURN_NOTIMPLEMENTED;
        c = (PyLongObject *)x;
    }
    if (Py_SIZE(b) < 0 && c == NULL)
        /* a negative exponent gives a float result */
        return PyFloat_Type.tp_as_number->nb_power(v, w, x);

    PyLongObject *base = NULL, *exp = (PyLongObject *)Py_NewRef((PyObject *)b), *mod = NULL;
    PyLongObject *z = NULL;
    if (c != NULL) {
        if (Py_SIZE(c) == 0) {
            PyErr_SetString(PyExc_ValueError, "pow() 3rd argument cannot be 0");
            goto error;
        }
        if (Py_SIZE(c) < 0) {
            negative_output = 1;
            mod = (PyLongObject *)kr_long_neg(c);
        }
        else
            mod = (PyLongObject *)Py_NewRef((PyObject *)c);
        if (mod == NULL)
            goto error;
        if (Py_SIZE(mod) == 1 && mod->ob_digit[0] == 1) {
            /* everything is 0 mod 1 */
            Py_DECREF(mod);
            Py_DECREF(exp);
            return kr_small_int(0);
        }
        if (Py_SIZE(b) < 0) {
            base = kr_long_invmod(a, mod);
            if (base == NULL)
                goto error;
            Py_SETREF(exp, (PyLongObject *)kr_long_neg(b));
            if (exp == NULL)
                goto error;
        }
        else if (Py_SIZE(a) < 0 || kr_long_compare(a, mod) >= 0) {
            base = kr_long_mod_pos(a, mod);
            if (base == NULL)
                goto error;
        }
    }
    if (base == NULL)
        base = (PyLongObject *)Py_NewRef((PyObject *)a);

    z = (PyLongObject *)kr_small_int(1);
    Py_ssize_t nexp = Py_SIZE(exp);
    /* left-to-right binary exponentiation */
    for (Py_ssize_t i = nexp - 1; i >= 0; i--) {
        digit bi = exp->ob_digit[i];
        for (digit bit = (digit)1 << (PyLong_SHIFT - 1); bit; bit >>= 1) {
            if (z != (PyLongObject *)kr_small_int(1)) {
                z = kr_long_mulmod(z, z, mod);
                if (z == NULL)
                    goto error;
            }
            if (bi & bit) {
                z = kr_long_mulmod(z, base, mod);
                if (z == NULL)
                    goto error;
            }
        }
    }
    if (mod != NULL && !(Py_SIZE(z) >= 0 && kr_long_compare(z, mod) < 0)) {
        /* exponent 0: z is 1, which must still be reduced */
        Py_SETREF(z, kr_long_mod_pos(z, mod));
        if (z == NULL)
            goto error;
    }
    if (negative_output && Py_SIZE(z) != 0) {
        Py_SETREF(z, (PyLongObject *)kr_long_sub(z, mod));
        if (z == NULL)
            goto error;
    }
    Py_DECREF(base);
    Py_DECREF(exp);
    Py_XDECREF(mod);
    return (PyObject *)z;
error:
    Py_XDECREF(base);
    Py_XDECREF(exp);
    Py_XDECREF(mod);
    Py_XDECREF(z);
    return NULL;
}

/* ---- gcd and round-to-nearest division ---- */

PyObject *_PyLong_GCD(PyObject *aarg, PyObject *barg)
{
    PyLongObject *a = (PyLongObject *)kr_long_abs((PyLongObject *)aarg);
    if (a == NULL)
        return NULL;
    PyLongObject *b = (PyLongObject *)kr_long_abs((PyLongObject *)barg);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    while (Py_SIZE(b) != 0) {
        Py_ssize_t av, bv;
        if (kr_long_as_ssize_t_fast((PyObject *)a, &av) && kr_long_as_ssize_t_fast((PyObject *)b, &bv)) {
            uint64_t x = (uint64_t)av, y = (uint64_t)bv;
            while (y) {
                uint64_t t = x % y;
                x = y;
                y = t;
            }
            Py_DECREF(a);
            Py_DECREF(b);
            return PyLong_FromUnsignedLongLong(x);
        }
        PyLongObject *r;
        if (kr_long_divmod(a, b, NULL, &r) < 0) {
            Py_DECREF(a);
            Py_DECREF(b);
            return NULL;
        }
        Py_DECREF(a);
        a = b;
        b = r;
    }
    Py_DECREF(b);
    return (PyObject *)a;
}

PyObject *_PyLong_DivmodNear(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(a) || !PyLong_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "non-integer arguments in division");
        return NULL;
    }
    if (Py_SIZE(b) == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    PyLongObject *q, *r;
    if (kr_long_divmod((PyLongObject *)a, (PyLongObject *)b, &q, &r) < 0)
        return NULL;
    /* floor division leaves r with b's sign; round up when 2r passes b,
     * or ties with q odd */
    PyObject *twor = kr_long_add(r, r);
    if (twor == NULL)
        goto error;
    int cmp = kr_long_compare((PyLongObject *)twor, (PyLongObject *)b);
    Py_DECREF(twor);
    if (Py_SIZE(b) < 0)
        cmp = -cmp;
    if (cmp > 0 || (cmp == 0 && Py_SIZE(q) != 0 && (q->ob_digit[0] & 1))) {
        Py_SETREF(q, (PyLongObject *)kr_long_add(q, (PyLongObject *)kr_small_int(1)));
        if (q == NULL)
            goto error;
        Py_SETREF(r, (PyLongObject *)kr_long_sub(r, (PyLongObject *)b));
        if (r == NULL)
            goto error;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        goto error;
    PyTuple_SET_ITEM(t, 0, (PyObject *)q);
    PyTuple_SET_ITEM(t, 1, (PyObject *)r);
    return t;
error:
    Py_XDECREF(q);
    Py_XDECREF(r);
    return NULL;
}
