/* rangeobject.c: range objects and their iterators.
 *
 * A range keeps start, stop, step and its length as Python ints, so any
 * size works; the common case (everything fits in a C long) iterates with
 * a C-long iterator and answers `in`, index() and count() for ints by
 * arithmetic instead of by scanning.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "structmember.h"

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
    PyObject *step;
    PyObject *length;
} kr_rangeobject;

/* ---- length ---- */

/* Number of items of range(lo, hi, step) for C longs (step != 0). */
static unsigned long
kr_range_len_c(long lo, long hi, long step)
{
    if (step > 0 && lo < hi)
        return 1UL + ((unsigned long)hi - 1UL - (unsigned long)lo) / (unsigned long)step;
    if (step < 0 && lo > hi)
        return 1UL + ((unsigned long)lo - 1UL - (unsigned long)hi) / (0UL - (unsigned long)step);
    return 0UL;
}

/* Length as a Python int, for any size; new reference. */
static PyObject *
kr_range_compute_length(PyObject *start, PyObject *stop, PyObject *step)
{
    int overflow = 0;
    long lstart = PyLong_AsLongAndOverflow(start, &overflow);
    long lstop = overflow ? 0 : PyLong_AsLongAndOverflow(stop, &overflow);
    long lstep = overflow ? 0 : PyLong_AsLongAndOverflow(step, &overflow);
    if ((lstart == -1 || lstop == -1 || lstep == -1) && PyErr_Occurred())
        return NULL;
    if (!overflow) {
        unsigned long n = kr_range_len_c(lstart, lstop, lstep);
        if (n <= (unsigned long)LONG_MAX)
            return PyLong_FromLong((long)n);
    }
    /* the general formula: step > 0 ? (hi - lo - 1) // step + 1 over
     * lo < hi, mirrored for negative steps */
    PyObject *lo, *hi, *zero = PyLong_FromLong(0);
    if (zero == NULL)
        return NULL;
    int cmp = PyObject_RichCompareBool(step, zero, Py_GT);
    if (cmp < 0) {
        Py_DECREF(zero);
        return NULL;
    }
    PyObject *pstep = Py_NewRef(step);
    if (cmp) {
        lo = start;
        hi = stop;
    }
    else {
        lo = stop;
        hi = start;
        Py_SETREF(pstep, PyNumber_Negative(step));
        if (pstep == NULL) {
            Py_DECREF(zero);
            return NULL;
        }
    }
    PyObject *result = NULL, *diff = NULL, *tmp = NULL, *one = NULL;
    cmp = PyObject_RichCompareBool(lo, hi, Py_GE);
    if (cmp < 0)
        goto done;
    if (cmp) {
        result = Py_NewRef(zero);
        goto done;
    }
    one = PyLong_FromLong(1);
    if (one == NULL)
        goto done;
    diff = PyNumber_Subtract(hi, lo);
    if (diff == NULL)
        goto done;
    tmp = PyNumber_Subtract(diff, one);
    if (tmp == NULL)
        goto done;
    Py_SETREF(diff, PyNumber_FloorDivide(tmp, pstep));
    if (diff == NULL)
        goto done;
    result = PyNumber_Add(diff, one);
done:
    Py_XDECREF(diff);
    Py_XDECREF(tmp);
    Py_XDECREF(one);
    Py_DECREF(pstep);
    Py_DECREF(zero);
    return result;
}

/* Takes the references to start, stop and step. */
static kr_rangeobject *
kr_make_range(PyObject *start, PyObject *stop, PyObject *step)
{
    PyObject *length = kr_range_compute_length(start, stop, step);
    if (length == NULL)
        goto fail;
    kr_rangeobject *obj = PyObject_New(kr_rangeobject, &PyRange_Type);
    if (obj == NULL) {
        Py_DECREF(length);
        goto fail;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    obj->length = length;
    return obj;
fail:
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(step);
    return NULL;
}

static PyObject *
kr_range_from_array(PyTypeObject *type, PyObject *const *args, Py_ssize_t num_args)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    switch (num_args) {
    case 3:
        step = PyNumber_Index(args[2]);
        if (step == NULL)
            return NULL;
        if (_PyLong_Sign(step) == 0) {
            Py_DECREF(step);
            PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
            return NULL;
        }
        /* fall through */
    case 2:
        start = PyNumber_Index(args[0]);
        if (start == NULL) {
            Py_XDECREF(step);
            return NULL;
        }
        stop = PyNumber_Index(args[1]);
        if (stop == NULL) {
            Py_DECREF(start);
            Py_XDECREF(step);
            return NULL;
        }
        break;
    case 1:
        stop = PyNumber_Index(args[0]);
        if (stop == NULL)
            return NULL;
        start = PyLong_FromLong(0);
        if (start == NULL) {
            Py_DECREF(stop);
            return NULL;
        }
        break;
    case 0:
        PyErr_SetString(PyExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    default:
        PyErr_Format(PyExc_TypeError, "range expected at most 3 arguments, got %zd", num_args);
        return NULL;
    }
    if (step == NULL) {
        step = PyLong_FromLong(1);
        if (step == NULL) {
            Py_DECREF(start);
            Py_DECREF(stop);
            return NULL;
        }
    }
    return (PyObject *)kr_make_range(start, stop, step);
}

static PyObject *
kr_range_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("range", kw))
        return NULL;
    return kr_range_from_array(type, ((PyTupleObject *)args)->ob_item, PyTuple_GET_SIZE(args));
}

static PyObject *
kr_range_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("range", kwnames))
        return NULL;
    return kr_range_from_array((PyTypeObject *)type, args, PyVectorcall_NARGS(nargsf));
}

static void
kr_range_dealloc(kr_rangeobject *r)
{
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    Py_DECREF(r->step);
    Py_DECREF(r->length);
    PyObject_Free(r);
}

static Py_ssize_t
kr_range_length(kr_rangeobject *r)
{
    return PyLong_AsSsize_t(r->length);
}

static int
kr_range_bool(kr_rangeobject *r)
{
    return PyObject_IsTrue(r->length);
}

/* start + i * step, i a Python int; new reference */
static PyObject *
kr_range_compute_item(kr_rangeobject *r, PyObject *i)
{
    if (PyLong_CheckExact(i) && Py_SIZE(i) == 0)
        return Py_NewRef(r->start);
    PyObject *incr = PyNumber_Multiply(i, r->step);
    if (incr == NULL)
        return NULL;
    PyObject *result = PyNumber_Add(r->start, incr);
    Py_DECREF(incr);
    return result;
}

/* r[i] for an int i, negative indices counting from the end */
static PyObject *
kr_range_item_obj(kr_rangeobject *r, PyObject *arg)
{
    PyObject *i = PyNumber_Index(arg);
    if (i == NULL)
        return NULL;
    PyObject *result = NULL;
    int neg = _PyLong_Sign(i) < 0;
    if (neg) {
        Py_SETREF(i, PyNumber_Add(i, r->length));
        if (i == NULL)
            return NULL;
    }
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL)
        goto done;
    int lt0 = PyObject_RichCompareBool(i, zero, Py_LT);
    Py_DECREF(zero);
    if (lt0 < 0)
        goto done;
    int ge_len = lt0 ? 0 : PyObject_RichCompareBool(i, r->length, Py_GE);
    if (ge_len < 0)
        goto done;
    if (lt0 || ge_len) {
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
        goto done;
    }
    result = kr_range_compute_item(r, i);
done:
    Py_DECREF(i);
    return result;
}

static PyObject *
kr_range_item(kr_rangeobject *r, Py_ssize_t i)
{
    PyObject *arg = PyLong_FromSsize_t(i);
    if (arg == NULL)
        return NULL;
    /* sq_item gets an index already adjusted by the caller */
    PyObject *res = NULL;
    if (i < 0) {
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
    }
    else {
        res = kr_range_item_obj(r, arg);
    }
    Py_DECREF(arg);
    return res;
}

static PyObject *
kr_range_subscript(kr_rangeobject *self, PyObject *item)
{
    if (PyLong_CheckExact(item) || PyIndex_Check(item))
        return kr_range_item_obj(self, item);
    if (PySlice_Check(item)) {
        PyObject *start, *stop, *step;
        if (_PySlice_GetLongIndices((PySliceObject *)item, self->length, &start, &stop, &step) < 0)
            return NULL;
        PyObject *substart = NULL, *substop = NULL, *substep = NULL;
        substep = PyNumber_Multiply(self->step, step);
        if (substep != NULL)
            substart = kr_range_compute_item(self, start);
        if (substart != NULL)
            substop = kr_range_compute_item(self, stop);
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        if (substop == NULL) {
            Py_XDECREF(substart);
            Py_XDECREF(substep);
            return NULL;
        }
        return (PyObject *)kr_make_range(substart, substop, substep);
    }
    PyErr_Format(PyExc_TypeError, "range indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* `ob in r` for an int: inside the bounds and on the step grid. */
static int
kr_range_contains_long(kr_rangeobject *r, PyObject *ob)
{
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL)
        return -1;
    int result = -1, cmp1, cmp2;
    PyObject *tmp1 = NULL, *tmp2 = NULL;
    int cmp3 = PyObject_RichCompareBool(r->step, zero, Py_GT);
    if (cmp3 < 0)
        goto end;
    if (cmp3) {
        cmp1 = PyObject_RichCompareBool(r->start, ob, Py_LE);
        cmp2 = cmp1 > 0 ? PyObject_RichCompareBool(ob, r->stop, Py_LT) : cmp1;
    }
    else {
        cmp1 = PyObject_RichCompareBool(ob, r->start, Py_LE);
        cmp2 = cmp1 > 0 ? PyObject_RichCompareBool(r->stop, ob, Py_LT) : cmp1;
    }
    if (cmp1 < 0 || cmp2 < 0)
        goto end;
    if (cmp1 == 0 || cmp2 == 0) {
        result = 0;
        goto end;
    }
    tmp1 = PyNumber_Subtract(ob, r->start);
    if (tmp1 == NULL)
        goto end;
    tmp2 = PyNumber_Remainder(tmp1, r->step);
    if (tmp2 == NULL)
        goto end;
    result = PyObject_RichCompareBool(tmp2, zero, Py_EQ);
end:
    Py_XDECREF(tmp1);
    Py_XDECREF(tmp2);
    Py_DECREF(zero);
    return result;
}

/* Scans the range comparing each item; for non-int needles. */
static Py_ssize_t
kr_range_scan(kr_rangeobject *r, PyObject *ob, int count_all)
{
    PyObject *it = PyObject_GetIter((PyObject *)r);
    if (it == NULL)
        return -1;
    Py_ssize_t n = 0, idx = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int cmp = PyObject_RichCompareBool(item, ob, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            Py_DECREF(it);
            return -1;
        }
        if (cmp) {
            if (!count_all) {
                Py_DECREF(it);
                return idx;
            }
            n++;
        }
        idx++;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return -1;
    return count_all ? n : -2;
}

static int
kr_range_contains(kr_rangeobject *r, PyObject *ob)
{
    if (PyLong_CheckExact(ob) || PyBool_Check(ob))
        return kr_range_contains_long(r, ob);
    Py_ssize_t res = kr_range_scan(r, ob, 0);
    if (res == -1)
        return -1;
    return res >= 0;
}

static PyObject *
kr_range_count(kr_rangeobject *r, PyObject *ob)
{
    if (PyLong_CheckExact(ob) || PyBool_Check(ob)) {
        int result = kr_range_contains_long(r, ob);
        if (result == -1)
            return NULL;
        return PyLong_FromLong(result);
    }
    Py_ssize_t count = kr_range_scan(r, ob, 1);
    if (count == -1)
        return NULL;
    return PyLong_FromSsize_t(count);
}

static PyObject *
kr_range_index(kr_rangeobject *r, PyObject *ob)
{
    if (!PyLong_CheckExact(ob) && !PyBool_Check(ob)) {
        Py_ssize_t index = kr_range_scan(r, ob, 0);
        if (index == -1)
            return NULL;
        if (index == -2) {
            PyErr_SetString(PyExc_ValueError, "sequence.index(x): x not in sequence");
            return NULL;
        }
        return PyLong_FromSsize_t(index);
    }
    int contains = kr_range_contains_long(r, ob);
    if (contains == -1)
        return NULL;
    if (contains) {
        PyObject *idx = PyNumber_Subtract(ob, r->start);
        if (idx == NULL)
            return NULL;
        if (PyLong_CheckExact(r->step) && Py_SIZE(r->step) == 1 &&
            ((PyLongObject *)r->step)->ob_digit[0] == 1)
            return idx;   /* step 1: no division needed */
        PyObject *res = PyNumber_FloorDivide(idx, r->step);
        Py_DECREF(idx);
        return res;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in range", ob);
    return NULL;
}

/* Equal as sequences: same length, and if non-empty the same start, and
 * if longer than one the same step. */
static int
kr_range_equals(kr_rangeobject *r0, kr_rangeobject *r1)
{
    if (r0 == r1)
        return 1;
    int cmp = PyObject_RichCompareBool(r0->length, r1->length, Py_EQ);
    if (cmp != 1)
        return cmp;
    cmp = PyObject_Not(r0->length);
    if (cmp != 0)
        return cmp;
    cmp = PyObject_RichCompareBool(r0->start, r1->start, Py_EQ);
    if (cmp != 1)
        return cmp;
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL)
        return -1;
    cmp = PyObject_RichCompareBool(r0->length, one, Py_EQ);
    Py_DECREF(one);
    if (cmp != 0)
        return cmp;
    return PyObject_RichCompareBool(r0->step, r1->step, Py_EQ);
}

static PyObject *
kr_range_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyRange_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    switch (op) {
    case Py_NE:
    case Py_EQ: {
        int result = kr_range_equals((kr_rangeobject *)self, (kr_rangeobject *)other);
        if (result == -1)
            return NULL;
        if (op == Py_NE)
            result = !result;
        return Py_NewRef(result ? Py_True : Py_False);
    }
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

/* hash((len, start, step)), with start and step replaced by None where
 * they do not affect equality */
static Py_hash_t
kr_range_hash(kr_rangeobject *r)
{
    PyObject *t = PyTuple_New(3);
    if (t == NULL)
        return -1;
    PyTuple_SET_ITEM(t, 0, Py_NewRef(r->length));
    int cmp_result = PyObject_Not(r->length);
    if (cmp_result == -1)
        goto end;
    if (cmp_result == 1) {
        PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_None));
        PyTuple_SET_ITEM(t, 2, Py_NewRef(Py_None));
    }
    else {
        PyTuple_SET_ITEM(t, 1, Py_NewRef(r->start));
        PyObject *one = PyLong_FromLong(1);
        if (one == NULL) {
            cmp_result = -1;
            goto end;
        }
        cmp_result = PyObject_RichCompareBool(r->length, one, Py_EQ);
        Py_DECREF(one);
        if (cmp_result == -1)
            goto end;
        PyTuple_SET_ITEM(t, 2, Py_NewRef(cmp_result == 1 ? Py_None : r->step));
    }
    Py_hash_t result = PyObject_Hash(t);
    Py_DECREF(t);
    return result;
end:
    Py_DECREF(t);
    return -1;
}

static PyObject *
kr_range_repr(kr_rangeobject *r)
{
    Py_ssize_t istep = PyNumber_AsSsize_t(r->step, NULL);
    if (istep == -1 && PyErr_Occurred()) {
        PyErr_Clear();
    }
    if (istep == 1)
        return PyUnicode_FromFormat("range(%R, %R)", r->start, r->stop);
    return PyUnicode_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static PyObject *
kr_range_reduce(kr_rangeobject *r, PyObject *unused)
{
    return Py_BuildValue("(O(OOO))", (PyObject *)Py_TYPE(r), r->start, r->stop, r->step);
}

static PyObject *kr_range_iter(PyObject *seq);
static PyObject *kr_range_reverse(PyObject *seq, PyObject *unused);

static PySequenceMethods kr_range_as_sequence = {
    .sq_length = (lenfunc)kr_range_length,
    .sq_item = (ssizeargfunc)kr_range_item,
    .sq_contains = (objobjproc)kr_range_contains,
};

static PyMappingMethods kr_range_as_mapping = {
    .mp_length = (lenfunc)kr_range_length,
    .mp_subscript = (binaryfunc)kr_range_subscript,
};

static PyNumberMethods kr_range_as_number = {
    .nb_bool = (inquiry)kr_range_bool,
};

static PyMethodDef kr_range_methods[] = {
    {"__reversed__", kr_range_reverse, METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", (PyCFunction)kr_range_reduce, METH_NOARGS, NULL},
    {"count", (PyCFunction)kr_range_count, METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", (PyCFunction)kr_range_index, METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef kr_range_members[] = {
    {"start", T_OBJECT_EX, offsetof(kr_rangeobject, start), READONLY, NULL},
    {"stop", T_OBJECT_EX, offsetof(kr_rangeobject, stop), READONLY, NULL},
    {"step", T_OBJECT_EX, offsetof(kr_rangeobject, step), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject PyRange_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range",
    .tp_basicsize = sizeof(kr_rangeobject),
    .tp_dealloc = (destructor)kr_range_dealloc,
    .tp_repr = (reprfunc)kr_range_repr,
    .tp_as_number = &kr_range_as_number,
    .tp_as_sequence = &kr_range_as_sequence,
    .tp_as_mapping = &kr_range_as_mapping,
    .tp_hash = (hashfunc)kr_range_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_richcompare = kr_range_richcompare,
    .tp_iter = kr_range_iter,
    .tp_methods = kr_range_methods,
    .tp_members = kr_range_members,
    .tp_new = kr_range_new,
    .tp_vectorcall = kr_range_vectorcall,
};

/* ---- the C-long iterator (kr_rangeiter: containers.h) ---- */

static PyObject *
kr_rangeiter_next(kr_rangeiter *r)
{
    if (r->index < r->len)
        /* unsigned arithmetic: the last item of a range near the limits
         * must not overflow on the way */
        return PyLong_FromLong((long)((unsigned long)r->start +
                                      (unsigned long)(r->index++) * (unsigned long)r->step));
    return NULL;
}

static PyObject *
kr_rangeiter_len(kr_rangeiter *r, PyObject *unused)
{
    return PyLong_FromLong(r->len - r->index);
}

static PyObject *
kr_rangeiter_reduce(kr_rangeiter *r, PyObject *unused)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    start = PyLong_FromLong(r->start);
    if (start == NULL)
        goto err;
    stop = PyLong_FromLong((long)((unsigned long)r->start + (unsigned long)r->len * (unsigned long)r->step));
    if (stop == NULL)
        goto err;
    step = PyLong_FromLong(r->step);
    if (step == NULL)
        goto err;
    PyObject *range = (PyObject *)kr_make_range(start, stop, step);
    if (range == NULL)
        return NULL;
    PyObject *iter = kr_builtin_iter();
    if (iter == NULL) {
        Py_DECREF(range);
        return NULL;
    }
    return Py_BuildValue("O(N)l", iter, range, r->index);
err:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    return NULL;
}

static PyObject *
kr_rangeiter_setstate(kr_rangeiter *r, PyObject *state)
{
    long index = PyLong_AsLong(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (index < 0)
        index = 0;
    else if (index > r->len)
        index = r->len;
    r->index = index;
    Py_RETURN_NONE;
}

static PyMethodDef kr_rangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)kr_rangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)kr_rangeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)kr_rangeiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(kr_rangeiter),
    .tp_dealloc = (destructor)PyObject_Free,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_rangeiter_next,
    .tp_methods = kr_rangeiter_methods,
};

static PyObject *
kr_fast_range_iter(long start, long step, long len)
{
    kr_rangeiter *it = PyObject_New(kr_rangeiter, &PyRangeIter_Type);
    if (it == NULL)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    it->index = 0;
    return (PyObject *)it;
}

/* ---- the Python-int iterator ---- */

typedef struct {
    PyObject_HEAD
    PyObject *index;
    PyObject *start;
    PyObject *step;
    PyObject *len;
} kr_longrangeiter;

static void
kr_longrangeiter_dealloc(kr_longrangeiter *r)
{
    Py_XDECREF(r->index);
    Py_XDECREF(r->start);
    Py_XDECREF(r->step);
    Py_XDECREF(r->len);
    PyObject_Free(r);
}

static PyObject *
kr_longrangeiter_next(kr_longrangeiter *r)
{
    int cmp = PyObject_RichCompareBool(r->index, r->len, Py_LT);
    if (cmp <= 0)
        return NULL;
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL)
        return NULL;
    PyObject *new_index = PyNumber_Add(r->index, one);
    Py_DECREF(one);
    if (new_index == NULL)
        return NULL;
    PyObject *product = PyNumber_Multiply(r->index, r->step);
    if (product == NULL) {
        Py_DECREF(new_index);
        return NULL;
    }
    PyObject *result = PyNumber_Add(r->start, product);
    Py_DECREF(product);
    if (result != NULL)
        Py_SETREF(r->index, new_index);
    else
        Py_DECREF(new_index);
    return result;
}

static PyObject *
kr_longrangeiter_len(kr_longrangeiter *r, PyObject *unused)
{
    return PyNumber_Subtract(r->len, r->index);
}

static PyObject *
kr_longrangeiter_reduce(kr_longrangeiter *r, PyObject *unused)
{
    PyObject *product = PyNumber_Multiply(r->len, r->step);
    if (product == NULL)
        return NULL;
    PyObject *stop = PyNumber_Add(r->start, product);
    Py_DECREF(product);
    if (stop == NULL)
        return NULL;
    PyObject *range = (PyObject *)kr_make_range(Py_NewRef(r->start), stop, Py_NewRef(r->step));
    if (range == NULL)
        return NULL;
    PyObject *iter = kr_builtin_iter();
    if (iter == NULL) {
        Py_DECREF(range);
        return NULL;
    }
    return Py_BuildValue("O(N)O", iter, range, r->index);
}

static PyObject *
kr_longrangeiter_setstate(kr_longrangeiter *r, PyObject *state)
{
    if (!PyLong_CheckExact(state)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(state)->tp_name);
        return NULL;
    }
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL)
        return NULL;
    int cmp = PyObject_RichCompareBool(state, zero, Py_LT);
    if (cmp < 0) {
        Py_DECREF(zero);
        return NULL;
    }
    if (cmp > 0) {
        state = zero;
    }
    else {
        Py_DECREF(zero);
        cmp = PyObject_RichCompareBool(r->len, state, Py_LT);
        if (cmp < 0)
            return NULL;
        if (cmp > 0)
            state = r->len;
        Py_INCREF(state);
    }
    Py_XSETREF(r->index, state);
    Py_RETURN_NONE;
}

static PyMethodDef kr_longrangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)kr_longrangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)kr_longrangeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)kr_longrangeiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyLongRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(kr_longrangeiter),
    .tp_dealloc = (destructor)kr_longrangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_longrangeiter_next,
    .tp_methods = kr_longrangeiter_methods,
};

/* Takes the references to start and step. */
static PyObject *
kr_make_longrange_iter(PyObject *start, PyObject *step, PyObject *len)
{
    kr_longrangeiter *it = PyObject_New(kr_longrangeiter, &PyLongRangeIter_Type);
    if (it == NULL) {
        Py_DECREF(start);
        Py_DECREF(step);
        return NULL;
    }
    it->start = start;
    it->step = step;
    it->len = Py_NewRef(len);
    it->index = PyLong_FromLong(0);
    if (it->index == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    return (PyObject *)it;
}

/* The range's bounds as C longs, when they and the length fit. */
static int
kr_range_as_c(kr_rangeobject *r, long *start, long *stop, long *step, long *len)
{
    int overflow = 0;
    *start = PyLong_AsLongAndOverflow(r->start, &overflow);
    if (!overflow)
        *stop = PyLong_AsLongAndOverflow(r->stop, &overflow);
    if (!overflow)
        *step = PyLong_AsLongAndOverflow(r->step, &overflow);
    if (overflow || PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    unsigned long ulen = kr_range_len_c(*start, *stop, *step);
    if (ulen > (unsigned long)LONG_MAX)
        return 0;
    *len = (long)ulen;
    return 1;
}

static PyObject *
kr_range_iter(PyObject *seq)
{
    kr_rangeobject *r = (kr_rangeobject *)seq;
    long start, stop, step, len;
    if (kr_range_as_c(r, &start, &stop, &step, &len))
        return kr_fast_range_iter(start, step, len);
    return kr_make_longrange_iter(Py_NewRef(r->start), Py_NewRef(r->step), r->length);
}

static PyObject *
kr_range_reverse(PyObject *seq, PyObject *unused)
{
    kr_rangeobject *range = (kr_rangeobject *)seq;
    long start, stop, step, len;
    if (kr_range_as_c(range, &start, &stop, &step, &len) && step != LONG_MIN) {
        /* last item, walking back; -step fits since step != LONG_MIN */
        long last = (long)((unsigned long)start + (unsigned long)(len - 1) * (unsigned long)step);
        if (len == 0)
            last = start;
        return kr_fast_range_iter(last, -step, len);
    }
    /* start + (len - 1) * step, then step negated */
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL)
        return NULL;
    PyObject *lenm1 = PyNumber_Subtract(range->length, one);
    Py_DECREF(one);
    if (lenm1 == NULL)
        return NULL;
    PyObject *product = PyNumber_Multiply(lenm1, range->step);
    Py_DECREF(lenm1);
    if (product == NULL)
        return NULL;
    PyObject *newstart = PyNumber_Add(range->start, product);
    Py_DECREF(product);
    if (newstart == NULL)
        return NULL;
    PyObject *newstep = PyNumber_Negative(range->step);
    if (newstep == NULL) {
        Py_DECREF(newstart);
        return NULL;
    }
    return kr_make_longrange_iter(newstart, newstep, range->length);
}
