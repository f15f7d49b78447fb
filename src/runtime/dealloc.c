/* dealloc.c: creating and destroying object headers: _Py_Dealloc, the
 * trashcan that bounds the C recursion of destroying nested containers,
 * and the non-GC allocation entry points of objimpl.h (PyObject_Init,
 * _PyObject_New).  The GC variants are in gc.c. */
#include "internal.h"

void _Py_Dealloc(PyObject *op)
{
    destructor d = Py_TYPE(op)->tp_dealloc;
    d(op);
}


/* ---- the trashcan ----
 * Deallocating a long chain (a list holding a list holding ...) recurses
 * once per level.  Past KR_TRASH_LIMIT nested deallocations, a dying
 * object is queued on its thread state instead, and destroyed when the
 * depth returns to zero; the queue records live in raw memory, so no
 * field of the dead object is reused. */
#define KR_TRASH_LIMIT 50

/* A queued object keeps its type in a small side record. */
typedef struct kr_trash_item {
    struct kr_trash_item *next;
    PyObject *op;
} kr_trash_item;

int _PyTrash_begin(PyObject *op)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return 0;   /* no per-thread depth: just proceed, without the end call */
    if (ts->trash_depth >= KR_TRASH_LIMIT) {
        kr_trash_item *it = PyMem_RawMalloc(sizeof(*it));
        if (it != NULL) {
            /* The object is dead (refcount 0): keep it alive in the queue. */
            it->op = op;
            it->next = ts->trash_delete_later;
            ts->trash_delete_later = it;
            return -1;
        }
        /* Out of memory: recurse anyway. */
    }
    ts->trash_depth++;
    return 1;
}

void _PyTrash_end(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return;
    ts->trash_depth--;
    if (ts->trash_depth > 0)
        return;
    /* Back at the outermost level: destroy what was queued.  Each
     * destruction may queue more, which this loop picks up. */
    while (ts->trash_delete_later != NULL) {
        kr_trash_item *it = ts->trash_delete_later;
        ts->trash_delete_later = it->next;
        PyObject *op = it->op;
        PyMem_RawFree(it);
        ts->trash_depth++;
        _Py_Dealloc(op);
        ts->trash_depth--;
    }
}

/* ---- objimpl.h: plain (non-GC) objects ---- */

PyObject *PyObject_Init(PyObject *op, PyTypeObject *tp)
{
    if (op == NULL)
        return PyErr_NoMemory();
    Py_SET_TYPE(op, tp);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(tp);
    Py_SET_REFCNT(op, 1);
    return op;
}

PyVarObject *PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)
{
    if (op == NULL)
        return (PyVarObject *)PyErr_NoMemory();
    Py_SET_SIZE(op, size);
    PyObject_Init((PyObject *)op, tp);
    return op;
}

PyObject *_PyObject_New(PyTypeObject *tp)
{
    PyObject *op = PyObject_Malloc(_PyObject_SIZE(tp));
    if (op == NULL)
        return PyErr_NoMemory();
    return PyObject_Init(op, tp);
}

PyVarObject *_PyObject_NewVar(PyTypeObject *tp, Py_ssize_t n)
{
    if (n < 0 || (tp->tp_itemsize && (size_t)n > (size_t)PY_SSIZE_T_MAX / (size_t)tp->tp_itemsize)) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    PyVarObject *op = PyObject_Malloc(_PyObject_VAR_SIZE(tp, n));
    if (op == NULL)
        return (PyVarObject *)PyErr_NoMemory();
    return PyObject_InitVar(op, tp, n);
}
