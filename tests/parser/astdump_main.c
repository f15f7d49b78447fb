/*
 * astdump_main.c - standalone driver for parser tests.
 *
 *   astdump [-m exec|eval|single] FILE...     dump each file's AST
 *   astdump -l LISTFILE                       files listed one per line
 *   -e                                        errors also give end_lineno
 *                                             and end_offset
 *
 * For each file prints one line: "OK <dump>" or
 * "ERR <Class>|<msg>|<lineno>|<offset>" (Class as CPython names it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parser/parser.h"
#include "parser/ast_dump.h"

static const char *err_class(kr_error_kind k, const char *msg)
{
    switch (k) {
    case KR_ERR_INDENTATION: return "IndentationError";
    case KR_ERR_TAB: return "TabError";
    case KR_ERR_MEMORY: return "MemoryError";
    case KR_ERR_RECURSION: return "RecursionError";
    case KR_ERR_VALUE: return "ValueError";
    case KR_ERR_TOO_DEEP:
        return strstr(msg, "parenthes") ? "SyntaxError" : "RecursionError";
    default: return "SyntaxError";
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(b, cap);
            if (!nb) {
                free(b);
                b = NULL;
            }
            b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

static void one(const char *path, int mode, int ends)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        printf("NOFILE %s\n", path);
        return;
    }
    kr_arena *a = kr_arena_new();
    kr_parse_error err;
    kr_mod *m = kr_parse(a, src, len, path, mode, 0, &err);
    if (m) {
        char *d = kr_ast_dump(m);
        /* the dump refuses trees deeper than CPython's ast module does */
        if (d)
            printf("OK %s\n", d);
        else
            printf("ERR RecursionError|maximum recursion depth exceeded "
                   "during ast construction|0|0%s\n", ends ? "|0|0" : "");
        free(d);
    } else {
        printf("ERR %s|%s|%d|%d", err_class(err.kind, err.msg), err.msg,
               err.lineno, err.offset);
        if (ends)
            printf("|%d|%d", err.end_lineno, err.end_offset);
        printf("\n");
    }
    kr_arena_free(a);
    free(src);
}

int main(int argc, char **argv)
{
    int mode = KR_MODE_FILE, ends = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            mode = strcmp(m, "eval") == 0 ? KR_MODE_EVAL
                 : strcmp(m, "single") == 0 ? KR_MODE_SINGLE
                 : strcmp(m, "func_type") == 0 ? KR_MODE_FUNC_TYPE
                                               : KR_MODE_FILE;
        } else if (strcmp(argv[i], "-e") == 0) {
            ends = 1;
        } else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
            FILE *f = fopen(argv[++i], "r");
            char line[4096];
            while (f && fgets(line, sizeof line, f)) {
                line[strcspn(line, "\n")] = 0;
                if (line[0])
                    one(line, mode, ends);
                fflush(stdout);
            }
            if (f)
                fclose(f);
        } else
            one(argv[i], mode, ends);
    }
    return 0;
}
