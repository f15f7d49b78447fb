/* floatobject.c: the float type: allocation (with a per-context free
 * list), conversions, hashing, comparison with floats and exact
 * comparison with ints, arithmetic, and PyFloat_Type.  Methods and
 * float() parsing live in float_methods.c, formatting in
 * float_format.c, text conversion in pystrtod.c. */
#include "internal.h"
#include "objects/longobject_internal.h"
#include "objects/float_internal.h"
#include <float.h>

/* ---- allocation ---- */

PyObject *PyFloat_FromDouble(double fval)
{
    PyThreadState *ts = kr_tstate_get();
    PyFloatObject *op = NULL;
    if (ts != NULL)
        op = kr_freelist_pop(ts->interp, &ts->interp->numbers.floats);
    if (op == NULL) {
        op = (PyFloatObject *)PyObject_Malloc(sizeof(PyFloatObject));
        if (op == NULL)
            return PyErr_NoMemory();
    }
    op->ob_base.ob_refcnt = 1;
    op->ob_base.ob_type = &PyFloat_Type;
    op->ob_fval = fval;
    return (PyObject *)op;
}

static void kr_float_dealloc(PyObject *op)
{
    if (PyFloat_CheckExact(op)) {
        PyThreadState *ts = kr_tstate_get();
        if (ts != NULL && kr_freelist_push(ts->interp, &ts->interp->numbers.floats, op))
            return;
        PyObject_Free(op);
        return;
    }
    Py_TYPE(op)->tp_free(op);
}

static void kr_freelist_clear(kr_freelist *fl)
{
    void *p = fl->head;
    while (p != NULL) {
        void *next = (void *)Py_TYPE((PyObject *)p);
        PyObject_Free(p);
        p = next;
    }
    fl->head = NULL;
    fl->count = 0;
}

/* The numbers area's free lists (ints included) go at context teardown. */
void kr_numbers_state_fini(struct kr_numbers_state *st)
{
    kr_freelist_clear(&st->floats);
    kr_freelist_clear(&st->ints);
}

/* ---- conversions ---- */

double PyFloat_AsDouble(PyObject *op)
{
    if (op == NULL) {
        PyErr_BadArgument();
        return -1.0;
    }
    if (PyFloat_CheckExact(op))
        return PyFloat_AS_DOUBLE(op);
    PyNumberMethods *nb = Py_TYPE(op)->tp_as_number;
    if (nb == NULL || nb->nb_float == NULL) {
        if (nb != NULL && nb->nb_index != NULL) {
            PyObject *r = PyNumber_Index(op);
            if (r == NULL)
                return -1.0;
            double v = PyLong_AsDouble(r);
            Py_DECREF(r);
            return v;
        }
        PyErr_Format(PyExc_TypeError, "must be real number, not %.50s", Py_TYPE(op)->tp_name);
        return -1.0;
    }
    PyObject *res = nb->nb_float(op);
    if (res == NULL)
        return -1.0;
    if (!PyFloat_CheckExact(res)) {
        if (!PyFloat_Check(res)) {
            PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                         Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return -1.0;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "%.50s.__float__ returned non-float (type %.50s).  "
                             "The ability to return an instance of a strict subclass of float "
                             "is deprecated, and may be removed in a future version of Python.",
                             Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name) < 0) {
            Py_DECREF(res);
            return -1.0;
        }
    }
    double v = PyFloat_AS_DOUBLE(res);
    Py_DECREF(res);
    return v;
}

double PyFloat_GetMax(void) { return DBL_MAX; }
double PyFloat_GetMin(void) { return DBL_MIN; }

PyObject *PyFloat_GetInfo(void)
{
    /* sys.float_info's values, in its field order; the sys module wraps
     * them in its struct sequence type. */
    return Py_BuildValue("(diidiiidiii)", DBL_MAX, DBL_MAX_EXP, DBL_MAX_10_EXP, DBL_MIN,
                         DBL_MIN_EXP, DBL_MIN_10_EXP, DBL_DIG, DBL_EPSILON, DBL_MANT_DIG,
                         FLT_RADIX, FLT_ROUNDS);
}

/* ---- hashing ---- */

Py_hash_t _Py_HashDouble(PyObject *inst, double v)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? _PyHASH_INF : -_PyHASH_INF;
        return _Py_HashPointer(inst);
    }
    /* v = m * 2**e exactly; reduce modulo P = 2**61 - 1, consuming the
     * mantissa 28 bits at a time, then multiply by 2**e (a rotation by
     * e mod 61 because 2**61 = 1 mod P). */
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    Py_uhash_t x = 0;
    while (m) {
        x = ((x << 28) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - 28);
        m *= 268435456.0;   /* 2**28 */
        e -= 28;
        Py_uhash_t y = (Py_uhash_t)m;
        m -= (double)y;
        x += y;
        if (x >= _PyHASH_MODULUS)
            x -= _PyHASH_MODULUS;
    }
    int r = e >= 0 ? e % _PyHASH_BITS : _PyHASH_BITS - 1 - ((-1 - e) % _PyHASH_BITS);
    x = ((x << r) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - r);
    Py_hash_t h = (Py_hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static Py_hash_t kr_float_hash(PyObject *v)
{
    return _Py_HashDouble(v, PyFloat_AS_DOUBLE(v));
}

/* ---- comparison ---- */

/* Compare the finite double d with the int w exactly: -1, 0, 1. */
static int kr_float_compare_long(double d, PyLongObject *w)
{
    int dsign = d > 0 ? 1 : d < 0 ? -1 : 0;
    int wsign = Py_SIZE(w) > 0 ? 1 : Py_SIZE(w) < 0 ? -1 : 0;
    if (dsign != wsign)
        return dsign < wsign ? -1 : 1;
    size_t nbits = _PyLong_NumBits((PyObject *)w);
    if (nbits <= 48) {
        double wd = kr_long_as_double(w);   /* exact */
        return d < wd ? -1 : d > wd ? 1 : 0;
    }
    int e;
    frexp(d, &e);   /* |d| in [2**(e-1), 2**e); |w| in [2**(nbits-1), 2**nbits) */
    if (e < 0 || (size_t)e < nbits)
        return -dsign;   /* |d| < |w| */
    if ((size_t)e > nbits)
        return dsign;
    /* same magnitude: compare integer parts exactly, then the fraction */
    double ipart;
    double frac = modf(d, &ipart);
    PyObject *iv = PyLong_FromDouble(ipart);
    if (iv == NULL)
        return 2;
    int c = kr_long_compare((PyLongObject *)iv, w);
    Py_DECREF(iv);
    if (c != 0)
        return c;
    return frac > 0 ? 1 : frac < 0 ? -1 : 0;
}

static PyObject *kr_float_richcompare(PyObject *v, PyObject *w, int op)
{
    double i = PyFloat_AS_DOUBLE(v), j;
    if (PyFloat_Check(w))
        j = PyFloat_AS_DOUBLE(w);
    else if (PyLong_Check(w)) {
        if (isnan(i))
            return PyBool_FromLong(op == Py_NE);
        if (isinf(i))
            j = 0.0;   /* only the sign of the infinity matters */
        else {
            int c = kr_float_compare_long(i, (PyLongObject *)w);
            if (c == 2)
                return NULL;
            i = c;
            j = 0.0;
        }
    }
    else
        Py_RETURN_NOTIMPLEMENTED;
    int r;
    switch (op) {
    case Py_EQ: r = i == j; break;
    case Py_NE: r = i != j; break;
    case Py_LT: r = i < j; break;
    case Py_LE: r = i <= j; break;
    case Py_GT: r = i > j; break;
    default: r = i >= j; break;
    }
    return PyBool_FromLong(r);
}

/* ---- arithmetic ---- */

#define KR_FLOAT_OPERANDS(v, w, a, b) \
    do { \
        int _ra = kr_float_operand((v), &(a)); \
        if (_ra < 0) return NULL; \
        if (_ra == 0) Py_RETURN_NOTIMPLEMENTED; \
        int _rb = kr_float_operand((w), &(b)); \
        if (_rb < 0) return NULL; \
        if (_rb == 0) Py_RETURN_NOTIMPLEMENTED; \
    } while (0)

static PyObject *kr_float_add(PyObject *v, PyObject *w)
{
    double a, b;
    KR_FLOAT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a + b);
}

static PyObject *kr_float_sub(PyObject *v, PyObject *w)
{
    double a, b;
    KR_FLOAT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a - b);
}

static PyObject *kr_float_mul(PyObject *v, PyObject *w)
{
    double a, b;
    KR_FLOAT_OPERANDS(v, w, a, b);
    return PyFloat_FromDouble(a * b);
}

static PyObject *kr_float_div(PyObject *v, PyObject *w)
{
    double a, b;
    KR_FLOAT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(a / b);
}

/* Python's floor-division pair for doubles (b nonzero). */
static void kr_float_divmod_pair(double vx, double wx, double *pdiv, double *pmod)
{
    double mod = fmod(vx, wx);
    /* fmod is exact; vx - mod is an exact multiple of wx up to rounding */
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    }
    else
        mod = copysign(0.0, wx);
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    }
    else
        floordiv = copysign(0.0, vx / wx);
    *pdiv = floordiv;
    *pmod = mod;
}

static PyObject *kr_float_rem(PyObject *v, PyObject *w)
{
    double a, b;
    KR_FLOAT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    double mod = fmod(a, b);
    if (mod) {
        if ((b < 0) != (mod < 0))
            mod += b;
    }
    else
        mod = copysign(0.0, b);
    return PyFloat_FromDouble(mod);
}

static PyObject *kr_float_divmod(PyObject *v, PyObject *w)
{
    double a, b, d, m;
    KR_FLOAT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    kr_float_divmod_pair(a, b, &d, &m);
    return Py_BuildValue("(dd)", d, m);
}

static PyObject *kr_float_floor_div(PyObject *v, PyObject *w)
{
    double a, b, d, m;
    KR_FLOAT_OPERANDS(v, w, a, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    kr_float_divmod_pair(a, b, &d, &m);
    return PyFloat_FromDouble(d);
}

PyObject *kr_float_nb_pow(PyObject *v, PyObject *w, PyObject *z)
{
    if (z != Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    double iv, iw;
    KR_FLOAT_OPERANDS(v, w, iv, iw);
    /* C99 pow's special cases differ from Python's in places, so settle
     * every special value here and hand libm only ordinary operands. */
    if (iw == 0)
        return PyFloat_FromDouble(1.0);          /* x**0 is 1, even nan**0 */
    if (isnan(iv))
        return PyFloat_FromDouble(iv);
    if (isnan(iw))
        return PyFloat_FromDouble(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        double av = fabs(iv);
        if (av == 1.0)
            return PyFloat_FromDouble(1.0);
        if ((iw > 0.0) == (av > 1.0))
            return PyFloat_FromDouble(fabs(iw));
        return PyFloat_FromDouble(0.0);
    }
    if (isinf(iv)) {
        int odd = kr_double_is_odd_integer(iw);
        if (iw > 0.0)
            return PyFloat_FromDouble(odd ? iv : fabs(iv));
        return PyFloat_FromDouble(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            PyErr_SetString(PyExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return PyFloat_FromDouble(kr_double_is_odd_integer(iw) ? iv : 0.0);
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw))
            /* a negative base to a fractional power is complex */
            return PyComplex_Type.tp_as_number->nb_power(v, w, z);
        iv = -iv;
        negate = kr_double_is_odd_integer(iw);
    }
    if (iv == 1.0)
        return PyFloat_FromDouble(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    Py_ADJUST_ERANGE1(ix);
    if (negate)
        ix = -ix;
    if (errno != 0) {
        PyErr_SetFromErrno(errno == ERANGE ? PyExc_OverflowError : PyExc_ValueError);
        return NULL;
    }
    return PyFloat_FromDouble(ix);
}

static PyObject *kr_float_neg(PyObject *v) { return PyFloat_FromDouble(-PyFloat_AS_DOUBLE(v)); }
static PyObject *kr_float_abs(PyObject *v) { return PyFloat_FromDouble(fabs(PyFloat_AS_DOUBLE(v))); }
static int kr_float_bool(PyObject *v) { return PyFloat_AS_DOUBLE(v) != 0.0; }

/* +x and float(x): x itself when exact */
static PyObject *kr_float_float(PyObject *v)
{
    if (PyFloat_CheckExact(v))
        return Py_NewRef(v);
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *kr_float_int(PyObject *v)
{
    return PyLong_FromDouble(PyFloat_AS_DOUBLE(v));
}

PyObject *kr_float_repr(PyObject *v)
{
    char *buf = PyOS_double_to_string(PyFloat_AS_DOUBLE(v), 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (buf == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromString(buf);
    PyMem_Free(buf);
    return r;
}

static PyNumberMethods kr_float_as_number = {
    .nb_add = kr_float_add,
    .nb_subtract = kr_float_sub,
    .nb_multiply = kr_float_mul,
    .nb_remainder = kr_float_rem,
    .nb_divmod = kr_float_divmod,
    .nb_power = kr_float_nb_pow,
    .nb_negative = kr_float_neg,
    .nb_positive = kr_float_float,
    .nb_absolute = kr_float_abs,
    .nb_bool = kr_float_bool,
    .nb_int = kr_float_int,
    .nb_float = kr_float_float,
    .nb_floor_divide = kr_float_floor_div,
    .nb_true_divide = kr_float_div,
};

PyTypeObject PyFloat_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "float",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_dealloc = kr_float_dealloc,
    .tp_repr = kr_float_repr,
    .tp_as_number = &kr_float_as_number,
    .tp_hash = kr_float_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_richcompare = kr_float_richcompare,
    .tp_methods = kr_float_methods,
    .tp_getset = kr_float_getset,
    .tp_new = kr_float_tp_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = kr_float_vectorcall,
};

/* ---- IEEE packing ---- */

static void kr_copy_bytes(char *dst, const char *src, int n, int reverse)
{
    for (int i = 0; i < n; i++)
        dst[i] = src[reverse ? n - 1 - i : i];
}

int PyFloat_Pack8(double x, char *p, int le)
{
    kr_copy_bytes(p, (const char *)&x, 8, !le);
    return 0;
}

int PyFloat_Pack4(double x, char *p, int le)
{
    float y = (float)x;
    if (isinf(y) && !isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
        return -1;
    }
    kr_copy_bytes(p, (const char *)&y, 4, !le);
    return 0;
}

int PyFloat_Pack2(double x, char *p, int le)
{
    unsigned short bits;
    unsigned sign = signbit(x) ? 1u : 0u;
    if (x == 0.0)
        bits = 0;
    else if (isinf(x))
        bits = 0x7c00;
    else if (isnan(x))
        bits = 0x7e00;
    else {
        int e;
        double f = frexp(fabs(x), &e) * 2.0;   /* in [1, 2) */
        e--;
        if (e >= 16)
            goto overflow;
        if (e < -25) {
            f = 0.0;
            e = 0;
        }
        else if (e < -14) {
            f = ldexp(f, 14 + e);   /* subnormal */
            e = 0;
        }
        else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        unsigned m = (unsigned)f;
        double rest = f - m;
        if (rest > 0.5 || (rest == 0.5 && (m & 1))) {
            m++;
            if (m == 1024) {
                m = 0;
                e++;
                if (e == 31)
                    goto overflow;
            }
        }
        bits = (unsigned short)(m | ((unsigned)e << 10));
    }
    bits |= (unsigned short)(sign << 15);
    p[le ? 0 : 1] = (char)(bits & 0xff);
    p[le ? 1 : 0] = (char)(bits >> 8);
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
    return -1;
}

double PyFloat_Unpack8(const char *p, int le)
{
    double x;
    kr_copy_bytes((char *)&x, p, 8, !le);
    return x;
}

double PyFloat_Unpack4(const char *p, int le)
{
    float y;
    kr_copy_bytes((char *)&y, p, 4, !le);
    return y;
}

double PyFloat_Unpack2(const char *p, int le)
{
    unsigned bits = (unsigned char)p[le ? 0 : 1] | ((unsigned)(unsigned char)p[le ? 1 : 0] << 8);
    int sign = (bits >> 15) & 1;
    int e = (int)((bits >> 10) & 0x1f);
    unsigned m = bits & 0x3ff;
    double x;
    if (e == 0x1f)
        x = m == 0 ? Py_HUGE_VAL : Py_NAN;
    else if (e == 0)
        x = ldexp((double)m, -24);
    else
        x = ldexp((double)(m | 0x400), e - 25);
    return sign ? -x : x;
}
