/* enumobject.c: enumerate and reversed.
 *
 * enumerate counts in a Py_ssize_t and moves to a Python int only when
 * the count reaches PY_SSIZE_T_MAX (or starts beyond it).  reversed uses
 * the object's __reversed__ when there is one, else walks the sequence
 * protocol backwards from len - 1.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"

/* ---- enumerate ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t en_index;     /* the count while it fits */
    PyObject *en_sit;        /* the underlying iterator */
    PyObject *en_longindex;  /* the count once it no longer fits, else NULL */
} kr_enumobject;

static PyObject *
kr_enum_new_impl(PyTypeObject *type, PyObject *iterable, PyObject *start)
{
    kr_enumobject *en = (kr_enumobject *)type->tp_alloc(type, 0);
    if (en == NULL)
        return NULL;
    en->en_index = 0;
    en->en_longindex = NULL;
    en->en_sit = NULL;
    if (start != NULL) {
        start = PyNumber_Index(start);
        if (start == NULL) {
            Py_DECREF(en);
            return NULL;
        }
        en->en_index = PyLong_AsSsize_t(start);
        if (en->en_index == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            en->en_index = PY_SSIZE_T_MAX;
            en->en_longindex = start;
        }
        else {
            Py_DECREF(start);
        }
    }
    en->en_sit = PyObject_GetIter(iterable);
    if (en->en_sit == NULL) {
        Py_DECREF(en);
        return NULL;
    }
    return (PyObject *)en;
}

static int
kr_enum_check_keyword(PyObject *kwnames, Py_ssize_t index, const char *name)
{
    PyObject *kw = PyTuple_GET_ITEM(kwnames, index);
    if (!_PyUnicode_EqualToASCIIString(kw, name)) {
        PyErr_Format(PyExc_TypeError, "'%S' is an invalid keyword argument for enumerate()", kw);
        return 0;
    }
    return 1;
}

/* enumerate(iterable, start=0), keywords matched by hand */
static PyObject *
kr_enum_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyTypeObject *tp = (PyTypeObject *)type;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkwargs = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkwargs == 2) {
        if (nkwargs == 1) {
            if (!kr_enum_check_keyword(kwnames, 0, "start"))
                return NULL;
        }
        else if (nkwargs == 2) {
            if (_PyUnicode_EqualToASCIIString(PyTuple_GET_ITEM(kwnames, 0), "start")) {
                if (!kr_enum_check_keyword(kwnames, 1, "iterable"))
                    return NULL;
                return kr_enum_new_impl(tp, args[1], args[0]);
            }
            if (!kr_enum_check_keyword(kwnames, 0, "iterable") ||
                !kr_enum_check_keyword(kwnames, 1, "start"))
                return NULL;
        }
        return kr_enum_new_impl(tp, args[0], args[1]);
    }
    if (nargs + nkwargs == 1) {
        if (nkwargs == 1 && !kr_enum_check_keyword(kwnames, 0, "iterable"))
            return NULL;
        return kr_enum_new_impl(tp, args[0], NULL);
    }
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                 nargs + nkwargs);
    return NULL;
}

/* tp_new: flattens (args, kwargs) into the vectorcall form */
static PyObject *
kr_enum_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkw = kwds ? PyDict_GET_SIZE(kwds) : 0;
    if (nargs + nkw > 2) {
        if (nargs == 0) {
            PyErr_SetString(PyExc_TypeError, "enumerate() missing required argument 'iterable'");
            return NULL;
        }
        PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                     nargs + nkw);
        return NULL;
    }
    PyObject *stack[2];
    for (Py_ssize_t i = 0; i < nargs; i++)
        stack[i] = PyTuple_GET_ITEM(args, i);
    PyObject *kwnames = NULL;
    if (nkw) {
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL)
            return NULL;
        Py_ssize_t pos = 0, j = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            PyTuple_SET_ITEM(kwnames, j, Py_NewRef(k));
            stack[nargs + j] = v;
            j++;
        }
    }
    PyObject *res = kr_enum_vectorcall((PyObject *)type, stack, (size_t)nargs, kwnames);
    Py_XDECREF(kwnames);
    return res;
}

static void
kr_enum_dealloc(kr_enumobject *en)
{
    PyObject_GC_UnTrack(en);
    Py_XDECREF(en->en_sit);
    Py_XDECREF(en->en_longindex);
    Py_TYPE(en)->tp_free(en);
}

static int
kr_enum_traverse(kr_enumobject *en, visitproc visit, void *arg)
{
    Py_VISIT(en->en_sit);
    Py_VISIT(en->en_longindex);
    return 0;
}

static PyObject *
kr_enum_next_long(kr_enumobject *en, PyObject *next_item)
{
    if (en->en_longindex == NULL) {
        en->en_longindex = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
        if (en->en_longindex == NULL) {
            Py_DECREF(next_item);
            return NULL;
        }
    }
    PyObject *next_index = en->en_longindex;
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    PyObject *stepped_up = PyNumber_Add(next_index, one);
    Py_DECREF(one);
    if (stepped_up == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    en->en_longindex = stepped_up;
    PyObject *result = PyTuple_Pack(2, next_index, next_item);
    Py_DECREF(next_index);
    Py_DECREF(next_item);
    return result;
}

static PyObject *
kr_enum_next(kr_enumobject *en)
{
    PyObject *it = en->en_sit;
    PyObject *next_item = (*Py_TYPE(it)->tp_iternext)(it);
    if (next_item == NULL)
        return NULL;
    if (en->en_index == PY_SSIZE_T_MAX)
        return kr_enum_next_long(en, next_item);
    PyObject *next_index = PyLong_FromSsize_t(en->en_index);
    if (next_index == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    en->en_index++;
    PyObject *items[2] = {next_index, next_item};
    return _PyTuple_FromArraySteal(items, 2);
}

static PyObject *
kr_enum_reduce(kr_enumobject *en, PyObject *unused)
{
    if (en->en_longindex != NULL)
        return Py_BuildValue("O(OO)", Py_TYPE(en), en->en_sit, en->en_longindex);
    return Py_BuildValue("O(On)", Py_TYPE(en), en->en_sit, en->en_index);
}

static PyObject *
kr_enum_class_getitem(PyObject *cls, PyObject *args)
{
    return Py_GenericAlias(cls, args);
}

static PyMethodDef kr_enum_methods[] = {
    {"__reduce__", (PyCFunction)kr_enum_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", kr_enum_class_getitem, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyEnum_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(kr_enumobject),
    .tp_dealloc = (destructor)kr_enum_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Return an enumerate object.\n\n"
              "  iterable\n    an object supporting iteration\n\n"
              "The enumerate object yields pairs containing a count (from start, which\n"
              "defaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n"
              "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .tp_traverse = (traverseproc)kr_enum_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_enum_next,
    .tp_methods = kr_enum_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_enum_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_enum_vectorcall,
};

/* ---- reversed ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *seq;   /* NULL once exhausted */
} kr_reversedobject;

static PyObject *
kr_reversed_new_impl(PyTypeObject *type, PyObject *seq)
{
    PyObject *name = PyUnicode_InternFromString("__reversed__");
    if (name == NULL)
        return NULL;
    PyObject *reversed_meth = _PyObject_LookupSpecial(seq, name);
    Py_DECREF(name);
    if (reversed_meth == Py_None) {
        Py_DECREF(reversed_meth);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible", Py_TYPE(seq)->tp_name);
        return NULL;
    }
    if (reversed_meth != NULL) {
        PyObject *res = PyObject_CallNoArgs(reversed_meth);
        Py_DECREF(reversed_meth);
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
    if (!PySequence_Check(seq)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible", Py_TYPE(seq)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PySequence_Size(seq);
    if (n == -1)
        return NULL;
    kr_reversedobject *ro = (kr_reversedobject *)type->tp_alloc(type, 0);
    if (ro == NULL)
        return NULL;
    ro->index = n - 1;
    ro->seq = Py_NewRef(seq);
    return (PyObject *)ro;
}

static PyObject *
kr_reversed_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyReversed_Type || type->tp_init == PyReversed_Type.tp_init) &&
        !_PyArg_NoKeywords("reversed", kwds))
        return NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!KR_CHECK_NARGS("reversed", nargs, 1, 1))
        return NULL;
    return kr_reversed_new_impl(type, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
kr_reversed_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("reversed", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!KR_CHECK_NARGS("reversed", nargs, 1, 1))
        return NULL;
    return kr_reversed_new_impl((PyTypeObject *)type, args[0]);
}

static void
kr_reversed_dealloc(kr_reversedobject *ro)
{
    PyObject_GC_UnTrack(ro);
    Py_XDECREF(ro->seq);
    Py_TYPE(ro)->tp_free(ro);
}

static int
kr_reversed_traverse(kr_reversedobject *ro, visitproc visit, void *arg)
{
    Py_VISIT(ro->seq);
    return 0;
}

static PyObject *
kr_reversed_next(kr_reversedobject *ro)
{
    Py_ssize_t index = ro->index;
    if (index >= 0) {
        PyObject *item = PySequence_GetItem(ro->seq, index);
        if (item != NULL) {
            ro->index--;
            return item;
        }
        if (PyErr_ExceptionMatches(PyExc_IndexError) ||
            PyErr_ExceptionMatches(PyExc_StopIteration))
            PyErr_Clear();
    }
    ro->index = -1;
    Py_CLEAR(ro->seq);
    return NULL;
}

static PyObject *
kr_reversed_len(kr_reversedobject *ro, PyObject *unused)
{
    if (ro->seq == NULL)
        return PyLong_FromLong(0);
    Py_ssize_t seqsize = PySequence_Size(ro->seq);
    if (seqsize == -1)
        return NULL;
    Py_ssize_t position = ro->index + 1;
    return PyLong_FromSsize_t(seqsize < position ? 0 : position);
}

static PyObject *
kr_reversed_reduce(kr_reversedobject *ro, PyObject *unused)
{
    if (ro->seq)
        return Py_BuildValue("O(O)n", Py_TYPE(ro), ro->seq, ro->index);
    return Py_BuildValue("O(())", Py_TYPE(ro));
}

static PyObject *
kr_reversed_setstate(kr_reversedobject *ro, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (ro->seq != NULL) {
        Py_ssize_t n = PySequence_Size(ro->seq);
        if (n < 0)
            return NULL;
        if (index < -1)
            index = -1;
        else if (index > n - 1)
            index = n - 1;
        ro->index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef kr_reversed_methods[] = {
    {"__length_hint__", (PyCFunction)kr_reversed_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)kr_reversed_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)kr_reversed_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyReversed_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "reversed",
    .tp_basicsize = sizeof(kr_reversedobject),
    .tp_dealloc = (destructor)kr_reversed_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = (traverseproc)kr_reversed_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_reversed_next,
    .tp_methods = kr_reversed_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_reversed_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_reversed_vectorcall,
};
