/* unicode_strformat.c: str.format and str.format_map — the replacement
 * field grammar
 *
 *   "{" [arg_name ("." attr | "[" index "]")*] ["!" conv] [":" spec] "}"
 *
 * with automatic/manual numbering, nested fields inside the spec (two
 * levels, as CPython), and CPython's error messages.  The output goes
 * into one _PyUnicodeWriter; each value is rendered with
 * PyObject_Format, or directly for an exact str.  The scanning half
 * (strformat.h) is shared with the _string module.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"
#include "objects/strformat.h"

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

Py_ssize_t kr_fmt_number(PyObject *s, Py_ssize_t start, Py_ssize_t end)
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

Py_ssize_t kr_fmt_name_first_end(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 ch = kr_rd(s, i);
        if (ch == '.' || ch == '[')
            break;
        i++;
    }
    return i;
}

int kr_fmt_next_accessor(PyObject *s, Py_ssize_t *pos, Py_ssize_t end, int *is_attr,
                         Py_ssize_t *key_start, Py_ssize_t *key_end)
{
    Py_ssize_t i = *pos;
    if (i >= end)
        return 0;
    Py_UCS4 ch = kr_rd(s, i++);
    Py_ssize_t a = i;
    if (ch == '.') {
        while (i < end && kr_rd(s, i) != '.' && kr_rd(s, i) != '[')
            i++;
        *is_attr = 1;
        *key_start = a;
        *key_end = i;
    }
    else if (ch == '[') {
        while (i < end && kr_rd(s, i) != ']')
            i++;
        if (i >= end) {
            PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
            return -1;
        }
        *is_attr = 0;
        *key_start = a;
        *key_end = i;
        i++;   /* past ']' */
    }
    else {
        /* what follows "[key]" is checked when the next accessor is read,
         * after the item was looked up, as CPython does */
        PyErr_SetString(PyExc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        return -1;
    }
    if (*key_start == *key_end) {
        PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
        return -1;
    }
    *pos = i;
    return 1;
}

/* Resolves the field name s[start:end] to a new reference. */
static PyObject *kr_fmt_get_field(kr_fmt_ctx *c, PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t first_end = kr_fmt_name_first_end(s, start, end);
    PyObject *obj;
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
    Py_ssize_t pos = first_end, a, b;
    int is_attr, r;
    while ((r = kr_fmt_next_accessor(s, &pos, end, &is_attr, &a, &b)) > 0) {
        PyObject *next;
        if (is_attr) {
            PyObject *name = PyUnicode_Substring(s, a, b);
            if (name == NULL)
                goto fail;
            next = PyObject_GetAttr(obj, name);
            Py_DECREF(name);
        }
        else {
            Py_ssize_t idx = kr_fmt_number(s, a, b);
            if (idx == -2)
                goto fail;
            PyObject *key = idx >= 0 ? PyLong_FromSsize_t(idx) : PyUnicode_Substring(s, a, b);
            if (key == NULL)
                goto fail;
            next = PyObject_GetItem(obj, key);
            Py_DECREF(key);
        }
        Py_DECREF(obj);
        if (next == NULL)
            return NULL;
        obj = next;
    }
    if (r < 0)
        goto fail;
    return obj;
fail:
    Py_DECREF(obj);
    return NULL;
}

/* Parses one replacement field; i is just past its '{'.  Returns the
 * position after the closing '}', or -1. */
static Py_ssize_t kr_fmt_parse_field(PyObject *s, Py_ssize_t i, Py_ssize_t end, kr_fmt_field *f)
{
    Py_UCS4 ch = 0;
    f->name_start = i;
    f->spec_start = f->spec_end = -1;
    f->conversion = 0;
    f->spec_nested = 0;
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
    f->name_end = (ch == '}' || ch == ':' || ch == '!') ? i - 1 : i;
    if (ch == '!' || ch == ':') {
        if (ch == '!') {
            if (i >= end) {
                PyErr_SetString(PyExc_ValueError, "end of string while looking for conversion specifier");
                return -1;
            }
            f->conversion = kr_rd(s, i++);
            if (i < end) {
                Py_UCS4 n = kr_rd(s, i++);
                if (n == '}')
                    return i;
                if (n != ':') {
                    PyErr_SetString(PyExc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        f->spec_start = i;
        int count = 1;
        while (i < end) {
            Py_UCS4 n = kr_rd(s, i++);
            if (n == '{') {
                f->spec_nested = 1;
                count++;
            }
            else if (n == '}') {
                if (--count == 0) {
                    f->spec_end = i - 1;
                    return i;
                }
            }
        }
        PyErr_SetString(PyExc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    if (ch != '}') {
        PyErr_SetString(PyExc_ValueError, "expected '}' before end of string");
        return -1;
    }
    return i;
}

Py_ssize_t kr_fmt_next_markup(PyObject *s, Py_ssize_t i, Py_ssize_t end,
                              Py_ssize_t *lit_start, Py_ssize_t *lit_end,
                              int *has_field, kr_fmt_field *f)
{
    Py_UCS4 ch = 0;
    *lit_start = i;
    *has_field = 0;
    while (i < end) {
        ch = kr_rd(s, i);
        if (ch == '{' || ch == '}')
            break;
        i++;
    }
    *lit_end = i;
    if (i >= end)
        return i;
    i++;   /* past the brace */
    if (i < end && kr_rd(s, i) == ch) {
        /* a doubled brace: one brace of literal text */
        *lit_end = i;
        return i + 1;
    }
    if (ch == '}') {
        PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
        return -1;
    }
    if (i >= end) {
        PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
        return -1;
    }
    *has_field = 1;
    return kr_fmt_parse_field(s, i, end, f);
}

/* Renders one parsed replacement field. */
static int kr_fmt_render_field(kr_fmt_ctx *c, _PyUnicodeWriter *w, PyObject *s, const kr_fmt_field *f,
                        int depth)
{
    PyObject *obj = kr_fmt_get_field(c, s, f->name_start, f->name_end);
    if (obj == NULL)
        return -1;
    if (f->conversion) {
        PyObject *conv;
        switch (f->conversion) {
        case 'r': conv = PyObject_Repr(obj); break;
        case 's': conv = PyObject_Str(obj); break;
        case 'a': conv = PyObject_ASCII(obj); break;
        default:
            if (f->conversion > 32 && f->conversion < 127)
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c", (int)f->conversion);
            else
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)f->conversion);
            conv = NULL;
        }
        Py_DECREF(obj);
        if (conv == NULL)
            return -1;
        obj = conv;
    }
    PyObject *spec;
    if (f->spec_start < 0 || f->spec_start >= f->spec_end)
        spec = kr_str_empty();
    else if (f->spec_nested) {
        _PyUnicodeWriter sw;
        _PyUnicodeWriter_Init(&sw);
        if (kr_fmt_render(c, &sw, s, f->spec_start, f->spec_end, depth - 1) < 0) {
            _PyUnicodeWriter_Dealloc(&sw);
            Py_DECREF(obj);
            return -1;
        }
        spec = _PyUnicodeWriter_Finish(&sw);
    }
    else
        spec = PyUnicode_Substring(s, f->spec_start, f->spec_end);
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
    return r;
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
        Py_ssize_t lit_start, lit_end;
        int has_field;
        kr_fmt_field f;
        i = kr_fmt_next_markup(s, i, end, &lit_start, &lit_end, &has_field, &f);
        if (i < 0)
            return -1;
        if (lit_end > lit_start && _PyUnicodeWriter_WriteSubstring(w, s, lit_start, lit_end) < 0)
            return -1;
        if (has_field && kr_fmt_render_field(c, w, s, &f, depth) < 0)
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
