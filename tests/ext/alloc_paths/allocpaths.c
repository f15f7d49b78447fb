/* allocpaths.c: the allocator and int-creation entry points as an extension
 * sees them: PyLong_From* at every digit boundary, PyMem_SetAllocator hooks
 * of the three domains (they must see every allocation, ints included, and
 * removing them restores the default), and the malloc/calloc/realloc
 * contracts (zero sizes, overflow, contents kept). */
#include <Python.h>
#include <limits.h>
#include <string.h>

typedef struct {
    PyMemAllocatorEx orig;
    long mallocs, callocs, reallocs, frees;
} counter;

/* One counter per domain, reached through the hook's ctx pointer; the hooks
 * are installed and removed within one call, so no state outlives it. */
static void *count_malloc(void *ctx, size_t n)
{
    counter *c = ctx;
    c->mallocs++;
    return c->orig.malloc(c->orig.ctx, n);
}

static void *count_calloc(void *ctx, size_t a, size_t b)
{
    counter *c = ctx;
    c->callocs++;
    return c->orig.calloc(c->orig.ctx, a, b);
}

static void *count_realloc(void *ctx, void *p, size_t n)
{
    counter *c = ctx;
    c->reallocs++;
    return c->orig.realloc(c->orig.ctx, p, n);
}

static void count_free(void *ctx, void *p)
{
    counter *c = ctx;
    c->frees++;
    c->orig.free(c->orig.ctx, p);
}

static void hook(PyMemAllocatorDomain d, counter *c)
{
    memset(c, 0, sizeof(*c));
    PyMem_GetAllocator(d, &c->orig);
    PyMemAllocatorEx mine = {c, count_malloc, count_calloc, count_realloc, count_free};
    PyMem_SetAllocator(d, &mine);
}

static void unhook(PyMemAllocatorDomain d, counter *c)
{
    PyMem_SetAllocator(d, &c->orig);
}

static PyObject *signed_values(PyObject *self, PyObject *unused)
{
    static const long vals[] = {
        LONG_MIN, LONG_MIN + 1, -(1L << 60) - 1, -(1L << 60), -(1L << 60) + 1,
        -(1L << 30) - 1, -(1L << 30), -(1L << 30) + 1, -257, -6, -5, -1, 0, 1,
        256, 257, 1000, (1L << 30) - 1, 1L << 30, (1L << 30) + 1,
        (1L << 60) - 1, 1L << 60, (1L << 60) + 1, LONG_MAX - 1, LONG_MAX,
    };
    size_t n = sizeof vals / sizeof vals[0];
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        PyObject *t = Py_BuildValue("(NNN)", PyLong_FromLong(vals[i]),
                                    PyLong_FromLongLong((long long)vals[i]),
                                    PyLong_FromSsize_t((Py_ssize_t)vals[i]));
        if (t == NULL || PyList_Append(out, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(t);
    }
    return out;
}

static PyObject *unsigned_values(PyObject *self, PyObject *unused)
{
    static const unsigned long vals[] = {
        0, 5, 256, 257, (1UL << 30) - 1, 1UL << 30, (1UL << 60) - 1, 1UL << 60,
        1UL << 63, ULONG_MAX - 1, ULONG_MAX,
    };
    size_t n = sizeof vals / sizeof vals[0];
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        PyObject *t = Py_BuildValue("(NNN)", PyLong_FromUnsignedLong(vals[i]),
                                    PyLong_FromUnsignedLongLong((unsigned long long)vals[i]),
                                    PyLong_FromSize_t((size_t)vals[i]));
        if (t == NULL || PyList_Append(out, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(t);
    }
    return out;
}

/* Ints made and dropped while an object-domain hook is installed: the hook
 * sees an allocation and a free for each. */
static PyObject *hooked_ints(PyObject *self, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    counter c;
    hook(PYMEM_DOMAIN_OBJ, &c);
    long bad = 0;
    for (long i = 0; i < n; i++) {
        PyObject *v = PyLong_FromLong(100000 + i);
        if (v == NULL || PyLong_AsLong(v) != 100000 + i)
            bad++;
        Py_XDECREF(v);
    }
    /* an int made under the hook and freed after it is gone */
    PyObject *late = PyLong_FromLong(-123456);
    unhook(PYMEM_DOMAIN_OBJ, &c);
    long after = c.mallocs;
    PyObject *v = PyLong_FromLong(777777);
    long still = c.mallocs - after;
    Py_XDECREF(v);
    Py_XDECREF(late);
    return Py_BuildValue("(OOll)", c.mallocs >= n + 1 ? Py_True : Py_False,
                         c.frees >= n ? Py_True : Py_False, bad, still);
}

/* The mem and raw domains' hooks, and PyMem_GetAllocator reporting them. */
static PyObject *hooked_domains(PyObject *self, PyObject *unused)
{
    counter cm, cr;
    hook(PYMEM_DOMAIN_MEM, &cm);
    PyMemAllocatorEx got;
    PyMem_GetAllocator(PYMEM_DOMAIN_MEM, &got);
    int reported = got.ctx == &cm && got.malloc == count_malloc && got.free == count_free;
    char *p = PyMem_Malloc(40);
    char *q = PyMem_Calloc(4, 10);
    p = PyMem_Realloc(p, 400);
    PyMem_Free(p);
    PyMem_Free(q);
    unhook(PYMEM_DOMAIN_MEM, &cm);
    void *r = PyMem_Malloc(10);
    PyMem_Free(r);

    hook(PYMEM_DOMAIN_RAW, &cr);
    void *raw = PyMem_RawMalloc(24);
    raw = PyMem_RawRealloc(raw, 48);
    PyMem_RawFree(raw);
    unhook(PYMEM_DOMAIN_RAW, &cr);
    return Py_BuildValue("(illllllll)", reported, cm.mallocs, cm.callocs, cm.reallocs, cm.frees,
                         cr.mallocs, cr.callocs, cr.reallocs, cr.frees);
}

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != 0)
            return 0;
    return 1;
}

/* The contracts of the mem and object domains, every size class of both. */
static PyObject *contracts(PyObject *self, PyObject *unused)
{
    int ok_zero = 1, ok_keep = 1, ok_calloc = 1, ok_align = 1;
    void *z1 = PyObject_Malloc(0), *z2 = PyMem_Malloc(0), *z3 = PyObject_Calloc(0, 8);
    ok_zero = z1 != NULL && z2 != NULL && z3 != NULL;
    PyObject_Free(z1);
    PyMem_Free(z2);
    PyObject_Free(z3);
    for (size_t n = 1; n <= 1100; n += 7) {
        unsigned char *a = PyObject_Calloc(1, n);
        unsigned char *b = PyMem_Calloc(n, 1);
        if (a == NULL || b == NULL || !all_zero(a, n) || !all_zero(b, n))
            ok_calloc = 0;
        if (((uintptr_t)a & 7) != 0 || ((uintptr_t)b & 7) != 0)
            ok_align = 0;
        if (a != NULL) {
            memset(a, 0x5a, n);
            a = PyObject_Realloc(a, n * 3 + 1);
            for (size_t i = 0; a != NULL && i < n; i++)
                if (a[i] != 0x5a)
                    ok_keep = 0;
            a = PyObject_Realloc(a, n / 2 + 1);
            for (size_t i = 0; a != NULL && i < n / 2 + 1; i++)
                if (a[i] != 0x5a)
                    ok_keep = 0;
        }
        PyObject_Free(a);
        PyMem_Free(b);
    }
    void *grown = PyObject_Realloc(NULL, 24);
    void *shrunk = PyObject_Realloc(grown, 0);
    int realloc_edges = grown != NULL && shrunk != NULL;
    PyObject_Free(shrunk);
    PyObject_Free(NULL);
    PyMem_Free(NULL);
    int huge = PyObject_Malloc((size_t)PY_SSIZE_T_MAX + 1) == NULL
               && PyMem_Malloc((size_t)PY_SSIZE_T_MAX + 1) == NULL
               && PyObject_Calloc((size_t)-1 / 2, 4) == NULL
               && PyMem_Calloc(3, (size_t)PY_SSIZE_T_MAX / 2) == NULL
               && PyObject_Realloc(NULL, (size_t)PY_SSIZE_T_MAX + 1) == NULL;
    return Py_BuildValue("(iiiiii)", ok_zero, ok_keep, ok_calloc, ok_align, realloc_edges, huge);
}

/* Objects from _PyObject_New / PyObject_Init and released with PyObject_Free
 * (a static type's default tp_free) interleaved with ints and floats. */
static PyObject *churn(PyObject *self, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    PyObject *keep = PyList_New(0);
    if (keep == NULL)
        return NULL;
    double fsum = 0;
    long long isum = 0;
    for (long i = 0; i < n; i++) {
        PyObject *a = PyLong_FromLong(i * 1000003L - 500000000L);
        PyObject *f = PyFloat_FromDouble((double)i / 4);
        if (a == NULL || f == NULL) {
            Py_XDECREF(a);
            Py_XDECREF(f);
            Py_DECREF(keep);
            return NULL;
        }
        if (i % 3 == 0 && (PyList_Append(keep, a) < 0 || PyList_Append(keep, f) < 0)) {
            Py_DECREF(a);
            Py_DECREF(f);
            Py_DECREF(keep);
            return NULL;
        }
        Py_DECREF(a);
        Py_DECREF(f);
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keep); i += 2) {
        isum += PyLong_AsLongLong(PyList_GET_ITEM(keep, i));
        fsum += PyFloat_AsDouble(PyList_GET_ITEM(keep, i + 1));
    }
    Py_ssize_t len = PyList_GET_SIZE(keep);
    Py_DECREF(keep);
    return Py_BuildValue("(nLd)", len, isum, fsum);
}

static PyMethodDef methods[] = {
    {"signed_values", signed_values, METH_NOARGS, NULL},
    {"unsigned_values", unsigned_values, METH_NOARGS, NULL},
    {"hooked_ints", hooked_ints, METH_O, NULL},
    {"hooked_domains", hooked_domains, METH_NOARGS, NULL},
    {"contracts", contracts, METH_NOARGS, NULL},
    {"churn", churn, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef moddef = {PyModuleDef_HEAD_INIT, "allocpaths", NULL, 0, methods};

PyMODINIT_FUNC PyInit_allocpaths(void) { return PyModule_Create(&moddef); }
