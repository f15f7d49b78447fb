/* pyctype.h: locale-independent character classes
 * (owned by the str area) */
#ifndef PY_PYCTYPE_H
#define PY_PYCTYPE_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
