/* abi_exports.c: C API entry points CPython 3.11 exports as functions or
 * data although its headers mostly reach them through macros or other
 * names.  Extensions built for CPython (and languages that cannot expand
 * C macros) link against these symbols, so Krait exports them too.
 *
 * PyCode_New and PyCode_NewWithPosOnlyArgs take CPython bytecode, which
 * Krait cannot run (its instruction set differs, design section 10); the
 * code object they return carries the metadata, which is what extensions
 * use them for (Cython builds them so tracebacks show C functions), and
 * its body returns None. */
#include "internal.h"
#include "vm/code.h"
#include "vm/vm.h"
#include "runtime/runtime.h"

/* ---- PyRun_*: the macro forms as functions ---- */

#undef PyRun_String
#undef PyRun_AnyFile
#undef PyRun_AnyFileEx
#undef PyRun_AnyFileFlags
#undef PyRun_SimpleString
#undef PyRun_SimpleFile
#undef PyRun_SimpleFileEx
#undef PyRun_InteractiveOne
#undef PyRun_InteractiveLoop
#undef PyRun_File
#undef PyRun_FileEx
#undef PyRun_FileFlags

PyAPI_FUNC(PyObject *) PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals)
{
    return PyRun_StringFlags(str, start, globals, locals, NULL);
}

PyAPI_FUNC(int) PyRun_AnyFile(FILE *fp, const char *name)
{
    return PyRun_AnyFileExFlags(fp, name, 0, NULL);
}

PyAPI_FUNC(int) PyRun_AnyFileEx(FILE *fp, const char *name, int closeit)
{
    return PyRun_AnyFileExFlags(fp, name, closeit, NULL);
}

PyAPI_FUNC(int) PyRun_AnyFileFlags(FILE *fp, const char *name, PyCompilerFlags *flags)
{
    return PyRun_AnyFileExFlags(fp, name, 0, flags);
}

PyAPI_FUNC(int) PyRun_SimpleString(const char *s)
{
    return PyRun_SimpleStringFlags(s, NULL);
}

PyAPI_FUNC(int) PyRun_SimpleFile(FILE *f, const char *p)
{
    return PyRun_SimpleFileExFlags(f, p, 0, NULL);
}

PyAPI_FUNC(int) PyRun_SimpleFileEx(FILE *f, const char *p, int c)
{
    return PyRun_SimpleFileExFlags(f, p, c, NULL);
}

PyAPI_FUNC(int) PyRun_InteractiveOne(FILE *f, const char *p)
{
    return PyRun_InteractiveOneFlags(f, p, NULL);
}

PyAPI_FUNC(int) PyRun_InteractiveLoop(FILE *f, const char *p)
{
    return PyRun_InteractiveLoopFlags(f, p, NULL);
}

PyAPI_FUNC(PyObject *) PyRun_File(FILE *fp, const char *p, int s, PyObject *g, PyObject *l)
{
    return PyRun_FileExFlags(fp, p, s, g, l, 0, NULL);
}

PyAPI_FUNC(PyObject *) PyRun_FileEx(FILE *fp, const char *p, int s, PyObject *g, PyObject *l, int c)
{
    return PyRun_FileExFlags(fp, p, s, g, l, c, NULL);
}

PyAPI_FUNC(PyObject *) PyRun_FileFlags(FILE *fp, const char *p, int s, PyObject *g, PyObject *l,
                                       PyCompilerFlags *flags)
{
    return PyRun_FileExFlags(fp, p, s, g, l, 0, flags);
}

/* ---- code objects ---- */

/* The generator kinds are dropped: the body is not the given bytecode,
 * so it must not start a generator frame. */
#define KR_CODE_KIND_FLAGS (CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR)

PyCodeObject *PyCode_NewWithPosOnlyArgs(int argcount, int posonlyargcount, int kwonlyargcount,
                                        int nlocals, int stacksize, int flags, PyObject *code,
                                        PyObject *consts, PyObject *names, PyObject *varnames,
                                        PyObject *freevars, PyObject *cellvars, PyObject *filename,
                                        PyObject *name, PyObject *qualname_unused_in_311,
                                        int firstlineno, PyObject *linetable,
                                        PyObject *exceptiontable)
{
    if (!PyUnicode_Check(filename) || !PyUnicode_Check(name)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    const char *fn = PyUnicode_AsUTF8(filename), *nm = PyUnicode_AsUTF8(name);
    if (fn == NULL || nm == NULL)
        return NULL;
    PyCodeObject *co = PyCode_NewEmpty(fn, nm, firstlineno);
    if (co == NULL)
        return NULL;
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_flags = flags & ~KR_CODE_KIND_FLAGS;
    Py_SETREF(co->co_filename, Py_NewRef(filename));
    Py_SETREF(co->co_name, Py_NewRef(name));
    if (qualname_unused_in_311 != NULL && PyUnicode_Check(qualname_unused_in_311))
        Py_SETREF(co->co_qualname, Py_NewRef(qualname_unused_in_311));
    else
        Py_SETREF(co->co_qualname, Py_NewRef(name));
    return co;
}

/* CPython 3.11's PyCode_New has the same parameters (with a qualname)
 * minus posonlyargcount. */
PyCodeObject *PyCode_New(int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags,
                         PyObject *code, PyObject *consts, PyObject *names, PyObject *varnames,
                         PyObject *freevars, PyObject *cellvars, PyObject *filename, PyObject *name,
                         PyObject *qualname, int firstlineno, PyObject *linetable,
                         PyObject *exceptiontable)
{
    return PyCode_NewWithPosOnlyArgs(argcount, 0, kwonlyargcount, nlocals, stacksize, flags, code,
                                     consts, names, varnames, freevars, cellvars, filename, name,
                                     qualname, firstlineno, linetable, exceptiontable);
}

/* In 3.11 the peephole optimiser is gone and this returns the code. */
PyObject *PyCode_Optimize(PyObject *code, PyObject *consts, PyObject *names, PyObject *lnotab)
{
    return Py_NewRef(code);
}

/* Source span of the instruction at byte offset `addr` (CPython counts
 * two bytes per code unit; Krait's offsets are twice the word index). */
int PyCode_Addr2Location(PyCodeObject *co, int addr, int *start_line, int *start_column,
                         int *end_line, int *end_column)
{
    if (addr < 0 || addr / 2 >= co->co_ncode) {
        *start_line = *end_line = co->co_firstlineno;
        *start_column = *end_column = -1;
        return 0;
    }
    if (kr_code_location(co, addr / 2, start_line, end_line, start_column, end_column) < 0) {
        PyErr_Clear();
        *start_line = *end_line = co->co_firstlineno;
        *start_column = *end_column = -1;
        return 0;
    }
    return 1;
}

/* ---- tracebacks ---- */

/* Writes "Traceback (most recent call last):" and the entries of tb to
 * the file object f, as CPython's PyTraceBack_Print does. */
int PyTraceBack_Print(PyObject *tb, PyObject *f)
{
    if (tb == NULL)
        return 0;
    if (!PyTraceBack_Check(tb)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *lines = PyList_New(0);
    if (lines == NULL)
        return -1;
    int rc = kr_format_tb(tb, lines);
    for (Py_ssize_t i = 0; rc == 0 && i < PyList_GET_SIZE(lines); i++)
        rc = PyFile_WriteObject(PyList_GET_ITEM(lines, i), f, Py_PRINT_RAW);
    Py_DECREF(lines);
    return rc;
}

/* ---- frozen modules and alternative mains ---- */

/* Krait has no frozen modules; an embedder may point this at its own
 * table before start-up, as with CPython (start-up configuration). */
static const struct _frozen kr_no_frozen_modules[] = {{NULL, NULL, 0, 0, NULL}};
const struct _frozen *PyImport_FrozenModules = kr_no_frozen_modules;

/* A frozen application's main: the ordinary command line. */
int Py_FrozenMain(int argc, char **argv)
{
    return Py_BytesMain(argc, argv);
}

/* Runs the program that the configuration given to Py_InitializeFromConfig
 * named through sys.argv: a script, or the interactive loop; then
 * finalises.  Returns the exit status. */
int Py_RunMain(void)
{
    int status = 0;
    const char *script = NULL;
    PyObject *argv = PySys_GetObject("argv");
    if (argv != NULL && PyList_Check(argv) && PyList_GET_SIZE(argv) > 0 &&
        PyUnicode_Check(PyList_GET_ITEM(argv, 0)))
        script = PyUnicode_AsUTF8(PyList_GET_ITEM(argv, 0));
    if (script != NULL && script[0] != '\0' && strcmp(script, "-c") != 0 && strcmp(script, "-") != 0) {
        FILE *f = fopen(script, "rb");
        if (f == NULL) {
            fprintf(stderr, "krait: can't open file '%s': [Errno %d] %s\n", script, errno, strerror(errno));
            status = 2;
        } else {
            status = PyRun_SimpleFileExFlags(f, script, 1, NULL) != 0;
        }
    } else {
        PyErr_Clear();
        status = PyRun_InteractiveLoopFlags(stdin, "<stdin>", NULL) != 0;
    }
    if (Py_FinalizeEx() < 0 && status == 0)
        status = 120;
    return status;
}
