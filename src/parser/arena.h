/*
 * arena.h - bump allocator that owns every AST node, identifier and
 * constant produced by the parser.  One kr_arena per parse (or per
 * compilation); kr_arena_free() releases everything at once, so the
 * parser never frees individual objects and error paths cannot leak.
 */
#ifndef KR_PARSER_ARENA_H
#define KR_PARSER_ARENA_H

#include <stddef.h>

typedef struct kr_arena kr_arena;

kr_arena *kr_arena_new(void);
void kr_arena_free(kr_arena *a);
/* Returns zeroed, 16-byte aligned memory or NULL when out of memory. */
void *kr_arena_alloc(kr_arena *a, size_t size);
/* Copies len bytes and appends a NUL. */
char *kr_arena_strndup(kr_arena *a, const char *s, size_t len);
/* Total bytes handed out (for diagnostics). */
size_t kr_arena_used(const kr_arena *a);

#endif
