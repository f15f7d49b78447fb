/* classobject.h: bound method objects (PyMethodObject)
 * (owned by the vm area) */
#ifndef PY_CLASSOBJECT_H
#define PY_CLASSOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
