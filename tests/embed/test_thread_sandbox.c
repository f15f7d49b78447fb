/* test_thread_sandbox.c: the allow_threads option.  A context created
 * with allow_threads = 0 cannot start threads (PermissionError naming the
 * option) but still has locks and thread-local data; a context with the
 * option on, side by side, starts threads that run Python code in that
 * context, taking turns with the thread that waits for them. */
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
    closed.allow_threads = 0;
    krait_options open_ = krait_default_options();
    krait_context *box = krait_context_new(&closed);
    krait_context *free_ = krait_context_new(&open_);
    check(box != NULL && free_ != NULL, "two contexts, one sandboxed");

    krait_enter(box);
    int r = krait_run_string(box,
        "import _thread\n"
        "try:\n"
        "    _thread.start_new_thread(print, ('never',))\n"
        "    denied = 0\n"
        "except PermissionError as e:\n"
        "    denied = 1\n"
        "    msg = str(e)\n"
        "l = _thread.allocate_lock()\n"
        "locks_ok = int(l.acquire() and not l.acquire(False) and l.release() is None)\n"
        "loc = _thread._local()\n"
        "loc.x = 5\n"
        "local_ok = int(loc.x == 5)\n"
        "count = _thread._count()\n");
    check(r == 0, "sandboxed code ran");
    check(main_int("denied") == 1, "start_new_thread is refused");
    PyObject *msg = main_global("msg");
    const char *m = msg ? PyUnicode_AsUTF8(msg) : NULL;
    check(m != NULL && strcmp(m, "thread creation is disabled in this context "
                                 "(krait option allow_threads)") == 0,
          "the message names the option");
    if (m)
        printf("# %s\n", m);
    check(main_int("locks_ok") == 1, "locks work without threads");
    check(main_int("local_ok") == 1, "thread-local data works without threads");
    check(main_int("count") == 0, "no thread was started");
    krait_leave(box);

    krait_enter(free_);
    r = krait_run_string(free_,
        "import _thread\n"
        "done = _thread.allocate_lock()\n"
        "done.acquire()\n"
        "out = []\n"
        "def work(n):\n"
        "    total = 0\n"
        "    for i in range(n):\n"
        "        total += i\n"
        "    out.append(total)\n"
        "    out.append(_thread.get_ident())\n"
        "    done.release()\n"
        "_thread.start_new_thread(work, (100000,))\n"
        "done.acquire()\n"
        "ran = int(out[0] == 4999950000 and out[1] != _thread.get_ident())\n");
    check(r == 0, "code in the open context ran");
    check(main_int("ran") == 1, "a thread ran Python code in its context and was waited for");
    krait_leave(free_);

    krait_context_free(box);
    krait_context_free(free_);
    printf("1..%d\n", ntest);
    return failures != 0;
}
