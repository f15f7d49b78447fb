/* PyModule_AddIntConstant and friends, from the chapter's "Adding
 * Constants" section. */
#include <Python.h>
static struct PyModuleDef module = {
PyModuleDef_HEAD_INIT,
"demo",
NULL,
-1,
NULL
};
PyMODINIT_FUNC
PyInit_demo(void)
{
PyObject *module_obj = PyModule_Create(&module);
if (module_obj == NULL)
return NULL;
PyModule_AddIntConstant(module_obj,
"ANSWER",
42);
PyModule_AddStringConstant(module_obj, "NAME", "demo");
PyModule_AddObject(module_obj, "PI", PyFloat_FromDouble(3.25));
return module_obj;
}
