#include <Python.h>

typedef struct {
    int (*twice)(int);
    const char *name;
} provider_api;

static PyObject *use(PyObject *m, PyObject *arg)
{
    const provider_api *api = PyCapsule_Import("provider._C_API", 0);
    if (api == NULL)
        return NULL;
    return Py_BuildValue("(is)", api->twice((int)PyLong_AsLong(arg)), api->name);
}

static void destructor_cb(PyObject *cap)
{
    int *flag = PyCapsule_GetContext(cap);
    if (flag)
        *flag = 1;
}

static int destroyed;

static PyObject *lifecycle(PyObject *m, PyObject *unused)
{
    static int value = 7;
    destroyed = 0;
    PyObject *cap = PyCapsule_New(&value, "consumer.value", destructor_cb);
    PyCapsule_SetContext(cap, &destroyed);
    int valid = PyCapsule_IsValid(cap, "consumer.value");
    int wrong = PyCapsule_IsValid(cap, "other");
    int *p = PyCapsule_GetPointer(cap, "consumer.value");
    void *bad = PyCapsule_GetPointer(cap, "other");
    PyObject *err = PyErr_Occurred() ? PyObject_Str(PyErr_Occurred()) : NULL;
    PyErr_Clear();
    const char *name = PyCapsule_GetName(cap);
    Py_DECREF(cap);
    return Py_BuildValue("(iiissNi)", valid, wrong, *p, bad == NULL ? "NULL" : "?", name,
                         err ? err : Py_NewRef(Py_None), destroyed);
}

static PyMethodDef methods[] = {{"use", use, METH_O, NULL}, {"lifecycle", lifecycle, METH_NOARGS, NULL}, {NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "consumer", NULL, -1, methods};
PyMODINIT_FUNC PyInit_consumer(void) { return PyModule_Create(&mod); }
