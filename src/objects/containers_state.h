/* containers_state.h: per-context state of the containers area, embedded in
 * struct kr_context (runtime/context.h).  Free lists, caches and anything
 * else that changes at run time go here, never in a static variable.
 * (owned by the containers area) */
#ifndef KR_CONTAINERS_STATE_H
#define KR_CONTAINERS_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

struct kr_containers_state {
    int unused_;   /* placeholder until the area adds its fields */
};

#endif
