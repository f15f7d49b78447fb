/* modules_state.h: per-context state of the builtins area (sys, builtins,
 * import), embedded in struct kr_context (runtime/context.h). */
#ifndef KR_MODULES_STATE_H
#define KR_MODULES_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

struct kr_modules_state {
    PyObject *audit_hooks;       /* list of sys.addaudithook hooks, or NULL */
    PyObject *trace_func;        /* sys.settrace, or NULL */
    PyObject *profile_func;      /* sys.setprofile, or NULL */
    double switch_interval;      /* sys.getswitchinterval() */
    int dlopen_flags;            /* sys.getdlopenflags() */
    int coro_origin_depth;       /* sys.get_coroutine_origin_tracking_depth() */
    int finalizing;              /* sys.is_finalizing() */
    int import_depth;            /* nesting of imports in progress */
    PyObject *modules_by_def;    /* PyState_FindModule: {id(def): module} */
};

#endif
