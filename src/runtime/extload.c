/* extload.c: loading native extension modules (design, section 5).
 *
 * A module file's PyInit_NAME is looked up in the library that
 * embed/isolation.c picks for the current context (the library as found,
 * or a private copy when a single-phase module is already used by another
 * context) and called.  A PyModuleDef result means multi-phase
 * initialisation (PEP 489): the module is created from the def and the
 * spec, then executed, in each context from the one shared library.
 * Anything else must be the finished module (single-phase).  Failures of
 * the init function itself are reported as CPython reports them (its
 * exception, or a SystemError); everything Krait decides on its own (a
 * file that will not load, a binary built for CPython, a context whose
 * allow_native_access option is off) is an ImportError carrying the
 * module's name and path and saying what to do about it.
 * tests/ext_bad/ covers each of these. */
#include "internal.h"
#include "runtime/import.h"
#include "modules/modules.h"
#include "objects/str_ids.h"
#include "objects/namespaceobject.h"
#include "vm/code.h"
#include "embed/isolation.h"
#include "runtime/runtime.h"
#include <dlfcn.h>

/* Raises ImportError(msg, name=name, path=path). */
static void import_error(PyObject *name, const char *path, PyObject *msg)
{
    if (msg == NULL)
        return;
    PyObject *p = path ? PyUnicode_DecodeFSDefault(path) : Py_NewRef(Py_None);
    if (p != NULL)
        PyErr_SetImportError(msg, name, p);
    Py_XDECREF(p);
    Py_DECREF(msg);
}

/* The module name an init function is named after: the last component
 * of the dotted name. */
static const char *short_name(const char *dotted)
{
    const char *dot = strrchr(dotted, '.');
    return dot ? dot + 1 : dotted;
}

/* Looks up PyInit_NAME in the library `handle` and calls it.  Its result
 * (a module or a PyModuleDef; new reference), or NULL with an exception
 * set.  The failures and their wording are CPython's: a missing symbol is
 * an ImportError naming the function; what the init function raises
 * propagates unchanged; a NULL result with nothing raised, or a result
 * with an exception left pending, is a SystemError. */
static PyObject *call_init(PyObject *name, const char *cname, const char *path, void *handle)
{
    char symbol[512];
    snprintf(symbol, sizeof symbol, "PyInit_%.480s", short_name(cname));
    PyObject *(*init)(void);
    *(void **)&init = dlsym(handle, symbol);
    if (init == NULL) {
        import_error(name, path, PyUnicode_FromFormat(
            "dynamic module does not define module export function (%s)", symbol));
        return NULL;
    }
    PyObject *m = init();
    if (m == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_SystemError,
                         "initialization of %s failed without raising an exception",
                         short_name(cname));
        return NULL;
    }
    if (PyErr_Occurred()) {
        /* CPython 3.11 drops the stray exception rather than chaining it. */
        Py_DECREF(m);
        PyErr_Clear();
        PyErr_Format(PyExc_SystemError, "initialization of %s raised unreported exception",
                     short_name(cname));
        return NULL;
    }
    return m;
}

/* Whether `path` names a binary built for CPython (its tag is in the
 * suffix: NAME.cpython-311-x86_64-linux-gnu.so), which the import finder
 * reports so that loading can refuse it here with a useful message. */
static int built_for_cpython(const char *path)
{
    const char *base = strrchr(path, '/');
    return strstr(base ? base + 1 : path, ".cpython-") != NULL;
}

/* Creates (and for multi-phase modules, does not yet execute) a module
 * from the library at `path`.  Sets *def_out to the PyModuleDef of a
 * multi-phase module, else NULL.  New reference. */
static PyObject *create_from_library(PyObject *name, const char *path, PyObject *spec,
                                     PyModuleDef **def_out)
{
    struct kr_context *ctx = kr_context_get();
    *def_out = NULL;
    if (!ctx->options.allow_native_access) {
        import_error(name, path, PyUnicode_FromFormat(
            "cannot import native module %R: native access is disabled in this context "
            "(the allow_native_access option is off)", name));
        return NULL;
    }
    if (built_for_cpython(path)) {
        import_error(name, path, PyUnicode_FromFormat(
            "%s was built for CPython 3.11, not for Krait, and Krait cannot load CPython "
            "extension binaries: rebuild module %R from source against Krait's headers "
            "(`krait -m pip install ...`, `krait setup.py build_ext`, or a C compiler with "
            "the flags from `krait-config --cflags`)", path, name));
        return NULL;
    }
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL)
        return NULL;
    kr_iso_load load;
    if (kr_isolation_acquire(name, path, &load) < 0)
        return NULL;
    PyObject *m = call_init(name, cname, path, load.handle);
    kr_isolation_settle(&load, m == NULL ? KR_ISO_UNKNOWN :
                        PyObject_TypeCheck(m, &PyModuleDef_Type) ? KR_ISO_MULTI :
                        PyModule_Check(m) ? KR_ISO_SINGLE : KR_ISO_UNKNOWN);
    if (m == NULL)
        return NULL;
    if (PyObject_TypeCheck(m, &PyModuleDef_Type)) {
        PyModuleDef *def = (PyModuleDef *)m;
        *def_out = def;
        return PyModule_FromDefAndSpec(def, spec);
    }
    if (!PyModule_Check(m)) {
        PyErr_Format(PyExc_SystemError, "initialization of %s did not return an extension module",
                     short_name(cname));
        Py_DECREF(m);
        return NULL;
    }
    PyModuleDef *def = PyModule_GetDef(m);
    if (def != NULL && kr_state_add_module(m, def) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

static PyObject *make_ext_spec(PyObject *name, const char *path)
{
    PyObject *spec = kr_namespace_new(NULL);
    PyObject *origin = PyUnicode_DecodeFSDefault(path);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
    PyObject *parent = dot < 0 ? PyUnicode_FromString("") : PyUnicode_Substring(name, 0, dot);
    int ok = spec && origin && parent &&
        PyObject_SetAttr(spec, KR_ID(name), name) == 0 &&
        PyObject_SetAttr(spec, KR_ID(origin), origin) == 0 &&
        PyObject_SetAttr(spec, KR_ID(loader), Py_None) == 0 &&
        PyObject_SetAttr(spec, KR_ID(parent), parent) == 0 &&
        PyObject_SetAttr(spec, KR_ID(submodule_search_locations), Py_None) == 0 &&
        PyObject_SetAttr(spec, KR_ID(has_location), Py_True) == 0 &&
        PyObject_SetAttrString(spec, "cached", Py_None) == 0;
    Py_XDECREF(origin);
    Py_XDECREF(parent);
    if (!ok)
        Py_CLEAR(spec);
    return spec;
}

PyObject *kr_load_extension(PyObject *name, const kr_found_module *found)
{
    PyObject *spec = make_ext_spec(name, found->path);
    if (spec == NULL)
        return NULL;
    PyModuleDef *def;
    PyObject *m = create_from_library(name, found->path, spec, &def);
    if (m == NULL) {
        Py_DECREF(spec);
        return NULL;
    }
    PyObject *file = PyUnicode_DecodeFSDefault(found->path);
    int rc = (file != NULL && PyModule_Check(m)) ?
        (PyObject_SetAttr(m, KR_ID(__file__), file) | PyObject_SetAttr(m, KR_ID(__spec__), spec)) : 0;
    Py_XDECREF(file);
    Py_DECREF(spec);
    if (file == NULL || rc < 0) {
        Py_DECREF(m);
        return NULL;
    }
    PyObject *modules = kr_context_get()->modules;
    if (PyDict_SetItem(modules, name, m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (def != NULL && PyModule_Check(m) && PyModule_ExecDef(m, def) < 0) {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyDict_DelItem(modules, name) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

/* The teardown hook kr_context_free calls (runtime/runtime.h) once the
 * context's modules are gone: the native libraries the context holds are
 * released, so that a later context may import them (with fresh C
 * globals where the loader can unload them). */
void kr_extload_context_fini(struct kr_context *ctx)
{
    kr_isolation_context_closed(ctx);
}

/* ---- PyState_*: single-phase modules found by their def, per context ---- */

int kr_state_add_module(PyObject *module, PyModuleDef *def)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx->mods.modules_by_def == NULL && (ctx->mods.modules_by_def = PyDict_New()) == NULL)
        return -1;
    PyObject *key = PyLong_FromVoidPtr(def);
    if (key == NULL)
        return -1;
    int rc = PyDict_SetItem(ctx->mods.modules_by_def, key, module);
    Py_DECREF(key);
    return rc;
}

PyObject *PyState_FindModule(PyModuleDef *def)
{
    struct kr_context *ctx = kr_context_get();
    if (def->m_slots != NULL || ctx->mods.modules_by_def == NULL)
        return NULL;
    PyObject *key = PyLong_FromVoidPtr(def);
    if (key == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *m = PyDict_GetItemWithError(ctx->mods.modules_by_def, key);   /* borrowed */
    Py_DECREF(key);
    if (m == NULL)
        PyErr_Clear();
    return m;
}

int PyState_AddModule(PyObject *module, PyModuleDef *def)
{
    if (def == NULL) {
        Py_FatalError("PyState_AddModule: module definition is NULL");
        return -1;
    }
    if (def->m_slots != NULL) {
        PyErr_SetString(PyExc_SystemError, "PyState_AddModule called on module with slots");
        return -1;
    }
    return kr_state_add_module(module, def);
}

int PyState_RemoveModule(PyModuleDef *def)
{
    struct kr_context *ctx = kr_context_get();
    if (def->m_slots != NULL) {
        PyErr_SetString(PyExc_SystemError, "PyState_RemoveModule called on module with slots");
        return -1;
    }
    if (ctx->mods.modules_by_def == NULL) {
        Py_FatalError("PyState_RemoveModule: Module index out of bounds.");
        return -1;
    }
    PyObject *key = PyLong_FromVoidPtr(def);
    if (key == NULL)
        return -1;
    int rc = PyDict_DelItem(ctx->mods.modules_by_def, key);
    Py_DECREF(key);
    return rc;
}

/* ---- _imp: what importlib's loaders need ---- */

static PyObject *imp_extension_suffixes(PyObject *self, PyObject *unused)
{
    PyObject *list = PyList_New(0);
    for (int i = 0; list && kr_extension_suffixes[i]; i++) {
        PyObject *s = PyUnicode_FromString(kr_extension_suffixes[i]);
        if (s == NULL || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    return list;
}

static PyObject *imp_create_dynamic(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "create_dynamic expected 1 or 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *spec = args[0];
    PyObject *name = PyObject_GetAttr(spec, KR_ID(name));
    PyObject *origin = name ? PyObject_GetAttr(spec, KR_ID(origin)) : NULL;
    PyObject *m = NULL, *path_bytes = NULL;
    if (origin == NULL || !PyUnicode_FSConverter(origin, &path_bytes))
        goto done;
    PyObject *existing = PyImport_GetModule(name);
    if (existing != NULL) {
        m = existing;
        goto done;
    }
    PyModuleDef *def;
    m = create_from_library(name, PyBytes_AS_STRING(path_bytes), spec, &def);
    if (m != NULL && def == NULL && PyObject_SetAttr(m, KR_ID(__file__), origin) < 0)
        Py_CLEAR(m);
done:
    Py_XDECREF(path_bytes);
    Py_XDECREF(origin);
    Py_XDECREF(name);
    return m;
}

static PyObject *imp_exec_dynamic(PyObject *self, PyObject *mod)
{
    if (!PyModule_Check(mod))
        return PyLong_FromLong(0);
    PyModuleDef *def = PyModule_GetDef(mod);
    if (def == NULL) {
        PyErr_Clear();
        return PyLong_FromLong(0);
    }
    /* As in CPython: a module with allocated state has been executed. */
    if (PyModule_GetState(mod) != NULL)
        return PyLong_FromLong(0);
    if (PyModule_ExecDef(mod, def) < 0)
        return NULL;
    return PyLong_FromLong(0);
}

static PyObject *imp_is_builtin(PyObject *self, PyObject *name)
{
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL)
        return NULL;
    for (const kr_builtin_module *b = kr_builtin_modules; b->name; b++)
        if (strcmp(b->name, n) == 0)
            return PyLong_FromLong(strcmp(n, "sys") == 0 || strcmp(n, "builtins") == 0 ? -1 : 1);
    for (const struct _inittab *t = kr_inittab_extra(); t && t->name; t++)
        if (strcmp(t->name, n) == 0)
            return PyLong_FromLong(1);
    return PyLong_FromLong(0);
}

static PyObject *imp_create_builtin(PyObject *self, PyObject *spec)
{
    PyObject *name = PyObject_GetAttr(spec, KR_ID(name));
    if (name == NULL)
        return NULL;
    PyObject *m = PyImport_GetModule(name);
    if (m == NULL && !PyErr_Occurred()) {
        const char *n = PyUnicode_AsUTF8(name);
        for (const kr_builtin_module *b = kr_builtin_modules; n && b->name && m == NULL; b++)
            if (strcmp(b->name, n) == 0)
                m = kr_create_builtin(name, b->init);
        for (const struct _inittab *t = kr_inittab_extra(); n && t && t->name && m == NULL; t++)
            if (strcmp(t->name, n) == 0)
                m = kr_create_builtin(name, t->initfunc);
        if (m == NULL && !PyErr_Occurred())
            PyErr_Format(PyExc_ImportError, "no built-in module named %U", name);
    }
    Py_DECREF(name);
    return m;
}

static PyObject *imp_exec_builtin(PyObject *self, PyObject *mod)
{
    return PyLong_FromLong(0);
}

static PyObject *imp_is_frozen(PyObject *self, PyObject *name) { Py_RETURN_FALSE; }
static PyObject *imp_is_frozen_package(PyObject *self, PyObject *name) { Py_RETURN_FALSE; }

static PyObject *imp_find_frozen(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames)
{
    Py_RETURN_NONE;   /* Krait has no frozen modules */
}

static PyObject *imp_frozen_not_found(PyObject *self, PyObject *name)
{
    PyErr_Format(PyExc_ImportError, "No such frozen object named %R", name);
    return NULL;
}

static PyObject *imp_lock_held(PyObject *self, PyObject *unused)
{
    Py_RETURN_FALSE;
}

/* The import lock: a context's threads take turns on the context lock,
 * and module bodies run under it, so these have nothing more to do. */
static PyObject *imp_acquire_lock(PyObject *self, PyObject *unused) { Py_RETURN_NONE; }
static PyObject *imp_release_lock(PyObject *self, PyObject *unused) { Py_RETURN_NONE; }

/* Replaces co_filename `old` by `new` in a code object and the code
 * objects nested in its constants, as importlib asks when a module was
 * compiled under another path. */
static void fix_filename(PyCodeObject *co, PyObject *old, PyObject *new)
{
    if (PyUnicode_Compare(co->co_filename, old) != 0)
        return;
    Py_SETREF(co->co_filename, Py_NewRef(new));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c))
            fix_filename((PyCodeObject *)c, old, new);
    }
}

static PyObject *imp_fix_co_filename(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "_fix_co_filename expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (!PyCode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "_fix_co_filename() expects a code object and a str");
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)args[0];
    PyObject *old = Py_NewRef(co->co_filename);
    fix_filename(co, old, args[1]);
    Py_DECREF(old);
    Py_RETURN_NONE;
}

static PyObject *imp_source_hash(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames)
{
    PyErr_SetString(PyExc_NotImplementedError, "hash-based .pyc files are not supported by Krait");
    return NULL;
}

static PyMethodDef imp_methods[] = {
    {"extension_suffixes", imp_extension_suffixes, METH_NOARGS, NULL},
    {"create_dynamic", (PyCFunction)(void (*)(void))imp_create_dynamic, METH_FASTCALL, NULL},
    {"exec_dynamic", imp_exec_dynamic, METH_O, NULL},
    {"is_builtin", imp_is_builtin, METH_O, NULL},
    {"create_builtin", imp_create_builtin, METH_O, NULL},
    {"exec_builtin", imp_exec_builtin, METH_O, NULL},
    {"is_frozen", imp_is_frozen, METH_O, NULL},
    {"is_frozen_package", imp_is_frozen_package, METH_O, NULL},
    {"find_frozen", (PyCFunction)(void (*)(void))imp_find_frozen, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"get_frozen_object", imp_frozen_not_found, METH_O, NULL},
    {"init_frozen", imp_frozen_not_found, METH_O, NULL},
    {"lock_held", imp_lock_held, METH_NOARGS, NULL},
    {"acquire_lock", imp_acquire_lock, METH_NOARGS, NULL},
    {"release_lock", imp_release_lock, METH_NOARGS, NULL},
    {"_fix_co_filename", (PyCFunction)(void (*)(void))imp_fix_co_filename, METH_FASTCALL, NULL},
    {"source_hash", (PyCFunction)(void (*)(void))imp_source_hash, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

PyObject *PyInit__imp(void)
{
    PyObject *m = PyModule_New("_imp");
    if (m == NULL)
        return NULL;
    PyObject *names = PyTuple_New(0);
    PyObject *mode = PyUnicode_FromString("never");
    if (names == NULL || mode == NULL || PyModule_AddFunctions(m, imp_methods) < 0 ||
        PyModule_AddObjectRef(m, "_frozen_module_names", names) < 0 ||
        PyModule_AddObjectRef(m, "check_hash_based_pycs", mode) < 0 ||
        PyModule_AddIntConstant(m, "pyc_magic_number", 3495) < 0) {
        Py_XDECREF(names);
        Py_XDECREF(mode);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(names);
    Py_DECREF(mode);
    return m;
}
