/* threads.c: starting threads (_thread.start_new_thread), their life in
 * the context, the sentinel lock threading joins on, stack_size, and
 * _thread._excepthook (threading.excepthook's C version).
 *
 * A new OS thread gets its own thread state in the context that started
 * it and takes the context's lock to run Python code; threads of one
 * context take turns (the eval breaker hands the lock over at the switch
 * interval, runtime/context.c).  When the function returns, the thread
 * clears its state, releases its sentinel lock (threading's join waits on
 * it), unlinks its thread state and only then gives up the context lock,
 * so that nothing of the context is touched after the lock is gone. */
#include "internal.h"
#include "runtime/runtime.h"
#include "objects/str_ids.h"
#include "modules/_thread/thread.h"
#include <pthread.h>

/* The key of the sentinel lock in a thread state's dict. */
#define KR_SENTINEL_KEY "_thread._sentinel"

typedef struct {
    struct kr_context *ctx;
    PyObject *module;            /* keeps the module state (thread count) alive */
    PyObject *func, *args, *kwargs;
} kr_thread_boot;

static void *thread_main(void *p)
{
    kr_thread_boot *boot = p;
    struct kr_context *ctx = boot->ctx;
    PyThreadState *ts = PyThreadState_New(ctx);
    if (ts == NULL) {
        /* Without a thread state nothing Python-level can be released. */
        fputs("krait: out of memory starting a thread\n", stderr);
        return NULL;
    }
    ts->thread_owned = 1;
    kr_tstate_bind(ts);
    PyObject *r = PyObject_Call(boot->func, boot->args, boot->kwargs);
    if (r == NULL) {
        if (PyErr_ExceptionMatches(PyExc_SystemExit))
            PyErr_Clear();
        else
            _PyErr_WriteUnraisableMsg("in thread started by", boot->func);
    }
    Py_XDECREF(r);
    kr_thread_state *st = PyModule_GetState(boot->module);
    if (st != NULL)
        st->nthreads--;
    Py_DECREF(boot->func);
    Py_DECREF(boot->args);
    Py_XDECREF(boot->kwargs);
    Py_DECREF(boot->module);
    free(boot);

    kr_thread_release_sentinel(ts);
    /* clears, unlinks and frees the thread state, releasing the lock */
    PyThreadState_DeleteCurrent();
    return NULL;
}

PyObject *kr_thread_start_new_thread(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("start_new_thread", nargs, 2, 3))
        return NULL;
    PyObject *func = args[0], *fargs = args[1], *kwargs = nargs > 2 ? args[2] : NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!PyTuple_Check(fargs)) {
        PyErr_SetString(PyExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    struct kr_context *ctx = kr_context_get();
    if (!ctx->options.allow_threads) {
        PyErr_SetString(PyExc_PermissionError,
                        "thread creation is disabled in this context (krait option allow_threads)");
        return NULL;
    }
    if (PySys_Audit("_thread.start_new_thread", "OOO", func, fargs,
                    kwargs ? kwargs : Py_None) < 0)
        return NULL;
    kr_thread_state *st = PyModule_GetState(module);
    kr_thread_boot *boot = malloc(sizeof(*boot));
    if (boot == NULL)
        return PyErr_NoMemory();
    boot->ctx = ctx;
    boot->module = Py_NewRef(module);
    boot->func = Py_NewRef(func);
    boot->args = Py_NewRef(fargs);
    boot->kwargs = Py_XNewRef(kwargs);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, st->stacksize ? st->stacksize : 8 * 1024 * 1024);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    st->nthreads++;
    int err = pthread_create(&th, &attr, thread_main, boot);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        st->nthreads--;
        Py_DECREF(boot->func);
        Py_DECREF(boot->args);
        Py_XDECREF(boot->kwargs);
        Py_DECREF(boot->module);
        free(boot);
        PyErr_SetString(PyExc_RuntimeError, "can't start new thread");
        return NULL;
    }
    return PyLong_FromUnsignedLong((unsigned long)th);
}

/* ---- the sentinel lock ---- */

PyObject *kr_thread_set_sentinel(PyObject *module, PyObject *unused)
{
    PyObject *tdict = PyThreadState_GetDict();
    if (tdict == NULL) {
        PyErr_SetString(PyExc_SystemError, "Couldn't get thread-state dictionary");
        return NULL;
    }
    PyObject *lock = kr_lock_new();
    if (lock == NULL)
        return NULL;
    /* threading acquires it and the thread's end releases it; a previous
     * sentinel (a fork()ed child re-creating it) is replaced. */
    if (PyDict_SetItemString(tdict, KR_SENTINEL_KEY, lock) < 0) {
        Py_DECREF(lock);
        return NULL;
    }
    return lock;
}

void kr_thread_release_sentinel(PyThreadState *ts)
{
    PyObject *lock = NULL;
    if (ts->dict != NULL) {
        lock = PyDict_GetItemString(ts->dict, KR_SENTINEL_KEY);
        Py_XINCREF(lock);
    }
    /* The thread's objects go first: a join returns only after them. */
    PyThreadState_Clear(ts);
    if (lock != NULL && Py_IS_TYPE(lock, &kr_lock_type))
        kr_lock_release_raw((kr_lock_object *)lock);
    Py_XDECREF(lock);
    PyErr_Clear();
}

/* ---- stack_size ---- */

#define KR_THREAD_STACK_MIN 0x8000

PyObject *kr_thread_stack_size(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "stack_size() takes at most 1 argument (%zd given)", nargs);
        return NULL;
    }
    kr_thread_state *st = PyModule_GetState(module);
    size_t old = st->stacksize;
    if (nargs == 1) {
        PyObject *index = PyNumber_Index(args[0]);
        if (index == NULL)
            return NULL;
        Py_ssize_t n = PyLong_AsSsize_t(index);
        Py_DECREF(index);
        if (n == -1 && PyErr_Occurred())
            return NULL;
        if (n < 0) {
            PyErr_SetString(PyExc_ValueError, "size must be 0 or a positive value");
            return NULL;
        }
        if (n != 0 && n < KR_THREAD_STACK_MIN) {
            PyErr_Format(PyExc_ValueError, "size not valid: %zd bytes", n);
            return NULL;
        }
        st->stacksize = (size_t)n;
    }
    return PyLong_FromSize_t(old);
}

/* ---- _excepthook ---- */

static int write_thread_header(PyObject *file, PyObject *thread)
{
    PyObject *name = NULL;
    if (thread != Py_None) {
        name = PyObject_GetAttrString(thread, "name");
        if (name == NULL)
            PyErr_Clear();
    }
    if (name != NULL) {
        int r = PyFile_WriteString("Exception in thread ", file) < 0 ||
                PyFile_WriteObject(name, file, Py_PRINT_RAW) < 0;
        Py_DECREF(name);
        if (r)
            return -1;
    }
    else {
        char buf[64];
        PyOS_snprintf(buf, sizeof buf, "Exception in thread %lu", PyThread_get_thread_ident());
        if (PyFile_WriteString(buf, file) < 0)
            return -1;
    }
    return PyFile_WriteString(":\n", file);
}

PyObject *kr_thread_excepthook(PyObject *module, PyObject *arg)
{
    kr_thread_state *st = PyModule_GetState(module);
    if (!Py_IS_TYPE(arg, (PyTypeObject *)st->excepthook_args_type)) {
        PyErr_SetString(PyExc_TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
        return NULL;
    }
    PyObject *exc_type = PyStructSequence_GET_ITEM(arg, 0);
    PyObject *exc_value = PyStructSequence_GET_ITEM(arg, 1);
    PyObject *thread = PyStructSequence_GET_ITEM(arg, 3);
    if (exc_type == PyExc_SystemExit)
        Py_RETURN_NONE;   /* silently ignored, as CPython does */
    PyObject *file = PySys_GetObject("stderr");
    if (file != NULL && file != Py_None)
        Py_INCREF(file);
    else {
        if (thread == Py_None)
            Py_RETURN_NONE;
        file = PyObject_GetAttrString(thread, "_stderr");
        if (file == NULL)
            return NULL;
        if (file == Py_None) {
            Py_DECREF(file);
            Py_RETURN_NONE;
        }
    }
    if (write_thread_header(file, thread) < 0) {
        Py_DECREF(file);
        return NULL;
    }
    if (exc_value != Py_None && PyExceptionInstance_Check(exc_value)) {
        if (kr_exception_display(exc_value, file) < 0)
            PyErr_Clear();
    }
    else {
        PyObject *s = PyObject_Str(exc_value);
        if (s == NULL || PyFile_WriteObject(s, file, Py_PRINT_RAW) < 0 ||
            PyFile_WriteString("\n", file) < 0)
            PyErr_Clear();
        Py_XDECREF(s);
    }
    PyObject *r = PyObject_CallMethodNoArgs(file, KR_ID(flush));
    Py_DECREF(file);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}
