/* funcdescr.c: the Python-level descriptor types property, classmethod
 * and staticmethod, as CPython 3.11 has them (property names in errors
 * via __set_name__, __wrapped__ and copied metadata on classmethod and
 * staticmethod, callable staticmethod).
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

/* ---- property ---- */

typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;
    int getter_doc;
} kr_propertyobject;

static void
property_dealloc(PyObject *self)
{
    kr_propertyobject *gs = (kr_propertyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(gs->prop_get);
    Py_XDECREF(gs->prop_set);
    Py_XDECREF(gs->prop_del);
    Py_XDECREF(gs->prop_doc);
    Py_XDECREF(gs->prop_name);
    Py_TYPE(self)->tp_free(self);
}

static int
property_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_propertyobject *pp = (kr_propertyobject *)self;
    Py_VISIT(pp->prop_get);
    Py_VISIT(pp->prop_set);
    Py_VISIT(pp->prop_del);
    Py_VISIT(pp->prop_doc);
    Py_VISIT(pp->prop_name);
    return 0;
}

static int
property_clear(PyObject *self)
{
    kr_propertyobject *pp = (kr_propertyobject *)self;
    Py_CLEAR(pp->prop_doc);
    return 0;
}

/* "property 'x' of 'A' object has no setter", with the parts known. */
static void
kr_property_missing(kr_propertyobject *gs, PyObject *obj, const char *what)
{
    PyObject *qualname = PyType_GetQualName(Py_TYPE(obj));
    if (gs->prop_name != NULL && qualname != NULL)
        PyErr_Format(PyExc_AttributeError, "property %R of %R object has no %s", gs->prop_name,
                     qualname, what);
    else if (qualname != NULL)
        PyErr_Format(PyExc_AttributeError, "property of %R object has no %s", qualname, what);
    else
        PyErr_Format(PyExc_AttributeError, "property has no %s", what);
    Py_XDECREF(qualname);
}

static PyObject *
property_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL || obj == Py_None)
        return Py_NewRef(self);
    kr_propertyobject *gs = (kr_propertyobject *)self;
    if (gs->prop_get == NULL) {
        kr_property_missing(gs, obj, "getter");
        return NULL;
    }
    return PyObject_CallOneArg(gs->prop_get, obj);
}

static int
property_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    kr_propertyobject *gs = (kr_propertyobject *)self;
    PyObject *func = value == NULL ? gs->prop_del : gs->prop_set;
    if (func == NULL) {
        kr_property_missing(gs, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    PyObject *res;
    if (value == NULL) {
        res = PyObject_CallOneArg(func, obj);
    }
    else {
        PyObject *args[2] = {obj, value};
        res = PyObject_Vectorcall(func, args, 2, NULL);
    }
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static int
property_init_impl(kr_propertyobject *self, PyObject *fget, PyObject *fset, PyObject *fdel,
                   PyObject *doc)
{
    if (fget == Py_None) fget = NULL;
    if (fset == Py_None) fset = NULL;
    if (fdel == Py_None) fdel = NULL;
    Py_XSETREF(self->prop_get, Py_XNewRef(fget));
    Py_XSETREF(self->prop_set, Py_XNewRef(fset));
    Py_XSETREF(self->prop_del, Py_XNewRef(fdel));
    Py_XSETREF(self->prop_doc, NULL);
    Py_XSETREF(self->prop_name, NULL);
    self->getter_doc = 0;
    PyObject *prop_doc = NULL;
    if (doc != NULL && doc != Py_None) {
        prop_doc = Py_NewRef(doc);
    }
    else if (fget != NULL) {
        /* The getter's docstring becomes the property's. */
        if (_PyObject_LookupAttr(fget, KR_ID(__doc__), &prop_doc) < 0)
            return -1;
        if (prop_doc != NULL && prop_doc == Py_None)
            Py_CLEAR(prop_doc);
        if (prop_doc != NULL)
            self->getter_doc = 1;
    }
    if (Py_IS_TYPE(self, &PyProperty_Type)) {
        Py_XSETREF(self->prop_doc, prop_doc);
    }
    else {
        /* In a subclass, __doc__ goes to the instance dict, where it is not
         * shadowed by the subclass's own __doc__. */
        if (prop_doc == NULL)
            prop_doc = Py_NewRef(Py_None);
        int err = PyObject_SetAttr((PyObject *)self, KR_ID(__doc__), prop_doc);
        Py_DECREF(prop_doc);
        if (err < 0)
            return -1;
    }
    return 0;
}

static int
property_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    PyObject *vals[4] = {NULL, NULL, NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 4) {
        PyErr_Format(PyExc_TypeError, "property() takes at most 4 arguments (%zd given)", nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        vals[i] = PyTuple_GET_ITEM(args, i);
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            int found = 0;
            for (int i = 0; i < 4; i++) {
                if (PyUnicode_Check(k) && PyUnicode_CompareWithASCIIString(k, names[i]) == 0) {
                    if (vals[i] != NULL) {
                        PyErr_Format(PyExc_TypeError,
                                     "argument for property() given by name ('%s') and position (%d)",
                                     names[i], i + 1);
                        return -1;
                    }
                    vals[i] = v;
                    found = 1;
                }
            }
            if (!found) {
                PyErr_Format(PyExc_TypeError, "property() got an unexpected keyword argument '%S'",
                             k);
                return -1;
            }
        }
    }
    return property_init_impl((kr_propertyobject *)self, vals[0], vals[1], vals[2], vals[3]);
}

/* A copy of `old` with one accessor replaced (getter/setter/deleter). */
static PyObject *
property_copy(PyObject *old, PyObject *get, PyObject *set, PyObject *del)
{
    kr_propertyobject *pold = (kr_propertyobject *)old;
    PyObject *type = (PyObject *)Py_TYPE(old);
    if (get == NULL || get == Py_None)
        get = pold->prop_get ? pold->prop_get : Py_None;
    if (set == NULL || set == Py_None)
        set = pold->prop_set ? pold->prop_set : Py_None;
    if (del == NULL || del == Py_None)
        del = pold->prop_del ? pold->prop_del : Py_None;
    PyObject *doc;
    if (pold->getter_doc && get != Py_None)
        doc = Py_None;   /* make the new getter supply the doc */
    else
        doc = pold->prop_doc ? pold->prop_doc : Py_None;
    PyObject *args[4] = {get, set, del, doc};
    PyObject *new = PyObject_Vectorcall(type, args, 4, NULL);
    if (new == NULL)
        return NULL;
    if (PyObject_TypeCheck(new, &PyProperty_Type))
        Py_XSETREF(((kr_propertyobject *)new)->prop_name, Py_XNewRef(pold->prop_name));
    return new;
}

static PyObject *property_getter(PyObject *self, PyObject *f) { return property_copy(self, f, NULL, NULL); }
static PyObject *property_setter(PyObject *self, PyObject *f) { return property_copy(self, NULL, f, NULL); }
static PyObject *property_deleter(PyObject *self, PyObject *f) { return property_copy(self, NULL, NULL, f); }

static PyObject *
property_set_name(PyObject *self, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_Format(PyExc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    Py_XSETREF(((kr_propertyobject *)self)->prop_name, Py_NewRef(PyTuple_GET_ITEM(args, 1)));
    Py_RETURN_NONE;
}

/* True if any accessor says it is abstract. */
static PyObject *
kr_is_abstract_any(PyObject *const *funcs, int n)
{
    for (int i = 0; i < n; i++) {
        if (funcs[i] == NULL)
            continue;
        PyObject *res;
        if (_PyObject_LookupAttr(funcs[i], KR_ID(__isabstractmethod__), &res) < 0)
            return NULL;
        if (res == NULL)
            continue;
        int t = PyObject_IsTrue(res);
        Py_DECREF(res);
        if (t < 0)
            return NULL;
        if (t)
            Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

static PyObject *
property_get___isabstractmethod__(PyObject *self, void *closure)
{
    kr_propertyobject *p = (kr_propertyobject *)self;
    PyObject *funcs[3] = {p->prop_get, p->prop_set, p->prop_del};
    return kr_is_abstract_any(funcs, 3);
}

static PyMemberDef property_members[] = {
    {"fget", T_OBJECT, offsetof(kr_propertyobject, prop_get), READONLY, NULL},
    {"fset", T_OBJECT, offsetof(kr_propertyobject, prop_set), READONLY, NULL},
    {"fdel", T_OBJECT, offsetof(kr_propertyobject, prop_del), READONLY, NULL},
    {"__doc__", T_OBJECT, offsetof(kr_propertyobject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_get___isabstractmethod__, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef property_methods[] = {
    {"getter", property_getter, METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, METH_VARARGS, "Method to set name of a property."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyProperty_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "property",
    .tp_basicsize = sizeof(kr_propertyobject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\n"
              "Property attribute.\n\n"
              "  fget\n    function to be used for getting an attribute value\n"
              "  fset\n    function to be used for setting an attribute value\n"
              "  fdel\n    function to be used for del'ing an attribute\n"
              "  doc\n    docstring\n\n"
              "Typical use is to define a managed attribute x:\n\n"
              "class C(object):\n"
              "    def getx(self): return self._x\n"
              "    def setx(self, value): self._x = value\n"
              "    def delx(self): del self._x\n"
              "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\n"
              "Decorators make defining new properties or modifying existing ones easy:\n\n"
              "class C(object):\n"
              "    @property\n"
              "    def x(self):\n"
              "        \"I am the 'x' property.\"\n"
              "        return self._x\n"
              "    @x.setter\n"
              "    def x(self, value):\n"
              "        self._x = value\n"
              "    @x.deleter\n"
              "    def x(self):\n"
              "        del self._x",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsets,
    .tp_descr_get = property_descr_get,
    .tp_descr_set = property_descr_set,
    .tp_init = property_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---- classmethod and staticmethod ----
 * Both wrap one callable and keep a __dict__ that receives the wrapped
 * callable's __module__, __name__, __qualname__, __doc__, __annotations__
 * (functools.wraps semantics, 3.10+). */

typedef struct {
    PyObject_HEAD
    PyObject *callable;
    PyObject *dict;
} kr_funcwrapobject;

static void
funcwrap_dealloc(PyObject *self)
{
    kr_funcwrapobject *w = (kr_funcwrapobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(w->callable);
    Py_XDECREF(w->dict);
    Py_TYPE(self)->tp_free(self);
}

static int
funcwrap_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_funcwrapobject *w = (kr_funcwrapobject *)self;
    Py_VISIT(w->callable);
    Py_VISIT(w->dict);
    return 0;
}

static int
funcwrap_clear(PyObject *self)
{
    kr_funcwrapobject *w = (kr_funcwrapobject *)self;
    Py_CLEAR(w->callable);
    Py_CLEAR(w->dict);
    return 0;
}

static int
kr_functools_wraps(PyObject *wrapper, PyObject *wrapped)
{
    static const kr_idref attrs[] = {
        KR_IDREF(__module__), KR_IDREF(__name__), KR_IDREF(__qualname__), KR_IDREF(__doc__),
        KR_IDREF(__annotations__),
    };
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        PyObject *value;
        if (_PyObject_LookupAttr(wrapped, kr_id(attrs[i]), &value) < 0)
            return -1;
        if (value == NULL)
            continue;
        int r = PyObject_SetAttr(wrapper, kr_id(attrs[i]), value);
        Py_DECREF(value);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int
funcwrap_init(PyObject *self, PyObject *args, PyObject *kwds, const char *name)
{
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (PyTuple_GET_SIZE(args) != 1) {
        PyErr_Format(PyExc_TypeError, "%s expected 1 argument, got %zd", name,
                     PyTuple_GET_SIZE(args));
        return -1;
    }
    PyObject *callable = PyTuple_GET_ITEM(args, 0);
    Py_XSETREF(((kr_funcwrapobject *)self)->callable, Py_NewRef(callable));
    return kr_functools_wraps(self, callable);
}

static PyObject *
funcwrap_get_isabstract(PyObject *self, void *closure)
{
    PyObject *funcs[1] = {((kr_funcwrapobject *)self)->callable};
    return kr_is_abstract_any(funcs, 1);
}

static PyMemberDef funcwrap_members[] = {
    {"__func__", T_OBJECT, offsetof(kr_funcwrapobject, callable), READONLY, NULL},
    {"__wrapped__", T_OBJECT, offsetof(kr_funcwrapobject, callable), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef funcwrap_getsets[] = {
    {"__isabstractmethod__", funcwrap_get_isabstract, NULL, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *
cm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    kr_funcwrapobject *cm = (kr_funcwrapobject *)self;
    if (cm->callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (type == NULL)
        type = (PyObject *)Py_TYPE(obj);
    descrgetfunc f = Py_TYPE(cm->callable)->tp_descr_get;
    if (f != NULL)
        return f(cm->callable, type, type);
    return PyMethod_New(cm->callable, type);
}

static int
cm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return funcwrap_init(self, args, kwds, "classmethod");
}

static PyObject *
cm_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<classmethod(%R)>", ((kr_funcwrapobject *)self)->callable);
}

PyTypeObject PyClassMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(kr_funcwrapobject),
    .tp_dealloc = funcwrap_dealloc,
    .tp_repr = cm_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function) -> method\n\n"
              "Convert a function to be a class method.\n\n"
              "A class method receives the class as implicit first argument,\n"
              "just like an instance method receives the instance.\n"
              "To declare a class method, use this idiom:\n\n"
              "  class C:\n"
              "      @classmethod\n"
              "      def f(cls, arg1, arg2, argN):\n"
              "          ...\n\n"
              "It can be called either on the class (e.g. C.f()) or on an instance\n"
              "(e.g. C().f()).  The instance is ignored except for its class.\n"
              "If a class method is called for a derived class, the derived class\n"
              "object is passed as the implied first argument.\n\n"
              "Class methods are different than C++ or Java static methods.\n"
              "If you want those, see the staticmethod builtin.",
    .tp_traverse = funcwrap_traverse,
    .tp_clear = funcwrap_clear,
    .tp_members = funcwrap_members,
    .tp_getset = funcwrap_getsets,
    .tp_descr_get = cm_descr_get,
    .tp_dictoffset = offsetof(kr_funcwrapobject, dict),
    .tp_init = cm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
sm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    kr_funcwrapobject *sm = (kr_funcwrapobject *)self;
    if (sm->callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return Py_NewRef(sm->callable);
}

static int
sm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return funcwrap_init(self, args, kwds, "staticmethod");
}

static PyObject *
sm_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    return PyObject_Call(((kr_funcwrapobject *)self)->callable, args, kwds);
}

static PyObject *
sm_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<staticmethod(%R)>", ((kr_funcwrapobject *)self)->callable);
}

PyTypeObject PyStaticMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(kr_funcwrapobject),
    .tp_dealloc = funcwrap_dealloc,
    .tp_repr = sm_repr,
    .tp_call = sm_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function) -> method\n\n"
              "Convert a function to be a static method.\n\n"
              "A static method does not receive an implicit first argument.\n"
              "To declare a static method, use this idiom:\n\n"
              "     class C:\n"
              "         @staticmethod\n"
              "         def f(arg1, arg2, argN):\n"
              "             ...\n\n"
              "It can be called either on the class (e.g. C.f()) or on an instance\n"
              "(e.g. C().f()). Both the class and the instance are ignored, and\n"
              "neither is passed implicitly as the first argument to the method.\n\n"
              "Static methods in Python are similar to those found in Java or C++.\n"
              "For a more advanced concept, see the classmethod builtin.",
    .tp_traverse = funcwrap_traverse,
    .tp_clear = funcwrap_clear,
    .tp_members = funcwrap_members,
    .tp_getset = funcwrap_getsets,
    .tp_descr_get = sm_descr_get,
    .tp_dictoffset = offsetof(kr_funcwrapobject, dict),
    .tp_init = sm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
kr_funcwrap_new(PyTypeObject *type, PyObject *callable)
{
    kr_funcwrapobject *w = (kr_funcwrapobject *)PyType_GenericAlloc(type, 0);
    if (w != NULL)
        w->callable = Py_NewRef(callable);
    return (PyObject *)w;
}

PyObject *
PyClassMethod_New(PyObject *callable)
{
    return kr_funcwrap_new(&PyClassMethod_Type, callable);
}

PyObject *
PyStaticMethod_New(PyObject *callable)
{
    return kr_funcwrap_new(&PyStaticMethod_Type, callable);
}
