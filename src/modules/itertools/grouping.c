/* grouping.c: itertools.groupby and its _grouper sub-iterators.
 *
 * A groupby remembers which _grouper is current (currgrouper, a pointer
 * used only for identity, not a reference): moving the groupby on makes
 * every earlier grouper empty, as in CPython. */
#include "internal.h"
#include "objects/containers.h"
#include "modules/itertools/itertools.h"

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *keyfunc;     /* None: identity */
    PyObject *tgtkey;      /* key of the current group */
    PyObject *currkey;     /* key of currvalue */
    PyObject *currvalue;   /* the item read ahead, or NULL */
    PyObject *currgrouper; /* identity only, not a reference */
} kr_groupby;

typedef struct {
    PyObject_HEAD
    PyObject *parent;
    PyObject *tgtkey;
} kr_grouper;

static void
groupby_dealloc(PyObject *self)
{
    kr_itertools_dealloc_fields(self, &((kr_groupby *)self)->it, 5);
}

static int
groupby_traverse(PyObject *self, visitproc visit, void *arg)
{
    return kr_itertools_traverse_fields(&((kr_groupby *)self)->it, 5, visit, arg);
}

static PyObject *
groupby_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "key", NULL};
    PyObject *iterable, *keyfunc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:groupby", kwlist, &iterable, &keyfunc))
        return NULL;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    kr_groupby *gbo = (kr_groupby *)type->tp_alloc(type, 0);
    if (gbo == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    gbo->it = it;
    gbo->keyfunc = Py_NewRef(keyfunc);
    gbo->tgtkey = gbo->currkey = gbo->currvalue = NULL;
    gbo->currgrouper = NULL;
    return (PyObject *)gbo;
}

/* Reads the next item and its key into currvalue/currkey.  0, or -1 at
 * the end (no exception) or on error. */
static int
groupby_step(kr_groupby *gbo)
{
    PyObject *newvalue = PyIter_Next(gbo->it);
    if (newvalue == NULL)
        return -1;
    PyObject *newkey;
    if (gbo->keyfunc == Py_None) {
        newkey = Py_NewRef(newvalue);
    }
    else {
        newkey = PyObject_CallOneArg(gbo->keyfunc, newvalue);
        if (newkey == NULL) {
            Py_DECREF(newvalue);
            return -1;
        }
    }
    PyObject *oldvalue = gbo->currvalue;
    gbo->currvalue = newvalue;
    Py_XSETREF(gbo->currkey, newkey);
    Py_XDECREF(oldvalue);
    return 0;
}

static PyObject *
grouper_create(kr_groupby *parent, PyObject *tgtkey)
{
    kr_grouper *igo = PyObject_GC_New(kr_grouper, &kr_grouper_type);
    if (igo == NULL)
        return NULL;
    igo->parent = Py_NewRef(parent);
    igo->tgtkey = Py_NewRef(tgtkey);
    parent->currgrouper = (PyObject *)igo;
    PyObject_GC_Track(igo);
    return (PyObject *)igo;
}

static PyObject *
groupby_next(kr_groupby *gbo)
{
    gbo->currgrouper = NULL;
    /* skip to the start of the next group */
    for (;;) {
        if (gbo->currkey == NULL) {
            /* nothing read ahead yet */
        }
        else if (gbo->tgtkey == NULL) {
            break;
        }
        else {
            int rcmp = PyObject_RichCompareBool(gbo->tgtkey, gbo->currkey, Py_EQ);
            if (rcmp == -1)
                return NULL;
            if (rcmp == 0)
                break;
        }
        if (groupby_step(gbo) < 0)
            return NULL;
    }
    Py_XSETREF(gbo->tgtkey, Py_NewRef(gbo->currkey));
    PyObject *grouper = grouper_create(gbo, gbo->tgtkey);
    if (grouper == NULL)
        return NULL;
    PyObject *items[2] = {Py_NewRef(gbo->currkey), grouper};
    return _PyTuple_FromArraySteal(items, 2);
}

static PyObject *
groupby_reduce(kr_groupby *lz, PyObject *unused)
{
    if (lz->tgtkey && lz->currkey && lz->currvalue)
        return Py_BuildValue("O(OO)(OOO)", Py_TYPE(lz), lz->it, lz->keyfunc, lz->currkey,
                             lz->currvalue, lz->tgtkey);
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->it, lz->keyfunc);
}

static PyObject *
groupby_setstate(kr_groupby *lz, PyObject *state)
{
    PyObject *currkey, *currvalue, *tgtkey;
    if (kr_itertools_check_state_tuple(state) < 0)
        return NULL;
    if (!PyArg_ParseTuple(state, "OOO", &currkey, &currvalue, &tgtkey))
        return NULL;
    Py_XSETREF(lz->currkey, Py_NewRef(currkey));
    Py_XSETREF(lz->currvalue, Py_NewRef(currvalue));
    Py_XSETREF(lz->tgtkey, Py_NewRef(tgtkey));
    Py_RETURN_NONE;
}

static PyMethodDef groupby_methods[] = {
    {"__reduce__", (PyCFunction)groupby_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)groupby_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_groupby_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.groupby",
    .tp_basicsize = sizeof(kr_groupby),
    .tp_dealloc = groupby_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "groupby(iterable, key=None)\n--\n\n"
              "make an iterator that returns consecutive keys and groups from the iterable\n\n"
              "  iterable\n    Elements to divide into groups according to the key function.\n"
              "  key\n    A function for computing the group category for each element.\n"
              "    If the key function is not specified or is None, the element itself\n"
              "    is used for grouping.",
    .tp_traverse = groupby_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)groupby_next,
    .tp_methods = groupby_methods,
    .tp_new = groupby_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- _grouper ---- */

KR_IT_FIELD_FUNCS(grouper, kr_grouper, parent, 2)

static PyObject *
grouper_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *parent, *tgtkey;
    if (!_PyArg_NoKeywords("_grouper", kwds))
        return NULL;
    if (!PyArg_ParseTuple(args, "O!O:_grouper", &kr_groupby_type, &parent, &tgtkey))
        return NULL;
    return grouper_create((kr_groupby *)parent, tgtkey);
}

static PyObject *
grouper_next(kr_grouper *igo)
{
    kr_groupby *gbo = (kr_groupby *)igo->parent;
    if (gbo->currgrouper != (PyObject *)igo)
        return NULL;
    if (gbo->currvalue == NULL) {
        if (groupby_step(gbo) < 0)
            return NULL;
    }
    int rcmp = PyObject_RichCompareBool(igo->tgtkey, gbo->currkey, Py_EQ);
    if (rcmp <= 0)
        return NULL;   /* an error, or the end of this group */
    PyObject *r = gbo->currvalue;
    gbo->currvalue = NULL;
    Py_CLEAR(gbo->currkey);
    return r;
}

static PyObject *
grouper_reduce(kr_grouper *lz, PyObject *unused)
{
    if (((kr_groupby *)lz->parent)->currgrouper != (PyObject *)lz) {
        PyObject *iter = kr_builtin_iter();
        if (iter == NULL)
            return NULL;
        return Py_BuildValue("O(())", iter);
    }
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->parent, lz->tgtkey);
}

static PyMethodDef grouper_methods[] = {
    {"__reduce__", (PyCFunction)grouper_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_grouper_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(kr_grouper),
    .tp_dealloc = grouper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = grouper_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)grouper_next,
    .tp_methods = grouper_methods,
    .tp_new = grouper_new,
    .tp_free = PyObject_GC_Del,
};
