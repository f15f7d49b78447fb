/* lifecycle.c: process start-up and the Py_Initialize family.
 *
 * kr_runtime_init runs once per process (pthread_once): it seeds the hash
 * secret, creates the str area's immortal strings, readies every static
 * type of the table in static_types.c, and then makes immortal every
 * object reachable from those types (their dicts, MROs, descriptors,
 * docstrings...), so that no context ever writes to them.
 *
 * Py_Initialize creates the main context and binds the calling thread to
 * it; Py_FinalizeEx destroys it. */
#include "internal.h"
#include "objects/bytes_internal.h"
#include "runtime/runtime.h"
#include "runtime/exceptions.h"
#include <sys/utsname.h>

#if defined(__clang__)
#  define KR_COMPILER "Clang " __clang_version__
#elif defined(__GNUC__)
#  define KR_COMPILER "GCC " __VERSION__
#else
#  define KR_COMPILER "unknown compiler"
#endif

extern PyTypeObject *const kr_static_types[];
extern const size_t kr_static_types_count;
extern int (*const kr_static_type_hooks[])(void);

/* ---- immortality ---- */

typedef struct {
    PyObject **v;
    size_t n, cap;
    int failed;
} kr_objstack;

static void push(kr_objstack *s, PyObject *op)
{
    if (op == NULL || s->failed)
        return;
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 1024;
        PyObject **nv = realloc(s->v, ncap * sizeof(PyObject *));
        if (nv == NULL) {
            s->failed = 1;
            return;
        }
        s->v = nv;
        s->cap = ncap;
    }
    s->v[s->n++] = op;
}

static int visit_push(PyObject *op, void *arg)
{
    push(arg, op);
    return 0;
}

/* Descriptors keep their name outside what tp_traverse reports. */
static int is_descriptor(PyObject *op)
{
    PyTypeObject *t = Py_TYPE(op);
    return t == &PyMethodDescr_Type || t == &PyClassMethodDescr_Type ||
           t == &PyMemberDescr_Type || t == &PyGetSetDescr_Type || t == &PyWrapperDescr_Type;
}

/* Types already walked: static types are immortal from the start, so
 * immortality cannot tell whether their contents were seen. */
typedef struct {
    PyTypeObject **v;
    size_t n, cap;
} kr_typeset;

static int typeset_add(kr_typeset *ts, PyTypeObject *t)
{
    for (size_t i = 0; i < ts->n; i++)
        if (ts->v[i] == t)
            return 0;
    if (ts->n == ts->cap) {
        size_t ncap = ts->cap ? ts->cap * 2 : 256;
        PyTypeObject **nv = realloc(ts->v, ncap * sizeof(*nv));
        if (nv == NULL)
            return 0;
        ts->v = nv;
        ts->cap = ncap;
    }
    ts->v[ts->n++] = t;
    return 1;
}

static void immortalize_all(kr_objstack *s)
{
    kr_typeset seen = {NULL, 0, 0};
    while (s->n > 0) {
        PyObject *op = s->v[--s->n];
        if (PyType_Check(op)) {
            PyTypeObject *t = (PyTypeObject *)op;
            if (!typeset_add(&seen, t))
                continue;
            if (!_Py_IsImmortal(op)) {
                kr_gc_untrack_raw(op);
                Py_SET_REFCNT(op, _Py_IMMORTAL_REFCNT);
            }
            push(s, t->tp_dict);
            push(s, t->tp_mro);
            push(s, t->tp_bases);
            push(s, (PyObject *)t->tp_base);
            push(s, t->tp_cache);
            push(s, (PyObject *)Py_TYPE(op));
            continue;
        }
        if (_Py_IsImmortal(op))
            continue;
        kr_gc_untrack_raw(op);
        Py_SET_REFCNT(op, _Py_IMMORTAL_REFCNT);
        push(s, (PyObject *)Py_TYPE(op));
        if (PyDict_Check(op)) {
            /* A dict of str keys need not report its keys to the GC. */
            Py_ssize_t pos = 0;
            PyObject *k, *v;
            while (PyDict_Next(op, &pos, &k, &v)) {
                push(s, k);
                push(s, v);
            }
            continue;
        }
        if (is_descriptor(op)) {
            PyDescrObject *d = (PyDescrObject *)op;
            push(s, (PyObject *)d->d_type);
            push(s, d->d_name);
            push(s, d->d_qualname);
        }
        traverseproc trav = Py_TYPE(op)->tp_traverse;
        if (trav != NULL && PyType_IS_GC(Py_TYPE(op)))
            trav(op, visit_push, s);
    }
    free(seen.v);
}

void kr_make_immortal(PyObject *op)
{
    kr_objstack s = {NULL, 0, 0, 0};
    push(&s, op);
    immortalize_all(&s);
    free(s.v);
}

/* ---- start-up ---- */

static pthread_once_t kr_init_once = PTHREAD_ONCE_INIT;
/* Written once inside pthread_once, read-only afterwards. */
static int kr_init_status;

static void runtime_init_once(void)
{
    if (kr_hash_init() < 0 || kr_str_runtime_init() < 0 || kr_bytes_runtime_init() < 0 ||
        kr_exceptions_init() < 0) {
        kr_init_status = -1;
        return;
    }
    kr_objstack s = {NULL, 0, 0, 0};
    for (size_t i = 0; i < kr_static_types_count; i++) {
        PyTypeObject *const *t = &kr_static_types[i];
        if (*t == NULL)
            continue;   /* a weak entry whose area has not landed */
        if (PyType_Ready(*t) < 0) {
            fprintf(stderr, "krait: cannot initialise type %s\n", (*t)->tp_name);
            kr_init_status = -1;
            return;
        }
        push(&s, (PyObject *)*t);
    }
    for (PyTypeObject *const *t = kr_exception_types; *t != NULL; t++) {
        if (PyType_Ready(*t) < 0) {
            fprintf(stderr, "krait: cannot initialise type %s\n", (*t)->tp_name);
            kr_init_status = -1;
            return;
        }
        push(&s, (PyObject *)*t);
    }
    for (int (*const *hook)(void) = kr_static_type_hooks; *hook != NULL; hook++) {
        if ((*hook)() < 0) {
            fprintf(stderr, "krait: cannot set up the static types\n");
            kr_init_status = -1;
            return;
        }
    }
    immortalize_all(&s);
    free(s.v);
    kr_init_status = s.failed ? -1 : 0;
}

int kr_runtime_init(void)
{
    pthread_once(&kr_init_once, runtime_init_once);
    return kr_init_status;
}

/* ---- Py_Initialize and friends ---- */

void Py_InitializeEx(int install_sigs)
{
    if (kr_main_context != NULL)
        return;
    struct kr_context *c = kr_context_new_ex(NULL, 1);
    if (c == NULL)
        Py_FatalError("cannot create the main context");
    kr_main_context = c;
}

void Py_Initialize(void) { Py_InitializeEx(1); }

int Py_IsInitialized(void) { return kr_main_context != NULL; }

int _Py_IsFinalizing(void)
{
    struct kr_context *c = kr_context_get();
    return c ? c->rt.finalizing : 0;
}

int Py_FinalizeEx(void)
{
    struct kr_context *c = kr_main_context;
    if (c == NULL)
        return 0;
    int status = 0;
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || ts->interp != c)
        return -1;
    /* Flush the standard streams; a failure makes the exit status 120. */
    PyObject *names[2] = {NULL, NULL};
    const char *streams[2] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(streams[i]);
        (void)names;
        if (f != NULL && f != Py_None) {
            PyObject *r = PyObject_CallMethod(f, "flush", NULL);
            if (r == NULL) {
                PyErr_Clear();
                status = -1;
            }
            Py_XDECREF(r);
        }
    }
    int nexit = c->rt.nexitfuncs;
    void (*funcs[32])(void);
    memcpy(funcs, c->rt.exitfuncs, sizeof(funcs));
    kr_context_free(c);
    kr_main_context = NULL;
    while (nexit > 0)
        funcs[--nexit]();
    fflush(stdout);
    fflush(stderr);
    return status;
}

void Py_Finalize(void) { Py_FinalizeEx(); }

int Py_AtExit(void (*func)(void))
{
    struct kr_context *c = kr_main_context;
    if (c == NULL || c->rt.nexitfuncs >= 32)
        return -1;
    c->rt.exitfuncs[c->rt.nexitfuncs++] = func;
    return 0;
}

void Py_Exit(int status)
{
    if (Py_FinalizeEx() < 0 && status == 0)
        status = 120;
    exit(status);
}

PyThreadState *Py_NewInterpreter(void)
{
    PyThreadState *prev = kr_tstate_get();
    struct kr_context *c = kr_context_new_ex(NULL, 1);
    if (c == NULL) {
        if (prev)
            PyEval_RestoreThread(prev);
        return NULL;
    }
    return kr_tstate_get();
}

void Py_EndInterpreter(PyThreadState *ts)
{
    if (ts == NULL || ts != kr_tstate_get())
        Py_FatalError("Py_EndInterpreter: thread is not current");
    kr_context_free(ts->interp);
}

int Py_FdIsInteractive(FILE *fp, const char *filename)
{
    if (isatty(fileno(fp)))
        return 1;
    return filename == NULL || strcmp(filename, "<stdin>") == 0 || strcmp(filename, "???") == 0;
}

/* ---- version and build information ---- */

const char *Py_GetVersion(void)
{
    return PY_VERSION " (krait " KRAIT_VERSION ", " __DATE__ ", " __TIME__ ") " "[" KR_COMPILER "]";
}

const char *Py_GetPlatform(void) { return "linux"; }

const char *Py_GetCopyright(void)
{
    return "Copyright (c) the Krait authors.\nAll Rights Reserved.";
}

const char *Py_GetCompiler(void) { return "[" KR_COMPILER "]"; }

const char *Py_GetBuildInfo(void) { return "krait " KRAIT_VERSION ", " __DATE__ ", " __TIME__; }

/* ---- program name and paths: fixed strings (no mutable state) ---- */

wchar_t *Py_GetProgramName(void) { return (wchar_t *)L"krait"; }
void Py_SetProgramName(const wchar_t *name) { }
void Py_SetPythonHome(const wchar_t *home) { }
wchar_t *Py_GetPythonHome(void) { return NULL; }
wchar_t *Py_GetProgramFullPath(void) { return (wchar_t *)L""; }
wchar_t *Py_GetPrefix(void) { return (wchar_t *)L"/usr"; }
wchar_t *Py_GetExecPrefix(void) { return (wchar_t *)L"/usr"; }
wchar_t *Py_GetPath(void) { return (wchar_t *)L"/usr/lib/python3.11"; }

void Py_GetArgcArgv(int *argc, wchar_t ***argv)
{
    *argc = 0;
    *argv = NULL;
}
