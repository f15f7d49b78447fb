/* frame.c: interpreter frames (the per-thread frame stack) and frame
 * objects (PyFrame_Type).
 *
 * Frames of ordinary calls are carved out of chunks owned by the thread
 * state and given back in LIFO order, so a call allocates nothing.  A
 * PyFrameObject is made only on demand; it points at the live kr_frame,
 * and when that frame finishes while the object is still referenced, the
 * object takes a heap copy of the frame (kr_frame_detach_object) so that
 * f_locals, f_lineno and f_back keep working, as in CPython 3.11. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"
#include "vm/genobject.h"
#include "vm/trace.h"
#include "structmember.h"

struct _frame {
    PyObject_HEAD
    kr_frame *f_frame;          /* the live frame, or our own copy, or NULL */
    PyFrameObject *f_back;      /* owned; filled when the frame is detached */
    PyObject *f_trace;          /* owned: the local trace function (vm/trace.c) */
    PyObject *f_locals_cache;   /* owned dict for function frames' f_locals */
    char f_trace_lines;
    char f_trace_opcodes;
    char f_owns;                /* f_frame is our heap copy */
};

#define KR_CHUNK_WORDS (16 * 1024)

static struct kr_frame_chunk *kr_chunk_new(struct kr_frame_chunk *prev, size_t words)
{
    if (words < KR_CHUNK_WORDS)
        words = KR_CHUNK_WORDS;
    struct kr_frame_chunk *c = PyMem_RawMalloc(sizeof(*c) + words * sizeof(PyObject *));
    if (c == NULL)
        return NULL;
    c->previous = prev;
    c->top = c->data;
    c->limit = c->data + words;
    return c;
}

kr_frame *kr_frame_push(PyThreadState *ts, PyCodeObject *co, PyObject *func,
                        PyObject *globals, PyObject *builtins, PyObject *locals)
{
    size_t words = kr_frame_words(co);
    struct kr_frame_chunk *c = ts->vm.chunk;
    if (c == NULL || (size_t)(c->limit - c->top) < words) {
        struct kr_frame_chunk *n = kr_chunk_new(c, words);
        if (n == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        ts->vm.chunk = c = n;
    }
    kr_frame *f = (kr_frame *)c->top;
    c->top += words;
    f->code = (PyCodeObject *)Py_NewRef(co);
    f->func = Py_XNewRef(func);
    f->globals = globals;
    f->builtins = builtins;
    if (kr_frame_owns_namespaces(f)) {
        Py_INCREF(globals);
        Py_INCREF(builtins);
    }
    f->locals = Py_XNewRef(locals);
    f->previous = NULL;
    f->frame_obj = NULL;
    f->gen = NULL;
    kr_frame_set_lasti(f, -1);
    kr_frame_set_next(f, 0);
    f->stacktop = co->co_nlocalsplus;
    f->owner = KR_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        f->localsplus[i] = NULL;
    return f;
}

/* Drops the references a frame holds (not frame_obj). */
static void kr_frame_release_refs(kr_frame *f)
{
    for (int i = 0; i < f->stacktop; i++)
        Py_CLEAR(f->localsplus[i]);
    f->stacktop = 0;
    if (kr_frame_owns_namespaces(f)) {
        Py_CLEAR(f->globals);
        Py_CLEAR(f->builtins);
    }
    f->globals = f->builtins = NULL;
    Py_CLEAR(f->func);
    Py_CLEAR(f->locals);
    Py_CLEAR(f->code);
}

void kr_frame_detach_object(kr_frame *f)
{
    PyFrameObject *fo = f->frame_obj;
    if (fo == NULL)
        return;
    f->frame_obj = NULL;
    if (Py_REFCNT(fo) > 1 && !fo->f_owns) {
        /* someone still looks at it: give it a copy to keep */
        size_t words = sizeof(kr_frame) / sizeof(PyObject *) + (size_t)f->stacktop;
        kr_frame *copy = PyMem_RawMalloc(words * sizeof(PyObject *));
        if (copy != NULL) {
            memcpy(copy, f, words * sizeof(PyObject *));
            copy->owner = KR_FRAME_OWNED_BY_FRAME_OBJECT;
            copy->frame_obj = fo;       /* borrowed: fo owns the copy */
            copy->gen = NULL;
            copy->previous = NULL;
            /* the copy now holds the references */
            f->code = NULL; f->func = NULL; f->globals = NULL;
            f->builtins = NULL; f->locals = NULL;
            for (int i = 0; i < f->stacktop; i++)
                f->localsplus[i] = NULL;
            if (f->previous != NULL && fo->f_back == NULL) {
                PyFrameObject *back = kr_frame_get_object(f->previous);
                if (back != NULL)
                    fo->f_back = (PyFrameObject *)Py_NewRef(back);
                else
                    PyErr_Clear();
            }
            fo->f_frame = copy;
            fo->f_owns = 1;
        } else {
            fo->f_frame = NULL;
        }
    } else if (!fo->f_owns) {
        fo->f_frame = NULL;
    }
    Py_DECREF(fo);
}

void kr_frame_clear(PyThreadState *ts, kr_frame *f)
{
    kr_frame_detach_object(f);
    kr_frame_release_refs(f);
    if (f->owner == KR_FRAME_OWNED_BY_THREAD) {
        struct kr_frame_chunk *c = ts->vm.chunk;
        c->top = (PyObject **)f;
        if (c->top == c->data && c->previous != NULL)
            kr_frame_chunk_pop(ts);
    }
}

void kr_frame_chunk_pop(PyThreadState *ts)
{
    struct kr_frame_chunk *c = ts->vm.chunk;
    ts->vm.chunk = c->previous;
    PyMem_RawFree(c);
}

PyFrameObject *kr_frame_get_object(kr_frame *f)
{
    if (f->frame_obj != NULL)
        return f->frame_obj;
    PyFrameObject *fo = PyObject_GC_New(PyFrameObject, &PyFrame_Type);
    if (fo == NULL)
        return NULL;
    fo->f_frame = f;
    fo->f_back = NULL;
    fo->f_trace = NULL;
    fo->f_locals_cache = NULL;
    fo->f_trace_lines = 1;
    fo->f_trace_opcodes = 0;
    fo->f_owns = 0;
    f->frame_obj = fo;
    PyObject_GC_Track(fo);
    return fo;
}

PyCodeObject *kr_frame_get_code(kr_frame *f)
{
    return f->code;
}

PyObject **kr_frame_get_localsplus(kr_frame *f)
{
    return f->localsplus;
}

void kr_frame_object_rebind(PyFrameObject *fo, kr_frame *f)
{
    fo->f_frame = f;
}

kr_frame *kr_frameobject_frame(PyFrameObject *fo)
{
    return fo->f_frame;
}

PyObject *kr_frame_object_trace(PyFrameObject *fo)
{
    return fo->f_trace;
}

void kr_frame_object_set_trace(PyFrameObject *fo, PyObject *trace)
{
    Py_XSETREF(fo->f_trace, Py_XNewRef(trace));
}

int kr_frame_object_trace_lines(PyFrameObject *fo)
{
    return fo->f_trace_lines;
}

int kr_frame_object_trace_opcodes(PyFrameObject *fo)
{
    return fo->f_trace_opcodes;
}

int kr_frame_lineno(kr_frame *f)
{
    int line, eline, col, ecol;
    if (kr_frame_lasti(f) < 0)
        return f->code->co_firstlineno;
    kr_code_location(f->code, kr_frame_lasti(f), &line, &eline, &col, &ecol);
    return line;
}

/* For function frames, f_locals is a dict refreshed from the fast slots
 * each time it is asked for (CPython 3.11's behaviour). */
PyObject *kr_frame_get_locals(kr_frame *f)
{
    PyCodeObject *co = f->code;
    if (f->locals != NULL)
        return f->locals;
    PyFrameObject *fo = kr_frame_get_object(f);
    if (fo == NULL)
        return NULL;
    if (fo->f_locals_cache == NULL) {
        fo->f_locals_cache = PyDict_New();
        if (fo->f_locals_cache == NULL)
            return NULL;
    }
    PyObject *d = fo->f_locals_cache;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        PyObject *v = f->localsplus[i];
        unsigned char kind = co->co_localspluskinds[i];
        if (v != NULL && (kind & (CO_FAST_CELL | CO_FAST_FREE)) && PyCell_Check(v))
            v = PyCell_GET(v);
        if (v == NULL) {
            if (PyDict_DelItem(d, name) < 0) {
                if (!PyErr_ExceptionMatches(PyExc_KeyError))
                    return NULL;
                PyErr_Clear();
            }
        } else if (PyDict_SetItem(d, name, v) < 0) {
            return NULL;
        }
    }
    return d;
}

/* ---- the frame object type ---- */

static kr_frame *kr_fo_frame(PyFrameObject *fo)
{
    return fo->f_frame;
}

static PyObject *kr_fo_get_lineno(PyFrameObject *fo, void *c)
{
    kr_frame *f = kr_fo_frame(fo);
    if (f == NULL)
        Py_RETURN_NONE;
    return PyLong_FromLong(kr_frame_lineno(f));
}

static int kr_fo_set_lineno(PyFrameObject *fo, PyObject *v, void *c)
{
    return kr_trace_set_lineno(fo, kr_fo_frame(fo), v);
}

static PyObject *kr_fo_get_lasti(PyFrameObject *fo, void *c)
{
    kr_frame *f = kr_fo_frame(fo);
    return PyLong_FromLong(f == NULL || kr_frame_lasti(f) < 0 ? -1 : kr_frame_lasti(f) * 2);
}

static PyObject *kr_fo_get_code(PyFrameObject *fo, void *c)
{
    kr_frame *f = kr_fo_frame(fo);
    if (f == NULL || f->code == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "frame has been cleared");
        return NULL;
    }
    return Py_NewRef(f->code);
}

static PyObject *kr_fo_get_globals(PyFrameObject *fo, void *c)
{
    kr_frame *f = kr_fo_frame(fo);
    if (f == NULL || f->globals == NULL)
        return PyDict_New();
    return Py_NewRef(f->globals);
}

static PyObject *kr_fo_get_builtins(PyFrameObject *fo, void *c)
{
    kr_frame *f = kr_fo_frame(fo);
    if (f == NULL || f->builtins == NULL)
        return PyDict_New();
    return Py_NewRef(f->builtins);
}

static PyObject *kr_fo_get_locals(PyFrameObject *fo, void *c)
{
    kr_frame *f = kr_fo_frame(fo);
    if (f == NULL || f->code == NULL)
        return PyDict_New();
    PyObject *l = kr_frame_get_locals(f);
    return Py_XNewRef(l);
}

static PyObject *kr_fo_get_back(PyFrameObject *fo, void *c)
{
    PyFrameObject *back = PyFrame_GetBack(fo);
    if (back == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    return (PyObject *)back;
}

static PyObject *kr_fo_get_trace(PyFrameObject *fo, void *c)
{
    return Py_NewRef(fo->f_trace ? fo->f_trace : Py_None);
}

static int kr_fo_set_trace(PyFrameObject *fo, PyObject *v, void *c)
{
    if (v == Py_None)
        v = NULL;
    Py_XSETREF(fo->f_trace, Py_XNewRef(v));
    return 0;
}

static PyObject *kr_fo_get_trace_lines(PyFrameObject *fo, void *c)
{
    return PyBool_FromLong(fo->f_trace_lines);
}

static int kr_fo_set_trace_lines(PyFrameObject *fo, PyObject *v, void *c)
{
    if (v == NULL || !PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    fo->f_trace_lines = v == Py_True;
    return 0;
}

static PyObject *kr_fo_get_trace_opcodes(PyFrameObject *fo, void *c)
{
    return PyBool_FromLong(fo->f_trace_opcodes);
}

static int kr_fo_set_trace_opcodes(PyFrameObject *fo, PyObject *v, void *c)
{
    if (v == NULL || !PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    fo->f_trace_opcodes = v == Py_True;
    return 0;
}

static PyGetSetDef kr_fo_getset[] = {
    {"f_lineno", (getter)kr_fo_get_lineno, (setter)kr_fo_set_lineno, NULL, NULL},
    {"f_lasti", (getter)kr_fo_get_lasti, NULL, NULL, NULL},
    {"f_code", (getter)kr_fo_get_code, NULL, NULL, NULL},
    {"f_globals", (getter)kr_fo_get_globals, NULL, NULL, NULL},
    {"f_builtins", (getter)kr_fo_get_builtins, NULL, NULL, NULL},
    {"f_locals", (getter)kr_fo_get_locals, NULL, NULL, NULL},
    {"f_back", (getter)kr_fo_get_back, NULL, NULL, NULL},
    {"f_trace", (getter)kr_fo_get_trace, (setter)kr_fo_set_trace, NULL, NULL},
    {"f_trace_lines", (getter)kr_fo_get_trace_lines, (setter)kr_fo_set_trace_lines, NULL, NULL},
    {"f_trace_opcodes", (getter)kr_fo_get_trace_opcodes, (setter)kr_fo_set_trace_opcodes, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static void kr_fo_release_own(PyFrameObject *fo)
{
    if (fo->f_owns && fo->f_frame != NULL) {
        kr_frame *copy = fo->f_frame;
        fo->f_frame = NULL;
        fo->f_owns = 0;
        kr_frame_release_refs(copy);
        PyMem_RawFree(copy);
    }
}

static PyObject *kr_fo_clear(PyFrameObject *fo, PyObject *unused)
{
    kr_frame *f = fo->f_frame;
    if (f == NULL)
        Py_RETURN_NONE;
    if (fo->f_owns) {
        kr_fo_release_own(fo);
        Py_CLEAR(fo->f_back);
        Py_CLEAR(fo->f_locals_cache);
        Py_RETURN_NONE;
    }
    if (f->owner == KR_FRAME_OWNED_BY_GENERATOR && f->gen != NULL) {
        struct kr_genobject *g = (struct kr_genobject *)f->gen;
        if (g->gi_state == KR_GEN_RUNNING) {
            PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
            return NULL;
        }
        if (g->gi_state != KR_GEN_CLEARED) {
            PyObject *r = PyObject_CallMethod(f->gen, "close", NULL);
            if (r == NULL)
                return NULL;
            Py_DECREF(r);
        }
        Py_RETURN_NONE;
    }
    PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
    return NULL;
}

static PyObject *kr_fo_sizeof(PyFrameObject *fo, PyObject *unused)
{
    Py_ssize_t n = (Py_ssize_t)sizeof(PyFrameObject);
    if (fo->f_frame != NULL && fo->f_frame->code != NULL)
        n += (Py_ssize_t)(kr_frame_words(fo->f_frame->code) * sizeof(PyObject *));
    return PyLong_FromSsize_t(n);
}

static PyMethodDef kr_fo_methods[] = {
    {"clear", (PyCFunction)kr_fo_clear, METH_NOARGS, NULL},
    {"__sizeof__", (PyCFunction)kr_fo_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyObject *kr_fo_repr(PyFrameObject *fo)
{
    kr_frame *f = fo->f_frame;
    if (f == NULL || f->code == NULL)
        return PyUnicode_FromFormat("<frame at %p, cleared>", fo);
    return PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %S>",
                                fo, f->code->co_filename, kr_frame_lineno(f),
                                f->code->co_name);
}

static int kr_fo_traverse(PyFrameObject *fo, visitproc visit, void *arg)
{
    Py_VISIT(fo->f_back);
    Py_VISIT(fo->f_trace);
    Py_VISIT(fo->f_locals_cache);
    if (fo->f_owns && fo->f_frame != NULL) {
        kr_frame *f = fo->f_frame;
        Py_VISIT(f->code);
        Py_VISIT(f->func);
        if (kr_frame_owns_namespaces(f)) {
            Py_VISIT(f->globals);
            Py_VISIT(f->builtins);
        }
        Py_VISIT(f->locals);
        for (int i = 0; i < f->stacktop; i++)
            Py_VISIT(f->localsplus[i]);
    }
    return 0;
}

static int kr_fo_tp_clear(PyFrameObject *fo)
{
    kr_fo_release_own(fo);
    Py_CLEAR(fo->f_back);
    Py_CLEAR(fo->f_trace);
    Py_CLEAR(fo->f_locals_cache);
    return 0;
}

static void kr_fo_dealloc(PyFrameObject *fo)
{
    PyObject_GC_UnTrack(fo);
    Py_TRASHCAN_BEGIN(fo, kr_fo_dealloc)
    /* a live frame holds a reference, so only detached frames die here */
    if (!fo->f_owns && fo->f_frame != NULL && fo->f_frame->frame_obj == fo)
        fo->f_frame->frame_obj = NULL;
    kr_fo_tp_clear(fo);
    PyObject_GC_Del(fo);
    Py_TRASHCAN_END
}

PyTypeObject PyFrame_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frame",
    .tp_basicsize = sizeof(PyFrameObject),
    .tp_dealloc = (destructor)kr_fo_dealloc,
    .tp_repr = (reprfunc)kr_fo_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)kr_fo_traverse,
    .tp_clear = (inquiry)kr_fo_tp_clear,
    .tp_methods = kr_fo_methods,
    .tp_getset = kr_fo_getset,
};

/* ---- C API ---- */

/* A fresh frame owned by its object, for PyEval_EvalFrame or PyGen_New
 * to run; it starts at the first instruction. */
PyFrameObject *PyFrame_New(PyThreadState *ts, PyCodeObject *code, PyObject *globals,
                           PyObject *locals)
{
    if (code == NULL || !PyCode_Check(code) || globals == NULL || !PyDict_Check(globals)
        || (locals != NULL && !PyMapping_Check(locals))) {
        PyErr_BadInternalCall();
        return NULL;
    }
    size_t words = kr_frame_words(code);
    kr_frame *f = PyMem_RawMalloc(words * sizeof(PyObject *));
    PyObject *builtins = kr_builtins_of_globals(globals);
    if (f == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    f->code = (PyCodeObject *)Py_NewRef(code);
    f->func = NULL;
    f->globals = Py_NewRef(globals);
    f->builtins = Py_NewRef(builtins);
    f->locals = Py_XNewRef(locals);
    f->previous = NULL;
    f->frame_obj = NULL;
    f->gen = NULL;
    kr_frame_set_lasti(f, -1);
    kr_frame_set_next(f, 0);
    f->stacktop = code->co_nlocalsplus;
    f->owner = KR_FRAME_OWNED_BY_FRAME_OBJECT;
    f->is_entry = 0;
    for (int i = 0; i < code->co_nlocalsplus; i++)
        f->localsplus[i] = NULL;
    PyFrameObject *fo = kr_frame_get_object(f);
    if (fo == NULL) {
        kr_frame_release_refs(f);
        PyMem_RawFree(f);
        return NULL;
    }
    fo->f_owns = 1;                 /* f->frame_obj stays, borrowed */
    return fo;
}

kr_frame *kr_frame_object_take_fresh(PyFrameObject *fo)
{
    kr_frame *f = fo->f_frame;
    if (f == NULL || !fo->f_owns || f->code == NULL || kr_frame_lasti(f) != -1 || kr_frame_next(f) != 0
        || f->previous != NULL) {
        PyErr_SetString(PyExc_SystemError, "the frame has already run");
        return NULL;
    }
    fo->f_owns = 0;
    return f;
}

void kr_frame_object_untake(PyFrameObject *fo, kr_frame *f)
{
    fo->f_frame = f;
    fo->f_owns = 1;
}

void kr_frame_object_moved(PyFrameObject *fo, kr_frame *old)
{
    PyThreadState *ts = kr_tstate_get();
    if (fo->f_frame == old)
        return;
    /* the generator's frame now holds the object (a counted reference) */
    fo->f_owns = 0;
    Py_INCREF(fo);
    kr_frame_free_heap(ts, old);
}

void kr_frame_free_heap(PyThreadState *ts, kr_frame *f)
{
    kr_frame_clear(ts, f);
    PyMem_RawFree(f);
}

int PyFrame_GetLineNumber(PyFrameObject *fo)
{
    kr_frame *f = fo->f_frame;
    return f == NULL ? -1 : kr_frame_lineno(f);
}

int PyFrame_GetLasti(PyFrameObject *fo)
{
    kr_frame *f = fo->f_frame;
    return f == NULL || kr_frame_lasti(f) < 0 ? -1 : kr_frame_lasti(f) * 2;
}

PyCodeObject *PyFrame_GetCode(PyFrameObject *fo)
{
    kr_frame *f = fo->f_frame;
    return f == NULL ? NULL : (PyCodeObject *)Py_XNewRef(f->code);
}

PyFrameObject *PyFrame_GetBack(PyFrameObject *fo)
{
    if (fo->f_back != NULL)
        return (PyFrameObject *)Py_NewRef(fo->f_back);
    kr_frame *f = fo->f_frame;
    if (f == NULL || fo->f_owns || f->previous == NULL)
        return NULL;
    PyFrameObject *back = kr_frame_get_object(f->previous);
    return (PyFrameObject *)Py_XNewRef(back);
}

PyObject *PyFrame_GetLocals(PyFrameObject *fo)
{
    return kr_fo_get_locals(fo, NULL);
}

PyObject *PyFrame_GetGlobals(PyFrameObject *fo)
{
    return kr_fo_get_globals(fo, NULL);
}

PyObject *PyFrame_GetBuiltins(PyFrameObject *fo)
{
    return kr_fo_get_builtins(fo, NULL);
}

PyObject *PyFrame_GetGenerator(PyFrameObject *fo)
{
    kr_frame *f = fo->f_frame;
    if (f == NULL || f->gen == NULL)
        return NULL;
    return Py_NewRef(f->gen);
}

int PyFrame_FastToLocalsWithError(PyFrameObject *fo)
{
    kr_frame *f = fo->f_frame;
    if (f == NULL || f->code == NULL)
        return 0;
    return kr_frame_get_locals(f) == NULL ? -1 : 0;
}

void PyFrame_FastToLocals(PyFrameObject *fo)
{
    if (PyFrame_FastToLocalsWithError(fo) < 0)
        PyErr_Clear();
}

/* Writes a function frame's f_locals dict back into its fast slots and
 * cells (after a trace function ran, so debuggers can change variables),
 * as CPython 3.11 does.  With `clear`, a name missing from the dict
 * unbinds a cell; a plain local cannot be unbound that way (the compiler
 * assumed it bound), so it becomes None with a RuntimeWarning. */
void PyFrame_LocalsToFast(PyFrameObject *fo, int clear)
{
    kr_frame *f = fo->f_frame;
    PyObject *locals = fo->f_locals_cache;
    if (f == NULL || f->code == NULL || f->locals != NULL || locals == NULL)
        return;
    PyCodeObject *co = f->code;
    PyObject *exc = PyErr_GetRaisedException();
    for (int i = 0; i < co->co_nlocalsplus && i < f->stacktop; i++) {
        unsigned char kind = co->co_localspluskinds[i];
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        PyObject *value = PyObject_GetItem(locals, name);
        if (value == NULL) {
            PyErr_Clear();
            if (!clear)
                continue;
        }
        PyObject *old = f->localsplus[i];
        PyObject *cell = NULL;
        if ((kind & CO_FAST_FREE) || ((kind & CO_FAST_CELL) && old != NULL && PyCell_Check(old)))
            cell = old;
        if (cell != NULL) {
            PyObject *cur = PyCell_GET(cell);
            if (value != cur) {
                PyCell_SET(cell, Py_XNewRef(value));
                Py_XDECREF(cur);
            }
        } else if (value != old) {
            if (value == NULL) {
                if (PyErr_WarnFormat(PyExc_RuntimeWarning, 0,
                                     "assigning None to unbound local %R", name) < 0)
                    PyErr_WriteUnraisable((PyObject *)fo);
                value = Py_NewRef(Py_None);
            }
            f->localsplus[i] = Py_NewRef(value);
            Py_XDECREF(old);
        }
        Py_XDECREF(value);
    }
    PyErr_SetRaisedException(exc);
}
