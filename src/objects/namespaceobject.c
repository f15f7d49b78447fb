/* namespaceobject.c: types.SimpleNamespace, an object whose attributes
 * live in a plain __dict__ (used for sys.implementation, and by the types
 * module).  Repr, equality and pickling follow CPython 3.11. */
#include "internal.h"
#include "objects/str_ids.h"
#include "objects/namespaceobject.h"
#include "structmember.h"

typedef struct {
    PyObject_HEAD
    PyObject *ns_dict;
} kr_namespace;

static PyMemberDef namespace_members[] = {
    {"__dict__", T_OBJECT, offsetof(kr_namespace, ns_dict), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *namespace_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    kr_namespace *ns = (kr_namespace *)type->tp_alloc(type, 0);
    if (ns == NULL)
        return NULL;
    ns->ns_dict = PyDict_New();
    if (ns->ns_dict == NULL) {
        Py_DECREF(ns);
        return NULL;
    }
    return (PyObject *)ns;
}

static int namespace_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_Format(PyExc_TypeError, "no positional arguments expected");
        return -1;
    }
    if (kwds == NULL)
        return 0;
    if (!PyArg_ValidateKeywordArguments(kwds))
        return -1;
    return PyDict_Update(((kr_namespace *)self)->ns_dict, kwds);
}

static void namespace_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((kr_namespace *)self)->ns_dict);
    Py_TYPE(self)->tp_free(self);
}

/* "namespace(a=1, b='x')"; a subclass shows its own name; recursion
 * shows "namespace(...)". */
static PyObject *namespace_repr(PyObject *self)
{
    const char *name = Py_IS_TYPE(self, &_PyNamespace_Type) ? "namespace" : Py_TYPE(self)->tp_name;
    int r = Py_ReprEnter(self);
    if (r != 0)
        return r > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    PyObject *parts = PyList_New(0), *result = NULL;
    if (parts == NULL)
        goto done;
    PyObject *d = ((kr_namespace *)self)->ns_dict, *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0)
            continue;
        Py_INCREF(value);
        PyObject *item = PyUnicode_FromFormat("%U=%R", key, value);
        Py_DECREF(value);
        if (item == NULL || PyList_Append(parts, item) < 0) {
            Py_XDECREF(item);
            goto done;
        }
        Py_DECREF(item);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *body = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    if (body != NULL) {
        result = PyUnicode_FromFormat("%s(%U)", name, body);
        Py_DECREF(body);
    }
done:
    Py_XDECREF(parts);
    Py_ReprLeave(self);
    return result;
}

static int namespace_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_namespace *)self)->ns_dict);
    return 0;
}

static int namespace_clear(PyObject *self)
{
    Py_CLEAR(((kr_namespace *)self)->ns_dict);
    return 0;
}

static PyObject *namespace_richcompare(PyObject *self, PyObject *other, int op)
{
    if (PyObject_TypeCheck(self, &_PyNamespace_Type) && PyObject_TypeCheck(other, &_PyNamespace_Type))
        return PyObject_RichCompare(((kr_namespace *)self)->ns_dict,
                                    ((kr_namespace *)other)->ns_dict, op);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *namespace_reduce(PyObject *self, PyObject *unused)
{
    PyObject *args = PyTuple_New(0);
    if (args == NULL)
        return NULL;
    PyObject *r = Py_BuildValue("(ONO)", (PyObject *)Py_TYPE(self), args,
                                ((kr_namespace *)self)->ns_dict);
    return r;
}

static PyMethodDef namespace_methods[] = {
    {"__reduce__", namespace_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject _PyNamespace_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(kr_namespace),
    .tp_dealloc = namespace_dealloc,
    .tp_repr = namespace_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)",
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_richcompare = namespace_richcompare,
    .tp_methods = namespace_methods,
    .tp_members = namespace_members,
    .tp_dictoffset = offsetof(kr_namespace, ns_dict),
    .tp_init = namespace_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = namespace_new,
    .tp_free = PyObject_GC_Del,
};

PyObject *kr_namespace_new(PyObject *kwds)
{
    PyObject *ns = namespace_new(&_PyNamespace_Type, NULL, NULL);
    if (ns == NULL)
        return NULL;
    if (kwds != NULL && PyDict_Update(((kr_namespace *)ns)->ns_dict, kwds) < 0) {
        Py_DECREF(ns);
        return NULL;
    }
    return ns;
}
