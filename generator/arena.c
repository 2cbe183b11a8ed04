/*
 * arena.c - bump allocation in blocks that double in size.
 *
 * Large requests get a block of their own so that a big string does not
 * waste the rest of the current block.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gen_arena_block {
    gen_arena_block *next;
    size_t used, cap;
    /* payload follows, aligned to max_align_t */
};

#define ARENA_ALIGN ((size_t)_Alignof(max_align_t))
#define ARENA_HEADER ((sizeof(gen_arena_block) + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1))
#define ARENA_MIN_BLOCK ((size_t)64 * 1024)

void gen_oom(void)
{
    fputs("modelc: out of memory\n", stderr);
    exit(70);
}

void *gen_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        gen_oom();
    return p;
}

void *gen_xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        gen_oom();
    return q;
}

void gen_arena_init(gen_arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void gen_arena_dispose(gen_arena *a)
{
    gen_arena_block *b = a->head;
    while (b) {
        gen_arena_block *next = b->next;
        free(b);
        b = next;
    }
    gen_arena_init(a);
}

static gen_arena_block *arena_new_block(size_t cap)
{
    if (cap > SIZE_MAX - ARENA_HEADER)
        gen_oom();
    gen_arena_block *b = gen_xmalloc(ARENA_HEADER + cap);
    b->used = 0;
    b->cap = cap;
    b->next = NULL;
    return b;
}

void *gen_arena_alloc(gen_arena *a, size_t size)
{
    if (size > SIZE_MAX - ARENA_ALIGN)
        gen_oom();
    size = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    gen_arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        if (size > ARENA_MIN_BLOCK / 4) {
            /* A block of its own, linked behind the current one. */
            gen_arena_block *big = arena_new_block(size);
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                a->head = big;
            }
            big->used = size;
            a->total += size;
            return (char *)big + ARENA_HEADER;
        }
        size_t cap = b ? b->cap * 2 : ARENA_MIN_BLOCK;
        if (cap > (size_t)16 * 1024 * 1024)
            cap = (size_t)16 * 1024 * 1024;
        b = arena_new_block(cap);
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b + ARENA_HEADER + b->used;
    b->used += size;
    a->total += size;
    return p;
}

void *gen_arena_zalloc(gen_arena *a, size_t size)
{
    void *p = gen_arena_alloc(a, size);
    memset(p, 0, size);
    return p;
}

char *gen_arena_strndup(gen_arena *a, const char *s, size_t len)
{
    char *p = gen_arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *gen_arena_strdup(gen_arena *a, const char *s)
{
    return gen_arena_strndup(a, s, strlen(s));
}

char *gen_arena_printf(gen_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        gen_oom();
    char *p = gen_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
