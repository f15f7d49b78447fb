/* thread.h: the pieces of the `_thread` module shared between its files:
 * the lock types, the blocking wait they share, the thread-local type and
 * the module state.
 *
 * Locks are POSIX semaphores rather than mutex+condvar pairs because a
 * timed semaphore wait returns EINTR when a signal handler runs, which is
 * what lets Ctrl-C interrupt a blocked acquire() as in CPython. */
#ifndef KR_THREAD_MODULE_H
#define KR_THREAD_MODULE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include <semaphore.h>
#include <stdint.h>

typedef struct {
    PyObject_HEAD
    sem_t sem;
    char locked;
    PyObject *weakreflist;
} kr_lock_object;

typedef struct {
    PyObject_HEAD
    sem_t sem;
    unsigned long owner;         /* thread ident of the holder, if count > 0 */
    unsigned long count;
    PyObject *weakreflist;
} kr_rlock_object;

/* Per-context state of the module (PyModule_GetState). */
typedef struct {
    PyObject *excepthook_args_type;   /* _ExceptHookArgs (struct sequence) */
    Py_ssize_t nthreads;              /* threads started here and still running */
    size_t stacksize;                 /* stack_size(); 0 = the default */
} kr_thread_state;

extern PyTypeObject kr_lock_type, kr_rlock_type, kr_local_type;

/* Wait on sem for at most timeout_ns (-1: forever) with the context lock
 * released, running signal handlers when a signal interrupts the wait.
 * Returns 1 (acquired), 0 (timed out) or -1 (a handler raised). */
int kr_sem_acquire(sem_t *sem, int64_t timeout_ns);

/* acquire(blocking=True, timeout=-1) for lock and RLock: parses the
 * arguments with CPython's checks and messages.  0, or -1 with an
 * exception set; *timeout_ns is -1 for "forever". */
int kr_acquire_args(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                    int64_t *timeout_ns);

/* A new, unlocked _thread.lock.  New reference. */
PyObject *kr_lock_new(void);
/* Release a held lock object without the Python-level checks. */
void kr_lock_release_raw(kr_lock_object *lock);

/* The threads part of the module (threads.c); module-level functions. */
PyObject *kr_thread_start_new_thread(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *kr_thread_set_sentinel(PyObject *module, PyObject *unused);
PyObject *kr_thread_excepthook(PyObject *module, PyObject *arg);
PyObject *kr_thread_stack_size(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
/* The C thread body's last step: release the sentinel lock of the
 * current thread state, if threading set one. */
void kr_thread_release_sentinel(PyThreadState *ts);

#endif
