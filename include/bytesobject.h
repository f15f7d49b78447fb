/* bytesobject.h: bytes objects
 * (owned by the bytes area) */
#ifndef PY_BYTESOBJECT_H
#define PY_BYTESOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
