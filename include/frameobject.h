/* frameobject.h: frame objects.  A PyFrameObject is the heap view of an
 * interpreter frame, made only when something asks for it (a traceback,
 * sys._getframe, a generator's gi_frame).  Its layout is Krait's own.
 * (owned by the vm area) */
#ifndef PY_FRAMEOBJECT_H
#define PY_FRAMEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
PyAPI_DATA(PyTypeObject) PyFrame_Type;
#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)

PyAPI_FUNC(PyFrameObject *) PyFrame_New(PyThreadState *, PyCodeObject *, PyObject *globals, PyObject *locals);
PyAPI_FUNC(PyFrameObject *) PyFrame_GetBack(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyFrame_GetLocals(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyFrame_GetGlobals(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyFrame_GetBuiltins(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyFrame_GetGenerator(PyFrameObject *);
PyAPI_FUNC(int) PyFrame_GetLasti(PyFrameObject *);
PyAPI_FUNC(int) PyFrame_FastToLocalsWithError(PyFrameObject *);
PyAPI_FUNC(void) PyFrame_FastToLocals(PyFrameObject *);
PyAPI_FUNC(void) PyFrame_LocalsToFast(PyFrameObject *, int);
#endif

#ifdef __cplusplus
}
#endif
#endif
