/* pylifecycle.h: initialisation and finalisation
 * (owned by the runtime area) */
#ifndef PY_PYLIFECYCLE_H
#define PY_PYLIFECYCLE_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
