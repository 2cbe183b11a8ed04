/*
 * bench/peer_modelc.c - modelc's row: the generated CertificationTask codec
 * (generated/certification_task.h and the runtime generated beside it). The
 * Makefile passes the header as BM_MODELC_HEADER.
 *
 * Two rows: "modelc" decodes with libc allocation (one block per string and per
 * item list, like the peers); "modelc-arena" decodes into an mc_arena that is
 * reset after each document (the retained set of the encode pass lives in one
 * arena freed at the end). Both encode into one reused mc_buf.
 *
 * The checksum walks certification_task in the order of bm_task_checksum (model.c)
 * with the same primitives, so equal values give equal checksums without first
 * converting to the plain struct.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "model.h"
#include BM_MODELC_HEADER

typedef struct mcb_ctx {
    mc_buf out;
    int arena;
    mc_arena ar;
    mc_allocator alloc;
    mc_decode_options opt;
} mcb_ctx;

static void *ctx_new(int arena)
{
    mcb_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    mc_buf_init(&c->out, NULL);
    c->arena = arena;
    if (arena) {
        mc_arena_init(&c->ar, NULL, 0);
        c->alloc = mc_arena_allocator(&c->ar);
        c->opt.allocator = &c->alloc;
    }
    return c;
}
static void *mcb_ctx_new(void) { return ctx_new(0); }
static void *mcb_ctx_new_arena(void) { return ctx_new(1); }

static void mcb_ctx_free(void *vctx)
{
    mcb_ctx *c = vctx;
    mc_buf_dispose(&c->out);
    if (c->arena)
        mc_arena_dispose(&c->ar);
    free(c);
}

static void mcb_init(void *obj) { certification_task_init(obj); }

static int mcb_decode(void *vctx, void *obj, const char *json, size_t len, size_t cap)
{
    mcb_ctx *c = vctx;
    (void)cap;
    return certification_task_from_json(obj, json, len, c->arena ? &c->opt : NULL, NULL);
}

static void mcb_clear(void *vctx, void *obj)
{
    mcb_ctx *c = vctx;
    if (c->arena) {
        /* the arena owns everything: forget it in one step */
        certification_task_init(obj);
        mc_arena_reset(&c->ar);
    } else {
        certification_task_clear(obj, NULL);
    }
}

static int mcb_encode(void *vctx, const void *obj, const char **out, size_t *out_len)
{
    mcb_ctx *c = vctx;
    c->out.len = 0;
    if (certification_task_to_json(obj, &c->out, NULL))
        return -1;
    *out = c->out.data;
    *out_len = c->out.len;
    return 0;
}

static void mcb_release(void *ctx) { (void)ctx; }

static void hash_string(bm_hash *h, mc_presence has, const mc_string *s)
{
    bm_hash_str(h, has, s->data, s->len);
}

static uint64_t mcb_checksum(const void *obj)
{
    const certification_task *t = obj;
    bm_hash h;
    bm_hash_init(&h);
    hash_string(&h, t->has_id, &t->id);
    bm_hash_enum(&h, t->has_type, (int)t->type, t->type_unknown.data, t->type_unknown.len);
    bm_hash_enum(&h, t->has_target_type, (int)t->target_type, t->target_type_unknown.data,
                 t->target_type_unknown.len);
    hash_string(&h, t->has_target_id, &t->target_id);
    bm_hash_enum(&h, t->has_status, (int)t->status, t->status_unknown.data, t->status_unknown.len);
    bm_hash_u64(&h, t->has_errors);
    if (t->has_errors == MC_PRESENT) {
        bm_hash_u64(&h, t->errors.count);
        for (size_t i = 0; i < t->errors.count; i++) {
            const error_message_dto *e = &t->errors.items[i];
            hash_string(&h, e->has_locale, &e->locale);
            bm_hash_enum(&h, e->has_locale_origin, (int)e->locale_origin,
                         e->locale_origin_unknown.data, e->locale_origin_unknown.len);
            hash_string(&h, e->has_text, &e->text);
        }
    }
    bm_hash_u64(&h, t->has_reassignment_trail_dtos);
    if (t->has_reassignment_trail_dtos == MC_PRESENT) {
        bm_hash_u64(&h, t->reassignment_trail_dtos.count);
        for (size_t i = 0; i < t->reassignment_trail_dtos.count; i++) {
            const reassignment_trail_dto *r = &t->reassignment_trail_dtos.items[i];
            hash_string(&h, r->has_previous_owner, &r->previous_owner);
            hash_string(&h, r->has_new_owner, &r->new_owner);
            hash_string(&h, r->has_reassignment_type, &r->reassignment_type);
        }
    }
    bm_hash_datetime(&h, t->has_created, (int64_t)t->created.seconds, (uint32_t)t->created.nanos,
                     t->created.offset_minutes);
    return h.h;
}

const bm_impl bm_impl_modelc = {
    .name = "modelc",
    .note = "modelc generated codec, libc allocation",
    .obj_size = sizeof(certification_task),
    .can_encode = 1,
    .ctx_new = mcb_ctx_new,
    .ctx_free = mcb_ctx_free,
    .init = mcb_init,
    .decode = mcb_decode,
    .clear = mcb_clear,
    .encode = mcb_encode,
    .release = mcb_release,
    .checksum = mcb_checksum,
};

const bm_impl bm_impl_modelc_arena = {
    .name = "modelc-arena",
    .note = "modelc generated codec, mc_arena reset per document",
    .obj_size = sizeof(certification_task),
    .arena = 1,
    .can_encode = 1,
    .ctx_new = mcb_ctx_new_arena,
    .ctx_free = mcb_ctx_free,
    .init = mcb_init,
    .decode = mcb_decode,
    .clear = mcb_clear,
    .encode = mcb_encode,
    .release = mcb_release,
    .checksum = mcb_checksum,
};
