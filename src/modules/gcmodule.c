/* gcmodule.c: the `gc` module, a view of the current context's cycle
 * collector (src/runtime/gc.c).  gc.garbage and gc.callbacks are lists
 * owned by the context's collector state, so each context has its own. */
#include "internal.h"
#include "runtime/runtime.h"

#define AS_GC(o) ((PyGC_Head *)(o) - 1)
#define FROM_GC(g) ((PyObject *)((PyGC_Head *)(g) + 1))

static kr_gc_state *gcstate(void) { return &kr_context_get()->gc; }

static PyObject *gc_enable(PyObject *m, PyObject *unused)
{
    PyGC_Enable();
    Py_RETURN_NONE;
}

static PyObject *gc_disable(PyObject *m, PyObject *unused)
{
    PyGC_Disable();
    Py_RETURN_NONE;
}

static PyObject *gc_isenabled(PyObject *m, PyObject *unused)
{
    return PyBool_FromLong(PyGC_IsEnabled());
}

static int parse_generation(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int *gen)
{
    *gen = KR_GC_NGEN - 1;
    PyObject *v = NULL;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "collect() takes at most 1 argument (%zd given)", nargs);
        return -1;
    }
    if (nargs == 1)
        v = args[0];
    if (kwnames != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            PyObject *k = PyTuple_GET_ITEM(kwnames, i);
            if (PyUnicode_CompareWithASCIIString(k, "generation") != 0 || v != NULL) {
                PyErr_Format(PyExc_TypeError, "collect() got an unexpected keyword argument '%U'", k);
                return -1;
            }
            v = args[nargs + i];
        }
    }
    if (v != NULL) {
        long g = PyLong_AsLong(v);
        if (g == -1 && PyErr_Occurred())
            return -1;
        if (g < 0 || g >= KR_GC_NGEN) {
            PyErr_SetString(PyExc_ValueError, "invalid generation");
            return -1;
        }
        *gen = (int)g;
    }
    return 0;
}

static PyObject *gc_collect(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    int gen;
    if (parse_generation(args, nargs, kwnames, &gen) < 0)
        return NULL;
    if (gcstate()->collecting)
        return PyLong_FromLong(0);
    Py_ssize_t n = kr_gc_collect(gen, "manual");
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *gc_get_threshold(PyObject *m, PyObject *unused)
{
    kr_gc_state *g = gcstate();
    return Py_BuildValue("(iii)", g->gens[0].threshold, g->gens[1].threshold, g->gens[2].threshold);
}

static PyObject *gc_set_threshold(PyObject *m, PyObject *args)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_Format(PyExc_TypeError, "set_threshold() takes at least 1 argument (%zd given)", n);
        return NULL;
    }
    if (n > 3) {
        PyErr_Format(PyExc_TypeError, "set_threshold() takes at most 3 arguments (%zd given)", n);
        return NULL;
    }
    int vals[3];
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyTuple_GET_ITEM(args, i);
        if (PyFloat_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "integer argument expected, got float");
            return NULL;
        }
        long x = PyLong_AsLong(v);
        if (x == -1 && PyErr_Occurred())
            return NULL;
        vals[i] = (int)x;
    }
    kr_gc_state *g = gcstate();
    for (Py_ssize_t i = 0; i < n; i++)
        g->gens[i].threshold = vals[i];
    Py_RETURN_NONE;
}

static PyObject *gc_get_count(PyObject *m, PyObject *unused)
{
    kr_gc_state *g = gcstate();
    return Py_BuildValue("(iii)", g->gens[0].count, g->gens[1].count, g->gens[2].count);
}

static PyObject *gc_get_debug(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(gcstate()->debug);
}

static PyObject *gc_set_debug(PyObject *m, PyObject *arg)
{
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    gcstate()->debug = (int)v;
    Py_RETURN_NONE;
}

static int append_list(PyObject *list, kr_gc_head *h)
{
    for (PyGC_Head *g = (PyGC_Head *)h->_gc_next; g != (PyGC_Head *)h; g = (PyGC_Head *)g->_gc_next) {
        PyObject *op = FROM_GC(g);
        if (op == list)
            continue;
        if (PyList_Append(list, op) < 0)
            return -1;
    }
    return 0;
}

static PyObject *gc_get_objects(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    int gen = -1;
    PyObject *v = nargs > 0 ? args[0] : NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) == 1)
        v = args[nargs];
    if (v != NULL && v != Py_None) {
        long g = PyLong_AsLong(v);
        if (g == -1 && PyErr_Occurred())
            return NULL;
        if (g >= KR_GC_NGEN) {
            PyErr_Format(PyExc_ValueError, "generation parameter must be less than the number of "
                         "available generations (%i)", KR_GC_NGEN);
            return NULL;
        }
        if (g < 0) {
            PyErr_SetString(PyExc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
        gen = (int)g;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (int i = 0; i < KR_GC_NGEN; i++) {
        if (gen >= 0 && i != gen)
            continue;
        if (append_list(list, kr_gc_generation_list(i)) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

typedef struct {
    PyObject *targets;   /* tuple */
    int found;
} kr_referrer_search;

static int visit_find(PyObject *op, void *arg)
{
    kr_referrer_search *s = arg;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(s->targets); i++)
        if (PyTuple_GET_ITEM(s->targets, i) == op) {
            s->found = 1;
            return 1;
        }
    return 0;
}

static PyObject *gc_get_referrers(PyObject *m, PyObject *args)
{
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (int i = 0; i < KR_GC_NGEN; i++) {
        kr_gc_head *h = kr_gc_generation_list(i);
        for (PyGC_Head *g = (PyGC_Head *)h->_gc_next; g != (PyGC_Head *)h; g = (PyGC_Head *)g->_gc_next) {
            PyObject *op = FROM_GC(g);
            if (op == args || op == result)
                continue;
            traverseproc t = Py_TYPE(op)->tp_traverse;
            if (t == NULL)
                continue;
            kr_referrer_search s = {args, 0};
            t(op, visit_find, &s);
            if (s.found && PyList_Append(result, op) < 0) {
                Py_DECREF(result);
                return NULL;
            }
        }
    }
    return result;
}

static int visit_append(PyObject *op, void *arg)
{
    return PyList_Append(arg, op) < 0 ? -1 : 0;
}

static PyObject *gc_get_referents(PyObject *m, PyObject *args)
{
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *op = PyTuple_GET_ITEM(args, i);
        if (!PyObject_IS_GC(op))
            continue;
        traverseproc t = Py_TYPE(op)->tp_traverse;
        if (t != NULL && t(op, visit_append, result) != 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *gc_is_tracked(PyObject *m, PyObject *op)
{
    return PyBool_FromLong(PyObject_GC_IsTracked(op));
}

static PyObject *gc_is_finalized(PyObject *m, PyObject *op)
{
    return PyBool_FromLong(PyObject_GC_IsFinalized(op));
}

static PyObject *gc_get_stats(PyObject *m, PyObject *unused)
{
    kr_gc_state *g = gcstate();
    PyObject *list = PyList_New(0);
    for (int i = 0; list != NULL && i < KR_GC_NGEN; i++) {
        PyObject *d = Py_BuildValue("{snsnsn}", "collections", g->stats[i].collections,
                                    "collected", g->stats[i].collected,
                                    "uncollectable", g->stats[i].uncollectable);
        if (d == NULL || PyList_Append(list, d) < 0)
            Py_CLEAR(list);
        Py_XDECREF(d);
    }
    return list;
}

static PyObject *gc_freeze(PyObject *m, PyObject *unused)
{
    kr_gc_freeze();
    Py_RETURN_NONE;
}

static PyObject *gc_unfreeze(PyObject *m, PyObject *unused)
{
    kr_gc_unfreeze();
    Py_RETURN_NONE;
}

static PyObject *gc_get_freeze_count(PyObject *m, PyObject *unused)
{
    return PyLong_FromSsize_t(kr_gc_list_size(kr_gc_generation_list(KR_GC_NGEN)));
}

#define FASTKW(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL | METH_KEYWORDS

static PyMethodDef gc_methods[] = {
    {"enable", gc_enable, METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, METH_NOARGS, "Returns true if automatic garbage collection is enabled."},
    {"collect", FASTKW(gc_collect), "Run the garbage collector."},
    {"get_threshold", gc_get_threshold, METH_NOARGS, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, METH_VARARGS, "Set the collection thresholds."},
    {"get_count", gc_get_count, METH_NOARGS, "Return a three-tuple of the current collection counts."},
    {"get_debug", gc_get_debug, METH_NOARGS, "Get the garbage collection debugging flags."},
    {"set_debug", gc_set_debug, METH_O, "Set the garbage collection debugging flags."},
    {"get_objects", FASTKW(gc_get_objects), "Return a list of objects tracked by the collector."},
    {"get_referrers", gc_get_referrers, METH_VARARGS, "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, METH_VARARGS, "Return the list of objects that are directly referred to by objs."},
    {"is_tracked", gc_is_tracked, METH_O, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, METH_O, "Returns true if the object has been already finalized by the GC."},
    {"get_stats", gc_get_stats, METH_NOARGS, "Return a list of dictionaries containing per-generation statistics."},
    {"freeze", gc_freeze, METH_NOARGS, "Freeze all current tracked objects."},
    {"unfreeze", gc_unfreeze, METH_NOARGS, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, METH_NOARGS, "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef gc_module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "gc",
    .m_doc = "This module provides access to the garbage collector for reference cycles.",
    .m_size = -1,
    .m_methods = gc_methods,
};

PyMODINIT_FUNC PyInit_gc(void)
{
    PyObject *m = PyModule_Create(&gc_module_def);
    if (m == NULL)
        return NULL;
    kr_gc_state *g = gcstate();
    if (g->garbage == NULL && (g->garbage = PyList_New(0)) == NULL)
        goto error;
    if (g->callbacks == NULL && (g->callbacks = PyList_New(0)) == NULL)
        goto error;
    if (PyModule_AddObjectRef(m, "garbage", g->garbage) < 0 ||
        PyModule_AddObjectRef(m, "callbacks", g->callbacks) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_STATS", KR_GC_DEBUG_STATS) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_COLLECTABLE", KR_GC_DEBUG_COLLECTABLE) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_UNCOLLECTABLE", KR_GC_DEBUG_UNCOLLECTABLE) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_SAVEALL", KR_GC_DEBUG_SAVEALL) < 0 ||
        PyModule_AddIntConstant(m, "DEBUG_LEAK", KR_GC_DEBUG_LEAK) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
