/* typeobject_slots.c: the two-way bridge between C slots and dunder
 * methods, driven by one declarative table (kr_slotdefs).
 *
 *  - C -> Python: PyType_Ready on a static type adds a wrapper descriptor
 *    (<slot wrapper '__add__' of 'int' objects>) for every filled slot; the
 *    wrap_* functions below adapt a call with a Python args tuple to the
 *    slot's C signature.
 *  - Python -> C: a class that defines __add__ (or inherits it from Python
 *    code) gets nb_add = slot_nb_add, which looks __add__ up on the type
 *    and calls it.  When the dunder resolves to a wrapper of the same C slot
 *    of a base, the C function itself is copied instead (no round trip).
 *    kr_type_update_slot redoes this when a class attribute changes.
 *
 * Table entries that share a slot (e.g. __add__/__radd__ -> nb_add,
 * __setattr__/__delattr__ -> tp_setattro, the six comparisons ->
 * tp_richcompare) are adjacent, so each run is one slot.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include <stddef.h>

typedef struct kr_slotdef {
    struct wrapperbase base;     /* name, offset, function, wrapper, doc, flags */
    kr_idref id;         /* interned name */
} kr_slotdef;

/* ---- helpers for the slot functions ---- */

/* type(self).name(self, *args); NotImplemented when type(self) lacks it. */
static PyObject *
kr_call_or_notimpl(PyObject *self, kr_idref id, PyObject *const *args, Py_ssize_t n)
{
    int found;
    PyObject *r = kr_call_special(self, kr_id(id), args, n, &found);
    if (!found)
        Py_RETURN_NOTIMPLEMENTED;
    return r;
}

/* type(self).name(self, *args); AttributeError when absent. */
static PyObject *
kr_call_required(PyObject *self, kr_idref id, PyObject *const *args, Py_ssize_t n)
{
    int found;
    PyObject *name = kr_id(id);
    PyObject *r = kr_call_special(self, name, args, n, &found);
    if (!found && !PyErr_Occurred())
        PyErr_SetObject(PyExc_AttributeError, name);
    return r;
}

/* Does the reflected method of `right`'s type differ from `left`'s? Only
 * then does a subclass get the first try (the reflected-operand rule). */
static int
kr_method_is_overloaded(PyObject *left, PyObject *right, PyObject *name)
{
    PyObject *b = _PyType_Lookup(Py_TYPE(right), name);
    if (b == NULL)
        return 0;
    PyObject *a = _PyType_Lookup(Py_TYPE(left), name);
    if (a == NULL)
        return 1;
    if (a == b)
        return 0;
    int ok = PyObject_RichCompareBool(a, b, Py_NE);
    return ok;
}

/* The shared body of every binary number slot of a class (nb_add, ...). */
static PyObject *
kr_slot_binary(PyObject *self, PyObject *other, int nb_offset, void *slotfunc,
               kr_idref op, kr_idref rop)
{
    PyNumberMethods *onb = Py_TYPE(other)->tp_as_number;
    PyNumberMethods *snb = Py_TYPE(self)->tp_as_number;
    int do_other = !Py_IS_TYPE(self, Py_TYPE(other)) && onb != NULL &&
                   *(void **)((char *)onb + nb_offset) == slotfunc;
    PyObject *r;
    if (snb != NULL && *(void **)((char *)snb + nb_offset) == slotfunc) {
        if (do_other && PyType_IsSubtype(Py_TYPE(other), Py_TYPE(self))) {
            int ov = kr_method_is_overloaded(self, other, kr_id(rop));
            if (ov < 0)
                return NULL;
            if (ov) {
                r = kr_call_or_notimpl(other, rop, &self, 1);
                if (r != Py_NotImplemented)
                    return r;
                Py_DECREF(r);
                do_other = 0;
            }
        }
        r = kr_call_or_notimpl(self, op, &other, 1);
        if (r != Py_NotImplemented || Py_IS_TYPE(other, Py_TYPE(self)))
            return r;
        Py_DECREF(r);
    }
    if (do_other)
        return kr_call_or_notimpl(other, rop, &self, 1);
    Py_RETURN_NOTIMPLEMENTED;
}

#define KR_SLOT_BINARY(fn, field, op, rop) \
    static PyObject *fn(PyObject *self, PyObject *other) \
    { \
        return kr_slot_binary(self, other, offsetof(PyNumberMethods, field), (void *)fn, \
                              KR_IDREF(op), KR_IDREF(rop)); \
    }
KR_SLOT_BINARY(slot_nb_add, nb_add, __add__, __radd__)
KR_SLOT_BINARY(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
KR_SLOT_BINARY(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
KR_SLOT_BINARY(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
KR_SLOT_BINARY(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
KR_SLOT_BINARY(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
KR_SLOT_BINARY(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
KR_SLOT_BINARY(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
KR_SLOT_BINARY(slot_nb_and, nb_and, __and__, __rand__)
KR_SLOT_BINARY(slot_nb_xor, nb_xor, __xor__, __rxor__)
KR_SLOT_BINARY(slot_nb_or, nb_or, __or__, __ror__)
KR_SLOT_BINARY(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
KR_SLOT_BINARY(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)


static PyObject *
slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus)
{
    if (modulus == Py_None)
        return kr_slot_binary(self, other, offsetof(PyNumberMethods, nb_power),
                              (void *)slot_nb_power, KR_IDREF(__pow__), KR_IDREF(__rpow__));
    /* Three-argument pow() never tries the reflected method. */
    if (Py_TYPE(self)->tp_as_number != NULL &&
        Py_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        PyObject *a[2] = {other, modulus};
        return kr_call_or_notimpl(self, KR_IDREF(__pow__), a, 2);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

#define KR_SLOT_UNARY(fn, op) \
    static PyObject *fn(PyObject *self) { return kr_call_required(self, KR_IDREF(op), NULL, 0); }
KR_SLOT_UNARY(slot_nb_negative, __neg__)
KR_SLOT_UNARY(slot_nb_positive, __pos__)
KR_SLOT_UNARY(slot_nb_absolute, __abs__)
KR_SLOT_UNARY(slot_nb_invert, __invert__)
KR_SLOT_UNARY(slot_nb_int, __int__)
KR_SLOT_UNARY(slot_nb_float, __float__)
KR_SLOT_UNARY(slot_nb_index, __index__)
KR_SLOT_UNARY(slot_tp_repr, __repr__)
KR_SLOT_UNARY(slot_tp_str, __str__)
KR_SLOT_UNARY(slot_am_await, __await__)
KR_SLOT_UNARY(slot_am_aiter, __aiter__)
KR_SLOT_UNARY(slot_am_anext, __anext__)
KR_SLOT_UNARY(slot_tp_iternext, __next__)

#define KR_SLOT_INPLACE(fn, op) \
    static PyObject *fn(PyObject *self, PyObject *other) \
    { return kr_call_required(self, KR_IDREF(op), &other, 1); }
KR_SLOT_INPLACE(slot_nb_inplace_add, __iadd__)
KR_SLOT_INPLACE(slot_nb_inplace_subtract, __isub__)
KR_SLOT_INPLACE(slot_nb_inplace_multiply, __imul__)
KR_SLOT_INPLACE(slot_nb_inplace_matrix_multiply, __imatmul__)
KR_SLOT_INPLACE(slot_nb_inplace_remainder, __imod__)
KR_SLOT_INPLACE(slot_nb_inplace_lshift, __ilshift__)
KR_SLOT_INPLACE(slot_nb_inplace_rshift, __irshift__)
KR_SLOT_INPLACE(slot_nb_inplace_and, __iand__)
KR_SLOT_INPLACE(slot_nb_inplace_xor, __ixor__)
KR_SLOT_INPLACE(slot_nb_inplace_or, __ior__)
KR_SLOT_INPLACE(slot_nb_inplace_floor_divide, __ifloordiv__)
KR_SLOT_INPLACE(slot_nb_inplace_true_divide, __itruediv__)
KR_SLOT_INPLACE(slot_mp_subscript, __getitem__)

static PyObject *
slot_nb_inplace_power(PyObject *self, PyObject *other, PyObject *modulus)
{
    return kr_call_required(self, KR_IDREF(__ipow__), &other, 1);
}

static int
slot_nb_bool(PyObject *self)
{
    int found, using_len = 0;
    PyObject *r = kr_call_special(self, KR_ID(__bool__), NULL, 0, &found);
    if (!found) {
        if (PyErr_Occurred())
            return -1;
        r = kr_call_special(self, KR_ID(__len__), NULL, 0, &found);
        if (!found)
            return PyErr_Occurred() ? -1 : 1;
        using_len = 1;
    }
    if (r == NULL)
        return -1;
    int result;
    if (using_len) {
        Py_ssize_t n = PyNumber_AsSsize_t(r, PyExc_OverflowError);
        Py_DECREF(r);
        if (n == -1 && PyErr_Occurred())
            return -1;
        if (n < 0) {
            PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
            return -1;
        }
        return n > 0;
    }
    if (PyBool_Check(r)) {
        result = (r == Py_True);
    }
    else {
        PyErr_Format(PyExc_TypeError, "__bool__ should return bool, returned %s",
                     Py_TYPE(r)->tp_name);
        result = -1;
    }
    Py_DECREF(r);
    return result;
}

static Py_ssize_t
slot_sq_length(PyObject *self)
{
    PyObject *r = kr_call_required(self, KR_IDREF(__len__), NULL, 0);
    if (r == NULL)
        return -1;
    Py_ssize_t len = PyNumber_AsSsize_t(r, PyExc_OverflowError);
    Py_DECREF(r);
    if (len < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return len;
}

static PyObject *
slot_sq_item(PyObject *self, Py_ssize_t i)
{
    PyObject *idx = PyLong_FromSsize_t(i);
    if (idx == NULL)
        return NULL;
    PyObject *r = kr_call_required(self, KR_IDREF(__getitem__), &idx, 1);
    Py_DECREF(idx);
    return r;
}

static int
kr_none_result(PyObject *r)
{
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static int
slot_sq_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    PyObject *idx = PyLong_FromSsize_t(i);
    if (idx == NULL)
        return -1;
    PyObject *a[2] = {idx, value};
    PyObject *r = value == NULL ? kr_call_required(self, KR_IDREF(__delitem__), a, 1)
                                : kr_call_required(self, KR_IDREF(__setitem__), a, 2);
    Py_DECREF(idx);
    return kr_none_result(r);
}

static int
slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    PyObject *a[2] = {key, value};
    PyObject *r = value == NULL ? kr_call_required(self, KR_IDREF(__delitem__), a, 1)
                                : kr_call_required(self, KR_IDREF(__setitem__), a, 2);
    return kr_none_result(r);
}

static int
slot_sq_contains(PyObject *self, PyObject *value)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(self), KR_ID(__contains__));
    if (func == Py_None) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a container",
                     Py_TYPE(self)->tp_name);
        return -1;
    }
    if (func == NULL)
        return (int)_PySequence_IterSearch(self, value, PY_ITERSEARCH_CONTAINS);
    int found;
    PyObject *r = kr_call_special(self, KR_ID(__contains__), &value, 1, &found);
    if (r == NULL)
        return -1;
    int res = PyObject_IsTrue(r);
    Py_DECREF(r);
    return res;
}

static Py_hash_t
slot_tp_hash(PyObject *self)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(self), KR_ID(__hash__));
    if (func == Py_None || func == NULL)
        return PyObject_HashNotImplemented(self);
    PyObject *r = kr_call_required(self, KR_IDREF(__hash__), NULL, 0);
    if (r == NULL)
        return -1;
    if (!PyLong_Check(r)) {
        PyErr_SetString(PyExc_TypeError, "__hash__ method should return an integer");
        Py_DECREF(r);
        return -1;
    }
    Py_hash_t h = PyLong_AsSsize_t(r);
    if (h == -1 && PyErr_Occurred()) {
        /* Too big for a C hash: hash the int itself, as int.__hash__ would. */
        PyErr_Clear();
        h = PyObject_Hash(r);
    }
    Py_DECREF(r);
    if (h == -1 && !PyErr_Occurred())
        h = -2;
    return h;
}

static PyObject *
slot_tp_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *meth = _PyType_Lookup(Py_TYPE(self), KR_ID(__call__));
    if (meth == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    Py_INCREF(meth);
    PyObject *r;
    if (Py_TYPE(meth)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
        r = _PyObject_Call_Prepend(NULL, meth, self, args, kwds);
    }
    else {
        descrgetfunc f = Py_TYPE(meth)->tp_descr_get;
        PyObject *bound = f ? f(meth, self, (PyObject *)Py_TYPE(self)) : Py_NewRef(meth);
        r = bound ? PyObject_Call(bound, args, kwds) : NULL;
        Py_XDECREF(bound);
    }
    Py_DECREF(meth);
    return r;
}

static PyObject *
slot_tp_getattro(PyObject *self, PyObject *name)
{
    return kr_call_required(self, KR_IDREF(__getattribute__), &name, 1);
}

static PyObject *
slot_tp_getattr_hook(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *getattr = _PyType_Lookup(tp, KR_ID(__getattr__));
    if (getattr == NULL) {
        /* __getattr__ went away: stop using the hook. */
        tp->tp_getattro = slot_tp_getattro;
        return slot_tp_getattro(self, name);
    }
    Py_INCREF(getattr);
    PyObject *getattribute = _PyType_Lookup(tp, KR_ID(__getattribute__));
    PyObject *res;
    if (getattribute == NULL ||
        (Py_IS_TYPE(getattribute, &PyWrapperDescr_Type) &&
         KR_WRAPPER_WRAPPED(getattribute) == (void *)PyObject_GenericGetAttr)) {
        res = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
        if (res == NULL && !PyErr_Occurred()) {
            PyObject *a[2] = {self, name};
            res = PyObject_Vectorcall(getattr, a, 2, NULL);
        }
        Py_DECREF(getattr);
        return res;
    }
    Py_INCREF(getattribute);
    int found;
    res = kr_call_special(self, KR_ID(__getattribute__), &name, 1, &found);
    Py_DECREF(getattribute);
    if (res == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        descrgetfunc f = Py_TYPE(getattr)->tp_descr_get;
        if (f == NULL || (Py_TYPE(getattr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            PyObject *a[2] = {self, name};
            res = PyObject_Vectorcall(getattr, a, 2, NULL);
        }
        else {
            PyObject *bound = f(getattr, self, (PyObject *)tp);
            res = bound ? PyObject_CallOneArg(bound, name) : NULL;
            Py_XDECREF(bound);
        }
    }
    Py_DECREF(getattr);
    return res;
}

static int
slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyObject *a[2] = {name, value};
    PyObject *r = value == NULL ? kr_call_required(self, KR_IDREF(__delattr__), a, 1)
                                : kr_call_required(self, KR_IDREF(__setattr__), a, 2);
    return kr_none_result(r);
}

static const kr_idref kr_richcmp_ids[6] = {
    KR_IDREF(__lt__), KR_IDREF(__le__), KR_IDREF(__eq__), KR_IDREF(__ne__), KR_IDREF(__gt__), KR_IDREF(__ge__),
};

static PyObject *
slot_tp_richcompare(PyObject *self, PyObject *other, int op)
{
    return kr_call_or_notimpl(self, kr_richcmp_ids[op], &other, 1);
}

static PyObject *
slot_tp_iter(PyObject *self)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(self), KR_ID(__iter__));
    if (func == Py_None) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    if (func != NULL)
        return kr_call_required(self, KR_IDREF(__iter__), NULL, 0);
    if (_PyType_Lookup(Py_TYPE(self), KR_ID(__getitem__)) == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    return PySeqIter_New(self);
}

static PyObject *
slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyObject *get = _PyType_Lookup(Py_TYPE(self), KR_ID(__get__));
    if (get == NULL)
        return Py_NewRef(self);
    PyObject *a[2] = {obj ? obj : Py_None, type ? type : Py_None};
    return kr_call_required(self, KR_IDREF(__get__), a, 2);
}

static int
slot_tp_descr_set(PyObject *self, PyObject *target, PyObject *value)
{
    PyObject *a[2] = {target, value};
    PyObject *r = value == NULL ? kr_call_required(self, KR_IDREF(__delete__), a, 1)
                                : kr_call_required(self, KR_IDREF(__set__), a, 2);
    return kr_none_result(r);
}

int
kr_slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *meth = _PyType_Lookup(Py_TYPE(self), KR_ID(__init__));
    if (meth == NULL) {
        PyErr_SetObject(PyExc_AttributeError, KR_ID(__init__));
        return -1;
    }
    Py_INCREF(meth);
    PyObject *r;
    if (Py_TYPE(meth)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
        r = _PyObject_Call_Prepend(NULL, meth, self, args, kwds);
    }
    else {
        descrgetfunc f = Py_TYPE(meth)->tp_descr_get;
        PyObject *bound = f ? f(meth, self, (PyObject *)Py_TYPE(self)) : Py_NewRef(meth);
        r = bound ? PyObject_Call(bound, args, kwds) : NULL;
        Py_XDECREF(bound);
    }
    Py_DECREF(meth);
    if (r == NULL)
        return -1;
    if (r != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

PyObject *
kr_slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func = PyObject_GetAttr((PyObject *)type, KR_ID(__new__));
    if (func == NULL)
        return NULL;
    PyObject *r = _PyObject_Call_Prepend(NULL, func, (PyObject *)type, args, kwds);
    Py_DECREF(func);
    return r;
}

static void
slot_tp_finalize(PyObject *self)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *del = _PyType_Lookup(Py_TYPE(self), KR_ID(__del__));
    if (del != NULL) {
        Py_INCREF(del);
        int found;
        PyObject *r = kr_call_special(self, KR_ID(__del__), NULL, 0, &found);
        if (r == NULL)
            PyErr_WriteUnraisable(del);
        else
            Py_DECREF(r);
        Py_DECREF(del);
    }
    PyErr_Restore(type, value, tb);
}

/* ---- wrappers: Python call -> C slot ---- */

static int
kr_check_num_args(PyObject *args, Py_ssize_t n)
{
    if (!PyTuple_CheckExact(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == n)
        return 1;
    PyErr_Format(PyExc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s",
                 PyTuple_GET_SIZE(args));
    return 0;
}

static PyObject *
wrap_unaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 0))
        return NULL;
    return ((unaryfunc)wrapped)(self);
}

static PyObject *
wrap_binaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
wrap_binaryfunc_l(PyObject *self, PyObject *args, void *wrapped)
{
    return wrap_binaryfunc(self, args, wrapped);
}

static PyObject *
wrap_binaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(PyTuple_GET_ITEM(args, 0), self);
}

static int
kr_unpack_pow_args(PyObject *args, PyObject **other, PyObject **third)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        PyErr_Format(PyExc_TypeError, "expected %s, got %zd",
                     n < 1 ? "at least 1 argument" : "at most 2 arguments", n);
        return -1;
    }
    *other = PyTuple_GET_ITEM(args, 0);
    *third = n == 2 ? PyTuple_GET_ITEM(args, 1) : Py_None;
    return 0;
}

static PyObject *
wrap_ternaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third;
    if (kr_unpack_pow_args(args, &other, &third) < 0)
        return NULL;
    return ((ternaryfunc)wrapped)(self, other, third);
}

static PyObject *
wrap_ternaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third;
    if (kr_unpack_pow_args(args, &other, &third) < 0)
        return NULL;
    return ((ternaryfunc)wrapped)(other, self, third);
}

static PyObject *
wrap_inquirypred(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 0))
        return NULL;
    int r = ((inquiry)wrapped)(self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
wrap_lenfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 0))
        return NULL;
    Py_ssize_t r = ((lenfunc)wrapped)(self);
    if (r == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(r);
}

static PyObject *
wrap_indexargfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    Py_ssize_t i = PyNumber_AsSsize_t(PyTuple_GET_ITEM(args, 0), PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

/* Index for the sq_* wrappers: negative indices count from the end. */
static Py_ssize_t
kr_getindex(PyObject *self, PyObject *arg)
{
    Py_ssize_t i = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred())
        return -1;
    if (i < 0) {
        PySequenceMethods *sq = Py_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            Py_ssize_t n = sq->sq_length(self);
            if (n < 0)
                return -1;
            i += n;
        }
    }
    return i;
}

static PyObject *
wrap_sq_item(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    Py_ssize_t i = kr_getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred())
        return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static PyObject *
wrap_sq_setitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 2))
        return NULL;
    Py_ssize_t i = kr_getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (((ssizeobjargproc)wrapped)(self, i, PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_sq_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    Py_ssize_t i = kr_getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (((ssizeobjargproc)wrapped)(self, i, NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_objobjproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    int r = ((objobjproc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
wrap_objobjargproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 2))
        return NULL;
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Refuse object.__setattr__(x, ...) when type(x) has a C-level setattr of
 * its own between object and the class (it would bypass that type's
 * invariants). */
static int
kr_hackcheck(PyObject *self, setattrofunc func, const char *what)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mro = type->tp_mro;
    if (mro == NULL)
        return 1;
    PyTypeObject *defining = type;
    for (Py_ssize_t i = PyTuple_GET_SIZE(mro) - 1; i >= 0; i--) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (base->tp_setattro == slot_tp_setattro)
            continue;
        if (base->tp_setattro == type->tp_setattro) {
            defining = base;
            break;
        }
    }
    for (PyTypeObject *base = defining; base != NULL; base = base->tp_base) {
        if (base->tp_setattro == func)
            break;
        if (base->tp_setattro != slot_tp_setattro) {
            PyErr_Format(PyExc_TypeError, "can't apply this %s to %s object", what,
                         type->tp_name);
            return 0;
        }
    }
    return 1;
}

static PyObject *
wrap_setattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 2))
        return NULL;
    if (!kr_hackcheck(self, (setattrofunc)wrapped, "__setattr__"))
        return NULL;
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_delattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    if (!kr_hackcheck(self, (setattrofunc)wrapped, "__delattr__"))
        return NULL;
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_hashfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 0))
        return NULL;
    Py_hash_t h = ((hashfunc)wrapped)(self);
    if (h == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(h);
}

static PyObject *
wrap_call(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    return ((ternaryfunc)wrapped)(self, args, kwds);
}

static PyObject *
wrap_init(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    if (((initproc)wrapped)(self, args, kwds) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
wrap_del(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 0))
        return NULL;
    ((destructor)wrapped)(self);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
kr_wrap_richcmp(PyObject *self, PyObject *args, void *wrapped, int op)
{
    if (!kr_check_num_args(args, 1))
        return NULL;
    return ((richcmpfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), op);
}
static PyObject *richcmp_lt(PyObject *s, PyObject *a, void *w) { return kr_wrap_richcmp(s, a, w, Py_LT); }
static PyObject *richcmp_le(PyObject *s, PyObject *a, void *w) { return kr_wrap_richcmp(s, a, w, Py_LE); }
static PyObject *richcmp_eq(PyObject *s, PyObject *a, void *w) { return kr_wrap_richcmp(s, a, w, Py_EQ); }
static PyObject *richcmp_ne(PyObject *s, PyObject *a, void *w) { return kr_wrap_richcmp(s, a, w, Py_NE); }
static PyObject *richcmp_gt(PyObject *s, PyObject *a, void *w) { return kr_wrap_richcmp(s, a, w, Py_GT); }
static PyObject *richcmp_ge(PyObject *s, PyObject *a, void *w) { return kr_wrap_richcmp(s, a, w, Py_GE); }

static PyObject *
wrap_next(PyObject *self, PyObject *args, void *wrapped)
{
    if (!kr_check_num_args(args, 0))
        return NULL;
    PyObject *r = ((iternextfunc)wrapped)(self);
    if (r == NULL && !PyErr_Occurred())
        PyErr_SetNone(PyExc_StopIteration);
    return r;
}

static PyObject *
wrap_descr_get(PyObject *self, PyObject *args, void *wrapped)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        PyErr_Format(PyExc_TypeError, "expected %s, got %zd",
                     n < 1 ? "at least 1 argument" : "at most 2 arguments", n);
        return NULL;
    }
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    PyObject *type = n == 2 ? PyTuple_GET_ITEM(args, 1) : NULL;
    if (obj == Py_None)
        obj = NULL;
    if (type == Py_None)
        type = NULL;
    if (type == NULL && obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((descrgetfunc)wrapped)(self, obj, type);
}

/* ---- the table ---- */

#define KR_HT(field) ((int)offsetof(PyHeapTypeObject, field))
#define KR_SLOT(NAME, OFF, FUNC, WRAP, SIG, DOC) \
    {{#NAME, OFF, (void *)(FUNC), (wrapperfunc)(WRAP), #NAME SIG "\n--\n\n" DOC, 0, NULL}, \
     KR_IDREF(NAME)}
#define KR_SLOTKW(NAME, OFF, FUNC, WRAP, SIG, DOC) \
    {{#NAME, OFF, (void *)(FUNC), (wrapperfunc)(void (*)(void))(WRAP), \
      #NAME SIG "\n--\n\n" DOC, PyWrapperFlag_KEYWORDS, NULL}, KR_IDREF(NAME)}
#define TP(f) KR_HT(ht_type.f)
#define AM(f) KR_HT(as_async.f)
#define NB(f) KR_HT(as_number.f)
#define MP(f) KR_HT(as_mapping.f)
#define SQ(f) KR_HT(as_sequence.f)
#define BINL(NAME, F, FUNC, OP) \
    KR_SLOT(NAME, NB(F), FUNC, wrap_binaryfunc_l, "($self, value, /)", "Return self" OP "value.")
#define BINR(NAME, F, FUNC, OP) \
    KR_SLOT(NAME, NB(F), FUNC, wrap_binaryfunc_r, "($self, value, /)", "Return value" OP "self.")
#define IBIN(NAME, F, FUNC, OP) \
    KR_SLOT(NAME, NB(F), FUNC, wrap_binaryfunc, "($self, value, /)", "Return self" OP "value.")
#define UN(NAME, F, FUNC, DOC) KR_SLOT(NAME, NB(F), FUNC, wrap_unaryfunc, "($self, /)", DOC)

static const kr_slotdef kr_slotdefs[] = {
    KR_SLOT(__getattribute__, TP(tp_getattro), slot_tp_getattr_hook, wrap_binaryfunc,
            "($self, name, /)", "Return getattr(self, name)."),
    KR_SLOT(__getattr__, TP(tp_getattro), slot_tp_getattr_hook, NULL, "", ""),
    KR_SLOT(__setattr__, TP(tp_setattro), slot_tp_setattro, wrap_setattr,
            "($self, name, value, /)", "Implement setattr(self, name, value)."),
    KR_SLOT(__delattr__, TP(tp_setattro), slot_tp_setattro, wrap_delattr,
            "($self, name, /)", "Implement delattr(self, name)."),
    KR_SLOT(__repr__, TP(tp_repr), slot_tp_repr, wrap_unaryfunc, "($self, /)",
            "Return repr(self)."),
    KR_SLOT(__hash__, TP(tp_hash), slot_tp_hash, wrap_hashfunc, "($self, /)",
            "Return hash(self)."),
    KR_SLOTKW(__call__, TP(tp_call), slot_tp_call, wrap_call, "($self, /, *args, **kwargs)",
              "Call self as a function."),
    KR_SLOT(__str__, TP(tp_str), slot_tp_str, wrap_unaryfunc, "($self, /)",
            "Return str(self)."),
    KR_SLOT(__lt__, TP(tp_richcompare), slot_tp_richcompare, richcmp_lt, "($self, value, /)",
            "Return self<value."),
    KR_SLOT(__le__, TP(tp_richcompare), slot_tp_richcompare, richcmp_le, "($self, value, /)",
            "Return self<=value."),
    KR_SLOT(__eq__, TP(tp_richcompare), slot_tp_richcompare, richcmp_eq, "($self, value, /)",
            "Return self==value."),
    KR_SLOT(__ne__, TP(tp_richcompare), slot_tp_richcompare, richcmp_ne, "($self, value, /)",
            "Return self!=value."),
    KR_SLOT(__gt__, TP(tp_richcompare), slot_tp_richcompare, richcmp_gt, "($self, value, /)",
            "Return self>value."),
    KR_SLOT(__ge__, TP(tp_richcompare), slot_tp_richcompare, richcmp_ge, "($self, value, /)",
            "Return self>=value."),
    KR_SLOT(__iter__, TP(tp_iter), slot_tp_iter, wrap_unaryfunc, "($self, /)",
            "Implement iter(self)."),
    KR_SLOT(__next__, TP(tp_iternext), slot_tp_iternext, wrap_next, "($self, /)",
            "Implement next(self)."),
    KR_SLOT(__get__, TP(tp_descr_get), slot_tp_descr_get, wrap_descr_get,
            "($self, instance, owner=None, /)",
            "Return an attribute of instance, which is of type owner."),
    /* descrsetfunc has objobjargproc's C signature: the same wrappers serve. */
    KR_SLOT(__set__, TP(tp_descr_set), slot_tp_descr_set, wrap_objobjargproc,
            "($self, instance, value, /)", "Set an attribute of instance to value."),
    KR_SLOT(__delete__, TP(tp_descr_set), slot_tp_descr_set, wrap_delitem,
            "($self, instance, /)", "Delete an attribute of instance."),
    KR_SLOTKW(__init__, TP(tp_init), kr_slot_tp_init, wrap_init, "($self, /, *args, **kwargs)",
              "Initialize self.  See help(type(self)) for accurate signature."),
    KR_SLOT(__del__, TP(tp_finalize), slot_tp_finalize, wrap_del, "($self, /)",
            "Called when the instance is about to be destroyed."),
    KR_SLOT(__await__, AM(am_await), slot_am_await, wrap_unaryfunc, "($self, /)",
            "Return an iterator to be used in await expression."),
    KR_SLOT(__aiter__, AM(am_aiter), slot_am_aiter, wrap_unaryfunc, "($self, /)",
            "Return an awaitable, that resolves in asynchronous iterator."),
    KR_SLOT(__anext__, AM(am_anext), slot_am_anext, wrap_unaryfunc, "($self, /)",
            "Return a value or raise StopAsyncIteration."),

    BINL(__add__, nb_add, slot_nb_add, "+"),
    BINR(__radd__, nb_add, slot_nb_add, "+"),
    BINL(__sub__, nb_subtract, slot_nb_subtract, "-"),
    BINR(__rsub__, nb_subtract, slot_nb_subtract, "-"),
    BINL(__mul__, nb_multiply, slot_nb_multiply, "*"),
    BINR(__rmul__, nb_multiply, slot_nb_multiply, "*"),
    BINL(__mod__, nb_remainder, slot_nb_remainder, "%"),
    BINR(__rmod__, nb_remainder, slot_nb_remainder, "%"),
    KR_SLOT(__divmod__, NB(nb_divmod), slot_nb_divmod, wrap_binaryfunc_l, "($self, value, /)",
            "Return divmod(self, value)."),
    KR_SLOT(__rdivmod__, NB(nb_divmod), slot_nb_divmod, wrap_binaryfunc_r, "($self, value, /)",
            "Return divmod(value, self)."),
    KR_SLOT(__pow__, NB(nb_power), slot_nb_power, wrap_ternaryfunc,
            "($self, value, mod=None, /)", "Return pow(self, value, mod)."),
    KR_SLOT(__rpow__, NB(nb_power), slot_nb_power, wrap_ternaryfunc_r,
            "($self, value, mod=None, /)", "Return pow(value, self, mod)."),
    UN(__neg__, nb_negative, slot_nb_negative, "-self"),
    UN(__pos__, nb_positive, slot_nb_positive, "+self"),
    UN(__abs__, nb_absolute, slot_nb_absolute, "abs(self)"),
    KR_SLOT(__bool__, NB(nb_bool), slot_nb_bool, wrap_inquirypred, "($self, /)",
            "True if self else False"),
    UN(__invert__, nb_invert, slot_nb_invert, "~self"),
    BINL(__lshift__, nb_lshift, slot_nb_lshift, "<<"),
    BINR(__rlshift__, nb_lshift, slot_nb_lshift, "<<"),
    BINL(__rshift__, nb_rshift, slot_nb_rshift, ">>"),
    BINR(__rrshift__, nb_rshift, slot_nb_rshift, ">>"),
    BINL(__and__, nb_and, slot_nb_and, "&"),
    BINR(__rand__, nb_and, slot_nb_and, "&"),
    BINL(__xor__, nb_xor, slot_nb_xor, "^"),
    BINR(__rxor__, nb_xor, slot_nb_xor, "^"),
    BINL(__or__, nb_or, slot_nb_or, "|"),
    BINR(__ror__, nb_or, slot_nb_or, "|"),
    UN(__int__, nb_int, slot_nb_int, "int(self)"),
    UN(__float__, nb_float, slot_nb_float, "float(self)"),
    IBIN(__iadd__, nb_inplace_add, slot_nb_inplace_add, "+="),
    IBIN(__isub__, nb_inplace_subtract, slot_nb_inplace_subtract, "-="),
    IBIN(__imul__, nb_inplace_multiply, slot_nb_inplace_multiply, "*="),
    IBIN(__imod__, nb_inplace_remainder, slot_nb_inplace_remainder, "%="),
    KR_SLOT(__ipow__, NB(nb_inplace_power), slot_nb_inplace_power, wrap_ternaryfunc,
            "($self, value, /)", "Implement self**=value."),
    IBIN(__ilshift__, nb_inplace_lshift, slot_nb_inplace_lshift, "<<="),
    IBIN(__irshift__, nb_inplace_rshift, slot_nb_inplace_rshift, ">>="),
    IBIN(__iand__, nb_inplace_and, slot_nb_inplace_and, "&="),
    IBIN(__ixor__, nb_inplace_xor, slot_nb_inplace_xor, "^="),
    IBIN(__ior__, nb_inplace_or, slot_nb_inplace_or, "|="),
    BINL(__floordiv__, nb_floor_divide, slot_nb_floor_divide, "//"),
    BINR(__rfloordiv__, nb_floor_divide, slot_nb_floor_divide, "//"),
    BINL(__truediv__, nb_true_divide, slot_nb_true_divide, "/"),
    BINR(__rtruediv__, nb_true_divide, slot_nb_true_divide, "/"),
    IBIN(__ifloordiv__, nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "//="),
    IBIN(__itruediv__, nb_inplace_true_divide, slot_nb_inplace_true_divide, "/="),
    KR_SLOT(__index__, NB(nb_index), slot_nb_index, wrap_unaryfunc, "($self, /)",
            "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BINL(__matmul__, nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    BINR(__rmatmul__, nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBIN(__imatmul__, nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "@="),

    KR_SLOT(__len__, MP(mp_length), slot_sq_length, wrap_lenfunc, "($self, /)",
            "Return len(self)."),
    KR_SLOT(__getitem__, MP(mp_subscript), slot_mp_subscript, wrap_binaryfunc,
            "($self, key, /)", "Return self[key]."),
    KR_SLOT(__setitem__, MP(mp_ass_subscript), slot_mp_ass_subscript, wrap_objobjargproc,
            "($self, key, value, /)", "Set self[key] to value."),
    KR_SLOT(__delitem__, MP(mp_ass_subscript), slot_mp_ass_subscript, wrap_delitem,
            "($self, key, /)", "Delete self[key]."),

    KR_SLOT(__len__, SQ(sq_length), slot_sq_length, wrap_lenfunc, "($self, /)",
            "Return len(self)."),
    /* Classes get + and * through nb_add/nb_multiply, never sq_concat. */
    KR_SLOT(__add__, SQ(sq_concat), NULL, wrap_binaryfunc, "($self, value, /)",
            "Return self+value."),
    KR_SLOT(__mul__, SQ(sq_repeat), NULL, wrap_indexargfunc, "($self, value, /)",
            "Return self*value."),
    KR_SLOT(__rmul__, SQ(sq_repeat), NULL, wrap_indexargfunc, "($self, value, /)",
            "Return value*self."),
    KR_SLOT(__getitem__, SQ(sq_item), slot_sq_item, wrap_sq_item, "($self, key, /)",
            "Return self[key]."),
    KR_SLOT(__setitem__, SQ(sq_ass_item), slot_sq_ass_item, wrap_sq_setitem,
            "($self, key, value, /)", "Set self[key] to value."),
    KR_SLOT(__delitem__, SQ(sq_ass_item), slot_sq_ass_item, wrap_sq_delitem,
            "($self, key, /)", "Delete self[key]."),
    KR_SLOT(__contains__, SQ(sq_contains), slot_sq_contains, wrap_objobjproc,
            "($self, key, /)", "Return key in self."),
    KR_SLOT(__iadd__, SQ(sq_inplace_concat), NULL, wrap_binaryfunc, "($self, value, /)",
            "Implement self+=value."),
    KR_SLOT(__imul__, SQ(sq_inplace_repeat), NULL, wrap_indexargfunc, "($self, value, /)",
            "Implement self*=value."),
};
#define KR_NSLOTDEFS ((int)(sizeof(kr_slotdefs) / sizeof(kr_slotdefs[0])))

void **
kr_type_slotptr(PyTypeObject *type, int offset)
{
    char *ptr;
    if (offset >= KR_HT(as_buffer)) {
        ptr = (char *)type->tp_as_buffer;
        offset -= KR_HT(as_buffer);
    }
    else if (offset >= KR_HT(as_sequence)) {
        ptr = (char *)type->tp_as_sequence;
        offset -= KR_HT(as_sequence);
    }
    else if (offset >= KR_HT(as_mapping)) {
        ptr = (char *)type->tp_as_mapping;
        offset -= KR_HT(as_mapping);
    }
    else if (offset >= KR_HT(as_number)) {
        ptr = (char *)type->tp_as_number;
        offset -= KR_HT(as_number);
    }
    else if (offset >= KR_HT(as_async)) {
        ptr = (char *)type->tp_as_async;
        offset -= KR_HT(as_async);
    }
    else {
        ptr = (char *)type;
    }
    if (ptr == NULL)
        return NULL;
    return (void **)(ptr + offset);
}

/* ---- C -> Python: wrappers for static types ---- */

static PyObject *kr_tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds);

static PyMethodDef kr_tp_new_methoddef[] = {
    {"__new__", _PyCFunction_CAST(kr_tp_new_wrapper), METH_VARARGS | METH_KEYWORDS,
     "__new__($type, *args, **kwargs)\n--\n\n"
     "Create and return a new object.  See help(type) for accurate signature."},
    {NULL, NULL, 0, NULL}
};

/* T.__new__(S, ...): S must be a subtype of T, and T.__new__ must be the
 * most derived C-level __new__ of S (else S's invariants are skipped). */
static PyObject *
kr_tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) < 1) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
        return NULL;
    }
    PyObject *arg0 = PyTuple_GET_ITEM(args, 0);
    if (!PyType_Check(arg0)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                     type->tp_name, Py_TYPE(arg0)->tp_name);
        return NULL;
    }
    PyTypeObject *subtype = (PyTypeObject *)arg0;
    if (!PyType_IsSubtype(subtype, type)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                     type->tp_name, subtype->tp_name, subtype->tp_name, type->tp_name);
        return NULL;
    }
    PyTypeObject *staticbase = subtype;
    while (staticbase && (staticbase->tp_new == kr_slot_tp_new))
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                     type->tp_name, subtype->tp_name, staticbase->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL)
        return NULL;
    PyObject *res = type->tp_new(subtype, rest, kwds);
    Py_DECREF(rest);
    return res;
}

int
kr_type_add_operators(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    for (int i = 0; i < KR_NSLOTDEFS; i++) {
        const kr_slotdef *p = &kr_slotdefs[i];
        if (p->base.wrapper == NULL)
            continue;
        void **ptr = kr_type_slotptr(type, p->base.offset);
        if (ptr == NULL || *ptr == NULL)
            continue;
        PyObject *name = kr_id(p->id);
        int r = PyDict_Contains(dict, name);
        if (r < 0)
            return -1;
        if (r)
            continue;
        if (*ptr == (void *)PyObject_HashNotImplemented) {
            if (PyDict_SetItem(dict, name, Py_None) < 0)
                return -1;
        }
        else {
            PyObject *descr = kr_descr_new_wrapper(type, &p->base, *ptr);
            if (descr == NULL)
                return -1;
            r = PyDict_SetItem(dict, name, descr);
            Py_DECREF(descr);
            if (r < 0)
                return -1;
        }
    }
    return 0;
}

int
kr_type_add_tp_new_wrapper(PyTypeObject *type)
{
    PyObject *name = KR_ID(__new__);
    int r = PyDict_Contains(type->tp_dict, name);
    if (r != 0)
        return r < 0 ? -1 : 0;
    PyObject *func = PyCFunction_NewEx(kr_tp_new_methoddef, (PyObject *)type, NULL);
    if (func == NULL)
        return -1;
    r = PyDict_SetItem(type->tp_dict, name, func);
    Py_DECREF(func);
    return r;
}

/* ---- Python -> C: choosing a class's slots ---- */

/* Recompute the slot of the run of table entries starting at index `first`
 * (all with the same offset); returns the index after the run. */
static int
kr_update_one_slot(PyTypeObject *type, int first)
{
    const kr_slotdef *p = &kr_slotdefs[first];
    int offset = p->base.offset;
    void **ptr = kr_type_slotptr(type, offset);
    int i = first;
    if (ptr == NULL) {
        while (i < KR_NSLOTDEFS && kr_slotdefs[i].base.offset == offset)
            i++;
        return i;
    }
    void *generic = NULL, *specific = NULL;
    int use_generic = 0;
    for (; i < KR_NSLOTDEFS && kr_slotdefs[i].base.offset == offset; i++) {
        p = &kr_slotdefs[i];
        PyObject *descr = _PyType_Lookup(type, kr_id(p->id));
        if (descr == NULL) {
            if (ptr == (void **)&type->tp_iternext)
                specific = (void *)_PyObject_NextNotImplemented;
            continue;
        }
        if (Py_IS_TYPE(descr, &PyWrapperDescr_Type) &&
            strcmp(((PyWrapperDescrObject *)descr)->d_base->name, p->base.name) == 0) {
            PyWrapperDescrObject *d = (PyWrapperDescrObject *)descr;
            void **tptr = kr_type_slotptr(type, d->d_base->offset);
            if (tptr == NULL || tptr == ptr)
                generic = p->base.function;
            if (d->d_base->wrapper == p->base.wrapper &&
                PyType_IsSubtype(type, PyDescr_TYPE(d))) {
                if (specific == NULL || specific == d->d_wrapped)
                    specific = d->d_wrapped;
                else
                    use_generic = 1;
            }
            else {
                use_generic = 1;
            }
        }
        else if (Py_IS_TYPE(descr, &PyCFunction_Type) &&
                 PyCFunction_GET_FUNCTION(descr) == (PyCFunction)(void (*)(void))kr_tp_new_wrapper &&
                 ptr == (void **)&type->tp_new) {
            /* T.__new__ resolved to a base's C __new__: keep the inherited
             * tp_new (set by inherit_special). */
            specific = (void *)type->tp_new;
        }
        else if (descr == Py_None && ptr == (void **)&type->tp_hash) {
            specific = (void *)PyObject_HashNotImplemented;
        }
        else {
            use_generic = 1;
            generic = p->base.function;
        }
    }
    if (specific && !use_generic)
        *ptr = specific;
    else
        *ptr = generic;
    return i;
}

void
kr_type_fixup_slots(PyTypeObject *type)
{
    for (int i = 0; i < KR_NSLOTDEFS;)
        i = kr_update_one_slot(type, i);
}

/* Dunder `name` changed on `type`: recompute its slots there and in every
 * subclass (their MRO walk sees the change). */
static int
kr_update_slot_rec(PyTypeObject *type, PyObject *name, int depth)
{
    for (int i = 0; i < KR_NSLOTDEFS; i++) {
        if (PyUnicode_CompareWithASCIIString(name, kr_slotdefs[i].base.name) != 0)
            continue;
        /* Redo the whole run this entry belongs to. */
        int first = i;
        while (first > 0 && kr_slotdefs[first - 1].base.offset == kr_slotdefs[i].base.offset)
            first--;
        kr_update_one_slot(type, first);
    }
    PyObject *subs = kr_type_subclasses_dict(type, 0);
    if (subs == NULL || depth > 1000)
        return 0;
    Py_INCREF(subs);
    Py_ssize_t pos = 0;
    PyObject *key, *ref;
    while (PyDict_Next(subs, &pos, &key, &ref)) {
        PyObject *sub = PyWeakref_GetObject(ref);
        if (sub != NULL && sub != Py_None)
            kr_update_slot_rec((PyTypeObject *)sub, name, depth + 1);
    }
    Py_DECREF(subs);
    return 0;
}

int
kr_type_update_slot(PyTypeObject *type, PyObject *name)
{
    if (name == KR_ID(__new__)) {
        /* tp_new follows the dict: a Python __new__ means slot_tp_new. */
        PyObject *n = _PyType_Lookup(type, name);
        if (n != NULL && !(Py_IS_TYPE(n, &PyCFunction_Type) &&
                           PyCFunction_GET_FUNCTION(n) ==
                               (PyCFunction)(void (*)(void))kr_tp_new_wrapper))
            type->tp_new = kr_slot_tp_new;
        return 0;
    }
    return kr_update_slot_rec(type, name, 0);
}

/* Could `name` be a slot dunder?  A cheap test before kr_type_update_slot. */
int
kr_is_slot_name(PyObject *name)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    if (n < 5 || PyUnicode_READ_CHAR(name, 0) != '_' || PyUnicode_READ_CHAR(name, 1) != '_' ||
        PyUnicode_READ_CHAR(name, n - 1) != '_' || PyUnicode_READ_CHAR(name, n - 2) != '_')
        return 0;
    return 1;
}
