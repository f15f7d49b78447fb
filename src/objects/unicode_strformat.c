/* unicode_strformat.c: str.format and str.format_map — the replacement
 * field grammar
 *
 *   "{" [arg_name ("." attr | "[" index "]")*] ["!" conv] [":" spec] "}"
 *
 * with automatic/manual numbering, nested fields inside the spec (two
 * levels, as CPython), and CPython's error messages.  The output goes
 * into one _PyUnicodeWriter; each value is rendered with
 * PyObject_Format, or directly for an exact str.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

enum { KR_AUTO_UNKNOWN, KR_AUTO_AUTO, KR_AUTO_MANUAL };

typedef struct {
    PyObject *const *args;      /* positional arguments */
    Py_ssize_t nargs;
    PyObject *kwargs;           /* mapping, or NULL */
    PyObject *const *kwvalues;  /* vectorcall keywords (kwnames) */
    PyObject *kwnames;
    int is_format_map;
    int auto_state;
    Py_ssize_t auto_index;
} kr_fmt_ctx;

static int kr_fmt_render(kr_fmt_ctx *c, _PyUnicodeWriter *w, PyObject *str, Py_ssize_t start, Py_ssize_t end,
                         int depth);

static Py_UCS4 kr_rd(PyObject *s, Py_ssize_t i)
{
    return PyUnicode_READ_CHAR(s, i);
}

/* Parses s[start:end] as a non-negative decimal; -1 if it is not one. */
static Py_ssize_t kr_fmt_number(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t v = 0;
    if (start >= end)
        return -1;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = kr_rd(s, i);
        int d = _PyUnicode_ToDecimalDigit(ch);
        if (d < 0)
            return -1;
        if (v > (PY_SSIZE_T_MAX - d) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + d;
    }
    return v;
}

static PyObject *kr_fmt_keyword(kr_fmt_ctx *c, PyObject *key)
{
    if (c->kwnames != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(c->kwnames); i++) {
            PyObject *k = PyTuple_GET_ITEM(c->kwnames, i);
            if (k == key || _PyUnicode_Equal(k, key))
                return Py_NewRef(c->kwvalues[i]);
        }
    }
    else if (c->kwargs != NULL) {
        if (PyDict_CheckExact(c->kwargs)) {
            PyObject *v = PyDict_GetItemWithError(c->kwargs, key);
            if (v != NULL)
                return Py_NewRef(v);
            if (PyErr_Occurred())
                return NULL;
        }
        else
            return PyObject_GetItem(c->kwargs, key);
    }
    PyErr_SetObject(PyExc_KeyError, key);
    return NULL;
}

/* Resolves the field name s[start:end] to a new reference. */
static PyObject *kr_fmt_get_field(kr_fmt_ctx *c, PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t i = start, first_end;
    PyObject *obj;
    while (i < end) {
        Py_UCS4 ch = kr_rd(s, i);
        if (ch == '.' || ch == '[')
            break;
        i++;
    }
    first_end = i;
    Py_ssize_t index = kr_fmt_number(s, start, first_end);
    if (index == -2)
        return NULL;
    if (first_end == start) {
        if (c->auto_state == KR_AUTO_MANUAL) {
            PyErr_SetString(PyExc_ValueError,
                            "cannot switch from manual field specification to automatic field numbering");
            return NULL;
        }
        c->auto_state = KR_AUTO_AUTO;
        index = c->auto_index++;
    }
    else if (index >= 0) {
        if (c->auto_state == KR_AUTO_AUTO) {
            PyErr_SetString(PyExc_ValueError,
                            "cannot switch from automatic field numbering to manual field specification");
            return NULL;
        }
        c->auto_state = KR_AUTO_MANUAL;
    }
    if (index >= 0) {
        if (c->is_format_map) {
            PyErr_SetString(PyExc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (index >= c->nargs) {
            PyErr_Format(PyExc_IndexError, "Replacement index %zd out of range for positional args tuple", index);
            return NULL;
        }
        obj = Py_NewRef(c->args[index]);
    }
    else {
        PyObject *key = PyUnicode_Substring(s, start, first_end);
        if (key == NULL)
            return NULL;
        obj = kr_fmt_keyword(c, key);
        Py_DECREF(key);
        if (obj == NULL)
            return NULL;
    }
    /* the accessors */
    i = first_end;
    while (i < end) {
        Py_UCS4 ch = kr_rd(s, i++);
        Py_ssize_t a = i;
        PyObject *next;
        if (ch == '.') {
            while (i < end && kr_rd(s, i) != '.' && kr_rd(s, i) != '[')
                i++;
            if (i == a) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            PyObject *name = PyUnicode_Substring(s, a, i);
            if (name == NULL)
                goto fail;
            next = PyObject_GetAttr(obj, name);
            Py_DECREF(name);
        }
        else if (ch == '[') {
            while (i < end && kr_rd(s, i) != ']')
                i++;
            if (i >= end) {
                PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            if (i == a) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            Py_ssize_t idx = kr_fmt_number(s, a, i);
            PyObject *key;
            if (idx == -2)
                goto fail;
            key = idx >= 0 ? PyLong_FromSsize_t(idx) : PyUnicode_Substring(s, a, i);
            i++;   /* past ']' */
            if (key == NULL)
                goto fail;
            next = PyObject_GetItem(obj, key);
            Py_DECREF(key);
            if (i < end && kr_rd(s, i) != '.' && kr_rd(s, i) != '[') {
                Py_XDECREF(next);
                PyErr_SetString(PyExc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
                goto fail;
            }
        }
        else {
            PyErr_SetString(PyExc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
        Py_DECREF(obj);
        if (next == NULL)
            return NULL;
        obj = next;
    }
    return obj;
fail:
    Py_DECREF(obj);
    return NULL;
}

/* One replacement field; i is just past the '{'.  Returns the position
 * after the closing '}', or -1. */
static Py_ssize_t kr_fmt_field(kr_fmt_ctx *c, _PyUnicodeWriter *w, PyObject *s, Py_ssize_t i, Py_ssize_t end,
                               int depth)
{
    Py_ssize_t name_start = i, name_end, spec_start = -1, spec_end = -1;
    Py_UCS4 ch = 0, conversion = 0;
    int spec_nested = 0;
    while (i < end) {
        ch = kr_rd(s, i++);
        if (ch == '{') {
            PyErr_SetString(PyExc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (ch == '[') {
            while (i < end && kr_rd(s, i) != ']')
                i++;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!')
            break;
    }
    name_end = (ch == '}' || ch == ':' || ch == '!') ? i - 1 : i;
    if (ch == '!' || ch == ':') {
        if (ch == '!') {
            if (i >= end) {
                PyErr_SetString(PyExc_ValueError, "end of string while looking for conversion specifier");
                return -1;
            }
            conversion = kr_rd(s, i++);
            if (i < end) {
                Py_UCS4 n = kr_rd(s, i++);
                if (n == '}') {
                    spec_start = spec_end = i - 1;
                    goto have_field;
                }
                if (n != ':') {
                    PyErr_SetString(PyExc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        spec_start = i;
        int count = 1;
        while (i < end) {
            Py_UCS4 n = kr_rd(s, i++);
            if (n == '{') {
                spec_nested = 1;
                count++;
            }
            else if (n == '}') {
                if (--count == 0) {
                    spec_end = i - 1;
                    goto have_field;
                }
            }
        }
        PyErr_SetString(PyExc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    else if (ch != '}') {
        PyErr_SetString(PyExc_ValueError, "expected '}' before end of string");
        return -1;
    }
have_field:;
    PyObject *obj = kr_fmt_get_field(c, s, name_start, name_end);
    if (obj == NULL)
        return -1;
    if (conversion) {
        PyObject *conv;
        switch (conversion) {
        case 'r': conv = PyObject_Repr(obj); break;
        case 's': conv = PyObject_Str(obj); break;
        case 'a': conv = PyObject_ASCII(obj); break;
        default:
            if (conversion > 32 && conversion < 127)
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c", (int)conversion);
            else
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conversion);
            conv = NULL;
        }
        Py_DECREF(obj);
        if (conv == NULL)
            return -1;
        obj = conv;
    }
    PyObject *spec;
    if (spec_start < 0 || spec_start >= spec_end)
        spec = kr_str_empty();
    else if (spec_nested) {
        _PyUnicodeWriter sw;
        _PyUnicodeWriter_Init(&sw);
        if (kr_fmt_render(c, &sw, s, spec_start, spec_end, depth - 1) < 0) {
            _PyUnicodeWriter_Dealloc(&sw);
            Py_DECREF(obj);
            return -1;
        }
        spec = _PyUnicodeWriter_Finish(&sw);
    }
    else
        spec = PyUnicode_Substring(s, spec_start, spec_end);
    if (spec == NULL) {
        Py_DECREF(obj);
        return -1;
    }
    int r;
    if (PyUnicode_CheckExact(obj) && PyUnicode_GET_LENGTH(spec) == 0)
        r = _PyUnicodeWriter_WriteStr(w, obj);
    else {
        PyObject *out = PyObject_Format(obj, spec);
        r = out == NULL ? -1 : _PyUnicodeWriter_WriteStr(w, out);
        Py_XDECREF(out);
    }
    Py_DECREF(spec);
    Py_DECREF(obj);
    return r < 0 ? -1 : i;
}

static int kr_fmt_render(kr_fmt_ctx *c, _PyUnicodeWriter *w, PyObject *s, Py_ssize_t start, Py_ssize_t end,
                         int depth)
{
    Py_ssize_t i = start;
    if (depth <= 0) {
        PyErr_SetString(PyExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    while (i < end) {
        Py_ssize_t lit = i;
        Py_UCS4 ch = 0;
        while (i < end) {
            ch = kr_rd(s, i);
            if (ch == '{' || ch == '}')
                break;
            i++;
        }
        if (i > lit && _PyUnicodeWriter_WriteSubstring(w, s, lit, i) < 0)
            return -1;
        if (i >= end)
            break;
        i++;
        if (ch == '}') {
            if (i < end && kr_rd(s, i) == '}') {
                if (_PyUnicodeWriter_WriteChar(w, '}') < 0)
                    return -1;
                i++;
                continue;
            }
            PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (i >= end) {
            PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (kr_rd(s, i) == '{') {
            if (_PyUnicodeWriter_WriteChar(w, '{') < 0)
                return -1;
            i++;
            continue;
        }
        i = kr_fmt_field(c, w, s, i, end, depth);
        if (i < 0)
            return -1;
    }
    return 0;
}

static PyObject *kr_fmt_run(PyObject *self, kr_fmt_ctx *c)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = PyUnicode_GET_LENGTH(self) + 100;
    w.overallocate = 1;
    if (kr_fmt_render(c, &w, self, 0, PyUnicode_GET_LENGTH(self), 2) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

PyObject *kr_str_format_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    kr_fmt_ctx c;
    memset(&c, 0, sizeof c);
    c.args = args;
    c.nargs = nargs;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        c.kwnames = kwnames;
        c.kwvalues = args + nargs;
    }
    return kr_fmt_run(self, &c);
}

PyObject *kr_str_format_map(PyObject *self, PyObject *mapping)
{
    kr_fmt_ctx c;
    memset(&c, 0, sizeof c);
    c.kwargs = mapping;
    c.is_format_map = 1;
    return kr_fmt_run(self, &c);
}
