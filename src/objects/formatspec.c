/* formatspec.c: parsing format specifications and laying out formatted
 * numbers and strings (see formatspec.h for the grammar and the API).
 *
 * Krait formats numbers in the C locale, so the 'n' type groups nothing
 * and uses '.' as the decimal point, as CPython does under that locale. */
#include "internal.h"
#include "objects/formatspec.h"

static int kr_fs_is_align(Py_UCS4 c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Read a run of decimal digits; -1 with ValueError on overflow. */
static int kr_fs_number(PyObject *spec, Py_ssize_t *pos, Py_ssize_t end, Py_ssize_t *out, int *found)
{
    Py_ssize_t v = 0;
    *found = 0;
    while (*pos < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(spec, *pos);
        if (c < '0' || c > '9')
            break;
        if (v > (PY_SSIZE_T_MAX - (Py_ssize_t)(c - '0')) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (Py_ssize_t)(c - '0');
        (*pos)++;
        *found = 1;
    }
    *out = v;
    return 0;
}

static void kr_fs_separator_error(Py_UCS4 sep, Py_UCS4 type)
{
    if (type > 32 && type < 128)
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%c'.", (int)sep, (int)type);
    else
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '\\x%x'.", (int)sep, (unsigned)type);
}

int kr_formatspec_parse(PyObject *obj, PyObject *spec, Py_ssize_t start, Py_ssize_t end,
                        kr_format_spec *f, Py_UCS4 default_type, Py_UCS4 default_align)
{
    f->fill_char = ' ';
    f->align = default_align;
    f->alternate = 0;
    f->no_neg_0 = 0;
    f->sign = 0;
    f->width = -1;
    f->thousands_separator = 0;
    f->precision = -1;
    f->type = default_type;

    Py_ssize_t pos = start;
    int fill_given = 0, align_given = 0, found;
#define KR_AT(i) PyUnicode_READ_CHAR(spec, (i))
    if (end - pos >= 2 && kr_fs_is_align(KR_AT(pos + 1))) {
        f->fill_char = KR_AT(pos);
        f->align = KR_AT(pos + 1);
        fill_given = align_given = 1;
        pos += 2;
    }
    else if (end - pos >= 1 && kr_fs_is_align(KR_AT(pos))) {
        f->align = KR_AT(pos);
        align_given = 1;
        pos++;
    }
    if (end - pos >= 1) {
        Py_UCS4 c = KR_AT(pos);
        if (c == '+' || c == '-' || c == ' ') {
            f->sign = c;
            pos++;
        }
    }
    if (end - pos >= 1 && KR_AT(pos) == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (end - pos >= 1 && KR_AT(pos) == '#') {
        f->alternate = 1;
        pos++;
    }
    /* a leading 0 means zero padding, unless a fill was given */
    if (!fill_given && end - pos >= 1 && KR_AT(pos) == '0') {
        f->fill_char = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    if (kr_fs_number(spec, &pos, end, &f->width, &found) < 0)
        return -1;
    if (!found)
        f->width = -1;
    if (end - pos >= 1 && (KR_AT(pos) == ',' || KR_AT(pos) == '_')) {
        f->thousands_separator = KR_AT(pos);
        pos++;
        if (end - pos >= 1 && (KR_AT(pos) == ',' || KR_AT(pos) == '_')) {
            if (KR_AT(pos) == f->thousands_separator)
                kr_fs_separator_error(f->thousands_separator, f->thousands_separator);
            else
                PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (end - pos >= 1 && KR_AT(pos) == '.') {
        pos++;
        if (kr_fs_number(spec, &pos, end, &f->precision, &found) < 0)
            return -1;
        if (!found) {
            PyErr_SetString(PyExc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        PyObject *actual = PyUnicode_Substring(spec, start, end);
        if (actual != NULL) {
            PyErr_Format(PyExc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                         actual, Py_TYPE(obj)->tp_name);
            Py_DECREF(actual);
        }
        return -1;
    }
    if (end - pos == 1)
        f->type = KR_AT(pos);
#undef KR_AT
    if (f->thousands_separator) {
        Py_UCS4 t = f->type;
        int ok;
        switch (t) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
            ok = 1;
            break;
        case 'b': case 'o': case 'x': case 'X':
            ok = f->thousands_separator == '_';
            break;
        default:
            ok = 0;
        }
        if (!ok) {
            kr_fs_separator_error(f->thousands_separator, t);
            return -1;
        }
    }
    return 0;
}

PyObject *kr_formatspec_unknown_code(Py_UCS4 type, PyObject *obj)
{
    if (type > 32 && type < 128)
        PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                     (int)type, Py_TYPE(obj)->tp_name);
    else
        PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                     (unsigned)type, Py_TYPE(obj)->tp_name);
    return NULL;
}

/* ---- building the result ---- */

/* A result under construction: UCS4 code points, turned into a str at the
 * end (the str constructor picks the narrowest representation). */
typedef struct {
    Py_UCS4 *buf;
    Py_ssize_t len, cap;
    Py_UCS4 small[128];
} kr_fs_out;

static int kr_fs_init(kr_fs_out *o, Py_ssize_t cap)
{
    o->len = 0;
    if (cap <= (Py_ssize_t)(sizeof(o->small) / sizeof(o->small[0]))) {
        o->buf = o->small;
        o->cap = (Py_ssize_t)(sizeof(o->small) / sizeof(o->small[0]));
        return 0;
    }
    if ((size_t)cap > PY_SSIZE_T_MAX / sizeof(Py_UCS4)) {
        PyErr_NoMemory();
        return -1;
    }
    o->buf = PyMem_Malloc((size_t)cap * sizeof(Py_UCS4));
    o->cap = cap;
    if (o->buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void kr_fs_free(kr_fs_out *o)
{
    if (o->buf != o->small)
        PyMem_Free(o->buf);
}

static void kr_fs_put(kr_fs_out *o, Py_UCS4 c, Py_ssize_t n)
{
    while (n-- > 0)
        o->buf[o->len++] = c;
}

static void kr_fs_puts(kr_fs_out *o, const char *s, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        o->buf[o->len++] = (unsigned char)s[i];
}

static PyObject *kr_fs_finish(kr_fs_out *o, Py_UCS4 maxchar)
{
    PyObject *r;
    if (maxchar < 128) {
        /* narrow in place: every code point is ASCII */
        char *c = (char *)o->buf;
        for (Py_ssize_t i = 0; i < o->len; i++)
            c[i] = (char)o->buf[i];
        r = PyUnicode_FromStringAndSize(c, o->len);
    }
    else
        r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, o->buf, o->len);
    kr_fs_free(o);
    return r;
}

/* Number of characters ndigits digits take once grouped. */
static Py_ssize_t kr_fs_grouped_len(Py_ssize_t ndigits, int group, int has_sep)
{
    if (!has_sep || ndigits == 0)
        return ndigits;
    return ndigits + (ndigits - 1) / group;
}

PyObject *kr_formatspec_layout_number(const kr_format_spec *spec, int negative,
                                      const char *prefix, const char *digits, Py_ssize_t ndigits,
                                      const char *rest, Py_ssize_t nrest)
{
    char signch = 0;
    if (negative)
        signch = '-';
    else if (spec->sign == '+')
        signch = '+';
    else if (spec->sign == ' ')
        signch = ' ';
    Py_ssize_t nprefix = prefix ? (Py_ssize_t)strlen(prefix) : 0;
    Py_ssize_t nsign = signch ? 1 : 0;
    Py_UCS4 sep = spec->thousands_separator;
    int group = (spec->type == 'b' || spec->type == 'o' || spec->type == 'x' || spec->type == 'X') ? 4 : 3;
    Py_ssize_t width = spec->width < 0 ? 0 : spec->width;

    /* With '0' fill and '=' alignment the padding zeros are digits too,
     * and get grouped like them. */
    Py_ssize_t total_digits = ndigits;
    if (sep && spec->fill_char == '0' && spec->align == '=') {
        Py_ssize_t min_width = width - nsign - nprefix - nrest;
        while (kr_fs_grouped_len(total_digits, group, 1) < min_width)
            total_digits++;
    }
    Py_ssize_t ngrouped = kr_fs_grouped_len(total_digits, group, sep != 0);
    Py_ssize_t content = nsign + nprefix + ngrouped + nrest;
    Py_ssize_t pad = width > content ? width - content : 0;

    kr_fs_out o;
    if (kr_fs_init(&o, content + pad) < 0)
        return NULL;
    Py_ssize_t left = 0, right = 0, inner = 0;
    switch (spec->align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': inner = pad; break;
    default: left = pad; break;
    }
    kr_fs_put(&o, spec->fill_char, left);
    if (signch)
        kr_fs_put(&o, (Py_UCS4)signch, 1);
    kr_fs_puts(&o, prefix, nprefix);
    kr_fs_put(&o, spec->fill_char, inner);
    for (Py_ssize_t i = 0; i < total_digits; i++) {
        Py_ssize_t from_right = total_digits - i;   /* digits still to write, this one included */
        Py_ssize_t k = i - (total_digits - ndigits);
        kr_fs_put(&o, k < 0 ? '0' : (unsigned char)digits[k], 1);
        if (sep && from_right > 1 && (from_right - 1) % group == 0)
            kr_fs_put(&o, sep, 1);
    }
    kr_fs_puts(&o, rest, nrest);
    kr_fs_put(&o, spec->fill_char, right);
    Py_UCS4 maxchar = spec->fill_char > sep ? spec->fill_char : sep;
    return kr_fs_finish(&o, maxchar);
}

PyObject *kr_formatspec_pad_str(PyObject *s, const kr_format_spec *spec)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    Py_ssize_t width = spec->width;
    if (width <= len)
        return Py_NewRef(s);
    Py_ssize_t pad = width - len, left = 0, right = 0;
    switch (spec->align) {
    case '>': left = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    default: right = pad; break;
    }
    kr_fs_out o;
    if (kr_fs_init(&o, width) < 0)
        return NULL;
    Py_UCS4 maxchar = spec->fill_char;
    kr_fs_put(&o, spec->fill_char, left);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c > maxchar)
            maxchar = c;
        o.buf[o.len++] = c;
    }
    kr_fs_put(&o, spec->fill_char, right);
    return kr_fs_finish(&o, maxchar);
}

PyObject *kr_formatspec_format_str(PyObject *str, PyObject *format_spec)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(format_spec);
    if (n == 0) {
        if (PyUnicode_CheckExact(str))
            return Py_NewRef(str);
        return PyObject_Str(str);
    }
    kr_format_spec spec;
    if (kr_formatspec_parse(str, format_spec, 0, n, &spec, 's', '<') < 0)
        return NULL;
    if (spec.type != 's')
        return kr_formatspec_unknown_code(spec.type, str);
    if (spec.sign) {
        PyErr_SetString(PyExc_ValueError, spec.sign == ' ' ? "Space not allowed in string format specifier"
                                                           : "Sign not allowed in string format specifier");
        return NULL;
    }
    if (spec.no_neg_0) {
        PyErr_SetString(PyExc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (spec.alternate) {
        PyErr_SetString(PyExc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (spec.align == '=') {
        PyErr_SetString(PyExc_ValueError, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    PyObject *s;
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (spec.precision >= 0 && spec.precision < len)
        s = PyUnicode_Substring(str, 0, spec.precision);
    else if (PyUnicode_CheckExact(str))
        s = Py_NewRef(str);
    else
        s = PyUnicode_Substring(str, 0, len);
    if (s == NULL)
        return NULL;
    PyObject *r = kr_formatspec_pad_str(s, &spec);
    Py_DECREF(s);
    return r;
}
