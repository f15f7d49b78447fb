/* weakrefobject.c: weak references (weakref.ref, proxies) and
 * PyObject_ClearWeakRefs.
 *
 * The weak references to an object form a doubly linked list whose head
 * lives in the object at tp_weaklistoffset.  References without a
 * callback are shared: the list starts with at most one plain ref and one
 * plain proxy, which ref(o) and proxy(o) hand out again.  When the
 * referent dies, every reference is cleared first (wr_object = None) and
 * then the callbacks run, each with its reference as argument; errors in
 * callbacks are reported as unraisable. */
#include "internal.h"
#include "runtime/runtime.h"
#include "structmember.h"
#include "objects/str_ids.h"

#define GET_LIST(o) ((PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(o))

static int supports_weakrefs(PyObject *ob)
{
    return PyType_SUPPORTS_WEAKREFS(Py_TYPE(ob));
}

Py_ssize_t _PyWeakref_GetWeakrefCount(PyWeakReference *head)
{
    Py_ssize_t n = 0;
    for (; head != NULL; head = head->wr_next)
        n++;
    return n;
}

static void unlink_ref(PyWeakReference *self)
{
    PyObject *ob = self->wr_object;
    if (ob == NULL || ob == Py_None)
        return;
    PyWeakReference **list = GET_LIST(ob);
    if (*list == self)
        *list = self->wr_next;
    if (self->wr_prev)
        self->wr_prev->wr_next = self->wr_next;
    if (self->wr_next)
        self->wr_next->wr_prev = self->wr_prev;
    self->wr_prev = self->wr_next = NULL;
    self->wr_object = Py_None;
}

void _PyWeakref_ClearRef(PyWeakReference *self)
{
    unlink_ref(self);
}

static void get_basic_refs(PyWeakReference *head, PyWeakReference **ref, PyWeakReference **proxy)
{
    *ref = *proxy = NULL;
    if (head != NULL && head->wr_callback == NULL && Py_IS_TYPE(head, &_PyWeakref_RefType)) {
        *ref = head;
        head = head->wr_next;
    }
    if (head != NULL && head->wr_callback == NULL &&
        (Py_IS_TYPE(head, &_PyWeakref_ProxyType) || Py_IS_TYPE(head, &_PyWeakref_CallableProxyType)))
        *proxy = head;
}

static void insert_after(PyWeakReference *nw, PyWeakReference *prev)
{
    nw->wr_prev = prev;
    nw->wr_next = prev->wr_next;
    if (prev->wr_next)
        prev->wr_next->wr_prev = nw;
    prev->wr_next = nw;
}

static void insert_head(PyWeakReference *nw, PyWeakReference **list)
{
    PyWeakReference *next = *list;
    nw->wr_prev = NULL;
    nw->wr_next = next;
    if (next)
        next->wr_prev = nw;
    *list = nw;
}

static PyObject *ref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames);

static PyWeakReference *new_ref(PyTypeObject *type, PyObject *ob, PyObject *callback)
{
    PyWeakReference *r = (PyWeakReference *)type->tp_alloc(type, 0);
    if (r == NULL)
        return NULL;
    r->wr_object = ob;
    r->wr_prev = r->wr_next = NULL;
    r->wr_callback = Py_XNewRef(callback);
    r->hash = -1;
    r->vectorcall = PyType_IsSubtype(type, &_PyWeakref_RefType) ? ref_vectorcall : NULL;
    return r;
}

static int cannot_ref(PyObject *ob)
{
    PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object", Py_TYPE(ob)->tp_name);
    return -1;
}

/* Link a fresh reference into ob's list, plain ones first. */
static void link_ref(PyWeakReference *r, PyObject *ob, int basic_ref, int basic_proxy)
{
    PyWeakReference **list = GET_LIST(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (basic_ref) {
        insert_head(r, list);
    }
    else if (basic_proxy) {
        if (ref != NULL)
            insert_after(r, ref);
        else
            insert_head(r, list);
    }
    else {
        PyWeakReference *prev = proxy ? proxy : ref;
        if (prev != NULL)
            insert_after(r, prev);
        else
            insert_head(r, list);
    }
    if (PyObject_IS_GC((PyObject *)r) && !PyObject_GC_IsTracked((PyObject *)r))
        PyObject_GC_Track(r);
}

static PyObject *weakref___new__(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *ob, *callback = NULL;
    if (!PyArg_UnpackTuple(args, "__new__", 1, 2, &ob, &callback))
        return NULL;
    if (!supports_weakrefs(ob)) {
        cannot_ref(ob);
        return NULL;
    }
    if (callback == Py_None)
        callback = NULL;
    PyWeakReference **list = GET_LIST(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && type == &_PyWeakref_RefType && ref != NULL)
        return Py_NewRef((PyObject *)ref);
    PyWeakReference *r = new_ref(type, ob, callback);
    if (r == NULL)
        return NULL;
    link_ref(r, ob, callback == NULL && type == &_PyWeakref_RefType, 0);
    return (PyObject *)r;
}

static int weakref___init__(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *tmp;
    if (!PyArg_UnpackTuple(args, "__init__", 1, 2, &tmp, &tmp))
        return -1;
    return 0;
}

PyObject *PyWeakref_NewRef(PyObject *ob, PyObject *callback)
{
    if (!supports_weakrefs(ob)) {
        cannot_ref(ob);
        return NULL;
    }
    if (callback == Py_None)
        callback = NULL;
    PyWeakReference **list = GET_LIST(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && ref != NULL)
        return Py_NewRef((PyObject *)ref);
    PyWeakReference *r = new_ref(&_PyWeakref_RefType, ob, callback);
    if (r == NULL)
        return NULL;
    link_ref(r, ob, callback == NULL, 0);
    return (PyObject *)r;
}

PyObject *PyWeakref_NewProxy(PyObject *ob, PyObject *callback)
{
    if (!supports_weakrefs(ob)) {
        cannot_ref(ob);
        return NULL;
    }
    if (callback == Py_None)
        callback = NULL;
    PyWeakReference **list = GET_LIST(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && proxy != NULL)
        return Py_NewRef((PyObject *)proxy);
    PyTypeObject *type = PyCallable_Check(ob) ? &_PyWeakref_CallableProxyType : &_PyWeakref_ProxyType;
    PyWeakReference *r = new_ref(type, ob, callback);
    if (r == NULL)
        return NULL;
    link_ref(r, ob, 0, callback == NULL);
    return (PyObject *)r;
}

PyObject *PyWeakref_GetObject(PyObject *ref)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyWeakref_GET_OBJECT(ref);
}

/* ---- ref ---- */

static int weakref_clear(PyWeakReference *self)
{
    unlink_ref(self);
    Py_CLEAR(self->wr_callback);
    return 0;
}

static void weakref_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    weakref_clear((PyWeakReference *)self);
    /* A subclass's type reference is released by subtype_dealloc. */
    Py_TYPE(self)->tp_free(self);
}

static int weakref_traverse(PyWeakReference *self, visitproc visit, void *arg)
{
    Py_VISIT(self->wr_callback);
    return 0;
}

static PyObject *ref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_Format(PyExc_TypeError, "weakref() takes exactly 0 arguments (%zd given)", nargs);
        return NULL;
    }
    return Py_NewRef(PyWeakref_GET_OBJECT(self));
}

static PyObject *weakref_call(PyObject *self, PyObject *args, PyObject *kw)
{
    if (!PyArg_UnpackTuple(args, "weakref", 0, 0) || (kw && PyDict_GET_SIZE(kw))) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    return Py_NewRef(PyWeakref_GET_OBJECT(self));
}

static Py_hash_t weakref_hash(PyWeakReference *self)
{
    if (self->hash != -1)
        return self->hash;
    PyObject *obj = PyWeakref_GET_OBJECT(self);
    if (obj == Py_None) {
        PyErr_SetString(PyExc_TypeError, "weak object has gone away");
        return -1;
    }
    Py_INCREF(obj);
    self->hash = PyObject_Hash(obj);
    Py_DECREF(obj);
    return self->hash;
}

static PyObject *weakref_repr(PyWeakReference *self)
{
    PyObject *obj = PyWeakref_GET_OBJECT(self);
    if (obj == Py_None)
        return PyUnicode_FromFormat("<weakref at %p; dead>", self);
    Py_INCREF(obj);
    PyObject *name, *r;
    if (_PyObject_LookupAttr(obj, KR_ID(__name__), &name) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    if (name == NULL || !PyUnicode_Check(name))
        r = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p>", self, Py_TYPE(obj)->tp_name, obj);
    else
        r = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p (%U)>", self, Py_TYPE(obj)->tp_name,
                                 obj, name);
    Py_XDECREF(name);
    Py_DECREF(obj);
    return r;
}

static PyObject *weakref_richcompare(PyWeakReference *self, PyWeakReference *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyWeakref_CheckRef(self) || !PyWeakref_CheckRef(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *a = PyWeakref_GET_OBJECT(self), *b = PyWeakref_GET_OBJECT(other);
    if (a == Py_None || b == Py_None) {
        int eq = self == other;
        return Py_NewRef((eq ^ (op == Py_NE)) ? Py_True : Py_False);
    }
    Py_INCREF(a);
    Py_INCREF(b);
    PyObject *r = PyObject_RichCompare(a, b, op);
    Py_DECREF(a);
    Py_DECREF(b);
    return r;
}

static PyMemberDef weakref_members[] = {
    {"__callback__", T_OBJECT, offsetof(PyWeakReference, wr_callback), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject _PyWeakref_RefType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_vectorcall_offset = offsetof(PyWeakReference, vectorcall),
    .tp_repr = (reprfunc)weakref_repr,
    .tp_hash = (hashfunc)weakref_hash,
    .tp_call = weakref_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_BASETYPE,
    .tp_traverse = (traverseproc)weakref_traverse,
    .tp_clear = (inquiry)weakref_clear,
    .tp_richcompare = (richcmpfunc)weakref_richcompare,
    .tp_members = weakref_members,
    .tp_init = weakref___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = weakref___new__,
    .tp_free = PyObject_GC_Del,
};

/* ---- proxies: every operation goes to the referent ---- */

static PyObject *proxy_referent(PyObject *proxy)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    if (o == Py_None) {
        PyErr_SetString(PyExc_ReferenceError, "weakly-referenced object no longer exists");
        return NULL;
    }
    return Py_NewRef(o);
}

/* An operand that is a proxy stands for its referent (new reference). */
static PyObject *unwrap(PyObject *o)
{
    if (PyWeakref_CheckProxy(o))
        return proxy_referent(o);
    return Py_NewRef(o);
}

#define PROXY_UNARY(NAME, CALL) \
    static PyObject *NAME(PyObject *p) { \
        PyObject *o = proxy_referent(p); \
        if (o == NULL) return NULL; \
        PyObject *r = CALL(o); \
        Py_DECREF(o); \
        return r; \
    }

#define PROXY_BINARY(NAME, CALL) \
    static PyObject *NAME(PyObject *a, PyObject *b) { \
        PyObject *x = unwrap(a); \
        if (x == NULL) return NULL; \
        PyObject *y = unwrap(b); \
        if (y == NULL) { Py_DECREF(x); return NULL; } \
        PyObject *r = CALL(x, y); \
        Py_DECREF(x); Py_DECREF(y); \
        return r; \
    }

/* In-place operators rebind nothing: the proxy stays, the result is the
 * referent's operation result (as CPython's proxy does). */
PROXY_UNARY(proxy_str, PyObject_Str)
PROXY_UNARY(proxy_neg, PyNumber_Negative)
PROXY_UNARY(proxy_pos, PyNumber_Positive)
PROXY_UNARY(proxy_abs, PyNumber_Absolute)
PROXY_UNARY(proxy_invert, PyNumber_Invert)
PROXY_UNARY(proxy_int, PyNumber_Long)
PROXY_UNARY(proxy_float, PyNumber_Float)
PROXY_UNARY(proxy_index, PyNumber_Index)
PROXY_UNARY(proxy_iter, PyObject_GetIter)
PROXY_BINARY(proxy_add, PyNumber_Add)
PROXY_BINARY(proxy_sub, PyNumber_Subtract)
PROXY_BINARY(proxy_mul, PyNumber_Multiply)
PROXY_BINARY(proxy_mod, PyNumber_Remainder)
PROXY_BINARY(proxy_divmod, PyNumber_Divmod)
PROXY_BINARY(proxy_lshift, PyNumber_Lshift)
PROXY_BINARY(proxy_rshift, PyNumber_Rshift)
PROXY_BINARY(proxy_and, PyNumber_And)
PROXY_BINARY(proxy_xor, PyNumber_Xor)
PROXY_BINARY(proxy_or, PyNumber_Or)
PROXY_BINARY(proxy_floordiv, PyNumber_FloorDivide)
PROXY_BINARY(proxy_truediv, PyNumber_TrueDivide)
PROXY_BINARY(proxy_matmul, PyNumber_MatrixMultiply)
PROXY_BINARY(proxy_iadd, PyNumber_InPlaceAdd)
PROXY_BINARY(proxy_isub, PyNumber_InPlaceSubtract)
PROXY_BINARY(proxy_imul, PyNumber_InPlaceMultiply)
PROXY_BINARY(proxy_imod, PyNumber_InPlaceRemainder)
PROXY_BINARY(proxy_ilshift, PyNumber_InPlaceLshift)
PROXY_BINARY(proxy_irshift, PyNumber_InPlaceRshift)
PROXY_BINARY(proxy_iand, PyNumber_InPlaceAnd)
PROXY_BINARY(proxy_ixor, PyNumber_InPlaceXor)
PROXY_BINARY(proxy_ior, PyNumber_InPlaceOr)
PROXY_BINARY(proxy_ifloordiv, PyNumber_InPlaceFloorDivide)
PROXY_BINARY(proxy_itruediv, PyNumber_InPlaceTrueDivide)
PROXY_BINARY(proxy_imatmul, PyNumber_InPlaceMatrixMultiply)
PROXY_BINARY(proxy_getitem, PyObject_GetItem)
PROXY_BINARY(proxy_getattr, PyObject_GetAttr)

static PyObject *proxy_pow(PyObject *a, PyObject *b, PyObject *c)
{
    PyObject *x = unwrap(a), *y = x ? unwrap(b) : NULL, *z = y ? unwrap(c) : NULL;
    PyObject *r = z ? PyNumber_Power(x, y, z) : NULL;
    Py_XDECREF(x); Py_XDECREF(y); Py_XDECREF(z);
    return r;
}

static PyObject *proxy_ipow(PyObject *a, PyObject *b, PyObject *c)
{
    PyObject *x = unwrap(a), *y = x ? unwrap(b) : NULL, *z = y ? unwrap(c) : NULL;
    PyObject *r = z ? PyNumber_InPlacePower(x, y, z) : NULL;
    Py_XDECREF(x); Py_XDECREF(y); Py_XDECREF(z);
    return r;
}

static int proxy_bool(PyObject *p)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return -1;
    int r = PyObject_IsTrue(o);
    Py_DECREF(o);
    return r;
}

static Py_ssize_t proxy_length(PyObject *p)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return -1;
    Py_ssize_t r = PyObject_Length(o);
    Py_DECREF(o);
    return r;
}

static int proxy_contains(PyObject *p, PyObject *v)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return -1;
    int r = PySequence_Contains(o, v);
    Py_DECREF(o);
    return r;
}

static int proxy_setitem(PyObject *p, PyObject *k, PyObject *v)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return -1;
    int r = v == NULL ? PyObject_DelItem(o, k) : PyObject_SetItem(o, k, v);
    Py_DECREF(o);
    return r;
}

static int proxy_setattr(PyObject *p, PyObject *name, PyObject *v)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return -1;
    int r = PyObject_SetAttr(o, name, v);
    Py_DECREF(o);
    return r;
}

static PyObject *proxy_richcompare(PyObject *a, PyObject *b, int op)
{
    PyObject *x = unwrap(a);
    if (x == NULL)
        return NULL;
    PyObject *y = unwrap(b);
    if (y == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    PyObject *r = PyObject_RichCompare(x, y, op);
    Py_DECREF(x);
    Py_DECREF(y);
    return r;
}

static PyObject *proxy_iternext(PyObject *p)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return NULL;
    if (!PyIter_Check(o)) {
        PyErr_Format(PyExc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                     Py_TYPE(o)->tp_name);
        Py_DECREF(o);
        return NULL;
    }
    PyObject *r = PyIter_Next(o);
    Py_DECREF(o);
    return r;
}

static PyObject *proxy_call(PyObject *p, PyObject *args, PyObject *kw)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return NULL;
    PyObject *r = PyObject_Call(o, args, kw);
    Py_DECREF(o);
    return r;
}

static PyObject *proxy_repr(PyWeakReference *p)
{
    PyObject *o = PyWeakref_GET_OBJECT(p);
    return PyUnicode_FromFormat("<weakproxy at %p; to '%s' at %p>", p,
                                o == Py_None ? "NoneType" : Py_TYPE(o)->tp_name, o);
}

static PyObject *proxy_bytes(PyObject *p, PyObject *unused)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(o, "__bytes__", NULL);
    Py_DECREF(o);
    return r;
}

static PyObject *proxy_reversed(PyObject *p, PyObject *unused)
{
    PyObject *o = proxy_referent(p);
    if (o == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(o, "__reversed__", NULL);
    Py_DECREF(o);
    return r;
}

static PyMethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods proxy_as_number = {
    .nb_add = proxy_add, .nb_subtract = proxy_sub, .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod, .nb_divmod = proxy_divmod, .nb_power = proxy_pow,
    .nb_negative = proxy_neg, .nb_positive = proxy_pos, .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool, .nb_invert = proxy_invert, .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift, .nb_and = proxy_and, .nb_xor = proxy_xor, .nb_or = proxy_or,
    .nb_int = proxy_int, .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd, .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul, .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow, .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift, .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor, .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floordiv, .nb_true_divide = proxy_truediv,
    .nb_inplace_floor_divide = proxy_ifloordiv, .nb_inplace_true_divide = proxy_itruediv,
    .nb_index = proxy_index, .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static PySequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static PyMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

#define KR_PROXY_TYPE(VAR, NAME, CALL) \
    PyTypeObject VAR = { \
        PyVarObject_HEAD_INIT(&PyType_Type, 0) \
        .tp_name = NAME, \
        .tp_basicsize = sizeof(PyWeakReference), \
        .tp_dealloc = weakref_dealloc, \
        .tp_repr = (reprfunc)proxy_repr, \
        .tp_as_number = &proxy_as_number, \
        .tp_as_sequence = &proxy_as_sequence, \
        .tp_as_mapping = &proxy_as_mapping, \
        .tp_hash = PyObject_HashNotImplemented, \
        .tp_call = CALL, \
        .tp_str = proxy_str, \
        .tp_getattro = proxy_getattr, \
        .tp_setattro = proxy_setattr, \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, \
        .tp_traverse = (traverseproc)weakref_traverse, \
        .tp_clear = (inquiry)weakref_clear, \
        .tp_richcompare = proxy_richcompare, \
        .tp_iter = proxy_iter, \
        .tp_iternext = proxy_iternext, \
        .tp_methods = proxy_methods, \
        .tp_alloc = PyType_GenericAlloc, \
        .tp_free = PyObject_GC_Del, \
    };

KR_PROXY_TYPE(_PyWeakref_ProxyType, "weakref.ProxyType", NULL)
KR_PROXY_TYPE(_PyWeakref_CallableProxyType, "weakref.CallableProxyType", proxy_call)

/* ---- the referent dies ---- */

void PyObject_ClearWeakRefs(PyObject *ob)
{
    if (ob == NULL || !supports_weakrefs(ob) || Py_TYPE(ob)->tp_weaklistoffset <= 0)
        return;
    PyWeakReference **list = GET_LIST(ob);
    if (*list == NULL)
        return;
    /* Plain references first: nothing to call. */
    while (*list != NULL && (*list)->wr_callback == NULL)
        unlink_ref(*list);
    if (*list == NULL)
        return;
    PyObject *saved = PyErr_GetRaisedException();
    Py_ssize_t n = _PyWeakref_GetWeakrefCount(*list);
    /* (ref, callback) pairs, collected before any callback runs. */
    PyObject *pairs = PyTuple_New(n * 2);
    if (pairs == NULL) {
        while (*list != NULL)
            weakref_clear(*list);
        PyErr_WriteUnraisable(NULL);
        PyErr_SetRaisedException(saved);
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyWeakReference *r = *list;
        PyObject *cb = r->wr_callback;
        r->wr_callback = NULL;
        unlink_ref(r);
        /* A reference that is itself dying (refcount 0) gets no call. */
        PyTuple_SET_ITEM(pairs, 2 * i, Py_NewRef(Py_REFCNT(r) > 0 ? (PyObject *)r : Py_None));
        PyTuple_SET_ITEM(pairs, 2 * i + 1, cb ? cb : Py_NewRef(Py_None));
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *r = PyTuple_GET_ITEM(pairs, 2 * i), *cb = PyTuple_GET_ITEM(pairs, 2 * i + 1);
        if (r == Py_None || cb == Py_None)
            continue;
        PyObject *res = PyObject_CallOneArg(cb, r);
        if (res == NULL)
            PyErr_WriteUnraisable(cb);
        else
            Py_DECREF(res);
    }
    Py_DECREF(pairs);
    PyErr_SetRaisedException(saved);
}

/* ---- the _weakref module ---- */

static PyObject *wm_getweakrefcount(PyObject *m, PyObject *ob)
{
    if (!supports_weakrefs(ob))
        return PyLong_FromLong(0);
    return PyLong_FromSsize_t(_PyWeakref_GetWeakrefCount(*GET_LIST(ob)));
}

static PyObject *wm_getweakrefs(PyObject *m, PyObject *ob)
{
    if (!supports_weakrefs(ob))
        return PyList_New(0);
    PyWeakReference *r = *GET_LIST(ob);
    PyObject *list = PyList_New(0);
    for (; list != NULL && r != NULL; r = r->wr_next) {
        if (PyList_Append(list, (PyObject *)r) < 0)
            Py_CLEAR(list);
    }
    return list;
}

static PyObject *wm_proxy(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            PyErr_Format(PyExc_TypeError, "proxy expected at least 1 argument, got %zd", nargs);
        else
            PyErr_Format(PyExc_TypeError, "proxy expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    return PyWeakref_NewProxy(args[0], nargs == 2 ? args[1] : NULL);
}

static PyObject *wm_remove_dead_weakref(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "_remove_dead_weakref expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *dct = args[0], *key = args[1];
    if (!PyDict_Check(dct)) {
        PyErr_Format(PyExc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %.50s",
                     Py_TYPE(dct)->tp_name);
        return NULL;
    }
    PyObject *v = PyDict_GetItemWithError(dct, key);
    if (v == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    if (PyWeakref_Check(v) && PyWeakref_GET_OBJECT(v) == Py_None) {
        if (PyDict_DelItem(dct, key) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_KeyError))
                return NULL;
            PyErr_Clear();
        }
    }
    Py_RETURN_NONE;
}

static PyMethodDef weakref_module_methods[] = {
    {"getweakrefcount", wm_getweakrefcount, METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", wm_getweakrefs, METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", (PyCFunction)(void (*)(void))wm_proxy, METH_FASTCALL,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", (PyCFunction)(void (*)(void))wm_remove_dead_weakref, METH_FASTCALL,
     "Atomically delete key from dict if it is mapped to a dead weakref."},
    {NULL, NULL, 0, NULL}
};

static int weakref_exec(PyObject *m)
{
    if (PyModule_AddObjectRef(m, "ref", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(m, "ReferenceType", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(m, "ProxyType", (PyObject *)&_PyWeakref_ProxyType) < 0 ||
        PyModule_AddObjectRef(m, "CallableProxyType", (PyObject *)&_PyWeakref_CallableProxyType) < 0)
        return -1;
    return 0;
}

static PyModuleDef_Slot weakref_slots[] = {
    {Py_mod_exec, (void *)weakref_exec},
    {0, NULL}
};

static struct PyModuleDef weakref_module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_weakref",
    .m_doc = "Weak-reference support module.",
    .m_size = 0,
    .m_methods = weakref_module_methods,
    .m_slots = weakref_slots,
};

PyObject *kr_weakref_module_init(void)
{
    return PyModuleDef_Init(&weakref_module_def);
}
