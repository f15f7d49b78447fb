/*
 * fuzz_parser.c - libFuzzer entry point for the front end: parses the
 * input in every mode (and with/without the str-source flag) and dumps
 * successful trees, so tokenizer, parser, f-string and dump code are all
 * exercised.  Build:
 *   clang -fsanitize=fuzzer,address -Isrc src/parser/[all .c files]
 *         tests/fuzz/fuzz_parser.c -o fuzz_parser -lm
 */
#include <stdint.h>
#include <stdlib.h>
#include "parser/parser.h"
#include "parser/ast_dump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int modes[] = { KR_MODE_FILE, KR_MODE_EVAL, KR_MODE_SINGLE,
                                 KR_MODE_FUNC_TYPE };
    for (int i = 0; i < 4; i++) {
        kr_arena *a = kr_arena_new();
        if (!a)
            return 0;
        kr_parse_error err;
        kr_mod *m = kr_parse(a, (const char *)data, size, "<fuzz>", modes[i],
                             i == 1 ? KR_PF_IGNORE_COOKIE : 0, &err);
        if (m) {
            char *d = kr_ast_dump(m);
            free(d);
        }
        kr_arena_free(a);
    }
    return 0;
}
