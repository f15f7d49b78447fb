/* long_bits.c: int shifts and bitwise operations.
 *
 * Ints are stored as sign and magnitude, but Python defines &, |, ^, ~
 * and >> on the infinite two's complement form.  Negative operands are
 * converted to that form digit by digit (complement and add one) with an
 * implied infinite run of one-bits above, combined, and converted back. */
#include "internal.h"
#include "objects/longobject_internal.h"

PyObject *kr_long_lshift_ssize(PyLongObject *a, Py_ssize_t shift)
{
    Py_ssize_t size_a = KR_ABS(Py_SIZE(a));
    if (size_a == 0)
        return kr_small_int(0);
    if (size_a == 1 && shift < PyLong_SHIFT) {
        /* fits in two digits; shift the magnitude (shifting a negative
         * value is undefined in C) */
        stwodigits m = (stwodigits)((twodigits)a->ob_digit[0] << shift);
        return kr_long_from_stwodigits(Py_SIZE(a) < 0 ? -m : m);
    }
    Py_ssize_t wordshift = shift / PyLong_SHIFT;
    int remshift = (int)(shift % PyLong_SHIFT);
    if (wordshift > KR_MAX_LONG_DIGITS - size_a - 1)
        return PyErr_NoMemory();
    Py_ssize_t newsize = size_a + wordshift + (remshift ? 1 : 0);
    PyLongObject *z = _PyLong_New(newsize);
    if (z == NULL)
        return NULL;
    memset(z->ob_digit, 0, (size_t)wordshift * sizeof(digit));
    twodigits acc = 0;
    Py_ssize_t j = wordshift;
    for (Py_ssize_t i = 0; i < size_a; i++, j++) {
        acc |= (twodigits)a->ob_digit[i] << remshift;
        z->ob_digit[j] = (digit)(acc & PyLong_MASK);
        acc >>= PyLong_SHIFT;
    }
    if (remshift)
        z->ob_digit[j] = (digit)acc;
    if (Py_SIZE(a) < 0)
        Py_SET_SIZE(z, -newsize);
    return kr_long_maybe_small(kr_long_normalize(z));
}

/* |a| >> shift as a fresh non-negative int. */
static PyObject *kr_mag_rshift(PyLongObject *a, Py_ssize_t shift)
{
    Py_ssize_t size_a = KR_ABS(Py_SIZE(a));
    Py_ssize_t wordshift = shift / PyLong_SHIFT;
    int loshift = (int)(shift % PyLong_SHIFT);
    Py_ssize_t newsize = size_a - wordshift;
    if (newsize <= 0)
        return kr_small_int(0);
    PyLongObject *z = _PyLong_New(newsize);
    if (z == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < newsize; i++) {
        twodigits t = a->ob_digit[wordshift + i];
        if (wordshift + i + 1 < size_a)
            t |= (twodigits)a->ob_digit[wordshift + i + 1] << PyLong_SHIFT;
        z->ob_digit[i] = (digit)((t >> loshift) & PyLong_MASK);
    }
    return kr_long_maybe_small(kr_long_normalize(z));
}

PyObject *kr_long_rshift_ssize(PyLongObject *a, Py_ssize_t shift)
{
    if (kr_long_is_compact((PyObject *)a)) {
        sdigit v = kr_long_compact_value((PyObject *)a);
        if (shift >= PyLong_SHIFT)
            return kr_small_int(v < 0 ? -1 : 0);
        return PyLong_FromLong((long)(v >> shift));   /* arithmetic shift floors */
    }
    if (Py_SIZE(a) >= 0)
        return kr_mag_rshift(a, shift);
    /* floor for negatives: a >> n == ~(~a >> n), and ~a = |a| - 1 */
    PyObject *absa = kr_long_abs(a);
    if (absa == NULL)
        return NULL;
    PyObject *m1 = kr_long_sub((PyLongObject *)absa, (PyLongObject *)kr_small_int(1));
    Py_DECREF(absa);
    if (m1 == NULL)
        return NULL;
    PyObject *t = kr_mag_rshift((PyLongObject *)m1, shift);
    Py_DECREF(m1);
    if (t == NULL)
        return NULL;
    PyObject *r = kr_long_invert((PyLongObject *)t);
    Py_DECREF(t);
    return r;
}

PyObject *kr_long_invert(PyLongObject *a)
{
    if (kr_long_is_compact((PyObject *)a))
        return kr_long_from_stwodigits(~(stwodigits)kr_long_compact_value((PyObject *)a));
    PyObject *t = kr_long_add(a, (PyLongObject *)kr_small_int(1));
    if (t == NULL)
        return NULL;
    PyObject *r = kr_long_neg((PyLongObject *)t);
    Py_DECREF(t);
    return r;
}

/* Copy |v|'s n digits into out as n-digit two's complement when negative. */
static void kr_twos_complement(digit *out, const PyLongObject *v, Py_ssize_t n, int negative)
{
    if (!negative) {
        memcpy(out, v->ob_digit, (size_t)n * sizeof(digit));
        return;
    }
    digit carry = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        carry += (~v->ob_digit[i]) & PyLong_MASK;
        out[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
}

PyObject *kr_long_bitwise(PyLongObject *a, char op, PyLongObject *b)
{
    if (kr_long_is_compact((PyObject *)a) && kr_long_is_compact((PyObject *)b)) {
        stwodigits x = kr_long_compact_value((PyObject *)a), y = kr_long_compact_value((PyObject *)b);
        stwodigits r = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
        return kr_long_from_stwodigits(r);
    }
    Py_ssize_t size_a = KR_ABS(Py_SIZE(a)), size_b = KR_ABS(Py_SIZE(b));
    if (size_a < size_b) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = size_a; size_a = size_b; size_b = tn;
    }
    int nega = Py_SIZE(a) < 0, negb = Py_SIZE(b) < 0;
    int negz = op == '&' ? (nega & negb) : op == '|' ? (nega | negb) : (nega ^ negb);
    PyLongObject *z = _PyLong_New(size_a + 1);
    if (z == NULL)
        return NULL;
    digit *bd = PyMem_Malloc((size_t)(size_b > 0 ? size_b : 1) * sizeof(digit));
    if (bd == NULL) {
        Py_DECREF(z);
        return PyErr_NoMemory();
    }
    kr_twos_complement(z->ob_digit, a, size_a, nega);
    kr_twos_complement(bd, b, size_b, negb);
    digit bext = negb ? PyLong_MASK : 0;
    for (Py_ssize_t i = 0; i < size_a; i++) {
        digit x = z->ob_digit[i], y = i < size_b ? bd[i] : bext;
        z->ob_digit[i] = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
    }
    PyMem_Free(bd);
    /* back to sign and magnitude: the size_a digits plus an infinite sign
     * extension; a negative result's magnitude may need one digit more */
    z->ob_digit[size_a] = 0;
    if (negz) {
        digit carry = 1;
        for (Py_ssize_t i = 0; i < size_a; i++) {
            carry += (~z->ob_digit[i]) & PyLong_MASK;
            z->ob_digit[i] = carry & PyLong_MASK;
            carry >>= PyLong_SHIFT;
        }
        z->ob_digit[size_a] = carry;
        Py_SET_SIZE(z, -(size_a + 1));
    }
    return kr_long_maybe_small(kr_long_normalize(z));
}

/* ---- slots ---- */

#define KR_CHECK_BINOP(a, b) \
    do { \
        if (!PyLong_Check(a) || !PyLong_Check(b)) \
            Py_RETURN_NOTIMPLEMENTED; \
    } while (0)

/* The shift count of b, or -1 with ValueError; *huge set when it does not
 * fit a Py_ssize_t. */
static Py_ssize_t kr_long_shift_count(PyObject *b, int *huge)
{
    *huge = 0;
    if (Py_SIZE(b) < 0) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return -1;
    }
    Py_ssize_t n;
    if (kr_long_as_ssize_t_fast(b, &n))
        return n;
    n = PyLong_AsSsize_t(b);
    if (n == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        *huge = 1;
    }
    return n;
}

PyObject *kr_long_nb_lshift(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    int huge;
    Py_ssize_t n = kr_long_shift_count(b, &huge);
    if (n < 0 && !huge)
        return NULL;
    if (Py_SIZE(a) == 0)
        return kr_small_int(0);
    if (huge)
        return PyErr_NoMemory();
    return kr_long_lshift_ssize((PyLongObject *)a, n);
}

PyObject *kr_long_nb_rshift(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    int huge;
    Py_ssize_t n = kr_long_shift_count(b, &huge);
    if (n < 0 && !huge)
        return NULL;
    if (huge)
        return kr_small_int(Py_SIZE(a) < 0 ? -1 : 0);
    return kr_long_rshift_ssize((PyLongObject *)a, n);
}

PyObject *kr_long_nb_and(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    return kr_long_bitwise((PyLongObject *)a, '&', (PyLongObject *)b);
}

PyObject *kr_long_nb_xor(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    return kr_long_bitwise((PyLongObject *)a, '^', (PyLongObject *)b);
}

PyObject *kr_long_nb_or(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    return kr_long_bitwise((PyLongObject *)a, '|', (PyLongObject *)b);
}

PyObject *kr_long_nb_invert(PyObject *a)
{
    return kr_long_invert((PyLongObject *)a);
}

PyObject *_PyLong_Lshift(PyObject *a, size_t shiftby)
{
    if (shiftby > (size_t)PY_SSIZE_T_MAX)
        return PyErr_NoMemory();
    return kr_long_lshift_ssize((PyLongObject *)a, (Py_ssize_t)shiftby);
}

PyObject *_PyLong_Rshift(PyObject *a, size_t shiftby)
{
    if (shiftby > (size_t)PY_SSIZE_T_MAX)
        return kr_small_int(Py_SIZE(a) < 0 ? -1 : 0);
    return kr_long_rshift_ssize((PyLongObject *)a, (Py_ssize_t)shiftby);
}
