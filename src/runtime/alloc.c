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
 * objects is the hot path of every object's life.  The contract this
 * relies on, as for objects in general: memory is freed in the context
 * that allocated it (contexts share no mutable objects). */
#include "internal.h"
#include <sys/mman.h>

typedef struct kr_block { struct kr_block *next; } kr_block;

struct kr_alloc_pool {
    struct kr_alloc_pool *next, *prev;   /* in usedpools[szidx] or freepools */
    kr_block *freelist;            /* blocks freed since carving */
    char *fresh;                   /* next never-used block */
    char *limit;                   /* end of the last whole block */
    unsigned int szidx;            /* size class */
    unsigned int nused;            /* live blocks */
};

struct kr_alloc_arena {
    struct kr_alloc_arena *next;
    unsigned int nfresh;           /* pools not carved yet (from the end) */
};

#define POOL_HEADER_SIZE _Py_SIZE_ROUND_UP(sizeof(struct kr_alloc_pool), KR_ALLOC_ALIGN)
#define POOLS_PER_ARENA (KR_ARENA_SIZE / KR_POOL_SIZE)

static inline size_t class_size(unsigned int idx) { return (size_t)(idx + 1) * KR_ALLOC_ALIGN; }
static inline unsigned int size_class(size_t n) { return (unsigned int)((n - 1) / KR_ALLOC_ALIGN); }

/* ---- the arena set ---- */

static inline size_t arena_hash(uintptr_t base, size_t cap)
{
    uint64_t h = (uint64_t)(base >> KR_ARENA_SHIFT) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 17) & (cap - 1);
}

/* Only called for an address in [lo, hi), so some arena exists and
 * the set is allocated. */
Py_ALWAYS_INLINE static inline int arena_set_contains(const kr_alloc_state *st, uintptr_t base)
{
    size_t mask = st->arena_set_cap - 1;
    for (size_t i = arena_hash(base, st->arena_set_cap);; i = (i + 1) & mask) {
        uintptr_t v = st->arena_set[i];
        if (v == base)
            return 1;
        if (v == 0)
            return 0;
    }
}

static void arena_set_put(uintptr_t *set, size_t cap, uintptr_t base)
{
    size_t mask = cap - 1;
    size_t i = arena_hash(base, cap);
    while (set[i] != 0)
        i = (i + 1) & mask;
    set[i] = base;
}

static int arena_set_add(kr_alloc_state *st, uintptr_t base)
{
    if ((st->narenas + 1) * 2 > st->arena_set_cap) {
        size_t ncap = st->arena_set_cap ? st->arena_set_cap * 2 : 64;
        uintptr_t *nset = calloc(ncap, sizeof(uintptr_t));
        if (nset == NULL)
            return -1;
        for (size_t i = 0; i < st->arena_set_cap; i++)
            if (st->arena_set[i])
                arena_set_put(nset, ncap, st->arena_set[i]);
        free(st->arena_set);
        st->arena_set = nset;
        st->arena_set_cap = ncap;
    }
    arena_set_put(st->arena_set, st->arena_set_cap, base);
    st->narenas++;
    return 0;
}

Py_ALWAYS_INLINE static inline int is_pool_memory(const kr_alloc_state *st, const void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (a < st->lo || a >= st->hi)
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
    if (st->lo == 0 || (uintptr_t)base < st->lo)
        st->lo = (uintptr_t)base;
    if ((uintptr_t)end > st->hi)
        st->hi = (uintptr_t)end;
    return ar;
}

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
    pool->szidx = idx;
    pool->nused = 0;
    pool->freelist = NULL;
    pool->fresh = (char *)pool + POOL_HEADER_SIZE;
    pool->limit = (char *)pool + POOL_HEADER_SIZE + ((KR_POOL_SIZE - POOL_HEADER_SIZE) / bs) * bs;
    /* link as the only used pool of its class */
    pool->prev = NULL;
    pool->next = st->usedpools[idx];
    if (pool->next)
        pool->next->prev = pool;
    st->usedpools[idx] = pool;
    return pool;
}

static inline void pool_unlink(kr_alloc_state *st, struct kr_alloc_pool *pool)
{
    if (pool->prev)
        pool->prev->next = pool->next;
    else
        st->usedpools[pool->szidx] = pool->next;
    if (pool->next)
        pool->next->prev = pool->prev;
}

Py_ALWAYS_INLINE static inline void *small_alloc(kr_alloc_state *st, size_t n)
{
    unsigned int idx = size_class(n);
    struct kr_alloc_pool *pool = st->usedpools[idx];
    if (pool == NULL) {
        pool = pool_new(st, idx);
        if (pool == NULL)
            return NULL;
    }
    void *p;
    if (pool->freelist != NULL) {
        kr_block *b = pool->freelist;
        pool->freelist = b->next;
        p = b;
    }
    else {
        p = pool->fresh;
        pool->fresh += class_size(idx);
    }
    pool->nused++;
    /* A full pool leaves the used list until a block comes back. */
    if (pool->freelist == NULL && pool->fresh >= pool->limit)
        pool_unlink(st, pool);
    return p;
}

Py_ALWAYS_INLINE static inline void small_free(kr_alloc_state *st, void *p)
{
    struct kr_alloc_pool *pool = (struct kr_alloc_pool *)((uintptr_t)p & ~(uintptr_t)(KR_POOL_SIZE - 1));
    int was_full = (pool->freelist == NULL && pool->fresh >= pool->limit);
    kr_block *b = p;
    b->next = pool->freelist;
    pool->freelist = b;
    pool->nused--;
    if (was_full) {
        pool->prev = NULL;
        pool->next = st->usedpools[pool->szidx];
        if (pool->next)
            pool->next->prev = pool;
        st->usedpools[pool->szidx] = pool;
    }
    else if (pool->nused == 0) {
        /* An empty pool can serve any size class. */
        pool_unlink(st, pool);
        pool->next = st->freepools;
        st->freepools = pool;
    }
}

static inline size_t small_size(void *p)
{
    struct kr_alloc_pool *pool = (struct kr_alloc_pool *)((uintptr_t)p & ~(uintptr_t)(KR_POOL_SIZE - 1));
    return class_size(pool->szidx);
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
    memset(st, 0, sizeof(*st));
    st->fail_countdown = -1;
}

void kr_alloc_fail_after(long n)
{
    struct kr_context *c = kr_context_get();
    if (c != NULL)
        c->alloc.fail_countdown = n < 0 ? -1 : n;
}

/* Counted on demand (sys.getallocatedblocks, tests) rather than kept up
 * to date on every allocation: the carved pools of each arena are the
 * ones after its never-carved ones, and empty pools count 0. */
size_t kr_alloc_live_blocks(void)
{
    struct kr_context *c = kr_context_get();
    if (c == NULL)
        return 0;
    size_t n = 0;
    for (struct kr_alloc_arena *ar = c->alloc.arenas; ar != NULL; ar = ar->next)
        for (size_t i = (size_t)ar->nfresh + 1; i < POOLS_PER_ARENA; i++)
            n += ((struct kr_alloc_pool *)((char *)ar + i * KR_POOL_SIZE))->nused;
    return n;
}

/* ---- the default allocator of the mem and object domains ---- */

static inline int injected_failure(kr_alloc_state *st)
{
    if (_Py_likely(st->fail_countdown < 0))
        return 0;
    if (st->fail_countdown == 0)
        return 1;
    st->fail_countdown--;
    return 0;
}

Py_ALWAYS_INLINE static inline void *ctx_malloc(kr_alloc_state *st, size_t n)
{
    if (st == NULL)
        return malloc(n ? n : 1);
    if (injected_failure(st))
        return NULL;
    if (KR_ALLOC_USE_POOLS && n - 1 < KR_ALLOC_SMALL_MAX)   /* n == 0 wraps to malloc */
        return small_alloc(st, n);
    return malloc(n ? n : 1);
}

Py_ALWAYS_INLINE static inline void ctx_free(kr_alloc_state *st, void *p)
{
    if (p == NULL)
        return;
    if (st != NULL && is_pool_memory(st, p))
        small_free(st, p);
    else
        free(p);
}

Py_ALWAYS_INLINE static inline void *ctx_calloc(kr_alloc_state *st, size_t nelem, size_t elsize)
{
    size_t n;
    /* (a multiplication check, not a division: this is every
     * PyType_GenericAlloc) */
    if (__builtin_mul_overflow(nelem, elsize, &n) || n > (size_t)PY_SSIZE_T_MAX)
        return NULL;
    if (st == NULL)
        return calloc(n ? n : 1, 1);
    void *p = ctx_malloc(st, n);
    if (KR_ALLOC_USE_POOLS && n - 1 < 64 && p != NULL) {
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
    else if (p != NULL) {
        memset(p, 0, n);
    }
    return p;
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

static inline kr_alloc_state *cur_alloc(void)
{
    struct kr_context *c = kr_context_get();
    return c ? &c->alloc : NULL;
}

/* A hook from PyMem_SetAllocator, if one is installed for the domain. */
static inline kr_alloc_hook *cur_hook(int domain)
{
    struct kr_context *c = kr_context_get();
    if (c == NULL || c->alloc.hooks[domain].malloc == NULL)
        return NULL;
    return &c->alloc.hooks[domain];
}

/* The hot path reads the thread-local context once: hook or pools. */
#define KR_DEFINE_DOMAIN(Prefix, DOMAIN) \
    void *Prefix##Malloc(size_t n) { \
        if ((Py_ssize_t)n < 0) return NULL; \
        struct kr_context *c = kr_context_get(); \
        if (c == NULL) return malloc(n ? n : 1); \
        kr_alloc_hook *h = &c->alloc.hooks[DOMAIN]; \
        if (_Py_unlikely(h->malloc != NULL)) return h->malloc(h->ctx, n); \
        return ctx_malloc(&c->alloc, n); \
    } \
    void *Prefix##Calloc(size_t ne, size_t es) { \
        struct kr_context *c = kr_context_get(); \
        kr_alloc_hook *h = c ? &c->alloc.hooks[DOMAIN] : NULL; \
        if (h != NULL && h->malloc != NULL) return h->calloc(h->ctx, ne, es); \
        return ctx_calloc(c ? &c->alloc : NULL, ne, es); \
    } \
    void *Prefix##Realloc(void *p, size_t n) { \
        if ((Py_ssize_t)n < 0) return NULL; \
        struct kr_context *c = kr_context_get(); \
        kr_alloc_hook *h = c ? &c->alloc.hooks[DOMAIN] : NULL; \
        if (h != NULL && h->malloc != NULL) return h->realloc(h->ctx, p, n); \
        return ctx_realloc(c ? &c->alloc : NULL, p, n); \
    } \
    void Prefix##Free(void *p) { \
        struct kr_context *c = kr_context_get(); \
        if (c == NULL) { free(p); return; } \
        kr_alloc_hook *h = &c->alloc.hooks[DOMAIN]; \
        if (_Py_unlikely(h->malloc != NULL)) { h->free(h->ctx, p); return; } \
        ctx_free(&c->alloc, p); \
    }

KR_DEFINE_DOMAIN(PyMem_, PYMEM_DOMAIN_MEM)
KR_DEFINE_DOMAIN(PyObject_, PYMEM_DOMAIN_OBJ)

/* ---- the raw domain: malloc, usable with no context ---- */

void *PyMem_RawMalloc(size_t n)
{
    if ((Py_ssize_t)n < 0)
        return NULL;
    kr_alloc_hook *h = cur_hook(PYMEM_DOMAIN_RAW);
    if (h)
        return h->malloc(h->ctx, n);
    return malloc(n ? n : 1);
}

void *PyMem_RawCalloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize)
        return NULL;
    kr_alloc_hook *h = cur_hook(PYMEM_DOMAIN_RAW);
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
    kr_alloc_hook *h = cur_hook(PYMEM_DOMAIN_RAW);
    if (h)
        return h->realloc(h->ctx, p, n);
    return realloc(p, n ? n : 1);
}

void PyMem_RawFree(void *p)
{
    kr_alloc_hook *h = cur_hook(PYMEM_DOMAIN_RAW);
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
    struct kr_context *c = kr_context_get();
    if ((unsigned)domain > PYMEM_DOMAIN_OBJ) {
        memset(a, 0, sizeof(*a));
        return;
    }
    if (c != NULL && c->alloc.hooks[domain].malloc != NULL) {
        kr_alloc_hook *h = &c->alloc.hooks[domain];
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
    struct kr_context *c = kr_context_get();
    if (c == NULL || (unsigned)domain > PYMEM_DOMAIN_OBJ)
        return;
    kr_alloc_hook *h = &c->alloc.hooks[domain];
    /* Installing the default allocator again removes the hook. */
    if (a->malloc == dflt_malloc || a->malloc == raw_malloc) {
        memset(h, 0, sizeof(*h));
        return;
    }
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
