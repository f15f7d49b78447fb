/* pyframe_fwd.h: the opaque frame type, declared early because tracebacks,
 * generators and the eval API all name it, and the two frame accessors
 * that belong to the limited API (CPython's pyframe.h). */
#ifndef Py_PYFRAME_FWD_H
#define Py_PYFRAME_FWD_H
typedef struct _frame PyFrameObject;
typedef struct PyCodeObject PyCodeObject;
typedef struct kr_context PyInterpreterState;
typedef struct _ts PyThreadState;

PyAPI_FUNC(int) PyFrame_GetLineNumber(PyFrameObject *);
PyAPI_FUNC(PyCodeObject *) PyFrame_GetCode(PyFrameObject *);
#endif
