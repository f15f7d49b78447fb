/* codegen.h (internal): the compiler's intermediate form, shared by the
 * code generator (codegen*.c) and the back end (flowgraph.c).
 *
 * Code generation emits instructions into basic blocks; a jump names its
 * target block, and try/with/except regions are bracketed by the pseudo
 * instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH ... POP_BLOCK,
 * exactly as CPython 3.11's compiler does.  flowgraph.c then computes
 * stack depths, turns the SETUP/POP_BLOCK brackets into the exception
 * table, drops unreachable code, lays the blocks out and builds the code
 * object. */
#ifndef KR_COMPILER_CODEGEN_H
#define KR_COMPILER_CODEGEN_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "compiler/compiler_internal.h"

/* pseudo instructions, never in final code */
enum {
    KR_SETUP_FINALLY = 256,
    KR_SETUP_CLEANUP,
    KR_SETUP_WITH,
    KR_POP_BLOCK
};

typedef struct kr_block kr_block;

typedef struct kr_instr {
    int op;
    int arg;
    kr_block *target;        /* jumps and SETUP_* */
    kr_block *handler;       /* exception handler, after labelling */
    kr_location loc;         /* lineno -1: artificial, inherits */
} kr_instr;

struct kr_block {
    kr_block *alloc_next;    /* every block of the unit, for freeing */
    kr_block *next;          /* layout order */
    kr_instr *instrs;
    int n, cap;
    int startdepth;          /* -1 until reached */
    int offset;              /* word index once laid out */
    int preds;
    unsigned visited : 1;
    unsigned except_handler : 1;
    unsigned preserve_lasti : 1;
    kr_block **exstack;      /* handler stack at entry (labelling) */
    int exdepth;
};

typedef enum {
    KR_FB_WHILE_LOOP, KR_FB_FOR_LOOP, KR_FB_TRY_EXCEPT, KR_FB_FINALLY_TRY,
    KR_FB_FINALLY_END, KR_FB_WITH, KR_FB_ASYNC_WITH, KR_FB_HANDLER_CLEANUP,
    KR_FB_POP_VALUE, KR_FB_EXCEPTION_HANDLER, KR_FB_EXCEPTION_GROUP_HANDLER,
    KR_FB_ASYNC_COMPREHENSION_GENERATOR
} kr_fblock_type;

typedef struct kr_fblock {
    kr_fblock_type type;
    kr_block *block;
    kr_block *exit;
    const void *datum;       /* finalbody stmts / with stmt / handler name */
} kr_fblock;

typedef enum {
    KR_SCOPE_MODULE, KR_SCOPE_CLASS, KR_SCOPE_FUNCTION,
    KR_SCOPE_ASYNC_FUNCTION, KR_SCOPE_LAMBDA, KR_SCOPE_COMPREHENSION
} kr_scope_type;

#define KR_MAX_FBLOCKS 20   /* CO_MAXBLOCKS */

typedef struct kr_unit kr_unit;
struct kr_unit {
    kr_unit *parent;
    kr_ste *ste;
    kr_scope_type scope_type;
    PyObject *name;          /* str */
    PyObject *qualname;      /* str */
    const char *private_name;
    PyObject *consts;        /* list */
    PyObject *const_map;     /* dict: constant key -> index */
    kr_nameset names;        /* co_names */
    kr_nameset varnames;
    kr_nameset cellvars;     /* sorted, __class__ first in classes */
    kr_nameset freevars;     /* sorted */
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    kr_block *blocks;        /* allocation list */
    kr_block *entry;
    kr_block *cur;
    kr_location loc;
    kr_fblock fblocks[KR_MAX_FBLOCKS];
    int nfblocks;
};

typedef struct kr_compiler {
    PyObject *filename;
    kr_symtable *st;
    kr_arena *arena;         /* for mangled names and small strings */
    int future_flags;        /* CO_FUTURE_* in effect */
    int cf_flags;            /* PyCF_* given by the caller */
    int future_lineno;       /* last line of the leading future imports */
    int optimize;
    int interactive;
    int nestlevel;
    int depth;               /* AST recursion */
    kr_unit *u;
    /* memo of constant folding: expr pointer -> folded value */
    const void **fold_keys;
    PyObject **fold_vals;    /* NULL value = not foldable */
    int fold_cap, fold_n;
} kr_compiler;

/* flowgraph.c */
kr_block *kr_cg_new_block(kr_compiler *c);
void kr_cg_use_block(kr_compiler *c, kr_block *b);   /* b follows current */
int kr_cg_addop(kr_compiler *c, int op, int arg);
int kr_cg_addop_noline(kr_compiler *c, int op, int arg);
int kr_cg_addjump(kr_compiler *c, int op, kr_block *target);
int kr_cg_addjump_noline(kr_compiler *c, int op, kr_block *target);
void kr_unit_free_blocks(kr_unit *u);
/* Build the code object of the current unit.  New reference or NULL. */
PyCodeObject *kr_assemble(kr_compiler *c, int add_none);

#endif

/* ---- shared between codegen*.c ---------------------------------------- */
#define KR_STACK_USE_GUIDELINE 30

#define KR_TRY(x) do { if ((x) < 0) return -1; } while (0)
#define KR_LOC_OF(n) ((kr_location){(n)->lineno, (n)->end_lineno, (n)->col_offset, (n)->end_col_offset})

int kr_cg_error(kr_compiler *c, const char *fmt, ...);
int kr_cg_warn(kr_compiler *c, const char *msg);
int kr_cg_add_const(kr_compiler *c, PyObject *o);      /* index or -1 */
int kr_cg_load_const(kr_compiler *c, PyObject *o);     /* borrows o */
int kr_cg_load_const_new(kr_compiler *c, PyObject *o); /* steals o (may be NULL) */
int kr_cg_addop_name(kr_compiler *c, int op, const char *name);
int kr_cg_nameop(kr_compiler *c, const char *name, kr_expr_context ctx);
int kr_cg_expr(kr_compiler *c, kr_expr *e);
int kr_cg_exprs(kr_compiler *c, kr_expr_seq *seq);
int kr_cg_stmt(kr_compiler *c, kr_stmt *s);
int kr_cg_stmts(kr_compiler *c, kr_stmt_seq *seq);
int kr_cg_jump_if(kr_compiler *c, kr_expr *e, kr_block *next, int cond);
int kr_cg_push_fblock(kr_compiler *c, kr_fblock_type t, kr_block *b,
                      kr_block *exit, const void *datum);
void kr_cg_pop_fblock(kr_compiler *c);
int kr_cg_add_yield_from(kr_compiler *c, int await);
int kr_cg_add_yield(kr_compiler *c);
int kr_cg_compare_op(kr_compiler *c, int cmpop);
int kr_cg_forbidden_name(kr_compiler *c, const char *name, kr_expr_context ctx);
int kr_cg_call_helper(kr_compiler *c, int n, kr_expr_seq *args,
                      kr_keyword_seq *keywords);
int kr_cg_enter_scope(kr_compiler *c, const char *name, kr_scope_type type,
                      const void *key, int lineno);
void kr_cg_exit_scope(kr_compiler *c);
int kr_cg_make_closure(kr_compiler *c, PyCodeObject *co, const kr_nameset *frees,
                       int flags);
int kr_cg_visit_annexpr(kr_compiler *c, kr_expr *e);
int kr_cg_match(kr_compiler *c, kr_stmt *s);
/* Folded constant value of `e`, or NULL when it is not a constant
 * expression (no exception set).  Borrowed from the fold memo. */
PyObject *kr_cg_fold(kr_compiler *c, kr_expr *e);
PyObject *kr_cg_constant(kr_compiler *c, const kr_constant *k);  /* new ref */
const char *kr_cg_mangle(kr_compiler *c, const char *name);
int kr_cg_enter_recursion(kr_compiler *c);
PyCodeObject *kr_cg_module(kr_compiler *c, kr_mod *mod);
int kr_cg_check_debug_args(kr_compiler *c, kr_arguments *a);
int kr_cg_fold_iter(kr_compiler *c, kr_expr *e);
void kr_update_start_to_attr_loc(kr_location *l, kr_expr *attr);
