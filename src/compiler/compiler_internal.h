/* compiler_internal.h (internal): declarations shared by the files of
 * the compiler area (symtable.c, codegen*.c, flowgraph.c, assemble.c,
 * future.c, unparse.c, errors.c). */
#ifndef KR_COMPILER_INTERNAL_H
#define KR_COMPILER_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "compiler/compiler.h"
#include "compiler/symtable.h"
#include "compiler/compiler_needs.h"

/* Raise `type` (SyntaxError when NULL) at an AST position (0-based byte
 * columns), reading the line text from the file as CPython does.
 * Returns NULL. */
PyObject *kr_compiler_error_at(PyObject *type, PyObject *filename,
                               const char *msg, int lineno, int col,
                               int end_lineno, int end_col);

/* Depth of AST recursion the compiler passes accept before raising
 * RecursionError("maximum recursion depth exceeded during compilation"). */
#define KR_COMPILER_MAX_DEPTH 2990

/* small string-keyed hash helpers (symtable.c) */
unsigned kr_name_hash(const char *s);

typedef struct kr_nameset {
    const char **names;      /* insertion order; NULL = removed */
    int n, cap;
    int *slots;              /* index+1 into names, 0 = empty */
    int scap;
} kr_nameset;

int kr_nameset_add(kr_nameset *s, const char *name);        /* -1 on OOM */
int kr_nameset_has(const kr_nameset *s, const char *name);
/* insertion index of name, or -1 (sets that never had a discard) */
int kr_nameset_index(const kr_nameset *s, const char *name);
void kr_nameset_discard(kr_nameset *s, const char *name);
int kr_nameset_update(kr_nameset *s, const kr_nameset *from);
void kr_nameset_clear(kr_nameset *s);

/* `from __future__ import` handling (future.c): scans the leading
 * statements of `mod`, ORs CO_FUTURE_* into *flags, raises SyntaxError
 * for unknown features or misplaced future imports.  0 / -1. */
int kr_future_parse(kr_mod *mod, PyObject *filename, int *flags,
                    int *last_lineno);

PyObject *kr_cg_const_frozenset(PyObject *items);

#endif
