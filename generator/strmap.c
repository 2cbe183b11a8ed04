/*
 * strmap.c - the open-addressing string hash table of strmap.h.
 *
 * FNV-1a over the bytes, then a 64-bit finaliser (from MurmurHash3) so that
 * the low bits used to pick a slot depend on every byte: names that differ
 * only in one digit (Type00017, Type00018) must not cluster.  The full hash
 * is kept in each slot, so growing never rehashes a key and a probe compares
 * bytes only when the hashes match.
 */
#include "strmap.h"

#include <stdlib.h>

void gen_strmap_init(gen_strmap *m, gen_arena *arena)
{
    m->arena = arena;
    m->slots = NULL;
    m->cap = m->count = 0;
}

void gen_strmap_dispose(gen_strmap *m)
{
    if (!m->arena)
        free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
}

uint64_t gen_strmap_hash(const void *key, size_t len)
{
    const unsigned char *p = key;
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 1099511628211u;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h;
}

static gen_strmap_slot *slots_new(gen_strmap *m, size_t cap)
{
    size_t bytes = cap * sizeof(gen_strmap_slot);
    gen_strmap_slot *s = m->arena ? gen_arena_alloc(m->arena, bytes) : gen_xmalloc(bytes);
    memset(s, 0, bytes);
    return s;
}

/* The slot holding key, or the empty slot where it would go. */
static gen_strmap_slot *probe(const gen_strmap *m, const void *key, size_t len, uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t j = (size_t)h & mask;; j = (j + 1) & mask) {
        gen_strmap_slot *s = &m->slots[j];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

static void grow(gen_strmap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 16;
    gen_strmap_slot *old = m->slots;
    size_t ocap = m->cap;
    m->slots = slots_new(m, ncap);
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].key)
            continue;
        size_t mask = ncap - 1, j = (size_t)old[i].hash & mask;
        while (m->slots[j].key)
            j = (j + 1) & mask;
        m->slots[j] = old[i];
    }
    if (!m->arena)
        free(old);
}

void *gen_strmap_get(const gen_strmap *m, const void *key, size_t len)
{
    if (!m->count)
        return NULL;
    gen_strmap_slot *s = probe(m, key, len, gen_strmap_hash(key, len));
    return s->key ? s->value : NULL;
}

static gen_strmap_slot *slot_for(gen_strmap *m, const void *key, size_t len, uint64_t h)
{
    if ((m->count + 1) * 4 > m->cap * 3)
        grow(m);
    return probe(m, key, len, h);
}

void *gen_strmap_add(gen_strmap *m, const void *key, size_t len, void *value)
{
    uint64_t h = gen_strmap_hash(key, len);
    gen_strmap_slot *s = slot_for(m, key, len, h);
    if (s->key)
        return s->value;
    s->key = key;
    s->len = len;
    s->hash = h;
    s->value = value;
    m->count++;
    return value;
}

void gen_strmap_put(gen_strmap *m, const void *key, size_t len, void *value)
{
    uint64_t h = gen_strmap_hash(key, len);
    gen_strmap_slot *s = slot_for(m, key, len, h);
    if (!s->key)
        m->count++;
    s->key = key;
    s->len = len;
    s->hash = h;
    s->value = value;
}
