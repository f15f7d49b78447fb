/* dictobject.c: the dict type, its iterators and the PyDict_* API.
 *
 * The table (dict_internal.h) is a compact, insertion-ordered hash table:
 * a small index array probed with open addressing (the same perturbed
 * probe sequence as CPython, so collisions behave alike) and a dense entry
 * array that gives the iteration order.  Tables whose keys are all exact
 * strs take a comparison fast path with no calls into Python.
 * Every change of keys or values takes a fresh version tag from the
 * context, which the VM's global and attribute caches check.
 * Views (dict_keys, dict_values, dict_items) are in dict_views.c.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "objects/dict_internal.h"

#define KR_PERTURB_SHIFT 5
#define KR_USABLE_FRACTION(n) (((n) << 1) / 3)
#define KR_GROWTH_RATE(d) ((d)->ma_used * 3)

/* The shared empty table: every slot empty and nothing usable, so the
 * first insertion replaces it and it is never written.  Its layout mirrors
 * struct _dictkeysobject with 8 one-byte slots and no entries. */
static const struct {
    uint8_t dk_log2_size;
    uint8_t dk_log2_index_bytes;
    uint8_t dk_str_only;
    Py_ssize_t dk_usable;
    Py_ssize_t dk_nentries;
    int8_t dk_indices[8];
} kr_empty_keys_struct = {
    KR_DICT_LOG_MINSIZE, KR_DICT_LOG_MINSIZE, 1, 0, 0,
    {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define KR_EMPTY_KEYS ((PyDictKeysObject *)&kr_empty_keys_struct)

/* ---- the index ---- */

static inline Py_ssize_t
kr_dk_get_index(PyDictKeysObject *dk, size_t i)
{
    uint8_t log2 = dk->dk_log2_size;
    if (log2 < 8)
        return ((const int8_t *)dk->dk_indices)[i];
    if (log2 < 16)
        return ((const int16_t *)dk->dk_indices)[i];
    if (log2 < 32)
        return ((const int32_t *)dk->dk_indices)[i];
    return (Py_ssize_t)((const int64_t *)dk->dk_indices)[i];
}

static inline void
kr_dk_set_index(PyDictKeysObject *dk, size_t i, Py_ssize_t ix)
{
    uint8_t log2 = dk->dk_log2_size;
    if (log2 < 8)
        ((int8_t *)dk->dk_indices)[i] = (int8_t)ix;
    else if (log2 < 16)
        ((int16_t *)dk->dk_indices)[i] = (int16_t)ix;
    else if (log2 < 32)
        ((int32_t *)dk->dk_indices)[i] = (int32_t)ix;
    else
        ((int64_t *)dk->dk_indices)[i] = (int64_t)ix;
}

/* log2 of the smallest table size, at least 8, above minsize */
static uint8_t
kr_log2_keysize(Py_ssize_t minsize)
{
    uint8_t log2 = KR_DICT_LOG_MINSIZE;
    while (((Py_ssize_t)1 << log2) < minsize)
        log2++;
    return log2;
}

/* log2 of the table size that holds `n` items without resizing */
static uint8_t
kr_log2_for_items(Py_ssize_t n)
{
    return kr_log2_keysize((n * 3 + 1) / 2);
}

static PyDictKeysObject *
kr_new_keys(uint8_t log2_size, int str_only)
{
    uint8_t log2_bytes;
    if (log2_size < 8)
        log2_bytes = log2_size;
    else if (log2_size < 16)
        log2_bytes = log2_size + 1;
    else if (log2_size < 32)
        log2_bytes = log2_size + 2;
    else
        log2_bytes = log2_size + 3;
    Py_ssize_t usable = KR_USABLE_FRACTION((Py_ssize_t)1 << log2_size);
    PyDictKeysObject *dk = NULL;
    struct kr_context *ctx = kr_context_get();
    if (log2_size == KR_DICT_LOG_MINSIZE && ctx != NULL && ctx->containers.dictkeys_numfree > 0) {
        dk = (PyDictKeysObject *)ctx->containers.dictkeys_free[--ctx->containers.dictkeys_numfree];
    }
    else {
        if (log2_size >= 8 * sizeof(Py_ssize_t) - 4) {
            PyErr_NoMemory();
            return NULL;
        }
        dk = (PyDictKeysObject *)PyMem_Malloc(sizeof(PyDictKeysObject) + ((size_t)1 << log2_bytes) +
                                              sizeof(kr_dictentry) * (size_t)usable);
        if (dk == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    dk->dk_log2_size = log2_size;
    dk->dk_log2_index_bytes = log2_bytes;
    dk->dk_str_only = (uint8_t)str_only;
    dk->dk_usable = usable;
    dk->dk_nentries = 0;
    if (log2_bytes == KR_DICT_LOG_MINSIZE)
        memset(dk->dk_indices, 0xff, KR_DICT_MINSIZE);   /* one store, not a call */
    else
        memset(dk->dk_indices, 0xff, (size_t)1 << log2_bytes);
    return dk;
}

/* Frees a table whose entries hold no references any more. */
static void
kr_free_keys_block(PyDictKeysObject *dk)
{
    if (dk == KR_EMPTY_KEYS)
        return;
    struct kr_context *ctx = kr_context_get();
    if (dk->dk_log2_size == KR_DICT_LOG_MINSIZE && ctx != NULL &&
        ctx->containers.dictkeys_numfree < KR_DICT_MAXFREELIST) {
        ctx->containers.dictkeys_free[ctx->containers.dictkeys_numfree++] = dk;
        return;
    }
    PyMem_Free(dk);
}

/* Drops the references of every entry, then frees the table. */
static void
kr_free_keys(PyDictKeysObject *dk)
{
    if (dk == KR_EMPTY_KEYS)
        return;
    kr_dictentry *ep = kr_dk_entries(dk);
    for (Py_ssize_t i = 0, n = dk->dk_nentries; i < n; i++) {
        Py_XDECREF(ep[i].me_key);
        Py_XDECREF(ep[i].me_value);
    }
    kr_free_keys_block(dk);
}

/* The index slot that holds entry `ix` (known present). */
static size_t
kr_lookup_index_slot(PyDictKeysObject *dk, Py_hash_t hash, Py_ssize_t ix)
{
    size_t mask = ((size_t)1 << dk->dk_log2_size) - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t t = kr_dk_get_index(dk, i);
        if (t == ix)
            return i;
        kr_assert(t != KR_DKIX_EMPTY);
        perturb >>= KR_PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* The first free (empty or dummy) index slot on hash's probe path. */
static size_t
kr_find_empty_slot(PyDictKeysObject *dk, Py_hash_t hash)
{
    size_t mask = ((size_t)1 << dk->dk_log2_size) - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (kr_dk_get_index(dk, i) >= 0) {
        perturb >>= KR_PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
    return i;
}

/* The probe loop of kr_lookup_str_table; `narrow` (a constant at each
 * use) says the index has one-byte entries, which is every table of
 * fewer than 128 slots: the loop then reads them without kr_dk_get_index's
 * width test. */
static Py_ALWAYS_INLINE inline Py_ssize_t
kr_lookup_str_probe(PyDictKeysObject *dk, PyObject *key, Py_hash_t hash, int narrow)
{
    kr_dictentry *ep0 = kr_dk_entries(dk);
    size_t mask = ((size_t)1 << dk->dk_log2_size) - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = narrow ? ((const int8_t *)dk->dk_indices)[i] : kr_dk_get_index(dk, i);
        if (ix >= 0) {
            kr_dictentry *ep = &ep0[ix];
            if (ep->me_key == key ||
                (ep->me_hash == hash && ep->me_key != NULL && _PyUnicode_EQ(ep->me_key, key)))
                return ix;
        }
        else if (ix == KR_DKIX_EMPTY) {
            return KR_DKIX_EMPTY;
        }
        perturb >>= KR_PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* Lookup in a table of exact-str keys by an exact str: identity, then
 * hash and content; no Python code runs.  Inline: it is the look-up of
 * every attribute, global and keyword. */
static Py_ALWAYS_INLINE inline Py_ssize_t
kr_lookup_str_table(PyDictKeysObject *dk, PyObject *key, Py_hash_t hash)
{
    if (dk->dk_log2_size < 8)
        return kr_lookup_str_probe(dk, key, hash, 1);
    return kr_lookup_str_probe(dk, key, hash, 0);
}

Py_ssize_t
kr_dict_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value)
{
top:;
    PyDictKeysObject *dk = mp->ma_keys;
    if (dk->dk_str_only && PyUnicode_CheckExact(key)) {
        Py_ssize_t ix = kr_lookup_str_table(dk, key, hash);
        *value = ix >= 0 ? kr_dk_entries(dk)[ix].me_value : NULL;
        return ix;
    }
    kr_dictentry *ep0 = kr_dk_entries(dk);
    size_t mask = ((size_t)1 << dk->dk_log2_size) - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = kr_dk_get_index(dk, i);
        if (ix == KR_DKIX_EMPTY) {
            *value = NULL;
            return ix;
        }
        if (ix >= 0) {
            kr_dictentry *ep = &ep0[ix];
            PyObject *startkey = ep->me_key;
            if (startkey == key) {
                *value = ep->me_value;
                return ix;
            }
            if (startkey != NULL && ep->me_hash == hash) {
                Py_INCREF(startkey);
                int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0) {
                    *value = NULL;
                    return KR_DKIX_ERROR;
                }
                /* __eq__ may have changed the dict: start over if so */
                if (dk != mp->ma_keys || ep->me_key != startkey)
                    goto top;
                if (cmp > 0) {
                    *value = ep->me_value;
                    return ix;
                }
            }
        }
        perturb >>= KR_PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

PyObject *
kr_dict_lookup_str(PyObject *d, PyObject *key, Py_hash_t hash)
{
    PyDictKeysObject *dk = ((PyDictObject *)d)->ma_keys;
    Py_ssize_t ix;
    if (dk->dk_str_only) {
        ix = kr_lookup_str_table(dk, key, hash);
        return ix >= 0 ? kr_dk_entries(dk)[ix].me_value : NULL;
    }
    PyObject *value;
    ix = kr_dict_lookup((PyDictObject *)d, key, hash, &value);
    if (ix == KR_DKIX_ERROR)
        PyErr_Clear();
    return ix >= 0 ? value : NULL;
}

/* Rebuilds the table with 2**log2_newsize slots, compacting the entries. */
static int
kr_dict_resize(PyDictObject *mp, uint8_t log2_newsize)
{
    PyDictKeysObject *oldkeys = mp->ma_keys;
    PyDictKeysObject *newkeys = kr_new_keys(log2_newsize, oldkeys->dk_str_only);
    if (newkeys == NULL)
        return -1;
    Py_ssize_t numentries = mp->ma_used;
    kr_dictentry *oldentries = kr_dk_entries(oldkeys);
    kr_dictentry *newentries = kr_dk_entries(newkeys);
    if (oldkeys->dk_nentries == numentries) {
        memcpy(newentries, oldentries, (size_t)numentries * sizeof(kr_dictentry));
    }
    else {
        kr_dictentry *ep = oldentries;
        for (Py_ssize_t i = 0; i < numentries; i++) {
            while (ep->me_key == NULL)
                ep++;
            newentries[i] = *ep++;
        }
    }
    size_t mask = ((size_t)1 << log2_newsize) - 1;
    for (Py_ssize_t ix = 0; ix < numentries; ix++) {
        Py_hash_t hash = newentries[ix].me_hash;
        size_t perturb = (size_t)hash;
        size_t i = (size_t)hash & mask;
        while (kr_dk_get_index(newkeys, i) != KR_DKIX_EMPTY) {
            perturb >>= KR_PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        kr_dk_set_index(newkeys, i, ix);
    }
    newkeys->dk_usable -= numentries;
    newkeys->dk_nentries = numentries;
    mp->ma_keys = newkeys;
    /* the references moved: free only the block */
    kr_free_keys_block(oldkeys);
    return 0;
}

static int
kr_dict_grow(PyDictObject *mp)
{
    return kr_dict_resize(mp, kr_log2_keysize(KR_GROWTH_RATE(mp)));
}

int
kr_dict_insert(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyObject *old_value;
    Py_ssize_t ix = kr_dict_lookup(mp, key, hash, &old_value);
    if (ix == KR_DKIX_ERROR)
        return -1;
    if (ix >= 0) {
        kr_dictentry *ep = &kr_dk_entries(mp->ma_keys)[ix];
        if (old_value != value) {
            ep->me_value = Py_NewRef(value);
            kr_dict_bump_version(mp);
            Py_DECREF(old_value);
        }
        return 0;
    }
    PyDictKeysObject *dk = mp->ma_keys;
    if (dk->dk_usable <= 0) {
        if (kr_dict_grow(mp) < 0)
            return -1;
        dk = mp->ma_keys;
    }
    if (dk->dk_str_only && !PyUnicode_CheckExact(key))
        dk->dk_str_only = 0;
    size_t slot = kr_find_empty_slot(dk, hash);
    Py_ssize_t n = dk->dk_nentries;
    kr_dictentry *ep = &kr_dk_entries(dk)[n];
    kr_dk_set_index(dk, slot, n);
    ep->me_key = Py_NewRef(key);
    ep->me_hash = hash;
    ep->me_value = Py_NewRef(value);
    dk->dk_usable--;
    dk->dk_nentries++;
    mp->ma_used++;
    kr_dict_bump_version(mp);
    return 0;
}

/* ---- creation ---- */

static PyObject *
kr_dict_from_keys(PyDictKeysObject *keys)
{
    struct kr_context *ctx = kr_context_get();
    PyDictObject *mp;
    if (ctx != NULL && ctx->containers.dict_numfree > 0) {
        mp = (PyDictObject *)ctx->containers.dict_free[--ctx->containers.dict_numfree];
        Py_SET_REFCNT(mp, 1);
    }
    else {
        mp = PyObject_GC_New(PyDictObject, &PyDict_Type);
        if (mp == NULL) {
            kr_free_keys(keys);
            return NULL;
        }
    }
    mp->ma_keys = keys;
    mp->ma_values = NULL;
    mp->ma_used = 0;
    kr_dict_bump_version(mp);
    PyObject_GC_Track(mp);
    return (PyObject *)mp;
}

PyObject *
PyDict_New(void)
{
    return kr_dict_from_keys(KR_EMPTY_KEYS);
}

PyObject *
kr_dict_new_presized(Py_ssize_t minused)
{
    if (minused <= KR_USABLE_FRACTION(KR_DICT_MINSIZE))
        return PyDict_New();
    /* very large hints are trimmed: the hint may be wrong */
    if (minused > ((Py_ssize_t)1 << 17) * 2 / 3)
        minused = ((Py_ssize_t)1 << 17) * 2 / 3;
    PyDictKeysObject *keys = kr_new_keys(kr_log2_for_items(minused), 1);
    if (keys == NULL)
        return NULL;
    return kr_dict_from_keys(keys);
}

PyObject *
_PyDict_NewPresized(Py_ssize_t minused)
{
    return kr_dict_new_presized(minused);
}

PyObject *
_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset,
                  PyObject *const *values, Py_ssize_t values_offset, Py_ssize_t length)
{
    PyObject *dict = kr_dict_new_presized(length);
    if (dict == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < length; i++) {
        PyObject *key = *keys, *value = *values;
        Py_hash_t hash = kr_dict_hash(key);
        if (hash == -1 || kr_dict_insert((PyDictObject *)dict, key, hash, value) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
        keys += keys_offset;
        values += values_offset;
    }
    return dict;
}

/* The keyword arguments of a vectorcall as a new dict: kwnames[i] ->
 * values[i].  The vectorcall contract makes the names exact strs (their
 * hashes cached, the compiler's interned), so the table is filled in
 * place, presized, with one version tag; a name given twice keeps the
 * last value, as PyDict_SetItem would.  Anything else takes the general
 * insertion. */
PyObject *
_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)
{
    Py_ssize_t n = PyTuple_GET_SIZE(kwnames);
    PyObject *const *names = &PyTuple_GET_ITEM(kwnames, 0);
    for (Py_ssize_t k = 0; k < n; k++)
        if (!PyUnicode_CheckExact(names[k]))
            return _PyDict_FromItems(names, 1, values, 1, n);
    PyDictKeysObject *dk = kr_new_keys(kr_log2_for_items(n), 1);
    if (dk == NULL)
        return NULL;
    kr_dictentry *ep0 = kr_dk_entries(dk);
    size_t mask = ((size_t)1 << dk->dk_log2_size) - 1;
    Py_ssize_t used = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *key = names[k];
        Py_hash_t hash = kr_dict_hash(key);   /* cannot fail for a str */
        size_t perturb = (size_t)hash;
        size_t i = (size_t)hash & mask;
        Py_ssize_t ix;
        while ((ix = kr_dk_get_index(dk, i)) != KR_DKIX_EMPTY) {
            kr_dictentry *ep = &ep0[ix];
            if (ep->me_key == key || (ep->me_hash == hash && _PyUnicode_EQ(ep->me_key, key)))
                break;
            perturb >>= KR_PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        if (ix != KR_DKIX_EMPTY) {
            Py_SETREF(ep0[ix].me_value, Py_NewRef(values[k]));
            continue;
        }
        kr_dk_set_index(dk, i, used);
        ep0[used].me_hash = hash;
        ep0[used].me_key = Py_NewRef(key);
        ep0[used].me_value = Py_NewRef(values[k]);
        used++;
    }
    dk->dk_nentries = used;
    dk->dk_usable -= used;
    PyObject *d = kr_dict_from_keys(dk);
    if (d != NULL)
        ((PyDictObject *)d)->ma_used = used;
    return d;
}

/* ---- the C API ---- */

PyObject *
_PyDict_GetItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *value;
    Py_ssize_t ix = kr_dict_lookup((PyDictObject *)op, key, hash, &value);
    kr_assert(ix >= 0 || value == NULL);
    (void)ix;
    return value;
}

/* Borrowed; NULL with an exception set on error, NULL without one when
 * the key is absent. */
PyObject *
PyDict_GetItemWithError(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return NULL;
    PyObject *value;
    kr_dict_lookup((PyDictObject *)op, key, hash, &value);
    return value;
}

/* Borrowed; hides any error, and keeps an exception that was already set
 * (the historical contract). */
PyObject *
PyDict_GetItem(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op))
        return NULL;
    PyDictObject *mp = (PyDictObject *)op;
    Py_hash_t hash;
    if (!PyUnicode_CheckExact(key) || (hash = _PyASCIIObject_CAST(key)->hash) == -1) {
        hash = PyObject_Hash(key);
        if (hash == -1) {
            PyErr_Clear();
            return NULL;
        }
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *value;
    Py_ssize_t ix = kr_dict_lookup(mp, key, hash, &value);
    if (ix < 0) {
        value = NULL;
        if (ix == KR_DKIX_ERROR)
            PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
    return value;
}

PyObject *
_PyDict_GetItemStringWithError(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL)
        return NULL;
    PyObject *rv = PyDict_GetItemWithError(v, kv);
    Py_DECREF(kv);
    return rv;
}

PyObject *
PyDict_GetItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *rv = PyDict_GetItem(v, kv);
    Py_DECREF(kv);
    return rv;
}

int
_PyDict_SetItem_KnownHash(PyObject *op, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_dict_insert((PyDictObject *)op, key, hash, value);
}

int
PyDict_SetItem(PyObject *op, PyObject *key, PyObject *value)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return -1;
    return kr_dict_insert((PyDictObject *)op, key, hash, value);
}

int
PyDict_SetItemString(PyObject *v, const char *key, PyObject *item)
{
    PyObject *kv = PyUnicode_InternFromString(key);
    if (kv == NULL)
        return -1;
    int err = PyDict_SetItem(v, kv, item);
    Py_DECREF(kv);
    return err;
}

/* Removes entry ix (found for `hash`); hands the old key and value back. */
static void
kr_dict_del_entry(PyDictObject *mp, Py_hash_t hash, Py_ssize_t ix,
                  PyObject **old_key, PyObject **old_value)
{
    PyDictKeysObject *dk = mp->ma_keys;
    size_t slot = kr_lookup_index_slot(dk, hash, ix);
    kr_dk_set_index(dk, slot, KR_DKIX_DUMMY);
    kr_dictentry *ep = &kr_dk_entries(dk)[ix];
    *old_key = ep->me_key;
    *old_value = ep->me_value;
    ep->me_key = NULL;
    ep->me_value = NULL;
    mp->ma_used--;
    kr_dict_bump_version(mp);
}

static void
kr_set_key_error(PyObject *key)
{
    /* a tuple argument, so that a tuple key is not taken for the args */
    PyObject *tup = PyTuple_Pack(1, key);
    if (tup == NULL)
        return;
    PyErr_SetObject(PyExc_KeyError, tup);
    Py_DECREF(tup);
}

int
_PyDict_DelItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyDictObject *mp = (PyDictObject *)op;
    PyObject *value;
    Py_ssize_t ix = kr_dict_lookup(mp, key, hash, &value);
    if (ix == KR_DKIX_ERROR)
        return -1;
    if (ix == KR_DKIX_EMPTY || value == NULL) {
        kr_set_key_error(key);
        return -1;
    }
    PyObject *old_key, *old_value;
    kr_dict_del_entry(mp, hash, ix, &old_key, &old_value);
    Py_DECREF(old_key);
    Py_DECREF(old_value);
    return 0;
}

int
PyDict_DelItem(PyObject *op, PyObject *key)
{
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return -1;
    return _PyDict_DelItem_KnownHash(op, key, hash);
}

int
PyDict_DelItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL)
        return -1;
    int err = PyDict_DelItem(v, kv);
    Py_DECREF(kv);
    return err;
}

void
PyDict_Clear(PyObject *op)
{
    if (!PyDict_Check(op))
        return;
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *oldkeys = mp->ma_keys;
    if (oldkeys == KR_EMPTY_KEYS && mp->ma_used == 0)
        return;
    /* detach first: destructors run by freeing may look at the dict */
    mp->ma_keys = KR_EMPTY_KEYS;
    mp->ma_used = 0;
    kr_dict_bump_version(mp);
    kr_free_keys(oldkeys);
}

int
_PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue, Py_hash_t *phash)
{
    if (!PyDict_Check(op))
        return 0;
    PyDictKeysObject *dk = ((PyDictObject *)op)->ma_keys;
    Py_ssize_t i = *ppos, n = dk->dk_nentries;
    if (i < 0)
        return 0;
    kr_dictentry *ep = kr_dk_entries(dk);
    while (i < n && ep[i].me_value == NULL)
        i++;
    if (i >= n)
        return 0;
    *ppos = i + 1;
    if (pkey)
        *pkey = ep[i].me_key;
    if (pvalue)
        *pvalue = ep[i].me_value;
    if (phash)
        *phash = ep[i].me_hash;
    return 1;
}

int
PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue)
{
    return _PyDict_Next(op, ppos, pkey, pvalue, NULL);
}

Py_ssize_t
PyDict_Size(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ((PyDictObject *)mp)->ma_used;
}

/* which: 0 keys, 1 values, 2 items */
static PyObject *
kr_dict_to_list(PyDictObject *mp, int which)
{
    for (;;) {
        Py_ssize_t n = mp->ma_used;
        PyObject *v = PyList_New(n);
        if (v == NULL)
            return NULL;
        /* allocating the list (or item tuples) can run the GC, which can
         * change the dict: start over if it did */
        if (n != mp->ma_used) {
            Py_DECREF(v);
            continue;
        }
        PyDictKeysObject *dk = mp->ma_keys;
        kr_dictentry *ep = kr_dk_entries(dk);
        Py_ssize_t j = 0;
        for (Py_ssize_t i = 0; i < dk->dk_nentries && j < n; i++) {
            if (ep[i].me_value == NULL)
                continue;
            PyObject *x;
            if (which == 0)
                x = Py_NewRef(ep[i].me_key);
            else if (which == 1)
                x = Py_NewRef(ep[i].me_value);
            else {
                x = PyTuple_Pack(2, ep[i].me_key, ep[i].me_value);
                if (x == NULL) {
                    Py_DECREF(v);
                    return NULL;
                }
            }
            PyList_SET_ITEM(v, j, x);
            j++;
        }
        return v;
    }
}

PyObject *
PyDict_Keys(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_dict_to_list((PyDictObject *)mp, 0);
}

PyObject *
PyDict_Values(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_dict_to_list((PyDictObject *)mp, 1);
}

PyObject *
PyDict_Items(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_dict_to_list((PyDictObject *)mp, 2);
}

PyObject *
PyDict_Copy(PyObject *o)
{
    if (o == NULL || !PyDict_Check(o)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyDictObject *mp = (PyDictObject *)o;
    if (mp->ma_used == 0)
        return PyDict_New();
    PyObject *copy = kr_dict_new_presized(mp->ma_used);
    if (copy == NULL)
        return NULL;
    PyDictKeysObject *dk = mp->ma_keys;
    kr_dictentry *ep = kr_dk_entries(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].me_value == NULL)
            continue;
        if (kr_dict_insert((PyDictObject *)copy, ep[i].me_key, ep[i].me_hash, ep[i].me_value) < 0) {
            Py_DECREF(copy);
            return NULL;
        }
        /* str keys never run code, but other keys' __eq__ cannot be
         * reached here either: the copy's keys are all distinct */
        dk = mp->ma_keys;
        ep = kr_dk_entries(dk);
    }
    return copy;
}

int
_PyDict_Contains_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *value;
    Py_ssize_t ix = kr_dict_lookup((PyDictObject *)op, key, hash, &value);
    if (ix == KR_DKIX_ERROR)
        return -1;
    return ix != KR_DKIX_EMPTY && value != NULL;
}

int
PyDict_Contains(PyObject *op, PyObject *key)
{
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return -1;
    return _PyDict_Contains_KnownHash(op, key, hash);
}

/* Borrowed reference to the value now stored under key. */
static PyObject *
kr_dict_setdefault_ref(PyDictObject *mp, PyObject *key, PyObject *defaultobj)
{
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return NULL;
    PyObject *value;
    Py_ssize_t ix = kr_dict_lookup(mp, key, hash, &value);
    if (ix == KR_DKIX_ERROR)
        return NULL;
    if (ix >= 0 && value != NULL)
        return value;
    if (kr_dict_insert(mp, key, hash, defaultobj) < 0)
        return NULL;
    return defaultobj;
}

PyObject *
PyDict_SetDefault(PyObject *d, PyObject *key, PyObject *defaultobj)
{
    if (!PyDict_Check(d)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_dict_setdefault_ref((PyDictObject *)d, key, defaultobj);
}

/* Removes key and returns its value (new reference); when absent, returns
 * a new reference to deflt, or raises KeyError if deflt is NULL. */
static PyObject *
kr_dict_pop_known_hash(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *deflt)
{
    if (mp->ma_used == 0) {
        if (deflt)
            return Py_NewRef(deflt);
        kr_set_key_error(key);
        return NULL;
    }
    PyObject *value;
    Py_ssize_t ix = kr_dict_lookup(mp, key, hash, &value);
    if (ix == KR_DKIX_ERROR)
        return NULL;
    if (ix == KR_DKIX_EMPTY || value == NULL) {
        if (deflt)
            return Py_NewRef(deflt);
        kr_set_key_error(key);
        return NULL;
    }
    PyObject *old_key, *old_value;
    kr_dict_del_entry(mp, hash, ix, &old_key, &old_value);
    Py_DECREF(old_key);
    return old_value;
}

PyObject *
_PyDict_Pop(PyObject *dict, PyObject *key, PyObject *deflt)
{
    /* an empty dict answers before hashing: {}.pop([]) is a KeyError */
    if (((PyDictObject *)dict)->ma_used == 0) {
        if (deflt)
            return Py_NewRef(deflt);
        kr_set_key_error(key);
        return NULL;
    }
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return NULL;
    return kr_dict_pop_known_hash((PyDictObject *)dict, key, hash, deflt);
}

/* Whether every key is a str (keyword-argument dicts must be so). */
int
_PyDict_HasOnlyStringKeys(PyObject *dict)
{
    if (!PyDict_Check(dict))
        return 0;
    PyDictKeysObject *dk = ((PyDictObject *)dict)->ma_keys;
    if (dk->dk_str_only)
        return 1;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key))
            return 0;
    }
    return 1;
}

/* CPython untracks dicts of atomic contents; Krait keeps every dict
 * tracked (insertion would otherwise have to re-track on the hot path),
 * so this is a no-op kept for API compatibility. */
void
_PyDict_MaybeUntrack(PyObject *op)
{
}

/* ---- merging ---- */

/* override: 0 keep existing keys, 1 replace them, 2 raise KeyError on a
 * duplicate (for f(**a, **b)). */
static int
kr_dict_merge(PyObject *a, PyObject *b, int override)
{
    if (a == NULL || !PyDict_Check(a) || b == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyDictObject *mp = (PyDictObject *)a;
    if (PyDict_Check(b) && Py_TYPE(b)->tp_iter == PyDict_Type.tp_iter) {
        PyDictObject *other = (PyDictObject *)b;
        if (other == mp || other->ma_used == 0)
            return 0;
        /* one resize up front instead of several */
        if (mp->ma_keys->dk_usable < other->ma_used) {
            if (kr_dict_resize(mp, kr_log2_for_items(mp->ma_used + other->ma_used)) < 0)
                return -1;
        }
        PyDictKeysObject *dk = other->ma_keys;
        Py_ssize_t n = dk->dk_nentries;
        Py_ssize_t orig_used = other->ma_used;
        for (Py_ssize_t i = 0; i < n; i++) {
            kr_dictentry *entry = &kr_dk_entries(dk)[i];
            if (entry->me_value == NULL)
                continue;
            PyObject *key = Py_NewRef(entry->me_key);
            PyObject *value = Py_NewRef(entry->me_value);
            Py_hash_t hash = entry->me_hash;
            int err = 0;
            if (override == 1) {
                err = kr_dict_insert(mp, key, hash, value);
            }
            else {
                int present = _PyDict_Contains_KnownHash(a, key, hash);
                if (present < 0)
                    err = -1;
                else if (!present)
                    err = kr_dict_insert(mp, key, hash, value);
                else if (override == 2) {
                    kr_set_key_error(key);
                    err = -1;
                }
            }
            Py_DECREF(value);
            Py_DECREF(key);
            if (err < 0)
                return -1;
            if (dk != other->ma_keys || n != dk->dk_nentries || orig_used != other->ma_used) {
                PyErr_SetString(PyExc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* any mapping: keys() then b[key] */
    PyObject *keys = PyMapping_Keys(b);
    if (keys == NULL)
        return -1;
    PyObject *iter = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (iter == NULL)
        return -1;
    PyObject *key;
    while ((key = PyIter_Next(iter)) != NULL) {
        if (override != 1) {
            int present = PyDict_Contains(a, key);
            if (present != 0) {
                if (present > 0) {
                    if (override == 0) {
                        Py_DECREF(key);
                        continue;
                    }
                    kr_set_key_error(key);
                }
                Py_DECREF(key);
                Py_DECREF(iter);
                return -1;
            }
        }
        PyObject *value = PyObject_GetItem(b, key);
        if (value == NULL) {
            Py_DECREF(iter);
            Py_DECREF(key);
            return -1;
        }
        int status = PyDict_SetItem(a, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        return -1;
    return 0;
}

int
PyDict_Update(PyObject *a, PyObject *b)
{
    return kr_dict_merge(a, b, 1);
}

int
PyDict_Merge(PyObject *a, PyObject *b, int override)
{
    return kr_dict_merge(a, b, override != 0);
}

int
_PyDict_MergeEx(PyObject *a, PyObject *b, int override)
{
    return kr_dict_merge(a, b, override);
}

int
PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override)
{
    if (d == NULL || !PyDict_Check(d) || seq2 == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *it = PyObject_GetIter(seq2);
    if (it == NULL)
        return -1;
    Py_ssize_t i;
    PyObject *item = NULL, *fast = NULL;
    for (i = 0;; ++i) {
        item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto fail;
            break;
        }
        fast = PySequence_Fast(item, "");
        if (fast == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError,
                             "cannot convert dictionary update sequence element #%zd to a sequence",
                             i);
            }
            goto fail;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
        if (n != 2) {
            PyErr_Format(PyExc_ValueError,
                         "dictionary update sequence element #%zd has length %zd; 2 is required",
                         i, n);
            goto fail;
        }
        PyObject *key = PySequence_Fast_ITEMS(fast)[0];
        PyObject *value = PySequence_Fast_ITEMS(fast)[1];
        Py_INCREF(key);
        Py_INCREF(value);
        int status = 0;
        if (override) {
            status = PyDict_SetItem(d, key, value);
        }
        else {
            status = PyDict_Contains(d, key);
            if (status == 0)
                status = PyDict_SetItem(d, key, value);
            else if (status > 0)
                status = 0;
        }
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0)
            goto fail;
        Py_CLEAR(fast);
        Py_CLEAR(item);
    }
    Py_DECREF(it);
    return 0;
fail:
    Py_XDECREF(item);
    Py_XDECREF(fast);
    Py_DECREF(it);
    return -1;
}

/* dict.update / dict() with one positional argument: a dict, anything
 * with keys(), or an iterable of pairs. */
static int
kr_dict_update_arg(PyObject *self, PyObject *arg)
{
    if (PyDict_CheckExact(arg))
        return PyDict_Merge(self, arg, 1);
    PyObject *name = PyUnicode_InternFromString("keys");
    if (name == NULL)
        return -1;
    PyObject *func;
    int r = _PyObject_LookupAttr(arg, name, &func);
    Py_DECREF(name);
    if (r < 0)
        return -1;
    if (func != NULL) {
        Py_DECREF(func);
        return PyDict_Merge(self, arg, 1);
    }
    return PyDict_MergeFromSeq2(self, arg, 1);
}

static int
kr_dict_update_common(PyObject *self, PyObject *args, PyObject *kwds, const char *name)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!KR_CHECK_NARGS(name, nargs, 0, 1))
        return -1;
    if (nargs == 1 && kr_dict_update_arg(self, PyTuple_GET_ITEM(args, 0)) < 0)
        return -1;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        if (PyArg_ValidateKeywordArguments(kwds) == 0)
            return -1;
        return PyDict_Merge(self, kwds, 1);
    }
    return 0;
}

/* ---- type slots ---- */

/* Drops the reference in *slot if its object outlives it (1), or leaves
 * it and returns 0 when this would destroy the object. */
static inline int
kr_release_if_survives(PyObject **slot)
{
    PyObject *o = *slot;
    if (o != NULL && !_Py_IsImmortal(o)) {
        if (Py_REFCNT(o) == 1)
            return 0;
        Py_SET_REFCNT(o, Py_REFCNT(o) - 1);
    }
    *slot = NULL;
    return 1;
}

/* Back to the free list, or to the allocator. */
static inline void
kr_dict_free(PyDictObject *mp)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx != NULL && ctx->containers.dict_numfree < KR_DICT_MAXFREELIST &&
        Py_IS_TYPE(mp, &PyDict_Type)) {
        ctx->containers.dict_free[ctx->containers.dict_numfree++] = (PyObject *)mp;
    }
    else {
        Py_TYPE(mp)->tp_free((PyObject *)mp);
    }
}

/* As for tuples (tupleobject.c): the trashcan bounds the recursion of
 * destroying nested containers, so a dict whose keys and values all
 * outlive it (a call's keyword arguments, nearly always) is released
 * without it, in the usual order (each entry's key, then its value).  At
 * the first reference that would die, the rest goes through the trashcan;
 * what was released before is cleared, so that a deferred destruction
 * does not release it twice. */
static void
kr_dict_dealloc(PyDictObject *mp)
{
    PyObject_GC_UnTrack(mp);
    PyDictKeysObject *keys = mp->ma_keys;
    if (keys != NULL) {
        kr_dictentry *ep = kr_dk_entries(keys);
        Py_ssize_t i = 0, n = keys->dk_nentries;
        while (i < n && kr_release_if_survives(&ep[i].me_key) &&
               kr_release_if_survives(&ep[i].me_value))
            i++;
        if (i < n)
            goto with_trashcan;
        kr_free_keys_block(keys);
    }
    kr_dict_free(mp);
    return;
with_trashcan:
    Py_TRASHCAN_BEGIN(mp, kr_dict_dealloc)
    kr_free_keys(keys);
    kr_dict_free(mp);
    Py_TRASHCAN_END
}

void
kr_dict_clear_freelist(void)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL)
        return;
    while (ctx->containers.dict_numfree > 0)
        PyObject_GC_Del(ctx->containers.dict_free[--ctx->containers.dict_numfree]);
    while (ctx->containers.dictkeys_numfree > 0)
        PyMem_Free(ctx->containers.dictkeys_free[--ctx->containers.dictkeys_numfree]);
}

static PyObject *
kr_dict_repr(PyDictObject *mp)
{
    if (mp->ma_used == 0)
        return PyUnicode_FromString("{}");
    int rc = Py_ReprEnter((PyObject *)mp);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("{...}") : NULL;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 4 + (2 + 4) * (mp->ma_used - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '{') < 0)
        goto error;
    /* reprs can change the dict: walk with PyDict_Next's position */
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    int first = 1;
    while (PyDict_Next((PyObject *)mp, &pos, &key, &value)) {
        Py_INCREF(key);
        Py_INCREF(value);
        if (!first && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto item_error;
        first = 0;
        PyObject *s = PyObject_Repr(key);
        if (s == NULL)
            goto item_error;
        int res = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (res < 0 || _PyUnicodeWriter_WriteASCIIString(&writer, ": ", 2) < 0)
            goto item_error;
        s = PyObject_Repr(value);
        if (s == NULL)
            goto item_error;
        res = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (res < 0)
            goto item_error;
        Py_DECREF(key);
        Py_DECREF(value);
        continue;
    item_error:
        Py_DECREF(key);
        Py_DECREF(value);
        goto error;
    }
    writer.overallocate = 0;
    if (_PyUnicodeWriter_WriteChar(&writer, '}') < 0)
        goto error;
    Py_ReprLeave((PyObject *)mp);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_ReprLeave((PyObject *)mp);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static Py_ssize_t
kr_dict_length(PyDictObject *mp)
{
    return mp->ma_used;
}

static PyObject *
kr_dict_subscript(PyDictObject *mp, PyObject *key)
{
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return NULL;
    PyObject *value;
    Py_ssize_t ix = kr_dict_lookup(mp, key, hash, &value);
    if (ix == KR_DKIX_ERROR)
        return NULL;
    if (ix == KR_DKIX_EMPTY || value == NULL) {
        if (!PyDict_CheckExact(mp)) {
            PyObject *name = PyUnicode_InternFromString("__missing__");
            if (name == NULL)
                return NULL;
            PyObject *missing = _PyObject_LookupSpecial((PyObject *)mp, name);
            Py_DECREF(name);
            if (missing != NULL) {
                PyObject *res = PyObject_CallOneArg(missing, key);
                Py_DECREF(missing);
                return res;
            }
            if (PyErr_Occurred())
                return NULL;
        }
        kr_set_key_error(key);
        return NULL;
    }
    return Py_NewRef(value);
}

static int
kr_dict_ass_sub(PyDictObject *mp, PyObject *v, PyObject *w)
{
    if (w == NULL)
        return PyDict_DelItem((PyObject *)mp, v);
    return PyDict_SetItem((PyObject *)mp, v, w);
}

static int
kr_dict_contains(PyDictObject *mp, PyObject *key)
{
    return PyDict_Contains((PyObject *)mp, key);
}

/* a == b for two dicts: same size, and every key of a maps to an equal
 * value in b.  Returns 1, 0 or -1. */
static int
kr_dict_equal(PyDictObject *a, PyDictObject *b)
{
    if (a->ma_used != b->ma_used)
        return 0;
    for (Py_ssize_t i = 0; i < a->ma_keys->dk_nentries; i++) {
        kr_dictentry *ep = &kr_dk_entries(a->ma_keys)[i];
        PyObject *aval = ep->me_value;
        if (aval == NULL)
            continue;
        PyObject *key = Py_NewRef(ep->me_key);
        Py_INCREF(aval);
        PyObject *bval;
        Py_ssize_t ix = kr_dict_lookup(b, key, ep->me_hash, &bval);
        if (ix == KR_DKIX_ERROR) {
            Py_DECREF(key);
            Py_DECREF(aval);
            return -1;
        }
        if (bval == NULL) {
            Py_DECREF(key);
            Py_DECREF(aval);
            return 0;
        }
        Py_INCREF(bval);
        int cmp = PyObject_RichCompareBool(aval, bval, Py_EQ);
        Py_DECREF(key);
        Py_DECREF(aval);
        Py_DECREF(bval);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static PyObject *
kr_dict_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyDict_Check(v) || !PyDict_Check(w) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    int cmp = kr_dict_equal((PyDictObject *)v, (PyDictObject *)w);
    if (cmp < 0)
        return NULL;
    return Py_NewRef((cmp == (op == Py_EQ)) ? Py_True : Py_False);
}

static int
kr_dict_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyDictKeysObject *dk = ((PyDictObject *)op)->ma_keys;
    kr_dictentry *ep = kr_dk_entries(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            Py_VISIT(ep[i].me_value);
            Py_VISIT(ep[i].me_key);
        }
    }
    return 0;
}

static int
kr_dict_tp_clear(PyObject *op)
{
    PyDict_Clear(op);
    return 0;
}

static PyObject *
kr_dict_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyDictObject *d = (PyDictObject *)type->tp_alloc(type, 0);
    if (d == NULL)
        return NULL;
    d->ma_used = 0;
    d->ma_values = NULL;
    d->ma_keys = KR_EMPTY_KEYS;
    kr_dict_bump_version(d);
    return (PyObject *)d;
}

static int
kr_dict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return kr_dict_update_common(self, args, kwds, "dict");
}

static PyObject *
kr_dict_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!KR_CHECK_NARGS("dict", nargs, 0, 1))
        return NULL;
    PyObject *self = kr_dict_new((PyTypeObject *)type, NULL, NULL);
    if (self == NULL)
        return NULL;
    if (nargs == 1 && kr_dict_update_arg(self, args[0]) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    if (kwnames != NULL) {
        args += nargs;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(self, PyTuple_GET_ITEM(kwnames, i), args[i]) < 0) {
                Py_DECREF(self);
                return NULL;
            }
        }
    }
    return self;
}

static PyObject *kr_dict_iter(PyDictObject *dict);

/* ---- methods ---- */

static PyObject *
kr_dict_contains_meth(PyDictObject *self, PyObject *key)
{
    int r = PyDict_Contains((PyObject *)self, key);
    if (r < 0)
        return NULL;
    return Py_NewRef(r ? Py_True : Py_False);
}

static PyObject *
kr_dict_get(PyDictObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!KR_CHECK_NARGS("get", nargs, 1, 2))
        return NULL;
    PyObject *key = args[0];
    PyObject *deflt = nargs > 1 ? args[1] : Py_None;
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return NULL;
    PyObject *val;
    Py_ssize_t ix = kr_dict_lookup(self, key, hash, &val);
    if (ix == KR_DKIX_ERROR)
        return NULL;
    if (ix == KR_DKIX_EMPTY || val == NULL)
        val = deflt;
    return Py_NewRef(val);
}

static PyObject *
kr_dict_setdefault(PyDictObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!KR_CHECK_NARGS("setdefault", nargs, 1, 2))
        return NULL;
    PyObject *val = kr_dict_setdefault_ref(self, args[0], nargs > 1 ? args[1] : Py_None);
    return Py_XNewRef(val);
}

static PyObject *
kr_dict_pop(PyDictObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!KR_CHECK_NARGS("pop", nargs, 1, 2))
        return NULL;
    return _PyDict_Pop((PyObject *)self, args[0], nargs > 1 ? args[1] : NULL);
}

static PyObject *
kr_dict_popitem(PyDictObject *self, PyObject *unused)
{
    /* allocate the result first: nothing may fail after the removal */
    PyObject *res = PyTuple_New(2);
    if (res == NULL)
        return NULL;
    if (self->ma_used == 0) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    PyDictKeysObject *dk = self->ma_keys;
    kr_dictentry *ep0 = kr_dk_entries(dk);
    Py_ssize_t i = dk->dk_nentries - 1;
    while (i >= 0 && ep0[i].me_value == NULL)
        i--;
    kr_assert(i >= 0);
    PyObject *key, *value;
    kr_dict_del_entry(self, ep0[i].me_hash, i, &key, &value);
    PyTuple_SET_ITEM(res, 0, key);
    PyTuple_SET_ITEM(res, 1, value);
    /* the entry is gone for good; dk_usable stays as it is, so that the
     * dummy index slots left behind are bounded and a resize clears them */
    dk->dk_nentries = i;
    return res;
}

static PyObject *
kr_dict_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kr_dict_update_common(self, args, kwds, "update") < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
kr_dict_fromkeys(PyTypeObject *type, PyObject *const *args, Py_ssize_t nargs)
{
    if (!KR_CHECK_NARGS("fromkeys", nargs, 1, 2))
        return NULL;
    PyObject *iterable = args[0];
    PyObject *value = nargs > 1 ? args[1] : Py_None;
    PyObject *d = PyObject_CallNoArgs((PyObject *)type);
    if (d == NULL)
        return NULL;
    if (PyDict_CheckExact(d)) {
        PyDictObject *mp = (PyDictObject *)d;
        if (PyDict_CheckExact(iterable)) {
            PyDictObject *src = (PyDictObject *)iterable;
            if (kr_dict_resize(mp, kr_log2_for_items(src->ma_used)) < 0)
                goto fail;
            Py_ssize_t pos = 0;
            PyObject *key;
            Py_hash_t hash;
            while (_PyDict_Next(iterable, &pos, &key, NULL, &hash)) {
                if (kr_dict_insert(mp, key, hash, value) < 0)
                    goto fail;
            }
            return d;
        }
        if (PyAnySet_CheckExact(iterable)) {
            if (kr_dict_resize(mp, kr_log2_for_items(PySet_GET_SIZE(iterable))) < 0)
                goto fail;
            Py_ssize_t pos = 0;
            PyObject *key;
            Py_hash_t hash;
            while (_PySet_NextEntry(iterable, &pos, &key, &hash)) {
                if (kr_dict_insert(mp, key, hash, value) < 0)
                    goto fail;
            }
            return d;
        }
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        goto fail;
    PyObject *key;
    if (PyDict_CheckExact(d)) {
        while ((key = PyIter_Next(it)) != NULL) {
            int status = PyDict_SetItem(d, key, value);
            Py_DECREF(key);
            if (status < 0) {
                Py_DECREF(it);
                goto fail;
            }
        }
    }
    else {
        while ((key = PyIter_Next(it)) != NULL) {
            int status = PyObject_SetItem(d, key, value);
            Py_DECREF(key);
            if (status < 0) {
                Py_DECREF(it);
                goto fail;
            }
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        goto fail;
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

static PyObject *
kr_dict_clear_meth(PyDictObject *mp, PyObject *unused)
{
    PyDict_Clear((PyObject *)mp);
    Py_RETURN_NONE;
}

static PyObject *
kr_dict_copy_meth(PyDictObject *mp, PyObject *unused)
{
    return PyDict_Copy((PyObject *)mp);
}

static PyObject *
kr_dict_sizeof(PyDictObject *mp, PyObject *unused)
{
    /* sized as CPython 3.11 would size the same table */
    size_t res = 48;
    PyDictKeysObject *dk = mp->ma_keys;
    if (dk != KR_EMPTY_KEYS) {
        size_t entry = dk->dk_str_only ? 16 : 24;
        res += 32 + ((size_t)1 << dk->dk_log2_index_bytes) +
               entry * (size_t)KR_USABLE_FRACTION((Py_ssize_t)1 << dk->dk_log2_size);
    }
    return PyLong_FromSize_t(res);
}

static PyObject *
kr_dict_or(PyObject *self, PyObject *other)
{
    if (!PyDict_Check(self) || !PyDict_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *new = PyDict_Copy(self);
    if (new == NULL)
        return NULL;
    if (PyDict_Update(new, other) < 0) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyObject *
kr_dict_ior(PyObject *self, PyObject *other)
{
    if (kr_dict_update_arg(self, other) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *
kr_dict_class_getitem(PyObject *cls, PyObject *args)
{
    return Py_GenericAlias(cls, args);
}

/* views live in dict_views.c */
PyObject *kr_dict_keys_meth(PyObject *self, PyObject *unused);
PyObject *kr_dict_values_meth(PyObject *self, PyObject *unused);
PyObject *kr_dict_items_meth(PyObject *self, PyObject *unused);
static PyObject *kr_dict_reversed(PyDictObject *self, PyObject *unused);

static PyMethodDef kr_dict_methods[] = {
    {"__contains__", (PyCFunction)kr_dict_contains_meth, METH_O | METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", (PyCFunction)kr_dict_subscript, METH_O | METH_COEXIST,
     "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", (PyCFunction)kr_dict_sizeof, METH_NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", _PyCFunction_CAST(kr_dict_get), METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", _PyCFunction_CAST(kr_dict_setdefault), METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", _PyCFunction_CAST(kr_dict_pop), METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"popitem", (PyCFunction)kr_dict_popitem, METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", kr_dict_keys_meth, METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", kr_dict_items_meth, METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"values", kr_dict_values_meth, METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"update", _PyCFunction_CAST(kr_dict_update), METH_VARARGS | METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n"
     "If E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\n"
     "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
     "In either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", _PyCFunction_CAST(kr_dict_fromkeys), METH_FASTCALL | METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", (PyCFunction)kr_dict_clear_meth, METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", (PyCFunction)kr_dict_copy_meth, METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", (PyCFunction)kr_dict_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", kr_dict_class_getitem, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PySequenceMethods kr_dict_as_sequence = {
    .sq_contains = (objobjproc)kr_dict_contains,
};

static PyMappingMethods kr_dict_as_mapping = {
    .mp_length = (lenfunc)kr_dict_length,
    .mp_subscript = (binaryfunc)kr_dict_subscript,
    .mp_ass_subscript = (objobjargproc)kr_dict_ass_sub,
};

static PyNumberMethods kr_dict_as_number = {
    .nb_or = kr_dict_or,
    .nb_inplace_or = kr_dict_ior,
};

PyTypeObject PyDict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict",
    .tp_basicsize = sizeof(PyDictObject),
    .tp_dealloc = (destructor)kr_dict_dealloc,
    .tp_repr = (reprfunc)kr_dict_repr,
    .tp_as_number = &kr_dict_as_number,
    .tp_as_sequence = &kr_dict_as_sequence,
    .tp_as_mapping = &kr_dict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_DICT_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = kr_dict_traverse,
    .tp_clear = kr_dict_tp_clear,
    .tp_richcompare = kr_dict_richcompare,
    .tp_iter = (getiterfunc)kr_dict_iter,
    .tp_methods = kr_dict_methods,
    .tp_init = kr_dict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_dict_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_dict_vectorcall,
};

/* ---- iterators ----
 * One layout for the six iterator types (keys/values/items, forward and
 * reversed).  di_used catches size changes; di_len catches a delete plus
 * an insert that keep the size. */

typedef struct {
    PyObject_HEAD
    PyDictObject *di_dict;   /* NULL once exhausted */
    Py_ssize_t di_used;
    Py_ssize_t di_pos;
    Py_ssize_t di_len;
} kr_dictiter;

enum { KR_DI_KEYS, KR_DI_VALUES, KR_DI_ITEMS };

PyObject *
kr_dictiter_new(PyDictObject *dict, PyTypeObject *itertype)
{
    kr_dictiter *di = PyObject_GC_New(kr_dictiter, itertype);
    if (di == NULL)
        return NULL;
    di->di_dict = (PyDictObject *)Py_NewRef(dict);
    di->di_used = dict->ma_used;
    di->di_len = dict->ma_used;
    if (itertype == &PyDictRevIterKey_Type || itertype == &PyDictRevIterValue_Type ||
        itertype == &PyDictRevIterItem_Type)
        di->di_pos = dict->ma_keys->dk_nentries - 1;
    else
        di->di_pos = 0;
    PyObject_GC_Track(di);
    return (PyObject *)di;
}

static PyObject *
kr_dict_iter(PyDictObject *dict)
{
    return kr_dictiter_new(dict, &PyDictIterKey_Type);
}

static PyObject *
kr_dict_reversed(PyDictObject *self, PyObject *unused)
{
    return kr_dictiter_new(self, &PyDictRevIterKey_Type);
}

static void
kr_dictiter_dealloc(kr_dictiter *di)
{
    PyObject_GC_UnTrack(di);
    Py_XDECREF(di->di_dict);
    PyObject_GC_Del(di);
}

static int
kr_dictiter_traverse(kr_dictiter *di, visitproc visit, void *arg)
{
    Py_VISIT(di->di_dict);
    return 0;
}

/* The next entry in direction `step`, or NULL (exhausted or error). */
static kr_dictentry *
kr_dictiter_step(kr_dictiter *di, int step)
{
    PyDictObject *d = di->di_dict;
    if (d == NULL)
        return NULL;
    if (di->di_used != d->ma_used) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;   /* keep failing */
        return NULL;
    }
    PyDictKeysObject *dk = d->ma_keys;
    kr_dictentry *ep0 = kr_dk_entries(dk);
    Py_ssize_t i = di->di_pos, n = dk->dk_nentries;
    if (step > 0) {
        while (i < n && ep0[i].me_value == NULL)
            i++;
        if (i >= n)
            goto exhausted;
    }
    else {
        if (i >= n)
            i = n - 1;
        while (i >= 0 && ep0[i].me_value == NULL)
            i--;
        if (i < 0)
            goto exhausted;
    }
    if (di->di_len == 0) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary keys changed during iteration");
        goto exhausted;
    }
    di->di_pos = i + step;
    di->di_len--;
    return &ep0[i];
exhausted:
    di->di_dict = NULL;
    di->di_len = 0;
    Py_DECREF(d);
    return NULL;
}

static PyObject *
kr_dictiter_yield(kr_dictentry *ep, int which)
{
    if (ep == NULL)
        return NULL;
    if (which == KR_DI_KEYS)
        return Py_NewRef(ep->me_key);
    if (which == KR_DI_VALUES)
        return Py_NewRef(ep->me_value);
    return PyTuple_Pack(2, ep->me_key, ep->me_value);
}

static PyObject *
kr_dictiter_nextkey(kr_dictiter *di)
{
    return kr_dictiter_yield(kr_dictiter_step(di, 1), KR_DI_KEYS);
}

static PyObject *
kr_dictiter_nextvalue(kr_dictiter *di)
{
    return kr_dictiter_yield(kr_dictiter_step(di, 1), KR_DI_VALUES);
}

static PyObject *
kr_dictiter_nextitem(kr_dictiter *di)
{
    return kr_dictiter_yield(kr_dictiter_step(di, 1), KR_DI_ITEMS);
}

static PyObject *
kr_dictreviter_nextkey(kr_dictiter *di)
{
    return kr_dictiter_yield(kr_dictiter_step(di, -1), KR_DI_KEYS);
}

static PyObject *
kr_dictreviter_nextvalue(kr_dictiter *di)
{
    return kr_dictiter_yield(kr_dictiter_step(di, -1), KR_DI_VALUES);
}

static PyObject *
kr_dictreviter_nextitem(kr_dictiter *di)
{
    return kr_dictiter_yield(kr_dictiter_step(di, -1), KR_DI_ITEMS);
}

static PyObject *
kr_dictiter_len(kr_dictiter *di, PyObject *unused)
{
    Py_ssize_t len = 0;
    if (di->di_dict != NULL && di->di_used == di->di_dict->ma_used)
        len = di->di_len;
    return PyLong_FromSize_t((size_t)len);
}

/* iter(list(copy of the remaining items)): iterating a copy leaves the
 * original iterator untouched. */
static PyObject *
kr_dictiter_reduce(kr_dictiter *di, PyObject *unused)
{
    kr_dictiter scratch = *di;
    Py_XINCREF(scratch.di_dict);
    PyObject *r = kr_iter_reduce_remaining((PyObject *)&scratch, Py_TYPE(di)->tp_iternext);
    Py_XDECREF(scratch.di_dict);
    return r;
}

static PyMethodDef kr_dictiter_methods[] = {
    {"__length_hint__", (PyCFunction)kr_dictiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)kr_dictiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

#define KR_DICTITER_TYPE(cname, pyname, nextfn) \
    PyTypeObject cname = { \
        PyVarObject_HEAD_INIT(&PyType_Type, 0) \
        .tp_name = pyname, \
        .tp_basicsize = sizeof(kr_dictiter), \
        .tp_dealloc = (destructor)kr_dictiter_dealloc, \
        .tp_getattro = PyObject_GenericGetAttr, \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, \
        .tp_traverse = (traverseproc)kr_dictiter_traverse, \
        .tp_iter = PyObject_SelfIter, \
        .tp_iternext = (iternextfunc)nextfn, \
        .tp_methods = kr_dictiter_methods, \
    };

KR_DICTITER_TYPE(PyDictIterKey_Type, "dict_keyiterator", kr_dictiter_nextkey)
KR_DICTITER_TYPE(PyDictIterValue_Type, "dict_valueiterator", kr_dictiter_nextvalue)
KR_DICTITER_TYPE(PyDictIterItem_Type, "dict_itemiterator", kr_dictiter_nextitem)
KR_DICTITER_TYPE(PyDictRevIterKey_Type, "dict_reversekeyiterator", kr_dictreviter_nextkey)
KR_DICTITER_TYPE(PyDictRevIterValue_Type, "dict_reversevalueiterator", kr_dictreviter_nextvalue)
KR_DICTITER_TYPE(PyDictRevIterItem_Type, "dict_reverseitemiterator", kr_dictreviter_nextitem)
