/* opcodes.c: the tables derived from KR_OPCODE_LIST and
 * KR_SPECIALIZED_LIST (vm/opcodes.h), and the undoing of specialisation
 * for everything that reads code words outside the loop. */
#include "internal.h"
#include "vm/opcodes.h"

const uint8_t kr_opcode_base[KR_NUM_OPCODES] = {
#define KR_OPCODE_SELF(name, cache) name,
    KR_OPCODE_LIST(KR_OPCODE_SELF)
#undef KR_OPCODE_SELF
#define KR_SPECIALIZED_BASE(name, base) base,
    KR_SPECIALIZED_LIST(KR_SPECIALIZED_BASE)
#undef KR_SPECIALIZED_BASE
};

/* (a specialised form has its base instruction's cache words) */
#define KR_CACHES_OF(op) KR_CACHES_##op

const uint8_t kr_opcode_caches[KR_NUM_OPCODES] = {
#define KR_OPCODE_CACHE(name, cache) cache,
    KR_OPCODE_LIST(KR_OPCODE_CACHE)
#undef KR_OPCODE_CACHE
#define KR_SPECIALIZED_CACHE(name, base) KR_CACHES_OF(base),
    KR_SPECIALIZED_LIST(KR_SPECIALIZED_CACHE)
#undef KR_SPECIALIZED_CACHE
};

const char *const kr_opcode_names[KR_NUM_OPCODES] = {
#define KR_OPCODE_NAME(name, cache) #name,
    KR_OPCODE_LIST(KR_OPCODE_NAME)
#undef KR_OPCODE_NAME
#define KR_SPECIALIZED_NAME(name, base) #name,
    KR_SPECIALIZED_LIST(KR_SPECIALIZED_NAME)
#undef KR_SPECIALIZED_NAME
};

void kr_code_words_unspecialize(kr_word *dst, const kr_word *src, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n) {
        kr_word w = src[i];
        int base = KR_BASE_OP(w);
        dst[i++] = KR_INSTR(base, KR_ARG(w));
        for (int c = 0; c < kr_opcode_caches[base] && i < n; c++)
            dst[i++] = 0;
    }
}
