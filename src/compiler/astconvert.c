/* astconvert.c: Python `ast` objects -> the compiler's C AST, so that
 * compile() accepts AST objects (obj2ast in CPython's terms).  The tree
 * is rebuilt in an arena and compiled like parsed source.  Missing
 * required fields and wrongly typed nodes raise CPython's TypeError /
 * ValueError texts.  Constants must be of the kinds the C AST can hold
 * (None, bool, int, float, imaginary complex, str, bytes, Ellipsis). */
#include "internal.h"
#include "compiler/codegen.h"

typedef struct kr_o2a {
    kr_arena *arena;
    PyObject *mod;     /* _ast module dict (borrowed) */
    int depth;
} kr_o2a;

static int
kr_i_isinstance(kr_o2a *s, PyObject *o, const char *cls)
{
    PyObject *t = PyDict_GetItemString(s->mod, cls);
    if (t == NULL)
        return 0;
    return PyObject_IsInstance(o, t);
}

/* new reference to field `name` of `o`; NULL with TypeError when missing
 * and required, NULL without exception when missing and optional */
static PyObject *
kr_i_field(PyObject *o, const char *name, const char *owner, int required)
{
    PyObject *v = PyObject_GetAttrString(o, name);
    if (v == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return NULL;
        PyErr_Clear();
        if (required)
            PyErr_Format(PyExc_TypeError, "required field \"%s\" missing from %s", name, owner);
        return NULL;
    }
    if (v == Py_None && !required) {
        Py_DECREF(v);
        return NULL;
    }
    if (v == Py_None && required) {
        Py_DECREF(v);
        PyErr_Format(PyExc_ValueError, "field \"%s\" is required for %s", name, owner);
        return NULL;
    }
    return v;
}

static int
kr_i_int(PyObject *o, const char *name, const char *owner, int required, int *out)
{
    PyObject *v = kr_i_field(o, name, owner, required);
    if (v == NULL)
        return PyErr_Occurred() ? -1 : 0;
    long x = PyLong_AsLong(v);
    Py_DECREF(v);
    if (x == -1 && PyErr_Occurred())
        return -1;
    *out = (int)x;
    return 0;
}

static const char *
kr_i_ident(kr_o2a *s, PyObject *o, const char *name, const char *owner, int required)
{
    PyObject *v = kr_i_field(o, name, owner, required);
    if (v == NULL)
        return NULL;
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "AST identifier must be of type str");
        Py_DECREF(v);
        return NULL;
    }
    Py_ssize_t len;
    const char *u = PyUnicode_AsUTF8AndSize(v, &len);
    char *r = u ? kr_arena_strndup(s->arena, u, (size_t)len) : NULL;
    if (u && r == NULL)
        PyErr_NoMemory();
    Py_DECREF(v);
    return r;
}

#define KR_POSITIONS(node, o, owner, end_required)                                  \
    (kr_i_int(o, "lineno", owner, 1, &(node)->lineno) < 0 ||                        \
     kr_i_int(o, "col_offset", owner, 1, &(node)->col_offset) < 0 ||                \
     ((node)->end_lineno = (node)->lineno,                                          \
      kr_i_int(o, "end_lineno", owner, end_required, &(node)->end_lineno) < 0) ||   \
     ((node)->end_col_offset = (node)->col_offset,                                  \
      kr_i_int(o, "end_col_offset", owner, end_required, &(node)->end_col_offset) < 0))

static kr_expr *kr_i_expr(kr_o2a *s, PyObject *o);
static kr_stmt *kr_i_stmt(kr_o2a *s, PyObject *o);
static kr_pattern *kr_i_pattern(kr_o2a *s, PyObject *o);

static void *
kr_i_alloc(kr_o2a *s, size_t n)
{
    void *p = kr_arena_alloc(s->arena, n);
    if (p == NULL)
        PyErr_NoMemory();
    return p;
}

/* a list field converted element by element with `conv` into a sequence
 * of pointers; NULL elements allowed when `nulls` */
static void *
kr_i_seq(kr_o2a *s, PyObject *o, const char *name, const char *owner,
         void *(*conv)(kr_o2a *, PyObject *), int nulls, int *err)
{
    PyObject *v = kr_i_field(o, name, owner, 0);
    if (v == NULL) {
        if (PyErr_Occurred())
            *err = 1;
        return NULL;
    }
    if (!PyList_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s field \"%s\" must be a list, not a %.200s",
                     owner, name, Py_TYPE(v)->tp_name);
        Py_DECREF(v);
        *err = 1;
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(v);
    kr_expr_seq *seq = kr_i_alloc(s, sizeof(kr_expr_seq) + sizeof(void *) * (size_t)(n + 1));
    if (seq == NULL) {
        Py_DECREF(v);
        *err = 1;
        return NULL;
    }
    seq->n = (int)n;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(v, i);
        if (item == Py_None && nulls) {
            seq->items[i] = NULL;
            continue;
        }
        void *x = conv(s, item);
        if (x == NULL) {
            Py_DECREF(v);
            *err = 1;
            return NULL;
        }
        seq->items[i] = x;
    }
    Py_DECREF(v);
    return seq;
}

static void *kr_i_expr_v(kr_o2a *s, PyObject *o) { return kr_i_expr(s, o); }
static void *kr_i_stmt_v(kr_o2a *s, PyObject *o) { return kr_i_stmt(s, o); }
static void *kr_i_pattern_v(kr_o2a *s, PyObject *o) { return kr_i_pattern(s, o); }

static void *
kr_i_ident_v(kr_o2a *s, PyObject *o)
{
    if (!PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "AST identifier must be of type str");
        return NULL;
    }
    Py_ssize_t len;
    const char *u = PyUnicode_AsUTF8AndSize(o, &len);
    char *r = u ? kr_arena_strndup(s->arena, u, (size_t)len) : NULL;
    if (u && r == NULL)
        PyErr_NoMemory();
    return r;
}

static kr_expr *
kr_i_opt_expr(kr_o2a *s, PyObject *o, const char *name, const char *owner, int *err)
{
    PyObject *v = kr_i_field(o, name, owner, 0);
    if (v == NULL) {
        if (PyErr_Occurred())
            *err = 1;
        return NULL;
    }
    kr_expr *e = kr_i_expr(s, v);
    Py_DECREF(v);
    if (e == NULL)
        *err = 1;
    return e;
}

static kr_expr *
kr_i_req_expr(kr_o2a *s, PyObject *o, const char *name, const char *owner, int *err)
{
    PyObject *v = kr_i_field(o, name, owner, 1);
    if (v == NULL) {
        *err = 1;
        return NULL;
    }
    kr_expr *e = kr_i_expr(s, v);
    Py_DECREF(v);
    if (e == NULL)
        *err = 1;
    return e;
}

/* index of the class of `v` among `names` (1-based, as the C enums) */
static int
kr_i_enum(kr_o2a *s, PyObject *o, const char *name, const char *owner,
          const char *const *names, int n, const char *what)
{
    PyObject *v = kr_i_field(o, name, owner, 1);
    if (v == NULL)
        return -1;
    for (int i = 1; i < n; i++) {
        int r = kr_i_isinstance(s, v, names[i]);
        if (r != 0) {
            Py_DECREF(v);
            return r < 0 ? -1 : i;
        }
    }
    PyErr_Format(PyExc_TypeError, "expected some sort of %s, but got %R", what, v);
    Py_DECREF(v);
    return -1;
}

static const char *const kr_ctx_n[] = { "", "Load", "Store", "Del" };
static const char *const kr_boolop_n[] = { "", "And", "Or" };
static const char *const kr_op_n[] = {
    "", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift",
    "BitOr", "BitXor", "BitAnd", "FloorDiv"
};
static const char *const kr_unary_n[] = { "", "Invert", "Not", "UAdd", "USub" };
static const char *const kr_cmp_n[] = {
    "", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"
};
#define KR_N(t) ((int)(sizeof t / sizeof t[0]))

static int
kr_i_constant(kr_o2a *s, PyObject *v, kr_constant *k)
{
    if (v == Py_None) {
        k->kind = KR_CONST_NONE;
    } else if (v == Py_True) {
        k->kind = KR_CONST_TRUE;
    } else if (v == Py_False) {
        k->kind = KR_CONST_FALSE;
    } else if (v == Py_Ellipsis) {
        k->kind = KR_CONST_ELLIPSIS;
    } else if (PyLong_CheckExact(v) || PyFloat_CheckExact(v) ||
               (PyComplex_CheckExact(v) && PyComplex_RealAsDouble(v) == 0.0 &&
                copysign(1.0, PyComplex_RealAsDouble(v)) > 0)) {
        PyObject *r;
        if (PyComplex_CheckExact(v)) {
            PyObject *im = PyFloat_FromDouble(PyComplex_ImagAsDouble(v));
            r = im ? PyObject_Repr(im) : NULL;
            Py_XDECREF(im);
            k->kind = KR_CONST_IMAGINARY;
        } else {
            r = PyObject_Repr(v);
            k->kind = PyLong_CheckExact(v) ? KR_CONST_INT : KR_CONST_FLOAT;
        }
        if (r == NULL)
            return -1;
        const char *t = PyUnicode_AsUTF8(r);
        char *copy = t ? kr_arena_strndup(s->arena, t, strlen(t)) : NULL;
        Py_DECREF(r);
        if (copy == NULL)
            return PyErr_Occurred() ? -1 : (PyErr_NoMemory(), -1);
        if (k->kind == KR_CONST_INT) {
            k->u.i.digits = copy;
            k->u.i.base = 10;
        } else {
            k->u.text = copy;
        }
    } else if (PyUnicode_CheckExact(v)) {
        PyObject *b = PyUnicode_AsEncodedString(v, "utf-8", "surrogatepass");
        if (b == NULL)
            return -1;
        k->kind = KR_CONST_STR;
        k->u.s.len = (size_t)PyBytes_Size(b);
        char *copy = kr_arena_strndup(s->arena, PyBytes_AsString(b), k->u.s.len);
        Py_DECREF(b);
        if (copy == NULL)
            return PyErr_NoMemory(), -1;
        k->u.s.bytes = copy;
    } else if (KR_BYTES_CHECK_EXACT(v)) {
        k->kind = KR_CONST_BYTES;
        k->u.s.len = (size_t)PyBytes_Size(v);
        char *copy = kr_arena_strndup(s->arena, PyBytes_AsString(v), k->u.s.len);
        if (copy == NULL)
            return PyErr_NoMemory(), -1;
        k->u.s.bytes = copy;
    } else {
        PyErr_Format(PyExc_TypeError, "got an invalid type in Constant: %s",
                     Py_TYPE(v)->tp_name);
        return -1;
    }
    return 0;
}

static kr_arguments *
kr_i_arguments(kr_o2a *s, PyObject *o);

static void *
kr_i_arg_v(kr_o2a *s, PyObject *o)
{
    kr_arg *a = kr_i_alloc(s, sizeof(kr_arg));
    int err = 0;
    if (a == NULL)
        return NULL;
    a->arg = kr_i_ident(s, o, "arg", "arg", 1);
    if (a->arg == NULL)
        return NULL;
    a->annotation = kr_i_opt_expr(s, o, "annotation", "arg", &err);
    if (err || KR_POSITIONS(a, o, "arg", 0))
        return NULL;
    return a;
}

static kr_arguments *
kr_i_arguments(kr_o2a *s, PyObject *o)
{
    kr_arguments *a = kr_i_alloc(s, sizeof(kr_arguments));
    int err = 0;
    if (a == NULL)
        return NULL;
    a->posonlyargs = kr_i_seq(s, o, "posonlyargs", "arguments", kr_i_arg_v, 0, &err);
    a->args = kr_i_seq(s, o, "args", "arguments", kr_i_arg_v, 0, &err);
    a->kwonlyargs = kr_i_seq(s, o, "kwonlyargs", "arguments", kr_i_arg_v, 0, &err);
    a->kw_defaults = kr_i_seq(s, o, "kw_defaults", "arguments", kr_i_expr_v, 1, &err);
    a->defaults = kr_i_seq(s, o, "defaults", "arguments", kr_i_expr_v, 0, &err);
    if (err)
        return NULL;
    PyObject *v = kr_i_field(o, "vararg", "arguments", 0);
    if (v) {
        a->vararg = kr_i_arg_v(s, v);
        Py_DECREF(v);
        if (a->vararg == NULL)
            return NULL;
    } else if (PyErr_Occurred())
        return NULL;
    v = kr_i_field(o, "kwarg", "arguments", 0);
    if (v) {
        a->kwarg = kr_i_arg_v(s, v);
        Py_DECREF(v);
        if (a->kwarg == NULL)
            return NULL;
    } else if (PyErr_Occurred())
        return NULL;
    return a;
}

static void *
kr_i_keyword_v(kr_o2a *s, PyObject *o)
{
    kr_keyword *k = kr_i_alloc(s, sizeof(kr_keyword));
    int err = 0;
    if (k == NULL)
        return NULL;
    k->arg = kr_i_ident(s, o, "arg", "keyword", 0);
    if (PyErr_Occurred())
        return NULL;
    k->value = kr_i_req_expr(s, o, "value", "keyword", &err);
    if (err || KR_POSITIONS(k, o, "keyword", 0))
        return NULL;
    return k;
}

static void *
kr_i_comprehension_v(kr_o2a *s, PyObject *o)
{
    kr_comprehension *c = kr_i_alloc(s, sizeof(kr_comprehension));
    int err = 0;
    if (c == NULL)
        return NULL;
    c->target = kr_i_req_expr(s, o, "target", "comprehension", &err);
    if (!err)
        c->iter = kr_i_req_expr(s, o, "iter", "comprehension", &err);
    if (!err)
        c->ifs = kr_i_seq(s, o, "ifs", "comprehension", kr_i_expr_v, 0, &err);
    if (err || kr_i_int(o, "is_async", "comprehension", 1, &c->is_async) < 0)
        return NULL;
    return c;
}

static int
kr_i_enter(kr_o2a *s)
{
    if (++s->depth > KR_COMPILER_MAX_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

static const char *
kr_i_kind_name(kr_o2a *s, PyObject *o, const char *const *names, int n, int *kind)
{
    for (int i = 1; i < n; i++) {
        int r = kr_i_isinstance(s, o, names[i]);
        if (r < 0)
            return NULL;
        if (r) {
            *kind = i;
            return names[i];
        }
    }
    *kind = 0;
    return NULL;
}

static kr_expr *
kr_i_expr(kr_o2a *s, PyObject *o)
{
    static const char *const names[] = {
        "", "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
        "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
        "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute",
        "Subscript", "Starred", "Name", "List", "Tuple", "Slice"
    };
    if (kr_i_enter(s) < 0)
        return NULL;
    int kind;
    const char *nm = kr_i_kind_name(s, o, names, KR_N(names), &kind);
    kr_expr *e = NULL;
    int err = 0;
    if (nm == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "expected some sort of expr, but got %R", o);
        goto done;
    }
    e = kr_i_alloc(s, sizeof(kr_expr));
    if (e == NULL || KR_POSITIONS(e, o, nm, 0)) {
        e = NULL;
        goto done;
    }
    e->kind = (kr_expr_kind)kind;
    switch (e->kind) {
    case KR_BoolOp:
        e->v.BoolOp.op = kr_i_enum(s, o, "op", nm, kr_boolop_n, KR_N(kr_boolop_n), "boolop");
        err = (int)e->v.BoolOp.op < 0;
        if (!err)
            e->v.BoolOp.values = kr_i_seq(s, o, "values", nm, kr_i_expr_v, 0, &err);
        break;
    case KR_NamedExpr:
        e->v.NamedExpr.target = kr_i_req_expr(s, o, "target", nm, &err);
        if (!err)
            e->v.NamedExpr.value = kr_i_req_expr(s, o, "value", nm, &err);
        break;
    case KR_BinOp:
        e->v.BinOp.left = kr_i_req_expr(s, o, "left", nm, &err);
        if (!err && (int)(e->v.BinOp.op = kr_i_enum(s, o, "op", nm, kr_op_n, KR_N(kr_op_n),
                                                      "operator")) < 0)
            err = 1;
        if (!err)
            e->v.BinOp.right = kr_i_req_expr(s, o, "right", nm, &err);
        break;
    case KR_UnaryOp:
        if ((int)(e->v.UnaryOp.op = kr_i_enum(s, o, "op", nm, kr_unary_n, KR_N(kr_unary_n),
                                               "unaryop")) < 0)
            err = 1;
        if (!err)
            e->v.UnaryOp.operand = kr_i_req_expr(s, o, "operand", nm, &err);
        break;
    case KR_Lambda: {
        PyObject *a = kr_i_field(o, "args", nm, 1);
        if (a == NULL || (e->v.Lambda.args = kr_i_arguments(s, a)) == NULL)
            err = 1;
        Py_XDECREF(a);
        if (!err)
            e->v.Lambda.body = kr_i_req_expr(s, o, "body", nm, &err);
        break;
    }
    case KR_IfExp:
        e->v.IfExp.test = kr_i_req_expr(s, o, "test", nm, &err);
        if (!err)
            e->v.IfExp.body = kr_i_req_expr(s, o, "body", nm, &err);
        if (!err)
            e->v.IfExp.orelse = kr_i_req_expr(s, o, "orelse", nm, &err);
        break;
    case KR_Dict:
        e->v.Dict.keys = kr_i_seq(s, o, "keys", nm, kr_i_expr_v, 1, &err);
        if (!err)
            e->v.Dict.values = kr_i_seq(s, o, "values", nm, kr_i_expr_v, 0, &err);
        if (!err && KR_SEQ_LEN(e->v.Dict.keys) != KR_SEQ_LEN(e->v.Dict.values)) {
            PyErr_SetString(PyExc_ValueError,
                            "Dict doesn't have the same number of keys as values");
            err = 1;
        }
        break;
    case KR_Set:
        e->v.Set.elts = kr_i_seq(s, o, "elts", nm, kr_i_expr_v, 0, &err);
        break;
    case KR_ListComp: case KR_SetComp: case KR_GeneratorExp:
        e->v.ListComp.elt = kr_i_req_expr(s, o, "elt", nm, &err);
        if (!err)
            e->v.ListComp.generators = kr_i_seq(s, o, "generators", nm,
                                                kr_i_comprehension_v, 0, &err);
        if (!err && KR_SEQ_LEN(e->v.ListComp.generators) == 0) {
            PyErr_Format(PyExc_ValueError, "comprehension with no generators");
            err = 1;
        }
        break;
    case KR_DictComp:
        e->v.DictComp.key = kr_i_req_expr(s, o, "key", nm, &err);
        if (!err)
            e->v.DictComp.value = kr_i_req_expr(s, o, "value", nm, &err);
        if (!err)
            e->v.DictComp.generators = kr_i_seq(s, o, "generators", nm,
                                                kr_i_comprehension_v, 0, &err);
        if (!err && KR_SEQ_LEN(e->v.DictComp.generators) == 0) {
            PyErr_Format(PyExc_ValueError, "comprehension with no generators");
            err = 1;
        }
        break;
    case KR_Await: case KR_YieldFrom:
        e->v.Await.value = kr_i_req_expr(s, o, "value", nm, &err);
        break;
    case KR_Yield:
        e->v.Yield.value = kr_i_opt_expr(s, o, "value", nm, &err);
        break;
    case KR_Compare: {
        e->v.Compare.left = kr_i_req_expr(s, o, "left", nm, &err);
        if (!err)
            e->v.Compare.comparators = kr_i_seq(s, o, "comparators", nm, kr_i_expr_v, 0, &err);
        if (err)
            break;
        PyObject *ops = kr_i_field(o, "ops", nm, 1);
        if (ops == NULL || !PyList_Check(ops)) {
            if (ops)
                PyErr_SetString(PyExc_TypeError, "Compare field \"ops\" must be a list");
            Py_XDECREF(ops);
            err = 1;
            break;
        }
        Py_ssize_t n = PyList_GET_SIZE(ops);
        kr_int_seq *seq = kr_i_alloc(s, sizeof(kr_int_seq) + sizeof(int) * (size_t)(n + 1));
        if (seq == NULL) {
            Py_DECREF(ops);
            err = 1;
            break;
        }
        seq->n = (int)n;
        for (Py_ssize_t i = 0; i < n && !err; i++) {
            int k = 0;
            PyObject *op = PyList_GET_ITEM(ops, i);
            for (int j = 1; j < KR_N(kr_cmp_n) && !k; j++) {
                int r = kr_i_isinstance(s, op, kr_cmp_n[j]);
                if (r < 0)
                    err = 1;
                else if (r)
                    k = j;
            }
            if (!err && !k) {
                PyErr_Format(PyExc_TypeError, "expected some sort of cmpop, but got %R", op);
                err = 1;
            }
            seq->items[i] = k;
        }
        Py_DECREF(ops);
        e->v.Compare.ops = seq;
        if (!err && (n == 0 || n != KR_SEQ_LEN(e->v.Compare.comparators))) {
            PyErr_SetString(PyExc_ValueError, n == 0 ? "Compare with no comparators"
                            : "Compare has a different number of comparators and operands");
            err = 1;
        }
        break;
    }
    case KR_Call:
        e->v.Call.func = kr_i_req_expr(s, o, "func", nm, &err);
        if (!err)
            e->v.Call.args = kr_i_seq(s, o, "args", nm, kr_i_expr_v, 0, &err);
        if (!err)
            e->v.Call.keywords = kr_i_seq(s, o, "keywords", nm, kr_i_keyword_v, 0, &err);
        break;
    case KR_FormattedValue:
        e->v.FormattedValue.value = kr_i_req_expr(s, o, "value", nm, &err);
        if (!err && kr_i_int(o, "conversion", nm, 1, &e->v.FormattedValue.conversion) < 0)
            err = 1;
        if (!err)
            e->v.FormattedValue.format_spec = kr_i_opt_expr(s, o, "format_spec", nm, &err);
        break;
    case KR_JoinedStr:
        e->v.JoinedStr.values = kr_i_seq(s, o, "values", nm, kr_i_expr_v, 0, &err);
        break;
    case KR_Constant: {
        PyObject *v = PyObject_GetAttrString(o, "value");
        if (v == NULL) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "required field \"value\" missing from Constant");
            }
            err = 1;
            break;
        }
        err = kr_i_constant(s, v, &e->v.Constant.value) < 0;
        Py_DECREF(v);
        if (!err) {
            e->v.Constant.kind = kr_i_ident(s, o, "kind", nm, 0);
            err = PyErr_Occurred() != NULL;
        }
        break;
    }
    case KR_Attribute:
        e->v.Attribute.value = kr_i_req_expr(s, o, "value", nm, &err);
        if (!err && (e->v.Attribute.attr = kr_i_ident(s, o, "attr", nm, 1)) == NULL)
            err = 1;
        if (!err && (int)(e->v.Attribute.ctx = kr_i_enum(s, o, "ctx", nm, kr_ctx_n,
                                                           KR_N(kr_ctx_n), "expr_context")) < 0)
            err = 1;
        break;
    case KR_Subscript:
        e->v.Subscript.value = kr_i_req_expr(s, o, "value", nm, &err);
        if (!err)
            e->v.Subscript.slice = kr_i_req_expr(s, o, "slice", nm, &err);
        if (!err && (int)(e->v.Subscript.ctx = kr_i_enum(s, o, "ctx", nm, kr_ctx_n,
                                                           KR_N(kr_ctx_n), "expr_context")) < 0)
            err = 1;
        break;
    case KR_Starred:
        e->v.Starred.value = kr_i_req_expr(s, o, "value", nm, &err);
        if (!err && (int)(e->v.Starred.ctx = kr_i_enum(s, o, "ctx", nm, kr_ctx_n,
                                                         KR_N(kr_ctx_n), "expr_context")) < 0)
            err = 1;
        break;
    case KR_Name:
        if ((e->v.Name.id = kr_i_ident(s, o, "id", nm, 1)) == NULL)
            err = 1;
        if (!err && (int)(e->v.Name.ctx = kr_i_enum(s, o, "ctx", nm, kr_ctx_n,
                                                      KR_N(kr_ctx_n), "expr_context")) < 0)
            err = 1;
        break;
    case KR_List: case KR_Tuple:
        e->v.List.elts = kr_i_seq(s, o, "elts", nm, kr_i_expr_v, 0, &err);
        if (!err && (int)(e->v.List.ctx = kr_i_enum(s, o, "ctx", nm, kr_ctx_n,
                                                      KR_N(kr_ctx_n), "expr_context")) < 0)
            err = 1;
        break;
    case KR_Slice:
        e->v.Slice.lower = kr_i_opt_expr(s, o, "lower", nm, &err);
        if (!err)
            e->v.Slice.upper = kr_i_opt_expr(s, o, "upper", nm, &err);
        if (!err)
            e->v.Slice.step = kr_i_opt_expr(s, o, "step", nm, &err);
        break;
    }
    if (err)
        e = NULL;
done:
    s->depth--;
    return e;
}

static void *kr_i_handler_v(kr_o2a *s, PyObject *o);
static void *kr_i_alias_v(kr_o2a *s, PyObject *o);
static void *kr_i_withitem_v(kr_o2a *s, PyObject *o);
static void *kr_i_case_v(kr_o2a *s, PyObject *o);

static kr_stmt *
kr_i_stmt(kr_o2a *s, PyObject *o)
{
    static const char *const names[] = {
        "", "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
        "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
        "Match", "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom", "Global",
        "Nonlocal", "Expr", "Pass", "Break", "Continue"
    };
    if (kr_i_enter(s) < 0)
        return NULL;
    int kind, err = 0;
    kr_stmt *st = NULL;
    const char *nm = kr_i_kind_name(s, o, names, KR_N(names), &kind);
    if (nm == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "expected some sort of stmt, but got %R", o);
        goto done;
    }
    st = kr_i_alloc(s, sizeof(kr_stmt));
    if (st == NULL || KR_POSITIONS(st, o, nm, 0)) {
        st = NULL;
        goto done;
    }
    st->kind = (kr_stmt_kind)kind;
    switch (st->kind) {
    case KR_FunctionDef: case KR_AsyncFunctionDef: {
        if ((st->v.FunctionDef.name = kr_i_ident(s, o, "name", nm, 1)) == NULL) {
            err = 1;
            break;
        }
        PyObject *a = kr_i_field(o, "args", nm, 1);
        if (a == NULL || (st->v.FunctionDef.args = kr_i_arguments(s, a)) == NULL)
            err = 1;
        Py_XDECREF(a);
        if (!err)
            st->v.FunctionDef.body = kr_i_seq(s, o, "body", nm, kr_i_stmt_v, 0, &err);
        if (!err)
            st->v.FunctionDef.decorator_list = kr_i_seq(s, o, "decorator_list", nm,
                                                        kr_i_expr_v, 0, &err);
        if (!err)
            st->v.FunctionDef.returns = kr_i_opt_expr(s, o, "returns", nm, &err);
        break;
    }
    case KR_ClassDef:
        if ((st->v.ClassDef.name = kr_i_ident(s, o, "name", nm, 1)) == NULL) {
            err = 1;
            break;
        }
        st->v.ClassDef.bases = kr_i_seq(s, o, "bases", nm, kr_i_expr_v, 0, &err);
        if (!err)
            st->v.ClassDef.keywords = kr_i_seq(s, o, "keywords", nm, kr_i_keyword_v, 0, &err);
        if (!err)
            st->v.ClassDef.body = kr_i_seq(s, o, "body", nm, kr_i_stmt_v, 0, &err);
        if (!err)
            st->v.ClassDef.decorator_list = kr_i_seq(s, o, "decorator_list", nm,
                                                     kr_i_expr_v, 0, &err);
        break;
    case KR_Return:
        st->v.Return.value = kr_i_opt_expr(s, o, "value", nm, &err);
        break;
    case KR_Delete:
        st->v.Delete.targets = kr_i_seq(s, o, "targets", nm, kr_i_expr_v, 0, &err);
        break;
    case KR_Assign:
        st->v.Assign.targets = kr_i_seq(s, o, "targets", nm, kr_i_expr_v, 0, &err);
        if (!err)
            st->v.Assign.value = kr_i_req_expr(s, o, "value", nm, &err);
        break;
    case KR_AugAssign:
        st->v.AugAssign.target = kr_i_req_expr(s, o, "target", nm, &err);
        if (!err && (int)(st->v.AugAssign.op = kr_i_enum(s, o, "op", nm, kr_op_n,
                                                           KR_N(kr_op_n), "operator")) < 0)
            err = 1;
        if (!err)
            st->v.AugAssign.value = kr_i_req_expr(s, o, "value", nm, &err);
        break;
    case KR_AnnAssign:
        st->v.AnnAssign.target = kr_i_req_expr(s, o, "target", nm, &err);
        if (!err)
            st->v.AnnAssign.annotation = kr_i_req_expr(s, o, "annotation", nm, &err);
        if (!err)
            st->v.AnnAssign.value = kr_i_opt_expr(s, o, "value", nm, &err);
        if (!err && kr_i_int(o, "simple", nm, 1, &st->v.AnnAssign.simple) < 0)
            err = 1;
        break;
    case KR_For: case KR_AsyncFor:
        st->v.For.target = kr_i_req_expr(s, o, "target", nm, &err);
        if (!err)
            st->v.For.iter = kr_i_req_expr(s, o, "iter", nm, &err);
        if (!err)
            st->v.For.body = kr_i_seq(s, o, "body", nm, kr_i_stmt_v, 0, &err);
        if (!err)
            st->v.For.orelse = kr_i_seq(s, o, "orelse", nm, kr_i_stmt_v, 0, &err);
        break;
    case KR_While: case KR_If:
        st->v.While.test = kr_i_req_expr(s, o, "test", nm, &err);
        if (!err)
            st->v.While.body = kr_i_seq(s, o, "body", nm, kr_i_stmt_v, 0, &err);
        if (!err)
            st->v.While.orelse = kr_i_seq(s, o, "orelse", nm, kr_i_stmt_v, 0, &err);
        break;
    case KR_With: case KR_AsyncWith:
        st->v.With.items = kr_i_seq(s, o, "items", nm, kr_i_withitem_v, 0, &err);
        if (!err)
            st->v.With.body = kr_i_seq(s, o, "body", nm, kr_i_stmt_v, 0, &err);
        break;
    case KR_Match:
        st->v.Match.subject = kr_i_req_expr(s, o, "subject", nm, &err);
        if (!err)
            st->v.Match.cases = kr_i_seq(s, o, "cases", nm, kr_i_case_v, 0, &err);
        break;
    case KR_Raise:
        st->v.Raise.exc = kr_i_opt_expr(s, o, "exc", nm, &err);
        if (!err)
            st->v.Raise.cause = kr_i_opt_expr(s, o, "cause", nm, &err);
        break;
    case KR_Try: case KR_TryStar:
        st->v.Try.body = kr_i_seq(s, o, "body", nm, kr_i_stmt_v, 0, &err);
        if (!err)
            st->v.Try.handlers = kr_i_seq(s, o, "handlers", nm, kr_i_handler_v, 0, &err);
        if (!err)
            st->v.Try.orelse = kr_i_seq(s, o, "orelse", nm, kr_i_stmt_v, 0, &err);
        if (!err)
            st->v.Try.finalbody = kr_i_seq(s, o, "finalbody", nm, kr_i_stmt_v, 0, &err);
        break;
    case KR_Assert:
        st->v.Assert.test = kr_i_req_expr(s, o, "test", nm, &err);
        if (!err)
            st->v.Assert.msg = kr_i_opt_expr(s, o, "msg", nm, &err);
        break;
    case KR_Import:
        st->v.Import.names = kr_i_seq(s, o, "names", nm, kr_i_alias_v, 0, &err);
        break;
    case KR_ImportFrom:
        st->v.ImportFrom.module = kr_i_ident(s, o, "module", nm, 0);
        err = PyErr_Occurred() != NULL;
        if (!err)
            st->v.ImportFrom.names = kr_i_seq(s, o, "names", nm, kr_i_alias_v, 0, &err);
        if (!err && kr_i_int(o, "level", nm, 0, &st->v.ImportFrom.level) < 0)
            err = 1;
        break;
    case KR_Global: case KR_Nonlocal:
        st->v.Global.names = kr_i_seq(s, o, "names", nm, kr_i_ident_v, 0, &err);
        break;
    case KR_Expr:
        st->v.Expr.value = kr_i_req_expr(s, o, "value", nm, &err);
        break;
    case KR_Pass: case KR_Break: case KR_Continue:
        break;
    }
    if (err)
        st = NULL;
done:
    s->depth--;
    return st;
}

static void *
kr_i_handler_v(kr_o2a *s, PyObject *o)
{
    int r = kr_i_isinstance(s, o, "ExceptHandler"), err = 0;
    if (r <= 0) {
        if (r == 0)
            PyErr_Format(PyExc_TypeError, "expected some sort of excepthandler, but got %R", o);
        return NULL;
    }
    kr_excepthandler *h = kr_i_alloc(s, sizeof(kr_excepthandler));
    if (h == NULL || KR_POSITIONS(h, o, "ExceptHandler", 0))
        return NULL;
    h->kind = KR_ExceptHandler;
    h->v.ExceptHandler.type = kr_i_opt_expr(s, o, "type", "ExceptHandler", &err);
    if (err)
        return NULL;
    h->v.ExceptHandler.name = kr_i_ident(s, o, "name", "ExceptHandler", 0);
    if (PyErr_Occurred())
        return NULL;
    h->v.ExceptHandler.body = kr_i_seq(s, o, "body", "ExceptHandler", kr_i_stmt_v, 0, &err);
    return err ? NULL : h;
}

static void *
kr_i_alias_v(kr_o2a *s, PyObject *o)
{
    kr_alias *a = kr_i_alloc(s, sizeof(kr_alias));
    if (a == NULL || (a->name = kr_i_ident(s, o, "name", "alias", 1)) == NULL)
        return NULL;
    a->asname = kr_i_ident(s, o, "asname", "alias", 0);
    if (PyErr_Occurred() || KR_POSITIONS(a, o, "alias", 0))
        return NULL;
    return a;
}

static void *
kr_i_withitem_v(kr_o2a *s, PyObject *o)
{
    kr_withitem *w = kr_i_alloc(s, sizeof(kr_withitem));
    int err = 0;
    if (w == NULL)
        return NULL;
    w->context_expr = kr_i_req_expr(s, o, "context_expr", "withitem", &err);
    if (!err)
        w->optional_vars = kr_i_opt_expr(s, o, "optional_vars", "withitem", &err);
    return err ? NULL : w;
}

static void *
kr_i_case_v(kr_o2a *s, PyObject *o)
{
    kr_match_case *m = kr_i_alloc(s, sizeof(kr_match_case));
    int err = 0;
    if (m == NULL)
        return NULL;
    PyObject *p = kr_i_field(o, "pattern", "match_case", 1);
    if (p == NULL || (m->pattern = kr_i_pattern(s, p)) == NULL)
        err = 1;
    Py_XDECREF(p);
    if (!err)
        m->guard = kr_i_opt_expr(s, o, "guard", "match_case", &err);
    if (!err)
        m->body = kr_i_seq(s, o, "body", "match_case", kr_i_stmt_v, 0, &err);
    return err ? NULL : m;
}

static kr_pattern *
kr_i_pattern(kr_o2a *s, PyObject *o)
{
    static const char *const names[] = {
        "", "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping",
        "MatchClass", "MatchStar", "MatchAs", "MatchOr"
    };
    if (kr_i_enter(s) < 0)
        return NULL;
    int kind, err = 0;
    kr_pattern *p = NULL;
    const char *nm = kr_i_kind_name(s, o, names, KR_N(names), &kind);
    if (nm == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "expected some sort of pattern, but got %R", o);
        goto done;
    }
    p = kr_i_alloc(s, sizeof(kr_pattern));
    if (p == NULL || KR_POSITIONS(p, o, nm, 1)) {
        p = NULL;
        goto done;
    }
    p->kind = (kr_pattern_kind)kind;
    switch (p->kind) {
    case KR_MatchValue:
        p->v.MatchValue.value = kr_i_req_expr(s, o, "value", nm, &err);
        break;
    case KR_MatchSingleton: {
        PyObject *v = PyObject_GetAttrString(o, "value");
        err = v == NULL || kr_i_constant(s, v, &p->v.MatchSingleton.value) < 0;
        Py_XDECREF(v);
        break;
    }
    case KR_MatchSequence:
        p->v.MatchSequence.patterns = kr_i_seq(s, o, "patterns", nm, kr_i_pattern_v, 0, &err);
        break;
    case KR_MatchMapping:
        p->v.MatchMapping.keys = kr_i_seq(s, o, "keys", nm, kr_i_expr_v, 0, &err);
        if (!err)
            p->v.MatchMapping.patterns = kr_i_seq(s, o, "patterns", nm, kr_i_pattern_v, 0, &err);
        if (!err) {
            p->v.MatchMapping.rest = kr_i_ident(s, o, "rest", nm, 0);
            err = PyErr_Occurred() != NULL;
        }
        break;
    case KR_MatchClass:
        p->v.MatchClass.cls = kr_i_req_expr(s, o, "cls", nm, &err);
        if (!err)
            p->v.MatchClass.patterns = kr_i_seq(s, o, "patterns", nm, kr_i_pattern_v, 0, &err);
        if (!err)
            p->v.MatchClass.kwd_attrs = kr_i_seq(s, o, "kwd_attrs", nm, kr_i_ident_v, 0, &err);
        if (!err)
            p->v.MatchClass.kwd_patterns = kr_i_seq(s, o, "kwd_patterns", nm,
                                                    kr_i_pattern_v, 0, &err);
        break;
    case KR_MatchStar:
        p->v.MatchStar.name = kr_i_ident(s, o, "name", nm, 0);
        err = PyErr_Occurred() != NULL;
        break;
    case KR_MatchAs: {
        PyObject *sub = kr_i_field(o, "pattern", nm, 0);
        if (sub) {
            p->v.MatchAs.pattern = kr_i_pattern(s, sub);
            Py_DECREF(sub);
            err = p->v.MatchAs.pattern == NULL;
        } else {
            err = PyErr_Occurred() != NULL;
        }
        if (!err) {
            p->v.MatchAs.name = kr_i_ident(s, o, "name", nm, 0);
            err = PyErr_Occurred() != NULL;
        }
        break;
    }
    case KR_MatchOr:
        p->v.MatchOr.patterns = kr_i_seq(s, o, "patterns", nm, kr_i_pattern_v, 0, &err);
        break;
    }
    if (err)
        p = NULL;
done:
    s->depth--;
    return p;
}

PyObject *
kr_compile_ast(PyObject *ast, PyObject *filename, int mode, PyCompilerFlags *flags,
               int optimize)
{
    PyObject *m = PyImport_ImportModule("_ast");
    if (m == NULL)
        return NULL;
    kr_arena *arena = kr_arena_new();
    if (arena == NULL) {
        Py_DECREF(m);
        return PyErr_NoMemory();
    }
    kr_o2a s = { arena, PyModule_GetDict(m), 0 };
    kr_mod *mod = kr_i_alloc(&s, sizeof(kr_mod));
    PyObject *res = NULL;
    int err = 0;
    const char *want = mode == Py_file_input ? "Module" : mode == Py_eval_input ? "Expression"
                     : mode == Py_single_input ? "Interactive" : "FunctionType";
    int r = mod ? kr_i_isinstance(&s, ast, want) : -1;
    if (r == 0)
        PyErr_Format(PyExc_TypeError, "expected %s node, got %.400s", want,
                     Py_TYPE(ast)->tp_name);
    if (r <= 0)
        goto done;
    if (flags && (flags->cf_flags & PyCF_ONLY_AST)) {
        Py_INCREF(ast);
        res = ast;
        goto done;
    }
    switch (mode) {
    case Py_file_input:
        mod->kind = KR_Module;
        mod->v.Module.body = kr_i_seq(&s, ast, "body", want, kr_i_stmt_v, 0, &err);
        break;
    case Py_single_input:
        mod->kind = KR_Interactive;
        mod->v.Interactive.body = kr_i_seq(&s, ast, "body", want, kr_i_stmt_v, 0, &err);
        break;
    case Py_eval_input:
        mod->kind = KR_Expression;
        mod->v.Expression.body = kr_i_req_expr(&s, ast, "body", want, &err);
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "function type comments cannot be compiled");
        err = 1;
    }
    if (!err)
        res = kr_compile_mod(mod, arena, filename, mode, flags, optimize);
done:
    kr_arena_free(arena);
    Py_DECREF(m);
    return res;
}
