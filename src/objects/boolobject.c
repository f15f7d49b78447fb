/* boolobject.c: bool, the int subclass whose only instances are the
 * immortal, process-wide True and False. */
#include "internal.h"
#include "objects/longobject_internal.h"

PyObject *PyBool_FromLong(long ok)
{
    return ok ? Py_True : Py_False;
}

static PyObject *kr_bool_repr(PyObject *self)
{
    return PyUnicode_FromString(self == Py_True ? "True" : "False");
}

static PyObject *kr_bool_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0)
        return Py_False;
    int ok = PyObject_IsTrue(args[0]);
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

static PyObject *kr_bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    return kr_bool_vectorcall((PyObject *)type, &PyTuple_GET_ITEM(args, 0),
                              (size_t)PyTuple_GET_SIZE(args), NULL);
}

/* &, |, ^ of two bools stay bool; anything else is int arithmetic. */
static PyObject *kr_bool_and(PyObject *a, PyObject *b)
{
    if (PyBool_Check(a) && PyBool_Check(b))
        return PyBool_FromLong(a == Py_True && b == Py_True);
    return kr_long_nb_and(a, b);
}

static PyObject *kr_bool_or(PyObject *a, PyObject *b)
{
    if (PyBool_Check(a) && PyBool_Check(b))
        return PyBool_FromLong(a == Py_True || b == Py_True);
    return kr_long_nb_or(a, b);
}

static PyObject *kr_bool_xor(PyObject *a, PyObject *b)
{
    if (PyBool_Check(a) && PyBool_Check(b))
        return PyBool_FromLong((a == Py_True) != (b == Py_True));
    return kr_long_nb_xor(a, b);
}

static void kr_bool_dealloc(PyObject *self)
{
    /* True and False are immortal: never reached */
    (void)self;
}

static PyNumberMethods kr_bool_as_number = {
    .nb_bool = kr_long_nb_bool,
    .nb_and = kr_bool_and,
    .nb_xor = kr_bool_xor,
    .nb_or = kr_bool_or,
};

PyTypeObject PyBool_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bool",
    .tp_basicsize = offsetof(PyLongObject, ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_dealloc = kr_bool_dealloc,
    .tp_repr = kr_bool_repr,
    .tp_as_number = &kr_bool_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "bool(x) -> bool\n\n"
              "Returns True when the argument x is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_base = &PyLong_Type,
    .tp_new = kr_bool_new,
    .tp_vectorcall = kr_bool_vectorcall,
};

struct _longobject _Py_FalseStruct = {
    PyVarObject_HEAD_INIT(&PyBool_Type, 0)
    { 0 }
};

struct _longobject _Py_TrueStruct = {
    PyVarObject_HEAD_INIT(&PyBool_Type, 1)
    { 1 }
};

int (Py_IsTrue)(PyObject *x) { return x == Py_True; }
int (Py_IsFalse)(PyObject *x) { return x == Py_False; }
