/* code.h: code objects, public part.  The layout of PyCodeObject is
 * Krait's own (src/vm/code.h); extensions use only these functions and
 * flags.  (vm and compiler areas) */
#ifndef Py_CODE_H
#define Py_CODE_H
#ifdef __cplusplus
extern "C" {
#endif

#include "pyframe_fwd.h"   /* PyCodeObject */

#ifndef Py_LIMITED_API
PyAPI_DATA(PyTypeObject) PyCode_Type;
#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)

/* co_flags, same values as CPython 3.11 */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_NOFREE 0x0040
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200
#define CO_FUTURE_DIVISION 0x20000
#define CO_FUTURE_ABSOLUTE_IMPORT 0x40000
#define CO_FUTURE_WITH_STATEMENT 0x80000
#define CO_FUTURE_PRINT_FUNCTION 0x100000
#define CO_FUTURE_UNICODE_LITERALS 0x200000
#define CO_FUTURE_BARRY_AS_BDFL 0x400000
#define CO_FUTURE_GENERATOR_STOP 0x800000
#define CO_FUTURE_ANNOTATIONS 0x1000000
#define CO_MAXBLOCKS 20

PyAPI_FUNC(int) PyCode_GetNumFree(PyCodeObject *);
/* CPython 3.11's constructors.  Krait cannot run CPython bytecode: these
 * make a code object with the given metadata and an empty body. */
PyAPI_FUNC(PyCodeObject *) PyCode_New(int, int, int, int, int, PyObject *, PyObject *, PyObject *,
                                      PyObject *, PyObject *, PyObject *, PyObject *, PyObject *,
                                      PyObject *, int, PyObject *, PyObject *);
PyAPI_FUNC(PyCodeObject *) PyCode_NewWithPosOnlyArgs(int, int, int, int, int, int, PyObject *,
                                                     PyObject *, PyObject *, PyObject *, PyObject *,
                                                     PyObject *, PyObject *, PyObject *, PyObject *,
                                                     int, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyCode_Optimize(PyObject *code, PyObject *consts, PyObject *names,
                                       PyObject *lnotab);
PyAPI_FUNC(int) PyCode_Addr2Location(PyCodeObject *, int, int *, int *, int *, int *);
PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *, int);
PyAPI_FUNC(PyCodeObject *) PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno);
PyAPI_FUNC(PyObject *) PyCode_GetCode(PyCodeObject *);
PyAPI_FUNC(PyObject *) PyCode_GetVarnames(PyCodeObject *);
PyAPI_FUNC(PyObject *) PyCode_GetCellvars(PyCodeObject *);
PyAPI_FUNC(PyObject *) PyCode_GetFreevars(PyCodeObject *);
#endif

#ifdef __cplusplus
}
#endif
#endif
