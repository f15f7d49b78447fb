/* pythread.c: native threads, locks and thread-specific storage
 * (pythread.h) over POSIX threads.
 *
 * A PyThread lock is a binary semaphore (any thread may release it, as
 * Python's _thread.lock allows), built from a mutex and a condition
 * variable so that timed acquisition works everywhere. */
#include "internal.h"
#include "runtime/runtime.h"
#include <time.h>
#include <sys/syscall.h>

typedef struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int locked;
} kr_lock;

void PyThread_init_thread(void) { }

typedef struct {
    void (*func)(void *);
    void *arg;
} kr_thread_start;

static void *thread_trampoline(void *p)
{
    kr_thread_start s = *(kr_thread_start *)p;
    free(p);
    s.func(s.arg);
    return NULL;
}

unsigned long PyThread_start_new_thread(void (*func)(void *), void *arg)
{
    kr_thread_start *s = malloc(sizeof(*s));
    if (s == NULL)
        return PYTHREAD_INVALID_THREAD_ID;
    s->func = func;
    s->arg = arg;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 8 * 1024 * 1024);
    pthread_t th;
    int r = pthread_create(&th, &attr, thread_trampoline, s);
    pthread_attr_destroy(&attr);
    if (r != 0) {
        free(s);
        return PYTHREAD_INVALID_THREAD_ID;
    }
    pthread_detach(th);
    return (unsigned long)th;
}

void PyThread_exit_thread(void) { pthread_exit(NULL); }

unsigned long PyThread_get_thread_ident(void) { return (unsigned long)pthread_self(); }

unsigned long PyThread_get_thread_native_id(void) { return (unsigned long)syscall(SYS_gettid); }

PyThread_type_lock PyThread_allocate_lock(void)
{
    kr_lock *l = malloc(sizeof(kr_lock));
    if (l == NULL)
        return NULL;
    pthread_mutex_init(&l->mutex, NULL);
    pthread_cond_init(&l->cond, NULL);
    l->locked = 0;
    return l;
}

void PyThread_free_lock(PyThread_type_lock lock)
{
    kr_lock *l = lock;
    if (l == NULL)
        return;
    pthread_cond_destroy(&l->cond);
    pthread_mutex_destroy(&l->mutex);
    free(l);
}

PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds, int intr_flag)
{
    kr_lock *l = lock;
    PyLockStatus st = PY_LOCK_ACQUIRED;
    pthread_mutex_lock(&l->mutex);
    if (l->locked) {
        if (microseconds == 0) {
            st = PY_LOCK_FAILURE;
        }
        else if (microseconds < 0) {
            while (l->locked)
                pthread_cond_wait(&l->cond, &l->mutex);
        }
        else {
            struct timespec deadline;
            clock_gettime(CLOCK_REALTIME, &deadline);
            deadline.tv_sec += (time_t)(microseconds / 1000000);
            deadline.tv_nsec += (long)(microseconds % 1000000) * 1000;
            if (deadline.tv_nsec >= 1000000000) {
                deadline.tv_sec++;
                deadline.tv_nsec -= 1000000000;
            }
            while (l->locked) {
                if (pthread_cond_timedwait(&l->cond, &l->mutex, &deadline) != 0) {
                    st = l->locked ? PY_LOCK_FAILURE : PY_LOCK_ACQUIRED;
                    break;
                }
            }
        }
    }
    if (st == PY_LOCK_ACQUIRED)
        l->locked = 1;
    pthread_mutex_unlock(&l->mutex);
    return st;
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag)
{
    return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0) == PY_LOCK_ACQUIRED;
}

void PyThread_release_lock(PyThread_type_lock lock)
{
    kr_lock *l = lock;
    pthread_mutex_lock(&l->mutex);
    l->locked = 0;
    pthread_cond_signal(&l->cond);
    pthread_mutex_unlock(&l->mutex);
}

size_t PyThread_get_stacksize(void) { return 0; }

int PyThread_set_stacksize(size_t size) { return size == 0 ? 0 : -2; }

PyObject *PyThread_GetInfo(void)
{
    return Py_BuildValue("(sss)", "pthread", "mutex+cond", NULL);
}

/* ---- thread-specific storage ---- */

Py_tss_t *PyThread_tss_alloc(void)
{
    Py_tss_t *k = PyMem_RawMalloc(sizeof(Py_tss_t));
    if (k != NULL)
        k->_is_initialized = 0;
    return k;
}

void PyThread_tss_free(Py_tss_t *key)
{
    if (key != NULL) {
        PyThread_tss_delete(key);
        PyMem_RawFree(key);
    }
}

int PyThread_tss_is_created(Py_tss_t *key) { return key->_is_initialized; }

int PyThread_tss_create(Py_tss_t *key)
{
    if (key->_is_initialized)
        return 0;
    if (pthread_key_create(&key->_key, NULL) != 0)
        return -1;
    key->_is_initialized = 1;
    return 0;
}

void PyThread_tss_delete(Py_tss_t *key)
{
    if (!key->_is_initialized)
        return;
    pthread_key_delete(key->_key);
    key->_is_initialized = 0;
}

int PyThread_tss_set(Py_tss_t *key, void *value)
{
    return pthread_setspecific(key->_key, value) == 0 ? 0 : -1;
}

void *PyThread_tss_get(Py_tss_t *key) { return pthread_getspecific(key->_key); }

/* The old API hands out pthread keys as ints. */
int PyThread_create_key(void)
{
    pthread_key_t k;
    if (pthread_key_create(&k, NULL) != 0)
        return -1;
    if ((unsigned long)k > INT_MAX) {
        pthread_key_delete(k);
        return -1;
    }
    return (int)k;
}

void PyThread_delete_key(int key) { pthread_key_delete((pthread_key_t)key); }

int PyThread_set_key_value(int key, void *value)
{
    return pthread_setspecific((pthread_key_t)key, value) == 0 ? 0 : -1;
}

void *PyThread_get_key_value(int key) { return pthread_getspecific((pthread_key_t)key); }

void PyThread_delete_key_value(int key) { pthread_setspecific((pthread_key_t)key, NULL); }

void PyThread_ReInitTLS(void) { }
