/* bltinmodule.c: the builtins module's functions and its set-up per
 * context (kr_builtins_init).
 *
 * Every function here is METH_FASTCALL (arguments as a C array, no tuple
 * built), with CPython 3.11's argument errors.  The builtin types (int,
 * str, ...) are the static types of src/objects, added to the module dict
 * at context creation; the module's dict is the context's `builtins`. */
#include "internal.h"
#include "capi/argparse.h"
#include "compiler/compiler.h"
#include "vm/vm.h"
#include "modules/modules.h"
#include "runtime/import.h"
#include "objects/str_ids.h"

/* ---- small helpers ---- */

/* Returns a new reference to sys.<name>, or NULL with RuntimeError
 * "lost sys.<name>" set, as CPython's builtins do. */
static PyObject *sys_attr_or_error(const char *name)
{
    PyObject *v = PySys_GetObject(name);   /* borrowed */
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_RuntimeError, "lost sys.%s", name);
        return NULL;
    }
    return Py_NewRef(v);
}

/* ---- __build_class__ ---- */

/* The most derived metaclass of `meta` and the metaclasses of `bases`
 * (new reference), or NULL with the "metaclass conflict" TypeError. */
static PyObject *calculate_metaclass(PyObject *meta, PyObject *bases)
{
    PyTypeObject *winner = (PyTypeObject *)meta;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyTypeObject *t = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, t))
            continue;
        if (PyType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return Py_NewRef((PyObject *)winner);
}

/* PEP 560: replace bases that define __mro_entries__.  Returns a new
 * reference to the resolved bases (the same tuple when nothing changed). */
static PyObject *update_bases(PyObject *bases)
{
    PyObject *result = NULL;   /* list, created on the first replacement */
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        PyObject *meth;
        if (PyType_Check(base)) {
            if (result && PyList_Append(result, base) < 0)
                goto error;
            continue;
        }
        if (_PyObject_LookupAttr(base, KR_ID(__mro_entries__), &meth) < 0)
            goto error;
        if (meth == NULL) {
            if (result && PyList_Append(result, base) < 0)
                goto error;
            continue;
        }
        PyObject *entries = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (entries == NULL)
            goto error;
        if (!PyTuple_Check(entries)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(entries);
            goto error;
        }
        if (result == NULL) {
            result = PyList_New(0);
            if (result == NULL) {
                Py_DECREF(entries);
                goto error;
            }
            for (Py_ssize_t j = 0; j < i; j++) {
                if (PyList_Append(result, PyTuple_GET_ITEM(bases, j)) < 0) {
                    Py_DECREF(entries);
                    goto error;
                }
            }
        }
        Py_ssize_t end = PyList_GET_SIZE(result);
        int rc = PyList_SetSlice(result, end, end, entries);
        Py_DECREF(entries);
        if (rc < 0)
            goto error;
    }
    if (result == NULL)
        return Py_NewRef(bases);
    PyObject *t = PyList_AsTuple(result);
    Py_DECREF(result);
    return t;
error:
    Py_XDECREF(result);
    return NULL;
}

static PyObject *builtin___build_class__(PyObject *self, PyObject *const *args,
                                         Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    PyObject *func = args[0], *name = args[1];
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    PyObject *orig_bases = _PyTuple_FromArray(args + 2, nargs - 2);
    if (orig_bases == NULL)
        return NULL;
    PyObject *bases = NULL, *meta = NULL, *mkw = NULL, *ns = NULL, *cell = NULL, *cls = NULL;
    bases = update_bases(orig_bases);
    if (bases == NULL)
        goto done;

    /* Keyword arguments other than metaclass go to __prepare__ and the
     * metaclass call. */
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        mkw = _PyStack_AsDict(args + nargs, kwnames);
        if (mkw == NULL)
            goto done;
        meta = PyDict_GetItemWithError(mkw, KR_ID(metaclass));
        if (meta != NULL) {
            Py_INCREF(meta);
            if (PyDict_DelItem(mkw, KR_ID(metaclass)) < 0)
                goto done;
        } else if (PyErr_Occurred()) {
            goto done;
        }
    }
    int isclass;
    if (meta == NULL) {
        meta = PyTuple_GET_SIZE(bases) == 0 ? (PyObject *)&PyType_Type
                                            : (PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0));
        Py_INCREF(meta);
        isclass = 1;
    } else {
        isclass = PyType_Check(meta);
    }
    if (isclass) {
        PyObject *winner = calculate_metaclass(meta, bases);
        if (winner == NULL)
            goto done;
        Py_SETREF(meta, winner);
    }

    PyObject *prep;
    if (_PyObject_LookupAttr(meta, KR_ID(__prepare__), &prep) < 0)
        goto done;
    if (prep == NULL) {
        ns = PyDict_New();
    } else {
        PyObject *pargs[2] = {name, bases};
        ns = PyObject_VectorcallDict(prep, pargs, 2, mkw);
        Py_DECREF(prep);
    }
    if (ns == NULL)
        goto done;
    if (!PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     isclass ? ((PyTypeObject *)meta)->tp_name : "<metaclass>",
                     Py_TYPE(ns)->tp_name);
        goto done;
    }
    cell = kr_eval_class_body(func, ns);
    if (cell == NULL)
        goto done;
    if (bases != orig_bases && PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0)
        goto done;
    PyObject *margs[3] = {name, bases, ns};
    cls = PyObject_VectorcallDict(meta, margs, 3, mkw);
    if (cls != NULL && PyType_Check(cls) && PyCell_Check(cell)) {
        PyObject *cell_cls = PyCell_GET(cell);
        if (cell_cls != cls) {
            if (cell_cls == NULL)
                PyErr_Format(PyExc_RuntimeError,
                             "__class__ not set defining %R as %R. "
                             "Was __classcell__ propagated to type.__new__?", name, cls);
            else
                PyErr_Format(PyExc_TypeError,
                             "__class__ set to %R defining %R as %R", cell_cls, name, cls);
            Py_CLEAR(cls);
        }
    }
done:
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    Py_XDECREF(bases);
    Py_DECREF(orig_bases);
    return cls;
}

/* ---- __import__ ---- */

static PyObject *builtin___import__(PyObject *self, PyObject *const *args,
                                    Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    static const kr_argspec spec = {"__import__", names, 0, 1, 5};
    PyObject *a[5];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int level = 0;
    if (a[4] != NULL) {
        level = _PyLong_AsInt(a[4]);
        if (level == -1 && PyErr_Occurred())
            return NULL;
    }
    if (!PyUnicode_Check(a[0])) {
        PyErr_Format(PyExc_TypeError, "__import__() argument 1 must be str, not %.200s",
                     Py_TYPE(a[0])->tp_name);
        return NULL;
    }
    return PyImport_ImportModuleLevelObject(a[0], a[1], a[2], a[3], level);
}

/* ---- one-argument builtins ---- */

static PyObject *builtin_abs(PyObject *self, PyObject *x) { return PyNumber_Absolute(x); }
static PyObject *builtin_ascii(PyObject *self, PyObject *x) { return PyObject_ASCII(x); }
static PyObject *builtin_repr(PyObject *self, PyObject *x) { return PyObject_Repr(x); }
static PyObject *builtin_bin(PyObject *self, PyObject *x) { return PyNumber_ToBase(x, 2); }
static PyObject *builtin_oct(PyObject *self, PyObject *x) { return PyNumber_ToBase(x, 8); }
static PyObject *builtin_hex(PyObject *self, PyObject *x) { return PyNumber_ToBase(x, 16); }
static PyObject *builtin_callable(PyObject *self, PyObject *x) { return PyBool_FromLong(PyCallable_Check(x)); }
static PyObject *builtin_id(PyObject *self, PyObject *x) { return PyLong_FromVoidPtr(x); }

static PyObject *builtin_len(PyObject *self, PyObject *x)
{
    Py_ssize_t n = PyObject_Size(x);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *builtin_hash(PyObject *self, PyObject *x)
{
    Py_hash_t h = PyObject_Hash(x);
    if (h == -1)
        return NULL;
    return PyLong_FromSsize_t(h);
}

static PyObject *builtin_chr(PyObject *self, PyObject *x)
{
    int overflow;
    long v = PyLong_AsLongAndOverflow(x, &overflow);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (overflow || v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (v < 0 || v > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)v);
}

static PyObject *builtin_ord(PyObject *self, PyObject *c)
{
    Py_ssize_t size;
    if (PyBytes_Check(c)) {
        size = PyBytes_GET_SIZE(c);
        if (size == 1)
            return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(c)[0]);
    } else if (PyUnicode_Check(c)) {
        size = PyUnicode_GET_LENGTH(c);
        if (size == 1)
            return PyLong_FromLong((long)PyUnicode_READ_CHAR(c, 0));
    } else if (PyByteArray_Check(c)) {
        size = PyByteArray_GET_SIZE(c);
        if (size == 1)
            return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(c)[0]);
    } else {
        PyErr_Format(PyExc_TypeError, "ord() expected string of length 1, but %.200s found",
                     Py_TYPE(c)->tp_name);
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "ord() expected a character, but string of length %zd found",
                 size);
    return NULL;
}

/* ---- all / any ---- */

/* Shared by all() and any(): stops at the first item whose truth equals
 * `stop_on`, returning that truth; otherwise returns !stop_on. */
static PyObject *truth_scan(PyObject *iterable, int stop_on)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    iternextfunc next = Py_TYPE(it)->tp_iternext;
    PyObject *item;
    while ((item = next(it)) != NULL) {
        int t = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (t < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (t == stop_on) {
            Py_DECREF(it);
            return PyBool_FromLong(stop_on);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return NULL;
        PyErr_Clear();
    }
    return PyBool_FromLong(!stop_on);
}

static PyObject *builtin_all(PyObject *self, PyObject *v) { return truth_scan(v, 0); }
static PyObject *builtin_any(PyObject *self, PyObject *v) { return truth_scan(v, 1); }

/* ---- attribute builtins ---- */

static int check_attr_name(PyObject *name)
{
    if (PyUnicode_Check(name))
        return 1;
    PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                 Py_TYPE(name)->tp_name);
    return 0;
}

static PyObject *builtin_getattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("getattr", nargs, 2, 3) || !check_attr_name(args[1]))
        return NULL;
    if (nargs == 2)
        return PyObject_GetAttr(args[0], args[1]);
    PyObject *result;
    if (_PyObject_LookupAttr(args[0], args[1], &result) == 0)
        return Py_NewRef(args[2]);
    return result;
}

static PyObject *builtin_setattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setattr", nargs, 3, 3) || !check_attr_name(args[1]))
        return NULL;
    if (PyObject_SetAttr(args[0], args[1], args[2]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *builtin_delattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("delattr", nargs, 2, 2) || !check_attr_name(args[1]))
        return NULL;
    if (PyObject_SetAttr(args[0], args[1], NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *builtin_hasattr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("hasattr", nargs, 2, 2) || !check_attr_name(args[1]))
        return NULL;
    PyObject *v;
    int r = _PyObject_LookupAttr(args[0], args[1], &v);
    if (r < 0)
        return NULL;
    Py_XDECREF(v);
    return PyBool_FromLong(r);
}

/* ---- namespaces ---- */

static PyObject *builtin_globals(PyObject *self, PyObject *unused)
{
    PyObject *g = PyEval_GetGlobals();   /* borrowed */
    return Py_XNewRef(g);
}

static PyObject *builtin_locals(PyObject *self, PyObject *unused)
{
    PyObject *l = PyEval_GetLocals();    /* borrowed */
    return Py_XNewRef(l);
}

static PyObject *builtin_vars(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("vars", nargs, 0, 1))
        return NULL;
    if (nargs == 0)
        return Py_XNewRef(PyEval_GetLocals());
    PyObject *d;
    if (_PyObject_LookupAttr(args[0], KR_ID(__dict__), &d) == 0)
        PyErr_SetString(PyExc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static PyObject *builtin_dir(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("dir", nargs, 0, 1))
        return NULL;
    return PyObject_Dir(nargs ? args[0] : NULL);
}

/* ---- arithmetic ---- */

static PyObject *builtin_divmod(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("divmod", nargs, 2, 2))
        return NULL;
    return PyNumber_Divmod(args[0], args[1]);
}

static PyObject *builtin_pow(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    static const kr_argspec spec = {"pow", names, 0, 2, 3};
    PyObject *a[3];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    return PyNumber_Power(a[0], a[1], a[2] ? a[2] : Py_None);
}

static PyObject *builtin_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    static const kr_argspec spec = {"round", names, 0, 1, 2};
    PyObject *a[2];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PyObject *round = _PyObject_LookupSpecial(a[0], KR_ID(__round__));
    if (round == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __round__ method",
                         Py_TYPE(a[0])->tp_name);
        return NULL;
    }
    PyObject *r = (a[1] == NULL || a[1] == Py_None) ? PyObject_CallNoArgs(round)
                                                     : PyObject_CallOneArg(round, a[1]);
    Py_DECREF(round);
    return r;
}

/* sum(): exact int and float runs are accumulated in C, as CPython does,
 * switching to generic addition at the first other type.  Float sums add
 * left to right in double precision, which is what 3.11 does. */
static PyObject *builtin_sum(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    static const char *const names[] = {"", "start", NULL};
    static const kr_argspec spec = {"sum", names, 1, 1, 2};
    PyObject *a[2];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PyObject *result = a[1];
    if (result == NULL) {
        result = PyLong_FromLong(0);
        if (result == NULL)
            return NULL;
    } else {
        if (PyUnicode_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (PyBytes_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (PyByteArray_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
        Py_INCREF(result);
    }
    PyObject *it = PyObject_GetIter(a[0]);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }

    /* Fast path over exact ints that fit a C long. */
    if (PyLong_CheckExact(result)) {
        int overflow;
        long acc = PyLong_AsLongAndOverflow(result, &overflow);
        if (!overflow) {
            Py_CLEAR(result);
            for (;;) {
                PyObject *item = PyIter_Next(it);
                if (item == NULL) {
                    Py_DECREF(it);
                    return PyErr_Occurred() ? NULL : PyLong_FromLong(acc);
                }
                if (PyLong_CheckExact(item) || PyBool_Check(item)) {
                    long b = PyLong_AsLongAndOverflow(item, &overflow);
                    long sum;
                    if (!overflow && !__builtin_add_overflow(acc, b, &sum)) {
                        acc = sum;
                        Py_DECREF(item);
                        continue;
                    }
                }
                /* Leave the fast path: materialise and add generically. */
                result = PyLong_FromLong(acc);
                if (result == NULL) {
                    Py_DECREF(item);
                    Py_DECREF(it);
                    return NULL;
                }
                Py_SETREF(result, PyNumber_Add(result, item));
                Py_DECREF(item);
                if (result == NULL) {
                    Py_DECREF(it);
                    return NULL;
                }
                break;
            }
        }
    }
    /* Fast path over floats (and ints convertible exactly) once the
     * accumulator is a float. */
    if (PyFloat_CheckExact(result)) {
        double acc = PyFloat_AS_DOUBLE(result);
        Py_CLEAR(result);
        for (;;) {
            PyObject *item = PyIter_Next(it);
            if (item == NULL) {
                Py_DECREF(it);
                return PyErr_Occurred() ? NULL : PyFloat_FromDouble(acc);
            }
            if (PyFloat_CheckExact(item)) {
                acc += PyFloat_AS_DOUBLE(item);
                Py_DECREF(item);
                continue;
            }
            if (PyLong_CheckExact(item)) {
                int overflow;
                long v = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow && v < (1L << 53) && v > -(1L << 53)) {
                    acc += (double)v;
                    Py_DECREF(item);
                    continue;
                }
            }
            result = PyFloat_FromDouble(acc);
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(it);
                return NULL;
            }
            Py_SETREF(result, PyNumber_Add(result, item));
            Py_DECREF(item);
            if (result == NULL) {
                Py_DECREF(it);
                return NULL;
            }
            break;
        }
    }
    for (;;) {
        PyObject *item = PyIter_Next(it);
        if (item == NULL) {
            Py_DECREF(it);
            if (PyErr_Occurred()) {
                Py_DECREF(result);
                return NULL;
            }
            return result;
        }
        Py_SETREF(result, PyNumber_Add(result, item));
        Py_DECREF(item);
        if (result == NULL) {
            Py_DECREF(it);
            return NULL;
        }
    }
}

/* ---- min / max ---- */

/* op is Py_LT for min, Py_GT for max. */
static PyObject *min_max(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int op)
{
    const char *name = op == Py_LT ? "min" : "max";
    PyObject *key = NULL, *dflt = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *k = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_CompareWithASCIIString(k, "key") == 0)
            key = args[nargs + i];
        else if (PyUnicode_CompareWithASCIIString(k, "default") == 0)
            dflt = args[nargs + i];
        else {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()", k, name);
            return NULL;
        }
    }
    if (nargs == 0) {
        PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    if (nargs > 1 && dflt != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "Cannot specify a default for %s() with multiple positional arguments", name);
        return NULL;
    }
    if (key == Py_None)
        key = NULL;
    PyObject *it = NULL;
    if (nargs == 1) {
        it = PyObject_GetIter(args[0]);
        if (it == NULL)
            return NULL;
    }
    PyObject *best = NULL, *best_key = NULL;
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item;
        if (it != NULL) {
            item = PyIter_Next(it);
            if (item == NULL) {
                if (PyErr_Occurred())
                    goto error;
                break;
            }
        } else {
            if (i >= nargs)
                break;
            item = Py_NewRef(args[i]);
        }
        PyObject *k = key ? PyObject_CallOneArg(key, item) : Py_NewRef(item);
        if (k == NULL) {
            Py_DECREF(item);
            goto error;
        }
        if (best == NULL) {
            best = item;
            best_key = k;
            continue;
        }
        int better = PyObject_RichCompareBool(k, best_key, op);
        if (better < 0) {
            Py_DECREF(item);
            Py_DECREF(k);
            goto error;
        }
        if (better) {
            Py_SETREF(best, item);
            Py_SETREF(best_key, k);
        } else {
            Py_DECREF(item);
            Py_DECREF(k);
        }
    }
    Py_XDECREF(it);
    Py_XDECREF(best_key);
    if (best == NULL) {
        if (dflt != NULL)
            return Py_NewRef(dflt);
        PyErr_Format(PyExc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
error:
    Py_XDECREF(it);
    Py_XDECREF(best);
    Py_XDECREF(best_key);
    return NULL;
}

static PyObject *builtin_min(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return min_max(args, nargs, kwnames, Py_LT);
}

static PyObject *builtin_max(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return min_max(args, nargs, kwnames, Py_GT);
}

/* ---- iteration ---- */

static PyObject *builtin_iter(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("iter", nargs, 1, 2))
        return NULL;
    if (nargs == 1)
        return PyObject_GetIter(args[0]);
    if (!PyCallable_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return PyCallIter_New(args[0], args[1]);
}

static PyObject *builtin_next(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("next", nargs, 1, 2))
        return NULL;
    PyObject *it = args[0];
    if (!PyIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator", Py_TYPE(it)->tp_name);
        return NULL;
    }
    PyObject *res = Py_TYPE(it)->tp_iternext(it);
    if (res != NULL)
        return res;
    if (nargs > 1) {
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
        return Py_NewRef(args[1]);
    }
    if (!PyErr_Occurred())
        PyErr_SetNone(PyExc_StopIteration);
    return NULL;
}

static PyObject *builtin_aiter(PyObject *self, PyObject *x)
{
    return PyObject_GetAIter(x);
}

static PyObject *builtin_anext(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("anext", nargs, 1, 2))
        return NULL;
    PyObject *aiter = args[0];
    PyTypeObject *t = Py_TYPE(aiter);
    if (t->tp_as_async == NULL || t->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterator", t->tp_name);
        return NULL;
    }
    PyObject *awaitable = t->tp_as_async->am_anext(aiter);
    if (awaitable == NULL || nargs == 1)
        return awaitable;
    PyObject *r = kr_anext_awaitable_new(awaitable, args[1]);
    Py_DECREF(awaitable);
    return r;
}

static PyObject *builtin_sorted(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "sorted expected 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *list = PySequence_List(args[0]);
    if (list == NULL)
        return NULL;
    /* list.sort(*, key, reverse) does its own keyword checking, which is
     * why CPython's message names sort(). */
    PyObject *callargs[3];
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nkw > 2) {
        PyErr_Format(PyExc_TypeError, "sort() takes at most 2 keyword arguments (%zd given)", nkw);
        Py_DECREF(list);
        return NULL;
    }
    callargs[0] = list;
    for (Py_ssize_t i = 0; i < nkw; i++)
        callargs[1 + i] = args[1 + i];
    PyObject *r = PyObject_VectorcallMethod(KR_ID(sort), callargs, 1, kwnames);
    if (r == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_DECREF(r);
    return list;
}

/* ---- isinstance / issubclass ---- */

static PyObject *builtin_isinstance(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("isinstance", nargs, 2, 2))
        return NULL;
    int r = PyObject_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *builtin_issubclass(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("issubclass", nargs, 2, 2))
        return NULL;
    int r = PyObject_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

/* ---- format ---- */

static PyObject *builtin_format(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("format", nargs, 1, 2))
        return NULL;
    if (nargs == 2 && !PyUnicode_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "format() argument 2 must be str, not %.200s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    return PyObject_Format(args[0], nargs == 2 ? args[1] : NULL);
}

/* ---- print / input ---- */

static int check_sep_end(PyObject *v, const char *what)
{
    if (v == NULL || v == Py_None || PyUnicode_Check(v))
        return 1;
    PyErr_Format(PyExc_TypeError, "%s must be None or a string, not %.200s", what,
                 Py_TYPE(v)->tp_name);
    return 0;
}

static PyObject *builtin_print(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    static const kr_argspec spec = {"print", names, 0, 0, 0};
    PyObject *kw[4];
    if (kr_args_unpack(&spec, args + nargs, 0, kwnames, kw) < 0) {
        /* kwnames refer to args after the positionals, so rebuild the
         * message for a stray positional here is impossible: only
         * keyword problems reach this point. */
        return NULL;
    }
    PyObject *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stdout");   /* borrowed */
        if (file == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        /* sys.stdout may be None when FILE* stdout isn't connected */
        if (file == Py_None)
            Py_RETURN_NONE;
    }
    if (!check_sep_end(sep, "sep") || !check_sep_end(end, "end"))
        return NULL;
    Py_INCREF(file);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int rc = (sep == NULL || sep == Py_None) ? PyFile_WriteString(" ", file)
                                                     : PyFile_WriteObject(sep, file, Py_PRINT_RAW);
            if (rc < 0)
                goto error;
        }
        if (PyFile_WriteObject(args[i], file, Py_PRINT_RAW) < 0)
            goto error;
    }
    if (((end == NULL || end == Py_None) ? PyFile_WriteString("\n", file)
                                         : PyFile_WriteObject(end, file, Py_PRINT_RAW)) < 0)
        goto error;
    if (flush != NULL) {
        int f = PyObject_IsTrue(flush);
        if (f < 0)
            goto error;
        if (f) {
            PyObject *r = PyObject_CallMethodNoArgs(file, KR_ID(flush));
            if (r == NULL)
                goto error;
            Py_DECREF(r);
        }
    }
    Py_DECREF(file);
    Py_RETURN_NONE;
error:
    Py_DECREF(file);
    return NULL;
}

static PyObject *builtin_input(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("input", nargs, 0, 1))
        return NULL;
    PyObject *fin = sys_attr_or_error("stdin");
    if (fin == NULL)
        return NULL;
    PyObject *fout = sys_attr_or_error("stdout");
    if (fout == NULL) {
        Py_DECREF(fin);
        return NULL;
    }
    PyObject *ferr = PySys_GetObject("stderr");
    if (ferr != NULL && ferr != Py_None) {
        PyObject *r = PyObject_CallMethodNoArgs(ferr, KR_ID(flush));
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
    }
    PyObject *result = NULL;
    if (nargs == 1) {
        if (PyFile_WriteObject(args[0], fout, Py_PRINT_RAW) < 0)
            goto done;
    }
    PyObject *r = PyObject_CallMethodNoArgs(fout, KR_ID(flush));
    if (r == NULL)
        PyErr_Clear();
    Py_XDECREF(r);
    PyObject *line = PyObject_CallMethodNoArgs(fin, KR_ID(readline));
    if (line == NULL)
        goto done;
    if (!PyUnicode_Check(line)) {
        PyErr_Format(PyExc_TypeError, "object.readline() returned non-string");
        Py_DECREF(line);
        goto done;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    if (n == 0) {
        /* CPython's message when input() reads a file, not a terminal */
        PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
        Py_DECREF(line);
        goto done;
    }
    if (PyUnicode_READ_CHAR(line, n - 1) == '\n') {
        result = PyUnicode_Substring(line, 0, n - 1);
        Py_DECREF(line);
    } else {
        result = line;
    }
done:
    Py_DECREF(fin);
    Py_DECREF(fout);
    return result;
}

static PyObject *builtin_breakpoint(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    PyObject *hook = PySys_GetObject("breakpointhook");   /* borrowed */
    if (hook == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.breakpointhook");
        return NULL;
    }
    Py_INCREF(hook);
    PyObject *r = PyObject_Vectorcall(hook, args, nargs, kwnames);
    Py_DECREF(hook);
    return r;
}

/* ---- compile / exec / eval ---- */

/* Source text of a str, bytes or buffer object for compile(), exec() and
 * eval(): sets *src and *len to memory owned by the object or by *keep (a new
 * reference the caller releases).  Returns 0, or -1 with an error. */
static int source_text(PyObject *cmd, const char *funcname, const char *what,
                       const char **src, Py_ssize_t *len, PyObject **keep, PyCompilerFlags *cf)
{
    *keep = NULL;
    if (PyUnicode_Check(cmd)) {
        if (cf)
            cf->cf_flags |= PyCF_IGNORE_COOKIE;
        *src = PyUnicode_AsUTF8AndSize(cmd, len);
        if (*src == NULL)
            return -1;
    } else if (PyBytes_Check(cmd)) {
        *src = PyBytes_AS_STRING(cmd);
        *len = PyBytes_GET_SIZE(cmd);
    } else if (PyByteArray_Check(cmd)) {
        *keep = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(cmd), PyByteArray_GET_SIZE(cmd));
        if (*keep == NULL)
            return -1;
        *src = PyBytes_AS_STRING(*keep);
        *len = PyBytes_GET_SIZE(*keep);
    } else if (PyObject_CheckBuffer(cmd)) {
        *keep = PyBytes_FromObject(cmd);
        if (*keep == NULL)
            return -1;
        *src = PyBytes_AS_STRING(*keep);
        *len = PyBytes_GET_SIZE(*keep);
    } else {
        PyErr_Format(PyExc_TypeError, "%s() arg 1 must be a %s object", funcname, what);
        return -1;
    }
    if ((Py_ssize_t)strlen(*src) != *len) {
        PyErr_SetString(PyExc_ValueError, "source code string cannot contain null bytes");
        Py_CLEAR(*keep);
        return -1;
    }
    return 0;
}

static PyObject *builtin_compile(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                        "optimize", "_feature_version", NULL};
    static const kr_argspec spec = {"compile", names, 0, 3, 6};
    PyObject *a[7];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PyObject *filename;
    if (!PyUnicode_FSDecoder(a[1], &filename))
        return NULL;
    PyObject *result = NULL, *keep = NULL;
    int flags = 0, dont_inherit = 0, optimize = -1;
    if (a[3] && ((flags = _PyLong_AsInt(a[3])) == -1 && PyErr_Occurred()))
        goto done;
    if (a[4] && ((dont_inherit = PyObject_IsTrue(a[4])) < 0))
        goto done;
    if (a[5] && ((optimize = _PyLong_AsInt(a[5])) == -1 && PyErr_Occurred()))
        goto done;
    if (!PyUnicode_Check(a[2])) {
        PyErr_Format(PyExc_TypeError, "compile() argument 'mode' must be str, not %.200s",
                     Py_TYPE(a[2])->tp_name);
        goto done;
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    cf.cf_flags = flags | PyCF_SOURCE_IS_UTF8;
    if (flags & ~(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK)) {
        PyErr_SetString(PyExc_ValueError, "compile(): unrecognised flags");
        goto done;
    }
    if (optimize < -1 || optimize > 2) {
        PyErr_SetString(PyExc_ValueError, "compile(): invalid optimize value");
        goto done;
    }
    if (!dont_inherit)
        PyEval_MergeCompilerFlags(&cf);
    int mode;
    if (PyUnicode_CompareWithASCIIString(a[2], "exec") == 0)
        mode = Py_file_input;
    else if (PyUnicode_CompareWithASCIIString(a[2], "eval") == 0)
        mode = Py_eval_input;
    else if (PyUnicode_CompareWithASCIIString(a[2], "single") == 0)
        mode = Py_single_input;
    else if (PyUnicode_CompareWithASCIIString(a[2], "func_type") == 0) {
        if (!(flags & PyCF_ONLY_AST)) {
            PyErr_SetString(PyExc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
            goto done;
        }
        mode = Py_func_type_input;
    } else {
        PyErr_SetString(PyExc_ValueError, (flags & PyCF_ONLY_AST)
                            ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                            : "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    if (kr_is_ast_object(a[0])) {
        result = kr_compile_ast_object(a[0], filename, mode, &cf, optimize);
        goto done;
    }
    const char *src;
    Py_ssize_t len;
    if (source_text(a[0], "compile", "string, bytes or AST", &src, &len, &keep, &cf) < 0)
        goto done;
    result = kr_compile_source(src, len, filename, mode, &cf, optimize);
done:
    Py_XDECREF(keep);
    Py_DECREF(filename);
    return result;
}

/* Checks exec()/eval()'s namespaces and fills in defaults from the
 * calling frame; *globals and *locals become borrowed references. */
static int resolve_namespaces(PyObject **globals, PyObject **locals, int is_exec)
{
    if (*globals == Py_None)
        *globals = NULL;
    if (*locals == Py_None)
        *locals = NULL;
    if (*globals != NULL && !PyDict_Check(*globals)) {
        PyErr_Format(PyExc_TypeError,
                     is_exec ? "exec() globals must be a dict, not %.100s" : "globals must be a dict",
                     Py_TYPE(*globals)->tp_name);
        return -1;
    }
    if (*locals != NULL && !PyMapping_Check(*locals)) {
        if (is_exec)
            PyErr_Format(PyExc_TypeError, "locals must be a mapping or None, not %.100s",
                         Py_TYPE(*locals)->tp_name);
        else
            PyErr_SetString(PyExc_TypeError, "locals must be a mapping");
        return -1;
    }
    if (*globals == NULL) {
        *globals = PyEval_GetGlobals();
        if (*locals == NULL) {
            *locals = PyEval_GetLocals();
            if (*locals == NULL && PyErr_Occurred())
                return -1;
        }
        if (*globals == NULL) {
            PyErr_SetString(PyExc_SystemError, "globals and locals cannot be NULL");
            return -1;
        }
    } else if (*locals == NULL) {
        *locals = *globals;
    }
    /* A namespace without __builtins__ gets the current builtins, as in
     * CPython. */
    int has = PyDict_Contains(*globals, KR_ID(__builtins__));
    if (has < 0)
        return -1;
    if (!has && PyDict_SetItem(*globals, KR_ID(__builtins__), PyEval_GetBuiltins()) < 0)
        return -1;
    return 0;
}

static PyObject *eval_or_exec(PyObject *source, PyObject *globals, PyObject *locals,
                              int is_exec)
{
    if (resolve_namespaces(&globals, &locals, is_exec) < 0)
        return NULL;
    const char *fname = is_exec ? "exec" : "eval";
    if (PyCode_Check(source)) {
        if (PyCode_GetNumFree((PyCodeObject *)source) > 0) {
            PyErr_Format(PyExc_TypeError,
                         "code object passed to %s() may not contain free variables", fname);
            return NULL;
        }
        return PyEval_EvalCode(source, globals, locals);
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    cf.cf_flags = PyCF_SOURCE_IS_UTF8;
    const char *src;
    Py_ssize_t len;
    PyObject *keep;
    if (!is_exec && !PyUnicode_Check(source) && !PyBytes_Check(source) &&
        !PyByteArray_Check(source) && !PyObject_CheckBuffer(source)) {
        PyErr_SetString(PyExc_TypeError, "eval() arg 1 must be a string, bytes or code object");
        return NULL;
    }
    if (source_text(source, fname, "string, bytes or code", &src, &len, &keep, &cf) < 0)
        return NULL;
    if (!is_exec) {
        /* eval() ignores leading spaces and tabs, as CPython does. */
        while (*src == ' ' || *src == '\t') {
            src++;
            len--;
        }
    }
    PyEval_MergeCompilerFlags(&cf);
    PyObject *filename = PyUnicode_FromString("<string>");
    PyObject *code = filename ? kr_compile_source(src, len, filename,
                                                  is_exec ? Py_file_input : Py_eval_input, &cf, -1)
                              : NULL;
    Py_XDECREF(filename);
    Py_XDECREF(keep);
    if (code == NULL)
        return NULL;
    PyObject *r = PyEval_EvalCode(code, globals, locals);
    Py_DECREF(code);
    return r;
}

static PyObject *builtin_eval(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const names[] = {"", "globals", "locals", NULL};
    static const kr_argspec spec = {"eval", names, 1, 1, 3};
    PyObject *a[3];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    return eval_or_exec(a[0], a[1] ? a[1] : Py_None, a[2] ? a[2] : Py_None, 0);
}

static PyObject *builtin_exec(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const names[] = {"", "globals", "locals", "closure", NULL};
    static const kr_argspec spec = {"exec", names, 1, 1, 3};
    PyObject *a[4];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[3] != NULL && a[3] != Py_None) {
        PyErr_SetString(PyExc_TypeError, "closure can only be used when source is a code object");
        if (PyCode_Check(a[0]))
            PyErr_SetString(PyExc_NotImplementedError, "exec() closure argument");
        return NULL;
    }
    PyObject *r = eval_or_exec(a[0], a[1] ? a[1] : Py_None, a[2] ? a[2] : Py_None, 1);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

/* compile() accepts AST objects: instances of _ast.AST, which exist only
 * once the `_ast` module has been imported in this context. */
int kr_is_ast_object(PyObject *obj)
{
    PyObject *ast = PyDict_GetItemString(kr_context_get()->modules, "_ast");   /* borrowed */
    if (ast == NULL)
        return 0;
    PyObject *cls = PyObject_GetAttrString(ast, "AST");
    if (cls == NULL) {
        PyErr_Clear();
        return 0;
    }
    int r = PyObject_IsInstance(obj, cls);
    Py_DECREF(cls);
    if (r < 0) {
        PyErr_Clear();
        return 0;
    }
    return r;
}

PyObject *kr_compile_ast_object(PyObject *ast, PyObject *filename, int mode,
                                PyCompilerFlags *flags, int optimize)
{
    return kr_compile_ast(ast, filename, mode, flags, optimize);
}

#define FAST (METH_FASTCALL)
#define FASTKW (METH_FASTCALL | METH_KEYWORDS)
#define F(name, flags, doc) {#name, (PyCFunction)(void (*)(void))builtin_##name, flags, doc}

static PyMethodDef builtin_methods[] = {
    F(__build_class__, FASTKW, "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement."),
    F(__import__, FASTKW, "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module\n\nImport a module."),
    F(abs, METH_O, "Return the absolute value of the argument."),
    F(aiter, METH_O, "Return an AsyncIterator for an AsyncIterable object."),
    F(all, METH_O, "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True."),
    F(anext, FAST, "anext(aiterator[, default])\n\nReturn the next item from the async iterator."),
    F(any, METH_O, "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."),
    F(ascii, METH_O, "Return an ASCII-only representation of an object."),
    F(bin, METH_O, "Return the binary representation of an integer."),
    F(breakpoint, FASTKW, "breakpoint(*args, **kws)\n\nCall sys.breakpointhook(*args, **kws)."),
    F(callable, METH_O, "Return whether the object is callable (i.e., some kind of function)."),
    F(chr, METH_O, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."),
    F(compile, FASTKW, "Compile source into a code object that can be executed by exec() or eval()."),
    F(delattr, FAST, "Deletes the named attribute from the given object."),
    F(dir, FAST, "dir([object]) -> list of strings"),
    F(divmod, FAST, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."),
    F(eval, FASTKW, "Evaluate the given source in the context of globals and locals."),
    F(exec, FASTKW, "Execute the given source in the context of globals and locals."),
    F(format, FAST, "Return value.__format__(format_spec)"),
    F(getattr, FAST, "getattr(object, name[, default]) -> value"),
    F(globals, METH_NOARGS, "Return the dictionary containing the current scope's global variables."),
    F(hasattr, FAST, "Return whether the object has an attribute with the given name."),
    F(hash, METH_O, "Return the hash value for the given object."),
    F(hex, METH_O, "Return the hexadecimal representation of an integer."),
    F(id, METH_O, "Return the identity of an object."),
    F(input, FAST, "Read a string from standard input.  The trailing newline is stripped."),
    F(isinstance, FAST, "Return whether an object is an instance of a class or of a subclass thereof."),
    F(issubclass, FAST, "Return whether 'cls' is derived from another class or is the same class."),
    F(iter, FAST, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"),
    F(len, METH_O, "Return the number of items in a container."),
    F(locals, METH_NOARGS, "Return a dictionary containing the current scope's local variables."),
    F(max, FASTKW, "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value"),
    F(min, FASTKW, "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value"),
    F(next, FAST, "next(iterator[, default])\n\nReturn the next item from the iterator."),
    F(oct, METH_O, "Return the octal representation of an integer."),
    F(ord, METH_O, "Return the Unicode code point for a one-character string."),
    F(pow, FASTKW, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"),
    F(print, FASTKW, "Prints the values to a stream, or to sys.stdout by default."),
    F(repr, METH_O, "Return the canonical string representation of the object."),
    F(round, FASTKW, "Round a number to a given precision in decimal digits."),
    F(setattr, FAST, "Sets the named attribute on the given object to the specified value."),
    F(sorted, FASTKW, "Return a new list containing all items from the iterable in ascending order."),
    F(sum, FASTKW, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"),
    F(vars, FAST, "vars([object]) -> dictionary"),
    {NULL, NULL, 0, NULL}
};

/* Builtin names bound to static objects, added to each context's
 * builtins. */
static int add_builtin_objects(PyObject *d)
{
    struct { const char *name; PyObject *obj; } objs[] = {
        {"None", Py_None}, {"Ellipsis", Py_Ellipsis}, {"NotImplemented", Py_NotImplemented},
        {"False", Py_False}, {"True", Py_True},
        {"bool", (PyObject *)&PyBool_Type}, {"memoryview", (PyObject *)&PyMemoryView_Type},
        {"bytearray", (PyObject *)&PyByteArray_Type}, {"bytes", (PyObject *)&PyBytes_Type},
        {"classmethod", (PyObject *)&PyClassMethod_Type}, {"complex", (PyObject *)&PyComplex_Type},
        {"dict", (PyObject *)&PyDict_Type}, {"enumerate", (PyObject *)&PyEnum_Type},
        {"filter", (PyObject *)&PyFilter_Type}, {"float", (PyObject *)&PyFloat_Type},
        {"frozenset", (PyObject *)&PyFrozenSet_Type}, {"property", (PyObject *)&PyProperty_Type},
        {"int", (PyObject *)&PyLong_Type}, {"list", (PyObject *)&PyList_Type},
        {"map", (PyObject *)&PyMap_Type}, {"object", (PyObject *)&PyBaseObject_Type},
        {"range", (PyObject *)&PyRange_Type}, {"reversed", (PyObject *)&PyReversed_Type},
        {"set", (PyObject *)&PySet_Type}, {"slice", (PyObject *)&PySlice_Type},
        {"staticmethod", (PyObject *)&PyStaticMethod_Type}, {"str", (PyObject *)&PyUnicode_Type},
        {"super", (PyObject *)&PySuper_Type}, {"tuple", (PyObject *)&PyTuple_Type},
        {"type", (PyObject *)&PyType_Type}, {"zip", (PyObject *)&PyZip_Type},
    };
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        if (PyDict_SetItemString(d, objs[i].name, objs[i].obj) < 0)
            return -1;
    return kr_add_builtin_exceptions(d);
}

int kr_builtins_init(struct kr_context *ctx)
{
    PyObject *mod = PyModule_New("builtins");
    if (mod == NULL)
        return -1;
    if (PyModule_AddFunctions(mod, builtin_methods) < 0 ||
        PyModule_SetDocString(mod, "Built-in functions, types, exceptions, and other objects.") < 0)
        goto error;
    PyObject *d = PyModule_GetDict(mod);   /* borrowed */
    if (add_builtin_objects(d) < 0)
        goto error;
    int debug = ctx->options.optimize == 0;
    if (PyDict_SetItemString(d, "__debug__", debug ? Py_True : Py_False) < 0)
        goto error;
    if (kr_set_builtin_spec(mod) < 0)
        goto error;
    ctx->builtins = Py_NewRef(d);
    if (PyDict_SetItemString(ctx->modules, "builtins", mod) < 0)
        goto error;
    Py_DECREF(mod);
    return 0;
error:
    Py_DECREF(mod);
    return -1;
}
