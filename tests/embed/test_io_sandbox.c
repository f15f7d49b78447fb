/* test_io_sandbox.c: the allow_io option.  A context created with
 * allow_io = 0 cannot open files by name (PermissionError naming the
 * option), while in-memory streams and already-open descriptors keep
 * working; a context with the option on, side by side, opens files. */
#include "Python.h"
#include "krait.h"
#include <string.h>

static int failures, ntest;

static void check(int cond, const char *what)
{
    ntest++;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", ntest, what);
    if (!cond)
        failures++;
    fflush(stdout);
}

/* Value of global `name` in __main__ of the current context, or NULL
 * (borrowed). */
static PyObject *main_global(const char *name)
{
    PyObject *m = PyImport_AddModule("__main__");
    return m ? PyDict_GetItemString(PyModule_GetDict(m), name) : NULL;
}

static long main_int(const char *name)
{
    PyObject *v = main_global(name);
    return v && PyLong_Check(v) ? PyLong_AsLong(v) : -1;
}

int main(void)
{
    krait_options closed = krait_default_options();
    closed.allow_io = 0;
    krait_options open_ = krait_default_options();
    krait_context *box = krait_context_new(&closed);
    krait_context *free_ = krait_context_new(&open_);
    check(box != NULL && free_ != NULL, "two contexts, one sandboxed");

    krait_enter(box);
    int r = krait_run_string(box,
        "import _io\n"
        "try:\n"
        "    open('/tmp/krait_io_sandbox.txt', 'w')\n"
        "    denied = 0\n"
        "except PermissionError as e:\n"
        "    denied = 1\n"
        "    errno = e.errno\n"
        "    msg = str(e)\n"
        "try:\n"
        "    _io.FileIO(b'/tmp/krait_io_sandbox.txt', 'r')\n"
        "    denied_raw = 0\n"
        "except PermissionError:\n"
        "    denied_raw = 1\n"
        "b = _io.BytesIO()\n"
        "t = _io.TextIOWrapper(b, encoding='utf-8')\n"
        "t.write('in memory')\n"
        "t.flush()\n"
        "mem_ok = int(b.getvalue() == b'in memory' and _io.StringIO('x').read() == 'x')\n"
        "fd = _io.FileIO(1, 'w', closefd=False)\n"
        "fd_ok = int(fd.fileno() == 1 and not fd.closefd)\n");
    check(r == 0, "sandboxed code ran");
    check(main_int("denied") == 1, "open() by name is refused");
    check(main_int("denied_raw") == 1, "FileIO by name is refused");
    check(main_int("errno") == 1, "errno is EPERM");
    PyObject *msg = main_global("msg");
    const char *m = msg ? PyUnicode_AsUTF8(msg) : NULL;
    check(m != NULL && strstr(m, "allow_io") != NULL && strstr(m, "krait_io_sandbox.txt") != NULL,
          "the message names the option and the file");
    if (m)
        printf("# %s\n", m);
    check(main_int("mem_ok") == 1, "in-memory streams work");
    check(main_int("fd_ok") == 1, "an already open descriptor can be wrapped");
    krait_leave(box);

    krait_enter(free_);
    r = krait_run_string(free_,
        "with open('/tmp/krait_io_sandbox.txt', 'w') as f:\n"
        "    f.write('allowed')\n"
        "with open('/tmp/krait_io_sandbox.txt') as f:\n"
        "    ok = int(f.read() == 'allowed')\n");
    check(r == 0 && main_int("ok") == 1, "the other context opens files");
    krait_leave(free_);

    krait_context_free(box);
    krait_context_free(free_);
    printf("1..%d\n", ntest);
    return failures ? 1 : 0;
}
