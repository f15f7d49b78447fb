/* specialize.c: the decisions of vm/specialize.h.  Each form's run-time
 * check, in vm/ceval.c, re-tests exactly what is decided here, so a wrong
 * guess costs one failed check and never a wrong result. */
#include "internal.h"
#include "vm/specialize.h"
#include "vm/code.h"

/* The CALL form of a C function by calling convention, for a builtin
 * function called in the plain layout or a method descriptor called in
 * the method layout (the two the forms handle); -1 none. */
static int kr_specialize_cfunc_form(int flags, Py_ssize_t nargs, int descr)
{
    switch (flags) {
    case METH_FASTCALL:
        return descr ? CALL_DESCR_FAST : CALL_CFUNC_FAST;
    case METH_FASTCALL | METH_KEYWORDS:
        return descr ? CALL_DESCR_FAST_KW : CALL_CFUNC_FAST_KW;
    case METH_VARARGS:
        return descr ? CALL_DESCR_VARARGS : CALL_CFUNC_VARARGS;
    case METH_VARARGS | METH_KEYWORDS:
        return descr ? CALL_DESCR_VARARGS_KW : CALL_CFUNC_VARARGS_KW;
    case METH_O:
        if (nargs != 1)
            return -1;
        return descr ? CALL_DESCR_O : CALL_CFUNC_O;
    case METH_NOARGS:
        if (nargs != 0)
            return -1;
        return descr ? CALL_DESCR_NOARGS : CALL_CFUNC_NOARGS;
    default:
        return -1;
    }
}

/* The end of an adaptive site's decision: the form `op`, or (op < 0)
 * the generic form for KR_SPECIALIZE_BACKOFF more runs. */
static void kr_specialize_adaptive(kr_word *instr, int op)
{
    if (op >= 0)
        kr_specialize_set(instr, op);
    else
        instr[1] = KR_SPECIALIZE_BACKOFF;
}

void kr_specialize_call(kr_word *instr, PyObject *callable, PyObject *const *args, int total,
                        PyObject *kwnames, int method_layout)
{
    int op = -1;
    if (kwnames != NULL) {
        /* keyword calls stay generic */
    }
    else if (Py_IS_TYPE(callable, &PyFunction_Type)
             && ((PyFunctionObject *)callable)->vectorcall == _PyFunction_Vectorcall) {
        PyCodeObject *co = (PyCodeObject *)((PyFunctionObject *)callable)->func_code;
        if (!(co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR |
                              CO_VARARGS | CO_VARKEYWORDS))
            && co->co_kwonlyargcount == 0 && co->co_argcount == total)
            op = CALL_PY_EXACT_ARGS;
    }
    else if (Py_IS_TYPE(callable, &PyCFunction_Type) && !method_layout) {
        PyMethodDef *ml = ((PyCFunctionObject *)callable)->m_ml;
        op = kr_specialize_cfunc_form(ml->ml_flags & ~METH_COEXIST, total, 0);
    }
    else if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && method_layout && total >= 1
             && Py_IS_TYPE(args[0], PyDescr_TYPE(callable))) {
        PyMethodDef *ml = ((PyMethodDescrObject *)callable)->d_method;
        op = kr_specialize_cfunc_form(ml->ml_flags & ~METH_COEXIST, total - 1, 1);
    }
    kr_specialize_adaptive(instr, op);
}

void kr_specialize_binary_op(kr_word *instr, PyObject *l, PyObject *r)
{
    int op = -1;
    if (PyLong_CheckExact(l) && PyLong_CheckExact(r)) {
        switch (KR_ARG(*instr)) {
        case KR_NB_ADD: case KR_NB_INPLACE_ADD: op = BINARY_OP_ADD_INT; break;
        case KR_NB_SUBTRACT: case KR_NB_INPLACE_SUBTRACT: op = BINARY_OP_SUBTRACT_INT; break;
        }
    }
    else if (PyFloat_CheckExact(l) && PyFloat_CheckExact(r)) {
        switch (KR_ARG(*instr)) {
        case KR_NB_ADD: case KR_NB_INPLACE_ADD: op = BINARY_OP_ADD_FLOAT; break;
        case KR_NB_SUBTRACT: case KR_NB_INPLACE_SUBTRACT: op = BINARY_OP_SUBTRACT_FLOAT; break;
        case KR_NB_MULTIPLY: case KR_NB_INPLACE_MULTIPLY: op = BINARY_OP_MULTIPLY_FLOAT; break;
        }
    }
    kr_specialize_adaptive(instr, op);
}

void kr_specialize_compare_op(kr_word *instr, PyObject *l, PyObject *r)
{
    int op = -1;
    if (PyLong_CheckExact(l) && PyLong_CheckExact(r))
        op = COMPARE_OP_INT;
    else if (PyFloat_CheckExact(l) && PyFloat_CheckExact(r))
        op = COMPARE_OP_FLOAT;
    kr_specialize_adaptive(instr, op);
}
