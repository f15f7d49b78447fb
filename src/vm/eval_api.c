/* eval_api.c: the parts of the evaluation API that are not the loop:
 * the recursion guard, the eval breaker (signals and pending calls), and
 * the PyEval_Get* accessors of the innermost running frame.
 *
 * Recursion is counted per thread in Python frames and guarded C calls
 * together, against the context's recursion_limit (sys.setrecursionlimit
 * changes take effect at the next check).  While a RecursionError is
 * being built, up to 50 extra levels are granted, as in CPython. */
#include "internal.h"
#include "runtime/runtime.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"

int kr_recursion_exceeded(PyThreadState *ts, int depth, const char *where)
{
    int limit = ts->interp->recursion_limit;
    if (depth <= limit)
        return 0;
    if (ts->vm.recursion_headroom) {
        if (depth <= limit + 50)
            return 0;
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    ts->vm.recursion_headroom++;
    PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
    ts->vm.recursion_headroom--;
    return -1;
}

int _Py_CheckRecursiveCall(PyThreadState *ts, const char *where)
{
    if (ts == NULL)
        ts = kr_tstate_get();
    if (kr_recursion_enter(ts, where) < 0) {
        ts->vm.recursion_depth--;
        return -1;
    }
    ts->vm.recursion_depth--;
    return 0;
}

int Py_EnterRecursiveCall(const char *where)
{
    PyThreadState *ts = kr_tstate_get();
    if (kr_recursion_enter(ts, where) < 0) {
        ts->vm.recursion_depth--;
        return -1;
    }
    return 0;
}

void Py_LeaveRecursiveCall(void)
{
    kr_tstate_get()->vm.recursion_depth--;
}

void Py_SetRecursionLimit(int limit)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx != NULL)
        ctx->recursion_limit = limit;
}

int Py_GetRecursionLimit(void)
{
    struct kr_context *ctx = kr_context_get();
    return ctx != NULL ? ctx->recursion_limit : 1000;
}

/* ---- signals and pending calls ---- */

void kr_signal_pending_ctx(struct kr_context *ctx, int signum)
{
    if (ctx == NULL || signum <= 0 || signum >= 65)
        return;
    ctx->vm.pending_signals[signum] = 1;
    ctx->vm.eval_breaker = 1;
}

void kr_signal_pending(int signum)
{
    kr_signal_pending_ctx(kr_context_get(), signum);
}

int Py_AddPendingCall(int (*func)(void *), void *arg)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL || ctx->vm.npending >= KR_VM_MAX_PENDING)
        return -1;
    ctx->vm.pending[ctx->vm.npending].func = func;
    ctx->vm.pending[ctx->vm.npending].arg = arg;
    ctx->vm.npending++;
    ctx->vm.eval_breaker = 1;
    return 0;
}

static int kr_run_pending_calls(struct kr_context *ctx)
{
    while (ctx->vm.npending > 0) {
        struct kr_vm_pending_call call = ctx->vm.pending[0];
        ctx->vm.npending--;
        memmove(&ctx->vm.pending[0], &ctx->vm.pending[1],
                (size_t)ctx->vm.npending * sizeof(call));
        if (call.func(call.arg) != 0) {
            ctx->vm.eval_breaker = 1;
            return -1;
        }
    }
    return 0;
}

static int kr_run_signals(struct kr_context *ctx)
{
    for (int sig = 1; sig < 65; sig++) {
        if (!ctx->vm.pending_signals[sig])
            continue;
        ctx->vm.pending_signals[sig] = 0;
        if (ctx->vm.signal_dispatch != NULL) {
            if (ctx->vm.signal_dispatch(sig) < 0) {
                ctx->vm.eval_breaker = 1;
                return -1;
            }
        } else if (sig == SIGINT) {
            PyErr_SetNone(PyExc_KeyboardInterrupt);
            ctx->vm.eval_breaker = 1;
            return -1;
        }
    }
    return 0;
}

int kr_handle_eval_breaker(PyThreadState *ts)
{
    struct kr_context *ctx = ts->interp;
    ctx->vm.eval_breaker = 0;
    /* As in CPython, signal handlers run in the main thread only (here:
     * the context's creator); another thread leaves them pending. */
    if (pthread_equal(pthread_self(), ctx->rt.main_thread)) {
        if (kr_run_signals(ctx) < 0)
            return -1;
    }
    else {
        for (int sig = 1; sig < 65; sig++) {
            if (ctx->vm.pending_signals[sig]) {
                ctx->vm.eval_breaker = 1;
                break;
            }
        }
    }
    if (kr_run_pending_calls(ctx) < 0)
        return -1;
    /* Another thread of this context may be waiting for the lock: take
     * turns at the switch interval (the runtime sets eval_breaker when a
     * thread starts waiting). */
    kr_context_yield();
    return 0;
}

int Py_MakePendingCalls(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return 0;
    return kr_handle_eval_breaker(ts);
}

/* ---- the innermost frame ---- */

PyFrameObject *PyEval_GetFrame(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || ts->vm.current_frame == NULL)
        return NULL;
    PyFrameObject *fo = kr_frame_get_object(ts->vm.current_frame);
    if (fo == NULL)
        PyErr_Clear();
    return fo;
}

PyObject *PyEval_GetGlobals(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || ts->vm.current_frame == NULL)
        return NULL;
    return ts->vm.current_frame->globals;
}

PyObject *PyEval_GetBuiltins(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return NULL;
    if (ts->vm.current_frame != NULL)
        return ts->vm.current_frame->builtins;
    return ts->interp->builtins;
}

PyObject *PyEval_GetLocals(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || ts->vm.current_frame == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    return kr_frame_get_locals(ts->vm.current_frame);
}

const char *PyEval_GetFuncName(PyObject *func)
{
    if (PyMethod_Check(func))
        return PyEval_GetFuncName(PyMethod_GET_FUNCTION(func));
    if (PyFunction_Check(func))
        return PyUnicode_AsUTF8(((PyFunctionObject *)func)->func_name);
    if (PyCFunction_Check(func))
        return ((PyCFunctionObject *)func)->m_ml->ml_name;
    return Py_TYPE(func)->tp_name;
}

const char *PyEval_GetFuncDesc(PyObject *func)
{
    if (PyMethod_Check(func) || PyFunction_Check(func) || PyCFunction_Check(func))
        return "()";
    return " object";
}

int PyEval_MergeCompilerFlags(PyCompilerFlags *cf)
{
    PyThreadState *ts = kr_tstate_get();
    kr_frame *f = ts != NULL ? ts->vm.current_frame : NULL;
    int result = cf->cf_flags != 0;
    if (f != NULL && f->code != NULL) {
        int compiler_flags = f->code->co_flags & PyCF_MASK;
        if (compiler_flags) {
            result = 1;
            cf->cf_flags |= compiler_flags;
        }
    }
    return result;
}

PyObject *PyEval_EvalFrame(PyFrameObject *f)
{
    return PyEval_EvalFrameEx(f, 0);
}

/* Runs a frame made by PyFrame_New, once; `throwflag` starts by raising
 * the pending exception inside it.  New reference or NULL. */
PyObject *PyEval_EvalFrameEx(PyFrameObject *fo, int throwflag)
{
    PyThreadState *ts = kr_tstate_get();
    if (fo == NULL || !PyFrame_Check(fo)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    kr_frame *f = kr_frame_object_take_fresh(fo);
    if (f == NULL)
        return NULL;
    kr_frame_object_untake(fo, f);
    Py_INCREF(fo);
    PyObject *res = kr_eval_frame(ts, f, throwflag);
    f->previous = NULL;
    kr_frame_object_moved(fo, f);
    Py_DECREF(fo);
    return res;
}

void kr_vm_context_clear(struct kr_context *ctx)
{
    PyMem_RawFree(ctx->vm.gcache);
    ctx->vm.gcache = NULL;
    ctx->vm.gcache_len = ctx->vm.gcache_cap = 0;
    PyMem_RawFree(ctx->vm.mcache);
    ctx->vm.mcache = NULL;
    ctx->vm.mcache_len = ctx->vm.mcache_cap = 0;
    Py_CLEAR(ctx->vm.asyncgen_hooks_type);
}
