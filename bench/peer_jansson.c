/*
 * bench/peer_jansson.c - the jansson peer, written the way jansson is meant to be
 * used well: json_loadb on the document, json_object_get (hashed) per schema
 * field, string lengths taken from jansson (no strlen), the tree freed with
 * json_decref. Encode builds a tree with the *_nocheck constructors (the values
 * were UTF-8-checked on the way in) and serialises it compactly through
 * json_dump_callback into one reused buffer.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "model.h"

static int get_string(bm_presence *has, bm_str *out, json_t *obj, const char *name)
{
    json_t *v = json_object_get(obj, name);
    if (!v)
        return 0;
    if (json_is_null(v)) {
        *has = BM_NULL;
        return 0;
    }
    if (!json_is_string(v))
        return -1;
    *has = BM_PRESENT;
    return bm_str_set(out, json_string_value(v), json_string_length(v));
}

static int get_enum(bm_presence *has, int *value, bm_str *unknown, json_t *obj, const char *name,
                    const char *const *names, int n)
{
    json_t *v = json_object_get(obj, name);
    if (!v)
        return 0;
    if (json_is_null(v)) {
        *has = BM_NULL;
        return 0;
    }
    if (!json_is_string(v))
        return -1;
    *has = BM_PRESENT;
    const char *s = json_string_value(v);
    size_t len = json_string_length(v);
    *value = bm_enum_lookup(names, n, s, len);
    return *value == BM_ENUM_UNKNOWN ? bm_str_set(unknown, s, len) : 0;
}

static int task_from_json(bm_task *t, json_t *root)
{
    if (!json_is_object(root))
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
    json_t *a = json_object_get(root, "errors");
    if (a) {
        if (json_is_null(a)) {
            t->has_errors = BM_NULL;
        } else {
            if (!json_is_array(a))
                return -1;
            t->has_errors = BM_PRESENT;
            size_t n = json_array_size(a);
            if (n) {
                t->errors = calloc(n, sizeof *t->errors);
                if (!t->errors)
                    return -1;
                for (size_t i = 0; i < n; i++) {
                    json_t *o = json_array_get(a, i);
                    bm_error_message *e = &t->errors[t->errors_count++];
                    if (!json_is_object(o) ||
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
    a = json_object_get(root, "reassignmentTrailDTOs");
    if (a) {
        if (json_is_null(a)) {
            t->has_trails = BM_NULL;
        } else {
            if (!json_is_array(a))
                return -1;
            t->has_trails = BM_PRESENT;
            size_t n = json_array_size(a);
            if (n) {
                t->trails = calloc(n, sizeof *t->trails);
                if (!t->trails)
                    return -1;
                for (size_t i = 0; i < n; i++) {
                    json_t *o = json_array_get(a, i);
                    bm_trail *r = &t->trails[t->trails_count++];
                    if (!json_is_object(o) ||
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
    json_t *c = json_object_get(root, "created");
    if (c) {
        if (json_is_null(c)) {
            t->has_created = BM_NULL;
        } else {
            if (!json_is_string(c))
                return -1;
            t->has_created = BM_PRESENT;
            if (bm_datetime_parse(&t->created, json_string_value(c), json_string_length(c)))
                return -1;
        }
    }
    return 0;
}

static int ja_decode(void *ctx, void *obj, const char *json, size_t len, size_t cap)
{
    (void)ctx;
    (void)cap;
    json_error_t err;
    json_t *root = json_loadb(json, len, 0, &err);
    if (!root)
        return -1;
    int rc = task_from_json(obj, root);
    json_decref(root);
    return rc;
}

/* ---- encode ------------------------------------------------------------------------ */

static int set(json_t *o, const char *name, json_t *v)
{
    return v ? json_object_set_new_nocheck(o, name, v) : -1;
}

static int put_string(json_t *o, const char *name, bm_presence has, const bm_str *s)
{
    if (has == BM_NULL)
        return set(o, name, json_null());
    if (has == BM_PRESENT)
        return set(o, name, json_stringn_nocheck(s->data, s->len));
    return 0;
}

static int put_enum(json_t *o, const char *name, bm_presence has, int v, const bm_str *unknown,
                    const char *const *names)
{
    if (has == BM_NULL)
        return set(o, name, json_null());
    if (has == BM_PRESENT)
        return set(o, name,
                   v == BM_ENUM_UNKNOWN ? json_stringn_nocheck(unknown->data, unknown->len)
                                        : json_string_nocheck(names[v]));
    return 0;
}

static json_t *task_to_json(const bm_task *t)
{
    json_t *o = json_object();
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
        if (set(o, "errors", json_null()))
            goto fail;
    } else if (t->has_errors == BM_PRESENT) {
        json_t *a = json_array();
        if (set(o, "errors", a))
            goto fail;
        for (size_t i = 0; i < t->errors_count; i++) {
            const bm_error_message *e = &t->errors[i];
            json_t *item = json_object();
            if (!item || json_array_append_new(a, item) ||
                put_string(item, "locale", e->has_locale, &e->locale) ||
                put_enum(item, "localeOrigin", e->has_locale_origin, e->locale_origin,
                         &e->locale_origin_unknown, bm_origin_names) ||
                put_string(item, "text", e->has_text, &e->text))
                goto fail;
        }
    }
    if (t->has_trails == BM_NULL) {
        if (set(o, "reassignmentTrailDTOs", json_null()))
            goto fail;
    } else if (t->has_trails == BM_PRESENT) {
        json_t *a = json_array();
        if (set(o, "reassignmentTrailDTOs", a))
            goto fail;
        for (size_t i = 0; i < t->trails_count; i++) {
            const bm_trail *r = &t->trails[i];
            json_t *item = json_object();
            if (!item || json_array_append_new(a, item) ||
                put_string(item, "previousOwner", r->has_previous_owner, &r->previous_owner) ||
                put_string(item, "newOwner", r->has_new_owner, &r->new_owner) ||
                put_string(item, "reassignmentType", r->has_reassignment_type,
                           &r->reassignment_type))
                goto fail;
        }
    }
    if (t->has_created == BM_NULL) {
        if (set(o, "created", json_null()))
            goto fail;
    } else if (t->has_created == BM_PRESENT) {
        char dt[BM_DATETIME_MAX];
        size_t n = bm_datetime_format(&t->created, dt);
        if (set(o, "created", json_stringn_nocheck(dt, n)))
            goto fail;
    }
    return o;
fail:
    json_decref(o);
    return NULL;
}

typedef struct ja_ctx {
    char *buf;
    size_t len, cap;
} ja_ctx;

static int append(const char *s, size_t n, void *data)
{
    ja_ctx *c = data;
    if (c->len + n > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        while (cap < c->len + n)
            cap *= 2;
        char *p = realloc(c->buf, cap);
        if (!p)
            return -1;
        c->buf = p;
        c->cap = cap;
    }
    memcpy(c->buf + c->len, s, n);
    c->len += n;
    return 0;
}

static int ja_encode(void *vctx, const void *obj, const char **out, size_t *out_len)
{
    ja_ctx *c = vctx;
    json_t *tree = task_to_json(obj);
    if (!tree)
        return -1;
    c->len = 0;
    int rc = json_dump_callback(tree, append, c, JSON_COMPACT);
    json_decref(tree);
    if (rc)
        return -1;
    *out = c->buf;
    *out_len = c->len;
    return 0;
}

static void ja_release(void *ctx) { (void)ctx; }
static void *ja_ctx_new(void) { return calloc(1, sizeof(ja_ctx)); }
static void ja_ctx_free(void *vctx)
{
    ja_ctx *c = vctx;
    free(c->buf);
    free(c);
}
static void ja_init(void *obj) { bm_task_init(obj); }
static void ja_clear(void *ctx, void *obj)
{
    (void)ctx;
    bm_task_clear(obj);
}
static uint64_t ja_checksum(const void *obj) { return bm_task_checksum(obj); }

const bm_impl bm_impl_jansson = {
    .name = "jansson",
    .note = "jansson 2.14: json_loadb, json_object_get per field; tree + json_dump_callback",
    .obj_size = sizeof(bm_task),
    .can_encode = 1,
    .ctx_new = ja_ctx_new,
    .ctx_free = ja_ctx_free,
    .init = ja_init,
    .decode = ja_decode,
    .clear = ja_clear,
    .encode = ja_encode,
    .release = ja_release,
    .checksum = ja_checksum,
};
