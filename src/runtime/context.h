/* context.h: the context (krait_context, alias PyInterpreterState) and the
 * per-thread state (PyThreadState).
 *
 * Invariants (design, section 4):
 *  - All mutable runtime state lives in a kr_context or a PyThreadState.
 *    Process-wide data is immutable after kr_runtime_init() and immortal.
 *  - The current thread state is a thread-local pointer (kr_tstate), set
 *    while a thread holds a context's lock.  The C API has no context
 *    argument; it finds everything from here.
 *  - Each subsystem keeps its per-context state in its own struct, declared
 *    in its own header and embedded below, so a subsystem never needs to
 *    edit this file to add a field. */
#ifndef KR_CONTEXT_H
#define KR_CONTEXT_H

#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include <pthread.h>
#include "runtime/alloc.h"
#include "runtime/gc.h"
#include "runtime/runtime_state.h"
#include <signal.h>
#include "objects/numbers_state.h"
#include "objects/str_state.h"
#include "objects/containers_state.h"
#include "objects/types_state.h"
#include "vm/vm_state.h"
#include "modules/modules_state.h"

/* Options chosen by the embedder when it creates a context (krait.h). */
typedef struct kr_options {
    int allow_native_access;
    int allow_io;              /* file system */
    int allow_processes;
    int allow_threads;
    int allow_environment;
    int isolate_native_modules;
    int isolated;              /* -I */
    int ignore_environment;    /* -E */
    int no_site;               /* -S */
    int dont_write_bytecode;   /* -B */
    int unbuffered;            /* -u */
    int inspect;               /* -i */
    int verbose;
    int optimize;
    int quiet;
    const char *const *warnoptions;   /* -W strings, NULL-terminated, or NULL */
} kr_options;

struct kr_context {
    kr_options options;
    pthread_mutex_t lock;          /* guards `threads` (the "GIL" is rt.lock) */
    PyThreadState *threads;        /* all thread states of this context */

    kr_alloc_state alloc;          /* small-object allocator (runtime/alloc.h) */
    kr_gc_state gc;                /* cycle collector (runtime/gc.h) */
    struct kr_runtime_state rt;    /* lock, errors, warnings (runtime/runtime_state.h) */

    PyObject *modules;             /* sys.modules (dict) */
    PyObject *sysdict;             /* sys.__dict__ */
    PyObject *builtins;            /* builtins.__dict__ */
    PyObject *importlib;           /* importlib._bootstrap, once loaded */

    int recursion_limit;           /* sys.getrecursionlimit() */
    int int_max_str_digits;        /* sys.set_int_max_str_digits() */

    struct kr_numbers_state numbers;
    struct kr_str_state str;
    struct kr_containers_state containers;
    struct kr_types_state types;
    struct kr_vm_state vm;
    struct kr_modules_state mods;
};

/* The error indicator holds one normalised exception instance (or NULL);
 * PyErr_Fetch derives (type, value, traceback) from it. */
typedef struct _err_stackitem {
    PyObject *exc_value;           /* the exception being handled, or NULL/None */
    struct _err_stackitem *previous_item;
} _PyErr_StackItem;

struct _ts {
    struct _ts *prev, *next;
    struct kr_context *interp;     /* the context this thread state belongs to */
    pthread_t thread_id;

    PyObject *curexc;              /* the raised exception (owned), or NULL */
    _PyErr_StackItem *exc_info;    /* top of the handled-exception stack (sys.exc_info) */
    _PyErr_StackItem exc_state;    /* bottom item, owned by the thread state */

    int recursion_remaining;       /* counts down; RecursionError at 0 */
    int recursion_headroom;        /* extra depth granted while raising RecursionError */
    int trash_depth;               /* Py_TRASHCAN nesting */
    void *trash_delete_later;      /* queue of deferred deallocations (dealloc.c) */
    PyObject *dict;                /* PyThreadState_GetDict() */
    int gilstate_counter;

    struct kr_vm_tstate vm;        /* frame stack etc. (vm/vm_state.h) */

    uint64_t id;                   /* PyThreadState_GetID */
    int entered;                   /* krait_enter nesting on this thread state */
    uint8_t thread_owned;          /* a thread started by _thread runs on it until
                                    * that thread ends (never borrowed) */
    PyThreadState *saved_prev;     /* binding restored by krait_leave */
};

/* The current thread state; NULL when this thread is in no context
 * (process start-up, or between PyEval_SaveThread/RestoreThread).
 * Read with the initial-exec TLS model: compiled with -fPIC, the default
 * model goes through a __tls_get_addr call (which the linker relaxes in
 * the executable, but not before the compiler has saved registers around
 * it), and every allocation and call reads this.  Initial-exec assumes
 * libkrait is loaded with the program or finds room in the static TLS
 * block, which glibc keeps for small dlopen'ed libraries. */
#if defined(__GNUC__) && defined(__ELF__)
extern _Thread_local PyThreadState *kr_tstate __attribute__((tls_model("initial-exec")));
#else
extern _Thread_local PyThreadState *kr_tstate;
#endif

static inline PyThreadState *kr_tstate_get(void) { return kr_tstate; }
static inline struct kr_context *kr_context_get(void) {
    return kr_tstate ? kr_tstate->interp : NULL;
}

#endif
