/* import.h: the import system's C API.  (builtins area) */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(long) PyImport_GetMagicNumber(void);
PyAPI_FUNC(const char *) PyImport_GetMagicTag(void);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModule(const char *name, PyObject *co);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleEx(const char *name, PyObject *co, const char *pathname);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleWithPathnames(const char *name, PyObject *co,
                                                            const char *pathname, const char *cpathname);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03030000
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co,
                                                     PyObject *pathname, PyObject *cpathname);
#endif
PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void);                 /* borrowed */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03070000
PyAPI_FUNC(PyObject *) PyImport_GetModule(PyObject *name);           /* new */
#endif
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03030000
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *name);     /* borrowed */
#endif
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *name);         /* borrowed */
PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleNoBlock(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals,
                                                  PyObject *fromlist, int level);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03050000
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals,
                                                        PyObject *fromlist, int level);
#endif
#define PyImport_ImportModuleEx(n, g, l, f) PyImport_ImportModuleLevel((n), (g), (l), (f), 0)
PyAPI_FUNC(PyObject *) PyImport_GetImporter(PyObject *path);
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_ReloadModule(PyObject *m);
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03030000
PyAPI_FUNC(int) PyImport_ImportFrozenModuleObject(PyObject *name);
#endif
PyAPI_FUNC(int) PyImport_ImportFrozenModule(const char *name);
PyAPI_FUNC(int) PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void));

#ifndef Py_LIMITED_API
struct _inittab {
    const char *name;
    PyObject *(*initfunc)(void);
};
PyAPI_DATA(struct _inittab *) PyImport_Inittab;

/* Frozen modules (Krait has none; the table holds only the sentinel). */
struct _frozen {
    const char *name;
    const unsigned char *code;
    int size;
    int is_package;
    PyObject *(*get_code)(void);
};
PyAPI_DATA(const struct _frozen *) PyImport_FrozenModules;
PyAPI_FUNC(int) PyImport_ExtendInittab(struct _inittab *newtab);
#endif

#ifdef __cplusplus
}
#endif
#endif
