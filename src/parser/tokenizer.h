/*
 * tokenizer.h - Python 3.11 tokenizer: UTF-8 source -> tokens.
 *
 * The tokenizer works on a normalised copy of the source (newlines turned
 * into '\n', a final '\n' guaranteed) and is pulled one token at a time by
 * the parser (parser.c keeps the token array for backtracking).  String
 * tokens are only delimited here; their contents are decoded by strings.c.
 * Keywords are classified here so the parser can switch on token types.
 */
#ifndef KR_PARSER_TOKENIZER_H
#define KR_PARSER_TOKENIZER_H

#include "parser/parser.h"

typedef enum {
    KR_T_ENDMARKER = 0, KR_T_NAME, KR_T_NUMBER, KR_T_STRING, KR_T_NEWLINE,
    KR_T_INDENT, KR_T_DEDENT,
    /* operators */
    KR_T_LPAR, KR_T_RPAR, KR_T_LSQB, KR_T_RSQB, KR_T_COLON, KR_T_COMMA,
    KR_T_SEMI, KR_T_PLUS, KR_T_MINUS, KR_T_STAR, KR_T_SLASH, KR_T_VBAR,
    KR_T_AMPER, KR_T_LESS, KR_T_GREATER, KR_T_EQUAL, KR_T_DOT, KR_T_PERCENT,
    KR_T_LBRACE, KR_T_RBRACE, KR_T_EQEQUAL, KR_T_NOTEQUAL, KR_T_LESSEQUAL,
    KR_T_GREATEREQUAL, KR_T_TILDE, KR_T_CIRCUMFLEX, KR_T_LEFTSHIFT,
    KR_T_RIGHTSHIFT, KR_T_DOUBLESTAR, KR_T_PLUSEQUAL, KR_T_MINEQUAL,
    KR_T_STAREQUAL, KR_T_SLASHEQUAL, KR_T_PERCENTEQUAL, KR_T_AMPEREQUAL,
    KR_T_VBAREQUAL, KR_T_CIRCUMFLEXEQUAL, KR_T_LEFTSHIFTEQUAL,
    KR_T_RIGHTSHIFTEQUAL, KR_T_DOUBLESTAREQUAL, KR_T_DOUBLESLASH,
    KR_T_DOUBLESLASHEQUAL, KR_T_AT, KR_T_ATEQUAL, KR_T_RARROW,
    KR_T_ELLIPSIS, KR_T_COLONEQUAL, KR_T_EXCLAMATION,
    KR_T_OP,            /* any other single character (always an error) */
    /* keywords */
    KR_T_FALSE, KR_T_NONE, KR_T_TRUE, KR_T_AND, KR_T_AS, KR_T_ASSERT,
    KR_T_ASYNC, KR_T_AWAIT, KR_T_BREAK, KR_T_CLASS, KR_T_CONTINUE, KR_T_DEF,
    KR_T_DEL, KR_T_ELIF, KR_T_ELSE, KR_T_EXCEPT, KR_T_FINALLY, KR_T_FOR,
    KR_T_FROM, KR_T_GLOBAL, KR_T_IF, KR_T_IMPORT, KR_T_IN, KR_T_IS,
    KR_T_LAMBDA, KR_T_NONLOCAL, KR_T_NOT, KR_T_OR, KR_T_PASS, KR_T_RAISE,
    KR_T_RETURN, KR_T_TRY, KR_T_WHILE, KR_T_WITH, KR_T_YIELD,
    KR_T_ERROR,         /* tokenizer error; err is filled in */
    KR_T__COUNT
} kr_tok_type;

#define KR_T_IS_KEYWORD(t) ((t) >= KR_T_FALSE && (t) <= KR_T_YIELD)

typedef struct kr_token {
    int type;
    int level;                              /* bracket depth after it */
    int lineno, col, end_lineno, end_col;   /* col: 0-based bytes */
    const char *start, *end;                /* text in the tokenizer buffer */
} kr_token;

#define KR_MAXINDENT 100
#define KR_MAXLEVEL 200

typedef struct kr_tokenizer {
    const char *buf, *cur, *end;   /* buf is NUL-terminated, ends in '\n' */
    const char *line_start;
    int lineno;
    int indstack[KR_MAXINDENT], altindstack[KR_MAXINDENT];
    int indent, pendin;
    int atbol;
    int level;
    char parenstack[KR_MAXLEVEL];
    int parenlineno[KR_MAXLEVEL], parencol[KR_MAXLEVEL];
    int done;                      /* ENDMARKER returned */
    int eof_in_parens;             /* EOF reached with level > 0 */
    int flags;
    int had_encoding;              /* BOM or coding cookie seen */
    kr_arena *arena;
    kr_parse_error *err;
} kr_tokenizer;

/* Prepares `src` (normalises newlines, checks BOM/cookie/NULs).  Returns 0
   on success, -1 with err filled. */
int kr_tok_init(kr_tokenizer *t, kr_arena *arena, const char *src,
                size_t len, int flags, kr_parse_error *err);
/* Produces the next token; returns its type (KR_T_ERROR on error). */
int kr_tok_next(kr_tokenizer *t, kr_token *tok);

/* Error helpers shared with the parser.  col is a 0-based byte column,
   converted to CPython's 1-based character offset. */
void kr_set_error(kr_parse_error *err, kr_error_kind kind, const char *buf,
                  int lineno, int col1, int end_lineno, int end_col1,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;
/* Start of line `lineno` (1-based) in the buffer, or NULL. */
const char *kr_line_start(const char *buf, int lineno);
/* Number of characters in the first `bytes` bytes of a UTF-8 line. */
int kr_utf8_chars(const char *line, int bytes);

#endif
