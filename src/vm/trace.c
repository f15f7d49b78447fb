/* trace.c: tracing and profiling hooks, as CPython 3.11 runs them.
 *
 * A thread state holds at most one trace hook and one profile hook, each
 * a C function (Py_tracefunc) with an object; sys.settrace/setprofile
 * install trampolines that call a Python callable.  The loop (ceval.c)
 * reports events here only while ts->vm.use_tracing is set, which is
 * whenever a hook is installed and no hook is running (a hook's own code
 * is never traced).  Events reach the trace hook only for frames whose
 * f_trace is set (the value the 'call' event returned), except 'call'
 * itself; the profile hook sees calls and returns of every frame and the
 * calls of builtin functions.
 *
 * The Python-level trampolines sync the frame's f_locals dict before the
 * callable runs and write it back into the fast locals after
 * (PyFrame_FastToLocals / PyFrame_LocalsToFast), which is how debuggers
 * change variables. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"
#include "vm/trace.h"
#include "vm/genobject.h"
#include "compiler/compiler.h"
#include <limits.h>

/* A change raises the eval breaker: the loop re-reads use_tracing when it
 * handles it (after the call that made the change), so its fast paths
 * never test it. */
void kr_trace_update(PyThreadState *ts)
{
    int use = ts->vm.tracing == 0
              && (ts->vm.c_tracefunc != NULL || ts->vm.c_profilefunc != NULL);
    if (use != ts->vm.use_tracing) {
        ts->vm.use_tracing = use;
        ts->interp->vm.eval_breaker = 1;
    }
}

void kr_trace_tstate_clear(PyThreadState *ts)
{
    /* (the context may be going away too: no eval breaker here) */
    ts->vm.c_tracefunc = NULL;
    ts->vm.c_profilefunc = NULL;
    ts->vm.use_tracing = 0;
    Py_CLEAR(ts->vm.c_traceobj);
    Py_CLEAR(ts->vm.c_profileobj);
}

int PyThreadState_EnterTracing(PyThreadState *ts)
{
    ts->vm.tracing++;
    kr_trace_update(ts);
    return 0;
}

int PyThreadState_LeaveTracing(PyThreadState *ts)
{
    ts->vm.tracing--;
    kr_trace_update(ts);
    return 0;
}

/* Installs one hook.  The old object is released only after the slot is
 * cleared, since its destructor may run Python code that looks at it. */
static void kr_trace_set_hook(PyThreadState *ts, int profile, Py_tracefunc func, PyObject *obj)
{
    Py_tracefunc *fslot = profile ? &ts->vm.c_profilefunc : &ts->vm.c_tracefunc;
    PyObject **oslot = profile ? &ts->vm.c_profileobj : &ts->vm.c_traceobj;
    PyObject *old = *oslot;
    *fslot = NULL;
    *oslot = NULL;
    kr_trace_update(ts);
    Py_XINCREF(obj);
    Py_XDECREF(old);
    *fslot = func;
    *oslot = obj;
    kr_trace_update(ts);
}

void PyEval_SetTrace(Py_tracefunc func, PyObject *obj)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts != NULL)
        kr_trace_set_hook(ts, 0, func, obj);
}

void PyEval_SetProfile(Py_tracefunc func, PyObject *obj)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts != NULL)
        kr_trace_set_hook(ts, 1, func, obj);
}

/* ---- the Python-level trampolines of sys.settrace / sys.setprofile ---- */

static PyObject *kr_trace_event_name(int what)
{
    switch (what) {
    case PyTrace_CALL: return KR_ID(call);
    case PyTrace_EXCEPTION: return KR_ID(exception);
    case PyTrace_LINE: return KR_ID(line);
    case PyTrace_RETURN: return KR_ID(return);
    case PyTrace_C_CALL: return KR_ID(c_call);
    case PyTrace_C_EXCEPTION: return KR_ID(c_exception);
    case PyTrace_C_RETURN: return KR_ID(c_return);
    default: return KR_ID(opcode);
    }
}

/* Calls callback(frame, event, arg) with the frame's locals synced both
 * ways; new reference or NULL (the frame then gets a traceback entry). */
static PyObject *kr_trace_call_callback(PyObject *callback, PyFrameObject *fo, int what,
                                        PyObject *arg)
{
    if (PyFrame_FastToLocalsWithError(fo) < 0)
        return NULL;
    PyObject *stack[3] = {(PyObject *)fo, kr_trace_event_name(what), arg ? arg : Py_None};
    PyObject *res = PyObject_Vectorcall(callback, stack, 3, NULL);
    PyFrame_LocalsToFast(fo, 1);
    if (res == NULL)
        PyTraceBack_Here(fo);
    return res;
}

static int kr_trace_profile_trampoline(PyObject *self, PyFrameObject *fo, int what, PyObject *arg)
{
    PyObject *res = kr_trace_call_callback(self, fo, what, arg);
    if (res == NULL) {
        PyEval_SetProfile(NULL, NULL);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static int kr_trace_trace_trampoline(PyObject *self, PyFrameObject *fo, int what, PyObject *arg)
{
    PyObject *callback = what == PyTrace_CALL ? self : kr_frame_object_trace(fo);
    if (callback == NULL)
        return 0;
    PyObject *res = kr_trace_call_callback(callback, fo, what, arg);
    if (res == NULL) {
        PyEval_SetTrace(NULL, NULL);
        kr_frame_object_set_trace(fo, NULL);
        return -1;
    }
    if (res != Py_None)
        kr_frame_object_set_trace(fo, res);
    Py_DECREF(res);
    return 0;
}

PyObject *kr_sys_settrace(PyObject *func)
{
    PyThreadState *ts = kr_tstate_get();
    if (func == Py_None)
        kr_trace_set_hook(ts, 0, NULL, NULL);
    else
        kr_trace_set_hook(ts, 0, kr_trace_trace_trampoline, func);
    Py_RETURN_NONE;
}

PyObject *kr_sys_setprofile(PyObject *func)
{
    PyThreadState *ts = kr_tstate_get();
    if (func == Py_None)
        kr_trace_set_hook(ts, 1, NULL, NULL);
    else
        kr_trace_set_hook(ts, 1, kr_trace_profile_trampoline, func);
    Py_RETURN_NONE;
}

PyObject *kr_sys_gettrace(void)
{
    PyObject *o = kr_tstate_get()->vm.c_traceobj;
    return Py_NewRef(o != NULL ? o : Py_None);
}

PyObject *kr_sys_getprofile(void)
{
    PyObject *o = kr_tstate_get()->vm.c_profileobj;
    return Py_NewRef(o != NULL ? o : Py_None);
}

/* sys.call_tracing: runs func(*args) with the "inside a hook" count
 * cleared.  CPython 3.11 leaves use_tracing as it was, so from inside a
 * hook new frames are still not traced (only events the loop reports
 * without consulting use_tracing, such as 'exception', get through). */
PyObject *kr_sys_call_tracing(PyObject *func, PyObject *args)
{
    PyThreadState *ts = kr_tstate_get();
    int save_tracing = ts->vm.tracing;
    ts->vm.tracing = 0;
    PyObject *res = PyObject_Call(func, args, NULL);
    ts->vm.tracing = save_tracing;
    kr_trace_update(ts);
    return res;
}

/* ---- reporting events ---- */

/* One hook call with tracing suspended, f_lineno's event recorded. */
static int kr_trace_invoke(PyThreadState *ts, Py_tracefunc func, PyObject *obj, kr_frame *f,
                           int what, PyObject *arg)
{
    if (ts->vm.tracing)
        return 0;
    PyFrameObject *fo = kr_frame_get_object(f);
    if (fo == NULL)
        return -1;
    int old_what = ts->vm.tracing_what;
    ts->vm.tracing_what = what;
    ts->vm.tracing++;
    kr_trace_update(ts);
    int r = func(obj, fo, what, arg);
    ts->vm.tracing--;
    kr_trace_update(ts);
    ts->vm.tracing_what = old_what;
    return r;
}

/* The same, keeping the pending exception unless the hook raises. */
static int kr_trace_invoke_protected(PyThreadState *ts, Py_tracefunc func, PyObject *obj,
                                     kr_frame *f, int what, PyObject *arg)
{
    PyObject *exc = ts->curexc;
    ts->curexc = NULL;
    int r = kr_trace_invoke(ts, func, obj, f, what, arg);
    if (r == 0) {
        Py_XSETREF(ts->curexc, exc);
        return 0;
    }
    Py_XDECREF(exc);
    return -1;
}

int kr_trace_call(PyThreadState *ts, kr_frame *f)
{
    if (ts->vm.c_tracefunc != NULL
        && kr_trace_invoke_protected(ts, ts->vm.c_tracefunc, ts->vm.c_traceobj, f,
                                     PyTrace_CALL, Py_None) < 0)
        return -1;
    if (ts->vm.c_profilefunc != NULL
        && kr_trace_invoke_protected(ts, ts->vm.c_profilefunc, ts->vm.c_profileobj, f,
                                     PyTrace_CALL, Py_None) < 0)
        return -1;
    return 0;
}

int kr_trace_return(PyThreadState *ts, kr_frame *f, PyObject *retval)
{
    if (ts->vm.c_tracefunc != NULL
        && kr_trace_invoke_protected(ts, ts->vm.c_tracefunc, ts->vm.c_traceobj, f,
                                     PyTrace_RETURN, retval) < 0)
        return -1;
    if (ts->vm.c_profilefunc != NULL
        && kr_trace_invoke_protected(ts, ts->vm.c_profilefunc, ts->vm.c_profileobj, f,
                                     PyTrace_RETURN, retval) < 0)
        return -1;
    return 0;
}

void kr_trace_unwind(PyThreadState *ts, kr_frame *f)
{
    /* the frame is being left with an exception anyway: a failing hook
     * only replaces it */
    (void)kr_trace_return(ts, f, Py_None);
}

void kr_trace_exception(PyThreadState *ts, kr_frame *f)
{
    PyObject *exc = ts->curexc;
    if (exc == NULL || ts->vm.c_tracefunc == NULL)
        return;
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *arg = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, tb != NULL ? tb : Py_None);
    Py_XDECREF(tb);
    if (arg == NULL)
        return;
    ts->curexc = NULL;
    int r = kr_trace_invoke(ts, ts->vm.c_tracefunc, ts->vm.c_traceobj, f, PyTrace_EXCEPTION, arg);
    Py_DECREF(arg);
    if (r == 0)
        Py_XSETREF(ts->curexc, exc);
    else
        Py_DECREF(exc);
}

/* The instruction where the body starts (the first RESUME): coming from
 * at or before it is not "the previous line". */
static int kr_trace_entry_point(PyCodeObject *co)
{
    for (int i = 0; i < co->co_ncode; i++)
        if (KR_BASE_OP(co->co_code[i]) == RESUME)
            return i;
    return 0;
}

int kr_trace_line(PyThreadState *ts, kr_frame *f, int instr_prev)
{
    PyCodeObject *co = f->code;
    int lasti = kr_frame_lasti(f);
    int lastline = instr_prev <= kr_trace_entry_point(co) || instr_prev >= co->co_ncode ? -1
                   : co->co_locations[instr_prev].lineno;
    int line = co->co_locations[lasti].lineno;
    PyFrameObject *fo = kr_frame_get_object(f);
    int r = 0;
    if (fo == NULL)
        return -1;
    Py_INCREF(fo);
    if (line != -1 && kr_frame_object_trace_lines(fo)) {
        /* a new line, or a backward jump (but not a `yield from` loop
         * going back to its SEND) */
        if (line != lastline || (lasti < instr_prev && KR_BASE_OP(co->co_code[lasti]) != SEND))
            r = kr_trace_invoke(ts, ts->vm.c_tracefunc, ts->vm.c_traceobj, f, PyTrace_LINE,
                                Py_None);
    }
    /* (the line event may have removed the hook) */
    if (r == 0 && kr_frame_object_trace_opcodes(fo) && ts->vm.c_tracefunc != NULL)
        r = kr_trace_invoke(ts, ts->vm.c_tracefunc, ts->vm.c_traceobj, f, PyTrace_OPCODE,
                            Py_None);
    Py_DECREF(fo);
    return r;
}

/* ---- builtin calls under the profiler ---- */

/* Wraps one C call in 'c_call' and 'c_return' / 'c_exception' events;
 * `call` performs it.  New reference or NULL. */
typedef PyObject *(*kr_trace_do_call)(PyObject *callable, PyObject *const *args, size_t nargsf,
                                      PyObject *kwnames, PyObject *callargs, PyObject *kwargs);

static PyObject *kr_trace_do_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                        PyObject *kwnames, PyObject *callargs, PyObject *kwargs)
{
    (void)callargs;
    (void)kwargs;
    return PyObject_Vectorcall(callable, args, nargsf, kwnames);
}

static PyObject *kr_trace_do_call_ex(PyObject *callable, PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames, PyObject *callargs, PyObject *kwargs)
{
    (void)kwnames;
    if (args != NULL) {
        /* a method descriptor bound to args[-1]: the tuple's tail */
        return PyObject_VectorcallDict(callable, args, nargsf, kwargs);
    }
    return PyObject_Call(callable, callargs, kwargs);
}

static PyObject *kr_trace_c_wrap(PyThreadState *ts, kr_trace_do_call call, PyObject *func,
                                 PyObject *const *args, size_t nargsf, PyObject *kwnames,
                                 PyObject *callargs, PyObject *kwargs)
{
    kr_frame *f = ts->vm.current_frame;
    PyObject *res;
    if (ts->vm.c_profilefunc == NULL || f == NULL)
        return call(func, args, nargsf, kwnames, callargs, kwargs);
    if (kr_trace_invoke(ts, ts->vm.c_profilefunc, ts->vm.c_profileobj, f, PyTrace_C_CALL,
                        func) < 0)
        return NULL;
    res = call(func, args, nargsf, kwnames, callargs, kwargs);
    if (ts->vm.c_profilefunc == NULL)
        return res;
    if (res == NULL) {
        (void)kr_trace_invoke_protected(ts, ts->vm.c_profilefunc, ts->vm.c_profileobj, f,
                                        PyTrace_C_EXCEPTION, func);
    } else if (kr_trace_invoke(ts, ts->vm.c_profilefunc, ts->vm.c_profileobj, f,
                               PyTrace_C_RETURN, func) < 0) {
        Py_CLEAR(res);
    }
    return res;
}

PyObject *kr_trace_vectorcall(PyThreadState *ts, PyObject *callable, PyObject *const *args,
                              size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (PyCFunction_CheckExact(callable) || PyCMethod_CheckExact(callable))
        return kr_trace_c_wrap(ts, kr_trace_do_vectorcall, callable, args, nargsf, kwnames,
                               NULL, NULL);
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && nargs > 0) {
        /* the profiler is shown the bound builtin method */
        PyObject *self = args[0];
        PyObject *bound = Py_TYPE(callable)->tp_descr_get(callable, self,
                                                          (PyObject *)Py_TYPE(self));
        if (bound == NULL)
            return NULL;
        PyObject *res = kr_trace_c_wrap(ts, kr_trace_do_vectorcall, bound, args + 1,
                                        (size_t)(nargs - 1), kwnames, NULL, NULL);
        Py_DECREF(bound);
        return res;
    }
    return PyObject_Vectorcall(callable, args, nargsf, kwnames);
}

PyObject *kr_trace_call_ex(PyThreadState *ts, PyObject *callable, PyObject *callargs,
                           PyObject *kwargs)
{
    if (PyCFunction_CheckExact(callable) || PyCMethod_CheckExact(callable))
        return kr_trace_c_wrap(ts, kr_trace_do_call_ex, callable, NULL, 0, NULL, callargs,
                               kwargs);
    Py_ssize_t nargs = PyTuple_GET_SIZE(callargs);
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && nargs > 0) {
        PyObject *self = PyTuple_GET_ITEM(callargs, 0);
        PyObject *bound = Py_TYPE(callable)->tp_descr_get(callable, self,
                                                          (PyObject *)Py_TYPE(self));
        if (bound == NULL)
            return NULL;
        PyObject *res = kr_trace_c_wrap(ts, kr_trace_do_call_ex, bound,
                                        &PyTuple_GET_ITEM(callargs, 1), (size_t)(nargs - 1),
                                        NULL, callargs, kwargs);
        Py_DECREF(bound);
        return res;
    }
    return kr_ceval_call_ex(callable, callargs, kwargs);
}

/* ---- assigning f_lineno (the debugger's "jump") ----
 * CPython 3.11's rules: a jump is allowed only from a 'line' event, to a
 * line that starts somewhere in the code, and only where the value stack
 * there is a prefix of the stack here (values are popped to get there),
 * so that no block is entered from outside.  The stack at each
 * instruction is found by an abstract interpretation recording, per
 * entry, what kind of value it holds (3 bits each in an int64). */

enum { KR_K_ITERATOR = 1, KR_K_EXCEPT = 2, KR_K_OBJECT = 3, KR_K_NULL = 4, KR_K_LASTI = 5 };
#define KR_K_BITS 3
#define KR_K_MASK ((1 << KR_K_BITS) - 1)
#define KR_K_UNINITIALIZED (-2)
#define KR_K_OVERFLOWED (-1)
#define KR_K_MAX_ENTRIES (63 / KR_K_BITS)
#define KR_K_WILL_OVERFLOW (1ULL << ((KR_K_MAX_ENTRIES - 1) * KR_K_BITS))

static int64_t kr_k_push(int64_t stack, int kind)
{
    if (stack < 0 || (uint64_t)stack >= KR_K_WILL_OVERFLOW)
        return KR_K_OVERFLOWED;
    return (stack << KR_K_BITS) | kind;
}

static int64_t kr_k_pop(int64_t stack)
{
    return stack < 0 ? stack : stack >> KR_K_BITS;
}

static int kr_k_top(int64_t stack)
{
    return (int)(stack & KR_K_MASK);
}

static int kr_k_peek(int64_t stack, int n)
{
    return (int)((stack >> (KR_K_BITS * (n - 1))) & KR_K_MASK);
}

static int64_t kr_k_swap(int64_t stack, int n)
{
    if (stack < 0)
        return stack;
    int64_t deep = kr_k_peek(stack, n), top = kr_k_top(stack);
    int shift = KR_K_BITS * (n - 1);
    int64_t low = (stack & ~((int64_t)KR_K_MASK << shift)) | (top << shift);
    return (low & ~(int64_t)KR_K_MASK) | deep;
}

static int64_t kr_k_pop_to_level(int64_t stack, int level)
{
    if (level == 0)
        return 0;
    int64_t level_max = (int64_t)KR_K_MASK << ((level - 1) * KR_K_BITS);
    while (stack > level_max)
        stack = kr_k_pop(stack);
    return stack;
}

static int kr_k_compatible_kind(int from, int to)
{
    if (to == 0)
        return 0;
    if (to == KR_K_OBJECT)
        return from != KR_K_NULL;
    if (to == KR_K_NULL)
        return 1;
    return from == to;
}

static int kr_k_compatible(int64_t from, int64_t to)
{
    if (from < 0 || to < 0)
        return 0;
    while (from > to)
        from = kr_k_pop(from);
    while (from) {
        if (!kr_k_compatible_kind(kr_k_top(from), kr_k_top(to)))
            return 0;
        from = kr_k_pop(from);
        to = kr_k_pop(to);
    }
    return to == 0;
}

static const char *kr_k_explain(int64_t to)
{
    if (to == KR_K_OVERFLOWED)
        return "stack to deep to analyze";
    if (to == KR_K_UNINITIALIZED)
        return "can't jump into an exception handler, or code may be unreachable";
    switch (kr_k_top(to)) {
    case KR_K_EXCEPT:
        return "can't jump into an 'except' block as there's no exception";
    case KR_K_ITERATOR:
        return "can't jump into the body of a for loop";
    default:
        return "incompatible stacks";
    }
}

/* Records `stack` as the state at `target`; a backward edge to a state
 * not seen yet asks for another pass. */
static void kr_k_flow(int64_t *stacks, int at, int target, int64_t stack, int *todo, int n)
{
    if (target < 0 || target >= n)
        return;
    if (stacks[target] == KR_K_UNINITIALIZED && target <= at)
        *todo = 1;
    stacks[target] = stack;
}

/* The kind-stack before each word of `co` (cache words stay
 * uninitialised); a PyMem block of co_ncode entries, or NULL. */
static int64_t *kr_k_mark_stacks(PyCodeObject *co)
{
    int n = (int)co->co_ncode;
    int64_t *stacks = PyMem_New(int64_t, (size_t)n + 1);
    if (stacks == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (int i = 0; i <= n; i++)
        stacks[i] = KR_K_UNINITIALIZED;
    stacks[0] = 0;
    if (co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
        stacks[0] = kr_k_push(0, KR_K_OBJECT);     /* the first send()'s None */
    int todo = 1;
    while (todo) {
        todo = 0;
        for (int i = 0; i < n; ) {
            kr_word w = co->co_code[i];
            int op = KR_BASE_OP(w), arg = KR_ARG(w);
            int next = i + 1 + (op < KR_NUM_OPCODES ? kr_opcode_caches[op] : 0);
            int64_t st = stacks[i];
            if (st == KR_K_UNINITIALIZED) {
                i = next;
                continue;
            }
            switch (op) {
            case JUMP_IF_FALSE_OR_POP:
            case JUMP_IF_TRUE_OR_POP:
                kr_k_flow(stacks, i, arg, st, &todo, n);
                stacks[next] = kr_k_pop(st);
                break;
            case POP_JUMP_IF_FALSE:
            case POP_JUMP_IF_TRUE:
            case POP_JUMP_IF_NONE:
            case POP_JUMP_IF_NOT_NONE:
                st = kr_k_pop(st);
                kr_k_flow(stacks, i, arg, st, &todo, n);
                stacks[next] = st;
                break;
            case SEND:
                kr_k_flow(stacks, i, arg, kr_k_pop(st), &todo, n);
                stacks[next] = st;
                break;
            case JUMP:
            case JUMP_NO_INTERRUPT:
                kr_k_flow(stacks, i, arg, st, &todo, n);
                break;
            case GET_ITER:
            case GET_AITER:
                stacks[next] = kr_k_push(kr_k_pop(st), KR_K_ITERATOR);
                break;
            case FOR_ITER:
                kr_k_flow(stacks, i, arg, kr_k_pop(st), &todo, n);
                stacks[next] = kr_k_push(st, KR_K_OBJECT);
                break;
            case END_ASYNC_FOR:
                stacks[next] = kr_k_pop(kr_k_pop(kr_k_pop(st)));
                break;
            case PUSH_EXC_INFO:
                stacks[next] = kr_k_push(st, KR_K_EXCEPT);
                break;
            case POP_EXCEPT:
                stacks[next] = kr_k_pop(st);
                break;
            case RETURN_VALUE:
            case RAISE_VARARGS:
            case RERAISE:
                break;
            case PUSH_NULL:
                stacks[next] = kr_k_push(st, KR_K_NULL);
                break;
            case LOAD_GLOBAL:
                if (arg & 1)
                    st = kr_k_push(st, KR_K_NULL);
                stacks[next] = kr_k_push(st, KR_K_OBJECT);
                break;
            case LOAD_METHOD:
                stacks[next] = kr_k_push(kr_k_push(kr_k_pop(st), KR_K_NULL), KR_K_OBJECT);
                break;
            case CALL:
                for (int j = 0; j < arg + 2; j++)
                    st = kr_k_pop(st);
                stacks[next] = kr_k_push(st, KR_K_OBJECT);
                break;
            case SWAP:
                stacks[next] = kr_k_swap(st, arg);
                break;
            case COPY:
                stacks[next] = kr_k_push(st, kr_k_peek(st, arg));
                break;
            default: {
                int delta = kr_opcode_stack_effect(op, arg, 0);
                if (delta == INT_MAX)
                    delta = 0;
                for (; delta < 0; delta++)
                    st = kr_k_pop(st);
                for (; delta > 0; delta--)
                    st = kr_k_push(st, KR_K_OBJECT);
                stacks[next] = st;
                break;
            }
            }
            i = next;
        }
        for (int e = 0; e < co->co_nexceptions; e++) {
            const kr_exc_entry *x = &co->co_exceptiontable[e];
            if (x->start >= (uint32_t)n || x->handler >= (uint32_t)n)
                continue;
            if (stacks[x->start] != KR_K_UNINITIALIZED && stacks[x->handler] == KR_K_UNINITIALIZED) {
                int64_t st = kr_k_pop_to_level(stacks[x->start], x->depth);
                todo = 1;
                if (x->lasti)
                    st = kr_k_push(st, KR_K_LASTI);
                stacks[x->handler] = kr_k_push(st, KR_K_EXCEPT);
            }
        }
    }
    return stacks;
}

int kr_trace_set_lineno(PyFrameObject *fo, kr_frame *f, PyObject *value)
{
    PyThreadState *ts = kr_tstate_get();
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!PyLong_CheckExact(value)) {
        PyErr_SetString(PyExc_ValueError, "lineno must be an integer");
        return -1;
    }
    switch (ts->vm.tracing_what) {
    case PyTrace_CALL:
        PyErr_Format(PyExc_ValueError, "can't jump from the 'call' trace event of a new frame");
        return -1;
    case PyTrace_LINE:
        break;
    default:
        PyErr_SetString(PyExc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    if (kr_frame_object_trace(fo) == NULL) {
        PyErr_Format(PyExc_ValueError, "f_lineno can only be set by a trace function");
        return -1;
    }
    /* only the frame whose line event is being reported can move */
    if (f == NULL || f->code == NULL || ts->vm.tracing == 0 || kr_frame_lasti(f) < 0
        || ts->vm.current_frame == NULL) {
        PyErr_SetString(PyExc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    int overflow;
    long want = PyLong_AsLongAndOverflow(value, &overflow);
    if (overflow || want > INT_MAX || want < INT_MIN) {
        PyErr_SetString(PyExc_ValueError, "lineno out of range");
        return -1;
    }
    PyCodeObject *co = f->code;
    if (want < co->co_firstlineno) {
        PyErr_Format(PyExc_ValueError, "line %d comes before the current code block", (int)want);
        return -1;
    }
    /* the first line at or after `want` that starts somewhere */
    int n = (int)co->co_ncode, line = INT_MAX, last_line = -1;
    for (int i = 0; i < n; ) {
        int op = KR_BASE_OP(co->co_code[i]);
        int l = co->co_locations[i].lineno;
        if (l != last_line && l != -1) {
            if (l >= want && l < line)
                line = l;
            last_line = l;
        }
        i += 1 + (op < KR_NUM_OPCODES ? kr_opcode_caches[op] : 0);
    }
    if (line == INT_MAX) {
        PyErr_Format(PyExc_ValueError, "line %d comes after the current code block", (int)want);
        return -1;
    }
    int64_t *stacks = kr_k_mark_stacks(co);
    if (stacks == NULL)
        return -1;
    int64_t start = stacks[kr_frame_lasti(f)], best_stack = KR_K_OVERFLOWED;
    int best = -1, err = -1;
    const char *msg = "cannot find bytecode for specified line";
    last_line = -1;
    for (int i = 0; i < n; ) {
        int op = KR_BASE_OP(co->co_code[i]);
        int l = co->co_locations[i].lineno;
        if (l != last_line && l != -1) {
            last_line = l;
            if (l == line) {
                int64_t target = stacks[i];
                if (kr_k_compatible(start, target)) {
                    err = 0;
                    if (target > best_stack) {
                        best_stack = target;
                        best = i;
                    }
                } else if (err < 0) {
                    if (start == KR_K_OVERFLOWED) {
                        msg = "stack to deep to analyze";
                    } else if (start == KR_K_UNINITIALIZED) {
                        msg = "can't jump from within an exception handler";
                    } else {
                        msg = kr_k_explain(target);
                        err = 1;
                    }
                }
            }
        }
        i += 1 + (op < KR_NUM_OPCODES ? kr_opcode_caches[op] : 0);
    }
    PyMem_Free(stacks);
    if (err) {
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    /* pop what the target does not have; a handled exception's slot gives
     * the thread back the exception it was handling before */
    while (start > best_stack && f->stacktop > co->co_nlocalsplus) {
        PyObject *v = f->localsplus[--f->stacktop];
        if (kr_k_top(start) == KR_K_EXCEPT) {
            PyObject *old = ts->exc_info->exc_value;
            ts->exc_info->exc_value = v;
            Py_XDECREF(old);
        } else {
            Py_XDECREF(v);
        }
        start = kr_k_pop(start);
    }
    kr_frame_set_lasti(f, best);
    return 0;
}
