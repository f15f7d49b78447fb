/* abstract_number.c: the number protocol (PyNumber_*).  Binary operators
 * dispatch as CPython does: the left operand's slot, unless the right
 * operand's type is a proper subclass with its own slot, which goes
 * first; NotImplemented passes the turn; + and * fall back to sequence
 * concatenation and repetition; in-place operators try the nb_inplace_*
 * slot first.  Also int(), float(), operator.index() conversions.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

#define NB_SLOT(x) ((int)offsetof(PyNumberMethods, x))
#define NB_BINOP(nb, off) (*(binaryfunc *)((char *)(nb) + (off)))
#define NB_TERNOP(nb, off) (*(ternaryfunc *)((char *)(nb) + (off)))

static PyObject *
kr_null_error(void)
{
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
    return NULL;
}

/* NotImplemented (new ref) when neither operand handles the operator. */
static PyObject *
kr_binary_op1(PyObject *v, PyObject *w, int op_slot)
{
    binaryfunc slotv = NULL, slotw = NULL;
    if (Py_TYPE(v)->tp_as_number != NULL)
        slotv = NB_BINOP(Py_TYPE(v)->tp_as_number, op_slot);
    if (!Py_IS_TYPE(w, Py_TYPE(v)) && Py_TYPE(w)->tp_as_number != NULL) {
        slotw = NB_BINOP(Py_TYPE(w)->tp_as_number, op_slot);
        if (slotw == slotv)
            slotw = NULL;
    }
    PyObject *x;
    if (slotv) {
        if (slotw && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v))) {
            x = slotw(v, w);
            if (x != Py_NotImplemented)
                return x;
            Py_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    if (slotw) {
        x = slotw(v, w);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
kr_binop_type_error(PyObject *v, PyObject *w, const char *op_name)
{
    PyErr_Format(PyExc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
                 op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
    return NULL;
}

PyObject *
kr_binary_op(PyObject *v, PyObject *w, int op_slot, const char *op_name)
{
    PyObject *result = kr_binary_op1(v, w, op_slot);
    if (result == Py_NotImplemented) {
        Py_DECREF(result);
        if (op_slot == NB_SLOT(nb_rshift) && PyCFunction_CheckExact(v) &&
            strcmp(((PyCFunctionObject *)v)->m_ml->ml_name, "print") == 0) {
            PyErr_Format(PyExc_TypeError,
                         "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'. "
                         "Did you mean \"print(<message>, file=<output_stream>)\"?",
                         op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
            return NULL;
        }
        return kr_binop_type_error(v, w, op_name);
    }
    return result;
}

static PyObject *
kr_ternary_op(PyObject *v, PyObject *w, PyObject *z, int op_slot, const char *op_name)
{
    PyNumberMethods *mv = Py_TYPE(v)->tp_as_number;
    PyNumberMethods *mw = Py_TYPE(w)->tp_as_number;
    ternaryfunc slotv = NULL, slotw = NULL, slotz = NULL;
    PyObject *x;
    if (mv != NULL)
        slotv = NB_TERNOP(mv, op_slot);
    if (!Py_IS_TYPE(w, Py_TYPE(v)) && mw != NULL) {
        slotw = NB_TERNOP(mw, op_slot);
        if (slotw == slotv)
            slotw = NULL;
    }
    if (slotv) {
        if (slotw && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v))) {
            x = slotw(v, w, z);
            if (x != Py_NotImplemented)
                return x;
            Py_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    if (slotw) {
        x = slotw(v, w, z);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    PyNumberMethods *mz = Py_TYPE(z)->tp_as_number;
    if (mz != NULL) {
        slotz = NB_TERNOP(mz, op_slot);
        if (slotz == slotv || slotz == slotw)
            slotz = NULL;
        if (slotz) {
            x = slotz(v, w, z);
            if (x != Py_NotImplemented)
                return x;
            Py_DECREF(x);
        }
    }
    if (z == Py_None)
        PyErr_Format(PyExc_TypeError,
                     "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
                     op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
    else
        PyErr_Format(PyExc_TypeError,
                     "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'",
                     op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name, Py_TYPE(z)->tp_name);
    return NULL;
}

#define KR_BINARY_FUNC(func, slot, name) \
    PyObject *func(PyObject *v, PyObject *w) { return kr_binary_op(v, w, NB_SLOT(slot), name); }

KR_BINARY_FUNC(PyNumber_Or, nb_or, "|")
KR_BINARY_FUNC(PyNumber_Xor, nb_xor, "^")
KR_BINARY_FUNC(PyNumber_And, nb_and, "&")
KR_BINARY_FUNC(PyNumber_Lshift, nb_lshift, "<<")
KR_BINARY_FUNC(PyNumber_Rshift, nb_rshift, ">>")
KR_BINARY_FUNC(PyNumber_Subtract, nb_subtract, "-")
KR_BINARY_FUNC(PyNumber_Divmod, nb_divmod, "divmod()")
KR_BINARY_FUNC(PyNumber_MatrixMultiply, nb_matrix_multiply, "@")
KR_BINARY_FUNC(PyNumber_FloorDivide, nb_floor_divide, "//")
KR_BINARY_FUNC(PyNumber_TrueDivide, nb_true_divide, "/")
KR_BINARY_FUNC(PyNumber_Remainder, nb_remainder, "%")

PyObject *
PyNumber_Add(PyObject *v, PyObject *w)
{
    PyObject *result = kr_binary_op1(v, w, NB_SLOT(nb_add));
    if (result != Py_NotImplemented)
        return result;
    Py_DECREF(result);
    PySequenceMethods *m = Py_TYPE(v)->tp_as_sequence;
    if (m && m->sq_concat)
        return m->sq_concat(v, w);
    return kr_binop_type_error(v, w, "+");
}

static PyObject *
kr_sequence_repeat(ssizeargfunc repeatfunc, PyObject *seq, PyObject *n)
{
    if (PyIndex_Check(n)) {
        Py_ssize_t count = PyNumber_AsSsize_t(n, PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred())
            return NULL;
        return repeatfunc(seq, count);
    }
    PyErr_Format(PyExc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                 Py_TYPE(n)->tp_name);
    return NULL;
}

PyObject *
PyNumber_Multiply(PyObject *v, PyObject *w)
{
    PyObject *result = kr_binary_op1(v, w, NB_SLOT(nb_multiply));
    if (result != Py_NotImplemented)
        return result;
    Py_DECREF(result);
    PySequenceMethods *mv = Py_TYPE(v)->tp_as_sequence;
    PySequenceMethods *mw = Py_TYPE(w)->tp_as_sequence;
    if (mv && mv->sq_repeat)
        return kr_sequence_repeat(mv->sq_repeat, v, w);
    if (mw && mw->sq_repeat)
        return kr_sequence_repeat(mw->sq_repeat, w, v);
    return kr_binop_type_error(v, w, "*");
}

PyObject *
PyNumber_Power(PyObject *v, PyObject *w, PyObject *z)
{
    return kr_ternary_op(v, w, z, NB_SLOT(nb_power), "** or pow()");
}

/* ---- in-place ---- */

static PyObject *
kr_binary_iop1(PyObject *v, PyObject *w, int iop_slot, int op_slot)
{
    PyNumberMethods *mv = Py_TYPE(v)->tp_as_number;
    if (mv != NULL) {
        binaryfunc slot = NB_BINOP(mv, iop_slot);
        if (slot) {
            PyObject *x = slot(v, w);
            if (x != Py_NotImplemented)
                return x;
            Py_DECREF(x);
        }
    }
    return kr_binary_op1(v, w, op_slot);
}

static PyObject *
kr_binary_iop(PyObject *v, PyObject *w, int iop_slot, int op_slot, const char *op_name)
{
    PyObject *result = kr_binary_iop1(v, w, iop_slot, op_slot);
    if (result == Py_NotImplemented) {
        Py_DECREF(result);
        return kr_binop_type_error(v, w, op_name);
    }
    return result;
}

#define KR_INPLACE_FUNC(func, iop, op, name) \
    PyObject *func(PyObject *v, PyObject *w) \
    { return kr_binary_iop(v, w, NB_SLOT(iop), NB_SLOT(op), name); }

KR_INPLACE_FUNC(PyNumber_InPlaceOr, nb_inplace_or, nb_or, "|=")
KR_INPLACE_FUNC(PyNumber_InPlaceXor, nb_inplace_xor, nb_xor, "^=")
KR_INPLACE_FUNC(PyNumber_InPlaceAnd, nb_inplace_and, nb_and, "&=")
KR_INPLACE_FUNC(PyNumber_InPlaceLshift, nb_inplace_lshift, nb_lshift, "<<=")
KR_INPLACE_FUNC(PyNumber_InPlaceRshift, nb_inplace_rshift, nb_rshift, ">>=")
KR_INPLACE_FUNC(PyNumber_InPlaceSubtract, nb_inplace_subtract, nb_subtract, "-=")
KR_INPLACE_FUNC(PyNumber_InPlaceMatrixMultiply, nb_inplace_matrix_multiply, nb_matrix_multiply, "@=")
KR_INPLACE_FUNC(PyNumber_InPlaceFloorDivide, nb_inplace_floor_divide, nb_floor_divide, "//=")
KR_INPLACE_FUNC(PyNumber_InPlaceTrueDivide, nb_inplace_true_divide, nb_true_divide, "/=")
KR_INPLACE_FUNC(PyNumber_InPlaceRemainder, nb_inplace_remainder, nb_remainder, "%=")

PyObject *
PyNumber_InPlaceAdd(PyObject *v, PyObject *w)
{
    PyObject *result = kr_binary_iop1(v, w, NB_SLOT(nb_inplace_add), NB_SLOT(nb_add));
    if (result != Py_NotImplemented)
        return result;
    Py_DECREF(result);
    PySequenceMethods *m = Py_TYPE(v)->tp_as_sequence;
    if (m != NULL) {
        binaryfunc func = m->sq_inplace_concat ? m->sq_inplace_concat : m->sq_concat;
        if (func)
            return func(v, w);
    }
    return kr_binop_type_error(v, w, "+=");
}

PyObject *
PyNumber_InPlaceMultiply(PyObject *v, PyObject *w)
{
    PyObject *result = kr_binary_iop1(v, w, NB_SLOT(nb_inplace_multiply), NB_SLOT(nb_multiply));
    if (result != Py_NotImplemented)
        return result;
    Py_DECREF(result);
    PySequenceMethods *mv = Py_TYPE(v)->tp_as_sequence;
    PySequenceMethods *mw = Py_TYPE(w)->tp_as_sequence;
    if (mv != NULL) {
        ssizeargfunc f = mv->sq_inplace_repeat ? mv->sq_inplace_repeat : mv->sq_repeat;
        if (f)
            return kr_sequence_repeat(f, v, w);
    }
    if (mw != NULL && mw->sq_repeat)
        return kr_sequence_repeat(mw->sq_repeat, w, v);
    return kr_binop_type_error(v, w, "*=");
}

PyObject *
PyNumber_InPlacePower(PyObject *v, PyObject *w, PyObject *z)
{
    PyNumberMethods *mv = Py_TYPE(v)->tp_as_number;
    if (mv != NULL && mv->nb_inplace_power != NULL) {
        PyObject *x = mv->nb_inplace_power(v, w, z);
        if (x != Py_NotImplemented)
            return x;
        Py_DECREF(x);
    }
    return kr_ternary_op(v, w, z, NB_SLOT(nb_power), "**=");
}

/* ---- unary ---- */

static PyObject *
kr_unary_op(PyObject *o, int slot, const char *what)
{
    if (o == NULL)
        return kr_null_error();
    PyNumberMethods *m = Py_TYPE(o)->tp_as_number;
    if (m != NULL) {
        unaryfunc f = *(unaryfunc *)((char *)m + slot);
        if (f)
            return f(o);
    }
    PyErr_Format(PyExc_TypeError, "bad operand type for %s: '%.200s'", what, Py_TYPE(o)->tp_name);
    return NULL;
}

PyObject *PyNumber_Negative(PyObject *o) { return kr_unary_op(o, NB_SLOT(nb_negative), "unary -"); }
PyObject *PyNumber_Positive(PyObject *o) { return kr_unary_op(o, NB_SLOT(nb_positive), "unary +"); }
PyObject *PyNumber_Invert(PyObject *o) { return kr_unary_op(o, NB_SLOT(nb_invert), "unary ~"); }
PyObject *PyNumber_Absolute(PyObject *o) { return kr_unary_op(o, NB_SLOT(nb_absolute), "abs()"); }

/* ---- conversions ---- */

int
PyNumber_Check(PyObject *o)
{
    if (o == NULL)
        return 0;
    PyNumberMethods *nb = Py_TYPE(o)->tp_as_number;
    return nb && (nb->nb_index || nb->nb_int || nb->nb_float || PyComplex_Check(o));
}

int
PyIndex_Check(PyObject *obj)
{
    PyNumberMethods *nb = Py_TYPE(obj)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

PyObject *
_PyNumber_Index(PyObject *item)
{
    if (item == NULL)
        return kr_null_error();
    if (PyLong_Check(item))
        return Py_NewRef(item);
    if (!PyIndex_Check(item)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(item)->tp_name);
        return NULL;
    }
    PyObject *result = Py_TYPE(item)->tp_as_number->nb_index(item);
    if (result == NULL || PyLong_CheckExact(result))
        return result;
    if (!PyLong_Check(result)) {
        PyErr_Format(PyExc_TypeError, "__index__ returned non-int (type %.200s)",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "__index__ returned non-int (type %.200s).  The ability to return an "
                         "instance of a strict subclass of int is deprecated, and may be removed "
                         "in a future version of Python.", Py_TYPE(result)->tp_name)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

PyObject *
PyNumber_Index(PyObject *item)
{
    PyObject *result = _PyNumber_Index(item);
    if (result != NULL && !PyLong_CheckExact(result))
        Py_SETREF(result, _PyLong_Copy((PyLongObject *)result));
    return result;
}

Py_ssize_t
PyNumber_AsSsize_t(PyObject *item, PyObject *err)
{
    PyObject *value = _PyNumber_Index(item);
    if (value == NULL)
        return -1;
    Py_ssize_t result = PyLong_AsSsize_t(value);
    if (result != -1 || !PyErr_Occurred()) {
        Py_DECREF(value);
        return result;
    }
    if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
        Py_DECREF(value);
        return -1;
    }
    PyErr_Clear();
    if (err == NULL) {
        /* No exception wanted: clamp. */
        result = _PyLong_Sign(value) < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    else {
        PyErr_Format(err, "cannot fit '%.200s' into an index-sized integer",
                     Py_TYPE(item)->tp_name);
    }
    Py_DECREF(value);
    return result;
}

/* An int subclass returned by __int__/__index__/__trunc__ becomes an exact
 * int, after a DeprecationWarning. */
static PyObject *
kr_exact_int_result(PyObject *result, const char *what)
{
    if (result == NULL || PyLong_CheckExact(result))
        return result;
    if (!PyLong_Check(result)) {
        PyErr_Format(PyExc_TypeError, "%s returned non-int (type %.200s)", what,
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "%s returned non-int (type %.200s).  The ability to return an instance "
                         "of a strict subclass of int is deprecated, and may be removed in a "
                         "future version of Python.", what, Py_TYPE(result)->tp_name)) {
        Py_DECREF(result);
        return NULL;
    }
    Py_SETREF(result, _PyLong_Copy((PyLongObject *)result));
    return result;
}

/* int(bytes-like): parse the bytes as a base-10 literal. */
static PyObject *
kr_long_from_buffer(PyObject *o)
{
    Py_buffer view;
    if (PyObject_GetBuffer(o, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    char *buf = PyMem_Malloc((size_t)view.len + 1);
    if (buf == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    memcpy(buf, view.buf, (size_t)view.len);
    buf[view.len] = '\0';
    char *end = NULL;
    PyObject *result = NULL;
    if (strlen(buf) == (size_t)view.len)
        result = PyLong_FromString(buf, &end, 10);
    if (result != NULL && end != buf + view.len) {
        Py_CLEAR(result);
    }
    if (result == NULL && (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_ValueError))) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %R", 10, o);
    }
    PyMem_Free(buf);
    PyBuffer_Release(&view);
    return result;
}

PyObject *
PyNumber_Long(PyObject *o)
{
    if (o == NULL)
        return kr_null_error();
    if (PyLong_CheckExact(o))
        return Py_NewRef(o);
    PyNumberMethods *m = Py_TYPE(o)->tp_as_number;
    if (m && m->nb_int)
        return kr_exact_int_result(m->nb_int(o), "__int__");
    if (m && m->nb_index)
        return PyNumber_Index(o);
    PyObject *trunc_func = _PyObject_LookupSpecial(o, KR_ID(__trunc__));
    if (trunc_func != NULL) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "The delegation of int() to __trunc__ is deprecated.", 1)) {
            Py_DECREF(trunc_func);
            return NULL;
        }
        PyObject *result = PyObject_CallNoArgs(trunc_func);
        Py_DECREF(trunc_func);
        if (result == NULL || PyLong_CheckExact(result))
            return result;
        if (PyLong_Check(result)) {
            Py_SETREF(result, _PyLong_Copy((PyLongObject *)result));
            return result;
        }
        if (!PyIndex_Check(result)) {
            PyErr_Format(PyExc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                         Py_TYPE(result)->tp_name);
            Py_DECREF(result);
            return NULL;
        }
        Py_SETREF(result, PyNumber_Index(result));
        return result;
    }
    if (PyErr_Occurred())
        return NULL;
    if (PyUnicode_Check(o))
        return PyLong_FromUnicodeObject(o, 10);
    if (PyObject_CheckBuffer(o))
        return kr_long_from_buffer(o);
    PyErr_Format(PyExc_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                 Py_TYPE(o)->tp_name);
    return NULL;
}

PyObject *
PyNumber_Float(PyObject *o)
{
    if (o == NULL)
        return kr_null_error();
    if (PyFloat_CheckExact(o))
        return Py_NewRef(o);
    PyNumberMethods *m = Py_TYPE(o)->tp_as_number;
    if (m && m->nb_float) {
        PyObject *res = m->nb_float(o);
        if (res == NULL || PyFloat_CheckExact(res))
            return res;
        if (!PyFloat_Check(res)) {
            PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                         Py_TYPE(o)->tp_name, Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "%.50s.__float__ returned non-float (type %.50s).  The ability to "
                             "return an instance of a strict subclass of float is deprecated, "
                             "and may be removed in a future version of Python.",
                             Py_TYPE(o)->tp_name, Py_TYPE(res)->tp_name)) {
            Py_DECREF(res);
            return NULL;
        }
        double val = PyFloat_AS_DOUBLE(res);
        Py_DECREF(res);
        return PyFloat_FromDouble(val);
    }
    if (m && m->nb_index) {
        PyObject *res = _PyNumber_Index(o);
        if (res == NULL)
            return NULL;
        double val = PyLong_AsDouble(res);
        Py_DECREF(res);
        if (val == -1.0 && PyErr_Occurred())
            return NULL;
        return PyFloat_FromDouble(val);
    }
    if (PyFloat_Check(o))
        return PyFloat_FromDouble(PyFloat_AS_DOUBLE(o));
    return PyFloat_FromString(o);
}

PyObject *
PyNumber_ToBase(PyObject *n, int base)
{
    if (!(base == 2 || base == 8 || base == 10 || base == 16)) {
        PyErr_SetString(PyExc_SystemError, "PyNumber_ToBase: base must be 2, 8, 10 or 16");
        return NULL;
    }
    PyObject *index = PyNumber_Index(n);
    if (index == NULL)
        return NULL;
    PyObject *res = _PyLong_Format(index, base);
    Py_DECREF(index);
    return res;
}

Py_ssize_t
kr_number_as_index_ssize(PyObject *o, PyObject *exc)
{
    return PyNumber_AsSsize_t(o, exc);
}

PyObject *
kr_number_binary_op1(PyObject *v, PyObject *w, int op_slot)
{
    return kr_binary_op1(v, w, op_slot);
}
