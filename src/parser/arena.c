/*
 * arena.c - bump allocator for the front end (see arena.h).
 * Blocks grow geometrically so huge inputs do not cost a malloc per node;
 * oversized requests get their own block.
 */
#include "parser/arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

typedef struct kr_arena_block {
    struct kr_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} kr_arena_block;

struct kr_arena {
    kr_arena_block *head;
    size_t next_size;
    size_t total;
};

kr_arena *kr_arena_new(void)
{
    kr_arena *a = calloc(1, sizeof *a);
    if (a)
        a->next_size = 16 * 1024;
    return a;
}

void kr_arena_free(kr_arena *a)
{
    if (!a)
        return;
    kr_arena_block *b = a->head;
    while (b) {
        kr_arena_block *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

void *kr_arena_alloc(kr_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    kr_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t bs = a->next_size;
        if (bs < size)
            bs = size;
        if (bs > SIZE_MAX - sizeof(kr_arena_block))
            return NULL;
        b = malloc(sizeof(kr_arena_block) + bs);
        if (!b)
            return NULL;
        b->size = bs;
        b->used = 0;
        /* keep the current (partly free) block at the head when the new
           one is a one-off big allocation */
        if (a->head && size > a->next_size) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
            if (a->next_size < (1u << 22))
                a->next_size *= 2;
        }
    }
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *kr_arena_strndup(kr_arena *a, const char *s, size_t len)
{
    char *p = kr_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = 0;
    return p;
}

size_t kr_arena_used(const kr_arena *a)
{
    return a->total;
}
