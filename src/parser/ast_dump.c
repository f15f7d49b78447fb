/*
 * ast_dump.c - prints a kr_mod exactly like CPython's
 * ast.dump(tree, include_attributes=True), on one line.  Used by the
 * parser tests to compare against the reference interpreter; includes
 * small re-implementations of repr() for str, bytes, int, float and
 * complex constants.
 */
#include "parser/ast_dump.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parser/ast_dump_printable.h"

typedef struct {
    char *b;
    size_t n, cap;
    int oom;            /* out of memory, or the tree is too deep */
    int depth;
} out_t;

/* Like CPython's AST construction, refuse trees nested deeper than this
   rather than recurse without bound. */
#define KR_DUMP_MAX_DEPTH 3000

static void put(out_t *o, const char *s, size_t n)
{
    if (o->oom)
        return;
    if (o->n + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap * 2 : 4096;
        while (nc < o->n + n + 1)
            nc *= 2;
        char *nb = realloc(o->b, nc);
        if (!nb) {
            o->oom = 1;
            return;
        }
        o->b = nb;
        o->cap = nc;
    }
    memcpy(o->b + o->n, s, n);
    o->n += n;
    o->b[o->n] = 0;
}

static void puts_(out_t *o, const char *s) { put(o, s, strlen(s)); }

static void putf(out_t *o, const char *fmt, long v)
{
    char b[64];
    int n = snprintf(b, sizeof b, fmt, v);
    put(o, b, (size_t)n);
}

/* ---- reprs -------------------------------------------------------------- */

static int printable(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    size_t lo = 0, hi = sizeof kr_nonprintable_ranges /
                        sizeof kr_nonprintable_ranges[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < kr_nonprintable_ranges[mid][0])
            hi = mid;
        else if (cp > kr_nonprintable_ranges[mid][1])
            lo = mid + 1;
        else
            return 0;
    }
    return 1;
}

static uint32_t next_cp(const unsigned char *s, size_t n, size_t *i)
{
    unsigned c = s[*i];
    if (c < 0x80 || *i + 1 >= n + 1) {
        (*i)++;
        return c;
    }
    int l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (*i + (size_t)l > n || l == 1) {
        (*i)++;
        return c;
    }
    uint32_t cp = c & (l == 2 ? 0x1F : l == 3 ? 0x0F : 0x07);
    for (int k = 1; k < l; k++)
        cp = (cp << 6) | (s[*i + (size_t)k] & 0x3F);
    *i += (size_t)l;
    return cp;
}


static void kr_repr_str(out_t *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    int sq = 0, dq = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i] == '\'')
            sq = 1;
        else if (u[i] == '"')
            dq = 1;
    }
    char q = (sq && !dq) ? '"' : '\'';
    put(o, &q, 1);
    size_t i = 0;
    while (i < n) {
        size_t st = i;
        uint32_t cp = next_cp(u, n, &i);
        char b[16];
        if (cp == (uint32_t)q || cp == '\\') {
            b[0] = '\\';
            b[1] = (char)cp;
            put(o, b, 2);
        } else if (cp == '\t')
            puts_(o, "\\t");
        else if (cp == '\n')
            puts_(o, "\\n");
        else if (cp == '\r')
            puts_(o, "\\r");
        else if (cp < 0x80) {
            if (printable(cp)) {
                b[0] = (char)cp;
                put(o, b, 1);
            } else {
                snprintf(b, sizeof b, "\\x%02x", cp);
                puts_(o, b);
            }
        } else if ((cp >= 0xD800 && cp <= 0xDFFF) || !printable(cp)) {
            if (cp < 0x100)
                snprintf(b, sizeof b, "\\x%02x", cp);
            else if (cp < 0x10000)
                snprintf(b, sizeof b, "\\u%04x", cp);
            else
                snprintf(b, sizeof b, "\\U%08x", cp);
            puts_(o, b);
        } else
            put(o, s + st, i - st);
    }
    put(o, &q, 1);
}

static void repr_bytes(out_t *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    int sq = 0, dq = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i] == '\'')
            sq = 1;
        else if (u[i] == '"')
            dq = 1;
    }
    char q = (sq && !dq) ? '"' : '\'';
    puts_(o, "b");
    put(o, &q, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned c = u[i];
        char b[8];
        if (c == (unsigned char)q || c == '\\') {
            b[0] = '\\';
            b[1] = (char)c;
            put(o, b, 2);
        } else if (c == '\t')
            puts_(o, "\\t");
        else if (c == '\n')
            puts_(o, "\\n");
        else if (c == '\r')
            puts_(o, "\\r");
        else if (c < 0x20 || c >= 0x7F) {
            snprintf(b, sizeof b, "\\x%02x", c);
            puts_(o, b);
        } else {
            b[0] = (char)c;
            put(o, b, 1);
        }
    }
    put(o, &q, 1);
}

/* Arbitrary-precision base conversion to decimal (quadratic, but only a
   test tool and literals are short). */
static void repr_int(out_t *o, const char *digits, int base)
{
    size_t n = strlen(digits);
    if (base == 10) {
        size_t i = 0;
        while (i + 1 < n && digits[i] == '0')
            i++;
        puts_(o, digits + i);
        return;
    }
    /* little-endian base 1e9 limbs */
    size_t cap = n + 2;
    uint32_t *l = calloc(cap, sizeof *l);
    if (!l) {
        o->oom = 1;
        return;
    }
    size_t nl = 1;
    for (size_t i = 0; i < n; i++) {
        char c = digits[i];
        uint32_t d = (uint32_t)(c >= '0' && c <= '9' ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                     : c - 'A' + 10);
        uint64_t carry = d;
        for (size_t k = 0; k < nl; k++) {
            uint64_t v = (uint64_t)l[k] * (uint64_t)base + carry;
            l[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            l[nl++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    putf(o, "%lu", (long)l[nl - 1]);
    for (size_t k = nl - 1; k-- > 0;)
        putf(o, "%09lu", (long)l[k]);
    free(l);
}

/* repr(float) per Python's 'r' format; add_dot0 for float (not complex). */
static void repr_double(out_t *o, double v, int add_dot0)
{
    if (isinf(v)) {
        puts_(o, v > 0 ? "inf" : "-inf");
        return;
    }
    if (isnan(v)) {
        puts_(o, "nan");
        return;
    }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    /* buf = d.ddddde[+-]XX : extract digits and exponent */
    char digs[32];
    int nd = 0;
    const char *q = buf;
    int neg = 0;
    if (*q == '-') {
        neg = 1;
        q++;
    }
    for (; *q && *q != 'e'; q++)
        if (*q >= '0' && *q <= '9')
            digs[nd++] = *q;
    int exp10 = atoi(q + 1);
    while (nd > 1 && digs[nd - 1] == '0')
        nd--;
    digs[nd] = 0;
    int decpt = exp10 + 1;
    char res[96];
    int r = 0;
    if (neg)
        res[r++] = '-';
    if (decpt <= -4 || decpt > 16) {
        res[r++] = digs[0];
        if (nd > 1) {
            res[r++] = '.';
            for (int i = 1; i < nd; i++)
                res[r++] = digs[i];
        }
        r += snprintf(res + r, sizeof res - (size_t)r, "e%c%02d",
                      exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    } else if (decpt <= 0) {
        res[r++] = '0';
        res[r++] = '.';
        for (int i = 0; i < -decpt; i++)
            res[r++] = '0';
        for (int i = 0; i < nd; i++)
            res[r++] = digs[i];
    } else {
        for (int i = 0; i < decpt; i++)
            res[r++] = i < nd ? digs[i] : '0';
        if (nd > decpt) {
            res[r++] = '.';
            for (int i = decpt; i < nd; i++)
                res[r++] = digs[i];
        } else if (add_dot0) {
            res[r++] = '.';
            res[r++] = '0';
        }
    }
    put(o, res, (size_t)r);
}

static void repr_constant(out_t *o, const kr_constant *c)
{
    switch (c->kind) {
    case KR_CONST_NONE: puts_(o, "None"); break;
    case KR_CONST_TRUE: puts_(o, "True"); break;
    case KR_CONST_FALSE: puts_(o, "False"); break;
    case KR_CONST_ELLIPSIS: puts_(o, "Ellipsis"); break;
    case KR_CONST_INT: repr_int(o, c->u.i.digits, c->u.i.base); break;
    case KR_CONST_FLOAT: repr_double(o, strtod(c->u.text, NULL), 1); break;
    case KR_CONST_IMAGINARY:
        repr_double(o, strtod(c->u.text, NULL), 0);
        puts_(o, "j");
        break;
    case KR_CONST_STR: kr_repr_str(o, c->u.s.bytes, c->u.s.len); break;
    case KR_CONST_BYTES: repr_bytes(o, c->u.s.bytes, c->u.s.len); break;
    }
}

/* ---- nodes -------------------------------------------------------------- */

static void expr(out_t *o, const kr_expr *e);
static void stmt(out_t *o, const kr_stmt *s);
static void pattern(out_t *o, const kr_pattern *p);

static void ident(out_t *o, const char *s)
{
    kr_repr_str(o, s, strlen(s));
}

static void attrs(out_t *o, int l, int c, int el, int ec)
{
    char b[128];
    snprintf(b, sizeof b, "lineno=%d, col_offset=%d, end_lineno=%d, "
             "end_col_offset=%d", l, c, el, ec);
    puts_(o, b);
}

#define ATTRS(x) attrs(o, (x)->lineno, (x)->col_offset, (x)->end_lineno, \
                       (x)->end_col_offset)

/* field helpers: each writes "name=value, " */
static void f_expr(out_t *o, const char *name, const kr_expr *e)
{
    if (!e)
        return;   /* optional field omitted */
    puts_(o, name);
    puts_(o, "=");
    expr(o, e);
    puts_(o, ", ");
}

static void f_ident(out_t *o, const char *name, const char *s)
{
    if (!s)
        return;
    puts_(o, name);
    puts_(o, "=");
    ident(o, s);
    puts_(o, ", ");
}

static void f_int(out_t *o, const char *name, long v)
{
    puts_(o, name);
    putf(o, "=%ld, ", v);
}

static void f_exprs(out_t *o, const char *name, const kr_expr_seq *s)
{
    puts_(o, name);
    puts_(o, "=[");
    for (int i = 0; i < KR_SEQ_LEN(s); i++) {
        if (i)
            puts_(o, ", ");
        if (s->items[i])
            expr(o, s->items[i]);
        else
            puts_(o, "None");
    }
    puts_(o, "], ");
}

static void f_stmts(out_t *o, const char *name, const kr_stmt_seq *s)
{
    puts_(o, name);
    puts_(o, "=[");
    for (int i = 0; i < KR_SEQ_LEN(s); i++) {
        if (i)
            puts_(o, ", ");
        stmt(o, s->items[i]);
    }
    puts_(o, "], ");
}

static void f_idents(out_t *o, const char *name, const kr_ident_seq *s)
{
    puts_(o, name);
    puts_(o, "=[");
    for (int i = 0; i < KR_SEQ_LEN(s); i++) {
        if (i)
            puts_(o, ", ");
        ident(o, s->items[i]);
    }
    puts_(o, "], ");
}

static void f_patterns(out_t *o, const char *name, const kr_pattern_seq *s)
{
    puts_(o, name);
    puts_(o, "=[");
    for (int i = 0; i < KR_SEQ_LEN(s); i++) {
        if (i)
            puts_(o, ", ");
        pattern(o, s->items[i]);
    }
    puts_(o, "], ");
}

static const char *ctx_name(kr_expr_context c)
{
    return c == KR_Store ? "Store()" : c == KR_Del ? "Del()" : "Load()";
}

static void f_ctx(out_t *o, kr_expr_context c)
{
    puts_(o, "ctx=");
    puts_(o, ctx_name(c));
    puts_(o, ", ");
}

static const char *op_name(kr_operator op)
{
    static const char *n[] = { "", "Add()", "Sub()", "Mult()", "MatMult()",
        "Div()", "Mod()", "Pow()", "LShift()", "RShift()", "BitOr()",
        "BitXor()", "BitAnd()", "FloorDiv()" };
    return n[op];
}

static const char *cmp_name(int op)
{
    static const char *n[] = { "", "Eq()", "NotEq()", "Lt()", "LtE()",
        "Gt()", "GtE()", "Is()", "IsNot()", "In()", "NotIn()" };
    return n[op];
}

static void arg(out_t *o, const kr_arg *a)
{
    puts_(o, "arg(");
    f_ident(o, "arg", a->arg);
    f_expr(o, "annotation", a->annotation);
    f_ident(o, "type_comment", a->type_comment);
    ATTRS(a);
    puts_(o, ")");
}

static void f_args(out_t *o, const char *name, const kr_arg_seq *s)
{
    puts_(o, name);
    puts_(o, "=[");
    for (int i = 0; i < KR_SEQ_LEN(s); i++) {
        if (i)
            puts_(o, ", ");
        arg(o, s->items[i]);
    }
    puts_(o, "], ");
}

static void arguments(out_t *o, const char *name, const kr_arguments *a)
{
    puts_(o, name);
    puts_(o, "=arguments(");
    f_args(o, "posonlyargs", a->posonlyargs);
    f_args(o, "args", a->args);
    if (a->vararg) {
        puts_(o, "vararg=");
        arg(o, a->vararg);
        puts_(o, ", ");
    }
    f_args(o, "kwonlyargs", a->kwonlyargs);
    f_exprs(o, "kw_defaults", a->kw_defaults);
    if (a->kwarg) {
        puts_(o, "kwarg=");
        arg(o, a->kwarg);
        puts_(o, ", ");
    }
    puts_(o, "defaults=[");
    for (int i = 0; i < KR_SEQ_LEN(a->defaults); i++) {
        if (i)
            puts_(o, ", ");
        expr(o, a->defaults->items[i]);
    }
    puts_(o, "]), ");
}

static void f_keywords(out_t *o, const kr_keyword_seq *s)
{
    puts_(o, "keywords=[");
    for (int i = 0; i < KR_SEQ_LEN(s); i++) {
        const kr_keyword *k = s->items[i];
        if (i)
            puts_(o, ", ");
        puts_(o, "keyword(");
        f_ident(o, "arg", k->arg);
        f_expr(o, "value", k->value);
        ATTRS(k);
        puts_(o, ")");
    }
    puts_(o, "], ");
}

static void f_comps(out_t *o, const kr_comprehension_seq *s)
{
    puts_(o, "generators=[");
    for (int i = 0; i < KR_SEQ_LEN(s); i++) {
        const kr_comprehension *c = s->items[i];
        if (i)
            puts_(o, ", ");
        puts_(o, "comprehension(");
        f_expr(o, "target", c->target);
        f_expr(o, "iter", c->iter);
        f_exprs(o, "ifs", c->ifs);
        putf(o, "is_async=%ld)", c->is_async);
    }
    puts_(o, "], ");
}

static void expr_node(out_t *o, const kr_expr *e)
{
    switch (e->kind) {
    case KR_BoolOp:
        puts_(o, "BoolOp(op=");
        puts_(o, e->v.BoolOp.op == KR_And ? "And()" : "Or()");
        puts_(o, ", ");
        f_exprs(o, "values", e->v.BoolOp.values);
        break;
    case KR_NamedExpr:
        puts_(o, "NamedExpr(");
        f_expr(o, "target", e->v.NamedExpr.target);
        f_expr(o, "value", e->v.NamedExpr.value);
        break;
    case KR_BinOp:
        puts_(o, "BinOp(");
        f_expr(o, "left", e->v.BinOp.left);
        puts_(o, "op=");
        puts_(o, op_name(e->v.BinOp.op));
        puts_(o, ", ");
        f_expr(o, "right", e->v.BinOp.right);
        break;
    case KR_UnaryOp: {
        static const char *n[] = { "", "Invert()", "Not()", "UAdd()",
                                   "USub()" };
        puts_(o, "UnaryOp(op=");
        puts_(o, n[e->v.UnaryOp.op]);
        puts_(o, ", ");
        f_expr(o, "operand", e->v.UnaryOp.operand);
        break;
    }
    case KR_Lambda:
        puts_(o, "Lambda(");
        arguments(o, "args", e->v.Lambda.args);
        f_expr(o, "body", e->v.Lambda.body);
        break;
    case KR_IfExp:
        puts_(o, "IfExp(");
        f_expr(o, "test", e->v.IfExp.test);
        f_expr(o, "body", e->v.IfExp.body);
        f_expr(o, "orelse", e->v.IfExp.orelse);
        break;
    case KR_Dict:
        puts_(o, "Dict(");
        f_exprs(o, "keys", e->v.Dict.keys);
        f_exprs(o, "values", e->v.Dict.values);
        break;
    case KR_Set:
        puts_(o, "Set(");
        f_exprs(o, "elts", e->v.Set.elts);
        break;
    case KR_ListComp:
    case KR_SetComp:
    case KR_GeneratorExp:
        puts_(o, e->kind == KR_ListComp ? "ListComp(" : e->kind == KR_SetComp
                                                            ? "SetComp("
                                                            : "GeneratorExp(");
        f_expr(o, "elt", e->v.ListComp.elt);
        f_comps(o, e->v.ListComp.generators);
        break;
    case KR_DictComp:
        puts_(o, "DictComp(");
        f_expr(o, "key", e->v.DictComp.key);
        f_expr(o, "value", e->v.DictComp.value);
        f_comps(o, e->v.DictComp.generators);
        break;
    case KR_Await:
        puts_(o, "Await(");
        f_expr(o, "value", e->v.Await.value);
        break;
    case KR_Yield:
        puts_(o, "Yield(");
        f_expr(o, "value", e->v.Yield.value);
        break;
    case KR_YieldFrom:
        puts_(o, "YieldFrom(");
        f_expr(o, "value", e->v.YieldFrom.value);
        break;
    case KR_Compare:
        puts_(o, "Compare(");
        f_expr(o, "left", e->v.Compare.left);
        puts_(o, "ops=[");
        for (int i = 0; i < KR_SEQ_LEN(e->v.Compare.ops); i++) {
            if (i)
                puts_(o, ", ");
            puts_(o, cmp_name(e->v.Compare.ops->items[i]));
        }
        puts_(o, "], ");
        f_exprs(o, "comparators", e->v.Compare.comparators);
        break;
    case KR_Call:
        puts_(o, "Call(");
        f_expr(o, "func", e->v.Call.func);
        f_exprs(o, "args", e->v.Call.args);
        f_keywords(o, e->v.Call.keywords);
        break;
    case KR_FormattedValue:
        puts_(o, "FormattedValue(");
        f_expr(o, "value", e->v.FormattedValue.value);
        f_int(o, "conversion", e->v.FormattedValue.conversion);
        f_expr(o, "format_spec", e->v.FormattedValue.format_spec);
        break;
    case KR_JoinedStr:
        puts_(o, "JoinedStr(");
        f_exprs(o, "values", e->v.JoinedStr.values);
        break;
    case KR_Constant:
        puts_(o, "Constant(value=");
        repr_constant(o, &e->v.Constant.value);
        puts_(o, ", ");
        f_ident(o, "kind", e->v.Constant.kind);
        break;
    case KR_Attribute:
        puts_(o, "Attribute(");
        f_expr(o, "value", e->v.Attribute.value);
        f_ident(o, "attr", e->v.Attribute.attr);
        f_ctx(o, e->v.Attribute.ctx);
        break;
    case KR_Subscript:
        puts_(o, "Subscript(");
        f_expr(o, "value", e->v.Subscript.value);
        f_expr(o, "slice", e->v.Subscript.slice);
        f_ctx(o, e->v.Subscript.ctx);
        break;
    case KR_Starred:
        puts_(o, "Starred(");
        f_expr(o, "value", e->v.Starred.value);
        f_ctx(o, e->v.Starred.ctx);
        break;
    case KR_Name:
        puts_(o, "Name(");
        f_ident(o, "id", e->v.Name.id);
        f_ctx(o, e->v.Name.ctx);
        break;
    case KR_List:
        puts_(o, "List(");
        f_exprs(o, "elts", e->v.List.elts);
        f_ctx(o, e->v.List.ctx);
        break;
    case KR_Tuple:
        puts_(o, "Tuple(");
        f_exprs(o, "elts", e->v.Tuple.elts);
        f_ctx(o, e->v.Tuple.ctx);
        break;
    case KR_Slice:
        puts_(o, "Slice(");
        f_expr(o, "lower", e->v.Slice.lower);
        f_expr(o, "upper", e->v.Slice.upper);
        f_expr(o, "step", e->v.Slice.step);
        break;
    }
    ATTRS(e);
    puts_(o, ")");
}

static void pattern_node(out_t *o, const kr_pattern *p)
{
    switch (p->kind) {
    case KR_MatchValue:
        puts_(o, "MatchValue(");
        f_expr(o, "value", p->v.MatchValue.value);
        break;
    case KR_MatchSingleton:
        puts_(o, "MatchSingleton(value=");
        repr_constant(o, &p->v.MatchSingleton.value);
        puts_(o, ", ");
        break;
    case KR_MatchSequence:
        puts_(o, "MatchSequence(");
        f_patterns(o, "patterns", p->v.MatchSequence.patterns);
        break;
    case KR_MatchMapping:
        puts_(o, "MatchMapping(");
        f_exprs(o, "keys", p->v.MatchMapping.keys);
        f_patterns(o, "patterns", p->v.MatchMapping.patterns);
        f_ident(o, "rest", p->v.MatchMapping.rest);
        break;
    case KR_MatchClass:
        puts_(o, "MatchClass(");
        f_expr(o, "cls", p->v.MatchClass.cls);
        f_patterns(o, "patterns", p->v.MatchClass.patterns);
        f_idents(o, "kwd_attrs", p->v.MatchClass.kwd_attrs);
        f_patterns(o, "kwd_patterns", p->v.MatchClass.kwd_patterns);
        break;
    case KR_MatchStar:
        puts_(o, "MatchStar(");
        f_ident(o, "name", p->v.MatchStar.name);
        break;
    case KR_MatchAs:
        puts_(o, "MatchAs(");
        if (p->v.MatchAs.pattern) {
            puts_(o, "pattern=");
            pattern(o, p->v.MatchAs.pattern);
            puts_(o, ", ");
        }
        f_ident(o, "name", p->v.MatchAs.name);
        break;
    case KR_MatchOr:
        puts_(o, "MatchOr(");
        f_patterns(o, "patterns", p->v.MatchOr.patterns);
        break;
    }
    ATTRS(p);
    puts_(o, ")");
}

static void handlers(out_t *o, const kr_excepthandler_seq *s)
{
    puts_(o, "handlers=[");
    for (int i = 0; i < KR_SEQ_LEN(s); i++) {
        const kr_excepthandler *h = s->items[i];
        if (i)
            puts_(o, ", ");
        puts_(o, "ExceptHandler(");
        f_expr(o, "type", h->v.ExceptHandler.type);
        f_ident(o, "name", h->v.ExceptHandler.name);
        f_stmts(o, "body", h->v.ExceptHandler.body);
        ATTRS(h);
        puts_(o, ")");
    }
    puts_(o, "], ");
}

static void stmt_node(out_t *o, const kr_stmt *s)
{
    switch (s->kind) {
    case KR_FunctionDef:
    case KR_AsyncFunctionDef:
        puts_(o, s->kind == KR_FunctionDef ? "FunctionDef("
                                           : "AsyncFunctionDef(");
        f_ident(o, "name", s->v.FunctionDef.name);
        arguments(o, "args", s->v.FunctionDef.args);
        f_stmts(o, "body", s->v.FunctionDef.body);
        f_exprs(o, "decorator_list", s->v.FunctionDef.decorator_list);
        f_expr(o, "returns", s->v.FunctionDef.returns);
        f_ident(o, "type_comment", s->v.FunctionDef.type_comment);
        break;
    case KR_ClassDef:
        puts_(o, "ClassDef(");
        f_ident(o, "name", s->v.ClassDef.name);
        f_exprs(o, "bases", s->v.ClassDef.bases);
        f_keywords(o, s->v.ClassDef.keywords);
        f_stmts(o, "body", s->v.ClassDef.body);
        f_exprs(o, "decorator_list", s->v.ClassDef.decorator_list);
        break;
    case KR_Return:
        puts_(o, "Return(");
        f_expr(o, "value", s->v.Return.value);
        break;
    case KR_Delete:
        puts_(o, "Delete(");
        f_exprs(o, "targets", s->v.Delete.targets);
        break;
    case KR_Assign:
        puts_(o, "Assign(");
        f_exprs(o, "targets", s->v.Assign.targets);
        f_expr(o, "value", s->v.Assign.value);
        f_ident(o, "type_comment", s->v.Assign.type_comment);
        break;
    case KR_AugAssign:
        puts_(o, "AugAssign(");
        f_expr(o, "target", s->v.AugAssign.target);
        puts_(o, "op=");
        puts_(o, op_name(s->v.AugAssign.op));
        puts_(o, ", ");
        f_expr(o, "value", s->v.AugAssign.value);
        break;
    case KR_AnnAssign:
        puts_(o, "AnnAssign(");
        f_expr(o, "target", s->v.AnnAssign.target);
        f_expr(o, "annotation", s->v.AnnAssign.annotation);
        f_expr(o, "value", s->v.AnnAssign.value);
        f_int(o, "simple", s->v.AnnAssign.simple);
        break;
    case KR_For:
    case KR_AsyncFor:
        puts_(o, s->kind == KR_For ? "For(" : "AsyncFor(");
        f_expr(o, "target", s->v.For.target);
        f_expr(o, "iter", s->v.For.iter);
        f_stmts(o, "body", s->v.For.body);
        f_stmts(o, "orelse", s->v.For.orelse);
        f_ident(o, "type_comment", s->v.For.type_comment);
        break;
    case KR_While:
        puts_(o, "While(");
        f_expr(o, "test", s->v.While.test);
        f_stmts(o, "body", s->v.While.body);
        f_stmts(o, "orelse", s->v.While.orelse);
        break;
    case KR_If:
        puts_(o, "If(");
        f_expr(o, "test", s->v.If.test);
        f_stmts(o, "body", s->v.If.body);
        f_stmts(o, "orelse", s->v.If.orelse);
        break;
    case KR_With:
    case KR_AsyncWith:
        puts_(o, s->kind == KR_With ? "With(items=[" : "AsyncWith(items=[");
        for (int i = 0; i < KR_SEQ_LEN(s->v.With.items); i++) {
            const kr_withitem *w = s->v.With.items->items[i];
            if (i)
                puts_(o, ", ");
            puts_(o, "withitem(context_expr=");
            expr(o, w->context_expr);
            if (w->optional_vars) {
                puts_(o, ", optional_vars=");
                expr(o, w->optional_vars);
            }
            puts_(o, ")");
        }
        puts_(o, "], ");
        f_stmts(o, "body", s->v.With.body);
        f_ident(o, "type_comment", s->v.With.type_comment);
        break;
    case KR_Match:
        puts_(o, "Match(");
        f_expr(o, "subject", s->v.Match.subject);
        puts_(o, "cases=[");
        for (int i = 0; i < KR_SEQ_LEN(s->v.Match.cases); i++) {
            const kr_match_case *c = s->v.Match.cases->items[i];
            if (i)
                puts_(o, ", ");
            puts_(o, "match_case(pattern=");
            pattern(o, c->pattern);
            puts_(o, ", ");
            f_expr(o, "guard", c->guard);
            puts_(o, "body=[");
            for (int k = 0; k < KR_SEQ_LEN(c->body); k++) {
                if (k)
                    puts_(o, ", ");
                stmt(o, c->body->items[k]);
            }
            puts_(o, "])");
        }
        puts_(o, "], ");
        break;
    case KR_Raise:
        puts_(o, "Raise(");
        f_expr(o, "exc", s->v.Raise.exc);
        f_expr(o, "cause", s->v.Raise.cause);
        break;
    case KR_Try:
    case KR_TryStar:
        puts_(o, s->kind == KR_Try ? "Try(" : "TryStar(");
        f_stmts(o, "body", s->v.Try.body);
        handlers(o, s->v.Try.handlers);
        f_stmts(o, "orelse", s->v.Try.orelse);
        f_stmts(o, "finalbody", s->v.Try.finalbody);
        break;
    case KR_Assert:
        puts_(o, "Assert(");
        f_expr(o, "test", s->v.Assert.test);
        f_expr(o, "msg", s->v.Assert.msg);
        break;
    case KR_Import:
    case KR_ImportFrom: {
        const kr_alias_seq *names;
        if (s->kind == KR_Import) {
            puts_(o, "Import(");
            names = s->v.Import.names;
        } else {
            puts_(o, "ImportFrom(");
            f_ident(o, "module", s->v.ImportFrom.module);
            names = s->v.ImportFrom.names;
        }
        puts_(o, "names=[");
        for (int i = 0; i < KR_SEQ_LEN(names); i++) {
            const kr_alias *a = names->items[i];
            if (i)
                puts_(o, ", ");
            puts_(o, "alias(");
            f_ident(o, "name", a->name);
            f_ident(o, "asname", a->asname);
            ATTRS(a);
            puts_(o, ")");
        }
        puts_(o, "], ");
        if (s->kind == KR_ImportFrom)
            f_int(o, "level", s->v.ImportFrom.level);
        break;
    }
    case KR_Global:
        puts_(o, "Global(");
        f_idents(o, "names", s->v.Global.names);
        break;
    case KR_Nonlocal:
        puts_(o, "Nonlocal(");
        f_idents(o, "names", s->v.Nonlocal.names);
        break;
    case KR_Expr:
        puts_(o, "Expr(");
        f_expr(o, "value", s->v.Expr.value);
        break;
    case KR_Pass: puts_(o, "Pass("); break;
    case KR_Break: puts_(o, "Break("); break;
    case KR_Continue: puts_(o, "Continue("); break;
    }
    ATTRS(s);
    puts_(o, ")");
}

#define KR_DEPTH_GUARD(fn, type)                                          \
    static void fn(out_t *o, const type *x)                               \
    {                                                                     \
        if (++o->depth > KR_DUMP_MAX_DEPTH)                               \
            o->oom = 1;                                                   \
        else                                                              \
            fn##_node(o, x);                                              \
        o->depth--;                                                       \
    }
KR_DEPTH_GUARD(expr, kr_expr)
KR_DEPTH_GUARD(pattern, kr_pattern)
KR_DEPTH_GUARD(stmt, kr_stmt)

char *kr_ast_dump(const kr_mod *m)
{
    out_t o = { NULL, 0, 0, 0, 0 };
    switch (m->kind) {
    case KR_Module:
        puts_(&o, "Module(");
        f_stmts(&o, "body", m->v.Module.body);
        puts_(&o, "type_ignores=[])");
        break;
    case KR_Interactive:
        puts_(&o, "Interactive(");
        f_stmts(&o, "body", m->v.Interactive.body);
        o.n -= 2;
        puts_(&o, ")");
        break;
    case KR_Expression:
        puts_(&o, "Expression(body=");
        expr(&o, m->v.Expression.body);
        puts_(&o, ")");
        break;
    case KR_FunctionType:
        puts_(&o, "FunctionType(");
        f_exprs(&o, "argtypes", m->v.FunctionType.argtypes);
        puts_(&o, "returns=");
        expr(&o, m->v.FunctionType.returns);
        puts_(&o, ")");
        break;
    }
    if (o.oom) {
        free(o.b);
        return NULL;
    }
    return o.b;
}
