/* opcodes.h: Krait's bytecode, the contract between src/compiler (which
 * emits it) and src/vm (which runs it).
 *
 * Encoding.  An instruction is one 32-bit word: the opcode in the low 8
 * bits, the argument in the high 24 bits (KR_OP / KR_ARG below).  There is
 * no EXTENDED_ARG: an argument that does not fit in 24 bits is a compile
 * error ("code too large").  Some instructions are followed by inline cache
 * words (the count is the second column of the table); the VM owns their
 * contents, the compiler emits them as zero words, and the next instruction
 * starts after them.  Jump arguments are ABSOLUTE word indexes into
 * co_code (so there is one JUMP and no forward/backward pair); a jump to a
 * lower index is a backward jump and checks the eval breaker.
 *
 * Semantics.  Unless stated here, an instruction behaves exactly like the
 * CPython 3.11 instruction of the same name (see the `dis` documentation
 * of 3.11), including the exception-table based handling of try/except/
 * finally/with: handlers are found through co_exceptiontable, never
 * through SETUP_* instructions.  Differences from 3.11:
 *  - no EXTENDED_ARG, CACHE or PRECALL; specialised forms are Krait's own
 *    (KR_SPECIALIZED_LIST below);
 *  - JUMP, POP_JUMP_IF_*, JUMP_IF_*_OR_POP, FOR_ITER, SEND and
 *    JUMP_NO_INTERRUPT take an absolute target;
 *  - CALL n: stack is [NULL|method, callable|self, arg1..argn] exactly as
 *    3.11's PRECALL+CALL pair; KW_NAMES i (before CALL) names the last
 *    len(co_consts[i]) arguments as keywords.
 *  - LOAD_GLOBAL: arg>>1 is the name index, arg&1 pushes NULL first (3.11).
 *  - LOAD_METHOD pushes [method, self] or [NULL, attr] (3.11).
 *  - BINARY_OP's argument is a KR_NB_* value below (3.11's NB_* numbering).
 *  - COMPARE_OP's argument is Py_LT..Py_GE.
 *  - FORMAT_VALUE flags as 3.11 (0x03 conversion: 0 none, 1 str, 2 repr,
 *    3 ascii; 0x04 a format spec is on the stack).
 *  - MAKE_FUNCTION flags as 3.11 (0x01 defaults, 0x02 kwdefaults,
 *    0x04 annotations, 0x08 closure); the qualified name comes from the
 *    code object (co_qualname), as in 3.11.
 *  - LOAD_CLOSURE i / LOAD_DEREF i / STORE_DEREF i / DELETE_DEREF i /
 *    MAKE_CELL i index the combined locals-plus array, as in 3.11.
 *  - RETURN_GENERATOR, the first instruction of a generator/coroutine body
 *    as in 3.11 (followed by POP_TOP).
 * Stack effects are 3.11's; kr_opcode_stack_effect() in the compiler owns
 * their table. */
#ifndef KR_OPCODES_H
#define KR_OPCODES_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include <stdint.h>

typedef uint32_t kr_word;
#define KR_OP(w) ((int)((w) & 0xff))
#define KR_ARG(w) ((int)((w) >> 8))
#define KR_INSTR(op, arg) ((kr_word)(op) | ((kr_word)(arg) << 8))
#define KR_MAX_ARG 0xffffff

/* X(name, number of inline cache words that follow) */
#define KR_OPCODE_LIST(X) \
    X(NOP, 0) \
    X(RESUME, 0) \
    X(POP_TOP, 0) \
    X(PUSH_NULL, 0) \
    X(COPY, 0) \
    X(SWAP, 0) \
    X(UNARY_POSITIVE, 0) \
    X(UNARY_NEGATIVE, 0) \
    X(UNARY_NOT, 0) \
    X(UNARY_INVERT, 0) \
    X(BINARY_OP, 1) \
    X(BINARY_SUBSCR, 1) \
    X(STORE_SUBSCR, 1) \
    X(DELETE_SUBSCR, 0) \
    X(COMPARE_OP, 1) \
    X(IS_OP, 0) \
    X(CONTAINS_OP, 0) \
    X(GET_ITER, 0) \
    X(GET_YIELD_FROM_ITER, 0) \
    X(GET_LEN, 0) \
    X(LOAD_CONST, 0) \
    X(LOAD_FAST, 0) \
    X(STORE_FAST, 0) \
    X(DELETE_FAST, 0) \
    X(LOAD_CLOSURE, 0) \
    X(LOAD_DEREF, 0) \
    X(STORE_DEREF, 0) \
    X(DELETE_DEREF, 0) \
    X(LOAD_CLASSDEREF, 0) \
    X(MAKE_CELL, 0) \
    X(COPY_FREE_VARS, 0) \
    X(LOAD_NAME, 0) \
    X(STORE_NAME, 0) \
    X(DELETE_NAME, 0) \
    X(LOAD_GLOBAL, 2) \
    X(STORE_GLOBAL, 0) \
    X(DELETE_GLOBAL, 0) \
    X(LOAD_ATTR, 2) \
    X(STORE_ATTR, 2) \
    X(DELETE_ATTR, 0) \
    X(LOAD_METHOD, 2) \
    X(LOAD_BUILD_CLASS, 0) \
    X(LOAD_ASSERTION_ERROR, 0) \
    X(BUILD_TUPLE, 0) \
    X(BUILD_LIST, 0) \
    X(BUILD_SET, 0) \
    X(BUILD_MAP, 0) \
    X(BUILD_CONST_KEY_MAP, 0) \
    X(BUILD_STRING, 0) \
    X(BUILD_SLICE, 0) \
    X(LIST_APPEND, 0) \
    X(SET_ADD, 0) \
    X(MAP_ADD, 0) \
    X(LIST_EXTEND, 0) \
    X(SET_UPDATE, 0) \
    X(DICT_UPDATE, 0) \
    X(DICT_MERGE, 0) \
    X(LIST_TO_TUPLE, 0) \
    X(UNPACK_SEQUENCE, 1) \
    X(UNPACK_EX, 0) \
    X(FORMAT_VALUE, 0) \
    X(JUMP, 0) \
    X(JUMP_NO_INTERRUPT, 0) \
    X(POP_JUMP_IF_FALSE, 0) \
    X(POP_JUMP_IF_TRUE, 0) \
    X(POP_JUMP_IF_NONE, 0) \
    X(POP_JUMP_IF_NOT_NONE, 0) \
    X(JUMP_IF_FALSE_OR_POP, 0) \
    X(JUMP_IF_TRUE_OR_POP, 0) \
    X(FOR_ITER, 0) \
    X(KW_NAMES, 0) \
    X(CALL, 2) \
    X(CALL_FUNCTION_EX, 0) \
    X(MAKE_FUNCTION, 0) \
    X(RETURN_VALUE, 0) \
    X(RETURN_GENERATOR, 0) \
    X(YIELD_VALUE, 0) \
    X(SEND, 0) \
    X(GET_AWAITABLE, 0) \
    X(GET_AITER, 0) \
    X(GET_ANEXT, 0) \
    X(END_ASYNC_FOR, 0) \
    X(ASYNC_GEN_WRAP, 0) \
    X(BEFORE_WITH, 0) \
    X(BEFORE_ASYNC_WITH, 0) \
    X(WITH_EXCEPT_START, 0) \
    X(RAISE_VARARGS, 0) \
    X(RERAISE, 0) \
    X(PUSH_EXC_INFO, 0) \
    X(POP_EXCEPT, 0) \
    X(CHECK_EXC_MATCH, 0) \
    X(CHECK_EG_MATCH, 0) \
    X(PREP_RERAISE_STAR, 0) \
    X(IMPORT_NAME, 0) \
    X(IMPORT_FROM, 0) \
    X(IMPORT_STAR, 0) \
    X(MATCH_CLASS, 0) \
    X(MATCH_MAPPING, 0) \
    X(MATCH_SEQUENCE, 0) \
    X(MATCH_KEYS, 0) \
    X(SETUP_ANNOTATIONS, 0) \
    X(PRINT_EXPR, 0) \
    X(LOAD_LOCALS, 0)

/* Specialised forms: X(name, base instruction).  The compiler never emits
 * these.  The VM rewrites an instruction's opcode in place to one of them
 * once it has seen what the instruction works on at that site (3.11's
 * "quickening"); each checks its assumption on every run and, when it no
 * longer holds, rewrites the site back to its base instruction and runs
 * that.  They share the base instruction's argument and cache words.
 * Everything outside the loop reads instructions through KR_BASE_OP, so
 * specialisation is invisible to co_code, tracing, equality and hashing. */
#define KR_SPECIALIZED_LIST(X) \
    X(CALL_PY_EXACT_ARGS, CALL) \
    X(CALL_CFUNC_FAST, CALL) \
    X(CALL_CFUNC_FAST_KW, CALL) \
    X(CALL_CFUNC_O, CALL) \
    X(CALL_CFUNC_NOARGS, CALL) \
    X(CALL_CFUNC_VARARGS, CALL) \
    X(CALL_CFUNC_VARARGS_KW, CALL) \
    X(CALL_DESCR_FAST, CALL) \
    X(CALL_DESCR_FAST_KW, CALL) \
    X(CALL_DESCR_O, CALL) \
    X(CALL_DESCR_NOARGS, CALL) \
    X(CALL_DESCR_VARARGS, CALL) \
    X(CALL_DESCR_VARARGS_KW, CALL) \
    X(LOAD_METHOD_NO_DICT, LOAD_METHOD) \
    X(LOAD_METHOD_WITH_DICT, LOAD_METHOD) \
    X(BINARY_OP_ADD_INT, BINARY_OP) \
    X(BINARY_OP_SUBTRACT_INT, BINARY_OP) \
    X(BINARY_OP_ADD_FLOAT, BINARY_OP) \
    X(BINARY_OP_SUBTRACT_FLOAT, BINARY_OP) \
    X(BINARY_OP_MULTIPLY_FLOAT, BINARY_OP) \
    X(COMPARE_OP_INT, COMPARE_OP) \
    X(COMPARE_OP_FLOAT, COMPARE_OP) \
    X(FOR_ITER_RANGE, FOR_ITER) \
    X(FOR_ITER_LIST, FOR_ITER)

enum kr_opcode {
#define KR_OPCODE_ENUM(name, cache) name,
    KR_OPCODE_LIST(KR_OPCODE_ENUM)
#undef KR_OPCODE_ENUM
    KR_NUM_BASE_OPCODES,
    KR_SPECIALIZED_BEFORE_FIRST = KR_NUM_BASE_OPCODES - 1,
#define KR_SPECIALIZED_ENUM(name, base) name,
    KR_SPECIALIZED_LIST(KR_SPECIALIZED_ENUM)
#undef KR_SPECIALIZED_ENUM
    KR_NUM_OPCODES
};

/* BINARY_OP arguments: CPython 3.11's NB_* numbering. */
enum kr_binary_op {
    KR_NB_ADD = 0, KR_NB_AND = 1, KR_NB_FLOOR_DIVIDE = 2, KR_NB_LSHIFT = 3,
    KR_NB_MATRIX_MULTIPLY = 4, KR_NB_MULTIPLY = 5, KR_NB_REMAINDER = 6,
    KR_NB_OR = 7, KR_NB_POWER = 8, KR_NB_RSHIFT = 9, KR_NB_SUBTRACT = 10,
    KR_NB_TRUE_DIVIDE = 11, KR_NB_XOR = 12,
    KR_NB_INPLACE_ADD = 13, KR_NB_INPLACE_AND = 14,
    KR_NB_INPLACE_FLOOR_DIVIDE = 15, KR_NB_INPLACE_LSHIFT = 16,
    KR_NB_INPLACE_MATRIX_MULTIPLY = 17, KR_NB_INPLACE_MULTIPLY = 18,
    KR_NB_INPLACE_REMAINDER = 19, KR_NB_INPLACE_OR = 20,
    KR_NB_INPLACE_POWER = 21, KR_NB_INPLACE_RSHIFT = 22,
    KR_NB_INPLACE_SUBTRACT = 23, KR_NB_INPLACE_TRUE_DIVIDE = 24,
    KR_NB_INPLACE_XOR = 25
};

/* KR_CACHES_<name>: the cache words of a base instruction, as a
 * compile-time constant for the loop. */
enum {
#define KR_OPCODE_CACHE_ENUM(name, cache) KR_CACHES_##name = cache,
    KR_OPCODE_LIST(KR_OPCODE_CACHE_ENUM)
#undef KR_OPCODE_CACHE_ENUM
};

/* Cache words after each opcode, and opcode names (for disassembly and
 * error messages); defined in src/vm/opcodes.c. */
extern const uint8_t kr_opcode_caches[KR_NUM_OPCODES];
extern const char *const kr_opcode_names[KR_NUM_OPCODES];
/* The instruction a specialised form stands for (itself for the others). */
extern const uint8_t kr_opcode_base[KR_NUM_OPCODES];
#define KR_BASE_OP(w) ((int)kr_opcode_base[KR_OP(w)])

/* Copies n code words, turning specialised instructions back into their
 * base instructions and clearing every cache word: the form the compiler
 * emitted.  dst may equal src. */
void kr_code_words_unspecialize(kr_word *dst, const kr_word *src, Py_ssize_t n);

#endif
