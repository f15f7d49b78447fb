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
} kr_odictiter;

static PyObject *kr_odictiter_wrap(PyObject *it)
{
    if (it == NULL)
        return NULL;
    kr_odictiter *w = PyObject_GC_New(kr_odictiter, &PyODictIter_Type);
    if (w == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    w->it = it;
    PyObject_GC_Track(w);
    return (PyObject *)w;
}

static PyObject *kr_odictiter_next(PyObject *self)
{
    PyObject *it = ((kr_odictiter *)self)->it;
    return Py_TYPE(it)->tp_iternext(it);
}

static int kr_odictiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_odictiter *)self)->it);
    return 0;
}

static void kr_odictiter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((kr_odictiter *)self)->it);
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
    return kr_odictiter_wrap(PyDict_Type.tp_iter(od));
}

static PyObject *kr_odict_reversed(PyObject *od, PyObject *unused)
{
    PyObject *keys = _PyDictView_New(od, &PyDictKeys_Type);
    if (keys == NULL)
        return NULL;
    PyObject *rev = PyObject_CallMethod(keys, "__reversed__", NULL);
    Py_DECREF(keys);
    return kr_odictiter_wrap(rev);
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

static int kr_odict_parse_last(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames, Py_ssize_t npos, PyObject **pos, int *last)
{
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *lastobj = NULL;
    if (nargs > npos + 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %zd arguments (%zd given)",
                     fname, npos + 1, nargs + nkw);
        return -1;
    }
    for (Py_ssize_t i = 0; i < npos && i < nargs; i++)
        pos[i] = args[i];
    if (nargs > npos)
        lastobj = args[npos];
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_CompareWithASCIIString(name, "last") == 0 && lastobj == NULL)
            lastobj = args[nargs + i];
        else if (npos == 1 && PyUnicode_CompareWithASCIIString(name, "key") == 0 && nargs == 0)
            pos[0] = args[nargs + i];
        else {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, name);
            return -1;
        }
    }
    if (npos == 1 && pos[0] == NULL) {
        PyErr_Format(PyExc_TypeError, "%s() missing required argument 'key' (pos 1)", fname);
        return -1;
    }
    *last = 1;
    if (lastobj != NULL && (*last = PyObject_IsTrue(lastobj)) < 0)
        return -1;
    return 0;
}

static PyObject *kr_odict_popitem(PyObject *od, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    int last;
    if (kr_odict_parse_last("popitem", args, nargs, kwnames, 0, NULL, &last) < 0)
        return NULL;
    return kr_odict_pop_end(od, last);
}

static PyObject *kr_odict_move_to_end(PyObject *od, PyObject *const *args, Py_ssize_t nargs,
                                      PyObject *kwnames)
{
    PyObject *key = NULL;
    int last;
    if (kr_odict_parse_last("move_to_end", args, nargs, kwnames, 1, &key, &last) < 0)
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
    PyObject *it = items == NULL ? NULL : PyObject_GetIter(items);
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

static PyObject *kr_odict_setdefault(PyObject *od, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setdefault", nargs, 1, 2))
        return NULL;
    return Py_XNewRef(PyDict_SetDefault(od, args[0], nargs > 1 ? args[1] : Py_None));
}

static int kr_odict_traverse(PyObject *od, visitproc visit, void *arg)
{
    return PyDict_Type.tp_traverse(od, visit, arg);
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
    {"setdefault", (PyCFunction)(void (*)(void))kr_odict_setdefault, METH_FASTCALL,
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
    .tp_repr = kr_odict_repr,
    .tp_richcompare = kr_odict_richcompare,
    .tp_iter = kr_odict_iter,
    .tp_as_number = &kr_odict_as_number,
    .tp_methods = kr_odict_methods,
    .tp_weaklistoffset = offsetof(kr_odict, od_weakreflist),
    .tp_hash = PyObject_HashNotImplemented,
};
