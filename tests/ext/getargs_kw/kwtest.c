/* PyArg_ParseTupleAndKeywords and PyArg_ParseTuple driven through their
 * argument matching: positional and keyword arguments, positional-only
 * and keyword-only parameters, every count error, conversion errors of
 * keyword arguments, malformed formats and keyword lists, cleanup of
 * converters when a later argument fails, and what a METH_VARARGS |
 * METH_KEYWORDS function receives (its args tuple and kwargs dict). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* "iO|d:parse", the benchmark's shape */
static PyObject *parse(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"count", "obj", "scale", NULL};
    int count;
    PyObject *obj;
    double scale = 1.0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iO|d:parse", kwlist, &count, &obj, &scale))
        return NULL;
    return Py_BuildValue("(iOd)", count, obj, scale);
}

/* the same without a function name, then with a custom message */
static PyObject *noname(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"count", "obj", "scale", NULL};
    int count;
    PyObject *obj;
    double scale = 1.0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iO|d", kwlist, &count, &obj, &scale))
        return NULL;
    return Py_BuildValue("(iOd)", count, obj, scale);
}

static PyObject *custom(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"count", "obj", "scale", NULL};
    int count;
    PyObject *obj;
    double scale = 1.0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iO|d;custom: give count and obj", kwlist,
                                     &count, &obj, &scale))
        return NULL;
    return Py_BuildValue("(iOd)", count, obj, scale);
}

/* positional-only, optional, keyword-only */
static PyObject *posonly(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"", "", "c", "d", "e", NULL};
    int a, b = -2, c = -3, d = -4, e = -5;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "ii|i$ii:posonly", kwlist, &a, &b, &c, &d, &e))
        return NULL;
    return Py_BuildValue("(iiiii)", a, b, c, d, e);
}

static PyObject *posonly_opt(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"", "", "c", NULL};
    int a, b = -2, c = -3;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i|ii", kwlist, &a, &b, &c))
        return NULL;
    return Py_BuildValue("(iii)", a, b, c);
}

/* required keyword-only ('$' without '|') */
static PyObject *kwreq(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"a", "b", NULL};
    int a, b;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i$i:kwreq", kwlist, &a, &b))
        return NULL;
    return Py_BuildValue("(ii)", a, b);
}

static PyObject *kwonly_all(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"a", "b", NULL};
    int a = -1, b = -2;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|$ii:kwonly_all", kwlist, &a, &b))
        return NULL;
    return Py_BuildValue("(ii)", a, b);
}

static PyObject *single(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"x", NULL};
    PyObject *x = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:single", kwlist, &x))
        return NULL;
    return Py_BuildValue("(O)", x ? x : Py_None);
}

static PyObject *none(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, ":none", kwlist))
        return NULL;
    Py_RETURN_NONE;
}

/* a unit of every family, for conversion errors given by keyword */
static PyObject *typed(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"n", "s", "pair", "flag", "f", "lst", "nn", NULL};
    long n = 0;
    const char *s = "";
    int p1 = 0, p2 = 0, flag = 0;
    double f = 0;
    PyObject *lst = NULL;
    Py_ssize_t nn = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|ls(ii)pdO!n:typed", kwlist, &n, &s, &p1, &p2,
                                     &flag, &f, &PyList_Type, &lst, &nn))
        return NULL;
    return Py_BuildValue("(lsiiidOn)", n, s, p1, p2, flag, f, lst ? lst : Py_None, nn);
}

/* non-ASCII parameter names (UTF-8 in the keyword list) */
static PyObject *utf8names(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"\xc3\xa9t\xc3\xa9", "hiver", NULL};
    PyObject *a = NULL, *b = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OO:utf8names", kwlist, &a, &b))
        return NULL;
    return Py_BuildValue("(OO)", a ? a : Py_None, b ? b : Py_None);
}

/* a converter with cleanup: a later failure must run its cleanup */
static int cleanups;
static int conv_str(PyObject *o, void *out)
{
    if (o == NULL) {
        cleanups++;
        Py_CLEAR(*(PyObject **)out);
        return 0;
    }
    if (!PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "conv_str wants str");
        return 0;
    }
    *(PyObject **)out = Py_NewRef(o);
    return Py_CLEANUP_SUPPORTED;
}

static PyObject *withconv(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"a", "b", "c", NULL};
    PyObject *a = NULL;
    int b = 0;
    Py_buffer c = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|iy*:withconv", kwlist, conv_str, &a, &b, &c)) {
        /* the error, and how many cleanups ran */
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        PyObject *r = Py_BuildValue("(OOi)", type, value ? value : Py_None, cleanups);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return r;
    }
    PyObject *r = Py_BuildValue("(Oin)", a, b, c.buf ? c.len : (Py_ssize_t)-1);
    Py_DECREF(a);
    if (c.buf)
        PyBuffer_Release(&c);
    return r;
}

/* malformed formats and keyword lists: SystemError, when reached */
static PyObject *bad(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwl2[] = {"a", "b", NULL};
    static char *kwl3[] = {"a", "b", "c", NULL};
    static char *kwlempty[] = {"a", "", NULL};
    static char *kwlpos[] = {"", "b", NULL};
    int which;
    PyObject *rest;
    if (!PyArg_ParseTuple(args, "iO", &which, &rest))
        return NULL;
    if (!PyTuple_Check(rest)) {
        PyErr_SetString(PyExc_TypeError, "rest must be a tuple");
        return NULL;
    }
    int a = 0, b = 0, c = 0;
    int ok = 0;
    switch (which) {
    case 0: ok = PyArg_ParseTupleAndKeywords(rest, kw, "i|i:bad", kwl3, &a, &b, &c); break;
    case 1: ok = PyArg_ParseTupleAndKeywords(rest, kw, "i|ii:bad", kwl2, &a, &b, &c); break;
    case 2: ok = PyArg_ParseTupleAndKeywords(rest, kw, "i||i:bad", kwl2, &a, &b); break;
    case 3: ok = PyArg_ParseTupleAndKeywords(rest, kw, "i$|i:bad", kwl2, &a, &b); break;
    case 4: ok = PyArg_ParseTupleAndKeywords(rest, kw, "i$$i:bad", kwl2, &a, &b); break;
    case 5: ok = PyArg_ParseTupleAndKeywords(rest, kw, "i|i:bad", kwlempty, &a, &b); break;
    case 6: ok = PyArg_ParseTupleAndKeywords(rest, kw, "$ii:bad", kwlpos, &a, &b); break;
    case 7: ok = PyArg_ParseTupleAndKeywords(rest, kw, "i|q:bad", kwl2, &a, &b); break;
    case 8: ok = PyArg_ParseTuple(rest, "i|q:bad", &a, &b); break;
    default: Py_RETURN_NONE;
    }
    if (!ok)
        return NULL;
    return Py_BuildValue("(iii)", a, b, c);
}

/* PyArg_ParseTuple counts and messages */
static PyObject *tuple_counts(PyObject *m, PyObject *args)
{
    int which;
    PyObject *rest;
    if (!PyArg_ParseTuple(args, "iO!:tuple_counts", &which, &PyTuple_Type, &rest))
        return NULL;
    int a = 0, b = 0, c = 0;
    const char *s = NULL;
    char *enc = NULL;
    int ok = 0;
    switch (which) {
    case 0: ok = PyArg_ParseTuple(rest, ":zero"); break;
    case 1: ok = PyArg_ParseTuple(rest, "i:one", &a); break;
    case 2: ok = PyArg_ParseTuple(rest, "i|ii:opt", &a, &b, &c); break;
    case 3: ok = PyArg_ParseTuple(rest, "(ii)i", &a, &b, &c); break;
    case 4: ok = PyArg_ParseTuple(rest, "i|i;two ints please", &a, &b); break;
    case 5: ok = PyArg_ParseTuple(rest, ""); break;
    case 6: ok = PyArg_ParseTuple(rest, "is", &a, &s); break;
    case 7: ok = PyArg_ParseTuple(rest, "es|i:enc", "ascii", &enc, &a); break;
    case 8: ok = PyArg_ParseTuple(rest, "i i", &a, &b); break;
    case 9: ok = PyArg_ParseTuple(rest, "i|$i:dollar", &a, &b); break;
    default: Py_RETURN_NONE;
    }
    if (!ok)
        return NULL;
    PyObject *r = Py_BuildValue("(iiiss)", a, b, c, s ? s : "-", enc ? enc : "-");
    PyMem_Free(enc);
    return r;
}

/* PyArg_Parse, the old form: the argument itself, not a tuple */
static PyObject *old_parse(PyObject *m, PyObject *args)
{
    int which;
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "iO:old_parse", &which, &obj))
        return NULL;
    int a = 0, b = 0;
    int ok = 0;
    switch (which) {
    case 0: ok = PyArg_Parse(obj, "i:old", &a); break;
    case 1: ok = PyArg_Parse(obj, ":old", &a); break;
    case 2: ok = PyArg_Parse(obj, "ii:old", &a, &b); break;
    case 3: ok = PyArg_Parse(obj, "(ii):old", &a, &b); break;
    case 4: ok = PyArg_Parse(obj, "i;old style message", &a); break;
    default: Py_RETURN_NONE;
    }
    if (!ok)
        return NULL;
    return Py_BuildValue("(ii)", a, b);
}

/* What a keyword function receives */
static PyObject *echo(PyObject *m, PyObject *args, PyObject *kw)
{
    return Py_BuildValue("(OO)", args, kw ? kw : Py_None);
}

static PyObject *mutate(PyObject *m, PyObject *args, PyObject *kw)
{
    if (kw != NULL && PyDict_SetItemString(kw, "added", Py_None) < 0)
        return NULL;
    return Py_BuildValue("(nn)", PyTuple_GET_SIZE(args), kw ? PyDict_GET_SIZE(kw) : (Py_ssize_t)-1);
}

static PyObject *varargs(PyObject *m, PyObject *args)
{
    return Py_NewRef(args);
}

/* a method with keywords on a type, through its method descriptor */
static PyObject *meth_kw(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"x", "y", NULL};
    int x, y = 7;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i|i:meth_kw", kwlist, &x, &y))
        return NULL;
    return Py_BuildValue("(sii)", Py_TYPE(self)->tp_name, x, y);
}

static PyMethodDef obj_methods[] = {
    {"meth_kw", (PyCFunction)(void (*)(void))meth_kw, METH_VARARGS | METH_KEYWORDS, NULL},
    {"meth_va", varargs, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Obj_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "kwtest.Obj",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = obj_methods,
    .tp_new = PyType_GenericNew,
};

#define KW(name) {#name, (PyCFunction)(void (*)(void))name, METH_VARARGS | METH_KEYWORDS, NULL}
#define VA(name) {#name, name, METH_VARARGS, NULL}
static PyMethodDef methods[] = {
    KW(parse), KW(noname), KW(custom), KW(posonly), KW(posonly_opt), KW(kwreq), KW(kwonly_all),
    KW(single), KW(none), KW(typed), KW(utf8names), KW(withconv), KW(bad), KW(echo), KW(mutate),
    VA(tuple_counts), VA(old_parse), VA(varargs),
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "kwtest", NULL, -1, methods};

PyMODINIT_FUNC PyInit_kwtest(void)
{
    if (PyType_Ready(&Obj_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&mod);
    if (m != NULL && PyModule_AddObjectRef(m, "Obj", (PyObject *)&Obj_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
