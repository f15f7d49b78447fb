/* traceback.h: traceback objects.  PyTracebackObject has CPython 3.11's
 * layout.  The vm area makes them (PyTraceBack_Here, as an exception
 * leaves each frame); the runtime area prints them (PyTraceBack_Print).
 * (owned by the vm area) */
#ifndef PY_TRACEBACK_H
#define PY_TRACEBACK_H
#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
typedef struct _traceback PyTracebackObject;
struct _traceback {
    PyObject_HEAD
    PyTracebackObject *tb_next;
    PyFrameObject *tb_frame;
    int tb_lasti;               /* byte offset of the instruction (word index * 2, as CPython) */
    int tb_lineno;
};
#endif

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;
#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *);
/* implemented by the runtime area */
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *, PyObject *);

#ifdef __cplusplus
}
#endif
#endif
