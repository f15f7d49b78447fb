/* tupleobject.c: the tuple type and its iterator.
 *
 * A tuple keeps its items inline after the header (CPython 3.11 layout),
 * so PyTuple_GET_ITEM is one load.  The empty tuple is one process-wide
 * immortal object; other small tuples are recycled through per-context free
 * lists keyed by length (containers_state.h), because the VM makes and drops
 * short tuples all the time (argument packs, multiple assignment).
 * The hash is CPython 3.11's xxHash-style mix so hash(t) matches CPython.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "objects/indexiter.h"
#include "runtime/alloc.h"

/* The empty tuple (containers.h).  The zeroed words in front stand where
 * a GC header would be, so a collector that looks there sees an
 * untracked object. */
kr_static_tuple kr_empty_tuple = {
    {0, 0},
    {PyVarObject_HEAD_INIT(&PyTuple_Type, 0) {NULL}},
};

/* The free lists are off under AddressSanitizer, so that it sees every
 * tuple's memory freed and reused (alloc.h). */
#define KR_TUPLE_FREELISTS KR_ALLOC_USE_POOLS

/* An untracked tuple of `size` > 0 items whose items are NOT initialised:
 * the caller stores every one before anything can look at it.  A recycled
 * tuple costs a pop from the context's free list. */
static inline PyTupleObject *
kr_tuple_alloc_raw(Py_ssize_t size)
{
    if (KR_TUPLE_FREELISTS && size < KR_TUPLE_MAXSAVESIZE) {
        struct kr_context *ctx = kr_context_get();
        PyTupleObject *op;
        if (ctx != NULL && (op = (PyTupleObject *)ctx->containers.tuple_free[size]) != NULL) {
            ctx->containers.tuple_free[size] = op->ob_item[0];
            ctx->containers.tuple_numfree[size]--;
            Py_SET_REFCNT(op, 1);
            return op;
        }
    }
    if ((size_t)size > ((size_t)PY_SSIZE_T_MAX - sizeof(PyTupleObject)) / sizeof(PyObject *))
        return (PyTupleObject *)PyErr_NoMemory();
    return PyObject_GC_NewVar(PyTupleObject, &PyTuple_Type, size);
}

/* Allocates an untracked tuple of `size` > 0 items, all NULL. */
static PyTupleObject *
kr_tuple_alloc(Py_ssize_t size)
{
    PyTupleObject *op = kr_tuple_alloc_raw(size);
    if (op != NULL)
        memset(op->ob_item, 0, (size_t)size * sizeof(PyObject *));
    return op;
}

PyObject *
PyTuple_New(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size == 0)
        return KR_EMPTY_TUPLE;
    PyTupleObject *op = kr_tuple_alloc(size);
    if (op == NULL)
        return NULL;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

Py_ssize_t
PyTuple_Size(PyObject *op)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

/* Borrowed reference. */
PyObject *
PyTuple_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return ((PyTupleObject *)op)->ob_item[i];
}

/* Steals `newitem`, even on failure. */
int
PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyTuple_Check(op) || Py_REFCNT(op) != 1) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    PyObject **p = ((PyTupleObject *)op)->ob_item + i;
    Py_XSETREF(*p, newitem);
    return 0;
}

void
_PyTuple_MaybeUntrack(PyObject *op)
{
    if (!PyTuple_CheckExact(op) || !_PyObject_GC_IS_TRACKED(op))
        return;
    Py_ssize_t n = Py_SIZE(op);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *elt = PyTuple_GET_ITEM(op, i);
        /* An item that may still be filled in, or that can hold a cycle,
         * keeps the tuple tracked. */
        if (elt == NULL || (PyObject_IS_GC(elt) &&
                            (!PyTuple_CheckExact(elt) || _PyObject_GC_IS_TRACKED(elt))))
            return;
    }
    PyObject_GC_UnTrack(op);
}

/* The argument tuple of every METH_VARARGS call: items stored straight
 * into a recycled tuple. */
PyObject *
_PyTuple_FromArray(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0)
        return KR_EMPTY_TUPLE;
    PyTupleObject *op = kr_tuple_alloc_raw(n);
    if (op == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        op->ob_item[i] = Py_NewRef(src[i]);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* Steals every reference in src[], even on failure. */
PyObject *
_PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0)
        return KR_EMPTY_TUPLE;
    PyTupleObject *op = kr_tuple_alloc_raw(n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(src[i]);
        return NULL;
    }
    memcpy(op->ob_item, src, (size_t)n * sizeof(PyObject *));
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *
PyTuple_Pack(Py_ssize_t n, ...)
{
    if (n == 0)
        return KR_EMPTY_TUPLE;
    va_list va;
    PyTupleObject *op = kr_tuple_alloc_raw(n);
    if (op == NULL)
        return NULL;
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        Py_INCREF(o);
        op->ob_item[i] = o;
    }
    va_end(va);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

static PyObject *
kr_tuple_slice(PyTupleObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (ilow < 0)
        ilow = 0;
    if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    if (ilow == 0 && ihigh == Py_SIZE(a) && PyTuple_CheckExact(a))
        return Py_NewRef(a);
    return _PyTuple_FromArray(a->ob_item + ilow, ihigh - ilow);
}

PyObject *
PyTuple_GetSlice(PyObject *op, Py_ssize_t i, Py_ssize_t j)
{
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_tuple_slice((PyTupleObject *)op, i, j);
}

/* Resizes a tuple that nobody else references yet, in place when it can.
 * On failure *pv is released and set to NULL. */
int
_PyTuple_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyTupleObject *v = (PyTupleObject *)*pv;
    if (v == NULL || !Py_IS_TYPE(v, &PyTuple_Type) ||
        (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1) || newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(v);
    if (oldsize == newsize)
        return 0;
    if (newsize == 0) {
        Py_DECREF(v);
        *pv = KR_EMPTY_TUPLE;
        return 0;
    }
    if (oldsize == 0) {
        /* the empty tuple is shared: make a fresh one instead */
        *pv = PyTuple_New(newsize);
        return *pv == NULL ? -1 : 0;
    }
    PyObject_GC_UnTrack(v);
    for (Py_ssize_t i = newsize; i < oldsize; i++)
        Py_CLEAR(v->ob_item[i]);
    PyTupleObject *sv = PyObject_GC_Resize(PyTupleObject, v, newsize);
    if (sv == NULL) {
        *pv = NULL;
        PyObject_GC_Del(v);
        return -1;
    }
    if (newsize > oldsize)
        memset(sv->ob_item + oldsize, 0, (size_t)(newsize - oldsize) * sizeof(PyObject *));
    PyObject_GC_Track(sv);
    *pv = (PyObject *)sv;
    return 0;
}

/* ---- type slots ---- */

/* Back to the free list, or to the allocator. */
static inline void
kr_tuple_free(PyTupleObject *op, Py_ssize_t len)
{
    if (KR_TUPLE_FREELISTS && len < KR_TUPLE_MAXSAVESIZE && PyTuple_CheckExact(op)) {
        struct kr_context *ctx = kr_context_get();
        if (ctx != NULL && ctx->containers.tuple_numfree[len] < KR_TUPLE_MAXFREELIST) {
            op->ob_item[0] = ctx->containers.tuple_free[len];
            ctx->containers.tuple_free[len] = (PyObject *)op;
            ctx->containers.tuple_numfree[len]++;
            return;
        }
    }
    Py_TYPE(op)->tp_free((PyObject *)op);
}

/* The trashcan bounds the C recursion of destroying nested containers, so
 * only a tuple that destroys one of its items needs it.  Items that
 * outlive the tuple (an argument tuple's, nearly always) are released
 * first, from the end as CPython does, without it; at the first item that
 * dies here the rest goes through the trashcan.  The items already
 * released are cleared first: if the trashcan defers the tuple, its later
 * destruction starts over and must not release them twice. */
static void
kr_tuple_dealloc(PyTupleObject *op)
{
    Py_ssize_t len = Py_SIZE(op);
    if (len == 0 && PyTuple_CheckExact(op))
        return;     /* the immortal empty tuple; never reached in practice */
    PyObject_GC_UnTrack(op);
    Py_ssize_t i = len;
    while (--i >= 0) {
        PyObject *item = op->ob_item[i];
        if (item == NULL || _Py_IsImmortal(item))
            continue;
        if (Py_REFCNT(item) == 1)
            break;
        Py_SET_REFCNT(item, Py_REFCNT(item) - 1);
    }
    if (i < 0) {
        kr_tuple_free(op, len);
        return;
    }
    for (Py_ssize_t j = i + 1; j < len; j++)
        op->ob_item[j] = NULL;
    Py_TRASHCAN_BEGIN(op, kr_tuple_dealloc)
    for (; i >= 0; i--)
        Py_XDECREF(op->ob_item[i]);
    kr_tuple_free(op, len);
    Py_TRASHCAN_END
}

void
kr_tuple_clear_freelist(void)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL)
        return;
    for (int n = 1; n < KR_TUPLE_MAXSAVESIZE; n++) {
        PyObject *p = ctx->containers.tuple_free[n];
        while (p != NULL) {
            PyObject *next = ((PyTupleObject *)p)->ob_item[0];
            PyObject_GC_Del(p);
            p = next;
        }
        ctx->containers.tuple_free[n] = NULL;
        ctx->containers.tuple_numfree[n] = 0;
    }
}

static PyObject *
kr_tuple_repr(PyTupleObject *v)
{
    Py_ssize_t n = Py_SIZE(v);
    if (n == 0)
        return PyUnicode_FromString("()");
    int rc = Py_ReprEnter((PyObject *)v);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("(...)") : NULL;

    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 1 + (2 + 1) * (n - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '(') < 0)
        goto error;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        PyObject *s = PyObject_Repr(v->ob_item[i]);
        if (s == NULL)
            goto error;
        int r = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (r < 0)
            goto error;
    }
    writer.overallocate = 0;
    if (n == 1 ? _PyUnicodeWriter_WriteASCIIString(&writer, ",)", 2) < 0
               : _PyUnicodeWriter_WriteChar(&writer, ')') < 0)
        goto error;
    Py_ReprLeave((PyObject *)v);
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    Py_ReprLeave((PyObject *)v);
    return NULL;
}

/* CPython 3.11's tuple hash: an xxHash-style accumulation of item hashes. */
#define KR_XXPRIME_1 ((Py_uhash_t)11400714785074694791ULL)
#define KR_XXPRIME_2 ((Py_uhash_t)14029467366897019727ULL)
#define KR_XXPRIME_5 ((Py_uhash_t)2870177450012600261ULL)
#define KR_XXROTATE(x) (((x) << 31) | ((x) >> 33))

static Py_hash_t
kr_tuple_hash(PyTupleObject *v)
{
    Py_ssize_t len = Py_SIZE(v);
    Py_uhash_t acc = KR_XXPRIME_5;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_uhash_t lane = (Py_uhash_t)PyObject_Hash(v->ob_item[i]);
        if (lane == (Py_uhash_t)-1)
            return -1;
        acc += lane * KR_XXPRIME_2;
        acc = KR_XXROTATE(acc);
        acc *= KR_XXPRIME_1;
    }
    acc += (Py_uhash_t)len ^ (KR_XXPRIME_5 ^ 3527539UL);
    if (acc == (Py_uhash_t)-1)
        return 1546275796;
    return (Py_hash_t)acc;
}

static Py_ssize_t
kr_tuple_length(PyTupleObject *a)
{
    return Py_SIZE(a);
}

static int
kr_tuple_contains(PyTupleObject *a, PyObject *el)
{
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); i++)
        cmp = PyObject_RichCompareBool(PyTuple_GET_ITEM(a, i), el, Py_EQ);
    return cmp;
}

static PyObject *
kr_tuple_item(PyTupleObject *a, Py_ssize_t i)
{
    if ((size_t)i >= (size_t)Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(a->ob_item[i]);
}

static PyObject *
kr_tuple_concat(PyTupleObject *a, PyObject *bb)
{
    if (Py_SIZE(a) == 0 && PyTuple_CheckExact(bb))
        return Py_NewRef(bb);
    if (!PyTuple_Check(bb)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate tuple (not \"%.200s\") to tuple",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyTupleObject *b = (PyTupleObject *)bb;
    if (Py_SIZE(b) == 0 && PyTuple_CheckExact(a))
        return Py_NewRef(a);
    if (Py_SIZE(a) > PY_SSIZE_T_MAX - Py_SIZE(b))
        return PyErr_NoMemory();
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0)
        return KR_EMPTY_TUPLE;
    PyTupleObject *np = kr_tuple_alloc(size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++)
        *dest++ = Py_NewRef(a->ob_item[i]);
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++)
        *dest++ = Py_NewRef(b->ob_item[i]);
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *
kr_tuple_repeat(PyTupleObject *a, Py_ssize_t n)
{
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n == 1) {
        if (PyTuple_CheckExact(a))
            return Py_NewRef(a);
    }
    if (input_size == 0 || n <= 0)
        return KR_EMPTY_TUPLE;
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    Py_ssize_t size = input_size * n;
    PyTupleObject *np = kr_tuple_alloc(size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t r = 0; r < n; r++)
        for (Py_ssize_t i = 0; i < input_size; i++)
            *dest++ = Py_NewRef(a->ob_item[i]);
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *
kr_tuple_subscript(PyTupleObject *self, PyObject *item)
{
    Py_ssize_t i;
    int small = kr_small_index(item, &i);
    if (small || PyIndex_Check(item)) {
        if (!small) {
            i = PyNumber_AsSsize_t(item, PyExc_IndexError);
            if (i == -1 && PyErr_Occurred())
                return NULL;
        }
        if (i < 0)
            i += Py_SIZE(self);
        return kr_tuple_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t len = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (len <= 0)
            return KR_EMPTY_TUPLE;
        if (start == 0 && step == 1 && len == Py_SIZE(self) && PyTuple_CheckExact(self))
            return Py_NewRef(self);
        if (step == 1)
            return _PyTuple_FromArray(self->ob_item + start, len);
        PyTupleObject *r = kr_tuple_alloc(len);
        if (r == NULL)
            return NULL;
        for (Py_ssize_t cur = start, i = 0; i < len; cur += step, i++)
            r->ob_item[i] = Py_NewRef(self->ob_item[cur]);
        PyObject_GC_Track(r);
        return (PyObject *)r;
    }
    PyErr_Format(PyExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int
kr_tuple_traverse(PyTupleObject *o, visitproc visit, void *arg)
{
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0;)
        Py_VISIT(o->ob_item[i]);
    return 0;
}

static PyObject *
kr_tuple_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyTuple_Check(v) || !PyTuple_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    PyTupleObject *vt = (PyTupleObject *)v, *wt = (PyTupleObject *)w;
    Py_ssize_t vlen = Py_SIZE(vt), wlen = Py_SIZE(wt);
    Py_ssize_t i;
    /* find the first index where the items differ */
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        Py_RETURN_RICHCOMPARE(vlen, wlen, op);
    if (op == Py_EQ)
        Py_RETURN_FALSE;
    if (op == Py_NE)
        Py_RETURN_TRUE;
    return PyObject_RichCompare(vt->ob_item[i], wt->ob_item[i], op);
}

/* tuple(iterable=()) for exact tuple and for subclasses */
static PyObject *
kr_tuple_new_impl(PyTypeObject *type, PyObject *iterable)
{
    PyObject *tmp;
    if (iterable == NULL)
        tmp = KR_EMPTY_TUPLE;
    else
        tmp = PySequence_Tuple(iterable);
    if (tmp == NULL || type == &PyTuple_Type)
        return tmp;
    Py_ssize_t n = PyTuple_GET_SIZE(tmp);
    PyObject *newobj = type->tp_alloc(type, n);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(newobj, i, Py_NewRef(PyTuple_GET_ITEM(tmp, i)));
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *
kr_tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if ((type == &PyTuple_Type || type->tp_init == PyTuple_Type.tp_init) &&
        !_PyArg_NoKeywords("tuple", kwargs))
        return NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!KR_CHECK_NARGS("tuple", nargs, 0, 1))
        return NULL;
    return kr_tuple_new_impl(type, nargs ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyObject *
kr_tuple_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("tuple", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!KR_CHECK_NARGS("tuple", nargs, 0, 1))
        return NULL;
    return kr_tuple_new_impl((PyTypeObject *)type, nargs ? args[0] : NULL);
}

/* ---- methods ---- */

static PyObject *
kr_tuple_index(PyTupleObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t start, stop;
    if (!KR_CHECK_NARGS("index", nargs, 1, 3))
        return NULL;
    if (kr_seq_index_bounds(args, nargs, Py_SIZE(self), &start, &stop) < 0)
        return NULL;
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(self); i++) {
        int cmp = PyObject_RichCompareBool(self->ob_item[i], args[0], Py_EQ);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static PyObject *
kr_tuple_count(PyTupleObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        int cmp = PyObject_RichCompareBool(self->ob_item[i], value, Py_EQ);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
kr_tuple_getnewargs(PyTupleObject *self, PyObject *unused)
{
    PyObject *copy = kr_tuple_slice(self, 0, Py_SIZE(self));
    if (copy == NULL)
        return NULL;
    PyObject *res = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return res;
}

static PyObject *
kr_generic_class_getitem(PyObject *cls, PyObject *args)
{
    return Py_GenericAlias(cls, args);
}

static PyMethodDef kr_tuple_methods[] = {
    {"__getnewargs__", (PyCFunction)kr_tuple_getnewargs, METH_NOARGS, NULL},
    {"index", _PyCFunction_CAST(kr_tuple_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (PyCFunction)kr_tuple_count, METH_O, "Return number of occurrences of value."},
    {"__class_getitem__", kr_generic_class_getitem, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PyObject *kr_tuple_iter(PyObject *seq);

static PySequenceMethods kr_tuple_as_sequence = {
    .sq_length = (lenfunc)kr_tuple_length,
    .sq_concat = (binaryfunc)kr_tuple_concat,
    .sq_repeat = (ssizeargfunc)kr_tuple_repeat,
    .sq_item = (ssizeargfunc)kr_tuple_item,
    .sq_contains = (objobjproc)kr_tuple_contains,
};

static PyMappingMethods kr_tuple_as_mapping = {
    .mp_length = (lenfunc)kr_tuple_length,
    .mp_subscript = (binaryfunc)kr_tuple_subscript,
};

PyTypeObject PyTuple_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = (destructor)kr_tuple_dealloc,
    .tp_repr = (reprfunc)kr_tuple_repr,
    .tp_as_sequence = &kr_tuple_as_sequence,
    .tp_as_mapping = &kr_tuple_as_mapping,
    .tp_hash = (hashfunc)kr_tuple_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TUPLE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_traverse = (traverseproc)kr_tuple_traverse,
    .tp_richcompare = kr_tuple_richcompare,
    .tp_iter = kr_tuple_iter,
    .tp_methods = kr_tuple_methods,
    .tp_new = kr_tuple_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_tuple_vectorcall,
};

/* ---- the tuple iterator (an index iterator: objects/indexiter.h) ---- */

static PyObject *
kr_tupleiter_next(PyObject *self)
{
    kr_indexiter *it = (kr_indexiter *)self;
    PyTupleObject *seq = (PyTupleObject *)it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Py_SIZE(seq))
        return Py_NewRef(seq->ob_item[it->it_index++]);
    return kr_indexiter_finish(it);
}

PyTypeObject PyTupleIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(kr_indexiter),
    .tp_dealloc = kr_indexiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_indexiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_tupleiter_next,
    .tp_methods = kr_indexiter_methods,
};

static PyObject *
kr_tuple_iter(PyObject *seq)
{
    if (!PyTuple_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_indexiter_new(&PyTupleIter_Type, seq, 0);
}
