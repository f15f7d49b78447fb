/* _stringmodule.c: the built-in `_string` module, the C half of
 * string.Formatter: formatter_parser(str) walks a format string as
 * (literal, field_name, format_spec, conversion) tuples, and
 * formatter_field_name_split(str) splits a field name into its first part
 * and an iterator of (is_attribute, key) accessors.  Both read the string
 * with str.format's own scanner (objects/strformat.h), so they accept and
 * reject exactly what str.format does, with the same messages. */
#include "internal.h"
#include "objects/strformat.h"

typedef struct {
    PyObject_HEAD
    PyObject *str;
    Py_ssize_t pos, end;
} kr_fmt_iter;

static PyObject *fmt_iter_new(PyTypeObject *type, PyObject *str, Py_ssize_t pos)
{
    kr_fmt_iter *it = PyObject_New(kr_fmt_iter, type);
    if (it == NULL)
        return NULL;
    it->str = Py_NewRef(str);
    it->pos = pos;
    it->end = PyUnicode_GET_LENGTH(str);
    return (PyObject *)it;
}

static void fmt_iter_dealloc(kr_fmt_iter *it)
{
    Py_DECREF(it->str);
    PyObject_Free(it);
}

/* A sub-string of s, or '' for an empty range. New reference. */
static PyObject *substring(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    return PyUnicode_Substring(s, start, end > start ? end : start);
}

static PyObject *formatter_iter_next(kr_fmt_iter *it)
{
    if (it->pos >= it->end)
        return NULL;
    Py_ssize_t lit_start, lit_end;
    int has_field;
    kr_fmt_field f;
    Py_ssize_t next = kr_fmt_next_markup(it->str, it->pos, it->end, &lit_start, &lit_end,
                                         &has_field, &f);
    if (next < 0)
        return NULL;
    it->pos = next;
    PyObject *literal = substring(it->str, lit_start, lit_end);
    PyObject *name = NULL, *spec = NULL, *conv = NULL, *result = NULL;
    if (literal == NULL)
        return NULL;
    if (!has_field) {
        result = PyTuple_Pack(4, literal, Py_None, Py_None, Py_None);
        Py_DECREF(literal);
        return result;
    }
    name = substring(it->str, f.name_start, f.name_end);
    spec = f.spec_start < 0 ? PyUnicode_New(0, 0) : substring(it->str, f.spec_start, f.spec_end);
    if (f.conversion)
        conv = PyUnicode_FromOrdinal((int)f.conversion);
    else
        conv = Py_NewRef(Py_None);
    if (name != NULL && spec != NULL && conv != NULL)
        result = PyTuple_Pack(4, literal, name, spec, conv);
    Py_DECREF(literal);
    Py_XDECREF(name);
    Py_XDECREF(spec);
    Py_XDECREF(conv);
    return result;
}

PyTypeObject kr_formatteriter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "formatteriterator",
    .tp_basicsize = sizeof(kr_fmt_iter),
    .tp_dealloc = (destructor)fmt_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)formatter_iter_next,
};

/* An int for a decimal key, else the text. New reference. */
static PyObject *key_object(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t idx = kr_fmt_number(s, start, end);
    if (idx == -2)
        return NULL;
    if (idx >= 0)
        return PyLong_FromSsize_t(idx);
    return substring(s, start, end);
}

static PyObject *fieldname_iter_next(kr_fmt_iter *it)
{
    int is_attr;
    Py_ssize_t a, b;
    int r = kr_fmt_next_accessor(it->str, &it->pos, it->end, &is_attr, &a, &b);
    if (r <= 0)
        return NULL;
    PyObject *key = is_attr ? substring(it->str, a, b) : key_object(it->str, a, b);
    if (key == NULL)
        return NULL;
    PyObject *result = PyTuple_Pack(2, is_attr ? Py_True : Py_False, key);
    Py_DECREF(key);
    return result;
}

PyTypeObject kr_fieldnameiter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "fieldnameiterator",
    .tp_basicsize = sizeof(kr_fmt_iter),
    .tp_dealloc = (destructor)fmt_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)fieldname_iter_next,
};

static int check_str(PyObject *arg)
{
    if (PyUnicode_Check(arg))
        return 0;
    PyErr_Format(PyExc_TypeError, "expected str, got %.200s", Py_TYPE(arg)->tp_name);
    return -1;
}

static PyObject *string_formatter_parser(PyObject *module, PyObject *arg)
{
    if (check_str(arg) < 0)
        return NULL;
    return fmt_iter_new(&kr_formatteriter_type, arg, 0);
}

static PyObject *string_formatter_field_name_split(PyObject *module, PyObject *arg)
{
    if (check_str(arg) < 0)
        return NULL;
    Py_ssize_t end = PyUnicode_GET_LENGTH(arg);
    Py_ssize_t first_end = kr_fmt_name_first_end(arg, 0, end);
    PyObject *first = key_object(arg, 0, first_end);
    if (first == NULL)
        return NULL;
    PyObject *rest = fmt_iter_new(&kr_fieldnameiter_type, arg, first_end);
    if (rest == NULL) {
        Py_DECREF(first);
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, first, rest);
    Py_DECREF(first);
    Py_DECREF(rest);
    return result;
}

static PyMethodDef string_functions[] = {
    {"formatter_parser", string_formatter_parser, METH_O,
     "parse the argument as a format string"},
    {"formatter_field_name_split", string_formatter_field_name_split, METH_O,
     "split the argument as a field name"},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef string_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_string",
    .m_doc = "string helper module",
    .m_size = -1,
    .m_methods = string_functions,
};

PyObject *PyInit__string(void)
{
    return PyModule_Create(&string_def);
}
