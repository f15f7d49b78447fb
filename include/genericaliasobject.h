/* genericaliasobject.h: types.GenericAlias (PEP 585), the result of
 * list[int] and friends.  (owned by the containers area; Python.h should
 * include it, as CPython's does) */
#ifndef Py_GENERICALIASOBJECT_H
#define Py_GENERICALIASOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) Py_GenericAlias(PyObject *origin, PyObject *args);
PyAPI_DATA(PyTypeObject) Py_GenericAliasType;

#ifdef __cplusplus
}
#endif
#endif
