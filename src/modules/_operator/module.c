/* module.c: the built-in `_operator` module: the functions of
 * functions.c and the getter types of getters.c. */
#include "internal.h"
#include "modules/_operator/operator.h"

static struct PyModuleDef kr_operator_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_operator",
    .m_doc = "Operator interface.\n\n"
             "This module exports a set of functions implemented in C corresponding\n"
             "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
             "is equivalent to the expression x+y.  The function names are those\n"
             "used for special methods; variants without leading and trailing\n"
             "'__' are also provided for convenience.",
    .m_size = -1,
    .m_methods = kr_operator_functions,
};

PyObject *
PyInit__operator(void)
{
    PyObject *m = PyModule_Create(&kr_operator_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &kr_itemgetter_type) < 0 ||
        PyModule_AddType(m, &kr_attrgetter_type) < 0 ||
        PyModule_AddType(m, &kr_methodcaller_type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
