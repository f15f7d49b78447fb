/* methodobject_internal.h: calling a C function described by a PyMethodDef,
 * shared by builtin functions (methodobject.c) and method descriptors
 * (descrobject.c).  (owned by the types area) */
#ifndef KR_METHODOBJECT_INTERNAL_H
#define KR_METHODOBJECT_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* Call ml with `self` (and `cls` for METH_METHOD) under its METH_* calling
 * convention.  `func` names the callable in error messages
 * ("len() takes exactly one argument (2 given)").  New reference. */
PyObject *kr_cfunc_invoke(PyObject *func, PyMethodDef *ml, PyObject *self, PyTypeObject *cls,
                          PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);

/* The docstring without its "name(sig)\n--\n\n" prefix (borrowed C string). */
const char *kr_doc_without_signature(const char *name, const char *doc);

#endif
