/* intrcheck.h: interrupt checks
 * (owned by the runtime area) */
#ifndef PY_INTRCHECK_H
#define PY_INTRCHECK_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
