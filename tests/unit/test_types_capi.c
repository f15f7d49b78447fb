/* test_types_capi.c: the C API of the types area as an extension uses it:
 * PyType_FromSpec heap types with slots, members, getsets and methods;
 * PyType_GetSlot/GetModule; modules from PyModuleDef (single- and
 * multi-phase, with zeroed state); the call helpers; the abstract number,
 * sequence and mapping protocols and their error messages; and the
 * per-context __subclasses__ of a static type.
 * (owned by the types area) */
#include "internal.h"
#include "krait.h"
#include "structmember.h"

static int failures = 0;
static int counter = 0;

static void
check(int cond, const char *what)
{
    counter++;
    if (cond) {
        printf("ok %d - %s\n", counter, what);
    }
    else {
        printf("not ok %d - %s\n", counter, what);
        failures++;
    }
}

/* The pending exception's message equals `msg` (and is cleared). */
static int
err_is(PyObject *type, const char *msg)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    int ok = 0;
    if (t != NULL && PyErr_GivenExceptionMatches(t, type)) {
        PyObject *s = PyObject_Str(v);
        ok = s != NULL && strcmp(PyUnicode_AsUTF8(s), msg) == 0;
        if (!ok && s)
            printf("#   got message: %s\n", PyUnicode_AsUTF8(s));
        Py_XDECREF(s);
    }
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    PyErr_Clear();
    return ok;
}

/* ---- a heap type made from a spec ---- */

typedef struct {
    PyObject_HEAD
    long value;
    PyObject *tag;
} CounterObject;

static PyObject *
counter_repr(PyObject *self)
{
    return PyUnicode_FromFormat("Counter(%ld)", ((CounterObject *)self)->value);
}

static PyObject *
counter_add(PyObject *a, PyObject *b)
{
    PyTypeObject *tp = Py_TYPE(a);
    if (!PyLong_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    long v = PyLong_AsLong(b);
    CounterObject *r = (CounterObject *)tp->tp_alloc(tp, 0);
    if (r)
        r->value = ((CounterObject *)a)->value + v;
    return (PyObject *)r;
}

static PyObject *
counter_incr(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long by = 1;
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "too many");
        return NULL;
    }
    if (nargs == 1)
        by = PyLong_AsLong(args[0]);
    ((CounterObject *)self)->value += by;
    return PyLong_FromLong(((CounterObject *)self)->value);
}

static PyObject *
counter_get_double(PyObject *self, void *closure)
{
    return PyLong_FromLong(2 * ((CounterObject *)self)->value);
}

static void
counter_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_XDECREF(((CounterObject *)self)->tag);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyMethodDef counter_methods[] = {
    {"incr", _PyCFunction_CAST(counter_incr), METH_FASTCALL, "incr($self, by=1, /)\n--\n\nAdd."},
    {NULL, NULL, 0, NULL}
};
static PyMemberDef counter_members[] = {
    {"value", T_LONG, offsetof(CounterObject, value), 0, NULL},
    {"tag", T_OBJECT_EX, offsetof(CounterObject, tag), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};
static PyGetSetDef counter_getset[] = {
    {"double", counter_get_double, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
static PyType_Slot counter_slots[] = {
    {Py_tp_repr, counter_repr},
    {Py_nb_add, counter_add},
    {Py_tp_methods, counter_methods},
    {Py_tp_members, counter_members},
    {Py_tp_getset, counter_getset},
    {Py_tp_dealloc, counter_dealloc},
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_doc, "Counter()\n--\n\nA counter."},
    {0, NULL}
};
static PyType_Spec counter_spec = {
    "testmod.Counter", sizeof(CounterObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, counter_slots
};

static void
test_spec_type(PyObject *main_dict)
{
    PyObject *tp = PyType_FromSpec(&counter_spec);
    check(tp != NULL && PyType_Check(tp), "PyType_FromSpec makes a type");
    if (tp == NULL) {
        PyErr_Print();
        return;
    }
    PyTypeObject *t = (PyTypeObject *)tp;
    check(strcmp(t->tp_name, "testmod.Counter") == 0, "tp_name from the spec");
    check(PyType_GetSlot(t, Py_nb_add) == (void *)counter_add, "PyType_GetSlot(nb_add)");
    check(PyType_GetSlot(t, Py_tp_repr) == (void *)counter_repr, "PyType_GetSlot(tp_repr)");
    check(PyType_GetSlot(&PyLong_Type, Py_nb_add) == (void *)PyLong_Type.tp_as_number->nb_add,
          "PyType_GetSlot on a static type");
    check(PyType_GetModule(t) == NULL &&
          err_is(PyExc_TypeError, "PyType_GetModule: Type 'testmod.Counter' has no associated module"),
          "PyType_GetModule error");
    PyObject *name = PyType_GetName(t), *qual = PyType_GetQualName(t);
    check(name && PyUnicode_CompareWithASCIIString(name, "Counter") == 0, "PyType_GetName");
    check(qual && PyUnicode_CompareWithASCIIString(qual, "Counter") == 0, "PyType_GetQualName");
    Py_XDECREF(name);
    Py_XDECREF(qual);
    PyDict_SetItemString(main_dict, "Counter", tp);
    int r = krait_run_string(kr_context_get(),
        "c = Counter()\n"
        "assert repr(c) == 'Counter(0)', repr(c)\n"
        "assert c.incr() == 1 and c.incr(5) == 6\n"
        "assert repr(c + 4) == 'Counter(10)'\n"
        "assert c.double == 12 and c.value == 6\n"
        "c.value = 3\n"
        "assert c.value == 3\n"
        "try:\n    c.tag\nexcept AttributeError as e:\n    assert str(e) == \"'testmod.Counter' object has no attribute 'tag'\", str(e)\n"
        "c.tag = 'x'\nassert c.tag == 'x'\n"
        "assert Counter.__module__ == 'testmod' and Counter.__doc__ == 'A counter.'\n"
        "assert Counter.__text_signature__ is None or True\n"
        "assert Counter.incr.__text_signature__ == '($self, by=1, /)'\n"
        "class Sub(Counter):\n    def __add__(self, o): return 'sub'\n"
        "assert Sub() + 1 == 'sub' and repr(Sub()) == 'Counter(0)'\n"
        "assert Counter.__add__(Counter(), 2).value == 2\n"
        "try:\n    c + 'x'\nexcept TypeError as e:\n    assert str(e) == \"unsupported operand type(s) for +: 'testmod.Counter' and 'str'\", str(e)\n");
    check(r == 0, "Python code uses the spec type");
    Py_DECREF(tp);
}

/* ---- every member type ---- */

typedef struct {
    PyObject_HEAD
    char c_bool; signed char c_byte; unsigned char c_ubyte; short c_short;
    unsigned short c_ushort; int c_int; unsigned int c_uint; long c_long;
    unsigned long c_ulong; Py_ssize_t c_ssize; float c_float; double c_double;
    const char *c_string; char c_inplace[8]; char c_char; PyObject *c_object;
    PyObject *c_object_ex; long long c_ll; unsigned long long c_ull; int c_ro;
} MembersObject;

#define MEMB(name, type, field, flags) {name, type, offsetof(MembersObject, field), flags, NULL}
static PyMemberDef all_members[] = {
    MEMB("b", T_BOOL, c_bool, 0), MEMB("byte", T_BYTE, c_byte, 0),
    MEMB("ubyte", T_UBYTE, c_ubyte, 0), MEMB("short", T_SHORT, c_short, 0),
    MEMB("ushort", T_USHORT, c_ushort, 0), MEMB("int", T_INT, c_int, 0),
    MEMB("uint", T_UINT, c_uint, 0), MEMB("long", T_LONG, c_long, 0),
    MEMB("ulong", T_ULONG, c_ulong, 0), MEMB("ssize", T_PYSSIZET, c_ssize, 0),
    MEMB("float", T_FLOAT, c_float, 0), MEMB("double", T_DOUBLE, c_double, 0),
    MEMB("string", T_STRING, c_string, 0), MEMB("inplace", T_STRING_INPLACE, c_inplace, 0),
    MEMB("char", T_CHAR, c_char, 0), MEMB("object", T_OBJECT, c_object, 0),
    MEMB("object_ex", T_OBJECT_EX, c_object_ex, 0), MEMB("ll", T_LONGLONG, c_ll, 0),
    MEMB("ull", T_ULONGLONG, c_ull, 0), MEMB("ro", T_INT, c_ro, READONLY),
    {NULL, 0, 0, 0, NULL}
};

static int
members_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    MembersObject *m = (MembersObject *)self;
    m->c_string = "hello";
    strcpy(m->c_inplace, "inpl");
    m->c_char = 'z';
    m->c_ro = 7;
    return 0;
}

static PyType_Slot members_slots[] = {
    {Py_tp_members, all_members},
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, members_init},
    {0, NULL}
};
static PyType_Spec members_spec = {
    "testmod.Members", sizeof(MembersObject), 0, Py_TPFLAGS_DEFAULT, members_slots
};

static void
test_members(PyObject *main_dict)
{
    PyObject *tp = PyType_FromSpec(&members_spec);
    check(tp != NULL, "members type");
    if (tp == NULL) {
        PyErr_Print();
        return;
    }
    PyDict_SetItemString(main_dict, "Members", tp);
    Py_DECREF(tp);
    int r = krait_run_string(kr_context_get(),
        "import warnings\n"
        "m = Members()\n"
        "assert (m.b, m.byte, m.int, m.long, m.float, m.object) == (False, 0, 0, 0, 0.0, None)\n"
        "assert m.string == 'hello' and m.inplace == 'inpl' and m.char == 'z' and m.ro == 7\n"
        "m.b = True; m.byte = -5; m.ubyte = 200; m.short = -300; m.ushort = 60000\n"
        "m.int = -2**31; m.uint = 2**32 - 1; m.long = -2**63; m.ulong = 2**64 - 1\n"
        "m.ssize = 2**62; m.float = 1.5; m.double = 2.25; m.ll = -2**63; m.ull = 2**64 - 1\n"
        "m.char = 'q'; m.object = [1]; m.object_ex = 'x'\n"
        "assert (m.b, m.byte, m.ubyte, m.short, m.ushort) == (True, -5, 200, -300, 60000)\n"
        "assert (m.int, m.uint, m.long, m.ulong) == (-2**31, 2**32 - 1, -2**63, 2**64 - 1)\n"
        "assert (m.ssize, m.float, m.double, m.ll, m.ull) == (2**62, 1.5, 2.25, -2**63, 2**64 - 1)\n"
        "assert (m.char, m.object, m.object_ex) == ('q', [1], 'x')\n"
        "def err(f):\n"
        "    try:\n        f()\n    except Exception as e:\n        return type(e).__name__ + ': ' + str(e)\n"
        "assert err(lambda: setattr(m, 'ro', 1)) == 'AttributeError: readonly attribute'\n"
        "assert err(lambda: setattr(m, 'b', 1)) == 'TypeError: attribute value type must be bool'\n"
        "assert err(lambda: delattr(m, 'int')) == \"TypeError: can't delete numeric/char attribute\"\n"
        "assert err(lambda: setattr(m, 'string', 'x')) == 'TypeError: readonly attribute'\n"
        "assert err(lambda: setattr(m, 'int', 'x')).startswith('TypeError')\n"
        "del m.object_ex\n"
        "assert err(lambda: m.object_ex) == \"AttributeError: 'testmod.Members' object has no attribute 'object_ex'\", err(lambda: m.object_ex)\n"
        "assert err(lambda: delattr(m, 'object_ex')) == 'AttributeError: object_ex'\n"
        "del m.object\n"
        "assert m.object is None\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    m.byte = 300\n"
        "    assert len(w) == 1 and str(w[0].message) == 'Truncation of value to char', w\n"
        "assert type(Members.__dict__['int']).__name__ == 'member_descriptor'\n");
    check(r == 0, "PyMember_GetOne/SetOne for every member type");
}

/* ---- modules ---- */

typedef struct { int calls; long stash[4]; } modstate;

static PyObject *
mod_bump(PyObject *m, PyObject *unused)
{
    modstate *st = PyModule_GetState(m);
    st->calls++;
    return PyLong_FromLong(st->calls);
}

static PyMethodDef mod_methods[] = {
    {"bump", mod_bump, METH_NOARGS, "bump()\n--\n\nCount a call."},
    {NULL, NULL, 0, NULL}
};

static int exec_count = 0;

static int
mod_exec(PyObject *m)
{
    exec_count++;
    return PyModule_AddIntConstant(m, "ANSWER", 42);
}

static PyModuleDef_Slot mod_slots[] = {
    {Py_mod_exec, mod_exec},
    {0, NULL}
};

static PyModuleDef single_def = {
    PyModuleDef_HEAD_INIT, "single", "single doc", sizeof(modstate), mod_methods,
    NULL, NULL, NULL, NULL
};
static PyModuleDef multi_def = {
    PyModuleDef_HEAD_INIT, "multi", "multi doc", sizeof(modstate), mod_methods,
    mod_slots, NULL, NULL, NULL
};

static void
test_modules(void)
{
    PyObject *m = PyModule_Create(&single_def);
    check(m != NULL && PyModule_Check(m), "PyModule_Create");
    if (m == NULL)
        return;
    modstate *st = PyModule_GetState(m);
    check(st != NULL && st->calls == 0 && st->stash[3] == 0, "module state is zeroed");
    check(PyModule_GetDef(m) == &single_def, "PyModule_GetDef");
    check(strcmp(PyModule_GetName(m), "single") == 0, "PyModule_GetName");
    PyObject *r = PyObject_CallMethod(m, "bump", NULL);
    check(r && PyLong_AsLong(r) == 1 && st->calls == 1, "module function sees its state");
    Py_XDECREF(r);
    PyObject *doc = PyObject_GetAttrString(m, "__doc__");
    check(doc && PyUnicode_CompareWithASCIIString(doc, "single doc") == 0, "module doc");
    Py_XDECREF(doc);
    check(PyModule_GetFilenameObject(m) == NULL &&
          err_is(PyExc_SystemError, "module filename missing"), "no filename");
    PyObject *bump = PyObject_GetAttrString(m, "bump");
    PyObject *rep = bump ? PyObject_Repr(bump) : NULL;
    check(rep && PyUnicode_CompareWithASCIIString(rep, "<built-in function bump>") == 0,
          "repr of a module function");
    Py_XDECREF(rep);
    Py_XDECREF(bump);
    Py_DECREF(m);

    PyObject *types = PyImport_ImportModule("types");
    PyObject *spec = NULL;
    if (types != NULL) {
        PyObject *ns = PyObject_GetAttrString(types, "SimpleNamespace");
        PyObject *kw = Py_BuildValue("{s:s}", "name", "multi");
        spec = (ns && kw) ? PyObject_Call(ns, PyTuple_New(0), kw) : NULL;
        Py_XDECREF(ns);
        Py_XDECREF(kw);
        Py_DECREF(types);
    }
    PyErr_Clear();
    if (spec == NULL) {
        check(0, "could not build a module spec");
        return;
    }
    m = PyModule_FromDefAndSpec(&multi_def, spec);
    check(m != NULL && PyModule_GetState(m) == NULL, "multi-phase: state comes with exec");
    int rc = m ? PyModule_ExecDef(m, &multi_def) : -1;
    check(rc == 0 && exec_count == 1 && PyModule_GetState(m) != NULL, "PyModule_ExecDef runs exec slots");
    PyObject *ans = m ? PyObject_GetAttrString(m, "ANSWER") : NULL;
    check(ans && PyLong_AsLong(ans) == 42, "exec slot added a constant");
    Py_XDECREF(ans);
    Py_XDECREF(m);
    Py_DECREF(spec);
}

/* ---- calls and abstract protocols ---- */

static void
test_calls_and_protocols(void)
{
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *len = PyDict_GetItemString(builtins, "len");
    PyObject *lst = Py_BuildValue("[iii]", 1, 2, 3);
    PyObject *r = PyObject_CallOneArg(len, lst);
    check(r && PyLong_AsLong(r) == 3, "PyObject_CallOneArg(len, list)");
    Py_XDECREF(r);
    r = PyObject_CallFunction(len, "(O)", lst);
    check(r && PyLong_AsLong(r) == 3, "PyObject_CallFunction with a tuple format");
    Py_XDECREF(r);
    r = PyObject_CallFunctionObjArgs(len, lst, NULL);
    check(r && PyLong_AsLong(r) == 3, "PyObject_CallFunctionObjArgs");
    Py_XDECREF(r);
    PyObject *four = PyLong_FromLong(4);
    r = PyObject_CallMethod(lst, "append", "O", four);
    check(r == Py_None && PyList_GET_SIZE(lst) == 4, "PyObject_CallMethod append");
    Py_XDECREF(r);
    PyObject *name = PyUnicode_FromString("index");
    r = PyObject_CallMethodObjArgs(lst, name, four, NULL);
    check(r && PyLong_AsLong(r) == 3, "PyObject_CallMethodObjArgs index");
    Py_XDECREF(r);
    PyObject *args[2] = {lst, four};
    r = PyObject_VectorcallMethod(name, args, 2, NULL);
    check(r && PyLong_AsLong(r) == 3, "PyObject_VectorcallMethod");
    Py_XDECREF(r);
    r = PyObject_CallNoArgs(len);
    check(r == NULL && err_is(PyExc_TypeError, "len() takes exactly one argument (0 given)"),
          "builtin arity error");
    PyObject *one = PyLong_FromLong(1);
    r = PyObject_CallNoArgs(one);
    check(r == NULL && err_is(PyExc_TypeError, "'int' object is not callable"), "not callable");

    PyObject *s = PyUnicode_FromString("ab");
    r = PyNumber_Add(one, s);
    check(r == NULL && err_is(PyExc_TypeError, "unsupported operand type(s) for +: 'int' and 'str'"),
          "PyNumber_Add type error");
    PyObject *fl = PyFloat_FromDouble(1.5);
    r = PyNumber_Multiply(s, fl);
    check(r == NULL && err_is(PyExc_TypeError, "can't multiply sequence by non-int of type 'float'"),
          "sequence repeat by float");
    r = PyNumber_Multiply(four, s);
    check(r && PyUnicode_CompareWithASCIIString(r, "abababab") == 0, "int * str repeats");
    Py_XDECREF(r);
    r = PyNumber_Negative(s);
    check(r == NULL && err_is(PyExc_TypeError, "bad operand type for unary -: 'str'"), "unary minus");
    r = PyNumber_Power(four, four, PyLong_FromLong(5));
    check(r && PyLong_AsLong(r) == 1, "three-argument pow");
    Py_XDECREF(r);
    check(PyNumber_AsSsize_t(four, NULL) == 4, "PyNumber_AsSsize_t");
    r = PyNumber_ToBase(four, 2);
    check(r && PyUnicode_CompareWithASCIIString(r, "0b100") == 0, "PyNumber_ToBase");
    Py_XDECREF(r);
    r = PyNumber_Long(s);
    check(r == NULL && err_is(PyExc_ValueError, "invalid literal for int() with base 10: 'ab'"),
          "PyNumber_Long of a bad str");

    check(PySequence_Check(lst) && !PySequence_Check(builtins), "PySequence_Check");
    check(PySequence_Size(lst) == 4 && PyObject_Length(lst) == 4, "sizes");
    r = PySequence_GetItem(lst, -1);
    check(r == four, "PySequence_GetItem negative index");
    Py_XDECREF(r);
    r = PySequence_GetSlice(lst, 1, 3);
    check(r && PyList_Check(r) && PyList_GET_SIZE(r) == 2, "PySequence_GetSlice");
    Py_XDECREF(r);
    check(PySequence_Contains(lst, four) == 1 && PySequence_Index(lst, four) == 3 &&
          PySequence_Count(lst, four) == 1, "contains/index/count");
    r = PySequence_Tuple(lst);
    check(r && PyTuple_Check(r) && PyTuple_GET_SIZE(r) == 4, "PySequence_Tuple");
    PyObject *fast = PySequence_Fast(r, "x");
    check(fast == r && PySequence_Fast_GET_SIZE(fast) == 4 && PySequence_Fast_GET_ITEM(fast, 3) == four,
          "PySequence_Fast of a tuple");
    Py_XDECREF(fast);
    check(PySequence_SetItem(r, 0, one) < 0 &&
          err_is(PyExc_TypeError, "'tuple' object does not support item assignment"),
          "tuple item assignment error");
    Py_XDECREF(r);
    r = PySequence_Fast(one, "must be iterable");
    check(r == NULL && err_is(PyExc_TypeError, "must be iterable"), "PySequence_Fast error message");

    check(PyMapping_Check(builtins) && PyMapping_HasKeyString(builtins, "len"), "mapping checks");
    r = PyMapping_Keys(builtins);
    check(r && PyList_Check(r), "PyMapping_Keys");
    Py_XDECREF(r);
    r = PyObject_GetItem(one, one);
    check(r == NULL && err_is(PyExc_TypeError, "'int' object is not subscriptable"), "not subscriptable");
    r = PyObject_GetIter(one);
    check(r == NULL && err_is(PyExc_TypeError, "'int' object is not iterable"), "not iterable");
    check(PyObject_Hash(lst) == -1 && err_is(PyExc_TypeError, "unhashable type: 'list'"), "unhashable");
    check(PyObject_RichCompareBool(one, s, Py_LT) == -1 &&
          err_is(PyExc_TypeError, "'<' not supported between instances of 'int' and 'str'"),
          "ordering error");
    check(PyObject_RichCompareBool(lst, lst, Py_EQ) == 1, "identity implies equality");
    check(PyObject_IsInstance(one, (PyObject *)&PyLong_Type) == 1 &&
          PyObject_IsSubclass((PyObject *)&PyBool_Type, (PyObject *)&PyLong_Type) == 1, "isinstance");
    r = PyObject_Format(four, NULL);
    check(r && PyUnicode_CompareWithASCIIString(r, "4") == 0, "PyObject_Format");
    Py_XDECREF(r);
    r = PyObject_Dir(one);
    check(r && PyList_Check(r) && PyList_GET_SIZE(r) > 10, "PyObject_Dir");
    Py_XDECREF(r);

    Py_DECREF(name);
    Py_DECREF(fl);
    Py_DECREF(s);
    Py_DECREF(one);
    Py_DECREF(four);
    Py_DECREF(lst);
}

/* __subclasses__() of a static type is per context. */
static int
count_int_subclasses_named(const char *cls)
{
    PyObject *subs = PyObject_CallMethod((PyObject *)&PyLong_Type, "__subclasses__", NULL);
    int n = 0;
    for (Py_ssize_t i = 0; subs && i < PyList_GET_SIZE(subs); i++) {
        PyTypeObject *t = (PyTypeObject *)PyList_GET_ITEM(subs, i);
        if (strcmp(t->tp_name, cls) == 0)
            n++;
    }
    Py_XDECREF(subs);
    return n;
}

int
main(void)
{
    krait_options o = krait_default_options();
    krait_context *ctx = krait_context_new(&o);
    if (ctx == NULL || krait_enter(ctx) != 0) {
        printf("not ok 1 - context\n");
        return 1;
    }
    PyObject *main_mod = PyImport_AddModule("__main__");
    PyObject *main_dict = main_mod ? PyModule_GetDict(main_mod) : NULL;
    if (main_dict != NULL) {
        test_spec_type(main_dict);
        test_members(main_dict);
    }
    test_modules();
    test_calls_and_protocols();

    krait_run_string(ctx, "class OnlyHere(int): pass\n");
    check(count_int_subclasses_named("OnlyHere") == 1, "int.__subclasses__() sees the class");
    krait_context *ctx2 = krait_context_new(&o);
    if (ctx2 != NULL && krait_enter(ctx2) == 0) {
        check(count_int_subclasses_named("OnlyHere") == 0,
              "another context does not see it");
        krait_leave(ctx2);
    }
    else {
        check(0, "second context");
    }
    krait_leave(ctx);
    if (ctx2 != NULL)
        krait_context_free(ctx2);
    krait_context_free(ctx);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures != 0;
}
