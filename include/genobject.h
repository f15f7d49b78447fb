/* genobject.h: generators, coroutines, async generators
 * (owned by the vm area) */
#ifndef PY_GENOBJECT_H
#define PY_GENOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
