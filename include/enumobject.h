/* enumobject.h: enumerate and reversed, plus zip, map and filter (the
 * other builtin iterator types).
 * (owned by the containers area) */
#ifndef PY_ENUMOBJECT_H
#define PY_ENUMOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyEnum_Type;
PyAPI_DATA(PyTypeObject) PyReversed_Type;
PyAPI_DATA(PyTypeObject) PyZip_Type;
PyAPI_DATA(PyTypeObject) PyMap_Type;
PyAPI_DATA(PyTypeObject) PyFilter_Type;

#ifdef __cplusplus
}
#endif
#endif
