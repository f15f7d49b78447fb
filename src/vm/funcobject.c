/* funcobject.c: Python function objects (PyFunction_Type) and the C API
 * around them.
 *
 * A function pairs a code object with what the code needs at run time:
 * globals, builtins, defaults, closure cells.  Calling one goes through
 * _PyFunction_Vectorcall (ceval.c); the loop calls plain functions in
 * place without that entry.  Functions are method descriptors, which lets
 * LOAD_METHOD skip making bound methods. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"
#include "structmember.h"

/* The builtins dict to use with `globals` (borrowed). */
static PyObject *kr_func_builtins_for(PyObject *globals)
{
    PyObject *b = PyDict_GetItemWithError(globals, KR_ID(__builtins__));
    if (b != NULL) {
        if (PyModule_Check(b))
            return PyModule_GetDict(b);
        return b;
    }
    if (PyErr_Occurred())
        return NULL;
    return PyEval_GetBuiltins();
}

PyObject *PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname)
{
    PyCodeObject *co = (PyCodeObject *)code;
    PyFunctionObject *op;
    PyObject *doc, *module, *builtins;

    if (!PyCode_Check(code) || globals == NULL || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    builtins = kr_func_builtins_for(globals);
    if (builtins == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "no builtins");
        return NULL;
    }
    module = PyDict_GetItemWithError(globals, KR_ID(__name__));
    if (module == NULL && PyErr_Occurred())
        return NULL;
    if (PyTuple_GET_SIZE(co->co_consts) >= 1) {
        doc = PyTuple_GET_ITEM(co->co_consts, 0);
        if (!PyUnicode_Check(doc))
            doc = Py_None;
    } else {
        doc = Py_None;
    }
    op = PyObject_GC_New(PyFunctionObject, &PyFunction_Type);
    if (op == NULL)
        return NULL;
    op->func_globals = Py_NewRef(globals);
    op->func_builtins = Py_NewRef(builtins);
    op->func_name = Py_NewRef(co->co_name);
    op->func_qualname = Py_NewRef(qualname != NULL ? qualname : co->co_qualname);
    op->func_code = Py_NewRef(code);
    op->func_defaults = NULL;
    op->func_kwdefaults = NULL;
    op->func_closure = NULL;
    op->func_doc = Py_NewRef(doc);
    op->func_dict = NULL;
    op->func_weakreflist = NULL;
    op->func_module = Py_XNewRef(module);
    op->func_annotations = NULL;
    op->vectorcall = _PyFunction_Vectorcall;
    op->func_version = 0;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyFunction_New(PyObject *code, PyObject *globals)
{
    return PyFunction_NewWithQualName(code, globals, NULL);
}

PyObject *kr_ceval_make_function(PyThreadState *ts, PyObject *code, PyObject *globals)
{
    return PyFunction_NewWithQualName(code, globals, NULL);
}

#define KR_FUNC_CHECK(op, failret) \
    do { \
        if (!PyFunction_Check(op)) { \
            PyErr_BadInternalCall(); \
            return failret; \
        } \
    } while (0)

PyObject *PyFunction_GetCode(PyObject *op)
{
    KR_FUNC_CHECK(op, NULL);
    return ((PyFunctionObject *)op)->func_code;
}

PyObject *PyFunction_GetGlobals(PyObject *op)
{
    KR_FUNC_CHECK(op, NULL);
    return ((PyFunctionObject *)op)->func_globals;
}

PyObject *PyFunction_GetModule(PyObject *op)
{
    KR_FUNC_CHECK(op, NULL);
    return ((PyFunctionObject *)op)->func_module;
}

PyObject *PyFunction_GetDefaults(PyObject *op)
{
    KR_FUNC_CHECK(op, NULL);
    return ((PyFunctionObject *)op)->func_defaults;
}

PyObject *PyFunction_GetKwDefaults(PyObject *op)
{
    KR_FUNC_CHECK(op, NULL);
    return ((PyFunctionObject *)op)->func_kwdefaults;
}

PyObject *PyFunction_GetClosure(PyObject *op)
{
    KR_FUNC_CHECK(op, NULL);
    return ((PyFunctionObject *)op)->func_closure;
}

PyObject *PyFunction_GetAnnotations(PyObject *op)
{
    KR_FUNC_CHECK(op, NULL);
    return ((PyFunctionObject *)op)->func_annotations;
}

/* Shared by the setters: `v` must be None/NULL (cleared) or pass `check`. */
static int kr_func_set_field(PyObject *op, PyObject **field, PyObject *v,
                             int (*check)(PyObject *), const char *what)
{
    KR_FUNC_CHECK(op, -1);
    if (v == Py_None)
        v = NULL;
    if (v != NULL && !check(v)) {
        PyErr_SetString(PyExc_SystemError, what);
        return -1;
    }
    ((PyFunctionObject *)op)->func_version = 0;
    Py_XSETREF(*field, Py_XNewRef(v));
    return 0;
}

static int kr_is_tuple(PyObject *v) { return PyTuple_Check(v); }
static int kr_is_dict(PyObject *v) { return PyDict_Check(v); }

int PyFunction_SetDefaults(PyObject *op, PyObject *v)
{
    KR_FUNC_CHECK(op, -1);
    return kr_func_set_field(op, &((PyFunctionObject *)op)->func_defaults, v, kr_is_tuple,
                             "non-tuple default args");
}

int PyFunction_SetKwDefaults(PyObject *op, PyObject *v)
{
    KR_FUNC_CHECK(op, -1);
    return kr_func_set_field(op, &((PyFunctionObject *)op)->func_kwdefaults, v, kr_is_dict,
                             "non-dict keyword only default args");
}

int PyFunction_SetClosure(PyObject *op, PyObject *v)
{
    KR_FUNC_CHECK(op, -1);
    return kr_func_set_field(op, &((PyFunctionObject *)op)->func_closure, v, kr_is_tuple,
                             "expected tuple for closure, got something else");
}

int PyFunction_SetAnnotations(PyObject *op, PyObject *v)
{
    KR_FUNC_CHECK(op, -1);
    return kr_func_set_field(op, &((PyFunctionObject *)op)->func_annotations, v, kr_is_dict,
                             "non-dict annotations");
}

/* ---- Python-level attributes ---- */

static PyMemberDef kr_func_members[] = {
    {"__closure__", T_OBJECT, offsetof(PyFunctionObject, func_closure), READONLY, NULL},
    {"__doc__", T_OBJECT, offsetof(PyFunctionObject, func_doc), 0, NULL},
    {"__globals__", T_OBJECT, offsetof(PyFunctionObject, func_globals), READONLY, NULL},
    {"__module__", T_OBJECT, offsetof(PyFunctionObject, func_module), 0, NULL},
    {"__builtins__", T_OBJECT, offsetof(PyFunctionObject, func_builtins), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *kr_func_get_code(PyFunctionObject *op, void *c)
{
    return Py_NewRef(op->func_code);
}

static int kr_func_set_code(PyFunctionObject *op, PyObject *value, void *c)
{
    Py_ssize_t nfree, nclosure;
    if (value == NULL || !PyCode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    nfree = ((PyCodeObject *)value)->co_nfreevars;
    nclosure = op->func_closure == NULL ? 0 : PyTuple_GET_SIZE(op->func_closure);
    if (nclosure != nfree) {
        PyErr_Format(PyExc_ValueError,
                     "%U() requires a code object with %zd free vars, not %zd",
                     op->func_name, nclosure, nfree);
        return -1;
    }
    op->func_version = 0;
    Py_SETREF(op->func_code, Py_NewRef(value));
    return 0;
}

static PyObject *kr_func_get_name(PyFunctionObject *op, void *c)
{
    return Py_NewRef(op->func_name);
}

static int kr_func_set_name(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_SETREF(op->func_name, Py_NewRef(value));
    return 0;
}

static PyObject *kr_func_get_qualname(PyFunctionObject *op, void *c)
{
    return Py_NewRef(op->func_qualname);
}

static int kr_func_set_qualname(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_SETREF(op->func_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *kr_func_get_defaults(PyFunctionObject *op, void *c)
{
    return Py_NewRef(op->func_defaults ? op->func_defaults : Py_None);
}

static int kr_func_set_defaults(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == Py_None)
        value = NULL;
    if (value != NULL && !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_defaults, Py_XNewRef(value));
    return 0;
}

static PyObject *kr_func_get_kwdefaults(PyFunctionObject *op, void *c)
{
    return Py_NewRef(op->func_kwdefaults ? op->func_kwdefaults : Py_None);
}

static int kr_func_set_kwdefaults(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == Py_None)
        value = NULL;
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_kwdefaults, Py_XNewRef(value));
    return 0;
}

static PyObject *kr_func_get_annotations(PyFunctionObject *op, void *c)
{
    if (op->func_annotations == NULL) {
        op->func_annotations = PyDict_New();
        if (op->func_annotations == NULL)
            return NULL;
    } else if (PyTuple_CheckExact(op->func_annotations)) {
        /* (name, value, name, value, ...) as the compiler may emit it */
        PyObject *t = op->func_annotations, *d = PyDict_New();
        if (d == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i + 1 < PyTuple_GET_SIZE(t); i += 2) {
            if (PyDict_SetItem(d, PyTuple_GET_ITEM(t, i), PyTuple_GET_ITEM(t, i + 1)) < 0) {
                Py_DECREF(d);
                return NULL;
            }
        }
        Py_SETREF(op->func_annotations, d);
    }
    return Py_NewRef(op->func_annotations);
}

static int kr_func_set_annotations(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == Py_None)
        value = NULL;
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    op->func_version = 0;
    Py_XSETREF(op->func_annotations, Py_XNewRef(value));
    return 0;
}

static PyGetSetDef kr_func_getset[] = {
    {"__code__", (getter)kr_func_get_code, (setter)kr_func_set_code, NULL, NULL},
    {"__defaults__", (getter)kr_func_get_defaults, (setter)kr_func_set_defaults, NULL, NULL},
    {"__kwdefaults__", (getter)kr_func_get_kwdefaults, (setter)kr_func_set_kwdefaults, NULL, NULL},
    {"__annotations__", (getter)kr_func_get_annotations, (setter)kr_func_set_annotations, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"__name__", (getter)kr_func_get_name, (setter)kr_func_set_name, NULL, NULL},
    {"__qualname__", (getter)kr_func_get_qualname, (setter)kr_func_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* function(code, globals, name=None, argdefs=None, closure=None) */
static PyObject *kr_func_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"code", "globals", "name", "argdefs", "closure", NULL};
    PyObject *code, *globals, *name = Py_None, *defaults = Py_None, *closure = Py_None;
    PyFunctionObject *op;
    Py_ssize_t nclosure;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O!|OOO:function", kwlist,
                                     &PyCode_Type, &code, &PyDict_Type, &globals,
                                     &name, &defaults, &closure))
        return NULL;
    if (name != Py_None && !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defaults != Py_None && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    if (!PyTuple_Check(closure)) {
        if (((PyCodeObject *)code)->co_nfreevars && closure == Py_None) {
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be tuple");
            return NULL;
        } else if (closure != Py_None) {
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be None or tuple");
            return NULL;
        }
    }
    nclosure = closure == Py_None ? 0 : PyTuple_GET_SIZE(closure);
    if (((PyCodeObject *)code)->co_nfreevars != nclosure) {
        PyErr_Format(PyExc_ValueError, "%U requires closure of length %zd, not %zd",
                     ((PyCodeObject *)code)->co_name,
                     (Py_ssize_t)((PyCodeObject *)code)->co_nfreevars, nclosure);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nclosure; i++) {
        PyObject *o = PyTuple_GET_ITEM(closure, i);
        if (!PyCell_Check(o)) {
            PyErr_Format(PyExc_TypeError, "arg 5 (closure) expected cell, found %s",
                         Py_TYPE(o)->tp_name);
            return NULL;
        }
    }
    op = (PyFunctionObject *)PyFunction_New(code, globals);
    if (op == NULL)
        return NULL;
    if (name != Py_None)
        Py_SETREF(op->func_name, Py_NewRef(name));
    if (defaults != Py_None)
        op->func_defaults = Py_NewRef(defaults);
    if (closure != Py_None)
        op->func_closure = Py_NewRef(closure);
    return (PyObject *)op;
}

static int kr_func_clear(PyFunctionObject *op)
{
    op->func_version = 0;
    Py_CLEAR(op->func_globals);
    Py_CLEAR(op->func_builtins);
    Py_CLEAR(op->func_module);
    Py_CLEAR(op->func_defaults);
    Py_CLEAR(op->func_kwdefaults);
    Py_CLEAR(op->func_doc);
    Py_CLEAR(op->func_dict);
    Py_CLEAR(op->func_closure);
    Py_CLEAR(op->func_annotations);
    /* name and qualname stay valid until dealloc: repr() may still run */
    return 0;
}

static void kr_func_dealloc(PyFunctionObject *op)
{
    PyObject_GC_UnTrack(op);
    if (op->func_weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)op);
    kr_func_clear(op);
    Py_CLEAR(op->func_code);
    Py_CLEAR(op->func_name);
    Py_CLEAR(op->func_qualname);
    PyObject_GC_Del(op);
}

static PyObject *kr_func_repr(PyFunctionObject *op)
{
    return PyUnicode_FromFormat("<function %U at %p>", op->func_qualname, op);
}

static int kr_func_traverse(PyFunctionObject *f, visitproc visit, void *arg)
{
    Py_VISIT(f->func_code);
    Py_VISIT(f->func_globals);
    Py_VISIT(f->func_builtins);
    Py_VISIT(f->func_module);
    Py_VISIT(f->func_defaults);
    Py_VISIT(f->func_kwdefaults);
    Py_VISIT(f->func_doc);
    Py_VISIT(f->func_name);
    Py_VISIT(f->func_dict);
    Py_VISIT(f->func_closure);
    Py_VISIT(f->func_annotations);
    Py_VISIT(f->func_qualname);
    return 0;
}

static PyObject *kr_func_descr_get(PyObject *func, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL)
        return Py_NewRef(func);
    return PyMethod_New(func, obj);
}

PyTypeObject PyFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",
    .tp_basicsize = sizeof(PyFunctionObject),
    .tp_dealloc = (destructor)kr_func_dealloc,
    .tp_vectorcall_offset = offsetof(PyFunctionObject, vectorcall),
    .tp_repr = (reprfunc)kr_func_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL
                | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = (traverseproc)kr_func_traverse,
    .tp_clear = (inquiry)kr_func_clear,
    .tp_weaklistoffset = offsetof(PyFunctionObject, func_weakreflist),
    .tp_members = kr_func_members,
    .tp_getset = kr_func_getset,
    .tp_descr_get = kr_func_descr_get,
    .tp_dictoffset = offsetof(PyFunctionObject, func_dict),
    .tp_new = kr_func_new,
};
