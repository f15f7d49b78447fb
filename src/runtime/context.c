/* context.c: contexts (PyInterpreterState), thread states, and the
 * context lock.
 *
 * A thread runs Python code in a context only while it holds the
 * context's lock, with kr_tstate pointing at its thread state there.  The
 * lock is a FIFO ticket lock, so that a thread giving it up in
 * kr_context_yield (every switch interval, sys.setswitchinterval(), 5 ms
 * by default, when someone waits) really hands it over.
 * PyEval_SaveThread/RestoreThread release and retake it around blocking
 * C code.
 *
 * PyGILState_* serve native threads that call in without a thread state:
 * they get one on the process's main context.  That context is the one
 * process-wide mutable pointer of the runtime (kr_main_context, set once
 * by Py_Initialize and cleared by Py_Finalize), an exception the design
 * allows because the GILState API has no other way to find a context. */
#include "internal.h"
#include "vm/vm.h"
#include "objects/containers.h"
#include "runtime/runtime.h"
#include <time.h>
#include <sched.h>

_Thread_local PyThreadState *kr_tstate;

/* The context PyGILState_Ensure binds foreign threads to (see above). */
struct kr_context *kr_main_context;

/* A foreign thread's GILState thread state, per thread. */
static _Thread_local PyThreadState *kr_gilstate_tstate;

#define KR_SWITCH_INTERVAL_NS 5000000

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- the lock ---- */

static void lock_init(kr_ctx_lock *l)
{
    pthread_mutex_init(&l->mutex, NULL);
    pthread_cond_init(&l->cond, NULL);
    l->next_ticket = l->serving = 0;
    atomic_store(&l->waiters, 0);
    l->last_switch_ns = now_ns();
}

static void lock_destroy(kr_ctx_lock *l)
{
    pthread_cond_destroy(&l->cond);
    pthread_mutex_destroy(&l->mutex);
}

void kr_ctx_lock_take(struct kr_context *ctx)
{
    kr_ctx_lock *l = &ctx->rt.lock;
    pthread_mutex_lock(&l->mutex);
    unsigned long mine = l->next_ticket++;
    if (l->serving != mine) {
        atomic_fetch_add(&l->waiters, 1);
        /* Ask the running thread to come to kr_context_yield. */
        ctx->vm.eval_breaker = 1;
        while (l->serving != mine)
            pthread_cond_wait(&l->cond, &l->mutex);
        atomic_fetch_sub(&l->waiters, 1);
    }
    if (ctx->rt.finalizing && !pthread_equal(ctx->rt.finalizer, pthread_self())) {
        /* The context is being torn down by another thread: a thread
         * coming back to it (a daemon thread) stops here, as CPython's
         * threads do at finalisation, and never touches it again. */
        l->serving++;
        pthread_cond_broadcast(&l->cond);
        pthread_mutex_unlock(&l->mutex);
        pthread_exit(NULL);
    }
    pthread_mutex_unlock(&l->mutex);
    l->last_switch_ns = now_ns();
}

void kr_ctx_lock_release(struct kr_context *ctx)
{
    kr_ctx_lock *l = &ctx->rt.lock;
    pthread_mutex_lock(&l->mutex);
    l->serving++;
    pthread_cond_broadcast(&l->cond);
    pthread_mutex_unlock(&l->mutex);
}

/* Called by the eval loop when the eval breaker is set: hand the lock to
 * a waiting thread once this one has run for the switch interval. */
void kr_context_yield(void)
{
    PyThreadState *ts = kr_tstate;
    if (ts == NULL)
        return;
    kr_ctx_lock *l = &ts->interp->rt.lock;
    if (atomic_load_explicit(&l->waiters, memory_order_relaxed) == 0)
        return;
    /* sys.setswitchinterval's value, or the default before sys exists */
    double interval = ts->interp->mods.switch_interval;
    int64_t interval_ns = interval > 0 ? (int64_t)(interval * 1e9) : KR_SWITCH_INTERVAL_NS;
    if (now_ns() - l->last_switch_ns < interval_ns) {
        ts->interp->vm.eval_breaker = 1;   /* not yet: ask again soon */
        return;
    }
    struct kr_context *ctx = ts->interp;
    kr_tstate = NULL;
    kr_ctx_lock_release(ctx);
    kr_ctx_lock_take(ctx);   /* FIFO: the waiters go first */
    kr_tstate = ts;
    if (atomic_load_explicit(&l->waiters, memory_order_relaxed) > 0)
        ctx->vm.eval_breaker = 1;
}

/* ---- thread states ---- */

PyThreadState *PyThreadState_New(PyInterpreterState *interp)
{
    if (interp == NULL)
        return NULL;
    PyThreadState *ts = calloc(1, sizeof(PyThreadState));
    if (ts == NULL)
        return NULL;
    ts->interp = interp;
    ts->thread_id = pthread_self();
    ts->exc_info = &ts->exc_state;
    ts->recursion_remaining = interp->recursion_limit;
    pthread_mutex_lock(&interp->lock);
    ts->id = ++interp->rt.next_tstate_id;
    ts->next = interp->threads;
    if (ts->next)
        ts->next->prev = ts;
    interp->threads = ts;
    pthread_mutex_unlock(&interp->lock);
    return ts;
}

/* Clear everything the thread state owns that is a Python object. */
void PyThreadState_Clear(PyThreadState *ts)
{
    kr_vm_tstate_clear(ts);
    Py_CLEAR(ts->curexc);
    Py_CLEAR(ts->exc_state.exc_value);
    Py_CLEAR(ts->dict);
}

static void tstate_unlink(PyThreadState *ts)
{
    struct kr_context *c = ts->interp;
    pthread_mutex_lock(&c->lock);
    if (ts->prev)
        ts->prev->next = ts->next;
    else
        c->threads = ts->next;
    if (ts->next)
        ts->next->prev = ts->prev;
    pthread_mutex_unlock(&c->lock);
}

void PyThreadState_Delete(PyThreadState *ts)
{
    if (ts == NULL)
        return;
    if (ts == kr_tstate)
        Py_FatalError("PyThreadState_Delete: tstate is still current");
    tstate_unlink(ts);
    if (kr_gilstate_tstate == ts)
        kr_gilstate_tstate = NULL;
    free(ts);
}

/* Ends the calling thread's use of its current thread state ts: clears
 * it, and takes it off the context's list while the context lock is
 * still held, so that a thread that takes the lock next (say, one freeing
 * the context, which picks any listed thread state to run on) never sees
 * it; then releases the lock and frees it. */
static void tstate_delete_current(PyThreadState *ts)
{
    struct kr_context *c = ts->interp;
    PyThreadState_Clear(ts);
    tstate_unlink(ts);
    if (kr_gilstate_tstate == ts)
        kr_gilstate_tstate = NULL;
    kr_tstate = NULL;
    kr_ctx_lock_release(c);
    free(ts);
}

void PyThreadState_DeleteCurrent(void)
{
    PyThreadState *ts = kr_tstate;
    if (ts == NULL)
        Py_FatalError("PyThreadState_DeleteCurrent: no current tstate");
    tstate_delete_current(ts);
}

PyThreadState *_PyThreadState_UncheckedGet(void) { return kr_tstate; }

PyThreadState *PyThreadState_Get(void)
{
    if (kr_tstate == NULL)
        Py_FatalError("the function must be called with the GIL held, but the GIL is released (the current Python thread state is NULL)");
    return kr_tstate;
}

/* Swap without touching the lock: the caller manages it (CPython's
 * contract for PyThreadState_Swap with one lock per interpreter). */
PyThreadState *PyThreadState_Swap(PyThreadState *ts)
{
    PyThreadState *old = kr_tstate;
    kr_tstate = ts;
    return old;
}

PyObject *PyThreadState_GetDict(void)
{
    PyThreadState *ts = kr_tstate;
    if (ts == NULL)
        return NULL;
    if (ts->dict == NULL) {
        ts->dict = PyDict_New();
        if (ts->dict == NULL)
            PyErr_Clear();
    }
    return ts->dict;
}

int PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc) { return 0; }

PyInterpreterState *PyThreadState_GetInterpreter(PyThreadState *ts) { return ts->interp; }

uint64_t PyThreadState_GetID(PyThreadState *ts) { return ts->id; }

PyFrameObject *PyThreadState_GetFrame(PyThreadState *ts)
{
    if (ts != kr_tstate)
        return NULL;
    PyFrameObject *f = PyEval_GetFrame();
    Py_XINCREF(f);
    return f;
}

PyInterpreterState *PyInterpreterState_Get(void)
{
    PyThreadState *ts = PyThreadState_Get();
    return ts->interp;
}

PyInterpreterState *PyInterpreterState_Main(void) { return kr_main_context; }
PyInterpreterState *PyInterpreterState_Head(void) { return kr_main_context; }
PyInterpreterState *PyInterpreterState_Next(PyInterpreterState *c) { return NULL; }
PyThreadState *PyInterpreterState_ThreadHead(PyInterpreterState *c) { return c->threads; }
PyThreadState *PyThreadState_Next(PyThreadState *ts) { return ts->next; }
int64_t PyInterpreterState_GetID(PyInterpreterState *c) { return c->rt.id; }

PyObject *PyInterpreterState_GetDict(PyInterpreterState *c)
{
    if (c->rt.dict == NULL) {
        c->rt.dict = PyDict_New();
        if (c->rt.dict == NULL)
            PyErr_Clear();
    }
    return c->rt.dict;
}

/* ---- binding a thread to a context ---- */

void kr_tstate_bind(PyThreadState *ts)
{
    kr_ctx_lock_take(ts->interp);
    kr_tstate = ts;
}

PyThreadState *PyEval_SaveThread(void)
{
    PyThreadState *ts = kr_tstate;
    if (ts == NULL)
        Py_FatalError("PyEval_SaveThread: the function must be called with the GIL held");
    kr_tstate = NULL;
    kr_ctx_lock_release(ts->interp);
    return ts;
}

void PyEval_RestoreThread(PyThreadState *ts)
{
    if (ts == NULL)
        Py_FatalError("PyEval_RestoreThread: NULL tstate");
    kr_tstate_bind(ts);
}

void PyEval_AcquireThread(PyThreadState *ts) { PyEval_RestoreThread(ts); }

void PyEval_ReleaseThread(PyThreadState *ts)
{
    if (kr_tstate != ts)
        Py_FatalError("PyEval_ReleaseThread: wrong thread state");
    PyEval_SaveThread();
}

void PyEval_InitThreads(void) { }
int PyEval_ThreadsInitialized(void) { return 1; }

void PyEval_AcquireLock(void)
{
    PyThreadState *ts = kr_gilstate_tstate;
    if (ts != NULL)
        kr_ctx_lock_take(ts->interp);
}

void PyEval_ReleaseLock(void)
{
    PyThreadState *ts = kr_tstate ? kr_tstate : kr_gilstate_tstate;
    if (ts != NULL)
        kr_ctx_lock_release(ts->interp);
}

/* ---- PyGILState ---- */

PyGILState_STATE PyGILState_Ensure(void)
{
    PyThreadState *ts = kr_tstate;
    if (ts != NULL) {
        ts->gilstate_counter++;
        return PyGILState_LOCKED;
    }
    ts = kr_gilstate_tstate;
    if (ts == NULL) {
        if (kr_main_context == NULL)
            Py_FatalError("PyGILState_Ensure: no main context (Py_Initialize was not called)");
        ts = PyThreadState_New(kr_main_context);
        if (ts == NULL)
            Py_FatalError("PyGILState_Ensure: out of memory");
        kr_gilstate_tstate = ts;
        ts->gilstate_counter = 0;
    }
    kr_tstate_bind(ts);
    ts->gilstate_counter++;
    return PyGILState_UNLOCKED;
}

void PyGILState_Release(PyGILState_STATE old)
{
    PyThreadState *ts = kr_tstate;
    if (ts == NULL)
        Py_FatalError("PyGILState_Release: thread state must be current when releasing");
    ts->gilstate_counter--;
    if (old == PyGILState_UNLOCKED) {
        if (ts->gilstate_counter == 0 && ts == kr_gilstate_tstate) {
            /* The thread's last use: its thread state goes away. */
            tstate_delete_current(ts);
        }
        else {
            PyEval_SaveThread();
        }
    }
}

PyThreadState *PyGILState_GetThisThreadState(void)
{
    return kr_tstate ? kr_tstate : kr_gilstate_tstate;
}

int PyGILState_Check(void) { return kr_tstate != NULL; }

/* ---- contexts ---- */

/* Create a context, with the calling thread left bound to it (a fresh
 * thread state, lock held) when `stay` is set. */
struct kr_context *kr_context_new_ex(const kr_options *opts, int stay)
{
    if (kr_runtime_init() < 0)
        return NULL;
    struct kr_context *c = calloc(1, sizeof(struct kr_context));
    if (c == NULL)
        return NULL;
    if (opts)
        c->options = *opts;
    pthread_mutex_init(&c->lock, NULL);
    lock_init(&c->rt.lock);
    kr_alloc_init(&c->alloc);
    kr_gc_init(&c->gc);
    c->recursion_limit = 1000;
    c->int_max_str_digits = 4300;
    c->rt.id = (int64_t)(((uintptr_t)c) >> 4);
    c->rt.main_thread = pthread_self();

    PyThreadState *ts = PyThreadState_New(c);
    if (ts == NULL) {
        kr_alloc_fini(&c->alloc);
        free(c);
        return NULL;
    }
    PyThreadState *prev = kr_tstate;
    if (prev != NULL)
        PyEval_SaveThread();
    kr_tstate_bind(ts);

    c->rt.memerror = PyObject_CallNoArgs(PyExc_MemoryError);
    c->modules = PyDict_New();   /* sys.modules, filled by the hooks below */
    if (c->rt.memerror == NULL || c->modules == NULL ||
        kr_warnings_init(c) < 0 ||
        kr_builtins_init(c) < 0 ||
        kr_sys_init(c) < 0) {
        if (PyErr_Occurred())
            PyErr_Print();
        fputs("krait: could not initialise a context\n", stderr);
        kr_tstate = NULL;
        kr_ctx_lock_release(c);
        if (prev)
            PyEval_RestoreThread(prev);
        /* A half-built context is not worth tearing down piece by piece:
         * its memory is released with its arenas. */
        kr_alloc_fini(&c->alloc);
        free(ts);
        free(c);
        return NULL;
    }
    if (c->options.warnoptions) {
        for (const char *const *w = c->options.warnoptions; *w; w++)
            kr_warnings_add_option(*w);
    }
    if (!stay) {
        PyEval_SaveThread();
        if (prev)
            PyEval_RestoreThread(prev);
    }
    return c;
}

struct kr_context *kr_context_new(const kr_options *opts)
{
    return kr_context_new_ex(opts, 0);
}

/* Destroy a context: the calling thread must not be in it (it enters it
 * to run the finalisation, then leaves). */
void kr_context_free(struct kr_context *c)
{
    if (c == NULL)
        return;
    PyThreadState *prev = kr_tstate;
    /* A binding to another context is restored at the end; one to c
     * dies with it. */
    int restore = prev != NULL && prev->interp != c;
    if (restore)
        PyEval_SaveThread();
    PyThreadState *ts = (prev != NULL && prev->interp == c) ? prev : NULL;
    if (ts == NULL) {
        /* Any idle thread state will do to run the teardown; never one a
         * thread started by _thread runs on, which that thread may be
         * about to free (it unlinks it under the context lock, which is
         * why the list is read with the lock held). */
        kr_ctx_lock_take(c);
        ts = c->threads;
        while (ts != NULL && ts->thread_owned)
            ts = ts->next;
        kr_ctx_lock_release(c);
        if (ts == NULL)
            ts = PyThreadState_New(c);
        kr_tstate_bind(ts);
    }
    c->rt.finalizer = pthread_self();
    c->rt.finalizing = 1;
    PyErr_Clear();
    /* Buffered output must not be lost with the context. */
    static const char *const streams[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(streams[i]);
        if (f != NULL && f != Py_None) {
            PyObject *r = PyObject_CallMethod(f, "flush", NULL);
            Py_XDECREF(r);
            PyErr_Clear();
        }
    }
    /* Break the module graph so that objects with __del__ see it run. */
    if (c->modules != NULL && PyDict_Check(c->modules))
        PyDict_Clear(c->modules);
    kr_gc_collect(KR_GC_NGEN - 1, "shutdown");
    PyErr_Clear();
    Py_CLEAR(c->modules);
    Py_CLEAR(c->sysdict);
    Py_CLEAR(c->builtins);
    Py_CLEAR(c->importlib);
    kr_warnings_fini(c);
    Py_CLEAR(c->rt.memerror);
    Py_CLEAR(c->rt.dict);
    Py_CLEAR(c->rt.linecache);
    for (PyThreadState *t = c->threads; t != NULL; t = t->next)
        PyThreadState_Clear(t);
    /* With the roots gone, the rest is cycles: collect them so that
     * memory that came from malloc (large blocks) is given back too. */
    kr_gc_collect(KR_GC_NGEN - 1, "shutdown");
    PyErr_Clear();
    /* the other areas' per-context state */
    kr_types_state_fini(c);
    kr_numbers_state_fini(&c->numbers);
    kr_vm_context_clear(c);
    kr_str_state_clear(&c->str);
    kr_containers_clear_freelists();
    kr_gc_collect(KR_GC_NGEN - 1, "shutdown");
    PyErr_Clear();
    /* Optional teardown hooks of the builtins area (weak: called when
     * defined): its per-context state, and the native libraries the
     * context loaded (so that a later context gets fresh C globals). */
    if (kr_modules_state_fini)
        kr_modules_state_fini(c);
    if (kr_extload_context_fini)
        kr_extload_context_fini(c);
    PyErr_Clear();
    kr_gc_fini(&c->gc);
    kr_tstate = NULL;
    kr_ctx_lock_release(c);
    /* Threads still alive in the context (daemon threads, threads
     * blocked in C code) stop when they next take its lock, but may still
     * hold its lock, thread states and objects until then: the context's
     * memory is left to them rather than freed under them. */
    for (PyThreadState *t = c->threads; t != NULL; t = t->next) {
        if (t != ts) {
            if (kr_main_context == c)
                kr_main_context = NULL;
            if (restore)
                PyEval_RestoreThread(prev);
            return;
        }
    }
    /* Everything allocated in the context dies with its arenas. */
    while (c->threads != NULL) {
        PyThreadState *t = c->threads;
        c->threads = t->next;
        if (kr_gilstate_tstate == t)
            kr_gilstate_tstate = NULL;
        free(t);
    }
    kr_alloc_fini(&c->alloc);
    lock_destroy(&c->rt.lock);
    pthread_mutex_destroy(&c->lock);
    if (kr_main_context == c)
        kr_main_context = NULL;
    free(c);
    if (restore)
        PyEval_RestoreThread(prev);
}

PyInterpreterState *PyInterpreterState_New(void)
{
    return kr_context_new(NULL);
}

void PyInterpreterState_Clear(PyInterpreterState *c) { }

void PyInterpreterState_Delete(PyInterpreterState *c) { kr_context_free(c); }
