/* The tuple, list, dict and set C APIs, including the borrowed-reference
 * accessors, PyDict_Next, PySequence_Fast and slices. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *tuples(PyObject *m, PyObject *unused)
{
    PyObject *t = PyTuple_New(3);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < 3; i++)
        PyTuple_SET_ITEM(t, i, PyLong_FromLong(i * 10));
    PyObject *slice = PyTuple_GetSlice(t, 1, 3);
    PyObject *packed = PyTuple_Pack(2, t, slice);
    PyObject *item = PyTuple_GetItem(t, 2);   /* borrowed */
    Py_ssize_t n = PyTuple_Size(t);
    PyObject *bad = PyTuple_GetItem(t, 5);
    int had_error = bad == NULL && PyErr_ExceptionMatches(PyExc_IndexError);
    PyErr_Clear();
    PyObject *r = Py_BuildValue("(NNOni)", packed, slice, item, n, had_error);
    Py_DECREF(t);
    return r;
}

static PyObject *lists(PyObject *m, PyObject *unused)
{
    PyObject *l = PyList_New(0);
    for (int i = 0; i < 5; i++) {
        PyObject *v = PyLong_FromLong(5 - i);
        PyList_Append(l, v);
        Py_DECREF(v);
    }
    PyObject *first = PyLong_FromLong(100);
    PyList_Insert(l, 0, first);
    Py_DECREF(first);
    PyList_SetItem(l, 1, PyUnicode_FromString("set"));   /* steals */
    PyObject *copy = PyList_GetSlice(l, 0, 3);
    PyList_SetSlice(l, 0, 2, NULL);
    PyList_Sort(l);
    PyObject *tuple = PyList_AsTuple(l);
    PyList_Reverse(l);
    return Py_BuildValue("(NNNn)", l, copy, tuple, PyList_GET_SIZE(copy));
}

static PyObject *dicts(PyObject *m, PyObject *unused)
{
    PyObject *d = PyDict_New();
    PyObject *two = PyLong_FromLong(2);
    PyDict_SetItemString(d, "b", two);
    Py_DECREF(two);
    PyObject *k = PyUnicode_FromString("a"), *v = PyLong_FromLong(1);
    PyDict_SetItem(d, k, v);
    PyObject *z = PyUnicode_FromString("z"), *dflt = PyLong_FromLong(99);
    PyObject *got = PyDict_SetDefault(d, z, dflt);   /* borrowed */
    PyObject *out = PyList_New(0);
    Py_ssize_t pos = 0;
    PyObject *key, *val;
    while (PyDict_Next(d, &pos, &key, &val)) {
        PyObject *pair = PyTuple_Pack(2, key, val);
        PyList_Append(out, pair);
        Py_DECREF(pair);
    }
    PyObject *copy = PyDict_Copy(d);
    PyDict_DelItemString(copy, "a");
    PyObject *other = PyDict_New();
    PyDict_SetItemString(other, "m", Py_None);
    PyDict_Update(copy, other);
    PyObject *nope = PyUnicode_FromString("nope");
    PyObject *missing = PyDict_GetItemWithError(d, nope);
    int contains = PyDict_Contains(d, k);
    PyObject *r = Py_BuildValue("(NNNNNOii)", out, PyDict_Keys(d), PyDict_Values(d), PyDict_Items(copy),
                                copy, got, missing == NULL && !PyErr_Occurred(), contains);
    Py_DECREF(nope);
    Py_DECREF(k);
    Py_DECREF(v);
    Py_DECREF(z);
    Py_DECREF(dflt);
    Py_DECREF(other);
    Py_DECREF(d);
    return r;
}

static PyObject *sets(PyObject *m, PyObject *iterable)
{
    PyObject *s = PySet_New(iterable);
    if (s == NULL)
        return NULL;
    PyObject *x = PyLong_FromLong(42);
    PySet_Add(s, x);
    int has = PySet_Contains(s, x);
    PySet_Discard(s, x);
    Py_DECREF(x);
    PyObject *fs = PyFrozenSet_New(s);
    return Py_BuildValue("(Nnin)", fs, PySet_Size(s), has, PySet_GET_SIZE(s));
}

static PyObject *fast(PyObject *m, PyObject *seq)
{
    PyObject *f = PySequence_Fast(seq, "expected a sequence");
    if (f == NULL)
        return NULL;
    long total = 0;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(f);
    PyObject **items = PySequence_Fast_ITEMS(f);
    for (Py_ssize_t i = 0; i < n; i++)
        total += PyLong_AsLong(items[i]);
    Py_DECREF(f);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(total);
}

static PyObject *slices(PyObject *m, PyObject *args)
{
    PyObject *slice;
    Py_ssize_t length;
    if (!PyArg_ParseTuple(args, "On", &slice, &length))
        return NULL;
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(slice, &start, &stop, &step) < 0)
        return NULL;
    Py_ssize_t n = PySlice_AdjustIndices(length, &start, &stop, step);
    return Py_BuildValue("(nnnn)", start, stop, step, n);
}

static PyMethodDef methods[] = {
    {"tuples", tuples, METH_NOARGS, NULL}, {"lists", lists, METH_NOARGS, NULL},
    {"dicts", dicts, METH_NOARGS, NULL}, {"sets", sets, METH_O, NULL},
    {"fast", fast, METH_O, NULL}, {"slices", slices, METH_VARARGS, NULL}, {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "cont", NULL, -1, methods};
PyMODINIT_FUNC PyInit_cont(void) { return PyModule_Create(&mod); }
