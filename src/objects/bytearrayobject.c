/* bytearrayobject.c: the mutable byte string.  A PyByteArrayObject owns
 * one allocation (ob_bytes, ob_alloc bytes); its logical contents start at
 * ob_start inside it, so deleting from the front only moves ob_start
 * (amortised O(1)), and appends over-allocate like lists.  While buffers
 * are exported (ob_exports > 0) the size may not change.
 *
 * The text-like methods are shared with bytes (objects/bytes_methods.c);
 * this file has the storage, construction, the C API, the sequence and
 * mapping protocols with slice assignment, the buffer export, the
 * list-like mutators and the iterator. */
#include "internal.h"
#include "objects/bytes_internal.h"
#include "objects/str_ids.h"

/* What PyByteArray_AS_STRING returns for an empty bytearray: never
 * written (the trailing NUL of empty contents). */
char _PyByteArray_empty_string[] = "";

#define KR_BA(op) ((PyByteArrayObject *)(op))

static int kr_ba_can_resize(PyByteArrayObject *self)
{
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return 0;
    }
    return 1;
}

/* ---- storage ---- */

int PyByteArray_Resize(PyObject *op, Py_ssize_t size)
{
    PyByteArrayObject *self = KR_BA(op);
    if (size < 0) {
        PyErr_Format(PyExc_SystemError, "PyByteArray_Resize called with negative size");
        return -1;
    }
    if (size == Py_SIZE(self))
        return 0;
    if (!kr_ba_can_resize(self))
        return -1;
    Py_ssize_t offset = self->ob_start - self->ob_bytes;
    Py_ssize_t alloc = self->ob_alloc;
    if (size + offset + 1 <= alloc) {
        if (size >= alloc / 2) {
            /* Small shrink: keep the allocation. */
            Py_SET_SIZE(self, size);
            self->ob_start[size] = '\0';
            return 0;
        }
        alloc = size + 1;
    } else if (size <= alloc + alloc / 8) {
        /* Growing by a little: leave room to grow more, as lists do. */
        if (size > PY_SSIZE_T_MAX - size / 8 - 6)
            goto nomem;
        alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
    } else {
        if (size == PY_SSIZE_T_MAX)
            goto nomem;
        alloc = size + 1;
    }
    char *buf;
    if (offset > 0) {
        buf = PyObject_Malloc((size_t)alloc);
        if (buf == NULL)
            goto nomem;
        memcpy(buf, self->ob_start, (size_t)(size < Py_SIZE(self) ? size : Py_SIZE(self)));
        PyObject_Free(self->ob_bytes);
    } else {
        buf = PyObject_Realloc(self->ob_bytes, (size_t)alloc);
        if (buf == NULL)
            goto nomem;
    }
    self->ob_bytes = self->ob_start = buf;
    self->ob_alloc = alloc;
    Py_SET_SIZE(self, size);
    buf[size] = '\0';
    return 0;
nomem:
    PyErr_NoMemory();
    return -1;
}

/* A new bytearray of `type` holding a copy of str[0:size) (uninitialised
 * when str is NULL).  New reference. */
static PyObject *kr_ba_new(PyTypeObject *type, const char *str, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    if (size == PY_SSIZE_T_MAX)
        return PyErr_NoMemory();
    PyByteArrayObject *self = (PyByteArrayObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->ob_bytes = self->ob_start = NULL;
    self->ob_alloc = 0;
    self->ob_exports = 0;
    Py_SET_SIZE(self, 0);
    if (size > 0) {
        self->ob_bytes = PyObject_Malloc((size_t)size + 1);
        if (self->ob_bytes == NULL) {
            Py_DECREF(self);
            return PyErr_NoMemory();
        }
        self->ob_start = self->ob_bytes;
        self->ob_alloc = size + 1;
        Py_SET_SIZE(self, size);
        if (str != NULL)
            memcpy(self->ob_bytes, str, (size_t)size);
        self->ob_bytes[size] = '\0';
    }
    return (PyObject *)self;
}

PyObject *PyByteArray_FromStringAndSize(const char *str, Py_ssize_t size)
{
    return kr_ba_new(&PyByteArray_Type, str, size);
}

Py_ssize_t PyByteArray_Size(PyObject *self)
{
    if (!PyByteArray_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(self);
}

char *PyByteArray_AsString(PyObject *self)
{
    if (!PyByteArray_Check(self)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyByteArray_AS_STRING(self);
}

PyObject *PyByteArray_FromObject(PyObject *input)
{
    return PyObject_CallOneArg((PyObject *)&PyByteArray_Type, input);
}

PyObject *PyByteArray_Concat(PyObject *a, PyObject *b)
{
    return kr_bytes_concat(a, b, 1);
}

/* Replaces self[lo:hi] with `needed` bytes from `src` (which must not
 * point into self).  Deleting at the front moves ob_start. */
static int kr_ba_replace(PyByteArrayObject *self, Py_ssize_t lo, Py_ssize_t hi, const char *src,
                         Py_ssize_t needed)
{
    Py_ssize_t size = Py_SIZE(self);
    Py_ssize_t growth = needed - (hi - lo);
    if (growth < 0) {
        if (!kr_ba_can_resize(self))
            return -1;
        if (lo == 0)
            self->ob_start -= growth;
        else if (size > hi)
            memmove(self->ob_start + lo + needed, self->ob_start + hi, (size_t)(size - hi));
        if (PyByteArray_Resize((PyObject *)self, size + growth) < 0)
            return -1;
    } else if (growth > 0) {
        if (size > PY_SSIZE_T_MAX - growth) {
            PyErr_NoMemory();
            return -1;
        }
        if (PyByteArray_Resize((PyObject *)self, size + growth) < 0)
            return -1;
        if (size > hi)
            memmove(self->ob_start + lo + needed, self->ob_start + hi, (size_t)(size - hi));
    }
    if (needed > 0)
        memcpy(self->ob_start + lo, src, (size_t)needed);
    return 0;
}

/* Appends n bytes. */
static int kr_ba_append_data(PyByteArrayObject *self, const char *src, Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(self);
    return kr_ba_replace(self, size, size, src, n);
}

/* ---- construction ---- */

/* Fills self from an iterable of ints in range(256). */
static int kr_ba_extend_iter(PyByteArrayObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t v = PyNumber_AsSsize_t(item, NULL);
        Py_DECREF(item);
        if (v == -1 && PyErr_Occurred())
            break;
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            break;
        }
        char c = (char)v;
        if (kr_ba_append_data(self, &c, 1) < 0)
            break;
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int bytearray_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "encoding", "errors", NULL};
    PyByteArrayObject *self = KR_BA(op);
    PyObject *x = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:bytearray", kwlist, &x, &encoding, &errors))
        return -1;
    if (Py_SIZE(self) != 0 && PyByteArray_Resize(op, 0) < 0)
        return -1;
    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding ? "encoding without a string argument"
                                                      : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (PyUnicode_Check(x)) {
        if (encoding == NULL) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return -1;
        }
        PyObject *enc = PyUnicode_AsEncodedString(x, encoding, errors);
        if (enc == NULL)
            return -1;
        int r = kr_ba_append_data(self, PyBytes_AS_STRING(enc), PyBytes_GET_SIZE(enc));
        Py_DECREF(enc);
        return r;
    }
    if (encoding != NULL || errors != NULL) {
        PyErr_SetString(PyExc_TypeError, encoding ? "encoding without a string argument"
                                                  : "errors without a string argument");
        return -1;
    }
    if (PyIndex_Check(x)) {
        Py_ssize_t count = PyNumber_AsSsize_t(x, PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return -1;
            PyErr_Clear();
        } else {
            if (count < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return -1;
            }
            if (count > 0) {
                if (PyByteArray_Resize(op, count) < 0)
                    return -1;
                memset(self->ob_start, 0, (size_t)count);
            }
            return 0;
        }
    }
    if (PyObject_CheckBuffer(x)) {
        Py_buffer view;
        if (PyObject_GetBuffer(x, &view, PyBUF_FULL_RO) < 0)
            return -1;
        int r = PyByteArray_Resize(op, view.len);
        if (r == 0 && view.len > 0 && PyBuffer_ToContiguous(self->ob_start, &view, view.len, 'C') < 0)
            r = -1;
        PyBuffer_Release(&view);
        return r;
    }
    PyObject *it = PyObject_GetIter(x);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytearray",
                         Py_TYPE(x)->tp_name);
        }
        return -1;
    }
    int r = kr_ba_extend_iter(self, it);
    Py_DECREF(it);
    return r;
}

static PyObject *bytearray_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return kr_ba_new(type, NULL, 0);
}

static void bytearray_dealloc(PyObject *op)
{
    PyByteArrayObject *self = KR_BA(op);
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_SystemError, "deallocated bytearray object has exported buffers");
        PyErr_Print();
    }
    PyObject_Free(self->ob_bytes);
    Py_TYPE(op)->tp_free(op);
}

/* ---- repr and comparison ---- */

static PyObject *bytearray_repr(PyObject *op)
{
    const char *name = Py_TYPE(op)->tp_name;
    const char *dot = strrchr(name, '.');
    if (dot != NULL)
        name = dot + 1;
    size_t n = strlen(name);
    char small[64], *prefix = small;
    if (n + 2 > sizeof small && (prefix = PyMem_Malloc(n + 2)) == NULL)
        return PyErr_NoMemory();
    memcpy(prefix, name, n);
    prefix[n] = '(';
    prefix[n + 1] = '\0';
    PyObject *r = kr_bytes_repr_data(PyByteArray_AS_STRING(op), Py_SIZE(op),
                                     KR_REPR_SMART | KR_REPR_SQUOTE_ESCAPED, prefix, ")");
    if (prefix != small)
        PyMem_Free(prefix);
    return r;
}

/* str(ba) warns with -b, as CPython does, and is the repr. */
static PyObject *bytearray_str(PyObject *op)
{
    if (Py_BytesWarningFlag
        && PyErr_WarnEx(PyExc_BytesWarning, "str() on a bytearray instance", 1) < 0)
        return NULL;
    return bytearray_repr(op);
}

/* Compares with any bytes-like object (str is not one). */
static PyObject *bytearray_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_CheckBuffer(a) || !PyObject_CheckBuffer(b) || PyUnicode_Check(a) ||
        PyUnicode_Check(b)) {
        if (Py_BytesWarningFlag && (op == Py_EQ || op == Py_NE)
            && (PyUnicode_Check(a) || PyUnicode_Check(b))
            && PyErr_WarnEx(PyExc_BytesWarning, "Comparison between bytearray and string", 1) < 0)
            return NULL;
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        PyBuffer_Release(&va);
        Py_RETURN_NOTIMPLEMENTED;
    }
    int c;
    if ((op == Py_EQ || op == Py_NE) && va.len != vb.len) {
        c = 1;
    } else {
        Py_ssize_t n = va.len < vb.len ? va.len : vb.len;
        c = n > 0 ? memcmp(va.buf, vb.buf, (size_t)n) : 0;
        if (c == 0)
            c = va.len < vb.len ? -1 : va.len > vb.len ? 1 : 0;
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ---- sequence protocol ---- */

static Py_ssize_t bytearray_length(PyObject *op) { return Py_SIZE(op); }

static PyObject *bytearray_concat(PyObject *a, PyObject *b)
{
    return PyByteArray_Concat(a, b);
}

static PyObject *bytearray_inplace_concat(PyObject *op, PyObject *other)
{
    Py_buffer v;
    if (PyObject_GetBuffer(other, &v, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(other)->tp_name,
                     Py_TYPE(op)->tp_name);
        return NULL;
    }
    /* b += b fails like CPython's: the view of b blocks the resize. */
    int r = kr_ba_append_data(KR_BA(op), v.buf, v.len);
    PyBuffer_Release(&v);
    return r < 0 ? NULL : Py_NewRef(op);
}

static PyObject *bytearray_repeat(PyObject *op, Py_ssize_t n)
{
    if (n < 0)
        n = 0;
    Py_ssize_t len = Py_SIZE(op);
    if (n > 0 && len > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    PyObject *r = PyByteArray_FromStringAndSize(NULL, len * n);
    if (r != NULL)
        kr_bytes_fill_repeat(PyByteArray_AS_STRING(r), PyByteArray_AS_STRING(op), len, n);
    return r;
}

static PyObject *bytearray_inplace_repeat(PyObject *op, Py_ssize_t n)
{
    if (n < 0)
        n = 0;
    Py_ssize_t len = Py_SIZE(op);
    if (n > 0 && len > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    if (PyByteArray_Resize(op, len * n) < 0)
        return NULL;
    kr_bytes_fill_repeat(KR_BA(op)->ob_start, KR_BA(op)->ob_start, len, n);
    return Py_NewRef(op);
}

static int bytearray_contains(PyObject *op, PyObject *arg)
{
    return kr_bytes_contains(PyByteArray_AS_STRING(op), Py_SIZE(op), arg);
}

/* ---- subscripting ---- */

/* A byte value from an int-like object. */
static int kr_ba_byte_value(PyObject *v, char *out)
{
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (x < 0 || x > 255) {
        PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (char)x;
    return 0;
}

/* Deletes the items start, start+step, ... (n of them). */
static int kr_ba_delete_extended(PyByteArrayObject *self, Py_ssize_t start, Py_ssize_t step,
                                 Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (!kr_ba_can_resize(self))
        return -1;
    if (step < 0) {
        start += step * (n - 1);
        step = -step;
    }
    char *buf = self->ob_start;
    Py_ssize_t size = Py_SIZE(self), w = start;
    for (Py_ssize_t r = start, k = 0; r < size; r++) {
        if (k < n && r == start + k * step) {
            k++;
            continue;
        }
        buf[w++] = buf[r];
    }
    return PyByteArray_Resize((PyObject *)self, size - n);
}

static int bytearray_ass_subscript(PyObject *op, PyObject *key, PyObject *values)
{
    PyByteArrayObject *self = KR_BA(op);
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        char c = 0;
        if (values != NULL && kr_ba_byte_value(values, &c) < 0)
            return -1;
        if (i < 0)
            i += Py_SIZE(self);
        if (i < 0 || i >= Py_SIZE(self)) {
            PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (values == NULL)
            return kr_ba_replace(self, i, i + 1, NULL, 0);
        self->ob_start[i] = c;
        return 0;
    }
    if (!PySlice_Check(key)) {
        PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                     Py_TYPE(key)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0)
        return -1;
    /* The replacement as a private bytes copy: it may be self, a view of
     * self, or an iterable whose iteration changes self. */
    PyObject *src = NULL;
    if (values != NULL) {
        if (PyNumber_Check(values) || PyUnicode_Check(values)) {
            PyErr_SetString(PyExc_TypeError,
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        if (PyObject_CheckBuffer(values)) {
            src = PyBytes_FromObject(values);
        } else {
            PyObject *tmp = PyByteArray_FromObject(values);
            if (tmp == NULL)
                return -1;
            src = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(tmp), Py_SIZE(tmp));
            Py_DECREF(tmp);
        }
        if (src == NULL)
            return -1;
    }
    Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    const char *data = src ? PyBytes_AS_STRING(src) : NULL;
    Py_ssize_t needed = src ? PyBytes_GET_SIZE(src) : 0;
    int r;
    if (step == 1) {
        if (stop < start)
            stop = start;
        r = kr_ba_replace(self, start, stop, data, needed);
    } else if (needed == 0) {
        /* Deletion, or assigning empty data (which deletes too). */
        r = kr_ba_delete_extended(self, start, step, n);
    } else if (needed != n) {
        PyErr_Format(PyExc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
                     needed, n);
        r = -1;
    } else {
        for (Py_ssize_t i = 0, j = start; i < n; i++, j += step)
            self->ob_start[j] = data[i];
        r = 0;
    }
    Py_XDECREF(src);
    return r;
}

static int bytearray_ass_item(PyObject *op, Py_ssize_t i, PyObject *v)
{
    PyObject *key = PyLong_FromSsize_t(i);
    if (key == NULL)
        return -1;
    int r = bytearray_ass_subscript(op, key, v);
    Py_DECREF(key);
    return r;
}

/* ---- buffer export ---- */

static int bytearray_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    PyByteArrayObject *self = KR_BA(op);
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    if (PyBuffer_FillInfo(view, op, PyByteArray_AS_STRING(op), Py_SIZE(op), 0, flags) < 0)
        return -1;
    self->ob_exports++;
    return 0;
}

static void bytearray_releasebuffer(PyObject *op, Py_buffer *view)
{
    KR_BA(op)->ob_exports--;
}

/* ---- the list-like mutators ---- */

static PyObject *bytearray_append(PyObject *op, PyObject *arg)
{
    char c;
    if (kr_ba_byte_value(arg, &c) < 0 || kr_ba_append_data(KR_BA(op), &c, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytearray_extend(PyObject *op, PyObject *arg)
{
    if (PyObject_CheckBuffer(arg)) {
        PyObject *r = bytearray_inplace_concat(op, arg);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
        Py_RETURN_NONE;
    }
    PyObject *it = PyObject_GetIter(arg);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "can't extend bytearray with %.100s",
                         Py_TYPE(arg)->tp_name);
        }
        return NULL;
    }
    /* Collect first, so a failure part-way leaves self unchanged. */
    PyObject *tmp = PyByteArray_FromStringAndSize(NULL, 0);
    int rc = tmp ? kr_ba_extend_iter(KR_BA(tmp), it) : -1;
    Py_DECREF(it);
    if (rc == 0)
        rc = kr_ba_append_data(KR_BA(op), PyByteArray_AS_STRING(tmp), Py_SIZE(tmp));
    Py_XDECREF(tmp);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytearray_insert(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    Py_ssize_t where = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (where == -1 && PyErr_Occurred())
        return NULL;
    char c;
    if (kr_ba_byte_value(args[1], &c) < 0)
        return NULL;
    Py_ssize_t n = Py_SIZE(op);
    if (where < 0 && (where += n) < 0)
        where = 0;
    if (where > n)
        where = n;
    if (kr_ba_replace(KR_BA(op), where, where, &c, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytearray_pop(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    Py_ssize_t i = -1;
    if (nargs > 0) {
        i = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
    }
    Py_ssize_t n = Py_SIZE(op);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    unsigned char c = (unsigned char)KR_BA(op)->ob_start[i];
    if (kr_ba_replace(KR_BA(op), i, i + 1, NULL, 0) < 0)
        return NULL;
    return PyLong_FromLong(c);
}

static PyObject *bytearray_remove(PyObject *op, PyObject *arg)
{
    char c;
    if (kr_ba_byte_value(arg, &c) < 0)
        return NULL;
    const char *buf = PyByteArray_AS_STRING(op);
    const char *p = Py_SIZE(op) ? memchr(buf, (unsigned char)c, (size_t)Py_SIZE(op)) : NULL;
    if (p == NULL) {
        PyErr_SetString(PyExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    Py_ssize_t i = p - buf;
    if (kr_ba_replace(KR_BA(op), i, i + 1, NULL, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytearray_clear(PyObject *op, PyObject *unused)
{
    if (PyByteArray_Resize(op, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytearray_copy(PyObject *op, PyObject *unused)
{
    return PyByteArray_FromStringAndSize(PyByteArray_AS_STRING(op), Py_SIZE(op));
}

static PyObject *bytearray_reverse(PyObject *op, PyObject *unused)
{
    char *b = PyByteArray_AS_STRING(op);
    for (Py_ssize_t i = 0, j = Py_SIZE(op) - 1; i < j; i++, j--) {
        char t = b[i];
        b[i] = b[j];
        b[j] = t;
    }
    Py_RETURN_NONE;
}

static PyObject *bytearray_alloc(PyObject *op, PyObject *unused)
{
    return PyLong_FromSsize_t(KR_BA(op)->ob_alloc);
}

static PyObject *bytearray_sizeof(PyObject *op, PyObject *unused)
{
    return PyLong_FromSsize_t((Py_ssize_t)Py_TYPE(op)->tp_basicsize + KR_BA(op)->ob_alloc);
}

/* Pickling: below protocol 3 the contents travel as latin-1 text, which
 * Python 2 can read; from 3 on, as bytes (or no argument when empty). */
static PyObject *kr_ba_reduce(PyObject *op, int proto)
{
    PyObject *state;
    if (_PyObject_LookupAttr(op, KR_ID(__dict__), &state) < 0)
        return NULL;
    if (state == NULL)
        state = Py_NewRef(Py_None);
    PyObject *type = (PyObject *)Py_TYPE(op);
    if (proto < 3) {
        PyObject *text = PyUnicode_DecodeLatin1(PyByteArray_AS_STRING(op), Py_SIZE(op), NULL);
        if (text == NULL) {
            Py_DECREF(state);
            return NULL;
        }
        return Py_BuildValue("(O(Ns)N)", type, text, "latin-1", state);
    }
    if (Py_SIZE(op) == 0)
        return Py_BuildValue("(O()N)", type, state);
    PyObject *b = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(op), Py_SIZE(op));
    if (b == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    return Py_BuildValue("(O(N)N)", type, b, state);
}

static PyObject *bytearray_reduce(PyObject *op, PyObject *unused)
{
    return kr_ba_reduce(op, 2);
}

static PyObject *bytearray_reduce_ex(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("__reduce_ex__", nargs, 0, 1))
        return NULL;
    int proto = 0;
    if (nargs > 0) {
        proto = _PyLong_AsInt(args[0]);
        if (proto == -1 && PyErr_Occurred())
            return NULL;
    }
    return kr_ba_reduce(op, proto);
}

/* bytearray % args: the bytes engine, re-typed. */
static PyObject *bytearray_mod(PyObject *v, PyObject *w)
{
    if (!PyByteArray_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *b = kr_bytes_format(PyByteArray_AS_STRING(v), Py_SIZE(v), w);
    if (b == NULL)
        return NULL;
    PyObject *r = PyByteArray_FromStringAndSize(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b));
    Py_DECREF(b);
    return r;
}

/* ---- iterator (shared with bytes: objects/bytesobject.c) ---- */

static PyObject *bytearray_iter(PyObject *seq)
{
    return kr_bytes_iter_new(seq, &PyByteArrayIter_Type);
}

PyTypeObject PyByteArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(kr_bytes_iter),
    .tp_dealloc = kr_bytes_iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_bytes_iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_bytes_iter_next,
    .tp_methods = kr_bytes_iter_methods,
};

/* ---- the type ---- */

static PyNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_mod,
};

static PySequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = kr_bytes_item,
    .sq_ass_item = bytearray_ass_item,
    .sq_contains = bytearray_contains,
    .sq_inplace_concat = bytearray_inplace_concat,
    .sq_inplace_repeat = bytearray_inplace_repeat,
};

static PyMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = kr_bytes_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static PyBufferProcs bytearray_as_buffer = {bytearray_getbuffer, bytearray_releasebuffer};

static PyMethodDef bytearray_methods[] = {
    {"__alloc__", bytearray_alloc, METH_NOARGS, NULL},
    {"__reduce__", bytearray_reduce, METH_NOARGS, NULL},
    {"__reduce_ex__", (PyCFunction)(void (*)(void))bytearray_reduce_ex, METH_FASTCALL, NULL},
    {"__sizeof__", bytearray_sizeof, METH_NOARGS, NULL},
    {"append", bytearray_append, METH_O, NULL},
    {"clear", bytearray_clear, METH_NOARGS, NULL},
    {"copy", bytearray_copy, METH_NOARGS, NULL},
    {"extend", bytearray_extend, METH_O, NULL},
    {"insert", (PyCFunction)(void (*)(void))bytearray_insert, METH_FASTCALL, NULL},
    {"pop", (PyCFunction)(void (*)(void))bytearray_pop, METH_FASTCALL, NULL},
    {"remove", bytearray_remove, METH_O, NULL},
    {"reverse", bytearray_reverse, METH_NOARGS, NULL},
    KR_BYTES_SHARED_METHODS
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyByteArray_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PyByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = bytearray_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytearray_as_buffer,
    /* Not Py_TPFLAGS_SEQUENCE: match statements treat bytearray, like
     * bytes and str, as a single value (PEP 634). */
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array\n\n"
              "Construct a mutable bytearray object from:\n"
              "  - an iterable yielding integers in range(256)\n"
              "  - a text string encoded using the specified encoding\n"
              "  - a bytes or a buffer object\n"
              "  - any object implementing the buffer API.\n"
              "  - an integer",
    .tp_richcompare = bytearray_richcompare,
    .tp_iter = bytearray_iter,
    .tp_methods = bytearray_methods,
    .tp_init = bytearray_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = bytearray_new,
    .tp_free = PyObject_Del,
};
