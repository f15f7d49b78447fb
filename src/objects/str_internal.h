/* str_internal.h: what the files of the str area share with each other.
 *
 * unicodeobject.c   allocation, canonical construction, accessors,
 *                   hashing, comparison, concatenation, interning
 * unicode_writer.c  _PyUnicodeWriter
 * unicode_type.c    the type object, repr, indexing, iterator, str()
 * unicode_search.c  substring search (memchr / Horspool-style)
 * unicode_methods.c the str methods
 * unicode_case.c    case mapping (lower/upper/title/casefold/swapcase)
 * unicode_ctype.c   character properties from the generated tables
 * unicode_names.c   \N{NAME} lookups
 * unicode_normalize.c NFKC (identifiers)
 * unicode_format.c  printf-style % formatting and __format__
 * unicode_strformat.c str.format / format_map
 * unicode_codecs.c  the C codecs and the error handlers
 * unicode_fromformat.c PyUnicode_FromFormatV
 * codecs_builtin.c  the _codecs module and the codec registry
 * siphash.c         SipHash-1-3 and the process hash secret
 * (owned by the str area) */
#ifndef KR_STR_INTERNAL_H
#define KR_STR_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "objects/str_ids.h"
#include "objects/str_tables.h"

/* ---- things owned by the bytes area, which has not landed yet ----
 * Declared here (identically to CPython) so the codecs can build bytes;
 * the layout of PyBytesObject is CPython's: the characters start right
 * after ob_shash. */
PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_DATA(PyTypeObject) PyByteArray_Type;
PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(int) _PyBytes_Resize(PyObject **, Py_ssize_t);
PyAPI_FUNC(char *) PyByteArray_AsString(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyByteArray_Size(PyObject *);

#define KR_BYTES_HEADER (sizeof(PyVarObject) + sizeof(Py_hash_t))
static inline char *kr_bytes_data(PyObject *b) { return (char *)b + KR_BYTES_HEADER; }
static inline int kr_is_bytes(PyObject *o) {
    return PyType_FastSubclass(Py_TYPE(o), Py_TPFLAGS_BYTES_SUBCLASS);
}

/* ---- kinds ---- */
static inline int kr_str_kind_for(Py_UCS4 maxchar) {
    return maxchar < 256 ? PyUnicode_1BYTE_KIND : maxchar < 65536 ? PyUnicode_2BYTE_KIND
                                                                   : PyUnicode_4BYTE_KIND;
}

/* ---- allocation (unicodeobject.c) ---- */
/* A new compact str of SIZE characters for MAXCHAR (kind and ascii bit
 * from it), NUL-terminated, contents uninitialised; never a singleton. */
PyObject *kr_str_alloc(Py_ssize_t size, Py_UCS4 maxchar);
/* Copies N characters of kind SKIND into DST of kind DKIND (narrowing is
 * allowed when the caller knows the values fit). */
void kr_str_copy_kind(int dkind, void *dst, int skind, const void *src, Py_ssize_t n);
void kr_str_dealloc(PyObject *op);
Py_hash_t kr_str_hash(PyObject *self);
PyObject *kr_str_repeat(PyObject *str, Py_ssize_t n);

/* ---- construction (unicodeobject.c); all return new references ---- */
PyObject *kr_str_empty(void);
PyObject *kr_str_char(Py_UCS4 ch);            /* one-character string */
PyObject *kr_str_from_kind(int kind, const void *data, Py_ssize_t n);  /* canonicalises */
PyObject *kr_str_from_ascii(const char *s, Py_ssize_t n);
PyObject *kr_str_from_latin1(const unsigned char *s, Py_ssize_t n);
Py_UCS4 kr_str_maxchar(int kind, const void *data, Py_ssize_t n);
/* The string as an exact str (subclass instances are copied): new ref. */
PyObject *kr_str_exact(PyObject *s);
/* Characters of S widened to KIND, in a PyMem buffer the caller frees
 * (or S's own data when its kind already is KIND: then *owned = 0). */
void *kr_str_as_kind(PyObject *s, int kind, int *owned);
/* Raises TypeError "MSG, not TYPE" unless OBJ is a str: 0 ok, -1 error. */
int kr_str_check_arg(PyObject *obj, const char *what);
Py_ssize_t kr_str_wrap_index(Py_ssize_t i, Py_ssize_t len);

/* ---- search (unicode_search.c) ----
 * Both strings of the same kind; returns index or -1. */
Py_ssize_t kr_str_find_char(int kind, const void *s, Py_ssize_t n, Py_UCS4 ch);
Py_ssize_t kr_str_rfind_char(int kind, const void *s, Py_ssize_t n, Py_UCS4 ch);
Py_ssize_t kr_str_find_sub(int kind, const void *s, Py_ssize_t n, const void *p, Py_ssize_t m);
Py_ssize_t kr_str_rfind_sub(int kind, const void *s, Py_ssize_t n, const void *p, Py_ssize_t m);
Py_ssize_t kr_str_count_sub(int kind, const void *s, Py_ssize_t n, const void *p, Py_ssize_t m,
                            Py_ssize_t maxcount);
/* Generic search of SUB in STR[start:end] (any kinds); direction > 0 for
 * find, < 0 for rfind.  Returns index, -1 if absent (no error), -2 on
 * error.  start/end are already clipped. */
Py_ssize_t kr_str_find(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction);
Py_ssize_t kr_str_count(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end);
/* Python-style slice-index adjustment, as str.find does it. */
void kr_str_adjust_indices(Py_ssize_t *start, Py_ssize_t *end, Py_ssize_t len);

/* ---- case mapping (unicode_case.c) ---- */
PyObject *kr_str_lower(PyObject *s);
PyObject *kr_str_upper(PyObject *s);
PyObject *kr_str_title(PyObject *s);
PyObject *kr_str_capitalize(PyObject *s);
PyObject *kr_str_casefold(PyObject *s);
PyObject *kr_str_swapcase(PyObject *s);

/* ---- codecs (unicode_codecs.c) ---- */
/* Writes the UTF-8 of S into a new PyObject_Malloc'd buffer (NUL
 * terminated); errors as in str.encode('utf-8', errors).  NULL on error. */
char *kr_str_utf8_encode_raw(PyObject *s, Py_ssize_t *size, const char *errors);
PyObject *kr_str_encode(PyObject *s, const char *encoding, const char *errors);
PyObject *kr_str_decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors);
/* Normalises an encoding name as CPython's fast path does ("UTF-8" ->
 * "utf_8", "latin1" -> "latin_1"); returns 0 if it does not fit. */
int kr_str_normalize_encoding(const char *encoding, char *buf, size_t n);

/* charmap encoding with an error handler; escape codecs of bytes
 * literals (escape_encode / escape_decode).  New references. */
PyObject *kr_str_charmap_encode(PyObject *str, const char *errors, PyObject *mapping);
PyObject *kr_bytes_escape_encode(const char *s, Py_ssize_t n);

/* ---- formatting (unicode_format.c, unicode_strformat.c) ---- */
PyObject *kr_str_format_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames);
PyObject *kr_str_format_map(PyObject *self, PyObject *mapping);
PyObject *kr_str_dunder_format(PyObject *self, PyObject *spec);
/* Appends ARG formatted by SPEC[start:end] (a format_spec) to WRITER, for
 * exact str ARG; used by str.format to avoid a temporary.  -1 on error. */
int kr_str_format_into(_PyUnicodeWriter *writer, PyObject *str, PyObject *spec,
                       Py_ssize_t start, Py_ssize_t end);

/* ---- the repr (unicodeobject.c) ---- */
PyObject *kr_str_repr(PyObject *s);

/* ---- methods table (unicode_methods.c) and iterator ---- */
extern PyMethodDef kr_str_methods[];
PyObject *kr_str_iter(PyObject *s);
PyObject *kr_str_mod(PyObject *v, PyObject *w);     /* nb_remainder */
PyObject *kr_str_getnewargs(PyObject *self, PyObject *unused);
PyObject *kr_str_sizeof(PyObject *self, PyObject *unused);
/* The iterator type of ASCII strings ("str_ascii_iterator"); the runtime
 * readies it with the other static types. */
extern PyTypeObject kr_str_ascii_iter_type;

/* The _codecs module (codecs_builtin.c); the builtins area registers it. */
extern PyModuleDef kr_codecs_module_def;

/* ---- the hash secret (siphash.c) ---- */
Py_hash_t kr_siphash13(const void *src, Py_ssize_t len);

#endif
