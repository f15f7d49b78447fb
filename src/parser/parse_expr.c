/*
 * parse_expr.c - expressions of the Python 3.11 grammar, by recursive
 * descent with one function per precedence level (named after the
 * grammar rules), plus targets, call arguments, parameters and the
 * "invalid_*" diagnostics CPython's second parser pass would produce.
 *
 * Every function returns NULL on failure with the error recorded in the
 * parser (see parser.c); callers just propagate NULL.
 */
#include "parser/parser_internal.h"
#include <stdio.h>
#include <string.h>

#define FAIL_IF(x) do { if (!(x)) return NULL; } while (0)

static kr_expr *lambdef(kr_parser *p);
static kr_expr *disjunction_nocheck(kr_parser *p);
static kr_expr *atom(kr_parser *p);
static kr_comprehension_seq *for_if_clauses(kr_parser *p);
static kr_expr *star_named_expression(kr_parser *p);
static kr_expr *star_target(kr_parser *p);

#define START(t) (t)->lineno, (t)->col
#define END_T(t) (t)->end_lineno, (t)->end_col
#define END_E(e) (e)->end_lineno, (e)->end_col_offset
#define ST_OF(i) kr_p_tok(p, i)->lineno, kr_p_tok(p, i)->col
#define LAST_END(p) kr_p_last(p)->end_lineno, kr_p_last(p)->end_col

int kr_p_expr_start(int t)
{
    switch (t) {
    case KR_T_NAME: case KR_T_NUMBER: case KR_T_STRING: case KR_T_LPAR:
    case KR_T_LSQB: case KR_T_LBRACE: case KR_T_MINUS: case KR_T_PLUS:
    case KR_T_TILDE: case KR_T_NOT: case KR_T_LAMBDA: case KR_T_AWAIT:
    case KR_T_NONE: case KR_T_TRUE: case KR_T_FALSE: case KR_T_ELLIPSIS:
        return 1;
    }
    return 0;
}

const char *kr_p_expr_name(kr_expr *e)
{
    switch (e->kind) {
    case KR_Attribute: return "attribute";
    case KR_Subscript: return "subscript";
    case KR_Starred: return "starred";
    case KR_Name: return "name";
    case KR_List: return "list";
    case KR_Tuple: return "tuple";
    case KR_Lambda: return "lambda";
    case KR_Call: return "function call";
    case KR_BoolOp: case KR_BinOp: case KR_UnaryOp: return "expression";
    case KR_GeneratorExp: return "generator expression";
    case KR_Yield: case KR_YieldFrom: return "yield expression";
    case KR_Await: return "await expression";
    case KR_ListComp: return "list comprehension";
    case KR_SetComp: return "set comprehension";
    case KR_DictComp: return "dict comprehension";
    case KR_Dict: return "dict literal";
    case KR_Set: return "set display";
    case KR_JoinedStr: case KR_FormattedValue: return "f-string expression";
    case KR_Constant:
        switch (e->v.Constant.value.kind) {
        case KR_CONST_NONE: return "None";
        case KR_CONST_TRUE: return "True";
        case KR_CONST_FALSE: return "False";
        case KR_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case KR_Compare: return "comparison";
    case KR_IfExp: return "conditional expression";
    case KR_NamedExpr: return "named expression";
    default: return "expression";
    }
}

kr_expr *kr_p_invalid_target(kr_expr *e, int kind)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case KR_List:
    case KR_Tuple: {
        kr_expr_seq *s = e->kind == KR_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < KR_SEQ_LEN(s); i++) {
            kr_expr *c = kr_p_invalid_target(s->items[i], kind);
            if (c)
                return c;
        }
        return NULL;
    }
    case KR_Starred:
        if (kind == KR_TGT_DEL)
            return e;
        return kr_p_invalid_target(e->v.Starred.value, kind);
    case KR_Compare:
        if (kind == KR_TGT_FOR) {
            if (e->v.Compare.ops->items[0] == KR_In)
                return kr_p_invalid_target(e->v.Compare.left, kind);
            return NULL;
        }
        return e;
    case KR_Name: case KR_Subscript: case KR_Attribute:
        return NULL;
    default:
        return e;
    }
}

/* Sets ctx on a target tree; on an invalid target reports CPython's
   "cannot assign to X" / "cannot delete X". */
int kr_p_set_context(kr_parser *p, kr_expr *e, kr_expr_context ctx, int kind)
{
    switch (e->kind) {
    case KR_Name: e->v.Name.ctx = ctx; return 1;
    case KR_Attribute: e->v.Attribute.ctx = ctx; return 1;
    case KR_Subscript: e->v.Subscript.ctx = ctx; return 1;
    case KR_Starred:
        if (ctx == KR_Del)
            break;
        e->v.Starred.ctx = ctx;
        return kr_p_set_context(p, e->v.Starred.value, ctx, kind);
    case KR_List:
    case KR_Tuple: {
        kr_expr_seq *s = e->kind == KR_List ? e->v.List.elts : e->v.Tuple.elts;
        if (e->kind == KR_List)
            e->v.List.ctx = ctx;
        else
            e->v.Tuple.ctx = ctx;
        for (int i = 0; i < KR_SEQ_LEN(s); i++)
            if (!kr_p_set_context(p, s->items[i], ctx, kind))
                return 0;
        return 1;
    }
    default:
        break;
    }
    kr_expr *bad = kr_p_invalid_target(e, kind);
    if (!bad)
        bad = e;
    kr_p_error_expr(p, bad, "cannot %s %s",
                    ctx == KR_Del ? "delete" : "assign to",
                    kr_p_expr_name(bad));
    return 0;
}

/* ---- atoms --------------------------------------------------------------- */

static kr_expr *make_name(kr_parser *p, kr_token *t)
{
    kr_expr *e = kr_p_expr(p, KR_Name, START(t), END_T(t));
    FAIL_IF(e);
    e->v.Name.id = kr_p_name(p, t);
    e->v.Name.ctx = KR_Load;
    return e;
}

static int only_chars(const char *s, const char *e, const char *set)
{
    for (; s < e; s++)
        if (!strchr(set, *s))
            return 0;
    return 1;
}

static kr_expr *number(kr_parser *p, kr_token *t)
{
    kr_expr *e = kr_p_expr(p, KR_Constant, START(t), END_T(t));
    FAIL_IF(e);
    const char *s = t->start;
    size_t n = (size_t)(t->end - t->start);
    char *buf = kr_p_alloc(p, n + 1);
    FAIL_IF(buf);
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            buf[o++] = s[i];
    buf[o] = 0;
    kr_constant *c = &e->v.Constant.value;
    if (buf[o - 1] == 'j' || buf[o - 1] == 'J') {
        buf[o - 1] = 0;
        c->kind = KR_CONST_IMAGINARY;
        c->u.text = buf;
    } else if (o > 1 && buf[0] == '0' && strchr("xXoObB", buf[1])) {
        c->kind = KR_CONST_INT;
        c->u.i.base = (buf[1] == 'x' || buf[1] == 'X') ? 16
                    : (buf[1] == 'o' || buf[1] == 'O') ? 8 : 2;
        c->u.i.digits = buf + 2;
    } else if (!only_chars(buf, buf + o, "0123456789")) {
        c->kind = KR_CONST_FLOAT;
        c->u.text = buf;
    } else {
        c->kind = KR_CONST_INT;
        c->u.i.base = 10;
        c->u.i.digits = buf;
    }
    return e;
}

static kr_expr *const_expr(kr_parser *p, kr_token *t, kr_constant_kind k)
{
    kr_expr *e = kr_p_expr(p, KR_Constant, START(t), END_T(t));
    FAIL_IF(e);
    e->v.Constant.value.kind = k;
    return e;
}

kr_expr *kr_p_atom_strings(kr_parser *p)
{
    int first = p->pos;
    while (PEEK(p) == KR_T_STRING)
        kr_p_next(p);
    if (p->error)
        return NULL;
    return kr_p_concat_strings(p, first, p->pos - 1);
}

static kr_expr *make_comp(kr_parser *p, kr_expr_kind k, kr_token *open,
                          kr_expr *elt, kr_expr *val)
{
    kr_comprehension_seq *gens = for_if_clauses(p);
    FAIL_IF(gens);
    int close = k == KR_ListComp ? KR_T_RSQB
              : k == KR_GeneratorExp ? KR_T_RPAR : KR_T_RBRACE;
    if (PEEK(p) != close)
        return kr_p_syntax_error(p);
    kr_token *ct = kr_p_next(p);
    kr_expr *e = kr_p_expr(p, k, START(open), END_T(ct));
    FAIL_IF(e);
    if (k == KR_DictComp) {
        e->v.DictComp.key = elt;
        e->v.DictComp.value = val;
        e->v.DictComp.generators = gens;
    } else {
        e->v.ListComp.elt = elt;
        e->v.ListComp.generators = gens;
    }
    return e;
}

/* Is the element a bare starred expression (not allowed as comp elt)? */
static kr_expr *comp_starred_error(kr_parser *p, kr_expr *elt)
{
    if (elt->kind == KR_Starred)
        return kr_p_error_expr(p, elt,
                               "iterable unpacking cannot be used in "
                               "comprehension");
    return elt;
}

static kr_expr *paren_atom(kr_parser *p)
{
    kr_token *open = kr_p_next(p);
    if (PEEK(p) == KR_T_RPAR) {
        kr_token *ct = kr_p_next(p);
        kr_expr *e = kr_p_expr(p, KR_Tuple, START(open), END_T(ct));
        FAIL_IF(e);
        e->v.Tuple.ctx = KR_Load;
        return e;
    }
    if (PEEK(p) == KR_T_YIELD) {
        kr_expr *y = kr_p_yield_expr(p);
        FAIL_IF(y);
        if (!ACCEPT(p, KR_T_RPAR))
            return kr_p_syntax_error(p);
        return y;
    }
    if (PEEK(p) == KR_T_DOUBLESTAR) {
        /* invalid_group */
        kr_token *ds = kr_p_next(p);
        FAIL_IF(kr_p_expression(p));
        if (PEEK(p) != KR_T_RPAR)
            return kr_p_syntax_error(p);
        return kr_p_error_tok(p, ds, "cannot use double starred expression "
                              "here");
    }
    kr_expr *first = star_named_expression(p);
    FAIL_IF(first);
    if (PEEK(p) == KR_T_FOR || (PEEK(p) == KR_T_ASYNC && PEEK2(p) == KR_T_FOR)) {
        FAIL_IF(comp_starred_error(p, first));
        return make_comp(p, KR_GeneratorExp, open, first, NULL);
    }
    if (PEEK(p) == KR_T_RPAR) {
        kr_p_next(p);
        if (first->kind == KR_Starred)
            return kr_p_error_expr(p, first,
                                   "cannot use starred expression here");
        return first;
    }
    if (PEEK(p) != KR_T_COMMA) {
        if (first->kind == KR_NamedExpr || PEEK(p) == KR_T_COLONEQUAL)
            return kr_p_syntax_error(p);
        return kr_p_syntax_error(p);
    }
    kr_vec v;
    kr_vec_init(&v);
    FAIL_IF(kr_vec_push(p, &v, first));
    while (ACCEPT(p, KR_T_COMMA)) {
        if (PEEK(p) == KR_T_RPAR)
            break;
        kr_expr *x = star_named_expression(p);
        FAIL_IF(x);
        FAIL_IF(kr_vec_push(p, &v, x));
    }
    if (PEEK(p) != KR_T_RPAR)
        return kr_p_syntax_error(p);
    kr_token *ct = kr_p_next(p);
    kr_expr *e = kr_p_expr(p, KR_Tuple, START(open), END_T(ct));
    FAIL_IF(e);
    e->v.Tuple.elts = kr_vec_seq(p, &v);
    e->v.Tuple.ctx = KR_Load;
    return e;
}

static kr_expr *list_atom(kr_parser *p)
{
    kr_token *open = kr_p_next(p);
    kr_vec v;
    kr_vec_init(&v);
    if (PEEK(p) != KR_T_RSQB) {
        kr_expr *first = star_named_expression(p);
        FAIL_IF(first);
        if (PEEK(p) == KR_T_FOR ||
            (PEEK(p) == KR_T_ASYNC && PEEK2(p) == KR_T_FOR)) {
            FAIL_IF(comp_starred_error(p, first));
            return make_comp(p, KR_ListComp, open, first, NULL);
        }
        FAIL_IF(kr_vec_push(p, &v, first));
        while (ACCEPT(p, KR_T_COMMA)) {
            if (PEEK(p) == KR_T_RSQB)
                break;
            kr_expr *x = star_named_expression(p);
            FAIL_IF(x);
            FAIL_IF(kr_vec_push(p, &v, x));
        }
    }
    if (PEEK(p) != KR_T_RSQB)
        return kr_p_syntax_error(p);
    kr_token *ct = kr_p_next(p);
    kr_expr *e = kr_p_expr(p, KR_List, START(open), END_T(ct));
    FAIL_IF(e);
    e->v.List.elts = kr_vec_seq(p, &v);
    e->v.List.ctx = KR_Load;
    return e;
}

static kr_expr *brace_atom(kr_parser *p)
{
    kr_token *open = kr_p_next(p);
    kr_vec keys, vals;
    kr_vec_init(&keys);
    kr_vec_init(&vals);
    if (PEEK(p) == KR_T_RBRACE) {
        kr_token *ct = kr_p_next(p);
        return kr_p_expr(p, KR_Dict, START(open), END_T(ct));
    }
    int is_dict;
    if (PEEK(p) == KR_T_DOUBLESTAR) {
        is_dict = 1;
    } else {
        /* an unparenthesised walrus cannot be a dict key */
        int walrus = PEEK(p) == KR_T_NAME && PEEK2(p) == KR_T_COLONEQUAL;
        kr_expr *first = star_named_expression(p);
        FAIL_IF(first);
        if (PEEK(p) == KR_T_COLON && first->kind != KR_Starred && !walrus) {
            kr_p_next(p);
            if (PEEK(p) == KR_T_RBRACE || PEEK(p) == KR_T_COMMA) {
                kr_token *c = kr_p_last(p);
                return kr_p_error_at(p, KR_ERR_SYNTAX, c->lineno, c->col,
                    c->end_lineno, c->end_col,
                    "expression expected after dictionary key and ':'");
            }
            kr_expr *val = kr_p_expression(p);
            FAIL_IF(val);
            if (PEEK(p) == KR_T_FOR ||
                (PEEK(p) == KR_T_ASYNC && PEEK2(p) == KR_T_FOR))
                return make_comp(p, KR_DictComp, open, first, val);
            FAIL_IF(kr_vec_push(p, &keys, first));
            FAIL_IF(kr_vec_push(p, &vals, val));
            is_dict = 1;
            if (!ACCEPT(p, KR_T_COMMA))
                goto close;
        } else {
            if (PEEK(p) == KR_T_FOR ||
                (PEEK(p) == KR_T_ASYNC && PEEK2(p) == KR_T_FOR)) {
                FAIL_IF(comp_starred_error(p, first));
                return make_comp(p, KR_SetComp, open, first, NULL);
            }
            FAIL_IF(kr_vec_push(p, &keys, first));
            is_dict = 0;
            if (!ACCEPT(p, KR_T_COMMA))
                goto close;
        }
    }
    while (PEEK(p) != KR_T_RBRACE) {
        if (is_dict) {
            if (ACCEPT(p, KR_T_DOUBLESTAR)) {
                kr_expr *v = kr_p_bitwise_or(p);
                FAIL_IF(v);
                FAIL_IF(kr_vec_push(p, &keys, NULL));
                FAIL_IF(kr_vec_push(p, &vals, v));
            } else {
                kr_expr *k = kr_p_expression(p);
                FAIL_IF(k);
                if (PEEK(p) != KR_T_COLON) {
                    if (PEEK(p) == KR_T_RBRACE || PEEK(p) == KR_T_COMMA)
                        return kr_p_error_at(p, KR_ERR_SYNTAX, k->lineno,
                            k->col_offset, k->end_lineno, k->end_col_offset,
                            "':' expected after dictionary key");
                    return kr_p_syntax_error(p);
                }
                kr_p_next(p);
                if (PEEK(p) == KR_T_RBRACE || PEEK(p) == KR_T_COMMA) {
                    kr_token *c = kr_p_last(p);
                    return kr_p_error_at(p, KR_ERR_SYNTAX, c->lineno, c->col,
                        c->end_lineno, c->end_col,
                        "expression expected after dictionary key and ':'");
                }
                kr_expr *v = kr_p_expression(p);
                FAIL_IF(v);
                FAIL_IF(kr_vec_push(p, &keys, k));
                FAIL_IF(kr_vec_push(p, &vals, v));
            }
            if (keys.n == 1 && PEEK(p) == KR_T_FOR && keys.items[0] == NULL) {
                kr_expr *v0 = vals.items[0];
                return kr_p_error_at(p, KR_ERR_SYNTAX, open->lineno,
                    open->col + 1, v0->end_lineno, v0->end_col_offset,
                    "dict unpacking cannot be used in dict comprehension");
            }
        } else {
            kr_expr *x = star_named_expression(p);
            FAIL_IF(x);
            FAIL_IF(kr_vec_push(p, &keys, x));
        }
        if (!ACCEPT(p, KR_T_COMMA))
            break;
    }
close:
    if (PEEK(p) != KR_T_RBRACE)
        return kr_p_syntax_error(p);
    kr_token *ct = kr_p_next(p);
    if (is_dict) {
        kr_expr *e = kr_p_expr(p, KR_Dict, START(open), END_T(ct));
        FAIL_IF(e);
        e->v.Dict.keys = kr_vec_seq(p, &keys);
        e->v.Dict.values = kr_vec_seq(p, &vals);
        if (keys.n && !e->v.Dict.keys)
            return NULL;
        return e;
    }
    kr_expr *e = kr_p_expr(p, KR_Set, START(open), END_T(ct));
    FAIL_IF(e);
    e->v.Set.elts = kr_vec_seq(p, &keys);
    return e;
}

static kr_expr *atom(kr_parser *p)
{
    kr_token *t = kr_p_peek(p);
    switch (t->type) {
    case KR_T_NAME:
        kr_p_next(p);
        return make_name(p, t);
    case KR_T_NUMBER:
        kr_p_next(p);
        return number(p, t);
    case KR_T_STRING:
        return kr_p_atom_strings(p);
    case KR_T_NONE:
        kr_p_next(p);
        return const_expr(p, t, KR_CONST_NONE);
    case KR_T_TRUE:
        kr_p_next(p);
        return const_expr(p, t, KR_CONST_TRUE);
    case KR_T_FALSE:
        kr_p_next(p);
        return const_expr(p, t, KR_CONST_FALSE);
    case KR_T_ELLIPSIS:
        kr_p_next(p);
        return const_expr(p, t, KR_CONST_ELLIPSIS);
    case KR_T_LPAR:
        return paren_atom(p);
    case KR_T_LSQB:
        return list_atom(p);
    case KR_T_LBRACE:
        return brace_atom(p);
    default:
        return kr_p_syntax_error(p);
    }
}

/* ---- primary ------------------------------------------------------------- */

static kr_expr *slice_item(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    kr_expr *lower = NULL, *upper = NULL, *step = NULL;
    if (PEEK(p) == KR_T_STAR) {
        kr_p_next(p);
        kr_expr *v = kr_p_bitwise_or(p);
        FAIL_IF(v);
        kr_expr *e = kr_p_expr(p, KR_Starred, START(st), LAST_END(p));
        FAIL_IF(e);
        e->v.Starred.value = v;
        e->v.Starred.ctx = KR_Load;
        return e;
    }
    if (PEEK(p) != KR_T_COLON) {
        /* an unparenthesised walrus is a whole slice item, not a bound */
        int walrus = PEEK(p) == KR_T_NAME && PEEK2(p) == KR_T_COLONEQUAL;
        lower = kr_p_named_expression(p);
        FAIL_IF(lower);
        if (PEEK(p) != KR_T_COLON)
            return lower;
        if (walrus)
            return kr_p_syntax_error(p);
    }
    kr_p_next(p);   /* ':' */
    if (PEEK(p) != KR_T_COLON && PEEK(p) != KR_T_RSQB && PEEK(p) != KR_T_COMMA) {
        upper = kr_p_expression(p);
        FAIL_IF(upper);
    }
    if (ACCEPT(p, KR_T_COLON)) {
        if (PEEK(p) != KR_T_RSQB && PEEK(p) != KR_T_COMMA) {
            step = kr_p_expression(p);
            FAIL_IF(step);
        }
    }
    kr_expr *e = kr_p_expr(p, KR_Slice, START(st), LAST_END(p));
    FAIL_IF(e);
    e->v.Slice.lower = lower;
    e->v.Slice.upper = upper;
    e->v.Slice.step = step;
    return e;
}

static kr_expr *slices(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    kr_expr *first = slice_item(p);
    FAIL_IF(first);
    if (PEEK(p) != KR_T_COMMA && first->kind != KR_Starred)
        return first;
    kr_vec v;
    kr_vec_init(&v);
    FAIL_IF(kr_vec_push(p, &v, first));
    while (ACCEPT(p, KR_T_COMMA)) {
        if (PEEK(p) == KR_T_RSQB)
            break;
        kr_expr *x = slice_item(p);
        FAIL_IF(x);
        FAIL_IF(kr_vec_push(p, &v, x));
    }
    kr_expr *e = kr_p_expr(p, KR_Tuple, START(st), LAST_END(p));
    FAIL_IF(e);
    e->v.Tuple.elts = kr_vec_seq(p, &v);
    e->v.Tuple.ctx = KR_Load;
    return e;
}

static kr_keyword *make_keyword(kr_parser *p, const char *arg, kr_token *st,
                                kr_expr *v)
{
    kr_keyword *k = kr_p_alloc(p, sizeof *k);
    FAIL_IF(k);
    k->arg = arg;
    k->value = v;
    k->lineno = st->lineno;
    k->col_offset = st->col;
    k->end_lineno = kr_p_last(p)->end_lineno;
    k->end_col_offset = kr_p_last(p)->end_col;
    return k;
}

/* Call arguments after '(' up to (not including) the closing token. */
static void call_args(kr_parser *p, kr_expr_seq **args, kr_keyword_seq **kws,
                      int call, const char **late)
{
    const int close_tok = KR_T_RPAR;
    kr_vec a, k;
    kr_vec_init(&a);
    kr_vec_init(&k);
    int seen_kw = 0, seen_dstar = 0;
    /* a positional argument after keywords: CPython reports it once the
       whole argument list is read, at the token after it */
    const char *late_positional = NULL;
    *late = NULL;
    kr_token *first_arg = kr_p_peek(p);
    *args = NULL;
    *kws = NULL;
    while (PEEK(p) != close_tok) {
        int st_idx = p->pos;
        kr_token *st = kr_p_peek(p);
        if (st->type == KR_T_STAR) {
            if (seen_dstar) {
                /* the range covers the arguments before the ',' '*' */
                kr_token *prev = kr_p_tok(p, st_idx - 2);
                kr_p_error_at(p, KR_ERR_SYNTAX, first_arg->lineno,
                              first_arg->col, prev->end_lineno, prev->end_col,
                              "iterable argument unpacking follows keyword "
                              "argument unpacking");
                return;
            }
            kr_p_next(p);
            kr_expr *v = kr_p_expression(p);
            if (!v)
                return;
            kr_expr *e = kr_p_expr(p, KR_Starred, START(st), LAST_END(p));
            if (!e)
                return;
            e->v.Starred.value = v;
            e->v.Starred.ctx = KR_Load;
            if (!kr_vec_push(p, &a, e))
                return;
        } else if (st->type == KR_T_DOUBLESTAR) {
            kr_p_next(p);
            kr_expr *v = kr_p_expression(p);
            if (!v)
                return;
            kr_keyword *kw = make_keyword(p, NULL, st, v);
            if (!kw || !kr_vec_push(p, &k, kw))
                return;
            seen_dstar = 1;
        } else if (st->type == KR_T_NAME && PEEK2(p) == KR_T_EQUAL) {
            kr_p_next(p);
            kr_p_next(p);
            kr_expr *v = kr_p_expression(p);
            if (!v)
                return;
            kr_keyword *kw = make_keyword(p, kr_p_name(p, st), st, v);
            if (!kw || !kr_vec_push(p, &k, kw))
                return;
            seen_kw = 1;
        } else {
            kr_expr *e;
            if (st->type == KR_T_NAME && PEEK2(p) == KR_T_COLONEQUAL)
                e = kr_p_named_expression(p);
            else
                e = kr_p_expression(p);
            if (!e)
                return;
            if (PEEK(p) == KR_T_EQUAL) {
                /* invalid_kwarg */
                kr_token *eq = kr_p_peek(p);
                if (e->kind == KR_Constant &&
                    (e->v.Constant.value.kind == KR_CONST_TRUE ||
                     e->v.Constant.value.kind == KR_CONST_FALSE ||
                     e->v.Constant.value.kind == KR_CONST_NONE)) {
                    kr_p_error_at(p, KR_ERR_SYNTAX, e->lineno, e->col_offset,
                                  eq->end_lineno, eq->end_col,
                                  "cannot assign to %s", kr_p_expr_name(e));
                    return;
                }
                kr_p_next(p);
                kr_expr *b = kr_p_expression(p);
                if (!b) {
                    return;
                }
                kr_p_error_range(p, e, b, "expression cannot contain "
                                 "assignment, perhaps you meant \"==\"?");
                return;
            }
            if (PEEK(p) == KR_T_FOR ||
                (PEEK(p) == KR_T_ASYNC && PEEK2(p) == KR_T_FOR)) {
                /* generator argument */
                int sole = a.n == 0 && k.n == 0;
                int for_idx = p->pos;
                kr_comprehension_seq *gens = for_if_clauses(p);
                if (!gens)
                    return;
                kr_expr *g;
                if (sole && PEEK(p) == close_tok) {
                    /* positions include the call's parentheses */
                    kr_token *op = kr_p_tok(p, st_idx - 1);
                    kr_token *cl = kr_p_peek(p);
                    g = kr_p_expr(p, KR_GeneratorExp, START(op), END_T(cl));
                } else {
                    g = kr_p_expr(p, KR_GeneratorExp, e->lineno,
                                  e->col_offset, LAST_END(p));
                }
                if (!g)
                    return;
                g->v.GeneratorExp.elt = e;
                g->v.GeneratorExp.generators = gens;
                /* a sole generator argument followed by anything but
                   ')' or ',' is plain invalid syntax */
                if (sole && PEEK(p) != KR_T_COMMA &&
                    (PEEK(p) != close_tok || !call)) {
                    if (!call) {
                        /* class bases take no bare generator */
                        kr_p_error_tok(p, kr_p_tok(p, for_idx),
                                       "invalid syntax");
                        return;
                    }
                    kr_p_syntax_error(p);
                    return;
                }
                if (!(sole && PEEK(p) == close_tok)) {
                    kr_p_error_at(p, KR_ERR_SYNTAX, g->lineno, g->col_offset,
                                  g->end_lineno, g->end_col_offset,
                                  "Generator expression must be "
                                  "parenthesized");
                    return;
                }
                e = g;
            }
            if ((seen_kw || seen_dstar) && !late_positional)
                *late = late_positional =
                    seen_dstar ? "positional argument follows keyword "
                                 "argument unpacking"
                               : "positional argument follows keyword "
                                 "argument";
            if (!kr_vec_push(p, &a, e))
                return;
        }
        if (!ACCEPT(p, KR_T_COMMA))
            break;
    }
    if (p->error)
        return;
    if (late_positional) {
        kr_p_error_tok(p, kr_p_peek(p), "%s", late_positional);
        return;
    }
    *args = kr_vec_seq(p, &a);
    *kws = kr_vec_seq(p, &k);
}

void kr_p_call_args(kr_parser *p, kr_expr_seq **args, kr_keyword_seq **kws,
                    int call)
{
    const char *late;
    call_args(p, args, kws, call, &late);
    /* After a positional argument that follows keywords, CPython's error
       pass matches `args ',' args` whatever comes next, so a later plain
       syntax error is reported with that message (same position). */
    if (late && p->error && !p->tok_failed && p->err->kind == KR_ERR_SYNTAX) {
        const char *m = p->err->msg;
        if (strcmp(m, "invalid syntax") == 0)
            snprintf(p->err->msg, sizeof p->err->msg, "%s", late);
        else if (strcmp(m, "f-string: invalid syntax") == 0)
            snprintf(p->err->msg, sizeof p->err->msg, "f-string: %s", late);
    }
}

/* Left-recursive chains (a.b.c..., a+b+c...) are built iteratively, as
   CPython's parser does, with no length limit here: the deep trees they
   make are refused later by the depth guards of the tree walkers
   (compiler, AST conversion), with CPython's RecursionError. */
kr_expr *kr_p_primary(kr_parser *p)
{
    int si = p->pos;
    kr_expr *e = atom(p);
    FAIL_IF(e);
    for (;;) {
        int t = PEEK(p);
        if (t == KR_T_DOT) {
            kr_p_next(p);
            kr_token *n = kr_p_peek(p);
            if (n->type != KR_T_NAME)
                return kr_p_syntax_error(p);
            kr_p_next(p);
            kr_expr *a = kr_p_expr(p, KR_Attribute, ST_OF(si),
                                   END_T(n));
            FAIL_IF(a);
            a->v.Attribute.value = e;
            a->v.Attribute.attr = kr_p_name(p, n);
            a->v.Attribute.ctx = KR_Load;
            e = a;
        } else if (t == KR_T_LPAR) {
            kr_p_next(p);
            FAIL_IF(kr_p_enter(p));
            kr_expr_seq *args;
            kr_keyword_seq *kws;
            kr_p_call_args(p, &args, &kws, 1);
            LEAVE(p);
            if (p->error)
                return NULL;
            if (PEEK(p) != KR_T_RPAR)
                return kr_p_syntax_error(p);
            kr_token *ct = kr_p_next(p);
            kr_expr *c = kr_p_expr(p, KR_Call, ST_OF(si),
                                   END_T(ct));
            FAIL_IF(c);
            c->v.Call.func = e;
            c->v.Call.args = args;
            c->v.Call.keywords = kws;
            e = c;
        } else if (t == KR_T_LSQB) {
            kr_p_next(p);
            FAIL_IF(kr_p_enter(p));
            kr_expr *s = slices(p);
            LEAVE(p);
            FAIL_IF(s);
            if (PEEK(p) != KR_T_RSQB)
                return kr_p_syntax_error(p);
            kr_token *ct = kr_p_next(p);
            kr_expr *c = kr_p_expr(p, KR_Subscript, ST_OF(si),
                                   END_T(ct));
            FAIL_IF(c);
            c->v.Subscript.value = e;
            c->v.Subscript.slice = s;
            c->v.Subscript.ctx = KR_Load;
            e = c;
        } else
            return e;
    }
}

/* ---- operators ----------------------------------------------------------- */

static kr_expr *factor(kr_parser *p);
static kr_expr *comparison(kr_parser *p);

static kr_expr *power(kr_parser *p)
{
    int si = p->pos;
    kr_token *st = kr_p_peek(p);
    kr_expr *e;
    if (st->type == KR_T_AWAIT) {
        kr_p_next(p);
        kr_expr *v = kr_p_primary(p);
        FAIL_IF(v);
        e = kr_p_expr(p, KR_Await, START(st), LAST_END(p));
        FAIL_IF(e);
        e->v.Await.value = v;
    } else {
        e = kr_p_primary(p);
        FAIL_IF(e);
    }
    if (PEEK(p) == KR_T_DOUBLESTAR) {
        kr_p_next(p);
        /* CPython's parser spends two levels per nested '**' */
        FAIL_IF(kr_p_enter_n(p, 2));
        kr_expr *r = factor(p);
        LEAVE_N(p, 2);
        FAIL_IF(r);
        kr_expr *b = kr_p_expr(p, KR_BinOp, ST_OF(si), LAST_END(p));
        FAIL_IF(b);
        b->v.BinOp.left = e;
        b->v.BinOp.op = KR_Pow;
        b->v.BinOp.right = r;
        e = b;
    }
    return e;
}

static int unary_op(int tok, kr_unaryop *op)
{
    switch (tok) {
    case KR_T_PLUS: *op = KR_UAdd; return 1;
    case KR_T_MINUS: *op = KR_USub; return 1;
    case KR_T_TILDE: *op = KR_Invert; return 1;
    case KR_T_NOT: *op = KR_Not; return 1;
    }
    return 0;
}

/* A run of prefix operators (`- - ~x`, `not not x`) and its operand,
   built without recursion so that long runs cost no C stack; each
   operator still counts one parser level, as in CPython.  `nots` picks
   the `not` run (inversion) rather than + - ~ (factor). */
static kr_expr *prefix_run(kr_parser *p, int nots)
{
    int first = p->pos;
    kr_unaryop op = KR_UAdd;
    while (unary_op(PEEK(p), &op) && (op == KR_Not) == nots)
        kr_p_next(p);
    int n = p->pos - first;
    if (n == 0)
        return nots ? comparison(p) : power(p);
    FAIL_IF(kr_p_enter_n(p, n));
    kr_expr *e = nots ? comparison(p) : power(p);
    LEAVE_N(p, n);
    FAIL_IF(e);
    int el = kr_p_last(p)->end_lineno, ec = kr_p_last(p)->end_col;
    for (int i = first + n - 1; i >= first; i--) {
        kr_token *t = kr_p_tok(p, i);
        unary_op(t->type, &op);
        kr_expr *u = kr_p_expr(p, KR_UnaryOp, START(t), el, ec);
        FAIL_IF(u);
        u->v.UnaryOp.op = op;
        u->v.UnaryOp.operand = e;
        e = u;
    }
    return e;
}

static kr_expr *factor(kr_parser *p)
{
    return prefix_run(p, 0);
}

/* binary levels: 0 '|', 1 '^', 2 '&', 3 shifts, 4 + -, 5 * / // % @ */
static int binop_of(int level, int tok, kr_operator *op)
{
    switch (level) {
    case 0: if (tok == KR_T_VBAR) { *op = KR_BitOr; return 1; } break;
    case 1: if (tok == KR_T_CIRCUMFLEX) { *op = KR_BitXor; return 1; } break;
    case 2: if (tok == KR_T_AMPER) { *op = KR_BitAnd; return 1; } break;
    case 3:
        if (tok == KR_T_LEFTSHIFT) { *op = KR_LShift; return 1; }
        if (tok == KR_T_RIGHTSHIFT) { *op = KR_RShift; return 1; }
        break;
    case 4:
        if (tok == KR_T_PLUS) { *op = KR_Add; return 1; }
        if (tok == KR_T_MINUS) { *op = KR_Sub; return 1; }
        break;
    case 5:
        switch (tok) {
        case KR_T_STAR: *op = KR_Mult; return 1;
        case KR_T_SLASH: *op = KR_Div; return 1;
        case KR_T_DOUBLESLASH: *op = KR_FloorDiv; return 1;
        case KR_T_PERCENT: *op = KR_Mod; return 1;
        case KR_T_AT: *op = KR_MatMult; return 1;
        }
        break;
    }
    return 0;
}

static kr_expr *binary(kr_parser *p, int level)
{
    int si = p->pos;
    kr_expr *e = level == 5 ? factor(p) : binary(p, level + 1);
    FAIL_IF(e);
    kr_operator op;
    while (binop_of(level, PEEK(p), &op)) {
        kr_p_next(p);
        kr_expr *r = level == 5 ? factor(p) : binary(p, level + 1);
        FAIL_IF(r);
        kr_expr *b = kr_p_expr(p, KR_BinOp, ST_OF(si), LAST_END(p));
        FAIL_IF(b);
        b->v.BinOp.left = e;
        b->v.BinOp.op = op;
        b->v.BinOp.right = r;
        e = b;
    }
    return e;
}

kr_expr *kr_p_bitwise_or(kr_parser *p)
{
    return binary(p, 0);
}

static int cmp_op(kr_parser *p, int *ntok)
{
    *ntok = 1;
    switch (PEEK(p)) {
    case KR_T_EQEQUAL: return KR_Eq;
    case KR_T_NOTEQUAL:
        if (kr_p_peek(p)->start[0] == '<' && !(p->flags & KR_PF_BARRY_AS_BDFL))
            return 0;
        return KR_NotEq;
    case KR_T_LESS: return KR_Lt;
    case KR_T_LESSEQUAL: return KR_LtE;
    case KR_T_GREATER: return KR_Gt;
    case KR_T_GREATEREQUAL: return KR_GtE;
    case KR_T_IN: return KR_In;
    case KR_T_IS:
        if (PEEK2(p) == KR_T_NOT) {
            *ntok = 2;
            return KR_IsNot;
        }
        return KR_Is;
    case KR_T_NOT:
        if (PEEK2(p) == KR_T_IN) {
            *ntok = 2;
            return KR_NotIn;
        }
        return 0;
    }
    return 0;
}

static kr_expr *comparison(kr_parser *p)
{
    int si = p->pos;
    kr_expr *e = kr_p_bitwise_or(p);
    FAIL_IF(e);
    int n;
    int op = cmp_op(p, &n);
    if (!op)
        return e;
    kr_vec ops, cmps;
    kr_vec_init(&ops);
    kr_vec_init(&cmps);
    while (op) {
        while (n--)
            kr_p_next(p);
        kr_expr *r = kr_p_bitwise_or(p);
        FAIL_IF(r);
        FAIL_IF(kr_vec_push(p, &ops, (void *)(intptr_t)op));
        FAIL_IF(kr_vec_push(p, &cmps, r));
        op = cmp_op(p, &n);
    }
    kr_expr *c = kr_p_expr(p, KR_Compare, ST_OF(si), LAST_END(p));
    FAIL_IF(c);
    c->v.Compare.left = e;
    kr_int_seq *os = kr_p_alloc(p, sizeof(kr_int_seq) +
                                       (size_t)ops.n * sizeof(int));
    FAIL_IF(os);
    os->n = ops.n;
    for (int i = 0; i < ops.n; i++)
        os->items[i] = (int)(intptr_t)ops.items[i];
    c->v.Compare.ops = os;
    c->v.Compare.comparators = kr_vec_seq(p, &cmps);
    return c;
}

static kr_expr *inversion(kr_parser *p)
{
    return prefix_run(p, 1);
}

static kr_expr *boolop(kr_parser *p, int is_or)
{
    int si = p->pos;
    kr_expr *e = is_or ? boolop(p, 0) : inversion(p);
    FAIL_IF(e);
    int tk = is_or ? KR_T_OR : KR_T_AND;
    if (PEEK(p) != tk)
        return e;
    kr_vec v;
    kr_vec_init(&v);
    FAIL_IF(kr_vec_push(p, &v, e));
    while (ACCEPT(p, tk)) {
        kr_expr *r = is_or ? boolop(p, 0) : inversion(p);
        FAIL_IF(r);
        FAIL_IF(kr_vec_push(p, &v, r));
    }
    kr_expr *b = kr_p_expr(p, KR_BoolOp, ST_OF(si), LAST_END(p));
    FAIL_IF(b);
    b->v.BoolOp.op = is_or ? KR_Or : KR_And;
    b->v.BoolOp.values = kr_vec_seq(p, &v);
    return b;
}

static kr_expr *disjunction_nocheck(kr_parser *p)
{
    return boolop(p, 1);
}

kr_expr *kr_p_disjunction(kr_parser *p)
{
    return boolop(p, 1);
}

/* Speculatively parses with errors suppressed; returns the result or NULL
   (position restored on failure). */
typedef kr_expr *(*kr_rule)(kr_parser *);

static kr_expr *speculate(kr_parser *p, kr_rule r, int keep)
{
    int mark = p->pos;
    int saved_err = p->error;
    p->spec++;
    p->no_invalid++;
    kr_expr *e = r(p);
    p->no_invalid--;
    p->spec--;
    if (!e || p->error) {
        p->pos = mark;
        if (p->err->kind == KR_ERR_NONE || !p->tok_failed)
            p->error = saved_err;
        if (p->err->kind == KR_ERR_MEMORY)
            p->error = 1;
        return NULL;
    }
    if (!keep)
        p->pos = mark;
    return e;
}

static int is_soft_keyword(kr_token *t)
{
    return kr_p_is_name(t, "match") || kr_p_is_name(t, "case") ||
           kr_p_is_name(t, "_");
}

/* CPython's invalid_expression / invalid_legacy_expression checks, run
   after a complete disjunction that is followed by something that could
   start another expression. */
static void check_invalid_expression(kr_parser *p, int st_idx, kr_expr *a)
{
    kr_token *nt = kr_p_peek(p);
    if (!kr_p_expr_start(nt->type) || p->no_invalid)
        return;
    kr_token *st = kr_p_tok(p, st_idx);
    int legacy = a->kind == KR_Name && (strcmp(a->v.Name.id, "print") == 0 ||
                                       strcmp(a->v.Name.id, "exec") == 0);
    int excluded = (st->type == KR_T_NAME &&
                    kr_p_tok(p, st_idx + 1)->type == KR_T_STRING) ||
                   is_soft_keyword(st);
    if (!excluded) {
        int mark = p->pos;
        kr_expr *b = speculate(p, kr_p_expression, 1);
        if (b) {
            int lvl = kr_p_last(p)->level;
            p->pos = mark;
            if (!legacy && lvl > 0) {
                kr_p_error_range(p, a, b, "invalid syntax. Perhaps you "
                                 "forgot a comma?");
                return;
            }
        }
        if (p->error)
            return;
    }
    if (legacy && nt->type != KR_T_LPAR) {
        int mark = p->pos;
        kr_expr *b = speculate(p, kr_p_star_expressions, 1);
        if (b) {
            p->pos = mark;
            kr_p_error_range(p, a, b, "Missing parentheses in call to '%s'. "
                             "Did you mean %s(...)?", a->v.Name.id,
                             a->v.Name.id);
        }
    }
}

/* invalid_legacy_expression, which CPython tries at the start of every
   expression in its error pass: `print x` / `exec x` where x parses as
   star_expressions.  Returns 1 when it reported the error. */
static int legacy_statement(kr_parser *p)
{
    kr_token *t = kr_p_peek(p);
    if (!(kr_p_is_name(t, "print") || kr_p_is_name(t, "exec")) ||
        PEEK2(p) == KR_T_LPAR)
        return 0;
    int mark = p->pos;
    kr_p_next(p);
    kr_expr *b = speculate(p, kr_p_star_expressions, 1);
    if (!b) {
        p->pos = mark;
        return 0;
    }
    p->pos = mark;
    kr_expr *a = make_name(p, t);
    if (!a)
        return 1;
    p->legacy_hit = 1;
    kr_p_error_range(p, a, b, "Missing parentheses in call to '%s'. Did you "
                     "mean %s(...)?", a->v.Name.id, a->v.Name.id);
    return 1;
}

kr_expr *kr_p_expression(kr_parser *p)
{
    if (p->legacy && !p->spec && !p->no_invalid && legacy_statement(p))
        return NULL;
    if (PEEK(p) == KR_T_LAMBDA)
        return lambdef(p);
    FAIL_IF(kr_p_enter(p));
    int st_idx = p->pos;
    kr_p_peek(p);
    kr_expr *e = disjunction_nocheck(p);
    if (!e) {
        LEAVE(p);
        return NULL;
    }
    if (PEEK(p) == KR_T_IF) {
        kr_p_next(p);
        kr_expr *test = kr_p_disjunction(p);
        if (!test) {
            LEAVE(p);
            return NULL;
        }
        if (PEEK(p) != KR_T_ELSE) {
            LEAVE(p);
            if (!p->no_invalid && PEEK(p) != KR_T_COLON)
                return kr_p_error_range(p, e, test, "expected 'else' after "
                                        "'if' expression");
            return kr_p_syntax_error(p);
        }
        kr_p_next(p);
        kr_expr *orelse = kr_p_expression(p);
        LEAVE(p);
        FAIL_IF(orelse);
        kr_expr *c = kr_p_expr(p, KR_IfExp, ST_OF(st_idx), LAST_END(p));
        FAIL_IF(c);
        c->v.IfExp.test = test;
        c->v.IfExp.body = e;
        c->v.IfExp.orelse = orelse;
        return c;
    }
    LEAVE(p);
    check_invalid_expression(p, st_idx, e);
    if (p->error)
        return NULL;
    return e;
}

kr_expr *kr_p_named_expression(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    if (st->type == KR_T_NAME && PEEK2(p) == KR_T_COLONEQUAL) {
        kr_p_next(p);
        kr_p_next(p);
        kr_expr *v = kr_p_expression(p);
        FAIL_IF(v);
        kr_expr *t = make_name(p, st);
        FAIL_IF(t);
        t->v.Name.ctx = KR_Store;
        kr_expr *e = kr_p_expr(p, KR_NamedExpr, START(st), LAST_END(p));
        FAIL_IF(e);
        e->v.NamedExpr.target = t;
        e->v.NamedExpr.value = v;
        return e;
    }
    kr_expr *e = kr_p_expression(p);
    FAIL_IF(e);
    if (PEEK(p) == KR_T_COLONEQUAL && !p->no_invalid) {
        kr_p_next(p);
        kr_expr *b = speculate(p, kr_p_expression, 1);
        if (b)
            return kr_p_error_expr(p, e, "cannot use assignment expressions "
                                   "with %s", kr_p_expr_name(e));
        return kr_p_syntax_error(p);
    }
    if (PEEK(p) == KR_T_EQUAL && !p->no_invalid) {
        /* invalid_named_expression: `x = y` where a comparison was meant */
        int mark = p->pos;
        kr_p_next(p);
        kr_expr *b = speculate(p, kr_p_bitwise_or, 1);
        int nt = PEEK(p);
        p->pos = mark;
        if (b && nt != KR_T_EQUAL && nt != KR_T_COLONEQUAL) {
            if (e->kind == KR_Name && st->type == KR_T_NAME)
                return kr_p_error_range(p, e, b, "invalid syntax. Maybe you "
                                        "meant '==' or ':=' instead of '='?");
            int excluded = st->type == KR_T_LPAR || st->type == KR_T_LSQB ||
                           st->type == KR_T_TRUE || st->type == KR_T_NONE ||
                           st->type == KR_T_FALSE;
            int bitor_level = e->kind != KR_Compare && e->kind != KR_BoolOp &&
                              !(e->kind == KR_UnaryOp &&
                                e->v.UnaryOp.op == KR_Not) &&
                              e->kind != KR_IfExp && e->kind != KR_Lambda;
            if (!excluded && bitor_level)
                return kr_p_error_expr(p, e, "cannot assign to %s here. "
                                       "Maybe you meant '==' instead of "
                                       "'='?", kr_p_expr_name(e));
        }
    }
    return e;
}

static kr_expr *starred(kr_parser *p)
{
    kr_token *st = kr_p_next(p);
    kr_expr *v = kr_p_bitwise_or(p);
    FAIL_IF(v);
    kr_expr *e = kr_p_expr(p, KR_Starred, START(st), LAST_END(p));
    FAIL_IF(e);
    e->v.Starred.value = v;
    e->v.Starred.ctx = KR_Load;
    return e;
}

static kr_expr *star_named_expression(kr_parser *p)
{
    if (PEEK(p) == KR_T_STAR)
        return starred(p);
    return kr_p_named_expression(p);
}

kr_expr *kr_p_star_expression(kr_parser *p)
{
    if (PEEK(p) == KR_T_STAR)
        return starred(p);
    return kr_p_expression(p);
}

kr_expr *kr_p_star_expressions(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    kr_expr *first = kr_p_star_expression(p);
    FAIL_IF(first);
    if (PEEK(p) != KR_T_COMMA)
        return first;
    kr_vec v;
    kr_vec_init(&v);
    FAIL_IF(kr_vec_push(p, &v, first));
    while (ACCEPT(p, KR_T_COMMA)) {
        if (!kr_p_expr_start(PEEK(p)) && PEEK(p) != KR_T_STAR)
            break;
        kr_expr *x = kr_p_star_expression(p);
        FAIL_IF(x);
        FAIL_IF(kr_vec_push(p, &v, x));
    }
    kr_expr *e = kr_p_expr(p, KR_Tuple, START(st), LAST_END(p));
    FAIL_IF(e);
    e->v.Tuple.elts = kr_vec_seq(p, &v);
    e->v.Tuple.ctx = KR_Load;
    return e;
}

/* star_named_expressions as used by return/yield etc. is star_expressions;
   this variant allows walrus elements (subject of match, etc.). */
kr_expr *kr_p_star_named_expressions_tuple(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    kr_expr *first = star_named_expression(p);
    FAIL_IF(first);
    if (PEEK(p) != KR_T_COMMA)
        return first;
    kr_vec v;
    kr_vec_init(&v);
    FAIL_IF(kr_vec_push(p, &v, first));
    while (ACCEPT(p, KR_T_COMMA)) {
        if (!kr_p_expr_start(PEEK(p)) && PEEK(p) != KR_T_STAR)
            break;
        kr_expr *x = star_named_expression(p);
        FAIL_IF(x);
        FAIL_IF(kr_vec_push(p, &v, x));
    }
    kr_expr *e = kr_p_expr(p, KR_Tuple, START(st), LAST_END(p));
    FAIL_IF(e);
    e->v.Tuple.elts = kr_vec_seq(p, &v);
    e->v.Tuple.ctx = KR_Load;
    return e;
}

kr_expr *kr_p_yield_expr(kr_parser *p)
{
    kr_token *st = kr_p_next(p);   /* 'yield' */
    if (ACCEPT(p, KR_T_FROM)) {
        kr_expr *v = kr_p_expression(p);
        FAIL_IF(v);
        kr_expr *e = kr_p_expr(p, KR_YieldFrom, START(st), LAST_END(p));
        FAIL_IF(e);
        e->v.YieldFrom.value = v;
        return e;
    }
    kr_expr *v = NULL;
    if (kr_p_expr_start(PEEK(p)) || PEEK(p) == KR_T_STAR) {
        v = kr_p_star_expressions(p);
        FAIL_IF(v);
    }
    kr_expr *e = kr_p_expr(p, KR_Yield, START(st), LAST_END(p));
    FAIL_IF(e);
    e->v.Yield.value = v;
    return e;
}

kr_expr *kr_p_annotated_rhs(kr_parser *p)
{
    if (PEEK(p) == KR_T_YIELD)
        return kr_p_yield_expr(p);
    return kr_p_star_expressions(p);
}

/* ---- targets ------------------------------------------------------------- */

kr_expr *kr_p_star_target(kr_parser *p)
{
    return star_target(p);
}

static kr_expr *star_target(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    if (st->type == KR_T_STAR) {
        kr_p_next(p);
        if (PEEK(p) == KR_T_STAR)
            return kr_p_syntax_error(p);
        kr_expr *v = star_target(p);
        FAIL_IF(v);
        kr_expr *e = kr_p_expr(p, KR_Starred, START(st), LAST_END(p));
        FAIL_IF(e);
        e->v.Starred.value = v;
        e->v.Starred.ctx = KR_Store;
        return e;
    }
    FAIL_IF(kr_p_enter(p));
    kr_expr *e = kr_p_primary(p);
    LEAVE(p);
    return e;
}

/* star_targets (kind FOR for loops/comprehensions, DEL for del_targets):
   a comma list of primaries, then validated as a Store/Del context. */
kr_expr *kr_p_star_targets(kr_parser *p, int kind)
{
    kr_token *st = kr_p_peek(p);
    kr_expr *first = star_target(p);
    FAIL_IF(first);
    kr_expr *e = first;
    if (PEEK(p) == KR_T_COMMA) {
        kr_vec v;
        kr_vec_init(&v);
        FAIL_IF(kr_vec_push(p, &v, first));
        while (ACCEPT(p, KR_T_COMMA)) {
            int t = PEEK(p);
            if (t != KR_T_STAR && t != KR_T_NAME && t != KR_T_LPAR &&
                t != KR_T_LSQB && !kr_p_expr_start(t))
                break;
            if (kind == KR_TGT_FOR && t == KR_T_IN)
                break;
            kr_expr *x = star_target(p);
            FAIL_IF(x);
            FAIL_IF(kr_vec_push(p, &v, x));
        }
        e = kr_p_expr(p, KR_Tuple, START(st), LAST_END(p));
        FAIL_IF(e);
        e->v.Tuple.elts = kr_vec_seq(p, &v);
    }
    return e;
}

/* ---- comprehensions ------------------------------------------------------ */

static kr_comprehension_seq *for_if_clauses(kr_parser *p)
{
    kr_vec v;
    kr_vec_init(&v);
    while (PEEK(p) == KR_T_FOR ||
           (PEEK(p) == KR_T_ASYNC && PEEK2(p) == KR_T_FOR)) {
        int is_async = ACCEPT(p, KR_T_ASYNC);
        kr_p_next(p);   /* for */
        int mark = p->pos;
        kr_expr *t = kr_p_star_targets(p, KR_TGT_FOR);
        if (t && PEEK(p) == KR_T_IN) {
            if (!kr_p_set_context(p, t, KR_Store, KR_TGT_FOR))
                return NULL;
        } else {
            if (p->error && p->tok_failed)
                return NULL;
            /* invalid_for_target */
            p->error = 0;
            p->pos = mark;
            kr_expr *a = speculate(p, kr_p_star_expressions, 1);
            if (a) {
                kr_expr *bad = kr_p_invalid_target(a, KR_TGT_FOR);
                if (bad)
                    return kr_p_error_expr(p, bad, "cannot assign to %s",
                                           kr_p_expr_name(bad));
            }
            p->pos = mark;
            t = kr_p_star_targets(p, KR_TGT_FOR);
            if (!t)
                return NULL;
            if (PEEK(p) != KR_T_IN)
                return kr_p_syntax_error(p);
        }
        kr_p_next(p);   /* in */
        kr_expr *iter = kr_p_disjunction(p);
        FAIL_IF(iter);
        kr_vec ifs;
        kr_vec_init(&ifs);
        while (ACCEPT(p, KR_T_IF)) {
            kr_expr *c = kr_p_disjunction(p);
            FAIL_IF(c);
            FAIL_IF(kr_vec_push(p, &ifs, c));
        }
        kr_comprehension *c = kr_p_alloc(p, sizeof *c);
        FAIL_IF(c);
        c->target = t;
        c->iter = iter;
        c->ifs = kr_vec_seq(p, &ifs);
        c->is_async = is_async;
        FAIL_IF(kr_vec_push(p, &v, c));
    }
    if (v.n == 0)
        return kr_p_syntax_error(p);
    return kr_vec_seq(p, &v);
}

/* ---- parameters ---------------------------------------------------------- */

static kr_arg *param(kr_parser *p, int lambda, int allow_star_annot)
{
    kr_token *n = kr_p_peek(p);
    if (n->type != KR_T_NAME)
        return kr_p_syntax_error(p);
    kr_p_next(p);
    kr_arg *a = kr_p_alloc(p, sizeof *a);
    FAIL_IF(a);
    a->arg = kr_p_name(p, n);
    a->lineno = n->lineno;
    a->col_offset = n->col;
    a->end_lineno = n->end_lineno;
    a->end_col_offset = n->end_col;
    if (!lambda && PEEK(p) == KR_T_COLON) {
        kr_p_next(p);
        kr_expr *ann;
        if (allow_star_annot && PEEK(p) == KR_T_STAR)
            ann = starred(p);
        else
            ann = kr_p_expression(p);
        FAIL_IF(ann);
        a->annotation = ann;
        a->end_lineno = kr_p_last(p)->end_lineno;
        a->end_col_offset = kr_p_last(p)->end_col;
    }
    return a;
}

kr_arguments *kr_p_params(kr_parser *p, int lambda)
{
    int close = lambda ? KR_T_COLON : KR_T_RPAR;
    kr_arguments *args = kr_p_alloc(p, sizeof *args);
    FAIL_IF(args);
    kr_vec pos, defs, kwo, kwd;
    kr_vec_init(&pos);
    kr_vec_init(&defs);
    kr_vec_init(&kwo);
    kr_vec_init(&kwd);
    int nposonly = 0;
    int seen_star = 0, seen_slash = 0;
    kr_arg *vararg = NULL, *kwarg = NULL;
    while (PEEK(p) != close) {
        kr_token *t = kr_p_peek(p);
        if (t->type == KR_T_SLASH) {
            if (seen_slash)
                return kr_p_error_tok(p, t, "/ may appear only once");
            if (seen_star)
                return kr_p_error_tok(p, t, "/ must be ahead of *");
            if (pos.n == 0)
                return kr_p_error_tok(p, t, "at least one argument must "
                                      "precede /");
            kr_p_next(p);
            seen_slash = 1;
            nposonly = pos.n;
        } else if (t->type == KR_T_STAR) {
            if (seen_star)
                return kr_p_error_tok(p, t, "* argument may appear only "
                                      "once");
            kr_p_next(p);
            seen_star = 1;
            if (PEEK(p) == KR_T_COMMA) {
                int nt = PEEK2(p);
                if (nt == close || nt == KR_T_DOUBLESTAR)
                    return kr_p_error_tok(p, lambda ? kr_p_peek(p) : t,
                                          "named arguments "
                                          "must follow bare *");
            } else if (PEEK(p) == close) {
                return kr_p_error_tok(p, lambda ? kr_p_peek(p) : t,
                                      "named arguments "
                                      "must follow bare *");
            } else {
                vararg = param(p, lambda, 1);
                FAIL_IF(vararg);
                if (PEEK(p) == KR_T_EQUAL)
                    return kr_p_error_tok(p, kr_p_peek(p), "var-positional "
                                          "argument cannot have default "
                                          "value");
            }
        } else if (t->type == KR_T_DOUBLESTAR) {
            kr_p_next(p);
            kwarg = param(p, lambda, 0);
            FAIL_IF(kwarg);
            if (PEEK(p) == KR_T_EQUAL)
                return kr_p_error_tok(p, kr_p_peek(p), "var-keyword argument "
                                      "cannot have default value");
            ACCEPT(p, KR_T_COMMA);
            if (PEEK(p) != close) {
                kr_token *x = kr_p_peek(p);
                if (x->type == KR_T_NAME || x->type == KR_T_STAR ||
                    x->type == KR_T_DOUBLESTAR || x->type == KR_T_SLASH)
                    return kr_p_error_tok(p, x, "arguments cannot follow "
                                          "var-keyword argument");
                return kr_p_syntax_error(p);
            }
            break;
        } else {
            kr_arg *a = param(p, lambda, 0);
            FAIL_IF(a);
            kr_expr *d = NULL;
            if (ACCEPT(p, KR_T_EQUAL)) {
                d = kr_p_expression(p);
                FAIL_IF(d);
            }
            if (seen_star) {
                FAIL_IF(kr_vec_push(p, &kwo, a));
                /* NULL marks "no default"; kr_vec can hold NULLs */
                FAIL_IF(kr_vec_push(p, &kwd, d));
            } else {
                if (!d && defs.n > 0)
                    return kr_p_error_at(p, KR_ERR_SYNTAX, a->lineno,
                                         a->col_offset, a->end_lineno,
                                         a->end_col_offset,
                                         "non-default argument follows "
                                         "default argument");
                FAIL_IF(kr_vec_push(p, &pos, a));
                if (d)
                    FAIL_IF(kr_vec_push(p, &defs, d));
            }
        }
        if (!ACCEPT(p, KR_T_COMMA))
            break;
    }
    if (PEEK(p) != close) {
        kr_token *t = kr_p_peek(p);
        if (!lambda && t->type == KR_T_COLON)
            return kr_p_syntax_error(p);
        return kr_p_syntax_error(p);
    }
    /* split positional into posonly + regular */
    if (nposonly) {
        kr_vec po;
        kr_vec_init(&po);
        for (int i = 0; i < nposonly; i++)
            FAIL_IF(kr_vec_push(p, &po, pos.items[i]));
        args->posonlyargs = kr_vec_seq(p, &po);
        kr_vec rest;
        kr_vec_init(&rest);
        for (int i = nposonly; i < pos.n; i++)
            FAIL_IF(kr_vec_push(p, &rest, pos.items[i]));
        args->args = kr_vec_seq(p, &rest);
    } else
        args->args = kr_vec_seq(p, &pos);
    args->defaults = kr_vec_seq(p, &defs);
    args->vararg = vararg;
    args->kwonlyargs = kr_vec_seq(p, &kwo);
    args->kw_defaults = kr_vec_seq(p, &kwd);
    args->kwarg = kwarg;
    return args;
}

static kr_expr *lambdef(kr_parser *p)
{
    kr_token *st = kr_p_next(p);
    /* two parser levels per nested lambda, as in CPython */
    FAIL_IF(kr_p_enter_n(p, 2));
    kr_arguments *a = kr_p_params(p, 1);
    if (!a) {
        LEAVE_N(p, 2);
        return NULL;
    }
    if (!ACCEPT(p, KR_T_COLON)) {
        LEAVE_N(p, 2);
        return kr_p_syntax_error(p);
    }
    kr_expr *body = kr_p_expression(p);
    LEAVE_N(p, 2);
    FAIL_IF(body);
    kr_expr *e = kr_p_expr(p, KR_Lambda, START(st), LAST_END(p));
    FAIL_IF(e);
    e->v.Lambda.args = a;
    e->v.Lambda.body = body;
    return e;
}
