/* alloc.h: the per-context small-object allocator behind PyObject_Malloc.
 * (owned by the runtime area) */
#ifndef KR_ALLOC_H
#define KR_ALLOC_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

typedef struct kr_alloc_state {
    int unused_;
} kr_alloc_state;

#endif
