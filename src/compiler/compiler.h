/* compiler.h (internal): entry points of the compiler area that the rest
 * of the runtime calls (builtins compile()/exec()/eval(), import, the
 * krait command), and the code-object constructor the compiler shares
 * with src/objects/codeobject.c.
 *
 * Public CPython-named entry points (Py_CompileString*, PyCompilerFlags,
 * PyCF_*) are in include/compile.h. */
#ifndef KR_COMPILER_H
#define KR_COMPILER_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include <stdio.h>
#include "vm/code.h"

struct kr_mod;
struct kr_arena;

/* Compile source text to a code object.  `mode` is Py_file_input,
 * Py_eval_input or Py_single_input; `filename` is a str; `flags` may be
 * NULL and, when given, receives the future flags of the compiled unit
 * (so compile(..., dont_inherit=False) and the REPL can carry them on).
 * `optimize` is -1 (use the context's -O level), 0, 1 or 2.
 * Returns a new reference to a code object, or NULL with SyntaxError,
 * IndentationError, TabError, RecursionError, MemoryError, ValueError or
 * SystemError set. */
PyObject *kr_compile_source(const char *src, Py_ssize_t len,
                            PyObject *filename, int mode,
                            PyCompilerFlags *flags, int optimize);

/* Compile an already parsed tree (allocated in `arena`); same contract. */
PyObject *kr_compile_mod(struct kr_mod *mod, struct kr_arena *arena,
                         PyObject *filename, int mode,
                         PyCompilerFlags *flags, int optimize);

/* Raise SyntaxError (or `type`, a subclass) with CPython's argument
 * shape: (msg, (filename, lineno, offset, text, end_lineno, end_offset)).
 * Columns are 1-based character offsets; `text` may be NULL (None);
 * offset, end_lineno or end_offset INT_MIN mean None.  Returns NULL. */
PyObject *kr_syntax_error_raise(PyObject *type, const char *msg,
                                PyObject *filename, int lineno, int offset,
                                int end_lineno, int end_offset,
                                const char *text);

/* The `_ast` module (astmodule.c): register it as a built-in module. */
PyMODINIT_FUNC PyInit__ast(void);
/* The Python `ast` objects for a parsed tree; new reference or NULL. */
PyObject *kr_ast_from_mod(struct kr_mod *mod);

/* compile() of an `ast.Module` / `Expression` / `Interactive` object
 * (astconvert.c); same contract as kr_compile_source.  With
 * PyCF_ONLY_AST in flags the object is checked and returned as is. */
PyObject *kr_compile_ast(PyObject *ast, PyObject *filename, int mode,
                         PyCompilerFlags *flags, int optimize);

/* Everything a code object is made of; kr_code_new copies the arrays
 * and takes new references to the objects, so the caller keeps
 * ownership of what it passes. */
typedef struct kr_code_spec {
    const kr_word *code;
    Py_ssize_t ncode;
    const kr_location *locations;     /* ncode entries */
    const kr_exc_entry *exceptions;
    int nexceptions;
    PyObject *consts;                 /* tuple */
    PyObject *names;                  /* tuple of str */
    PyObject *localsplusnames;        /* tuple of str */
    const unsigned char *localspluskinds;
    int nlocals, ncellvars, nfreevars;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags, stacksize, firstlineno;
    PyObject *filename, *name, *qualname;   /* str */
} kr_code_spec;

/* New reference, or NULL with an exception set. */
PyCodeObject *kr_code_new(const kr_code_spec *spec);

/* Human-readable disassembly (debugging aid; recurses into nested code
 * objects found in co_consts). */
void kr_code_dump(PyCodeObject *co, FILE *out);

/* CPython 3.11's stack effect of `op` with `arg`; `jump` is 1 for the
 * branch taken, 0 for fall-through, -1 for the maximum of both.  Returns
 * INT_MAX for an unknown opcode. */
int kr_opcode_stack_effect(int op, int arg, int jump);

#endif
