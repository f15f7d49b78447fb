/* unicodeobject.h: str objects, PEP 393 layout
 * (owned by the str area) */
#ifndef PY_UNICODEOBJECT_H
#define PY_UNICODEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
