/* weakrefobject.h: weak references
 * (owned by the runtime area) */
#ifndef PY_WEAKREFOBJECT_H
#define PY_WEAKREFOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
