/* errors.c: SyntaxError creation for the compiler area.
 *
 * Parser errors arrive as kr_parse_error (columns already 1-based
 * characters, text included); symbol-table and code-generation errors
 * arrive as AST positions (0-based byte columns).  CPython reports the
 * latter as byte offset + 1 and fetches the line text by re-reading the
 * file named by the code's filename (None when there is no such file),
 * and Krait does the same so that tracebacks print identically. */
#include "internal.h"
#include "compiler/compiler.h"
#include "compiler/compiler_internal.h"

PyObject *
kr_syntax_error_raise(PyObject *type, const char *msg, PyObject *filename,
                      int lineno, int offset, int end_lineno, int end_offset,
                      const char *text)
{
    PyObject *m = NULL, *t = NULL, *info = NULL, *args = NULL, *exc = NULL;
    m = PyUnicode_FromString(msg);
    if (m == NULL)
        goto done;
    if (text != NULL) {
        t = PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text), "replace");
        if (t == NULL)
            goto done;
    } else {
        t = Py_None;
        Py_INCREF(t);
    }
    /* INT_MIN stands for None (CPython leaves such attributes unset) */
    {
        PyObject *el = end_lineno == INT_MIN ? (Py_INCREF(Py_None), Py_None)
                                             : PyLong_FromLong(end_lineno);
        PyObject *eo = end_offset == INT_MIN ? (Py_INCREF(Py_None), Py_None)
                                             : PyLong_FromLong(end_offset);
        PyObject *of = offset == INT_MIN ? (Py_INCREF(Py_None), Py_None)
                                         : PyLong_FromLong(offset);
        if (el && eo && of)
            info = Py_BuildValue("(OiOOOO)", filename ? filename : Py_None, lineno,
                                 of, t, el, eo);
        Py_XDECREF(el);
        Py_XDECREF(eo);
        Py_XDECREF(of);
    }
    if (info == NULL)
        goto done;
    args = PyTuple_Pack(2, m, info);
    if (args == NULL)
        goto done;
    exc = PyObject_Call(type, args, NULL);
    if (exc == NULL)
        goto done;
    PyErr_SetObject(type, exc);
done:
    Py_XDECREF(m);
    Py_XDECREF(t);
    Py_XDECREF(info);
    Py_XDECREF(args);
    Py_XDECREF(exc);
    return NULL;
}

/* Line `lineno` of the file `filename`, as CPython's
 * PyErr_ProgramTextObject: malloc'd, or NULL when unreadable. */
static char *
kr_read_program_line(PyObject *filename, int lineno)
{
    if (filename == NULL || !PyUnicode_Check(filename) || lineno < 1)
        return NULL;
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    int line = 1, c;
    while (buf != NULL && (c = getc(fp)) != EOF) {
        if (line == lineno) {
            if (len + 2 >= cap) {
                char *nb = realloc(buf, cap *= 2);
                if (nb == NULL) {
                    free(buf);
                    buf = NULL;
                    break;
                }
                buf = nb;
            }
            buf[len++] = (char)c;
        }
        if (c == '\n') {
            if (line == lineno)
                break;
            line++;
        }
    }
    fclose(fp);
    if (buf == NULL || line != lineno || len == 0) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

PyObject *
kr_compiler_error_at(PyObject *type, PyObject *filename, const char *msg,
                     int lineno, int col, int end_lineno, int end_col)
{
    char *text = kr_read_program_line(filename, lineno);
    kr_syntax_error_raise(type ? type : PyExc_SyntaxError, msg, filename,
                          lineno, col + 1, end_lineno,
                          end_col == INT_MIN ? INT_MIN : end_col + 1, text);
    free(text);
    return NULL;
}
