/* defaultdict.c: collections.defaultdict, a dict subclass whose
 * __missing__ calls default_factory and stores the result.  dict's own
 * subscript calls __missing__ for subclasses, so lookups of present keys
 * cost exactly what a dict's do. */
#include "internal.h"
#include "structmember.h"
#include "modules/_collections/collections.h"

typedef struct {
    PyDictObject dict;
    PyObject *default_factory;   /* NULL or None: no factory */
} kr_defdict;

#define KR_DEFDICT(op) ((kr_defdict *)(op))

static PyObject *
defdict_missing(PyObject *self, PyObject *key)
{
    PyObject *factory = KR_DEFDICT(self)->default_factory;
    if (factory == NULL || factory == Py_None) {
        PyObject *tup = PyTuple_Pack(1, key);
        if (tup == NULL)
            return NULL;
        PyErr_SetObject(PyExc_KeyError, tup);
        Py_DECREF(tup);
        return NULL;
    }
    PyObject *value = PyObject_CallNoArgs(factory);
    if (value == NULL)
        return NULL;
    if (PyObject_SetItem(self, key, value) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

/* type(self)(default_factory, arg): how copy and | build results. */
static PyObject *
defdict_new_like(PyObject *self, PyObject *arg)
{
    PyObject *factory = KR_DEFDICT(self)->default_factory;
    return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(self), factory ? factory : Py_None,
                                        arg, NULL);
}

static PyObject *
defdict_copy(PyObject *self, PyObject *unused)
{
    return defdict_new_like(self, self);
}

static PyObject *
defdict_reduce(PyObject *self, PyObject *unused)
{
    PyObject *factory = KR_DEFDICT(self)->default_factory;
    PyObject *args = (factory == NULL || factory == Py_None) ? PyTuple_New(0)
                                                            : PyTuple_Pack(1, factory);
    if (args == NULL)
        return NULL;
    PyObject *items = PyObject_CallMethodNoArgs(self, KR_ID(items));
    if (items == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyObject *iter = PyObject_GetIter(items);
    Py_DECREF(items);
    if (iter == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(5, Py_TYPE(self), args, Py_None, Py_None, iter);
    Py_DECREF(iter);
    Py_DECREF(args);
    return result;
}

static PyObject *
defdict_repr(PyObject *self)
{
    PyObject *factory = KR_DEFDICT(self)->default_factory, *defrepr;
    if (factory == NULL) {
        defrepr = PyUnicode_FromString("None");
    }
    else {
        int status = Py_ReprEnter(factory);
        if (status != 0) {
            if (status < 0)
                return NULL;
            defrepr = PyUnicode_FromString("...");
        }
        else {
            defrepr = PyObject_Repr(factory);
            Py_ReprLeave(factory);
        }
    }
    if (defrepr == NULL)
        return NULL;
    PyObject *baserepr = PyDict_Type.tp_repr(self);
    if (baserepr == NULL) {
        Py_DECREF(defrepr);
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%s(%U, %U)", _PyType_Name(Py_TYPE(self)), defrepr,
                                            baserepr);
    Py_DECREF(defrepr);
    Py_DECREF(baserepr);
    return result;
}

static PyObject *
defdict_or(PyObject *left, PyObject *right)
{
    PyObject *self, *other;
    if (PyObject_TypeCheck(left, &kr_defaultdict_type)) {
        self = left;
        other = right;
    }
    else {
        self = right;
        other = left;
    }
    if (!PyDict_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    /* like copy(), through the class: subclasses with other constructors
     * override __or__/__ror__ */
    PyObject *new = defdict_new_like(self, left);
    if (new == NULL)
        return NULL;
    if (PyDict_Update(new, right) < 0) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static void
defdict_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(KR_DEFDICT(self)->default_factory);
    PyDict_Type.tp_dealloc(self);
}

static int
defdict_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(KR_DEFDICT(self)->default_factory);
    return PyDict_Type.tp_traverse(self, visit, arg);
}

static int
defdict_tp_clear(PyObject *self)
{
    Py_CLEAR(KR_DEFDICT(self)->default_factory);
    return PyDict_Type.tp_clear(self);
}

static int
defdict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *newdefault = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 0) {
        newdefault = PyTuple_GET_ITEM(args, 0);
        if (!PyCallable_Check(newdefault) && newdefault != Py_None) {
            PyErr_SetString(PyExc_TypeError, "first argument must be callable or None");
            return -1;
        }
    }
    PyObject *rest = PyTuple_GetSlice(args, n > 0 ? 1 : 0, n);
    if (rest == NULL)
        return -1;
    Py_XSETREF(KR_DEFDICT(self)->default_factory, Py_XNewRef(newdefault));
    int result = PyDict_Type.tp_init(self, rest, kwds);
    Py_DECREF(rest);
    return result;
}

static PyMethodDef defdict_methods[] = {
    {"__missing__", defdict_missing, METH_O,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n"
     "  return value"},
    {"copy", defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef defdict_members[] = {
    {"default_factory", T_OBJECT, offsetof(kr_defdict, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, 0, NULL}
};

static PyNumberMethods defdict_as_number = {
    .nb_or = defdict_or,
};

PyTypeObject kr_defaultdict_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(kr_defdict),
    .tp_dealloc = defdict_dealloc,
    .tp_repr = defdict_repr,
    .tp_as_number = &defdict_as_number,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
              "The default factory is called without arguments to produce\n"
              "a new value when a key is not present, in __getitem__ only.\n"
              "A defaultdict compares equal to a dict with the same items.\n"
              "All remaining arguments are treated the same as if they were\n"
              "passed to the dict constructor, including keyword arguments.\n",
    .tp_traverse = defdict_traverse,
    .tp_clear = defdict_tp_clear,
    .tp_methods = defdict_methods,
    .tp_members = defdict_members,
    .tp_base = &PyDict_Type,
    .tp_init = defdict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};
