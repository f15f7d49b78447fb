/* A working single-phase module.  The runner builds it for Krait as
 * `good`, and for CPython twice: as `good` (the Krait build beside it must
 * win) and as `cpyonly` (a CPython binary with no Krait build: refused). */
#include <Python.h>

#ifndef GOOD_NAME
#define GOOD_NAME good
#endif
#define GOOD_CAT2(a, b) a##b
#define GOOD_CAT(a, b) GOOD_CAT2(a, b)
#define GOOD_STR2(a) #a
#define GOOD_STR(a) GOOD_STR2(a)

#ifdef KRAIT
#define GOOD_BUILT_FOR "krait"
#else
#define GOOD_BUILT_FOR "cpython"
#endif

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, GOOD_STR(GOOD_NAME), NULL, -1, NULL};

PyMODINIT_FUNC GOOD_CAT(PyInit_, GOOD_NAME)(void)
{
    PyObject *m = PyModule_Create(&def);
    if (m != NULL && PyModule_AddStringConstant(m, "built_for", GOOD_BUILT_FOR) < 0)
        Py_CLEAR(m);
    return m;
}
