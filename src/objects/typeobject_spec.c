/* typeobject_spec.c: heap types made from a PyType_Spec (the stable-ABI
 * way extensions define types): PyType_FromSpec, FromSpecWithBases,
 * FromModuleAndSpec, slot access by id (PyType_GetSlot), and the module
 * a type belongs to (PyType_GetModule, GetModuleState, GetModuleByDef).
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include "objects/methodobject_internal.h"

#define KR_HO(f) ((int)offsetof(PyHeapTypeObject, f))

/* Slot id (typeslots.h) -> offset of the slot in PyHeapTypeObject. */
static const int kr_slot_offsets[] = {
    [Py_bf_getbuffer] = KR_HO(as_buffer.bf_getbuffer),
    [Py_bf_releasebuffer] = KR_HO(as_buffer.bf_releasebuffer),
    [Py_mp_ass_subscript] = KR_HO(as_mapping.mp_ass_subscript),
    [Py_mp_length] = KR_HO(as_mapping.mp_length),
    [Py_mp_subscript] = KR_HO(as_mapping.mp_subscript),
    [Py_nb_absolute] = KR_HO(as_number.nb_absolute),
    [Py_nb_add] = KR_HO(as_number.nb_add),
    [Py_nb_and] = KR_HO(as_number.nb_and),
    [Py_nb_bool] = KR_HO(as_number.nb_bool),
    [Py_nb_divmod] = KR_HO(as_number.nb_divmod),
    [Py_nb_float] = KR_HO(as_number.nb_float),
    [Py_nb_floor_divide] = KR_HO(as_number.nb_floor_divide),
    [Py_nb_index] = KR_HO(as_number.nb_index),
    [Py_nb_inplace_add] = KR_HO(as_number.nb_inplace_add),
    [Py_nb_inplace_and] = KR_HO(as_number.nb_inplace_and),
    [Py_nb_inplace_floor_divide] = KR_HO(as_number.nb_inplace_floor_divide),
    [Py_nb_inplace_lshift] = KR_HO(as_number.nb_inplace_lshift),
    [Py_nb_inplace_multiply] = KR_HO(as_number.nb_inplace_multiply),
    [Py_nb_inplace_or] = KR_HO(as_number.nb_inplace_or),
    [Py_nb_inplace_power] = KR_HO(as_number.nb_inplace_power),
    [Py_nb_inplace_remainder] = KR_HO(as_number.nb_inplace_remainder),
    [Py_nb_inplace_rshift] = KR_HO(as_number.nb_inplace_rshift),
    [Py_nb_inplace_subtract] = KR_HO(as_number.nb_inplace_subtract),
    [Py_nb_inplace_true_divide] = KR_HO(as_number.nb_inplace_true_divide),
    [Py_nb_inplace_xor] = KR_HO(as_number.nb_inplace_xor),
    [Py_nb_int] = KR_HO(as_number.nb_int),
    [Py_nb_invert] = KR_HO(as_number.nb_invert),
    [Py_nb_lshift] = KR_HO(as_number.nb_lshift),
    [Py_nb_multiply] = KR_HO(as_number.nb_multiply),
    [Py_nb_negative] = KR_HO(as_number.nb_negative),
    [Py_nb_or] = KR_HO(as_number.nb_or),
    [Py_nb_positive] = KR_HO(as_number.nb_positive),
    [Py_nb_power] = KR_HO(as_number.nb_power),
    [Py_nb_remainder] = KR_HO(as_number.nb_remainder),
    [Py_nb_rshift] = KR_HO(as_number.nb_rshift),
    [Py_nb_subtract] = KR_HO(as_number.nb_subtract),
    [Py_nb_true_divide] = KR_HO(as_number.nb_true_divide),
    [Py_nb_xor] = KR_HO(as_number.nb_xor),
    [Py_sq_ass_item] = KR_HO(as_sequence.sq_ass_item),
    [Py_sq_concat] = KR_HO(as_sequence.sq_concat),
    [Py_sq_contains] = KR_HO(as_sequence.sq_contains),
    [Py_sq_inplace_concat] = KR_HO(as_sequence.sq_inplace_concat),
    [Py_sq_inplace_repeat] = KR_HO(as_sequence.sq_inplace_repeat),
    [Py_sq_item] = KR_HO(as_sequence.sq_item),
    [Py_sq_length] = KR_HO(as_sequence.sq_length),
    [Py_sq_repeat] = KR_HO(as_sequence.sq_repeat),
    [Py_tp_alloc] = KR_HO(ht_type.tp_alloc),
    [Py_tp_base] = KR_HO(ht_type.tp_base),
    [Py_tp_bases] = KR_HO(ht_type.tp_bases),
    [Py_tp_call] = KR_HO(ht_type.tp_call),
    [Py_tp_clear] = KR_HO(ht_type.tp_clear),
    [Py_tp_dealloc] = KR_HO(ht_type.tp_dealloc),
    [Py_tp_del] = KR_HO(ht_type.tp_del),
    [Py_tp_descr_get] = KR_HO(ht_type.tp_descr_get),
    [Py_tp_descr_set] = KR_HO(ht_type.tp_descr_set),
    [Py_tp_doc] = KR_HO(ht_type.tp_doc),
    [Py_tp_getattr] = KR_HO(ht_type.tp_getattr),
    [Py_tp_getattro] = KR_HO(ht_type.tp_getattro),
    [Py_tp_hash] = KR_HO(ht_type.tp_hash),
    [Py_tp_init] = KR_HO(ht_type.tp_init),
    [Py_tp_is_gc] = KR_HO(ht_type.tp_is_gc),
    [Py_tp_iter] = KR_HO(ht_type.tp_iter),
    [Py_tp_iternext] = KR_HO(ht_type.tp_iternext),
    [Py_tp_methods] = KR_HO(ht_type.tp_methods),
    [Py_tp_new] = KR_HO(ht_type.tp_new),
    [Py_tp_repr] = KR_HO(ht_type.tp_repr),
    [Py_tp_richcompare] = KR_HO(ht_type.tp_richcompare),
    [Py_tp_setattr] = KR_HO(ht_type.tp_setattr),
    [Py_tp_setattro] = KR_HO(ht_type.tp_setattro),
    [Py_tp_str] = KR_HO(ht_type.tp_str),
    [Py_tp_traverse] = KR_HO(ht_type.tp_traverse),
    [Py_tp_members] = KR_HO(ht_type.tp_members),
    [Py_tp_getset] = KR_HO(ht_type.tp_getset),
    [Py_tp_free] = KR_HO(ht_type.tp_free),
    [Py_nb_matrix_multiply] = KR_HO(as_number.nb_matrix_multiply),
    [Py_nb_inplace_matrix_multiply] = KR_HO(as_number.nb_inplace_matrix_multiply),
    [Py_am_await] = KR_HO(as_async.am_await),
    [Py_am_aiter] = KR_HO(as_async.am_aiter),
    [Py_am_anext] = KR_HO(as_async.am_anext),
    [Py_tp_finalize] = KR_HO(ht_type.tp_finalize),
    [Py_am_send] = KR_HO(as_async.am_send),
};
#define KR_MAX_SLOT ((int)(sizeof(kr_slot_offsets) / sizeof(kr_slot_offsets[0])) - 1)

PyObject *
PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *spec, PyObject *bases)
{
    const PyType_Slot *slot;
    Py_ssize_t nmembers = 0, weaklistoffset = 0, dictoffset = 0, vectorcalloffset = 0;
    PyObject *base_slot = NULL, *bases_slot = NULL;

    for (slot = spec->slots; slot->slot; slot++) {
        if (slot->slot < 1 || slot->slot > KR_MAX_SLOT) {
            PyErr_SetString(PyExc_RuntimeError, "invalid slot offset");
            return NULL;
        }
        if (slot->slot == Py_tp_members) {
            for (const PyMemberDef *memb = slot->pfunc; memb->name != NULL; memb++) {
                nmembers++;
                if (strcmp(memb->name, "__weaklistoffset__") == 0)
                    weaklistoffset = memb->offset;
                else if (strcmp(memb->name, "__dictoffset__") == 0)
                    dictoffset = memb->offset;
                else if (strcmp(memb->name, "__vectorcalloffset__") == 0)
                    vectorcalloffset = memb->offset;
            }
        }
        else if (slot->slot == Py_tp_base) {
            base_slot = slot->pfunc;
        }
        else if (slot->slot == Py_tp_bases) {
            bases_slot = slot->pfunc;
        }
    }

    /* Bases: the tp_bases slot, else tp_base, else the argument, else object. */
    if (bases_slot != NULL)
        bases = Py_NewRef(bases_slot);
    else if (base_slot != NULL)
        bases = PyTuple_Pack(1, base_slot);
    else if (bases != NULL && PyType_Check(bases))
        bases = PyTuple_Pack(1, bases);
    else if (bases != NULL)
        bases = Py_NewRef(bases);
    else
        bases = PyTuple_Pack(1, (PyObject *)&PyBaseObject_Type);
    if (bases == NULL)
        return NULL;
    PyTypeObject *base = kr_type_best_base(bases);
    if (base == NULL) {
        Py_DECREF(bases);
        return NULL;
    }

    PyHeapTypeObject *res = (PyHeapTypeObject *)PyType_GenericAlloc(&PyType_Type, nmembers);
    if (res == NULL) {
        Py_DECREF(bases);
        return NULL;
    }
    PyTypeObject *type = &res->ht_type;
    type->tp_flags = spec->flags | Py_TPFLAGS_HEAPTYPE;
    type->tp_as_async = &res->as_async;
    type->tp_as_number = &res->as_number;
    type->tp_as_sequence = &res->as_sequence;
    type->tp_as_mapping = &res->as_mapping;
    type->tp_as_buffer = &res->as_buffer;
    type->tp_bases = bases;
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    type->tp_basicsize = spec->basicsize;
    type->tp_itemsize = spec->itemsize;

    /* Names: the part after the last dot; the part before is __module__. */
    const char *s = strrchr(spec->name, '.');
    const char *short_name = s ? s + 1 : spec->name;
    res->ht_name = PyUnicode_FromString(short_name);
    if (res->ht_name == NULL)
        goto fail;
    res->ht_qualname = Py_NewRef(res->ht_name);
    size_t name_len = strlen(spec->name) + 1;
    res->_ht_tpname = PyMem_Malloc(name_len);
    if (res->_ht_tpname == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    memcpy(res->_ht_tpname, spec->name, name_len);
    type->tp_name = res->_ht_tpname;
    res->ht_module = Py_XNewRef(module);

    for (slot = spec->slots; slot->slot; slot++) {
        switch (slot->slot) {
        case Py_tp_base:
        case Py_tp_bases:
            break;
        case Py_tp_doc: {
            if (slot->pfunc == NULL)
                break;
            const char *d = kr_doc_without_signature(type->tp_name, slot->pfunc);
            size_t len = strlen(d) + 1;
            char *tp_doc = PyObject_Malloc(len);
            if (tp_doc == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
            memcpy(tp_doc, d, len);
            type->tp_doc = tp_doc;
            break;
        }
        case Py_tp_members: {
            size_t len = (size_t)nmembers * sizeof(PyMemberDef);
            PyMemberDef *members = (PyMemberDef *)((char *)res + Py_TYPE(res)->tp_basicsize);
            memcpy(members, slot->pfunc, len);
            type->tp_members = members;
            break;
        }
        default: {
            void **ptr = (void **)((char *)res + kr_slot_offsets[slot->slot]);
            *ptr = slot->pfunc;
            break;
        }
        }
    }
    if (type->tp_dealloc == NULL)
        type->tp_dealloc = kr_subtype_dealloc;
    if (vectorcalloffset)
        type->tp_vectorcall_offset = vectorcalloffset;
    if (weaklistoffset)
        type->tp_weaklistoffset = weaklistoffset;
    if (dictoffset)
        type->tp_dictoffset = dictoffset;

    if (PyType_Ready(type) < 0)
        goto fail;
    if (type->tp_doc != NULL) {
        PyObject *docobj = PyUnicode_FromString(type->tp_doc);
        if (docobj == NULL)
            goto fail;
        int r = PyDict_SetItem(type->tp_dict, KR_ID(__doc__), docobj);
        Py_DECREF(docobj);
        if (r < 0)
            goto fail;
    }
    if (s != NULL) {
        PyObject *modname = PyUnicode_FromStringAndSize(spec->name, (Py_ssize_t)(s - spec->name));
        if (modname == NULL)
            goto fail;
        int r = PyDict_SetItem(type->tp_dict, KR_ID(__module__), modname);
        Py_DECREF(modname);
        if (r != 0)
            goto fail;
    }
    return (PyObject *)res;
fail:
    Py_DECREF(res);
    return NULL;
}

PyObject *
PyType_FromSpecWithBases(PyType_Spec *spec, PyObject *bases)
{
    return PyType_FromModuleAndSpec(NULL, spec, bases);
}

PyObject *
PyType_FromSpec(PyType_Spec *spec)
{
    return PyType_FromModuleAndSpec(NULL, spec, NULL);
}

void *
PyType_GetSlot(PyTypeObject *type, int slot)
{
    if (slot <= 0 || slot > KR_MAX_SLOT) {
        PyErr_BadInternalCall();
        return NULL;
    }
    void **ptr = kr_type_slotptr(type, kr_slot_offsets[slot]);
    return ptr ? *ptr : NULL;
}

PyObject *
PyType_GetModule(PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' is not a heap type",
                     type->tp_name);
        return NULL;
    }
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    if (et->ht_module == NULL) {
        PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' has no associated module",
                     type->tp_name);
        return NULL;
    }
    return et->ht_module;   /* borrowed */
}

void *
PyType_GetModuleState(PyTypeObject *type)
{
    PyObject *m = PyType_GetModule(type);
    if (m == NULL)
        return NULL;
    return PyModule_GetState(m);
}

PyObject *
PyType_GetModuleByDef(PyTypeObject *type, struct PyModuleDef *def)
{
    PyObject *mro = type->tp_mro;
    Py_ssize_t n = mro ? PyTuple_GET_SIZE(mro) : 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *super = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(super->tp_flags & Py_TPFLAGS_HEAPTYPE))
            continue;
        PyObject *module = ((PyHeapTypeObject *)super)->ht_module;
        if (module != NULL && PyModule_Check(module) && PyModule_GetDef(module) == def)
            return module;   /* borrowed */
    }
    PyErr_Format(PyExc_TypeError, "PyType_GetModuleByDef: No superclass of '%s' has the given module",
                 type->tp_name);
    return NULL;
}
