/* import.c: the import system, as the C API and `__import__` see it.
 *
 * Resolution follows importlib._bootstrap's algorithm: a relative name is
 * resolved against the importing module's package; each parent package
 * is imported first and its __path__ searched; top-level names are looked
 * up among the built-in modules, then along sys.path.  A module is in
 * sys.modules while its code runs (so circular imports see the partial
 * module), and is removed again if that code fails.  Sources are found as
 * NAME/__init__.py (a package), NAME.py, and native extensions as
 * NAME.krait-311-x86_64-linux-gnu.so, NAME.abi3.so, NAME.so
 * (runtime/extload.c).  When the standard library's importlib runs on
 * Krait it may take over through sys.meta_path; until then this is the
 * whole import system. */
#include "internal.h"
#include "compiler/compiler.h"
#include "modules/modules.h"
#include "objects/str_ids.h"
#include "objects/namespaceobject.h"
#include "runtime/import.h"
#include <sys/stat.h>

/* ---- sys.modules ---- */

PyObject *PyImport_GetModuleDict(void)
{
    return kr_context_get()->modules;
}

PyObject *PyImport_GetModule(PyObject *name)
{
    PyObject *m = PyDict_GetItemWithError(kr_context_get()->modules, name);
    return Py_XNewRef(m);
}

PyObject *PyImport_AddModuleObject(PyObject *name)
{
    PyObject *modules = kr_context_get()->modules;
    PyObject *m = PyDict_GetItemWithError(modules, name);
    if (m != NULL && PyModule_Check(m))
        return m;
    if (PyErr_Occurred())
        return NULL;
    m = PyModule_NewObject(name);
    if (m == NULL)
        return NULL;
    if (PyDict_SetItem(modules, name, m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(m);   /* sys.modules keeps it alive: the result is borrowed */
    return m;
}

PyObject *PyImport_AddModule(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyObject *m = PyImport_AddModuleObject(n);
    Py_DECREF(n);
    return m;
}

/* ---- module specs ---- */

/* A module spec with the attributes importlib's ModuleSpec has (name,
 * loader, origin, submodule_search_locations, parent, has_location,
 * cached).  Until importlib runs, a namespace carries them. New reference. */
static PyObject *make_spec(PyObject *name, PyObject *origin, PyObject *search_locations)
{
    PyObject *spec = kr_namespace_new(NULL);
    if (spec == NULL)
        return NULL;
    PyObject *parent;
    if (search_locations != NULL) {
        parent = Py_NewRef(name);
    } else {
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
        parent = dot < 0 ? PyUnicode_FromString("") : PyUnicode_Substring(name, 0, dot);
    }
    /* A module with no file is built in: importlib gives its spec the
     * origin 'built-in' (with no location), which module reprs show. */
    PyObject *builtin_origin = origin ? NULL : PyUnicode_FromString("built-in");
    int ok = parent != NULL && (origin != NULL || builtin_origin != NULL) &&
        PyObject_SetAttr(spec, KR_ID(name), name) == 0 &&
        PyObject_SetAttr(spec, KR_ID(loader), Py_None) == 0 &&
        PyObject_SetAttr(spec, KR_ID(origin), origin ? origin : builtin_origin) == 0 &&
        PyObject_SetAttr(spec, KR_ID(submodule_search_locations),
                         search_locations ? search_locations : Py_None) == 0 &&
        PyObject_SetAttr(spec, KR_ID(parent), parent) == 0 &&
        PyObject_SetAttr(spec, KR_ID(has_location), origin ? Py_True : Py_False) == 0 &&
        PyObject_SetAttrString(spec, "cached", Py_None) == 0;
    Py_XDECREF(builtin_origin);
    Py_XDECREF(parent);
    if (!ok) {
        Py_DECREF(spec);
        return NULL;
    }
    return spec;
}

/* Gives a module created with the context (sys, builtins) the spec of a
 * built-in module. */
int kr_set_builtin_spec(PyObject *module)
{
    PyObject *name = PyModule_GetNameObject(module);
    if (name == NULL)
        return -1;
    PyObject *spec = make_spec(name, NULL, NULL);
    Py_DECREF(name);
    if (spec == NULL)
        return -1;
    int rc = PyObject_SetAttr(module, KR_ID(__spec__), spec);
    Py_DECREF(spec);
    return rc;
}

/* ---- finding ---- */

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *const kr_extension_suffixes[] = {
    ".krait-311-x86_64-linux-gnu.so", ".abi3.so", ".so", NULL
};

/* Looks for module `last` (the final component of its name) in folder
 * `dir`.  On success fills `found` and returns 1; returns 0 when absent,
 * -1 on error. */
static int find_in_dir(PyObject *dir, PyObject *last, kr_found_module *found)
{
    PyObject *dir_bytes;
    if (!PyUnicode_FSConverter(dir, &dir_bytes))
        return -1;
    const char *d = PyBytes_AS_STRING(dir_bytes);
    const char *n = PyUnicode_AsUTF8(last);
    if (n == NULL) {
        Py_DECREF(dir_bytes);
        return -1;
    }
    char path[4200];
    int r = 0;
    const char *sep = (*d == '\0') ? "" : "/";
    /* Paths beyond these lengths can't name a file on Linux (PATH_MAX). */
    if (strlen(d) > 3000 || strlen(n) > 1000)
        goto done;
    snprintf(path, sizeof path, "%.3000s%s%.1000s", d, sep, n);
    if (is_dir(path)) {
        char init[4300];
        snprintf(init, sizeof init, "%s/__init__.py", path);
        if (is_file(init)) {
            found->kind = KR_MODULE_SOURCE;
            found->is_package = 1;
            snprintf(found->path, sizeof found->path, "%s", init);
            snprintf(found->package_dir, sizeof found->package_dir, "%s", path);
            r = 1;
            goto done;
        }
    }
    snprintf(path, sizeof path, "%.3000s%s%.1000s.py", d, sep, n);
    if (is_file(path)) {
        found->kind = KR_MODULE_SOURCE;
        found->is_package = 0;
        snprintf(found->path, sizeof found->path, "%s", path);
        r = 1;
        goto done;
    }
    for (int i = 0; kr_extension_suffixes[i]; i++) {
        snprintf(path, sizeof path, "%.3000s%s%.1000s%.64s", d, sep, n, kr_extension_suffixes[i]);
        if (is_file(path)) {
            found->kind = KR_MODULE_EXTENSION;
            found->is_package = 0;
            snprintf(found->path, sizeof found->path, "%s", path);
            r = 1;
            goto done;
        }
    }
    /* A module built for CPython is found so that loading can refuse it
     * with a clear message instead of "No module named". */
    snprintf(path, sizeof path, "%.3000s%s%.1000s.cpython-311-x86_64-linux-gnu.so", d, sep, n);
    if (is_file(path)) {
        found->kind = KR_MODULE_CPYTHON_EXTENSION;
        found->is_package = 0;
        snprintf(found->path, sizeof found->path, "%s", path);
        r = 1;
    }
done:
    Py_DECREF(dir_bytes);
    return r;
}

/* ---- loading ---- */

static PyObject *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
        return NULL;
    }
    PyObject *data = NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            char *nb = PyMem_RawRealloc(buf, cap + 1);
            if (nb == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            buf = nb;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
        goto done;
    }
    data = PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
done:
    PyMem_RawFree(buf);
    fclose(f);
    return data;
}

/* Runs `code` in a fresh module registered as sys.modules[name] and
 * returns sys.modules[name] afterwards (a module may replace itself
 * there).  On failure the entry is removed again.  New reference. */
static PyObject *exec_module_code(PyObject *name, PyObject *code, PyObject *module)
{
    PyObject *modules = kr_context_get()->modules;
    PyObject *d = PyModule_GetDict(module);
    if (PyDict_GetItemWithError(d, KR_ID(__builtins__)) == NULL) {
        if (PyErr_Occurred() || PyDict_SetItem(d, KR_ID(__builtins__), PyEval_GetBuiltins()) < 0)
            return NULL;
    }
    if (PyDict_SetItem(modules, name, module) < 0)
        return NULL;
    PyObject *r = PyEval_EvalCode(code, d, d);
    if (r == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyDict_DelItem(modules, name) < 0)
            PyErr_Clear();
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    Py_DECREF(r);
    PyObject *m = PyDict_GetItemWithError(modules, name);
    if (m == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ImportError, "Loaded module %R not found in sys.modules", name);
        return NULL;
    }
    return Py_NewRef(m);
}

/* Sets the standard module attributes before its code runs. */
static int init_module_attrs(PyObject *module, PyObject *name, const kr_found_module *found)
{
    PyObject *d = PyModule_GetDict(module);
    PyObject *file = PyUnicode_DecodeFSDefault(found->path);
    PyObject *locations = NULL, *package = NULL, *spec = NULL;
    int rc = -1;
    if (file == NULL)
        goto done;
    if (found->is_package) {
        PyObject *dir = PyUnicode_DecodeFSDefault(found->package_dir);
        if (dir == NULL)
            goto done;
        locations = PyList_New(1);
        if (locations == NULL) {
            Py_DECREF(dir);
            goto done;
        }
        PyList_SET_ITEM(locations, 0, dir);
        package = Py_NewRef(name);
    } else {
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
        package = dot < 0 ? PyUnicode_FromString("") : PyUnicode_Substring(name, 0, dot);
        if (package == NULL)
            goto done;
    }
    spec = make_spec(name, file, locations);
    if (spec == NULL)
        goto done;
    if (PyDict_SetItem(d, KR_ID(__file__), file) < 0 ||
        PyDict_SetItem(d, KR_ID(__package__), package) < 0 ||
        PyDict_SetItem(d, KR_ID(__spec__), spec) < 0 ||
        PyDict_SetItem(d, KR_ID(__loader__), Py_None) < 0 ||
        PyDict_SetItem(d, KR_ID(__cached__), Py_None) < 0 ||
        (locations && PyDict_SetItem(d, KR_ID(__path__), locations) < 0))
        goto done;
    rc = 0;
done:
    Py_XDECREF(file);
    Py_XDECREF(locations);
    Py_XDECREF(package);
    Py_XDECREF(spec);
    return rc;
}

static PyObject *load_source(PyObject *name, const kr_found_module *found)
{
    PyObject *src = read_file(found->path);
    if (src == NULL)
        return NULL;
    PyObject *filename = PyUnicode_DecodeFSDefault(found->path);
    PyObject *code = NULL, *module = NULL, *result = NULL;
    if (filename == NULL)
        goto done;
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    code = kr_compile_source(PyBytes_AS_STRING(src), PyBytes_GET_SIZE(src), filename,
                             Py_file_input, &cf, -1);
    if (code == NULL)
        goto done;
    module = PyModule_NewObject(name);
    if (module == NULL || init_module_attrs(module, name, found) < 0)
        goto done;
    result = exec_module_code(name, code, module);
done:
    Py_XDECREF(module);
    Py_XDECREF(code);
    Py_XDECREF(filename);
    Py_DECREF(src);
    return result;
}

/* Creates a built-in module: the init function returns a module
 * (single-phase) or a PyModuleDef (multi-phase, PEP 489). */
PyObject *kr_create_builtin(PyObject *name, PyObject *(*init)(void))
{
    PyObject *m = init();
    if (m == NULL)
        return NULL;
    if (PyObject_TypeCheck(m, &PyModuleDef_Type)) {
        PyModuleDef *def = (PyModuleDef *)m;
        PyObject *spec = make_spec(name, NULL, NULL);
        if (spec == NULL)
            return NULL;
        m = PyModule_FromDefAndSpec(def, spec);
        Py_DECREF(spec);
        if (m == NULL)
            return NULL;
        if (PyModule_ExecDef(m, def) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    PyObject *spec = make_spec(name, NULL, NULL);
    if (spec == NULL || PyObject_SetAttr(m, KR_ID(__spec__), spec) < 0) {
        Py_XDECREF(spec);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(spec);
    if (PyDict_SetItem(kr_context_get()->modules, name, m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

static PyObject *find_builtin(PyObject *name)
{
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL)
        return NULL;
    for (const kr_builtin_module *b = kr_builtin_modules; b->name; b++)
        if (strcmp(b->name, n) == 0)
            return kr_create_builtin(name, b->init);
    for (const struct _inittab *t = kr_inittab_extra(); t && t->name; t++)
        if (strcmp(t->name, n) == 0)
            return kr_create_builtin(name, t->initfunc);
    return Py_NewRef(Py_None);
}

static PyObject *module_not_found(PyObject *name, const char *fmt, PyObject *arg)
{
    PyObject *msg = PyUnicode_FromFormat(fmt, arg);
    if (msg == NULL)
        return NULL;
    PyObject *exc = PyObject_CallOneArg(PyExc_ModuleNotFoundError, msg);
    Py_DECREF(msg);
    if (exc == NULL)
        return NULL;
    if (PyObject_SetAttr(exc, KR_ID(name), name) == 0)
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    return NULL;
}

/* Finds the absolute dotted module `name` without loading it: imports
 * its parent package first (setting *parent_out to a new reference to it,
 * or NULL for a top-level name), then searches the parent's __path__ or
 * sys.path.  Returns 1 when found, 0 with ModuleNotFoundError set, -1 on
 * other errors. */
int kr_find_module(PyObject *name, PyObject **parent_out, kr_found_module *found)
{
    PyObject *path = NULL, *parent_module = NULL, *last = NULL;
    int r = -1;
    *parent_out = NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2)
        return -1;
    if (dot >= 0) {
        PyObject *parent = PyUnicode_Substring(name, 0, dot);
        if (parent == NULL)
            return -1;
        parent_module = kr_import_absolute(parent);
        if (parent_module == NULL) {
            Py_DECREF(parent);
            return -1;
        }
        if (_PyObject_LookupAttr(parent_module, KR_ID(__path__), &path) < 0) {
            Py_DECREF(parent);
            goto done;
        }
        if (path == NULL) {
            PyObject *msg = PyUnicode_FromFormat("No module named %R; %R is not a package", name, parent);
            if (msg != NULL) {
                PyObject *exc = PyObject_CallOneArg(PyExc_ModuleNotFoundError, msg);
                if (exc && PyObject_SetAttr(exc, KR_ID(name), name) == 0)
                    PyErr_SetObject(PyExc_ModuleNotFoundError, exc);
                Py_XDECREF(exc);
                Py_DECREF(msg);
            }
            Py_DECREF(parent);
            goto done;
        }
        Py_DECREF(parent);
        last = PyUnicode_Substring(name, dot + 1, len);
    } else {
        path = PySys_GetObject("path");
        if (path == NULL) {
            PyErr_SetString(PyExc_ImportError, "sys.path must be a list of directories");
            return -1;
        }
        Py_INCREF(path);
        last = Py_NewRef(name);
    }
    if (last == NULL)
        goto done;
    PyObject *it = PyObject_GetIter(path);
    if (it == NULL)
        goto done;
    PyObject *entry;
    r = 0;
    while ((entry = PyIter_Next(it)) != NULL) {
        r = PyUnicode_Check(entry) ? find_in_dir(entry, last, found) : 0;
        Py_DECREF(entry);
        if (r != 0)
            break;
    }
    Py_DECREF(it);
    if (r < 0 || PyErr_Occurred()) {
        r = -1;
        goto done;
    }
    if (r == 0)
        module_not_found(name, "No module named %R", name);
done:
    Py_XDECREF(last);
    Py_XDECREF(path);
    if (r == 1)
        *parent_out = parent_module;
    else
        Py_XDECREF(parent_module);
    return r;
}

/* Imports the absolute dotted `name` (its parents first).  New reference. */
static PyObject *find_and_load(PyObject *name)
{
    if (PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), 1) < 0) {
        PyObject *builtin = find_builtin(name);
        if (builtin != Py_None)
            return builtin;
        Py_DECREF(builtin);
    }
    PyObject *parent_module, *result = NULL;
    kr_found_module found;
    if (kr_find_module(name, &parent_module, &found) <= 0)
        return NULL;
    /* Importing the parent may have imported this module already. */
    if (parent_module != NULL) {
        result = PyDict_GetItemWithError(kr_context_get()->modules, name);
        if (result != NULL || PyErr_Occurred()) {
            Py_DECREF(parent_module);
            return Py_XNewRef(result);
        }
    }
    switch (found.kind) {
    case KR_MODULE_SOURCE:
        result = load_source(name, &found);
        break;
    case KR_MODULE_EXTENSION:
    case KR_MODULE_CPYTHON_EXTENSION:   /* extload.c refuses it, naming name and path */
        result = kr_load_extension(name, &found);
        break;
    }
    if (result != NULL && parent_module != NULL) {
        /* A submodule is bound in its parent's namespace. */
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
        PyObject *last = PyUnicode_Substring(name, dot + 1, PyUnicode_GET_LENGTH(name));
        if (last == NULL || PyObject_SetAttr(parent_module, last, result) < 0)
            Py_CLEAR(result);
        Py_XDECREF(last);
    }
    Py_XDECREF(parent_module);
    return result;
}

/* sys.modules[name], importing it if needed.  New reference. */
PyObject *kr_import_absolute(PyObject *name)
{
    PyObject *m = PyDict_GetItemWithError(kr_context_get()->modules, name);
    if (m != NULL) {
        if (m == Py_None) {
            PyObject *msg = PyUnicode_FromFormat("import of %U halted; None in sys.modules", name);
            if (msg != NULL) {
                PyObject *exc = PyObject_CallOneArg(PyExc_ModuleNotFoundError, msg);
                if (exc && PyObject_SetAttr(exc, KR_ID(name), name) == 0)
                    PyErr_SetObject(PyExc_ModuleNotFoundError, exc);
                Py_XDECREF(exc);
                Py_DECREF(msg);
            }
            return NULL;
        }
        return Py_NewRef(m);
    }
    if (PyErr_Occurred())
        return NULL;
    struct kr_context *ctx = kr_context_get();
    if (ctx->mods.import_depth > 200) {
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded while importing");
        return NULL;
    }
    ctx->mods.import_depth++;
    m = find_and_load(name);
    ctx->mods.import_depth--;
    return m;
}

/* The package a relative import in `globals` is relative to (new
 * reference), following importlib's _calc___package__. */
static PyObject *calc_package(PyObject *globals)
{
    PyObject *package = NULL, *spec = NULL;
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    package = PyDict_GetItemWithError(globals, KR_ID(__package__));
    if (package == Py_None)
        package = NULL;
    if (package == NULL && PyErr_Occurred())
        return NULL;
    spec = PyDict_GetItemWithError(globals, KR_ID(__spec__));
    if (spec == NULL && PyErr_Occurred())
        return NULL;
    if (package != NULL) {
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "package must be a string");
            return NULL;
        }
        return Py_NewRef(package);
    }
    if (spec != NULL && spec != Py_None)
        return PyObject_GetAttr(spec, KR_ID(parent));
    if (PyErr_WarnEx(PyExc_ImportWarning,
                     "can't resolve package from __spec__ or __package__, "
                     "falling back on __name__ and __path__", 1) < 0)
        return NULL;
    PyObject *name = PyDict_GetItemWithError(globals, KR_ID(__name__));
    if (name == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be a string");
        return NULL;
    }
    int has_path = PyDict_Contains(globals, KR_ID(__path__));
    if (has_path < 0)
        return NULL;
    if (has_path)
        return Py_NewRef(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
    return dot < 0 ? PyUnicode_FromString("") : PyUnicode_Substring(name, 0, dot);
}

/* The absolute name of a relative import (new reference). */
static PyObject *resolve_name(PyObject *name, PyObject *globals, int level)
{
    PyObject *package = calc_package(globals);
    if (package == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(package) == 0) {
        Py_DECREF(package);
        PyErr_SetString(PyExc_ImportError, "attempted relative import with no known parent package");
        return NULL;
    }
    /* Strip level-1 trailing components. */
    PyObject *base = package;
    for (int i = 1; i < level; i++) {
        Py_ssize_t dot = PyUnicode_FindChar(base, '.', 0, PyUnicode_GET_LENGTH(base), -1);
        if (dot < 0) {
            Py_DECREF(base);
            PyErr_SetString(PyExc_ImportError, "attempted relative import beyond top-level package");
            return NULL;
        }
        PyObject *shorter = PyUnicode_Substring(base, 0, dot);
        Py_DECREF(base);
        if (shorter == NULL)
            return NULL;
        base = shorter;
    }
    if (PyUnicode_GET_LENGTH(name) == 0)
        return base;
    PyObject *abs = PyUnicode_FromFormat("%U.%U", base, name);
    Py_DECREF(base);
    return abs;
}

/* from package import a, b: imports submodules named in the fromlist that
 * are not attributes yet (importlib's _handle_fromlist). */
static int handle_fromlist(PyObject *module, PyObject *fromlist, int recursive)
{
    PyObject *it = PyObject_GetIter(fromlist);
    if (it == NULL)
        return -1;
    PyObject *x;
    PyObject *modname = NULL;
    int rc = 0;
    while (rc == 0 && (x = PyIter_Next(it)) != NULL) {
        if (!PyUnicode_Check(x)) {
            /* importlib's wording: where the bad item came from */
            if (recursive) {
                if (modname == NULL)
                    modname = PyObject_GetAttr(module, KR_ID(__name__));
                if (modname != NULL)
                    PyErr_Format(PyExc_TypeError, "Item in %U.__all__ must be str, not %.100s",
                                 modname, Py_TYPE(x)->tp_name);
            } else {
                PyErr_Format(PyExc_TypeError, "Item in ``from list'' must be str, not %.100s",
                             Py_TYPE(x)->tp_name);
            }
            rc = -1;
        } else if (PyUnicode_CompareWithASCIIString(x, "*") == 0) {
            PyObject *all;
            if (!recursive && (rc = _PyObject_LookupAttr(module, KR_ID(__all__), &all)) > 0) {
                rc = handle_fromlist(module, all, 1);
                Py_DECREF(all);
            }
        } else {
            PyObject *v;
            rc = _PyObject_LookupAttr(module, x, &v);
            if (rc > 0) {
                Py_DECREF(v);
                rc = 0;
            } else if (rc == 0) {
                if (modname == NULL)
                    modname = PyObject_GetAttr(module, KR_ID(__name__));
                PyObject *sub = modname ? PyUnicode_FromFormat("%U.%U", modname, x) : NULL;
                if (sub == NULL) {
                    rc = -1;
                } else {
                    PyObject *m = kr_import_absolute(sub);
                    if (m != NULL) {
                        Py_DECREF(m);
                    } else if (PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
                        /* Only a missing submodule of that very name is
                         * ignored: `from pkg import name` then fails later
                         * with "cannot import name". */
                        PyObject *exc = PyErr_GetRaisedException();
                        PyObject *ename = PyObject_GetAttr(exc, KR_ID(name));
                        int same = ename && PyUnicode_Check(ename) && PyUnicode_Compare(ename, sub) == 0;
                        Py_XDECREF(ename);
                        if (same) {
                            PyErr_Clear();
                            Py_DECREF(exc);
                        } else {
                            PyErr_SetRaisedException(exc);
                            rc = -1;
                        }
                    } else {
                        rc = -1;
                    }
                    Py_DECREF(sub);
                }
            }
        }
        Py_DECREF(x);
    }
    Py_DECREF(it);
    Py_XDECREF(modname);
    if (rc == 0 && PyErr_Occurred())
        rc = -1;
    return rc;
}

PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals,
                                           PyObject *fromlist, int level)
{
    if (name == NULL) {
        PyErr_SetString(PyExc_ValueError, "Empty module name");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        PyErr_SetString(PyExc_ValueError, "level must be >= 0");
        return NULL;
    }
    PyObject *abs_name;
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
        if (abs_name == NULL)
            return NULL;
    } else {
        if (PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_ValueError, "Empty module name");
            return NULL;
        }
        abs_name = Py_NewRef(name);
    }
    PyObject *module = kr_import_absolute(abs_name);
    PyObject *result = NULL;
    if (module == NULL)
        goto done;
    int has_from = 0;
    if (fromlist != NULL && fromlist != Py_None) {
        has_from = PyObject_IsTrue(fromlist);
        if (has_from < 0)
            goto done;
    }
    if (!has_from) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(name);
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
        if (level == 0 || len > 0) {
            if (dot < 0) {
                result = Py_NewRef(module);
            } else if (level == 0) {
                PyObject *front = PyUnicode_Substring(name, 0, dot);
                if (front != NULL) {
                    result = kr_import_absolute(front);
                    Py_DECREF(front);
                }
            } else {
                /* The module that the first component of `name` resolves to. */
                Py_ssize_t cut = PyUnicode_GET_LENGTH(abs_name) - (len - dot);
                PyObject *front = PyUnicode_Substring(abs_name, 0, cut);
                if (front != NULL) {
                    result = PyDict_GetItemWithError(kr_context_get()->modules, front);
                    if (result == NULL && !PyErr_Occurred())
                        PyErr_Format(PyExc_KeyError, "%R not in sys.modules as expected", front);
                    Py_XINCREF(result);
                    Py_DECREF(front);
                }
            }
        } else {
            result = Py_NewRef(module);
        }
    } else {
        PyObject *path;
        int is_pkg = _PyObject_LookupAttr(module, KR_ID(__path__), &path);
        if (is_pkg < 0)
            goto done;
        Py_XDECREF(path);
        if (is_pkg && handle_fromlist(module, fromlist, 0) < 0)
            goto done;
        result = Py_NewRef(module);
    }
done:
    Py_XDECREF(module);
    Py_DECREF(abs_name);
    return result;
}

PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals,
                                     PyObject *fromlist, int level)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyObject *m = PyImport_ImportModuleLevelObject(n, globals, locals, fromlist, level);
    Py_DECREF(n);
    return m;
}

/* PyImport_Import: goes through builtins.__import__ so that a replaced
 * __import__ is honoured, then returns sys.modules[name]. */
PyObject *PyImport_Import(PyObject *name)
{
    PyObject *builtins = PyEval_GetBuiltins();   /* borrowed */
    PyObject *imp = builtins ? PyDict_GetItemWithError(builtins, KR_ID(__import__)) : NULL;
    if (imp == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *fromlist = PyList_New(0);
    if (fromlist == NULL)
        return NULL;
    PyObject *globals = PyEval_GetGlobals();
    PyObject *args[5] = {name, globals ? globals : Py_None, globals ? globals : Py_None,
                         fromlist, NULL};
    PyObject *zero = PyLong_FromLong(0);
    args[4] = zero;
    PyObject *r = zero ? PyObject_Vectorcall(imp, args, 5, NULL) : NULL;
    Py_XDECREF(zero);
    Py_DECREF(fromlist);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    PyObject *m = PyImport_GetModule(name);
    if (m == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_KeyError, "%R not in sys.modules as expected", name);
    return m;
}

PyObject *PyImport_ImportModule(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyObject *m = PyImport_Import(n);
    Py_DECREF(n);
    return m;
}

PyObject *PyImport_ImportModuleNoBlock(const char *name)
{
    return PyImport_ImportModule(name);
}

PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject *pathname,
                                        PyObject *cpathname)
{
    PyObject *m = PyImport_AddModuleObject(name);   /* borrowed */
    if (m == NULL)
        return NULL;
    Py_INCREF(m);
    PyObject *d = PyModule_GetDict(m);
    if (pathname != NULL && PyDict_SetItem(d, KR_ID(__file__), pathname) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    PyObject *r = exec_module_code(name, co, m);
    Py_DECREF(m);
    return r;
}

PyObject *PyImport_ExecCodeModuleWithPathnames(const char *name, PyObject *co,
                                               const char *pathname, const char *cpathname)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *p = pathname ? PyUnicode_DecodeFSDefault(pathname) : NULL;
    PyObject *r = (n && (p || !pathname)) ? PyImport_ExecCodeModuleObject(n, co, p, NULL) : NULL;
    Py_XDECREF(n);
    Py_XDECREF(p);
    return r;
}

PyObject *PyImport_ExecCodeModuleEx(const char *name, PyObject *co, const char *pathname)
{
    return PyImport_ExecCodeModuleWithPathnames(name, co, pathname, NULL);
}

PyObject *PyImport_ExecCodeModule(const char *name, PyObject *co)
{
    return PyImport_ExecCodeModuleWithPathnames(name, co, NULL, NULL);
}

/* reload(m): runs the module's source again in its existing dict. */
PyObject *PyImport_ReloadModule(PyObject *m)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL)
        return NULL;
    PyObject *file = PyModule_GetFilenameObject(m);
    PyObject *r = NULL;
    if (file == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *fb;
    if (PyUnicode_FSConverter(file, &fb)) {
        PyObject *src = read_file(PyBytes_AS_STRING(fb));
        if (src != NULL) {
            PyCompilerFlags cf = _PyCompilerFlags_INIT;
            PyObject *code = kr_compile_source(PyBytes_AS_STRING(src), PyBytes_GET_SIZE(src), file,
                                               Py_file_input, &cf, -1);
            if (code != NULL) {
                r = exec_module_code(name, code, m);
                Py_DECREF(code);
            }
            Py_DECREF(src);
        }
        Py_DECREF(fb);
    }
    Py_DECREF(file);
    Py_DECREF(name);
    return r;
}

PyObject *PyImport_GetImporter(PyObject *path)
{
    PyObject *cache = PySys_GetObject("path_importer_cache");
    if (cache != NULL && PyDict_Check(cache)) {
        PyObject *imp = PyDict_GetItemWithError(cache, path);
        if (imp != NULL || PyErr_Occurred())
            return Py_XNewRef(imp);
    }
    Py_RETURN_NONE;
}

long PyImport_GetMagicNumber(void)
{
    /* 3.11's magic number 3495, little-endian with \r\n, as CPython reports it. */
    return 3495 | ((long)'\r' << 16) | ((long)'\n' << 24);
}

const char *PyImport_GetMagicTag(void)
{
    return "krait-311";
}

int PyImport_ImportFrozenModuleObject(PyObject *name)
{
    return 0;   /* Krait has no frozen modules: "not found" is 0 */
}

int PyImport_ImportFrozenModule(const char *name)
{
    return 0;
}
