/* funcobject.h: Python function objects (PyFunction_Type).
 *
 * PyFunctionObject keeps CPython 3.11's field order so that code written
 * against CPython's macros (PyFunction_GET_CODE and friends) works.  The
 * classmethod/staticmethod constructors live here as in CPython; the types
 * area implements them.  (owned by the vm area) */
#ifndef PY_FUNCOBJECT_H
#define PY_FUNCOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_HEAD
    PyObject *func_globals;     /* dict */
    PyObject *func_builtins;    /* dict */
    PyObject *func_name;        /* str */
    PyObject *func_qualname;    /* str */
    PyObject *func_code;        /* code object */
    PyObject *func_defaults;    /* tuple or NULL */
    PyObject *func_kwdefaults;  /* dict or NULL */
    PyObject *func_closure;     /* tuple of cells or NULL */
    PyObject *func_doc;
    PyObject *func_dict;
    PyObject *func_weakreflist;
    PyObject *func_module;
    PyObject *func_annotations; /* dict or NULL */
    vectorcallfunc vectorcall;
    uint32_t func_version;
} PyFunctionObject;

PyAPI_DATA(PyTypeObject) PyFunction_Type;
#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)

PyAPI_FUNC(PyObject *) PyFunction_New(PyObject *code, PyObject *globals);
PyAPI_FUNC(PyObject *) PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname);
PyAPI_FUNC(PyObject *) PyFunction_GetCode(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetGlobals(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetModule(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetDefaults(PyObject *);
PyAPI_FUNC(int) PyFunction_SetDefaults(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetKwDefaults(PyObject *);
PyAPI_FUNC(int) PyFunction_SetKwDefaults(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetClosure(PyObject *);
PyAPI_FUNC(int) PyFunction_SetClosure(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetAnnotations(PyObject *);
PyAPI_FUNC(int) PyFunction_SetAnnotations(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) _PyFunction_Vectorcall(PyObject *func, PyObject *const *stack,
                                              size_t nargsf, PyObject *kwnames);

#define PyFunction_GET_CODE(func) (((PyFunctionObject *)(func))->func_code)
#define PyFunction_GET_GLOBALS(func) (((PyFunctionObject *)(func))->func_globals)
#define PyFunction_GET_MODULE(func) (((PyFunctionObject *)(func))->func_module)
#define PyFunction_GET_DEFAULTS(func) (((PyFunctionObject *)(func))->func_defaults)
#define PyFunction_GET_KW_DEFAULTS(func) (((PyFunctionObject *)(func))->func_kwdefaults)
#define PyFunction_GET_CLOSURE(func) (((PyFunctionObject *)(func))->func_closure)
#define PyFunction_GET_ANNOTATIONS(func) (((PyFunctionObject *)(func))->func_annotations)

/* implemented by the types area (src/objects/funcdescr*.c) */
PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;
PyAPI_FUNC(PyObject *) PyClassMethod_New(PyObject *);
PyAPI_FUNC(PyObject *) PyStaticMethod_New(PyObject *);
#endif

#ifdef __cplusplus
}
#endif
#endif
