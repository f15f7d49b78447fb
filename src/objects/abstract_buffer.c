/* abstract_buffer.c: the generic entry points of the buffer protocol
 * (PEP 3118): getting and releasing a view, filling a simple one,
 * contiguity tests and copies between strided views and flat memory.
 * The bytes area fills the bf_* slots of its types.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

int
PyObject_CheckBuffer(PyObject *obj)
{
    PyBufferProcs *tp_as_buffer = Py_TYPE(obj)->tp_as_buffer;
    return tp_as_buffer != NULL && tp_as_buffer->bf_getbuffer != NULL;
}

int
PyObject_GetBuffer(PyObject *obj, Py_buffer *view, int flags)
{
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb == NULL || pb->bf_getbuffer == NULL) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return pb->bf_getbuffer(obj, view, flags);
}

void
PyBuffer_Release(Py_buffer *view)
{
    PyObject *obj = view->obj;
    if (obj == NULL)
        return;
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb && pb->bf_releasebuffer)
        pb->bf_releasebuffer(obj, view);
    view->obj = NULL;
    Py_DECREF(obj);
}

int
PyBuffer_FillInfo(Py_buffer *view, PyObject *obj, void *buf, Py_ssize_t len, int readonly,
                  int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly == 1) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = Py_XNewRef(obj);
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? "B" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? &view->len : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &view->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static int
kr_is_c_contiguous(const Py_buffer *view)
{
    if (view->len == 0 || view->strides == NULL)
        return 1;
    Py_ssize_t sd = view->itemsize;
    for (int i = view->ndim - 1; i >= 0; i--) {
        Py_ssize_t dim = view->shape[i];
        if (dim > 1 && view->strides[i] != sd)
            return 0;
        sd *= dim;
    }
    return 1;
}

static int
kr_is_fortran_contiguous(const Py_buffer *view)
{
    if (view->len == 0)
        return 1;
    if (view->strides == NULL) {
        if (view->ndim <= 1)
            return 1;
        /* C-ordered: Fortran-ordered too only if one dimension exceeds 1. */
        int big = 0;
        for (int i = 0; i < view->ndim; i++)
            if (view->shape[i] > 1)
                big++;
        return big <= 1;
    }
    Py_ssize_t sd = view->itemsize;
    for (int i = 0; i < view->ndim; i++) {
        Py_ssize_t dim = view->shape[i];
        if (dim > 1 && view->strides[i] != sd)
            return 0;
        sd *= dim;
    }
    return 1;
}

int
PyBuffer_IsContiguous(const Py_buffer *view, char order)
{
    if (view->suboffsets != NULL)
        return 0;
    if (order == 'C')
        return kr_is_c_contiguous(view);
    if (order == 'F')
        return kr_is_fortran_contiguous(view);
    if (order == 'A')
        return kr_is_c_contiguous(view) || kr_is_fortran_contiguous(view);
    return 0;
}

void *
PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices)
{
    char *pointer = (char *)view->buf;
    for (int i = 0; i < view->ndim; i++) {
        pointer += view->strides[i] * indices[i];
        if (view->suboffsets != NULL && view->suboffsets[i] >= 0)
            pointer = *((char **)pointer) + view->suboffsets[i];
    }
    return pointer;
}

/* Advance a multi-dimensional index in C order (last fastest) or Fortran
 * order (first fastest). */
static void
kr_add_one_to_index(int nd, Py_ssize_t *index, const Py_ssize_t *shape, char order)
{
    if (order == 'F') {
        for (int k = 0; k < nd; k++) {
            if (index[k] < shape[k] - 1) {
                index[k]++;
                return;
            }
            index[k] = 0;
        }
    }
    else {
        for (int k = nd - 1; k >= 0; k--) {
            if (index[k] < shape[k] - 1) {
                index[k]++;
                return;
            }
            index[k] = 0;
        }
    }
}

static int
kr_buffer_copy(const Py_buffer *view, char *flat, Py_ssize_t len, char order, int to_flat)
{
    if (order != 'C' && order != 'F' && order != 'A') {
        PyErr_SetString(PyExc_ValueError, "order must be 'C', 'F' or 'A'");
        return -1;
    }
    if (PyBuffer_IsContiguous(view, order)) {
        if (to_flat)
            memcpy(flat, view->buf, (size_t)len);
        else
            memcpy(view->buf, flat, (size_t)len);
        return 0;
    }
    if (view->ndim == 0 || view->shape == NULL || view->strides == NULL) {
        PyErr_SetString(PyExc_BufferError, "buffer has no shape or strides");
        return -1;
    }
    Py_ssize_t *indices = PyMem_Calloc((size_t)view->ndim, sizeof(Py_ssize_t));
    if (indices == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    char walk = order == 'F' ? 'F' : 'C';
    Py_ssize_t elements = len / view->itemsize;
    for (Py_ssize_t e = 0; e < elements; e++) {
        char *ptr = PyBuffer_GetPointer(view, indices);
        if (to_flat)
            memcpy(flat, ptr, (size_t)view->itemsize);
        else
            memcpy(ptr, flat, (size_t)view->itemsize);
        flat += view->itemsize;
        kr_add_one_to_index(view->ndim, indices, view->shape, walk);
    }
    PyMem_Free(indices);
    return 0;
}

int
PyBuffer_ToContiguous(void *buf, const Py_buffer *view, Py_ssize_t len, char order)
{
    if (len > view->len)
        len = view->len;
    return kr_buffer_copy(view, buf, len, order, 1);
}

int
PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len, char order)
{
    if (len > view->len)
        len = view->len;
    return kr_buffer_copy(view, (char *)buf, len, order, 0);
}

void
PyBuffer_FillContiguousStrides(int nd, Py_ssize_t *shape, Py_ssize_t *strides, int itemsize,
                               char order)
{
    Py_ssize_t sd = itemsize;
    if (order == 'F') {
        for (int k = 0; k < nd; k++) {
            strides[k] = sd;
            sd *= shape[k];
        }
    }
    else {
        for (int k = nd - 1; k >= 0; k--) {
            strides[k] = sd;
            sd *= shape[k];
        }
    }
}

Py_ssize_t
PyBuffer_SizeFromFormat(const char *format)
{
    PyObject *structmod = PyImport_ImportModule("struct");
    if (structmod == NULL)
        return -1;
    PyObject *res = PyObject_CallMethod(structmod, "calcsize", "s", format);
    Py_DECREF(structmod);
    if (res == NULL)
        return -1;
    Py_ssize_t itemsize = PyLong_AsSsize_t(res);
    Py_DECREF(res);
    return itemsize;
}

int
PyObject_CopyData(PyObject *dest, PyObject *src)
{
    if (!PyObject_CheckBuffer(dest) || !PyObject_CheckBuffer(src)) {
        PyErr_SetString(PyExc_TypeError, "both destination and source must be bytes-like objects");
        return -1;
    }
    Py_buffer view_dest, view_src;
    if (PyObject_GetBuffer(dest, &view_dest, PyBUF_FULL) != 0)
        return -1;
    if (PyObject_GetBuffer(src, &view_src, PyBUF_FULL_RO) != 0) {
        PyBuffer_Release(&view_dest);
        return -1;
    }
    int res = -1;
    if (view_dest.len < view_src.len) {
        PyErr_SetString(PyExc_BufferError, "destination is too small to receive data from source");
    }
    else {
        char *tmp = PyMem_Malloc((size_t)view_src.len + 1);
        if (tmp == NULL) {
            PyErr_NoMemory();
        }
        else {
            if (PyBuffer_ToContiguous(tmp, &view_src, view_src.len, 'C') == 0)
                res = PyBuffer_FromContiguous(&view_dest, tmp, view_src.len, 'C');
            PyMem_Free(tmp);
        }
    }
    PyBuffer_Release(&view_dest);
    PyBuffer_Release(&view_src);
    return res;
}
