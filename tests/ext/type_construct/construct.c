/* Calling extension types: tp_new/tp_init as the call of a type runs
 * them (inherited object.__init__ and its excess-argument rule, a positive
 * tp_init result, tp_new results that break the protocol), what
 * PyType_GenericAlloc hands out (cleared, GC-tracked, variable-size), heap
 * types from a spec, a C metatype with and without its own tp_call, and
 * the C call entry points on types. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

typedef struct {
    PyObject_HEAD
    long a, b, c, d;
} Plain;

/* The fields after the header must come back cleared. */
static PyObject *plain_fields(PyObject *self, PyObject *unused)
{
    Plain *p = (Plain *)self;
    return Py_BuildValue("(llll)", p->a, p->b, p->c, p->d);
}

static PyObject *plain_dirty(PyObject *self, PyObject *unused)
{
    Plain *p = (Plain *)self;
    p->a = p->b = p->c = p->d = 7;
    Py_RETURN_NONE;
}

static PyMethodDef plain_methods[] = {
    {"fields", plain_fields, METH_NOARGS, NULL},
    {"dirty", plain_dirty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* tp_new = PyType_GenericNew, tp_init inherited: extra arguments pass. */
static PyTypeObject GenericType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.Generic",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = plain_methods,
    .tp_new = PyType_GenericNew,
};

/* tp_new inherited from object. */
static PyTypeObject InheritNewType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.InheritNew",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = plain_methods,
};

/* No tp_new at all and not a base type: cannot be created. */
static PyTypeObject NoNewType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.NoNew",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
};

static int counting_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    Plain *p = (Plain *)self;
    p->a = PyTuple_GET_SIZE(args);
    p->b = kwds ? PyDict_GET_SIZE(kwds) : -1;
    return 0;
}

static PyTypeObject InitType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.Init",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = plain_methods,
    .tp_init = counting_init,
    .tp_new = PyType_GenericNew,
};

/* A positive tp_init result is not an error. */
static int positive_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    ((Plain *)self)->c = 3;
    return 1;
}

static PyTypeObject PositiveInitType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.PositiveInit",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = plain_methods,
    .tp_init = positive_init,
    .tp_new = PyType_GenericNew,
};

static PyObject *null_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return NULL;
}

static PyTypeObject NullNewType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.NullNew",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = null_new,
};

static PyObject *error_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyErr_SetString(PyExc_ValueError, "pending");
    return Py_NewRef(Py_None);
}

static PyTypeObject ErrorNewType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.ErrorNew",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = error_new,
};

/* tp_new returning an object of another type: tp_init must not run. */
static int loud_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PySys_WriteStdout("loud_init ran\n");
    return 0;
}

static PyObject *other_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return PyLong_FromLong(99);
}

static PyTypeObject OtherNewType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.OtherNew",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_init = loud_init,
    .tp_new = other_new,
};

/* A GC type: its instances are tracked as soon as tp_alloc returns. */
typedef struct {
    PyObject_HEAD
    PyObject *ref;
} Node;

static int node_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((Node *)self)->ref);
    return 0;
}

static int node_clear(PyObject *self)
{
    Py_CLEAR(((Node *)self)->ref);
    return 0;
}

static void node_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    node_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *node_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (!PyObject_GC_IsTracked(self)) {
        Py_DECREF(self);
        PyErr_SetString(PyExc_RuntimeError, "not tracked after tp_alloc");
        return NULL;
    }
    return self;
}

static PyObject *node_set(PyObject *self, PyObject *arg)
{
    Py_XSETREF(((Node *)self)->ref, Py_NewRef(arg));
    Py_RETURN_NONE;
}

static PyMethodDef node_methods[] = {
    {"set", node_set, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.Node",
    .tp_basicsize = sizeof(Node),
    .tp_dealloc = node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_methods = node_methods,
    .tp_new = node_new,
};

/* A variable-size type: items cleared, ob_size set. */
typedef struct {
    PyObject_VAR_HEAD
    long items[1];
} Var;

static PyObject *var_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t n = 0;
    if (!PyArg_ParseTuple(args, "|n:Var", &n))
        return NULL;
    return type->tp_alloc(type, n);
}

static PyObject *var_info(PyObject *self, PyObject *unused)
{
    Var *v = (Var *)self;
    long sum = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(v); i++)
        sum += v->items[i];
    return Py_BuildValue("(nl)", Py_SIZE(v), sum);
}

static PyMethodDef var_methods[] = {
    {"info", var_info, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject VarType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.Var",
    .tp_basicsize = offsetof(Var, items),
    .tp_itemsize = sizeof(long),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = var_methods,
    .tp_new = var_new,
};

/* A C metatype that keeps type.__call__, and one with its own. */
static PyTypeObject MetaType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.Meta",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
};

static PyObject *meta_call(PyObject *cls, PyObject *args, PyObject *kwds)
{
    return Py_BuildValue("(sn)", "MetaCall", PyTuple_GET_SIZE(args));
}

static PyTypeObject MetaCallType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.MetaCall",
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_call = meta_call,
};

static PyTypeObject ViaMetaType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.ViaMeta",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = plain_methods,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject ViaMetaCallType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "construct.ViaMetaCall",
    .tp_basicsize = sizeof(Plain),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

/* A heap type from a spec: each instance holds a reference to it. */
static void spec_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyType_Slot spec_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, counting_init},
    {Py_tp_dealloc, spec_dealloc},
    {Py_tp_methods, plain_methods},
    {0, NULL}
};

static PyType_Spec spec = {
    "construct.Spec", sizeof(Plain), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, spec_slots
};

static PyType_Slot spec_plain_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_dealloc, spec_dealloc},
    {Py_tp_methods, plain_methods},
    {0, NULL}
};

static PyType_Spec spec_plain = {
    "construct.SpecPlain", sizeof(Plain), 0, Py_TPFLAGS_DEFAULT, spec_plain_slots
};

/* No tp_new: object's, with its excess-argument rule. */
static PyType_Slot spec_nonew_slots[] = {
    {Py_tp_dealloc, spec_dealloc},
    {Py_tp_methods, plain_methods},
    {0, NULL}
};

static PyType_Spec spec_nonew = {
    "construct.SpecNoNew", sizeof(Plain), 0, Py_TPFLAGS_DEFAULT, spec_nonew_slots
};

/* The C entry points for calling a type. */
static PyObject *call_ways(PyObject *self, PyObject *type)
{
    PyObject *empty = PyTuple_New(0);
    PyObject *kw = PyDict_New();
    if (empty == NULL || kw == NULL) {
        Py_XDECREF(empty);
        Py_XDECREF(kw);
        return NULL;
    }
    PyObject *r[4];
    r[0] = PyObject_CallNoArgs(type);
    r[1] = r[0] ? PyObject_Call(type, empty, NULL) : NULL;
    r[2] = r[1] ? PyObject_Call(type, empty, kw) : NULL;
    r[3] = r[2] ? PyObject_Vectorcall(type, NULL, 0, NULL) : NULL;
    Py_DECREF(empty);
    Py_DECREF(kw);
    if (r[3] == NULL) {
        for (int i = 0; i < 3; i++)
            Py_XDECREF(r[i]);
        return NULL;
    }
    PyObject *res = PyTuple_Pack(4, Py_TYPE(r[0]), Py_TYPE(r[1]), Py_TYPE(r[2]), Py_TYPE(r[3]));
    for (int i = 0; i < 4; i++)
        Py_DECREF(r[i]);
    return res;
}

static PyObject *type_refcnt(PyObject *self, PyObject *type)
{
    return PyLong_FromSsize_t(Py_REFCNT(type));
}

static PyMethodDef module_methods[] = {
    {"call_ways", call_ways, METH_O, NULL},
    {"refcnt", type_refcnt, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "construct", NULL, -1, module_methods
};

static int add(PyObject *m, const char *name, PyTypeObject *type)
{
    if (PyType_Ready(type) < 0)
        return -1;
    return PyModule_AddObjectRef(m, name, (PyObject *)type);
}

PyMODINIT_FUNC PyInit_construct(void)
{
    MetaType.tp_base = &PyType_Type;
    MetaCallType.tp_base = &PyType_Type;
    if (PyType_Ready(&MetaType) < 0 || PyType_Ready(&MetaCallType) < 0)
        return NULL;
    Py_SET_TYPE(&ViaMetaType, &MetaType);
    Py_SET_TYPE(&ViaMetaCallType, &MetaCallType);
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (add(m, "Generic", &GenericType) < 0 || add(m, "InheritNew", &InheritNewType) < 0 ||
        add(m, "NoNew", &NoNewType) < 0 || add(m, "Init", &InitType) < 0 ||
        add(m, "PositiveInit", &PositiveInitType) < 0 || add(m, "NullNew", &NullNewType) < 0 ||
        add(m, "ErrorNew", &ErrorNewType) < 0 || add(m, "OtherNew", &OtherNewType) < 0 ||
        add(m, "Node", &NodeType) < 0 || add(m, "Var", &VarType) < 0 ||
        add(m, "Meta", &MetaType) < 0 || add(m, "MetaCall", &MetaCallType) < 0 ||
        add(m, "ViaMeta", &ViaMetaType) < 0 || add(m, "ViaMetaCall", &ViaMetaCallType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    PyObject *s1 = PyType_FromSpec(&spec);
    if (s1 == NULL || PyModule_AddObject(m, "Spec", s1) < 0) {
        Py_XDECREF(s1);
        Py_DECREF(m);
        return NULL;
    }
    PyObject *s2 = PyType_FromSpec(&spec_plain);
    if (s2 == NULL || PyModule_AddObject(m, "SpecPlain", s2) < 0) {
        Py_XDECREF(s2);
        Py_DECREF(m);
        return NULL;
    }
    PyObject *s3 = PyType_FromSpec(&spec_nonew);
    if (s3 == NULL || PyModule_AddObject(m, "SpecNoNew", s3) < 0) {
        Py_XDECREF(s3);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
