/* symtable.h (internal): the symbol tables the compiler builds before
 * code generation.  One kr_ste per scope (module, class, function,
 * lambda, comprehension, generator expression, and the annotation blocks
 * of `from __future__ import annotations`); each records every name used
 * in it with how it is used (flags) and, after analysis, where it lives
 * (scope).  Scopes are found again by the AST node that opened them. */
#ifndef KR_COMPILER_SYMTABLE_H
#define KR_COMPILER_SYMTABLE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "parser/ast.h"
#include "parser/arena.h"

/* how a name is used in a scope */
#define KR_DEF_GLOBAL 0x001
#define KR_DEF_LOCAL 0x002
#define KR_DEF_PARAM 0x004
#define KR_DEF_NONLOCAL 0x008
#define KR_USE 0x010
#define KR_DEF_FREE 0x020
#define KR_DEF_FREE_CLASS 0x040
#define KR_DEF_IMPORT 0x080
#define KR_DEF_ANNOT 0x100
#define KR_DEF_COMP_ITER 0x200
#define KR_DEF_BOUND (KR_DEF_LOCAL | KR_DEF_PARAM | KR_DEF_IMPORT)

/* where a name lives, after analysis */
enum { KR_SC_NONE = 0, KR_SC_LOCAL, KR_SC_GLOBAL_EXPLICIT,
       KR_SC_GLOBAL_IMPLICIT, KR_SC_FREE, KR_SC_CELL };

typedef enum { KR_BLOCK_FUNCTION, KR_BLOCK_CLASS, KR_BLOCK_MODULE,
               KR_BLOCK_ANNOTATION } kr_block_type;

typedef enum { KR_COMP_NONE = 0, KR_COMP_GENEXP, KR_COMP_LIST,
               KR_COMP_DICT, KR_COMP_SET } kr_comp_type;

typedef struct kr_symbol {
    const char *name;
    int flags;
    int scope;
    int lineno, col, end_lineno, end_col;   /* of a global/nonlocal directive */
} kr_symbol;

/* open-addressing map from name to symbol index */
typedef struct kr_namemap {
    int *slots;          /* index+1, 0 = empty */
    int cap;
} kr_namemap;

typedef struct kr_ste kr_ste;
struct kr_ste {
    kr_block_type type;
    const char *name;
    const void *key;             /* the AST node that opened the scope */
    kr_ste *parent;
    kr_symbol *syms;
    int nsyms, capsyms;
    kr_namemap map;
    const char **varnames;       /* parameters, in order */
    int nvarnames, capvarnames;
    kr_ste **children;
    int nchildren, capchildren;
    int lineno, col, end_lineno, end_col;
    kr_comp_type comprehension;
    unsigned nested : 1;
    unsigned generator : 1;
    unsigned coroutine : 1;
    unsigned varargs : 1;
    unsigned varkeywords : 1;
    unsigned returns_value : 1;
    unsigned needs_class_closure : 1;
    unsigned child_free : 1;
    unsigned free : 1;
    unsigned comp_iter_target : 1;
    unsigned can_see_class_scope : 1;
    int comp_iter_expr;          /* >0 while inside a comprehension's iterable */
    int has_docstring;
};

typedef struct kr_symtable {
    kr_ste *top;
    kr_ste *cur;
    kr_ste **all;               /* every entry, for lookup and freeing */
    int nall, capall;
    kr_arena *arena;            /* mangled and split names */
    kr_ste **bykey;             /* open-addressing index of `all` by key */
    int capbykey;
    int future_flags;           /* CO_FUTURE_* */
    int recursion_depth, recursion_limit;
    /* error, when one was raised: the exception is set and these give
       the location for SyntaxError */
} kr_symtable;

/* Build and analyse the tables for `mod`.  Returns NULL with an
 * exception set (SyntaxError carrying `filename`, or RecursionError). */
kr_symtable *kr_symtable_build(kr_mod *mod, PyObject *filename,
                               int future_flags, const char *src);
void kr_symtable_free(kr_symtable *st);
/* The entry opened by AST node `key`, or NULL. */
kr_ste *kr_symtable_lookup(kr_symtable *st, const void *key);
/* Symbol of `name` in `ste`, or NULL. */
kr_symbol *kr_ste_symbol(kr_ste *ste, const char *name);
int kr_ste_scope(kr_ste *ste, const char *name);

/* Private name mangling: returns `name` itself or a new string from
 * `arena` ("_Class__name"); NULL only when out of memory. */
const char *kr_mangle(kr_arena *arena, const char *privateobj,
                      const char *name);

#endif
