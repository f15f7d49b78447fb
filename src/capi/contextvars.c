/* contextvars.c: context variables (PEP 567): the Context, ContextVar and
 * Token types, their C API (include/context.h), and the `_contextvars`
 * module that the standard library's contextvars.py re-exports.
 *
 * A Context maps ContextVars to values through a dict that is never
 * changed once made: ContextVar.set builds a new dict, so copying a
 * Context is O(1) and a copy never sees later changes.  (CPython uses a
 * HAMT to make set O(log n); the dict makes set O(n) in the number of
 * variables, which stays small in practice.)
 *
 * The current context is per thread state: it lives in the thread state's
 * dict (PyThreadState_GetDict) under the key &PyContext_Type, an immortal
 * object no Python code can name, so no field in PyThreadState is needed. */
#include "internal.h"
#include "genericaliasobject.h"
#include "capi/contextvars.h"

struct _pycontextobject {
    PyObject_HEAD
    PyObject *vars;            /* dict {ContextVar: value}, never mutated */
    PyObject *prev;            /* context that was current before Enter */
    int entered;
    PyObject *weakreflist;
};

struct _pycontextvarobject {
    PyObject_HEAD
    PyObject *name;            /* str */
    PyObject *default_value;   /* or NULL */
};

struct _pycontexttokenobject {
    PyObject_HEAD
    PyObject *ctx;
    PyObject *var;
    PyObject *old_value;       /* or NULL: the variable had no value */
    int used;
};

/* Token.MISSING: one immortal marker. */
static PyObject *kr_ctxmissing_repr(PyObject *self) { return PyUnicode_FromString("<Token.MISSING>"); }

static PyTypeObject kr_ctxmissing_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Token.MISSING",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = kr_ctxmissing_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

static PyObject kr_ctxmissing = {_Py_IMMORTAL_REFCNT, &kr_ctxmissing_type};

/* Token.MISSING must sit in Token's dict, which PyType_Ready makes and
 * which every context shares.  The entry is made with the calling thread
 * briefly bound to no context, so that the key and any growth of the dict
 * come from the process-wide allocator (as at start-up) and outlive every
 * context.  The runtime should call this once at start-up, right after
 * readying the static types; until it does, the first use in the process
 * does it (a concurrent first use from two contexts would race).  The
 * marker's own type is readied the same way. */
int kr_contextvars_types_init(void)
{
    PyObject *dict = PyContextToken_Type.tp_dict;
    if (dict == NULL || ((kr_ctxmissing_type.tp_flags & Py_TPFLAGS_READY) &&
                         PyDict_GetItemString(dict, "MISSING") != NULL))
        return 0;
    PyThreadState *ts = kr_tstate;
    kr_tstate = NULL;
    int r = 0;
    if (!(kr_ctxmissing_type.tp_flags & Py_TPFLAGS_READY))
        r = PyType_Ready(&kr_ctxmissing_type);
    if (r == 0 && PyDict_GetItemString(dict, "MISSING") == NULL) {
        PyObject *key = PyUnicode_FromString("MISSING");
        r = key == NULL ? -1 : PyDict_SetItem(dict, key, &kr_ctxmissing);
        Py_XDECREF(key);
    }
    kr_tstate = ts;
    if (r < 0) {
        PyErr_NoMemory();
        return -1;
    }
    PyType_Modified(&PyContextToken_Type);
    return 0;
}

/* The runtime readies these types at start-up (runtime/static_types.c);
 * readying here too keeps the C API usable in a process whose table lacks
 * them. */
static int kr_ctx_ready(void)
{
    PyTypeObject *types[] = {&PyContext_Type, &PyContextVar_Type, &PyContextToken_Type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (!(types[i]->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(types[i]) < 0)
            return -1;
    return kr_contextvars_types_init();
}

/* ---- the current context ---- */

#define KR_CTX_KEY ((PyObject *)&PyContext_Type)

static PyObject *kr_ctx_alloc(PyObject *vars)
{
    if (kr_ctx_ready() < 0)
        return NULL;
    PyContext *ctx = PyObject_GC_New(PyContext, &PyContext_Type);
    if (ctx == NULL)
        return NULL;
    if (vars == NULL && (vars = PyDict_New()) == NULL) {
        ctx->vars = NULL;
        ctx->prev = NULL;
        ctx->weakreflist = NULL;
        Py_DECREF(ctx);
        return NULL;
    }
    ctx->vars = vars;    /* steals */
    ctx->prev = NULL;
    ctx->entered = 0;
    ctx->weakreflist = NULL;
    PyObject_GC_Track(ctx);
    return (PyObject *)ctx;
}

/* Borrowed reference to the thread's current context, made on first use. */
static PyContext *kr_ctx_current(void)
{
    PyObject *d = PyThreadState_GetDict();
    if (d == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "no current thread state");
        return NULL;
    }
    PyObject *ctx = PyDict_GetItemWithError(d, KR_CTX_KEY);
    if (ctx != NULL || PyErr_Occurred())
        return (PyContext *)ctx;
    ctx = kr_ctx_alloc(NULL);
    if (ctx == NULL)
        return NULL;
    int r = PyDict_SetItem(d, KR_CTX_KEY, ctx);
    Py_DECREF(ctx);
    return r < 0 ? NULL : (PyContext *)ctx;
}

static int kr_ctx_set_current(PyObject *ctx)
{
    PyObject *d = PyThreadState_GetDict();
    if (d == NULL)
        return -1;
    if (ctx == NULL)
        return PyDict_DelItem(d, KR_CTX_KEY);
    return PyDict_SetItem(d, KR_CTX_KEY, ctx);
}

/* ---- C API: contexts ---- */

PyObject *PyContext_New(void) { return kr_ctx_alloc(NULL); }

static PyObject *kr_ctx_copy(PyContext *ctx)
{
    return kr_ctx_alloc(Py_NewRef(ctx->vars));
}

PyObject *PyContext_Copy(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_ctx_copy((PyContext *)octx);
}

PyObject *PyContext_CopyCurrent(void)
{
    PyContext *ctx = kr_ctx_current();
    return ctx == NULL ? NULL : kr_ctx_copy(ctx);
}

int PyContext_Enter(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyContext *ctx = (PyContext *)octx;
    if (ctx->entered) {
        PyErr_Format(PyExc_RuntimeError, "cannot enter context: %R is already entered", octx);
        return -1;
    }
    PyContext *cur = kr_ctx_current();
    if (cur == NULL)
        return -1;
    ctx->prev = Py_NewRef((PyObject *)cur);
    ctx->entered = 1;
    if (kr_ctx_set_current(octx) < 0) {
        Py_CLEAR(ctx->prev);
        ctx->entered = 0;
        return -1;
    }
    return 0;
}

int PyContext_Exit(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyContext *ctx = (PyContext *)octx;
    if (!ctx->entered) {
        PyErr_Format(PyExc_RuntimeError, "cannot exit context: %R has not been entered", octx);
        return -1;
    }
    PyContext *cur = kr_ctx_current();
    if (cur == NULL)
        return -1;
    if (cur != ctx) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot exit context: thread state references a different context object");
        return -1;
    }
    PyObject *prev = ctx->prev;
    ctx->prev = NULL;
    ctx->entered = 0;
    int r = kr_ctx_set_current(prev);
    Py_XDECREF(prev);
    return r;
}

/* ---- C API: variables ---- */

PyObject *PyContextVar_New(const char *name, PyObject *def)
{
    if (kr_ctx_ready() < 0)
        return NULL;
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyContextVar *var = PyObject_GC_New(PyContextVar, &PyContextVar_Type);
    if (var == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    var->name = n;
    var->default_value = Py_XNewRef(def);
    PyObject_GC_Track(var);
    return (PyObject *)var;
}

/* On success *value is a new reference, or NULL when the variable has no
 * value and no default. */
int PyContextVar_Get(PyObject *ovar, PyObject *def, PyObject **value)
{
    if (!PyContextVar_CheckExact(ovar)) {
        PyErr_SetString(PyExc_TypeError, "an instance of ContextVar was expected");
        *value = NULL;
        return -1;
    }
    PyContext *ctx = kr_ctx_current();
    if (ctx == NULL) {
        *value = NULL;
        return -1;
    }
    PyObject *v = PyDict_GetItemWithError(ctx->vars, ovar);
    if (v == NULL && PyErr_Occurred()) {
        *value = NULL;
        return -1;
    }
    if (v == NULL)
        v = def != NULL ? def : ((PyContextVar *)ovar)->default_value;
    *value = Py_XNewRef(v);
    return 0;
}

/* Replace ctx's mapping by a copy with var set to value (or removed when
 * value is NULL). */
static int kr_ctx_update(PyContext *ctx, PyObject *var, PyObject *value)
{
    PyObject *vars = PyDict_Copy(ctx->vars);
    if (vars == NULL)
        return -1;
    int r = value != NULL ? PyDict_SetItem(vars, var, value) : PyDict_DelItem(vars, var);
    if (r < 0) {
        Py_DECREF(vars);
        return -1;
    }
    Py_SETREF(ctx->vars, vars);
    return 0;
}

PyObject *PyContextVar_Set(PyObject *ovar, PyObject *value)
{
    if (!PyContextVar_CheckExact(ovar)) {
        PyErr_SetString(PyExc_TypeError, "an instance of ContextVar was expected");
        return NULL;
    }
    PyContext *ctx = kr_ctx_current();
    if (ctx == NULL)
        return NULL;
    PyObject *old = PyDict_GetItemWithError(ctx->vars, ovar);
    if (old == NULL && PyErr_Occurred())
        return NULL;
    Py_XINCREF(old);
    if (kr_ctx_update(ctx, ovar, value) < 0) {
        Py_XDECREF(old);
        return NULL;
    }
    PyContextToken *tok = PyObject_GC_New(PyContextToken, &PyContextToken_Type);
    if (tok == NULL) {
        Py_XDECREF(old);
        return NULL;
    }
    tok->ctx = Py_NewRef((PyObject *)ctx);
    tok->var = Py_NewRef(ovar);
    tok->old_value = old;
    tok->used = 0;
    PyObject_GC_Track(tok);
    return (PyObject *)tok;
}

int PyContextVar_Reset(PyObject *ovar, PyObject *otok)
{
    if (!PyContextVar_CheckExact(ovar)) {
        PyErr_SetString(PyExc_TypeError, "an instance of ContextVar was expected");
        return -1;
    }
    if (!PyContextToken_CheckExact(otok)) {
        PyErr_Format(PyExc_TypeError, "expected an instance of Token, got %R", otok);
        return -1;
    }
    PyContextToken *tok = (PyContextToken *)otok;
    if (tok->used) {
        PyErr_Format(PyExc_RuntimeError, "%R has already been used once", otok);
        return -1;
    }
    if (tok->var != ovar) {
        PyErr_Format(PyExc_ValueError, "%R was created by a different ContextVar", otok);
        return -1;
    }
    PyContext *ctx = kr_ctx_current();
    if (ctx == NULL)
        return -1;
    if ((PyObject *)ctx != tok->ctx) {
        PyErr_Format(PyExc_ValueError, "%R was created in a different Context", otok);
        return -1;
    }
    tok->used = 1;
    if (tok->old_value == NULL) {
        int has = PyDict_Contains(ctx->vars, ovar);
        if (has <= 0)
            return has;
    }
    return kr_ctx_update(ctx, ovar, tok->old_value);
}

/* ---- Context: Python level ---- */

static PyObject *kr_ctx_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((args != NULL && PyTuple_GET_SIZE(args)) || (kwds != NULL && PyDict_GET_SIZE(kwds))) {
        PyErr_SetString(PyExc_TypeError, "Context() does not accept any arguments");
        return NULL;
    }
    return PyContext_New();
}

static int kr_ctx_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyContext *ctx = (PyContext *)op;
    Py_VISIT(ctx->vars);
    Py_VISIT(ctx->prev);
    return 0;
}

static int kr_ctx_clear(PyObject *op)
{
    PyContext *ctx = (PyContext *)op;
    Py_CLEAR(ctx->prev);
    Py_CLEAR(ctx->vars);
    return 0;
}

static void kr_ctx_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    if (((PyContext *)op)->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    kr_ctx_clear(op);
    PyObject_GC_Del(op);
}

static int kr_ctx_check_key(PyObject *key)
{
    if (!PyContextVar_CheckExact(key)) {
        PyErr_Format(PyExc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

static PyObject *kr_ctx_subscript(PyObject *op, PyObject *key)
{
    if (kr_ctx_check_key(key) < 0)
        return NULL;
    PyObject *v = PyDict_GetItemWithError(((PyContext *)op)->vars, key);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    return Py_NewRef(v);
}

static int kr_ctx_contains(PyObject *op, PyObject *key)
{
    if (kr_ctx_check_key(key) < 0)
        return -1;
    return PyDict_Contains(((PyContext *)op)->vars, key);
}

static Py_ssize_t kr_ctx_len(PyObject *op) { return PyDict_GET_SIZE(((PyContext *)op)->vars); }

static PyObject *kr_ctx_iter(PyObject *op) { return PyObject_GetIter(((PyContext *)op)->vars); }

static PyObject *kr_ctx_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyContext_CheckExact(a) || !PyContext_CheckExact(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    return PyObject_RichCompare(((PyContext *)a)->vars, ((PyContext *)b)->vars, op);
}

static PyObject *kr_ctx_get(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2))
        return NULL;
    if (kr_ctx_check_key(args[0]) < 0)
        return NULL;
    PyObject *v = PyDict_GetItemWithError(((PyContext *)op)->vars, args[0]);
    if (v == NULL && PyErr_Occurred())
        return NULL;
    if (v == NULL)
        v = nargs > 1 ? args[1] : Py_None;
    return Py_NewRef(v);
}

/* keys()/values()/items() are views of the (never mutated) mapping. */
static PyObject *kr_ctx_view(PyObject *op, const char *which)
{
    return PyObject_CallMethod(((PyContext *)op)->vars, which, NULL);
}

static PyObject *kr_ctx_keys(PyObject *op, PyObject *unused) { return kr_ctx_view(op, "keys"); }
static PyObject *kr_ctx_values(PyObject *op, PyObject *unused) { return kr_ctx_view(op, "values"); }
static PyObject *kr_ctx_items(PyObject *op, PyObject *unused) { return kr_ctx_view(op, "items"); }

static PyObject *kr_ctx_copy_meth(PyObject *op, PyObject *unused) { return kr_ctx_copy((PyContext *)op); }

static PyObject *kr_ctx_run(PyObject *op, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "run() missing 1 required positional argument");
        return NULL;
    }
    if (PyContext_Enter(op) < 0)
        return NULL;
    PyObject *res = PyObject_Vectorcall(args[0], args + 1, nargs - 1, kwnames);
    if (PyContext_Exit(op) < 0) {
        Py_XDECREF(res);
        return NULL;
    }
    return res;
}

static PyMethodDef kr_ctx_methods[] = {
    {"run", (PyCFunction)(void (*)(void))kr_ctx_run, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"copy", kr_ctx_copy_meth, METH_NOARGS, NULL},
    {"get", (PyCFunction)(void (*)(void))kr_ctx_get, METH_FASTCALL,
     "Return the value for `key` if `key` has the value in the context object.\n\n"
     "If `key` does not exist, return `default`. If `default` is not given,\nreturn None."},
    {"keys", kr_ctx_keys, METH_NOARGS, "Return a list of all variables in the context object."},
    {"values", kr_ctx_values, METH_NOARGS, "Return a list of all variables' values in the context object."},
    {"items", kr_ctx_items, METH_NOARGS,
     "Return all variables and their values in the context object.\n\n"
     "The result is returned as a list of 2-tuples (variable, value)."},
    {NULL, NULL, 0, NULL}
};

static PySequenceMethods kr_ctx_as_sequence = {.sq_contains = kr_ctx_contains};
static PyMappingMethods kr_ctx_as_mapping = {kr_ctx_len, kr_ctx_subscript, NULL};

PyTypeObject PyContext_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.Context",
    .tp_basicsize = sizeof(PyContext),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = kr_ctx_new,
    .tp_dealloc = kr_ctx_dealloc,
    .tp_traverse = kr_ctx_traverse,
    .tp_clear = kr_ctx_clear,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_richcompare = kr_ctx_richcompare,
    .tp_iter = kr_ctx_iter,
    .tp_as_sequence = &kr_ctx_as_sequence,
    .tp_as_mapping = &kr_ctx_as_mapping,
    .tp_methods = kr_ctx_methods,
    .tp_weaklistoffset = offsetof(PyContext, weakreflist),
};

/* ---- ContextVar: Python level ---- */

static PyObject *kr_cvar_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "default", NULL};
    PyObject *name, *def = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:ContextVar", kwlist, &name, &def))
        return NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "context variable name must be a str");
        return NULL;
    }
    PyContextVar *var = PyObject_GC_New(PyContextVar, &PyContextVar_Type);
    if (var == NULL)
        return NULL;
    var->name = Py_NewRef(name);
    var->default_value = Py_XNewRef(def);
    PyObject_GC_Track(var);
    return (PyObject *)var;
}

static int kr_cvar_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyContextVar *)op)->name);
    Py_VISIT(((PyContextVar *)op)->default_value);
    return 0;
}

static int kr_cvar_clear(PyObject *op)
{
    Py_CLEAR(((PyContextVar *)op)->name);
    Py_CLEAR(((PyContextVar *)op)->default_value);
    return 0;
}

static void kr_cvar_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    kr_cvar_clear(op);
    PyObject_GC_Del(op);
}

static PyObject *kr_cvar_repr(PyObject *op)
{
    PyContextVar *var = (PyContextVar *)op;
    if (var->default_value != NULL)
        return PyUnicode_FromFormat("<ContextVar name=%R default=%R at %p>", var->name,
                                    var->default_value, op);
    return PyUnicode_FromFormat("<ContextVar name=%R at %p>", var->name, op);
}

static PyObject *kr_cvar_get(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 0, 1))
        return NULL;
    PyObject *v;
    if (PyContextVar_Get(op, nargs ? args[0] : NULL, &v) < 0)
        return NULL;
    if (v == NULL)
        PyErr_SetObject(PyExc_LookupError, op);
    return v;
}

static PyObject *kr_cvar_set(PyObject *op, PyObject *value) { return PyContextVar_Set(op, value); }

static PyObject *kr_cvar_reset(PyObject *op, PyObject *tok)
{
    if (!PyContextToken_CheckExact(tok)) {
        PyErr_Format(PyExc_TypeError, "expected an instance of Token, got %R", tok);
        return NULL;
    }
    if (PyContextVar_Reset(op, tok) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *kr_cvar_name(PyObject *op, void *unused) { return Py_NewRef(((PyContextVar *)op)->name); }

static PyMethodDef kr_cvar_methods[] = {
    {"get", (PyCFunction)(void (*)(void))kr_cvar_get, METH_FASTCALL, NULL},
    {"set", kr_cvar_set, METH_O, NULL},
    {"reset", kr_cvar_reset, METH_O, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef kr_cvar_getset[] = {
    {"name", kr_cvar_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyContextVar_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.ContextVar",
    .tp_basicsize = sizeof(PyContextVar),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = kr_cvar_new,
    .tp_dealloc = kr_cvar_dealloc,
    .tp_traverse = kr_cvar_traverse,
    .tp_clear = kr_cvar_clear,
    .tp_repr = kr_cvar_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_methods = kr_cvar_methods,
    .tp_getset = kr_cvar_getset,
};

/* ---- Token ---- */

static PyObject *kr_tok_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyErr_SetString(PyExc_RuntimeError, "Tokens can only be created by ContextVars");
    return NULL;
}

static int kr_tok_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyContextToken *t = (PyContextToken *)op;
    Py_VISIT(t->ctx);
    Py_VISIT(t->var);
    Py_VISIT(t->old_value);
    return 0;
}

static int kr_tok_clear(PyObject *op)
{
    PyContextToken *t = (PyContextToken *)op;
    Py_CLEAR(t->ctx);
    Py_CLEAR(t->var);
    Py_CLEAR(t->old_value);
    return 0;
}

static void kr_tok_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    kr_tok_clear(op);
    PyObject_GC_Del(op);
}

static PyObject *kr_tok_repr(PyObject *op)
{
    PyContextToken *t = (PyContextToken *)op;
    return PyUnicode_FromFormat("<Token%s var=%R at %p>", t->used ? " used" : "", t->var, op);
}

static PyObject *kr_tok_var(PyObject *op, void *unused) { return Py_NewRef(((PyContextToken *)op)->var); }

static PyObject *kr_tok_old_value(PyObject *op, void *unused)
{
    PyObject *v = ((PyContextToken *)op)->old_value;
    return Py_NewRef(v != NULL ? v : &kr_ctxmissing);
}

static PyGetSetDef kr_tok_getset[] = {
    {"var", kr_tok_var, NULL, NULL, NULL},
    {"old_value", kr_tok_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef kr_tok_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyContextToken_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.Token",
    .tp_basicsize = sizeof(PyContextToken),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = kr_tok_new,
    .tp_dealloc = kr_tok_dealloc,
    .tp_traverse = kr_tok_traverse,
    .tp_clear = kr_tok_clear,
    .tp_repr = kr_tok_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_getset = kr_tok_getset,
    .tp_methods = kr_tok_methods,
};

/* ---- the _contextvars module ---- */

static PyObject *kr_ctxmod_copy_context(PyObject *m, PyObject *unused) { return PyContext_CopyCurrent(); }

static PyMethodDef kr_ctxmod_methods[] = {
    {"copy_context", kr_ctxmod_copy_context, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef kr_ctxmod_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_contextvars",
    .m_doc = "Context Variables",
    .m_size = -1,
    .m_methods = kr_ctxmod_methods,
};

PyObject *PyInit__contextvars(void)
{
    if (kr_ctx_ready() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&kr_ctxmod_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Context", (PyObject *)&PyContext_Type) < 0 ||
        PyModule_AddObjectRef(m, "ContextVar", (PyObject *)&PyContextVar_Type) < 0 ||
        PyModule_AddObjectRef(m, "Token", (PyObject *)&PyContextToken_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
