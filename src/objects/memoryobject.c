/* memoryobject.c: memoryview and the managed buffer behind it.
 *
 * A managed buffer (_PyManagedBuffer_Type) takes one buffer from an
 * exporter (PyBUF_FULL_RO) and holds it until the last memoryview built
 * on it is released; memoryviews made from other memoryviews (slices,
 * casts, memoryview(mv)) register with the same managed buffer, so the
 * exporter sees one export however many views there are.  A memoryview
 * owns its own shape/strides/suboffsets (ob_array, 3 * ndim entries).
 * Layouts are CPython 3.11's (include/memoryobject.h).
 *
 * Items are read and written for the native single-character struct
 * formats; anything else can be viewed, sliced and copied but not
 * converted to Python objects. */
#include "internal.h"
#include "objects/bytes_internal.h"
#include "capi/argparse.h"

#define KR_MV(op) ((PyMemoryViewObject *)(op))
#define KR_MV_RELEASED(mv) \
    (((mv)->flags & _Py_MEMORYVIEW_RELEASED) || ((mv)->mbuf->flags & _Py_MANAGED_BUFFER_RELEASED))

static int kr_mv_check_released(PyMemoryViewObject *mv)
{
    if (KR_MV_RELEASED(mv)) {
        PyErr_SetString(PyExc_ValueError, "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

/* ---- the managed buffer ---- */

static _PyManagedBufferObject *kr_mbuf_alloc(void)
{
    _PyManagedBufferObject *mbuf = PyObject_GC_New(_PyManagedBufferObject, &_PyManagedBuffer_Type);
    if (mbuf == NULL)
        return NULL;
    mbuf->flags = 0;
    mbuf->exports = 0;
    mbuf->master.obj = NULL;
    PyObject_GC_Track(mbuf);
    return mbuf;
}

static void kr_mbuf_release(_PyManagedBufferObject *mbuf)
{
    if (mbuf->flags & _Py_MANAGED_BUFFER_RELEASED)
        return;
    mbuf->flags |= _Py_MANAGED_BUFFER_RELEASED;
    /* The exporter's release hook may run Python code: untrack first. */
    PyObject_GC_UnTrack(mbuf);
    PyBuffer_Release(&mbuf->master);
}

static void mbuf_dealloc(PyObject *op)
{
    _PyManagedBufferObject *mbuf = (_PyManagedBufferObject *)op;
    PyObject_GC_UnTrack(op);
    kr_mbuf_release(mbuf);
    if (mbuf->flags & _Py_MANAGED_BUFFER_FREE_FORMAT)
        PyMem_Free(mbuf->master.format);
    PyObject_GC_Del(mbuf);
}

static int mbuf_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((_PyManagedBufferObject *)op)->master.obj);
    return 0;
}

static int mbuf_clear(PyObject *op)
{
    kr_mbuf_release((_PyManagedBufferObject *)op);
    return 0;
}

PyTypeObject _PyManagedBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(_PyManagedBufferObject),
    .tp_dealloc = mbuf_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = mbuf_traverse,
    .tp_clear = mbuf_clear,
};

/* ---- formats ---- */

/* The item size of a native single-character format ('@' allowed in
 * front), or -1.  *ch gets the character.  'e' is excluded, as in 3.11. */
static int kr_mv_native(const char *fmt, char *ch)
{
    if (fmt == NULL)
        fmt = "B";
    if (fmt[0] == '@')
        fmt++;
    if (fmt[0] == '\0' || fmt[1] != '\0')
        return -1;
    *ch = fmt[0];
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return (int)sizeof(short);
    case 'i': case 'I': return (int)sizeof(int);
    case 'l': case 'L': return (int)sizeof(long);
    case 'q': case 'Q': return (int)sizeof(long long);
    case 'n': case 'N': return (int)sizeof(Py_ssize_t);
    case 'f': return (int)sizeof(float);
    case 'd': return (int)sizeof(double);
    case 'P': return (int)sizeof(void *);
    default: return -1;
    }
}

#define KR_IS_BYTE_FORMAT(c) ((c) == 'b' || (c) == 'B' || (c) == 'c')

/* The single format character items are converted with, or 0 with
 * NotImplementedError for formats this memoryview cannot convert. */
static char kr_mv_item_format(const Py_buffer *view)
{
    const char *fmt = view->format ? view->format : "B";
    if (fmt[0] == '@')
        fmt++;
    if (fmt[0] == '\0' || fmt[1] != '\0') {
        PyErr_Format(PyExc_NotImplementedError, "memoryview: unsupported format %s",
                     view->format ? view->format : "B");
        return 0;
    }
    return fmt[0];
}

/* One item as a Python object.  New reference. */
static PyObject *kr_mv_unpack(const char *p, char fmt)
{
    switch (fmt) {
    case 'B': return PyLong_FromLong(*(const unsigned char *)p);
    case 'b': return PyLong_FromLong(*(const signed char *)p);
    case 'c': return PyBytes_FromStringAndSize(p, 1);
    case '?': return PyBool_FromLong(*p != 0);
    default: break;
    }
    short h; unsigned short H; int i; unsigned int I; long l; unsigned long L;
    long long q; unsigned long long Q; Py_ssize_t n; size_t N; float f; double d; void *P;
    switch (fmt) {
    case 'h': memcpy(&h, p, sizeof h); return PyLong_FromLong(h);
    case 'H': memcpy(&H, p, sizeof H); return PyLong_FromLong(H);
    case 'i': memcpy(&i, p, sizeof i); return PyLong_FromLong(i);
    case 'I': memcpy(&I, p, sizeof I); return PyLong_FromUnsignedLong(I);
    case 'l': memcpy(&l, p, sizeof l); return PyLong_FromLong(l);
    case 'L': memcpy(&L, p, sizeof L); return PyLong_FromUnsignedLong(L);
    case 'q': memcpy(&q, p, sizeof q); return PyLong_FromLongLong(q);
    case 'Q': memcpy(&Q, p, sizeof Q); return PyLong_FromUnsignedLongLong(Q);
    case 'n': memcpy(&n, p, sizeof n); return PyLong_FromSsize_t(n);
    case 'N': memcpy(&N, p, sizeof N); return PyLong_FromSize_t(N);
    case 'f': memcpy(&f, p, sizeof f); return PyFloat_FromDouble(f);
    case 'd': memcpy(&d, p, sizeof d); return PyFloat_FromDouble(d);
    case 'P': memcpy(&P, p, sizeof P); return PyLong_FromVoidPtr(P);
    default:
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %c not supported", fmt);
        return NULL;
    }
}

static int kr_mv_bad_value(const char *fmtstr, int type_error)
{
    PyErr_Format(type_error ? PyExc_TypeError : PyExc_ValueError,
                 "memoryview: invalid %s for format '%s'", type_error ? "type" : "value", fmtstr);
    return -1;
}

/* Stores v as one item at p. */
static int kr_mv_pack(char *p, PyObject *v, char fmt, const char *fmtstr)
{
    if (fmt == 'c') {
        if (!PyBytes_Check(v))
            return kr_mv_bad_value(fmtstr, 1);
        if (PyBytes_GET_SIZE(v) != 1)
            return kr_mv_bad_value(fmtstr, 0);
        *p = PyBytes_AS_STRING(v)[0];
        return 0;
    }
    if (fmt == '?') {
        int t = PyObject_IsTrue(v);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    if (fmt == 'f' || fmt == 'd') {
        double d = PyFloat_AsDouble(v);
        if (d == -1.0 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                return kr_mv_bad_value(fmtstr, 1);
            }
            return -1;
        }
        if (fmt == 'f') {
            float f = (float)d;
            memcpy(p, &f, sizeof f);
        } else {
            memcpy(p, &d, sizeof d);
        }
        return 0;
    }
    PyObject *iobj = PyNumber_Index(v);
    if (iobj == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return kr_mv_bad_value(fmtstr, 1);
        }
        return -1;
    }
    int overflow = 0;
    int is_unsigned = fmt == 'B' || fmt == 'H' || fmt == 'I' || fmt == 'L' || fmt == 'Q' ||
                      fmt == 'N' || fmt == 'P';
    long long sv = 0;
    unsigned long long uv = 0;
    if (is_unsigned) {
        uv = PyLong_AsUnsignedLongLong(iobj);
        if (uv == (unsigned long long)-1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                Py_DECREF(iobj);
                return -1;
            }
            PyErr_Clear();
            overflow = 1;
        }
    } else {
        sv = PyLong_AsLongLongAndOverflow(iobj, &overflow);
        if (sv == -1 && PyErr_Occurred()) {
            Py_DECREF(iobj);
            return -1;
        }
    }
    Py_DECREF(iobj);
    if (overflow)
        return kr_mv_bad_value(fmtstr, 0);
#define KR_STORE_S(T, lo, hi)                            \
    do {                                                 \
        if (sv < (lo) || sv > (hi))                      \
            return kr_mv_bad_value(fmtstr, 0);           \
        T t_ = (T)sv;                                    \
        memcpy(p, &t_, sizeof t_);                       \
    } while (0)
#define KR_STORE_U(T, hi)                                \
    do {                                                 \
        if (uv > (hi))                                   \
            return kr_mv_bad_value(fmtstr, 0);           \
        T t_ = (T)uv;                                    \
        memcpy(p, &t_, sizeof t_);                       \
    } while (0)
    switch (fmt) {
    case 'b': KR_STORE_S(signed char, SCHAR_MIN, SCHAR_MAX); break;
    case 'B': KR_STORE_U(unsigned char, UCHAR_MAX); break;
    case 'h': KR_STORE_S(short, SHRT_MIN, SHRT_MAX); break;
    case 'H': KR_STORE_U(unsigned short, USHRT_MAX); break;
    case 'i': KR_STORE_S(int, INT_MIN, INT_MAX); break;
    case 'I': KR_STORE_U(unsigned int, UINT_MAX); break;
    case 'l': KR_STORE_S(long, LONG_MIN, LONG_MAX); break;
    case 'L': KR_STORE_U(unsigned long, ULONG_MAX); break;
    case 'q': KR_STORE_S(long long, LLONG_MIN, LLONG_MAX); break;
    case 'Q': KR_STORE_U(unsigned long long, ULLONG_MAX); break;
    case 'n': KR_STORE_S(Py_ssize_t, PY_SSIZE_T_MIN, PY_SSIZE_T_MAX); break;
    case 'N': KR_STORE_U(size_t, SIZE_MAX); break;
    case 'P': {
        void *ptr = (void *)(uintptr_t)uv;
        memcpy(p, &ptr, sizeof ptr);
        break;
    }
    default:
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", fmtstr);
        return -1;
    }
#undef KR_STORE_S
#undef KR_STORE_U
    return 0;
}

/* ---- building views ---- */

static void kr_mv_init_flags(PyMemoryViewObject *mv)
{
    const Py_buffer *view = &mv->view;
    int flags = 0;
    if (view->ndim == 0) {
        flags = _Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN;
    } else if (view->ndim == 1) {
        if (view->shape[0] == 1 || view->strides[0] == view->itemsize)
            flags = _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN;
    } else {
        if (PyBuffer_IsContiguous(view, 'C'))
            flags |= _Py_MEMORYVIEW_C;
        if (PyBuffer_IsContiguous(view, 'F'))
            flags |= _Py_MEMORYVIEW_FORTRAN;
    }
    if (view->suboffsets != NULL)
        flags = _Py_MEMORYVIEW_PIL;
    mv->flags = flags;
}

/* view->len from shape and itemsize. */
static void kr_mv_init_len(Py_buffer *view)
{
    Py_ssize_t len = 1;
    for (int i = 0; i < view->ndim; i++)
        len *= view->shape[i];
    view->len = len * view->itemsize;
}

/* A new memoryview on mbuf copying src's description (the master buffer
 * when src is NULL), with room for ndim dimensions.  New reference. */
static PyMemoryViewObject *kr_mv_register(_PyManagedBufferObject *mbuf, const Py_buffer *src, int ndim)
{
    if (src == NULL)
        src = &mbuf->master;
    if (src->ndim > PyBUF_MAX_NDIM || ndim > PyBUF_MAX_NDIM) {
        PyErr_SetString(PyExc_ValueError, "memoryview: number of dimensions must not exceed 64");
        return NULL;
    }
    PyMemoryViewObject *mv = PyObject_GC_NewVar(PyMemoryViewObject, &PyMemoryView_Type, 3 * ndim);
    if (mv == NULL)
        return NULL;
    mv->mbuf = (_PyManagedBufferObject *)Py_NewRef(mbuf);
    mv->hash = -1;
    mv->flags = 0;
    mv->exports = 0;
    mv->weakreflist = NULL;
    Py_buffer *dest = &mv->view;
    dest->obj = src->obj;   /* borrowed: the managed buffer holds it */
    dest->buf = src->buf;
    dest->len = src->len;
    dest->itemsize = src->itemsize;
    dest->readonly = src->readonly;
    dest->format = src->format ? src->format : "B";
    dest->internal = src->internal;
    dest->ndim = src->ndim;
    dest->shape = mv->ob_array;
    dest->strides = mv->ob_array + ndim;
    dest->suboffsets = NULL;
    mbuf->exports++;
    PyObject_GC_Track(mv);
    return mv;
}

/* A complete copy of src's view on mbuf.  New reference. */
static PyObject *kr_mv_from_view(_PyManagedBufferObject *mbuf, const Py_buffer *src)
{
    if (src == NULL)
        src = &mbuf->master;
    PyMemoryViewObject *mv = kr_mv_register(mbuf, src, src->ndim);
    if (mv == NULL)
        return NULL;
    Py_buffer *dest = &mv->view;
    int ndim = src->ndim;
    if (ndim == 1) {
        dest->shape[0] = src->shape ? src->shape[0] : src->len / src->itemsize;
        dest->strides[0] = src->strides ? src->strides[0] : src->itemsize;
    } else if (ndim > 1) {
        for (int i = 0; i < ndim; i++)
            dest->shape[i] = src->shape[i];
        if (src->strides != NULL) {
            for (int i = 0; i < ndim; i++)
                dest->strides[i] = src->strides[i];
        } else {
            PyBuffer_FillContiguousStrides(ndim, dest->shape, dest->strides, (int)src->itemsize, 'C');
        }
    }
    if (src->suboffsets != NULL && ndim > 0) {
        dest->suboffsets = mv->ob_array + 2 * ndim;
        for (int i = 0; i < ndim; i++)
            dest->suboffsets[i] = src->suboffsets[i];
    }
    kr_mv_init_flags(mv);
    return (PyObject *)mv;
}

PyObject *PyMemoryView_FromObject(PyObject *v)
{
    if (PyMemoryView_Check(v)) {
        PyMemoryViewObject *mv = KR_MV(v);
        if (kr_mv_check_released(mv) < 0)
            return NULL;
        return kr_mv_from_view(mv->mbuf, &mv->view);
    }
    if (!PyObject_CheckBuffer(v)) {
        PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                     Py_TYPE(v)->tp_name);
        return NULL;
    }
    _PyManagedBufferObject *mbuf = kr_mbuf_alloc();
    if (mbuf == NULL)
        return NULL;
    if (PyObject_GetBuffer(v, &mbuf->master, PyBUF_FULL_RO) < 0) {
        mbuf->master.obj = NULL;
        Py_DECREF(mbuf);
        return NULL;
    }
    PyObject *r = kr_mv_from_view(mbuf, NULL);
    Py_DECREF(mbuf);
    return r;
}

PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags)
{
    _PyManagedBufferObject *mbuf = kr_mbuf_alloc();
    if (mbuf == NULL)
        return NULL;
    (void)PyBuffer_FillInfo(&mbuf->master, NULL, mem, size, flags != PyBUF_WRITE, PyBUF_FULL_RO);
    PyObject *r = kr_mv_from_view(mbuf, NULL);
    Py_DECREF(mbuf);
    return r;
}

PyObject *PyMemoryView_FromBuffer(const Py_buffer *info)
{
    if (info->buf == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyMemoryView_FromBuffer(): info->buf must not be NULL");
        return NULL;
    }
    _PyManagedBufferObject *mbuf = kr_mbuf_alloc();
    if (mbuf == NULL)
        return NULL;
    mbuf->master = *info;
    mbuf->master.obj = NULL;   /* the caller keeps ownership */
    PyObject *r = kr_mv_from_view(mbuf, NULL);
    Py_DECREF(mbuf);
    return r;
}

PyObject *PyMemoryView_GetContiguous(PyObject *obj, int buffertype, char order)
{
    PyObject *mv = PyMemoryView_FromObject(obj);
    if (mv == NULL)
        return NULL;
    Py_buffer *view = &KR_MV(mv)->view;
    if (buffertype == PyBUF_WRITE && view->readonly) {
        PyErr_SetString(PyExc_BufferError, "underlying buffer is not writable");
        Py_DECREF(mv);
        return NULL;
    }
    if (PyBuffer_IsContiguous(view, order))
        return mv;
    if (buffertype == PyBUF_WRITE) {
        PyErr_SetString(PyExc_BufferError,
                        "writable contiguous buffer requested for a non-contiguous object.");
        Py_DECREF(mv);
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, view->len);
    if (bytes != NULL && PyBuffer_ToContiguous(PyBytes_AS_STRING(bytes), view, view->len, order) < 0)
        Py_CLEAR(bytes);
    Py_DECREF(mv);
    if (bytes == NULL)
        return NULL;
    PyObject *r = PyMemoryView_FromObject(bytes);
    Py_DECREF(bytes);
    return r;
}

/* ---- release, dealloc ---- */

static int kr_mv_release(PyMemoryViewObject *mv)
{
    if (mv->flags & _Py_MEMORYVIEW_RELEASED)
        return 0;
    if (mv->exports == 0) {
        mv->flags |= _Py_MEMORYVIEW_RELEASED;
        if (--mv->mbuf->exports == 0)
            kr_mbuf_release(mv->mbuf);
        return 0;
    }
    PyErr_Format(PyExc_BufferError, "memoryview has %zd exported buffer%s", mv->exports,
                 mv->exports == 1 ? "" : "s");
    return -1;
}

static void memory_dealloc(PyObject *op)
{
    PyMemoryViewObject *mv = KR_MV(op);
    PyObject_GC_UnTrack(op);
    (void)kr_mv_release(mv);
    Py_CLEAR(mv->mbuf);
    if (mv->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    PyObject_GC_Del(op);
}

static int memory_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(KR_MV(op)->mbuf);
    return 0;
}

static int memory_clear(PyObject *op)
{
    (void)kr_mv_release(KR_MV(op));
    Py_CLEAR(KR_MV(op)->mbuf);
    return 0;
}

static PyObject *memory_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", NULL};
    PyObject *obj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:memoryview", kwlist, &obj))
        return NULL;
    return PyMemoryView_FromObject(obj);
}

/* ---- the buffer export ---- */

static int memory_getbuf(PyObject *op, Py_buffer *view, int flags)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return -1;
    const Py_buffer *base = &mv->view;
    const char *err = NULL;
    *view = *base;
    view->obj = NULL;
    if ((flags & PyBUF_WRITABLE) && base->readonly)
        err = "memoryview: underlying buffer is not writable";
    else if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !(mv->flags & _Py_MEMORYVIEW_C))
        err = "memoryview: underlying buffer is not C-contiguous";
    else if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !(mv->flags & _Py_MEMORYVIEW_FORTRAN))
        err = "memoryview: underlying buffer is not Fortran contiguous";
    else if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS &&
             !(mv->flags & (_Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN)))
        err = "memoryview: underlying buffer is not contiguous";
    else if ((flags & PyBUF_INDIRECT) != PyBUF_INDIRECT && base->suboffsets != NULL)
        err = "memoryview: underlying buffer requires suboffsets";
    else if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES && !(mv->flags & _Py_MEMORYVIEW_C))
        err = "memoryview: underlying buffer is not C-contiguous";
    if (err != NULL) {
        PyErr_SetString(PyExc_BufferError, err);
        return -1;
    }
    if (!(flags & PyBUF_FORMAT))
        view->format = NULL;
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES)
        view->strides = NULL;
    if ((flags & PyBUF_ND) != PyBUF_ND) {
        if (view->format != NULL) {
            PyErr_SetString(PyExc_BufferError,
                            "memoryview: cannot cast to unsigned bytes if the format flag is present");
            return -1;
        }
        view->ndim = 1;
        view->shape = NULL;
    }
    view->obj = Py_NewRef(op);
    mv->exports++;
    return 0;
}

static void memory_releasebuf(PyObject *op, Py_buffer *view)
{
    KR_MV(op)->exports--;
}

/* ---- item access ---- */

static char *kr_mv_adjust(char *ptr, const Py_buffer *view, int dim)
{
    if (view->suboffsets != NULL && view->suboffsets[dim] >= 0)
        ptr = *(char **)ptr + view->suboffsets[dim];
    return ptr;
}

/* The address of item `index` along dimension `dim` from ptr. */
static char *kr_mv_lookup(char *ptr, const Py_buffer *view, int dim, Py_ssize_t index)
{
    Py_ssize_t n = view->shape[dim];
    if (index < 0)
        index += n;
    if (index < 0 || index >= n) {
        PyErr_Format(PyExc_IndexError, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    return kr_mv_adjust(ptr + view->strides[dim] * index, view, dim);
}

static int kr_mv_is_multi(PyObject *key, int want_index)
{
    if (!PyTuple_Check(key))
        return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(key); i++) {
        PyObject *x = PyTuple_GET_ITEM(key, i);
        if (want_index ? !PyIndex_Check(x) : !PySlice_Check(x))
            return 0;
    }
    return 1;
}

/* The address a full tuple of indices names. */
static char *kr_mv_lookup_tuple(const Py_buffer *view, PyObject *key)
{
    Py_ssize_t n = PyTuple_GET_SIZE(key);
    if (n > view->ndim) {
        PyErr_Format(PyExc_TypeError, "cannot index %d-dimension view with %zd-element tuple",
                     view->ndim, n);
        return NULL;
    }
    char *ptr = view->buf;
    for (Py_ssize_t dim = 0; dim < n; dim++) {
        Py_ssize_t index = PyNumber_AsSsize_t(PyTuple_GET_ITEM(key, dim), PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return NULL;
        ptr = kr_mv_lookup(ptr, view, (int)dim, index);
        if (ptr == NULL)
            return NULL;
    }
    return ptr;
}

static PyObject *memory_item(PyObject *op, Py_ssize_t index)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return NULL;
    const Py_buffer *view = &mv->view;
    char fmt = kr_mv_item_format(view);
    if (fmt == 0)
        return NULL;
    if (view->ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (view->ndim > 1) {
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    char *ptr = kr_mv_lookup(view->buf, view, 0, index);
    return ptr ? kr_mv_unpack(ptr, fmt) : NULL;
}

/* Narrows dimension `dim` of view by a slice. */
static int kr_mv_apply_slice(Py_buffer *view, PyObject *key, int dim)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0)
        return -1;
    Py_ssize_t n = PySlice_AdjustIndices(view->shape[dim], &start, &stop, step);
    if (view->suboffsets == NULL || dim == 0)
        view->buf = (char *)view->buf + view->strides[dim] * start;
    else
        view->suboffsets[dim - 1] += view->strides[dim] * start;
    view->shape[dim] = n;
    view->strides[dim] *= step;
    return 0;
}

static PyObject *memory_subscript(PyObject *op, PyObject *key)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return NULL;
    Py_buffer *view = &mv->view;
    if (view->ndim == 0) {
        if (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0) {
            char fmt = kr_mv_item_format(view);
            return fmt ? kr_mv_unpack(view->buf, fmt) : NULL;
        }
        if (key == Py_Ellipsis)
            return Py_NewRef(op);
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (PyIndex_Check(key)) {
        Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return NULL;
        return memory_item(op, index);
    }
    if (PySlice_Check(key)) {
        PyObject *r = kr_mv_from_view(mv->mbuf, view);
        if (r == NULL)
            return NULL;
        Py_buffer *rv = &KR_MV(r)->view;
        if (kr_mv_apply_slice(rv, key, 0) < 0) {
            Py_DECREF(r);
            return NULL;
        }
        kr_mv_init_len(rv);
        kr_mv_init_flags(KR_MV(r));
        return r;
    }
    if (kr_mv_is_multi(key, 1)) {
        char fmt = kr_mv_item_format(view);
        if (fmt == 0)
            return NULL;
        if (PyTuple_GET_SIZE(key) < view->ndim) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return NULL;
        }
        char *ptr = kr_mv_lookup_tuple(view, key);
        return ptr ? kr_mv_unpack(ptr, fmt) : NULL;
    }
    if (kr_mv_is_multi(key, 0)) {
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional slicing is not implemented");
        return NULL;
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

/* Do two views have the same item format and shape? */
static int kr_mv_same_structure(const Py_buffer *a, const Py_buffer *b)
{
    const char *fa = a->format ? a->format : "B", *fb = b->format ? b->format : "B";
    if (fa[0] == '@')
        fa++;
    if (fb[0] == '@')
        fb++;
    if (strcmp(fa, fb) != 0 || a->itemsize != b->itemsize || a->ndim != b->ndim)
        return 0;
    for (int i = 0; i < a->ndim; i++) {
        Py_ssize_t sa = a->shape ? a->shape[i] : a->len / a->itemsize;
        Py_ssize_t sb = b->shape ? b->shape[i] : b->len / b->itemsize;
        if (sa != sb)
            return 0;
    }
    return 1;
}

/* Stores v at ptr: converted first into a scratch item, because the
 * conversion may run Python code that releases the view; only a view
 * still alive is written. */
static int kr_mv_store(PyMemoryViewObject *mv, char *ptr, PyObject *v, char fmt, const char *fmtstr)
{
    char item[16];
    if (kr_mv_pack(item, v, fmt, fmtstr) < 0 || kr_mv_check_released(mv) < 0)
        return -1;
    memcpy(ptr, item, (size_t)mv->view.itemsize);
    return 0;
}

static int memory_ass_sub(PyObject *op, PyObject *key, PyObject *value)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return -1;
    Py_buffer *view = &mv->view;
    if (view->readonly) {
        PyErr_SetString(PyExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete memory");
        return -1;
    }
    const char *fmtstr = view->format ? view->format : "B";
    if (view->ndim == 0) {
        if (key == Py_Ellipsis || (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0)) {
            char fmt = kr_mv_item_format(view);
            return fmt ? kr_mv_store(mv, view->buf, value, fmt, fmtstr) : -1;
        }
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (PyIndex_Check(key)) {
        if (view->ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        char fmt = kr_mv_item_format(view);
        if (fmt == 0)
            return -1;
        Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return -1;
        char *ptr = kr_mv_lookup(view->buf, view, 0, index);
        return ptr ? kr_mv_store(mv, ptr, value, fmt, fmtstr) : -1;
    }
    if (PySlice_Check(key) && view->ndim == 1) {
        Py_buffer src;
        if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0)
            return -1;
        Py_buffer dest = *view;
        Py_ssize_t shape = view->shape[0], stride = view->strides[0], suboffset = -1;
        dest.shape = &shape;
        dest.strides = &stride;
        if (view->suboffsets != NULL) {
            suboffset = view->suboffsets[0];
            dest.suboffsets = &suboffset;
        }
        int rc = kr_mv_apply_slice(&dest, key, 0);
        if (rc == 0) {
            kr_mv_init_len(&dest);
            if (!kr_mv_same_structure(&dest, &src)) {
                PyErr_SetString(PyExc_ValueError,
                                "memoryview assignment: lvalue and rvalue have different structures");
                rc = -1;
            }
        }
        if (rc == 0) {
            /* Through a flat copy: source and destination may overlap. */
            char *tmp = PyMem_Malloc((size_t)src.len + 1);
            if (tmp == NULL) {
                PyErr_NoMemory();
                rc = -1;
            } else {
                rc = PyBuffer_ToContiguous(tmp, &src, src.len, 'C');
                if (rc == 0)
                    rc = PyBuffer_FromContiguous(&dest, tmp, dest.len, 'C');
                PyMem_Free(tmp);
            }
        }
        PyBuffer_Release(&src);
        return rc;
    }
    if (kr_mv_is_multi(key, 1)) {
        char fmt = kr_mv_item_format(view);
        if (fmt == 0)
            return -1;
        if (PyTuple_GET_SIZE(key) < view->ndim) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        char *ptr = kr_mv_lookup_tuple(view, key);
        return ptr ? kr_mv_store(mv, ptr, value, fmt, fmtstr) : -1;
    }
    if (PySlice_Check(key) || kr_mv_is_multi(key, 0)) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return -1;
}

static Py_ssize_t memory_length(PyObject *op)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return -1;
    return mv->view.ndim == 0 ? 1 : mv->view.shape[0];
}

/* ---- tolist, tobytes, hex ---- */

static PyObject *kr_mv_tolist_dim(const Py_buffer *view, char *ptr, int dim, char fmt)
{
    Py_ssize_t n = view->shape[dim];
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        char *p = kr_mv_adjust(ptr + i * view->strides[dim], view, dim);
        PyObject *item = dim == view->ndim - 1 ? kr_mv_unpack(p, fmt)
                                               : kr_mv_tolist_dim(view, p, dim + 1, fmt);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

static PyObject *memory_tolist(PyObject *op, PyObject *unused)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return NULL;
    char fmt = kr_mv_item_format(&mv->view);
    if (fmt == 0)
        return NULL;
    if (mv->view.ndim == 0)
        return kr_mv_unpack(mv->view.buf, fmt);
    return kr_mv_tolist_dim(&mv->view, mv->view.buf, 0, fmt);
}

/* The view's bytes in C (or the given) order.  New reference. */
static PyObject *kr_mv_bytes(PyMemoryViewObject *mv, char order)
{
    PyObject *r = PyBytes_FromStringAndSize(NULL, mv->view.len);
    if (r != NULL && PyBuffer_ToContiguous(PyBytes_AS_STRING(r), &mv->view, mv->view.len, order) < 0)
        Py_CLEAR(r);
    return r;
}

static const char *const kr_mv_tobytes_names[] = {"order", NULL};
static const kr_argspec kr_mv_tobytes_spec = {"tobytes", kr_mv_tobytes_names, 0, 0, 1};

static PyObject *memory_tobytes(PyObject *op, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    PyObject *a[1];
    if (kr_args_unpack(&kr_mv_tobytes_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    char order = 'C';
    if (a[0] != NULL && a[0] != Py_None) {
        if (!PyUnicode_Check(a[0])) {
            PyErr_Format(PyExc_TypeError, "tobytes() argument 'order' must be str or None, not %.50s",
                         Py_TYPE(a[0])->tp_name);
            return NULL;
        }
        const char *s = PyUnicode_AsUTF8(a[0]);
        if (s == NULL)
            return NULL;
        if (strcmp(s, "C") != 0 && strcmp(s, "F") != 0 && strcmp(s, "A") != 0) {
            PyErr_SetString(PyExc_ValueError, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
        order = s[0];
    }
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return NULL;
    if (order == 'A')
        order = (mv->flags & _Py_MEMORYVIEW_FORTRAN) && !(mv->flags & _Py_MEMORYVIEW_C) ? 'F' : 'C';
    return kr_mv_bytes(mv, order);
}

static const char *const kr_mv_hex_names[] = {"sep", "bytes_per_sep", NULL};
static const kr_argspec kr_mv_hex_spec = {"hex", kr_mv_hex_names, 0, 0, 2};

static PyObject *memory_hex(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *a[2];
    if (kr_args_unpack(&kr_mv_hex_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return NULL;
    if (mv->flags & _Py_MEMORYVIEW_C)
        return kr_bytes_hex_data(mv->view.buf, mv->view.len, a[0], a[1], 0);
    PyObject *b = kr_mv_bytes(mv, 'C');
    if (b == NULL)
        return NULL;
    PyObject *r = kr_bytes_hex_data(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b), a[0], a[1], 0);
    Py_DECREF(b);
    return r;
}

/* ---- cast ---- */

/* The canonical (static) format string for a validated native format. */
static const char *kr_mv_format_str(const char *fmt)
{
    static const char *const plain[] = {"c", "b", "B", "?", "h", "H", "i", "I", "l", "L",
                                        "q", "Q", "n", "N", "f", "d", "P"};
    static const char *const at[] = {"@c", "@b", "@B", "@?", "@h", "@H", "@i", "@I", "@l", "@L",
                                     "@q", "@Q", "@n", "@N", "@f", "@d", "@P"};
    int has_at = fmt[0] == '@';
    char c = fmt[has_at];
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        if (plain[i][0] == c)
            return has_at ? at[i] : plain[i];
    }
    return NULL;
}

static const char *const kr_mv_cast_names[] = {"format", "shape", NULL};
static const kr_argspec kr_mv_cast_spec = {"cast", kr_mv_cast_names, 0, 1, 2};

static PyObject *memory_cast(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *a[2];
    if (kr_args_unpack(&kr_mv_cast_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PyObject *format = a[0], *shape = a[1];
    if (!PyUnicode_Check(format)) {
        PyErr_Format(PyExc_TypeError, "cast() argument 'format' must be str, not %.50s",
                     Py_TYPE(format)->tp_name);
        return NULL;
    }
    PyMemoryViewObject *self = KR_MV(op);
    if (kr_mv_check_released(self) < 0)
        return NULL;
    Py_buffer *view = &self->view;
    if (!(self->flags & _Py_MEMORYVIEW_C)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    if (shape != NULL || view->ndim != 1) {
        for (int i = 0; i < view->ndim; i++) {
            if (view->shape[i] == 0) {
                PyErr_SetString(PyExc_TypeError,
                                "memoryview: cannot cast view with zeros in shape or strides");
                return NULL;
            }
        }
    }
    Py_ssize_t ndim = 1;
    if (shape != NULL) {
        if (!PyList_Check(shape) && !PyTuple_Check(shape)) {
            PyErr_SetString(PyExc_TypeError, "shape must be a list or a tuple");
            return NULL;
        }
        ndim = PySequence_Fast_GET_SIZE(shape);
        if (ndim > PyBUF_MAX_NDIM) {
            PyErr_SetString(PyExc_ValueError, "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
        if (view->ndim != 1 && ndim != 1) {
            PyErr_SetString(PyExc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
    }
    const char *fmt = PyUnicode_AsUTF8(format);
    if (fmt == NULL)
        return NULL;
    char srcchar, destchar;
    const char *destfmt = NULL;
    int itemsize = kr_mv_native(fmt, &destchar);
    if (itemsize > 0)
        destfmt = kr_mv_format_str(fmt);
    if (itemsize < 0 || destfmt == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: destination format must be a native single character format "
                        "prefixed with an optional '@'");
        return NULL;
    }
    if (kr_mv_native(view->format, &srcchar) < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: source format must be a native single character format "
                        "prefixed with an optional '@'");
        return NULL;
    }
    if (!KR_IS_BYTE_FORMAT(srcchar) && !KR_IS_BYTE_FORMAT(destchar)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    if (view->len % itemsize) {
        PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    Py_ssize_t shape_vals[PyBUF_MAX_NDIM];
    Py_ssize_t total = itemsize;
    if (shape != NULL) {
        for (Py_ssize_t i = 0; i < ndim; i++) {
            PyObject *x = PySequence_Fast_GET_ITEM(shape, i);
            if (!PyLong_Check(x)) {
                PyErr_SetString(PyExc_TypeError, "memoryview.cast(): elements of shape must be integers");
                return NULL;
            }
            Py_ssize_t v = PyLong_AsSsize_t(x);
            if (v == -1 && PyErr_Occurred())
                return NULL;
            if (v <= 0) {
                PyErr_SetString(PyExc_ValueError,
                                "memoryview.cast(): elements of shape must be integers > 0");
                return NULL;
            }
            if (v > PY_SSIZE_T_MAX / total) {
                PyErr_SetString(PyExc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
                return NULL;
            }
            total *= v;
            shape_vals[i] = v;
        }
        if (total != view->len) {
            PyErr_SetString(PyExc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
    } else {
        shape_vals[0] = view->len / itemsize;
    }
    PyMemoryViewObject *mv = kr_mv_register(self->mbuf, view, ndim == 0 ? 1 : (int)ndim);
    if (mv == NULL)
        return NULL;
    Py_buffer *dest = &mv->view;
    dest->format = (char *)destfmt;
    dest->itemsize = itemsize;
    dest->ndim = (int)ndim;
    dest->len = view->len;
    if (ndim == 0) {
        dest->shape = NULL;
        dest->strides = NULL;
    } else {
        for (Py_ssize_t i = 0; i < ndim; i++)
            dest->shape[i] = shape_vals[i];
        PyBuffer_FillContiguousStrides((int)ndim, dest->shape, dest->strides, itemsize, 'C');
    }
    kr_mv_init_flags(mv);
    return (PyObject *)mv;
}

/* ---- other methods ---- */

static PyObject *memory_release(PyObject *op, PyObject *unused)
{
    if (kr_mv_release(KR_MV(op)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *memory_enter(PyObject *op, PyObject *unused)
{
    if (kr_mv_check_released(KR_MV(op)) < 0)
        return NULL;
    return Py_NewRef(op);
}

static PyObject *memory_exit(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    return memory_release(op, NULL);
}

static PyObject *memory_toreadonly(PyObject *op, PyObject *unused)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return NULL;
    PyObject *r = kr_mv_from_view(mv->mbuf, &mv->view);
    if (r != NULL)
        KR_MV(r)->view.readonly = 1;
    return r;
}

static PyObject *memory_repr(PyObject *op)
{
    if (KR_MV_RELEASED(KR_MV(op)))
        return PyUnicode_FromFormat("<released memory at %p>", op);
    return PyUnicode_FromFormat("<memory at %p>", op);
}

/* ---- hashing and comparison ---- */

static Py_hash_t memory_hash(PyObject *op)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (mv->hash != -1)
        return mv->hash;
    if (kr_mv_check_released(mv) < 0)
        return -1;
    if (!mv->view.readonly) {
        PyErr_SetString(PyExc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    char c;
    if (kr_mv_native(mv->view.format, &c) < 0 || !KR_IS_BYTE_FORMAT(c)) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (mv->view.obj != NULL && PyObject_Hash(mv->view.obj) == -1)
        return -1;
    PyObject *b = kr_mv_bytes(mv, 'C');
    if (b == NULL)
        return -1;
    mv->hash = _Py_HashBytes(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b));
    Py_DECREF(b);
    return mv->hash;
}

/* Element-wise equality of two views of the same shape: 1, 0 or -1. */
static int kr_mv_equal_dim(const Py_buffer *a, char *pa, char fa, const Py_buffer *b, char *pb,
                           char fb, int dim)
{
    if (dim == a->ndim) {
        if (fa == fb && fa != 'f' && fa != 'd')
            return memcmp(pa, pb, (size_t)a->itemsize) == 0;
        PyObject *x = kr_mv_unpack(pa, fa);
        if (x == NULL)
            return -1;
        PyObject *y = kr_mv_unpack(pb, fb);
        if (y == NULL) {
            Py_DECREF(x);
            return -1;
        }
        int r = PyObject_RichCompareBool(x, y, Py_EQ);
        Py_DECREF(x);
        Py_DECREF(y);
        return r;
    }
    for (Py_ssize_t i = 0; i < a->shape[dim]; i++) {
        char *xa = kr_mv_adjust(pa + i * a->strides[dim], a, dim);
        char *xb = kr_mv_adjust(pb + i * b->strides[dim], b, dim);
        int r = kr_mv_equal_dim(a, xa, fa, b, xb, fb, dim + 1);
        if (r <= 0)
            return r;
    }
    return 1;
}

static PyObject *memory_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    int equal = 0;
    Py_buffer vbuf, wbuf;
    vbuf.obj = wbuf.obj = NULL;
    const Py_buffer *vv, *ww;
    if (v == w) {
        equal = 1;
        goto result;
    }
    if (PyMemoryView_Check(v)) {
        if (KR_MV_RELEASED(KR_MV(v)))
            goto result;
        vv = &KR_MV(v)->view;
    } else {
        if (PyObject_GetBuffer(v, &vbuf, PyBUF_FULL_RO) < 0) {
            PyErr_Clear();
            Py_RETURN_NOTIMPLEMENTED;
        }
        vv = &vbuf;
    }
    if (PyMemoryView_Check(w)) {
        if (KR_MV_RELEASED(KR_MV(w)))
            goto result;
        ww = &KR_MV(w)->view;
    } else {
        if (PyObject_GetBuffer(w, &wbuf, PyBUF_FULL_RO) < 0) {
            PyErr_Clear();
            PyBuffer_Release(&vbuf);
            Py_RETURN_NOTIMPLEMENTED;
        }
        ww = &wbuf;
    }
    /* Shapes must agree; a missing shape means 1-D of len/itemsize. */
    if (vv->ndim != ww->ndim)
        goto result;
    Py_ssize_t vshape1, wshape1, vstride1, wstride1;
    Py_buffer va = *vv, wa = *ww;
    if (va.shape == NULL) {
        vshape1 = va.len / va.itemsize;
        va.shape = &vshape1;
    }
    if (wa.shape == NULL) {
        wshape1 = wa.len / wa.itemsize;
        wa.shape = &wshape1;
    }
    if (va.strides == NULL && va.ndim == 1) {
        vstride1 = va.itemsize;
        va.strides = &vstride1;
    }
    if (wa.strides == NULL && wa.ndim == 1) {
        wstride1 = wa.itemsize;
        wa.strides = &wstride1;
    }
    for (int i = 0; i < va.ndim; i++) {
        if (va.shape[i] != wa.shape[i])
            goto result;
    }
    char fv, fw;
    if (kr_mv_native(va.format, &fv) < 0 || kr_mv_native(wa.format, &fw) < 0) {
        /* Not a format items can be read in: identical formats compare
         * their bytes. */
        const char *sv = va.format ? va.format : "B", *sw = wa.format ? wa.format : "B";
        if (strcmp(sv, sw) != 0 || va.itemsize != wa.itemsize)
            goto result;
        fv = fw = 'B';
        if (va.ndim > 0 && va.itemsize != 1) {
            /* Compare item bytes through contiguous copies. */
            PyObject *bv = PyBytes_FromStringAndSize(NULL, va.len);
            PyObject *bw = PyBytes_FromStringAndSize(NULL, wa.len);
            int ok = bv && bw && PyBuffer_ToContiguous(PyBytes_AS_STRING(bv), vv, va.len, 'C') == 0 &&
                     PyBuffer_ToContiguous(PyBytes_AS_STRING(bw), ww, wa.len, 'C') == 0;
            if (ok)
                equal = va.len == wa.len &&
                        memcmp(PyBytes_AS_STRING(bv), PyBytes_AS_STRING(bw), (size_t)va.len) == 0;
            Py_XDECREF(bv);
            Py_XDECREF(bw);
            if (!ok) {
                equal = -1;
            }
            goto result;
        }
    }
    equal = kr_mv_equal_dim(&va, va.buf, fv, &wa, wa.buf, fw, 0);
result:
    PyBuffer_Release(&vbuf);
    PyBuffer_Release(&wbuf);
    if (equal < 0)
        return NULL;
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

/* ---- iterator ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyMemoryViewObject *seq;   /* NULL when exhausted */
    char fmt;
} kr_mv_iter;

static PyObject *memory_iter(PyObject *op)
{
    PyMemoryViewObject *mv = KR_MV(op);
    if (kr_mv_check_released(mv) < 0)
        return NULL;
    if (mv->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (mv->view.ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    char fmt = kr_mv_item_format(&mv->view);
    if (fmt == 0)
        return NULL;
    kr_mv_iter *it = PyObject_GC_New(kr_mv_iter, &_PyMemoryIter_Type);
    if (it == NULL)
        return NULL;
    it->index = 0;
    it->fmt = fmt;
    it->seq = (PyMemoryViewObject *)Py_NewRef(op);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void memoryiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((kr_mv_iter *)op)->seq);
    PyObject_GC_Del(op);
}

static int memoryiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((kr_mv_iter *)op)->seq);
    return 0;
}

static PyObject *memoryiter_next(PyObject *op)
{
    kr_mv_iter *it = (kr_mv_iter *)op;
    PyMemoryViewObject *mv = it->seq;
    if (mv == NULL)
        return NULL;
    if (kr_mv_check_released(mv) < 0)
        return NULL;
    const Py_buffer *view = &mv->view;
    if (it->index >= view->shape[0]) {
        Py_CLEAR(it->seq);
        return NULL;
    }
    char *ptr = kr_mv_adjust((char *)view->buf + view->strides[0] * it->index++, view, 0);
    return kr_mv_unpack(ptr, it->fmt);
}

PyTypeObject _PyMemoryIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(kr_mv_iter),
    .tp_dealloc = memoryiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = memoryiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = memoryiter_next,
};

/* ---- attributes ---- */

#define KR_MV_GETTER(name) static PyObject *memory_##name##_get(PyObject *op, void *closure)
#define KR_MV_CHECK()                            \
    PyMemoryViewObject *mv = KR_MV(op);          \
    if (kr_mv_check_released(mv) < 0)           \
        return NULL

static PyObject *kr_mv_tuple(const Py_ssize_t *vals, int n)
{
    PyObject *t = PyTuple_New(vals == NULL ? 0 : n);
    if (t == NULL || vals == NULL)
        return t;
    for (int i = 0; i < n; i++) {
        PyObject *x = PyLong_FromSsize_t(vals[i]);
        if (x == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    return t;
}

KR_MV_GETTER(obj) { KR_MV_CHECK(); return Py_NewRef(mv->view.obj ? mv->view.obj : Py_None); }
KR_MV_GETTER(nbytes) { KR_MV_CHECK(); return PyLong_FromSsize_t(mv->view.len); }
KR_MV_GETTER(readonly) { KR_MV_CHECK(); return PyBool_FromLong(mv->view.readonly); }
KR_MV_GETTER(itemsize) { KR_MV_CHECK(); return PyLong_FromSsize_t(mv->view.itemsize); }
KR_MV_GETTER(format) { KR_MV_CHECK(); return PyUnicode_FromString(mv->view.format ? mv->view.format : "B"); }
KR_MV_GETTER(ndim) { KR_MV_CHECK(); return PyLong_FromLong(mv->view.ndim); }
KR_MV_GETTER(shape) { KR_MV_CHECK(); return kr_mv_tuple(mv->view.shape, mv->view.ndim); }
KR_MV_GETTER(strides) { KR_MV_CHECK(); return kr_mv_tuple(mv->view.strides, mv->view.ndim); }
KR_MV_GETTER(suboffsets) { KR_MV_CHECK(); return kr_mv_tuple(mv->view.suboffsets, mv->view.ndim); }
KR_MV_GETTER(c_contiguous) { KR_MV_CHECK(); return PyBool_FromLong((mv->flags & _Py_MEMORYVIEW_C) != 0); }
KR_MV_GETTER(f_contiguous) { KR_MV_CHECK(); return PyBool_FromLong((mv->flags & _Py_MEMORYVIEW_FORTRAN) != 0); }
KR_MV_GETTER(contiguous)
{
    KR_MV_CHECK();
    return PyBool_FromLong((mv->flags & (_Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN)) != 0);
}

static PyGetSetDef memory_getset[] = {
    {"obj", memory_obj_get, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", memory_nbytes_get, NULL, NULL, NULL},
    {"readonly", memory_readonly_get, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", memory_itemsize_get, NULL, "The size in bytes of each element of the memoryview.", NULL},
    {"format", memory_format_get, NULL, NULL, NULL},
    {"ndim", memory_ndim_get, NULL, NULL, NULL},
    {"shape", memory_shape_get, NULL, NULL, NULL},
    {"strides", memory_strides_get, NULL, NULL, NULL},
    {"suboffsets", memory_suboffsets_get, NULL, NULL, NULL},
    {"c_contiguous", memory_c_contiguous_get, NULL, "A bool indicating whether the memory is C contiguous.", NULL},
    {"f_contiguous", memory_f_contiguous_get, NULL, "A bool indicating whether the memory is Fortran contiguous.", NULL},
    {"contiguous", memory_contiguous_get, NULL, "A bool indicating whether the memory is contiguous.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef memory_methods[] = {
    {"release", memory_release, METH_NOARGS, NULL},
    {"tobytes", (PyCFunction)(void (*)(void))memory_tobytes, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"hex", (PyCFunction)(void (*)(void))memory_hex, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"tolist", memory_tolist, METH_NOARGS, NULL},
    {"cast", (PyCFunction)(void (*)(void))memory_cast, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"toreadonly", memory_toreadonly, METH_NOARGS, NULL},
    {"__enter__", memory_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)(void (*)(void))memory_exit, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static PySequenceMethods memory_as_sequence = {
    .sq_length = memory_length,
    .sq_item = memory_item,
};

static PyMappingMethods memory_as_mapping = {
    .mp_length = memory_length,
    .mp_subscript = memory_subscript,
    .mp_ass_subscript = memory_ass_sub,
};

static PyBufferProcs memory_as_buffer = {memory_getbuf, memory_releasebuf};

PyTypeObject PyMemoryView_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memoryview",
    .tp_basicsize = offsetof(PyMemoryViewObject, ob_array),
    .tp_itemsize = sizeof(Py_ssize_t),
    .tp_dealloc = memory_dealloc,
    .tp_repr = memory_repr,
    .tp_as_sequence = &memory_as_sequence,
    .tp_as_mapping = &memory_as_mapping,
    .tp_hash = memory_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &memory_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_traverse = memory_traverse,
    .tp_clear = memory_clear,
    .tp_richcompare = memory_richcompare,
    .tp_weaklistoffset = offsetof(PyMemoryViewObject, weakreflist),
    .tp_iter = memory_iter,
    .tp_methods = memory_methods,
    .tp_getset = memory_getset,
    .tp_new = memory_new,
};
