/* args.c: binding call arguments to a Python function's parameters.
 *
 * Fills the first slots of a fresh frame from vectorcall-style arguments
 * (positional array + keyword names), packs *args and **kwargs, applies
 * defaults, and raises CPython 3.11's TypeErrors word for word when the
 * call does not fit the signature.  The order of checks is CPython's, so
 * the same wrong call reports the same problem. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'": names are repr()s. */
static PyObject *kr_args_join_names(PyObject *names)
{
    Py_ssize_t n = PyList_GET_SIZE(names);
    PyObject *sep, *head, *res;
    if (n == 1)
        return Py_NewRef(PyList_GET_ITEM(names, 0));
    if (n == 2)
        return PyUnicode_FromFormat("%U and %U", PyList_GET_ITEM(names, 0),
                                    PyList_GET_ITEM(names, 1));
    sep = PyUnicode_FromString(", ");
    if (sep == NULL)
        return NULL;
    PyObject *first = PyList_GetSlice(names, 0, n - 1);
    if (first == NULL) {
        Py_DECREF(sep);
        return NULL;
    }
    head = PyUnicode_Join(sep, first);
    Py_DECREF(first);
    Py_DECREF(sep);
    if (head == NULL)
        return NULL;
    res = PyUnicode_FromFormat("%U, and %U", head, PyList_GET_ITEM(names, n - 1));
    Py_DECREF(head);
    return res;
}

static void kr_args_missing(PyCodeObject *co, PyObject *qualname, PyObject **slots,
                            int positional, Py_ssize_t defcount)
{
    Py_ssize_t start, end, missing;
    PyObject *names = PyList_New(0), *joined;
    if (names == NULL)
        return;
    if (positional) {
        start = 0;
        end = co->co_argcount - defcount;
    } else {
        start = co->co_argcount;
        end = start + co->co_kwonlyargcount;
    }
    for (Py_ssize_t i = start; i < end; i++) {
        if (slots[i] == NULL) {
            PyObject *r = PyObject_Repr(PyTuple_GET_ITEM(co->co_localsplusnames, i));
            if (r == NULL || PyList_Append(names, r) < 0) {
                Py_XDECREF(r);
                Py_DECREF(names);
                return;
            }
            Py_DECREF(r);
        }
    }
    missing = PyList_GET_SIZE(names);
    joined = kr_args_join_names(names);
    Py_DECREF(names);
    if (joined == NULL)
        return;
    PyErr_Format(PyExc_TypeError, "%U() missing %i required %s argument%s: %U",
                 qualname, (int)missing, positional ? "positional" : "keyword-only",
                 missing == 1 ? "" : "s", joined);
    Py_DECREF(joined);
}

static void kr_args_too_many(PyCodeObject *co, PyObject *qualname, PyObject **slots,
                             Py_ssize_t given, PyObject *defaults)
{
    Py_ssize_t kwonly_given = 0, argc = co->co_argcount;
    Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);
    PyObject *sig, *kwonly_sig;
    int plural;
    for (Py_ssize_t i = argc; i < argc + co->co_kwonlyargcount; i++)
        if (slots[i] != NULL)
            kwonly_given++;
    if (defcount) {
        plural = 1;
        sig = PyUnicode_FromFormat("from %zd to %zd", argc - defcount, argc);
    } else {
        plural = argc != 1;
        sig = PyUnicode_FromFormat("%zd", argc);
    }
    if (sig == NULL)
        return;
    if (kwonly_given)
        kwonly_sig = PyUnicode_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                                          given != 1 ? "s" : "", kwonly_given,
                                          kwonly_given != 1 ? "s" : "");
    else
        kwonly_sig = PyUnicode_FromString("");
    if (kwonly_sig == NULL) {
        Py_DECREF(sig);
        return;
    }
    PyErr_Format(PyExc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                 qualname, sig, plural ? "s" : "", given, kwonly_sig,
                 given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(sig);
    Py_DECREF(kwonly_sig);
}

/* 1 (error set) if some keyword names a positional-only parameter. */
static int kr_args_posonly_as_kw(PyCodeObject *co, PyObject *kwnames, PyObject *qualname)
{
    PyObject *bad = PyList_New(0);
    int found = 0;
    if (bad == NULL)
        return 1;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        PyObject *pname = PyTuple_GET_ITEM(co->co_localsplusnames, k);
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            int eq = PyObject_RichCompareBool(pname, PyTuple_GET_ITEM(kwnames, i), Py_EQ);
            if (eq < 0) {
                Py_DECREF(bad);
                return 1;
            }
            if (eq) {
                if (PyList_Append(bad, pname) < 0) {
                    Py_DECREF(bad);
                    return 1;
                }
                break;
            }
        }
    }
    if (PyList_GET_SIZE(bad) > 0) {
        PyObject *sep = PyUnicode_FromString(", ");
        PyObject *joined = sep ? PyUnicode_Join(sep, bad) : NULL;
        Py_XDECREF(sep);
        if (joined != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                         qualname, joined);
            Py_DECREF(joined);
        }
        found = 1;
    }
    Py_DECREF(bad);
    return found;
}

int kr_bind_args(PyThreadState *ts, kr_frame *f, PyFunctionObject *func,
                 PyObject *const *args, Py_ssize_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    PyObject **slots = f->localsplus;
    const Py_ssize_t total_args = co->co_argcount + co->co_kwonlyargcount;
    PyObject *kwdict = NULL, *qualname = func->func_qualname;
    Py_ssize_t n, i;

    /* the common case: exactly the positional parameters */
    if (kwnames == NULL && argcount == co->co_argcount
        && !(co->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->co_kwonlyargcount == 0) {
        for (i = 0; i < argcount; i++)
            slots[i] = Py_NewRef(args[i]);
        return 0;
    }

    if (co->co_flags & CO_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL)
            return -1;
        i = total_args + ((co->co_flags & CO_VARARGS) ? 1 : 0);
        slots[i] = kwdict;
    }
    n = argcount > co->co_argcount ? co->co_argcount : argcount;
    for (i = 0; i < n; i++)
        slots[i] = Py_NewRef(args[i]);
    if (co->co_flags & CO_VARARGS) {
        PyObject *u;
        if (argcount > n) {
            u = PyTuple_New(argcount - n);
            if (u == NULL)
                return -1;
            for (i = n; i < argcount; i++)
                PyTuple_SET_ITEM(u, i - n, Py_NewRef(args[i]));
        } else {
            u = PyTuple_New(0);
            if (u == NULL)
                return -1;
        }
        slots[total_args] = u;
    }

    if (kwnames != NULL) {
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        PyObject *const *kwvalues = args + argcount;
        for (i = 0; i < nkw; i++) {
            PyObject *key = PyTuple_GET_ITEM(kwnames, i), *value = kwvalues[i];
            Py_ssize_t j;
            if (!PyUnicode_Check(key)) {
                PyErr_Format(PyExc_TypeError, "%U() keywords must be strings", qualname);
                return -1;
            }
            /* interned names usually match by identity */
            for (j = co->co_posonlyargcount; j < total_args; j++)
                if (PyTuple_GET_ITEM(co->co_localsplusnames, j) == key)
                    goto found;
            for (j = co->co_posonlyargcount; j < total_args; j++) {
                int eq = PyObject_RichCompareBool(PyTuple_GET_ITEM(co->co_localsplusnames, j),
                                                  key, Py_EQ);
                if (eq < 0)
                    return -1;
                if (eq)
                    goto found;
            }
            if (kwdict == NULL) {
                if (co->co_posonlyargcount && kr_args_posonly_as_kw(co, kwnames, qualname))
                    return -1;
                PyErr_Format(PyExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                             qualname, key);
                return -1;
            }
            if (PyDict_SetItem(kwdict, key, value) < 0)
                return -1;
            continue;
        found:
            if (slots[j] != NULL) {
                PyErr_Format(PyExc_TypeError, "%U() got multiple values for argument '%S'",
                             qualname, key);
                return -1;
            }
            slots[j] = Py_NewRef(value);
        }
    }

    if (argcount > co->co_argcount && !(co->co_flags & CO_VARARGS)) {
        kr_args_too_many(co, qualname, slots, argcount, func->func_defaults);
        return -1;
    }

    if (argcount < co->co_argcount) {
        Py_ssize_t defcount = func->func_defaults == NULL ? 0
                              : PyTuple_GET_SIZE(func->func_defaults);
        Py_ssize_t m = co->co_argcount - defcount, missing = 0;
        for (i = argcount; i < m; i++)
            if (slots[i] == NULL)
                missing++;
        if (missing) {
            kr_args_missing(co, qualname, slots, 1, defcount);
            return -1;
        }
        i = n > m ? n - m : 0;
        for (; i < defcount; i++) {
            if (slots[m + i] == NULL)
                slots[m + i] = Py_NewRef(PyTuple_GET_ITEM(func->func_defaults, i));
        }
    }

    if (co->co_kwonlyargcount > 0) {
        Py_ssize_t missing = 0;
        for (i = co->co_argcount; i < total_args; i++) {
            PyObject *name, *def = NULL;
            if (slots[i] != NULL)
                continue;
            name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            if (func->func_kwdefaults != NULL) {
                def = PyDict_GetItemWithError(func->func_kwdefaults, name);
                if (def == NULL && PyErr_Occurred())
                    return -1;
            }
            if (def != NULL) {
                slots[i] = Py_NewRef(def);
                continue;
            }
            missing++;
        }
        if (missing) {
            kr_args_missing(co, qualname, slots, 0, 0);
            return -1;
        }
    }
    return 0;
}
