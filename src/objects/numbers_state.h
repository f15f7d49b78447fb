/* numbers_state.h: per-context state of the numbers area, embedded in
 * struct kr_context (runtime/context.h).  Free lists, caches and anything
 * else that changes at run time go here, never in a static variable.
 * (owned by the numbers area) */
#ifndef KR_NUMBERS_STATE_H
#define KR_NUMBERS_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* Exact floats are created and destroyed constantly; a short free list
 * per context (chained through ob_type) saves the allocator round trip. */
#define KR_FLOAT_FREELIST_MAX 100

struct kr_numbers_state {
    void *float_free_list;      /* PyFloatObject*, chained through ob_type */
    int float_numfree;
};

/* Release the free lists when a context is torn down (numbers area,
 * floatobject.c); the runtime calls it from context finalisation. */
void kr_numbers_state_fini(struct kr_numbers_state *st);

#endif
