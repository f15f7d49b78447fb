/*
 * ast.h - C mirror of CPython 3.11's `ast` module node types.
 *
 * The parser (src/parser/) produces these trees; the compiler (src/compiler/)
 * consumes them.  This header is pure C with no dependency on Python objects.
 *
 * Conventions
 * -----------
 * - Every node type has the same name and fields as Python's ast module.
 *   A sum type (mod, stmt, expr, excepthandler, pattern, type_ignore) is a
 *   struct with a `kind` tag and a union `v` whose members are named after
 *   the constructor:  e->kind == KR_BinOp  ->  e->v.BinOp.left ...
 *   Product types (comprehension, arguments, arg, keyword, alias, withitem,
 *   match_case) are plain structs.
 * - Enum constants are `KR_<Name>` for node kinds and for the simple enums
 *   (expr_context, boolop, operator, unaryop, cmpop); all start at 1 so
 *   that a zeroed value is recognisably invalid.
 * - Positions: lineno/end_lineno are 1-based, col_offset/end_col_offset are
 *   0-based UTF-8 byte offsets, exactly as CPython stores them.
 * - Optional fields (`expr?` in the ASDL) are NULL when absent.
 * - Identifiers are `const char *`, NUL-terminated UTF-8, arena-owned.
 * - Sequences are typed arrays `kr_<type>_seq { int n; T items[]; }`.
 *   A NULL sequence pointer means the empty sequence; always read the
 *   length with KR_SEQ_LEN(s) and elements with s->items[i].
 *   Elements may be NULL where Python's ast allows None:
 *     Dict.keys[i] == NULL for `**mapping`,
 *     arguments.kw_defaults[i] == NULL for a kw-only arg without default.
 * - Constants (Constant.value, MatchSingleton.value) are kr_constant, see
 *   below.  String contents are arena-owned.
 * - Everything is allocated in a kr_arena (arena.h) and freed at once.
 */
#ifndef KR_PARSER_AST_H
#define KR_PARSER_AST_H

#include <stddef.h>
#include <stdint.h>

typedef struct kr_mod kr_mod;
typedef struct kr_stmt kr_stmt;
typedef struct kr_expr kr_expr;
typedef struct kr_comprehension kr_comprehension;
typedef struct kr_excepthandler kr_excepthandler;
typedef struct kr_arguments kr_arguments;
typedef struct kr_arg kr_arg;
typedef struct kr_keyword kr_keyword;
typedef struct kr_alias kr_alias;
typedef struct kr_withitem kr_withitem;
typedef struct kr_match_case kr_match_case;
typedef struct kr_pattern kr_pattern;
typedef struct kr_type_ignore kr_type_ignore;

#define KR_SEQ_LEN(s) ((s) ? (s)->n : 0)

#define KR_DECLARE_SEQ(name, T) \
    typedef struct name { int n; T items[]; } name

KR_DECLARE_SEQ(kr_stmt_seq, kr_stmt *);
KR_DECLARE_SEQ(kr_expr_seq, kr_expr *);
KR_DECLARE_SEQ(kr_comprehension_seq, kr_comprehension *);
KR_DECLARE_SEQ(kr_excepthandler_seq, kr_excepthandler *);
KR_DECLARE_SEQ(kr_arg_seq, kr_arg *);
KR_DECLARE_SEQ(kr_keyword_seq, kr_keyword *);
KR_DECLARE_SEQ(kr_alias_seq, kr_alias *);
KR_DECLARE_SEQ(kr_withitem_seq, kr_withitem *);
KR_DECLARE_SEQ(kr_match_case_seq, kr_match_case *);
KR_DECLARE_SEQ(kr_pattern_seq, kr_pattern *);
KR_DECLARE_SEQ(kr_type_ignore_seq, kr_type_ignore *);
KR_DECLARE_SEQ(kr_ident_seq, const char *);
KR_DECLARE_SEQ(kr_int_seq, int);   /* cmpop values in Compare.ops */

/* ---- simple enums ---------------------------------------------------- */

typedef enum { KR_Load = 1, KR_Store, KR_Del } kr_expr_context;
typedef enum { KR_And = 1, KR_Or } kr_boolop;
typedef enum {
    KR_Add = 1, KR_Sub, KR_Mult, KR_MatMult, KR_Div, KR_Mod, KR_Pow,
    KR_LShift, KR_RShift, KR_BitOr, KR_BitXor, KR_BitAnd, KR_FloorDiv
} kr_operator;
typedef enum { KR_Invert = 1, KR_Not, KR_UAdd, KR_USub } kr_unaryop;
typedef enum {
    KR_Eq = 1, KR_NotEq, KR_Lt, KR_LtE, KR_Gt, KR_GtE,
    KR_Is, KR_IsNot, KR_In, KR_NotIn
} kr_cmpop;

/* ---- constants --------------------------------------------------------
 * INT:       `digits` is the literal's digits without prefix and without
 *            underscores, `base` is 2, 8, 10 or 16.  "0x1F" -> base 16,
 *            digits "1F"; "1_000" -> base 10, digits "1000"; "00" -> base 10,
 *            digits "00".  Never negative (unary minus is a UnaryOp).
 * FLOAT:     `text` is the source text without underscores ("1e10", "3.",
 *            ".5"), suitable for strtod.
 * IMAGINARY: `text` is the float part without the j/J suffix ("1", "2.5e3").
 * STR:       `bytes`/`len` hold the decoded value as UTF-8, NUL-terminated
 *            for convenience but may contain embedded NULs (use len).
 *            Lone surrogates (from "\ud800" escapes) are encoded as their
 *            generalised 3-byte UTF-8 form (ED A0 80 .. ED BF BF), i.e.
 *            WTF-8; the runtime must accept those when building str objects.
 * BYTES:     `bytes`/`len` hold the raw byte values (NUL-terminated too).
 */
typedef enum {
    KR_CONST_NONE = 1, KR_CONST_TRUE, KR_CONST_FALSE, KR_CONST_ELLIPSIS,
    KR_CONST_INT, KR_CONST_FLOAT, KR_CONST_IMAGINARY, KR_CONST_STR,
    KR_CONST_BYTES
} kr_constant_kind;

typedef struct kr_constant {
    kr_constant_kind kind;
    union {
        struct { const char *digits; int base; } i;   /* INT */
        const char *text;                             /* FLOAT, IMAGINARY */
        struct { const char *bytes; size_t len; } s;  /* STR, BYTES */
    } u;
} kr_constant;

/* ---- mod --------------------------------------------------------------- */

typedef enum {
    KR_Module = 1, KR_Interactive, KR_Expression, KR_FunctionType
} kr_mod_kind;

struct kr_mod {
    kr_mod_kind kind;
    union {
        struct { kr_stmt_seq *body; kr_type_ignore_seq *type_ignores; } Module;
        struct { kr_stmt_seq *body; } Interactive;
        struct { kr_expr *body; } Expression;
        struct { kr_expr_seq *argtypes; kr_expr *returns; } FunctionType;
    } v;
};

/* ---- stmt -------------------------------------------------------------- */

typedef enum {
    KR_FunctionDef = 1, KR_AsyncFunctionDef, KR_ClassDef, KR_Return,
    KR_Delete, KR_Assign, KR_AugAssign, KR_AnnAssign, KR_For, KR_AsyncFor,
    KR_While, KR_If, KR_With, KR_AsyncWith, KR_Match, KR_Raise, KR_Try,
    KR_TryStar, KR_Assert, KR_Import, KR_ImportFrom, KR_Global, KR_Nonlocal,
    KR_Expr, KR_Pass, KR_Break, KR_Continue
} kr_stmt_kind;

struct kr_stmt {
    kr_stmt_kind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        /* FunctionDef and AsyncFunctionDef share this layout */
        struct {
            const char *name;
            kr_arguments *args;
            kr_stmt_seq *body;
            kr_expr_seq *decorator_list;
            kr_expr *returns;
            const char *type_comment;
        } FunctionDef, AsyncFunctionDef;
        struct {
            const char *name;
            kr_expr_seq *bases;
            kr_keyword_seq *keywords;
            kr_stmt_seq *body;
            kr_expr_seq *decorator_list;
        } ClassDef;
        struct { kr_expr *value; } Return;
        struct { kr_expr_seq *targets; } Delete;
        struct {
            kr_expr_seq *targets;
            kr_expr *value;
            const char *type_comment;
        } Assign;
        struct { kr_expr *target; kr_operator op; kr_expr *value; } AugAssign;
        struct {
            kr_expr *target;
            kr_expr *annotation;
            kr_expr *value;
            int simple;
        } AnnAssign;
        /* For and AsyncFor share this layout */
        struct {
            kr_expr *target;
            kr_expr *iter;
            kr_stmt_seq *body;
            kr_stmt_seq *orelse;
            const char *type_comment;
        } For, AsyncFor;
        struct { kr_expr *test; kr_stmt_seq *body; kr_stmt_seq *orelse; } While;
        struct { kr_expr *test; kr_stmt_seq *body; kr_stmt_seq *orelse; } If;
        /* With and AsyncWith share this layout */
        struct {
            kr_withitem_seq *items;
            kr_stmt_seq *body;
            const char *type_comment;
        } With, AsyncWith;
        struct { kr_expr *subject; kr_match_case_seq *cases; } Match;
        struct { kr_expr *exc; kr_expr *cause; } Raise;
        /* Try and TryStar share this layout */
        struct {
            kr_stmt_seq *body;
            kr_excepthandler_seq *handlers;
            kr_stmt_seq *orelse;
            kr_stmt_seq *finalbody;
        } Try, TryStar;
        struct { kr_expr *test; kr_expr *msg; } Assert;
        struct { kr_alias_seq *names; } Import;
        struct {
            const char *module;   /* NULL for `from . import x` */
            kr_alias_seq *names;
            int level;
        } ImportFrom;
        struct { kr_ident_seq *names; } Global;
        struct { kr_ident_seq *names; } Nonlocal;
        struct { kr_expr *value; } Expr;
    } v;
};

/* ---- expr -------------------------------------------------------------- */

typedef enum {
    KR_BoolOp = 1, KR_NamedExpr, KR_BinOp, KR_UnaryOp, KR_Lambda, KR_IfExp,
    KR_Dict, KR_Set, KR_ListComp, KR_SetComp, KR_DictComp, KR_GeneratorExp,
    KR_Await, KR_Yield, KR_YieldFrom, KR_Compare, KR_Call,
    KR_FormattedValue, KR_JoinedStr, KR_Constant, KR_Attribute,
    KR_Subscript, KR_Starred, KR_Name, KR_List, KR_Tuple, KR_Slice
} kr_expr_kind;

struct kr_expr {
    kr_expr_kind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct { kr_boolop op; kr_expr_seq *values; } BoolOp;
        struct { kr_expr *target; kr_expr *value; } NamedExpr;
        struct { kr_expr *left; kr_operator op; kr_expr *right; } BinOp;
        struct { kr_unaryop op; kr_expr *operand; } UnaryOp;
        struct { kr_arguments *args; kr_expr *body; } Lambda;
        struct { kr_expr *test; kr_expr *body; kr_expr *orelse; } IfExp;
        struct { kr_expr_seq *keys; kr_expr_seq *values; } Dict;
        struct { kr_expr_seq *elts; } Set;
        /* ListComp, SetComp and GeneratorExp share this layout */
        struct { kr_expr *elt; kr_comprehension_seq *generators; }
            ListComp, SetComp, GeneratorExp;
        struct {
            kr_expr *key;
            kr_expr *value;
            kr_comprehension_seq *generators;
        } DictComp;
        struct { kr_expr *value; } Await;
        struct { kr_expr *value; } Yield;      /* value may be NULL */
        struct { kr_expr *value; } YieldFrom;
        struct {
            kr_expr *left;
            kr_int_seq *ops;           /* kr_cmpop values */
            kr_expr_seq *comparators;
        } Compare;
        struct {
            kr_expr *func;
            kr_expr_seq *args;
            kr_keyword_seq *keywords;
        } Call;
        struct {
            kr_expr *value;
            int conversion;            /* -1, 's', 'r' or 'a' */
            kr_expr *format_spec;      /* JoinedStr or NULL */
        } FormattedValue;
        struct { kr_expr_seq *values; } JoinedStr;
        struct {
            kr_constant value;
            const char *kind;          /* "u" for u'' strings, else NULL */
        } Constant;
        struct {
            kr_expr *value;
            const char *attr;
            kr_expr_context ctx;
        } Attribute;
        struct {
            kr_expr *value;
            kr_expr *slice;
            kr_expr_context ctx;
        } Subscript;
        struct { kr_expr *value; kr_expr_context ctx; } Starred;
        struct { const char *id; kr_expr_context ctx; } Name;
        struct { kr_expr_seq *elts; kr_expr_context ctx; } List;
        struct { kr_expr_seq *elts; kr_expr_context ctx; } Tuple;
        struct { kr_expr *lower; kr_expr *upper; kr_expr *step; } Slice;
    } v;
};

/* ---- product types ----------------------------------------------------- */

struct kr_comprehension {
    kr_expr *target;
    kr_expr *iter;
    kr_expr_seq *ifs;
    int is_async;
};

typedef enum { KR_ExceptHandler = 1 } kr_excepthandler_kind;

struct kr_excepthandler {
    kr_excepthandler_kind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct {
            kr_expr *type;
            const char *name;
            kr_stmt_seq *body;
        } ExceptHandler;
    } v;
};

struct kr_arguments {
    kr_arg_seq *posonlyargs;
    kr_arg_seq *args;
    kr_arg *vararg;
    kr_arg_seq *kwonlyargs;
    kr_expr_seq *kw_defaults;          /* same length as kwonlyargs */
    kr_arg *kwarg;
    kr_expr_seq *defaults;             /* for the last posonly+args */
};

struct kr_arg {
    const char *arg;
    kr_expr *annotation;
    const char *type_comment;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct kr_keyword {
    const char *arg;                   /* NULL for `**kwargs` */
    kr_expr *value;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct kr_alias {
    const char *name;                  /* may be "*" or dotted "a.b.c" */
    const char *asname;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct kr_withitem {
    kr_expr *context_expr;
    kr_expr *optional_vars;
};

struct kr_match_case {
    kr_pattern *pattern;
    kr_expr *guard;
    kr_stmt_seq *body;
};

/* ---- pattern ----------------------------------------------------------- */

typedef enum {
    KR_MatchValue = 1, KR_MatchSingleton, KR_MatchSequence, KR_MatchMapping,
    KR_MatchClass, KR_MatchStar, KR_MatchAs, KR_MatchOr
} kr_pattern_kind;

struct kr_pattern {
    kr_pattern_kind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct { kr_expr *value; } MatchValue;
        struct { kr_constant value; } MatchSingleton; /* NONE/TRUE/FALSE */
        struct { kr_pattern_seq *patterns; } MatchSequence;
        struct {
            kr_expr_seq *keys;
            kr_pattern_seq *patterns;
            const char *rest;
        } MatchMapping;
        struct {
            kr_expr *cls;
            kr_pattern_seq *patterns;
            kr_ident_seq *kwd_attrs;
            kr_pattern_seq *kwd_patterns;
        } MatchClass;
        struct { const char *name; } MatchStar;
        struct { kr_pattern *pattern; const char *name; } MatchAs;
        struct { kr_pattern_seq *patterns; } MatchOr;
    } v;
};

typedef enum { KR_TypeIgnore = 1 } kr_type_ignore_kind;

struct kr_type_ignore {
    kr_type_ignore_kind kind;
    union { struct { int lineno; const char *tag; } TypeIgnore; } v;
};

#endif /* KR_PARSER_AST_H */
