/* typeobject_super.c: super (PySuper_Type).  super(type, obj) looks
 * attributes up along type(obj).__mro__ starting after `type`, binding
 * descriptors to obj.  The zero-argument form finds `type` in the
 * __class__ cell the compiler creates for methods that use super or
 * __class__, and `obj` in the first argument of the calling frame.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include "vm/frame.h"

typedef struct {
    PyObject_HEAD
    PyTypeObject *type;       /* the class whose successors are searched */
    PyObject *obj;            /* the instance or class bound to, or NULL */
    PyTypeObject *obj_type;   /* the type whose MRO is searched, or NULL */
} kr_superobject;

static void
super_dealloc(PyObject *self)
{
    kr_superobject *su = (kr_superobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(su->obj);
    Py_XDECREF(su->type);
    Py_XDECREF(su->obj_type);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
super_repr(PyObject *self)
{
    kr_superobject *su = (kr_superobject *)self;
    if (su->obj_type)
        return PyUnicode_FromFormat("<super: <class '%s'>, <%s object>>",
                                    su->type ? su->type->tp_name : "NULL",
                                    su->obj_type->tp_name);
    return PyUnicode_FromFormat("<super: <class '%s'>, NULL>",
                                su->type ? su->type->tp_name : "NULL");
}

/* Look name up in starttype's MRO after su->type; new ref or NULL (no
 * exception when simply absent). */
static PyObject *
kr_super_lookup(PyTypeObject *su_type, PyObject *su_obj, PyTypeObject *starttype, PyObject *name)
{
    PyObject *mro = starttype->tp_mro;
    if (mro == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i;
    for (i = 0; i + 1 < n; i++) {
        if ((PyObject *)su_type == PyTuple_GET_ITEM(mro, i))
            break;
    }
    i++;
    if (i >= n)
        return NULL;
    Py_INCREF(mro);
    for (; i < n; i++) {
        PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        PyObject *res = dict ? PyDict_GetItemWithError(dict, name) : NULL;
        if (res != NULL) {
            Py_INCREF(res);
            Py_DECREF(mro);
            descrgetfunc f = Py_TYPE(res)->tp_descr_get;
            if (f != NULL) {
                PyObject *tmp = f(res, su_obj == (PyObject *)starttype ? NULL : su_obj,
                                  (PyObject *)starttype);
                Py_DECREF(res);
                res = tmp;
            }
            return res;
        }
        if (PyErr_Occurred()) {
            Py_DECREF(mro);
            return NULL;
        }
    }
    Py_DECREF(mro);
    return NULL;
}

static PyObject *
super_getattro(PyObject *self, PyObject *name)
{
    kr_superobject *su = (kr_superobject *)self;
    PyTypeObject *starttype = su->obj_type;
    /* super().__class__ is the super object's own class. */
    if (starttype != NULL &&
        !(PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "__class__") == 0)) {
        PyObject *res = kr_super_lookup(su->type, su->obj, starttype, name);
        if (res != NULL || PyErr_Occurred())
            return res;
    }
    return PyObject_GenericGetAttr(self, name);
}

static PyTypeObject *
kr_supercheck(PyTypeObject *type, PyObject *obj)
{
    if (PyType_Check(obj) && PyType_IsSubtype((PyTypeObject *)obj, type))
        return (PyTypeObject *)Py_NewRef(obj);
    if (PyType_IsSubtype(Py_TYPE(obj), type))
        return (PyTypeObject *)Py_NewRef(Py_TYPE(obj));
    /* obj.__class__ may differ from type(obj) (proxies). */
    PyObject *class_attr;
    if (_PyObject_LookupAttr(obj, KR_ID(__class__), &class_attr) < 0)
        return NULL;
    if (class_attr != NULL && PyType_Check(class_attr) &&
        (PyTypeObject *)class_attr != Py_TYPE(obj)) {
        if (PyType_IsSubtype((PyTypeObject *)class_attr, type))
            return (PyTypeObject *)class_attr;
    }
    Py_XDECREF(class_attr);
    PyErr_SetString(PyExc_TypeError,
                    "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static PyObject *
super_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    kr_superobject *su = (kr_superobject *)self;
    if (obj == NULL || obj == Py_None || su->obj != NULL)
        return Py_NewRef(self);
    if (!Py_IS_TYPE(su, &PySuper_Type))
        return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(su), su->type, obj, NULL);
    PyTypeObject *obj_type = kr_supercheck(su->type, obj);
    if (obj_type == NULL)
        return NULL;
    kr_superobject *newobj = (kr_superobject *)PySuper_Type.tp_alloc(&PySuper_Type, 0);
    if (newobj == NULL) {
        Py_DECREF(obj_type);
        return NULL;
    }
    newobj->type = (PyTypeObject *)Py_NewRef(su->type);
    newobj->obj = Py_NewRef(obj);
    newobj->obj_type = obj_type;
    return (PyObject *)newobj;
}

/* Zero-argument super(): the __class__ cell and first argument of the
 * innermost Python frame. */
static int
kr_super_init_without_args(PyTypeObject **type_p, PyObject **obj_p)
{
    PyThreadState *ts = kr_tstate_get();
    struct kr_frame *f = ts ? ts->vm.current_frame : NULL;
    if (f == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    PyCodeObject *co = kr_frame_get_code(f);
    PyObject **localsplus = kr_frame_get_localsplus(f);
    if (co->co_argcount == 0) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    PyObject *firstarg = localsplus[0];
    if (firstarg != NULL && (co->co_localspluskinds[0] & CO_FAST_CELL) && PyCell_Check(firstarg))
        firstarg = PyCell_GET(firstarg);
    if (firstarg == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    PyObject *names = co->co_localsplusnames;
    Py_ssize_t n = PyTuple_GET_SIZE(names);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!(co->co_localspluskinds[i] & CO_FAST_FREE))
            continue;
        if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(names, i), "__class__") != 0)
            continue;
        PyObject *cell = localsplus[i];
        if (cell == NULL || !PyCell_Check(cell)) {
            PyErr_SetString(PyExc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        PyObject *type = PyCell_GET(cell);
        if (type == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!PyType_Check(type)) {
            PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)",
                         Py_TYPE(type)->tp_name);
            return -1;
        }
        *type_p = (PyTypeObject *)type;
        *obj_p = firstarg;
        return 0;
    }
    PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static int
kr_super_init_impl(PyObject *self, PyTypeObject *type, PyObject *obj)
{
    kr_superobject *su = (kr_superobject *)self;
    PyTypeObject *obj_type = NULL;
    if (type == NULL) {
        if (kr_super_init_without_args(&type, &obj) < 0)
            return -1;
    }
    if (obj == Py_None)
        obj = NULL;
    if (obj != NULL) {
        obj_type = kr_supercheck(type, obj);
        if (obj_type == NULL)
            return -1;
        Py_INCREF(obj);
    }
    Py_INCREF(type);
    Py_XSETREF(su->type, type);
    Py_XSETREF(su->obj, obj);
    Py_XSETREF(su->obj_type, obj_type);
    return 0;
}

static int
kr_super_check_args(Py_ssize_t nargs, PyObject *first)
{
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "super() expected at most 2 arguments, got %zd", nargs);
        return -1;
    }
    if (nargs >= 1 && !PyType_Check(first)) {
        PyErr_Format(PyExc_TypeError, "super() argument 1 must be a type, not %.200s",
                     Py_TYPE(first)->tp_name);
        return -1;
    }
    return 0;
}

static int
super_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *first = nargs >= 1 ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (kr_super_check_args(nargs, first) < 0)
        return -1;
    return kr_super_init_impl(self, (PyTypeObject *)first,
                              nargs == 2 ? PyTuple_GET_ITEM(args, 1) : NULL);
}

/* super(...) without building an args tuple: the common case in methods. */
static PyObject *
super_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "super() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kr_super_check_args(nargs, nargs >= 1 ? args[0] : NULL) < 0)
        return NULL;
    PyObject *obj = type->tp_alloc(type, 0);
    if (obj == NULL)
        return NULL;
    if (kr_super_init_impl(obj, nargs >= 1 ? (PyTypeObject *)args[0] : NULL,
                           nargs == 2 ? args[1] : NULL) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

static int
super_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_superobject *su = (kr_superobject *)self;
    Py_VISIT(su->obj);
    Py_VISIT(su->type);
    Py_VISIT(su->obj_type);
    return 0;
}

static PyMemberDef super_members[] = {
    {"__thisclass__", T_OBJECT, offsetof(kr_superobject, type), READONLY,
     "the class invoking super()"},
    {"__self__", T_OBJECT, offsetof(kr_superobject, obj), READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", T_OBJECT, offsetof(kr_superobject, obj_type), READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject PySuper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "super",
    .tp_basicsize = sizeof(kr_superobject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
              "Typical use to call a cooperative superclass method:\n"
              "class C(B):\n"
              "    def meth(self, arg):\n"
              "        super().meth(arg)\n"
              "This works for class methods too:\n"
              "class C(B):\n"
              "    @classmethod\n"
              "    def cmeth(cls, arg):\n"
              "        super().cmeth(arg)\n",
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = super_vectorcall,
};
