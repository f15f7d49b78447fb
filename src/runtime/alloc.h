/* alloc.h: the per-context small-object allocator behind PyMem_Malloc and
 * PyObject_Malloc (src/runtime/alloc.c).
 *
 * Requests up to KR_ALLOC_SMALL_MAX bytes are served from pools of one
 * size class; pools are carved from arenas aligned to their size, so a
 * block finds its pool and arena by masking its address.  Whether an
 * address is pool memory at all is answered by the context's arena set
 * (an open-addressing hash of arena base addresses) behind a cheap
 * min/max range check, so a pointer that came from malloc is never
 * dereferenced.  (owned by the runtime area) */
#ifndef KR_ALLOC_H
#define KR_ALLOC_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include <stdint.h>
#include <stddef.h>

/* Under AddressSanitizer every block comes from malloc, so that the
 * sanitizer sees each one (use after free, overflows), as CPython's
 * PYTHONMALLOC=malloc does. */
#if defined(__SANITIZE_ADDRESS__)
#  define KR_ALLOC_USE_POOLS 0
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    define KR_ALLOC_USE_POOLS 0
#  endif
#endif
#ifndef KR_ALLOC_USE_POOLS
#  define KR_ALLOC_USE_POOLS 1
#endif

#define KR_ALLOC_ALIGN 16
#define KR_ALLOC_SMALL_MAX 512
#define KR_ALLOC_NCLASSES (KR_ALLOC_SMALL_MAX / KR_ALLOC_ALIGN)
#define KR_ARENA_SHIFT 20                      /* 1 MiB arenas */
#define KR_ARENA_SIZE ((size_t)1 << KR_ARENA_SHIFT)
#define KR_POOL_SHIFT 14                       /* 16 KiB pools */
#define KR_POOL_SIZE ((size_t)1 << KR_POOL_SHIFT)

struct kr_alloc_pool;
struct kr_alloc_arena;

/* An allocator hook installed by PyMem_SetAllocator for one domain. */
typedef struct kr_alloc_hook {
    void *ctx;
    void *(*malloc)(void *ctx, size_t size);
    void *(*calloc)(void *ctx, size_t nelem, size_t elsize);
    void *(*realloc)(void *ctx, void *ptr, size_t new_size);
    void (*free)(void *ctx, void *ptr);
} kr_alloc_hook;

/* Bits of kr_alloc_state.slow.  The hot paths test the word against a
 * constant mask: zero means "no hook for this domain and no failure
 * injection", the state of every ordinary run. */
#define KR_ALLOC_SLOW_HOOK(domain) (1u << (domain))   /* PYMEM_DOMAIN_* */
#define KR_ALLOC_SLOW_FAIL (1u << 3)

typedef struct kr_alloc_state {
    /* Kept in sync with hooks[] and fail_countdown by the (rare) calls
     * that change them, so that the fast paths test one word. */
    unsigned int slow;
    /* The range [lo, lo + span) covers every arena; arena_set (an
     * open-addressing set of arena bases, arena_mask + 1 slots, indexed
     * by arena number) says which 1 MiB steps of it are arenas. */
    uintptr_t lo, span;
    uintptr_t *arena_set;
    size_t arena_mask;
    size_t narenas;
    struct kr_alloc_pool *usedpools[KR_ALLOC_NCLASSES];  /* pools with a free block */
    struct kr_alloc_pool *freepools;                     /* empty pools, any class */
    struct kr_alloc_arena *arenas;                       /* every arena of the context */
    /* PyMem_SetAllocator hooks; .malloc == NULL means the default. */
    kr_alloc_hook hooks[3];
    /* Failure injection for tests: allocations fail once this reaches 0
     * (counting down from kr_alloc_fail_after(n)); -1 disables. */
    long fail_countdown;
} kr_alloc_state;

/* True when nothing has to observe allocations in this context: no
 * PyMem_SetAllocator hook and no failure injection.  Free lists of the
 * numbers area (and any other cache of dead objects) are used only then,
 * so that hooks see every object and injected failures happen. */
static inline int kr_alloc_plain(const kr_alloc_state *st)
{
    return st->slow == 0;
}

struct kr_context;
/* Set up and tear down a context's allocator; teardown frees every arena. */
void kr_alloc_init(kr_alloc_state *st);
void kr_alloc_fini(kr_alloc_state *st);
/* After n more successful PyMem/PyObject allocations in the current
 * context, every allocation fails; n < 0 switches injection off. */
void kr_alloc_fail_after(long n);
/* Number of live small blocks of the current context (tests). */
size_t kr_alloc_live_blocks(void);

#endif
