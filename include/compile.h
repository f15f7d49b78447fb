/* compile.h: compiling source to code objects (owned by the compiler
 * area).  Same names, values and signatures as CPython 3.11; the
 * Py_CompileString family lives here rather than in pythonrun.h so that
 * the compiler area owns every declaration it defines. */
#ifndef PY_COMPILE_H
#define PY_COMPILE_H
#ifdef __cplusplus
extern "C" {
#endif

/* start symbols of the grammar */
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345
#define Py_fstring_input 800

#ifndef Py_LIMITED_API
#define PyCF_MASK (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | \
                   CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION | \
                   CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL | \
                   CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS)
#define PyCF_MASK_OBSOLETE (CO_NESTED)
#define PyCF_SOURCE_IS_UTF8 0x0100
#define PyCF_DONT_IMPLY_DEDENT 0x0200
#define PyCF_ONLY_AST 0x0400
#define PyCF_IGNORE_COOKIE 0x0800
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_ALLOW_INCOMPLETE_INPUT 0x4000
#define PyCF_COMPILE_MASK (PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | \
                           PyCF_TYPE_COMMENTS | PyCF_DONT_IMPLY_DEDENT | \
                           PyCF_ALLOW_INCOMPLETE_INPUT)

typedef struct {
    int cf_flags;            /* bitmask of CO_xxx flags relevant to future */
    int cf_feature_version;  /* minor Python version (PyCF_ONLY_AST) */
} PyCompilerFlags;

#define _PyCompilerFlags_INIT { 0, 11 }

/* future feature names */
#define FUTURE_NESTED_SCOPES "nested_scopes"
#define FUTURE_GENERATORS "generators"
#define FUTURE_DIVISION "division"
#define FUTURE_ABSOLUTE_IMPORT "absolute_import"
#define FUTURE_WITH_STATEMENT "with_statement"
#define FUTURE_PRINT_FUNCTION "print_function"
#define FUTURE_UNICODE_LITERALS "unicode_literals"
#define FUTURE_BARRY_AS_BDFL "barry_as_FLUFL"
#define FUTURE_GENERATOR_STOP "generator_stop"
#define FUTURE_ANNOTATIONS "annotations"
#endif

PyAPI_FUNC(PyObject *) Py_CompileString(const char *str, const char *filename,
                                        int start);
#ifndef Py_LIMITED_API
PyAPI_FUNC(PyObject *) Py_CompileStringFlags(const char *str,
                                             const char *filename, int start,
                                             PyCompilerFlags *flags);
PyAPI_FUNC(PyObject *) Py_CompileStringExFlags(const char *str,
                                               const char *filename, int start,
                                               PyCompilerFlags *flags,
                                               int optimize);
PyAPI_FUNC(PyObject *) Py_CompileStringObject(const char *str,
                                              PyObject *filename, int start,
                                              PyCompilerFlags *flags,
                                              int optimize);
PyAPI_FUNC(int) PyCompile_OpcodeStackEffect(int opcode, int oparg);
PyAPI_FUNC(int) PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg,
                                                    int jump);
#endif

#ifdef __cplusplus
}
#endif
#endif
