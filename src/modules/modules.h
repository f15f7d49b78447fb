/* modules.h: entry points of the built-in modules written in C that the
 * runtime calls when it creates a context, and the table of modules that
 * `import` finds built in (sys.builtin_module_names). */
#ifndef KR_MODULES_H
#define KR_MODULES_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* Called once per context, in this order, by context creation. */
int kr_builtins_init(struct kr_context *ctx);
int kr_sys_init(struct kr_context *ctx);

/* Adds every builtin exception class to a builtins dict. */
int kr_add_builtin_exceptions(PyObject *builtins_dict);

/* The awaitable anext(aiter, default) returns. New reference. */
PyObject *kr_anext_awaitable_new(PyObject *awaitable, PyObject *default_value);

/* compile() accepts AST objects once the `_ast` module exists. */
int kr_is_ast_object(PyObject *obj);
PyObject *kr_compile_ast_object(PyObject *ast, PyObject *filename, int mode,
                                PyCompilerFlags *flags, int optimize);

/* The _io module's part of context start-up (src/modules/_io/module.c):
 * builtins.open = _io.open; sys.stdin/stdout/stderr as TextIOWrappers;
 * flushing sys.stdout/stderr on the interpreter's own exit paths. */
int kr_io_install_open(void);
int kr_io_install_std_streams(int unbuffered, int use_environment);
int kr_io_flush_std_streams(void);
/* f.closed is true (errors count as open and are cleared), for the exit
 * paths that skip streams the program closed. */
int kr_io_stream_is_closed(PyObject *f);

/* A built-in module: created by `init` for each context that imports it. */
typedef struct kr_builtin_module {
    const char *name;
    PyObject *(*init)(void);
} kr_builtin_module;

/* The table of built-in modules, NULL-terminated (src/modules/config.c). */
extern const kr_builtin_module kr_builtin_modules[];

#endif
