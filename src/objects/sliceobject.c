/* sliceobject.c: slice objects, the Ellipsis singleton, and the index
 * conversions every sequence shares (slice bounds, the start/stop window
 * of index()).
 *
 * A slice just holds its three bounds; sequences turn it into concrete
 * indices with PySlice_Unpack + PySlice_AdjustIndices.  slice.indices()
 * works on arbitrary ints, so it has its own big-int path.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "structmember.h"

/* ---- Ellipsis ---- */

static PyObject *
kr_ellipsis_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "EllipsisType takes no arguments");
        return NULL;
    }
    return Py_Ellipsis;
}

static PyObject *
kr_ellipsis_repr(PyObject *op)
{
    return PyUnicode_FromString("Ellipsis");
}

static PyObject *
kr_ellipsis_reduce(PyObject *op, PyObject *unused)
{
    return PyUnicode_FromString("Ellipsis");
}

static PyMethodDef kr_ellipsis_methods[] = {
    {"__reduce__", kr_ellipsis_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyEllipsis_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ellipsis",
    .tp_basicsize = 0,
    .tp_repr = kr_ellipsis_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = kr_ellipsis_methods,
    .tp_new = kr_ellipsis_new,
};

PyObject _Py_EllipsisObject = {_Py_IMMORTAL_REFCNT, &PyEllipsis_Type};

/* ---- index conversions ---- */

int
kr_slice_index(PyObject *v, Py_ssize_t *pi)
{
    if (v == Py_None)
        return 1;
    if (kr_small_index(v, pi))
        return 1;
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    /* out-of-range ints clamp: a[-10**100:] is a[0:] */
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred())
        return 0;
    *pi = x;
    return 1;
}

/* index()'s optional start/stop (args[1], args[2]): like slice bounds but
 * None is refused, then clamped to [0, len]. */
int
kr_seq_index_bounds(PyObject *const *args, Py_ssize_t nargs, Py_ssize_t len,
                    Py_ssize_t *start, Py_ssize_t *stop)
{
    *start = 0;
    *stop = PY_SSIZE_T_MAX;
    for (Py_ssize_t i = 1; i < nargs && i < 3; i++) {
        Py_ssize_t *dst = i == 1 ? start : stop;
        if (!PyIndex_Check(args[i])) {
            PyErr_SetString(PyExc_TypeError,
                            "slice indices must be integers or have an __index__ method");
            return -1;
        }
        Py_ssize_t x = PyNumber_AsSsize_t(args[i], NULL);
        if (x == -1 && PyErr_Occurred())
            return -1;
        *dst = x;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0)
            *stop = 0;
    }
    return 0;
}

/* ---- slice objects ---- */

PyObject *
PySlice_New(PyObject *start, PyObject *stop, PyObject *step)
{
    PySliceObject *obj = PyObject_GC_New(PySliceObject, &PySlice_Type);
    if (obj == NULL)
        return NULL;
    obj->start = Py_NewRef(start ? start : Py_None);
    obj->stop = Py_NewRef(stop ? stop : Py_None);
    obj->step = Py_NewRef(step ? step : Py_None);
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

PyObject *
_PySlice_FromIndices(Py_ssize_t istart, Py_ssize_t istop)
{
    PyObject *start = PyLong_FromSsize_t(istart);
    if (start == NULL)
        return NULL;
    PyObject *end = PyLong_FromSsize_t(istop);
    if (end == NULL) {
        Py_DECREF(start);
        return NULL;
    }
    PyObject *slice = PySlice_New(start, end, NULL);
    Py_DECREF(start);
    Py_DECREF(end);
    return slice;
}

int
PySlice_GetIndices(PyObject *_r, Py_ssize_t length,
                   Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    /* the old API: plain ints only, no clamping of bad values */
    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (!PyLong_Check(r->step))
            return -1;
        *step = PyLong_AsSsize_t(r->step);
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? length - 1 : 0;
    }
    else {
        if (!PyLong_Check(r->start))
            return -1;
        *start = PyLong_AsSsize_t(r->start);
        if (*start < 0)
            *start += length;
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? -1 : length;
    }
    else {
        if (!PyLong_Check(r->stop))
            return -1;
        *stop = PyLong_AsSsize_t(r->stop);
        if (*stop < 0)
            *stop += length;
    }
    if (*stop > length)
        return -1;
    if (*start >= length)
        return -1;
    if (*step == 0)
        return -1;
    return 0;
}

int
PySlice_Unpack(PyObject *_r, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (!kr_slice_index(r->step, step))
            return -1;
        if (*step == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* keep -step representable, so reversing a slice cannot overflow */
        if (*step < -PY_SSIZE_T_MAX)
            *step = -PY_SSIZE_T_MAX;
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? PY_SSIZE_T_MAX : 0;
    }
    else if (!kr_slice_index(r->start, start)) {
        return -1;
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    else if (!kr_slice_index(r->stop, stop)) {
        return -1;
    }
    return 0;
}

Py_ssize_t
PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = (step < 0) ? -1 : 0;
    }
    else if (*start >= length) {
        *start = (step < 0) ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = (step < 0) ? -1 : 0;
    }
    else if (*stop >= length) {
        *stop = (step < 0) ? length - 1 : length;
    }
    /* plain slices need no division */
    if (step == 1)
        return *start < *stop ? *stop - *start : 0;
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    }
    else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

#undef PySlice_GetIndicesEx
int
PySlice_GetIndicesEx(PyObject *_r, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                     Py_ssize_t *step, Py_ssize_t *slicelength)
{
    if (PySlice_Unpack(_r, start, stop, step) < 0)
        return -1;
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}

static PyObject *
kr_slice_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("slice", kw))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (!KR_CHECK_NARGS("slice", n, 1, 3))
        return NULL;
    if (n == 1)
        return PySlice_New(Py_None, PyTuple_GET_ITEM(args, 0), Py_None);
    return PySlice_New(PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1),
                       n == 3 ? PyTuple_GET_ITEM(args, 2) : Py_None);
}

static void
kr_slice_dealloc(PySliceObject *r)
{
    PyObject_GC_UnTrack(r);
    Py_DECREF(r->step);
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    PyObject_GC_Del(r);
}

static int
kr_slice_traverse(PySliceObject *v, visitproc visit, void *arg)
{
    Py_VISIT(v->start);
    Py_VISIT(v->stop);
    Py_VISIT(v->step);
    return 0;
}

static PyObject *
kr_slice_repr(PySliceObject *r)
{
    return PyUnicode_FromFormat("slice(%R, %R, %R)", r->start, r->stop, r->step);
}

/* The bounds as a tuple; new reference. */
static PyObject *
kr_slice_as_tuple(PySliceObject *v)
{
    return PyTuple_Pack(3, v->start, v->stop, v->step);
}

static PyObject *
kr_slice_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PySlice_Check(v) || !PySlice_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    if (v == w) {
        switch (op) {
        case Py_EQ: case Py_LE: case Py_GE:
            Py_RETURN_TRUE;
        case Py_NE: case Py_LT: case Py_GT:
            Py_RETURN_FALSE;
        default:
            break;
        }
    }
    PyObject *t1 = kr_slice_as_tuple((PySliceObject *)v);
    if (t1 == NULL)
        return NULL;
    PyObject *t2 = kr_slice_as_tuple((PySliceObject *)w);
    if (t2 == NULL) {
        Py_DECREF(t1);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(t1, t2, op);
    Py_DECREF(t1);
    Py_DECREF(t2);
    return res;
}

/* Arbitrary-size version of Unpack+AdjustIndices for slice.indices():
 * *start_ptr etc. receive new references. */
int
_PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                        PyObject **start_ptr, PyObject **stop_ptr, PyObject **step_ptr)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    PyObject *upper = NULL, *lower = NULL;
    int step_is_negative, cmp;

    if (self->step == Py_None) {
        step = PyLong_FromLong(1);
        if (step == NULL)
            goto error;
        step_is_negative = 0;
    }
    else {
        step = PyNumber_Index(self->step);
        if (step == NULL)
            goto error;
        int sign = _PyLong_Sign(step);
        if (sign == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            goto error;
        }
        step_is_negative = sign < 0;
    }
    if (step_is_negative) {
        lower = PyLong_FromLong(-1L);
        if (lower == NULL)
            goto error;
        upper = PyNumber_Add(length, lower);
        if (upper == NULL)
            goto error;
    }
    else {
        lower = PyLong_FromLong(0);
        if (lower == NULL)
            goto error;
        upper = Py_NewRef(length);
    }

    for (int which = 0; which < 2; which++) {
        PyObject *bound = which == 0 ? self->start : self->stop;
        PyObject *res;
        if (bound == Py_None) {
            /* start defaults to the near end, stop to the far end */
            int near = which == 0;
            res = Py_NewRef((near ^ step_is_negative) ? lower : upper);
        }
        else {
            res = PyNumber_Index(bound);
            if (res == NULL)
                goto error;
            if (_PyLong_Sign(res) < 0) {
                PyObject *t = PyNumber_Add(res, length);
                Py_DECREF(res);
                if (t == NULL)
                    goto error;
                res = t;
                cmp = PyObject_RichCompareBool(res, lower, Py_LT);
                if (cmp < 0) {
                    Py_DECREF(res);
                    goto error;
                }
                if (cmp)
                    Py_SETREF(res, Py_NewRef(lower));
            }
            else {
                cmp = PyObject_RichCompareBool(res, upper, Py_GT);
                if (cmp < 0) {
                    Py_DECREF(res);
                    goto error;
                }
                if (cmp)
                    Py_SETREF(res, Py_NewRef(upper));
            }
        }
        if (which == 0)
            start = res;
        else
            stop = res;
    }
    Py_DECREF(lower);
    Py_DECREF(upper);
    *start_ptr = start;
    *stop_ptr = stop;
    *step_ptr = step;
    return 0;
error:
    *start_ptr = *stop_ptr = *step_ptr = NULL;
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(upper);
    Py_XDECREF(lower);
    return -1;
}

static PyObject *
kr_slice_indices(PySliceObject *self, PyObject *len)
{
    PyObject *length = PyNumber_Index(len);
    if (length == NULL)
        return NULL;
    if (_PyLong_Sign(length) < 0) {
        PyErr_SetString(PyExc_ValueError, "length should not be negative");
        Py_DECREF(length);
        return NULL;
    }
    PyObject *start, *stop, *step;
    int error = _PySlice_GetLongIndices(self, length, &start, &stop, &step);
    Py_DECREF(length);
    if (error == -1)
        return NULL;
    PyObject *res = PyTuple_Pack(3, start, stop, step);
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(step);
    return res;
}

static PyObject *
kr_slice_reduce(PySliceObject *self, PyObject *unused)
{
    return Py_BuildValue("O(OOO)", (PyObject *)Py_TYPE(self), self->start, self->stop, self->step);
}

static PyMemberDef kr_slice_members[] = {
    {"start", T_OBJECT, offsetof(PySliceObject, start), READONLY, NULL},
    {"stop", T_OBJECT, offsetof(PySliceObject, stop), READONLY, NULL},
    {"step", T_OBJECT, offsetof(PySliceObject, step), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef kr_slice_methods[] = {
    {"indices", (PyCFunction)kr_slice_indices, METH_O,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", (PyCFunction)kr_slice_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PySlice_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "slice",
    .tp_basicsize = sizeof(PySliceObject),
    .tp_dealloc = (destructor)kr_slice_dealloc,
    .tp_repr = (reprfunc)kr_slice_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = (traverseproc)kr_slice_traverse,
    .tp_richcompare = kr_slice_richcompare,
    .tp_methods = kr_slice_methods,
    .tp_members = kr_slice_members,
    .tp_new = kr_slice_new,
};
