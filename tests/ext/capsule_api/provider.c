/* A module exporting a C API through a capsule (the pattern of
 * datetime.datetime_CAPI), and a consumer importing it with
 * PyCapsule_Import. */
#include <Python.h>

typedef struct {
    int (*twice)(int);
    const char *name;
} provider_api;

static int twice(int x) { return 2 * x; }
static const provider_api api = {twice, "provider"};

static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "provider", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_provider(void)
{
    PyObject *m = PyModule_Create(&mod);
    if (m == NULL)
        return NULL;
    PyObject *cap = PyCapsule_New((void *)&api, "provider._C_API", NULL);
    if (cap == NULL || PyModule_AddObject(m, "_C_API", cap) < 0) {
        Py_XDECREF(cap);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
