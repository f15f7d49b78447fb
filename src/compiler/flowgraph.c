/* flowgraph.c: the compiler's back end.  Owns basic blocks and
 * instruction emission, and turns a finished unit into a code object:
 *
 *   peephole (PUSH_NULL+LOAD_GLOBAL, constant conditions)
 *   -> stack depths (which also tells which blocks are reachable)
 *   -> exception labelling: every instruction learns its handler from the
 *      SETUP_* / POP_BLOCK brackets, which then become NOPs
 *   -> layout: drop unreachable blocks, jumps to the next block, NOPs
 *      that carry no line of their own; propagate line numbers
 *   -> words (+ zeroed inline cache words), exception table, the
 *      locals-plus layout (cells that are also arguments share the slot),
 *      co_flags.
 * Blocks are split after every jump and terminator, so a jump is always
 * the last instruction of its block. */
#include "internal.h"
#include "compiler/codegen.h"

static int
kr_is_jump_op(int op)
{
    switch (op) {
    case JUMP: case JUMP_NO_INTERRUPT: case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
    case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP: case FOR_ITER:
    case SEND:
        return 1;
    }
    return 0;
}

static int
kr_is_setup_op(int op)
{
    return op == KR_SETUP_FINALLY || op == KR_SETUP_CLEANUP || op == KR_SETUP_WITH;
}

/* no fall-through after these */
static int
kr_is_terminator(int op)
{
    return op == JUMP || op == JUMP_NO_INTERRUPT || op == RETURN_VALUE ||
           op == RAISE_VARARGS || op == RERAISE;
}

int
kr_opcode_stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case NOP: case RESUME: case SWAP: case UNARY_POSITIVE: case UNARY_NEGATIVE:
    case UNARY_NOT: case UNARY_INVERT: case GET_ITER: case GET_YIELD_FROM_ITER:
    case DELETE_FAST: case DELETE_DEREF: case MAKE_CELL: case COPY_FREE_VARS:
    case DELETE_NAME: case DELETE_GLOBAL: case LOAD_ATTR: case LIST_TO_TUPLE:
    case JUMP: case JUMP_NO_INTERRUPT: case KW_NAMES: case RETURN_GENERATOR:
    case YIELD_VALUE: case GET_AWAITABLE: case GET_AITER: case ASYNC_GEN_WRAP:
    case CHECK_EXC_MATCH: case CHECK_EG_MATCH: case SETUP_ANNOTATIONS:
    case KR_POP_BLOCK:
        return 0;
    case POP_TOP: case BINARY_OP: case BINARY_SUBSCR: case COMPARE_OP:
    case IS_OP: case CONTAINS_OP: case STORE_FAST: case STORE_DEREF:
    case STORE_NAME: case STORE_GLOBAL: case DELETE_ATTR: case LIST_APPEND:
    case SET_ADD: case LIST_EXTEND: case SET_UPDATE: case DICT_UPDATE:
    case DICT_MERGE: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: case RETURN_VALUE:
    case RERAISE: case POP_EXCEPT: case PREP_RERAISE_STAR: case IMPORT_NAME:
    case IMPORT_STAR: case PRINT_EXPR:
        return -1;
    case PUSH_NULL: case COPY: case GET_LEN: case LOAD_CONST: case LOAD_FAST:
    case LOAD_CLOSURE: case LOAD_DEREF: case LOAD_CLASSDEREF: case LOAD_NAME:
    case LOAD_METHOD: case LOAD_BUILD_CLASS: case LOAD_ASSERTION_ERROR:
    case GET_ANEXT: case BEFORE_WITH: case BEFORE_ASYNC_WITH:
    case WITH_EXCEPT_START: case PUSH_EXC_INFO: case IMPORT_FROM:
    case MATCH_MAPPING: case MATCH_SEQUENCE: case MATCH_KEYS: case LOAD_LOCALS:
        return 1;
    case STORE_SUBSCR:
        return -3;
    case DELETE_SUBSCR: case STORE_ATTR: case MAP_ADD: case END_ASYNC_FOR:
    case MATCH_CLASS:
        return -2;
    case LOAD_GLOBAL:
        return 1 + (arg & 1);
    case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING:
        return 1 - arg;
    case BUILD_MAP:
        return 1 - 2 * arg;
    case BUILD_CONST_KEY_MAP:
        return -arg;
    case BUILD_SLICE:
        return arg == 3 ? -2 : -1;
    case UNPACK_SEQUENCE:
        return arg - 1;
    case UNPACK_EX:
        return (arg & 0xff) + (arg >> 8);
    case FORMAT_VALUE:
        return (arg & 0x04) ? -1 : 0;
    case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case FOR_ITER:
        return jump > 0 ? -1 : 1;
    case CALL:
        return -1 - arg;
    case CALL_FUNCTION_EX:
        return -2 - ((arg & 1) != 0);
    case MAKE_FUNCTION:
        return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) -
               ((arg & 8) != 0);
    case SEND:
        return jump > 0 ? -1 : 0;
    case RAISE_VARARGS:
        return -arg;
    case KR_SETUP_FINALLY: case KR_SETUP_WITH:
        return jump ? 1 : 0;
    case KR_SETUP_CLEANUP:
        return jump ? 2 : 0;
    }
    return INT_MAX;
}

int
PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg, int jump)
{
    return kr_opcode_stack_effect(opcode, oparg, jump);
}

int
PyCompile_OpcodeStackEffect(int opcode, int oparg)
{
    return kr_opcode_stack_effect(opcode, oparg, -1);
}

/* ---- emission ----------------------------------------------------------- */

kr_block *
kr_cg_new_block(kr_compiler *c)
{
    kr_block *b = calloc(1, sizeof(kr_block));
    if (b == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    b->startdepth = -1;
    b->alloc_next = c->u->blocks;
    c->u->blocks = b;
    return b;
}

void
kr_cg_use_block(kr_compiler *c, kr_block *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
}

void
kr_unit_free_blocks(kr_unit *u)
{
    kr_block *b = u->blocks;
    while (b) {
        kr_block *n = b->alloc_next;
        free(b->instrs);
        free(b->exstack);
        free(b);
        b = n;
    }
    u->blocks = NULL;
}

static kr_instr *
kr_block_append(kr_block *b)
{
    if (b->n + 1 > b->cap) {
        int cap = b->cap ? b->cap * 2 : 16;
        kr_instr *ni = realloc(b->instrs, (size_t)cap * sizeof(kr_instr));
        if (ni == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        b->instrs = ni;
        b->cap = cap;
    }
    kr_instr *i = &b->instrs[b->n++];
    memset(i, 0, sizeof(*i));
    return i;
}

static int
kr_cg_emit(kr_compiler *c, int op, int arg, kr_block *target, int noline)
{
    if (arg < 0 || arg > KR_MAX_ARG) {
        PyErr_SetString(PyExc_SystemError, "code too large");
        return -1;
    }
    kr_instr *i = kr_block_append(c->u->cur);
    if (i == NULL)
        return -1;
    i->op = op;
    i->arg = arg;
    i->target = target;
    i->loc = c->u->loc;
    if (noline)
        i->loc.lineno = -1;
    if (kr_is_jump_op(op) || kr_is_terminator(op)) {
        /* start a fresh block so that jumps end their block */
        kr_block *nb = kr_cg_new_block(c);
        if (nb == NULL)
            return -1;
        kr_cg_use_block(c, nb);
    }
    return 0;
}

int
kr_cg_addop(kr_compiler *c, int op, int arg)
{
    return kr_cg_emit(c, op, arg, NULL, 0);
}

int
kr_cg_addop_noline(kr_compiler *c, int op, int arg)
{
    return kr_cg_emit(c, op, arg, NULL, 1);
}

int
kr_cg_addjump(kr_compiler *c, int op, kr_block *target)
{
    return kr_cg_emit(c, op, 0, target, 0);
}

int
kr_cg_addjump_noline(kr_compiler *c, int op, kr_block *target)
{
    return kr_cg_emit(c, op, 0, target, 1);
}

/* ---- passes ------------------------------------------------------------- */

static int
kr_known_truth(PyObject *v)
{
    /* truthiness of constants whose truth cannot run user code */
    if (v == Py_None || PyBool_Check(v) || PyLong_CheckExact(v) ||
        PyFloat_CheckExact(v) || PyUnicode_CheckExact(v) ||
        KR_BYTES_CHECK_EXACT(v) || PyTuple_CheckExact(v) ||
        PyComplex_CheckExact(v))
        return PyObject_IsTrue(v);
    return -1;
}

/* BUILD_TUPLE n after n LOAD_CONSTs becomes one LOAD_CONST of the tuple */
static int
kr_fold_tuple(kr_compiler *c, kr_block *b, int i)
{
    kr_instr *in = &b->instrs[i];
    int n = in->arg;
    if (n > i)
        return 0;
    for (int k = i - n; k < i; k++)
        if (b->instrs[k].op != LOAD_CONST)
            return 0;
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return -1;
    for (int k = 0; k < n; k++) {
        PyObject *v = PyList_GET_ITEM(c->u->consts, b->instrs[i - n + k].arg);
        Py_INCREF(v);
        PyTuple_SET_ITEM(t, k, v);
    }
    int idx = kr_cg_add_const(c, t);
    Py_DECREF(t);
    if (idx < 0)
        return -1;
    for (int k = i - n; k < i; k++)
        b->instrs[k].op = NOP;
    in->op = LOAD_CONST;
    in->arg = idx;
    return 0;
}

static int
kr_peephole(kr_compiler *c, kr_unit *u)
{
    for (kr_block *b = u->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            kr_instr *in = &b->instrs[i];
            if (in->op == BUILD_TUPLE) {
                if (i + 1 < b->n && b->instrs[i + 1].op == UNPACK_SEQUENCE &&
                    b->instrs[i + 1].arg == in->arg && in->arg >= 1 && in->arg <= 3) {
                    /* a, b = b, a: no tuple at all */
                    in->op = NOP;
                    if (in->arg == 1) {
                        b->instrs[i + 1].op = NOP;
                    } else {
                        b->instrs[i + 1].op = SWAP;
                    }
                    continue;
                }
                if (kr_fold_tuple(c, b, i) < 0)
                    return -1;
            } else if (in->op == PUSH_NULL && i + 1 < b->n &&
                b->instrs[i + 1].op == LOAD_GLOBAL && !(b->instrs[i + 1].arg & 1)) {
                in->op = NOP;
                b->instrs[i + 1].arg |= 1;
            } else if (in->op == LOAD_CONST && i + 2 < b->n &&
                       b->instrs[i + 1].op == IS_OP &&
                       PyList_GET_ITEM(u->consts, in->arg) == Py_None &&
                       (b->instrs[i + 2].op == POP_JUMP_IF_FALSE ||
                        b->instrs[i + 2].op == POP_JUMP_IF_TRUE)) {
                /* x is None + jump: one POP_JUMP_IF_[NOT_]NONE */
                int invert = b->instrs[i + 1].arg;
                if (b->instrs[i + 2].op == POP_JUMP_IF_FALSE)
                    invert = !invert;
                in->op = NOP;
                b->instrs[i + 1].op = NOP;
                b->instrs[i + 2].op = invert ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
            } else if (in->op == LOAD_CONST && i + 1 < b->n &&
                       (b->instrs[i + 1].op == POP_JUMP_IF_FALSE ||
                        b->instrs[i + 1].op == POP_JUMP_IF_TRUE)) {
                PyObject *v = PyList_GET_ITEM(u->consts, in->arg);
                int t = kr_known_truth(v);
                if (t < 0) {
                    PyErr_Clear();
                    continue;
                }
                kr_instr *j = &b->instrs[i + 1];
                int jump_if = j->op == POP_JUMP_IF_TRUE;
                in->op = NOP;
                if (t == jump_if) {
                    j->op = JUMP;
                } else {
                    j->op = NOP;
                    j->target = NULL;
                }
            }
        }
    }
    return 0;
}

/* co_consts without the trailing constants no reachable instruction
 * loads (CPython 3.11 trims only the tail; co_consts[0] stays, as it may
 * be the docstring, unless it is the None this file added itself for an
 * implicit return that turned out unreachable). */
static PyObject *
kr_used_consts(kr_unit *u, int implicit_none)
{
    Py_ssize_t n = PyList_GET_SIZE(u->consts);
    int none_used = 0;
    Py_ssize_t keep = 1;
    for (kr_block *b = u->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            kr_instr *in = &b->instrs[i];
            if (in->op != LOAD_CONST && in->op != KW_NAMES)
                continue;
            if (in->arg == implicit_none)
                none_used = 1;
            if (in->arg + 1 > keep)
                keep = in->arg + 1;
        }
    PyObject *l = PyList_GetSlice(u->consts, 0, keep > n ? n : keep);
    if (l == NULL || implicit_none < 0 || none_used || implicit_none >= PyList_GET_SIZE(l))
        return l;
    /* the None added for an implicit return nobody reaches */
    if (PyList_SetSlice(l, implicit_none, implicit_none + 1, NULL) < 0) {
        Py_DECREF(l);
        return NULL;
    }
    for (kr_block *b = u->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            kr_instr *in = &b->instrs[i];
            if ((in->op == LOAD_CONST || in->op == KW_NAMES) && in->arg > implicit_none)
                in->arg--;
        }
    return l;
}

/* A jump to a small block that leaves the frame is replaced by a copy of
 * that block (CPython's extend_block), so each copy gets its own line. */
static int
kr_inline_exits(kr_unit *u)
{
    for (kr_block *b = u->entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        kr_instr *last = &b->instrs[b->n - 1];
        if (last->op != JUMP || last->target == NULL)
            continue;
        kr_block *t = last->target;
        while (t && t->n == 0)
            t = t->next;
        if (t == NULL || t == b || t->n > 4)
            continue;
        int op = t->instrs[t->n - 1].op;
        if (op != RETURN_VALUE && op != RAISE_VARARGS && op != RERAISE)
            continue;
        last->op = NOP;
        last->target = NULL;
        int need = b->n + t->n;
        if (need > b->cap) {
            kr_instr *ni = realloc(b->instrs, sizeof(kr_instr) * (size_t)need);
            if (ni == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            b->instrs = ni;
            b->cap = need;
        }
        memcpy(b->instrs + b->n, t->instrs, sizeof(kr_instr) * (size_t)t->n);
        b->n = need;
    }
    return 0;
}

typedef struct kr_worklist {
    kr_block **items;
    int n, cap;
} kr_worklist;

static int
kr_wl_push(kr_worklist *w, kr_block *b)
{
    if (w->n + 1 > w->cap) {
        int cap = w->cap ? w->cap * 2 : 32;
        kr_block **ni = realloc(w->items, (size_t)cap * sizeof(*ni));
        if (ni == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        w->items = ni;
        w->cap = cap;
    }
    w->items[w->n++] = b;
    return 0;
}

static int
kr_depth_push(kr_worklist *w, kr_block *b, int depth)
{
    if (b->startdepth < 0) {
        b->startdepth = depth;
        return kr_wl_push(w, b);
    }
    if (b->startdepth != depth) {
        PyErr_Format(PyExc_SystemError, "compiler: inconsistent stack depth (%d vs %d)",
                     b->startdepth, depth);
        return -1;
    }
    return 0;
}

static int
kr_stackdepth(kr_unit *u, int *maxdepth)
{
    kr_worklist w = {0};
    int maxd = 0;
    if (kr_depth_push(&w, u->entry, 0) < 0)
        goto fail;
    while (w.n > 0) {
        kr_block *b = w.items[--w.n];
        int depth = b->startdepth;
        int falls = 1;
        for (int i = 0; i < b->n; i++) {
            kr_instr *in = &b->instrs[i];
            int eff = kr_opcode_stack_effect(in->op, in->arg, 0);
            /* the generator resumes with the sent value pushed */
            if (in->op == RETURN_GENERATOR)
                eff = 1;
            if (eff == INT_MAX) {
                PyErr_Format(PyExc_SystemError, "compiler: unknown opcode %d", in->op);
                goto fail;
            }
            int nd = depth + eff;
            if (nd < 0) {
                PyErr_Format(PyExc_SystemError, "compiler: stack underflow at %s",
                             in->op < KR_NUM_OPCODES ? kr_opcode_names[in->op] : "pseudo");
                goto fail;
            }
            if (nd > maxd)
                maxd = nd;
            if (in->target) {
                int td = depth + kr_opcode_stack_effect(in->op, in->arg, 1);
                if (td > maxd)
                    maxd = td;
                if (kr_depth_push(&w, in->target, td) < 0)
                    goto fail;
            }
            depth = nd;
            if (kr_is_terminator(in->op)) {
                falls = 0;
                break;
            }
        }
        if (falls && b->next && kr_depth_push(&w, b->next, depth) < 0)
            goto fail;
    }
    free(w.items);
    *maxdepth = maxd;
    return 0;
fail:
    free(w.items);
    return -1;
}

static int
kr_set_exstack(kr_block *b, kr_block **stack, int depth)
{
    b->exstack = malloc(sizeof(kr_block *) * (size_t)(depth + 1));
    if (b->exstack == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (depth)
        memcpy(b->exstack, stack, sizeof(kr_block *) * (size_t)depth);
    b->exdepth = depth;
    b->visited = 1;
    return 0;
}

static int
kr_label_exceptions(kr_unit *u)
{
    kr_worklist w = {0};
    kr_block *stack[KR_MAX_FBLOCKS * 3 + 8];
    if (kr_set_exstack(u->entry, NULL, 0) < 0 || kr_wl_push(&w, u->entry) < 0)
        goto fail;
    while (w.n > 0) {
        kr_block *b = w.items[--w.n];
        int depth = b->exdepth;
        if (depth)
            memcpy(stack, b->exstack, sizeof(kr_block *) * (size_t)depth);
        int falls = 1;
        for (int i = 0; i < b->n; i++) {
            kr_instr *in = &b->instrs[i];
            kr_block *top = depth ? stack[depth - 1] : NULL;
            if (kr_is_setup_op(in->op)) {
                kr_block *t = in->target;
                if (!t->visited) {
                    if (kr_set_exstack(t, stack, depth) < 0 || kr_wl_push(&w, t) < 0)
                        goto fail;
                }
                t->except_handler = 1;
                if (in->op != KR_SETUP_FINALLY)
                    t->preserve_lasti = 1;
                if (depth >= (int)(sizeof stack / sizeof stack[0])) {
                    PyErr_SetString(PyExc_SystemError, "compiler: handler stack overflow");
                    goto fail;
                }
                stack[depth++] = t;
                in->op = NOP;
                in->target = NULL;
                continue;
            }
            if (in->op == KR_POP_BLOCK) {
                if (depth > 0)
                    depth--;
                in->op = NOP;
                continue;
            }
            in->handler = top;
            if (in->target && !in->target->visited) {
                if (kr_set_exstack(in->target, stack, depth) < 0 ||
                    kr_wl_push(&w, in->target) < 0)
                    goto fail;
            }
            if (kr_is_terminator(in->op)) {
                falls = 0;
                break;
            }
        }
        if (falls && b->next && !b->next->visited) {
            if (kr_set_exstack(b->next, stack, depth) < 0 || kr_wl_push(&w, b->next) < 0)
                goto fail;
        }
    }
    free(w.items);
    return 0;
fail:
    free(w.items);
    return -1;
}

static kr_block *
kr_next_nonempty(kr_block *b)
{
    while (b && b->n == 0)
        b = b->next;
    return b;
}

static void
kr_remove_nops(kr_block *b)
{
    int out = 0;
    for (int i = 0; i < b->n; i++) {
        kr_instr *in = &b->instrs[i];
        if (in->op == NOP) {
            int line = in->loc.lineno;
            int drop = line < 0;
            if (!drop && out > 0 && b->instrs[out - 1].loc.lineno == line)
                drop = 1;
            if (!drop && i + 1 < b->n && b->instrs[i + 1].loc.lineno == line)
                drop = 1;
            if (!drop && i + 1 == b->n) {
                kr_block *nb = kr_next_nonempty(b->next);
                if (nb && nb->instrs[0].loc.lineno == line)
                    drop = 1;
            }
            if (drop)
                continue;
        }
        b->instrs[out++] = *in;
    }
    b->n = out;
}

static int
kr_is_exit_without_line(kr_block *b)
{
    int op = b->instrs[b->n - 1].op;
    if (op != RETURN_VALUE && op != RAISE_VARARGS && op != RERAISE)
        return 0;
    for (int i = 0; i < b->n; i++)
        if (b->instrs[i].loc.lineno >= 0)
            return 0;
    return 1;
}

static void
kr_layout(kr_unit *u)
{
    /* drop unreachable blocks from the chain */
    kr_block *prev = u->entry;
    for (kr_block *b = u->entry->next; b; b = b->next) {
        if (b->startdepth < 0) {
            b->n = 0;
            continue;
        }
        prev->next = b;
        prev = b;
    }
    prev->next = NULL;
    for (kr_block *b = u->entry; b; b = b->next) {
        if (b->startdepth < 0)
            b->n = 0;
    }
    /* thread jumps to jumps; drop jumps to the very next instruction */
    for (kr_block *b = u->entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        kr_instr *last = &b->instrs[b->n - 1];
        if (last->target == NULL)
            continue;
        for (int guard = 0; guard < 100; guard++) {
            kr_block *t = kr_next_nonempty(last->target);
            if (t == NULL || t->instrs[0].op != JUMP || t->instrs[0].target == NULL)
                break;
            if ((last->op == JUMP || last->op == POP_JUMP_IF_FALSE ||
                 last->op == POP_JUMP_IF_TRUE || last->op == POP_JUMP_IF_NONE ||
                 last->op == POP_JUMP_IF_NOT_NONE) &&
                t->instrs[0].target != last->target) {
                last->target = t->instrs[0].target;
                continue;
            }
            break;
        }
        if (last->op == JUMP || last->op == JUMP_NO_INTERRUPT) {
            if (kr_next_nonempty(last->target) == kr_next_nonempty(b->next) &&
                kr_next_nonempty(b->next) != NULL) {
                last->op = NOP;
                last->target = NULL;
                if (last->loc.lineno < 0)
                    b->n--;
            }
        }
    }
    for (kr_block *b = u->entry; b; b = b->next)
        kr_remove_nops(b);
    /* predecessors, for line propagation */
    for (kr_block *b = u->entry; b; b = b->next)
        b->preds = 0;
    kr_block *last_nonempty = NULL;
    for (kr_block *b = u->entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        if (last_nonempty == NULL)
            b->preds++;
        else if (!kr_is_terminator(last_nonempty->instrs[last_nonempty->n - 1].op))
            b->preds++;
        last_nonempty = b;
        kr_instr *l = &b->instrs[b->n - 1];
        if (l->target) {
            kr_block *t = kr_next_nonempty(l->target);
            if (t)
                t->preds++;
        }
        for (int i = 0; i < b->n; i++)
            if (b->instrs[i].handler) {
                kr_block *t = kr_next_nonempty(b->instrs[i].handler);
                if (t)
                    t->preds += 2;   /* never inherit a line from a raiser */
            }
    }
    /* an exit block without a line reached by several jumps gets one copy
       per jump, carrying the jump's line (CPython's
       duplicate_exits_without_lineno), so `return None` at the end of a
       function reports the line of the path that got there */
    for (kr_block *b = u->entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        kr_instr *l = &b->instrs[b->n - 1];
        if (l->target == NULL || !kr_is_jump_op(l->op))
            continue;
        kr_block *t = kr_next_nonempty(l->target);
        if (t == NULL || t->preds <= 1 || !kr_is_exit_without_line(t))
            continue;
        kr_block *copy = calloc(1, sizeof(kr_block));
        kr_instr *ci = copy ? malloc(sizeof(kr_instr) * (size_t)t->n) : NULL;
        if (ci == NULL) {
            free(copy);
            continue;   /* only line numbers are lost */
        }
        memcpy(ci, t->instrs, sizeof(kr_instr) * (size_t)t->n);
        copy->instrs = ci;
        copy->n = copy->cap = t->n;
        copy->startdepth = t->startdepth;
        copy->preds = 1;
        copy->alloc_next = u->blocks;
        u->blocks = copy;
        ci[0].loc = l->loc;
        l->target = copy;
        t->preds--;
        copy->next = t->next;
        t->next = copy;
    }
    for (kr_block *b = u->entry; b; b = b->next) {
        if (b->n == 0 || kr_is_terminator(b->instrs[b->n - 1].op))
            continue;
        kr_block *nb = kr_next_nonempty(b->next);
        if (nb && kr_is_exit_without_line(nb))
            nb->instrs[0].loc = b->instrs[b->n - 1].loc;
    }
    for (kr_block *b = u->entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        kr_location prev_loc = { -1, -1, -1, -1 };
        for (int i = 0; i < b->n; i++) {
            if (b->instrs[i].loc.lineno < 0)
                b->instrs[i].loc = prev_loc;
            else
                prev_loc = b->instrs[i].loc;
        }
        kr_instr *l = &b->instrs[b->n - 1];
        if (prev_loc.lineno < 0)
            continue;
        if (!kr_is_terminator(l->op)) {
            kr_block *nb = kr_next_nonempty(b->next);
            if (nb && nb->preds == 1 && nb->instrs[0].loc.lineno < 0)
                nb->instrs[0].loc = prev_loc;
        }
        if (l->target) {
            kr_block *t = kr_next_nonempty(l->target);
            if (t && t->preds == 1 && t->instrs[0].loc.lineno < 0)
                t->instrs[0].loc = prev_loc;
        }
    }
}

/* ---- code object -------------------------------------------------------- */

static PyObject *
kr_names_tuple(const kr_nameset *s)
{
    PyObject *t = PyTuple_New(s->n);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < s->n; i++) {
        PyObject *o = PyUnicode_DecodeUTF8(s->names[i], (Py_ssize_t)strlen(s->names[i]),
                                           "surrogatepass");
        if (o == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyUnicode_InternInPlace(&o);
        PyTuple_SET_ITEM(t, i, o);
    }
    return t;
}

static int
kr_code_flags(kr_compiler *c, kr_unit *u)
{
    kr_ste *ste = u->ste;
    int flags = 0;
    if (ste->type == KR_BLOCK_FUNCTION) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->nested)
            flags |= CO_NESTED;
        if (ste->generator && !ste->coroutine)
            flags |= CO_GENERATOR;
        if (!ste->generator && ste->coroutine)
            flags |= CO_COROUTINE;
        if (ste->generator && ste->coroutine)
            flags |= CO_ASYNC_GENERATOR;
        if (ste->varargs)
            flags |= CO_VARARGS;
        if (ste->varkeywords)
            flags |= CO_VARKEYWORDS;
    }
    flags |= c->future_flags & PyCF_MASK;
    if ((c->cf_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) && ste->coroutine &&
        !ste->generator && ste->type == KR_BLOCK_MODULE)
        flags |= CO_COROUTINE;
    return flags;
}

static int
kr_insert_prefix(kr_compiler *c, kr_unit *u, int flags, const int *cellslot,
                 int ncells, int nfree)
{
    kr_block *e = u->entry;
    int extra = ncells + (nfree ? 1 : 0) +
                ((flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) ? 2 : 0);
    if (extra == 0)
        return 0;
    kr_instr *ni = malloc(sizeof(kr_instr) * (size_t)(e->n + extra));
    if (ni == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int k = 0;
    kr_location none = { -1, -1, -1, -1 };
    if (nfree) {
        ni[k] = (kr_instr){ COPY_FREE_VARS, nfree, NULL, NULL, none };
        k++;
    }
    for (int i = 0; i < ncells; i++) {
        ni[k] = (kr_instr){ MAKE_CELL, cellslot[i], NULL, NULL, none };
        k++;
    }
    if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        kr_location l = { u->firstlineno, u->firstlineno, -1, -1 };
        ni[k] = (kr_instr){ RETURN_GENERATOR, 0, NULL, NULL, l };
        k++;
        ni[k] = (kr_instr){ POP_TOP, 0, NULL, NULL, none };
        k++;
    }
    if (e->n)
        memcpy(ni + k, e->instrs, sizeof(kr_instr) * (size_t)e->n);
    free(e->instrs);
    e->instrs = ni;
    e->n += extra;
    e->cap = e->n;
    return 0;
}

static int
kr_is_deref_op(int op)
{
    return op == LOAD_CLOSURE || op == LOAD_DEREF || op == STORE_DEREF ||
           op == DELETE_DEREF || op == LOAD_CLASSDEREF;
}

PyCodeObject *
kr_assemble(kr_compiler *c, int add_none)
{
    kr_unit *u = c->u;
    PyCodeObject *co = NULL;
    PyObject *consts = NULL, *names = NULL, *lpnames = NULL;
    unsigned char *kinds = NULL;
    int *cellslot = NULL;
    kr_word *words = NULL;
    kr_location *locs = NULL;
    kr_exc_entry *exc = NULL;

    /* every path that falls off the end returns */
    u->loc.lineno = -1;
    int implicit_none = -1;
    if (add_none) {
        PyObject *none = Py_None;
        Py_ssize_t idx = -1;
        /* find or add None */
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(u->consts); i++)
            if (PyList_GET_ITEM(u->consts, i) == none) {
                idx = i;
                break;
            }
        if (idx < 0) {
            implicit_none = (int)PyList_GET_SIZE(u->consts);
            idx = kr_cg_add_const(c, none);
            if (idx < 0)
                return NULL;
        }
        if (kr_cg_addop_noline(c, LOAD_CONST, (int)idx) < 0)
            return NULL;
    }
    if (kr_cg_addop_noline(c, RETURN_VALUE, 0) < 0)
        return NULL;

    int flags = kr_code_flags(c, u);
    int nlocals = u->varnames.n;
    int ncells = u->cellvars.n, nfree = u->freevars.n;

    /* locals-plus: cells that are also locals (arguments) share the slot */
    cellslot = malloc(sizeof(int) * (size_t)(ncells + nfree + 1));
    if (cellslot == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int nlp = nlocals;
    for (int i = 0; i < ncells; i++) {
        int vi = kr_nameset_index(&u->varnames, u->cellvars.names[i]);
        cellslot[i] = vi >= 0 ? vi : nlp++;
    }
    for (int i = 0; i < nfree; i++)
        cellslot[ncells + i] = nlp++;

    if (kr_peephole(c, u) < 0 || kr_inline_exits(u) < 0)
        goto done;
    if (kr_insert_prefix(c, u, flags, cellslot, ncells, nfree) < 0)
        goto done;
    int maxdepth = 0;
    if (kr_stackdepth(u, &maxdepth) < 0)
        goto done;
    if (kr_label_exceptions(u) < 0)
        goto done;
    kr_layout(u);
    {
        PyObject *l = kr_used_consts(u, implicit_none);
        if (l == NULL)
            goto done;
        consts = PyList_AsTuple(l);
        Py_DECREF(l);
        if (consts == NULL)
            goto done;
    }

    /* offsets */
    Py_ssize_t ncode = 0;
    for (kr_block *b = u->entry; b; b = b->next) {
        b->offset = (int)ncode;
        for (int i = 0; i < b->n; i++) {
            int op = b->instrs[i].op;
            ncode += 1 + (op < KR_NUM_OPCODES ? kr_opcode_caches[op] : 0);
        }
    }
    if (ncode > KR_MAX_ARG) {
        PyErr_SetString(PyExc_SystemError, "code too large");
        goto done;
    }
    words = calloc((size_t)ncode + 1, sizeof(kr_word));
    locs = malloc(sizeof(kr_location) * ((size_t)ncode + 1));
    if (words == NULL || locs == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int nexc = 0, capexc = 0;
    kr_block *cur_handler = NULL;
    Py_ssize_t pc = 0, range_start = 0;
    for (kr_block *b = u->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            kr_instr *in = &b->instrs[i];
            int arg = in->arg;
            if (in->target)
                arg = kr_next_nonempty(in->target) ? kr_next_nonempty(in->target)->offset
                                                   : (int)ncode;
            else if (kr_is_deref_op(in->op) || in->op == MAKE_CELL)
                arg = in->op == MAKE_CELL ? arg : cellslot[arg];
            if (in->handler != cur_handler) {
                if (cur_handler != NULL && pc > range_start) {
                    if (nexc + 1 > capexc) {
                        capexc = capexc ? capexc * 2 : 8;
                        kr_exc_entry *ne = realloc(exc, sizeof(kr_exc_entry) * (size_t)capexc);
                        if (ne == NULL) {
                            PyErr_NoMemory();
                            goto done;
                        }
                        exc = ne;
                    }
                    kr_block *h = cur_handler;
                    exc[nexc].start = (uint32_t)range_start;
                    exc[nexc].end = (uint32_t)pc;
                    exc[nexc].handler = (uint32_t)kr_next_nonempty(h)->offset;
                    exc[nexc].depth = (uint16_t)(h->startdepth - 1 - (h->preserve_lasti ? 1 : 0));
                    exc[nexc].lasti = h->preserve_lasti;
                    nexc++;
                }
                cur_handler = in->handler;
                range_start = pc;
            }
            words[pc] = KR_INSTR(in->op, arg);
            locs[pc] = in->loc;
            pc++;
            int nc = kr_opcode_caches[in->op];
            for (int k = 0; k < nc; k++) {
                words[pc] = 0;
                locs[pc] = in->loc;
                pc++;
            }
        }
    }
    if (cur_handler != NULL && pc > range_start) {
        kr_exc_entry *ne = realloc(exc, sizeof(kr_exc_entry) * (size_t)(nexc + 1));
        if (ne == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        exc = ne;
        exc[nexc].start = (uint32_t)range_start;
        exc[nexc].end = (uint32_t)pc;
        exc[nexc].handler = (uint32_t)kr_next_nonempty(cur_handler)->offset;
        exc[nexc].depth = (uint16_t)(cur_handler->startdepth - 1 -
                                     (cur_handler->preserve_lasti ? 1 : 0));
        exc[nexc].lasti = cur_handler->preserve_lasti;
        nexc++;
    }

    names = kr_names_tuple(&u->names);
    if (names == NULL)
        goto done;
    lpnames = PyTuple_New(nlp);
    kinds = calloc((size_t)nlp + 1, 1);
    if (lpnames == NULL || kinds == NULL) {
        if (kinds == NULL)
            PyErr_NoMemory();
        goto done;
    }
    {
        kr_nameset all = {0};
        const char **order = calloc((size_t)nlp + 1, sizeof(char *));
        if (order == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        for (int i = 0; i < nlocals; i++) {
            order[i] = u->varnames.names[i];
            kinds[i] = CO_FAST_LOCAL;
        }
        for (int i = 0; i < ncells; i++) {
            order[cellslot[i]] = u->cellvars.names[i];
            kinds[cellslot[i]] |= CO_FAST_CELL;
        }
        for (int i = 0; i < nfree; i++) {
            order[cellslot[ncells + i]] = u->freevars.names[i];
            kinds[cellslot[ncells + i]] = CO_FAST_FREE;
        }
        for (int i = 0; i < nlp; i++) {
            PyObject *o = PyUnicode_DecodeUTF8(order[i], (Py_ssize_t)strlen(order[i]),
                                               "surrogatepass");
            if (o == NULL) {
                free(order);
                goto done;
            }
            PyUnicode_InternInPlace(&o);
            PyTuple_SET_ITEM(lpnames, i, o);
        }
        free(order);
        kr_nameset_clear(&all);
    }

    kr_code_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.code = words;
    spec.ncode = ncode;
    spec.locations = locs;
    spec.exceptions = exc;
    spec.nexceptions = nexc;
    spec.consts = consts;
    spec.names = names;
    spec.localsplusnames = lpnames;
    spec.localspluskinds = kinds;
    spec.nlocals = nlocals;
    spec.ncellvars = ncells;
    spec.nfreevars = nfree;
    spec.argcount = u->argcount + u->posonlyargcount;
    spec.posonlyargcount = u->posonlyargcount;
    spec.kwonlyargcount = u->kwonlyargcount;
    spec.flags = flags;
    spec.stacksize = maxdepth;
    spec.firstlineno = u->firstlineno;
    spec.filename = c->filename;
    spec.name = u->name;
    spec.qualname = u->qualname ? u->qualname : u->name;
    co = kr_code_new(&spec);
done:
    Py_XDECREF(consts);
    Py_XDECREF(names);
    Py_XDECREF(lpnames);
    free(kinds);
    free(cellslot);
    free(words);
    free(locs);
    free(exc);
    return co;
}
