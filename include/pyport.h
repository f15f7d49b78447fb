/* pyport.h: basic C types and portability macros of the C API.
 *
 * Krait targets x86-64 Linux (LP64) first; the sizes here are the ones
 * CPython 3.11 uses there, because extension binaries depend on them. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h>
/* CPython's pyport.h brings these too, and extensions rely on it. */
#include <inttypes.h>
#include <math.h>
#include <sys/time.h>
#include <time.h>
#include <sys/stat.h>
#include <ctype.h>

typedef intptr_t Py_intptr_t;
typedef uintptr_t Py_uintptr_t;
typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef Py_ssize_t Py_ssize_clean_t;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define SIZEOF_VOID_P 8
#define SIZEOF_SIZE_T 8
#define SIZEOF_LONG 8
#define SIZEOF_LONG_LONG 8
#define SIZEOF_INT 4
#define SIZEOF_SHORT 2
#define SIZEOF_WCHAR_T 4
#define SIZEOF_PY_HASH_T 8
#define SIZEOF_PY_UHASH_T SIZEOF_SIZE_T
#define SIZEOF_DOUBLE 8
#define SIZEOF_FLOAT 4
#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX
#define PY_UINT32_T uint32_t
#define PY_UINT64_T uint64_t
#define PY_INT32_T int32_t
#define PY_INT64_T int64_t
#define PY_FORMAT_SIZE_T "z"
#define HAVE_LONG_LONG 1
#define PY_LITTLE_ENDIAN 1
#define PY_BIG_ENDIAN 0
#define PY_SIZE_MAX SIZE_MAX
#define PY_DWORD_MAX 4294967295U
#define Py_LL(x) x##LL
#define Py_ULL(x) Py_LL(x##U)
#define Py_VA_COPY va_copy
#define Py_FORCE_EXPANSION(X) X
#define _Py_NULL NULL
#define WITH_THREAD 1
#define HAVE_UNISTD_H 1
#define HAVE_STDARG_PROTOTYPES 1

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#define Py_MEMCPY memcpy
#endif
#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) ((NARROW)(VALUE))
#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)
#define Py_HUGE_VAL HUGE_VAL
#define Py_NAN ((double)NAN)

#if defined(__GNUC__) || defined(__clang__)
#  define Py_ALWAYS_INLINE __attribute__((always_inline))
#  define Py_NO_INLINE __attribute__((noinline))
#  define Py_ALIGNED(x) __attribute__((aligned(x)))
#  define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#  define Py_DEPRECATED(VERSION_UNUSED) __attribute__((__deprecated__))
#  define _Py_NO_RETURN __attribute__((__noreturn__))
#  define Py_UNREACHABLE() __builtin_unreachable()
#  define _Py_HOT_FUNCTION __attribute__((hot))
#  define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#  define _Py_likely(x) __builtin_expect(!!(x), 1)
#  define _Py_unlikely(x) __builtin_expect(!!(x), 0)
#else
#  define Py_ALWAYS_INLINE
#  define Py_NO_INLINE
#  define Py_ALIGNED(x)
#  define Py_GCC_ATTRIBUTE(x)
#  define Py_DEPRECATED(VERSION_UNUSED)
#  define _Py_NO_RETURN
#  define Py_UNREACHABLE() abort()
#  define _Py_HOT_FUNCTION
#  define Py_EXPORTED_SYMBOL
#  define _Py_likely(x) (x)
#  define _Py_unlikely(x) (x)
#endif

#define Py_IMPORTED_SYMBOL
#define Py_LOCAL_SYMBOL __attribute__((visibility("hidden")))

#ifdef __cplusplus
#  define PyMODINIT_FUNC extern "C" Py_EXPORTED_SYMBOL PyObject *
#  define PyAPI_FUNC(RTYPE) extern "C" Py_EXPORTED_SYMBOL RTYPE
#  define PyAPI_DATA(RTYPE) extern "C" Py_EXPORTED_SYMBOL RTYPE
#else
#  define PyMODINIT_FUNC Py_EXPORTED_SYMBOL PyObject *
#  define PyAPI_FUNC(RTYPE) extern Py_EXPORTED_SYMBOL RTYPE
#  define PyAPI_DATA(RTYPE) extern Py_EXPORTED_SYMBOL RTYPE
#endif

#define _Py_COMP_DIAG_PUSH _Pragma("GCC diagnostic push")
#define _Py_COMP_DIAG_IGNORE_DEPR_DECLS _Pragma("GCC diagnostic ignored \"-Wdeprecated-declarations\"")
#define _Py_COMP_DIAG_POP _Pragma("GCC diagnostic pop")

#define _Py_STATIC_CAST(type, expr) ((type)(expr))
#define _Py_CAST(type, expr) ((type)(expr))
#define _PyObject_CAST(op) _Py_CAST(PyObject*, (op))
#define _PyVarObject_CAST(op) _Py_CAST(PyVarObject*, (op))

#endif /* Py_PYPORT_H */
