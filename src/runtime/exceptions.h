/* exceptions.h (internal): what the exception type files share.
 *
 * Every builtin exception is a static type; KR_EXC_DEF stamps one out
 * from its layout and its slot functions, so the family (exceptions.c,
 * exc_oserror.c, exc_unicode.c, exc_group.c) shares one definition. */
#ifndef KR_EXCEPTIONS_H
#define KR_EXCEPTIONS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "structmember.h"

#define KR_EXC_FLAGS (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | \
                      Py_TPFLAGS_BASE_EXC_SUBCLASS)

/* One static exception type.  Slots are given explicitly rather than left
 * to inheritance: a GC type does not inherit tp_traverse/tp_clear. */
#define KR_EXC_DEF(NAME, BASE, STRUCT, DOC, NEW, INIT, DEALLOC, TRAV, CLEAR, STR, REPR, \
                   MEMBERS, METHODS, GETSET) \
    PyTypeObject kr_exc_##NAME = { \
        PyVarObject_HEAD_INIT(&PyType_Type, 0) \
        .tp_name = #NAME, \
        .tp_basicsize = sizeof(STRUCT), \
        .tp_dealloc = (destructor)(DEALLOC), \
        .tp_repr = (reprfunc)(REPR), \
        .tp_str = (reprfunc)(STR), \
        .tp_getattro = PyObject_GenericGetAttr, \
        .tp_setattro = PyObject_GenericSetAttr, \
        .tp_flags = KR_EXC_FLAGS, \
        .tp_doc = DOC, \
        .tp_traverse = (traverseproc)(TRAV), \
        .tp_clear = (inquiry)(CLEAR), \
        .tp_methods = METHODS, \
        .tp_members = MEMBERS, \
        .tp_getset = GETSET, \
        .tp_base = (PyTypeObject *)(BASE), \
        .tp_dictoffset = offsetof(STRUCT, dict), \
        .tp_init = (initproc)(INIT), \
        .tp_alloc = PyType_GenericAlloc, \
        .tp_new = (NEW), \
        .tp_free = PyObject_GC_Del, \
    }; \
    PyObject *PyExc_##NAME = (PyObject *)&kr_exc_##NAME;

/* A subclass that adds nothing to BaseException's layout and behaviour. */
#define KR_EXC_SIMPLE(NAME, BASE, DOC) \
    KR_EXC_DEF(NAME, BASE, PyBaseExceptionObject, DOC, kr_exc_base_new, kr_exc_base_init, \
               kr_exc_base_dealloc, kr_exc_base_traverse, kr_exc_base_clear, \
               kr_exc_base_str, kr_exc_base_repr, NULL, NULL, NULL)

/* BaseException's slots, reused by every exception layout. */
PyObject *kr_exc_base_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
int kr_exc_base_init(PyBaseExceptionObject *self, PyObject *args, PyObject *kwds);
void kr_exc_base_dealloc(PyBaseExceptionObject *self);
int kr_exc_base_traverse(PyBaseExceptionObject *self, visitproc visit, void *arg);
int kr_exc_base_clear(PyBaseExceptionObject *self);
PyObject *kr_exc_base_str(PyBaseExceptionObject *self);
PyObject *kr_exc_base_repr(PyBaseExceptionObject *self);
/* Deallocate an exception whose own fields were cleared by `clear`. */
void kr_exc_dealloc_with(PyObject *self, inquiry clear);
/* Accept only the keyword arguments in `names` (NULL-terminated), storing
 * borrowed values in `out`; CPython's message otherwise.  0 or -1. */
int kr_exc_kwonly(PyObject *kwds, const char *fname, const char *const *names, PyObject **out);
/* Check that kwds is empty: "X() takes no keyword arguments". */
int kr_exc_no_kwargs(PyTypeObject *type, PyObject *kwds);

extern PyTypeObject kr_exc_BaseException, kr_exc_Exception, kr_exc_OSError,
    kr_exc_BaseExceptionGroup, kr_exc_ExceptionGroup, kr_exc_ImportError,
    kr_exc_ValueError, kr_exc_UnicodeError, kr_exc_BlockingIOError,
    kr_exc_ConnectionError, kr_exc_SyntaxError, kr_exc_IndentationError,
    kr_exc_NameError, kr_exc_LookupError, kr_exc_StopIteration,
    kr_exc_ArithmeticError, kr_exc_RuntimeError, kr_exc_Warning;

#endif
