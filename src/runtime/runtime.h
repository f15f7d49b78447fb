/* runtime.h (internal): entry points of the runtime area for the rest of
 * Krait, and the few functions of other areas the runtime calls (declared
 * here, with their owners, so that this area does not edit their headers).
 *
 *  - process start-up: kr_runtime_init (once, pthread_once);
 *  - contexts: kr_context_new / kr_context_free, the lock, kr_context_yield
 *    (called by the eval breaker so that waiting threads get a turn);
 *  - exceptions: kr_exc_* helpers used by the vm (except*, chaining);
 *  - the traceback printer: kr_traceback_print / kr_exception_display;
 *  - warnings: kr_warnings_add_option (the -W strings of the command);
 *  - the gc module's view of the collector. */
#ifndef KR_RUNTIME_H
#define KR_RUNTIME_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* ---- start-up, contexts, lock (lifecycle.c, context.c) ---- */
int kr_runtime_init(void);
struct kr_context *kr_context_new(const kr_options *opts);
/* Same, leaving the calling thread bound to the new context if `stay`. */
struct kr_context *kr_context_new_ex(const kr_options *opts, int stay);
/* The context PyGILState_Ensure uses (set by Py_Initialize). */
extern struct kr_context *kr_main_context;
void kr_context_free(struct kr_context *ctx);
/* Give the context's lock to a waiting thread if the switch interval
 * (5 ms) has passed; cheap when nobody waits. */
void kr_context_yield(void);
void kr_ctx_lock_take(struct kr_context *ctx);
void kr_ctx_lock_release(struct kr_context *ctx);
/* Bind ts to the calling thread and take its context's lock. */
void kr_tstate_bind(PyThreadState *ts);

/* ---- immortality (lifecycle.c) ---- */
/* Make op and everything reachable from it immortal and untracked. */
void kr_make_immortal(PyObject *op);

/* ---- the collector, for the gc module (gc.c) ---- */
kr_gc_head *kr_gc_generation_list(int gen);   /* gen 3 = permanent */
Py_ssize_t kr_gc_list_size(kr_gc_head *h);
void kr_gc_freeze(void);
void kr_gc_unfreeze(void);

/* ---- errors (errors.c) ---- */
/* Set exc (an instance, stolen) as the current exception, chaining the
 * handled exception as its __context__ as a raise statement does. */
void kr_err_set_chained(PyObject *exc);
/* The exception being handled (borrowed), or NULL. */
PyObject *kr_err_handled(void);

/* ---- exceptions (exceptions.c) ---- */
int kr_exceptions_init(void);          /* start-up: ready the static types */
/* The static exception types, for kr_runtime_init. */
extern PyTypeObject *const kr_exception_types[];
/* BaseExceptionGroup.split / subgroup for except* : 0 or -1. */
int kr_exc_group_split(PyObject *eg, PyObject *matcher, int want_rest,
                       PyObject **match, PyObject **rest);
PyObject *kr_oserror_subclass_for_errno(int err);   /* borrowed */

/* ---- the traceback printer (traceback_print.c) ---- */
/* Print exc (with its chain) as the interpreter does, to `file` (a
 * Python file object), or to C stderr if file is NULL.  0 or -1. */
int kr_exception_display(PyObject *exc, PyObject *file);
/* Source line `lineno` (1-based) of `filename`, with the newline removed
 * and leading/trailing whitespace kept; new reference or NULL (no error
 * set) when unavailable. */
PyObject *kr_source_line(PyObject *filename, int lineno);
/* Append the "Traceback ..." block of tb to buf (a list of str). */
int kr_format_tb(PyObject *tb, PyObject *lines);

/* ---- warnings (warnings.c) ---- */
int kr_warnings_init(struct kr_context *ctx);
void kr_warnings_fini(struct kr_context *ctx);
/* Add one -W option (e.g. "error", "ignore::DeprecationWarning") to the
 * current context's filters; invalid options print CPython's message. */
int kr_warnings_add_option(const char *option);
PyObject *kr_warnings_module_init(void);   /* the _warnings module */

/* ---- running code (pythonrun.c) ---- */
/* The __main__ module's dict, with __builtins__ set; borrowed or NULL. */
PyObject *kr_main_dict(void);
/* Compile and run source in globals/locals; new reference or NULL. */
PyObject *kr_run_source(const char *src, Py_ssize_t len, PyObject *filename, int start,
                        PyObject *globals, PyObject *locals, PyCompilerFlags *flags);
/* Run a file as __main__; 0, or -1 with the exception printed. */
int kr_run_main_file(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags);
/* sys.unraisablehook's default (builtins area's sysmodule calls it). */
PyObject *kr_default_unraisablehook(PyObject *args);
/* Report exc through sys.unraisablehook (err_msg, obj may be NULL). */
void kr_write_unraisable(PyObject *exc, PyObject *err_msg, PyObject *obj);

/* ---- weak references (weakrefobject.c) ---- */
PyObject *kr_weakref_module_init(void);

/* ---- provided by other areas ---- */
int kr_str_runtime_init(void);                       /* str: src/objects/str_ids.h */
int kr_hash_init(void);                              /* str: src/objects/siphash.c */
int kr_builtins_init(struct kr_context *ctx);        /* builtins: src/modules/modules.h */
int kr_sys_init(struct kr_context *ctx);             /* builtins */
void kr_types_state_fini(struct kr_context *ctx);    /* types: src/objects/types.h */
/* Optional (weak) teardown hooks of the builtins area, called by
 * kr_context_free when defined, with the context still entered, after
 * the last collection: module state, and unloading the native libraries
 * the context loaded. */
void kr_modules_state_fini(struct kr_context *ctx) __attribute__((weak));
void kr_extload_context_fini(struct kr_context *ctx) __attribute__((weak));
PyObject *kr_compile_source(const char *src, Py_ssize_t len, PyObject *filename,
                            int mode, PyCompilerFlags *flags, int optimize);  /* compiler */
int kr_code_location(PyCodeObject *co, int lasti, int *lineno, int *end_lineno,
                     int *col, int *end_col);        /* vm: src/vm/vm.h */

/* bytes (the bytes area, later): CPython's functions, declared here until
 * include/bytesobject.h has them. */
#ifndef PyBytes_Check
#define PyBytes_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyBytes_FromObject(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *);
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *);
#define PyBytes_GET_SIZE(op) PyBytes_Size(op)
#define PyBytes_AS_STRING(op) PyBytes_AsString(op)
#endif

#endif
