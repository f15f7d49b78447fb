/* PyMemberDef with every T_* type, READONLY, and T_OBJECT vs T_OBJECT_EX
 * semantics for a missing value. */
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    short s; int i; long l; float f; double d; char *str; PyObject *o; PyObject *ox;
    char c; signed char b; unsigned char ub; unsigned int ui; unsigned short us;
    unsigned long ul; char inplace[8]; char flag; long long ll; unsigned long long ull;
    Py_ssize_t n; int ro;
} Mem;

static PyObject *mem_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Mem *m = (Mem *)type->tp_alloc(type, 0);
    if (m == NULL)
        return NULL;
    m->s = -2; m->i = -3; m->l = -4; m->f = 1.5f; m->d = 2.25; m->str = "text";
    m->c = 'z'; m->b = -5; m->ub = 250; m->ui = 4000000000u; m->us = 65000; m->ul = 12;
    strcpy(m->inplace, "inpl"); m->flag = 1; m->ll = -(1LL << 40); m->ull = 1ULL << 63;
    m->n = -7; m->ro = 99;
    return (PyObject *)m;
}

static void mem_dealloc(PyObject *self)
{
    Py_XDECREF(((Mem *)self)->o);
    Py_XDECREF(((Mem *)self)->ox);
    Py_TYPE(self)->tp_free(self);
}

#define M(name, type, flags) {#name, type, offsetof(Mem, name), flags, NULL}
static PyMemberDef members[] = {
    M(s, T_SHORT, 0), M(i, T_INT, 0), M(l, T_LONG, 0), M(f, T_FLOAT, 0), M(d, T_DOUBLE, 0),
    M(str, T_STRING, READONLY), M(o, T_OBJECT, 0), M(ox, T_OBJECT_EX, 0), M(c, T_CHAR, 0),
    M(b, T_BYTE, 0), M(ub, T_UBYTE, 0), M(ui, T_UINT, 0), M(us, T_USHORT, 0), M(ul, T_ULONG, 0),
    M(inplace, T_STRING_INPLACE, READONLY), M(flag, T_BOOL, 0), M(ll, T_LONGLONG, 0),
    M(ull, T_ULONGLONG, 0), M(n, T_PYSSIZET, 0), M(ro, T_INT, READONLY),
    {"none", T_NONE, 0, READONLY, NULL},
    {NULL}
};

static PyTypeObject MemType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "mem.Mem",
    .tp_basicsize = sizeof(Mem),
    .tp_dealloc = mem_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_members = members,
    .tp_new = mem_new,
};

static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "mem", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_mem(void)
{
    if (PyType_Ready(&MemType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&mod);
    if (m && PyModule_AddType(m, &MemType) < 0)
        Py_CLEAR(m);
    return m;
}
