/* pymath.h: math helpers
 * (owned by the numbers area) */
#ifndef PY_PYMATH_H
#define PY_PYMATH_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
