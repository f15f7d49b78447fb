/* codeobject.c: the code object type (PyCode_Type), owned by the compiler
 * area; the layout is in src/vm/code.h.
 *
 * Code objects are immutable: kr_code_new copies everything it is given.
 * Offsets seen from Python follow CPython's convention of 2 bytes per code
 * unit, where Krait's unit is one 32-bit word (instruction or inline cache
 * word): co_positions() yields one entry per word, co_lines() gives
 * [2*start, 2*end) ranges, one per instruction, so traceback.py's
 * `f_lasti // 2` indexing works when the VM reports f_lasti as
 * 2 * word index.  co_code is the raw words (4 bytes each). */
#include "internal.h"
#include "compiler/compiler.h"
#include "compiler/compiler_needs.h"
#include "structmember.h"

PyCodeObject *
kr_code_new(const kr_code_spec *s)
{
    if (!PyTuple_Check(s->consts) || !PyTuple_Check(s->names) ||
        !PyTuple_Check(s->localsplusnames) || !PyUnicode_Check(s->filename) ||
        !PyUnicode_Check(s->name) || !PyUnicode_Check(s->qualname)) {
        PyErr_SetString(PyExc_SystemError, "kr_code_new: bad argument");
        return NULL;
    }
    PyCodeObject *co = PyObject_New(PyCodeObject, &PyCode_Type);
    if (co == NULL)
        return NULL;
    Py_ssize_t n = s->ncode;
    int nlp = (int)PyTuple_GET_SIZE(s->localsplusnames);
    co->co_code = malloc(sizeof(kr_word) * (size_t)(n + 1));
    co->co_locations = malloc(sizeof(kr_location) * (size_t)(n + 1));
    co->co_exceptiontable = malloc(sizeof(kr_exc_entry) * (size_t)(s->nexceptions + 1));
    co->co_localspluskinds = malloc((size_t)nlp + 1);
    co->co_consts = NULL;
    co->co_names = NULL;
    co->co_localsplusnames = NULL;
    co->co_filename = co->co_name = co->co_qualname = NULL;
    co->co_weakreflist = NULL;
    co->co_code_bytes = NULL;
    co->co_extra = NULL;
    if (!co->co_code || !co->co_locations || !co->co_exceptiontable ||
        !co->co_localspluskinds) {
        Py_DECREF(co);
        PyErr_NoMemory();
        return NULL;
    }
    /* (code.replace() hands over the words of a code object the loop may
     * have specialised: the new object starts from the emitted form) */
    if (n)
        kr_code_words_unspecialize(co->co_code, s->code, n);
    if (n && s->locations)
        memcpy(co->co_locations, s->locations, sizeof(kr_location) * (size_t)n);
    else
        for (Py_ssize_t i = 0; i < n; i++)
            co->co_locations[i] = (kr_location){ -1, -1, -1, -1 };
    if (s->nexceptions)
        memcpy(co->co_exceptiontable, s->exceptions,
               sizeof(kr_exc_entry) * (size_t)s->nexceptions);
    if (nlp)
        memcpy(co->co_localspluskinds, s->localspluskinds, (size_t)nlp);
    co->co_ncode = n;
    co->co_nexceptions = s->nexceptions;
    Py_INCREF(s->consts);
    co->co_consts = s->consts;
    Py_INCREF(s->names);
    co->co_names = s->names;
    Py_INCREF(s->localsplusnames);
    co->co_localsplusnames = s->localsplusnames;
    co->co_nlocalsplus = nlp;
    co->co_nlocals = s->nlocals;
    co->co_ncellvars = s->ncellvars;
    co->co_nfreevars = s->nfreevars;
    co->co_argcount = s->argcount;
    co->co_posonlyargcount = s->posonlyargcount;
    co->co_kwonlyargcount = s->kwonlyargcount;
    co->co_flags = s->flags;
    co->co_stacksize = s->stacksize;
    co->co_firstlineno = s->firstlineno;
    Py_INCREF(s->filename);
    co->co_filename = s->filename;
    Py_INCREF(s->name);
    co->co_name = s->name;
    Py_INCREF(s->qualname);
    co->co_qualname = s->qualname;
    return co;
}

static void
code_dealloc(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->co_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    free(co->co_code);
    free(co->co_locations);
    free(co->co_exceptiontable);
    free(co->co_localspluskinds);
    Py_XDECREF(co->co_consts);
    Py_XDECREF(co->co_names);
    Py_XDECREF(co->co_localsplusnames);
    Py_XDECREF(co->co_filename);
    Py_XDECREF(co->co_name);
    Py_XDECREF(co->co_qualname);
    Py_XDECREF(co->co_code_bytes);
    PyObject_Free(self);
}

static PyObject *
code_repr(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->co_filename && PyUnicode_Check(co->co_filename))
        return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                    co->co_name, self, co->co_filename,
                                    co->co_firstlineno);
    return PyUnicode_FromFormat("<code object %U at %p, file ???, line %d>",
                                co->co_name, self, co->co_firstlineno);
}

/* names of the slots whose kind has `kind` set, in locals-plus order */
static PyObject *
kr_code_names_of_kind(PyCodeObject *co, int kind)
{
    int n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (co->co_localspluskinds[i] & kind)
            n++;
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    int k = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (co->co_localspluskinds[i] & kind) {
            PyObject *nm = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            Py_INCREF(nm);
            PyTuple_SET_ITEM(t, k++, nm);
        }
    return t;
}

PyObject *
PyCode_GetVarnames(PyCodeObject *co)
{
    return kr_code_names_of_kind(co, CO_FAST_LOCAL);
}

PyObject *
PyCode_GetCellvars(PyCodeObject *co)
{
    return kr_code_names_of_kind(co, CO_FAST_CELL);
}

PyObject *
PyCode_GetFreevars(PyCodeObject *co)
{
    return kr_code_names_of_kind(co, CO_FAST_FREE);
}

int
PyCode_GetNumFree(PyCodeObject *co)
{
    return co->co_nfreevars;
}

PyObject *
PyCode_GetCode(PyCodeObject *co)
{
    if (co->co_code_bytes == NULL) {
        /* the emitted words, not the loop's specialised ones */
        PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(co->co_ncode * sizeof(kr_word)));
        if (b == NULL)
            return NULL;
        kr_code_words_unspecialize((kr_word *)PyBytes_AS_STRING(b), co->co_code, co->co_ncode);
        co->co_code_bytes = b;
    }
    Py_INCREF(co->co_code_bytes);
    return co->co_code_bytes;
}

int
PyCode_Addr2Line(PyCodeObject *co, int addrq)
{
    if (addrq < 0)
        return co->co_firstlineno;
    Py_ssize_t i = addrq / 2;
    if (i >= co->co_ncode)
        return -1;
    return co->co_locations[i].lineno;
}

PyCodeObject *
PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno)
{
    PyCodeObject *co = NULL;
    PyObject *fn = PyUnicode_FromString(filename);
    PyObject *nm = PyUnicode_FromString(funcname);
    PyObject *empty = PyTuple_New(0);
    PyObject *consts = PyTuple_Pack(1, Py_None);
    if (fn && nm && empty && consts) {
        kr_word code[2] = { KR_INSTR(LOAD_CONST, 0), KR_INSTR(RETURN_VALUE, 0) };
        kr_location locs[2] = { { firstlineno, firstlineno, -1, -1 },
                                { firstlineno, firstlineno, -1, -1 } };
        kr_code_spec s;
        memset(&s, 0, sizeof s);
        s.code = code;
        s.ncode = 2;
        s.locations = locs;
        s.consts = consts;
        s.names = empty;
        s.localsplusnames = empty;
        s.localspluskinds = (const unsigned char *)"";
        s.flags = CO_OPTIMIZED | CO_NEWLOCALS;
        s.stacksize = 1;
        s.firstlineno = firstlineno;
        s.filename = fn;
        s.name = nm;
        s.qualname = nm;
        co = kr_code_new(&s);
    }
    Py_XDECREF(fn);
    Py_XDECREF(nm);
    Py_XDECREF(empty);
    Py_XDECREF(consts);
    return co;
}

/* ---- attributes ---------------------------------------------------------- */

#define KR_CODE_OFF(f) offsetof(PyCodeObject, f)

static PyMemberDef code_members[] = {
    {"co_argcount", T_INT, KR_CODE_OFF(co_argcount), READONLY, NULL},
    {"co_posonlyargcount", T_INT, KR_CODE_OFF(co_posonlyargcount), READONLY, NULL},
    {"co_kwonlyargcount", T_INT, KR_CODE_OFF(co_kwonlyargcount), READONLY, NULL},
    {"co_stacksize", T_INT, KR_CODE_OFF(co_stacksize), READONLY, NULL},
    {"co_flags", T_INT, KR_CODE_OFF(co_flags), READONLY, NULL},
    {"co_nlocals", T_INT, KR_CODE_OFF(co_nlocals), READONLY, NULL},
    {"co_consts", T_OBJECT, KR_CODE_OFF(co_consts), READONLY, NULL},
    {"co_names", T_OBJECT, KR_CODE_OFF(co_names), READONLY, NULL},
    {"co_filename", T_OBJECT, KR_CODE_OFF(co_filename), READONLY, NULL},
    {"co_name", T_OBJECT, KR_CODE_OFF(co_name), READONLY, NULL},
    {"co_qualname", T_OBJECT, KR_CODE_OFF(co_qualname), READONLY, NULL},
    {"co_firstlineno", T_INT, KR_CODE_OFF(co_firstlineno), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *
code_get_varnames(PyObject *self, void *closure)
{
    return PyCode_GetVarnames((PyCodeObject *)self);
}

static PyObject *
code_get_cellvars(PyObject *self, void *closure)
{
    return PyCode_GetCellvars((PyCodeObject *)self);
}

static PyObject *
code_get_freevars(PyObject *self, void *closure)
{
    return PyCode_GetFreevars((PyCodeObject *)self);
}

static PyObject *
code_get_code(PyObject *self, void *closure)
{
    return PyCode_GetCode((PyCodeObject *)self);
}

static PyObject *
code_get_empty_bytes(PyObject *self, void *closure)
{
    return PyBytes_FromStringAndSize("", 0);
}

static PyGetSetDef code_getset[] = {
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL, NULL},
    {"_co_code_adaptive", code_get_code, NULL, NULL, NULL},
    {"co_linetable", code_get_empty_bytes, NULL, NULL, NULL},
    {"co_exceptiontable", code_get_empty_bytes, NULL, NULL, NULL},
    {"co_lnotab", code_get_empty_bytes, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
kr_int_or_none(int v)
{
    if (v < 0)
        Py_RETURN_NONE;
    return PyLong_FromLong(v);
}

/* co_positions(): one (lineno, end_lineno, col, end_col) per word */
static PyObject *
code_positions(PyObject *self, PyObject *unused)
{
    PyCodeObject *co = (PyCodeObject *)self;
    PyObject *list = PyList_New(co->co_ncode);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < co->co_ncode; i++) {
        kr_location l = co->co_locations[i];
        PyObject *t;
        if (l.lineno < 0)
            t = PyTuple_Pack(4, Py_None, Py_None, Py_None, Py_None);
        else {
            PyObject *a = kr_int_or_none(l.lineno), *b = kr_int_or_none(l.end_lineno);
            PyObject *c = kr_int_or_none(l.col), *d = kr_int_or_none(l.end_col);
            t = (a && b && c && d) ? PyTuple_Pack(4, a, b, c, d) : NULL;
            Py_XDECREF(a);
            Py_XDECREF(b);
            Py_XDECREF(c);
            Py_XDECREF(d);
        }
        if (t == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, t);
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

/* co_lines(): (start, end, lineno) per instruction, in 2-byte units */
static PyObject *
code_lines(PyObject *self, PyObject *unused)
{
    PyCodeObject *co = (PyCodeObject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    Py_ssize_t i = 0;
    while (i < co->co_ncode) {
        int op = KR_BASE_OP(co->co_code[i]);
        Py_ssize_t size = 1 + (op < KR_NUM_OPCODES ? kr_opcode_caches[op] : 0);
        if (i + size > co->co_ncode)
            size = co->co_ncode - i;
        int line = co->co_locations[i].lineno;
        PyObject *ln = kr_int_or_none(line);
        PyObject *t = ln ? Py_BuildValue("(nnO)", 2 * i, 2 * (i + size), ln) : NULL;
        Py_XDECREF(ln);
        if (t == NULL || PyList_Append(list, t) < 0) {
            Py_XDECREF(t);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(t);
        i += size;
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

static int
kr_replace_int(PyObject *kw, const char *name, int *out)
{
    PyObject *v = PyDict_GetItemString(kw, name);
    if (v == NULL)
        return 0;
    if (!PyLong_Check(v)) {
        PyErr_Format(PyExc_TypeError, "replace() argument '%s' must be int, not %.200s",
                     name, Py_TYPE(v)->tp_name);
        return -1;
    }
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred())
        return -1;
    *out = (int)x;
    return 0;
}

static int
kr_replace_obj(PyObject *kw, const char *name, PyObject **out, PyTypeObject *type)
{
    PyObject *v = PyDict_GetItemString(kw, name);
    if (v == NULL)
        return 0;
    if (!PyObject_TypeCheck(v, type)) {
        PyErr_Format(PyExc_TypeError, "replace() argument '%s' must be %s, not %.200s",
                     name, type->tp_name, Py_TYPE(v)->tp_name);
        return -1;
    }
    *out = v;
    return 0;
}

static PyObject *
code_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (nargs != 0) {
        PyErr_SetString(PyExc_TypeError, "replace() takes no positional arguments");
        return NULL;
    }
    static const char *const known[] = {
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
        "co_stacksize", "co_flags", "co_firstlineno", "co_code", "co_consts",
        "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_filename",
        "co_name", "co_qualname", "co_linetable", "co_exceptiontable", NULL
    };
    PyObject *kw = PyDict_New();
    if (kw == NULL)
        return NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *k = PyTuple_GET_ITEM(kwnames, i);
        const char *ks = PyUnicode_AsUTF8(k);
        int ok = 0;
        for (int j = 0; ks && known[j]; j++)
            if (strcmp(ks, known[j]) == 0)
                ok = 1;
        if (!ok) {
            if (ks)
                PyErr_Format(PyExc_TypeError,
                             "'%U' is an invalid keyword argument for replace()", k);
            Py_DECREF(kw);
            return NULL;
        }
        if (PyDict_SetItem(kw, k, args[i]) < 0) {
            Py_DECREF(kw);
            return NULL;
        }
    }
    kr_code_spec s;
    memset(&s, 0, sizeof s);
    s.code = co->co_code;
    s.ncode = co->co_ncode;
    s.locations = co->co_locations;
    s.exceptions = co->co_exceptiontable;
    s.nexceptions = co->co_nexceptions;
    s.consts = co->co_consts;
    s.names = co->co_names;
    s.localsplusnames = co->co_localsplusnames;
    s.localspluskinds = co->co_localspluskinds;
    s.nlocals = co->co_nlocals;
    s.ncellvars = co->co_ncellvars;
    s.nfreevars = co->co_nfreevars;
    s.argcount = co->co_argcount;
    s.posonlyargcount = co->co_posonlyargcount;
    s.kwonlyargcount = co->co_kwonlyargcount;
    s.flags = co->co_flags;
    s.stacksize = co->co_stacksize;
    s.firstlineno = co->co_firstlineno;
    s.filename = co->co_filename;
    s.name = co->co_name;
    s.qualname = co->co_qualname;
    PyObject *varnames = NULL;
    int nlocals_ignored = 0;
    PyCodeObject *res = NULL;
    kr_location *locs = NULL;
    PyObject *newlp = NULL;
    if (kr_replace_int(kw, "co_argcount", &s.argcount) < 0 ||
        kr_replace_int(kw, "co_posonlyargcount", &s.posonlyargcount) < 0 ||
        kr_replace_int(kw, "co_kwonlyargcount", &s.kwonlyargcount) < 0 ||
        kr_replace_int(kw, "co_nlocals", &nlocals_ignored) < 0 ||
        kr_replace_int(kw, "co_stacksize", &s.stacksize) < 0 ||
        kr_replace_int(kw, "co_flags", &s.flags) < 0 ||
        kr_replace_int(kw, "co_firstlineno", &s.firstlineno) < 0 ||
        kr_replace_obj(kw, "co_consts", &s.consts, &PyTuple_Type) < 0 ||
        kr_replace_obj(kw, "co_names", &s.names, &PyTuple_Type) < 0 ||
        kr_replace_obj(kw, "co_varnames", &varnames, &PyTuple_Type) < 0 ||
        kr_replace_obj(kw, "co_filename", &s.filename, &PyUnicode_Type) < 0 ||
        kr_replace_obj(kw, "co_name", &s.name, &PyUnicode_Type) < 0 ||
        kr_replace_obj(kw, "co_qualname", &s.qualname, &PyUnicode_Type) < 0)
        goto done;
    PyObject *code = PyDict_GetItemString(kw, "co_code");
    if (code != NULL) {
        /* Krait's words are not CPython's bytecode: only the unchanged
           code can be passed back */
        PyObject *mine = PyCode_GetCode(co);
        int same = mine ? PyObject_RichCompareBool(mine, code, Py_EQ) : -1;
        Py_XDECREF(mine);
        if (same < 0)
            goto done;
        if (!same) {
            PyErr_SetString(PyExc_ValueError,
                            "replace(): co_code cannot be changed in Krait");
            goto done;
        }
    }
    if (varnames != NULL) {
        if (PyTuple_GET_SIZE(varnames) != co->co_nlocals) {
            PyErr_SetString(PyExc_ValueError, "code: co_varnames is too small");
            goto done;
        }
        newlp = PyTuple_New(co->co_nlocalsplus);
        if (newlp == NULL)
            goto done;
        for (int i = 0; i < co->co_nlocalsplus; i++) {
            PyObject *o = i < co->co_nlocals ? PyTuple_GET_ITEM(varnames, i)
                                             : PyTuple_GET_ITEM(co->co_localsplusnames, i);
            Py_INCREF(o);
            PyTuple_SET_ITEM(newlp, i, o);
        }
        s.localsplusnames = newlp;
    }
    if (s.firstlineno != co->co_firstlineno) {
        /* keep line numbers relative to the first line, as CPython's
           linetable does */
        locs = malloc(sizeof(kr_location) * (size_t)(co->co_ncode + 1));
        if (locs == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        int delta = s.firstlineno - co->co_firstlineno;
        for (Py_ssize_t i = 0; i < co->co_ncode; i++) {
            locs[i] = co->co_locations[i];
            if (locs[i].lineno >= 0)
                locs[i].lineno += delta;
            if (locs[i].end_lineno >= 0)
                locs[i].end_lineno += delta;
        }
        s.locations = locs;
    }
    res = kr_code_new(&s);
done:
    free(locs);
    Py_XDECREF(newlp);
    Py_DECREF(kw);
    return (PyObject *)res;
}

static PyObject *
code_sizeof(PyObject *self, PyObject *unused)
{
    PyCodeObject *co = (PyCodeObject *)self;
    Py_ssize_t size = (Py_ssize_t)sizeof(PyCodeObject) +
                      co->co_ncode * (Py_ssize_t)(sizeof(kr_word) + sizeof(kr_location)) +
                      co->co_nexceptions * (Py_ssize_t)sizeof(kr_exc_entry) +
                      co->co_nlocalsplus;
    return PyLong_FromSsize_t(size);
}

static PyMethodDef code_methods[] = {
    {"co_lines", code_lines, METH_NOARGS, NULL},
    {"co_positions", code_positions, METH_NOARGS, NULL},
    {"replace", (PyCFunction)(void (*)(void))code_replace, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"__replace__", (PyCFunction)(void (*)(void))code_replace, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"__sizeof__", code_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* ---- comparison and hashing ---------------------------------------------- */

static int
kr_code_words_equal(PyCodeObject *a, PyCodeObject *b)
{
    if (a->co_ncode != b->co_ncode)
        return 0;
    /* inline cache words belong to the VM: compare instructions only */
    Py_ssize_t i = 0;
    while (i < a->co_ncode) {
        if (KR_BASE_OP(a->co_code[i]) != KR_BASE_OP(b->co_code[i]) ||
            KR_ARG(a->co_code[i]) != KR_ARG(b->co_code[i]))
            return 0;
        int op = KR_BASE_OP(a->co_code[i]);
        i += 1 + (op < KR_NUM_OPCODES ? kr_opcode_caches[op] : 0);
    }
    for (i = 0; i < a->co_ncode; i++) {
        kr_location x = a->co_locations[i], y = b->co_locations[i];
        if (x.lineno - a->co_firstlineno != y.lineno - b->co_firstlineno ||
            x.end_lineno - a->co_firstlineno != y.end_lineno - b->co_firstlineno ||
            x.col != y.col || x.end_col != y.end_col)
            return 0;
    }
    if (a->co_nexceptions != b->co_nexceptions)
        return 0;
    for (int k = 0; k < a->co_nexceptions; k++) {
        kr_exc_entry x = a->co_exceptiontable[k], y = b->co_exceptiontable[k];
        if (x.start != y.start || x.end != y.end || x.handler != y.handler ||
            x.depth != y.depth || x.lasti != y.lasti)
            return 0;
    }
    return 1;
}

/* constants compare by CPython's rules: 0 == 0.0 == False is not enough */
static int
kr_consts_equal(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    if (Py_TYPE(a) != Py_TYPE(b))
        return 0;
    if (PyTuple_CheckExact(a)) {
        Py_ssize_t n = PyTuple_GET_SIZE(a);
        if (n != PyTuple_GET_SIZE(b))
            return 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            int r = kr_consts_equal(PyTuple_GET_ITEM(a, i), PyTuple_GET_ITEM(b, i));
            if (r <= 0)
                return r;
        }
        return 1;
    }
    if (PyFloat_CheckExact(a)) {
        double x = PyFloat_AS_DOUBLE(a), y = PyFloat_AS_DOUBLE(b);
        if (x == y)
            return copysign(1.0, x) == copysign(1.0, y);
        return x != x && y != y ? 0 : 0;
    }
    if (PyComplex_CheckExact(a)) {
        Py_complex x = PyComplex_AsCComplex(a), y = PyComplex_AsCComplex(b);
        return x.real == y.real && x.imag == y.imag &&
               copysign(1.0, x.real) == copysign(1.0, y.real) &&
               copysign(1.0, x.imag) == copysign(1.0, y.imag);
    }
    return PyObject_RichCompareBool(a, b, Py_EQ);
}

static PyObject *
code_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCode_Check(self) || !PyCode_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyCodeObject *a = (PyCodeObject *)self, *b = (PyCodeObject *)other;
    int eq = 1;
    if (a != b) {
        int r;
        eq = a->co_argcount == b->co_argcount &&
             a->co_posonlyargcount == b->co_posonlyargcount &&
             a->co_kwonlyargcount == b->co_kwonlyargcount &&
             a->co_flags == b->co_flags && a->co_firstlineno == b->co_firstlineno &&
             a->co_nlocalsplus == b->co_nlocalsplus &&
             kr_code_words_equal(a, b);
        if (eq) {
            if ((r = PyObject_RichCompareBool(a->co_name, b->co_name, Py_EQ)) < 0)
                return NULL;
            eq = r;
        }
        if (eq) {
            if ((r = PyObject_RichCompareBool(a->co_qualname, b->co_qualname, Py_EQ)) < 0)
                return NULL;
            eq = r;
        }
        if (eq) {
            if ((r = kr_consts_equal(a->co_consts, b->co_consts)) < 0)
                return NULL;
            eq = r;
        }
        if (eq) {
            if ((r = PyObject_RichCompareBool(a->co_names, b->co_names, Py_EQ)) < 0)
                return NULL;
            eq = r;
        }
        if (eq) {
            if ((r = PyObject_RichCompareBool(a->co_localsplusnames,
                                              b->co_localsplusnames, Py_EQ)) < 0)
                return NULL;
            eq = r;
        }
        if (eq && a->co_nlocalsplus)
            eq = memcmp(a->co_localspluskinds, b->co_localspluskinds,
                        (size_t)a->co_nlocalsplus) == 0;
    }
    if (op == Py_NE)
        eq = !eq;
    if (eq)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static Py_hash_t
code_hash(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    Py_hash_t h = PyObject_Hash(co->co_name);
    if (h == -1)
        return -1;
    Py_hash_t h1 = PyObject_Hash(co->co_names);
    if (h1 == -1)
        return -1;
    Py_hash_t h2 = PyObject_Hash(co->co_localsplusnames);
    if (h2 == -1)
        return -1;
    Py_uhash_t x = (Py_uhash_t)h ^ ((Py_uhash_t)h1 * 1000003u) ^ ((Py_uhash_t)h2 * 69069u);
    x ^= (Py_uhash_t)co->co_argcount ^ ((Py_uhash_t)co->co_posonlyargcount << 4) ^
         ((Py_uhash_t)co->co_kwonlyargcount << 8) ^ ((Py_uhash_t)co->co_flags << 12) ^
         ((Py_uhash_t)co->co_ncode << 20);
    for (Py_ssize_t i = 0; i < co->co_ncode; i++) {
        int op = KR_BASE_OP(co->co_code[i]);
        x = x * 31u + KR_INSTR(op, KR_ARG(co->co_code[i]));
        i += op < KR_NUM_OPCODES ? kr_opcode_caches[op] : 0;
    }
    Py_hash_t r = (Py_hash_t)x;
    return r == -1 ? -2 : r;
}

PyTypeObject PyCode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "code",
    .tp_basicsize = sizeof(PyCodeObject),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_richcompare = code_richcompare,
    .tp_weaklistoffset = offsetof(PyCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
};

/* ---- disassembly (debugging aid) ----------------------------------------- */

static void
kr_dump_obj(PyObject *o, FILE *out)
{
    PyObject *r = PyObject_Repr(o);
    const char *s = r ? PyUnicode_AsUTF8(r) : NULL;
    fputs(s ? s : "<?>", out);
    if (s == NULL)
        PyErr_Clear();
    Py_XDECREF(r);
}

static int
kr_is_jump_opcode(int op)
{
    return op == JUMP || op == JUMP_NO_INTERRUPT || op == POP_JUMP_IF_FALSE ||
           op == POP_JUMP_IF_TRUE || op == POP_JUMP_IF_NONE || op == POP_JUMP_IF_NOT_NONE ||
           op == JUMP_IF_FALSE_OR_POP || op == JUMP_IF_TRUE_OR_POP || op == FOR_ITER ||
           op == SEND;
}

void
kr_code_dump(PyCodeObject *co, FILE *out)
{
    fputs("code ", out);
    kr_dump_obj(co->co_qualname, out);
    fprintf(out, " file ");
    kr_dump_obj(co->co_filename, out);
    fprintf(out, " line %d argc %d posonly %d kwonly %d nlocals %d cells %d frees %d "
            "flags 0x%x stack %d\n", co->co_firstlineno, co->co_argcount,
            co->co_posonlyargcount, co->co_kwonlyargcount, co->co_nlocals,
            co->co_ncellvars, co->co_nfreevars, co->co_flags, co->co_stacksize);
    fputs("  localsplus: ", out);
    kr_dump_obj(co->co_localsplusnames, out);
    fputs("\n  names: ", out);
    kr_dump_obj(co->co_names, out);
    fputc('\n', out);
    int prev_line = -2;
    Py_ssize_t i = 0;
    while (i < co->co_ncode) {
        kr_word w = co->co_code[i];
        int op = KR_BASE_OP(w), arg = KR_ARG(w);
        kr_location l = co->co_locations[i];
        if (l.lineno != prev_line) {
            fprintf(out, "%4d", l.lineno);
            prev_line = l.lineno;
        } else {
            fputs("    ", out);
        }
        const char *name = op < KR_NUM_OPCODES ? kr_opcode_names[op] : "???";
        fprintf(out, " %5zd %-22s %d", (size_t)i, name, arg);
        if (op == LOAD_CONST && arg < PyTuple_GET_SIZE(co->co_consts)) {
            PyObject *k = PyTuple_GET_ITEM(co->co_consts, arg);
            fputs(" (", out);
            if (PyCode_Check(k)) {
                fputs("code ", out);
                kr_dump_obj(((PyCodeObject *)k)->co_qualname, out);
            } else {
                kr_dump_obj(k, out);
            }
            fputc(')', out);
        } else if ((op == LOAD_NAME || op == STORE_NAME || op == DELETE_NAME ||
                    op == LOAD_ATTR || op == STORE_ATTR || op == DELETE_ATTR ||
                    op == LOAD_METHOD || op == IMPORT_NAME || op == IMPORT_FROM ||
                    op == STORE_GLOBAL || op == DELETE_GLOBAL)) {
            if (arg < PyTuple_GET_SIZE(co->co_names)) {
                fputs(" (", out);
                kr_dump_obj(PyTuple_GET_ITEM(co->co_names, arg), out);
                fputc(')', out);
            }
        } else if (op == LOAD_GLOBAL) {
            if ((arg >> 1) < PyTuple_GET_SIZE(co->co_names)) {
                fputs(arg & 1 ? " (NULL + " : " (", out);
                kr_dump_obj(PyTuple_GET_ITEM(co->co_names, arg >> 1), out);
                fputc(')', out);
            }
        } else if (op == LOAD_FAST || op == STORE_FAST || op == DELETE_FAST ||
                   op == LOAD_DEREF || op == STORE_DEREF || op == DELETE_DEREF ||
                   op == LOAD_CLOSURE || op == MAKE_CELL || op == LOAD_CLASSDEREF) {
            if (arg < co->co_nlocalsplus) {
                fputs(" (", out);
                kr_dump_obj(PyTuple_GET_ITEM(co->co_localsplusnames, arg), out);
                fputc(')', out);
            }
        } else if (kr_is_jump_opcode(op)) {
            fprintf(out, " (to %d)", arg);
        }
        fprintf(out, "  [%d,%d %d:%d]\n", l.lineno, l.end_lineno, l.col, l.end_col);
        i += 1 + (op < KR_NUM_OPCODES ? kr_opcode_caches[op] : 0);
    }
    for (int k = 0; k < co->co_nexceptions; k++) {
        kr_exc_entry e = co->co_exceptiontable[k];
        fprintf(out, "  exc %u-%u -> %u depth %u%s\n", e.start, e.end, e.handler,
                e.depth, e.lasti ? " lasti" : "");
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(co->co_consts); k++) {
        PyObject *o = PyTuple_GET_ITEM(co->co_consts, k);
        if (PyCode_Check(o)) {
            fputc('\n', out);
            kr_code_dump((PyCodeObject *)o, out);
        }
    }
}
