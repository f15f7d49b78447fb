/* iterators.c: the lazy builtin iterators zip, map and filter.
 *
 * Each holds the iterators of its inputs and pulls one item per input per
 * step.  map calls its function with vectorcall from a small on-stack
 * array, so a step allocates nothing but the result.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"

/* Makes a tuple of iter(x) for each x in args[0..n); new reference. */
static PyObject *
kr_iter_tuple(PyObject *const *args, Py_ssize_t n)
{
    PyObject *ittuple = PyTuple_New(n);
    if (ittuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyObject_GetIter(args[i]);
        if (it == NULL) {
            Py_DECREF(ittuple);
            return NULL;
        }
        PyTuple_SET_ITEM(ittuple, i, it);
    }
    return ittuple;
}

/* ---- zip ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t tuplesize;
    PyObject *ittuple;   /* tuple of iterators */
    int strict;
} kr_zipobject;

static PyObject *
kr_zip_make(PyTypeObject *type, PyObject *const *args, Py_ssize_t n, int strict)
{
    PyObject *ittuple = kr_iter_tuple(args, n);
    if (ittuple == NULL)
        return NULL;
    kr_zipobject *lz = (kr_zipobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(ittuple);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = n;
    lz->strict = strict;
    return (PyObject *)lz;
}

/* zip's only keyword is strict=; names and count as CPython reports them */
static int
kr_zip_parse_strict(PyObject *const *values, PyObject *kwnames, Py_ssize_t nkw, int *strict)
{
    if (nkw > 1) {
        PyErr_Format(PyExc_TypeError, "zip() takes at most 1 keyword argument (%zd given)", nkw);
        return -1;
    }
    PyObject *name = PyTuple_GET_ITEM(kwnames, 0);
    if (!_PyUnicode_EqualToASCIIString(name, "strict")) {
        PyErr_Format(PyExc_TypeError, "'%S' is an invalid keyword argument for zip()", name);
        return -1;
    }
    *strict = PyObject_IsTrue(values[0]);
    return *strict < 0 ? -1 : 0;
}

static PyObject *
kr_zip_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int strict = 0;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        Py_ssize_t nkw = PyDict_GET_SIZE(kwds);
        PyObject *kwnames = PyTuple_New(nkw);
        PyObject *first_value = NULL;
        if (kwnames == NULL)
            return NULL;
        Py_ssize_t pos = 0, j = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            PyTuple_SET_ITEM(kwnames, j, Py_NewRef(k));
            if (j == 0)
                first_value = v;
            j++;
        }
        int r = kr_zip_parse_strict(&first_value, kwnames, nkw, &strict);
        Py_DECREF(kwnames);
        if (r < 0)
            return NULL;
    }
    return kr_zip_make(type, ((PyTupleObject *)args)->ob_item, PyTuple_GET_SIZE(args), strict);
}

static PyObject *
kr_zip_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    int strict = 0;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        if (kr_zip_parse_strict(args + nargs, kwnames, PyTuple_GET_SIZE(kwnames), &strict) < 0)
            return NULL;
    }
    return kr_zip_make((PyTypeObject *)type, args, nargs, strict);
}

static void
kr_zip_dealloc(kr_zipobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->ittuple);
    Py_TYPE(lz)->tp_free(lz);
}

static int
kr_zip_traverse(kr_zipobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->ittuple);
    return 0;
}

/* strict=True found input i exhausted (i > 0), or input 0 exhausted:
 * check that the others are too. */
static PyObject *
kr_zip_strict_check(kr_zipobject *lz, Py_ssize_t i)
{
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return NULL;
        PyErr_Clear();
    }
    if (i) {
        return PyErr_Format(PyExc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                            i + 1, i == 1 ? " " : "s 1-", i);
    }
    for (i = 1; i < lz->tuplesize; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item = (*Py_TYPE(it)->tp_iternext)(it);
        if (item) {
            Py_DECREF(item);
            return PyErr_Format(PyExc_ValueError, "zip() argument %zd is longer than argument%s%zd",
                                i + 1, i == 1 ? " " : "s 1-", i);
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
    }
    return NULL;
}

static PyObject *
kr_zip_next(kr_zipobject *lz)
{
    Py_ssize_t tuplesize = lz->tuplesize;
    if (tuplesize == 0)
        return NULL;
    PyObject *result = PyTuple_New(tuplesize);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < tuplesize; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item = (*Py_TYPE(it)->tp_iternext)(it);
        if (item == NULL) {
            Py_DECREF(result);
            if (lz->strict)
                return kr_zip_strict_check(lz, i);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

static PyObject *
kr_zip_reduce(kr_zipobject *lz, PyObject *unused)
{
    if (lz->strict)
        return PyTuple_Pack(3, Py_TYPE(lz), lz->ittuple, Py_True);
    return PyTuple_Pack(2, Py_TYPE(lz), lz->ittuple);
}

static PyObject *
kr_zip_setstate(kr_zipobject *lz, PyObject *state)
{
    int strict = PyObject_IsTrue(state);
    if (strict < 0)
        return NULL;
    lz->strict = strict;
    Py_RETURN_NONE;
}

static PyMethodDef kr_zip_methods[] = {
    {"__reduce__", (PyCFunction)kr_zip_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)kr_zip_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyZip_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zip",
    .tp_basicsize = sizeof(kr_zipobject),
    .tp_dealloc = (destructor)kr_zip_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
              "   >>> list(zip('abcdefg', range(3), range(4)))\n"
              "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
              "The zip object yields n-length tuples, where n is the number of iterables\n"
              "passed as positional arguments to zip().  The i-th element in every tuple\n"
              "comes from the i-th iterable argument to zip().  This continues until the\n"
              "shortest argument is exhausted.\n\n"
              "If strict is true and one of the arguments is exhausted before the others,\n"
              "raise a ValueError.",
    .tp_traverse = (traverseproc)kr_zip_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_zip_next,
    .tp_methods = kr_zip_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_zip_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_zip_vectorcall,
};

/* ---- map ---- */

typedef struct {
    PyObject_HEAD
    PyObject *iters;   /* tuple of iterators */
    PyObject *func;
} kr_mapobject;

#define KR_MAP_SMALL_STACK 5

static PyObject *
kr_map_make(PyTypeObject *type, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    PyObject *iters = kr_iter_tuple(args + 1, nargs - 1);
    if (iters == NULL)
        return NULL;
    kr_mapobject *lz = (kr_mapobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(iters);
        return NULL;
    }
    lz->iters = iters;
    lz->func = Py_NewRef(args[0]);
    return (PyObject *)lz;
}

static PyObject *
kr_map_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyMap_Type || type->tp_init == PyMap_Type.tp_init) &&
        !_PyArg_NoKeywords("map", kwds))
        return NULL;
    return kr_map_make(type, ((PyTupleObject *)args)->ob_item, PyTuple_GET_SIZE(args));
}

static PyObject *
kr_map_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("map", kwnames))
        return NULL;
    return kr_map_make((PyTypeObject *)type, args, PyVectorcall_NARGS(nargsf));
}

static void
kr_map_dealloc(kr_mapobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->iters);
    Py_XDECREF(lz->func);
    Py_TYPE(lz)->tp_free(lz);
}

static int
kr_map_traverse(kr_mapobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->iters);
    Py_VISIT(lz->func);
    return 0;
}

static PyObject *
kr_map_next(kr_mapobject *lz)
{
    PyObject *small_stack[KR_MAP_SMALL_STACK];
    PyObject **stack;
    Py_ssize_t niters = PyTuple_GET_SIZE(lz->iters);
    if (niters <= KR_MAP_SMALL_STACK) {
        stack = small_stack;
    }
    else {
        stack = (PyObject **)PyMem_Malloc((size_t)niters * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    Py_ssize_t nargs = 0;
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < niters; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->iters, i);
        PyObject *val = Py_TYPE(it)->tp_iternext(it);
        if (val == NULL)
            goto exit;
        stack[i] = val;
        nargs++;
    }
    result = PyObject_Vectorcall(lz->func, stack, (size_t)nargs, NULL);
exit:
    for (Py_ssize_t i = 0; i < nargs; i++)
        Py_DECREF(stack[i]);
    if (stack != small_stack)
        PyMem_Free(stack);
    return result;
}

static PyObject *
kr_map_reduce(kr_mapobject *lz, PyObject *unused)
{
    Py_ssize_t numargs = PyTuple_GET_SIZE(lz->iters);
    PyObject *args = PyTuple_New(numargs + 1);
    if (args == NULL)
        return NULL;
    PyTuple_SET_ITEM(args, 0, Py_NewRef(lz->func));
    for (Py_ssize_t i = 0; i < numargs; i++)
        PyTuple_SET_ITEM(args, i + 1, Py_NewRef(PyTuple_GET_ITEM(lz->iters, i)));
    return Py_BuildValue("ON", Py_TYPE(lz), args);
}

static PyMethodDef kr_map_methods[] = {
    {"__reduce__", (PyCFunction)kr_map_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyMap_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "map",
    .tp_basicsize = sizeof(kr_mapobject),
    .tp_dealloc = (destructor)kr_map_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "map(func, *iterables) --> map object\n\n"
              "Make an iterator that computes the function using arguments from\n"
              "each of the iterables.  Stops when the shortest iterable is exhausted.",
    .tp_traverse = (traverseproc)kr_map_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_map_next,
    .tp_methods = kr_map_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_map_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_map_vectorcall,
};

/* ---- filter ---- */

typedef struct {
    PyObject_HEAD
    PyObject *func;   /* None or bool: keep the true items */
    PyObject *it;
} kr_filterobject;

static PyObject *
kr_filter_make(PyTypeObject *type, PyObject *func, PyObject *seq)
{
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    kr_filterobject *lz = (kr_filterobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    return (PyObject *)lz;
}

static PyObject *
kr_filter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyFilter_Type || type->tp_init == PyFilter_Type.tp_init) &&
        !_PyArg_NoKeywords("filter", kwds))
        return NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!KR_CHECK_NARGS("filter", nargs, 2, 2))
        return NULL;
    return kr_filter_make(type, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1));
}

static PyObject *
kr_filter_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("filter", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!KR_CHECK_NARGS("filter", nargs, 2, 2))
        return NULL;
    return kr_filter_make((PyTypeObject *)type, args[0], args[1]);
}

static void
kr_filter_dealloc(kr_filterobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->func);
    Py_XDECREF(lz->it);
    Py_TYPE(lz)->tp_free(lz);
}

static int
kr_filter_traverse(kr_filterobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->it);
    Py_VISIT(lz->func);
    return 0;
}

static PyObject *
kr_filter_next(kr_filterobject *lz)
{
    PyObject *it = lz->it;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    int checktrue = lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type;
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL)
            return NULL;
        int ok;
        if (checktrue) {
            ok = PyObject_IsTrue(item);
        }
        else {
            PyObject *good = PyObject_CallOneArg(lz->func, item);
            if (good == NULL) {
                Py_DECREF(item);
                return NULL;
            }
            ok = PyObject_IsTrue(good);
            Py_DECREF(good);
        }
        if (ok > 0)
            return item;
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *
kr_filter_reduce(kr_filterobject *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->func, lz->it);
}

static PyMethodDef kr_filter_methods[] = {
    {"__reduce__", (PyCFunction)kr_filter_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyFilter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "filter",
    .tp_basicsize = sizeof(kr_filterobject),
    .tp_dealloc = (destructor)kr_filter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function or None, iterable) --> filter object\n\n"
              "Return an iterator yielding those items of iterable for which function(item)\n"
              "is true. If function is None, return the items that are true.",
    .tp_traverse = (traverseproc)kr_filter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_filter_next,
    .tp_methods = kr_filter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_filter_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_filter_vectorcall,
};
