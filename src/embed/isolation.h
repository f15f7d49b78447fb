/* isolation.h: which copy of a native module's library a context uses
 * (design, section 5; docs/isolation.md).
 *
 * runtime/extload.c asks kr_isolation_acquire for the library to call
 * PyInit_NAME from, calls it, and tells kr_isolation_settle what the call
 * returned.  The registry behind these calls is process-wide, like the
 * dynamic loader it mirrors, and guarded by its own mutex. */
#ifndef KR_ISOLATION_H
#define KR_ISOLATION_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

struct kr_context;
struct kr_iso_lib;

/* What PyInit_NAME of a library gave. */
typedef enum {
    KR_ISO_UNKNOWN = 0,    /* not known yet (or its init failed) */
    KR_ISO_SINGLE,         /* a module: single-phase, keeps C globals */
    KR_ISO_MULTI,          /* a PyModuleDef: multi-phase (PEP 489) */
} kr_iso_kind;

/* One use of a library by a context, from acquire to settle. */
typedef struct kr_iso_load {
    void *handle;              /* dlopen handle to look PyInit_NAME up in */
    struct kr_iso_lib *lib;    /* registry entry (opaque) */
    int deciding;              /* this call's PyInit decides the library's kind */
    int private_copy;          /* handle is a private copy for this context */
} kr_iso_load;

/* Finds or loads the library at `path` for the current context, applying
 * the policy: multi-phase libraries are shared; a single-phase library
 * belongs to the first context that imports it, and another context gets
 * a private copy (isolate_native_modules on) or an ImportError naming
 * `name` (off).  0 on success (then kr_isolation_settle must follow);
 * -1 with ImportError set.  May release the context lock while another
 * thread runs the library's PyInit. */
int kr_isolation_acquire(PyObject *name, const char *path, kr_iso_load *load);

/* Records what PyInit returned: KR_ISO_SINGLE, KR_ISO_MULTI, or
 * KR_ISO_UNKNOWN when it failed (or was never called). */
void kr_isolation_settle(kr_iso_load *load, kr_iso_kind kind);

/* Releases every claim `ctx` holds: single-phase libraries it used are
 * unloaded where the loader allows (so the next context starts from fresh
 * C globals) or left for a later context to take over, and its private
 * copies are closed.  Called through kr_extload_context_fini
 * (runtime/extload.c), the hook kr_context_free runs after the context's
 * last collection (no code of those libraries may run after this).  Safe
 * to call for a context that never loaded a native module. */
void kr_isolation_context_closed(struct kr_context *ctx);

#endif
