/* test_capi.c: the runtime's C API as an embedding application or an
 * extension uses it: the error indicator, exception objects, capsules,
 * struct sequences, thread locks and TSS, weak references, warnings. */
#include "Python.h"
#include "krait.h"

static int failures, ntest;

static void check(int cond, const char *what)
{
    ntest++;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", ntest, what);
    if (!cond)
        failures++;
}

static int destructor_ran;
static void capsule_destructor(PyObject *cap) { destructor_ran++; }

static PyStructSequence_Field point_fields[] = {
    {"x", "x coordinate"}, {"y", "y coordinate"}, {"label", "hidden label"}, {NULL, NULL}};
static PyStructSequence_Desc point_desc = {"geo.Point", "a point", point_fields, 2};

int main(void)
{
    Py_Initialize();

    /* ---- the error indicator ---- */
    check(PyErr_Occurred() == NULL, "no error at start");
    PyErr_SetString(PyExc_ValueError, "bad value");
    check(PyErr_Occurred() == PyExc_ValueError, "PyErr_Occurred gives the type");
    check(PyErr_ExceptionMatches(PyExc_Exception), "matches a base class");
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    check(t == PyExc_ValueError && PyExceptionInstance_Check(v) && tb == NULL, "Fetch gives a normalised instance");
    PyObject *s = PyObject_Str(v);
    check(s && strcmp(PyUnicode_AsUTF8(s), "bad value") == 0, "message kept");
    Py_XDECREF(s);
    PyErr_Restore(t, v, tb);
    PyErr_Clear();
    check(PyErr_Occurred() == NULL, "cleared");

    PyErr_Format(PyExc_TypeError, "%s got %d", "f", 3);
    PyObject *exc = PyErr_GetRaisedException();
    s = PyObject_Str(exc);
    check(s && strcmp(PyUnicode_AsUTF8(s), "f got 3") == 0, "PyErr_Format");
    Py_XDECREF(s);
    Py_DECREF(exc);

    PyErr_Restore(Py_NewRef(PyExc_KeyError), Py_NewRef(Py_None), NULL);
    PyErr_Fetch(&t, &v, &tb);
    check(t == PyExc_KeyError && PyObject_TypeCheck(v, (PyTypeObject *)PyExc_KeyError), "Restore normalises");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

    t = Py_NewRef(PyExc_OSError);
    v = Py_BuildValue("(is)", 2, "No such file");
    tb = NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    check(t == PyExc_FileNotFoundError, "NormalizeException picks the OSError subclass");
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

    errno = ENOENT;
    PyErr_SetFromErrnoWithFilename(PyExc_OSError, "missing.txt");
    exc = PyErr_GetRaisedException();
    s = exc ? PyObject_Str(exc) : NULL;
    check(exc && Py_TYPE(exc) == (PyTypeObject *)PyExc_FileNotFoundError && s &&
          strcmp(PyUnicode_AsUTF8(s), "[Errno 2] No such file or directory: 'missing.txt'") == 0,
          "PyErr_SetFromErrnoWithFilename");
    Py_XDECREF(s);
    Py_XDECREF(exc);

    PyErr_NoMemory();
    check(PyErr_ExceptionMatches(PyExc_MemoryError), "PyErr_NoMemory");
    PyErr_Clear();

    check(PyErr_GivenExceptionMatches(PyExc_KeyError, PyExc_LookupError), "subclass matches");
    PyObject *tup = PyTuple_Pack(2, PyExc_TypeError, PyExc_KeyError);
    check(PyErr_GivenExceptionMatches(PyExc_KeyError, tup), "tuple matches");
    check(!PyErr_GivenExceptionMatches(PyExc_ValueError, tup), "tuple does not match");
    Py_DECREF(tup);

    PyObject *cls = PyErr_NewException("mymod.MyError", PyExc_RuntimeError, NULL);
    check(cls && PyExceptionClass_Check(cls), "PyErr_NewException");
    PyObject *modname = cls ? PyObject_GetAttrString(cls, "__module__") : NULL;
    check(modname && strcmp(PyUnicode_AsUTF8(modname), "mymod") == 0, "its __module__");
    Py_XDECREF(modname);
    PyErr_SetString(cls, "custom");
    check(PyErr_ExceptionMatches(PyExc_RuntimeError), "custom exception raised");
    PyErr_Clear();
    Py_XDECREF(cls);

    /* chaining from C */
    PyErr_SetString(PyExc_KeyError, "first");
    _PyErr_FormatFromCause(PyExc_RuntimeError, "second");
    exc = PyErr_GetRaisedException();
    PyObject *cause = exc ? PyException_GetCause(exc) : NULL;
    check(cause && Py_TYPE(cause) == (PyTypeObject *)PyExc_KeyError, "_PyErr_FormatFromCause");
    Py_XDECREF(cause);
    Py_XDECREF(exc);

    PyObject *ue = PyUnicodeDecodeError_Create("utf-8", "\xff", 1, 0, 1, "invalid start byte");
    s = ue ? PyObject_Str(ue) : NULL;
    check(s && strcmp(PyUnicode_AsUTF8(s), "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte") == 0,
          "PyUnicodeDecodeError_Create");
    Py_ssize_t start = -1;
    check(ue && PyUnicodeDecodeError_GetStart(ue, &start) == 0 && start == 0, "GetStart");
    Py_XDECREF(s);
    Py_XDECREF(ue);

    /* ---- capsules ---- */
    static int payload = 42;
    PyObject *cap = PyCapsule_New(&payload, "test.cap", capsule_destructor);
    check(cap && PyCapsule_IsValid(cap, "test.cap"), "capsule valid");
    check(PyCapsule_GetPointer(cap, "test.cap") == &payload, "capsule pointer");
    check(PyCapsule_GetPointer(cap, "other") == NULL && PyErr_ExceptionMatches(PyExc_ValueError), "wrong name refused");
    PyErr_Clear();
    PyCapsule_SetContext(cap, &payload);
    check(PyCapsule_GetContext(cap) == &payload, "capsule context");
    Py_DECREF(cap);
    check(destructor_ran == 1, "capsule destructor");
    check(PyCapsule_New(NULL, "x", NULL) == NULL, "NULL pointer refused");
    PyErr_Clear();

    /* ---- struct sequences ---- */
    PyTypeObject *pt = PyStructSequence_NewType(&point_desc);
    check(pt != NULL, "PyStructSequence_NewType");
    PyObject *p = pt ? PyStructSequence_New(pt) : NULL;
    if (p) {
        PyStructSequence_SetItem(p, 0, PyLong_FromLong(1));
        PyStructSequence_SetItem(p, 1, PyLong_FromLong(2));
        PyStructSequence_SetItem(p, 2, PyUnicode_FromString("origin"));
        PyObject *r = PyObject_Repr(p);
        check(r && strcmp(PyUnicode_AsUTF8(r), "geo.Point(x=1, y=2)") == 0, "struct sequence repr");
        Py_XDECREF(r);
        check(PyObject_Length(p) == 2, "visible length");
        PyObject *label = PyObject_GetAttrString(p, "label");
        check(label && PyUnicode_Check(label), "hidden field by name");
        Py_XDECREF(label);
        Py_DECREF(p);
    }
    Py_XDECREF(pt);

    /* ---- locks and TSS ---- */
    PyThread_type_lock lock = PyThread_allocate_lock();
    check(lock && PyThread_acquire_lock(lock, WAIT_LOCK) == 1, "lock acquired");
    check(PyThread_acquire_lock(lock, NOWAIT_LOCK) == 0, "second acquire fails");
    check(PyThread_acquire_lock_timed(lock, 1000, 0) == PY_LOCK_FAILURE, "timed acquire times out");
    PyThread_release_lock(lock);
    check(PyThread_acquire_lock(lock, NOWAIT_LOCK) == 1, "acquire after release");
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
    Py_tss_t key = Py_tss_NEEDS_INIT;
    check(PyThread_tss_create(&key) == 0 && PyThread_tss_is_created(&key), "tss created");
    PyThread_tss_set(&key, &payload);
    check(PyThread_tss_get(&key) == &payload, "tss value");
    PyThread_tss_delete(&key);
    check(PyThread_get_thread_ident() != 0, "thread ident");

    /* ---- weak references ---- */
    PyRun_SimpleString("class K: pass\nk = K()\n");
    PyObject *mainmod = PyImport_AddModule("__main__");
    PyObject *k = PyDict_GetItemString(PyModule_GetDict(mainmod), "k");
    PyObject *wr = PyWeakref_NewRef(k, NULL);
    check(wr && PyWeakref_GetObject(wr) == k, "weak reference to k");
    PyDict_DelItemString(PyModule_GetDict(mainmod), "k");
    check(PyWeakref_GetObject(wr) == Py_None, "dead after k is deleted");
    Py_XDECREF(wr);
    check(PyWeakref_NewRef(Py_None, NULL) == NULL && PyErr_ExceptionMatches(PyExc_TypeError), "None refused");
    PyErr_Clear();

    /* ---- warnings from C: turned into an error by a filter ---- */
    PyRun_SimpleString("import _warnings\n_warnings.filters.insert(0, ('error', None, UserWarning, None, 0))\n_warnings._filters_mutated()\n");
    check(PyErr_WarnEx(PyExc_UserWarning, "as error", 1) == -1 && PyErr_ExceptionMatches(PyExc_UserWarning),
          "PyErr_WarnEx raises under an error filter");
    PyErr_Clear();

    /* ---- running code ---- */
    PyObject *d = PyModule_GetDict(mainmod);
    PyObject *res = PyRun_String("6 * 7", Py_eval_input, d, d);
    check(res && PyLong_AsLong(res) == 42, "PyRun_String eval");
    Py_XDECREF(res);
    check(PyRun_SimpleString("x = 1/0") == -1, "PyRun_SimpleString reports errors");

    check(Py_FinalizeEx() == 0, "Py_FinalizeEx");
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
