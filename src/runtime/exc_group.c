/* exc_group.c: BaseExceptionGroup and ExceptionGroup (PEP 654).
 *
 * BaseExceptionGroup(message, exceptions) becomes an ExceptionGroup when
 * every member is an Exception; ExceptionGroup refuses BaseExceptions.
 * split() and subgroup() rebuild the nested structure with derive(),
 * copying __traceback__, __cause__, __context__ and __notes__ onto every
 * group they create; they serve `except*` too (kr_exc_group_split). */
#include "internal.h"
#include "runtime/runtime.h"
#include "runtime/exceptions.h"
#include "objects/str_ids.h"
#include "genericaliasobject.h"

#define EG(o) ((PyBaseExceptionGroupObject *)(o))

static PyObject *eg_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kr_exc_no_kwargs(type, kwds) < 0)
        return NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *message = PyTuple_GET_ITEM(args, 0), *seq = PyTuple_GET_ITEM(args, 1);
    if (!PyUnicode_Check(message)) {
        PyErr_Format(PyExc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %.50s",
                     message == Py_None ? "None" : Py_TYPE(message)->tp_name);
        return NULL;
    }
    if (!PySequence_Check(seq)) {
        PyErr_SetString(PyExc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    PyObject *excs = PySequence_Tuple(seq);
    if (excs == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(excs);
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError, "second argument (exceptions) must be a non-empty sequence");
        goto error;
    }
    int nested_base = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *e = PyTuple_GET_ITEM(excs, i);
        if (!PyExceptionInstance_Check(e)) {
            PyErr_Format(PyExc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
            goto error;
        }
        if (!PyObject_TypeCheck(e, (PyTypeObject *)PyExc_Exception))
            nested_base = 1;
    }
    if (type == &kr_exc_BaseExceptionGroup) {
        if (!nested_base)
            type = &kr_exc_ExceptionGroup;
    }
    else if (type == &kr_exc_ExceptionGroup) {
        if (nested_base) {
            PyErr_SetString(PyExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            goto error;
        }
    }
    else if (nested_base && PyType_IsSubtype(type, (PyTypeObject *)PyExc_Exception)) {
        PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in '%.200s'", type->tp_name);
        goto error;
    }
    PyObject *self = kr_exc_base_new(type, args, kwds);
    if (self == NULL)
        goto error;
    EG(self)->msg = Py_NewRef(message);
    EG(self)->excs = excs;
    return self;
error:
    Py_DECREF(excs);
    return NULL;
}

static int eg_init(PyBaseExceptionObject *self, PyObject *args, PyObject *kwds)
{
    if (kr_exc_no_kwargs(Py_TYPE(self), kwds) < 0)
        return -1;
    Py_XSETREF(self->args, Py_NewRef(args));
    return 0;
}

static int eg_clear(PyBaseExceptionGroupObject *self)
{
    Py_CLEAR(self->msg);
    Py_CLEAR(self->excs);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void eg_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)eg_clear); }

static int eg_traverse(PyBaseExceptionGroupObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->msg);
    Py_VISIT(self->excs);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyObject *eg_str(PyBaseExceptionGroupObject *self)
{
    Py_ssize_t n = self->excs ? PyTuple_GET_SIZE(self->excs) : 0;
    return PyUnicode_FromFormat("%S (%zd sub-exception%s)", self->msg ? self->msg : Py_None,
                                n, n > 1 ? "s" : "");
}

static PyObject *eg_derive(PyObject *self, PyObject *excs)
{
    return PyObject_CallFunctionObjArgs(PyExc_BaseExceptionGroup, EG(self)->msg, excs, NULL);
}

/* ---- split / subgroup ---- */

typedef enum { MATCH_TYPE, MATCH_PREDICATE } matcher_kind;

static int matcher_kind_of(PyObject *value, matcher_kind *kind)
{
    if (PyCallable_Check(value) && !PyType_Check(value)) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
    if (PyExceptionClass_Check(value)) {
        *kind = MATCH_TYPE;
        return 0;
    }
    if (PyTuple_Check(value)) {
        Py_ssize_t n = PyTuple_GET_SIZE(value);
        int ok = 1;
        for (Py_ssize_t i = 0; i < n && ok; i++)
            ok = PyExceptionClass_Check(PyTuple_GET_ITEM(value, i));
        if (ok) {
            *kind = MATCH_TYPE;
            return 0;
        }
    }
    PyErr_SetString(PyExc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

static int matches(PyObject *exc, matcher_kind kind, PyObject *value)
{
    if (kind == MATCH_TYPE)
        return PyErr_GivenExceptionMatches(exc, value);
    PyObject *r = PyObject_CallOneArg(value, exc);
    if (r == NULL)
        return -1;
    int t = PyObject_IsTrue(r);
    Py_DECREF(r);
    return t;
}

/* derive(excs) plus the attributes every derived group inherits. */
static PyObject *derive_and_copy(PyObject *orig, PyObject *excs)
{
    PyObject *eg = PyObject_CallMethod(orig, "derive", "(O)", excs);
    if (eg == NULL)
        return NULL;
    if (!_PyBaseExceptionGroup_Check(eg)) {
        PyErr_SetString(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        Py_DECREF(eg);
        return NULL;
    }
    PyBaseExceptionObject *o = (PyBaseExceptionObject *)orig;
    if (o->traceback)
        PyException_SetTraceback(eg, o->traceback);
    PyException_SetContext(eg, Py_XNewRef(o->context));
    /* as in CPython, this also sets __suppress_context__ */
    PyException_SetCause(eg, Py_XNewRef(o->cause));
    PyObject *notes;
    if (_PyObject_LookupAttr(orig, KR_ID(__notes__), &notes) < 0) {
        Py_DECREF(eg);
        return NULL;
    }
    if (notes != NULL) {
        if (PySequence_Check(notes)) {
            PyObject *copy = PySequence_List(notes);
            int r = copy ? PyObject_SetAttr(eg, KR_ID(__notes__), copy) : -1;
            Py_XDECREF(copy);
            if (r < 0) {
                Py_DECREF(notes);
                Py_DECREF(eg);
                return NULL;
            }
        }
        Py_DECREF(notes);
    }
    return eg;
}

static int split_recursive(PyObject *exc, matcher_kind kind, PyObject *value, int want_rest,
                           PyObject **match, PyObject **rest)
{
    *match = *rest = NULL;
    int m = matches(exc, kind, value);
    if (m < 0)
        return -1;
    if (m) {
        *match = Py_NewRef(exc);
        return 0;
    }
    if (!_PyBaseExceptionGroup_Check(exc)) {
        if (want_rest)
            *rest = Py_NewRef(exc);
        return 0;
    }
    PyObject *excs = EG(exc)->excs;
    PyObject *mlist = PyList_New(0), *rlist = want_rest ? PyList_New(0) : NULL;
    if (mlist == NULL || (want_rest && rlist == NULL))
        goto error;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
        PyObject *sm, *sr;
        if (Py_EnterRecursiveCall(" in exception group split"))
            goto error;
        int r = split_recursive(PyTuple_GET_ITEM(excs, i), kind, value, want_rest, &sm, &sr);
        Py_LeaveRecursiveCall();
        if (r < 0)
            goto error;
        if (sm && PyList_Append(mlist, sm) < 0)
            r = -1;
        if (sr && PyList_Append(rlist, sr) < 0)
            r = -1;
        Py_XDECREF(sm);
        Py_XDECREF(sr);
        if (r < 0)
            goto error;
    }
    if (PyList_GET_SIZE(mlist) > 0 && (*match = derive_and_copy(exc, mlist)) == NULL)
        goto error;
    if (want_rest && PyList_GET_SIZE(rlist) > 0 && (*rest = derive_and_copy(exc, rlist)) == NULL) {
        Py_CLEAR(*match);
        goto error;
    }
    Py_DECREF(mlist);
    Py_XDECREF(rlist);
    return 0;
error:
    Py_XDECREF(mlist);
    Py_XDECREF(rlist);
    return -1;
}

int kr_exc_group_split(PyObject *eg, PyObject *matcher, int want_rest, PyObject **match, PyObject **rest)
{
    matcher_kind kind;
    if (matcher_kind_of(matcher, &kind) < 0)
        return -1;
    return split_recursive(eg, kind, matcher, want_rest, match, rest);
}

static PyObject *eg_split(PyObject *self, PyObject *matcher)
{
    PyObject *m, *r;
    if (kr_exc_group_split(self, matcher, 1, &m, &r) < 0)
        return NULL;
    PyObject *t = PyTuple_Pack(2, m ? m : Py_None, r ? r : Py_None);
    Py_XDECREF(m);
    Py_XDECREF(r);
    return t;
}

static PyObject *eg_subgroup(PyObject *self, PyObject *matcher)
{
    PyObject *m, *r;
    if (kr_exc_group_split(self, matcher, 0, &m, &r) < 0)
        return NULL;
    return m ? m : Py_NewRef(Py_None);
}

static PyMemberDef eg_members[] = {
    {"message", T_OBJECT, offsetof(PyBaseExceptionGroupObject, msg), READONLY, "exception message"},
    {"exceptions", T_OBJECT, offsetof(PyBaseExceptionGroupObject, excs), READONLY,
     "nested exceptions"},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef eg_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {"derive", (PyCFunction)eg_derive, METH_O, NULL},
    {"split", (PyCFunction)eg_split, METH_O, NULL},
    {"subgroup", (PyCFunction)eg_subgroup, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

KR_EXC_DEF(BaseExceptionGroup, &kr_exc_BaseException, PyBaseExceptionGroupObject,
           "A combination of multiple unrelated exceptions.",
           eg_new, eg_init, eg_dealloc, eg_traverse, eg_clear, eg_str, kr_exc_base_repr,
           eg_members, eg_methods, NULL)
/* ExceptionGroup(BaseExceptionGroup, Exception): its tp_bases tuple is made
 * at start-up (kr_exceptions_init). */
KR_EXC_DEF(ExceptionGroup, &kr_exc_BaseExceptionGroup, PyBaseExceptionGroupObject, NULL,
           eg_new, eg_init, eg_dealloc, eg_traverse, eg_clear, eg_str, kr_exc_base_repr,
           NULL, NULL, NULL)
