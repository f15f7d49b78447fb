/* pystate.h: thread and interpreter (context) state
 * (owned by the runtime area) */
#ifndef PY_PYSTATE_H
#define PY_PYSTATE_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
