/* infinite.c: the infinite iterators of itertools (count, cycle, repeat),
 * and the small helpers every itertools family shares (itertools.h).
 *
 * count keeps a C counter while the start is an int that fits a
 * Py_ssize_t and the step is 1 (the common `count()`), and switches to
 * Python arithmetic on long_cnt otherwise or once the counter reaches
 * PY_SSIZE_T_MAX, which then marks "slow mode". */
#include "internal.h"
#include "objects/containers.h"
#include "objects/longobject_internal.h"
#include "modules/itertools/itertools.h"

/* ---- helpers shared by the itertools files ---- */

void
kr_itertools_dealloc_fields(PyObject *self, PyObject **first, int n)
{
    PyObject_GC_UnTrack(self);
    for (int i = 0; i < n; i++)
        Py_CLEAR(first[i]);
    Py_TYPE(self)->tp_free(self);
}

int
kr_itertools_traverse_fields(PyObject **first, int n, visitproc visit, void *arg)
{
    for (int i = 0; i < n; i++)
        Py_VISIT(first[i]);
    return 0;
}

int
kr_itertools_check_state_tuple(PyObject *state)
{
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state is not a tuple");
        return -1;
    }
    return 0;
}

int
kr_itertools_fixed_args(PyTypeObject *type, PyTypeObject *base, const char *name,
                        PyObject *args, PyObject *kwds, Py_ssize_t n)
{
    if ((type == base || type->tp_init == base->tp_init) && !_PyArg_NoKeywords(name, kwds))
        return -1;
    if (!_PyArg_CheckPositional(name, PyTuple_GET_SIZE(args), n, n))
        return -1;
    return 0;
}

/* ---- count ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t cnt;      /* PY_SSIZE_T_MAX: slow mode, the count is long_cnt */
    PyObject *long_cnt;  /* NULL in fast mode */
    PyObject *long_step;
} kr_count;

static PyObject *
count_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", "step", NULL};
    PyObject *start = NULL, *step = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:count", kwlist, &start, &step))
        return NULL;
    if ((start != NULL && !PyNumber_Check(start)) || (step != NULL && !PyNumber_Check(step))) {
        PyErr_SetString(PyExc_TypeError, "a number is required");
        return NULL;
    }
    int slow = 0;
    Py_ssize_t cnt = 0;
    if (start != NULL) {
        if (PyLong_Check(start)) {
            cnt = PyLong_AsSsize_t(start);
            if (cnt == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                slow = 1;
            }
        }
        else {
            slow = 1;
        }
    }
    else {
        start = kr_small_int(0);
    }
    if (step == NULL)
        step = kr_small_int(1);
    if (!PyLong_Check(step)) {
        slow = 1;
    }
    else {
        int overflow;
        if (PyLong_AsLongAndOverflow(step, &overflow) != 1 || overflow)
            slow = 1;
    }
    kr_count *lz = (kr_count *)type->tp_alloc(type, 0);
    if (lz == NULL)
        return NULL;
    lz->cnt = slow ? PY_SSIZE_T_MAX : cnt;
    lz->long_cnt = slow ? Py_NewRef(start) : NULL;
    lz->long_step = Py_NewRef(step);
    return (PyObject *)lz;
}

KR_IT_FIELD_FUNCS(count, kr_count, long_cnt, 2)

/* The count as an object once in slow mode (materialised on demand when
 * the fast counter ran up to PY_SSIZE_T_MAX).  Borrowed. */
static PyObject *
count_long(kr_count *lz)
{
    if (lz->long_cnt == NULL)
        lz->long_cnt = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
    return lz->long_cnt;
}

static PyObject *
count_next(kr_count *lz)
{
    if (lz->cnt != PY_SSIZE_T_MAX)
        return PyLong_FromSsize_t(lz->cnt++);
    PyObject *cur = count_long(lz);
    if (cur == NULL)
        return NULL;
    PyObject *next = PyNumber_Add(cur, lz->long_step);
    if (next == NULL)
        return NULL;
    lz->long_cnt = next;
    return cur;   /* the reference long_cnt held */
}

static PyObject *
count_repr(kr_count *lz)
{
    const char *name = _PyType_Name(Py_TYPE(lz));
    if (lz->cnt != PY_SSIZE_T_MAX)
        return PyUnicode_FromFormat("%s(%zd)", name, lz->cnt);
    PyObject *cur = count_long(lz);
    if (cur == NULL)
        return NULL;
    if (PyLong_Check(lz->long_step)) {
        int overflow;
        long step = PyLong_AsLongAndOverflow(lz->long_step, &overflow);
        if (step == -1 && PyErr_Occurred())
            PyErr_Clear();
        if (step == 1 && !overflow)
            return PyUnicode_FromFormat("%s(%R)", name, cur);
    }
    return PyUnicode_FromFormat("%s(%R, %R)", name, cur, lz->long_step);
}

static PyObject *
count_reduce(kr_count *lz, PyObject *unused)
{
    if (lz->cnt != PY_SSIZE_T_MAX)
        return Py_BuildValue("O(n)", Py_TYPE(lz), lz->cnt);
    PyObject *cur = count_long(lz);
    if (cur == NULL)
        return NULL;
    return Py_BuildValue("O(OO)", Py_TYPE(lz), cur, lz->long_step);
}

static PyMethodDef count_methods[] = {
    {"__reduce__", (PyCFunction)count_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_count_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.count",
    .tp_basicsize = sizeof(kr_count),
    .tp_dealloc = count_dealloc,
    .tp_repr = (reprfunc)count_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "count(start=0, step=1)\n--\n\n"
              "Return a count object whose .__next__() method returns consecutive values.\n\n"
              "Equivalent to:\n"
              "    def count(firstval=0, step=1):\n"
              "        x = firstval\n"
              "        while 1:\n"
              "            yield x\n"
              "            x += step",
    .tp_traverse = count_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)count_next,
    .tp_methods = count_methods,
    .tp_new = count_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- cycle ---- */

typedef struct {
    PyObject_HEAD
    PyObject *it;      /* NULL once the first pass is over */
    PyObject *saved;   /* list of the items seen on the first pass */
    Py_ssize_t index;
    int firstpass;     /* set by __setstate__: do not save again */
} kr_cycle;

static PyObject *
cycle_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kr_itertools_fixed_args(type, &kr_cycle_type, "cycle", args, kwds, 1) < 0)
        return NULL;
    PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, 0));
    if (it == NULL)
        return NULL;
    PyObject *saved = PyList_New(0);
    if (saved == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    kr_cycle *lz = (kr_cycle *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        Py_DECREF(saved);
        return NULL;
    }
    lz->it = it;
    lz->saved = saved;
    lz->index = 0;
    lz->firstpass = 0;
    return (PyObject *)lz;
}

KR_IT_FIELD_FUNCS(cycle, kr_cycle, it, 2)

static PyObject *
cycle_next(kr_cycle *lz)
{
    if (lz->it != NULL) {
        PyObject *item = PyIter_Next(lz->it);
        if (item != NULL) {
            if (lz->firstpass)
                return item;
            if (PyList_Append(lz->saved, item) < 0) {
                Py_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (PyErr_Occurred())
            return NULL;
        Py_CLEAR(lz->it);
    }
    Py_ssize_t n = PyList_GET_SIZE(lz->saved);
    if (n == 0)
        return NULL;
    if (lz->index >= n)
        lz->index = 0;
    PyObject *item = PyList_GET_ITEM(lz->saved, lz->index);
    lz->index++;
    if (lz->index >= n)
        lz->index = 0;
    return Py_NewRef(item);
}

static PyObject *
cycle_reduce(kr_cycle *lz, PyObject *unused)
{
    if (lz->it == NULL) {
        PyObject *it = PyObject_GetIter(lz->saved);
        if (it == NULL)
            return NULL;
        if (lz->index != 0) {
            PyObject *res = PyObject_CallMethod(it, "__setstate__", "n", lz->index);
            if (res == NULL) {
                Py_DECREF(it);
                return NULL;
            }
            Py_DECREF(res);
        }
        return Py_BuildValue("O(N)(OO)", Py_TYPE(lz), it, lz->saved, Py_True);
    }
    return Py_BuildValue("O(O)(OO)", Py_TYPE(lz), lz->it, lz->saved,
                         lz->firstpass ? Py_True : Py_False);
}

static PyObject *
cycle_setstate(kr_cycle *lz, PyObject *state)
{
    PyObject *saved;
    int firstpass;
    if (kr_itertools_check_state_tuple(state) < 0)
        return NULL;
    if (!PyArg_ParseTuple(state, "O!i", &PyList_Type, &saved, &firstpass))
        return NULL;
    Py_XSETREF(lz->saved, Py_NewRef(saved));
    lz->firstpass = firstpass != 0;
    lz->index = 0;
    Py_RETURN_NONE;
}

static PyMethodDef cycle_methods[] = {
    {"__reduce__", (PyCFunction)cycle_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)cycle_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_cycle_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.cycle",
    .tp_basicsize = sizeof(kr_cycle),
    .tp_dealloc = cycle_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "cycle(iterable, /)\n--\n\n"
              "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.",
    .tp_traverse = cycle_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)cycle_next,
    .tp_methods = cycle_methods,
    .tp_new = cycle_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- repeat ---- */

typedef struct {
    PyObject_HEAD
    PyObject *element;
    Py_ssize_t cnt;   /* -1: forever */
} kr_repeat;

static PyObject *
repeat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "times", NULL};
    PyObject *element;
    Py_ssize_t cnt = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:repeat", kwlist, &element, &cnt))
        return NULL;
    Py_ssize_t given = PyTuple_GET_SIZE(args) + (kwds ? PyDict_GET_SIZE(kwds) : 0);
    if (given == 2 && cnt < 0)
        cnt = 0;
    kr_repeat *ro = (kr_repeat *)type->tp_alloc(type, 0);
    if (ro == NULL)
        return NULL;
    ro->element = Py_NewRef(element);
    ro->cnt = cnt;
    return (PyObject *)ro;
}

KR_IT_FIELD_FUNCS(repeat, kr_repeat, element, 1)

static PyObject *
repeat_next(kr_repeat *ro)
{
    if (ro->cnt == 0)
        return NULL;
    if (ro->cnt > 0)
        ro->cnt--;
    return Py_NewRef(ro->element);
}

static PyObject *
repeat_repr(kr_repeat *ro)
{
    const char *name = _PyType_Name(Py_TYPE(ro));
    if (ro->cnt == -1)
        return PyUnicode_FromFormat("%s(%R)", name, ro->element);
    return PyUnicode_FromFormat("%s(%R, %zd)", name, ro->element, ro->cnt);
}

static PyObject *
repeat_len(kr_repeat *ro, PyObject *unused)
{
    if (ro->cnt == -1) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return NULL;
    }
    return PyLong_FromSsize_t(ro->cnt);
}

static PyObject *
repeat_reduce(kr_repeat *ro, PyObject *unused)
{
    if (ro->cnt >= 0)
        return Py_BuildValue("O(On)", Py_TYPE(ro), ro->element, ro->cnt);
    return Py_BuildValue("O(O)", Py_TYPE(ro), ro->element);
}

static PyMethodDef repeat_methods[] = {
    {"__length_hint__", (PyCFunction)repeat_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)repeat_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_repeat_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.repeat",
    .tp_basicsize = sizeof(kr_repeat),
    .tp_dealloc = repeat_dealloc,
    .tp_repr = (reprfunc)repeat_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "repeat(object [,times]) -> create an iterator which returns the object\n"
              "for the specified number of times.  If not specified, returns the object\n"
              "endlessly.",
    .tp_traverse = repeat_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)repeat_next,
    .tp_methods = repeat_methods,
    .tp_new = repeat_new,
    .tp_free = PyObject_GC_Del,
};
