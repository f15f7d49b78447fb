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
 * uses "bytearray(" and ")").  `how` is a mask of KR_REPR_*: SMART picks
 * double quotes for data with ' and no "; SQUOTE_ESCAPED escapes ' even
 * inside double quotes (bytearray's repr does).  New reference. */
enum { KR_REPR_SMART = 1, KR_REPR_SQUOTE_ESCAPED = 2 };
PyObject *kr_bytes_repr_data(const char *data, Py_ssize_t n, int how, const char *prefix,
                             const char *suffix);

/* a + b for two bytes-like objects: bytes, or a new bytearray. */
PyObject *kr_bytes_concat(PyObject *a, PyObject *b, int as_bytearray);

/* Fills dst with n copies of src[0:len) (dst may equal src). */
void kr_bytes_fill_repeat(char *dst, const char *src, Py_ssize_t len, Py_ssize_t n);

/* `x in data`: an int in range(256) or a bytes-like needle. 1, 0 or -1. */
int kr_bytes_contains(const char *data, Py_ssize_t n, PyObject *x);

/* The iterator of bytes and bytearray (objects/bytesobject.c): one
 * implementation, two types. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *seq;   /* NULL when exhausted */
} kr_bytes_iter;
PyObject *kr_bytes_iter_new(PyObject *seq, PyTypeObject *itertype);
void kr_bytes_iter_dealloc(PyObject *self);
int kr_bytes_iter_traverse(PyObject *self, visitproc visit, void *arg);
PyObject *kr_bytes_iter_next(PyObject *self);
extern PyMethodDef kr_bytes_iter_methods[];

/* bytes % args (printf-style formatting). */
extern PyNumberMethods kr_bytes_as_number;

/* bytes % args and bytearray % args: printf-style formatting over
 * (format, length); the result is bytes.  (objects/bytes_format.c) */
PyObject *kr_bytes_format(const char *fmt, Py_ssize_t fmtlen, PyObject *args);

/* data as hex digits with an optional separator (bytes.hex, bytearray.hex,
 * memoryview.hex); sep and bytes_per_sep may be NULL.  Returns str, or
 * bytes when as_bytes.  New reference. */
PyObject *kr_bytes_hex_data(const char *data, Py_ssize_t n, PyObject *sep, PyObject *bytes_per_sep,
                            int as_bytes);

/* ---- the methods bytes and bytearray share (objects/bytes_methods.c) ----
 * Each reads its receiver through kr_bm_self() and builds results of the
 * receiver's type through kr_bm_make(). */
void kr_bm_self(PyObject *self, const char **data, Py_ssize_t *len);
PyObject *kr_bm_make(PyObject *self, const char *data, Py_ssize_t n);
PyObject *kr_bm_new(PyObject *self, Py_ssize_t n, char **out);   /* uninitialised */
PyObject *kr_bm_join(PyObject *self, PyObject *iterable);

/* self[i] and self[key] for both types (objects/bytesobject.c). */
PyObject *kr_bytes_item(PyObject *self, Py_ssize_t i);
PyObject *kr_bytes_subscript(PyObject *self, PyObject *key);

#define KR_BM_FAST(name) PyObject *kr_bm_##name(PyObject *, PyObject *const *, Py_ssize_t);
#define KR_BM_KW(name) PyObject *kr_bm_##name(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);
#define KR_BM_O(name) PyObject *kr_bm_##name(PyObject *, PyObject *);
KR_BM_FAST(find) KR_BM_FAST(rfind) KR_BM_FAST(index) KR_BM_FAST(rindex) KR_BM_FAST(count)
KR_BM_FAST(startswith) KR_BM_FAST(endswith) KR_BM_FAST(center) KR_BM_FAST(ljust)
KR_BM_FAST(rjust) KR_BM_FAST(strip) KR_BM_FAST(lstrip) KR_BM_FAST(rstrip) KR_BM_FAST(replace)
KR_BM_FAST(maketrans)
KR_BM_KW(expandtabs) KR_BM_KW(split) KR_BM_KW(rsplit) KR_BM_KW(splitlines) KR_BM_KW(translate)
KR_BM_KW(hex) KR_BM_KW(decode)
KR_BM_O(isalnum) KR_BM_O(isalpha) KR_BM_O(isdigit) KR_BM_O(isspace) KR_BM_O(isascii)
KR_BM_O(islower) KR_BM_O(isupper) KR_BM_O(istitle) KR_BM_O(lower) KR_BM_O(upper)
KR_BM_O(swapcase) KR_BM_O(capitalize) KR_BM_O(title) KR_BM_O(zfill) KR_BM_O(removeprefix)
KR_BM_O(removesuffix) KR_BM_O(partition) KR_BM_O(rpartition) KR_BM_O(join) KR_BM_O(fromhex)
#undef KR_BM_FAST
#undef KR_BM_KW
#undef KR_BM_O

#define KR_BM_ENTRY_F(name) {#name, (PyCFunction)(void (*)(void))kr_bm_##name, METH_FASTCALL, NULL},
#define KR_BM_ENTRY_K(name) \
    {#name, (PyCFunction)(void (*)(void))kr_bm_##name, METH_FASTCALL | METH_KEYWORDS, NULL},
#define KR_BM_ENTRY_N(name) {#name, kr_bm_##name, METH_NOARGS, NULL},
#define KR_BM_ENTRY_O(name) {#name, kr_bm_##name, METH_O, NULL},

/* The PyMethodDef entries both types list, in one place. */
#define KR_BYTES_SHARED_METHODS \
    KR_BM_ENTRY_N(capitalize) KR_BM_ENTRY_F(center) KR_BM_ENTRY_F(count) KR_BM_ENTRY_K(decode) \
    KR_BM_ENTRY_F(endswith) KR_BM_ENTRY_K(expandtabs) KR_BM_ENTRY_F(find) \
    {"fromhex", kr_bm_fromhex, METH_O | METH_CLASS, NULL}, \
    KR_BM_ENTRY_K(hex) KR_BM_ENTRY_F(index) KR_BM_ENTRY_N(isalnum) KR_BM_ENTRY_N(isalpha) \
    KR_BM_ENTRY_N(isascii) KR_BM_ENTRY_N(isdigit) KR_BM_ENTRY_N(islower) KR_BM_ENTRY_N(isspace) \
    KR_BM_ENTRY_N(istitle) KR_BM_ENTRY_N(isupper) KR_BM_ENTRY_O(join) KR_BM_ENTRY_F(ljust) \
    KR_BM_ENTRY_N(lower) KR_BM_ENTRY_F(lstrip) \
    {"maketrans", (PyCFunction)(void (*)(void))kr_bm_maketrans, METH_FASTCALL | METH_STATIC, NULL}, \
    KR_BM_ENTRY_O(partition) KR_BM_ENTRY_O(removeprefix) KR_BM_ENTRY_O(removesuffix) \
    KR_BM_ENTRY_F(replace) KR_BM_ENTRY_F(rfind) KR_BM_ENTRY_F(rindex) KR_BM_ENTRY_F(rjust) \
    KR_BM_ENTRY_O(rpartition) KR_BM_ENTRY_K(rsplit) KR_BM_ENTRY_F(rstrip) KR_BM_ENTRY_K(split) \
    KR_BM_ENTRY_K(splitlines) KR_BM_ENTRY_F(startswith) KR_BM_ENTRY_F(strip) \
    KR_BM_ENTRY_N(swapcase) KR_BM_ENTRY_N(title) KR_BM_ENTRY_K(translate) KR_BM_ENTRY_N(upper) \
    KR_BM_ENTRY_O(zfill)

#endif
