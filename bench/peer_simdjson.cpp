/*
 * bench/peer_simdjson.cpp - the simdjson peer: the On Demand API (libsimdjson-dev),
 * the fastest JSON parser there is, decoding into the plain struct of model.h.
 *
 * Built with -march=haswell (Makefile: SIMDJSON_ARCH) so that the On Demand
 * front end, which is compiled into this file, uses its AVX2 kernel rather than
 * the portable fallback; stage 1 inside libsimdjson picks its kernel at run time.
 * (Not -march=native: valgrind 3.19 cannot run AVX-512 code.)
 *
 * Written to be fast: the document is parsed in place (the corpus buffer has
 * SIMDJSON_PADDING readable bytes after every document), members are visited in
 * the order they appear and dispatched on the raw key (no unescaping of keys, no
 * find_field rescans), unknown members are skipped by moving on, item arrays are
 * gathered on the stack and copied into one exact-size block. Member names with
 * escapes are not matched (treated as unknown), as in simdjson's own find_field.
 *
 * simdjson 3.0 has no serializer for On Demand, so this peer has no encode.
 * Also here: the floor "parse and walk every value without building anything",
 * and the check that tasks.json (the array form) holds the same documents.
 */
#include <simdjson.h>

#include <cstdlib>
#include <cstring>
#include <new>

#include "bench.h"
#include "model.h"

using namespace simdjson;

namespace {

struct sj_ctx {
    ondemand::parser parser;
};

int set_string(bm_str *out, std::string_view v)
{
    return bm_str_set(out, v.data(), v.size());
}

/* null, a string, or an error */
int get_string(ondemand::value v, bm_presence *has, bm_str *out)
{
    ondemand::json_type t;
    if (v.type().get(t))
        return -1;
    if (t == ondemand::json_type::null) {
        bool n;
        if (v.is_null().get(n) || !n)
            return -1;
        *has = BM_NULL;
        return 0;
    }
    std::string_view s;
    if (v.get_string().get(s))
        return -1;
    *has = BM_PRESENT;
    return set_string(out, s);
}

int get_enum(ondemand::value v, bm_presence *has, int *value, bm_str *unknown,
             const char *const *names, int n)
{
    ondemand::json_type t;
    if (v.type().get(t))
        return -1;
    if (t == ondemand::json_type::null) {
        bool isnull;
        if (v.is_null().get(isnull) || !isnull)
            return -1;
        *has = BM_NULL;
        return 0;
    }
    std::string_view s;
    if (v.get_string().get(s))
        return -1;
    *has = BM_PRESENT;
    *value = bm_enum_lookup(names, n, s.data(), s.size());
    return *value == BM_ENUM_UNKNOWN ? set_string(unknown, s) : 0;
}

int error_item(ondemand::object obj, bm_error_message *e)
{
    for (auto field : obj) {
        ondemand::raw_json_string key;
        ondemand::value v;
        if (field.key().get(key) || field.value().get(v))
            return -1;
        const char *k = key.raw();
        int rc = 0;
        if (k[0] == 'l' && key.unsafe_is_equal("locale"))
            rc = get_string(v, &e->has_locale, &e->locale);
        else if (k[0] == 'l' && key.unsafe_is_equal("localeOrigin"))
            rc = get_enum(v, &e->has_locale_origin, &e->locale_origin, &e->locale_origin_unknown,
                          bm_origin_names, BM_ORIGIN_COUNT);
        else if (k[0] == 't' && key.unsafe_is_equal("text"))
            rc = get_string(v, &e->has_text, &e->text);
        if (rc)
            return -1;
    }
    return 0;
}

int trail_item(ondemand::object obj, bm_trail *r)
{
    for (auto field : obj) {
        ondemand::raw_json_string key;
        ondemand::value v;
        if (field.key().get(key) || field.value().get(v))
            return -1;
        const char *k = key.raw();
        int rc = 0;
        if (k[0] == 'p' && key.unsafe_is_equal("previousOwner"))
            rc = get_string(v, &r->has_previous_owner, &r->previous_owner);
        else if (k[0] == 'n' && key.unsafe_is_equal("newOwner"))
            rc = get_string(v, &r->has_new_owner, &r->new_owner);
        else if (k[0] == 'r' && key.unsafe_is_equal("reassignmentType"))
            rc = get_string(v, &r->has_reassignment_type, &r->reassignment_type);
        if (rc)
            return -1;
    }
    return 0;
}

/* An array of objects into items and count: gathered on the stack, one exact block. */
template <typename T, int (*ITEM)(ondemand::object, T *)>
int get_items(ondemand::value v, bm_presence *has, T **items, size_t *count)
{
    ondemand::json_type t;
    if (v.type().get(t))
        return -1;
    if (t == ondemand::json_type::null) {
        bool isnull;
        if (v.is_null().get(isnull) || !isnull)
            return -1;
        *has = BM_NULL;
        return 0;
    }
    ondemand::array arr;
    if (v.get_array().get(arr))
        return -1;
    *has = BM_PRESENT;
    T local[8];
    T *buf = local;
    size_t n = 0, cap = 8;
    int rc = 0;
    for (auto el : arr) {
        ondemand::object obj;
        if (el.get_object().get(obj)) {
            rc = -1;
            break;
        }
        if (n == cap) {
            T *bigger = static_cast<T *>(std::malloc(2 * cap * sizeof(T)));
            if (!bigger) {
                rc = -1;
                break;
            }
            std::memcpy(bigger, buf, n * sizeof(T));
            if (buf != local)
                std::free(buf);
            buf = bigger;
            cap *= 2;
        }
        std::memset(&buf[n], 0, sizeof(T));
        n++;
        if (ITEM(obj, &buf[n - 1])) {
            rc = -1;
            break;
        }
    }
    if (n) {
        if (buf == local) {
            *items = static_cast<T *>(std::malloc(n * sizeof(T)));
            if (*items)
                std::memcpy(*items, buf, n * sizeof(T));
        } else {
            *items = buf;
        }
        if (!*items) {
            return -1; /* strings in local[] leak only on out-of-memory */
        }
        *count = n;
    }
    return rc;
}

int task_from_object(ondemand::object obj, bm_task *t)
{
    for (auto field : obj) {
        ondemand::raw_json_string key;
        ondemand::value v;
        if (field.key().get(key) || field.value().get(v))
            return -1;
        const char *k = key.raw();
        int rc = 0;
        switch (k[0]) {
        case 'i':
            if (key.unsafe_is_equal("id"))
                rc = get_string(v, &t->has_id, &t->id);
            break;
        case 't':
            if (key.unsafe_is_equal("type"))
                rc = get_enum(v, &t->has_type, &t->type, &t->type_unknown, bm_type_names,
                              BM_TYPE_COUNT);
            else if (key.unsafe_is_equal("targetType"))
                rc = get_enum(v, &t->has_target_type, &t->target_type, &t->target_type_unknown,
                              bm_target_names, BM_TARGET_COUNT);
            else if (key.unsafe_is_equal("targetId"))
                rc = get_string(v, &t->has_target_id, &t->target_id);
            break;
        case 's':
            if (key.unsafe_is_equal("status"))
                rc = get_enum(v, &t->has_status, &t->status, &t->status_unknown, bm_status_names,
                              BM_STATUS_COUNT);
            break;
        case 'e':
            if (key.unsafe_is_equal("errors"))
                rc = get_items<bm_error_message, error_item>(v, &t->has_errors, &t->errors,
                                                             &t->errors_count);
            break;
        case 'r':
            if (key.unsafe_is_equal("reassignmentTrailDTOs"))
                rc = get_items<bm_trail, trail_item>(v, &t->has_trails, &t->trails,
                                                     &t->trails_count);
            break;
        case 'c':
            if (key.unsafe_is_equal("created")) {
                ondemand::json_type ty;
                if (v.type().get(ty))
                    return -1;
                if (ty == ondemand::json_type::null) {
                    bool isnull;
                    if (v.is_null().get(isnull) || !isnull)
                        return -1;
                    t->has_created = BM_NULL;
                } else {
                    std::string_view s;
                    if (v.get_string().get(s))
                        return -1;
                    t->has_created = BM_PRESENT;
                    rc = bm_datetime_parse(&t->created, s.data(), s.size());
                }
            }
            break;
        default:
            break;
        }
        if (rc)
            return -1;
    }
    return 0;
}

/* Nothing but blanks after the document (3.0 has no document::at_end). */
bool at_end(ondemand::document &doc)
{
    const char *loc;
    return doc.current_location().get(loc) == OUT_OF_BOUNDS;
}

void *sj_ctx_new() { return new (std::nothrow) sj_ctx(); }
void sj_ctx_free(void *ctx) { delete static_cast<sj_ctx *>(ctx); }
void sj_init(void *obj) { bm_task_init(static_cast<bm_task *>(obj)); }
void sj_clear(void *, void *obj) { bm_task_clear(static_cast<bm_task *>(obj)); }
uint64_t sj_checksum(const void *obj) { return bm_task_checksum(static_cast<const bm_task *>(obj)); }

int sj_decode(void *vctx, void *obj, const char *json, size_t len, size_t cap)
{
    sj_ctx *ctx = static_cast<sj_ctx *>(vctx);
    ondemand::document doc;
    if (ctx->parser.iterate(json, len, cap).get(doc))
        return -1;
    ondemand::object o;
    if (doc.get_object().get(o))
        return -1;
    if (task_from_object(o, static_cast<bm_task *>(obj)))
        return -1;
    return at_end(doc) ? 0 : -1;
}

/* ---- the floor: visit every value, build nothing --------------------------------- */

uint64_t walk(ondemand::value v, int depth);

uint64_t walk_object(ondemand::object obj, int depth)
{
    uint64_t sum = 0;
    for (auto field : obj) {
        std::string_view k;
        ondemand::value v;
        if (field.unescaped_key().get(k) || field.value().get(v))
            return UINT64_MAX;
        uint64_t w = walk(v, depth + 1);
        if (w == UINT64_MAX)
            return w;
        sum += k.size() + w;
    }
    return sum;
}

uint64_t walk(ondemand::value v, int depth)
{
    if (depth > 64)
        return UINT64_MAX;
    ondemand::json_type t;
    if (v.type().get(t))
        return UINT64_MAX;
    switch (t) {
    case ondemand::json_type::object: {
        ondemand::object o;
        if (v.get_object().get(o))
            return UINT64_MAX;
        return walk_object(o, depth);
    }
    case ondemand::json_type::array: {
        ondemand::array a;
        if (v.get_array().get(a))
            return UINT64_MAX;
        uint64_t sum = 1;
        for (auto el : a) {
            ondemand::value e;
            if (el.get(e))
                return UINT64_MAX;
            uint64_t w = walk(e, depth + 1);
            if (w == UINT64_MAX)
                return w;
            sum += w;
        }
        return sum;
    }
    case ondemand::json_type::string: {
        std::string_view s;
        return v.get_string().get(s) ? UINT64_MAX : s.size();
    }
    case ondemand::json_type::number: {
        double d;
        return v.get_double().get(d) ? UINT64_MAX : static_cast<uint64_t>(d != 0.0);
    }
    case ondemand::json_type::boolean: {
        bool b;
        return v.get_bool().get(b) ? UINT64_MAX : b;
    }
    case ondemand::json_type::null: {
        bool n;
        return v.is_null().get(n) || !n ? UINT64_MAX : 0;
    }
    }
    return UINT64_MAX;
}

ondemand::parser &walk_parser()
{
    static ondemand::parser p;
    return p;
}

} // namespace

extern "C" uint64_t bm_simdjson_walk(const char *json, size_t len, size_t cap)
{
    ondemand::document doc;
    if (walk_parser().iterate(json, len, cap).get(doc))
        return UINT64_MAX;
    ondemand::object o;
    if (doc.get_object().get(o))
        return UINT64_MAX;
    uint64_t w = walk_object(o, 0);
    return at_end(doc) ? w : UINT64_MAX;
}

extern "C" int bm_simdjson_array_checksum(const char *json, size_t len, size_t cap, uint64_t *sum,
                                          size_t *count)
{
    ondemand::parser parser(len + 1);
    ondemand::document doc;
    if (parser.iterate(json, len, cap).get(doc))
        return -1;
    ondemand::array arr;
    if (doc.get_array().get(arr))
        return -1;
    uint64_t acc = 0;
    size_t n = 0;
    for (auto el : arr) {
        ondemand::object o;
        if (el.get_object().get(o))
            return -1;
        bm_task t;
        bm_task_init(&t);
        int rc = task_from_object(o, &t);
        acc = bm_fold(acc, bm_task_checksum(&t));
        bm_task_clear(&t);
        if (rc)
            return -1;
        n++;
    }
    *sum = acc;
    *count = n;
    return 0;
}

extern "C" const bm_impl bm_impl_simdjson = {
    "simdjson",
    "simdjson 3.0 On Demand into the plain struct (no encoder in 3.0)",
    sizeof(bm_task),
    0,
    0,
    sj_ctx_new,
    sj_ctx_free,
    sj_init,
    sj_decode,
    sj_clear,
    nullptr,
    nullptr,
    sj_checksum,
};
