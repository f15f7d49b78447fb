/* pythread.h: threads and locks
 * (owned by the runtime area) */
#ifndef PY_PYTHREAD_H
#define PY_PYTHREAD_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
