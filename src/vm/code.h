/* code.h (internal): the layout of Krait's code objects, the unit the
 * compiler produces and the VM executes.
 *
 * Ownership: every PyObject * field is an owned reference; the arrays are
 * owned and freed with the code object.  Code objects are immutable after
 * creation except for the inline cache words inside co_code, which only
 * the VM writes.
 *
 * Locals-plus: a frame's fast slots are [locals..., cells..., frees...]
 * in co_localsplusnames order, with co_localspluskinds giving each slot's
 * kind bits (a parameter captured by an inner function is LOCAL|CELL and
 * is turned into a cell by MAKE_CELL, as in CPython 3.11). */
#ifndef KR_VM_CODE_H
#define KR_VM_CODE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "vm/opcodes.h"

#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL 0x40
#define CO_FAST_FREE 0x80

/* Source position of one instruction word.  Columns are 0-based UTF-8
 * byte offsets as in the AST; -1 means unknown (as CPython's None). */
typedef struct kr_location {
    int lineno, end_lineno, col, end_col;
} kr_location;

/* One exception-table entry: an exception raised by an instruction whose
 * word index is in [start, end) pops the value stack down to `depth`
 * entries, pushes the index of the raising instruction as an int if
 * `lasti` is set, pushes the exception, and jumps to `handler`.  Entries
 * do not overlap and are sorted by start, so the VM can binary-search. */
typedef struct kr_exc_entry {
    uint32_t start, end, handler;
    uint16_t depth;
    uint8_t lasti;
} kr_exc_entry;

struct PyCodeObject {
    PyObject_HEAD
    kr_word *co_code;               /* instructions and their cache words */
    Py_ssize_t co_ncode;            /* number of words in co_code */
    kr_location *co_locations;      /* co_ncode entries */
    kr_exc_entry *co_exceptiontable;
    int co_nexceptions;
    PyObject *co_consts;            /* tuple */
    PyObject *co_names;             /* tuple of str: globals, attributes, imports */
    PyObject *co_localsplusnames;   /* tuple of str */
    unsigned char *co_localspluskinds;
    int co_nlocalsplus;             /* = co_nlocals + co_ncellvars + co_nfreevars,
                                       less arguments that are also cells */
    int co_nlocals;                 /* slots that are plain or argument locals */
    int co_ncellvars;
    int co_nfreevars;
    int co_argcount;
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_flags;
    int co_stacksize;
    int co_firstlineno;
    PyObject *co_filename;          /* str */
    PyObject *co_name;              /* str */
    PyObject *co_qualname;          /* str */
    PyObject *co_weakreflist;
    PyObject *co_code_bytes;        /* lazily built `co_code` attribute, or NULL */
    void *co_extra;
};

#endif
