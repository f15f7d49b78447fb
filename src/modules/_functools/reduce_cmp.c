/* reduce_cmp.c: functools.reduce and functools.cmp_to_key (whose key
 * objects, type functools.KeyWrapper, compare by calling the old-style
 * comparison function and testing its result against 0). */
#include "internal.h"
#include "structmember.h"
#include "objects/longobject_internal.h"
#include "capi/argparse.h"
#include "modules/_functools/functools.h"

PyObject *
kr_functools_reduce(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("reduce", nargs, 2, 3))
        return NULL;
    PyObject *func = args[0];
    PyObject *result = nargs == 3 ? Py_NewRef(args[2]) : NULL;
    PyObject *it = PyObject_GetIter(args[1]);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError))
            PyErr_SetString(PyExc_TypeError, "reduce() arg 2 must support iteration");
        Py_XDECREF(result);
        return NULL;
    }
    for (;;) {
        PyObject *op2 = PyIter_Next(it);
        if (op2 == NULL) {
            if (PyErr_Occurred())
                goto fail;
            break;
        }
        if (result == NULL) {
            result = op2;
            continue;
        }
        PyObject *pair[2] = {result, op2};
        PyObject *next = PyObject_Vectorcall(func, pair, 2, NULL);
        Py_DECREF(op2);
        Py_SETREF(result, next);
        if (result == NULL)
            goto fail;
    }
    Py_DECREF(it);
    if (result == NULL)
        PyErr_SetString(PyExc_TypeError, "reduce() of empty iterable with no initial value");
    return result;
fail:
    Py_DECREF(it);
    Py_XDECREF(result);
    return NULL;
}

/* ---- cmp_to_key ---- */

typedef struct {
    PyObject_HEAD
    PyObject *cmp;
    PyObject *object;   /* NULL for the key function itself */
} kr_keyobject;

static int
keyobject_clear(kr_keyobject *ko)
{
    Py_CLEAR(ko->cmp);
    Py_CLEAR(ko->object);
    return 0;
}

static int
keyobject_traverse(kr_keyobject *ko, visitproc visit, void *arg)
{
    Py_VISIT(ko->cmp);
    Py_VISIT(ko->object);
    return 0;
}

static void
keyobject_dealloc(kr_keyobject *ko)
{
    PyObject_GC_UnTrack(ko);
    keyobject_clear(ko);
    PyObject_GC_Del(ko);
}

static PyObject *
keyobject_make(PyObject *cmp, PyObject *object)
{
    kr_keyobject *ko = PyObject_GC_New(kr_keyobject, &kr_keyobject_type);
    if (ko == NULL)
        return NULL;
    ko->cmp = Py_NewRef(cmp);
    ko->object = Py_XNewRef(object);
    PyObject_GC_Track(ko);
    return (PyObject *)ko;
}

static PyObject *
keyobject_call(kr_keyobject *ko, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", NULL};
    PyObject *object;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:K", kwlist, &object))
        return NULL;
    return keyobject_make(ko->cmp, object);
}

static PyObject *
keyobject_richcompare(PyObject *ko, PyObject *other, int op)
{
    if (!Py_IS_TYPE(other, Py_TYPE(ko))) {
        PyErr_SetString(PyExc_TypeError, "other argument must be K instance");
        return NULL;
    }
    PyObject *x = ((kr_keyobject *)ko)->object, *y = ((kr_keyobject *)other)->object;
    if (x == NULL || y == NULL) {
        PyErr_SetString(PyExc_AttributeError, "object");
        return NULL;
    }
    PyObject *pair[2] = {x, y};
    PyObject *res = PyObject_Vectorcall(((kr_keyobject *)ko)->cmp, pair, 2, NULL);
    if (res == NULL)
        return NULL;
    PyObject *answer = PyObject_RichCompare(res, kr_small_int(0), op);
    Py_DECREF(res);
    return answer;
}

static PyMemberDef keyobject_members[] = {
    {"obj", T_OBJECT, offsetof(kr_keyobject, object), 0, "Value wrapped by a key function."},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject kr_keyobject_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(kr_keyobject),
    .tp_dealloc = (destructor)keyobject_dealloc,
    .tp_call = (ternaryfunc)keyobject_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)keyobject_traverse,
    .tp_clear = (inquiry)keyobject_clear,
    .tp_richcompare = keyobject_richcompare,
    .tp_members = keyobject_members,
};

PyObject *
kr_functools_cmp_to_key(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                        PyObject *kwnames)
{
    static const char *const names[] = {"mycmp", NULL};
    static const kr_argspec spec = {"cmp_to_key", names, 0, 1, 1};
    PyObject *mycmp;
    if (kr_args_unpack(&spec, args, nargs, kwnames, &mycmp) < 0)
        return NULL;
    return keyobject_make(mycmp, NULL);
}
