/* symtable.c: builds the symbol tables (symtable.h) from the AST and
 * resolves every name to LOCAL, CELL, FREE, GLOBAL_EXPLICIT or
 * GLOBAL_IMPLICIT, following Python 3.11's scoping rules: class bodies
 * are invisible to nested functions, comprehensions and generator
 * expressions are functions of their own receiving the outermost
 * iterable as ".0", walrus targets inside comprehensions bind in the
 * enclosing function, and a use of `super` inside a method makes the
 * class body create a __class__ cell.  Also raises the SyntaxErrors
 * CPython's symtable raises, with the same messages. */
#include "internal.h"
#include "compiler/compiler_internal.h"

/* ---- name sets and maps ------------------------------------------------ */

unsigned
kr_name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

int
kr_nameset_index(const kr_nameset *s, const char *name)
{
    if (s->scap == 0)
        return -1;
    unsigned mask = (unsigned)s->scap - 1, i = kr_name_hash(name) & mask;
    for (;;) {
        int v = s->slots[i];
        if (v == 0)
            return -1;
        const char *nm = s->names[v - 1];
        if (nm != NULL && strcmp(nm, name) == 0)
            return v - 1;
        i = (i + 1) & mask;
    }
}

static int
kr_nameset_grow(kr_nameset *s)
{
    /* rebuild dropping removed entries */
    int live = 0;
    for (int i = 0; i < s->n; i++)
        if (s->names[i])
            s->names[live++] = s->names[i];
    s->n = live;
    int scap = 16;
    while (scap < (live + 1) * 3)
        scap *= 2;
    int *slots = calloc((size_t)scap, sizeof(int));
    if (slots == NULL)
        return -1;
    free(s->slots);
    s->slots = slots;
    s->scap = scap;
    for (int i = 0; i < live; i++) {
        unsigned mask = (unsigned)scap - 1, h = kr_name_hash(s->names[i]) & mask;
        while (slots[h])
            h = (h + 1) & mask;
        slots[h] = i + 1;
    }
    return 0;
}

int
kr_nameset_add(kr_nameset *s, const char *name)
{
    if (kr_nameset_index(s, name) >= 0)
        return 0;
    if (s->n + 1 >= s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        const char **nn = realloc(s->names, (size_t)cap * sizeof(*nn));
        if (nn == NULL)
            return -1;
        s->names = nn;
        s->cap = cap;
    }
    if ((s->n + 1) * 2 >= s->scap) {
        if (kr_nameset_grow(s) < 0)
            return -1;
    }
    s->names[s->n++] = name;
    unsigned mask = (unsigned)s->scap - 1, h = kr_name_hash(name) & mask;
    while (s->slots[h])
        h = (h + 1) & mask;
    s->slots[h] = s->n;
    return 0;
}

int
kr_nameset_has(const kr_nameset *s, const char *name)
{
    return kr_nameset_index(s, name) >= 0;
}

void
kr_nameset_discard(kr_nameset *s, const char *name)
{
    int i = kr_nameset_index(s, name);
    if (i >= 0)
        s->names[i] = NULL;   /* the slot stays, pointing at a hole */
}

int
kr_nameset_update(kr_nameset *s, const kr_nameset *from)
{
    for (int i = 0; i < from->n; i++)
        if (from->names[i] && kr_nameset_add(s, from->names[i]) < 0)
            return -1;
    return 0;
}

void
kr_nameset_clear(kr_nameset *s)
{
    free(s->names);
    free(s->slots);
    memset(s, 0, sizeof(*s));
}

/* ---- entries ------------------------------------------------------------ */

kr_symbol *
kr_ste_symbol(kr_ste *ste, const char *name)
{
    if (ste->map.cap == 0)
        return NULL;
    unsigned mask = (unsigned)ste->map.cap - 1, i = kr_name_hash(name) & mask;
    for (;;) {
        int v = ste->map.slots[i];
        if (v == 0)
            return NULL;
        if (strcmp(ste->syms[v - 1].name, name) == 0)
            return &ste->syms[v - 1];
        i = (i + 1) & mask;
    }
}

int
kr_ste_scope(kr_ste *ste, const char *name)
{
    kr_symbol *s = kr_ste_symbol(ste, name);
    return s ? s->scope : KR_SC_NONE;
}

static kr_symbol *
kr_ste_add_symbol(kr_ste *ste, const char *name)
{
    if (ste->nsyms + 1 > ste->capsyms) {
        int cap = ste->capsyms ? ste->capsyms * 2 : 16;
        kr_symbol *ns = realloc(ste->syms, (size_t)cap * sizeof(*ns));
        if (ns == NULL)
            return NULL;
        ste->syms = ns;
        ste->capsyms = cap;
    }
    if ((ste->nsyms + 1) * 2 >= ste->map.cap) {
        int cap = ste->map.cap ? ste->map.cap * 2 : 32;
        int *slots = calloc((size_t)cap, sizeof(int));
        if (slots == NULL)
            return NULL;
        for (int i = 0; i < ste->nsyms; i++) {
            unsigned mask = (unsigned)cap - 1, h = kr_name_hash(ste->syms[i].name) & mask;
            while (slots[h])
                h = (h + 1) & mask;
            slots[h] = i + 1;
        }
        free(ste->map.slots);
        ste->map.slots = slots;
        ste->map.cap = cap;
    }
    kr_symbol *s = &ste->syms[ste->nsyms++];
    memset(s, 0, sizeof(*s));
    s->name = name;
    unsigned mask = (unsigned)ste->map.cap - 1, h = kr_name_hash(name) & mask;
    while (ste->map.slots[h])
        h = (h + 1) & mask;
    ste->map.slots[h] = ste->nsyms;
    return s;
}

static void
kr_ste_free(kr_ste *ste)
{
    free(ste->syms);
    free(ste->map.slots);
    free(ste->varnames);
    free(ste->children);
    free(ste);
}

void
kr_symtable_free(kr_symtable *st)
{
    if (st == NULL)
        return;
    for (int i = 0; i < st->nall; i++)
        kr_ste_free(st->all[i]);
    free(st->all);
    free(st->bykey);
    if (st->arena)
        kr_arena_free(st->arena);
    free(st);
}

static unsigned
kr_ptr_hash(const void *p)
{
    uintptr_t v = (uintptr_t)p;
    return (unsigned)((v >> 4) ^ (v >> 20)) * 2654435761u;
}

kr_ste *
kr_symtable_lookup(kr_symtable *st, const void *key)
{
    if (st->bykey == NULL) {
        int cap = 16;
        while (cap < st->nall * 2 + 2)
            cap *= 2;
        st->bykey = calloc((size_t)cap, sizeof(kr_ste *));
        if (st->bykey == NULL) {
            for (int i = 0; i < st->nall; i++)
                if (st->all[i]->key == key)
                    return st->all[i];
            return NULL;
        }
        st->capbykey = cap;
        for (int i = 0; i < st->nall; i++) {
            unsigned h = kr_ptr_hash(st->all[i]->key) & (unsigned)(cap - 1);
            while (st->bykey[h])
                h = (h + 1) & (unsigned)(cap - 1);
            st->bykey[h] = st->all[i];
        }
    }
    unsigned mask = (unsigned)st->capbykey - 1, h = kr_ptr_hash(key) & mask;
    while (st->bykey[h]) {
        if (st->bykey[h]->key == key)
            return st->bykey[h];
        h = (h + 1) & mask;
    }
    return NULL;
}

const char *
kr_mangle(kr_arena *arena, const char *privateobj, const char *name)
{
    /* __x inside class C becomes _C__x unless x ends with __ or has a dot,
       and a class named only with underscores mangles nothing */
    if (privateobj == NULL || name[0] != '_' || name[1] != '_')
        return name;
    size_t nlen = strlen(name);
    if ((nlen >= 4 && name[nlen - 1] == '_' && name[nlen - 2] == '_') ||
        strchr(name, '.') != NULL)
        return name;
    while (*privateobj == '_')
        privateobj++;
    if (*privateobj == '\0')
        return name;
    size_t plen = strlen(privateobj);
    char *r = kr_arena_alloc(arena, plen + nlen + 2);
    if (r == NULL)
        return NULL;
    r[0] = '_';
    memcpy(r + 1, privateobj, plen);
    memcpy(r + 1 + plen, name, nlen + 1);
    return r;
}

/* ---- the builder -------------------------------------------------------- */

typedef struct kr_stb {
    kr_symtable *st;
    PyObject *filename;
    kr_arena *arena;             /* for mangled names */
    int recursion;
    const char *private_name;
} kr_stb;

typedef struct kr_pos { int lineno, col, end_lineno, end_col; } kr_pos;
#define KR_POS(n) ((kr_pos){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

static int
kr_st_error(kr_stb *b, kr_pos p, const char *fmt, const char *name)
{
    char buf[600];
    if (name)
        snprintf(buf, sizeof buf, fmt, name);
    else
        snprintf(buf, sizeof buf, "%s", fmt);
    kr_compiler_error_at(NULL, b->filename, buf, p.lineno, p.col,
                         p.end_lineno, p.end_col);
    return -1;
}

static int
kr_st_enter(kr_stb *b, const char *name, kr_block_type type, const void *key,
            kr_pos p)
{
    kr_symtable *st = b->st;
    kr_ste *ste = calloc(1, sizeof(*ste));
    if (ste == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (st->nall + 1 > st->capall) {
        int cap = st->capall ? st->capall * 2 : 16;
        kr_ste **na = realloc(st->all, (size_t)cap * sizeof(*na));
        if (na == NULL) {
            free(ste);
            PyErr_NoMemory();
            return -1;
        }
        st->all = na;
        st->capall = cap;
    }
    st->all[st->nall++] = ste;
    ste->type = type;
    ste->name = name;
    ste->key = key;
    ste->lineno = p.lineno;
    ste->col = p.col;
    ste->end_lineno = p.end_lineno;
    ste->end_col = p.end_col;
    kr_ste *parent = st->cur;
    ste->parent = parent;
    if (parent && (parent->nested || parent->type == KR_BLOCK_FUNCTION))
        ste->nested = 1;
    /* a walrus anywhere inside a comprehension's outermost iterable is an
       error, even in a nested comprehension or lambda (bpo-37757) */
    if (parent)
        ste->comp_iter_expr = parent->comp_iter_expr;
    if (parent) {
        if (parent->nchildren + 1 > parent->capchildren) {
            int cap = parent->capchildren ? parent->capchildren * 2 : 4;
            kr_ste **nc = realloc(parent->children, (size_t)cap * sizeof(*nc));
            if (nc == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            parent->children = nc;
            parent->capchildren = cap;
        }
        parent->children[parent->nchildren++] = ste;
    } else {
        st->top = ste;
    }
    st->cur = ste;
    return 0;
}

static void
kr_st_exit(kr_stb *b)
{
    b->st->cur = b->st->cur->parent;
}

static int
kr_st_add_def_in(kr_stb *b, const char *name, int flag, kr_ste *ste, kr_pos p)
{
    const char *mangled = kr_mangle(b->arena, b->private_name, name);
    if (mangled == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    kr_symbol *s = kr_ste_symbol(ste, mangled);
    if (s != NULL) {
        if ((flag & KR_DEF_PARAM) && (s->flags & KR_DEF_PARAM))
            return kr_st_error(b, p, "duplicate argument '%s' in function definition",
                               name);
    } else {
        s = kr_ste_add_symbol(ste, mangled);
        if (s == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    int val = s->flags | flag;
    if (ste->comp_iter_target) {
        if (val & (KR_DEF_GLOBAL | KR_DEF_NONLOCAL))
            return kr_st_error(b, p, "comprehension inner loop cannot rebind "
                               "assignment expression target '%s'", name);
        val |= KR_DEF_COMP_ITER;
    }
    s->flags = val;
    if (flag & KR_DEF_PARAM) {
        if (ste->nvarnames + 1 > ste->capvarnames) {
            int cap = ste->capvarnames ? ste->capvarnames * 2 : 8;
            const char **nv = realloc(ste->varnames, (size_t)cap * sizeof(*nv));
            if (nv == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            ste->varnames = nv;
            ste->capvarnames = cap;
        }
        ste->varnames[ste->nvarnames++] = mangled;
    } else if (flag & KR_DEF_GLOBAL) {
        /* a global declaration anywhere also marks the module's symbol */
        kr_ste *top = b->st->top;
        kr_symbol *g = kr_ste_symbol(top, mangled);
        if (g == NULL) {
            g = kr_ste_add_symbol(top, mangled);
            if (g == NULL) {
                PyErr_NoMemory();
                return -1;
            }
        }
        g->flags |= flag;
    }
    return 0;
}

static int
kr_st_add_def(kr_stb *b, const char *name, int flag, kr_pos p)
{
    return kr_st_add_def_in(b, name, flag, b->st->cur, p);
}

static void
kr_st_record_directive(kr_stb *b, const char *name, kr_pos p)
{
    const char *mangled = kr_mangle(b->arena, b->private_name, name);
    kr_symbol *s = mangled ? kr_ste_symbol(b->st->cur, mangled) : NULL;
    if (s && s->lineno == 0) {
        s->lineno = p.lineno;
        s->col = p.col;
        s->end_lineno = p.end_lineno;
        s->end_col = p.end_col;
    }
}

static int
kr_st_lookup(kr_stb *b, const char *name)
{
    const char *mangled = kr_mangle(b->arena, b->private_name, name);
    kr_symbol *s = mangled ? kr_ste_symbol(b->st->cur, mangled) : NULL;
    return s ? s->flags : 0;
}

static int kr_st_stmt(kr_stb *b, kr_stmt *s);
static int kr_st_expr(kr_stb *b, kr_expr *e);
static int kr_st_pattern(kr_stb *b, kr_pattern *p);

static int
kr_st_enter_recursion(kr_stb *b)
{
    if (++b->recursion > KR_COMPILER_MAX_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

static int
kr_st_stmts(kr_stb *b, kr_stmt_seq *seq)
{
    for (int i = 0; i < KR_SEQ_LEN(seq); i++)
        if (kr_st_stmt(b, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int
kr_st_exprs(kr_stb *b, kr_expr_seq *seq)
{
    for (int i = 0; i < KR_SEQ_LEN(seq); i++)
        if (seq->items[i] && kr_st_expr(b, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int
kr_st_in_annotation_error(kr_stb *b, const char *what, kr_expr *e)
{
    if (b->st->cur->type == KR_BLOCK_ANNOTATION) {
        char buf[128];
        snprintf(buf, sizeof buf, "'%s' can not be used within an annotation", what);
        return kr_st_error(b, KR_POS(e), buf, NULL);
    }
    return 0;
}

static int
kr_st_annotation(kr_stb *b, kr_expr *ann, const void *key)
{
    int fut = b->st->future_flags & CO_FUTURE_ANNOTATIONS;
    if (fut && kr_st_enter(b, "_annotation", KR_BLOCK_ANNOTATION, key ? key : ann,
                           KR_POS(ann)) < 0)
        return -1;
    if (kr_st_expr(b, ann) < 0)
        return -1;
    if (fut)
        kr_st_exit(b);
    return 0;
}

static int
kr_st_argannotations(kr_stb *b, kr_arg_seq *args)
{
    for (int i = 0; i < KR_SEQ_LEN(args); i++)
        if (args->items[i]->annotation && kr_st_expr(b, args->items[i]->annotation) < 0)
            return -1;
    return 0;
}

static int
kr_st_annotations(kr_stb *b, kr_stmt *s, kr_arguments *a, kr_expr *returns)
{
    int fut = b->st->future_flags & CO_FUTURE_ANNOTATIONS;
    if (fut && kr_st_enter(b, "_annotation", KR_BLOCK_ANNOTATION, a, KR_POS(s)) < 0)
        return -1;
    if (kr_st_argannotations(b, a->posonlyargs) < 0 ||
        kr_st_argannotations(b, a->args) < 0)
        return -1;
    if (a->vararg && a->vararg->annotation && kr_st_expr(b, a->vararg->annotation) < 0)
        return -1;
    if (a->kwarg && a->kwarg->annotation && kr_st_expr(b, a->kwarg->annotation) < 0)
        return -1;
    if (kr_st_argannotations(b, a->kwonlyargs) < 0)
        return -1;
    if (fut)
        kr_st_exit(b);
    if (returns && kr_st_annotation(b, returns, NULL) < 0)
        return -1;
    return 0;
}

static int
kr_st_params(kr_stb *b, kr_arg_seq *args)
{
    for (int i = 0; i < KR_SEQ_LEN(args); i++)
        if (kr_st_add_def(b, args->items[i]->arg, KR_DEF_PARAM, KR_POS(args->items[i])) < 0)
            return -1;
    return 0;
}

static int
kr_st_arguments(kr_stb *b, kr_arguments *a)
{
    if (kr_st_params(b, a->posonlyargs) < 0 || kr_st_params(b, a->args) < 0 ||
        kr_st_params(b, a->kwonlyargs) < 0)
        return -1;
    if (a->vararg) {
        if (kr_st_add_def(b, a->vararg->arg, KR_DEF_PARAM, KR_POS(a->vararg)) < 0)
            return -1;
        b->st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (kr_st_add_def(b, a->kwarg->arg, KR_DEF_PARAM, KR_POS(a->kwarg)) < 0)
            return -1;
        b->st->cur->varkeywords = 1;
    }
    return 0;
}

static int
kr_st_alias(kr_stb *b, kr_alias *a, kr_stmt *s)
{
    const char *store = a->asname ? a->asname : a->name;
    const char *dot = strchr(store, '.');
    if (dot != NULL && a->asname == NULL) {
        store = kr_arena_strndup(b->arena, store, (size_t)(dot - store));
        if (store == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    if (strcmp(a->name, "*") == 0) {
        if (b->st->cur->type != KR_BLOCK_MODULE)
            return kr_st_error(b, KR_POS(a), "import * only allowed at module level", NULL);
        return 0;
    }
    return kr_st_add_def(b, store, KR_DEF_IMPORT, KR_POS(a));
}

static int
kr_st_function(kr_stb *b, kr_stmt *s, int is_async)
{
    kr_arguments *a = s->v.FunctionDef.args;
    if (kr_st_add_def(b, s->v.FunctionDef.name, KR_DEF_LOCAL, KR_POS(s)) < 0)
        return -1;
    if (kr_st_exprs(b, a->defaults) < 0 || kr_st_exprs(b, a->kw_defaults) < 0)
        return -1;
    if (kr_st_annotations(b, s, a, s->v.FunctionDef.returns) < 0)
        return -1;
    if (kr_st_exprs(b, s->v.FunctionDef.decorator_list) < 0)
        return -1;
    if (kr_st_enter(b, s->v.FunctionDef.name, KR_BLOCK_FUNCTION, s, KR_POS(s)) < 0)
        return -1;
    if (is_async)
        b->st->cur->coroutine = 1;
    if (kr_st_arguments(b, a) < 0 || kr_st_stmts(b, s->v.FunctionDef.body) < 0)
        return -1;
    kr_st_exit(b);
    return 0;
}

static int
kr_st_declaration(kr_stb *b, kr_stmt *s, int global)
{
    kr_ident_seq *names = global ? s->v.Global.names : s->v.Nonlocal.names;
    const char *kind = global ? "global" : "nonlocal";
    for (int i = 0; i < KR_SEQ_LEN(names); i++) {
        const char *name = names->items[i];
        int cur = kr_st_lookup(b, name);
        if (cur & (KR_DEF_PARAM | KR_DEF_LOCAL | KR_USE | KR_DEF_ANNOT)) {
            char fmt[128];
            if (cur & KR_DEF_PARAM)
                snprintf(fmt, sizeof fmt, "name '%%s' is parameter and %s", kind);
            else if (cur & KR_USE)
                snprintf(fmt, sizeof fmt, "name '%%s' is used prior to %s declaration", kind);
            else if (cur & KR_DEF_ANNOT)
                snprintf(fmt, sizeof fmt, "annotated name '%%s' can't be %s", kind);
            else
                snprintf(fmt, sizeof fmt, "name '%%s' is assigned to before %s declaration", kind);
            return kr_st_error(b, KR_POS(s), fmt, name);
        }
        if (kr_st_add_def(b, name, global ? KR_DEF_GLOBAL : KR_DEF_NONLOCAL, KR_POS(s)) < 0)
            return -1;
        kr_st_record_directive(b, name, KR_POS(s));
    }
    return 0;
}

static int
kr_st_stmt(kr_stb *b, kr_stmt *s)
{
    if (kr_st_enter_recursion(b) < 0)
        return -1;
    int r = 0;
    switch (s->kind) {
    case KR_FunctionDef:
        r = kr_st_function(b, s, 0);
        break;
    case KR_AsyncFunctionDef:
        r = kr_st_function(b, s, 1);
        break;
    case KR_ClassDef: {
        if (kr_st_add_def(b, s->v.ClassDef.name, KR_DEF_LOCAL, KR_POS(s)) < 0 ||
            kr_st_exprs(b, s->v.ClassDef.bases) < 0)
            return -1;
        for (int i = 0; i < KR_SEQ_LEN(s->v.ClassDef.keywords); i++)
            if (kr_st_expr(b, s->v.ClassDef.keywords->items[i]->value) < 0)
                return -1;
        if (kr_st_exprs(b, s->v.ClassDef.decorator_list) < 0)
            return -1;
        if (kr_st_enter(b, s->v.ClassDef.name, KR_BLOCK_CLASS, s, KR_POS(s)) < 0)
            return -1;
        const char *saved = b->private_name;
        b->private_name = s->v.ClassDef.name;
        r = kr_st_stmts(b, s->v.ClassDef.body);
        b->private_name = saved;
        kr_st_exit(b);
        break;
    }
    case KR_Return:
        if (s->v.Return.value) {
            r = kr_st_expr(b, s->v.Return.value);
            b->st->cur->returns_value = 1;
        }
        break;
    case KR_Delete:
        r = kr_st_exprs(b, s->v.Delete.targets);
        break;
    case KR_Assign:
        r = kr_st_exprs(b, s->v.Assign.targets);
        if (r == 0)
            r = kr_st_expr(b, s->v.Assign.value);
        break;
    case KR_AnnAssign: {
        kr_expr *t = s->v.AnnAssign.target;
        if (t->kind == KR_Name) {
            int cur = kr_st_lookup(b, t->v.Name.id);
            if ((cur & (KR_DEF_GLOBAL | KR_DEF_NONLOCAL)) &&
                b->st->cur != b->st->top && s->v.AnnAssign.simple)
                return kr_st_error(b, KR_POS(s), (cur & KR_DEF_GLOBAL) ?
                                   "annotated name '%s' can't be global" :
                                   "annotated name '%s' can't be nonlocal",
                                   t->v.Name.id);
            if (s->v.AnnAssign.simple) {
                if (kr_st_add_def(b, t->v.Name.id, KR_DEF_ANNOT | KR_DEF_LOCAL, KR_POS(t)) < 0)
                    return -1;
            } else if (s->v.AnnAssign.value) {
                if (kr_st_add_def(b, t->v.Name.id, KR_DEF_LOCAL, KR_POS(t)) < 0)
                    return -1;
            }
        } else if (kr_st_expr(b, t) < 0) {
            return -1;
        }
        if (kr_st_annotation(b, s->v.AnnAssign.annotation, NULL) < 0)
            return -1;
        if (s->v.AnnAssign.value)
            r = kr_st_expr(b, s->v.AnnAssign.value);
        break;
    }
    case KR_AugAssign:
        r = kr_st_expr(b, s->v.AugAssign.target);
        if (r == 0)
            r = kr_st_expr(b, s->v.AugAssign.value);
        break;
    case KR_For:
    case KR_AsyncFor:
        if (kr_st_expr(b, s->v.For.target) < 0 || kr_st_expr(b, s->v.For.iter) < 0 ||
            kr_st_stmts(b, s->v.For.body) < 0 || kr_st_stmts(b, s->v.For.orelse) < 0)
            return -1;
        break;
    case KR_While:
        if (kr_st_expr(b, s->v.While.test) < 0 || kr_st_stmts(b, s->v.While.body) < 0 ||
            kr_st_stmts(b, s->v.While.orelse) < 0)
            return -1;
        break;
    case KR_If:
        if (kr_st_expr(b, s->v.If.test) < 0 || kr_st_stmts(b, s->v.If.body) < 0 ||
            kr_st_stmts(b, s->v.If.orelse) < 0)
            return -1;
        break;
    case KR_With:
    case KR_AsyncWith:
        for (int i = 0; i < KR_SEQ_LEN(s->v.With.items); i++) {
            kr_withitem *w = s->v.With.items->items[i];
            if (kr_st_expr(b, w->context_expr) < 0)
                return -1;
            if (w->optional_vars && kr_st_expr(b, w->optional_vars) < 0)
                return -1;
        }
        r = kr_st_stmts(b, s->v.With.body);
        break;
    case KR_Match:
        if (kr_st_expr(b, s->v.Match.subject) < 0)
            return -1;
        for (int i = 0; i < KR_SEQ_LEN(s->v.Match.cases); i++) {
            kr_match_case *mc = s->v.Match.cases->items[i];
            if (kr_st_pattern(b, mc->pattern) < 0)
                return -1;
            if (mc->guard && kr_st_expr(b, mc->guard) < 0)
                return -1;
            if (kr_st_stmts(b, mc->body) < 0)
                return -1;
        }
        break;
    case KR_Raise:
        if (s->v.Raise.exc && kr_st_expr(b, s->v.Raise.exc) < 0)
            return -1;
        if (s->v.Raise.cause && kr_st_expr(b, s->v.Raise.cause) < 0)
            return -1;
        break;
    case KR_Try:
    case KR_TryStar:
        if (kr_st_stmts(b, s->v.Try.body) < 0 || kr_st_stmts(b, s->v.Try.orelse) < 0)
            return -1;
        for (int i = 0; i < KR_SEQ_LEN(s->v.Try.handlers); i++) {
            kr_excepthandler *h = s->v.Try.handlers->items[i];
            if (h->v.ExceptHandler.type && kr_st_expr(b, h->v.ExceptHandler.type) < 0)
                return -1;
            if (h->v.ExceptHandler.name &&
                kr_st_add_def(b, h->v.ExceptHandler.name, KR_DEF_LOCAL, KR_POS(h)) < 0)
                return -1;
            if (kr_st_stmts(b, h->v.ExceptHandler.body) < 0)
                return -1;
        }
        r = kr_st_stmts(b, s->v.Try.finalbody);
        break;
    case KR_Assert:
        if (kr_st_expr(b, s->v.Assert.test) < 0)
            return -1;
        if (s->v.Assert.msg && kr_st_expr(b, s->v.Assert.msg) < 0)
            return -1;
        break;
    case KR_Import:
        for (int i = 0; i < KR_SEQ_LEN(s->v.Import.names); i++)
            if (kr_st_alias(b, s->v.Import.names->items[i], s) < 0)
                return -1;
        break;
    case KR_ImportFrom:
        for (int i = 0; i < KR_SEQ_LEN(s->v.ImportFrom.names); i++)
            if (kr_st_alias(b, s->v.ImportFrom.names->items[i], s) < 0)
                return -1;
        break;
    case KR_Global:
        r = kr_st_declaration(b, s, 1);
        break;
    case KR_Nonlocal:
        r = kr_st_declaration(b, s, 0);
        break;
    case KR_Expr:
        r = kr_st_expr(b, s->v.Expr.value);
        break;
    case KR_Pass:
    case KR_Break:
    case KR_Continue:
        break;
    }
    b->recursion--;
    return r;
}

static int
kr_st_extend_namedexpr_scope(kr_stb *b, kr_expr *e)
{
    const char *target = e->v.Name.id;
    for (kr_ste *ste = b->st->cur; ste != NULL; ste = ste->parent) {
        if (ste->comprehension) {
            kr_symbol *sym = kr_ste_symbol(ste, target);
            if (sym && (sym->flags & KR_DEF_COMP_ITER))
                return kr_st_error(b, KR_POS(e), "assignment expression cannot rebind "
                                   "comprehension iteration variable '%s'", target);
            continue;
        }
        if (ste->type == KR_BLOCK_FUNCTION) {
            kr_symbol *sym = kr_ste_symbol(ste, target);
            int flag = (sym && (sym->flags & KR_DEF_GLOBAL)) ? KR_DEF_GLOBAL : KR_DEF_NONLOCAL;
            if (kr_st_add_def(b, target, flag, KR_POS(e)) < 0)
                return -1;
            kr_st_record_directive(b, target, KR_POS(e));
            return kr_st_add_def_in(b, target, KR_DEF_LOCAL, ste, KR_POS(e));
        }
        if (ste->type == KR_BLOCK_MODULE) {
            if (kr_st_add_def(b, target, KR_DEF_GLOBAL, KR_POS(e)) < 0)
                return -1;
            kr_st_record_directive(b, target, KR_POS(e));
            return kr_st_add_def_in(b, target, KR_DEF_GLOBAL, ste, KR_POS(e));
        }
        if (ste->type == KR_BLOCK_CLASS)
            return kr_st_error(b, KR_POS(e), "assignment expression within a "
                               "comprehension cannot be used in a class body", NULL);
    }
    return 0;
}

static int
kr_st_comprehension(kr_stb *b, kr_expr *e, const char *scope_name,
                    kr_comp_type type, kr_comprehension_seq *gens,
                    kr_expr *elt, kr_expr *value)
{
    kr_comprehension *outer = gens->items[0];
    b->st->cur->comp_iter_expr++;
    if (kr_st_expr(b, outer->iter) < 0)
        return -1;
    b->st->cur->comp_iter_expr--;
    if (kr_st_enter(b, scope_name, KR_BLOCK_FUNCTION, e, KR_POS(e)) < 0)
        return -1;
    kr_ste *ste = b->st->cur;
    ste->comprehension = type;
    if (outer->is_async)
        ste->coroutine = 1;
    if (kr_st_add_def(b, ".0", KR_DEF_PARAM, KR_POS(e)) < 0)
        return -1;
    ste->comp_iter_target = 1;
    if (kr_st_expr(b, outer->target) < 0)
        return -1;
    ste->comp_iter_target = 0;
    if (kr_st_exprs(b, outer->ifs) < 0)
        return -1;
    for (int i = 1; i < gens->n; i++) {
        kr_comprehension *g = gens->items[i];
        ste->comp_iter_target = 1;
        if (kr_st_expr(b, g->target) < 0)
            return -1;
        ste->comp_iter_target = 0;
        ste->comp_iter_expr++;
        if (kr_st_expr(b, g->iter) < 0)
            return -1;
        ste->comp_iter_expr--;
        if (kr_st_exprs(b, g->ifs) < 0)
            return -1;
        if (g->is_async)
            ste->coroutine = 1;
    }
    if (value && kr_st_expr(b, value) < 0)
        return -1;
    if (kr_st_expr(b, elt) < 0)
        return -1;
    ste->generator = type == KR_COMP_GENEXP;
    /* an async list/set/dict comprehension is awaited where it is built */
    int is_async = ste->coroutine && !ste->generator;
    kr_st_exit(b);
    if (is_async)
        b->st->cur->coroutine = 1;
    return 0;
}

static int
kr_st_yield_in_comprehension(kr_stb *b, kr_expr *e)
{
    kr_comp_type t = b->st->cur->comprehension;
    return kr_st_error(b, KR_POS(e),
                       t == KR_COMP_LIST ? "'yield' inside list comprehension" :
                       t == KR_COMP_SET ? "'yield' inside set comprehension" :
                       t == KR_COMP_DICT ? "'yield' inside dict comprehension" :
                       "'yield' inside generator expression", NULL);
}

static int
kr_st_expr(kr_stb *b, kr_expr *e)
{
    if (kr_st_enter_recursion(b) < 0)
        return -1;
    int r = 0;
    kr_ste *cur = b->st->cur;
    switch (e->kind) {
    case KR_NamedExpr:
        if (kr_st_in_annotation_error(b, "named expression", e) < 0)
            return -1;
        if (cur->comp_iter_expr > 0)
            return kr_st_error(b, KR_POS(e), "assignment expression cannot be used "
                               "in a comprehension iterable expression", NULL);
        if (cur->comprehension &&
            kr_st_extend_namedexpr_scope(b, e->v.NamedExpr.target) < 0)
            return -1;
        if (kr_st_expr(b, e->v.NamedExpr.value) < 0 ||
            kr_st_expr(b, e->v.NamedExpr.target) < 0)
            return -1;
        break;
    case KR_BoolOp:
        r = kr_st_exprs(b, e->v.BoolOp.values);
        break;
    case KR_BinOp:
        if (kr_st_expr(b, e->v.BinOp.left) < 0 || kr_st_expr(b, e->v.BinOp.right) < 0)
            return -1;
        break;
    case KR_UnaryOp:
        r = kr_st_expr(b, e->v.UnaryOp.operand);
        break;
    case KR_Lambda: {
        kr_arguments *a = e->v.Lambda.args;
        if (kr_st_exprs(b, a->defaults) < 0 || kr_st_exprs(b, a->kw_defaults) < 0)
            return -1;
        if (kr_st_enter(b, "lambda", KR_BLOCK_FUNCTION, e, KR_POS(e)) < 0)
            return -1;
        if (kr_st_arguments(b, a) < 0 || kr_st_expr(b, e->v.Lambda.body) < 0)
            return -1;
        kr_st_exit(b);
        break;
    }
    case KR_IfExp:
        if (kr_st_expr(b, e->v.IfExp.test) < 0 || kr_st_expr(b, e->v.IfExp.body) < 0 ||
            kr_st_expr(b, e->v.IfExp.orelse) < 0)
            return -1;
        break;
    case KR_Dict:
        if (kr_st_exprs(b, e->v.Dict.keys) < 0 || kr_st_exprs(b, e->v.Dict.values) < 0)
            return -1;
        break;
    case KR_Set:
        r = kr_st_exprs(b, e->v.Set.elts);
        break;
    case KR_GeneratorExp:
        r = kr_st_comprehension(b, e, "genexpr", KR_COMP_GENEXP,
                                e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
        break;
    case KR_ListComp:
        r = kr_st_comprehension(b, e, "listcomp", KR_COMP_LIST,
                                e->v.ListComp.generators, e->v.ListComp.elt, NULL);
        break;
    case KR_SetComp:
        r = kr_st_comprehension(b, e, "setcomp", KR_COMP_SET,
                                e->v.SetComp.generators, e->v.SetComp.elt, NULL);
        break;
    case KR_DictComp:
        r = kr_st_comprehension(b, e, "dictcomp", KR_COMP_DICT,
                                e->v.DictComp.generators, e->v.DictComp.key,
                                e->v.DictComp.value);
        break;
    case KR_Yield:
    case KR_YieldFrom:
        if (kr_st_in_annotation_error(b, "yield expression", e) < 0)
            return -1;
        if (e->v.Yield.value && kr_st_expr(b, e->v.Yield.value) < 0)
            return -1;
        b->st->cur->generator = 1;
        if (b->st->cur->comprehension)
            return kr_st_yield_in_comprehension(b, e);
        break;
    case KR_Await:
        if (kr_st_in_annotation_error(b, "await expression", e) < 0)
            return -1;
        if (kr_st_expr(b, e->v.Await.value) < 0)
            return -1;
        b->st->cur->coroutine = 1;
        break;
    case KR_Compare:
        if (kr_st_expr(b, e->v.Compare.left) < 0 ||
            kr_st_exprs(b, e->v.Compare.comparators) < 0)
            return -1;
        break;
    case KR_Call:
        if (kr_st_expr(b, e->v.Call.func) < 0 || kr_st_exprs(b, e->v.Call.args) < 0)
            return -1;
        for (int i = 0; i < KR_SEQ_LEN(e->v.Call.keywords); i++)
            if (kr_st_expr(b, e->v.Call.keywords->items[i]->value) < 0)
                return -1;
        break;
    case KR_FormattedValue:
        if (kr_st_expr(b, e->v.FormattedValue.value) < 0)
            return -1;
        if (e->v.FormattedValue.format_spec &&
            kr_st_expr(b, e->v.FormattedValue.format_spec) < 0)
            return -1;
        break;
    case KR_JoinedStr:
        r = kr_st_exprs(b, e->v.JoinedStr.values);
        break;
    case KR_Constant:
        break;
    case KR_Attribute:
        r = kr_st_expr(b, e->v.Attribute.value);
        break;
    case KR_Subscript:
        if (kr_st_expr(b, e->v.Subscript.value) < 0 || kr_st_expr(b, e->v.Subscript.slice) < 0)
            return -1;
        break;
    case KR_Starred:
        r = kr_st_expr(b, e->v.Starred.value);
        break;
    case KR_Slice:
        if (e->v.Slice.lower && kr_st_expr(b, e->v.Slice.lower) < 0)
            return -1;
        if (e->v.Slice.upper && kr_st_expr(b, e->v.Slice.upper) < 0)
            return -1;
        if (e->v.Slice.step && kr_st_expr(b, e->v.Slice.step) < 0)
            return -1;
        break;
    case KR_Name:
        /* reading __debug__ is a constant, not a use of a name */
        if (e->v.Name.ctx == KR_Load && strcmp(e->v.Name.id, "__debug__") == 0)
            break;
        if (kr_st_add_def(b, e->v.Name.id,
                          e->v.Name.ctx == KR_Load ? KR_USE : KR_DEF_LOCAL, KR_POS(e)) < 0)
            return -1;
        /* super() with no arguments needs the __class__ cell */
        if (e->v.Name.ctx == KR_Load && cur->type == KR_BLOCK_FUNCTION &&
            strcmp(e->v.Name.id, "super") == 0 &&
            kr_st_add_def(b, "__class__", KR_USE, KR_POS(e)) < 0)
            return -1;
        break;
    case KR_List:
        r = kr_st_exprs(b, e->v.List.elts);
        break;
    case KR_Tuple:
        r = kr_st_exprs(b, e->v.Tuple.elts);
        break;
    }
    b->recursion--;
    return r;
}

static int
kr_st_patterns(kr_stb *b, kr_pattern_seq *seq)
{
    for (int i = 0; i < KR_SEQ_LEN(seq); i++)
        if (kr_st_pattern(b, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int
kr_st_pattern(kr_stb *b, kr_pattern *p)
{
    if (kr_st_enter_recursion(b) < 0)
        return -1;
    int r = 0;
    switch (p->kind) {
    case KR_MatchValue:
        r = kr_st_expr(b, p->v.MatchValue.value);
        break;
    case KR_MatchSingleton:
        break;
    case KR_MatchSequence:
        r = kr_st_patterns(b, p->v.MatchSequence.patterns);
        break;
    case KR_MatchStar:
        if (p->v.MatchStar.name)
            r = kr_st_add_def(b, p->v.MatchStar.name, KR_DEF_LOCAL, KR_POS(p));
        break;
    case KR_MatchMapping:
        if (kr_st_exprs(b, p->v.MatchMapping.keys) < 0 ||
            kr_st_patterns(b, p->v.MatchMapping.patterns) < 0)
            return -1;
        if (p->v.MatchMapping.rest)
            r = kr_st_add_def(b, p->v.MatchMapping.rest, KR_DEF_LOCAL, KR_POS(p));
        break;
    case KR_MatchClass:
        if (kr_st_expr(b, p->v.MatchClass.cls) < 0 ||
            kr_st_patterns(b, p->v.MatchClass.patterns) < 0 ||
            kr_st_patterns(b, p->v.MatchClass.kwd_patterns) < 0)
            return -1;
        break;
    case KR_MatchAs:
        if (p->v.MatchAs.pattern && kr_st_pattern(b, p->v.MatchAs.pattern) < 0)
            return -1;
        if (p->v.MatchAs.name)
            r = kr_st_add_def(b, p->v.MatchAs.name, KR_DEF_LOCAL, KR_POS(p));
        break;
    case KR_MatchOr:
        r = kr_st_patterns(b, p->v.MatchOr.patterns);
        break;
    }
    b->recursion--;
    return r;
}

/* ---- analysis ----------------------------------------------------------- */

typedef struct kr_scopes {
    kr_nameset local, newbound, newglobal, newfree, allfree;
} kr_scopes;

static int
kr_analyze_error(kr_stb *b, kr_symbol *s, const char *fmt)
{
    kr_pos p = { s->lineno, s->col, s->end_lineno, s->end_col };
    return kr_st_error(b, p, fmt, s->name);
}

static int
kr_analyze_name(kr_stb *b, kr_ste *ste, kr_symbol *s, kr_nameset *bound,
                kr_nameset *local, kr_nameset *free, kr_nameset *global)
{
    int flags = s->flags;
    const char *name = s->name;
    if (flags & KR_DEF_GLOBAL) {
        if (flags & KR_DEF_NONLOCAL)
            return kr_analyze_error(b, s, "name '%s' is nonlocal and global");
        s->scope = KR_SC_GLOBAL_EXPLICIT;
        if (kr_nameset_add(global, name) < 0)
            return -1;
        if (bound)
            kr_nameset_discard(bound, name);
        return 0;
    }
    if (flags & KR_DEF_NONLOCAL) {
        if (bound == NULL)
            return kr_analyze_error(b, s, "nonlocal declaration not allowed at module level");
        if (!kr_nameset_has(bound, name))
            return kr_analyze_error(b, s, "no binding for nonlocal '%s' found");
        s->scope = KR_SC_FREE;
        ste->free = 1;
        return kr_nameset_add(free, name);
    }
    if (flags & KR_DEF_BOUND) {
        s->scope = KR_SC_LOCAL;
        if (kr_nameset_add(local, name) < 0)
            return -1;
        kr_nameset_discard(global, name);
        return 0;
    }
    if (bound && kr_nameset_has(bound, name)) {
        s->scope = KR_SC_FREE;
        ste->free = 1;
        return kr_nameset_add(free, name);
    }
    if (global && kr_nameset_has(global, name)) {
        s->scope = KR_SC_GLOBAL_IMPLICIT;
        return 0;
    }
    if (ste->nested)
        ste->free = 1;
    s->scope = KR_SC_GLOBAL_IMPLICIT;
    return 0;
}

static void
kr_scopes_clear(kr_scopes *sc)
{
    kr_nameset_clear(&sc->local);
    kr_nameset_clear(&sc->newbound);
    kr_nameset_clear(&sc->newglobal);
    kr_nameset_clear(&sc->newfree);
    kr_nameset_clear(&sc->allfree);
}

static int kr_analyze_block(kr_stb *b, kr_ste *ste, kr_nameset *bound,
                            kr_nameset *free, kr_nameset *global);

static int
kr_analyze_child(kr_stb *b, kr_ste *child, kr_nameset *bound,
                 kr_nameset *global, kr_nameset *allfree)
{
    kr_nameset tb = {0}, tg = {0}, tf = {0};
    int r = -1;
    if (kr_nameset_update(&tb, bound) < 0 || kr_nameset_update(&tg, global) < 0)
        goto done;
    if (kr_analyze_block(b, child, &tb, &tf, &tg) < 0)
        goto done;
    r = kr_nameset_update(allfree, &tf);
done:
    kr_nameset_clear(&tb);
    kr_nameset_clear(&tg);
    kr_nameset_clear(&tf);
    return r;
}

static int
kr_analyze_block(kr_stb *b, kr_ste *ste, kr_nameset *bound, kr_nameset *free,
                 kr_nameset *global)
{
    kr_scopes sc;
    memset(&sc, 0, sizeof sc);
    int r = -1;
    if (++b->recursion > KR_COMPILER_MAX_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    if (ste->type == KR_BLOCK_CLASS) {
        /* class names are invisible to nested functions */
        if (kr_nameset_update(&sc.newglobal, global) < 0)
            goto done;
        if (bound && kr_nameset_update(&sc.newbound, bound) < 0)
            goto done;
    }
    for (int i = 0; i < ste->nsyms; i++)
        if (kr_analyze_name(b, ste, &ste->syms[i], bound, &sc.local, free, global) < 0)
            goto done;
    if (ste->type != KR_BLOCK_CLASS) {
        if (ste->type == KR_BLOCK_FUNCTION && kr_nameset_update(&sc.newbound, &sc.local) < 0)
            goto done;
        if (bound && kr_nameset_update(&sc.newbound, bound) < 0)
            goto done;
        if (kr_nameset_update(&sc.newglobal, global) < 0)
            goto done;
    } else if (kr_nameset_add(&sc.newbound, "__class__") < 0) {
        goto done;
    }
    for (int i = 0; i < ste->nchildren; i++) {
        kr_ste *c = ste->children[i];
        if (kr_analyze_child(b, c, &sc.newbound, &sc.newglobal, &sc.allfree) < 0)
            goto done;
        if (c->free || c->child_free)
            ste->child_free = 1;
    }
    if (kr_nameset_update(&sc.newfree, &sc.allfree) < 0)
        goto done;
    if (ste->type == KR_BLOCK_FUNCTION) {
        /* locals captured by children become cells */
        for (int i = 0; i < ste->nsyms; i++) {
            kr_symbol *s = &ste->syms[i];
            if (s->scope == KR_SC_LOCAL && kr_nameset_has(&sc.newfree, s->name)) {
                s->scope = KR_SC_CELL;
                kr_nameset_discard(&sc.newfree, s->name);
            }
        }
    } else if (ste->type == KR_BLOCK_CLASS) {
        if (kr_nameset_has(&sc.newfree, "__class__")) {
            kr_nameset_discard(&sc.newfree, "__class__");
            ste->needs_class_closure = 1;
        }
    }
    /* record free variables of children that pass through this block */
    for (int i = 0; i < sc.newfree.n; i++) {
        const char *name = sc.newfree.names[i];
        if (name == NULL)
            continue;
        kr_symbol *s = kr_ste_symbol(ste, name);
        if (s != NULL) {
            if (ste->type == KR_BLOCK_CLASS &&
                (s->flags & (KR_DEF_BOUND | KR_DEF_GLOBAL)))
                s->flags |= KR_DEF_FREE_CLASS;
            continue;
        }
        if (bound && !kr_nameset_has(bound, name))
            continue;   /* a global */
        s = kr_ste_add_symbol(ste, name);
        if (s == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        s->flags = KR_DEF_FREE;
        s->scope = KR_SC_FREE;
    }
    if (kr_nameset_update(free, &sc.newfree) < 0)
        goto done;
    r = 0;
done:
    if (r < 0 && !PyErr_Occurred())
        PyErr_NoMemory();
    kr_scopes_clear(&sc);
    b->recursion--;
    return r;
}

kr_symtable *
kr_symtable_build(kr_mod *mod, PyObject *filename, int future_flags,
                  const char *src)
{
    kr_stb b;
    memset(&b, 0, sizeof b);
    b.filename = filename;
    b.st = calloc(1, sizeof(kr_symtable));
    b.arena = kr_arena_new();
    if (b.st == NULL || b.arena == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    b.st->future_flags = future_flags;
    kr_pos p0 = { 0, 0, 0, 0 };
    if (kr_st_enter(&b, "top", KR_BLOCK_MODULE, mod, p0) < 0)
        goto fail;
    int r = 0;
    switch (mod->kind) {
    case KR_Module:
        r = kr_st_stmts(&b, mod->v.Module.body);
        break;
    case KR_Interactive:
        r = kr_st_stmts(&b, mod->v.Interactive.body);
        break;
    case KR_Expression:
        r = kr_st_expr(&b, mod->v.Expression.body);
        break;
    case KR_FunctionType:
        PyErr_SetString(PyExc_SystemError, "function type comments cannot be compiled");
        r = -1;
        break;
    }
    if (r < 0)
        goto fail;
    kr_nameset free = {0}, global = {0};
    b.recursion = 0;
    r = kr_analyze_block(&b, b.st->top, NULL, &free, &global);
    kr_nameset_clear(&free);
    kr_nameset_clear(&global);
    if (r < 0)
        goto fail;
    b.st->arena = b.arena;   /* mangled names live as long as the table */
    return b.st;
fail:
    if (b.arena)
        kr_arena_free(b.arena);
    b.arena = NULL;
    kr_symtable_free(b.st);
    return NULL;
}
