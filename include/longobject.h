/* longobject.h: int objects: PyLongObject with 30-bit digits
 * (owned by the numbers area) */
#ifndef PY_LONGOBJECT_H
#define PY_LONGOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
