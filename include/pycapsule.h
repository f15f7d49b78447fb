/* pycapsule.h: capsules
 * (owned by the runtime area) */
#ifndef PY_PYCAPSULE_H
#define PY_PYCAPSULE_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
