/* genobject.h (internal): the layout shared by generators, coroutines and
 * async generators, and the helpers the loop calls on them.  One struct
 * serves all three types; the type object tells them apart. */
#ifndef KR_VM_GENOBJECT_H
#define KR_VM_GENOBJECT_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "vm/frame.h"

enum { KR_GEN_CREATED = 0, KR_GEN_SUSPENDED = 1, KR_GEN_RUNNING = 2,
       KR_GEN_CLEARED = 3 };

struct kr_genobject {
    PyObject_HEAD
    kr_frame *gi_frame;            /* owned heap frame; NULL once finished */
    PyObject *gi_code;             /* owned code object (kept after finishing) */
    PyObject *gi_name;
    PyObject *gi_qualname;
    PyObject *gi_weakreflist;
    _PyErr_StackItem gi_exc_state; /* the exception this body is handling */
    PyObject *ag_finalizer;        /* async generators: sys finalizer hook */
    PyObject *cr_origin;           /* coroutines: always None (no tracking) */
    char gi_state;
    char ag_hooks_inited;
    char ag_closed;
    char ag_running_async;
};

/* New reference: `v` wrapped so an async generator's asend can tell a
 * yielded value from an await's. */
PyObject *kr_async_gen_wrap_value(PyObject *v);
/* 3.11's _PyCoro_GetAwaitableIter; new reference or NULL. */
PyObject *kr_coro_get_awaitable_iter(PyObject *o);

#endif
