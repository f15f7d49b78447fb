/* frame.h (internal): the interpreter frame and the per-thread frame stack.
 *
 * A kr_frame is where one activation of a code object keeps its state:
 * locals, cells and the value stack in one array (localsplus), plus the
 * position.  Ordinary calls take frames from a per-thread stack of chunks
 * (no allocation per call); a generator keeps its frame in its own heap
 * block; a PyFrameObject that outlives its activation takes a heap copy.
 * `owner` says which of the three holds the memory. */
#ifndef KR_VM_FRAME_H
#define KR_VM_FRAME_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "vm/code.h"

enum { KR_FRAME_OWNED_BY_THREAD = 0, KR_FRAME_OWNED_BY_GENERATOR = 1,
       KR_FRAME_OWNED_BY_FRAME_OBJECT = 2 };

typedef struct kr_frame {
    PyCodeObject *code;           /* owned */
    PyObject *func;               /* owned, or NULL (PyEval_EvalCode) */
    /* The namespaces: a function's frame borrows them from its function,
     * which it owns and whose namespaces never change (as in CPython
     * 3.11, this spares a call two reference counts); a frame with no
     * function owns them.  kr_frame_owns_namespaces tells which. */
    PyObject *globals;
    PyObject *builtins;
    PyObject *locals;             /* owned mapping (module/class code), or NULL */
    struct kr_frame *previous;    /* the caller while this frame runs */
    PyFrameObject *frame_obj;     /* owned, made lazily */
    PyObject *gen;                /* borrowed: the generator owning this frame */
    /* Positions are pointers into code->co_code, so that the loop stores
     * one pointer per instruction; kr_frame_lasti/kr_frame_next below give
     * them as word indexes. */
    const kr_word *instr;         /* the current instruction; NULL before the first */
    const kr_word *resume;        /* where to resume */
    int stacktop;                 /* live entries of localsplus while not running */
    uint8_t owner;
    uint8_t is_entry;             /* returning from it leaves the C eval call */
    PyObject *localsplus[];       /* co_nlocalsplus slots, then the value stack */
} kr_frame;

/* The current instruction as a word index, -1 before the first. */
static inline int kr_frame_lasti(const kr_frame *f)
{
    return f->instr == NULL ? -1 : (int)(f->instr - f->code->co_code);
}

static inline void kr_frame_set_lasti(kr_frame *f, int lasti)
{
    f->instr = lasti < 0 ? NULL : f->code->co_code + lasti;
}

/* Where the frame resumes, as a word index. */
static inline int kr_frame_next(const kr_frame *f)
{
    return (int)(f->resume - f->code->co_code);
}

static inline void kr_frame_set_next(kr_frame *f, int next)
{
    f->resume = f->code->co_code + next;
}

static inline int kr_frame_owns_namespaces(const kr_frame *f)
{
    return f->func == NULL;
}

struct kr_frame_chunk {
    struct kr_frame_chunk *previous;
    PyObject **top;               /* first free slot */
    PyObject **limit;
    PyObject *data[];
};

/* Frees the emptied top chunk of the thread's frame stack. */
void kr_frame_chunk_pop(PyThreadState *ts);

static inline size_t kr_frame_words(PyCodeObject *co) {
    return sizeof(kr_frame) / sizeof(PyObject *) + (size_t)co->co_nlocalsplus
           + (size_t)co->co_stacksize;
}

/* Push a frame for `co` on the thread's stack and fill its header; the
 * locals are NULL.  References to func/globals/builtins/locals are taken
 * (new references stored).  NULL with MemoryError on failure. */
kr_frame *kr_frame_push(PyThreadState *ts, PyCodeObject *co, PyObject *func,
                        PyObject *globals, PyObject *builtins, PyObject *locals);

/* The call path's version: inline when the current chunk has room. */
static inline kr_frame *kr_frame_push_fast(PyThreadState *ts, PyCodeObject *co, PyObject *func,
                                           PyObject *globals, PyObject *builtins)
{
    struct kr_frame_chunk *c = ts->vm.chunk;
    size_t words = sizeof(kr_frame) / sizeof(PyObject *) + (size_t)co->co_nlocalsplus
                   + (size_t)co->co_stacksize;
    if (_Py_unlikely(c == NULL || (size_t)(c->limit - c->top) < words))
        return kr_frame_push(ts, co, func, globals, builtins, NULL);
    kr_frame *f = (kr_frame *)c->top;
    c->top += words;
    Py_INCREF(co);
    f->code = co;
    Py_INCREF(func);
    f->func = func;
    f->globals = globals;      /* borrowed from func */
    f->builtins = builtins;
    f->locals = NULL;
    f->previous = NULL;
    f->frame_obj = NULL;
    f->gen = NULL;
    f->instr = NULL;
    f->resume = co->co_code;
    f->stacktop = co->co_nlocalsplus;
    f->owner = KR_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        f->localsplus[i] = NULL;
    return f;
}
/* Release everything a finished frame holds, and its stack memory if the
 * thread owns it.  A PyFrameObject still referenced elsewhere takes a
 * copy first. */
void kr_frame_clear(PyThreadState *ts, kr_frame *f);

/* The return path's version: inline for a frame nobody looked at. */
static inline void kr_frame_clear_fast(PyThreadState *ts, kr_frame *f)
{
    if (_Py_unlikely(f->frame_obj != NULL || f->owner != KR_FRAME_OWNED_BY_THREAD
                     || f->locals != NULL)) {
        kr_frame_clear(ts, f);
        return;
    }
    for (int i = 0; i < f->stacktop; i++)
        Py_XDECREF(f->localsplus[i]);
    Py_DECREF(f->func);       /* (the namespaces were borrowed from it) */
    Py_DECREF(f->code);
    struct kr_frame_chunk *c = ts->vm.chunk;
    c->top = (PyObject **)f;
    if (_Py_unlikely(c->top == c->data && c->previous != NULL))
        kr_frame_chunk_pop(ts);
}
/* The frame object of `f`, made on first use: a borrowed reference (the
 * frame keeps one), or NULL with an exception set. */
PyFrameObject *kr_frame_get_object(kr_frame *f);
/* Hand a frame about to be cleared over to its frame object, if anyone
 * else holds that object. */
void kr_frame_detach_object(kr_frame *f);
int kr_frame_lineno(kr_frame *f);
/* Make a module/class frame's locals mapping or a function frame's
 * synchronised dict; borrowed reference. */
PyObject *kr_frame_get_locals(kr_frame *f);

/* for super() (types area): the frame's code and fast slots */
PyCodeObject *kr_frame_get_code(struct kr_frame *f);
PyObject **kr_frame_get_localsplus(struct kr_frame *f);
/* Point a frame object at the frame's new home (a generator's copy). */
void kr_frame_object_rebind(PyFrameObject *fo, kr_frame *f);
/* the frame behind a frame object (NULL if cleared) */
kr_frame *kr_frameobject_frame(PyFrameObject *fo);
/* for the tracing hooks (trace.c): f_trace (borrowed, or NULL), its
 * setter (NULL clears), f_trace_lines and f_trace_opcodes */
PyObject *kr_frame_object_trace(PyFrameObject *fo);
void kr_frame_object_set_trace(PyFrameObject *fo, PyObject *trace);
int kr_frame_object_trace_lines(PyFrameObject *fo);
int kr_frame_object_trace_opcodes(PyFrameObject *fo);
/* PyEval_EvalFrame / PyGen_New: the never-run frame a PyFrame_New object
 * owns, which the caller now owns (NULL with SystemError if it has run
 * or is not the object's own); kr_frame_object_untake gives it back. */
kr_frame *kr_frame_object_take_fresh(PyFrameObject *fo);
void kr_frame_object_untake(PyFrameObject *fo, kr_frame *f);
/* After PyEval_EvalFrame ran `old` (the object's own frame): if its body
 * turned into a generator (RETURN_GENERATOR), the generator took the frame
 * object along; `old`, now empty, is freed. */
void kr_frame_object_moved(PyFrameObject *fo, kr_frame *old);
/* Clears and frees a heap frame (not on the thread's stack). */
void kr_frame_free_heap(PyThreadState *ts, kr_frame *f);
/* The builtins dict for `globals`: its __builtins__ (a module's dict or
 * a dict), else the context's builtins; borrowed. */
PyObject *kr_builtins_of_globals(PyObject *globals);

#endif
