/* methodobject_internal.h: calling a C function described by a PyMethodDef,
 * shared by builtin functions (methodobject.c) and method descriptors
 * (descrobject.c).  (owned by the types area) */
#ifndef KR_METHODOBJECT_INTERNAL_H
#define KR_METHODOBJECT_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "objects/call_internal.h"

/* Call ml with `self` (and `cls` for METH_METHOD) under its METH_* calling
 * convention.  `func` names the callable in error messages
 * ("len() takes exactly one argument (2 given)").  New reference. */
PyObject *kr_cfunc_invoke(PyObject *func, PyMethodDef *ml, PyObject *self, PyTypeObject *cls,
                          PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);

/* Calls ml's C function under the calling convention `flags` (ml's own
 * flags without METH_COEXIST, already checked by the caller to be one of
 * METH_NOARGS (nargs 0), METH_O (nargs 1), METH_FASTCALL, with or without
 * METH_KEYWORDS, or METH_VARARGS, with or without METH_KEYWORDS), with no
 * keyword arguments.  Applies CPython's result check, and counts one level
 * of C recursion except for the METH_FASTCALL conventions (CPython checks
 * every call that is not a vectorcall, and METH_FASTCALL is one).  Forced inline so that the interpreter's
 * specialised call instructions, which pass a constant `flags`, compile
 * to the one branch they need.  New reference, or NULL with an exception
 * set. */
Py_ALWAYS_INLINE static inline PyObject *
kr_cfunc_call_as(PyThreadState *ts, int flags, PyObject *callable, PyMethodDef *ml,
                 PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int counted = !(flags & METH_FASTCALL);
    if (counted && kr_call_enter(ts) < 0)
        return NULL;
    PyObject *res;
    if (flags == METH_FASTCALL) {
        res = ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
    }
    else if (flags == (METH_FASTCALL | METH_KEYWORDS)) {
        res = ((_PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(self, args, nargs, NULL);
    }
    else if (flags & METH_VARARGS) {
        PyObject *argstuple = _PyTuple_FromArray(args, nargs);
        if (argstuple == NULL) {
            res = NULL;
        }
        else {
            res = flags == METH_VARARGS ? ml->ml_meth(self, argstuple) :
                ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, argstuple, NULL);
            Py_DECREF(argstuple);
        }
    }
    else {
        res = ml->ml_meth(self, flags == METH_O ? args[0] : NULL);
    }
    if (counted)
        kr_call_leave(ts);
    if (_Py_likely((res != NULL) == (ts->curexc == NULL)))
        return res;
    return _Py_CheckFunctionResult(ts, callable, res, NULL);
}

/* The calling conventions kr_cfunc_call_as takes for nargs positional
 * arguments: 1 if `flags` (METH_COEXIST removed) is one of them. */
static inline int kr_cfunc_direct_ok(int flags, Py_ssize_t nargs)
{
    return flags == METH_FASTCALL || flags == (METH_FASTCALL | METH_KEYWORDS) ||
           flags == METH_VARARGS || flags == (METH_VARARGS | METH_KEYWORDS) ||
           (flags == METH_O && nargs == 1) || (flags == METH_NOARGS && nargs == 0);
}

/* The interpreter's generic CALL path into C (its specialised forms,
 * vm/specialize.c, decide the same per site): an exact builtin function,
 * or a method descriptor whose first argument is exactly of its type,
 * with a convention kr_cfunc_call_as takes and no keyword arguments, is
 * called here directly, skipping the vectorcall layers.  Sets *done and
 * returns the result (new reference, or NULL with an exception set);
 * leaves *done at 0, returning NULL, for every other call, which takes
 * the general path with its argument checks and error messages. */
Py_ALWAYS_INLINE static inline PyObject *
kr_cfunc_call_direct(PyThreadState *ts, PyObject *callable, PyObject *const *args,
                     Py_ssize_t nargs, int *done)
{
    PyMethodDef *ml;
    PyObject *self;
    if (Py_IS_TYPE(callable, &PyCFunction_Type)) {
        ml = ((PyCFunctionObject *)callable)->m_ml;
        self = ((PyCFunctionObject *)callable)->m_self;
    }
    else if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && nargs >= 1 &&
             Py_IS_TYPE(args[0], PyDescr_TYPE(callable))) {
        ml = ((PyMethodDescrObject *)callable)->d_method;
        self = args[0];
        args++;
        nargs--;
    }
    else {
        return NULL;
    }
    int flags = ml->ml_flags & ~METH_COEXIST;
    if (!kr_cfunc_direct_ok(flags, nargs))
        return NULL;
    *done = 1;
    return kr_cfunc_call_as(ts, flags, callable, ml, self, args, nargs);
}

/* The docstring without its "name(sig)\n--\n\n" prefix (borrowed C string). */
const char *kr_doc_without_signature(const char *name, const char *doc);

#endif
