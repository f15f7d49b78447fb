/* typeobject_lookup.c: attribute lookup along the MRO and its cache,
 * version tags, PyType_Modified, subtype tests, the subclass registry, and
 * the interned identifiers of the types area.
 *
 * Version tags (design, section 6).  A tag names one state of a type's
 * attributes; caches keyed by (tag, name) stay valid until the tag changes.
 *  - Static types are shared by every context and never change after
 *    start-up, so each gets one fixed tag when PyType_Ready runs: its
 *    address shifted right by 4 (type objects are hundreds of bytes apart,
 *    so this is unique) folded into [1, 2**31).  No counter is involved, so
 *    no process-wide mutable state either.
 *  - Heap types get tags from a per-context counter in [2**31, 2**32).
 *    PyType_Modified drops the tag of a type and of all its subclasses;
 *    a new one is handed out on the next lookup.  When the counter runs
 *    out, types simply stop being cached.
 * The method cache itself is per context (types_state.h) and stores the
 * looked-up value borrowed: the value stays alive while the tag is valid,
 * because changing the type's dict invalidates the tag first.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

#define KR_HEAP_TAG_FIRST (1u << 31)

void
kr_types_state_fini(struct kr_context *ctx)
{
    struct kr_types_state *st = &ctx->types;
    for (unsigned i = 0; i < KR_MCACHE_SIZE; i++) {
        st->mcache[i].version = 0;
        Py_CLEAR(st->mcache[i].name);
        st->mcache[i].value = NULL;
    }
    Py_CLEAR(st->static_subclasses);
}

/* ---- version tags ---- */

int
kr_type_assign_version(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)
        return 1;
    if (!(type->tp_flags & Py_TPFLAGS_READY))
        return 0;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        unsigned int tag = (unsigned int)(((uintptr_t)type >> 4) & 0x7fffffffu);
        type->tp_version_tag = tag ? tag : 1;
        type->tp_flags |= Py_TPFLAGS_VALID_VERSION_TAG;
        return 1;
    }
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL)
        return 0;
    /* Bases need tags too: PyType_Modified stops at a type without one,
     * so an untagged base would not reach this type when it changes. */
    PyObject *bases = type->tp_bases;
    if (bases != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
            PyObject *b = PyTuple_GET_ITEM(bases, i);
            if (PyType_Check(b) && !kr_type_assign_version((PyTypeObject *)b))
                return 0;
        }
    }
    unsigned int next = ctx->types.next_version_tag;
    if (next == 0)
        next = KR_HEAP_TAG_FIRST;
    else if (next == KR_HEAP_TAG_FIRST)
        return 0;   /* wrapped: the range is exhausted */
    type->tp_version_tag = next;
    type->tp_flags |= Py_TPFLAGS_VALID_VERSION_TAG;
    next++;
    ctx->types.next_version_tag = next ? next : KR_HEAP_TAG_FIRST;
    return 1;
}

static void
kr_mcache_flush(struct kr_context *ctx)
{
    for (unsigned i = 0; i < KR_MCACHE_SIZE; i++) {
        ctx->types.mcache[i].version = 0;
        ctx->types.mcache[i].value = NULL;
    }
}

unsigned int
PyType_ClearCache(void)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL)
        return 0;
    unsigned int cur = ctx->types.next_version_tag;
    kr_mcache_flush(ctx);
    return cur ? cur - 1 : 0;
}

void
PyType_Modified(PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        /* A static type keeps its tag (the VM relies on builtin types never
         * changing); an extension that edits its static type's dict after
         * readying it gets a flushed cache at least. */
        struct kr_context *ctx = kr_context_get();
        if (ctx != NULL)
            kr_mcache_flush(ctx);
    }
    else {
        type->tp_flags &= ~Py_TPFLAGS_VALID_VERSION_TAG;
        type->tp_version_tag = 0;
    }
    PyObject *subs = kr_type_subclasses_dict(type, 0);
    if (subs != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *ref;
        while (PyDict_Next(subs, &pos, &key, &ref)) {
            PyObject *sub = PyWeakref_GetObject(ref);
            if (sub != NULL && sub != Py_None)
                PyType_Modified((PyTypeObject *)sub);
        }
    }
}

/* ---- lookup along the MRO ---- */

static inline unsigned int
kr_mcache_hash(unsigned int version, PyObject *name)
{
    size_t h = (size_t)version ^ ((size_t)name >> 3);
    h ^= h >> KR_MCACHE_BITS;
    return (unsigned int)(h & (KR_MCACHE_SIZE - 1));
}

static PyObject *
kr_find_name_in_mro(PyTypeObject *type, PyObject *name, int *error)
{
    PyObject *mro = type->tp_mro;
    *error = 0;
    if (mro == NULL) {
        if (!(type->tp_flags & Py_TPFLAGS_READYING)) {
            if (PyType_Ready(type) < 0) {
                *error = -1;
                return NULL;
            }
            mro = type->tp_mro;
        }
        if (mro == NULL) {
            /* Being readied: look in the type itself and its bases. */
            for (PyTypeObject *t = type; t != NULL; t = t->tp_base) {
                if (t->tp_dict == NULL)
                    continue;
                PyObject *res = PyDict_GetItemWithError(t->tp_dict, name);
                if (res != NULL)
                    return res;
                if (PyErr_Occurred()) {
                    *error = -1;
                    return NULL;
                }
            }
            return NULL;
        }
    }
    Py_INCREF(mro);
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    PyObject *res = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        PyObject *dict = base->tp_dict;
        if (dict == NULL)
            continue;
        res = PyDict_GetItemWithError(dict, name);
        if (res != NULL)
            break;
        if (PyErr_Occurred()) {
            *error = -1;
            break;
        }
    }
    Py_DECREF(mro);
    return res;
}

/* _PyType_Lookup past a cache miss: walks the MRO and fills the entry.
 * Out of line so that the hit path, which runs for nearly every
 * attribute look-up, needs no saved registers. */
static Py_NO_INLINE PyObject *
kr_type_lookup_miss(PyTypeObject *type, PyObject *name, struct kr_context *ctx, int cacheable,
                    unsigned int h)
{
    int error;
    PyObject *res = kr_find_name_in_mro(type, name, &error);
    if (error) {
        /* Documented as never raising: report "not found". */
        PyErr_Clear();
        return NULL;
    }
    if (ctx != NULL && PyUnicode_CheckExact(name) && !cacheable)
        cacheable = kr_type_assign_version(type);
    if (cacheable && ctx != NULL) {
        if (h == 0)
            h = kr_mcache_hash(type->tp_version_tag, name);
        struct kr_mcache_entry *e = &ctx->types.mcache[h];
        e->version = type->tp_version_tag;
        Py_INCREF(name);
        Py_XSETREF(e->name, name);
        e->value = res;
    }
    return res;
}

PyObject *
_PyType_Lookup(PyTypeObject *type, PyObject *name)
{
    struct kr_context *ctx = kr_context_get();
    int cacheable = ctx != NULL && PyUnicode_CheckExact(name) &&
                    (type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG);
    unsigned int h = 0;
    if (cacheable) {
        h = kr_mcache_hash(type->tp_version_tag, name);
        struct kr_mcache_entry *e = &ctx->types.mcache[h];
        if (e->version == type->tp_version_tag && e->name == name)
            return e->value;
    }
    return kr_type_lookup_miss(type, name, ctx, cacheable, h);
}

PyObject *
_PyType_LookupId(PyTypeObject *type, void *id)
{
    /* Krait has no _Py_Identifier structs; this entry point exists for
     * source compatibility and takes a C string. */
    PyObject *name = PyUnicode_InternFromString((const char *)id);
    if (name == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *res = _PyType_Lookup(type, name);
    Py_DECREF(name);
    return res;
}

/* ---- subtype tests ---- */

int
PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)
{
    if (a == b)
        return 1;
    PyObject *mro = a->tp_mro;
    if (mro != NULL) {
        Py_ssize_t n = PyTuple_GET_SIZE(mro);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyTuple_GET_ITEM(mro, i) == (PyObject *)b)
                return 1;
        }
        return 0;
    }
    /* Not readied yet: follow the single-inheritance chain. */
    do {
        if (a == b)
            return 1;
        a = a->tp_base;
    } while (a != NULL);
    return b == &PyBaseObject_Type;
}

/* ---- subclass registry ----
 * Heap types keep {id(sub): weakref(sub)} in tp_subclasses.  A static
 * type's tp_subclasses holds only the static subtypes registered at
 * start-up ({id(sub): sub}); subclasses made later belong to a context and
 * are kept in that context's state (types_state.h). */

PyObject *
kr_type_subclasses_dict(PyTypeObject *type, int create)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        if (type->tp_subclasses == NULL && create)
            type->tp_subclasses = PyDict_New();
        return type->tp_subclasses;
    }
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL)
        return NULL;
    struct kr_types_state *st = &ctx->types;
    if (st->static_subclasses == NULL) {
        if (!create)
            return NULL;
        st->static_subclasses = PyDict_New();
        if (st->static_subclasses == NULL)
            return NULL;
    }
    PyObject *key = PyLong_FromVoidPtr(type);
    if (key == NULL)
        return NULL;
    PyObject *d = PyDict_GetItemWithError(st->static_subclasses, key);
    if (d == NULL && !PyErr_Occurred() && create) {
        d = PyDict_New();
        if (d != NULL) {
            if (PyDict_SetItem(st->static_subclasses, key, d) < 0) {
                Py_DECREF(d);
                d = NULL;
            }
            else {
                Py_DECREF(d);   /* the registry keeps it alive */
            }
        }
    }
    Py_DECREF(key);
    return d;
}

int
kr_type_add_subclass(PyTypeObject *base, PyTypeObject *sub)
{
    if (kr_context_get() == NULL && !(base->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        /* Start-up: a static subtype of a static type.  Both are immortal
         * and shared, so the link is recorded once, in the base's own
         * tp_subclasses, holding the type itself (no weak reference is
         * needed for an immortal object); the dict becomes immortal with
         * the type and is only read afterwards. */
        if (base->tp_subclasses == NULL) {
            base->tp_subclasses = PyDict_New();
            if (base->tp_subclasses == NULL)
                return -1;
        }
        PyObject *key = PyLong_FromVoidPtr(sub);
        if (key == NULL)
            return -1;
        int r = PyDict_SetItem(base->tp_subclasses, key, (PyObject *)sub);
        Py_DECREF(key);
        return r;
    }
    PyObject *d = kr_type_subclasses_dict(base, 1);
    if (d == NULL)
        return PyErr_Occurred() ? -1 : 0;
    PyObject *key = PyLong_FromVoidPtr(sub);
    if (key == NULL)
        return -1;
    PyObject *ref = PyWeakref_NewRef((PyObject *)sub, NULL);
    if (ref == NULL) {
        Py_DECREF(key);
        return -1;
    }
    int r = PyDict_SetItem(d, key, ref);
    Py_DECREF(ref);
    Py_DECREF(key);
    return r;
}

void
kr_type_remove_subclass(PyTypeObject *base, PyTypeObject *sub)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *d = kr_type_subclasses_dict(base, 0);
    if (d != NULL) {
        PyObject *key = PyLong_FromVoidPtr(sub);
        if (key != NULL) {
            if (PyDict_DelItem(d, key) < 0)
                PyErr_Clear();
            Py_DECREF(key);
        }
    }
    PyErr_Clear();
    PyErr_Restore(type, value, tb);
}
