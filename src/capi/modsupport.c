/* modsupport.c: Py_BuildValue and its variants (building Python values
 * from C values by a format string), _Py_VaBuildStack, and the
 * PyModule_Add* helpers.
 *
 * The format grammar is CPython's: one unit per value, "(...)" a tuple,
 * "[...]" a list, "{k:v,...}" a dict, separators ' ', '\t', ',' and ':'
 * ignored.  A top-level format with several units builds a tuple; one
 * unit builds that value; an empty format builds None.  On an error in
 * the middle, the remaining arguments are still consumed and every "N"
 * argument released, so the caller's references stay balanced. */
#include "internal.h"

#define FLAG_SIZE_T 1

typedef struct {
    const char *fmt;
    va_list *va;
    int flags;
} builder;

static PyObject *build_one(builder *b);

/* Number of units up to `endchar` at this nesting level, or -1 with
 * SystemError on an unbalanced format. */
static Py_ssize_t count_units(const char *f, char endchar)
{
    Py_ssize_t count = 0;
    int level = 0;
    for (; level > 0 || *f != endchar; f++) {
        switch (*f) {
        case '\0':
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
            return -1;
        case '(': case '[': case '{':
            if (level == 0)
                count++;
            level++;
            break;
        case ')': case ']': case '}':
            level--;
            break;
        case '#': case '&': case ',': case ':': case ' ': case '\t':
            break;
        default:
            if (level == 0)
                count++;
        }
    }
    return count;
}

static void skip_separators(builder *b)
{
    while (*b->fmt == ',' || *b->fmt == ':' || *b->fmt == ' ' || *b->fmt == '\t')
        b->fmt++;
}

/* Consumes and releases the rest of a failed sequence's units, so "N"
 * references are not leaked. */
static void drain(builder *b, Py_ssize_t n)
{
    PyObject *exc = PyErr_GetRaisedException();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = build_one(b);
        Py_XDECREF(v);
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

/* Builds `n` values into a new tuple or list (kind '(' or '['). */
static PyObject *build_sequence(builder *b, char endchar, Py_ssize_t n, int is_list)
{
    PyObject *seq = is_list ? PyList_New(n) : PyTuple_New(n);
    if (seq == NULL) {
        drain(b, n);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = build_one(b);
        if (v == NULL) {
            drain(b, n - i - 1);
            Py_DECREF(seq);
            return NULL;
        }
        if (is_list)
            PyList_SET_ITEM(seq, i, v);
        else
            PyTuple_SET_ITEM(seq, i, v);
    }
    skip_separators(b);
    if (*b->fmt != endchar) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar)
        b->fmt++;
    return seq;
}

static PyObject *build_dict(builder *b, Py_ssize_t n)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        drain(b, n);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i += 2) {
        PyObject *k = build_one(b);
        PyObject *v = build_one(b);
        if (k == NULL || v == NULL || PyDict_SetItem(d, k, v) < 0) {
            Py_XDECREF(k);
            Py_XDECREF(v);
            drain(b, n - i - 2);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    skip_separators(b);
    if (*b->fmt != '}') {
        Py_DECREF(d);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    b->fmt++;
    return d;
}

/* Reads the length argument after a '#' unit: -1 means "up to the NUL". */
static int read_length(builder *b, Py_ssize_t *n)
{
    if (*b->fmt != '#') {
        *n = -1;
        return 1;
    }
    b->fmt++;
    if (b->flags & FLAG_SIZE_T) {
        *n = va_arg(*b->va, Py_ssize_t);
    } else {
        *n = va_arg(*b->va, int);
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "PY_SSIZE_T_CLEAN will be required for '#' formats", 1) < 0)
            return 0;
    }
    return 1;
}

static PyObject *build_one(builder *b)
{
    skip_separators(b);
    char c = *b->fmt++;
    switch (c) {
    case '(': {
        Py_ssize_t n = count_units(b->fmt, ')');
        return n < 0 ? NULL : build_sequence(b, ')', n, 0);
    }
    case '[': {
        Py_ssize_t n = count_units(b->fmt, ']');
        return n < 0 ? NULL : build_sequence(b, ']', n, 1);
    }
    case '{': {
        Py_ssize_t n = count_units(b->fmt, '}');
        if (n < 0)
            return NULL;
        if (n % 2) {
            PyErr_SetString(PyExc_SystemError, "Bad dict format");
            drain(b, n);
            return NULL;
        }
        return build_dict(b, n);
    }
    case 'b': case 'B': case 'h': case 'i':
        return PyLong_FromLong((long)va_arg(*b->va, int));
    case 'H':
        return PyLong_FromLong((long)va_arg(*b->va, unsigned int));
    case 'I':
        return PyLong_FromUnsignedLong((unsigned long)va_arg(*b->va, unsigned int));
    case 'n':
        return PyLong_FromSsize_t(va_arg(*b->va, Py_ssize_t));
    case 'l':
        return PyLong_FromLong(va_arg(*b->va, long));
    case 'k':
        return PyLong_FromUnsignedLong(va_arg(*b->va, unsigned long));
    case 'L':
        return PyLong_FromLongLong(va_arg(*b->va, long long));
    case 'K':
        return PyLong_FromUnsignedLongLong(va_arg(*b->va, unsigned long long));
    case 'f': case 'd':
        return PyFloat_FromDouble(va_arg(*b->va, double));
    case 'D':
        return PyComplex_FromCComplex(*va_arg(*b->va, Py_complex *));
    case 'c': {
        char ch = (char)va_arg(*b->va, int);
        return PyBytes_FromStringAndSize(&ch, 1);
    }
    case 'C':
        return PyUnicode_FromOrdinal(va_arg(*b->va, int));
    case 's': case 'z': case 'U': case 'y': {
        const char *str = va_arg(*b->va, const char *);
        Py_ssize_t n;
        if (!read_length(b, &n))
            return NULL;
        if (str == NULL && c != 'y')
            Py_RETURN_NONE;
        if (str == NULL) {
            PyErr_SetString(PyExc_ValueError, "NULL string passed to Py_BuildValue");
            return NULL;
        }
        if (n < 0)
            n = (Py_ssize_t)strlen(str);
        return c == 'y' ? PyBytes_FromStringAndSize(str, n) : PyUnicode_FromStringAndSize(str, n);
    }
    case 'u': {
        const wchar_t *w = va_arg(*b->va, const wchar_t *);
        Py_ssize_t n;
        if (!read_length(b, &n))
            return NULL;
        if (w == NULL)
            Py_RETURN_NONE;
        return PyUnicode_FromWideChar(w, n);
    }
    case 'N': case 'S': case 'O': {
        if (*b->fmt == '&') {
            b->fmt++;
            PyObject *(*conv)(void *) = va_arg(*b->va, PyObject *(*)(void *));
            void *arg = va_arg(*b->va, void *);
            return conv(arg);
        }
        PyObject *v = va_arg(*b->va, PyObject *);
        if (v == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
            return NULL;
        }
        /* 'N' steals the reference; 'O' and 'S' take a new one. */
        if (c != 'N')
            Py_INCREF(v);
        return v;
    }
    default:
        PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
        return NULL;
    }
}

static PyObject *va_build(const char *format, va_list va, int flags)
{
    va_list copy;
    va_copy(copy, va);
    builder b = {format, &copy, flags};
    PyObject *r;
    Py_ssize_t n = count_units(format, '\0');
    if (n < 0)
        r = NULL;
    else if (n == 0)
        r = Py_NewRef(Py_None);
    else if (n == 1)
        r = build_one(&b);
    else
        r = build_sequence(&b, '\0', n, 0);
    va_end(copy);
    return r;
}

PyObject *Py_VaBuildValue(const char *format, va_list va)
{
    return va_build(format, va, 0);
}

PyObject *_Py_VaBuildValue_SizeT(const char *format, va_list va)
{
    return va_build(format, va, FLAG_SIZE_T);
}

#undef Py_BuildValue
PyObject *Py_BuildValue(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = va_build(format, va, 0);
    va_end(va);
    return r;
}

PyObject *_Py_BuildValue_SizeT(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = va_build(format, va, FLAG_SIZE_T);
    va_end(va);
    return r;
}

/* Builds the arguments into a C array for a vectorcall: small_stack when
 * it is big enough, else PyMem_Malloc'ed memory.  Each element is a new
 * reference. */
PyObject **_Py_VaBuildStack(PyObject **small_stack, Py_ssize_t small_stack_len,
                            const char *format, va_list va, Py_ssize_t *p_nargs)
{
    Py_ssize_t n = count_units(format, '\0');
    if (n < 0)
        return NULL;
    *p_nargs = n;
    if (n == 0)
        return small_stack;
    PyObject **stack = n <= small_stack_len ? small_stack : PyMem_Malloc((size_t)n * sizeof(PyObject *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    va_list copy;
    va_copy(copy, va);
    builder b = {format, &copy, FLAG_SIZE_T};
    for (Py_ssize_t i = 0; i < n; i++) {
        stack[i] = build_one(&b);
        if (stack[i] == NULL) {
            drain(&b, n - i - 1);
            for (Py_ssize_t j = 0; j < i; j++)
                Py_DECREF(stack[j]);
            if (stack != small_stack)
                PyMem_Free(stack);
            va_end(copy);
            return NULL;
        }
    }
    va_end(copy);
    return stack;
}

/* ---- PyModule_Add* ---- */

int PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value)
{
    if (!PyModule_Check(mod)) {
        PyErr_SetString(PyExc_TypeError, "PyModule_AddObjectRef() first argument must be a module");
        return -1;
    }
    if (value == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
        return -1;
    }
    PyObject *d = PyModule_GetDict(mod);
    if (d == NULL) {
        PyErr_Format(PyExc_SystemError, "module '%s' has no __dict__", PyModule_GetName(mod));
        return -1;
    }
    return PyDict_SetItemString(d, name, value);
}

/* Steals a reference to value on success only (CPython's long-standing
 * contract). */
int PyModule_AddObject(PyObject *mod, const char *name, PyObject *value)
{
    int rc = PyModule_AddObjectRef(mod, name, value);
    if (rc == 0)
        Py_DECREF(value);
    return rc;
}

int PyModule_AddIntConstant(PyObject *m, const char *name, long value)
{
    PyObject *obj = PyLong_FromLong(value);
    if (obj == NULL)
        return -1;
    int rc = PyModule_AddObjectRef(m, name, obj);
    Py_DECREF(obj);
    return rc;
}

int PyModule_AddStringConstant(PyObject *m, const char *name, const char *value)
{
    PyObject *obj = PyUnicode_FromString(value);
    if (obj == NULL)
        return -1;
    int rc = PyModule_AddObjectRef(m, name, obj);
    Py_DECREF(obj);
    return rc;
}

int PyModule_AddType(PyObject *module, PyTypeObject *type)
{
    if (PyType_Ready(type) < 0)
        return -1;
    const char *name = _PyType_Name(type);
    return PyModule_AddObjectRef(module, name, (PyObject *)type);
}
