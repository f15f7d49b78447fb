/* long_arith.c: int addition, subtraction and multiplication, and the
 * simple unary slots.
 *
 * Operands of one digit take a fast path through a C stwodigits.  Longer
 * products use schoolbook multiplication below KR_KARATSUBA_CUTOFF digits
 * and Karatsuba's three-multiplication split above it; an operand much
 * longer than the other is cut into slices so the split stays balanced. */
#include "internal.h"
#include "objects/longobject_internal.h"

#define KR_KARATSUBA_CUTOFF 70

/* ---- magnitudes ---- */

/* |a| + |b| as a new non-negative int. */
static PyLongObject *kr_mag_add(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = KR_ABS(Py_SIZE(a)), nb = KR_ABS(Py_SIZE(b));
    if (na < nb) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    PyLongObject *z = _PyLong_New(na + 1);
    if (z == NULL)
        return NULL;
    digit carry = 0;
    Py_ssize_t i = 0;
    for (; i < nb; i++) {
        carry += a->ob_digit[i] + b->ob_digit[i];
        z->ob_digit[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; i < na; i++) {
        carry += a->ob_digit[i];
        z->ob_digit[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    z->ob_digit[i] = carry;
    return kr_long_normalize(z);
}

/* |a| - |b| as a new int (negative when |a| < |b|). */
static PyLongObject *kr_mag_sub(PyLongObject *a, PyLongObject *b)
{
    Py_ssize_t na = KR_ABS(Py_SIZE(a)), nb = KR_ABS(Py_SIZE(b));
    int negative = 0;
    /* decide which magnitude is larger */
    if (na == nb) {
        Py_ssize_t i = na;
        while (--i >= 0 && a->ob_digit[i] == b->ob_digit[i])
            ;
        if (i < 0)
            return (PyLongObject *)kr_small_int(0);
        if (a->ob_digit[i] < b->ob_digit[i])
            negative = 1;
        na = nb = i + 1;   /* equal high digits cancel */
    }
    else if (na < nb)
        negative = 1;
    if (negative) {
        PyLongObject *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    PyLongObject *z = _PyLong_New(na);
    if (z == NULL)
        return NULL;
    digit borrow = 0;
    Py_ssize_t i = 0;
    for (; i < nb; i++) {
        borrow = a->ob_digit[i] - b->ob_digit[i] - borrow;
        z->ob_digit[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = a->ob_digit[i] - borrow;
        z->ob_digit[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    if (negative)
        Py_SET_SIZE(z, -na);
    return kr_long_normalize(z);
}

PyObject *kr_long_add(PyLongObject *a, PyLongObject *b)
{
    if (kr_long_is_compact((PyObject *)a) && kr_long_is_compact((PyObject *)b))
        return kr_long_from_stwodigits((stwodigits)kr_long_compact_value((PyObject *)a) +
                                       kr_long_compact_value((PyObject *)b));
    PyLongObject *z;
    if (Py_SIZE(a) < 0) {
        if (Py_SIZE(b) < 0) {
            z = kr_mag_add(a, b);
            if (z != NULL)
                kr_long_negate_inplace(z);   /* fresh object; never a small int here */
        }
        else
            z = kr_mag_sub(b, a);
    }
    else
        z = Py_SIZE(b) < 0 ? kr_mag_sub(a, b) : kr_mag_add(a, b);
    return kr_long_maybe_small(z);
}

PyObject *kr_long_sub(PyLongObject *a, PyLongObject *b)
{
    if (kr_long_is_compact((PyObject *)a) && kr_long_is_compact((PyObject *)b))
        return kr_long_from_stwodigits((stwodigits)kr_long_compact_value((PyObject *)a) -
                                       kr_long_compact_value((PyObject *)b));
    PyLongObject *z;
    if (Py_SIZE(a) < 0) {
        z = Py_SIZE(b) < 0 ? kr_mag_sub(b, a) : kr_mag_add(a, b);
        if (z != NULL && Py_SIZE(b) >= 0 && !_Py_IsImmortal(z))
            kr_long_negate_inplace(z);
    }
    else
        z = Py_SIZE(b) < 0 ? kr_mag_add(a, b) : kr_mag_sub(a, b);
    return kr_long_maybe_small(z);
}

/* ---- multiplication on digit arrays ---- */

/* z[0 .. na+nb) = a * b, schoolbook. */
static void kr_mul_school(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    memset(z, 0, (size_t)(na + nb) * sizeof(digit));
    for (Py_ssize_t i = 0; i < na; i++) {
        twodigits f = a[i];
        if (f == 0)
            continue;
        twodigits carry = 0;
        digit *pz = z + i;
        for (Py_ssize_t j = 0; j < nb; j++) {
            carry += pz[j] + f * b[j];
            pz[j] = (digit)(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
        }
        for (Py_ssize_t k = nb; carry; k++) {
            carry += pz[k];
            pz[k] = (digit)(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
        }
    }
}

/* z[0..nz) += p[0..np); returns the carry out of z. */
static digit kr_digits_add_into(digit *z, Py_ssize_t nz, const digit *p, Py_ssize_t np)
{
    digit carry = 0;
    Py_ssize_t i = 0;
    for (; i < np && i < nz; i++) {
        carry += z[i] + p[i];
        z[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; carry && i < nz; i++) {
        carry += z[i];
        z[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    return carry;
}

/* z[0..nz) -= p[0..np) (requires z >= p); returns the final borrow. */
static digit kr_digits_sub_from(digit *z, Py_ssize_t nz, const digit *p, Py_ssize_t np)
{
    digit borrow = 0;
    Py_ssize_t i = 0;
    for (; i < np; i++) {
        borrow = z[i] - p[i] - borrow;
        z[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; borrow && i < nz; i++) {
        borrow = z[i] - borrow;
        z[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    return borrow;
}

/* s[0 .. max(nx,ny)+1) = x + y */
static Py_ssize_t kr_digits_sum(digit *s, const digit *x, Py_ssize_t nx, const digit *y, Py_ssize_t ny)
{
    if (nx < ny) {
        const digit *t = x; x = y; y = t;
        Py_ssize_t tn = nx; nx = ny; ny = tn;
    }
    memcpy(s, x, (size_t)nx * sizeof(digit));
    s[nx] = 0;
    kr_digits_add_into(s, nx + 1, y, ny);
    return nx + 1;
}

static int kr_mul_digits(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, int force);

/* z[0 .. na+nb) = a * b with na <= nb; Karatsuba.  -1 on memory error. */
static int kr_mul_kara(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    if (2 * na <= nb) {
        /* lopsided: multiply a by na-digit slices of b */
        digit *tmp = PyMem_Malloc((size_t)(2 * na) * sizeof(digit));
        if (tmp == NULL)
            return -1;
        memset(z, 0, (size_t)(na + nb) * sizeof(digit));
        for (Py_ssize_t off = 0; off < nb; off += na) {
            Py_ssize_t chunk = nb - off < na ? nb - off : na;
            if (kr_mul_digits(tmp, a, na, b + off, chunk, 0) < 0) {
                PyMem_Free(tmp);
                return -1;
            }
            kr_digits_add_into(z + off, na + nb - off, tmp, na + chunk);
        }
        PyMem_Free(tmp);
        return 0;
    }
    /* a = ah*B**h + al, b = bh*B**h + bl; na > h because 2*na > nb >= 2*h */
    Py_ssize_t h = nb / 2;
    const digit *al = a, *ah = a + h, *bl = b, *bh = b + h;
    Py_ssize_t nal = h, nah = na - h, nbl = h, nbh = nb - h;
    Py_ssize_t ns1 = (nal > nah ? nal : nah) + 1, ns2 = nbh + 1;
    digit *buf = PyMem_Malloc((size_t)(ns1 + ns2 + ns1 + ns2) * sizeof(digit));
    if (buf == NULL)
        return -1;
    digit *s1 = buf, *s2 = buf + ns1, *p = buf + ns1 + ns2;
    /* the high and low products land in disjoint halves of z */
    if (kr_mul_digits(z + 2 * h, ah, nah, bh, nbh, 0) < 0 ||
        kr_mul_digits(z, al, nal, bl, nbl, 0) < 0)
        goto fail;
    kr_digits_sum(s1, al, nal, ah, nah);
    kr_digits_sum(s2, bl, nbl, bh, nbh);
    if (kr_mul_digits(p, s1, ns1, s2, ns2, 0) < 0)
        goto fail;
    /* p = (al+ah)(bl+bh) - ah*bh - al*bl = ah*bl + al*bh >= 0 */
    Py_ssize_t np = ns1 + ns2;
    kr_digits_sub_from(p, np, z + 2 * h, nah + nbh);
    kr_digits_sub_from(p, np, z, 2 * h);
    /* its high digits beyond z's end are zero: the total fits na+nb */
    kr_digits_add_into(z + h, na + nb - h, p, np < na + nb - h ? np : na + nb - h);
    PyMem_Free(buf);
    return 0;
fail:
    PyMem_Free(buf);
    return -1;
}

/* z[0 .. na+nb) = a * b, choosing the algorithm; force selects Karatsuba
 * at the top level regardless of size (the unit test compares them). */
static int kr_mul_digits(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb, int force)
{
    if (na > nb) {
        const digit *t = a; a = b; b = t;
        Py_ssize_t tn = na; na = nb; nb = tn;
    }
    /* trim high zero digits, which sums in Karatsuba can produce */
    while (na > 0 && a[na - 1] == 0) {
        z[na - 1 + nb] = 0;
        na--;
    }
    if (na == 0) {
        memset(z, 0, (size_t)nb * sizeof(digit));
        return 0;
    }
    if ((na < KR_KARATSUBA_CUTOFF && !force) || na < 2) {
        kr_mul_school(z, a, na, b, nb);
        return 0;
    }
    return kr_mul_kara(z, a, na, b, nb);
}

static PyLongObject *kr_long_mul_impl(PyLongObject *a, PyLongObject *b, int algo)
{
    Py_ssize_t na = KR_ABS(Py_SIZE(a)), nb = KR_ABS(Py_SIZE(b));
    PyLongObject *z = _PyLong_New(na + nb);
    if (z == NULL)
        return NULL;
    if (na + nb == 0) {
        Py_SET_SIZE(z, 0);
        return z;
    }
    int r;
    if (algo == 1) {
        kr_mul_school(z->ob_digit, a->ob_digit, na, b->ob_digit, nb);
        r = 0;
    }
    else
        r = kr_mul_digits(z->ob_digit, a->ob_digit, na, b->ob_digit, nb, algo == 2);
    if (r < 0) {
        Py_DECREF(z);
        PyErr_NoMemory();
        return NULL;
    }
    if ((Py_SIZE(a) < 0) != (Py_SIZE(b) < 0))
        Py_SET_SIZE(z, -(na + nb));
    return kr_long_normalize(z);
}

PyLongObject *kr_long_mul_schoolbook(PyLongObject *a, PyLongObject *b) { return kr_long_mul_impl(a, b, 1); }
PyLongObject *kr_long_mul_karatsuba(PyLongObject *a, PyLongObject *b) { return kr_long_mul_impl(a, b, 2); }

PyObject *kr_long_mul(PyLongObject *a, PyLongObject *b)
{
    if (kr_long_is_compact((PyObject *)a) && kr_long_is_compact((PyObject *)b))
        return kr_long_from_stwodigits((stwodigits)kr_long_compact_value((PyObject *)a) *
                                       kr_long_compact_value((PyObject *)b));
    return kr_long_maybe_small(kr_long_mul_impl(a, b, 0));
}

PyObject *kr_long_neg(PyLongObject *a)
{
    if (kr_long_is_compact((PyObject *)a))
        return kr_long_from_stwodigits(-(stwodigits)kr_long_compact_value((PyObject *)a));
    PyLongObject *z = (PyLongObject *)_PyLong_Copy(a);
    if (z != NULL)
        kr_long_negate_inplace(z);
    return (PyObject *)z;
}

PyObject *kr_long_abs(PyLongObject *a)
{
    if (Py_SIZE(a) < 0)
        return kr_long_neg(a);
    if (PyLong_CheckExact(a))
        return Py_NewRef((PyObject *)a);
    return _PyLong_Copy(a);
}

/* ---- slots ---- */

#define KR_CHECK_BINOP(a, b) \
    do { \
        if (!PyLong_Check(a) || !PyLong_Check(b)) \
            Py_RETURN_NOTIMPLEMENTED; \
    } while (0)

PyObject *kr_long_nb_add(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    return kr_long_add((PyLongObject *)a, (PyLongObject *)b);
}

PyObject *kr_long_nb_sub(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    return kr_long_sub((PyLongObject *)a, (PyLongObject *)b);
}

PyObject *kr_long_nb_mul(PyObject *a, PyObject *b)
{
    KR_CHECK_BINOP(a, b);
    return kr_long_mul((PyLongObject *)a, (PyLongObject *)b);
}

PyObject *kr_long_nb_neg(PyObject *a) { return kr_long_neg((PyLongObject *)a); }
PyObject *kr_long_nb_abs(PyObject *a) { return kr_long_abs((PyLongObject *)a); }
int kr_long_nb_bool(PyObject *a) { return Py_SIZE(a) != 0; }

/* +x, int(x), x.__index__(): x itself for an exact int, else a plain copy. */
PyObject *kr_long_nb_int(PyObject *a)
{
    if (PyLong_CheckExact(a))
        return Py_NewRef(a);
    return _PyLong_Copy((PyLongObject *)a);
}

PyObject *kr_long_nb_pos(PyObject *a) { return kr_long_nb_int(a); }

PyObject *kr_long_nb_float(PyObject *a)
{
    double d = kr_long_as_double((PyLongObject *)a);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(d);
}
