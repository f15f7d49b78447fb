/* runtime_state.h: the runtime area's per-context state other than the
 * allocator and the collector: the context lock, the error machinery,
 * warnings, the source-line cache of the traceback printer.  Embedded in
 * struct kr_context as `rt`.  (owned by the runtime area) */
#ifndef KR_RUNTIME_STATE_H
#define KR_RUNTIME_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdint.h>

/* A FIFO ticket lock: the context's "GIL".  Fair hand-over is what lets
 * kr_context_yield give a waiting thread its turn. */
typedef struct kr_ctx_lock {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    unsigned long next_ticket, serving;
    atomic_long waiters;           /* threads blocked in kr_ctx_lock_take */
    int64_t last_switch_ns;
} kr_ctx_lock;

struct kr_runtime_state {
    kr_ctx_lock lock;
    int64_t id;                    /* PyInterpreterState_GetID */
    uint64_t next_tstate_id;       /* PyThreadState_GetID */
    struct kr_context *next_ctx;   /* PyInterpreterState_Next (unused: contexts are independent) */
    PyObject *memerror;            /* preallocated MemoryError instance */
    PyObject *dict;                /* PyInterpreterState_GetDict */
    PyObject *linecache;           /* traceback printer: filename -> list of lines */
    /* warnings (src/runtime/warnings.c) */
    PyObject *filters;             /* list of (action, msg, cat, mod, lineno) */
    PyObject *onceregistry;        /* dict */
    PyObject *default_action;      /* str */
    long filters_version;
    int finalizing;
    pthread_t finalizer;           /* the thread tearing the context down */
    pthread_t main_thread;         /* the creator: the one that runs signal handlers */
    void (*exitfuncs[32])(void);   /* Py_AtExit, run by Py_FinalizeEx */
    int nexitfuncs;
};

#endif
