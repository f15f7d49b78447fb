/* intrcheck.h: checking for a pending interrupt, and fork hooks.
 * (owned by the runtime area) */
#ifndef PY_INTRCHECK_H
#define PY_INTRCHECK_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(int) PyOS_InterruptOccurred(void);
#ifndef Py_LIMITED_API
PyAPI_FUNC(void) PyOS_InitInterrupts(void);
#endif
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03070000
PyAPI_FUNC(void) PyOS_BeforeFork(void);
PyAPI_FUNC(void) PyOS_AfterFork_Parent(void);
PyAPI_FUNC(void) PyOS_AfterFork_Child(void);
#endif
PyAPI_FUNC(void) PyOS_AfterFork(void);

#ifdef __cplusplus
}
#endif
#endif
