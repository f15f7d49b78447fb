/* osmodule.h: os.fspath() for C code.  (owned by the runtime area) */
#ifndef PY_OSMODULE_H
#define PY_OSMODULE_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) PyOS_FSPath(PyObject *path);

#ifdef __cplusplus
}
#endif
#endif
