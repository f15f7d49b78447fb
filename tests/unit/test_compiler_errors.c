/* test_compiler_errors.c: unit tests of the compiler area.  Compiles
 * snippets and checks the SyntaxError messages, line numbers and a few
 * code-object properties against what CPython 3.11 reports.  Run with a
 * file name argument it instead compiles that file and prints the
 * disassembly (kr_code_dump), which is handy while debugging.
 * Prints "ok N" / "not ok N"; exits 0 when everything passed. */
#include "Python.h"
#include "internal.h"
#include "compiler/compiler.h"
#include <stdio.h>
#include <string.h>

static int failures, counter;

static void
check(int cond, const char *what)
{
    counter++;
    if (cond) {
        printf("ok %d - %s\n", counter, what);
    } else {
        printf("not ok %d - %s\n", counter, what);
        failures++;
    }
}

static PyObject *
compile_str(const char *src, int mode)
{
    PyObject *fn = PyUnicode_FromString("<test>");
    PyObject *co = kr_compile_source(src, (Py_ssize_t)strlen(src), fn, mode, NULL, 0);
    Py_DECREF(fn);
    return co;
}

/* compiles src, expecting exc type `type` with message `msg` at `line` */
static void
expect_error(const char *src, PyObject *type, const char *msg, int line)
{
    PyObject *co = compile_str(src, Py_file_input);
    char what[300];
    snprintf(what, sizeof what, "%s", msg);
    if (co != NULL) {
        Py_DECREF(co);
        check(0, what);
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    int ok = exc && PyErr_GivenExceptionMatches(exc, type);
    if (ok) {
        PyObject *m = PyObject_Str(exc);
        const char *ms = m ? PyUnicode_AsUTF8(m) : NULL;
        ok = ms && strncmp(ms, msg, strlen(msg)) == 0;
        if (!ok)
            printf("# got message: %s\n", ms ? ms : "?");
        Py_XDECREF(m);
        if (ok && line > 0) {
            PyObject *ln = PyObject_GetAttrString(exc, "lineno");
            ok = ln && PyLong_AsLong(ln) == line;
            if (!ok)
                printf("# got line %ld\n", ln ? PyLong_AsLong(ln) : -1L);
            Py_XDECREF(ln);
        }
    }
    PyErr_Clear();
    Py_XDECREF(exc);
    check(ok, what);
}

static void
expect_ok(const char *src, const char *what)
{
    PyObject *co = compile_str(src, Py_file_input);
    if (co == NULL) {
        PyErr_Print();
        check(0, what);
        return;
    }
    check(PyCode_Check(co), what);
    Py_DECREF(co);
}

static int
dump_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    PyObject *fn = PyUnicode_FromString(path);
    PyObject *co = kr_compile_source(buf, (Py_ssize_t)n, fn, Py_file_input, NULL, 0);
    Py_DECREF(fn);
    if (co == NULL) {
        PyErr_Print();
        return 1;
    }
    kr_code_dump((PyCodeObject *)co, stdout);
    Py_DECREF(co);
    return 0;
}

int
main(int argc, char **argv)
{
    PyImport_AppendInittab("_ast", PyInit__ast);
    Py_Initialize();
    if (argc > 1)
        return dump_file(argv[1]);
    PyObject *SE = PyExc_SyntaxError;
    expect_ok("x = 1\nprint(x)\n", "simple module");
    expect_ok("def f(a, b=1, *c, d, e=2, **f):\n    return a\n", "function signature");
    expect_ok("class C:\n    def m(self):\n        return super().m()\n", "super cell");
    expect_ok("try:\n    pass\nexcept* ValueError as e:\n    pass\n", "except*");
    expect_ok("match x:\n    case [1, *rest]:\n        pass\n    case {'a': b, **kw}:\n"
              "        pass\n    case C(1, y=2) | D():\n        pass\n    case _:\n        pass\n",
              "match");
    expect_ok("async def f():\n    async with a as b:\n        async for x in b:\n"
              "            await x\n    return [y async for y in z]\n", "async");
    expect_error("def f():\n    x = 1\n    global x\n", SE,
                 "name 'x' is assigned to before global declaration", 3);
    expect_error("def f():\n    print(x)\n    global x\n", SE,
                 "name 'x' is used prior to global declaration", 3);
    expect_error("nonlocal x\n", SE, "nonlocal declaration not allowed at module level", 1);
    expect_error("def f():\n    nonlocal x\n", SE, "no binding for nonlocal 'x' found", 2);
    expect_error("[i := 0 for i in range(5)]\n", SE,
                 "assignment expression cannot rebind comprehension iteration variable 'i'", 1);
    expect_error("def f():\n    [(yield x) for x in y]\n", SE,
                 "'yield' inside list comprehension", 2);
    expect_error("return 1\n", SE, "'return' outside function", 1);
    expect_error("yield 1\n", SE, "'yield' outside function", 1);
    expect_error("await x\n", SE, "'await' outside function", 1);
    expect_error("def f():\n    await x\n", SE, "'await' outside async function", 2);
    expect_error("break\n", SE, "'break' outside loop", 1);
    expect_error("continue\n", SE, "'continue' not properly in loop", 1);
    expect_error("async def f():\n    yield 1\n    return 2\n", SE,
                 "'return' with value in async generator", 3);
    expect_error("match x:\n    case y:\n        pass\n    case 1:\n        pass\n", SE,
                 "name capture 'y' makes remaining patterns unreachable", 2);
    expect_error("match x:\n    case _:\n        pass\n    case 1:\n        pass\n", SE,
                 "wildcard makes remaining patterns unreachable", 2);
    expect_error("match x:\n    case [a, a]:\n        pass\n", SE,
                 "multiple assignments to name 'a' in pattern", 2);
    expect_error("match x:\n    case [a] | [b]:\n        pass\n", SE,
                 "alternative patterns bind different names", 2);
    expect_error("match x:\n    case {1: a, 1: b}:\n        pass\n", SE,
                 "mapping pattern checks duplicate key (1)", 2);
    expect_error("a, *b, *c = d\n", SE, "multiple starred expressions in assignment", 1);
    expect_error("x = 1\nfrom __future__ import annotations\n", SE,
                 "from __future__ imports must occur at the beginning of the file", 2);
    expect_error("from __future__ import nope\n", SE, "future feature nope is not defined", 1);
    expect_error("from __future__ import braces\n", SE, "not a chance", 1);
    expect_error("def f(a, a):\n    pass\n", SE,
                 "duplicate argument 'a' in function definition", 1);
    expect_error("def f():\n    from m import *\n", SE, "import * only allowed at module level", 2);
    {
        PyObject *co = compile_str("-1\n", Py_eval_input);
        int ok = co && PyTuple_GET_SIZE(((PyCodeObject *)co)->co_consts) >= 1;
        if (ok) {
            PyObject *k = PyTuple_GET_ITEM(((PyCodeObject *)co)->co_consts, 0);
            ok = PyLong_Check(k) && PyLong_AsLong(k) == -1;
        }
        PyErr_Clear();
        Py_XDECREF(co);
        check(ok, "-1 is folded to one constant");
    }
    {
        char *deep = malloc(200005);
        size_t k = 0;
        memcpy(deep, "x = ", 4);
        k = 4;
        for (int i = 0; i < 50000; i++) {
            memcpy(deep + k, "-", 1);
            k++;
        }
        memcpy(deep + k, "1\n", 3);
        PyObject *co = compile_str(deep, Py_file_input);
        check(co != NULL || PyErr_Occurred(), "deep nesting does not crash");
        PyErr_Clear();
        Py_XDECREF(co);
        free(deep);
    }
    {
        /* source -> ast objects -> code, and run it */
        PyObject *fn = PyUnicode_FromString("<ast>");
        PyCompilerFlags cf = { PyCF_ONLY_AST, 11 };
        const char *src = "(lambda a, *, b=2: [a * b for _ in range(3)])(7)";
        PyObject *tree = kr_compile_source(src, (Py_ssize_t)strlen(src), fn, Py_eval_input,
                                           &cf, 0);
        PyCompilerFlags cf2 = { 0, 11 };
        PyObject *co = tree ? kr_compile_ast(tree, fn, Py_eval_input, &cf2, 0) : NULL;
        PyObject *g = PyDict_New();
        if (g)
            PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins());
        PyObject *r = co ? PyEval_EvalCode(co, g, g) : NULL;
        PyObject *rs = r ? PyObject_Repr(r) : NULL;
        const char *t = rs ? PyUnicode_AsUTF8(rs) : NULL;
        check(t && strcmp(t, "[14, 14, 14]") == 0, "ast round trip compiles and runs");
        if (PyErr_Occurred())
            PyErr_Print();
        Py_XDECREF(rs);
        Py_XDECREF(r);
        Py_XDECREF(g);
        Py_XDECREF(co);
        Py_XDECREF(tree);
        Py_DECREF(fn);
    }
    printf("%d tests, %d failures\n", counter, failures);
    return failures != 0;
}
