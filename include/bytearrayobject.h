/* bytearrayobject.h: bytearray objects, CPython 3.11's layout.  (bytes area) */
#ifndef Py_BYTEARRAYOBJECT_H
#define Py_BYTEARRAYOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;   /* bytes allocated in ob_bytes */
    char *ob_bytes;        /* the allocation */
    char *ob_start;        /* logical start, inside ob_bytes */
    Py_ssize_t ob_exports; /* buffers exported: resizing is refused while > 0 */
} PyByteArrayObject;
#endif

PyAPI_DATA(PyTypeObject) PyByteArray_Type;
PyAPI_DATA(PyTypeObject) PyByteArrayIter_Type;
#ifndef Py_LIMITED_API
PyAPI_DATA(char) _PyByteArray_empty_string[];
#endif

#define PyByteArray_Check(self) PyObject_TypeCheck((self), &PyByteArray_Type)
#define PyByteArray_CheckExact(self) Py_IS_TYPE((self), &PyByteArray_Type)

PyAPI_FUNC(PyObject *) PyByteArray_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyByteArray_Concat(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyByteArray_FromStringAndSize(const char *, Py_ssize_t);
PyAPI_FUNC(Py_ssize_t) PyByteArray_Size(PyObject *);
PyAPI_FUNC(char *) PyByteArray_AsString(PyObject *);
PyAPI_FUNC(int) PyByteArray_Resize(PyObject *, Py_ssize_t);

#ifndef Py_LIMITED_API
static inline char *PyByteArray_AS_STRING(PyObject *op)
{
    PyByteArrayObject *self = (PyByteArrayObject *)op;
    return Py_SIZE(self) ? self->ob_start : _PyByteArray_empty_string;
}
#define PyByteArray_AS_STRING(self) PyByteArray_AS_STRING(_PyObject_CAST(self))
static inline Py_ssize_t PyByteArray_GET_SIZE(PyObject *op) { return Py_SIZE(op); }
#define PyByteArray_GET_SIZE(self) PyByteArray_GET_SIZE(_PyObject_CAST(self))
#endif

#ifdef __cplusplus
}
#endif
#endif
