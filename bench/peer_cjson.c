/*
 * bench/peer_cjson.c - the cJSON peer, written the way OpenAPI Generator's C
 * client uses cJSON (the baseline modelc replaces):
 *
 *   decode: cJSON_Parse the whole document into a tree, then one
 *           cJSON_GetObjectItemCaseSensitive lookup per schema field, strdup of
 *           every string, enum text mapped through a string table, then
 *           cJSON_Delete the tree.
 *   encode: build a cJSON tree (cJSON_CreateObject, cJSON_Add*ToObject per field)
 *           and cJSON_PrintUnformatted it, then cJSON_Delete the tree.
 *
 * The values land in the plain struct of model.h like every other peer's.
 * cJSON_ParseWithLength is cJSON_Parse without the strlen (documents are not
 * NUL-terminated in the corpus buffer).
 */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "model.h"

/* strdup, as the generated client does, plus the length the struct carries. */
static int dup_string(bm_str *out, const cJSON *item)
{
    out->data = strdup(item->valuestring);
    if (!out->data)
        return -1;
    out->len = strlen(out->data);
    return 0;
}

static int get_string(bm_presence *has, bm_str *out, const cJSON *obj, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!item)
        return 0;
    if (cJSON_IsNull(item)) {
        *has = BM_NULL;
        return 0;
    }
    if (!cJSON_IsString(item))
        return -1;
    *has = BM_PRESENT;
    return dup_string(out, item);
}

static int get_enum(bm_presence *has, int *value, bm_str *unknown, const cJSON *obj,
                    const char *name, const char *const *names, int n)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!item)
        return 0;
    if (cJSON_IsNull(item)) {
        *has = BM_NULL;
        return 0;
    }
    if (!cJSON_IsString(item))
        return -1;
    *has = BM_PRESENT;
    *value = bm_enum_lookup(names, n, item->valuestring, strlen(item->valuestring));
    return *value == BM_ENUM_UNKNOWN ? dup_string(unknown, item) : 0;
}

static int error_from_json(bm_error_message *e, const cJSON *obj)
{
    if (!cJSON_IsObject(obj))
        return -1;
    if (get_string(&e->has_locale, &e->locale, obj, "locale") ||
        get_enum(&e->has_locale_origin, &e->locale_origin, &e->locale_origin_unknown, obj,
                 "localeOrigin", bm_origin_names, BM_ORIGIN_COUNT) ||
        get_string(&e->has_text, &e->text, obj, "text"))
        return -1;
    return 0;
}

static int trail_from_json(bm_trail *r, const cJSON *obj)
{
    if (!cJSON_IsObject(obj))
        return -1;
    if (get_string(&r->has_previous_owner, &r->previous_owner, obj, "previousOwner") ||
        get_string(&r->has_new_owner, &r->new_owner, obj, "newOwner") ||
        get_string(&r->has_reassignment_type, &r->reassignment_type, obj, "reassignmentType"))
        return -1;
    return 0;
}

static int task_from_json(bm_task *t, const cJSON *root)
{
    if (!cJSON_IsObject(root))
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

    const cJSON *errors = cJSON_GetObjectItemCaseSensitive(root, "errors");
    if (errors) {
        if (cJSON_IsNull(errors)) {
            t->has_errors = BM_NULL;
        } else {
            if (!cJSON_IsArray(errors))
                return -1;
            t->has_errors = BM_PRESENT;
            int n = cJSON_GetArraySize(errors);
            if (n > 0) {
                t->errors = calloc((size_t)n, sizeof *t->errors);
                if (!t->errors)
                    return -1;
                const cJSON *item;
                cJSON_ArrayForEach(item, errors)
                {
                    if (error_from_json(&t->errors[t->errors_count++], item))
                        return -1;
                }
            }
        }
    }
    const cJSON *trails = cJSON_GetObjectItemCaseSensitive(root, "reassignmentTrailDTOs");
    if (trails) {
        if (cJSON_IsNull(trails)) {
            t->has_trails = BM_NULL;
        } else {
            if (!cJSON_IsArray(trails))
                return -1;
            t->has_trails = BM_PRESENT;
            int n = cJSON_GetArraySize(trails);
            if (n > 0) {
                t->trails = calloc((size_t)n, sizeof *t->trails);
                if (!t->trails)
                    return -1;
                const cJSON *item;
                cJSON_ArrayForEach(item, trails)
                {
                    if (trail_from_json(&t->trails[t->trails_count++], item))
                        return -1;
                }
            }
        }
    }
    const cJSON *created = cJSON_GetObjectItemCaseSensitive(root, "created");
    if (created) {
        if (cJSON_IsNull(created)) {
            t->has_created = BM_NULL;
        } else {
            if (!cJSON_IsString(created))
                return -1;
            t->has_created = BM_PRESENT;
            if (bm_datetime_parse(&t->created, created->valuestring, strlen(created->valuestring)))
                return -1;
        }
    }
    return 0;
}

static int cj_decode(void *ctx, void *obj, const char *json, size_t len, size_t cap)
{
    (void)ctx;
    (void)cap;
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root)
        return -1;
    int rc = task_from_json(obj, root);
    cJSON_Delete(root);
    return rc;
}

/* Encode side: one cJSON node per value, as the generated convertToJSON does. */
static int add_string(cJSON *o, const char *name, bm_presence has, const bm_str *s)
{
    if (has == BM_NULL)
        return cJSON_AddNullToObject(o, name) ? 0 : -1;
    if (has == BM_PRESENT)
        return cJSON_AddStringToObject(o, name, s->data) ? 0 : -1;
    return 0;
}

static int add_enum(cJSON *o, const char *name, bm_presence has, int v, const bm_str *unknown,
                    const char *const *names)
{
    if (has == BM_NULL)
        return cJSON_AddNullToObject(o, name) ? 0 : -1;
    if (has == BM_PRESENT)
        return cJSON_AddStringToObject(o, name, v == BM_ENUM_UNKNOWN ? unknown->data : names[v])
                   ? 0
                   : -1;
    return 0;
}

static cJSON *task_to_json(const bm_task *t)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    if (add_string(o, "id", t->has_id, &t->id) ||
        add_enum(o, "type", t->has_type, t->type, &t->type_unknown, bm_type_names) ||
        add_enum(o, "targetType", t->has_target_type, t->target_type, &t->target_type_unknown,
                 bm_target_names) ||
        add_string(o, "targetId", t->has_target_id, &t->target_id) ||
        add_enum(o, "status", t->has_status, t->status, &t->status_unknown, bm_status_names))
        goto fail;
    if (t->has_errors == BM_NULL) {
        if (!cJSON_AddNullToObject(o, "errors"))
            goto fail;
    } else if (t->has_errors == BM_PRESENT) {
        cJSON *a = cJSON_AddArrayToObject(o, "errors");
        if (!a)
            goto fail;
        for (size_t i = 0; i < t->errors_count; i++) {
            const bm_error_message *e = &t->errors[i];
            cJSON *item = cJSON_CreateObject();
            if (!item || !cJSON_AddItemToArray(a, item))
                goto fail_item;
            if (add_string(item, "locale", e->has_locale, &e->locale) ||
                add_enum(item, "localeOrigin", e->has_locale_origin, e->locale_origin,
                         &e->locale_origin_unknown, bm_origin_names) ||
                add_string(item, "text", e->has_text, &e->text))
                goto fail;
            continue;
        fail_item:
            cJSON_Delete(item);
            goto fail;
        }
    }
    if (t->has_trails == BM_NULL) {
        if (!cJSON_AddNullToObject(o, "reassignmentTrailDTOs"))
            goto fail;
    } else if (t->has_trails == BM_PRESENT) {
        cJSON *a = cJSON_AddArrayToObject(o, "reassignmentTrailDTOs");
        if (!a)
            goto fail;
        for (size_t i = 0; i < t->trails_count; i++) {
            const bm_trail *r = &t->trails[i];
            cJSON *item = cJSON_CreateObject();
            if (!item || !cJSON_AddItemToArray(a, item)) {
                cJSON_Delete(item);
                goto fail;
            }
            if (add_string(item, "previousOwner", r->has_previous_owner, &r->previous_owner) ||
                add_string(item, "newOwner", r->has_new_owner, &r->new_owner) ||
                add_string(item, "reassignmentType", r->has_reassignment_type,
                           &r->reassignment_type))
                goto fail;
        }
    }
    if (t->has_created == BM_NULL) {
        if (!cJSON_AddNullToObject(o, "created"))
            goto fail;
    } else if (t->has_created == BM_PRESENT) {
        char dt[BM_DATETIME_MAX];
        bm_datetime_format(&t->created, dt);
        if (!cJSON_AddStringToObject(o, "created", dt))
            goto fail;
    }
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

typedef struct cj_ctx {
    char *out;
} cj_ctx;

static void *cj_ctx_new(void) { return calloc(1, sizeof(cj_ctx)); }
static void cj_ctx_free(void *ctx) { free(ctx); }
static void cj_init(void *obj) { bm_task_init(obj); }
static void cj_clear(void *ctx, void *obj)
{
    (void)ctx;
    bm_task_clear(obj);
}

static int cj_encode(void *vctx, const void *obj, const char **out, size_t *out_len)
{
    cj_ctx *ctx = vctx;
    cJSON *tree = task_to_json(obj);
    if (!tree)
        return -1;
    ctx->out = cJSON_PrintUnformatted(tree);
    cJSON_Delete(tree);
    if (!ctx->out)
        return -1;
    *out = ctx->out;
    *out_len = strlen(ctx->out);
    return 0;
}

static void cj_release(void *vctx)
{
    cj_ctx *ctx = vctx;
    cJSON_free(ctx->out);
    ctx->out = NULL;
}

static uint64_t cj_checksum(const void *obj) { return bm_task_checksum(obj); }

const bm_impl bm_impl_cjson = {
    .name = "cjson",
    .note = "cJSON 1.7, OpenAPI-Generator style (tree, GetObjectItemCaseSensitive, strdup)",
    .obj_size = sizeof(bm_task),
    .can_encode = 1,
    .ctx_new = cj_ctx_new,
    .ctx_free = cj_ctx_free,
    .init = cj_init,
    .decode = cj_decode,
    .clear = cj_clear,
    .encode = cj_encode,
    .release = cj_release,
    .checksum = cj_checksum,
};
