/* lru_cache.c: functools._lru_cache_wrapper, the C core of
 * functools.lru_cache.
 *
 * Three call strategies, chosen once from maxsize: None caches without
 * bound (a plain dict of key -> result), 0 only counts misses, n > 0
 * keeps the n most recently used results.  The bounded cache maps
 * key -> link, where links (kr_lru_link objects) form a circular doubly
 * linked list in recency order around a root embedded in the wrapper
 * (each link has two references: the dict's and the list's);
 * a hit moves its link to the end, a miss on a full cache reuses the
 * oldest link.  Cache keys are built as CPython 3.11 builds them (a lone
 * exact int or str argument is its own key; otherwise the argument tuple,
 * then a marker and the keyword items, then the types when typed), so
 * hits and misses match CPython's.  Every path leaves the list and the
 * dict consistent when user code (__hash__, __eq__, the function itself)
 * re-enters or raises.  The context lock (the GIL) serialises calls. */
#include "internal.h"
#include "modules/_functools/functools.h"

typedef struct kr_lru_link {
    PyObject_HEAD
    struct kr_lru_link *prev;
    struct kr_lru_link *next;
    Py_hash_t hash;
    PyObject *key;
    PyObject *result;
} kr_lru_link;

struct kr_lru_cache;
typedef PyObject *(*kr_lru_strategy)(struct kr_lru_cache *, PyObject *, PyObject *);

typedef struct kr_lru_cache {
    PyObject_HEAD
    kr_lru_link root;            /* list head; only prev/next are used */
    kr_lru_strategy wrapper;
    int typed;
    PyObject *cache;             /* dict */
    Py_ssize_t hits;
    PyObject *func;
    Py_ssize_t maxsize;          /* -1: unbounded */
    Py_ssize_t misses;
    PyObject *kwd_mark;          /* separates positional from keyword parts of keys */
    PyObject *cache_info_type;
    PyObject *dict;
    PyObject *weakreflist;
} kr_lru_cache;

/* ---- links ---- */

static void
lru_link_dealloc(kr_lru_link *link)
{
    Py_XDECREF(link->key);
    Py_XDECREF(link->result);
    PyObject_Del(link);
}

PyTypeObject kr_lru_link_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools._lru_list_elem",
    .tp_basicsize = sizeof(kr_lru_link),
    .tp_dealloc = (destructor)lru_link_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_free = PyObject_Del,
};

static void
lru_extract_link(kr_lru_link *link)
{
    link->prev->next = link->next;
    link->next->prev = link->prev;
}

static void
lru_append_link(kr_lru_cache *self, kr_lru_link *link)
{
    kr_lru_link *root = &self->root, *last = root->prev;
    last->next = root->prev = link;
    link->prev = last;
    link->next = root;
}

static void
lru_prepend_link(kr_lru_cache *self, kr_lru_link *link)
{
    kr_lru_link *root = &self->root, *first = root->next;
    first->prev = root->next = link;
    link->prev = root;
    link->next = first;
}

/* Detaches the whole list (for clearing): returns its first link, with
 * the chain ending in NULL. */
static kr_lru_link *
lru_unlink_list(kr_lru_cache *self)
{
    kr_lru_link *root = &self->root, *link = root->next;
    if (link == root)
        return NULL;
    root->prev->next = NULL;
    root->next = root->prev = root;
    return link;
}

static void
lru_clear_list(kr_lru_link *link)
{
    while (link != NULL) {
        kr_lru_link *next = link->next;
        Py_DECREF(link);
        link = next;
    }
}

/* ---- keys ---- */

static PyObject *
lru_make_key(PyObject *kwd_mark, PyObject *args, PyObject *kwds, int typed)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t kwds_size = kwds ? PyDict_GET_SIZE(kwds) : 0;
    if (!typed && kwds_size == 0) {
        if (nargs == 1) {
            PyObject *key = PyTuple_GET_ITEM(args, 0);
            if (PyUnicode_CheckExact(key) || PyLong_CheckExact(key))
                return Py_NewRef(key);
        }
        return Py_NewRef(args);
    }
    Py_ssize_t key_size = nargs;
    if (kwds_size)
        key_size += kwds_size * 2 + 1;
    if (typed)
        key_size += nargs + kwds_size;
    PyObject *key = PyTuple_New(key_size);
    if (key == NULL)
        return NULL;
    Py_ssize_t key_pos = 0, pos;
    PyObject *keyword, *value;
    for (pos = 0; pos < nargs; pos++)
        PyTuple_SET_ITEM(key, key_pos++, Py_NewRef(PyTuple_GET_ITEM(args, pos)));
    if (kwds_size) {
        PyTuple_SET_ITEM(key, key_pos++, Py_NewRef(kwd_mark));
        for (pos = 0; PyDict_Next(kwds, &pos, &keyword, &value);) {
            PyTuple_SET_ITEM(key, key_pos++, Py_NewRef(keyword));
            PyTuple_SET_ITEM(key, key_pos++, Py_NewRef(value));
        }
    }
    if (typed) {
        for (pos = 0; pos < nargs; pos++)
            PyTuple_SET_ITEM(key, key_pos++, Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, pos))));
        if (kwds_size) {
            for (pos = 0; PyDict_Next(kwds, &pos, &keyword, &value);)
                PyTuple_SET_ITEM(key, key_pos++, Py_NewRef(Py_TYPE(value)));
        }
    }
    return key;
}

/* ---- the three strategies ---- */

static PyObject *
lru_uncached(kr_lru_cache *self, PyObject *args, PyObject *kwds)
{
    self->misses++;
    return PyObject_Call(self->func, args, kwds);
}

static PyObject *
lru_infinite(kr_lru_cache *self, PyObject *args, PyObject *kwds)
{
    PyObject *key = lru_make_key(self->kwd_mark, args, kwds, self->typed);
    if (key == NULL)
        return NULL;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *result = _PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (result != NULL) {
        self->hits++;
        Py_DECREF(key);
        return Py_NewRef(result);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    self->misses++;
    result = PyObject_Call(self->func, args, kwds);
    if (result == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    if (_PyDict_SetItem_KnownHash(self->cache, key, result, hash) < 0) {
        Py_DECREF(result);
        Py_DECREF(key);
        return NULL;
    }
    Py_DECREF(key);
    return result;
}

static PyObject *
lru_bounded(kr_lru_cache *self, PyObject *args, PyObject *kwds)
{
    PyObject *key = lru_make_key(self->kwd_mark, args, kwds, self->typed);
    if (key == NULL)
        return NULL;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        return NULL;
    }
    kr_lru_link *link = (kr_lru_link *)_PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (link != NULL) {
        lru_extract_link(link);
        lru_append_link(self, link);
        self->hits++;
        Py_DECREF(key);
        return Py_NewRef(link->result);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    self->misses++;
    PyObject *result = PyObject_Call(self->func, args, kwds);
    if (result == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *testresult = _PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (testresult != NULL) {
        /* the call itself cached this key: keep that entry */
        Py_DECREF(key);
        return result;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        Py_DECREF(result);
        return NULL;
    }
    if (PyDict_GET_SIZE(self->cache) < self->maxsize || self->root.next == &self->root) {
        /* not full: a new link */
        link = PyObject_New(kr_lru_link, &kr_lru_link_type);
        if (link == NULL) {
            Py_DECREF(key);
            Py_DECREF(result);
            return NULL;
        }
        link->hash = hash;
        link->key = key;
        link->result = result;
        link->prev = link->next = NULL;
        /* the dict holds one reference to the link, the list the other */
        if (_PyDict_SetItem_KnownHash(self->cache, key, (PyObject *)link, hash) < 0) {
            Py_DECREF(link);
            return NULL;
        }
        lru_append_link(self, link);
        return Py_NewRef(result);
    }
    /* full: evict the oldest link and reuse it for the new entry */
    link = self->root.next;
    lru_extract_link(link);   /* the list's reference is now ours */
    PyObject *popresult = _PyDict_Pop(self->cache, link->key, Py_None);
    if (popresult == Py_None) {
        /* the key was removed meanwhile (by the call, say): drop the
         * orphaned link; the cache just no longer counts as full */
        Py_DECREF(popresult);
        Py_DECREF(link);
        Py_DECREF(key);
        return result;
    }
    if (popresult == NULL) {
        /* put the link back where it was and report the error */
        lru_prepend_link(self, link);
        Py_DECREF(key);
        Py_DECREF(result);
        return NULL;
    }
    /* popresult is the dict's old reference to the link; hold the old key
     * and result until the link is consistent again, so no __del__ runs
     * in between */
    PyObject *oldkey = link->key, *oldresult = link->result;
    link->hash = hash;
    link->key = key;
    link->result = result;
    if (_PyDict_SetItem_KnownHash(self->cache, key, (PyObject *)link, hash) < 0) {
        Py_DECREF(popresult);
        Py_DECREF(link);
        Py_DECREF(oldkey);
        Py_DECREF(oldresult);
        return NULL;
    }
    lru_append_link(self, link);
    Py_DECREF(popresult);
    Py_DECREF(oldkey);
    Py_DECREF(oldresult);
    return Py_NewRef(result);
}

/* ---- the wrapper type ---- */

static PyObject *
lru_cache_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *keywords[] = {"user_function", "maxsize", "typed", "cache_info_type", NULL};
    PyObject *func, *maxsize_O, *cache_info_type;
    int typed;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOpO:lru_cache", keywords, &func, &maxsize_O,
                                     &typed, &cache_info_type))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    kr_lru_strategy wrapper;
    Py_ssize_t maxsize;
    if (maxsize_O == Py_None) {
        wrapper = lru_infinite;
        maxsize = -1;
    }
    else if (PyIndex_Check(maxsize_O)) {
        maxsize = PyNumber_AsSsize_t(maxsize_O, PyExc_OverflowError);
        if (maxsize == -1 && PyErr_Occurred())
            return NULL;
        if (maxsize < 0)
            maxsize = 0;
        wrapper = maxsize == 0 ? lru_uncached : lru_bounded;
    }
    else {
        PyErr_SetString(PyExc_TypeError, "maxsize should be integer or None");
        return NULL;
    }
    PyObject *cachedict = PyDict_New();
    if (cachedict == NULL)
        return NULL;
    PyObject *mark = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (mark == NULL) {
        Py_DECREF(cachedict);
        return NULL;
    }
    kr_lru_cache *obj = (kr_lru_cache *)type->tp_alloc(type, 0);
    if (obj == NULL) {
        Py_DECREF(cachedict);
        Py_DECREF(mark);
        return NULL;
    }
    obj->root.prev = obj->root.next = &obj->root;
    obj->wrapper = wrapper;
    obj->typed = typed;
    obj->cache = cachedict;
    obj->func = Py_NewRef(func);
    obj->misses = obj->hits = 0;
    obj->maxsize = maxsize;
    obj->kwd_mark = mark;
    obj->cache_info_type = Py_NewRef(cache_info_type);
    obj->dict = NULL;
    obj->weakreflist = NULL;
    return (PyObject *)obj;
}

static int
lru_cache_tp_clear(kr_lru_cache *self)
{
    kr_lru_link *list = lru_unlink_list(self);
    Py_CLEAR(self->cache);
    Py_CLEAR(self->func);
    Py_CLEAR(self->kwd_mark);
    Py_CLEAR(self->cache_info_type);
    Py_CLEAR(self->dict);
    lru_clear_list(list);
    return 0;
}

static void
lru_cache_dealloc(kr_lru_cache *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    lru_cache_tp_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static int
lru_cache_traverse(kr_lru_cache *self, visitproc visit, void *arg)
{
    for (kr_lru_link *link = self->root.next; link != &self->root; link = link->next) {
        Py_VISIT(link->key);
        Py_VISIT(link->result);
    }
    Py_VISIT(self->cache);
    Py_VISIT(self->func);
    Py_VISIT(self->kwd_mark);
    Py_VISIT(self->cache_info_type);
    Py_VISIT(self->dict);
    return 0;
}

static PyObject *
lru_cache_call(kr_lru_cache *self, PyObject *args, PyObject *kwds)
{
    return self->wrapper(self, args, kwds);
}

static PyObject *
lru_cache_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL)
        return Py_NewRef(self);
    return PyMethod_New(self, obj);
}

static PyObject *
lru_cache_cache_info(kr_lru_cache *self, PyObject *unused)
{
    if (self->maxsize == -1)
        return PyObject_CallFunction(self->cache_info_type, "nnOn", self->hits, self->misses,
                                     Py_None, PyDict_GET_SIZE(self->cache));
    return PyObject_CallFunction(self->cache_info_type, "nnnn", self->hits, self->misses,
                                 self->maxsize, PyDict_GET_SIZE(self->cache));
}

static PyObject *
lru_cache_cache_clear(kr_lru_cache *self, PyObject *unused)
{
    kr_lru_link *list = lru_unlink_list(self);
    self->hits = self->misses = 0;
    PyDict_Clear(self->cache);
    lru_clear_list(list);
    Py_RETURN_NONE;
}

static PyObject *
lru_cache_reduce(PyObject *self, PyObject *unused)
{
    return PyObject_GetAttr(self, KR_ID(__qualname__));
}

static PyObject *
lru_cache_copy(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static PyObject *
lru_cache_deepcopy(PyObject *self, PyObject *memo)
{
    return Py_NewRef(self);
}

static PyMethodDef lru_cache_methods[] = {
    {"cache_info", (PyCFunction)lru_cache_cache_info, METH_NOARGS, NULL},
    {"cache_clear", (PyCFunction)lru_cache_cache_clear, METH_NOARGS, NULL},
    {"__reduce__", lru_cache_reduce, METH_NOARGS},
    {"__copy__", lru_cache_copy, METH_VARARGS},
    {"__deepcopy__", lru_cache_deepcopy, METH_VARARGS},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef lru_cache_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject kr_lru_cache_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(kr_lru_cache),
    .tp_dealloc = (destructor)lru_cache_dealloc,
    .tp_call = (ternaryfunc)lru_cache_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a cached callable that wraps another function.\n\n"
              "user_function:      the function being cached\n\n"
              "maxsize:  0         for no caching\n"
              "          None      for unlimited cache size\n"
              "          n         for a bounded cache\n\n"
              "typed:    False     cache f(3) and f(3.0) as identical calls\n"
              "          True      cache f(3) and f(3.0) as distinct calls\n\n"
              "cache_info_type:    namedtuple class with the fields:\n"
              "                        hits misses currsize maxsize\n",
    .tp_traverse = (traverseproc)lru_cache_traverse,
    .tp_clear = (inquiry)lru_cache_tp_clear,
    .tp_weaklistoffset = offsetof(kr_lru_cache, weakreflist),
    .tp_methods = lru_cache_methods,
    .tp_getset = lru_cache_getset,
    .tp_descr_get = lru_cache_descr_get,
    .tp_dictoffset = offsetof(kr_lru_cache, dict),
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = lru_cache_new,
    .tp_free = PyObject_GC_Del,
};
