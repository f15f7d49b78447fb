/* pybuffer.h: buffer protocol functions
 * (owned by the bytes area) */
#ifndef PY_PYBUFFER_H
#define PY_PYBUFFER_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
