/* gc.c: the generational cycle collector (objimpl.h's GC API).
 *
 * Every object of a Py_TPFLAGS_HAVE_GC type is allocated with a PyGC_Head
 * in front of it.  A tracked object sits in one of its context's three
 * generation lists (doubly linked through the head); _gc_next == 0 means
 * untracked.  Allocations count towards generation 0; past its threshold
 * (700), generation 0 is collected, and every 10 collections of a
 * generation the next older one is (thresholds 700/10/10), with CPython's
 * rule that a full collection waits until it would examine at least 25%
 * more long-lived objects.
 *
 * A collection works as CPython's: each candidate's count of references
 * minus the references from other candidates (found with tp_traverse) is
 * the number of references from outside; objects with such references,
 * and everything reachable from them, survive.  The rest is garbage:
 * weak references to it are cleared (callbacks run only for weakrefs that
 * survive), tp_finalize runs once per object (PEP 442), objects that a
 * finalizer resurrected survive, and the rest are broken up with tp_clear.
 * Objects with a legacy tp_del are never freed: they go to gc.garbage.
 *
 * During the reference computation the candidates are numbered in a side
 * array and _gc_prev temporarily holds the number (the lists are rebuilt
 * afterwards), so no field of the objects themselves is borrowed. */
#include "internal.h"
#include "runtime/runtime.h"
#include "objects/instances.h"

#define AS_GC(o) ((PyGC_Head *)(o) - 1)
#define FROM_GC(g) ((PyObject *)((PyGC_Head *)(g) + 1))
#define HEAD(h) ((PyGC_Head *)(h))

/* ---- list primitives ---- */

static inline void list_init(kr_gc_head *h)
{
    h->_gc_next = h->_gc_prev = (uintptr_t)h;
}

static inline int list_is_empty(kr_gc_head *h) { return h->_gc_next == (uintptr_t)h; }

static inline PyGC_Head *gc_prev(PyGC_Head *g) { return (PyGC_Head *)(g->_gc_prev & KR_GC_PREV_MASK); }

static inline void set_prev(PyGC_Head *g, PyGC_Head *p)
{
    g->_gc_prev = (g->_gc_prev & ~KR_GC_PREV_MASK) | (uintptr_t)p;
}

static inline void list_append(PyGC_Head *g, kr_gc_head *list)
{
    PyGC_Head *last = gc_prev(HEAD(list));
    set_prev(g, last);
    g->_gc_next = (uintptr_t)list;
    last->_gc_next = (uintptr_t)g;
    set_prev(HEAD(list), g);
}

static inline void list_remove(PyGC_Head *g)
{
    PyGC_Head *prev = gc_prev(g);
    PyGC_Head *next = (PyGC_Head *)g->_gc_next;
    prev->_gc_next = (uintptr_t)next;
    set_prev(next, prev);
    g->_gc_next = 0;
}

static void list_merge(kr_gc_head *from, kr_gc_head *to)
{
    if (list_is_empty(from))
        return;
    PyGC_Head *tail = gc_prev(HEAD(to));
    PyGC_Head *first = (PyGC_Head *)from->_gc_next;
    PyGC_Head *last = gc_prev(HEAD(from));
    tail->_gc_next = (uintptr_t)first;
    set_prev(first, tail);
    last->_gc_next = (uintptr_t)to;
    set_prev(HEAD(to), last);
    list_init(from);
}

static Py_ssize_t list_size(kr_gc_head *h)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *g = (PyGC_Head *)h->_gc_next; g != HEAD(h); g = (PyGC_Head *)g->_gc_next)
        n++;
    return n;
}

/* ---- state ---- */

void kr_gc_init(kr_gc_state *gc)
{
    memset(gc, 0, sizeof(*gc));
    for (int i = 0; i < KR_GC_NGEN; i++)
        list_init(&gc->gens[i].head);
    list_init(&gc->permanent);
    gc->gens[0].threshold = 700;
    gc->gens[1].threshold = 10;
    gc->gens[2].threshold = 10;
    gc->enabled = 1;
}

static kr_gc_state *cur_gc(void)
{
    struct kr_context *c = kr_context_get();
    return c ? &c->gc : NULL;
}

/* ---- allocation and tracking ---- */

int PyObject_IS_GC(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    return PyType_IS_GC(tp) && (tp->tp_is_gc == NULL || tp->tp_is_gc(obj));
}

static Py_NO_INLINE void maybe_collect(kr_gc_state *gc)
{
    if (!gc->enabled || gc->collecting || gc->gens[0].threshold == 0)
        return;
    if (PyErr_Occurred())
        return;
    /* Pick the oldest generation over its threshold. */
    for (int i = KR_GC_NGEN - 1; i >= 0; i--) {
        if (gc->gens[i].count > gc->gens[i].threshold) {
            if (i == KR_GC_NGEN - 1 && gc->long_lived_pending < gc->long_lived_total / 4)
                continue;
            kr_gc_collect(i, "automatic");
            return;
        }
    }
}

/* One more GC allocation; past generation 0's threshold, perhaps a
 * collection (the common case is the increment and one compare). */
static inline void count_allocation(kr_gc_state *gc)
{
    if (++gc->gens[0].count > gc->gens[0].threshold)
        maybe_collect(gc);
}

static PyObject *gc_alloc(size_t basicsize, int zero)
{
    if (basicsize > (size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head))
        return PyErr_NoMemory();
    size_t n = sizeof(PyGC_Head) + basicsize;
    PyGC_Head *g = zero ? PyObject_Calloc(1, n) : PyObject_Malloc(n);
    if (g == NULL)
        return PyErr_NoMemory();
    g->_gc_next = 0;
    g->_gc_prev = 0;
    kr_gc_state *gc = cur_gc();
    if (gc != NULL)
        count_allocation(gc);
    return FROM_GC(g);
}

/* PyType_GenericAlloc's path for fixed-size GC types (objects/instances.h):
 * allocation, counting and tracking in one call, one look-up of the
 * context. */
PyObject *kr_gc_new_instance(PyTypeObject *type, size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head))
        return PyErr_NoMemory();
    size_t n = sizeof(PyGC_Head) + size;
    PyGC_Head *g = PyObject_Malloc(n);
    if (g == NULL)
        return PyErr_NoMemory();
    kr_instance_clear(g, n);
    PyObject *op = FROM_GC(g);
    kr_instance_init(op, type);
    kr_gc_state *gc = cur_gc();
    if (gc != NULL) {
        /* Counted and collected as gc_alloc does, while the instance is
         * still invisible to the collector; then tracked, as
         * PyObject_GC_Track would (the context exists, the object is
         * new: its checks cannot fail). */
        count_allocation(gc);
        list_append(g, &gc->gens[0].head);
    }
    return op;
}

PyObject *_PyObject_GC_Malloc(size_t size) { return gc_alloc(size, 0); }
PyObject *_PyObject_GC_Calloc(size_t size) { return gc_alloc(size, 1); }

PyObject *_PyObject_GC_New(PyTypeObject *tp)
{
    PyObject *op = gc_alloc(_PyObject_SIZE(tp), 0);
    if (op == NULL)
        return NULL;
    return PyObject_Init(op, tp);
}

PyVarObject *_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (tp->tp_itemsize && (size_t)nitems > ((size_t)PY_SSIZE_T_MAX - (size_t)tp->tp_basicsize) / (size_t)tp->tp_itemsize)
        return (PyVarObject *)PyErr_NoMemory();
    PyVarObject *op = (PyVarObject *)gc_alloc(_PyObject_VAR_SIZE(tp, nitems), 0);
    if (op == NULL)
        return NULL;
    return PyObject_InitVar(op, tp, nitems);
}

PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *tp = Py_TYPE(op);
    if (nitems < 0 || (tp->tp_itemsize && (size_t)nitems > ((size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head) - (size_t)tp->tp_basicsize) / (size_t)tp->tp_itemsize))
        return (PyVarObject *)PyErr_NoMemory();
    /* A tracked object's neighbours point at its head: it must be
     * untracked to move (CPython's contract too). */
    size_t n = sizeof(PyGC_Head) + _PyObject_VAR_SIZE(tp, nitems);
    PyGC_Head *g = PyObject_Realloc(AS_GC(op), n);
    if (g == NULL)
        return (PyVarObject *)PyErr_NoMemory();
    op = (PyVarObject *)FROM_GC(g);
    Py_SET_SIZE(op, nitems);
    return op;
}

void PyObject_GC_Track(void *obj)
{
    PyObject *op = obj;
    PyGC_Head *g = AS_GC(op);
    if (g->_gc_next != 0)
        Py_FatalError("object already tracked by the garbage collector");
    if (_Py_IsImmortal(op))
        return;
    kr_gc_state *gc = cur_gc();
    if (gc == NULL)
        return;   /* start-up: static objects become immortal, never tracked */
    list_append(g, &gc->gens[0].head);
}

void PyObject_GC_UnTrack(void *obj)
{
    PyGC_Head *g = AS_GC((PyObject *)obj);
    if (g->_gc_next != 0)
        list_remove(g);
}

void kr_gc_untrack_raw(PyObject *op)
{
    if (PyObject_IS_GC(op))
        PyObject_GC_UnTrack(op);
}

void PyObject_GC_Del(void *obj)
{
    PyGC_Head *g = AS_GC((PyObject *)obj);
    if (g->_gc_next != 0)
        list_remove(g);
    kr_gc_state *gc = cur_gc();
    if (gc != NULL && gc->gens[0].count > 0)
        gc->gens[0].count--;
    PyObject_Free(g);
}

int PyObject_GC_IsTracked(PyObject *op)
{
    return PyObject_IS_GC(op) && AS_GC(op)->_gc_next != 0;
}

int PyObject_GC_IsFinalized(PyObject *op)
{
    return PyObject_IS_GC(op) && (AS_GC(op)->_gc_prev & KR_GC_PREV_FINALIZED) != 0;
}

/* ---- the collection ---- */

typedef struct {
    PyObject *op;
    Py_ssize_t refs;
    int reachable;
} kr_gc_entry;

typedef struct {
    kr_gc_entry *v;
    Py_ssize_t n;
    Py_ssize_t *stack;
    Py_ssize_t sp;
} kr_gc_scan;

static inline int is_candidate(PyObject *op)
{
    if (!PyObject_IS_GC(op))
        return 0;
    PyGC_Head *g = AS_GC(op);
    return g->_gc_next != 0 && (g->_gc_prev & KR_GC_PREV_COLLECTING);
}

static inline Py_ssize_t index_of(PyObject *op)
{
    return (Py_ssize_t)(AS_GC(op)->_gc_prev >> KR_GC_PREV_SHIFT);
}

static int visit_decref(PyObject *op, void *arg)
{
    kr_gc_scan *s = arg;
    if (is_candidate(op))
        s->v[index_of(op)].refs--;
    return 0;
}

static int visit_reach(PyObject *op, void *arg)
{
    kr_gc_scan *s = arg;
    if (is_candidate(op)) {
        Py_ssize_t i = index_of(op);
        if (!s->v[i].reachable) {
            s->v[i].reachable = 1;
            s->stack[s->sp++] = i;
        }
    }
    return 0;
}

/* Split `young` into the objects reachable from outside it (appended to
 * `reach`) and the rest (appended to `unreach`).  Returns -1 if out of
 * memory, leaving everything in `reach`. */
static int split_reachable(kr_gc_head *young, kr_gc_head *reach, kr_gc_head *unreach)
{
    Py_ssize_t n = list_size(young);
    if (n == 0)
        return 0;
    kr_gc_scan s;
    s.n = n;
    s.v = malloc((size_t)n * sizeof(kr_gc_entry));
    s.stack = malloc((size_t)n * sizeof(Py_ssize_t));
    s.sp = 0;
    if (s.v == NULL || s.stack == NULL) {
        free(s.v);
        free(s.stack);
        list_merge(young, reach);
        return -1;
    }
    /* Number the candidates; _gc_prev holds the number from here on. */
    Py_ssize_t i = 0;
    PyGC_Head *g = (PyGC_Head *)young->_gc_next;
    while (g != HEAD(young)) {
        PyGC_Head *next = (PyGC_Head *)g->_gc_next;
        PyObject *op = FROM_GC(g);
        s.v[i].op = op;
        s.v[i].refs = Py_REFCNT(op);
        s.v[i].reachable = 0;
        g->_gc_prev = ((uintptr_t)i << KR_GC_PREV_SHIFT) | KR_GC_PREV_COLLECTING
                      | (g->_gc_prev & KR_GC_PREV_FINALIZED);
        i++;
        g = next;
    }
    for (i = 0; i < n; i++) {
        traverseproc trav = Py_TYPE(s.v[i].op)->tp_traverse;
        if (trav)
            trav(s.v[i].op, visit_decref, &s);
    }
    for (i = 0; i < n; i++) {
        if (s.v[i].refs > 0) {
            s.v[i].reachable = 1;
            s.stack[s.sp++] = i;
        }
    }
    while (s.sp > 0) {
        PyObject *op = s.v[s.stack[--s.sp]].op;
        traverseproc trav = Py_TYPE(op)->tp_traverse;
        if (trav)
            trav(op, visit_reach, &s);
    }
    /* Rebuild the lists, in the original order. */
    list_init(young);
    for (i = 0; i < n; i++) {
        g = AS_GC(s.v[i].op);
        g->_gc_prev &= KR_GC_PREV_FINALIZED;
        list_append(g, s.v[i].reachable ? reach : unreach);
    }
    free(s.v);
    free(s.stack);
    return 0;
}

static int has_legacy_finalizer(PyObject *op)
{
    return Py_TYPE(op)->tp_del != NULL;
}

static int visit_move_to(PyObject *op, void *arg)
{
    kr_gc_head *to = arg;
    if (PyObject_IS_GC(op)) {
        PyGC_Head *g = AS_GC(op);
        /* Members of the unreachable list carry the COLLECTING mark. */
        if (g->_gc_next != 0 && (g->_gc_prev & KR_GC_PREV_COLLECTING)) {
            g->_gc_prev &= ~KR_GC_PREV_COLLECTING;
            list_remove(g);
            list_append(g, to);
        }
    }
    return 0;
}

static void mark_collecting(kr_gc_head *list, int on)
{
    for (PyGC_Head *g = (PyGC_Head *)list->_gc_next; g != HEAD(list); g = (PyGC_Head *)g->_gc_next) {
        if (on)
            g->_gc_prev |= KR_GC_PREV_COLLECTING;
        else
            g->_gc_prev &= ~KR_GC_PREV_COLLECTING;
    }
}

/* Objects with tp_del, and everything reachable from them, cannot be
 * collected safely: move them to `finalizers`. */
static void move_legacy_finalizers(kr_gc_head *unreach, kr_gc_head *finalizers)
{
    mark_collecting(unreach, 1);
    PyGC_Head *g = (PyGC_Head *)unreach->_gc_next;
    while (g != HEAD(unreach)) {
        PyGC_Head *next = (PyGC_Head *)g->_gc_next;
        if (has_legacy_finalizer(FROM_GC(g))) {
            g->_gc_prev &= ~KR_GC_PREV_COLLECTING;
            list_remove(g);
            list_append(g, finalizers);
        }
        g = next;
    }
    /* Reachable from the finalizers: scan the list as it grows. */
    for (g = (PyGC_Head *)finalizers->_gc_next; g != HEAD(finalizers); g = (PyGC_Head *)g->_gc_next) {
        traverseproc trav = Py_TYPE(FROM_GC(g))->tp_traverse;
        if (trav)
            trav(FROM_GC(g), visit_move_to, finalizers);
    }
    mark_collecting(unreach, 0);
}

/* Clear weak references to the garbage; call the callbacks of those weak
 * references that are not garbage themselves. */
static void handle_weakrefs(kr_gc_head *unreach)
{
    PyObject *tocall = PyList_New(0);
    mark_collecting(unreach, 1);
    for (PyGC_Head *g = (PyGC_Head *)unreach->_gc_next; g != HEAD(unreach); g = (PyGC_Head *)g->_gc_next) {
        PyObject *op = FROM_GC(g);
        if (!PyType_SUPPORTS_WEAKREFS(Py_TYPE(op)))
            continue;
        PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(op);
        while (*list != NULL) {
            PyWeakReference *wr = *list;
            _PyWeakref_ClearRef(wr);   /* unlinks wr, sets wr_object to None */
            if (wr->wr_callback == NULL)
                continue;
            /* A weakref that is garbage too: its callback must not run. */
            if (PyObject_IS_GC((PyObject *)wr) && AS_GC((PyObject *)wr)->_gc_next != 0 &&
                (AS_GC((PyObject *)wr)->_gc_prev & KR_GC_PREV_COLLECTING))
                continue;
            if (tocall != NULL && PyList_Append(tocall, (PyObject *)wr) < 0)
                PyErr_Clear();
        }
    }
    mark_collecting(unreach, 0);
    if (tocall == NULL) {
        PyErr_Clear();
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(tocall); i++) {
        PyWeakReference *wr = (PyWeakReference *)PyList_GET_ITEM(tocall, i);
        PyObject *cb = wr->wr_callback;
        if (cb == NULL)
            continue;
        Py_INCREF(cb);
        Py_CLEAR(wr->wr_callback);
        PyObject *r = PyObject_CallOneArg(cb, (PyObject *)wr);
        if (r == NULL)
            PyErr_WriteUnraisable(cb);
        else
            Py_DECREF(r);
        Py_DECREF(cb);
    }
    Py_DECREF(tocall);
}

static void finalize_garbage(kr_gc_head *unreach)
{
    /* Finalizers may unlink anything; walk a private copy of the list. */
    kr_gc_head seen;
    list_init(&seen);
    while (!list_is_empty(unreach)) {
        PyGC_Head *g = (PyGC_Head *)unreach->_gc_next;
        PyObject *op = FROM_GC(g);
        list_remove(g);
        list_append(g, &seen);
        destructor fin = Py_TYPE(op)->tp_finalize;
        if (fin != NULL && !(g->_gc_prev & KR_GC_PREV_FINALIZED)) {
            g->_gc_prev |= KR_GC_PREV_FINALIZED;
            Py_INCREF(op);
            fin(op);
            if (PyErr_Occurred())
                PyErr_WriteUnraisable(op);
            Py_DECREF(op);
        }
    }
    list_merge(&seen, unreach);
}

static void delete_garbage(kr_gc_state *gc, kr_gc_head *unreach, kr_gc_head *old)
{
    while (!list_is_empty(unreach)) {
        PyGC_Head *g = (PyGC_Head *)unreach->_gc_next;
        PyObject *op = FROM_GC(g);
        if (gc->debug & KR_GC_DEBUG_SAVEALL) {
            if (gc->garbage != NULL && PyList_Append(gc->garbage, op) < 0)
                PyErr_Clear();
        }
        else {
            inquiry clear = Py_TYPE(op)->tp_clear;
            if (clear != NULL) {
                Py_INCREF(op);
                clear(op);
                if (PyErr_Occurred())
                    PyErr_WriteUnraisable(op);
                Py_DECREF(op);
            }
        }
        /* Still there: it survived its clear; it lives on in `old`. */
        if ((PyGC_Head *)unreach->_gc_next == g) {
            list_remove(g);
            list_append(g, old);
        }
    }
}

static void invoke_callbacks(kr_gc_state *gc, const char *phase, int gen,
                             Py_ssize_t collected, Py_ssize_t uncollectable)
{
    if (gc->callbacks == NULL || PyList_GET_SIZE(gc->callbacks) == 0)
        return;
    PyObject *info = Py_BuildValue("{sisnsn}", "generation", gen, "collected", collected,
                                   "uncollectable", uncollectable);
    if (info == NULL) {
        PyErr_WriteUnraisable(NULL);
        return;
    }
    PyObject *ph = PyUnicode_FromString(phase);
    PyObject *cbs = ph ? PyList_GetSlice(gc->callbacks, 0, PyList_GET_SIZE(gc->callbacks)) : NULL;
    for (Py_ssize_t i = 0; cbs && i < PyList_GET_SIZE(cbs); i++) {
        PyObject *cb = PyList_GET_ITEM(cbs, i);
        PyObject *r = PyObject_CallFunctionObjArgs(cb, ph, info, NULL);
        if (r == NULL)
            PyErr_WriteUnraisable(cb);
        else
            Py_DECREF(r);
    }
    Py_XDECREF(cbs);
    Py_XDECREF(ph);
    Py_DECREF(info);
}

Py_ssize_t kr_gc_collect(int gen, const char *reason)
{
    kr_gc_state *gc = cur_gc();
    if (gc == NULL || gc->collecting)
        return 0;
    if (gen < 0 || gen >= KR_GC_NGEN)
        gen = KR_GC_NGEN - 1;
    gc->collecting = 1;
    /* The error indicator must not leak into finalizers. */
    PyObject *saved = PyErr_GetRaisedException();
    invoke_callbacks(gc, "start", gen, 0, 0);

    if (gen + 1 < KR_GC_NGEN)
        gc->gens[gen + 1].count++;
    for (int i = 0; i <= gen; i++)
        gc->gens[i].count = 0;
    for (int i = 0; i < gen; i++)
        list_merge(&gc->gens[i].head, &gc->gens[gen].head);
    kr_gc_head *young = &gc->gens[gen].head;
    kr_gc_head *old = gen + 1 < KR_GC_NGEN ? &gc->gens[gen + 1].head : young;

    kr_gc_head survivors, unreach, finalizers;
    list_init(&survivors);
    list_init(&unreach);
    list_init(&finalizers);
    split_reachable(young, &survivors, &unreach);
    /* A full collection waits until 25% more objects have reached the
     * oldest generation since the last one (CPython's rule). */
    if (gen == KR_GC_NGEN - 2)
        gc->long_lived_pending += list_size(&survivors);
    list_merge(&survivors, old);
    if (gen == KR_GC_NGEN - 1) {
        gc->long_lived_pending = 0;
        gc->long_lived_total = list_size(old);
    }

    move_legacy_finalizers(&unreach, &finalizers);
    Py_ssize_t m = list_size(&unreach);
    handle_weakrefs(&unreach);
    finalize_garbage(&unreach);
    /* A finalizer may have resurrected part of the garbage. */
    kr_gc_head still;
    list_init(&still);
    split_reachable(&unreach, old, &still);
    delete_garbage(gc, &still, old);

    /* Legacy finalizers: never freed; the tp_del ones are reported. */
    Py_ssize_t n = 0;
    for (PyGC_Head *g = (PyGC_Head *)finalizers._gc_next; g != HEAD(&finalizers); g = (PyGC_Head *)g->_gc_next) {
        n++;
        PyObject *op = FROM_GC(g);
        if ((gc->debug & KR_GC_DEBUG_SAVEALL) || has_legacy_finalizer(op)) {
            if (gc->garbage == NULL)
                gc->garbage = PyList_New(0);
            if (gc->garbage != NULL && PyList_Append(gc->garbage, op) < 0)
                PyErr_Clear();
        }
    }
    list_merge(&finalizers, old);

    gc->stats[gen].collections++;
    gc->stats[gen].collected += m;
    gc->stats[gen].uncollectable += n;
    invoke_callbacks(gc, "stop", gen, m, n);
    if (PyErr_Occurred())
        PyErr_WriteUnraisable(NULL);
    PyErr_SetRaisedException(saved);
    gc->collecting = 0;
    (void)reason;
    return m + n;
}

Py_ssize_t PyGC_Collect(void)
{
    kr_gc_state *gc = cur_gc();
    if (gc == NULL || !gc->enabled)
        return 0;
    return kr_gc_collect(KR_GC_NGEN - 1, "manual");
}

int PyGC_Enable(void)
{
    kr_gc_state *gc = cur_gc();
    if (gc == NULL)
        return 0;
    int old = gc->enabled;
    gc->enabled = 1;
    return old;
}

int PyGC_Disable(void)
{
    kr_gc_state *gc = cur_gc();
    if (gc == NULL)
        return 0;
    int old = gc->enabled;
    gc->enabled = 0;
    return old;
}

int PyGC_IsEnabled(void)
{
    kr_gc_state *gc = cur_gc();
    return gc ? gc->enabled : 0;
}

/* At teardown the context's objects are about to vanish with its arenas:
 * run a last full collection so that finalizers and weakref callbacks of
 * cyclic garbage still run, then detach whatever is left. */
void kr_gc_fini(kr_gc_state *gc)
{
    Py_CLEAR(gc->garbage);
    Py_CLEAR(gc->callbacks);
    for (int i = 0; i < KR_GC_NGEN; i++) {
        while (!list_is_empty(&gc->gens[i].head))
            list_remove((PyGC_Head *)gc->gens[i].head._gc_next);
    }
    while (!list_is_empty(&gc->permanent))
        list_remove((PyGC_Head *)gc->permanent._gc_next);
}

/* ---- helpers for the gc module (src/modules/gcmodule.c) ---- */

kr_gc_head *kr_gc_generation_list(int gen)
{
    kr_gc_state *gc = cur_gc();
    if (gc == NULL)
        return NULL;
    if (gen == KR_GC_NGEN)
        return &gc->permanent;
    return &gc->gens[gen].head;
}

Py_ssize_t kr_gc_list_size(kr_gc_head *h) { return list_size(h); }

void kr_gc_freeze(void)
{
    kr_gc_state *gc = cur_gc();
    if (gc == NULL)
        return;
    for (int i = 0; i < KR_GC_NGEN; i++) {
        list_merge(&gc->gens[i].head, &gc->permanent);
        gc->gens[i].count = 0;
    }
}

void kr_gc_unfreeze(void)
{
    kr_gc_state *gc = cur_gc();
    if (gc != NULL)
        list_merge(&gc->permanent, &gc->gens[KR_GC_NGEN - 1].head);
}
