/* boolobject.h: bool: True and False
 * (owned by the numbers area) */
#ifndef PY_BOOLOBJECT_H
#define PY_BOOLOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
