/* A buffer exporter (bf_getbuffer / bf_releasebuffer) read through
 * memoryview, bytes() and PyObject_GetBuffer from C. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    unsigned char data[16];
    int exports;
} Buf;

static PyObject *buf_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Buf *b = (Buf *)type->tp_alloc(type, 0);
    if (b == NULL)
        return NULL;
    for (int i = 0; i < 16; i++)
        b->data[i] = (unsigned char)(i * 3);
    b->exports = 0;
    return (PyObject *)b;
}

static int buf_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    Buf *b = (Buf *)self;
    if (PyBuffer_FillInfo(view, self, b->data, sizeof b->data, 0, flags) < 0)
        return -1;
    b->exports++;
    return 0;
}

static void buf_releasebuffer(PyObject *self, Py_buffer *view)
{
    ((Buf *)self)->exports--;
}

static PyObject *buf_exports(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(((Buf *)self)->exports);
}

static PyBufferProcs buf_as_buffer = {buf_getbuffer, buf_releasebuffer};
static PyMethodDef buf_methods[] = {{"exports", buf_exports, METH_NOARGS, NULL}, {NULL}};

static PyTypeObject BufType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "buf.Buf",
    .tp_basicsize = sizeof(Buf),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_as_buffer = &buf_as_buffer,
    .tp_methods = buf_methods,
    .tp_new = buf_new,
};

/* Sums the bytes of any buffer, through the C API. */
static PyObject *checksum(PyObject *m, PyObject *args)
{
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "y*", &view))
        return NULL;
    long sum = 0;
    for (Py_ssize_t i = 0; i < view.len; i++)
        sum += ((unsigned char *)view.buf)[i];
    PyBuffer_Release(&view);
    return PyLong_FromLong(sum);
}

static PyObject *fill(PyObject *m, PyObject *args)
{
    Py_buffer view;
    int value;
    if (!PyArg_ParseTuple(args, "w*i", &view, &value))
        return NULL;
    memset(view.buf, value, (size_t)view.len);
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
    {"checksum", checksum, METH_VARARGS, NULL},
    {"fill", fill, METH_VARARGS, NULL},
    {NULL}
};
static struct PyModuleDef bufmodule = {PyModuleDef_HEAD_INIT, "buf", NULL, -1, module_methods};

PyMODINIT_FUNC PyInit_buf(void)
{
    if (PyType_Ready(&BufType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&bufmodule);
    if (m && PyModule_AddType(m, &BufType) < 0)
        Py_CLEAR(m);
    return m;
}
