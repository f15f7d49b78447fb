/* pickle_buffer.h: pickle.PickleBuffer (PEP 574), as in CPython 3.11.
 * Implemented in src/capi/pickle_buffer.c. */
#ifndef Py_PICKLE_BUFFER_H
#define Py_PICKLE_BUFFER_H

#ifndef Py_LIMITED_API
PyAPI_DATA(PyTypeObject) PyPickleBuffer_Type;
#define PyPickleBuffer_Check(op) Py_IS_TYPE((op), &PyPickleBuffer_Type)

PyAPI_FUNC(PyObject *) PyPickleBuffer_FromObject(PyObject *);
PyAPI_FUNC(const Py_buffer *) PyPickleBuffer_GetBuffer(PyObject *);
PyAPI_FUNC(int) PyPickleBuffer_Release(PyObject *);
#endif

#endif
