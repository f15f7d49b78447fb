/*
 * parser.h - public entry point of the front end: source text -> AST.
 *
 * kr_parse() tokenizes and parses a whole source buffer into a tree of
 * ast.h nodes allocated in the caller's arena.  It never touches Python
 * objects; the runtime converts kr_parse_error into SyntaxError and
 * friends, and supplies optional hooks (Unicode names, NFKC).
 */
#ifndef KR_PARSER_PARSER_H
#define KR_PARSER_PARSER_H

#include <stddef.h>
#include <stdint.h>
#include "parser/arena.h"
#include "parser/ast.h"

enum {
    KR_MODE_FILE = 0,       /* exec:   Module */
    KR_MODE_EVAL = 1,       /* eval:   Expression */
    KR_MODE_SINGLE = 2,     /* single: Interactive */
    KR_MODE_FUNC_TYPE = 3   /* func_type: FunctionType */
};

/* flags for kr_parse */
enum {
    KR_PF_NONE = 0,
    /* Source is known to be UTF-8 text already (e.g. compile() of a str):
       skip the BOM / coding-cookie checks. */
    KR_PF_IGNORE_COOKIE = 1 << 0,
    /* Accept the parser-only `barry_as_FLUFL` `<>` operator (future). */
    KR_PF_BARRY_AS_BDFL = 1 << 1,
    /* Interactive input: an incomplete statement should report
       KR_ERR_INCOMPLETE instead of a SyntaxError (codeop). */
    KR_PF_ALLOW_INCOMPLETE = 1 << 2
};

typedef enum {
    KR_ERR_NONE = 0,
    KR_ERR_SYNTAX,          /* SyntaxError */
    KR_ERR_INDENTATION,     /* IndentationError */
    KR_ERR_TAB,             /* TabError */
    KR_ERR_MEMORY,          /* MemoryError */
    KR_ERR_TOO_DEEP,        /* nesting limit: see msg; CPython raises
                               SyntaxError for "too many nested
                               parentheses", RecursionError otherwise */
    KR_ERR_RECURSION,       /* RecursionError (msg has the text) */
    KR_ERR_UNICODE_DECODE,  /* SyntaxError from a bad encoding / bytes */
    KR_ERR_VALUE,           /* ValueError (e.g. source contains NUL) */
    KR_ERR_INCOMPLETE       /* only with KR_PF_ALLOW_INCOMPLETE */
} kr_error_kind;

typedef struct kr_parse_error {
    kr_error_kind kind;
    char msg[512];
    int lineno;             /* 1-based; 0 if unknown */
    int offset;             /* 1-based column in characters (code points) */
    int end_lineno;
    int end_offset;
    const char *text;       /* offending source line (arena-owned, with
                               trailing newline as CPython), or NULL */
} kr_parse_error;

typedef struct kr_parse_options {
    /* \N{NAME} lookup; returns 1 and sets *cp when found, 0 otherwise. */
    int (*lookup_unicode_name)(const char *name, size_t len, uint32_t *cp);
    /* NFKC normalisation of non-ASCII identifiers.  Writes a malloc-free
       result into `out` (capacity out_cap) and returns its length, or -1.
       If NULL, identifiers are kept as written. */
    long (*nfkc_identifier)(const char *s, size_t len, char *out,
                            size_t out_cap);
    /* Non-ASCII identifier character test (XID_Start / XID_Continue).
       If NULL, every non-ASCII code point is accepted. */
    int (*is_xid)(uint32_t cp, int start);
} kr_parse_options;

/* Process-wide hooks, filled in by the runtime at start-up (may stay
   NULL for standalone use). */
extern kr_parse_options kr_parser_hooks;

kr_mod *kr_parse(kr_arena *arena, const char *src, size_t len,
                 const char *filename, int mode, int flags,
                 kr_parse_error *err);

#endif
