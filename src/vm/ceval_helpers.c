/* ceval_helpers.c: the longer instructions of the loop, out of line.
 *
 * Imports, raise, unpacking, pattern matching (MATCH_CLASS, MATCH_KEYS),
 * except* (CHECK_EG_MATCH, PREP_RERAISE_STAR), await/async-for plumbing,
 * with-statement entry, f-string formatting, **-merging, and the error
 * messages of unbound names.  Each follows CPython 3.11's behaviour and
 * message text; the loop (ceval.c) only moves stack entries around them. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"
#include "vm/genobject.h"

/* ---- names ---- */

void kr_ceval_name_error(PyThreadState *ts, PyObject *exc_type, const char *fmt,
                         PyObject *name)
{
    const char *s;
    if (name == NULL)
        return;
    s = PyUnicode_AsUTF8(name);
    if (s == NULL)
        return;
    PyErr_Format(exc_type, fmt, s);
    if (exc_type == PyExc_NameError && ts->curexc != NULL
        && PyErr_GivenExceptionMatches(ts->curexc, PyExc_NameError)) {
        PyNameErrorObject *e = (PyNameErrorObject *)ts->curexc;
        if (e->name == NULL)
            e->name = Py_NewRef(name);
    }
}

void kr_ceval_unbound_local(PyThreadState *ts, PyCodeObject *co, int idx)
{
    PyObject *name;
    if (PyErr_Occurred())
        return;
    name = PyTuple_GET_ITEM(co->co_localsplusnames, idx);
    if (co->co_localspluskinds[idx] & CO_FAST_FREE)
        kr_ceval_name_error(ts, PyExc_NameError,
                            "cannot access free variable '%s' where it is not associated "
                            "with a value in enclosing scope", name);
    else
        kr_ceval_name_error(ts, PyExc_UnboundLocalError,
                            "cannot access local variable '%s' where it is not associated "
                            "with a value", name);
}

PyObject *kr_ceval_load_build_class(kr_frame *f)
{
    PyObject *bc;
    if (PyDict_CheckExact(f->builtins)) {
        bc = PyDict_GetItemWithError(f->builtins, KR_ID(__build_class__));
        if (bc == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_NameError, "__build_class__ not found");
            return NULL;
        }
        return Py_NewRef(bc);
    }
    bc = PyObject_GetItem(f->builtins, KR_ID(__build_class__));
    if (bc == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        PyErr_SetString(PyExc_NameError, "__build_class__ not found");
    }
    return bc;
}

int kr_ceval_setup_annotations(kr_frame *f)
{
    PyObject *locals = f->locals, *ann;
    int err;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    if (PyDict_CheckExact(locals)) {
        ann = PyDict_GetItemWithError(locals, KR_ID(__annotations__));
        if (ann != NULL)
            return 0;
        if (PyErr_Occurred())
            return -1;
    } else {
        ann = PyObject_GetItem(locals, KR_ID(__annotations__));
        if (ann != NULL) {
            Py_DECREF(ann);
            return 0;
        }
        if (!PyErr_ExceptionMatches(PyExc_KeyError))
            return -1;
        PyErr_Clear();
    }
    ann = PyDict_New();
    if (ann == NULL)
        return -1;
    err = PyObject_SetItem(locals, KR_ID(__annotations__), ann);
    Py_DECREF(ann);
    return err;
}

int kr_ceval_print_expr(PyObject *v)
{
    PyObject *hook = PySys_GetObject("displayhook"), *res;
    if (hook == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    res = PyObject_CallOneArg(hook, v);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

/* ---- imports ---- */

PyObject *kr_ceval_import_name(PyThreadState *ts, kr_frame *f, PyObject *name,
                               PyObject *fromlist, PyObject *level)
{
    PyObject *import_func, *stack[5], *res;
    import_func = PyDict_GetItemWithError(f->builtins, KR_ID(__import__));
    if (import_func == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    Py_INCREF(import_func);
    stack[0] = name;
    stack[1] = f->globals;
    stack[2] = f->locals != NULL ? f->locals : Py_None;
    stack[3] = fromlist;
    stack[4] = level;
    res = PyObject_Vectorcall(import_func, stack, 5, NULL);
    Py_DECREF(import_func);
    return res;
}

static int kr_ceval_spec_initializing(PyObject *spec)
{
    PyObject *v;
    int r;
    if (spec == NULL)
        return 0;
    if (_PyObject_LookupAttr(spec, KR_ID(_initializing), &v) < 0) {
        PyErr_Clear();
        return 0;
    }
    if (v == NULL)
        return 0;
    r = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (r < 0) {
        PyErr_Clear();
        return 0;
    }
    return r;
}

PyObject *kr_ceval_import_from(PyObject *v, PyObject *name)
{
    PyObject *x, *pkgname, *fullname, *pkgpath, *errmsg, *shown;
    if (_PyObject_LookupAttr(v, name, &x) != 0)
        return x;
    /* a circular relative import may have the submodule in sys.modules
     * before the attribute is set on the package */
    pkgname = PyObject_GetAttr(v, KR_ID(__name__));
    if (pkgname == NULL)
        goto error;
    if (!PyUnicode_Check(pkgname)) {
        Py_CLEAR(pkgname);
        goto error;
    }
    fullname = PyUnicode_FromFormat("%U.%U", pkgname, name);
    if (fullname == NULL) {
        Py_DECREF(pkgname);
        return NULL;
    }
    x = PyImport_GetModule(fullname);
    Py_DECREF(fullname);
    if (x == NULL && !PyErr_Occurred())
        goto error;
    Py_DECREF(pkgname);
    return x;
error:
    pkgpath = PyModule_GetFilenameObject(v);
    shown = pkgname != NULL ? Py_NewRef(pkgname) : PyUnicode_FromString("<unknown module name>");
    if (pkgpath == NULL || !PyUnicode_Check(pkgpath)) {
        PyErr_Clear();
        errmsg = shown ? PyUnicode_FromFormat("cannot import name %R from %R (unknown location)",
                                              name, shown) : NULL;
        PyErr_SetImportError(errmsg, pkgname, NULL);
    } else {
        PyObject *spec = PyObject_GetAttr(v, KR_ID(__spec__));
        const char *fmt;
        if (spec == NULL)
            PyErr_Clear();
        fmt = kr_ceval_spec_initializing(spec)
              ? "cannot import name %R from partially initialized module %R "
                "(most likely due to a circular import) (%S)"
              : "cannot import name %R from %R (%S)";
        Py_XDECREF(spec);
        errmsg = shown ? PyUnicode_FromFormat(fmt, name, shown, pkgpath) : NULL;
        PyErr_SetImportError(errmsg, pkgname, pkgpath);
    }
    Py_XDECREF(errmsg);
    Py_XDECREF(shown);
    Py_XDECREF(pkgname);
    Py_XDECREF(pkgpath);
    return NULL;
}

int kr_ceval_import_star(PyThreadState *ts, kr_frame *f, PyObject *v)
{
    PyObject *all, *dict, *locals = f->locals;
    int skip_underscores = 0, err = 0;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    if (_PyObject_LookupAttr(v, KR_ID(__all__), &all) < 0)
        return -1;
    if (all == NULL) {
        if (_PyObject_LookupAttr(v, KR_ID(__dict__), &dict) < 0)
            return -1;
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL)
            return -1;
        skip_underscores = 1;
    }
    for (Py_ssize_t pos = 0;; pos++) {
        PyObject *name = PySequence_GetItem(all, pos), *value;
        if (name == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_IndexError))
                err = -1;
            else
                PyErr_Clear();
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttr(v, KR_ID(__name__));
            if (modname != NULL) {
                if (!PyUnicode_Check(modname))
                    PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                                 Py_TYPE(modname)->tp_name);
                else
                    PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                                 skip_underscores ? "Key" : "Item", modname,
                                 skip_underscores ? "__dict__" : "__all__",
                                 Py_TYPE(name)->tp_name);
                Py_DECREF(modname);
            }
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_underscores && PyUnicode_GetLength(name) > 0
            && PyUnicode_ReadChar(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        value = PyObject_GetAttr(v, name);
        if (value == NULL)
            err = -1;
        else if (PyDict_CheckExact(locals))
            err = PyDict_SetItem(locals, name, value);
        else
            err = PyObject_SetItem(locals, name, value);
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err != 0)
            break;
    }
    Py_DECREF(all);
    return err;
}

/* ---- raise ---- */

/* 1: the re-raised exception is in place (unwind without a new traceback
 * entry); 0: an exception is set the ordinary way. */
int kr_ceval_do_raise(PyThreadState *ts, PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;
    if (exc == NULL) {
        _PyErr_StackItem *ei = ts->exc_info;
        while ((ei->exc_value == NULL || ei->exc_value == Py_None) && ei->previous_item != NULL)
            ei = ei->previous_item;
        value = ei->exc_value;
        if (value == NULL || value == Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        PyErr_Restore(Py_NewRef(Py_TYPE(value)), Py_NewRef(value), PyException_GetTraceback(value));
        return 1;
    }
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = PyObject_CallNoArgs(exc);
        if (value == NULL)
            goto fail;
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of BaseException, not %R",
                         type, Py_TYPE(value));
            goto fail;
        }
    } else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = Py_NewRef(Py_TYPE(exc));
    } else {
        Py_DECREF(exc);
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause != NULL) {
        PyObject *fixed;
        if (PyExceptionClass_Check(cause)) {
            fixed = PyObject_CallNoArgs(cause);
            if (fixed == NULL)
                goto fail;
            Py_DECREF(cause);
        } else if (PyExceptionInstance_Check(cause)) {
            fixed = cause;
        } else if (cause == Py_None) {
            Py_DECREF(cause);
            fixed = NULL;
        } else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            goto fail;
        }
        cause = NULL;
        PyException_SetCause(value, fixed);
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    Py_DECREF(type);
    return 0;
fail:
    Py_XDECREF(value);
    Py_XDECREF(type);
    Py_XDECREF(cause);
    return 0;
}

/* ---- unpacking ---- */

/* Writes the items top-down below sp + total, as the loop expects:
 * the first item ends up on top.  0 or -1. */
int kr_ceval_unpack(PyObject *v, int argcnt, int argcntafter, PyObject **sp)
{
    int total = argcnt + (argcntafter >= 0 ? argcntafter + 1 : 0);
    PyObject **top = sp + total, **out = top;
    PyObject *it, *w, *l;
    Py_ssize_t ll;
    int i = 0;

    it = PyObject_GetIter(v);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL
            && !PySequence_Check(v)) {
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                         Py_TYPE(v)->tp_name);
        }
        return -1;
    }
    for (; i < argcnt; i++) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (!PyErr_Occurred()) {
                if (argcntafter == -1)
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected at least %d, got %d)",
                                 argcnt + argcntafter, i);
            }
            goto fail;
        }
        *--out = w;
    }
    if (argcntafter == -1) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (PyErr_Occurred())
                goto fail;
            Py_DECREF(it);
            return 0;
        }
        Py_DECREF(w);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto fail;
    }
    l = PySequence_List(it);
    if (l == NULL)
        goto fail;
    *--out = l;
    ll = PyList_GET_SIZE(l);
    if (ll < argcntafter) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %d, got %zd)",
                     argcnt + argcntafter, argcnt + ll);
        goto fail;
    }
    for (int j = argcntafter; j > 0; j--)
        *--out = Py_NewRef(PyList_GET_ITEM(l, ll - j));
    if (PyList_SetSlice(l, ll - argcntafter, ll, NULL) < 0)
        goto fail;
    Py_DECREF(it);
    return 0;
fail:
    while (out < top) {
        Py_DECREF(*out);
        out++;
    }
    Py_XDECREF(it);
    return -1;
}

/* ---- pattern matching ---- */

static PyObject *kr_match_class_attr(PyObject *subject, PyObject *type, PyObject *name,
                                     PyObject *seen)
{
    PyObject *attr;
    int r = PySet_Contains(seen, name);
    if (r == 0)
        r = PySet_Add(seen, name) < 0 ? -1 : 0;
    else if (r > 0) {
        PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                     ((PyTypeObject *)type)->tp_name, name);
        return NULL;
    }
    if (r < 0)
        return NULL;
    attr = PyObject_GetAttr(subject, name);
    if (attr == NULL && PyErr_ExceptionMatches(PyExc_AttributeError))
        PyErr_Clear();
    return attr;
}

PyObject *kr_ceval_match_class(PyObject *subject, PyObject *type, Py_ssize_t nargs,
                               PyObject *kwargs)
{
    PyObject *seen, *attrs, *match_args = NULL, *res;
    int r;
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    r = PyObject_IsInstance(subject, type);
    if (r <= 0)
        return NULL;
    seen = PySet_New(NULL);
    if (seen == NULL)
        return NULL;
    attrs = PyList_New(0);
    if (attrs == NULL) {
        Py_DECREF(seen);
        return NULL;
    }
    if (nargs) {
        int match_self = 0;
        Py_ssize_t allowed;
        match_args = PyObject_GetAttr(type, KR_ID(__match_args__));
        if (match_args != NULL) {
            if (!PyTuple_CheckExact(match_args)) {
                PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                             ((PyTypeObject *)type)->tp_name, Py_TYPE(match_args)->tp_name);
                goto fail;
            }
        } else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            match_args = PyTuple_New(0);
            if (match_args == NULL)
                goto fail;
            match_self = PyType_HasFeature((PyTypeObject *)type, _Py_TPFLAGS_MATCH_SELF);
        } else {
            goto fail;
        }
        allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
        if (allowed < nargs) {
            PyErr_Format(PyExc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                         ((PyTypeObject *)type)->tp_name, (int)allowed,
                         allowed == 1 ? "" : "s", (int)nargs);
            goto fail;
        }
        if (match_self) {
            if (PyList_Append(attrs, subject) < 0)
                goto fail;
        } else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i), *attr;
                if (!PyUnicode_CheckExact(name)) {
                    PyErr_Format(PyExc_TypeError,
                                 "__match_args__ elements must be strings (got %s)",
                                 Py_TYPE(name)->tp_name);
                    goto fail;
                }
                attr = kr_match_class_attr(subject, type, name, seen);
                if (attr == NULL)
                    goto fail;
                r = PyList_Append(attrs, attr);
                Py_DECREF(attr);
                if (r < 0)
                    goto fail;
            }
        }
        Py_CLEAR(match_args);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwargs); i++) {
        PyObject *attr = kr_match_class_attr(subject, type, PyTuple_GET_ITEM(kwargs, i), seen);
        if (attr == NULL)
            goto fail;
        r = PyList_Append(attrs, attr);
        Py_DECREF(attr);
        if (r < 0)
            goto fail;
    }
    res = PyList_AsTuple(attrs);
    Py_DECREF(attrs);
    Py_DECREF(seen);
    return res;
fail:
    Py_XDECREF(match_args);
    Py_DECREF(seen);
    Py_DECREF(attrs);
    return NULL;
}

/* A tuple of the values for `keys` in `map`, or NULL without an error
 * when some key is missing. */
PyObject *kr_ceval_match_keys(PyObject *map, PyObject *keys)
{
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    PyObject *get, *seen = NULL, *dummy = NULL, *values = NULL;
    if (nkeys == 0)
        return PyTuple_New(0);
    get = PyObject_GetAttr(map, KR_ID(get));
    if (get == NULL)
        return NULL;
    seen = PySet_New(NULL);
    if (seen == NULL)
        goto fail;
    dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (dummy == NULL)
        goto fail;
    values = PyTuple_New(nkeys);
    if (values == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i), *value, *args[2];
        int r = PySet_Contains(seen, key);
        if (r > 0) {
            PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        if (r < 0 || PySet_Add(seen, key) < 0)
            goto fail;
        args[0] = key;
        args[1] = dummy;
        value = PyObject_Vectorcall(get, args, 2, NULL);
        if (value == NULL)
            goto fail;
        if (value == dummy) {
            Py_DECREF(value);
            Py_CLEAR(values);
            break;
        }
        PyTuple_SET_ITEM(values, i, value);
    }
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_DECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(dummy);
    Py_XDECREF(values);
    return NULL;
}

/* ---- except and except* ---- */

static int kr_ceval_all_exception_classes(PyObject *right)
{
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++)
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(right, i)))
                return 0;
        return 1;
    }
    return PyExceptionClass_Check(right);
}

int kr_ceval_check_except_type(PyObject *right)
{
    if (!kr_ceval_all_exception_classes(right)) {
        PyErr_SetString(PyExc_TypeError,
                        "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return 0;
}

int kr_ceval_check_except_star_type(PyObject *right)
{
    int is_eg = 0;
    if (kr_ceval_check_except_type(right) < 0)
        return -1;
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right) && !is_eg; i++) {
            is_eg = PyObject_IsSubclass(PyTuple_GET_ITEM(right, i), PyExc_BaseExceptionGroup);
            if (is_eg < 0)
                return -1;
        }
    } else {
        is_eg = PyObject_IsSubclass(right, PyExc_BaseExceptionGroup);
        if (is_eg < 0)
            return -1;
    }
    if (is_eg) {
        PyErr_SetString(PyExc_TypeError,
                        "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    return 0;
}

/* BaseExceptionGroup("", excs): the sequence is passed as given, so the
 * group's repr shows a tuple or a list just as CPython's does. */
static PyObject *kr_ceval_make_group(PyObject *excs)
{
    PyObject *msg = PyUnicode_FromString(""), *res;
    if (msg == NULL)
        return NULL;
    res = PyObject_CallFunctionObjArgs(PyExc_BaseExceptionGroup, msg, excs, NULL);
    Py_DECREF(msg);
    return res;
}

int kr_ceval_eg_match(PyObject *exc_value, PyObject *match_type,
                      PyObject **match, PyObject **rest)
{
    if (exc_value == Py_None) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        if (_PyBaseExceptionGroup_Check(exc_value)) {
            *match = Py_NewRef(exc_value);
        } else {
            /* a plain exception caught by except*: wrap it in a group */
            PyObject *one = PyTuple_Pack(1, exc_value), *wrapped;
            PyObject *tb;
            if (one == NULL)
                return -1;
            wrapped = kr_ceval_make_group(one);
            Py_DECREF(one);
            if (wrapped == NULL)
                return -1;
            tb = PyException_GetTraceback(exc_value);
            if (tb != NULL) {
                PyException_SetTraceback(wrapped, tb);
                Py_DECREF(tb);
            }
            *match = wrapped;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (_PyBaseExceptionGroup_Check(exc_value)) {
        PyObject *pair = PyObject_CallMethod(exc_value, "split", "(O)", match_type);
        if (pair == NULL)
            return -1;
        if (!PyTuple_CheckExact(pair)) {
            PyErr_Format(PyExc_TypeError, "%.200s.split must return a tuple, not %.200s",
                         Py_TYPE(exc_value)->tp_name, Py_TYPE(pair)->tp_name);
            Py_DECREF(pair);
            return -1;
        }
        if (PyTuple_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.split must return a 2-tuple, got tuple of size %zd",
                         Py_TYPE(exc_value)->tp_name, PyTuple_GET_SIZE(pair));
            Py_DECREF(pair);
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(Py_None);
    return 0;
}

/* Adds the ids of the leaf exceptions of `e` to `ids`. */
static int kr_ceval_leaf_ids(PyObject *e, PyObject *ids)
{
    if (e == Py_None)
        return 0;
    if (!_PyBaseExceptionGroup_Check(e)) {
        PyObject *id = PyLong_FromVoidPtr(e);
        int r;
        if (id == NULL)
            return -1;
        r = PySet_Add(ids, id);
        Py_DECREF(id);
        return r;
    }
    PyObject *excs = ((PyBaseExceptionGroupObject *)e)->excs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++)
        if (kr_ceval_leaf_ids(PyTuple_GET_ITEM(excs, i), ids) < 0)
            return -1;
    return 0;
}

/* The split predicate: is this exception one of the kept leaves? */
static PyObject *kr_ceval_leaf_pred(PyObject *ids, PyObject *e)
{
    PyObject *id = PyLong_FromVoidPtr(e);
    int r;
    if (id == NULL)
        return NULL;
    r = PySet_Contains(ids, id);
    Py_DECREF(id);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyMethodDef kr_ceval_leaf_pred_def = {
    "_leaf_match", kr_ceval_leaf_pred, METH_O, NULL
};

/* The part of group `eg` made of the leaves found in `keep`, or None. */
static PyObject *kr_ceval_projection(PyObject *eg, PyObject *keep)
{
    PyObject *ids, *pred, *pair, *res;
    if (PyList_GET_SIZE(keep) == 0)
        return Py_NewRef(Py_None);
    ids = PySet_New(NULL);
    if (ids == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keep); i++) {
        if (kr_ceval_leaf_ids(PyList_GET_ITEM(keep, i), ids) < 0) {
            Py_DECREF(ids);
            return NULL;
        }
    }
    pred = PyCFunction_New(&kr_ceval_leaf_pred_def, ids);
    Py_DECREF(ids);
    if (pred == NULL)
        return NULL;
    pair = PyObject_CallMethod(eg, "split", "(O)", pred);
    Py_DECREF(pred);
    if (pair == NULL)
        return NULL;
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
        Py_DECREF(pair);
        PyErr_SetString(PyExc_TypeError, "split must return a 2-tuple");
        return NULL;
    }
    res = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
    Py_DECREF(pair);
    return res;
}

static int kr_ceval_same_metadata(PyObject *a, PyObject *b)
{
    PyBaseExceptionObject *e1 = (PyBaseExceptionObject *)a, *e2 = (PyBaseExceptionObject *)b;
    return e1->notes == e2->notes && e1->traceback == e2->traceback
        && e1->cause == e2->cause && e1->context == e2->context;
}

PyObject *kr_ceval_prep_reraise_star(PyObject *orig, PyObject *excs)
{
    Py_ssize_t n = PyList_GET_SIZE(excs);
    PyObject *raised, *reraised, *reraised_eg, *result = NULL;
    if (n == 0)
        return Py_NewRef(Py_None);
    if (!_PyBaseExceptionGroup_Check(orig)) {
        /* a plain exception was wrapped: at most one clause ran */
        return Py_NewRef(PyList_GET_ITEM(excs, 0));
    }
    raised = PyList_New(0);
    reraised = PyList_New(0);
    if (raised == NULL || reraised == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (e == Py_None)
            continue;
        if (PyList_Append(kr_ceval_same_metadata(e, orig) ? reraised : raised, e) < 0)
            goto done;
    }
    reraised_eg = kr_ceval_projection(orig, reraised);
    if (reraised_eg == NULL)
        goto done;
    if (PyList_GET_SIZE(raised) == 0) {
        result = reraised_eg;
    } else {
        int r = 0;
        if (reraised_eg != Py_None)
            r = PyList_Append(raised, reraised_eg);
        Py_DECREF(reraised_eg);
        if (r < 0)
            goto done;
        /* anything raised in a handler comes out inside a new group */
        result = kr_ceval_make_group(raised);
    }
done:
    Py_XDECREF(raised);
    Py_XDECREF(reraised);
    return result;
}

/* ---- await and async for ---- */

PyObject *kr_ceval_get_awaitable(PyObject *iterable, int oparg)
{
    PyObject *iter = kr_coro_get_awaitable_iter(iterable);
    if (iter == NULL) {
        PyTypeObject *tp = Py_TYPE(iterable);
        if (PyErr_ExceptionMatches(PyExc_TypeError)
            && (tp->tp_as_async == NULL || tp->tp_as_async->am_await == NULL)) {
            if (oparg == 1) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError,
                             "'async with' received an object from __aenter__ "
                             "that does not implement __await__: %.100s", tp->tp_name);
            } else if (oparg == 2) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError,
                             "'async with' received an object from __aexit__ "
                             "that does not implement __await__: %.100s", tp->tp_name);
            }
        }
        return NULL;
    }
    if (PyCoro_CheckExact(iter)) {
        struct kr_genobject *g = (struct kr_genobject *)iter;
        if (g->gi_state == KR_GEN_SUSPENDED && g->gi_frame != NULL
            && kr_gen_yf_of_frame(g->gi_frame) != NULL) {
            Py_DECREF(iter);
            PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
    }
    return iter;
}

PyObject *kr_ceval_aiter(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *iter;
    if (tp->tp_as_async == NULL || tp->tp_as_async->am_aiter == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' requires an object with __aiter__ method, got %.100s",
                     tp->tp_name);
        return NULL;
    }
    iter = tp->tp_as_async->am_aiter(obj);
    if (iter == NULL)
        return NULL;
    if (Py_TYPE(iter)->tp_as_async == NULL || Py_TYPE(iter)->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' received an object from __aiter__ "
                     "that does not implement __anext__: %.100s", Py_TYPE(iter)->tp_name);
        Py_DECREF(iter);
        return NULL;
    }
    return iter;
}

PyObject *kr_ceval_anext(PyObject *aiter)
{
    PyTypeObject *tp = Py_TYPE(aiter);
    PyObject *next, *aw;
    if (PyAsyncGen_CheckExact(aiter))
        return tp->tp_as_async->am_anext(aiter);
    if (tp->tp_as_async == NULL || tp->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' requires an iterator with __anext__ method, got %.100s",
                     tp->tp_name);
        return NULL;
    }
    next = tp->tp_as_async->am_anext(aiter);
    if (next == NULL)
        return NULL;
    aw = kr_coro_get_awaitable_iter(next);
    if (aw == NULL) {
        _PyErr_FormatFromCause(PyExc_TypeError,
                               "'async for' received an invalid object from __anext__: %.100s",
                               Py_TYPE(next)->tp_name);
    }
    Py_DECREF(next);
    return aw;
}

/* ---- with ---- */

PyObject *kr_ceval_before_with(PyObject *mgr, int is_async, PyObject **exit_out)
{
    PyObject *enter, *exit, *res;
    enter = _PyObject_LookupSpecial(mgr, is_async ? KR_ID(__aenter__) : KR_ID(__enter__));
    if (enter == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError,
                         is_async ? "'%.200s' object does not support the asynchronous "
                                    "context manager protocol"
                                  : "'%.200s' object does not support the context manager protocol",
                         Py_TYPE(mgr)->tp_name);
        return NULL;
    }
    exit = _PyObject_LookupSpecial(mgr, is_async ? KR_ID(__aexit__) : KR_ID(__exit__));
    if (exit == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError,
                         is_async ? "'%.200s' object does not support the asynchronous "
                                    "context manager protocol (missed __aexit__ method)"
                                  : "'%.200s' object does not support the context manager "
                                    "protocol (missed __exit__ method)",
                         Py_TYPE(mgr)->tp_name);
        Py_DECREF(enter);
        return NULL;
    }
    res = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    if (res == NULL) {
        Py_DECREF(exit);
        return NULL;
    }
    *exit_out = exit;
    return res;
}

/* ---- calls with * and ** ---- */

PyObject *kr_ceval_call_ex(PyObject *func, PyObject *callargs, PyObject *kwargs)
{
    if (kwargs != NULL && !PyDict_CheckExact(kwargs)) {
        PyObject *d = PyDict_New(), *res;
        if (d == NULL)
            return NULL;
        if (kr_ceval_dict_merge(func, d, kwargs) < 0) {
            Py_DECREF(d);
            return NULL;
        }
        res = PyObject_Call(func, callargs, d);
        Py_DECREF(d);
        return res;
    }
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) == 0)
        kwargs = NULL;
    return PyObject_Call(func, callargs, kwargs);
}

static int kr_ceval_merge_one(PyObject *func, PyObject *dict, PyObject *key, PyObject *value)
{
    int has = PyDict_Contains(dict, key);
    if (has < 0)
        return -1;
    if (has) {
        PyObject *fs = _PyObject_FunctionStr(func);
        if (fs != NULL) {
            PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'",
                         fs, key);
            Py_DECREF(fs);
        }
        return -1;
    }
    return PyDict_SetItem(dict, key, value);
}

int kr_ceval_dict_merge(PyObject *func, PyObject *dict, PyObject *update)
{
    if (PyDict_Check(update)) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(update, &pos, &k, &v)) {
            int r;
            Py_INCREF(k);
            Py_INCREF(v);
            r = kr_ceval_merge_one(func, dict, k, v);
            Py_DECREF(k);
            Py_DECREF(v);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    PyObject *keys = PyMapping_Keys(update), *it, *k;
    if (keys == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyObject *fs;
            PyErr_Clear();
            fs = _PyObject_FunctionStr(func);
            if (fs != NULL) {
                PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                             fs, Py_TYPE(update)->tp_name);
                Py_DECREF(fs);
            }
        }
        return -1;
    }
    it = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (it == NULL)
        return -1;
    while ((k = PyIter_Next(it)) != NULL) {
        PyObject *v = PyObject_GetItem(update, k);
        int r = v == NULL ? -1 : kr_ceval_merge_one(func, dict, k, v);
        Py_XDECREF(v);
        Py_DECREF(k);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

int kr_ceval_list_extend(PyObject *list, PyObject *iterable)
{
    PyObject *r = _PyList_Extend((PyListObject *)list, iterable);
    if (r == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(iterable)->tp_iter == NULL
            && !PySequence_Check(iterable)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                         Py_TYPE(iterable)->tp_name);
        }
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* ---- f-strings ---- */

PyObject *kr_ceval_format_value(PyObject *value, int flags, PyObject *spec)
{
    PyObject *converted = NULL, *res;
    switch (flags & 0x03) {
    case 1: converted = PyObject_Str(value); break;
    case 2: converted = PyObject_Repr(value); break;
    case 3: converted = PyObject_ASCII(value); break;
    default: break;
    }
    if ((flags & 0x03) != 0) {
        if (converted == NULL)
            return NULL;
        value = converted;
    }
    if (PyUnicode_CheckExact(value) && spec == NULL)
        res = Py_NewRef(value);
    else
        res = PyObject_Format(value, spec);
    Py_XDECREF(converted);
    return res;
}
