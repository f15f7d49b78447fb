/* codegen_pattern.c: match statements, compiled as CPython 3.11 does.
 *
 * The subject stays on the stack while patterns test it; names a pattern
 * captures are kept on the stack (rotated under whatever is still being
 * examined) and stored only once the whole case has matched.  A failing
 * test jumps to a "fail_pop" block that pops exactly the number of items
 * on the stack at that point.  Also the compile-time pattern errors. */
#include "internal.h"
#include "compiler/codegen.h"

typedef struct kr_pc {
    const char **stores;     /* names captured so far, in stack order */
    int nstores, capstores;
    int allow_irrefutable;
    kr_block **fail_pop;
    int fail_pop_size;
    int on_top;
} kr_pc;

#define KR_WILDCARD(p) ((p)->kind == KR_MatchAs && !(p)->v.MatchAs.name)
#define KR_WILDCARD_STAR(p) ((p)->kind == KR_MatchStar && !(p)->v.MatchStar.name)

static int kr_cg_pattern(kr_compiler *c, kr_pattern *p, kr_pc *pc);

static int
kr_pc_has(kr_pc *pc, const char *name)
{
    for (int i = 0; i < pc->nstores; i++)
        if (strcmp(pc->stores[i], name) == 0)
            return i;
    return -1;
}

static int
kr_pc_append(kr_pc *pc, const char *name)
{
    if (pc->nstores + 1 > pc->capstores) {
        int cap = pc->capstores ? pc->capstores * 2 : 8;
        const char **ns = realloc(pc->stores, sizeof(char *) * (size_t)cap);
        if (ns == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        pc->stores = ns;
        pc->capstores = cap;
    }
    pc->stores[pc->nstores++] = name;
    return 0;
}

static int
kr_ensure_fail_pop(kr_compiler *c, kr_pc *pc, int n)
{
    int size = n + 1;
    if (size <= pc->fail_pop_size)
        return 0;
    kr_block **nf = realloc(pc->fail_pop, sizeof(kr_block *) * (size_t)size);
    if (nf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    pc->fail_pop = nf;
    while (pc->fail_pop_size < size) {
        kr_block *b = kr_cg_new_block(c);
        if (b == NULL)
            return -1;
        pc->fail_pop[pc->fail_pop_size++] = b;
    }
    return 0;
}

static int
kr_jump_to_fail_pop(kr_compiler *c, kr_pc *pc, int op)
{
    int pops = pc->on_top + pc->nstores;
    KR_TRY(kr_ensure_fail_pop(c, pc, pops));
    return kr_cg_addjump(c, op, pc->fail_pop[pops]);
}

static int
kr_emit_and_reset_fail_pop(kr_compiler *c, kr_pc *pc)
{
    if (!pc->fail_pop_size)
        return 0;
    while (--pc->fail_pop_size) {
        kr_cg_use_block(c, pc->fail_pop[pc->fail_pop_size]);
        if (kr_cg_addop(c, POP_TOP, 0) < 0) {
            pc->fail_pop_size = 0;
            free(pc->fail_pop);
            pc->fail_pop = NULL;
            return -1;
        }
    }
    kr_cg_use_block(c, pc->fail_pop[0]);
    free(pc->fail_pop);
    pc->fail_pop = NULL;
    return 0;
}

static int
kr_rotate(kr_compiler *c, int count)
{
    while (1 < count)
        KR_TRY(kr_cg_addop(c, SWAP, count--));
    return 0;
}

static int
kr_error_duplicate_store(kr_compiler *c, const char *name)
{
    return kr_cg_error(c, "multiple assignments to name '%s' in pattern", name);
}

static int
kr_store_name(kr_compiler *c, const char *name, kr_pc *pc)
{
    if (name == NULL)
        return kr_cg_addop(c, POP_TOP, 0);
    if (kr_cg_forbidden_name(c, name, KR_Store))
        return -1;
    if (kr_pc_has(pc, name) >= 0)
        return kr_error_duplicate_store(c, name);
    KR_TRY(kr_rotate(c, pc->on_top + pc->nstores + 1));
    return kr_pc_append(pc, name);
}

static int
kr_pattern_unpack_helper(kr_compiler *c, kr_pattern_seq *elts)
{
    int n = KR_SEQ_LEN(elts), seen_star = 0;
    for (int i = 0; i < n; i++) {
        kr_pattern *elt = elts->items[i];
        if (elt->kind == KR_MatchStar && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (INT_MAX >> 8))
                return kr_cg_error(c, "too many expressions in star-unpacking sequence pattern");
            KR_TRY(kr_cg_addop(c, UNPACK_EX, i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == KR_MatchStar) {
            return kr_cg_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star)
        KR_TRY(kr_cg_addop(c, UNPACK_SEQUENCE, n));
    return 0;
}

static int
kr_subpattern(kr_compiler *c, kr_pattern *p, kr_pc *pc)
{
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    KR_TRY(kr_cg_pattern(c, p, pc));
    pc->allow_irrefutable = allow;
    return 0;
}

static int
kr_sequence_unpack(kr_compiler *c, kr_pattern_seq *patterns, kr_pc *pc)
{
    KR_TRY(kr_pattern_unpack_helper(c, patterns));
    int size = KR_SEQ_LEN(patterns);
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        KR_TRY(kr_subpattern(c, patterns->items[i], pc));
    }
    return 0;
}

static int
kr_sequence_subscr(kr_compiler *c, kr_pattern_seq *patterns, int star, kr_pc *pc)
{
    pc->on_top++;
    int size = KR_SEQ_LEN(patterns);
    for (int i = 0; i < size; i++) {
        kr_pattern *p = patterns->items[i];
        if (KR_WILDCARD(p) || i == star)
            continue;
        KR_TRY(kr_cg_addop(c, COPY, 1));
        if (i < star) {
            KR_TRY(kr_cg_load_const_new(c, PyLong_FromLong(i)));
        } else {
            KR_TRY(kr_cg_addop(c, GET_LEN, 0));
            KR_TRY(kr_cg_load_const_new(c, PyLong_FromLong(size - i)));
            KR_TRY(kr_cg_addop(c, BINARY_OP, KR_NB_SUBTRACT));
        }
        KR_TRY(kr_cg_addop(c, BINARY_SUBSCR, 0));
        KR_TRY(kr_subpattern(c, p, pc));
    }
    pc->on_top--;
    return kr_cg_addop(c, POP_TOP, 0);
}

static int
kr_pattern_as(kr_compiler *c, kr_pattern *p, kr_pc *pc)
{
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return kr_cg_error(c, "name capture '%s' makes remaining patterns unreachable",
                                   p->v.MatchAs.name);
            return kr_cg_error(c, "wildcard makes remaining patterns unreachable");
        }
        return kr_store_name(c, p->v.MatchAs.name, pc);
    }
    pc->on_top++;
    KR_TRY(kr_cg_addop(c, COPY, 1));
    KR_TRY(kr_cg_pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return kr_store_name(c, p->v.MatchAs.name, pc);
}

static int
kr_pattern_class(kr_compiler *c, kr_pattern *p, kr_pc *pc)
{
    kr_pattern_seq *patterns = p->v.MatchClass.patterns;
    kr_ident_seq *attrs = p->v.MatchClass.kwd_attrs;
    kr_pattern_seq *kwd = p->v.MatchClass.kwd_patterns;
    int nargs = KR_SEQ_LEN(patterns), nattrs = KR_SEQ_LEN(attrs);
    if (nattrs != KR_SEQ_LEN(kwd))
        return kr_cg_error(c, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern",
                           nattrs, KR_SEQ_LEN(kwd));
    if (nattrs) {
        for (int i = 0; i < nattrs; i++) {
            c->u->loc = KR_LOC_OF(kwd->items[i]);
            if (kr_cg_forbidden_name(c, attrs->items[i], KR_Store))
                return -1;
            for (int j = i + 1; j < nattrs; j++) {
                if (strcmp(attrs->items[i], attrs->items[j]) == 0) {
                    c->u->loc = KR_LOC_OF(kwd->items[j]);
                    return kr_cg_error(c, "attribute name repeated in class pattern: %s",
                                       attrs->items[i]);
                }
            }
        }
        c->u->loc = KR_LOC_OF(p);
    }
    KR_TRY(kr_cg_expr(c, p->v.MatchClass.cls));
    PyObject *names = PyTuple_New(nattrs);
    if (names == NULL)
        return -1;
    for (int i = 0; i < nattrs; i++) {
        PyObject *o = PyUnicode_FromString(attrs->items[i]);
        if (o == NULL) {
            Py_DECREF(names);
            return -1;
        }
        PyUnicode_InternInPlace(&o);
        PyTuple_SET_ITEM(names, i, o);
    }
    KR_TRY(kr_cg_load_const_new(c, names));
    KR_TRY(kr_cg_addop(c, MATCH_CLASS, nargs));
    KR_TRY(kr_cg_addop(c, COPY, 1));
    KR_TRY(kr_cg_load_const(c, Py_None));
    KR_TRY(kr_cg_addop(c, IS_OP, 1));
    pc->on_top++;
    KR_TRY(kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    KR_TRY(kr_cg_addop(c, UNPACK_SEQUENCE, nargs + nattrs));
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        kr_pattern *sub = i < nargs ? patterns->items[i] : kwd->items[i - nargs];
        if (KR_WILDCARD(sub)) {
            KR_TRY(kr_cg_addop(c, POP_TOP, 0));
            continue;
        }
        KR_TRY(kr_subpattern(c, sub, pc));
    }
    return 0;
}

static int
kr_pattern_mapping(kr_compiler *c, kr_pattern *p, kr_pc *pc)
{
    kr_expr_seq *keys = p->v.MatchMapping.keys;
    kr_pattern_seq *patterns = p->v.MatchMapping.patterns;
    int size = KR_SEQ_LEN(keys), npatterns = KR_SEQ_LEN(patterns);
    if (size != npatterns)
        return kr_cg_error(c, "keys (%d) / patterns (%d) length mismatch in mapping pattern",
                           size, npatterns);
    const char *star_target = p->v.MatchMapping.rest;
    pc->on_top++;
    KR_TRY(kr_cg_addop(c, MATCH_MAPPING, 0));
    KR_TRY(kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    if (!size && !star_target) {
        pc->on_top--;
        return kr_cg_addop(c, POP_TOP, 0);
    }
    if (size) {
        KR_TRY(kr_cg_addop(c, GET_LEN, 0));
        KR_TRY(kr_cg_load_const_new(c, PyLong_FromLong(size)));
        KR_TRY(kr_cg_compare_op(c, KR_GtE));
        KR_TRY(kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    }
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL)
        return -1;
    for (int i = 0; i < size; i++) {
        kr_expr *key = keys->items[i];
        PyObject *v = key ? kr_cg_fold(c, key) : NULL;
        if (key != NULL && v != NULL && key->kind != KR_Attribute) {
            int in = PySet_Contains(seen, v);
            if (in < 0)
                goto error;
            if (in) {
                PyObject *r = PyObject_Repr(v);
                if (r != NULL) {
                    kr_cg_error(c, "mapping pattern checks duplicate key (%U)", r);
                    Py_DECREF(r);
                }
                goto error;
            }
            if (PySet_Add(seen, v) < 0)
                goto error;
        } else if (key == NULL || key->kind != KR_Attribute) {
            kr_cg_error(c, "mapping pattern keys may only match literals and attribute lookups");
            goto error;
        }
        if (kr_cg_expr(c, key) < 0)
            goto error;
    }
    Py_DECREF(seen);
    KR_TRY(kr_cg_addop(c, BUILD_TUPLE, size));
    KR_TRY(kr_cg_addop(c, MATCH_KEYS, 0));
    pc->on_top += 2;
    KR_TRY(kr_cg_addop(c, COPY, 1));
    KR_TRY(kr_cg_load_const(c, Py_None));
    KR_TRY(kr_cg_addop(c, IS_OP, 1));
    KR_TRY(kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    KR_TRY(kr_cg_addop(c, UNPACK_SEQUENCE, size));
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        KR_TRY(kr_subpattern(c, patterns->items[i], pc));
    }
    pc->on_top -= 2;
    if (star_target) {
        KR_TRY(kr_cg_addop(c, BUILD_MAP, 0));
        KR_TRY(kr_cg_addop(c, SWAP, 3));
        KR_TRY(kr_cg_addop(c, DICT_UPDATE, 2));
        KR_TRY(kr_cg_addop(c, UNPACK_SEQUENCE, size));
        while (size) {
            KR_TRY(kr_cg_addop(c, COPY, 1 + size--));
            KR_TRY(kr_cg_addop(c, SWAP, 2));
            KR_TRY(kr_cg_addop(c, DELETE_SUBSCR, 0));
        }
        return kr_store_name(c, star_target, pc);
    }
    KR_TRY(kr_cg_addop(c, POP_TOP, 0));
    return kr_cg_addop(c, POP_TOP, 0);
error:
    Py_DECREF(seen);
    return -1;
}

static int
kr_pattern_or(kr_compiler *c, kr_pattern *p, kr_pc *pc)
{
    kr_block *end = kr_cg_new_block(c);
    if (end == NULL)
        return -1;
    int size = KR_SEQ_LEN(p->v.MatchOr.patterns);
    kr_pc old = *pc;
    const char **control = NULL;
    int ncontrol = 0;
    kr_pc alt_pc;
    memset(&alt_pc, 0, sizeof alt_pc);
    int r = -1;
    for (int i = 0; i < size; i++) {
        kr_pattern *alt = p->v.MatchOr.patterns->items[i];
        c->u->loc = KR_LOC_OF(alt);
        free(alt_pc.stores);
        memset(&alt_pc, 0, sizeof alt_pc);
        alt_pc.allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
        if (kr_cg_addop(c, COPY, 1) < 0 || kr_cg_pattern(c, alt, &alt_pc) < 0)
            goto error;
        int nstores = alt_pc.nstores;
        if (i == 0) {
            control = malloc(sizeof(char *) * (size_t)(nstores + 1));
            if (control == NULL) {
                PyErr_NoMemory();
                goto error;
            }
            if (nstores)
                memcpy(control, alt_pc.stores, sizeof(char *) * (size_t)nstores);
            ncontrol = nstores;
        } else if (nstores != ncontrol) {
            goto diff;
        } else if (nstores) {
            int icontrol = nstores;
            while (icontrol--) {
                const char *name = control[icontrol];
                int istores = kr_pc_has(&alt_pc, name);
                if (istores < 0)
                    goto diff;
                if (icontrol != istores) {
                    int rotations = istores + 1;
                    /* rotated = stores[:rotations]; del stores[:rotations];
                       stores[icontrol-istores:icontrol-istores] = rotated */
                    const char **tmp = malloc(sizeof(char *) * (size_t)nstores);
                    if (tmp == NULL) {
                        PyErr_NoMemory();
                        goto error;
                    }
                    int k = 0, at = icontrol - istores;
                    const char **rest = alt_pc.stores + rotations;
                    int nrest = nstores - rotations;
                    for (int j = 0; j < at && j < nrest; j++)
                        tmp[k++] = rest[j];
                    for (int j = 0; j < rotations; j++)
                        tmp[k++] = alt_pc.stores[j];
                    for (int j = at; j < nrest; j++)
                        tmp[k++] = rest[j];
                    memcpy(alt_pc.stores, tmp, sizeof(char *) * (size_t)nstores);
                    free(tmp);
                    while (rotations--)
                        if (kr_rotate(c, icontrol + 1) < 0)
                            goto error;
                }
            }
        }
        if (kr_cg_addjump(c, JUMP, end) < 0 || kr_emit_and_reset_fail_pop(c, &alt_pc) < 0)
            goto error;
    }
    free(alt_pc.stores);
    alt_pc.stores = NULL;
    *pc = old;
    if (kr_cg_addop(c, POP_TOP, 0) < 0 || kr_jump_to_fail_pop(c, pc, JUMP) < 0)
        goto error;
    kr_cg_use_block(c, end);
    {
        int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
        for (int i = 0; i < ncontrol; i++) {
            if (kr_rotate(c, nrots) < 0)
                goto error;
            if (kr_pc_has(pc, control[i]) >= 0) {
                kr_error_duplicate_store(c, control[i]);
                goto error;
            }
            if (kr_pc_append(pc, control[i]) < 0)
                goto error;
        }
    }
    free(control);
    return kr_cg_addop(c, POP_TOP, 0);
diff:
    kr_cg_error(c, "alternative patterns bind different names");
error:
    free(alt_pc.stores);
    free(alt_pc.fail_pop);
    free(control);
    *pc = old;
    return r;
}

static int
kr_pattern_sequence(kr_compiler *c, kr_pattern *p, kr_pc *pc)
{
    kr_pattern_seq *patterns = p->v.MatchSequence.patterns;
    int size = KR_SEQ_LEN(patterns), star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < size; i++) {
        kr_pattern *q = patterns->items[i];
        if (q->kind == KR_MatchStar) {
            if (star >= 0)
                return kr_cg_error(c, "multiple starred names in sequence pattern");
            star_wildcard = KR_WILDCARD_STAR(q);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= KR_WILDCARD(q);
    }
    pc->on_top++;
    KR_TRY(kr_cg_addop(c, MATCH_SEQUENCE, 0));
    KR_TRY(kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    if (star < 0) {
        KR_TRY(kr_cg_addop(c, GET_LEN, 0));
        KR_TRY(kr_cg_load_const_new(c, PyLong_FromLong(size)));
        KR_TRY(kr_cg_compare_op(c, KR_Eq));
        KR_TRY(kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    } else if (size != 1) {
        KR_TRY(kr_cg_addop(c, GET_LEN, 0));
        KR_TRY(kr_cg_load_const_new(c, PyLong_FromLong(size - 1)));
        KR_TRY(kr_cg_compare_op(c, KR_GtE));
        KR_TRY(kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard)
        return kr_cg_addop(c, POP_TOP, 0);
    if (star_wildcard)
        return kr_sequence_subscr(c, patterns, star, pc);
    return kr_sequence_unpack(c, patterns, pc);
}

static int
kr_cg_pattern(kr_compiler *c, kr_pattern *p, kr_pc *pc)
{
    KR_TRY(kr_cg_enter_recursion(c));
    c->u->loc = KR_LOC_OF(p);
    int r = -1;
    switch (p->kind) {
    case KR_MatchValue: {
        kr_expr *v = p->v.MatchValue.value;
        if (v->kind != KR_Attribute && kr_cg_fold(c, v) == NULL) {
            r = kr_cg_error(c, "patterns may only match literals and attribute lookups");
            break;
        }
        if (kr_cg_expr(c, v) < 0 || kr_cg_compare_op(c, KR_Eq) < 0)
            break;
        r = kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE);
        break;
    }
    case KR_MatchSingleton: {
        PyObject *v = kr_cg_constant(c, &p->v.MatchSingleton.value);
        if (v == NULL || kr_cg_load_const_new(c, v) < 0 || kr_cg_compare_op(c, KR_Is) < 0)
            break;
        r = kr_jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE);
        break;
    }
    case KR_MatchSequence:
        r = kr_pattern_sequence(c, p, pc);
        break;
    case KR_MatchMapping:
        r = kr_pattern_mapping(c, p, pc);
        break;
    case KR_MatchClass:
        r = kr_pattern_class(c, p, pc);
        break;
    case KR_MatchStar:
        r = kr_store_name(c, p->v.MatchStar.name, pc);
        break;
    case KR_MatchAs:
        r = kr_pattern_as(c, p, pc);
        break;
    case KR_MatchOr:
        r = kr_pattern_or(c, p, pc);
        break;
    }
    c->depth--;
    return r;
}

static int
kr_cg_match_inner(kr_compiler *c, kr_stmt *s, kr_pc *pc)
{
    KR_TRY(kr_cg_expr(c, s->v.Match.subject));
    kr_block *end = kr_cg_new_block(c);
    if (end == NULL)
        return -1;
    int cases = KR_SEQ_LEN(s->v.Match.cases);
    kr_match_case *m = s->v.Match.cases->items[cases - 1];
    int has_default = KR_WILDCARD(m->pattern) && 1 < cases;
    for (int i = 0; i < cases - has_default; i++) {
        m = s->v.Match.cases->items[i];
        c->u->loc = KR_LOC_OF(m->pattern);
        if (i != cases - has_default - 1)
            KR_TRY(kr_cg_addop(c, COPY, 1));
        pc->nstores = 0;
        pc->allow_irrefutable = m->guard != NULL || i == cases - 1;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        KR_TRY(kr_cg_pattern(c, m->pattern, pc));
        for (int n = 0; n < pc->nstores; n++)
            KR_TRY(kr_cg_nameop(c, pc->stores[n], KR_Store));
        if (m->guard) {
            KR_TRY(kr_ensure_fail_pop(c, pc, 0));
            KR_TRY(kr_cg_jump_if(c, m->guard, pc->fail_pop[0], 0));
        }
        if (i != cases - has_default - 1)
            KR_TRY(kr_cg_addop(c, POP_TOP, 0));
        KR_TRY(kr_cg_stmts(c, m->body));
        KR_TRY(kr_cg_addjump(c, JUMP, end));
        c->u->loc = KR_LOC_OF(m->pattern);
        KR_TRY(kr_emit_and_reset_fail_pop(c, pc));
    }
    if (has_default) {
        m = s->v.Match.cases->items[cases - 1];
        c->u->loc = KR_LOC_OF(m->pattern);
        if (cases == 1)
            KR_TRY(kr_cg_addop(c, POP_TOP, 0));
        else
            KR_TRY(kr_cg_addop(c, NOP, 0));
        if (m->guard)
            KR_TRY(kr_cg_jump_if(c, m->guard, end, 0));
        KR_TRY(kr_cg_stmts(c, m->body));
    }
    kr_cg_use_block(c, end);
    return 0;
}

int
kr_cg_match(kr_compiler *c, kr_stmt *s)
{
    kr_pc pc;
    memset(&pc, 0, sizeof pc);
    int r = kr_cg_match_inner(c, s, &pc);
    free(pc.fail_pop);
    free(pc.stores);
    return r;
}
