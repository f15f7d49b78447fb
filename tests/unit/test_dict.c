/* test_dict.c: invariants of the dict table through insertions, deletions
 * and resizes, checked against the internal layout (dict_internal.h), and
 * the version tag and str fast path the VM relies on.
 * (owned by the containers area) */
#include "internal.h"
#include "krait.h"
#include "objects/dict_internal.h"

static int failures = 0;
static int counter = 0;

static void
check(int cond, const char *what)
{
    counter++;
    if (cond) {
        printf("ok %d - %s\n", counter, what);
    }
    else {
        printf("not ok %d - %s\n", counter, what);
        failures++;
    }
}

/* index slot i of the table */
static Py_ssize_t
slot(PyDictKeysObject *dk, size_t i)
{
    switch (dk->dk_log2_index_bytes - dk->dk_log2_size) {
    case 0: return ((int8_t *)dk->dk_indices)[i];
    case 1: return ((int16_t *)dk->dk_indices)[i];
    case 2: return ((int32_t *)dk->dk_indices)[i];
    default: return (Py_ssize_t)((int64_t *)dk->dk_indices)[i];
    }
}

/* Structural invariants: every live entry is indexed exactly once,
 * counts agree, the table keeps at least one empty slot. */
static int
table_ok(PyObject *d)
{
    PyDictObject *mp = (PyDictObject *)d;
    PyDictKeysObject *dk = mp->ma_keys;
    size_t size = (size_t)1 << dk->dk_log2_size;
    kr_dictentry *ep = kr_dk_entries(dk);
    Py_ssize_t live = 0, indexed = 0, empty = 0;
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++)
        if (ep[i].me_value != NULL)
            live++;
    for (size_t i = 0; i < size; i++) {
        Py_ssize_t ix = slot(dk, i);
        if (ix == KR_DKIX_EMPTY)
            empty++;
        else if (ix >= 0) {
            if (ix >= dk->dk_nentries || ep[ix].me_key == NULL)
                return 0;
            indexed++;
        }
        else if (ix != KR_DKIX_DUMMY)
            return 0;
    }
    return live == mp->ma_used && indexed == live && empty > 0 &&
           dk->dk_usable + dk->dk_nentries <= (Py_ssize_t)((size << 1) / 3);
}

int
main(void)
{
    krait_options o = krait_default_options();
    o.no_site = 1;
    krait_context *ctx = krait_context_new(&o);
    if (ctx == NULL || krait_enter(ctx) != 0) {
        printf("not ok 1 - context\n");
        return 1;
    }

    PyObject *d = PyDict_New();
    check(d != NULL && PyDict_Size(d) == 0, "new dict is empty");
    check(table_ok(d), "empty table consistent");

    uint64_t v0 = kr_dict_version(d);
    int all_ok = 1;
    for (long i = 0; i < 2000; i++) {
        PyObject *k = PyLong_FromLong(i * 7919);
        PyObject *v = PyLong_FromLong(i);
        if (PyDict_SetItem(d, k, v) < 0)
            all_ok = 0;
        Py_DECREF(k);
        Py_DECREF(v);
        if ((i & 127) == 0 && !table_ok(d))
            all_ok = 0;
    }
    check(all_ok && PyDict_Size(d) == 2000, "2000 insertions through resizes");
    check(table_ok(d), "table consistent after growth");
    check(kr_dict_version(d) != v0, "version changed by insertion");

    all_ok = 1;
    for (long i = 0; i < 2000; i++) {
        PyObject *k = PyLong_FromLong(i * 7919);
        PyObject *v = PyDict_GetItemWithError(d, k);
        if (v == NULL || PyLong_AsLong(v) != i)
            all_ok = 0;
        Py_DECREF(k);
    }
    check(all_ok, "every key found with its value");

    uint64_t v1 = kr_dict_version(d);
    PyObject *probe = PyLong_FromLong(7919);
    (void)PyDict_GetItem(d, probe);
    check(kr_dict_version(d) == v1, "lookup leaves the version alone");
    PyObject *same = PyDict_GetItem(d, probe);
    Py_INCREF(same);
    PyDict_SetItem(d, probe, same);
    check(kr_dict_version(d) == v1, "storing the same value is no change");
    PyObject *other = PyLong_FromLong(-5);
    PyDict_SetItem(d, probe, other);
    check(kr_dict_version(d) != v1, "replacing a value changes the version");
    PyDict_SetItem(d, probe, same);
    Py_DECREF(same);
    Py_DECREF(other);
    Py_DECREF(probe);

    all_ok = 1;
    for (long i = 0; i < 2000; i += 2) {
        PyObject *k = PyLong_FromLong(i * 7919);
        if (PyDict_DelItem(d, k) < 0)
            all_ok = 0;
        Py_DECREF(k);
    }
    check(all_ok && PyDict_Size(d) == 1000, "1000 deletions");
    check(table_ok(d), "table consistent with dummies");

    /* insertion order survives deletes: odd keys in ascending order */
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    long expect = 1;
    all_ok = 1;
    while (PyDict_Next(d, &pos, &key, &value)) {
        if (PyLong_AsLong(value) != expect)
            all_ok = 0;
        expect += 2;
    }
    check(all_ok && expect == 2001, "PyDict_Next walks in insertion order");

    for (long i = 0; i < 3000; i++) {
        PyObject *k = PyLong_FromLong(-i - 1);
        PyDict_SetItem(d, k, k);
        PyDict_DelItem(d, k);
        Py_DECREF(k);
    }
    check(PyDict_Size(d) == 1000 && table_ok(d), "insert/delete churn resizes away dummies");

    PyObject *missing = PyLong_FromLong(123456789);
    check(PyDict_DelItem(d, missing) < 0 && PyErr_ExceptionMatches(PyExc_KeyError),
          "deleting a missing key raises KeyError");
    PyErr_Clear();
    PyObject *dflt = PyUnicode_FromString("default");
    PyObject *popped = _PyDict_Pop(d, missing, dflt);
    check(popped == dflt, "_PyDict_Pop returns the default");
    Py_XDECREF(popped);
    Py_DECREF(dflt);
    Py_DECREF(missing);

    PyObject *copy = PyDict_Copy(d);
    check(copy != NULL && PyDict_Size(copy) == 1000 && table_ok(copy), "copy is compact and complete");
    check(PyObject_RichCompareBool(copy, d, Py_EQ) == 1, "copy compares equal");
    PyDict_Clear(copy);
    check(PyDict_Size(copy) == 0 && table_ok(copy), "clear empties");
    check(PyDict_Merge(copy, d, 1) == 0 && PyDict_Size(copy) == 1000, "merge refills");
    Py_DECREF(copy);

    /* exact-str fast path */
    PyObject *s = PyDict_New();
    PyObject *name = PyUnicode_FromString("spam");
    PyObject *val = PyLong_FromLong(42);
    PyDict_SetItem(s, name, val);
    Py_hash_t h = PyObject_Hash(name);
    check(kr_dict_lookup_str(s, name, h) == val, "kr_dict_lookup_str finds the key");
    PyObject *name2 = PyUnicode_FromString("spam");
    check(kr_dict_lookup_str(s, name2, h) == val, "kr_dict_lookup_str compares contents");
    PyObject *name3 = PyUnicode_FromString("eggs");
    check(kr_dict_lookup_str(s, name3, PyObject_Hash(name3)) == NULL, "absent str key is NULL");
    check(PyDict_GetItemString(s, "spam") == val, "PyDict_GetItemString");
    check(PyDict_SetItemString(s, "ham", val) == 0 && PyDict_Size(s) == 2, "PyDict_SetItemString");
    check(PyDict_DelItemString(s, "ham") == 0 && PyDict_Size(s) == 1, "PyDict_DelItemString");
    PyObject *got = PyDict_SetDefault(s, name3, val);
    check(got == val && PyDict_Size(s) == 2, "PyDict_SetDefault inserts");
    PyObject *keys = PyDict_Keys(s), *vals = PyDict_Values(s), *items = PyDict_Items(s);
    check(keys && vals && items && PyList_GET_SIZE(keys) == 2 && PyList_GET_SIZE(items) == 2,
          "Keys/Values/Items lists");
    Py_XDECREF(keys);
    Py_XDECREF(vals);
    Py_XDECREF(items);
    Py_DECREF(name);
    Py_DECREF(name2);
    Py_DECREF(name3);
    Py_DECREF(val);
    Py_DECREF(s);

    /* presized dicts do not resize while filling */
    PyObject *p = _PyDict_NewPresized(100);
    PyDictKeysObject *before = ((PyDictObject *)p)->ma_keys;
    for (long i = 0; i < 100; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyDict_SetItem(p, k, k);
        Py_DECREF(k);
    }
    check(((PyDictObject *)p)->ma_keys == before && table_ok(p), "presized dict holds 100 without resizing");
    Py_DECREF(p);

    Py_DECREF(d);
    krait_leave(ctx);
    krait_context_free(ctx);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
