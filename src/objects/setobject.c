/* setobject.c: set and frozenset.
 *
 * An open-addressing table of (key, hash) entries.  Programs print sets,
 * so the iteration order must be CPython's for the same operations: the
 * table sizes, the probe sequence (a few linear probes, then a perturbed
 * jump), the reuse of the last dummy slot met on insertion, the resize
 * thresholds and the order in which each operation visits and inserts
 * elements all follow CPython 3.11.  Deleted entries become dummies
 * (hash -1) so probe chains stay intact; resizes drop them.
 * The frozenset hash is CPython's order-independent mix of entry hashes.
 * (owned by the containers area) */
#include "internal.h"
#include "objects/containers.h"
#include "objects/dict_internal.h"

#define KR_LINEAR_PROBES 9
#define KR_PERTURB_SHIFT 5

/* The marker in deleted slots: immortal and never written, so it can be
 * read-only. */
static const PyObject kr_set_dummy_struct = {_Py_IMMORTAL_REFCNT, &PyBaseObject_Type};
#define KR_DUMMY ((PyObject *)&kr_set_dummy_struct)

enum { KR_DISCARD_NOTFOUND = 0, KR_DISCARD_FOUND = 1 };

static PyObject *kr_make_new_set(PyTypeObject *type, PyObject *iterable);
static int kr_set_table_resize(PySetObject *so, Py_ssize_t minused);

/* ---- the table ---- */

/* The entry holding key, or the unused entry where the search ended;
 * NULL on error. */
static setentry *
kr_set_lookkey(PySetObject *so, PyObject *key, Py_hash_t hash)
{
restart:;
    size_t perturb = (size_t)hash;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    for (;;) {
        setentry *entry = &so->table[i];
        int probes = (i + KR_LINEAR_PROBES <= mask) ? KR_LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key) &&
                    _PyUnicode_EQ(startkey, key))
                    return entry;
                setentry *table = so->table;
                Py_INCREF(startkey);
                int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || entry->key != startkey)
                    goto restart;
                if (cmp > 0)
                    return entry;
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= KR_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Adds key (borrowed; the set takes its own reference).  0 or -1. */
static int
kr_set_add_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    Py_INCREF(key);
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    setentry *freeslot = NULL;
    setentry *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + KR_LINEAR_PROBES <= mask) ? KR_LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key) &&
                    _PyUnicode_EQ(startkey, key))
                    goto found_active;
                setentry *table = so->table;
                Py_INCREF(startkey);
                int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp > 0)
                    goto found_active;
                if (cmp < 0) {
                    Py_DECREF(key);
                    return -1;
                }
                if (table != so->table || entry->key != startkey)
                    goto restart;
                mask = (size_t)so->mask;
            }
            else if (entry->hash == -1) {
                /* CPython keeps the last dummy met, not the first; the
                 * slot chosen shows in the iteration order */
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= KR_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return kr_set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    Py_DECREF(key);
    return 0;
}

/* Inserts into a table known to hold no dummies and not `key`. */
static void
kr_set_insert_clean(setentry *table, size_t mask, PyObject *key, Py_hash_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    setentry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + KR_LINEAR_PROBES <= mask) {
            for (int j = 0; j < KR_LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= KR_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

static int
kr_set_table_resize(PySetObject *so, Py_ssize_t minused)
{
    setentry *oldtable = so->table;
    setentry small_copy[PySet_MINSIZE];
    size_t newsize = PySet_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;

    int is_oldtable_malloced = oldtable != so->smalltable;
    setentry *newtable;
    if (newsize == PySet_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0;   /* nothing to drop */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    }
    else {
        if (newsize > (size_t)PY_SSIZE_T_MAX / sizeof(setentry)) {
            PyErr_NoMemory();
            return -1;
        }
        newtable = (setentry *)PyMem_Malloc(newsize * sizeof(setentry));
        if (newtable == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(setentry));
    Py_ssize_t oldmask = so->mask;
    so->mask = (Py_ssize_t)newsize - 1;
    so->table = newtable;
    size_t newmask = newsize - 1;
    if (so->fill == so->used) {
        for (Py_ssize_t i = 0; i <= oldmask; i++) {
            if (oldtable[i].key != NULL)
                kr_set_insert_clean(newtable, newmask, oldtable[i].key, oldtable[i].hash);
        }
    }
    else {
        so->fill = so->used;
        for (Py_ssize_t i = 0; i <= oldmask; i++) {
            if (oldtable[i].key != NULL && oldtable[i].key != KR_DUMMY)
                kr_set_insert_clean(newtable, newmask, oldtable[i].key, oldtable[i].hash);
        }
    }
    if (is_oldtable_malloced)
        PyMem_Free(oldtable);
    return 0;
}

static int
kr_set_contains_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = kr_set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    return entry->key != NULL;
}

static int
kr_set_discard_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = kr_set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    if (entry->key == NULL)
        return KR_DISCARD_NOTFOUND;
    PyObject *old_key = entry->key;
    entry->key = KR_DUMMY;
    entry->hash = -1;
    so->used--;
    Py_DECREF(old_key);
    return KR_DISCARD_FOUND;
}

static int
kr_set_add_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return -1;
    return kr_set_add_entry(so, key, hash);
}

static int
kr_set_contains_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return -1;
    return kr_set_contains_entry(so, key, hash);
}

static int
kr_set_discard_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = kr_dict_hash(key);
    if (hash == -1)
        return -1;
    return kr_set_discard_entry(so, key, hash);
}

static void
kr_set_empty_to_minsize(PySetObject *so)
{
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

static int
kr_set_clear_internal(PySetObject *so)
{
    setentry *table = so->table;
    Py_ssize_t fill = so->fill;
    int table_is_malloced = table != so->smalltable;
    setentry small_copy[PySet_MINSIZE];
    if (fill == 0 && !table_is_malloced)
        return 0;
    /* empty the set before dropping references: a destructor may look */
    if (table_is_malloced) {
        kr_set_empty_to_minsize(so);
    }
    else {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        kr_set_empty_to_minsize(so);
    }
    for (setentry *entry = table; fill > 0; ++entry) {
        if (entry->key != NULL) {
            --fill;
            if (entry->key != KR_DUMMY)
                Py_DECREF(entry->key);
        }
    }
    if (table_is_malloced)
        PyMem_Free(table);
    return 0;
}

/* Walks the active entries: *pos starts at 0; returns 0 at the end. */
static int
kr_set_next(PySetObject *so, Py_ssize_t *pos_ptr, setentry **entry_ptr)
{
    Py_ssize_t i = *pos_ptr;
    Py_ssize_t mask = so->mask;
    setentry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == KR_DUMMY)) {
        i++;
        entry++;
    }
    *pos_ptr = i + 1;
    if (i > mask)
        return 0;
    *entry_ptr = entry;
    return 1;
}

static int
kr_set_merge(PySetObject *so, PyObject *otherset)
{
    PySetObject *other = (PySetObject *)otherset;
    if (other == so || other->used == 0)
        return 0;
    /* one resize up front, expecting few common keys */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (kr_set_table_resize(so, (so->used + other->used) * 2) != 0)
            return -1;
    }
    setentry *so_entry = so->table;
    setentry *other_entry = other->table;
    /* same-size empty table and no dummies: copy entry for entry */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (Py_ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            PyObject *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = Py_NewRef(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        setentry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (Py_ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
            PyObject *key = other_entry->key;
            if (key != NULL && key != KR_DUMMY)
                kr_set_insert_clean(newtable, newmask, Py_NewRef(key), other_entry->hash);
        }
        return 0;
    }
    for (Py_ssize_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        PyObject *key = other_entry->key;
        if (key != NULL && key != KR_DUMMY) {
            if (kr_set_add_entry(so, key, other_entry->hash))
                return -1;
        }
    }
    return 0;
}

int
kr_set_update_internal(PyObject *self, PyObject *other)
{
    PySetObject *so = (PySetObject *)self;
    if (PyAnySet_Check(other))
        return kr_set_merge(so, other);
    if (PyDict_CheckExact(other)) {
        Py_ssize_t dictsize = PyDict_GET_SIZE(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (kr_set_table_resize(so, (so->used + dictsize) * 2) != 0)
                return -1;
        }
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        Py_hash_t hash;
        while (_PyDict_Next(other, &pos, &key, &value, &hash)) {
            if (kr_set_add_entry(so, key, hash))
                return -1;
        }
        return 0;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return -1;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        if (kr_set_add_key(so, key)) {
            Py_DECREF(it);
            Py_DECREF(key);
            return -1;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return -1;
    return 0;
}

int
_PySet_Update(PyObject *set, PyObject *iterable)
{
    if (!PyAnySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_set_update_internal(set, iterable);
}

/* ---- construction ---- */

static PyObject *
kr_make_new_set(PyTypeObject *type, PyObject *iterable)
{
    PySetObject *so = (PySetObject *)type->tp_alloc(type, 0);
    if (so == NULL)
        return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    if (iterable != NULL && kr_set_update_internal((PyObject *)so, iterable)) {
        Py_DECREF(so);
        return NULL;
    }
    return (PyObject *)so;
}

/* set or frozenset, whichever `type` derives from */
static PyObject *
kr_make_new_set_basetype(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PySet_Type && type != &PyFrozenSet_Type) {
        if (PyType_IsSubtype(type, &PySet_Type))
            type = &PySet_Type;
        else
            type = &PyFrozenSet_Type;
    }
    return kr_make_new_set(type, iterable);
}

static PyObject *
kr_make_new_frozenset(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PyFrozenSet_Type)
        return kr_make_new_set(type, iterable);
    if (iterable != NULL && PyFrozenSet_CheckExact(iterable))
        return Py_NewRef(iterable);
    return kr_make_new_set(type, iterable);
}

static PyObject *
kr_frozenset_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyFrozenSet_Type || type->tp_init == PyFrozenSet_Type.tp_init) &&
        !_PyArg_NoKeywords("frozenset", kwds))
        return NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!KR_CHECK_NARGS(type->tp_name, nargs, 0, 1))
        return NULL;
    return kr_make_new_frozenset(type, nargs ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyObject *
kr_frozenset_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("frozenset", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!KR_CHECK_NARGS("frozenset", nargs, 0, 1))
        return NULL;
    return kr_make_new_frozenset((PyTypeObject *)type, nargs ? args[0] : NULL);
}

static PyObject *
kr_set_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return kr_make_new_set(type, NULL);
}

static int
kr_set_init(PySetObject *self, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("set", kwds))
        return -1;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!KR_CHECK_NARGS(Py_TYPE(self)->tp_name, nargs, 0, 1))
        return -1;
    if (self->fill)
        kr_set_clear_internal(self);
    self->hash = -1;
    if (nargs == 0)
        return 0;
    return kr_set_update_internal((PyObject *)self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
kr_set_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("set", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!KR_CHECK_NARGS("set", nargs, 0, 1))
        return NULL;
    return kr_make_new_set((PyTypeObject *)type, nargs ? args[0] : NULL);
}

static void
kr_set_dealloc(PySetObject *so)
{
    PyObject_GC_UnTrack(so);
    Py_TRASHCAN_BEGIN(so, kr_set_dealloc)
    if (so->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)so);
    Py_ssize_t used = so->used;
    for (setentry *entry = so->table; used > 0; entry++) {
        if (entry->key && entry->key != KR_DUMMY) {
            used--;
            Py_DECREF(entry->key);
        }
    }
    if (so->table != so->smalltable)
        PyMem_Free(so->table);
    Py_TYPE(so)->tp_free(so);
    Py_TRASHCAN_END
}

static int
kr_set_traverse(PySetObject *so, visitproc visit, void *arg)
{
    Py_ssize_t pos = 0;
    setentry *entry;
    while (kr_set_next(so, &pos, &entry))
        Py_VISIT(entry->key);
    return 0;
}

static int
kr_set_tp_clear(PySetObject *so)
{
    return kr_set_clear_internal(so);
}

/* ---- hashing (frozenset) ---- */

static Py_uhash_t
kr_shuffle_bits(Py_uhash_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static Py_hash_t
kr_frozenset_hash(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    if (so->hash != -1)
        return so->hash;
    Py_uhash_t hash = 0;
    /* xor is order-independent; the shuffle spreads nearby hashes */
    for (setentry *entry = so->table; entry <= &so->table[so->mask]; entry++)
        hash ^= kr_shuffle_bits((Py_uhash_t)entry->hash);
    /* cancel the contribution of an odd number of unused or dummy slots */
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= kr_shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= kr_shuffle_bits((Py_uhash_t)-1);
    hash ^= ((Py_uhash_t)PySet_GET_SIZE(self) + 1) * 1927868237UL;
    /* disperse the patterns of nested frozensets */
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (Py_uhash_t)-1)
        hash = 590923713UL;
    so->hash = (Py_hash_t)hash;
    return (Py_hash_t)hash;
}

/* ---- repr, len, contains ---- */

static PyObject *
kr_set_repr(PySetObject *so)
{
    if (!so->used)
        return PyUnicode_FromFormat("%s()", Py_TYPE(so)->tp_name);
    int status = Py_ReprEnter((PyObject *)so);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromFormat("%s(...)", Py_TYPE(so)->tp_name);
    }
    PyObject *result = NULL, *listrepr = NULL;
    PyObject *keys = PySequence_List((PyObject *)so);
    if (keys == NULL)
        goto done;
    listrepr = PyObject_Repr(keys);
    Py_DECREF(keys);
    if (listrepr == NULL)
        goto done;
    /* "[a, b]" -> "{a, b}" */
    Py_ssize_t n = PyUnicode_GET_LENGTH(listrepr);
    PyObject *inner = PyUnicode_Substring(listrepr, 1, n - 1);
    if (inner == NULL)
        goto done;
    if (Py_IS_TYPE(so, &PySet_Type))
        result = PyUnicode_FromFormat("{%U}", inner);
    else
        result = PyUnicode_FromFormat("%s({%U})", Py_TYPE(so)->tp_name, inner);
    Py_DECREF(inner);
done:
    Py_XDECREF(listrepr);
    Py_ReprLeave((PyObject *)so);
    return result;
}

static Py_ssize_t
kr_set_len(PyObject *so)
{
    return ((PySetObject *)so)->used;
}

/* A set used as a key stands for the equal frozenset (CPython retries a
 * lookup that failed on the unhashable set).  `op` is the lookup. */
static int
kr_set_key_op(PySetObject *so, PyObject *key, int (*op)(PySetObject *, PyObject *))
{
    int rv = op(so, key);
    if (rv < 0) {
        if (!PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError))
            return -1;
        PyErr_Clear();
        PyObject *tmpkey = kr_make_new_set(&PyFrozenSet_Type, key);
        if (tmpkey == NULL)
            return -1;
        rv = op(so, tmpkey);
        Py_DECREF(tmpkey);
    }
    return rv;
}

static int
kr_set_contains(PySetObject *so, PyObject *key)
{
    return kr_set_key_op(so, key, kr_set_contains_key);
}

static PyObject *
kr_set_direct_contains(PySetObject *so, PyObject *key)
{
    int result = kr_set_contains(so, key);
    if (result < 0)
        return NULL;
    return Py_NewRef(result ? Py_True : Py_False);
}

/* ---- operations ---- */

static PyObject *
kr_set_copy(PySetObject *so, PyObject *unused)
{
    return kr_make_new_set_basetype(Py_TYPE(so), (PyObject *)so);
}

static PyObject *
kr_frozenset_copy(PySetObject *so, PyObject *unused)
{
    if (PyFrozenSet_CheckExact(so))
        return Py_NewRef(so);
    return kr_set_copy(so, NULL);
}

static PyObject *
kr_set_clear(PySetObject *so, PyObject *unused)
{
    kr_set_clear_internal(so);
    Py_RETURN_NONE;
}

static PyObject *
kr_set_union(PySetObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *result = kr_set_copy(so, NULL);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if ((PyObject *)so == args[i])
            continue;
        if (kr_set_update_internal(result, args[i])) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
kr_set_or(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *result = kr_set_copy((PySetObject *)so, NULL);
    if (result == NULL)
        return NULL;
    if (so == other)
        return result;
    if (kr_set_update_internal(result, other)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
kr_set_ior(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (kr_set_update_internal(so, other))
        return NULL;
    return Py_NewRef(so);
}

static PyObject *
kr_set_update(PySetObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (kr_set_update_internal((PyObject *)so, args[i]))
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
kr_set_intersection(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other)
        return kr_set_copy(so, NULL);
    PySetObject *result = (PySetObject *)kr_make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    if (PyAnySet_Check(other)) {
        /* walk the smaller set, probe the larger */
        if (PySet_GET_SIZE(other) > PySet_GET_SIZE(so)) {
            PyObject *tmp = (PyObject *)so;
            so = (PySetObject *)other;
            other = tmp;
        }
        Py_ssize_t pos = 0;
        setentry *entry;
        while (kr_set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            Py_hash_t hash = entry->hash;
            int rv = kr_set_contains_entry(so, key, hash);
            if (rv < 0 || (rv && kr_set_add_entry(result, key, hash))) {
                Py_DECREF(key);
                Py_DECREF(result);
                return NULL;
            }
            Py_DECREF(key);
        }
        return (PyObject *)result;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        Py_hash_t hash = kr_dict_hash(key);
        int rv = hash == -1 ? -1 : kr_set_contains_entry(so, key, hash);
        if (rv < 0 || (rv && kr_set_add_entry(result, key, hash))) {
            Py_DECREF(it);
            Py_DECREF(result);
            Py_DECREF(key);
            return NULL;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return (PyObject *)result;
}

static PyObject *
kr_set_intersection_multi(PySetObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0)
        return kr_set_copy(so, NULL);
    PyObject *result = Py_NewRef(so);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *newresult = kr_set_intersection((PySetObject *)result, args[i]);
        Py_DECREF(result);
        if (newresult == NULL)
            return NULL;
        result = newresult;
    }
    return result;
}

/* Exchanges the contents of two sets (tables included); used to make the
 * in-place operations from the out-of-place ones. */
static void
kr_set_swap_bodies(PySetObject *a, PySetObject *b)
{
    Py_ssize_t t;
    setentry *u;
    setentry tab[PySet_MINSIZE];
    Py_hash_t h;

    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;

    u = a->table;
    if (a->table == a->smalltable)
        u = b->smalltable;
    a->table = b->table;
    if (b->table == b->smalltable)
        a->table = a->smalltable;
    b->table = u;

    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (PyType_IsSubtype(Py_TYPE(a), &PyFrozenSet_Type) &&
        PyType_IsSubtype(Py_TYPE(b), &PyFrozenSet_Type)) {
        h = a->hash; a->hash = b->hash; b->hash = h;
    }
    else {
        a->hash = -1;
        b->hash = -1;
    }
}

static PyObject *
kr_set_intersection_update(PySetObject *so, PyObject *other)
{
    PyObject *tmp = kr_set_intersection(so, other);
    if (tmp == NULL)
        return NULL;
    kr_set_swap_bodies(so, (PySetObject *)tmp);
    Py_DECREF(tmp);
    Py_RETURN_NONE;
}

static PyObject *
kr_set_intersection_update_multi(PySetObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *tmp = kr_set_intersection_multi(so, args, nargs);
    if (tmp == NULL)
        return NULL;
    kr_set_swap_bodies(so, (PySetObject *)tmp);
    Py_DECREF(tmp);
    Py_RETURN_NONE;
}

static PyObject *
kr_set_and(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return kr_set_intersection((PySetObject *)so, other);
}

static PyObject *
kr_set_iand(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *result = kr_set_intersection_update((PySetObject *)so, other);
    if (result == NULL)
        return NULL;
    Py_DECREF(result);
    return Py_NewRef(so);
}

static PyObject *
kr_set_isdisjoint(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other) {
        if (PySet_GET_SIZE(so) == 0)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    if (PyAnySet_CheckExact(other)) {
        if (PySet_GET_SIZE(other) > PySet_GET_SIZE(so)) {
            PyObject *tmp = (PyObject *)so;
            so = (PySetObject *)other;
            other = tmp;
        }
        Py_ssize_t pos = 0;
        setentry *entry;
        while (kr_set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            int rv = kr_set_contains_entry(so, key, entry->hash);
            Py_DECREF(key);
            if (rv < 0)
                return NULL;
            if (rv)
                Py_RETURN_FALSE;
        }
        Py_RETURN_TRUE;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv = kr_set_contains_key(so, key);
        Py_DECREF(key);
        if (rv < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (rv) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

int
kr_set_difference_update_internal(PyObject *self, PyObject *other)
{
    PySetObject *so = (PySetObject *)self;
    if (self == other)
        return kr_set_clear_internal(so);
    if (PyAnySet_Check(other)) {
        Py_ssize_t pos = 0;
        setentry *entry;
        while (kr_set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            int rv = kr_set_discard_entry(so, key, entry->hash);
            Py_DECREF(key);
            if (rv < 0)
                return -1;
        }
    }
    else {
        PyObject *it = PyObject_GetIter(other);
        if (it == NULL)
            return -1;
        PyObject *key;
        while ((key = PyIter_Next(it)) != NULL) {
            if (kr_set_discard_key(so, key) < 0) {
                Py_DECREF(it);
                Py_DECREF(key);
                return -1;
            }
            Py_DECREF(key);
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            return -1;
    }
    /* more than a quarter dummies: resize them away */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return kr_set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static PyObject *
kr_set_difference_update(PySetObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (kr_set_difference_update_internal((PyObject *)so, args[i]))
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
kr_set_copy_and_difference(PySetObject *so, PyObject *other)
{
    PyObject *result = kr_set_copy(so, NULL);
    if (result == NULL)
        return NULL;
    if (kr_set_difference_update_internal(result, other) == 0)
        return result;
    Py_DECREF(result);
    return NULL;
}

static PyObject *
kr_set_difference(PySetObject *so, PyObject *other)
{
    Py_ssize_t other_size;
    if (PyAnySet_Check(other))
        other_size = PySet_GET_SIZE(other);
    else if (PyDict_CheckExact(other))
        other_size = PyDict_GET_SIZE(other);
    else
        return kr_set_copy_and_difference(so, other);

    /* much bigger than other: copy, then remove what other has */
    if ((PySet_GET_SIZE(so) >> 2) > other_size)
        return kr_set_copy_and_difference(so, other);

    PyObject *result = kr_make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    setentry *entry;
    while (kr_set_next(so, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        Py_hash_t hash = entry->hash;
        int rv;
        if (PyDict_CheckExact(other))
            rv = _PyDict_Contains_KnownHash(other, key, hash);
        else
            rv = kr_set_contains_entry((PySetObject *)other, key, hash);
        if (rv < 0 || (!rv && kr_set_add_entry((PySetObject *)result, key, hash))) {
            Py_DECREF(result);
            Py_DECREF(key);
            return NULL;
        }
        Py_DECREF(key);
    }
    return result;
}

static PyObject *
kr_set_difference_multi(PySetObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0)
        return kr_set_copy(so, NULL);
    PyObject *result = kr_set_difference(so, args[0]);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 1; i < nargs; i++) {
        if (kr_set_difference_update_internal(result, args[i])) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
kr_set_sub(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return kr_set_difference((PySetObject *)so, other);
}

static PyObject *
kr_set_isub(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (kr_set_difference_update_internal(so, other))
        return NULL;
    return Py_NewRef(so);
}

int
kr_set_symmetric_difference_update_internal(PyObject *self, PyObject *other)
{
    PySetObject *so = (PySetObject *)self;
    if (self == other)
        return kr_set_clear_internal(so);
    if (PyDict_CheckExact(other)) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        Py_hash_t hash;
        while (_PyDict_Next(other, &pos, &key, &value, &hash)) {
            Py_INCREF(key);
            int rv = kr_set_discard_entry(so, key, hash);
            if (rv < 0 || (rv == KR_DISCARD_NOTFOUND && kr_set_add_entry(so, key, hash))) {
                Py_DECREF(key);
                return -1;
            }
            Py_DECREF(key);
        }
        return 0;
    }
    PySetObject *otherset;
    if (PyAnySet_Check(other))
        otherset = (PySetObject *)Py_NewRef(other);
    else {
        otherset = (PySetObject *)kr_make_new_set_basetype(Py_TYPE(so), other);
        if (otherset == NULL)
            return -1;
    }
    Py_ssize_t pos = 0;
    setentry *entry;
    while (kr_set_next(otherset, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        Py_hash_t hash = entry->hash;
        int rv = kr_set_discard_entry(so, key, hash);
        if (rv < 0 || (rv == KR_DISCARD_NOTFOUND && kr_set_add_entry(so, key, hash))) {
            Py_DECREF(otherset);
            Py_DECREF(key);
            return -1;
        }
        Py_DECREF(key);
    }
    Py_DECREF(otherset);
    return 0;
}

static PyObject *
kr_set_symmetric_difference_update(PySetObject *so, PyObject *other)
{
    if (kr_set_symmetric_difference_update_internal((PyObject *)so, other))
        return NULL;
    Py_RETURN_NONE;
}

/* Built from other's elements, then updated with so's (CPython's order). */
static PyObject *
kr_set_symmetric_difference(PySetObject *so, PyObject *other)
{
    PyObject *otherset = kr_make_new_set_basetype(Py_TYPE(so), other);
    if (otherset == NULL)
        return NULL;
    if (kr_set_symmetric_difference_update_internal(otherset, (PyObject *)so)) {
        Py_DECREF(otherset);
        return NULL;
    }
    return otherset;
}

static PyObject *
kr_set_xor(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return kr_set_symmetric_difference((PySetObject *)so, other);
}

static PyObject *
kr_set_ixor(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (kr_set_symmetric_difference_update_internal(so, other))
        return NULL;
    return Py_NewRef(so);
}

static PyObject *
kr_set_issubset(PySetObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        PyObject *tmp = kr_make_new_set(&PySet_Type, other);
        if (tmp == NULL)
            return NULL;
        PyObject *result = kr_set_issubset(so, tmp);
        Py_DECREF(tmp);
        return result;
    }
    if (PySet_GET_SIZE(so) > PySet_GET_SIZE(other))
        Py_RETURN_FALSE;
    Py_ssize_t pos = 0;
    setentry *entry;
    while (kr_set_next(so, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        int rv = kr_set_contains_entry((PySetObject *)other, key, entry->hash);
        Py_DECREF(key);
        if (rv < 0)
            return NULL;
        if (!rv)
            Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

static PyObject *
kr_set_issuperset(PySetObject *so, PyObject *other)
{
    if (PyAnySet_Check(other))
        return kr_set_issubset((PySetObject *)other, (PyObject *)so);
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv = kr_set_contains_key(so, key);
        Py_DECREF(key);
        if (rv < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (!rv) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

static PyObject *
kr_set_richcompare(PySetObject *v, PyObject *w, int op)
{
    if (!PyAnySet_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *r1;
    int r2;
    switch (op) {
    case Py_EQ:
        if (PySet_GET_SIZE(v) != PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        if (v->hash != -1 && ((PySetObject *)w)->hash != -1 &&
            v->hash != ((PySetObject *)w)->hash)
            Py_RETURN_FALSE;
        return kr_set_issubset(v, w);
    case Py_NE:
        r1 = kr_set_richcompare(v, w, Py_EQ);
        if (r1 == NULL)
            return NULL;
        r2 = PyObject_IsTrue(r1);
        Py_DECREF(r1);
        if (r2 < 0)
            return NULL;
        return Py_NewRef(r2 ? Py_False : Py_True);
    case Py_LE:
        return kr_set_issubset(v, w);
    case Py_GE:
        return kr_set_issuperset(v, w);
    case Py_LT:
        if (PySet_GET_SIZE(v) >= PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        return kr_set_issubset(v, w);
    case Py_GT:
        if (PySet_GET_SIZE(v) <= PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        return kr_set_issuperset(v, w);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
kr_set_add(PySetObject *so, PyObject *key)
{
    if (kr_set_add_key(so, key))
        return NULL;
    Py_RETURN_NONE;
}

static void
kr_set_key_error(PyObject *key)
{
    PyObject *tup = PyTuple_Pack(1, key);
    if (tup == NULL)
        return;
    PyErr_SetObject(PyExc_KeyError, tup);
    Py_DECREF(tup);
}

/* discard, a set key standing for its frozenset */
static int
kr_set_discard_any(PySetObject *so, PyObject *key)
{
    return kr_set_key_op(so, key, kr_set_discard_key);
}

static PyObject *
kr_set_remove(PySetObject *so, PyObject *key)
{
    int rv = kr_set_discard_any(so, key);
    if (rv < 0)
        return NULL;
    if (rv == KR_DISCARD_NOTFOUND) {
        kr_set_key_error(key);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
kr_set_discard(PySetObject *so, PyObject *key)
{
    if (kr_set_discard_any(so, key) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
kr_set_pop(PySetObject *so, PyObject *unused)
{
    /* the finger makes repeated pops O(1) amortised */
    setentry *entry = so->table + (so->finger & so->mask);
    setentry *limit = so->table + so->mask;
    if (so->used == 0) {
        PyErr_SetString(PyExc_KeyError, "pop from an empty set");
        return NULL;
    }
    while (entry->key == NULL || entry->key == KR_DUMMY) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    PyObject *key = entry->key;
    entry->key = KR_DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static PyObject *
kr_set_reduce(PySetObject *so, PyObject *unused)
{
    PyObject *keys = NULL, *args = NULL, *result = NULL, *state = NULL;
    keys = PySequence_List((PyObject *)so);
    if (keys == NULL)
        goto done;
    args = PyTuple_Pack(1, keys);
    if (args == NULL)
        goto done;
    PyObject *name = PyUnicode_InternFromString("__dict__");
    if (name == NULL)
        goto done;
    int r = _PyObject_LookupAttr((PyObject *)so, name, &state);
    Py_DECREF(name);
    if (r < 0)
        goto done;
    if (state == NULL)
        state = Py_NewRef(Py_None);
    result = PyTuple_Pack(3, (PyObject *)Py_TYPE(so), args, state);
done:
    Py_XDECREF(args);
    Py_XDECREF(keys);
    Py_XDECREF(state);
    return result;
}

static PyObject *
kr_set_sizeof(PySetObject *so, PyObject *unused)
{
    size_t res = (size_t)Py_TYPE(so)->tp_basicsize;
    if (so->table != so->smalltable)
        res += ((size_t)so->mask + 1) * sizeof(setentry);
    return PyLong_FromSize_t(res);
}

static PyObject *
kr_set_class_getitem(PyObject *cls, PyObject *args)
{
    return Py_GenericAlias(cls, args);
}

/* ---- the C API ---- */

PyObject *
PySet_New(PyObject *iterable)
{
    return kr_make_new_set(&PySet_Type, iterable);
}

PyObject *
PyFrozenSet_New(PyObject *iterable)
{
    return kr_make_new_set(&PyFrozenSet_Type, iterable);
}

Py_ssize_t
PySet_Size(PyObject *anyset)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PySet_GET_SIZE(anyset);
}

int
PySet_Clear(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_set_clear_internal((PySetObject *)set);
}

int
PySet_Contains(PyObject *anyset, PyObject *key)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_set_contains_key((PySetObject *)anyset, key);
}

int
PySet_Discard(PyObject *set, PyObject *key)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_set_discard_key((PySetObject *)set, key);
}

int
PySet_Add(PyObject *anyset, PyObject *key)
{
    /* a brand-new frozenset may be filled in before anyone sees it */
    if (!PySet_Check(anyset) && (!PyFrozenSet_Check(anyset) || Py_REFCNT(anyset) != 1)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_set_add_key((PySetObject *)anyset, key);
}

int
_PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash)
{
    if (!PyAnySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    setentry *entry;
    if (kr_set_next((PySetObject *)set, pos, &entry) == 0)
        return 0;
    *key = entry->key;
    *hash = entry->hash;
    return 1;
}

PyObject *
PySet_Pop(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_set_pop((PySetObject *)set, NULL);
}

/* ---- the iterator ---- */

typedef struct {
    PyObject_HEAD
    PySetObject *si_set;   /* NULL once exhausted */
    Py_ssize_t si_used;
    Py_ssize_t si_pos;
    Py_ssize_t len;
} kr_setiter;

static void
kr_setiter_dealloc(kr_setiter *si)
{
    PyObject_GC_UnTrack(si);
    Py_XDECREF(si->si_set);
    PyObject_GC_Del(si);
}

static int
kr_setiter_traverse(kr_setiter *si, visitproc visit, void *arg)
{
    Py_VISIT(si->si_set);
    return 0;
}

static PyObject *
kr_setiter_len(kr_setiter *si, PyObject *unused)
{
    Py_ssize_t len = 0;
    if (si->si_set != NULL && si->si_used == si->si_set->used)
        len = si->len;
    return PyLong_FromSsize_t(len);
}

static PyObject *
kr_setiter_iternext(kr_setiter *si)
{
    PySetObject *so = si->si_set;
    if (so == NULL)
        return NULL;
    if (si->si_used != so->used) {
        PyErr_SetString(PyExc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1;
        return NULL;
    }
    Py_ssize_t i = si->si_pos;
    setentry *entry = so->table;
    Py_ssize_t mask = so->mask;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == KR_DUMMY))
        i++;
    si->si_pos = i + 1;
    if (i > mask) {
        si->si_set = NULL;
        Py_DECREF(so);
        return NULL;
    }
    si->len--;
    return Py_NewRef(entry[i].key);
}

static PyObject *
kr_setiter_reduce(kr_setiter *si, PyObject *unused)
{
    kr_setiter scratch = *si;
    Py_XINCREF(scratch.si_set);
    PyObject *r = kr_iter_reduce_remaining((PyObject *)&scratch, (iternextfunc)kr_setiter_iternext);
    Py_XDECREF(scratch.si_set);
    return r;
}

static PyMethodDef kr_setiter_methods[] = {
    {"__length_hint__", (PyCFunction)kr_setiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)kr_setiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PySetIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(kr_setiter),
    .tp_dealloc = (destructor)kr_setiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)kr_setiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)kr_setiter_iternext,
    .tp_methods = kr_setiter_methods,
};

static PyObject *
kr_set_iter(PySetObject *so)
{
    kr_setiter *si = PyObject_GC_New(kr_setiter, &PySetIter_Type);
    if (si == NULL)
        return NULL;
    si->si_set = (PySetObject *)Py_NewRef(so);
    si->si_used = so->used;
    si->si_pos = 0;
    si->len = so->used;
    PyObject_GC_Track(si);
    return (PyObject *)si;
}

/* ---- type objects ---- */

static PySequenceMethods kr_set_as_sequence = {
    .sq_length = kr_set_len,
    .sq_contains = (objobjproc)kr_set_contains,
};

static PyNumberMethods kr_set_as_number = {
    .nb_subtract = kr_set_sub,
    .nb_and = kr_set_and,
    .nb_xor = kr_set_xor,
    .nb_or = kr_set_or,
    .nb_inplace_subtract = kr_set_isub,
    .nb_inplace_and = kr_set_iand,
    .nb_inplace_xor = kr_set_ixor,
    .nb_inplace_or = kr_set_ior,
};

static PyNumberMethods kr_frozenset_as_number = {
    .nb_subtract = kr_set_sub,
    .nb_and = kr_set_and,
    .nb_xor = kr_set_xor,
    .nb_or = kr_set_or,
};

#define KR_SET_COMMON_METHODS \
    {"__contains__", (PyCFunction)kr_set_direct_contains, METH_O | METH_COEXIST, \
     "x.__contains__(y) <==> y in x."}, \
    {"difference", _PyCFunction_CAST(kr_set_difference_multi), METH_FASTCALL, \
     "Return the difference of two or more sets as a new set.\n\n" \
     "(i.e. all elements that are in this set but not the others.)"}, \
    {"intersection", _PyCFunction_CAST(kr_set_intersection_multi), METH_FASTCALL, \
     "Return the intersection of two sets as a new set.\n\n" \
     "(i.e. all elements that are in both sets.)"}, \
    {"isdisjoint", (PyCFunction)kr_set_isdisjoint, METH_O, \
     "Return True if two sets have a null intersection."}, \
    {"issubset", (PyCFunction)kr_set_issubset, METH_O, \
     "Report whether another set contains this set."}, \
    {"issuperset", (PyCFunction)kr_set_issuperset, METH_O, \
     "Report whether this set contains another set."}, \
    {"__reduce__", (PyCFunction)kr_set_reduce, METH_NOARGS, \
     "Return state information for pickling."}, \
    {"__sizeof__", (PyCFunction)kr_set_sizeof, METH_NOARGS, \
     "S.__sizeof__() -> size of S in memory, in bytes"}, \
    {"symmetric_difference", (PyCFunction)kr_set_symmetric_difference, METH_O, \
     "Return the symmetric difference of two sets as a new set.\n\n" \
     "(i.e. all elements that are in exactly one of the sets.)"}, \
    {"union", _PyCFunction_CAST(kr_set_union), METH_FASTCALL, \
     "Return the union of sets as a new set.\n\n" \
     "(i.e. all elements that are in either set.)"}, \
    {"__class_getitem__", kr_set_class_getitem, METH_O | METH_CLASS, "See PEP 585"},

static PyMethodDef kr_set_methods[] = {
    {"add", (PyCFunction)kr_set_add, METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", (PyCFunction)kr_set_clear, METH_NOARGS, "Remove all elements from this set."},
    {"copy", (PyCFunction)kr_set_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", (PyCFunction)kr_set_discard, METH_O,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference_update", _PyCFunction_CAST(kr_set_difference_update), METH_FASTCALL,
     "Remove all elements of another set from this set."},
    {"intersection_update", _PyCFunction_CAST(kr_set_intersection_update_multi), METH_FASTCALL,
     "Update a set with the intersection of itself and another."},
    {"pop", (PyCFunction)kr_set_pop, METH_NOARGS,
     "Remove and return an arbitrary set element.\n"
     "Raises KeyError if the set is empty."},
    {"remove", (PyCFunction)kr_set_remove, METH_O,
     "Remove an element from a set; it must be a member.\n\n"
     "If the element is not a member, raise a KeyError."},
    {"symmetric_difference_update", (PyCFunction)kr_set_symmetric_difference_update, METH_O,
     "Update a set with the symmetric difference of itself and another."},
    {"update", _PyCFunction_CAST(kr_set_update), METH_FASTCALL,
     "Update a set with the union of itself and others."},
    KR_SET_COMMON_METHODS
    {NULL, NULL, 0, NULL}
};

static PyMethodDef kr_frozenset_methods[] = {
    {"copy", (PyCFunction)kr_frozenset_copy, METH_NOARGS, "Return a shallow copy of a set."},
    KR_SET_COMMON_METHODS
    {NULL, NULL, 0, NULL}
};

PyTypeObject PySet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = (destructor)kr_set_dealloc,
    .tp_repr = (reprfunc)kr_set_repr,
    .tp_as_number = &kr_set_as_number,
    .tp_as_sequence = &kr_set_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "set() -> new empty set object\n"
              "set(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
    .tp_traverse = (traverseproc)kr_set_traverse,
    .tp_clear = (inquiry)kr_set_tp_clear,
    .tp_richcompare = (richcmpfunc)kr_set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = (getiterfunc)kr_set_iter,
    .tp_methods = kr_set_methods,
    .tp_init = (initproc)kr_set_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_set_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_set_vectorcall,
};

PyTypeObject PyFrozenSet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = (destructor)kr_set_dealloc,
    .tp_repr = (reprfunc)kr_set_repr,
    .tp_as_number = &kr_frozenset_as_number,
    .tp_as_sequence = &kr_set_as_sequence,
    .tp_hash = kr_frozenset_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "frozenset() -> empty frozenset object\n"
              "frozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
    .tp_traverse = (traverseproc)kr_set_traverse,
    .tp_clear = (inquiry)kr_set_tp_clear,
    .tp_richcompare = (richcmpfunc)kr_set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = (getiterfunc)kr_set_iter,
    .tp_methods = kr_frozenset_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_frozenset_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = kr_frozenset_vectorcall,
};
