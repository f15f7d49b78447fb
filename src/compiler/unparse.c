/* unparse.c: expression -> source text, for `from __future__ import
 * annotations`, which stores every annotation as the string CPython 3.11's
 * ast unparser produces (same parenthesisation by precedence, same
 * spacing, `1e309` for infinities, f-strings re-quoted through repr). */
#include "internal.h"
#include "compiler/codegen.h"

enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR,
    PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM,
    PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

typedef struct kr_ubuf {
    char *s;
    size_t n, cap;
    kr_compiler *c;
    int depth;
} kr_ubuf;

static int
kr_u_put(kr_ubuf *b, const char *s, size_t len)
{
    if (b->n + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (b->n + len + 1 > cap)
            cap *= 2;
        char *ns = realloc(b->s, cap);
        if (ns == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, len);
    b->n += len;
    b->s[b->n] = '\0';
    return 0;
}

static int
kr_u_str(kr_ubuf *b, const char *s)
{
    return kr_u_put(b, s, strlen(s));
}

#define U(s) KR_TRY(kr_u_str(b, (s)))
#define U_IF(cond, s) do { if (cond) U(s); } while (0)

static int kr_u_expr(kr_ubuf *b, kr_expr *e, int level);

static int
kr_u_obj(kr_ubuf *b, PyObject *o)
{
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(o, &len);
    if (s == NULL)
        return -1;
    return kr_u_put(b, s, (size_t)len);
}

static int
kr_u_repr(kr_ubuf *b, PyObject *v)
{
    PyObject *r = PyObject_Repr(v);
    if (r == NULL)
        return -1;
    if (PyFloat_CheckExact(v) || PyComplex_CheckExact(v)) {
        PyObject *inf = PyUnicode_FromString("inf");
        PyObject *big = PyUnicode_FromString("1e309");
        PyObject *nr = (inf && big) ? PyUnicode_Replace(r, inf, big, -1) : NULL;
        Py_XDECREF(inf);
        Py_XDECREF(big);
        Py_DECREF(r);
        r = nr;
        if (r == NULL)
            return -1;
    }
    int res = kr_u_obj(b, r);
    Py_DECREF(r);
    return res;
}

static int
kr_u_exprs(kr_ubuf *b, kr_expr_seq *seq, int level)
{
    for (int i = 0; i < KR_SEQ_LEN(seq); i++) {
        U_IF(i > 0, ", ");
        KR_TRY(kr_u_expr(b, seq->items[i], level));
    }
    return 0;
}

static int
kr_u_arg(kr_ubuf *b, kr_arg *a)
{
    U(a->arg);
    if (a->annotation) {
        U(": ");
        KR_TRY(kr_u_expr(b, a->annotation, PR_TEST));
    }
    return 0;
}

static int
kr_u_args(kr_ubuf *b, kr_arguments *args)
{
    int first = 1;
    int npos = KR_SEQ_LEN(args->posonlyargs), nargs = KR_SEQ_LEN(args->args);
    int ndef = KR_SEQ_LEN(args->defaults);
    for (int i = 0; i < npos + nargs; i++) {
        if (first)
            first = 0;
        else
            U(", ");
        KR_TRY(kr_u_arg(b, i < npos ? args->posonlyargs->items[i] : args->args->items[i - npos]));
        int di = i - npos - nargs + ndef;
        if (di >= 0) {
            U("=");
            KR_TRY(kr_u_expr(b, args->defaults->items[di], PR_TEST));
        }
        if (npos && i + 1 == npos)
            U(", /");
    }
    if (args->vararg || KR_SEQ_LEN(args->kwonlyargs)) {
        if (first)
            first = 0;
        else
            U(", ");
        U("*");
        if (args->vararg)
            KR_TRY(kr_u_arg(b, args->vararg));
    }
    int nkw = KR_SEQ_LEN(args->kwonlyargs), nkwd = KR_SEQ_LEN(args->kw_defaults);
    for (int i = 0; i < nkw; i++) {
        if (first)
            first = 0;
        else
            U(", ");
        KR_TRY(kr_u_arg(b, args->kwonlyargs->items[i]));
        int di = i - nkw + nkwd;
        if (di >= 0 && args->kw_defaults->items[di]) {
            U("=");
            KR_TRY(kr_u_expr(b, args->kw_defaults->items[di], PR_TEST));
        }
    }
    if (args->kwarg) {
        if (!first)
            U(", ");
        U("**");
        KR_TRY(kr_u_arg(b, args->kwarg));
    }
    return 0;
}

static int
kr_u_comprehensions(kr_ubuf *b, kr_comprehension_seq *gens)
{
    for (int i = 0; i < KR_SEQ_LEN(gens); i++) {
        kr_comprehension *g = gens->items[i];
        U(g->is_async ? " async for " : " for ");
        KR_TRY(kr_u_expr(b, g->target, PR_TUPLE));
        U(" in ");
        KR_TRY(kr_u_expr(b, g->iter, PR_TEST + 1));
        for (int j = 0; j < KR_SEQ_LEN(g->ifs); j++) {
            U(" if ");
            KR_TRY(kr_u_expr(b, g->ifs->items[j], PR_TEST + 1));
        }
    }
    return 0;
}

static int kr_u_fstring_element(kr_ubuf *b, kr_expr *e, int is_format_spec);

static int
kr_u_fstring_body(kr_ubuf *b, kr_expr_seq *values, int is_format_spec)
{
    for (int i = 0; i < KR_SEQ_LEN(values); i++)
        KR_TRY(kr_u_fstring_element(b, values->items[i], is_format_spec));
    return 0;
}

static int
kr_u_joinedstr(kr_ubuf *b, kr_expr *e, int is_format_spec)
{
    if (is_format_spec)
        return kr_u_fstring_body(b, e->v.JoinedStr.values, 1);
    kr_ubuf body = { NULL, 0, 0, b->c, b->depth };
    if (kr_u_fstring_body(&body, e->v.JoinedStr.values, 0) < 0) {
        free(body.s);
        return -1;
    }
    PyObject *s = PyUnicode_DecodeUTF8(body.s ? body.s : "", (Py_ssize_t)body.n,
                                       "surrogatepass");
    free(body.s);
    if (s == NULL)
        return -1;
    int r = kr_u_str(b, "f");
    if (r == 0)
        r = kr_u_repr(b, s);
    Py_DECREF(s);
    return r;
}

static int
kr_u_formatted_value(kr_ubuf *b, kr_expr *e)
{
    kr_ubuf inner = { NULL, 0, 0, b->c, b->depth };
    if (kr_u_expr(&inner, e->v.FormattedValue.value, PR_TEST + 1) < 0) {
        free(inner.s);
        return -1;
    }
    int r = kr_u_str(b, inner.s && inner.s[0] == '{' ? "{ " : "{");
    if (r == 0 && inner.s)
        r = kr_u_put(b, inner.s, inner.n);
    free(inner.s);
    KR_TRY(r);
    switch (e->v.FormattedValue.conversion) {
    case 'a': U("!a"); break;
    case 'r': U("!r"); break;
    case 's': U("!s"); break;
    default: break;
    }
    if (e->v.FormattedValue.format_spec) {
        U(":");
        KR_TRY(kr_u_fstring_element(b, e->v.FormattedValue.format_spec, 1));
    }
    U("}");
    return 0;
}

static int
kr_u_fstring_element(kr_ubuf *b, kr_expr *e, int is_format_spec)
{
    switch (e->kind) {
    case KR_Constant: {
        const kr_constant *k = &e->v.Constant.value;
        if (k->kind != KR_CONST_STR)
            return 0;
        for (size_t i = 0; i < k->u.s.len; i++) {
            char ch = k->u.s.bytes[i];
            if (ch == '{')
                U("{{");
            else if (ch == '}')
                U("}}");
            else
                KR_TRY(kr_u_put(b, &ch, 1));
        }
        return 0;
    }
    case KR_JoinedStr:
        return kr_u_joinedstr(b, e, is_format_spec);
    case KR_FormattedValue:
        return kr_u_formatted_value(b, e);
    default:
        PyErr_SetString(PyExc_SystemError, "unknown expression kind inside f-string");
        return -1;
    }
}

static int
kr_u_expr(kr_ubuf *b, kr_expr *e, int level)
{
    if (++b->depth > KR_COMPILER_MAX_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = 0;
    switch (e->kind) {
    case KR_BoolOp: {
        int pr = e->v.BoolOp.op == KR_And ? PR_AND : PR_OR;
        U_IF(level > pr, "(");
        for (int i = 0; i < KR_SEQ_LEN(e->v.BoolOp.values); i++) {
            U_IF(i > 0, pr == PR_AND ? " and " : " or ");
            KR_TRY(kr_u_expr(b, e->v.BoolOp.values->items[i], pr + 1));
        }
        U_IF(level > pr, ")");
        break;
    }
    case KR_BinOp: {
        const char *op = "";
        int pr = PR_ARITH;
        switch (e->v.BinOp.op) {
        case KR_Add: op = " + "; pr = PR_ARITH; break;
        case KR_Sub: op = " - "; pr = PR_ARITH; break;
        case KR_Mult: op = " * "; pr = PR_TERM; break;
        case KR_MatMult: op = " @ "; pr = PR_TERM; break;
        case KR_Div: op = " / "; pr = PR_TERM; break;
        case KR_Mod: op = " % "; pr = PR_TERM; break;
        case KR_LShift: op = " << "; pr = PR_SHIFT; break;
        case KR_RShift: op = " >> "; pr = PR_SHIFT; break;
        case KR_BitOr: op = " | "; pr = PR_BOR; break;
        case KR_BitXor: op = " ^ "; pr = PR_BXOR; break;
        case KR_BitAnd: op = " & "; pr = PR_BAND; break;
        case KR_FloorDiv: op = " // "; pr = PR_TERM; break;
        case KR_Pow: op = " ** "; pr = PR_POWER; break;
        }
        int rassoc = e->v.BinOp.op == KR_Pow;
        U_IF(level > pr, "(");
        KR_TRY(kr_u_expr(b, e->v.BinOp.left, pr + rassoc));
        U(op);
        KR_TRY(kr_u_expr(b, e->v.BinOp.right, pr + !rassoc));
        U_IF(level > pr, ")");
        break;
    }
    case KR_UnaryOp: {
        const char *op = "";
        int pr = PR_FACTOR;
        switch (e->v.UnaryOp.op) {
        case KR_Invert: op = "~"; break;
        case KR_Not: op = "not "; pr = PR_NOT; break;
        case KR_UAdd: op = "+"; break;
        case KR_USub: op = "-"; break;
        }
        U_IF(level > pr, "(");
        U(op);
        KR_TRY(kr_u_expr(b, e->v.UnaryOp.operand, pr));
        U_IF(level > pr, ")");
        break;
    }
    case KR_Lambda: {
        kr_arguments *a = e->v.Lambda.args;
        U_IF(level > PR_TEST, "(");
        U(KR_SEQ_LEN(a->args) + KR_SEQ_LEN(a->posonlyargs) ? "lambda " : "lambda");
        KR_TRY(kr_u_args(b, a));
        U(": ");
        KR_TRY(kr_u_expr(b, e->v.Lambda.body, PR_TEST));
        U_IF(level > PR_TEST, ")");
        break;
    }
    case KR_IfExp:
        U_IF(level > PR_TEST, "(");
        KR_TRY(kr_u_expr(b, e->v.IfExp.body, PR_TEST + 1));
        U(" if ");
        KR_TRY(kr_u_expr(b, e->v.IfExp.test, PR_TEST + 1));
        U(" else ");
        KR_TRY(kr_u_expr(b, e->v.IfExp.orelse, PR_TEST));
        U_IF(level > PR_TEST, ")");
        break;
    case KR_Dict:
        U("{");
        for (int i = 0; i < KR_SEQ_LEN(e->v.Dict.values); i++) {
            U_IF(i > 0, ", ");
            kr_expr *k = e->v.Dict.keys->items[i];
            if (k) {
                KR_TRY(kr_u_expr(b, k, PR_TEST));
                U(": ");
                KR_TRY(kr_u_expr(b, e->v.Dict.values->items[i], PR_TEST));
            } else {
                U("**");
                KR_TRY(kr_u_expr(b, e->v.Dict.values->items[i], PR_EXPR));
            }
        }
        U("}");
        break;
    case KR_Set:
        if (KR_SEQ_LEN(e->v.Set.elts) == 0) {
            U("{*()}");
            break;
        }
        U("{");
        KR_TRY(kr_u_exprs(b, e->v.Set.elts, PR_TEST));
        U("}");
        break;
    case KR_GeneratorExp:
        U("(");
        KR_TRY(kr_u_expr(b, e->v.GeneratorExp.elt, PR_TEST));
        KR_TRY(kr_u_comprehensions(b, e->v.GeneratorExp.generators));
        U(")");
        break;
    case KR_ListComp:
        U("[");
        KR_TRY(kr_u_expr(b, e->v.ListComp.elt, PR_TEST));
        KR_TRY(kr_u_comprehensions(b, e->v.ListComp.generators));
        U("]");
        break;
    case KR_SetComp:
        U("{");
        KR_TRY(kr_u_expr(b, e->v.SetComp.elt, PR_TEST));
        KR_TRY(kr_u_comprehensions(b, e->v.SetComp.generators));
        U("}");
        break;
    case KR_DictComp:
        U("{");
        KR_TRY(kr_u_expr(b, e->v.DictComp.key, PR_TEST));
        U(": ");
        KR_TRY(kr_u_expr(b, e->v.DictComp.value, PR_TEST));
        KR_TRY(kr_u_comprehensions(b, e->v.DictComp.generators));
        U("}");
        break;
    case KR_Await:
        U_IF(level > PR_AWAIT, "(");
        U("await ");
        KR_TRY(kr_u_expr(b, e->v.Await.value, PR_ATOM));
        U_IF(level > PR_AWAIT, ")");
        break;
    case KR_Yield:
        if (!e->v.Yield.value) {
            U("(yield)");
            break;
        }
        U("(yield ");
        KR_TRY(kr_u_expr(b, e->v.Yield.value, PR_TEST));
        U(")");
        break;
    case KR_YieldFrom:
        U("(yield from ");
        KR_TRY(kr_u_expr(b, e->v.YieldFrom.value, PR_TEST));
        U(")");
        break;
    case KR_Compare: {
        U_IF(level > PR_CMP, "(");
        KR_TRY(kr_u_expr(b, e->v.Compare.left, PR_CMP + 1));
        for (int i = 0; i < KR_SEQ_LEN(e->v.Compare.ops); i++) {
            static const char *const names[] = {
                "", " == ", " != ", " < ", " <= ", " > ", " >= ", " is ", " is not ",
                " in ", " not in "
            };
            int op = e->v.Compare.ops->items[i];
            U(op >= 1 && op <= 10 ? names[op] : " ? ");
            KR_TRY(kr_u_expr(b, e->v.Compare.comparators->items[i], PR_CMP + 1));
        }
        U_IF(level > PR_CMP, ")");
        break;
    }
    case KR_Call: {
        KR_TRY(kr_u_expr(b, e->v.Call.func, PR_ATOM));
        int nargs = KR_SEQ_LEN(e->v.Call.args), nkw = KR_SEQ_LEN(e->v.Call.keywords);
        if (nargs == 1 && nkw == 0 && e->v.Call.args->items[0]->kind == KR_GeneratorExp) {
            KR_TRY(kr_u_expr(b, e->v.Call.args->items[0], PR_TEST));
            break;
        }
        U("(");
        int first = 1;
        for (int i = 0; i < nargs; i++) {
            U_IF(!first, ", ");
            first = 0;
            KR_TRY(kr_u_expr(b, e->v.Call.args->items[i], PR_TEST));
        }
        for (int i = 0; i < nkw; i++) {
            kr_keyword *k = e->v.Call.keywords->items[i];
            U_IF(!first, ", ");
            first = 0;
            if (k->arg == NULL) {
                U("**");
            } else {
                U(k->arg);
                U("=");
            }
            KR_TRY(kr_u_expr(b, k->value, PR_TEST));
        }
        U(")");
        break;
    }
    case KR_FormattedValue:
        KR_TRY(kr_u_formatted_value(b, e));
        break;
    case KR_JoinedStr:
        KR_TRY(kr_u_joinedstr(b, e, 0));
        break;
    case KR_Constant: {
        if (e->v.Constant.value.kind == KR_CONST_ELLIPSIS) {
            U("...");
            break;
        }
        if (e->v.Constant.kind != NULL)
            U("u");
        PyObject *v = kr_cg_constant(b->c, &e->v.Constant.value);
        if (v == NULL)
            return -1;
        r = kr_u_repr(b, v);
        Py_DECREF(v);
        KR_TRY(r);
        break;
    }
    case KR_Attribute: {
        kr_expr *v = e->v.Attribute.value;
        KR_TRY(kr_u_expr(b, v, PR_ATOM));
        U(v->kind == KR_Constant && v->v.Constant.value.kind == KR_CONST_INT ? " ." : ".");
        U(e->v.Attribute.attr);
        break;
    }
    case KR_Subscript:
        KR_TRY(kr_u_expr(b, e->v.Subscript.value, PR_ATOM));
        U("[");
        KR_TRY(kr_u_expr(b, e->v.Subscript.slice, PR_TUPLE));
        U("]");
        break;
    case KR_Starred:
        U("*");
        KR_TRY(kr_u_expr(b, e->v.Starred.value, PR_EXPR));
        break;
    case KR_Name:
        U(e->v.Name.id);
        break;
    case KR_List:
        U("[");
        KR_TRY(kr_u_exprs(b, e->v.List.elts, PR_TEST));
        U("]");
        break;
    case KR_Tuple: {
        int n = KR_SEQ_LEN(e->v.Tuple.elts);
        if (n == 0) {
            U("()");
            break;
        }
        U_IF(level > PR_TUPLE, "(");
        KR_TRY(kr_u_exprs(b, e->v.Tuple.elts, PR_TEST));
        U_IF(n == 1, ",");
        U_IF(level > PR_TUPLE, ")");
        break;
    }
    case KR_Slice:
        if (e->v.Slice.lower)
            KR_TRY(kr_u_expr(b, e->v.Slice.lower, PR_TEST));
        U(":");
        if (e->v.Slice.upper)
            KR_TRY(kr_u_expr(b, e->v.Slice.upper, PR_TEST));
        if (e->v.Slice.step) {
            U(":");
            KR_TRY(kr_u_expr(b, e->v.Slice.step, PR_TEST));
        }
        break;
    case KR_NamedExpr:
        U_IF(level > PR_TUPLE, "(");
        KR_TRY(kr_u_expr(b, e->v.NamedExpr.target, PR_ATOM));
        U(" := ");
        KR_TRY(kr_u_expr(b, e->v.NamedExpr.value, PR_ATOM));
        U_IF(level > PR_TUPLE, ")");
        break;
    }
    b->depth--;
    return 0;
}

int
kr_cg_visit_annexpr(kr_compiler *c, kr_expr *e)
{
    kr_ubuf b = { NULL, 0, 0, c, 0 };
    if (kr_u_expr(&b, e, PR_TEST) < 0) {
        free(b.s);
        return -1;
    }
    int ident = 1;
    for (size_t i = 0; i < b.n; i++) {
        unsigned char ch = (unsigned char)b.s[i];
        if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
              (ch >= 'A' && ch <= 'Z')))
            ident = 0;
    }
    PyObject *s = PyUnicode_DecodeUTF8(b.s ? b.s : "", (Py_ssize_t)b.n, "surrogatepass");
    free(b.s);
    if (s == NULL)
        return -1;
    if (ident)
        PyUnicode_InternInPlace(&s);
    return kr_cg_load_const_new(c, s);
}
