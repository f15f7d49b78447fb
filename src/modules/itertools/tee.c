/* tee.c: itertools.tee, and the _tee iterators it returns.
 *
 * The tees of one source share a singly linked list of buffer blocks
 * (_tee_dataobject), each holding up to KR_TEE_CELLS items read from the
 * source; a tee is a (block, index) cursor into that list.  Blocks every
 * tee has passed lose their last reference and are freed, so memory is
 * bounded by the distance between the leading and the trailing tee.
 * Freeing a long chain is done iteratively, not by recursion. */
#include "internal.h"
#include "objects/str_ids.h"
#include "modules/itertools/itertools.h"

#define KR_TEE_CELLS 57

typedef struct kr_teedata {
    PyObject_HEAD
    PyObject *it;
    int numread;                 /* cells filled */
    int running;                 /* re-entrancy guard while reading it */
    PyObject *nextlink;          /* the next block, or NULL */
    PyObject *values[KR_TEE_CELLS];
} kr_teedata;

typedef struct {
    PyObject_HEAD
    kr_teedata *dataobj;
    int index;                   /* next cell of dataobj to read */
    PyObject *weakreflist;
} kr_tee;

static PyObject *
teedata_new_internal(PyObject *it)
{
    kr_teedata *tdo = PyObject_GC_New(kr_teedata, &kr_teedataobject_type);
    if (tdo == NULL)
        return NULL;
    tdo->running = 0;
    tdo->numread = 0;
    tdo->nextlink = NULL;
    tdo->it = Py_XNewRef(it);
    PyObject_GC_Track(tdo);
    return (PyObject *)tdo;
}

/* The next block, created on demand.  New reference. */
static PyObject *
teedata_jumplink(kr_teedata *tdo)
{
    if (tdo->nextlink == NULL) {
        tdo->nextlink = teedata_new_internal(tdo->it);
        if (tdo->nextlink == NULL)
            return NULL;
    }
    return Py_NewRef(tdo->nextlink);
}

/* Item i of the block, reading from the source when i is the next unread
 * cell (only the leading tee gets there).  New reference. */
static PyObject *
teedata_getitem(kr_teedata *tdo, int i)
{
    PyObject *value;
    if (i < tdo->numread) {
        value = tdo->values[i];
    }
    else {
        if (tdo->running) {
            PyErr_SetString(PyExc_RuntimeError, "cannot re-enter the tee iterator");
            return NULL;
        }
        tdo->running = 1;
        value = PyIter_Next(tdo->it);
        tdo->running = 0;
        if (value == NULL)
            return NULL;
        tdo->numread++;
        tdo->values[i] = value;
    }
    return Py_NewRef(value);
}

static int
teedata_traverse(kr_teedata *tdo, visitproc visit, void *arg)
{
    Py_VISIT(tdo->it);
    for (int i = 0; i < tdo->numread; i++)
        Py_VISIT(tdo->values[i]);
    Py_VISIT(tdo->nextlink);
    return 0;
}

/* Drops a reference to a block; when that frees it, its successors are
 * detached and released in a loop rather than by nested deallocs. */
static void
teedata_safe_decref(PyObject *obj)
{
    while (obj && Py_IS_TYPE(obj, &kr_teedataobject_type) && Py_REFCNT(obj) == 1) {
        PyObject *nextlink = ((kr_teedata *)obj)->nextlink;
        ((kr_teedata *)obj)->nextlink = NULL;
        Py_DECREF(obj);
        obj = nextlink;
    }
    Py_XDECREF(obj);
}

static int
teedata_clear(kr_teedata *tdo)
{
    Py_CLEAR(tdo->it);
    int n = tdo->numread;
    tdo->numread = 0;
    for (int i = 0; i < n; i++)
        Py_CLEAR(tdo->values[i]);
    PyObject *tmp = tdo->nextlink;
    tdo->nextlink = NULL;
    teedata_safe_decref(tmp);
    return 0;
}

static void
teedata_dealloc(kr_teedata *tdo)
{
    PyObject_GC_UnTrack(tdo);
    teedata_clear(tdo);
    PyObject_GC_Del(tdo);
}

static PyObject *
teedata_reduce(kr_teedata *tdo, PyObject *unused)
{
    PyObject *values = PyList_New(tdo->numread);
    if (values == NULL)
        return NULL;
    for (int i = 0; i < tdo->numread; i++)
        PyList_SET_ITEM(values, i, Py_NewRef(tdo->values[i]));
    return Py_BuildValue("O(ONO)", Py_TYPE(tdo), tdo->it, values,
                         tdo->nextlink ? tdo->nextlink : Py_None);
}

static PyObject *
teedata_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *it, *values, *next;
    if (!_PyArg_NoKeywords("teedataobject", kw))
        return NULL;
    if (!PyArg_ParseTuple(args, "OO!O:teedataobject", &it, &PyList_Type, &values, &next))
        return NULL;
    kr_teedata *tdo = (kr_teedata *)teedata_new_internal(it);
    if (tdo == NULL)
        return NULL;
    Py_ssize_t len = PyList_GET_SIZE(values);
    if (len > KR_TEE_CELLS)
        goto err;
    for (Py_ssize_t i = 0; i < len; i++)
        tdo->values[i] = Py_NewRef(PyList_GET_ITEM(values, i));
    tdo->numread = (int)len;
    if (len == KR_TEE_CELLS) {
        if (next != Py_None) {
            if (!Py_IS_TYPE(next, &kr_teedataobject_type))
                goto err;
            tdo->nextlink = Py_NewRef(next);
        }
    }
    else if (next != Py_None) {
        goto err;   /* only a full block has a successor */
    }
    if (!PyIter_Check(it)) {
        /* reading would call a missing tp_iternext */
        Py_DECREF(tdo);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator", Py_TYPE(it)->tp_name);
        return NULL;
    }
    return (PyObject *)tdo;
err:
    Py_DECREF(tdo);
    PyErr_SetString(PyExc_ValueError, "Invalid arguments");
    return NULL;
}

static PyMethodDef teedata_methods[] = {
    {"__reduce__", (PyCFunction)teedata_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_teedataobject_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(kr_teedata),
    .tp_dealloc = (destructor)teedata_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.",
    .tp_traverse = (traverseproc)teedata_traverse,
    .tp_clear = (inquiry)teedata_clear,
    .tp_methods = teedata_methods,
    .tp_new = teedata_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- _tee ---- */

static PyObject *
tee_next(kr_tee *to)
{
    if (to->index >= KR_TEE_CELLS) {
        PyObject *link = teedata_jumplink(to->dataobj);
        if (link == NULL)
            return NULL;
        Py_SETREF(to->dataobj, (kr_teedata *)link);
        to->index = 0;
    }
    PyObject *value = teedata_getitem(to->dataobj, to->index);
    if (value == NULL)
        return NULL;
    to->index++;
    return value;
}

static int
tee_traverse(kr_tee *to, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)to->dataobj);
    return 0;
}

static PyObject *
tee_copy(kr_tee *to, PyObject *unused)
{
    kr_tee *newto = PyObject_GC_New(kr_tee, &kr_tee_type);
    if (newto == NULL)
        return NULL;
    newto->dataobj = (kr_teedata *)Py_NewRef(to->dataobj);
    newto->index = to->index;
    newto->weakreflist = NULL;
    PyObject_GC_Track(newto);
    return (PyObject *)newto;
}

/* A tee over iterable; a tee of a tee shares its buffer.  New reference. */
static PyObject *
tee_fromiterable(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    if (PyObject_TypeCheck(it, &kr_tee_type)) {
        PyObject *copy = tee_copy((kr_tee *)it, NULL);
        Py_DECREF(it);
        return copy;
    }
    PyObject *dataobj = teedata_new_internal(it);
    if (dataobj == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    kr_tee *to = PyObject_GC_New(kr_tee, &kr_tee_type);
    if (to == NULL) {
        Py_DECREF(dataobj);
        Py_DECREF(it);
        return NULL;
    }
    to->dataobj = (kr_teedata *)dataobj;
    to->index = 0;
    to->weakreflist = NULL;
    PyObject_GC_Track(to);
    Py_DECREF(it);
    return (PyObject *)to;
}

static PyObject *
tee_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *iterable;
    if (!_PyArg_NoKeywords("_tee", kw))
        return NULL;
    if (!PyArg_UnpackTuple(args, "_tee", 1, 1, &iterable))
        return NULL;
    return tee_fromiterable(iterable);
}

static int
tee_clear(kr_tee *to)
{
    if (to->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)to);
    PyObject *tmp = (PyObject *)to->dataobj;
    to->dataobj = NULL;
    teedata_safe_decref(tmp);
    return 0;
}

static void
tee_dealloc(kr_tee *to)
{
    PyObject_GC_UnTrack(to);
    tee_clear(to);
    PyObject_GC_Del(to);
}

static PyObject *
tee_reduce(kr_tee *to, PyObject *unused)
{
    return Py_BuildValue("O(())(Oi)", Py_TYPE(to), to->dataobj, to->index);
}

static PyObject *
tee_setstate(kr_tee *to, PyObject *state)
{
    kr_teedata *tdo;
    int index;
    if (kr_itertools_check_state_tuple(state) < 0)
        return NULL;
    if (!PyArg_ParseTuple(state, "O!i", &kr_teedataobject_type, &tdo, &index))
        return NULL;
    if (index < 0 || index > KR_TEE_CELLS) {
        PyErr_SetString(PyExc_ValueError, "Index out of range");
        return NULL;
    }
    Py_INCREF(tdo);
    PyObject *old = (PyObject *)to->dataobj;
    to->dataobj = tdo;
    teedata_safe_decref(old);
    to->index = index;
    Py_RETURN_NONE;
}

static PyMethodDef tee_methods[] = {
    {"__copy__", (PyCFunction)tee_copy, METH_NOARGS, "Returns an independent iterator."},
    {"__reduce__", (PyCFunction)tee_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)tee_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_tee_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(kr_tee),
    .tp_dealloc = (destructor)tee_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "_tee(iterable, /)\n--\n\n"
              "Iterator wrapped to make it copyable.",
    .tp_traverse = (traverseproc)tee_traverse,
    .tp_clear = (inquiry)tee_clear,
    .tp_weaklistoffset = offsetof(kr_tee, weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)tee_next,
    .tp_methods = tee_methods,
    .tp_new = tee_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- itertools.tee(iterable, n=2, /) ---- */

PyObject *
kr_itertools_tee(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("tee", nargs, 1, 2))
        return NULL;
    Py_ssize_t n = 2;
    if (nargs == 2) {
        PyObject *index = PyNumber_Index(args[1]);
        if (index == NULL)
            return NULL;
        n = PyLong_AsSsize_t(index);
        Py_DECREF(index);
        if (n == -1 && PyErr_Occurred())
            return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL || n == 0)
        return result;
    PyObject *it = PyObject_GetIter(args[0]);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *copyfunc;
    if (_PyObject_LookupAttr(it, KR_ID(__copy__), &copyfunc) < 0) {
        Py_DECREF(it);
        Py_DECREF(result);
        return NULL;
    }
    PyObject *copyable;
    if (copyfunc != NULL) {
        copyable = it;
    }
    else {
        copyable = tee_fromiterable(it);
        Py_DECREF(it);
        if (copyable == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        copyfunc = PyObject_GetAttr(copyable, KR_ID(__copy__));
        if (copyfunc == NULL) {
            Py_DECREF(copyable);
            Py_DECREF(result);
            return NULL;
        }
    }
    PyTuple_SET_ITEM(result, 0, copyable);
    for (Py_ssize_t i = 1; i < n; i++) {
        copyable = PyObject_CallNoArgs(copyfunc);
        if (copyable == NULL) {
            Py_DECREF(copyfunc);
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, copyable);
    }
    Py_DECREF(copyfunc);
    return result;
}
