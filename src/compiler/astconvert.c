/* astconvert.c: Python `ast` objects -> the compiler's C AST, so that
 * compile() accepts AST objects (obj2ast in CPython's terms).  The walk is
 * driven by the schema (ast_schema.h); the tree is rebuilt in an arena and
 * compiled like parsed source.  Errors are CPython 3.11's: TypeError for a
 * missing field or a wrong kind of node, ValueError for a required field
 * set to None and for the structural checks of its AST validator.
 * Constants must be of the kinds the C AST can hold (None, bool, int,
 * float, imaginary complex, str, bytes, Ellipsis). */
#include "internal.h"
#include "compiler/codegen.h"
#include "compiler/ast_schema.h"

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

static void *
kr_i_alloc(kr_o2a *s, size_t n)
{
    void *p = kr_arena_alloc(s->arena, n);
    if (p == NULL)
        PyErr_NoMemory();
    return p;
}

/* Attribute `name` of o: a new reference; NULL with TypeError set when it
 * is missing and `required`; NULL without an exception when it is missing
 * and optional.  Other lookup errors propagate. */
static PyObject *
kr_i_attr(PyObject *o, const char *name, const char *owner, int required)
{
    PyObject *v = PyObject_GetAttrString(o, name);
    if (v != NULL || !PyErr_ExceptionMatches(PyExc_AttributeError))
        return v;
    PyErr_Clear();
    if (required)
        PyErr_Format(PyExc_TypeError, "required field \"%s\" missing from %s", name, owner);
    return NULL;
}

/* An int field, as CPython's obj2ast_int reads it. */
static int
kr_i_int(PyObject *v, int *out)
{
    if (!PyLong_Check(v)) {
        PyErr_Format(PyExc_ValueError, "invalid integer value: %R", v);
        return -1;
    }
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (x < INT_MIN || x > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* An identifier or string: UTF-8 (lone surrogates kept) in the arena. */
static int
kr_i_text(kr_o2a *s, PyObject *v, int identifier, const char **out)
{
    const char *u;
    Py_ssize_t len;
    PyObject *tmp = NULL;
    if (PyUnicode_CheckExact(v)) {
        tmp = PyUnicode_AsEncodedString(v, "utf-8", "surrogatepass");
        if (tmp == NULL)
            return -1;
        u = PyBytes_AS_STRING(tmp);
        len = PyBytes_GET_SIZE(tmp);
    }
    else if (!identifier && KR_BYTES_CHECK_EXACT(v)) {
        u = PyBytes_AS_STRING(v);
        len = PyBytes_GET_SIZE(v);
    }
    else {
        PyErr_SetString(PyExc_TypeError, identifier ? "AST identifier must be of type str"
                                                    : "AST string must be of type str");
        return -1;
    }
    char *r = kr_arena_strndup(s->arena, u, (size_t)len);
    Py_XDECREF(tmp);
    if (r == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *out = r;
    return 0;
}

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

static int kr_i_node(kr_o2a *s, const kr_ast_type *t, PyObject *o, void **out);

/* The tag (1-based) of the class of `o` among the constructors of t, or 0
 * with "expected some sort of ..." set. */
static int
kr_i_class_of(kr_o2a *s, const kr_ast_type *t, PyObject *o)
{
    for (int i = 0; i < t->nclasses; i++) {
        int r = kr_i_isinstance(s, o, t->classes[i].name);
        if (r != 0)
            return r < 0 ? 0 : i + 1;
    }
    PyErr_Format(PyExc_TypeError, "expected some sort of %s, but got %R", t->name, o);
    return 0;
}

/* One value of field f into `dst` (the field in the C node, or a sequence
 * slot).  None reaching here is an absent optional value or a None
 * element; `owner` names the node for messages. */
static int
kr_i_value(kr_o2a *s, const kr_ast_field *f, PyObject *v, void *dst, const char *owner)
{
    switch ((kr_ast_base)f->base) {
    case KR_AF_NODE:
        if (v == Py_None && f->type->is_sum) {
            *(void **)dst = NULL;
            return 0;
        }
        return kr_i_node(s, f->type, v, (void **)dst);
    case KR_AF_ENUM: {
        int tag = kr_i_class_of(s, f->type, v);
        if (tag == 0)
            return -1;
        *(int *)dst = tag;
        return 0;
    }
    case KR_AF_IDENT: case KR_AF_STRING:
        if (v == Py_None) {
            *(const char **)dst = NULL;
            return 0;
        }
        return kr_i_text(s, v, f->base == KR_AF_IDENT, (const char **)dst);
    case KR_AF_INT:
        return kr_i_int(v, (int *)dst);
    case KR_AF_CONSTANT:
        return kr_i_constant(s, v, (kr_constant *)dst);
    }
    PyErr_SetString(PyExc_SystemError, "bad AST schema");
    return -1;
}

/* CPython's validator refuses None inside these lists. */
static int
kr_i_none_in_list(const kr_ast_field *f)
{
    if (f->card == KR_AC_SEQ_NULLS || f->base != KR_AF_NODE || !f->type->is_sum)
        return 0;
    const char *what = f->type == &kr_ast_stmt_type ? "statement" :
                       f->type == &kr_ast_expr_type ? "expression" : f->type->name;
    PyErr_Format(PyExc_ValueError, "None disallowed in %s list", what);
    return -1;
}

/* A sequence field: a list, converted element by element into a kr_*_seq
 * (ints for enums, pointers otherwise). */
static int
kr_i_seq(kr_o2a *s, const kr_ast_field *f, PyObject *v, void **dst, const char *owner)
{
    if (!PyList_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s field \"%s\" must be a list, not a %.200s",
                     owner, f->name, Py_TYPE(v)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(v);
    int ints = f->base == KR_AF_ENUM;
    size_t head = ints ? offsetof(kr_int_seq, items) : offsetof(kr_expr_seq, items);
    size_t step = ints ? sizeof(int) : sizeof(void *);
    char *seq = kr_i_alloc(s, head + step * (size_t)(n + 1));
    if (seq == NULL)
        return -1;
    *(int *)seq = (int)n;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = Py_NewRef(PyList_GET_ITEM(v, i));
        void *slot = seq + head + step * (size_t)i;
        int r = kr_i_value(s, f, item, slot, owner);
        Py_DECREF(item);
        if (r < 0)
            return -1;
        if (!ints && *(void **)slot == NULL && kr_i_none_in_list(f) < 0)
            return -1;
        if (PyList_GET_SIZE(v) != n) {
            PyErr_Format(PyExc_RuntimeError, "%s field \"%s\" changed size during iteration",
                         owner, f->name);
            return -1;
        }
    }
    *dst = seq;
    return 0;
}

/* Every field of class c from o into the C node. */
static int
kr_i_fields(kr_o2a *s, const kr_ast_class *c, PyObject *o, char *node)
{
    for (int i = 0; i < c->nfields; i++) {
        const kr_ast_field *f = &c->fields[i];
        void *dst = node + f->offset;
        PyObject *v = kr_i_attr(o, f->name, c->name, f->card != KR_AC_OPT);
        if (v == NULL) {
            if (PyErr_Occurred())
                return -1;
            continue;   /* an absent optional field stays NULL / 0 */
        }
        int r;
        if (f->card >= KR_AC_SEQ)
            r = kr_i_seq(s, f, v, (void **)dst, c->name);
        else if (v == Py_None && f->card == KR_AC_OPT && f->base != KR_AF_ENUM)
            r = 0;
        else
            r = kr_i_value(s, f, v, dst, c->name);
        Py_DECREF(v);
        if (r < 0)
            return -1;
        /* A required node or name given as None: the AST constructors'
         * check. */
        if (f->card == KR_AC_ONE && (f->base == KR_AF_NODE || f->base == KR_AF_IDENT ||
                                     f->base == KR_AF_STRING) && *(void **)dst == NULL) {
            PyErr_Format(PyExc_ValueError, "field '%s' is required for %s", f->name, c->name);
            return -1;
        }
    }
    return 0;
}

/* lineno, col_offset, end_lineno, end_col_offset; absent ends default to
 * the start where the type allows it. */
static int
kr_i_positions(const kr_ast_type *t, PyObject *o, char *node, const char *owner)
{
    static const char *const names[4] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
    int *pos = (int *)(node + t->pos_offset);
    for (int i = 0; i < 4; i++) {
        int required = i < 2 || t->pos == KR_AP_ALL;
        PyObject *v = kr_i_attr(o, names[i], owner, required);
        if (v == NULL && PyErr_Occurred())
            return -1;
        if (v == NULL || (v == Py_None && !required)) {
            Py_XDECREF(v);
            pos[i] = pos[i - 2];
            continue;
        }
        int r = kr_i_int(v, &pos[i]);
        Py_DECREF(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* The structural checks of CPython's AST validator that the compiler
 * relies on. */
static int
kr_i_validate(const void *node, const kr_ast_type *t)
{
    if (t == &kr_ast_expr_type) {
        const kr_expr *e = node;
        switch (e->kind) {
        case KR_Compare:
            if (KR_SEQ_LEN(e->v.Compare.comparators) == 0) {
                PyErr_SetString(PyExc_ValueError, "Compare with no comparators");
                return -1;
            }
            if (KR_SEQ_LEN(e->v.Compare.comparators) != KR_SEQ_LEN(e->v.Compare.ops)) {
                PyErr_SetString(PyExc_ValueError,
                                "Compare has a different number of comparators and operands");
                return -1;
            }
            break;
        case KR_Dict:
            if (KR_SEQ_LEN(e->v.Dict.keys) != KR_SEQ_LEN(e->v.Dict.values)) {
                PyErr_SetString(PyExc_ValueError,
                                "Dict doesn't have the same number of keys as values");
                return -1;
            }
            break;
        case KR_ListComp: case KR_SetComp: case KR_GeneratorExp: case KR_DictComp: {
            const kr_comprehension_seq *g = e->kind == KR_DictComp ? e->v.DictComp.generators
                                                                   : e->v.ListComp.generators;
            if (KR_SEQ_LEN(g) == 0) {
                PyErr_SetString(PyExc_ValueError, "comprehension with no generators");
                return -1;
            }
            break;
        }
        default:
            break;
        }
    }
    return 0;
}

/* A node of type t from o into *out (arena memory).  A sum type reads its
 * positions before finding the constructor, a product type after its
 * fields, both as CPython does. */
static int
kr_i_node(kr_o2a *s, const kr_ast_type *t, PyObject *o, void **out)
{
    if (++s->depth > KR_COMPILER_MAX_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        s->depth--;
        return -1;
    }
    int r = -1;
    char *node = kr_i_alloc(s, t->size);
    if (node == NULL)
        goto done;
    const kr_ast_class *c = &t->classes[0];
    if (t->is_sum) {
        if (t->pos != KR_AP_NONE && kr_i_positions(t, o, node, t->name) < 0)
            goto done;
        int tag = kr_i_class_of(s, t, o);
        if (tag == 0)
            goto done;
        *(int *)node = tag;   /* every sum node starts with its kind */
        c = &t->classes[tag - 1];
    }
    if (kr_i_fields(s, c, o, node) < 0)
        goto done;
    if (!t->is_sum && t->pos != KR_AP_NONE && kr_i_positions(t, o, node, c->name) < 0)
        goto done;
    if (kr_i_validate(node, t) < 0)
        goto done;
    *out = node;
    r = 0;
done:
    s->depth--;
    return r;
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
    kr_mod *mod = NULL;
    PyObject *res = NULL;
    const char *want = mode == Py_file_input ? "Module" : mode == Py_eval_input ? "Expression"
                     : mode == Py_single_input ? "Interactive" : "FunctionType";
    int r = kr_i_isinstance(&s, ast, want);
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
    if (mode != Py_file_input && mode != Py_single_input && mode != Py_eval_input) {
        PyErr_SetString(PyExc_SystemError, "function type comments cannot be compiled");
        goto done;
    }
    if (kr_i_node(&s, &kr_ast_mod_type, ast, (void **)&mod) == 0)
        res = kr_compile_mod(mod, arena, filename, mode, flags, optimize);
done:
    kr_arena_free(arena);
    Py_DECREF(m);
    return res;
}
