/* vm.h (internal): what the rest of the runtime calls in the vm area,
 * and what the vm's own files share.
 *
 * Entry points for other areas:
 *  - kr_code_location: source span of one instruction (traceback printing);
 *  - kr_eval_class_body: run a class body with `ns` as its locals
 *    (builtins.__build_class__);
 *  - kr_signal_pending: called from a C signal handler; the loop turns it
 *    into a call of the Python-level handler (or KeyboardInterrupt). */
#ifndef KR_VM_H
#define KR_VM_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "frameobject.h"
#include "vm/frame.h"

/* Fills the 1-based line and 0-based column span of instruction word
 * `lasti` of `co`; unknown parts are -1.  Returns 0, or -1 if lasti is
 * out of range (then all four are -1). */
int kr_code_location(PyCodeObject *co, int lasti, int *lineno, int *end_lineno,
                     int *col, int *end_col);

/* New reference: the result of running class-body function `func` with
 * `ns` (any mapping) as its local namespace; NULL on error. */
PyObject *kr_eval_class_body(PyObject *func, PyObject *ns);

/* Async-signal-safe: note that `signum` arrived, for the context of the
 * calling thread (or `ctx` if given). */
void kr_signal_pending(int signum);
void kr_signal_pending_ctx(struct kr_context *ctx, int signum);
/* Hook the `signal` module installs to run Python handlers: called by the
 * loop, with the lock held, for each pending signal.  0 or -1. */
typedef int (*kr_signal_dispatch_fn)(int signum);

/* sys.get_asyncgen_hooks(): new reference to the asyncgen_hooks struct
 * sequence of this thread.  sys.set_asyncgen_hooks(firstiter, finalizer):
 * NULL means "not given" (unchanged); returns None (new reference). */
PyObject *kr_asyncgen_get_hooks(void);
PyObject *kr_asyncgen_set_hooks(PyObject *firstiter, PyObject *finalizer);
/* Drops the per-thread references of the vm (call when a thread state
 * is deleted). */
void kr_vm_tstate_clear(PyThreadState *ts);
/* Frees the vm's per-context caches (call when a context is finalised). */
void kr_vm_context_clear(struct kr_context *ctx);

/* ---- shared between the vm's own files ---- */

/* Runs `f` (already pushed and filled) until it returns or raises; new
 * reference or NULL.  `throwflag` starts by unwinding the exception in
 * the thread state (generator.throw). */
PyObject *kr_eval_frame(PyThreadState *ts, kr_frame *f, int throwflag);

/* Binds vectorcall-style arguments into the fresh frame `f` of `func`
 * (references are added, the arguments stay the caller's).  0 or -1. */
int kr_bind_args(PyThreadState *ts, kr_frame *f, PyFunctionObject *func,
                 PyObject *const *args, Py_ssize_t argcount, PyObject *kwnames);

/* Makes a generator/coroutine/async generator owning a heap copy of `f`
 * (which is then left empty); new reference. */
PyObject *kr_gen_from_frame(PyThreadState *ts, kr_frame *f);
/* The object a suspended generator frame is delegating to (yield from /
 * await), borrowed, or NULL. */
PyObject *kr_gen_yf_of_frame(kr_frame *f);

/* One level deeper: 0, or -1 with RecursionError (its message ending in
 * `where`) once the context's limit is passed.  The common case is
 * inline; kr_recursion_exceeded decides the rest. */
int kr_recursion_exceeded(PyThreadState *ts, int depth, const char *where);
static inline int kr_recursion_enter(PyThreadState *ts, const char *where)
{
    int depth = ++ts->vm.recursion_depth;
    if (_Py_likely(depth <= ts->interp->recursion_limit))
        return 0;
    return kr_recursion_exceeded(ts, depth, where);
}
static inline void kr_recursion_leave(PyThreadState *ts) { ts->vm.recursion_depth--; }

/* Adds a traceback entry for frame `f` to the current exception. */
int kr_traceback_add(PyThreadState *ts, kr_frame *f);

/* Runs the pending signal handlers and calls; 0 or -1. */
int kr_handle_eval_breaker(PyThreadState *ts);

/* helpers of the loop (ceval_helpers.c); all follow CPython 3.11 */
PyObject *kr_ceval_import_name(PyThreadState *ts, kr_frame *f, PyObject *name,
                               PyObject *fromlist, PyObject *level);
PyObject *kr_ceval_import_from(PyObject *v, PyObject *name);
int kr_ceval_import_star(PyThreadState *ts, kr_frame *f, PyObject *from);
PyObject *kr_ceval_match_class(PyObject *subject, PyObject *type, Py_ssize_t nargs,
                               PyObject *kwargs);
PyObject *kr_ceval_match_keys(PyObject *subject, PyObject *keys);
int kr_ceval_do_raise(PyThreadState *ts, PyObject *exc, PyObject *cause);
int kr_ceval_unpack(PyObject *v, int argcnt, int argcntafter, PyObject **sp);
int kr_ceval_eg_match(PyObject *exc_value, PyObject *match_type,
                      PyObject **match, PyObject **rest);
PyObject *kr_ceval_prep_reraise_star(PyObject *orig, PyObject *excs);
int kr_ceval_check_except_type(PyObject *right);
int kr_ceval_check_except_star_type(PyObject *right);
PyObject *kr_ceval_get_awaitable(PyObject *iterable, int oparg);
PyObject *kr_ceval_call_ex(PyObject *func, PyObject *callargs, PyObject *kwargs);
int kr_ceval_dict_merge(PyObject *func, PyObject *dict, PyObject *update);
int kr_ceval_list_extend(PyObject *list, PyObject *iterable);
void kr_ceval_name_error(PyThreadState *ts, PyObject *exc_type, const char *fmt,
                         PyObject *name);
void kr_ceval_unbound_local(PyThreadState *ts, PyCodeObject *co, int idx);
PyObject *kr_ceval_format_value(PyObject *value, int flags, PyObject *spec);
PyObject *kr_ceval_aiter(PyObject *obj);
PyObject *kr_ceval_anext(PyObject *aiter);
PyObject *kr_ceval_before_with(PyObject *mgr, int is_async, PyObject **exit_out);
int kr_ceval_setup_annotations(kr_frame *f);
int kr_ceval_print_expr(PyObject *v);
PyObject *kr_ceval_load_build_class(kr_frame *f);
PyObject *kr_ceval_make_function(PyThreadState *ts, PyObject *code, PyObject *globals);

#endif
