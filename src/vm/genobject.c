/* genobject.c: generators, coroutines and async generators, the
 * coroutine __await__ wrapper, and the awaitables async generators hand
 * out (asend, athrow/aclose, wrapped values).
 *
 * A generator owns a heap copy of the frame that ran up to
 * RETURN_GENERATOR.  Resuming pushes the sent value on that frame's stack
 * and runs it as an entry frame of kr_eval_frame; YIELD_VALUE returns out
 * of the loop leaving the frame suspended.  While a body runs, the thread's
 * exc_info points at the generator's own stack item, so `sys.exc_info()`
 * inside the body sees the body's handled exception. */
#include "internal.h"
#include "vm/vm.h"
#include "vm/vm_needs.h"
#include "vm/genobject.h"
#include "vm/trace.h"

typedef struct kr_genobject kr_gen;

static const char *kr_gen_kind(kr_gen *g)
{
    if (PyCoro_CheckExact(g)) return "coroutine";
    if (PyAsyncGen_CheckExact(g)) return "async generator";
    return "generator";
}

/* Replaces the current exception by RuntimeError(msg) caused by it. */
static void kr_gen_raise_from_cause(PyObject *type, const char *msg)
{
    PyObject *cause = PyErr_GetRaisedException();
    PyObject *exc = PyObject_CallFunction(type, "s", msg);
    if (exc == NULL) {
        Py_XDECREF(cause);
        return;
    }
    if (cause != NULL) {
        PyException_SetContext(exc, Py_NewRef(cause));
        PyException_SetCause(exc, cause);
    }
    PyErr_SetRaisedException(exc);
}

/* ---- making generators ---- */

static PyTypeObject *kr_gen_type_for(PyCodeObject *co)
{
    if (co->co_flags & CO_COROUTINE) return &PyCoro_Type;
    if (co->co_flags & CO_ASYNC_GENERATOR) return &PyAsyncGen_Type;
    return &PyGen_Type;
}

PyObject *kr_gen_from_frame(PyThreadState *ts, kr_frame *f)
{
    PyCodeObject *co = f->code;
    PyTypeObject *tp = kr_gen_type_for(co);
    size_t words = kr_frame_words(co);
    kr_gen *g = PyObject_GC_New(kr_gen, tp);
    kr_frame *hf;
    if (g == NULL)
        return NULL;
    hf = PyMem_RawMalloc(words * sizeof(PyObject *));
    if (hf == NULL) {
        g->gi_frame = NULL;
        g->gi_code = NULL;
        g->gi_name = g->gi_qualname = NULL;
        g->gi_weakreflist = NULL;
        g->gi_exc_state.exc_value = NULL;
        g->gi_exc_state.previous_item = NULL;
        g->ag_finalizer = g->cr_origin = NULL;
        g->gi_state = KR_GEN_CLEARED;
        Py_DECREF(g);
        PyErr_NoMemory();
        return NULL;
    }
    /* move the frame, references and all */
    memcpy(hf, f, sizeof(kr_frame) + (size_t)f->stacktop * sizeof(PyObject *));
    hf->owner = KR_FRAME_OWNED_BY_GENERATOR;
    hf->previous = NULL;
    hf->is_entry = 0;
    hf->gen = (PyObject *)g;
    /* resume after RETURN_GENERATOR, where POP_TOP drops the sent value */
    kr_frame_set_next(hf, kr_frame_lasti(f) + 1);
    if (hf->frame_obj != NULL)
        kr_frame_object_rebind(hf->frame_obj, hf);
    f->frame_obj = NULL;
    f->code = (PyCodeObject *)Py_NewRef(co);
    f->func = Py_XNewRef(hf->func);
    f->globals = hf->globals;
    f->builtins = hf->builtins;
    if (kr_frame_owns_namespaces(f)) {
        Py_XINCREF(f->globals);
        Py_XINCREF(f->builtins);
    }
    f->locals = Py_XNewRef(hf->locals);
    for (int i = 0; i < f->stacktop; i++)
        f->localsplus[i] = NULL;
    f->stacktop = co->co_nlocalsplus;

    g->gi_frame = hf;
    g->gi_code = Py_NewRef(co);
    if (hf->func != NULL) {
        g->gi_name = Py_NewRef(((PyFunctionObject *)hf->func)->func_name);
        g->gi_qualname = Py_NewRef(((PyFunctionObject *)hf->func)->func_qualname);
    } else {
        g->gi_name = Py_NewRef(co->co_name);
        g->gi_qualname = Py_NewRef(co->co_qualname);
    }
    g->gi_weakreflist = NULL;
    g->gi_exc_state.exc_value = NULL;
    g->gi_exc_state.previous_item = NULL;
    g->ag_finalizer = NULL;
    g->cr_origin = NULL;
    g->gi_state = KR_GEN_CREATED;
    g->ag_hooks_inited = 0;
    g->ag_closed = 0;
    g->ag_running_async = 0;
    PyObject_GC_Track(g);
    return (PyObject *)g;
}

/* PyGen_New and friends: a generator whose body is the never-run frame of
 * a PyFrame_New object, started just after its RETURN_GENERATOR (which a
 * call of a generator function would have run).  Steals the reference to
 * `fo`, as CPython does; the code must need no closure. */
static PyObject *kr_gen_new_from_frameobject(PyTypeObject *tp, PyFrameObject *fo,
                                             PyObject *name, PyObject *qualname)
{
    PyThreadState *ts = kr_tstate_get();
    if (fo == NULL || !PyFrame_Check(fo)) {
        Py_XDECREF(fo);
        PyErr_BadInternalCall();
        return NULL;
    }
    kr_frame *f = kr_frame_object_take_fresh(fo);
    if (f == NULL) {
        Py_DECREF(fo);
        return NULL;
    }
    PyCodeObject *co = f->code;
    int start = -1;
    for (int i = 0; i < co->co_ncode && start < 0; i++) {
        int op = KR_BASE_OP(co->co_code[i]);
        if (op == RETURN_GENERATOR)
            start = i;
        else if (op != MAKE_CELL && op != NOP)
            break;
    }
    if (start >= 0 && co->co_nfreevars == 0 && kr_gen_type_for(co) == tp) {
        /* the cells a call would have made before RETURN_GENERATOR */
        for (int i = 0; i < start; i++) {
            if (KR_BASE_OP(co->co_code[i]) != MAKE_CELL)
                continue;
            PyObject **slot = &f->localsplus[KR_ARG(co->co_code[i])];
            PyObject *cell = PyCell_New(*slot);
            if (cell == NULL) {
                kr_frame_object_untake(fo, f);
                Py_DECREF(fo);
                return NULL;
            }
            Py_XSETREF(*slot, cell);
        }
    } else {
        kr_frame_object_untake(fo, f);
        Py_DECREF(fo);
        PyErr_SetString(PyExc_SystemError, start < 0 || co->co_nfreevars > 0
                        ? "PyGen_New: the code is not a generator body that needs no closure"
                        : "PyGen_New: the code's flags name another kind of generator");
        return NULL;
    }
    kr_frame_set_lasti(f, start);
    PyObject *gen = kr_gen_from_frame(ts, f);
    if (gen == NULL) {
        kr_frame_object_untake(fo, f);
        Py_DECREF(fo);
        return NULL;
    }
    /* the generator's frame took `fo` along, with our reference */
    kr_frame_free_heap(ts, f);
    kr_gen *g = (kr_gen *)gen;
    if (name != NULL)
        Py_SETREF(g->gi_name, Py_NewRef(name));
    if (qualname != NULL)
        Py_SETREF(g->gi_qualname, Py_NewRef(qualname));
    return gen;
}

PyObject *PyGen_New(PyFrameObject *f)
{
    return kr_gen_new_from_frameobject(&PyGen_Type, f, NULL, NULL);
}

PyObject *PyGen_NewWithQualName(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    return kr_gen_new_from_frameobject(&PyGen_Type, f, name, qualname);
}

PyObject *PyCoro_New(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    return kr_gen_new_from_frameobject(&PyCoro_Type, f, name, qualname);
}

PyObject *PyAsyncGen_New(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    return kr_gen_new_from_frameobject(&PyAsyncGen_Type, f, name, qualname);
}

PyCodeObject *PyGen_GetCode(PyGenObject *gen)
{
    return (PyCodeObject *)gen->gi_code;
}

/* ---- StopIteration values ---- */

int _PyGen_SetStopIterationValue(PyObject *value)
{
    PyObject *e;
    if (value == NULL || (!PyTuple_Check(value) && !PyExceptionInstance_Check(value))) {
        PyErr_SetObject(PyExc_StopIteration, value);
        return 0;
    }
    /* a tuple or exception would be taken apart as arguments: wrap it */
    e = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (e == NULL)
        return -1;
    PyErr_SetObject(PyExc_StopIteration, e);
    Py_DECREF(e);
    return 0;
}

int _PyGen_FetchStopIterationValue(PyObject **pvalue)
{
    PyObject *value = NULL;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *exc = PyErr_GetRaisedException();
        value = ((PyStopIterationObject *)exc)->value;
        Py_XINCREF(value);
        Py_DECREF(exc);
    } else if (PyErr_Occurred()) {
        return -1;
    }
    if (value == NULL)
        value = Py_NewRef(Py_None);
    *pvalue = value;
    return 0;
}

/* ---- running ---- */

PyObject *kr_gen_yf_of_frame(kr_frame *f)
{
    PyCodeObject *co = f->code;
    int at = kr_frame_next(f);
    if (co == NULL || f->stacktop <= co->co_nlocalsplus || at <= 0 || at >= co->co_ncode)
        return NULL;
    kr_word w = co->co_code[at];
    /* suspended inside `yield from`/`await`: the loop resumes at
     * RESUME >= 2 (or straight at the jump back to SEND) */
    if (KR_BASE_OP(w) == RESUME && KR_ARG(w) >= 2)
        return f->localsplus[f->stacktop - 1];
    if (KR_BASE_OP(w) == JUMP_NO_INTERRUPT) {
        int t = KR_ARG(w);
        if (t >= 0 && t < co->co_ncode && KR_BASE_OP(co->co_code[t]) == SEND)
            return f->localsplus[f->stacktop - 1];
    }
    return NULL;
}

static PyObject *kr_gen_yf(kr_gen *g)
{
    if (g->gi_state != KR_GEN_SUSPENDED || g->gi_frame == NULL)
        return NULL;
    return kr_gen_yf_of_frame(g->gi_frame);
}

static void kr_gen_finish(PyThreadState *ts, kr_gen *g)
{
    kr_frame *f = g->gi_frame;
    g->gi_state = KR_GEN_CLEARED;
    Py_CLEAR(g->gi_exc_state.exc_value);
    if (f != NULL) {
        g->gi_frame = NULL;
        kr_frame_clear(ts, f);
        PyMem_RawFree(f);
    }
}

/* 3.11's gen_send_ex2.  `arg` NULL means __next__; `exc` resumes by
 * raising the current exception inside the body. */
static PySendResult kr_gen_send_ex2(kr_gen *g, PyObject *arg, PyObject **presult,
                                    int exc, int closing)
{
    PyThreadState *ts = kr_tstate_get();
    kr_frame *f = g->gi_frame;
    PyObject *result;

    if (g->gi_state == KR_GEN_CREATED && arg != NULL && arg != Py_None && !exc) {
        PyErr_Format(PyExc_TypeError, "can't send non-None value to a just-started %s",
                     kr_gen_kind(g));
        *presult = NULL;
        return PYGEN_ERROR;
    }
    if (g->gi_state == KR_GEN_RUNNING) {
        PyErr_Format(PyExc_ValueError, "%s already executing", kr_gen_kind(g));
        *presult = NULL;
        return PYGEN_ERROR;
    }
    if (g->gi_state == KR_GEN_CLEARED || f == NULL) {
        if (PyCoro_CheckExact(g) && !closing) {
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg != NULL && !exc) {
            *presult = Py_NewRef(Py_None);
            return PYGEN_RETURN;
        }
        *presult = NULL;
        return PYGEN_ERROR;
    }

    f->localsplus[f->stacktop++] = Py_NewRef(arg != NULL ? arg : Py_None);
    g->gi_exc_state.previous_item = ts->exc_info;
    ts->exc_info = &g->gi_exc_state;
    if (exc) {
        /* the thrown exception's context is what the body was handling */
        PyObject *ctx = g->gi_exc_state.exc_value;
        if (ctx != NULL && ctx != Py_None && ts->curexc != NULL && ts->curexc != ctx)
            PyException_SetContext(ts->curexc, Py_NewRef(ctx));
    }
    g->gi_state = KR_GEN_RUNNING;
    result = kr_eval_frame(ts, f, exc);
    ts->exc_info = g->gi_exc_state.previous_item;
    g->gi_exc_state.previous_item = NULL;

    if (result != NULL && KR_BASE_OP(f->code->co_code[kr_frame_lasti(f)]) == YIELD_VALUE) {
        g->gi_state = KR_GEN_SUSPENDED;
        *presult = result;
        return PYGEN_NEXT;
    }
    if (result != NULL) {
        if (result == Py_None && !PyAsyncGen_CheckExact(g) && arg == NULL) {
            /* __next__ needs no StopIteration object for a plain return */
            Py_CLEAR(result);
        }
    } else {
        if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
            char msg[64];
            snprintf(msg, sizeof msg, "%s raised StopIteration", kr_gen_kind(g));
            kr_gen_raise_from_cause(PyExc_RuntimeError, msg);
        } else if (PyAsyncGen_CheckExact(g) && PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
            kr_gen_raise_from_cause(PyExc_RuntimeError,
                                    "async generator raised StopAsyncIteration");
        }
    }
    kr_gen_finish(ts, g);
    *presult = result;
    return result ? PYGEN_RETURN : PYGEN_ERROR;
}

static PyObject *kr_gen_send_ex(kr_gen *g, PyObject *arg, int exc, int closing)
{
    PyObject *result;
    if (kr_gen_send_ex2(g, arg, &result, exc, closing) == PYGEN_RETURN) {
        if (PyAsyncGen_CheckExact(g))
            PyErr_SetNone(PyExc_StopAsyncIteration);
        else if (result == Py_None)
            PyErr_SetNone(PyExc_StopIteration);
        else
            _PyGen_SetStopIterationValue(result);
        Py_CLEAR(result);
    }
    return result;
}

static PySendResult kr_gen_am_send(PyObject *self, PyObject *arg, PyObject **result)
{
    return kr_gen_send_ex2((kr_gen *)self, arg, result, 0, 0);
}

static PyObject *kr_gen_send(PyObject *self, PyObject *arg)
{
    return kr_gen_send_ex((kr_gen *)self, arg, 0, 0);
}

static PyObject *kr_gen_iternext(PyObject *self)
{
    PyObject *result;
    if (kr_gen_send_ex2((kr_gen *)self, NULL, &result, 0, 0) == PYGEN_RETURN) {
        if (result != Py_None)
            _PyGen_SetStopIterationValue(result);
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *kr_gen_close_impl(kr_gen *g);

/* getattr that tells "missing" (0, *res NULL) from failure (-1) */
static int kr_gen_lookup_attr(PyObject *o, const char *name, PyObject **res)
{
    PyObject *n = PyUnicode_InternFromString(name);
    int r;
    if (n == NULL) {
        *res = NULL;
        return -1;
    }
    r = _PyObject_LookupAttr(o, n, res);
    Py_DECREF(n);
    return r;
}

/* Closes what a generator delegates to; 0 or -1. */
static int kr_gen_close_iter(PyObject *yf)
{
    PyObject *ret;
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        ret = kr_gen_close_impl((kr_gen *)yf);
    } else {
        PyObject *meth;
        if (kr_gen_lookup_attr(yf, "close", &meth) < 0) {
            PyErr_WriteUnraisable(yf);
            return 0;
        }
        if (meth == NULL)
            return 0;
        ret = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
    }
    if (ret == NULL)
        return -1;
    Py_DECREF(ret);
    return 0;
}

static PyObject *kr_gen_close_impl(kr_gen *g)
{
    PyObject *yf = kr_gen_yf(g), *retval;
    int err = 0;
    if (g->gi_state == KR_GEN_CREATED) {
        kr_gen_finish(kr_tstate_get(), g);
        Py_RETURN_NONE;
    }
    if (yf != NULL) {
        Py_INCREF(yf);
        g->gi_state = KR_GEN_RUNNING;
        err = kr_gen_close_iter(yf);
        g->gi_state = KR_GEN_SUSPENDED;
        Py_DECREF(yf);
    }
    if (err == 0)
        PyErr_SetNone(PyExc_GeneratorExit);
    retval = kr_gen_send_ex(g, Py_None, 1, 1);
    if (retval != NULL) {
        char msg[64];
        Py_DECREF(retval);
        snprintf(msg, sizeof msg, "%s ignored GeneratorExit", kr_gen_kind(g));
        PyErr_SetString(PyExc_RuntimeError, msg);
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration)
        || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyObject *kr_gen_close(PyObject *self, PyObject *unused)
{
    return kr_gen_close_impl((kr_gen *)self);
}

/* 3.11's _gen_throw. */
static PyObject *kr_gen_throw_impl(kr_gen *g, int close_on_genexit, PyObject *typ,
                                   PyObject *val, PyObject *tb)
{
    PyObject *yf = kr_gen_yf(g);
    if (yf != NULL) {
        PyThreadState *ts = kr_tstate_get();
        kr_frame *f = g->gi_frame;
        PyObject *ret;
        Py_INCREF(yf);
        if (PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit) && close_on_genexit) {
            int err;
            g->gi_state = KR_GEN_RUNNING;
            err = kr_gen_close_iter(yf);
            g->gi_state = KR_GEN_SUSPENDED;
            Py_DECREF(yf);
            if (err < 0)
                return kr_gen_send_ex(g, Py_None, 1, 0);
            goto throw_here;
        }
        if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
            /* make this frame the caller of the inner one for tracebacks */
            kr_frame *prev = ts->vm.current_frame;
            f->previous = prev;
            ts->vm.current_frame = f;
            g->gi_state = KR_GEN_RUNNING;
            ret = kr_gen_throw_impl((kr_gen *)yf, close_on_genexit, typ, val, tb);
            g->gi_state = KR_GEN_SUSPENDED;
            ts->vm.current_frame = prev;
            f->previous = NULL;
        } else {
            PyObject *meth;
            if (kr_gen_lookup_attr(yf, "throw", &meth) < 0) {
                Py_DECREF(yf);
                return NULL;
            }
            if (meth == NULL) {
                Py_DECREF(yf);
                goto throw_here;
            }
            g->gi_state = KR_GEN_RUNNING;
            ret = PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL);
            g->gi_state = KR_GEN_SUSPENDED;
            Py_DECREF(meth);
        }
        Py_DECREF(yf);
        if (ret == NULL) {
            PyObject *v;
            /* the delegate is done: drop it and continue after the SEND */
            PyObject *top = f->localsplus[--f->stacktop];
            Py_DECREF(top);
            {
                int at = kr_frame_next(f);
                kr_word w = f->code->co_code[at];
                if (KR_BASE_OP(w) == RESUME)
                    w = f->code->co_code[++at];
                if (KR_BASE_OP(w) == JUMP_NO_INTERRUPT) {
                    kr_word send = f->code->co_code[KR_ARG(w)];
                    if (KR_BASE_OP(send) == SEND)
                        kr_frame_set_next(f, KR_ARG(send));
                }
            }
            if (_PyGen_FetchStopIterationValue(&v) == 0) {
                ret = kr_gen_send_ex(g, v, 0, 0);
                Py_DECREF(v);
            } else {
                ret = kr_gen_send_ex(g, Py_None, 1, 0);
            }
        }
        return ret;
    }

throw_here:
    if (tb == Py_None) {
        tb = NULL;
    } else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    {
        PyObject *exc;
        if (PyExceptionClass_Check(typ)) {
            if (val == NULL || val == Py_None) {
                exc = PyObject_CallNoArgs(typ);
            } else if (PyObject_TypeCheck(val, (PyTypeObject *)typ)) {
                exc = Py_NewRef(val);
            } else if (PyTuple_Check(val)) {
                exc = PyObject_Call(typ, val, NULL);
            } else {
                exc = PyObject_CallOneArg(typ, val);
            }
            if (exc == NULL)
                return NULL;
            if (!PyExceptionInstance_Check(exc)) {
                PyErr_Format(PyExc_TypeError,
                             "calling %R should have returned an instance of BaseException, not %s",
                             typ, Py_TYPE(exc)->tp_name);
                Py_DECREF(exc);
                return NULL;
            }
        } else if (PyExceptionInstance_Check(typ)) {
            if (val != NULL && val != Py_None) {
                PyErr_SetString(PyExc_TypeError,
                                "instance exception may not have a separate value");
                return NULL;
            }
            exc = Py_NewRef(typ);
        } else {
            PyErr_Format(PyExc_TypeError,
                         "exceptions must be classes or instances deriving from BaseException, not %s",
                         Py_TYPE(typ)->tp_name);
            return NULL;
        }
        if (tb != NULL)
            PyException_SetTraceback(exc, tb);
        PyErr_SetRaisedException(exc);
    }
    return kr_gen_send_ex(g, Py_None, 1, 0);
}

static PyObject *kr_gen_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *typ, *val = NULL, *tb = NULL;
    if (!_PyArg_CheckPositional("throw", nargs, 1, 3))
        return NULL;
    typ = args[0];
    if (nargs >= 2) val = args[1];
    if (nargs == 3) tb = args[2];
    return kr_gen_throw_impl((kr_gen *)self, 1, typ, val, tb);
}

void _PyGen_Finalize(PyObject *self)
{
    kr_gen *g = (kr_gen *)self;
    PyObject *res = NULL, *saved;
    if (g->gi_state == KR_GEN_CLEARED || g->gi_frame == NULL)
        return;
    if (PyAsyncGen_CheckExact(self)) {
        PyObject *finalizer = g->ag_finalizer;
        if (finalizer != NULL && !g->ag_closed) {
            saved = PyErr_GetRaisedException();
            res = PyObject_CallOneArg(finalizer, self);
            if (res == NULL)
                PyErr_WriteUnraisable(self);
            else
                Py_DECREF(res);
            PyErr_SetRaisedException(saved);
            return;
        }
    }
    saved = PyErr_GetRaisedException();
    if (PyCoro_CheckExact(self) && g->gi_state == KR_GEN_CREATED) {
        PyObject *warnings = PyImport_ImportModule("warnings");
        PyObject *fn = NULL;
        if (warnings != NULL) {
            fn = PyObject_GetAttrString(warnings, "_warn_unawaited_coroutine");
            Py_DECREF(warnings);
        }
        if (fn != NULL) {
            res = PyObject_CallOneArg(fn, self);
            Py_DECREF(fn);
            if (res != NULL) Py_DECREF(res);
            else PyErr_WriteUnraisable(self);
        } else {
            PyErr_Clear();
            if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "coroutine '%S' was never awaited",
                                 g->gi_qualname) < 0)
                PyErr_WriteUnraisable(self);
        }
        kr_gen_finish(kr_tstate_get(), g);
    } else {
        res = kr_gen_close_impl(g);
        if (res == NULL) {
            if (PyErr_Occurred())
                PyErr_WriteUnraisable(self);
        } else {
            Py_DECREF(res);
        }
    }
    PyErr_SetRaisedException(saved);
}

static void kr_gen_dealloc(PyObject *self)
{
    kr_gen *g = (kr_gen *)self;
    PyObject_GC_UnTrack(self);
    if (g->gi_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    if (g->gi_frame != NULL && g->gi_state != KR_GEN_CLEARED) {
        /* run the finaliser with the object briefly alive again */
        Py_SET_REFCNT(self, 1);
        _PyGen_Finalize(self);
        if (Py_REFCNT(self) > 1) {
            Py_SET_REFCNT(self, Py_REFCNT(self) - 1);
            PyObject_GC_Track(self);
            return;
        }
        Py_SET_REFCNT(self, 0);
    }
    if (g->gi_frame != NULL)
        kr_gen_finish(kr_tstate_get(), g);
    Py_CLEAR(g->gi_code);
    Py_CLEAR(g->gi_name);
    Py_CLEAR(g->gi_qualname);
    Py_CLEAR(g->gi_exc_state.exc_value);
    Py_CLEAR(g->ag_finalizer);
    Py_CLEAR(g->cr_origin);
    PyObject_GC_Del(self);
}

static int kr_gen_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_gen *g = (kr_gen *)self;
    kr_frame *f = g->gi_frame;
    Py_VISIT(g->gi_code);
    Py_VISIT(g->gi_name);
    Py_VISIT(g->gi_qualname);
    Py_VISIT(g->gi_exc_state.exc_value);
    Py_VISIT(g->ag_finalizer);
    if (f != NULL && g->gi_state != KR_GEN_RUNNING) {
        Py_VISIT(f->func);
        if (kr_frame_owns_namespaces(f)) {
            Py_VISIT(f->globals);
            Py_VISIT(f->builtins);
        }
        Py_VISIT(f->locals);
        Py_VISIT(f->frame_obj);
        for (int i = 0; i < f->stacktop; i++)
            Py_VISIT(f->localsplus[i]);
    }
    return 0;
}

static PyObject *kr_gen_repr(PyObject *self)
{
    kr_gen *g = (kr_gen *)self;
    const char *kind = PyCoro_CheckExact(self) ? "coroutine"
                       : PyAsyncGen_CheckExact(self) ? "async_generator" : "generator";
    return PyUnicode_FromFormat("<%s object %S at %p>", kind, g->gi_qualname, self);
}

/* ---- attributes ---- */

static PyObject *kr_gen_get_name(PyObject *self, void *c)
{
    return Py_NewRef(((kr_gen *)self)->gi_name);
}

static int kr_gen_set_name(PyObject *self, PyObject *v, void *c)
{
    if (v == NULL || !PyUnicode_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_SETREF(((kr_gen *)self)->gi_name, Py_NewRef(v));
    return 0;
}

static PyObject *kr_gen_get_qualname(PyObject *self, void *c)
{
    return Py_NewRef(((kr_gen *)self)->gi_qualname);
}

static int kr_gen_set_qualname(PyObject *self, PyObject *v, void *c)
{
    if (v == NULL || !PyUnicode_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_SETREF(((kr_gen *)self)->gi_qualname, Py_NewRef(v));
    return 0;
}

static PyObject *kr_gen_get_frame(PyObject *self, void *c)
{
    kr_gen *g = (kr_gen *)self;
    PyFrameObject *fo;
    if (g->gi_frame == NULL || g->gi_state == KR_GEN_CLEARED)
        Py_RETURN_NONE;
    fo = kr_frame_get_object(g->gi_frame);
    return Py_XNewRef((PyObject *)fo);
}

static PyObject *kr_gen_get_running(PyObject *self, void *c)
{
    return PyBool_FromLong(((kr_gen *)self)->gi_state == KR_GEN_RUNNING);
}

static PyObject *kr_gen_get_suspended(PyObject *self, void *c)
{
    return PyBool_FromLong(((kr_gen *)self)->gi_state == KR_GEN_SUSPENDED);
}

static PyObject *kr_gen_get_code(PyObject *self, void *c)
{
    return Py_NewRef(((kr_gen *)self)->gi_code);
}

static PyObject *kr_gen_get_yieldfrom(PyObject *self, void *c)
{
    PyObject *yf = kr_gen_yf((kr_gen *)self);
    return Py_NewRef(yf != NULL ? yf : Py_None);
}

static PyObject *kr_coro_get_origin(PyObject *self, void *c)
{
    PyObject *o = ((kr_gen *)self)->cr_origin;
    return Py_NewRef(o != NULL ? o : Py_None);
}

static PyObject *kr_agen_get_running_async(PyObject *self, void *c)
{
    return PyBool_FromLong(((kr_gen *)self)->ag_running_async);
}

static PyGetSetDef kr_gen_getset[] = {
    {"__name__", kr_gen_get_name, kr_gen_set_name, NULL, NULL},
    {"__qualname__", kr_gen_get_qualname, kr_gen_set_qualname, NULL, NULL},
    {"gi_frame", kr_gen_get_frame, NULL, NULL, NULL},
    {"gi_running", kr_gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", kr_gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", kr_gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", kr_gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyGetSetDef kr_coro_getset[] = {
    {"__name__", kr_gen_get_name, kr_gen_set_name, NULL, NULL},
    {"__qualname__", kr_gen_get_qualname, kr_gen_set_qualname, NULL, NULL},
    {"cr_frame", kr_gen_get_frame, NULL, NULL, NULL},
    {"cr_running", kr_gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", kr_gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", kr_gen_get_code, NULL, NULL, NULL},
    {"cr_await", kr_gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", kr_coro_get_origin, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyGetSetDef kr_agen_getset[] = {
    {"__name__", kr_gen_get_name, kr_gen_set_name, NULL, NULL},
    {"__qualname__", kr_gen_get_qualname, kr_gen_set_qualname, NULL, NULL},
    {"ag_frame", kr_gen_get_frame, NULL, NULL, NULL},
    {"ag_running", kr_agen_get_running_async, NULL, NULL, NULL},
    {"ag_code", kr_gen_get_code, NULL, NULL, NULL},
    {"ag_await", kr_gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *kr_gen_sizeof(PyObject *self, PyObject *unused)
{
    kr_gen *g = (kr_gen *)self;
    Py_ssize_t n = (Py_ssize_t)sizeof(kr_gen);
    if (g->gi_code != NULL)
        n += (Py_ssize_t)(kr_frame_words((PyCodeObject *)g->gi_code) * sizeof(PyObject *));
    return PyLong_FromSsize_t(n);
}

static PyMethodDef kr_gen_methods[] = {
    {"send", (PyCFunction)kr_gen_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(kr_gen_throw), METH_FASTCALL, NULL},
    {"close", (PyCFunction)kr_gen_close, METH_NOARGS, NULL},
    {"__sizeof__", (PyCFunction)kr_gen_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods kr_gen_as_async = {
    .am_send = kr_gen_am_send,
};

PyTypeObject PyGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",
    .tp_basicsize = sizeof(kr_gen),
    .tp_dealloc = kr_gen_dealloc,
    .tp_as_async = &kr_gen_as_async,
    .tp_repr = kr_gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_gen_traverse,
    .tp_weaklistoffset = offsetof(kr_gen, gi_weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_gen_iternext,
    .tp_methods = kr_gen_methods,
    .tp_getset = kr_gen_getset,
    .tp_finalize = _PyGen_Finalize,
};

/* ---- coroutines ---- */

typedef struct {
    PyObject_HEAD
    PyObject *cw_coroutine;
} kr_coro_wrapper;

static PyObject *kr_coro_await(PyObject *coro)
{
    kr_coro_wrapper *cw = PyObject_GC_New(kr_coro_wrapper, &_PyCoroWrapper_Type);
    if (cw == NULL)
        return NULL;
    cw->cw_coroutine = Py_NewRef(coro);
    PyObject_GC_Track(cw);
    return (PyObject *)cw;
}

static PyObject *kr_coro_close(PyObject *self, PyObject *unused)
{
    return kr_gen_close_impl((kr_gen *)self);
}

static PyMethodDef kr_coro_methods[] = {
    {"send", (PyCFunction)kr_gen_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(kr_gen_throw), METH_FASTCALL, NULL},
    {"close", (PyCFunction)kr_coro_close, METH_NOARGS, NULL},
    {"__sizeof__", (PyCFunction)kr_gen_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods kr_coro_as_async = {
    .am_await = kr_coro_await,
    .am_send = kr_gen_am_send,
};

PyTypeObject PyCoro_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(kr_gen),
    .tp_dealloc = kr_gen_dealloc,
    .tp_as_async = &kr_coro_as_async,
    .tp_repr = kr_gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_gen_traverse,
    .tp_weaklistoffset = offsetof(kr_gen, gi_weakreflist),
    .tp_methods = kr_coro_methods,
    .tp_getset = kr_coro_getset,
    .tp_finalize = _PyGen_Finalize,
};

static void kr_cw_dealloc(PyObject *self)
{
    kr_coro_wrapper *cw = (kr_coro_wrapper *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(cw->cw_coroutine);
    PyObject_GC_Del(self);
}

static int kr_cw_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_coro_wrapper *)self)->cw_coroutine);
    return 0;
}

static PyObject *kr_cw_iternext(PyObject *self)
{
    return kr_gen_send_ex((kr_gen *)((kr_coro_wrapper *)self)->cw_coroutine, Py_None, 0, 0);
}

static PyObject *kr_cw_send(PyObject *self, PyObject *arg)
{
    return kr_gen_send_ex((kr_gen *)((kr_coro_wrapper *)self)->cw_coroutine, arg, 0, 0);
}

static PyObject *kr_cw_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return kr_gen_throw(((kr_coro_wrapper *)self)->cw_coroutine, args, nargs);
}

static PyObject *kr_cw_close(PyObject *self, PyObject *unused)
{
    return kr_gen_close_impl((kr_gen *)((kr_coro_wrapper *)self)->cw_coroutine);
}

static PyMethodDef kr_cw_methods[] = {
    {"send", (PyCFunction)kr_cw_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(kr_cw_throw), METH_FASTCALL, NULL},
    {"close", (PyCFunction)kr_cw_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject _PyCoroWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(kr_coro_wrapper),
    .tp_dealloc = kr_cw_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_cw_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_cw_iternext,
    .tp_methods = kr_cw_methods,
};

static int kr_gen_is_iterable_coroutine(PyObject *o)
{
    return PyGen_CheckExact(o)
        && (((PyCodeObject *)((kr_gen *)o)->gi_code)->co_flags & CO_ITERABLE_COROUTINE);
}

PyObject *kr_coro_get_awaitable_iter(PyObject *o)
{
    PyTypeObject *ot = Py_TYPE(o);
    unaryfunc getter = NULL;
    if (PyCoro_CheckExact(o) || kr_gen_is_iterable_coroutine(o))
        return Py_NewRef(o);
    if (ot->tp_as_async != NULL)
        getter = ot->tp_as_async->am_await;
    if (getter != NULL) {
        PyObject *res = getter(o);
        if (res != NULL) {
            if (PyCoro_CheckExact(res) || kr_gen_is_iterable_coroutine(res)) {
                PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
                Py_CLEAR(res);
            } else if (!PyIter_Check(res)) {
                PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                             Py_TYPE(res)->tp_name);
                Py_CLEAR(res);
            }
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                 ot->tp_name);
    return NULL;
}

/* ---- async generators ---- */

enum { KR_AWAITABLE_INIT = 0, KR_AWAITABLE_ITER = 1, KR_AWAITABLE_CLOSED = 2 };

typedef struct {
    PyObject_HEAD
    kr_gen *ags_gen;
    PyObject *ags_sendval;
    int ags_state;
} kr_asend;

typedef struct {
    PyObject_HEAD
    kr_gen *agt_gen;
    PyObject *agt_args;     /* athrow's arguments; NULL for aclose */
    int agt_state;
} kr_athrow;

typedef struct {
    PyObject_HEAD
    PyObject *agw_val;
} kr_agen_wrapped;

PyObject *kr_async_gen_wrap_value(PyObject *v)
{
    kr_agen_wrapped *w = PyObject_GC_New(kr_agen_wrapped, &_PyAsyncGenWrappedValue_Type);
    if (w == NULL)
        return NULL;
    w->agw_val = Py_NewRef(v);
    PyObject_GC_Track(w);
    return (PyObject *)w;
}

static void kr_agw_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((kr_agen_wrapped *)self)->agw_val);
    PyObject_GC_Del(self);
}

static int kr_agw_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((kr_agen_wrapped *)self)->agw_val);
    return 0;
}

PyTypeObject _PyAsyncGenWrappedValue_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(kr_agen_wrapped),
    .tp_dealloc = kr_agw_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_agw_traverse,
};

static int kr_agen_init_hooks(kr_gen *g)
{
    PyThreadState *ts = kr_tstate_get();
    PyObject *firstiter, *finalizer;
    if (g->ag_hooks_inited)
        return 0;
    g->ag_hooks_inited = 1;
    finalizer = ts->vm.asyncgen_finalizer;
    if (finalizer != NULL)
        g->ag_finalizer = Py_NewRef(finalizer);
    firstiter = ts->vm.asyncgen_firstiter;
    if (firstiter != NULL) {
        PyObject *res;
        Py_INCREF(firstiter);
        res = PyObject_CallOneArg(firstiter, (PyObject *)g);
        Py_DECREF(firstiter);
        if (res == NULL)
            return 1;
        Py_DECREF(res);
    }
    return 0;
}

static PyObject *kr_agen_unwrap_value(kr_gen *g, PyObject *result)
{
    if (result == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetNone(PyExc_StopAsyncIteration);
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration)
            || PyErr_ExceptionMatches(PyExc_GeneratorExit))
            g->ag_closed = 1;
        g->ag_running_async = 0;
        return NULL;
    }
    if (Py_IS_TYPE(result, &_PyAsyncGenWrappedValue_Type)) {
        /* an async `yield`: finishes this awaitable with the value */
        _PyGen_SetStopIterationValue(((kr_agen_wrapped *)result)->agw_val);
        Py_DECREF(result);
        g->ag_running_async = 0;
        return NULL;
    }
    return result;
}

static PyObject *kr_asend_new(kr_gen *g, PyObject *sendval)
{
    kr_asend *o = PyObject_GC_New(kr_asend, &_PyAsyncGenASend_Type);
    if (o == NULL)
        return NULL;
    o->ags_gen = (kr_gen *)Py_NewRef(g);
    o->ags_sendval = Py_XNewRef(sendval);
    o->ags_state = KR_AWAITABLE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static PyObject *kr_athrow_new(kr_gen *g, PyObject *args)
{
    kr_athrow *o = PyObject_GC_New(kr_athrow, &_PyAsyncGenAThrow_Type);
    if (o == NULL)
        return NULL;
    o->agt_gen = (kr_gen *)Py_NewRef(g);
    o->agt_args = Py_XNewRef(args);
    o->agt_state = KR_AWAITABLE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static PyObject *kr_agen_anext(PyObject *self)
{
    kr_gen *g = (kr_gen *)self;
    if (kr_agen_init_hooks(g))
        return NULL;
    return kr_asend_new(g, NULL);
}

static PyObject *kr_agen_asend(PyObject *self, PyObject *arg)
{
    kr_gen *g = (kr_gen *)self;
    if (kr_agen_init_hooks(g))
        return NULL;
    return kr_asend_new(g, arg);
}

static PyObject *kr_agen_aclose(PyObject *self, PyObject *unused)
{
    kr_gen *g = (kr_gen *)self;
    if (kr_agen_init_hooks(g))
        return NULL;
    return kr_athrow_new(g, NULL);
}

static PyObject *kr_agen_athrow(PyObject *self, PyObject *args)
{
    kr_gen *g = (kr_gen *)self;
    if (kr_agen_init_hooks(g))
        return NULL;
    return kr_athrow_new(g, args);
}

static PyObject *kr_agen_aiter(PyObject *self)
{
    return Py_NewRef(self);
}

static PyMethodDef kr_agen_methods[] = {
    {"asend", (PyCFunction)kr_agen_asend, METH_O, NULL},
    {"athrow", (PyCFunction)kr_agen_athrow, METH_VARARGS, NULL},
    {"aclose", (PyCFunction)kr_agen_aclose, METH_NOARGS, NULL},
    {"__sizeof__", (PyCFunction)kr_gen_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods kr_agen_as_async = {
    .am_aiter = kr_agen_aiter,
    .am_anext = kr_agen_anext,
};

PyTypeObject PyAsyncGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(kr_gen),
    .tp_dealloc = kr_gen_dealloc,
    .tp_as_async = &kr_agen_as_async,
    .tp_repr = kr_gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_gen_traverse,
    .tp_weaklistoffset = offsetof(kr_gen, gi_weakreflist),
    .tp_methods = kr_agen_methods,
    .tp_getset = kr_agen_getset,
    .tp_finalize = _PyGen_Finalize,
};

/* asend: the awaitable of __anext__() and asend() */

static PyObject *kr_asend_send(PyObject *self, PyObject *arg)
{
    kr_asend *o = (kr_asend *)self;
    PyObject *result;
    if (o->ags_state == KR_AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->ags_state == KR_AWAITABLE_INIT) {
        if (o->ags_gen->ag_running_async) {
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None)
            arg = o->ags_sendval;
        o->ags_state = KR_AWAITABLE_ITER;
    }
    o->ags_gen->ag_running_async = 1;
    result = kr_gen_send_ex(o->ags_gen, arg != NULL ? arg : Py_None, 0, 0);
    result = kr_agen_unwrap_value(o->ags_gen, result);
    if (result == NULL)
        o->ags_state = KR_AWAITABLE_CLOSED;
    return result;
}

static PyObject *kr_asend_iternext(PyObject *self)
{
    return kr_asend_send(self, NULL);
}

static PyObject *kr_asend_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    kr_asend *o = (kr_asend *)self;
    PyObject *result;
    if (o->ags_state == KR_AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    result = kr_gen_throw((PyObject *)o->ags_gen, args, nargs);
    result = kr_agen_unwrap_value(o->ags_gen, result);
    if (result == NULL)
        o->ags_state = KR_AWAITABLE_CLOSED;
    return result;
}

static PyObject *kr_asend_close(PyObject *self, PyObject *unused)
{
    ((kr_asend *)self)->ags_state = KR_AWAITABLE_CLOSED;
    Py_RETURN_NONE;
}

static void kr_asend_dealloc(PyObject *self)
{
    kr_asend *o = (kr_asend *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->ags_gen);
    Py_CLEAR(o->ags_sendval);
    PyObject_GC_Del(self);
}

static int kr_asend_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_asend *o = (kr_asend *)self;
    Py_VISIT(o->ags_gen);
    Py_VISIT(o->ags_sendval);
    return 0;
}

static PyMethodDef kr_asend_methods[] = {
    {"send", (PyCFunction)kr_asend_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(kr_asend_throw), METH_FASTCALL, NULL},
    {"close", (PyCFunction)kr_asend_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods kr_asend_as_async = {
    .am_await = PyObject_SelfIter,
};

PyTypeObject _PyAsyncGenASend_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(kr_asend),
    .tp_dealloc = kr_asend_dealloc,
    .tp_as_async = &kr_asend_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_asend_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_asend_iternext,
    .tp_methods = kr_asend_methods,
};

/* athrow: the awaitable of athrow() and aclose() */

static PyObject *kr_athrow_finish(kr_athrow *o, int ignored_exit)
{
    o->agt_gen->ag_running_async = 0;
    o->agt_state = KR_AWAITABLE_CLOSED;
    if (ignored_exit) {
        PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
        return NULL;
    }
    if ((PyErr_ExceptionMatches(PyExc_StopAsyncIteration)
         || PyErr_ExceptionMatches(PyExc_GeneratorExit)) && o->agt_args == NULL) {
        /* aclose() completed */
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);
    }
    return NULL;
}

static PyObject *kr_athrow_send(PyObject *self, PyObject *arg)
{
    kr_athrow *o = (kr_athrow *)self;
    kr_gen *g = o->agt_gen;
    PyObject *retval;
    if (o->agt_state == KR_AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (g->gi_state == KR_GEN_CLEARED) {
        o->agt_state = KR_AWAITABLE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (o->agt_state == KR_AWAITABLE_INIT) {
        if (g->ag_running_async) {
            o->agt_state = KR_AWAITABLE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError, o->agt_args == NULL
                            ? "aclose(): asynchronous generator is already running"
                            : "athrow(): asynchronous generator is already running");
            return NULL;
        }
        if (g->ag_closed) {
            o->agt_state = KR_AWAITABLE_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError,
                            "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        o->agt_state = KR_AWAITABLE_ITER;
        g->ag_running_async = 1;
        if (o->agt_args == NULL) {
            g->ag_closed = 1;
            retval = kr_gen_throw_impl(g, 0, PyExc_GeneratorExit, NULL, NULL);
            if (retval != NULL && Py_IS_TYPE(retval, &_PyAsyncGenWrappedValue_Type)) {
                Py_DECREF(retval);
                return kr_athrow_finish(o, 1);
            }
        } else {
            PyObject *typ, *val = NULL, *tb = NULL;
            if (!PyArg_UnpackTuple(o->agt_args, "athrow", 1, 3, &typ, &val, &tb))
                return NULL;
            retval = kr_gen_throw_impl(g, 0, typ, val, tb);
            retval = kr_agen_unwrap_value(g, retval);
        }
        if (retval == NULL)
            return kr_athrow_finish(o, 0);
        return retval;
    }
    retval = kr_gen_send_ex(g, arg, 0, 0);
    if (o->agt_args != NULL)
        return kr_agen_unwrap_value(g, retval);
    if (retval != NULL) {
        if (Py_IS_TYPE(retval, &_PyAsyncGenWrappedValue_Type)) {
            Py_DECREF(retval);
            return kr_athrow_finish(o, 1);
        }
        return retval;
    }
    return kr_athrow_finish(o, 0);
}

static PyObject *kr_athrow_iternext(PyObject *self)
{
    return kr_athrow_send(self, Py_None);
}

static PyObject *kr_athrow_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    kr_athrow *o = (kr_athrow *)self;
    PyObject *retval;
    if (o->agt_state == KR_AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    retval = kr_gen_throw((PyObject *)o->agt_gen, args, nargs);
    if (o->agt_args != NULL)
        return kr_agen_unwrap_value(o->agt_gen, retval);
    if (retval != NULL && Py_IS_TYPE(retval, &_PyAsyncGenWrappedValue_Type)) {
        Py_DECREF(retval);
        return kr_athrow_finish(o, 1);
    }
    if (retval == NULL && (PyErr_ExceptionMatches(PyExc_StopAsyncIteration)
                           || PyErr_ExceptionMatches(PyExc_GeneratorExit))) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);
    }
    return retval;
}

static PyObject *kr_athrow_close(PyObject *self, PyObject *unused)
{
    ((kr_athrow *)self)->agt_state = KR_AWAITABLE_CLOSED;
    Py_RETURN_NONE;
}

static void kr_athrow_dealloc(PyObject *self)
{
    kr_athrow *o = (kr_athrow *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->agt_gen);
    Py_CLEAR(o->agt_args);
    PyObject_GC_Del(self);
}

static int kr_athrow_traverse(PyObject *self, visitproc visit, void *arg)
{
    kr_athrow *o = (kr_athrow *)self;
    Py_VISIT(o->agt_gen);
    Py_VISIT(o->agt_args);
    return 0;
}

static PyMethodDef kr_athrow_methods[] = {
    {"send", (PyCFunction)kr_athrow_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(kr_athrow_throw), METH_FASTCALL, NULL},
    {"close", (PyCFunction)kr_athrow_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods kr_athrow_as_async = {
    .am_await = PyObject_SelfIter,
};

PyTypeObject _PyAsyncGenAThrow_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(kr_athrow),
    .tp_dealloc = kr_athrow_dealloc,
    .tp_as_async = &kr_athrow_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = kr_athrow_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = kr_athrow_iternext,
    .tp_methods = kr_athrow_methods,
};

/* ---- sys.get_asyncgen_hooks / sys.set_asyncgen_hooks ---- */

static PyStructSequence_Field kr_asyncgen_hooks_fields[] = {
    {"firstiter", "Hook to intercept first iteration"},
    {"finalizer", "Hook to intercept finalization"},
    {NULL, NULL}
};

static PyStructSequence_Desc kr_asyncgen_hooks_desc = {
    "asyncgen_hooks",
    "asyncgen_hooks\n\nA named tuple providing information about asynchronous\n"
    "generators hooks.  The attributes are read only.",
    kr_asyncgen_hooks_fields,
    2
};

PyObject *kr_asyncgen_get_hooks(void)
{
    PyThreadState *ts = kr_tstate_get();
    struct kr_context *ctx = ts->interp;
    PyObject *res;
    if (ctx->vm.asyncgen_hooks_type == NULL) {
        ctx->vm.asyncgen_hooks_type = (PyObject *)PyStructSequence_NewType(&kr_asyncgen_hooks_desc);
        if (ctx->vm.asyncgen_hooks_type == NULL)
            return NULL;
    }
    res = PyStructSequence_New((PyTypeObject *)ctx->vm.asyncgen_hooks_type);
    if (res == NULL)
        return NULL;
    PyStructSequence_SetItem(res, 0, Py_NewRef(ts->vm.asyncgen_firstiter
                                               ? ts->vm.asyncgen_firstiter : Py_None));
    PyStructSequence_SetItem(res, 1, Py_NewRef(ts->vm.asyncgen_finalizer
                                               ? ts->vm.asyncgen_finalizer : Py_None));
    return res;
}

PyObject *kr_asyncgen_set_hooks(PyObject *firstiter, PyObject *finalizer)
{
    PyThreadState *ts = kr_tstate_get();
    if (finalizer != NULL && finalizer != Py_None && !PyCallable_Check(finalizer)) {
        PyErr_Format(PyExc_TypeError, "callable finalizer expected, got %.50s",
                     Py_TYPE(finalizer)->tp_name);
        return NULL;
    }
    if (firstiter != NULL && firstiter != Py_None && !PyCallable_Check(firstiter)) {
        PyErr_Format(PyExc_TypeError, "callable firstiter expected, got %.50s",
                     Py_TYPE(firstiter)->tp_name);
        return NULL;
    }
    if (finalizer != NULL)
        Py_XSETREF(ts->vm.asyncgen_finalizer, finalizer == Py_None ? NULL : Py_NewRef(finalizer));
    if (firstiter != NULL)
        Py_XSETREF(ts->vm.asyncgen_firstiter, firstiter == Py_None ? NULL : Py_NewRef(firstiter));
    Py_RETURN_NONE;
}

void kr_vm_tstate_clear(PyThreadState *ts)
{
    Py_CLEAR(ts->vm.asyncgen_firstiter);
    Py_CLEAR(ts->vm.asyncgen_finalizer);
    kr_trace_tstate_clear(ts);
    while (ts->vm.chunk != NULL) {
        struct kr_frame_chunk *prev = ts->vm.chunk->previous;
        PyMem_RawFree(ts->vm.chunk);
        ts->vm.chunk = prev;
    }
}
