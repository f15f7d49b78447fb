/* specialize.h: choosing the specialised form of an instruction (the
 * forms are listed in vm/opcodes.h; the loop in vm/ceval.c runs them).
 *
 * Each kr_specialize_* is called by the loop with the instruction's word
 * and the operands it is about to work on.  If the operands fit one of
 * the instruction's specialised forms, the word's opcode is rewritten to
 * that form; otherwise, for instructions with an adaptive counter (the
 * first cache word), the counter is set so that the site is not looked at
 * again for a while.  The loop undoes a specialisation whose check fails
 * (KR_SPECIALIZE_BACKOFF then holds the site generic for a while).  Only
 * the opcode byte and cache words are written, never the argument: the
 * code stays what the compiler emitted as seen through KR_BASE_OP. */
#ifndef KR_SPECIALIZE_H
#define KR_SPECIALIZE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "vm/opcodes.h"

/* Runs of the generic form before a site is looked at again. */
#define KR_SPECIALIZE_BACKOFF 64

/* Rewrites the opcode of *instr, keeping its argument. */
static inline void kr_specialize_set(kr_word *instr, int op)
{
    *instr = KR_INSTR(op, KR_ARG(*instr));
}

/* CALL with [callable, args[0..total)] after bound-method unpacking;
 * method_layout tells whether the stack held [method, self, args...]
 * before that (see CALL in vm/opcodes.h). */
void kr_specialize_call(kr_word *instr, PyObject *callable, PyObject *const *args, int total,
                        PyObject *kwnames, int method_layout);
/* BINARY_OP (the argument is the operation) on l and r. */
void kr_specialize_binary_op(kr_word *instr, PyObject *l, PyObject *r);
/* COMPARE_OP on l and r. */
void kr_specialize_compare_op(kr_word *instr, PyObject *l, PyObject *r);
/* FOR_ITER on iterator it.  (Inline, and no counter: the generic form
 * offers every run, an iterator's type rarely changes at a site, and a
 * wrong guess costs one type test.) */
static inline void kr_specialize_for_iter(kr_word *instr, PyObject *it)
{
    if (Py_IS_TYPE(it, &PyRangeIter_Type))
        kr_specialize_set(instr, FOR_ITER_RANGE);
    else if (Py_IS_TYPE(it, &PyListIter_Type))
        kr_specialize_set(instr, FOR_ITER_LIST);
}

/* LOAD_METHOD on obj, once its cache holds obj's type version and a
 * method descriptor.  A type with that version has the same instance
 * layout: no instance dict, so nothing can shadow the method, or a dict
 * at a fixed offset, which only needs to lack the name. */
static inline void kr_specialize_load_method(kr_word *instr, PyObject *obj)
{
    Py_ssize_t off = Py_TYPE(obj)->tp_dictoffset;
    if (off == 0)
        kr_specialize_set(instr, LOAD_METHOD_NO_DICT);
    else if (off > 0)
        kr_specialize_set(instr, LOAD_METHOD_WITH_DICT);
}

#endif
