/* A heap type made by PyType_FromModuleAndSpec with module state: the
 * type finds its module (PyType_GetModule / PyType_GetModuleState), and a
 * METH_METHOD function receives its defining class. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long created;
    PyObject *CounterType;
} counter_state;

typedef struct {
    PyObject_HEAD
    long value;
} Counter;

static struct PyModuleDef counter_module;

/* The module state of the module that defined `type` or one of its bases. */
static counter_state *state_of(PyTypeObject *type)
{
    PyObject *m = PyType_GetModuleByDef(type, &counter_module);
    return m ? PyModule_GetState(m) : NULL;
}

static PyObject *counter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long start = 0;
    if (!PyArg_ParseTuple(args, "|l:Counter", &start))
        return NULL;
    Counter *c = (Counter *)type->tp_alloc(type, 0);
    if (c == NULL)
        return NULL;
    c->value = start;
    counter_state *st = state_of(type);
    if (st == NULL) {
        Py_DECREF(c);
        return NULL;
    }
    st->created++;
    return (PyObject *)c;
}

static void counter_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *counter_inc(PyObject *self, PyTypeObject *defining, PyObject *const *args,
                             Py_ssize_t nargs, PyObject *kwnames)
{
    long by = 1;
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "inc() takes at most one argument");
        return NULL;
    }
    if (nargs == 1 && (by = PyLong_AsLong(args[0])) == -1 && PyErr_Occurred())
        return NULL;
    ((Counter *)self)->value += by;
    counter_state *st = PyType_GetModuleState(defining);
    return Py_BuildValue("(ll)", ((Counter *)self)->value, st ? st->created : -1L);
}

static PyObject *counter_get(PyObject *self, void *closure)
{
    return PyLong_FromLong(((Counter *)self)->value);
}

static PyObject *counter_repr(PyObject *self)
{
    return PyUnicode_FromFormat("Counter(%ld)", ((Counter *)self)->value);
}

static PyMethodDef counter_methods[] = {
    {"inc", (PyCFunction)(void (*)(void))counter_inc, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, "increment"},
    {NULL}
};
static PyGetSetDef counter_getset[] = {{"value", counter_get, NULL, NULL, NULL}, {NULL}};

static PyType_Slot counter_slots[] = {
    {Py_tp_new, counter_new},
    {Py_tp_dealloc, counter_dealloc},
    {Py_tp_repr, counter_repr},
    {Py_tp_methods, counter_methods},
    {Py_tp_getset, counter_getset},
    {Py_tp_doc, "Counts things."},
    {0, NULL}
};

static PyType_Spec counter_spec = {
    "counter.Counter", sizeof(Counter), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, counter_slots
};

static PyObject *created(PyObject *module, PyObject *unused)
{
    counter_state *st = PyModule_GetState(module);
    return PyLong_FromLong(st->created);
}

static int counter_exec(PyObject *m)
{
    counter_state *st = PyModule_GetState(m);
    st->created = 0;
    st->CounterType = PyType_FromModuleAndSpec(m, &counter_spec, NULL);
    if (st->CounterType == NULL)
        return -1;
    return PyModule_AddObjectRef(m, "Counter", st->CounterType);
}

static int counter_traverse(PyObject *m, visitproc visit, void *arg)
{
    counter_state *st = PyModule_GetState(m);
    Py_VISIT(st->CounterType);
    return 0;
}

static int counter_clear(PyObject *m)
{
    counter_state *st = PyModule_GetState(m);
    Py_CLEAR(st->CounterType);
    return 0;
}

static PyMethodDef module_methods[] = {{"created", created, METH_NOARGS, NULL}, {NULL}};
static PyModuleDef_Slot module_slots[] = {{Py_mod_exec, counter_exec}, {0, NULL}};
static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT, "counter", NULL, sizeof(counter_state), module_methods, module_slots,
    counter_traverse, counter_clear, NULL
};

PyMODINIT_FUNC PyInit_counter(void)
{
    return PyModuleDef_Init(&counter_module);
}
