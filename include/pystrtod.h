/* pystrtod.h: string <-> double conversion
 * (owned by the numbers area) */
#ifndef PY_PYSTRTOD_H
#define PY_PYSTRTOD_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
