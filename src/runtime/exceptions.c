/* exceptions.c: BaseException and the builtin exception hierarchy of
 * Python 3.11 (the PyExc_* objects of pyerrors.h).
 *
 * Each class is a static type (KR_EXC_DEF, exceptions.h).  This file has
 * BaseException itself, the classes that add nothing to it, and the small
 * typed ones (StopIteration, SystemExit, KeyError, ImportError, SyntaxError,
 * NameError, AttributeError).  OSError, the Unicode errors and exception
 * groups have files of their own.  kr_exception_types lists them all, base
 * classes first, for kr_runtime_init. */
#include "internal.h"
#include "runtime/runtime.h"
#include "runtime/exceptions.h"
#include "objects/str_ids.h"

/* ---- helpers shared by the family ---- */

int kr_exc_no_kwargs(PyTypeObject *type, PyObject *kwds)
{
    if (kwds == NULL || !PyDict_Check(kwds) || PyDict_GET_SIZE(kwds) == 0)
        return 0;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", type->tp_name);
    return -1;
}

int kr_exc_kwonly(PyObject *kwds, const char *fname, const char *const *names, PyObject **out)
{
    if (kwds == NULL)
        return 0;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwds, &pos, &key, &value)) {
        int found = 0;
        for (int i = 0; names[i] != NULL; i++) {
            if (PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, names[i]) == 0) {
                out[i] = value;
                found = 1;
                break;
            }
        }
        if (!found) {
            if (PyUnicode_Check(key))
                PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %s()",
                             key, fname);
            else
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return -1;
        }
    }
    return 0;
}

/* ---- BaseException ---- */

PyObject *kr_exc_base_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->dict = NULL;
    self->notes = NULL;
    self->traceback = self->cause = self->context = NULL;
    self->suppress_context = 0;
    self->args = args ? Py_NewRef(args) : PyTuple_New(0);
    if (self->args == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

int kr_exc_base_init(PyBaseExceptionObject *self, PyObject *args, PyObject *kwds)
{
    if (kr_exc_no_kwargs(Py_TYPE(self), kwds) < 0)
        return -1;
    Py_XSETREF(self->args, Py_NewRef(args));
    return 0;
}

int kr_exc_base_clear(PyBaseExceptionObject *self)
{
    Py_CLEAR(self->dict);
    Py_CLEAR(self->args);
    Py_CLEAR(self->notes);
    Py_CLEAR(self->traceback);
    Py_CLEAR(self->cause);
    Py_CLEAR(self->context);
    return 0;
}

void kr_exc_dealloc_with(PyObject *self, inquiry clear)
{
    PyObject_GC_UnTrack(self);
    /* A chain of __context__ links can be long: bound the recursion. */
    Py_TRASHCAN_BEGIN(self, Py_TYPE(self)->tp_dealloc)
    clear(self);
    /* A heap subclass's reference to its type is released by
     * subtype_dealloc after this returns, as in CPython: a static base's
     * dealloc never touches the type. */
    Py_TYPE(self)->tp_free(self);
    Py_TRASHCAN_END
}

void kr_exc_base_dealloc(PyBaseExceptionObject *self)
{
    kr_exc_dealloc_with((PyObject *)self, (inquiry)kr_exc_base_clear);
}

int kr_exc_base_traverse(PyBaseExceptionObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    Py_VISIT(self->args);
    Py_VISIT(self->notes);
    Py_VISIT(self->traceback);
    Py_VISIT(self->cause);
    Py_VISIT(self->context);
    return 0;
}

PyObject *kr_exc_base_str(PyBaseExceptionObject *self)
{
    switch (PyTuple_GET_SIZE(self->args)) {
    case 0:
        return PyUnicode_FromString("");
    case 1:
        return PyObject_Str(PyTuple_GET_ITEM(self->args, 0));
    default:
        return PyObject_Str(self->args);
    }
}

static const char *short_type_name(PyTypeObject *tp)
{
    const char *dot = strrchr(tp->tp_name, '.');
    return dot ? dot + 1 : tp->tp_name;
}

PyObject *kr_exc_base_repr(PyBaseExceptionObject *self)
{
    const char *name = short_type_name(Py_TYPE(self));
    if (PyTuple_GET_SIZE(self->args) == 1)
        return PyUnicode_FromFormat("%s(%R)", name, PyTuple_GET_ITEM(self->args, 0));
    return PyUnicode_FromFormat("%s%R", name, self->args);
}

static PyObject *base_reduce(PyBaseExceptionObject *self, PyObject *unused)
{
    if (self->args && self->dict && PyDict_GET_SIZE(self->dict) > 0)
        return PyTuple_Pack(3, Py_TYPE(self), self->args, self->dict);
    return PyTuple_Pack(2, Py_TYPE(self), self->args);
}

static PyObject *base_setstate(PyObject *self, PyObject *state)
{
    if (state != Py_None) {
        if (!PyDict_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "state is not a dictionary");
            return NULL;
        }
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(state, &pos, &k, &v)) {
            Py_INCREF(k);
            Py_INCREF(v);
            int r = PyObject_SetAttr(self, k, v);
            Py_DECREF(k);
            Py_DECREF(v);
            if (r < 0)
                return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *base_with_traceback(PyObject *self, PyObject *tb)
{
    if (PyException_SetTraceback(self, tb) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *base_add_note(PyObject *self, PyObject *note)
{
    if (!PyUnicode_Check(note)) {
        PyErr_Format(PyExc_TypeError, "note must be a str, not '%s'", Py_TYPE(note)->tp_name);
        return NULL;
    }
    PyObject *notes;
    if (_PyObject_LookupAttr(self, KR_ID(__notes__), &notes) < 0)
        return NULL;
    if (notes == NULL) {
        notes = PyList_New(0);
        if (notes == NULL)
            return NULL;
        if (PyObject_SetAttrString(self, "__notes__", notes) < 0) {
            Py_DECREF(notes);
            return NULL;
        }
    }
    else if (!PyList_Check(notes)) {
        Py_DECREF(notes);
        PyErr_SetString(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    int r = PyList_Append(notes, note);
    Py_DECREF(notes);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef base_methods[] = {
    {"__reduce__", (PyCFunction)base_reduce, METH_NOARGS, NULL},
    {"__setstate__", (PyCFunction)base_setstate, METH_O, NULL},
    {"with_traceback", (PyCFunction)base_with_traceback, METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", (PyCFunction)base_add_note, METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL, NULL, 0, NULL}
};

static PyObject *get_args(PyBaseExceptionObject *self, void *c)
{
    if (self->args == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->args);
}

static int set_args(PyBaseExceptionObject *self, PyObject *val, void *c)
{
    if (val == NULL) {
        PyErr_SetString(PyExc_TypeError, "args may not be deleted");
        return -1;
    }
    PyObject *seq = PySequence_Tuple(val);
    if (seq == NULL)
        return -1;
    Py_XSETREF(self->args, seq);
    return 0;
}

static PyObject *get_tb(PyBaseExceptionObject *self, void *c)
{
    return Py_NewRef(self->traceback ? self->traceback : Py_None);
}

static int set_tb(PyObject *self, PyObject *tb, void *c)
{
    if (tb == NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    return PyException_SetTraceback(self, tb);
}

static PyObject *get_context(PyBaseExceptionObject *self, void *c)
{
    return Py_NewRef(self->context ? self->context : Py_None);
}

static int set_context(PyObject *self, PyObject *v, void *c)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v == Py_None)
        v = NULL;
    else if (!PyExceptionInstance_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    PyException_SetContext(self, Py_XNewRef(v));
    return 0;
}

static PyObject *get_cause(PyBaseExceptionObject *self, void *c)
{
    return Py_NewRef(self->cause ? self->cause : Py_None);
}

static int set_cause(PyObject *self, PyObject *v, void *c)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v == Py_None)
        v = NULL;
    else if (!PyExceptionInstance_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    PyException_SetCause(self, Py_XNewRef(v));
    return 0;
}

static PyGetSetDef base_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"args", (getter)get_args, (setter)set_args, NULL, NULL},
    {"__traceback__", (getter)get_tb, (setter)set_tb, NULL, NULL},
    {"__context__", (getter)get_context, (setter)set_context,
     "exception context", NULL},
    {"__cause__", (getter)get_cause, (setter)set_cause, "exception cause", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef base_members[] = {
    {"__suppress_context__", T_BOOL, offsetof(PyBaseExceptionObject, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

KR_EXC_DEF(BaseException, NULL, PyBaseExceptionObject, "Common base class for all exceptions",
           kr_exc_base_new, kr_exc_base_init, kr_exc_base_dealloc, kr_exc_base_traverse,
           kr_exc_base_clear, kr_exc_base_str, kr_exc_base_repr, base_members, base_methods,
           base_getset)

/* ---- the C accessors ---- */

PyObject *PyException_GetTraceback(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->traceback);
}

int PyException_SetTraceback(PyObject *self, PyObject *tb)
{
    if (tb == Py_None)
        tb = NULL;
    else if (tb == NULL || !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    Py_XSETREF(((PyBaseExceptionObject *)self)->traceback, Py_XNewRef(tb));
    return 0;
}

PyObject *PyException_GetCause(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->cause);
}

void PyException_SetCause(PyObject *self, PyObject *cause)
{
    ((PyBaseExceptionObject *)self)->suppress_context = 1;
    Py_XSETREF(((PyBaseExceptionObject *)self)->cause, cause);
}

PyObject *PyException_GetContext(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->context);
}

void PyException_SetContext(PyObject *self, PyObject *context)
{
    Py_XSETREF(((PyBaseExceptionObject *)self)->context, context);
}

PyObject *PyException_GetArgs(PyObject *self)
{
    return Py_XNewRef(((PyBaseExceptionObject *)self)->args);
}

void PyException_SetArgs(PyObject *self, PyObject *args)
{
    Py_XSETREF(((PyBaseExceptionObject *)self)->args, Py_NewRef(args));
}

#undef PyExceptionClass_Name
const char *PyExceptionClass_Name(PyObject *ob)
{
    return ((PyTypeObject *)ob)->tp_name;
}

/* ---- classes with no state of their own ---- */

KR_EXC_SIMPLE(Exception, &kr_exc_BaseException, "Common base class for all non-exit exceptions.")
KR_EXC_SIMPLE(TypeError, &kr_exc_Exception, "Inappropriate argument type.")
KR_EXC_SIMPLE(StopAsyncIteration, &kr_exc_Exception, "Signal the end from iterator.__anext__().")
KR_EXC_SIMPLE(GeneratorExit, &kr_exc_BaseException, "Request that a generator exit.")
KR_EXC_SIMPLE(KeyboardInterrupt, &kr_exc_BaseException, "Program interrupted by user.")
KR_EXC_SIMPLE(EOFError, &kr_exc_Exception, "Read beyond end of file.")
KR_EXC_SIMPLE(RuntimeError, &kr_exc_Exception, "Unspecified run-time error.")
KR_EXC_SIMPLE(RecursionError, &kr_exc_RuntimeError, "Recursion limit exceeded.")
KR_EXC_SIMPLE(NotImplementedError, &kr_exc_RuntimeError,
              "Method or function hasn't been implemented yet.")
KR_EXC_SIMPLE(AssertionError, &kr_exc_Exception, "Assertion failed.")
KR_EXC_SIMPLE(LookupError, &kr_exc_Exception, "Base class for lookup errors.")
KR_EXC_SIMPLE(IndexError, &kr_exc_LookupError, "Sequence index out of range.")
KR_EXC_SIMPLE(ValueError, &kr_exc_Exception, "Inappropriate argument value (of correct type).")
KR_EXC_SIMPLE(UnicodeError, &kr_exc_ValueError, "Unicode related error.")
KR_EXC_SIMPLE(ArithmeticError, &kr_exc_Exception, "Base class for arithmetic errors.")
KR_EXC_SIMPLE(FloatingPointError, &kr_exc_ArithmeticError, "Floating point operation failed.")
KR_EXC_SIMPLE(OverflowError, &kr_exc_ArithmeticError, "Result too large to be represented.")
KR_EXC_SIMPLE(ZeroDivisionError, &kr_exc_ArithmeticError,
              "Second argument to a division or modulo operation was zero.")
KR_EXC_SIMPLE(SystemError, &kr_exc_Exception,
              "Internal error in the Python interpreter.\n\n"
              "Please report this to the Python maintainer, along with the traceback,\n"
              "the Python version, and the hardware/OS platform and version.")
KR_EXC_SIMPLE(ReferenceError, &kr_exc_Exception, "Weak ref proxy used after referent went away.")
KR_EXC_SIMPLE(MemoryError, &kr_exc_Exception, "Out of memory.")
KR_EXC_SIMPLE(BufferError, &kr_exc_Exception, "Buffer error.")
KR_EXC_SIMPLE(Warning, &kr_exc_Exception, "Base class for warning categories.")
KR_EXC_SIMPLE(UserWarning, &kr_exc_Warning, "Base class for warnings generated by user code.")
KR_EXC_SIMPLE(EncodingWarning, &kr_exc_Warning,
              "Base class for warnings about encodings.")
KR_EXC_SIMPLE(DeprecationWarning, &kr_exc_Warning,
              "Base class for warnings about deprecated features.")
KR_EXC_SIMPLE(PendingDeprecationWarning, &kr_exc_Warning,
              "Base class for warnings about features which will be deprecated\n"
              "in the future.")
KR_EXC_SIMPLE(SyntaxWarning, &kr_exc_Warning, "Base class for warnings about dubious syntax.")
KR_EXC_SIMPLE(RuntimeWarning, &kr_exc_Warning,
              "Base class for warnings about dubious runtime behavior.")
KR_EXC_SIMPLE(FutureWarning, &kr_exc_Warning,
              "Base class for warnings about constructs that will change semantically\n"
              "in the future.")
KR_EXC_SIMPLE(ImportWarning, &kr_exc_Warning,
              "Base class for warnings about probable mistakes in module imports")
KR_EXC_SIMPLE(UnicodeWarning, &kr_exc_Warning,
              "Base class for warnings about Unicode related problems, mostly\n"
              "related to conversion problems.")
KR_EXC_SIMPLE(BytesWarning, &kr_exc_Warning,
              "Base class for warnings about bytes and buffer related problems, mostly\n"
              "related to conversion from str or comparing to str.")
KR_EXC_SIMPLE(ResourceWarning, &kr_exc_Warning,
              "Base class for warnings about resource usage.")

/* ---- KeyError: str() is the repr of a single key ---- */

static PyObject *keyerror_str(PyBaseExceptionObject *self)
{
    if (PyTuple_GET_SIZE(self->args) == 1)
        return PyObject_Repr(PyTuple_GET_ITEM(self->args, 0));
    return kr_exc_base_str(self);
}

KR_EXC_DEF(KeyError, &kr_exc_LookupError, PyBaseExceptionObject, "Mapping key not found.",
           kr_exc_base_new, kr_exc_base_init, kr_exc_base_dealloc, kr_exc_base_traverse,
           kr_exc_base_clear, keyerror_str, kr_exc_base_repr, NULL, NULL, NULL)

/* ---- StopIteration(value) ---- */

static int stopiter_init(PyStopIterationObject *self, PyObject *args, PyObject *kwds)
{
    if (kr_exc_base_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    Py_XSETREF(self->value, Py_NewRef(PyTuple_GET_SIZE(args) > 0 ? PyTuple_GET_ITEM(args, 0) : Py_None));
    return 0;
}

static int stopiter_clear(PyStopIterationObject *self)
{
    Py_CLEAR(self->value);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void stopiter_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)stopiter_clear); }

static int stopiter_traverse(PyStopIterationObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->value);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef stopiter_members[] = {
    {"value", T_OBJECT, offsetof(PyStopIterationObject, value), 0, "generator return value"},
    {NULL, 0, 0, 0, NULL}
};

KR_EXC_DEF(StopIteration, &kr_exc_Exception, PyStopIterationObject,
           "Signal the end from iterator.__next__().", kr_exc_base_new, stopiter_init,
           stopiter_dealloc, stopiter_traverse, stopiter_clear, kr_exc_base_str,
           kr_exc_base_repr, stopiter_members, NULL, NULL)

/* ---- SystemExit(code) ---- */

static int sysexit_init(PySystemExitObject *self, PyObject *args, PyObject *kwds)
{
    if (kr_exc_base_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *code = n == 0 ? Py_None : n == 1 ? PyTuple_GET_ITEM(args, 0) : args;
    Py_XSETREF(self->code, Py_NewRef(code));
    return 0;
}

static int sysexit_clear(PySystemExitObject *self)
{
    Py_CLEAR(self->code);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void sysexit_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)sysexit_clear); }

static int sysexit_traverse(PySystemExitObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->code);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef sysexit_members[] = {
    {"code", T_OBJECT, offsetof(PySystemExitObject, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL}
};

KR_EXC_DEF(SystemExit, &kr_exc_BaseException, PySystemExitObject, "Request to exit from the interpreter.",
           kr_exc_base_new, sysexit_init, sysexit_dealloc, sysexit_traverse, sysexit_clear,
           kr_exc_base_str, kr_exc_base_repr, sysexit_members, NULL, NULL)

/* ---- ImportError(msg, *, name=None, path=None) ---- */

static int importerr_init(PyImportErrorObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const names[] = {"name", "path", NULL};
    PyObject *vals[2] = {NULL, NULL};
    if (kr_exc_kwonly(kwds, "ImportError", names, vals) < 0)
        return -1;
    Py_XSETREF(self->args, Py_NewRef(args));
    Py_XSETREF(self->name, Py_XNewRef(vals[0]));
    Py_XSETREF(self->path, Py_XNewRef(vals[1]));
    Py_XSETREF(self->msg, PyTuple_GET_SIZE(args) == 1 ? Py_NewRef(PyTuple_GET_ITEM(args, 0)) : NULL);
    return 0;
}

static int importerr_clear(PyImportErrorObject *self)
{
    Py_CLEAR(self->msg);
    Py_CLEAR(self->name);
    Py_CLEAR(self->path);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void importerr_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)importerr_clear); }

static int importerr_traverse(PyImportErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->msg);
    Py_VISIT(self->name);
    Py_VISIT(self->path);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyObject *importerr_str(PyImportErrorObject *self)
{
    if (self->msg != NULL && PyUnicode_CheckExact(self->msg))
        return Py_NewRef(self->msg);
    return kr_exc_base_str((PyBaseExceptionObject *)self);
}

static PyObject *importerr_reduce(PyImportErrorObject *self, PyObject *unused)
{
    PyObject *state = self->dict ? PyDict_Copy(self->dict) : PyDict_New();
    if (state == NULL)
        return NULL;
    if ((self->name && PyDict_SetItemString(state, "name", self->name) < 0) ||
        (self->path && PyDict_SetItemString(state, "path", self->path) < 0)) {
        Py_DECREF(state);
        return NULL;
    }
    PyObject *r = PyDict_GET_SIZE(state) ? PyTuple_Pack(3, Py_TYPE(self), self->args, state)
                                         : PyTuple_Pack(2, Py_TYPE(self), self->args);
    Py_DECREF(state);
    return r;
}

static PyMemberDef importerr_members[] = {
    {"msg", T_OBJECT, offsetof(PyImportErrorObject, msg), 0, "exception message"},
    {"name", T_OBJECT, offsetof(PyImportErrorObject, name), 0, "module name"},
    {"path", T_OBJECT, offsetof(PyImportErrorObject, path), 0, "module path"},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef importerr_methods[] = {
    {"__reduce__", (PyCFunction)importerr_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

KR_EXC_DEF(ImportError, &kr_exc_Exception, PyImportErrorObject,
           "Import can't find module, or can't find name in module.",
           kr_exc_base_new, importerr_init, importerr_dealloc, importerr_traverse,
           importerr_clear, importerr_str, kr_exc_base_repr, importerr_members,
           importerr_methods, NULL)
KR_EXC_DEF(ModuleNotFoundError, &kr_exc_ImportError, PyImportErrorObject, "Module not found.",
           kr_exc_base_new, importerr_init, importerr_dealloc, importerr_traverse,
           importerr_clear, importerr_str, kr_exc_base_repr, NULL, NULL, NULL)

/* ---- SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) ---- */

static int syntaxerr_init(PySyntaxErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (kr_exc_base_init((PyBaseExceptionObject *)self, args, kwds) < 0)
        return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n >= 1)
        Py_XSETREF(self->msg, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    if (n == 2) {
        PyObject *info = PySequence_Tuple(PyTuple_GET_ITEM(args, 1));
        if (info == NULL)
            return -1;
        Py_ssize_t k = PyTuple_GET_SIZE(info);
        if (k < 4 || k > 6) {
            if (k < 4)
                PyErr_Format(PyExc_TypeError, "function takes at least 4 arguments (%zd given)", k);
            else
                PyErr_Format(PyExc_TypeError, "function takes at most 6 arguments (%zd given)", k);
            Py_DECREF(info);
            return -1;
        }
        PyObject **fields[6] = {&self->filename, &self->lineno, &self->offset, &self->text,
                                &self->end_lineno, &self->end_offset};
        for (Py_ssize_t i = 0; i < 6; i++)
            Py_XSETREF(*fields[i], i < k ? Py_NewRef(PyTuple_GET_ITEM(info, i)) : NULL);
        Py_DECREF(info);
        if (self->end_lineno != NULL && self->end_offset == NULL) {
            PyErr_SetString(PyExc_TypeError, "end_offset must be provided when end_lineno is provided");
            return -1;
        }
    }
    return 0;
}

static int syntaxerr_clear(PySyntaxErrorObject *self)
{
    Py_CLEAR(self->msg);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->lineno);
    Py_CLEAR(self->offset);
    Py_CLEAR(self->end_lineno);
    Py_CLEAR(self->end_offset);
    Py_CLEAR(self->text);
    Py_CLEAR(self->print_file_and_line);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void syntaxerr_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)syntaxerr_clear); }

static int syntaxerr_traverse(PySyntaxErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->msg);
    Py_VISIT(self->filename);
    Py_VISIT(self->lineno);
    Py_VISIT(self->offset);
    Py_VISIT(self->end_lineno);
    Py_VISIT(self->end_offset);
    Py_VISIT(self->text);
    Py_VISIT(self->print_file_and_line);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

/* "msg (file.py, line 3)": the file name is shown without its directory. */
static PyObject *syntaxerr_str(PySyntaxErrorObject *self)
{
    PyObject *base = NULL;
    if (self->filename && PyUnicode_Check(self->filename)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(self->filename);
        Py_ssize_t sep = PyUnicode_FindChar(self->filename, '/', 0, len, -1);
        if (sep == -2)
            return NULL;
        base = sep >= 0 ? PyUnicode_Substring(self->filename, sep + 1, len) : Py_NewRef(self->filename);
        if (base == NULL)
            return NULL;
    }
    int have_lineno = self->lineno && PyLong_CheckExact(self->lineno);
    PyObject *r;
    PyObject *msg = self->msg ? self->msg : Py_None;
    if (base && have_lineno)
        r = PyUnicode_FromFormat("%S (%U, line %ld)", msg, base, PyLong_AsLong(self->lineno));
    else if (base)
        r = PyUnicode_FromFormat("%S (%U)", msg, base);
    else if (have_lineno)
        r = PyUnicode_FromFormat("%S (line %ld)", msg, PyLong_AsLong(self->lineno));
    else
        r = PyObject_Str(msg);
    Py_XDECREF(base);
    return r;
}

static PyMemberDef syntaxerr_members[] = {
    {"msg", T_OBJECT, offsetof(PySyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", T_OBJECT, offsetof(PySyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", T_OBJECT, offsetof(PySyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", T_OBJECT, offsetof(PySyntaxErrorObject, offset), 0, "exception offset"},
    {"text", T_OBJECT, offsetof(PySyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", T_OBJECT, offsetof(PySyntaxErrorObject, end_lineno), 0, "exception end lineno"},
    {"end_offset", T_OBJECT, offsetof(PySyntaxErrorObject, end_offset), 0, "exception end offset"},
    {"print_file_and_line", T_OBJECT, offsetof(PySyntaxErrorObject, print_file_and_line), 0,
     "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL}
};

#define KR_EXC_SYNTAX(NAME, BASE, DOC) \
    KR_EXC_DEF(NAME, BASE, PySyntaxErrorObject, DOC, kr_exc_base_new, syntaxerr_init, \
               syntaxerr_dealloc, syntaxerr_traverse, syntaxerr_clear, syntaxerr_str, \
               kr_exc_base_repr, NULL, NULL, NULL)

KR_EXC_DEF(SyntaxError, &kr_exc_Exception, PySyntaxErrorObject, "Invalid syntax.",
           kr_exc_base_new, syntaxerr_init, syntaxerr_dealloc, syntaxerr_traverse,
           syntaxerr_clear, syntaxerr_str, kr_exc_base_repr, syntaxerr_members, NULL, NULL)
KR_EXC_SYNTAX(IndentationError, &kr_exc_SyntaxError, "Improper indentation.")
KR_EXC_SYNTAX(TabError, &kr_exc_IndentationError, "Improper mixture of spaces and tabs.")

/* ---- NameError(*, name=None), AttributeError(*, name=None, obj=None) ---- */

static int nameerr_init(PyNameErrorObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const names[] = {"name", NULL};
    PyObject *vals[1] = {NULL};
    if (kr_exc_kwonly(kwds, "NameError", names, vals) < 0)
        return -1;
    Py_XSETREF(self->args, Py_NewRef(args));
    Py_XSETREF(self->name, Py_XNewRef(vals[0]));
    return 0;
}

static int nameerr_clear(PyNameErrorObject *self)
{
    Py_CLEAR(self->name);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void nameerr_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)nameerr_clear); }

static int nameerr_traverse(PyNameErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->name);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef nameerr_members[] = {
    {"name", T_OBJECT, offsetof(PyNameErrorObject, name), 0, "name"},
    {NULL, 0, 0, 0, NULL}
};

KR_EXC_DEF(NameError, &kr_exc_Exception, PyNameErrorObject, "Name not found globally.",
           kr_exc_base_new, nameerr_init, nameerr_dealloc, nameerr_traverse, nameerr_clear,
           kr_exc_base_str, kr_exc_base_repr, nameerr_members, NULL, NULL)
KR_EXC_DEF(UnboundLocalError, &kr_exc_NameError, PyNameErrorObject,
           "Local name referenced but not bound to a value.",
           kr_exc_base_new, nameerr_init, nameerr_dealloc, nameerr_traverse, nameerr_clear,
           kr_exc_base_str, kr_exc_base_repr, NULL, NULL, NULL)

static int attrerr_init(PyAttributeErrorObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const names[] = {"name", "obj", NULL};
    PyObject *vals[2] = {NULL, NULL};
    if (kr_exc_kwonly(kwds, "AttributeError", names, vals) < 0)
        return -1;
    Py_XSETREF(self->args, Py_NewRef(args));
    Py_XSETREF(self->name, Py_XNewRef(vals[0]));
    Py_XSETREF(self->obj, Py_XNewRef(vals[1]));
    return 0;
}

static int attrerr_clear(PyAttributeErrorObject *self)
{
    Py_CLEAR(self->obj);
    Py_CLEAR(self->name);
    return kr_exc_base_clear((PyBaseExceptionObject *)self);
}

static void attrerr_dealloc(PyObject *self) { kr_exc_dealloc_with(self, (inquiry)attrerr_clear); }

static int attrerr_traverse(PyAttributeErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->obj);
    Py_VISIT(self->name);
    return kr_exc_base_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef attrerr_members[] = {
    {"name", T_OBJECT, offsetof(PyAttributeErrorObject, name), 0, "attribute name"},
    {"obj", T_OBJECT, offsetof(PyAttributeErrorObject, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL}
};

KR_EXC_DEF(AttributeError, &kr_exc_Exception, PyAttributeErrorObject, "Attribute not found.",
           kr_exc_base_new, attrerr_init, attrerr_dealloc, attrerr_traverse, attrerr_clear,
           kr_exc_base_str, kr_exc_base_repr, attrerr_members, NULL, NULL)

/* ---- the table, base classes first ---- */

#define KR_EXC_LIST(X) \
    X(BaseException) X(Exception) X(BaseExceptionGroup) X(ExceptionGroup) X(TypeError) \
    X(StopAsyncIteration) X(StopIteration) X(GeneratorExit) X(SystemExit) \
    X(KeyboardInterrupt) X(ImportError) X(ModuleNotFoundError) X(OSError) X(EOFError) \
    X(RuntimeError) X(RecursionError) X(NotImplementedError) X(NameError) \
    X(UnboundLocalError) X(AttributeError) X(SyntaxError) X(IndentationError) X(TabError) \
    X(LookupError) X(IndexError) X(KeyError) X(ValueError) X(UnicodeError) \
    X(UnicodeEncodeError) X(UnicodeDecodeError) X(UnicodeTranslateError) X(AssertionError) \
    X(ArithmeticError) X(FloatingPointError) X(OverflowError) X(ZeroDivisionError) \
    X(SystemError) X(ReferenceError) X(MemoryError) X(BufferError) X(ConnectionError) \
    X(BlockingIOError) X(BrokenPipeError) X(ChildProcessError) X(ConnectionAbortedError) \
    X(ConnectionRefusedError) X(ConnectionResetError) X(FileExistsError) \
    X(FileNotFoundError) X(IsADirectoryError) X(NotADirectoryError) X(InterruptedError) \
    X(PermissionError) X(ProcessLookupError) X(TimeoutError) X(Warning) X(UserWarning) \
    X(EncodingWarning) X(DeprecationWarning) X(PendingDeprecationWarning) X(SyntaxWarning) \
    X(RuntimeWarning) X(FutureWarning) X(ImportWarning) X(UnicodeWarning) X(BytesWarning) \
    X(ResourceWarning)

#define KR_EXC_EXTERN(N) extern PyTypeObject kr_exc_##N;
KR_EXC_LIST(KR_EXC_EXTERN)
#define KR_EXC_ENTRY(N) &kr_exc_##N,
PyTypeObject *const kr_exception_types[] = { KR_EXC_LIST(KR_EXC_ENTRY) NULL };

int kr_exceptions_init(void)
{
    /* ExceptionGroup derives from both BaseExceptionGroup and Exception. */
    if (kr_exc_ExceptionGroup.tp_bases == NULL) {
        PyObject *bases = PyTuple_Pack(2, (PyObject *)&kr_exc_BaseExceptionGroup,
                                       (PyObject *)&kr_exc_Exception);
        if (bases == NULL)
            return -1;
        kr_exc_ExceptionGroup.tp_bases = bases;
    }
    return 0;
}
