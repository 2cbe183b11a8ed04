/*
 * strmap.h - a small open-addressing hash table from byte strings to pointers.
 *
 * The generator looks many things up by name or by identity: files by path
 * and by (device, inode), diagnostic sources by path, schemas by name and by
 * node, types by name.  A linear scan there makes a run quadratic in the
 * number of types; this table keeps each lookup O(1) on average.  Keys are
 * byte strings (ptr, len), compared with memcmp, so a pointer or a pair of
 * integers can be a key too (pass the address of the stored value and its
 * size).  Linear probing, power-of-two capacity, at most 3/4 full.
 *
 * Ownership: keys are NOT copied: the caller keeps each key's bytes alive and
 * unchanged while it is in the map.  Values are the caller's (never NULL).
 * The slot array lives in the arena given to gen_strmap_init (a grown table
 * leaves its old array there, which at most doubles the table's footprint),
 * or, with a NULL arena, in malloc memory that gen_strmap_dispose frees.
 * Owned by the generator (generator/); no entry is ever removed.
 */
#ifndef MODELC_STRMAP_H
#define MODELC_STRMAP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

typedef struct gen_strmap_slot {
    const char *key;   /* NULL: empty slot */
    size_t len;
    uint64_t hash;
    void *value;
} gen_strmap_slot;

typedef struct gen_strmap {
    gen_arena *arena;  /* NULL: slots are malloc'd */
    gen_strmap_slot *slots;
    size_t cap, count;
} gen_strmap;

/* Prepares an empty map; allocates nothing.  arena may be NULL (see above). */
void gen_strmap_init(gen_strmap *m, gen_arena *arena);

/* Frees the slots when they are malloc'd; the map is empty afterwards. */
void gen_strmap_dispose(gen_strmap *m);

/* The hash used for keys (64-bit FNV-1a with a final mix). */
uint64_t gen_strmap_hash(const void *key, size_t len);

/* The value stored for key, or NULL. */
void *gen_strmap_get(const gen_strmap *m, const void *key, size_t len);

/* Stores key -> value unless key is already there.  Returns the value now
 * stored for key: value itself when it was added, else the earlier one. */
void *gen_strmap_add(gen_strmap *m, const void *key, size_t len, void *value);

/* Stores key -> value, replacing an earlier value (the stored key pointer
 * is replaced too, so the old key's bytes may then go away). */
void gen_strmap_put(gen_strmap *m, const void *key, size_t len, void *value);

/* NUL-terminated string keys. */
static inline void *gen_strmap_gets(const gen_strmap *m, const char *key)
{
    return gen_strmap_get(m, key, strlen(key));
}

#endif
