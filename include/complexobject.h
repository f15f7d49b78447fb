/* complexobject.h: complex objects
 * (owned by the numbers area) */
#ifndef PY_COMPLEXOBJECT_H
#define PY_COMPLEXOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
