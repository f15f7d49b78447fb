/* opcodes.c: the tables derived from KR_OPCODE_LIST (vm/opcodes.h). */
#include "internal.h"
#include "vm/opcodes.h"

const uint8_t kr_opcode_caches[KR_NUM_OPCODES] = {
#define KR_OPCODE_CACHE(name, cache) cache,
    KR_OPCODE_LIST(KR_OPCODE_CACHE)
#undef KR_OPCODE_CACHE
};

const char *const kr_opcode_names[KR_NUM_OPCODES] = {
#define KR_OPCODE_NAME(name, cache) #name,
    KR_OPCODE_LIST(KR_OPCODE_NAME)
#undef KR_OPCODE_NAME
};
