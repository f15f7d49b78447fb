/* A static type initialised positionally, with number, sequence and
 * mapping slots, members, getsets and methods, readied with PyType_Ready
 * and subclassed from Python. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    double x, y;
    PyObject *tag;
} Vec;

static PyTypeObject VecType;

static PyObject *vec_make(PyTypeObject *type, double x, double y)
{
    Vec *v = (Vec *)type->tp_alloc(type, 0);
    if (v == NULL)
        return NULL;
    v->x = x;
    v->y = y;
    v->tag = Py_NewRef(Py_None);
    return (PyObject *)v;
}

static PyObject *vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "y", NULL};
    double x = 0, y = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|dd:Vec", kwlist, &x, &y))
        return NULL;
    return vec_make(type, x, y);
}

static void vec_dealloc(PyObject *self)
{
    Py_XDECREF(((Vec *)self)->tag);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *vec_repr(PyObject *self)
{
    Vec *v = (Vec *)self;
    char buf[128];
    snprintf(buf, sizeof buf, "%s(%g, %g)", Py_TYPE(self)->tp_name, v->x, v->y);
    return PyUnicode_FromString(buf);
}

static int as_vec(PyObject *o, double *x, double *y)
{
    if (!PyObject_TypeCheck(o, &VecType))
        return 0;
    *x = ((Vec *)o)->x;
    *y = ((Vec *)o)->y;
    return 1;
}

static PyObject *vec_add(PyObject *a, PyObject *b)
{
    double ax, ay, bx, by;
    if (!as_vec(a, &ax, &ay) || !as_vec(b, &bx, &by))
        Py_RETURN_NOTIMPLEMENTED;
    return vec_make(&VecType, ax + bx, ay + by);
}

static PyObject *vec_mul(PyObject *a, PyObject *b)
{
    double x, y, k;
    if (as_vec(a, &x, &y) && PyNumber_Check(b))
        k = PyFloat_AsDouble(b);
    else if (as_vec(b, &x, &y) && PyNumber_Check(a))
        k = PyFloat_AsDouble(a);
    else
        Py_RETURN_NOTIMPLEMENTED;
    if (k == -1.0 && PyErr_Occurred())
        return NULL;
    return vec_make(&VecType, x * k, y * k);
}

static PyObject *vec_neg(PyObject *a)
{
    Vec *v = (Vec *)a;
    return vec_make(&VecType, -v->x, -v->y);
}

static int vec_bool(PyObject *a)
{
    Vec *v = (Vec *)a;
    return v->x != 0 || v->y != 0;
}

static Py_ssize_t vec_len(PyObject *a) { return 2; }

static PyObject *vec_item(PyObject *a, Py_ssize_t i)
{
    Vec *v = (Vec *)a;
    if (i == 0)
        return PyFloat_FromDouble(v->x);
    if (i == 1)
        return PyFloat_FromDouble(v->y);
    PyErr_SetString(PyExc_IndexError, "Vec index out of range");
    return NULL;
}

static PyObject *vec_subscript(PyObject *a, PyObject *key)
{
    if (PyUnicode_Check(key)) {
        if (PyUnicode_CompareWithASCIIString(key, "x") == 0)
            return vec_item(a, 0);
        if (PyUnicode_CompareWithASCIIString(key, "y") == 0)
            return vec_item(a, 1);
        PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    return vec_item(a, i < 0 ? i + 2 : i);
}

static PyObject *vec_richcompare(PyObject *a, PyObject *b, int op)
{
    double ax, ay, bx, by;
    if (!as_vec(a, &ax, &ay) || !as_vec(b, &bx, &by) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    int eq = ax == bx && ay == by;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *vec_dot(PyObject *self, PyObject *other)
{
    double ax = 0, ay = 0, bx, by;
    as_vec(self, &ax, &ay);
    if (!as_vec(other, &bx, &by)) {
        PyErr_SetString(PyExc_TypeError, "dot() needs a Vec");
        return NULL;
    }
    return PyFloat_FromDouble(ax * bx + ay * by);
}

static PyObject *vec_get_norm2(PyObject *self, void *closure)
{
    Vec *v = (Vec *)self;
    return PyFloat_FromDouble(v->x * v->x + v->y * v->y);
}

static PyNumberMethods vec_as_number = {
    .nb_add = vec_add, .nb_multiply = vec_mul, .nb_negative = vec_neg, .nb_bool = vec_bool,
};
static PySequenceMethods vec_as_sequence = {.sq_length = vec_len, .sq_item = vec_item};
static PyMappingMethods vec_as_mapping = {.mp_length = vec_len, .mp_subscript = vec_subscript};
static PyMemberDef vec_members[] = {
    {"x", T_DOUBLE, offsetof(Vec, x), 0, "x coordinate"},
    {"y", T_DOUBLE, offsetof(Vec, y), READONLY, "y coordinate"},
    {"tag", T_OBJECT, offsetof(Vec, tag), 0, NULL},
    {NULL}
};
static PyGetSetDef vec_getset[] = {{"norm2", vec_get_norm2, NULL, "squared length", NULL}, {NULL}};
static PyMethodDef vec_methods[] = {{"dot", vec_dot, METH_O, "dot product"}, {NULL}};

static PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "vec.Vec",                 /* tp_name */
    sizeof(Vec),               /* tp_basicsize */
    0,                         /* tp_itemsize */
    vec_dealloc,               /* tp_dealloc */
    0,                         /* tp_vectorcall_offset */
    0, 0, 0,                   /* tp_getattr, tp_setattr, tp_as_async */
    vec_repr,                  /* tp_repr */
    &vec_as_number, &vec_as_sequence, &vec_as_mapping,
    0, 0, 0,                   /* tp_hash, tp_call, tp_str */
    0, 0, 0,                   /* tp_getattro, tp_setattro, tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    "A 2-D vector.",           /* tp_doc */
    0, 0,                      /* tp_traverse, tp_clear */
    vec_richcompare,           /* tp_richcompare */
    0, 0, 0,                   /* tp_weaklistoffset, tp_iter, tp_iternext */
    vec_methods, vec_members, vec_getset,
    0, 0, 0, 0, 0, 0, 0,       /* tp_base .. tp_alloc */
    vec_new,                   /* tp_new */
};

static struct PyModuleDef vecmodule = {PyModuleDef_HEAD_INIT, "vec", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_vec(void)
{
    if (PyType_Ready(&VecType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&vecmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &VecType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
