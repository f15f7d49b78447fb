/* methodobject.c: builtin functions and methods (PyCFunction_Type,
 * PyCMethod_Type) and the one place that calls a C function described by
 * a PyMethodDef under each METH_* convention (kr_cfunc_invoke, shared with
 * the method descriptors of descrobject.c), plus the parsing of
 * "name(sig)\n--\n\n" docstring prefixes into __doc__/__text_signature__.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include "objects/methodobject_internal.h"
#include "objects/call_internal.h"

/* ---- docstrings with embedded signatures ---- */

static const char *
kr_find_signature(const char *name, const char *doc)
{
    if (name == NULL || doc == NULL)
        return NULL;
    const char *dot = strrchr(name, '.');
    if (dot != NULL)
        name = dot + 1;
    size_t length = strlen(name);
    if (strncmp(doc, name, length) != 0)
        return NULL;
    doc += length;
    return *doc == '(' ? doc : NULL;
}

#define KR_SIG_END ")\n--\n\n"

static const char *
kr_skip_signature(const char *doc)
{
    while (*doc) {
        if (*doc == ')' && strncmp(doc, KR_SIG_END, sizeof(KR_SIG_END) - 1) == 0)
            return doc + sizeof(KR_SIG_END) - 1;
        if (*doc == '\n' && doc[1] == '\n')
            return NULL;
        doc++;
    }
    return NULL;
}

const char *
kr_doc_without_signature(const char *name, const char *doc)
{
    const char *d = kr_find_signature(name, doc);
    if (d != NULL) {
        d = kr_skip_signature(d);
        if (d != NULL)
            return d;
    }
    return doc;
}

PyObject *
kr_doc_from_internal(const char *name, const char *doc)
{
    const char *d = kr_doc_without_signature(name, doc);
    if (d == NULL || *d == '\0')
        Py_RETURN_NONE;
    return PyUnicode_FromString(d);
}

PyObject *
kr_text_signature_from_internal(const char *name, const char *doc)
{
    const char *start = kr_find_signature(name, doc);
    if (start == NULL)
        Py_RETURN_NONE;
    const char *end = kr_skip_signature(start);
    if (end == NULL)
        Py_RETURN_NONE;
    end -= sizeof(KR_SIG_END) - 2;   /* keep the closing ')' */
    return PyUnicode_FromStringAndSize(start, end - start);
}

/* ---- calling a PyMethodDef ---- */

static void
kr_cfunc_error(PyObject *func, const char *fmt, Py_ssize_t nargs)
{
    PyObject *funcstr = _PyObject_FunctionStr(func);
    if (funcstr == NULL)
        return;
    if (nargs >= 0)
        PyErr_Format(PyExc_TypeError, fmt, funcstr, nargs);
    else
        PyErr_Format(PyExc_TypeError, fmt, funcstr);
    Py_DECREF(funcstr);
}

/* The hot path of every call into C: the recursion guard inline
 * (call_internal.h), and the calling convention a switch that compiles to
 * one indirect jump. */
PyObject *
kr_cfunc_invoke(PyObject *func, PyMethodDef *ml, PyObject *self, PyTypeObject *cls,
                PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *result;
    PyThreadState *ts = kr_tstate_get();

    if (kr_call_enter(ts) < 0)
        return NULL;
    switch (flags) {
    case METH_NOARGS:
        if (nkw) {
            kr_cfunc_error(func, "%U takes no keyword arguments", -1);
            result = NULL;
            break;
        }
        if (nargs != 0) {
            kr_cfunc_error(func, "%U takes no arguments (%zd given)", nargs);
            result = NULL;
            break;
        }
        result = ml->ml_meth(self, NULL);
        break;
    case METH_O:
        if (nkw) {
            kr_cfunc_error(func, "%U takes no keyword arguments", -1);
            result = NULL;
            break;
        }
        if (nargs != 1) {
            kr_cfunc_error(func, "%U takes exactly one argument (%zd given)", nargs);
            result = NULL;
            break;
        }
        result = ml->ml_meth(self, args[0]);
        break;
    case METH_FASTCALL:
        if (nkw) {
            kr_cfunc_error(func, "%U takes no keyword arguments", -1);
            result = NULL;
            break;
        }
        result = ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        result = ((_PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(self, args, nargs,
                                                                             kwnames);
        break;
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        result = ((PyCMethod)(void (*)(void))ml->ml_meth)(self, cls, args, (size_t)nargs,
                                                          kwnames);
        break;
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
        if (nkw && !(flags & METH_KEYWORDS)) {
            /* CPython's builtin functions (not method descriptors) name
             * themselves by ml_name here. */
            if (PyCFunction_Check(func))
                PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", ml->ml_name);
            else
                kr_cfunc_error(func, "%U takes no keyword arguments", -1);
            result = NULL;
            break;
        }
        PyObject *argstuple = _PyTuple_FromArray(args, nargs);
        if (argstuple == NULL) {
            result = NULL;
            break;
        }
        if (flags & METH_KEYWORDS) {
            PyObject *kwdict = NULL;
            if (nkw) {
                kwdict = _PyStack_AsDict(args + nargs, kwnames);
                if (kwdict == NULL) {
                    Py_DECREF(argstuple);
                    result = NULL;
                    break;
                }
            }
            result = ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, argstuple,
                                                                           kwdict);
            Py_XDECREF(kwdict);
        }
        else {
            result = ml->ml_meth(self, argstuple);
        }
        Py_DECREF(argstuple);
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "%s() method: bad call flags", ml->ml_name);
        result = NULL;
        break;
    }
    kr_call_leave(ts);
    return result;
}

/* ---- builtin_function_or_method ---- */

static PyObject *
cfunction_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    PyTypeObject *cls = (f->m_ml->ml_flags & METH_METHOD) ? ((PyCMethodObject *)f)->mm_class : NULL;
    /* A METH_STATIC function is called with no self (PyCFunction_GET_SELF),
     * although it keeps its type in m_self. */
    PyObject *self = (f->m_ml->ml_flags & METH_STATIC) ? NULL : f->m_self;
    return kr_cfunc_invoke(func, f->m_ml, self, cls, args, PyVectorcall_NARGS(nargsf), kwnames);
}

PyObject *
(PyCMethod_New)(PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls)
{
    PyCFunctionObject *op;
    if (ml->ml_flags & METH_METHOD) {
        if (cls == NULL) {
            PyErr_SetString(PyExc_SystemError,
                            "attempting to create PyCMethod with a METH_METHOD flag but no class");
            return NULL;
        }
        PyCMethodObject *om = PyObject_GC_New(PyCMethodObject, &PyCMethod_Type);
        if (om == NULL)
            return NULL;
        om->mm_class = (PyTypeObject *)Py_NewRef(cls);
        op = (PyCFunctionObject *)om;
    }
    else {
        if (cls != NULL) {
            PyErr_SetString(PyExc_SystemError,
                            "attempting to create PyCFunction with class but no METH_METHOD flag");
            return NULL;
        }
        op = PyObject_GC_New(PyCFunctionObject, &PyCFunction_Type);
        if (op == NULL)
            return NULL;
    }
    op->m_weakreflist = NULL;
    op->m_ml = ml;
    op->m_self = Py_XNewRef(self);
    op->m_module = Py_XNewRef(module);
    op->vectorcall = cfunction_vectorcall;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *
(PyCFunction_NewEx)(PyMethodDef *ml, PyObject *self, PyObject *module)
{
    return PyCMethod_New(ml, self, module, NULL);
}

PyObject *
(PyCFunction_New)(PyMethodDef *ml, PyObject *self)
{
    return PyCMethod_New(ml, self, NULL, NULL);
}

PyCFunction
PyCFunction_GetFunction(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyCFunction_GET_FUNCTION(op);
}

PyObject *
PyCFunction_GetSelf(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyCFunction_GET_SELF(op);
}

int
PyCFunction_GetFlags(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyCFunction_GET_FLAGS(op);
}

static void
meth_dealloc(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    PyObject_GC_UnTrack(m);
    Py_TRASHCAN_BEGIN(m, meth_dealloc);
    if (m->m_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    if (m->m_ml->ml_flags & METH_METHOD)
        Py_XDECREF(((PyCMethodObject *)m)->mm_class);
    Py_XDECREF(m->m_self);
    Py_XDECREF(m->m_module);
    PyObject_GC_Del(m);
    Py_TRASHCAN_END
}

static int
meth_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_ml->ml_flags & METH_METHOD)
        Py_VISIT(((PyCMethodObject *)m)->mm_class);
    Py_VISIT(m->m_self);
    Py_VISIT(m->m_module);
    return 0;
}

static int
kr_self_is_module_or_null(PyCFunctionObject *m)
{
    return m->m_self == NULL || PyModule_Check(m->m_self);
}

static PyObject *
meth_repr(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (kr_self_is_module_or_null(m))
        return PyUnicode_FromFormat("<built-in function %s>", m->m_ml->ml_name);
    return PyUnicode_FromFormat("<built-in method %s of %s object at %p>", m->m_ml->ml_name,
                                Py_TYPE(m->m_self)->tp_name, (void *)m->m_self);
}

static PyObject *
meth_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCFunction_Check(self) || !PyCFunction_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyCFunctionObject *a = (PyCFunctionObject *)self, *b = (PyCFunctionObject *)other;
    int eq = a->m_self == b->m_self;
    if (eq)
        eq = a->m_ml->ml_meth == b->m_ml->ml_meth;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static Py_hash_t
meth_hash(PyObject *self)
{
    PyCFunctionObject *a = (PyCFunctionObject *)self;
    Py_hash_t x = _Py_HashPointer(a->m_self);
    Py_hash_t y = _Py_HashPointer((void *)(a->m_ml->ml_meth));
    x ^= y;
    if (x == -1)
        x = -2;
    return x;
}

static PyObject *
meth_get__doc__(PyObject *self, void *closure)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    return kr_doc_from_internal(m->m_ml->ml_name, m->m_ml->ml_doc);
}

static PyObject *
meth_get__text_signature__(PyObject *self, void *closure)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    return kr_text_signature_from_internal(m->m_ml->ml_name, m->m_ml->ml_doc);
}

static PyObject *
meth_get__name__(PyObject *self, void *closure)
{
    return PyUnicode_FromString(((PyCFunctionObject *)self)->m_ml->ml_name);
}

static PyObject *
meth_get__qualname__(PyObject *self, void *closure)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (kr_self_is_module_or_null(m))
        return PyUnicode_FromString(m->m_ml->ml_name);
    PyObject *type = PyType_Check(m->m_self) ? m->m_self : (PyObject *)Py_TYPE(m->m_self);
    PyObject *type_qualname = PyObject_GetAttr(type, KR_ID(__qualname__));
    if (type_qualname == NULL)
        return NULL;
    if (!PyUnicode_Check(type_qualname)) {
        PyErr_SetString(PyExc_TypeError, "<method>.__class__.__qualname__ is not a unicode object");
        Py_DECREF(type_qualname);
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("%U.%s", type_qualname, m->m_ml->ml_name);
    Py_DECREF(type_qualname);
    return res;
}

static PyObject *
meth_get__self__(PyObject *self, void *closure)
{
    PyObject *s = PyCFunction_GET_SELF(self);
    return Py_NewRef(s ? s : Py_None);
}

static PyObject *
meth_reduce(PyObject *self, PyObject *unused)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (kr_self_is_module_or_null(m))
        return PyUnicode_FromString(m->m_ml->ml_name);
    PyObject *builtins = kr_context_get() ? kr_context_get()->builtins : NULL;
    PyObject *getattr_fn = builtins ? PyDict_GetItemWithError(builtins, KR_ID(getattr)) : NULL;
    if (getattr_fn == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        return NULL;
    }
    return Py_BuildValue("O(Os)", getattr_fn, m->m_self, m->m_ml->ml_name);
}

static PyGetSetDef meth_getsets[] = {
    {"__doc__", meth_get__doc__, NULL, NULL, NULL},
    {"__name__", meth_get__name__, NULL, NULL, NULL},
    {"__qualname__", meth_get__qualname__, NULL, NULL, NULL},
    {"__self__", meth_get__self__, NULL, NULL, NULL},
    {"__text_signature__", meth_get__text_signature__, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef meth_members[] = {
    {"__module__", T_OBJECT, offsetof(PyCFunctionObject, m_module), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef meth_methods[] = {
    {"__reduce__", meth_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyCFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(PyCFunctionObject),
    .tp_dealloc = meth_dealloc,
    .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
    .tp_repr = meth_repr,
    .tp_hash = meth_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = meth_traverse,
    .tp_richcompare = meth_richcompare,
    .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist),
    .tp_methods = meth_methods,
    .tp_members = meth_members,
    .tp_getset = meth_getsets,
};

PyTypeObject PyCMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_method",
    .tp_basicsize = sizeof(PyCMethodObject),
    .tp_dealloc = meth_dealloc,
    .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
    .tp_repr = meth_repr,
    .tp_hash = meth_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = meth_traverse,
    .tp_richcompare = meth_richcompare,
    .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist),
    .tp_base = &PyCFunction_Type,
};
