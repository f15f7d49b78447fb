/* unicode_search.c: substring search over PEP 393 buffers.
 *
 * Both operands are brought to the same kind first (a needle wider than
 * the haystack cannot occur in it, thanks to the canonical form).  One
 * character: memchr/memrchr for 1-byte strings, a scan otherwise.  Longer
 * needles: memmem (glibc's two-way, linear) for 1-byte strings, and a
 * Horspool search with a skip table on the low byte of each character for
 * 2- and 4-byte strings.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

void kr_str_adjust_indices(Py_ssize_t *start, Py_ssize_t *end, Py_ssize_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

#define KR_DEFINE_SCAN(NAME, T) \
    static inline Py_ssize_t NAME##_find(const T *s, Py_ssize_t n, T ch) \
    { \
        for (Py_ssize_t i = 0; i < n; i++) \
            if (s[i] == ch) \
                return i; \
        return -1; \
    } \
    static inline Py_ssize_t NAME##_rfind(const T *s, Py_ssize_t n, T ch) \
    { \
        for (Py_ssize_t i = n - 1; i >= 0; i--) \
            if (s[i] == ch) \
                return i; \
        return -1; \
    } \
    KR_DEFINE_HORSPOOL(NAME, T)

#define KR_DEFINE_HORSPOOL(NAME, T) \
    static inline Py_ssize_t NAME##_horspool(const T *s, Py_ssize_t n, const T *p, Py_ssize_t m) \
    { \
        Py_ssize_t skip[256], i; \
        for (i = 0; i < 256; i++) \
            skip[i] = m; \
        for (i = 0; i < m - 1; i++) \
            skip[p[i] & 0xff] = m - 1 - i; \
        T last = p[m - 1]; \
        i = 0; \
        while (i <= n - m) { \
            T c = s[i + m - 1]; \
            if (c == last && memcmp(s + i, p, (size_t)(m - 1) * sizeof(T)) == 0) \
                return i; \
            i += skip[c & 0xff]; \
        } \
        return -1; \
    }

#define KR_DEFINE_RSEARCH(NAME, T) \
    static inline Py_ssize_t NAME##_rsearch(const T *s, Py_ssize_t n, const T *p, Py_ssize_t m) \
    { \
        Py_ssize_t skip[256], i; \
        for (i = 0; i < 256; i++) \
            skip[i] = m; \
        for (i = m - 1; i > 0; i--) \
            skip[p[i] & 0xff] = i; \
        T first = p[0]; \
        i = n - m; \
        while (i >= 0) { \
            T c = s[i]; \
            if (c == first && memcmp(s + i + 1, p + 1, (size_t)(m - 1) * sizeof(T)) == 0) \
                return i; \
            i -= skip[c & 0xff]; \
        } \
        return -1; \
    }

/* 1-byte strings use memchr/memrchr/memmem for these */
KR_DEFINE_SCAN(kr_s2, Py_UCS2)
KR_DEFINE_SCAN(kr_s4, Py_UCS4)
KR_DEFINE_RSEARCH(kr_s1, Py_UCS1)
KR_DEFINE_RSEARCH(kr_s2, Py_UCS2)
KR_DEFINE_RSEARCH(kr_s4, Py_UCS4)

Py_ssize_t kr_str_find_char(int kind, const void *s, Py_ssize_t n, Py_UCS4 ch)
{
    if (kind == 1) {
        const void *r;
        if (ch > 0xff || n <= 0)
            return -1;
        r = memchr(s, (int)ch, (size_t)n);
        return r ? (const Py_UCS1 *)r - (const Py_UCS1 *)s : -1;
    }
    if (kind == 2)
        return ch > 0xffff ? -1 : kr_s2_find(s, n, (Py_UCS2)ch);
    return kr_s4_find(s, n, ch);
}

Py_ssize_t kr_str_rfind_char(int kind, const void *s, Py_ssize_t n, Py_UCS4 ch)
{
    if (kind == 1) {
        const void *r;
        if (ch > 0xff || n <= 0)
            return -1;
        r = memrchr(s, (int)ch, (size_t)n);
        return r ? (const Py_UCS1 *)r - (const Py_UCS1 *)s : -1;
    }
    if (kind == 2)
        return ch > 0xffff ? -1 : kr_s2_rfind(s, n, (Py_UCS2)ch);
    return kr_s4_rfind(s, n, ch);
}

Py_ssize_t kr_str_find_sub(int kind, const void *s, Py_ssize_t n, const void *p, Py_ssize_t m)
{
    if (m == 0)
        return 0;
    if (m > n)
        return -1;
    if (m == 1)
        return kr_str_find_char(kind, s, n, PyUnicode_READ(kind, p, 0));
    if (kind == 1) {
        const void *r = memmem(s, (size_t)n, p, (size_t)m);
        return r ? (const Py_UCS1 *)r - (const Py_UCS1 *)s : -1;
    }
    if (kind == 2)
        return kr_s2_horspool(s, n, p, m);
    return kr_s4_horspool(s, n, p, m);
}

Py_ssize_t kr_str_rfind_sub(int kind, const void *s, Py_ssize_t n, const void *p, Py_ssize_t m)
{
    if (m == 0)
        return n;
    if (m > n)
        return -1;
    if (m == 1)
        return kr_str_rfind_char(kind, s, n, PyUnicode_READ(kind, p, 0));
    if (kind == 1)
        return kr_s1_rsearch(s, n, p, m);
    if (kind == 2)
        return kr_s2_rsearch(s, n, p, m);
    return kr_s4_rsearch(s, n, p, m);
}

Py_ssize_t kr_str_count_sub(int kind, const void *s, Py_ssize_t n, const void *p, Py_ssize_t m,
                            Py_ssize_t maxcount)
{
    Py_ssize_t count = 0, pos = 0;
    if (m == 0)
        return n + 1 < maxcount ? n + 1 : maxcount;
    while (count < maxcount) {
        Py_ssize_t r = kr_str_find_sub(kind, (const char *)s + pos * kind, n - pos, p, m);
        if (r < 0)
            break;
        count++;
        pos += r + m;
    }
    return count;
}

Py_ssize_t kr_str_find(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    int kind = PyUnicode_KIND(str), owned;
    Py_ssize_t m = PyUnicode_GET_LENGTH(sub), r;
    const char *s;
    void *p;
    if (end - start < m)
        return -1;
    if (PyUnicode_KIND(sub) > kind)
        return -1;
    s = (const char *)PyUnicode_DATA(str) + start * kind;
    if (m == 1) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(sub, 0);
        r = direction > 0 ? kr_str_find_char(kind, s, end - start, ch) : kr_str_rfind_char(kind, s, end - start, ch);
        return r < 0 ? -1 : r + start;
    }
    p = kr_str_as_kind(sub, kind, &owned);
    if (p == NULL)
        return -2;
    r = direction > 0 ? kr_str_find_sub(kind, s, end - start, p, m) : kr_str_rfind_sub(kind, s, end - start, p, m);
    if (owned)
        PyMem_Free(p);
    return r < 0 ? -1 : r + start;
}

Py_ssize_t kr_str_count(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(str), owned;
    Py_ssize_t m = PyUnicode_GET_LENGTH(sub), r;
    void *p;
    if (end - start < m)
        return 0;
    if (PyUnicode_KIND(sub) > kind)
        return 0;
    p = kr_str_as_kind(sub, kind, &owned);
    if (p == NULL)
        return -1;
    r = kr_str_count_sub(kind, (const char *)PyUnicode_DATA(str) + start * kind, end - start, p, m, PY_SSIZE_T_MAX);
    if (owned)
        PyMem_Free(p);
    return r;
}
