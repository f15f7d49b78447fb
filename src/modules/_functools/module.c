/* module.c: the built-in `_functools` module: reduce, cmp_to_key,
 * partial and _lru_cache_wrapper, which functools.py imports in place of
 * its pure-Python versions. */
#include "internal.h"
#include "modules/_functools/functools.h"

static PyMethodDef kr_functools_functions[] = {
    {"reduce", (PyCFunction)(void (*)(void))kr_functools_reduce, METH_FASTCALL,
     "reduce(function, iterable[, initial]) -> value\n\n"
     "Apply a function of two arguments cumulatively to the items of a sequence\n"
     "or iterable, from left to right, so as to reduce the iterable to a single\n"
     "value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n"
     "((((1+2)+3)+4)+5).  If initial is present, it is placed before the items\n"
     "of the iterable in the calculation, and serves as a default when the\n"
     "iterable is empty."},
    {"cmp_to_key", (PyCFunction)(void (*)(void))kr_functools_cmp_to_key,
     METH_FASTCALL | METH_KEYWORDS,
     "Convert a cmp= function into a key= function."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef kr_functools_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_functools",
    .m_doc = "Tools that operate on functions.",
    .m_size = -1,
    .m_methods = kr_functools_functions,
};

PyObject *
PyInit__functools(void)
{
    PyObject *m = PyModule_Create(&kr_functools_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &kr_partial_type) < 0 ||
        PyModule_AddType(m, &kr_lru_cache_type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
