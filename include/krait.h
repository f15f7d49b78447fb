/* krait.h: the embedding API.
 *
 * An application creates any number of independent contexts, each with
 * its own modules, sys, builtins, lock and sandbox options.  A thread
 * enters a context to run code in it and leaves it afterwards; different
 * contexts run in parallel on different threads, threads of one context
 * take turns (design, section 4).
 *
 *     krait_options o = krait_default_options();
 *     krait_context *c = krait_context_new(&o);
 *     krait_enter(c);
 *     krait_run_string(c, "print('hi')");
 *     krait_leave(c);
 *     krait_context_free(c);
 *
 * The full CPython C API (Python.h) can be used between krait_enter and
 * krait_leave; it acts on the entered context. */
#ifndef KRAIT_H
#define KRAIT_H
#include <stddef.h>
#include "pyport.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef struct kr_context krait_context;

typedef struct krait_options {
    /* sandbox (design, section 5): what code in the context may touch */
    int allow_native_access;     /* import native extension modules */
    int allow_io;                /* the file system */
    int allow_processes;         /* fork/exec/subprocess */
    int allow_threads;           /* start threads */
    int allow_environment;       /* read os.environ */
    int isolate_native_modules;  /* private copy of single-phase modules */
    /* command-line equivalents */
    int isolated;                /* -I */
    int ignore_environment;      /* -E */
    int no_site;                 /* -S */
    int dont_write_bytecode;     /* -B */
    int unbuffered;              /* -u */
    int inspect;                 /* -i */
    int verbose;                 /* -v */
    int optimize;                /* -O */
    int quiet;                   /* -q */
    const char *const *warnoptions;   /* -W strings, NULL-terminated, or NULL */
} krait_options;

/* Everything allowed, as the `krait` command runs. */
PyAPI_FUNC(krait_options) krait_default_options(void);

/* Create a context (NULL on failure).  The calling thread is left in no
 * context.  Thread-safe. */
PyAPI_FUNC(krait_context *) krait_context_new(const krait_options *options);
/* Destroy a context that no thread has entered. */
PyAPI_FUNC(void) krait_context_free(krait_context *ctx);

/* Bind the calling thread to ctx and take its lock; 0 on success.  A
 * thread has one thread state per context it has entered; entering
 * again after leaving reuses it.  Nested enters of another context
 * are allowed: the previous binding is restored by krait_leave. */
PyAPI_FUNC(int) krait_enter(krait_context *ctx);
PyAPI_FUNC(void) krait_leave(krait_context *ctx);

/* Run source as __main__ (between enter and leave).  0 on success; -1 if
 * an exception was raised: it is printed to sys.stderr as the interpreter
 * prints it, except SystemExit, which is dropped silently (an embedded
 * context never ends the process). */
PyAPI_FUNC(int) krait_run_string(krait_context *ctx, const char *source);
PyAPI_FUNC(int) krait_run_file(krait_context *ctx, const char *path);

#ifdef __cplusplus
}
#endif
#endif
