/* instances.h: the internal entry points for creating instances of types,
 * shared by the types area (typeobject.c, typeobject_ready.c,
 * typeobject_subtype.c) and the cycle collector (runtime/gc.c): the call
 * of a type without an argument tuple, and the short allocation paths of
 * PyType_GenericAlloc.
 * (owned by the types area) */
#ifndef KR_INSTANCES_H
#define KR_INSTANCES_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "internal.h"

/* cls(...) for a type whose metaclass keeps type.__call__ (typeobject.c):
 * a call without keywords runs __new__ and __init__ directly; keywords, or
 * a metaclass with its own __call__, go through tp_call.  PyType_Ready
 * installs it on extension types without a vectorcall of their own.
 * New ref. */
PyObject *kr_type_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                             PyObject *kwnames);

/* The header of a fresh, zeroed instance: the one reference the caller
 * gets, and for a heap type the reference each instance holds to it. */
Py_ALWAYS_INLINE static inline void
kr_instance_init(PyObject *obj, PyTypeObject *type)
{
    Py_SET_TYPE(obj, type);
    Py_SET_REFCNT(obj, 1);
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(type);
}

/* Clears `size` bytes (a multiple of the word size) at p.  Objects are
 * mostly a few words: stores for those, since a libc call costs more. */
Py_ALWAYS_INLINE static inline void
kr_instance_clear(void *p, size_t size)
{
    uintptr_t *w = (uintptr_t *)p;
    switch (size / sizeof(uintptr_t)) {
    case 8: w[7] = 0; /* fall through */
    case 7: w[6] = 0; /* fall through */
    case 6: w[5] = 0; /* fall through */
    case 5: w[4] = 0; /* fall through */
    case 4: w[3] = 0; /* fall through */
    case 3: w[2] = 0; /* fall through */
    case 2: w[1] = 0; /* fall through */
    case 1: w[0] = 0; /* fall through */
    case 0: break;
    default: memset(p, 0, size); break;
    }
}

/* A cleared instance of the fixed-size GC type `type`, `size` bytes
 * (tp_basicsize rounded to words), its header set as kr_instance_init
 * does, and tracked (gc.c).  The allocation counts towards a collection
 * as any GC allocation does; one that runs happens before the instance
 * exists.  New ref, or NULL with MemoryError. */
PyObject *kr_gc_new_instance(PyTypeObject *type, size_t size);

#endif
