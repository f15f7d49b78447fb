/* funcobject.h: Python function objects
 * (owned by the vm area) */
#ifndef PY_FUNCOBJECT_H
#define PY_FUNCOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
