/* functions.c: the functions of `_operator`, each a thin METH_O or
 * METH_FASTCALL wrapper over the abstract object API (operator.py
 * re-exports them with `from _operator import *`).  The unary, binary
 * and comparison families are generated from one macro each, with the
 * argument checks and messages of CPython's generated parsers. */
#include "internal.h"
#include "modules/_operator/operator.h"

/* ---- families ---- */

#define KR_OP_UNARY(name, expr)                                            \
    static PyObject *kr_op_##name(PyObject *module, PyObject *a)           \
    {                                                                      \
        return expr;                                                       \
    }

#define KR_OP_BINARY(name, expr)                                           \
    static PyObject *kr_op_##name(PyObject *module, PyObject *const *args, \
                                  Py_ssize_t nargs)                        \
    {                                                                      \
        if (!_PyArg_CheckPositional(#name, nargs, 2, 2))                   \
            return NULL;                                                   \
        PyObject *a = args[0], *b = args[1];                               \
        return expr;                                                       \
    }

/* A C truth value (or -1 for an error) as a bool object. */
static PyObject *
kr_op_bool(int r)
{
    if (r < 0)
        return NULL;
    return Py_NewRef(r ? Py_True : Py_False);
}

static PyObject *
kr_op_ssize(Py_ssize_t n)
{
    if (n == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(n);
}

KR_OP_UNARY(truth, kr_op_bool(PyObject_IsTrue(a)))
KR_OP_UNARY(not_, kr_op_bool(PyObject_Not(a)))
KR_OP_UNARY(abs, PyNumber_Absolute(a))
KR_OP_UNARY(inv, PyNumber_Invert(a))
KR_OP_UNARY(invert, PyNumber_Invert(a))
KR_OP_UNARY(neg, PyNumber_Negative(a))
KR_OP_UNARY(pos, PyNumber_Positive(a))
KR_OP_UNARY(index, PyNumber_Index(a))

KR_OP_BINARY(add, PyNumber_Add(a, b))
KR_OP_BINARY(sub, PyNumber_Subtract(a, b))
KR_OP_BINARY(mul, PyNumber_Multiply(a, b))
KR_OP_BINARY(matmul, PyNumber_MatrixMultiply(a, b))
KR_OP_BINARY(floordiv, PyNumber_FloorDivide(a, b))
KR_OP_BINARY(truediv, PyNumber_TrueDivide(a, b))
KR_OP_BINARY(mod, PyNumber_Remainder(a, b))
KR_OP_BINARY(lshift, PyNumber_Lshift(a, b))
KR_OP_BINARY(rshift, PyNumber_Rshift(a, b))
KR_OP_BINARY(and_, PyNumber_And(a, b))
KR_OP_BINARY(xor, PyNumber_Xor(a, b))
KR_OP_BINARY(or_, PyNumber_Or(a, b))
KR_OP_BINARY(pow, PyNumber_Power(a, b, Py_None))
KR_OP_BINARY(iadd, PyNumber_InPlaceAdd(a, b))
KR_OP_BINARY(isub, PyNumber_InPlaceSubtract(a, b))
KR_OP_BINARY(imul, PyNumber_InPlaceMultiply(a, b))
KR_OP_BINARY(imatmul, PyNumber_InPlaceMatrixMultiply(a, b))
KR_OP_BINARY(ifloordiv, PyNumber_InPlaceFloorDivide(a, b))
KR_OP_BINARY(itruediv, PyNumber_InPlaceTrueDivide(a, b))
KR_OP_BINARY(imod, PyNumber_InPlaceRemainder(a, b))
KR_OP_BINARY(ilshift, PyNumber_InPlaceLshift(a, b))
KR_OP_BINARY(irshift, PyNumber_InPlaceRshift(a, b))
KR_OP_BINARY(iand, PyNumber_InPlaceAnd(a, b))
KR_OP_BINARY(ixor, PyNumber_InPlaceXor(a, b))
KR_OP_BINARY(ior, PyNumber_InPlaceOr(a, b))
KR_OP_BINARY(ipow, PyNumber_InPlacePower(a, b, Py_None))
KR_OP_BINARY(concat, PySequence_Concat(a, b))
KR_OP_BINARY(iconcat, PySequence_InPlaceConcat(a, b))
KR_OP_BINARY(contains, kr_op_bool(PySequence_Contains(a, b)))
KR_OP_BINARY(indexOf, kr_op_ssize(PySequence_Index(a, b)))
KR_OP_BINARY(countOf, kr_op_ssize(PySequence_Count(a, b)))
KR_OP_BINARY(getitem, PyObject_GetItem(a, b))
KR_OP_BINARY(is_, Py_NewRef(a == b ? Py_True : Py_False))
KR_OP_BINARY(is_not, Py_NewRef(a != b ? Py_True : Py_False))
KR_OP_BINARY(lt, PyObject_RichCompare(a, b, Py_LT))
KR_OP_BINARY(le, PyObject_RichCompare(a, b, Py_LE))
KR_OP_BINARY(eq, PyObject_RichCompare(a, b, Py_EQ))
KR_OP_BINARY(ne, PyObject_RichCompare(a, b, Py_NE))
KR_OP_BINARY(gt, PyObject_RichCompare(a, b, Py_GT))
KR_OP_BINARY(ge, PyObject_RichCompare(a, b, Py_GE))

static PyObject *
kr_op_none_or_null(int r)
{
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

KR_OP_BINARY(delitem, kr_op_none_or_null(PyObject_DelItem(a, b)))

static PyObject *
kr_op_setitem(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setitem", nargs, 3, 3))
        return NULL;
    return kr_op_none_or_null(PyObject_SetItem(args[0], args[1], args[2]));
}

static PyObject *
kr_op_length_hint(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("length_hint", nargs, 1, 2))
        return NULL;
    Py_ssize_t deflt = 0;
    if (nargs == 2) {
        PyObject *iobj = PyNumber_Index(args[1]);
        if (iobj == NULL)
            return NULL;
        deflt = PyLong_AsSsize_t(iobj);
        Py_DECREF(iobj);
        if (deflt == -1 && PyErr_Occurred())
            return NULL;
    }
    return kr_op_ssize(PyObject_LengthHint(args[0], deflt));
}

static PyObject *
kr_op_call(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (!_PyArg_CheckPositional("call", nargs, 1, PY_SSIZE_T_MAX))
        return NULL;
    return PyObject_Vectorcall(args[0], args + 1,
                               (size_t)(nargs - 1) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
}

/* Compares without an early exit, so the time taken depends only on the
 * length of b: 1 when equal. */
static int
kr_op_tscmp(const unsigned char *a, const unsigned char *b, Py_ssize_t len_a, Py_ssize_t len_b)
{
    /* a volatile pointer keeps the compiler from short-circuiting */
    const volatile unsigned char *left = len_a == len_b ? a : b;
    const volatile unsigned char *right = b;
    unsigned char result = len_a == len_b ? 0 : 1;
    for (Py_ssize_t i = 0; i < len_b; i++)
        result |= left[i] ^ right[i];
    return result == 0;
}

static PyObject *
kr_op_compare_digest(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_compare_digest", nargs, 2, 2))
        return NULL;
    PyObject *a = args[0], *b = args[1];
    int rc;
    if (PyUnicode_Check(a) && PyUnicode_Check(b)) {
        if (!PyUnicode_IS_ASCII(a) || !PyUnicode_IS_ASCII(b)) {
            PyErr_SetString(PyExc_TypeError,
                            "comparing strings with non-ASCII characters is not supported");
            return NULL;
        }
        rc = kr_op_tscmp(PyUnicode_DATA(a), PyUnicode_DATA(b), PyUnicode_GET_LENGTH(a),
                         PyUnicode_GET_LENGTH(b));
    }
    else {
        if (!PyObject_CheckBuffer(a) && !PyObject_CheckBuffer(b)) {
            PyErr_Format(PyExc_TypeError,
                         "unsupported operand types(s) or combination of types: '%.100s' and '%.100s'",
                         Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name);
            return NULL;
        }
        Py_buffer va, vb;
        if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0)
            return NULL;
        if (va.ndim > 1) {
            PyErr_SetString(PyExc_BufferError, "Buffer must be single dimension");
            PyBuffer_Release(&va);
            return NULL;
        }
        if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0) {
            PyBuffer_Release(&va);
            return NULL;
        }
        if (vb.ndim > 1) {
            PyErr_SetString(PyExc_BufferError, "Buffer must be single dimension");
            PyBuffer_Release(&va);
            PyBuffer_Release(&vb);
            return NULL;
        }
        rc = kr_op_tscmp(va.buf, vb.buf, va.len, vb.len);
        PyBuffer_Release(&va);
        PyBuffer_Release(&vb);
    }
    return PyBool_FromLong(rc);
}

/* ---- the table ---- */

#define KR_OP_O(name, sig, doc) \
    {#name, (PyCFunction)kr_op_##name, METH_O, #name "($module, " sig ", /)\n--\n\n" doc},
#define KR_OP_F(name, sig, doc) \
    {#name, (PyCFunction)(void (*)(void))kr_op_##name, METH_FASTCALL, \
     #name "($module, " sig ", /)\n--\n\n" doc},

PyMethodDef kr_operator_functions[] = {
    KR_OP_O(truth, "a", "Return True if a is true, False otherwise.")
    KR_OP_F(contains, "a, b", "Same as b in a (note reversed operands).")
    KR_OP_F(indexOf, "a, b", "Return the first index of b in a.")
    KR_OP_F(countOf, "a, b", "Return the number of items in a which are, or which equal, b.")
    KR_OP_F(is_, "a, b", "Same as a is b.")
    KR_OP_F(is_not, "a, b", "Same as a is not b.")
    KR_OP_O(index, "a", "Same as a.__index__()")
    KR_OP_F(add, "a, b", "Same as a + b.")
    KR_OP_F(sub, "a, b", "Same as a - b.")
    KR_OP_F(mul, "a, b", "Same as a * b.")
    KR_OP_F(matmul, "a, b", "Same as a @ b.")
    KR_OP_F(floordiv, "a, b", "Same as a // b.")
    KR_OP_F(truediv, "a, b", "Same as a / b.")
    KR_OP_F(mod, "a, b", "Same as a % b.")
    KR_OP_O(neg, "a", "Same as -a.")
    KR_OP_O(pos, "a", "Same as +a.")
    KR_OP_O(abs, "a", "Same as abs(a).")
    KR_OP_O(inv, "a", "Same as ~a.")
    KR_OP_O(invert, "a", "Same as ~a.")
    KR_OP_F(lshift, "a, b", "Same as a << b.")
    KR_OP_F(rshift, "a, b", "Same as a >> b.")
    KR_OP_O(not_, "a", "Same as not a.")
    KR_OP_F(and_, "a, b", "Same as a & b.")
    KR_OP_F(xor, "a, b", "Same as a ^ b.")
    KR_OP_F(or_, "a, b", "Same as a | b.")
    KR_OP_F(iadd, "a, b", "Same as a += b.")
    KR_OP_F(isub, "a, b", "Same as a -= b.")
    KR_OP_F(imul, "a, b", "Same as a *= b.")
    KR_OP_F(imatmul, "a, b", "Same as a @= b.")
    KR_OP_F(ifloordiv, "a, b", "Same as a //= b.")
    KR_OP_F(itruediv, "a, b", "Same as a /= b.")
    KR_OP_F(imod, "a, b", "Same as a %= b.")
    KR_OP_F(ilshift, "a, b", "Same as a <<= b.")
    KR_OP_F(irshift, "a, b", "Same as a >>= b.")
    KR_OP_F(iand, "a, b", "Same as a &= b.")
    KR_OP_F(ixor, "a, b", "Same as a ^= b.")
    KR_OP_F(ior, "a, b", "Same as a |= b.")
    KR_OP_F(concat, "a, b", "Same as a + b, for a and b sequences.")
    KR_OP_F(iconcat, "a, b", "Same as a += b, for a and b sequences.")
    KR_OP_F(getitem, "a, b", "Same as a[b].")
    KR_OP_F(setitem, "a, b, c", "Same as a[b] = c.")
    KR_OP_F(delitem, "a, b", "Same as del a[b].")
    KR_OP_F(pow, "a, b", "Same as a ** b.")
    KR_OP_F(ipow, "a, b", "Same as a **= b.")
    KR_OP_F(eq, "a, b", "Same as a == b.")
    KR_OP_F(ne, "a, b", "Same as a != b.")
    KR_OP_F(lt, "a, b", "Same as a < b.")
    KR_OP_F(le, "a, b", "Same as a <= b.")
    KR_OP_F(gt, "a, b", "Same as a > b.")
    KR_OP_F(ge, "a, b", "Same as a >= b.")
    {"_compare_digest", (PyCFunction)(void (*)(void))kr_op_compare_digest, METH_FASTCALL,
     "_compare_digest($module, a, b, /)\n--\n\n"
     "Return 'a == b'.\n\n"
     "This function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography.\n\n"
     "a and b must both be of the same type: either str (ASCII only),\n"
     "or any bytes-like object.\n\n"
     "Note: If a and b are of different lengths, or if an error occurs,\n"
     "a timing attack could theoretically reveal information about the\n"
     "types and lengths of a and b--but not their values."},
    {"length_hint", (PyCFunction)(void (*)(void))kr_op_length_hint, METH_FASTCALL,
     "length_hint($module, obj, default=0, /)\n--\n\n"
     "Return an estimate of the number of items in obj.\n\n"
     "This is useful for presizing containers when building from an iterable.\n\n"
     "If the object supports len(), the result will be exact.\n"
     "Otherwise, it may over- or under-estimate by an arbitrary amount.\n"
     "The result will be an integer >= 0."},
    {"call", (PyCFunction)(void (*)(void))kr_op_call, METH_FASTCALL | METH_KEYWORDS,
     "call($module, obj, /, *args, **kwargs)\n--\n\nSame as obj(*args, **kwargs)."},
    {NULL, NULL, 0, NULL}
};
