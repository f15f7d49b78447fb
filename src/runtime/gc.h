/* gc.h: the generational cycle collector's per-context state
 * (src/runtime/gc.c).  PyGC_Head precedes every GC object as in CPython
 * 3.11 (include/objimpl.h).  (owned by the runtime area) */
#ifndef KR_GC_H
#define KR_GC_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include <stdint.h>

#define KR_GC_NGEN 3

/* Bits kept in the low bits of PyGC_Head._gc_prev. */
#define KR_GC_PREV_FINALIZED ((uintptr_t)1)   /* tp_finalize was called (PEP 442) */
#define KR_GC_PREV_COLLECTING ((uintptr_t)2)  /* in the set being collected */
#define KR_GC_PREV_SHIFT 2
#define KR_GC_PREV_MASK (~(uintptr_t)3)

/* A list head is a PyGC_Head whose next/prev point at itself when empty. */
typedef struct kr_gc_head {
    uintptr_t _gc_next;
    uintptr_t _gc_prev;
} kr_gc_head;

struct kr_gc_generation {
    kr_gc_head head;
    int threshold;
    int count;       /* gen 0: allocations; older: collections of the younger */
};

struct kr_gc_genstats {
    Py_ssize_t collections, collected, uncollectable;
};

typedef struct kr_gc_state {
    struct kr_gc_generation gens[KR_GC_NGEN];
    kr_gc_head permanent;            /* gc.freeze() */
    struct kr_gc_genstats stats[KR_GC_NGEN];
    int enabled;
    int collecting;
    int debug;                       /* gc.set_debug() flags */
    Py_ssize_t long_lived_total, long_lived_pending;
    PyObject *garbage;               /* gc.garbage (list), created lazily */
    PyObject *callbacks;             /* gc.callbacks (list), created lazily */
} kr_gc_state;

#define KR_GC_DEBUG_STATS (1 << 0)
#define KR_GC_DEBUG_COLLECTABLE (1 << 1)
#define KR_GC_DEBUG_UNCOLLECTABLE (1 << 2)
#define KR_GC_DEBUG_SAVEALL (1 << 5)
#define KR_GC_DEBUG_LEAK (KR_GC_DEBUG_COLLECTABLE | KR_GC_DEBUG_UNCOLLECTABLE | KR_GC_DEBUG_SAVEALL)

void kr_gc_init(kr_gc_state *gc);
/* Collect everything at context teardown, then forget the lists. */
void kr_gc_fini(kr_gc_state *gc);
/* Run a collection of generation gen (0..2); returns the number of
 * unreachable objects found (collected + uncollectable), -1 on error. */
Py_ssize_t kr_gc_collect(int gen, const char *reason);
/* Untrack op and make it immortal (used at start-up). */
void kr_gc_untrack_raw(PyObject *op);

#endif
