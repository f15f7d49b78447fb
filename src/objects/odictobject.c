/* odictobject.c: collections.OrderedDict in C (PyODict_Type) and its
 * views and iterator, as CPython 3.11 exposes them (include/odictobject.h).
 *
 * Krait's dict already keeps insertion order, so an OrderedDict is a dict
 * subtype that adds what order-awareness needs: order-sensitive equality
 * between OrderedDicts, move_to_end, popitem(last=), the 3.11 repr
 * "OrderedDict([(k, v), ...])", and views named odict_keys/... that are
 * dict views underneath.  move_to_end(last=False) rebuilds the table (O(n));
 * everything else costs what the dict operation costs. */
#include "internal.h"

typedef struct {
    PyDictObject od_dict;
    PyObject *od_weakreflist;
} kr_odict;

static int kr_odict_ready(void)
{
    PyTypeObject *types[] = {&PyODict_Type, &PyODictKeys_Type, &PyODictValues_Type,
                             &PyODictItems_Type, &PyODictIter_Type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (!(types[i]->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(types[i]) < 0)
            return -1;
    return 0;
}

/* ---- C API ---- */

PyObject *PyODict_New(void)
{
    if (kr_odict_ready() < 0)
        return NULL;
    return PyODict_Type.tp_new(&PyODict_Type, NULL, NULL);
}

int PyODict_SetItem(PyObject *od, PyObject *key, PyObject *item)
{
    return PyDict_SetItem(od, key, item);
}

int PyODict_DelItem(PyObject *od, PyObject *key)
{
    return PyDict_DelItem(od, key);
}

/* ---- the iterator: wraps a dict iterator under the odict_iterator name ---- */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *od;          /* to report mutation with OrderedDict's message */
    Py_ssize_t size;
} kr_odictiter;

/* Steals `it`. */
static PyObject *kr_odictiter_wrap(PyObject *od, PyObject *it)
{
    if (it == NULL)
        return NULL;
    kr_odictiter *w = PyObject_GC_New(kr_odictiter, &PyODictIter_Type);
    if (w == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    w->it = it;
    w->od = Py_NewRef(od);
    w->size = PyDict_GET_SIZE(od);
    PyObject_GC_Track(w);
    return (PyObject *)w;
}

static PyObject *kr_odictiter_next(PyObject *self)
{
    kr_odictiter *w = (kr_odictiter *)self;
    if (w->od != NULL && PyDict_GET_SIZE(w->od) != w->size) {
        PyErr_SetString(PyExc_RuntimeError, "OrderedDict mutated during iteration");
        w->size = -1;   /* stays broken, as CPython's iterator does */
        return NULL;
    }
    return Py_TYPE(w->it)->tp_iternext(w->it);
}

static int kr_odictiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_odictiter *)self)->it);
    Py_VISIT(((kr_odictiter *)self)->od);
    return 0;
}

static void kr_odictiter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((kr_odictiter *)self)->it);
    Py_XDECREF(((kr_odictiter *)self)->od);
    PyObject_GC_Del(self);
}

static PyObject *kr_odictiter_length_hint(PyObject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(PyObject_LengthHint(((kr_odictiter *)self)->it, 0));
}

static PyMethodDef kr_odictiter_methods[] = {
    {"__length_hint__", kr_odictiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyODictIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_iterator",
    .tp_basicsize = sizeof(kr_odictiter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = kr_odictiter_dealloc,
    .tp_traverse = kr_odictiter_traverse,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_odictiter_next,
    .tp_methods = kr_odictiter_methods,
};

/* ---- views: dict views under odict_* names ---- */

PyTypeObject PyODictKeys_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_keys",
    .tp_base = &PyDictKeys_Type,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
};

PyTypeObject PyODictValues_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_values",
    .tp_base = &PyDictValues_Type,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
};

PyTypeObject PyODictItems_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_items",
    .tp_base = &PyDictItems_Type,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
};

static PyObject *kr_odict_keys(PyObject *od, PyObject *unused) { return _PyDictView_New(od, &PyODictKeys_Type); }
static PyObject *kr_odict_values(PyObject *od, PyObject *unused) { return _PyDictView_New(od, &PyODictValues_Type); }
static PyObject *kr_odict_items(PyObject *od, PyObject *unused) { return _PyDictView_New(od, &PyODictItems_Type); }

/* ---- OrderedDict ---- */

static PyObject *kr_odict_iter(PyObject *od)
{
    return kr_odictiter_wrap(od, PyDict_Type.tp_iter(od));
}

static PyObject *kr_odict_reversed(PyObject *od, PyObject *unused)
{
    PyObject *keys = _PyDictView_New(od, &PyDictKeys_Type);
    if (keys == NULL)
        return NULL;
    PyObject *rev = PyObject_CallMethod(keys, "__reversed__", NULL);
    Py_DECREF(keys);
    return kr_odictiter_wrap(od, rev);
}

/* Remove the first or last key; new reference to (key, value). */
static PyObject *kr_odict_pop_end(PyObject *od, int last)
{
    if (PyDict_GET_SIZE(od) == 0) {
        PyErr_SetString(PyExc_KeyError, "dictionary is empty");
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key = NULL, *value;
    if (last) {
        PyObject *rev = kr_odict_reversed(od, NULL);
        if (rev == NULL)
            return NULL;
        key = PyIter_Next(rev);
        Py_DECREF(rev);
        if (key == NULL)
            return NULL;
    } else {
        if (!PyDict_Next(od, &pos, &key, &value))
            return NULL;
        Py_INCREF(key);
    }
    value = _PyDict_Pop(od, key, NULL);
    if (value == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *res = PyTuple_Pack(2, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return res;
}

/* Argument parsing of the methods taking keywords, with the messages of
 * CPython's generated parsers: `names` lists the parameters, the first
 * `nreq` required; out[i] is set (borrowed) or left NULL. */
static int kr_odict_args(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                         PyObject *kwnames, const char *const *names, Py_ssize_t nnames,
                         Py_ssize_t nreq, PyObject **out)
{
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > nnames) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %zd argument%s (%zd given)", fname,
                     nnames, nnames == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nnames; i++)
        out[i] = i < nargs ? args[i] : NULL;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t i = 0;
        while (i < nnames && PyUnicode_CompareWithASCIIString(name, names[i]) != 0)
            i++;
        if (i == nnames) {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()", name, fname);
            return -1;
        }
        if (i < nargs) {
            PyErr_Format(PyExc_TypeError, "argument for %s() given by name ('%s') and position (%zd)",
                         fname, names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (Py_ssize_t i = 0; i < nreq; i++) {
        if (out[i] == NULL) {
            PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %zd)",
                         fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* The `last` flag (default true). */
static int kr_odict_last(PyObject *obj)
{
    return obj == NULL ? 1 : PyObject_IsTrue(obj);
}

static PyObject *kr_odict_popitem(PyObject *od, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"last"};
    PyObject *argv[1];
    if (kr_odict_args("popitem", args, nargs, kwnames, names, 1, 0, argv) < 0)
        return NULL;
    int last = kr_odict_last(argv[0]);
    return last < 0 ? NULL : kr_odict_pop_end(od, last);
}

static PyObject *kr_odict_move_to_end(PyObject *od, PyObject *const *args, Py_ssize_t nargs,
                                      PyObject *kwnames)
{
    static const char *const names[] = {"key", "last"};
    PyObject *argv[2];
    if (kr_odict_args("move_to_end", args, nargs, kwnames, names, 2, 1, argv) < 0)
        return NULL;
    PyObject *key = argv[0];
    int last = kr_odict_last(argv[1]);
    if (last < 0)
        return NULL;
    PyObject *value = _PyDict_Pop(od, key, NULL);
    if (value == NULL)
        return NULL;
    if (last || PyDict_GET_SIZE(od) == 0) {
        int r = PyDict_SetItem(od, key, value);
        Py_DECREF(value);
        if (r < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    /* to the front: re-insert everything after it */
    PyObject *rest = PyDict_Copy(od);
    if (rest == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    PyDict_Clear(od);
    int r = PyDict_SetItem(od, key, value);
    Py_DECREF(value);
    if (r == 0)
        r = PyDict_Update(od, rest);
    Py_DECREF(rest);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Same class, same items, same order (a subclass with a custom __init__
 * is rebuilt through type(self)(), as CPython does). */
static PyObject *kr_odict_copy(PyObject *od, PyObject *unused)
{
    PyObject *res = PyObject_CallNoArgs((PyObject *)Py_TYPE(od));
    if (res == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(od, &pos, &key, &value)) {
        if (PyObject_SetItem(res, key, value) < 0) {
            Py_DECREF(res);
            return NULL;
        }
    }
    return res;
}

static PyObject *kr_odict_repr(PyObject *od)
{
    const char *name = _PyType_Name(Py_TYPE(od));
    int rc = Py_ReprEnter(od);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("...") : NULL;
    PyObject *res = NULL;
    if (PyDict_GET_SIZE(od) == 0)
        res = PyUnicode_FromFormat("%s()", name);
    else {
        PyObject *items = PyDict_Items(od);
        if (items != NULL) {
            res = PyUnicode_FromFormat("%s(%R)", name, items);
            Py_DECREF(items);
        }
    }
    Py_ReprLeave(od);
    return res;
}

/* Two OrderedDicts are equal when their items are, in the same order; an
 * OrderedDict and a plain mapping compare as dicts. */
static PyObject *kr_odict_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyODict_Check(a) || !PyDict_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *res = PyDict_Type.tp_richcompare(a, b, op);
    if (res == NULL || !PyODict_Check(b) || res != (op == Py_EQ ? Py_True : Py_False))
        return res;
    Py_DECREF(res);
    /* equal as dicts: now the key order */
    Py_ssize_t pa = 0, pb = 0;
    PyObject *ka, *kb, *va, *vb;
    while (PyDict_Next(a, &pa, &ka, &va) && PyDict_Next(b, &pb, &kb, &vb)) {
        Py_INCREF(ka);
        Py_INCREF(kb);
        int eq = PyObject_RichCompareBool(ka, kb, Py_EQ);
        Py_DECREF(ka);
        Py_DECREF(kb);
        if (eq < 0)
            return NULL;
        if (!eq)
            return PyBool_FromLong(op == Py_NE);
    }
    return PyBool_FromLong(op == Py_EQ);
}

static PyObject *kr_odict_reduce(PyObject *od, PyObject *unused)
{
    PyObject *state, *name = PyUnicode_InternFromString("__dict__");
    if (name == NULL)
        return NULL;
    int found = _PyObject_LookupAttr(od, name, &state);
    Py_DECREF(name);
    if (found < 0)
        return NULL;
    if (state != NULL && PyDict_Check(state) && PyDict_GET_SIZE(state) == 0)
        Py_CLEAR(state);
    PyObject *items = PyObject_CallMethod(od, "items", NULL);
    PyObject *it = items == NULL ? NULL : kr_odictiter_wrap(od, PyObject_GetIter(items));
    Py_XDECREF(items);
    if (it == NULL) {
        Py_XDECREF(state);
        return NULL;
    }
    PyObject *res = Py_BuildValue("O()NON", (PyObject *)Py_TYPE(od),
                                  state != NULL ? state : Py_NewRef(Py_None), Py_None, it);
    return res;
}

static PyObject *kr_odict_or(PyObject *a, PyObject *b)
{
    if (!PyODict_Check(a) && PyODict_Check(b)) {
        if (!PyDict_Check(a))
            Py_RETURN_NOTIMPLEMENTED;
        PyObject *res = PyObject_CallOneArg((PyObject *)Py_TYPE(b), a);
        if (res != NULL && PyDict_Update(res, b) < 0)
            Py_CLEAR(res);
        return res;
    }
    if (!PyDict_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *res = kr_odict_copy(a, NULL);
    if (res != NULL && PyDict_Update(res, b) < 0)
        Py_CLEAR(res);
    return res;
}

static PyObject *kr_odict_setdefault(PyObject *od, PyObject *const *args, Py_ssize_t nargs,
                                     PyObject *kwnames)
{
    static const char *const names[] = {"key", "default"};
    PyObject *argv[2];
    if (kr_odict_args("setdefault", args, nargs, kwnames, names, 2, 1, argv) < 0)
        return NULL;
    return Py_XNewRef(PyDict_SetDefault(od, argv[0], argv[1] != NULL ? argv[1] : Py_None));
}

/* The dict's own GC hooks, named here so that both are set together. */
static int kr_odict_traverse(PyObject *od, visitproc visit, void *arg)
{
    return PyDict_Type.tp_traverse(od, visit, arg);
}

static int kr_odict_clear(PyObject *od)
{
    return PyDict_Type.tp_clear(od);
}

static void kr_odict_dealloc(PyObject *od)
{
    if (((kr_odict *)od)->od_weakreflist != NULL)
        PyObject_ClearWeakRefs(od);
    PyDict_Type.tp_dealloc(od);
}

static PyMethodDef kr_odict_methods[] = {
    {"keys", kr_odict_keys, METH_NOARGS, NULL},
    {"values", kr_odict_values, METH_NOARGS, NULL},
    {"items", kr_odict_items, METH_NOARGS, NULL},
    {"popitem", (PyCFunction)(void (*)(void))kr_odict_popitem, METH_FASTCALL | METH_KEYWORDS,
     "Remove and return a (key, value) pair from the dictionary.\n\n"
     "Pairs are returned in LIFO order if last is true or FIFO order if false."},
    {"move_to_end", (PyCFunction)(void (*)(void))kr_odict_move_to_end, METH_FASTCALL | METH_KEYWORDS,
     "Move an existing element to the end (or beginning if last is false).\n\n"
     "Raise KeyError if the element does not exist."},
    {"setdefault", (PyCFunction)(void (*)(void))kr_odict_setdefault, METH_FASTCALL | METH_KEYWORDS,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"copy", kr_odict_copy, METH_NOARGS, "od.copy() -> a shallow copy of od"},
    {"__reversed__", kr_odict_reversed, METH_NOARGS, "od.__reversed__() <==> reversed(od)"},
    {"__reduce__", kr_odict_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods kr_odict_as_number = {.nb_or = kr_odict_or};

PyTypeObject PyODict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.OrderedDict",
    .tp_doc = "Dictionary that remembers insertion order",
    .tp_basicsize = sizeof(kr_odict),
    .tp_base = &PyDict_Type,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = kr_odict_dealloc,
    .tp_traverse = kr_odict_traverse,
    .tp_clear = kr_odict_clear,
    .tp_repr = kr_odict_repr,
    .tp_richcompare = kr_odict_richcompare,
    .tp_iter = kr_odict_iter,
    .tp_as_number = &kr_odict_as_number,
    .tp_methods = kr_odict_methods,
    .tp_weaklistoffset = offsetof(kr_odict, od_weakreflist),
    .tp_hash = PyObject_HashNotImplemented,
};
