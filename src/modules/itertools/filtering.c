/* filtering.c: the itertools that map or filter one input stream item by
 * item: accumulate, compress, dropwhile, takewhile, filterfalse, starmap.
 *
 * dropwhile and takewhile share one object layout and constructor: a
 * predicate, an iterator and a flag (dropwhile: "dropping is over";
 * takewhile: "stopped"), which is also their pickled state. */
#include "internal.h"
#include "modules/itertools/itertools.h"

/* ---- dropwhile / takewhile / filterfalse / starmap: (func, it) ---- */

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *it;
    long flag;
} kr_funcit;

KR_IT_FIELD_FUNCS(funcit, kr_funcit, func, 2)

static PyObject *
funcit_new(PyTypeObject *type, PyTypeObject *base, const char *name, PyObject *args,
           PyObject *kwds)
{
    if (kr_itertools_fixed_args(type, base, name, args, kwds, 2) < 0)
        return NULL;
    PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, 1));
    if (it == NULL)
        return NULL;
    kr_funcit *lz = (kr_funcit *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(PyTuple_GET_ITEM(args, 0));
    lz->it = it;
    lz->flag = 0;
    return (PyObject *)lz;
}

/* Calls the predicate on item: 1 true, 0 false, -1 error. */
static int
funcit_test(PyObject *func, PyObject *item)
{
    PyObject *good = PyObject_CallOneArg(func, item);
    if (good == NULL)
        return -1;
    int ok = PyObject_IsTrue(good);
    Py_DECREF(good);
    return ok;
}

static PyObject *
funcit_reduce_flag(kr_funcit *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)l", Py_TYPE(lz), lz->func, lz->it, lz->flag);
}

static PyObject *
funcit_reduce(kr_funcit *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->func, lz->it);
}

static PyObject *
funcit_setstate(kr_funcit *lz, PyObject *state)
{
    int flag = PyObject_IsTrue(state);
    if (flag < 0)
        return NULL;
    lz->flag = flag;
    Py_RETURN_NONE;
}

static PyMethodDef funcit_flag_methods[] = {
    {"__reduce__", (PyCFunction)funcit_reduce_flag, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)funcit_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

static PyMethodDef funcit_methods[] = {
    {"__reduce__", (PyCFunction)funcit_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

static PyObject *
dropwhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_new(type, &kr_dropwhile_type, "dropwhile", args, kwds);
}

static PyObject *
dropwhile_next(kr_funcit *lz)
{
    iternextfunc next = Py_TYPE(lz->it)->tp_iternext;
    for (;;) {
        PyObject *item = next(lz->it);
        if (item == NULL)
            return NULL;
        if (lz->flag)
            return item;
        int ok = funcit_test(lz->func, item);
        if (ok == 0) {
            lz->flag = 1;
            return item;
        }
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *
takewhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_new(type, &kr_takewhile_type, "takewhile", args, kwds);
}

static PyObject *
takewhile_next(kr_funcit *lz)
{
    if (lz->flag)
        return NULL;
    PyObject *item = Py_TYPE(lz->it)->tp_iternext(lz->it);
    if (item == NULL)
        return NULL;
    int ok = funcit_test(lz->func, item);
    if (ok > 0)
        return item;
    Py_DECREF(item);
    if (ok == 0)
        lz->flag = 1;
    return NULL;
}

static PyObject *
filterfalse_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_new(type, &kr_filterfalse_type, "filterfalse", args, kwds);
}

static PyObject *
filterfalse_next(kr_funcit *lz)
{
    iternextfunc next = Py_TYPE(lz->it)->tp_iternext;
    int plain = lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type;
    for (;;) {
        PyObject *item = next(lz->it);
        if (item == NULL)
            return NULL;
        int ok = plain ? PyObject_IsTrue(item) : funcit_test(lz->func, item);
        if (ok == 0)
            return item;
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *
starmap_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return funcit_new(type, &kr_starmap_type, "starmap", args, kwds);
}

static PyObject *
starmap_next(kr_funcit *lz)
{
    PyObject *args = Py_TYPE(lz->it)->tp_iternext(lz->it);
    if (args == NULL)
        return NULL;
    if (!PyTuple_CheckExact(args)) {
        PyObject *tuple = PySequence_Tuple(args);
        Py_DECREF(args);
        if (tuple == NULL)
            return NULL;
        args = tuple;
    }
    PyObject *result = PyObject_Vectorcall(lz->func, &PyTuple_GET_ITEM(args, 0),
                                           (size_t)PyTuple_GET_SIZE(args), NULL);
    Py_DECREF(args);
    return result;
}

#define KR_FUNCIT_TYPE(cname, pyname, doc, methods)                        \
    PyTypeObject kr_##cname##_type = {                                     \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                             \
        .tp_name = "itertools." pyname,                                    \
        .tp_basicsize = sizeof(kr_funcit),                                 \
        .tp_dealloc = funcit_dealloc,                                      \
        .tp_getattro = PyObject_GenericGetAttr,                            \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, \
        .tp_doc = doc,                                                     \
        .tp_traverse = funcit_traverse,                                    \
        .tp_iter = PyObject_SelfIter,                                      \
        .tp_iternext = (iternextfunc)cname##_next,                         \
        .tp_methods = methods,                                             \
        .tp_new = cname##_new,                                             \
        .tp_free = PyObject_GC_Del,                                        \
    };

KR_FUNCIT_TYPE(dropwhile, "dropwhile",
               "dropwhile(predicate, iterable, /)\n--\n\n"
               "Drop items from the iterable while predicate(item) is true.\n\n"
               "Afterwards, return every element until the iterable is exhausted.",
               funcit_flag_methods)
KR_FUNCIT_TYPE(takewhile, "takewhile",
               "takewhile(predicate, iterable, /)\n--\n\n"
               "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.",
               funcit_flag_methods)
KR_FUNCIT_TYPE(filterfalse, "filterfalse",
               "filterfalse(function, iterable, /)\n--\n\n"
               "Return those items of iterable for which function(item) is false.\n\n"
               "If function is None, return the items that are false.",
               funcit_methods)
KR_FUNCIT_TYPE(starmap, "starmap",
               "starmap(function, iterable, /)\n--\n\n"
               "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.",
               funcit_methods)

/* ---- compress ---- */

typedef struct {
    PyObject_HEAD
    PyObject *data;
    PyObject *selectors;
} kr_compress;

KR_IT_FIELD_FUNCS(compress, kr_compress, data, 2)

static PyObject *
compress_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "selectors", NULL};
    PyObject *data, *selectors;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:compress", kwlist, &data, &selectors))
        return NULL;
    data = PyObject_GetIter(data);
    if (data == NULL)
        return NULL;
    selectors = PyObject_GetIter(selectors);
    if (selectors == NULL) {
        Py_DECREF(data);
        return NULL;
    }
    kr_compress *lz = (kr_compress *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(data);
        Py_DECREF(selectors);
        return NULL;
    }
    lz->data = data;
    lz->selectors = selectors;
    return (PyObject *)lz;
}

static PyObject *
compress_next(kr_compress *lz)
{
    iternextfunc datanext = Py_TYPE(lz->data)->tp_iternext;
    iternextfunc selnext = Py_TYPE(lz->selectors)->tp_iternext;
    for (;;) {
        PyObject *datum = datanext(lz->data);
        if (datum == NULL)
            return NULL;
        PyObject *selector = selnext(lz->selectors);
        if (selector == NULL) {
            Py_DECREF(datum);
            return NULL;
        }
        int ok = PyObject_IsTrue(selector);
        Py_DECREF(selector);
        if (ok > 0)
            return datum;
        Py_DECREF(datum);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *
compress_reduce(kr_compress *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->data, lz->selectors);
}

static PyMethodDef compress_methods[] = {
    {"__reduce__", (PyCFunction)compress_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_compress_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.compress",
    .tp_basicsize = sizeof(kr_compress),
    .tp_dealloc = compress_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "compress(data, selectors)\n--\n\n"
              "Return data elements corresponding to true selector elements.\n\n"
              "Forms a shorter iterator from selected data elements using the selectors to\n"
              "choose the data elements.",
    .tp_traverse = compress_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)compress_next,
    .tp_methods = compress_methods,
    .tp_new = compress_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- accumulate ---- */

typedef struct {
    PyObject_HEAD
    PyObject *total;     /* NULL before the first item */
    PyObject *it;
    PyObject *binop;     /* NULL: addition */
    PyObject *initial;   /* None once yielded (or never given) */
} kr_accumulate;

KR_IT_FIELD_FUNCS(accumulate, kr_accumulate, total, 4)

static PyObject *
accumulate_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "func", "initial", NULL};
    PyObject *iterable, *binop = Py_None, *initial = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$O:accumulate", kwlist, &iterable, &binop,
                                     &initial))
        return NULL;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    kr_accumulate *lz = (kr_accumulate *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->total = NULL;
    lz->it = it;
    lz->binop = binop == Py_None ? NULL : Py_NewRef(binop);
    lz->initial = Py_NewRef(initial);
    return (PyObject *)lz;
}

static PyObject *
accumulate_next(kr_accumulate *lz)
{
    if (lz->initial != Py_None) {
        Py_XSETREF(lz->total, lz->initial);
        lz->initial = Py_None;   /* immortal */
        return Py_NewRef(lz->total);
    }
    PyObject *val = Py_TYPE(lz->it)->tp_iternext(lz->it);
    if (val == NULL)
        return NULL;
    if (lz->total == NULL) {
        lz->total = Py_NewRef(val);
        return val;
    }
    PyObject *newtotal;
    if (lz->binop == NULL) {
        newtotal = PyNumber_Add(lz->total, val);
    }
    else {
        PyObject *pair[2] = {lz->total, val};
        newtotal = PyObject_Vectorcall(lz->binop, pair, 2, NULL);
    }
    Py_DECREF(val);
    if (newtotal == NULL)
        return NULL;
    Py_SETREF(lz->total, Py_NewRef(newtotal));
    return newtotal;
}

static PyObject *
accumulate_reduce(kr_accumulate *lz, PyObject *unused)
{
    PyObject *binop = lz->binop ? lz->binop : Py_None;
    if (lz->initial != Py_None) {
        PyObject *it = PyObject_CallFunction((PyObject *)&kr_chain_type, "(O)O", lz->initial, lz->it);
        if (it == NULL)
            return NULL;
        return Py_BuildValue("O(NO)O", Py_TYPE(lz), it, binop, Py_None);
    }
    if (lz->total == Py_None) {
        /* None cannot be the setstate value (it means "no total"), so
         * rebuild as islice(accumulate(chain((None,), it), func), 1, None) */
        PyObject *it = PyObject_CallFunction((PyObject *)&kr_chain_type, "(O)O", lz->total, lz->it);
        if (it == NULL)
            return NULL;
        it = PyObject_CallFunction((PyObject *)Py_TYPE(lz), "NO", it, binop);
        if (it == NULL)
            return NULL;
        return Py_BuildValue("O(NiO)", &kr_islice_type, it, 1, Py_None);
    }
    return Py_BuildValue("O(OO)O", Py_TYPE(lz), lz->it, binop, lz->total ? lz->total : Py_None);
}

static PyObject *
accumulate_setstate(kr_accumulate *lz, PyObject *state)
{
    Py_XSETREF(lz->total, Py_NewRef(state));
    Py_RETURN_NONE;
}

static PyMethodDef accumulate_methods[] = {
    {"__reduce__", (PyCFunction)accumulate_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)accumulate_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_accumulate_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.accumulate",
    .tp_basicsize = sizeof(kr_accumulate),
    .tp_dealloc = accumulate_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "accumulate(iterable, func=None, *, initial=None)\n--\n\n"
              "Return series of accumulated sums (or other binary function results).",
    .tp_traverse = accumulate_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)accumulate_next,
    .tp_methods = accumulate_methods,
    .tp_new = accumulate_new,
    .tp_free = PyObject_GC_Del,
};
