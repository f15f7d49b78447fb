/* unicode_methods.c: the methods of str (searching, splitting, joining,
 * stripping, padding, predicates, translate, ...) and the C API functions
 * behind them (PyUnicode_Split, PyUnicode_Join, PyUnicode_Replace, ...).
 *
 * Methods use METH_FASTCALL / METH_O / METH_NOARGS and parse their
 * arguments by hand, with the messages CPython 3.11's argument parsers
 * produce.  Results are built in canonical form through kr_str_from_kind
 * or the writer; a method whose result equals an exact-str self returns
 * self.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"
#include "capi/argparse.h"

#define KR_DATA(s) ((const char *)PyUnicode_DATA(s))

/* ------------------------------------------------------------------ */
/* Argument helpers */

/* Index argument the way CPython's Py_ssize_t converter reads it. */
static int kr_arg_ssize(PyObject *obj, Py_ssize_t *out)
{
    PyObject *i = PyNumber_Index(obj);
    if (i == NULL)
        return -1;
    *out = PyLong_AsSsize_t(i);
    Py_DECREF(i);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

/* A start/end argument of find() and friends: None or an index. */
static int kr_arg_slice_index(PyObject *obj, Py_ssize_t *out)
{
    if (obj == Py_None)
        return 0;
    if (!PyIndex_Check(obj)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    *out = PyNumber_AsSsize_t(obj, NULL);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

/* Parses (sub[, start[, end]]) for find, count, index, startswith, ...
 * with CPython's old-style messages. */
static int kr_parse_sub_args(const char *name, PyObject *const *args, Py_ssize_t nargs, PyObject **sub,
                             Py_ssize_t *start, Py_ssize_t *end)
{
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes at least 1 argument (0 given)", name);
        return -1;
    }
    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
        return -1;
    }
    *sub = args[0];
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    if (nargs > 1 && kr_arg_slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && kr_arg_slice_index(args[2], end) < 0)
        return -1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* find / rfind / index / rindex / count */

static Py_ssize_t kr_find_common(PyObject *self, const char *name, PyObject *const *args, Py_ssize_t nargs,
                                 int direction)
{
    PyObject *sub;
    Py_ssize_t start, end, len = PyUnicode_GET_LENGTH(self);
    if (kr_parse_sub_args(name, args, nargs, &sub, &start, &end) < 0)
        return -2;
    if (kr_str_check_arg(sub, "must be str") < 0)
        return -2;
    kr_str_adjust_indices(&start, &end, len);
    if (end - start < PyUnicode_GET_LENGTH(sub))
        return -1;
    return kr_str_find(self, sub, start, end, direction);
}

static PyObject *kr_m_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = kr_find_common(self, "find", args, nargs, 1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *kr_m_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = kr_find_common(self, "rfind", args, nargs, -1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *kr_index_result(Py_ssize_t r)
{
    if (r == -2)
        return NULL;
    if (r == -1) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *kr_m_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_index_result(kr_find_common(self, "index", args, nargs, 1));
}

static PyObject *kr_m_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_index_result(kr_find_common(self, "rindex", args, nargs, -1));
}

static PyObject *kr_m_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sub;
    Py_ssize_t start, end, r;
    if (kr_parse_sub_args("count", args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (kr_str_check_arg(sub, "must be str") < 0)
        return NULL;
    kr_str_adjust_indices(&start, &end, PyUnicode_GET_LENGTH(self));
    if (end < start)
        return PyLong_FromLong(0);
    r = kr_str_count(self, sub, start, end);
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}

Py_ssize_t PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t r;
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadInternalCall();
        return -2;
    }
    kr_str_adjust_indices(&start, &end, PyUnicode_GET_LENGTH(str));
    if (end - start < PyUnicode_GET_LENGTH(substr))
        return -1;
    r = kr_str_find(str, substr, start, end, direction);
    return r;
}

Py_ssize_t PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), r;
    int kind = PyUnicode_KIND(str);
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -2;
    }
    if (end > len)
        end = len;
    if (start >= end)
        return -1;
    r = direction > 0 ? kr_str_find_char(kind, KR_DATA(str) + start * kind, end - start, ch)
                      : kr_str_rfind_char(kind, KR_DATA(str) + start * kind, end - start, ch);
    return r < 0 ? -1 : r + start;
}

Py_ssize_t PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadInternalCall();
        return -1;
    }
    kr_str_adjust_indices(&start, &end, PyUnicode_GET_LENGTH(str));
    if (end < start)
        return 0;
    return kr_str_count(str, substr, start, end);
}

/* ------------------------------------------------------------------ */
/* startswith / endswith */

static int kr_tailmatch(PyObject *self, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), m = PyUnicode_GET_LENGTH(sub);
    kr_str_adjust_indices(&start, &end, len);
    end -= m;
    if (end < start)
        return 0;
    if (m == 0)
        return 1;
    Py_ssize_t off = direction > 0 ? end : start;
    int k1 = PyUnicode_KIND(self), k2 = PyUnicode_KIND(sub);
    if (k1 == k2)
        return memcmp(KR_DATA(self) + off * k1, KR_DATA(sub), (size_t)(m * k1)) == 0;
    for (Py_ssize_t i = 0; i < m; i++)
        if (PyUnicode_READ(k1, KR_DATA(self), off + i) != PyUnicode_READ(k2, KR_DATA(sub), i))
            return 0;
    return 1;
}

Py_ssize_t PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return kr_tailmatch(str, substr, start, end, direction);
}

static PyObject *kr_startsendswith(PyObject *self, const char *name, PyObject *const *args, Py_ssize_t nargs,
                                   int direction)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (kr_parse_sub_args(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (PyTuple_Check(sub)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sub); i++) {
            PyObject *s = PyTuple_GET_ITEM(sub, i);
            if (!PyUnicode_Check(s)) {
                PyErr_Format(PyExc_TypeError, "tuple for %s must only contain str, not %.100s", name,
                             Py_TYPE(s)->tp_name);
                return NULL;
            }
            if (kr_tailmatch(self, s, start, end, direction))
                Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    if (!PyUnicode_Check(sub)) {
        PyErr_Format(PyExc_TypeError, "%s first arg must be str or a tuple of str, not %.100s", name,
                     Py_TYPE(sub)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(kr_tailmatch(self, sub, start, end, direction));
}

static PyObject *kr_m_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_startsendswith(self, "startswith", args, nargs, -1);
}

static PyObject *kr_m_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_startsendswith(self, "endswith", args, nargs, 1);
}

/* ------------------------------------------------------------------ */
/* split / rsplit / splitlines / partition */

static int kr_list_add_sub(PyObject *list, PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *sub = PyUnicode_Substring(self, start, end);
    if (sub == NULL)
        return -1;
    int r = PyList_Append(list, sub);
    Py_DECREF(sub);
    return r;
}

static PyObject *kr_split_impl(PyObject *self, PyObject *sep, Py_ssize_t maxsplit, int reverse)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), i, j;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    if (maxsplit < 0)
        maxsplit = PY_SSIZE_T_MAX;

    if (sep == NULL || sep == Py_None) {
        if (!reverse) {
            i = 0;
            while (maxsplit-- > 0) {
                while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                    i++;
                if (i == len)
                    break;
                j = i;
                while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                    i++;
                if (j == 0 && i == len && PyUnicode_CheckExact(self)) {
                    if (PyList_Append(list, self) < 0)
                        goto fail;
                    return list;
                }
                if (kr_list_add_sub(list, self, j, i) < 0)
                    goto fail;
            }
            while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i++;
            if (i != len && kr_list_add_sub(list, self, i, len) < 0)
                goto fail;
            return list;
        }
        i = len - 1;
        while (maxsplit-- > 0) {
            while (i >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i--;
            if (i < 0)
                break;
            j = i;
            while (i >= 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i--;
            if (kr_list_add_sub(list, self, i + 1, j + 1) < 0)
                goto fail;
        }
        while (i >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i--;
        if (i >= 0 && kr_list_add_sub(list, self, 0, i + 1) < 0)
            goto fail;
        if (PyList_Reverse(list) < 0)
            goto fail;
        return list;
    }

    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        goto fail;
    }
    Py_ssize_t m = PyUnicode_GET_LENGTH(sep);
    if (m == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto fail;
    }
    if (PyUnicode_KIND(sep) > kind || m > len) {
        PyObject *one = kr_str_exact(self);
        if (one == NULL || PyList_Append(list, one) < 0) {
            Py_XDECREF(one);
            goto fail;
        }
        Py_DECREF(one);
        return list;
    }
    int owned;
    void *p = kr_str_as_kind(sep, kind, &owned);
    if (p == NULL)
        goto fail;
    if (!reverse) {
        i = 0;
        while (maxsplit-- > 0) {
            Py_ssize_t r = kr_str_find_sub(kind, (const char *)data + i * kind, len - i, p, m);
            if (r < 0)
                break;
            if (kr_list_add_sub(list, self, i, i + r) < 0)
                goto fail_p;
            i += r + m;
        }
        if (i == 0 && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0)
                goto fail_p;
        }
        else if (kr_list_add_sub(list, self, i, len) < 0)
            goto fail_p;
    }
    else {
        j = len;
        while (maxsplit-- > 0) {
            Py_ssize_t r = kr_str_rfind_sub(kind, data, j, p, m);
            if (r < 0)
                break;
            if (kr_list_add_sub(list, self, r + m, j) < 0)
                goto fail_p;
            j = r;
        }
        if (j == len && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0)
                goto fail_p;
        }
        else if (kr_list_add_sub(list, self, 0, j) < 0)
            goto fail_p;
        if (PyList_Reverse(list) < 0)
            goto fail_p;
    }
    if (owned)
        PyMem_Free(p);
    return list;
fail_p:
    if (owned)
        PyMem_Free(p);
fail:
    Py_DECREF(list);
    return NULL;
}

static PyObject *kr_split_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                 int reverse)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    static const kr_argspec spec_split = {"split", names, 0, 0, 2};
    static const kr_argspec spec_rsplit = {"rsplit", names, 0, 0, 2};
    PyObject *a[2];
    Py_ssize_t maxsplit = -1;
    if (kr_args_unpack(reverse ? &spec_rsplit : &spec_split, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[1] != NULL && kr_arg_ssize(a[1], &maxsplit) < 0)
        return NULL;
    return kr_split_impl(self, a[0], maxsplit, reverse);
}

static PyObject *kr_m_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return kr_split_method(self, args, nargs, kwnames, 0);
}

static PyObject *kr_m_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return kr_split_method(self, args, nargs, kwnames, 1);
}

PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (!PyUnicode_Check(s) || (sep != NULL && sep != Py_None && !PyUnicode_Check(sep))) {
        if (!PyUnicode_Check(s))
            PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(s)->tp_name);
        else
            PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    return kr_split_impl(s, sep, maxsplit, 0);
}

PyObject *PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (!PyUnicode_Check(s) || (sep != NULL && sep != Py_None && !PyUnicode_Check(sep))) {
        if (!PyUnicode_Check(s))
            PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(s)->tp_name);
        else
            PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    return kr_split_impl(s, sep, maxsplit, 1);
}

static PyObject *kr_splitlines_impl(PyObject *self, int keepends)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), i = 0, j, eol;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    while (i < len) {
        j = i;
        while (i < len && !Py_UNICODE_ISLINEBREAK(PyUnicode_READ(kind, data, i)))
            i++;
        eol = i;
        if (i < len) {
            if (PyUnicode_READ(kind, data, i) == '\r' && i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        if (j == 0 && eol == len && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0)
                goto fail;
            break;
        }
        if (kr_list_add_sub(list, self, j, eol) < 0)
            goto fail;
    }
    return list;
fail:
    Py_DECREF(list);
    return NULL;
}

static PyObject *kr_m_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    static const kr_argspec spec = {"splitlines", names, 0, 0, 1};
    PyObject *a[1];
    int keepends = 0;
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[0] != NULL) {
        keepends = _PyLong_AsInt(a[0]);
        if (keepends == -1 && PyErr_Occurred())
            return NULL;
    }
    return kr_splitlines_impl(self, keepends);
}

PyObject *PyUnicode_Splitlines(PyObject *s, int keepends)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(s)->tp_name);
        return NULL;
    }
    return kr_splitlines_impl(s, keepends);
}

static PyObject *kr_partition_impl(PyObject *self, PyObject *sep, int reverse)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), m, pos;
    PyObject *a, *b, *r;
    if (kr_str_check_arg(sep, "must be str") < 0)
        return NULL;
    m = PyUnicode_GET_LENGTH(sep);
    if (m == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    pos = kr_str_find(self, sep, 0, len, reverse ? -1 : 1);
    if (pos == -2)
        return NULL;
    if (pos < 0) {
        PyObject *whole = kr_str_exact(self);
        if (whole == NULL)
            return NULL;
        r = reverse ? PyTuple_Pack(3, kr_str_empty(), kr_str_empty(), whole)
                    : PyTuple_Pack(3, whole, kr_str_empty(), kr_str_empty());
        Py_DECREF(whole);
        return r;
    }
    a = PyUnicode_Substring(self, 0, pos);
    b = PyUnicode_Substring(self, pos + m, len);
    PyObject *s = kr_str_exact(sep);
    if (a == NULL || b == NULL || s == NULL)
        r = NULL;
    else
        r = PyTuple_Pack(3, a, s, b);
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(s);
    return r;
}

static PyObject *kr_m_partition(PyObject *self, PyObject *sep) { return kr_partition_impl(self, sep, 0); }
static PyObject *kr_m_rpartition(PyObject *self, PyObject *sep) { return kr_partition_impl(self, sep, 1); }

PyObject *PyUnicode_Partition(PyObject *s, PyObject *sep) { return kr_partition_impl(s, sep, 0); }
PyObject *PyUnicode_RPartition(PyObject *s, PyObject *sep) { return kr_partition_impl(s, sep, 1); }

/* ------------------------------------------------------------------ */
/* join */

PyObject *_PyUnicode_JoinArray(PyObject *sep, PyObject *const *items, Py_ssize_t n)
{
    Py_ssize_t seplen, total = 0, i;
    Py_UCS4 maxchar = 0;
    PyObject *r;
    if (n == 0)
        return kr_str_empty();
    if (sep == NULL)
        sep = kr_str_char(' ');
    seplen = PyUnicode_GET_LENGTH(sep);
    if (n == 1 && PyUnicode_CheckExact(items[0]))
        return Py_NewRef(items[0]);
    for (i = 0; i < n; i++) {
        PyObject *it = items[i];
        if (!PyUnicode_Check(it)) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected str instance, %.80s found", i,
                         Py_TYPE(it)->tp_name);
            return NULL;
        }
        Py_ssize_t l = PyUnicode_GET_LENGTH(it);
        if (l > PY_SSIZE_T_MAX - total) {
            PyErr_SetString(PyExc_OverflowError, "join() result is too long for a Python string");
            return NULL;
        }
        total += l;
        Py_UCS4 mc = PyUnicode_MAX_CHAR_VALUE(it);
        if (mc > maxchar)
            maxchar = mc;
    }
    if (seplen > 0) {
        if (seplen > (PY_SSIZE_T_MAX - total) / (n - 1 > 0 ? n - 1 : 1)) {
            PyErr_SetString(PyExc_OverflowError, "join() result is too long for a Python string");
            return NULL;
        }
        total += seplen * (n - 1);
        Py_UCS4 mc = PyUnicode_MAX_CHAR_VALUE(sep);
        if (mc > maxchar)
            maxchar = mc;
    }
    r = PyUnicode_New(total, maxchar);
    if (r == NULL || total == 0)
        return r;
    int kind = PyUnicode_KIND(r);
    char *dst = PyUnicode_DATA(r);
    Py_ssize_t o = 0;
    for (i = 0; i < n; i++) {
        if (i > 0 && seplen > 0) {
            PyUnicode_CopyCharacters(r, o, sep, 0, seplen);
            o += seplen;
        }
        Py_ssize_t l = PyUnicode_GET_LENGTH(items[i]);
        if (l > 0) {
            if (PyUnicode_KIND(items[i]) == kind)
                memcpy(dst + o * kind, PyUnicode_DATA(items[i]), (size_t)(l * kind));
            else
                PyUnicode_CopyCharacters(r, o, items[i], 0, l);
            o += l;
        }
    }
    /* the result may be narrower than maxchar only if maxchar came from
     * an item of length 0, which MAX_CHAR_VALUE never reports wrongly
     * for canonical strings; nothing to fix up. */
    return r;
}

PyObject *PyUnicode_Join(PyObject *separator, PyObject *seq)
{
    PyObject *fast, *r;
    if (separator != NULL && !PyUnicode_Check(separator)) {
        PyErr_Format(PyExc_TypeError, "separator: expected str instance, %.80s found",
                     Py_TYPE(separator)->tp_name);
        return NULL;
    }
    fast = PySequence_Fast(seq, "can only join an iterable");
    if (fast == NULL)
        return NULL;
    r = _PyUnicode_JoinArray(separator, PySequence_Fast_ITEMS(fast), PySequence_Fast_GET_SIZE(fast));
    Py_DECREF(fast);
    return r;
}

static PyObject *kr_m_join(PyObject *self, PyObject *iterable)
{
    return PyUnicode_Join(self, iterable);
}

/* ------------------------------------------------------------------ */
/* strip family */

#define KR_LEFTSTRIP 0
#define KR_RIGHTSTRIP 1
#define KR_BOTHSTRIP 2

static int kr_in_set(int kind, const void *set, Py_ssize_t n, Py_UCS4 c)
{
    return kr_str_find_char(kind, set, n, c) >= 0;
}

PyObject *_PyUnicode_XStrip(PyObject *self, int striptype, PyObject *sepobj)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), i = 0, j = len;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (sepobj == NULL || sepobj == Py_None) {
        if (striptype != KR_RIGHTSTRIP)
            while (i < j && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i++;
        if (striptype != KR_LEFTSTRIP)
            while (j > i && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j - 1)))
                j--;
    }
    else {
        int skind = PyUnicode_KIND(sepobj);
        const void *sdata = PyUnicode_DATA(sepobj);
        Py_ssize_t slen = PyUnicode_GET_LENGTH(sepobj);
        if (striptype != KR_RIGHTSTRIP)
            while (i < j && kr_in_set(skind, sdata, slen, PyUnicode_READ(kind, data, i)))
                i++;
        if (striptype != KR_LEFTSTRIP)
            while (j > i && kr_in_set(skind, sdata, slen, PyUnicode_READ(kind, data, j - 1)))
                j--;
    }
    return PyUnicode_Substring(self, i, j);
}

static PyObject *kr_strip_method(PyObject *self, const char *name, PyObject *const *args, Py_ssize_t nargs,
                                 int type)
{
    if (!kr_args_check_positional(name, nargs, 0, 1))
        return NULL;
    PyObject *chars = nargs > 0 ? args[0] : Py_None;
    if (chars != Py_None && !PyUnicode_Check(chars)) {
        PyErr_Format(PyExc_TypeError, "%s arg must be None or str", name);
        return NULL;
    }
    return _PyUnicode_XStrip(self, type, chars);
}

static PyObject *kr_m_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_strip_method(self, "strip", args, nargs, KR_BOTHSTRIP);
}

static PyObject *kr_m_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_strip_method(self, "lstrip", args, nargs, KR_LEFTSTRIP);
}

static PyObject *kr_m_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_strip_method(self, "rstrip", args, nargs, KR_RIGHTSTRIP);
}

static PyObject *kr_affix(PyObject *self, PyObject *affix, const char *name, int suffix)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), m;
    if (!PyUnicode_Check(affix)) {
        PyErr_Format(PyExc_TypeError, "%s() argument must be str, not %.100s", name, Py_TYPE(affix)->tp_name);
        return NULL;
    }
    m = PyUnicode_GET_LENGTH(affix);
    if (m > 0 && kr_tailmatch(self, affix, 0, PY_SSIZE_T_MAX, suffix ? 1 : -1))
        return suffix ? PyUnicode_Substring(self, 0, len - m) : PyUnicode_Substring(self, m, len);
    return kr_str_exact(self);
}

static PyObject *kr_m_removeprefix(PyObject *self, PyObject *p) { return kr_affix(self, p, "removeprefix", 0); }
static PyObject *kr_m_removesuffix(PyObject *self, PyObject *p) { return kr_affix(self, p, "removesuffix", 1); }

/* ------------------------------------------------------------------ */
/* padding */

static PyObject *kr_pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    PyObject *r;
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return kr_str_exact(self);
    if (left > PY_SSIZE_T_MAX - len || right > PY_SSIZE_T_MAX - (left + len)) {
        PyErr_SetString(PyExc_OverflowError, "padded string is too long");
        return NULL;
    }
    r = PyUnicode_New(left + len + right, Py_MAX(fill, PyUnicode_MAX_CHAR_VALUE(self)));
    if (r == NULL)
        return NULL;
    int kind = PyUnicode_KIND(r);
    void *data = PyUnicode_DATA(r);
    for (Py_ssize_t i = 0; i < left; i++)
        PyUnicode_WRITE(kind, data, i, fill);
    PyUnicode_CopyCharacters(r, left, self, 0, len);
    for (Py_ssize_t i = 0; i < right; i++)
        PyUnicode_WRITE(kind, data, left + len + i, fill);
    return r;
}

static int kr_pad_args(const char *name, PyObject *const *args, Py_ssize_t nargs, Py_ssize_t *width, Py_UCS4 *fill)
{
    if (!kr_args_check_positional(name, nargs, 1, 2))
        return -1;
    if (kr_arg_ssize(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        PyObject *f = args[1];
        if (!PyUnicode_Check(f)) {
            PyErr_Format(PyExc_TypeError, "The fill character must be a unicode character, not %.100s",
                         Py_TYPE(f)->tp_name);
            return -1;
        }
        if (PyUnicode_GET_LENGTH(f) != 1) {
            PyErr_SetString(PyExc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = PyUnicode_READ_CHAR(f, 0);
    }
    return 0;
}

static PyObject *kr_m_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width, len = PyUnicode_GET_LENGTH(self), marg, left;
    Py_UCS4 fill;
    if (kr_pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    if (len >= width)
        return kr_str_exact(self);
    marg = width - len;
    left = marg / 2 + (marg & width & 1);
    return kr_pad(self, left, marg - left, fill);
}

static PyObject *kr_m_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width, len = PyUnicode_GET_LENGTH(self);
    Py_UCS4 fill;
    if (kr_pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return kr_pad(self, 0, width - len, fill);
}

static PyObject *kr_m_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width, len = PyUnicode_GET_LENGTH(self);
    Py_UCS4 fill;
    if (kr_pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return kr_pad(self, width - len, 0, fill);
}

static PyObject *kr_m_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width, len = PyUnicode_GET_LENGTH(self), fill;
    PyObject *r;
    if (kr_arg_ssize(arg, &width) < 0)
        return NULL;
    if (len >= width)
        return kr_str_exact(self);
    fill = width - len;
    r = kr_pad(self, fill, 0, '0');
    if (r == NULL)
        return NULL;
    int kind = PyUnicode_KIND(r);
    void *data = PyUnicode_DATA(r);
    Py_UCS4 c = PyUnicode_READ(kind, data, fill);
    if (c == '+' || c == '-') {
        PyUnicode_WRITE(kind, data, 0, c);
        PyUnicode_WRITE(kind, data, fill, '0');
    }
    return r;
}

static PyObject *kr_m_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    static const kr_argspec spec = {"expandtabs", names, 0, 0, 1};
    PyObject *a[1];
    int tabsize = 8;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), i, j = 0, total = 0;
    int kind = PyUnicode_KIND(self), found = 0;
    const void *data = PyUnicode_DATA(self);
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[0] != NULL) {
        tabsize = _PyLong_AsInt(a[0]);
        if (tabsize == -1 && PyErr_Occurred())
            return NULL;
    }
    /* first pass: the length */
    for (i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\t') {
            found = 1;
            if (tabsize > 0) {
                Py_ssize_t inc = tabsize - (j % tabsize);
                if (j > PY_SSIZE_T_MAX - inc)
                    goto overflow;
                j += inc;
            }
        }
        else {
            if (j > PY_SSIZE_T_MAX - 1)
                goto overflow;
            j++;
            if (c == '\n' || c == '\r') {
                if (total > PY_SSIZE_T_MAX - j)
                    goto overflow;
                total += j;
                j = 0;
            }
        }
    }
    if (!found)
        return kr_str_exact(self);
    if (total > PY_SSIZE_T_MAX - j)
        goto overflow;
    total += j;
    PyObject *r = PyUnicode_New(total, PyUnicode_MAX_CHAR_VALUE(self));
    if (r == NULL)
        return NULL;
    int rk = PyUnicode_KIND(r);
    void *rd = PyUnicode_DATA(r);
    Py_ssize_t o = 0;
    j = 0;
    for (i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\t') {
            if (tabsize > 0) {
                Py_ssize_t inc = tabsize - (j % tabsize);
                j += inc;
                while (inc-- > 0)
                    PyUnicode_WRITE(rk, rd, o++, ' ');
            }
        }
        else {
            j++;
            PyUnicode_WRITE(rk, rd, o++, c);
            if (c == '\n' || c == '\r')
                j = 0;
        }
    }
    return r;
overflow:
    PyErr_SetString(PyExc_OverflowError, "new string is too long");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* replace */

static PyObject *kr_replace_impl(PyObject *self, PyObject *old, PyObject *new, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), m = PyUnicode_GET_LENGTH(old), rl = PyUnicode_GET_LENGTH(new);
    Py_ssize_t count, i, o;
    int kind = PyUnicode_KIND(self), owned = 0;
    void *p = NULL;
    PyObject *r = NULL;
    _PyUnicodeWriter w;

    if (maxcount < 0)
        maxcount = PY_SSIZE_T_MAX;
    if (maxcount == 0 || m > len)
        return kr_str_exact(self);
    if (m == 0) {
        count = Py_MIN(len + 1, maxcount);
    }
    else {
        if (PyUnicode_KIND(old) > kind)
            return kr_str_exact(self);
        p = kr_str_as_kind(old, kind, &owned);
        if (p == NULL)
            return NULL;
        count = kr_str_count_sub(kind, PyUnicode_DATA(self), len, p, m, maxcount);
    }
    if (count == 0) {
        r = kr_str_exact(self);
        goto done;
    }
    _PyUnicodeWriter_Init(&w);
    {
        Py_ssize_t newlen;
        if (rl - m > 0 && count > (PY_SSIZE_T_MAX - len) / (rl - m)) {
            PyErr_SetString(PyExc_OverflowError, "replace string is too long");
            goto done;
        }
        newlen = len + count * (rl - m);
        w.min_length = newlen;
        if (newlen == 0) {
            r = kr_str_empty();
            goto done;
        }
        if (_PyUnicodeWriter_Prepare(&w, newlen,
                                     Py_MAX(PyUnicode_MAX_CHAR_VALUE(self), PyUnicode_MAX_CHAR_VALUE(new))) < 0)
            goto fail_w;
    }
    i = 0;
    o = 0;
    if (m == 0) {
        for (Py_ssize_t k = 0; k < count; k++) {
            if (_PyUnicodeWriter_WriteStr(&w, new) < 0)
                goto fail_w;
            if (i < len) {
                if (_PyUnicodeWriter_WriteSubstring(&w, self, i, i + 1) < 0)
                    goto fail_w;
                i++;
            }
        }
        if (_PyUnicodeWriter_WriteSubstring(&w, self, i, len) < 0)
            goto fail_w;
    }
    else {
        for (Py_ssize_t k = 0; k < count; k++) {
            Py_ssize_t f = kr_str_find_sub(kind, KR_DATA(self) + i * kind, len - i, p, m);
            if (f < 0)
                break;
            if (_PyUnicodeWriter_WriteSubstring(&w, self, i, i + f) < 0 || _PyUnicodeWriter_WriteStr(&w, new) < 0)
                goto fail_w;
            i += f + m;
        }
        if (_PyUnicodeWriter_WriteSubstring(&w, self, i, len) < 0)
            goto fail_w;
    }
    (void)o;
    r = _PyUnicodeWriter_Finish(&w);
    goto done;
fail_w:
    _PyUnicodeWriter_Dealloc(&w);
done:
    if (owned)
        PyMem_Free(p);
    return r;
}

static PyObject *kr_m_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t count = -1;
    if (!kr_args_check_positional("replace", nargs, 2, 3))
        return NULL;
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "replace() argument 1 must be str, not %.50s", Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "replace() argument 2 must be str, not %.50s", Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    if (nargs > 2 && kr_arg_ssize(args[2], &count) < 0)
        return NULL;
    return kr_replace_impl(self, args[0], args[1], count);
}

PyObject *PyUnicode_Replace(PyObject *str, PyObject *substr, PyObject *replstr, Py_ssize_t maxcount)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr) || !PyUnicode_Check(replstr)) {
        PyErr_BadArgument();
        return NULL;
    }
    return kr_replace_impl(str, substr, replstr, maxcount);
}

/* ------------------------------------------------------------------ */
/* predicates */

#define KR_ALL_CHARS(NAME, EMPTY, TEST) \
    static PyObject *NAME(PyObject *self, PyObject *unused) \
    { \
        Py_ssize_t n = PyUnicode_GET_LENGTH(self); \
        int kind = PyUnicode_KIND(self); \
        const void *data = PyUnicode_DATA(self); \
        if (n == 0) \
            return PyBool_FromLong(EMPTY); \
        for (Py_ssize_t i = 0; i < n; i++) { \
            Py_UCS4 c = PyUnicode_READ(kind, data, i); \
            if (!(TEST)) \
                Py_RETURN_FALSE; \
        } \
        Py_RETURN_TRUE; \
    }

KR_ALL_CHARS(kr_m_isalpha, 0, _PyUnicode_IsAlpha(c))
KR_ALL_CHARS(kr_m_isdecimal, 0, _PyUnicode_IsDecimalDigit(c))
KR_ALL_CHARS(kr_m_isdigit, 0, _PyUnicode_IsDigit(c))
KR_ALL_CHARS(kr_m_isnumeric, 0, _PyUnicode_IsNumeric(c))
KR_ALL_CHARS(kr_m_isspace, 0, Py_UNICODE_ISSPACE(c))
KR_ALL_CHARS(kr_m_isprintable, 1, _PyUnicode_IsPrintable(c))
KR_ALL_CHARS(kr_m_isalnum, 0, Py_UNICODE_ISALNUM(c))

static PyObject *kr_m_isascii(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(PyUnicode_IS_ASCII(self));
}

static PyObject *kr_m_islower(PyObject *self, PyObject *unused)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self), cased = 0;
    const void *data = PyUnicode_DATA(self);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(c) || _PyUnicode_IsTitlecase(c))
            Py_RETURN_FALSE;
        if (!cased && _PyUnicode_IsLowercase(c))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *kr_m_isupper(PyObject *self, PyObject *unused)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self), cased = 0;
    const void *data = PyUnicode_DATA(self);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsLowercase(c) || _PyUnicode_IsTitlecase(c))
            Py_RETURN_FALSE;
        if (!cased && _PyUnicode_IsUppercase(c))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *kr_m_istitle(PyObject *self, PyObject *unused)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self), cased = 0, prev = 0;
    const void *data = PyUnicode_DATA(self);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(c) || _PyUnicode_IsTitlecase(c)) {
            if (prev)
                Py_RETURN_FALSE;
            prev = cased = 1;
        }
        else if (_PyUnicode_IsLowercase(c)) {
            if (!prev)
                Py_RETURN_FALSE;
            prev = cased = 1;
        }
        else
            prev = 0;
    }
    return PyBool_FromLong(cased);
}

int PyUnicode_IsIdentifier(PyObject *self)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (n == 0)
        return 0;
    Py_UCS4 c = PyUnicode_READ(kind, data, 0);
    if (!_PyUnicode_IsXidStart(c) && c != '_')
        return 0;
    for (Py_ssize_t i = 1; i < n; i++)
        if (!_PyUnicode_IsXidContinue(PyUnicode_READ(kind, data, i)))
            return 0;
    return 1;
}

static PyObject *kr_m_isidentifier(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(PyUnicode_IsIdentifier(self));
}

/* ------------------------------------------------------------------ */
/* case methods (unicode_case.c) */

static PyObject *kr_m_lower(PyObject *self, PyObject *unused) { return kr_str_lower(self); }
static PyObject *kr_m_upper(PyObject *self, PyObject *unused) { return kr_str_upper(self); }
static PyObject *kr_m_title(PyObject *self, PyObject *unused) { return kr_str_title(self); }
static PyObject *kr_m_capitalize(PyObject *self, PyObject *unused) { return kr_str_capitalize(self); }
static PyObject *kr_m_casefold(PyObject *self, PyObject *unused) { return kr_str_casefold(self); }
static PyObject *kr_m_swapcase(PyObject *self, PyObject *unused) { return kr_str_swapcase(self); }

/* ------------------------------------------------------------------ */
/* translate / maketrans */

/* Looks up character C in TABLE: 0 with *res set (a new reference, or
 * NULL when the character is left alone), -1 on error. */
static int kr_translate_lookup(PyObject *table, Py_UCS4 c, PyObject **res)
{
    PyObject *key = PyLong_FromLong((long)c), *v;
    if (key == NULL)
        return -1;
    v = PyObject_GetItem(table, key);
    Py_DECREF(key);
    if (v == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            *res = NULL;
            return 0;
        }
        return -1;
    }
    if (v == Py_None || PyUnicode_Check(v)) {
        *res = v;
        return 0;
    }
    if (PyLong_Check(v)) {
        int overflow;
        long x = PyLong_AsLongAndOverflow(v, &overflow);
        Py_DECREF(v);
        if (x == -1 && PyErr_Occurred())
            return -1;
        if (overflow || x < 0 || x > 0x10FFFF) {
            PyErr_SetString(PyExc_ValueError, "character mapping must be in range(0x110000)");
            return -1;
        }
        *res = kr_str_char((Py_UCS4)x);
        return *res == NULL ? -1 : 0;
    }
    Py_DECREF(v);
    PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static PyObject *kr_translate_impl(PyObject *self, PyObject *table)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self), i;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *cache[128];     /* ASCII results, looked up once per call */
    unsigned char cached[128];
    _PyUnicodeWriter w;
    memset(cached, 0, sizeof cached);
    _PyUnicodeWriter_Init(&w);
    w.min_length = n;
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        PyObject *v;
        if (c < 128 && cached[c])
            v = cache[c];
        else {
            if (kr_translate_lookup(table, c, &v) < 0)
                goto fail;
            if (c < 128) {
                cache[c] = v;
                cached[c] = 1;
            }
        }
        int r;
        if (v == NULL)
            r = _PyUnicodeWriter_WriteChar(&w, c);
        else if (v == Py_None)
            r = 0;
        else
            r = _PyUnicodeWriter_WriteStr(&w, v);
        if (c >= 128)
            Py_XDECREF(v);
        if (r < 0)
            goto fail;
    }
    for (i = 0; i < 128; i++)
        if (cached[i])
            Py_XDECREF(cache[i]);
    return _PyUnicodeWriter_Finish(&w);
fail:
    for (i = 0; i < 128; i++)
        if (cached[i])
            Py_XDECREF(cache[i]);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *kr_m_translate(PyObject *self, PyObject *table)
{
    return kr_translate_impl(self, table);
}

PyObject *PyUnicode_Translate(PyObject *str, PyObject *table, const char *errors)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    return kr_translate_impl(str, table);
}

static PyObject *kr_m_maketrans(PyObject *unused, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *x, *y = NULL, *z = NULL, *d, *key, *value;
    if (!kr_args_check_positional("maketrans", nargs, 1, 3))
        return NULL;
    x = args[0];
    if (nargs > 1) {
        y = args[1];
        if (!PyUnicode_Check(y)) {
            PyErr_Format(PyExc_TypeError, "maketrans() argument 2 must be str, not %.50s", Py_TYPE(y)->tp_name);
            return NULL;
        }
    }
    if (nargs > 2) {
        z = args[2];
        if (!PyUnicode_Check(z)) {
            PyErr_Format(PyExc_TypeError, "maketrans() argument 3 must be str, not %.50s", Py_TYPE(z)->tp_name);
            return NULL;
        }
    }
    d = PyDict_New();
    if (d == NULL)
        return NULL;
    if (y != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "first maketrans argument must be a string if there is a second argument");
            goto fail;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(x);
        if (n != PyUnicode_GET_LENGTH(y)) {
            PyErr_SetString(PyExc_ValueError, "the first two maketrans arguments must have equal length");
            goto fail;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            key = PyLong_FromLong((long)PyUnicode_READ_CHAR(x, i));
            value = PyLong_FromLong((long)PyUnicode_READ_CHAR(y, i));
            if (key == NULL || value == NULL || PyDict_SetItem(d, key, value) < 0) {
                Py_XDECREF(key);
                Py_XDECREF(value);
                goto fail;
            }
            Py_DECREF(key);
            Py_DECREF(value);
        }
        if (z != NULL) {
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(z); i++) {
                key = PyLong_FromLong((long)PyUnicode_READ_CHAR(z, i));
                if (key == NULL || PyDict_SetItem(d, key, Py_None) < 0) {
                    Py_XDECREF(key);
                    goto fail;
                }
                Py_DECREF(key);
            }
        }
        return d;
    }
    if (!PyDict_CheckExact(x)) {
        PyErr_SetString(PyExc_TypeError, "if you give only one argument to maketrans it must be a dict");
        goto fail;
    }
    Py_ssize_t pos = 0;
    while (PyDict_Next(x, &pos, &key, &value)) {
        if (PyUnicode_Check(key)) {
            if (PyUnicode_GET_LENGTH(key) != 1) {
                PyErr_SetString(PyExc_ValueError, "string keys in translate table must be of length 1");
                goto fail;
            }
            PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(key, 0));
            if (k == NULL || PyDict_SetItem(d, k, value) < 0) {
                Py_XDECREF(k);
                goto fail;
            }
            Py_DECREF(k);
        }
        else if (PyLong_Check(key)) {
            if (PyDict_SetItem(d, key, value) < 0)
                goto fail;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "keys in translate table must be strings or integers");
            goto fail;
        }
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* encode */

static PyObject *kr_m_encode(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    static const kr_argspec spec = {"encode", names, 0, 0, 2};
    PyObject *a[2];
    const char *encoding = NULL, *errors = NULL;
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (a[i] == NULL)
            continue;
        if (!PyUnicode_Check(a[i])) {
            PyErr_Format(PyExc_TypeError, "encode() argument '%s' must be str, not %.50s", names[i],
                         Py_TYPE(a[i])->tp_name);
            return NULL;
        }
        Py_ssize_t sz;
        const char *s = PyUnicode_AsUTF8AndSize(a[i], &sz);
        if (s == NULL)
            return NULL;
        if ((size_t)sz != strlen(s)) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
        if (i == 0)
            encoding = s;
        else
            errors = s;
    }
    return PyUnicode_AsEncodedString(self, encoding, errors);
}

/* ------------------------------------------------------------------ */
/* format family: thin wrappers over unicode_format.c / unicode_strformat.c */

static PyObject *kr_m_format(PyObject *self, PyObject *const *args, Py_ssize_t nargsf, PyObject *kwnames)
{
    return kr_str_format_method(self, args, PyVectorcall_NARGS(nargsf), kwnames);
}

static PyObject *kr_m_format_map(PyObject *self, PyObject *mapping)
{
    return kr_str_format_map(self, mapping);
}

static PyObject *kr_m_dunder_format(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s", Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return kr_str_dunder_format(self, spec);
}

/* ------------------------------------------------------------------ */

#define KR_FAST(f) _PyCFunction_CAST(f), METH_FASTCALL
#define KR_FASTKW(f) _PyCFunction_CAST(f), METH_FASTCALL | METH_KEYWORDS

PyMethodDef kr_str_methods[] = {
    {"encode", KR_FASTKW(kr_m_encode),
     "encode($self, /, encoding='utf-8', errors='strict')\n--\n\n"
     "Encode the string using the codec registered for encoding.\n\n"
     "  encoding\n    The encoding in which to encode the string.\n"
     "  errors\n    The error handling scheme to use for encoding errors.\n"
     "    The default is 'strict' meaning that encoding errors raise a\n"
     "    UnicodeEncodeError.  Other possible values are 'ignore', 'replace' and\n"
     "    'xmlcharrefreplace' as well as any other name registered with\n"
     "    codecs.register_error that can handle UnicodeEncodeErrors."},
    {"replace", KR_FAST(kr_m_replace),
     "replace($self, old, new, count=-1, /)\n--\n\n"
     "Return a copy with all occurrences of substring old replaced by new.\n\n"
     "  count\n    Maximum number of occurrences to replace.\n"
     "    -1 (the default value) means replace all occurrences.\n\n"
     "If the optional argument count is given, only the first count occurrences are\nreplaced."},
    {"split", KR_FASTKW(kr_m_split),
     "split($self, /, sep=None, maxsplit=-1)\n--\n\n"
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", KR_FASTKW(kr_m_rsplit),
     "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\n"
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", kr_m_join, METH_O, "join($self, iterable, /)\n--\n\n"
     "Concatenate any number of strings."},
    {"capitalize", kr_m_capitalize, METH_NOARGS, "capitalize($self, /)\n--\n\n"
     "Return a capitalized version of the string."},
    {"casefold", kr_m_casefold, METH_NOARGS, "casefold($self, /)\n--\n\n"
     "Return a version of the string suitable for caseless comparisons."},
    {"title", kr_m_title, METH_NOARGS, "title($self, /)\n--\n\n"
     "Return a version of the string where each word is titlecased."},
    {"center", KR_FAST(kr_m_center), "center($self, width, fillchar=' ', /)\n--\n\n"
     "Return a centered string of length width."},
    {"count", KR_FAST(kr_m_count),
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in\n"
     "string S[start:end].  Optional arguments start and end are\ninterpreted as in slice notation."},
    {"expandtabs", KR_FASTKW(kr_m_expandtabs), "expandtabs($self, /, tabsize=8)\n--\n\n"
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", KR_FAST(kr_m_find),
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\n"
     "such that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\n"
     "Return -1 on failure."},
    {"partition", kr_m_partition, METH_O, "partition($self, sep, /)\n--\n\n"
     "Partition the string into three parts using the given separator."},
    {"index", KR_FAST(kr_m_index),
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\n"
     "such that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\n"
     "Raises ValueError when the substring is not found."},
    {"ljust", KR_FAST(kr_m_ljust), "ljust($self, width, fillchar=' ', /)\n--\n\n"
     "Return a left-justified string of length width."},
    {"lower", kr_m_lower, METH_NOARGS, "lower($self, /)\n--\n\n"
     "Return a copy of the string converted to lowercase."},
    {"lstrip", KR_FAST(kr_m_lstrip), "lstrip($self, chars=None, /)\n--\n\n"
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", KR_FAST(kr_m_rfind),
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\n"
     "such that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\n"
     "Return -1 on failure."},
    {"rindex", KR_FAST(kr_m_rindex),
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\n"
     "such that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\n"
     "Raises ValueError when the substring is not found."},
    {"rjust", KR_FAST(kr_m_rjust), "rjust($self, width, fillchar=' ', /)\n--\n\n"
     "Return a right-justified string of length width."},
    {"rstrip", KR_FAST(kr_m_rstrip), "rstrip($self, chars=None, /)\n--\n\n"
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", kr_m_rpartition, METH_O, "rpartition($self, sep, /)\n--\n\n"
     "Partition the string into three parts using the given separator."},
    {"splitlines", KR_FASTKW(kr_m_splitlines), "splitlines($self, /, keepends=False)\n--\n\n"
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", KR_FAST(kr_m_strip), "strip($self, chars=None, /)\n--\n\n"
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", kr_m_swapcase, METH_NOARGS, "swapcase($self, /)\n--\n\n"
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", kr_m_translate, METH_O, "translate($self, table, /)\n--\n\n"
     "Replace each character in the string using the given translation table."},
    {"upper", kr_m_upper, METH_NOARGS, "upper($self, /)\n--\n\n"
     "Return a copy of the string converted to uppercase."},
    {"startswith", KR_FAST(kr_m_startswith),
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified prefix, False otherwise.\n"
     "With optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\n"
     "prefix can also be a tuple of strings to try."},
    {"endswith", KR_FAST(kr_m_endswith),
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified suffix, False otherwise.\n"
     "With optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\n"
     "suffix can also be a tuple of strings to try."},
    {"removeprefix", kr_m_removeprefix, METH_O, "removeprefix($self, prefix, /)\n--\n\n"
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", kr_m_removesuffix, METH_O, "removesuffix($self, suffix, /)\n--\n\n"
     "Return a str with the given suffix string removed if present."},
    {"isascii", kr_m_isascii, METH_NOARGS, "isascii($self, /)\n--\n\n"
     "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", kr_m_islower, METH_NOARGS, "islower($self, /)\n--\n\n"
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", kr_m_isupper, METH_NOARGS, "isupper($self, /)\n--\n\n"
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", kr_m_istitle, METH_NOARGS, "istitle($self, /)\n--\n\n"
     "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", kr_m_isspace, METH_NOARGS, "isspace($self, /)\n--\n\n"
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", kr_m_isdecimal, METH_NOARGS, "isdecimal($self, /)\n--\n\n"
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", kr_m_isdigit, METH_NOARGS, "isdigit($self, /)\n--\n\n"
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", kr_m_isnumeric, METH_NOARGS, "isnumeric($self, /)\n--\n\n"
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", kr_m_isalpha, METH_NOARGS, "isalpha($self, /)\n--\n\n"
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", kr_m_isalnum, METH_NOARGS, "isalnum($self, /)\n--\n\n"
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", kr_m_isidentifier, METH_NOARGS, "isidentifier($self, /)\n--\n\n"
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", kr_m_isprintable, METH_NOARGS, "isprintable($self, /)\n--\n\n"
     "Return True if the string is printable, False otherwise."},
    {"zfill", kr_m_zfill, METH_O, "zfill($self, width, /)\n--\n\n"
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", KR_FASTKW(kr_m_format),
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions from args and kwargs.\n"
     "The substitutions are identified by braces ('{' and '}')."},
    {"format_map", kr_m_format_map, METH_O,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from mapping.\n"
     "The substitutions are identified by braces ('{' and '}')."},
    {"__format__", kr_m_dunder_format, METH_O, "__format__($self, format_spec, /)\n--\n\n"
     "Return a formatted version of the string as described by format_spec."},
    {"maketrans", KR_FAST(kr_m_maketrans) | METH_STATIC, "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\n"
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", kr_str_sizeof, METH_NOARGS, "__sizeof__($self, /)\n--\n\n"
     "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", kr_str_getnewargs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* For int() and float() parsing: Unicode spaces become ' ', decimal
 * digits of any script become ASCII digits, other non-ASCII characters
 * become '?', which no parser accepts.  New reference. */
PyObject *_PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyUnicode_IS_ASCII(unicode))
        return Py_NewRef(unicode);
    Py_ssize_t n = PyUnicode_GET_LENGTH(unicode);
    PyObject *r = PyUnicode_New(n, 127);
    if (r == NULL)
        return NULL;
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(r);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(unicode, i);
        if (c < 127)
            out[i] = (Py_UCS1)c;
        else if (Py_UNICODE_ISSPACE(c))
            out[i] = ' ';
        else {
            int d = _PyUnicode_ToDecimalDigit(c);
            out[i] = d < 0 ? '?' : (Py_UCS1)('0' + d);
        }
    }
    return r;
}
