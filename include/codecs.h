/* codecs.h: codec registry
 * (owned by the str area) */
#ifndef PY_CODECS_H
#define PY_CODECS_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
