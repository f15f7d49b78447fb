/* bytearrayobject.h: bytearray objects
 * (owned by the bytes area) */
#ifndef PY_BYTEARRAYOBJECT_H
#define PY_BYTEARRAYOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
