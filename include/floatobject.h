/* floatobject.h: float objects
 * (owned by the numbers area) */
#ifndef PY_FLOATOBJECT_H
#define PY_FLOATOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
