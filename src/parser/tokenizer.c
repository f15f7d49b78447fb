/*
 * tokenizer.c - the Python 3.11 tokenizer (see tokenizer.h).
 *
 * Mirrors the behaviour of CPython's tokenizer closely enough that error
 * messages and their positions match: indentation with tab/space
 * consistency checks, bracket tracking (which also feeds the "was never
 * closed" / "does not match" errors), number-literal validation, and
 * string delimiting.  Source is normalised once up front so the hot loop
 * only ever sees '\n' line ends and a NUL sentinel.
 */
#include "parser/tokenizer.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- errors ------------------------------------------------------------ */

const char *kr_line_start(const char *buf, int lineno)
{
    const char *p = buf;
    for (int l = 1; l < lineno; l++) {
        p = strchr(p, '\n');
        if (!p)
            return NULL;
        p++;
    }
    return p;
}

int kr_utf8_chars(const char *line, int bytes)
{
    int n = 0;
    for (int i = 0; i < bytes; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c == 0) {
            /* CPython caps at len+1 */
            n++;
            break;
        }
        if ((c & 0xC0) != 0x80)
            n++;
    }
    return n;
}

void kr_set_error(kr_parse_error *err, kr_error_kind kind, const char *buf,
                  int lineno, int col1, int end_lineno, int end_col1,
                  const char *fmt, ...)
{
    if (err->kind != KR_ERR_NONE)
        return;   /* first error wins */
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->lineno = lineno;
    err->end_lineno = end_lineno;
    err->offset = col1;
    err->end_offset = end_col1;
    if (buf && lineno > 0 && col1 > 0) {
        const char *ls = kr_line_start(buf, lineno);
        if (ls)
            err->offset = kr_utf8_chars(ls, col1);
    }
    if (buf && end_lineno > 0 && end_col1 > 0) {
        const char *ls = kr_line_start(buf, end_lineno);
        if (ls)
            err->end_offset = kr_utf8_chars(ls, end_col1);
    }
}

/* Error at the tokenizer's current position, CPython's syntaxerror(). */
static int tok_error(kr_tokenizer *t, const char *fmt, const char *a1,
                     int i1, int i2)
{
    char msg[300];
    snprintf(msg, sizeof msg, fmt, a1, i1, i2);
    int col = (int)(t->cur - t->line_start);
    kr_set_error(t->err, KR_ERR_SYNTAX, t->buf, t->lineno, col, t->lineno,
                 col, "%s", msg);
    return KR_T_ERROR;
}

static int tok_error_range(kr_tokenizer *t, int col1, int end_col1,
                           const char *msg)
{
    kr_set_error(t->err, KR_ERR_SYNTAX, t->buf, t->lineno, col1, t->lineno,
                 end_col1, "%s", msg);
    return KR_T_ERROR;
}

static int tok_error_kind(kr_tokenizer *t, kr_error_kind kind, int col1,
                          const char *msg)
{
    kr_set_error(t->err, kind, t->buf, t->lineno, col1, t->lineno, -1,
                 "%s", msg);
    return KR_T_ERROR;
}

/* ---- initialisation ---------------------------------------------------- */

static int is_cookie_line(const char *s, const char *e, const char **enc,
                          size_t *enclen)
{
    const char *p = s;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    if (p >= e || *p != '#')
        return 0;
    for (; p + 6 <= e; p++) {
        if (memcmp(p, "coding", 6) == 0 && p + 6 < e &&
            (p[6] == ':' || p[6] == '=')) {
            const char *q = p + 7;
            while (q < e && (*q == ' ' || *q == '\t'))
                q++;
            const char *b = q;
            while (q < e && ((*q >= 'a' && *q <= 'z') ||
                             (*q >= 'A' && *q <= 'Z') ||
                             (*q >= '0' && *q <= '9') || *q == '-' ||
                             *q == '_' || *q == '.'))
                q++;
            if (q == b)
                continue;
            *enc = b;
            *enclen = (size_t)(q - b);
            return 1;
        }
    }
    return 0;
}

static int blank_or_comment(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    return s >= e || *s == '#' || *s == '\n' || *s == '\r';
}

/* Classifies an encoding name: 0 utf-8, 1 latin-1, -1 other. */
static int encoding_class(const char *e, size_t n)
{
    char low[32];
    if (n >= sizeof low)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = e[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c == '_')
            c = '-';
        low[i] = c;
    }
    low[n] = 0;
    if (strcmp(low, "utf-8") == 0 || strncmp(low, "utf-8-", 6) == 0 ||
        strcmp(low, "utf8") == 0)
        return 0;
    if (strcmp(low, "latin-1") == 0 || strcmp(low, "iso-8859-1") == 0 ||
        strcmp(low, "iso-latin-1") == 0 || strncmp(low, "latin-1-", 8) == 0 ||
        strncmp(low, "iso-8859-1-", 11) == 0 || strcmp(low, "latin1") == 0 ||
        strcmp(low, "iso8859-1") == 0)
        return 1;
    if (strcmp(low, "ascii") == 0 || strcmp(low, "us-ascii") == 0)
        return 2;
    return -1;
}

/* Returns the byte index of the first invalid UTF-8 sequence, or -1.
   Surrogates are rejected like CPython's strict decoder. */
static long utf8_invalid_at(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            cp = c & 0x07;
        } else
            return (long)i;
        if (i + need >= n + 0 && i + need > n - 1 + 1)
            return (long)i;
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= n || (s[i + k] & 0xC0) != 0x80)
                return (long)i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return (long)i;
        i += need + 1;
    }
    return -1;
}

int kr_tok_init(kr_tokenizer *t, kr_arena *arena, const char *src,
                size_t len, int flags, kr_parse_error *err)
{
    memset(t, 0, sizeof *t);
    t->arena = arena;
    t->err = err;
    t->flags = flags;
    if (memchr(src, 0, len)) {
        kr_set_error(err, KR_ERR_VALUE, NULL, 0, 0, 0, 0,
                     "source code string cannot contain null bytes");
        return -1;
    }
    int latin1 = 0;
    if (!(flags & KR_PF_IGNORE_COOKIE)) {
        if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
            src += 3;
            len -= 3;
            t->had_encoding = 1;
        }
        /* coding cookie on line 1 or 2 (line 2 only if line 1 is blank
           or a comment) */
        const char *e = src + len;
        const char *l1e = memchr(src, '\n', len);
        if (!l1e)
            l1e = e;
        const char *enc = NULL;
        size_t enclen = 0;
        int found = is_cookie_line(src, l1e, &enc, &enclen);
        if (!found && l1e < e && blank_or_comment(src, l1e)) {
            const char *l2 = l1e + 1;
            const char *l2e = memchr(l2, '\n', (size_t)(e - l2));
            if (!l2e)
                l2e = e;
            found = is_cookie_line(l2, l2e, &enc, &enclen);
        }
        if (found) {
            t->had_encoding = 1;
            int cls = encoding_class(enc, enclen);
            if (cls == 1)
                latin1 = 1;
            else if (cls < 0) {
                /* Only ASCII content can be accepted without a codec. */
                for (size_t i = 0; i < len; i++)
                    if ((unsigned char)src[i] >= 0x80) {
                        kr_set_error(err, KR_ERR_SYNTAX, NULL, 0, 0, 0, 0,
                                     "unknown encoding: %.*s", (int)enclen,
                                     enc);
                        return -1;
                    }
            }
        }
        if (!latin1) {
            long bad = utf8_invalid_at((const unsigned char *)src, len);
            if (bad >= 0) {
                int line = 1;
                for (long i = 0; i < bad; i++)
                    if (src[i] == '\n')
                        line++;
                kr_set_error(err, KR_ERR_SYNTAX, NULL, line, 0, line, 0,
                             "Non-UTF-8 code starting with '\\x%02x' in file "
                             "<string> on line %d, but no encoding declared; "
                             "see https://peps.python.org/pep-0263/ for "
                             "details",
                             (unsigned char)src[bad], line);
                return -1;
            }
        }
    }
    /* Normalise newlines; latin-1 input is transcoded to UTF-8. */
    size_t cap = (latin1 ? len * 2 : len) + 2;
    if (cap < len) {
        kr_set_error(err, KR_ERR_MEMORY, NULL, 0, 0, 0, 0, "out of memory");
        return -1;
    }
    char *out = kr_arena_alloc(arena, cap);
    if (!out) {
        kr_set_error(err, KR_ERR_MEMORY, NULL, 0, 0, 0, 0, "out of memory");
        return -1;
    }
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '\r') {
            out[o++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        } else if (latin1 && c >= 0x80) {
            out[o++] = (char)(0xC0 | (c >> 6));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else
            out[o++] = (char)c;
    }
    if (o == 0 || out[o - 1] != '\n')
        out[o++] = '\n';
    out[o] = 0;
    t->buf = out;
    t->cur = out;
    t->end = out + o;
    t->line_start = out;
    t->lineno = 1;
    t->atbol = 1;
    return 0;
}

/* ---- helpers ----------------------------------------------------------- */

static int is_id_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 128;
}

static int is_id_char(unsigned char c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static int keyword_type(const char *s, size_t n)
{
#define KW(str, tk) \
    if (n == sizeof(str) - 1 && memcmp(s, str, n) == 0) return tk
    switch (s[0]) {
    case 'F': KW("False", KR_T_FALSE); break;
    case 'N': KW("None", KR_T_NONE); break;
    case 'T': KW("True", KR_T_TRUE); break;
    case 'a':
        KW("and", KR_T_AND); KW("as", KR_T_AS); KW("assert", KR_T_ASSERT);
        KW("async", KR_T_ASYNC); KW("await", KR_T_AWAIT);
        break;
    case 'b': KW("break", KR_T_BREAK); break;
    case 'c': KW("class", KR_T_CLASS); KW("continue", KR_T_CONTINUE); break;
    case 'd': KW("def", KR_T_DEF); KW("del", KR_T_DEL); break;
    case 'e':
        KW("elif", KR_T_ELIF); KW("else", KR_T_ELSE); KW("except", KR_T_EXCEPT);
        break;
    case 'f':
        KW("finally", KR_T_FINALLY); KW("for", KR_T_FOR); KW("from", KR_T_FROM);
        break;
    case 'g': KW("global", KR_T_GLOBAL); break;
    case 'i':
        KW("if", KR_T_IF); KW("import", KR_T_IMPORT); KW("in", KR_T_IN);
        KW("is", KR_T_IS);
        break;
    case 'l': KW("lambda", KR_T_LAMBDA); break;
    case 'n': KW("nonlocal", KR_T_NONLOCAL); KW("not", KR_T_NOT); break;
    case 'o': KW("or", KR_T_OR); break;
    case 'p': KW("pass", KR_T_PASS); break;
    case 'r': KW("raise", KR_T_RAISE); KW("return", KR_T_RETURN); break;
    case 't': KW("try", KR_T_TRY); break;
    case 'w': KW("while", KR_T_WHILE); KW("with", KR_T_WITH); break;
    case 'y': KW("yield", KR_T_YIELD); break;
    }
#undef KW
    return KR_T_NAME;
}

static uint32_t decode_cp(const char *p, int *len)
{
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *len = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (s[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
               (s[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* Rough printability for the "invalid character" message when no XID
   hook is installed: C0/C1 controls and a few space/format characters. */
static int cp_printable(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;
    if (cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
        (cp >= 0x2028 && cp <= 0x202F) || cp == 0x205F || cp == 0x3000 ||
        cp == 0xFEFF || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x1680)
        return 0;
    return 1;
}

/* Validates a non-ASCII identifier; CPython reports the first bad char. */
static int verify_identifier(kr_tokenizer *t, const char *s, const char *e)
{
    const char *p = s;
    while (p < e) {
        int l;
        uint32_t cp = decode_cp(p, &l);
        int ok;
        if (cp < 128)
            ok = 1;
        else if (kr_parser_hooks.is_xid)
            ok = kr_parser_hooks.is_xid(cp, p == s);
        else
            ok = cp_printable(cp) && cp != 0x20AC && !(cp >= 0x2000 && cp < 0x2BFF && cp != 0x2118 && cp != 0x212E && !(cp >= 0x2070 && cp < 0x2190)) && cp != 0x3001 && cp != 0x3002;
        if (!ok) {
            t->cur = p + l;
            if (!cp_printable(cp)) {
                char m[64];
                snprintf(m, sizeof m, "invalid non-printable character U+%04X",
                         (unsigned)cp);
                return tok_error(t, "%s", m, 0, 0);
            }
            char m[64];
            snprintf(m, sizeof m, "invalid character '%.*s' (U+%04X)", l, p,
                     (unsigned)cp);
            /* CPython reports the column of the character itself */
            int col = (int)(p - t->line_start) + 1;
            return tok_error_range(t, col, col, m);
        }
        p += l;
    }
    return 0;
}

/* ---- numbers ----------------------------------------------------------- */

static int lookahead(const char *p, const char *s)
{
    size_t n = strlen(s);
    return strncmp(p, s, n) == 0;
}

/* p points at the character after the literal. */
static int verify_end_of_number(kr_tokenizer *t, const char *p,
                                const char *kind)
{
    unsigned char c = (unsigned char)*p;
    int r = 0;
    if (c == 'a')
        r = lookahead(p + 1, "nd");
    else if (c == 'e')
        r = lookahead(p + 1, "lse");
    else if (c == 'f')
        r = lookahead(p + 1, "or");
    else if (c == 'i')
        r = p[1] == 'f' || p[1] == 'n' || p[1] == 's';
    else if (c == 'o')
        r = p[1] == 'r';
    else if (c == 'n')
        r = lookahead(p + 1, "ot");
    if (r)
        return 1;   /* CPython only warns here */
    if (is_id_char(c)) {
        t->cur = p;
        char m[64];
        snprintf(m, sizeof m, "invalid %s literal", kind);
        tok_error(t, "%s", m, 0, 0);
        return 0;
    }
    return 1;
}

static int isdig(unsigned char c) { return c >= '0' && c <= '9'; }
static int isxdig(unsigned char c)
{
    return isdig(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Consumes digits with single underscores.  Returns NULL on error. */
static const char *decimal_tail(kr_tokenizer *t, const char *p)
{
    for (;;) {
        while (isdig((unsigned char)*p))
            p++;
        if (*p != '_')
            return p;
        p++;
        if (!isdig((unsigned char)*p)) {
            t->cur = p;
            tok_error(t, "%s", "invalid decimal literal", 0, 0);
            return NULL;
        }
    }
}

/* Returns the end of the literal or NULL on error. */
static const char *scan_number(kr_tokenizer *t, const char *p)
{
    const char *start = p;
    if (*p == '0') {
        p++;
        char c = *p;
        if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' ||
            c == 'B') {
            int base = (c == 'x' || c == 'X') ? 16 : (c == 'o' || c == 'O') ? 8 : 2;
            const char *kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
            p++;
            do {
                if (*p == '_')
                    p++;
                unsigned char d = (unsigned char)*p;
                int ok = base == 16 ? isxdig(d) : base == 8 ? (d >= '0' && d <= '7') : (d == '0' || d == '1');
                if (!ok) {
                    if (base != 16 && isdig(d)) {
                        t->cur = p + 1;
                        char m[64];
                        snprintf(m, sizeof m, "invalid digit '%c' in %s literal", d, kind);
                        tok_error(t, "%s", m, 0, 0);
                        return NULL;
                    }
                    t->cur = p;
                    char m[64];
                    snprintf(m, sizeof m, "invalid %s literal", kind);
                    tok_error(t, "%s", m, 0, 0);
                    return NULL;
                }
                for (;;) {
                    d = (unsigned char)*p;
                    ok = base == 16 ? isxdig(d) : base == 8 ? (d >= '0' && d <= '7') : (d == '0' || d == '1');
                    if (!ok)
                        break;
                    p++;
                }
            } while (*p == '_');
            if (base != 16 && isdig((unsigned char)*p)) {
                t->cur = p + 1;
                char m[64];
                snprintf(m, sizeof m, "invalid digit '%c' in %s literal", *p, kind);
                tok_error(t, "%s", m, 0, 0);
                return NULL;
            }
            if (!verify_end_of_number(t, p, kind))
                return NULL;
            return p;
        }
        int nonzero = 0;
        for (;;) {
            if (*p == '_') {
                p++;
                if (!isdig((unsigned char)*p)) {
                    t->cur = p;
                    tok_error(t, "%s", "invalid decimal literal", 0, 0);
                    return NULL;
                }
            }
            if (*p != '0')
                break;
            p++;
        }
        const char *zeros_end = p;
        if (isdig((unsigned char)*p)) {
            nonzero = 1;
            p = decimal_tail(t, p);
            if (!p)
                return NULL;
        }
        if (*p == '.') {
            p++;
            goto fraction;
        } else if (*p == 'e' || *p == 'E')
            goto exponent;
        else if (*p == 'j' || *p == 'J')
            goto imaginary;
        else if (nonzero) {
            t->cur = p;
            /* CPython gives this range in bytes, unconverted, and its
               end just past the zeros */
            kr_set_error(t->err, KR_ERR_SYNTAX, NULL, t->lineno,
                         (int)(start - t->line_start) + 1, t->lineno,
                         (int)(zeros_end - t->line_start) + 1, "%s",
                         "leading zeros in decimal integer literals are "
                         "not permitted; use an 0o prefix for octal "
                         "integers");
            return NULL;
        }
        if (!verify_end_of_number(t, p, "decimal"))
            return NULL;
        return p;
    }
    /* decimal / float */
    if (*p != '.') {
        p = decimal_tail(t, p);
        if (!p)
            return NULL;
    }
    if (*p == '.') {
        p++;
    fraction:
        if (isdig((unsigned char)*p)) {
            p = decimal_tail(t, p);
            if (!p)
                return NULL;
        }
    }
    if (*p == 'e' || *p == 'E') {
    exponent:;
        const char *e = p;
        p++;
        if (*p == '+' || *p == '-') {
            p++;
            if (!isdig((unsigned char)*p)) {
                t->cur = p;
                tok_error(t, "%s", "invalid decimal literal", 0, 0);
                return NULL;
            }
        } else if (!isdig((unsigned char)*p)) {
            if (!verify_end_of_number(t, e, "decimal"))
                return NULL;
            return e;
        }
        p = decimal_tail(t, p);
        if (!p)
            return NULL;
    }
    if (*p == 'j' || *p == 'J') {
    imaginary:
        p++;
        if (!verify_end_of_number(t, p, "imaginary"))
            return NULL;
    } else if (!verify_end_of_number(t, p, "decimal"))
        return NULL;
    return p;
}

/* ---- main loop --------------------------------------------------------- */

static void newline_at(kr_tokenizer *t, const char *after_nl)
{
    t->lineno++;
    t->line_start = after_nl;
}

static int one_char(int c)
{
    switch (c) {
    case '(': return KR_T_LPAR;
    case ')': return KR_T_RPAR;
    case '[': return KR_T_LSQB;
    case ']': return KR_T_RSQB;
    case ':': return KR_T_COLON;
    case ',': return KR_T_COMMA;
    case ';': return KR_T_SEMI;
    case '+': return KR_T_PLUS;
    case '-': return KR_T_MINUS;
    case '*': return KR_T_STAR;
    case '/': return KR_T_SLASH;
    case '|': return KR_T_VBAR;
    case '&': return KR_T_AMPER;
    case '<': return KR_T_LESS;
    case '>': return KR_T_GREATER;
    case '=': return KR_T_EQUAL;
    case '.': return KR_T_DOT;
    case '%': return KR_T_PERCENT;
    case '{': return KR_T_LBRACE;
    case '}': return KR_T_RBRACE;
    case '^': return KR_T_CIRCUMFLEX;
    case '~': return KR_T_TILDE;
    case '@': return KR_T_AT;
    case '!': return KR_T_EXCLAMATION;
    }
    return KR_T_OP;
}

static int two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return KR_T_NOTEQUAL; break;
    case '%': if (c2 == '=') return KR_T_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return KR_T_AMPEREQUAL; break;
    case '*':
        if (c2 == '*') return KR_T_DOUBLESTAR;
        if (c2 == '=') return KR_T_STAREQUAL;
        break;
    case '+': if (c2 == '=') return KR_T_PLUSEQUAL; break;
    case '-':
        if (c2 == '=') return KR_T_MINEQUAL;
        if (c2 == '>') return KR_T_RARROW;
        break;
    case '/':
        if (c2 == '/') return KR_T_DOUBLESLASH;
        if (c2 == '=') return KR_T_SLASHEQUAL;
        break;
    case ':': if (c2 == '=') return KR_T_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return KR_T_LEFTSHIFT;
        if (c2 == '=') return KR_T_LESSEQUAL;
        if (c2 == '>') return KR_T_NOTEQUAL;
        break;
    case '=': if (c2 == '=') return KR_T_EQEQUAL; break;
    case '>':
        if (c2 == '=') return KR_T_GREATEREQUAL;
        if (c2 == '>') return KR_T_RIGHTSHIFT;
        break;
    case '@': if (c2 == '=') return KR_T_ATEQUAL; break;
    case '^': if (c2 == '=') return KR_T_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return KR_T_VBAREQUAL; break;
    }
    return -1;
}

static int three_chars(int c1, int c2, int c3)
{
    if (c1 == '*' && c2 == '*' && c3 == '=') return KR_T_DOUBLESTAREQUAL;
    if (c1 == '.' && c2 == '.' && c3 == '.') return KR_T_ELLIPSIS;
    if (c1 == '/' && c2 == '/' && c3 == '=') return KR_T_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<' && c3 == '=') return KR_T_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>' && c3 == '=') return KR_T_RIGHTSHIFTEQUAL;
    return -1;
}

static void set_tok(kr_tokenizer *t, kr_token *tok, int type, const char *s,
                    int slineno, const char *sline, const char *e)
{
    tok->type = type;
    tok->start = s;
    tok->end = e;
    tok->lineno = slineno;
    tok->col = (int)(s - sline);
    tok->end_lineno = t->lineno;
    tok->end_col = (int)(e - t->line_start);
}

static int tok_get(kr_tokenizer *t, kr_token *tok);

/* CPython leaves EOF tokens on the last line, positioned after its
   newline (errors there report that column). */
static void eof_tok(kr_tokenizer *t, kr_token *tok, int type)
{
    int ln = t->lineno > 1 ? t->lineno - 1 : 1;
    const char *ls = t->end;
    if (t->lineno > 1) {
        ls = t->end - 1;
        while (ls > t->buf && ls[-1] != '\n')
            ls--;
    }
    tok->type = type;
    tok->start = tok->end = t->end;
    tok->lineno = tok->end_lineno = ln;
    tok->col = tok->end_col = (int)(t->end - ls);
}

int kr_tok_next(kr_tokenizer *t, kr_token *tok)
{
    int r = tok_get(t, tok);
    tok->level = t->level;
    return r;
}

static int tok_get(kr_tokenizer *t, kr_token *tok)
{
    const char *p;
    int blankline = 0;
    memset(tok, 0, sizeof *tok);
    if (t->err->kind != KR_ERR_NONE)
        return tok->type = KR_T_ERROR;

next_line:
    blankline = 0;
    if (t->atbol) {
        int col = 0, altcol = 0;
        t->atbol = 0;
        p = t->cur;
        for (;;) {
            if (*p == ' ')
                col++, altcol++;
            else if (*p == '\t') {
                col = (col / 8 + 1) * 8;
                altcol = altcol + 1;
            } else if (*p == '\f')
                col = altcol = 0;
            else
                break;
            p++;
        }
        t->cur = p;
        if (*p == '#' || *p == '\n' || *p == '\\') {
            /* Lines with only whitespace and/or comments (and backslash
               continuations, CPython treats "\\\n" at bol as blank in
               3.11 only when followed by ...); don't affect indentation. */
            if (*p != '\\')
                blankline = 1;
        }
        if (p >= t->end)
            blankline = 0;   /* EOF behaves like a line at column 0 */
        if (!blankline && t->level == 0) {
            if (p >= t->end)
                col = altcol = 0;
            if (col == t->indstack[t->indent]) {
                if (altcol != t->altindstack[t->indent]) {
                    t->cur = t->line_start + 0;
                    return tok_error_kind(t, KR_ERR_TAB, 1,
                                          "inconsistent use of tabs and "
                                          "spaces in indentation");
                }
            } else if (col > t->indstack[t->indent]) {
                if (t->indent + 1 >= KR_MAXINDENT)
                    return tok_error_kind(t, KR_ERR_INDENTATION, 1,
                                          "too many levels of indentation");
                if (altcol <= t->altindstack[t->indent])
                    return tok_error_kind(t, KR_ERR_TAB, 1,
                                          "inconsistent use of tabs and "
                                          "spaces in indentation");
                t->pendin++;
                t->indent++;
                t->indstack[t->indent] = col;
                t->altindstack[t->indent] = altcol;
            } else {
                while (t->indent > 0 && col < t->indstack[t->indent]) {
                    t->pendin--;
                    t->indent--;
                }
                if (col != t->indstack[t->indent]) {
                    const char *nl = strchr(p, '\n');
                    int c1 = (int)(nl - t->line_start) + 1;
                    return tok_error_kind(t, KR_ERR_INDENTATION, c1,
                                          "unindent does not match any "
                                          "outer indentation level");
                }
                if (altcol != t->altindstack[t->indent])
                    return tok_error_kind(t, KR_ERR_TAB, 1,
                                          "inconsistent use of tabs and "
                                          "spaces in indentation");
            }
        }
    }

    p = t->cur;
    if (t->pendin != 0) {
        int ty;
        if (t->pendin < 0) {
            t->pendin++;
            ty = KR_T_DEDENT;
        } else {
            t->pendin--;
            ty = KR_T_INDENT;
        }
        if (p >= t->end)
            eof_tok(t, tok, ty);
        else
            set_tok(t, tok, ty, p, t->lineno, t->line_start, p);
        return ty;
    }

again:
    while (*p == ' ' || *p == '\t' || *p == '\f')
        p++;
    t->cur = p;
    /* CPython's NEWLINE token covers a trailing comment and stops before
       the '\n' (error positions at end of line depend on it). */
    const char *nl_start = p;
    if (*p == '#') {
        while (*p != '\n')
            p++;
        t->cur = p;
    }
    if (p >= t->end) {
        if (t->level) {
            t->eof_in_parens = 1;
            t->cur = p;
            /* reported by the parser as "'(' was never closed" */
            return tok->type = KR_T_ERROR;
        }
        eof_tok(t, tok, KR_T_ENDMARKER);
        t->done = 1;
        return KR_T_ENDMARKER;
    }

    const char *s = p;
    unsigned char c = (unsigned char)*p;

    /* identifiers, keywords and string prefixes */
    if (is_id_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        for (;;) {
            char d = *p;
            if (!(saw_b || saw_u || saw_f) && (d == 'b' || d == 'B'))
                saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (d == 'u' || d == 'U'))
                saw_u = 1;
            else if (!(saw_r || saw_u) && (d == 'r' || d == 'R'))
                saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && (d == 'f' || d == 'F'))
                saw_f = 1;
            else
                break;
            p++;
            if (*p == '"' || *p == '\'')
                goto letter_quote;
        }
        int nonascii = 0;
        while (is_id_char((unsigned char)*p)) {
            if ((unsigned char)*p >= 128)
                nonascii = 1;
            p++;
        }
        if (nonascii && verify_identifier(t, s, p))
            return tok->type = KR_T_ERROR;
        t->cur = p;
        set_tok(t, tok, keyword_type(s, (size_t)(p - s)), s, t->lineno,
                t->line_start, p);
        return tok->type;
    }

    if (c == '\n') {
        const char *nl = p;
        p++;
        if (blankline || t->level > 0) {
            newline_at(t, p);
            t->cur = p;
            t->atbol = 1;
            if (t->level > 0) {
                t->atbol = 0;
                goto again;
            }
            goto next_line;
        }
        set_tok(t, tok, KR_T_NEWLINE, nl_start, t->lineno, t->line_start,
                nl);
        newline_at(t, p);
        t->cur = p;
        t->atbol = 1;
        return KR_T_NEWLINE;
    }

    /* period or number starting with period */
    if (c == '.') {
        if (isdig((unsigned char)p[1])) {
            const char *e = scan_number(t, p);
            if (!e)
                return tok->type = KR_T_ERROR;
            t->cur = e;
            set_tok(t, tok, KR_T_NUMBER, s, t->lineno, t->line_start, e);
            return KR_T_NUMBER;
        }
        if (p[1] == '.' && p[2] == '.') {
            t->cur = p + 3;
            set_tok(t, tok, KR_T_ELLIPSIS, s, t->lineno, t->line_start, p + 3);
            return KR_T_ELLIPSIS;
        }
        t->cur = p + 1;
        set_tok(t, tok, KR_T_DOT, s, t->lineno, t->line_start, p + 1);
        return KR_T_DOT;
    }

    if (isdig(c)) {
        const char *e = scan_number(t, p);
        if (!e)
            return tok->type = KR_T_ERROR;
        t->cur = e;
        set_tok(t, tok, KR_T_NUMBER, s, t->lineno, t->line_start, e);
        return KR_T_NUMBER;
    }

letter_quote:
    if (*p == '"' || *p == '\'') {
        char q = *p;
        int quote_size = 1;
        int slineno = t->lineno;
        const char *sline = t->line_start;
        p++;
        if (p[0] == q && p[1] == q) {
            quote_size = 3;
            p += 2;
        } else if (p[0] == q) {
            /* empty string */
            p++;
            t->cur = p;
            set_tok(t, tok, KR_T_STRING, s, slineno, sline, p);
            return KR_T_STRING;
        }
        int end_quote = 0;
        const char *qstart = s;   /* errors point at the prefix */
        while (end_quote != quote_size) {
            char d = *p;
            if (p >= t->end) {
                /* EOF inside the string */
                t->cur = qstart;
                if (quote_size == 3) {
                    int detected = t->lineno - 1;
                    int ln = t->lineno;
                    t->lineno = slineno;
                    t->line_start = sline;
                    t->cur = qstart;
                    char m[120];
                    snprintf(m, sizeof m, "unterminated triple-quoted string "
                             "literal (detected at line %d)", detected);
                    (void)ln;
                    return tok_error_range(t, (int)(qstart - sline) + 1,
                                           (int)(qstart - sline) + 1, m);
                }
                break;
            }
            p++;
            if (d == q)
                end_quote++;
            else {
                end_quote = 0;
                if (d == '\n') {
                    if (quote_size == 1) {
                        char m[120];
                        snprintf(m, sizeof m, "unterminated string literal "
                                 "(detected at line %d)", t->lineno);
                        t->cur = qstart;
                        return tok_error_range(t, (int)(qstart - sline) + 1,
                                               (int)(qstart - sline) + 1, m);
                    }
                    newline_at(t, p);
                } else if (d == '\\') {
                    if (*p == '\n') {
                        p++;
                        newline_at(t, p);
                    } else if (p < t->end)
                        p++;
                }
            }
        }
        t->cur = p;
        set_tok(t, tok, KR_T_STRING, s, slineno, sline, p);
        return KR_T_STRING;
    }

    /* line continuation */
    if (c == '\\') {
        p++;
        if (*p != '\n') {
            t->cur = p + 1;
            /* raised by CPython's parser: byte columns unless the source
               encoding is known */
            int chars = (t->flags & KR_PF_IGNORE_COOKIE) || t->had_encoding;
            kr_set_error(t->err, KR_ERR_SYNTAX, chars ? t->buf : NULL,
                         t->lineno,
                         (int)(p + 1 - t->line_start), t->lineno, 0,
                         "unexpected character after line continuation "
                         "character");
            return tok->type = KR_T_ERROR;
        }
        p++;
        newline_at(t, p);
        if (p >= t->end) {
            /* CPython reports at the end of the last line */
            const char *ls = kr_line_start(t->buf, t->lineno - 1);
            kr_set_error(t->err, KR_ERR_SYNTAX, t->buf, t->lineno - 1,
                         (int)(p - ls), t->lineno - 1, -1,
                         "unexpected EOF while parsing");
            return tok->type = KR_T_ERROR;
        }
        t->cur = p;
        goto again;
    }

    /* operators */
    {
        int ty = -1, n = 1;
        if (p[1]) {
            int t3 = p[2] ? three_chars(c, p[1], p[2]) : -1;
            if (t3 >= 0) {
                ty = t3;
                n = 3;
            } else {
                int t2 = two_chars(c, p[1]);
                if (t2 >= 0) {
                    ty = t2;
                    n = 2;
                    if (c == '<' && p[1] == '>' &&
                        !(t->flags & KR_PF_BARRY_AS_BDFL)) {
                        /* `<>` tokenizes as NOTEQUAL; the parser rejects it */
                    }
                }
            }
        }
        if (ty < 0) {
            if (c >= 128) {
                int l;
                uint32_t cp = decode_cp(p, &l);
                t->cur = p + l;
                char m[64];
                if (!cp_printable(cp))
                    snprintf(m, sizeof m,
                             "invalid non-printable character U+%04X",
                             (unsigned)cp);
                else
                    snprintf(m, sizeof m, "invalid character '%.*s' (U+%04X)",
                             l, p, (unsigned)cp);
                int col = (int)(p - t->line_start) + 1;
                return tok_error_range(t, col, col, m);
            }
            ty = one_char(c);
        }
        /* brackets */
        switch (c) {
        case '(': case '[': case '{':
            if (t->level >= KR_MAXLEVEL) {
                t->cur = p + 1;
                return tok_error(t, "%s", "too many nested parentheses", 0, 0);
            }
            t->parenstack[t->level] = (char)c;
            t->parenlineno[t->level] = t->lineno;
            t->parencol[t->level] = (int)(p - t->line_start);
            t->level++;
            break;
        case ')': case ']': case '}':
            if (!t->level) {
                t->cur = p + 1;
                char m[32];
                snprintf(m, sizeof m, "unmatched '%c'", c);
                return tok_error(t, "%s", m, 0, 0);
            }
            t->level--;
            {
                int o = t->parenstack[t->level];
                if (!((o == '(' && c == ')') || (o == '[' && c == ']') ||
                      (o == '{' && c == '}'))) {
                    t->cur = p + 1;
                    char m[120];
                    if (t->parenlineno[t->level] != t->lineno)
                        snprintf(m, sizeof m,
                                 "closing parenthesis '%c' does not match "
                                 "opening parenthesis '%c' on line %d",
                                 c, o, t->parenlineno[t->level]);
                    else
                        snprintf(m, sizeof m,
                                 "closing parenthesis '%c' does not match "
                                 "opening parenthesis '%c'", c, o);
                    return tok_error(t, "%s", m, 0, 0);
                }
            }
            break;
        }
        t->cur = p + n;
        set_tok(t, tok, ty, s, t->lineno, t->line_start, p + n);
        return ty;
    }
}
