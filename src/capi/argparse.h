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

/* Whether the str `key` spells the NUL-terminated UTF-8 `name`: what a
 * dict lookup of PyUnicode_FromString(name) finds, without making that
 * str.  Keyword names are short and usually differ at the first
 * character, so this beats hashing.  Anything but a str matches nothing;
 * raises nothing. */
static inline int kr_str_spells(PyObject *key, const char *name)
{
    const char *s;
    Py_ssize_t n;
    if (!PyUnicode_Check(key))
        return 0;
    if (PyUnicode_IS_COMPACT_ASCII(key)) {
        s = (const char *)PyUnicode_DATA(key);
        n = PyUnicode_GET_LENGTH(key);
    }
    else if ((s = PyUnicode_AsUTF8AndSize(key, &n)) == NULL) {
        PyErr_Clear();   /* a lone surrogate spells no C name */
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if (s[i] != name[i] || name[i] == '\0')
            return 0;
    return name[n] == '\0';
}

/* Positional-only functions check their count with CPython's own
 * _PyArg_CheckPositional (capi/getargs.c); this is the same check. */
#define kr_args_check_positional _PyArg_CheckPositional

#endif
