/* genericaliasobject.c: types.GenericAlias, what list[int] and the other
 * __class_getitem__ methods of builtin classes return (PEP 585).
 *
 * An alias records an origin class and a tuple of arguments; the type
 * variables among the arguments become __parameters__, which a further
 * subscription substitutes.  Attribute access falls through to the
 * origin, so list[int].append is list.append.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "structmember.h"

typedef struct {
    PyObject_HEAD
    PyObject *origin;
    PyObject *args;         /* always a tuple */
    PyObject *parameters;   /* computed on first use; NULL until then */
} kr_gaobject;

static void
kr_ga_dealloc(kr_gaobject *alias)
{
    PyObject_GC_UnTrack(alias);
    Py_XDECREF(alias->origin);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(alias)->tp_free((PyObject *)alias);
}

static int
kr_ga_traverse(kr_gaobject *alias, visitproc visit, void *arg)
{
    Py_VISIT(alias->origin);
    Py_VISIT(alias->args);
    Py_VISIT(alias->parameters);
    return 0;
}

/* Looks up attribute `name` (a C string): 1 found, 0 absent, -1 error. */
static int
kr_ga_lookup(PyObject *obj, const char *name, PyObject **result)
{
    PyObject *s = PyUnicode_InternFromString(name);
    if (s == NULL) {
        *result = NULL;
        return -1;
    }
    int r = _PyObject_LookupAttr(obj, s, result);
    Py_DECREF(s);
    return r;
}

/* The repr of one argument: "..." for Ellipsis, qualified names for
 * classes, repr() otherwise. */
static int
kr_ga_repr_item(_PyUnicodeWriter *writer, PyObject *p)
{
    PyObject *qualname = NULL, *module = NULL, *r = NULL, *tmp;
    int err;
    if (p == Py_Ellipsis)
        return _PyUnicodeWriter_WriteASCIIString(writer, "...", 3);
    if ((err = kr_ga_lookup(p, "__origin__", &tmp)) < 0)
        goto done;
    if (err) {
        Py_DECREF(tmp);
        if ((err = kr_ga_lookup(p, "__args__", &tmp)) < 0)
            goto done;
        if (err) {
            Py_DECREF(tmp);
            goto use_repr;   /* looks like a GenericAlias */
        }
    }
    if (kr_ga_lookup(p, "__qualname__", &qualname) < 0)
        goto done;
    if (qualname == NULL)
        goto use_repr;
    if (kr_ga_lookup(p, "__module__", &module) < 0)
        goto done;
    if (module == NULL || module == Py_None)
        goto use_repr;
    if (PyUnicode_Check(module) && _PyUnicode_EqualToASCIIString(module, "builtins"))
        r = PyObject_Str(qualname);
    else
        r = PyUnicode_FromFormat("%S.%S", module, qualname);
    goto done;
use_repr:
    r = PyObject_Repr(p);
done:
    Py_XDECREF(qualname);
    Py_XDECREF(module);
    if (r == NULL)
        return -1;
    err = _PyUnicodeWriter_WriteStr(writer, r);
    Py_DECREF(r);
    return err;
}

static int
kr_ga_repr_items_list(_PyUnicodeWriter *writer, PyObject *p)
{
    Py_ssize_t len = PyList_GET_SIZE(p);
    if (_PyUnicodeWriter_WriteChar(writer, '[') < 0)
        return -1;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(writer, ", ", 2) < 0)
            return -1;
        PyObject *item = PyList_GET_ITEM(p, i);
        if (kr_ga_repr_item(writer, item) < 0)
            return -1;
    }
    return _PyUnicodeWriter_WriteChar(writer, ']');
}

static PyObject *
kr_ga_repr(kr_gaobject *alias)
{
    Py_ssize_t len = PyTuple_GET_SIZE(alias->args);
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (kr_ga_repr_item(&writer, alias->origin) < 0)
        goto error;
    if (_PyUnicodeWriter_WriteChar(&writer, '[') < 0)
        goto error;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error;
        PyObject *p = PyTuple_GET_ITEM(alias->args, i);
        if (PyList_CheckExact(p)) {
            if (kr_ga_repr_items_list(&writer, p) < 0)
                goto error;
        }
        else if (kr_ga_repr_item(&writer, p) < 0) {
            goto error;
        }
    }
    if (len == 0 && _PyUnicodeWriter_WriteASCIIString(&writer, "()", 2) < 0)
        goto error;
    if (_PyUnicodeWriter_WriteChar(&writer, ']') < 0)
        goto error;
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

/* Whether `obj` is a type variable (anything with __typing_subst__). */
static int
kr_ga_is_typevar(PyObject *obj)
{
    if (PyType_Check(obj))
        return 0;
    PyObject *subst;
    int r = kr_ga_lookup(obj, "__typing_subst__", &subst);
    Py_XDECREF(subst);
    return r;
}

static int
kr_ga_add_unique(PyObject *list, PyObject *item)
{
    int r = PySequence_Contains(list, item);
    if (r != 0)
        return r < 0 ? -1 : 0;
    return PyList_Append(list, item);
}

/* The type variables in args, each once, in order of appearance. */
static PyObject *
kr_ga_make_parameters(PyObject *args)
{
    PyObject *params = PyList_New(0);
    if (params == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *t = PyTuple_GET_ITEM(args, i);
        int tv = kr_ga_is_typevar(t);
        if (tv < 0)
            goto error;
        if (tv) {
            if (kr_ga_add_unique(params, t) < 0)
                goto error;
            continue;
        }
        if (PyType_Check(t))
            continue;
        PyObject *subparams;
        if (kr_ga_lookup(t, "__parameters__", &subparams) < 0)
            goto error;
        if (subparams != NULL && PyTuple_Check(subparams)) {
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(subparams); j++) {
                if (kr_ga_add_unique(params, PyTuple_GET_ITEM(subparams, j)) < 0) {
                    Py_DECREF(subparams);
                    goto error;
                }
            }
        }
        Py_XDECREF(subparams);
    }
    PyObject *res = PyList_AsTuple(params);
    Py_DECREF(params);
    return res;
error:
    Py_DECREF(params);
    return NULL;
}

static PyObject *
kr_ga_parameters(PyObject *self, void *unused)
{
    kr_gaobject *alias = (kr_gaobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = kr_ga_make_parameters(alias->args);
        if (alias->parameters == NULL)
            return NULL;
    }
    return Py_NewRef(alias->parameters);
}

/* Replaces each parameter in `item`'s own parameters by its argument. */
static PyObject *
kr_ga_subs_tvars(PyObject *obj, PyObject *params, PyObject *argitems)
{
    PyObject *subparams;
    if (kr_ga_lookup(obj, "__parameters__", &subparams) < 0)
        return NULL;
    if (subparams && PyTuple_Check(subparams) && PyTuple_GET_SIZE(subparams)) {
        Py_ssize_t nparams = PyTuple_GET_SIZE(params);
        Py_ssize_t nsub = PyTuple_GET_SIZE(subparams);
        PyObject *subargs = PyTuple_New(nsub);
        if (subargs == NULL) {
            Py_DECREF(subparams);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < nsub; i++) {
            PyObject *arg = PyTuple_GET_ITEM(subparams, i);
            for (Py_ssize_t j = 0; j < nparams; j++) {
                if (PyTuple_GET_ITEM(params, j) == arg) {
                    arg = PyTuple_GET_ITEM(argitems, j);
                    break;
                }
            }
            PyTuple_SET_ITEM(subargs, i, Py_NewRef(arg));
        }
        obj = PyObject_GetItem(obj, subargs);
        Py_DECREF(subargs);
    }
    else {
        Py_INCREF(obj);
    }
    Py_XDECREF(subparams);
    return obj;
}

static PyObject *
kr_ga_getitem(PyObject *self, PyObject *item)
{
    kr_gaobject *alias = (kr_gaobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = kr_ga_make_parameters(alias->args);
        if (alias->parameters == NULL)
            return NULL;
    }
    Py_ssize_t nparams = PyTuple_GET_SIZE(alias->parameters);
    if (nparams == 0)
        return PyErr_Format(PyExc_TypeError, "%R is not a generic class", self);
    PyObject *argitems = PyTuple_Check(item) ? Py_NewRef(item) : PyTuple_Pack(1, item);
    if (argitems == NULL)
        return NULL;
    Py_ssize_t nitems = PyTuple_GET_SIZE(argitems);
    if (nitems != nparams) {
        Py_DECREF(argitems);
        return PyErr_Format(PyExc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                            nitems > nparams ? "many" : "few", self, nitems, nparams);
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(alias->args);
    PyObject *newargs = PyTuple_New(nargs);
    if (newargs == NULL) {
        Py_DECREF(argitems);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *arg = PyTuple_GET_ITEM(alias->args, i);
        PyObject *newarg = NULL;
        int tv = kr_ga_is_typevar(arg);
        if (tv < 0)
            goto error;
        if (tv) {
            for (Py_ssize_t j = 0; j < nparams; j++) {
                if (PyTuple_GET_ITEM(alias->parameters, j) == arg) {
                    newarg = Py_NewRef(PyTuple_GET_ITEM(argitems, j));
                    break;
                }
            }
            if (newarg == NULL)
                newarg = Py_NewRef(arg);
        }
        else {
            newarg = kr_ga_subs_tvars(arg, alias->parameters, argitems);
            if (newarg == NULL)
                goto error;
        }
        PyTuple_SET_ITEM(newargs, i, newarg);
    }
    Py_DECREF(argitems);
    PyObject *res = Py_GenericAlias(alias->origin, newargs);
    Py_DECREF(newargs);
    return res;
error:
    Py_DECREF(argitems);
    Py_DECREF(newargs);
    return NULL;
}

static PyMappingMethods kr_ga_as_mapping = {
    .mp_subscript = kr_ga_getitem,
};

static Py_hash_t
kr_ga_hash(PyObject *self)
{
    kr_gaobject *alias = (kr_gaobject *)self;
    Py_hash_t h0 = PyObject_Hash(alias->origin);
    if (h0 == -1)
        return -1;
    Py_hash_t h1 = PyObject_Hash(alias->args);
    if (h1 == -1)
        return -1;
    Py_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static PyObject *
kr_ga_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    kr_gaobject *alias = (kr_gaobject *)self;
    PyObject *obj = PyObject_Call(alias->origin, args, kwds);
    if (obj != NULL) {
        /* instances remember the alias they came from, when they can */
        if (PyObject_SetAttrString(obj, "__orig_class__", self) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
                !PyErr_ExceptionMatches(PyExc_TypeError)) {
                Py_DECREF(obj);
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return obj;
}

/* Names that belong to the alias itself rather than its origin. */
static const char *const kr_ga_attr_exceptions[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
    "__reduce__", "__copy__", "__deepcopy__", NULL,
};

static PyObject *
kr_ga_getattro(PyObject *self, PyObject *name)
{
    kr_gaobject *alias = (kr_gaobject *)self;
    if (PyUnicode_Check(name)) {
        const char *const *p;
        for (p = kr_ga_attr_exceptions; *p != NULL; p++) {
            if (_PyUnicode_EqualToASCIIString(name, *p))
                break;
        }
        if (*p == NULL)
            return PyObject_GetAttr(alias->origin, name);
    }
    return PyObject_GenericGetAttr(self, name);
}

static PyObject *
kr_ga_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_TypeCheck(a, &Py_GenericAliasType) ||
        !PyObject_TypeCheck(b, &Py_GenericAliasType) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    if (op == Py_NE) {
        PyObject *eq = kr_ga_richcompare(a, b, Py_EQ);
        if (eq == NULL)
            return NULL;
        int r = eq == Py_True;
        Py_DECREF(eq);
        return Py_NewRef(r ? Py_False : Py_True);
    }
    kr_gaobject *aa = (kr_gaobject *)a, *bb = (kr_gaobject *)b;
    int eq = PyObject_RichCompareBool(aa->origin, bb->origin, Py_EQ);
    if (eq < 0)
        return NULL;
    if (!eq)
        Py_RETURN_FALSE;
    return PyObject_RichCompare(aa->args, bb->args, Py_EQ);
}

static PyObject *
kr_ga_mro_entries(PyObject *self, PyObject *args)
{
    return PyTuple_Pack(1, ((kr_gaobject *)self)->origin);
}

static PyObject *
kr_ga_instancecheck(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *
kr_ga_subclasscheck(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *
kr_ga_reduce(PyObject *self, PyObject *unused)
{
    kr_gaobject *alias = (kr_gaobject *)self;
    return Py_BuildValue("O(OO)", Py_TYPE(alias), alias->origin, alias->args);
}

static PyMethodDef kr_ga_methods[] = {
    {"__mro_entries__", kr_ga_mro_entries, METH_O, NULL},
    {"__instancecheck__", kr_ga_instancecheck, METH_O, NULL},
    {"__subclasscheck__", kr_ga_subclasscheck, METH_O, NULL},
    {"__reduce__", kr_ga_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef kr_ga_members[] = {
    {"__origin__", T_OBJECT, offsetof(kr_gaobject, origin), READONLY, NULL},
    {"__args__", T_OBJECT, offsetof(kr_gaobject, args), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef kr_ga_getset[] = {
    {"__parameters__", kr_ga_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static int
kr_ga_setup(kr_gaobject *alias, PyObject *origin, PyObject *args)
{
    if (!PyTuple_Check(args)) {
        args = PyTuple_Pack(1, args);
        if (args == NULL)
            return 0;
    }
    else {
        Py_INCREF(args);
    }
    alias->origin = Py_NewRef(origin);
    alias->args = args;
    alias->parameters = NULL;
    return 1;
}

static PyObject *
kr_ga_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("GenericAlias", kwds))
        return NULL;
    if (!KR_CHECK_NARGS("GenericAlias", PyTuple_GET_SIZE(args), 2, 2))
        return NULL;
    kr_gaobject *self = (kr_gaobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (!kr_ga_setup(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1))) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

PyTypeObject Py_GenericAliasType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(kr_gaobject),
    .tp_dealloc = (destructor)kr_ga_dealloc,
    .tp_repr = (reprfunc)kr_ga_repr,
    .tp_as_mapping = &kr_ga_as_mapping,
    .tp_hash = kr_ga_hash,
    .tp_call = kr_ga_call,
    .tp_getattro = kr_ga_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    .tp_traverse = (traverseproc)kr_ga_traverse,
    .tp_richcompare = kr_ga_richcompare,
    .tp_methods = kr_ga_methods,
    .tp_members = kr_ga_members,
    .tp_getset = kr_ga_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_ga_new,
    .tp_free = PyObject_GC_Del,
};

PyObject *
Py_GenericAlias(PyObject *origin, PyObject *args)
{
    kr_gaobject *alias = PyObject_GC_New(kr_gaobject, &Py_GenericAliasType);
    if (alias == NULL)
        return NULL;
    if (!kr_ga_setup(alias, origin, args)) {
        alias->origin = alias->args = alias->parameters = NULL;
        Py_DECREF(alias);
        return NULL;
    }
    PyObject_GC_Track(alias);
    return (PyObject *)alias;
}
