/* gc.h: the generational cycle collector; PyGC_Head precedes every GC
 * object as in CPython 3.11.  (owned by the runtime area) */
#ifndef KR_GC_H
#define KR_GC_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

typedef struct kr_gc_state {
    int unused_;
} kr_gc_state;

#endif
