/* test_gc.c: the cycle collector (src/runtime/gc.c): tracking, freeing
 * cycles, finalizers running once, automatic collection by thresholds,
 * immortal objects left alone, and the trashcan for deep nesting. */
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

static long run_int(const char *src, const char *name)
{
    PyObject *d = kr_main_dict();
    PyObject *r = PyRun_String(src, Py_file_input, d, d);
    if (r == NULL) {
        PyErr_Print();
        return -999;
    }
    Py_DECREF(r);
    PyObject *v = PyDict_GetItemString(d, name);
    return v ? PyLong_AsLong(v) : -998;
}

int main(void)
{
    krait_options o = krait_default_options();
    krait_context *c = krait_context_new(&o);
    check(c != NULL && krait_enter(c) == 0, "context");

    PyObject *l = PyList_New(0);
    check(PyObject_GC_IsTracked(l), "a new list is tracked");
    check(!PyObject_GC_IsTracked(Py_None), "None is not tracked");
    check(_Py_IsImmortal((PyObject *)&PyList_Type), "static types are immortal");
    PyList_Append(l, l);
    Py_DECREF(l);
    Py_ssize_t n = kr_gc_collect(2, "test");
    check(n >= 1, "a self-referencing list is collected");

    /* a two-object cycle through a dict */
    PyObject *a = PyDict_New(), *b = PyList_New(0);
    PyDict_SetItemString(a, "b", b);
    PyList_Append(b, a);
    Py_DECREF(a);
    Py_DECREF(b);
    check(kr_gc_collect(2, "test") == 2, "dict/list cycle: 2 objects");

    /* a reachable cycle survives */
    PyObject *keep = PyList_New(0);
    PyList_Append(keep, keep);
    kr_gc_collect(2, "test");
    check(Py_REFCNT(keep) == 2 && PyList_GET_SIZE(keep) == 1, "reachable cycle survives");
    PyList_SetSlice(keep, 0, 1, NULL);
    Py_DECREF(keep);

    /* finalizers run once, resurrection is handled */
    long r = run_int(
        "import gc\n"
        "count = 0\n"
        "saved = []\n"
        "class A:\n"
        "    def __del__(self):\n"
        "        global count\n"
        "        count += 1\n"
        "        saved.append(self)\n"
        "a = A(); a.me = a\n"
        "del a\n"
        "gc.collect()\n"
        "saved[0].me = None\n"
        "saved.clear()\n"
        "gc.collect()\n"
        "result = count\n", "result");
    check(r == 1, "__del__ runs once even after resurrection");

    /* thresholds trigger automatic collections */
    r = run_int(
        "import gc\n"
        "gc.collect()\n"
        "class N: pass\n"
        "freed = []\n"
        "import _weakref\n"
        "x = N(); x.me = x\n"
        "w = _weakref.ref(x, lambda r: freed.append(1))\n"
        "del x\n"
        "keep = []\n"
        "for i in range(5000):\n"
        "    keep.append([i])\n"
        "result = len(freed)\n", "result");
    check(r == 1, "allocation counts trigger a collection");

    /* disabled collector does not collect automatically */
    r = run_int(
        "import gc\n"
        "gc.disable()\n"
        "class N: pass\n"
        "freed2 = []\n"
        "import _weakref\n"
        "x = N(); x.me = x\n"
        "w2 = _weakref.ref(x, lambda r: freed2.append(1))\n"
        "del x\n"
        "junk = [[] for i in range(5000)]\n"
        "before = len(freed2)\n"
        "gc.collect()\n"
        "gc.enable()\n"
        "result = before * 10 + len(freed2)\n", "result");
    check(r == 1, "gc.disable() stops automatic collection, gc.collect() still works");

    /* deep nesting is destroyed without overflowing the C stack */
    PyObject *top = PyList_New(0);
    PyObject *cur = top;
    for (int i = 0; i < 200000; i++) {
        PyObject *nx = PyList_New(0);
        PyList_Append(cur, nx);
        Py_DECREF(nx);
        cur = nx;
    }
    Py_DECREF(top);
    check(1, "200000-deep nested lists freed (trashcan)");

    /* exceptions are GC objects: a traceback cycle is collected */
    r = run_int(
        "import gc\n"
        "gc.collect()\n"
        "def f():\n"
        "    try:\n"
        "        1/0\n"
        "    except ZeroDivisionError as e:\n"
        "        return e\n"
        "e = f(); e.self_ref = e\n"
        "del e\n"
        "result = gc.collect()\n", "result");
    check(r >= 1, "exception/traceback cycle collected");

    krait_leave(c);
    krait_context_free(c);
    check(1, "context freed");
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
