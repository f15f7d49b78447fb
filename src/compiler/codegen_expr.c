/* codegen_expr.c: code generation for expressions, following CPython
 * 3.11's instruction sequences: constant folding first (codegen.c), then
 * calls (LOAD_METHOD/CALL fast path, KW_NAMES, CALL_FUNCTION_EX with
 * list/dict building when there are * or ** arguments), star-unpacking
 * displays, dict displays with BUILD_CONST_KEY_MAP, chained comparisons,
 * short-circuit jumps, f-strings, lambda, comprehensions and generator
 * expressions (each its own code object called with the outermost
 * iterator), yield/await, and walrus. */
#include "internal.h"
#include "compiler/codegen.h"

int
kr_cg_exprs(kr_compiler *c, kr_expr_seq *seq)
{
    for (int i = 0; i < KR_SEQ_LEN(seq); i++)
        KR_TRY(kr_cg_expr(c, seq->items[i]));
    return 0;
}

int
kr_cg_compare_op(kr_compiler *c, int op)
{
    switch (op) {
    case KR_Eq: return kr_cg_addop(c, COMPARE_OP, Py_EQ);
    case KR_NotEq: return kr_cg_addop(c, COMPARE_OP, Py_NE);
    case KR_Lt: return kr_cg_addop(c, COMPARE_OP, Py_LT);
    case KR_LtE: return kr_cg_addop(c, COMPARE_OP, Py_LE);
    case KR_Gt: return kr_cg_addop(c, COMPARE_OP, Py_GT);
    case KR_GtE: return kr_cg_addop(c, COMPARE_OP, Py_GE);
    case KR_Is: return kr_cg_addop(c, IS_OP, 0);
    case KR_IsNot: return kr_cg_addop(c, IS_OP, 1);
    case KR_In: return kr_cg_addop(c, CONTAINS_OP, 0);
    case KR_NotIn: return kr_cg_addop(c, CONTAINS_OP, 1);
    }
    PyErr_SetString(PyExc_SystemError, "unknown comparison operator");
    return -1;
}

static int
kr_check_is_arg(kr_compiler *c, kr_expr *e)
{
    PyObject *v = kr_cg_fold(c, e);
    if (v == NULL || e->kind == KR_Name)
        return 1;
    return v == Py_None || v == Py_False || v == Py_True || v == Py_Ellipsis;
}

static int
kr_fold_compare(kr_compiler *c, kr_expr *e)
{
    int n = KR_SEQ_LEN(e->v.Compare.ops);
    int op = e->v.Compare.ops->items[n - 1];
    if (op == KR_In || op == KR_NotIn)
        return kr_cg_fold_iter(c, e->v.Compare.comparators->items[n - 1]);
    return 0;
}

static int
kr_check_compare(kr_compiler *c, kr_expr *e)
{
    KR_TRY(kr_fold_compare(c, e));
    int left_ok = kr_check_is_arg(c, e->v.Compare.left);
    int n = KR_SEQ_LEN(e->v.Compare.ops);
    for (int i = 0; i < n; i++) {
        int op = e->v.Compare.ops->items[i];
        int right_ok = kr_check_is_arg(c, e->v.Compare.comparators->items[i]);
        if ((op == KR_Is || op == KR_IsNot) && (!right_ok || !left_ok))
            return kr_cg_warn(c, op == KR_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                             : "\"is not\" with a literal. Did you mean \"!=\"?");
        left_ok = right_ok;
    }
    return 0;
}

static int
kr_cg_compare(kr_compiler *c, kr_expr *e)
{
    KR_TRY(kr_check_compare(c, e));
    int n = KR_SEQ_LEN(e->v.Compare.ops) - 1;
    KR_TRY(kr_cg_expr(c, e->v.Compare.left));
    if (n == 0) {
        KR_TRY(kr_cg_expr(c, e->v.Compare.comparators->items[0]));
        return kr_cg_compare_op(c, e->v.Compare.ops->items[0]);
    }
    kr_block *cleanup = kr_cg_new_block(c), *end = kr_cg_new_block(c);
    if (!cleanup || !end)
        return -1;
    for (int i = 0; i < n; i++) {
        KR_TRY(kr_cg_expr(c, e->v.Compare.comparators->items[i]));
        KR_TRY(kr_cg_addop(c, SWAP, 2));
        KR_TRY(kr_cg_addop(c, COPY, 2));
        KR_TRY(kr_cg_compare_op(c, e->v.Compare.ops->items[i]));
        KR_TRY(kr_cg_addjump(c, JUMP_IF_FALSE_OR_POP, cleanup));
    }
    KR_TRY(kr_cg_expr(c, e->v.Compare.comparators->items[n]));
    KR_TRY(kr_cg_compare_op(c, e->v.Compare.ops->items[n]));
    KR_TRY(kr_cg_addjump_noline(c, JUMP, end));
    kr_cg_use_block(c, cleanup);
    KR_TRY(kr_cg_addop(c, SWAP, 2));
    KR_TRY(kr_cg_addop(c, POP_TOP, 0));
    kr_cg_use_block(c, end);
    return 0;
}

int
kr_cg_jump_if(kr_compiler *c, kr_expr *e, kr_block *next, int cond)
{
    KR_TRY(kr_cg_enter_recursion(c));
    int r = -1;
    switch (e->kind) {
    case KR_UnaryOp:
        if (e->v.UnaryOp.op == KR_Not && kr_cg_fold(c, e) == NULL) {
            r = kr_cg_jump_if(c, e->v.UnaryOp.operand, next, !cond);
            goto done;
        }
        break;
    case KR_BoolOp: {
        kr_expr_seq *s = e->v.BoolOp.values;
        int n = s->n - 1;
        int cond2 = e->v.BoolOp.op == KR_Or;
        kr_block *next2 = next;
        if (!cond2 != !cond && (next2 = kr_cg_new_block(c)) == NULL)
            goto done;
        for (int i = 0; i < n; i++)
            if (kr_cg_jump_if(c, s->items[i], next2, cond2) < 0)
                goto done;
        if (kr_cg_jump_if(c, s->items[n], next, cond) < 0)
            goto done;
        if (next2 != next)
            kr_cg_use_block(c, next2);
        r = 0;
        goto done;
    }
    case KR_IfExp: {
        kr_block *end = kr_cg_new_block(c), *next2 = kr_cg_new_block(c);
        if (!end || !next2)
            goto done;
        if (kr_cg_jump_if(c, e->v.IfExp.test, next2, 0) < 0 ||
            kr_cg_jump_if(c, e->v.IfExp.body, next, cond) < 0 ||
            kr_cg_addjump_noline(c, JUMP, end) < 0)
            goto done;
        kr_cg_use_block(c, next2);
        if (kr_cg_jump_if(c, e->v.IfExp.orelse, next, cond) < 0)
            goto done;
        kr_cg_use_block(c, end);
        r = 0;
        goto done;
    }
    case KR_Compare: {
        int n = KR_SEQ_LEN(e->v.Compare.ops) - 1;
        /* as in CPython 3.11, the comparison's position stays current for
           the jumps that follow (not restored) */
        c->u->loc = KR_LOC_OF(e);
        if (n > 0) {
            if (kr_check_compare(c, e) < 0)
                goto done;
            kr_block *cleanup = kr_cg_new_block(c), *end = kr_cg_new_block(c);
            if (!cleanup || !end)
                goto done;
            if (kr_cg_expr(c, e->v.Compare.left) < 0)
                goto done;
            for (int i = 0; i < n; i++) {
                if (kr_cg_expr(c, e->v.Compare.comparators->items[i]) < 0 ||
                    kr_cg_addop(c, SWAP, 2) < 0 || kr_cg_addop(c, COPY, 2) < 0 ||
                    kr_cg_compare_op(c, e->v.Compare.ops->items[i]) < 0 ||
                    kr_cg_addjump(c, POP_JUMP_IF_FALSE, cleanup) < 0)
                    goto done;
            }
            if (kr_cg_expr(c, e->v.Compare.comparators->items[n]) < 0 ||
                kr_cg_compare_op(c, e->v.Compare.ops->items[n]) < 0 ||
                kr_cg_addjump(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next) < 0 ||
                kr_cg_addjump_noline(c, JUMP, end) < 0)
                goto done;
            kr_cg_use_block(c, cleanup);
            if (kr_cg_addop(c, POP_TOP, 0) < 0)
                goto done;
            if (!cond && kr_cg_addjump_noline(c, JUMP, next) < 0)
                goto done;
            kr_cg_use_block(c, end);
            r = 0;
            goto done;
        }
        break;
    }
    default:
        break;
    }
    if (kr_cg_expr(c, e) < 0)
        goto done;
    r = kr_cg_addjump(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
done:
    c->depth--;
    return r;
}

static int
kr_all_const(kr_compiler *c, kr_expr_seq *seq, int begin, int end)
{
    for (int i = begin; i < end; i++) {
        kr_expr *e = seq->items[i];
        if (e == NULL || e->kind == KR_Starred || kr_cg_fold(c, e) == NULL)
            return 0;
    }
    return 1;
}

static int
kr_cg_starunpack(kr_compiler *c, kr_expr_seq *elts, int pushed, int build, int add,
                 int extend, int tuple)
{
    int n = KR_SEQ_LEN(elts);
    if (n > 2 && kr_all_const(c, elts, 0, n)) {
        PyObject *folded = PyTuple_New(n);
        if (folded == NULL)
            return -1;
        for (int i = 0; i < n; i++) {
            PyObject *v = kr_cg_fold(c, elts->items[i]);
            Py_INCREF(v);
            PyTuple_SET_ITEM(folded, i, v);
        }
        if (tuple && !pushed)
            return kr_cg_load_const_new(c, folded);
        if (add == SET_ADD) {
            PyObject *fs = kr_cg_const_frozenset(folded);
            Py_DECREF(folded);
            folded = fs;
            if (folded == NULL)
                return -1;
        }
        if (kr_cg_addop(c, build, pushed) < 0) {
            Py_DECREF(folded);
            return -1;
        }
        KR_TRY(kr_cg_load_const_new(c, folded));
        KR_TRY(kr_cg_addop(c, extend, 1));
        if (tuple)
            KR_TRY(kr_cg_addop(c, LIST_TO_TUPLE, 0));
        return 0;
    }
    int big = n + pushed > KR_STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (int i = 0; i < n; i++)
        if (elts->items[i]->kind == KR_Starred)
            seen_star = 1;
    if (!seen_star && !big) {
        KR_TRY(kr_cg_exprs(c, elts));
        return kr_cg_addop(c, tuple ? BUILD_TUPLE : build, n + pushed);
    }
    int built = 0;
    if (big) {
        KR_TRY(kr_cg_addop(c, build, pushed));
        built = 1;
    }
    for (int i = 0; i < n; i++) {
        kr_expr *elt = elts->items[i];
        if (elt->kind == KR_Starred) {
            if (!built) {
                KR_TRY(kr_cg_addop(c, build, i + pushed));
                built = 1;
            }
            KR_TRY(kr_cg_expr(c, elt->v.Starred.value));
            KR_TRY(kr_cg_addop(c, extend, 1));
        } else {
            KR_TRY(kr_cg_expr(c, elt));
            if (built)
                KR_TRY(kr_cg_addop(c, add, 1));
        }
    }
    if (tuple)
        KR_TRY(kr_cg_addop(c, LIST_TO_TUPLE, 0));
    return 0;
}

static int
kr_cg_unpack_helper(kr_compiler *c, kr_expr_seq *elts)
{
    int n = KR_SEQ_LEN(elts);
    int seen_star = 0;
    for (int i = 0; i < n; i++) {
        kr_expr *elt = elts->items[i];
        if (elt->kind == KR_Starred && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (INT_MAX >> 8))
                return kr_cg_error(c, "too many expressions in star-unpacking assignment");
            KR_TRY(kr_cg_addop(c, UNPACK_EX, i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == KR_Starred) {
            return kr_cg_error(c, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        KR_TRY(kr_cg_addop(c, UNPACK_SEQUENCE, n));
    return 0;
}

static int
kr_cg_assignment_helper(kr_compiler *c, kr_expr_seq *elts)
{
    KR_TRY(kr_cg_unpack_helper(c, elts));
    for (int i = 0; i < KR_SEQ_LEN(elts); i++) {
        kr_expr *elt = elts->items[i];
        KR_TRY(kr_cg_expr(c, elt->kind == KR_Starred ? elt->v.Starred.value : elt));
    }
    return 0;
}

static int
kr_cg_sequence(kr_compiler *c, kr_expr *e, kr_expr_seq *elts, kr_expr_context ctx,
               int is_tuple)
{
    if (ctx == KR_Store)
        return kr_cg_assignment_helper(c, elts);
    if (ctx == KR_Load)
        return kr_cg_starunpack(c, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, is_tuple);
    return kr_cg_exprs(c, elts);
}

static int
kr_cg_subdict(kr_compiler *c, kr_expr *e, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > KR_STACK_USE_GUIDELINE;
    if (n > 1 && !big && kr_all_const(c, e->v.Dict.keys, begin, end)) {
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL)
            return -1;
        for (int i = begin; i < end; i++) {
            PyObject *k = kr_cg_fold(c, e->v.Dict.keys->items[i]);
            Py_INCREF(k);
            PyTuple_SET_ITEM(keys, i - begin, k);
        }
        for (int i = begin; i < end; i++)
            if (kr_cg_expr(c, e->v.Dict.values->items[i]) < 0) {
                Py_DECREF(keys);
                return -1;
            }
        KR_TRY(kr_cg_load_const_new(c, keys));
        return kr_cg_addop(c, BUILD_CONST_KEY_MAP, n);
    }
    if (big)
        KR_TRY(kr_cg_addop_noline(c, BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        KR_TRY(kr_cg_expr(c, e->v.Dict.keys->items[i]));
        KR_TRY(kr_cg_expr(c, e->v.Dict.values->items[i]));
        if (big)
            KR_TRY(kr_cg_addop_noline(c, MAP_ADD, 1));
    }
    if (!big)
        KR_TRY(kr_cg_addop(c, BUILD_MAP, n));
    return 0;
}

static int
kr_cg_dict(kr_compiler *c, kr_expr *e)
{
    int n = KR_SEQ_LEN(e->v.Dict.values);
    int have_dict = 0, elements = 0;
    for (int i = 0; i < n; i++) {
        int is_unpacking = e->v.Dict.keys->items[i] == NULL;
        if (is_unpacking) {
            if (elements) {
                KR_TRY(kr_cg_subdict(c, e, i - elements, i));
                if (have_dict)
                    KR_TRY(kr_cg_addop(c, DICT_UPDATE, 1));
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                KR_TRY(kr_cg_addop(c, BUILD_MAP, 0));
                have_dict = 1;
            }
            KR_TRY(kr_cg_expr(c, e->v.Dict.values->items[i]));
            KR_TRY(kr_cg_addop(c, DICT_UPDATE, 1));
        } else {
            if (elements * 2 > KR_STACK_USE_GUIDELINE) {
                KR_TRY(kr_cg_subdict(c, e, i - elements, i + 1));
                if (have_dict)
                    KR_TRY(kr_cg_addop(c, DICT_UPDATE, 1));
                have_dict = 1;
                elements = 0;
            } else {
                elements++;
            }
        }
    }
    if (elements) {
        KR_TRY(kr_cg_subdict(c, e, n - elements, n));
        if (have_dict)
            KR_TRY(kr_cg_addop(c, DICT_UPDATE, 1));
        have_dict = 1;
    }
    if (!have_dict)
        KR_TRY(kr_cg_addop(c, BUILD_MAP, 0));
    return 0;
}

static PyObject *
kr_str_of(const char *s)
{
    PyObject *o = PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogatepass");
    if (o)
        PyUnicode_InternInPlace(&o);
    return o;
}

static int
kr_validate_keywords(kr_compiler *c, kr_keyword_seq *kws)
{
    int n = KR_SEQ_LEN(kws);
    for (int i = 0; i < n; i++) {
        kr_keyword *k = kws->items[i];
        if (k->arg == NULL)
            continue;
        if (kr_cg_forbidden_name(c, k->arg, KR_Store))
            return -1;
        for (int j = i + 1; j < n; j++) {
            kr_keyword *o = kws->items[j];
            if (o->arg && strcmp(k->arg, o->arg) == 0) {
                kr_location saved = c->u->loc;
                c->u->loc = KR_LOC_OF(o);
                kr_cg_error(c, "keyword argument repeated: %s", k->arg);
                c->u->loc = saved;
                return -1;
            }
        }
    }
    return 0;
}

static int
kr_cg_kw_names(kr_compiler *c, kr_keyword_seq *kws, int begin, int end)
{
    PyObject *names = PyTuple_New(end - begin);
    if (names == NULL)
        return -1;
    for (int i = begin; i < end; i++) {
        PyObject *k = kr_str_of(kws->items[i]->arg);
        if (k == NULL) {
            Py_DECREF(names);
            return -1;
        }
        PyTuple_SET_ITEM(names, i - begin, k);
    }
    int idx = kr_cg_add_const(c, names);
    Py_DECREF(names);
    if (idx < 0)
        return -1;
    return kr_cg_addop(c, KW_NAMES, idx);
}

static int
kr_cg_subkwargs(kr_compiler *c, kr_keyword_seq *kws, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > KR_STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL)
            return -1;
        for (int i = begin; i < end; i++) {
            PyObject *k = kr_str_of(kws->items[i]->arg);
            if (k == NULL) {
                Py_DECREF(keys);
                return -1;
            }
            PyTuple_SET_ITEM(keys, i - begin, k);
            if (kr_cg_expr(c, kws->items[i]->value) < 0) {
                Py_DECREF(keys);
                return -1;
            }
        }
        KR_TRY(kr_cg_load_const_new(c, keys));
        return kr_cg_addop(c, BUILD_CONST_KEY_MAP, n);
    }
    if (big)
        KR_TRY(kr_cg_addop_noline(c, BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        KR_TRY(kr_cg_load_const_new(c, kr_str_of(kws->items[i]->arg)));
        KR_TRY(kr_cg_expr(c, kws->items[i]->value));
        if (big)
            KR_TRY(kr_cg_addop_noline(c, MAP_ADD, 1));
    }
    if (!big)
        KR_TRY(kr_cg_addop(c, BUILD_MAP, n));
    return 0;
}

int
kr_cg_call_helper(kr_compiler *c, int n, kr_expr_seq *args, kr_keyword_seq *keywords)
{
    KR_TRY(kr_validate_keywords(c, keywords));
    int nelts = KR_SEQ_LEN(args), nkw = KR_SEQ_LEN(keywords);
    int ex = nelts + nkw * 2 > KR_STACK_USE_GUIDELINE;
    for (int i = 0; !ex && i < nelts; i++)
        if (args->items[i]->kind == KR_Starred)
            ex = 1;
    for (int i = 0; !ex && i < nkw; i++)
        if (keywords->items[i]->arg == NULL)
            ex = 1;
    if (!ex) {
        KR_TRY(kr_cg_exprs(c, args));
        if (nkw) {
            for (int i = 0; i < nkw; i++)
                KR_TRY(kr_cg_expr(c, keywords->items[i]->value));
            KR_TRY(kr_cg_kw_names(c, keywords, 0, nkw));
        }
        return kr_cg_addop(c, CALL, n + nelts + nkw);
    }
    if (n == 0 && nelts == 1 && args->items[0]->kind == KR_Starred)
        KR_TRY(kr_cg_expr(c, args->items[0]->v.Starred.value));
    else
        KR_TRY(kr_cg_starunpack(c, args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 1));
    if (nkw) {
        int have_dict = 0, nseen = 0;
        for (int i = 0; i < nkw; i++) {
            kr_keyword *kw = keywords->items[i];
            if (kw->arg == NULL) {
                if (nseen) {
                    KR_TRY(kr_cg_subkwargs(c, keywords, i - nseen, i));
                    if (have_dict)
                        KR_TRY(kr_cg_addop(c, DICT_MERGE, 1));
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    KR_TRY(kr_cg_addop(c, BUILD_MAP, 0));
                    have_dict = 1;
                }
                KR_TRY(kr_cg_expr(c, kw->value));
                KR_TRY(kr_cg_addop(c, DICT_MERGE, 1));
            } else {
                nseen++;
            }
        }
        if (nseen) {
            KR_TRY(kr_cg_subkwargs(c, keywords, nkw - nseen, nkw));
            if (have_dict)
                KR_TRY(kr_cg_addop(c, DICT_MERGE, 1));
        }
    }
    return kr_cg_addop(c, CALL_FUNCTION_EX, nkw > 0);
}

static int
kr_cg_method_call(kr_compiler *c, kr_expr *e)
{
    kr_expr *meth = e->v.Call.func;
    kr_expr_seq *args = e->v.Call.args;
    kr_keyword_seq *kws = e->v.Call.keywords;
    if (meth->kind != KR_Attribute || meth->v.Attribute.ctx != KR_Load)
        return 1;
    int argsl = KR_SEQ_LEN(args), kwdsl = KR_SEQ_LEN(kws);
    if (argsl + kwdsl + (kwdsl != 0) >= KR_STACK_USE_GUIDELINE)
        return 1;
    for (int i = 0; i < argsl; i++)
        if (args->items[i]->kind == KR_Starred)
            return 1;
    for (int i = 0; i < kwdsl; i++)
        if (kws->items[i]->arg == NULL)
            return 1;
    KR_TRY(kr_cg_expr(c, meth->v.Attribute.value));
    c->u->loc = KR_LOC_OF(meth);
    kr_update_start_to_attr_loc(&c->u->loc, meth);
    KR_TRY(kr_cg_addop_name(c, LOAD_METHOD, meth->v.Attribute.attr));
    KR_TRY(kr_cg_exprs(c, args));
    if (kwdsl) {
        KR_TRY(kr_validate_keywords(c, kws));
        for (int i = 0; i < kwdsl; i++)
            KR_TRY(kr_cg_expr(c, kws->items[i]->value));
        KR_TRY(kr_cg_kw_names(c, kws, 0, kwdsl));
    }
    c->u->loc = KR_LOC_OF(e);
    kr_update_start_to_attr_loc(&c->u->loc, meth);
    KR_TRY(kr_cg_addop(c, CALL, argsl + kwdsl));
    return 0;
}

/* the type a literal expression will have, for the "perhaps you missed
 * a comma?" warnings; NULL when unknown */
static const char *
kr_infer_type(kr_compiler *c, kr_expr *e)
{
    switch (e->kind) {
    case KR_Tuple: {
        PyObject *v = kr_cg_fold(c, e);
        return v ? Py_TYPE(v)->tp_name : "tuple";
    }
    case KR_List: case KR_ListComp: return "list";
    case KR_Dict: case KR_DictComp: return "dict";
    case KR_Set: case KR_SetComp: return "set";
    case KR_GeneratorExp: return "generator";
    case KR_Lambda: return "function";
    case KR_JoinedStr: case KR_FormattedValue: return "str";
    case KR_Constant: case KR_UnaryOp: case KR_BinOp: case KR_Subscript: {
        PyObject *v = kr_cg_fold(c, e);
        return v ? Py_TYPE(v)->tp_name : NULL;
    }
    default:
        return NULL;
    }
}

/* kind of `e` after constant folding */
static int
kr_folded_kind(kr_compiler *c, kr_expr *e)
{
    if ((e->kind == KR_Tuple || e->kind == KR_UnaryOp || e->kind == KR_BinOp ||
         e->kind == KR_Subscript) && kr_cg_fold(c, e) != NULL)
        return KR_Constant;
    return e->kind;
}

static int
kr_warn_fmt(kr_compiler *c, const char *fmt, const char *a, const char *b)
{
    char buf[600];
    snprintf(buf, sizeof buf, fmt, a, b);
    return kr_cg_warn(c, buf);
}

static int
kr_check_caller(kr_compiler *c, kr_expr *e)
{
    switch (kr_folded_kind(c, e)) {
    case KR_Constant: case KR_Tuple: case KR_List: case KR_ListComp: case KR_Dict:
    case KR_DictComp: case KR_Set: case KR_SetComp: case KR_GeneratorExp:
    case KR_JoinedStr: case KR_FormattedValue: {
        const char *t = kr_infer_type(c, e);
        if (t == NULL)
            return 0;
        return kr_warn_fmt(c, "'%.200s' object is not callable; perhaps you missed a comma?%s",
                           t, "");
    }
    default:
        return 0;
    }
}

static int
kr_check_subscripter(kr_compiler *c, kr_expr *e)
{
    switch (kr_folded_kind(c, e)) {
    case KR_Constant: {
        PyObject *v = kr_cg_fold(c, e);
        if (v == NULL || !(v == Py_None || v == Py_Ellipsis || PyLong_Check(v) ||
                           PyFloat_Check(v) || PyComplex_Check(v) || PyAnySet_Check(v)))
            return 0;
    }
    /* fall through */
    case KR_Set: case KR_SetComp: case KR_GeneratorExp: case KR_Lambda: {
        const char *t = kr_infer_type(c, e);
        if (t == NULL)
            return 0;
        return kr_warn_fmt(c, "'%.200s' object is not subscriptable; perhaps you missed a comma?%s",
                           t, "");
    }
    default:
        return 0;
    }
}

static int
kr_check_index(kr_compiler *c, kr_expr *e, kr_expr *s)
{
    const char *index_type = kr_infer_type(c, s);
    if (index_type == NULL)
        return 0;
    if (s->kind == KR_Slice)
        return 0;
    PyObject *sv = kr_cg_fold(c, s);
    if (sv != NULL && PyLong_Check(sv))
        return 0;
    switch (kr_folded_kind(c, e)) {
    case KR_Constant: {
        PyObject *v = kr_cg_fold(c, e);
        if (v == NULL || !(PyUnicode_Check(v) || KR_BYTES_CHECK_EXACT(v) || PyTuple_Check(v)))
            return 0;
    }
    /* fall through */
    case KR_Tuple: case KR_List: case KR_ListComp: case KR_JoinedStr:
    case KR_FormattedValue: {
        const char *t = kr_infer_type(c, e);
        if (t == NULL)
            return 0;
        return kr_warn_fmt(c, "%.200s indices must be integers or slices, not %.200s; "
                           "perhaps you missed a comma?", t, index_type);
    }
    default:
        return 0;
    }
}

static int
kr_cg_call(kr_compiler *c, kr_expr *e)
{
    int r = kr_cg_method_call(c, e);
    if (r <= 0)
        return r;
    KR_TRY(kr_check_caller(c, e->v.Call.func));
    c->u->loc = KR_LOC_OF(e->v.Call.func);
    KR_TRY(kr_cg_addop(c, PUSH_NULL, 0));
    c->u->loc = KR_LOC_OF(e);
    KR_TRY(kr_cg_expr(c, e->v.Call.func));
    return kr_cg_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

static int
kr_cg_joined_str(kr_compiler *c, kr_expr *e)
{
    int n = KR_SEQ_LEN(e->v.JoinedStr.values);
    if (n > KR_STACK_USE_GUIDELINE) {
        KR_TRY(kr_cg_load_const_new(c, PyUnicode_FromString("")));
        KR_TRY(kr_cg_addop_name(c, LOAD_METHOD, "join"));
        KR_TRY(kr_cg_addop(c, BUILD_LIST, 0));
        for (int i = 0; i < n; i++) {
            KR_TRY(kr_cg_expr(c, e->v.JoinedStr.values->items[i]));
            KR_TRY(kr_cg_addop(c, LIST_APPEND, 1));
        }
        return kr_cg_addop(c, CALL, 1);
    }
    KR_TRY(kr_cg_exprs(c, e->v.JoinedStr.values));
    if (n != 1)
        KR_TRY(kr_cg_addop(c, BUILD_STRING, n));
    return 0;
}

static int
kr_cg_formatted_value(kr_compiler *c, kr_expr *e)
{
    KR_TRY(kr_cg_expr(c, e->v.FormattedValue.value));
    int oparg;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    case -1: oparg = 0; break;
    default:
        PyErr_Format(PyExc_SystemError, "Unrecognized conversion character %d",
                     e->v.FormattedValue.conversion);
        return -1;
    }
    if (e->v.FormattedValue.format_spec) {
        KR_TRY(kr_cg_expr(c, e->v.FormattedValue.format_spec));
        oparg |= 0x04;
    }
    return kr_cg_addop(c, FORMAT_VALUE, oparg);
}

static int
kr_cg_lambda(kr_compiler *c, kr_expr *e)
{
    kr_arguments *args = e->v.Lambda.args;
    KR_TRY(kr_cg_check_debug_args(c, args));
    int flags = 0;
    if (KR_SEQ_LEN(args->defaults) > 0) {
        KR_TRY(kr_cg_exprs(c, args->defaults));
        KR_TRY(kr_cg_addop(c, BUILD_TUPLE, args->defaults->n));
        flags |= 0x01;
    }
    {
        int nkw = 0;
        PyObject *keys = NULL;
        for (int i = 0; i < KR_SEQ_LEN(args->kwonlyargs); i++) {
            kr_expr *d = i < KR_SEQ_LEN(args->kw_defaults) ? args->kw_defaults->items[i] : NULL;
            if (d == NULL)
                continue;
            const char *m = kr_cg_mangle(c, args->kwonlyargs->items[i]->arg);
            if (m == NULL || (keys == NULL && (keys = PyList_New(0)) == NULL)) {
                Py_XDECREF(keys);
                return -1;
            }
            PyObject *k = kr_str_of(m);
            if (k == NULL || PyList_Append(keys, k) < 0 || kr_cg_expr(c, d) < 0) {
                Py_XDECREF(k);
                Py_DECREF(keys);
                return -1;
            }
            Py_DECREF(k);
            nkw++;
        }
        if (keys) {
            PyObject *t = PyList_AsTuple(keys);
            Py_DECREF(keys);
            KR_TRY(kr_cg_load_const_new(c, t));
            KR_TRY(kr_cg_addop(c, BUILD_CONST_KEY_MAP, nkw));
            flags |= 0x02;
        }
    }
    KR_TRY(kr_cg_enter_scope(c, "<lambda>", KR_SCOPE_LAMBDA, e, e->lineno));
    c->u->loc = KR_LOC_OF(e);
    if (kr_cg_add_const(c, Py_None) < 0)
        goto fail;
    c->u->argcount = KR_SEQ_LEN(args->args);
    c->u->posonlyargcount = KR_SEQ_LEN(args->posonlyargs);
    c->u->kwonlyargcount = KR_SEQ_LEN(args->kwonlyargs);
    if (kr_cg_expr(c, e->v.Lambda.body) < 0)
        goto fail;
    if (!c->u->ste->generator) {
        c->u->loc = KR_LOC_OF(e->v.Lambda.body);
        if (kr_cg_addop(c, RETURN_VALUE, 0) < 0)
            goto fail;
    }
    {
        PyCodeObject *co = kr_assemble(c, c->u->ste->generator ? 1 : 0);
        kr_nameset frees = c->u->freevars;
        memset(&c->u->freevars, 0, sizeof(kr_nameset));
        kr_cg_exit_scope(c);
        if (co == NULL) {
            kr_nameset_clear(&frees);
            return -1;
        }
        int r = kr_cg_make_closure(c, co, &frees, flags);
        kr_nameset_clear(&frees);
        Py_DECREF(co);
        return r;
    }
fail:
    kr_cg_exit_scope(c);
    return -1;
}

/* ---- comprehensions ----------------------------------------------------- */

static int kr_cg_comp_generator(kr_compiler *c, kr_comprehension_seq *gens, int idx,
                                int depth, kr_expr *elt, kr_expr *val, kr_comp_type type);

static int
kr_cg_comp_element(kr_compiler *c, int depth, kr_expr *elt, kr_expr *val, kr_comp_type type)
{
    switch (type) {
    case KR_COMP_GENEXP:
        KR_TRY(kr_cg_expr(c, elt));
        KR_TRY(kr_cg_add_yield(c));
        return kr_cg_addop(c, POP_TOP, 0);
    case KR_COMP_LIST:
        KR_TRY(kr_cg_expr(c, elt));
        return kr_cg_addop(c, LIST_APPEND, depth + 1);
    case KR_COMP_SET:
        KR_TRY(kr_cg_expr(c, elt));
        return kr_cg_addop(c, SET_ADD, depth + 1);
    case KR_COMP_DICT:
        KR_TRY(kr_cg_expr(c, elt));
        KR_TRY(kr_cg_expr(c, val));
        return kr_cg_addop(c, MAP_ADD, depth + 1);
    default:
        return 0;
    }
}

static int
kr_cg_sync_comp_generator(kr_compiler *c, kr_comprehension_seq *gens, int idx, int depth,
                          kr_expr *elt, kr_expr *val, kr_comp_type type)
{
    kr_block *start = kr_cg_new_block(c), *if_cleanup = kr_cg_new_block(c);
    kr_block *anchor = kr_cg_new_block(c);
    if (!start || !if_cleanup || !anchor)
        return -1;
    kr_comprehension *gen = gens->items[idx];
    if (idx == 0) {
        c->u->argcount = 1;
        KR_TRY(kr_cg_addop(c, LOAD_FAST, 0));
    } else {
        kr_expr_seq *elts = NULL;
        if (gen->iter->kind == KR_List)
            elts = gen->iter->v.List.elts;
        else if (gen->iter->kind == KR_Tuple)
            elts = gen->iter->v.Tuple.elts;
        if (KR_SEQ_LEN(elts) == 1 && elts->items[0]->kind != KR_Starred) {
            KR_TRY(kr_cg_expr(c, elts->items[0]));
            start = NULL;
        }
        if (start) {
            KR_TRY(kr_cg_expr(c, gen->iter));
            KR_TRY(kr_cg_addop(c, GET_ITER, 0));
        }
    }
    if (start) {
        depth++;
        kr_cg_use_block(c, start);
        KR_TRY(kr_cg_addjump(c, FOR_ITER, anchor));
    }
    KR_TRY(kr_cg_expr(c, gen->target));
    for (int i = 0; i < KR_SEQ_LEN(gen->ifs); i++)
        KR_TRY(kr_cg_jump_if(c, gen->ifs->items[i], if_cleanup, 0));
    if (++idx < gens->n)
        KR_TRY(kr_cg_comp_generator(c, gens, idx, depth, elt, val, type));
    if (idx >= gens->n)
        KR_TRY(kr_cg_comp_element(c, depth, elt, val, type));
    kr_cg_use_block(c, if_cleanup);
    if (start) {
        KR_TRY(kr_cg_addjump(c, JUMP, start));
        kr_cg_use_block(c, anchor);
    }
    return 0;
}

static int
kr_cg_async_comp_generator(kr_compiler *c, kr_comprehension_seq *gens, int idx, int depth,
                           kr_expr *elt, kr_expr *val, kr_comp_type type)
{
    kr_block *start = kr_cg_new_block(c), *except = kr_cg_new_block(c);
    kr_block *if_cleanup = kr_cg_new_block(c);
    if (!start || !except || !if_cleanup)
        return -1;
    kr_comprehension *gen = gens->items[idx];
    if (idx == 0) {
        c->u->argcount = 1;
        KR_TRY(kr_cg_addop(c, LOAD_FAST, 0));
    } else {
        KR_TRY(kr_cg_expr(c, gen->iter));
        KR_TRY(kr_cg_addop(c, GET_AITER, 0));
    }
    kr_cg_use_block(c, start);
    KR_TRY(kr_cg_push_fblock(c, KR_FB_ASYNC_COMPREHENSION_GENERATOR, start, NULL, NULL));
    KR_TRY(kr_cg_addjump(c, KR_SETUP_FINALLY, except));
    KR_TRY(kr_cg_addop(c, GET_ANEXT, 0));
    KR_TRY(kr_cg_load_const(c, Py_None));
    KR_TRY(kr_cg_add_yield_from(c, 1));
    KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
    KR_TRY(kr_cg_expr(c, gen->target));
    for (int i = 0; i < KR_SEQ_LEN(gen->ifs); i++)
        KR_TRY(kr_cg_jump_if(c, gen->ifs->items[i], if_cleanup, 0));
    depth++;
    if (++idx < gens->n)
        KR_TRY(kr_cg_comp_generator(c, gens, idx, depth, elt, val, type));
    if (idx >= gens->n)
        KR_TRY(kr_cg_comp_element(c, depth, elt, val, type));
    kr_cg_use_block(c, if_cleanup);
    KR_TRY(kr_cg_addjump(c, JUMP, start));
    kr_cg_pop_fblock(c);
    kr_cg_use_block(c, except);
    return kr_cg_addop(c, END_ASYNC_FOR, 0);
}

static int
kr_cg_comp_generator(kr_compiler *c, kr_comprehension_seq *gens, int idx, int depth,
                     kr_expr *elt, kr_expr *val, kr_comp_type type)
{
    if (gens->items[idx]->is_async)
        return kr_cg_async_comp_generator(c, gens, idx, depth, elt, val, type);
    return kr_cg_sync_comp_generator(c, gens, idx, depth, elt, val, type);
}

static int
kr_cg_comprehension(kr_compiler *c, kr_expr *e, const char *name, kr_comp_type type,
                    kr_comprehension_seq *gens, kr_expr *elt, kr_expr *val)
{
    kr_scope_type outer_scope = c->u->scope_type;
    int top_level_await = (c->cf_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) &&
                          c->u->ste->type == KR_BLOCK_MODULE;
    kr_comprehension *outermost = gens->items[0];
    for (int i = 0; i < gens->n; i++)
        KR_TRY(kr_cg_fold_iter(c, gens->items[i]->iter));
    KR_TRY(kr_cg_enter_scope(c, name, KR_SCOPE_COMPREHENSION, e, e->lineno));
    c->u->loc = KR_LOC_OF(e);
    int is_async_gen = c->u->ste->coroutine;
    if (is_async_gen && type != KR_COMP_GENEXP && outer_scope != KR_SCOPE_ASYNC_FUNCTION &&
        outer_scope != KR_SCOPE_COMPREHENSION && !top_level_await) {
        kr_cg_error(c, "asynchronous comprehension outside of an asynchronous function");
        goto fail;
    }
    if (type != KR_COMP_GENEXP) {
        int op = type == KR_COMP_LIST ? BUILD_LIST : type == KR_COMP_SET ? BUILD_SET : BUILD_MAP;
        if (kr_cg_addop(c, op, 0) < 0)
            goto fail;
    }
    if (kr_cg_comp_generator(c, gens, 0, 0, elt, val, type) < 0)
        goto fail;
    if (type != KR_COMP_GENEXP && kr_cg_addop(c, RETURN_VALUE, 0) < 0)
        goto fail;
    {
        PyCodeObject *co = kr_assemble(c, 1);
        kr_nameset frees = c->u->freevars;
        memset(&c->u->freevars, 0, sizeof(kr_nameset));
        kr_cg_exit_scope(c);
        if (top_level_await && is_async_gen)
            c->u->ste->coroutine = 1;
        if (co == NULL) {
            kr_nameset_clear(&frees);
            return -1;
        }
        int r = kr_cg_make_closure(c, co, &frees, 0);
        kr_nameset_clear(&frees);
        Py_DECREF(co);
        KR_TRY(r);
    }
    KR_TRY(kr_cg_expr(c, outermost->iter));
    KR_TRY(kr_cg_addop(c, outermost->is_async ? GET_AITER : GET_ITER, 0));
    KR_TRY(kr_cg_addop(c, CALL, 0));
    if (is_async_gen && type != KR_COMP_GENEXP) {
        KR_TRY(kr_cg_addop(c, GET_AWAITABLE, 0));
        KR_TRY(kr_cg_load_const(c, Py_None));
        KR_TRY(kr_cg_add_yield_from(c, 1));
    }
    return 0;
fail:
    kr_cg_exit_scope(c);
    return -1;
}

static int
kr_cg_slice(kr_compiler *c, kr_expr *e)
{
    int n = 2;
    if (e->v.Slice.lower)
        KR_TRY(kr_cg_expr(c, e->v.Slice.lower));
    else
        KR_TRY(kr_cg_load_const(c, Py_None));
    if (e->v.Slice.upper)
        KR_TRY(kr_cg_expr(c, e->v.Slice.upper));
    else
        KR_TRY(kr_cg_load_const(c, Py_None));
    if (e->v.Slice.step) {
        n++;
        KR_TRY(kr_cg_expr(c, e->v.Slice.step));
    }
    return kr_cg_addop(c, BUILD_SLICE, n);
}

static int
kr_cg_expr1(kr_compiler *c, kr_expr *e)
{
    kr_ste *ste = c->u->ste;
    switch (e->kind) {
    case KR_NamedExpr:
        KR_TRY(kr_cg_expr(c, e->v.NamedExpr.value));
        KR_TRY(kr_cg_addop(c, COPY, 1));
        return kr_cg_expr(c, e->v.NamedExpr.target);
    case KR_BoolOp: {
        int op = e->v.BoolOp.op == KR_And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
        kr_block *end = kr_cg_new_block(c);
        if (end == NULL)
            return -1;
        kr_expr_seq *s = e->v.BoolOp.values;
        for (int i = 0; i < s->n - 1; i++) {
            KR_TRY(kr_cg_expr(c, s->items[i]));
            KR_TRY(kr_cg_addjump(c, op, end));
        }
        KR_TRY(kr_cg_expr(c, s->items[s->n - 1]));
        kr_cg_use_block(c, end);
        return 0;
    }
    case KR_BinOp: {
        static const int ops[] = {
            [KR_Add] = KR_NB_ADD, [KR_Sub] = KR_NB_SUBTRACT, [KR_Mult] = KR_NB_MULTIPLY,
            [KR_MatMult] = KR_NB_MATRIX_MULTIPLY, [KR_Div] = KR_NB_TRUE_DIVIDE,
            [KR_Mod] = KR_NB_REMAINDER, [KR_Pow] = KR_NB_POWER, [KR_LShift] = KR_NB_LSHIFT,
            [KR_RShift] = KR_NB_RSHIFT, [KR_BitOr] = KR_NB_OR, [KR_BitXor] = KR_NB_XOR,
            [KR_BitAnd] = KR_NB_AND, [KR_FloorDiv] = KR_NB_FLOOR_DIVIDE,
        };
        KR_TRY(kr_cg_expr(c, e->v.BinOp.left));
        KR_TRY(kr_cg_expr(c, e->v.BinOp.right));
        return kr_cg_addop(c, BINARY_OP, ops[e->v.BinOp.op]);
    }
    case KR_UnaryOp: {
        kr_expr *operand = e->v.UnaryOp.operand;
        if (e->v.UnaryOp.op == KR_Not && operand->kind == KR_Compare &&
            KR_SEQ_LEN(operand->v.Compare.ops) == 1) {
            /* not (a is b) -> a is not b, as CPython's AST optimizer */
            int op = operand->v.Compare.ops->items[0], inv = 0;
            switch (op) {
            case KR_Is: inv = KR_IsNot; break;
            case KR_IsNot: inv = KR_Is; break;
            case KR_In: inv = KR_NotIn; break;
            case KR_NotIn: inv = KR_In; break;
            }
            if (inv) {
                KR_TRY(kr_check_compare(c, operand));
                KR_TRY(kr_cg_expr(c, operand->v.Compare.left));
                KR_TRY(kr_cg_expr(c, operand->v.Compare.comparators->items[0]));
                return kr_cg_compare_op(c, inv);
            }
        }
        KR_TRY(kr_cg_expr(c, operand));
        switch (e->v.UnaryOp.op) {
        case KR_Invert: return kr_cg_addop(c, UNARY_INVERT, 0);
        case KR_Not: return kr_cg_addop(c, UNARY_NOT, 0);
        case KR_UAdd: return kr_cg_addop(c, UNARY_POSITIVE, 0);
        case KR_USub: return kr_cg_addop(c, UNARY_NEGATIVE, 0);
        }
        return -1;
    }
    case KR_Lambda:
        return kr_cg_lambda(c, e);
    case KR_IfExp: {
        kr_block *end = kr_cg_new_block(c), *next = kr_cg_new_block(c);
        if (!end || !next)
            return -1;
        KR_TRY(kr_cg_jump_if(c, e->v.IfExp.test, next, 0));
        KR_TRY(kr_cg_expr(c, e->v.IfExp.body));
        KR_TRY(kr_cg_addjump_noline(c, JUMP, end));
        kr_cg_use_block(c, next);
        KR_TRY(kr_cg_expr(c, e->v.IfExp.orelse));
        kr_cg_use_block(c, end);
        return 0;
    }
    case KR_Dict:
        return kr_cg_dict(c, e);
    case KR_Set:
        return kr_cg_starunpack(c, e->v.Set.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, 0);
    case KR_GeneratorExp:
        return kr_cg_comprehension(c, e, "<genexpr>", KR_COMP_GENEXP,
                                   e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
    case KR_ListComp:
        return kr_cg_comprehension(c, e, "<listcomp>", KR_COMP_LIST,
                                   e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case KR_SetComp:
        return kr_cg_comprehension(c, e, "<setcomp>", KR_COMP_SET,
                                   e->v.SetComp.generators, e->v.SetComp.elt, NULL);
    case KR_DictComp:
        return kr_cg_comprehension(c, e, "<dictcomp>", KR_COMP_DICT,
                                   e->v.DictComp.generators, e->v.DictComp.key,
                                   e->v.DictComp.value);
    case KR_Yield:
        if (ste->type != KR_BLOCK_FUNCTION)
            return kr_cg_error(c, "'yield' outside function");
        if (e->v.Yield.value)
            KR_TRY(kr_cg_expr(c, e->v.Yield.value));
        else
            KR_TRY(kr_cg_load_const(c, Py_None));
        return kr_cg_add_yield(c);
    case KR_YieldFrom:
        if (ste->type != KR_BLOCK_FUNCTION)
            return kr_cg_error(c, "'yield' outside function");
        if (c->u->scope_type == KR_SCOPE_ASYNC_FUNCTION)
            return kr_cg_error(c, "'yield from' inside async function");
        KR_TRY(kr_cg_expr(c, e->v.YieldFrom.value));
        KR_TRY(kr_cg_addop(c, GET_YIELD_FROM_ITER, 0));
        KR_TRY(kr_cg_load_const(c, Py_None));
        return kr_cg_add_yield_from(c, 0);
    case KR_Await:
        if (!((c->cf_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) && ste->type == KR_BLOCK_MODULE)) {
            if (ste->type != KR_BLOCK_FUNCTION)
                return kr_cg_error(c, "'await' outside function");
            if (c->u->scope_type != KR_SCOPE_ASYNC_FUNCTION &&
                c->u->scope_type != KR_SCOPE_COMPREHENSION)
                return kr_cg_error(c, "'await' outside async function");
        }
        KR_TRY(kr_cg_expr(c, e->v.Await.value));
        KR_TRY(kr_cg_addop(c, GET_AWAITABLE, 0));
        KR_TRY(kr_cg_load_const(c, Py_None));
        return kr_cg_add_yield_from(c, 1);
    case KR_Compare:
        return kr_cg_compare(c, e);
    case KR_Call:
        return kr_cg_call(c, e);
    case KR_Constant: {
        PyObject *v = kr_cg_constant(c, &e->v.Constant.value);
        if (v == NULL)
            return -1;
        return kr_cg_load_const_new(c, v);
    }
    case KR_JoinedStr:
        return kr_cg_joined_str(c, e);
    case KR_FormattedValue:
        return kr_cg_formatted_value(c, e);
    case KR_Attribute:
        KR_TRY(kr_cg_expr(c, e->v.Attribute.value));
        kr_update_start_to_attr_loc(&c->u->loc, e);
        switch (e->v.Attribute.ctx) {
        case KR_Load:
            return kr_cg_addop_name(c, LOAD_ATTR, e->v.Attribute.attr);
        case KR_Store:
            if (kr_cg_forbidden_name(c, e->v.Attribute.attr, KR_Store))
                return -1;
            return kr_cg_addop_name(c, STORE_ATTR, e->v.Attribute.attr);
        case KR_Del:
            return kr_cg_addop_name(c, DELETE_ATTR, e->v.Attribute.attr);
        }
        return -1;
    case KR_Subscript: {
        int op = e->v.Subscript.ctx == KR_Load ? BINARY_SUBSCR :
                 e->v.Subscript.ctx == KR_Store ? STORE_SUBSCR : DELETE_SUBSCR;
        if (e->v.Subscript.ctx == KR_Load) {
            KR_TRY(kr_check_subscripter(c, e->v.Subscript.value));
            KR_TRY(kr_check_index(c, e->v.Subscript.value, e->v.Subscript.slice));
        }
        KR_TRY(kr_cg_expr(c, e->v.Subscript.value));
        KR_TRY(kr_cg_expr(c, e->v.Subscript.slice));
        return kr_cg_addop(c, op, 0);
    }
    case KR_Starred:
        if (e->v.Starred.ctx == KR_Store)
            return kr_cg_error(c, "starred assignment target must be in a list or tuple");
        return kr_cg_error(c, "can't use starred expression here");
    case KR_Slice:
        return kr_cg_slice(c, e);
    case KR_Name:
        return kr_cg_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case KR_List:
        return kr_cg_sequence(c, e, e->v.List.elts, e->v.List.ctx, 0);
    case KR_Tuple:
        return kr_cg_sequence(c, e, e->v.Tuple.elts, e->v.Tuple.ctx, 1);
    }
    PyErr_SetString(PyExc_SystemError, "compiler: unknown expression kind");
    return -1;
}

/* ---- "..." % (a, b): CPython's AST optimizer turns it into an f-string
 * when every conversion is a plain %s/%r/%a (with at most a small width
 * and precision). */

static kr_expr *
kr_new_str_const(kr_compiler *c, const char *s, size_t len)
{
    kr_expr *k = kr_arena_alloc(c->arena, sizeof(kr_expr));
    char *copy = kr_arena_strndup(c->arena, s, len);
    if (k == NULL || copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    k->kind = KR_Constant;
    k->lineno = k->col_offset = k->end_lineno = k->end_col_offset = -1;
    k->v.Constant.value.kind = KR_CONST_STR;
    k->v.Constant.value.u.s.bytes = copy;
    k->v.Constant.value.u.s.len = len;
    return k;
}

/* literal run starting at *pos, with %% unescaped; NULL when empty */
static kr_expr *
kr_format_literal(kr_compiler *c, const char *f, size_t len, size_t *pos, int *err)
{
    size_t start = *pos, p = start;
    int has_percents = 0;
    while (p < len) {
        if (f[p] != '%')
            p++;
        else if (p + 1 < len && f[p + 1] == '%') {
            has_percents = 1;
            p += 2;
        } else
            break;
    }
    *pos = p;
    if (p == start)
        return NULL;
    char *buf = kr_arena_alloc(c->arena, p - start + 1);
    if (buf == NULL) {
        *err = 1;
        PyErr_NoMemory();
        return NULL;
    }
    size_t k = 0;
    for (size_t i = start; i < p; i++) {
        buf[k++] = f[i];
        if (has_percents && f[i] == '%' && i + 1 < p && f[i + 1] == '%')
            i++;
    }
    kr_expr *r = kr_new_str_const(c, buf, k);
    if (r == NULL)
        *err = 1;
    return r;
}

/* one conversion after '%'; NULL when not a simple %s/%r/%a */
static kr_expr *
kr_format_arg(kr_compiler *c, const char *f, size_t len, size_t *pos, kr_expr *arg, int *err)
{
    size_t p = *pos;
    int ljust = 0, width = -1, prec = -1, ch;
#define KR_NEXTC do { if (p >= len) return NULL; ch = (unsigned char)f[p++]; } while (0)
    for (;;) {
        KR_NEXTC;
        if (ch == '-') { ljust = 1; continue; }
        if (ch == '+' || ch == ' ' || ch == '#' || ch == '0')
            continue;
        break;
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            width = width * 10 + (ch - '0');
            KR_NEXTC;
            if (++digits >= 3)
                return NULL;
        }
    }
    if (ch == '.') {
        KR_NEXTC;
        prec = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            prec = prec * 10 + (ch - '0');
            KR_NEXTC;
            if (++digits >= 3)
                return NULL;
        }
    }
#undef KR_NEXTC
    if (ch != 's' && ch != 'r' && ch != 'a')
        return NULL;
    *pos = p;
    char spec[32], *q = spec;
    if (!ljust && width > 0)
        *q++ = '>';
    if (width >= 0)
        q += snprintf(q, 8, "%d", width);
    if (prec >= 0)
        q += snprintf(q, 8, ".%d", prec);
    kr_expr *fmt_spec = NULL;
    if (q != spec) {
        kr_expr *k = kr_new_str_const(c, spec, (size_t)(q - spec));
        fmt_spec = kr_arena_alloc(c->arena, sizeof(kr_expr));
        kr_expr_seq *vals = kr_arena_alloc(c->arena, sizeof(kr_expr_seq) + sizeof(kr_expr *));
        if (k == NULL || fmt_spec == NULL || vals == NULL) {
            *err = 1;
            if (!PyErr_Occurred())
                PyErr_NoMemory();
            return NULL;
        }
        vals->n = 1;
        vals->items[0] = k;
        fmt_spec->kind = KR_JoinedStr;
        fmt_spec->lineno = fmt_spec->col_offset = -1;
        fmt_spec->end_lineno = fmt_spec->end_col_offset = -1;
        fmt_spec->v.JoinedStr.values = vals;
    }
    kr_expr *fv = kr_arena_alloc(c->arena, sizeof(kr_expr));
    if (fv == NULL) {
        *err = 1;
        PyErr_NoMemory();
        return NULL;
    }
    fv->kind = KR_FormattedValue;
    fv->lineno = arg->lineno;
    fv->col_offset = arg->col_offset;
    fv->end_lineno = arg->end_lineno;
    fv->end_col_offset = arg->end_col_offset;
    fv->v.FormattedValue.value = arg;
    fv->v.FormattedValue.conversion = ch;
    fv->v.FormattedValue.format_spec = fmt_spec;
    return fv;
}

static int
kr_optimize_format(kr_compiler *c, kr_expr *e)
{
    kr_expr *rhs = e->v.BinOp.right;
    if (rhs->kind != KR_Tuple)
        return 0;
    PyObject *lv = kr_cg_fold(c, e->v.BinOp.left);
    if (lv == NULL || !PyUnicode_Check(lv) || kr_cg_fold(c, rhs) != NULL)
        return 0;
    kr_expr_seq *elts = rhs->v.Tuple.elts;
    int nelts = KR_SEQ_LEN(elts);
    for (int i = 0; i < nelts; i++)
        if (elts->items[i]->kind == KR_Starred)
            return 0;
    Py_ssize_t flen;
    const char *f = PyUnicode_AsUTF8AndSize(lv, &flen);
    if (f == NULL) {
        PyErr_Clear();
        return 0;
    }
    kr_expr_seq *seq = kr_arena_alloc(c->arena, sizeof(kr_expr_seq) +
                                      sizeof(kr_expr *) * (size_t)(nelts * 2 + 1));
    if (seq == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    seq->n = 0;
    size_t pos = 0, len = (size_t)flen;
    int cnt = 0, err = 0;
    for (;;) {
        kr_expr *lit = kr_format_literal(c, f, len, &pos, &err);
        if (err)
            return -1;
        if (lit)
            seq->items[seq->n++] = lit;
        if (pos >= len)
            break;
        if (cnt >= nelts)
            return 0;
        pos++;
        kr_expr *fv = kr_format_arg(c, f, len, &pos, elts->items[cnt], &err);
        cnt++;
        if (fv == NULL)
            return err ? -1 : 0;
        seq->items[seq->n++] = fv;
    }
    if (cnt < nelts)
        return 0;
    e->kind = KR_JoinedStr;
    e->v.JoinedStr.values = seq;
    return 0;
}

int
kr_cg_expr(kr_compiler *c, kr_expr *e)
{
    if (e->kind == KR_BinOp && e->v.BinOp.op == KR_Mod)
        KR_TRY(kr_optimize_format(c, e));
    KR_TRY(kr_cg_enter_recursion(c));
    kr_location saved = c->u->loc;
    c->u->loc = KR_LOC_OF(e);
    int r;
    PyObject *folded = NULL;
    switch (e->kind) {
    case KR_BinOp: case KR_UnaryOp: case KR_Tuple: case KR_Subscript: case KR_Name:
    case KR_Set:
        folded = kr_cg_fold(c, e);
        break;
    default:
        break;
    }
    if (folded != NULL)
        r = kr_cg_load_const(c, folded);
    else
        r = kr_cg_expr1(c, e);
    c->u->loc = saved;
    c->depth--;
    return r;
}
