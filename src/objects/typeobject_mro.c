/* typeobject_mro.c: method resolution order and base selection for class
 * creation: C3 linearization (with CPython's exact error messages),
 * custom mro() on metaclasses, the "best base" whose instance layout a
 * class extends, and the most derived metaclass.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

/* Is `o` in list[start:]? */
static int
kr_tail_contains(PyObject *list, Py_ssize_t start, PyObject *o)
{
    Py_ssize_t n = PyTuple_GET_SIZE(list);
    for (Py_ssize_t i = start; i < n; i++) {
        if (PyTuple_GET_ITEM(list, i) == o)
            return 1;
    }
    return 0;
}

static PyObject *
kr_class_name(PyObject *cls)
{
    PyObject *name;
    if (_PyObject_LookupAttr(cls, KR_ID(__name__), &name) == 0)
        name = PyObject_Repr(cls);
    return name;
}

static void
kr_set_mro_error(PyObject **to_merge, Py_ssize_t to_merge_size, Py_ssize_t *remain)
{
    /* The heads still waiting when the merge got stuck, each once, in
     * order of appearance. */
    PyObject *seen = PyDict_New();
    if (seen == NULL)
        return;
    for (Py_ssize_t i = 0; i < to_merge_size; i++) {
        PyObject *L = to_merge[i];
        if (remain[i] < PyTuple_GET_SIZE(L)) {
            if (PyDict_SetItem(seen, PyTuple_GET_ITEM(L, remain[i]), Py_None) < 0) {
                Py_DECREF(seen);
                return;
            }
        }
    }
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        Py_DECREF(seen);
        return;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(seen, &pos, &k, &v)) {
        PyObject *name = kr_class_name(k);
        if (name == NULL || PyList_Append(parts, name) < 0) {
            Py_XDECREF(name);
            goto done;
        }
        Py_DECREF(name);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL)
        goto done;
    PyObject *joined = PyUnicode_Join(sep, parts);
    Py_DECREF(sep);
    if (joined == NULL)
        goto done;
    PyErr_Format(PyExc_TypeError,
                 "Cannot create a consistent method resolution\norder (MRO) for bases %U",
                 joined);
    Py_DECREF(joined);
done:
    Py_DECREF(parts);
    Py_DECREF(seen);
}

/* Merge the lists to_merge into `acc` (a list), C3 style. */
static int
kr_pmerge(PyObject *acc, PyObject **to_merge, Py_ssize_t to_merge_size)
{
    Py_ssize_t *remain = PyMem_New(Py_ssize_t, to_merge_size);
    if (remain == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < to_merge_size; i++)
        remain[i] = 0;
    int res = 0;
again:
    {
        int empty_cnt = 0;
        for (Py_ssize_t i = 0; i < to_merge_size; i++) {
            PyObject *cur_tuple = to_merge[i];
            if (remain[i] >= PyTuple_GET_SIZE(cur_tuple)) {
                empty_cnt++;
                continue;
            }
            /* A candidate is good if it is in no tail. */
            PyObject *candidate = PyTuple_GET_ITEM(cur_tuple, remain[i]);
            Py_ssize_t j;
            for (j = 0; j < to_merge_size; j++) {
                if (kr_tail_contains(to_merge[j], remain[j] + 1, candidate))
                    break;
            }
            if (j < to_merge_size)
                continue;
            if (PyList_Append(acc, candidate) < 0) {
                res = -1;
                goto out;
            }
            for (j = 0; j < to_merge_size; j++) {
                PyObject *t = to_merge[j];
                if (remain[j] < PyTuple_GET_SIZE(t) && PyTuple_GET_ITEM(t, remain[j]) == candidate)
                    remain[j]++;
            }
            goto again;
        }
        if (empty_cnt != to_merge_size) {
            kr_set_mro_error(to_merge, to_merge_size, remain);
            res = -1;
        }
    }
out:
    PyMem_Free(remain);
    return res;
}

static int
kr_check_duplicates(PyObject *tuple)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = PyTuple_GET_ITEM(tuple, i);
        for (Py_ssize_t j = i + 1; j < n; j++) {
            if (PyTuple_GET_ITEM(tuple, j) == o) {
                PyObject *name = kr_class_name(o);
                if (name != NULL) {
                    PyErr_Format(PyExc_TypeError, "duplicate base class %U", name);
                    Py_DECREF(name);
                }
                return -1;
            }
        }
    }
    return 0;
}

PyObject *
kr_type_mro_default(PyTypeObject *type)
{
    PyObject *bases = type->tp_bases;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    if (n == 1) {
        /* Single inheritance: the base's MRO with type in front. */
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, 0);
        PyObject *base_mro = base->tp_mro;
        if (base_mro == NULL) {
            PyErr_Format(PyExc_TypeError, "Cannot extend an incomplete type '%.100s'",
                         base->tp_name);
            return NULL;
        }
        Py_ssize_t k = PyTuple_GET_SIZE(base_mro);
        PyObject *result = PyTuple_New(k + 1);
        if (result == NULL)
            return NULL;
        PyTuple_SET_ITEM(result, 0, Py_NewRef(type));
        for (Py_ssize_t i = 0; i < k; i++)
            PyTuple_SET_ITEM(result, i + 1, Py_NewRef(PyTuple_GET_ITEM(base_mro, i)));
        return result;
    }
    if (kr_check_duplicates(bases) < 0)
        return NULL;
    PyObject **to_merge = PyMem_New(PyObject *, n + 1);
    if (to_merge == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, i);
        if (base->tp_mro == NULL) {
            PyErr_Format(PyExc_TypeError, "Cannot extend an incomplete type '%.100s'",
                         base->tp_name);
            PyMem_Free(to_merge);
            return NULL;
        }
        to_merge[i] = base->tp_mro;
    }
    to_merge[n] = bases;
    PyObject *result = PyList_New(1);
    if (result == NULL) {
        PyMem_Free(to_merge);
        return NULL;
    }
    PyList_SET_ITEM(result, 0, Py_NewRef(type));
    if (kr_pmerge(result, to_merge, n + 1) < 0) {
        Py_CLEAR(result);
    }
    PyMem_Free(to_merge);
    if (result == NULL)
        return NULL;
    PyObject *tuple = PyList_AsTuple(result);
    Py_DECREF(result);
    return tuple;
}

/* Validate what a custom mro() returned. */
static int
kr_mro_check(PyTypeObject *type, PyObject *mro)
{
    PyTypeObject *solid = kr_type_solid_base(type);
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *obj = PyTuple_GET_ITEM(mro, i);
        if (!PyType_Check(obj)) {
            PyErr_Format(PyExc_TypeError, "mro() returned a non-class ('%.500s')",
                         Py_TYPE(obj)->tp_name);
            return -1;
        }
        PyTypeObject *base = (PyTypeObject *)obj;
        if (!PyType_IsSubtype(solid, kr_type_solid_base(base))) {
            PyErr_Format(PyExc_TypeError,
                         "mro() returned base with unsuitable layout ('%.500s')",
                         base->tp_name);
            return -1;
        }
    }
    return 0;
}

static PyObject *
kr_mro_invoke(PyTypeObject *type)
{
    PyObject *mro_result;
    int custom = !Py_IS_TYPE(type, &PyType_Type);
    if (custom) {
        PyObject *meth = _PyType_Lookup(Py_TYPE(type), KR_ID(mro));
        if (meth == NULL) {
            PyErr_SetObject(PyExc_AttributeError, KR_ID(mro));
            return NULL;
        }
        Py_INCREF(meth);
        PyObject *self = (PyObject *)type;
        descrgetfunc f = Py_TYPE(meth)->tp_descr_get;
        if (f == NULL || (Py_TYPE(meth)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            mro_result = PyObject_Vectorcall(meth, &self, 1, NULL);
        }
        else {
            PyObject *bound = f(meth, self, (PyObject *)Py_TYPE(type));
            mro_result = bound ? PyObject_CallNoArgs(bound) : NULL;
            Py_XDECREF(bound);
        }
        Py_DECREF(meth);
    }
    else {
        mro_result = kr_type_mro_default(type);
    }
    if (mro_result == NULL)
        return NULL;
    PyObject *result = PySequence_Tuple(mro_result);
    Py_DECREF(mro_result);
    if (result == NULL)
        return NULL;
    if (PyTuple_GET_SIZE(result) == 0) {
        Py_DECREF(result);
        PyErr_Format(PyExc_TypeError, "type MRO must not be empty");
        return NULL;
    }
    if (custom && kr_mro_check(type, result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

int
kr_type_mro_internal(PyTypeObject *type, PyObject **pold)
{
    PyObject *new_mro = kr_mro_invoke(type);
    if (new_mro == NULL)
        return -1;
    PyObject *old = type->tp_mro;
    type->tp_mro = new_mro;
    if (pold != NULL)
        *pold = old;
    else
        Py_XDECREF(old);
    PyType_Modified(type);
    return 1;
}

PyTypeObject *
kr_type_best_base(PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyTypeObject *base = NULL, *winner = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base_proto = PyTuple_GET_ITEM(bases, i);
        if (!PyType_Check(base_proto)) {
            PyErr_SetString(PyExc_TypeError, "bases must be types");
            return NULL;
        }
        PyTypeObject *base_i = (PyTypeObject *)base_proto;
        if (base_i->tp_dict == NULL && PyType_Ready(base_i) < 0)
            return NULL;
        if (!(base_i->tp_flags & Py_TPFLAGS_BASETYPE)) {
            PyErr_Format(PyExc_TypeError, "type '%.100s' is not an acceptable base type",
                         base_i->tp_name);
            return NULL;
        }
        PyTypeObject *candidate = kr_type_solid_base(base_i);
        if (winner == NULL) {
            winner = candidate;
            base = base_i;
        }
        else if (PyType_IsSubtype(winner, candidate)) {
            ;
        }
        else if (PyType_IsSubtype(candidate, winner)) {
            winner = candidate;
            base = base_i;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

PyTypeObject *
kr_type_calculate_metaclass(PyTypeObject *metatype, PyObject *bases)
{
    PyTypeObject *winner = metatype;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *tmptype = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, tmptype))
            continue;
        if (PyType_IsSubtype(tmptype, winner)) {
            winner = tmptype;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

PyTypeObject *
_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases)
{
    return kr_type_calculate_metaclass(metatype, bases);
}
