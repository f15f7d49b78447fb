/* unicode_case.c: the case-mapping methods (lower, upper, title,
 * capitalize, casefold, swapcase) with full (one-to-many) mappings and
 * the final-sigma rule of lower().  ASCII strings take a byte loop; other
 * strings are mapped into a UCS-4 scratch buffer (a character maps to at
 * most three) and then stored in canonical form.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

enum kr_case_op { KR_LOWER, KR_UPPER, KR_TITLE, KR_CAPITALIZE, KR_CASEFOLD, KR_SWAPCASE };

/* Capital sigma lowercases to final sigma when preceded by a cased
 * letter and not followed by one (case-ignorable characters skipped). */
static Py_UCS4 kr_sigma(int kind, const void *data, Py_ssize_t len, Py_ssize_t i)
{
    Py_ssize_t j = i - 1;
    while (j >= 0 && _PyUnicode_IsCaseIgnorable(PyUnicode_READ(kind, data, j)))
        j--;
    int final = j >= 0 && _PyUnicode_IsCased(PyUnicode_READ(kind, data, j));
    if (final) {
        j = i + 1;
        while (j < len && _PyUnicode_IsCaseIgnorable(PyUnicode_READ(kind, data, j)))
            j++;
        final = j == len || !_PyUnicode_IsCased(PyUnicode_READ(kind, data, j));
    }
    return final ? 0x3C2 : 0x3C3;
}

static int kr_lower_at(int kind, const void *data, Py_ssize_t len, Py_ssize_t i, Py_UCS4 *out)
{
    Py_UCS4 c = PyUnicode_READ(kind, data, i);
    if (c == 0x3A3) {
        out[0] = kr_sigma(kind, data, len, i);
        return 1;
    }
    return _PyUnicode_ToLowerFull(c, out);
}

static PyObject *kr_case_ascii(PyObject *s, enum kr_case_op op)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), i;
    const Py_UCS1 *src = PyUnicode_1BYTE_DATA(s);
    PyObject *r = PyUnicode_New(n, 127);
    int prev_cased = 0;
    if (r == NULL)
        return NULL;
    Py_UCS1 *dst = PyUnicode_1BYTE_DATA(r);
    for (i = 0; i < n; i++) {
        Py_UCS1 c = src[i];
        switch (op) {
        case KR_LOWER: case KR_CASEFOLD: c = Py_TOLOWER(c); break;
        case KR_UPPER: c = Py_TOUPPER(c); break;
        case KR_SWAPCASE: c = Py_ISUPPER(c) ? Py_TOLOWER(c) : Py_TOUPPER(c); break;
        case KR_CAPITALIZE: c = i == 0 ? Py_TOUPPER(c) : Py_TOLOWER(c); break;
        case KR_TITLE:
            c = prev_cased ? Py_TOLOWER(c) : Py_TOUPPER(c);
            prev_cased = Py_ISALPHA(c) != 0;
            break;
        }
        dst[i] = c;
    }
    return r;
}

static PyObject *kr_case_map(PyObject *s, enum kr_case_op op)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), i, o = 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_UCS4 *buf, mapped[3];
    int prev_cased = 0;
    PyObject *r;

    if (n == 0)
        return kr_str_empty();
    if (PyUnicode_IS_ASCII(s))
        return kr_case_ascii(s, op);
    if ((size_t)n > PY_SSIZE_T_MAX / (3 * sizeof(Py_UCS4)))
        return PyErr_NoMemory();
    buf = PyMem_Malloc((size_t)n * 3 * sizeof(Py_UCS4));
    if (buf == NULL)
        return PyErr_NoMemory();
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int k;
        switch (op) {
        case KR_LOWER:
            k = kr_lower_at(kind, data, n, i, mapped);
            break;
        case KR_UPPER:
            k = _PyUnicode_ToUpperFull(c, mapped);
            break;
        case KR_CASEFOLD:
            k = _PyUnicode_ToFoldedFull(c, mapped);
            break;
        case KR_SWAPCASE:
            if (_PyUnicode_IsUppercase(c))
                k = kr_lower_at(kind, data, n, i, mapped);
            else if (_PyUnicode_IsLowercase(c))
                k = _PyUnicode_ToUpperFull(c, mapped);
            else {
                mapped[0] = c;
                k = 1;
            }
            break;
        case KR_CAPITALIZE:
            k = i == 0 ? _PyUnicode_ToTitleFull(c, mapped) : kr_lower_at(kind, data, n, i, mapped);
            break;
        default: /* KR_TITLE */
            k = prev_cased ? kr_lower_at(kind, data, n, i, mapped) : _PyUnicode_ToTitleFull(c, mapped);
            prev_cased = _PyUnicode_IsCased(c);
            break;
        }
        for (int j = 0; j < k; j++)
            buf[o++] = mapped[j];
    }
    r = kr_str_from_kind(PyUnicode_4BYTE_KIND, buf, o);
    PyMem_Free(buf);
    return r;
}

PyObject *kr_str_lower(PyObject *s) { return kr_case_map(s, KR_LOWER); }
PyObject *kr_str_upper(PyObject *s) { return kr_case_map(s, KR_UPPER); }
PyObject *kr_str_title(PyObject *s) { return kr_case_map(s, KR_TITLE); }
PyObject *kr_str_capitalize(PyObject *s) { return kr_case_map(s, KR_CAPITALIZE); }
PyObject *kr_str_casefold(PyObject *s) { return kr_case_map(s, KR_CASEFOLD); }
PyObject *kr_str_swapcase(PyObject *s) { return kr_case_map(s, KR_SWAPCASE); }
