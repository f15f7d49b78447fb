/* trace.h (internal): tracing and profiling hooks (sys.settrace,
 * sys.setprofile, PyEval_SetTrace, PyEval_SetProfile), implemented in
 * vm/trace.c.
 *
 * The hooks live in the thread state (ts->vm.c_tracefunc ...), as in
 * CPython.  The loop pays nothing for them while they are off: it reads
 * ts->vm.use_tracing only where it switches dispatch tables (frame entry,
 * after calls, on errors), and while tracing is on every instruction goes
 * through one tracing label that calls the functions below. */
#ifndef KR_VM_TRACE_H
#define KR_VM_TRACE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "vm/frame.h"

/* Recomputes ts->vm.use_tracing: on while a hook is set and none runs. */
void kr_trace_update(PyThreadState *ts);
/* Drops the hooks of a thread state being deleted. */
void kr_trace_tstate_clear(PyThreadState *ts);

/* The loop's events, as CPython 3.11 reports them; 0, or -1 with an
 * exception set unless said otherwise. */
/* 'call' (trace, then profile), at the frame's RESUME. */
int kr_trace_call(PyThreadState *ts, kr_frame *f);
/* 'line' when the instruction at f->lasti starts a line (or a backward
 * jump lands on one), then 'opcode' if the frame asked for it;
 * `instr_prev` is the instruction run before it in this frame. */
int kr_trace_line(PyThreadState *ts, kr_frame *f, int instr_prev);
/* 'return' with `retval` (borrowed) on return or yield. */
int kr_trace_return(PyThreadState *ts, kr_frame *f, PyObject *retval);
/* 'return' with None while an exception leaves the frame; the pending
 * exception is kept unless a hook raised (then the hook's one replaces it). */
void kr_trace_unwind(PyThreadState *ts, kr_frame *f);
/* 'exception' with (type, value, traceback) of the pending exception,
 * which stays pending unless the trace function raised. */
void kr_trace_exception(PyThreadState *ts, kr_frame *f);

/* A call made by the loop while tracing is on: builtin functions and
 * method descriptors get 'c_call', 'c_return' / 'c_exception' profile
 * events around them.  New reference or NULL. */
PyObject *kr_trace_vectorcall(PyThreadState *ts, PyObject *callable, PyObject *const *args,
                              size_t nargsf, PyObject *kwnames);
PyObject *kr_trace_call_ex(PyThreadState *ts, PyObject *callable, PyObject *callargs,
                           PyObject *kwargs);

/* The new line of `f` a trace function asked for by assigning f_lineno
 * (frame.c's setter); the loop resumes there.  Implemented in trace.c
 * with CPython 3.11's checks; 0 or -1. */
int kr_trace_set_lineno(PyFrameObject *fo, kr_frame *f, PyObject *value);

/* sys.settrace / gettrace / setprofile / getprofile / call_tracing
 * (sysmodule.c's methods call these); new references or NULL. */
PyObject *kr_sys_settrace(PyObject *func);
PyObject *kr_sys_gettrace(void);
PyObject *kr_sys_setprofile(PyObject *func);
PyObject *kr_sys_getprofile(void);
PyObject *kr_sys_call_tracing(PyObject *func, PyObject *args);

#endif
