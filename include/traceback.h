/* traceback.h: traceback objects
 * (owned by the vm area) */
#ifndef PY_TRACEBACK_H
#define PY_TRACEBACK_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
