/* bytes_internal.h: internals shared by bytes, bytearray and the methods
 * they have in common (objects/bytes_methods.c).  (bytes area) */
#ifndef KR_BYTES_INTERNAL_H
#define KR_BYTES_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* Process-wide immortal singletons, set once by kr_bytes_runtime_init()
 * before any context exists and never changed after: b'' and the 256
 * one-byte objects. */
extern PyObject *kr_bytes_empty;
extern PyObject *kr_bytes_chars[256];
int kr_bytes_runtime_init(void);

/* An uninitialised exact bytes object of `size` bytes. New reference. */
PyObject *kr_bytes_alloc(Py_ssize_t size);

/* b'...' for `n` bytes at `data`, between prefix and suffix (bytearray
 * uses "bytearray(" and ")"). New reference. */
PyObject *kr_bytes_repr_data(const char *data, Py_ssize_t n, int smartquotes, const char *prefix,
                             const char *suffix);

/* `x in data`: an int in range(256) or a bytes-like needle. 1, 0 or -1. */
int kr_bytes_contains(const char *data, Py_ssize_t n, PyObject *x);

/* bytes % args (printf-style formatting). */
extern PyNumberMethods kr_bytes_as_number;

#endif
