/* astmodule.c: the `_ast` module (the node classes behind `ast`) and the
 * conversion of the compiler's C AST into those Python objects, which is
 * what compile(..., PyCF_ONLY_AST) and ast.parse() return.
 *
 * The classes are built when the module is first imported in a context,
 * by running a short Python program (below) that turns a compact table of
 * Python 3.11's ASDL into classes: AST with the 3.11 constructor
 * semantics, one abstract base per sum type, `_fields`, `_attributes`,
 * `__match_args__`, and None defaults for optional fields and for
 * end_lineno/end_col_offset.  Conversion instantiates them by name from
 * the context's `_ast` module, so no class object is kept in C state. */
#include "internal.h"
#include "compiler/codegen.h"

static const char kr_ast_source[] =
"class AST:\n"
"    _fields = ()\n"
"    _attributes = ()\n"
"    __match_args__ = ()\n"
"    def __init__(self, *args, **kwargs):\n"
"        fields = type(self)._fields\n"
"        if len(args) > len(fields):\n"
"            n = len(fields)\n"
"            raise TypeError(f\"{type(self).__name__} constructor takes at most \"\n"
"                            f\"{n} positional argument{'' if n == 1 else 's'}\")\n"
"        for name, value in zip(fields, args):\n"
"            setattr(self, name, value)\n"
"        for name, value in kwargs.items():\n"
"            setattr(self, name, value)\n"
"    def __reduce__(self):\n"
"        d = getattr(self, '__dict__', None)\n"
"        if d:\n"
"            return type(self), (), d\n"
"        return type(self), ()\n"
"AST.__module__ = 'ast'\n"
"_POS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')\n"
"_SPEC = '''\n"
"mod|\n"
"Module:mod:body* type_ignores*\n"
"Interactive:mod:body*\n"
"Expression:mod:body\n"
"FunctionType:mod:argtypes* returns\n"
"stmt|P\n"
"FunctionDef:stmt:name args body* decorator_list* returns? type_comment?\n"
"AsyncFunctionDef:stmt:name args body* decorator_list* returns? type_comment?\n"
"ClassDef:stmt:name bases* keywords* body* decorator_list*\n"
"Return:stmt:value?\n"
"Delete:stmt:targets*\n"
"Assign:stmt:targets* value type_comment?\n"
"AugAssign:stmt:target op value\n"
"AnnAssign:stmt:target annotation value? simple\n"
"For:stmt:target iter body* orelse* type_comment?\n"
"AsyncFor:stmt:target iter body* orelse* type_comment?\n"
"While:stmt:test body* orelse*\n"
"If:stmt:test body* orelse*\n"
"With:stmt:items* body* type_comment?\n"
"AsyncWith:stmt:items* body* type_comment?\n"
"Match:stmt:subject cases*\n"
"Raise:stmt:exc? cause?\n"
"Try:stmt:body* handlers* orelse* finalbody*\n"
"TryStar:stmt:body* handlers* orelse* finalbody*\n"
"Assert:stmt:test msg?\n"
"Import:stmt:names*\n"
"ImportFrom:stmt:module? names* level?\n"
"Global:stmt:names*\n"
"Nonlocal:stmt:names*\n"
"Expr:stmt:value\n"
"Pass:stmt:\n"
"Break:stmt:\n"
"Continue:stmt:\n"
"expr|P\n"
"BoolOp:expr:op values*\n"
"NamedExpr:expr:target value\n"
"BinOp:expr:left op right\n"
"UnaryOp:expr:op operand\n"
"Lambda:expr:args body\n"
"IfExp:expr:test body orelse\n"
"Dict:expr:keys* values*\n"
"Set:expr:elts*\n"
"ListComp:expr:elt generators*\n"
"SetComp:expr:elt generators*\n"
"DictComp:expr:key value generators*\n"
"GeneratorExp:expr:elt generators*\n"
"Await:expr:value\n"
"Yield:expr:value?\n"
"YieldFrom:expr:value\n"
"Compare:expr:left ops* comparators*\n"
"Call:expr:func args* keywords*\n"
"FormattedValue:expr:value conversion format_spec?\n"
"JoinedStr:expr:values*\n"
"Constant:expr:value kind?\n"
"Attribute:expr:value attr ctx\n"
"Subscript:expr:value slice ctx\n"
"Starred:expr:value ctx\n"
"Name:expr:id ctx\n"
"List:expr:elts* ctx\n"
"Tuple:expr:elts* ctx\n"
"Slice:expr:lower? upper? step?\n"
"expr_context|\n"
"Load:expr_context:\n"
"Store:expr_context:\n"
"Del:expr_context:\n"
"boolop|\n"
"And:boolop:\n"
"Or:boolop:\n"
"operator|\n"
"Add:operator:\n"
"Sub:operator:\n"
"Mult:operator:\n"
"MatMult:operator:\n"
"Div:operator:\n"
"Mod:operator:\n"
"Pow:operator:\n"
"LShift:operator:\n"
"RShift:operator:\n"
"BitOr:operator:\n"
"BitXor:operator:\n"
"BitAnd:operator:\n"
"FloorDiv:operator:\n"
"unaryop|\n"
"Invert:unaryop:\n"
"Not:unaryop:\n"
"UAdd:unaryop:\n"
"USub:unaryop:\n"
"cmpop|\n"
"Eq:cmpop:\n"
"NotEq:cmpop:\n"
"Lt:cmpop:\n"
"LtE:cmpop:\n"
"Gt:cmpop:\n"
"GtE:cmpop:\n"
"Is:cmpop:\n"
"IsNot:cmpop:\n"
"In:cmpop:\n"
"NotIn:cmpop:\n"
"comprehension:AST:target iter ifs* is_async\n"
"excepthandler|P\n"
"ExceptHandler:excepthandler:type? name? body*\n"
"arguments:AST:posonlyargs* args* vararg? kwonlyargs* kw_defaults* kwarg? defaults*\n"
"arg:AST:arg annotation? type_comment?:P\n"
"keyword:AST:arg? value:P\n"
"alias:AST:name asname?:P\n"
"withitem:AST:context_expr optional_vars?\n"
"match_case:AST:pattern guard? body*\n"
"pattern|Q\n"
"MatchValue:pattern:value\n"
"MatchSingleton:pattern:value\n"
"MatchSequence:pattern:patterns*\n"
"MatchMapping:pattern:keys* patterns* rest?\n"
"MatchClass:pattern:cls patterns* kwd_attrs* kwd_patterns*\n"
"MatchStar:pattern:name?\n"
"MatchAs:pattern:pattern? name?\n"
"MatchOr:pattern:patterns*\n"
"type_ignore|\n"
"TypeIgnore:type_ignore:lineno tag\n"
"'''\n"
"def _build():\n"
"    g = globals()\n"
"    attrs = {}\n"
"    for line in _SPEC.split('\\n'):\n"
"        if not line:\n"
"            continue\n"
"        if '|' in line:\n"
"            name, kind = line.split('|')\n"
"            ns = {'__module__': 'ast', '_fields': (), '__match_args__': ()}\n"
"            if kind:\n"
"                ns['_attributes'] = _POS\n"
"                if kind == 'P':\n"
"                    ns['end_lineno'] = None\n"
"                    ns['end_col_offset'] = None\n"
"            attrs[name] = kind\n"
"            g[name] = type(name, (AST,), ns)\n"
"            continue\n"
"        parts = line.split(':')\n"
"        name, base, fields = parts[0], parts[1], parts[2].split()\n"
"        ns = {'__module__': 'ast'}\n"
"        names = []\n"
"        for f in fields:\n"
"            if f.endswith('?'):\n"
"                f = f[:-1]\n"
"                ns[f] = None\n"
"            elif f.endswith('*'):\n"
"                f = f[:-1]\n"
"            names.append(f)\n"
"        ns['_fields'] = tuple(names)\n"
"        ns['__match_args__'] = tuple(names)\n"
"        if len(parts) > 3 and parts[3] == 'P':\n"
"            ns['_attributes'] = _POS\n"
"            ns['end_lineno'] = None\n"
"            ns['end_col_offset'] = None\n"
"        elif base != 'AST' and attrs.get(base) == 'P':\n"
"            ns['end_lineno'] = None\n"
"            ns['end_col_offset'] = None\n"
"        else:\n"
"            ns.setdefault('_attributes', g[base]._attributes if base != 'AST' else ())\n"
"        g[name] = type(name, (g[base],), ns)\n"
"_build()\n"
"del _build, _SPEC, _POS\n"
"_Load_singleton = Load()\n"
"_Store_singleton = Store()\n"
"_Del_singleton = Del()\n"
"PyCF_ONLY_AST = 1024\n"
"PyCF_TYPE_COMMENTS = 4096\n"
"PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192\n";

static struct PyModuleDef kr_ast_moduledef = {
    PyModuleDef_HEAD_INIT, "_ast", NULL, -1, NULL, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit__ast(void)
{
    PyObject *m = PyModule_Create(&kr_ast_moduledef);
    if (m == NULL)
        return NULL;
    PyObject *d = PyModule_GetDict(m);
    struct kr_context *ctx = kr_context_get();
    if (PyDict_GetItemString(d, "__builtins__") == NULL && ctx && ctx->builtins &&
        PyDict_SetItemString(d, "__builtins__", ctx->builtins) < 0)
        goto fail;
    PyObject *fn = PyUnicode_FromString("<_ast>");
    if (fn == NULL)
        goto fail;
    PyObject *co = kr_compile_source(kr_ast_source, (Py_ssize_t)strlen(kr_ast_source), fn,
                                     Py_file_input, NULL, 0);
    Py_DECREF(fn);
    if (co == NULL)
        goto fail;
    PyObject *r = PyEval_EvalCode(co, d, d);
    Py_DECREF(co);
    if (r == NULL)
        goto fail;
    Py_DECREF(r);
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}

/* ---- C AST -> Python objects -------------------------------------------- */

typedef struct kr_a2o {
    PyObject *dict;     /* _ast module dict (borrowed) */
    int depth;
} kr_a2o;

static PyObject *kr_o_expr(kr_a2o *s, kr_expr *e);
static PyObject *kr_o_stmt(kr_a2o *s, kr_stmt *st);
static PyObject *kr_o_pattern(kr_a2o *s, kr_pattern *p);

static PyObject *
kr_o_new(kr_a2o *s, const char *cls)
{
    PyObject *t = PyDict_GetItemString(s->dict, cls);
    if (t == NULL) {
        PyErr_Format(PyExc_SystemError, "_ast has no class %s", cls);
        return NULL;
    }
    return PyObject_CallNoArgs(t);
}

/* a shared instance for field-less classes (operators, contexts) */
static PyObject *
kr_o_singleton(kr_a2o *s, const char *cls)
{
    char key[64];
    snprintf(key, sizeof key, "_%s_singleton", cls);
    PyObject *o = PyDict_GetItemString(s->dict, key);
    if (o != NULL) {
        Py_INCREF(o);
        return o;
    }
    o = kr_o_new(s, cls);
    if (o != NULL && PyDict_SetItemString(s->dict, key, o) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

/* sets obj.name = v, stealing v; -1 on error (v may be NULL) */
static int
kr_o_set(PyObject *obj, const char *name, PyObject *v)
{
    if (v == NULL)
        return -1;
    int r = PyObject_SetAttrString(obj, name, v);
    Py_DECREF(v);
    return r;
}

static PyObject *
kr_o_str(const char *s)
{
    if (s == NULL)
        Py_RETURN_NONE;
    PyObject *o = PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogatepass");
    if (o)
        PyUnicode_InternInPlace(&o);
    return o;
}

static int
kr_o_pos(PyObject *o, int lineno, int col, int end_lineno, int end_col)
{
    if (kr_o_set(o, "lineno", PyLong_FromLong(lineno)) < 0 ||
        kr_o_set(o, "col_offset", PyLong_FromLong(col)) < 0 ||
        kr_o_set(o, "end_lineno", PyLong_FromLong(end_lineno)) < 0 ||
        kr_o_set(o, "end_col_offset", PyLong_FromLong(end_col)) < 0)
        return -1;
    return 0;
}

#define KR_O_LIST(fname, seqtype, conv)                                          \
    static PyObject *fname(kr_a2o *s, seqtype *seq)                               \
    {                                                                             \
        int n = KR_SEQ_LEN(seq);                                                  \
        PyObject *l = PyList_New(n);                                              \
        if (l == NULL)                                                            \
            return NULL;                                                          \
        for (int i = 0; i < n; i++) {                                             \
            PyObject *v = seq->items[i] ? conv(s, seq->items[i])                  \
                                        : (Py_INCREF(Py_None), Py_None);          \
            if (v == NULL) {                                                      \
                Py_DECREF(l);                                                     \
                return NULL;                                                      \
            }                                                                     \
            PyList_SET_ITEM(l, i, v);                                             \
        }                                                                         \
        return l;                                                                 \
    }

static PyObject *
kr_o_ident(kr_a2o *s, const char *id)
{
    return kr_o_str(id);
}

static PyObject *
kr_o_opt_expr(kr_a2o *s, kr_expr *e)
{
    if (e == NULL)
        Py_RETURN_NONE;
    return kr_o_expr(s, e);
}

static PyObject *kr_o_arg(kr_a2o *s, kr_arg *a);
static PyObject *kr_o_keyword(kr_a2o *s, kr_keyword *k);
static PyObject *kr_o_alias(kr_a2o *s, kr_alias *a);
static PyObject *kr_o_withitem(kr_a2o *s, kr_withitem *w);
static PyObject *kr_o_match_case(kr_a2o *s, kr_match_case *m);
static PyObject *kr_o_comprehension(kr_a2o *s, kr_comprehension *c);
static PyObject *kr_o_handler(kr_a2o *s, kr_excepthandler *h);

KR_O_LIST(kr_o_exprs, kr_expr_seq, kr_o_expr)
KR_O_LIST(kr_o_stmts, kr_stmt_seq, kr_o_stmt)
KR_O_LIST(kr_o_patterns, kr_pattern_seq, kr_o_pattern)
KR_O_LIST(kr_o_args, kr_arg_seq, kr_o_arg)
KR_O_LIST(kr_o_keywords, kr_keyword_seq, kr_o_keyword)
KR_O_LIST(kr_o_aliases, kr_alias_seq, kr_o_alias)
KR_O_LIST(kr_o_withitems, kr_withitem_seq, kr_o_withitem)
KR_O_LIST(kr_o_cases, kr_match_case_seq, kr_o_match_case)
KR_O_LIST(kr_o_comps, kr_comprehension_seq, kr_o_comprehension)
KR_O_LIST(kr_o_handlers, kr_excepthandler_seq, kr_o_handler)
KR_O_LIST(kr_o_idents, kr_ident_seq, kr_o_ident)

static PyObject *
kr_o_arg(kr_a2o *s, kr_arg *a)
{
    PyObject *o = kr_o_new(s, "arg");
    if (o == NULL)
        return NULL;
    if (kr_o_set(o, "arg", kr_o_str(a->arg)) < 0 ||
        kr_o_set(o, "annotation", kr_o_opt_expr(s, a->annotation)) < 0 ||
        kr_o_set(o, "type_comment", kr_o_str(a->type_comment)) < 0 ||
        kr_o_pos(o, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static PyObject *
kr_o_keyword(kr_a2o *s, kr_keyword *k)
{
    PyObject *o = kr_o_new(s, "keyword");
    if (o == NULL)
        return NULL;
    if (kr_o_set(o, "arg", kr_o_str(k->arg)) < 0 ||
        kr_o_set(o, "value", kr_o_expr(s, k->value)) < 0 ||
        kr_o_pos(o, k->lineno, k->col_offset, k->end_lineno, k->end_col_offset) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static PyObject *
kr_o_alias(kr_a2o *s, kr_alias *a)
{
    PyObject *o = kr_o_new(s, "alias");
    if (o == NULL)
        return NULL;
    if (kr_o_set(o, "name", kr_o_str(a->name)) < 0 ||
        kr_o_set(o, "asname", kr_o_str(a->asname)) < 0 ||
        kr_o_pos(o, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static PyObject *
kr_o_withitem(kr_a2o *s, kr_withitem *w)
{
    PyObject *o = kr_o_new(s, "withitem");
    if (o == NULL)
        return NULL;
    if (kr_o_set(o, "context_expr", kr_o_expr(s, w->context_expr)) < 0 ||
        kr_o_set(o, "optional_vars", kr_o_opt_expr(s, w->optional_vars)) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static PyObject *
kr_o_match_case(kr_a2o *s, kr_match_case *m)
{
    PyObject *o = kr_o_new(s, "match_case");
    if (o == NULL)
        return NULL;
    if (kr_o_set(o, "pattern", kr_o_pattern(s, m->pattern)) < 0 ||
        kr_o_set(o, "guard", kr_o_opt_expr(s, m->guard)) < 0 ||
        kr_o_set(o, "body", kr_o_stmts(s, m->body)) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static PyObject *
kr_o_comprehension(kr_a2o *s, kr_comprehension *c)
{
    PyObject *o = kr_o_new(s, "comprehension");
    if (o == NULL)
        return NULL;
    if (kr_o_set(o, "target", kr_o_expr(s, c->target)) < 0 ||
        kr_o_set(o, "iter", kr_o_expr(s, c->iter)) < 0 ||
        kr_o_set(o, "ifs", kr_o_exprs(s, c->ifs)) < 0 ||
        kr_o_set(o, "is_async", PyLong_FromLong(c->is_async)) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static PyObject *
kr_o_handler(kr_a2o *s, kr_excepthandler *h)
{
    PyObject *o = kr_o_new(s, "ExceptHandler");
    if (o == NULL)
        return NULL;
    if (kr_o_set(o, "type", kr_o_opt_expr(s, h->v.ExceptHandler.type)) < 0 ||
        kr_o_set(o, "name", kr_o_str(h->v.ExceptHandler.name)) < 0 ||
        kr_o_set(o, "body", kr_o_stmts(s, h->v.ExceptHandler.body)) < 0 ||
        kr_o_pos(o, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static PyObject *
kr_o_arguments(kr_a2o *s, kr_arguments *a)
{
    PyObject *o = kr_o_new(s, "arguments");
    if (o == NULL)
        return NULL;
    if (kr_o_set(o, "posonlyargs", kr_o_args(s, a->posonlyargs)) < 0 ||
        kr_o_set(o, "args", kr_o_args(s, a->args)) < 0 ||
        kr_o_set(o, "vararg", a->vararg ? kr_o_arg(s, a->vararg)
                                         : (Py_INCREF(Py_None), Py_None)) < 0 ||
        kr_o_set(o, "kwonlyargs", kr_o_args(s, a->kwonlyargs)) < 0 ||
        kr_o_set(o, "kw_defaults", kr_o_exprs(s, a->kw_defaults)) < 0 ||
        kr_o_set(o, "kwarg", a->kwarg ? kr_o_arg(s, a->kwarg)
                                       : (Py_INCREF(Py_None), Py_None)) < 0 ||
        kr_o_set(o, "defaults", kr_o_exprs(s, a->defaults)) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static const char *const kr_ctx_names[] = { "", "Load", "Store", "Del" };
static const char *const kr_boolop_names[] = { "", "And", "Or" };
static const char *const kr_operator_names[] = {
    "", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift",
    "BitOr", "BitXor", "BitAnd", "FloorDiv"
};
static const char *const kr_unaryop_names[] = { "", "Invert", "Not", "UAdd", "USub" };
static const char *const kr_cmpop_names[] = {
    "", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"
};

static PyObject *
kr_o_enum(kr_a2o *s, const char *const *names, int n, int v)
{
    if (v < 1 || v >= n) {
        PyErr_SetString(PyExc_SystemError, "invalid AST enum value");
        return NULL;
    }
    return kr_o_singleton(s, names[v]);
}

#define KR_ENUM(tab, v) kr_o_enum(s, tab, (int)(sizeof tab / sizeof tab[0]), (int)(v))

static PyObject *
kr_o_cmpops(kr_a2o *s, kr_int_seq *ops)
{
    int n = KR_SEQ_LEN(ops);
    PyObject *l = PyList_New(n);
    if (l == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *v = KR_ENUM(kr_cmpop_names, ops->items[i]);
        if (v == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        PyList_SET_ITEM(l, i, v);
    }
    return l;
}

static int
kr_o_enter(kr_a2o *s)
{
    if (++s->depth > KR_COMPILER_MAX_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during ast construction");
        return -1;
    }
    return 0;
}

static PyObject *
kr_o_expr(kr_a2o *s, kr_expr *e)
{
    static const char *const names[] = {
        "", "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
        "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
        "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute",
        "Subscript", "Starred", "Name", "List", "Tuple", "Slice"
    };
    if (kr_o_enter(s) < 0)
        return NULL;
    PyObject *o = kr_o_new(s, names[e->kind]);
    if (o == NULL)
        goto fail;
    int r = 0;
    switch (e->kind) {
    case KR_BoolOp:
        r = kr_o_set(o, "op", KR_ENUM(kr_boolop_names, e->v.BoolOp.op)) < 0 ||
            kr_o_set(o, "values", kr_o_exprs(s, e->v.BoolOp.values)) < 0;
        break;
    case KR_NamedExpr:
        r = kr_o_set(o, "target", kr_o_expr(s, e->v.NamedExpr.target)) < 0 ||
            kr_o_set(o, "value", kr_o_expr(s, e->v.NamedExpr.value)) < 0;
        break;
    case KR_BinOp:
        r = kr_o_set(o, "left", kr_o_expr(s, e->v.BinOp.left)) < 0 ||
            kr_o_set(o, "op", KR_ENUM(kr_operator_names, e->v.BinOp.op)) < 0 ||
            kr_o_set(o, "right", kr_o_expr(s, e->v.BinOp.right)) < 0;
        break;
    case KR_UnaryOp:
        r = kr_o_set(o, "op", KR_ENUM(kr_unaryop_names, e->v.UnaryOp.op)) < 0 ||
            kr_o_set(o, "operand", kr_o_expr(s, e->v.UnaryOp.operand)) < 0;
        break;
    case KR_Lambda:
        r = kr_o_set(o, "args", kr_o_arguments(s, e->v.Lambda.args)) < 0 ||
            kr_o_set(o, "body", kr_o_expr(s, e->v.Lambda.body)) < 0;
        break;
    case KR_IfExp:
        r = kr_o_set(o, "test", kr_o_expr(s, e->v.IfExp.test)) < 0 ||
            kr_o_set(o, "body", kr_o_expr(s, e->v.IfExp.body)) < 0 ||
            kr_o_set(o, "orelse", kr_o_expr(s, e->v.IfExp.orelse)) < 0;
        break;
    case KR_Dict:
        r = kr_o_set(o, "keys", kr_o_exprs(s, e->v.Dict.keys)) < 0 ||
            kr_o_set(o, "values", kr_o_exprs(s, e->v.Dict.values)) < 0;
        break;
    case KR_Set:
        r = kr_o_set(o, "elts", kr_o_exprs(s, e->v.Set.elts)) < 0;
        break;
    case KR_ListComp: case KR_SetComp: case KR_GeneratorExp:
        r = kr_o_set(o, "elt", kr_o_expr(s, e->v.ListComp.elt)) < 0 ||
            kr_o_set(o, "generators", kr_o_comps(s, e->v.ListComp.generators)) < 0;
        break;
    case KR_DictComp:
        r = kr_o_set(o, "key", kr_o_expr(s, e->v.DictComp.key)) < 0 ||
            kr_o_set(o, "value", kr_o_expr(s, e->v.DictComp.value)) < 0 ||
            kr_o_set(o, "generators", kr_o_comps(s, e->v.DictComp.generators)) < 0;
        break;
    case KR_Await: case KR_YieldFrom:
        r = kr_o_set(o, "value", kr_o_expr(s, e->v.Await.value)) < 0;
        break;
    case KR_Yield:
        r = kr_o_set(o, "value", kr_o_opt_expr(s, e->v.Yield.value)) < 0;
        break;
    case KR_Compare:
        r = kr_o_set(o, "left", kr_o_expr(s, e->v.Compare.left)) < 0 ||
            kr_o_set(o, "ops", kr_o_cmpops(s, e->v.Compare.ops)) < 0 ||
            kr_o_set(o, "comparators", kr_o_exprs(s, e->v.Compare.comparators)) < 0;
        break;
    case KR_Call:
        r = kr_o_set(o, "func", kr_o_expr(s, e->v.Call.func)) < 0 ||
            kr_o_set(o, "args", kr_o_exprs(s, e->v.Call.args)) < 0 ||
            kr_o_set(o, "keywords", kr_o_keywords(s, e->v.Call.keywords)) < 0;
        break;
    case KR_FormattedValue:
        r = kr_o_set(o, "value", kr_o_expr(s, e->v.FormattedValue.value)) < 0 ||
            kr_o_set(o, "conversion", PyLong_FromLong(e->v.FormattedValue.conversion)) < 0 ||
            kr_o_set(o, "format_spec", kr_o_opt_expr(s, e->v.FormattedValue.format_spec)) < 0;
        break;
    case KR_JoinedStr:
        r = kr_o_set(o, "values", kr_o_exprs(s, e->v.JoinedStr.values)) < 0;
        break;
    case KR_Constant:
        r = kr_o_set(o, "value", kr_cg_constant(NULL, &e->v.Constant.value)) < 0 ||
            kr_o_set(o, "kind", kr_o_str(e->v.Constant.kind)) < 0;
        break;
    case KR_Attribute:
        r = kr_o_set(o, "value", kr_o_expr(s, e->v.Attribute.value)) < 0 ||
            kr_o_set(o, "attr", kr_o_str(e->v.Attribute.attr)) < 0 ||
            kr_o_set(o, "ctx", KR_ENUM(kr_ctx_names, e->v.Attribute.ctx)) < 0;
        break;
    case KR_Subscript:
        r = kr_o_set(o, "value", kr_o_expr(s, e->v.Subscript.value)) < 0 ||
            kr_o_set(o, "slice", kr_o_expr(s, e->v.Subscript.slice)) < 0 ||
            kr_o_set(o, "ctx", KR_ENUM(kr_ctx_names, e->v.Subscript.ctx)) < 0;
        break;
    case KR_Starred:
        r = kr_o_set(o, "value", kr_o_expr(s, e->v.Starred.value)) < 0 ||
            kr_o_set(o, "ctx", KR_ENUM(kr_ctx_names, e->v.Starred.ctx)) < 0;
        break;
    case KR_Name:
        r = kr_o_set(o, "id", kr_o_str(e->v.Name.id)) < 0 ||
            kr_o_set(o, "ctx", KR_ENUM(kr_ctx_names, e->v.Name.ctx)) < 0;
        break;
    case KR_List:
        r = kr_o_set(o, "elts", kr_o_exprs(s, e->v.List.elts)) < 0 ||
            kr_o_set(o, "ctx", KR_ENUM(kr_ctx_names, e->v.List.ctx)) < 0;
        break;
    case KR_Tuple:
        r = kr_o_set(o, "elts", kr_o_exprs(s, e->v.Tuple.elts)) < 0 ||
            kr_o_set(o, "ctx", KR_ENUM(kr_ctx_names, e->v.Tuple.ctx)) < 0;
        break;
    case KR_Slice:
        r = kr_o_set(o, "lower", kr_o_opt_expr(s, e->v.Slice.lower)) < 0 ||
            kr_o_set(o, "upper", kr_o_opt_expr(s, e->v.Slice.upper)) < 0 ||
            kr_o_set(o, "step", kr_o_opt_expr(s, e->v.Slice.step)) < 0;
        break;
    }
    if (r || kr_o_pos(o, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset) < 0)
        goto fail;
    s->depth--;
    return o;
fail:
    Py_XDECREF(o);
    s->depth--;
    return NULL;
}

static PyObject *
kr_o_stmt(kr_a2o *s, kr_stmt *st)
{
    static const char *const names[] = {
        "", "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
        "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
        "Match", "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom", "Global",
        "Nonlocal", "Expr", "Pass", "Break", "Continue"
    };
    if (kr_o_enter(s) < 0)
        return NULL;
    PyObject *o = kr_o_new(s, names[st->kind]);
    if (o == NULL)
        goto fail;
    int r = 0;
    switch (st->kind) {
    case KR_FunctionDef: case KR_AsyncFunctionDef:
        r = kr_o_set(o, "name", kr_o_str(st->v.FunctionDef.name)) < 0 ||
            kr_o_set(o, "args", kr_o_arguments(s, st->v.FunctionDef.args)) < 0 ||
            kr_o_set(o, "body", kr_o_stmts(s, st->v.FunctionDef.body)) < 0 ||
            kr_o_set(o, "decorator_list", kr_o_exprs(s, st->v.FunctionDef.decorator_list)) < 0 ||
            kr_o_set(o, "returns", kr_o_opt_expr(s, st->v.FunctionDef.returns)) < 0 ||
            kr_o_set(o, "type_comment", kr_o_str(st->v.FunctionDef.type_comment)) < 0;
        break;
    case KR_ClassDef:
        r = kr_o_set(o, "name", kr_o_str(st->v.ClassDef.name)) < 0 ||
            kr_o_set(o, "bases", kr_o_exprs(s, st->v.ClassDef.bases)) < 0 ||
            kr_o_set(o, "keywords", kr_o_keywords(s, st->v.ClassDef.keywords)) < 0 ||
            kr_o_set(o, "body", kr_o_stmts(s, st->v.ClassDef.body)) < 0 ||
            kr_o_set(o, "decorator_list", kr_o_exprs(s, st->v.ClassDef.decorator_list)) < 0;
        break;
    case KR_Return:
        r = kr_o_set(o, "value", kr_o_opt_expr(s, st->v.Return.value)) < 0;
        break;
    case KR_Delete:
        r = kr_o_set(o, "targets", kr_o_exprs(s, st->v.Delete.targets)) < 0;
        break;
    case KR_Assign:
        r = kr_o_set(o, "targets", kr_o_exprs(s, st->v.Assign.targets)) < 0 ||
            kr_o_set(o, "value", kr_o_expr(s, st->v.Assign.value)) < 0 ||
            kr_o_set(o, "type_comment", kr_o_str(st->v.Assign.type_comment)) < 0;
        break;
    case KR_AugAssign:
        r = kr_o_set(o, "target", kr_o_expr(s, st->v.AugAssign.target)) < 0 ||
            kr_o_set(o, "op", KR_ENUM(kr_operator_names, st->v.AugAssign.op)) < 0 ||
            kr_o_set(o, "value", kr_o_expr(s, st->v.AugAssign.value)) < 0;
        break;
    case KR_AnnAssign:
        r = kr_o_set(o, "target", kr_o_expr(s, st->v.AnnAssign.target)) < 0 ||
            kr_o_set(o, "annotation", kr_o_expr(s, st->v.AnnAssign.annotation)) < 0 ||
            kr_o_set(o, "value", kr_o_opt_expr(s, st->v.AnnAssign.value)) < 0 ||
            kr_o_set(o, "simple", PyLong_FromLong(st->v.AnnAssign.simple)) < 0;
        break;
    case KR_For: case KR_AsyncFor:
        r = kr_o_set(o, "target", kr_o_expr(s, st->v.For.target)) < 0 ||
            kr_o_set(o, "iter", kr_o_expr(s, st->v.For.iter)) < 0 ||
            kr_o_set(o, "body", kr_o_stmts(s, st->v.For.body)) < 0 ||
            kr_o_set(o, "orelse", kr_o_stmts(s, st->v.For.orelse)) < 0 ||
            kr_o_set(o, "type_comment", kr_o_str(st->v.For.type_comment)) < 0;
        break;
    case KR_While: case KR_If:
        r = kr_o_set(o, "test", kr_o_expr(s, st->v.While.test)) < 0 ||
            kr_o_set(o, "body", kr_o_stmts(s, st->v.While.body)) < 0 ||
            kr_o_set(o, "orelse", kr_o_stmts(s, st->v.While.orelse)) < 0;
        break;
    case KR_With: case KR_AsyncWith:
        r = kr_o_set(o, "items", kr_o_withitems(s, st->v.With.items)) < 0 ||
            kr_o_set(o, "body", kr_o_stmts(s, st->v.With.body)) < 0 ||
            kr_o_set(o, "type_comment", kr_o_str(st->v.With.type_comment)) < 0;
        break;
    case KR_Match:
        r = kr_o_set(o, "subject", kr_o_expr(s, st->v.Match.subject)) < 0 ||
            kr_o_set(o, "cases", kr_o_cases(s, st->v.Match.cases)) < 0;
        break;
    case KR_Raise:
        r = kr_o_set(o, "exc", kr_o_opt_expr(s, st->v.Raise.exc)) < 0 ||
            kr_o_set(o, "cause", kr_o_opt_expr(s, st->v.Raise.cause)) < 0;
        break;
    case KR_Try: case KR_TryStar:
        r = kr_o_set(o, "body", kr_o_stmts(s, st->v.Try.body)) < 0 ||
            kr_o_set(o, "handlers", kr_o_handlers(s, st->v.Try.handlers)) < 0 ||
            kr_o_set(o, "orelse", kr_o_stmts(s, st->v.Try.orelse)) < 0 ||
            kr_o_set(o, "finalbody", kr_o_stmts(s, st->v.Try.finalbody)) < 0;
        break;
    case KR_Assert:
        r = kr_o_set(o, "test", kr_o_expr(s, st->v.Assert.test)) < 0 ||
            kr_o_set(o, "msg", kr_o_opt_expr(s, st->v.Assert.msg)) < 0;
        break;
    case KR_Import:
        r = kr_o_set(o, "names", kr_o_aliases(s, st->v.Import.names)) < 0;
        break;
    case KR_ImportFrom:
        r = kr_o_set(o, "module", kr_o_str(st->v.ImportFrom.module)) < 0 ||
            kr_o_set(o, "names", kr_o_aliases(s, st->v.ImportFrom.names)) < 0 ||
            kr_o_set(o, "level", PyLong_FromLong(st->v.ImportFrom.level)) < 0;
        break;
    case KR_Global: case KR_Nonlocal:
        r = kr_o_set(o, "names", kr_o_idents(s, st->v.Global.names)) < 0;
        break;
    case KR_Expr:
        r = kr_o_set(o, "value", kr_o_expr(s, st->v.Expr.value)) < 0;
        break;
    case KR_Pass: case KR_Break: case KR_Continue:
        break;
    }
    if (r || kr_o_pos(o, st->lineno, st->col_offset, st->end_lineno, st->end_col_offset) < 0)
        goto fail;
    s->depth--;
    return o;
fail:
    Py_XDECREF(o);
    s->depth--;
    return NULL;
}

static PyObject *
kr_o_pattern(kr_a2o *s, kr_pattern *p)
{
    static const char *const names[] = {
        "", "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping",
        "MatchClass", "MatchStar", "MatchAs", "MatchOr"
    };
    if (kr_o_enter(s) < 0)
        return NULL;
    PyObject *o = kr_o_new(s, names[p->kind]);
    if (o == NULL)
        goto fail;
    int r = 0;
    switch (p->kind) {
    case KR_MatchValue:
        r = kr_o_set(o, "value", kr_o_expr(s, p->v.MatchValue.value)) < 0;
        break;
    case KR_MatchSingleton:
        r = kr_o_set(o, "value", kr_cg_constant(NULL, &p->v.MatchSingleton.value)) < 0;
        break;
    case KR_MatchSequence:
        r = kr_o_set(o, "patterns", kr_o_patterns(s, p->v.MatchSequence.patterns)) < 0;
        break;
    case KR_MatchMapping:
        r = kr_o_set(o, "keys", kr_o_exprs(s, p->v.MatchMapping.keys)) < 0 ||
            kr_o_set(o, "patterns", kr_o_patterns(s, p->v.MatchMapping.patterns)) < 0 ||
            kr_o_set(o, "rest", kr_o_str(p->v.MatchMapping.rest)) < 0;
        break;
    case KR_MatchClass:
        r = kr_o_set(o, "cls", kr_o_expr(s, p->v.MatchClass.cls)) < 0 ||
            kr_o_set(o, "patterns", kr_o_patterns(s, p->v.MatchClass.patterns)) < 0 ||
            kr_o_set(o, "kwd_attrs", kr_o_idents(s, p->v.MatchClass.kwd_attrs)) < 0 ||
            kr_o_set(o, "kwd_patterns", kr_o_patterns(s, p->v.MatchClass.kwd_patterns)) < 0;
        break;
    case KR_MatchStar:
        r = kr_o_set(o, "name", kr_o_str(p->v.MatchStar.name)) < 0;
        break;
    case KR_MatchAs:
        r = kr_o_set(o, "pattern", p->v.MatchAs.pattern ? kr_o_pattern(s, p->v.MatchAs.pattern)
                                                         : (Py_INCREF(Py_None), Py_None)) < 0 ||
            kr_o_set(o, "name", kr_o_str(p->v.MatchAs.name)) < 0;
        break;
    case KR_MatchOr:
        r = kr_o_set(o, "patterns", kr_o_patterns(s, p->v.MatchOr.patterns)) < 0;
        break;
    }
    if (r || kr_o_pos(o, p->lineno, p->col_offset, p->end_lineno, p->end_col_offset) < 0)
        goto fail;
    s->depth--;
    return o;
fail:
    Py_XDECREF(o);
    s->depth--;
    return NULL;
}

PyObject *
kr_ast_from_mod(kr_mod *mod)
{
    PyObject *m = PyImport_ImportModule("_ast");
    if (m == NULL)
        return NULL;
    kr_a2o s = { PyModule_GetDict(m), 0 };
    PyObject *o = NULL;
    switch (mod->kind) {
    case KR_Module:
        o = kr_o_new(&s, "Module");
        if (o && (kr_o_set(o, "body", kr_o_stmts(&s, mod->v.Module.body)) < 0 ||
                  kr_o_set(o, "type_ignores", PyList_New(0)) < 0))
            Py_CLEAR(o);
        break;
    case KR_Interactive:
        o = kr_o_new(&s, "Interactive");
        if (o && kr_o_set(o, "body", kr_o_stmts(&s, mod->v.Interactive.body)) < 0)
            Py_CLEAR(o);
        break;
    case KR_Expression:
        o = kr_o_new(&s, "Expression");
        if (o && kr_o_set(o, "body", kr_o_expr(&s, mod->v.Expression.body)) < 0)
            Py_CLEAR(o);
        break;
    case KR_FunctionType:
        o = kr_o_new(&s, "FunctionType");
        if (o && (kr_o_set(o, "argtypes", kr_o_exprs(&s, mod->v.FunctionType.argtypes)) < 0 ||
                  kr_o_set(o, "returns", kr_o_expr(&s, mod->v.FunctionType.returns)) < 0))
            Py_CLEAR(o);
        break;
    }
    Py_DECREF(m);
    return o;
}
