/* typeobject_subtype.c: the life cycle of instances of classes (heap
 * types): allocation (PyType_GenericAlloc/New), destruction (subtype
 * dealloc: __del__ once per PEP 442, weakrefs, __slots__, __dict__, then
 * the nearest C base's tp_dealloc), GC traversal and clearing, and the
 * __dict__ / __weakref__ descriptors classes get.
 *
 * Instance layout of a class: [C base part][__slots__ members][__dict__]
 * [__weakref__]; type_new computes the offsets in that order.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include "objects/instances.h"

/* Variable-size types: calloc, item count, tracking for GC ones. */
static Py_NO_INLINE PyObject *
kr_generic_alloc_var(PyTypeObject *type, Py_ssize_t nitems)
{
    /* One spare item, as CPython: some variable-size types write a
     * sentinel past their last item. */
    size_t size = _PyObject_VAR_SIZE(type, nitems + 1);
    PyObject *obj;
    if (type->tp_flags & Py_TPFLAGS_HAVE_GC) {
        obj = _PyObject_GC_Calloc(size);
        if (obj == NULL)
            return NULL;
    }
    else {
        obj = PyObject_Calloc(1, size);
        if (obj == NULL)
            return PyErr_NoMemory();
    }
    kr_instance_init(obj, type);
    Py_SET_SIZE((PyVarObject *)obj, nitems);
    if (type->tp_flags & Py_TPFLAGS_HAVE_GC)
        PyObject_GC_Track(obj);
    return obj;
}

/* The common extension object (the shape of every `cls()` of such a type)
 * has a fixed size: a plain allocation cleared in place, or for a GC type
 * one call that also tracks it. */
PyObject *
PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems)
{
    if (_Py_unlikely(type->tp_itemsize != 0))
        return kr_generic_alloc_var(type, nitems);
    if (type->tp_flags & Py_TPFLAGS_HAVE_GC)
        return kr_gc_new_instance(type, _Py_SIZE_ROUND_UP((size_t)type->tp_basicsize,
                                                          SIZEOF_VOID_P));
    PyObject *obj = PyObject_Malloc(_Py_SIZE_ROUND_UP((size_t)type->tp_basicsize, SIZEOF_VOID_P));
    if (obj == NULL)
        return PyErr_NoMemory();
    /* (the size read again: cheaper than keeping it across the call) */
    size_t size = _Py_SIZE_ROUND_UP((size_t)type->tp_basicsize, SIZEOF_VOID_P);
    kr_instance_clear(obj, size);
    kr_instance_init(obj, type);
    return obj;
}

PyObject *
PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

/* The member table a heap type keeps right after its PyHeapTypeObject;
 * Py_SIZE(type) is the number of __slots__ members. */
static inline PyMemberDef *
kr_heap_members(PyTypeObject *type)
{
    return (PyMemberDef *)((char *)type + Py_TYPE(type)->tp_basicsize);
}

static void
kr_clear_slots(PyTypeObject *type, PyObject *self)
{
    Py_ssize_t n = Py_SIZE(type);
    PyMemberDef *mp = kr_heap_members(type);
    for (Py_ssize_t i = 0; i < n; i++, mp++) {
        if (mp->type == T_OBJECT_EX && !(mp->flags & READONLY)) {
            PyObject **addr = (PyObject **)((char *)self + mp->offset);
            Py_CLEAR(*addr);
        }
    }
}

static int
kr_traverse_slots(PyTypeObject *type, PyObject *self, visitproc visit, void *arg)
{
    Py_ssize_t n = Py_SIZE(type);
    PyMemberDef *mp = kr_heap_members(type);
    for (Py_ssize_t i = 0; i < n; i++, mp++) {
        if (mp->type == T_OBJECT_EX) {
            PyObject *obj = *(PyObject **)((char *)self + mp->offset);
            Py_VISIT(obj);
        }
    }
    return 0;
}

int
kr_subtype_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_traverse == kr_subtype_traverse) {
        if (Py_SIZE(base)) {
            int err = kr_traverse_slots(base, self, visit, arg);
            if (err)
                return err;
        }
        base = base->tp_base;
    }
    if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_GetDictPtr(self);
        if (dictptr && *dictptr)
            Py_VISIT(*dictptr);
    }
    if ((type->tp_flags & Py_TPFLAGS_HEAPTYPE) &&
        (base->tp_traverse == NULL || !(base->tp_flags & Py_TPFLAGS_HEAPTYPE)))
        Py_VISIT(type);
    if (base->tp_traverse)
        return base->tp_traverse(self, visit, arg);
    return 0;
}

int
kr_subtype_clear(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_clear == kr_subtype_clear) {
        if (Py_SIZE(base))
            kr_clear_slots(base, self);
        base = base->tp_base;
    }
    if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_GetDictPtr(self);
        if (dictptr && *dictptr)
            Py_CLEAR(*dictptr);
    }
    if (base->tp_clear)
        return base->tp_clear(self);
    return 0;
}

/* Does self have weak references in the list the class added (not one
 * its C base manages)?  Checked before calling PyObject_ClearWeakRefs:
 * an instance nobody made a weak reference to, the usual case, then costs
 * a load rather than a call. */
static inline int
kr_has_own_weakrefs(PyTypeObject *type, PyTypeObject *base, PyObject *self)
{
    return type->tp_weaklistoffset && !base->tp_weaklistoffset &&
           *(PyObject **)((char *)self + type->tp_weaklistoffset) != NULL;
}

void
kr_subtype_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base;
    destructor basedealloc;

    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        /* Slot-less class of a non-GC base: finalize, then the base. */
        if (type->tp_finalize) {
            if (PyObject_CallFinalizerFromDealloc(self) < 0)
                return;
        }
        if (type->tp_del) {
            type->tp_del(self);
            if (Py_REFCNT(self) > 0)
                return;
        }
        base = type;
        while ((basedealloc = base->tp_dealloc) == kr_subtype_dealloc)
            base = base->tp_base;
        type = Py_TYPE(self);
        if (type->tp_dictoffset && !base->tp_dictoffset) {
            PyObject **dictptr = _PyObject_GetDictPtr(self);
            if (dictptr && *dictptr)
                Py_CLEAR(*dictptr);
        }
        int decref = (type->tp_flags & Py_TPFLAGS_HEAPTYPE) &&
                     !(base->tp_flags & Py_TPFLAGS_HEAPTYPE);
        basedealloc(self);
        if (decref)
            Py_DECREF(type);
        return;
    }

    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, kr_subtype_dealloc);

    base = type;
    while (base->tp_dealloc == kr_subtype_dealloc)
        base = base->tp_base;
    int has_finalizer = type->tp_finalize || type->tp_del;

    if (type->tp_finalize) {
        PyObject_GC_Track(self);
        if (PyObject_CallFinalizerFromDealloc(self) < 0)
            goto endlabel;   /* resurrected */
        PyObject_GC_UnTrack(self);
    }
    if (kr_has_own_weakrefs(type, base, self))
        PyObject_ClearWeakRefs(self);
    if (type->tp_del) {
        PyObject_GC_Track(self);
        type->tp_del(self);
        if (Py_REFCNT(self) > 0)
            goto endlabel;
        PyObject_GC_UnTrack(self);
    }
    if (has_finalizer && kr_has_own_weakrefs(type, base, self))
        PyObject_ClearWeakRefs(self);   /* the finalizer made new ones */

    base = type;
    while ((basedealloc = base->tp_dealloc) == kr_subtype_dealloc) {
        if (Py_SIZE(base))
            kr_clear_slots(base, self);
        base = base->tp_base;
    }
    if (type->tp_dictoffset && !base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_GetDictPtr(self);
        if (dictptr && *dictptr)
            Py_CLEAR(*dictptr);
    }
    type = Py_TYPE(self);   /* __del__ may have assigned __class__ */
    if (base->tp_flags & Py_TPFLAGS_HAVE_GC)
        PyObject_GC_Track(self);   /* the base's dealloc untracks */
    int decref = (type->tp_flags & Py_TPFLAGS_HEAPTYPE) &&
                 !(base->tp_flags & Py_TPFLAGS_HEAPTYPE);
    basedealloc(self);
    if (decref)
        Py_DECREF(type);
endlabel:;
    Py_TRASHCAN_END
}

PyTypeObject *
kr_type_solid_base(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base ? kr_type_solid_base(type->tp_base)
                                       : &PyBaseObject_Type;
    /* Does `type` add C-level fields to `base` (ignoring the __dict__ and
     * __weakref__ pointers a class appends, which do not change layout
     * compatibility)? */
    size_t t_size = (size_t)type->tp_basicsize;
    size_t b_size = (size_t)base->tp_basicsize;
    int extra;
    if (type->tp_itemsize || base->tp_itemsize) {
        extra = t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    }
    else {
        if (type->tp_weaklistoffset && base->tp_weaklistoffset == 0 &&
            (size_t)type->tp_weaklistoffset + sizeof(PyObject *) == t_size &&
            (type->tp_flags & Py_TPFLAGS_HEAPTYPE))
            t_size -= sizeof(PyObject *);
        if (type->tp_dictoffset && base->tp_dictoffset == 0 &&
            (size_t)type->tp_dictoffset + sizeof(PyObject *) == t_size &&
            (type->tp_flags & Py_TPFLAGS_HEAPTYPE))
            t_size -= sizeof(PyObject *);
        extra = t_size != b_size;
    }
    return extra ? type : base;
}

/* ---- __dict__ and __weakref__ of classes ---- */

static PyObject *
kr_subtype_get_dict(PyObject *obj, void *context)
{
    return PyObject_GenericGetDict(obj, context);
}

static int
kr_subtype_set_dict(PyObject *obj, PyObject *value, void *context)
{
    /* Unlike PyObject_GenericSetDict, a class instance may delete its
     * __dict__ (a fresh one appears on next use). */
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(*dictptr, Py_XNewRef(value));
    return 0;
}

static PyObject *
kr_subtype_get_weakref(PyObject *obj, void *context)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_weaklistoffset == 0) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __weakref__");
        return NULL;
    }
    PyObject *r = *(PyObject **)((char *)obj + tp->tp_weaklistoffset);
    if (r == NULL)
        r = Py_None;
    return Py_NewRef(r);
}

#define KR_DICT_GETSET \
    {"__dict__", kr_subtype_get_dict, kr_subtype_set_dict, \
     "dictionary for instance variables (if defined)", NULL}
#define KR_WEAKREF_GETSET \
    {"__weakref__", kr_subtype_get_weakref, NULL, \
     "list of weak references to the object (if defined)", NULL}

PyGetSetDef kr_subtype_getsets_full[] = {KR_DICT_GETSET, KR_WEAKREF_GETSET, {NULL, NULL, NULL, NULL, NULL}};
PyGetSetDef kr_subtype_getsets_dict_only[] = {KR_DICT_GETSET, {NULL, NULL, NULL, NULL, NULL}};
PyGetSetDef kr_subtype_getsets_weakref_only[] = {KR_WEAKREF_GETSET, {NULL, NULL, NULL, NULL, NULL}};
