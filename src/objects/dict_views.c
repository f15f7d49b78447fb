/* dict_views.c: dict_keys, dict_values and dict_items.
 *
 * A view is a live window on its dict.  Keys and items views are
 * set-like: they compare as sets and support & | ^ - and isdisjoint,
 * producing plain sets built in the same order CPython builds them (set
 * iteration order shows in output).  Values views are just iterable.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "objects/dict_internal.h"

typedef struct {
    PyObject_HEAD
    PyDictObject *dv_dict;
} kr_dictview;

PyObject *
_PyDictView_New(PyObject *dict, PyTypeObject *type)
{
    if (dict == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%s() requires a dict argument, not '%s'",
                     type->tp_name, Py_TYPE(dict)->tp_name);
        return NULL;
    }
    kr_dictview *dv = PyObject_GC_New(kr_dictview, type);
    if (dv == NULL)
        return NULL;
    dv->dv_dict = (PyDictObject *)Py_NewRef(dict);
    PyObject_GC_Track(dv);
    return (PyObject *)dv;
}

PyObject *
kr_dict_keys_meth(PyObject *self, PyObject *unused)
{
    return _PyDictView_New(self, &PyDictKeys_Type);
}

PyObject *
kr_dict_values_meth(PyObject *self, PyObject *unused)
{
    return _PyDictView_New(self, &PyDictValues_Type);
}

PyObject *
kr_dict_items_meth(PyObject *self, PyObject *unused)
{
    return _PyDictView_New(self, &PyDictItems_Type);
}

static void
kr_dictview_dealloc(kr_dictview *dv)
{
    PyObject_GC_UnTrack(dv);
    Py_XDECREF(dv->dv_dict);
    PyObject_GC_Del(dv);
}

static int
kr_dictview_traverse(kr_dictview *dv, visitproc visit, void *arg)
{
    Py_VISIT(dv->dv_dict);
    return 0;
}

static Py_ssize_t
kr_dictview_len(kr_dictview *dv)
{
    return dv->dv_dict ? dv->dv_dict->ma_used : 0;
}

static PyObject *
kr_dictview_repr(kr_dictview *dv)
{
    int rc = Py_ReprEnter((PyObject *)dv);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("...") : NULL;
    PyObject *result = NULL;
    PyObject *seq = PySequence_List((PyObject *)dv);
    if (seq != NULL) {
        result = PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(dv)), seq);
        Py_DECREF(seq);
    }
    Py_ReprLeave((PyObject *)dv);
    return result;
}

static PyObject *
kr_dictview_mapping(PyObject *view, void *closure)
{
    return PyDictProxy_New((PyObject *)((kr_dictview *)view)->dv_dict);
}

static PyGetSetDef kr_dictview_getset[] = {
    {"mapping", kr_dictview_mapping, NULL,
     "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- membership ---- */

static int
kr_dictkeys_contains(kr_dictview *dv, PyObject *obj)
{
    if (dv->dv_dict == NULL)
        return 0;
    return PyDict_Contains((PyObject *)dv->dv_dict, obj);
}

static int
kr_dictitems_contains(kr_dictview *dv, PyObject *obj)
{
    if (dv->dv_dict == NULL)
        return 0;
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 2)
        return 0;
    PyObject *key = PyTuple_GET_ITEM(obj, 0);
    PyObject *value = PyTuple_GET_ITEM(obj, 1);
    PyObject *found = PyDict_GetItemWithError((PyObject *)dv->dv_dict, key);
    if (found == NULL)
        return PyErr_Occurred() ? -1 : 0;
    Py_INCREF(found);
    int result = PyObject_RichCompareBool(found, value, Py_EQ);
    Py_DECREF(found);
    return result;
}

/* ---- iteration ---- */

static PyObject *
kr_dictkeys_iter(kr_dictview *dv)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return kr_dictiter_new(dv->dv_dict, &PyDictIterKey_Type);
}

static PyObject *
kr_dictvalues_iter(kr_dictview *dv)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return kr_dictiter_new(dv->dv_dict, &PyDictIterValue_Type);
}

static PyObject *
kr_dictitems_iter(kr_dictview *dv)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return kr_dictiter_new(dv->dv_dict, &PyDictIterItem_Type);
}

static PyObject *
kr_dictkeys_reversed(kr_dictview *dv, PyObject *unused)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return kr_dictiter_new(dv->dv_dict, &PyDictRevIterKey_Type);
}

static PyObject *
kr_dictvalues_reversed(kr_dictview *dv, PyObject *unused)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return kr_dictiter_new(dv->dv_dict, &PyDictRevIterValue_Type);
}

static PyObject *
kr_dictitems_reversed(kr_dictview *dv, PyObject *unused)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return kr_dictiter_new(dv->dv_dict, &PyDictRevIterItem_Type);
}

/* ---- comparisons, as sets ---- */

/* Whether every item of `self` is in `other`: 1, 0 or -1. */
static int
kr_all_contained_in(PyObject *self, PyObject *other)
{
    PyObject *iter = PyObject_GetIter(self);
    if (iter == NULL)
        return -1;
    int ok = 1;
    for (;;) {
        PyObject *next = PyIter_Next(iter);
        if (next == NULL) {
            if (PyErr_Occurred())
                ok = -1;
            break;
        }
        ok = PySequence_Contains(other, next);
        Py_DECREF(next);
        if (ok <= 0)
            break;
    }
    Py_DECREF(iter);
    return ok;
}

static PyObject *
kr_dictview_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyAnySet_Check(other) && !PyDictViewSet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t len_self = PyObject_Size(self);
    if (len_self < 0)
        return NULL;
    Py_ssize_t len_other = PyObject_Size(other);
    if (len_other < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other)
            ok = kr_all_contained_in(self, other);
        if (op == Py_NE && ok >= 0)
            ok = !ok;
        break;
    case Py_LT:
        if (len_self < len_other)
            ok = kr_all_contained_in(self, other);
        break;
    case Py_LE:
        if (len_self <= len_other)
            ok = kr_all_contained_in(self, other);
        break;
    case Py_GT:
        if (len_self > len_other)
            ok = kr_all_contained_in(other, self);
        break;
    case Py_GE:
        if (len_self >= len_other)
            ok = kr_all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return Py_NewRef(ok ? Py_True : Py_False);
}

/* ---- set algebra ---- */

/* A new set holding the items of `self` (a view, or for reflected
 * operators any iterable). */
static PyObject *
kr_dictview_to_set(PyObject *self)
{
    PyObject *left = self;
    if (PyDictKeys_Check(self)) {
        /* iterating the dict itself skips the view's iterator */
        PyObject *dict = (PyObject *)((kr_dictview *)self)->dv_dict;
        if (PyDict_CheckExact(dict))
            left = dict;
    }
    return PySet_New(left);
}

static PyObject *
kr_dictviews_sub(PyObject *self, PyObject *other)
{
    PyObject *result = kr_dictview_to_set(self);
    if (result == NULL)
        return NULL;
    if (kr_set_difference_update_internal(result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

PyObject *
_PyDictView_Intersect(PyObject *self, PyObject *other)
{
    /* reflected: make `self` the view */
    if (!PyDictViewSet_Check(self)) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    Py_ssize_t len_self = kr_dictview_len((kr_dictview *)self);

    /* a set at least as big does the job itself */
    if (PySet_CheckExact(other) || PyFrozenSet_CheckExact(other)) {
        Py_ssize_t len_other = PyObject_Size(other);
        if (len_other < 0)
            return NULL;
        if (len_self <= len_other) {
            PyObject *name = PyUnicode_InternFromString("intersection");
            if (name == NULL)
                return NULL;
            PyObject *res = PyObject_CallMethodOneArg(other, name, self);
            Py_DECREF(name);
            return res;
        }
    }
    /* iterate over the smaller of two views */
    if (PyDictViewSet_Check(other)) {
        Py_ssize_t len_other = kr_dictview_len((kr_dictview *)other);
        if (len_other > len_self) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    PyObject *result = PySet_New(NULL);
    if (result == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    int (*contains)(kr_dictview *, PyObject *) =
        PyDictKeys_Check(self) ? kr_dictkeys_contains : kr_dictitems_contains;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv = contains((kr_dictview *)self, key);
        if (rv < 0 || (rv && PySet_Add(result, key) < 0)) {
            Py_DECREF(key);
            goto error;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
error:
    Py_DECREF(it);
    Py_DECREF(result);
    return NULL;
}

static PyObject *
kr_dictviews_or(PyObject *self, PyObject *other)
{
    PyObject *result = kr_dictview_to_set(self);
    if (result == NULL)
        return NULL;
    if (kr_set_update_internal(result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* items ^ items: pairs of the second dict not matched in the first, then
 * what is left of the first (CPython's order). */
static PyObject *
kr_dictitems_xor(PyObject *self, PyObject *other)
{
    PyObject *d1 = (PyObject *)((kr_dictview *)self)->dv_dict;
    PyObject *d2 = (PyObject *)((kr_dictview *)other)->dv_dict;
    PyObject *temp = PyDict_Copy(d1);
    if (temp == NULL)
        return NULL;
    PyObject *result = PySet_New(NULL);
    if (result == NULL) {
        Py_DECREF(temp);
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *val2;
    Py_hash_t hash;
    while (_PyDict_Next(d2, &pos, &key, &val2, &hash)) {
        Py_INCREF(key);
        Py_INCREF(val2);
        int to_delete = 0, err = 0;
        PyObject *val1 = _PyDict_GetItem_KnownHash(temp, key, hash);
        if (val1 == NULL) {
            if (PyErr_Occurred())
                err = -1;
        }
        else {
            Py_INCREF(val1);
            to_delete = PyObject_RichCompareBool(val1, val2, Py_EQ);
            Py_DECREF(val1);
            if (to_delete < 0)
                err = -1;
        }
        if (err == 0) {
            if (to_delete) {
                err = _PyDict_DelItem_KnownHash(temp, key, hash);
            }
            else {
                PyObject *pair = PyTuple_Pack(2, key, val2);
                if (pair == NULL)
                    err = -1;
                else {
                    err = PySet_Add(result, pair);
                    Py_DECREF(pair);
                }
            }
        }
        Py_DECREF(key);
        Py_DECREF(val2);
        if (err < 0)
            goto error;
    }
    PyObject *remaining = PyDict_Items(temp);
    if (remaining == NULL)
        goto error;
    int err = kr_set_update_internal(result, remaining);
    Py_DECREF(remaining);
    if (err < 0)
        goto error;
    Py_DECREF(temp);
    return result;
error:
    Py_DECREF(temp);
    Py_DECREF(result);
    return NULL;
}

static PyObject *
kr_dictviews_xor(PyObject *self, PyObject *other)
{
    if (PyDictItems_Check(self) && PyDictItems_Check(other))
        return kr_dictitems_xor(self, other);
    PyObject *result = kr_dictview_to_set(self);
    if (result == NULL)
        return NULL;
    if (kr_set_symmetric_difference_update_internal(result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
kr_dictviews_isdisjoint(PyObject *self, PyObject *other)
{
    if (self == other) {
        if (kr_dictview_len((kr_dictview *)self) == 0)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    /* iterate over the shorter one, when asking the other is cheap */
    if (PyAnySet_Check(other) || PyDictViewSet_Check(other)) {
        Py_ssize_t len_self = kr_dictview_len((kr_dictview *)self);
        Py_ssize_t len_other = PyObject_Size(other);
        if (len_other == -1)
            return NULL;
        if (len_other > len_self) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int contains = PySequence_Contains(self, item);
        Py_DECREF(item);
        if (contains == -1) {
            Py_DECREF(it);
            return NULL;
        }
        if (contains) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

static PyNumberMethods kr_dictviews_as_number = {
    .nb_subtract = kr_dictviews_sub,
    .nb_and = _PyDictView_Intersect,
    .nb_xor = kr_dictviews_xor,
    .nb_or = kr_dictviews_or,
};

static PySequenceMethods kr_dictkeys_as_sequence = {
    .sq_length = (lenfunc)kr_dictview_len,
    .sq_contains = (objobjproc)kr_dictkeys_contains,
};

static PySequenceMethods kr_dictitems_as_sequence = {
    .sq_length = (lenfunc)kr_dictview_len,
    .sq_contains = (objobjproc)kr_dictitems_contains,
};

static PySequenceMethods kr_dictvalues_as_sequence = {
    .sq_length = (lenfunc)kr_dictview_len,
};

static PyMethodDef kr_dictkeys_methods[] = {
    {"isdisjoint", kr_dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (PyCFunction)kr_dictkeys_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}
};

static PyMethodDef kr_dictitems_methods[] = {
    {"isdisjoint", kr_dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (PyCFunction)kr_dictitems_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL}
};

static PyMethodDef kr_dictvalues_methods[] = {
    {"__reversed__", (PyCFunction)kr_dictvalues_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyDictKeys_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(kr_dictview),
    .tp_dealloc = (destructor)kr_dictview_dealloc,
    .tp_repr = (reprfunc)kr_dictview_repr,
    .tp_as_number = &kr_dictviews_as_number,
    .tp_as_sequence = &kr_dictkeys_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)kr_dictview_traverse,
    .tp_richcompare = kr_dictview_richcompare,
    .tp_iter = (getiterfunc)kr_dictkeys_iter,
    .tp_methods = kr_dictkeys_methods,
    .tp_getset = kr_dictview_getset,
};

PyTypeObject PyDictItems_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(kr_dictview),
    .tp_dealloc = (destructor)kr_dictview_dealloc,
    .tp_repr = (reprfunc)kr_dictview_repr,
    .tp_as_number = &kr_dictviews_as_number,
    .tp_as_sequence = &kr_dictitems_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)kr_dictview_traverse,
    .tp_richcompare = kr_dictview_richcompare,
    .tp_iter = (getiterfunc)kr_dictitems_iter,
    .tp_methods = kr_dictitems_methods,
    .tp_getset = kr_dictview_getset,
};

PyTypeObject PyDictValues_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(kr_dictview),
    .tp_dealloc = (destructor)kr_dictview_dealloc,
    .tp_repr = (reprfunc)kr_dictview_repr,
    .tp_as_sequence = &kr_dictvalues_as_sequence,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)kr_dictview_traverse,
    .tp_iter = (getiterfunc)kr_dictvalues_iter,
    .tp_methods = kr_dictvalues_methods,
    .tp_getset = kr_dictview_getset,
};
