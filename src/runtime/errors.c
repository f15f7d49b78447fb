/* errors.c: the error indicator (pyerrors.h).
 *
 * A thread state's curexc holds one exception instance, always normalised:
 * PyErr_SetObject and PyErr_Restore instantiate the class at once, so the
 * rest of the runtime can treat "the current exception" as an object and
 * PyErr_Fetch derives the (type, value, traceback) triple from it.
 * Setting an exception while another is being handled chains the handled
 * one as __context__, breaking any cycle that would create, as CPython
 * does. */
#include "internal.h"
#include "runtime/runtime.h"
#include "vm/vm.h"
#include <errno.h>

static PyObject *tstate_exc(PyThreadState *ts) { return ts ? ts->curexc : NULL; }

void PyErr_SetRaisedException(PyObject *exc)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL) {
        Py_XDECREF(exc);
        return;
    }
    PyObject *old = ts->curexc;
    ts->curexc = exc;
    Py_XDECREF(old);
}

PyObject *PyErr_GetRaisedException(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return NULL;
    PyObject *exc = ts->curexc;
    ts->curexc = NULL;
    return exc;
}

PyObject *PyErr_Occurred(void)
{
    PyObject *exc = tstate_exc(kr_tstate_get());
    return exc ? (PyObject *)Py_TYPE(exc) : NULL;
}

void PyErr_Clear(void) { PyErr_SetRaisedException(NULL); }

/* The innermost exception being handled (borrowed), or NULL. */
PyObject *kr_err_handled(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return NULL;
    for (_PyErr_StackItem *it = ts->exc_info; it != NULL; it = it->previous_item) {
        if (it->exc_value != NULL && it->exc_value != Py_None)
            return it->exc_value;
    }
    return NULL;
}

/* New reference: an instance of `type` made from `value` (an instance,
 * NULL/None for no arguments, a tuple of arguments, or one argument). */
static PyObject *make_instance(PyObject *type, PyObject *value)
{
    if (value != NULL && PyExceptionInstance_Check(value) &&
        PyObject_TypeCheck(value, (PyTypeObject *)type))
        return Py_NewRef(value);
    if (value == NULL || value == Py_None)
        return PyObject_CallNoArgs(type);
    if (PyTuple_Check(value))
        return PyObject_Call(type, value, NULL);
    return PyObject_CallOneArg(type, value);
}

static void chain_context(PyObject *exc)
{
    PyObject *handled = kr_err_handled();
    if (handled == NULL || handled == exc)
        return;
    /* Remove exc from the handled exception's context chain, so that
     * linking it in front does not create a cycle.  Floyd's tortoise
     * guards against a cycle that is already there. */
    PyObject *o = handled, *slow = handled;
    int toggle = 0;
    for (;;) {
        PyObject *ctx = ((PyBaseExceptionObject *)o)->context;
        if (ctx == NULL)
            break;
        if (ctx == exc) {
            ((PyBaseExceptionObject *)o)->context = NULL;
            Py_DECREF(ctx);
            break;
        }
        o = ctx;
        if (o == slow)
            break;
        if (toggle)
            slow = ((PyBaseExceptionObject *)slow)->context;
        toggle = !toggle;
    }
    PyException_SetContext(exc, Py_NewRef(handled));
}

void kr_err_set_chained(PyObject *exc)
{
    chain_context(exc);
    PyErr_SetRaisedException(exc);
}

void PyErr_SetObject(PyObject *type, PyObject *value)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return;
    if (type == NULL || !PyExceptionClass_Check(type)) {
        PyErr_Format(PyExc_SystemError,
                     "_PyErr_SetObject: exception %R is not a BaseException subclass",
                     type ? type : Py_None);
        return;
    }
    Py_XINCREF(value);
    /* The exception being replaced goes away first: the constructor must
     * not run with an exception set (the handled exception, which
     * becomes __context__, is kept). */
    PyErr_Clear();
    PyObject *exc = make_instance(type, value);
    Py_XDECREF(value);
    if (exc == NULL)
        return;   /* the constructor's exception is set */
    if (!PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError,
                     "calling %R should have returned an instance of BaseException, not %s",
                     type, Py_TYPE(exc)->tp_name);
        Py_DECREF(exc);
        return;
    }
    kr_err_set_chained(exc);
}

void PyErr_SetNone(PyObject *type) { PyErr_SetObject(type, NULL); }

void PyErr_SetString(PyObject *type, const char *msg)
{
    PyObject *s = PyUnicode_FromString(msg);
    if (s == NULL)
        return;
    PyErr_SetObject(type, s);
    Py_DECREF(s);
}

PyObject *PyErr_FormatV(PyObject *type, const char *format, va_list va)
{
    /* The message is built with no exception pending, as CPython does. */
    PyErr_Clear();
    PyObject *s = PyUnicode_FromFormatV(format, va);
    if (s != NULL) {
        PyErr_SetObject(type, s);
        Py_DECREF(s);
    }
    return NULL;
}

PyObject *PyErr_Format(PyObject *type, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyErr_FormatV(type, format, va);
    va_end(va);
    return NULL;
}

void PyErr_Fetch(PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        *ptype = *pvalue = *ptb = NULL;
        return;
    }
    *ptype = Py_NewRef((PyObject *)Py_TYPE(exc));
    *pvalue = exc;
    *ptb = PyException_GetTraceback(exc);
}

void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb)
{
    if (type == NULL) {
        Py_XDECREF(value);
        Py_XDECREF(tb);
        PyErr_Clear();
        return;
    }
    PyObject *exc;
    if (value != NULL && PyExceptionInstance_Check(value) &&
        (!PyExceptionClass_Check(type) || PyObject_TypeCheck(value, (PyTypeObject *)type))) {
        exc = value;
    }
    else if (!PyExceptionClass_Check(type)) {
        Py_XDECREF(value);
        Py_XDECREF(tb);
        Py_DECREF(type);
        PyErr_Clear();
        PyErr_SetString(PyExc_SystemError, "PyErr_Restore: exception type is not a BaseException subclass");
        return;
    }
    else {
        PyObject *saved = PyErr_GetRaisedException();
        exc = make_instance(type, value);
        Py_XDECREF(value);
        if (exc == NULL) {
            Py_XDECREF(saved);
            Py_XDECREF(tb);
            Py_DECREF(type);
            return;   /* the constructor's error stands instead */
        }
        Py_XDECREF(saved);
    }
    Py_DECREF(type);
    if (tb != NULL && tb != Py_None)
        PyException_SetTraceback(exc, tb);
    Py_XDECREF(tb);
    PyErr_SetRaisedException(exc);
}

void PyErr_NormalizeException(PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    PyObject *type = *ptype, *value = *pvalue;
    if (type == NULL)
        return;
    if (value != NULL && PyExceptionInstance_Check(value) &&
        (!PyExceptionClass_Check(type) || PyObject_TypeCheck(value, (PyTypeObject *)type)))
        return;
    if (!PyExceptionClass_Check(type))
        return;
    PyObject *exc = make_instance(type, value);
    if (exc == NULL) {
        /* Replace the triple with the error from the constructor. */
        Py_DECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(*ptb);
        PyErr_Fetch(ptype, pvalue, ptb);
        return;
    }
    Py_XDECREF(value);
    *pvalue = exc;
    if (Py_TYPE(exc) != (PyTypeObject *)type) {
        *ptype = Py_NewRef((PyObject *)Py_TYPE(exc));
        Py_DECREF(type);
    }
}

int PyErr_GivenExceptionMatches(PyObject *err, PyObject *exc)
{
    if (err == NULL || exc == NULL)
        return 0;
    if (PyTuple_Check(exc)) {
        Py_ssize_t n = PyTuple_GET_SIZE(exc);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyErr_GivenExceptionMatches(err, PyTuple_GET_ITEM(exc, i)))
                return 1;
        }
        return 0;
    }
    if (PyExceptionInstance_Check(err))
        err = (PyObject *)Py_TYPE(err);
    if (PyExceptionClass_Check(err) && PyExceptionClass_Check(exc))
        return PyType_IsSubtype((PyTypeObject *)err, (PyTypeObject *)exc);
    return err == exc;
}

int PyErr_ExceptionMatches(PyObject *exc)
{
    return PyErr_GivenExceptionMatches(PyErr_Occurred(), exc);
}

/* ---- the handled exception (sys.exc_info) ---- */

PyObject *PyErr_GetHandledException(void)
{
    PyObject *e = kr_err_handled();
    return Py_XNewRef(e);
}

void PyErr_SetHandledException(PyObject *exc)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || ts->exc_info == NULL)
        return;
    PyObject *old = ts->exc_info->exc_value;
    ts->exc_info->exc_value = (exc == Py_None) ? NULL : Py_XNewRef(exc);
    Py_XDECREF(old);
}

void PyErr_GetExcInfo(PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    PyObject *e = kr_err_handled();
    if (e == NULL) {
        *ptype = *pvalue = *ptb = NULL;
        return;
    }
    *ptype = Py_NewRef((PyObject *)Py_TYPE(e));
    *pvalue = Py_NewRef(e);
    *ptb = PyException_GetTraceback(e);
}

void PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *tb)
{
    PyErr_SetHandledException(value);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

void _PyErr_ChainExceptions1(PyObject *exc)
{
    if (exc == NULL)
        return;
    PyObject *cur = PyErr_GetRaisedException();
    if (cur == NULL) {
        PyErr_SetRaisedException(exc);
        return;
    }
    PyException_SetContext(cur, exc);
    PyErr_SetRaisedException(cur);
}

void _PyErr_ChainExceptions(PyObject *type, PyObject *value, PyObject *tb)
{
    if (type == NULL)
        return;
    if (!PyErr_Occurred()) {
        PyErr_Restore(type, value, tb);
        return;
    }
    PyObject *cur = PyErr_GetRaisedException();
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb != NULL && value != NULL && PyExceptionInstance_Check(value))
        PyException_SetTraceback(value, tb);
    Py_XDECREF(tb);
    Py_DECREF(type);
    if (value != NULL && PyExceptionInstance_Check(value))
        PyException_SetContext(cur, value);
    else
        Py_XDECREF(value);
    PyErr_SetRaisedException(cur);
}

PyObject *_PyErr_FormatFromCause(PyObject *exception, const char *format, ...)
{
    PyObject *cause = PyErr_GetRaisedException();
    va_list va;
    va_start(va, format);
    PyErr_FormatV(exception, format, va);
    va_end(va);
    if (cause != NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        if (exc != NULL) {
            PyException_SetCause(exc, Py_NewRef(cause));
            PyException_SetContext(exc, cause);
            PyErr_SetRaisedException(exc);
        }
        else {
            Py_DECREF(cause);
        }
    }
    return NULL;
}

/* ---- convenience raisers ---- */

int PyErr_BadArgument(void)
{
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

#undef PyErr_BadInternalCall
void PyErr_BadInternalCall(void)
{
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

void _PyErr_BadInternalCall(const char *filename, int lineno)
{
    PyErr_Format(PyExc_SystemError, "%s:%d: bad argument to internal function", filename, lineno);
}

PyObject *PyErr_NoMemory(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return NULL;
    struct kr_context *c = ts->interp;
    PyObject *m = c->rt.memerror;
    /* The preallocated instance works when nothing else can be allocated;
     * it is reused only when no one else holds it. */
    if (m != NULL && Py_REFCNT(m) == 1) {
        PyBaseExceptionObject *b = (PyBaseExceptionObject *)m;
        Py_CLEAR(b->traceback);
        Py_CLEAR(b->context);
        Py_CLEAR(b->cause);
        Py_CLEAR(b->notes);
        b->suppress_context = 0;
        PyErr_SetRaisedException(Py_NewRef(m));
        return NULL;
    }
    PyObject *e = PyObject_CallNoArgs(PyExc_MemoryError);
    if (e == NULL) {
        if (m != NULL)
            PyErr_SetRaisedException(Py_NewRef(m));
        return NULL;
    }
    PyErr_SetRaisedException(e);
    return NULL;
}

PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *exc, PyObject *f1, PyObject *f2)
{
    int err = errno;
    if (err == EINTR && PyErr_CheckSignals() < 0)
        return NULL;
    PyObject *msg = err ? PyUnicode_DecodeLocale(strerror(err), "surrogateescape")
                        : PyUnicode_FromString("Error");
    if (msg == NULL)
        return NULL;
    PyObject *args;
    if (f1 != NULL && f2 != NULL)
        args = Py_BuildValue("(iOOiO)", err, msg, f1, 0, f2);
    else if (f1 != NULL)
        args = Py_BuildValue("(iOO)", err, msg, f1);
    else
        args = Py_BuildValue("(iO)", err, msg);
    Py_DECREF(msg);
    if (args == NULL)
        return NULL;
    /* OSError(errno, strerror, filename, winerror, filename2): winerror is
     * ignored on POSIX; pass None rather than 0. */
    if (f1 != NULL && f2 != NULL) {
        Py_INCREF(Py_None);
        PyTuple_SetItem(args, 3, Py_None);
    }
    PyObject *v = PyObject_Call(exc, args, NULL);
    Py_DECREF(args);
    if (v != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(v), v);
        Py_DECREF(v);
    }
    return NULL;
}

PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *exc, PyObject *f)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, f, NULL);
}

PyObject *PyErr_SetFromErrno(PyObject *exc)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, NULL, NULL);
}

PyObject *PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename)
{
    int err = errno;
    PyObject *f = NULL;
    if (filename != NULL) {
        f = PyUnicode_DecodeFSDefault(filename);
        if (f == NULL)
            return NULL;
    }
    errno = err;
    PyErr_SetFromErrnoWithFilenameObjects(exc, f, NULL);
    Py_XDECREF(f);
    return NULL;
}

PyObject *PyErr_SetImportErrorSubclass(PyObject *exc, PyObject *msg, PyObject *name, PyObject *path)
{
    if (!PyExceptionClass_Check(exc) ||
        !PyType_IsSubtype((PyTypeObject *)exc, (PyTypeObject *)PyExc_ImportError)) {
        PyErr_SetString(PyExc_TypeError, "expected a subclass of ImportError");
        return NULL;
    }
    if (msg == NULL) {
        PyErr_SetString(PyExc_TypeError, "expected a message argument");
        return NULL;
    }
    PyObject *kw = PyDict_New();
    if (kw == NULL)
        return NULL;
    if (PyDict_SetItemString(kw, "name", name ? name : Py_None) < 0 ||
        PyDict_SetItemString(kw, "path", path ? path : Py_None) < 0) {
        Py_DECREF(kw);
        return NULL;
    }
    PyObject *args = PyTuple_Pack(1, msg);
    PyObject *e = args ? PyObject_Call(exc, args, kw) : NULL;
    Py_XDECREF(args);
    Py_DECREF(kw);
    if (e != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(e), e);
        Py_DECREF(e);
    }
    return NULL;
}

PyObject *PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path)
{
    return PyErr_SetImportErrorSubclass(PyExc_ImportError, msg, name, path);
}

/* ---- new exception classes ---- */

PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_SystemError, "PyErr_NewException: name must be module.class");
        return NULL;
    }
    PyObject *mydict = NULL, *bases = NULL, *result = NULL;
    if (base == NULL)
        base = PyExc_Exception;
    if (dict == NULL) {
        dict = mydict = PyDict_New();
        if (dict == NULL)
            return NULL;
    }
    if (doc != NULL) {
        PyObject *d = PyUnicode_FromString(doc);
        if (d == NULL || PyDict_SetItemString(dict, "__doc__", d) < 0) {
            Py_XDECREF(d);
            goto done;
        }
        Py_DECREF(d);
    }
    if (PyDict_GetItemString(dict, "__module__") == NULL) {
        PyObject *mod = PyUnicode_FromStringAndSize(name, dot - name);
        if (mod == NULL || PyDict_SetItemString(dict, "__module__", mod) < 0) {
            Py_XDECREF(mod);
            goto done;
        }
        Py_DECREF(mod);
    }
    bases = PyTuple_Check(base) ? Py_NewRef(base) : PyTuple_Pack(1, base);
    if (bases == NULL)
        goto done;
    result = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", dot + 1, bases, dict);
done:
    Py_XDECREF(bases);
    Py_XDECREF(mydict);
    return result;
}

PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
{
    return PyErr_NewExceptionWithDoc(name, NULL, base, dict);
}

/* ---- unraisable exceptions ---- */

static void write_unraisable(const char *msg, PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    PyObject *m = NULL;
    if (msg != NULL) {
        m = PyUnicode_FromString(msg);
        if (m == NULL)
            PyErr_Clear();
    }
    Py_XINCREF(obj);
    kr_write_unraisable(exc, m, obj);
    Py_XDECREF(obj);
    Py_XDECREF(m);
    Py_DECREF(exc);
}

void PyErr_WriteUnraisable(PyObject *obj)
{
    write_unraisable(NULL, obj);
}

void _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj)
{
    if (err_msg == NULL) {
        write_unraisable(NULL, obj);
        return;
    }
    char buf[512];
    PyOS_snprintf(buf, sizeof(buf), "Exception ignored %s", err_msg);
    write_unraisable(buf, obj);
}

/* ---- signals ---- */

/* Signals are noted by the vm's handler (kr_signal_pending) and turned
 * into exceptions by its eval breaker; C code calls in here to get the
 * same effect between bytecodes. */
int PyErr_CheckSignals(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL || !ts->interp->vm.eval_breaker)
        return 0;
    return kr_handle_eval_breaker(ts);
}

int PyErr_SetInterruptEx(int signum)
{
    if (signum < 1 || signum >= NSIG)
        return -1;
    kr_signal_pending(signum);
    return 0;
}

void PyErr_SetInterrupt(void) { PyErr_SetInterruptEx(SIGINT); }

int PyOS_InterruptOccurred(void)
{
    struct kr_context *c = kr_context_get();
    if (c == NULL || !c->vm.pending_signals[SIGINT])
        return 0;
    c->vm.pending_signals[SIGINT] = 0;
    return 1;
}

/* ---- syntax error locations ---- */

PyObject *PyErr_ProgramTextObject(PyObject *filename, int lineno)
{
    if (filename == NULL || lineno <= 0)
        return NULL;
    const char *fn = PyUnicode_Check(filename) ? PyUnicode_AsUTF8(filename) : NULL;
    if (fn == NULL) {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(fn, "rb");
    if (fp == NULL)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len = 0;
    for (int i = 0; i < lineno; i++) {
        len = getline(&line, &cap, fp);
        if (len < 0)
            break;
    }
    fclose(fp);
    PyObject *r = NULL;
    if (len >= 0) {
        r = PyUnicode_DecodeUTF8(line, len, "replace");
        if (r == NULL)
            PyErr_Clear();
    }
    free(line);
    return r;
}

PyObject *PyErr_ProgramText(const char *filename, int lineno)
{
    if (filename == NULL)
        return NULL;
    PyObject *f = PyUnicode_DecodeFSDefault(filename);
    if (f == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *r = PyErr_ProgramTextObject(f, lineno);
    Py_DECREF(f);
    return r;
}

void PyErr_RangedSyntaxLocationObject(PyObject *filename, int lineno, int col_offset,
                                      int end_lineno, int end_col_offset)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    PyObject *v;
    if ((v = PyLong_FromLong(lineno)) == NULL || PyObject_SetAttrString(exc, "lineno", v) < 0)
        PyErr_Clear();
    Py_XDECREF(v);
    if (col_offset >= 0) {
        if ((v = PyLong_FromLong(col_offset)) == NULL || PyObject_SetAttrString(exc, "offset", v) < 0)
            PyErr_Clear();
        Py_XDECREF(v);
    }
    if (end_lineno >= 0) {
        if ((v = PyLong_FromLong(end_lineno)) == NULL || PyObject_SetAttrString(exc, "end_lineno", v) < 0)
            PyErr_Clear();
        Py_XDECREF(v);
    }
    if (end_col_offset >= 0) {
        if ((v = PyLong_FromLong(end_col_offset)) == NULL || PyObject_SetAttrString(exc, "end_offset", v) < 0)
            PyErr_Clear();
        Py_XDECREF(v);
    }
    if (filename != NULL) {
        if (PyObject_SetAttrString(exc, "filename", filename) < 0)
            PyErr_Clear();
        PyObject *text = PyErr_ProgramTextObject(filename, lineno);
        if (text != NULL) {
            if (PyObject_SetAttrString(exc, "text", text) < 0)
                PyErr_Clear();
            Py_DECREF(text);
        }
    }
    PyErr_SetRaisedException(exc);
}

void PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset)
{
    PyErr_RangedSyntaxLocationObject(filename, lineno, col_offset, -1, -1);
}

void PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset)
{
    PyObject *f = NULL;
    if (filename != NULL) {
        PyObject *saved = PyErr_GetRaisedException();
        f = PyUnicode_DecodeFSDefault(filename);
        if (f == NULL)
            PyErr_Clear();
        PyErr_SetRaisedException(saved);
    }
    PyErr_SyntaxLocationObject(f, lineno, col_offset);
    Py_XDECREF(f);
}

void PyErr_SyntaxLocation(const char *filename, int lineno)
{
    PyErr_SyntaxLocationEx(filename, lineno, -1);
}

/* ---- fatal errors ---- */

#undef Py_FatalError
void _Py_FatalErrorFunc(const char *func, const char *message)
{
    fflush(stdout);
    if (func != NULL)
        fprintf(stderr, "Fatal Python error: %s: %s\n", func, message);
    else
        fprintf(stderr, "Fatal Python error: %s\n", message);
    PyThreadState *ts = kr_tstate_get();
    if (ts != NULL && ts->curexc != NULL) {
        fputs("Python runtime state: initialized\n", stderr);
    }
    fflush(stderr);
    abort();
}

void Py_FatalError(const char *message) { _Py_FatalErrorFunc(NULL, message); }

void _Py_FatalErrorFormat(const char *func, const char *format, ...)
{
    char buf[1024];
    va_list va;
    va_start(va, format);
    vsnprintf(buf, sizeof(buf), format, va);
    va_end(va);
    _Py_FatalErrorFunc(func, buf);
}
