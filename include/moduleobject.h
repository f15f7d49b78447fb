/* moduleobject.h: module objects and PyModuleDef (single- and multi-phase
 * initialisation, PEP 489).  PyModuleDef and friends have CPython 3.11's
 * layout. */
#ifndef Py_MODULEOBJECT_H
#define Py_MODULEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyModule_Type;
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
PyAPI_DATA(PyTypeObject) PyModuleDef_Type;
#endif
#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)

typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT { PyObject_HEAD_INIT(NULL) NULL, 0, NULL }

/* Multi-phase initialisation arrived in 3.5: before it, the limited API
 * knows the slot type by name only. */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
struct PyModuleDef_Slot {
    int slot;
    void *value;
};
#endif
typedef struct PyModuleDef_Slot PyModuleDef_Slot;

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
#define Py_mod_create 1
#define Py_mod_exec 2
#endif
#ifndef Py_LIMITED_API
#define _Py_mod_LAST_SLOT 2
#endif

typedef struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
} PyModuleDef;

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03030000
PyAPI_FUNC(PyObject *) PyModule_NewObject(PyObject *name);
#endif
PyAPI_FUNC(PyObject *) PyModule_New(const char *name);
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03030000
PyAPI_FUNC(PyObject *) PyModule_GetNameObject(PyObject *);
#endif
PyAPI_FUNC(const char *) PyModule_GetName(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetFilenameObject(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetFilename(PyObject *);
PyAPI_FUNC(PyModuleDef *) PyModule_GetDef(PyObject *);
PyAPI_FUNC(void *) PyModule_GetState(PyObject *);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
PyAPI_FUNC(PyObject *) PyModuleDef_Init(PyModuleDef *);
#endif
#ifndef Py_LIMITED_API
PyAPI_FUNC(int) _PyModuleSpec_IsInitializing(PyObject *);
#endif

#ifdef __cplusplus
}
#endif
#endif
