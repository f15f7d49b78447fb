/* moduleobject.c: module objects (PyModule_Type) and module definitions
 * (PyModuleDef_Type): creation by name, single-phase (PyModule_Create2)
 * and multi-phase (PEP 489: PyModule_FromDefAndSpec2 + PyModule_ExecDef)
 * initialisation with zeroed per-module state, attribute lookup with
 * module __getattr__ (PEP 562) and the "partially initialized module"
 * error, __dir__, repr, and the module-state GC hooks.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"

typedef struct {
    PyObject_HEAD
    PyObject *md_dict;
    PyModuleDef *md_def;
    void *md_state;
    PyObject *md_weaklist;
    PyObject *md_name;     /* kept for error messages after md_dict is cleared */
} kr_moduleobject;

#define KR_MOD(o) ((kr_moduleobject *)(o))

static int
kr_module_init_dict(kr_moduleobject *mod, PyObject *dict, PyObject *name, PyObject *doc)
{
    if (doc == NULL)
        doc = Py_None;
    if (PyDict_SetItem(dict, KR_ID(__name__), name) < 0 ||
        PyDict_SetItem(dict, KR_ID(__doc__), doc) < 0 ||
        PyDict_SetItem(dict, KR_ID(__package__), Py_None) < 0 ||
        PyDict_SetItem(dict, KR_ID(__loader__), Py_None) < 0 ||
        PyDict_SetItem(dict, KR_ID(__spec__), Py_None) < 0)
        return -1;
    if (PyUnicode_CheckExact(name))
        Py_XSETREF(mod->md_name, Py_NewRef(name));
    return 0;
}

static kr_moduleobject *
kr_module_alloc(PyTypeObject *type)
{
    kr_moduleobject *m = (kr_moduleobject *)PyType_GenericAlloc(type, 0);
    if (m == NULL)
        return NULL;
    m->md_dict = PyDict_New();
    if (m->md_dict == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

PyObject *
PyModule_NewObject(PyObject *name)
{
    kr_moduleobject *m = kr_module_alloc(&PyModule_Type);
    if (m == NULL)
        return NULL;
    if (kr_module_init_dict(m, m->md_dict, name, NULL) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return (PyObject *)m;
}

PyObject *
PyModule_New(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL)
        return NULL;
    PyObject *m = PyModule_NewObject(nameobj);
    Py_DECREF(nameobj);
    return m;
}

static PyObject *
module_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return (PyObject *)kr_module_alloc(type);
}

static int
module_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *name = nargs > 0 ? PyTuple_GET_ITEM(args, 0) : NULL;
    PyObject *doc = nargs > 1 ? PyTuple_GET_ITEM(args, 1) : Py_None;
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "module() takes at most 2 arguments (%zd given)", nargs);
        return -1;
    }
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwds, &pos, &k, &v)) {
            if (PyUnicode_Check(k) && PyUnicode_CompareWithASCIIString(k, "name") == 0 && name == NULL)
                name = v;
            else if (PyUnicode_Check(k) && PyUnicode_CompareWithASCIIString(k, "doc") == 0 && nargs < 2)
                doc = v;
            else {
                PyErr_Format(PyExc_TypeError, "module() got an unexpected keyword argument '%S'", k);
                return -1;
            }
        }
    }
    if (name == NULL) {
        PyErr_SetString(PyExc_TypeError, "module() missing required argument 'name' (pos 1)");
        return -1;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "module() argument 'name' must be str, not %.50s",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    kr_moduleobject *m = KR_MOD(self);
    if (m->md_dict == NULL) {
        m->md_dict = PyDict_New();
        if (m->md_dict == NULL)
            return -1;
    }
    return kr_module_init_dict(m, m->md_dict, name, doc);
}

static void
module_dealloc(PyObject *self)
{
    kr_moduleobject *m = KR_MOD(self);
    PyObject_GC_UnTrack(self);
    int can_free = m->md_def == NULL || m->md_def->m_size <= 0 || m->md_state != NULL;
    if (m->md_def && m->md_def->m_free && can_free)
        m->md_def->m_free(m);
    if (m->md_weaklist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(m->md_dict);
    Py_XDECREF(m->md_name);
    if (m->md_state != NULL)
        PyMem_Free(m->md_state);
    Py_TYPE(self)->tp_free(self);
}

static int
module_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_moduleobject *m = KR_MOD(self);
    /* A module whose state is not allocated yet has nothing to visit. */
    if (m->md_def && m->md_def->m_traverse &&
        (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_traverse(self, visit, arg);
        if (res)
            return res;
    }
    Py_VISIT(m->md_dict);
    return 0;
}

static int
module_clear(PyObject *self)
{
    kr_moduleobject *m = KR_MOD(self);
    if (m->md_def && m->md_def->m_clear &&
        (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_clear(self);
        if (PyErr_Occurred())
            PyErr_WriteUnraisable(NULL);
        if (res)
            return res;
    }
    Py_CLEAR(m->md_dict);
    return 0;
}

/* ---- accessors ---- */

PyObject *
PyModule_GetDict(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return KR_MOD(m)->md_dict;   /* borrowed */
}

PyObject *
PyModule_GetNameObject(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *d = KR_MOD(m)->md_dict;
    PyObject *name = d ? PyDict_GetItemWithError(d, KR_ID(__name__)) : NULL;
    if (name == NULL || !PyUnicode_Check(name)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "nameless module");
        return NULL;
    }
    return Py_NewRef(name);
}

const char *
PyModule_GetName(PyObject *m)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL)
        return NULL;
    Py_DECREF(name);   /* the module dict keeps it alive */
    return PyUnicode_AsUTF8(name);
}

PyObject *
PyModule_GetFilenameObject(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *d = KR_MOD(m)->md_dict;
    PyObject *fileobj = d ? PyDict_GetItemWithError(d, KR_ID(__file__)) : NULL;
    if (fileobj == NULL || !PyUnicode_Check(fileobj)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "module filename missing");
        return NULL;
    }
    return Py_NewRef(fileobj);
}

const char *
PyModule_GetFilename(PyObject *m)
{
    PyObject *fileobj = PyModule_GetFilenameObject(m);
    if (fileobj == NULL)
        return NULL;
    const char *utf8 = PyUnicode_AsUTF8(fileobj);
    Py_DECREF(fileobj);
    return utf8;
}

PyModuleDef *
PyModule_GetDef(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return KR_MOD(m)->md_def;
}

void *
PyModule_GetState(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return KR_MOD(m)->md_state;
}

int
PyModule_SetDocString(PyObject *m, const char *doc)
{
    PyObject *v = PyUnicode_FromString(doc);
    if (v == NULL || PyObject_SetAttr(m, KR_ID(__doc__), v) != 0) {
        Py_XDECREF(v);
        return -1;
    }
    Py_DECREF(v);
    return 0;
}

static int
kr_add_methods_to_object(PyObject *module, PyObject *name, PyMethodDef *functions)
{
    for (PyMethodDef *fdef = functions; fdef->ml_name != NULL; fdef++) {
        if ((fdef->ml_flags & METH_CLASS) || (fdef->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError,
                            "module functions cannot set METH_CLASS or METH_STATIC");
            return -1;
        }
        PyObject *func = PyCFunction_NewEx(fdef, module, name);
        if (func == NULL)
            return -1;
        if (PyObject_SetAttrString(module, fdef->ml_name, func) != 0) {
            Py_DECREF(func);
            return -1;
        }
        Py_DECREF(func);
    }
    return 0;
}

int
PyModule_AddFunctions(PyObject *m, PyMethodDef *functions)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL)
        return -1;
    int res = kr_add_methods_to_object(m, name, functions);
    Py_DECREF(name);
    return res;
}

/* ---- definitions and initialisation ---- */

static void
moduledef_dealloc(PyObject *self)
{
    /* Definitions are static C data; nothing to free. */
}

PyTypeObject PyModuleDef_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "moduledef",
    .tp_basicsize = sizeof(PyModuleDef),
    .tp_dealloc = moduledef_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

PyObject *
PyModuleDef_Init(PyModuleDef *def)
{
    if (!(PyModuleDef_Type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&PyModuleDef_Type) < 0)
        return NULL;
    if (Py_TYPE(def) == NULL) {
        Py_SET_TYPE(def, &PyModuleDef_Type);
        /* Definitions live in static memory of the extension. */
        Py_SET_REFCNT(def, _Py_IMMORTAL_REFCNT);
    }
    return (PyObject *)def;
}

static int
kr_module_alloc_state(kr_moduleobject *m, PyModuleDef *def)
{
    if (def->m_size > 0 && m->md_state == NULL) {
        m->md_state = PyMem_Malloc((size_t)def->m_size);
        if (m->md_state == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memset(m->md_state, 0, (size_t)def->m_size);
    }
    return 0;
}

PyObject *
PyModule_Create2(PyModuleDef *module, int module_api_version)
{
    if (PyModuleDef_Init(module) == NULL)
        return NULL;
    const char *name = module->m_name;
    if (module->m_slots) {
        PyErr_Format(PyExc_SystemError,
                     "module %s: PyModule_Create is incompatible with m_slots", name);
        return NULL;
    }
    PyObject *m = PyModule_New(name);
    if (m == NULL)
        return NULL;
    if (kr_module_alloc_state(KR_MOD(m), module) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (module->m_methods != NULL && PyModule_AddFunctions(m, module->m_methods) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (module->m_doc != NULL && PyModule_SetDocString(m, module->m_doc) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    KR_MOD(m)->md_def = module;
    return m;
}

PyObject *
PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int module_api_version)
{
    PyObject *(*create)(PyObject *, PyModuleDef *) = NULL;
    int has_execution_slots = 0;
    if (PyModuleDef_Init(def) == NULL)
        return NULL;
    PyObject *nameobj = PyObject_GetAttrString(spec, "name");
    if (nameobj == NULL)
        return NULL;
    const char *name = PyUnicode_AsUTF8(nameobj);
    if (name == NULL)
        goto error;
    if (def->m_size < 0) {
        PyErr_Format(PyExc_SystemError, "module %s: m_size may not be negative for multi-phase "
                     "initialization", name);
        goto error;
    }
    for (PyModuleDef_Slot *cur = def->m_slots; cur && cur->slot; cur++) {
        if (cur->slot == Py_mod_create) {
            if (create) {
                PyErr_Format(PyExc_SystemError, "module %s has multiple create slots", name);
                goto error;
            }
            create = (PyObject *(*)(PyObject *, PyModuleDef *))cur->value;
        }
        else if (cur->slot < 0 || cur->slot > _Py_mod_LAST_SLOT) {
            PyErr_Format(PyExc_SystemError, "module %s uses unknown slot ID %i", name, cur->slot);
            goto error;
        }
        else {
            has_execution_slots = 1;
        }
    }
    PyObject *m;
    if (create) {
        m = create(spec, def);
        if (m == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_SystemError,
                             "creation of module %s failed without setting an exception", name);
            goto error;
        }
        if (PyErr_Occurred()) {
            _PyErr_FormatFromCause(PyExc_SystemError,
                                   "creation of module %s raised unreported exception", name);
            Py_DECREF(m);
            goto error;
        }
    }
    else {
        m = PyModule_NewObject(nameobj);
        if (m == NULL)
            goto error;
    }
    if (PyModule_Check(m)) {
        KR_MOD(m)->md_state = NULL;
        KR_MOD(m)->md_def = def;
    }
    else if (def->m_size > 0 || def->m_traverse || def->m_clear || def->m_free ||
             has_execution_slots) {
        PyErr_Format(PyExc_SystemError,
                     "module %s is not a module object, but requests module state", name);
        Py_DECREF(m);
        goto error;
    }
    if (def->m_methods != NULL && kr_add_methods_to_object(m, nameobj, def->m_methods) != 0) {
        Py_DECREF(m);
        goto error;
    }
    if (def->m_doc != NULL) {
        PyObject *doc = PyUnicode_FromString(def->m_doc);
        if (doc == NULL || PyObject_SetAttr(m, KR_ID(__doc__), doc) < 0) {
            Py_XDECREF(doc);
            Py_DECREF(m);
            goto error;
        }
        Py_DECREF(doc);
    }
    Py_DECREF(nameobj);
    return m;
error:
    Py_DECREF(nameobj);
    return NULL;
}

int
PyModule_ExecDef(PyObject *module, PyModuleDef *def)
{
    const char *name = PyModule_GetName(module);
    if (name == NULL)
        return -1;
    if (def->m_size >= 0 && PyModule_Check(module)) {
        if (kr_module_alloc_state(KR_MOD(module), def) < 0)
            return -1;
    }
    if (def->m_slots == NULL)
        return 0;
    for (PyModuleDef_Slot *cur = def->m_slots; cur && cur->slot; cur++) {
        if (cur->slot != Py_mod_exec)
            continue;
        int (*exec)(PyObject *) = (int (*)(PyObject *))cur->value;
        int ret = exec(module);
        if (ret != 0) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_SystemError,
                             "execution of module %s failed without setting an exception", name);
            return -1;
        }
        if (PyErr_Occurred()) {
            _PyErr_FormatFromCause(PyExc_SystemError,
                                   "execution of module %s raised unreported exception", name);
            return -1;
        }
    }
    return 0;
}

int
_PyModuleSpec_IsInitializing(PyObject *spec)
{
    if (spec == NULL)
        return 0;
    PyObject *value;
    int ok = _PyObject_LookupAttr(spec, KR_ID(_initializing), &value);
    if (ok <= 0)
        return ok;
    int initializing = PyObject_IsTrue(value);
    Py_DECREF(value);
    return initializing;
}

/* ---- attributes ---- */

static PyObject *
module_getattro(PyObject *self, PyObject *name)
{
    kr_moduleobject *m = KR_MOD(self);
    PyObject *attr = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
    if (attr != NULL || PyErr_Occurred())
        return attr;
    if (m->md_dict != NULL) {
        PyObject *getattr = PyDict_GetItemWithError(m->md_dict, KR_ID(__getattr__));
        if (getattr != NULL)
            return PyObject_CallOneArg(getattr, name);
        if (PyErr_Occurred())
            return NULL;
        PyObject *mod_name = PyDict_GetItemWithError(m->md_dict, KR_ID(__name__));
        if (mod_name != NULL && PyUnicode_Check(mod_name)) {
            Py_INCREF(mod_name);
            PyObject *spec = PyDict_GetItemWithError(m->md_dict, KR_ID(__spec__));
            Py_XINCREF(spec);
            int init = PyErr_Occurred() ? -1 : _PyModuleSpec_IsInitializing(spec);
            Py_XDECREF(spec);
            if (init < 0) {
                Py_DECREF(mod_name);
                return NULL;
            }
            if (init)
                PyErr_Format(PyExc_AttributeError,
                             "partially initialized module '%U' has no attribute '%U' "
                             "(most likely due to a circular import)", mod_name, name);
            else
                PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%U'",
                             mod_name, name);
            Py_DECREF(mod_name);
            return NULL;
        }
        if (PyErr_Occurred())
            return NULL;
    }
    PyErr_Format(PyExc_AttributeError, "module has no attribute '%U'", name);
    return NULL;
}

static PyObject *
module_dir(PyObject *self, PyObject *unused)
{
    PyObject *dict = PyObject_GetAttr(self, KR_ID(__dict__));
    if (dict == NULL)
        return NULL;
    PyObject *result = NULL;
    if (PyDict_Check(dict)) {
        PyObject *dirfunc = PyDict_GetItemWithError(dict, KR_ID(__dir__));
        if (dirfunc != NULL)
            result = PyObject_CallNoArgs(dirfunc);
        else if (!PyErr_Occurred())
            result = PyDict_Keys(dict);
    }
    else {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
    }
    Py_DECREF(dict);
    return result;
}

static PyObject *
module_get_annotations(PyObject *self, void *closure)
{
    PyObject *dict = PyObject_GetAttr(self, KR_ID(__dict__));
    if (dict == NULL)
        return NULL;
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *annotations = PyDict_GetItemWithError(dict, KR_ID(__annotations__));
    if (annotations != NULL) {
        Py_INCREF(annotations);
    }
    else if (!PyErr_Occurred()) {
        annotations = PyDict_New();
        if (annotations != NULL && PyDict_SetItem(dict, KR_ID(__annotations__), annotations) < 0)
            Py_CLEAR(annotations);
    }
    Py_DECREF(dict);
    return annotations;
}

static int
module_set_annotations(PyObject *self, PyObject *value, void *closure)
{
    PyObject *dict = PyObject_GetAttr(self, KR_ID(__dict__));
    if (dict == NULL)
        return -1;
    int ret = -1;
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
    }
    else if (value != NULL) {
        ret = PyDict_SetItem(dict, KR_ID(__annotations__), value);
    }
    else {
        ret = PyDict_DelItem(dict, KR_ID(__annotations__));
        if (ret < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_AttributeError, "__annotations__");
        }
    }
    Py_DECREF(dict);
    return ret;
}

/* importlib's _module_repr_from_spec. */
static PyObject *
kr_module_repr_from_spec(PyObject *spec)
{
    PyObject *name = NULL, *origin = NULL, *loader = NULL, *has_location = NULL, *res = NULL;
    name = PyObject_GetAttrString(spec, "name");
    if (name == NULL) {
        PyErr_Clear();
        name = PyUnicode_FromString("?");
        if (name == NULL)
            return NULL;
    }
    origin = PyObject_GetAttrString(spec, "origin");
    if (origin == NULL)
        goto done;
    if (origin == Py_None) {
        loader = PyObject_GetAttrString(spec, "loader");
        if (loader == NULL)
            goto done;
        if (loader == Py_None)
            res = PyUnicode_FromFormat("<module %R>", name);
        else
            res = PyUnicode_FromFormat("<module %R (%R)>", name, loader);
        goto done;
    }
    has_location = PyObject_GetAttrString(spec, "has_location");
    if (has_location == NULL)
        goto done;
    int located = PyObject_IsTrue(has_location);
    if (located < 0)
        goto done;
    if (located)
        res = PyUnicode_FromFormat("<module %R from %R>", name, origin);
    else
        res = PyUnicode_FromFormat("<module %R (%S)>", name, origin);
done:
    Py_XDECREF(name);
    Py_XDECREF(origin);
    Py_XDECREF(loader);
    Py_XDECREF(has_location);
    return res;
}

/* repr: importlib's _module_repr when importlib is loaded, else the same
 * rules done here for the cases that arise before it is. */
static PyObject *
module_repr(PyObject *self)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx != NULL && ctx->importlib != NULL)
        return PyObject_CallMethod(ctx->importlib, "_module_repr", "O", self);
    kr_moduleobject *m = KR_MOD(self);
    PyObject *d = m->md_dict;
    PyObject *spec = d ? PyDict_GetItemWithError(d, KR_ID(__spec__)) : NULL;
    if (spec != NULL && spec != Py_None)
        return kr_module_repr_from_spec(spec);
    if (PyErr_Occurred())
        return NULL;
    PyObject *name = d ? PyDict_GetItemWithError(d, KR_ID(__name__)) : NULL;
    if (name == NULL && PyErr_Occurred())
        return NULL;
    PyObject *nm = name ? Py_NewRef(name) : PyUnicode_FromString("?");
    if (nm == NULL)
        return NULL;
    PyObject *res;
    PyObject *file = d ? PyDict_GetItemWithError(d, KR_ID(__file__)) : NULL;
    PyObject *loader = d ? PyDict_GetItemWithError(d, KR_ID(__loader__)) : NULL;
    if (file != NULL)
        res = PyUnicode_FromFormat("<module %R from %R>", nm, file);
    else if (loader == NULL || loader == Py_None)
        res = PyUnicode_FromFormat("<module %R>", nm);
    else
        res = PyUnicode_FromFormat("<module %R (%R)>", nm, loader);
    Py_DECREF(nm);
    return res;
}

static PyMemberDef module_members[] = {
    {"__dict__", T_OBJECT, offsetof(kr_moduleobject, md_dict), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef module_getsets[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef module_methods[] = {
    {"__dir__", module_dir, METH_NOARGS,
     "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for module objects."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyModule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "module",
    .tp_basicsize = sizeof(kr_moduleobject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "module(name, doc=None)\n--\n\n"
              "Create a module object.\n\n"
              "The name must be a string; the optional doc argument can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_weaklistoffset = offsetof(kr_moduleobject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getsets,
    .tp_dictoffset = offsetof(kr_moduleobject, md_dict),
    .tp_init = module_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = module_new,
    .tp_free = PyObject_GC_Del,
};
