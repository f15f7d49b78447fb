/* pymain.h: the command line of Python as a library function, what the
 * `krait` executable runs.  (CPython declares these in pylifecycle.h.) */
#ifndef Py_PYMAIN_H
#define Py_PYMAIN_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(int) Py_Main(int argc, wchar_t **argv);
PyAPI_FUNC(int) Py_BytesMain(int argc, char **argv);
#ifndef Py_LIMITED_API
PyAPI_FUNC(int) Py_FrozenMain(int argc, char **argv);
/* Runs what the configuration named (a script or the prompt), then
 * finalises; after Py_InitializeFromConfig. */
PyAPI_FUNC(int) Py_RunMain(void);
#endif

#ifdef __cplusplus
}
#endif
#endif
