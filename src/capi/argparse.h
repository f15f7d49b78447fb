/* argparse.h: unpacking vectorcall arguments (args, nargs, kwnames) into a
 * fixed array of parameters, with the error messages CPython's generated
 * argument parsers produce.  Used by builtin functions and methods written
 * in C that take keyword arguments; simpler signatures check nargs
 * directly.
 *
 * A parameter list is described once, statically:
 *   static const char *const names[] = {"source", "filename", "mode", NULL};
 *   static const kr_argspec spec = {"compile", names, 0, 3, 7};
 * Positional-only parameters come first (npos_only of them; their names
 * are used only in messages), then positional-or-keyword ones up to
 * max_pos, then keyword-only ones up to the NULL. */
#ifndef KR_ARGPARSE_H
#define KR_ARGPARSE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

typedef struct kr_argspec {
    const char *fname;             /* function name as messages show it */
    const char *const *names;      /* every parameter, NULL-terminated */
    int npos_only;                 /* leading positional-only parameters */
    int nrequired;                 /* leading parameters that are required */
    int max_pos;                   /* parameters that may be positional */
} kr_argspec;

/* Fills out[0..n) (n = number of names) with BORROWED references, NULL for
 * parameters not given.  Returns 0, or -1 with TypeError set. */
int kr_args_unpack(const kr_argspec *spec, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames, PyObject **out);

/* Positional-only functions check their count with CPython's own
 * _PyArg_CheckPositional (capi/getargs.c); this is the same check. */
#define kr_args_check_positional _PyArg_CheckPositional

#endif
