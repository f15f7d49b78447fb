/*
 * parse_stmt.c - statements and blocks of the Python 3.11 grammar,
 * including match/case patterns, and the statement-level diagnostics
 * (invalid targets, missing colons, missing indented blocks) worded as
 * CPython words them.
 */
#include "parser/parser_internal.h"
#include <stdio.h>
#include <string.h>

#define FAIL_IF(x) do { if (!(x)) return NULL; } while (0)
#define START(t) (t)->lineno, (t)->col
#define END_T(t) (t)->end_lineno, (t)->end_col
#define END_E(e) (e)->end_lineno, (e)->end_col_offset
#define LAST_END(p) kr_p_last(p)->end_lineno, kr_p_last(p)->end_col

static int statement(kr_parser *p, kr_vec *out);
static kr_stmt_seq *block(kr_parser *p, const char *what, int lineno);

/* Where a block that was just parsed ends: like CPython, at the last
   token that is not NEWLINE/INDENT/DEDENT, so a trailing ';' counts. */
static void block_end(kr_parser *p, int *lineno, int *col)
{
    int i = p->pos - 1;
    while (i > 0) {
        int ty = kr_p_tok(p, i)->type;
        if (ty != KR_T_NEWLINE && ty != KR_T_INDENT && ty != KR_T_DEDENT &&
            ty != KR_T_ENDMARKER)
            break;
        i--;
    }
    *lineno = kr_p_tok(p, i)->end_lineno;
    *col = kr_p_tok(p, i)->end_col;
}

static void set_block_end(kr_parser *p, kr_stmt *s)
{
    block_end(p, &s->end_lineno, &s->end_col_offset);
}

/* `&&':'` in CPython's grammar: a missing colon is reported right away. */
static int forced_colon(kr_parser *p)
{
    if (ACCEPT(p, KR_T_COLON))
        return 1;
    kr_p_error_tok(p, kr_p_peek(p), "expected ':'");
    return 0;
}

/* A colon whose absence before NEWLINE is reported as "expected ':'". */
static int colon_or_newline(kr_parser *p)
{
    if (ACCEPT(p, KR_T_COLON))
        return 1;
    if (PEEK(p) == KR_T_NEWLINE)
        kr_p_error_tok(p, kr_p_peek(p), "expected ':'");
    else
        kr_p_syntax_error(p);
    return 0;
}

/* ---- blocks -------------------------------------------------------------- */

static kr_stmt_seq *simple_stmts(kr_parser *p);

/* IndentationError for a block header not followed by an indented line;
   `what` names the statement ("'if'", "function definition", ...). */
static void *missing_block(kr_parser *p, const char *what, int lineno)
{
    kr_token *t = kr_p_peek(p);
    if (p->error)
        return NULL;
    int col = t->col + 1;
    if (t->type == KR_T_ENDMARKER || t->type == KR_T_DEDENT)
        col = t->col;
    char m[200];
    if (!what)
        snprintf(m, sizeof m, "expected an indented block");
    else if (what[0] == '\'')
        snprintf(m, sizeof m, "expected an indented block after %s "
                 "statement on line %d", what, lineno);
    else
        snprintf(m, sizeof m, "expected an indented block after %s "
                 "on line %d", what, lineno);
    p->error = 1;
    kr_set_error(p->err, KR_ERR_INDENTATION, p->tok.buf, t->lineno, col,
                 t->end_lineno,
                 what && t->type == KR_T_ENDMARKER ? -1 : t->end_col + 1,
                 "%s", m);
    return NULL;
}

static kr_stmt_seq *block(kr_parser *p, const char *what, int lineno)
{
    if (PEEK(p) != KR_T_NEWLINE)
        return simple_stmts(p);
    kr_p_next(p);
    if (PEEK(p) != KR_T_INDENT)
        return missing_block(p, what, lineno);
    kr_p_next(p);
    if (!kr_p_enter(p))
        return NULL;
    kr_vec v;
    kr_vec_init(&v);
    while (PEEK(p) != KR_T_DEDENT) {
        if (PEEK(p) == KR_T_ENDMARKER || p->error) {
            LEAVE(p);
            if (!p->error)
                kr_p_syntax_error(p);
            return NULL;
        }
        if (!statement(p, &v)) {
            LEAVE(p);
            return NULL;
        }
    }
    kr_p_next(p);
    LEAVE(p);
    return kr_vec_seq(p, &v);
}

/* ---- simple statements --------------------------------------------------- */

static kr_alias *make_alias(kr_parser *p, const char *name, int l, int c,
                            int el, int ec)
{
    kr_alias *a = kr_p_alloc(p, sizeof *a);
    FAIL_IF(a);
    a->name = name;
    a->lineno = l;
    a->col_offset = c;
    a->end_lineno = el;
    a->end_col_offset = ec;
    return a;
}

static const char *dotted_name(kr_parser *p)
{
    kr_token *f = kr_p_peek(p);
    if (f->type != KR_T_NAME)
        return kr_p_syntax_error(p);
    kr_p_next(p);
    if (PEEK(p) != KR_T_DOT || PEEK2(p) != KR_T_NAME)
        return kr_p_name(p, f);
    /* build "a.b.c" from the name tokens (whitespace may separate them) */
    size_t len = (size_t)(f->end - f->start);
    int mark = p->pos;
    while (PEEK(p) == KR_T_DOT && PEEK2(p) == KR_T_NAME) {
        kr_p_next(p);
        kr_token *n = kr_p_next(p);
        len += 1 + (size_t)(n->end - n->start);
    }
    char *buf = kr_p_alloc(p, len + 1);
    FAIL_IF(buf);
    const char *first = kr_p_name(p, f);
    FAIL_IF(first);
    size_t o = strlen(first);
    memcpy(buf, first, o);
    int end = p->pos;
    for (int i = mark; i < end; i += 2) {
        const char *nm = kr_p_name(p, kr_p_tok(p, i + 1));
        FAIL_IF(nm);
        size_t nl = strlen(nm);
        buf[o++] = '.';
        memcpy(buf + o, nm, nl);
        o += nl;
    }
    buf[o] = 0;
    return buf;
}

static kr_stmt *import_name(kr_parser *p, kr_token *st)
{
    kr_vec v;
    kr_vec_init(&v);
    do {
        kr_token *nt = kr_p_peek(p);
        const char *name = dotted_name(p);
        FAIL_IF(name);
        kr_alias *a = make_alias(p, name, START(nt), LAST_END(p));
        FAIL_IF(a);
        if (ACCEPT(p, KR_T_AS)) {
            kr_token *n = kr_p_peek(p);
            if (n->type != KR_T_NAME)
                return kr_p_syntax_error(p);
            kr_p_next(p);
            a->asname = kr_p_name(p, n);
            a->end_lineno = n->end_lineno;
            a->end_col_offset = n->end_col;
        }
        FAIL_IF(kr_vec_push(p, &v, a));
    } while (ACCEPT(p, KR_T_COMMA));
    kr_stmt *s = kr_p_stmt(p, KR_Import, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.Import.names = kr_vec_seq(p, &v);
    return s;
}

static kr_stmt *import_from(kr_parser *p, kr_token *st)
{
    int level = 0;
    for (;;) {
        if (ACCEPT(p, KR_T_DOT))
            level++;
        else if (ACCEPT(p, KR_T_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (PEEK(p) != KR_T_IMPORT || level == 0) {
        module = dotted_name(p);
        FAIL_IF(module);
    }
    if (!ACCEPT(p, KR_T_IMPORT))
        return kr_p_syntax_error(p);
    kr_vec v;
    kr_vec_init(&v);
    if (PEEK(p) == KR_T_STAR) {
        kr_token *t = kr_p_next(p);
        kr_alias *a = make_alias(p, "*", START(t), END_T(t));
        FAIL_IF(a);
        FAIL_IF(kr_vec_push(p, &v, a));
    } else {
        int paren = ACCEPT(p, KR_T_LPAR);
        for (;;) {
            kr_token *n = kr_p_peek(p);
            if (n->type != KR_T_NAME)
                return kr_p_syntax_error(p);
            kr_p_next(p);
            kr_alias *a = make_alias(p, kr_p_name(p, n), START(n), END_T(n));
            FAIL_IF(a);
            if (ACCEPT(p, KR_T_AS)) {
                kr_token *m = kr_p_peek(p);
                if (m->type != KR_T_NAME)
                    return kr_p_syntax_error(p);
                kr_p_next(p);
                a->asname = kr_p_name(p, m);
                a->end_lineno = m->end_lineno;
                a->end_col_offset = m->end_col;
            }
            FAIL_IF(kr_vec_push(p, &v, a));
            if (!ACCEPT(p, KR_T_COMMA))
                break;
            if (paren && PEEK(p) == KR_T_RPAR)
                break;
            if (!paren && PEEK(p) == KR_T_NEWLINE) {
                return kr_p_error_tok(p, kr_p_peek(p), "%s",
                                     "trailing comma not allowed without "
                                     "surrounding parentheses");
            }
        }
        if (paren && !ACCEPT(p, KR_T_RPAR))
            return kr_p_syntax_error(p);
    }
    kr_stmt *s = kr_p_stmt(p, KR_ImportFrom, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.ImportFrom.module = module;
    s->v.ImportFrom.names = kr_vec_seq(p, &v);
    s->v.ImportFrom.level = level;
    return s;
}

static kr_stmt *names_stmt(kr_parser *p, kr_token *st, kr_stmt_kind k)
{
    kr_vec v;
    kr_vec_init(&v);
    do {
        kr_token *n = kr_p_peek(p);
        if (n->type != KR_T_NAME)
            return kr_p_syntax_error(p);
        kr_p_next(p);
        FAIL_IF(kr_vec_push(p, &v, (void *)kr_p_name(p, n)));
    } while (ACCEPT(p, KR_T_COMMA));
    kr_stmt *s = kr_p_stmt(p, k, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.Global.names = kr_vec_seq(p, &v);
    return s;
}

static kr_stmt *del_stmt(kr_parser *p, kr_token *st)
{
    int mark = p->pos;
    kr_vec v;
    kr_vec_init(&v);
    int ok = 1;
    p->spec++;
    for (;;) {
        kr_expr *e = kr_p_primary(p);
        if (!e || !kr_p_set_context(p, e, KR_Del, KR_TGT_DEL)) {
            ok = 0;
            break;
        }
        kr_vec_push(p, &v, e);
        if (!ACCEPT(p, KR_T_COMMA))
            break;
        if (PEEK(p) == KR_T_NEWLINE || PEEK(p) == KR_T_SEMI)
            break;
    }
    p->spec--;
    if (ok && (PEEK(p) == KR_T_NEWLINE || PEEK(p) == KR_T_SEMI) && !p->error) {
        kr_stmt *s = kr_p_stmt(p, KR_Delete, START(st), LAST_END(p));
        FAIL_IF(s);
        s->v.Delete.targets = kr_vec_seq(p, &v);
        return s;
    }
    if (p->tok_failed)
        return NULL;
    /* invalid_del_stmt */
    p->error = 0;
    p->pos = mark;
    kr_expr *a = kr_p_star_expressions(p);
    FAIL_IF(a);
    kr_expr *bad = kr_p_invalid_target(a, KR_TGT_DEL);
    if (bad)
        return kr_p_error_expr(p, bad, "cannot delete %s",
                               kr_p_expr_name(bad));
    return kr_p_syntax_error(p);
}

static int is_target_kind(kr_expr *e)
{
    return e->kind == KR_Name || e->kind == KR_Attribute ||
           e->kind == KR_Subscript;
}

/* Index of the token starting at expression e (scanning from `from`). */
static int token_at(kr_parser *p, int from, kr_expr *e)
{
    for (int i = from; i < p->ntoks; i++) {
        kr_token *t = kr_p_tok(p, i);
        if (t->lineno == e->lineno && t->col == e->col_offset)
            return i;
        if (t->lineno > e->lineno)
            break;
    }
    return from;
}

/* Reports CPython's diagnostics for an assignment with an invalid target. */
static void *invalid_assignment(kr_parser *p, int st_idx, kr_vec *targets,
                                int value_idx)
{
    kr_expr *e1 = targets->items[0];
    /* invalid_named_expression on the last element of the first list */
    kr_expr *last = e1;
    int unparen_tuple = e1->kind == KR_Tuple &&
                        kr_p_tok(p, st_idx)->type != KR_T_LPAR;
    if (unparen_tuple && KR_SEQ_LEN(e1->v.Tuple.elts))
        last = e1->v.Tuple.elts->items[e1->v.Tuple.elts->n - 1];
    else if (unparen_tuple)
        last = NULL;
    /* the element's first token, counting enclosing group parentheses */
    int li = last ? token_at(p, st_idx, last) : 0;
    int paren = 0;
    while (last && li > st_idx && kr_p_tok(p, li - 1)->type == KR_T_LPAR) {
        li--;
        paren = 1;
    }
    /* a later tuple element that is a plain target still gets CPython's
       "Maybe you meant '=='" checks (it is parsed as a named_expression) */
    int later = unparen_tuple && e1->v.Tuple.elts->n > 1;
    if (last && last->kind != KR_Starred && last->kind != KR_Tuple &&
        last->kind != KR_List &&
        (paren || later || !is_target_kind(last))) {
        kr_token *lt = kr_p_tok(p, li);
        int excluded = lt->type == KR_T_TRUE || lt->type == KR_T_FALSE ||
                       lt->type == KR_T_NONE;
        if (lt->type == KR_T_LSQB || lt->type == KR_T_LPAR) {
            /* list / tuple / genexp atoms are excluded */
            int mark = p->pos;
            p->pos = li;
            p->spec++;
            p->no_invalid++;
            int saved = p->error;
            kr_p_next(p);
            int depth = 1;
            int comma = 0, isfor = 0;
            while (depth > 0) {
                kr_token *t = kr_p_next(p);
                if (t->type == KR_T_ERROR || t->type == KR_T_ENDMARKER)
                    break;
                if (t->type == KR_T_LPAR || t->type == KR_T_LSQB ||
                    t->type == KR_T_LBRACE)
                    depth++;
                else if (t->type == KR_T_RPAR || t->type == KR_T_RSQB ||
                         t->type == KR_T_RBRACE)
                    depth--;
                else if (depth == 1 && t->type == KR_T_COMMA)
                    comma = 1;
                else if (depth == 1 && t->type == KR_T_FOR)
                    isfor = 1;
            }
            p->error = saved;
            p->no_invalid--;
            p->spec--;
            p->pos = mark;
            if (lt->type == KR_T_LSQB)
                excluded = !isfor;
            else
                excluded = comma || isfor ||
                           kr_p_tok(p, li + 1)->type == KR_T_RPAR;
        }
        int bitor_level = paren ||
                          (last->kind != KR_Compare &&
                           last->kind != KR_BoolOp &&
                           !(last->kind == KR_UnaryOp &&
                             last->v.UnaryOp.op == KR_Not) &&
                           last->kind != KR_IfExp && last->kind != KR_Lambda &&
                           last->kind != KR_NamedExpr);
        if (!excluded && bitor_level && value_idx > 0) {
            /* what follows '=' must be a bitwise_or not followed by '=' */
            int mark = p->pos;
            p->pos = value_idx;
            p->spec++;
            p->no_invalid++;
            int saved = p->error;
            kr_expr *b = kr_p_bitwise_or(p);
            int nt = PEEK(p);
            p->error = saved;
            p->no_invalid--;
            p->spec--;
            p->pos = mark;
            if (b && nt != KR_T_EQUAL && nt != KR_T_COLONEQUAL) {
                if (last->kind == KR_Name && !paren)
                    return kr_p_error_range(p, last, b, "invalid syntax. "
                                            "Maybe you meant '==' or ':=' "
                                            "instead of '='?");
                return kr_p_error_expr(p, last, "cannot assign to %s here. "
                                       "Maybe you meant '==' instead of "
                                       "'='?", kr_p_expr_name(last));
            }
        }
    }
    for (int i = 0; i < targets->n; i++) {
        kr_expr *t = targets->items[i];
        if (t->kind == KR_Yield || t->kind == KR_YieldFrom)
            return kr_p_error_expr(p, t, "assignment to yield expression not "
                                   "possible");
        kr_expr *bad = kr_p_invalid_target(t, KR_TGT_STAR);
        if (bad)
            return kr_p_error_expr(p, bad, "cannot assign to %s",
                                   kr_p_expr_name(bad));
    }
    return kr_p_syntax_error(p);
}

static int bad_target(kr_expr *x)
{
    return x->kind == KR_Yield || x->kind == KR_YieldFrom ||
           kr_p_invalid_target(x, KR_TGT_STAR) ||
           (!is_target_kind(x) && x->kind != KR_Tuple && x->kind != KR_List &&
            x->kind != KR_Starred);
}

static int augassign_op(int t, kr_operator *op)
{
    switch (t) {
    case KR_T_PLUSEQUAL: *op = KR_Add; return 1;
    case KR_T_MINEQUAL: *op = KR_Sub; return 1;
    case KR_T_STAREQUAL: *op = KR_Mult; return 1;
    case KR_T_ATEQUAL: *op = KR_MatMult; return 1;
    case KR_T_SLASHEQUAL: *op = KR_Div; return 1;
    case KR_T_PERCENTEQUAL: *op = KR_Mod; return 1;
    case KR_T_AMPEREQUAL: *op = KR_BitAnd; return 1;
    case KR_T_VBAREQUAL: *op = KR_BitOr; return 1;
    case KR_T_CIRCUMFLEXEQUAL: *op = KR_BitXor; return 1;
    case KR_T_LEFTSHIFTEQUAL: *op = KR_LShift; return 1;
    case KR_T_RIGHTSHIFTEQUAL: *op = KR_RShift; return 1;
    case KR_T_DOUBLESTAREQUAL: *op = KR_Pow; return 1;
    case KR_T_DOUBLESLASHEQUAL: *op = KR_FloorDiv; return 1;
    }
    return 0;
}

static kr_stmt *expr_stmt(kr_parser *p)
{
    int st_idx = p->pos;
    kr_token *st = kr_p_peek(p);
    kr_expr *e1 = st->type == KR_T_YIELD ? kr_p_yield_expr(p)
                                         : kr_p_star_expressions(p);
    FAIL_IF(e1);
    int t = PEEK(p);
    kr_operator op;
    if (t == KR_T_COLON) {
        kr_p_next(p);
        if (e1->kind == KR_Tuple || e1->kind == KR_List ||
            !is_target_kind(e1)) {
            kr_expr *b = kr_p_expression(p);
            FAIL_IF(b);
            if (e1->kind == KR_Tuple && kr_p_tok(p, st_idx)->type != KR_T_LPAR)
                return kr_p_error_expr(p, e1->v.Tuple.elts->items[0],
                                       "only single target (not tuple) can "
                                       "be annotated");
            if (e1->kind == KR_Tuple || e1->kind == KR_List)
                return kr_p_error_expr(p, e1, "only single target (not %s) "
                                       "can be annotated",
                                       e1->kind == KR_Tuple ? "tuple" : "list");
            return kr_p_error_expr(p, e1, "illegal target for annotation");
        }
        kr_expr *ann = kr_p_expression(p);
        FAIL_IF(ann);
        kr_expr *val = NULL;
        if (ACCEPT(p, KR_T_EQUAL)) {
            val = kr_p_annotated_rhs(p);
            FAIL_IF(val);
        }
        if (!kr_p_set_context(p, e1, KR_Store, KR_TGT_STAR))
            return NULL;
        kr_stmt *s = kr_p_stmt(p, KR_AnnAssign, START(st), LAST_END(p));
        FAIL_IF(s);
        s->v.AnnAssign.target = e1;
        s->v.AnnAssign.annotation = ann;
        s->v.AnnAssign.value = val;
        s->v.AnnAssign.simple = e1->kind == KR_Name && st->type != KR_T_LPAR;
        return s;
    }
    if (t == KR_T_EQUAL) {
        kr_vec targets;
        kr_vec_init(&targets);
        FAIL_IF(kr_vec_push(p, &targets, e1));
        kr_expr *value = NULL;
        int first_value_idx = -1;
        while (ACCEPT(p, KR_T_EQUAL)) {
            if (first_value_idx < 0)
                first_value_idx = p->pos;
            /* CPython reports an invalid target before reading on */
            if (bad_target(targets.items[targets.n - 1]))
                return invalid_assignment(p, st_idx, &targets,
                                          first_value_idx);
            value = kr_p_annotated_rhs(p);
            FAIL_IF(value);
            if (PEEK(p) == KR_T_EQUAL)
                FAIL_IF(kr_vec_push(p, &targets, value));
        }
        for (int i = 0; i < targets.n; i++)
            if (!kr_p_set_context(p, targets.items[i], KR_Store, KR_TGT_STAR))
                return NULL;
        kr_stmt *s = kr_p_stmt(p, KR_Assign, START(st), LAST_END(p));
        FAIL_IF(s);
        s->v.Assign.targets = kr_vec_seq(p, &targets);
        s->v.Assign.value = value;
        return s;
    }
    if (augassign_op(t, &op)) {
        if (!is_target_kind(e1)) {
            kr_p_next(p);
            int mark = p->pos;
            kr_expr *r = PEEK(p) == KR_T_YIELD ? kr_p_yield_expr(p)
                                               : kr_p_star_expressions(p);
            (void)mark;
            FAIL_IF(r);
            return kr_p_error_expr(p, e1, "'%s' is an illegal expression for "
                                   "augmented assignment",
                                   kr_p_expr_name(e1));
        }
        kr_p_next(p);
        kr_expr *r = PEEK(p) == KR_T_YIELD ? kr_p_yield_expr(p)
                                           : kr_p_star_expressions(p);
        FAIL_IF(r);
        kr_p_set_context(p, e1, KR_Store, KR_TGT_STAR);
        kr_stmt *s = kr_p_stmt(p, KR_AugAssign, START(st), LAST_END(p));
        FAIL_IF(s);
        s->v.AugAssign.target = e1;
        s->v.AugAssign.op = op;
        s->v.AugAssign.value = r;
        return s;
    }
    kr_stmt *s = kr_p_stmt(p, KR_Expr, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.Expr.value = e1;
    return s;
}

static kr_stmt *simple_stmt(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    kr_stmt *s;
    switch (st->type) {
    case KR_T_PASS:
        kr_p_next(p);
        return kr_p_stmt(p, KR_Pass, START(st), END_T(st));
    case KR_T_BREAK:
        kr_p_next(p);
        return kr_p_stmt(p, KR_Break, START(st), END_T(st));
    case KR_T_CONTINUE:
        kr_p_next(p);
        return kr_p_stmt(p, KR_Continue, START(st), END_T(st));
    case KR_T_RETURN: {
        kr_p_next(p);
        kr_expr *v = NULL;
        if (kr_p_expr_start(PEEK(p)) || PEEK(p) == KR_T_STAR) {
            v = kr_p_star_expressions(p);
            FAIL_IF(v);
        }
        s = kr_p_stmt(p, KR_Return, START(st), LAST_END(p));
        FAIL_IF(s);
        s->v.Return.value = v;
        return s;
    }
    case KR_T_IMPORT:
        kr_p_next(p);
        return import_name(p, st);
    case KR_T_FROM:
        kr_p_next(p);
        return import_from(p, st);
    case KR_T_RAISE: {
        kr_p_next(p);
        kr_expr *exc = NULL, *cause = NULL;
        if (kr_p_expr_start(PEEK(p))) {
            exc = kr_p_expression(p);
            FAIL_IF(exc);
            if (ACCEPT(p, KR_T_FROM)) {
                cause = kr_p_expression(p);
                FAIL_IF(cause);
            }
        }
        s = kr_p_stmt(p, KR_Raise, START(st), LAST_END(p));
        FAIL_IF(s);
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
        return s;
    }
    case KR_T_DEL:
        kr_p_next(p);
        return del_stmt(p, st);
    case KR_T_ASSERT: {
        kr_p_next(p);
        kr_expr *test = kr_p_expression(p);
        FAIL_IF(test);
        kr_expr *msg = NULL;
        if (ACCEPT(p, KR_T_COMMA)) {
            msg = kr_p_expression(p);
            FAIL_IF(msg);
        }
        s = kr_p_stmt(p, KR_Assert, START(st), LAST_END(p));
        FAIL_IF(s);
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
        return s;
    }
    case KR_T_GLOBAL:
        kr_p_next(p);
        return names_stmt(p, st, KR_Global);
    case KR_T_NONLOCAL:
        kr_p_next(p);
        return names_stmt(p, st, KR_Nonlocal);
    default:
        return expr_stmt(p);
    }
}

static kr_stmt_seq *simple_stmts_vec(kr_parser *p, kr_vec *v)
{
    for (;;) {
        kr_stmt *s = simple_stmt(p);
        FAIL_IF(s);
        FAIL_IF(kr_vec_push(p, v, s));
        if (ACCEPT(p, KR_T_SEMI)) {
            if (PEEK(p) == KR_T_NEWLINE)
                break;
            continue;
        }
        break;
    }
    if (PEEK(p) != KR_T_NEWLINE)
        return kr_p_syntax_error(p);
    kr_p_next(p);
    return (kr_stmt_seq *)1;   /* success marker; caller owns v */
}

static kr_stmt_seq *simple_stmts(kr_parser *p)
{
    kr_vec v;
    kr_vec_init(&v);
    FAIL_IF(simple_stmts_vec(p, &v));
    return kr_vec_seq(p, &v);
}

/* ---- compound statements ------------------------------------------------- */

static kr_stmt *if_stmt(kr_parser *p, kr_token *st, int is_elif)
{
    kr_expr *test = kr_p_named_expression(p);
    FAIL_IF(test);
    if (!colon_or_newline(p))
        return NULL;
    kr_stmt_seq *body = block(p, is_elif ? "'elif'" : "'if'", st->lineno);
    FAIL_IF(body);
    kr_stmt *s = kr_p_stmt(p, KR_If, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.If.test = test;
    s->v.If.body = body;
    set_block_end(p, s);
    kr_token *t = kr_p_peek(p);
    if (t->type == KR_T_ELIF) {
        kr_p_next(p);
        /* each elif nests one level deeper, in CPython's parser too */
        FAIL_IF(kr_p_enter(p));
        kr_stmt *e = if_stmt(p, t, 1);
        LEAVE(p);
        FAIL_IF(e);
        s->v.If.orelse = kr_seq1(p, e);
        s->end_lineno = e->end_lineno;
        s->end_col_offset = e->end_col_offset;
    } else if (t->type == KR_T_ELSE) {
        kr_p_next(p);
        if (!forced_colon(p))
            return NULL;
        kr_stmt_seq *orelse = block(p, "'else'", t->lineno);
        FAIL_IF(orelse);
        s->v.If.orelse = orelse;
        set_block_end(p, s);
    }
    return s;
}

static kr_stmt_seq *else_block(kr_parser *p)
{
    kr_token *t = kr_p_peek(p);
    if (t->type != KR_T_ELSE)
        return NULL;
    kr_p_next(p);
    if (!forced_colon(p))
        return NULL;
    return block(p, "'else'", t->lineno);
}

static kr_stmt *while_stmt(kr_parser *p, kr_token *st)
{
    kr_expr *test = kr_p_named_expression(p);
    FAIL_IF(test);
    if (!colon_or_newline(p))
        return NULL;
    kr_stmt_seq *body = block(p, "'while'", st->lineno);
    FAIL_IF(body);
    kr_stmt *s = kr_p_stmt(p, KR_While, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.While.test = test;
    s->v.While.body = body;
    set_block_end(p, s);
    if (PEEK(p) == KR_T_ELSE) {
        kr_stmt_seq *o = else_block(p);
        FAIL_IF(o);
        s->v.While.orelse = o;
        set_block_end(p, s);
    }
    return s;
}

static kr_stmt *for_stmt(kr_parser *p, kr_token *st, int is_async)
{
    kr_p_next(p);   /* 'for' */
    int mark = p->pos;
    kr_expr *t = kr_p_star_targets(p, KR_TGT_FOR);
    if (!t || PEEK(p) != KR_T_IN) {
        if (p->tok_failed)
            return NULL;
        p->error = 0;
        p->pos = mark;
        p->spec++;
        kr_expr *a = kr_p_star_expressions(p);
        p->spec--;
        if (a && !p->error) {
            kr_expr *bad = kr_p_invalid_target(a, KR_TGT_FOR);
            if (bad)
                return kr_p_error_expr(p, bad, "cannot assign to %s",
                                       kr_p_expr_name(bad));
        }
        if (p->tok_failed)
            return NULL;
        p->error = 0;
        p->pos = mark;
        t = kr_p_star_targets(p, KR_TGT_FOR);
        FAIL_IF(t);
        return kr_p_syntax_error(p);
    }
    if (!kr_p_set_context(p, t, KR_Store, KR_TGT_FOR))
        return NULL;
    kr_p_next(p);   /* 'in' */
    kr_expr *iter = kr_p_star_expressions(p);
    FAIL_IF(iter);
    if (!colon_or_newline(p))   /* "expected ':'" only before NEWLINE */
        return NULL;
    kr_stmt_seq *body = block(p, "'for'", st->lineno);
    FAIL_IF(body);
    kr_stmt *s = kr_p_stmt(p, is_async ? KR_AsyncFor : KR_For, START(st),
                           LAST_END(p));
    FAIL_IF(s);
    s->v.For.target = t;
    s->v.For.iter = iter;
    s->v.For.body = body;
    set_block_end(p, s);
    if (PEEK(p) == KR_T_ELSE) {
        kr_stmt_seq *o = else_block(p);
        FAIL_IF(o);
        s->v.For.orelse = o;
        set_block_end(p, s);
    }
    return s;
}

static kr_withitem *with_item(kr_parser *p)
{
    kr_expr *e = kr_p_expression(p);
    FAIL_IF(e);
    kr_withitem *w = kr_p_alloc(p, sizeof *w);
    FAIL_IF(w);
    w->context_expr = e;
    if (ACCEPT(p, KR_T_AS)) {
        int mark = p->pos;
        int saved = p->error;
        p->spec++;
        kr_expr *t = kr_p_star_target(p);
        p->spec--;
        int nt = PEEK(p);
        if (!t || p->error ||
            (nt != KR_T_COMMA && nt != KR_T_RPAR && nt != KR_T_COLON)) {
            if (p->tok_failed)
                return NULL;
            p->error = saved;
            p->pos = mark;
            p->spec++;
            kr_expr *a = kr_p_expression(p);
            p->spec--;
            nt = PEEK(p);
            if (a && !p->error &&
                (nt == KR_T_COMMA || nt == KR_T_RPAR || nt == KR_T_COLON)) {
                kr_expr *bad = kr_p_invalid_target(a, KR_TGT_STAR);
                if (bad)
                    return kr_p_error_expr(p, bad, "cannot assign to %s",
                                           kr_p_expr_name(bad));
            }
            if (p->tok_failed)
                return NULL;
            p->error = saved;
            p->pos = mark;
            t = kr_p_star_target(p);
            FAIL_IF(t);
            return kr_p_syntax_error(p);
        }
        p->pos = mark;
        t = kr_p_star_target(p);
        FAIL_IF(t);
        if (!kr_p_set_context(p, t, KR_Store, KR_TGT_STAR))
            return NULL;
        w->optional_vars = t;
    }
    return w;
}

static kr_stmt *with_stmt(kr_parser *p, kr_token *st, int is_async)
{
    kr_p_next(p);   /* 'with' */
    kr_vec items;
    kr_vec_init(&items);
    int done = 0;
    if (PEEK(p) == KR_T_LPAR) {
        /* try the parenthesised form first */
        int mark = p->pos;
        int saved = p->error;
        p->spec++;
        p->no_invalid++;
        kr_p_next(p);
        int ok = 1;
        for (;;) {
            kr_withitem *w = with_item(p);
            if (!w || p->error) {
                ok = 0;
                break;
            }
            kr_vec_push(p, &items, w);
            if (!ACCEPT(p, KR_T_COMMA))
                break;
            if (PEEK(p) == KR_T_RPAR)
                break;
        }
        ok = ok && ACCEPT(p, KR_T_RPAR) && PEEK(p) == KR_T_COLON && !p->error;
        p->no_invalid--;
        p->spec--;
        if (ok)
            done = 1;
        else {
            if (p->tok_failed)
                return NULL;
            p->error = saved;
            p->pos = mark;
            kr_vec_init(&items);
        }
    }
    if (!done) {
        for (;;) {
            kr_withitem *w = with_item(p);
            FAIL_IF(w);
            FAIL_IF(kr_vec_push(p, &items, w));
            if (!ACCEPT(p, KR_T_COMMA))
                break;
        }
    }
    if (!colon_or_newline(p))
        return NULL;
    kr_stmt_seq *body = block(p, "'with'", st->lineno);
    FAIL_IF(body);
    kr_stmt *s = kr_p_stmt(p, is_async ? KR_AsyncWith : KR_With, START(st),
                           LAST_END(p));
    FAIL_IF(s);
    s->v.With.items = kr_vec_seq(p, &items);
    s->v.With.body = body;
    set_block_end(p, s);
    return s;
}

static kr_stmt *try_stmt(kr_parser *p, kr_token *st)
{
    if (!forced_colon(p))
        return NULL;
    kr_stmt_seq *body = block(p, "'try'", st->lineno);
    FAIL_IF(body);
    kr_stmt *s = kr_p_stmt(p, KR_Try, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.Try.body = body;
    set_block_end(p, s);
    kr_vec hs;
    kr_vec_init(&hs);
    int star = -1;
    while (PEEK(p) == KR_T_EXCEPT) {
        kr_token *et = kr_p_next(p);
        int is_star = ACCEPT(p, KR_T_STAR);
        if (star >= 0 && star != is_star)
            return kr_p_error_tok(p, et, "cannot have both 'except' and "
                                  "'except*' on the same 'try'");
        star = is_star;
        kr_expr *type = NULL;
        const char *name = NULL;
        if (PEEK(p) != KR_T_COLON) {
            if (is_star || PEEK(p) != KR_T_NEWLINE) {
                type = kr_p_expression(p);
                FAIL_IF(type);
                if (PEEK(p) == KR_T_COMMA) {
                    int mark = p->pos;
                    kr_p_next(p);
                    kr_expr *r = kr_p_star_expressions(p);
                    (void)mark;
                    FAIL_IF(r);
                    if (PEEK(p) == KR_T_COLON || PEEK(p) == KR_T_NEWLINE)
                        return kr_p_error_range(p, type, r, "multiple "
                                                "exception types must be "
                                                "parenthesized");
                    return kr_p_syntax_error(p);
                }
                if (ACCEPT(p, KR_T_AS)) {
                    kr_token *n = kr_p_peek(p);
                    if (n->type != KR_T_NAME)
                        return kr_p_syntax_error(p);
                    kr_p_next(p);
                    name = kr_p_name(p, n);
                }
            } else if (is_star) {
                return kr_p_error_tok(p, kr_p_peek(p), "expected one or more "
                                      "exception types");
            }
        } else if (is_star) {
            return kr_p_error_tok(p, kr_p_peek(p), "expected one or more "
                                  "exception types");
        }
        if (!colon_or_newline(p))
            return NULL;
        kr_stmt_seq *hb = block(p, is_star ? "'except*'" : "'except'",
                                et->lineno);
        FAIL_IF(hb);
        kr_excepthandler *h = kr_p_alloc(p, sizeof *h);
        FAIL_IF(h);
        h->kind = KR_ExceptHandler;
        h->lineno = et->lineno;
        h->col_offset = et->col;
        block_end(p, &h->end_lineno, &h->end_col_offset);
        h->v.ExceptHandler.type = type;
        h->v.ExceptHandler.name = name;
        h->v.ExceptHandler.body = hb;
        FAIL_IF(kr_vec_push(p, &hs, h));
        s->end_lineno = h->end_lineno;
        s->end_col_offset = h->end_col_offset;
    }
    if (star == 1)
        s->kind = KR_TryStar;
    s->v.Try.handlers = kr_vec_seq(p, &hs);
    if (hs.n && PEEK(p) == KR_T_ELSE) {
        kr_stmt_seq *o = else_block(p);
        FAIL_IF(o);
        s->v.Try.orelse = o;
        set_block_end(p, s);
    }
    if (PEEK(p) == KR_T_FINALLY) {
        kr_token *ft = kr_p_next(p);
        if (!forced_colon(p))
            return NULL;
        kr_stmt_seq *f = block(p, "'finally'", ft->lineno);
        FAIL_IF(f);
        s->v.Try.finalbody = f;
        set_block_end(p, s);
    } else if (hs.n == 0) {
        return kr_p_error_tok(p, kr_p_peek(p), "expected 'except' or "
                              "'finally' block");
    }
    return s;
}

static kr_stmt *funcdef(kr_parser *p, kr_token *st, int is_async,
                        kr_expr_seq *decos)
{
    kr_token *def = kr_p_next(p);   /* 'def' */
    kr_token *n = kr_p_peek(p);
    if (n->type != KR_T_NAME)
        return kr_p_syntax_error(p);
    kr_p_next(p);
    if (PEEK(p) != KR_T_LPAR)
        return kr_p_error_tok(p, kr_p_peek(p), "expected '('");
    kr_p_next(p);
    kr_arguments *args = kr_p_params(p, 0);
    FAIL_IF(args);
    kr_p_next(p);   /* ')' */
    kr_expr *ret = NULL;
    if (ACCEPT(p, KR_T_RARROW)) {
        ret = kr_p_expression(p);
        FAIL_IF(ret);
    }
    if (!forced_colon(p))
        return NULL;
    kr_stmt_seq *body = block(p, "function definition", def->lineno);
    FAIL_IF(body);
    kr_stmt *s = kr_p_stmt(p, is_async ? KR_AsyncFunctionDef : KR_FunctionDef,
                           START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.FunctionDef.name = kr_p_name(p, n);
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = body;
    s->v.FunctionDef.decorator_list = decos;
    s->v.FunctionDef.returns = ret;
    set_block_end(p, s);
    return s;
}

static kr_stmt *classdef(kr_parser *p, kr_token *st, kr_expr_seq *decos)
{
    kr_token *n = kr_p_peek(p);
    if (n->type != KR_T_NAME)
        return kr_p_syntax_error(p);
    kr_p_next(p);
    kr_expr_seq *bases = NULL;
    kr_keyword_seq *kws = NULL;
    if (ACCEPT(p, KR_T_LPAR)) {
        kr_p_call_args(p, &bases, &kws, 0);
        if (p->error)
            return NULL;
        if (!ACCEPT(p, KR_T_RPAR))
            return kr_p_syntax_error(p);
    }
    if (!colon_or_newline(p))
        return NULL;
    kr_stmt_seq *body = block(p, "class definition", st->lineno);
    FAIL_IF(body);
    kr_stmt *s = kr_p_stmt(p, KR_ClassDef, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.ClassDef.name = kr_p_name(p, n);
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = kws;
    s->v.ClassDef.body = body;
    s->v.ClassDef.decorator_list = decos;
    set_block_end(p, s);
    return s;
}

static kr_stmt *decorated(kr_parser *p)
{
    kr_vec d;
    kr_vec_init(&d);
    while (ACCEPT(p, KR_T_AT)) {
        kr_expr *e = kr_p_named_expression(p);
        FAIL_IF(e);
        if (!ACCEPT(p, KR_T_NEWLINE))
            return kr_p_syntax_error(p);
        FAIL_IF(kr_vec_push(p, &d, e));
    }
    kr_expr_seq *decos = kr_vec_seq(p, &d);
    kr_token *t = kr_p_peek(p);
    if (t->type == KR_T_DEF)
        return funcdef(p, t, 0, decos);
    if (t->type == KR_T_ASYNC && PEEK2(p) == KR_T_DEF) {
        kr_p_next(p);
        return funcdef(p, t, 1, decos);
    }
    if (t->type == KR_T_CLASS) {
        kr_p_next(p);
        return classdef(p, t, decos);
    }
    return kr_p_syntax_error(p);
}

/* ---- match --------------------------------------------------------------- */

static kr_pattern *pattern(kr_parser *p);
static kr_pattern *closed_pattern(kr_parser *p);

static kr_pattern *make_pat(kr_parser *p, kr_pattern_kind k, int l, int c,
                            int el, int ec)
{
    kr_pattern *x = kr_p_alloc(p, sizeof *x);
    FAIL_IF(x);
    x->kind = k;
    x->lineno = l;
    x->col_offset = c;
    x->end_lineno = el;
    x->end_col_offset = ec;
    return x;
}

/* signed_number / complex_number as used by literal patterns and keys */
static kr_expr *number_pattern_expr(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    kr_expr *e;
    if (st->type == KR_T_MINUS) {
        kr_p_next(p);
        if (PEEK(p) != KR_T_NUMBER)
            return kr_p_syntax_error(p);
        kr_expr *n = kr_p_primary(p);
        FAIL_IF(n);
        e = kr_p_expr(p, KR_UnaryOp, START(st), LAST_END(p));
        FAIL_IF(e);
        e->v.UnaryOp.op = KR_USub;
        e->v.UnaryOp.operand = n;
    } else {
        e = kr_p_primary(p);
        FAIL_IF(e);
    }
    if (PEEK(p) == KR_T_PLUS || PEEK(p) == KR_T_MINUS) {
        kr_token *op = kr_p_next(p);
        if (PEEK(p) != KR_T_NUMBER)
            return kr_p_syntax_error(p);
        kr_expr *im = kr_p_primary(p);
        FAIL_IF(im);
        if (im->kind != KR_Constant ||
            im->v.Constant.value.kind != KR_CONST_IMAGINARY)
            return kr_p_error_expr(p, im, "imaginary number required in "
                                   "complex literal");
        if (e->kind == KR_Constant &&
            e->v.Constant.value.kind == KR_CONST_IMAGINARY)
            return kr_p_error_expr(p, e, "real number required in complex "
                                   "literal");
        kr_expr *b = kr_p_expr(p, KR_BinOp, START(st), LAST_END(p));
        FAIL_IF(b);
        b->v.BinOp.left = e;
        b->v.BinOp.op = op->type == KR_T_PLUS ? KR_Add : KR_Sub;
        b->v.BinOp.right = im;
        e = b;
    }
    return e;
}

/* name_or_attr: NAME ('.' NAME)* as Name/Attribute(Load) */
static kr_expr *name_or_attr(kr_parser *p)
{
    kr_token *n = kr_p_next(p);
    kr_expr *e = kr_p_expr(p, KR_Name, START(n), END_T(n));
    FAIL_IF(e);
    e->v.Name.id = kr_p_name(p, n);
    e->v.Name.ctx = KR_Load;
    while (PEEK(p) == KR_T_DOT) {
        kr_p_next(p);
        kr_token *a = kr_p_peek(p);
        if (a->type != KR_T_NAME)
            return kr_p_syntax_error(p);
        kr_p_next(p);
        kr_expr *x = kr_p_expr(p, KR_Attribute, e->lineno, e->col_offset,
                               END_T(a));
        FAIL_IF(x);
        x->v.Attribute.value = e;
        x->v.Attribute.attr = kr_p_name(p, a);
        x->v.Attribute.ctx = KR_Load;
        e = x;
    }
    return e;
}

static kr_pattern *value_pattern_of(kr_parser *p, kr_expr *e)
{
    kr_pattern *x = make_pat(p, KR_MatchValue, e->lineno, e->col_offset,
                             END_E(e));
    FAIL_IF(x);
    x->v.MatchValue.value = e;
    return x;
}

static kr_pattern *star_pattern(kr_parser *p)
{
    kr_token *st = kr_p_next(p);   /* '*' */
    kr_token *n = kr_p_peek(p);
    if (n->type != KR_T_NAME)
        return kr_p_syntax_error(p);
    kr_p_next(p);
    kr_pattern *x = make_pat(p, KR_MatchStar, START(st), END_T(n));
    FAIL_IF(x);
    if (!kr_p_is_name(n, "_"))
        x->v.MatchStar.name = kr_p_name(p, n);
    return x;
}

static kr_pattern *maybe_star_pattern(kr_parser *p)
{
    if (PEEK(p) == KR_T_STAR)
        return star_pattern(p);
    return pattern(p);
}

static kr_pattern *sequence_body(kr_parser *p, int close, kr_token *open)
{
    kr_vec v;
    kr_vec_init(&v);
    int had_comma = 0;
    while (PEEK(p) != close) {
        kr_pattern *x = maybe_star_pattern(p);
        FAIL_IF(x);
        FAIL_IF(kr_vec_push(p, &v, x));
        if (!ACCEPT(p, KR_T_COMMA))
            break;
        had_comma = 1;
    }
    if (PEEK(p) != close)
        return kr_p_syntax_error(p);
    kr_token *ct = kr_p_next(p);
    if (close == KR_T_RPAR && v.n == 1 && !had_comma) {
        /* a group pattern; "(*x)" is neither group nor sequence */
        if (((kr_pattern *)v.items[0])->kind == KR_MatchStar)
            return kr_p_error_tok(p, ct, "invalid syntax");
        return v.items[0];
    }
    kr_pattern *x = make_pat(p, KR_MatchSequence, START(open), END_T(ct));
    FAIL_IF(x);
    x->v.MatchSequence.patterns = kr_vec_seq(p, &v);
    return x;
}

static kr_pattern *mapping_pattern(kr_parser *p, kr_token *open)
{
    kr_vec keys, pats;
    kr_vec_init(&keys);
    kr_vec_init(&pats);
    const char *rest = NULL;
    while (PEEK(p) != KR_T_RBRACE) {
        if (PEEK(p) == KR_T_DOUBLESTAR) {
            kr_p_next(p);
            kr_token *n = kr_p_peek(p);
            if (n->type != KR_T_NAME)
                return kr_p_syntax_error(p);
            if (kr_p_is_name(n, "_"))   /* not a capture target */
                return kr_p_error_tok(p, n, "invalid syntax");
            kr_p_next(p);
            rest = kr_p_name(p, n);
            ACCEPT(p, KR_T_COMMA);
            if (PEEK(p) != KR_T_RBRACE)
                return kr_p_syntax_error(p);
            break;
        }
        kr_expr *k;
        kr_token *kt = kr_p_peek(p);
        if (kt->type == KR_T_NAME)
            k = name_or_attr(p);
        else if (kt->type == KR_T_STRING)
            k = kr_p_atom_strings(p);
        else if (kt->type == KR_T_NUMBER || kt->type == KR_T_MINUS)
            k = number_pattern_expr(p);
        else if (kt->type == KR_T_NONE || kt->type == KR_T_TRUE ||
                 kt->type == KR_T_FALSE)
            k = kr_p_primary(p);
        else
            return kr_p_syntax_error(p);
        FAIL_IF(k);
        if (!ACCEPT(p, KR_T_COLON))
            return kr_p_syntax_error(p);
        kr_pattern *v = pattern(p);
        FAIL_IF(v);
        FAIL_IF(kr_vec_push(p, &keys, k));
        FAIL_IF(kr_vec_push(p, &pats, v));
        if (!ACCEPT(p, KR_T_COMMA))
            break;
    }
    if (PEEK(p) != KR_T_RBRACE)
        return kr_p_syntax_error(p);
    kr_token *ct = kr_p_next(p);
    kr_pattern *x = make_pat(p, KR_MatchMapping, START(open), END_T(ct));
    FAIL_IF(x);
    x->v.MatchMapping.keys = kr_vec_seq(p, &keys);
    x->v.MatchMapping.patterns = kr_vec_seq(p, &pats);
    x->v.MatchMapping.rest = rest;
    return x;
}

static kr_pattern *class_pattern(kr_parser *p, kr_expr *cls)
{
    kr_p_next(p);   /* '(' */
    kr_vec pos, kwn, kwp;
    kr_vec_init(&pos);
    kr_vec_init(&kwn);
    kr_vec_init(&kwp);
    while (PEEK(p) != KR_T_RPAR) {
        kr_token *t = kr_p_peek(p);
        if (t->type == KR_T_NAME && PEEK2(p) == KR_T_EQUAL) {
            kr_p_next(p);
            kr_p_next(p);
            kr_pattern *v = pattern(p);
            FAIL_IF(v);
            FAIL_IF(kr_vec_push(p, &kwn, (void *)kr_p_name(p, t)));
            FAIL_IF(kr_vec_push(p, &kwp, v));
        } else {
            kr_pattern *v = pattern(p);
            FAIL_IF(v);
            if (kwn.n) {
                kr_pattern *last = v;
                return kr_p_error_at(p, KR_ERR_SYNTAX, v->lineno,
                                     v->col_offset, last->end_lineno,
                                     last->end_col_offset,
                                     "positional patterns follow keyword "
                                     "patterns");
            }
            FAIL_IF(kr_vec_push(p, &pos, v));
        }
        if (!ACCEPT(p, KR_T_COMMA))
            break;
    }
    if (PEEK(p) != KR_T_RPAR)
        return kr_p_syntax_error(p);
    kr_token *ct = kr_p_next(p);
    kr_pattern *x = make_pat(p, KR_MatchClass, cls->lineno, cls->col_offset,
                             END_T(ct));
    FAIL_IF(x);
    x->v.MatchClass.cls = cls;
    x->v.MatchClass.patterns = kr_vec_seq(p, &pos);
    x->v.MatchClass.kwd_attrs = kr_vec_seq(p, &kwn);
    x->v.MatchClass.kwd_patterns = kr_vec_seq(p, &kwp);
    return x;
}

static kr_pattern *closed_pattern(kr_parser *p)
{
    kr_token *t = kr_p_peek(p);
    switch (t->type) {
    case KR_T_NUMBER:
    case KR_T_MINUS: {
        kr_expr *e = number_pattern_expr(p);
        FAIL_IF(e);
        return value_pattern_of(p, e);
    }
    case KR_T_STRING: {
        kr_expr *e = kr_p_atom_strings(p);
        FAIL_IF(e);
        return value_pattern_of(p, e);
    }
    case KR_T_NONE:
    case KR_T_TRUE:
    case KR_T_FALSE: {
        kr_p_next(p);
        kr_pattern *x = make_pat(p, KR_MatchSingleton, START(t), END_T(t));
        FAIL_IF(x);
        x->v.MatchSingleton.value.kind = t->type == KR_T_NONE ? KR_CONST_NONE
                                       : t->type == KR_T_TRUE ? KR_CONST_TRUE
                                                               : KR_CONST_FALSE;
        return x;
    }
    case KR_T_LPAR:
        kr_p_next(p);
        return sequence_body(p, KR_T_RPAR, t);
    case KR_T_LSQB:
        kr_p_next(p);
        return sequence_body(p, KR_T_RSQB, t);
    case KR_T_LBRACE:
        kr_p_next(p);
        return mapping_pattern(p, t);
    case KR_T_NAME: {
        if (PEEK2(p) != KR_T_DOT && PEEK2(p) != KR_T_LPAR) {
            kr_p_next(p);
            if (PEEK(p) == KR_T_EQUAL)
                return kr_p_syntax_error(p);
            kr_pattern *x = make_pat(p, KR_MatchAs, START(t), END_T(t));
            FAIL_IF(x);
            if (!kr_p_is_name(t, "_"))
                x->v.MatchAs.name = kr_p_name(p, t);
            return x;
        }
        kr_expr *e = name_or_attr(p);
        FAIL_IF(e);
        if (PEEK(p) == KR_T_LPAR)
            return class_pattern(p, e);
        return value_pattern_of(p, e);
    }
    default:
        return kr_p_syntax_error(p);
    }
}

static kr_pattern *or_pattern(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    kr_pattern *first = closed_pattern(p);
    FAIL_IF(first);
    if (PEEK(p) != KR_T_VBAR)
        return first;
    kr_vec v;
    kr_vec_init(&v);
    FAIL_IF(kr_vec_push(p, &v, first));
    while (ACCEPT(p, KR_T_VBAR)) {
        kr_pattern *x = closed_pattern(p);
        FAIL_IF(x);
        FAIL_IF(kr_vec_push(p, &v, x));
    }
    kr_pattern *x = make_pat(p, KR_MatchOr, START(st), LAST_END(p));
    FAIL_IF(x);
    x->v.MatchOr.patterns = kr_vec_seq(p, &v);
    return x;
}

static kr_pattern *pattern(kr_parser *p)
{
    if (!kr_p_enter(p))
        return NULL;
    kr_token *st = kr_p_peek(p);
    kr_pattern *o = or_pattern(p);
    if (!o) {
        LEAVE(p);
        return NULL;
    }
    if (ACCEPT(p, KR_T_AS)) {
        kr_token *n = kr_p_peek(p);
        if (n->type != KR_T_NAME) {
            LEAVE(p);
            if (kr_p_expr_start(n->type)) {
                kr_expr *e = kr_p_expression(p);
                FAIL_IF(e);
                return kr_p_error_expr(p, e, "invalid pattern target");
            }
            return kr_p_syntax_error(p);
        }
        if (kr_p_is_name(n, "_")) {
            LEAVE(p);
            return kr_p_error_tok(p, n, "cannot use '_' as a target");
        }
        kr_p_next(p);
        kr_pattern *x = make_pat(p, KR_MatchAs, START(st), END_T(n));
        LEAVE(p);
        FAIL_IF(x);
        x->v.MatchAs.pattern = o;
        x->v.MatchAs.name = kr_p_name(p, n);
        return x;
    }
    LEAVE(p);
    return o;
}

static kr_pattern *patterns(kr_parser *p)
{
    kr_token *st = kr_p_peek(p);
    kr_pattern *first = maybe_star_pattern(p);
    FAIL_IF(first);
    if (PEEK(p) != KR_T_COMMA) {
        /* a star pattern needs a comma to make a sequence */
        if (first->kind == KR_MatchStar)
            return kr_p_syntax_error(p);
        return first;
    }
    kr_vec v;
    kr_vec_init(&v);
    FAIL_IF(kr_vec_push(p, &v, first));
    while (ACCEPT(p, KR_T_COMMA)) {
        if (PEEK(p) == KR_T_COLON || PEEK(p) == KR_T_IF)
            break;
        kr_pattern *x = maybe_star_pattern(p);
        FAIL_IF(x);
        FAIL_IF(kr_vec_push(p, &v, x));
    }
    kr_pattern *x = make_pat(p, KR_MatchSequence, START(st), LAST_END(p));
    FAIL_IF(x);
    x->v.MatchSequence.patterns = kr_vec_seq(p, &v);
    return x;
}

/* Returns NULL without error when this is not a match statement. */
static kr_stmt *match_stmt(kr_parser *p, int *not_match)
{
    int mark = p->pos;
    kr_token *st = kr_p_next(p);   /* "match" */
    *not_match = 0;
    p->spec++;
    p->no_invalid++;
    int saved = p->error;
    kr_expr *subject = kr_p_star_named_expressions_tuple(p);
    p->no_invalid--;
    p->spec--;
    /* a match statement needs ':' NEWLINE after its subject; otherwise
       this is an ordinary statement such as `match[x]: int = 1` */
    if (!subject || p->error || (PEEK(p) != KR_T_COLON &&
                                 PEEK(p) != KR_T_NEWLINE) ||
        (PEEK(p) == KR_T_COLON && PEEK2(p) != KR_T_NEWLINE)) {
        if (p->tok_failed)
            return NULL;
        p->error = saved;
        p->pos = mark;
        *not_match = 1;
        return NULL;
    }
    if (PEEK(p) == KR_T_NEWLINE) {
        /* `match x` could still be something else; let the expression
           parser try first and report "expected ':'" only if it fails */
        int m2 = p->pos;
        p->pos = mark;
        p->spec++;
        kr_stmt *s = expr_stmt(p);
        p->spec--;
        int ok = s && !p->error && PEEK(p) == KR_T_NEWLINE;
        if (p->tok_failed)
            return NULL;
        p->error = saved;
        if (ok) {
            p->pos = mark;
            *not_match = 1;
            return NULL;
        }
        p->pos = m2;
        return kr_p_error_tok(p, kr_p_peek(p), "expected ':'");
    }
    /* commit: re-parse the subject with diagnostics enabled */
    p->pos = mark + 1;
    subject = kr_p_star_named_expressions_tuple(p);
    FAIL_IF(subject);
    if (subject->kind == KR_Starred)   /* `match *x:` needs a comma */
        return kr_p_error_tok(p, kr_p_peek(p), "invalid syntax");
    kr_p_next(p);   /* ':' */
    if (!ACCEPT(p, KR_T_NEWLINE))
        return kr_p_syntax_error(p);
    if (PEEK(p) != KR_T_INDENT)
        return missing_block(p, "'match'", st->lineno);
    kr_p_next(p);
    kr_vec cases;
    kr_vec_init(&cases);
    while (kr_p_is_name(kr_p_peek(p), "case")) {
        kr_token *ct = kr_p_next(p);
        kr_pattern *pat = patterns(p);
        FAIL_IF(pat);
        kr_expr *guard = NULL;
        if (ACCEPT(p, KR_T_IF)) {
            guard = kr_p_named_expression(p);
            FAIL_IF(guard);
        }
        if (!colon_or_newline(p))
            return NULL;
        kr_stmt_seq *body = block(p, "'case'", ct->lineno);
        FAIL_IF(body);
        kr_match_case *mc = kr_p_alloc(p, sizeof *mc);
        FAIL_IF(mc);
        mc->pattern = pat;
        mc->guard = guard;
        mc->body = body;
        FAIL_IF(kr_vec_push(p, &cases, mc));
    }
    if (cases.n == 0 || PEEK(p) != KR_T_DEDENT)
        return kr_p_syntax_error(p);
    kr_p_next(p);
    kr_stmt *s = kr_p_stmt(p, KR_Match, START(st), LAST_END(p));
    FAIL_IF(s);
    s->v.Match.subject = subject;
    s->v.Match.cases = kr_vec_seq(p, &cases);
    set_block_end(p, s);
    return s;
}

/* ---- statement dispatch -------------------------------------------------- */

static kr_stmt *compound_stmt(kr_parser *p, int *not_compound)
{
    kr_token *t = kr_p_peek(p);
    *not_compound = 0;
    switch (t->type) {
    case KR_T_DEF:
        return funcdef(p, t, 0, NULL);
    case KR_T_IF:
        kr_p_next(p);
        return if_stmt(p, t, 0);
    case KR_T_CLASS:
        kr_p_next(p);
        return classdef(p, t, NULL);
    case KR_T_WITH:
        return with_stmt(p, t, 0);
    case KR_T_FOR:
        return for_stmt(p, t, 0);
    case KR_T_TRY:
        kr_p_next(p);
        return try_stmt(p, t);
    case KR_T_WHILE:
        kr_p_next(p);
        return while_stmt(p, t);
    case KR_T_AT:
        return decorated(p);
    case KR_T_ASYNC: {
        int n = PEEK2(p);
        if (n == KR_T_DEF) {
            kr_p_next(p);
            return funcdef(p, t, 1, NULL);
        }
        if (n == KR_T_WITH) {
            kr_p_next(p);
            return with_stmt(p, t, 1);
        }
        if (n == KR_T_FOR) {
            kr_p_next(p);
            return for_stmt(p, t, 1);
        }
        kr_p_next(p);
        return kr_p_syntax_error(p);
    }
    case KR_T_NAME:
        if (kr_p_is_name(t, "match")) {
            int nt = PEEK2(p);
            if (kr_p_expr_start(nt) || nt == KR_T_STAR) {
                int nm;
                kr_stmt *s = match_stmt(p, &nm);
                if (nm) {
                    *not_compound = 1;
                    return NULL;
                }
                return s;
            }
        }
        break;
    default:
        break;
    }
    *not_compound = 1;
    return NULL;
}

static int statement(kr_parser *p, kr_vec *out)
{
    int nc;
    kr_stmt *s = compound_stmt(p, &nc);
    if (!nc) {
        if (!s)
            return 0;
        return kr_vec_push(p, out, s);
    }
    if (p->error)
        return 0;
    return simple_stmts_vec(p, out) != NULL;
}

kr_stmt_seq *kr_p_file(kr_parser *p)
{
    kr_vec v;
    kr_vec_init(&v);
    for (;;) {
        int t = PEEK(p);
        if (t == KR_T_ENDMARKER)
            break;
        if (p->error)
            return NULL;
        if (t == KR_T_NEWLINE) {
            /* only possible as the very first token of an empty file */
            kr_p_next(p);
            continue;
        }
        if (!statement(p, &v)) {
            /* a rule may give up at a tokenizer failure it did not
               report (EOF inside brackets while speculating) */
            if (!p->error)
                kr_p_syntax_error(p);
            return NULL;
        }
    }
    return kr_vec_seq(p, &v);
}

kr_stmt_seq *kr_p_interactive(kr_parser *p)
{
    kr_vec v;
    kr_vec_init(&v);
    int t = PEEK(p);
    if (t == KR_T_NEWLINE || t == KR_T_ENDMARKER) {
        kr_p_next(p);
        return NULL;
    }
    int nc;
    kr_stmt *s = compound_stmt(p, &nc);
    if (!nc) {
        FAIL_IF(s);
        FAIL_IF(kr_vec_push(p, &v, s));
    } else {
        if (p->error)
            return NULL;
        FAIL_IF(simple_stmts_vec(p, &v));
    }
    kr_token *nl = kr_p_last(p);   /* CPython points at the first NEWLINE */
    while (PEEK(p) == KR_T_NEWLINE)
        kr_p_next(p);
    if (PEEK(p) != KR_T_ENDMARKER) {
        if (p->error)
            return NULL;
        return kr_p_error_tok(p, nl, "multiple statements found while "
                              "compiling a single statement");
    }
    return kr_vec_seq(p, &v);
}
