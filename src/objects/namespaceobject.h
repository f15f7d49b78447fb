/* namespaceobject.h: types.SimpleNamespace (objects/namespaceobject.c). */
#ifndef KR_NAMESPACEOBJECT_H
#define KR_NAMESPACEOBJECT_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
extern PyTypeObject _PyNamespace_Type;
/* A new namespace holding a copy of kwds (a dict, or NULL). New reference. */
PyObject *kr_namespace_new(PyObject *kwds);
#endif
