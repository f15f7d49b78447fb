/* descrobject.c: the descriptors types put in their __dict__ for C-level
 * members: method descriptors (list.append), classmethod descriptors
 * (dict.fromkeys), member descriptors (PyMemberDef fields and __slots__),
 * getset descriptors (PyGetSetDef properties), slot wrappers
 * (int.__add__) and their bound form, method-wrapper ((1).__add__); the
 * mappingproxy type (read-only view of a mapping, as type.__dict__); and
 * PyMember_GetOne/SetOne for every T_* member type.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include "objects/methodobject_internal.h"

/* ---- common part ---- */

static PyObject *
kr_descr_alloc(PyTypeObject *descrtype, PyTypeObject *type, const char *name)
{
    PyDescrObject *descr = (PyDescrObject *)PyType_GenericAlloc(descrtype, 0);
    if (descr == NULL)
        return NULL;
    descr->d_type = (PyTypeObject *)Py_XNewRef(type);
    descr->d_name = PyUnicode_InternFromString(name);
    descr->d_qualname = NULL;
    if (descr->d_name == NULL) {
        Py_DECREF(descr);
        return NULL;
    }
    return (PyObject *)descr;
}

static void
descr_dealloc(PyObject *self)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(descr->d_type);
    Py_XDECREF(descr->d_name);
    Py_XDECREF(descr->d_qualname);
    PyObject_GC_Del(self);
}

static int
descr_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyDescrObject *)self)->d_type);
    return 0;
}

static PyObject *
descr_get_qualname(PyObject *self, void *closure)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    if (descr->d_qualname == NULL) {
        PyObject *type_qualname = PyObject_GetAttr((PyObject *)descr->d_type, KR_ID(__qualname__));
        if (type_qualname == NULL)
            return NULL;
        if (!PyUnicode_Check(type_qualname)) {
            PyErr_SetString(PyExc_TypeError,
                            "<descriptor>.__objclass__.__qualname__ is not a unicode object");
            Py_DECREF(type_qualname);
            return NULL;
        }
        descr->d_qualname = PyUnicode_FromFormat("%U.%U", type_qualname, descr->d_name);
        Py_DECREF(type_qualname);
        if (descr->d_qualname == NULL)
            return NULL;
    }
    return Py_NewRef(descr->d_qualname);
}

static PyObject *
descr_reduce(PyObject *self, PyObject *unused)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    PyObject *builtins = kr_context_get() ? kr_context_get()->builtins : NULL;
    PyObject *getattr_fn = builtins ? PyDict_GetItemWithError(builtins, KR_ID(getattr)) : NULL;
    if (getattr_fn == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        return NULL;
    }
    return Py_BuildValue("O(OO)", getattr_fn, descr->d_type, descr->d_name);
}

static PyMemberDef descr_members[] = {
    {"__objclass__", T_OBJECT, offsetof(PyDescrObject, d_type), READONLY, NULL},
    {"__name__", T_OBJECT, offsetof(PyDescrObject, d_name), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef descr_methods[] = {
    {"__reduce__", descr_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* obj must be an instance of the descriptor's class. */
static int
kr_descr_check(PyDescrObject *descr, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                     descr->d_name, descr->d_type->tp_name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
kr_descr_repr(PyObject *self, const char *kind)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    return PyUnicode_FromFormat("<%s '%U' of '%s' objects>", kind, descr->d_name,
                                descr->d_type->tp_name);
}

static PyObject *method_repr(PyObject *self) { return kr_descr_repr(self, "method"); }
static PyObject *member_repr(PyObject *self) { return kr_descr_repr(self, "member"); }
static PyObject *getset_repr(PyObject *self) { return kr_descr_repr(self, "attribute"); }
static PyObject *wrapperdescr_repr(PyObject *self) { return kr_descr_repr(self, "slot wrapper"); }

/* ---- method descriptors ---- */

static PyObject *
method_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(self);
    if (kr_descr_check((PyDescrObject *)descr, obj) < 0)
        return NULL;
    if (descr->d_method->ml_flags & METH_METHOD)
        return PyCMethod_New(descr->d_method, obj, NULL, descr->d_common.d_type);
    return PyCFunction_NewEx(descr->d_method, obj, NULL);
}

PyObject *
kr_method_descr_call_vector(PyObject *self, PyObject *const *args, size_t nargsf,
                            PyObject *kwnames)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyObject *funcstr = _PyObject_FunctionStr(self);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "unbound method %U needs an argument", funcstr);
            Py_DECREF(funcstr);
        }
        return NULL;
    }
    if (kr_descr_check((PyDescrObject *)descr, args[0]) < 0)
        return NULL;
    return kr_cfunc_invoke(self, descr->d_method, args[0], descr->d_common.d_type, args + 1,
                           nargs - 1, kwnames);
}

static PyObject *
method_get_doc(PyObject *self, void *closure)
{
    PyMethodDef *ml = ((PyMethodDescrObject *)self)->d_method;
    return kr_doc_from_internal(ml->ml_name, ml->ml_doc);
}

static PyObject *
method_get_text_signature(PyObject *self, void *closure)
{
    PyMethodDef *ml = ((PyMethodDescrObject *)self)->d_method;
    return kr_text_signature_from_internal(ml->ml_name, ml->ml_doc);
}

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", method_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
};

PyObject *
PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr =
        (PyMethodDescrObject *)kr_descr_alloc(&PyMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
        descr->vectorcall = kr_method_descr_call_vector;
    }
    return (PyObject *)descr;
}

/* ---- classmethod descriptors ---- */

static PyObject *
classmethod_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (type == NULL) {
        if (obj != NULL) {
            type = (PyObject *)Py_TYPE(obj);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "descriptor '%U' for type '%.100s' needs either an object or a type",
                         descr->d_common.d_name, descr->d_common.d_type->tp_name);
            return NULL;
        }
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                     descr->d_common.d_name, descr->d_common.d_type->tp_name,
                     Py_TYPE(type)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, descr->d_common.d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' requires a subtype of '%.100s' but received '%.100s'",
                     descr->d_common.d_name, descr->d_common.d_type->tp_name,
                     ((PyTypeObject *)type)->tp_name);
        return NULL;
    }
    PyTypeObject *cls = (descr->d_method->ml_flags & METH_METHOD) ? descr->d_common.d_type : NULL;
    return PyCMethod_New(descr->d_method, type, NULL, cls);
}

static PyObject *
classmethoddescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%U' of '%.100s' object needs an argument",
                     descr->d_common.d_name, descr->d_common.d_type->tp_name);
        return NULL;
    }
    PyObject *self_arg = PyTuple_GET_ITEM(args, 0);
    PyObject *bound = classmethod_get(self, NULL, self_arg);
    if (bound == NULL)
        return NULL;
    PyObject *rest = PyTuple_GetSlice(args, 1, argc);
    PyObject *res = rest ? PyObject_Call(bound, rest, kwds) : NULL;
    Py_XDECREF(rest);
    Py_DECREF(bound);
    return res;
}

PyTypeObject PyClassMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_repr,
    .tp_call = classmethoddescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_get,
};

PyObject *
PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr =
        (PyMethodDescrObject *)kr_descr_alloc(&PyClassMethodDescr_Type, type, method->ml_name);
    if (descr != NULL)
        descr->d_method = method;
    return (PyObject *)descr;
}

/* ---- member descriptors ---- */

static PyObject *
member_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(self);
    if (kr_descr_check((PyDescrObject *)descr, obj) < 0)
        return NULL;
    return PyMember_GetOne((const char *)obj, descr->d_member);
}

static int
member_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (kr_descr_check((PyDescrObject *)descr, obj) < 0)
        return -1;
    return PyMember_SetOne((char *)obj, descr->d_member, value);
}

static PyObject *
member_get_doc(PyObject *self, void *closure)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (descr->d_member->doc == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(descr->d_member->doc);
}

static PyGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyMemberDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(PyMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

PyObject *
PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member)
{
    PyMemberDescrObject *descr =
        (PyMemberDescrObject *)kr_descr_alloc(&PyMemberDescr_Type, type, member->name);
    if (descr != NULL)
        descr->d_member = member;
    return (PyObject *)descr;
}

/* ---- getset descriptors ---- */

static PyObject *
getset_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(self);
    if (kr_descr_check((PyDescrObject *)descr, obj) < 0)
        return NULL;
    if (descr->d_getset->get != NULL)
        return descr->d_getset->get(obj, descr->d_getset->closure);
    PyErr_Format(PyExc_AttributeError, "attribute '%U' of '%.100s' objects is not readable",
                 descr->d_common.d_name, descr->d_common.d_type->tp_name);
    return NULL;
}

static int
getset_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (kr_descr_check((PyDescrObject *)descr, obj) < 0)
        return -1;
    if (descr->d_getset->set != NULL)
        return descr->d_getset->set(obj, value, descr->d_getset->closure);
    PyErr_Format(PyExc_AttributeError, "attribute '%U' of '%.100s' objects is not writable",
                 descr->d_common.d_name, descr->d_common.d_type->tp_name);
    return -1;
}

static PyObject *
getset_get_doc(PyObject *self, void *closure)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (descr->d_getset->doc == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(descr->d_getset->doc);
}

static PyGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyGetSetDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(PyGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

PyObject *
PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset)
{
    PyGetSetDescrObject *descr =
        (PyGetSetDescrObject *)kr_descr_alloc(&PyGetSetDescr_Type, type, getset->name);
    if (descr != NULL)
        descr->d_getset = getset;
    return (PyObject *)descr;
}

/* ---- slot wrappers ---- */

static PyObject *
kr_wrapper_raw_call(PyWrapperDescrObject *d, PyObject *self, PyObject *args, PyObject *kwds)
{
    wrapperfunc wrapper = d->d_base->wrapper;
    if (d->d_base->flags & PyWrapperFlag_KEYWORDS)
        return ((wrapperfunc_kwds)(void (*)(void))wrapper)(self, args, d->d_wrapped, kwds);
    if (kwds != NULL && (!PyDict_Check(kwds) || PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_Format(PyExc_TypeError, "wrapper %s() takes no keyword arguments", d->d_base->name);
        return NULL;
    }
    return wrapper(self, args, d->d_wrapped);
}

static PyObject *
wrapperdescr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL)
        return Py_NewRef(self);
    if (kr_descr_check((PyDescrObject *)self, obj) < 0)
        return NULL;
    return kr_method_wrapper_new(self, obj);
}

static PyObject *
wrapperdescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyWrapperDescrObject *d = (PyWrapperDescrObject *)self;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%U' of '%.100s' object needs an argument",
                     d->d_common.d_name, d->d_common.d_type->tp_name);
        return NULL;
    }
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    if (!PyObject_TypeCheck(obj, d->d_common.d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' requires a '%.100s' object but received a '%.100s'",
                     d->d_common.d_name, d->d_common.d_type->tp_name, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, argc);
    if (rest == NULL)
        return NULL;
    PyObject *res = kr_wrapper_raw_call(d, obj, rest, kwds);
    Py_DECREF(rest);
    return res;
}

static PyObject *
wrapperdescr_get_doc(PyObject *self, void *closure)
{
    PyWrapperDescrObject *d = (PyWrapperDescrObject *)self;
    return kr_doc_from_internal(d->d_base->name, d->d_base->doc);
}

static PyObject *
wrapperdescr_get_text_signature(PyObject *self, void *closure)
{
    PyWrapperDescrObject *d = (PyWrapperDescrObject *)self;
    return kr_text_signature_from_internal(d->d_base->name, d->d_base->doc);
}

static PyGetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", wrapperdescr_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyWrapperDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(PyWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = wrapperdescr_get,
};

PyObject *
kr_descr_new_wrapper(PyTypeObject *type, const struct wrapperbase *base, void *wrapped)
{
    PyWrapperDescrObject *descr =
        (PyWrapperDescrObject *)kr_descr_alloc(&PyWrapperDescr_Type, type, base->name);
    if (descr != NULL) {
        /* The slot table is constant; the descriptor only reads it. */
        descr->d_base = (struct wrapperbase *)base;
        descr->d_wrapped = wrapped;
    }
    return (PyObject *)descr;
}

PyObject *
PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base, void *wrapped)
{
    return kr_descr_new_wrapper(type, base, wrapped);
}

/* ---- method-wrapper: a slot wrapper bound to an instance ---- */

typedef struct {
    PyObject_HEAD
    PyWrapperDescrObject *descr;
    PyObject *self;
} kr_wrapperobject;

static void
wrapper_dealloc(PyObject *self)
{
    kr_wrapperobject *wp = (kr_wrapperobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(wp->descr);
    Py_XDECREF(wp->self);
    PyObject_GC_Del(self);
}

static PyObject *
wrapper_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !Py_IS_TYPE(a, &_PyMethodWrapper_Type) ||
        !Py_IS_TYPE(b, &_PyMethodWrapper_Type))
        Py_RETURN_NOTIMPLEMENTED;
    kr_wrapperobject *wa = (kr_wrapperobject *)a, *wb = (kr_wrapperobject *)b;
    int eq = wa->descr == wb->descr && wa->self == wb->self;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static Py_hash_t
wrapper_hash(PyObject *self)
{
    kr_wrapperobject *wp = (kr_wrapperobject *)self;
    Py_hash_t x = _Py_HashPointer(wp->self);
    Py_hash_t y = _Py_HashPointer(wp->descr);
    x ^= y;
    return x == -1 ? -2 : x;
}

static PyObject *
wrapper_repr(PyObject *self)
{
    kr_wrapperobject *wp = (kr_wrapperobject *)self;
    return PyUnicode_FromFormat("<method-wrapper '%s' of %s object at %p>",
                                wp->descr->d_base->name, Py_TYPE(wp->self)->tp_name,
                                (void *)wp->self);
}

static PyObject *
wrapper_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    kr_wrapperobject *wp = (kr_wrapperobject *)self;
    return kr_wrapper_raw_call(wp->descr, wp->self, args, kwds);
}

static int
wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_wrapperobject *wp = (kr_wrapperobject *)self;
    Py_VISIT(wp->descr);
    Py_VISIT(wp->self);
    return 0;
}

static PyObject *
wrapper_objclass(PyObject *self, void *closure)
{
    return Py_NewRef(PyDescr_TYPE(((kr_wrapperobject *)self)->descr));
}

static PyObject *
wrapper_name(PyObject *self, void *closure)
{
    return PyUnicode_FromString(((kr_wrapperobject *)self)->descr->d_base->name);
}

static PyObject *
wrapper_doc(PyObject *self, void *closure)
{
    return wrapperdescr_get_doc((PyObject *)((kr_wrapperobject *)self)->descr, NULL);
}

static PyObject *
wrapper_text_signature(PyObject *self, void *closure)
{
    return wrapperdescr_get_text_signature((PyObject *)((kr_wrapperobject *)self)->descr, NULL);
}

static PyObject *
wrapper_qualname(PyObject *self, void *closure)
{
    return descr_get_qualname((PyObject *)((kr_wrapperobject *)self)->descr, NULL);
}

static PyObject *
wrapper_reduce(PyObject *self, PyObject *unused)
{
    kr_wrapperobject *wp = (kr_wrapperobject *)self;
    PyObject *builtins = kr_context_get() ? kr_context_get()->builtins : NULL;
    PyObject *getattr_fn = builtins ? PyDict_GetItemWithError(builtins, KR_ID(getattr)) : NULL;
    if (getattr_fn == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        return NULL;
    }
    return Py_BuildValue("O(OO)", getattr_fn, wp->self, PyDescr_NAME(wp->descr));
}

static PyMemberDef wrapper_members[] = {
    {"__self__", T_OBJECT, offsetof(kr_wrapperobject, self), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef wrapper_getsets[] = {
    {"__objclass__", wrapper_objclass, NULL, NULL, NULL},
    {"__name__", wrapper_name, NULL, NULL, NULL},
    {"__qualname__", wrapper_qualname, NULL, NULL, NULL},
    {"__doc__", wrapper_doc, NULL, NULL, NULL},
    {"__text_signature__", wrapper_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef wrapper_methods[] = {
    {"__reduce__", wrapper_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject _PyMethodWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(kr_wrapperobject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_hash = wrapper_hash,
    .tp_call = wrapper_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapper_traverse,
    .tp_richcompare = wrapper_richcompare,
    .tp_methods = wrapper_methods,
    .tp_members = wrapper_members,
    .tp_getset = wrapper_getsets,
};

PyObject *
kr_method_wrapper_new(PyObject *d, PyObject *self)
{
    kr_wrapperobject *wp = PyObject_GC_New(kr_wrapperobject, &_PyMethodWrapper_Type);
    if (wp == NULL)
        return NULL;
    wp->descr = (PyWrapperDescrObject *)Py_NewRef(d);
    wp->self = Py_NewRef(self);
    PyObject_GC_Track(wp);
    return (PyObject *)wp;
}

PyObject *
PyWrapper_New(PyObject *d, PyObject *self)
{
    if (kr_descr_check((PyDescrObject *)d, self) < 0)
        return NULL;
    return kr_method_wrapper_new(d, self);
}

/* ---- mappingproxy ---- */

typedef struct {
    PyObject_HEAD
    PyObject *mapping;
} kr_mappingproxyobject;

static int
kr_mappingproxy_check_mapping(PyObject *mapping)
{
    if (!PyMapping_Check(mapping) || PyList_Check(mapping) || PyTuple_Check(mapping)) {
        PyErr_Format(PyExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     Py_TYPE(mapping)->tp_name);
        return -1;
    }
    return 0;
}

PyObject *
PyDictProxy_New(PyObject *mapping)
{
    if (kr_mappingproxy_check_mapping(mapping) < 0)
        return NULL;
    kr_mappingproxyobject *pp = PyObject_GC_New(kr_mappingproxyobject, &PyDictProxy_Type);
    if (pp == NULL)
        return NULL;
    pp->mapping = Py_NewRef(mapping);
    PyObject_GC_Track(pp);
    return (PyObject *)pp;
}

#define KR_PROXY(o) (((kr_mappingproxyobject *)(o))->mapping)

static Py_ssize_t
mappingproxy_len(PyObject *self)
{
    return PyObject_Size(KR_PROXY(self));
}

static PyObject *
mappingproxy_getitem(PyObject *self, PyObject *key)
{
    return PyObject_GetItem(KR_PROXY(self), key);
}

static int
mappingproxy_contains(PyObject *self, PyObject *key)
{
    if (PyDict_CheckExact(KR_PROXY(self)))
        return PyDict_Contains(KR_PROXY(self), key);
    return PySequence_Contains(KR_PROXY(self), key);
}

static PyObject *
mappingproxy_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            PyErr_Format(PyExc_TypeError, "get expected at least 1 argument, got %zd", nargs);
        else
            PyErr_Format(PyExc_TypeError, "get expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *newargs[3] = {KR_PROXY(self), args[0], nargs == 2 ? args[1] : Py_None};
    PyObject *name = PyUnicode_FromString("get");
    if (name == NULL)
        return NULL;
    PyObject *res = PyObject_VectorcallMethod(name, newargs, 3, NULL);
    Py_DECREF(name);
    return res;
}

static PyObject *
kr_mappingproxy_call0(PyObject *self, const char *meth)
{
    return PyObject_CallMethod(KR_PROXY(self), meth, NULL);
}

static PyObject *mappingproxy_keys(PyObject *self, PyObject *u) { return kr_mappingproxy_call0(self, "keys"); }
static PyObject *mappingproxy_values(PyObject *self, PyObject *u) { return kr_mappingproxy_call0(self, "values"); }
static PyObject *mappingproxy_items(PyObject *self, PyObject *u) { return kr_mappingproxy_call0(self, "items"); }
static PyObject *mappingproxy_copy(PyObject *self, PyObject *u) { return kr_mappingproxy_call0(self, "copy"); }
static PyObject *mappingproxy_reversed(PyObject *self, PyObject *u)
{
    PyObject *builtins = kr_context_get() ? kr_context_get()->builtins : NULL;
    PyObject *rev = builtins ? PyDict_GetItemString(builtins, "reversed") : NULL;
    if (rev == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost builtins.reversed");
        return NULL;
    }
    return PyObject_CallOneArg(rev, KR_PROXY(self));
}

static PyObject *
mappingproxy_getiter(PyObject *self)
{
    return PyObject_GetIter(KR_PROXY(self));
}

static PyObject *
mappingproxy_repr(PyObject *self)
{
    return PyUnicode_FromFormat("mappingproxy(%R)", KR_PROXY(self));
}

static PyObject *
mappingproxy_str(PyObject *self)
{
    return PyObject_Str(KR_PROXY(self));
}

static PyObject *
mappingproxy_richcompare(PyObject *self, PyObject *w, int op)
{
    return PyObject_RichCompare(KR_PROXY(self), w, op);
}

static PyObject *
mappingproxy_or(PyObject *left, PyObject *right)
{
    if (PyObject_TypeCheck(left, &PyDictProxy_Type))
        left = KR_PROXY(left);
    if (PyObject_TypeCheck(right, &PyDictProxy_Type))
        right = KR_PROXY(right);
    return PyNumber_Or(left, right);
}

static PyObject *
mappingproxy_ior(PyObject *self, PyObject *other)
{
    PyErr_Format(PyExc_TypeError, "'|=' is not supported by %s; use '|' instead",
                 Py_TYPE(self)->tp_name);
    return NULL;
}

static void
mappingproxy_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_DECREF(KR_PROXY(self));
    PyObject_GC_Del(self);
}

static int
mappingproxy_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(KR_PROXY(self));
    return 0;
}

static PyObject *
mappingproxy_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *mapping = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = kwds ? PyDict_GET_SIZE(kwds) : 0;
    if (nargs + nkw != 1 || (nkw == 1 && (mapping = PyDict_GetItemString(kwds, "mapping")) == NULL)) {
        PyErr_Format(PyExc_TypeError, "mappingproxy() takes exactly one argument (%zd given)",
                     nargs + nkw);
        return NULL;
    }
    if (mapping == NULL)
        mapping = PyTuple_GET_ITEM(args, 0);
    return PyDictProxy_New(mapping);
}

static PyMethodDef mappingproxy_methods[] = {
    {"get", _PyCFunction_CAST(mappingproxy_get), METH_FASTCALL,
     "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"keys", mappingproxy_keys, METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", mappingproxy_values, METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"items", mappingproxy_items, METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", mappingproxy_copy, METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", mappingproxy_reversed, METH_NOARGS,
     "D.__reversed__() -> reverse iterator"},
    {NULL, NULL, 0, NULL}
};

static PyMappingMethods mappingproxy_as_mapping = {
    .mp_length = mappingproxy_len,
    .mp_subscript = mappingproxy_getitem,
};

static PySequenceMethods mappingproxy_as_sequence = {
    .sq_contains = mappingproxy_contains,
};

static PyNumberMethods mappingproxy_as_number = {
    .nb_or = mappingproxy_or,
    .nb_inplace_or = mappingproxy_ior,
};

PyTypeObject PyDictProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(kr_mappingproxyobject),
    .tp_dealloc = mappingproxy_dealloc,
    .tp_repr = mappingproxy_repr,
    .tp_as_number = &mappingproxy_as_number,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_str = mappingproxy_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_getiter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_new,
};

/* ---- PyMemberDef access ---- */

PyObject *
PyMember_GetOne(const char *obj_addr, PyMemberDef *l)
{
    const char *addr = obj_addr + l->offset;
    switch (l->type) {
    case T_BOOL: return PyBool_FromLong(*(const char *)addr);
    case T_BYTE: return PyLong_FromLong(*(const signed char *)addr);
    case T_UBYTE: return PyLong_FromUnsignedLong(*(const unsigned char *)addr);
    case T_SHORT: return PyLong_FromLong(*(const short *)addr);
    case T_USHORT: return PyLong_FromUnsignedLong(*(const unsigned short *)addr);
    case T_INT: return PyLong_FromLong(*(const int *)addr);
    case T_UINT: return PyLong_FromUnsignedLong(*(const unsigned int *)addr);
    case T_LONG: return PyLong_FromLong(*(const long *)addr);
    case T_ULONG: return PyLong_FromUnsignedLong(*(const unsigned long *)addr);
    case T_PYSSIZET: return PyLong_FromSsize_t(*(const Py_ssize_t *)addr);
    case T_FLOAT: return PyFloat_FromDouble((double)*(const float *)addr);
    case T_DOUBLE: return PyFloat_FromDouble(*(const double *)addr);
    case T_STRING: {
        const char *s = *(const char *const *)addr;
        if (s == NULL)
            Py_RETURN_NONE;
        return PyUnicode_FromString(s);
    }
    case T_STRING_INPLACE: return PyUnicode_FromString(addr);
    case T_CHAR: return PyUnicode_FromStringAndSize(addr, 1);
    case T_OBJECT: {
        PyObject *v = *(PyObject *const *)addr;
        return Py_NewRef(v ? v : Py_None);
    }
    case T_OBJECT_EX: {
        PyObject *v = *(PyObject *const *)addr;
        if (v == NULL) {
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         Py_TYPE((PyObject *)obj_addr)->tp_name, l->name);
            return NULL;
        }
        return Py_NewRef(v);
    }
    case T_LONGLONG: return PyLong_FromLongLong(*(const long long *)addr);
    case T_ULONGLONG: return PyLong_FromUnsignedLongLong(*(const unsigned long long *)addr);
    case T_NONE: Py_RETURN_NONE;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        return NULL;
    }
}

/* Store an integer member, warning as CPython does when the value does
 * not fit the C field. */
static int
kr_member_set_integer(char *addr, int type, PyObject *v)
{
    long long lo;
    unsigned long long hi;
    const char *what;
    switch (type) {
    case T_BYTE: lo = SCHAR_MIN; hi = SCHAR_MAX; what = "char"; break;
    case T_UBYTE: lo = 0; hi = UCHAR_MAX; what = "unsigned char"; break;
    case T_SHORT: lo = SHRT_MIN; hi = SHRT_MAX; what = "short"; break;
    case T_USHORT: lo = 0; hi = USHRT_MAX; what = "unsigned short"; break;
    case T_INT: lo = INT_MIN; hi = INT_MAX; what = "int"; break;
    default: lo = 0; hi = UINT_MAX; what = "unsigned int"; break;
    }
    long long val = PyLong_AsLongLong(v);
    if (val == -1 && PyErr_Occurred())
        return -1;
    if (val < lo || (val > 0 && (unsigned long long)val > hi)) {
        char msg[64];
        snprintf(msg, sizeof msg, "Truncation of value to %s", what);
        if (PyErr_WarnEx(PyExc_RuntimeWarning, msg, 1) < 0)
            return -1;
    }
    switch (type) {
    case T_BYTE: *(signed char *)addr = (signed char)val; break;
    case T_UBYTE: *(unsigned char *)addr = (unsigned char)val; break;
    case T_SHORT: *(short *)addr = (short)val; break;
    case T_USHORT: *(unsigned short *)addr = (unsigned short)val; break;
    case T_INT: *(int *)addr = (int)val; break;
    default: *(unsigned int *)addr = (unsigned int)val; break;
    }
    return 0;
}

int
PyMember_SetOne(char *obj_addr, PyMemberDef *l, PyObject *v)
{
    char *addr = obj_addr + l->offset;
    if (l->flags & READONLY) {
        PyErr_SetString(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (v == NULL) {
        if (l->type == T_OBJECT_EX) {
            if (*(PyObject **)addr == NULL) {
                PyErr_SetString(PyExc_AttributeError, l->name);
                return -1;
            }
        }
        else if (l->type != T_OBJECT) {
            PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
    }
    switch (l->type) {
    case T_BOOL:
        if (!PyBool_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = (char)(v == Py_True);
        return 0;
    case T_BYTE: case T_UBYTE: case T_SHORT: case T_USHORT: case T_INT: case T_UINT:
        return kr_member_set_integer(addr, l->type, v);
    case T_LONG: {
        long x = PyLong_AsLong(v);
        if (x == -1 && PyErr_Occurred())
            return -1;
        *(long *)addr = x;
        return 0;
    }
    case T_ULONG: {
        unsigned long x = PyLong_AsUnsignedLong(v);
        if (x == (unsigned long)-1 && PyErr_Occurred()) {
            /* Negative values are stored modulo 2**64, with a warning. */
            PyErr_Clear();
            long y = PyLong_AsLong(v);
            if (y == -1 && PyErr_Occurred())
                return -1;
            x = (unsigned long)y;
            if (PyErr_WarnEx(PyExc_RuntimeWarning, "Writing negative value into unsigned field",
                             1) < 0)
                return -1;
        }
        *(unsigned long *)addr = x;
        return 0;
    }
    case T_PYSSIZET: {
        Py_ssize_t x = PyLong_AsSsize_t(v);
        if (x == -1 && PyErr_Occurred())
            return -1;
        *(Py_ssize_t *)addr = x;
        return 0;
    }
    case T_FLOAT: {
        double d = PyFloat_AsDouble(v);
        if (d == -1 && PyErr_Occurred())
            return -1;
        *(float *)addr = (float)d;
        return 0;
    }
    case T_DOUBLE: {
        double d = PyFloat_AsDouble(v);
        if (d == -1 && PyErr_Occurred())
            return -1;
        *(double *)addr = d;
        return 0;
    }
    case T_OBJECT:
    case T_OBJECT_EX:
        Py_XSETREF(*(PyObject **)addr, Py_XNewRef(v));
        return 0;
    case T_CHAR: {
        Py_ssize_t len;
        const char *s = PyUnicode_Check(v) ? PyUnicode_AsUTF8AndSize(v, &len) : NULL;
        if (s == NULL || len != 1) {
            if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_UnicodeError)) {
                PyErr_Clear();
                PyErr_BadArgument();
            }
            return -1;
        }
        *(char *)addr = s[0];
        return 0;
    }
    case T_STRING:
    case T_STRING_INPLACE:
        PyErr_SetString(PyExc_TypeError, "readonly attribute");
        return -1;
    case T_LONGLONG: {
        long long x = PyLong_AsLongLong(v);
        if (x == -1 && PyErr_Occurred())
            return -1;
        *(long long *)addr = x;
        return 0;
    }
    case T_ULONGLONG: {
        unsigned long long x = PyLong_AsUnsignedLongLong(v);
        if (x == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            long long y = PyLong_AsLongLong(v);
            if (y == -1 && PyErr_Occurred())
                return -1;
            x = (unsigned long long)y;
        }
        *(unsigned long long *)addr = x;
        return 0;
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", l->name);
        return -1;
    }
}
