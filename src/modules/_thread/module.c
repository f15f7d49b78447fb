/* module.c: the built-in `_thread` module: its functions, types and
 * constants (threading.py, reprlib and functools import from it).  The
 * locks live in lock.c and rlock.c, thread-local data in local.c, thread
 * start-up and the excepthook in threads.c.  Per-context state (the
 * _ExceptHookArgs type, the count of running threads, the stack size) is
 * module state. */
#include "internal.h"
#include "modules/_thread/thread.h"

static PyObject *thread_allocate_lock(PyObject *module, PyObject *unused)
{
    return kr_lock_new();
}

static PyObject *thread_get_ident(PyObject *module, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_ident());
}

static PyObject *thread_get_native_id(PyObject *module, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_native_id());
}

static PyObject *thread_count(PyObject *module, PyObject *unused)
{
    kr_thread_state *st = PyModule_GetState(module);
    return PyLong_FromSsize_t(st->nthreads);
}

static PyObject *thread_exit(PyObject *module, PyObject *unused)
{
    PyErr_SetNone(PyExc_SystemExit);
    return NULL;
}

static PyObject *thread_interrupt_main(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("interrupt_main", nargs, 0, 1))
        return NULL;
    int signum = SIGINT;
    if (nargs == 1) {
        PyObject *index = PyNumber_Index(args[0]);
        if (index == NULL)
            return NULL;
        signum = _PyLong_AsInt(index);
        Py_DECREF(index);
        if (signum == -1 && PyErr_Occurred())
            return NULL;
    }
    if (PyErr_SetInterruptEx(signum) < 0) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return NULL;
    }
    Py_RETURN_NONE;
}

#define KR_START_DOC \
    "start_new_thread(function, args[, kwargs])\n(start_new() is an obsolete synonym)\n\n" \
    "Start a new thread and return its identifier.  The thread will call the\n" \
    "function with positional arguments from the tuple args and keyword arguments\n" \
    "taken from the optional dictionary kwargs.  The thread exits when the\n" \
    "function returns; the return value is ignored.  The thread will also exit\n" \
    "when the function raises an unhandled exception; a stack trace will be\n" \
    "printed unless the exception is SystemExit.\n"
#define KR_ALLOC_DOC \
    "allocate_lock() -> lock object\n(allocate() is an obsolete synonym)\n\n" \
    "Create a new lock object. See help(type(threading.Lock())) for\n" \
    "information about locks."
#define KR_EXIT_DOC \
    "exit()\n(exit_thread() is an obsolete synonym)\n\n" \
    "This is synonymous to ``raise SystemExit''.  It will cause the current\n" \
    "thread to exit silently unless the exception is caught."

static PyMethodDef thread_functions[] = {
    {"start_new_thread", (PyCFunction)(void (*)(void))kr_thread_start_new_thread, METH_FASTCALL, KR_START_DOC},
    {"start_new", (PyCFunction)(void (*)(void))kr_thread_start_new_thread, METH_FASTCALL, KR_START_DOC},
    {"allocate_lock", thread_allocate_lock, METH_NOARGS, KR_ALLOC_DOC},
    {"allocate", thread_allocate_lock, METH_NOARGS, KR_ALLOC_DOC},
    {"exit_thread", thread_exit, METH_NOARGS, KR_EXIT_DOC},
    {"exit", thread_exit, METH_NOARGS, KR_EXIT_DOC},
    {"interrupt_main", (PyCFunction)(void (*)(void))thread_interrupt_main, METH_FASTCALL,
     "interrupt_main(signum=signal.SIGINT, /)\n\n"
     "Simulate the arrival of the given signal in the main thread,\n"
     "where the corresponding signal handler will be executed.\n"
     "If *signum* is omitted, SIGINT is assumed.\n"
     "A subthread can use this function to interrupt the main thread.\n\n"
     "Note: the default signal handler for SIGINT raises ``KeyboardInterrupt``."},
    {"get_ident", thread_get_ident, METH_NOARGS,
     "get_ident() -> integer\n\n"
     "Return a non-zero integer that uniquely identifies the current thread\n"
     "amongst other threads that exist simultaneously.\n"
     "This may be used to identify per-thread resources.\n"
     "Even though on some platforms threads identities may appear to be\n"
     "allocated consecutive numbers starting at 1, this behavior should not\n"
     "be relied upon, and the number should be seen purely as a magic cookie.\n"
     "A thread's identity may be reused for another thread after it exits."},
    {"get_native_id", thread_get_native_id, METH_NOARGS,
     "get_native_id() -> integer\n\n"
     "Return a non-negative integer identifying the thread as reported\n"
     "by the OS (kernel). This may be used to uniquely identify a\n"
     "particular thread within a system."},
    {"_count", thread_count, METH_NOARGS,
     "_count() -> integer\n\n"
     "Return the number of currently running Python threads, excluding\n"
     "the main thread. The returned number comprises all threads created\n"
     "through `start_new_thread()` as well as `threading.Thread`, and not\n"
     "yet finished.\n\n"
     "This function is meant for internal and specialized purposes only.\n"
     "In most applications `threading.enumerate()` should be used instead."},
    {"stack_size", (PyCFunction)(void (*)(void))kr_thread_stack_size, METH_FASTCALL,
     "stack_size([size]) -> size\n\n"
     "Return the thread stack size used when creating new threads.  The\n"
     "optional size argument specifies the stack size (in bytes) to be used\n"
     "for subsequently created threads, and must be 0 (use platform or\n"
     "configured default) or a positive integer value of at least 32,768 (32k)."},
    {"_set_sentinel", kr_thread_set_sentinel, METH_NOARGS,
     "_set_sentinel() -> lock\n\n"
     "Set a sentinel lock that will be released when the current thread\n"
     "state is finalized (after it is untied from the interpreter).\n\n"
     "This is a private API for the threading module."},
    {"_excepthook", kr_thread_excepthook, METH_O,
     "excepthook(exc_type, exc_value, exc_traceback, thread)\n\n"
     "Handle uncaught Thread.run() exception."},
    {NULL, NULL, 0, NULL}
};

static PyStructSequence_Field hook_args_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"thread", "Thread"},
    {NULL, NULL}
};

static PyStructSequence_Desc hook_args_desc = {
    "_thread._ExceptHookArgs",
    "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
    hook_args_fields,
    4,
};

static int thread_module_traverse(PyObject *m, visitproc visit, void *arg)
{
    kr_thread_state *st = PyModule_GetState(m);
    if (st != NULL)
        Py_VISIT(st->excepthook_args_type);
    return 0;
}

static int thread_module_clear(PyObject *m)
{
    kr_thread_state *st = PyModule_GetState(m);
    if (st != NULL)
        Py_CLEAR(st->excepthook_args_type);
    return 0;
}

static void thread_module_free(void *m)
{
    thread_module_clear((PyObject *)m);
}

static struct PyModuleDef thread_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_thread",
    .m_doc = "This module provides primitive operations to write multi-threaded programs.\n"
             "The 'threading' module provides a more convenient interface.",
    .m_size = sizeof(kr_thread_state),
    .m_methods = thread_functions,
    .m_traverse = thread_module_traverse,
    .m_clear = thread_module_clear,
    .m_free = thread_module_free,
};

PyObject *PyInit__thread(void)
{
    PyObject *m = PyModule_Create(&thread_def);
    if (m == NULL)
        return NULL;
    kr_thread_state *st = PyModule_GetState(m);
    st->nthreads = 0;
    st->stacksize = 0;
    st->excepthook_args_type = (PyObject *)PyStructSequence_NewType(&hook_args_desc);
    if (st->excepthook_args_type == NULL ||
        PyModule_AddObjectRef(m, "_ExceptHookArgs", st->excepthook_args_type) < 0 ||
        PyModule_AddObjectRef(m, "LockType", (PyObject *)&kr_lock_type) < 0 ||
        PyModule_AddObjectRef(m, "RLock", (PyObject *)&kr_rlock_type) < 0 ||
        PyModule_AddObjectRef(m, "_local", (PyObject *)&kr_local_type) < 0 ||
        PyModule_AddObjectRef(m, "error", PyExc_RuntimeError) < 0 ||
        PyModule_AddObject(m, "TIMEOUT_MAX", PyFloat_FromDouble(9223372036.0)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
