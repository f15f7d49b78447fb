/* listobject.c: the list type, its iterators and the PyList_* API.
 *
 * A list is a header plus a separately allocated array of `allocated`
 * pointers, `ob_size` of them in use (CPython 3.11 layout).  Growth
 * over-allocates by about 1/8 so that appends are amortised O(1), with the
 * same sizes as CPython (they show in sys.getsizeof).  Sorting lives in
 * listsort.c; this file prepares the keys and checks for mutation.
 * Dead list headers are recycled through a per-context free list.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "objects/indexiter.h"

/* Makes room for `newsize` items; the caller fills new slots. */
int
kr_list_resize(PyListObject *self, Py_ssize_t newsize)
{
    Py_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        Py_SET_SIZE(self, newsize);
        return 0;
    }
    /* grow by ~1/8 plus a little, rounded to a multiple of 4; a big
     * extend gets exactly what it asked for */
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if ((size_t)(newsize - Py_SIZE(self)) > new_allocated - (size_t)newsize)
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    PyObject **items;
    if (new_allocated <= (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *))
        items = (PyObject **)PyMem_Realloc(self->ob_item, new_allocated * sizeof(PyObject *));
    else
        items = NULL;
    if (items == NULL && new_allocated != 0) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    Py_SET_SIZE(self, newsize);
    self->allocated = (Py_ssize_t)new_allocated;
    return 0;
}

static PyListObject *
kr_list_alloc_header(void)
{
    struct kr_context *ctx = kr_context_get();
    PyListObject *op;
    if (ctx != NULL && ctx->containers.list_numfree > 0) {
        op = (PyListObject *)ctx->containers.list_free[--ctx->containers.list_numfree];
        Py_SET_REFCNT(op, 1);
    }
    else {
        op = PyObject_GC_New(PyListObject, &PyList_Type);
        if (op == NULL)
            return NULL;
    }
    return op;
}

PyObject *
PyList_New(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyListObject *op = kr_list_alloc_header();
    if (op == NULL)
        return NULL;
    if (size <= 0) {
        op->ob_item = NULL;
    }
    else {
        if ((size_t)size > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
            op->ob_item = NULL;
            Py_SET_SIZE(op, 0);
            op->allocated = 0;
            PyObject_GC_Track(op);
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
        op->ob_item = (PyObject **)PyMem_Calloc((size_t)size, sizeof(PyObject *));
        if (op->ob_item == NULL) {
            Py_SET_SIZE(op, 0);
            op->allocated = 0;
            PyObject_GC_Track(op);
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
    }
    Py_SET_SIZE(op, size);
    op->allocated = size;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* Steals every reference in src[], even on failure. */
PyObject *
kr_list_from_array_steal(PyObject *const *src, Py_ssize_t n)
{
    PyObject *op = PyList_New(n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(src[i]);
        return NULL;
    }
    if (n > 0)
        memcpy(((PyListObject *)op)->ob_item, src, (size_t)n * sizeof(PyObject *));
    return op;
}

Py_ssize_t
PyList_Size(PyObject *op)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

static inline int
kr_valid_index(Py_ssize_t i, Py_ssize_t limit)
{
    /* one unsigned compare covers both i < 0 and i >= limit */
    return (size_t)i < (size_t)limit;
}

/* Borrowed reference. */
PyObject *
PyList_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!kr_valid_index(i, Py_SIZE(op))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return ((PyListObject *)op)->ob_item[i];
}

/* Steals `newitem`, even on failure. */
int
PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (!kr_valid_index(i, Py_SIZE(op))) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    PyObject **p = ((PyListObject *)op)->ob_item + i;
    Py_XSETREF(*p, newitem);
    return 0;
}

static int
kr_list_ins1(PyListObject *self, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(self);
    if (kr_list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    PyObject **items = self->ob_item;
    memmove(items + where + 1, items + where, (size_t)(n - where) * sizeof(PyObject *));
    items[where] = Py_NewRef(v);
    return 0;
}

int
PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *newitem)
{
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_list_ins1((PyListObject *)op, where, newitem);
}

/* Steals `item`, even on failure. */
int
kr_list_append_steal(PyObject *op, PyObject *item)
{
    PyListObject *self = (PyListObject *)op;
    Py_ssize_t n = Py_SIZE(self);
    if (n < self->allocated) {
        self->ob_item[n] = item;
        Py_SET_SIZE(self, n + 1);
        return 0;
    }
    if (kr_list_resize(self, n + 1) < 0) {
        Py_DECREF(item);
        return -1;
    }
    self->ob_item[n] = item;
    return 0;
}

int
PyList_Append(PyObject *op, PyObject *newitem)
{
    if (PyList_Check(op) && newitem != NULL)
        return kr_list_append_steal(op, Py_NewRef(newitem));
    PyErr_BadInternalCall();
    return -1;
}

static PyObject *
kr_list_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    Py_ssize_t len = ihigh - ilow;
    if (len <= 0)
        return PyList_New(0);
    PyListObject *np = (PyListObject *)PyList_New(len);
    if (np == NULL)
        return NULL;
    PyObject **src = a->ob_item + ilow, **dest = np->ob_item;
    for (Py_ssize_t i = 0; i < len; i++)
        dest[i] = Py_NewRef(src[i]);
    return (PyObject *)np;
}

PyObject *
PyList_GetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    return kr_list_slice((PyListObject *)a, ilow, ihigh);
}

static int
kr_list_clear_items(PyListObject *a)
{
    PyObject **items = a->ob_item;
    if (items != NULL) {
        /* detach first: a destructor run by a DECREF may look at the list */
        Py_ssize_t i = Py_SIZE(a);
        Py_SET_SIZE(a, 0);
        a->ob_item = NULL;
        a->allocated = 0;
        while (--i >= 0)
            Py_XDECREF(items[i]);
        PyMem_Free(items);
    }
    return 0;
}

/* a[ilow:ihigh] = v, with v NULL for deletion.  v may be `a` itself. */
static int
kr_list_ass_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    PyObject *recycle_on_stack[8];
    PyObject **recycle = recycle_on_stack;
    PyObject *v_as_SF = NULL;
    PyObject **vitem = NULL;
    Py_ssize_t n;
    int result = -1;

    if (v == NULL) {
        n = 0;
    }
    else {
        if (a == (PyListObject *)v) {
            v = kr_list_slice((PyListObject *)v, 0, Py_SIZE(v));
            if (v == NULL)
                return -1;
            result = kr_list_ass_slice(a, ilow, ihigh, v);
            Py_DECREF(v);
            return result;
        }
        v_as_SF = PySequence_Fast(v, "can only assign an iterable");
        if (v_as_SF == NULL)
            return -1;
        n = PySequence_Fast_GET_SIZE(v_as_SF);
        vitem = PySequence_Fast_ITEMS(v_as_SF);
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);

    Py_ssize_t norig = ihigh - ilow;
    Py_ssize_t d = n - norig;
    if (Py_SIZE(a) + d == 0) {
        Py_XDECREF(v_as_SF);
        return kr_list_clear_items(a);
    }
    PyObject **item = a->ob_item;
    size_t s = (size_t)norig * sizeof(PyObject *);
    if (s) {
        if (s > sizeof(recycle_on_stack)) {
            recycle = (PyObject **)PyMem_Malloc(s);
            if (recycle == NULL) {
                PyErr_NoMemory();
                goto done;
            }
        }
        memcpy(recycle, &item[ilow], s);
    }
    if (d < 0) {
        Py_ssize_t tail = (Py_SIZE(a) - ihigh) * (Py_ssize_t)sizeof(PyObject *);
        memmove(&item[ihigh + d], &item[ihigh], (size_t)tail);
        if (kr_list_resize(a, Py_SIZE(a) + d) < 0) {
            memmove(&item[ihigh], &item[ihigh + d], (size_t)tail);
            memcpy(&item[ilow], recycle, s);
            goto done;
        }
        item = a->ob_item;
    }
    else if (d > 0) {
        Py_ssize_t k = Py_SIZE(a);
        if (kr_list_resize(a, k + d) < 0)
            goto done;
        item = a->ob_item;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(k - ihigh) * sizeof(PyObject *));
    }
    for (Py_ssize_t k = 0; k < n; k++)
        item[ilow + k] = Py_NewRef(vitem[k]);
    for (Py_ssize_t k = norig - 1; k >= 0; --k)
        Py_XDECREF(recycle[k]);
    result = 0;
done:
    if (recycle != recycle_on_stack)
        PyMem_Free(recycle);
    Py_XDECREF(v_as_SF);
    return result;
}

int
PyList_SetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_list_ass_slice((PyListObject *)a, ilow, ihigh, v);
}

static void
kr_reverse_slice(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

int
PyList_Reverse(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyListObject *self = (PyListObject *)v;
    if (Py_SIZE(self) > 1)
        kr_reverse_slice(self->ob_item, self->ob_item + Py_SIZE(self));
    return 0;
}

PyObject *
PyList_AsTuple(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return _PyTuple_FromArray(((PyListObject *)v)->ob_item, Py_SIZE(v));
}

/* ---- extend ---- */

/* Gives an empty list room for exactly `size` items (rounded up to even:
 * the allocator's granularity makes the odd slot free), as CPython does
 * when a list is first filled from a sized source. */
static int
kr_list_preallocate_exact(PyListObject *self, Py_ssize_t size)
{
    size = (size + 1) & ~(Py_ssize_t)1;
    if ((size_t)size > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = (PyObject **)PyMem_Malloc((size_t)size * sizeof(PyObject *));
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    self->allocated = size;
    return 0;
}

static int
kr_list_extend_internal(PyListObject *self, PyObject *iterable)
{
    if (PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable) ||
        (PyObject *)self == iterable) {
        PyObject *seq = PySequence_Fast(iterable, "argument must be iterable");
        if (seq == NULL)
            return -1;
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
        if (n == 0) {
            Py_DECREF(seq);
            return 0;
        }
        Py_ssize_t m = Py_SIZE(self);
        if (m >= PY_SSIZE_T_MAX - n) {
            Py_DECREF(seq);
            PyErr_NoMemory();
            return -1;
        }
        /* a list extended by itself: the source is read after resizing */
        if (self->ob_item == NULL) {
            if (kr_list_preallocate_exact(self, n) < 0) {
                Py_DECREF(seq);
                return -1;
            }
            Py_SET_SIZE(self, n);
        }
        else if (kr_list_resize(self, m + n) < 0) {
            Py_DECREF(seq);
            return -1;
        }
        PyObject **src = PySequence_Fast_ITEMS(seq);
        PyObject **dest = self->ob_item + m;
        for (Py_ssize_t i = 0; i < n; i++)
            dest[i] = Py_NewRef(src[i]);
        Py_DECREF(seq);
        return 0;
    }

    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    Py_ssize_t n = PyObject_LengthHint(iterable, 8);
    if (n < 0) {
        Py_DECREF(it);
        return -1;
    }
    Py_ssize_t m = Py_SIZE(self);
    if (m > PY_SSIZE_T_MAX - n) {
        /* the hint is only a hint: don't preallocate past what can be */
    }
    else if (self->ob_item == NULL) {
        if (n && kr_list_preallocate_exact(self, n) < 0)
            goto error;
    }
    else if (m + n > self->allocated) {
        if (kr_list_resize(self, m + n) < 0)
            goto error;
        Py_SET_SIZE(self, m);
    }
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_StopIteration))
                    PyErr_Clear();
                else
                    goto error;
            }
            break;
        }
        if (Py_SIZE(self) < self->allocated) {
            self->ob_item[Py_SIZE(self)] = item;
            Py_SET_SIZE(self, Py_SIZE(self) + 1);
        }
        else if (kr_list_append_steal((PyObject *)self, item) < 0) {
            goto error;
        }
    }
    /* give back what the hint over-reserved */
    if (Py_SIZE(self) < self->allocated && kr_list_resize(self, Py_SIZE(self)) < 0)
        goto error;
    Py_DECREF(it);
    return 0;
error:
    Py_DECREF(it);
    return -1;
}

PyObject *
_PyList_Extend(PyListObject *self, PyObject *iterable)
{
    if (kr_list_extend_internal(self, iterable) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- type slots ---- */

static void
kr_list_dealloc(PyListObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, kr_list_dealloc)
    if (op->ob_item != NULL) {
        Py_ssize_t i = Py_SIZE(op);
        while (--i >= 0)
            Py_XDECREF(op->ob_item[i]);
        PyMem_Free(op->ob_item);
    }
    struct kr_context *ctx = kr_context_get();
    if (ctx != NULL && ctx->containers.list_numfree < KR_LIST_MAXFREELIST &&
        PyList_CheckExact(op)) {
        ctx->containers.list_free[ctx->containers.list_numfree++] = (PyObject *)op;
    }
    else {
        Py_TYPE(op)->tp_free((PyObject *)op);
    }
    Py_TRASHCAN_END
}

void
kr_list_clear_freelist(void)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL)
        return;
    while (ctx->containers.list_numfree > 0)
        PyObject_GC_Del(ctx->containers.list_free[--ctx->containers.list_numfree]);
}

static PyObject *
kr_list_repr(PyListObject *v)
{
    if (Py_SIZE(v) == 0)
        return PyUnicode_FromString("[]");
    int rc = Py_ReprEnter((PyObject *)v);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("[...]") : NULL;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 1 + (2 + 1) * (Py_SIZE(v) - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '[') < 0)
        goto error;
    /* the list may change while item reprs run: re-read the size */
    for (Py_ssize_t i = 0; i < Py_SIZE(v); i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        PyObject *item = Py_NewRef(v->ob_item[i]);
        PyObject *s = PyObject_Repr(item);
        Py_DECREF(item);
        if (s == NULL)
            goto error;
        int r = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (r < 0)
            goto error;
    }
    writer.overallocate = 0;
    if (_PyUnicodeWriter_WriteChar(&writer, ']') < 0)
        goto error;
    Py_ReprLeave((PyObject *)v);
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    Py_ReprLeave((PyObject *)v);
    return NULL;
}

static Py_ssize_t
kr_list_length(PyListObject *a)
{
    return Py_SIZE(a);
}

static int
kr_list_contains(PyListObject *a, PyObject *el)
{
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); ++i) {
        PyObject *item = Py_NewRef(a->ob_item[i]);
        cmp = PyObject_RichCompareBool(item, el, Py_EQ);
        Py_DECREF(item);
    }
    return cmp;
}

static PyObject *
kr_list_item(PyListObject *a, Py_ssize_t i)
{
    if (!kr_valid_index(i, Py_SIZE(a))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return Py_NewRef(a->ob_item[i]);
}

static PyObject *
kr_list_concat(PyListObject *a, PyObject *bb)
{
    if (!PyList_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyListObject *b = (PyListObject *)bb;
    if (Py_SIZE(a) > PY_SSIZE_T_MAX - Py_SIZE(b))
        return PyErr_NoMemory();
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    PyListObject *np = (PyListObject *)PyList_New(size);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++)
        *dest++ = Py_NewRef(a->ob_item[i]);
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++)
        *dest++ = Py_NewRef(b->ob_item[i]);
    return (PyObject *)np;
}

static PyObject *
kr_list_repeat(PyListObject *a, Py_ssize_t n)
{
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n <= 0)
        return PyList_New(0);
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    PyListObject *np = (PyListObject *)PyList_New(input_size * n);
    if (np == NULL)
        return NULL;
    PyObject **dest = np->ob_item;
    for (Py_ssize_t r = 0; r < n; r++)
        for (Py_ssize_t i = 0; i < input_size; i++)
            *dest++ = Py_NewRef(a->ob_item[i]);
    return (PyObject *)np;
}

static int
kr_list_ass_item(PyListObject *a, Py_ssize_t i, PyObject *v)
{
    if (!kr_valid_index(i, Py_SIZE(a))) {
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return kr_list_ass_slice(a, i, i + 1, v);
    Py_SETREF(a->ob_item[i], Py_NewRef(v));
    return 0;
}

static PyObject *
kr_list_inplace_concat(PyListObject *self, PyObject *other)
{
    if (kr_list_extend_internal(self, other) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
kr_list_inplace_repeat(PyListObject *self, Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(self);
    if (size == 0 || n == 1)
        return Py_NewRef(self);
    if (n < 1) {
        kr_list_clear_items(self);
        return Py_NewRef(self);
    }
    if (size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    if (kr_list_resize(self, size * n) < 0)
        return NULL;
    PyObject **items = self->ob_item;
    for (Py_ssize_t r = 1; r < n; r++)
        for (Py_ssize_t j = 0; j < size; j++)
            items[r * size + j] = Py_NewRef(items[j]);
    return Py_NewRef(self);
}

static PyObject *
kr_list_subscript(PyListObject *self, PyObject *item)
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
        return kr_list_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t len = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (step == 1)
            return kr_list_slice(self, start, stop);
        if (len <= 0)
            return PyList_New(0);
        PyListObject *r = (PyListObject *)PyList_New(len);
        if (r == NULL)
            return NULL;
        for (Py_ssize_t cur = start, i = 0; i < len; cur += step, i++)
            r->ob_item[i] = Py_NewRef(self->ob_item[cur]);
        return (PyObject *)r;
    }
    PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int
kr_list_ass_subscript(PyListObject *self, PyObject *item, PyObject *value)
{
    Py_ssize_t i;
    int small = kr_small_index(item, &i);
    if (small || PyIndex_Check(item)) {
        if (!small) {
            i = PyNumber_AsSsize_t(item, PyExc_IndexError);
            if (i == -1 && PyErr_Occurred())
                return -1;
        }
        if (i < 0)
            i += Py_SIZE(self);
        return kr_list_ass_item(self, i, value);
    }
    if (!PySlice_Check(item)) {
        PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                     Py_TYPE(item)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0)
        return -1;
    Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    if (step == 1)
        return kr_list_ass_slice(self, start, stop, value);

    /* an extended slice with a negative step walks the same items as a
     * positive one over the reversed range */
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;

    if (value == NULL) {
        if (slicelength <= 0)
            return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        PyObject **garbage = (PyObject **)PyMem_Malloc((size_t)slicelength * sizeof(PyObject *));
        if (garbage == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        /* close the gaps left by the removed items, one run at a time */
        Py_ssize_t cur;
        for (cur = start, i = 0; cur < stop; cur += step, i++) {
            Py_ssize_t lim = step - 1;
            garbage[i] = self->ob_item[cur];
            if (cur + step >= Py_SIZE(self))
                lim = Py_SIZE(self) - cur - 1;
            memmove(self->ob_item + cur - i, self->ob_item + cur + 1,
                    (size_t)lim * sizeof(PyObject *));
        }
        cur = start + slicelength * step;
        if (cur < Py_SIZE(self))
            memmove(self->ob_item + cur - slicelength, self->ob_item + cur,
                    (size_t)(Py_SIZE(self) - cur) * sizeof(PyObject *));
        Py_SET_SIZE(self, Py_SIZE(self) - slicelength);
        int res = kr_list_resize(self, Py_SIZE(self));
        for (i = 0; i < slicelength; i++)
            Py_DECREF(garbage[i]);
        PyMem_Free(garbage);
        return res;
    }

    PyObject *seq;
    if (self == (PyListObject *)value) {
        seq = kr_list_slice((PyListObject *)value, 0, PyList_GET_SIZE(value));
    }
    else {
        seq = PySequence_Fast(value, "must assign iterable to extended slice");
    }
    if (seq == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(seq) != slicelength) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     PySequence_Fast_GET_SIZE(seq), slicelength);
        Py_DECREF(seq);
        return -1;
    }
    if (!slicelength) {
        Py_DECREF(seq);
        return 0;
    }
    PyObject **garbage = (PyObject **)PyMem_Malloc((size_t)slicelength * sizeof(PyObject *));
    if (garbage == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    PyObject **seqitems = PySequence_Fast_ITEMS(seq);
    Py_ssize_t cur;
    for (cur = start, i = 0; i < slicelength; cur += step, i++) {
        garbage[i] = self->ob_item[cur];
        self->ob_item[cur] = Py_NewRef(seqitems[i]);
    }
    for (i = 0; i < slicelength; i++)
        Py_DECREF(garbage[i]);
    PyMem_Free(garbage);
    Py_DECREF(seq);
    return 0;
}

static int
kr_list_traverse(PyListObject *o, visitproc visit, void *arg)
{
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0;)
        Py_VISIT(o->ob_item[i]);
    return 0;
}

static int
kr_list_tp_clear(PyListObject *a)
{
    return kr_list_clear_items(a);
}

static PyObject *
kr_list_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyList_Check(v) || !PyList_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    PyListObject *vl = (PyListObject *)v, *wl = (PyListObject *)w;
    if (Py_SIZE(vl) != Py_SIZE(wl) && (op == Py_EQ || op == Py_NE)) {
        if (op == Py_EQ)
            Py_RETURN_FALSE;
        Py_RETURN_TRUE;
    }
    Py_ssize_t i;
    /* item comparisons can mutate either list: re-check sizes each time */
    for (i = 0; i < Py_SIZE(vl) && i < Py_SIZE(wl); i++) {
        PyObject *vitem = vl->ob_item[i], *witem = wl->ob_item[i];
        if (vitem == witem)
            continue;
        Py_INCREF(vitem);
        Py_INCREF(witem);
        int k = PyObject_RichCompareBool(vitem, witem, Py_EQ);
        Py_DECREF(vitem);
        Py_DECREF(witem);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= Py_SIZE(vl) || i >= Py_SIZE(wl))
        Py_RETURN_RICHCOMPARE(Py_SIZE(vl), Py_SIZE(wl), op);
    if (op == Py_EQ)
        Py_RETURN_FALSE;
    if (op == Py_NE)
        Py_RETURN_TRUE;
    PyObject *vitem = Py_NewRef(vl->ob_item[i]), *witem = Py_NewRef(wl->ob_item[i]);
    PyObject *res = PyObject_RichCompare(vitem, witem, op);
    Py_DECREF(vitem);
    Py_DECREF(witem);
    return res;
}

static int
kr_list_init_impl(PyListObject *self, PyObject *iterable)
{
    if (self->ob_item != NULL)
        kr_list_clear_items(self);
    if (iterable != NULL) {
        if (kr_list_extend_internal(self, iterable) < 0)
            return -1;
    }
    return 0;
}

static int
kr_list_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if ((Py_IS_TYPE(self, &PyList_Type) || Py_TYPE(self)->tp_new == PyList_Type.tp_new) &&
        !_PyArg_NoKeywords("list", kwargs))
        return -1;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!KR_CHECK_NARGS("list", nargs, 0, 1))
        return -1;
    return kr_list_init_impl((PyListObject *)self, nargs ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyObject *
kr_list_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("list", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!KR_CHECK_NARGS("list", nargs, 0, 1))
        return NULL;
    PyObject *list = PyType_GenericAlloc((PyTypeObject *)type, 0);
    if (list == NULL)
        return NULL;
    if (nargs && kr_list_init_impl((PyListObject *)list, args[0]) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* ---- methods ---- */

static PyObject *
kr_list_append(PyListObject *self, PyObject *object)
{
    if (kr_list_append_steal((PyObject *)self, Py_NewRef(object)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
kr_list_insert(PyListObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!KR_CHECK_NARGS("insert", nargs, 2, 2))
        return NULL;
    Py_ssize_t index = -1;
    PyObject *iobj = PyNumber_Index(args[0]);
    if (iobj != NULL) {
        index = PyLong_AsSsize_t(iobj);
        Py_DECREF(iobj);
    }
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (kr_list_ins1(self, index, args[1]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
kr_list_extend(PyListObject *self, PyObject *iterable)
{
    return _PyList_Extend(self, iterable);
}

static PyObject *
kr_list_pop(PyListObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!KR_CHECK_NARGS("pop", nargs, 0, 1))
        return NULL;
    Py_ssize_t index = -1;
    if (nargs >= 1) {
        PyObject *iobj = PyNumber_Index(args[0]);
        if (iobj == NULL)
            return NULL;
        index = PyLong_AsSsize_t(iobj);
        Py_DECREF(iobj);
        if (index == -1 && PyErr_Occurred())
            return NULL;
    }
    if (Py_SIZE(self) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += Py_SIZE(self);
    if (!kr_valid_index(index, Py_SIZE(self))) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    PyObject **items = self->ob_item;
    PyObject *v = items[index];
    Py_ssize_t size_after_pop = Py_SIZE(self) - 1;
    if (size_after_pop == 0) {
        Py_INCREF(v);
        kr_list_clear_items(self);
        return v;
    }
    memmove(&items[index], &items[index + 1], (size_t)(size_after_pop - index) * sizeof(PyObject *));
    /* the popped reference moves to the caller; shrinking cannot fail
     * short of an allocator bug, and then the item is put back */
    if (kr_list_resize(self, size_after_pop) < 0) {
        memmove(&items[index + 1], &items[index], (size_t)(size_after_pop - index) * sizeof(PyObject *));
        items[index] = v;
        return NULL;
    }
    return v;
}

static PyObject *
kr_list_remove(PyListObject *self, PyObject *value)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *obj = Py_NewRef(self->ob_item[i]);
        int cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0) {
            if (kr_list_ass_slice(self, i, i + 1, NULL) == 0)
                Py_RETURN_NONE;
            return NULL;
        }
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static PyObject *
kr_list_index(PyListObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t start, stop;
    if (!KR_CHECK_NARGS("index", nargs, 1, 3))
        return NULL;
    if (kr_seq_index_bounds(args, nargs, Py_SIZE(self), &start, &stop) < 0)
        return NULL;
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(self); i++) {
        PyObject *obj = Py_NewRef(self->ob_item[i]);
        int cmp = PyObject_RichCompareBool(obj, args[0], Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in list", args[0]);
    return NULL;
}

static PyObject *
kr_list_count(PyListObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *obj = self->ob_item[i];
        if (obj == value) {
            count++;
            continue;
        }
        Py_INCREF(obj);
        int cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
kr_list_clear_meth(PyListObject *self, PyObject *unused)
{
    kr_list_clear_items(self);
    Py_RETURN_NONE;
}

static PyObject *
kr_list_copy(PyListObject *self, PyObject *unused)
{
    return kr_list_slice(self, 0, Py_SIZE(self));
}

static PyObject *
kr_list_reverse(PyListObject *self, PyObject *unused)
{
    if (Py_SIZE(self) > 1)
        kr_reverse_slice(self->ob_item, self->ob_item + Py_SIZE(self));
    Py_RETURN_NONE;
}

/* Sorts in place.  While sorting, the list looks empty (and `allocated`
 * is -1) so that a key function or a comparison that mutates the list is
 * detected afterwards. */
static int
kr_list_sort_impl(PyListObject *self, PyObject *keyfunc, int reverse)
{
    Py_ssize_t saved_size = Py_SIZE(self);
    Py_ssize_t saved_allocated = self->allocated;
    PyObject **saved_items = self->ob_item;
    PyObject **keys = NULL;
    Py_ssize_t nkeys = 0;
    int result = -1;

    Py_SET_SIZE(self, 0);
    self->ob_item = NULL;
    self->allocated = -1;

    if (keyfunc == NULL || keyfunc == Py_None) {
        keyfunc = NULL;
        keys = saved_items;
    }
    else if (saved_size > 0) {
        keys = (PyObject **)PyMem_Malloc((size_t)saved_size * sizeof(PyObject *));
        if (keys == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        for (nkeys = 0; nkeys < saved_size; nkeys++) {
            keys[nkeys] = PyObject_CallOneArg(keyfunc, saved_items[nkeys]);
            if (keys[nkeys] == NULL)
                goto done;
        }
    }
    if (saved_size > 1)
        result = kr_listsort_sort(keys, keyfunc ? saved_items : NULL, saved_size, reverse);
    else
        result = 0;
done:
    if (keyfunc != NULL) {
        for (Py_ssize_t i = 0; i < nkeys; i++)
            Py_DECREF(keys[i]);
        PyMem_Free(keys);
    }
    if (self->allocated != -1 && result >= 0) {
        PyErr_SetString(PyExc_ValueError, "list modified during sort");
        result = -1;
    }
    /* drop whatever was put into the list while it looked empty */
    PyObject **final_items = self->ob_item;
    Py_ssize_t i = Py_SIZE(self);
    Py_SET_SIZE(self, saved_size);
    self->ob_item = saved_items;
    self->allocated = saved_allocated;
    if (final_items != NULL) {
        while (--i >= 0)
            Py_XDECREF(final_items[i]);
        PyMem_Free(final_items);
    }
    return result;
}

int
PyList_Sort(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_list_sort_impl((PyListObject *)v, NULL, 0);
}

static PyObject *
kr_list_sort(PyListObject *self, PyObject *const *args, Py_ssize_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS((size_t)nargsf);
    if (nargs != 0) {
        PyErr_Format(PyExc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    PyObject *keyfunc = NULL;
    int reverse = 0;
    if (kwnames != NULL) {
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t i = 0; i < nkw; i++) {
            PyObject *name = PyTuple_GET_ITEM(kwnames, i);
            if (_PyUnicode_EqualToASCIIString(name, "key")) {
                keyfunc = args[i];
            }
            else if (_PyUnicode_EqualToASCIIString(name, "reverse")) {
                /* an int flag, as CPython parses it: None or 1.5 is refused */
                int overflow = 0;
                long r = PyLong_AsLongAndOverflow(args[i], &overflow);
                if (r == -1 && PyErr_Occurred())
                    return NULL;
                if (overflow || r > INT_MAX || r < INT_MIN) {
                    PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
                    return NULL;
                }
                reverse = r != 0;
            }
            else {
                PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for sort()", name);
                return NULL;
            }
        }
    }
    if (kr_list_sort_impl(self, keyfunc, reverse) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
kr_list_sizeof(PyListObject *self, PyObject *unused)
{
    size_t res = sizeof(PyListObject) + (size_t)self->allocated * sizeof(void *);
    return PyLong_FromSize_t(res);
}

static PyObject *kr_list_reversed(PyListObject *self, PyObject *unused);

static PyObject *
kr_list_class_getitem(PyObject *cls, PyObject *args)
{
    return Py_GenericAlias(cls, args);
}

static PyMethodDef kr_list_methods[] = {
    {"__getitem__", (PyCFunction)kr_list_subscript, METH_O | METH_COEXIST,
     "x.__getitem__(y) <==> x[y]"},
    {"__reversed__", (PyCFunction)kr_list_reversed, METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", (PyCFunction)kr_list_sizeof, METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", (PyCFunction)kr_list_clear_meth, METH_NOARGS, "Remove all items from list."},
    {"copy", (PyCFunction)kr_list_copy, METH_NOARGS, "Return a shallow copy of the list."},
    {"append", (PyCFunction)kr_list_append, METH_O, "Append object to the end of the list."},
    {"insert", _PyCFunction_CAST(kr_list_insert), METH_FASTCALL, "Insert object before index."},
    {"extend", (PyCFunction)kr_list_extend, METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", _PyCFunction_CAST(kr_list_pop), METH_FASTCALL,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", (PyCFunction)kr_list_remove, METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", _PyCFunction_CAST(kr_list_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (PyCFunction)kr_list_count, METH_O, "Return number of occurrences of value."},
    {"reverse", (PyCFunction)kr_list_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", _PyCFunction_CAST(kr_list_sort), METH_FASTCALL | METH_KEYWORDS,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {"__class_getitem__", kr_list_class_getitem, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PySequenceMethods kr_list_as_sequence = {
    .sq_length = (lenfunc)kr_list_length,
    .sq_concat = (binaryfunc)kr_list_concat,
    .sq_repeat = (ssizeargfunc)kr_list_repeat,
    .sq_item = (ssizeargfunc)kr_list_item,
    .sq_ass_item = (ssizeobjargproc)kr_list_ass_item,
    .sq_contains = (objobjproc)kr_list_contains,
    .sq_inplace_concat = (binaryfunc)kr_list_inplace_concat,
    .sq_inplace_repeat = (ssizeargfunc)kr_list_inplace_repeat,
};

static PyMappingMethods kr_list_as_mapping = {
    .mp_length = (lenfunc)kr_list_length,
    .mp_subscript = (binaryfunc)kr_list_subscript,
    .mp_ass_subscript = (objobjargproc)kr_list_ass_subscript,
};

static PyObject *kr_list_iter(PyObject *seq);

PyTypeObject PyList_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list",
    .tp_basicsize = sizeof(PyListObject),
    .tp_dealloc = (destructor)kr_list_dealloc,
    .tp_repr = (reprfunc)kr_list_repr,
    .tp_as_sequence = &kr_list_as_sequence,
    .tp_as_mapping = &kr_list_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_LIST_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_traverse = (traverseproc)kr_list_traverse,
    .tp_clear = (inquiry)kr_list_tp_clear,
    .tp_richcompare = kr_list_richcompare,
    .tp_iter = kr_list_iter,
    .tp_methods = kr_list_methods,
    .tp_init = kr_list_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_list_vectorcall,
};

/* ---- iterators: forward and reverse share the index-iterator layout ---- */

static PyObject *
kr_listiter_next(PyObject *self)
{
    kr_indexiter *it = (kr_indexiter *)self;
    PyListObject *seq = (PyListObject *)it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Py_SIZE(seq))
        return Py_NewRef(seq->ob_item[it->it_index++]);
    return kr_indexiter_finish(it);
}

PyTypeObject PyListIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(kr_indexiter),
    .tp_dealloc = kr_indexiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_indexiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_listiter_next,
    .tp_methods = kr_indexiter_methods,
};

static PyObject *
kr_list_iter(PyObject *seq)
{
    if (!PyList_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_indexiter_new(&PyListIter_Type, seq, 0);
}

static PyObject *
kr_listreviter_next(PyObject *self)
{
    kr_indexiter *it = (kr_indexiter *)self;
    PyListObject *seq = (PyListObject *)it->it_seq;
    if (seq == NULL)
        return NULL;
    Py_ssize_t index = it->it_index;
    if (index >= 0 && index < Py_SIZE(seq)) {
        it->it_index--;
        return Py_NewRef(seq->ob_item[index]);
    }
    it->it_index = -1;
    return kr_indexiter_finish(it);
}

static PyObject *
kr_listreviter_len(PyObject *self, PyObject *unused)
{
    kr_indexiter *it = (kr_indexiter *)self;
    Py_ssize_t len = it->it_index + 1;
    if (it->it_seq == NULL || Py_SIZE(it->it_seq) < len)
        len = 0;
    return PyLong_FromSsize_t(len);
}

/* (reversed, (list,), index); exhausted, it pickles as iter([]) like the
 * forward iterator. */
static PyObject *
kr_listreviter_reduce(PyObject *self, PyObject *unused)
{
    kr_indexiter *it = (kr_indexiter *)self;
    if (it->it_seq == NULL) {
        PyObject *iter = kr_builtin_iter();
        return iter == NULL ? NULL : Py_BuildValue("O(N)", iter, PyList_New(0));
    }
    PyObject *reversed = PyDict_GetItemString(kr_context_get()->builtins, "reversed");
    if (reversed == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost builtins.reversed");
        return NULL;
    }
    return Py_BuildValue("O(O)n", reversed, it->it_seq, it->it_index);
}

/* A reverse position is clamped into [-1, len-1]. */
static PyObject *
kr_listreviter_setstate(PyObject *self, PyObject *state)
{
    kr_indexiter *it = (kr_indexiter *)self;
    Py_ssize_t index;
    if (kr_indexiter_state_index(state, &index) < 0)
        return NULL;
    if (it->it_seq != NULL) {
        Py_ssize_t last = Py_SIZE(it->it_seq) - 1;
        it->it_index = index < -1 ? -1 : index > last ? last : index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef kr_listreviter_methods[] = {
    {"__length_hint__", kr_listreviter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", kr_listreviter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", kr_listreviter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyListRevIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(kr_indexiter),
    .tp_dealloc = kr_indexiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_indexiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_listreviter_next,
    .tp_methods = kr_listreviter_methods,
};

static PyObject *
kr_list_reversed(PyListObject *self, PyObject *unused)
{
    return kr_indexiter_new(&PyListRevIter_Type, (PyObject *)self, Py_SIZE(self) - 1);
}
