/* import.h: the import system
 * (owned by the runtime area) */
#ifndef PY_IMPORT_H
#define PY_IMPORT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
