/* The str C API: constructors, PEP 393 accessors, encode/decode, search,
 * split/join, compare, interning, wide chars and the writer. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *kinds(PyObject *m, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "str required");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_UCS4 last = n ? PyUnicode_READ(kind, data, n - 1) : 0;
    return Py_BuildValue("(niiIIi)", n, kind, PyUnicode_IS_ASCII(s), (unsigned)last,
                         (unsigned)PyUnicode_MAX_CHAR_VALUE(s), PyUnicode_IS_COMPACT(s));
}

static PyObject *build(PyObject *m, PyObject *unused)
{
    PyObject *a = PyUnicode_FromString("h\xc3\xa9llo");
    PyObject *b = PyUnicode_FromStringAndSize("world!!", 5);
    Py_UCS4 wide[] = {0x1F600, 'x'};
    PyObject *c = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, wide, 2);
    PyObject *d = PyUnicode_FromOrdinal(0x20AC);
    PyObject *e = PyUnicode_New(3, 0x3A9);
    if (!a || !b || !c || !d || !e)
        return NULL;
    PyUnicode_WRITE(PyUnicode_KIND(e), PyUnicode_DATA(e), 0, 0x3A9);
    PyUnicode_WRITE(PyUnicode_KIND(e), PyUnicode_DATA(e), 1, 'a');
    PyUnicode_WriteChar(e, 2, 'b');
    PyObject *cat = PyUnicode_Concat(a, b);
    PyObject *r = Py_BuildValue("(NNNNNN)", a, b, c, d, e, cat);
    return r;
}

static PyObject *codecs(PyObject *m, PyObject *s)
{
    Py_ssize_t len;
    const char *u8 = PyUnicode_AsUTF8AndSize(s, &len);
    if (u8 == NULL)
        return NULL;
    PyObject *utf8 = PyUnicode_AsUTF8String(s);
    PyObject *latin = PyUnicode_AsEncodedString(s, "latin-1", "replace");
    PyObject *ascii = PyUnicode_AsEncodedString(s, "ascii", "backslashreplace");
    PyObject *back = utf8 ? PyUnicode_DecodeUTF8(PyBytes_AS_STRING(utf8), PyBytes_GET_SIZE(utf8), "strict") : NULL;
    PyObject *bad = PyUnicode_DecodeUTF8("\xff\xfe", 2, "replace");
    return Py_BuildValue("(nNNNNN)", len, utf8, latin, ascii, back, bad);
}

static PyObject *decode_error(PyObject *m, PyObject *b)
{
    return PyUnicode_FromEncodedObject(b, "utf-8", "strict");
}

static PyObject *ops(PyObject *m, PyObject *s)
{
    PyObject *sep = PyUnicode_FromString(",");
    PyObject *parts = PyUnicode_Split(s, sep, -1);
    PyObject *joined = parts ? PyUnicode_Join(PyUnicode_FromString("+"), parts) : NULL;
    PyObject *sub = PyUnicode_Substring(s, 1, 4);
    Py_ssize_t find = PyUnicode_Find(s, sep, 0, PyUnicode_GET_LENGTH(s), 1);
    Py_ssize_t rfind = PyUnicode_FindChar(s, ',', 0, PyUnicode_GET_LENGTH(s), -1);
    Py_ssize_t count = PyUnicode_Count(s, sep, 0, PY_SSIZE_T_MAX);
    PyObject *repl = PyUnicode_Replace(s, sep, PyUnicode_FromString(";"), 1);
    int cmp = PyUnicode_CompareWithASCIIString(s, "a,b,c");
    int cmp2 = PyUnicode_Compare(s, sep);
    int contains = PyUnicode_Contains(s, sep);
    Py_ssize_t tail = PyUnicode_Tailmatch(s, sep, 0, PY_SSIZE_T_MAX, 1);
    Py_XDECREF(sep);
    return Py_BuildValue("(NNNnnnNiiin)", parts, joined, sub, find, rfind, count, repl, cmp, cmp2,
                         contains, tail);
}

static PyObject *intern(PyObject *m, PyObject *unused)
{
    PyObject *a = PyUnicode_InternFromString("krait_interned_name");
    PyObject *b = PyUnicode_FromString("krait_interned_name");
    PyUnicode_InternInPlace(&b);
    PyObject *r = PyBool_FromLong(a == b);
    Py_DECREF(a);
    Py_DECREF(b);
    return r;
}

static PyObject *wide(PyObject *m, PyObject *s)
{
    wchar_t buf[32];
    Py_ssize_t n = PyUnicode_AsWideChar(s, buf, 32);
    if (n < 0)
        return NULL;
    Py_ssize_t n2;
    wchar_t *w = PyUnicode_AsWideCharString(s, &n2);
    if (w == NULL)
        return NULL;
    PyObject *back = PyUnicode_FromWideChar(w, n2);
    PyMem_Free(w);
    return Py_BuildValue("(nnN)", n, n2, back);
}

static PyObject *writer(PyObject *m, PyObject *unused)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicodeWriter_WriteASCIIString(&w, "abc", 3) < 0 ||
        _PyUnicodeWriter_WriteChar(&w, 0x3A9) < 0 ||
        _PyUnicodeWriter_WriteStr(&w, PyUnicode_FromString("!")) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

static PyMethodDef methods[] = {
    {"kinds", kinds, METH_O, NULL}, {"build", build, METH_NOARGS, NULL},
    {"codecs", codecs, METH_O, NULL}, {"decode_error", decode_error, METH_O, NULL},
    {"ops", ops, METH_O, NULL}, {"intern", intern, METH_NOARGS, NULL},
    {"wide", wide, METH_O, NULL}, {"writer", writer, METH_NOARGS, NULL}, {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "uni", NULL, -1, methods};
PyMODINIT_FUNC PyInit_uni(void) { return PyModule_Create(&mod); }
