/* local.c: _thread._local, the base of threading.local.
 *
 * Each thread sees its own attribute dict.  The dicts live in the thread
 * states' dicts (PyThreadState_GetDict) under a key unique to the local
 * object, so a thread's dicts die with its thread state; a local object
 * that dies removes its key from every thread of the context.  A thread
 * that first touches the object gets a fresh dict and, for a subclass
 * with its own __init__, a re-run of __init__ with the arguments the
 * object was created with, as CPython does. */
#include "internal.h"
#include "modules/_thread/thread.h"

typedef struct {
    PyObject_HEAD
    PyObject *key;               /* str, unique while the object lives */
    PyObject *args;              /* the constructor's arguments */
    PyObject *kw;
    PyObject *weakreflist;
} kr_local_object;

/* The current thread's dict for self, made (and __init__ re-run) on first
 * use in this thread.  Borrowed reference, or NULL with an exception. */
static PyObject *local_dict(kr_local_object *self)
{
    PyObject *tdict = PyThreadState_GetDict();
    if (tdict == NULL) {
        PyErr_SetString(PyExc_SystemError, "Couldn't get thread-state dictionary");
        return NULL;
    }
    PyObject *ldict = PyDict_GetItemWithError(tdict, self->key);
    if (ldict != NULL || PyErr_Occurred())
        return ldict;
    ldict = PyDict_New();
    if (ldict == NULL)
        return NULL;
    int r = PyDict_SetItem(tdict, self->key, ldict);
    Py_DECREF(ldict);   /* tdict keeps it */
    if (r < 0)
        return NULL;
    initproc init = Py_TYPE(self)->tp_init;
    if (init != PyBaseObject_Type.tp_init) {
        if (init((PyObject *)self, self->args, self->kw) < 0) {
            /* a failed __init__ leaves no dict behind for this thread */
            PyObject *exc = PyErr_GetRaisedException();
            if (PyDict_DelItem(tdict, self->key) < 0)
                PyErr_Clear();
            PyErr_SetRaisedException(exc);
            return NULL;
        }
    }
    return PyDict_GetItemWithError(tdict, self->key);
}

static PyObject *local_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (type->tp_init == PyBaseObject_Type.tp_init &&
        (PyTuple_GET_SIZE(args) > 0 || (kw != NULL && PyDict_GET_SIZE(kw) > 0))) {
        PyErr_SetString(PyExc_TypeError, "Initialization arguments are not supported");
        return NULL;
    }
    kr_local_object *self = (kr_local_object *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->args = Py_NewRef(args);
    self->kw = Py_XNewRef(kw);
    self->key = PyUnicode_FromFormat("_thread._local.%p", self);
    if (self->key == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    /* This thread's dict exists from the start; type.__call__ runs
     * __init__ for it, so it is made here without running __init__. */
    PyObject *tdict = PyThreadState_GetDict();
    PyObject *ldict = PyDict_New();
    if (tdict == NULL || ldict == NULL || PyDict_SetItem(tdict, self->key, ldict) < 0) {
        if (tdict == NULL && !PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "Couldn't get thread-state dictionary");
        Py_XDECREF(ldict);
        Py_DECREF(self);
        return NULL;
    }
    Py_DECREF(ldict);
    return (PyObject *)self;
}

static int local_traverse(kr_local_object *self, visitproc visit, void *arg)
{
    Py_VISIT(self->args);
    Py_VISIT(self->kw);
    return 0;
}

static int local_clear(kr_local_object *self)
{
    Py_CLEAR(self->args);
    Py_CLEAR(self->kw);
    return 0;
}

/* Remove self's dict from every thread of the context.  The values are
 * collected under the thread-list mutex and released after it, since
 * releasing them may run arbitrary code. */
static void local_forget(kr_local_object *self)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL || self->key == NULL)
        return;
    PyObject *dead = PyList_New(0);
    if (dead == NULL) {
        PyErr_Clear();
        return;
    }
    pthread_mutex_lock(&ctx->lock);
    for (PyThreadState *t = ctx->threads; t != NULL; t = t->next) {
        if (t->dict == NULL)
            continue;
        PyObject *v = PyDict_GetItemWithError(t->dict, self->key);
        if (v == NULL)
            continue;
        if (PyList_Append(dead, v) == 0)
            PyDict_DelItem(t->dict, self->key);
    }
    pthread_mutex_unlock(&ctx->lock);
    PyErr_Clear();
    Py_DECREF(dead);
}

static void local_dealloc(kr_local_object *self)
{
    /* a heap subclass's type reference is dropped by subtype_dealloc */
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    PyObject *exc = PyErr_GetRaisedException();
    local_forget(self);
    PyErr_SetRaisedException(exc);
    local_clear(self);
    Py_CLEAR(self->key);
    Py_TYPE(self)->tp_free(self);
}

static int is_dict_name(PyObject *name)
{
    return PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "__dict__") == 0;
}

static PyObject *local_getattro(kr_local_object *self, PyObject *name)
{
    PyObject *ldict = local_dict(self);
    if (ldict == NULL)
        return NULL;
    if (is_dict_name(name))
        return Py_NewRef(ldict);
    Py_INCREF(ldict);
    PyObject *r = _PyObject_GenericGetAttrWithDict((PyObject *)self, name, ldict, 0);
    Py_DECREF(ldict);
    return r;
}

static int local_setattro(kr_local_object *self, PyObject *name, PyObject *v)
{
    PyObject *ldict = local_dict(self);
    if (ldict == NULL)
        return -1;
    if (is_dict_name(name)) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object attribute '%U' is read-only",
                     Py_TYPE(self)->tp_name, name);
        return -1;
    }
    Py_INCREF(ldict);
    int r = _PyObject_GenericSetAttrWithDict((PyObject *)self, name, v, ldict);
    Py_DECREF(ldict);
    return r;
}

PyTypeObject kr_local_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(kr_local_object),
    .tp_dealloc = (destructor)local_dealloc,
    .tp_getattro = (getattrofunc)local_getattro,
    .tp_setattro = (setattrofunc)local_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Thread-local data",
    .tp_traverse = (traverseproc)local_traverse,
    .tp_clear = (inquiry)local_clear,
    .tp_weaklistoffset = offsetof(kr_local_object, weakreflist),
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = local_new,
    .tp_free = PyObject_GC_Del,
};
