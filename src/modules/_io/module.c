/* module.c: the _io module object and its functions: open(), open_code(),
 * text_encoding(), plus the module's one piece of per-context state, the
 * UnsupportedOperation class (a subclass of OSError and ValueError, made
 * when the module is created, as CPython does).
 *
 * open() builds the usual stack: FileIO, then a Buffered* chosen by the
 * mode, then a TextIOWrapper for text modes. */
#include "modules/_io/io_internal.h"
#include "capi/argparse.h"
#include "modules/modules.h"
#include "objects/str_ids.h"
#include "runtime/context.h"
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    PyObject *unsupported_operation;
} kr_io_state;

static int io_traverse(PyObject *m, visitproc visit, void *arg)
{
    kr_io_state *st = PyModule_GetState(m);
    if (st != NULL)
        Py_VISIT(st->unsupported_operation);
    return 0;
}

static int io_clear(PyObject *m)
{
    kr_io_state *st = PyModule_GetState(m);
    if (st != NULL)
        Py_CLEAR(st->unsupported_operation);
    return 0;
}

static void io_free(void *m) { io_clear((PyObject *)m); }

static struct PyModuleDef io_module_def;

PyObject *kr_io_unsupported_class(void)
{
    PyObject *m = PyState_FindModule(&io_module_def);
    if (m == NULL) {
        /* Not created yet in this context (a class was reached some other
         * way): importing creates it. */
        PyObject *mod = PyImport_ImportModule("_io");
        if (mod == NULL)
            return NULL;
        Py_DECREF(mod);
        m = PyState_FindModule(&io_module_def);
        if (m == NULL) {
            PyErr_SetString(PyExc_SystemError, "_io module state is missing");
            return NULL;
        }
    }
    kr_io_state *st = PyModule_GetState(m);
    return st->unsupported_operation;
}

PyObject *kr_io_unsupported(const char *msg)
{
    PyObject *cls = kr_io_unsupported_class();
    if (cls != NULL)
        PyErr_SetString(cls, msg);
    return NULL;
}

PyObject *kr_io_closed_error(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
    return NULL;
}

int kr_io_size_arg(PyObject *arg, Py_ssize_t *out)
{
    if (arg == NULL || arg == Py_None) {
        *out = -1;
        return 0;
    }
    if (!PyIndex_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred())
        return -1;
    *out = n;
    return 0;
}

int kr_io_seek_arg(PyObject *arg, Py_ssize_t *out)
{
    PyObject *v = PyNumber_Index(arg);
    if (v == NULL)
        return -1;
    Py_ssize_t n = PyLong_AsSsize_t(v);
    Py_DECREF(v);
    if (n == -1 && PyErr_Occurred())
        return -1;
    *out = n;
    return 0;
}

int kr_io_offset_arg(PyObject *arg, off_t *out)
{
    PyObject *v = PyNumber_Index(arg);
    if (v == NULL)
        return -1;
    long long r = PyLong_AsLongLong(v);
    Py_DECREF(v);
    if (r == -1 && PyErr_Occurred())
        return -1;
    *out = (off_t)r;
    return 0;
}

/* A str-or-None argument of open(); sets *out to NULL for None. */
static int str_or_none(PyObject *v, const char *what, const char **out)
{
    if (v == NULL || v == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "open() argument '%s' must be str or None, not %.200s",
                     what, Py_TYPE(v)->tp_name);
        return -1;
    }
    *out = PyUnicode_AsUTF8(v);
    return *out == NULL ? -1 : 0;
}

static PyObject *io_open(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                         PyObject *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener", NULL};
    static const kr_argspec spec = {"open", names, 0, 1, 8};
    PyObject *a[8];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PyObject *file = a[0], *opener = a[7] ? a[7] : Py_None;
    const char *mode = "r", *encoding, *errors, *newline;
    int buffering = -1, closefd = 1;
    if (a[1] != NULL) {
        if (!PyUnicode_Check(a[1])) {
            PyErr_Format(PyExc_TypeError, "open() argument 'mode' must be str, not %.200s",
                         Py_TYPE(a[1])->tp_name);
            return NULL;
        }
        mode = PyUnicode_AsUTF8(a[1]);
        if (mode == NULL)
            return NULL;
    }
    if (a[2] != NULL) {
        buffering = _PyLong_AsInt(a[2]);
        if (buffering == -1 && PyErr_Occurred())
            return NULL;
    }
    if (str_or_none(a[3], "encoding", &encoding) < 0 ||
        str_or_none(a[4], "errors", &errors) < 0 || str_or_none(a[5], "newline", &newline) < 0)
        return NULL;
    if (a[6] != NULL) {
        closefd = _PyLong_AsInt(a[6]);
        if (closefd == -1 && PyErr_Occurred())
            return NULL;
    }
    if (!PyLong_Check(file) && !PyUnicode_Check(file) && !PyBytes_Check(file)) {
        file = PyOS_FSPath(file);
        if (file == NULL)
            return NULL;
    } else {
        Py_INCREF(file);
    }

    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0,
        binary = 0;
    char rawmode[6], *m = rawmode;
    int bad = 0;
    for (const char *p = mode; *p; p++) {
        int *flag;
        switch (*p) {
        case 'x': flag = &creating; break;
        case 'r': flag = &reading; break;
        case 'w': flag = &writing; break;
        case 'a': flag = &appending; break;
        case '+': flag = &updating; break;
        case 't': flag = &text; break;
        case 'b': flag = &binary; break;
        default: flag = NULL; break;
        }
        if (flag == NULL || *flag) {
            bad = 1;
            break;
        }
        *flag = 1;
    }
    if (bad) {
        PyErr_Format(PyExc_ValueError, "invalid mode: '%s'", mode);
        goto fail;
    }
    if (creating) *m++ = 'x';
    if (reading) *m++ = 'r';
    if (writing) *m++ = 'w';
    if (appending) *m++ = 'a';
    if (updating) *m++ = '+';
    *m = '\0';
    if (text && binary) {
        PyErr_SetString(PyExc_ValueError, "can't have text and binary mode at once");
        goto fail;
    }
    if (creating + reading + writing + appending > 1) {
        PyErr_SetString(PyExc_ValueError,
                        "must have exactly one of create/read/write/append mode");
        goto fail;
    }
    if (binary && encoding != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an encoding argument");
        goto fail;
    }
    if (binary && errors != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an errors argument");
        goto fail;
    }
    if (binary && newline != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take a newline argument");
        goto fail;
    }
    if (binary && buffering == 1) {
        if (PyErr_WarnEx(PyExc_RuntimeWarning,
                         "line buffering (buffering=1) isn't supported in binary mode, the "
                         "default buffer size will be used", 1) < 0)
            goto fail;
    }

    PyObject *raw = PyObject_CallFunction((PyObject *)&PyFileIO_Type, "OsOO", file, rawmode,
                                          closefd ? Py_True : Py_False, opener);
    Py_DECREF(file);
    file = NULL;
    if (raw == NULL)
        return NULL;
    PyObject *result = raw, *buffer = NULL;

    int isatty = 0;
    if (buffering == 1 || buffering < 0) {
        PyObject *r = PyObject_CallMethodNoArgs(raw, KR_ID(isatty));
        if (r == NULL)
            goto fail_result;
        isatty = PyObject_IsTrue(r);
        Py_DECREF(r);
        if (isatty < 0)
            goto fail_result;
    }
    int line_buffering = buffering == 1 || (buffering < 0 && isatty);
    if (buffering == 1 || buffering < 0) {
        buffering = KR_IO_DEFAULT_BUFFER_SIZE;
        if (Py_IS_TYPE(raw, &PyFileIO_Type) && ((kr_fileio *)raw)->blksize > 1)
            buffering = (int)((kr_fileio *)raw)->blksize;
    }
    if (buffering == 0) {
        if (binary)
            return result;
        PyErr_SetString(PyExc_ValueError, "can't have unbuffered text I/O");
        goto fail_result;
    }
    PyTypeObject *bcls = updating ? &PyBufferedRandom_Type
                         : (writing || creating || appending) ? &PyBufferedWriter_Type
                                                               : &PyBufferedReader_Type;
    buffer = PyObject_CallFunction((PyObject *)bcls, "Oi", raw, buffering);
    if (buffer == NULL)
        goto fail_result;
    result = buffer;
    Py_DECREF(raw);
    if (binary)
        return result;
    PyObject *wrapper = PyObject_CallFunction((PyObject *)&PyTextIOWrapper_Type, "OsssO", buffer,
                                              encoding, errors, newline,
                                              line_buffering ? Py_True : Py_False);
    if (wrapper == NULL)
        goto fail_result;
    result = wrapper;
    Py_DECREF(buffer);
    PyObject *modeobj = PyUnicode_FromString(mode);
    if (modeobj == NULL || PyObject_SetAttr(wrapper, KR_ID(mode), modeobj) < 0) {
        Py_XDECREF(modeobj);
        goto fail_result;
    }
    Py_DECREF(modeobj);
    return result;

fail_result: {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *r = PyObject_CallMethodNoArgs(result, KR_ID(close));
        if (r == NULL)
            _PyErr_ChainExceptions1(exc);
        else {
            Py_DECREF(r);
            PyErr_SetRaisedException(exc);
        }
        Py_DECREF(result);
        return NULL;
    }
fail:
    Py_XDECREF(file);
    return NULL;
}

static PyObject *io_open_code(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    static const kr_argspec spec = {"open_code", names, 0, 1, 1};
    PyObject *a[1];
    if (kr_args_unpack(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!PyUnicode_Check(a[0])) {
        PyErr_Format(PyExc_TypeError, "open_code() argument 'path' must be str, not %.200s",
                     Py_TYPE(a[0])->tp_name);
        return NULL;
    }
    PyObject *mode = PyUnicode_FromString("rb");
    if (mode == NULL)
        return NULL;
    PyObject *argv[2] = {a[0], mode};
    PyObject *r = io_open(module, argv, 2, NULL);
    Py_DECREF(mode);
    return r;
}

static PyObject *io_text_encoding(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("text_encoding", nargs, 1, 2))
        return NULL;
    if (nargs == 2) {
        int level = _PyLong_AsInt(args[1]);
        if (level == -1 && PyErr_Occurred())
            return NULL;
    }
    if (args[0] != Py_None)
        return Py_NewRef(args[0]);
    return PyUnicode_FromString("locale");
}

static PyMethodDef io_methods[] = {
    {"open", (PyCFunction)(void (*)(void))io_open, METH_FASTCALL | METH_KEYWORDS,
     "Open file and return a stream.  Raise OSError upon failure."},
    {"open_code", (PyCFunction)(void (*)(void))io_open_code, METH_FASTCALL | METH_KEYWORDS,
     "Opens the provided file with the intent to import the contents."},
    {"text_encoding", (PyCFunction)(void (*)(void))io_text_encoding, METH_FASTCALL,
     "A helper function to choose the text encoding."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef io_module_def = {
    /* CPython names the module "io" here too, so _io.__name__ and
     * open.__module__ say "io" */
    PyModuleDef_HEAD_INIT, "io",
    "The io module provides the Python interfaces to stream handling.",
    sizeof(kr_io_state), io_methods, NULL, io_traverse, io_clear, io_free,
};

PyObject *PyInit__io(void)
{
    PyObject *m = PyModule_Create(&io_module_def);
    if (m == NULL)
        return NULL;
    kr_io_state *st = PyModule_GetState(m);
    PyObject *bases = PyTuple_Pack(2, PyExc_OSError, PyExc_ValueError);
    if (bases == NULL)
        goto error;
    PyObject *ns = PyDict_New();
    PyObject *modname = PyUnicode_FromString("io");
    int rc = ns == NULL || modname == NULL ? -1 : PyDict_SetItem(ns, KR_ID(__module__), modname);
    Py_XDECREF(modname);
    if (rc < 0) {
        Py_XDECREF(ns);
        Py_DECREF(bases);
        goto error;
    }
    st->unsupported_operation = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO",
                                                      "UnsupportedOperation", bases, ns);
    Py_DECREF(bases);
    Py_DECREF(ns);
    if (st->unsupported_operation == NULL)
        goto error;
    if (PyModule_AddIntConstant(m, "DEFAULT_BUFFER_SIZE", KR_IO_DEFAULT_BUFFER_SIZE) < 0 ||
        PyModule_AddObjectRef(m, "UnsupportedOperation", st->unsupported_operation) < 0 ||
        PyModule_AddObjectRef(m, "BlockingIOError", PyExc_BlockingIOError) < 0)
        goto error;
    static PyTypeObject *const types[] = {
        &PyIOBase_Type, &PyRawIOBase_Type, &PyBufferedIOBase_Type, &PyTextIOBase_Type,
        &PyFileIO_Type, &PyBytesIO_Type, &PyStringIO_Type, &PyBufferedReader_Type,
        &PyBufferedWriter_Type, &PyBufferedRandom_Type, &PyBufferedRWPair_Type,
        &PyTextIOWrapper_Type, &PyIncrementalNewlineDecoder_Type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        const char *name = strrchr(types[i]->tp_name, '.') + 1;
        if (PyModule_AddObjectRef(m, name, (PyObject *)types[i]) < 0)
            goto error;
    }
    if (PyState_AddModule(m, &io_module_def) < 0)
        goto error;
    return m;
error:
    Py_DECREF(m);
    return NULL;
}

/* One standard stream as CPython's start-up makes it: FileIO on the
 * descriptor (not closing it), buffered unless -u asks for unbuffered
 * output, under a TextIOWrapper with newline "\n", line-buffered on a
 * terminal (stderr always), write-through with -u.  None when the
 * descriptor is not open.  New reference. */
PyObject *kr_io_make_std_stream(int fd, const char *encoding, const char *errors,
                                int unbuffered)
{
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    struct stat st;
    if (fstat(fd, &st) < 0 && errno == EBADF)
        Py_RETURN_NONE;
    int write_mode = fd != 0;
    PyObject *raw = PyObject_CallFunction((PyObject *)&PyFileIO_Type, "isO", fd,
                                          write_mode ? "wb" : "rb", Py_False);
    if (raw == NULL)
        return NULL;
    PyObject *name = PyUnicode_FromString(names[fd]);
    if (name == NULL || PyObject_SetAttr(raw, KR_ID(name), name) < 0) {
        Py_XDECREF(name);
        Py_DECREF(raw);
        return NULL;
    }
    Py_DECREF(name);
    int buffered = !(unbuffered && write_mode);
    PyObject *buf = raw;
    if (buffered) {
        long size = ((kr_fileio *)raw)->blksize > 1 ? ((kr_fileio *)raw)->blksize
                                                     : KR_IO_DEFAULT_BUFFER_SIZE;
        buf = PyObject_CallFunction(write_mode ? (PyObject *)&PyBufferedWriter_Type
                                               : (PyObject *)&PyBufferedReader_Type,
                                    "Ol", raw, size);
        Py_DECREF(raw);
        if (buf == NULL)
            return NULL;
    }
    int line_buffering = buffered && (fd == 2 || isatty(fd));
    PyObject *text = PyObject_CallFunction((PyObject *)&PyTextIOWrapper_Type, "OsssOO", buf,
                                           encoding, errors, "\n",
                                           line_buffering ? Py_True : Py_False,
                                           unbuffered ? Py_True : Py_False);
    Py_DECREF(buf);
    if (text == NULL)
        return NULL;
    PyObject *mode = PyUnicode_FromString(write_mode ? "w" : "r");
    if (mode == NULL || PyObject_SetAttr(text, KR_ID(mode), mode) < 0) {
        Py_XDECREF(mode);
        Py_DECREF(text);
        return NULL;
    }
    Py_DECREF(mode);
    return text;
}

/* builtins.open is _io.open itself, as in CPython (`open is io.open`).
 * Called once sys exists in a new context; _io is a C module, so this
 * costs no Python import. */
int kr_io_install_open(void)
{
    PyObject *io = PyImport_ImportModule("_io");
    if (io == NULL)
        return -1;
    PyObject *open = PyObject_GetAttrString(io, "open");
    Py_DECREF(io);
    if (open == NULL)
        return -1;
    PyObject *builtins = kr_context_get()->builtins;
    int rc = builtins ? PyDict_SetItemString(builtins, "open", open) : -1;
    Py_DECREF(open);
    return rc;
}

/* CPython's default error handler for stdin/stdout: surrogateescape in
 * the C/POSIX locale and the locales Python coerces to (C.UTF-8), strict
 * in other locales.  Krait does not call setlocale(), so it reads the
 * locale the environment selects. */
static const char *default_stdio_errors(int use_environment)
{
    const char *loc = NULL;
    static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (int i = 0; use_environment && i < 3 && loc == NULL; i++) {
        const char *v = getenv(vars[i]);
        if (v != NULL && *v)
            loc = v;
    }
    if (loc == NULL || !strcmp(loc, "C") || !strcmp(loc, "POSIX") || !strcmp(loc, "C.UTF-8") ||
        !strcmp(loc, "C.utf8") || !strcmp(loc, "UTF-8"))
        return "surrogateescape";
    return "strict";
}

/* sys.stdin/stdout/stderr and their __dunder__ copies.  The encoding is
 * UTF-8 unless PYTHONIOENCODING ("encoding[:errors]") names another, by
 * its codec name as CPython reports it; errors default to strict when
 * PYTHONIOENCODING names an encoding, else to the locale's default;
 * stderr always uses backslashreplace. */
int kr_io_install_std_streams(int unbuffered, int use_environment)
{
    char encbuf[64] = "utf-8", errbuf[64];
    snprintf(errbuf, sizeof errbuf, "%s", default_stdio_errors(use_environment));
    PyObject *codec_name = NULL;
    const char *env = use_environment ? getenv("PYTHONIOENCODING") : NULL;
    if (env != NULL && *env) {
        const char *colon = strchr(env, ':');
        size_t n = colon ? (size_t)(colon - env) : strlen(env);
        if (n > 0 && n < sizeof encbuf) {
            memcpy(encbuf, env, n);
            encbuf[n] = '\0';
            strcpy(errbuf, "strict");
            if (strcmp(encbuf, "utf-8") != 0) {
                /* the codec's own name: latin-1 -> iso8859-1 */
                PyObject *codec = _PyCodec_Lookup(encbuf);
                codec_name = codec ? PyObject_GetAttrString(codec, "name") : NULL;
                Py_XDECREF(codec);
                if (codec_name == NULL || !PyUnicode_Check(codec_name))
                    return -1;
                const char *cn = PyUnicode_AsUTF8(codec_name);
                if (cn == NULL || strlen(cn) >= sizeof encbuf) {
                    Py_DECREF(codec_name);
                    return -1;
                }
                strcpy(encbuf, cn);
                Py_DECREF(codec_name);
            }
        }
        if (colon && colon[1] && strlen(colon + 1) < sizeof errbuf)
            strcpy(errbuf, colon + 1);
    }
    static const char *const attrs[] = {"stdin", "stdout", "stderr"};
    for (int fd = 0; fd < 3; fd++) {
        PyObject *s = kr_io_make_std_stream(fd, encbuf, fd == 2 ? "backslashreplace" : errbuf,
                                            unbuffered);
        if (s == NULL)
            return -1;
        char dunder[16];
        snprintf(dunder, sizeof dunder, "__%s__", attrs[fd]);
        int rc = PySys_SetObject(attrs[fd], s) | PySys_SetObject(dunder, s);
        Py_DECREF(s);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int kr_io_stream_is_closed(PyObject *f)
{
    PyObject *v = PyObject_GetAttr(f, KR_ID(closed));
    if (v == NULL) {
        PyErr_Clear();
        return 0;
    }
    int r = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (r < 0)
        PyErr_Clear();
    return r > 0;
}

/* Flushes sys.stdout and sys.stderr, as the interpreter does before it
 * prints on its own or exits.  Errors are cleared; returns -1 if any. */
int kr_io_flush_std_streams(void)
{
    static const char *const names[] = {"stdout", "stderr"};
    int rc = 0;
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(names[i]);
        if (f == NULL || f == Py_None || kr_io_stream_is_closed(f))
            continue;
        PyObject *r = PyObject_CallMethodNoArgs(f, KR_ID(flush));
        if (r == NULL) {
            PyErr_Clear();
            rc = -1;
        }
        Py_XDECREF(r);
    }
    return rc;
}
