/* partial.c: functools.partial.
 *
 * A partial stores the function, the frozen positional arguments (a
 * tuple) and keywords (a dict).  Calls go through vectorcall: with no
 * frozen keywords the frozen and the new positional arguments are laid
 * out in one C array (on the stack when small) and passed on without
 * building a tuple; with frozen keywords the call takes the
 * tuple-and-dict path, since the keyword dict must be merged anyway.
 * partial(partial(f, a), b) is flattened to partial(f, a, b) unless the
 * inner one has instance attributes. */
#include "internal.h"
#include "structmember.h"
#include "modules/_functools/functools.h"

typedef struct {
    PyObject_HEAD
    PyObject *fn;
    PyObject *args;        /* tuple */
    PyObject *kw;          /* dict */
    PyObject *dict;        /* __dict__, or NULL */
    PyObject *weakreflist;
    vectorcallfunc vectorcall;
} kr_partial;

static PyObject *partial_call(kr_partial *pto, PyObject *args, PyObject *kwargs);
static PyObject *partial_vectorcall(kr_partial *pto, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);

static PyObject *
partial_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError, "type 'partial' takes at least one argument");
        return NULL;
    }
    PyObject *pargs = NULL, *pkw = NULL;
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    if (Py_TYPE(func)->tp_call == (ternaryfunc)partial_call) {
        /* any type calling through partial_call has partial's layout */
        kr_partial *part = (kr_partial *)func;
        if (part->dict == NULL) {
            pargs = part->args;
            pkw = part->kw;
            func = part->fn;
        }
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    kr_partial *pto = (kr_partial *)type->tp_alloc(type, 0);
    if (pto == NULL)
        return NULL;
    pto->fn = Py_NewRef(func);
    PyObject *nargs = PyTuple_GetSlice(args, 1, PY_SSIZE_T_MAX);
    if (nargs == NULL) {
        Py_DECREF(pto);
        return NULL;
    }
    if (pargs == NULL) {
        pto->args = nargs;
    }
    else {
        pto->args = PySequence_Concat(pargs, nargs);
        Py_DECREF(nargs);
        if (pto->args == NULL) {
            Py_DECREF(pto);
            return NULL;
        }
    }
    if (pkw == NULL || PyDict_GET_SIZE(pkw) == 0)
        pto->kw = kw != NULL ? PyDict_Copy(kw) : PyDict_New();
    else {
        pto->kw = PyDict_Copy(pkw);
        if (kw != NULL && pto->kw != NULL && PyDict_Merge(pto->kw, kw, 1) != 0) {
            Py_DECREF(pto);
            return NULL;
        }
    }
    if (pto->kw == NULL) {
        Py_DECREF(pto);
        return NULL;
    }
    pto->vectorcall = (vectorcallfunc)partial_vectorcall;
    return (PyObject *)pto;
}

static int
partial_clear(kr_partial *pto)
{
    Py_CLEAR(pto->fn);
    Py_CLEAR(pto->args);
    Py_CLEAR(pto->kw);
    Py_CLEAR(pto->dict);
    return 0;
}

static int
partial_traverse(kr_partial *pto, visitproc visit, void *arg)
{
    Py_VISIT(pto->fn);
    Py_VISIT(pto->args);
    Py_VISIT(pto->kw);
    Py_VISIT(pto->dict);
    return 0;
}

static void
partial_dealloc(kr_partial *pto)
{
    PyObject_GC_UnTrack(pto);
    if (pto->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)pto);
    partial_clear(pto);
    Py_TYPE(pto)->tp_free(pto);
}

/* The general path: frozen + new positional arguments as a tuple, frozen
 * keywords updated by the new ones. */
static PyObject *
partial_call(kr_partial *pto, PyObject *args, PyObject *kwargs)
{
    PyObject *kwargs2;
    if (PyDict_GET_SIZE(pto->kw) == 0) {
        kwargs2 = Py_XNewRef(kwargs);
    }
    else {
        kwargs2 = PyDict_Copy(pto->kw);
        if (kwargs2 == NULL)
            return NULL;
        if (kwargs != NULL && PyDict_Merge(kwargs2, kwargs, 1) != 0) {
            Py_DECREF(kwargs2);
            return NULL;
        }
    }
    PyObject *args2 = PySequence_Concat(pto->args, args);
    if (args2 == NULL) {
        Py_XDECREF(kwargs2);
        return NULL;
    }
    PyObject *res = PyObject_Call(pto->fn, args2, kwargs2);
    Py_DECREF(args2);
    Py_XDECREF(kwargs2);
    return res;
}

static PyObject *
partial_vectorcall(kr_partial *pto, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    /* pto->kw may have been changed: check on every call */
    if (PyDict_GET_SIZE(pto->kw) != 0) {
        PyObject *argtuple = _PyTuple_FromArray(args, PyVectorcall_NARGS(nargsf));
        if (argtuple == NULL)
            return NULL;
        PyObject *kwdict = NULL;
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
            kwdict = _PyStack_AsDict(args + PyVectorcall_NARGS(nargsf), kwnames);
            if (kwdict == NULL) {
                Py_DECREF(argtuple);
                return NULL;
            }
        }
        PyObject *res = partial_call(pto, argtuple, kwdict);
        Py_DECREF(argtuple);
        Py_XDECREF(kwdict);
        return res;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject **pto_args = _PyTuple_ITEMS(pto->args);
    Py_ssize_t pto_nargs = PyTuple_GET_SIZE(pto->args);
    if (nargs + nkw == 0)
        return PyObject_Vectorcall(pto->fn, pto_args, (size_t)pto_nargs, NULL);
    if (pto_nargs == 0)
        return PyObject_Vectorcall(pto->fn, args, nargsf, kwnames);
    /* one frozen argument and a caller that allows it: borrow args[-1] */
    if (pto_nargs == 1 && (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET)) {
        PyObject **newargs = (PyObject **)args - 1;
        PyObject *tmp = newargs[0];
        newargs[0] = pto_args[0];
        PyObject *res = PyObject_Vectorcall(pto->fn, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = tmp;
        return res;
    }
    Py_ssize_t total = pto_nargs + nargs + nkw;
    PyObject *small[8];
    PyObject **stack = small;
    if (total > (Py_ssize_t)(sizeof(small) / sizeof(small[0]))) {
        stack = PyMem_Malloc((size_t)total * sizeof(PyObject *));
        if (stack == NULL)
            return PyErr_NoMemory();
    }
    memcpy(stack, pto_args, (size_t)pto_nargs * sizeof(PyObject *));
    memcpy(stack + pto_nargs, args, (size_t)(nargs + nkw) * sizeof(PyObject *));
    PyObject *res = PyObject_Vectorcall(pto->fn, stack, (size_t)(pto_nargs + nargs), kwnames);
    if (stack != small)
        PyMem_Free(stack);
    return res;
}

static PyObject *
partial_repr(kr_partial *pto)
{
    int status = Py_ReprEnter((PyObject *)pto);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromString("...");
    }
    PyObject *result = NULL;
    PyObject *arglist = PyUnicode_FromString("");
    if (arglist == NULL)
        goto done;
    /* the tuple and dict may change during the reprs: hold them */
    PyObject *args = Py_NewRef(pto->args), *kw = Py_NewRef(pto->kw);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        Py_SETREF(arglist, PyUnicode_FromFormat("%U, %R", arglist, PyTuple_GET_ITEM(args, i)));
        if (arglist == NULL)
            break;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (arglist != NULL && PyDict_Next(kw, &pos, &key, &value)) {
        Py_INCREF(key);
        Py_INCREF(value);
        Py_SETREF(arglist, PyUnicode_FromFormat("%U, %S=%R", arglist, key, value));
        Py_DECREF(key);
        Py_DECREF(value);
    }
    Py_DECREF(args);
    Py_DECREF(kw);
    if (arglist != NULL)
        result = PyUnicode_FromFormat("%s(%R%U)", Py_TYPE(pto)->tp_name, pto->fn, arglist);
    Py_XDECREF(arglist);
done:
    Py_ReprLeave((PyObject *)pto);
    return result;
}

static PyObject *
partial_reduce(kr_partial *pto, PyObject *unused)
{
    return Py_BuildValue("O(O)(OOOO)", Py_TYPE(pto), pto->fn, pto->fn, pto->args, pto->kw,
                         pto->dict ? pto->dict : Py_None);
}

static PyObject *
partial_setstate(kr_partial *pto, PyObject *state)
{
    PyObject *fn, *fnargs, *kw, *dict;
    if (!PyTuple_Check(state) || !PyArg_ParseTuple(state, "OOOO", &fn, &fnargs, &kw, &dict) ||
        !PyCallable_Check(fn) || !PyTuple_Check(fnargs) || (kw != Py_None && !PyDict_Check(kw))) {
        PyErr_SetString(PyExc_TypeError, "invalid partial state");
        return NULL;
    }
    fnargs = PyTuple_CheckExact(fnargs) ? Py_NewRef(fnargs) : PySequence_Tuple(fnargs);
    if (fnargs == NULL)
        return NULL;
    if (kw == Py_None)
        kw = PyDict_New();
    else if (!PyDict_CheckExact(kw))
        kw = PyDict_Copy(kw);
    else
        Py_INCREF(kw);
    if (kw == NULL) {
        Py_DECREF(fnargs);
        return NULL;
    }
    Py_SETREF(pto->fn, Py_NewRef(fn));
    Py_SETREF(pto->args, fnargs);
    Py_SETREF(pto->kw, kw);
    Py_XSETREF(pto->dict, dict == Py_None ? NULL : Py_NewRef(dict));
    Py_RETURN_NONE;
}

static PyMethodDef partial_methods[] = {
    {"__reduce__", (PyCFunction)partial_reduce, METH_NOARGS},
    {"__setstate__", (PyCFunction)partial_setstate, METH_O},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef partial_members[] = {
    {"func", T_OBJECT, offsetof(kr_partial, fn), READONLY,
     "function object to use in future partial calls"},
    {"args", T_OBJECT, offsetof(kr_partial, args), READONLY,
     "tuple of arguments to future partial calls"},
    {"keywords", T_OBJECT, offsetof(kr_partial, kw), READONLY,
     "dictionary of keyword arguments to future partial calls"},
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(kr_partial, vectorcall), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef partial_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject kr_partial_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(kr_partial),
    .tp_dealloc = (destructor)partial_dealloc,
    .tp_vectorcall_offset = offsetof(kr_partial, vectorcall),
    .tp_repr = (reprfunc)partial_repr,
    .tp_call = (ternaryfunc)partial_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "partial(func, *args, **keywords) - new function with partial application\n"
              "    of the given arguments and keywords.\n",
    .tp_traverse = (traverseproc)partial_traverse,
    .tp_clear = (inquiry)partial_clear,
    .tp_weaklistoffset = offsetof(kr_partial, weakreflist),
    .tp_methods = partial_methods,
    .tp_members = partial_members,
    .tp_getset = partial_getset,
    .tp_dictoffset = offsetof(kr_partial, dict),
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = partial_new,
    .tp_free = PyObject_GC_Del,
};
