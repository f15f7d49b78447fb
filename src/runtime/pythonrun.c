/* pythonrun.c: running source code from C (pythonrun.h): strings, files,
 * and the interactive loop.  Compiling is the compiler area's
 * (kr_compile_source), evaluating the vm's (PyEval_EvalCode); this file
 * glues them to the __main__ module and to error printing. */
#include "internal.h"
#include "runtime/runtime.h"
#include "objects/str_ids.h"

PyObject *kr_main_dict(void)
{
    PyObject *m = PyImport_AddModule("__main__");   /* borrowed */
    if (m == NULL)
        return NULL;
    PyObject *d = PyModule_GetDict(m);
    if (d == NULL)
        return NULL;
    if (PyDict_GetItemString(d, "__builtins__") == NULL) {
        PyObject *b = PyImport_AddModule("builtins");
        if (b == NULL || PyDict_SetItemString(d, "__builtins__", b) < 0)
            return NULL;
    }
    return d;
}

PyObject *kr_run_source(const char *src, Py_ssize_t len, PyObject *filename, int start,
                        PyObject *globals, PyObject *locals, PyCompilerFlags *flags)
{
    PyObject *code = kr_compile_source(src, len, filename, start, flags, -1);
    if (code == NULL)
        return NULL;
    PyObject *r = PyEval_EvalCode(code, globals, locals ? locals : globals);
    Py_DECREF(code);
    return r;
}

static PyObject *run_cstring_name(const char *str, const char *name, int start,
                                  PyObject *globals, PyObject *locals, PyCompilerFlags *flags)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(name);
    if (fn == NULL)
        return NULL;
    PyObject *r = kr_run_source(str, (Py_ssize_t)strlen(str), fn, start, globals, locals, flags);
    Py_DECREF(fn);
    return r;
}

PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals,
                            PyCompilerFlags *flags)
{
    return run_cstring_name(str, "<string>", start, globals, locals, flags);
}

int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags)
{
    PyObject *d = kr_main_dict();
    if (d == NULL)
        return -1;
    PyObject *r = run_cstring_name(command, "<string>", Py_file_input, d, d, flags);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* The whole contents of fp, NUL-terminated, in *out (malloc'd). */
static int read_file(FILE *fp, char **out, size_t *outlen)
{
    size_t cap = 8192, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return -1;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0)
            break;
    }
    buf[len] = '\0';
    *out = buf;
    *outlen = len;
    return 0;
}

PyObject *PyRun_FileExFlags(FILE *fp, const char *filename, int start, PyObject *globals,
                            PyObject *locals, int closeit, PyCompilerFlags *flags)
{
    char *src;
    size_t len;
    int r = read_file(fp, &src, &len);
    if (closeit)
        fclose(fp);
    if (r < 0)
        return PyErr_NoMemory();
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    PyObject *res = NULL;
    if (fn != NULL) {
        res = kr_run_source(src, (Py_ssize_t)len, fn, start, globals, locals, flags);
        Py_DECREF(fn);
    }
    free(src);
    return res;
}

int kr_run_main_file(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags)
{
    PyObject *d = kr_main_dict();
    if (d == NULL) {
        if (closeit)
            fclose(fp);
        PyErr_Print();
        return -1;
    }
    int set_file = 0;
    if (PyDict_GetItemString(d, "__file__") == NULL) {
        PyObject *f = PyUnicode_DecodeFSDefault(filename);
        if (f == NULL || PyDict_SetItemString(d, "__file__", f) < 0) {
            Py_XDECREF(f);
            if (closeit)
                fclose(fp);
            PyErr_Print();
            return -1;
        }
        Py_DECREF(f);
        set_file = 1;
    }
    PyObject *r = PyRun_FileExFlags(fp, filename, Py_file_input, d, d, closeit, flags);
    int status = 0;
    if (r == NULL) {
        PyErr_Print();
        status = -1;
    }
    Py_XDECREF(r);
    if (set_file && PyDict_DelItemString(d, "__file__") < 0)
        PyErr_Clear();
    return status;
}

int PyRun_SimpleFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags)
{
    return kr_run_main_file(fp, filename, closeit, flags);
}

int PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags)
{
    if (filename == NULL)
        filename = "???";
    if (Py_FdIsInteractive(fp, filename)) {
        int r = PyRun_InteractiveLoopFlags(fp, filename, flags);
        if (closeit)
            fclose(fp);
        return r;
    }
    return PyRun_SimpleFileExFlags(fp, filename, closeit, flags);
}

/* ---- the interactive loop ---- */

/* sys.ps1/ps2 as C text (the caller owns *tmp). */
static const char *prompt(const char *name, const char *dflt, PyObject **tmp)
{
    *tmp = NULL;
    PyObject *v = PySys_GetObject(name);
    if (v == NULL)
        return dflt;
    *tmp = PyObject_Str(v);
    if (*tmp == NULL) {
        PyErr_Clear();
        return dflt;
    }
    const char *s = PyUnicode_AsUTF8(*tmp);
    if (s == NULL) {
        PyErr_Clear();
        return dflt;
    }
    return s;
}

char *PyOS_Readline(FILE *in, FILE *out, const char *p)
{
    if (p != NULL && *p) {
        fputs(p, stderr);
        fflush(stderr);
    }
    fflush(out);
    char *line = NULL;
    size_t cap = 0;
    PyThreadState *save = kr_tstate_get() ? PyEval_SaveThread() : NULL;
    ssize_t n = getline(&line, &cap, in);
    if (save)
        PyEval_RestoreThread(save);
    char *r = PyMem_RawMalloc(n > 0 ? (size_t)n + 1 : 1);
    if (r != NULL) {
        if (n > 0)
            memcpy(r, line, (size_t)n);
        r[n > 0 ? n : 0] = '\0';
    }
    free(line);
    return r;
}

/* Whether the pending SyntaxError only says that the input stopped too
 * early (then the loop reads more lines).  "incomplete input" is what the
 * compiler reports under PyCF_ALLOW_INCOMPLETE_INPUT; the other messages
 * are what it reports without that support, at the end of the text. */
static int is_incomplete(void)
{
    if (!PyErr_ExceptionMatches(PyExc_SyntaxError))
        return 0;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *msg = PyObject_GetAttrString(exc, "msg");
    const char *m = (msg && PyUnicode_Check(msg)) ? PyUnicode_AsUTF8(msg) : NULL;
    int inc = 0;
    if (m != NULL) {
        size_t n = strlen(m);
        inc = strcmp(m, "incomplete input") == 0 ||
              strncmp(m, "expected an indented block", 26) == 0 ||
              strncmp(m, "unterminated triple-quoted string", 33) == 0 ||
              (n > 16 && strcmp(m + n - 16, "was never closed") == 0);
    }
    Py_XDECREF(msg);
    PyErr_Clear();
    if (inc)
        Py_DECREF(exc);
    else
        PyErr_SetRaisedException(exc);
    return inc;
}

/* One statement: 0 on success or handled error, -1 at EOF (E_EOF). */
int PyRun_InteractiveOneObject(FILE *fp, PyObject *filename, PyCompilerFlags *flags)
{
    PyObject *d = kr_main_dict();
    if (d == NULL)
        return -1;
    PyObject *tmp;
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return -1;
    buf[0] = '\0';
    int first = 1;
    for (;;) {
        const char *p = first ? prompt("ps1", ">>> ", &tmp) : prompt("ps2", "... ", &tmp);
        char *line = PyOS_Readline(fp, stdout, p);
        Py_XDECREF(tmp);
        if (line == NULL) {
            free(buf);
            return -1;
        }
        size_t n = strlen(line);
        if (n == 0) {
            PyMem_RawFree(line);
            if (first) {
                fputc('\n', stderr);
                free(buf);
                return -1;   /* EOF */
            }
            break;   /* EOF inside a block: run what we have */
        }
        if (len + n + 2 > cap) {
            while (len + n + 2 > cap)
                cap *= 2;
            char *nb = realloc(buf, cap);
            if (nb == NULL) {
                PyMem_RawFree(line);
                free(buf);
                return -1;
            }
            buf = nb;
        }
        memcpy(buf + len, line, n + 1);
        len += n;
        PyMem_RawFree(line);
        int blank = 1;
        for (size_t i = len - n; i < len; i++)
            if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n' && buf[i] != '\r')
                blank = 0;
        if (!first && blank)
            break;   /* an empty line ends a compound statement */
        PyCompilerFlags cf = flags ? *flags : (PyCompilerFlags)_PyCompilerFlags_INIT;
        cf.cf_flags |= PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT;
        PyObject *code = kr_compile_source(buf, (Py_ssize_t)len, filename, Py_single_input, &cf, -1);
        if (code != NULL) {
            Py_DECREF(code);
            /* Complete, but a compound statement goes on until a blank line. */
            int compound = buf[len - 1] == '\n' && len >= 2 && buf[len - 2] == ':';
            if (!compound && (first || blank))
                break;
        }
        else if (!is_incomplete()) {
            /* a real error: report it; the statement is done */
            free(buf);
            PyErr_Print();
            return 0;
        }
        first = 0;
    }
    PyObject *r = kr_run_source(buf, (Py_ssize_t)len, filename, Py_single_input, d, d, flags);
    free(buf);
    if (r == NULL) {
        PyErr_Print();
        return 0;
    }
    Py_DECREF(r);
    PyObject *out = PySys_GetObject("stdout");
    if (out != NULL && out != Py_None) {
        PyObject *fr = PyObject_CallMethod(out, "flush", NULL);
        if (fr == NULL)
            PyErr_Clear();
        Py_XDECREF(fr);
    }
    return 0;
}

int PyRun_InteractiveOneFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL) {
        PyErr_Print();
        return -1;
    }
    int r = PyRun_InteractiveOneObject(fp, fn, flags);
    Py_DECREF(fn);
    return r;
}

int PyRun_InteractiveLoopFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL) {
        PyErr_Print();
        return -1;
    }
    /* sys.ps1/ps2 exist while the loop runs, as in CPython. */
    if (PySys_GetObject("ps1") == NULL) {
        PyObject *v = PyUnicode_FromString(">>> ");
        if (v == NULL || PySys_SetObject("ps1", v) < 0)
            PyErr_Clear();
        Py_XDECREF(v);
    }
    if (PySys_GetObject("ps2") == NULL) {
        PyObject *v = PyUnicode_FromString("... ");
        if (v == NULL || PySys_SetObject("ps2", v) < 0)
            PyErr_Clear();
        Py_XDECREF(v);
    }
    while (PyRun_InteractiveOneObject(fp, fn, flags) == 0)
        ;
    Py_DECREF(fn);
    return 0;
}
