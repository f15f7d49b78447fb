/* ast_schema.h: Python 3.11's abstract grammar (the ASDL behind the `ast`
 * module) as data, with where each field sits in the C AST of
 * src/parser/ast.h.
 *
 * One table serves the three places that would otherwise each spell the
 * grammar out: the `_ast` module builds its node classes from it, the
 * C AST is turned into those Python objects by walking it, and
 * compile(ast_object) turns Python objects back into the C AST by walking
 * it the other way (astmodule.c, astconvert.c). */
#ifndef KR_AST_SCHEMA_H
#define KR_AST_SCHEMA_H

#include <stddef.h>

/* What a field holds, in the C AST. */
typedef enum {
    KR_AF_NODE,       /* pointer to a node of `type` (expr, stmt, arg, ...) */
    KR_AF_ENUM,       /* int tag of an enum type (operator, expr_context, ...) */
    KR_AF_IDENT,      /* const char *, an identifier */
    KR_AF_STRING,     /* const char *, a string (type comments, Constant.kind) */
    KR_AF_INT,        /* int */
    KR_AF_CONSTANT,   /* kr_constant, held by value */
} kr_ast_base;

/* How many: one (required), optional (NULL/0 when absent), or a sequence
 * (a kr_*_seq pointer; enum sequences hold ints).  SEQ_NULLS allows None
 * elements (Dict.keys, arguments.kw_defaults). */
typedef enum { KR_AC_ONE, KR_AC_OPT, KR_AC_SEQ, KR_AC_SEQ_NULLS } kr_ast_card;

typedef struct kr_ast_type kr_ast_type;

typedef struct kr_ast_field {
    const char *name;
    unsigned short offset;        /* in the C struct of the node */
    unsigned char base;           /* kr_ast_base */
    unsigned char card;           /* kr_ast_card */
    const kr_ast_type *type;      /* NODE and ENUM: the field's type */
} kr_ast_field;

/* One constructor: a class of the `ast` module. */
typedef struct kr_ast_class {
    const char *name;
    const kr_ast_field *fields;
    int nfields;
} kr_ast_class;

/* Which position attributes a type's nodes carry. */
typedef enum {
    KR_AP_NONE,       /* no positions */
    KR_AP_END_OPT,    /* lineno, col_offset; end_* optional (default: start) */
    KR_AP_ALL,        /* all four required (patterns) */
} kr_ast_pos;

/* An ASDL type: a sum of constructors (the C node has a `kind` tag, 1 for
 * the first constructor), or a product (one class named like the type). */
struct kr_ast_type {
    const char *name;
    int is_sum;
    int is_enum;                  /* fieldless sum stored as an int tag */
    kr_ast_pos pos;
    unsigned short pos_offset;    /* offset of lineno (end_* follow it) */
    unsigned short size;          /* sizeof the C node */
    const kr_ast_class *classes;
    int nclasses;
};

/* Every type, in the order the `_ast` module defines them. */
extern const kr_ast_type *const kr_ast_types[];
extern const int kr_ast_ntypes;

extern const kr_ast_type kr_ast_mod_type, kr_ast_stmt_type, kr_ast_expr_type,
    kr_ast_pattern_type;

#endif
