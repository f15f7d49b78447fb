/* call_internal.h: the recursion guard of calls into C, inline.  Every
 * call of a C function (builtin functions, method descriptors, tp_call)
 * counts one level against the context's recursion limit, as CPython
 * does; the common case is one increment and one compare, and only when
 * the limit is reached does the out-of-line Py_EnterRecursiveCall run
 * (it grants the headroom and raises RecursionError).  Shared by
 * call.c, methodobject.c and descrobject.c. */
#ifndef KR_CALL_INTERNAL_H
#define KR_CALL_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* 0, or -1 with RecursionError set.  Pair with kr_call_leave. */
static inline int kr_call_enter(PyThreadState *ts)
{
    if (_Py_likely(++ts->vm.recursion_depth <= ts->interp->recursion_limit))
        return 0;
    ts->vm.recursion_depth--;
    return Py_EnterRecursiveCall(" while calling a Python object");
}

static inline void kr_call_leave(PyThreadState *ts)
{
    ts->vm.recursion_depth--;
}

#endif
