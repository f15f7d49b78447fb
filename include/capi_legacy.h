/* capi_legacy.h: C API functions and data of CPython 3.11 that belong to
 * no single object type -- old calling helpers, the profile/trace hooks,
 * the old buffer functions, readline hooks, tracemalloc's tracking calls,
 * deprecated wchar_t string views, UTF-7, the charmap encoding map, the
 * tokenizer's operator tables, the stderr printer used before sys exists,
 * and functions that CPython also defines as macros.  Implemented in
 * src/capi/legacy.c (and src/capi/utf7.c for the UTF-7 decoder). */
#ifndef Py_CAPI_LEGACY_H
#define Py_CAPI_LEGACY_H

#ifndef Py_LIMITED_API
#include <stdio.h>
#endif
#include <stdint.h>

PyAPI_FUNC(PyObject *) PyEval_CallObjectWithKeywords(PyObject *callable, PyObject *args,
                                                     PyObject *kwargs);
#define PyEval_CallObject(callable, arg) \
    PyEval_CallObjectWithKeywords((callable), (arg), (PyObject *)NULL)
PyAPI_FUNC(PyObject *) PyEval_CallFunction(PyObject *callable, const char *format, ...);
PyAPI_FUNC(PyObject *) PyEval_CallMethod(PyObject *obj, const char *name,
                                         const char *format, ...);

#ifndef Py_TRACEFUNC_DEFINED
#ifndef Py_LIMITED_API
#define Py_TRACEFUNC_DEFINED
typedef int (*Py_tracefunc)(PyObject *, PyFrameObject *, int, PyObject *);
#endif
#endif
#ifndef PyTrace_CALL
#ifndef Py_LIMITED_API
#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7
#endif
#endif
#ifndef Py_LIMITED_API
PyAPI_FUNC(void) PyEval_SetProfile(Py_tracefunc, PyObject *);
PyAPI_FUNC(void) PyEval_SetTrace(Py_tracefunc, PyObject *);
PyAPI_FUNC(int) PyThreadState_EnterTracing(PyThreadState *tstate);
PyAPI_FUNC(int) PyThreadState_LeaveTracing(PyThreadState *tstate);
#endif

PyAPI_FUNC(int) PyObject_AsCharBuffer(PyObject *obj, const char **buffer, Py_ssize_t *buffer_len);
PyAPI_FUNC(int) PyObject_CheckReadBuffer(PyObject *obj);
PyAPI_FUNC(int) PyObject_AsReadBuffer(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len);
PyAPI_FUNC(int) PyObject_AsWriteBuffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len);

#ifndef Py_LIMITED_API
/* Function forms of macros (the macros stay for source users). */
PyAPI_FUNC(PyObject **) PyObject_GET_WEAKREFS_LISTPTR(PyObject *op);
PyAPI_FUNC(int) (PyType_SUPPORTS_WEAKREFS)(PyTypeObject *type);
PyAPI_FUNC(int) (PyDescr_IsData)(PyObject *descr);
#endif

PyAPI_DATA(int) (*PyOS_InputHook)(void);
#ifndef Py_LIMITED_API
PyAPI_DATA(char) *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *);
#endif

#ifndef Py_LIMITED_API
PyAPI_FUNC(int) PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size);
PyAPI_FUNC(int) PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr);

PyAPI_FUNC(Py_UNICODE *) PyUnicode_AsUnicode(PyObject *unicode);
PyAPI_FUNC(Py_UNICODE *) PyUnicode_AsUnicodeAndSize(PyObject *unicode, Py_ssize_t *size);
#endif
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7(const char *string, Py_ssize_t length,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7Stateful(const char *string, Py_ssize_t length,
                                                    const char *errors, Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_BuildEncodingMap(PyObject *string);

#ifndef Py_LIMITED_API
PyAPI_FUNC(int) PyToken_OneChar(int);
PyAPI_FUNC(int) PyToken_TwoChars(int, int);
PyAPI_FUNC(int) PyToken_ThreeChars(int, int, int);

PyAPI_DATA(PyTypeObject) PyStdPrinter_Type;
PyAPI_FUNC(PyObject *) PyFile_NewStdPrinter(int fd);

PyAPI_FUNC(char *) Py_GETENV(const char *name);
#endif
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030b0000
PyAPI_DATA(const unsigned long) Py_Version;
#endif

#endif
