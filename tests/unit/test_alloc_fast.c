/* test_alloc_fast.c: the short paths of the allocator and of int and float
 * creation (src/runtime/alloc.c, longobject.c, floatobject.c) keep every
 * slow-path behaviour: injected failures and PyMem_SetAllocator hooks win
 * over the numbers' free lists, pools refill and release correctly in any
 * free order, and two contexts keep their free lists apart. */
#include "internal.h"
#include "krait.h"
#include "objects/longobject_internal.h"

static int failures;
static int ntest;

static void check(int cond, const char *what)
{
    ntest++;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", ntest, what);
    if (!cond)
        failures++;
}

typedef struct { PyMemAllocatorEx orig; long mallocs, frees; } counter;

static void *c_malloc(void *ctx, size_t n) { counter *c = ctx; c->mallocs++; return c->orig.malloc(c->orig.ctx, n); }
static void *c_calloc(void *ctx, size_t a, size_t b) { counter *c = ctx; c->mallocs++; return c->orig.calloc(c->orig.ctx, a, b); }
static void *c_realloc(void *ctx, void *p, size_t n) { counter *c = ctx; return c->orig.realloc(c->orig.ctx, p, n); }
static void c_free(void *ctx, void *p) { counter *c = ctx; c->frees++; c->orig.free(c->orig.ctx, p); }

/* Leave dead one-digit ints and floats behind, for the free lists. */
static void churn(void)
{
    PyObject *keep[300];
    for (int i = 0; i < 300; i++)
        keep[i] = i % 2 ? PyLong_FromLong(100000 + i) : PyFloat_FromDouble(i + 0.5);
    for (int i = 0; i < 300; i++)
        Py_DECREF(keep[i]);
}

static int values_ok(void)
{
    static const long vals[] = {-(1L << 30) - 1, -(1L << 30), -(1L << 30) + 1, -300, -6, -5, 0,
                                256, 257, (1L << 30) - 1, 1L << 30, (1L << 60) - 1, 1L << 60,
                                LONG_MAX, LONG_MIN};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        PyObject *v = kr_long_from_long_fast(vals[i]);
        PyObject *w = PyLong_FromLong(vals[i]);
        int ok = v && w && PyLong_CheckExact(v) && PyLong_AsLong(v) == vals[i]
                 && PyObject_RichCompareBool(v, w, Py_EQ) == 1 && Py_REFCNT(w) >= 1;
        Py_XDECREF(v);
        Py_XDECREF(w);
        if (!ok)
            return 0;
    }
    return 1;
}

int main(void)
{
    krait_options o = krait_default_options();
    krait_context *c = krait_context_new(&o);
    check(c != NULL && krait_enter(c) == 0, "context entered");

    churn();
    check(values_ok(), "ints at the digit boundaries, fast and exported paths");

    /* injected failures beat the free lists */
    churn();
    kr_alloc_fail_after(0);
    PyObject *i1 = PyLong_FromLong(123456);
    int int_failed = i1 == NULL && PyErr_ExceptionMatches(PyExc_MemoryError);
    PyErr_Clear();
    PyObject *f1 = PyFloat_FromDouble(2.25);
    int float_failed = f1 == NULL && PyErr_ExceptionMatches(PyExc_MemoryError);
    PyErr_Clear();
    PyObject *small = PyLong_FromLong(7);   /* cached: never allocates */
    kr_alloc_fail_after(-1);
    check(int_failed, "PyLong_FromLong fails under injection despite dead ints");
    check(float_failed, "PyFloat_FromDouble fails under injection despite dead floats");
    check(small != NULL && PyLong_AsLong(small) == 7, "small ints need no memory");
    Py_XDECREF(small);
    PyObject *i2 = PyLong_FromLong(123456);
    check(i2 != NULL && PyLong_AsLong(i2) == 123456, "allocation works again after injection");
    Py_XDECREF(i2);
    kr_alloc_fail_after(1);
    PyObject *a = PyLong_FromLong(1L << 40), *b = PyLong_FromLong(1L << 41);
    kr_alloc_fail_after(-1);
    check(a != NULL && b == NULL, "fail_after(1) lets exactly one int through");
    PyErr_Clear();
    Py_XDECREF(a);

    /* an object-domain hook sees every int and float, free lists or not */
    churn();
    counter cnt = {0};
    PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &cnt.orig);
    PyMemAllocatorEx mine = {&cnt, c_malloc, c_calloc, c_realloc, c_free};
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &mine);
    for (int i = 0; i < 50; i++) {
        PyObject *v = PyLong_FromLong(200000 + i);
        PyObject *f = PyFloat_FromDouble(i * 0.25);
        Py_XDECREF(v);
        Py_XDECREF(f);
    }
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &cnt.orig);
    check(cnt.mallocs >= 100 && cnt.frees >= 100, "the hook saw every int and float");
    long before = cnt.mallocs;
    PyObject *after = PyLong_FromLong(300000);
    Py_XDECREF(after);
    check(cnt.mallocs == before, "the hook is gone once the default is restored");
    check(values_ok(), "values intact after hooks and injection");

    /* pools: fill several of one class, free in a scrambled order, refill */
    size_t base = kr_alloc_live_blocks();
    enum { N = 5000 };
    static void *blocks[N];
    for (int i = 0; i < N; i++) {
        blocks[i] = PyObject_Malloc(48);
        memset(blocks[i], i & 0xff, 48);
    }
    int intact = 1;
    for (int i = 0; i < N; i++)
        for (int k = 0; k < 48; k++)
            if (((unsigned char *)blocks[i])[k] != (unsigned char)(i & 0xff))
                intact = 0;
    check(intact, "blocks of one class do not overlap across pools");
    for (int i = 0; i < N; i++) {
        int j = (int)(((unsigned)i * 2654435761u) % N);
        if (blocks[j] != NULL) {
            PyObject_Free(blocks[j]);
            blocks[j] = NULL;
        }
    }
    for (int i = 0; i < N; i++)
        if (blocks[i] != NULL)
            PyObject_Free(blocks[i]);
    check(kr_alloc_live_blocks() == base, "every block back after a scrambled free");
    for (int i = 0; i < N; i++)
        blocks[i] = PyMem_Malloc(1 + (size_t)(i % 500));
    for (int i = N - 1; i >= 0; i--)
        PyMem_Free(blocks[i]);
    check(kr_alloc_live_blocks() == base, "mixed classes come and go");

    /* a second context keeps its own free lists */
    krait_context *c2 = krait_context_new(&o);
    krait_enter(c2);
    churn();
    check(values_ok(), "second context makes ints");
    krait_leave(c2);
    churn();
    check(values_ok(), "first context unaffected");
    krait_context_free(c2);

    krait_leave(c);
    krait_context_free(c);
    check(1, "contexts freed with their free lists");
    printf("1..%d\n", ntest);
    return failures ? 1 : 0;
}
