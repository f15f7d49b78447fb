/* structseq.c: struct sequences, tuples whose items also have names
 * (os.stat_result, time.struct_time, sys.flags).
 *
 * An instance is laid out as a tuple holding n_fields items, of which
 * only the first n_sequence_fields are visible as a sequence (ob_size);
 * the rest are reachable by name only.  The counts live in the type's
 * dict (n_sequence_fields, n_fields, n_unnamed_fields) as in CPython, and
 * each named field is a member descriptor onto its item. */
#include "internal.h"
#include "runtime/runtime.h"
#include "structmember.h"

const char *const PyStructSequence_UnnamedField = "unnamed field";

static Py_ssize_t dict_count(PyTypeObject *tp, const char *name)
{
    PyObject *d = tp->tp_dict;
    PyObject *v = d ? PyDict_GetItemString(d, name) : NULL;
    return v ? PyLong_AsSsize_t(v) : 0;
}

#define VISIBLE(tp) dict_count((tp), "n_sequence_fields")
#define REAL(tp) dict_count((tp), "n_fields")
#define UNNAMED(tp) dict_count((tp), "n_unnamed_fields")

/* Total items held (visible and hidden) of a struct sequence. */
static Py_ssize_t real_size(PyObject *op) { return REAL(Py_TYPE(op)); }

PyObject *PyStructSequence_New(PyTypeObject *type)
{
    Py_ssize_t n = REAL(type), vis = VISIBLE(type);
    PyTupleObject *obj = PyObject_GC_NewVar(PyTupleObject, type, n);
    if (obj == NULL)
        return NULL;
    Py_SET_SIZE(obj, vis);
    for (Py_ssize_t i = 0; i < n; i++)
        obj->ob_item[i] = NULL;
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

void PyStructSequence_SetItem(PyObject *op, Py_ssize_t i, PyObject *v)
{
    PyObject **slot = &((PyTupleObject *)op)->ob_item[i];
    Py_XSETREF(*slot, v);
}

PyObject *PyStructSequence_GetItem(PyObject *op, Py_ssize_t i)
{
    return ((PyTupleObject *)op)->ob_item[i];
}

static void structseq_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    PyTypeObject *tp = Py_TYPE(op);
    Py_ssize_t n = real_size(op);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_XDECREF(((PyTupleObject *)op)->ob_item[i]);
    PyObject_GC_Del(op);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_DECREF(tp);
}

static int structseq_traverse(PyObject *op, visitproc visit, void *arg)
{
    if (Py_TYPE(op)->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_VISIT(Py_TYPE(op));
    Py_ssize_t n = real_size(op);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_VISIT(((PyTupleObject *)op)->ob_item[i]);
    return 0;
}

static PyObject *structseq_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sequence", "dict", NULL};
    PyObject *arg, *dict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:structseq", kwlist, &arg, &dict))
        return NULL;
    arg = PySequence_Fast(arg, "constructor requires a sequence");
    if (arg == NULL)
        return NULL;
    if (dict && !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%.500s() takes a dict as second arg, if any", type->tp_name);
        Py_DECREF(arg);
        return NULL;
    }
    Py_ssize_t len = PySequence_Fast_GET_SIZE(arg);
    Py_ssize_t min_len = VISIBLE(type), max_len = REAL(type), n_unnamed = UNNAMED(type);
    if (min_len > len) {
        if (min_len == max_len)
            PyErr_Format(PyExc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        else
            PyErr_Format(PyExc_TypeError, "%.500s() takes an at least %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        Py_DECREF(arg);
        return NULL;
    }
    if (len > max_len) {
        if (min_len == max_len)
            PyErr_Format(PyExc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        else
            PyErr_Format(PyExc_TypeError, "%.500s() takes an at most %zd-sequence (%zd-sequence given)",
                         type->tp_name, max_len, len);
        Py_DECREF(arg);
        return NULL;
    }
    PyObject *res = PyStructSequence_New(type);
    if (res == NULL) {
        Py_DECREF(arg);
        return NULL;
    }
    PyObject **items = ((PyTupleObject *)res)->ob_item;
    for (Py_ssize_t i = 0; i < len; i++)
        items[i] = Py_NewRef(PySequence_Fast_GET_ITEM(arg, i));
    for (Py_ssize_t i = len; i < max_len; i++) {
        PyObject *v = NULL;
        if (dict != NULL) {
            const char *name = type->tp_members[i - n_unnamed].name;
            v = PyDict_GetItemString(dict, name);
        }
        items[i] = Py_NewRef(v ? v : Py_None);
    }
    Py_DECREF(arg);
    return res;
}

static PyObject *structseq_repr(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        return NULL;
    Py_ssize_t vis = VISIBLE(tp);
    for (Py_ssize_t i = 0; i < vis; i++) {
        const char *name = tp->tp_members[i].name;
        if (name == NULL)
            break;
        PyObject *r = PyObject_Repr(((PyTupleObject *)op)->ob_item[i]);
        PyObject *s = r ? PyUnicode_FromFormat("%s=%U", name, r) : NULL;
        Py_XDECREF(r);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(s);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *body = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (body == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("%s(%U)", tp->tp_name, body);
    Py_DECREF(body);
    return r;
}

static PyObject *structseq_reduce(PyObject *op, PyObject *unused)
{
    PyTypeObject *tp = Py_TYPE(op);
    Py_ssize_t vis = VISIBLE(tp), n = REAL(tp), n_unnamed = UNNAMED(tp);
    PyObject *tup = PyTuple_New(vis);
    PyObject *dict = tup ? PyDict_New() : NULL;
    if (dict == NULL) {
        Py_XDECREF(tup);
        return NULL;
    }
    PyObject **items = ((PyTupleObject *)op)->ob_item;
    for (Py_ssize_t i = 0; i < vis; i++)
        PyTuple_SET_ITEM(tup, i, Py_NewRef(items[i]));
    for (Py_ssize_t i = vis; i < n; i++) {
        if (PyDict_SetItemString(dict, tp->tp_members[i - n_unnamed].name, items[i]) < 0) {
            Py_DECREF(tup);
            Py_DECREF(dict);
            return NULL;
        }
    }
    PyObject *r = Py_BuildValue("(O(OO))", tp, tup, dict);
    Py_DECREF(tup);
    Py_DECREF(dict);
    return r;
}

static PyMethodDef structseq_methods[] = {
    {"__reduce__", structseq_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static Py_ssize_t count_fields(PyStructSequence_Desc *desc, Py_ssize_t *n_unnamed)
{
    Py_ssize_t i;
    *n_unnamed = 0;
    for (i = 0; desc->fields[i].name != NULL; i++)
        if (desc->fields[i].name == PyStructSequence_UnnamedField)
            (*n_unnamed)++;
    return i;
}

/* Member descriptors for the named fields (raw memory: a static type
 * keeps it for the life of the process; a heap type copies it). */
static PyMemberDef *make_members(PyStructSequence_Desc *desc, Py_ssize_t n)
{
    PyMemberDef *m = PyMem_RawCalloc((size_t)n + 1, sizeof(PyMemberDef));
    if (m == NULL)
        return NULL;
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField)
            continue;
        m[k].name = desc->fields[i].name;
        m[k].type = T_OBJECT;
        m[k].offset = (Py_ssize_t)(offsetof(PyTupleObject, ob_item) + (size_t)i * sizeof(PyObject *));
        m[k].flags = READONLY;
        m[k].doc = desc->fields[i].doc;
        k++;
    }
    return m;
}

static int fill_dict(PyTypeObject *tp, PyStructSequence_Desc *desc, Py_ssize_t n, Py_ssize_t n_unnamed)
{
    PyObject *d = tp->tp_dict;
    PyObject *v;
#define SET(NAME, VAL) \
    do { \
        v = PyLong_FromSsize_t(VAL); \
        if (v == NULL || PyDict_SetItemString(d, NAME, v) < 0) { Py_XDECREF(v); return -1; } \
        Py_DECREF(v); \
    } while (0)
    SET("n_sequence_fields", (Py_ssize_t)desc->n_in_sequence);
    SET("n_fields", n);
    SET("n_unnamed_fields", n_unnamed);
#undef SET
    Py_ssize_t k = 0;
    PyObject *names = PyTuple_New(desc->n_in_sequence);
    if (names == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < desc->n_in_sequence; i++) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField)
            continue;
        PyObject *s = PyUnicode_FromString(desc->fields[i].name);
        if (s == NULL) {
            Py_DECREF(names);
            return -1;
        }
        PyTuple_SET_ITEM(names, k++, s);
    }
    if (_PyTuple_Resize(&names, k) < 0)
        return -1;
    int r = PyDict_SetItemString(d, "__match_args__", names);
    Py_DECREF(names);
    return r;
}

int PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    Py_ssize_t n_unnamed, n = count_fields(desc, &n_unnamed);
    if (type->tp_flags & Py_TPFLAGS_READY)
        return 0;   /* static types are readied once */
    PyMemberDef *members = make_members(desc, n);
    if (members == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_SET_TYPE(type, &PyType_Type);
    type->tp_name = desc->name;
    type->tp_basicsize = PyTuple_Type.tp_basicsize;
    type->tp_itemsize = sizeof(PyObject *);
    type->tp_dealloc = structseq_dealloc;
    type->tp_repr = structseq_repr;
    type->tp_doc = desc->doc;
    type->tp_base = &PyTuple_Type;
    type->tp_methods = structseq_methods;
    type->tp_new = structseq_new;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS |
                     Py_TPFLAGS_SEQUENCE;
    type->tp_traverse = structseq_traverse;
    type->tp_members = members;
    type->tp_free = PyObject_GC_Del;
    /* A static type outlives every context: build its dict outside any
     * context (plain malloc, untracked), then make it immortal. */
    PyThreadState *ts = PyThreadState_Swap(NULL);
    int r = PyType_Ready(type) < 0 ? -1 : fill_dict(type, desc, n, n_unnamed);
    if (r == 0)
        kr_make_immortal((PyObject *)type);
    PyThreadState_Swap(ts);
    if (r < 0 && ts != NULL)
        PyErr_Format(PyExc_SystemError, "cannot initialise struct sequence type %s", desc->name);
    return r;
}

void PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    (void)PyStructSequence_InitType2(type, desc);
}

PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    Py_ssize_t n_unnamed, n = count_fields(desc, &n_unnamed);
    PyMemberDef *members = make_members(desc, n);
    if (members == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyType_Slot slots[] = {
        {Py_tp_dealloc, (void *)structseq_dealloc},
        {Py_tp_repr, (void *)structseq_repr},
        {Py_tp_doc, (void *)desc->doc},
        {Py_tp_methods, structseq_methods},
        {Py_tp_new, (void *)structseq_new},
        {Py_tp_traverse, (void *)structseq_traverse},
        {Py_tp_members, members},
        {0, NULL},
    };
    PyType_Spec spec = {desc->name, (int)PyTuple_Type.tp_basicsize, (int)sizeof(PyObject *),
                        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE, slots};
    PyObject *bases = PyTuple_Pack(1, (PyObject *)&PyTuple_Type);
    if (bases == NULL)
        return NULL;
    PyTypeObject *type = (PyTypeObject *)PyType_FromSpecWithBases(&spec, bases);
    Py_DECREF(bases);
    /* the heap type holds its own copy of the member table */
    PyMem_RawFree(members);
    if (type == NULL)
        return NULL;
    if (fill_dict(type, desc, n, n_unnamed) < 0) {
        Py_DECREF(type);
        return NULL;
    }
    return type;
}
