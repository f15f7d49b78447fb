/* sysmodule.h: the sys module
 * (owned by the runtime area) */
#ifndef PY_SYSMODULE_H
#define PY_SYSMODULE_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
