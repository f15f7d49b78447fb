/* chaining.c: the itertools that join, cut or pair input streams: chain,
 * islice, pairwise and zip_longest.  chain and islice sit on hot paths of
 * real programs, so their next functions call tp_iternext directly. */
#include "internal.h"
#include "objects/str_ids.h"
#include "modules/itertools/itertools.h"

/* ---- chain ---- */

typedef struct {
    PyObject_HEAD
    PyObject *source;   /* iterator over the iterables; NULL when done */
    PyObject *active;   /* iterator being consumed, or NULL */
} kr_chain;

KR_IT_FIELD_FUNCS(chain, kr_chain, source, 2)

static PyObject *
chain_make(PyTypeObject *type, PyObject *source)
{
    kr_chain *lz = (kr_chain *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(source);
        return NULL;
    }
    lz->source = source;
    lz->active = NULL;
    return (PyObject *)lz;
}

static PyObject *
chain_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &kr_chain_type || type->tp_init == kr_chain_type.tp_init) &&
        !_PyArg_NoKeywords("chain", kwds))
        return NULL;
    PyObject *source = PyObject_GetIter(args);
    if (source == NULL)
        return NULL;
    return chain_make(type, source);
}

static PyObject *
chain_from_iterable(PyObject *type, PyObject *arg)
{
    PyObject *source = PyObject_GetIter(arg);
    if (source == NULL)
        return NULL;
    return chain_make((PyTypeObject *)type, source);
}

static PyObject *
chain_next(kr_chain *lz)
{
    while (lz->source != NULL) {
        if (lz->active == NULL) {
            PyObject *iterable = PyIter_Next(lz->source);
            if (iterable == NULL) {
                Py_CLEAR(lz->source);
                return NULL;
            }
            lz->active = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            if (lz->active == NULL) {
                Py_CLEAR(lz->source);
                return NULL;
            }
        }
        PyObject *item = Py_TYPE(lz->active)->tp_iternext(lz->active);
        if (item != NULL)
            return item;
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
        Py_CLEAR(lz->active);
    }
    return NULL;
}

static PyObject *
chain_reduce(kr_chain *lz, PyObject *unused)
{
    if (lz->source == NULL)
        return Py_BuildValue("O()", Py_TYPE(lz));
    if (lz->active != NULL)
        return Py_BuildValue("O()(OO)", Py_TYPE(lz), lz->source, lz->active);
    return Py_BuildValue("O()(O)", Py_TYPE(lz), lz->source);
}

static PyObject *
chain_setstate(kr_chain *lz, PyObject *state)
{
    PyObject *source, *active = NULL;
    if (kr_itertools_check_state_tuple(state) < 0)
        return NULL;
    if (!PyArg_ParseTuple(state, "O|O", &source, &active))
        return NULL;
    if (!PyIter_Check(source) || (active != NULL && !PyIter_Check(active))) {
        PyErr_SetString(PyExc_TypeError, "Arguments must be iterators.");
        return NULL;
    }
    Py_XSETREF(lz->source, Py_NewRef(source));
    Py_XSETREF(lz->active, Py_XNewRef(active));
    Py_RETURN_NONE;
}

static PyMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_O | METH_CLASS,
     "from_iterable($type, iterable, /)\n--\n\n"
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__reduce__", (PyCFunction)chain_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)chain_setstate, METH_O, "Set state information for unpickling."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_chain_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.chain",
    .tp_basicsize = sizeof(kr_chain),
    .tp_dealloc = chain_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "chain(*iterables) --> chain object\n\n"
              "Return a chain object whose .__next__() method returns elements from the\n"
              "first iterable until it is exhausted, then elements from the next\n"
              "iterable, until all of the iterables are exhausted.",
    .tp_traverse = chain_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)chain_next,
    .tp_methods = chain_methods,
    .tp_new = chain_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- islice ---- */

typedef struct {
    PyObject_HEAD
    PyObject *it;        /* NULL once exhausted */
    Py_ssize_t next;     /* index of the next item to return */
    Py_ssize_t stop;     /* -1: no stop */
    Py_ssize_t step;
    Py_ssize_t cnt;      /* items consumed from it */
} kr_islice;

KR_IT_FIELD_FUNCS(islice, kr_islice, it, 1)

static const char kr_islice_stop_msg[] =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/* A stop/start/step argument: None keeps *out; anything that is not an
 * index leaves -1 there.  Never fails: the caller judges the value. */
static void
islice_index(PyObject *arg, Py_ssize_t *out)
{
    if (arg == Py_None)
        return;
    *out = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (*out == -1 && PyErr_Occurred())
        PyErr_Clear();
}

static PyObject *
islice_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *seq, *a1 = NULL, *a2 = NULL, *a3 = NULL;
    Py_ssize_t start = 0, stop = -1, step = 1;
    if ((type == &kr_islice_type || type->tp_init == kr_islice_type.tp_init) &&
        !_PyArg_NoKeywords("islice", kwds))
        return NULL;
    if (!PyArg_UnpackTuple(args, "islice", 2, 4, &seq, &a1, &a2, &a3))
        return NULL;
    if (PyTuple_GET_SIZE(args) == 2) {
        islice_index(a1, &stop);
        if (a1 != Py_None && stop == -1) {
            PyErr_SetString(PyExc_ValueError, kr_islice_stop_msg);
            return NULL;
        }
    }
    else {
        if (a1 != Py_None) {
            start = -1;
            islice_index(a1, &start);
        }
        islice_index(a2, &stop);
        if (a2 != Py_None && stop == -1) {
            PyErr_SetString(PyExc_ValueError, kr_islice_stop_msg);
            return NULL;
        }
    }
    if (start < 0 || stop < -1) {
        PyErr_SetString(PyExc_ValueError,
                        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        return NULL;
    }
    if (a3 != NULL && a3 != Py_None) {
        step = -1;
        islice_index(a3, &step);
    }
    if (step < 1) {
        PyErr_SetString(PyExc_ValueError, "Step for islice() must be a positive integer or None.");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    kr_islice *lz = (kr_islice *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->it = it;
    lz->next = start;
    lz->stop = stop;
    lz->step = step;
    lz->cnt = 0;
    return (PyObject *)lz;
}

static PyObject *
islice_next(kr_islice *lz)
{
    PyObject *it = lz->it;
    if (it == NULL)
        return NULL;
    iternextfunc next = Py_TYPE(it)->tp_iternext;
    Py_ssize_t stop = lz->stop;
    PyObject *item;
    while (lz->cnt < lz->next) {
        item = next(it);
        if (item == NULL)
            goto empty;
        Py_DECREF(item);
        lz->cnt++;
    }
    if (stop != -1 && lz->cnt >= stop)
        goto empty;
    item = next(it);
    if (item == NULL)
        goto empty;
    lz->cnt++;
    Py_ssize_t oldnext = lz->next;
    /* unsigned addition: an overflow wraps instead of being undefined */
    lz->next = (Py_ssize_t)((size_t)lz->next + (size_t)lz->step);
    if (lz->next < oldnext || (stop != -1 && lz->next > stop))
        lz->next = stop;
    return item;
empty:
    Py_CLEAR(lz->it);
    return NULL;
}

static PyObject *
islice_reduce(kr_islice *lz, PyObject *unused)
{
    if (lz->it == NULL) {
        PyObject *empty = PyList_New(0);
        if (empty == NULL)
            return NULL;
        PyObject *empty_it = PyObject_GetIter(empty);
        Py_DECREF(empty);
        if (empty_it == NULL)
            return NULL;
        return Py_BuildValue("O(Nn)n", Py_TYPE(lz), empty_it, (Py_ssize_t)0, (Py_ssize_t)0);
    }
    PyObject *stop = lz->stop == -1 ? Py_NewRef(Py_None) : PyLong_FromSsize_t(lz->stop);
    if (stop == NULL)
        return NULL;
    return Py_BuildValue("O(OnNn)n", Py_TYPE(lz), lz->it, lz->next, stop, lz->step, lz->cnt);
}

static PyObject *
islice_setstate(kr_islice *lz, PyObject *state)
{
    Py_ssize_t cnt = PyLong_AsSsize_t(state);
    if (cnt == -1 && PyErr_Occurred())
        return NULL;
    lz->cnt = cnt;
    Py_RETURN_NONE;
}

static PyMethodDef islice_methods[] = {
    {"__reduce__", (PyCFunction)islice_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)islice_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_islice_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.islice",
    .tp_basicsize = sizeof(kr_islice),
    .tp_dealloc = islice_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "islice(iterable, stop) --> islice object\n"
              "islice(iterable, start, stop[, step]) --> islice object\n\n"
              "Return an iterator whose next() method returns selected values from an\n"
              "iterable.  If start is specified, will skip all preceding elements;\n"
              "otherwise, start defaults to zero.  Step defaults to one.  If\n"
              "specified as another value, step determines how many values are\n"
              "skipped between successive calls.  Works like a slice() on a list\n"
              "but returns an iterator.",
    .tp_traverse = islice_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)islice_next,
    .tp_methods = islice_methods,
    .tp_new = islice_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- pairwise ---- */

typedef struct {
    PyObject_HEAD
    PyObject *it;    /* NULL once exhausted */
    PyObject *old;   /* the previous item, or NULL before the first */
} kr_pairwise;

KR_IT_FIELD_FUNCS(pairwise, kr_pairwise, it, 2)

static PyObject *
pairwise_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kr_itertools_fixed_args(type, &kr_pairwise_type, "pairwise", args, kwds, 1) < 0)
        return NULL;
    PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, 0));
    if (it == NULL)
        return NULL;
    kr_pairwise *po = (kr_pairwise *)type->tp_alloc(type, 0);
    if (po == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    po->it = it;
    po->old = NULL;
    return (PyObject *)po;
}

static PyObject *
pairwise_next(kr_pairwise *po)
{
    PyObject *it = po->it;
    if (it == NULL)
        return NULL;
    if (po->old == NULL) {
        po->old = Py_TYPE(it)->tp_iternext(it);
        if (po->old == NULL) {
            Py_CLEAR(po->it);
            return NULL;
        }
    }
    PyObject *new = Py_TYPE(it)->tp_iternext(it);
    if (new == NULL) {
        Py_CLEAR(po->it);
        Py_CLEAR(po->old);
        return NULL;
    }
    /* po->old may have been replaced by a reentrant call meanwhile */
    PyObject *old = po->old;
    if (old == NULL) {
        Py_DECREF(new);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, old, new);
    Py_SETREF(po->old, new);
    return result;
}

PyTypeObject kr_pairwise_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.pairwise",
    .tp_basicsize = sizeof(kr_pairwise),
    .tp_dealloc = pairwise_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "pairwise(iterable, /)\n--\n\n"
              "Return an iterator of overlapping pairs taken from the input iterator.\n\n"
              "    s -> (s0,s1), (s1,s2), (s2, s3), ...",
    .tp_traverse = pairwise_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)pairwise_next,
    .tp_new = pairwise_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- zip_longest ---- */

typedef struct {
    PyObject_HEAD
    PyObject *fillvalue;
    Py_ssize_t size;       /* number of input iterators */
    Py_ssize_t numactive;  /* those not yet exhausted */
    PyObject **iters;      /* size entries; NULL once that one is exhausted */
} kr_zip_longest;

static PyObject *
zip_longest_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fillvalue = Py_None;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        fillvalue = NULL;
        if (PyDict_GET_SIZE(kwds) == 1)
            fillvalue = PyDict_GetItemWithError(kwds, KR_ID(fillvalue));
        if (fillvalue == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "zip_longest() got an unexpected keyword argument");
            return NULL;
        }
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject **iters = PyMem_New(PyObject *, n > 0 ? n : 1);
    if (iters == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        iters[i] = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (iters[i] == NULL) {
            while (--i >= 0)
                Py_DECREF(iters[i]);
            PyMem_Free(iters);
            return NULL;
        }
    }
    kr_zip_longest *lz = (kr_zip_longest *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(iters[i]);
        PyMem_Free(iters);
        return NULL;
    }
    lz->fillvalue = Py_NewRef(fillvalue);
    lz->size = n;
    lz->numactive = n;
    lz->iters = iters;
    return (PyObject *)lz;
}

static void
zip_longest_dealloc(kr_zip_longest *lz)
{
    PyObject_GC_UnTrack(lz);
    for (Py_ssize_t i = 0; i < lz->size; i++)
        Py_XDECREF(lz->iters[i]);
    PyMem_Free(lz->iters);
    Py_XDECREF(lz->fillvalue);
    Py_TYPE(lz)->tp_free(lz);
}

static int
zip_longest_traverse(kr_zip_longest *lz, visitproc visit, void *arg)
{
    for (Py_ssize_t i = 0; i < lz->size; i++)
        Py_VISIT(lz->iters[i]);
    Py_VISIT(lz->fillvalue);
    return 0;
}

static PyObject *
zip_longest_next(kr_zip_longest *lz)
{
    Py_ssize_t n = lz->size;
    if (n == 0 || lz->numactive == 0)
        return NULL;
    PyObject *result = PyTuple_New(n);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = lz->iters[i];
        PyObject *item;
        if (it == NULL) {
            item = Py_NewRef(lz->fillvalue);
        }
        else {
            item = PyIter_Next(it);
            if (item == NULL) {
                lz->numactive--;
                if (lz->numactive == 0 || PyErr_Occurred()) {
                    lz->numactive = 0;
                    Py_DECREF(result);
                    return NULL;
                }
                item = Py_NewRef(lz->fillvalue);
                lz->iters[i] = NULL;
                Py_DECREF(it);
            }
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

static PyObject *
zip_longest_reduce(kr_zip_longest *lz, PyObject *unused)
{
    /* exhausted inputs pickle as empty tuples; setstate restores fillvalue */
    PyObject *args = PyTuple_New(lz->size);
    if (args == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < lz->size; i++) {
        PyObject *elem = lz->iters[i] ? Py_NewRef(lz->iters[i]) : PyTuple_New(0);
        if (elem == NULL) {
            Py_DECREF(args);
            return NULL;
        }
        PyTuple_SET_ITEM(args, i, elem);
    }
    return Py_BuildValue("ONO", Py_TYPE(lz), args, lz->fillvalue);
}

static PyObject *
zip_longest_setstate(kr_zip_longest *lz, PyObject *state)
{
    Py_XSETREF(lz->fillvalue, Py_NewRef(state));
    Py_RETURN_NONE;
}

static PyMethodDef zip_longest_methods[] = {
    {"__reduce__", (PyCFunction)zip_longest_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)zip_longest_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_zip_longest_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.zip_longest",
    .tp_basicsize = sizeof(kr_zip_longest),
    .tp_dealloc = (destructor)zip_longest_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\n"
              "Return a zip_longest object whose .__next__() method returns a tuple where\n"
              "the i-th element comes from the i-th iterable argument.  The .__next__()\n"
              "method continues until the longest iterable in the argument sequence\n"
              "is exhausted and then it raises StopIteration.  When the shorter iterables\n"
              "are exhausted, the fillvalue is substituted in their place.  The fillvalue\n"
              "defaults to None or can be specified by a keyword argument.",
    .tp_traverse = (traverseproc)zip_longest_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)zip_longest_next,
    .tp_methods = zip_longest_methods,
    .tp_new = zip_longest_new,
    .tp_free = PyObject_GC_Del,
};
