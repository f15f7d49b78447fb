/* stable_abi.c: the symbols of CPython 3.11's stable ABI (PEP 384/652)
 * that no other part of Krait defines.  They are internal helpers CPython
 * once reached through macros of the limited API and must keep exporting
 * so that old abi3 binaries still resolve them; Krait exports them for the
 * same reason.  tests/run_abi.sh checks the whole stable-ABI list against
 * what libkrait and krait export. */
#include "internal.h"

/* Py_INCREF/Py_DECREF of debug builds' limited API call these. */
PyAPI_FUNC(void) _Py_IncRef(PyObject *o)
{
    Py_XINCREF(o);
}

PyAPI_FUNC(void) _Py_DecRef(PyObject *o)
{
    Py_XDECREF(o);
}

/* The comparison operator with its operands swapped, indexed by Py_LT..Py_GE
 * (a < b is b > a).  Read-only: nothing may change it at run time. */
Py_EXPORTED_SYMBOL const int _Py_SwappedOp[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};

/* A thread state not yet attached to any OS thread: Krait's
 * PyThreadState_New already leaves the binding to whoever swaps it in. */
PyAPI_FUNC(PyThreadState *) _PyThreadState_Prealloc(PyInterpreterState *interp)
{
    return PyThreadState_New(interp);
}

/* Kept only for the ABI; CPython 3.11 refuses it the same way. */
PyAPI_FUNC(void) _PyThreadState_Init(PyThreadState *tstate)
{
    (void)tstate;
    Py_FatalError("_PyThreadState_Init() is for internal use only");
}

/* The module table belongs to the current context; a thread state of
 * another context cannot be passed here in a working program, because the
 * caller must hold that thread state's context lock. */
PyAPI_FUNC(int) _PyState_AddModule(PyThreadState *tstate, PyObject *module, PyModuleDef *def)
{
    (void)tstate;
    return PyState_AddModule(module, def);
}
