/* float_methods.c: float() (text parsing and the constructor) and the
 * Python-level methods of float: as_integer_ratio, is_integer, hex,
 * fromhex, __round__ (correctly rounded, using exact integer arithmetic),
 * __trunc__/__floor__/__ceil__, __getformat__, __format__. */
#include "internal.h"
#include "objects/longobject_internal.h"
#include "objects/float_internal.h"
#include "objects/formatspec.h"
#include <float.h>

/* ---- float(x) ---- */

static int kr_isspace_ascii(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* s[0..len) holds no underscores and is NUL-terminated at len */
static PyObject *kr_float_from_string_inner(const char *s, Py_ssize_t len, void *obj)
{
    char *end;
    double x = PyOS_string_to_double(s, &end, NULL);
    if (end != s + len || len == 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", (PyObject *)obj);
        return NULL;
    }
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(x);
}

/* Parse buf[0..len) (not NUL-terminated), naming obj in errors. */
static PyObject *kr_float_parse_buffer(const char *buf, Py_ssize_t len, PyObject *obj)
{
    Py_ssize_t a = 0, b = len;
    while (a < b && kr_isspace_ascii((unsigned char)buf[a]))
        a++;
    while (b > a && kr_isspace_ascii((unsigned char)buf[b - 1]))
        b--;
    char *copy = PyMem_Malloc((size_t)(b - a) + 1);
    if (copy == NULL)
        return PyErr_NoMemory();
    memcpy(copy, buf + a, (size_t)(b - a));
    copy[b - a] = '\0';
    PyObject *r = _Py_string_to_number_with_underscores(copy, b - a, "float", obj, obj,
                                                        kr_float_from_string_inner);
    PyMem_Free(copy);
    return r;
}

PyObject *kr_float_from_text(PyObject *v)
{
    if (PyUnicode_Check(v)) {
        if (PyUnicode_IS_ASCII(v))
            return kr_float_parse_buffer((const char *)PyUnicode_DATA(v), PyUnicode_GET_LENGTH(v), v);
        PyObject *ascii = _PyUnicode_TransformDecimalAndSpaceToASCII(v);
        if (ascii == NULL)
            return NULL;
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(ascii, &len);
        PyObject *r = s ? kr_float_parse_buffer(s, len, v) : NULL;
        Py_DECREF(ascii);
        return r;
    }
    if (PyBytes_Check(v))
        return kr_float_parse_buffer(PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v), v);
    if (PyByteArray_Check(v))
        return kr_float_parse_buffer(PyByteArray_AS_STRING(v), PyByteArray_GET_SIZE(v), v);
    if (PyObject_CheckBuffer(v)) {
        Py_buffer view;
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        PyObject *r = kr_float_parse_buffer((const char *)view.buf, view.len, v);
        PyBuffer_Release(&view);
        return r;
    }
    PyErr_Format(PyExc_TypeError, "float() argument must be a string or a real number, not '%.200s'",
                 Py_TYPE(v)->tp_name);
    return NULL;
}

PyObject *PyFloat_FromString(PyObject *v)
{
    return kr_float_from_text(v);
}

PyObject *kr_float_from_object(PyObject *x)
{
    if (PyFloat_CheckExact(x))
        return Py_NewRef(x);
    PyNumberMethods *nb = Py_TYPE(x)->tp_as_number;
    if (nb != NULL && (nb->nb_float != NULL || nb->nb_index != NULL)) {
        double d = PyFloat_AsDouble(x);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        return PyFloat_FromDouble(d);
    }
    if (PyFloat_Check(x))
        return PyFloat_FromDouble(PyFloat_AS_DOUBLE(x));
    return kr_float_from_text(x);
}

static PyObject *kr_float_new_impl(PyTypeObject *type, PyObject *x)
{
    PyObject *tmp = x == NULL ? PyFloat_FromDouble(0.0) : kr_float_from_object(x);
    if (tmp == NULL || type == &PyFloat_Type)
        return tmp;
    PyObject *r = type->tp_alloc(type, 0);
    if (r != NULL)
        ((PyFloatObject *)r)->ob_fval = PyFloat_AS_DOUBLE(tmp);
    Py_DECREF(tmp);
    return r;
}

PyObject *kr_float_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    return kr_float_new_impl((PyTypeObject *)type, nargs ? args[0] : NULL);
}

PyObject *kr_float_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* keywords are refused unless a subclass brings its own __init__ */
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        (type == &PyFloat_Type || type->tp_init == PyFloat_Type.tp_init)) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 1) {
        PyErr_Format(PyExc_TypeError, "float expected at most 1 argument, got %zd", n);
        return NULL;
    }
    return kr_float_new_impl(type, n ? PyTuple_GET_ITEM(args, 0) : NULL);
}

/* ---- methods ---- */

#define KR_FVAL(o) PyFloat_AS_DOUBLE(o)

static PyObject *kr_float_self(PyObject *self, PyObject *unused)
{
    if (PyFloat_CheckExact(self))
        return Py_NewRef(self);
    return PyFloat_FromDouble(KR_FVAL(self));
}

static PyObject *kr_float_trunc(PyObject *self, PyObject *unused)
{
    return PyLong_FromDouble(KR_FVAL(self));
}

static PyObject *kr_float_floor(PyObject *self, PyObject *unused)
{
    return PyLong_FromDouble(floor(KR_FVAL(self)));
}

static PyObject *kr_float_ceil(PyObject *self, PyObject *unused)
{
    return PyLong_FromDouble(ceil(KR_FVAL(self)));
}

static PyObject *kr_float_is_integer(PyObject *self, PyObject *unused)
{
    double x = KR_FVAL(self);
    return PyBool_FromLong(isfinite(x) && floor(x) == x);
}

static PyObject *kr_float_getnewargs(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(d)", KR_FVAL(self));
}

/* x = *mant * 2***exp exactly, with *mant an odd integer (or zero) */
static PyObject *kr_float_exact_parts(double x, int *exp)
{
    int e;
    double m = frexp(x, &e);
    /* scale until integral: at most 53 + 1074 steps, usually few */
    while (m != floor(m)) {
        m *= 2.0;
        e--;
    }
    *exp = e;
    return PyLong_FromDouble(m);
}

static PyObject *kr_float_as_integer_ratio(PyObject *self, PyObject *unused)
{
    double x = KR_FVAL(self);
    if (isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    PyObject *num = kr_float_exact_parts(x, &e);
    if (num == NULL)
        return NULL;
    PyObject *den = kr_small_int(1);
    if (e > 0)
        Py_SETREF(num, kr_long_lshift_ssize((PyLongObject *)num, e));
    else if (e < 0)
        den = kr_long_lshift_ssize((PyLongObject *)den, -e);
    if (num == NULL || den == NULL) {
        Py_XDECREF(num);
        Py_XDECREF(den);
        return NULL;
    }
    PyObject *t = PyTuple_Pack(2, num, den);
    Py_DECREF(num);
    Py_DECREF(den);
    return t;
}

/* round(x, nd) for finite x: the exact value rounded half-even to nd
 * decimal places, then correctly rounded back to a double. */
static PyObject *kr_float_round_digits(double x, Py_ssize_t nd)
{
    int e;
    PyObject *m = kr_float_exact_parts(x, &e);   /* x = m * 2**e */
    if (m == NULL)
        return NULL;
    PyObject *p10 = NULL, *num = NULL, *den = NULL, *qr = NULL, *res = NULL;
    PyObject *absnd = PyLong_FromSsize_t(nd < 0 ? -nd : nd);
    if (absnd == NULL)
        goto done;
    p10 = kr_long_pow(kr_small_int(10), absnd, Py_None);
    Py_DECREF(absnd);
    if (p10 == NULL)
        goto done;
    /* x * 10**nd = num / den */
    if (nd >= 0) {
        num = kr_long_mul((PyLongObject *)m, (PyLongObject *)p10);
        den = kr_small_int(1);
    }
    else {
        num = Py_NewRef(m);
        den = Py_NewRef(p10);
    }
    if (num == NULL)
        goto done;
    if (e > 0)
        Py_SETREF(num, kr_long_lshift_ssize((PyLongObject *)num, e));
    else if (e < 0)
        Py_SETREF(den, kr_long_lshift_ssize((PyLongObject *)den, -e));
    if (num == NULL || den == NULL)
        goto done;
    qr = _PyLong_DivmodNear(num, den);
    if (qr == NULL)
        goto done;
    PyObject *q = PyTuple_GET_ITEM(qr, 0);
    double r;
    if (nd >= 0) {
        PyObject *f = kr_long_true_divide((PyLongObject *)q, (PyLongObject *)p10);
        if (f == NULL)
            goto done;
        r = PyFloat_AS_DOUBLE(f);
        Py_DECREF(f);
    }
    else {
        PyObject *big = kr_long_mul((PyLongObject *)q, (PyLongObject *)p10);
        if (big == NULL)
            goto done;
        r = kr_long_as_double((PyLongObject *)big);
        Py_DECREF(big);
        if (r == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
            goto done;
        }
    }
    res = PyFloat_FromDouble(r == 0.0 ? copysign(0.0, x) : r);
done:
    Py_XDECREF(m);
    Py_XDECREF(p10);
    Py_XDECREF(num);
    Py_XDECREF(den);
    Py_XDECREF(qr);
    return res;
}

static PyObject *kr_float_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    double x = KR_FVAL(self);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0 || args[0] == Py_None) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);   /* ties go to even */
        return PyLong_FromDouble(r);
    }
    Py_ssize_t nd = PyNumber_AsSsize_t(args[0], NULL);
    if (nd == -1 && PyErr_Occurred())
        return NULL;
    if (!isfinite(x) || x == 0.0)
        return PyFloat_FromDouble(x);
    /* beyond these every double is unchanged, or rounds to zero */
    if (nd > 323)
        return PyFloat_FromDouble(x);
    if (nd < -308)
        return PyFloat_FromDouble(0.0 * x);
    return kr_float_round_digits(x, nd);
}

static PyObject *kr_float_hex(PyObject *self, PyObject *unused)
{
    double x = KR_FVAL(self);
    if (isnan(x) || isinf(x))
        return kr_float_repr(self);
    if (x == 0.0)
        return PyUnicode_FromString(copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    /* leading hex digit 1 for normal numbers, 0 for subnormals */
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char buf[40], *p = buf;
    if (x < 0)
        *p++ = '-';
    *p++ = '0';
    *p++ = 'x';
    int lead = (int)m;
    *p++ = (char)('0' + lead);
    m -= lead;
    *p++ = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        int d = (int)m;
        *p++ = "0123456789abcdef"[d];
        m -= d;
    }
    snprintf(p, sizeof buf - (size_t)(p - buf), "p%+d", e);
    return PyUnicode_FromString(buf);
}

static int kr_hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Parse a hexadecimal float literal; -1 on syntax error, -2 on overflow. */
static int kr_parse_hex_float(const char *s, double *out)
{
    const unsigned char *p = (const unsigned char *)s;
    while (kr_isspace_ascii(*p))
        p++;
    char *end;
    double special = _Py_parse_inf_or_nan((const char *)p, &end);
    if ((const unsigned char *)end != p) {
        p = (const unsigned char *)end;
        while (kr_isspace_ascii(*p))
            p++;
        if (*p)
            return -1;
        *out = special;
        return 0;
    }
    int negative = 0;
    if (*p == '-' || *p == '+')
        negative = *p++ == '-';
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        p += 2;
    /* up to 16 significant hex digits into acc, the rest as a sticky bit */
    uint64_t acc = 0;
    int nsig = 0, sticky = 0, any = 0;
    Py_ssize_t dropped = 0, frac = 0;   /* hex digits beyond acc; digits after the point */
    for (int pass = 0; pass < 2; pass++) {
        while (kr_hexval(*p) >= 0) {
            int d = kr_hexval(*p++);
            any = 1;
            if (pass)
                frac++;
            if (nsig == 0 && d == 0)
                continue;
            if (nsig < 16) {
                acc = (acc << 4) | (uint64_t)d;
                nsig++;
            }
            else {
                sticky |= d != 0;
                dropped++;
            }
        }
        if (pass == 0) {
            if (*p != '.')
                break;
            p++;
        }
    }
    if (!any)
        return -1;
    long long pexp = 0;
    if (*p == 'p' || *p == 'P') {
        p++;
        int eneg = 0;
        if (*p == '-' || *p == '+')
            eneg = *p++ == '-';
        if (!(*p >= '0' && *p <= '9'))
            return -1;
        while (*p >= '0' && *p <= '9') {
            if (pexp < 100000000000LL)
                pexp = pexp * 10 + (*p - '0');
            p++;
        }
        if (eneg)
            pexp = -pexp;
    }
    while (kr_isspace_ascii(*p))
        p++;
    if (*p)
        return -1;
    if (acc == 0) {
        *out = negative ? -0.0 : 0.0;
        return 0;
    }
    /* value = acc * 2**e2 (plus sticky), top bit at position top */
    long long e2 = pexp + 4 * ((long long)dropped - (long long)frac);
    int accbits = 64 - __builtin_clzll(acc);
    long long top = e2 + accbits - 1;
    if (top > DBL_MAX_EXP + 1)
        return -2;
    long long keep = top >= DBL_MIN_EXP - 1 ? DBL_MANT_DIG : top - (DBL_MIN_EXP - 1) + DBL_MANT_DIG;
    if (keep < 0) {
        *out = negative ? -0.0 : 0.0;
        return 0;
    }
    long long sh = accbits - keep;
    uint64_t mant;
    if (sh <= 0)
        mant = acc << -sh;
    else {
        unsigned __int128 a = acc;
        mant = (uint64_t)(a >> sh);
        unsigned __int128 rem = a & ((((unsigned __int128)1) << sh) - 1);
        unsigned __int128 half = ((unsigned __int128)1) << (sh - 1);
        if (rem > half || (rem == half && (sticky || (mant & 1))))
            mant++;
    }
    double r = ldexp((double)mant, (int)(e2 + sh));
    if (isinf(r))
        return -2;
    *out = negative ? -r : r;
    return 0;
}

static PyObject *kr_float_fromhex(PyObject *type, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL)
        return NULL;
    double x;
    int rc = kr_parse_hex_float(s, &x);
    if (rc == -1 || (Py_ssize_t)strlen(s) != PyUnicode_GET_LENGTH(arg)) {
        PyErr_SetString(PyExc_ValueError, "invalid hexadecimal floating-point string");
        return NULL;
    }
    if (rc == -2) {
        PyErr_SetString(PyExc_OverflowError, "hexadecimal value too large to represent as a float");
        return NULL;
    }
    PyObject *r = PyFloat_FromDouble(x);
    if (r != NULL && type != (PyObject *)&PyFloat_Type)
        Py_SETREF(r, PyObject_CallOneArg(type, r));
    return r;
}

static PyObject *kr_float_getformat(PyObject *type, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "__getformat__() argument must be str, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (!_PyUnicode_EqualToASCIIString(arg, "double") && !_PyUnicode_EqualToASCIIString(arg, "float")) {
        PyErr_SetString(PyExc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return PyUnicode_FromString("IEEE, little-endian");
}

static PyObject *kr_float_format_method(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(spec);
    if (n == 0)
        return PyObject_Str(self);
    kr_format_spec f;
    if (kr_formatspec_parse(self, spec, 0, n, &f, '\0', '>') < 0)
        return NULL;
    switch (f.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return kr_format_double(KR_FVAL(self), &f, self);
    default:
        return kr_formatspec_unknown_code(f.type, self);
    }
}

PyMethodDef kr_float_methods[] = {
    {"conjugate", kr_float_self, METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"__trunc__", kr_float_trunc, METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", kr_float_floor, METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", kr_float_ceil, METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", (PyCFunction)(void (*)(void))kr_float_round, METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", kr_float_as_integer_ratio, METH_NOARGS,
     "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original float\n"
     "and with a positive denominator.\n\nRaise OverflowError on infinities and a ValueError on NaNs."},
    {"fromhex", kr_float_fromhex, METH_O | METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", kr_float_hex, METH_NOARGS, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", kr_float_is_integer, METH_NOARGS, "Return True if the float is an integer."},
    {"__getnewargs__", kr_float_getnewargs, METH_NOARGS, NULL},
    {"__getformat__", kr_float_getformat, METH_O | METH_CLASS,
     "You probably don't want to use this function.\n\n"
     "  typestr\n    Must be 'double' or 'float'.\n\n"
     "It exists mainly to be used in Python's test suite.\n\n"
     "This function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\n"
     "little-endian' best describes the format of floating point numbers used by the\n"
     "C type named by typestr."},
    {"__format__", kr_float_format_method, METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL}
};

static PyObject *kr_float_get_real(PyObject *self, void *unused) { return kr_float_self(self, NULL); }
static PyObject *kr_float_get_imag(PyObject *self, void *unused) { return PyFloat_FromDouble(0.0); }

PyGetSetDef kr_float_getset[] = {
    {"real", kr_float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", kr_float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
