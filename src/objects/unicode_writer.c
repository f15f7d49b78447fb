/* unicode_writer.c: _PyUnicodeWriter, the builder every producer of
 * strings in the area uses (codecs, formatting, replace, translate, ...).
 *
 * The writer grows a compact str in place, widening its kind only when a
 * wider character arrives, optionally over-allocating for append loops.
 * A writer holding exactly one str written whole shares it instead of
 * copying ("readonly").  Finish trims the buffer and guarantees the
 * canonical form.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

void _PyUnicodeWriter_Init(_PyUnicodeWriter *writer)
{
    memset(writer, 0, sizeof(*writer));
    writer->min_char = 127;
    writer->kind = PyUnicode_WCHAR_KIND;   /* below 1BYTE: first Prepare allocates */
}

static int kr_writer_update(_PyUnicodeWriter *w)
{
    w->maxchar = PyUnicode_MAX_CHAR_VALUE(w->buffer);
    w->data = PyUnicode_DATA(w->buffer);
    if (!w->readonly) {
        w->kind = PyUnicode_KIND(w->buffer);
        w->size = PyUnicode_GET_LENGTH(w->buffer);
    }
    else {
        w->kind = PyUnicode_WCHAR_KIND;   /* forces a copy before any write */
        w->size = 0;
    }
    return 0;
}

int _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *w, Py_ssize_t length, Py_UCS4 maxchar)
{
    Py_ssize_t newlen;
    PyObject *newbuf;

    if (length > PY_SSIZE_T_MAX - w->pos) {
        PyErr_NoMemory();
        return -1;
    }
    newlen = w->pos + length;
    maxchar = Py_MAX(maxchar, w->min_char);
    if (w->buffer == NULL) {
        if (w->overallocate && newlen <= PY_SSIZE_T_MAX - newlen / 4)
            newlen += newlen / 4;
        if (newlen < w->min_length)
            newlen = w->min_length;
        w->buffer = kr_str_alloc(newlen, maxchar);
        if (w->buffer == NULL)
            return -1;
    }
    else if (newlen > w->size || w->readonly) {
        if (w->overallocate && newlen <= PY_SSIZE_T_MAX - newlen / 4)
            newlen += newlen / 4;
        if (newlen < w->min_length)
            newlen = w->min_length;
        if (maxchar > w->maxchar || w->readonly) {
            maxchar = Py_MAX(maxchar, w->maxchar);
            newbuf = kr_str_alloc(newlen, maxchar);
            if (newbuf == NULL)
                return -1;
            kr_str_copy_kind(PyUnicode_KIND(newbuf), PyUnicode_DATA(newbuf), PyUnicode_KIND(w->buffer),
                           PyUnicode_DATA(w->buffer), w->pos);
            Py_SETREF(w->buffer, newbuf);
            w->readonly = 0;
        }
        else {
            if (PyUnicode_Resize(&w->buffer, newlen) < 0)
                return -1;
        }
    }
    else if (maxchar > w->maxchar) {
        newbuf = kr_str_alloc(w->size, maxchar);
        if (newbuf == NULL)
            return -1;
        kr_str_copy_kind(PyUnicode_KIND(newbuf), PyUnicode_DATA(newbuf), PyUnicode_KIND(w->buffer),
                       PyUnicode_DATA(w->buffer), w->pos);
        Py_SETREF(w->buffer, newbuf);
    }
    return kr_writer_update(w);
}

int _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *w, enum PyUnicode_Kind kind)
{
    Py_UCS4 maxchar = kind == PyUnicode_1BYTE_KIND ? 0xff : kind == PyUnicode_2BYTE_KIND ? 0xffff : 0x10ffff;
    return _PyUnicodeWriter_PrepareInternal(w, 0, maxchar);
}

int _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *w, Py_UCS4 ch)
{
    if (ch > 0x10FFFF) {
        PyErr_SetString(PyExc_ValueError, "character must be in range(0x110000)");
        return -1;
    }
    if (_PyUnicodeWriter_Prepare(w, 1, ch) < 0)
        return -1;
    if (w->buffer == NULL && _PyUnicodeWriter_PrepareInternal(w, 1, ch) < 0)
        return -1;
    PyUnicode_WRITE(w->kind, w->data, w->pos, ch);
    w->pos++;
    return 0;
}

int _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *w, PyObject *str)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    Py_UCS4 maxchar;
    if (len == 0)
        return 0;
    maxchar = PyUnicode_MAX_CHAR_VALUE(str);
    if (maxchar > w->maxchar || len > w->size - w->pos) {
        if (w->buffer == NULL && !w->overallocate && PyUnicode_CheckExact(str)) {
            /* share the string until someone writes more */
            w->readonly = 1;
            w->buffer = Py_NewRef(str);
            kr_writer_update(w);
            w->pos += len;
            return 0;
        }
        if (_PyUnicodeWriter_PrepareInternal(w, len, maxchar) < 0)
            return -1;
    }
    kr_str_copy_kind(w->kind, (char *)w->data + w->pos * w->kind, PyUnicode_KIND(str), PyUnicode_DATA(str), len);
    w->pos += len;
    return 0;
}

int _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *w, PyObject *str, Py_ssize_t start, Py_ssize_t end)
{
    Py_UCS4 maxchar;
    Py_ssize_t len;
    if (end == 0 || start >= end)
        return 0;
    if (start == 0 && end == PyUnicode_GET_LENGTH(str))
        return _PyUnicodeWriter_WriteStr(w, str);
    if (PyUnicode_MAX_CHAR_VALUE(str) > w->maxchar)
        maxchar = _PyUnicode_FindMaxChar(str, start, end);
    else
        maxchar = w->maxchar;
    len = end - start;
    if (_PyUnicodeWriter_Prepare(w, len, maxchar) < 0)
        return -1;
    int k = PyUnicode_KIND(str);
    kr_str_copy_kind(w->kind, (char *)w->data + w->pos * w->kind, k, (const char *)PyUnicode_DATA(str) + start * k,
                   len);
    w->pos += len;
    return 0;
}

int _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *w, const char *ascii, Py_ssize_t len)
{
    if (len == -1)
        len = (Py_ssize_t)strlen(ascii);
    if (len == 0)
        return 0;
    if (_PyUnicodeWriter_Prepare(w, len, 127) < 0)
        return -1;
    kr_str_copy_kind(w->kind, (char *)w->data + w->pos * w->kind, 1, ascii, len);
    w->pos += len;
    return 0;
}

int _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *w, const char *str, Py_ssize_t len)
{
    Py_UCS4 maxchar = kr_str_maxchar(1, str, len);
    if (len == 0)
        return 0;
    if (_PyUnicodeWriter_Prepare(w, len, maxchar) < 0)
        return -1;
    kr_str_copy_kind(w->kind, (char *)w->data + w->pos * w->kind, 1, str, len);
    w->pos += len;
    return 0;
}

PyObject *_PyUnicodeWriter_Finish(_PyUnicodeWriter *w)
{
    PyObject *str;
    if (w->pos == 0) {
        Py_CLEAR(w->buffer);
        return kr_str_empty();
    }
    str = w->buffer;
    w->buffer = NULL;
    if (w->readonly)
        return str;
    if (w->pos == 1) {
        Py_UCS4 ch = PyUnicode_READ(PyUnicode_KIND(str), PyUnicode_DATA(str), 0);
        if (ch < 256) {
            Py_DECREF(str);
            return kr_str_char(ch);
        }
    }
    /* Keep the canonical form even if a caller prepared a wider kind
     * than it finally wrote. */
    if (!PyUnicode_IS_ASCII(str)) {
        Py_UCS4 m = kr_str_maxchar(PyUnicode_KIND(str), PyUnicode_DATA(str), w->pos);
        if (m < 128 || kr_str_kind_for(m) != PyUnicode_KIND(str)) {
            PyObject *n = kr_str_from_kind(PyUnicode_KIND(str), PyUnicode_DATA(str), w->pos);
            Py_DECREF(str);
            return n;
        }
    }
    if (PyUnicode_GET_LENGTH(str) != w->pos) {
        if (PyUnicode_Resize(&str, w->pos) < 0) {
            Py_DECREF(str);
            return NULL;
        }
    }
    return str;
}

void _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *w)
{
    Py_CLEAR(w->buffer);
}

