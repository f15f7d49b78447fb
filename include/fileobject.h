/* fileobject.h: file helpers
 * (owned by the runtime area) */
#ifndef PY_FILEOBJECT_H
#define PY_FILEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
