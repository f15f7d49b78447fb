/* objimpl.h: allocating objects, and the cycle collector's C API.
 *
 * Objects of types with Py_TPFLAGS_HAVE_GC are preceded by a PyGC_Head
 * (16 bytes, CPython 3.11's layout); PyObject_GC_New allocates it and
 * returns the address just past it.  (owned by the runtime area) */
#ifndef PY_OBJIMPL_H
#define PY_OBJIMPL_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(void *) PyObject_Malloc(size_t size);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
PyAPI_FUNC(void *) PyObject_Calloc(size_t nelem, size_t elsize);
#endif
PyAPI_FUNC(void *) PyObject_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyObject_Free(void *ptr);

#define PyObject_MALLOC PyObject_Malloc
#define PyObject_REALLOC PyObject_Realloc
#define PyObject_FREE PyObject_Free
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free

/* Set the header of freshly allocated memory (refcount 1, type, size). */
PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *, PyTypeObject *);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *, PyTypeObject *, Py_ssize_t);
#define PyObject_INIT(op, typeobj) PyObject_Init(_PyObject_CAST(op), (typeobj))
#define PyObject_INIT_VAR(op, typeobj, size) \
    PyObject_InitVar(_PyVarObject_CAST(op), (typeobj), (size))

PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *, Py_ssize_t);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_NEW(type, typeobj) PyObject_New(type, (typeobj))
#define PyObject_NEW_VAR(type, typeobj, n) PyObject_NewVar(type, (typeobj), (n))

#ifndef Py_LIMITED_API
static inline size_t _PyObject_SIZE(PyTypeObject *type) { return (size_t)type->tp_basicsize; }
static inline size_t _PyObject_VAR_SIZE(PyTypeObject *type, Py_ssize_t nitems) {
    size_t size = (size_t)type->tp_basicsize + (size_t)nitems * (size_t)type->tp_itemsize;
    return _Py_SIZE_ROUND_UP(size, SIZEOF_VOID_P);
}
#endif

/* ---- the cycle collector ---- */
#ifndef Py_LIMITED_API
typedef struct {
    uintptr_t _gc_next;   /* next in the generation list; low bit: collecting */
    uintptr_t _gc_prev;   /* prev in the list; low 2 bits: finalized, collecting */
} PyGC_Head;

#define _Py_AS_GC(o) ((PyGC_Head *)(o) - 1)
#define _Py_FROM_GC(g) ((PyObject *)((PyGC_Head *)(g) + 1))
#endif

PyAPI_FUNC(Py_ssize_t) PyGC_Collect(void);
PyAPI_FUNC(int) PyGC_Enable(void);
PyAPI_FUNC(int) PyGC_Disable(void);
PyAPI_FUNC(int) PyGC_IsEnabled(void);

#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)
#ifndef Py_LIMITED_API
PyAPI_FUNC(int) PyObject_IS_GC(PyObject *obj);
#endif

PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_Resize(PyVarObject *, Py_ssize_t);
#ifndef Py_LIMITED_API
PyAPI_FUNC(PyObject *) _PyObject_GC_Malloc(size_t size);
PyAPI_FUNC(PyObject *) _PyObject_GC_Calloc(size_t size);
#endif
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) ((type *)_PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))

PyAPI_FUNC(void) PyObject_GC_Track(void *);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *);
PyAPI_FUNC(void) PyObject_GC_Del(void *);
PyAPI_FUNC(int) PyObject_GC_IsTracked(PyObject *);
PyAPI_FUNC(int) PyObject_GC_IsFinalized(PyObject *);
#ifndef Py_LIMITED_API
#define _PyObject_GC_TRACK(op) PyObject_GC_Track(op)
#define _PyObject_GC_UNTRACK(op) PyObject_GC_UnTrack(op)
#define _PyObject_GC_IS_TRACKED(op) PyObject_GC_IsTracked(_PyObject_CAST(op))
#endif

/* Visit a member from tp_traverse: stop and return if the visitor does. */
#define Py_VISIT(op) \
    do { \
        if (op) { \
            int vret = visit(_PyObject_CAST(op), arg); \
            if (vret) \
                return vret; \
        } \
    } while (0)

#ifndef Py_LIMITED_API
/* tp_weaklistoffset of a type, as a pointer into an instance. */
#define PyType_SUPPORTS_WEAKREFS(t) ((t)->tp_weaklistoffset > 0)
#define _PyObject_GET_WEAKREFS_LISTPTR(o) \
    ((PyObject **)(((char *)(o)) + Py_TYPE(o)->tp_weaklistoffset))
#endif

#ifdef __cplusplus
}
#endif
#endif
