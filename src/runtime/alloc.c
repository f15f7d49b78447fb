/* alloc.c: the raw, "mem" and object allocators (include/pymem.h,
 * include/objimpl.h).
 *
 * PyMem_Raw* is malloc.  PyMem_* and PyObject_* share one small-object
 * allocator per context (design, section 3): blocks of up to 512 bytes in
 * 16-byte size classes, taken from 16 KiB pools that hold one class each,
 * carved from 1 MiB arenas aligned to 1 MiB.  Larger requests, and any
 * request made while no context is current (process start-up, or a
 * thread outside every context), go to malloc.
 *
 * Freeing must accept any pointer these functions ever returned.  A
 * pointer is pool memory iff its 1 MiB-aligned base is one of the current
 * context's arenas: a range check, then a probe of the context's arena
 * hash set.  Only then is the pool header (at the pointer's 16 KiB-aligned
 * base) read, so malloc memory is never touched.  The block paths are forced
 * inline into the exported functions: allocating and freeing small
 * objects is the hot path of every object's life.  Everything rare (hooks,
 * failure injection, large sizes, new pools) is behind one test of the
 * state's `slow` word or an empty pool list, in out-of-line functions the
 * short paths tail-call.  The contract this relies on, as for objects in
 * general: memory is freed in the context that allocated it (contexts
 * share no mutable objects). */
#include "internal.h"
#include <sys/mman.h>

typedef struct kr_block { struct kr_block *next; } kr_block;

/* A pool is on usedpools[szidx] exactly when its freelist is non-empty:
 * when the list runs dry the next never-used block is carved onto it, and
 * only a pool with no such block left is full and leaves the list.  So
 * taking a block is a pop with no other test. */
struct kr_alloc_pool {
    kr_block *freelist;            /* free blocks (never NULL while listed) */
    unsigned int nused;            /* live blocks */
    unsigned int szidx;            /* size class */
    struct kr_alloc_pool *next, *prev;   /* in usedpools[szidx] or freepools */
    char *fresh;                   /* next never-used block */
    char *limit;                   /* end of the last whole block */
};

struct kr_alloc_arena {
    struct kr_alloc_arena *next;
    unsigned int nfresh;           /* pools not carved yet (from the end) */
};

#define POOL_HEADER_SIZE _Py_SIZE_ROUND_UP(sizeof(struct kr_alloc_pool), KR_ALLOC_ALIGN)
#define POOLS_PER_ARENA (KR_ARENA_SIZE / KR_POOL_SIZE)
#define POOL_OF(p) ((struct kr_alloc_pool *)((uintptr_t)(p) & ~(uintptr_t)(KR_POOL_SIZE - 1)))

static inline size_t class_size(unsigned int idx) { return (size_t)(idx + 1) * KR_ALLOC_ALIGN; }
static inline size_t size_class(size_t n) { return (n - 1) / KR_ALLOC_ALIGN; }

/* The current context's allocator, or NULL on a thread in no context.
 * A thread state always has its context (PyThreadState_New refuses a
 * NULL one), so one test suffices. */
static inline kr_alloc_state *cur_alloc(void)
{
    PyThreadState *ts = kr_tstate_get();
    return ts != NULL ? &ts->interp->alloc : NULL;
}

/* ---- the arena set ----
 * Slots are indexed by arena number (base >> KR_ARENA_SHIFT): arenas
 * mapped one after another, the usual case, never collide, and linear
 * probing copes with the rest. */

static inline size_t arena_slot(uintptr_t base, size_t mask)
{
    return (size_t)(base >> KR_ARENA_SHIFT) & mask;
}

/* Only called for an address in the arenas' range, so some arena exists
 * and the set is allocated. */
Py_ALWAYS_INLINE static inline int arena_set_contains(const kr_alloc_state *st, uintptr_t base)
{
    size_t mask = st->arena_mask;
    for (size_t i = arena_slot(base, mask);; i = (i + 1) & mask) {
        uintptr_t v = st->arena_set[i];
        if (v == base)
            return 1;
        if (v == 0)
            return 0;
    }
}

static void arena_set_put(uintptr_t *set, size_t mask, uintptr_t base)
{
    size_t i = arena_slot(base, mask);
    while (set[i] != 0)
        i = (i + 1) & mask;
    set[i] = base;
}

static int arena_set_add(kr_alloc_state *st, uintptr_t base)
{
    size_t cap = st->arena_set ? st->arena_mask + 1 : 0;
    if ((st->narenas + 1) * 2 > cap) {
        size_t ncap = cap ? cap * 2 : 64;
        uintptr_t *nset = calloc(ncap, sizeof(uintptr_t));
        if (nset == NULL)
            return -1;
        for (size_t i = 0; i < cap; i++)
            if (st->arena_set[i])
                arena_set_put(nset, ncap - 1, st->arena_set[i]);
        free(st->arena_set);
        st->arena_set = nset;
        st->arena_mask = ncap - 1;
    }
    arena_set_put(st->arena_set, st->arena_mask, base);
    st->narenas++;
    return 0;
}

/* Exact: an address outside every arena is never dereferenced.  (With no
 * arena, span is 0 and every address fails the range test.) */
Py_ALWAYS_INLINE static inline int is_pool_memory(const kr_alloc_state *st, const void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (a - st->lo >= st->span)
        return 0;
    return arena_set_contains(st, a & ~(uintptr_t)(KR_ARENA_SIZE - 1));
}

/* ---- arenas and pools ---- */

static struct kr_alloc_arena *arena_new(kr_alloc_state *st)
{
    /* Map twice the size and trim, to get a size-aligned arena. */
    size_t len = KR_ARENA_SIZE * 2;
    char *raw = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    char *base = _Py_ALIGN_UP(raw, KR_ARENA_SIZE);
    if (base > raw)
        munmap(raw, (size_t)(base - raw));
    char *end = base + KR_ARENA_SIZE;
    if (raw + len > end)
        munmap(end, (size_t)(raw + len - end));
    if (arena_set_add(st, (uintptr_t)base) < 0) {
        munmap(base, KR_ARENA_SIZE);
        return NULL;
    }
    struct kr_alloc_arena *ar = (struct kr_alloc_arena *)base;
    /* Pool 0 holds the arena header. */
    ar->nfresh = (unsigned int)POOLS_PER_ARENA - 1;
    ar->next = st->arenas;
    st->arenas = ar;
    uintptr_t lo = (uintptr_t)base, hi = (uintptr_t)end;
    if (st->span != 0) {
        if (st->lo < lo)
            lo = st->lo;
        if (st->lo + st->span > hi)
            hi = st->lo + st->span;
    }
    st->lo = lo;
    st->span = hi - lo;
    return ar;
}

static void pool_link(kr_alloc_state *st, struct kr_alloc_pool *pool)
{
    pool->prev = NULL;
    pool->next = st->usedpools[pool->szidx];
    if (pool->next)
        pool->next->prev = pool;
    st->usedpools[pool->szidx] = pool;
}

static void pool_unlink(kr_alloc_state *st, struct kr_alloc_pool *pool)
{
    if (pool->prev)
        pool->prev->next = pool->next;
    else
        st->usedpools[pool->szidx] = pool->next;
    if (pool->next)
        pool->next->prev = pool->prev;
}

/* A pool for class idx, linked as a used pool with its first block on the
 * freelist; NULL when no memory is left. */
static struct kr_alloc_pool *pool_new(kr_alloc_state *st, unsigned int idx)
{
    struct kr_alloc_pool *pool = st->freepools;
    if (pool != NULL) {
        st->freepools = pool->next;
    }
    else {
        struct kr_alloc_arena *ar = st->arenas;
        if (ar == NULL || ar->nfresh == 0) {
            ar = arena_new(st);
            if (ar == NULL)
                return NULL;
        }
        pool = (struct kr_alloc_pool *)((char *)ar + (size_t)ar->nfresh * KR_POOL_SIZE);
        ar->nfresh--;
    }
    size_t bs = class_size(idx);
    char *first = (char *)pool + POOL_HEADER_SIZE;
    pool->szidx = idx;
    pool->nused = 0;
    pool->freelist = (kr_block *)first;
    pool->freelist->next = NULL;
    pool->fresh = first + bs;
    pool->limit = first + ((KR_POOL_SIZE - POOL_HEADER_SIZE) / bs) * bs;
    pool_link(st, pool);
    return pool;
}

/* The freelist ran dry as block b was taken: carve the next block onto
 * it, or, with none left, the pool is full and leaves the used list until
 * a block comes back.  Returns b, so that the caller's tail call needs no
 * stack frame. */
static Py_NO_INLINE void *pool_refill(kr_alloc_state *st, struct kr_alloc_pool *pool, void *b)
{
    if (pool->fresh < pool->limit) {
        kr_block *f = (kr_block *)pool->fresh;
        f->next = NULL;
        pool->freelist = f;
        pool->fresh += class_size(pool->szidx);
    }
    else {
        pool_unlink(st, pool);
    }
    return b;
}

Py_ALWAYS_INLINE static inline void *pool_take(kr_alloc_state *st, struct kr_alloc_pool *pool)
{
    kr_block *b = pool->freelist;
    kr_block *next = b->next;
    pool->freelist = next;
    pool->nused++;
    if (_Py_unlikely(next == NULL))
        return pool_refill(st, pool, b);
    return b;
}

/* An empty pool can serve any size class. */
static Py_NO_INLINE void pool_release(struct kr_alloc_pool *pool, kr_alloc_state *st)
{
    pool_unlink(st, pool);
    pool->next = st->freepools;
    st->freepools = pool;
}

static Py_NO_INLINE void pool_relink(struct kr_alloc_pool *pool, kr_alloc_state *st)
{
    pool_link(st, pool);
}

Py_ALWAYS_INLINE static inline void small_free(kr_alloc_state *st, void *p)
{
    struct kr_alloc_pool *pool = POOL_OF(p);
    kr_block *head = pool->freelist;
    ((kr_block *)p)->next = head;
    pool->freelist = p;
    if (_Py_unlikely(head == NULL))    /* it was full */
        pool_relink(pool, st);
    if (_Py_unlikely(--pool->nused == 0))
        pool_release(pool, st);
}

static inline size_t small_size(void *p)
{
    return class_size(POOL_OF(p)->szidx);
}

void kr_alloc_init(kr_alloc_state *st)
{
    memset(st, 0, sizeof(*st));
    st->fail_countdown = -1;
}

void kr_alloc_fini(kr_alloc_state *st)
{
    struct kr_alloc_arena *ar = st->arenas;
    while (ar != NULL) {
        struct kr_alloc_arena *next = ar->next;
        munmap(ar, KR_ARENA_SIZE);
        ar = next;
    }
    free(st->arena_set);
    kr_alloc_init(st);
}

void kr_alloc_fail_after(long n)
{
    kr_alloc_state *st = cur_alloc();
    if (st == NULL)
        return;
    st->fail_countdown = n < 0 ? -1 : n;
    if (n < 0)
        st->slow &= ~KR_ALLOC_SLOW_FAIL;
    else
        st->slow |= KR_ALLOC_SLOW_FAIL;
}

/* Counted on demand (sys.getallocatedblocks, tests) rather than kept up
 * to date on every allocation: the carved pools of each arena are the
 * ones after its never-carved ones, and empty pools count 0. */
size_t kr_alloc_live_blocks(void)
{
    kr_alloc_state *st = cur_alloc();
    if (st == NULL)
        return 0;
    size_t n = 0;
    for (struct kr_alloc_arena *ar = st->arenas; ar != NULL; ar = ar->next)
        for (size_t i = (size_t)ar->nfresh + 1; i < POOLS_PER_ARENA; i++)
            n += ((struct kr_alloc_pool *)((char *)ar + i * KR_POOL_SIZE))->nused;
    return n;
}

/* ---- the default allocator of the mem and object domains ----
 * ctx_* are the complete default behaviour (what PyMem_GetAllocator hands
 * out); the exported functions below put a short path for the common case
 * in front of them. */

static inline int injected_failure(kr_alloc_state *st)
{
    if (_Py_likely(st->fail_countdown < 0))
        return 0;
    if (st->fail_countdown == 0)
        return 1;
    st->fail_countdown--;
    return 0;
}

static void *ctx_malloc(kr_alloc_state *st, size_t n)
{
    if (st == NULL)
        return malloc(n ? n : 1);
    if (injected_failure(st))
        return NULL;
    if (KR_ALLOC_USE_POOLS && n - 1 < KR_ALLOC_SMALL_MAX) {   /* n == 0 wraps to malloc */
        unsigned int idx = (unsigned int)size_class(n);
        struct kr_alloc_pool *pool = st->usedpools[idx];
        if (pool == NULL && (pool = pool_new(st, idx)) == NULL)
            return NULL;
        return pool_take(st, pool);
    }
    return malloc(n ? n : 1);
}

static void ctx_free(kr_alloc_state *st, void *p)
{
    if (st != NULL && is_pool_memory(st, p))
        small_free(st, p);
    else
        free(p);
}

/* Clear a fresh block of n bytes. */
Py_ALWAYS_INLINE static inline void *zero_fill(void *p, size_t n)
{
    if (KR_ALLOC_USE_POOLS && n - 1 < 64) {
        /* A small pool block (16-aligned, its size a multiple of 16) is
         * cleared in whole words inline: objects are mostly this size,
         * and a libc call costs more than the stores. */
        switch ((n + 15) / 16) {   /* constant sizes: compilers emit stores */
        case 1: memset(p, 0, 16); break;
        case 2: memset(p, 0, 32); break;
        case 3: memset(p, 0, 48); break;
        default: memset(p, 0, 64); break;
        }
    }
    else {
        memset(p, 0, n);
    }
    return p;
}

static void *ctx_calloc(kr_alloc_state *st, size_t nelem, size_t elsize)
{
    size_t n;
    if (__builtin_mul_overflow(nelem, elsize, &n) || n > (size_t)PY_SSIZE_T_MAX)
        return NULL;
    if (st == NULL)
        return calloc(n ? n : 1, 1);
    void *p = ctx_malloc(st, n);
    return p != NULL ? zero_fill(p, n) : NULL;
}

static void *ctx_realloc(kr_alloc_state *st, void *p, size_t n)
{
    if (p == NULL)
        return ctx_malloc(st, n);
    if (st != NULL && is_pool_memory(st, p)) {
        size_t old = small_size(p);
        if (n <= old && n > old / 2)
            return p;   /* still a good fit: keep the block */
        void *q = ctx_malloc(st, n);
        if (q == NULL)
            return NULL;
        memcpy(q, p, n < old ? n : old);
        small_free(st, p);
        return q;
    }
    if (st != NULL && injected_failure(st))
        return NULL;
    return realloc(p, n ? n : 1);
}

/* ---- the mem and object domains ----
 * One pair of paths serves both, specialised by the constant domain. The
 * short path: a context is current, the size is small, the slow word has
 * no bit for this domain's hook or for failure injection, and the class
 * has a used pool.  Everything else goes through domain_*_slow. */

static inline kr_alloc_hook *domain_hook(kr_alloc_state *st, int domain)
{
    if (st == NULL || st->hooks[domain].malloc == NULL)
        return NULL;
    return &st->hooks[domain];
}

static Py_NO_INLINE void *domain_malloc_slow(size_t n, kr_alloc_state *st, int domain)
{
    if ((Py_ssize_t)n < 0)
        return NULL;
    kr_alloc_hook *h = domain_hook(st, domain);
    if (h != NULL)
        return h->malloc(h->ctx, n);
    return ctx_malloc(st, n);
}

Py_ALWAYS_INLINE static inline void *domain_malloc(int domain, size_t n)
{
    kr_alloc_state *st = cur_alloc();
    if (KR_ALLOC_USE_POOLS && _Py_likely(st != NULL) && _Py_likely(n - 1 < KR_ALLOC_SMALL_MAX)
        && _Py_likely((st->slow & (KR_ALLOC_SLOW_HOOK(domain) | KR_ALLOC_SLOW_FAIL)) == 0)) {
        struct kr_alloc_pool *pool = st->usedpools[size_class(n)];
        if (_Py_likely(pool != NULL))
            return pool_take(st, pool);
    }
    return domain_malloc_slow(n, st, domain);
}

static Py_NO_INLINE void *domain_calloc_slow(size_t ne, size_t es, kr_alloc_state *st, int domain)
{
    kr_alloc_hook *h = domain_hook(st, domain);
    if (h != NULL)
        return h->calloc(h->ctx, ne, es);
    return ctx_calloc(st, ne, es);
}

Py_ALWAYS_INLINE static inline void *domain_calloc(int domain, size_t ne, size_t es)
{
    kr_alloc_state *st = cur_alloc();
    size_t n;
    if (KR_ALLOC_USE_POOLS && _Py_likely(st != NULL) && !__builtin_mul_overflow(ne, es, &n)
        && _Py_likely(n - 1 < KR_ALLOC_SMALL_MAX)
        && _Py_likely((st->slow & (KR_ALLOC_SLOW_HOOK(domain) | KR_ALLOC_SLOW_FAIL)) == 0)) {
        struct kr_alloc_pool *pool = st->usedpools[size_class(n)];
        if (_Py_likely(pool != NULL))
            return zero_fill(pool_take(st, pool), n);
    }
    return domain_calloc_slow(ne, es, st, domain);
}

static Py_NO_INLINE void domain_free_slow(void *p, kr_alloc_state *st, int domain)
{
    kr_alloc_hook *h = domain_hook(st, domain);
    if (h != NULL)
        h->free(h->ctx, p);
    else
        ctx_free(st, p);
}

Py_ALWAYS_INLINE static inline void domain_free(int domain, void *p)
{
    kr_alloc_state *st = cur_alloc();
    if (_Py_likely(st != NULL) && _Py_likely((st->slow & KR_ALLOC_SLOW_HOOK(domain)) == 0)) {
        if (is_pool_memory(st, p))
            small_free(st, p);
        else
            free(p);   /* malloc memory, or NULL */
        return;
    }
    domain_free_slow(p, st, domain);
}

static void *domain_realloc(int domain, void *p, size_t n)
{
    if ((Py_ssize_t)n < 0)
        return NULL;
    kr_alloc_state *st = cur_alloc();
    kr_alloc_hook *h = domain_hook(st, domain);
    if (h != NULL)
        return h->realloc(h->ctx, p, n);
    return ctx_realloc(st, p, n);
}

void *PyMem_Malloc(size_t n) { return domain_malloc(PYMEM_DOMAIN_MEM, n); }
void *PyMem_Calloc(size_t ne, size_t es) { return domain_calloc(PYMEM_DOMAIN_MEM, ne, es); }
void *PyMem_Realloc(void *p, size_t n) { return domain_realloc(PYMEM_DOMAIN_MEM, p, n); }
void PyMem_Free(void *p) { domain_free(PYMEM_DOMAIN_MEM, p); }
void *PyObject_Malloc(size_t n) { return domain_malloc(PYMEM_DOMAIN_OBJ, n); }
void *PyObject_Calloc(size_t ne, size_t es) { return domain_calloc(PYMEM_DOMAIN_OBJ, ne, es); }
void *PyObject_Realloc(void *p, size_t n) { return domain_realloc(PYMEM_DOMAIN_OBJ, p, n); }
void PyObject_Free(void *p) { domain_free(PYMEM_DOMAIN_OBJ, p); }

/* ---- the raw domain: malloc, usable with no context ---- */

static inline kr_alloc_hook *raw_hook(void)
{
    kr_alloc_state *st = cur_alloc();
    if (_Py_likely(st == NULL || (st->slow & KR_ALLOC_SLOW_HOOK(PYMEM_DOMAIN_RAW)) == 0))
        return NULL;
    return &st->hooks[PYMEM_DOMAIN_RAW];
}

void *PyMem_RawMalloc(size_t n)
{
    if ((Py_ssize_t)n < 0)
        return NULL;
    kr_alloc_hook *h = raw_hook();
    if (h)
        return h->malloc(h->ctx, n);
    return malloc(n ? n : 1);
}

void *PyMem_RawCalloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize)
        return NULL;
    kr_alloc_hook *h = raw_hook();
    if (h)
        return h->calloc(h->ctx, nelem, elsize);
    if (nelem == 0 || elsize == 0)
        nelem = elsize = 1;
    return calloc(nelem, elsize);
}

void *PyMem_RawRealloc(void *p, size_t n)
{
    if ((Py_ssize_t)n < 0)
        return NULL;
    kr_alloc_hook *h = raw_hook();
    if (h)
        return h->realloc(h->ctx, p, n);
    return realloc(p, n ? n : 1);
}

void PyMem_RawFree(void *p)
{
    kr_alloc_hook *h = raw_hook();
    if (h) {
        h->free(h->ctx, p);
        return;
    }
    free(p);
}

char *_PyMem_RawStrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = PyMem_RawMalloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

char *_PyMem_Strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = PyMem_Malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

wchar_t *_PyMem_RawWcsdup(const wchar_t *s)
{
    size_t n = wcslen(s) + 1;
    wchar_t *p = PyMem_RawMalloc(n * sizeof(wchar_t));
    if (p)
        memcpy(p, s, n * sizeof(wchar_t));
    return p;
}

/* ---- PyMem_SetAllocator: per context (the hooks live in the context, so
 * one embedder's tracing allocator never sees another context's memory) */

static void *dflt_malloc(void *ctx, size_t n) { return ctx_malloc(cur_alloc(), n); }
static void *dflt_calloc(void *ctx, size_t a, size_t b) { return ctx_calloc(cur_alloc(), a, b); }
static void *dflt_realloc(void *ctx, void *p, size_t n) { return ctx_realloc(cur_alloc(), p, n); }
static void dflt_free(void *ctx, void *p) { ctx_free(cur_alloc(), p); }
static void *raw_malloc(void *ctx, size_t n) { return malloc(n ? n : 1); }
static void *raw_calloc(void *ctx, size_t a, size_t b) { return calloc(a ? a : 1, b ? b : 1); }
static void *raw_realloc(void *ctx, void *p, size_t n) { return realloc(p, n ? n : 1); }
static void raw_free(void *ctx, void *p) { free(p); }

void PyMem_GetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *a)
{
    if ((unsigned)domain > PYMEM_DOMAIN_OBJ) {
        memset(a, 0, sizeof(*a));
        return;
    }
    kr_alloc_hook *h = domain_hook(cur_alloc(), domain);
    if (h != NULL) {
        a->ctx = h->ctx;
        a->malloc = h->malloc;
        a->calloc = h->calloc;
        a->realloc = h->realloc;
        a->free = h->free;
        return;
    }
    a->ctx = NULL;
    if (domain == PYMEM_DOMAIN_RAW) {
        a->malloc = raw_malloc; a->calloc = raw_calloc;
        a->realloc = raw_realloc; a->free = raw_free;
    }
    else {
        a->malloc = dflt_malloc; a->calloc = dflt_calloc;
        a->realloc = dflt_realloc; a->free = dflt_free;
    }
}

void PyMem_SetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *a)
{
    kr_alloc_state *st = cur_alloc();
    if (st == NULL || (unsigned)domain > PYMEM_DOMAIN_OBJ)
        return;
    kr_alloc_hook *h = &st->hooks[domain];
    /* Installing the default allocator again removes the hook. */
    if (a->malloc == dflt_malloc || a->malloc == raw_malloc) {
        memset(h, 0, sizeof(*h));
        st->slow &= ~KR_ALLOC_SLOW_HOOK(domain);
        return;
    }
    st->slow |= KR_ALLOC_SLOW_HOOK(domain);
    h->ctx = a->ctx;
    h->malloc = a->malloc;
    h->calloc = a->calloc;
    h->realloc = a->realloc;
    h->free = a->free;
}

void PyMem_SetupDebugHooks(void) { }

static void *arena_alloc_default(void *ctx, size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

static void arena_free_default(void *ctx, void *ptr, size_t size) { munmap(ptr, size); }

void PyObject_GetArenaAllocator(PyObjectArenaAllocator *a)
{
    a->ctx = NULL;
    a->alloc = arena_alloc_default;
    a->free = arena_free_default;
}

/* Arenas must be aligned to their size, which a foreign arena allocator
 * cannot promise; the request is accepted and ignored. */
void PyObject_SetArenaAllocator(PyObjectArenaAllocator *a) { }
