/* typeobject.c: the `type` type (PyType_Type): class creation
 * (type.__new__: metaclass selection, __slots__, layout, __set_name__,
 * __init_subclass__), calling a type (__new__ then __init__), attribute
 * access on classes (metaclass descriptors first), the class attributes
 * (__name__, __qualname__, __bases__, __mro__, __module__, __doc__,
 * __dict__, __abstractmethods__, __annotations__), and heap-type
 * destruction.  PyType_Ready lives in typeobject_ready.c, slots in
 * typeobject_slots.c, MRO in typeobject_mro.c.
 * (owned by the types area) */
#include "internal.h"
#include "objects/containers.h"
#include "objects/types.h"
#include "objects/instances.h"
#include "objects/call_internal.h"

/* ---- names ---- */

const char *
_PyType_Name(PyTypeObject *type)
{
    const char *s = strrchr(type->tp_name, '.');
    return s ? s + 1 : type->tp_name;
}

unsigned long
PyType_GetFlags(PyTypeObject *type)
{
    return type->tp_flags;
}

PyObject *
PyType_GetName(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_name);
    return PyUnicode_FromString(_PyType_Name(type));
}

PyObject *
PyType_GetQualName(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_qualname);
    return PyUnicode_FromString(_PyType_Name(type));
}

PyObject *
kr_type_qualname(PyTypeObject *type)
{
    return PyType_GetQualName(type);
}

PyObject *
_PyType_GetDict(PyTypeObject *type)
{
    return type->tp_dict;
}

static PyObject *
type_module(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        PyObject *mod = PyDict_GetItemWithError(type->tp_dict, KR_ID(__module__));
        if (mod == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_AttributeError, "__module__");
            return NULL;
        }
        return Py_NewRef(mod);
    }
    const char *s = strrchr(type->tp_name, '.');
    if (s != NULL)
        return PyUnicode_FromStringAndSize(type->tp_name, (Py_ssize_t)(s - type->tp_name));
    return PyUnicode_InternFromString("builtins");
}

PyObject *
kr_type_module(PyTypeObject *type)
{
    return type_module(type, NULL);
}

/* ---- special attributes of classes ---- */

static int
kr_check_set_special(PyTypeObject *type, PyObject *value, const char *name)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) || (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
        PyErr_Format(PyExc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *
type_name(PyTypeObject *type, void *context)
{
    return PyType_GetName(type);
}

static int
type_set_name(PyTypeObject *type, PyObject *value, void *context)
{
    if (!kr_check_set_special(type, value, "__name__"))
        return -1;
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__name__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_ssize_t size;
    const char *tp_name = PyUnicode_AsUTF8AndSize(value, &size);
    if (tp_name == NULL)
        return -1;
    if (strlen(tp_name) != (size_t)size) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    char *copy = PyMem_Malloc((size_t)size + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, tp_name, (size_t)size + 1);
    PyMem_Free(et->_ht_tpname);
    et->_ht_tpname = copy;
    type->tp_name = copy;
    Py_SETREF(et->ht_name, Py_NewRef(value));
    return 0;
}

static PyObject *
type_qualname(PyTypeObject *type, void *context)
{
    return PyType_GetQualName(type);
}

static int
type_set_qualname(PyTypeObject *type, PyObject *value, void *context)
{
    if (!kr_check_set_special(type, value, "__qualname__"))
        return -1;
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_SETREF(((PyHeapTypeObject *)type)->ht_qualname, Py_NewRef(value));
    return 0;
}

static int
type_set_module(PyTypeObject *type, PyObject *value, void *context)
{
    if (!kr_check_set_special(type, value, "__module__"))
        return -1;
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, KR_ID(__module__), value);
}

static PyObject *
type_get_bases(PyTypeObject *type, void *context)
{
    return Py_NewRef(type->tp_bases);
}

static int kr_compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto,
                                        const char *attr);

/* Recompute the MRO of type and all its subclasses after __bases__ moved;
 * sets slots afresh. */
static int
kr_mro_hierarchy(PyTypeObject *type)
{
    if (kr_type_mro_internal(type, NULL) < 0)
        return -1;
    kr_type_fixup_slots(type);
    PyObject *subs = kr_type_subclasses_dict(type, 0);
    if (subs == NULL)
        return 0;
    PyObject *list = PyDict_Values(subs);
    if (list == NULL)
        return -1;
    int res = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list) && res == 0; i++) {
        PyObject *sub = PyWeakref_GetObject(PyList_GET_ITEM(list, i));
        if (sub != NULL && sub != Py_None)
            res = kr_mro_hierarchy((PyTypeObject *)sub);
    }
    Py_DECREF(list);
    return res;
}

static int
type_set_bases(PyTypeObject *type, PyObject *new_bases, void *context)
{
    if (!kr_check_set_special(type, new_bases, "__bases__"))
        return -1;
    if (!PyTuple_Check(new_bases)) {
        PyErr_Format(PyExc_TypeError, "can only assign tuple to %s.__bases__, not %s",
                     type->tp_name, Py_TYPE(new_bases)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(new_bases) == 0) {
        PyErr_Format(PyExc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                     type->tp_name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(new_bases); i++) {
        PyObject *ob = PyTuple_GET_ITEM(new_bases, i);
        if (!PyType_Check(ob)) {
            PyErr_Format(PyExc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                         type->tp_name, Py_TYPE(ob)->tp_name);
            return -1;
        }
        PyTypeObject *base = (PyTypeObject *)ob;
        if (PyType_IsSubtype(base, type) ||
            (base->tp_mro != NULL && PyType_IsSubtype(base, type))) {
            PyErr_SetString(PyExc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    PyTypeObject *new_base = kr_type_best_base(new_bases);
    if (new_base == NULL)
        return -1;
    if (!kr_compatible_for_assignment(type->tp_base, new_base, "__bases__"))
        return -1;

    PyObject *old_bases = type->tp_bases;
    PyTypeObject *old_base = type->tp_base;
    type->tp_bases = Py_NewRef(new_bases);
    type->tp_base = (PyTypeObject *)Py_NewRef(new_base);
    if (kr_mro_hierarchy(type) < 0) {
        Py_SETREF(type->tp_bases, old_bases);
        Py_SETREF(type->tp_base, old_base);
        kr_mro_hierarchy(type);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(old_bases); i++)
        kr_type_remove_subclass((PyTypeObject *)PyTuple_GET_ITEM(old_bases, i), type);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(new_bases); i++)
        kr_type_add_subclass((PyTypeObject *)PyTuple_GET_ITEM(new_bases, i), type);
    Py_DECREF(old_bases);
    Py_DECREF(old_base);
    PyType_Modified(type);
    return 0;
}

static PyObject *
type_abstractmethods(PyTypeObject *type, void *context)
{
    PyObject *mod = NULL;
    /* type itself has an __abstractmethods__ descriptor (this one): do not
     * return it. */
    if (type != &PyType_Type)
        mod = PyDict_GetItemWithError(type->tp_dict, KR_ID(__abstractmethods__));
    if (mod == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, KR_ID(__abstractmethods__));
        return NULL;
    }
    return Py_NewRef(mod);
}

static int
type_set_abstractmethods(PyTypeObject *type, PyObject *value, void *context)
{
    int abstract, res;
    if (value != NULL) {
        abstract = PyObject_IsTrue(value);
        if (abstract < 0)
            return -1;
        res = PyDict_SetItem(type->tp_dict, KR_ID(__abstractmethods__), value);
    }
    else {
        abstract = 0;
        res = PyDict_DelItem(type->tp_dict, KR_ID(__abstractmethods__));
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetObject(PyExc_AttributeError, KR_ID(__abstractmethods__));
            return -1;
        }
    }
    if (res == 0) {
        PyType_Modified(type);
        if (abstract)
            type->tp_flags |= Py_TPFLAGS_IS_ABSTRACT;
        else
            type->tp_flags &= ~Py_TPFLAGS_IS_ABSTRACT;
    }
    return res;
}

static PyObject *
type_dict(PyTypeObject *type, void *context)
{
    if (type->tp_dict == NULL)
        Py_RETURN_NONE;
    return PyDictProxy_New(type->tp_dict);
}

static PyObject *
type_get_doc(PyTypeObject *type, void *context)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) && type->tp_doc != NULL)
        return kr_doc_from_internal(type->tp_name, type->tp_doc);
    PyObject *result = PyDict_GetItemWithError(type->tp_dict, KR_ID(__doc__));
    if (result == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    descrgetfunc f = Py_TYPE(result)->tp_descr_get;
    if (f != NULL)
        return f(result, NULL, (PyObject *)type);
    return Py_NewRef(result);
}

static int
type_set_doc(PyTypeObject *type, PyObject *value, void *context)
{
    if (!kr_check_set_special(type, value, "__doc__"))
        return -1;
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, KR_ID(__doc__), value);
}

static PyObject *
type_get_text_signature(PyTypeObject *type, void *context)
{
    return kr_text_signature_from_internal(type->tp_name, type->tp_doc);
}

static PyObject *
type_get_annotations(PyTypeObject *type, void *context)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                     type->tp_name);
        return NULL;
    }
    PyObject *annotations = PyDict_GetItemWithError(type->tp_dict, KR_ID(__annotations__));
    if (annotations != NULL) {
        descrgetfunc f = Py_TYPE(annotations)->tp_descr_get;
        if (f != NULL)
            return f(annotations, NULL, (PyObject *)type);
        return Py_NewRef(annotations);
    }
    if (PyErr_Occurred())
        return NULL;
    annotations = PyDict_New();
    if (annotations == NULL)
        return NULL;
    if (PyDict_SetItem(type->tp_dict, KR_ID(__annotations__), annotations) < 0) {
        Py_DECREF(annotations);
        return NULL;
    }
    PyType_Modified(type);
    return annotations;
}

static int
type_set_annotations(PyTypeObject *type, PyObject *value, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError,
                     "cannot set '__annotations__' attribute of immutable type '%s'",
                     type->tp_name);
        return -1;
    }
    int r;
    if (value != NULL) {
        r = PyDict_SetItem(type->tp_dict, KR_ID(__annotations__), value);
    }
    else {
        r = PyDict_DelItem(type->tp_dict, KR_ID(__annotations__));
        if (r < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_AttributeError, "__annotations__");
        }
    }
    if (r == 0)
        PyType_Modified(type);
    return r;
}

static PyGetSetDef type_getsets[] = {
    {"__name__", (getter)type_name, (setter)type_set_name, NULL, NULL},
    {"__qualname__", (getter)type_qualname, (setter)type_set_qualname, NULL, NULL},
    {"__bases__", (getter)type_get_bases, (setter)type_set_bases, NULL, NULL},
    {"__module__", (getter)type_module, (setter)type_set_module, NULL, NULL},
    {"__abstractmethods__", (getter)type_abstractmethods, (setter)type_set_abstractmethods,
     NULL, NULL},
    {"__dict__", (getter)type_dict, NULL, NULL, NULL},
    {"__doc__", (getter)type_get_doc, (setter)type_set_doc, NULL, NULL},
    {"__text_signature__", (getter)type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", (getter)type_get_annotations, (setter)type_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef type_members[] = {
    {"__basicsize__", T_PYSSIZET, offsetof(PyTypeObject, tp_basicsize), READONLY, NULL},
    {"__itemsize__", T_PYSSIZET, offsetof(PyTypeObject, tp_itemsize), READONLY, NULL},
    {"__flags__", T_ULONG, offsetof(PyTypeObject, tp_flags), READONLY, NULL},
    {"__weakrefoffset__", T_PYSSIZET, offsetof(PyTypeObject, tp_weaklistoffset), READONLY, NULL},
    {"__base__", T_OBJECT, offsetof(PyTypeObject, tp_base), READONLY, NULL},
    {"__dictoffset__", T_PYSSIZET, offsetof(PyTypeObject, tp_dictoffset), READONLY, NULL},
    {"__mro__", T_OBJECT, offsetof(PyTypeObject, tp_mro), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

/* ---- methods of type ---- */

static PyObject *
type_mro(PyObject *self, PyObject *unused)
{
    PyObject *seq = kr_type_mro_default((PyTypeObject *)self);
    if (seq == NULL)
        return NULL;
    PyObject *list = PySequence_List(seq);
    Py_DECREF(seq);
    return list;
}

/* Append the live subclasses recorded in `subs` (values are weak
 * references, or immortal types themselves) to list. */
static int
kr_append_subclasses(PyObject *list, PyObject *subs)
{
    Py_ssize_t pos = 0;
    PyObject *key, *ref;
    while (PyDict_Next(subs, &pos, &key, &ref)) {
        PyObject *obj = PyType_Check(ref) ? ref : PyWeakref_GetObject(ref);
        if (obj == NULL || obj == Py_None)
            continue;
        if (PyList_Append(list, obj) < 0)
            return -1;
    }
    return 0;
}

static PyObject *
type_subclasses(PyObject *self, PyObject *unused)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) && type->tp_subclasses != NULL &&
        kr_append_subclasses(list, type->tp_subclasses) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *subs = kr_type_subclasses_dict(type, 0);
    if (subs == NULL) {
        if (PyErr_Occurred())
            Py_CLEAR(list);
        return list;
    }
    if (kr_append_subclasses(list, subs) < 0)
        Py_CLEAR(list);
    return list;
}

static PyObject *
type_prepare(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return PyDict_New();
}

static PyObject *
type_instancecheck(PyObject *self, PyObject *inst)
{
    int r = _PyObject_RealIsInstance(inst, self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
type_subclasscheck(PyObject *self, PyObject *sub)
{
    int r = _PyObject_RealIsSubclass(sub, self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

/* Add the keys of aclass.__dict__ and, recursively, of its bases'. */
static int
kr_merge_class_dict(PyObject *dict, PyObject *aclass)
{
    PyObject *classdict, *bases;
    if (_PyObject_LookupAttr(aclass, KR_ID(__dict__), &classdict) < 0)
        return -1;
    if (classdict != NULL) {
        int r = PyDict_Update(dict, classdict);
        Py_DECREF(classdict);
        if (r < 0)
            return -1;
    }
    if (_PyObject_LookupAttr(aclass, KR_ID(__bases__), &bases) < 0)
        return -1;
    if (bases != NULL) {
        Py_ssize_t n = PySequence_Size(bases);
        if (n < 0) {
            Py_DECREF(bases);
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *base = PySequence_GetItem(bases, i);
            if (base == NULL) {
                Py_DECREF(bases);
                return -1;
            }
            int status = kr_merge_class_dict(dict, base);
            Py_DECREF(base);
            if (status < 0) {
                Py_DECREF(bases);
                return -1;
            }
        }
        Py_DECREF(bases);
    }
    return 0;
}

int
kr_type_merge_class_dict(PyObject *dict, PyObject *aclass)
{
    return kr_merge_class_dict(dict, aclass);
}

static PyObject *
type_dir(PyObject *self, PyObject *unused)
{
    PyObject *dict = PyDict_New();
    if (dict == NULL)
        return NULL;
    PyObject *result = NULL;
    if (kr_merge_class_dict(dict, self) == 0)
        result = PyDict_Keys(dict);
    Py_DECREF(dict);
    return result;
}

static PyObject *
type_sizeof(PyObject *self, PyObject *unused)
{
    PyTypeObject *type = (PyTypeObject *)self;
    size_t size;
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        size = sizeof(PyHeapTypeObject) + (size_t)Py_SIZE(type) * sizeof(PyMemberDef);
    else
        size = sizeof(PyTypeObject);
    return PyLong_FromSize_t(size);
}

static PyMethodDef type_methods[] = {
    {"mro", type_mro, METH_NOARGS,
     "mro($self, /)\n--\n\nReturn a type's method resolution order."},
    {"__subclasses__", type_subclasses, METH_NOARGS,
     "__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses."},
    {"__prepare__", _PyCFunction_CAST(type_prepare), METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__instancecheck__", type_instancecheck, METH_O,
     "__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, METH_O,
     "__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass."},
    {"__dir__", type_dir, METH_NOARGS,
     "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object."},
    {NULL, NULL, 0, NULL}
};

/* ---- class creation ---- */

/* Turn `name` into its private form inside class `klass` (_Klass__name). */
static PyObject *
kr_mangle(PyObject *klass, PyObject *name)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    if (n < 2 || PyUnicode_READ_CHAR(name, 0) != '_' || PyUnicode_READ_CHAR(name, 1) != '_' ||
        (PyUnicode_READ_CHAR(name, n - 1) == '_' && PyUnicode_READ_CHAR(name, n - 2) == '_') ||
        PyUnicode_FindChar(name, '.', 0, n, 1) >= 0)
        return Py_NewRef(name);
    Py_ssize_t kn = PyUnicode_GET_LENGTH(klass), start = 0;
    while (start < kn && PyUnicode_READ_CHAR(klass, start) == '_')
        start++;
    if (start == kn)
        return Py_NewRef(name);
    PyObject *stripped = PyUnicode_Substring(klass, start, kn);
    if (stripped == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromFormat("_%U%U", stripped, name);
    Py_DECREF(stripped);
    return res;
}

typedef struct {
    PyTypeObject *metatype;
    PyObject *args, *kwds;
    PyObject *name, *bases, *orig_dict;
    PyTypeObject *base;
    PyObject *slots;          /* tuple of the __slots__ names, or NULL */
    Py_ssize_t nslot;
    int add_dict, add_weak, may_add_dict, may_add_weak;
} kr_type_new_ctx;

static int
kr_type_new_slots(kr_type_new_ctx *ctx, PyObject *dict)
{
    PyTypeObject *base = ctx->base;
    ctx->may_add_dict = base->tp_dictoffset == 0;
    ctx->may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    ctx->add_dict = ctx->add_weak = 0;
    PyObject *slots = PyDict_GetItemWithError(dict, KR_ID(__slots__));
    if (slots == NULL) {
        if (PyErr_Occurred())
            return -1;
        ctx->add_dict = ctx->may_add_dict;
        ctx->add_weak = ctx->may_add_weak;
        ctx->slots = NULL;
        ctx->nslot = 0;
        return 0;
    }
    if (PyUnicode_Check(slots))
        slots = PyTuple_Pack(1, slots);
    else
        slots = PySequence_Tuple(slots);
    if (slots == NULL)
        return -1;
    Py_ssize_t nslot = PyTuple_GET_SIZE(slots);
    if (nslot > 0 && base->tp_itemsize != 0) {
        PyErr_Format(PyExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                     base->tp_name);
        goto error;
    }
    for (Py_ssize_t i = 0; i < nslot; i++) {
        PyObject *tmp = PyTuple_GET_ITEM(slots, i);
        if (!PyUnicode_Check(tmp)) {
            PyErr_Format(PyExc_TypeError, "__slots__ items must be strings, not '%.200s'",
                         Py_TYPE(tmp)->tp_name);
            goto error;
        }
        if (!PyUnicode_IsIdentifier(tmp)) {
            PyErr_SetString(PyExc_TypeError, "__slots__ must be identifiers");
            goto error;
        }
        if (PyUnicode_CompareWithASCIIString(tmp, "__dict__") == 0) {
            if (!ctx->may_add_dict || ctx->add_dict) {
                PyErr_SetString(PyExc_TypeError, "__dict__ slot disallowed: we already got one");
                goto error;
            }
            ctx->add_dict++;
        }
        if (PyUnicode_CompareWithASCIIString(tmp, "__weakref__") == 0) {
            if (!ctx->may_add_weak || ctx->add_weak) {
                PyErr_SetString(PyExc_TypeError,
                                "__weakref__ slot disallowed: either we already got one, "
                                "or __itemsize__ != 0");
                goto error;
            }
            ctx->add_weak++;
        }
    }
    /* The real slot names: mangled, without __dict__/__weakref__, sorted. */
    PyObject *newslots = PyList_New(0);
    if (newslots == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < nslot; i++) {
        PyObject *tmp = PyTuple_GET_ITEM(slots, i);
        if ((ctx->add_dict && PyUnicode_CompareWithASCIIString(tmp, "__dict__") == 0) ||
            (ctx->add_weak && PyUnicode_CompareWithASCIIString(tmp, "__weakref__") == 0))
            continue;
        PyObject *m = kr_mangle(ctx->name, tmp);
        if (m == NULL) {
            Py_DECREF(newslots);
            goto error;
        }
        PyUnicode_InternInPlace(&m);
        int r = PyDict_Contains(dict, m);
        if (r != 0) {
            if (r > 0) {
                /* __qualname__ and __classcell__ are removed before use. */
                if (PyUnicode_CompareWithASCIIString(m, "__qualname__") != 0 &&
                    PyUnicode_CompareWithASCIIString(m, "__classcell__") != 0) {
                    PyErr_Format(PyExc_ValueError, "%R in __slots__ conflicts with class variable",
                                 m);
                    r = -1;
                }
                else
                    r = 0;
            }
            if (r < 0) {
                Py_DECREF(m);
                Py_DECREF(newslots);
                goto error;
            }
        }
        if (PyList_Append(newslots, m) < 0) {
            Py_DECREF(m);
            Py_DECREF(newslots);
            goto error;
        }
        Py_DECREF(m);
    }
    if (PyList_Sort(newslots) < 0) {
        Py_DECREF(newslots);
        goto error;
    }
    Py_DECREF(slots);
    ctx->slots = PyList_AsTuple(newslots);
    Py_DECREF(newslots);
    if (ctx->slots == NULL)
        return -1;
    ctx->nslot = PyTuple_GET_SIZE(ctx->slots);
    return 0;
error:
    Py_DECREF(slots);
    return -1;
}

/* Wrap plain functions stored as __new__ (staticmethod) and as
 * __init_subclass__ / __class_getitem__ (classmethod), as CPython does. */
static int
kr_type_new_wrap_special(PyObject *dict)
{
    PyObject *f = PyDict_GetItemWithError(dict, KR_ID(__new__));
    if (f != NULL && PyFunction_Check(f)) {
        PyObject *sm = PyStaticMethod_New(f);
        if (sm == NULL || PyDict_SetItem(dict, KR_ID(__new__), sm) < 0) {
            Py_XDECREF(sm);
            return -1;
        }
        Py_DECREF(sm);
    }
    if (PyErr_Occurred())
        return -1;
    static const kr_idref cms[] = {KR_IDREF(__init_subclass__), KR_IDREF(__class_getitem__)};
    for (int i = 0; i < 2; i++) {
        f = PyDict_GetItemWithError(dict, kr_id(cms[i]));
        if (f != NULL && PyFunction_Check(f)) {
            PyObject *cm = PyClassMethod_New(f);
            if (cm == NULL || PyDict_SetItem(dict, kr_id(cms[i]), cm) < 0) {
                Py_XDECREF(cm);
                return -1;
            }
            Py_DECREF(cm);
        }
        if (PyErr_Occurred())
            return -1;
    }
    return 0;
}

static int
kr_type_new_set_names(PyTypeObject *type)
{
    PyObject *names_to_set = PyDict_Copy(type->tp_dict);
    if (names_to_set == NULL)
        return -1;
    Py_ssize_t i = 0;
    PyObject *key, *value;
    while (PyDict_Next(names_to_set, &i, &key, &value)) {
        PyObject *set_name = _PyObject_LookupSpecial(value, KR_ID(__set_name__));
        if (set_name == NULL) {
            if (PyErr_Occurred())
                goto error;
            continue;
        }
        PyObject *a[2] = {(PyObject *)type, key};
        PyObject *res = PyObject_Vectorcall(set_name, a, 2, NULL);
        Py_DECREF(set_name);
        if (res == NULL) {
            _PyErr_FormatFromCause(PyExc_RuntimeError,
                                   "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                                   Py_TYPE(value)->tp_name, key, type->tp_name);
            goto error;
        }
        Py_DECREF(res);
    }
    Py_DECREF(names_to_set);
    return 0;
error:
    Py_DECREF(names_to_set);
    return -1;
}

static int
kr_type_new_init_subclass(PyTypeObject *type, PyObject *kwds)
{
    PyObject *args[2] = {(PyObject *)type, (PyObject *)type};
    PyObject *super = PyObject_Vectorcall((PyObject *)&PySuper_Type, args, 2, NULL);
    if (super == NULL)
        return -1;
    PyObject *func = PyObject_GetAttr(super, KR_ID(__init_subclass__));
    Py_DECREF(super);
    if (func == NULL)
        return -1;
    PyObject *result = PyObject_VectorcallDict(func, NULL, 0, kwds);
    Py_DECREF(func);
    if (result == NULL)
        return -1;
    Py_DECREF(result);
    return 0;
}

static PyObject *kr_heaptype_vectorcall(PyObject *callable, PyObject *const *args,
                                        size_t nargsf, PyObject *kwnames);

static PyObject *
kr_type_new_impl(kr_type_new_ctx *ctx)
{
    PyObject *dict = PyDict_Copy(ctx->orig_dict);
    if (dict == NULL)
        return NULL;
    if (kr_type_new_slots(ctx, dict) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    PyTypeObject *base = ctx->base;
    PyTypeObject *type = (PyTypeObject *)ctx->metatype->tp_alloc(ctx->metatype, ctx->nslot);
    if (type == NULL) {
        Py_XDECREF(ctx->slots);
        Py_DECREF(dict);
        return NULL;
    }
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    /* Every class takes part in GC: an instance stored on its own class
     * makes a cycle. */
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE |
                     Py_TPFLAGS_HAVE_GC;
    type->tp_as_async = &et->as_async;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_as_buffer = &et->as_buffer;
    type->tp_bases = Py_NewRef(ctx->bases);
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    type->tp_dealloc = kr_subtype_dealloc;
    type->tp_traverse = kr_subtype_traverse;
    type->tp_clear = kr_subtype_clear;
    type->tp_alloc = PyType_GenericAlloc;
    type->tp_free = PyObject_GC_Del;
    type->tp_dict = dict;
    et->ht_slots = ctx->slots;
    ctx->slots = NULL;

    /* Name, qualname. */
    et->ht_name = Py_NewRef(ctx->name);
    Py_ssize_t name_size;
    const char *tp_name = PyUnicode_AsUTF8AndSize(ctx->name, &name_size);
    if (tp_name == NULL)
        goto error;
    if (strlen(tp_name) != (size_t)name_size) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        goto error;
    }
    et->_ht_tpname = PyMem_Malloc((size_t)name_size + 1);
    if (et->_ht_tpname == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    memcpy(et->_ht_tpname, tp_name, (size_t)name_size + 1);
    type->tp_name = et->_ht_tpname;

    PyObject *qualname = PyDict_GetItemWithError(dict, KR_ID(__qualname__));
    if (qualname != NULL) {
        if (!PyUnicode_Check(qualname)) {
            PyErr_Format(PyExc_TypeError, "type __qualname__ must be a str, not %s",
                         Py_TYPE(qualname)->tp_name);
            goto error;
        }
        et->ht_qualname = Py_NewRef(qualname);
        if (PyDict_DelItem(dict, KR_ID(__qualname__)) < 0)
            goto error;
    }
    else {
        if (PyErr_Occurred())
            goto error;
        et->ht_qualname = Py_NewRef(et->ht_name);
    }

    /* __module__ from the caller's globals. */
    int r = PyDict_Contains(dict, KR_ID(__module__));
    if (r < 0)
        goto error;
    if (r == 0) {
        PyObject *globals = PyEval_GetGlobals();
        if (globals != NULL) {
            PyObject *modname = PyDict_GetItemWithError(globals, KR_ID(__name__));
            if (modname != NULL) {
                if (PyDict_SetItem(dict, KR_ID(__module__), modname) < 0)
                    goto error;
            }
            else if (PyErr_Occurred())
                goto error;
        }
    }

    /* tp_doc: a copy of a str __doc__, for C code that reads it. */
    PyObject *doc = PyDict_GetItemWithError(dict, KR_ID(__doc__));
    if (doc != NULL && PyUnicode_Check(doc)) {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(doc, &len);
        if (s == NULL)
            goto error;
        char *tp_doc = PyObject_Malloc((size_t)len + 1);
        if (tp_doc == NULL) {
            PyErr_NoMemory();
            goto error;
        }
        memcpy(tp_doc, s, (size_t)len + 1);
        type->tp_doc = tp_doc;
    }
    else if (doc == NULL && PyErr_Occurred())
        goto error;

    if (kr_type_new_wrap_special(dict) < 0)
        goto error;

    /* Layout: [base][slots][__dict__][__weakref__]. */
    Py_ssize_t slotoffset = base->tp_basicsize;
    if (et->ht_slots != NULL) {
        PyMemberDef *mp = (PyMemberDef *)((char *)type + Py_TYPE(type)->tp_basicsize);
        Py_ssize_t n = PyTuple_GET_SIZE(et->ht_slots);
        for (Py_ssize_t i = 0; i < n; i++, mp++) {
            mp->name = PyUnicode_AsUTF8(PyTuple_GET_ITEM(et->ht_slots, i));
            if (mp->name == NULL)
                goto error;
            mp->type = T_OBJECT_EX;
            mp->offset = slotoffset;
            mp->flags = 0;
            mp->doc = NULL;
            slotoffset += (Py_ssize_t)sizeof(PyObject *);
        }
        type->tp_members = (PyMemberDef *)((char *)type + Py_TYPE(type)->tp_basicsize);
    }
    if (ctx->add_dict) {
        if (base->tp_itemsize)
            type->tp_dictoffset = -(Py_ssize_t)sizeof(PyObject *);
        else
            type->tp_dictoffset = slotoffset;
        slotoffset += (Py_ssize_t)sizeof(PyObject *);
    }
    if (ctx->add_weak) {
        type->tp_weaklistoffset = slotoffset;
        slotoffset += (Py_ssize_t)sizeof(PyObject *);
    }
    type->tp_basicsize = slotoffset;
    type->tp_itemsize = base->tp_itemsize;
    if (type->tp_weaklistoffset && type->tp_dictoffset)
        type->tp_getset = kr_subtype_getsets_full;
    else if (type->tp_weaklistoffset)
        type->tp_getset = kr_subtype_getsets_weakref_only;
    else if (type->tp_dictoffset)
        type->tp_getset = kr_subtype_getsets_dict_only;

    if (PyType_Ready(type) < 0)
        goto error;
    type->tp_vectorcall = kr_heaptype_vectorcall;
    kr_type_fixup_slots(type);
    if (kr_type_update_slot(type, KR_ID(__new__)) < 0)
        goto error;
    /* A class with __getattr__ but no __getattribute__ of its own still
     * needs the hook (the generic lookup alone would skip __getattr__). */

    /* __classcell__: the cell the compiler made for zero-argument super()
     * and __class__ references now holds the class. */
    PyObject *cell = PyDict_GetItemWithError(dict, KR_ID(__classcell__));
    if (cell != NULL) {
        if (!PyCell_Check(cell)) {
            PyErr_Format(PyExc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R",
                         Py_TYPE(cell));
            goto error;
        }
        PyCell_Set(cell, (PyObject *)type);
        if (PyDict_DelItem(dict, KR_ID(__classcell__)) < 0)
            goto error;
    }
    else if (PyErr_Occurred())
        goto error;

    if (kr_type_new_set_names(type) < 0)
        goto error;
    if (kr_type_new_init_subclass(type, ctx->kwds) < 0)
        goto error;
    return (PyObject *)type;
error:
    Py_DECREF(type);
    return NULL;
}

static PyObject *
type_new(PyTypeObject *metatype, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    kr_type_new_ctx ctx = {0};
    ctx.metatype = metatype;
    ctx.args = args;
    ctx.kwds = kwds;
    ctx.name = PyTuple_GET_ITEM(args, 0);
    ctx.bases = PyTuple_GET_ITEM(args, 1);
    ctx.orig_dict = PyTuple_GET_ITEM(args, 2);
    if (!PyUnicode_Check(ctx.name)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 1 must be str, not %.50s",
                     Py_TYPE(ctx.name)->tp_name);
        return NULL;
    }
    if (!PyTuple_Check(ctx.bases)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 2 must be tuple, not %.50s",
                     Py_TYPE(ctx.bases)->tp_name);
        return NULL;
    }
    if (!PyDict_Check(ctx.orig_dict)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 3 must be dict, not %.50s",
                     Py_TYPE(ctx.orig_dict)->tp_name);
        return NULL;
    }
    Py_ssize_t nbases = PyTuple_GET_SIZE(ctx.bases);
    for (Py_ssize_t i = 0; i < nbases; i++) {
        PyObject *b = PyTuple_GET_ITEM(ctx.bases, i);
        if (PyType_Check(b))
            continue;
        PyObject *mro_entries;
        if (_PyObject_LookupAttr(b, KR_ID(__mro_entries__), &mro_entries) < 0)
            return NULL;
        if (mro_entries != NULL) {
            Py_DECREF(mro_entries);
            PyErr_SetString(PyExc_TypeError,
                            "type() doesn't support MRO entry resolution; "
                            "use types.new_class()");
            return NULL;
        }
    }
    PyTypeObject *winner = kr_type_calculate_metaclass(metatype, ctx.bases);
    if (winner == NULL)
        return NULL;
    if (winner != metatype) {
        if (winner->tp_new != type_new)
            return winner->tp_new(winner, args, kwds);
        ctx.metatype = winner;
    }
    PyObject *bases_ref;
    if (nbases == 0) {
        ctx.base = &PyBaseObject_Type;
        bases_ref = PyTuple_Pack(1, (PyObject *)ctx.base);
        if (bases_ref == NULL)
            return NULL;
    }
    else {
        ctx.base = kr_type_best_base(ctx.bases);
        if (ctx.base == NULL)
            return NULL;
        bases_ref = Py_NewRef(ctx.bases);
    }
    ctx.bases = bases_ref;
    PyObject *type = kr_type_new_impl(&ctx);
    Py_XDECREF(ctx.slots);
    Py_DECREF(bases_ref);
    return type;
}

static int
type_init(PyObject *cls, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (kwds != NULL && nargs == 1 && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ---- calling a type ----
 *
 * cls(...) for a cls whose metaclass keeps type.__call__ runs
 * kr_type_construct: __new__, then __init__ when __new__ returned an
 * instance of cls, as 3.11's type_call (a positive tp_init result counts
 * as success, as there).  `type` itself answers type(x) in its vectorcall,
 * as 3.11 does (so type(x, k=v) says "takes no keyword arguments").
 *
 * An extension type that brings no vectorcall of its own gets
 * kr_type_vectorcall from PyType_Ready (CPython 3.11 leaves such types to
 * tp_call), and so do classes whose construction the class fast path
 * (kr_heaptype_vectorcall) does not cover.  Its fast case is a call
 * without arguments, the common way to create an extension object: the
 * empty tuple stands for the arguments, no tuple or dict is built, and
 * object.__init__ (which has nothing to check then) is not called.
 * Positional arguments are packed here; keywords, or a metaclass with its
 * own __call__, take the tp_call path, unchanged. */

static PyObject *type_call(PyObject *self, PyObject *args, PyObject *kwds);

/* `noargs`: args is the empty tuple and kwds NULL.  (Values are read
 * again after the calls out rather than kept: fewer registers to save on
 * the common path.) */
Py_ALWAYS_INLINE static inline PyObject *
kr_type_construct(PyTypeObject *type, PyObject *args, PyObject *kwds, int noargs)
{
    if (_Py_unlikely(type->tp_new == NULL)) {
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    PyObject *obj = type->tp_new(type, args, kwds);
    PyThreadState *ts = kr_tstate_get();
    if (_Py_unlikely((obj != NULL) != (ts->curexc == NULL))) {
        obj = _Py_CheckFunctionResult(ts, (PyObject *)type, obj, NULL);
        if (obj == NULL)
            return NULL;
    }
    else if (obj == NULL) {
        return NULL;
    }
    /* __new__ may return an object of another class: then no __init__. */
    PyTypeObject *objtype = Py_TYPE(obj);
    if (objtype != type && !PyType_IsSubtype(objtype, type))
        return obj;
    initproc init = objtype->tp_init;
    if (init == NULL || (noargs && init == kr_object_init))
        return obj;
    if (init(obj, noargs ? KR_EMPTY_TUPLE : args, kwds) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

static PyObject *
type_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type == &PyType_Type) {
        Py_ssize_t nargs = PyTuple_GET_SIZE(args);
        if (nargs == 1 && (kwds == NULL || PyDict_GET_SIZE(kwds) == 0))
            return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
        if (nargs != 3) {
            PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    return kr_type_construct(type, args, kwds, 0);
}

/* The tp_call path with the tuple built here, one layer shorter than
 * _PyObject_MakeTpCall. */
static Py_NO_INLINE PyObject *
kr_type_call_positional(PyTypeObject *type, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *argstuple = _PyTuple_FromArray(args, nargs);
    if (argstuple == NULL)
        return NULL;
    PyObject *res = NULL;
    PyThreadState *ts = kr_tstate_get();
    if (kr_call_enter(ts) == 0) {
        res = kr_type_construct(type, argstuple, NULL, 0);
        kr_call_leave(ts);
    }
    Py_DECREF(argstuple);
    return res;
}

PyObject *
kr_type_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                   PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    /* The metaclass may override __call__ (a C metatype that keeps the
     * vectorcall flag).  (`type` itself never comes here: type_vectorcall
     * is its own.) */
    if ((kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) ||
        Py_TYPE(type)->tp_call != type_call)
        return _PyObject_MakeTpCall(NULL, callable, args, nargs, kwnames);
    if (nargs != 0)
        return kr_type_call_positional(type, args, nargs);
    if (kr_call_enter(kr_tstate_get()) < 0)
        return NULL;
    PyObject *res = kr_type_construct(type, KR_EMPTY_TUPLE, NULL, 1);
    kr_call_leave(kr_tstate_get());
    return res;
}

/* `type`'s own vectorcall: type(x) without building a tuple. */
static PyObject *
type_vectorcall(PyObject *metatype, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs == 1 && metatype == (PyObject *)&PyType_Type) {
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
            PyErr_SetString(PyExc_TypeError, "type() takes no keyword arguments");
            return NULL;
        }
        return Py_NewRef(Py_TYPE(args[0]));
    }
    return _PyObject_MakeTpCall(NULL, metatype, args, nargs, kwnames);
}

/* Calling a class whose metaclass is `type`.  The common case
 * (object.__new__ and an __init__ written in Python) runs without an
 * argument tuple: the instance is allocated and __init__ vectorcalled with
 * it prepended.  Anything else goes through kr_type_vectorcall. */
static PyObject *
kr_heaptype_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                       PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *init;
    if (type->tp_new == kr_object_new && type->tp_init == kr_object_init && nargs == 0 &&
        (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) && Py_IS_TYPE(type, &PyType_Type)) {
        /* A class with neither __new__ nor __init__, called bare. */
        if (kr_type_check_abstract(type) < 0)
            return NULL;
        return type->tp_alloc(type, 0);
    }
    if (type->tp_new != kr_object_new || type->tp_init != kr_slot_tp_init ||
        !Py_IS_TYPE(type, &PyType_Type) ||
        (init = _PyType_Lookup(type, KR_ID(__init__))) == NULL ||
        !(Py_TYPE(init)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR))
        return kr_type_vectorcall(callable, args, nargsf, kwnames);
    /* Hold __init__ before allocating: a collection run by the allocation
     * may execute code that changes the class. */
    Py_INCREF(init);
    if (kr_type_check_abstract(type) < 0) {
        Py_DECREF(init);
        return NULL;
    }
    PyObject *obj = type->tp_alloc(type, 0);
    if (obj == NULL) {
        Py_DECREF(init);
        return NULL;
    }
    PyObject *res;
    if ((nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) && args != NULL) {
        /* The caller lent us the slot before args[0]. */
        PyObject **newargs = (PyObject **)args - 1;
        PyObject *saved = newargs[0];
        newargs[0] = obj;
        res = PyObject_Vectorcall(init, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
    }
    else {
        Py_ssize_t total = nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
        PyObject *small[8];
        PyObject **stack = small;
        if (total + 1 > (Py_ssize_t)(sizeof(small) / sizeof(small[0]))) {
            stack = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
            if (stack == NULL) {
                Py_DECREF(init);
                Py_DECREF(obj);
                return PyErr_NoMemory();
            }
        }
        stack[0] = obj;
        if (total > 0)   /* args may be NULL when there are none */
            memcpy(stack + 1, args, (size_t)total * sizeof(PyObject *));
        res = PyObject_Vectorcall(init, stack, (size_t)(nargs + 1), kwnames);
        if (stack != small)
            PyMem_Free(stack);
    }
    Py_DECREF(init);
    if (res == NULL) {
        Py_DECREF(obj);
        return NULL;
    }
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        Py_DECREF(obj);
        return NULL;
    }
    Py_DECREF(res);
    return obj;
}

int
kr_type_check_abstract(PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_IS_ABSTRACT))
        return 0;
    PyObject *abstract_methods = type_abstractmethods(type, NULL);
    if (abstract_methods == NULL)
        return -1;
    PyObject *sorted = PySequence_List(abstract_methods);
    Py_DECREF(abstract_methods);
    if (sorted == NULL)
        return -1;
    if (PyList_Sort(sorted) < 0) {
        Py_DECREF(sorted);
        return -1;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, sorted) : NULL;
    Py_XDECREF(sep);
    Py_ssize_t count = PyList_GET_SIZE(sorted);
    Py_DECREF(sorted);
    if (joined == NULL)
        return -1;
    PyErr_Format(PyExc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                 type->tp_name, count > 1 ? "s" : "", joined);
    Py_DECREF(joined);
    return -1;
}

/* ---- attribute access on classes ---- */

static PyObject *
type_getattro(PyObject *self, PyObject *name)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyTypeObject *metatype = Py_TYPE(type);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (type->tp_dict == NULL && PyType_Ready(type) < 0)
        return NULL;
    descrgetfunc meta_get = NULL;
    PyObject *meta_attribute = _PyType_Lookup(metatype, name);
    if (meta_attribute != NULL) {
        Py_INCREF(meta_attribute);
        meta_get = Py_TYPE(meta_attribute)->tp_descr_get;
        if (meta_get != NULL && PyDescr_IsData(meta_attribute)) {
            PyObject *res = meta_get(meta_attribute, self, (PyObject *)metatype);
            Py_DECREF(meta_attribute);
            return res;
        }
    }
    PyObject *attribute = _PyType_Lookup(type, name);
    if (attribute != NULL) {
        Py_INCREF(attribute);
        descrgetfunc local_get = Py_TYPE(attribute)->tp_descr_get;
        Py_XDECREF(meta_attribute);
        if (local_get != NULL) {
            PyObject *res = local_get(attribute, NULL, self);
            Py_DECREF(attribute);
            return res;
        }
        return attribute;
    }
    if (meta_get != NULL) {
        PyObject *res = meta_get(meta_attribute, self, (PyObject *)metatype);
        Py_DECREF(meta_attribute);
        return res;
    }
    if (meta_attribute != NULL)
        return meta_attribute;
    PyErr_Format(PyExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                 type->tp_name, name);
    return NULL;
}

static int
type_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError, "cannot set %R attribute of immutable type '%s'",
                     name, type->tp_name);
        return -1;
    }
    Py_INCREF(name);
    if (PyUnicode_CheckExact(name))
        PyUnicode_InternInPlace(&name);
    int res = _PyObject_GenericSetAttrWithDict(self, name, value, NULL);
    if (res == 0) {
        PyType_Modified(type);
        if (kr_is_slot_name(name))
            res = kr_type_update_slot(type, name);
    }
    Py_DECREF(name);
    return res;
}

static PyObject *
type_repr(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_name == NULL)
        return PyUnicode_FromFormat("<class at %p>", (void *)type);
    PyObject *mod = type_module(type, NULL);
    if (mod == NULL)
        PyErr_Clear();
    else if (!PyUnicode_Check(mod))
        Py_CLEAR(mod);
    PyObject *name = PyType_GetQualName(type);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *rtn;
    if (mod != NULL && PyUnicode_CompareWithASCIIString(mod, "builtins") != 0)
        rtn = PyUnicode_FromFormat("<class '%U.%U'>", mod, name);
    else
        rtn = PyUnicode_FromFormat("<class '%s'>", type->tp_name);
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

/* ---- life cycle of heap types ---- */

static void
type_dealloc(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    /* Static types are immortal and never get here. */
    PyObject_GC_UnTrack(type);
    if (type->tp_bases != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
            PyObject *b = PyTuple_GET_ITEM(type->tp_bases, i);
            if (PyType_Check(b))
                kr_type_remove_subclass((PyTypeObject *)b, type);
        }
    }
    if (type->tp_weaklist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(type->tp_base);
    Py_XDECREF(type->tp_dict);
    Py_XDECREF(type->tp_bases);
    Py_XDECREF(type->tp_mro);
    Py_XDECREF(type->tp_cache);
    Py_XDECREF(type->tp_subclasses);
    PyObject_Free((char *)type->tp_doc);
    Py_XDECREF(et->ht_name);
    Py_XDECREF(et->ht_qualname);
    Py_XDECREF(et->ht_slots);
    Py_XDECREF(et->ht_module);
    PyMem_Free(et->_ht_tpname);
    Py_TYPE(type)->tp_free(self);
}

static int
type_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return 0;
    Py_VISIT(type->tp_dict);
    Py_VISIT(type->tp_cache);
    Py_VISIT(type->tp_mro);
    Py_VISIT(type->tp_bases);
    Py_VISIT(type->tp_base);
    Py_VISIT(((PyHeapTypeObject *)type)->ht_module);
    /* A heap type's instances reference it; its metaclass may be a heap
     * type too. */
    Py_VISIT(Py_TYPE(type));
    return 0;
}

static int
type_clear(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyType_Modified(type);
    if (type->tp_dict != NULL)
        PyDict_Clear(type->tp_dict);
    Py_CLEAR(((PyHeapTypeObject *)type)->ht_module);
    Py_CLEAR(type->tp_mro);
    return 0;
}

static int
type_is_gc(PyObject *self)
{
    return (((PyTypeObject *)self)->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
}

static PyObject *
type_or(PyObject *self, PyObject *other)
{
    return _Py_union_type_or(self, other);
}

static PyNumberMethods type_as_number = {
    .nb_or = type_or,
};

PyTypeObject PyType_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "type",
    .tp_basicsize = sizeof(PyHeapTypeObject),
    .tp_itemsize = sizeof(PyMemberDef),
    .tp_dealloc = type_dealloc,
    .tp_vectorcall_offset = offsetof(PyTypeObject, tp_vectorcall),
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_vectorcall = type_vectorcall,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_weaklistoffset = offsetof(PyTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getsets,
    .tp_base = &PyBaseObject_Type,
    .tp_dictoffset = offsetof(PyTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_new = type_new,
    .tp_free = PyObject_GC_Del,
    .tp_is_gc = type_is_gc,
};

/* ---- __class__ and __bases__ assignment compatibility ---- */

static int
kr_same_slots_added(PyTypeObject *a, PyTypeObject *b)
{
    PyTypeObject *base = a->tp_base;
    Py_ssize_t size = base->tp_basicsize;
    if (a->tp_dictoffset == size && b->tp_dictoffset == size)
        size += (Py_ssize_t)sizeof(PyObject *);
    if (a->tp_weaklistoffset == size && b->tp_weaklistoffset == size)
        size += (Py_ssize_t)sizeof(PyObject *);
    /* Only classes have ht_slots to compare. */
    if (!(a->tp_flags & Py_TPFLAGS_HEAPTYPE) || !(b->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return 0;
    PyObject *slots_a = ((PyHeapTypeObject *)a)->ht_slots;
    PyObject *slots_b = ((PyHeapTypeObject *)b)->ht_slots;
    if (slots_a && slots_b) {
        if (PyObject_RichCompareBool(slots_a, slots_b, Py_EQ) != 1)
            return 0;
        size += (Py_ssize_t)sizeof(PyObject *) * PyTuple_GET_SIZE(slots_a);
    }
    return size == a->tp_basicsize && size == b->tp_basicsize;
}

/* Does `child` have exactly its base's layout (it adds nothing in C)? */
static int
kr_compatible_with_tp_base(PyTypeObject *child)
{
    PyTypeObject *parent = child->tp_base;
    return parent != NULL &&
           child->tp_basicsize == parent->tp_basicsize &&
           child->tp_itemsize == parent->tp_itemsize &&
           child->tp_dictoffset == parent->tp_dictoffset &&
           child->tp_weaklistoffset == parent->tp_weaklistoffset &&
           (child->tp_flags & Py_TPFLAGS_HAVE_GC) == (parent->tp_flags & Py_TPFLAGS_HAVE_GC) &&
           (child->tp_dealloc == kr_subtype_dealloc || child->tp_dealloc == parent->tp_dealloc);
}

static int
kr_compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto, const char *attr)
{
    if (newto->tp_free != oldto->tp_free) {
        PyErr_Format(PyExc_TypeError, "%s assignment: '%s' deallocator differs from '%s'",
                     attr, newto->tp_name, oldto->tp_name);
        return 0;
    }
    PyTypeObject *newbase = newto, *oldbase = oldto;
    while (kr_compatible_with_tp_base(newbase))
        newbase = newbase->tp_base;
    while (kr_compatible_with_tp_base(oldbase))
        oldbase = oldbase->tp_base;
    if (newbase != oldbase &&
        (newbase->tp_base != oldbase->tp_base || !kr_same_slots_added(newbase, oldbase))) {
        PyErr_Format(PyExc_TypeError, "%s assignment: '%s' object layout differs from '%s'",
                     attr, newto->tp_name, oldto->tp_name);
        return 0;
    }
    return 1;
}

int
kr_type_compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto, const char *attr)
{
    return kr_compatible_for_assignment(oldto, newto, attr);
}
