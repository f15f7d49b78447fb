/* test_alloc.c: the small-object allocator (src/runtime/alloc.c): size
 * classes, realloc across classes, frees of memory from malloc, failure
 * injection, PyMem_SetAllocator hooks, and teardown with the context. */
#include "internal.h"
#include "krait.h"
#include "runtime/runtime.h"

static int failures;
static int ntest;

static void check(int cond, const char *what)
{
    ntest++;
    if (cond)
        printf("ok %d - %s\n", ntest, what);
    else {
        printf("not ok %d - %s\n", ntest, what);
        failures++;
    }
}

static size_t hook_calls;
static void *count_malloc(void *ctx, size_t n) { hook_calls++; return malloc(n ? n : 1); }
static void *count_calloc(void *ctx, size_t a, size_t b) { hook_calls++; return calloc(a ? a : 1, b ? b : 1); }
static void *count_realloc(void *ctx, void *p, size_t n) { hook_calls++; return realloc(p, n ? n : 1); }
static void count_free(void *ctx, void *p) { hook_calls++; free(p); }

int main(void)
{
    /* before any context: everything is malloc, and frees work */
    void *early = PyMem_Malloc(40);
    void *early_obj = PyObject_Malloc(100);
    void *raw = PyMem_RawMalloc(10);
    check(early && early_obj && raw, "allocation with no context");
    PyMem_RawFree(raw);

    krait_options o = krait_default_options();
    krait_context *c = krait_context_new(&o);
    check(c != NULL, "context created");
    check(krait_enter(c) == 0, "entered");

    size_t base = kr_alloc_live_blocks();
    /* every size class, with a pattern that must survive */
    void *ptrs[600];
    for (int i = 0; i < 600; i++) {
        size_t n = (size_t)(i % 520) + 1;
        ptrs[i] = PyObject_Malloc(n);
        memset(ptrs[i], i & 0xff, n);
    }
    int aligned = 1, intact = 1;
    for (int i = 0; i < 600; i++) {
        size_t n = (size_t)(i % 520) + 1;
        if (((uintptr_t)ptrs[i] & 15) != 0)
            aligned = 0;
        for (size_t k = 0; k < n; k++)
            if (((unsigned char *)ptrs[i])[k] != (unsigned char)(i & 0xff))
                intact = 0;
    }
    check(aligned, "blocks are 16-byte aligned");
    check(intact, "blocks do not overlap");
    check(!KR_ALLOC_USE_POOLS || kr_alloc_live_blocks() > base, "small blocks come from pools");
    for (int i = 0; i < 600; i++)
        PyObject_Free(ptrs[i]);
    check(kr_alloc_live_blocks() == base, "every block returned");

    /* realloc across size classes keeps the contents */
    char *p = PyMem_Malloc(8);
    strcpy(p, "abcdefg");
    p = PyMem_Realloc(p, 300);
    check(strcmp(p, "abcdefg") == 0, "realloc small -> small");
    p = PyMem_Realloc(p, 5000);
    check(strcmp(p, "abcdefg") == 0, "realloc small -> large");
    p = PyMem_Realloc(p, 16);
    check(strcmp(p, "abcdefg") == 0, "realloc large -> small");
    PyMem_Free(p);

    /* calloc zeroes; overflow is refused */
    unsigned char *z = PyObject_Calloc(10, 30);
    int zero = 1;
    for (int i = 0; i < 300; i++)
        if (z[i])
            zero = 0;
    check(zero, "calloc zeroes");
    PyObject_Free(z);
    check(PyMem_Calloc((size_t)-1 / 2, 4) == NULL, "calloc overflow");
    check(PyMem_Malloc((size_t)PY_SSIZE_T_MAX + 1) == NULL, "huge malloc fails");

    /* memory from before the context exists is freed with malloc's free */
    PyMem_Free(early);
    PyObject_Free(early_obj);
    check(1, "freeing pre-context memory inside a context");

    /* failure injection: the MemoryError paths */
    kr_alloc_fail_after(0);
    void *f1 = PyObject_Malloc(32);
    kr_alloc_fail_after(-1);
    check(f1 == NULL, "injected failure");
    kr_alloc_fail_after(0);
    PyObject *lst = PyList_New(3);
    PyObject *exc = PyErr_Occurred();
    kr_alloc_fail_after(-1);
    check(lst == NULL && exc != NULL && PyErr_ExceptionMatches(PyExc_MemoryError),
          "MemoryError when the allocator fails");
    PyErr_Clear();
    kr_alloc_fail_after(2);
    int got = 0;
    for (int i = 0; i < 5; i++) {
        void *q = PyMem_Malloc(16);
        if (q) {
            got++;
            PyMem_Free(q);
        }
    }
    kr_alloc_fail_after(-1);
    check(got == 2, "fail_after(n) allows n allocations");

    /* allocator hooks */
    PyMemAllocatorEx old, mine = {NULL, count_malloc, count_calloc, count_realloc, count_free};
    PyMem_GetAllocator(PYMEM_DOMAIN_MEM, &old);
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &mine);
    void *h = PyMem_Malloc(10);
    h = PyMem_Realloc(h, 20);
    PyMem_Free(h);
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &old);
    check(hook_calls == 3, "PyMem_SetAllocator hook is used");
    void *after = PyMem_Malloc(10);
    PyMem_Free(after);
    check(hook_calls == 3, "default allocator restored");

    /* many objects: arenas grow, and go away with the context */
    PyObject *big = PyList_New(0);
    for (int i = 0; i < 200000; i++) {
        PyObject *v = PyLong_FromLong(i * 1000003L);
        PyList_Append(big, v);
        Py_DECREF(v);
    }
    check(PyList_GET_SIZE(big) == 200000, "many small objects");
    Py_DECREF(big);

    krait_leave(c);
    krait_context_free(c);
    check(1, "context freed with its arenas");

    /* a second context works independently */
    krait_context *c2 = krait_context_new(&o);
    krait_enter(c2);
    void *x = PyObject_Malloc(64);
    check(x != NULL, "second context allocates");
    PyObject_Free(x);
    krait_leave(c2);
    krait_context_free(c2);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
