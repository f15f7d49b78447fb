/* long_methods.c: the int constructor (int(), int subclasses) and the
 * Python-level methods and attributes of int: bit_length, bit_count,
 * to_bytes, from_bytes, as_integer_ratio, __round__ and friends. */
#include "internal.h"
#include "objects/longobject_internal.h"

/* ---- argument unpacking shared by the numbers methods ---- */

int kr_numbers_unpack_args(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames, const char *const *names, Py_ssize_t nparams,
                           Py_ssize_t maxpos, Py_ssize_t nrequired, PyObject **out)
{
    if (nargs > maxpos) {
        if (maxpos == 0)
            PyErr_Format(PyExc_TypeError, "%s() takes no positional arguments", fname);
        else
            PyErr_Format(PyExc_TypeError, "%s() takes at most %zd positional argument%s (%zd given)",
                         fname, maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nparams; i++)
        out[i] = i < nargs ? args[i] : NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t i = 0;
        while (i < nparams && !_PyUnicode_EqualToASCIIString(key, names[i]))
            i++;
        if (i == nparams) {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return -1;
        }
        if (out[i] != NULL) {
            PyErr_Format(PyExc_TypeError, "argument for %s() given by name ('%s') and position (%zd)",
                         fname, names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (Py_ssize_t i = 0; i < nrequired; i++) {
        if (out[i] == NULL) {
            PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %zd)",
                         fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* ---- int(x) and int(x, base) ---- */

/* An exact int equal to the int (sub)class instance r (steals r). */
static PyObject *kr_long_exact(PyObject *r)
{
    if (r == NULL || PyLong_CheckExact(r))
        return r;
    PyObject *c = _PyLong_Copy((PyLongObject *)r);
    Py_DECREF(r);
    return c;
}

PyObject *_PyLong_FromNbInt(PyObject *x)
{
    PyNumberMethods *m = Py_TYPE(x)->tp_as_number;
    if (PyLong_CheckExact(x))
        return Py_NewRef(x);
    if (m == NULL || m->nb_int == NULL) {
        PyErr_Format(PyExc_TypeError, "an integer is required (got type %.200s)", Py_TYPE(x)->tp_name);
        return NULL;
    }
    PyObject *r = m->nb_int(x);
    if (r == NULL || PyLong_CheckExact(r))
        return r;
    if (!PyLong_Check(r)) {
        PyErr_Format(PyExc_TypeError, "__int__ returned non-int (type %.200s)", Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "__int__ returned non-int (type %.200s).  "
                         "The ability to return an instance of a strict subclass of int "
                         "is deprecated, and may be removed in a future version of Python.",
                         Py_TYPE(r)->tp_name) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return kr_long_exact(r);
}

PyObject *_PyLong_FromNbIndexOrNbInt(PyObject *x)
{
    PyNumberMethods *m = Py_TYPE(x)->tp_as_number;
    if (PyLong_CheckExact(x))
        return Py_NewRef(x);
    if (m != NULL && m->nb_index != NULL)
        return PyNumber_Index(x);
    return _PyLong_FromNbInt(x);
}

PyObject *kr_long_from_object(PyObject *x)
{
    if (PyLong_CheckExact(x))
        return Py_NewRef(x);
    PyNumberMethods *m = Py_TYPE(x)->tp_as_number;
    if (m != NULL && m->nb_int != NULL)
        return _PyLong_FromNbInt(x);
    if (m != NULL && m->nb_index != NULL)
        return PyNumber_Index(x);
    PyObject *name = PyUnicode_InternFromString("__trunc__");
    if (name == NULL)
        return NULL;
    PyObject *trunc = _PyObject_LookupSpecial(x, name);
    Py_DECREF(name);
    if (trunc != NULL) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "The delegation of int() to __trunc__ is deprecated.", 1) < 0) {
            Py_DECREF(trunc);
            return NULL;
        }
        PyObject *r = PyObject_CallNoArgs(trunc);
        Py_DECREF(trunc);
        if (r == NULL || PyLong_CheckExact(r))
            return r;
        if (PyLong_Check(r))
            return kr_long_exact(r);
        if (!PyIndex_Check(r)) {
            PyErr_Format(PyExc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                         Py_TYPE(r)->tp_name);
            Py_DECREF(r);
            return NULL;
        }
        PyObject *i = PyNumber_Index(r);
        Py_DECREF(r);
        return i;
    }
    if (PyErr_Occurred())
        return NULL;
    if (PyUnicode_Check(x))
        return PyLong_FromUnicodeObject(x, 10);
    if (PyBytes_Check(x))
        return _PyLong_FromBytes(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), 10);
    if (PyByteArray_Check(x))
        return _PyLong_FromBytes(PyByteArray_AS_STRING(x), PyByteArray_GET_SIZE(x), 10);
    if (PyObject_CheckBuffer(x)) {
        Py_buffer view;
        if (PyObject_GetBuffer(x, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        PyObject *r = _PyLong_FromBytes((const char *)view.buf, view.len, 10);
        PyBuffer_Release(&view);
        return r;
    }
    PyErr_Format(PyExc_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                 Py_TYPE(x)->tp_name);
    return NULL;
}

/* int(x, base) with the base already checked */
static PyObject *kr_long_from_string_object(PyObject *x, int base)
{
    if (PyUnicode_Check(x))
        return PyLong_FromUnicodeObject(x, base);
    if (PyBytes_Check(x))
        return _PyLong_FromBytes(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), base);
    if (PyByteArray_Check(x))
        return _PyLong_FromBytes(PyByteArray_AS_STRING(x), PyByteArray_GET_SIZE(x), base);
    PyErr_SetString(PyExc_TypeError, "int() can't convert non-string with explicit base");
    return NULL;
}

static PyObject *kr_long_new_exact(PyObject *x, PyObject *obase)
{
    if (x == NULL) {
        if (obase != NULL) {
            PyErr_SetString(PyExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return kr_small_int(0);
    }
    if (obase == NULL)
        return kr_long_from_object(x);
    Py_ssize_t base = PyNumber_AsSsize_t(obase, NULL);
    if (base == -1 && PyErr_Occurred())
        return NULL;
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    return kr_long_from_string_object(x, (int)base);
}

PyObject *kr_long_new_impl(PyTypeObject *type, PyObject *x, PyObject *obase)
{
    PyObject *tmp = kr_long_new_exact(x, obase);
    if (tmp == NULL || type == &PyLong_Type)
        return tmp;
    /* a subclass instance: same digits in an object of the subclass */
    Py_ssize_t n = KR_ABS(Py_SIZE(tmp));
    PyLongObject *r = (PyLongObject *)type->tp_alloc(type, n ? n : 1);
    if (r == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    Py_SET_SIZE(r, Py_SIZE(tmp));
    memcpy(r->ob_digit, ((PyLongObject *)tmp)->ob_digit, (size_t)(n ? n : 1) * sizeof(digit));
    Py_DECREF(tmp);
    return (PyObject *)r;
}

PyObject *kr_long_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        PyErr_Format(PyExc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs + nkw);
        return NULL;
    }
    static const char *const names[] = {"", "base"};
    PyObject *a[2];
    if (kr_numbers_unpack_args("int", args, nargs, kwnames, names, 2, 2, 0, a) < 0)
        return NULL;
    return kr_long_new_impl((PyTypeObject *)type, a[0], a[1]);
}

/* ---- methods ---- */

static PyObject *kr_long_self_int(PyObject *self, PyObject *unused)
{
    return kr_long_nb_int(self);
}

static PyObject *kr_long_bit_length(PyObject *self, PyObject *unused)
{
    return PyLong_FromSize_t(_PyLong_NumBits(self));
}

static PyObject *kr_long_bit_count(PyObject *self, PyObject *unused)
{
    PyLongObject *v = (PyLongObject *)self;
    Py_ssize_t n = KR_ABS(Py_SIZE(v));
    size_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        count += (size_t)__builtin_popcount(v->ob_digit[i]);
    return PyLong_FromSize_t(count);
}

static PyObject *kr_long_as_integer_ratio(PyObject *self, PyObject *unused)
{
    PyObject *n = kr_long_nb_int(self);
    if (n == NULL)
        return NULL;
    PyObject *t = PyTuple_Pack(2, n, kr_small_int(1));
    Py_DECREF(n);
    return t;
}

static PyObject *kr_long_getnewargs(PyObject *self, PyObject *unused)
{
    PyObject *n = kr_long_nb_int(self);
    if (n == NULL)
        return NULL;
    PyObject *t = PyTuple_Pack(1, n);
    Py_DECREF(n);
    return t;
}

static PyObject *kr_long_sizeof(PyObject *self, PyObject *unused)
{
    Py_ssize_t n = KR_ABS(Py_SIZE(self));
    return PyLong_FromSsize_t((Py_ssize_t)offsetof(PyLongObject, ob_digit) +
                              (n ? n : 1) * (Py_ssize_t)sizeof(digit));
}

static PyObject *kr_long_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0)
        return kr_long_nb_int(self);
    PyObject *nd = PyNumber_Index(args[0]);
    if (nd == NULL)
        return NULL;
    if (Py_SIZE(nd) >= 0) {
        Py_DECREF(nd);
        return kr_long_nb_int(self);
    }
    /* self - (the remainder of self divided by 10**-ndigits, rounded half even) */
    PyObject *negnd = kr_long_neg((PyLongObject *)nd);
    Py_DECREF(nd);
    if (negnd == NULL)
        return NULL;
    PyObject *pow10 = kr_long_pow(kr_small_int(10), negnd, Py_None);
    Py_DECREF(negnd);
    if (pow10 == NULL)
        return NULL;
    PyObject *qr = _PyLong_DivmodNear(self, pow10);
    Py_DECREF(pow10);
    if (qr == NULL)
        return NULL;
    PyObject *r = kr_long_sub((PyLongObject *)self, (PyLongObject *)PyTuple_GET_ITEM(qr, 1));
    Py_DECREF(qr);
    return r;
}

static PyObject *kr_long_format_method(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return kr_long_format_spec(self, spec);
}

/* byteorder argument: 1 for little, 0 for big, -1 on error */
static int kr_long_byteorder(const char *fname, PyObject *o)
{
    if (o == NULL)
        return 0;
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s() argument 'byteorder' must be str, not %.200s",
                     fname, Py_TYPE(o)->tp_name);
        return -1;
    }
    if (_PyUnicode_EqualToASCIIString(o, "little"))
        return 1;
    if (_PyUnicode_EqualToASCIIString(o, "big"))
        return 0;
    PyErr_SetString(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static PyObject *kr_long_to_bytes(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    PyObject *a[3];
    if (kr_numbers_unpack_args("to_bytes", args, nargs, kwnames, names, 3, 2, 0, a) < 0)
        return NULL;
    Py_ssize_t length = 1;
    if (a[0] != NULL) {
        length = PyNumber_AsSsize_t(a[0], PyExc_OverflowError);
        if (length == -1 && PyErr_Occurred())
            return NULL;
    }
    int little = kr_long_byteorder("to_bytes", a[1]);
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (a[2] != NULL && (is_signed = PyObject_IsTrue(a[2])) < 0)
        return NULL;
    if (length < 0) {
        PyErr_SetString(PyExc_ValueError, "length argument must be non-negative");
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, length);
    if (bytes == NULL)
        return NULL;
    if (_PyLong_AsByteArray((PyLongObject *)self, (unsigned char *)PyBytes_AS_STRING(bytes),
                            (size_t)length, little, is_signed) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

static PyObject *kr_long_from_bytes(PyObject *type, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    PyObject *a[3];
    if (kr_numbers_unpack_args("from_bytes", args, nargs, kwnames, names, 3, 2, 1, a) < 0)
        return NULL;
    int little = kr_long_byteorder("from_bytes", a[1]);
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (a[2] != NULL && (is_signed = PyObject_IsTrue(a[2])) < 0)
        return NULL;
    PyObject *b = PyObject_Bytes(a[0]);
    if (b == NULL)
        return NULL;
    PyObject *v = _PyLong_FromByteArray((const unsigned char *)PyBytes_AS_STRING(b),
                                        (size_t)PyBytes_GET_SIZE(b), little, is_signed);
    Py_DECREF(b);
    if (v != NULL && type != (PyObject *)&PyLong_Type)
        Py_SETREF(v, PyObject_CallOneArg(type, v));
    return v;
}

PyMethodDef kr_long_methods[] = {
    {"conjugate", kr_long_self_int, METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", kr_long_bit_length, METH_NOARGS,
     "Number of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"},
    {"bit_count", kr_long_bit_count, METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self.\n\n"
     "Also known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"},
    {"to_bytes", (PyCFunction)(void (*)(void))kr_long_to_bytes, METH_FASTCALL | METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", (PyCFunction)(void (*)(void))kr_long_from_bytes, METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", kr_long_as_integer_ratio, METH_NOARGS,
     "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original int\n"
     "and with a positive denominator."},
    {"__trunc__", kr_long_self_int, METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", kr_long_self_int, METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", kr_long_self_int, METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", (PyCFunction)(void (*)(void))kr_long_round, METH_FASTCALL,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", kr_long_getnewargs, METH_NOARGS, NULL},
    {"__format__", kr_long_format_method, METH_O, "Convert to a string according to format_spec."},
    {"__sizeof__", kr_long_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static PyObject *kr_long_get_self(PyObject *self, void *unused) { return kr_long_nb_int(self); }
static PyObject *kr_long_get_zero(PyObject *self, void *unused) { return kr_small_int(0); }
static PyObject *kr_long_get_one(PyObject *self, void *unused) { return kr_small_int(1); }

PyGetSetDef kr_long_getset[] = {
    {"real", kr_long_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", kr_long_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", kr_long_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", kr_long_get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- sys.int_info ---- */

PyObject *PyLong_GetInfo(void)
{
    /* int_info is a struct sequence owned by the sys module; without it
     * (early start-up) a plain tuple carries the same values. */
    return Py_BuildValue("(iiii)", PyLong_SHIFT, (int)sizeof(digit), 4300, KR_LONG_MAX_STR_DIGITS_THRESHOLD);
}
