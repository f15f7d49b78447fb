/* fileutils.c: the small OS-facing helpers of the C API: locale
 * conversions of file names (Py_DecodeLocale/EncodeLocale), opening files
 * from C, os.fspath() for C (PyOS_FSPath), writing to Python file objects
 * (PyFile_Write*), case-insensitive comparisons, bounded snprintf,
 * signal handler installation and the fork hooks. */
#include "internal.h"
#include "runtime/runtime.h"
#include <signal.h>
#include <fcntl.h>
#include "objects/str_ids.h"

/* The file system encoding is UTF-8 with surrogateescape, as CPython's
 * on a UTF-8 locale; these are constants, never changed. */
const char *Py_FileSystemDefaultEncoding = "utf-8";
const char *Py_FileSystemDefaultEncodeErrors = "surrogateescape";
int Py_HasFileSystemDefaultEncoding = 1;
int Py_UTF8Mode = 1;

/* ---- locale conversions: UTF-8 with surrogateescape ---- */

wchar_t *Py_DecodeLocale(const char *arg, size_t *size)
{
    size_t n = strlen(arg);
    wchar_t *out = PyMem_RawMalloc((n + 1) * sizeof(wchar_t));
    if (out == NULL) {
        if (size)
            *size = (size_t)-1;
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)arg;
    size_t i = 0, k = 0;
    while (i < n) {
        unsigned c = s[i];
        unsigned cp;
        int len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
        else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 4; }
        else { cp = 0; len = 0; }
        int ok = len > 0 && i + (size_t)len <= n;
        for (int j = 1; ok && j < len; j++) {
            if ((s[i + (size_t)j] & 0xC0) != 0x80)
                ok = 0;
            else
                cp = (cp << 6) | (s[i + (size_t)j] & 0x3F);
        }
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
                   cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = 0;
        if (ok) {
            out[k++] = (wchar_t)cp;
            i += (size_t)len;
        }
        else {
            out[k++] = (wchar_t)(0xDC00 + c);   /* surrogateescape */
            i++;
        }
    }
    out[k] = L'\0';
    if (size)
        *size = k;
    return out;
}

char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos)
{
    size_t n = wcslen(text);
    char *out = PyMem_Malloc(n * 4 + 1);
    if (out == NULL) {
        if (error_pos)
            *error_pos = (size_t)-1;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned cp = (unsigned)text[i];
        if (cp >= 0xDC80 && cp <= 0xDCFF) {
            out[k++] = (char)(cp - 0xDC00);
        }
        else if (cp < 0x80) {
            out[k++] = (char)cp;
        }
        else if (cp < 0x800) {
            out[k++] = (char)(0xC0 | (cp >> 6));
            out[k++] = (char)(0x80 | (cp & 0x3F));
        }
        else if (cp < 0x10000) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                PyMem_Free(out);
                if (error_pos)
                    *error_pos = i;
                return NULL;
            }
            out[k++] = (char)(0xE0 | (cp >> 12));
            out[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (cp & 0x3F));
        }
        else {
            out[k++] = (char)(0xF0 | (cp >> 18));
            out[k++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            out[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[k] = '\0';
    if (error_pos)
        *error_pos = (size_t)-1;
    return out;
}

/* ---- os.fspath ---- */

PyObject *PyOS_FSPath(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path))
        return Py_NewRef(path);
    PyObject *func = _PyObject_LookupSpecial(path, KR_ID(__fspath__));
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(path)->tp_name);
        return NULL;
    }
    PyObject *r = PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (r == NULL)
        return NULL;
    if (!(PyUnicode_Check(r) || PyBytes_Check(r))) {
        PyErr_Format(PyExc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     Py_TYPE(path)->tp_name, Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

/* ---- opening files from C ---- */

FILE *_Py_fopen_obj(PyObject *path, const char *mode)
{
    PyObject *p = PyOS_FSPath(path);
    if (p == NULL)
        return NULL;
    PyObject *bytes = NULL;
    const char *name;
    if (PyUnicode_Check(p)) {
        bytes = PyUnicode_EncodeFSDefault(p);
        if (bytes == NULL) {
            Py_DECREF(p);
            return NULL;
        }
        name = PyBytes_AsString(bytes);
    }
    else {
        name = PyBytes_AsString(p);
    }
    FILE *f = NULL;
    if (name != NULL) {
        do {
            f = fopen(name, mode);
        } while (f == NULL && errno == EINTR && PyErr_CheckSignals() == 0);
        if (f == NULL && !PyErr_Occurred())
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
        else if (f != NULL)
            fcntl(fileno(f), F_SETFD, FD_CLOEXEC);
    }
    Py_XDECREF(bytes);
    Py_DECREF(p);
    return f;
}

FILE *_Py_wfopen(const wchar_t *path, const wchar_t *mode)
{
    char *p = Py_EncodeLocale(path, NULL);
    char *m = Py_EncodeLocale(mode, NULL);
    FILE *f = (p && m) ? fopen(p, m) : NULL;
    PyMem_Free(p);
    PyMem_Free(m);
    return f;
}

/* ---- Python file objects ---- */

int PyFile_WriteObject(PyObject *v, PyObject *f, int flags)
{
    if (f == NULL) {
        PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
        return -1;
    }
    PyObject *writer = PyObject_GetAttrString(f, "write");
    if (writer == NULL)
        return -1;
    PyObject *value = (flags & Py_PRINT_RAW) ? PyObject_Str(v) : PyObject_Repr(v);
    if (value == NULL) {
        Py_DECREF(writer);
        return -1;
    }
    PyObject *r = PyObject_CallOneArg(writer, value);
    Py_DECREF(value);
    Py_DECREF(writer);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

int PyFile_WriteString(const char *s, PyObject *f)
{
    if (f == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
        return -1;
    }
    if (PyErr_Occurred())
        return -1;
    PyObject *v = PyUnicode_FromString(s);
    if (v == NULL)
        return -1;
    int r = PyFile_WriteObject(v, f, Py_PRINT_RAW);
    Py_DECREF(v);
    return r;
}

PyObject *PyFile_GetLine(PyObject *f, int n)
{
    if (f == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *result = n <= 0 ? PyObject_CallMethod(f, "readline", NULL)
                              : PyObject_CallMethod(f, "readline", "i", n);
    if (result != NULL && !PyBytes_Check(result) && !PyUnicode_Check(result)) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    if (n < 0 && result != NULL) {
        Py_ssize_t len = PyUnicode_Check(result) ? PyUnicode_GET_LENGTH(result) : PyBytes_Size(result);
        if (len == 0) {
            Py_DECREF(result);
            PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
            return NULL;
        }
        if (PyUnicode_Check(result) && PyUnicode_READ_CHAR(result, len - 1) == '\n') {
            Py_SETREF(result, PyUnicode_Substring(result, 0, len - 1));
        }
    }
    return result;
}

PyObject *PyFile_FromFd(int fd, const char *name, const char *mode, int buffering,
                        const char *encoding, const char *errors, const char *newline, int closefd)
{
    PyObject *io = PyImport_ImportModule("io");
    if (io == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(io, "open", "isizzzi", fd, mode, buffering, encoding, errors,
                                      newline, closefd);
    Py_DECREF(io);
    return r;
}

char *Py_UniversalNewlineFgets(char *buf, int n, FILE *stream, PyObject *fobj)
{
    char *p = buf;
    int c;
    if (fobj != NULL) {
        errno = ENXIO;
        return NULL;
    }
    while (--n > 0 && (c = getc(stream)) != EOF) {
        if (c == '\r') {
            c = getc(stream);
            if (c != '\n' && c != EOF)
                ungetc(c, stream);
            *p++ = '\n';
            break;
        }
        *p++ = (char)c;
        if (c == '\n')
            break;
    }
    *p = '\0';
    return p == buf ? NULL : buf;
}

PyObject *PyFile_OpenCodeObject(PyObject *path)
{
    if (!PyUnicode_Check(path)) {
        PyErr_Format(PyExc_TypeError, "'path' must be 'str', not '%.200s'", Py_TYPE(path)->tp_name);
        return NULL;
    }
    PyObject *io = PyImport_ImportModule("io");
    if (io == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(io, "open", "Os", path, "rb");
    Py_DECREF(io);
    return r;
}

PyObject *PyFile_OpenCode(const char *utf8path)
{
    PyObject *p = PyUnicode_FromString(utf8path);
    if (p == NULL)
        return NULL;
    PyObject *r = PyFile_OpenCodeObject(p);
    Py_DECREF(p);
    return r;
}

/* Open-code hooks are process-wide in CPython; Krait has none to offer
 * without mutable global state, so installing one is refused. */
int PyFile_SetOpenCodeHook(Py_OpenCodeHookFunction hook, void *userData)
{
    return -1;
}

/* ---- strings ---- */

int PyOS_mystrnicmp(const char *a, const char *b, Py_ssize_t n)
{
    if (n == 0)
        return 0;
    while (--n > 0 && *a && Py_TOLOWER((unsigned char)*a) == Py_TOLOWER((unsigned char)*b)) {
        a++;
        b++;
    }
    return Py_TOLOWER((unsigned char)*a) - Py_TOLOWER((unsigned char)*b);
}

int PyOS_mystricmp(const char *a, const char *b)
{
    while (*a && Py_TOLOWER((unsigned char)*a) == Py_TOLOWER((unsigned char)*b)) {
        a++;
        b++;
    }
    return Py_TOLOWER((unsigned char)*a) - Py_TOLOWER((unsigned char)*b);
}

int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va)
{
    if (size == 0)
        return -1;
    int len = vsnprintf(str, size, format, va);
    str[size - 1] = '\0';
    return len;
}

int PyOS_snprintf(char *str, size_t size, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = PyOS_vsnprintf(str, size, format, va);
    va_end(va);
    return r;
}

/* ---- signals and fork ---- */

PyOS_sighandler_t PyOS_getsig(int sig)
{
    struct sigaction context;
    if (sigaction(sig, NULL, &context) == -1)
        return SIG_ERR;
    return context.sa_handler;
}

PyOS_sighandler_t PyOS_setsig(int sig, PyOS_sighandler_t handler)
{
    struct sigaction context, ocontext;
    context.sa_handler = handler;
    sigemptyset(&context.sa_mask);
    context.sa_flags = SA_ONSTACK;
    if (sigaction(sig, &context, &ocontext) == -1)
        return SIG_ERR;
    return ocontext.sa_handler;
}

void PyOS_InitInterrupts(void) { }
void PyOS_BeforeFork(void) { }
void PyOS_AfterFork_Parent(void) { }
void PyOS_AfterFork(void) { PyOS_AfterFork_Child(); }

/* In the child only the forking thread survives: forget the others'
 * thread states and make the context lock usable again. */
void PyOS_AfterFork_Child(void)
{
    PyThreadState *ts = kr_tstate_get();
    if (ts == NULL)
        return;
    struct kr_context *c = ts->interp;
    pthread_mutex_init(&c->lock, NULL);
    kr_ctx_lock *l = &c->rt.lock;
    pthread_mutex_init(&l->mutex, NULL);
    pthread_cond_init(&l->cond, NULL);
    l->serving = 0;
    l->next_ticket = 1;   /* held by this thread */
    atomic_store(&l->waiters, 0);
    ts->thread_id = pthread_self();
}
