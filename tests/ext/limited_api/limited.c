/* An extension written against the limited API of 3.11 only (abi3): a
 * multi-phase module with state, a GC heap type from
 * PyType_FromModuleAndSpec (slots for init, dealloc, repr, iteration,
 * number and sequence protocols -- iteration falls back to sq_item --,
 * members, getset, richcompare), argument
 * parsing and value building, iteration over arbitrary iterables, its own
 * exception class, and the 3.11 additions (buffers, PyType_GetName).
 * PyInit_limited_abi3 is the same module under a second name, so that
 * test.py can load a copy of this file as limited_abi3.abi3.so. */
#define Py_LIMITED_API 0x030b0000
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <string.h>      /* the limited API of 3.11 leaves it out of Python.h */

typedef struct {
    PyObject *Vec;          /* the heap type */
    PyObject *Error;        /* limited.Error */
    long made;
} mod_state;

typedef struct {
    PyObject_HEAD
    PyObject *label;        /* str or None; T_OBJECT_EX member */
    int n;                  /* T_INT member, read-only */
    long items[8];
    PyObject *extra;        /* anything; traversed */
} Vec;

/* The state of the module that defined Vec, from Vec or a subclass of it
 * made in Python (which has no module): PyType_GetModuleByDef is not part
 * of the 3.11 limited API, so walk the bases with PyType_GetSlot. */
static mod_state *state_of_type(PyTypeObject *tp)
{
    while (tp != NULL) {
        PyObject *m = PyType_GetModule(tp);
        if (m != NULL)
            return (mod_state *)PyModule_GetState(m);
        PyErr_Clear();
        tp = (PyTypeObject *)PyType_GetSlot(tp, Py_tp_base);
    }
    return NULL;
}

static int vec_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"items", "label", NULL};
    PyObject *items = NULL, *label = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OU:Vec", kwlist, &items, &label))
        return -1;
    Vec *v = (Vec *)self;
    v->n = 0;
    if (items != NULL) {
        PyObject *it = PyObject_GetIter(items);
        if (it == NULL)
            return -1;
        PyObject *x;
        while ((x = PyIter_Next(it)) != NULL) {
            long val = PyLong_AsLong(x);
            Py_DECREF(x);
            if (val == -1 && PyErr_Occurred()) {
                Py_DECREF(it);
                return -1;
            }
            if (v->n == 8) {
                Py_DECREF(it);
                mod_state *st = state_of_type(Py_TYPE(self));
                PyErr_Format(st->Error, "Vec holds at most %d items", 8);
                return -1;
            }
            v->items[v->n++] = val;
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            return -1;
    }
    /* Py_XSETREF is not part of the limited API. */
    PyObject *old = v->label;
    v->label = Py_NewRef(label);
    Py_XDECREF(old);
    mod_state *st = state_of_type(Py_TYPE(self));
    if (st != NULL)
        st->made++;
    return 0;
}

static int vec_traverse(PyObject *self, visitproc visit, void *arg)
{
    Vec *v = (Vec *)self;
    Py_VISIT(v->label);
    Py_VISIT(v->extra);
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static int vec_clear(PyObject *self)
{
    Vec *v = (Vec *)self;
    Py_CLEAR(v->label);
    Py_CLEAR(v->extra);
    return 0;
}

static void vec_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    vec_clear(self);
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(self);
    Py_DECREF(tp);
}

static PyObject *vec_repr(PyObject *self)
{
    Vec *v = (Vec *)self;
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        return NULL;
    for (int i = 0; i < v->n; i++) {
        PyObject *s = PyUnicode_FromFormat("%ld", v->items[i]);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (joined == NULL)
        return NULL;
    PyObject *name = PyType_GetName(Py_TYPE(self));
    PyObject *r = name ? PyUnicode_FromFormat("%U([%U], label=%R)", name, joined, v->label) : NULL;
    Py_XDECREF(name);
    Py_DECREF(joined);
    return r;
}

static Py_ssize_t vec_len(PyObject *self)
{
    return ((Vec *)self)->n;
}

static PyObject *vec_item(PyObject *self, Py_ssize_t i)
{
    Vec *v = (Vec *)self;
    if (i < 0 || i >= v->n) {
        PyErr_SetString(PyExc_IndexError, "Vec index out of range");
        return NULL;
    }
    return PyLong_FromLong(v->items[i]);
}

/* Elementwise sum of two Vecs of the same length. */
static PyObject *vec_add(PyObject *a, PyObject *b)
{
    PyTypeObject *tp = Py_TYPE(a);
    if (!Py_IS_TYPE(b, tp))
        Py_RETURN_NOTIMPLEMENTED;
    Vec *x = (Vec *)a, *y = (Vec *)b;
    if (x->n != y->n) {
        PyErr_Format(PyExc_ValueError, "length mismatch: %d vs %d", x->n, y->n);
        return NULL;
    }
    allocfunc alloc = (allocfunc)PyType_GetSlot(tp, Py_tp_alloc);
    Vec *r = (Vec *)alloc(tp, 0);
    if (r == NULL)
        return NULL;
    r->n = x->n;
    for (int i = 0; i < r->n; i++)
        r->items[i] = x->items[i] + y->items[i];
    r->label = Py_NewRef(Py_None);
    return (PyObject *)r;
}

static PyObject *vec_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!Py_IS_TYPE(b, Py_TYPE(a)))
        Py_RETURN_NOTIMPLEMENTED;
    long sa = 0, sb = 0;
    for (int i = 0; i < ((Vec *)a)->n; i++)
        sa += ((Vec *)a)->items[i];
    for (int i = 0; i < ((Vec *)b)->n; i++)
        sb += ((Vec *)b)->items[i];
    Py_RETURN_RICHCOMPARE(sa, sb, op);
}

static PyObject *vec_total(PyObject *self, PyObject *unused)
{
    long s = 0;
    for (int i = 0; i < ((Vec *)self)->n; i++)
        s += ((Vec *)self)->items[i];
    return PyLong_FromLong(s);
}

/* scale(k, /, *, inplace=False): a METH_VARARGS|METH_KEYWORDS method. */
static PyObject *vec_scale(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "inplace", NULL};
    long k;
    int inplace = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "l|$p:scale", kwlist, &k, &inplace))
        return NULL;
    Vec *v = (Vec *)self;
    PyObject *out = PyTuple_New(v->n);
    if (out == NULL)
        return NULL;
    for (int i = 0; i < v->n; i++) {
        long val = v->items[i] * k;
        if (inplace)
            v->items[i] = val;
        PyObject *o = PyLong_FromLong(val);
        if (o == NULL || PyTuple_SetItem(out, i, o) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyObject *vec_get_extra(PyObject *self, void *closure)
{
    Vec *v = (Vec *)self;
    return Py_NewRef(v->extra ? v->extra : Py_None);
}

static int vec_set_extra(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete extra");
        return -1;
    }
    PyObject *old = ((Vec *)self)->extra;
    ((Vec *)self)->extra = Py_NewRef(value);
    Py_XDECREF(old);
    return 0;
}

static PyMethodDef vec_methods[] = {
    {"total", vec_total, METH_NOARGS, "sum of the items"},
    {"scale", (PyCFunction)(void (*)(void))vec_scale, METH_VARARGS | METH_KEYWORDS, "scaled copy"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef vec_members[] = {
    {"label", T_OBJECT_EX, offsetof(Vec, label), 0, "a label"},
    {"n", T_INT, offsetof(Vec, n), READONLY, "number of items"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef vec_getset[] = {
    {"extra", vec_get_extra, vec_set_extra, "anything", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot vec_slots[] = {
    {Py_tp_doc, "Vec(items=(), label=None): up to eight ints"},
    {Py_tp_init, vec_init},
    {Py_tp_dealloc, vec_dealloc},
    {Py_tp_traverse, vec_traverse},
    {Py_tp_clear, vec_clear},
    {Py_tp_repr, vec_repr},
    {Py_tp_richcompare, vec_richcompare},
    {Py_tp_methods, vec_methods},
    {Py_tp_members, vec_members},
    {Py_tp_getset, vec_getset},
    {Py_sq_length, vec_len},
    {Py_sq_item, vec_item},
    {Py_nb_add, vec_add},
    {0, NULL},
};

static PyType_Spec vec_spec = {
    "limited.Vec", sizeof(Vec), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, vec_slots,
};

/* ---- module functions ---- */

/* parse(i, s#, |d, O): PyArg_ParseTuple with several units. */
static PyObject *mod_parse(PyObject *module, PyObject *args)
{
    int i;
    const char *s;
    Py_ssize_t slen;
    double d = 0.5;
    PyObject *o = Py_None;
    if (!PyArg_ParseTuple(args, "is#|dO:parse", &i, &s, &slen, &d, &o))
        return NULL;
    return Py_BuildValue("{s:i,s:s#,s:n,s:d,s:O}", "i", i, "s", s, slen, "len", slen, "d", d, "o", o);
}

/* total(iterable): sums any iterable of ints, with CPython's errors. */
static PyObject *mod_total(PyObject *module, PyObject *arg)
{
    PyObject *it = PyObject_GetIter(arg);
    if (it == NULL)
        return NULL;
    PyObject *acc = PyLong_FromLong(0), *x;
    while (acc != NULL && (x = PyIter_Next(it)) != NULL) {
        PyObject *t = PyNumber_Add(acc, x);
        Py_DECREF(x);
        Py_DECREF(acc);
        acc = t;
    }
    Py_DECREF(it);
    if (acc != NULL && PyErr_Occurred())
        Py_CLEAR(acc);
    return acc;
}

/* raise_(kind): raises the module's exception, or a builtin one. */
static PyObject *mod_raise(PyObject *module, PyObject *arg)
{
    mod_state *st = PyModule_GetState(module);
    Py_ssize_t n;
    const char *kind = PyUnicode_AsUTF8AndSize(arg, &n);
    if (kind == NULL)
        return NULL;
    if (strcmp(kind, "own") == 0)
        return PyErr_Format(st->Error, "own error with %zd chars", n);
    if (strcmp(kind, "key") == 0) {
        PyErr_SetObject(PyExc_KeyError, arg);
        return NULL;
    }
    PyErr_SetString(PyExc_ValueError, kind);
    return NULL;
}

/* catch(callable): calls it, returns (exception type name, str(exc)) or
 * ("ok", result); the error indicator is handled with Fetch/Restore. */
static PyObject *mod_catch(PyObject *module, PyObject *callable)
{
    PyObject *r = PyObject_CallNoArgs(callable);
    if (r != NULL)
        return Py_BuildValue("(sN)", "ok", r);
    if (!PyErr_ExceptionMatches(PyExc_Exception))
        return NULL;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *name = PyType_GetQualName((PyTypeObject *)type);
    PyObject *res = name ? Py_BuildValue("(NN)", name, PyObject_Str(value)) : NULL;
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return res;
}

/* checksum(buffer): the 3.11 limited API's buffer protocol. */
static PyObject *mod_checksum(PyObject *module, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    unsigned long sum = 0;
    for (Py_ssize_t i = 0; i < view.len; i++)
        sum = sum * 31 + ((unsigned char *)view.buf)[i];
    Py_ssize_t len = view.len;
    PyBuffer_Release(&view);
    return Py_BuildValue("(kn)", sum, len);
}

/* describe(obj): type facts through the opaque-type accessors. */
static PyObject *mod_describe(PyObject *module, PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    unsigned long flags = PyType_GetFlags(tp);
    return Py_BuildValue("(NNiiiiO)", PyType_GetName(tp), PyType_GetQualName(tp),
                         (flags & Py_TPFLAGS_HEAPTYPE) != 0, PyType_Check(obj),
                         PyLong_Check(obj), PyUnicode_Check(obj),
                         PyObject_TypeCheck(obj, &PyLong_Type) ? Py_True : Py_False);
}

/* call(f, s): PyObject_CallFunction with a s# unit (PY_SSIZE_T_CLEAN). */
static PyObject *mod_call(PyObject *module, PyObject *args)
{
    PyObject *f;
    const char *s;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "Os#", &f, &s, &n))
        return NULL;
    return PyObject_CallFunction(f, "s#i", s, n - 1, (int)n);
}

static PyObject *mod_made(PyObject *module, PyObject *unused)
{
    mod_state *st = PyModule_GetState(module);
    return PyLong_FromLong(st->made);
}

/* dict_items(d): PyDict_Next over a dict, sorted by the caller. */
static PyObject *mod_dict_items(PyObject *module, PyObject *d)
{
    if (!PyDict_Check(d)) {
        PyErr_Format(PyExc_TypeError, "expected dict, got %s", "another type");
        return NULL;
    }
    PyObject *out = PyList_New(0), *k, *v;
    Py_ssize_t pos = 0;
    while (out != NULL && PyDict_Next(d, &pos, &k, &v)) {
        PyObject *pair = PyTuple_Pack(2, k, v);
        if (pair == NULL || PyList_Append(out, pair) < 0)
            Py_CLEAR(out);
        Py_XDECREF(pair);
    }
    if (out != NULL && PyList_Sort(out) < 0)
        Py_CLEAR(out);
    return out;
}

static PyMethodDef mod_methods[] = {
    {"parse", mod_parse, METH_VARARGS, NULL},
    {"total", mod_total, METH_O, NULL},
    {"raise_", mod_raise, METH_O, NULL},
    {"catch", mod_catch, METH_O, NULL},
    {"checksum", mod_checksum, METH_O, NULL},
    {"describe", mod_describe, METH_O, NULL},
    {"call", mod_call, METH_VARARGS, NULL},
    {"made", mod_made, METH_NOARGS, NULL},
    {"dict_items", mod_dict_items, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static int mod_exec(PyObject *m)
{
    mod_state *st = PyModule_GetState(m);
    st->Vec = PyType_FromModuleAndSpec(m, &vec_spec, NULL);
    if (st->Vec == NULL || PyModule_AddType(m, (PyTypeObject *)st->Vec) < 0)
        return -1;
    st->Error = PyErr_NewExceptionWithDoc("limited.Error", "the module's own error",
                                          PyExc_RuntimeError, NULL);
    if (st->Error == NULL || PyModule_AddObjectRef(m, "Error", st->Error) < 0)
        return -1;
    if (PyModule_AddIntConstant(m, "API", Py_LIMITED_API) < 0 ||
        PyModule_AddStringConstant(m, "KIND", "abi3") < 0)
        return -1;
    return 0;
}

static int mod_traverse(PyObject *m, visitproc visit, void *arg)
{
    mod_state *st = PyModule_GetState(m);
    Py_VISIT(st->Vec);
    Py_VISIT(st->Error);
    return 0;
}

static int mod_clear(PyObject *m)
{
    mod_state *st = PyModule_GetState(m);
    Py_CLEAR(st->Vec);
    Py_CLEAR(st->Error);
    return 0;
}

static void mod_free(void *m)
{
    mod_clear((PyObject *)m);
}

static PyModuleDef_Slot mod_slots[] = {
    {Py_mod_exec, mod_exec},
    {0, NULL},
};

static struct PyModuleDef limited_module = {
    PyModuleDef_HEAD_INIT, "limited", "limited-API test module", sizeof(mod_state),
    mod_methods, mod_slots, mod_traverse, mod_clear, mod_free,
};

PyMODINIT_FUNC PyInit_limited(void)
{
    return PyModuleDef_Init(&limited_module);
}

PyMODINIT_FUNC PyInit_limited_abi3(void)
{
    return PyModuleDef_Init(&limited_module);
}
