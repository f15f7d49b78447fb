/* config.c: PEP 587 initialisation (PyStatus, PyWideStringList,
 * PyPreConfig, PyConfig, Py_InitializeFromConfig), the legacy global
 * configuration flags, and the other setters an embedder calls before
 * start-up.  A PyConfig is mapped onto the options of Krait's main context
 * (runtime/context.h kr_options) and sys.argv.
 *
 * The Py_*Flag variables are process-wide start-up configuration (design,
 * section 4 allows it): an embedder writes them before initialisation,
 * PyConfig_InitPythonConfig/Read take them as defaults, and nothing writes
 * them at run time.  Declared in include/initconfig.h. */
#include "internal.h"
#include "runtime/runtime.h"
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int Py_DebugFlag = 0;
int Py_VerboseFlag = 0;
int Py_QuietFlag = 0;
int Py_InteractiveFlag = 0;
int Py_InspectFlag = 0;
int Py_OptimizeFlag = 0;
int Py_NoSiteFlag = 0;
int Py_BytesWarningFlag = 0;
int Py_FrozenFlag = 0;
int Py_IgnoreEnvironmentFlag = 0;
int Py_DontWriteBytecodeFlag = 0;
int Py_NoUserSiteDirectory = 0;
int Py_UnbufferedStdioFlag = 0;
int Py_HashRandomizationFlag = 0;
int Py_IsolatedFlag = 0;

/* ---- PyStatus ---- */

PyStatus PyStatus_Ok(void) { return (PyStatus){._type = _PyStatus_TYPE_OK}; }

PyStatus PyStatus_Error(const char *err_msg)
{
    return (PyStatus){._type = _PyStatus_TYPE_ERROR, .err_msg = err_msg};
}

PyStatus PyStatus_NoMemory(void) { return PyStatus_Error("memory allocation failed"); }

PyStatus PyStatus_Exit(int exitcode)
{
    return (PyStatus){._type = _PyStatus_TYPE_EXIT, .exitcode = exitcode};
}

int PyStatus_IsError(PyStatus err) { return err._type == _PyStatus_TYPE_ERROR; }
int PyStatus_IsExit(PyStatus err) { return err._type == _PyStatus_TYPE_EXIT; }
int PyStatus_Exception(PyStatus err) { return err._type != _PyStatus_TYPE_OK; }

void Py_ExitStatusException(PyStatus err)
{
    if (err._type == _PyStatus_TYPE_EXIT)
        exit(err.exitcode);
    if (err._type == _PyStatus_TYPE_ERROR) {
        if (err.func)
            fprintf(stderr, "Fatal Python error: %s: %s\n", err.func,
                    err.err_msg ? err.err_msg : "<message not set>");
        else
            fprintf(stderr, "Fatal Python error: %s\n", err.err_msg ? err.err_msg : "<message not set>");
        fflush(stderr);
        abort();
    }
    Py_FatalError("Py_ExitStatusException() must not be called on success");
}

/* ---- PyWideStringList (items owned, allocated with PyMem_Raw*) ---- */

static wchar_t *kr_config_wcsdup(const wchar_t *s)
{
    size_t n = wcslen(s) + 1;
    wchar_t *d = PyMem_RawMalloc(n * sizeof(wchar_t));
    if (d != NULL)
        memcpy(d, s, n * sizeof(wchar_t));
    return d;
}

static void kr_config_list_clear(PyWideStringList *list)
{
    for (Py_ssize_t i = 0; i < list->length; i++)
        PyMem_RawFree(list->items[i]);
    PyMem_RawFree(list->items);
    list->length = 0;
    list->items = NULL;
}

PyStatus PyWideStringList_Insert(PyWideStringList *list, Py_ssize_t index, const wchar_t *item)
{
    Py_ssize_t len = list->length;
    if (len == PY_SSIZE_T_MAX)
        return PyStatus_NoMemory();
    if (index < 0)
        return PyStatus_Error("PyWideStringList_Insert index must be >= 0");
    if (index > len)
        index = len;
    wchar_t *copy = kr_config_wcsdup(item);
    if (copy == NULL)
        return PyStatus_NoMemory();
    wchar_t **items = PyMem_RawRealloc(list->items, (size_t)(len + 1) * sizeof(wchar_t *));
    if (items == NULL) {
        PyMem_RawFree(copy);
        return PyStatus_NoMemory();
    }
    memmove(&items[index + 1], &items[index], (size_t)(len - index) * sizeof(wchar_t *));
    items[index] = copy;
    list->items = items;
    list->length = len + 1;
    return PyStatus_Ok();
}

PyStatus PyWideStringList_Append(PyWideStringList *list, const wchar_t *item)
{
    return PyWideStringList_Insert(list, list->length, item);
}

PyStatus PyConfig_SetWideStringList(PyConfig *config, PyWideStringList *list,
                                    Py_ssize_t length, wchar_t **items)
{
    PyWideStringList copy = {0, NULL};
    for (Py_ssize_t i = 0; i < length; i++) {
        PyStatus st = PyWideStringList_Append(&copy, items[i]);
        if (PyStatus_Exception(st)) {
            kr_config_list_clear(&copy);
            return st;
        }
    }
    kr_config_list_clear(list);
    *list = copy;
    return PyStatus_Ok();
}

/* ---- PyPreConfig ---- */

void PyPreConfig_InitPythonConfig(PyPreConfig *c)
{
    memset(c, 0, sizeof(*c));
    c->_config_init = 2;
    c->parse_argv = 1;
    c->use_environment = 1;
    c->configure_locale = 1;
    c->coerce_c_locale = -1;
    c->coerce_c_locale_warn = -1;
    c->utf8_mode = -1;
    c->dev_mode = -1;
}

void PyPreConfig_InitIsolatedConfig(PyPreConfig *c)
{
    memset(c, 0, sizeof(*c));
    c->_config_init = 3;
    c->isolated = 1;
    c->dev_mode = -1;
}

/* Krait has one allocator and always reads UTF-8: pre-initialisation has
 * nothing to set up, but the arguments are still checked. */
PyStatus Py_PreInitialize(const PyPreConfig *src)
{
    if (src == NULL)
        return PyStatus_Error("preinitialization config is NULL");
    return PyStatus_Ok();
}

PyStatus Py_PreInitializeFromBytesArgs(const PyPreConfig *src, Py_ssize_t argc, char **argv)
{
    return Py_PreInitialize(src);
}

PyStatus Py_PreInitializeFromArgs(const PyPreConfig *src, Py_ssize_t argc, wchar_t **argv)
{
    return Py_PreInitialize(src);
}

/* ---- PyConfig ---- */

/* Fields left at -1 are "not set": PyConfig_Read fills them. */
static void kr_config_init_common(PyConfig *c)
{
    memset(c, 0, sizeof(*c));
    c->isolated = -1;
    c->use_environment = -1;
    c->dev_mode = -1;
    c->install_signal_handlers = 1;
    c->use_hash_seed = -1;
    c->faulthandler = -1;
    c->tracemalloc = -1;
    c->code_debug_ranges = 1;
    c->parse_argv = -1;
    c->site_import = -1;
    c->bytes_warning = -1;
    c->inspect = -1;
    c->interactive = -1;
    c->optimization_level = -1;
    c->parser_debug = -1;
    c->write_bytecode = -1;
    c->verbose = -1;
    c->quiet = -1;
    c->user_site_directory = -1;
    c->configure_c_stdio = 0;
    c->buffered_stdio = -1;
    c->use_frozen_modules = 1;
    c->safe_path = 0;
    c->pathconfig_warnings = -1;
    c->_install_importlib = 1;
    c->_init_main = 1;
}

void PyConfig_InitPythonConfig(PyConfig *c)
{
    kr_config_init_common(c);
    c->_config_init = 2;
    c->configure_c_stdio = 1;
    c->parse_argv = 1;
}

void PyConfig_InitIsolatedConfig(PyConfig *c)
{
    kr_config_init_common(c);
    c->_config_init = 3;
    c->isolated = 1;
    c->use_environment = 0;
    c->user_site_directory = 0;
    c->dev_mode = 0;
    c->install_signal_handlers = 0;
    c->use_hash_seed = 0;
    c->faulthandler = 0;
    c->tracemalloc = 0;
    c->safe_path = 1;
    c->pathconfig_warnings = 0;
}

/* Every wchar_t * field of PyConfig, for Clear (one list, so a field added
 * later is freed everywhere). */
#define KR_CONFIG_STRINGS(X) \
    X(dump_refs_file) X(filesystem_encoding) X(filesystem_errors) X(pycache_prefix) \
    X(stdio_encoding) X(stdio_errors) X(check_hash_pycs_mode) X(program_name) \
    X(pythonpath_env) X(home) X(platlibdir) X(stdlib_dir) X(executable) \
    X(base_executable) X(prefix) X(base_prefix) X(exec_prefix) X(base_exec_prefix) \
    X(run_command) X(run_module) X(run_filename)
#define KR_CONFIG_LISTS(X) X(orig_argv) X(argv) X(xoptions) X(warnoptions) X(module_search_paths)

void PyConfig_Clear(PyConfig *c)
{
#define KR_FREE_STR(f) PyMem_RawFree(c->f); c->f = NULL;
#define KR_FREE_LIST(f) kr_config_list_clear(&c->f);
    KR_CONFIG_STRINGS(KR_FREE_STR)
    KR_CONFIG_LISTS(KR_FREE_LIST)
#undef KR_FREE_STR
#undef KR_FREE_LIST
}

PyStatus PyConfig_SetString(PyConfig *config, wchar_t **config_str, const wchar_t *str)
{
    wchar_t *copy = NULL;
    if (str != NULL && (copy = kr_config_wcsdup(str)) == NULL)
        return PyStatus_NoMemory();
    PyMem_RawFree(*config_str);
    *config_str = copy;
    return PyStatus_Ok();
}

PyStatus PyConfig_SetBytesString(PyConfig *config, wchar_t **config_str, const char *str)
{
    if (str == NULL)
        return PyConfig_SetString(config, config_str, NULL);
    wchar_t *w = Py_DecodeLocale(str, NULL);
    if (w == NULL)
        return PyStatus_Error("cannot decode string");
    PyStatus st = PyConfig_SetString(config, config_str, w);
    PyMem_RawFree(w);
    return st;
}

PyStatus PyConfig_SetArgv(PyConfig *config, Py_ssize_t argc, wchar_t *const *argv)
{
    return PyConfig_SetWideStringList(config, &config->argv, argc, (wchar_t **)argv);
}

PyStatus PyConfig_SetBytesArgv(PyConfig *config, Py_ssize_t argc, char *const *argv)
{
    PyWideStringList list = {0, NULL};
    for (Py_ssize_t i = 0; i < argc; i++) {
        wchar_t *w = Py_DecodeLocale(argv[i], NULL);
        if (w == NULL) {
            kr_config_list_clear(&list);
            return PyStatus_Error("cannot decode command line arguments");
        }
        PyStatus st = PyWideStringList_Append(&list, w);
        PyMem_RawFree(w);
        if (PyStatus_Exception(st)) {
            kr_config_list_clear(&list);
            return st;
        }
    }
    kr_config_list_clear(&config->argv);
    config->argv = list;
    return PyStatus_Ok();
}

/* Fill the unset fields from the legacy flags and the environment, as
 * CPython's PyConfig_Read does for the parts Krait uses. */
PyStatus PyConfig_Read(PyConfig *c)
{
#define KR_DEFAULT(field, value) if (c->field < 0) c->field = (value);
    KR_DEFAULT(isolated, Py_IsolatedFlag)
    KR_DEFAULT(use_environment, c->isolated ? 0 : !Py_IgnoreEnvironmentFlag)
    KR_DEFAULT(dev_mode, 0)
    KR_DEFAULT(use_hash_seed, 0)
    KR_DEFAULT(faulthandler, 0)
    KR_DEFAULT(tracemalloc, 0)
    KR_DEFAULT(parse_argv, 0)
    KR_DEFAULT(site_import, !Py_NoSiteFlag)
    KR_DEFAULT(bytes_warning, Py_BytesWarningFlag)
    KR_DEFAULT(inspect, Py_InspectFlag)
    KR_DEFAULT(interactive, Py_InteractiveFlag)
    KR_DEFAULT(optimization_level, Py_OptimizeFlag)
    KR_DEFAULT(parser_debug, Py_DebugFlag)
    KR_DEFAULT(write_bytecode, !Py_DontWriteBytecodeFlag)
    KR_DEFAULT(verbose, Py_VerboseFlag)
    KR_DEFAULT(quiet, Py_QuietFlag)
    KR_DEFAULT(user_site_directory, c->isolated ? 0 : !Py_NoUserSiteDirectory)
    KR_DEFAULT(buffered_stdio, !Py_UnbufferedStdioFlag)
    KR_DEFAULT(pathconfig_warnings, !Py_FrozenFlag)
#undef KR_DEFAULT
    if (c->isolated) {
        c->use_environment = 0;
        c->user_site_directory = 0;
        c->safe_path = 1;
    }
    if (c->argv.length == 0) {
        PyStatus st = PyWideStringList_Append(&c->argv, L"");
        if (PyStatus_Exception(st))
            return st;
    }
    if (c->orig_argv.length == 0) {
        PyStatus st = PyConfig_SetWideStringList(c, &c->orig_argv, c->argv.length, c->argv.items);
        if (PyStatus_Exception(st))
            return st;
    }
    return PyStatus_Ok();
}

/* ---- start-up ---- */

PyStatus Py_InitializeFromConfig(const PyConfig *src)
{
    if (src == NULL)
        return PyStatus_Error("initialization config is NULL");
    if (Py_IsInitialized())
        return PyStatus_Ok();
    PyConfig c = *src;   /* shallow: Read only fills scalar fields here */
    PyWideStringList argv = {0, NULL};
    c.argv = argv;
    c.orig_argv = argv;
    PyStatus st = PyConfig_SetWideStringList(&c, &c.argv, src->argv.length, src->argv.items);
    if (!PyStatus_Exception(st))
        st = PyConfig_Read(&c);
    if (PyStatus_Exception(st)) {
        kr_config_list_clear(&c.argv);
        kr_config_list_clear(&c.orig_argv);
        return st;
    }
    kr_options o;
    memset(&o, 0, sizeof(o));
    o.allow_native_access = o.allow_io = o.allow_processes = 1;
    o.allow_threads = o.allow_environment = 1;
    o.isolated = c.isolated;
    o.ignore_environment = !c.use_environment;
    o.no_site = !c.site_import;
    o.dont_write_bytecode = !c.write_bytecode;
    o.unbuffered = !c.buffered_stdio;
    o.inspect = c.inspect;
    o.verbose = c.verbose;
    o.optimize = c.optimization_level;
    o.quiet = c.quiet;
    struct kr_context *ctx = kr_context_new_ex(&o, 1);
    if (ctx == NULL) {
        kr_config_list_clear(&c.argv);
        kr_config_list_clear(&c.orig_argv);
        return PyStatus_Error("cannot create the main context");
    }
    kr_main_context = ctx;
    PySys_SetArgvEx((int)c.argv.length, c.argv.items, 0);
    kr_config_list_clear(&c.argv);
    kr_config_list_clear(&c.orig_argv);
    if (PyErr_Occurred()) {
        PyErr_Clear();
        return PyStatus_Error("cannot set sys.argv");
    }
    return PyStatus_Ok();
}

/* Krait finds its standard library itself (modules/getpath.c); these are
 * accepted for source compatibility and have no effect once running. */
void Py_SetPath(const wchar_t *path) { }

int Py_SetStandardStreamEncoding(const char *encoding, const char *errors)
{
    if (Py_IsInitialized())
        return -1;
    return 0;
}
