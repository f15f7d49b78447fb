/* memoryobject.h: memoryview objects
 * (owned by the bytes area) */
#ifndef PY_MEMORYOBJECT_H
#define PY_MEMORYOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
