/* lock.c: _thread.lock (LockType, allocate_lock) and the blocking wait
 * that both lock types use.
 *
 * A lock is a binary semaphore plus a `locked` flag: any thread may
 * release it, as Python allows.  Waiting releases the context lock (other
 * threads of the context run meanwhile) and uses absolute deadlines on the
 * monotonic clock, so a signal that interrupts the wait neither lengthens
 * it nor is lost: its handler runs (Ctrl-C raises KeyboardInterrupt) and
 * the wait resumes with the time left. */
#include "internal.h"
#include "capi/argparse.h"
#include "modules/_thread/thread.h"
#include <errno.h>
#include <math.h>
#include <time.h>

#define KR_NS_PER_SEC 1000000000LL
/* An "infinite" wait is a chain of timed ones: a timed semaphore wait is
 * never restarted behind our back after a signal (SA_RESTART or not). */
#define KR_FOREVER_SLICE_NS (3600LL * KR_NS_PER_SEC)

static struct timespec deadline_after(int64_t ns)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    int64_t total = (int64_t)ts.tv_nsec + ns % KR_NS_PER_SEC;
    ts.tv_sec += (time_t)(ns / KR_NS_PER_SEC + total / KR_NS_PER_SEC);
    ts.tv_nsec = (long)(total % KR_NS_PER_SEC);
    return ts;
}

static int64_t ns_until(const struct timespec *deadline)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return ((int64_t)deadline->tv_sec - now.tv_sec) * KR_NS_PER_SEC +
           (deadline->tv_nsec - now.tv_nsec);
}

int kr_sem_acquire(sem_t *sem, int64_t timeout_ns)
{
    if (sem_trywait(sem) == 0)
        return 1;
    if (timeout_ns == 0)
        return 0;
    int forever = timeout_ns < 0;
    struct timespec deadline = deadline_after(forever ? KR_FOREVER_SLICE_NS : timeout_ns);
    for (;;) {
        int r, err;
        Py_BEGIN_ALLOW_THREADS
        r = sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
        err = r == 0 ? 0 : errno;
        Py_END_ALLOW_THREADS
        if (r == 0)
            return 1;
        if (err == EINTR) {
            if (Py_MakePendingCalls() < 0)
                return -1;
            if (!forever && ns_until(&deadline) <= 0)
                return sem_trywait(sem) == 0;
            continue;
        }
        if (err == ETIMEDOUT) {
            if (!forever)
                return 0;
            deadline = deadline_after(KR_FOREVER_SLICE_NS);
            continue;
        }
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
}

/* Seconds (int or float) to nanoseconds, rounding up as CPython's
 * _PyTime_ROUND_TIMEOUT does, with its errors. */
static int timeout_to_ns(PyObject *obj, int64_t *ns)
{
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = ceil(d * 1e9);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *ns = (int64_t)d;
        return 0;
    }
    long long v = PyLong_AsLongLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        }
        return -1;
    }
    if (v > INT64_MAX / KR_NS_PER_SEC || v < INT64_MIN / KR_NS_PER_SEC) {
        PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *ns = (int64_t)v * KR_NS_PER_SEC;
    return 0;
}

int kr_acquire_args(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                    int64_t *timeout_ns)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    static const kr_argspec spec = {"acquire", names, 0, 0, 2};
    PyObject *a[2];
    *timeout_ns = -1;
    if (nargs == 0 && kwnames == NULL)
        return 0;
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return -1;
    int blocking = 1;
    if (a[0] != NULL) {
        /* an int, as the "i" converter takes it: floats are refused */
        if (PyFloat_Check(a[0])) {
            PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        long v = PyLong_AsLong(a[0]);
        if (v == -1 && PyErr_Occurred())
            return -1;
        blocking = v != 0;
    }
    int64_t t = -KR_NS_PER_SEC;
    if (a[1] != NULL && timeout_to_ns(a[1], &t) < 0)
        return -1;
    if (!blocking && t != -KR_NS_PER_SEC) {
        PyErr_SetString(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -KR_NS_PER_SEC) {
        PyErr_SetString(PyExc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!blocking)
        *timeout_ns = 0;
    else if (t == -KR_NS_PER_SEC)
        *timeout_ns = -1;
    else {
        /* TIMEOUT_MAX, in microseconds as CPython keeps it */
        if (t / 1000 > (int64_t)PY_TIMEOUT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
            return -1;
        }
        *timeout_ns = t;
    }
    return 0;
}

/* ---- the lock type ---- */

PyObject *kr_lock_new(void)
{
    kr_lock_object *self = PyObject_New(kr_lock_object, &kr_lock_type);
    if (self == NULL)
        return NULL;
    self->locked = 0;
    self->weakreflist = NULL;
    if (sem_init(&self->sem, 0, 1) != 0) {
        PyObject_Free(self);
        PyErr_SetString(PyExc_RuntimeError, "can't allocate lock");
        return NULL;
    }
    return (PyObject *)self;
}

void kr_lock_release_raw(kr_lock_object *lock)
{
    if (lock->locked) {
        lock->locked = 0;
        sem_post(&lock->sem);
    }
}

static void lock_dealloc(kr_lock_object *self)
{
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    sem_destroy(&self->sem);
    PyObject_Free(self);
}

static PyObject *lock_acquire(kr_lock_object *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    int64_t timeout;
    if (kr_acquire_args(args, nargs, kwnames, &timeout) < 0)
        return NULL;
    int r = kr_sem_acquire(&self->sem, timeout);
    if (r < 0)
        return NULL;
    if (r)
        self->locked = 1;
    return PyBool_FromLong(r);
}

static PyObject *lock_release(kr_lock_object *self, PyObject *unused)
{
    if (!self->locked) {
        PyErr_SetString(PyExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    kr_lock_release_raw(self);
    Py_RETURN_NONE;
}

static PyObject *lock_exit(kr_lock_object *self, PyObject *args)
{
    return lock_release(self, NULL);
}

static PyObject *lock_locked(kr_lock_object *self, PyObject *unused)
{
    return PyBool_FromLong(self->locked);
}

static PyObject *lock_at_fork_reinit(kr_lock_object *self, PyObject *unused)
{
    sem_destroy(&self->sem);
    if (sem_init(&self->sem, 0, 1) != 0) {
        PyErr_SetString(PyExc_RuntimeError, "failed to reinitialize lock at fork");
        return NULL;
    }
    self->locked = 0;
    Py_RETURN_NONE;
}

static PyObject *lock_repr(kr_lock_object *self)
{
    return PyUnicode_FromFormat("<%s %s object at %p>", self->locked ? "locked" : "unlocked",
                                Py_TYPE(self)->tp_name, self);
}

#define KR_ACQUIRE_DOC(name) \
    name "(blocking=True, timeout=-1) -> bool\n(acquire_lock() is an obsolete synonym)\n\n" \
    "Lock the lock.  Without argument, this blocks if the lock is already\n" \
    "locked (even by the same thread), waiting for another thread to release\n" \
    "the lock, and return True once the lock is acquired.\n" \
    "With an argument, this will only block if the argument is true,\n" \
    "and the return value reflects whether the lock is acquired.\n" \
    "The blocking operation is interruptible."

static PyMethodDef lock_methods[] = {
    {"acquire_lock", (PyCFunction)(void (*)(void))lock_acquire, METH_FASTCALL | METH_KEYWORDS,
     KR_ACQUIRE_DOC("acquire")},
    {"acquire", (PyCFunction)(void (*)(void))lock_acquire, METH_FASTCALL | METH_KEYWORDS,
     KR_ACQUIRE_DOC("acquire")},
    {"release_lock", (PyCFunction)lock_release, METH_NOARGS,
     "release()\n(release_lock() is an obsolete synonym)\n\n"
     "Release the lock, allowing another thread that is blocked waiting for\n"
     "the lock to acquire the lock.  The lock must be in the locked state,\n"
     "but it needn't be locked by the same thread that unlocks it."},
    {"release", (PyCFunction)lock_release, METH_NOARGS,
     "release()\n(release_lock() is an obsolete synonym)\n\n"
     "Release the lock, allowing another thread that is blocked waiting for\n"
     "the lock to acquire the lock.  The lock must be in the locked state,\n"
     "but it needn't be locked by the same thread that unlocks it."},
    {"locked_lock", (PyCFunction)lock_locked, METH_NOARGS,
     "locked() -> bool\n(locked_lock() is an obsolete synonym)\n\n"
     "Return whether the lock is in the locked state."},
    {"locked", (PyCFunction)lock_locked, METH_NOARGS,
     "locked() -> bool\n(locked_lock() is an obsolete synonym)\n\n"
     "Return whether the lock is in the locked state."},
    {"_at_fork_reinit", (PyCFunction)lock_at_fork_reinit, METH_NOARGS, NULL},
    {"__enter__", (PyCFunction)(void (*)(void))lock_acquire, METH_FASTCALL | METH_KEYWORDS,
     KR_ACQUIRE_DOC("acquire")},
    {"__exit__", (PyCFunction)lock_exit, METH_VARARGS,
     "release()\n(release_lock() is an obsolete synonym)\n\n"
     "Release the lock."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_lock_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(kr_lock_object),
    .tp_dealloc = (destructor)lock_dealloc,
    .tp_repr = (reprfunc)lock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A lock object is a synchronization primitive.  To create a lock,\n"
              "call threading.Lock().  Methods are:\n\n"
              "acquire() -- lock the lock, possibly blocking until it can be obtained\n"
              "release() -- unlock of the lock\n"
              "locked() -- test whether the lock is currently locked\n\n"
              "A lock is not owned by the thread that locked it; another thread may\n"
              "unlock it.  A thread attempting to lock a lock that it has already locked\n"
              "will block until another thread unlocks it.  Deadlocks may ensue.",
    .tp_weaklistoffset = offsetof(kr_lock_object, weakreflist),
    .tp_methods = lock_methods,
};
