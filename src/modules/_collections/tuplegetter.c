/* tuplegetter.c: _collections._tuplegetter, the read-only descriptor
 * namedtuple classes use for their fields: instance.field is
 * tuple.__getitem__(instance, index), with the field's own __doc__. */
#include "internal.h"
#include "structmember.h"
#include "modules/_collections/collections.h"

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *doc;
} kr_tuplegetter;

static PyObject *
tuplegetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t index;
    PyObject *doc;
    if (!_PyArg_NoKeywords("_tuplegetter", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("_tuplegetter", PyTuple_GET_SIZE(args), 2, 2))
        return NULL;
    PyObject *iobj = PyNumber_Index(PyTuple_GET_ITEM(args, 0));
    if (iobj == NULL)
        return NULL;
    index = PyLong_AsSsize_t(iobj);
    Py_DECREF(iobj);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    doc = PyTuple_GET_ITEM(args, 1);
    kr_tuplegetter *self = (kr_tuplegetter *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->index = index;
    self->doc = Py_NewRef(doc);
    return (PyObject *)self;
}

static PyObject *
tuplegetter_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    Py_ssize_t index = ((kr_tuplegetter *)self)->index;
    if (obj == NULL || obj == Py_None) {
        if (obj == NULL || type != NULL)
            return Py_NewRef(self);
        PyErr_SetString(PyExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    if (!PyTuple_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                     index, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (index < 0 || index >= PyTuple_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(obj, index));
}

static int
tuplegetter_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyErr_SetString(PyExc_AttributeError,
                    value == NULL ? "can't delete attribute" : "can't set attribute");
    return -1;
}

static int
tuplegetter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_tuplegetter *)self)->doc);
    return 0;
}

static int
tuplegetter_clear(PyObject *self)
{
    Py_CLEAR(((kr_tuplegetter *)self)->doc);
    return 0;
}

static void
tuplegetter_dealloc(kr_tuplegetter *self)
{
    PyObject_GC_UnTrack(self);
    tuplegetter_clear((PyObject *)self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
tuplegetter_reduce(kr_tuplegetter *self, PyObject *unused)
{
    return Py_BuildValue("(O(nO))", (PyObject *)Py_TYPE(self), self->index, self->doc);
}

static PyObject *
tuplegetter_repr(kr_tuplegetter *self)
{
    return PyUnicode_FromFormat("%s(%zd, %R)", _PyType_Name(Py_TYPE(self)), self->index,
                                self->doc);
}

static PyMemberDef tuplegetter_members[] = {
    {"__doc__", T_OBJECT, offsetof(kr_tuplegetter, doc), 0, 0},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef tuplegetter_methods[] = {
    {"__reduce__", (PyCFunction)tuplegetter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_tuplegetter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(kr_tuplegetter),
    .tp_dealloc = (destructor)tuplegetter_dealloc,
    .tp_repr = (reprfunc)tuplegetter_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_clear,
    .tp_methods = tuplegetter_methods,
    .tp_members = tuplegetter_members,
    .tp_descr_get = tuplegetter_descr_get,
    .tp_descr_set = tuplegetter_descr_set,
    .tp_new = tuplegetter_new,
    .tp_free = PyObject_GC_Del,
};
