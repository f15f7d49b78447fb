/* embed.c: the embedding API of include/krait.h, over the runtime's
 * contexts (src/runtime/context.c).
 *
 * krait_enter binds the calling thread to a context: it finds (or makes)
 * the thread's thread state in that context and takes the context's lock.
 * A thread state is owned by its thread; entering the same context again
 * from the same thread reuses it.  krait_leave releases the lock and
 * restores whatever binding the thread had before. */
#include "internal.h"
#include "krait.h"
#include "runtime/runtime.h"

krait_options krait_default_options(void)
{
    krait_options o;
    memset(&o, 0, sizeof(o));
    o.allow_native_access = 1;
    o.allow_io = 1;
    o.allow_processes = 1;
    o.allow_threads = 1;
    o.allow_environment = 1;
    return o;
}

static void options_from(kr_options *o, const krait_options *src)
{
    memset(o, 0, sizeof(*o));
    o->allow_native_access = src->allow_native_access;
    o->allow_io = src->allow_io;
    o->allow_processes = src->allow_processes;
    o->allow_threads = src->allow_threads;
    o->allow_environment = src->allow_environment;
    o->isolate_native_modules = src->isolate_native_modules;
    o->isolated = src->isolated;
    o->ignore_environment = src->ignore_environment;
    o->no_site = src->no_site;
    o->dont_write_bytecode = src->dont_write_bytecode;
    o->unbuffered = src->unbuffered;
    o->inspect = src->inspect;
    o->verbose = src->verbose;
    o->optimize = src->optimize;
    o->quiet = src->quiet;
    o->warnoptions = src->warnoptions;
}

krait_context *krait_context_new(const krait_options *options)
{
    kr_options o;
    krait_options d = krait_default_options();
    options_from(&o, options ? options : &d);
    return kr_context_new(&o);
}

void krait_context_free(krait_context *ctx)
{
    kr_context_free(ctx);
}

/* The calling thread's thread state in ctx, created on first use. */
static PyThreadState *thread_state_for(krait_context *ctx)
{
    pthread_t self = pthread_self();
    pthread_mutex_lock(&ctx->lock);
    PyThreadState *ts = ctx->threads;
    while (ts != NULL && !(pthread_equal(ts->thread_id, self) && ts->entered == 0 &&
                           ts != PyGILState_GetThisThreadState()))
        ts = ts->next;
    pthread_mutex_unlock(&ctx->lock);
    if (ts == NULL)
        ts = PyThreadState_New(ctx);
    return ts;
}

int krait_enter(krait_context *ctx)
{
    if (ctx == NULL)
        return -1;
    PyThreadState *prev = kr_tstate_get();
    if (prev != NULL && prev->interp == ctx) {
        prev->entered++;   /* already inside: nested enter */
        return 0;
    }
    PyThreadState *ts = thread_state_for(ctx);
    if (ts == NULL)
        return -1;
    if (prev != NULL)
        PyEval_SaveThread();
    ts->saved_prev = prev;
    ts->entered = 1;
    kr_tstate_bind(ts);
    return 0;
}

void krait_leave(krait_context *ctx)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || ts->interp != ctx)
        return;
    if (--ts->entered > 0)
        return;
    PyThreadState *prev = ts->saved_prev;
    ts->saved_prev = NULL;
    PyEval_SaveThread();
    if (prev != NULL)
        PyEval_RestoreThread(prev);
}

int krait_run_string(krait_context *ctx, const char *source)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || ts->interp != ctx)
        return -1;
    return PyRun_SimpleStringFlags(source, NULL);
}

int krait_run_file(krait_context *ctx, const char *path)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || ts->interp != ctx)
        return -1;
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
        PyErr_Print();
        return -1;
    }
    return kr_run_main_file(fp, path, 1, NULL);
}
