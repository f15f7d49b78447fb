/*
 * parser.c - driver of the front end: kr_parse(), the lazily filled token
 * array, error reporting in CPython's style, and small allocation helpers
 * used by parse_expr.c / parse_stmt.c / strings.c.
 *
 * Error policy (mirrors CPython 3.11's pegen): the first error recorded
 * wins; a generic "invalid syntax" points at the furthest token fetched;
 * after a parser error the rest of the source is still tokenized so that
 * tokenizer errors (unterminated strings, unclosed brackets...) take
 * precedence, as CPython does.
 */
#include "parser/parser_internal.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

kr_parse_options kr_parser_hooks;

/* ---- tokens -------------------------------------------------------------- */

/* Tokens live in fixed-size chunks so pointers to them stay valid while
   more tokens are fetched. */
kr_token *kr_p_tok(kr_parser *p, int idx)
{
    return &p->chunks[idx >> KR_TOK_CHUNK_BITS][idx & (KR_TOK_CHUNK - 1)];
}

/* The token returned when no more tokens can be stored: an error token of
 * this parser's own, so that parsers of different contexts share nothing. */
static kr_token *kr_p_error_token(kr_parser *p)
{
    p->error_token.type = KR_T_ERROR;
    return &p->error_token;
}

static kr_token *fetch_to(kr_parser *p, int idx)
{
    while (p->ntoks <= idx) {
        if ((p->ntoks & (KR_TOK_CHUNK - 1)) == 0) {
            int ci = p->ntoks >> KR_TOK_CHUNK_BITS;
            if (ci >= p->cap) {
                int nc = p->cap ? p->cap * 2 : 16;
                kr_token **nt = realloc(p->chunks, (size_t)nc * sizeof *nt);
                if (!nt) {
                    kr_p_nomem(p);
                    return kr_p_error_token(p);
                }
                p->chunks = nt;
                p->cap = nc;
            }
            p->chunks[ci] = kr_arena_alloc(p->arena,
                                           KR_TOK_CHUNK * sizeof(kr_token));
            if (!p->chunks[ci]) {
                kr_p_nomem(p);
                return kr_p_error_token(p);
            }
        }
        kr_token *t = kr_p_tok(p, p->ntoks);
        kr_token *prev = p->ntoks > 0 ? kr_p_tok(p, p->ntoks - 1) : NULL;
        if (prev && (prev->type == KR_T_ERROR ||
                     prev->type == KR_T_ENDMARKER)) {
            *t = *prev;
        } else {
            int ty = kr_tok_next(&p->tok, t);
            if (ty == KR_T_ERROR) {
                p->tok_failed = 1;
                if (!p->tok.eof_in_parens)
                    p->error = 1;
                t->lineno = t->end_lineno = p->tok.lineno;
                t->col = t->end_col = (int)(p->tok.cur - p->tok.line_start);
            }
            if (p->line_shift || p->col_shift) {
                if (t->lineno == 1)
                    t->col += p->col_shift;
                if (t->end_lineno == 1)
                    t->end_col += p->col_shift;
                t->lineno += p->line_shift;
                t->end_lineno += p->line_shift;
            }
        }
        p->ntoks++;
    }
    if (!p->spec && idx > p->furthest)
        p->furthest = idx;
    return kr_p_tok(p, idx);
}

kr_token *kr_p_peek(kr_parser *p)
{
    if (p->pos < p->ntoks) {
        if (!p->spec && p->pos > p->furthest)
            p->furthest = p->pos;
        return kr_p_tok(p, p->pos);
    }
    return fetch_to(p, p->pos);
}

kr_token *kr_p_peek_at(kr_parser *p, int k)
{
    return fetch_to(p, p->pos + k);
}

kr_token *kr_p_next(kr_parser *p)
{
    kr_token *t = kr_p_peek(p);
    if (t->type != KR_T_ERROR && t->type != KR_T_ENDMARKER)
        p->pos++;
    else if (t->type == KR_T_ENDMARKER)
        p->pos++;
    return t;
}

kr_token *kr_p_last(kr_parser *p)
{
    return kr_p_tok(p, p->pos > 0 ? p->pos - 1 : 0);
}

int kr_p_is_name(kr_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->type == KR_T_NAME && (size_t)(t->end - t->start) == n &&
           memcmp(t->start, s, n) == 0;
}

/* ---- errors -------------------------------------------------------------- */

static void verror(kr_parser *p, kr_error_kind kind, int lineno, int col1,
                   int end_lineno, int end_col1, const char *fmt, va_list ap)
{
    if (p->error)
        return;
    p->error = 1;
    if (p->spec)
        return;   /* speculative failure: the caller resets */
    char msg[400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    kr_parser *root = p;
    while (root->parent)
        root = root->parent;
    const char *buf = root->tok.buf;
    if (p->fstring) {
        /* CPython 3.11 reports f-string expression errors relative to the
           "(expr)" buffer it parsed, not the real source position. */
        buf = p->tok.buf;
        if (lineno > 0) {
            lineno -= p->line_shift;
            if (lineno == 1 && col1 > 0)
                col1 -= p->col_shift;
        }
        if (end_lineno > 0) {
            end_lineno -= p->line_shift;
            if (end_lineno == 1 && end_col1 > 0)
                end_col1 -= p->col_shift;
        }
        char m2[420];
        snprintf(m2, sizeof m2, "f-string: %s", msg);
        kr_set_error(p->err, kind, buf, lineno, col1, end_lineno, end_col1,
                     "%s", m2);
    } else
        kr_set_error(p->err, kind, root->chars ? buf : NULL, lineno, col1,
                     end_lineno, end_col1, "%s", msg);
}

void *kr_p_error_at(kr_parser *p, kr_error_kind kind, int lineno, int col,
                    int end_lineno, int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, kind, lineno, col + 1, end_lineno, end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *kr_p_error_tok(kr_parser *p, kr_token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* EOF / indentation tokens carry no text; CPython reports the
       tokenizer's current column for them. */
    int synthetic = t->type == KR_T_ENDMARKER || t->type == KR_T_INDENT ||
                    t->type == KR_T_DEDENT;
    verror(p, KR_ERR_SYNTAX, t->lineno, synthetic ? t->col : t->col + 1,
           t->end_lineno, synthetic ? -1 : t->end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *kr_p_error_expr(kr_parser *p, kr_expr *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, KR_ERR_SYNTAX, e->lineno, e->col_offset + 1, e->end_lineno,
           e->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *kr_p_error_range(kr_parser *p, kr_expr *a, kr_expr *b,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, KR_ERR_SYNTAX, a->lineno, a->col_offset + 1, b->end_lineno,
           b->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *kr_p_nomem(kr_parser *p)
{
    if (!p->error) {
        p->error = 1;
        kr_set_error(p->err, KR_ERR_MEMORY, NULL, 0, 0, 0, 0, "%s", "");
    }
    return NULL;
}

int kr_p_enter_n(kr_parser *p, int n)
{
    p->depth += n;
    if (p->depth > KR_MAX_DEPTH) {
        p->depth -= n;
        if (!p->error) {
            /* CPython 3.11 raises a bare MemoryError when its parser
               stack overflows */
            p->error = 1;
            p->spec = 0;
            kr_set_error(p->err, KR_ERR_MEMORY, NULL, 0, 0, 0, 0, "%s", "");
        }
        return 0;
    }
    return 1;
}

int kr_p_enter(kr_parser *p)
{
    return kr_p_enter_n(p, 1);
}

/* "'(' was never closed" for the innermost open bracket.  CPython raises
   it from the parser, so its column is in bytes unless the source
   encoding is known (see p->chars). */
static void unclosed_error(kr_parser *p)
{
    kr_tokenizer *tk = &p->tok;
    int l = tk->level - 1;
    kr_set_error(p->err, KR_ERR_SYNTAX, p->chars ? tk->buf : NULL,
                 tk->parenlineno[l], tk->parencol[l] + 1, tk->parenlineno[l],
                 0, "'%c' was never closed", tk->parenstack[l]);
}

void *kr_p_syntax_error(kr_parser *p)
{
    if (p->error)
        return NULL;
    if (p->ntoks == 0)
        kr_p_peek(p);
    if (p->error)
        return NULL;
    int idx = p->spec ? p->ntoks - 1 : p->furthest;
    if (idx >= p->ntoks)
        idx = p->ntoks - 1;
    kr_token *t = kr_p_tok(p, idx);
    if (t->type == KR_T_ERROR && p->tok.eof_in_parens && !p->spec) {
        p->error = 1;
        if (p->fstring) {
            kr_set_error(p->err, KR_ERR_SYNTAX, NULL, 0, 0, 0, 0,
                         "f-string: expecting '}'");
            return NULL;
        }
        unclosed_error(p);
        return NULL;
    }
    if (t->type == KR_T_INDENT || t->type == KR_T_DEDENT) {
        if (p->spec) {
            p->error = 1;
            return NULL;
        }
        p->error = 1;
        kr_set_error(p->err, KR_ERR_INDENTATION, p->tok.buf, t->lineno,
                     t->col, t->lineno, -1, "%s",
                     t->type == KR_T_INDENT ? "unexpected indent"
                                            : "unexpected unindent");
        return NULL;
    }
    if (t->type == KR_T_ENDMARKER) {
        /* CPython reports the end marker's unknown column (-1) + 1 */
        return kr_p_error_at(p, KR_ERR_SYNTAX, t->lineno, -1, t->lineno, -1,
                             "invalid syntax");
    }
    return kr_p_error_tok(p, t, "invalid syntax");
}

/* ---- allocation ---------------------------------------------------------- */

void *kr_p_alloc(kr_parser *p, size_t n)
{
    void *r = kr_arena_alloc(p->arena, n);
    if (!r)
        kr_p_nomem(p);
    return r;
}

kr_expr *kr_p_expr(kr_parser *p, kr_expr_kind k, int l, int c, int el,
                   int ec)
{
    kr_expr *e = kr_p_alloc(p, sizeof *e);
    if (!e)
        return NULL;
    e->kind = k;
    e->lineno = l;
    e->col_offset = c;
    e->end_lineno = el;
    e->end_col_offset = ec;
    return e;
}

kr_stmt *kr_p_stmt(kr_parser *p, kr_stmt_kind k, int l, int c, int el,
                   int ec)
{
    kr_stmt *s = kr_p_alloc(p, sizeof *s);
    if (!s)
        return NULL;
    s->kind = k;
    s->lineno = l;
    s->col_offset = c;
    s->end_lineno = el;
    s->end_col_offset = ec;
    return s;
}

const char *kr_p_name(kr_parser *p, kr_token *t)
{
    size_t n = (size_t)(t->end - t->start);
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)t->start[i] >= 128) {
            ascii = 0;
            break;
        }
    if (!ascii && kr_parser_hooks.nfkc_identifier) {
        size_t cap = n * 4 + 16;
        char *out = kr_p_alloc(p, cap);
        if (!out)
            return NULL;
        long r = kr_parser_hooks.nfkc_identifier(t->start, n, out, cap - 1);
        if (r >= 0) {
            out[r] = 0;
            return out;
        }
    }
    char *s = kr_arena_strndup(p->arena, t->start, n);
    if (!s)
        kr_p_nomem(p);
    return s;
}

void kr_vec_init(kr_vec *v)
{
    v->items = v->inline_buf;
    v->n = 0;
    v->cap = (int)(sizeof v->inline_buf / sizeof v->inline_buf[0]);
}

int kr_vec_push(kr_parser *p, kr_vec *v, void *x)
{
    if (v->n == v->cap) {
        int nc = v->cap * 2;
        void **ni = kr_p_alloc(p, (size_t)nc * sizeof(void *));
        if (!ni)
            return 0;
        memcpy(ni, v->items, (size_t)v->n * sizeof(void *));
        v->items = ni;
        v->cap = nc;
    }
    v->items[v->n++] = x;
    return 1;
}

typedef struct { int n; void *items[]; } kr_any_seq;

void *kr_vec_seq(kr_parser *p, kr_vec *v)
{
    if (v->n == 0)
        return NULL;
    kr_any_seq *s = kr_p_alloc(p, sizeof(kr_any_seq) +
                                      (size_t)v->n * sizeof(void *));
    if (!s)
        return NULL;
    s->n = v->n;
    memcpy(s->items, v->items, (size_t)v->n * sizeof(void *));
    return s;
}

void *kr_seq1(kr_parser *p, void *x)
{
    kr_any_seq *s = kr_p_alloc(p, sizeof(kr_any_seq) + sizeof(void *));
    if (!s)
        return NULL;
    s->n = 1;
    s->items[0] = x;
    return s;
}

/* ---- entry point --------------------------------------------------------- */

/* After a parser error, CPython keeps tokenizing: a tokenizer error later
   in the file replaces the parser's error. */
static void check_rest_for_tokenizer_errors(kr_parser *p)
{
    /* The parser itself ran into end of file inside brackets: as in
       CPython, where the tokenizer raises at that point, the unclosed
       bracket is the error whatever the parser had concluded. */
    if (p->tok_failed && p->tok.eof_in_parens) {
        if (p->tok.level > 0) {
            memset(p->err, 0, sizeof *p->err);
            unclosed_error(p);
        }
        return;
    }
    if (p->tok_failed)
        return;
    /* CPython compares the unclosed bracket's line with the line of the
       last token the parser fetched (not the reported error's line). */
    int current_line = p->ntoks > 0 ? kr_p_tok(p, p->ntoks - 1)->lineno : p->err->lineno;
    kr_parse_error scratch;
    memset(&scratch, 0, sizeof scratch);
    p->tok.err = &scratch;
    kr_token t;
    for (;;) {
        int ty = kr_tok_next(&p->tok, &t);
        if (ty == KR_T_ENDMARKER)
            break;
        if (ty == KR_T_ERROR) {
            /* CPython's tokenizer signals some errors with a status code
               that only its parser turns into an exception (indentation,
               tabs, a character after a line continuation): this scan
               does not report those */
            int status_only = scratch.kind == KR_ERR_INDENTATION ||
                              scratch.kind == KR_ERR_TAB ||
                              strncmp(scratch.msg, "unexpected character "
                                      "after line continuation", 42) == 0;
            if (scratch.kind != KR_ERR_NONE && status_only) {
                /* keep the parser's error */
            } else if (scratch.kind != KR_ERR_NONE) {
                *p->err = scratch;
            } else if (p->tok.eof_in_parens) {
                int l = p->tok.level - 1;
                if (current_line > p->tok.parenlineno[l]) {
                    memset(p->err, 0, sizeof *p->err);
                    unclosed_error(p);
                }
            }
            break;
        }
    }
    p->tok.err = p->err;
}

static kr_mod *parse_eval(kr_parser *p)
{
    kr_expr *e = kr_p_star_expressions(p);   /* `expressions` */
    if (!e)
        return NULL;
    while (PEEK(p) == KR_T_NEWLINE)
        kr_p_next(p);
    if (PEEK(p) != KR_T_ENDMARKER)
        return kr_p_syntax_error(p);
    kr_mod *m = kr_p_alloc(p, sizeof *m);
    if (!m)
        return NULL;
    m->kind = KR_Expression;
    m->v.Expression.body = e;
    return m;
}

static kr_mod *parse_func_type(kr_parser *p)
{
    kr_vec v;
    kr_vec_init(&v);
    if (!ACCEPT(p, KR_T_LPAR))
        return kr_p_syntax_error(p);
    while (PEEK(p) != KR_T_RPAR) {
        kr_expr *e;
        if (PEEK(p) == KR_T_STAR || PEEK(p) == KR_T_DOUBLESTAR) {
            kr_token *st = kr_p_next(p);
            kr_expr *x = kr_p_expression(p);
            if (!x)
                return NULL;
            e = kr_p_expr(p, KR_Starred, st->lineno, st->col, x->end_lineno,
                          x->end_col_offset);
            if (!e)
                return NULL;
            /* CPython keeps only the expression for *args / **kwargs */
            e = x;
        } else {
            e = kr_p_expression(p);
            if (!e)
                return NULL;
        }
        if (!kr_vec_push(p, &v, e))
            return NULL;
        if (!ACCEPT(p, KR_T_COMMA))
            break;
    }
    if (!ACCEPT(p, KR_T_RPAR) || !ACCEPT(p, KR_T_RARROW))
        return kr_p_syntax_error(p);
    kr_expr *r = kr_p_expression(p);
    if (!r)
        return NULL;
    while (PEEK(p) == KR_T_NEWLINE)
        kr_p_next(p);
    if (PEEK(p) != KR_T_ENDMARKER)
        return kr_p_syntax_error(p);
    kr_mod *m = kr_p_alloc(p, sizeof *m);
    if (!m)
        return NULL;
    m->kind = KR_FunctionType;
    m->v.FunctionType.argtypes = kr_vec_seq(p, &v);
    m->v.FunctionType.returns = r;
    return m;
}

/* One parse of the whole source: a fresh parser over a fresh tokenizer.
   Returns the parser (to be freed with free_parser) or NULL when out of
   memory; *out is the module, NULL on error (err says why). */
static kr_parser *run_parser(kr_arena *arena, const char *src, size_t len,
                             int mode, int flags, int legacy,
                             kr_parse_error *err, kr_mod **out)
{
    *out = NULL;
    memset(err, 0, sizeof *err);
    kr_parser *p = calloc(1, sizeof *p);
    if (!p) {
        err->kind = KR_ERR_MEMORY;
        return NULL;
    }
    p->arena = arena;
    p->err = err;
    p->mode = mode;
    p->flags = flags;
    p->legacy = legacy;
    kr_mod *m = NULL;
    if (kr_tok_init(&p->tok, arena, src, len, flags, err) < 0)
        return p;
    p->src = p->tok.buf;
    /* CPython converts parser-error columns to characters only when the
       source encoding is known (str input, or a BOM / coding cookie);
       for undeclared bytes input it reports byte offsets. */
    p->chars = (flags & KR_PF_IGNORE_COOKIE) || p->tok.had_encoding;
    switch (mode) {
    case KR_MODE_EVAL:
        m = parse_eval(p);
        break;
    case KR_MODE_FUNC_TYPE:
        m = parse_func_type(p);
        break;
    case KR_MODE_SINGLE: {
        if (PEEK(p) == KR_T_ENDMARKER && !p->error) {
            /* CPython: empty input in 'single' mode is an error at EOF */
            kr_p_syntax_error(p);
            break;
        }
        kr_stmt_seq *body = kr_p_interactive(p);
        if (!p->error) {
            m = kr_p_alloc(p, sizeof *m);
            if (m) {
                m->kind = KR_Interactive;
                m->v.Interactive.body = body;
            }
        }
        break;
    }
    default: {
        kr_stmt_seq *body = kr_p_file(p);
        if (!p->error) {
            m = kr_p_alloc(p, sizeof *m);
            if (m) {
                m->kind = KR_Module;
                m->v.Module.body = body;
            }
        }
        break;
    }
    }
    if (p->tok_failed && !p->error)
        kr_p_syntax_error(p);   /* a failure no rule reported */
    if (p->error)
        m = NULL;
    *out = m;
    return p;
}

static void free_parser(kr_parser *p)
{
    if (p) {
        free(p->chunks);
        free(p);
    }
}

static int mentions(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (s[i] == word[0] && memcmp(s + i, word, n) == 0)
            return 1;
    return 0;
}

kr_mod *kr_parse(kr_arena *arena, const char *src, size_t len,
                 const char *filename, int mode, int flags,
                 kr_parse_error *err)
{
    (void)filename;
    kr_mod *m;
    kr_parser *p = run_parser(arena, src, len, mode, flags, 0, err, &m);
    if (!p)
        return NULL;
    if (!p->src) {
        /* the tokenizer could not even start (encoding, NUL byte...) */
        free_parser(p);
        return NULL;
    }
    if (!m) {
        if (err->kind == KR_ERR_NONE)
            kr_p_syntax_error(p);
        if (err->kind == KR_ERR_NONE) {
            err->kind = KR_ERR_SYNTAX;
            snprintf(err->msg, sizeof err->msg, "invalid syntax");
        }
        /* CPython parses a failing source a second time with its error
           rules on; the first error met in that pass wins.  Only one of
           those rules matches valid code: a statement-like use of print
           or exec, such as `print -1`, earlier in the file. */
        if ((err->kind == KR_ERR_SYNTAX || err->kind == KR_ERR_INDENTATION) &&
            !p->tok_failed && (mentions(src, len, "print") ||
                               mentions(src, len, "exec"))) {
            kr_parse_error err2;
            kr_mod *m2;
            kr_parser *p2 = run_parser(arena, src, len, mode, flags, 1,
                                       &err2, &m2);
            if (p2 && p2->legacy_hit)
                *err = err2;
            free_parser(p2);
        }
        if (err->kind == KR_ERR_SYNTAX || err->kind == KR_ERR_INDENTATION)
            check_rest_for_tokenizer_errors(p);
        if (err->lineno > 0 && p->tok.buf) {
            const char *ls = kr_line_start(p->tok.buf, err->lineno);
            if (ls) {
                const char *le = strchr(ls, '\n');
                size_t n = le ? (size_t)(le - ls) + 1 : strlen(ls);
                err->text = kr_arena_strndup(arena, ls, n);
            }
        }
    }
    free_parser(p);
    return m;
}
