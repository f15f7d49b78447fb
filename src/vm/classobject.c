/* classobject.c: bound methods (PyMethod_Type) and instance methods
 * (PyInstanceMethod_Type).
 *
 * A bound method pairs a callable with the instance it was looked up on.
 * Calling it prepends the instance to the arguments; when the caller left
 * a free slot before them (PY_VECTORCALL_ARGUMENTS_OFFSET) the instance is
 * written there, so no argument array is copied. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"
#include "structmember.h"

#define KR_METHOD_SMALL_STACK 8

static PyObject *kr_method_vectorcall(PyObject *method, PyObject *const *args,
                                      size_t nargsf, PyObject *kwnames)
{
    PyObject *self = PyMethod_GET_SELF(method);
    PyObject *func = PyMethod_GET_FUNCTION(method);
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *result;

    if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        PyObject **newargs = (PyObject **)args - 1;
        PyObject *saved = newargs[0];
        newargs[0] = self;
        result = PyObject_Vectorcall(func, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
        return result;
    }
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    Py_ssize_t total = nargs + nkw;
    PyObject *small[KR_METHOD_SMALL_STACK + 1], **newargs;
    if (total == 0)
        return PyObject_Vectorcall(func, &self, 1, NULL);
    if (total < KR_METHOD_SMALL_STACK) {
        newargs = small;
    } else {
        newargs = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
        if (newargs == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    newargs[0] = self;
    memcpy(newargs + 1, args, (size_t)total * sizeof(PyObject *));
    result = PyObject_Vectorcall(func, newargs, (size_t)(nargs + 1), kwnames);
    if (newargs != small)
        PyMem_Free(newargs);
    return result;
}

PyObject *PyMethod_New(PyObject *func, PyObject *self)
{
    PyMethodObject *im;
    if (self == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    im = PyObject_GC_New(PyMethodObject, &PyMethod_Type);
    if (im == NULL)
        return NULL;
    im->im_weakreflist = NULL;
    im->im_func = Py_NewRef(func);
    im->im_self = Py_NewRef(self);
    im->vectorcall = kr_method_vectorcall;
    PyObject_GC_Track(im);
    return (PyObject *)im;
}

PyObject *PyMethod_Function(PyObject *im)
{
    if (!PyMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyMethodObject *)im)->im_func;
}

PyObject *PyMethod_Self(PyObject *im)
{
    if (!PyMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyMethodObject *)im)->im_self;
}

/* Attributes of the wrapper type first, then the wrapped callable's:
 * shared by bound and instance methods. */
static PyObject *kr_method_getattr_common(PyObject *obj, PyObject *name, PyObject *func)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL)
            return f(descr, obj, (PyObject *)tp);
        return Py_NewRef(descr);
    }
    return PyObject_GetAttr(func, name);
}

static PyObject *kr_method_getattro(PyObject *obj, PyObject *name)
{
    return kr_method_getattr_common(obj, name, ((PyMethodObject *)obj)->im_func);
}

static PyObject *kr_method_get_doc(PyMethodObject *im, void *c)
{
    return PyObject_GetAttr(im->im_func, KR_ID(__doc__));
}

static PyGetSetDef kr_method_getset[] = {
    {"__doc__", (getter)kr_method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef kr_method_members[] = {
    {"__func__", T_OBJECT, offsetof(PyMethodObject, im_func), READONLY, NULL},
    {"__self__", T_OBJECT, offsetof(PyMethodObject, im_self), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *kr_method_reduce(PyMethodObject *im, PyObject *unused)
{
    PyObject *name = PyObject_GetAttr(im->im_func, KR_ID(__name__));
    PyObject *getattr_fn;
    if (name == NULL)
        return NULL;
    getattr_fn = PyDict_GetItemString(kr_context_get()->builtins, "getattr");
    if (getattr_fn == NULL) {
        Py_DECREF(name);
        PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        return NULL;
    }
    return Py_BuildValue("O(ON)", getattr_fn, im->im_self, name);
}

static PyMethodDef kr_method_methods[] = {
    {"__reduce__", (PyCFunction)kr_method_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyObject *kr_method_richcompare(PyObject *self, PyObject *other, int op)
{
    PyMethodObject *a, *b;
    int eq;
    if ((op != Py_EQ && op != Py_NE) || !PyMethod_Check(self) || !PyMethod_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    a = (PyMethodObject *)self;
    b = (PyMethodObject *)other;
    eq = a->im_self == b->im_self;
    if (eq) {
        eq = PyObject_RichCompareBool(a->im_func, b->im_func, Py_EQ);
        if (eq < 0)
            return NULL;
    }
    if (op == Py_EQ)
        return PyBool_FromLong(eq);
    return PyBool_FromLong(!eq);
}

/* The name used by repr(): __qualname__, else __name__, else "?". */
static PyObject *kr_method_func_name(PyObject *func, int *failed)
{
    PyObject *name = NULL;
    *failed = 0;
    if (_PyObject_LookupAttr(func, KR_ID(__qualname__), &name) < 0
        || (name == NULL && _PyObject_LookupAttr(func, KR_ID(__name__), &name) < 0)) {
        *failed = 1;
        return NULL;
    }
    if (name != NULL && !PyUnicode_Check(name))
        Py_CLEAR(name);
    return name;
}

static PyObject *kr_method_repr(PyMethodObject *a)
{
    int failed;
    PyObject *name = kr_method_func_name(a->im_func, &failed), *r;
    if (failed)
        return NULL;
    r = PyUnicode_FromFormat("<bound method %V of %R>", name, "?", a->im_self);
    Py_XDECREF(name);
    return r;
}

static Py_hash_t kr_method_hash(PyMethodObject *a)
{
    Py_hash_t x = _Py_HashPointer(a->im_self), y = PyObject_Hash(a->im_func);
    if (y == -1)
        return -1;
    x ^= y;
    return x == -1 ? -2 : x;
}

static int kr_method_traverse(PyMethodObject *im, visitproc visit, void *arg)
{
    Py_VISIT(im->im_func);
    Py_VISIT(im->im_self);
    return 0;
}

static void kr_method_dealloc(PyMethodObject *im)
{
    PyObject_GC_UnTrack(im);
    if (im->im_weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)im);
    Py_DECREF(im->im_func);
    Py_XDECREF(im->im_self);
    PyObject_GC_Del(im);
}

static PyObject *kr_method_descr_get(PyObject *meth, PyObject *obj, PyObject *cls)
{
    /* already bound: stays bound to its instance */
    return Py_NewRef(meth);
}

static PyObject *kr_method_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *func, *self;
    if (!_PyArg_NoKeywords("method", kw))
        return NULL;
    if (!PyArg_UnpackTuple(args, "method", 2, 2, &func, &self))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (self == NULL || self == Py_None) {
        PyErr_SetString(PyExc_TypeError, "instance must not be None");
        return NULL;
    }
    return PyMethod_New(func, self);
}

PyTypeObject PyMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method",
    .tp_basicsize = sizeof(PyMethodObject),
    .tp_dealloc = (destructor)kr_method_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodObject, vectorcall),
    .tp_repr = (reprfunc)kr_method_repr,
    .tp_hash = (hashfunc)kr_method_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = kr_method_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = (traverseproc)kr_method_traverse,
    .tp_richcompare = kr_method_richcompare,
    .tp_weaklistoffset = offsetof(PyMethodObject, im_weakreflist),
    .tp_methods = kr_method_methods,
    .tp_members = kr_method_members,
    .tp_getset = kr_method_getset,
    .tp_descr_get = kr_method_descr_get,
    .tp_new = kr_method_new,
};

/* ---- instancemethod: binds any callable like a function does ---- */

PyObject *PyInstanceMethod_New(PyObject *func)
{
    PyInstanceMethodObject *m = PyObject_GC_New(PyInstanceMethodObject, &PyInstanceMethod_Type);
    if (m == NULL)
        return NULL;
    m->func = Py_NewRef(func);
    PyObject_GC_Track(m);
    return (PyObject *)m;
}

PyObject *PyInstanceMethod_Function(PyObject *im)
{
    if (!PyInstanceMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyInstanceMethod_GET_FUNCTION(im);
}

static PyObject *kr_imethod_getattro(PyObject *obj, PyObject *name)
{
    return kr_method_getattr_common(obj, name, PyInstanceMethod_GET_FUNCTION(obj));
}

static PyMemberDef kr_imethod_members[] = {
    {"__func__", T_OBJECT, offsetof(PyInstanceMethodObject, func), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *kr_imethod_get_doc(PyObject *self, void *c)
{
    return PyObject_GetAttr(PyInstanceMethod_GET_FUNCTION(self), KR_ID(__doc__));
}

static PyGetSetDef kr_imethod_getset[] = {
    {"__doc__", kr_imethod_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static void kr_imethod_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_DECREF(PyInstanceMethod_GET_FUNCTION(self));
    PyObject_GC_Del(self);
}

static int kr_imethod_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(PyInstanceMethod_GET_FUNCTION(self));
    return 0;
}

static PyObject *kr_imethod_call(PyObject *self, PyObject *args, PyObject *kw)
{
    return PyObject_Call(PyInstanceMethod_GET_FUNCTION(self), args, kw);
}

static PyObject *kr_imethod_descr_get(PyObject *descr, PyObject *obj, PyObject *type)
{
    PyObject *func = PyInstanceMethod_GET_FUNCTION(descr);
    if (obj == NULL)
        return Py_NewRef(func);
    return PyMethod_New(func, obj);
}

static PyObject *kr_imethod_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyInstanceMethod_Check(self)
        || !PyInstanceMethod_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    int eq = PyObject_RichCompareBool(PyInstanceMethod_GET_FUNCTION(self),
                                      PyInstanceMethod_GET_FUNCTION(other), Py_EQ);
    if (eq < 0)
        return NULL;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *kr_imethod_repr(PyObject *self)
{
    PyObject *func = PyInstanceMethod_GET_FUNCTION(self), *name = NULL, *r;
    if (_PyObject_LookupAttr(func, KR_ID(__name__), &name) < 0)
        return NULL;
    if (name != NULL && !PyUnicode_Check(name))
        Py_CLEAR(name);
    r = PyUnicode_FromFormat("<instancemethod %V at %p>", name, "?", self);
    Py_XDECREF(name);
    return r;
}

static PyObject *kr_imethod_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *func;
    if (!_PyArg_NoKeywords("instancemethod", kw))
        return NULL;
    if (!PyArg_UnpackTuple(args, "instancemethod", 1, 1, &func))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    return PyInstanceMethod_New(func);
}

PyTypeObject PyInstanceMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "instancemethod",
    .tp_basicsize = sizeof(PyInstanceMethodObject),
    .tp_dealloc = kr_imethod_dealloc,
    .tp_repr = kr_imethod_repr,
    .tp_call = kr_imethod_call,
    .tp_getattro = kr_imethod_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_imethod_traverse,
    .tp_richcompare = kr_imethod_richcompare,
    .tp_members = kr_imethod_members,
    .tp_getset = kr_imethod_getset,
    .tp_descr_get = kr_imethod_descr_get,
    .tp_new = kr_imethod_new,
};
