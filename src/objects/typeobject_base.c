/* typeobject_base.c: `object` (PyBaseObject_Type), the root of every
 * class: construction with the excess-argument rules, the default repr,
 * str, comparison, hash and format, __class__ assignment, dir(), pickling
 * support (__reduce__, __reduce_ex__, __getstate__), __sizeof__, and the
 * class hooks __init_subclass__ / __subclasshook__.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

static int
kr_excess_args(PyObject *args, PyObject *kwds)
{
    return PyTuple_GET_SIZE(args) || (kwds && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds));
}

int
kr_object_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = Py_TYPE(self);
    if (kr_excess_args(args, kwds)) {
        if (type->tp_init != kr_object_init) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == kr_object_new) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                         type->tp_name);
            return -1;
        }
    }
    return 0;
}

PyObject *
kr_object_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kr_excess_args(args, kwds)) {
        if (type->tp_new != kr_object_new) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == kr_object_init) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    if (kr_type_check_abstract(type) < 0)
        return NULL;
    return type->tp_alloc(type, 0);
}

static void
object_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
object_repr(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mod = kr_type_module(type);
    if (mod == NULL)
        PyErr_Clear();
    else if (!PyUnicode_Check(mod))
        Py_CLEAR(mod);
    PyObject *name = PyType_GetQualName(type);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *rtn;
    if (mod != NULL && PyUnicode_CompareWithASCIIString(mod, "builtins") != 0)
        rtn = PyUnicode_FromFormat("<%U.%U object at %p>", mod, name, (void *)self);
    else
        rtn = PyUnicode_FromFormat("<%s object at %p>", type->tp_name, (void *)self);
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

static PyObject *
object_str(PyObject *self)
{
    reprfunc f = Py_TYPE(self)->tp_repr;
    if (f == NULL)
        f = object_repr;
    return f(self);
}

static PyObject *
object_richcompare(PyObject *self, PyObject *other, int op)
{
    switch (op) {
    case Py_EQ:
        /* Identity is the only equality object knows; anything else is
         * for the other operand to decide. */
        return Py_NewRef(self == other ? Py_True : Py_NotImplemented);
    case Py_NE: {
        /* != inverts ==, whatever __eq__ the class defines. */
        richcmpfunc eq = Py_TYPE(self)->tp_richcompare;
        if (eq == NULL)
            Py_RETURN_NOTIMPLEMENTED;
        PyObject *res = eq(self, other, Py_EQ);
        if (res != NULL && res != Py_NotImplemented) {
            int ok = PyObject_IsTrue(res);
            Py_DECREF(res);
            if (ok < 0)
                return NULL;
            return PyBool_FromLong(!ok);
        }
        return res;
    }
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

static Py_hash_t
object_hash(PyObject *self)
{
    return _Py_HashPointer(self);
}

/* ---- __class__ ---- */

static PyObject *
object_get_class(PyObject *self, void *closure)
{
    return Py_NewRef(Py_TYPE(self));
}

static int
object_set_class(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!PyType_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__class__ must be set to a class, not '%s' object",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyTypeObject *newto = (PyTypeObject *)value;
    PyTypeObject *oldto = Py_TYPE(self);
    if (!(PyType_IsSubtype(newto, &PyModule_Type) && PyType_IsSubtype(oldto, &PyModule_Type)) &&
        ((newto->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) ||
         (oldto->tp_flags & Py_TPFLAGS_IMMUTABLETYPE))) {
        PyErr_Format(PyExc_TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!kr_type_compatible_for_assignment(oldto, newto, "__class__"))
        return -1;
    if (newto->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(newto);
    Py_SET_TYPE(self, newto);
    if (oldto->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_DECREF(oldto);
    return 0;
}

static PyGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class,
     "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- pickling ---- */

static PyObject *
kr_import_copyreg(void)
{
    return PyImport_ImportModule("copyreg");
}

static PyObject *
kr_slotnames(PyObject *cls)
{
    PyObject *slotnames = PyDict_GetItemWithError(((PyTypeObject *)cls)->tp_dict,
                                                  KR_ID(__slotnames__));
    if (slotnames != NULL)
        return Py_NewRef(slotnames);
    if (PyErr_Occurred())
        return NULL;
    PyObject *copyreg = kr_import_copyreg();
    if (copyreg == NULL)
        return NULL;
    slotnames = PyObject_CallMethod(copyreg, "_slotnames", "O", cls);
    Py_DECREF(copyreg);
    if (slotnames != NULL && slotnames != Py_None && !PyList_Check(slotnames)) {
        PyErr_SetString(PyExc_TypeError, "copyreg._slotnames didn't return a list or None");
        Py_CLEAR(slotnames);
    }
    return slotnames;
}

static PyObject *
kr_object_getstate_default(PyObject *obj, int required)
{
    if (required && Py_TYPE(obj)->tp_itemsize) {
        PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *state;
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr != NULL && *dictptr != NULL && PyDict_GET_SIZE(*dictptr) > 0)
        state = PyDict_Copy(*dictptr);
    else
        state = Py_NewRef(Py_None);
    if (state == NULL)
        return NULL;
    PyObject *slotnames = kr_slotnames((PyObject *)Py_TYPE(obj));
    if (slotnames == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    if (required) {
        Py_ssize_t basicsize = PyBaseObject_Type.tp_basicsize;
        if (Py_TYPE(obj)->tp_dictoffset)
            basicsize += (Py_ssize_t)sizeof(PyObject *);
        if (Py_TYPE(obj)->tp_weaklistoffset)
            basicsize += (Py_ssize_t)sizeof(PyObject *);
        if (slotnames != Py_None)
            basicsize += (Py_ssize_t)sizeof(PyObject *) * PyList_GET_SIZE(slotnames);
        if (Py_TYPE(obj)->tp_basicsize > basicsize) {
            Py_DECREF(slotnames);
            Py_DECREF(state);
            PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(obj)->tp_name);
            return NULL;
        }
    }
    if (slotnames != Py_None && PyList_GET_SIZE(slotnames) > 0) {
        PyObject *slots = PyDict_New();
        if (slots == NULL)
            goto error;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(slotnames); i++) {
            PyObject *name = PyList_GET_ITEM(slotnames, i);
            PyObject *value;
            if (_PyObject_LookupAttr(obj, name, &value) < 0) {
                Py_DECREF(slots);
                goto error;
            }
            if (value != NULL) {
                int r = PyDict_SetItem(slots, name, value);
                Py_DECREF(value);
                if (r < 0) {
                    Py_DECREF(slots);
                    goto error;
                }
            }
        }
        if (PyDict_GET_SIZE(slots) > 0) {
            PyObject *pair = PyTuple_Pack(2, state, slots);
            Py_DECREF(state);
            state = pair;
        }
        Py_DECREF(slots);
        if (state == NULL)
            goto error;
    }
    Py_DECREF(slotnames);
    return state;
error:
    Py_DECREF(slotnames);
    Py_XDECREF(state);
    return NULL;
}

static PyObject *object___getstate__(PyObject *self, PyObject *unused);

static PyObject *
kr_object_getstate(PyObject *obj, int required)
{
    PyObject *getstate = PyObject_GetAttr(obj, KR_ID(__getstate__));
    if (getstate == NULL)
        return NULL;
    PyObject *state;
    if (PyCFunction_Check(getstate) && PyCFunction_GET_SELF(getstate) == obj &&
        PyCFunction_GET_FUNCTION(getstate) == object___getstate__)
        state = kr_object_getstate_default(obj, required);
    else
        state = PyObject_CallNoArgs(getstate);
    Py_DECREF(getstate);
    return state;
}

static PyObject *
object___getstate__(PyObject *self, PyObject *unused)
{
    return kr_object_getstate_default(self, 0);
}

static int
kr_get_new_arguments(PyObject *obj, PyObject **args, PyObject **kwargs)
{
    *args = *kwargs = NULL;
    PyObject *getnewargs_ex = _PyObject_LookupSpecial(obj, KR_ID(__getnewargs_ex__));
    if (getnewargs_ex != NULL) {
        PyObject *newargs = PyObject_CallNoArgs(getnewargs_ex);
        Py_DECREF(getnewargs_ex);
        if (newargs == NULL)
            return -1;
        if (!PyTuple_Check(newargs)) {
            PyErr_Format(PyExc_TypeError, "__getnewargs_ex__ should return a tuple, not '%.200s'",
                         Py_TYPE(newargs)->tp_name);
            Py_DECREF(newargs);
            return -1;
        }
        if (PyTuple_GET_SIZE(newargs) != 2) {
            PyErr_Format(PyExc_ValueError,
                         "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                         PyTuple_GET_SIZE(newargs));
            Py_DECREF(newargs);
            return -1;
        }
        *args = Py_NewRef(PyTuple_GET_ITEM(newargs, 0));
        *kwargs = Py_NewRef(PyTuple_GET_ITEM(newargs, 1));
        Py_DECREF(newargs);
        if (!PyTuple_Check(*args)) {
            PyErr_Format(PyExc_TypeError,
                         "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%.200s'",
                         Py_TYPE(*args)->tp_name);
            goto error;
        }
        if (!PyDict_Check(*kwargs)) {
            PyErr_Format(PyExc_TypeError,
                         "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%.200s'",
                         Py_TYPE(*kwargs)->tp_name);
            goto error;
        }
        return 0;
    }
    if (PyErr_Occurred())
        return -1;
    PyObject *getnewargs = _PyObject_LookupSpecial(obj, KR_ID(__getnewargs__));
    if (getnewargs != NULL) {
        *args = PyObject_CallNoArgs(getnewargs);
        Py_DECREF(getnewargs);
        if (*args == NULL)
            return -1;
        if (!PyTuple_Check(*args)) {
            PyErr_Format(PyExc_TypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                         Py_TYPE(*args)->tp_name);
            Py_CLEAR(*args);
            return -1;
        }
        return 0;
    }
    return PyErr_Occurred() ? -1 : 0;
error:
    Py_CLEAR(*args);
    Py_CLEAR(*kwargs);
    return -1;
}

static PyObject *
kr_reduce_newobj(PyObject *obj)
{
    if (Py_TYPE(obj)->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *args, *kwargs;
    if (kr_get_new_arguments(obj, &args, &kwargs) < 0)
        return NULL;
    PyObject *copyreg = kr_import_copyreg();
    if (copyreg == NULL) {
        Py_XDECREF(args);
        Py_XDECREF(kwargs);
        return NULL;
    }
    int hasargs = args != NULL;
    PyObject *newobj, *newargs;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        newobj = PyObject_GetAttr(copyreg, KR_ID(__newobj__));
        Py_ssize_t n = args ? PyTuple_GET_SIZE(args) : 0;
        newargs = newobj ? PyTuple_New(n + 1) : NULL;
        if (newargs != NULL) {
            PyTuple_SET_ITEM(newargs, 0, Py_NewRef(Py_TYPE(obj)));
            for (Py_ssize_t i = 0; i < n; i++)
                PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
        }
    }
    else {
        newobj = PyObject_GetAttr(copyreg, KR_ID(__newobj_ex__));
        newargs = newobj ? PyTuple_Pack(3, (PyObject *)Py_TYPE(obj), args, kwargs) : NULL;
    }
    Py_DECREF(copyreg);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    if (newargs == NULL) {
        Py_XDECREF(newobj);
        return NULL;
    }
    PyObject *state = kr_object_getstate(obj, !(hasargs || PyList_Check(obj) || PyDict_Check(obj)));
    if (state == NULL) {
        Py_DECREF(newobj);
        Py_DECREF(newargs);
        return NULL;
    }
    PyObject *listitems = Py_NewRef(Py_None), *dictitems = Py_NewRef(Py_None);
    if (PyList_Check(obj)) {
        Py_SETREF(listitems, PyObject_GetIter(obj));
    }
    if (listitems != NULL && PyDict_Check(obj)) {
        PyObject *items = PyObject_CallMethod(obj, "items", NULL);
        Py_SETREF(dictitems, items ? PyObject_GetIter(items) : NULL);
        Py_XDECREF(items);
    }
    PyObject *result = NULL;
    if (listitems != NULL && dictitems != NULL)
        result = PyTuple_Pack(5, newobj, newargs, state, listitems, dictitems);
    Py_XDECREF(listitems);
    Py_XDECREF(dictitems);
    Py_DECREF(newobj);
    Py_DECREF(newargs);
    Py_DECREF(state);
    return result;
}

static PyObject *
kr_common_reduce(PyObject *self, int proto)
{
    if (proto >= 2)
        return kr_reduce_newobj(self);
    PyObject *copyreg = kr_import_copyreg();
    if (copyreg == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(copyreg, "_reduce_ex", "Oi", self, proto);
    Py_DECREF(copyreg);
    return res;
}

static PyObject *
object___reduce__(PyObject *self, PyObject *unused)
{
    return kr_common_reduce(self, 0);
}

static PyObject *
object___reduce_ex__(PyObject *self, PyObject *arg)
{
    int protocol = _PyLong_AsInt(arg);
    if (protocol == -1 && PyErr_Occurred())
        return NULL;
    PyObject *reduce;
    if (_PyObject_LookupAttr(self, KR_ID(__reduce__), &reduce) < 0)
        return NULL;
    if (reduce != NULL) {
        PyObject *clsreduce = PyObject_GetAttr((PyObject *)Py_TYPE(self), KR_ID(__reduce__));
        if (clsreduce == NULL) {
            Py_DECREF(reduce);
            return NULL;
        }
        PyObject *objreduce = PyDict_GetItemWithError(PyBaseObject_Type.tp_dict, KR_ID(__reduce__));
        int override = clsreduce != objreduce;
        Py_DECREF(clsreduce);
        if (override) {
            PyObject *res = PyObject_CallNoArgs(reduce);
            Py_DECREF(reduce);
            return res;
        }
        Py_DECREF(reduce);
    }
    return kr_common_reduce(self, protocol);
}

static PyObject *
object_subclasshook(PyObject *cls, PyObject *args)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
object_init_subclass(PyObject *cls, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyObject *
object___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(format_spec) > 0) {
        PyErr_Format(PyExc_TypeError, "unsupported format string passed to %.200s.__format__",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    return PyObject_Str(self);
}

static PyObject *
object___sizeof__(PyObject *self, PyObject *unused)
{
    Py_ssize_t res = 0;
    Py_ssize_t isize = Py_TYPE(self)->tp_itemsize;
    if (isize > 0)
        res = Py_SIZE(self) * isize;
    res += Py_TYPE(self)->tp_basicsize;
    return PyLong_FromSsize_t(res);
}

static PyObject *
object___dir__(PyObject *self, PyObject *unused)
{
    PyObject *dict;
    if (_PyObject_LookupAttr(self, KR_ID(__dict__), &dict) < 0)
        return NULL;
    if (dict == NULL) {
        dict = PyDict_New();
    }
    else if (!PyDict_Check(dict)) {
        Py_DECREF(dict);
        dict = PyDict_New();
    }
    else {
        Py_SETREF(dict, PyDict_Copy(dict));
    }
    if (dict == NULL)
        return NULL;
    PyObject *itsclass;
    PyObject *result = NULL;
    if (_PyObject_LookupAttr(self, KR_ID(__class__), &itsclass) < 0)
        goto done;
    if (itsclass != NULL) {
        int r = kr_type_merge_class_dict(dict, itsclass);
        Py_DECREF(itsclass);
        if (r < 0)
            goto done;
    }
    result = PyDict_Keys(dict);
done:
    Py_DECREF(dict);
    return result;
}

static PyMethodDef object_methods[] = {
    {"__reduce_ex__", object___reduce_ex__, METH_O,
     "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."},
    {"__reduce__", object___reduce__, METH_NOARGS,
     "__reduce__($self, /)\n--\n\nHelper for pickle."},
    {"__getstate__", object___getstate__, METH_NOARGS,
     "__getstate__($self, /)\n--\n\nHelper for pickle."},
    {"__subclasshook__", object_subclasshook, METH_CLASS | METH_VARARGS,
     "Abstract classes can override this to customize issubclass().\n\n"
     "This is invoked early on by abc.ABCMeta.__subclasscheck__().\n"
     "It should return True, False or NotImplemented.  If it returns\n"
     "NotImplemented, the normal algorithm is used.  Otherwise, it\n"
     "overrides the normal algorithm (and the outcome is cached).\n"},
    {"__init_subclass__", object_init_subclass, METH_CLASS | METH_NOARGS,
     "This method is called when a class is subclassed.\n\n"
     "The default implementation does nothing. It may be\n"
     "overridden to extend subclasses.\n"},
    {"__format__", object___format__, METH_O,
     "__format__($self, format_spec, /)\n--\n\nDefault object formatter."},
    {"__sizeof__", object___sizeof__, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."},
    {"__dir__", object___dir__, METH_NOARGS,
     "__dir__($self, /)\n--\n\nDefault dir() implementation."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBaseObject_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "object",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "object()\n--\n\n"
              "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = kr_object_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = kr_object_new,
    .tp_free = PyObject_Free,
};
