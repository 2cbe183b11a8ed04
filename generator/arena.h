/*
 * arena.h - the generator's bump allocator.
 *
 * modelc is a host tool: every IR node, view node and scratch string of one
 * run is allocated from one arena and freed at once with
 * gen_arena_dispose().  Out of memory is fatal in the generator (it prints
 * a message and exits 70); the generated runtime never does that.
 *
 * Ownership: the arena owns every block it returned; callers never free
 * them one by one.  Pointers stay valid until gen_arena_dispose().
 */
#ifndef MODELC_ARENA_H
#define MODELC_ARENA_H

#include <stddef.h>

typedef struct gen_arena_block gen_arena_block;

typedef struct gen_arena {
    gen_arena_block *head; /* current block, newest first */
    size_t total;          /* bytes handed out, for statistics */
} gen_arena;

/* Prepares an empty arena; allocates nothing. */
void gen_arena_init(gen_arena *a);

/* Frees every block; the arena is empty and reusable afterwards. */
void gen_arena_dispose(gen_arena *a);

/* Returns size bytes aligned for any object, never NULL (exits on OOM).
 * The memory is not cleared. */
void *gen_arena_alloc(gen_arena *a, size_t size);

/* Like gen_arena_alloc, but zero-filled. */
void *gen_arena_zalloc(gen_arena *a, size_t size);

/* Copies len bytes of s and adds a NUL; s may be NULL when len is 0. */
char *gen_arena_strndup(gen_arena *a, const char *s, size_t len);

/* Copies the NUL-terminated string s. */
char *gen_arena_strdup(gen_arena *a, const char *s);

/* printf into the arena. */
char *gen_arena_printf(gen_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Exits with status 70 after "modelc: out of memory".  For host code that
 * allocates outside the arena (xmalloc-style). */
void gen_oom(void)
#if defined(__GNUC__)
    __attribute__((noreturn))
#endif
    ;

/* malloc/realloc that call gen_oom() instead of returning NULL. */
void *gen_xmalloc(size_t size);
void *gen_xrealloc(void *p, size_t size);

#endif
