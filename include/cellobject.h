/* cellobject.h: cell objects
 * (owned by the vm area) */
#ifndef PY_CELLOBJECT_H
#define PY_CELLOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
