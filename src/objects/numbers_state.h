/* numbers_state.h: per-context state of the numbers area, embedded in
 * struct kr_context (runtime/context.h).  Free lists, caches and anything
 * else that changes at run time go here, never in a static variable.
 * (owned by the numbers area) */
#ifndef KR_NUMBERS_STATE_H
#define KR_NUMBERS_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* Exact floats and one-digit ints are created and destroyed constantly;
 * a short free list of each per context (dead objects chained through
 * ob_type) saves the allocator round trip.  The helpers are in
 * objects/longobject_internal.h. */
typedef struct kr_freelist {
    void *head;
    int count;
} kr_freelist;

struct kr_numbers_state {
    kr_freelist floats;         /* exact floats */
    kr_freelist ints;           /* exact ints with ob_size -1 or 1 */
};

/* Release the free lists when a context is torn down (numbers area,
 * floatobject.c); the runtime calls it from context finalisation. */
void kr_numbers_state_fini(struct kr_numbers_state *st);

#endif
