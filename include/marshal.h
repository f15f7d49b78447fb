/* marshal.h: the marshal serialisation format (version 4) and its C API,
 * as in CPython 3.11.  Implemented in src/modules/marshal.c. */
#ifndef Py_MARSHAL_H
#define Py_MARSHAL_H

#ifndef Py_LIMITED_API
#include <stdio.h>
#endif

#ifndef Py_LIMITED_API
#define Py_MARSHAL_VERSION 4

PyAPI_FUNC(PyObject *) PyMarshal_WriteObjectToString(PyObject *, int);
PyAPI_FUNC(PyObject *) PyMarshal_ReadObjectFromString(const char *, Py_ssize_t);
PyAPI_FUNC(long) PyMarshal_ReadLongFromFile(FILE *);
PyAPI_FUNC(int) PyMarshal_ReadShortFromFile(FILE *);
PyAPI_FUNC(PyObject *) PyMarshal_ReadObjectFromFile(FILE *);
PyAPI_FUNC(PyObject *) PyMarshal_ReadLastObjectFromFile(FILE *);
PyAPI_FUNC(void) PyMarshal_WriteLongToFile(long, FILE *, int);
PyAPI_FUNC(void) PyMarshal_WriteObjectToFile(PyObject *, FILE *, int);
PyAPI_FUNC(PyObject *) PyMarshal_Init(void);
#endif

#endif
