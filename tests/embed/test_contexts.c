/* test_contexts.c: embedding Krait: two contexts used from two threads in
 * parallel, with independent modules and globals; releasing the context
 * lock around blocking C work; a foreign thread calling in through
 * PyGILState; and two threads sharing one context. */
#include "Python.h"
#include "krait.h"
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

static atomic_int failures;
static atomic_int ntest;

static void check(int cond, const char *what)
{
    int n = atomic_fetch_add(&ntest, 1) + 1;
    if (cond)
        printf("ok %d - %s\n", n, what);
    else {
        printf("not ok %d - %s\n", n, what);
        atomic_fetch_add(&failures, 1);
    }
    fflush(stdout);
}

/* Value of global `name` in __main__ of the current context, or -1. */
static long main_int(const char *name)
{
    PyObject *m = PyImport_AddModule("__main__");
    PyObject *v = m ? PyDict_GetItemString(PyModule_GetDict(m), name) : NULL;
    return v ? PyLong_AsLong(v) : -1;
}

typedef struct {
    krait_context *ctx;
    int id;
    long result;
} worker_arg;

static void *worker(void *p)
{
    worker_arg *w = p;
    krait_enter(w->ctx);
    char src[512];
    snprintf(src, sizeof src,
             "import sys\n"
             "me = %d\n"
             "sys.modules['marker'] = me\n"
             "total = 0\n"
             "for i in range(200000):\n"
             "    total += i %% 7\n"
             "result = me * 1000000 + total %% 1000\n", w->id);
    int r = krait_run_string(w->ctx, src);
    w->result = r == 0 ? main_int("result") : -2;
    krait_leave(w->ctx);
    return NULL;
}

static void *blocking_worker(void *p)
{
    krait_context *ctx = p;
    krait_enter(ctx);
    /* C work that blocks: release the lock meanwhile */
    Py_BEGIN_ALLOW_THREADS
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
    Py_END_ALLOW_THREADS
    krait_run_string(ctx, "shared_counter = globals().get('shared_counter', 0) + 1\n");
    krait_leave(ctx);
    return NULL;
}

static krait_context *main_ctx_for_gil;

static void *foreign_thread(void *p)
{
    /* a thread the runtime never saw: PyGILState gives it a thread state */
    check(!PyGILState_Check(), "foreign thread starts outside any context");
    PyGILState_STATE st = PyGILState_Ensure();
    check(PyGILState_Check(), "PyGILState_Ensure binds the thread");
    PyObject *v = PyLong_FromLong(41);
    PyObject *w = PyNumber_Add(v, v);
    check(w != NULL && PyLong_AsLong(w) == 82, "C API usable from the foreign thread");
    Py_XDECREF(v);
    Py_XDECREF(w);
    PyRun_SimpleString("from_foreign = 1\n");
    PyGILState_Release(st);
    check(!PyGILState_Check(), "PyGILState_Release unbinds the thread");
    return NULL;
}

int main(void)
{
    krait_options o = krait_default_options();
    krait_context *a = krait_context_new(&o);
    krait_context *b = krait_context_new(&o);
    check(a != NULL && b != NULL && a != b, "two contexts");

    /* parallel work in two contexts */
    pthread_t t1, t2;
    worker_arg wa = {a, 1, 0}, wb = {b, 2, 0};
    pthread_create(&t1, NULL, worker, &wa);
    pthread_create(&t2, NULL, worker, &wb);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    check(wa.result / 1000000 == 1 && wb.result / 1000000 == 2, "both contexts ran their code");
    check(wa.result % 1000000 == wb.result % 1000000, "same computation, same result");

    /* independence of sys.modules and globals */
    krait_enter(a);
    krait_run_string(a, "import sys\nm = sys.modules['marker']\n");
    check(main_int("m") == 1, "context a sees its own sys.modules");
    check(main_int("me") == 1, "context a's globals");
    krait_leave(a);
    krait_enter(b);
    krait_run_string(b, "import sys\nm = sys.modules['marker']\n");
    check(main_int("m") == 2, "context b sees its own sys.modules");
    krait_leave(b);

    /* nested enter of another context restores the first */
    krait_enter(a);
    krait_enter(b);
    check(main_int("me") == 2, "inner context active");
    krait_leave(b);
    check(main_int("me") == 1, "outer context restored");
    krait_leave(a);

    /* two threads in one context, one releasing the lock while it blocks */
    pthread_t t3, t4;
    pthread_create(&t3, NULL, blocking_worker, a);
    pthread_create(&t4, NULL, blocking_worker, a);
    pthread_join(t3, NULL);
    pthread_join(t4, NULL);
    krait_enter(a);
    check(main_int("shared_counter") == 2, "two threads took turns in one context");
    krait_leave(a);

    krait_context_free(a);
    krait_context_free(b);

    /* PyGILState needs the main context of Py_Initialize */
    Py_Initialize();
    check(Py_IsInitialized(), "Py_Initialize");
    PyThreadState *save = PyEval_SaveThread();
    pthread_t t5;
    pthread_create(&t5, NULL, foreign_thread, NULL);
    pthread_join(t5, NULL);
    PyEval_RestoreThread(save);
    check(main_int("from_foreign") == 1, "the foreign thread ran in the main context");
    (void)main_ctx_for_gil;
    check(Py_FinalizeEx() == 0, "Py_FinalizeEx");
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
