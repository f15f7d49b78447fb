/* sysmodule.c: the sys module, one per context (kr_sys_init), and the
 * PySys_* C API.
 *
 * The module's dict is the context's `sysdict`; PySys_GetObject reads it
 * directly (a borrowed reference, as in CPython).  Values that describe
 * the runtime (version, implementation, float_info, ...) are built once
 * per context; values the program changes (argv, path, modules, hooks)
 * are ordinary attributes of the dict. */
#include "internal.h"
#include "capi/argparse.h"
#include "vm/vm.h"
#include "vm/trace.h"
#include "modules/modules.h"
#include "runtime/import.h"
#include "objects/str_ids.h"
#include "objects/namespaceobject.h"
#include "modules/getpath.h"
#include "runtime/runtime.h"
#include "runtime/alloc.h"
#include <float.h>
#include <dlfcn.h>

/* ---- C API ---- */

PyObject *PySys_GetObject(const char *name)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL || ctx->sysdict == NULL)
        return NULL;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *v = PyDict_GetItemString(ctx->sysdict, name);   /* borrowed */
    PyErr_SetRaisedException(exc);
    return v;
}

int PySys_SetObject(const char *name, PyObject *v)
{
    struct kr_context *ctx = kr_context_get();
    if (v == NULL) {
        int r = PyDict_DelItemString(ctx->sysdict, name);
        if (r < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            return 0;
        }
        return r;
    }
    return PyDict_SetItemString(ctx->sysdict, name, v);
}

/* Writes formatted text to sys.stdout/stderr, falling back to the C
 * stream when the Python object is missing; errors are swallowed, as the
 * C API promises. */
static void sys_write(const char *name, FILE *fallback, const char *format, va_list va)
{
    char buf[1001];
    PyObject *exc = PyErr_GetRaisedException();
    vsnprintf(buf, sizeof buf, format, va);
    PyObject *file = PySys_GetObject(name);
    if (file == NULL || file == Py_None || PyFile_WriteString(buf, file) != 0) {
        PyErr_Clear();
        fputs(buf, fallback);
    }
    PyErr_SetRaisedException(exc);
}

void PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write("stdout", stdout, format, va);
    va_end(va);
}

void PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write("stderr", stderr, format, va);
    va_end(va);
}

static void sys_format(const char *name, FILE *fallback, const char *format, va_list va)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *msg = PyUnicode_FromFormatV(format, va);
    if (msg != NULL) {
        PyObject *file = PySys_GetObject(name);
        if (file == NULL || file == Py_None || PyFile_WriteObject(msg, file, Py_PRINT_RAW) != 0) {
            PyErr_Clear();
            const char *s = PyUnicode_AsUTF8(msg);
            if (s)
                fputs(s, fallback);
        }
        Py_DECREF(msg);
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

void PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stdout", stdout, format, va);
    va_end(va);
}

void PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stderr", stderr, format, va);
    va_end(va);
}

/* sys.argv from C strings; updates sys.path[0] when `updatepath`, with the
 * rules of CPython's PySys_SetArgvEx: the script's directory, or '' for
 * -c and the interactive prompt. */
int kr_sys_set_argv(int argc, char *const *argv)
{
    PyObject *list = PyList_New(argc > 0 ? argc : 1);
    if (list == NULL)
        return -1;
    if (argc <= 0)
        PyList_SET_ITEM(list, 0, PyUnicode_FromString(""));
    for (int i = 0; i < argc; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(argv[i]);
        if (s == NULL) {
            Py_DECREF(list);
            return -1;
        }
        PyList_SET_ITEM(list, i, s);
    }
    int r = PySys_SetObject("argv", list);
    Py_DECREF(list);
    return r;
}

void PySys_SetArgvEx(int argc, wchar_t **argv, int updatepath)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return;
    for (int i = 0; i < argc; i++) {
        PyObject *s = PyUnicode_FromWideChar(argv[i], -1);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return;
        }
        Py_DECREF(s);
    }
    if (argc == 0) {
        PyObject *empty = PyUnicode_FromString("");
        PyList_Append(list, empty);
        Py_XDECREF(empty);
    }
    PySys_SetObject("argv", list);
    Py_DECREF(list);
    if (updatepath && argc > 0) {
        PyObject *path = PySys_GetObject("path");
        PyObject *dir = PyUnicode_FromString("");
        if (path && PyList_Check(path) && dir)
            PyList_Insert(path, 0, dir);
        Py_XDECREF(dir);
    }
}

void PySys_SetArgv(int argc, wchar_t **argv) { PySys_SetArgvEx(argc, argv, 1); }

void PySys_SetPath(const wchar_t *path)
{
    PyObject *list = PyList_New(0);
    const wchar_t *p = path;
    while (list != NULL) {
        const wchar_t *colon = wcschr(p, L':');
        Py_ssize_t n = colon ? colon - p : (Py_ssize_t)wcslen(p);
        PyObject *s = PyUnicode_FromWideChar(p, n);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(s);
        if (colon == NULL)
            break;
        p = colon + 1;
    }
    if (list) {
        PySys_SetObject("path", list);
        Py_DECREF(list);
    }
}

static PyObject *get_or_make_list(const char *name)
{
    PyObject *v = PySys_GetObject(name);
    if (v != NULL && PyList_Check(v))
        return v;
    v = PyList_New(0);
    if (v == NULL || PySys_SetObject(name, v) < 0) {
        Py_XDECREF(v);
        return NULL;
    }
    Py_DECREF(v);
    return v;   /* borrowed: the dict holds it */
}

void PySys_AddWarnOption(const wchar_t *s)
{
    PyObject *list = get_or_make_list("warnoptions");
    PyObject *o = PyUnicode_FromWideChar(s, -1);
    if (list && o)
        PyList_Append(list, o);
    Py_XDECREF(o);
}

void PySys_AddWarnOptionUnicode(PyObject *option)
{
    PyObject *list = get_or_make_list("warnoptions");
    if (list)
        PyList_Append(list, option);
}

void PySys_ResetWarnOptions(void)
{
    PyObject *list = PySys_GetObject("warnoptions");
    if (list && PyList_Check(list))
        PyList_SetSlice(list, 0, PyList_GET_SIZE(list), NULL);
}

int PySys_HasWarnOptions(void)
{
    PyObject *list = PySys_GetObject("warnoptions");
    return list && PyList_Check(list) && PyList_GET_SIZE(list) > 0;
}

PyObject *PySys_GetXOptions(void)
{
    PyObject *d = PySys_GetObject("_xoptions");
    if (d != NULL && PyDict_Check(d))
        return d;
    d = PyDict_New();
    if (d == NULL || PySys_SetObject("_xoptions", d) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    Py_DECREF(d);
    return d;   /* borrowed */
}

/* -X name[=value]: True when there is no value, as CPython records it. */
void PySys_AddXOption(const wchar_t *s)
{
    PyObject *d = PySys_GetXOptions();
    if (d == NULL)
        return;
    const wchar_t *eq = wcschr(s, L'=');
    PyObject *name = PyUnicode_FromWideChar(s, eq ? eq - s : -1);
    PyObject *value = eq ? PyUnicode_FromWideChar(eq + 1, -1) : Py_NewRef(Py_True);
    if (name && value)
        PyDict_SetItem(d, name, value);
    Py_XDECREF(name);
    Py_XDECREF(value);
}

/* Audit hooks: C hooks are not supported yet beyond Python-level ones
 * added with sys.addaudithook, which run for every PySys_Audit event. */
int PySys_Audit(const char *event, const char *format, ...)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL || ctx->mods.audit_hooks == NULL || PyList_GET_SIZE(ctx->mods.audit_hooks) == 0)
        return 0;
    PyObject *args;
    if (format && *format) {
        va_list va;
        va_start(va, format);
        args = Py_VaBuildValue(format, va);
        va_end(va);
        if (args && !PyTuple_Check(args))
            Py_SETREF(args, PyTuple_Pack(1, args));
    } else {
        args = PyTuple_New(0);
    }
    if (args == NULL)
        return -1;
    PyObject *ev = PyUnicode_FromString(event);
    int rc = ev ? 0 : -1;
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(ctx->mods.audit_hooks); i++) {
        PyObject *r = PyObject_CallFunctionObjArgs(PyList_GET_ITEM(ctx->mods.audit_hooks, i),
                                                   ev, args, NULL);
        if (r == NULL)
            rc = -1;
        Py_XDECREF(r);
    }
    Py_XDECREF(ev);
    Py_DECREF(args);
    return rc;
}

int PySys_AddAuditHook(Py_AuditHookFunction hook, void *userData)
{
    (void)hook;
    (void)userData;
    PyErr_SetString(PyExc_NotImplementedError, "C audit hooks are not supported by Krait yet");
    return -1;
}

/* ---- struct-sequence values ---- */

/* Builds an instance of a fresh struct-sequence type (one per context,
 * since heap types belong to a context) from `n` stolen values; a NULL
 * value means an earlier constructor failed. New reference. */
static PyObject *make_structseq(PyStructSequence_Desc *desc, PyObject **values, int n)
{
    PyTypeObject *type = PyStructSequence_NewType(desc);
    PyObject *seq = type ? PyStructSequence_New(type) : NULL;
    Py_XDECREF(type);
    for (int i = 0; i < n; i++) {
        if (seq == NULL || values[i] == NULL) {
            for (int j = i; j < n; j++)
                Py_XDECREF(values[j]);
            Py_XDECREF(seq);
            return NULL;
        }
        PyStructSequence_SetItem(seq, i, values[i]);
    }
    return seq;
}

/* ---- sys functions ---- */

static PyObject *sys_exit(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("exit", nargs, 0, 1))
        return NULL;
    PyErr_SetObject(PyExc_SystemExit, nargs ? args[0] : Py_None);
    return NULL;
}

static PyObject *sys_getrecursionlimit(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(kr_context_get()->recursion_limit);
}

static PyObject *sys_setrecursionlimit(PyObject *self, PyObject *arg)
{
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    int limit = _PyLong_AsInt(arg);
    if (limit == -1 && PyErr_Occurred())
        return NULL;
    if (limit < 1) {
        PyErr_SetString(PyExc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    int depth = kr_tstate_get()->vm.recursion_depth;
    if (depth >= limit) {
        PyErr_Format(PyExc_RecursionError,
                     "cannot set the recursion limit to %i at the recursion depth %i: "
                     "the limit is too low", limit, depth);
        return NULL;
    }
    kr_context_get()->recursion_limit = limit;
    Py_RETURN_NONE;
}

static PyObject *sys_get_int_max_str_digits(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(kr_context_get()->int_max_str_digits);
}

static PyObject *sys_set_int_max_str_digits(PyObject *self, PyObject *const *args,
                                            Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    static const kr_argspec spec = {"set_int_max_str_digits", names, 0, 1, 1};
    PyObject *a[1];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int n = _PyLong_AsInt(a[0]);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    /* 640 is _PY_LONG_MAX_STR_DIGITS_THRESHOLD in CPython 3.11 */
    if (n != 0 && n < 640) {
        PyErr_Format(PyExc_ValueError, "maxdigits must be 0 or larger than %d", 640);
        return NULL;
    }
    kr_context_get()->int_max_str_digits = n;
    Py_RETURN_NONE;
}

static PyObject *sys_exc_info(PyObject *self, PyObject *unused)
{
    PyObject *exc = PyErr_GetHandledException();   /* new reference or NULL */
    if (exc == NULL || exc == Py_None) {
        Py_XDECREF(exc);
        return PyTuple_Pack(3, Py_None, Py_None, Py_None);
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *r = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    Py_DECREF(exc);
    return r;
}

static PyObject *sys_exception(PyObject *self, PyObject *unused)
{
    PyObject *exc = PyErr_GetHandledException();
    return exc ? exc : Py_NewRef(Py_None);
}

static PyObject *sys_intern(PyObject *self, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "intern() argument must be str, not %.200s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    if (!PyUnicode_CheckExact(s)) {
        PyErr_Format(PyExc_TypeError, "can't intern %.400s", Py_TYPE(s)->tp_name);
        return NULL;
    }
    Py_INCREF(s);
    PyUnicode_InternInPlace(&s);
    return s;
}

static PyObject *sys_getrefcount(PyObject *self, PyObject *o)
{
    return PyLong_FromSsize_t(Py_REFCNT(o));
}

static PyObject *sys_getsizeof(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const names[] = {"object", "default", NULL};
    static const kr_argspec spec = {"getsizeof", names, 0, 1, 2};
    PyObject *a[2];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PyObject *meth = _PyObject_LookupSpecial(a[0], KR_ID(__sizeof__));
    if (meth == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "Type %.100s doesn't define __sizeof__",
                         Py_TYPE(a[0])->tp_name);
        if (a[1] && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return Py_NewRef(a[1]);
        }
        return NULL;
    }
    PyObject *r = PyObject_CallNoArgs(meth);
    Py_DECREF(meth);
    if (r == NULL) {
        if (a[1] && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return Py_NewRef(a[1]);
        }
        return NULL;
    }
    Py_ssize_t size = PyLong_AsSsize_t(r);
    Py_DECREF(r);
    if (size == -1 && PyErr_Occurred())
        return NULL;
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "__sizeof__() should return >= 0");
        return NULL;
    }
    /* GC objects carry a PyGC_Head before the object, counted as CPython does. */
    if (PyType_IS_GC(Py_TYPE(a[0])))
        size += 2 * sizeof(uintptr_t);
    return PyLong_FromSsize_t(size);
}

static PyObject *sys_displayhook(PyObject *self, PyObject *o)
{
    if (o == Py_None)
        Py_RETURN_NONE;
    PyObject *builtins = PyImport_GetModule(KR_ID(builtins));
    if (builtins == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins module");
        return NULL;
    }
    /* builtins._ is set to None first so that printing can't see the old
     * value recursively. */
    if (PyObject_SetAttr(builtins, KR_ID(_), Py_None) < 0)
        goto error;
    PyObject *out = PySys_GetObject("stdout");
    if (out == NULL || out == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
        goto error;
    }
    if (PyFile_WriteObject(o, out, 0) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            goto error;
        /* CPython retries with backslashreplace'd ASCII when the stream's
         * encoding can't hold the repr. */
        PyErr_Clear();
        PyObject *r = PyObject_ASCII(o);
        if (r == NULL)
            goto error;
        int rc = PyFile_WriteObject(r, out, Py_PRINT_RAW);
        Py_DECREF(r);
        if (rc < 0)
            goto error;
    }
    if (PyFile_WriteString("\n", out) < 0)
        goto error;
    if (PyObject_SetAttr(builtins, KR_ID(_), o) < 0)
        goto error;
    Py_DECREF(builtins);
    Py_RETURN_NONE;
error:
    Py_DECREF(builtins);
    return NULL;
}

static PyObject *sys_excepthook(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("excepthook", nargs, 3, 3))
        return NULL;
    PyErr_Display(args[0], args[1], args[2]);
    Py_RETURN_NONE;
}

static PyObject *sys_breakpointhook(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    /* PYTHONBREAKPOINT=0 disables; otherwise pdb.set_trace, or the named
     * callable, as CPython's sys.breakpointhook does. */
    const char *env = kr_context_get()->options.ignore_environment ? NULL : getenv("PYTHONBREAKPOINT");
    if (env != NULL && strcmp(env, "0") == 0)
        Py_RETURN_NONE;
    const char *target = (env == NULL || *env == '\0') ? "pdb.set_trace" : env;
    const char *dot = strrchr(target, '.');
    PyObject *modname = dot ? PyUnicode_FromStringAndSize(target, dot - target)
                            : PyUnicode_FromString("builtins");
    if (modname == NULL)
        return NULL;
    PyObject *mod = PyImport_Import(modname);
    Py_DECREF(modname);
    if (mod == NULL) {
        if (PyErr_ExceptionMatches(PyExc_ImportError)) {
            PyErr_Clear();
            PyErr_WarnFormat(PyExc_RuntimeWarning, 0,
                             "Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", target);
            Py_RETURN_NONE;
        }
        return NULL;
    }
    PyObject *hook = PyObject_GetAttrString(mod, dot ? dot + 1 : target);
    Py_DECREF(mod);
    if (hook == NULL)
        return NULL;
    PyObject *r = PyObject_Vectorcall(hook, args, nargs, kwnames);
    Py_DECREF(hook);
    return r;
}

static PyObject *sys_unraisablehook(PyObject *self, PyObject *arg)
{
    return kr_default_unraisablehook(arg);
}

static PyObject *sys__getframe(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_getframe", nargs, 0, 1))
        return NULL;
    int depth = 0;
    if (nargs == 1) {
        depth = _PyLong_AsInt(args[0]);
        if (depth == -1 && PyErr_Occurred())
            return NULL;
    }
    PyFrameObject *f = (PyFrameObject *)Py_XNewRef((PyObject *)PyEval_GetFrame());
    while (depth > 0 && f != NULL) {
        Py_SETREF(f, PyFrame_GetBack(f));   /* PyFrame_GetBack: new reference */
        depth--;
    }
    if (f == NULL) {
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    return (PyObject *)f;
}

static PyObject *sys_getdefaultencoding(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *sys_getfilesystemencoding(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *sys_getfilesystemencodeerrors(PyObject *self, PyObject *unused)
{
    return PyUnicode_FromString("surrogateescape");
}

static PyObject *sys_getswitchinterval(PyObject *self, PyObject *unused)
{
    return PyFloat_FromDouble(kr_context_get()->mods.switch_interval);
}

static PyObject *sys_setswitchinterval(PyObject *self, PyObject *arg)
{
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    if (d <= 0.0) {
        PyErr_SetString(PyExc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    kr_context_get()->mods.switch_interval = d;
    Py_RETURN_NONE;
}

/* Tracing and profiling hooks are per thread; vm/trace.c runs them. */
static PyObject *sys_settrace(PyObject *self, PyObject *f)
{
    return kr_sys_settrace(f);
}

static PyObject *sys_gettrace(PyObject *self, PyObject *unused)
{
    return kr_sys_gettrace();
}

static PyObject *sys_setprofile(PyObject *self, PyObject *f)
{
    return kr_sys_setprofile(f);
}

static PyObject *sys_getprofile(PyObject *self, PyObject *unused)
{
    return kr_sys_getprofile();
}

static PyObject *sys_call_tracing(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("call_tracing", nargs, 2, 2))
        return NULL;
    if (!PyTuple_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "call_tracing() argument 2 must be tuple, not %.200s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    return kr_sys_call_tracing(args[0], args[1]);
}

static PyObject *sys_audit(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "audit() missing 1 required positional argument: 'event'");
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "expected str for argument 'event', not %.200s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    struct kr_context *ctx = kr_context_get();
    if (ctx->mods.audit_hooks == NULL || PyList_GET_SIZE(ctx->mods.audit_hooks) == 0)
        Py_RETURN_NONE;
    PyObject *t = _PyTuple_FromArray(args + 1, nargs - 1);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(ctx->mods.audit_hooks); i++) {
        PyObject *r = PyObject_CallFunctionObjArgs(PyList_GET_ITEM(ctx->mods.audit_hooks, i),
                                                   args[0], t, NULL);
        if (r == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(t);
    Py_RETURN_NONE;
}

static PyObject *sys_addaudithook(PyObject *self, PyObject *hook)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx->mods.audit_hooks == NULL && (ctx->mods.audit_hooks = PyList_New(0)) == NULL)
        return NULL;
    if (PyList_Append(ctx->mods.audit_hooks, hook) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_is_finalizing(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(kr_context_get()->mods.finalizing);
}

static PyObject *sys__clear_type_cache(PyObject *self, PyObject *unused)
{
    PyType_ClearCache();
    Py_RETURN_NONE;
}

static PyObject *sys_getdlopenflags(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(kr_context_get()->mods.dlopen_flags);
}

static PyObject *sys_setdlopenflags(PyObject *self, PyObject *arg)
{
    int f = _PyLong_AsInt(arg);
    if (f == -1 && PyErr_Occurred())
        return NULL;
    kr_context_get()->mods.dlopen_flags = f;
    Py_RETURN_NONE;
}

static PyObject *sys_getallocatedblocks(PyObject *self, PyObject *unused)
{
    return PyLong_FromSize_t(kr_alloc_live_blocks());
}

/* sys.get_asyncgen_hooks(): the current thread's hooks, as a struct
 * sequence asyncgen_hooks(firstiter, finalizer). */
static PyObject *sys_get_asyncgen_hooks(PyObject *self, PyObject *unused)
{
    static PyStructSequence_Field fields[] = {{"firstiter", "Hook to intercept first iteration"},
                                              {"finalizer", "Hook to intercept finalization"},
                                              {NULL, NULL}};
    static PyStructSequence_Desc desc = {"asyncgen_hooks", NULL, fields, 2};
    struct kr_vm_tstate *vt = &kr_tstate_get()->vm;
    PyObject *v[2] = {Py_NewRef(vt->asyncgen_firstiter ? vt->asyncgen_firstiter : Py_None),
                      Py_NewRef(vt->asyncgen_finalizer ? vt->asyncgen_finalizer : Py_None)};
    return make_structseq(&desc, v, 2);
}

static PyObject *sys_set_asyncgen_hooks(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                        PyObject *kwnames)
{
    static const char *const names[] = {"firstiter", "finalizer", NULL};
    static const kr_argspec spec = {"set_asyncgen_hooks", names, 0, 0, 2};
    PyObject *a[2];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (a[i] != NULL && a[i] != Py_None && !PyCallable_Check(a[i])) {
            PyErr_Format(PyExc_TypeError, "callable %s expected, got %.50s", names[i],
                         Py_TYPE(a[i])->tp_name);
            return NULL;
        }
    }
    struct kr_vm_tstate *vt = &kr_tstate_get()->vm;
    if (a[1] != NULL)
        Py_XSETREF(vt->asyncgen_finalizer, a[1] == Py_None ? NULL : Py_NewRef(a[1]));
    if (a[0] != NULL)
        Py_XSETREF(vt->asyncgen_firstiter, a[0] == Py_None ? NULL : Py_NewRef(a[0]));
    Py_RETURN_NONE;
}

static PyObject *sys_get_coroutine_origin_tracking_depth(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(kr_context_get()->mods.coro_origin_depth);
}

static PyObject *sys_set_coroutine_origin_tracking_depth(PyObject *self, PyObject *const *args,
                                                         Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"depth", NULL};
    static const kr_argspec spec = {"set_coroutine_origin_tracking_depth", names, 0, 1, 1};
    PyObject *a[1];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int d = _PyLong_AsInt(a[0]);
    if (d == -1 && PyErr_Occurred())
        return NULL;
    if (d < 0) {
        PyErr_SetString(PyExc_ValueError, "depth must be >= 0");
        return NULL;
    }
    kr_context_get()->mods.coro_origin_depth = d;
    Py_RETURN_NONE;
}

#define SF(name, flags) {#name, (PyCFunction)(void (*)(void))sys_##name, flags, NULL}

static PyMethodDef sys_methods[] = {
    SF(exit, METH_FASTCALL),
    SF(getrecursionlimit, METH_NOARGS),
    SF(setrecursionlimit, METH_O),
    SF(get_int_max_str_digits, METH_NOARGS),
    SF(set_int_max_str_digits, METH_FASTCALL | METH_KEYWORDS),
    SF(exc_info, METH_NOARGS),
    SF(exception, METH_NOARGS),
    SF(intern, METH_O),
    SF(getrefcount, METH_O),
    SF(getsizeof, METH_FASTCALL | METH_KEYWORDS),
    SF(displayhook, METH_O),
    SF(excepthook, METH_FASTCALL),
    SF(breakpointhook, METH_FASTCALL | METH_KEYWORDS),
    SF(unraisablehook, METH_O),
    SF(_getframe, METH_FASTCALL),
    SF(getdefaultencoding, METH_NOARGS),
    SF(getfilesystemencoding, METH_NOARGS),
    SF(getfilesystemencodeerrors, METH_NOARGS),
    SF(getswitchinterval, METH_NOARGS),
    SF(setswitchinterval, METH_O),
    SF(settrace, METH_O),
    SF(gettrace, METH_NOARGS),
    SF(setprofile, METH_O),
    SF(getprofile, METH_NOARGS),
    SF(call_tracing, METH_FASTCALL),
    SF(audit, METH_FASTCALL),
    SF(addaudithook, METH_O),
    SF(is_finalizing, METH_NOARGS),
    SF(_clear_type_cache, METH_NOARGS),
    SF(getdlopenflags, METH_NOARGS),
    SF(setdlopenflags, METH_O),
    SF(getallocatedblocks, METH_NOARGS),
    SF(get_asyncgen_hooks, METH_NOARGS),
    SF(set_asyncgen_hooks, METH_FASTCALL | METH_KEYWORDS),
    SF(get_coroutine_origin_tracking_depth, METH_NOARGS),
    SF(set_coroutine_origin_tracking_depth, METH_FASTCALL | METH_KEYWORDS),
    {NULL, NULL, 0, NULL}
};

static PyObject *make_version_info(void)
{
    static PyStructSequence_Field fields[] = {
        {"major", "Major release number"}, {"minor", "Minor release number"},
        {"micro", "Patch release number"}, {"releaselevel", "'alpha', 'beta', 'candidate', or 'final'"},
        {"serial", "Serial release number"}, {NULL, NULL}};
    static PyStructSequence_Desc desc = {"sys.version_info", "Version information as a named tuple.", fields, 5};
    PyObject *v[5] = {PyLong_FromLong(PY_MAJOR_VERSION), PyLong_FromLong(PY_MINOR_VERSION),
                      PyLong_FromLong(PY_MICRO_VERSION), PyUnicode_FromString("final"),
                      PyLong_FromLong(PY_RELEASE_SERIAL)};
    return make_structseq(&desc, v, 5);
}

static PyObject *make_flags(const kr_options *o)
{
    static PyStructSequence_Field fields[] = {
        {"debug", ""}, {"inspect", ""}, {"interactive", ""}, {"optimize", ""},
        {"dont_write_bytecode", ""}, {"no_user_site", ""}, {"no_site", ""},
        {"ignore_environment", ""}, {"verbose", ""}, {"bytes_warning", ""}, {"quiet", ""},
        {"hash_randomization", ""}, {"isolated", ""}, {"dev_mode", ""}, {"utf8_mode", ""},
        {"warn_default_encoding", ""}, {"safe_path", ""}, {"int_max_str_digits", ""},
        {NULL, NULL}};
    static PyStructSequence_Desc desc = {"sys.flags", "Flags provided through command line arguments or environment vars.", fields, 18};
    const char *seed = o->ignore_environment ? NULL : getenv("PYTHONHASHSEED");
    int hashrand = !(seed && strcmp(seed, "0") == 0);
    long vals[18] = {0, o->inspect, o->inspect, o->optimize, o->dont_write_bytecode,
                     o->isolated, o->no_site, o->ignore_environment, o->verbose,
                     Py_BytesWarningFlag, o->quiet,
                     hashrand, o->isolated, 0, 0, 0, o->isolated, -1};
    PyObject *v[18];
    for (int i = 0; i < 18; i++)
        v[i] = PyLong_FromLong(vals[i]);
    /* dev_mode is a bool in CPython; the others are ints. */
    Py_XSETREF(v[13], PyBool_FromLong(0));
    Py_XSETREF(v[16], PyBool_FromLong(o->isolated));
    return make_structseq(&desc, v, 18);
}

static PyObject *make_float_info(void)
{
    static PyStructSequence_Field fields[] = {
        {"max", ""}, {"max_exp", ""}, {"max_10_exp", ""}, {"min", ""}, {"min_exp", ""},
        {"min_10_exp", ""}, {"dig", ""}, {"mant_dig", ""}, {"epsilon", ""}, {"radix", ""},
        {"rounds", ""}, {NULL, NULL}};
    static PyStructSequence_Desc desc = {"sys.float_info", "A named tuple holding information about the float type.", fields, 11};
    PyObject *v[11] = {PyFloat_FromDouble(DBL_MAX), PyLong_FromLong(DBL_MAX_EXP),
                       PyLong_FromLong(DBL_MAX_10_EXP), PyFloat_FromDouble(DBL_MIN),
                       PyLong_FromLong(DBL_MIN_EXP), PyLong_FromLong(DBL_MIN_10_EXP),
                       PyLong_FromLong(DBL_DIG), PyLong_FromLong(DBL_MANT_DIG),
                       PyFloat_FromDouble(DBL_EPSILON), PyLong_FromLong(FLT_RADIX),
                       PyLong_FromLong(FLT_ROUNDS)};
    return make_structseq(&desc, v, 11);
}

static PyObject *make_int_info(void)
{
    static PyStructSequence_Field fields[] = {
        {"bits_per_digit", ""}, {"sizeof_digit", ""}, {"default_max_str_digits", ""},
        {"str_digits_check_threshold", ""}, {NULL, NULL}};
    static PyStructSequence_Desc desc = {"sys.int_info", "A named tuple that holds information about Python's internal representation of integers.", fields, 4};
    PyObject *v[4] = {PyLong_FromLong(PyLong_SHIFT), PyLong_FromLong(sizeof(digit)),
                      PyLong_FromLong(4300), PyLong_FromLong(640)};
    return make_structseq(&desc, v, 4);
}

static PyObject *make_hash_info(void)
{
    static PyStructSequence_Field fields[] = {
        {"width", ""}, {"modulus", ""}, {"inf", ""}, {"nan", ""}, {"imag", ""},
        {"algorithm", ""}, {"hash_bits", ""}, {"seed_bits", ""}, {"cutoff", ""}, {NULL, NULL}};
    static PyStructSequence_Desc desc = {"sys.hash_info", "hash_info\n\nA named tuple providing parameters used for computing\nhashes.", fields, 9};
    PyObject *v[9] = {PyLong_FromLong(64), PyLong_FromSsize_t((Py_ssize_t)_PyHASH_MODULUS),
                      PyLong_FromLong(_PyHASH_INF), PyLong_FromLong(0),
                      PyLong_FromLong((long)_PyHASH_IMAG), PyUnicode_FromString("siphash13"),
                      PyLong_FromLong(64), PyLong_FromLong(128), PyLong_FromLong(0)};
    return make_structseq(&desc, v, 9);
}

static PyObject *make_thread_info(void)
{
    static PyStructSequence_Field fields[] = {{"name", ""}, {"lock", ""}, {"version", ""}, {NULL, NULL}};
    static PyStructSequence_Desc desc = {"sys.thread_info", "A named tuple holding information about the thread implementation.", fields, 3};
    PyObject *v[3] = {PyUnicode_FromString("pthread"), PyUnicode_FromString("mutex+cond"),
                      Py_NewRef(Py_None)};
    return make_structseq(&desc, v, 3);
}

/* sys.implementation: name 'krait', cache_tag 'krait-311', so that .pyc
 * files never mix with CPython's. */
static PyObject *make_implementation(void)
{
    PyObject *ns = kr_namespace_new(NULL);
    if (ns == NULL)
        return NULL;
    PyObject *version = make_version_info();
    int ok = version != NULL;
    PyObject *tmp;
#define SETS(key, expr) \
    if (ok) { tmp = (expr); ok = tmp && PyObject_SetAttrString(ns, key, tmp) == 0; Py_XDECREF(tmp); }
    SETS("name", PyUnicode_FromString("krait"));
    SETS("cache_tag", PyUnicode_FromString("krait-311"));
    SETS("version", Py_NewRef(version));
    SETS("hexversion", PyLong_FromLong(PY_VERSION_HEX));
    SETS("_multiarch", PyUnicode_FromString("x86_64-linux-gnu"));
    SETS("krait_version", PyUnicode_FromString(KRAIT_VERSION));
#undef SETS
    Py_XDECREF(version);
    if (!ok) {
        Py_DECREF(ns);
        return NULL;
    }
    return ns;
}

/* The default module search path after sys.path[0]: PYTHONPATH (unless
 * -E/-I), Krait's own lib/, then the CPython 3.11 standard library as
 * Debian installs it. */
static PyObject *make_default_path(const kr_options *o)
{
    PyObject *path = PyList_New(0);
    if (path == NULL)
        return NULL;
    const char *env = (o->ignore_environment || o->isolated) ? NULL : getenv("PYTHONPATH");
    if (env && *env) {
        const char *p = env;
        for (;;) {
            const char *colon = strchr(p, ':');
            Py_ssize_t n = colon ? colon - p : (Py_ssize_t)strlen(p);
            PyObject *s = n ? PyUnicode_DecodeFSDefaultAndSize(p, n) : NULL;
            if (n && (s == NULL || PyList_Append(path, s) < 0)) {
                Py_XDECREF(s);
                Py_DECREF(path);
                return NULL;
            }
            Py_XDECREF(s);
            if (colon == NULL)
                break;
            p = colon + 1;
        }
    }
    char libdir[KR_PATH_MAX];
    const char *dirs[] = {kr_lib_dir(libdir, sizeof libdir), KR_STDLIB_DIR, KR_STDLIB_DIR "/lib-dynload"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        if (dirs[i] == NULL)
            continue;
        PyObject *s = PyUnicode_DecodeFSDefault(dirs[i]);
        if (s == NULL || PyList_Append(path, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(path);
            return NULL;
        }
        Py_DECREF(s);
    }
    return path;
}

static PyObject *make_builtin_module_names(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (const kr_builtin_module *m = kr_builtin_modules; m->name; m++) {
        PyObject *s = PyUnicode_FromString(m->name);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

int kr_sys_init(struct kr_context *ctx)
{
    PyObject *mod = PyModule_New("sys");
    if (mod == NULL)
        return -1;
    PyObject *d = PyModule_GetDict(mod);   /* borrowed */
    ctx->sysdict = Py_NewRef(d);
    ctx->mods.switch_interval = 0.005;
    ctx->mods.dlopen_flags = RTLD_NOW;
    if (PyModule_AddFunctions(mod, sys_methods) < 0)
        goto error;
    const kr_options *o = &ctx->options;
    char exe[KR_PATH_MAX], prefix[KR_PATH_MAX];
    kr_executable_path(exe, sizeof exe);
    kr_prefix_dir(prefix, sizeof prefix);
    char version[256];
    snprintf(version, sizeof version, "%s (krait %s, " __DATE__ ", " __TIME__ ") [GCC-compatible %s]",
             PY_VERSION, KRAIT_VERSION, __VERSION__);
    struct { const char *name; PyObject *value; } items[] = {
        {"modules", Py_NewRef(ctx->modules)},
        {"version", PyUnicode_FromString(version)},
        {"version_info", make_version_info()},
        {"hexversion", PyLong_FromLong(PY_VERSION_HEX)},
        {"api_version", PyLong_FromLong(PYTHON_API_VERSION)},
        {"implementation", make_implementation()},
        {"platform", PyUnicode_FromString("linux")},
        {"byteorder", PyUnicode_FromString("little")},
        {"maxsize", PyLong_FromSsize_t(PY_SSIZE_T_MAX)},
        {"maxunicode", PyLong_FromLong(0x10ffff)},
        {"float_info", make_float_info()},
        {"int_info", make_int_info()},
        {"hash_info", make_hash_info()},
        {"thread_info", make_thread_info()},
        {"flags", make_flags(o)},
        {"float_repr_style", PyUnicode_FromString("short")},
        {"executable", PyUnicode_DecodeFSDefault(exe)},
        {"_base_executable", PyUnicode_DecodeFSDefault(exe)},
        {"prefix", PyUnicode_DecodeFSDefault(prefix)},
        {"exec_prefix", PyUnicode_DecodeFSDefault(prefix)},
        {"base_prefix", PyUnicode_DecodeFSDefault(prefix)},
        {"base_exec_prefix", PyUnicode_DecodeFSDefault(prefix)},
        {"platlibdir", PyUnicode_FromString("lib")},
        {"_stdlib_dir", PyUnicode_FromString(KR_STDLIB_DIR)},
        {"pycache_prefix", Py_NewRef(Py_None)},
        {"abiflags", PyUnicode_FromString("")},
        {"copyright", PyUnicode_FromString("Krait: Copyright (c) the Krait developers.\n"
                                           "Python language: Copyright (c) 2001-2023 Python Software Foundation.")},
        {"path", make_default_path(o)},
        {"meta_path", PyList_New(0)},
        {"path_hooks", PyList_New(0)},
        {"path_importer_cache", PyDict_New()},
        {"argv", PyList_New(0)},
        {"orig_argv", PyList_New(0)},
        {"warnoptions", PyList_New(0)},
        {"_xoptions", PyDict_New()},
        {"dont_write_bytecode", PyBool_FromLong(o->dont_write_bytecode)},
        {"builtin_module_names", make_builtin_module_names()},
        {"_git", Py_BuildValue("(sss)", "krait", "", "")},
        {"_framework", PyUnicode_FromString("")},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        if (failed || items[i].value == NULL || PyDict_SetItemString(d, items[i].name, items[i].value) < 0)
            failed = 1;
        Py_XDECREF(items[i].value);
    }
    if (failed)
        goto error;
    /* The original hooks stay reachable as sys.__displayhook__ etc. */
    static const char *const hooks[] = {"displayhook", "excepthook", "breakpointhook", "unraisablehook"};
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++) {
        char dunder[64];
        snprintf(dunder, sizeof dunder, "__%s__", hooks[i]);
        PyObject *h = PyDict_GetItemString(d, hooks[i]);
        if (h == NULL || PyDict_SetItemString(d, dunder, h) < 0)
            goto error;
    }
    if (kr_set_builtin_spec(mod) < 0)
        goto error;
    if (PyDict_SetItemString(ctx->modules, "sys", mod) < 0)
        goto error;
    /* builtins.open and the standard streams come from _io, which needs
     * sys in place (src/modules/_io/module.c). */
    if (kr_io_install_open() < 0 ||
        kr_io_install_std_streams(o->unbuffered, !(o->ignore_environment || o->isolated)) < 0)
        goto error;
    Py_DECREF(mod);
    return 0;
error:
    Py_DECREF(mod);
    return -1;
}

/* Releases the builtins area's per-context state when a context closes
 * (called by context teardown, runtime/context.c). */
void kr_modules_state_fini(struct kr_context *ctx)
{
    struct kr_modules_state *st = &ctx->mods;
    Py_CLEAR(st->audit_hooks);
    Py_CLEAR(st->trace_func);
    Py_CLEAR(st->profile_func);
    Py_CLEAR(st->modules_by_def);
}
