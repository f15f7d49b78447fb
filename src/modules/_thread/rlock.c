/* rlock.c: _thread.RLock, the reentrant lock behind threading.RLock.
 *
 * The owner's thread ident and a recursion count sit beside a binary
 * semaphore; only the first acquire by a thread waits on the semaphore.
 * _release_save/_acquire_restore let threading.Condition drop and retake
 * the lock whatever its recursion depth. */
#include "internal.h"
#include "modules/_thread/thread.h"

static PyObject *rlock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    kr_rlock_object *self = (kr_rlock_object *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (sem_init(&self->sem, 0, 1) != 0) {
        Py_DECREF(self);
        PyErr_SetString(PyExc_RuntimeError, "can't allocate lock");
        return NULL;
    }
    self->owner = 0;
    self->count = 0;
    return (PyObject *)self;
}

static void rlock_dealloc(kr_rlock_object *self)
{
    /* a heap subclass's type reference is dropped by subtype_dealloc */
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    sem_destroy(&self->sem);
    Py_TYPE(self)->tp_free(self);
}

/* Take the lock for `me` (the first level); 1, 0 or -1 as kr_sem_acquire. */
static int rlock_take(kr_rlock_object *self, unsigned long me, int64_t timeout)
{
    int r = kr_sem_acquire(&self->sem, timeout);
    if (r == 1) {
        self->owner = me;
        self->count = 1;
    }
    return r;
}

static PyObject *rlock_acquire(kr_rlock_object *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    int64_t timeout;
    if (kr_acquire_args(args, nargs, kwnames, &timeout) < 0)
        return NULL;
    unsigned long me = PyThread_get_thread_ident();
    if (self->count > 0 && self->owner == me) {
        if (self->count == (unsigned long)-1) {
            PyErr_SetString(PyExc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        self->count++;
        Py_RETURN_TRUE;
    }
    int r = rlock_take(self, me, timeout);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *rlock_release(kr_rlock_object *self, PyObject *unused)
{
    if (self->count == 0 || self->owner != PyThread_get_thread_ident()) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    if (--self->count == 0) {
        self->owner = 0;
        sem_post(&self->sem);
    }
    Py_RETURN_NONE;
}

static PyObject *rlock_exit(kr_rlock_object *self, PyObject *args)
{
    return rlock_release(self, NULL);
}

static PyObject *rlock_acquire_restore(kr_rlock_object *self, PyObject *state)
{
    unsigned long count, owner;
    /* parsed as CPython's "(kk)" converter, so that messages match */
    PyObject *t = PyTuple_Pack(1, state);
    if (t == NULL)
        return NULL;
    int ok = PyArg_ParseTuple(t, "(kk):_acquire_restore", &count, &owner);
    Py_DECREF(t);
    if (!ok)
        return NULL;
    if (kr_sem_acquire(&self->sem, -1) < 0)
        return NULL;
    self->owner = owner;
    self->count = count;
    Py_RETURN_NONE;
}

static PyObject *rlock_release_save(kr_rlock_object *self, PyObject *unused)
{
    if (self->count == 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    unsigned long count = self->count, owner = self->owner;
    self->count = 0;
    self->owner = 0;
    sem_post(&self->sem);
    return Py_BuildValue("(kk)", count, owner);
}

static PyObject *rlock_is_owned(kr_rlock_object *self, PyObject *unused)
{
    return PyBool_FromLong(self->count > 0 && self->owner == PyThread_get_thread_ident());
}

static PyObject *rlock_at_fork_reinit(kr_rlock_object *self, PyObject *unused)
{
    sem_destroy(&self->sem);
    if (sem_init(&self->sem, 0, 1) != 0) {
        PyErr_SetString(PyExc_RuntimeError, "failed to reinitialize lock at fork");
        return NULL;
    }
    self->owner = 0;
    self->count = 0;
    Py_RETURN_NONE;
}

static PyObject *rlock_repr(kr_rlock_object *self)
{
    return PyUnicode_FromFormat("<%s %s object owner=%lu count=%lu at %p>",
                                self->count ? "locked" : "unlocked", Py_TYPE(self)->tp_name,
                                self->owner, self->count, self);
}

static PyMethodDef rlock_methods[] = {
    {"acquire", (PyCFunction)(void (*)(void))rlock_acquire, METH_FASTCALL | METH_KEYWORDS,
     "acquire(blocking=True) -> bool\n\n"
     "Lock the lock.  `blocking` indicates whether we should wait\n"
     "for the lock to be available or not.  If `blocking` is False\n"
     "and another thread holds the lock, the method will return False\n"
     "immediately.  If `blocking` is True and another thread holds\n"
     "the lock, the method will wait for the lock to be released,\n"
     "take it and then return True.\n"
     "(note: the blocking operation is interruptible.)\n\n"
     "In all other cases, the method will return True immediately.\n"
     "Precisely, if the current thread already holds the lock, its\n"
     "internal counter is simply incremented. If nobody holds the lock,\n"
     "the lock is taken and its internal counter initialized to 1."},
    {"release", (PyCFunction)rlock_release, METH_NOARGS,
     "release()\n\n"
     "Release the lock, allowing another thread that is blocked waiting for\n"
     "the lock to acquire the lock.  The lock must be in the locked state,\n"
     "and must be locked by the same thread that unlocks it; otherwise a\n"
     "`RuntimeError` is raised.\n\n"
     "Do note that if the lock was acquire()d several times in a row by the\n"
     "current thread, release() needs to be called as many times for the lock\n"
     "to be available for other threads."},
    {"_is_owned", (PyCFunction)rlock_is_owned, METH_NOARGS,
     "_is_owned() -> bool\n\nFor internal use by `threading.Condition`."},
    {"_acquire_restore", (PyCFunction)rlock_acquire_restore, METH_O,
     "_acquire_restore(state) -> None\n\nFor internal use by `threading.Condition`."},
    {"_release_save", (PyCFunction)rlock_release_save, METH_NOARGS,
     "_release_save() -> tuple\n\nFor internal use by `threading.Condition`."},
    {"_at_fork_reinit", (PyCFunction)rlock_at_fork_reinit, METH_NOARGS, NULL},
    {"__enter__", (PyCFunction)(void (*)(void))rlock_acquire, METH_FASTCALL | METH_KEYWORDS,
     "acquire(blocking=True) -> bool\n\nLock the lock."},
    {"__exit__", (PyCFunction)rlock_exit, METH_VARARGS,
     "release()\n\nRelease the lock."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject kr_rlock_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(kr_rlock_object),
    .tp_dealloc = (destructor)rlock_dealloc,
    .tp_repr = (reprfunc)rlock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(kr_rlock_object, weakreflist),
    .tp_methods = rlock_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = rlock_new,
    .tp_free = PyObject_Free,
};
