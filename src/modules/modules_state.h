/* modules_state.h: per-context state of the builtins area, embedded in
 * struct kr_context (runtime/context.h).  Free lists, caches and anything
 * else that changes at run time go here, never in a static variable.
 * (owned by the builtins area) */
#ifndef KR_MODULES_STATE_H
#define KR_MODULES_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

struct kr_modules_state {
    int unused_;   /* placeholder until the area adds its fields */
};

#endif
