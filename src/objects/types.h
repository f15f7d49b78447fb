/* types.h: internal interface of the types area (object, type, descriptors,
 * calls, abstract protocols).  Other areas of the runtime may include it for
 * the fast internal entry points below; extensions never see it.
 * (owned by the types area) */
#ifndef KR_TYPES_H
#define KR_TYPES_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "internal.h"

/* ---- interned identifiers ----
 * KR_ID(__init__) is the process-wide immortal str "__init__"
 * (objects/str_ids.h).  Tables that name an identifier store a reference
 * to its slot, KR_IDREF(__init__), a constant address read with kr_id(). */
#include "objects/str_ids.h"

typedef PyObject *const *kr_idref;
#define KR_IDREF(n) ((kr_idref)&kr_ids.kr_##n)
static inline PyObject *kr_id(kr_idref ref) { return *ref; }

/* Release the per-context state of this area (called by the runtime when a
 * context is destroyed). */
void kr_types_state_fini(struct kr_context *ctx);

/* ---- type internals (typeobject*.c) ---- */
/* Look `name` up along type's MRO without calling descriptors; borrowed, or
 * NULL without an exception set when absent. */
PyObject *_PyType_Lookup(PyTypeObject *type, PyObject *name);
/* Assign a version tag to `type` if it has none; 0 when none can be given. */
int kr_type_assign_version(PyTypeObject *type);
/* Fill the C slots of a heap type from the dunder methods in its MRO. */
void kr_type_fixup_slots(PyTypeObject *type);
/* Recompute the slots for dunder `name` in type and its subclasses;
 * returns -1 on error. */
int kr_type_update_slot(PyTypeObject *type, PyObject *name);
/* Is `name` shaped like a dunder ("__x__")? */
int kr_is_slot_name(PyObject *name);
/* tp_iternext of types whose __next__ is not defined. */
PyObject *_PyObject_NextNotImplemented(PyObject *self);
/* Address of the slot at `offset` (an offset into PyHeapTypeObject) in
 * `type`, following its sub-table pointers; NULL if that table is absent. */
void **kr_type_slotptr(PyTypeObject *type, int offset);
/* Add wrapper descriptors for every filled slot of a static type. */
int kr_type_add_operators(PyTypeObject *type);
/* Add T.__new__ (a builtin method bound to T calling tp_new) unless the
 * dict has one. */
int kr_type_add_tp_new_wrapper(PyTypeObject *type);
PyAPI_FUNC(PyTypeObject *) _PyType_CalculateMetaclass(PyTypeObject *, PyObject *);
/* Subclass registry: add or remove `sub` from base's __subclasses__(). */
int kr_type_add_subclass(PyTypeObject *base, PyTypeObject *sub);
void kr_type_remove_subclass(PyTypeObject *base, PyTypeObject *sub);
/* The dict {id(sub): weakref(sub)} of a type's subclasses (borrowed), or
 * NULL when it has none yet. */
PyObject *kr_type_subclasses_dict(PyTypeObject *type, int create);
/* The MRO of `type` as CPython's mro_internal computes it (new ref). */
int kr_type_mro_internal(PyTypeObject *type, PyObject **pold);
PyObject *kr_type_mro_default(PyTypeObject *type);
/* Best base for a class with bases `bases` (borrowed), or NULL with
 * TypeError "multiple bases have instance lay-out conflict". */
PyTypeObject *kr_type_best_base(PyObject *bases);
/* The most derived metaclass of `meta` and the types of `bases`. */
PyTypeObject *kr_type_calculate_metaclass(PyTypeObject *meta, PyObject *bases);
/* Per-instance helpers for heap types (typeobject_subtype.c). */
void kr_subtype_dealloc(PyObject *self);
int kr_subtype_traverse(PyObject *self, visitproc visit, void *arg);
int kr_subtype_clear(PyObject *self);
/* Base type whose tp_dealloc/layout a heap type extends (first static or
 * slot-less ancestor). */
PyTypeObject *kr_type_solid_base(PyTypeObject *type);
/* Getsets installed on classes that need __dict__ / __weakref__. */
extern PyGetSetDef kr_subtype_getsets_full[];
extern PyGetSetDef kr_subtype_getsets_dict_only[];
extern PyGetSetDef kr_subtype_getsets_weakref_only[];
/* object.__new__/__init__ implementations used by slot inheritance. */
PyObject *kr_object_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
int kr_object_init(PyObject *self, PyObject *args, PyObject *kwds);
/* Type name helpers. */
PyObject *kr_type_qualname(PyTypeObject *type);     /* new ref */
PyObject *kr_type_module(PyTypeObject *type);       /* new ref */
/* slot_tp_new's counterpart for classes: the generic tp_new installed when
 * a class defines __new__. */
PyObject *kr_slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
/* Can instances of oldto become instances of newto (__class__ and
 * __bases__ assignment)?  0 with TypeError if not. */
int kr_type_compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto,
                                      const char *attr);
/* Merge the keys of aclass.__dict__ and its bases' into dict (dir()). */
int kr_type_merge_class_dict(PyObject *dict, PyObject *aclass);
/* tp_init of classes that define __init__ in Python. */
int kr_slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds);
/* The abstract-methods check used by object.__new__. */
int kr_type_check_abstract(PyTypeObject *type);

/* LOAD_METHOD support for the VM: looks `name` up on obj.  When the result
 * is a method descriptor (Py_TPFLAGS_METHOD_DESCRIPTOR) found on the type
 * and not shadowed, stores it unbound in *method (new ref) and returns 1;
 * otherwise stores the bound attribute (new ref) and returns 0; on error
 * stores NULL and returns 0 with an exception set. */
int _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method);

/* Call `func(self, *args)` looking func up as a special method on type(self)
 * (no instance dict).  Returns a new ref; *unbound not needed by callers.
 * When the method is absent: returns NULL *without* an exception and sets
 * *found to 0. */
PyObject *kr_call_special(PyObject *self, PyObject *name, PyObject *const *args,
                          Py_ssize_t nargs, int *found);

/* Descriptors (descrobject.c). */
PyObject *kr_descr_new_wrapper(PyTypeObject *type, const struct wrapperbase *base,
                               void *wrapped);
PyObject *kr_method_wrapper_new(PyObject *descr, PyObject *self);
PyObject *kr_method_descr_call_vector(PyObject *descr, PyObject *const *args,
                                      size_t nargsf, PyObject *kwnames);
/* The callable stored in a wrapper descriptor (its C slot function). */
#define KR_WRAPPER_WRAPPED(d) (((PyWrapperDescrObject *)(d))->d_wrapped)

/* The text after a "name(sig)\n--\n\n" prefix of a C docstring, and the
 * signature itself (methodobject.c); both return new refs (None if none). */
PyObject *kr_doc_from_internal(const char *name, const char *doc);
PyObject *kr_text_signature_from_internal(const char *name, const char *doc);

/* Abstract layer helpers (abstract*.c). */
PyObject *kr_binary_op(PyObject *v, PyObject *w, int slot_offset, const char *opname);
Py_ssize_t kr_number_as_index_ssize(PyObject *o, PyObject *exc);
/* The binary operator dispatch without the error: NotImplemented (new
 * ref) when neither operand's slot at `op_slot` (offset in
 * PyNumberMethods) handles it. */
PyObject *kr_number_binary_op1(PyObject *v, PyObject *w, int op_slot);

/* Formatting of "'%.200s' object" style names. */
#define KR_TNAME(o) (Py_TYPE(o)->tp_name)

/* The types of None and NotImplemented (noneobject.c). */
extern PyTypeObject _PyNone_Type;
extern PyTypeObject _PyNotImplemented_Type;

/* Union type (unionobject.c). */
extern PyTypeObject _PyUnion_Type;
PyObject *_Py_union_type_or(PyObject *self, PyObject *other);
int kr_union_check(PyObject *obj);
PyObject *kr_union_args(PyObject *obj);   /* borrowed tuple */

#endif
