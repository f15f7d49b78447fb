/* The oldest limited API: Py_LIMITED_API defined with no value means the
 * 3.2 stable ABI.  A single-phase module from PyModule_Create (which passes
 * PYTHON_ABI_VERSION here) and a heap type from PyType_FromSpec, using only
 * what 3.2 offered (no PyType_GetSlot, no Py_NewRef). */
#define Py_LIMITED_API
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long a, b;
} Pair;

static int pair_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    Pair *p = (Pair *)self;
    if (!PyArg_ParseTuple(args, "ll:Pair", &p->a, &p->b))
        return -1;
    return 0;
}

static void pair_dealloc(PyObject *self)
{
    PyObject *tp = (PyObject *)Py_TYPE(self);
    PyObject_Free(self);
    Py_DECREF(tp);
}

static PyObject *pair_repr(PyObject *self)
{
    Pair *p = (Pair *)self;
    return PyUnicode_FromFormat("Pair(%ld, %ld)", p->a, p->b);
}

static PyObject *pair_sum(PyObject *self, PyObject *unused)
{
    Pair *p = (Pair *)self;
    return PyLong_FromLong(p->a + p->b);
}

static PyMethodDef pair_methods[] = {
    {"sum", pair_sum, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot pair_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, pair_init},
    {Py_tp_dealloc, pair_dealloc},
    {Py_tp_repr, pair_repr},
    {Py_tp_methods, pair_methods},
    {0, NULL},
};

static PyType_Spec pair_spec = {"limited_old.Pair", sizeof(Pair), 0, Py_TPFLAGS_DEFAULT, pair_slots};

static PyObject *old_add(PyObject *module, PyObject *args)
{
    int x, y;
    if (!PyArg_ParseTuple(args, "ii:add", &x, &y))
        return NULL;
    return Py_BuildValue("i", x + y);
}

static PyMethodDef old_methods[] = {
    {"add", old_add, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef old_module = {
    PyModuleDef_HEAD_INIT, "limited_old", NULL, -1, old_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_limited_old(void)
{
    PyObject *m = PyModule_Create(&old_module);
    if (m == NULL)
        return NULL;
    PyObject *t = PyType_FromSpec(&pair_spec);
    if (t == NULL || PyModule_AddObject(m, "Pair", t) < 0) {
        Py_XDECREF(t);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
