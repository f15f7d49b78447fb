/* warnings.h: warnings
 * (owned by the runtime area) */
#ifndef PY_WARNINGS_H
#define PY_WARNINGS_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
