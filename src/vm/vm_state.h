/* vm_state.h: per-context and per-thread state of the interpreter loop,
 * embedded in struct kr_context and PyThreadState (runtime/context.h).
 * (owned by the vm area) */
#ifndef KR_VM_STATE_H
#define KR_VM_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include <signal.h>
#include <stdint.h>

struct kr_frame_chunk;

#define KR_VM_MAX_PENDING 32

struct kr_vm_pending_call {
    int (*func)(void *);
    void *arg;
};

/* One LOAD_GLOBAL site's cached result: valid while globals (and, when the
 * name came from builtins, builtins) still carry these version tags.
 * Version tags are unique per context, so equal tags mean an unchanged
 * dict, which still holds `value` (borrowed). */
struct kr_vm_global_cache_entry {
    uint64_t gver;
    uint64_t bver;                    /* 0: found in globals */
    PyObject *value;
};

#define KR_VM_GLOBAL_CACHE_MAX (1u << 20)

struct kr_vm_state {
    /* Set from a C signal handler, read by the loop at backward jumps and
     * calls: sig_atomic_t keeps the handler's write async-signal-safe. */
    volatile sig_atomic_t eval_breaker;
    volatile sig_atomic_t pending_signals[65];
    struct kr_vm_pending_call pending[KR_VM_MAX_PENDING];
    int npending;
    /* set by the `signal` module to run Python-level handlers; NULL means
     * SIGINT raises KeyboardInterrupt and other signals are ignored */
    int (*signal_dispatch)(int signum);
    PyObject *asyncgen_hooks_type;    /* sys.asyncgen_hooks struct sequence type, made lazily */
    /* LOAD_GLOBAL caches; a site's first cache word holds its slot (0: none) */
    struct kr_vm_global_cache_entry *gcache;
    uint32_t gcache_len, gcache_cap;
    /* LOAD_METHOD caches: borrowed method descriptors, valid while the
     * type keeps the version tag in the site's first cache word */
    PyObject **mcache;
    uint32_t mcache_len, mcache_cap;
};

struct kr_vm_tstate {
    struct kr_frame *current_frame;   /* innermost executing Python frame */
    struct kr_frame_chunk *chunk;     /* top chunk of the frame stack */
    int recursion_depth;              /* Python frames + guarded C calls */
    int recursion_headroom;           /* >0 while a RecursionError is being made */
    PyObject *asyncgen_firstiter;     /* sys.set_asyncgen_hooks(), owned or NULL */
    PyObject *asyncgen_finalizer;
    /* Tracing and profiling hooks (vm/trace.c), per thread as in CPython.
     * use_tracing is non-zero while a hook is set and no hook is running;
     * the loop switches to its tracing dispatch only then. */
    int (*c_tracefunc)(PyObject *, struct _frame *, int, PyObject *);
    int (*c_profilefunc)(PyObject *, struct _frame *, int, PyObject *);
    PyObject *c_traceobj;             /* owned, or NULL */
    PyObject *c_profileobj;           /* owned, or NULL */
    int tracing;                      /* >0 while a hook runs */
    int tracing_what;                 /* the event being reported (f_lineno's checks) */
    int use_tracing;
};

#endif
