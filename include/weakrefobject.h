/* weakrefobject.h: weak references (ref, proxy, callable proxy).
 * The PyWeakReference layout is CPython 3.11's; the weak references to an
 * object form a doubly linked list headed at tp_weaklistoffset.
 * (owned by the runtime area) */
#ifndef PY_WEAKREFOBJECT_H
#define PY_WEAKREFOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct _PyWeakReference PyWeakReference;

#ifndef Py_LIMITED_API
struct _PyWeakReference {
    PyObject_HEAD
    PyObject *wr_object;       /* the referent, or Py_None once it died */
    PyObject *wr_callback;     /* owned, or NULL */
    Py_hash_t hash;            /* cached hash of the referent, -1 if not yet */
    PyWeakReference *wr_prev;
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
};
#endif

PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref);   /* borrowed */
#ifndef Py_LIMITED_API
PyAPI_FUNC(Py_ssize_t) _PyWeakref_GetWeakrefCount(PyWeakReference *head);
PyAPI_FUNC(void) _PyWeakref_ClearRef(PyWeakReference *self);

static inline PyObject *_PyWeakref_GET_REF(PyObject *ref_obj) {
    PyObject *obj = ((PyWeakReference *)ref_obj)->wr_object;
    /* A dying referent (refcount 0) is already dead to weak references. */
    if (obj != Py_None && Py_REFCNT(obj) > 0)
        return obj;
    return Py_None;
}
#define PyWeakref_GET_OBJECT(ref) _PyWeakref_GET_REF(_PyObject_CAST(ref))
#endif

#ifdef __cplusplus
}
#endif
#endif
