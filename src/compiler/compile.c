/* compile.c: the compiler's entry points.  Source text goes through the
 * parser (src/parser, pure C), whose errors become SyntaxError /
 * IndentationError / TabError with CPython's argument shape; the AST then
 * goes through `from __future__` checks, the symbol table and code
 * generation.  Also the CPython-named C API (Py_CompileString*). */
#include "internal.h"
#include "compiler/codegen.h"
#include "parser/parser.h"

/* ---- __future__ ---------------------------------------------------------- */

static int
kr_future_error(PyObject *filename, kr_stmt *s, const char *msg, int offset)
{
    kr_compiler_error_at(NULL, filename, msg, s->lineno, offset - 1, s->lineno, INT_MIN);
    return -1;
}

static int
kr_future_check(kr_stmt *s, PyObject *filename, int *flags)
{
    kr_alias_seq *names = s->v.ImportFrom.names;
    for (int i = 0; i < KR_SEQ_LEN(names); i++) {
        const char *f = names->items[i]->name;
        if (!strcmp(f, FUTURE_NESTED_SCOPES) || !strcmp(f, FUTURE_GENERATORS) ||
            !strcmp(f, FUTURE_DIVISION) || !strcmp(f, FUTURE_ABSOLUTE_IMPORT) ||
            !strcmp(f, FUTURE_WITH_STATEMENT) || !strcmp(f, FUTURE_PRINT_FUNCTION) ||
            !strcmp(f, FUTURE_UNICODE_LITERALS) || !strcmp(f, FUTURE_GENERATOR_STOP))
            continue;
        if (!strcmp(f, FUTURE_BARRY_AS_BDFL)) {
            *flags |= CO_FUTURE_BARRY_AS_BDFL;
        } else if (!strcmp(f, FUTURE_ANNOTATIONS)) {
            *flags |= CO_FUTURE_ANNOTATIONS;
        } else if (!strcmp(f, "braces")) {
            return kr_future_error(filename, s, "not a chance", s->col_offset + 1);
        } else {
            char buf[160];
            snprintf(buf, sizeof buf, "future feature %.100s is not defined", f);
            return kr_future_error(filename, s, buf, s->col_offset + 1);
        }
    }
    return 0;
}

int
kr_future_parse(kr_mod *mod, PyObject *filename, int *flags, int *last_lineno)
{
    kr_stmt_seq *body;
    if (mod->kind == KR_Module)
        body = mod->v.Module.body;
    else if (mod->kind == KR_Interactive)
        body = mod->v.Interactive.body;
    else
        return 0;
    int i = 0, done = 0, prev_line = 0;
    if (KR_SEQ_LEN(body) && body->items[0]->kind == KR_Expr &&
        body->items[0]->v.Expr.value->kind == KR_Constant &&
        body->items[0]->v.Expr.value->v.Constant.value.kind == KR_CONST_STR)
        i++;
    for (; i < KR_SEQ_LEN(body); i++) {
        kr_stmt *s = body->items[i];
        if (done && s->lineno > prev_line)
            return 0;
        prev_line = s->lineno;
        if (s->kind == KR_ImportFrom && s->v.ImportFrom.module &&
            strcmp(s->v.ImportFrom.module, "__future__") == 0) {
            if (done)
                return kr_future_error(filename, s, "from __future__ imports must occur "
                                       "at the beginning of the file", s->col_offset);
            if (kr_future_check(s, filename, flags) < 0)
                return -1;
            *last_lineno = s->lineno;
        } else {
            done = 1;
        }
    }
    return 0;
}

/* ---- compiling ----------------------------------------------------------- */

PyObject *
kr_compile_mod(kr_mod *mod, kr_arena *arena, PyObject *filename, int mode,
               PyCompilerFlags *flags, int optimize)
{
    kr_compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.arena = arena;
    c.cf_flags = flags ? flags->cf_flags : 0;
    c.future_flags = c.cf_flags & PyCF_MASK;
    if (optimize < 0) {
        struct kr_context *ctx = kr_context_get();
        optimize = ctx ? ctx->options.optimize : 0;
    }
    c.optimize = optimize;
    PyCodeObject *co = NULL;
    int fflags = 0;
    if (kr_future_parse(mod, filename, &fflags, &c.future_lineno) < 0)
        return NULL;
    c.future_flags |= fflags;
    if (flags)
        flags->cf_flags |= c.future_flags & PyCF_MASK;
    c.st = kr_symtable_build(mod, filename, c.future_flags, NULL);
    if (c.st == NULL)
        return NULL;
    co = kr_cg_module(&c, mod);
    kr_symtable_free(c.st);
    for (int i = 0; i < c.fold_cap; i++)
        if (c.fold_keys[i])
            Py_XDECREF(c.fold_vals[i]);
    free(c.fold_keys);
    free(c.fold_vals);
    return (PyObject *)co;
}

static PyObject *
kr_parse_error_raise(const kr_parse_error *err, PyObject *filename)
{
    PyObject *type = PyExc_SyntaxError;
    switch (err->kind) {
    case KR_ERR_MEMORY:
        return PyErr_NoMemory();
    case KR_ERR_VALUE:
        PyErr_SetString(PyExc_ValueError, err->msg);
        return NULL;
    case KR_ERR_RECURSION:
        PyErr_SetString(PyExc_RecursionError, err->msg);
        return NULL;
    case KR_ERR_TOO_DEEP:
        if (strstr(err->msg, "parenthes") == NULL) {
            PyErr_SetString(PyExc_MemoryError, err->msg);
            return NULL;
        }
        break;
    case KR_ERR_INDENTATION:
        type = PyExc_IndentationError;
        break;
    case KR_ERR_TAB:
        type = PyExc_TabError;
        break;
    case KR_ERR_INCOMPLETE:
        if (err->msg[0] == '\0') {
            kr_syntax_error_raise(type, "incomplete input", filename, err->lineno,
                                  err->offset, err->end_lineno, err->end_offset, err->text);
            return NULL;
        }
        break;
    default:
        break;
    }
    return kr_syntax_error_raise(type, err->msg[0] ? err->msg : "invalid syntax", filename,
                                 err->lineno, err->offset, err->end_lineno,
                                 err->end_offset, err->text);
}

PyObject *
kr_compile_source(const char *src, Py_ssize_t len, PyObject *filename, int mode,
                  PyCompilerFlags *flags, int optimize)
{
    int pmode;
    switch (mode) {
    case Py_file_input: pmode = KR_MODE_FILE; break;
    case Py_eval_input: pmode = KR_MODE_EVAL; break;
    case Py_single_input: pmode = KR_MODE_SINGLE; break;
    case Py_func_type_input: pmode = KR_MODE_FUNC_TYPE; break;
    default:
        PyErr_SetString(PyExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    int cf = flags ? flags->cf_flags : 0;
    int pflags = 0;
    if (cf & (PyCF_IGNORE_COOKIE | PyCF_SOURCE_IS_UTF8))
        pflags |= KR_PF_IGNORE_COOKIE;
    if (cf & CO_FUTURE_BARRY_AS_BDFL)
        pflags |= KR_PF_BARRY_AS_BDFL;
    if (cf & PyCF_ALLOW_INCOMPLETE_INPUT)
        pflags |= KR_PF_ALLOW_INCOMPLETE;
    const char *fn = PyUnicode_AsUTF8(filename);
    if (fn == NULL)
        return NULL;
    kr_arena *arena = kr_arena_new();
    if (arena == NULL)
        return PyErr_NoMemory();
    kr_parse_error err;
    memset(&err, 0, sizeof err);
    kr_mod *mod = kr_parse(arena, src, (size_t)len, fn, pmode, pflags, &err);
    PyObject *co = NULL;
    if (mod == NULL)
        kr_parse_error_raise(&err, filename);
    else if (cf & PyCF_ONLY_AST)
        co = kr_ast_from_mod(mod);
    else
        co = kr_compile_mod(mod, arena, filename, mode, flags, optimize);
    kr_arena_free(arena);
    return co;
}

/* ---- C API --------------------------------------------------------------- */

PyObject *
Py_CompileStringObject(const char *str, PyObject *filename, int start,
                       PyCompilerFlags *flags, int optimize)
{
    return kr_compile_source(str, (Py_ssize_t)strlen(str), filename, start, flags, optimize);
}

PyObject *
Py_CompileStringExFlags(const char *str, const char *filename, int start,
                        PyCompilerFlags *flags, int optimize)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL)
        return NULL;
    PyObject *co = Py_CompileStringObject(str, fn, start, flags, optimize);
    Py_DECREF(fn);
    return co;
}

PyObject *
Py_CompileStringFlags(const char *str, const char *filename, int start,
                      PyCompilerFlags *flags)
{
    return Py_CompileStringExFlags(str, filename, start, flags, -1);
}

PyObject *
Py_CompileString(const char *str, const char *filename, int start)
{
    return Py_CompileStringExFlags(str, filename, start, NULL, -1);
}
