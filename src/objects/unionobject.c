/* unionobject.c: types.UnionType, the value of `int | None` (PEP 604):
 * a flattened, de-duplicated tuple of types in __args__, with its repr,
 * equality and hash (order-insensitive), `|` chaining, and use as the
 * second argument of isinstance()/issubclass() (abstract.c unwraps it).
 * A minimal version: no TypeVar substitution.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include "genericaliasobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *args;          /* tuple */
    PyObject *parameters;    /* tuple, made on first use */
} kr_unionobject;

int
kr_union_check(PyObject *obj)
{
    return Py_IS_TYPE(obj, &_PyUnion_Type);
}

PyObject *
kr_union_args(PyObject *obj)
{
    return ((kr_unionobject *)obj)->args;
}

static void
union_dealloc(PyObject *self)
{
    kr_unionobject *u = (kr_unionobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(u->args);
    Py_XDECREF(u->parameters);
    PyObject_GC_Del(self);
}

static int
union_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_unionobject *u = (kr_unionobject *)self;
    Py_VISIT(u->args);
    Py_VISIT(u->parameters);
    return 0;
}

static int
kr_is_unionable(PyObject *obj)
{
    return obj == Py_None || PyType_Check(obj) || Py_IS_TYPE(obj, &Py_GenericAliasType) ||
           kr_union_check(obj);
}

/* Append obj's members (a union's args, or obj itself; None as NoneType)
 * to list, skipping ones already there. */
static int
kr_union_collect(PyObject *list, PyObject *obj)
{
    if (kr_union_check(obj)) {
        PyObject *args = kr_union_args(obj);
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
            if (kr_union_collect(list, PyTuple_GET_ITEM(args, i)) < 0)
                return -1;
        }
        return 0;
    }
    if (obj == Py_None)
        obj = (PyObject *)Py_TYPE(Py_None);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *have = PyList_GET_ITEM(list, i);
        if (have == obj)
            return 0;
        if (Py_IS_TYPE(have, &Py_GenericAliasType) && Py_IS_TYPE(obj, &Py_GenericAliasType)) {
            int eq = PyObject_RichCompareBool(have, obj, Py_EQ);
            if (eq < 0)
                return -1;
            if (eq)
                return 0;
        }
    }
    return PyList_Append(list, obj);
}

PyObject *
_Py_union_type_or(PyObject *self, PyObject *other)
{
    if (!kr_is_unionable(self) || !kr_is_unionable(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    if (kr_union_collect(list, self) < 0 || kr_union_collect(list, other) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    if (PyList_GET_SIZE(list) == 1) {
        PyObject *only = Py_NewRef(PyList_GET_ITEM(list, 0));
        Py_DECREF(list);
        return only;
    }
    PyObject *args = PyList_AsTuple(list);
    Py_DECREF(list);
    if (args == NULL)
        return NULL;
    kr_unionobject *u = PyObject_GC_New(kr_unionobject, &_PyUnion_Type);
    if (u == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    u->args = args;
    u->parameters = NULL;
    PyObject_GC_Track(u);
    return (PyObject *)u;
}

static int
kr_union_repr_item(PyObject *list, PyObject *p)
{
    PyObject *s = NULL;
    if (p == (PyObject *)Py_TYPE(Py_None)) {
        s = PyUnicode_FromString("None");
    }
    else if (PyType_Check(p)) {
        PyObject *qualname = kr_type_qualname((PyTypeObject *)p);
        PyObject *module = qualname ? kr_type_module((PyTypeObject *)p) : NULL;
        if (module == NULL)
            PyErr_Clear();
        if (qualname != NULL) {
            if (module != NULL && PyUnicode_Check(module) &&
                PyUnicode_CompareWithASCIIString(module, "builtins") != 0)
                s = PyUnicode_FromFormat("%U.%U", module, qualname);
            else
                s = Py_NewRef(qualname);
        }
        Py_XDECREF(module);
        Py_XDECREF(qualname);
    }
    else {
        s = PyObject_Repr(p);
    }
    if (s == NULL)
        return -1;
    int r = PyList_Append(list, s);
    Py_DECREF(s);
    return r;
}

static PyObject *
union_repr(PyObject *self)
{
    PyObject *args = kr_union_args(self);
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (kr_union_repr_item(parts, PyTuple_GET_ITEM(args, i)) < 0) {
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *sep = PyUnicode_FromString(" | ");
    PyObject *res = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    return res;
}

static PyObject *
kr_union_frozenset(PyObject *self)
{
    return PyFrozenSet_New(kr_union_args(self));
}

static Py_hash_t
union_hash(PyObject *self)
{
    PyObject *set = kr_union_frozenset(self);
    if (set == NULL)
        return -1;
    Py_hash_t h = PyObject_Hash(set);
    Py_DECREF(set);
    return h;
}

static PyObject *
union_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!kr_union_check(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *sa = kr_union_frozenset(a);
    if (sa == NULL)
        return NULL;
    PyObject *sb = kr_union_frozenset(b);
    if (sb == NULL) {
        Py_DECREF(sa);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(sa, sb, op);
    Py_DECREF(sa);
    Py_DECREF(sb);
    return res;
}

static PyObject *
union_parameters(PyObject *self, void *closure)
{
    kr_unionobject *u = (kr_unionobject *)self;
    if (u->parameters == NULL) {
        /* Gather the type variables of the members, in order, once each. */
        PyObject *list = PyList_New(0);
        if (list == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(u->args); i++) {
            PyObject *params;
            if (_PyObject_LookupAttr(PyTuple_GET_ITEM(u->args, i), KR_ID(__parameters__),
                                     &params) < 0) {
                Py_DECREF(list);
                return NULL;
            }
            if (params == NULL)
                continue;
            if (PyTuple_Check(params)) {
                for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(params); j++) {
                    PyObject *t = PyTuple_GET_ITEM(params, j);
                    int has = PySequence_Contains(list, t);
                    if (has < 0 || (!has && PyList_Append(list, t) < 0)) {
                        Py_DECREF(params);
                        Py_DECREF(list);
                        return NULL;
                    }
                }
            }
            Py_DECREF(params);
        }
        u->parameters = PyList_AsTuple(list);
        Py_DECREF(list);
        if (u->parameters == NULL)
            return NULL;
    }
    return Py_NewRef(u->parameters);
}

static PyObject *
union_instancecheck(PyObject *self, PyObject *inst)
{
    int r = PyObject_IsInstance(inst, kr_union_args(self));
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
union_subclasscheck(PyObject *self, PyObject *sub)
{
    int r = PyObject_IsSubclass(sub, kr_union_args(self));
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyMemberDef union_members[] = {
    {"__args__", T_OBJECT, offsetof(kr_unionobject, args), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef union_getsets[] = {
    {"__parameters__", union_parameters, NULL, "Type variables in the types.UnionType.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef union_methods[] = {
    {"__instancecheck__", union_instancecheck, METH_O, NULL},
    {"__subclasscheck__", union_subclasscheck, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyNumberMethods union_as_number = {
    .nb_or = _Py_union_type_or,
};

PyTypeObject _PyUnion_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(kr_unionobject),
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_hash = union_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_traverse = union_traverse,
    .tp_richcompare = union_richcompare,
    .tp_methods = union_methods,
    .tp_members = union_members,
    .tp_getset = union_getsets,
};
