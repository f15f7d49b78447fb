/* codegen.c: the code generator's core and its statements.
 *
 * Walks the AST of one scope at a time (a kr_unit per code object being
 * built), emitting CPython 3.11's instruction sequences through
 * flowgraph.c.  Owns: units and their name tables, constants (with
 * CPython's constant keys, so 0, 0.0, -0.0 and False stay distinct),
 * constant folding with CPython's size limits, name resolution to
 * FAST/DEREF/GLOBAL/NAME instructions, the frame-block stack that
 * break/continue/return unwind through, and every statement kind.
 * Expressions are in codegen_expr.c, match statements in
 * codegen_pattern.c, the entry points in compile.c. */
#include "internal.h"
#include "compiler/codegen.h"
#include <stdarg.h>

/* ---- errors and warnings ------------------------------------------------ */

int
kr_cg_error(kr_compiler *c, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL)
        return -1;
    const char *m = PyUnicode_AsUTF8(msg);
    if (m != NULL) {
        kr_location l = c->u->loc;
        kr_compiler_error_at(NULL, c->filename, m, l.lineno, l.col, l.end_lineno,
                             l.end_col);
    }
    Py_DECREF(msg);
    return -1;
}

int
kr_cg_warn(kr_compiler *c, const char *msg)
{
    PyObject *m = PyUnicode_FromString(msg);
    if (m == NULL)
        return -1;
    int r = PyErr_WarnExplicitObject(PyExc_SyntaxWarning, m, c->filename,
                                     c->u->loc.lineno, NULL, NULL);
    Py_DECREF(m);
    if (r < 0) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            /* warnings turned into errors become SyntaxError */
            PyErr_Clear();
            return kr_cg_error(c, "%s", msg);
        }
        return -1;
    }
    return 0;
}

int
kr_cg_enter_recursion(kr_compiler *c)
{
    if (++c->depth > KR_COMPILER_MAX_DEPTH) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

const char *
kr_cg_mangle(kr_compiler *c, const char *name)
{
    const char *m = kr_mangle(c->arena, c->u->private_name, name);
    if (m == NULL)
        PyErr_NoMemory();
    return m;
}

/* ---- constants ---------------------------------------------------------- */

/* CPython's constant key: equal keys <=> interchangeable constants. */
static PyObject *
kr_const_key(PyObject *o)
{
    if (o == Py_None || o == Py_Ellipsis || PyLong_CheckExact(o) ||
        PyUnicode_CheckExact(o)) {
        Py_INCREF(o);
        return o;
    }
    if (PyBool_Check(o) || KR_BYTES_CHECK_EXACT(o))
        return PyTuple_Pack(2, (PyObject *)Py_TYPE(o), o);
    if (PyFloat_CheckExact(o)) {
        double d = PyFloat_AS_DOUBLE(o);
        if (d == 0.0 && copysign(1.0, d) < 0)
            return PyTuple_Pack(3, (PyObject *)Py_TYPE(o), o, Py_None);
        return PyTuple_Pack(2, (PyObject *)Py_TYPE(o), o);
    }
    if (PyComplex_CheckExact(o)) {
        Py_complex z = PyComplex_AsCComplex(o);
        int rz = z.real == 0.0 && copysign(1.0, z.real) < 0;
        int iz = z.imag == 0.0 && copysign(1.0, z.imag) < 0;
        if (rz && iz)
            return PyTuple_Pack(3, (PyObject *)Py_TYPE(o), o, Py_True);
        if (rz)
            return PyTuple_Pack(3, (PyObject *)Py_TYPE(o), o, Py_False);
        if (iz)
            return PyTuple_Pack(3, (PyObject *)Py_TYPE(o), o, Py_None);
        return PyTuple_Pack(2, (PyObject *)Py_TYPE(o), o);
    }
    if (PyTuple_CheckExact(o)) {
        Py_ssize_t n = PyTuple_GET_SIZE(o);
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = kr_const_key(PyTuple_GET_ITEM(o, i));
            if (k == NULL) {
                Py_DECREF(keys);
                return NULL;
            }
            PyTuple_SET_ITEM(keys, i, k);
        }
        PyObject *r = PyTuple_Pack(2, keys, o);
        Py_DECREF(keys);
        return r;
    }
    if (PyFrozenSet_CheckExact(o)) {
        PyObject *it = PyObject_GetIter(o), *item;
        PyObject *keys = PyList_New(0);
        if (it == NULL || keys == NULL) {
            Py_XDECREF(it);
            Py_XDECREF(keys);
            return NULL;
        }
        while ((item = PyIter_Next(it)) != NULL) {
            PyObject *k = kr_const_key(item);
            Py_DECREF(item);
            if (k == NULL || PyList_Append(keys, k) < 0) {
                Py_XDECREF(k);
                Py_DECREF(it);
                Py_DECREF(keys);
                return NULL;
            }
            Py_DECREF(k);
        }
        Py_DECREF(it);
        if (PyErr_Occurred()) {
            Py_DECREF(keys);
            return NULL;
        }
        PyObject *fs = PyFrozenSet_New(keys);
        Py_DECREF(keys);
        if (fs == NULL)
            return NULL;
        PyObject *r = PyTuple_Pack(2, fs, o);
        Py_DECREF(fs);
        return r;
    }
    /* anything else (code objects) is unique by identity */
    PyObject *id = PyLong_FromVoidPtr(o);
    if (id == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(2, id, o);
    Py_DECREF(id);
    return r;
}

int
kr_cg_add_const(kr_compiler *c, PyObject *o)
{
    kr_unit *u = c->u;
    PyObject *key = kr_const_key(o);
    if (key == NULL)
        return -1;
    PyObject *idx = PyDict_GetItemWithError(u->const_map, key);
    if (idx != NULL) {
        Py_DECREF(key);
        return (int)PyLong_AsLong(idx);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(u->consts);
    PyObject *iv = PyLong_FromSsize_t(n);
    if (iv == NULL || PyDict_SetItem(u->const_map, key, iv) < 0 ||
        PyList_Append(u->consts, o) < 0) {
        Py_XDECREF(iv);
        Py_DECREF(key);
        return -1;
    }
    Py_DECREF(iv);
    Py_DECREF(key);
    return (int)n;
}

int
kr_cg_load_const(kr_compiler *c, PyObject *o)
{
    int i = kr_cg_add_const(c, o);
    if (i < 0)
        return -1;
    return kr_cg_addop(c, LOAD_CONST, i);
}

int
kr_cg_load_const_new(kr_compiler *c, PyObject *o)
{
    if (o == NULL)
        return -1;
    int r = kr_cg_load_const(c, o);
    Py_DECREF(o);
    return r;
}

static int
kr_is_identifier_like(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
              (ch >= 'A' && ch <= 'Z')))
            return 0;
    }
    return 1;
}

PyObject *
kr_cg_constant(kr_compiler *c, const kr_constant *k)
{
    switch (k->kind) {
    case KR_CONST_NONE:
        Py_RETURN_NONE;
    case KR_CONST_TRUE:
        Py_RETURN_TRUE;
    case KR_CONST_FALSE:
        Py_RETURN_FALSE;
    case KR_CONST_ELLIPSIS:
        Py_INCREF(Py_Ellipsis);
        return Py_Ellipsis;
    case KR_CONST_INT:
        return PyLong_FromString(k->u.i.digits, NULL, k->u.i.base);
    case KR_CONST_FLOAT: {
        double d = PyOS_string_to_double(k->u.text, NULL, NULL);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        return PyFloat_FromDouble(d);
    }
    case KR_CONST_IMAGINARY: {
        double d = PyOS_string_to_double(k->u.text, NULL, NULL);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        return PyComplex_FromDoubles(0.0, d);
    }
    case KR_CONST_STR: {
        PyObject *s = PyUnicode_DecodeUTF8(k->u.s.bytes, (Py_ssize_t)k->u.s.len,
                                           "surrogatepass");
        if (s != NULL && kr_is_identifier_like(k->u.s.bytes, k->u.s.len))
            PyUnicode_InternInPlace(&s);
        return s;
    }
    case KR_CONST_BYTES:
        return PyBytes_FromStringAndSize(k->u.s.bytes, (Py_ssize_t)k->u.s.len);
    }
    PyErr_SetString(PyExc_SystemError, "unknown constant kind");
    return NULL;
}

/* ---- constant folding (CPython's ast_opt.c limits) ---------------------- */

#define KR_MAX_INT_SIZE 128
#define KR_MAX_COLLECTION_SIZE 256
#define KR_MAX_STR_SIZE 4096
#define KR_MAX_TOTAL_ITEMS 1024

static Py_ssize_t
kr_check_complexity(PyObject *obj, Py_ssize_t limit)
{
    if (PyTuple_Check(obj)) {
        limit -= PyTuple_GET_SIZE(obj);
        for (Py_ssize_t i = 0; limit >= 0 && i < PyTuple_GET_SIZE(obj); i++)
            limit = kr_check_complexity(PyTuple_GET_ITEM(obj, i), limit);
        return limit;
    }
    if (PyFrozenSet_Check(obj)) {
        limit -= PySet_GET_SIZE(obj);
        return limit;
    }
    return limit;
}

static PyObject *
kr_safe_multiply(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && Py_SIZE(v) && Py_SIZE(w)) {
        size_t vbits = _PyLong_NumBits(v), wbits = _PyLong_NumBits(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1)
            return NULL;
        if (vbits + wbits > KR_MAX_INT_SIZE)
            return NULL;
    } else if (PyLong_Check(v) && (PyTuple_Check(w) || PyFrozenSet_Check(w))) {
        Py_ssize_t size = PyTuple_Check(w) ? PyTuple_GET_SIZE(w) : PySet_GET_SIZE(w);
        if (size) {
            long n = PyLong_AsLong(v);
            if (n < 0 || n > KR_MAX_COLLECTION_SIZE / size)
                return NULL;
            if (n && kr_check_complexity(w, KR_MAX_TOTAL_ITEMS / n) < 0)
                return NULL;
        }
    } else if (PyLong_Check(v) && (PyUnicode_Check(w) || KR_BYTES_CHECK_EXACT(w))) {
        Py_ssize_t size = PyUnicode_Check(w) ? PyUnicode_GET_LENGTH(w) : PyBytes_Size(w);
        if (size) {
            long n = PyLong_AsLong(v);
            if (n < 0 || n > KR_MAX_STR_SIZE / size)
                return NULL;
        }
    } else if (PyLong_Check(w) &&
               (PyTuple_Check(v) || PyFrozenSet_Check(v) || PyUnicode_Check(v) ||
                KR_BYTES_CHECK_EXACT(v))) {
        return kr_safe_multiply(w, v);
    }
    return PyNumber_Multiply(v, w);
}

static PyObject *
kr_safe_power(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && Py_SIZE(v) && Py_SIZE(w) > 0) {
        size_t vbits = _PyLong_NumBits(v);
        size_t wbits = PyLong_AsSize_t(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1)
            return NULL;
        if (vbits > KR_MAX_INT_SIZE / wbits)
            return NULL;
    }
    return PyNumber_Power(v, w, Py_None);
}

static PyObject *
kr_safe_lshift(PyObject *v, PyObject *w)
{
    if (PyLong_Check(v) && PyLong_Check(w) && Py_SIZE(v) && Py_SIZE(w)) {
        size_t vbits = _PyLong_NumBits(v);
        size_t wbits = PyLong_AsSize_t(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1)
            return NULL;
        if (wbits > KR_MAX_INT_SIZE || vbits > KR_MAX_INT_SIZE - wbits)
            return NULL;
    }
    return PyNumber_Lshift(v, w);
}

static PyObject *
kr_fold_binop(kr_operator op, PyObject *l, PyObject *r)
{
    switch (op) {
    case KR_Add: return PyNumber_Add(l, r);
    case KR_Sub: return PyNumber_Subtract(l, r);
    case KR_Mult: return kr_safe_multiply(l, r);
    case KR_Div: return PyNumber_TrueDivide(l, r);
    case KR_FloorDiv: return PyNumber_FloorDivide(l, r);
    case KR_Mod:
        if (PyUnicode_Check(l) || KR_BYTES_CHECK_EXACT(l))
            return NULL;
        return PyNumber_Remainder(l, r);
    case KR_Pow: return kr_safe_power(l, r);
    case KR_LShift: return kr_safe_lshift(l, r);
    case KR_RShift: return PyNumber_Rshift(l, r);
    case KR_BitOr: return PyNumber_Or(l, r);
    case KR_BitXor: return PyNumber_Xor(l, r);
    case KR_BitAnd: return PyNumber_And(l, r);
    case KR_MatMult: return PyNumber_MatrixMultiply(l, r);
    }
    return NULL;
}

static int
kr_fold_slot(kr_compiler *c, const void *key, int *found)
{
    *found = 0;
    if (c->fold_cap == 0)
        return -1;
    unsigned mask = (unsigned)c->fold_cap - 1;
    unsigned h = (unsigned)(((uintptr_t)key >> 4) * 2654435761u) & mask;
    while (c->fold_keys[h] != NULL) {
        if (c->fold_keys[h] == key) {
            *found = 1;
            return (int)h;
        }
        h = (h + 1) & mask;
    }
    return (int)h;
}

static int
kr_fold_store(kr_compiler *c, const void *key, PyObject *v)
{
    if ((c->fold_n + 1) * 2 > c->fold_cap) {
        int ncap = c->fold_cap ? c->fold_cap * 2 : 256;
        const void **ok = c->fold_keys;
        PyObject **ov = c->fold_vals;
        int ocap = c->fold_cap;
        c->fold_keys = calloc((size_t)ncap, sizeof(void *));
        c->fold_vals = calloc((size_t)ncap, sizeof(PyObject *));
        if (c->fold_keys == NULL || c->fold_vals == NULL) {
            free(c->fold_keys);
            free(c->fold_vals);
            c->fold_keys = ok;
            c->fold_vals = ov;
            return -1;
        }
        c->fold_cap = ncap;
        for (int i = 0; i < ocap; i++) {
            if (ok[i]) {
                int f;
                int s = kr_fold_slot(c, ok[i], &f);
                c->fold_keys[s] = ok[i];
                c->fold_vals[s] = ov[i];
            }
        }
        free(ok);
        free(ov);
    }
    int f;
    int s = kr_fold_slot(c, key, &f);
    c->fold_keys[s] = key;
    c->fold_vals[s] = v;
    c->fold_n++;
    return 0;
}

static PyObject *
kr_fold_compute(kr_compiler *c, kr_expr *e)
{
    switch (e->kind) {
    case KR_Constant:
        return kr_cg_constant(c, &e->v.Constant.value);
    case KR_Name:
        if (e->v.Name.ctx == KR_Load && strcmp(e->v.Name.id, "__debug__") == 0)
            return PyBool_FromLong(c->optimize == 0);
        return NULL;
    case KR_UnaryOp: {
        PyObject *v = kr_cg_fold(c, e->v.UnaryOp.operand);
        if (v == NULL)
            return NULL;
        switch (e->v.UnaryOp.op) {
        case KR_Invert: return PyNumber_Invert(v);
        case KR_UAdd: return PyNumber_Positive(v);
        case KR_USub: return PyNumber_Negative(v);
        case KR_Not: {
            int t = PyObject_IsTrue(v);
            return t < 0 ? NULL : PyBool_FromLong(!t);
        }
        }
        return NULL;
    }
    case KR_BinOp: {
        PyObject *l = kr_cg_fold(c, e->v.BinOp.left);
        if (l == NULL)
            return NULL;
        PyObject *r = kr_cg_fold(c, e->v.BinOp.right);
        if (r == NULL)
            return NULL;
        return kr_fold_binop(e->v.BinOp.op, l, r);
    }
    case KR_Tuple: {
        if (e->v.Tuple.ctx != KR_Load)
            return NULL;
        int n = KR_SEQ_LEN(e->v.Tuple.elts);
        for (int i = 0; i < n; i++)
            if (kr_cg_fold(c, e->v.Tuple.elts->items[i]) == NULL)
                return NULL;
        PyObject *t = PyTuple_New(n);
        if (t == NULL)
            return NULL;
        for (int i = 0; i < n; i++) {
            PyObject *v = kr_cg_fold(c, e->v.Tuple.elts->items[i]);
            Py_INCREF(v);
            PyTuple_SET_ITEM(t, i, v);
        }
        return t;
    }
    case KR_Subscript: {
        if (e->v.Subscript.ctx != KR_Load)
            return NULL;
        PyObject *v = kr_cg_fold(c, e->v.Subscript.value);
        if (v == NULL)
            return NULL;
        PyObject *i = kr_cg_fold(c, e->v.Subscript.slice);
        if (i == NULL)
            return NULL;
        return PyObject_GetItem(v, i);
    }
    default:
        return NULL;
    }
}

/* A frozenset constant built from `items`, then rebuilt from its own
 * iteration order: CPython 3.11's constant merging does this to every
 * frozenset in co_consts, and the rebuild can reorder the table, which
 * programs see when they iterate or print the set. New reference. */
PyObject *kr_cg_const_frozenset(PyObject *items)
{
    PyObject *fs = PyFrozenSet_New(items);
    if (fs == NULL)
        return NULL;
    PyObject *t = PySequence_Tuple(fs);
    Py_DECREF(fs);
    if (t == NULL)
        return NULL;
    fs = PyFrozenSet_New(t);
    Py_DECREF(t);
    return fs;
}

/* An iterable that is only iterated (for targets, comprehensions, the
 * right operand of `in`): a list display becomes a tuple, and a display
 * of constants a constant tuple or frozenset, as CPython's AST optimizer
 * does. */
int
kr_cg_fold_iter(kr_compiler *c, kr_expr *e)
{
    kr_expr_seq *elts;
    if (e->kind == KR_List) {
        elts = e->v.List.elts;
        for (int i = 0; i < KR_SEQ_LEN(elts); i++)
            if (elts->items[i]->kind == KR_Starred)
                return 0;
        kr_expr_context ctx = e->v.List.ctx;
        e->kind = KR_Tuple;
        e->v.Tuple.elts = elts;
        e->v.Tuple.ctx = ctx;
        return 0;
    }
    if (e->kind != KR_Set)
        return 0;
    elts = e->v.Set.elts;
    int n = KR_SEQ_LEN(elts);
    for (int i = 0; i < n; i++)
        if (elts->items[i]->kind == KR_Starred || kr_cg_fold(c, elts->items[i]) == NULL)
            return 0;
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return -1;
    for (int i = 0; i < n; i++) {
        PyObject *v = kr_cg_fold(c, elts->items[i]);
        Py_INCREF(v);
        PyTuple_SET_ITEM(t, i, v);
    }
    PyObject *fs = kr_cg_const_frozenset(t);
    Py_DECREF(t);
    if (fs == NULL) {
        PyErr_Clear();
        return 0;
    }
    int found;
    int slot = kr_fold_slot(c, e, &found);
    if (found) {
        Py_XSETREF(c->fold_vals[slot], fs);
        return 0;
    }
    if (kr_fold_store(c, e, fs) < 0) {
        Py_DECREF(fs);
        return -1;
    }
    return 0;
}

PyObject *
kr_cg_fold(kr_compiler *c, kr_expr *e)
{
    if (e == NULL)
        return NULL;
    switch (e->kind) {
    case KR_Constant: case KR_Name: case KR_UnaryOp: case KR_BinOp:
    case KR_Tuple: case KR_Subscript: case KR_Set:
        break;
    default:
        return NULL;
    }
    int found;
    int s = kr_fold_slot(c, e, &found);
    if (found)
        return c->fold_vals[s];
    if (c->depth > KR_COMPILER_MAX_DEPTH)
        return NULL;
    c->depth++;
    PyObject *v = kr_fold_compute(c, e);
    c->depth--;
    if (v == NULL) {
        if (PyErr_Occurred()) {
            /* a constant whose evaluation fails is left for run time;
               errors creating a literal are real and re-raised later */
            if (e->kind == KR_Constant) {
                PyErr_Clear();
                return NULL;
            }
            PyErr_Clear();
        }
    }
    if (kr_fold_store(c, e, v) < 0) {
        Py_XDECREF(v);
        return NULL;
    }
    return v;
}

/* ---- names -------------------------------------------------------------- */

static int
kr_nameset_index_of(kr_nameset *s, const char *name, int add)
{
    int i = kr_nameset_index(s, name);
    if (i >= 0)
        return i;
    if (!add)
        return -1;
    if (kr_nameset_add(s, name) < 0) {
        PyErr_NoMemory();
        return -2;
    }
    return s->n - 1;
}

static int
kr_names_index(kr_nameset *s, const char *name)
{
    int i = kr_nameset_index(s, name);
    if (i >= 0)
        return i;
    if (kr_nameset_add(s, name) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    return s->n - 1;
}

int
kr_cg_addop_name(kr_compiler *c, int op, const char *name)
{
    const char *m = kr_cg_mangle(c, name);
    if (m == NULL)
        return -1;
    int i = kr_names_index(&c->u->names, m);
    if (i < 0)
        return -1;
    return kr_cg_addop(c, op, i);
}

int
kr_cg_forbidden_name(kr_compiler *c, const char *name, kr_expr_context ctx)
{
    if (ctx == KR_Store && strcmp(name, "__debug__") == 0) {
        kr_cg_error(c, "cannot assign to __debug__");
        return 1;
    }
    if (ctx == KR_Del && strcmp(name, "__debug__") == 0) {
        kr_cg_error(c, "cannot delete __debug__");
        return 1;
    }
    return 0;
}

int
kr_cg_nameop(kr_compiler *c, const char *name, kr_expr_context ctx)
{
    kr_unit *u = c->u;
    if (kr_cg_forbidden_name(c, name, ctx))
        return -1;
    const char *m = kr_cg_mangle(c, name);
    if (m == NULL)
        return -1;
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype = OP_NAME;
    int scope = kr_ste_scope(u->ste, m);
    int is_func = u->ste->type == KR_BLOCK_FUNCTION;
    int idx = 0;
    switch (scope) {
    case KR_SC_FREE:
        idx = kr_nameset_index_of(&u->freevars, m, 0);
        if (idx >= 0)
            idx += u->cellvars.n;
        optype = OP_DEREF;
        break;
    case KR_SC_CELL:
        idx = kr_nameset_index_of(&u->cellvars, m, 0);
        optype = OP_DEREF;
        break;
    case KR_SC_LOCAL:
        if (is_func)
            optype = OP_FAST;
        break;
    case KR_SC_GLOBAL_IMPLICIT:
        if (is_func)
            optype = OP_GLOBAL;
        break;
    case KR_SC_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    }
    switch (optype) {
    case OP_DEREF:
        if (idx < 0) {
            PyErr_Format(PyExc_SystemError, "compiler: no cell for '%s'", m);
            return -1;
        }
        return kr_cg_addop(c, ctx == KR_Load ? (u->ste->type == KR_BLOCK_CLASS ?
                                                LOAD_CLASSDEREF : LOAD_DEREF) :
                              ctx == KR_Store ? STORE_DEREF : DELETE_DEREF, idx);
    case OP_FAST:
        idx = kr_nameset_index_of(&u->varnames, m, 1);
        if (idx < 0)
            return -1;
        return kr_cg_addop(c, ctx == KR_Load ? LOAD_FAST :
                              ctx == KR_Store ? STORE_FAST : DELETE_FAST, idx);
    case OP_GLOBAL:
        idx = kr_names_index(&u->names, m);
        if (idx < 0)
            return -1;
        if (ctx == KR_Load)
            return kr_cg_addop(c, LOAD_GLOBAL, idx << 1);
        return kr_cg_addop(c, ctx == KR_Store ? STORE_GLOBAL : DELETE_GLOBAL, idx);
    case OP_NAME:
        idx = kr_names_index(&u->names, m);
        if (idx < 0)
            return -1;
        return kr_cg_addop(c, ctx == KR_Load ? LOAD_NAME :
                              ctx == KR_Store ? STORE_NAME : DELETE_NAME, idx);
    }
    return -1;
}

/* ---- units --------------------------------------------------------------- */

static int
kr_cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
kr_sorted_into(kr_nameset *dst, const char **names, int n)
{
    qsort(names, (size_t)n, sizeof(char *), kr_cmp_names);
    for (int i = 0; i < n; i++)
        if (kr_nameset_add(dst, names[i]) < 0) {
            PyErr_NoMemory();
            return -1;
        }
    return 0;
}

static PyObject *
kr_str(const char *s)
{
    PyObject *o = PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogatepass");
    if (o)
        PyUnicode_InternInPlace(&o);
    return o;
}

static int
kr_set_qualname(kr_compiler *c, kr_unit *u)
{
    kr_unit *parent = u->parent;
    PyObject *base = NULL;
    int force_global = 0;
    if (parent != NULL && parent->parent != NULL) {
        if (u->scope_type == KR_SCOPE_FUNCTION || u->scope_type == KR_SCOPE_ASYNC_FUNCTION ||
            u->scope_type == KR_SCOPE_CLASS) {
            const char *nm = PyUnicode_AsUTF8(u->name);
            const char *mangled = nm ? kr_mangle(c->arena, parent->private_name, nm) : NULL;
            if (mangled == NULL)
                return -1;
            if (kr_ste_scope(parent->ste, mangled) == KR_SC_GLOBAL_EXPLICIT)
                force_global = 1;
        }
        if (!force_global) {
            if (parent->scope_type == KR_SCOPE_FUNCTION ||
                parent->scope_type == KR_SCOPE_ASYNC_FUNCTION ||
                parent->scope_type == KR_SCOPE_LAMBDA)
                base = PyUnicode_FromFormat("%U.<locals>", parent->qualname);
            else {
                base = parent->qualname;
                Py_INCREF(base);
            }
            if (base == NULL)
                return -1;
        }
    }
    if (base != NULL) {
        u->qualname = PyUnicode_FromFormat("%U.%U", base, u->name);
        Py_DECREF(base);
        if (u->qualname == NULL)
            return -1;
    } else {
        u->qualname = u->name;
        Py_INCREF(u->qualname);
    }
    return 0;
}

static void
kr_unit_free(kr_unit *u)
{
    Py_XDECREF(u->name);
    Py_XDECREF(u->qualname);
    Py_XDECREF(u->consts);
    Py_XDECREF(u->const_map);
    kr_nameset_clear(&u->names);
    kr_nameset_clear(&u->varnames);
    kr_nameset_clear(&u->cellvars);
    kr_nameset_clear(&u->freevars);
    kr_unit_free_blocks(u);
    free(u);
}

int
kr_cg_enter_scope(kr_compiler *c, const char *name, kr_scope_type type,
                  const void *key, int lineno)
{
    kr_unit *u = calloc(1, sizeof(kr_unit));
    if (u == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    u->parent = c->u;
    u->scope_type = type;
    u->ste = kr_symtable_lookup(c->st, key);
    if (u->ste == NULL) {
        free(u);
        PyErr_SetString(PyExc_SystemError, "compiler: unknown scope");
        return -1;
    }
    u->name = kr_str(name);
    u->consts = PyList_New(0);
    u->const_map = PyDict_New();
    if (u->name == NULL || u->consts == NULL || u->const_map == NULL)
        goto fail;
    for (int i = 0; i < u->ste->nvarnames; i++)
        if (kr_nameset_add(&u->varnames, u->ste->varnames[i]) < 0)
            goto nomem;
    {
        kr_ste *ste = u->ste;
        const char **cells = malloc(sizeof(char *) * (size_t)(ste->nsyms + 1));
        const char **frees = malloc(sizeof(char *) * (size_t)(ste->nsyms + 1));
        int nc = 0, nf = 0;
        if (cells == NULL || frees == NULL) {
            free(cells);
            free(frees);
            goto nomem;
        }
        for (int i = 0; i < ste->nsyms; i++) {
            kr_symbol *s = &ste->syms[i];
            if (s->scope == KR_SC_CELL)
                cells[nc++] = s->name;
            if (s->scope == KR_SC_FREE || (s->flags & KR_DEF_FREE_CLASS))
                frees[nf++] = s->name;
        }
        if (ste->needs_class_closure)
            cells[nc++] = "__class__";
        int r = kr_sorted_into(&u->cellvars, cells, nc);
        if (r == 0)
            r = kr_sorted_into(&u->freevars, frees, nf);
        free(cells);
        free(frees);
        if (r < 0)
            goto fail;
    }
    u->firstlineno = lineno;
    u->private_name = c->u ? c->u->private_name : NULL;
    c->u = u;
    c->nestlevel++;
    u->blocks = NULL;
    u->entry = kr_cg_new_block(c);
    if (u->entry == NULL)
        return -1;   /* the unit is on the stack: the caller's cleanup frees it */
    u->cur = u->entry;
    if (type == KR_SCOPE_MODULE) {
        u->loc = (kr_location){ 0, 1, 0, 0 };
        u->qualname = u->name;
        Py_INCREF(u->qualname);
    } else {
        u->loc = (kr_location){ lineno, lineno, 0, 0 };
        if (kr_set_qualname(c, u) < 0)
            return -1;
    }
    return kr_cg_addop(c, RESUME, 0);
nomem:
    PyErr_NoMemory();
fail:
    kr_unit_free(u);
    return -1;
}

void
kr_cg_exit_scope(kr_compiler *c)
{
    kr_unit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    kr_unit_free(u);
}

int
kr_cg_make_closure(kr_compiler *c, PyCodeObject *co, const kr_nameset *frees, int flags)
{
    if (frees->n) {
        kr_unit *u = c->u;
        for (int i = 0; i < frees->n; i++) {
            const char *name = frees->names[i];
            int arg;
            if (u->ste->type == KR_BLOCK_CLASS && strcmp(name, "__class__") == 0) {
                arg = kr_nameset_index_of(&u->cellvars, name, 0);
            } else {
                int scope = kr_ste_scope(u->ste, name);
                if (scope == KR_SC_CELL) {
                    arg = kr_nameset_index_of(&u->cellvars, name, 0);
                } else {
                    arg = kr_nameset_index_of(&u->freevars, name, 0);
                    if (arg >= 0)
                        arg += u->cellvars.n;
                }
            }
            if (arg < 0) {
                PyErr_Format(PyExc_SystemError,
                             "compiler: free variable '%s' has no cell", name);
                return -1;
            }
            KR_TRY(kr_cg_addop(c, LOAD_CLOSURE, arg));
        }
        flags |= 0x08;
        KR_TRY(kr_cg_addop(c, BUILD_TUPLE, frees->n));
    }
    KR_TRY(kr_cg_load_const(c, (PyObject *)co));
    return kr_cg_addop(c, MAKE_FUNCTION, flags);
}

/* Assemble the current unit, leave its scope and push the function made
 * from it; `frees` of the child are needed after the unit is gone. */
static int
kr_cg_finish_function(kr_compiler *c, int add_none, int flags)
{
    PyCodeObject *co = kr_assemble(c, add_none);
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

/* ---- frame blocks ------------------------------------------------------- */

int
kr_cg_push_fblock(kr_compiler *c, kr_fblock_type t, kr_block *b, kr_block *exit,
                  const void *datum)
{
    kr_unit *u = c->u;
    if (u->nfblocks >= KR_MAX_FBLOCKS)
        return kr_cg_error(c, "too many statically nested blocks");
    kr_fblock *f = &u->fblocks[u->nfblocks++];
    f->type = t;
    f->block = b;
    f->exit = exit;
    f->datum = datum;
    return 0;
}

void
kr_cg_pop_fblock(kr_compiler *c)
{
    c->u->nfblocks--;
}

static int
kr_cg_call_exit_with_nones(kr_compiler *c)
{
    KR_TRY(kr_cg_load_const(c, Py_None));
    KR_TRY(kr_cg_load_const(c, Py_None));
    KR_TRY(kr_cg_load_const(c, Py_None));
    return kr_cg_addop(c, CALL, 2);
}

int
kr_cg_add_yield_from(kr_compiler *c, int await)
{
    kr_block *start = kr_cg_new_block(c), *exit = kr_cg_new_block(c);
    if (start == NULL || exit == NULL)
        return -1;
    kr_cg_use_block(c, start);
    KR_TRY(kr_cg_addjump(c, SEND, exit));
    KR_TRY(kr_cg_addop(c, YIELD_VALUE, 0));
    KR_TRY(kr_cg_addop(c, RESUME, await ? 3 : 2));
    KR_TRY(kr_cg_addjump(c, JUMP_NO_INTERRUPT, start));
    kr_cg_use_block(c, exit);
    return 0;
}

int
kr_cg_add_yield(kr_compiler *c)
{
    if (c->u->ste->generator && c->u->ste->coroutine)
        KR_TRY(kr_cg_addop(c, ASYNC_GEN_WRAP, 0));
    KR_TRY(kr_cg_addop(c, YIELD_VALUE, 0));
    return kr_cg_addop(c, RESUME, 1);
}

static int
kr_cg_pop_except_and_reraise(kr_compiler *c)
{
    KR_TRY(kr_cg_addop(c, COPY, 3));
    KR_TRY(kr_cg_addop(c, POP_EXCEPT, 0));
    return kr_cg_addop(c, RERAISE, 1);
}

static int
kr_cg_unwind_fblock(kr_compiler *c, kr_fblock *f, int preserve_tos)
{
    switch (f->type) {
    case KR_FB_WHILE_LOOP: case KR_FB_EXCEPTION_HANDLER:
    case KR_FB_EXCEPTION_GROUP_HANDLER: case KR_FB_ASYNC_COMPREHENSION_GENERATOR:
        return 0;
    case KR_FB_FOR_LOOP:
        if (preserve_tos)
            KR_TRY(kr_cg_addop(c, SWAP, 2));
        return kr_cg_addop(c, POP_TOP, 0);
    case KR_FB_TRY_EXCEPT:
        return kr_cg_addop(c, KR_POP_BLOCK, 0);
    case KR_FB_FINALLY_TRY:
        KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
        if (preserve_tos)
            KR_TRY(kr_cg_push_fblock(c, KR_FB_POP_VALUE, NULL, NULL, NULL));
        KR_TRY(kr_cg_stmts(c, (kr_stmt_seq *)f->datum));
        if (preserve_tos)
            kr_cg_pop_fblock(c);
        c->u->loc.lineno = -1;
        return 0;
    case KR_FB_FINALLY_END:
        if (preserve_tos)
            KR_TRY(kr_cg_addop(c, SWAP, 2));
        KR_TRY(kr_cg_addop(c, POP_TOP, 0));
        if (preserve_tos)
            KR_TRY(kr_cg_addop(c, SWAP, 2));
        KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
        return kr_cg_addop(c, POP_EXCEPT, 0);
    case KR_FB_WITH: case KR_FB_ASYNC_WITH: {
        kr_stmt *s = (kr_stmt *)f->datum;
        c->u->loc = KR_LOC_OF(s);
        KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
        if (preserve_tos)
            KR_TRY(kr_cg_addop(c, SWAP, 2));
        KR_TRY(kr_cg_call_exit_with_nones(c));
        if (f->type == KR_FB_ASYNC_WITH) {
            KR_TRY(kr_cg_addop(c, GET_AWAITABLE, 2));
            KR_TRY(kr_cg_load_const(c, Py_None));
            KR_TRY(kr_cg_add_yield_from(c, 1));
        }
        KR_TRY(kr_cg_addop(c, POP_TOP, 0));
        c->u->loc.lineno = -1;
        return 0;
    }
    case KR_FB_HANDLER_CLEANUP: {
        const char *name = (const char *)f->datum;
        if (name)
            KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
        if (preserve_tos)
            KR_TRY(kr_cg_addop(c, SWAP, 2));
        KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
        KR_TRY(kr_cg_addop(c, POP_EXCEPT, 0));
        if (name) {
            KR_TRY(kr_cg_load_const(c, Py_None));
            KR_TRY(kr_cg_nameop(c, name, KR_Store));
            KR_TRY(kr_cg_nameop(c, name, KR_Del));
        }
        return 0;
    }
    case KR_FB_POP_VALUE:
        if (preserve_tos)
            KR_TRY(kr_cg_addop(c, SWAP, 2));
        return kr_cg_addop(c, POP_TOP, 0);
    }
    return 0;
}

static int
kr_cg_unwind_fblock_stack(kr_compiler *c, int preserve_tos, kr_fblock **loop)
{
    kr_unit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    kr_fblock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == KR_FB_EXCEPTION_GROUP_HANDLER)
        return kr_cg_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop != NULL && (top->type == KR_FB_WHILE_LOOP || top->type == KR_FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    kr_fblock copy = *top;
    u->nfblocks--;
    KR_TRY(kr_cg_unwind_fblock(c, &copy, preserve_tos));
    KR_TRY(kr_cg_unwind_fblock_stack(c, preserve_tos, loop));
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

/* ---- statements --------------------------------------------------------- */

int
kr_cg_stmts(kr_compiler *c, kr_stmt_seq *seq)
{
    for (int i = 0; i < KR_SEQ_LEN(seq); i++)
        KR_TRY(kr_cg_stmt(c, seq->items[i]));
    return 0;
}

static int
kr_is_docstring(kr_stmt_seq *body)
{
    if (KR_SEQ_LEN(body) == 0)
        return 0;
    kr_stmt *s = body->items[0];
    return s->kind == KR_Expr && s->v.Expr.value->kind == KR_Constant &&
           s->v.Expr.value->v.Constant.value.kind == KR_CONST_STR;
}

static int
kr_find_ann(kr_stmt_seq *seq)
{
    for (int i = 0; i < KR_SEQ_LEN(seq); i++) {
        kr_stmt *s = seq->items[i];
        switch (s->kind) {
        case KR_AnnAssign:
            return 1;
        case KR_For: case KR_AsyncFor:
            if (kr_find_ann(s->v.For.body) || kr_find_ann(s->v.For.orelse))
                return 1;
            break;
        case KR_While:
            if (kr_find_ann(s->v.While.body) || kr_find_ann(s->v.While.orelse))
                return 1;
            break;
        case KR_If:
            if (kr_find_ann(s->v.If.body) || kr_find_ann(s->v.If.orelse))
                return 1;
            break;
        case KR_With: case KR_AsyncWith:
            if (kr_find_ann(s->v.With.body))
                return 1;
            break;
        case KR_Try: case KR_TryStar:
            for (int j = 0; j < KR_SEQ_LEN(s->v.Try.handlers); j++)
                if (kr_find_ann(s->v.Try.handlers->items[j]->v.ExceptHandler.body))
                    return 1;
            if (kr_find_ann(s->v.Try.body) || kr_find_ann(s->v.Try.orelse) ||
                kr_find_ann(s->v.Try.finalbody))
                return 1;
            break;
        case KR_Match:
            for (int j = 0; j < KR_SEQ_LEN(s->v.Match.cases); j++)
                if (kr_find_ann(s->v.Match.cases->items[j]->body))
                    return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/* module and class bodies: annotations dict, docstring, statements */
static int
kr_cg_body(kr_compiler *c, kr_stmt_seq *stmts)
{
    int i = 0;
    if (c->u->scope_type == KR_SCOPE_MODULE && KR_SEQ_LEN(stmts))
        c->u->loc = KR_LOC_OF(stmts->items[0]);
    if (kr_find_ann(stmts))
        KR_TRY(kr_cg_addop(c, SETUP_ANNOTATIONS, 0));
    if (KR_SEQ_LEN(stmts) == 0)
        return 0;
    if (c->optimize < 2 && kr_is_docstring(stmts)) {
        i = 1;
        kr_stmt *st = stmts->items[0];
        c->u->loc = KR_LOC_OF(st);
        KR_TRY(kr_cg_expr(c, st->v.Expr.value));
        KR_TRY(kr_cg_nameop(c, "__doc__", KR_Store));
    }
    for (; i < stmts->n; i++)
        KR_TRY(kr_cg_stmt(c, stmts->items[i]));
    return 0;
}

static int
kr_cg_check_debug_args_seq(kr_compiler *c, kr_arg_seq *args)
{
    for (int i = 0; i < KR_SEQ_LEN(args); i++)
        if (kr_cg_forbidden_name(c, args->items[i]->arg, KR_Store))
            return -1;
    return 0;
}

/* a parameter named __debug__ is reported at the def/lambda itself */
int
kr_cg_check_debug_args(kr_compiler *c, kr_arguments *a)
{
    KR_TRY(kr_cg_check_debug_args_seq(c, a->posonlyargs));
    KR_TRY(kr_cg_check_debug_args_seq(c, a->args));
    if (a->vararg && kr_cg_forbidden_name(c, a->vararg->arg, KR_Store))
        return -1;
    KR_TRY(kr_cg_check_debug_args_seq(c, a->kwonlyargs));
    if (a->kwarg && kr_cg_forbidden_name(c, a->kwarg->arg, KR_Store))
        return -1;
    return 0;
}

static int
kr_cg_default_arguments(kr_compiler *c, kr_arguments *a)
{
    int flags = 0;
    if (KR_SEQ_LEN(a->defaults) > 0) {
        KR_TRY(kr_cg_exprs(c, a->defaults));
        KR_TRY(kr_cg_addop(c, BUILD_TUPLE, a->defaults->n));
        flags |= 0x01;
    }
    int nkw = 0;
    PyObject *keys = NULL;
    for (int i = 0; i < KR_SEQ_LEN(a->kwonlyargs); i++) {
        kr_expr *d = i < KR_SEQ_LEN(a->kw_defaults) ? a->kw_defaults->items[i] : NULL;
        if (d == NULL)
            continue;
        const char *m = kr_cg_mangle(c, a->kwonlyargs->items[i]->arg);
        if (m == NULL)
            goto fail;
        if (keys == NULL && (keys = PyList_New(0)) == NULL)
            goto fail;
        PyObject *k = kr_str(m);
        if (k == NULL || PyList_Append(keys, k) < 0) {
            Py_XDECREF(k);
            goto fail;
        }
        Py_DECREF(k);
        if (kr_cg_expr(c, d) < 0)
            goto fail;
        nkw++;
    }
    if (keys != NULL) {
        PyObject *t = PyList_AsTuple(keys);
        Py_DECREF(keys);
        KR_TRY(kr_cg_load_const_new(c, t));
        KR_TRY(kr_cg_addop(c, BUILD_CONST_KEY_MAP, nkw));
        flags |= 0x02;
    }
    return flags;
fail:
    Py_XDECREF(keys);
    return -1;
}

static int
kr_cg_argannotation(kr_compiler *c, const char *id, kr_expr *ann, int *len)
{
    if (ann == NULL)
        return 0;
    const char *m = kr_cg_mangle(c, id);
    if (m == NULL)
        return -1;
    KR_TRY(kr_cg_load_const_new(c, kr_str(m)));
    if (c->future_flags & CO_FUTURE_ANNOTATIONS) {
        KR_TRY(kr_cg_visit_annexpr(c, ann));
    } else if (ann->kind == KR_Starred) {
        KR_TRY(kr_cg_expr(c, ann->v.Starred.value));
        KR_TRY(kr_cg_addop(c, UNPACK_SEQUENCE, 1));
    } else {
        KR_TRY(kr_cg_expr(c, ann));
    }
    *len += 2;
    return 0;
}

static int
kr_cg_argannotations(kr_compiler *c, kr_arg_seq *args, int *len)
{
    for (int i = 0; i < KR_SEQ_LEN(args); i++)
        KR_TRY(kr_cg_argannotation(c, args->items[i]->arg, args->items[i]->annotation, len));
    return 0;
}

static int
kr_cg_annotations(kr_compiler *c, kr_arguments *a, kr_expr *returns)
{
    int len = 0;
    KR_TRY(kr_cg_argannotations(c, a->args, &len));
    KR_TRY(kr_cg_argannotations(c, a->posonlyargs, &len));
    if (a->vararg && a->vararg->annotation)
        KR_TRY(kr_cg_argannotation(c, a->vararg->arg, a->vararg->annotation, &len));
    KR_TRY(kr_cg_argannotations(c, a->kwonlyargs, &len));
    if (a->kwarg && a->kwarg->annotation)
        KR_TRY(kr_cg_argannotation(c, a->kwarg->arg, a->kwarg->annotation, &len));
    KR_TRY(kr_cg_argannotation(c, "return", returns, &len));
    if (len) {
        KR_TRY(kr_cg_addop(c, BUILD_TUPLE, len));
        return 1;
    }
    return 0;
}

static int
kr_cg_decorators(kr_compiler *c, kr_expr_seq *decos)
{
    for (int i = 0; i < KR_SEQ_LEN(decos); i++) {
        c->u->loc = KR_LOC_OF(decos->items[i]);
        KR_TRY(kr_cg_expr(c, decos->items[i]));
    }
    return 0;
}

static int
kr_cg_apply_decorators(kr_compiler *c, kr_expr_seq *decos)
{
    for (int i = KR_SEQ_LEN(decos) - 1; i >= 0; i--) {
        c->u->loc = KR_LOC_OF(decos->items[i]);
        KR_TRY(kr_cg_addop(c, CALL, 0));
    }
    return 0;
}

static int
kr_cg_function(kr_compiler *c, kr_stmt *s, int is_async)
{
    kr_arguments *args = s->v.FunctionDef.args;
    kr_expr_seq *decos = s->v.FunctionDef.decorator_list;
    kr_stmt_seq *body = s->v.FunctionDef.body;
    KR_TRY(kr_cg_check_debug_args(c, args));
    KR_TRY(kr_cg_decorators(c, decos));
    int firstlineno = s->lineno;
    if (KR_SEQ_LEN(decos))
        firstlineno = decos->items[0]->lineno;
    c->u->loc = KR_LOC_OF(s);
    int flags = kr_cg_default_arguments(c, args);
    if (flags < 0)
        return -1;
    int ann = kr_cg_annotations(c, args, s->v.FunctionDef.returns);
    if (ann < 0)
        return -1;
    if (ann > 0)
        flags |= 0x04;
    KR_TRY(kr_cg_enter_scope(c, s->v.FunctionDef.name,
                             is_async ? KR_SCOPE_ASYNC_FUNCTION : KR_SCOPE_FUNCTION,
                             s, firstlineno));
    int doc = c->optimize < 2 && kr_is_docstring(body);
    PyObject *docobj = NULL;
    if (doc) {
        docobj = kr_cg_constant(c, &body->items[0]->v.Expr.value->v.Constant.value);
        if (docobj == NULL)
            goto fail;
    } else {
        docobj = Py_None;
        Py_INCREF(docobj);
    }
    int r = kr_cg_add_const(c, docobj);
    Py_DECREF(docobj);
    if (r < 0)
        goto fail;
    c->u->argcount = KR_SEQ_LEN(args->args);
    c->u->posonlyargcount = KR_SEQ_LEN(args->posonlyargs);
    c->u->kwonlyargcount = KR_SEQ_LEN(args->kwonlyargs);
    for (int i = doc ? 1 : 0; i < KR_SEQ_LEN(body); i++)
        if (kr_cg_stmt(c, body->items[i]) < 0)
            goto fail;
    KR_TRY(kr_cg_finish_function(c, 1, flags));
    c->u->loc = KR_LOC_OF(s);
    KR_TRY(kr_cg_apply_decorators(c, decos));
    c->u->loc = KR_LOC_OF(s);
    return kr_cg_nameop(c, s->v.FunctionDef.name, KR_Store);
fail:
    kr_cg_exit_scope(c);
    return -1;
}

static int
kr_cg_class(kr_compiler *c, kr_stmt *s)
{
    kr_expr_seq *decos = s->v.ClassDef.decorator_list;
    KR_TRY(kr_cg_decorators(c, decos));
    int firstlineno = s->lineno;
    if (KR_SEQ_LEN(decos))
        firstlineno = decos->items[0]->lineno;
    KR_TRY(kr_cg_enter_scope(c, s->v.ClassDef.name, KR_SCOPE_CLASS, s, firstlineno));
    c->u->private_name = s->v.ClassDef.name;
    if (kr_cg_nameop(c, "__name__", KR_Load) < 0 ||
        kr_cg_nameop(c, "__module__", KR_Store) < 0 ||
        kr_cg_load_const(c, c->u->qualname) < 0 ||
        kr_cg_nameop(c, "__qualname__", KR_Store) < 0 ||
        kr_cg_body(c, s->v.ClassDef.body) < 0)
        goto fail;
    c->u->loc.lineno = -1;
    if (c->u->ste->needs_class_closure) {
        int i = kr_nameset_index_of(&c->u->cellvars, "__class__", 0);
        if (i < 0 || kr_cg_addop(c, LOAD_CLOSURE, i) < 0 ||
            kr_cg_addop(c, COPY, 1) < 0 ||
            kr_cg_nameop(c, "__classcell__", KR_Store) < 0)
            goto fail;
    } else if (kr_cg_load_const(c, Py_None) < 0) {
        goto fail;
    }
    if (kr_cg_addop_noline(c, RETURN_VALUE, 0) < 0)
        goto fail;
    c->u->loc = KR_LOC_OF(s);
    {
        PyCodeObject *co = kr_assemble(c, 1);
        kr_nameset frees = c->u->freevars;
        memset(&c->u->freevars, 0, sizeof(kr_nameset));
        kr_cg_exit_scope(c);
        if (co == NULL) {
            kr_nameset_clear(&frees);
            return -1;
        }
        c->u->loc = KR_LOC_OF(s);
        int r = kr_cg_addop(c, PUSH_NULL, 0);
        if (r == 0)
            r = kr_cg_addop(c, LOAD_BUILD_CLASS, 0);
        if (r == 0)
            r = kr_cg_make_closure(c, co, &frees, 0);
        kr_nameset_clear(&frees);
        Py_DECREF(co);
        KR_TRY(r);
    }
    KR_TRY(kr_cg_load_const_new(c, kr_str(s->v.ClassDef.name)));
    KR_TRY(kr_cg_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    KR_TRY(kr_cg_apply_decorators(c, decos));
    c->u->loc = KR_LOC_OF(s);
    return kr_cg_nameop(c, s->v.ClassDef.name, KR_Store);
fail:
    kr_cg_exit_scope(c);
    return -1;
}

static int
kr_cg_if(kr_compiler *c, kr_stmt *s)
{
    kr_block *end = kr_cg_new_block(c), *next = end;
    if (end == NULL)
        return -1;
    if (KR_SEQ_LEN(s->v.If.orelse) && (next = kr_cg_new_block(c)) == NULL)
        return -1;
    KR_TRY(kr_cg_jump_if(c, s->v.If.test, next, 0));
    KR_TRY(kr_cg_stmts(c, s->v.If.body));
    if (KR_SEQ_LEN(s->v.If.orelse)) {
        KR_TRY(kr_cg_addjump_noline(c, JUMP, end));
        kr_cg_use_block(c, next);
        KR_TRY(kr_cg_stmts(c, s->v.If.orelse));
    }
    kr_cg_use_block(c, end);
    return 0;
}

static int
kr_cg_for(kr_compiler *c, kr_stmt *s)
{
    kr_block *start = kr_cg_new_block(c), *body = kr_cg_new_block(c);
    kr_block *cleanup = kr_cg_new_block(c), *end = kr_cg_new_block(c);
    if (!start || !body || !cleanup || !end)
        return -1;
    KR_TRY(kr_cg_push_fblock(c, KR_FB_FOR_LOOP, start, end, NULL));
    KR_TRY(kr_cg_fold_iter(c, s->v.For.iter));
    KR_TRY(kr_cg_expr(c, s->v.For.iter));
    KR_TRY(kr_cg_addop(c, GET_ITER, 0));
    kr_cg_use_block(c, start);
    KR_TRY(kr_cg_addjump(c, FOR_ITER, cleanup));
    kr_cg_use_block(c, body);
    KR_TRY(kr_cg_expr(c, s->v.For.target));
    KR_TRY(kr_cg_stmts(c, s->v.For.body));
    c->u->loc.lineno = -1;
    KR_TRY(kr_cg_addjump(c, JUMP, start));
    kr_cg_use_block(c, cleanup);
    kr_cg_pop_fblock(c);
    KR_TRY(kr_cg_stmts(c, s->v.For.orelse));
    kr_cg_use_block(c, end);
    return 0;
}

static int
kr_is_top_level_await(kr_compiler *c)
{
    return (c->cf_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) &&
           c->u->ste->type == KR_BLOCK_MODULE;
}

static int
kr_cg_async_for(kr_compiler *c, kr_stmt *s)
{
    if (kr_is_top_level_await(c))
        c->u->ste->coroutine = 1;
    else if (c->u->scope_type != KR_SCOPE_ASYNC_FUNCTION)
        return kr_cg_error(c, "'async for' outside async function");
    kr_block *start = kr_cg_new_block(c), *except = kr_cg_new_block(c);
    kr_block *end = kr_cg_new_block(c);
    if (!start || !except || !end)
        return -1;
    KR_TRY(kr_cg_expr(c, s->v.For.iter));
    KR_TRY(kr_cg_addop(c, GET_AITER, 0));
    kr_cg_use_block(c, start);
    KR_TRY(kr_cg_push_fblock(c, KR_FB_FOR_LOOP, start, end, NULL));
    KR_TRY(kr_cg_addjump(c, KR_SETUP_FINALLY, except));
    KR_TRY(kr_cg_addop(c, GET_ANEXT, 0));
    KR_TRY(kr_cg_load_const(c, Py_None));
    KR_TRY(kr_cg_add_yield_from(c, 1));
    KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
    KR_TRY(kr_cg_expr(c, s->v.For.target));
    KR_TRY(kr_cg_stmts(c, s->v.For.body));
    c->u->loc.lineno = -1;
    KR_TRY(kr_cg_addjump(c, JUMP, start));
    kr_cg_pop_fblock(c);
    kr_cg_use_block(c, except);
    c->u->loc = KR_LOC_OF(s->v.For.iter);
    KR_TRY(kr_cg_addop(c, END_ASYNC_FOR, 0));
    KR_TRY(kr_cg_stmts(c, s->v.For.orelse));
    kr_cg_use_block(c, end);
    return 0;
}

static int
kr_cg_while(kr_compiler *c, kr_stmt *s)
{
    kr_block *loop = kr_cg_new_block(c), *body = kr_cg_new_block(c);
    kr_block *anchor = kr_cg_new_block(c), *end = kr_cg_new_block(c);
    if (!loop || !body || !anchor || !end)
        return -1;
    kr_cg_use_block(c, loop);
    KR_TRY(kr_cg_push_fblock(c, KR_FB_WHILE_LOOP, loop, end, NULL));
    KR_TRY(kr_cg_jump_if(c, s->v.While.test, anchor, 0));
    kr_cg_use_block(c, body);
    KR_TRY(kr_cg_stmts(c, s->v.While.body));
    c->u->loc = KR_LOC_OF(s);
    KR_TRY(kr_cg_jump_if(c, s->v.While.test, body, 1));
    kr_cg_pop_fblock(c);
    kr_cg_use_block(c, anchor);
    KR_TRY(kr_cg_stmts(c, s->v.While.orelse));
    kr_cg_use_block(c, end);
    return 0;
}

static int
kr_cg_return(kr_compiler *c, kr_stmt *s)
{
    kr_expr *v = s->v.Return.value;
    PyObject *folded = v ? kr_cg_fold(c, v) : NULL;
    int preserve_tos = v != NULL && folded == NULL;
    if (c->u->ste->type != KR_BLOCK_FUNCTION)
        return kr_cg_error(c, "'return' outside function");
    if (v != NULL && c->u->ste->coroutine && c->u->ste->generator)
        return kr_cg_error(c, "'return' with value in async generator");
    if (preserve_tos) {
        KR_TRY(kr_cg_expr(c, v));
    } else if (v != NULL) {
        c->u->loc = KR_LOC_OF(v);
        KR_TRY(kr_cg_addop(c, NOP, 0));
    }
    if (v == NULL || v->lineno != s->lineno) {
        c->u->loc = KR_LOC_OF(s);
        KR_TRY(kr_cg_addop(c, NOP, 0));
    }
    KR_TRY(kr_cg_unwind_fblock_stack(c, preserve_tos, NULL));
    if (v == NULL)
        KR_TRY(kr_cg_load_const(c, Py_None));
    else if (!preserve_tos)
        KR_TRY(kr_cg_load_const(c, folded));
    return kr_cg_addop(c, RETURN_VALUE, 0);
}

static int
kr_cg_break_continue(kr_compiler *c, int is_break)
{
    kr_fblock *loop = NULL;
    kr_location saved = c->u->loc;
    KR_TRY(kr_cg_addop(c, NOP, 0));
    KR_TRY(kr_cg_unwind_fblock_stack(c, 0, &loop));
    if (loop == NULL) {
        /* unwinding compiled finally bodies: report at the statement */
        c->u->loc = saved;
        return kr_cg_error(c, is_break ? "'break' outside loop"
                                       : "'continue' not properly in loop");
    }
    if (is_break) {
        KR_TRY(kr_cg_unwind_fblock(c, loop, 0));
        return kr_cg_addjump(c, JUMP, loop->exit);
    }
    return kr_cg_addjump(c, JUMP, loop->block);
}

static int
kr_cg_try_except(kr_compiler *c, kr_stmt *s)
{
    kr_block *body = kr_cg_new_block(c), *except = kr_cg_new_block(c);
    kr_block *end = kr_cg_new_block(c), *cleanup = kr_cg_new_block(c);
    if (!body || !except || !end || !cleanup)
        return -1;
    KR_TRY(kr_cg_addjump(c, KR_SETUP_FINALLY, except));
    kr_cg_use_block(c, body);
    KR_TRY(kr_cg_push_fblock(c, KR_FB_TRY_EXCEPT, body, NULL, NULL));
    KR_TRY(kr_cg_stmts(c, s->v.Try.body));
    kr_cg_pop_fblock(c);
    KR_TRY(kr_cg_addop_noline(c, KR_POP_BLOCK, 0));
    KR_TRY(kr_cg_stmts(c, s->v.Try.orelse));
    KR_TRY(kr_cg_addjump_noline(c, JUMP, end));
    int n = KR_SEQ_LEN(s->v.Try.handlers);
    kr_cg_use_block(c, except);
    c->u->loc.lineno = -1;
    KR_TRY(kr_cg_addjump(c, KR_SETUP_CLEANUP, cleanup));
    KR_TRY(kr_cg_addop(c, PUSH_EXC_INFO, 0));
    KR_TRY(kr_cg_push_fblock(c, KR_FB_EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (int i = 0; i < n; i++) {
        kr_excepthandler *h = s->v.Try.handlers->items[i];
        c->u->loc = KR_LOC_OF(h);
        if (!h->v.ExceptHandler.type && i < n - 1)
            return kr_cg_error(c, "default 'except:' must be last");
        except = kr_cg_new_block(c);
        if (except == NULL)
            return -1;
        if (h->v.ExceptHandler.type) {
            KR_TRY(kr_cg_expr(c, h->v.ExceptHandler.type));
            KR_TRY(kr_cg_addop(c, CHECK_EXC_MATCH, 0));
            KR_TRY(kr_cg_addjump(c, POP_JUMP_IF_FALSE, except));
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            kr_block *cleanup_end = kr_cg_new_block(c), *cleanup_body = kr_cg_new_block(c);
            if (!cleanup_end || !cleanup_body)
                return -1;
            KR_TRY(kr_cg_nameop(c, name, KR_Store));
            KR_TRY(kr_cg_addjump(c, KR_SETUP_CLEANUP, cleanup_end));
            kr_cg_use_block(c, cleanup_body);
            KR_TRY(kr_cg_push_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body, NULL, name));
            KR_TRY(kr_cg_stmts(c, h->v.ExceptHandler.body));
            kr_cg_pop_fblock(c);
            c->u->loc.lineno = -1;
            KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
            KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
            KR_TRY(kr_cg_addop(c, POP_EXCEPT, 0));
            KR_TRY(kr_cg_load_const(c, Py_None));
            KR_TRY(kr_cg_nameop(c, name, KR_Store));
            KR_TRY(kr_cg_nameop(c, name, KR_Del));
            KR_TRY(kr_cg_addjump(c, JUMP, end));
            kr_cg_use_block(c, cleanup_end);
            c->u->loc.lineno = -1;
            KR_TRY(kr_cg_load_const(c, Py_None));
            KR_TRY(kr_cg_nameop(c, name, KR_Store));
            KR_TRY(kr_cg_nameop(c, name, KR_Del));
            KR_TRY(kr_cg_addop(c, RERAISE, 1));
        } else {
            kr_block *cleanup_body = kr_cg_new_block(c);
            if (!cleanup_body)
                return -1;
            KR_TRY(kr_cg_addop(c, POP_TOP, 0));
            kr_cg_use_block(c, cleanup_body);
            KR_TRY(kr_cg_push_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL));
            KR_TRY(kr_cg_stmts(c, h->v.ExceptHandler.body));
            kr_cg_pop_fblock(c);
            c->u->loc.lineno = -1;
            KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
            KR_TRY(kr_cg_addop(c, POP_EXCEPT, 0));
            KR_TRY(kr_cg_addjump(c, JUMP, end));
        }
        kr_cg_use_block(c, except);
    }
    c->u->loc.lineno = -1;
    kr_cg_pop_fblock(c);
    KR_TRY(kr_cg_addop(c, RERAISE, 0));
    kr_cg_use_block(c, cleanup);
    KR_TRY(kr_cg_pop_except_and_reraise(c));
    kr_cg_use_block(c, end);
    return 0;
}

static int
kr_cg_try_star_except(kr_compiler *c, kr_stmt *s)
{
    kr_block *body = kr_cg_new_block(c), *except = kr_cg_new_block(c);
    kr_block *orelse = kr_cg_new_block(c), *end = kr_cg_new_block(c);
    kr_block *cleanup = kr_cg_new_block(c), *reraise_star = kr_cg_new_block(c);
    if (!body || !except || !orelse || !end || !cleanup || !reraise_star)
        return -1;
    KR_TRY(kr_cg_addjump(c, KR_SETUP_FINALLY, except));
    kr_cg_use_block(c, body);
    KR_TRY(kr_cg_push_fblock(c, KR_FB_TRY_EXCEPT, body, NULL, NULL));
    KR_TRY(kr_cg_stmts(c, s->v.TryStar.body));
    kr_cg_pop_fblock(c);
    KR_TRY(kr_cg_addop_noline(c, KR_POP_BLOCK, 0));
    KR_TRY(kr_cg_addjump_noline(c, JUMP, orelse));
    int n = KR_SEQ_LEN(s->v.TryStar.handlers);
    kr_cg_use_block(c, except);
    c->u->loc.lineno = -1;
    KR_TRY(kr_cg_addjump(c, KR_SETUP_CLEANUP, cleanup));
    KR_TRY(kr_cg_addop(c, PUSH_EXC_INFO, 0));
    KR_TRY(kr_cg_push_fblock(c, KR_FB_EXCEPTION_GROUP_HANDLER, NULL, NULL, "except handler"));
    for (int i = 0; i < n; i++) {
        kr_excepthandler *h = s->v.TryStar.handlers->items[i];
        c->u->loc = KR_LOC_OF(h);
        except = kr_cg_new_block(c);
        kr_block *except_with_error = kr_cg_new_block(c);
        kr_block *no_match = kr_cg_new_block(c);
        if (!except || !except_with_error || !no_match)
            return -1;
        if (i == 0) {
            KR_TRY(kr_cg_addop(c, COPY, 1));
            KR_TRY(kr_cg_addop(c, BUILD_LIST, 0));
            KR_TRY(kr_cg_addop(c, SWAP, 2));
        }
        if (h->v.ExceptHandler.type) {
            KR_TRY(kr_cg_expr(c, h->v.ExceptHandler.type));
            KR_TRY(kr_cg_addop(c, CHECK_EG_MATCH, 0));
            KR_TRY(kr_cg_addop(c, COPY, 1));
            KR_TRY(kr_cg_addjump(c, POP_JUMP_IF_NONE, no_match));
        }
        kr_block *cleanup_end = kr_cg_new_block(c), *cleanup_body = kr_cg_new_block(c);
        if (!cleanup_end || !cleanup_body)
            return -1;
        const char *name = h->v.ExceptHandler.name;
        if (name)
            KR_TRY(kr_cg_nameop(c, name, KR_Store));
        else
            KR_TRY(kr_cg_addop(c, POP_TOP, 0));
        KR_TRY(kr_cg_addjump(c, KR_SETUP_CLEANUP, cleanup_end));
        kr_cg_use_block(c, cleanup_body);
        KR_TRY(kr_cg_push_fblock(c, KR_FB_HANDLER_CLEANUP, cleanup_body, NULL, name));
        KR_TRY(kr_cg_stmts(c, h->v.ExceptHandler.body));
        kr_cg_pop_fblock(c);
        c->u->loc.lineno = -1;
        KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
        if (name) {
            KR_TRY(kr_cg_load_const(c, Py_None));
            KR_TRY(kr_cg_nameop(c, name, KR_Store));
            KR_TRY(kr_cg_nameop(c, name, KR_Del));
        }
        KR_TRY(kr_cg_addjump(c, JUMP, except));
        kr_cg_use_block(c, cleanup_end);
        c->u->loc.lineno = -1;
        if (name) {
            KR_TRY(kr_cg_load_const(c, Py_None));
            KR_TRY(kr_cg_nameop(c, name, KR_Store));
            KR_TRY(kr_cg_nameop(c, name, KR_Del));
        }
        KR_TRY(kr_cg_addop(c, LIST_APPEND, 3));
        KR_TRY(kr_cg_addop(c, POP_TOP, 0));
        KR_TRY(kr_cg_addjump(c, JUMP, except_with_error));
        kr_cg_use_block(c, except);
        KR_TRY(kr_cg_addop(c, NOP, 0));
        KR_TRY(kr_cg_addjump(c, JUMP, except_with_error));
        kr_cg_use_block(c, no_match);
        KR_TRY(kr_cg_addop(c, POP_TOP, 0));
        kr_cg_use_block(c, except_with_error);
        if (i == n - 1) {
            KR_TRY(kr_cg_addop(c, LIST_APPEND, 1));
            KR_TRY(kr_cg_addjump(c, JUMP, reraise_star));
        }
    }
    c->u->loc.lineno = -1;
    kr_cg_pop_fblock(c);
    kr_block *reraise = kr_cg_new_block(c);
    if (!reraise)
        return -1;
    kr_cg_use_block(c, reraise_star);
    KR_TRY(kr_cg_addop(c, PREP_RERAISE_STAR, 0));
    KR_TRY(kr_cg_addop(c, COPY, 1));
    KR_TRY(kr_cg_addjump(c, POP_JUMP_IF_NOT_NONE, reraise));
    KR_TRY(kr_cg_addop(c, POP_TOP, 0));
    KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
    KR_TRY(kr_cg_addop(c, POP_EXCEPT, 0));
    KR_TRY(kr_cg_addjump(c, JUMP, end));
    kr_cg_use_block(c, reraise);
    KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
    KR_TRY(kr_cg_addop(c, SWAP, 2));
    KR_TRY(kr_cg_addop(c, POP_EXCEPT, 0));
    KR_TRY(kr_cg_addop(c, RERAISE, 0));
    kr_cg_use_block(c, cleanup);
    KR_TRY(kr_cg_pop_except_and_reraise(c));
    kr_cg_use_block(c, orelse);
    KR_TRY(kr_cg_stmts(c, s->v.TryStar.orelse));
    kr_cg_use_block(c, end);
    return 0;
}

static int
kr_cg_try_finally(kr_compiler *c, kr_stmt *s, int star)
{
    kr_block *body = kr_cg_new_block(c), *end = kr_cg_new_block(c);
    kr_block *exit = kr_cg_new_block(c), *cleanup = kr_cg_new_block(c);
    if (!body || !end || !exit || !cleanup)
        return -1;
    KR_TRY(kr_cg_addjump(c, KR_SETUP_FINALLY, end));
    kr_cg_use_block(c, body);
    KR_TRY(kr_cg_push_fblock(c, KR_FB_FINALLY_TRY, body, end, s->v.Try.finalbody));
    if (KR_SEQ_LEN(s->v.Try.handlers))
        KR_TRY(star ? kr_cg_try_star_except(c, s) : kr_cg_try_except(c, s));
    else
        KR_TRY(kr_cg_stmts(c, s->v.Try.body));
    KR_TRY(kr_cg_addop_noline(c, KR_POP_BLOCK, 0));
    kr_cg_pop_fblock(c);
    KR_TRY(kr_cg_stmts(c, s->v.Try.finalbody));
    KR_TRY(kr_cg_addjump_noline(c, JUMP, exit));
    kr_cg_use_block(c, end);
    c->u->loc.lineno = -1;
    KR_TRY(kr_cg_addjump(c, KR_SETUP_CLEANUP, cleanup));
    KR_TRY(kr_cg_addop(c, PUSH_EXC_INFO, 0));
    KR_TRY(kr_cg_push_fblock(c, KR_FB_FINALLY_END, end, NULL, NULL));
    KR_TRY(kr_cg_stmts(c, s->v.Try.finalbody));
    kr_cg_pop_fblock(c);
    KR_TRY(kr_cg_addop(c, RERAISE, 0));
    kr_cg_use_block(c, cleanup);
    KR_TRY(kr_cg_pop_except_and_reraise(c));
    kr_cg_use_block(c, exit);
    return 0;
}

static int
kr_cg_with_except_finish(kr_compiler *c, kr_block *cleanup)
{
    c->u->loc.lineno = -1;
    kr_block *exit = kr_cg_new_block(c);
    if (exit == NULL)
        return -1;
    KR_TRY(kr_cg_addjump(c, POP_JUMP_IF_TRUE, exit));
    KR_TRY(kr_cg_addop(c, RERAISE, 2));
    kr_cg_use_block(c, cleanup);
    KR_TRY(kr_cg_pop_except_and_reraise(c));
    kr_cg_use_block(c, exit);
    KR_TRY(kr_cg_addop(c, POP_TOP, 0));
    KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
    KR_TRY(kr_cg_addop(c, POP_EXCEPT, 0));
    KR_TRY(kr_cg_addop(c, POP_TOP, 0));
    return kr_cg_addop(c, POP_TOP, 0);
}

static int
kr_cg_with(kr_compiler *c, kr_stmt *s, int pos, int is_async)
{
    if (is_async && pos == 0) {
        if (kr_is_top_level_await(c))
            c->u->ste->coroutine = 1;
        else if (c->u->scope_type != KR_SCOPE_ASYNC_FUNCTION)
            return kr_cg_error(c, "'async with' outside async function");
    }
    kr_withitem *item = s->v.With.items->items[pos];
    kr_block *block = kr_cg_new_block(c), *final = kr_cg_new_block(c);
    kr_block *exit = kr_cg_new_block(c), *cleanup = kr_cg_new_block(c);
    if (!block || !final || !exit || !cleanup)
        return -1;
    KR_TRY(kr_cg_expr(c, item->context_expr));
    if (is_async) {
        KR_TRY(kr_cg_addop(c, BEFORE_ASYNC_WITH, 0));
        KR_TRY(kr_cg_addop(c, GET_AWAITABLE, 1));
        KR_TRY(kr_cg_load_const(c, Py_None));
        KR_TRY(kr_cg_add_yield_from(c, 1));
    } else {
        KR_TRY(kr_cg_addop(c, BEFORE_WITH, 0));
    }
    KR_TRY(kr_cg_addjump(c, KR_SETUP_WITH, final));
    kr_cg_use_block(c, block);
    KR_TRY(kr_cg_push_fblock(c, is_async ? KR_FB_ASYNC_WITH : KR_FB_WITH, block, final, s));
    if (item->optional_vars)
        KR_TRY(kr_cg_expr(c, item->optional_vars));
    else
        KR_TRY(kr_cg_addop(c, POP_TOP, 0));
    pos++;
    if (pos == s->v.With.items->n)
        KR_TRY(kr_cg_stmts(c, s->v.With.body));
    else
        KR_TRY(kr_cg_with(c, s, pos, is_async));
    c->u->loc.lineno = -1;
    KR_TRY(kr_cg_addop(c, KR_POP_BLOCK, 0));
    kr_cg_pop_fblock(c);
    c->u->loc = KR_LOC_OF(s);
    KR_TRY(kr_cg_call_exit_with_nones(c));
    if (is_async) {
        KR_TRY(kr_cg_addop(c, GET_AWAITABLE, 2));
        KR_TRY(kr_cg_load_const(c, Py_None));
        KR_TRY(kr_cg_add_yield_from(c, 1));
    }
    KR_TRY(kr_cg_addop(c, POP_TOP, 0));
    KR_TRY(kr_cg_addjump(c, JUMP, exit));
    kr_cg_use_block(c, final);
    KR_TRY(kr_cg_addjump(c, KR_SETUP_CLEANUP, cleanup));
    KR_TRY(kr_cg_addop(c, PUSH_EXC_INFO, 0));
    KR_TRY(kr_cg_addop(c, WITH_EXCEPT_START, 0));
    if (is_async) {
        KR_TRY(kr_cg_addop(c, GET_AWAITABLE, 2));
        KR_TRY(kr_cg_load_const(c, Py_None));
        KR_TRY(kr_cg_add_yield_from(c, 1));
    }
    KR_TRY(kr_cg_with_except_finish(c, cleanup));
    kr_cg_use_block(c, exit);
    return 0;
}

static int
kr_cg_import_as(kr_compiler *c, const char *name, const char *asname)
{
    const char *dot = strchr(name, '.');
    if (dot != NULL) {
        const char *p = dot + 1;
        for (;;) {
            const char *nd = strchr(p, '.');
            size_t len = nd ? (size_t)(nd - p) : strlen(p);
            char *attr = kr_arena_strndup(c->arena, p, len);
            if (attr == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            KR_TRY(kr_cg_addop_name(c, IMPORT_FROM, attr));
            if (nd == NULL)
                break;
            KR_TRY(kr_cg_addop(c, SWAP, 2));
            KR_TRY(kr_cg_addop(c, POP_TOP, 0));
            p = nd + 1;
        }
        KR_TRY(kr_cg_nameop(c, asname, KR_Store));
        return kr_cg_addop(c, POP_TOP, 0);
    }
    return kr_cg_nameop(c, asname, KR_Store);
}

static int
kr_cg_import(kr_compiler *c, kr_stmt *s)
{
    for (int i = 0; i < KR_SEQ_LEN(s->v.Import.names); i++) {
        kr_alias *a = s->v.Import.names->items[i];
        KR_TRY(kr_cg_load_const_new(c, PyLong_FromLong(0)));
        KR_TRY(kr_cg_load_const(c, Py_None));
        KR_TRY(kr_cg_addop_name(c, IMPORT_NAME, a->name));
        if (a->asname) {
            KR_TRY(kr_cg_import_as(c, a->name, a->asname));
        } else {
            const char *dot = strchr(a->name, '.');
            const char *store = a->name;
            if (dot) {
                store = kr_arena_strndup(c->arena, a->name, (size_t)(dot - a->name));
                if (store == NULL) {
                    PyErr_NoMemory();
                    return -1;
                }
            }
            KR_TRY(kr_cg_nameop(c, store, KR_Store));
        }
    }
    return 0;
}

static int
kr_cg_import_from(kr_compiler *c, kr_stmt *s)
{
    int n = KR_SEQ_LEN(s->v.ImportFrom.names);
    KR_TRY(kr_cg_load_const_new(c, PyLong_FromLong(s->v.ImportFrom.level)));
    PyObject *names = PyTuple_New(n);
    if (names == NULL)
        return -1;
    for (int i = 0; i < n; i++) {
        PyObject *o = kr_str(s->v.ImportFrom.names->items[i]->name);
        if (o == NULL) {
            Py_DECREF(names);
            return -1;
        }
        PyTuple_SET_ITEM(names, i, o);
    }
    if (s->lineno > c->future_lineno && s->v.ImportFrom.module &&
        strcmp(s->v.ImportFrom.module, "__future__") == 0) {
        Py_DECREF(names);
        return kr_cg_error(c, "from __future__ imports must occur at the beginning of the file");
    }
    KR_TRY(kr_cg_load_const_new(c, names));
    KR_TRY(kr_cg_addop_name(c, IMPORT_NAME,
                            s->v.ImportFrom.module ? s->v.ImportFrom.module : ""));
    for (int i = 0; i < n; i++) {
        kr_alias *a = s->v.ImportFrom.names->items[i];
        if (i == 0 && a->name[0] == '*')
            return kr_cg_addop(c, IMPORT_STAR, 0);
        KR_TRY(kr_cg_addop_name(c, IMPORT_FROM, a->name));
        KR_TRY(kr_cg_nameop(c, a->asname ? a->asname : a->name, KR_Store));
    }
    return kr_cg_addop(c, POP_TOP, 0);
}

static int
kr_cg_assert(kr_compiler *c, kr_stmt *s)
{
    kr_expr *t = s->v.Assert.test;
    PyObject *ft = kr_cg_fold(c, t);
    if ((t->kind == KR_Tuple && KR_SEQ_LEN(t->v.Tuple.elts) > 0) ||
        (ft && PyTuple_CheckExact(ft) && PyTuple_GET_SIZE(ft) > 0))
        KR_TRY(kr_cg_warn(c, "assertion is always true, perhaps remove parentheses?"));
    if (c->optimize)
        return 0;
    kr_block *end = kr_cg_new_block(c);
    if (end == NULL)
        return -1;
    KR_TRY(kr_cg_jump_if(c, t, end, 1));
    KR_TRY(kr_cg_addop(c, LOAD_ASSERTION_ERROR, 0));
    if (s->v.Assert.msg) {
        KR_TRY(kr_cg_expr(c, s->v.Assert.msg));
        KR_TRY(kr_cg_addop(c, CALL, 0));
    }
    KR_TRY(kr_cg_addop(c, RAISE_VARARGS, 1));
    kr_cg_use_block(c, end);
    return 0;
}

static int
kr_cg_check_ann_expr(kr_compiler *c, kr_expr *e)
{
    KR_TRY(kr_cg_expr(c, e));
    return kr_cg_addop(c, POP_TOP, 0);
}

static int
kr_cg_check_ann_subscr(kr_compiler *c, kr_expr *e)
{
    switch (e->kind) {
    case KR_Slice:
        if (e->v.Slice.lower)
            KR_TRY(kr_cg_check_ann_expr(c, e->v.Slice.lower));
        if (e->v.Slice.upper)
            KR_TRY(kr_cg_check_ann_expr(c, e->v.Slice.upper));
        if (e->v.Slice.step)
            KR_TRY(kr_cg_check_ann_expr(c, e->v.Slice.step));
        return 0;
    case KR_Tuple:
        for (int i = 0; i < KR_SEQ_LEN(e->v.Tuple.elts); i++)
            KR_TRY(kr_cg_check_ann_subscr(c, e->v.Tuple.elts->items[i]));
        return 0;
    default:
        return kr_cg_check_ann_expr(c, e);
    }
}

static int
kr_cg_annassign(kr_compiler *c, kr_stmt *s)
{
    kr_expr *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        KR_TRY(kr_cg_expr(c, s->v.AnnAssign.value));
        KR_TRY(kr_cg_expr(c, t));
    }
    int in_body = c->u->scope_type == KR_SCOPE_MODULE || c->u->scope_type == KR_SCOPE_CLASS;
    switch (t->kind) {
    case KR_Name:
        if (kr_cg_forbidden_name(c, t->v.Name.id, KR_Store))
            return -1;
        if (s->v.AnnAssign.simple && in_body) {
            if (c->future_flags & CO_FUTURE_ANNOTATIONS)
                KR_TRY(kr_cg_visit_annexpr(c, s->v.AnnAssign.annotation));
            else
                KR_TRY(kr_cg_expr(c, s->v.AnnAssign.annotation));
            KR_TRY(kr_cg_addop_name(c, LOAD_NAME, "__annotations__"));
            const char *m = kr_cg_mangle(c, t->v.Name.id);
            if (m == NULL)
                return -1;
            KR_TRY(kr_cg_load_const_new(c, kr_str(m)));
            KR_TRY(kr_cg_addop(c, STORE_SUBSCR, 0));
        }
        break;
    case KR_Attribute:
        if (kr_cg_forbidden_name(c, t->v.Attribute.attr, KR_Store))
            return -1;
        if (!s->v.AnnAssign.value)
            KR_TRY(kr_cg_check_ann_expr(c, t->v.Attribute.value));
        break;
    case KR_Subscript:
        if (!s->v.AnnAssign.value) {
            KR_TRY(kr_cg_check_ann_expr(c, t->v.Subscript.value));
            KR_TRY(kr_cg_check_ann_subscr(c, t->v.Subscript.slice));
        }
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "invalid node type for annotated assignment");
        return -1;
    }
    if (!s->v.AnnAssign.simple && !(c->future_flags & CO_FUTURE_ANNOTATIONS) && in_body)
        KR_TRY(kr_cg_check_ann_expr(c, s->v.AnnAssign.annotation));
    return 0;
}

void
kr_update_start_to_attr_loc(kr_location *l, kr_expr *attr)
{
    /* a multi-line attribute access is reported at the attribute name */
    if (l->lineno != attr->end_lineno) {
        l->lineno = attr->end_lineno;
        int len = (int)strlen(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            l->col = attr->end_col_offset - len;
        } else {
            l->col = -1;
            l->end_col = -1;
        }
        if (l->end_lineno < l->lineno)
            l->end_lineno = l->lineno;
        if (l->lineno == l->end_lineno && l->end_col < l->col)
            l->end_col = l->col;
    }
}

static void
kr_update_start_to_attr(kr_compiler *c, kr_expr *attr)
{
    kr_update_start_to_attr_loc(&c->u->loc, attr);
}

static int
kr_cg_augassign(kr_compiler *c, kr_stmt *s)
{
    kr_expr *e = s->v.AugAssign.target;
    kr_location saved = c->u->loc;
    c->u->loc = KR_LOC_OF(e);
    switch (e->kind) {
    case KR_Attribute:
        KR_TRY(kr_cg_expr(c, e->v.Attribute.value));
        KR_TRY(kr_cg_addop(c, COPY, 1));
        kr_update_start_to_attr(c, e);
        KR_TRY(kr_cg_addop_name(c, LOAD_ATTR, e->v.Attribute.attr));
        break;
    case KR_Subscript:
        KR_TRY(kr_cg_expr(c, e->v.Subscript.value));
        KR_TRY(kr_cg_expr(c, e->v.Subscript.slice));
        KR_TRY(kr_cg_addop(c, COPY, 2));
        KR_TRY(kr_cg_addop(c, COPY, 2));
        KR_TRY(kr_cg_addop(c, BINARY_SUBSCR, 0));
        break;
    case KR_Name:
        KR_TRY(kr_cg_nameop(c, e->v.Name.id, KR_Load));
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for augmented assignment",
                     (int)e->kind);
        return -1;
    }
    c->u->loc = saved;
    KR_TRY(kr_cg_expr(c, s->v.AugAssign.value));
    static const int inplace[] = {
        [KR_Add] = KR_NB_INPLACE_ADD, [KR_Sub] = KR_NB_INPLACE_SUBTRACT,
        [KR_Mult] = KR_NB_INPLACE_MULTIPLY, [KR_MatMult] = KR_NB_INPLACE_MATRIX_MULTIPLY,
        [KR_Div] = KR_NB_INPLACE_TRUE_DIVIDE, [KR_Mod] = KR_NB_INPLACE_REMAINDER,
        [KR_Pow] = KR_NB_INPLACE_POWER, [KR_LShift] = KR_NB_INPLACE_LSHIFT,
        [KR_RShift] = KR_NB_INPLACE_RSHIFT, [KR_BitOr] = KR_NB_INPLACE_OR,
        [KR_BitXor] = KR_NB_INPLACE_XOR, [KR_BitAnd] = KR_NB_INPLACE_AND,
        [KR_FloorDiv] = KR_NB_INPLACE_FLOOR_DIVIDE,
    };
    KR_TRY(kr_cg_addop(c, BINARY_OP, inplace[s->v.AugAssign.op]));
    c->u->loc = KR_LOC_OF(e);
    switch (e->kind) {
    case KR_Attribute:
        kr_update_start_to_attr(c, e);
        KR_TRY(kr_cg_addop(c, SWAP, 2));
        return kr_cg_addop_name(c, STORE_ATTR, e->v.Attribute.attr);
    case KR_Subscript:
        KR_TRY(kr_cg_addop(c, SWAP, 3));
        KR_TRY(kr_cg_addop(c, SWAP, 2));
        return kr_cg_addop(c, STORE_SUBSCR, 0);
    default:
        return kr_cg_nameop(c, e->v.Name.id, KR_Store);
    }
}

static int
kr_cg_stmt_expr(kr_compiler *c, kr_expr *value)
{
    if (c->interactive && c->nestlevel <= 1) {
        KR_TRY(kr_cg_expr(c, value));
        return kr_cg_addop(c, PRINT_EXPR, 0);
    }
    if (value->kind == KR_Constant)
        return kr_cg_addop(c, NOP, 0);
    KR_TRY(kr_cg_expr(c, value));
    c->u->loc.lineno = -1;
    return kr_cg_addop(c, POP_TOP, 0);
}

int
kr_cg_stmt(kr_compiler *c, kr_stmt *s)
{
    KR_TRY(kr_cg_enter_recursion(c));
    c->u->loc = KR_LOC_OF(s);
    int r = 0;
    switch (s->kind) {
    case KR_FunctionDef:
        r = kr_cg_function(c, s, 0);
        break;
    case KR_AsyncFunctionDef:
        r = kr_cg_function(c, s, 1);
        break;
    case KR_ClassDef:
        r = kr_cg_class(c, s);
        break;
    case KR_Return:
        r = kr_cg_return(c, s);
        break;
    case KR_Delete:
        r = kr_cg_exprs(c, s->v.Delete.targets);
        break;
    case KR_Assign: {
        int n = KR_SEQ_LEN(s->v.Assign.targets);
        r = kr_cg_expr(c, s->v.Assign.value);
        for (int i = 0; r == 0 && i < n; i++) {
            if (i < n - 1)
                r = kr_cg_addop(c, COPY, 1);
            if (r == 0)
                r = kr_cg_expr(c, s->v.Assign.targets->items[i]);
        }
        break;
    }
    case KR_AugAssign:
        r = kr_cg_augassign(c, s);
        break;
    case KR_AnnAssign:
        r = kr_cg_annassign(c, s);
        break;
    case KR_For:
        r = kr_cg_for(c, s);
        break;
    case KR_AsyncFor:
        r = kr_cg_async_for(c, s);
        break;
    case KR_While:
        r = kr_cg_while(c, s);
        break;
    case KR_If:
        r = kr_cg_if(c, s);
        break;
    case KR_With:
        r = kr_cg_with(c, s, 0, 0);
        break;
    case KR_AsyncWith:
        r = kr_cg_with(c, s, 0, 1);
        break;
    case KR_Match:
        r = kr_cg_match(c, s);
        break;
    case KR_Raise: {
        int n = 0;
        if (s->v.Raise.exc) {
            r = kr_cg_expr(c, s->v.Raise.exc);
            n++;
            if (r == 0 && s->v.Raise.cause) {
                r = kr_cg_expr(c, s->v.Raise.cause);
                n++;
            }
        }
        if (r == 0)
            r = kr_cg_addop(c, RAISE_VARARGS, n);
        break;
    }
    case KR_Try:
        if (KR_SEQ_LEN(s->v.Try.finalbody))
            r = kr_cg_try_finally(c, s, 0);
        else
            r = kr_cg_try_except(c, s);
        break;
    case KR_TryStar:
        if (KR_SEQ_LEN(s->v.TryStar.finalbody))
            r = kr_cg_try_finally(c, s, 1);
        else
            r = kr_cg_try_star_except(c, s);
        break;
    case KR_Assert:
        r = kr_cg_assert(c, s);
        break;
    case KR_Import:
        r = kr_cg_import(c, s);
        break;
    case KR_ImportFrom:
        r = kr_cg_import_from(c, s);
        break;
    case KR_Global:
    case KR_Nonlocal:
        break;
    case KR_Expr:
        r = kr_cg_stmt_expr(c, s->v.Expr.value);
        break;
    case KR_Pass:
        r = kr_cg_addop(c, NOP, 0);
        break;
    case KR_Break:
        r = kr_cg_break_continue(c, 1);
        break;
    case KR_Continue:
        r = kr_cg_break_continue(c, 0);
        break;
    }
    c->depth--;
    return r;
}

/* ---- whole modules ------------------------------------------------------ */

/* Compile `mod` into the module code object: new reference or NULL. */
PyCodeObject *
kr_cg_module(kr_compiler *c, kr_mod *mod)
{
    PyCodeObject *co = NULL;
    if (kr_cg_enter_scope(c, "<module>", KR_SCOPE_MODULE, mod, 1) < 0)
        goto done;
    int add_none = 1;
    int r = 0;
    switch (mod->kind) {
    case KR_Module:
        r = kr_cg_body(c, mod->v.Module.body);
        break;
    case KR_Interactive:
        if (kr_find_ann(mod->v.Interactive.body))
            r = kr_cg_addop(c, SETUP_ANNOTATIONS, 0);
        c->interactive = 1;
        if (r == 0)
            r = kr_cg_stmts(c, mod->v.Interactive.body);
        break;
    case KR_Expression:
        r = kr_cg_expr(c, mod->v.Expression.body);
        add_none = 0;
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "compiler: unsupported module kind");
        r = -1;
    }
    if (r == 0)
        co = kr_assemble(c, add_none);
done:
    while (c->u)
        kr_cg_exit_scope(c);
    return co;
}
