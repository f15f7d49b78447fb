/* object.c: the generic object protocol: repr/str/ascii/bytes, rich
 * comparison, hashing, truth, attribute access (the generic
 * __getattribute__/__setattr__ with descriptors and instance dicts),
 * dir(), recursion guards for repr, PEP 442 finalizers, and the function
 * forms of the reference-counting macros.
 *
 * Attribute lookup order (the data model): a data descriptor found on the
 * type wins, then the instance __dict__, then a non-data descriptor or
 * plain class attribute.  _PyObject_GetMethod is the same walk that skips
 * binding a method descriptor, which the VM's LOAD_METHOD uses.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

/* ---- reference counting, function forms ---- */

void Py_IncRef(PyObject *o) { Py_XINCREF(o); }
void Py_DecRef(PyObject *o) { Py_XDECREF(o); }
PyObject *(Py_NewRef)(PyObject *o) { Py_INCREF(o); return o; }
PyObject *(Py_XNewRef)(PyObject *o) { Py_XINCREF(o); return o; }

/* ---- pointer hashes ---- */

Py_hash_t
_Py_HashPointerRaw(const void *p)
{
    /* The low bits of addresses are always zero (alignment): rotate them
     * to the top so they do not all land in the same dict buckets. */
    size_t y = (size_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    return (Py_hash_t)y;
}

Py_hash_t
_Py_HashPointer(const void *p)
{
    Py_hash_t h = _Py_HashPointerRaw(p);
    return h == -1 ? -2 : h;
}

Py_hash_t
Py_HashPointer(const void *p)
{
    return _Py_HashPointer(p);
}

/* ---- repr / str / ascii / bytes ---- */

PyObject *
PyObject_Repr(PyObject *v)
{
    if (PyErr_CheckSignals())
        return NULL;
    if (v == NULL)
        return PyUnicode_FromString("<NULL>");
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_repr == NULL)
        return PyUnicode_FromFormat("<%s object at %p>", tp->tp_name, (void *)v);
    if (Py_EnterRecursiveCall(" while getting the repr of an object"))
        return NULL;
    PyObject *res = tp->tp_repr(v);
    Py_LeaveRecursiveCall();
    if (res == NULL)
        return NULL;
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__repr__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *
PyObject_Str(PyObject *v)
{
    if (PyErr_CheckSignals())
        return NULL;
    if (v == NULL)
        return PyUnicode_FromString("<NULL>");
    if (PyUnicode_CheckExact(v))
        return Py_NewRef(v);
    if (Py_TYPE(v)->tp_str == NULL)
        return PyObject_Repr(v);
    if (Py_EnterRecursiveCall(" while getting the str of an object"))
        return NULL;
    PyObject *res = Py_TYPE(v)->tp_str(v);
    Py_LeaveRecursiveCall();
    if (res == NULL)
        return NULL;
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__str__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* ascii(): the repr with every non-ASCII code point escaped as \xhh,
 * \uhhhh or \Uhhhhhhhh. */
PyObject *
PyObject_ASCII(PyObject *v)
{
    PyObject *repr = PyObject_Repr(v);
    if (repr == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(repr);
    Py_ssize_t extra = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(repr, i);
        if (c >= 0x10000) extra += 9;
        else if (c >= 0x100) extra += 5;
        else if (c >= 0x80) extra += 3;
    }
    if (extra == 0)
        return repr;
    char *buf = PyMem_Malloc((size_t)(n + extra + 1));
    if (buf == NULL) {
        Py_DECREF(repr);
        return PyErr_NoMemory();
    }
    static const char hex[] = "0123456789abcdef";
    char *p = buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(repr, i);
        int digits;
        if (c < 0x80) { *p++ = (char)c; continue; }
        *p++ = '\\';
        if (c >= 0x10000) { *p++ = 'U'; digits = 8; }
        else if (c >= 0x100) { *p++ = 'u'; digits = 4; }
        else { *p++ = 'x'; digits = 2; }
        for (int d = digits - 1; d >= 0; d--)
            *p++ = hex[(c >> (4 * d)) & 0xf];
    }
    PyObject *res = PyUnicode_FromStringAndSize(buf, p - buf);
    PyMem_Free(buf);
    Py_DECREF(repr);
    return res;
}

PyObject *
PyObject_Bytes(PyObject *v)
{
    if (v == NULL)
        return PyBytes_FromString("<NULL>");
    if (PyBytes_CheckExact(v))
        return Py_NewRef(v);
    PyObject *func = _PyObject_LookupSpecial(v, KR_ID(__bytes__));
    if (func != NULL) {
        PyObject *res = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (res == NULL)
            return NULL;
        if (!PyBytes_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
    return PyBytes_FromObject(v);
}

/* ---- rich comparison ---- */

static const char *const kr_opstrings[] = {"<", "<=", "==", "!=", ">", ">="};
static const int kr_swapped_op[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};

static PyObject *
kr_do_richcompare(PyObject *v, PyObject *w, int op)
{
    richcmpfunc f;
    PyObject *res;
    int checked_reverse = 0;

    /* A subclass that overrides the comparison gets the first chance, so
     * that it can refine what its base does. */
    if (!Py_IS_TYPE(v, Py_TYPE(w)) && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v)) &&
        (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        checked_reverse = 1;
        res = f(w, v, kr_swapped_op[op]);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    if ((f = Py_TYPE(v)->tp_richcompare) != NULL) {
        res = f(v, w, op);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    if (!checked_reverse && (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        res = f(w, v, kr_swapped_op[op]);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    switch (op) {
    case Py_EQ:
        return PyBool_FromLong(v == w);
    case Py_NE:
        return PyBool_FromLong(v != w);
    default:
        PyErr_Format(PyExc_TypeError,
                     "'%s' not supported between instances of '%.100s' and '%.100s'",
                     kr_opstrings[op], Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
        return NULL;
    }
}

PyObject *
PyObject_RichCompare(PyObject *v, PyObject *w, int op)
{
    if (v == NULL || w == NULL) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        return NULL;
    }
    if (Py_EnterRecursiveCall(" in comparison"))
        return NULL;
    PyObject *res = kr_do_richcompare(v, w, op);
    Py_LeaveRecursiveCall();
    return res;
}

int
PyObject_RichCompareBool(PyObject *v, PyObject *w, int op)
{
    /* Identity implies equality: containers rely on this for NaN. */
    if (v == w) {
        if (op == Py_EQ)
            return 1;
        if (op == Py_NE)
            return 0;
    }
    PyObject *res = PyObject_RichCompare(v, w, op);
    if (res == NULL)
        return -1;
    int ok;
    if (PyBool_Check(res))
        ok = (res == Py_True);
    else
        ok = PyObject_IsTrue(res);
    Py_DECREF(res);
    return ok;
}

/* ---- hashing and truth ---- */

Py_hash_t
PyObject_HashNotImplemented(PyObject *v)
{
    PyErr_Format(PyExc_TypeError, "unhashable type: '%.200s'", Py_TYPE(v)->tp_name);
    return -1;
}

Py_hash_t
PyObject_Hash(PyObject *v)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_hash != NULL)
        return tp->tp_hash(v);
    /* A type not readied yet inherits tp_hash from its base once ready. */
    if (tp->tp_dict == NULL) {
        if (PyType_Ready(tp) < 0)
            return -1;
        if (tp->tp_hash != NULL)
            return tp->tp_hash(v);
    }
    return PyObject_HashNotImplemented(v);
}

int
PyObject_IsTrue(PyObject *v)
{
    Py_ssize_t res;
    if (v == Py_True)
        return 1;
    if (v == Py_False || v == Py_None)
        return 0;
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL)
        res = tp->tp_as_number->nb_bool(v);
    else if (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL)
        res = tp->tp_as_mapping->mp_length(v);
    else if (tp->tp_as_sequence != NULL && tp->tp_as_sequence->sq_length != NULL)
        res = tp->tp_as_sequence->sq_length(v);
    else
        return 1;
    return res > 0 ? 1 : (int)res;
}

int
PyObject_Not(PyObject *v)
{
    int res = PyObject_IsTrue(v);
    return res < 0 ? res : !res;
}

int
PyCallable_Check(PyObject *x)
{
    return x != NULL && Py_TYPE(x)->tp_call != NULL;
}

PyObject *
PyObject_SelfIter(PyObject *obj)
{
    return Py_NewRef(obj);
}

/* ---- attribute access ---- */

/* Attach `name` and `obj` to a pending AttributeError (3.10+), unless the
 * exception already carries them; the traceback printer uses them for its
 * "Did you mean" suggestions. */
static void
kr_set_attribute_error_context(PyObject *v, PyObject *name)
{
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL && PyErr_GivenExceptionMatches(value, PyExc_AttributeError)) {
        int known = 0;
        PyObject *cur = PyObject_GetAttr(value, KR_ID(name));
        if (cur == NULL)
            PyErr_Clear();
        else {
            known = (cur != Py_None);
            Py_DECREF(cur);
        }
        if (!known) {
            if (PyObject_SetAttr(value, KR_ID(name), name) < 0 ||
                PyObject_SetAttr(value, KR_ID(obj), v) < 0)
                PyErr_Clear();
        }
    }
    PyErr_Restore(type, value, tb);
}

static inline int
kr_check_attr_name(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

PyObject *
PyObject_GetAttr(PyObject *v, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (kr_check_attr_name(name) < 0)
        return NULL;
    PyObject *res;
    if (tp->tp_getattro != NULL) {
        res = tp->tp_getattro(v, name);
    }
    else if (tp->tp_getattr != NULL) {
        const char *s = PyUnicode_AsUTF8(name);
        if (s == NULL)
            return NULL;
        res = tp->tp_getattr(v, (char *)s);
    }
    else {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                     tp->tp_name, name);
        res = NULL;
    }
    if (res == NULL)
        kr_set_attribute_error_context(v, name);
    return res;
}

int
_PyObject_LookupAttr(PyObject *v, PyObject *name, PyObject **result)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (kr_check_attr_name(name) < 0) {
        *result = NULL;
        return -1;
    }
    if (tp->tp_getattro == PyObject_GenericGetAttr) {
        *result = _PyObject_GenericGetAttrWithDict(v, name, NULL, 1);
        if (*result != NULL)
            return 1;
        return PyErr_Occurred() ? -1 : 0;
    }
    if (tp->tp_getattro != NULL)
        *result = tp->tp_getattro(v, name);
    else if (tp->tp_getattr != NULL) {
        const char *s = PyUnicode_AsUTF8(name);
        if (s == NULL) {
            *result = NULL;
            return -1;
        }
        *result = tp->tp_getattr(v, (char *)s);
    }
    else {
        *result = NULL;
        return 0;
    }
    if (*result != NULL)
        return 1;
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return -1;
    PyErr_Clear();
    return 0;
}

PyObject *
PyObject_GetAttrString(PyObject *v, const char *name)
{
    if (Py_TYPE(v)->tp_getattr != NULL && Py_TYPE(v)->tp_getattro == NULL)
        return Py_TYPE(v)->tp_getattr(v, (char *)name);
    PyObject *w = PyUnicode_FromString(name);
    if (w == NULL)
        return NULL;
    PyObject *res = PyObject_GetAttr(v, w);
    Py_DECREF(w);
    return res;
}

int
PyObject_HasAttr(PyObject *v, PyObject *name)
{
    PyObject *res;
    if (_PyObject_LookupAttr(v, name, &res) < 0) {
        PyErr_Clear();
        return 0;
    }
    if (res == NULL)
        return 0;
    Py_DECREF(res);
    return 1;
}

int
PyObject_HasAttrString(PyObject *v, const char *name)
{
    PyObject *w = PyUnicode_FromString(name);
    if (w == NULL) {
        PyErr_Clear();
        return 0;
    }
    int r = PyObject_HasAttr(v, w);
    Py_DECREF(w);
    return r;
}

int
PyObject_SetAttr(PyObject *v, PyObject *name, PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (kr_check_attr_name(name) < 0)
        return -1;
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    int err;
    if (tp->tp_setattro != NULL) {
        err = tp->tp_setattro(v, name, value);
        Py_DECREF(name);
        return err;
    }
    if (tp->tp_setattr != NULL) {
        const char *s = PyUnicode_AsUTF8(name);
        if (s == NULL) {
            Py_DECREF(name);
            return -1;
        }
        err = tp->tp_setattr(v, (char *)s, value);
        Py_DECREF(name);
        return err;
    }
    Py_DECREF(name);
    if (tp->tp_getattr == NULL && tp->tp_getattro == NULL)
        PyErr_Format(PyExc_TypeError,
                     "'%.100s' object has no attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    else
        PyErr_Format(PyExc_TypeError,
                     "'%.100s' object has only read-only attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    return -1;
}

int
PyObject_SetAttrString(PyObject *v, const char *name, PyObject *w)
{
    if (Py_TYPE(v)->tp_setattr != NULL && Py_TYPE(v)->tp_setattro == NULL)
        return Py_TYPE(v)->tp_setattr(v, (char *)name, w);
    PyObject *s = PyUnicode_InternFromString(name);
    if (s == NULL)
        return -1;
    int res = PyObject_SetAttr(v, s, w);
    Py_DECREF(s);
    return res;
}

/* Address of the instance dict pointer, or NULL when the type has none.
 * A negative tp_dictoffset counts from the end of a variable-size object. */
PyObject **
_PyObject_GetDictPtr(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    Py_ssize_t off = tp->tp_dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        Py_ssize_t n = Py_SIZE(obj);
        if (n < 0)
            n = -n;
        size_t size = (size_t)(tp->tp_basicsize + n * tp->tp_itemsize);
        size = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
        off += (Py_ssize_t)size;
    }
    return (PyObject **)((char *)obj + off);
}

PyObject *
_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name, PyObject *dict,
                                 int suppress)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *res = NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    Py_INCREF(name);
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0)
        goto done;

    PyObject *descr = _PyType_Lookup(tp, name);
    descrgetfunc f = NULL;
    Py_XINCREF(descr);
    if (descr != NULL) {
        f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
            res = f(descr, obj, (PyObject *)tp);
            if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
                PyErr_Clear();
            goto done_descr;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_GetDictPtr(obj);
        if (dictptr != NULL)
            dict = *dictptr;
    }
    if (dict != NULL) {
        Py_INCREF(dict);
        res = PyDict_GetItemWithError(dict, name);
        Py_DECREF(dict);
        if (res != NULL) {
            Py_INCREF(res);
            goto done_descr;
        }
        if (PyErr_Occurred())
            goto done_descr;
    }
    if (f != NULL) {
        res = f(descr, obj, (PyObject *)tp);
        if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        goto done_descr;
    }
    if (descr != NULL) {
        res = descr;
        descr = NULL;
        goto done_descr;
    }
    if (!suppress) {
        PyErr_Format(PyExc_AttributeError, "'%.50s' object has no attribute '%U'",
                     tp->tp_name, name);
        kr_set_attribute_error_context(obj, name);
    }
done_descr:
    Py_XDECREF(descr);
done:
    Py_DECREF(name);
    return res;
}

PyObject *
PyObject_GenericGetAttr(PyObject *obj, PyObject *name)
{
    return _PyObject_GenericGetAttrWithDict(obj, name, NULL, 0);
}

int
_PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name, PyObject *value,
                                 PyObject *dict)
{
    PyTypeObject *tp = Py_TYPE(obj);
    int res = -1;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0)
        return -1;
    Py_INCREF(name);
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        Py_INCREF(descr);
        descrsetfunc f = Py_TYPE(descr)->tp_descr_set;
        if (f != NULL) {
            res = f(descr, obj, value);
            goto done;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_GetDictPtr(obj);
        if (dictptr == NULL) {
            if (descr == NULL)
                PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                             tp->tp_name, name);
            else
                PyErr_Format(PyExc_AttributeError, "'%.50s' object attribute '%U' is read-only",
                             tp->tp_name, name);
            goto done;
        }
        if (*dictptr == NULL) {
            if (value == NULL) {
                PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                             tp->tp_name, name);
                goto done;
            }
            *dictptr = PyDict_New();
            if (*dictptr == NULL)
                goto done;
        }
        dict = *dictptr;
    }
    Py_INCREF(dict);
    if (value == NULL) {
        res = PyDict_DelItem(dict, name);
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                         tp->tp_name, name);
        }
    }
    else {
        res = PyDict_SetItem(dict, name, value);
    }
    Py_DECREF(dict);
done:
    Py_XDECREF(descr);
    Py_DECREF(name);
    return res;
}

int
PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value)
{
    return _PyObject_GenericSetAttrWithDict(obj, name, value, NULL);
}

PyObject *
PyObject_GenericGetDict(PyObject *obj, void *context)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    if (*dictptr == NULL) {
        *dictptr = PyDict_New();
        if (*dictptr == NULL)
            return NULL;
    }
    return Py_NewRef(*dictptr);
}

int
PyObject_GenericSetDict(PyObject *obj, PyObject *value, void *context)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(*dictptr, Py_NewRef(value));
    return 0;
}

int
_PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0) {
        *method = NULL;
        return 0;
    }
    int meth_found = 0;
    descrgetfunc f = NULL;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        Py_INCREF(descr);
        if (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
            meth_found = 1;
        }
        else {
            f = Py_TYPE(descr)->tp_descr_get;
            if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
                *method = f(descr, obj, (PyObject *)tp);
                Py_DECREF(descr);
                return 0;
            }
        }
    }
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr != NULL && *dictptr != NULL) {
        PyObject *dict = Py_NewRef(*dictptr);
        PyObject *attr = PyDict_GetItemWithError(dict, name);
        if (attr != NULL) {
            *method = Py_NewRef(attr);
            Py_DECREF(dict);
            Py_XDECREF(descr);
            return 0;
        }
        Py_DECREF(dict);
        if (PyErr_Occurred()) {
            Py_XDECREF(descr);
            *method = NULL;
            return 0;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f != NULL) {
        *method = f(descr, obj, (PyObject *)tp);
        Py_DECREF(descr);
        return 0;
    }
    if (descr != NULL) {
        *method = descr;
        return 0;
    }
    PyErr_Format(PyExc_AttributeError, "'%.50s' object has no attribute '%U'",
                 tp->tp_name, name);
    kr_set_attribute_error_context(obj, name);
    *method = NULL;
    return 0;
}

/* Look a special method up on the type only, binding it to self; new ref,
 * or NULL (with an exception only on a real error). */
PyObject *
_PyObject_LookupSpecial(PyObject *self, PyObject *attr)
{
    PyObject *res = _PyType_Lookup(Py_TYPE(self), attr);
    if (res != NULL) {
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f == NULL)
            Py_INCREF(res);
        else
            res = f(res, self, (PyObject *)Py_TYPE(self));
    }
    return res;
}

PyObject *
kr_call_special(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs,
                int *found)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(self), name);
    if (func == NULL) {
        *found = 0;
        return NULL;
    }
    *found = 1;
    PyObject *small[6];
    if (nargs + 1 <= 6 && (Py_TYPE(func)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        Py_INCREF(func);
        small[0] = self;
        for (Py_ssize_t i = 0; i < nargs; i++)
            small[i + 1] = args[i];
        PyObject *res = PyObject_Vectorcall(func, small, (size_t)(nargs + 1), NULL);
        Py_DECREF(func);
        return res;
    }
    descrgetfunc f = Py_TYPE(func)->tp_descr_get;
    if (f == NULL)
        Py_INCREF(func);
    else {
        func = f(func, self, (PyObject *)Py_TYPE(self));
        if (func == NULL)
            return NULL;
    }
    PyObject *res = PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
    Py_DECREF(func);
    return res;
}

/* ---- dir() ---- */

PyObject *
PyObject_Dir(PyObject *obj)
{
    PyObject *names;
    if (obj == NULL) {
        PyObject *locals = PyEval_GetLocals();
        if (locals == NULL)
            return NULL;
        names = PyMapping_Keys(locals);
        if (names == NULL)
            return NULL;
        if (!PyList_Check(names)) {
            PyErr_Format(PyExc_TypeError, "dir(): expected keys() of locals to be a list, "
                         "not '%.200s'", Py_TYPE(names)->tp_name);
            Py_DECREF(names);
            return NULL;
        }
    }
    else {
        PyObject *func = _PyObject_LookupSpecial(obj, KR_ID(__dir__));
        if (func == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "object does not provide __dir__");
            return NULL;
        }
        PyObject *result = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (result == NULL)
            return NULL;
        names = PySequence_List(result);
        Py_DECREF(result);
        if (names == NULL)
            return NULL;
    }
    if (PyList_Sort(names) < 0) {
        Py_DECREF(names);
        return NULL;
    }
    return names;
}

/* ---- recursive repr guard ---- */

/* The objects whose repr is in progress on this thread, as a list kept in
 * the thread state dict (a repr can be interrupted by a thread switch). */
static PyObject *
kr_repr_list(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return NULL;
    if (ts->dict == NULL) {
        ts->dict = PyDict_New();
        if (ts->dict == NULL)
            return NULL;
    }
    PyObject *key = PyUnicode_InternFromString("Py_Repr");
    if (key == NULL)
        return NULL;
    PyObject *list = PyDict_GetItemWithError(ts->dict, key);
    if (list == NULL) {
        if (PyErr_Occurred()) {
            Py_DECREF(key);
            return NULL;
        }
        list = PyList_New(0);
        if (list == NULL || PyDict_SetItem(ts->dict, key, list) < 0) {
            Py_XDECREF(list);
            Py_DECREF(key);
            return NULL;
        }
        Py_DECREF(list);
    }
    Py_DECREF(key);
    return list;   /* borrowed from the thread dict */
}

int
Py_ReprEnter(PyObject *obj)
{
    PyObject *list = kr_repr_list();
    if (list == NULL)
        return PyErr_Occurred() ? -1 : 0;
    for (Py_ssize_t i = PyList_GET_SIZE(list); --i >= 0;) {
        if (PyList_GET_ITEM(list, i) == obj)
            return 1;
    }
    if (PyList_Append(list, obj) < 0)
        return -1;
    return 0;
}

void
Py_ReprLeave(PyObject *obj)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *list = kr_repr_list();
    if (list != NULL) {
        for (Py_ssize_t i = PyList_GET_SIZE(list); --i >= 0;) {
            if (PyList_GET_ITEM(list, i) == obj) {
                PyList_SetSlice(list, i, i + 1, NULL);
                break;
            }
        }
    }
    PyErr_Restore(type, value, tb);
}

/* ---- printing and debugging ---- */

int
PyObject_Print(PyObject *op, FILE *fp, int flags)
{
    if (PyErr_CheckSignals())
        return -1;
    clearerr(fp);
    if (op == NULL) {
        fputs("<nil>", fp);
    }
    else {
        PyObject *s = (flags & Py_PRINT_RAW) ? PyObject_Str(op) : PyObject_Repr(op);
        if (s == NULL)
            return -1;
        Py_ssize_t n;
        const char *u = PyUnicode_AsUTF8AndSize(s, &n);
        if (u == NULL) {
            Py_DECREF(s);
            return -1;
        }
        fwrite(u, 1, (size_t)n, fp);
        Py_DECREF(s);
    }
    if (ferror(fp)) {
        PyErr_SetFromErrno(PyExc_OSError);
        clearerr(fp);
        return -1;
    }
    return 0;
}

void
_PyObject_Dump(PyObject *op)
{
    if (op == NULL) {
        fprintf(stderr, "<object at NULL>\n");
        return;
    }
    fprintf(stderr, "object address  : %p\n", (void *)op);
    fprintf(stderr, "object refcount : %zd\n", Py_REFCNT(op));
    fprintf(stderr, "object type     : %p\n", (void *)Py_TYPE(op));
    fprintf(stderr, "object type name: %s\n",
            Py_TYPE(op) ? Py_TYPE(op)->tp_name : "NULL");
    fflush(stderr);
}

/* "module.qualname()" for error messages about callables, dropping the
 * module when it is builtins. */
PyObject *
_PyObject_FunctionStr(PyObject *x)
{
    PyObject *qualname = NULL, *module = NULL, *result = NULL;
    int r = _PyObject_LookupAttr(x, KR_ID(__qualname__), &qualname);
    if (qualname == NULL) {
        if (r < 0)
            return NULL;
        return PyObject_Str(x);
    }
    r = _PyObject_LookupAttr(x, KR_ID(__module__), &module);
    if (module != NULL && module != Py_None && PyUnicode_Check(module) &&
        PyUnicode_CompareWithASCIIString(module, "builtins") != 0) {
        result = PyUnicode_FromFormat("%U.%U()", module, qualname);
    }
    else if (r >= 0) {
        result = PyUnicode_FromFormat("%U()", qualname);
    }
    Py_XDECREF(module);
    Py_DECREF(qualname);
    return result;
}

/* ---- PEP 442 finalizers ---- */

void
PyObject_CallFinalizer(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (tp->tp_finalize == NULL)
        return;
    int gc = (tp->tp_flags & Py_TPFLAGS_HAVE_GC) != 0;
    if (gc && PyObject_GC_IsFinalized(self))
        return;
    tp->tp_finalize(self);
    if (gc)
        _Py_AS_GC(self)->_gc_prev |= KR_GC_PREV_FINALIZED;
}

int
PyObject_CallFinalizerFromDealloc(PyObject *self)
{
    /* Resurrect temporarily so the finalizer can use the object. */
    Py_SET_REFCNT(self, 1);
    PyObject_CallFinalizer(self);
    Py_SET_REFCNT(self, Py_REFCNT(self) - 1);
    if (Py_REFCNT(self) == 0)
        return 0;
    /* The finalizer stored a new reference somewhere: the object lives on. */
    return -1;
}

PyObject *
_PyObject_NextNotImplemented(PyObject *self)
{
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
    return NULL;
}
