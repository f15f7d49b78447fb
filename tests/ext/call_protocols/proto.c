/* Calling Python from C: PyObject_Call, CallObject, CallFunction,
 * CallMethod, CallOneArg, CallNoArgs, Vectorcall with keywords,
 * VectorcallMethod, CallFunctionObjArgs; a callable type with tp_call and
 * a vectorcall entry; the abstract object protocols. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

static PyObject *calls(PyObject *m, PyObject *args)
{
    PyObject *f, *obj;
    if (!PyArg_ParseTuple(args, "OO", &f, &obj))
        return NULL;
    PyObject *a = PyTuple_Pack(2, Py_True, Py_None);
    PyObject *kw = Py_BuildValue("{s:i}", "k", 5);
    PyObject *r1 = PyObject_Call(f, a, kw);
    PyObject *r2 = PyObject_CallObject(f, a);
    PyObject *r3 = PyObject_CallFunction(f, "is", 1, "two");
    PyObject *r4 = PyObject_CallMethod(obj, "upper", NULL);
    PyObject *r5 = PyObject_CallOneArg(f, Py_Ellipsis);
    PyObject *r6 = PyObject_CallNoArgs(f);
    PyObject *vargs[3] = {PyLong_FromLong(1), PyLong_FromLong(2), PyLong_FromLong(3)};
    PyObject *kwnames = Py_BuildValue("(s)", "k");
    PyObject *r7 = PyObject_Vectorcall(f, vargs, 2, kwnames);
    PyObject *margs[2] = {obj, PyUnicode_FromString("-")};
    PyObject *r8 = PyObject_VectorcallMethod(PyUnicode_FromString("center"), margs,
                                             1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    PyObject *r9 = PyObject_CallFunctionObjArgs(f, obj, obj, NULL);
    PyObject *r10 = PyObject_CallMethodObjArgs(obj, PyUnicode_FromString("count"), PyUnicode_FromString("a"), NULL);
    for (int i = 0; i < 3; i++)
        Py_DECREF(vargs[i]);
    Py_DECREF(a);
    Py_DECREF(kw);
    Py_DECREF(kwnames);
    if (!r1 || !r2 || !r3 || !r4 || !r5 || !r6 || !r7 || !r9 || !r10)
        return NULL;
    if (!r8)
        PyErr_Clear();
    return Py_BuildValue("(NNNNNNNNNN)", r1, r2, r3, r4, r5, r6, r7, r8 ? r8 : Py_NewRef(Py_None), r9, r10);
}

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    long calls;
} Callable;

static PyObject *callable_vector(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    ((Callable *)self)->calls++;
    return Py_BuildValue("(snn)", "vectorcall", PyVectorcall_NARGS(nargsf),
                         kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
}

static PyObject *callable_call(PyObject *self, PyObject *args, PyObject *kw)
{
    ((Callable *)self)->calls++;
    return Py_BuildValue("(snn)", "tp_call", PyTuple_GET_SIZE(args), kw ? PyDict_GET_SIZE(kw) : 0);
}

static PyObject *callable_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Callable *c = (Callable *)type->tp_alloc(type, 0);
    if (c) {
        c->vectorcall = callable_vector;
        c->calls = 0;
    }
    return (PyObject *)c;
}

static PyObject *callable_count(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(((Callable *)self)->calls);
}

static PyMethodDef callable_methods[] = {{"count", callable_count, METH_NOARGS, NULL}, {NULL}};

static PyTypeObject CallableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "proto.Callable",
    .tp_basicsize = sizeof(Callable),
    .tp_vectorcall_offset = offsetof(Callable, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_methods = callable_methods,
    .tp_new = callable_new,
};

static PyTypeObject PlainCallableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "proto.PlainCallable",
    .tp_basicsize = sizeof(Callable),
    .tp_call = callable_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = callable_new,
};

static PyObject *protocols(PyObject *m, PyObject *o)
{
    PyObject *len = PyLong_FromSsize_t(PyObject_Length(o));
    if (PyErr_Occurred())
        return NULL;
    PyObject *item = PySequence_GetItem(o, 0);
    PyObject *slice = PySequence_GetSlice(o, 1, 3);
    PyObject *count = PyLong_FromSsize_t(PySequence_Count(o, item));
    PyObject *idx = PyLong_FromSsize_t(PySequence_Index(o, item));
    PyObject *tuple = PySequence_Tuple(o);
    PyObject *list = PySequence_List(o);
    int contains = PySequence_Contains(o, item);
    PyObject *rep = PySequence_Repeat(o, 2);
    PyObject *cat = PySequence_Concat(o, o);
    Py_hash_t h = PyObject_Hash(tuple);
    PyObject *repr = PyObject_Repr(o);
    PyObject *str = PyObject_Str(item);
    PyObject *ascii = PyObject_ASCII(PyUnicode_FromString("\xc3\xa9"));
    int truth = PyObject_IsTrue(o);
    PyObject *cmp = PyObject_RichCompare(tuple, tuple, Py_LE);
    PyObject *type = PyObject_Type(o);
    PyObject *dir = PyObject_Dir(o);
    PyObject *has = PyBool_FromLong(PyObject_HasAttrString(o, "index"));
    PyObject *fmt = PyObject_Format(PyFloat_FromDouble(3.14159), PyUnicode_FromString(".2f"));
    return Py_BuildValue("(NNNNNNNiNNNNNNiNNNNN)", len, item, slice, count, idx, tuple, list, contains,
                         rep, cat, PyLong_FromLong(h == PyObject_Hash(tuple)), repr, str, ascii, truth,
                         cmp, type, PyBool_FromLong(dir != NULL && PyList_Size(dir) > 10), has, fmt);
}

static PyObject *mapping(PyObject *m, PyObject *d)
{
    PyObject *keys = PyMapping_Keys(d);
    PyObject *vals = PyMapping_Values(d);
    PyObject *items = PyMapping_Items(d);
    PyObject *got = PyMapping_GetItemString(d, "a");
    PyMapping_SetItemString(d, "new", Py_True);
    int has = PyMapping_HasKeyString(d, "new");
    PyObject_DelItem(d, PyUnicode_FromString("a"));
    return Py_BuildValue("(NNNNinO)", keys, vals, items, got, has, PyMapping_Size(d), d);
}

static PyMethodDef methods[] = {
    {"calls", calls, METH_VARARGS, NULL}, {"protocols", protocols, METH_O, NULL},
    {"mapping", mapping, METH_O, NULL}, {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "proto", NULL, -1, methods};
PyMODINIT_FUNC PyInit_proto(void)
{
    if (PyType_Ready(&CallableType) < 0 || PyType_Ready(&PlainCallableType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&mod);
    if (m && (PyModule_AddType(m, &CallableType) < 0 || PyModule_AddType(m, &PlainCallableType) < 0))
        Py_CLEAR(m);
    return m;
}
