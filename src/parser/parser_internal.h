/*
 * parser_internal.h - state and helpers shared by the parser's files:
 * parser.c (driver, tokens, errors), parse_expr.c (expressions),
 * parse_stmt.c (statements, patterns), strings.c (literals, f-strings).
 *
 * The parser is recursive descent over a token array that is filled
 * lazily from the tokenizer; keeping every token lets us backtrack cheaply
 * (mark/reset) where Python's grammar needs more than one token of
 * lookahead, and lets error reporting use "the furthest token fetched"
 * the way CPython's PEG parser does.
 */
#ifndef KR_PARSER_INTERNAL_H
#define KR_PARSER_INTERNAL_H

#include "parser/parser.h"
#include "parser/tokenizer.h"

/* The recursion budget, in CPython parser levels: its parser gives up
   with a bare MemoryError at 6000 levels of rule nesting (a unary or
   `not` chain of 5970 operators at top level, 2985 nested lambdas or
   '**').  Krait counts one level per recursive step of those forms (two
   for lambda and '**') and starts lower, so the same sources fail.
   C stack: prefix-operator runs are parsed without recursion; the other
   deep forms (conditional expressions, lambdas, '**', elif chains) take
   one or two frames of roughly 100 bytes per level, and a full budget of
   any of them was measured to parse within a 768 KB stack.  Bracket
   nesting is capped at 200 by the tokenizer, blocks at 100 indentation
   levels; left-recursive chains are iterative. */
#define KR_MAX_DEPTH 5970

struct kr_parser;

typedef struct kr_parser {
    kr_tokenizer tok;
    kr_token **chunks;      /* KR_TOK_CHUNK tokens each, arena-owned */
    int ntoks, cap;
    kr_token error_token;      /* handed out when token storage runs out */
    int pos;
    int furthest;           /* furthest token fetched outside speculation */
    int spec;               /* >0 while parsing speculatively */
    int no_invalid;         /* >0: skip CPython's second-pass checks */
    kr_arena *arena;
    kr_parse_error *err;
    int mode, flags;
    int depth;
    int error;              /* an error has been recorded */
    int tok_failed;         /* the tokenizer reported an error */
    /* f-string sub-parsers: position shift for the first line */
    int line_shift, col_shift;
    int fstring;            /* parsing an f-string expression */
    int chars;              /* report columns in characters */
    struct kr_parser *parent;
    int legacy;             /* second pass: report `print x` (see kr_parse) */
    int legacy_hit;         /* ... and it did */
    const char *src;        /* the normalised buffer (for error text) */
} kr_parser;

/* ---- token access (parser.c) ------------------------------------------ */
#define KR_TOK_CHUNK_BITS 10
#define KR_TOK_CHUNK (1 << KR_TOK_CHUNK_BITS)
kr_token *kr_p_tok(kr_parser *p, int idx);
kr_token *kr_p_peek(kr_parser *p);            /* current token */
kr_token *kr_p_peek_at(kr_parser *p, int k);  /* k tokens ahead */
kr_token *kr_p_next(kr_parser *p);            /* consume and return */
kr_token *kr_p_last(kr_parser *p);            /* last consumed token */
int kr_p_level_at(kr_parser *p, int idx);

#define PEEK(p) (kr_p_peek(p)->type)
#define PEEK2(p) (kr_p_peek_at(p, 1)->type)
#define ACCEPT(p, t) (PEEK(p) == (t) ? (kr_p_next(p), 1) : 0)

/* Soft keywords are NAME tokens with a particular spelling. */
int kr_p_is_name(kr_token *t, const char *s);

/* ---- errors ------------------------------------------------------------ */
/* Generic "invalid syntax" at the furthest token fetched. */
void *kr_p_syntax_error(kr_parser *p);
/* Error with explicit range: positions as in AST (0-based byte cols). */
void *kr_p_error_at(kr_parser *p, kr_error_kind kind, int lineno, int col,
                    int end_lineno, int end_col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
void *kr_p_error_tok(kr_parser *p, kr_token *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void *kr_p_error_expr(kr_parser *p, kr_expr *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void *kr_p_error_range(kr_parser *p, kr_expr *a, kr_expr *b,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void *kr_p_nomem(kr_parser *p);
int kr_p_enter(kr_parser *p);   /* 0 when too deep (error set) */
int kr_p_enter_n(kr_parser *p, int n);   /* n levels at once */
#define LEAVE(p) ((p)->depth--)
#define LEAVE_N(p, n) ((p)->depth -= (n))

/* ---- allocation -------------------------------------------------------- */
void *kr_p_alloc(kr_parser *p, size_t n);
kr_expr *kr_p_expr(kr_parser *p, kr_expr_kind k, int l, int c, int el,
                   int ec);
kr_stmt *kr_p_stmt(kr_parser *p, kr_stmt_kind k, int l, int c, int el,
                   int ec);
const char *kr_p_name(kr_parser *p, kr_token *t);

/* A growable list of pointers used while building sequences.  Starts in
   the caller's stack buffer and spills into the arena (doubling), so a
   sequence costs O(n) and never touches malloc. */
typedef struct kr_vec {
    void **items;
    int n, cap;
    void *inline_buf[8];
} kr_vec;
void kr_vec_init(kr_vec *v);
int kr_vec_push(kr_parser *p, kr_vec *v, void *x);
/* Freezes into an arena sequence (any kr_*_seq of pointers); NULL if
   empty. */
void *kr_vec_seq(kr_parser *p, kr_vec *v);
void *kr_seq1(kr_parser *p, void *x);

/* ---- expressions (parse_expr.c) ---------------------------------------- */
kr_expr *kr_p_expression(kr_parser *p);          /* expression */
kr_expr *kr_p_named_expression(kr_parser *p);
kr_expr *kr_p_star_expressions(kr_parser *p);
kr_expr *kr_p_star_named_expressions_tuple(kr_parser *p);
kr_expr *kr_p_star_expression(kr_parser *p);
kr_expr *kr_p_disjunction(kr_parser *p);
kr_expr *kr_p_bitwise_or(kr_parser *p);
kr_expr *kr_p_yield_expr(kr_parser *p);
kr_expr *kr_p_star_targets(kr_parser *p, int kind);
kr_expr *kr_p_star_target(kr_parser *p);
kr_expr *kr_p_primary(kr_parser *p);
kr_expr *kr_p_atom_strings(kr_parser *p);
kr_arguments *kr_p_params(kr_parser *p, int lambda);
kr_expr *kr_p_annotated_rhs(kr_parser *p);
/* Arguments after '(' up to (not including) ')'; `call` allows a sole
   unparenthesised generator expression (not in class bases). */
void kr_p_call_args(kr_parser *p, kr_expr_seq **args,
                    kr_keyword_seq **kws, int call);
int kr_p_expr_start(int tok);

/* target validation: returns 0 and sets the error if invalid */
enum { KR_TGT_STAR = 0, KR_TGT_DEL, KR_TGT_FOR };
int kr_p_set_context(kr_parser *p, kr_expr *e, kr_expr_context ctx,
                     int kind);
kr_expr *kr_p_invalid_target(kr_expr *e, int kind);
const char *kr_p_expr_name(kr_expr *e);

/* ---- statements (parse_stmt.c) ----------------------------------------- */
kr_stmt_seq *kr_p_file(kr_parser *p);
kr_stmt_seq *kr_p_interactive(kr_parser *p);

/* ---- strings (strings.c) ----------------------------------------------- */
/* Parses a run of STRING tokens [first, last] into a Constant or
   JoinedStr. */
kr_expr *kr_p_concat_strings(kr_parser *p, int first, int last);
/* Parses an expression from a text buffer (f-string replacement field). */
kr_expr *kr_p_parse_fstring_expr(kr_parser *p, const char *s, size_t len,
                                 int lineno, int col);

#endif
