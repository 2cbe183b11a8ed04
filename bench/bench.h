/*
 * bench/bench.h - the interface between the harness (bench_main.c) and each
 * implementation under test (peer_*.c, peer_*.cpp).
 *
 * An implementation decodes one document into its own struct (the plain bm_task
 * for the peers, modelc's certification_task for modelc), clears it, encodes it
 * back, and checksums it with the primitives of model.h in the same value order.
 * The harness owns the corpus buffer and the objects' storage (obj_size bytes each).
 */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The corpus buffer has at least this many readable bytes after its last document,
   so simdjson can parse documents in place. */
#define BM_PADDING 64

typedef struct bm_impl {
    const char *name;
    const char *note;
    size_t obj_size;
    int arena;   /* objects live in the context's arena: clear() resets the arena, so only
                    one object is live at a time; retained objects are freed by ctx_free */
    int can_encode;
    void *(*ctx_new)(void);
    void (*ctx_free)(void *ctx);
    void (*init)(void *obj);
    /* json[0..len) is one document; json[len..cap) is readable. obj is initialised.
       0 ok; on failure obj may hold part of the values and must still be cleared. */
    int (*decode)(void *ctx, void *obj, const char *json, size_t len, size_t cap);
    void (*clear)(void *ctx, void *obj);
    /* Encode obj; *out stays valid until release(ctx). 0 ok. */
    int (*encode)(void *ctx, const void *obj, const char **out, size_t *out_len);
    void (*release)(void *ctx);
    uint64_t (*checksum)(const void *obj);
} bm_impl;

extern const bm_impl bm_impl_cjson, bm_impl_jansson, bm_impl_jsonc, bm_impl_simdjson,
    bm_impl_modelc, bm_impl_modelc_arena;

/* The floor: simdjson On Demand parse and walk of every value, building nothing.
   Returns a value derived from the walk (so it cannot be optimised away), or
   UINT64_MAX on a parse error. */
uint64_t bm_simdjson_walk(const char *json, size_t len, size_t cap);
/* Decodes a JSON array of documents (tasks.json) with simdjson and folds the
   per-element checksums like the harness folds per-line ones. -1 on error. */
int bm_simdjson_array_checksum(const char *json, size_t len, size_t cap, uint64_t *sum,
                               size_t *count);

/* Malloc-counting shim (alloc_shim.c): allocations (malloc, calloc, realloc,
   memalign family) since the start of the process. */
uint64_t bm_alloc_count(void);

/* Fold of per-document checksums, order-dependent. */
static inline uint64_t bm_fold(uint64_t acc, uint64_t doc)
{
    acc ^= doc + 0x9e3779b97f4a7c15ull + (acc << 6) + (acc >> 2);
    return acc;
}

#ifdef __cplusplus
}
#endif
#endif
