/* unicode_type.c: the str type object (PyUnicode_Type) and what only
 * the type needs: the sequence and mapping slots (len, indexing,
 * slicing, repetition, containment), repr/str, the iterators
 * (str_iterator and str_ascii_iterator), and the constructor
 * str(object='', encoding, errors) including instances of subclasses,
 * which use the non-compact PEP 393 form.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"
#include "objects/indexiter.h"
#include "capi/argparse.h"

/* ------------------------------------------------------------------ */
/* Sequence and mapping protocol */

static Py_ssize_t kr_str_len(PyObject *s)
{
    return PyUnicode_GET_LENGTH(s);
}

Py_ssize_t kr_str_wrap_index(Py_ssize_t i, Py_ssize_t len)
{
    return i < 0 ? i + len : i;
}

static PyObject *kr_str_item(PyObject *s, Py_ssize_t i)
{
    if (i < 0 || i >= PyUnicode_GET_LENGTH(s)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    return kr_str_char(PyUnicode_READ_CHAR(s, i));
}

static PyObject *kr_str_subscript(PyObject *self, PyObject *item)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += len;
        return kr_str_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step, slicelen, i, cur;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        slicelen = PySlice_AdjustIndices(len, &start, &stop, step);
        if (slicelen <= 0)
            return kr_str_empty();
        if (step == 1)
            return PyUnicode_Substring(self, start, start + slicelen);
        int kind = PyUnicode_KIND(self);
        const void *src = PyUnicode_DATA(self);
        Py_UCS4 maxchar = 0;
        for (i = 0, cur = start; i < slicelen; i++, cur += step) {
            Py_UCS4 c = PyUnicode_READ(kind, src, cur);
            if (c > maxchar)
                maxchar = c;
        }
        if (slicelen == 1)
            return kr_str_char(maxchar);
        PyObject *r = kr_str_alloc(slicelen, maxchar);
        if (r == NULL)
            return NULL;
        int rk = PyUnicode_KIND(r);
        void *dst = PyUnicode_DATA(r);
        for (i = 0, cur = start; i < slicelen; i++, cur += step)
            PyUnicode_WRITE(rk, dst, i, PyUnicode_READ(kind, src, cur));
        return r;
    }
    PyErr_Format(PyExc_TypeError, "string indices must be integers, not '%.200s'", Py_TYPE(item)->tp_name);
    return NULL;
}

int PyUnicode_Contains(PyObject *str, PyObject *substr)
{
    Py_ssize_t r;
    if (!PyUnicode_Check(substr)) {
        PyErr_Format(PyExc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                     Py_TYPE(substr)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(str)->tp_name);
        return -1;
    }
    r = kr_str_find(str, substr, 0, PyUnicode_GET_LENGTH(str), 1);
    if (r == -2)
        return -1;
    return r >= 0;
}

/* ------------------------------------------------------------------ */
/* repr */

PyObject *kr_str_repr(PyObject *s)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s), i, outlen = 2, squotes = 0, dquotes = 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_UCS4 maxchar = 127, quote;
    PyObject *r;
    void *out;
    int ok;

    for (i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_ssize_t inc;
        switch (c) {
        case '\'': squotes++; inc = 1; break;
        case '"': dquotes++; inc = 1; break;
        case '\\': case '\t': case '\r': case '\n': inc = 2; break;
        default:
            if (c < ' ' || c == 0x7f)
                inc = 4;
            else if (c < 0x7f)
                inc = 1;
            else if (_PyUnicode_IsPrintable(c)) {
                inc = 1;
                if (c > maxchar)
                    maxchar = c;
            }
            else if (c < 0x100)
                inc = 4;
            else if (c < 0x10000)
                inc = 6;
            else
                inc = 10;
        }
        if (outlen > PY_SSIZE_T_MAX - inc) {
            PyErr_SetString(PyExc_OverflowError, "string is too long to generate repr");
            return NULL;
        }
        outlen += inc;
    }
    quote = '\'';
    if (squotes && !dquotes)
        quote = '"';
    else if (squotes && dquotes)
        outlen += squotes;   /* escaped single quotes */
    r = kr_str_alloc(outlen, maxchar);
    if (r == NULL)
        return NULL;
    int ok_kind = PyUnicode_KIND(r);
    out = PyUnicode_DATA(r);
    Py_ssize_t o = 0;
    PyUnicode_WRITE(ok_kind, out, o++, quote);
    for (i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        static const char hex[] = "0123456789abcdef";
        if (c == quote || c == '\\') {
            PyUnicode_WRITE(ok_kind, out, o++, '\\');
            PyUnicode_WRITE(ok_kind, out, o++, c);
        }
        else if (c == '\t') { PyUnicode_WRITE(ok_kind, out, o++, '\\'); PyUnicode_WRITE(ok_kind, out, o++, 't'); }
        else if (c == '\n') { PyUnicode_WRITE(ok_kind, out, o++, '\\'); PyUnicode_WRITE(ok_kind, out, o++, 'n'); }
        else if (c == '\r') { PyUnicode_WRITE(ok_kind, out, o++, '\\'); PyUnicode_WRITE(ok_kind, out, o++, 'r'); }
        else if (c < ' ' || c == 0x7f || (c >= 0x7f && !_PyUnicode_IsPrintable(c))) {
            int digits;
            PyUnicode_WRITE(ok_kind, out, o++, '\\');
            if (c < 0x100) { PyUnicode_WRITE(ok_kind, out, o++, 'x'); digits = 2; }
            else if (c < 0x10000) { PyUnicode_WRITE(ok_kind, out, o++, 'u'); digits = 4; }
            else { PyUnicode_WRITE(ok_kind, out, o++, 'U'); digits = 8; }
            for (int d = digits - 1; d >= 0; d--)
                PyUnicode_WRITE(ok_kind, out, o++, hex[(c >> (4 * d)) & 0xf]);
        }
        else
            PyUnicode_WRITE(ok_kind, out, o++, c);
    }
    PyUnicode_WRITE(ok_kind, out, o++, quote);
    ok = o == outlen;
    (void)ok;
    kr_assert(ok);
    return r;
}

static PyObject *kr_str_str(PyObject *s)
{
    return kr_str_exact(s);
}

/* ------------------------------------------------------------------ */
/* The iterator */

/* An index iterator (objects/indexiter.h).  CPython 3.11 names the
 * iterator of an ASCII string differently. */
PyObject *kr_str_iter(PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return kr_indexiter_new(PyUnicode_IS_ASCII(s) ? &kr_str_ascii_iter_type : &PyUnicodeIter_Type,
                            s, 0);
}

static PyObject *kr_str_iter_next(PyObject *op)
{
    kr_indexiter *it = (kr_indexiter *)op;
    PyObject *s = it->it_seq;
    if (s == NULL)
        return NULL;
    if (it->it_index < PyUnicode_GET_LENGTH(s))
        return kr_str_char(PyUnicode_READ_CHAR(s, it->it_index++));
    return kr_indexiter_finish(it);
}

#define KR_STR_ITER_TYPE(NAME) \
    PyVarObject_HEAD_INIT(&PyType_Type, 0) \
    .tp_name = NAME, \
    .tp_basicsize = sizeof(kr_indexiter), \
    .tp_dealloc = kr_indexiter_dealloc, \
    .tp_getattro = PyObject_GenericGetAttr, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, \
    .tp_traverse = kr_indexiter_traverse, \
    .tp_iter = PyObject_SelfIter, \
    .tp_iternext = kr_str_iter_next, \
    .tp_methods = kr_indexiter_methods,

PyTypeObject PyUnicodeIter_Type = { KR_STR_ITER_TYPE("str_iterator") };
PyTypeObject kr_str_ascii_iter_type = { KR_STR_ITER_TYPE("str_ascii_iterator") };

/* ------------------------------------------------------------------ */
/* str(object='', encoding='utf-8', errors='strict') */

static PyObject *kr_str_new_exact(PyObject *x, const char *encoding, const char *errors)
{
    if (x == NULL)
        return kr_str_empty();
    if (encoding == NULL && errors == NULL)
        return PyObject_Str(x);
    return PyUnicode_FromEncodedObject(x, encoding, errors);
}

/* An instance of a str subclass: the non-compact PEP 393 form, with the
 * characters in their own buffer. */
static PyObject *kr_str_subtype_new(PyTypeObject *type, PyObject *unicode)
{
    PyObject *self;
    PyUnicodeObject *u;
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    void *data;
    self = type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    u = (PyUnicodeObject *)self;
    data = PyObject_Malloc((size_t)(len + 1) * (size_t)kind);
    if (data == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    memcpy(data, PyUnicode_DATA(unicode), (size_t)(len + 1) * (size_t)kind);
    u->_base._base.length = len;
    u->_base._base.hash = ((PyASCIIObject *)unicode)->hash;
    u->_base._base.state.interned = 0;
    u->_base._base.state.kind = (unsigned)kind;
    u->_base._base.state.compact = 0;
    u->_base._base.state.ascii = PyUnicode_IS_ASCII(unicode);
    u->_base._base.state.ready = 1;
    u->_base._base.wstr = NULL;
    u->_base.wstr_length = 0;
    u->data.any = data;
    if (PyUnicode_IS_ASCII(unicode)) {
        u->_base.utf8 = data;
        u->_base.utf8_length = len;
    }
    else {
        u->_base.utf8 = NULL;
        u->_base.utf8_length = 0;
    }
    return self;
}

/* str(object, encoding, errors) from vectorcall-style arguments. */
static PyObject *kr_str_construct(PyTypeObject *type, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    static const kr_argspec spec = {"str", names, 0, 0, 3};
    PyObject *a[3], *r;
    const char *enc[2] = {NULL, NULL};
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 1; i < 3; i++) {
        Py_ssize_t n;
        if (a[i] == NULL)
            continue;
        if (!PyUnicode_Check(a[i])) {
            PyErr_Format(PyExc_TypeError, "str() argument '%s' must be str, not %.50s", names[i],
                         Py_TYPE(a[i])->tp_name);
            return NULL;
        }
        enc[i - 1] = PyUnicode_AsUTF8AndSize(a[i], &n);
        if (enc[i - 1] == NULL)
            return NULL;
        if ((size_t)n != strlen(enc[i - 1])) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    r = kr_str_new_exact(a[0], enc[0], enc[1]);
    if (r == NULL || type == &PyUnicode_Type)
        return r;
    PyObject *sub = kr_str_subtype_new(type, r);
    Py_DECREF(r);
    return sub;
}

static PyObject *kr_str_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *const *argv = &PyTuple_GET_ITEM(args, 0);
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (kwds == NULL || PyDict_GET_SIZE(kwds) == 0)
        return kr_str_construct(type, argv, nargs, NULL);
    /* flatten the keywords into vectorcall form */
    Py_ssize_t nkw = PyDict_GET_SIZE(kwds), pos = 0, i = 0;
    PyObject **stack = PyMem_Malloc((size_t)(nargs + nkw) * sizeof(PyObject *));
    PyObject *kwnames = PyTuple_New(nkw), *key, *value, *r;
    if (stack == NULL || kwnames == NULL) {
        PyMem_Free(stack);
        Py_XDECREF(kwnames);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < nargs; k++)
        stack[k] = argv[k];
    while (PyDict_Next(kwds, &pos, &key, &value)) {
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        stack[nargs + i] = value;
        i++;
    }
    r = kr_str_construct(type, stack, nargs, kwnames);
    PyMem_Free(stack);
    Py_DECREF(kwnames);
    return r;
}

static PyObject *kr_str_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        if (nargs == 0)
            return kr_str_empty();
        if (nargs == 1)
            return PyObject_Str(args[0]);
    }
    return kr_str_construct((PyTypeObject *)type, args, nargs, kwnames);
}

PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (kr_is_bytes(obj)) {
        Py_ssize_t n = Py_SIZE(obj);
        if (n == 0)
            return kr_str_empty();
        return PyUnicode_Decode(kr_bytes_data(obj), n, encoding, errors);
    }
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "decoding to str: need a bytes-like object, %.80s found",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *r = view.len == 0 ? kr_str_empty() : PyUnicode_Decode(view.buf, view.len, encoding, errors);
    PyBuffer_Release(&view);
    return r;
}

PyObject *kr_str_getnewargs(PyObject *self, PyObject *unused)
{
    PyObject *copy = kr_str_exact(self);
    if (copy == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return r;
}

PyObject *kr_str_sizeof(PyObject *self, PyObject *unused)
{
    Py_ssize_t size;
    if (PyUnicode_IS_COMPACT_ASCII(self))
        size = (Py_ssize_t)sizeof(PyASCIIObject) + PyUnicode_GET_LENGTH(self) + 1;
    else if (PyUnicode_IS_COMPACT(self))
        size = (Py_ssize_t)sizeof(PyCompactUnicodeObject) + (PyUnicode_GET_LENGTH(self) + 1) * PyUnicode_KIND(self);
    else
        size = (Py_ssize_t)sizeof(PyUnicodeObject) + (PyUnicode_GET_LENGTH(self) + 1) * PyUnicode_KIND(self);
    if (!PyUnicode_IS_COMPACT_ASCII(self) && ((PyCompactUnicodeObject *)self)->utf8 != NULL &&
        ((PyCompactUnicodeObject *)self)->utf8 != PyUnicode_DATA(self))
        size += ((PyCompactUnicodeObject *)self)->utf8_length + 1;
    return PyLong_FromSsize_t(size);
}

static PyNumberMethods kr_str_as_number = {
    .nb_remainder = kr_str_mod,
};

static PySequenceMethods kr_str_as_sequence = {
    .sq_length = kr_str_len,
    .sq_concat = PyUnicode_Concat,
    .sq_repeat = kr_str_repeat,
    .sq_item = kr_str_item,
    .sq_contains = PyUnicode_Contains,
};

static PyMappingMethods kr_str_as_mapping = {
    .mp_length = kr_str_len,
    .mp_subscript = kr_str_subscript,
};

PyTypeObject PyUnicode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str",
    .tp_basicsize = sizeof(PyUnicodeObject),
    .tp_dealloc = kr_str_dealloc,
    .tp_repr = kr_str_repr,
    .tp_as_number = &kr_str_as_number,
    .tp_as_sequence = &kr_str_as_sequence,
    .tp_as_mapping = &kr_str_as_mapping,
    .tp_hash = kr_str_hash,
    .tp_str = kr_str_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "str(object='') -> str\n"
              "str(bytes_or_buffer[, encoding[, errors]]) -> str\n"
              "\n"
              "Create a new string object from the given object. If encoding or\n"
              "errors is specified, then the object must expose a data buffer\n"
              "that will be decoded using the given encoding and error handler.\n"
              "Otherwise, returns the result of object.__str__() (if defined)\n"
              "or repr(object).\n"
              "encoding defaults to sys.getdefaultencoding().\n"
              "errors defaults to 'strict'.",
    .tp_richcompare = PyUnicode_RichCompare,
    .tp_iter = kr_str_iter,
    .tp_methods = kr_str_methods,
    .tp_new = kr_str_tp_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = kr_str_vectorcall,
};
