/*
 * strings.c - string literal decoding and f-strings (Python 3.11 rules).
 *
 * A run of adjacent STRING tokens becomes one Constant (str or bytes) or,
 * if any token is an f-string, one JoinedStr.  f-string replacement
 * fields are located by scanning the raw token text, then parsed by a
 * child parser over "(expr)" whose token positions are shifted to the real
 * source location, reproducing CPython 3.11's node positions (including
 * its quirk that all literal parts and FormattedValues span the whole
 * string run).
 */
#include "parser/parser_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Growable byte buffer in the arena. */
typedef struct {
    char *b;
    size_t n, cap;
} sbuf;

static int sb_reserve(kr_parser *p, sbuf *s, size_t extra)
{
    if (s->n + extra + 1 <= s->cap)
        return 1;
    size_t nc = s->cap ? s->cap * 2 : 64;
    while (nc < s->n + extra + 1)
        nc *= 2;
    char *nb = kr_p_alloc(p, nc);
    if (!nb)
        return 0;
    if (s->n)
        memcpy(nb, s->b, s->n);
    s->b = nb;
    s->cap = nc;
    return 1;
}

static int sb_add(kr_parser *p, sbuf *s, const char *d, size_t n)
{
    if (!sb_reserve(p, s, n))
        return 0;
    memcpy(s->b + s->n, d, n);
    s->n += n;
    s->b[s->n] = 0;
    return 1;
}

static int sb_cp(kr_parser *p, sbuf *s, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return sb_add(p, s, u, n);
}

typedef struct {
    int raw, bytes, fstr, u;
    const char *body, *body_end;
} strtok_info;

static void split_token(kr_token *t, strtok_info *si)
{
    memset(si, 0, sizeof *si);
    const char *s = t->start;
    while (*s != '\'' && *s != '"') {
        switch (*s) {
        case 'r': case 'R': si->raw = 1; break;
        case 'b': case 'B': si->bytes = 1; break;
        case 'f': case 'F': si->fstr = 1; break;
        case 'u': si->u = 1; break;   /* kind='u' only for lowercase */
        }
        s++;
    }
    char q = *s;
    int qs = 1;
    if (t->end - s >= 6 && s[1] == q && s[2] == q)
        qs = 3;
    si->body = s + qs;
    si->body_end = t->end - qs;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The error is attributed to the token after the string run, as in
   CPython (the furthest token read). */
static void *str_error(kr_parser *p, const char *fmt, const char *a, int i1,
                       int i2)
{
    char m[300];
    snprintf(m, sizeof m, fmt, a, i1, i2);
    return kr_p_error_tok(p, kr_p_peek(p), "%s", m);
}

/* Position (in CPython's intermediate buffer) of a byte offset: non-ASCII
   characters are expanded to 10-byte \U escapes there. */
static int esc_pos(const char *b, const char *at)
{
    int n = 0;
    while (b < at) {
        unsigned char c = (unsigned char)*b;
        if (c < 0x80) {
            n++;
            b++;
        } else {
            int l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            n += 10;
            b += l;
        }
    }
    return n;
}

/* Decodes a str body with escapes into out. */
static int decode_str(kr_parser *p, sbuf *out, const char *s, const char *e,
                      int raw)
{
    const char *b = s;
    if (raw)
        return sb_add(p, out, s, (size_t)(e - s));
    while (s < e) {
        const char *run = s;
        while (s < e && *s != '\\')
            s++;
        if (s > run && !sb_add(p, out, run, (size_t)(s - run)))
            return 0;
        if (s >= e)
            break;
        const char *bs = s;
        s++;
        if (s >= e || ((unsigned char)*s & 0x80)) {
            if (!sb_add(p, out, "\\", 1))
                return 0;
            continue;
        }
        char c = *s++;
        uint32_t cp;
        switch (c) {
        case '\n': continue;
        case '\\': cp = '\\'; break;
        case '\'': cp = '\''; break;
        case '"': cp = '"'; break;
        case 'a': cp = 7; break;
        case 'b': cp = 8; break;
        case 'f': cp = 12; break;
        case 'n': cp = 10; break;
        case 'r': cp = 13; break;
        case 't': cp = 9; break;
        case 'v': cp = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6':
        case '7':
            cp = (uint32_t)(c - '0');
            for (int k = 0; k < 2 && s < e && *s >= '0' && *s <= '7'; k++)
                cp = cp * 8 + (uint32_t)(*s++ - '0');
            break;
        case 'x': case 'u': case 'U': {
            int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            cp = 0;
            int k;
            for (k = 0; k < nd; k++) {
                int h = s + k < e ? hexval(s[k]) : -1;
                if (h < 0)
                    break;
                cp = cp * 16 + (uint32_t)h;
            }
            int st = esc_pos(b, bs);
            if (k < nd) {
                char m[200];
                snprintf(m, sizeof m, "(unicode error) 'unicodeescape' codec "
                         "can't decode bytes in position %d-%d: truncated "
                         "\\%s escape", st, st + 1 + k,
                         c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
                kr_p_error_tok(p, kr_p_peek(p), "%s", m);
                return 0;
            }
            s += nd;
            if (cp > 0x10FFFF) {
                str_error(p, "(unicode error) 'unicodeescape' codec can't "
                          "decode bytes in position %.0s%d-%d: illegal "
                          "Unicode character", "", st, st + 1 + nd);
                return 0;
            }
            break;
        }
        case 'N': {
            int st = esc_pos(b, bs);
            const char *nb = s;
            if (s >= e || *s != '{') {
                str_error(p, "(unicode error) 'unicodeescape' codec can't "
                          "decode bytes in position %.0s%d-%d: malformed "
                          "\\N character escape", "", st,
                          st + 1);
                return 0;
            }
            const char *ne = memchr(s, '}', (size_t)(e - s));
            if (!ne || ne == s + 1) {
                str_error(p, "(unicode error) 'unicodeescape' codec can't "
                          "decode bytes in position %.0s%d-%d: malformed "
                          "\\N character escape", "", st,
                          ne ? st + 3 : esc_pos(b, e) - 1);
                return 0;
            }
            s = ne + 1;
            (void)nb;
            if (!kr_parser_hooks.lookup_unicode_name ||
                !kr_parser_hooks.lookup_unicode_name(nb + 1,
                                                     (size_t)(ne - nb - 1),
                                                     &cp)) {
                str_error(p, "(unicode error) 'unicodeescape' codec can't "
                          "decode bytes in position %.0s%d-%d: unknown "
                          "Unicode character name", "", st,
                          esc_pos(b, ne));
                return 0;
            }
            break;
        }
        default:
            /* unknown escapes are kept verbatim (DeprecationWarning) */
            if (!sb_add(p, out, bs, 2))
                return 0;
            continue;
        }
        if (!sb_cp(p, out, cp))
            return 0;
    }
    return 1;
}

static int decode_bytes(kr_parser *p, sbuf *out, const char *s,
                        const char *e, int raw)
{
    for (const char *q = s; q < e; q++)
        if ((unsigned char)*q >= 0x80) {
            str_error(p, "%sbytes can only contain ASCII literal characters",
                      "", 0, 0);
            return 0;
        }
    if (raw)
        return sb_add(p, out, s, (size_t)(e - s));
    const char *b = s;
    while (s < e) {
        const char *run = s;
        while (s < e && *s != '\\')
            s++;
        if (s > run && !sb_add(p, out, run, (size_t)(s - run)))
            return 0;
        if (s >= e)
            break;
        const char *bs = s;
        s++;
        if (s >= e) {
            if (!sb_add(p, out, "\\", 1))
                return 0;
            break;
        }
        char c = *s++;
        unsigned v;
        switch (c) {
        case '\n': continue;
        case '\\': v = '\\'; break;
        case '\'': v = '\''; break;
        case '"': v = '"'; break;
        case 'a': v = 7; break;
        case 'b': v = 8; break;
        case 'f': v = 12; break;
        case 'n': v = 10; break;
        case 'r': v = 13; break;
        case 't': v = 9; break;
        case 'v': v = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6':
        case '7':
            v = (unsigned)(c - '0');
            for (int k = 0; k < 2 && s < e && *s >= '0' && *s <= '7'; k++)
                v = v * 8 + (unsigned)(*s++ - '0');
            v &= 0xFF;
            break;
        case 'x': {
            int h1 = s < e ? hexval(s[0]) : -1;
            int h2 = s + 1 < e ? hexval(s[1]) : -1;
            if (h1 < 0 || h2 < 0) {
                str_error(p, "%s(value error) invalid \\x escape at position "
                          "%d", "", (int)(bs - b), 0);
                return 0;
            }
            v = (unsigned)(h1 * 16 + h2);
            s += 2;
            break;
        }
        default:
            if (!sb_add(p, out, bs, 2))
                return 0;
            continue;
        }
        char ch = (char)v;
        if (!sb_add(p, out, &ch, 1))
            return 0;
    }
    return 1;
}

/* ---- f-strings ----------------------------------------------------------- */

typedef struct {
    kr_parser *p;
    kr_token *tok;          /* the token being scanned */
    strtok_info si;
    int l, c, el, ec;       /* span of the whole string run */
    int u;                  /* the run starts with a u'' literal */
    kr_vec *values;         /* JoinedStr values being built */
    sbuf lit;               /* pending literal text */
} fctx;

static kr_expr *make_const_str(kr_parser *p, fctx *f, sbuf *s)
{
    kr_expr *e = kr_p_expr(p, KR_Constant, f->l, f->c, f->el, f->ec);
    if (!e)
        return NULL;
    e->v.Constant.value.kind = KR_CONST_STR;
    e->v.Constant.value.u.s.bytes = s->b ? s->b : "";
    e->v.Constant.value.u.s.len = s->n;
    if (f->u)
        e->v.Constant.kind = "u";
    return e;
}

static int flush_lit(fctx *f, kr_vec *values, sbuf *lit)
{
    if (lit->n == 0)
        return 1;
    kr_expr *c = make_const_str(f->p, f, lit);
    if (!c || !kr_vec_push(f->p, values, c))
        return 0;
    memset(lit, 0, sizeof *lit);
    return 1;
}

static int fstring_parse(fctx *f, const char **str, const char *end,
                         int lvl, kr_vec *values, sbuf *lit);

/* The literal text that ends a format spec spans the current token, not
   the whole string run (CPython 3.11). */
static int flush_lit_spec(fctx *f, kr_vec *values, sbuf *lit)
{
    int l = f->l, c = f->c, el = f->el, ec = f->ec, u = f->u;
    f->u = 0;
    f->l = f->tok->lineno;
    f->c = f->tok->col;
    f->el = f->tok->end_lineno;
    f->ec = f->tok->end_col;
    int r = flush_lit(f, values, lit);
    f->l = l;
    f->c = c;
    f->el = el;
    f->ec = ec;
    f->u = u;
    return r;
}

static kr_expr *compile_expr(fctx *f, const char *es, const char *ee)
{
    kr_parser *p = f->p;
    const char *q = es;
    while (q < ee && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f' ||
                      *q == '\r'))
        q++;
    if (q == ee) {
        kr_p_error_tok(p, kr_p_peek(p), "f-string: empty expression not "
                       "allowed");
        return NULL;
    }
    /* where the '{' is, relative to the token's first line */
    const char *tstart = f->tok->start;
    const char *brace = es - 1;
    int lines = 0;
    for (const char *x = tstart; x < brace; x++)
        if (*x == '\n')
            lines++;
    int nl_after_brace = 1;
    for (const char *x = es; x < ee && *x != '}' && *x != '\n'; x++)
        if (*x != ' ' && *x != '\t' && *x != '\f') {
            nl_after_brace = 0;
            break;
        }
    int cols = 0;
    if (!nl_after_brace) {
        const char *x = brace;
        while (x > tstart && *x != '\n')
            x--;
        cols = (int)(brace - x);
        if (*x == '\n')
            cols--;
    }
    int lineno = f->tok->lineno + lines;
    int col = lines ? cols : f->tok->col + cols;
    return kr_p_parse_fstring_expr(p, es, (size_t)(ee - es), lineno, col);
}

static int fstring_find_expr(fctx *f, const char **str, const char *end,
                             int lvl, kr_vec *values, sbuf *lit)
{
    kr_parser *p = f->p;
    if (lvl >= 2) {
        kr_p_error_tok(p, kr_p_peek(p), "f-string: expressions nested too "
                       "deeply");
        return 0;
    }
    const char *s = *str + 1;
    const char *es = s;
    char quote = 0;
    int stype = 0, depth = 0;
    char stack[KR_MAXLEVEL];
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') {
            kr_p_error_tok(p, kr_p_peek(p), "f-string expression part "
                           "cannot include a backslash");
            return 0;
        }
        if (quote) {
            if (ch == quote) {
                if (stype == 3) {
                    if (s + 2 < end && s[1] == ch && s[2] == ch) {
                        s += 2;
                        stype = 0;
                        quote = 0;
                    }
                } else {
                    stype = 0;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
                stype = 3;
                s += 2;
            } else
                stype = 1;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= KR_MAXLEVEL) {
                kr_p_error_tok(p, kr_p_peek(p), "f-string: too many nested "
                               "parenthesis");
                return 0;
            }
            stack[depth++] = ch;
        } else if (ch == '#') {
            kr_p_error_tok(p, kr_p_peek(p), "f-string expression part "
                           "cannot include '#'");
            return 0;
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' ||
                                  ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end) {
                char nx = s[1];
                if ((ch == '!' && nx == '=') || (ch == '=' && nx == '=') ||
                    (ch == '<' && nx == '=') || (ch == '>' && nx == '=')) {
                    s++;
                    continue;
                }
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                kr_p_error_tok(p, kr_p_peek(p), "f-string: unmatched '%c'",
                               ch);
                return 0;
            }
            depth--;
            char o = stack[depth];
            if (!((o == '(' && ch == ')') || (o == '[' && ch == ']') ||
                  (o == '{' && ch == '}'))) {
                kr_p_error_tok(p, kr_p_peek(p), "f-string: closing "
                               "parenthesis '%c' does not match opening "
                               "parenthesis '%c'", ch, o);
                return 0;
            }
        }
    }
    const char *ee = s;
    if (quote) {
        kr_p_error_tok(p, kr_p_peek(p), "f-string: unterminated string");
        return 0;
    }
    if (depth) {
        kr_p_error_tok(p, kr_p_peek(p), "f-string: unmatched '%c'",
                       stack[depth - 1]);
        return 0;
    }
    if (s >= end)
        goto unexpected_end;
    kr_expr *value = compile_expr(f, es, ee);
    if (!value)
        return 0;
    int debug = 0;
    const char *dbg_end = NULL;
    if (*s == '=') {
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' ||
                           *s == '\r' || *s == '\f' || *s == '\v'))
            s++;
        if (s >= end)
            goto unexpected_end;
        debug = 1;
        dbg_end = s;
    }
    int conversion = -1;
    if (*s == '!') {
        s++;
        if (s >= end)
            goto unexpected_end;
        conversion = (unsigned char)*s++;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            kr_p_error_tok(p, kr_p_peek(p), "f-string: invalid conversion "
                           "character: expected 's', 'r', or 'a'");
            return 0;
        }
    }
    kr_expr *spec = NULL;
    if (s >= end)
        goto unexpected_end;
    if (*s == ':') {
        s++;
        if (s >= end)
            goto unexpected_end;
        kr_vec sv;
        kr_vec_init(&sv);
        sbuf slit;
        memset(&slit, 0, sizeof slit);
        if (!fstring_parse(f, &s, end, lvl + 1, &sv, &slit))
            return 0;
        if (!flush_lit_spec(f, &sv, &slit))
            return 0;
        spec = kr_p_expr(p, KR_JoinedStr, f->tok->lineno, f->tok->col,
                         f->tok->end_lineno, f->tok->end_col);
        if (!spec)
            return 0;
        spec->v.JoinedStr.values = kr_vec_seq(p, &sv);
    }
    if (s >= end || *s != '}')
        goto unexpected_end;
    s++;
    *str = s;
    if (debug) {
        if (!sb_add(p, lit, es, (size_t)(dbg_end - es)))
            return 0;
        if (!spec && conversion == -1)
            conversion = 'r';
    }
    /* text before a field spans the whole run even inside a spec */
    if (!flush_lit(f, values, lit))
        return 0;
    kr_expr *fv = kr_p_expr(p, KR_FormattedValue, f->l, f->c, f->el, f->ec);
    if (!fv)
        return 0;
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    return kr_vec_push(p, values, fv);

unexpected_end:
    kr_p_error_tok(p, kr_p_peek(p), "f-string: expecting '}'");
    return 0;
}

/* Scans literal text and replacement fields until the end, or until a '}'
   closing a format spec (lvl > 0). */
static int fstring_parse(fctx *f, const char **str, const char *end,
                         int lvl, kr_vec *values, sbuf *lit)
{
    kr_parser *p = f->p;
    const char *s = *str;
    for (;;) {
        /* literal part */
        const char *ls = s;
        int doubled = 0;
        while (s < end) {
            char ch = *s++;
            if (!f->si.raw && ch == '\\' && s < end) {
                ch = *s++;
                if (ch == 'N') {
                    if (s < end && *s++ == '{') {
                        while (s < end && *s++ != '}') {
                        }
                        continue;
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (lvl == 0) {
                    if (s < end && *s == ch) {
                        doubled = 1;
                        break;
                    }
                    if (ch == '}') {
                        kr_p_error_tok(p, kr_p_peek(p), "f-string: single "
                                       "'}' is not allowed");
                        return 0;
                    }
                }
                s--;
                break;
            }
        }
        if (s > ls) {
            if (!decode_str(p, lit, ls, s, f->si.raw))
                return 0;
        }
        if (doubled) {
            s++;
            continue;
        }
        if (s >= end)
            break;
        if (*s == '}') {
            if (lvl == 0) {
                kr_p_error_tok(p, kr_p_peek(p), "f-string: single '}' is "
                               "not allowed");
                return 0;
            }
            break;
        }
        /* '{' */
        if (!fstring_find_expr(f, &s, end, lvl, values, lit))
            return 0;
    }
    *str = s;
    return 1;
}

kr_expr *kr_p_concat_strings(kr_parser *p, int first, int last)
{
    kr_token *ft = kr_p_tok(p, first), *lt = kr_p_tok(p, last);
    int any_f = 0, any_bytes = 0, any_str = 0;
    for (int i = first; i <= last; i++) {
        strtok_info si;
        split_token(kr_p_tok(p, i), &si);
        any_f |= si.fstr;
        if (si.bytes)
            any_bytes = 1;
        else
            any_str = 1;
    }
    (void)any_str;
    strtok_info s0;
    split_token(ft, &s0);
    fctx f;
    memset(&f, 0, sizeof f);
    f.p = p;
    f.l = ft->lineno;
    f.c = ft->col;
    f.el = lt->end_lineno;
    f.ec = lt->end_col;
    f.u = s0.u;
    kr_vec values;
    kr_vec_init(&values);
    sbuf lit;
    memset(&lit, 0, sizeof lit);
    int bytesmode = 0;
    /* token by token, like CPython: decode, then check bytes/str mixing,
       then parse f-string fields */
    for (int i = first; i <= last; i++) {
        f.tok = kr_p_tok(p, i);
        split_token(f.tok, &f.si);
        if (!f.si.fstr) {
            int ok = f.si.bytes ? decode_bytes(p, &lit, f.si.body,
                                               f.si.body_end, f.si.raw)
                                : decode_str(p, &lit, f.si.body,
                                             f.si.body_end, f.si.raw);
            if (!ok)
                return NULL;
        }
        if (i != first && bytesmode != f.si.bytes)
            return kr_p_error_tok(p, kr_p_peek(p), "cannot mix bytes and "
                                  "nonbytes literals");
        bytesmode = f.si.bytes;
        if (f.si.fstr) {
            const char *s = f.si.body;
            if (!fstring_parse(&f, &s, f.si.body_end, 0, &values, &lit))
                return NULL;
        }
    }
    if (!any_f) {
        kr_expr *e = kr_p_expr(p, KR_Constant, ft->lineno, ft->col,
                               lt->end_lineno, lt->end_col);
        if (!e)
            return NULL;
        e->v.Constant.value.kind = any_bytes ? KR_CONST_BYTES : KR_CONST_STR;
        e->v.Constant.value.u.s.bytes = lit.b ? lit.b : "";
        e->v.Constant.value.u.s.len = lit.n;
        if (s0.u)
            e->v.Constant.kind = "u";
        return e;
    }
    if (!flush_lit(&f, &values, &lit))
        return NULL;
    kr_expr *e = kr_p_expr(p, KR_JoinedStr, f.l, f.c, f.el, f.ec);
    if (!e)
        return NULL;
    e->v.JoinedStr.values = kr_vec_seq(p, &values);
    return e;
}

/* Parses "(" text ")" with a child parser whose first-line tokens are
   shifted to the real location of the replacement field. */
kr_expr *kr_p_parse_fstring_expr(kr_parser *p, const char *s, size_t len,
                                 int lineno, int col)
{
    char *buf = kr_p_alloc(p, len + 3);
    if (!buf)
        return NULL;
    buf[0] = '(';
    memcpy(buf + 1, s, len);
    buf[len + 1] = ')';
    buf[len + 2] = 0;
    kr_parser *c = calloc(1, sizeof *c);
    if (!c)
        return kr_p_nomem(p);
    c->arena = p->arena;
    c->err = p->err;
    c->mode = KR_MODE_EVAL;
    c->flags = p->flags | KR_PF_IGNORE_COOKIE;
    c->fstring = 1;
    c->parent = p;
    c->depth = p->depth;
    c->line_shift = lineno - 1;
    c->col_shift = col;
    kr_expr *e = NULL;
    if (kr_tok_init(&c->tok, p->arena, buf, len + 2, c->flags, p->err) == 0) {
        c->src = c->tok.buf;
        e = kr_p_star_expressions(c);
        if (e && !c->error) {
            if (PEEK(c) != KR_T_NEWLINE) {
                kr_p_syntax_error(c);
                e = NULL;
            } else if (e->kind == KR_Starred) {
                kr_p_error_expr(c, e, "cannot use starred expression here");
                e = NULL;
            }
        } else
            e = NULL;
        if (!e && !c->error)
            kr_p_syntax_error(c);
    }
    if (c->error || !e) {
        p->error = 1;
        e = NULL;
    }
    free(c->chunks);
    free(c);
    return e;
}
