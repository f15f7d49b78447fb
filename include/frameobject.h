/* frameobject.h: frame objects
 * (owned by the vm area) */
#ifndef PY_FRAMEOBJECT_H
#define PY_FRAMEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
