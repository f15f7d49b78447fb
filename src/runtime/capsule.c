/* capsule.c: PyCapsule, an opaque C pointer with a name, a context and a
 * destructor, which extensions use to export C APIs to each other
 * (PyCapsule_Import finds "pkg.module.attr" by importing and walking). */
#include "internal.h"
#include "runtime/runtime.h"

typedef struct {
    PyObject_HEAD
    void *pointer;
    const char *name;
    void *context;
    PyCapsule_Destructor destructor;
} PyCapsule;

static int name_matches(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

/* Validate a capsule argument; CPython's messages name the calling API. */
static int check_capsule(PyObject *o, const char *invalid_msg)
{
    if (o == NULL || !PyCapsule_CheckExact(o) || ((PyCapsule *)o)->pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, invalid_msg);
        return 0;
    }
    return 1;
}

PyObject *PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor)
{
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_New called with null pointer");
        return NULL;
    }
    PyCapsule *c = PyObject_New(PyCapsule, &PyCapsule_Type);
    if (c == NULL)
        return NULL;
    c->pointer = pointer;
    c->name = name;
    c->context = NULL;
    c->destructor = destructor;
    return (PyObject *)c;
}

int PyCapsule_IsValid(PyObject *o, const char *name)
{
    return o != NULL && PyCapsule_CheckExact(o) && ((PyCapsule *)o)->pointer != NULL &&
           name_matches(((PyCapsule *)o)->name, name);
}

void *PyCapsule_GetPointer(PyObject *o, const char *name)
{
    if (!check_capsule(o, "PyCapsule_GetPointer called with invalid PyCapsule object"))
        return NULL;
    PyCapsule *c = (PyCapsule *)o;
    if (!name_matches(c->name, name)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with incorrect name");
        return NULL;
    }
    return c->pointer;
}

const char *PyCapsule_GetName(PyObject *o)
{
    if (!check_capsule(o, "PyCapsule_GetName called with invalid PyCapsule object"))
        return NULL;
    return ((PyCapsule *)o)->name;
}

PyCapsule_Destructor PyCapsule_GetDestructor(PyObject *o)
{
    if (!check_capsule(o, "PyCapsule_GetDestructor called with invalid PyCapsule object"))
        return NULL;
    return ((PyCapsule *)o)->destructor;
}

void *PyCapsule_GetContext(PyObject *o)
{
    if (!check_capsule(o, "PyCapsule_GetContext called with invalid PyCapsule object"))
        return NULL;
    return ((PyCapsule *)o)->context;
}

int PyCapsule_SetPointer(PyObject *o, void *pointer)
{
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_SetPointer called with null pointer");
        return -1;
    }
    if (!check_capsule(o, "PyCapsule_SetPointer called with invalid PyCapsule object"))
        return -1;
    ((PyCapsule *)o)->pointer = pointer;
    return 0;
}

int PyCapsule_SetName(PyObject *o, const char *name)
{
    if (!check_capsule(o, "PyCapsule_SetName called with invalid PyCapsule object"))
        return -1;
    ((PyCapsule *)o)->name = name;
    return 0;
}

int PyCapsule_SetDestructor(PyObject *o, PyCapsule_Destructor d)
{
    if (!check_capsule(o, "PyCapsule_SetDestructor called with invalid PyCapsule object"))
        return -1;
    ((PyCapsule *)o)->destructor = d;
    return 0;
}

int PyCapsule_SetContext(PyObject *o, void *context)
{
    if (!check_capsule(o, "PyCapsule_SetContext called with invalid PyCapsule object"))
        return -1;
    ((PyCapsule *)o)->context = context;
    return 0;
}

void *PyCapsule_Import(const char *name, int no_block)
{
    size_t n = strlen(name) + 1;
    char *copy = PyMem_Malloc(n);
    if (copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(copy, name, n);
    PyObject *object = NULL;
    void *result = NULL;
    char *trace = copy;
    while (trace != NULL) {
        char *dot = strchr(trace, '.');
        if (dot != NULL)
            *dot++ = '\0';
        if (object == NULL) {
            object = PyImport_ImportModule(trace);
            if (object == NULL)
                goto done;
        }
        else {
            PyObject *next = PyObject_GetAttrString(object, trace);
            Py_DECREF(object);
            object = next;
            if (object == NULL)
                goto done;
        }
        trace = dot;
    }
    if (PyCapsule_IsValid(object, name))
        result = ((PyCapsule *)object)->pointer;
    else
        PyErr_Format(PyExc_AttributeError, "PyCapsule_Import \"%s\" is not valid", name);
done:
    Py_XDECREF(object);
    PyMem_Free(copy);
    return result;
}

static void capsule_dealloc(PyObject *o)
{
    PyCapsule *c = (PyCapsule *)o;
    if (c->destructor)
        c->destructor(o);
    PyObject_Free(o);
}

static PyObject *capsule_repr(PyObject *o)
{
    PyCapsule *c = (PyCapsule *)o;
    if (c->name)
        return PyUnicode_FromFormat("<capsule object \"%s\" at %p>", c->name, o);
    return PyUnicode_FromFormat("<capsule object NULL at %p>", o);
}

PyTypeObject PyCapsule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "PyCapsule",
    .tp_basicsize = sizeof(PyCapsule),
    .tp_dealloc = capsule_dealloc,
    .tp_repr = capsule_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Capsule objects let you wrap a C \"void *\" pointer in a Python\n"
              "object.  They're a way of passing data through the Python interpreter\n"
              "without creating your own custom type.",
};
