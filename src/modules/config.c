/* config.c: the built-in modules written in C that `import` finds before
 * searching sys.path (sys.builtin_module_names).  sys and builtins are
 * created with every context; the others are created per context on
 * first import, through their PyInit_ functions (single-phase modules
 * return the module, multi-phase ones their PyModuleDef). */
#include "internal.h"
#include "modules/modules.h"

PyObject *PyInit_gc(void);
PyObject *PyInit__weakref(void);
PyObject *PyInit__warnings(void);
PyObject *PyInit__codecs(void);
PyObject *PyInit__imp(void);
PyObject *PyInit__ast(void);
PyObject *PyInit__contextvars(void);
PyObject *PyInit_marshal(void);
PyObject *PyInit__datetime(void);
PyObject *PyInit__io(void);
PyObject *PyInit_itertools(void);
PyObject *PyInit__collections(void);
PyObject *PyInit__functools(void);
PyObject *PyInit__operator(void);
PyObject *PyInit_math(void);
PyObject *PyInit_time(void);
PyObject *PyInit__thread(void);
PyObject *PyInit__string(void);

static PyObject *existing_sys(void)
{
    return Py_XNewRef(PyImport_AddModule("sys"));
}

static PyObject *existing_builtins(void)
{
    return Py_XNewRef(PyImport_AddModule("builtins"));
}

const kr_builtin_module kr_builtin_modules[] = {
    {"builtins", existing_builtins},
    {"sys", existing_sys},
    {"gc", PyInit_gc},
    {"_weakref", PyInit__weakref},
    {"_warnings", PyInit__warnings},
    {"_codecs", PyInit__codecs},
    {"_imp", PyInit__imp},
    {"_ast", PyInit__ast},
    {"_contextvars", PyInit__contextvars},
    {"marshal", PyInit_marshal},
    {"_datetime", PyInit__datetime},
    {"_io", PyInit__io},
    {"itertools", PyInit_itertools},
    {"_collections", PyInit__collections},
    {"_functools", PyInit__functools},
    {"_operator", PyInit__operator},
    {"math", PyInit_math},
    {"time", PyInit_time},
    {"_thread", PyInit__thread},
    {"_string", PyInit__string},
    {NULL, NULL}
};
