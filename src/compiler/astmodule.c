/* astmodule.c: the `_ast` module (the node classes behind `ast`) and the
 * conversion of the compiler's C AST into those Python objects, which is
 * what compile(..., PyCF_ONLY_AST) and ast.parse() return.
 *
 * The classes are built when the module is first imported in a context,
 * by running a short Python program (below) over `_SPEC`, a compact text
 * form of Python 3.11's ASDL written out from the schema (ast_schema.h): AST with the 3.11 constructor
 * semantics, one abstract base per sum type, `_fields`, `_attributes`,
 * `__match_args__`, and None defaults for optional fields and for
 * end_lineno/end_col_offset.  Conversion instantiates them by name from
 * the context's `_ast` module, so no class object is kept in C state. */
#include "internal.h"
#include "compiler/codegen.h"
#include "compiler/ast_schema.h"

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

/* The schema as the builder above reads it, one line per type or class:
 *   "expr|P"                a sum type; P: positions with optional ends,
 *                           Q: all four positions required
 *   "BinOp:expr:left op right"   a class, its base and its fields, with
 *                           `?` marking optional and `*` sequence fields
 *   "arg:AST:arg annotation? type_comment?:P"   a product type
 * New reference. */
static PyObject *
kr_ast_spec(void)
{
    static const char *const pos_mark[] = {"", "P", "Q"};   /* by kr_ast_pos */
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    char line[512];
    for (int i = 0; i < kr_ast_ntypes; i++) {
        const kr_ast_type *t = kr_ast_types[i];
        if (t->is_sum) {
            snprintf(line, sizeof line, "%s|%s\n", t->name, pos_mark[t->pos]);
            if (_PyUnicodeWriter_WriteASCIIString(&w, line, -1) < 0)
                goto fail;
        }
        for (int j = 0; j < t->nclasses; j++) {
            const kr_ast_class *c = &t->classes[j];
            int n = snprintf(line, sizeof line, "%s:%s:", c->name, t->is_sum ? t->name : "AST");
            for (int k = 0; k < c->nfields && n < (int)sizeof line; k++) {
                const kr_ast_field *f = &c->fields[k];
                const char *mark = f->card == KR_AC_OPT ? "?" : f->card >= KR_AC_SEQ ? "*" : "";
                n += snprintf(line + n, sizeof line - (size_t)n, "%s%s%s", k ? " " : "", f->name,
                              mark);
            }
            if (!t->is_sum && t->pos != KR_AP_NONE && n < (int)sizeof line)
                n += snprintf(line + n, sizeof line - (size_t)n, ":P");
            if (n >= (int)sizeof line - 1) {
                PyErr_SetString(PyExc_SystemError, "AST schema line too long");
                goto fail;
            }
            line[n] = '\n';
            line[n + 1] = '\0';
            if (_PyUnicodeWriter_WriteASCIIString(&w, line, -1) < 0)
                goto fail;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
fail:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

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
    PyObject *spec = kr_ast_spec();
    if (spec == NULL || PyDict_SetItemString(d, "_SPEC", spec) < 0) {
        Py_XDECREF(spec);
        goto fail;
    }
    Py_DECREF(spec);
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

/* ---- C AST -> Python objects --------------------------------------------
 * A walk over the schema (ast_schema.h): a node becomes an instance of its
 * class with one attribute per field, plus its position attributes. */

typedef struct kr_a2o {
    PyObject *dict;     /* _ast module dict (borrowed) */
    int depth;
} kr_a2o;

static PyObject *kr_o_node(kr_a2o *s, const kr_ast_type *t, const void *node);

/* An instance of the _ast class `cls`; new reference. */
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

/* The shared instance of a field-less class (an operator, a context), as
 * CPython hands out; new reference. */
static PyObject *
kr_o_singleton(kr_a2o *s, const char *cls)
{
    char key[64];
    snprintf(key, sizeof key, "_%s_singleton", cls);
    PyObject *o = PyDict_GetItemString(s->dict, key);
    if (o != NULL)
        return Py_NewRef(o);
    o = kr_o_new(s, cls);
    if (o != NULL && PyDict_SetItemString(s->dict, key, o) < 0)
        Py_CLEAR(o);
    return o;
}

/* Sets obj.name = v, stealing v; -1 on error (v may be NULL). */
static int
kr_o_set(PyObject *obj, const char *name, PyObject *v)
{
    if (v == NULL)
        return -1;
    int r = PyObject_SetAttrString(obj, name, v);
    Py_DECREF(v);
    return r;
}

/* Identifiers and strings are UTF-8 that may carry lone surrogates. */
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

static PyObject *
kr_o_enum(kr_a2o *s, const kr_ast_type *t, int tag)
{
    if (tag < 1 || tag > t->nclasses) {
        PyErr_SetString(PyExc_SystemError, "invalid AST enum value");
        return NULL;
    }
    return kr_o_singleton(s, t->classes[tag - 1].name);
}

/* One value of a field: `p` points at it in the C node (or in a
 * sequence).  New reference. */
static PyObject *
kr_o_value(kr_a2o *s, const kr_ast_field *f, const void *p)
{
    switch ((kr_ast_base)f->base) {
    case KR_AF_NODE: {
        const void *node = *(void *const *)p;
        if (node == NULL)
            Py_RETURN_NONE;
        return kr_o_node(s, f->type, node);
    }
    case KR_AF_ENUM:
        return kr_o_enum(s, f->type, *(const int *)p);
    case KR_AF_IDENT: case KR_AF_STRING:
        return kr_o_str(*(const char *const *)p);
    case KR_AF_INT:
        return PyLong_FromLong(*(const int *)p);
    case KR_AF_CONSTANT:
        return kr_cg_constant(NULL, (const kr_constant *)p);
    }
    PyErr_SetString(PyExc_SystemError, "bad AST schema");
    return NULL;
}

/* A sequence field: a list; enum sequences hold ints, the others
 * pointers.  New reference. */
static PyObject *
kr_o_seq(kr_a2o *s, const kr_ast_field *f, const void *seqp)
{
    const kr_expr_seq *seq = *(const kr_expr_seq *const *)seqp;
    int n = KR_SEQ_LEN(seq);
    PyObject *l = PyList_New(n);
    if (l == NULL)
        return NULL;
    int ints = f->base == KR_AF_ENUM;
    const char *items = (const char *)seq + (ints ? offsetof(kr_int_seq, items)
                                                  : offsetof(kr_expr_seq, items));
    size_t step = ints ? sizeof(int) : sizeof(void *);
    for (int i = 0; i < n; i++) {
        PyObject *v = kr_o_value(s, f, items + (size_t)i * step);
        if (v == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        PyList_SET_ITEM(l, i, v);
    }
    return l;
}

static const char *const kr_pos_names[4] = {
    "lineno", "col_offset", "end_lineno", "end_col_offset"
};

/* A node of type t (a struct of src/parser/ast.h); new reference. */
static PyObject *
kr_o_node(kr_a2o *s, const kr_ast_type *t, const void *node)
{
    if (++s->depth > KR_COMPILER_MAX_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during ast construction");
        s->depth--;
        return NULL;
    }
    const kr_ast_class *c = &t->classes[0];
    if (t->is_sum) {
        int tag = *(const int *)node;   /* every sum node starts with its kind */
        if (tag < 1 || tag > t->nclasses) {
            PyErr_SetString(PyExc_SystemError, "invalid AST node kind");
            s->depth--;
            return NULL;
        }
        c = &t->classes[tag - 1];
    }
    PyObject *o = kr_o_new(s, c->name);
    for (int i = 0; o != NULL && i < c->nfields; i++) {
        const kr_ast_field *f = &c->fields[i];
        const void *p = (const char *)node + f->offset;
        PyObject *v = f->card >= KR_AC_SEQ ? kr_o_seq(s, f, p) : kr_o_value(s, f, p);
        if (kr_o_set(o, f->name, v) < 0)
            Py_CLEAR(o);
    }
    if (o != NULL && t->pos != KR_AP_NONE) {
        const int *pos = (const int *)((const char *)node + t->pos_offset);
        for (int i = 0; i < 4; i++) {
            if (kr_o_set(o, kr_pos_names[i], PyLong_FromLong(pos[i])) < 0) {
                Py_CLEAR(o);
                break;
            }
        }
    }
    s->depth--;
    return o;
}

PyObject *
kr_ast_from_mod(kr_mod *mod)
{
    PyObject *m = PyImport_ImportModule("_ast");
    if (m == NULL)
        return NULL;
    kr_a2o s = { PyModule_GetDict(m), 0 };
    PyObject *o = kr_o_node(&s, &kr_ast_mod_type, mod);
    Py_DECREF(m);
    return o;
}
