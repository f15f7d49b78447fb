/* bytes_methods.c: the text-like methods bytes and bytearray share
 * (find, split, strip, replace, the is* predicates, case mapping, hex,
 * fromhex, translate, ...).  Each is written once over the receiver's
 * (data, length) and builds its results with the receiver's own type, so
 * PyBytes_Type and PyByteArray_Type both list them through
 * KR_BYTES_SHARED_METHODS (bytes_internal.h).
 *
 * A bytearray receiver may change while Python code runs (an __index__
 * method, say), so every method reads the receiver's data only after all
 * of its arguments are converted. */
#include "internal.h"
#include "objects/bytes_internal.h"
#include "capi/argparse.h"

/* ---- receiver access and result building ---- */

void kr_bm_self(PyObject *self, const char **data, Py_ssize_t *len)
{
    if (PyBytes_Check(self)) {
        *data = PyBytes_AS_STRING(self);
        *len = PyBytes_GET_SIZE(self);
    } else {
        *data = PyByteArray_AS_STRING(self);
        *len = PyByteArray_GET_SIZE(self);
    }
}

/* A copy of data[0:n) with the receiver's type (bytes for bytes
 * subclasses).  An exact bytes receiver asked for all of itself is
 * returned as is: bytes are immutable.  New reference. */
PyObject *kr_bm_make(PyObject *self, const char *data, Py_ssize_t n)
{
    if (PyBytes_Check(self)) {
        if (PyBytes_CheckExact(self) && data == PyBytes_AS_STRING(self) && n == Py_SIZE(self))
            return Py_NewRef(self);
        return PyBytes_FromStringAndSize(data, n);
    }
    return PyByteArray_FromStringAndSize(data, n);
}

/* An uninitialised result of n bytes of the receiver's type; *out gets
 * its writable data.  New reference. */
PyObject *kr_bm_new(PyObject *self, Py_ssize_t n, char **out)
{
    PyObject *r;
    if (PyBytes_Check(self)) {
        r = n == 0 ? PyBytes_FromStringAndSize(NULL, 0) : kr_bytes_alloc(n);
        if (r != NULL)
            *out = PyBytes_AS_STRING(r);
    } else {
        r = PyByteArray_FromStringAndSize(NULL, n);
        if (r != NULL)
            *out = PyByteArray_AS_STRING(r);
    }
    return r;
}

/* A bytes-like argument as a simple contiguous view. */
static int kr_bm_buf(PyObject *o, Py_buffer *view)
{
    return PyObject_GetBuffer(o, view, PyBUF_SIMPLE);
}

/* The count check PyArg_ParseTuple makes, with its message. */
static int kr_bm_argc(const char *name, Py_ssize_t nargs, int min, int max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    int n = nargs < min ? min : max;
    PyErr_Format(PyExc_TypeError, "%s() takes %s %d argument%s (%zd given)", name,
                 min == max ? "exactly" : nargs < min ? "at least" : "at most", n,
                 n == 1 ? "" : "s", nargs);
    return -1;
}

/* A start/end argument: None leaves the default; an index is clamped to
 * the Py_ssize_t range as slice bounds are. */
static int kr_bm_slice_index(PyObject *v, Py_ssize_t *pi)
{
    if (v == NULL || v == Py_None)
        return 0;
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred())
        return -1;
    *pi = x;
    return 0;
}

/* Clamps [start, end) against len the way str.find does. */
static void kr_bm_adjust(Py_ssize_t len, Py_ssize_t *start, Py_ssize_t *end)
{
    if (*end > len)
        *end = len;
    else if (*end < 0 && (*end += len) < 0)
        *end = 0;
    if (*start < 0 && (*start += len) < 0)
        *start = 0;
}

/* An integer argument through __index__ (width, count, tabsize...). */
static int kr_bm_ssize(PyObject *v, Py_ssize_t *out)
{
    Py_ssize_t x = PyNumber_AsSsize_t(v, PyExc_OverflowError);
    if (x == -1 && PyErr_Occurred())
        return -1;
    *out = x;
    return 0;
}

/* ---- searching ---- */

/* Index of needle in hay (first or last occurrence), or -1. */
static Py_ssize_t kr_bm_search(const char *hay, Py_ssize_t hn, const char *nd, Py_ssize_t nn,
                               int reverse)
{
    if (nn > hn)
        return -1;
    if (nn == 0)
        return reverse ? hn : 0;
    if (!reverse) {
        const char *p = memmem(hay, (size_t)hn, nd, (size_t)nn);
        return p ? p - hay : -1;
    }
    for (Py_ssize_t i = hn - nn; i >= 0; i--) {
        if (hay[i] == nd[0] && memcmp(hay + i, nd, (size_t)nn) == 0)
            return i;
    }
    return -1;
}

/* Non-overlapping occurrences of needle (nn > 0), at most maxcount. */
static Py_ssize_t kr_bm_count_in(const char *hay, Py_ssize_t hn, const char *nd, Py_ssize_t nn,
                                 Py_ssize_t maxcount)
{
    Py_ssize_t count = 0, i = 0;
    while (count < maxcount) {
        Py_ssize_t j = kr_bm_search(hay + i, hn - i, nd, nn, 0);
        if (j < 0)
            break;
        count++;
        i += j + nn;
    }
    return count;
}

/* The needle of find/count/index/...: an int in range(256) or a
 * bytes-like object.  For an int, *byte holds it and view->obj is NULL. */
static int kr_bm_needle(PyObject *sub, Py_buffer *view, char *byte)
{
    view->obj = NULL;
    if (PyIndex_Check(sub)) {
        Py_ssize_t v = PyNumber_AsSsize_t(sub, NULL);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (char)v;
        view->buf = byte;
        view->len = 1;
        return 0;
    }
    if (!PyObject_CheckBuffer(sub)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                     Py_TYPE(sub)->tp_name);
        return -1;
    }
    return kr_bm_buf(sub, view);
}

int kr_bytes_contains(const char *data, Py_ssize_t n, PyObject *x)
{
    Py_buffer view;
    char byte;
    if (PyIndex_Check(x)) {
        if (kr_bm_needle(x, &view, &byte) < 0)
            return -1;
        return n > 0 && memchr(data, (unsigned char)byte, (size_t)n) != NULL;
    }
    if (kr_bm_buf(x, &view) < 0)
        return -1;
    int r = kr_bm_search(data, n, view.buf, view.len, 0) >= 0;
    PyBuffer_Release(&view);
    return r;
}

enum { KR_BM_FIND, KR_BM_RFIND, KR_BM_INDEX, KR_BM_RINDEX, KR_BM_COUNT };

/* find, rfind, index, rindex and count: (sub[, start[, end]]). */
static PyObject *kr_bm_find_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                   const char *name, int kind)
{
    if (kr_bm_argc(name, nargs, 1, 3) < 0)
        return NULL;
    Py_ssize_t start = 0, end = PY_SSIZE_T_MAX;
    Py_buffer view;
    char byte;
    if (kr_bm_slice_index(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        kr_bm_slice_index(nargs > 2 ? args[2] : NULL, &end) < 0 ||
        kr_bm_needle(args[0], &view, &byte) < 0)
        return NULL;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    kr_bm_adjust(len, &start, &end);
    Py_ssize_t r;
    if (kind == KR_BM_COUNT) {
        if (start > len || end < start)
            r = 0;
        else if (view.len == 0)
            r = end - start + 1;
        else
            r = kr_bm_count_in(data + start, end - start, view.buf, view.len, PY_SSIZE_T_MAX);
    } else {
        r = -1;
        if (start <= len && end >= start) {
            r = kr_bm_search(data + start, end - start, view.buf, view.len,
                             kind == KR_BM_RFIND || kind == KR_BM_RINDEX);
            if (r >= 0)
                r += start;
        }
    }
    PyBuffer_Release(&view);
    if (r < 0 && (kind == KR_BM_INDEX || kind == KR_BM_RINDEX)) {
        PyErr_SetString(PyExc_ValueError, "subsection not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

PyObject *kr_bm_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_find_common(self, args, nargs, "find", KR_BM_FIND);
}

PyObject *kr_bm_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_find_common(self, args, nargs, "rfind", KR_BM_RFIND);
}

PyObject *kr_bm_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_find_common(self, args, nargs, "index", KR_BM_INDEX);
}

PyObject *kr_bm_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_find_common(self, args, nargs, "rindex", KR_BM_RINDEX);
}

PyObject *kr_bm_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_find_common(self, args, nargs, "count", KR_BM_COUNT);
}

/* Does data[start:end] start (or end) with the bytes-like `sub`? */
static int kr_bm_tailmatch(PyObject *self, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                           int at_end)
{
    Py_buffer view;
    if (kr_bm_buf(sub, &view) < 0)
        return -1;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    kr_bm_adjust(len, &start, &end);
    int r = 0;
    if (start <= len && end - start >= view.len) {
        if (at_end)
            start = end - view.len;
        r = memcmp(data + start, view.buf, (size_t)view.len) == 0;
    }
    PyBuffer_Release(&view);
    return r;
}

static PyObject *kr_bm_startsend(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 const char *name, int at_end)
{
    if (kr_bm_argc(name, nargs, 1, 3) < 0)
        return NULL;
    Py_ssize_t start = 0, end = PY_SSIZE_T_MAX;
    if (kr_bm_slice_index(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        kr_bm_slice_index(nargs > 2 ? args[2] : NULL, &end) < 0)
        return NULL;
    PyObject *sub = args[0];
    if (PyTuple_Check(sub)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sub); i++) {
            int r = kr_bm_tailmatch(self, PyTuple_GET_ITEM(sub, i), start, end, at_end);
            if (r != 0)
                return r < 0 ? NULL : Py_NewRef(Py_True);
        }
        Py_RETURN_FALSE;
    }
    if (!PyObject_CheckBuffer(sub)) {
        PyErr_Format(PyExc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                     name, Py_TYPE(sub)->tp_name);
        return NULL;
    }
    int r = kr_bm_tailmatch(self, sub, start, end, at_end);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

PyObject *kr_bm_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_startsend(self, args, nargs, "startswith", 0);
}

PyObject *kr_bm_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_startsend(self, args, nargs, "endswith", 1);
}

/* ---- predicates ---- */

enum { KR_BM_ALNUM, KR_BM_ALPHA, KR_BM_DIGIT, KR_BM_SPACE };

static PyObject *kr_bm_all(PyObject *self, unsigned int mask)
{
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    if (len == 0)
        Py_RETURN_FALSE;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (!(_Py_ctype_table[(unsigned char)data[i]] & mask))
            Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

PyObject *kr_bm_isalnum(PyObject *self, PyObject *unused) { return kr_bm_all(self, PY_CTF_ALNUM); }
PyObject *kr_bm_isalpha(PyObject *self, PyObject *unused) { return kr_bm_all(self, PY_CTF_ALPHA); }
PyObject *kr_bm_isdigit(PyObject *self, PyObject *unused) { return kr_bm_all(self, PY_CTF_DIGIT); }
PyObject *kr_bm_isspace(PyObject *self, PyObject *unused) { return kr_bm_all(self, PY_CTF_SPACE); }

PyObject *kr_bm_isascii(PyObject *self, PyObject *unused)
{
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    for (Py_ssize_t i = 0; i < len; i++) {
        if ((unsigned char)data[i] >= 128)
            Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

/* islower/isupper: some cased byte, and none of the other case. */
static PyObject *kr_bm_iscase(PyObject *self, unsigned int want, unsigned int other)
{
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned int f = _Py_ctype_table[(unsigned char)data[i]];
        if (f & other)
            Py_RETURN_FALSE;
        if (f & want)
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

PyObject *kr_bm_islower(PyObject *self, PyObject *unused)
{
    return kr_bm_iscase(self, PY_CTF_LOWER, PY_CTF_UPPER);
}

PyObject *kr_bm_isupper(PyObject *self, PyObject *unused)
{
    return kr_bm_iscase(self, PY_CTF_UPPER, PY_CTF_LOWER);
}

PyObject *kr_bm_istitle(PyObject *self, PyObject *unused)
{
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    int cased = 0, previous_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (Py_ISUPPER(c)) {
            if (previous_cased)
                Py_RETURN_FALSE;
            previous_cased = cased = 1;
        } else if (Py_ISLOWER(c)) {
            if (!previous_cased)
                Py_RETURN_FALSE;
            previous_cased = cased = 1;
        } else {
            previous_cased = 0;
        }
    }
    return PyBool_FromLong(cased);
}

/* ---- case mapping ---- */

enum { KR_BM_LOWER, KR_BM_UPPER, KR_BM_SWAPCASE, KR_BM_CAPITALIZE, KR_BM_TITLE };

static PyObject *kr_bm_case(PyObject *self, int how)
{
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    char *out;
    PyObject *r = kr_bm_new(self, len, &out);
    if (r == NULL)
        return NULL;
    kr_bm_self(self, &data, &len);
    int previous_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        switch (how) {
        case KR_BM_LOWER:
            c = Py_TOLOWER(c);
            break;
        case KR_BM_UPPER:
            c = Py_TOUPPER(c);
            break;
        case KR_BM_SWAPCASE:
            c = Py_ISUPPER(c) ? Py_TOLOWER(c) : Py_TOUPPER(c);
            break;
        case KR_BM_CAPITALIZE:
            c = i == 0 ? Py_TOUPPER(c) : Py_TOLOWER(c);
            break;
        default:
            if (Py_ISUPPER(c) || Py_ISLOWER(c)) {
                c = previous_cased ? Py_TOLOWER(c) : Py_TOUPPER(c);
                previous_cased = 1;
            } else {
                previous_cased = 0;
            }
        }
        out[i] = (char)c;
    }
    return r;
}

PyObject *kr_bm_lower(PyObject *self, PyObject *unused) { return kr_bm_case(self, KR_BM_LOWER); }
PyObject *kr_bm_upper(PyObject *self, PyObject *unused) { return kr_bm_case(self, KR_BM_UPPER); }
PyObject *kr_bm_swapcase(PyObject *self, PyObject *unused) { return kr_bm_case(self, KR_BM_SWAPCASE); }
PyObject *kr_bm_capitalize(PyObject *self, PyObject *unused) { return kr_bm_case(self, KR_BM_CAPITALIZE); }
PyObject *kr_bm_title(PyObject *self, PyObject *unused) { return kr_bm_case(self, KR_BM_TITLE); }

/* ---- padding ---- */

/* The optional fill byte of center/ljust/rjust: bytes or bytearray of
 * length 1. */
static int kr_bm_fillchar(const char *name, PyObject *v, char *fill)
{
    if (v == NULL)
        return 0;
    if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1) {
        *fill = PyBytes_AS_STRING(v)[0];
        return 0;
    }
    if (PyByteArray_Check(v) && PyByteArray_GET_SIZE(v) == 1) {
        *fill = PyByteArray_AS_STRING(v)[0];
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s",
                 name, Py_TYPE(v)->tp_name);
    return -1;
}

/* data padded with `left` and `right` fill bytes. */
static PyObject *kr_bm_pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, char fill)
{
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return kr_bm_make(self, data, len);
    char *out;
    PyObject *r = kr_bm_new(self, left + len + right, &out);
    if (r == NULL)
        return NULL;
    memset(out, fill, (size_t)left);
    memcpy(out + left, data, (size_t)len);
    memset(out + left + len, fill, (size_t)right);
    return r;
}

static PyObject *kr_bm_justify(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               const char *name)
{
    Py_ssize_t width;
    char fill = ' ';
    if (!_PyArg_CheckPositional(name, nargs, 1, 2) || kr_bm_ssize(args[0], &width) < 0 ||
        kr_bm_fillchar(name, nargs > 1 ? args[1] : NULL, &fill) < 0)
        return NULL;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    Py_ssize_t marg = width - len;
    if (marg <= 0)
        return kr_bm_pad(self, 0, 0, fill);
    switch (name[0]) {
    case 'l':
        return kr_bm_pad(self, 0, marg, fill);
    case 'r':
        return kr_bm_pad(self, marg, 0, fill);
    default: {
        /* CPython puts the odd byte left when the width is odd. */
        Py_ssize_t left = marg / 2 + (marg & width & 1);
        return kr_bm_pad(self, left, marg - left, fill);
    }
    }
}

PyObject *kr_bm_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_justify(self, args, nargs, "center");
}

PyObject *kr_bm_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_justify(self, args, nargs, "ljust");
}

PyObject *kr_bm_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_justify(self, args, nargs, "rjust");
}

PyObject *kr_bm_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width;
    if (kr_bm_ssize(arg, &width) < 0)
        return NULL;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    if (width <= len)
        return kr_bm_pad(self, 0, 0, '0');
    PyObject *r = kr_bm_pad(self, width - len, 0, '0');
    if (r == NULL)
        return NULL;
    char *out = PyBytes_Check(r) ? PyBytes_AS_STRING(r) : PyByteArray_AS_STRING(r);
    Py_ssize_t fill = width - len;
    if (out[fill] == '+' || out[fill] == '-') {
        out[0] = out[fill];
        out[fill] = '0';
    }
    return r;
}

static const char *const kr_bm_expandtabs_names[] = {"tabsize", NULL};
static const kr_argspec kr_bm_expandtabs_spec = {"expandtabs", kr_bm_expandtabs_names, 0, 0, 1};

PyObject *kr_bm_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames)
{
    PyObject *a[1];
    Py_ssize_t tabsize = 8;
    if (kr_args_unpack(&kr_bm_expandtabs_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[0] != NULL) {
        int t = _PyLong_AsInt(a[0]);
        if (t == -1 && PyErr_Occurred())
            return NULL;
        tabsize = t;
    }
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    /* Two passes: measure, then fill. */
    Py_ssize_t total = 0, col = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (data[i] == '\t') {
            if (tabsize > 0) {
                Py_ssize_t inc = tabsize - col % tabsize;
                if (total > PY_SSIZE_T_MAX - inc)
                    goto overflow;
                total += inc;
                col += inc;
            }
        } else {
            if (total > PY_SSIZE_T_MAX - 1)
                goto overflow;
            total++;
            col = (data[i] == '\n' || data[i] == '\r') ? 0 : col + 1;
        }
    }
    char *out;
    PyObject *r = kr_bm_new(self, total, &out);
    if (r == NULL)
        return NULL;
    col = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (data[i] == '\t') {
            if (tabsize > 0) {
                Py_ssize_t inc = tabsize - col % tabsize;
                memset(out, ' ', (size_t)inc);
                out += inc;
                col += inc;
            }
        } else {
            *out++ = data[i];
            col = (data[i] == '\n' || data[i] == '\r') ? 0 : col + 1;
        }
    }
    return r;
overflow:
    PyErr_SetString(PyExc_OverflowError, "result too long");
    return NULL;
}

/* ---- stripping ---- */

enum { KR_BM_LEFT = 1, KR_BM_RIGHT = 2, KR_BM_BOTH = 3 };

static PyObject *kr_bm_strip_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    const char *name, int where)
{
    if (!_PyArg_CheckPositional(name, nargs, 0, 1))
        return NULL;
    Py_buffer view;
    view.obj = NULL;
    int use_set = nargs > 0 && args[0] != Py_None;
    unsigned char set[256];
    if (use_set) {
        if (kr_bm_buf(args[0], &view) < 0)
            return NULL;
        memset(set, 0, sizeof set);
        for (Py_ssize_t i = 0; i < view.len; i++)
            set[((unsigned char *)view.buf)[i]] = 1;
        PyBuffer_Release(&view);
    }
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    Py_ssize_t i = 0, j = len;
#define KR_BM_STRIPPABLE(c) (use_set ? set[(unsigned char)(c)] : Py_ISSPACE(c))
    if (where & KR_BM_LEFT)
        while (i < j && KR_BM_STRIPPABLE(data[i]))
            i++;
    if (where & KR_BM_RIGHT)
        while (j > i && KR_BM_STRIPPABLE(data[j - 1]))
            j--;
#undef KR_BM_STRIPPABLE
    return kr_bm_make(self, data + i, j - i);
}

PyObject *kr_bm_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_strip_common(self, args, nargs, "strip", KR_BM_BOTH);
}

PyObject *kr_bm_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_strip_common(self, args, nargs, "lstrip", KR_BM_LEFT);
}

PyObject *kr_bm_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_bm_strip_common(self, args, nargs, "rstrip", KR_BM_RIGHT);
}

static PyObject *kr_bm_affix(PyObject *self, PyObject *arg, int suffix)
{
    Py_buffer view;
    if (kr_bm_buf(arg, &view) < 0)
        return NULL;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    Py_ssize_t n = view.len;
    int match = n <= len && memcmp(suffix ? data + len - n : data, view.buf, (size_t)n) == 0;
    PyBuffer_Release(&view);
    if (!match || n == 0)
        return kr_bm_make(self, data, len);
    return kr_bm_make(self, suffix ? data : data + n, len - n);
}

PyObject *kr_bm_removeprefix(PyObject *self, PyObject *arg) { return kr_bm_affix(self, arg, 0); }
PyObject *kr_bm_removesuffix(PyObject *self, PyObject *arg) { return kr_bm_affix(self, arg, 1); }

/* ---- splitting ---- */

/* Appends data[i:j] (of the receiver's type) to list. */
static int kr_bm_append(PyObject *list, PyObject *self, const char *data, Py_ssize_t i,
                        Py_ssize_t j)
{
    PyObject *part = kr_bm_make(self, data + i, j - i);
    if (part == NULL)
        return -1;
    int r = PyList_Append(list, part);
    Py_DECREF(part);
    return r;
}

static const char *const kr_bm_split_names[] = {"sep", "maxsplit", NULL};
static const kr_argspec kr_bm_split_spec = {"split", kr_bm_split_names, 0, 0, 2};
static const kr_argspec kr_bm_rsplit_spec = {"rsplit", kr_bm_split_names, 0, 0, 2};

static PyObject *kr_bm_split_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames, int reverse)
{
    PyObject *a[2];
    Py_ssize_t maxsplit = -1;
    if (kr_args_unpack(reverse ? &kr_bm_rsplit_spec : &kr_bm_split_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[1] != NULL && kr_bm_ssize(a[1], &maxsplit) < 0)
        return NULL;
    Py_buffer view;
    view.obj = NULL;
    int have_sep = a[0] != NULL && a[0] != Py_None;
    if (have_sep) {
        if (kr_bm_buf(a[0], &view) < 0)
            return NULL;
        if (view.len == 0) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_ValueError, "empty separator");
            return NULL;
        }
    }
    if (maxsplit < 0)
        maxsplit = PY_SSIZE_T_MAX;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    PyObject *list = PyList_New(0);
    if (list == NULL)
        goto fail;
    if (!have_sep) {
        /* Runs of ASCII whitespace separate; once maxsplit is used up the
         * rest (minus its leading whitespace) is the last item. */
        if (!reverse) {
            Py_ssize_t i = 0;
            while (maxsplit-- > 0) {
                while (i < len && Py_ISSPACE(data[i]))
                    i++;
                if (i == len)
                    break;
                Py_ssize_t j = i++;
                while (i < len && !Py_ISSPACE(data[i]))
                    i++;
                if (kr_bm_append(list, self, data, j, i) < 0)
                    goto fail;
            }
            while (i < len && Py_ISSPACE(data[i]))
                i++;
            if (i < len && kr_bm_append(list, self, data, i, len) < 0)
                goto fail;
        } else {
            Py_ssize_t i = len - 1;
            while (maxsplit-- > 0) {
                while (i >= 0 && Py_ISSPACE(data[i]))
                    i--;
                if (i < 0)
                    break;
                Py_ssize_t j = i--;
                while (i >= 0 && !Py_ISSPACE(data[i]))
                    i--;
                if (kr_bm_append(list, self, data, i + 1, j + 1) < 0)
                    goto fail;
            }
            while (i >= 0 && Py_ISSPACE(data[i]))
                i--;
            if (i >= 0 && kr_bm_append(list, self, data, 0, i + 1) < 0)
                goto fail;
            if (PyList_Reverse(list) < 0)
                goto fail;
        }
    } else {
        const char *sep = view.buf;
        Py_ssize_t n = view.len;
        if (!reverse) {
            Py_ssize_t i = 0;
            while (maxsplit-- > 0) {
                Py_ssize_t k = kr_bm_search(data + i, len - i, sep, n, 0);
                if (k < 0)
                    break;
                if (kr_bm_append(list, self, data, i, i + k) < 0)
                    goto fail;
                i += k + n;
            }
            if (kr_bm_append(list, self, data, i, len) < 0)
                goto fail;
        } else {
            Py_ssize_t j = len;
            while (maxsplit-- > 0) {
                Py_ssize_t k = kr_bm_search(data, j, sep, n, 1);
                if (k < 0)
                    break;
                if (kr_bm_append(list, self, data, k + n, j) < 0)
                    goto fail;
                j = k;
            }
            if (kr_bm_append(list, self, data, 0, j) < 0 || PyList_Reverse(list) < 0)
                goto fail;
        }
    }
    PyBuffer_Release(&view);
    return list;
fail:
    PyBuffer_Release(&view);
    Py_XDECREF(list);
    return NULL;
}

PyObject *kr_bm_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return kr_bm_split_common(self, args, nargs, kwnames, 0);
}

PyObject *kr_bm_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return kr_bm_split_common(self, args, nargs, kwnames, 1);
}

static const char *const kr_bm_splitlines_names[] = {"keepends", NULL};
static const kr_argspec kr_bm_splitlines_spec = {"splitlines", kr_bm_splitlines_names, 0, 0, 1};

PyObject *kr_bm_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames)
{
    PyObject *a[1];
    int keepends = 0;
    if (kr_args_unpack(&kr_bm_splitlines_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[0] != NULL) {
        keepends = _PyLong_AsInt(a[0]);
        if (keepends == -1 && PyErr_Occurred())
            return NULL;
    }
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t j = i;
        while (j < len && data[j] != '\n' && data[j] != '\r')
            j++;
        Py_ssize_t eol = j;
        if (j < len) {
            j += (data[j] == '\r' && j + 1 < len && data[j + 1] == '\n') ? 2 : 1;
            if (keepends)
                eol = j;
        }
        if (kr_bm_append(list, self, data, i, eol) < 0) {
            Py_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static PyObject *kr_bm_partition_common(PyObject *self, PyObject *arg, int reverse)
{
    Py_buffer view;
    if (kr_bm_buf(arg, &view) < 0)
        return NULL;
    if (view.len == 0) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    Py_ssize_t k = kr_bm_search(data, len, view.buf, view.len, reverse);
    PyObject *parts[3];
    if (k < 0) {
        parts[reverse ? 2 : 0] = kr_bm_make(self, data, len);
        parts[1] = kr_bm_make(self, data, 0);
        parts[reverse ? 0 : 2] = kr_bm_make(self, data, 0);
    } else {
        parts[0] = kr_bm_make(self, data, k);
        /* bytes hands back the separator object itself, as CPython does. */
        parts[1] = PyBytes_Check(self) ? Py_NewRef(arg) : kr_bm_make(self, view.buf, view.len);
        parts[2] = kr_bm_make(self, data + k + view.len, len - k - view.len);
    }
    PyBuffer_Release(&view);
    if (parts[0] == NULL || parts[1] == NULL || parts[2] == NULL) {
        Py_XDECREF(parts[0]);
        Py_XDECREF(parts[1]);
        Py_XDECREF(parts[2]);
        return NULL;
    }
    PyObject *r = PyTuple_New(3);
    if (r == NULL) {
        Py_DECREF(parts[0]);
        Py_DECREF(parts[1]);
        Py_DECREF(parts[2]);
        return NULL;
    }
    for (int i = 0; i < 3; i++)
        PyTuple_SET_ITEM(r, i, parts[i]);
    return r;
}

PyObject *kr_bm_partition(PyObject *self, PyObject *arg) { return kr_bm_partition_common(self, arg, 0); }
PyObject *kr_bm_rpartition(PyObject *self, PyObject *arg) { return kr_bm_partition_common(self, arg, 1); }

/* ---- join, replace, translate ---- */

/* sep.join(iterable): every item must be bytes-like.  The result has the
 * type of `self` (bytes for _PyBytes_Join).  New reference. */
PyObject *kr_bm_join(PyObject *self, PyObject *iterable)
{
    PyObject *seq = PySequence_Fast(iterable, "can only join an iterable");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    if (n == 1 && PyBytes_CheckExact(items[0]) && PyBytes_CheckExact(self)) {
        PyObject *r = Py_NewRef(items[0]);
        Py_DECREF(seq);
        return r;
    }
    Py_buffer small[16], *views = small;
    if (n > 16) {
        views = PyMem_Malloc((size_t)n * sizeof(Py_buffer));
        if (views == NULL) {
            Py_DECREF(seq);
            return PyErr_NoMemory();
        }
    }
    PyObject *r = NULL;
    Py_ssize_t got = 0, total = 0;
    for (; got < n; got++) {
        if (PyObject_GetBuffer(items[got], &views[got], PyBUF_SIMPLE) < 0) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found",
                         got, Py_TYPE(items[got])->tp_name);
            goto done;
        }
        if (views[got].len > PY_SSIZE_T_MAX - total) {
            got++;
            PyErr_SetString(PyExc_OverflowError, "join() result is too long");
            goto done;
        }
        total += views[got].len;
    }
    const char *sep;
    Py_ssize_t seplen;
    kr_bm_self(self, &sep, &seplen);
    if (n > 1 && seplen > (PY_SSIZE_T_MAX - total) / (n - 1)) {
        PyErr_SetString(PyExc_OverflowError, "join() result is too long");
        goto done;
    }
    if (n > 0)
        total += seplen * (n - 1);
    char *out;
    r = kr_bm_new(self, total, &out);
    if (r == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0) {
            memcpy(out, sep, (size_t)seplen);
            out += seplen;
        }
        memcpy(out, views[i].buf, (size_t)views[i].len);
        out += views[i].len;
    }
done:
    for (Py_ssize_t i = 0; i < got; i++)
        PyBuffer_Release(&views[i]);
    if (views != small)
        PyMem_Free(views);
    Py_DECREF(seq);
    return r;
}

PyObject *_PyBytes_Join(PyObject *sep, PyObject *x)
{
    return kr_bm_join(sep, x);
}

PyObject *kr_bm_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t maxcount = -1;
    if (!_PyArg_CheckPositional("replace", nargs, 2, 3))
        return NULL;
    Py_buffer old, new_;
    if (kr_bm_buf(args[0], &old) < 0)
        return NULL;
    if (kr_bm_buf(args[1], &new_) < 0) {
        PyBuffer_Release(&old);
        return NULL;
    }
    PyObject *r = NULL;
    if (nargs > 2 && kr_bm_ssize(args[2], &maxcount) < 0)
        goto done;
    if (maxcount < 0)
        maxcount = PY_SSIZE_T_MAX;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    Py_ssize_t count;
    if (old.len == 0)
        count = len + 1 < maxcount ? len + 1 : maxcount;
    else
        count = kr_bm_count_in(data, len, old.buf, old.len, maxcount);
    if (count == 0) {
        r = kr_bm_make(self, data, len);
        goto done;
    }
    Py_ssize_t delta = new_.len - old.len;
    if (delta > 0 && count > (PY_SSIZE_T_MAX - len) / delta) {
        PyErr_SetString(PyExc_OverflowError, "replace bytes is too long");
        goto done;
    }
    char *out;
    r = kr_bm_new(self, len + count * delta, &out);
    if (r == NULL)
        goto done;
    Py_ssize_t i = 0;
    for (Py_ssize_t c = 0; c < count; c++) {
        Py_ssize_t k;
        if (old.len == 0)
            k = c == 0 ? 0 : 1;
        else
            k = kr_bm_search(data + i, len - i, old.buf, old.len, 0);
        if (k < 0)
            break;   /* (cannot happen: count occurrences were found above) */
        memcpy(out, data + i, (size_t)k);
        out += k;
        memcpy(out, new_.buf, (size_t)new_.len);
        out += new_.len;
        i += k + old.len;
    }
    memcpy(out, data + i, (size_t)(len - i));
done:
    PyBuffer_Release(&old);
    PyBuffer_Release(&new_);
    return r;
}

static const char *const kr_bm_translate_names[] = {"", "delete", NULL};
static const kr_argspec kr_bm_translate_spec = {"translate", kr_bm_translate_names, 1, 1, 2};

PyObject *kr_bm_translate(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames)
{
    PyObject *a[2];
    if (kr_args_unpack(&kr_bm_translate_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    Py_buffer table, del;
    table.obj = del.obj = NULL;
    table.buf = NULL;
    if (a[0] != Py_None) {
        if (kr_bm_buf(a[0], &table) < 0)
            return NULL;
        if (table.len != 256) {
            PyBuffer_Release(&table);
            PyErr_SetString(PyExc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    unsigned char deleted[256];
    memset(deleted, 0, sizeof deleted);
    if (a[1] != NULL) {
        if (kr_bm_buf(a[1], &del) < 0) {
            PyBuffer_Release(&table);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < del.len; i++)
            deleted[((unsigned char *)del.buf)[i]] = 1;
        PyBuffer_Release(&del);
    }
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    const unsigned char *map = table.buf;
    Py_ssize_t kept = 0;
    int changed = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (deleted[c])
            changed = 1;
        else {
            kept++;
            if (map != NULL && map[c] != c)
                changed = 1;
        }
    }
    PyObject *r;
    char *out;
    if (!changed)
        r = kr_bm_make(self, data, len);
    else if ((r = kr_bm_new(self, kept, &out)) != NULL) {
        for (Py_ssize_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)data[i];
            if (!deleted[c])
                *out++ = (char)(map ? map[c] : c);
        }
    }
    PyBuffer_Release(&table);
    return r;
}

PyObject *kr_bm_maketrans(PyObject *unused, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("maketrans", nargs, 2, 2))
        return NULL;
    Py_buffer frm, to;
    if (kr_bm_buf(args[0], &frm) < 0)
        return NULL;
    if (kr_bm_buf(args[1], &to) < 0) {
        PyBuffer_Release(&frm);
        return NULL;
    }
    PyObject *r = NULL;
    if (frm.len != to.len) {
        PyErr_SetString(PyExc_ValueError, "maketrans arguments must have same length");
    } else if ((r = kr_bytes_alloc(256)) != NULL) {
        unsigned char *p = (unsigned char *)PyBytes_AS_STRING(r);
        for (int i = 0; i < 256; i++)
            p[i] = (unsigned char)i;
        for (Py_ssize_t i = 0; i < frm.len; i++)
            p[((unsigned char *)frm.buf)[i]] = ((unsigned char *)to.buf)[i];
    }
    PyBuffer_Release(&frm);
    PyBuffer_Release(&to);
    return r;
}

/* ---- hex and fromhex ---- */

/* data as hex digits, with an optional one-character separator every
 * |bytes_per_sep| bytes (counted from the right when positive).  Returns
 * str, or bytes when as_bytes.  New reference. */
PyObject *kr_bytes_hex_data(const char *data, Py_ssize_t n, PyObject *sep, PyObject *bps_obj,
                            int as_bytes)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char sepc = 0;
    Py_ssize_t bps = 1;
    if (bps_obj != NULL) {
        int v = _PyLong_AsInt(bps_obj);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        bps = v;
    }
    if (sep != NULL) {
        Py_ssize_t sl = PyObject_Length(sep);
        if (sl < 0)
            return NULL;
        if (sl != 1) {
            PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if (PyUnicode_Check(sep)) {
            Py_UCS4 ch = PyUnicode_ReadChar(sep, 0);
            if (ch > 127) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sepc = (unsigned char)ch;
        } else if (PyBytes_Check(sep)) {
            sepc = (unsigned char)PyBytes_AS_STRING(sep)[0];
            if (sepc > 127 && !as_bytes) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
        } else {
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
    } else {
        bps = 0;
    }
    Py_ssize_t group = bps < 0 ? -bps : bps;
    Py_ssize_t nsep = (group > 0 && n > 0) ? (n - 1) / group : 0;
    if (n > (PY_SSIZE_T_MAX - nsep) / 2)
        return PyErr_NoMemory();
    Py_ssize_t outlen = n * 2 + nsep;
    char small[256], *buf = small;
    if (outlen > (Py_ssize_t)sizeof small && (buf = PyMem_Malloc((size_t)outlen)) == NULL)
        return PyErr_NoMemory();
    char *p = buf;
    /* A separator goes before byte i when i (counted from the grouping
     * end) starts a new group. */
    for (Py_ssize_t i = 0; i < n; i++) {
        if (nsep > 0 && i > 0) {
            Py_ssize_t pos = bps > 0 ? n - i : i;
            if (pos % group == 0)
                *p++ = (char)sepc;
        }
        unsigned char c = (unsigned char)data[i];
        *p++ = digits[c >> 4];
        *p++ = digits[c & 15];
    }
    PyObject *r = as_bytes ? PyBytes_FromStringAndSize(buf, outlen)
                           : PyUnicode_FromStringAndSize(buf, outlen);
    if (buf != small)
        PyMem_Free(buf);
    return r;
}

static const char *const kr_bm_hex_names[] = {"sep", "bytes_per_sep", NULL};
static const kr_argspec kr_bm_hex_spec = {"hex", kr_bm_hex_names, 0, 0, 2};

PyObject *kr_bm_hex(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *a[2];
    if (kr_args_unpack(&kr_bm_hex_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    const char *data;
    Py_ssize_t len;
    if (a[1] != NULL) {
        /* Convert first: its __index__ might resize a bytearray. */
        int v = _PyLong_AsInt(a[1]);
        if (v == -1 && PyErr_Occurred())
            return NULL;
    }
    kr_bm_self(self, &data, &len);
    return kr_bytes_hex_data(data, len, a[0], a[1], 0);
}

static int kr_bm_hexval(Py_UCS4 c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

PyObject *_PyBytes_FromHex(PyObject *string, int use_bytearray)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %.50s",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GetLength(string);
    char small[128], *buf = small;
    if (n / 2 > (Py_ssize_t)sizeof small && (buf = PyMem_Malloc((size_t)(n / 2))) == NULL)
        return PyErr_NoMemory();
    Py_ssize_t out = 0, i = 0;
    PyObject *r = NULL;
    while (i < n) {
        Py_UCS4 c = PyUnicode_ReadChar(string, i);
        if (c < 128 && Py_ISSPACE(c)) {
            i++;
            continue;
        }
        int hi = kr_bm_hexval(c);
        if (hi < 0)
            goto bad;
        i++;
        int lo = i < n ? kr_bm_hexval(PyUnicode_ReadChar(string, i)) : -1;
        if (lo < 0)
            goto bad;
        i++;
        buf[out++] = (char)(hi * 16 + lo);
    }
    r = use_bytearray ? PyByteArray_FromStringAndSize(buf, out) : PyBytes_FromStringAndSize(buf, out);
    goto done;
bad:
    PyErr_Format(PyExc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i);
done:
    if (buf != small)
        PyMem_Free(buf);
    return r;
}

/* bytes.fromhex / bytearray.fromhex: a subclass gets type(result). */
PyObject *kr_bm_fromhex(PyObject *cls, PyObject *string)
{
    PyTypeObject *type = (PyTypeObject *)cls;
    int use_bytearray = PyType_IsSubtype(type, &PyByteArray_Type);
    PyObject *r = _PyBytes_FromHex(string, use_bytearray);
    if (r != NULL && type != &PyBytes_Type && type != &PyByteArray_Type)
        Py_SETREF(r, PyObject_CallOneArg(cls, r));
    return r;
}

/* ---- decode ---- */

static const char *const kr_bm_decode_names[] = {"encoding", "errors", NULL};
static const kr_argspec kr_bm_decode_spec = {"decode", kr_bm_decode_names, 0, 0, 2};

/* An optional str argument of a clinic-style method, as a C string. */
static int kr_bm_str_arg(const char *fname, const char *argname, PyObject *v, const char **out)
{
    if (v == NULL)
        return 0;
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str, not %.50s", fname, argname,
                     Py_TYPE(v)->tp_name);
        return -1;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(v, &n);
    if (s == NULL)
        return -1;
    if ((size_t)n != strlen(s)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    *out = s;
    return 0;
}

PyObject *kr_bm_decode(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *a[2];
    const char *encoding = NULL, *errors = NULL;
    if (kr_args_unpack(&kr_bm_decode_spec, args, nargs, kwnames, a) < 0 ||
        kr_bm_str_arg("decode", "encoding", a[0], &encoding) < 0 ||
        kr_bm_str_arg("decode", "errors", a[1], &errors) < 0)
        return NULL;
    const char *data;
    Py_ssize_t len;
    kr_bm_self(self, &data, &len);
    return PyUnicode_Decode(data, len, encoding, errors);
}
