/* combinatorics.c: product, permutations, combinations and
 * combinations_with_replacement.
 *
 * Each keeps its pool(s) as tuples, a C array of indices and the last
 * result tuple.  When the caller has dropped that tuple (its only
 * reference is ours) the next result is written into it in place, so a
 * loop over product() allocates nothing per step; otherwise it is copied
 * first. */
#include "internal.h"
#include "modules/itertools/itertools.h"

/* The result tuple made writable: reused when we hold the only reference,
 * else replaced by a copy.  Returns it (borrowed; *slot owns it), or NULL. */
static PyObject *
kr_comb_writable_result(PyObject **slot)
{
    PyObject *result = *slot;
    if (Py_REFCNT(result) > 1) {
        PyObject *copy = _PyTuple_FromArray(_PyTuple_ITEMS(result), PyTuple_GET_SIZE(result));
        if (copy == NULL)
            return NULL;
        Py_SETREF(*slot, copy);
        return copy;
    }
    /* the collector may have untracked a tuple of untracked items */
    if (!PyObject_GC_IsTracked(result))
        PyObject_GC_Track(result);
    return result;
}

/* Puts item (a new reference is taken) at result[i]. */
static inline void
kr_comb_set(PyObject *result, Py_ssize_t i, PyObject *item)
{
    PyObject *old = PyTuple_GET_ITEM(result, i);
    PyTuple_SET_ITEM(result, i, Py_NewRef(item));
    Py_DECREF(old);
}

/* A new tuple of pool[indices[0..r)]. */
static PyObject *
kr_comb_gather(PyObject *pool, const Py_ssize_t *indices, Py_ssize_t r)
{
    PyObject *result = PyTuple_New(r);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < r; i++)
        PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, indices[i])));
    return result;
}

/* A tuple of Python ints from indices[0..n). */
static PyObject *
kr_comb_index_tuple(const Py_ssize_t *indices, Py_ssize_t n)
{
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(indices[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* The state tuple check of the setstate methods below. */
static int
kr_comb_check_state(PyObject *state, Py_ssize_t n)
{
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) != n) {
        PyErr_SetString(PyExc_ValueError, "invalid arguments");
        return -1;
    }
    return 0;
}

/* ---- product ---- */

typedef struct {
    PyObject_HEAD
    PyObject *pools;       /* tuple of pool tuples */
    PyObject *result;      /* last result, or NULL before the first */
    Py_ssize_t *indices;
    int stopped;
} kr_product;

static PyObject *
product_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t repeat = 1;
    if (kwds != NULL) {
        static char *kwlist[] = {"repeat", NULL};
        PyObject *empty = PyTuple_New(0);
        if (empty == NULL)
            return NULL;
        int ok = PyArg_ParseTupleAndKeywords(empty, kwds, "|n:product", kwlist, &repeat);
        Py_DECREF(empty);
        if (!ok)
            return NULL;
        if (repeat < 0) {
            PyErr_SetString(PyExc_ValueError, "repeat argument cannot be negative");
            return NULL;
        }
    }
    Py_ssize_t nargs = repeat == 0 ? 0 : PyTuple_GET_SIZE(args);
    if (repeat != 0 && (size_t)nargs > PY_SSIZE_T_MAX / sizeof(Py_ssize_t) / (size_t)repeat) {
        PyErr_SetString(PyExc_OverflowError, "repeat argument too large");
        return NULL;
    }
    Py_ssize_t npools = nargs * repeat;
    Py_ssize_t *indices = PyMem_New(Py_ssize_t, npools > 0 ? npools : 1);
    if (indices == NULL)
        return PyErr_NoMemory();
    PyObject *pools = PyTuple_New(npools);
    if (pools == NULL)
        goto error;
    Py_ssize_t i;
    for (i = 0; i < nargs; i++) {
        PyObject *pool = PySequence_Tuple(PyTuple_GET_ITEM(args, i));
        if (pool == NULL)
            goto error;
        PyTuple_SET_ITEM(pools, i, pool);
        indices[i] = 0;
    }
    for (; i < npools; i++) {
        PyTuple_SET_ITEM(pools, i, Py_NewRef(PyTuple_GET_ITEM(pools, i - nargs)));
        indices[i] = 0;
    }
    kr_product *lz = (kr_product *)type->tp_alloc(type, 0);
    if (lz == NULL)
        goto error;
    lz->pools = pools;
    lz->indices = indices;
    lz->result = NULL;
    lz->stopped = 0;
    return (PyObject *)lz;
error:
    PyMem_Free(indices);
    Py_XDECREF(pools);
    return NULL;
}

static void
product_dealloc(kr_product *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->pools);
    Py_XDECREF(lz->result);
    PyMem_Free(lz->indices);
    Py_TYPE(lz)->tp_free(lz);
}

static int
product_traverse(kr_product *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->pools);
    Py_VISIT(lz->result);
    return 0;
}

static PyObject *
product_next(kr_product *lz)
{
    if (lz->stopped)
        return NULL;
    PyObject *pools = lz->pools;
    Py_ssize_t npools = PyTuple_GET_SIZE(pools);
    PyObject *result = lz->result;
    if (result == NULL) {
        /* the first result: the first element of every pool */
        result = PyTuple_New(npools);
        if (result == NULL)
            goto empty;
        lz->result = result;
        for (Py_ssize_t i = 0; i < npools; i++) {
            PyObject *pool = PyTuple_GET_ITEM(pools, i);
            if (PyTuple_GET_SIZE(pool) == 0)
                goto empty;
            PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, 0)));
        }
    }
    else {
        Py_ssize_t *indices = lz->indices;
        result = kr_comb_writable_result(&lz->result);
        if (result == NULL)
            goto empty;
        /* advance the rightmost pool; carry leftwards on roll-over */
        Py_ssize_t i;
        for (i = npools - 1; i >= 0; i--) {
            PyObject *pool = PyTuple_GET_ITEM(pools, i);
            indices[i]++;
            if (indices[i] == PyTuple_GET_SIZE(pool)) {
                indices[i] = 0;
                kr_comb_set(result, i, PyTuple_GET_ITEM(pool, 0));
            }
            else {
                kr_comb_set(result, i, PyTuple_GET_ITEM(pool, indices[i]));
                break;
            }
        }
        if (i < 0)
            goto empty;
    }
    return Py_NewRef(result);
empty:
    lz->stopped = 1;
    return NULL;
}

static PyObject *
product_reduce(kr_product *lz, PyObject *unused)
{
    if (lz->stopped)
        return Py_BuildValue("O(())", Py_TYPE(lz));
    if (lz->result == NULL)
        return Py_BuildValue("OO", Py_TYPE(lz), lz->pools);
    PyObject *indices = kr_comb_index_tuple(lz->indices, PyTuple_GET_SIZE(lz->pools));
    if (indices == NULL)
        return NULL;
    return Py_BuildValue("OON", Py_TYPE(lz), lz->pools, indices);
}

static PyObject *
product_setstate(kr_product *lz, PyObject *state)
{
    Py_ssize_t n = PyTuple_GET_SIZE(lz->pools);
    if (kr_comb_check_state(state, n) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t index = PyLong_AsSsize_t(PyTuple_GET_ITEM(state, i));
        if (index == -1 && PyErr_Occurred())
            return NULL;
        Py_ssize_t poolsize = PyTuple_GET_SIZE(PyTuple_GET_ITEM(lz->pools, i));
        if (poolsize == 0) {
            lz->stopped = 1;
            Py_RETURN_NONE;
        }
        if (index < 0)
            index = 0;
        else if (index > poolsize - 1)
            index = poolsize - 1;
        lz->indices[i] = index;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pool = PyTuple_GET_ITEM(lz->pools, i);
        PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, lz->indices[i])));
    }
    Py_XSETREF(lz->result, result);
    Py_RETURN_NONE;
}

static PyObject *
product_sizeof(kr_product *lz, PyObject *unused)
{
    return PyLong_FromSsize_t((Py_ssize_t)(Py_TYPE(lz)->tp_basicsize +
                              PyTuple_GET_SIZE(lz->pools) * sizeof(Py_ssize_t)));
}

static PyMethodDef product_methods[] = {
    {"__reduce__", (PyCFunction)product_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)product_setstate, METH_O, "Set state information for unpickling."},
    {"__sizeof__", (PyCFunction)product_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_product_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.product",
    .tp_basicsize = sizeof(kr_product),
    .tp_dealloc = (destructor)product_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "product(*iterables, repeat=1) --> product object\n\n"
              "Cartesian product of input iterables.  Equivalent to nested for-loops.\n\n"
              "For example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\n"
              "The leftmost iterators are in the outermost for-loop, so the output tuples\n"
              "cycle in a manner similar to an odometer (with the rightmost element changing\n"
              "on every iteration).\n\n"
              "To compute the product of an iterable with itself, specify the number\n"
              "of repetitions with the optional repeat keyword argument. For example,\n"
              "product(A, repeat=4) means the same as product(A, A, A, A).\n\n"
              "product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\n"
              "product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...",
    .tp_traverse = (traverseproc)product_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)product_next,
    .tp_methods = product_methods,
    .tp_new = product_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- combinations, combinations_with_replacement, permutations ---- */

/* One layout for the three: a pool, r, the indices (len n for
 * permutations, r for the others), permutations' cycles, the result. */
typedef struct {
    PyObject_HEAD
    PyObject *pool;
    PyObject *result;
    Py_ssize_t *indices;
    Py_ssize_t *cycles;    /* permutations only */
    Py_ssize_t r;
    int stopped;
} kr_comb;

static void
comb_dealloc(kr_comb *co)
{
    PyObject_GC_UnTrack(co);
    Py_XDECREF(co->pool);
    Py_XDECREF(co->result);
    PyMem_Free(co->indices);
    PyMem_Free(co->cycles);
    Py_TYPE(co)->tp_free(co);
}

static int
comb_traverse(kr_comb *co, visitproc visit, void *arg)
{
    Py_VISIT(co->pool);
    Py_VISIT(co->result);
    return 0;
}

/* Allocates the object with the pool taken from iterable and room for
 * nindices indices (and r cycles when with_cycles). */
static kr_comb *
comb_alloc(PyTypeObject *type, PyObject *pool, Py_ssize_t r, Py_ssize_t nindices,
           int with_cycles)
{
    Py_ssize_t *indices = PyMem_New(Py_ssize_t, nindices > 0 ? nindices : 1);
    Py_ssize_t *cycles = with_cycles ? PyMem_New(Py_ssize_t, r > 0 ? r : 1) : NULL;
    if (indices == NULL || (with_cycles && cycles == NULL)) {
        PyMem_Free(indices);
        PyMem_Free(cycles);
        Py_DECREF(pool);
        PyErr_NoMemory();
        return NULL;
    }
    kr_comb *co = (kr_comb *)type->tp_alloc(type, 0);
    if (co == NULL) {
        PyMem_Free(indices);
        PyMem_Free(cycles);
        Py_DECREF(pool);
        return NULL;
    }
    co->pool = pool;
    co->result = NULL;
    co->indices = indices;
    co->cycles = cycles;
    co->r = r;
    co->stopped = 0;
    return co;
}

/* Parses (iterable, r) for combinations and cwr. */
static PyObject *
comb_parse(PyObject *args, PyObject *kwds, const char *fmt, Py_ssize_t *r)
{
    static char *kwlist[] = {"iterable", "r", NULL};
    PyObject *iterable;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &iterable, r))
        return NULL;
    if (*r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        return NULL;
    }
    return PySequence_Tuple(iterable);
}

static PyObject *
combinations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t r;
    PyObject *pool = comb_parse(args, kwds, "On:combinations", &r);
    if (pool == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    kr_comb *co = comb_alloc(type, pool, r, r, 0);
    if (co == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < r; i++)
        co->indices[i] = i;
    co->stopped = r > n;
    return (PyObject *)co;
}

static PyObject *
combinations_next(kr_comb *co)
{
    if (co->stopped)
        return NULL;
    PyObject *pool = co->pool;
    Py_ssize_t *indices = co->indices;
    Py_ssize_t n = PyTuple_GET_SIZE(pool), r = co->r;
    PyObject *result;
    if (co->result == NULL) {
        co->result = kr_comb_gather(pool, indices, r);
        if (co->result == NULL)
            goto empty;
        result = co->result;
    }
    else {
        result = kr_comb_writable_result(&co->result);
        if (result == NULL)
            goto empty;
        /* the rightmost index not at its maximum (i + n - r) */
        Py_ssize_t i;
        for (i = r - 1; i >= 0 && indices[i] == i + n - r; i--)
            ;
        if (i < 0)
            goto empty;
        indices[i]++;
        for (Py_ssize_t j = i + 1; j < r; j++)
            indices[j] = indices[j - 1] + 1;
        for (; i < r; i++)
            kr_comb_set(result, i, PyTuple_GET_ITEM(pool, indices[i]));
    }
    return Py_NewRef(result);
empty:
    co->stopped = 1;
    return NULL;
}

static PyObject *
comb_reduce(kr_comb *co, PyObject *unused)
{
    if (co->result == NULL)
        return Py_BuildValue("O(On)", Py_TYPE(co), co->pool, co->r);
    if (co->stopped)
        return Py_BuildValue("O(()n)", Py_TYPE(co), co->r);
    PyObject *indices = kr_comb_index_tuple(co->indices, co->r);
    if (indices == NULL)
        return NULL;
    return Py_BuildValue("O(On)N", Py_TYPE(co), co->pool, co->r, indices);
}

/* Reads the r indices of state, clamping index i into [0, max(i)]. */
static int
comb_read_indices(kr_comb *co, PyObject *state, int with_replacement)
{
    Py_ssize_t n = PyTuple_GET_SIZE(co->pool);
    if (kr_comb_check_state(state, co->r) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < co->r; i++) {
        Py_ssize_t index = PyLong_AsSsize_t(PyTuple_GET_ITEM(state, i));
        if (index == -1 && PyErr_Occurred())
            return -1;
        Py_ssize_t max = with_replacement ? n - 1 : i + n - co->r;
        if (index > max)
            index = max;
        if (index < 0)
            index = 0;
        co->indices[i] = index;
    }
    if (n == 0 && co->r > 0) {
        co->stopped = 1;   /* nothing to index */
        return 0;
    }
    PyObject *result = kr_comb_gather(co->pool, co->indices, co->r);
    if (result == NULL)
        return -1;
    Py_XSETREF(co->result, result);
    return 0;
}

static PyObject *
combinations_setstate(kr_comb *co, PyObject *state)
{
    if (comb_read_indices(co, state, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
comb_sizeof(kr_comb *co, PyObject *unused)
{
    Py_ssize_t n = co->cycles ? PyTuple_GET_SIZE(co->pool) + co->r : co->r;
    return PyLong_FromSsize_t((Py_ssize_t)(Py_TYPE(co)->tp_basicsize + n * sizeof(Py_ssize_t)));
}

static PyMethodDef combinations_methods[] = {
    {"__reduce__", (PyCFunction)comb_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)combinations_setstate, METH_O, "Set state information for unpickling."},
    {"__sizeof__", (PyCFunction)comb_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static PyObject *
cwr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t r;
    PyObject *pool = comb_parse(args, kwds, "On:combinations_with_replacement", &r);
    if (pool == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    kr_comb *co = comb_alloc(type, pool, r, r, 0);
    if (co == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < r; i++)
        co->indices[i] = 0;
    co->stopped = n == 0 && r > 0;
    return (PyObject *)co;
}

static PyObject *
cwr_next(kr_comb *co)
{
    if (co->stopped)
        return NULL;
    PyObject *pool = co->pool;
    Py_ssize_t *indices = co->indices;
    Py_ssize_t n = PyTuple_GET_SIZE(pool), r = co->r;
    PyObject *result;
    if (co->result == NULL) {
        co->result = kr_comb_gather(pool, indices, n > 0 ? r : 0);
        if (co->result == NULL)
            goto empty;
        result = co->result;
    }
    else {
        result = kr_comb_writable_result(&co->result);
        if (result == NULL)
            goto empty;
        /* the rightmost index not at its maximum (n - 1) */
        Py_ssize_t i;
        for (i = r - 1; i >= 0 && indices[i] == n - 1; i--)
            ;
        if (i < 0)
            goto empty;
        Py_ssize_t index = indices[i] + 1;
        PyObject *elem = PyTuple_GET_ITEM(pool, index);
        for (; i < r; i++) {
            indices[i] = index;
            kr_comb_set(result, i, elem);
        }
    }
    return Py_NewRef(result);
empty:
    co->stopped = 1;
    return NULL;
}

static PyObject *
cwr_setstate(kr_comb *co, PyObject *state)
{
    if (comb_read_indices(co, state, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef cwr_methods[] = {
    {"__reduce__", (PyCFunction)comb_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)cwr_setstate, METH_O, "Set state information for unpickling."},
    {"__sizeof__", (PyCFunction)comb_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static PyObject *
permutations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "r", NULL};
    PyObject *iterable, *robj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:permutations", kwlist, &iterable, &robj))
        return NULL;
    PyObject *pool = PySequence_Tuple(iterable);
    if (pool == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(pool), r = n;
    if (robj != Py_None) {
        if (!PyLong_Check(robj)) {
            PyErr_SetString(PyExc_TypeError, "Expected int as r");
            Py_DECREF(pool);
            return NULL;
        }
        r = PyLong_AsSsize_t(robj);
        if (r == -1 && PyErr_Occurred()) {
            Py_DECREF(pool);
            return NULL;
        }
    }
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        Py_DECREF(pool);
        return NULL;
    }
    kr_comb *po = comb_alloc(type, pool, r, n, 1);
    if (po == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        po->indices[i] = i;
    for (Py_ssize_t i = 0; i < r && i < n; i++)
        po->cycles[i] = n - i;
    po->stopped = r > n;
    return (PyObject *)po;
}

static PyObject *
permutations_next(kr_comb *po)
{
    if (po->stopped)
        return NULL;
    PyObject *pool = po->pool;
    Py_ssize_t *indices = po->indices, *cycles = po->cycles;
    Py_ssize_t n = PyTuple_GET_SIZE(pool), r = po->r;
    PyObject *result;
    if (po->result == NULL) {
        po->result = kr_comb_gather(pool, indices, r);
        if (po->result == NULL)
            goto empty;
        result = po->result;
    }
    else {
        if (n == 0)
            goto empty;
        result = kr_comb_writable_result(&po->result);
        if (result == NULL)
            goto empty;
        /* decrement the rightmost cycle, moving left on roll-over */
        Py_ssize_t i;
        for (i = r - 1; i >= 0; i--) {
            cycles[i] -= 1;
            if (cycles[i] == 0) {
                /* indices[i:] = indices[i+1:] + indices[i:i+1] */
                Py_ssize_t index = indices[i];
                for (Py_ssize_t j = i; j < n - 1; j++)
                    indices[j] = indices[j + 1];
                indices[n - 1] = index;
                cycles[i] = n - i;
            }
            else {
                Py_ssize_t j = cycles[i];
                Py_ssize_t index = indices[i];
                indices[i] = indices[n - j];
                indices[n - j] = index;
                for (Py_ssize_t k = i; k < r; k++)
                    kr_comb_set(result, k, PyTuple_GET_ITEM(pool, indices[k]));
                break;
            }
        }
        if (i < 0)
            goto empty;
    }
    return Py_NewRef(result);
empty:
    po->stopped = 1;
    return NULL;
}

static PyObject *
permutations_reduce(kr_comb *po, PyObject *unused)
{
    if (po->result == NULL)
        return Py_BuildValue("O(On)", Py_TYPE(po), po->pool, po->r);
    if (po->stopped)
        return Py_BuildValue("O(()n)", Py_TYPE(po), po->r);
    PyObject *indices = kr_comb_index_tuple(po->indices, PyTuple_GET_SIZE(po->pool));
    if (indices == NULL)
        return NULL;
    PyObject *cycles = kr_comb_index_tuple(po->cycles, po->r);
    if (cycles == NULL) {
        Py_DECREF(indices);
        return NULL;
    }
    return Py_BuildValue("O(On)(NN)", Py_TYPE(po), po->pool, po->r, indices, cycles);
}

static PyObject *
permutations_setstate(kr_comb *po, PyObject *state)
{
    PyObject *indices, *cycles;
    Py_ssize_t n = PyTuple_GET_SIZE(po->pool);
    if (!PyArg_ParseTuple(state, "O!O!", &PyTuple_Type, &indices, &PyTuple_Type, &cycles))
        return NULL;
    if (PyTuple_GET_SIZE(indices) != n || PyTuple_GET_SIZE(cycles) != po->r) {
        PyErr_SetString(PyExc_ValueError, "invalid arguments");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t index = PyLong_AsSsize_t(PyTuple_GET_ITEM(indices, i));
        if (index == -1 && PyErr_Occurred())
            return NULL;
        if (index < 0)
            index = 0;
        else if (index > n - 1)
            index = n - 1;
        po->indices[i] = index;
    }
    for (Py_ssize_t i = 0; i < po->r; i++) {
        Py_ssize_t index = PyLong_AsSsize_t(PyTuple_GET_ITEM(cycles, i));
        if (index == -1 && PyErr_Occurred())
            return NULL;
        if (index < 1)
            index = 1;
        else if (index > n - i)
            index = n - i;
        po->cycles[i] = index;
    }
    if (po->r > n) {
        po->stopped = 1;
        Py_RETURN_NONE;
    }
    PyObject *result = kr_comb_gather(po->pool, po->indices, po->r);
    if (result == NULL)
        return NULL;
    Py_XSETREF(po->result, result);
    Py_RETURN_NONE;
}

static PyMethodDef permutations_methods[] = {
    {"__reduce__", (PyCFunction)permutations_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)permutations_setstate, METH_O, "Set state information for unpickling."},
    {"__sizeof__", (PyCFunction)comb_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

#define KR_COMB_TYPE(cname, pyname, doc)                                   \
    PyTypeObject kr_##cname##_type = {                                     \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                             \
        .tp_name = "itertools." pyname,                                    \
        .tp_basicsize = sizeof(kr_comb),                                   \
        .tp_dealloc = (destructor)comb_dealloc,                            \
        .tp_getattro = PyObject_GenericGetAttr,                            \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, \
        .tp_doc = doc,                                                     \
        .tp_traverse = (traverseproc)comb_traverse,                        \
        .tp_iter = PyObject_SelfIter,                                      \
        .tp_iternext = (iternextfunc)cname##_next,                         \
        .tp_methods = cname##_methods,                                     \
        .tp_new = cname##_new,                                             \
        .tp_free = PyObject_GC_Del,                                        \
    };

KR_COMB_TYPE(combinations, "combinations",
             "combinations(iterable, r)\n--\n\n"
             "Return successive r-length combinations of elements in the iterable.\n\n"
             "combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)")
KR_COMB_TYPE(cwr, "combinations_with_replacement",
             "combinations_with_replacement(iterable, r)\n--\n\n"
             "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\n"
             "combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')")
KR_COMB_TYPE(permutations, "permutations",
             "permutations(iterable, r=None)\n--\n\n"
             "Return successive r-length permutations of elements in the iterable.\n\n"
             "permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)")
