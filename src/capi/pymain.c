/* pymain.c: the command line of Python, as Py_BytesMain and Py_Main: what
 * the `krait` command runs (src/main/main.c is only `main`), and what an
 * application gets when it hands its argv to Krait.  It runs programs as
 * `python3.11` does: `krait FILE args`, `-c CMD`, `-m MODULE`, `-` or
 * stdin, and an interactive prompt when stdin is a terminal.
 *
 * It parses the command line into context options, creates one context
 * (through the embedding API, like any application), sets up sys.argv
 * and sys.path[0], runs the program in __main__, and turns the outcome
 * into an exit status with CPython's rules: SystemExit's code, 1 after a
 * traceback, death by SIGINT after an uncaught KeyboardInterrupt. */
#include "internal.h"
#include "krait.h"
#include "compiler/compiler.h"
#include "modules/modules.h"
#include "objects/str_ids.h"
#include "runtime/import.h"
#include "vm/vm.h"
#include "runtime/runtime.h"
#include <signal.h>

typedef enum { RUN_FILE, RUN_COMMAND, RUN_MODULE, RUN_STDIN } run_mode;

typedef struct {
    krait_options opts;
    run_mode mode;
    const char *target;          /* file name, command text or module name */
    int script_index;            /* argv index where the program's own argv starts */
    const char *warn[64];
    int nwarn;
    const char *xopt[64];
    int nxopt;
    int safe_path;               /* -P: don't prepend to sys.path */
} cmdline;

static void usage(FILE *f, const char *prog)
{
    fprintf(f, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", prog);
}

static void help(const char *prog)
{
    usage(stdout, prog);
    fputs("Options (a Python 3.11 runtime; the options are python3.11's):\n"
          "-B     : don't write .pyc files on import\n"
          "-c cmd : program passed in as string (terminates option list)\n"
          "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
          "-h     : print this help message and exit (also -? or --help)\n"
          "-i     : inspect interactively after running script\n"
          "-I     : isolate from the user's environment (implies -E and -s)\n"
          "-m mod : run library module as a script (terminates option list)\n"
          "-O     : remove assert and __debug__-dependent statements\n"
          "-OO    : do -O changes and also discard docstrings\n"
          "-P     : don't prepend a potentially unsafe path to sys.path\n"
          "-q     : don't print version and copyright messages on interactive startup\n"
          "-s     : don't add user site directory to sys.path\n"
          "-S     : don't imply 'import site' on initialization\n"
          "-u     : force the stdout and stderr streams to be unbuffered\n"
          "-v     : verbose (trace import statements)\n"
          "-V     : print the Python version number and exit (also --version)\n"
          "-W arg : warning control; arg is action:message:category:module:lineno\n"
          "-x     : skip first line of source\n"
          "-X opt : set implementation-specific option\n"
          "file   : program read from script file\n"
          "-      : program read from stdin (default; interactive mode if a tty)\n"
          "arg ...: arguments passed to program in sys.argv[1:]\n", stdout);
}

/* Returns -1 to continue running, or an exit status. */
static int parse_cmdline(int argc, char **argv, cmdline *cl)
{
    cl->opts = krait_default_options();
    cl->mode = RUN_STDIN;
    cl->target = NULL;
    cl->script_index = argc;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0')
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--help") == 0) {
            help(argv[0]);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            printf("Python %s\n", PY_VERSION);
            return 0;
        }
        if (strncmp(a, "--", 2) == 0) {
            fprintf(stderr, "unknown option %s\n", a);
            usage(stderr, argv[0]);
            fprintf(stderr, "Try `%s -h' for more information.\n", argv[0]);
            return 2;
        }
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'c':
            case 'm': {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (val == NULL) {
                    fprintf(stderr, "Argument expected for the -%c option\n", *p);
                    usage(stderr, argv[0]);
                    fprintf(stderr, "Try `%s -h' for more information.\n", argv[0]);
                    return 2;
                }
                cl->mode = *p == 'c' ? RUN_COMMAND : RUN_MODULE;
                cl->target = val;
                cl->script_index = i + 1;
                return -1;
            }
            case 'W':
            case 'X': {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (val == NULL) {
                    fprintf(stderr, "Argument expected for the -%c option\n", *p);
                    return 2;
                }
                if (*p == 'W' && cl->nwarn < 63)
                    cl->warn[cl->nwarn++] = val;
                if (*p == 'X' && cl->nxopt < 63)
                    cl->xopt[cl->nxopt++] = val;
                goto next_arg;
            }
            case 'B': cl->opts.dont_write_bytecode = 1; break;
            case 'E': cl->opts.ignore_environment = 1; break;
            case 'I': cl->opts.isolated = 1; cl->opts.ignore_environment = 1; cl->safe_path = 1; break;
            case 'P': cl->safe_path = 1; break;
            case 'O': cl->opts.optimize++; break;
            case 'S': cl->opts.no_site = 1; break;
            case 'i': cl->opts.inspect = 1; break;
            case 'q': cl->opts.quiet = 1; break;
            case 'u': cl->opts.unbuffered = 1; break;
            case 'v': cl->opts.verbose++; break;
            case 'b': Py_BytesWarningFlag++; break;
            case 's': case 'd': case 'x': case 'R': break;
            case 'h': case '?': help(argv[0]); return 0;
            case 'V':
                printf("Python %s", PY_VERSION);
                if (p[1] == 'V')
                    printf(" (krait %s) [GCC-compatible %s]", KRAIT_VERSION, __VERSION__);
                printf("\n");
                return 0;
            default:
                fprintf(stderr, "Unknown option: -%c\n", *p);
                usage(stderr, argv[0]);
                fprintf(stderr, "Try `%s -h' for more information.\n", argv[0]);
                return 2;
            }
        }
    next_arg:;
    }
    if (i < argc) {
        cl->script_index = i;
        if (strcmp(argv[i], "-") == 0) {
            cl->mode = RUN_STDIN;
        } else {
            cl->mode = RUN_FILE;
            cl->target = argv[i];
        }
    }
    return -1;
}

/* Environment variables CPython reads, unless -E or -I. */
static void apply_environment(cmdline *cl)
{
    if (cl->opts.ignore_environment)
        return;
    const char *v;
    if ((v = getenv("PYTHONUNBUFFERED")) && *v)
        cl->opts.unbuffered = 1;
    if ((v = getenv("PYTHONDONTWRITEBYTECODE")) && *v)
        cl->opts.dont_write_bytecode = 1;
    if ((v = getenv("PYTHONINSPECT")) && *v)
        cl->opts.inspect = 1;
    if ((v = getenv("PYTHONOPTIMIZE")) && *v) {
        int n = atoi(v);
        if (n > cl->opts.optimize)
            cl->opts.optimize = n > 0 ? n : 1;
    }
    if ((v = getenv("PYTHONVERBOSE")) && *v && cl->opts.verbose == 0)
        cl->opts.verbose = 1;
    if ((v = getenv("PYTHONSAFEPATH")) && *v)
        cl->safe_path = 1;
}

/* SIGINT sets the context's eval breaker; the running code then raises
 * KeyboardInterrupt at its next check.  A thread blocked in a call that
 * released the context (time.sleep, a read) has no current context: the
 * signal is then the main context's, which that call checks on waking. */
static void on_sigint(int signum)
{
    struct kr_context *ctx = kr_context_get();
    kr_signal_pending_ctx(ctx != NULL ? ctx : kr_main_context, signum);
}

/* sys.argv and sys.path[0] for the chosen mode. */
static int setup_sys(int argc, char **argv, const cmdline *cl)
{
    int n = argc - cl->script_index;
    char **rest = argv + cl->script_index;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return -1;
    const char *first = cl->mode == RUN_COMMAND ? "-c" : cl->mode == RUN_MODULE ? "-m"
                      : cl->mode == RUN_FILE ? cl->target : (cl->script_index < argc ? "-" : "");
    PyObject *s = PyUnicode_DecodeFSDefault(first);
    if (s == NULL || PyList_Append(list, s) < 0)
        goto error;
    Py_CLEAR(s);
    for (int i = (cl->mode == RUN_FILE || (cl->mode == RUN_STDIN && cl->script_index < argc)) ? 1 : 0;
         i < n; i++) {
        s = PyUnicode_DecodeFSDefault(rest[i]);
        if (s == NULL || PyList_Append(list, s) < 0)
            goto error;
        Py_CLEAR(s);
    }
    if (PySys_SetObject("argv", list) < 0)
        goto error;
    Py_DECREF(list);
    PyObject *orig = PyList_New(0);
    for (int i = 0; orig && i < argc; i++) {
        PyObject *a = PyUnicode_DecodeFSDefault(argv[i]);
        if (a == NULL || PyList_Append(orig, a) < 0)
            Py_CLEAR(orig);
        Py_XDECREF(a);
    }
    if (orig == NULL || PySys_SetObject("orig_argv", orig) < 0) {
        Py_XDECREF(orig);
        return -1;
    }
    Py_DECREF(orig);

    if (!cl->safe_path) {
        char dir[4096];
        if (cl->mode == RUN_FILE) {
            char *real = realpath(cl->target, NULL);
            snprintf(dir, sizeof dir, "%s", real ? real : cl->target);
            free(real);
            char *slash = strrchr(dir, '/');
            if (slash == NULL)
                dir[0] = '\0';
            else if (slash == dir)
                dir[1] = '\0';
            else
                *slash = '\0';
        } else if (cl->mode == RUN_MODULE) {
            if (getcwd(dir, sizeof dir) == NULL)
                dir[0] = '\0';
        } else {
            dir[0] = '\0';
        }
        PyObject *path = PySys_GetObject("path");
        PyObject *d = PyUnicode_DecodeFSDefault(dir);
        if (d == NULL || path == NULL || PyList_Insert(path, 0, d) < 0) {
            Py_XDECREF(d);
            return -1;
        }
        Py_DECREF(d);
    }
    for (int i = 0; i < cl->nxopt; i++) {
        PyObject *d = PySys_GetXOptions();
        const char *eq = strchr(cl->xopt[i], '=');
        PyObject *k = eq ? PyUnicode_FromStringAndSize(cl->xopt[i], eq - cl->xopt[i])
                         : PyUnicode_FromString(cl->xopt[i]);
        PyObject *v = eq ? PyUnicode_FromString(eq + 1) : Py_NewRef(Py_True);
        if (d == NULL || k == NULL || v == NULL || PyDict_SetItem(d, k, v) < 0) {
            Py_XDECREF(k);
            Py_XDECREF(v);
            return -1;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    return 0;
error:
    Py_XDECREF(s);
    Py_DECREF(list);
    return -1;
}

/* The __main__ module's dict (borrowed), with __builtins__ set. */
static PyObject *main_dict(void)
{
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL)
        return NULL;
    PyObject *d = PyModule_GetDict(m);
    if (PyDict_GetItemWithError(d, KR_ID(__builtins__)) == NULL) {
        if (PyErr_Occurred())
            return NULL;
        PyObject *b = PyImport_AddModule("builtins");
        if (b == NULL || PyDict_SetItem(d, KR_ID(__builtins__), b) < 0)
            return NULL;
    }
    return d;
}

static PyObject *read_all(FILE *f)
{
    size_t cap = 65536, len = 0;
    char *buf = PyMem_RawMalloc(cap);
    if (buf == NULL)
        return PyErr_NoMemory();
    for (;;) {
        if (len == cap) {
            char *nb = PyMem_RawRealloc(buf, cap *= 2);
            if (nb == NULL) {
                PyMem_RawFree(buf);
                return PyErr_NoMemory();
            }
            buf = nb;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        if (n == 0)
            break;
        len += n;
    }
    PyObject *r = PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
    PyMem_RawFree(buf);
    return r;
}

/* Compiles and runs source in __main__.  Returns 0, or -1 with the
 * exception set. */
static int run_source(const char *src, Py_ssize_t len, const char *filename, PyObject *d)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL)
        return -1;
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    PyObject *code = kr_compile_source(src, len, fn, Py_file_input, &cf, -1);
    Py_DECREF(fn);
    if (code == NULL)
        return -1;
    PyObject *r = PyEval_EvalCode(code, d, d);
    Py_DECREF(code);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* The script's path made absolute (not resolved), as CPython 3.11 makes
 * __main__.__file__ and the code's filename. */
static void absolute_path(const char *path, char *out, size_t n)
{
    char cwd[4096];
    if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
        snprintf(out, n, "%s", path);
    else
        snprintf(out, n, "%s/%s", cwd, path);
}

static int run_file(const char *path, PyObject *d)
{
    char abspath[8192];
    absolute_path(path, abspath, sizeof abspath);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        int err = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                "krait", abspath, err, strerror(err));
        return 2;
    }
    PyObject *src = read_all(f);
    fclose(f);
    if (src == NULL)
        return -1;
    PyObject *file = PyUnicode_DecodeFSDefault(abspath);
    if (file == NULL || PyDict_SetItem(d, KR_ID(__file__), file) < 0 ||
        PyDict_SetItem(d, KR_ID(__cached__), Py_None) < 0) {
        Py_XDECREF(file);
        Py_DECREF(src);
        return -1;
    }
    Py_DECREF(file);
    int rc = run_source(PyBytes_AS_STRING(src), PyBytes_GET_SIZE(src), abspath, d);
    Py_DECREF(src);
    return rc;
}

/* -m: find the module (a package runs its __main__ submodule) and run
 * its source as __main__. */
static int run_module(const char *modname, PyObject *d)
{
    PyObject *name = PyUnicode_FromString(modname);
    if (name == NULL)
        return -1;
    PyObject *parent;
    kr_found_module found;
    int r = kr_find_module(name, &parent, &found);
    Py_XDECREF(parent);
    if (r > 0 && found.is_package) {
        PyObject *pkg = kr_import_absolute(name);
        Py_XDECREF(pkg);
        PyObject *sub = pkg ? PyUnicode_FromFormat("%U.__main__", name) : NULL;
        Py_DECREF(name);
        if (sub == NULL)
            return -1;
        name = sub;
        r = kr_find_module(name, &parent, &found);
        Py_XDECREF(parent);
    }
    if (r <= 0) {
        /* "krait: No module named x" / "Error while finding module
         * specification for 'x' (...)" as CPython's runpy reports. */
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *msg = exc ? PyObject_Str(exc) : NULL;
        PyObject *missing = exc ? PyObject_GetAttrString(exc, "name") : NULL;
        if (missing == NULL)
            PyErr_Clear();
        if (exc && PyErr_GivenExceptionMatches(exc, PyExc_ModuleNotFoundError) && missing &&
            PyUnicode_Check(missing) && PyUnicode_Compare(name, missing) == 0)
            fprintf(stderr, "%s: No module named %s\n", "krait", modname);
        else
            fprintf(stderr, "%s: Error while finding module specification for '%s' (%s: %s)\n",
                    "krait", modname, exc ? Py_TYPE(exc)->tp_name : "ImportError",
                    msg ? PyUnicode_AsUTF8(msg) : "");
        PyErr_Clear();
        Py_XDECREF(missing);
        Py_XDECREF(msg);
        Py_XDECREF(exc);
        Py_DECREF(name);
        return 1;
    }
    if (found.kind != KR_MODULE_SOURCE) {
        fprintf(stderr, "%s: No code object available for %s\n", "krait", modname);
        Py_DECREF(name);
        return 1;
    }
    PyObject *argv = PySys_GetObject("argv");
    PyObject *file = PyUnicode_DecodeFSDefault(found.path);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
    PyObject *package = dot < 0 ? PyUnicode_FromString("") : PyUnicode_Substring(name, 0, dot);
    int rc = -1;
    if (argv && file && package && PyList_SetItem(argv, 0, Py_NewRef(file)) == 0 &&
        PyDict_SetItem(d, KR_ID(__package__), package) == 0) {
        rc = run_file(found.path, d);
    }
    Py_XDECREF(file);
    Py_XDECREF(package);
    Py_DECREF(name);
    return rc;
}

/* The exit status for an uncaught exception, after reporting it as
 * CPython does.  Sets *sigint when the program should die by SIGINT. */
static int handle_exception(int *sigint)
{
    if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *code = PyObject_GetAttrString(exc, "code");
        int status = 0;
        if (code == NULL) {
            PyErr_Clear();
        } else if (code == Py_None) {
            status = 0;
        } else if (PyLong_Check(code)) {
            int overflow;
            long v = PyLong_AsLongAndOverflow(code, &overflow);
            status = overflow ? -1 : (int)v;
            if (v == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                status = -1;
            }
        } else {
            kr_io_flush_std_streams();
            PyObject *sys_stderr = PySys_GetObject("stderr");
            if (sys_stderr != NULL && sys_stderr != Py_None) {
                if (PyFile_WriteObject(code, sys_stderr, Py_PRINT_RAW) < 0 ||
                    PyFile_WriteString("\n", sys_stderr) < 0)
                    PyErr_Clear();
            } else {
                PyObject_Print(code, stderr, Py_PRINT_RAW);
                fputc('\n', stderr);
            }
            status = 1;
        }
        Py_XDECREF(code);
        Py_DECREF(exc);
        return status;
    }
    if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt))
        *sigint = 1;
    PyErr_Print();
    return 1;
}

/* As CPython's finalisation does first: when `threading` was imported,
 * wait for its non-daemon threads (threading._shutdown). */
static void wait_for_thread_shutdown(void)
{
    PyObject *threading = PyDict_GetItemString(PyImport_GetModuleDict(), "threading");
    if (threading == NULL) {
        PyErr_Clear();
        return;
    }
    Py_INCREF(threading);
    PyObject *r = PyObject_CallMethod(threading, "_shutdown", NULL);
    if (r == NULL)
        PyErr_WriteUnraisable(threading);
    Py_XDECREF(r);
    Py_DECREF(threading);
}

/* Flushes sys.stdout and sys.stderr at exit; a failure is reported the
 * way CPython reports it, with exit status 120. */
static int flush_std_streams(int status)
{
    const char *names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(names[i]);
        /* a stream the program closed is skipped, as CPython does */
        if (f == NULL || f == Py_None || kr_io_stream_is_closed(f))
            continue;
        Py_INCREF(f);
        PyObject *r = PyObject_CallMethodNoArgs(f, KR_ID(flush));
        if (r == NULL) {
            PyErr_WriteUnraisable(f);
            if (status == 0)
                status = 120;
        }
        Py_XDECREF(r);
        Py_DECREF(f);
    }
    return status;
}

int Py_BytesMain(int argc, char **argv)
{
    cmdline cl;
    memset(&cl, 0, sizeof cl);
    int status = parse_cmdline(argc, argv, &cl);
    if (status >= 0)
        return status;
    apply_environment(&cl);
    /* -b / -bb: as CPython, a BytesWarning filter above every -W option */
    if (Py_BytesWarningFlag && cl.nwarn < 63)
        cl.warn[cl.nwarn++] = Py_BytesWarningFlag > 1 ? "error::BytesWarning"
                                                      : "default::BytesWarning";
    cl.warn[cl.nwarn] = NULL;
    cl.opts.warnoptions = cl.warn;
    int interactive = cl.mode == RUN_STDIN && isatty(0);
    if (interactive)
        cl.opts.inspect = 0;
    /* As CPython does: with -u (or PYTHONUNBUFFERED) C's own stdio is
     * unbuffered too, so output from extensions' printf interleaves with
     * Python's; an interactive session line-buffers it. */
    if (cl.opts.unbuffered) {
        setvbuf(stdin, NULL, _IONBF, BUFSIZ);
        setvbuf(stdout, NULL, _IONBF, BUFSIZ);
        setvbuf(stderr, NULL, _IONBF, BUFSIZ);
    } else if (interactive || cl.opts.inspect) {
        setvbuf(stdin, NULL, _IOLBF, BUFSIZ);
        setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
    }

    krait_context *ctx = krait_context_new(&cl.opts);
    if (ctx == NULL) {
        fprintf(stderr, "krait: could not create a context\n");
        return 1;
    }
    /* The command's context is the process's main context, the one
     * PyGILState_Ensure attaches native threads to. */
    if (kr_main_context == NULL)
        kr_main_context = ctx;
    if (krait_enter(ctx) != 0) {
        fprintf(stderr, "krait: could not enter the context\n");
        return 1;
    }
    /* As CPython: a SIGINT the parent set to be ignored (a background
     * job of a shell) stays ignored. */
    struct sigaction old_sigint;
    if (sigaction(SIGINT, NULL, &old_sigint) == 0 && old_sigint.sa_handler == SIG_DFL)
        signal(SIGINT, on_sigint);
    /* Also as CPython: writing to a closed pipe raises BrokenPipeError
     * instead of killing the process, and so does exceeding a file size
     * limit (OSError). */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    status = 0;
    int sigint = 0;
    PyObject *d = NULL;
    if (setup_sys(argc, argv, &cl) < 0 || (d = main_dict()) == NULL) {
        status = handle_exception(&sigint);
        goto finish;
    }
    int rc;
    switch (cl.mode) {
    case RUN_COMMAND: {
        size_t n = strlen(cl.target);
        rc = run_source(cl.target, (Py_ssize_t)n, "<string>", d);
        break;
    }
    case RUN_MODULE:
        rc = run_module(cl.target, d);
        break;
    case RUN_FILE:
        rc = run_file(cl.target, d);
        break;
    case RUN_STDIN:
    default:
        if (interactive) {
            if (!cl.opts.quiet)
                fprintf(stderr, "Python %s (krait %s) [GCC-compatible %s] on linux\n"
                        "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                        PY_VERSION, KRAIT_VERSION, __VERSION__);
            PyCompilerFlags cf = _PyCompilerFlags_INIT;
            rc = PyRun_InteractiveLoopFlags(stdin, "<stdin>", &cf) == 0 ? 0 : -1;
            if (rc < 0 && !PyErr_Occurred())
                rc = 0;
        } else {
            PyObject *src = read_all(stdin);
            rc = src ? run_source(PyBytes_AS_STRING(src), PyBytes_GET_SIZE(src), "<stdin>", d) : -1;
            Py_XDECREF(src);
        }
        break;
    }
    if (rc < 0)
        status = handle_exception(&sigint);
    else if (rc > 0)
        status = rc;
    if (cl.opts.inspect && !sigint && (rc <= 0)) {
        if (PyErr_Occurred())
            PyErr_Clear();
        kr_io_flush_std_streams();
        PyCompilerFlags cf = _PyCompilerFlags_INIT;
        if (PyRun_InteractiveLoopFlags(stdin, "<stdin>", &cf) != 0 && PyErr_Occurred())
            status = handle_exception(&sigint);
    }
finish:
    wait_for_thread_shutdown();
    status = flush_std_streams(status);
    krait_leave(ctx);
    krait_context_free(ctx);
    if (sigint) {
        /* Die by SIGINT so the parent sees the interrupt, as CPython does. */
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    return status & 0xff;
}

/* Py_Main: the same, with wide-character arguments. */
int Py_Main(int argc, wchar_t **argv)
{
    char **bytes = PyMem_RawCalloc((size_t)argc + 1, sizeof(char *));
    if (bytes == NULL)
        return 1;
    int status = 1;
    for (int i = 0; i < argc; i++) {
        bytes[i] = Py_EncodeLocale(argv[i], NULL);
        if (bytes[i] == NULL)
            goto done;
    }
    status = Py_BytesMain(argc, bytes);
done:
    for (int i = 0; i < argc; i++)
        PyMem_Free(bytes[i]);
    PyMem_RawFree(bytes);
    return status;
}
