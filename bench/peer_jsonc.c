/*
 * bench/peer_jsonc.c - the json-c peer, written to json-c's strengths: one
 * tokener reused for every document (json_tokener_parse_ex), json_object_object_get_ex
 * per schema field, string lengths from json-c. Encode builds a tree with
 * json_object_object_add_ex and the "key is new / key is a constant" flags (no
 * duplicate check, no key copy) and prints it plain, without escaping '/'.
 */
#include <json.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "model.h"

typedef struct jc_ctx {
    json_tokener *tok;
    json_object *out; /* the tree whose string the last encode returned */
} jc_ctx;

static int get_string(bm_presence *has, bm_str *out, json_object *obj, const char *name)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, name, &v))
        return 0;
    if (!v) { /* json-c represents null as a NULL object */
        *has = BM_NULL;
        return 0;
    }
    if (!json_object_is_type(v, json_type_string))
        return -1;
    *has = BM_PRESENT;
    return bm_str_set(out, json_object_get_string(v), (size_t)json_object_get_string_len(v));
}

static int get_enum(bm_presence *has, int *value, bm_str *unknown, json_object *obj,
                    const char *name, const char *const *names, int n)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, name, &v))
        return 0;
    if (!v) {
        *has = BM_NULL;
        return 0;
    }
    if (!json_object_is_type(v, json_type_string))
        return -1;
    *has = BM_PRESENT;
    const char *s = json_object_get_string(v);
    size_t len = (size_t)json_object_get_string_len(v);
    *value = bm_enum_lookup(names, n, s, len);
    return *value == BM_ENUM_UNKNOWN ? bm_str_set(unknown, s, len) : 0;
}

static int task_from_json(bm_task *t, json_object *root)
{
    if (!json_object_is_type(root, json_type_object))
        return -1;
    if (get_string(&t->has_id, &t->id, root, "id") ||
        get_enum(&t->has_type, &t->type, &t->type_unknown, root, "type", bm_type_names,
                 BM_TYPE_COUNT) ||
        get_enum(&t->has_target_type, &t->target_type, &t->target_type_unknown, root,
                 "targetType", bm_target_names, BM_TARGET_COUNT) ||
        get_string(&t->has_target_id, &t->target_id, root, "targetId") ||
        get_enum(&t->has_status, &t->status, &t->status_unknown, root, "status",
                 bm_status_names, BM_STATUS_COUNT))
        return -1;
    json_object *a;
    if (json_object_object_get_ex(root, "errors", &a)) {
        if (!a) {
            t->has_errors = BM_NULL;
        } else {
            if (!json_object_is_type(a, json_type_array))
                return -1;
            t->has_errors = BM_PRESENT;
            size_t n = json_object_array_length(a);
            if (n) {
                t->errors = calloc(n, sizeof *t->errors);
                if (!t->errors)
                    return -1;
                for (size_t i = 0; i < n; i++) {
                    json_object *o = json_object_array_get_idx(a, i);
                    bm_error_message *e = &t->errors[t->errors_count++];
                    if (!json_object_is_type(o, json_type_object) ||
                        get_string(&e->has_locale, &e->locale, o, "locale") ||
                        get_enum(&e->has_locale_origin, &e->locale_origin,
                                 &e->locale_origin_unknown, o, "localeOrigin", bm_origin_names,
                                 BM_ORIGIN_COUNT) ||
                        get_string(&e->has_text, &e->text, o, "text"))
                        return -1;
                }
            }
        }
    }
    if (json_object_object_get_ex(root, "reassignmentTrailDTOs", &a)) {
        if (!a) {
            t->has_trails = BM_NULL;
        } else {
            if (!json_object_is_type(a, json_type_array))
                return -1;
            t->has_trails = BM_PRESENT;
            size_t n = json_object_array_length(a);
            if (n) {
                t->trails = calloc(n, sizeof *t->trails);
                if (!t->trails)
                    return -1;
                for (size_t i = 0; i < n; i++) {
                    json_object *o = json_object_array_get_idx(a, i);
                    bm_trail *r = &t->trails[t->trails_count++];
                    if (!json_object_is_type(o, json_type_object) ||
                        get_string(&r->has_previous_owner, &r->previous_owner, o,
                                   "previousOwner") ||
                        get_string(&r->has_new_owner, &r->new_owner, o, "newOwner") ||
                        get_string(&r->has_reassignment_type, &r->reassignment_type, o,
                                   "reassignmentType"))
                        return -1;
                }
            }
        }
    }
    json_object *c;
    if (json_object_object_get_ex(root, "created", &c)) {
        if (!c) {
            t->has_created = BM_NULL;
        } else {
            if (!json_object_is_type(c, json_type_string))
                return -1;
            t->has_created = BM_PRESENT;
            if (bm_datetime_parse(&t->created, json_object_get_string(c),
                                  (size_t)json_object_get_string_len(c)))
                return -1;
        }
    }
    return 0;
}

static int jc_decode(void *vctx, void *obj, const char *json, size_t len, size_t cap)
{
    jc_ctx *ctx = vctx;
    (void)cap;
    json_tokener_reset(ctx->tok);
    json_object *root = json_tokener_parse_ex(ctx->tok, json, (int)len);
    if (!root || json_tokener_get_error(ctx->tok) != json_tokener_success) {
        json_object_put(root);
        return -1;
    }
    int rc = task_from_json(obj, root);
    json_object_put(root);
    return rc;
}

/* ---- encode ------------------------------------------------------------------------ */

#define ADD_FLAGS (JSON_C_OBJECT_ADD_KEY_IS_NEW | JSON_C_OBJECT_KEY_IS_CONSTANT)

static int add(json_object *o, const char *name, json_object *v)
{
    return json_object_object_add_ex(o, name, v, ADD_FLAGS);
}

static int put_string(json_object *o, const char *name, bm_presence has, const bm_str *s)
{
    if (has == BM_NULL)
        return add(o, name, NULL);
    if (has == BM_PRESENT) {
        json_object *v = json_object_new_string_len(s->data, (int)s->len);
        return v ? add(o, name, v) : -1;
    }
    return 0;
}

static int put_enum(json_object *o, const char *name, bm_presence has, int v,
                    const bm_str *unknown, const char *const *names)
{
    if (has == BM_NULL)
        return add(o, name, NULL);
    if (has == BM_PRESENT) {
        json_object *s = v == BM_ENUM_UNKNOWN
                             ? json_object_new_string_len(unknown->data, (int)unknown->len)
                             : json_object_new_string(names[v]);
        return s ? add(o, name, s) : -1;
    }
    return 0;
}

static json_object *task_to_json(const bm_task *t)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    if (put_string(o, "id", t->has_id, &t->id) ||
        put_enum(o, "type", t->has_type, t->type, &t->type_unknown, bm_type_names) ||
        put_enum(o, "targetType", t->has_target_type, t->target_type, &t->target_type_unknown,
                 bm_target_names) ||
        put_string(o, "targetId", t->has_target_id, &t->target_id) ||
        put_enum(o, "status", t->has_status, t->status, &t->status_unknown, bm_status_names))
        goto fail;
    if (t->has_errors == BM_NULL) {
        if (add(o, "errors", NULL))
            goto fail;
    } else if (t->has_errors == BM_PRESENT) {
        json_object *a = json_object_new_array_ext((int)t->errors_count);
        if (!a || add(o, "errors", a))
            goto fail;
        for (size_t i = 0; i < t->errors_count; i++) {
            const bm_error_message *e = &t->errors[i];
            json_object *item = json_object_new_object();
            if (!item || json_object_array_add(a, item) ||
                put_string(item, "locale", e->has_locale, &e->locale) ||
                put_enum(item, "localeOrigin", e->has_locale_origin, e->locale_origin,
                         &e->locale_origin_unknown, bm_origin_names) ||
                put_string(item, "text", e->has_text, &e->text))
                goto fail;
        }
    }
    if (t->has_trails == BM_NULL) {
        if (add(o, "reassignmentTrailDTOs", NULL))
            goto fail;
    } else if (t->has_trails == BM_PRESENT) {
        json_object *a = json_object_new_array_ext((int)t->trails_count);
        if (!a || add(o, "reassignmentTrailDTOs", a))
            goto fail;
        for (size_t i = 0; i < t->trails_count; i++) {
            const bm_trail *r = &t->trails[i];
            json_object *item = json_object_new_object();
            if (!item || json_object_array_add(a, item) ||
                put_string(item, "previousOwner", r->has_previous_owner, &r->previous_owner) ||
                put_string(item, "newOwner", r->has_new_owner, &r->new_owner) ||
                put_string(item, "reassignmentType", r->has_reassignment_type,
                           &r->reassignment_type))
                goto fail;
        }
    }
    if (t->has_created == BM_NULL) {
        if (add(o, "created", NULL))
            goto fail;
    } else if (t->has_created == BM_PRESENT) {
        char dt[BM_DATETIME_MAX];
        size_t n = bm_datetime_format(&t->created, dt);
        json_object *v = json_object_new_string_len(dt, (int)n);
        if (!v || add(o, "created", v))
            goto fail;
    }
    return o;
fail:
    json_object_put(o);
    return NULL;
}

static int jc_encode(void *vctx, const void *obj, const char **out, size_t *out_len)
{
    jc_ctx *ctx = vctx;
    ctx->out = task_to_json(obj);
    if (!ctx->out)
        return -1;
    *out = json_object_to_json_string_length(
        ctx->out, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, out_len);
    return *out ? 0 : -1;
}

static void jc_release(void *vctx)
{
    jc_ctx *ctx = vctx;
    json_object_put(ctx->out);
    ctx->out = NULL;
}

static void *jc_ctx_new(void)
{
    jc_ctx *c = calloc(1, sizeof *c);
    if (c && !(c->tok = json_tokener_new())) {
        free(c);
        return NULL;
    }
    return c;
}

static void jc_ctx_free(void *vctx)
{
    jc_ctx *c = vctx;
    json_tokener_free(c->tok);
    free(c);
}

static void jc_init(void *obj) { bm_task_init(obj); }
static void jc_clear(void *ctx, void *obj)
{
    (void)ctx;
    bm_task_clear(obj);
}
static uint64_t jc_checksum(const void *obj) { return bm_task_checksum(obj); }

const bm_impl bm_impl_jsonc = {
    .name = "json-c",
    .note = "json-c 0.16: reused tokener, object_get_ex per field; tree + to_json_string",
    .obj_size = sizeof(bm_task),
    .can_encode = 1,
    .ctx_new = jc_ctx_new,
    .ctx_free = jc_ctx_free,
    .init = jc_init,
    .decode = jc_decode,
    .clear = jc_clear,
    .encode = jc_encode,
    .release = jc_release,
    .checksum = jc_checksum,
};
