/* unicodeobject.c: the str object itself (PEP 393).
 *
 * Owns allocation and the canonical-form invariant (every str Krait makes
 * is compact and stored in the narrowest kind that holds its largest
 * character, with the ascii bit set when all characters are < 128), the
 * process-wide immortal singletons (the empty string and the 256 latin-1
 * one-character strings, plus the identifiers of str_ids.def), the
 * C API accessors, hashing, comparison, concatenation and interning.
 * The type object, repr and iterator live in unicode_type.c, the writer
 * in unicode_writer.c, the methods in unicode_methods.c, the codecs in
 * unicode_codecs.c, formatting in unicode_format.c / unicode_strformat.c.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"
#include "parser/parser.h"

/* ------------------------------------------------------------------ */
/* Process-wide singletons.  Built by kr_str_runtime_init() before any
 * context exists; immortal, hashed and utf-8-cached up front so that no
 * context ever writes to them afterwards. */

struct kr_str_singletons {
    PyObject *empty;
    PyObject *latin1[256];
};
static struct kr_str_singletons kr_str_single;   /* set once at start-up */
struct kr_ids kr_ids;                             /* set once at start-up */

static const char *const kr_id_names[] = {
#define KR_ID_DEF(name) #name,
#include "objects/str_ids.def"
#undef KR_ID_DEF
};

PyObject *kr_str_empty(void)
{
    return kr_str_single.empty;      /* immortal: no incref needed */
}

/* ------------------------------------------------------------------ */
/* Allocation */

PyObject *kr_str_alloc(Py_ssize_t size, Py_UCS4 maxchar)
{
    int kind, ascii = maxchar < 128;
    size_t header, char_size;
    PyASCIIObject *a;

    if (maxchar > 0x10FFFF) {
        PyErr_SetString(PyExc_SystemError, "invalid maximum character passed to PyUnicode_New");
        return NULL;
    }
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    kind = kr_str_kind_for(maxchar);
    char_size = (size_t)kind;
    header = ascii ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
    if ((size_t)size > (PY_SSIZE_T_MAX - header) / char_size - 1)
        return PyErr_NoMemory();
    a = (PyASCIIObject *)PyObject_Malloc(header + ((size_t)size + 1) * char_size);
    if (a == NULL)
        return PyErr_NoMemory();
    PyObject_Init((PyObject *)a, &PyUnicode_Type);
    a->length = size;
    a->hash = -1;
    a->state.interned = SSTATE_NOT_INTERNED;
    a->state.kind = (unsigned)kind;
    a->state.compact = 1;
    a->state.ascii = (unsigned)ascii;
    a->state.ready = 1;
    a->wstr = NULL;
    if (!ascii) {
        PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)a;
        c->utf8 = NULL;
        c->utf8_length = 0;
        c->wstr_length = 0;
    }
    PyUnicode_WRITE(kind, _PyUnicode_COMPACT_DATA((PyObject *)a), size, 0);
    return (PyObject *)a;
}

PyObject *PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
{
    if (size == 0 && kr_str_single.empty != NULL && maxchar <= 0x10FFFF)
        return kr_str_empty();
    return kr_str_alloc(size, maxchar);
}

void kr_str_dealloc(PyObject *op)
{
    PyASCIIObject *a = (PyASCIIObject *)op;
    if (!a->state.ascii) {
        PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)op;
        if (c->utf8 != NULL && (a->state.compact || c->utf8 != ((PyUnicodeObject *)op)->data.any))
            PyObject_Free(c->utf8);
    }
    if (!a->state.compact && ((PyUnicodeObject *)op)->data.any != NULL)
        PyObject_Free(((PyUnicodeObject *)op)->data.any);
    Py_TYPE(op)->tp_free(op);
}

/* ------------------------------------------------------------------ */
/* Canonical construction */

Py_UCS4 kr_str_maxchar(int kind, const void *data, Py_ssize_t n)
{
    Py_UCS4 m = 0;
    Py_ssize_t i;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        Py_UCS1 acc = 0;
        for (i = 0; i < n; i++)
            acc |= p[i];
        if (acc < 128)
            return acc;
        for (i = 0; i < n; i++)
            if (p[i] > m)
                m = p[i];
        return m;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        for (i = 0; i < n; i++)
            if (p[i] > m)
                m = p[i];
        return m;
    }
    const Py_UCS4 *p = data;
    for (i = 0; i < n; i++)
        if (p[i] > m)
            m = p[i];
    return m;
}

PyObject *kr_str_char(Py_UCS4 ch)
{
    PyObject *s;
    if (ch < 256 && kr_str_single.latin1[ch] != NULL)
        return kr_str_single.latin1[ch];
    s = kr_str_alloc(1, ch);
    if (s != NULL)
        PyUnicode_WRITE(PyUnicode_KIND(s), PyUnicode_DATA(s), 0, ch);
    return s;
}

/* Copies N characters of kind SKIND at SRC into DST of kind DKIND
 * (DKIND may be narrower when the caller knows the values fit). */
void kr_str_copy_kind(int dkind, void *dst, int skind, const void *src, Py_ssize_t n)
{
    Py_ssize_t i;
    if (dkind == skind) {
        memcpy(dst, src, (size_t)n * (size_t)skind);
        return;
    }
#define KR_CONV(DT, ST) do { DT *d = dst; const ST *s = src; for (i = 0; i < n; i++) d[i] = (DT)s[i]; } while (0)
    if (dkind == 1) {
        if (skind == 2) KR_CONV(Py_UCS1, Py_UCS2); else KR_CONV(Py_UCS1, Py_UCS4);
    }
    else if (dkind == 2) {
        if (skind == 1) KR_CONV(Py_UCS2, Py_UCS1); else KR_CONV(Py_UCS2, Py_UCS4);
    }
    else {
        if (skind == 1) KR_CONV(Py_UCS4, Py_UCS1); else KR_CONV(Py_UCS4, Py_UCS2);
    }
#undef KR_CONV
}

PyObject *kr_str_from_kind(int kind, const void *data, Py_ssize_t n)
{
    Py_UCS4 maxchar;
    PyObject *s;
    if (n == 0)
        return kr_str_empty();
    maxchar = kr_str_maxchar(kind, data, n);
    if (n == 1)
        return kr_str_char(maxchar);
    s = kr_str_alloc(n, maxchar);
    if (s == NULL)
        return NULL;
    kr_str_copy_kind(PyUnicode_KIND(s), PyUnicode_DATA(s), kind, data, n);
    return s;
}

PyObject *kr_str_from_ascii(const char *str, Py_ssize_t n)
{
    PyObject *s;
    if (n == 0)
        return kr_str_empty();
    if (n == 1)
        return kr_str_char((unsigned char)str[0]);
    s = kr_str_alloc(n, 127);
    if (s != NULL)
        memcpy(PyUnicode_DATA(s), str, (size_t)n);
    return s;
}

PyObject *kr_str_from_latin1(const unsigned char *str, Py_ssize_t n)
{
    return kr_str_from_kind(PyUnicode_1BYTE_KIND, str, n);
}

PyObject *_PyUnicode_FromASCII(const char *buffer, Py_ssize_t size)
{
    return kr_str_from_ascii(buffer, size);
}

PyObject *PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return NULL;
    }
    if (kind != PyUnicode_1BYTE_KIND && kind != PyUnicode_2BYTE_KIND && kind != PyUnicode_4BYTE_KIND) {
        PyErr_SetString(PyExc_SystemError, "invalid kind");
        return NULL;
    }
    if (kind == PyUnicode_4BYTE_KIND && size > 0) {
        Py_UCS4 m = kr_str_maxchar(kind, buffer, size);
        if (m > 0x10FFFF) {
            PyErr_Format(PyExc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", m);
            return NULL;
        }
    }
    return kr_str_from_kind(kind, buffer, size);
}

PyObject *PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    if (u == NULL) {
        if (size > 0) {
            PyErr_SetString(PyExc_SystemError,
                            "NULL string with positive size with NULL passed to PyUnicode_FromStringAndSize");
            return NULL;
        }
        return kr_str_empty();
    }
    return PyUnicode_DecodeUTF8Stateful(u, size, NULL, NULL);
}

PyObject *PyUnicode_FromString(const char *u)
{
    size_t n = strlen(u);
    if (n > PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "input too long");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, (Py_ssize_t)n, NULL, NULL);
}

PyObject *PyUnicode_FromOrdinal(int ordinal)
{
    if (ordinal < 0 || ordinal > 0x10FFFF) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return kr_str_char((Py_UCS4)ordinal);
}

PyObject *PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size)
{
    if (w == NULL && size != 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size == -1)
        size = (Py_ssize_t)wcslen(w);
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, w, size);
}

PyObject *PyUnicode_FromUnicode(const Py_UNICODE *u, Py_ssize_t size)
{
    if (u == NULL)
        return PyUnicode_New(size, 0);
    return PyUnicode_FromWideChar(u, size);
}

PyObject *_PyUnicode_Copy(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(unicode);
    PyObject *s = kr_str_alloc(n, PyUnicode_MAX_CHAR_VALUE(unicode));
    if (s == NULL)
        return NULL;
    memcpy(PyUnicode_DATA(s), PyUnicode_DATA(unicode), (size_t)n * (size_t)PyUnicode_KIND(unicode));
    return s;
}

PyObject *kr_str_exact(PyObject *s)
{
    if (PyUnicode_CheckExact(s))
        return Py_NewRef(s);
    return kr_str_from_kind(PyUnicode_KIND(s), PyUnicode_DATA(s), PyUnicode_GET_LENGTH(s));
}

PyObject *PyUnicode_FromObject(PyObject *obj)
{
    if (PyUnicode_CheckExact(obj))
        return Py_NewRef(obj);
    if (PyUnicode_Check(obj))
        return kr_str_exact(obj);
    PyErr_Format(PyExc_TypeError, "Can't convert '%.100s' object to str implicitly", Py_TYPE(obj)->tp_name);
    return NULL;
}

int _PyUnicode_Ready(PyObject *unicode)
{
    (void)unicode;
    return 0;
}

int kr_str_check_arg(PyObject *obj, const char *what)
{
    if (PyUnicode_Check(obj))
        return 0;
    PyErr_Format(PyExc_TypeError, "%s, not %.100s", what, Py_TYPE(obj)->tp_name);
    return -1;
}

void *kr_str_as_kind(PyObject *s, int kind, int *owned)
{
    int skind = PyUnicode_KIND(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    void *buf;
    if (skind == kind) {
        *owned = 0;
        return PyUnicode_DATA(s);
    }
    buf = PyMem_Malloc((size_t)(n + 1) * (size_t)kind);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    kr_str_copy_kind(kind, buf, skind, PyUnicode_DATA(s), n);
    *owned = 1;
    return buf;
}

PyObject *PyUnicode_Substring(PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind;
    const char *data;
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    if (end > len)
        end = len;
    if (start >= end)
        return kr_str_empty();
    if (start == 0 && end == len && PyUnicode_CheckExact(self))
        return Py_NewRef(self);
    kind = PyUnicode_KIND(self);
    data = (const char *)PyUnicode_DATA(self) + start * kind;
    if (PyUnicode_IS_ASCII(self))
        return kr_str_from_ascii(data, end - start);
    return kr_str_from_kind(kind, data, end - start);
}

Py_UCS4 _PyUnicode_FindMaxChar(PyObject *unicode, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(unicode);
    if (start >= end)
        return 127;
    if (PyUnicode_IS_ASCII(unicode))
        return 127;
    return kr_str_maxchar(kind, (const char *)PyUnicode_DATA(unicode) + start * kind, end - start);
}

/* ------------------------------------------------------------------ */
/* Access */

Py_ssize_t PyUnicode_GetLength(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    return PyUnicode_GET_LENGTH(unicode);
}

Py_ssize_t PyUnicode_GetSize(PyObject *unicode)
{
    return PyUnicode_GetLength(unicode);
}

Py_UCS4 PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return (Py_UCS4)-1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return (Py_UCS4)-1;
    }
    return PyUnicode_READ_CHAR(unicode, index);
}

/* A string may be changed in place only while nobody else can see it. */
static int kr_str_modifiable(PyObject *unicode)
{
    if (Py_REFCNT(unicode) != 1 || _Py_IsImmortal(unicode) ||
        ((PyASCIIObject *)unicode)->hash != -1 || PyUnicode_CHECK_INTERNED(unicode) ||
        !PyUnicode_CheckExact(unicode))
        return 0;
    return 1;
}

int PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 ch)
{
    if (!PyUnicode_Check(unicode) || !PyUnicode_IS_COMPACT(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (!kr_str_modifiable(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (ch > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    PyUnicode_WRITE(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), index, ch);
    return 0;
}

Py_ssize_t PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                                    Py_ssize_t from_start, Py_ssize_t how_many)
{
    if (!PyUnicode_Check(from) || !PyUnicode_Check(to)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if ((size_t)from_start > (size_t)PyUnicode_GET_LENGTH(from)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if ((size_t)to_start > (size_t)PyUnicode_GET_LENGTH(to)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (how_many < 0) {
        PyErr_SetString(PyExc_SystemError, "how_many cannot be negative");
        return -1;
    }
    how_many = Py_MIN(PyUnicode_GET_LENGTH(from) - from_start, how_many);
    if (to_start + how_many > PyUnicode_GET_LENGTH(to)) {
        PyErr_Format(PyExc_SystemError, "Cannot write %zi characters at %zi in a string of %zi characters",
                     how_many, to_start, PyUnicode_GET_LENGTH(to));
        return -1;
    }
    if (how_many == 0)
        return 0;
    if (!kr_str_modifiable(to)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    int fk = PyUnicode_KIND(from), tk = PyUnicode_KIND(to);
    if (tk < fk && _PyUnicode_FindMaxChar(from, from_start, from_start + how_many) > PyUnicode_MAX_CHAR_VALUE(to)) {
        PyErr_Format(PyExc_SystemError, "Cannot copy %s characters into a string of %s characters",
                     fk == 4 ? "UCS4" : "UCS2", tk == 1 ? "ascii" : "UCS2");
        return -1;
    }
    if (PyUnicode_IS_ASCII(to) && !PyUnicode_IS_ASCII(from) &&
        _PyUnicode_FindMaxChar(from, from_start, from_start + how_many) > 127) {
        PyErr_SetString(PyExc_SystemError, "Cannot copy non-ASCII characters into an ASCII string");
        return -1;
    }
    kr_str_copy_kind(tk, (char *)PyUnicode_DATA(to) + to_start * tk, fk,
                   (const char *)PyUnicode_DATA(from) + from_start * fk, how_many);
    return how_many;
}

Py_ssize_t PyUnicode_Fill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char)
{
    Py_ssize_t i, len;
    int kind;
    void *data;
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!kr_str_modifiable(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (fill_char > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "fill character is bigger than the string maximum character");
        return -1;
    }
    len = PyUnicode_GET_LENGTH(unicode);
    if (start < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (start > len)
        return 0;
    length = Py_MIN(len - start, length);
    if (length <= 0)
        return 0;
    kind = PyUnicode_KIND(unicode);
    data = PyUnicode_DATA(unicode);
    for (i = 0; i < length; i++)
        PyUnicode_WRITE(kind, data, start + i, fill_char);
    return length;
}

int PyUnicode_Resize(PyObject **p_unicode, Py_ssize_t length)
{
    PyObject *u, *n;
    if (p_unicode == NULL || *p_unicode == NULL || !PyUnicode_Check(*p_unicode) || length < 0) {
        PyErr_BadInternalCall();
        return -1;
    }
    u = *p_unicode;
    if (PyUnicode_GET_LENGTH(u) == length)
        return 0;
    if (kr_str_modifiable(u) && PyUnicode_IS_COMPACT(u) && length > 0 &&
        !(u == kr_str_single.empty)) {
        int kind = PyUnicode_KIND(u);
        size_t header = PyUnicode_IS_ASCII(u) ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
        if ((size_t)length > (PY_SSIZE_T_MAX - header) / (size_t)kind - 1) {
            PyErr_NoMemory();
            return -1;
        }
        if (!PyUnicode_IS_ASCII(u) && ((PyCompactUnicodeObject *)u)->utf8 != NULL) {
            PyObject_Free(((PyCompactUnicodeObject *)u)->utf8);
            ((PyCompactUnicodeObject *)u)->utf8 = NULL;
            ((PyCompactUnicodeObject *)u)->utf8_length = 0;
        }
        n = (PyObject *)PyObject_Realloc(u, header + ((size_t)length + 1) * (size_t)kind);
        if (n == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        ((PyASCIIObject *)n)->length = length;
        PyUnicode_WRITE(kind, PyUnicode_DATA(n), length, 0);
        *p_unicode = n;
        return 0;
    }
    n = kr_str_alloc(length, PyUnicode_MAX_CHAR_VALUE(u));
    if (n == NULL)
        return -1;
    kr_str_copy_kind(PyUnicode_KIND(n), PyUnicode_DATA(n), PyUnicode_KIND(u), PyUnicode_DATA(u),
                   Py_MIN(length, PyUnicode_GET_LENGTH(u)));
    Py_SETREF(*p_unicode, n);
    return 0;
}

Py_UCS4 *PyUnicode_AsUCS4(PyObject *s, Py_UCS4 *target, Py_ssize_t targetsize, int copy_null)
{
    Py_ssize_t len;
    if (!PyUnicode_Check(s)) {
        PyErr_BadArgument();
        return NULL;
    }
    len = PyUnicode_GET_LENGTH(s);
    if (target == NULL || targetsize < len + (copy_null != 0)) {
        if (target != NULL || targetsize < 0)
            PyErr_Format(PyExc_SystemError, "string is longer than the buffer");
        else
            PyErr_BadInternalCall();
        return NULL;
    }
    kr_str_copy_kind(4, target, PyUnicode_KIND(s), PyUnicode_DATA(s), len);
    if (copy_null)
        target[len] = 0;
    return target;
}

Py_UCS4 *PyUnicode_AsUCS4Copy(PyObject *s)
{
    Py_UCS4 *buf;
    Py_ssize_t len;
    if (!PyUnicode_Check(s)) {
        PyErr_BadArgument();
        return NULL;
    }
    len = PyUnicode_GET_LENGTH(s);
    buf = PyMem_New(Py_UCS4, (size_t)len + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return PyUnicode_AsUCS4(s, buf, len + 1, 1);
}

Py_ssize_t PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w, Py_ssize_t size)
{
    Py_ssize_t len;
    if (unicode == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    len = PyUnicode_GET_LENGTH(unicode);
    if (w == NULL)
        return len + 1;
    if (size > len) {
        kr_str_copy_kind(4, w, PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), len);
        w[len] = 0;
        return len;
    }
    kr_str_copy_kind(4, w, PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), size);
    return size;
}

wchar_t *PyUnicode_AsWideCharString(PyObject *unicode, Py_ssize_t *size)
{
    Py_ssize_t len;
    wchar_t *buf;
    if (unicode == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    len = PyUnicode_GET_LENGTH(unicode);
    buf = PyMem_New(wchar_t, (size_t)len + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    kr_str_copy_kind(4, buf, PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), len);
    buf[len] = 0;
    if (size != NULL)
        *size = len;
    else if ((Py_ssize_t)wcslen(buf) != len) {
        PyMem_Free(buf);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return buf;
}

const char *PyUnicode_AsUTF8AndSize(PyObject *unicode, Py_ssize_t *psize)
{
    PyCompactUnicodeObject *c;
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        if (psize)
            *psize = -1;
        return NULL;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        if (psize)
            *psize = PyUnicode_GET_LENGTH(unicode);
        return (const char *)PyUnicode_DATA(unicode);
    }
    c = (PyCompactUnicodeObject *)unicode;
    if (c->utf8 == NULL) {
        Py_ssize_t n;
        char *buf = kr_str_utf8_encode_raw(unicode, &n, "strict");
        if (buf == NULL) {
            if (psize)
                *psize = -1;
            return NULL;
        }
        c->utf8 = buf;
        c->utf8_length = n;
    }
    if (psize)
        *psize = c->utf8_length;
    return c->utf8;
}

const char *PyUnicode_AsUTF8(PyObject *unicode)
{
    return PyUnicode_AsUTF8AndSize(unicode, NULL);
}

/* ------------------------------------------------------------------ */
/* Hashing and comparison */

Py_hash_t kr_str_hash(PyObject *self)
{
    PyASCIIObject *a = (PyASCIIObject *)self;
    if (a->hash != -1)
        return a->hash;
    a->hash = _Py_HashBytes(PyUnicode_DATA(self), PyUnicode_GET_LENGTH(self) * PyUnicode_KIND(self));
    return a->hash;
}

/* Equality of two str (any subclass): canonical kinds make this a
 * memcmp. */
static int kr_str_eq(PyObject *a, PyObject *b)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(a);
    if (a == b)
        return 1;
    if (n != PyUnicode_GET_LENGTH(b) || PyUnicode_KIND(a) != PyUnicode_KIND(b))
        return 0;
    Py_hash_t ha = ((PyASCIIObject *)a)->hash, hb = ((PyASCIIObject *)b)->hash;
    if (ha != -1 && hb != -1 && ha != hb)
        return 0;
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)n * (size_t)PyUnicode_KIND(a)) == 0;
}

int _PyUnicode_Equal(PyObject *a, PyObject *b) { return kr_str_eq(a, b); }
int _PyUnicode_EQ(PyObject *a, PyObject *b) { return kr_str_eq(a, b); }

static int kr_str_cmp(PyObject *a, PyObject *b)
{
    int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b);
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    Py_ssize_t n = Py_MIN(la, lb), i;
    const void *da = PyUnicode_DATA(a), *db = PyUnicode_DATA(b);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, (size_t)n);
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    else {
        for (i = 0; i < n; i++) {
            Py_UCS4 ca = PyUnicode_READ(ka, da, i), cb = PyUnicode_READ(kb, db, i);
            if (ca != cb)
                return ca < cb ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

int PyUnicode_Compare(PyObject *left, PyObject *right)
{
    if (PyUnicode_Check(left) && PyUnicode_Check(right))
        return kr_str_cmp(left, right);
    PyErr_Format(PyExc_TypeError, "Can't compare %.100s and %.100s", Py_TYPE(left)->tp_name,
                 Py_TYPE(right)->tp_name);
    return -1;
}

int PyUnicode_CompareWithASCIIString(PyObject *uni, const char *str)
{
    Py_ssize_t i, len = PyUnicode_GET_LENGTH(uni);
    int kind = PyUnicode_KIND(uni);
    const void *data = PyUnicode_DATA(uni);
    for (i = 0; i < len && str[i]; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c != (unsigned char)str[i])
            return c < (unsigned char)str[i] ? -1 : 1;
    }
    if (i < len)
        return 1;
    if (str[i])
        return -1;
    return 0;
}

int _PyUnicode_EqualToASCIIString(PyObject *uni, const char *str)
{
    size_t n;
    if (!PyUnicode_IS_ASCII(uni))
        return 0;
    n = strlen(str);
    return (size_t)PyUnicode_GET_LENGTH(uni) == n && memcmp(PyUnicode_DATA(uni), str, n) == 0;
}

PyObject *PyUnicode_RichCompare(PyObject *left, PyObject *right, int op)
{
    int c;
    if (!PyUnicode_Check(left) || !PyUnicode_Check(right))
        Py_RETURN_NOTIMPLEMENTED;
    if (op == Py_EQ || op == Py_NE) {
        int eq = kr_str_eq(left, right);
        return PyBool_FromLong(op == Py_EQ ? eq : !eq);
    }
    if (left == right)
        c = 0;
    else
        c = kr_str_cmp(left, right);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ------------------------------------------------------------------ */
/* Concatenation and repetition */

PyObject *PyUnicode_Concat(PyObject *left, PyObject *right)
{
    Py_ssize_t ll, rl;
    PyObject *r;
    if (!PyUnicode_Check(left)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(left)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(right)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(right)->tp_name);
        return NULL;
    }
    ll = PyUnicode_GET_LENGTH(left);
    rl = PyUnicode_GET_LENGTH(right);
    if (ll == 0)
        return kr_str_exact(right);
    if (rl == 0)
        return kr_str_exact(left);
    if (ll > PY_SSIZE_T_MAX - rl) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    r = kr_str_alloc(ll + rl, Py_MAX(PyUnicode_MAX_CHAR_VALUE(left), PyUnicode_MAX_CHAR_VALUE(right)));
    if (r == NULL)
        return NULL;
    int k = PyUnicode_KIND(r);
    kr_str_copy_kind(k, PyUnicode_DATA(r), PyUnicode_KIND(left), PyUnicode_DATA(left), ll);
    kr_str_copy_kind(k, (char *)PyUnicode_DATA(r) + ll * k, PyUnicode_KIND(right), PyUnicode_DATA(right), rl);
    return r;
}

void PyUnicode_Append(PyObject **p_left, PyObject *right)
{
    PyObject *left = *p_left, *res;
    if (p_left == NULL) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        return;
    }
    if (left == NULL)
        return;
    if (right == NULL || !PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        Py_CLEAR(*p_left);
        return;
    }
    /* In place when we hold the only reference: keeps s += t loops linear
     * thanks to the allocator's realloc. */
    if (kr_str_modifiable(left) && PyUnicode_IS_COMPACT(left) && PyUnicode_CheckExact(right) &&
        PyUnicode_GET_LENGTH(right) > 0 && PyUnicode_KIND(right) <= PyUnicode_KIND(left) &&
        !(PyUnicode_IS_ASCII(left) && !PyUnicode_IS_ASCII(right)) &&
        PyUnicode_GET_LENGTH(left) <= PY_SSIZE_T_MAX - PyUnicode_GET_LENGTH(right)) {
        Py_ssize_t ll = PyUnicode_GET_LENGTH(left), rl = PyUnicode_GET_LENGTH(right);
        if (PyUnicode_Resize(p_left, ll + rl) < 0) {
            Py_CLEAR(*p_left);
            return;
        }
        int k = PyUnicode_KIND(*p_left);
        kr_str_copy_kind(k, (char *)PyUnicode_DATA(*p_left) + ll * k, PyUnicode_KIND(right), PyUnicode_DATA(right),
                       rl);
        return;
    }
    res = PyUnicode_Concat(left, right);
    Py_SETREF(*p_left, res);
}

void PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right)
{
    PyUnicode_Append(pleft, right);
    Py_XDECREF(right);
}

PyObject *kr_str_repeat(PyObject *str, Py_ssize_t n)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), total, done;
    PyObject *r;
    int kind;
    char *dst;
    if (n < 1 || len == 0)
        return kr_str_empty();
    if (n == 1)
        return kr_str_exact(str);
    if (len > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    total = len * n;
    r = kr_str_alloc(total, PyUnicode_MAX_CHAR_VALUE(str));
    if (r == NULL)
        return NULL;
    kind = PyUnicode_KIND(r);
    dst = PyUnicode_DATA(r);
    if (len == 1 && kind == 1) {
        memset(dst, PyUnicode_1BYTE_DATA(str)[0], (size_t)total);
        return r;
    }
    memcpy(dst, PyUnicode_DATA(str), (size_t)(len * kind));
    done = len;
    while (done < total) {   /* doubling copies: O(log n) memcpy calls */
        Py_ssize_t chunk = Py_MIN(done, total - done);
        memcpy(dst + done * kind, dst, (size_t)(chunk * kind));
        done += chunk;
    }
    return r;
}

/* ------------------------------------------------------------------ */
/* Interning: per context, in a dict mapping each interned string to
 * itself (str_state.h).  The dict owns its strings; they live until the
 * context is torn down.  The process-wide singletons and identifiers are
 * seeded into every context's dict, so interning "__init__" anywhere
 * yields KR_ID(__init__). */

static PyObject *kr_str_interned_dict(void)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL)
        return NULL;
    if (ctx->str.interned == NULL) {
        PyObject *d = PyDict_New();
        if (d == NULL)
            return NULL;
        for (size_t i = 0; i < Py_ARRAY_LENGTH(kr_id_names); i++) {
            PyObject *id = ((PyObject **)&kr_ids)[i];
            if (PyDict_SetItem(d, id, id) < 0) {
                Py_DECREF(d);
                return NULL;
            }
        }
        ctx->str.interned = d;
    }
    return ctx->str.interned;
}

void PyUnicode_InternInPlace(PyObject **p)
{
    PyObject *s = *p, *d, *t;
    if (s == NULL || !PyUnicode_CheckExact(s))
        return;
    if (PyUnicode_CHECK_INTERNED(s))
        return;
    d = kr_str_interned_dict();
    if (d == NULL) {
        PyErr_Clear();
        return;
    }
    t = PyDict_SetDefault(d, s, s);
    if (t == NULL) {
        PyErr_Clear();
        return;
    }
    if (t != s) {
        Py_INCREF(t);
        Py_SETREF(*p, t);
        return;
    }
    if (!_Py_IsImmortal(s))
        ((PyASCIIObject *)s)->state.interned = SSTATE_INTERNED_MORTAL;
}

void PyUnicode_InternImmortal(PyObject **p)
{
    PyUnicode_InternInPlace(p);
}

PyObject *PyUnicode_InternFromString(const char *cp)
{
    PyObject *s = PyUnicode_FromString(cp);
    if (s == NULL)
        return NULL;
    PyUnicode_InternInPlace(&s);
    return s;
}

/* ------------------------------------------------------------------ */
/* Process start-up */

static PyObject *kr_str_make_immortal(PyObject *s)
{
    Py_SET_REFCNT(s, _Py_IMMORTAL_REFCNT);
    ((PyASCIIObject *)s)->state.interned = SSTATE_INTERNED_IMMORTAL;
    (void)kr_str_hash(s);
    return s;
}

int kr_str_runtime_init(void)
{
    if (kr_str_single.empty != NULL)
        return 0;
    if (kr_hash_init() < 0)
        return -1;
    /* The parser's view of the Unicode database (\N{...} and non-ASCII
     * identifiers), set once here before any source is parsed. */
    kr_parser_hooks.lookup_unicode_name = kr_unicode_lookup_name;
    kr_parser_hooks.is_xid = kr_unicode_is_xid;
    kr_parser_hooks.nfkc_identifier = kr_unicode_nfkc_identifier;
    PyObject *e = kr_str_alloc(0, 0);
    if (e == NULL)
        return -1;
    kr_str_single.empty = kr_str_make_immortal(e);
    for (int i = 0; i < 256; i++) {
        PyObject *c = kr_str_alloc(1, (Py_UCS4)i);
        if (c == NULL)
            return -1;
        PyUnicode_1BYTE_DATA(c)[0] = (Py_UCS1)i;
        kr_str_make_immortal(c);
        if (i >= 128) {
            PyCompactUnicodeObject *cc = (PyCompactUnicodeObject *)c;
            char *u = PyObject_Malloc(3);
            if (u == NULL)
                return -1;
            u[0] = (char)(0xC0 | (i >> 6));
            u[1] = (char)(0x80 | (i & 0x3F));
            u[2] = 0;
            cc->utf8 = u;
            cc->utf8_length = 2;
        }
        kr_str_single.latin1[i] = c;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(kr_id_names); i++) {
        size_t n = strlen(kr_id_names[i]);
        PyObject *s = n == 1 ? kr_str_single.latin1[(unsigned char)kr_id_names[i][0]]
                             : kr_str_alloc((Py_ssize_t)n, 127);
        if (s == NULL)
            return -1;
        if (n != 1) {
            memcpy(PyUnicode_DATA(s), kr_id_names[i], n);
            kr_str_make_immortal(s);
        }
        ((PyObject **)&kr_ids)[i] = s;
    }
    return 0;
}
