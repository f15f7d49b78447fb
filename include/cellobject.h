/* cellobject.h: cell objects, the boxes closures share variables through.
 * (owned by the vm area) */
#ifndef PY_CELLOBJECT_H
#define PY_CELLOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_HEAD
    PyObject *ob_ref;           /* the content, or NULL when empty */
} PyCellObject;

PyAPI_DATA(PyTypeObject) PyCell_Type;
#define PyCell_Check(op) Py_IS_TYPE((op), &PyCell_Type)

PyAPI_FUNC(PyObject *) PyCell_New(PyObject *);
PyAPI_FUNC(PyObject *) PyCell_Get(PyObject *);
PyAPI_FUNC(int) PyCell_Set(PyObject *, PyObject *);
#define PyCell_GET(op) (((PyCellObject *)(op))->ob_ref)
#define PyCell_SET(op, v) ((void)(((PyCellObject *)(op))->ob_ref = (v)))
#endif

#ifdef __cplusplus
}
#endif
#endif
