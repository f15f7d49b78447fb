/* float_format.c: float.__format__ (and int.__format__ with a float
 * presentation type): turns a parsed format spec into PyOS_double_to_string
 * arguments and lays out the result with the shared number layout. */
#include "internal.h"
#include "objects/formatspec.h"

PyObject *kr_format_double(double x, const kr_format_spec *spec, PyObject *obj)
{
    Py_UCS4 type = spec->type;
    int precision = -1, default_precision = 6, flags = 0, add_pct = 0;
    if (spec->precision > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return NULL;
    }
    precision = (int)spec->precision;
    if (spec->alternate)
        flags |= Py_DTSF_ALT;
    if (spec->no_neg_0)
        flags |= Py_DTSF_NO_NEG_0;
    if (type == '\0') {
        /* like repr, or like 'g' keeping at least one digit after the point */
        flags |= Py_DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';   /* the C locale: no grouping, '.' as the point */
    if (type == '%') {
        type = 'f';
        x *= 100;
        add_pct = 1;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'r':
        break;
    default:
        return kr_formatspec_unknown_code(spec->type, obj);
    }
    char *buf = PyOS_double_to_string(x, (char)type, precision, flags, NULL);
    if (buf == NULL)
        return NULL;
    const char *p = buf;
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
    }
    Py_ssize_t nd = 0;
    while (p[nd] >= '0' && p[nd] <= '9')
        nd++;
    size_t nrest = strlen(p + nd);
    char *rest = PyMem_Malloc(nrest + 2);
    if (rest == NULL) {
        PyMem_Free(buf);
        return PyErr_NoMemory();
    }
    memcpy(rest, p + nd, nrest);
    if (add_pct)
        rest[nrest++] = '%';
    rest[nrest] = '\0';
    PyObject *r;
    if (nd == 0 && spec->fill_char == '0' && spec->align == '=' && spec->thousands_separator) {
        /* inf and nan: zero padding without grouping */
        kr_format_spec f = *spec;
        f.thousands_separator = 0;
        r = kr_formatspec_layout_number(&f, negative, NULL, p, nd, rest, (Py_ssize_t)nrest);
    }
    else
        r = kr_formatspec_layout_number(spec, negative, NULL, p, nd, rest, (Py_ssize_t)nrest);
    PyMem_Free(rest);
    PyMem_Free(buf);
    return r;
}
