/* warnings.h: issuing warnings from C.  Filters, the once-registry and
 * printing are in src/runtime/warnings.c.  (owned by the runtime area) */
#ifndef PY_WARNINGS_H
#define PY_WARNINGS_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(int) PyErr_WarnEx(PyObject *category, const char *message, Py_ssize_t stack_level);
PyAPI_FUNC(int) PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level,
                                 const char *format, ...);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03060000
PyAPI_FUNC(int) PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level,
                                      const char *format, ...);
#endif
PyAPI_FUNC(int) PyErr_WarnExplicit(PyObject *category, const char *message,
                                   const char *filename, int lineno,
                                   const char *module, PyObject *registry);
#ifndef Py_LIMITED_API
PyAPI_FUNC(int) PyErr_WarnExplicitObject(PyObject *category, PyObject *message,
                                         PyObject *filename, int lineno,
                                         PyObject *module, PyObject *registry);
PyAPI_FUNC(int) PyErr_WarnExplicitFormat(PyObject *category, const char *filename, int lineno,
                                         const char *module, PyObject *registry,
                                         const char *format, ...);
#define PyErr_Warn(category, msg) PyErr_WarnEx((category), (msg), 1)
#endif

#ifdef __cplusplus
}
#endif
#endif
