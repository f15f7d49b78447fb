/* fileutils.h: file system helpers
 * (owned by the runtime area) */
#ifndef PY_FILEUTILS_H
#define PY_FILEUTILS_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
