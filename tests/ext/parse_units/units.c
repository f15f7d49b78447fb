/* PyArg_ParseTupleAndKeywords and PyArg_ParseTuple over every format unit
 * CPython 3.11 documents; each parser reports what it received. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *ints(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"b", "B", "h", "H", "i", "I", "l", "k", "L", "K", "n", NULL};
    unsigned char b = 0, B = 0;
    short h = 0;
    unsigned short H = 0;
    int i = 0;
    unsigned int I = 0;
    long l = 0;
    unsigned long k = 0;
    long long L = 0;
    unsigned long long K = 0;
    Py_ssize_t n = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|bBhHiIlkLKn:ints", kwlist,
                                     &b, &B, &h, &H, &i, &I, &l, &k, &L, &K, &n))
        return NULL;
    return Py_BuildValue("(iiiiiIlkLKn)", b, B, h, H, i, I, l, k, L, K, n);
}

static PyObject *floats(PyObject *m, PyObject *args)
{
    float f;
    double d;
    Py_complex D;
    if (!PyArg_ParseTuple(args, "fdD:floats", &f, &d, &D))
        return NULL;
    return Py_BuildValue("(ddd)", (double)f, d, D.real + D.imag);
}

static PyObject *chars(PyObject *m, PyObject *args)
{
    char c;
    int C;
    int p;
    if (!PyArg_ParseTuple(args, "cCp:chars", &c, &C, &p))
        return NULL;
    return Py_BuildValue("(iii)", (int)(unsigned char)c, C, p);
}

static PyObject *strings(PyObject *m, PyObject *args)
{
    const char *s, *z, *y;
    const char *sh, *zh, *yh;
    Py_ssize_t shl, zhl, yhl;
    if (!PyArg_ParseTuple(args, "szys#z#y#:strings", &s, &z, &y, &sh, &shl, &zh, &zhl, &yh, &yhl))
        return NULL;
    return Py_BuildValue("(ssy(s#n)(z#n)(y#n))", s, z ? z : "<NULL>", y, sh, shl, shl,
                         zh, zhl, zhl, yh, yhl, yhl);
}

static PyObject *buffers(PyObject *m, PyObject *args)
{
    Py_buffer s, z, y;
    if (!PyArg_ParseTuple(args, "s*z*y*:buffers", &s, &z, &y))
        return NULL;
    PyObject *r = Py_BuildValue("(nnn)", s.len, z.buf ? z.len : (Py_ssize_t)-1, y.len);
    PyBuffer_Release(&s);
    PyBuffer_Release(&z);
    PyBuffer_Release(&y);
    return r;
}

static PyObject *objects(PyObject *m, PyObject *args)
{
    PyObject *o, *S, *Y, *U, *typed;
    if (!PyArg_ParseTuple(args, "OSYUO!:objects", &o, &S, &Y, &U, &PyList_Type, &typed))
        return NULL;
    return PyTuple_Pack(5, o, S, Y, U, typed);
}

static int to_upper(PyObject *o, void *out)
{
    if (!PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "converter wants str");
        return 0;
    }
    *(PyObject **)out = PyObject_CallMethod(o, "upper", NULL);
    return *(PyObject **)out != NULL;
}

static PyObject *converter(PyObject *m, PyObject *args)
{
    PyObject *up;
    if (!PyArg_ParseTuple(args, "O&:converter", to_upper, &up))
        return NULL;
    return up;
}

static PyObject *nested(PyObject *m, PyObject *args)
{
    int a, b, c;
    const char *s;
    if (!PyArg_ParseTuple(args, "(ii)(is):nested", &a, &b, &c, &s))
        return NULL;
    return Py_BuildValue("(iiis)", a, b, c, s);
}

static PyObject *encoded(PyObject *m, PyObject *args)
{
    char *es = NULL, *et = NULL, *esh = NULL;
    Py_ssize_t eshl = 0;
    if (!PyArg_ParseTuple(args, "esetes#:encoded", "latin-1", &es, "utf-8", &et, "utf-8", &esh, &eshl))
        return NULL;
    PyObject *r = Py_BuildValue("(yyy#)", es, et, esh, eshl);
    PyMem_Free(es);
    PyMem_Free(et);
    PyMem_Free(esh);
    return r;
}

static PyObject *writable(PyObject *m, PyObject *args)
{
    Py_buffer w;
    if (!PyArg_ParseTuple(args, "w*:writable", &w))
        return NULL;
    if (w.len > 0)
        ((char *)w.buf)[0] = 'X';
    PyBuffer_Release(&w);
    Py_RETURN_NONE;
}

static PyObject *kwonly(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"", "b", "c", NULL};
    int a, b = 2, c = 3;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i|i$i:kwonly", kwlist, &a, &b, &c))
        return NULL;
    return Py_BuildValue("(iii)", a, b, c);
}

static PyObject *custom_message(PyObject *m, PyObject *args)
{
    int a;
    if (!PyArg_ParseTuple(args, "i;custom message: give me one int", &a))
        return NULL;
    return PyLong_FromLong(a);
}

static PyObject *unpack(PyObject *m, PyObject *args)
{
    PyObject *a, *b = Py_None;
    if (!PyArg_UnpackTuple(args, "unpack", 1, 2, &a, &b))
        return NULL;
    return PyTuple_Pack(2, a, b);
}

#define KW(name) {#name, (PyCFunction)(void (*)(void))name, METH_VARARGS | METH_KEYWORDS, NULL}
#define VA(name) {#name, name, METH_VARARGS, NULL}
static PyMethodDef methods[] = {
    KW(ints), VA(floats), VA(chars), VA(strings), VA(buffers), VA(objects), VA(converter),
    VA(nested), VA(encoded), VA(writable), KW(kwonly), VA(custom_message), VA(unpack),
    {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "units", NULL, -1, methods};
PyMODINIT_FUNC PyInit_units(void) { return PyModule_Create(&mod); }
