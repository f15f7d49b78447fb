/* pythonrun.h: running source code
 * (owned by the runtime area) */
#ifndef PY_PYTHONRUN_H
#define PY_PYTHONRUN_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
