/* typeobject_ready.c: PyType_Ready, which completes a type object: its
 * base and bases, MRO, tp_dict (slot wrappers, methods, members, getsets,
 * __doc__, __new__), slot inheritance from the bases, __hash__ = None for
 * unhashable types, and registration with the bases' __subclasses__().
 *
 * Static builtin types are readied once at process start-up, before any
 * context exists (kr_context_get() == NULL); everything made here is then
 * marked immortal by the runtime.  Nothing in this file may need a
 * context for a static type.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include "objects/instances.h"

/* ---- filling tp_dict ---- */

static int
kr_dict_setdefault(PyObject *dict, PyObject *name, PyObject *value, int overwrite)
{
    if (!overwrite) {
        int r = PyDict_Contains(dict, name);
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    return PyDict_SetItem(dict, name, value);
}

static int
kr_add_methods(PyTypeObject *type, PyMethodDef *meth)
{
    PyObject *dict = type->tp_dict;
    for (; meth->ml_name != NULL; meth++) {
        PyObject *descr;
        if ((meth->ml_flags & METH_CLASS) && (meth->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError, "method cannot be both class and static");
            return -1;
        }
        if (meth->ml_flags & METH_CLASS) {
            descr = PyDescr_NewClassMethod(type, meth);
        }
        else if (meth->ml_flags & METH_STATIC) {
            PyObject *cfunc = PyCFunction_NewEx(meth, (PyObject *)type, NULL);
            if (cfunc == NULL)
                return -1;
            descr = PyStaticMethod_New(cfunc);
            Py_DECREF(cfunc);
        }
        else {
            descr = PyDescr_NewMethod(type, meth);
        }
        if (descr == NULL)
            return -1;
        PyObject *name = !(meth->ml_flags & METH_STATIC) ? Py_NewRef(PyDescr_NAME(descr))
                                              : PyUnicode_InternFromString(meth->ml_name);
        int r = name ? kr_dict_setdefault(dict, name, descr, meth->ml_flags & METH_COEXIST) : -1;
        Py_XDECREF(name);
        Py_DECREF(descr);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int
kr_add_members(PyTypeObject *type, PyMemberDef *memb)
{
    for (; memb->name != NULL; memb++) {
        PyObject *descr = PyDescr_NewMember(type, memb);
        if (descr == NULL)
            return -1;
        int r = kr_dict_setdefault(type->tp_dict, PyDescr_NAME(descr), descr, 0);
        Py_DECREF(descr);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int
kr_add_getset(PyTypeObject *type, PyGetSetDef *gsp)
{
    for (; gsp->name != NULL; gsp++) {
        PyObject *descr = PyDescr_NewGetSet(type, gsp);
        if (descr == NULL)
            return -1;
        int r = kr_dict_setdefault(type->tp_dict, PyDescr_NAME(descr), descr, 0);
        Py_DECREF(descr);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int
kr_type_set_doc(PyTypeObject *type)
{
    PyObject *name = KR_ID(__doc__);
    int r = PyDict_Contains(type->tp_dict, name);
    if (r != 0)
        return r < 0 ? -1 : 0;
    PyObject *doc;
    if (type->tp_doc != NULL) {
        doc = kr_doc_from_internal(type->tp_name, type->tp_doc);
        if (doc == NULL)
            return -1;
    }
    else {
        doc = Py_NewRef(Py_None);
    }
    r = PyDict_SetItem(type->tp_dict, name, doc);
    Py_DECREF(doc);
    return r;
}

/* ---- inheritance ---- */

static void
kr_inherit_special(PyTypeObject *type, PyTypeObject *base)
{
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC) && (base->tp_flags & Py_TPFLAGS_HAVE_GC) &&
        type->tp_traverse == NULL && type->tp_clear == NULL) {
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        type->tp_traverse = base->tp_traverse;
        type->tp_clear = base->tp_clear;
    }
    if (type->tp_basicsize == 0)
        type->tp_basicsize = base->tp_basicsize;
    if (type->tp_itemsize == 0)
        type->tp_itemsize = base->tp_itemsize;
    if (type->tp_weaklistoffset == 0)
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    if (type->tp_dictoffset == 0)
        type->tp_dictoffset = base->tp_dictoffset;
    /* The fast subclass bits (int, list, tuple, bytes, str, dict,
     * BaseException, type) follow the C layout, so they come from the base. */
    type->tp_flags |= base->tp_flags &
        (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_TUPLE_SUBCLASS |
         Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS |
         Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS);
}

static int
kr_overrides_hash(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    int r = PyDict_Contains(dict, KR_ID(__eq__));
    if (r == 0)
        r = PyDict_Contains(dict, KR_ID(__hash__));
    return r;
}

#define KR_COPY(tbl, field) \
    do { if (t->field == NULL) t->field = b->field; } while (0)

static int
kr_inherit_slots(PyTypeObject *type, PyTypeObject *base)
{
    if (type->tp_as_number != NULL && base->tp_as_number != NULL) {
        /* Every slot of the table is a function pointer: copy generically. */
        void **t = (void **)type->tp_as_number, **b = (void **)base->tp_as_number;
        for (size_t i = 0; i < sizeof(PyNumberMethods) / sizeof(void *); i++)
            if (t[i] == NULL)
                t[i] = b[i];
    }
    if (type->tp_as_async != NULL && base->tp_as_async != NULL) {
        void **t = (void **)type->tp_as_async, **b = (void **)base->tp_as_async;
        for (size_t i = 0; i < sizeof(PyAsyncMethods) / sizeof(void *); i++)
            if (t[i] == NULL)
                t[i] = b[i];
    }
    if (type->tp_as_sequence != NULL && base->tp_as_sequence != NULL) {
        void **t = (void **)type->tp_as_sequence, **b = (void **)base->tp_as_sequence;
        for (size_t i = 0; i < sizeof(PySequenceMethods) / sizeof(void *); i++)
            if (t[i] == NULL)
                t[i] = b[i];
    }
    if (type->tp_as_mapping != NULL && base->tp_as_mapping != NULL) {
        void **t = (void **)type->tp_as_mapping, **b = (void **)base->tp_as_mapping;
        for (size_t i = 0; i < sizeof(PyMappingMethods) / sizeof(void *); i++)
            if (t[i] == NULL)
                t[i] = b[i];
    }
    if (type->tp_as_buffer != NULL && base->tp_as_buffer != NULL) {
        void **t = (void **)type->tp_as_buffer, **b = (void **)base->tp_as_buffer;
        for (size_t i = 0; i < sizeof(PyBufferProcs) / sizeof(void *); i++)
            if (t[i] == NULL)
                t[i] = b[i];
    }

    PyTypeObject *t = type, *b = base;
    KR_COPY(t, tp_dealloc);
    if (t->tp_getattr == NULL && t->tp_getattro == NULL) {
        t->tp_getattr = b->tp_getattr;
        t->tp_getattro = b->tp_getattro;
    }
    if (t->tp_setattr == NULL && t->tp_setattro == NULL) {
        t->tp_setattr = b->tp_setattr;
        t->tp_setattro = b->tp_setattro;
    }
    KR_COPY(t, tp_repr);
    if (t->tp_call == NULL && (b->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) &&
        (t->tp_flags & Py_TPFLAGS_IMMUTABLETYPE))
        t->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
    if (t->tp_vectorcall_offset == 0)
        t->tp_vectorcall_offset = b->tp_vectorcall_offset;
    KR_COPY(t, tp_call);
    KR_COPY(t, tp_str);
    if (t->tp_richcompare == NULL && t->tp_hash == NULL) {
        int r = kr_overrides_hash(t);
        if (r < 0)
            return -1;
        if (!r) {
            t->tp_richcompare = b->tp_richcompare;
            t->tp_hash = b->tp_hash;
        }
    }
    KR_COPY(t, tp_iter);
    KR_COPY(t, tp_iternext);
    KR_COPY(t, tp_descr_get);
    if (b->tp_descr_get && t->tp_descr_get == b->tp_descr_get &&
        (b->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) && !(t->tp_flags & Py_TPFLAGS_HEAPTYPE))
        t->tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
    KR_COPY(t, tp_descr_set);
    KR_COPY(t, tp_init);
    KR_COPY(t, tp_alloc);
    KR_COPY(t, tp_is_gc);
    KR_COPY(t, tp_finalize);
    if ((t->tp_flags & Py_TPFLAGS_HAVE_GC) == (b->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        KR_COPY(t, tp_free);
    }
    else if ((t->tp_flags & Py_TPFLAGS_HAVE_GC) && t->tp_free == NULL &&
             b->tp_free == PyObject_Free) {
        t->tp_free = PyObject_GC_Del;
    }
    return 0;
}

/* ---- PyType_Ready ---- */

static int
kr_type_ready_impl(PyTypeObject *type)
{
    if (type->tp_name == NULL) {
        PyErr_Format(PyExc_SystemError, "Type does not define the tp_name field.");
        return -1;
    }
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        type->tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;

    PyTypeObject *base = type->tp_base;
    if (base == NULL && type != &PyBaseObject_Type) {
        base = &PyBaseObject_Type;
        if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
            type->tp_base = (PyTypeObject *)Py_NewRef(base);
        else
            type->tp_base = base;
    }
    if (base != NULL && !(base->tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(base) < 0)
            return -1;
    }
    if (Py_TYPE(type) == NULL && base != NULL)
        Py_SET_TYPE(type, Py_TYPE(base));

    if (type->tp_bases == NULL) {
        PyObject *bases = base == NULL ? PyTuple_New(0) : PyTuple_Pack(1, (PyObject *)base);
        if (bases == NULL)
            return -1;
        type->tp_bases = bases;
    }
    if (type->tp_dict == NULL) {
        type->tp_dict = PyDict_New();
        if (type->tp_dict == NULL)
            return -1;
    }

    if (kr_type_mro_internal(type, NULL) < 0)
        return -1;

    /* __new__: keep the type's own (exposed as a builtin method), or take
     * the base's; DISALLOW_INSTANTIATION removes it.  A static type made
     * directly on object without a tp_new of its own cannot be
     * instantiated from Python: object.__new__ would hand out an
     * uninitialised C object. */
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) && base == &PyBaseObject_Type &&
        type->tp_new == NULL)
        type->tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    if (type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) {
        type->tp_new = NULL;
    }
    else if (type->tp_new != NULL) {
        if (kr_type_add_tp_new_wrapper(type) < 0)
            return -1;
    }
    else if (base != NULL) {
        type->tp_new = base->tp_new;
    }

    if (kr_type_add_operators(type) < 0)
        return -1;
    if (type->tp_methods && kr_add_methods(type, type->tp_methods) < 0)
        return -1;
    if (type->tp_members && kr_add_members(type, type->tp_members) < 0)
        return -1;
    if (type->tp_getset && kr_add_getset(type, type->tp_getset) < 0)
        return -1;
    if (kr_type_set_doc(type) < 0)
        return -1;

    if (base != NULL) {
        kr_inherit_special(type, base);
        if (type->tp_as_async == NULL)
            type->tp_as_async = base->tp_as_async;
        if (type->tp_as_number == NULL)
            type->tp_as_number = base->tp_as_number;
        if (type->tp_as_sequence == NULL)
            type->tp_as_sequence = base->tp_as_sequence;
        if (type->tp_as_mapping == NULL)
            type->tp_as_mapping = base->tp_as_mapping;
        if (type->tp_as_buffer == NULL)
            type->tp_as_buffer = base->tp_as_buffer;
    }
    PyObject *mro = type->tp_mro;
    for (Py_ssize_t i = 1; i < PyTuple_GET_SIZE(mro); i++) {
        PyObject *b = PyTuple_GET_ITEM(mro, i);
        if (PyType_Check(b) && kr_inherit_slots(type, (PyTypeObject *)b) < 0)
            return -1;
    }
    if (type->tp_free == NULL)
        type->tp_free = (type->tp_flags & Py_TPFLAGS_HAVE_GC) ? PyObject_GC_Del : PyObject_Free;

    if (type->tp_hash == NULL) {
        int r = PyDict_Contains(type->tp_dict, KR_ID(__hash__));
        if (r < 0)
            return -1;
        if (r == 0) {
            if (PyDict_SetItem(type->tp_dict, KR_ID(__hash__), Py_None) < 0)
                return -1;
            type->tp_hash = PyObject_HashNotImplemented;
        }
    }

    PyObject *bases = type->tp_bases;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyObject *b = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(b) && kr_type_add_subclass((PyTypeObject *)b, type) < 0)
            return -1;
    }
    return 0;
}

int
PyType_Ready(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_READY)
        return 0;
    type->tp_flags |= Py_TPFLAGS_READYING;
    if (kr_type_ready_impl(type) < 0) {
        type->tp_flags &= ~Py_TPFLAGS_READYING;
        return -1;
    }
    type->tp_flags = (type->tp_flags & ~Py_TPFLAGS_READYING) | Py_TPFLAGS_READY;
    /* Not inherited: each type's own entry point for cls(...), which
     * CPython 3.11 would leave to tp_call (typeobject.c says why), for the
     * types of extensions and the runtime's own types alike
     * (_PyObject_Call sends a tuple and dict to tp_call, not here). */
    if (type->tp_vectorcall == NULL)
        type->tp_vectorcall = kr_type_vectorcall;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        kr_type_assign_version(type);
    return 0;
}
