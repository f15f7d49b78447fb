/* A native thread (pthread) calling back into the interpreter with
 * PyGILState_Ensure/Release, while the calling thread waits with the
 * lock released (Py_BEGIN_ALLOW_THREADS). */
#include <Python.h>
#include <pthread.h>

typedef struct {
    PyObject *callback;
    int n;
    int ok;
} job;

static void *run(void *arg)
{
    job *j = arg;
    for (int i = 0; i < j->n; i++) {
        PyGILState_STATE st = PyGILState_Ensure();
        PyObject *r = PyObject_CallFunction(j->callback, "i", i);
        if (r == NULL) {
            PyErr_Print();
            j->ok = 0;
        }
        Py_XDECREF(r);
        PyGILState_Release(st);
    }
    return NULL;
}

static PyObject *call_from_thread(PyObject *m, PyObject *args)
{
    job j = {NULL, 0, 1};
    if (!PyArg_ParseTuple(args, "Oi", &j.callback, &j.n))
        return NULL;
    pthread_t t;
    int err;
    Py_BEGIN_ALLOW_THREADS
    err = pthread_create(&t, NULL, run, &j);
    if (err == 0)
        pthread_join(t, NULL);
    Py_END_ALLOW_THREADS
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyBool_FromLong(j.ok);
}

static PyObject *gil_check(PyObject *m, PyObject *unused)
{
    return PyBool_FromLong(PyGILState_Check());
}

static PyMethodDef methods[] = {
    {"call_from_thread", call_from_thread, METH_VARARGS, NULL},
    {"gil_check", gil_check, METH_NOARGS, NULL},
    {NULL}
};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "worker", NULL, -1, methods};
PyMODINIT_FUNC PyInit_worker(void) { return PyModule_Create(&mod); }
