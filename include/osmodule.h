/* osmodule.h: os helpers
 * (owned by the runtime area) */
#ifndef PY_OSMODULE_H
#define PY_OSMODULE_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
