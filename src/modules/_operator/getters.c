/* getters.c: operator.itemgetter, operator.attrgetter and
 * operator.methodcaller, the callables that fetch items, attributes or
 * call methods of their one argument.  itemgetter and attrgetter are
 * called through vectorcall; a one-item itemgetter on an exact tuple
 * with an int index reads the item directly.  attrgetter splits dotted
 * names once, at construction. */
#include "internal.h"
#include "structmember.h"
#include "modules/_operator/operator.h"

/* The shared "f(obj) with one positional argument" check. */
static int
kr_getter_check_call(const char *name, Py_ssize_t nargs, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames(name, kwnames))
        return -1;
    if (!_PyArg_CheckPositional(name, nargs, 1, 1))
        return -1;
    return 0;
}

/* ---- itemgetter ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t nitems;
    PyObject *item;        /* the one item, or the tuple of them */
    Py_ssize_t index;      /* item as a non-negative C index, else -1 */
    vectorcallfunc vectorcall;
} kr_itemgetter;

static PyObject *itemgetter_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                       PyObject *kwnames);

static PyObject *
itemgetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("itemgetter", kwds))
        return NULL;
    Py_ssize_t nitems = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional("itemgetter", nitems, 1, nitems > 1 ? nitems : 1))
        return NULL;
    PyObject *item = nitems <= 1 ? PyTuple_GET_ITEM(args, 0) : args;
    kr_itemgetter *ig = PyObject_GC_New(kr_itemgetter, &kr_itemgetter_type);
    if (ig == NULL)
        return NULL;
    ig->item = Py_NewRef(item);
    ig->nitems = nitems;
    ig->index = -1;
    if (nitems == 1 && PyLong_CheckExact(item)) {
        Py_ssize_t index = PyLong_AsSsize_t(item);
        if (index < 0)
            PyErr_Clear();   /* too big or negative: the general path */
        else
            ig->index = index;
    }
    ig->vectorcall = itemgetter_vectorcall;
    PyObject_GC_Track(ig);
    return (PyObject *)ig;
}

static void
itemgetter_dealloc(kr_itemgetter *ig)
{
    PyObject_GC_UnTrack(ig);
    Py_XDECREF(ig->item);
    PyObject_GC_Del(ig);
}

static int
itemgetter_traverse(kr_itemgetter *ig, visitproc visit, void *arg)
{
    Py_VISIT(ig->item);
    return 0;
}

static PyObject *
itemgetter_get(kr_itemgetter *ig, PyObject *obj)
{
    if (ig->nitems == 1) {
        if (ig->index >= 0 && PyTuple_CheckExact(obj) && ig->index < PyTuple_GET_SIZE(obj))
            return Py_NewRef(PyTuple_GET_ITEM(obj, ig->index));
        return PyObject_GetItem(obj, ig->item);
    }
    PyObject *result = PyTuple_New(ig->nitems);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < ig->nitems; i++) {
        PyObject *val = PyObject_GetItem(obj, PyTuple_GET_ITEM(ig->item, i));
        if (val == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, val);
    }
    return result;
}

static PyObject *
itemgetter_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (kr_getter_check_call("itemgetter", PyVectorcall_NARGS(nargsf), kwnames) < 0)
        return NULL;
    return itemgetter_get((kr_itemgetter *)self, args[0]);
}

static PyObject *
itemgetter_repr(kr_itemgetter *ig)
{
    int status = Py_ReprEnter((PyObject *)ig);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromFormat("%s(...)", Py_TYPE(ig)->tp_name);
    }
    PyObject *repr = PyUnicode_FromFormat(ig->nitems == 1 ? "%s(%R)" : "%s%R",
                                          Py_TYPE(ig)->tp_name, ig->item);
    Py_ReprLeave((PyObject *)ig);
    return repr;
}

static PyObject *
itemgetter_reduce(kr_itemgetter *ig, PyObject *unused)
{
    if (ig->nitems == 1)
        return Py_BuildValue("O(O)", Py_TYPE(ig), ig->item);
    return PyTuple_Pack(2, Py_TYPE(ig), ig->item);
}

static PyMethodDef itemgetter_methods[] = {
    {"__reduce__", (PyCFunction)itemgetter_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef itemgetter_members[] = {
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(kr_itemgetter, vectorcall), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject kr_itemgetter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.itemgetter",
    .tp_basicsize = sizeof(kr_itemgetter),
    .tp_dealloc = (destructor)itemgetter_dealloc,
    .tp_vectorcall_offset = offsetof(kr_itemgetter, vectorcall),
    .tp_repr = (reprfunc)itemgetter_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "itemgetter(item, ...) --> itemgetter object\n\n"
              "Return a callable object that fetches the given item(s) from its operand.\n"
              "After f = itemgetter(2), the call f(r) returns r[2].\n"
              "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
    .tp_traverse = (traverseproc)itemgetter_traverse,
    .tp_methods = itemgetter_methods,
    .tp_members = itemgetter_members,
    .tp_new = itemgetter_new,
};

/* ---- attrgetter ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t nattrs;
    PyObject *attr;        /* tuple: per name, an interned str or a tuple of parts */
    vectorcallfunc vectorcall;
} kr_attrgetter;

static PyObject *attrgetter_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                       PyObject *kwnames);

/* "a.b.c" -> ('a', 'b', 'c'), "a" -> 'a', each part interned.  New ref. */
static PyObject *
attrgetter_split(PyObject *item)
{
    if (!PyUnicode_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "attribute name must be a string");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(item);
    Py_ssize_t dot = PyUnicode_FindChar(item, '.', 0, n, 1);
    if (dot == -2)
        return NULL;
    if (dot == -1) {
        Py_INCREF(item);
        PyUnicode_InternInPlace(&item);
        return item;
    }
    PyObject *dotstr = PyUnicode_FromOrdinal('.');
    if (dotstr == NULL)
        return NULL;
    PyObject *parts = PyUnicode_Split(item, dotstr, -1);
    Py_DECREF(dotstr);
    if (parts == NULL)
        return NULL;
    Py_ssize_t np = PyList_GET_SIZE(parts);
    PyObject *t = PyTuple_New(np);
    if (t == NULL) {
        Py_DECREF(parts);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < np; i++) {
        PyObject *part = Py_NewRef(PyList_GET_ITEM(parts, i));
        PyUnicode_InternInPlace(&part);
        PyTuple_SET_ITEM(t, i, part);
    }
    Py_DECREF(parts);
    return t;
}

static PyObject *
attrgetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("attrgetter", kwds))
        return NULL;
    Py_ssize_t nattrs = PyTuple_GET_SIZE(args);
    if (!_PyArg_CheckPositional("attrgetter", nattrs, 1, nattrs > 1 ? nattrs : 1))
        return NULL;
    PyObject *attr = PyTuple_New(nattrs);
    if (attr == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        PyObject *part = attrgetter_split(PyTuple_GET_ITEM(args, i));
        if (part == NULL) {
            Py_DECREF(attr);
            return NULL;
        }
        PyTuple_SET_ITEM(attr, i, part);
    }
    kr_attrgetter *ag = PyObject_GC_New(kr_attrgetter, &kr_attrgetter_type);
    if (ag == NULL) {
        Py_DECREF(attr);
        return NULL;
    }
    ag->attr = attr;
    ag->nattrs = nattrs;
    ag->vectorcall = attrgetter_vectorcall;
    PyObject_GC_Track(ag);
    return (PyObject *)ag;
}

static void
attrgetter_dealloc(kr_attrgetter *ag)
{
    PyObject_GC_UnTrack(ag);
    Py_XDECREF(ag->attr);
    PyObject_GC_Del(ag);
}

static int
attrgetter_traverse(kr_attrgetter *ag, visitproc visit, void *arg)
{
    Py_VISIT(ag->attr);
    return 0;
}

static PyObject *
attrgetter_dotted(PyObject *obj, PyObject *attr)
{
    if (PyUnicode_Check(attr))
        return PyObject_GetAttr(obj, attr);
    PyObject *cur = Py_NewRef(obj);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(attr); i++) {
        Py_SETREF(cur, PyObject_GetAttr(cur, PyTuple_GET_ITEM(attr, i)));
        if (cur == NULL)
            return NULL;
    }
    return cur;
}

static PyObject *
attrgetter_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    kr_attrgetter *ag = (kr_attrgetter *)self;
    if (kr_getter_check_call("attrgetter", PyVectorcall_NARGS(nargsf), kwnames) < 0)
        return NULL;
    if (ag->nattrs == 1)
        return attrgetter_dotted(args[0], PyTuple_GET_ITEM(ag->attr, 0));
    PyObject *result = PyTuple_New(ag->nattrs);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < ag->nattrs; i++) {
        PyObject *val = attrgetter_dotted(args[0], PyTuple_GET_ITEM(ag->attr, i));
        if (val == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, val);
    }
    return result;
}

/* The names as given: ('a.b', 'c').  New reference. */
static PyObject *
attrgetter_names(kr_attrgetter *ag)
{
    PyObject *names = PyTuple_New(ag->nattrs);
    if (names == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < ag->nattrs; i++) {
        PyObject *attr = PyTuple_GET_ITEM(ag->attr, i);
        PyObject *name;
        if (PyUnicode_Check(attr)) {
            name = Py_NewRef(attr);
        }
        else {
            PyObject *dotstr = PyUnicode_FromOrdinal('.');
            name = dotstr ? PyUnicode_Join(dotstr, attr) : NULL;
            Py_XDECREF(dotstr);
        }
        if (name == NULL) {
            Py_DECREF(names);
            return NULL;
        }
        PyTuple_SET_ITEM(names, i, name);
    }
    return names;
}

static PyObject *
attrgetter_repr(kr_attrgetter *ag)
{
    int status = Py_ReprEnter((PyObject *)ag);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromFormat("%s(...)", Py_TYPE(ag)->tp_name);
    }
    PyObject *repr = NULL, *names = attrgetter_names(ag);
    if (names != NULL) {
        if (ag->nattrs == 1)
            repr = PyUnicode_FromFormat("%s(%R)", Py_TYPE(ag)->tp_name, PyTuple_GET_ITEM(names, 0));
        else
            repr = PyUnicode_FromFormat("%s%R", Py_TYPE(ag)->tp_name, names);
        Py_DECREF(names);
    }
    Py_ReprLeave((PyObject *)ag);
    return repr;
}

static PyObject *
attrgetter_reduce(kr_attrgetter *ag, PyObject *unused)
{
    PyObject *names = attrgetter_names(ag);
    if (names == NULL)
        return NULL;
    return Py_BuildValue("ON", Py_TYPE(ag), names);
}

static PyMethodDef attrgetter_methods[] = {
    {"__reduce__", (PyCFunction)attrgetter_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef attrgetter_members[] = {
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(kr_attrgetter, vectorcall), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject kr_attrgetter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.attrgetter",
    .tp_basicsize = sizeof(kr_attrgetter),
    .tp_dealloc = (destructor)attrgetter_dealloc,
    .tp_vectorcall_offset = offsetof(kr_attrgetter, vectorcall),
    .tp_repr = (reprfunc)attrgetter_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "attrgetter(attr, ...) --> attrgetter object\n\n"
              "Return a callable object that fetches the given attribute(s) from its operand.\n"
              "After f = attrgetter('name'), the call f(r) returns r.name.\n"
              "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
              "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
              "(r.name.first, r.name.last).",
    .tp_traverse = (traverseproc)attrgetter_traverse,
    .tp_methods = attrgetter_methods,
    .tp_members = attrgetter_members,
    .tp_new = attrgetter_new,
};

/* ---- methodcaller ---- */

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *args;     /* tuple */
    PyObject *kwds;     /* dict, or NULL */
} kr_methodcaller;

static PyObject *
methodcaller_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    PyObject *name = PyTuple_GET_ITEM(args, 0);
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "method name must be a string");
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL)
        return NULL;
    PyObject *kwcopy = NULL;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        kwcopy = PyDict_Copy(kwds);
        if (kwcopy == NULL) {
            Py_DECREF(rest);
            return NULL;
        }
    }
    kr_methodcaller *mc = PyObject_GC_New(kr_methodcaller, &kr_methodcaller_type);
    if (mc == NULL) {
        Py_DECREF(rest);
        Py_XDECREF(kwcopy);
        return NULL;
    }
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    mc->name = name;
    mc->args = rest;
    mc->kwds = kwcopy;
    PyObject_GC_Track(mc);
    return (PyObject *)mc;
}

static void
methodcaller_dealloc(kr_methodcaller *mc)
{
    PyObject_GC_UnTrack(mc);
    Py_XDECREF(mc->name);
    Py_XDECREF(mc->args);
    Py_XDECREF(mc->kwds);
    PyObject_GC_Del(mc);
}

static int
methodcaller_traverse(kr_methodcaller *mc, visitproc visit, void *arg)
{
    Py_VISIT(mc->name);
    Py_VISIT(mc->args);
    Py_VISIT(mc->kwds);
    return 0;
}

static PyObject *
methodcaller_call(kr_methodcaller *mc, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("methodcaller", kw))
        return NULL;
    if (!_PyArg_CheckPositional("methodcaller", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    PyObject *method = PyObject_GetAttr(PyTuple_GET_ITEM(args, 0), mc->name);
    if (method == NULL)
        return NULL;
    PyObject *result = PyObject_Call(method, mc->args, mc->kwds);
    Py_DECREF(method);
    return result;
}

static PyObject *
methodcaller_repr(kr_methodcaller *mc)
{
    int status = Py_ReprEnter((PyObject *)mc);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromFormat("%s(...)", Py_TYPE(mc)->tp_name);
    }
    PyObject *repr = NULL, *parts = NULL;
    Py_ssize_t nkw = mc->kwds != NULL ? PyDict_GET_SIZE(mc->kwds) : 0;
    Py_ssize_t npos = PyTuple_GET_SIZE(mc->args);
    if (npos + nkw == 0) {
        repr = PyUnicode_FromFormat("%s(%R)", Py_TYPE(mc)->tp_name, mc->name);
        goto done;
    }
    parts = PyList_New(0);
    if (parts == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < npos; i++) {
        PyObject *r = PyObject_Repr(PyTuple_GET_ITEM(mc->args, i));
        if (r == NULL || PyList_Append(parts, r) < 0) {
            Py_XDECREF(r);
            goto done;
        }
        Py_DECREF(r);
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (nkw > 0 && PyDict_Next(mc->kwds, &pos, &key, &value)) {
        PyObject *r = PyUnicode_FromFormat("%U=%R", key, value);
        if (r == NULL || PyList_Append(parts, r) < 0) {
            Py_XDECREF(r);
            goto done;
        }
        Py_DECREF(r);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    if (joined != NULL) {
        repr = PyUnicode_FromFormat("%s(%R, %U)", Py_TYPE(mc)->tp_name, mc->name, joined);
        Py_DECREF(joined);
    }
done:
    Py_XDECREF(parts);
    Py_ReprLeave((PyObject *)mc);
    return repr;
}

static PyObject *
methodcaller_reduce(kr_methodcaller *mc, PyObject *unused)
{
    if (mc->kwds == NULL || PyDict_GET_SIZE(mc->kwds) == 0) {
        Py_ssize_t n = PyTuple_GET_SIZE(mc->args);
        PyObject *newargs = PyTuple_New(1 + n);
        if (newargs == NULL)
            return NULL;
        PyTuple_SET_ITEM(newargs, 0, Py_NewRef(mc->name));
        for (Py_ssize_t i = 0; i < n; i++)
            PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(mc->args, i)));
        return Py_BuildValue("ON", Py_TYPE(mc), newargs);
    }
    /* keywords: rebuild through functools.partial(methodcaller, name, **kwds) */
    PyObject *functools = PyImport_ImportModule("functools");
    if (functools == NULL)
        return NULL;
    PyObject *partial = PyObject_GetAttrString(functools, "partial");
    Py_DECREF(functools);
    if (partial == NULL)
        return NULL;
    PyObject *newargs[2] = {(PyObject *)Py_TYPE(mc), mc->name};
    PyObject *constructor = PyObject_VectorcallDict(partial, newargs, 2, mc->kwds);
    Py_DECREF(partial);
    if (constructor == NULL)
        return NULL;
    return Py_BuildValue("NO", constructor, mc->args);
}

static PyMethodDef methodcaller_methods[] = {
    {"__reduce__", (PyCFunction)methodcaller_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_methodcaller_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "operator.methodcaller",
    .tp_basicsize = sizeof(kr_methodcaller),
    .tp_dealloc = (destructor)methodcaller_dealloc,
    .tp_repr = (reprfunc)methodcaller_repr,
    .tp_call = (ternaryfunc)methodcaller_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "methodcaller(name, ...) --> methodcaller object\n\n"
              "Return a callable object that calls the given method on its operand.\n"
              "After f = methodcaller('name'), the call f(r) returns r.name().\n"
              "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
              "r.name('date', foo=1).",
    .tp_traverse = (traverseproc)methodcaller_traverse,
    .tp_methods = methodcaller_methods,
    .tp_new = methodcaller_new,
};
