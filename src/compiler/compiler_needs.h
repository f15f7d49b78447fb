/* compiler_needs.h (internal): declarations the compiler uses from areas
 * that have not published them yet (bytes).  They repeat CPython's exact
 * prototypes, so they stay compatible once the owning header has them. */
#ifndef KR_COMPILER_NEEDS_H
#define KR_COMPILER_NEEDS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *);
#define KR_BYTES_CHECK_EXACT(o) Py_IS_TYPE((o), &PyBytes_Type)

#endif
