/* pyhash.h: the hash algorithms CPython documents.  Numeric hashes reduce
 * modulo the Mersenne prime 2**61 - 1 so that equal numbers of different
 * types hash alike; str and bytes use SipHash-1-3 keyed by PYTHONHASHSEED. */
#ifndef Py_PYHASH_H
#define Py_PYHASH_H
#ifdef __cplusplus
extern "C" {
#endif

/* The algorithm choice CPython exposes; Krait's is fixed, SipHash-1-3,
 * with no small-string cutoff. */
#define Py_HASH_EXTERNAL 0
#define Py_HASH_SIPHASH24 1
#define Py_HASH_FNV 2
#define Py_HASH_SIPHASH13 3
#define Py_HASH_ALGORITHM Py_HASH_SIPHASH13
#define Py_HASH_CUTOFF 0

#define _PyHASH_BITS 61
#define _PyHASH_MODULUS (((size_t)1 << _PyHASH_BITS) - 1)
#define _PyHASH_INF 314159
#define _PyHASH_IMAG 1000003UL
#define _PyHASH_MULTIPLIER 1000003UL
#ifndef Py_LIMITED_API
#define PyHASH_BITS _PyHASH_BITS
#define PyHASH_MODULUS _PyHASH_MODULUS
#define PyHASH_INF _PyHASH_INF
#define PyHASH_IMAG _PyHASH_IMAG
#define PyHASH_MULTIPLIER _PyHASH_MULTIPLIER

PyAPI_FUNC(Py_hash_t) _Py_HashDouble(PyObject *inst, double v);
PyAPI_FUNC(Py_hash_t) _Py_HashPointer(const void *);
PyAPI_FUNC(Py_hash_t) _Py_HashPointerRaw(const void *);
PyAPI_FUNC(Py_hash_t) _Py_HashBytes(const void *, Py_ssize_t);
PyAPI_FUNC(Py_hash_t) Py_HashPointer(const void *ptr);

typedef struct {
    Py_hash_t (*const hash)(const void *, Py_ssize_t);
    const char *name;
    const int hash_bits;
    const int seed_bits;
} PyHash_FuncDef;
PyAPI_FUNC(PyHash_FuncDef *) PyHash_GetFuncDef(void);
#endif

#ifdef __cplusplus
}
#endif
#endif
