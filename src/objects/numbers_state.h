/* numbers_state.h: per-context state of the numbers area, embedded in
 * struct kr_context (runtime/context.h).  Free lists, caches and anything
 * else that changes at run time go here, never in a static variable.
 * (owned by the numbers area) */
#ifndef KR_NUMBERS_STATE_H
#define KR_NUMBERS_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

struct kr_numbers_state {
    int unused_;   /* placeholder until the area adds its fields */
};

#endif
