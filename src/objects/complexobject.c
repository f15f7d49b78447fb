/* complexobject.c: the complex type and the C-level complex arithmetic
 * (_Py_c_sum and friends).
 *
 * Division is Smith's algorithm (scale by the larger component of the
 * divisor), and integral powers up to 100 use repeated squaring, exactly
 * as CPython does, so that results agree to the last bit. */
#include "internal.h"
#include "objects/longobject_internal.h"
#include "objects/float_internal.h"
#include "objects/formatspec.h"

/* ---- arithmetic on Py_complex ---- */

Py_complex _Py_c_sum(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real + b.real, a.imag + b.imag};
    return r;
}

Py_complex _Py_c_diff(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real - b.real, a.imag - b.imag};
    return r;
}

Py_complex _Py_c_neg(Py_complex a)
{
    Py_complex r = {-a.real, -a.imag};
    return r;
}

Py_complex _Py_c_prod(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
    return r;
}

Py_complex _Py_c_quot(Py_complex a, Py_complex b)
{
    Py_complex r;
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        }
        else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    }
    else if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    }
    else
        r.real = r.imag = Py_NAN;   /* a NaN in the divisor */
    return r;
}

Py_complex _Py_c_pow(Py_complex a, Py_complex b)
{
    Py_complex r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    }
    else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0)
            errno = EDOM;
        r.real = r.imag = 0.0;
    }
    else {
        /* polar form: |a|**b.real / e**(arg(a)*b.imag) at angle arg(a)*b.real + b.imag*ln|a| */
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

/* x**n for n >= 0 by right-to-left binary powering */
static Py_complex kr_c_powu(Py_complex x, long n)
{
    Py_complex r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = _Py_c_prod(r, p);
        p = _Py_c_prod(p, p);
    }
    return r;
}

static Py_complex kr_c_powi(Py_complex x, long n)
{
    if (n > 0)
        return kr_c_powu(x, n);
    Py_complex one = {1.0, 0.0};
    return _Py_c_quot(one, kr_c_powu(x, -n));
}

double _Py_c_abs(Py_complex z)
{
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        /* an infinite component wins even over a NaN */
        if (isinf(z.real)) {
            errno = 0;
            return fabs(z.real);
        }
        if (isinf(z.imag)) {
            errno = 0;
            return fabs(z.imag);
        }
        return Py_NAN;
    }
    double result = hypot(z.real, z.imag);
    errno = isfinite(result) ? 0 : ERANGE;
    return result;
}

/* ---- objects ---- */

static PyObject *kr_complex_alloc(PyTypeObject *type, Py_complex c)
{
    PyComplexObject *op;
    if (type == &PyComplex_Type) {
        op = (PyComplexObject *)PyObject_Malloc(sizeof(PyComplexObject));
        if (op == NULL)
            return PyErr_NoMemory();
        op->ob_base.ob_refcnt = 1;
        op->ob_base.ob_type = &PyComplex_Type;
    }
    else {
        op = (PyComplexObject *)type->tp_alloc(type, 0);
        if (op == NULL)
            return NULL;
    }
    op->cval = c;
    return (PyObject *)op;
}

PyObject *PyComplex_FromCComplex(Py_complex c)
{
    return kr_complex_alloc(&PyComplex_Type, c);
}

PyObject *PyComplex_FromDoubles(double real, double imag)
{
    Py_complex c = {real, imag};
    return kr_complex_alloc(&PyComplex_Type, c);
}

double PyComplex_RealAsDouble(PyObject *op)
{
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval.real;
    return PyFloat_AsDouble(op);
}

double PyComplex_ImagAsDouble(PyObject *op)
{
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval.imag;
    return 0.0;
}

/* __complex__, if the type has one: new ref, NULL (maybe with error) */
static PyObject *kr_complex_special(PyObject *op)
{
    PyObject *name = PyUnicode_InternFromString("__complex__");
    if (name == NULL)
        return NULL;
    PyObject *f = _PyObject_LookupSpecial(op, name);
    Py_DECREF(name);
    if (f == NULL)
        return NULL;
    PyObject *res = PyObject_CallNoArgs(f);
    Py_DECREF(f);
    if (res != NULL && !PyComplex_CheckExact(res)) {
        if (!PyComplex_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex (type %.200s)",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "__complex__ returned non-complex (type %.200s).  "
                             "The ability to return an instance of a strict subclass of complex "
                             "is deprecated, and may be removed in a future version of Python.",
                             Py_TYPE(res)->tp_name) < 0) {
            Py_DECREF(res);
            return NULL;
        }
    }
    return res;
}

Py_complex PyComplex_AsCComplex(PyObject *op)
{
    Py_complex cv = {-1.0, 0.0};
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval;
    PyObject *nc = kr_complex_special(op);
    if (nc != NULL) {
        cv = ((PyComplexObject *)nc)->cval;
        Py_DECREF(nc);
        return cv;
    }
    if (PyErr_Occurred())
        return cv;
    cv.real = PyFloat_AsDouble(op);
    return cv;
}

/* A binary operand as a Py_complex: 1, 0 (NotImplemented), -1 (error). */
static int kr_complex_operand(PyObject *obj, Py_complex *out)
{
    if (PyComplex_Check(obj)) {
        *out = ((PyComplexObject *)obj)->cval;
        return 1;
    }
    out->imag = 0.0;
    return kr_float_operand(obj, &out->real);
}

#define KR_COMPLEX_OPERANDS(v, w, a, b) \
    do { \
        int _ra = kr_complex_operand((v), &(a)); \
        if (_ra < 0) return NULL; \
        if (_ra == 0) Py_RETURN_NOTIMPLEMENTED; \
        int _rb = kr_complex_operand((w), &(b)); \
        if (_rb < 0) return NULL; \
        if (_rb == 0) Py_RETURN_NOTIMPLEMENTED; \
    } while (0)

static PyObject *kr_complex_add(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    KR_COMPLEX_OPERANDS(v, w, a, b);
    return PyComplex_FromCComplex(_Py_c_sum(a, b));
}

static PyObject *kr_complex_sub(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    KR_COMPLEX_OPERANDS(v, w, a, b);
    return PyComplex_FromCComplex(_Py_c_diff(a, b));
}

static PyObject *kr_complex_mul(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    KR_COMPLEX_OPERANDS(v, w, a, b);
    return PyComplex_FromCComplex(_Py_c_prod(a, b));
}

static PyObject *kr_complex_div(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    KR_COMPLEX_OPERANDS(v, w, a, b);
    errno = 0;
    Py_complex q = _Py_c_quot(a, b);
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return PyComplex_FromCComplex(q);
}

static PyObject *kr_complex_pow(PyObject *v, PyObject *w, PyObject *z)
{
    Py_complex a, b, p;
    KR_COMPLEX_OPERANDS(v, w, a, b);
    if (z != Py_None) {
        PyErr_SetString(PyExc_ValueError, "complex modulo");
        return NULL;
    }
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0)
        p = kr_c_powi(a, (long)b.real);
    else
        p = _Py_c_pow(a, b);
    Py_ADJUST_ERANGE2(p.real, p.imag);
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return PyComplex_FromCComplex(p);
}

#define KR_CVAL(o) (((PyComplexObject *)(o))->cval)

static PyObject *kr_complex_neg(PyObject *v) { return PyComplex_FromCComplex(_Py_c_neg(KR_CVAL(v))); }

static PyObject *kr_complex_pos(PyObject *v)
{
    if (PyComplex_CheckExact(v))
        return Py_NewRef(v);
    return PyComplex_FromCComplex(KR_CVAL(v));
}

static PyObject *kr_complex_abs(PyObject *v)
{
    double r = _Py_c_abs(KR_CVAL(v));
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return PyFloat_FromDouble(r);
}

static int kr_complex_bool(PyObject *v)
{
    return KR_CVAL(v).real != 0.0 || KR_CVAL(v).imag != 0.0;
}

static Py_hash_t kr_complex_hash(PyObject *v)
{
    Py_uhash_t hr = (Py_uhash_t)_Py_HashDouble(v, KR_CVAL(v).real);
    if (hr == (Py_uhash_t)-1)
        return -1;
    Py_uhash_t hi = (Py_uhash_t)_Py_HashDouble(v, KR_CVAL(v).imag);
    if (hi == (Py_uhash_t)-1)
        return -1;
    Py_uhash_t combined = hr + _PyHASH_IMAG * hi;
    if (combined == (Py_uhash_t)-1)
        combined = (Py_uhash_t)-2;
    return (Py_hash_t)combined;
}

static PyObject *kr_complex_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    int equal;
    Py_complex a = KR_CVAL(v);
    if (PyLong_Check(w)) {
        if (a.imag != 0.0)
            equal = 0;
        else {
            /* exact comparison of the real part with the int */
            PyObject *re = PyFloat_FromDouble(a.real);
            if (re == NULL)
                return NULL;
            PyObject *r = PyObject_RichCompare(re, w, op);
            Py_DECREF(re);
            return r;
        }
    }
    else if (PyFloat_Check(w))
        equal = a.real == PyFloat_AS_DOUBLE(w) && a.imag == 0.0;
    else if (PyComplex_Check(w))
        equal = a.real == KR_CVAL(w).real && a.imag == KR_CVAL(w).imag;
    else
        Py_RETURN_NOTIMPLEMENTED;
    return PyBool_FromLong(equal == (op == Py_EQ));
}

static PyObject *kr_complex_repr(PyObject *v)
{
    Py_complex c = KR_CVAL(v);
    char *re = NULL, *im;
    PyObject *r = NULL;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
        /* a +0 real part is left out, and so are the parentheses */
        im = PyOS_double_to_string(c.imag, 'r', 0, 0, NULL);
        if (im != NULL)
            r = PyUnicode_FromFormat("%sj", im);
    }
    else {
        re = PyOS_double_to_string(c.real, 'r', 0, 0, NULL);
        if (re == NULL)
            return NULL;
        im = PyOS_double_to_string(c.imag, 'r', 0, Py_DTSF_SIGN, NULL);
        if (im != NULL)
            r = PyUnicode_FromFormat("(%s%sj)", re, im);
    }
    PyMem_Free(re);
    PyMem_Free(im);
    return r;
}

/* ---- complex(str) ---- */

static int kr_c_isspace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A float at *p, advancing it; 0 when there is none. */
static int kr_c_number(const char **p, double *out)
{
    char *end;
    double x = PyOS_string_to_double(*p, &end, NULL);
    if (end == *p) {
        PyErr_Clear();
        return 0;
    }
    *out = x;
    *p = end;
    return 1;
}

static PyObject *kr_complex_from_string_inner(const char *s, Py_ssize_t len, void *type)
{
    const char *p = s;
    double x = 0.0, y = 0.0, z;
    int parens = 0;
    while (kr_c_isspace((unsigned char)*p))
        p++;
    if (*p == '(') {
        parens = 1;
        p++;
        while (kr_c_isspace((unsigned char)*p))
            p++;
    }
    if (kr_c_number(&p, &z)) {
        if (*p == 'j' || *p == 'J') {
            y = z;   /* pure imaginary */
            p++;
        }
        else if (*p == '+' || *p == '-') {
            x = z;
            if (kr_c_number(&p, &y)) {
                if (*p != 'j' && *p != 'J')
                    goto error;
                p++;
            }
            else if ((p[1] == 'j' || p[1] == 'J')) {
                y = *p == '-' ? -1.0 : 1.0;
                p += 2;
            }
            else
                goto error;
        }
        else
            x = z;   /* pure real */
    }
    else {
        /* "j", "+j", "-j" */
        if (*p == '+' || *p == '-') {
            y = *p == '-' ? -1.0 : 1.0;
            p++;
        }
        else
            y = 1.0;
        if (*p != 'j' && *p != 'J')
            goto error;
        p++;
    }
    while (kr_c_isspace((unsigned char)*p))
        p++;
    if (parens) {
        if (*p != ')')
            goto error;
        p++;
        while (kr_c_isspace((unsigned char)*p))
            p++;
    }
    if (p != s + len)
        goto error;
    Py_complex c = {x, y};
    return kr_complex_alloc((PyTypeObject *)type, c);
error:
    PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

static PyObject *kr_complex_from_string(PyTypeObject *type, PyObject *v)
{
    PyObject *ascii = NULL;
    const char *s;
    Py_ssize_t len;
    if (PyUnicode_IS_ASCII(v)) {
        s = (const char *)PyUnicode_DATA(v);
        len = PyUnicode_GET_LENGTH(v);
    }
    else {
        ascii = _PyUnicode_TransformDecimalAndSpaceToASCII(v);
        if (ascii == NULL)
            return NULL;
        s = PyUnicode_AsUTF8AndSize(ascii, &len);
        if (s == NULL) {
            Py_DECREF(ascii);
            return NULL;
        }
    }
    PyObject *r = _Py_string_to_number_with_underscores(s, len, "complex", v, type,
                                                        kr_complex_from_string_inner);
    Py_XDECREF(ascii);
    return r;
}

/* ---- complex(real, imag) ---- */

static int kr_complex_is_number(PyObject *o)
{
    PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;
    return nb != NULL && (PyComplex_Check(o) || nb->nb_float != NULL || nb->nb_index != NULL);
}

static PyObject *kr_complex_new_impl(PyTypeObject *type, PyObject *r, PyObject *i)
{
    if (r == NULL)
        r = kr_small_int(0);
    if (PyComplex_CheckExact(r) && i == NULL && type == &PyComplex_Type)
        return Py_NewRef(r);
    if (PyUnicode_Check(r)) {
        if (i != NULL) {
            PyErr_SetString(PyExc_TypeError, "complex() can't take second arg if first is a string");
            return NULL;
        }
        return kr_complex_from_string(type, r);
    }
    if (i != NULL && PyUnicode_Check(i)) {
        PyErr_SetString(PyExc_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    PyObject *owned = kr_complex_special(r);
    if (owned != NULL)
        r = owned;
    else if (PyErr_Occurred())
        return NULL;
    if (!kr_complex_is_number(r)) {
        PyErr_Format(PyExc_TypeError, "complex() first argument must be a string or a number, not '%.200s'",
                     Py_TYPE(r)->tp_name);
        Py_XDECREF(owned);
        return NULL;
    }
    if (i != NULL && !kr_complex_is_number(i)) {
        PyErr_Format(PyExc_TypeError, "complex() second argument must be a number, not '%.200s'",
                     Py_TYPE(i)->tp_name);
        Py_XDECREF(owned);
        return NULL;
    }
    Py_complex cr = {0.0, 0.0}, ci = {0.0, 0.0};
    int cr_is_complex = 0, ci_is_complex = 0;
    if (PyComplex_Check(r)) {
        cr = KR_CVAL(r);
        cr_is_complex = 1;
    }
    else {
        cr.real = PyFloat_AsDouble(r);
        if (cr.real == -1.0 && PyErr_Occurred()) {
            Py_XDECREF(owned);
            return NULL;
        }
    }
    Py_XDECREF(owned);
    if (i == NULL)
        ci.real = cr.imag;
    else if (PyComplex_Check(i)) {
        ci = KR_CVAL(i);
        ci_is_complex = 1;
    }
    else {
        ci.real = PyFloat_AsDouble(i);
        if (ci.real == -1.0 && PyErr_Occurred())
            return NULL;
    }
    /* real + imag*1j, when either argument is itself complex */
    if (ci_is_complex)
        cr.real -= ci.imag;
    if (cr_is_complex && i != NULL)
        ci.real += cr.imag;
    Py_complex c = {cr.real, ci.real};
    return kr_complex_alloc(type, c);
}

static PyObject *kr_complex_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        PyErr_Format(PyExc_TypeError, "complex() takes at most 2 arguments (%zd given)", nargs + nkw);
        return NULL;
    }
    static const char *const names[] = {"real", "imag"};
    PyObject *a[2];
    if (kr_numbers_unpack_args("complex", args, nargs, kwnames, names, 2, 2, 0, a) < 0)
        return NULL;
    return kr_complex_new_impl((PyTypeObject *)type, a[0], a[1]);
}

static PyObject *kr_complex_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"real", "imag", NULL};
    PyObject *r = NULL, *i = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:complex", (char **)kwlist, &r, &i))
        return NULL;
    return kr_complex_new_impl(type, r, i);
}

/* ---- methods ---- */

static PyObject *kr_complex_conjugate(PyObject *self, PyObject *unused)
{
    Py_complex c = KR_CVAL(self);
    c.imag = -c.imag;
    return PyComplex_FromCComplex(c);
}

static PyObject *kr_complex_getnewargs(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(dd)", KR_CVAL(self).real, KR_CVAL(self).imag);
}

static PyObject *kr_complex_complex(PyObject *self, PyObject *unused)
{
    return kr_complex_pos(self);
}

/* one part of a formatted complex, as a str */
static PyObject *kr_complex_format_part(double x, char type, int precision, int flags,
                                        const kr_format_spec *spec, Py_UCS4 sign)
{
    char *buf = PyOS_double_to_string(x, type, precision, flags, NULL);
    if (buf == NULL)
        return NULL;
    const char *p = buf;
    int negative = *p == '-';
    if (negative)
        p++;
    Py_ssize_t nd = 0;
    while (p[nd] >= '0' && p[nd] <= '9')
        nd++;
    kr_format_spec f = *spec;
    f.width = -1;
    f.sign = sign;
    f.fill_char = ' ';
    PyObject *r = kr_formatspec_layout_number(&f, negative, NULL, p, nd, p + nd, (Py_ssize_t)strlen(p + nd));
    PyMem_Free(buf);
    return r;
}

static PyObject *kr_complex_format(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(format_spec);
    if (n == 0)
        return PyObject_Str(self);
    kr_format_spec spec;
    if (kr_formatspec_parse(self, format_spec, 0, n, &spec, '\0', '>') < 0)
        return NULL;
    switch (spec.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        return kr_formatspec_unknown_code(spec.type, self);
    }
    if (spec.fill_char == '0') {
        PyErr_SetString(PyExc_ValueError, "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (spec.align == '=') {
        PyErr_SetString(PyExc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    Py_complex c = KR_CVAL(self);
    char type = (char)spec.type;
    int precision = spec.precision > INT_MAX ? INT_MAX : (int)spec.precision;
    int default_precision = 6, flags = 0, skip_re = 0, parens = 0;
    if (spec.alternate)
        flags |= Py_DTSF_ALT;
    if (spec.no_neg_0)
        flags |= Py_DTSF_NO_NEG_0;
    if (type == '\0') {
        /* like str(self) */
        type = 'r';
        default_precision = 0;
        if (c.real == 0.0 && copysign(1.0, c.real) == 1.0)
            skip_re = 1;
        else
            parens = 1;
    }
    if (type == 'n')
        type = 'g';
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    PyObject *re = NULL, *im = NULL, *whole = NULL, *r = NULL;
    if (!skip_re) {
        re = kr_complex_format_part(c.real, type, precision, flags, &spec, spec.sign);
        if (re == NULL)
            return NULL;
    }
    /* the imaginary part always shows its sign after a real part */
    im = kr_complex_format_part(c.imag, type, precision, flags, &spec, skip_re ? spec.sign : '+');
    if (im == NULL)
        goto done;
    if (re != NULL)
        whole = PyUnicode_FromFormat("%s%U%Uj%s", parens ? "(" : "", re, im, parens ? ")" : "");
    else
        whole = PyUnicode_FromFormat("%Uj", im);
    if (whole == NULL)
        goto done;
    r = kr_formatspec_pad_str(whole, &spec);
done:
    Py_XDECREF(re);
    Py_XDECREF(im);
    Py_XDECREF(whole);
    return r;
}

static PyMethodDef kr_complex_methods[] = {
    {"conjugate", kr_complex_conjugate, METH_NOARGS, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", kr_complex_complex, METH_NOARGS, "Convert this value to exact type complex."},
    {"__getnewargs__", kr_complex_getnewargs, METH_NOARGS, NULL},
    {"__format__", kr_complex_format, METH_O, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef kr_complex_members[] = {
    {"real", T_DOUBLE, offsetof(PyComplexObject, cval.real), READONLY, "the real part of a complex number"},
    {"imag", T_DOUBLE, offsetof(PyComplexObject, cval.imag), READONLY, "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL}
};

static void kr_complex_dealloc(PyObject *op)
{
    Py_TYPE(op)->tp_free(op);
}

static PyNumberMethods kr_complex_as_number = {
    .nb_add = kr_complex_add,
    .nb_subtract = kr_complex_sub,
    .nb_multiply = kr_complex_mul,
    .nb_power = kr_complex_pow,
    .nb_negative = kr_complex_neg,
    .nb_positive = kr_complex_pos,
    .nb_absolute = kr_complex_abs,
    .nb_bool = kr_complex_bool,
    .nb_true_divide = kr_complex_div,
};

PyTypeObject PyComplex_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "complex",
    .tp_basicsize = sizeof(PyComplexObject),
    .tp_dealloc = kr_complex_dealloc,
    .tp_repr = kr_complex_repr,
    .tp_as_number = &kr_complex_as_number,
    .tp_hash = kr_complex_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
              "This is equivalent to (real + imag*1j) where imag defaults to 0.",
    .tp_richcompare = kr_complex_richcompare,
    .tp_methods = kr_complex_methods,
    .tp_members = kr_complex_members,
    .tp_new = kr_complex_tp_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = kr_complex_vectorcall,
};
