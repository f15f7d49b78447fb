/* ceval.h: evaluation and the lock
 * (owned by the vm area) */
#ifndef PY_CEVAL_H
#define PY_CEVAL_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
