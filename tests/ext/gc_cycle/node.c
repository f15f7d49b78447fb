/* A GC container type: instances reference each other in a cycle that
 * only the cycle collector can free (tp_traverse, tp_clear, GC_Track). */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *next;
    long id;
} Node;

static long live;

static PyObject *node_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long id = 0;
    if (!PyArg_ParseTuple(args, "|l", &id))
        return NULL;
    Node *n = PyObject_GC_New(Node, type);
    if (n == NULL)
        return NULL;
    n->next = NULL;
    n->id = id;
    live++;
    PyObject_GC_Track(n);
    return (PyObject *)n;
}

static int node_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((Node *)self)->next);
    return 0;
}

static int node_clear(PyObject *self)
{
    Py_CLEAR(((Node *)self)->next);
    return 0;
}

static void node_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    node_clear(self);
    live--;
    PyObject_GC_Del(self);
}

static PyObject *node_link(PyObject *self, PyObject *other)
{
    Py_XSETREF(((Node *)self)->next, Py_NewRef(other));
    Py_RETURN_NONE;
}

static PyObject *get_live(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(live);
}

static PyObject *is_tracked(PyObject *m, PyObject *o)
{
    return PyBool_FromLong(PyObject_GC_IsTracked(o));
}

static PyMethodDef node_methods[] = {{"link", node_link, METH_O, NULL}, {NULL}};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "node.Node",
    .tp_basicsize = sizeof(Node),
    .tp_dealloc = node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_methods = node_methods,
    .tp_new = node_new,
};

static PyMethodDef module_methods[] = {
    {"live", get_live, METH_NOARGS, NULL},
    {"is_tracked", is_tracked, METH_O, NULL},
    {NULL}
};
static struct PyModuleDef nodemodule = {PyModuleDef_HEAD_INIT, "node", NULL, -1, module_methods};

PyMODINIT_FUNC PyInit_node(void)
{
    if (PyType_Ready(&NodeType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&nodemodule);
    if (m && PyModule_AddType(m, &NodeType) < 0)
        Py_CLEAR(m);
    return m;
}
