/* cellobject.c: cell objects (PyCell_Type), the shared boxes through which
 * closures see their enclosing function's variables.  MAKE_CELL creates
 * them, LOAD_DEREF/STORE_DEREF read and write them in place. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"

PyObject *PyCell_New(PyObject *obj)
{
    PyCellObject *op = PyObject_GC_New(PyCellObject, &PyCell_Type);
    if (op == NULL)
        return NULL;
    op->ob_ref = Py_XNewRef(obj);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyCell_Get(PyObject *op)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return Py_XNewRef(PyCell_GET(op));
}

int PyCell_Set(PyObject *op, PyObject *value)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *old = PyCell_GET(op);
    PyCell_SET(op, Py_XNewRef(value));
    Py_XDECREF(old);
    return 0;
}

static PyObject *kr_cell_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *obj = NULL;
    if (!_PyArg_NoKeywords("cell", kw))
        return NULL;
    if (!PyArg_UnpackTuple(args, "cell", 0, 1, &obj))
        return NULL;
    return PyCell_New(obj);
}

static void kr_cell_dealloc(PyCellObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(op->ob_ref);
    PyObject_GC_Del(op);
}

static PyObject *kr_cell_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyCell_Check(a) || !PyCell_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    a = PyCell_GET(a);
    b = PyCell_GET(b);
    /* an empty cell sorts before any full one */
    if (a != NULL && b != NULL)
        return PyObject_RichCompare(a, b, op);
    Py_RETURN_RICHCOMPARE(b == NULL, a == NULL, op);
}

static PyObject *kr_cell_repr(PyCellObject *op)
{
    if (op->ob_ref == NULL)
        return PyUnicode_FromFormat("<cell at %p: empty>", op);
    return PyUnicode_FromFormat("<cell at %p: %.80s object at %p>", op,
                                Py_TYPE(op->ob_ref)->tp_name, op->ob_ref);
}

static int kr_cell_traverse(PyCellObject *op, visitproc visit, void *arg)
{
    Py_VISIT(op->ob_ref);
    return 0;
}

static int kr_cell_clear(PyCellObject *op)
{
    Py_CLEAR(op->ob_ref);
    return 0;
}

static PyObject *kr_cell_get_contents(PyCellObject *op, void *closure)
{
    if (op->ob_ref == NULL) {
        PyErr_SetString(PyExc_ValueError, "Cell is empty");
        return NULL;
    }
    return Py_NewRef(op->ob_ref);
}

static int kr_cell_set_contents(PyCellObject *op, PyObject *obj, void *closure)
{
    Py_XSETREF(op->ob_ref, Py_XNewRef(obj));
    return 0;
}

static PyGetSetDef kr_cell_getset[] = {
    {"cell_contents", (getter)kr_cell_get_contents, (setter)kr_cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyCell_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "cell",
    .tp_basicsize = sizeof(PyCellObject),
    .tp_dealloc = (destructor)kr_cell_dealloc,
    .tp_repr = (reprfunc)kr_cell_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)kr_cell_traverse,
    .tp_clear = (inquiry)kr_cell_clear,
    .tp_richcompare = kr_cell_richcompare,
    .tp_getset = kr_cell_getset,
    .tp_new = kr_cell_new,
};
