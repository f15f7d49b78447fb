/* import.h (internal): the pieces of the import system shared between
 * runtime/import.c (finding, source modules), runtime/extload.c (native
 * extensions) and runtime/inittab.c (built-in module tables). */
#ifndef KR_RUNTIME_IMPORT_H
#define KR_RUNTIME_IMPORT_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

typedef enum {
    KR_MODULE_SOURCE,              /* NAME.py or NAME/__init__.py */
    KR_MODULE_EXTENSION,           /* a native module built for Krait */
    KR_MODULE_CPYTHON_EXTENSION    /* a native module built for CPython: refused */
} kr_module_kind;

typedef struct kr_found_module {
    kr_module_kind kind;
    int is_package;
    char path[4400];               /* the file to load */
    char package_dir[4400];        /* for a package: its folder (its __path__) */
} kr_found_module;

/* Suffixes of native modules, most specific first (importlib's
 * EXTENSION_SUFFIXES); NULL-terminated. */
extern const char *const kr_extension_suffixes[];

/* sys.modules[name], importing the absolute dotted name if needed. New reference. */
PyObject *kr_import_absolute(PyObject *name);

/* Runs a built-in module's init function (single- or multi-phase) and
 * registers the module in sys.modules.  New reference. */
PyObject *kr_create_builtin(PyObject *name, PyObject *(*init)(void));

/* Loads a native extension module found by the finder. New reference. */
PyObject *kr_load_extension(PyObject *name, const kr_found_module *found);

/* Modules added by the embedder with PyImport_AppendInittab or
 * PyImport_ExtendInittab before start-up; NULL-terminated, or NULL. */
const struct _inittab *kr_inittab_extra(void);

#endif

/* PyState_AddModule for a def, in the current context. */
int kr_state_add_module(PyObject *module, PyModuleDef *def);

/* Finds a module without loading it (its parent package is imported).
 * 1 when found (*parent_out: new reference or NULL), 0 with
 * ModuleNotFoundError set, -1 on other errors. */
int kr_find_module(PyObject *name, PyObject **parent_out, kr_found_module *found);

/* Sets a built-in module's __spec__ (origin 'built-in'). */
int kr_set_builtin_spec(PyObject *module);
