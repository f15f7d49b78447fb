/* stringio.c: _io.StringIO, a text stream over an in-memory array of code
 * points.  Newline handling follows TextIOWrapper's rules (newline=None
 * translates on write, '' only records what it saw, '\r' and '\r\n'
 * translate '\n' on write); the translation itself is shared with
 * textio.c. */
#include "modules/_io/io_internal.h"
#include "objects/str_ids.h"

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
    Py_UCS4 *buf;
    Py_ssize_t pos, size, cap;
    int ok, closed;
    int readuniversal, readtranslate;
    int seennl, pendingcr;
    PyObject *readnl;          /* the newline argument as given (str), or NULL for None */
    PyObject *writenl;         /* replaces "\n" on write, or NULL */
} kr_stringio;

#define CHECK_INITIALIZED(self) \
    if (!(self)->ok) { \
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object"); \
        return NULL; \
    }

#define CHECK_CLOSED(self) \
    CHECK_INITIALIZED(self) \
    if ((self)->closed) { \
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file"); \
        return NULL; \
    }

static int reserve(kr_stringio *self, Py_ssize_t need)
{
    if (need <= self->cap)
        return 0;
    Py_ssize_t cap = self->cap < 16 ? 16 : self->cap;
    while (cap < need)
        cap = cap > PY_SSIZE_T_MAX / 8 ? need : cap * 2;
    if ((size_t)cap > PY_SSIZE_T_MAX / sizeof(Py_UCS4)) {
        PyErr_NoMemory();
        return -1;
    }
    Py_UCS4 *nb = PyMem_Realloc(self->buf, (size_t)cap * sizeof(Py_UCS4));
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->buf = nb;
    self->cap = cap;
    return 0;
}

/* Stores str `s` at pos without translation, zero-padding a gap. */
static int store(kr_stringio *self, PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0)
        return 0;
    if (reserve(self, self->pos + n) < 0)
        return -1;
    if (self->pos > self->size)
        memset(self->buf + self->size, 0, (size_t)(self->pos - self->size) * sizeof(Py_UCS4));
    if (PyUnicode_AsUCS4(s, self->buf + self->pos, n, 0) == NULL)
        return -1;
    self->pos += n;
    if (self->pos > self->size)
        self->size = self->pos;
    return 0;
}

/* Writes str `obj` with newline translation. */
static int write_str(kr_stringio *self, PyObject *obj)
{
    PyObject *decoded;
    if (self->readuniversal)
        decoded = kr_io_translate_newlines(obj, self->readtranslate, 1, &self->seennl,
                                           &self->pendingcr);
    else
        decoded = Py_NewRef(obj);
    if (decoded == NULL)
        return -1;
    if (self->writenl != NULL) {
        PyObject *t = PyUnicode_Replace(decoded, PyUnicode_FromOrdinal('\n'), self->writenl, -1);
        Py_DECREF(decoded);
        decoded = t;
        if (decoded == NULL)
            return -1;
    }
    int rc = store(self, decoded);
    Py_DECREF(decoded);
    return rc;
}

static PyObject *stringio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

static int stringio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    kr_stringio *self = (kr_stringio *)op;
    static char *kwlist[] = {"initial_value", "newline", NULL};
    PyObject *value = NULL, *newline_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:StringIO", kwlist, &value, &newline_obj))
        return -1;
    const char *newline = "\n";
    if (newline_obj == Py_None)
        newline = NULL;
    else if (newline_obj != NULL) {
        if (!PyUnicode_Check(newline_obj)) {
            PyErr_Format(PyExc_TypeError, "newline must be str or None, not %.200s",
                         Py_TYPE(newline_obj)->tp_name);
            return -1;
        }
        newline = PyUnicode_AsUTF8(newline_obj);
        if (newline == NULL)
            return -1;
    }
    if (newline && newline[0] != '\0' && !(newline[0] == '\n' && newline[1] == '\0') &&
        !(newline[0] == '\r' && newline[1] == '\0') &&
        !(newline[0] == '\r' && newline[1] == '\n' && newline[2] == '\0')) {
        PyErr_Format(PyExc_ValueError, "illegal newline value: %R", newline_obj);
        return -1;
    }
    if (value != NULL && value != Py_None && !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "initial_value must be str or None, not %.200s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    self->ok = 0;
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->writenl);
    if (newline) {
        self->readnl = PyUnicode_FromString(newline);
        if (self->readnl == NULL)
            return -1;
    }
    self->readuniversal = newline == NULL || newline[0] == '\0';
    self->readtranslate = newline == NULL;
    if (newline && newline[0] == '\r')
        self->writenl = Py_NewRef(self->readnl);
    self->seennl = self->pendingcr = 0;
    self->pos = self->size = 0;
    self->closed = 0;
    if (value != NULL && value != Py_None && PyUnicode_GET_LENGTH(value) > 0) {
        if (write_str(self, value) < 0)
            return -1;
        self->pos = 0;
    }
    self->ok = 1;
    return 0;
}

static int stringio_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((kr_stringio *)op)->dict);
    return 0;
}

static int stringio_clear(PyObject *op)
{
    kr_stringio *self = (kr_stringio *)op;
    Py_CLEAR(self->dict);
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->writenl);
    return 0;
}

static void stringio_dealloc(PyObject *op)
{
    kr_stringio *self = (kr_stringio *)op;
    PyObject_GC_UnTrack(op);
    self->ok = 0;
    PyMem_Free(self->buf);
    self->buf = NULL;
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    stringio_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *make_str(kr_stringio *self, Py_ssize_t start, Py_ssize_t n)
{
    if (n <= 0)
        return PyUnicode_New(0, 0);
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->buf + start, n);
}

static PyObject *stringio_getvalue(PyObject *op, PyObject *unused)
{
    kr_stringio *self = (kr_stringio *)op;
    CHECK_CLOSED(self);
    return make_str(self, 0, self->size);
}

static PyObject *stringio_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_stringio *self = (kr_stringio *)op;
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &size) < 0)
        return NULL;
    CHECK_CLOSED(self);
    Py_ssize_t avail = self->size - self->pos;
    if (avail < 0)
        avail = 0;
    if (size < 0 || size > avail)
        size = avail;
    PyObject *r = make_str(self, self->pos, size);
    if (r != NULL && size > 0)
        self->pos += size;
    return r;
}

static PyObject *readline_impl(kr_stringio *self, Py_ssize_t limit)
{
    if (self->pos >= self->size)
        return PyUnicode_New(0, 0);
    Py_ssize_t start = self->pos, end = self->size;
    if (limit >= 0 && limit < end - start)
        end = start + limit;
    Py_ssize_t consumed;
    Py_ssize_t stop = kr_io_find_line_ending(self->readtranslate, self->readuniversal,
                                             self->readnl, PyUnicode_4BYTE_KIND, self->buf,
                                             start, end, &consumed);
    if (stop < 0)
        stop = end;
    self->pos = stop;
    return make_str(self, start, stop - start);
}

static PyObject *stringio_readline(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_stringio *self = (kr_stringio *)op;
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && kr_io_size_arg(args[0], &limit) < 0)
        return NULL;
    CHECK_CLOSED(self);
    return readline_impl(self, limit);
}

static PyObject *stringio_iternext(PyObject *op)
{
    kr_stringio *self = (kr_stringio *)op;
    CHECK_CLOSED(self);
    PyObject *line;
    if (Py_IS_TYPE(op, &PyStringIO_Type))
        line = readline_impl(self, -1);
    else
        line = kr_io_call_readline(op, 1);
    if (line == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(line) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

static PyObject *stringio_write(PyObject *op, PyObject *obj)
{
    kr_stringio *self = (kr_stringio *)op;
    CHECK_INITIALIZED(self);
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "string argument expected, got '%s'", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    CHECK_CLOSED(self);
    Py_ssize_t n = PyUnicode_GET_LENGTH(obj);
    if (n > 0 && write_str(self, obj) < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *stringio_tell(PyObject *op, PyObject *unused)
{
    kr_stringio *self = (kr_stringio *)op;
    CHECK_CLOSED(self);
    return PyLong_FromSsize_t(self->pos);
}

static PyObject *stringio_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_stringio *self = (kr_stringio *)op;
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2))
        return NULL;
    Py_ssize_t pos;
    if (kr_io_seek_arg(args[0], &pos) < 0)
        return NULL;
    int whence = 0;
    if (nargs == 2) {
        whence = _PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred())
            return NULL;
    }
    CHECK_CLOSED(self);
    if (whence != 0 && whence != 1 && whence != 2) {
        PyErr_Format(PyExc_ValueError, "Invalid whence (%i, should be 0, 1 or 2)", whence);
        return NULL;
    }
    if (pos < 0 && whence == 0) {
        PyErr_Format(PyExc_ValueError, "Negative seek position %zd", pos);
        return NULL;
    }
    if (whence != 0 && pos != 0) {
        PyErr_SetString(PyExc_OSError, "Can't do nonzero cur-relative seeks");
        return NULL;
    }
    if (whence == 1)
        pos = self->pos;
    else if (whence == 2)
        pos = self->size;
    self->pos = pos;
    return PyLong_FromSsize_t(pos);
}

static PyObject *stringio_truncate(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    kr_stringio *self = (kr_stringio *)op;
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1))
        return NULL;
    CHECK_CLOSED(self);
    Py_ssize_t size = self->pos;
    if (nargs == 1 && args[0] != Py_None) {
        size = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred())
            return NULL;
        if (size < 0) {
            PyErr_Format(PyExc_ValueError, "Negative size value %zd", size);
            return NULL;
        }
    }
    if (size < self->size)
        self->size = size;
    return PyLong_FromSsize_t(size);
}

static PyObject *stringio_true(PyObject *op, PyObject *unused)
{
    CHECK_CLOSED((kr_stringio *)op);
    Py_RETURN_TRUE;
}

static PyObject *stringio_close(PyObject *op, PyObject *unused)
{
    kr_stringio *self = (kr_stringio *)op;
    self->closed = 1;
    PyMem_Free(self->buf);
    self->buf = NULL;
    self->cap = self->size = 0;
    Py_RETURN_NONE;
}

static PyObject *stringio_getstate(PyObject *op, PyObject *unused)
{
    kr_stringio *self = (kr_stringio *)op;
    PyObject *value = stringio_getvalue(op, NULL);
    if (value == NULL)
        return NULL;
    PyObject *dict = self->dict == NULL ? Py_NewRef(Py_None) : PyDict_Copy(self->dict);
    if (dict == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    return Py_BuildValue("(NOnN)", value, self->readnl ? self->readnl : Py_None, self->pos, dict);
}

static PyObject *stringio_setstate(PyObject *op, PyObject *state)
{
    kr_stringio *self = (kr_stringio *)op;
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) < 4) {
        PyErr_Format(PyExc_TypeError, "%.200s.__setstate__ argument should be 4-tuple, got %.200s",
                     Py_TYPE(op)->tp_name, Py_TYPE(state)->tp_name);
        return NULL;
    }
    PyObject *initarg = PyTuple_GetSlice(state, 0, 2);
    if (initarg == NULL)
        return NULL;
    int rc = stringio_init(op, initarg, NULL);
    Py_DECREF(initarg);
    if (rc < 0)
        return NULL;
    /* The saved value was translated when first written: store it as is. */
    PyObject *value = PyTuple_GET_ITEM(state, 0);
    self->pos = self->size = 0;
    if (value != Py_None) {
        if (!PyUnicode_Check(value)) {
            PyErr_SetString(PyExc_TypeError, "initial_value must be str");
            return NULL;
        }
        if (store(self, value) < 0)
            return NULL;
    }
    if (kr_io_restore_pos_dict(PyTuple_GET_ITEM(state, 2),
                               "third item of state must be an integer, got %.200s",
                               PyTuple_GET_ITEM(state, 3),
                               "fourth item of state should be a dict, got a %.200s",
                               &self->pos, &self->dict) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *stringio_closed_get(PyObject *op, void *c)
{
    kr_stringio *self = (kr_stringio *)op;
    CHECK_INITIALIZED(self);
    return PyBool_FromLong(self->closed);
}

static PyObject *stringio_line_buffering_get(PyObject *op, void *c)
{
    CHECK_CLOSED((kr_stringio *)op);
    Py_RETURN_FALSE;
}

static PyObject *stringio_newlines_get(PyObject *op, void *c)
{
    kr_stringio *self = (kr_stringio *)op;
    CHECK_CLOSED(self);
    if (!self->readuniversal)
        Py_RETURN_NONE;
    return kr_io_newlines_obj(self->seennl);
}

static PyMethodDef stringio_methods[] = {
    {"close", stringio_close, METH_NOARGS, NULL},
    {"getvalue", stringio_getvalue, METH_NOARGS, NULL},
    {"read", (PyCFunction)(void (*)(void))stringio_read, METH_FASTCALL, NULL},
    {"readline", (PyCFunction)(void (*)(void))stringio_readline, METH_FASTCALL, NULL},
    {"tell", stringio_tell, METH_NOARGS, NULL},
    {"truncate", (PyCFunction)(void (*)(void))stringio_truncate, METH_FASTCALL, NULL},
    {"seek", (PyCFunction)(void (*)(void))stringio_seek, METH_FASTCALL, NULL},
    {"write", stringio_write, METH_O, NULL},
    {"seekable", stringio_true, METH_NOARGS, NULL},
    {"readable", stringio_true, METH_NOARGS, NULL},
    {"writable", stringio_true, METH_NOARGS, NULL},
    {"__getstate__", stringio_getstate, METH_NOARGS, NULL},
    {"__setstate__", stringio_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef stringio_getset[] = {
    {"closed", stringio_closed_get, NULL, NULL, NULL},
    {"newlines", stringio_newlines_get, NULL, NULL, NULL},
    {"line_buffering", stringio_line_buffering_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyStringIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(kr_stringio),
    .tp_dealloc = stringio_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Text I/O implementation using an in-memory buffer.",
    .tp_traverse = stringio_traverse,
    .tp_clear = stringio_clear,
    .tp_weaklistoffset = offsetof(kr_stringio, weakreflist),
    .tp_iternext = stringio_iternext,
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
    .tp_base = &PyTextIOBase_Type,
    .tp_dictoffset = offsetof(kr_stringio, dict),
    .tp_init = stringio_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = stringio_new,
    .tp_free = PyObject_GC_Del,
};
