/* pythread.h: native threads, locks and thread-specific storage.
 * A thin layer over POSIX threads.  (owned by the runtime area) */
#ifndef PY_PYTHREAD_H
#define PY_PYTHREAD_H
#ifndef Py_LIMITED_API
#include <pthread.h>   /* Py_tss_t's key */
#endif
#ifdef __cplusplus
extern "C" {
#endif

typedef void *PyThread_type_lock;

typedef enum PyLockStatus {
    PY_LOCK_FAILURE = 0,
    PY_LOCK_ACQUIRED = 1,
    PY_LOCK_INTR
} PyLockStatus;

#define WAIT_LOCK 1
#define NOWAIT_LOCK 0
#ifndef Py_LIMITED_API
#define PYTHREAD_INVALID_THREAD_ID ((unsigned long)-1)
#endif
/* Microseconds; the largest timeout PyThread_acquire_lock_timed accepts. */
#define PY_TIMEOUT_T long long
#define PY_TIMEOUT_MAX ((PY_TIMEOUT_T)(LLONG_MAX / 1000))

PyAPI_FUNC(void) PyThread_init_thread(void);
PyAPI_FUNC(unsigned long) PyThread_start_new_thread(void (*func)(void *), void *arg);
PyAPI_FUNC(void) PyThread_exit_thread(void) _Py_NO_RETURN;
PyAPI_FUNC(unsigned long) PyThread_get_thread_ident(void);
#define PY_HAVE_THREAD_NATIVE_ID
PyAPI_FUNC(unsigned long) PyThread_get_thread_native_id(void);

PyAPI_FUNC(PyThread_type_lock) PyThread_allocate_lock(void);
PyAPI_FUNC(void) PyThread_free_lock(PyThread_type_lock);
PyAPI_FUNC(int) PyThread_acquire_lock(PyThread_type_lock, int waitflag);
PyAPI_FUNC(PyLockStatus) PyThread_acquire_lock_timed(PyThread_type_lock, PY_TIMEOUT_T microseconds,
                                                     int intr_flag);
PyAPI_FUNC(void) PyThread_release_lock(PyThread_type_lock);

PyAPI_FUNC(size_t) PyThread_get_stacksize(void);
PyAPI_FUNC(int) PyThread_set_stacksize(size_t);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03030000
PyAPI_FUNC(PyObject *) PyThread_GetInfo(void);
#endif

/* Thread-specific storage (PEP 539); the key is opaque in the limited API. */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03070000
typedef struct _Py_tss_t Py_tss_t;
#endif
#ifndef Py_LIMITED_API
struct _Py_tss_t {
    int _is_initialized;
    pthread_key_t _key;
};
#define Py_tss_NEEDS_INIT {0}
#endif

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03070000
PyAPI_FUNC(Py_tss_t *) PyThread_tss_alloc(void);
PyAPI_FUNC(void) PyThread_tss_free(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_is_created(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_create(Py_tss_t *key);
PyAPI_FUNC(void) PyThread_tss_delete(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_set(Py_tss_t *key, void *value);
PyAPI_FUNC(void *) PyThread_tss_get(Py_tss_t *key);
#endif

/* The old TLS API (deprecated in CPython, kept for old extensions). */
PyAPI_FUNC(int) PyThread_create_key(void);
PyAPI_FUNC(void) PyThread_delete_key(int key);
PyAPI_FUNC(int) PyThread_set_key_value(int key, void *value);
PyAPI_FUNC(void *) PyThread_get_key_value(int key);
PyAPI_FUNC(void) PyThread_delete_key_value(int key);
PyAPI_FUNC(void) PyThread_ReInitTLS(void);

#ifdef __cplusplus
}
#endif
#endif
