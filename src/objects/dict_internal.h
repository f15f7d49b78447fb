/* dict_internal.h: the inside of a dict, shared by the dict's own files
 * (dictobject.c, dict_views.c) and the fast paths other areas use.
 *
 * Layout: PyDictObject points to one keys block (PyDictKeysObject) holding
 * a hash index of 2**log2_size slots and a dense array of entries in
 * insertion order.  An index slot holds an entry number, KR_DKIX_EMPTY or
 * KR_DKIX_DUMMY (a deleted entry; probing continues past it).  The slot
 * width grows with the table (1, 2, 4 or 8 bytes).  Deleted entries keep
 * their place with key == NULL until the next resize compacts the array.
 * (owned by the containers area) */
#ifndef KR_DICT_INTERNAL_H
#define KR_DICT_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "Python.h"

#define KR_DKIX_EMPTY (-1)
#define KR_DKIX_DUMMY (-2)
#define KR_DKIX_ERROR (-3)
#define KR_DICT_LOG_MINSIZE 3
#define KR_DICT_MINSIZE 8

typedef struct {
    Py_hash_t me_hash;
    PyObject *me_key;      /* NULL for a deleted entry */
    PyObject *me_value;
} kr_dictentry;

struct _dictkeysobject {
    uint8_t dk_log2_size;
    uint8_t dk_log2_index_bytes;
    uint8_t dk_str_only;   /* every key so far is an exact str */
    Py_ssize_t dk_usable;  /* entries that can still be appended */
    Py_ssize_t dk_nentries;/* entries used, deleted ones included */
    char dk_indices[];     /* the index, then the entries */
};

static inline kr_dictentry *
kr_dk_entries(PyDictKeysObject *dk)
{
    return (kr_dictentry *)(dk->dk_indices + ((size_t)1 << dk->dk_log2_index_bytes));
}

/* Changes whenever the dict's keys or any value change; never the same
 * for two different states of one dict.  Cheap: one load. */
static inline uint64_t
kr_dict_version(PyObject *d)
{
    return ((PyDictObject *)d)->ma_version_tag;
}

/* Gives the dict a version tag no state of any dict of the context has
 * had (every change of a key or value does this). */
static inline void
kr_dict_bump_version(PyDictObject *mp)
{
    struct kr_context *ctx = kr_context_get();
    mp->ma_version_tag = ctx ? ++ctx->containers.dict_version : mp->ma_version_tag + 1;
}

/* Looks up an exact str key whose hash is known; borrowed, NULL when
 * absent (no exception: str comparison cannot fail). */
PyObject *kr_dict_lookup_str(PyObject *d, PyObject *key, Py_hash_t hash);

/* Looks up `key` (hash known); returns the entry number, KR_DKIX_EMPTY,
 * or KR_DKIX_ERROR with an exception set.  *value is borrowed. */
Py_ssize_t kr_dict_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value);

/* Inserts or replaces; key and value are borrowed (the dict takes its own
 * references).  Returns 0, or -1 with an exception set. */
int kr_dict_insert(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value);

/* A new, empty dict of exact type dict able to hold `minused` items
 * without resizing. */
PyObject *kr_dict_new_presized(Py_ssize_t minused);

/* A new iterator of one of the six dict iterator types over `dict`. */
PyObject *kr_dictiter_new(PyDictObject *dict, PyTypeObject *itertype);

/* The hash of `key`, using the cached hash of an exact str. */
static inline Py_hash_t
kr_dict_hash(PyObject *key)
{
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t h = _PyASCIIObject_CAST(key)->hash;
        if (h != -1)
            return h;
    }
    return PyObject_Hash(key);
}

#endif
