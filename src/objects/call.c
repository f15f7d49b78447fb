/* call.c: the call machinery.  Every call in Krait goes through here or
 * through a type's vectorcall pointer: PyObject_Vectorcall dispatches to the
 * callee's vectorcall function when it has one (functions, builtins,
 * methods, types) and otherwise packs a tuple and dict for tp_call
 * (_PyObject_MakeTpCall).  The helpers convert between the two conventions
 * (args tuple + kwargs dict <-> C array + kwnames tuple); the dict of
 * keyword arguments (_PyStack_AsDict) is built in dictobject.c, which
 * fills the table directly.
 * (owned by the types area) */
#include "internal.h"
#include "objects/types.h"
#include "objects/call_internal.h"
#include "objects/instances.h"

/* Small arrays on the C stack avoid allocation for common arities. */
#define KR_SMALL_STACK 8

PyObject *
_Py_CheckFunctionResult(PyThreadState *tstate, PyObject *callable,
                        PyObject *result, const char *where)
{
    PyThreadState *ts = tstate ? tstate : kr_tstate_get();
    if (_Py_likely(ts != NULL && (result != NULL) == (ts->curexc == NULL)))
        return result;   /* the common case, without PyErr_Occurred calls */
    if (result == NULL) {
        if (!PyErr_Occurred()) {
            if (callable)
                PyErr_Format(PyExc_SystemError,
                             "%R returned NULL without setting an exception", callable);
            else
                PyErr_Format(PyExc_SystemError,
                             "%s returned NULL without setting an exception", where);
        }
        return NULL;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        if (callable)
            _PyErr_FormatFromCause(PyExc_SystemError,
                                   "%R returned a result with an exception set", callable);
        else
            _PyErr_FormatFromCause(PyExc_SystemError,
                                   "%s returned a result with an exception set", where);
        return NULL;
    }
    return result;
}

/* Inline for the call paths below; PyVectorcall_Function is its API face. */
static inline vectorcallfunc
kr_vectorcall_func(PyObject *callable)
{
    PyTypeObject *tp = Py_TYPE(callable);
    if (!(tp->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL))
        return NULL;
    Py_ssize_t off = tp->tp_vectorcall_offset;
    if (off <= 0)
        return NULL;
    vectorcallfunc f;
    memcpy(&f, (char *)callable + off, sizeof(f));
    return f;
}

vectorcallfunc
PyVectorcall_Function(PyObject *callable)
{
    return kr_vectorcall_func(callable);
}

/* _Py_CheckFunctionResult's common case inline: a result and no pending
 * exception, or NULL with one, cost a test of the thread's exception
 * slot; anything else goes to the full check for its SystemError. */
static inline PyObject *
kr_check_result(PyObject *callable, PyObject *result)
{
    PyThreadState *ts = kr_tstate_get();
    if (_Py_likely((result != NULL) == (ts->curexc == NULL)))
        return result;
    return _Py_CheckFunctionResult(ts, callable, result, NULL);
}

/* Build a vectorcall stack from positional args and a kwargs dict.  The
 * returned pointer has one writable slot before it (so callees may use
 * PY_VECTORCALL_ARGUMENTS_OFFSET); free with _PyStack_UnpackDict_Free. */
PyObject *const *
_PyStack_UnpackDict(PyThreadState *tstate, PyObject *const *args, Py_ssize_t nargs,
                    PyObject *kwargs, PyObject **p_kwnames)
{
    Py_ssize_t nkw = PyDict_GET_SIZE(kwargs);
    PyObject **stack = PyMem_Malloc((1 + nargs + nkw) * sizeof(PyObject *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *kwnames = PyTuple_New(nkw);
    if (kwnames == NULL) {
        PyMem_Free(stack);
        return NULL;
    }
    stack++;
    for (Py_ssize_t i = 0; i < nargs; i++)
        stack[i] = Py_NewRef(args[i]);
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    int bad_keys = 0;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key))
            bad_keys = 1;
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        stack[nargs + i] = Py_NewRef(value);
        i++;
    }
    if (bad_keys) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        _PyStack_UnpackDict_Free(stack, nargs, kwnames);
        return NULL;
    }
    *p_kwnames = kwnames;
    return stack;
}

void
_PyStack_UnpackDict_Free(PyObject *const *stack, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t n = PyTuple_GET_SIZE(kwnames) + nargs;
    for (Py_ssize_t i = 0; i < n; i++)
        Py_DECREF(stack[i]);
    PyMem_Free((PyObject **)stack - 1);
    Py_DECREF(kwnames);
}

PyObject *
_PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                     Py_ssize_t nargs, PyObject *keywords)
{
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    PyObject *argstuple = PyTuple_New(nargs);
    if (argstuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++)
        PyTuple_SET_ITEM(argstuple, i, Py_NewRef(args[i]));
    PyObject *kwdict = NULL;
    if (keywords != NULL) {
        if (PyTuple_Check(keywords)) {
            if (PyTuple_GET_SIZE(keywords)) {
                kwdict = _PyStack_AsDict(args + nargs, keywords);
                if (kwdict == NULL) {
                    Py_DECREF(argstuple);
                    return NULL;
                }
            }
        }
        else if (PyDict_GET_SIZE(keywords)) {
            kwdict = Py_NewRef(keywords);
        }
    }
    PyObject *result = NULL;
    PyThreadState *ts = kr_tstate_get();
    if (kr_call_enter(ts) == 0) {
        result = call(callable, argstuple, kwdict);
        kr_call_leave(ts);
    }
    Py_DECREF(argstuple);
    Py_XDECREF(kwdict);
    return kr_check_result(callable, result);
}

PyObject *
PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                    PyObject *kwnames)
{
    vectorcallfunc func = kr_vectorcall_func(callable);
    if (func == NULL)
        return _PyObject_MakeTpCall(NULL, callable, args, PyVectorcall_NARGS(nargsf), kwnames);
    PyObject *res = func(callable, args, nargsf, kwnames);
    return kr_check_result(callable, res);
}

PyObject *
PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf,
                        PyObject *kwargs)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    vectorcallfunc func = kr_vectorcall_func(callable);
    if (func == NULL)
        return _PyObject_MakeTpCall(NULL, callable, args, nargs, kwargs);
    PyObject *res;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        res = func(callable, args, nargsf, NULL);
    }
    else {
        PyObject *kwnames;
        PyObject *const *stack = _PyStack_UnpackDict(NULL, args, nargs, kwargs, &kwnames);
        if (stack == NULL)
            return NULL;
        res = func(callable, stack, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
        _PyStack_UnpackDict_Free(stack, nargs, kwnames);
    }
    return kr_check_result(callable, res);
}

PyObject *
PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    Py_ssize_t off = Py_TYPE(callable)->tp_vectorcall_offset;
    vectorcallfunc func = NULL;
    if (off > 0)
        memcpy(&func, (char *)callable + off, sizeof(func));
    if (func == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support vectorcall",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    PyObject *const *args = ((PyTupleObject *)tuple)->ob_item;
    PyObject *res;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        res = func(callable, args, nargs, NULL);
    }
    else {
        PyObject *kwnames;
        PyObject *const *stack = _PyStack_UnpackDict(NULL, args, nargs, kwargs, &kwnames);
        if (stack == NULL)
            return NULL;
        res = func(callable, stack, nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
        _PyStack_UnpackDict_Free(stack, nargs, kwnames);
    }
    return kr_check_result(callable, res);
}

PyObject *
_PyObject_Call(PyThreadState *tstate, PyObject *callable, PyObject *args, PyObject *kwargs)
{
    /* (a class called with a tuple and a dict goes to type.__call__,
     * which takes them as they are, rather than through its vectorcall,
     * which would want them spread out and then pack them again) */
    vectorcallfunc vf = kr_vectorcall_func(callable);
    if (vf != NULL && vf != kr_type_vectorcall)
        return PyVectorcall_Call(callable, args, kwargs);
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    PyObject *res = call(callable, args, kwargs);
    Py_LeaveRecursiveCall();
    return _Py_CheckFunctionResult(tstate, callable, res, NULL);
}

PyObject *
PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
        return NULL;
    }
    return _PyObject_Call(NULL, callable, args, kwargs);
}

PyObject *
PyCFunction_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    return PyObject_Call(callable, args, kwargs);
}

PyObject *
PyObject_CallObject(PyObject *callable, PyObject *args)
{
    if (args == NULL)
        return PyObject_Vectorcall(callable, NULL, 0, NULL);
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    return _PyObject_Call(NULL, callable, args, NULL);
}

PyObject *
PyObject_CallNoArgs(PyObject *func)
{
    return PyObject_Vectorcall(func, NULL, 0, NULL);
}

PyObject *
_PyObject_CallNoArgs(PyObject *func)
{
    return PyObject_Vectorcall(func, NULL, 0, NULL);
}

PyObject *
PyObject_CallOneArg(PyObject *func, PyObject *arg)
{
    PyObject *buf[2] = {NULL, arg};
    return PyObject_Vectorcall(func, buf + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *
_PyObject_FastCall(PyObject *func, PyObject *const *args, Py_ssize_t nargs)
{
    return PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
}

PyObject *
_PyObject_Call_Prepend(PyThreadState *tstate, PyObject *callable, PyObject *obj,
                       PyObject *args, PyObject *kwargs)
{
    PyObject *small[KR_SMALL_STACK];
    Py_ssize_t argcount = PyTuple_GET_SIZE(args);
    PyObject **stack = small;
    if (argcount + 1 > KR_SMALL_STACK) {
        stack = PyMem_Malloc((argcount + 1) * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    stack[0] = obj;
    for (Py_ssize_t i = 0; i < argcount; i++)
        stack[i + 1] = PyTuple_GET_ITEM(args, i);
    PyObject *res = PyObject_VectorcallDict(callable, stack, argcount + 1, kwargs);
    if (stack != small)
        PyMem_Free(stack);
    return res;
}

PyObject *
PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf,
                          PyObject *kwnames)
{
    PyObject *callable = NULL;
    int unbound = _PyObject_GetMethod(args[0], name, &callable);
    if (callable == NULL)
        return NULL;
    PyObject *res;
    if (unbound) {
        res = PyObject_Vectorcall(callable, args, nargsf & ~PY_VECTORCALL_ARGUMENTS_OFFSET,
                                  kwnames);
    }
    else {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        res = PyObject_Vectorcall(callable, args + 1,
                                  (size_t)(nargs - 1) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    }
    Py_DECREF(callable);
    return res;
}

/* Call `callable` with the value Py_BuildValue builds from format: a tuple
 * is spread as the arguments, anything else is the single argument. */
static PyObject *
kr_call_built(PyObject *callable, const char *format, va_list va, int size_t_mode)
{
    if (callable == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        return NULL;
    }
    if (format == NULL || *format == '\0')
        return PyObject_CallNoArgs(callable);
    PyObject *args = size_t_mode ? _Py_VaBuildValue_SizeT(format, va)
                                 : Py_VaBuildValue(format, va);
    if (args == NULL)
        return NULL;
    PyObject *res;
    if (PyTuple_Check(args))
        res = PyObject_Call(callable, args, NULL);
    else
        res = PyObject_CallOneArg(callable, args);
    Py_DECREF(args);
    return res;
}

PyObject *
PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = kr_call_built(callable, format, va, 0);
    va_end(va);
    return r;
}

PyObject *
_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = kr_call_built(callable, format, va, 1);
    va_end(va);
    return r;
}

static PyObject *
kr_call_method_built(PyObject *obj, PyObject *name, const char *format, va_list va,
                     int size_t_mode)
{
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        return NULL;
    }
    PyObject *callable = PyObject_GetAttr(obj, name);
    if (callable == NULL)
        return NULL;
    if (!PyCallable_Check(callable)) {
        PyErr_Format(PyExc_TypeError, "attribute of type '%.200s' is not callable",
                     Py_TYPE(callable)->tp_name);
        Py_DECREF(callable);
        return NULL;
    }
    PyObject *r = kr_call_built(callable, format, va, size_t_mode);
    Py_DECREF(callable);
    return r;
}

static PyObject *
kr_call_method_str(PyObject *obj, const char *name, const char *format, va_list va,
                   int size_t_mode)
{
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        return NULL;
    }
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyObject *r = kr_call_method_built(obj, n, format, va, size_t_mode);
    Py_DECREF(n);
    return r;
}

PyObject *
PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = kr_call_method_str(obj, name, format, va, 0);
    va_end(va);
    return r;
}

PyObject *
_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = kr_call_method_str(obj, name, format, va, 1);
    va_end(va);
    return r;
}

PyObject *
_PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = kr_call_method_built(obj, name, format, va, 1);
    va_end(va);
    return r;
}

/* Collect a NULL-terminated va_list of objects into `stack` (small or
 * heap-allocated), leaving slot 0 free for a receiver. */
static PyObject **
kr_collect_varargs(PyObject **small, va_list va, Py_ssize_t *pn)
{
    va_list count;
    va_copy(count, va);
    Py_ssize_t n = 0;
    while (va_arg(count, PyObject *) != NULL)
        n++;
    va_end(count);
    PyObject **stack = small;
    if (n + 1 > KR_SMALL_STACK) {
        stack = PyMem_Malloc((n + 1) * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++)
        stack[i + 1] = va_arg(va, PyObject *);
    *pn = n;
    return stack;
}

PyObject *
PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    if (callable == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        return NULL;
    }
    PyObject *small[KR_SMALL_STACK];
    Py_ssize_t n;
    va_list va;
    va_start(va, callable);
    PyObject **stack = kr_collect_varargs(small, va, &n);
    va_end(va);
    if (stack == NULL)
        return NULL;
    PyObject *r = PyObject_Vectorcall(callable, stack + 1,
                                      (size_t)n | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    if (stack != small)
        PyMem_Free(stack);
    return r;
}

PyObject *
PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        return NULL;
    }
    PyObject *small[KR_SMALL_STACK];
    Py_ssize_t n;
    va_list va;
    va_start(va, name);
    PyObject **stack = kr_collect_varargs(small, va, &n);
    va_end(va);
    if (stack == NULL)
        return NULL;
    stack[0] = obj;
    PyObject *r = PyObject_VectorcallMethod(name, stack, (size_t)(n + 1), NULL);
    if (stack != small)
        PyMem_Free(stack);
    return r;
}
