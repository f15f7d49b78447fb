/* types_state.h: per-context state of the types area (object model core),
 * embedded in struct kr_context (runtime/context.h).
 *
 * Everything the object model changes at run time lives here:
 *  - the attribute-lookup method cache, keyed by (tp_version_tag, name);
 *  - the counter that hands out version tags to heap types;
 *  - the subclass lists of static builtin types for classes made in this
 *    context (static types are shared by every context; their own
 *    tp_subclasses only records the static subtypes readied at start-up);
 *  - interned identifier strings used by the slot dispatchers.
 * (owned by the types area) */
#ifndef KR_TYPES_STATE_H
#define KR_TYPES_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* Method cache size: a power of two. */
#define KR_MCACHE_BITS 12
#define KR_MCACHE_SIZE (1u << KR_MCACHE_BITS)

struct kr_mcache_entry {
    unsigned int version;      /* tp_version_tag of the type looked up in */
    struct _object *name;      /* borrowed: interned strings outlive entries */
    struct _object *value;     /* borrowed; NULL records "not found" */
};

struct kr_types_state {
    struct kr_mcache_entry mcache[KR_MCACHE_SIZE];
    unsigned int next_version_tag;   /* heap types: counts up from 2**31 */
    struct _object *static_subclasses; /* dict: id(static type) -> {id(sub): weakref} */
};

#endif
