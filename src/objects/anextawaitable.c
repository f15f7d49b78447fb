/* anextawaitable.c: the awaitable returned by anext(aiterator, default).
 *
 * Awaiting it awaits the iterator's __anext__() result; when that raises
 * StopAsyncIteration the awaitable finishes with `default` instead (it
 * raises StopIteration(default) to its awaiter, which is how an await
 * expression receives a value). */
#include "internal.h"
#include "modules/modules.h"

typedef struct {
    PyObject_HEAD
    PyObject *wrapped;         /* the awaitable __anext__ returned */
    PyObject *default_value;
} kr_anext_awaitable;

extern PyTypeObject kr_AnextAwaitable_Type;

PyObject *kr_anext_awaitable_new(PyObject *awaitable, PyObject *default_value)
{
    kr_anext_awaitable *a = PyObject_GC_New(kr_anext_awaitable, &kr_AnextAwaitable_Type);
    if (a == NULL)
        return NULL;
    a->wrapped = Py_NewRef(awaitable);
    a->default_value = Py_NewRef(default_value);
    PyObject_GC_Track(a);
    return (PyObject *)a;
}

static void anext_dealloc(PyObject *self)
{
    kr_anext_awaitable *a = (kr_anext_awaitable *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(a->wrapped);
    Py_CLEAR(a->default_value);
    PyObject_GC_Del(self);
}

static int anext_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_anext_awaitable *a = (kr_anext_awaitable *)self;
    Py_VISIT(a->wrapped);
    Py_VISIT(a->default_value);
    return 0;
}

/* The iterator behind the wrapped awaitable (new reference): a coroutine
 * is its own; anything else must have __await__ returning an iterator. */
static PyObject *awaitable_iter(PyObject *o)
{
    if (PyCoro_CheckExact(o))
        return Py_NewRef(o);
    PyTypeObject *t = Py_TYPE(o);
    if (t->tp_as_async == NULL || t->tp_as_async->am_await == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object can't be awaited", t->tp_name);
        return NULL;
    }
    PyObject *it = t->tp_as_async->am_await(o);
    if (it != NULL && !PyIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                     Py_TYPE(it)->tp_name);
        Py_CLEAR(it);
    }
    return it;
}

/* Turns StopAsyncIteration from the wrapped awaitable into the default. */
static PyObject *finish(kr_anext_awaitable *a, PyObject *result)
{
    if (result == NULL && PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
        PyErr_Clear();
        _PyGen_SetStopIterationValue(a->default_value);
    }
    return result;
}

/* Forwards next/send/throw/close to the wrapped awaitable's iterator. */
static PyObject *proxy(kr_anext_awaitable *a, const char *method, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *it = awaitable_iter(a->wrapped);
    if (it == NULL)
        return NULL;
    PyObject *r;
    if (method == NULL) {
        r = Py_TYPE(it)->tp_iternext(it);
        if (r == NULL && !PyErr_Occurred())
            PyErr_SetNone(PyExc_StopIteration);
    } else {
        PyObject *m = PyObject_GetAttrString(it, method);
        r = m ? PyObject_Vectorcall(m, args, (size_t)nargs, NULL) : NULL;
        Py_XDECREF(m);
    }
    Py_DECREF(it);
    return finish(a, r);
}

static PyObject *anext_iternext(PyObject *self)
{
    return proxy((kr_anext_awaitable *)self, NULL, NULL, 0);
}

static PyObject *anext_send(PyObject *self, PyObject *arg)
{
    return proxy((kr_anext_awaitable *)self, "send", &arg, 1);
}

static PyObject *anext_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return proxy((kr_anext_awaitable *)self, "throw", args, nargs);
}

static PyObject *anext_close(PyObject *self, PyObject *unused)
{
    return proxy((kr_anext_awaitable *)self, "close", NULL, 0);
}

static PyObject *anext_await(PyObject *self)
{
    return Py_NewRef(self);
}

static PyAsyncMethods anext_as_async = {anext_await, NULL, NULL, NULL};

static PyMethodDef anext_methods[] = {
    {"send", anext_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))anext_throw, METH_FASTCALL, NULL},
    {"close", anext_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_AnextAwaitable_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(kr_anext_awaitable),
    .tp_dealloc = anext_dealloc,
    .tp_as_async = &anext_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = anext_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = anext_iternext,
    .tp_methods = anext_methods,
};
