/*
 * test_model_property.c - random CertificationTask values survive the codec, and
 * an independent JSON parser reads what it writes.
 *
 * For N values (default 10,000; env MODEL_PROPERTY_N scales it, MODEL_PROPERTY_SEED
 * changes the fixed seed) built from a PRNG written here:
 *   encode -> decode (KEEP_UNKNOWN) -> equal() -> encode again: byte-identical;
 *   the pretty form decodes to an equal value too (every 8th value);
 *   libfyaml (JSON mode) parses the compact text and reads back the same strings,
 *   enum texts, nulls, item counts and member counts as the struct holds;
 *   the text is exactly one JSON value: its top-level braces close on the last byte.
 * The generator covers absent/null/value, unknown enum text, strings with every
 * character class that needs escaping (including U+0000, which the runtime keeps),
 * raw UTF-8 of every length, date-times of every form (Z, z, offsets, -00:00, no
 * zone, no seconds, leap seconds, 0-9 fraction digits), 0-5 errors and trails, and
 * kept unknown members (json_extra) at both levels. Each date-time's expected text
 * is built here from its parts, independently of mc_datetime_format.
 */
#include "model_support.h"

#include <libfyaml.h>

/* ---- PRNG: splitmix64 (fixed seed, same sequence on every platform) ------ */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform-enough integer in [0, n). */
static uint32_t rng_below(uint32_t n)
{
    return (uint32_t)(rng_next() % n);
}

/* ---- strings ------------------------------------------------------------- */

/* Pieces a string is made of: each needs different treatment by the writer. */
static const struct piece {
    const char *s;
    size_t n;
} pieces[] = {
    {"a", 1}, {"Z", 1}, {"0", 1}, {" ", 1}, {"-", 1}, {"_", 1}, {"#", 1}, {":", 1},
    {"\"", 1}, {"\\", 1}, {"/", 1}, {"'", 1}, {"\x7f", 1},
    {"\0", 1}, {"\x01", 1}, {"\b", 1}, {"\t", 1}, {"\n", 1}, {"\x0b", 1}, {"\f", 1}, {"\r", 1}, {"\x1f", 1},
    {"\xc2\x80", 2}, {"\xc3\xa9", 2}, {"\xdf\xbf", 2},
    {"\xe0\xa0\x80", 3}, {"\xe2\x82\xac", 3}, {"\xe2\x80\xa8", 3}, {"\xed\x9f\xbf", 3}, {"\xee\x80\x80", 3},
    {"\xef\xbb\xbf", 3}, {"\xef\xbf\xbd", 3},
    {"\xf0\x90\x80\x80", 4}, {"\xf0\x9f\x98\x80", 4}, {"\xf4\x8f\xbf\xbf", 4},
};

static void random_string(mc_string *s)
{
    char buf[64];
    size_t n = 0, k = rng_below(13), i;
    /* a third of the strings are plain identifiers like the real data */
    bool plain = rng_below(3) == 0;
    for (i = 0; i < k; i++) {
        const struct piece *p = plain ? &pieces[rng_below(3)] : &pieces[rng_below(sizeof pieces / sizeof pieces[0])];
        memcpy(buf + n, p->s, p->n);
        n += p->n;
    }
    assert_int_equal(mc_string_set(s, buf, n, NULL), MC_OK);
}

/* ---- enums ---------------------------------------------------------------- */

/* A member number, or -1 with text that is not a member. */
static int random_enum(const mc_enum_desc *d, mc_string *unknown)
{
    if (rng_below(4) != 0)
        return (int)rng_below((uint32_t)d->count);
    do {
        mc_string_dispose(unknown, NULL);
        if (rng_below(4) == 0) {
            const char *w = d->values[rng_below((uint32_t)d->count)].wire; /* a member in lower case */
            char low[64];
            size_t i, n = strlen(w);
            for (i = 0; i < n; i++)
                low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
            assert_int_equal(mc_string_set(unknown, low, n, NULL), MC_OK);
        } else {
            random_string(unknown);
        }
    } while (mc_enum_from_string(d, unknown->data, unknown->len) != MC_ENUM_UNKNOWN);
    return MC_ENUM_UNKNOWN;
}

/* Presence: value, absent, and null only where the schema allows it. */
static mc_presence random_presence(bool nullable)
{
    uint32_t r = rng_below(8);
    if (r < 5)
        return MC_PRESENT;
    if (r < 7 || !nullable)
        return MC_ABSENT;
    return MC_NULL;
}

/* ---- date-times ----------------------------------------------------------- */

static int64_t days_before_year[10001]; /* days from 0000-01-01 to Y-01-01 */

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int64_t y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return dm[m - 1] + (m == 2 && is_leap(y));
}

/* Days from 1970-01-01 to y-m-d, by table and month loop (not the runtime's formula). */
static int64_t days_since_epoch(int64_t y, int m, int d)
{
    int64_t days = days_before_year[y] - days_before_year[1970];
    int i;
    for (i = 1; i < m; i++)
        days += days_in(y, i);
    return days + d - 1;
}

static void init_calendar(void)
{
    int64_t y;
    days_before_year[0] = 0;
    for (y = 0; y < 10000; y++)
        days_before_year[y + 1] = days_before_year[y] + (is_leap(y) ? 366 : 365);
}

/*
 * A date-time and its expected text, from local parts. Years 0001..9998 keep
 * every offset inside 0000..9999 in UTC too.
 */
static void random_datetime(mc_datetime *dt, char *text)
{
    int64_t y = 1 + rng_below(9998);
    int m = 1 + (int)rng_below(12), d = 1 + (int)rng_below((uint32_t)days_in(y, m));
    int hh = (int)rng_below(24), mi = (int)rng_below(60), ss = (int)rng_below(60);
    unsigned digits = rng_below(10), zone = rng_below(6);
    int64_t frac = 0, nanos, pow10 = 1;
    int off = 0;
    bool leap = false, no_seconds = false;
    char *p = text;
    unsigned i;
    for (i = 0; i < digits; i++)
        pow10 *= 10;
    if (digits > 0)
        frac = (int64_t)(rng_next() % (uint64_t)pow10);
    nanos = frac * (1000000000 / pow10);

    dt->form = (uint8_t)digits;
    switch (zone) {
    case 0: dt->form |= MC_DT_ZONE_Z; break;
    case 1: dt->form |= MC_DT_ZONE_LOWER_Z; break;
    case 2: /* +hh:mm / -hh:mm, including +00:00 */
        off = (int)rng_below(2879) - 1439;
        if (rng_below(8) == 0)
            off = 0;
        dt->form |= MC_DT_ZONE_OFFSET;
        break;
    case 3: dt->form |= MC_DT_ZONE_OFFSET | MC_DT_NEG_ZERO; break; /* -00:00 */
    case 4: dt->form |= MC_DT_ZONE_NONE; break;
    default: /* Z again, sometimes a leap second, sometimes without seconds */
        dt->form |= MC_DT_ZONE_Z;
        if (rng_below(4) == 0) {
            hh = 23;
            mi = 59;
            ss = 60;
            leap = true;
        } else if (rng_below(3) == 0) {
            ss = 0;
            digits = 0;
            nanos = 0;
            no_seconds = true;
            dt->form = MC_DT_NO_SECONDS | MC_DT_ZONE_Z;
        }
        break;
    }
    dt->offset_minutes = (int16_t)off;
    dt->seconds = days_since_epoch(y, m, d) * 86400 + hh * 3600 + mi * 60 + (leap ? 59 : ss) - (int64_t)off * 60;
    dt->nanos = (int32_t)(nanos + (leap ? 1000000000 : 0));

    p += sprintf(p, "%04d-%02d-%02dT%02d:%02d", (int)y, m, d, hh, mi);
    if (!no_seconds)
        p += sprintf(p, ":%02d", ss);
    if (digits > 0)
        p += sprintf(p, ".%0*lld", (int)digits, (long long)frac);
    switch (zone) {
    case 0: *p++ = 'Z'; break;
    case 1: *p++ = 'z'; break;
    case 2: p += sprintf(p, "%c%02d:%02d", off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60); break;
    case 3: p += sprintf(p, "-00:00"); break;
    case 4: break;
    default: *p++ = 'Z'; break;
    }
    *p = '\0';
}

/* ---- kept unknown members ------------------------------------------------- */

static const char *const extra_values[] = {
    "1", "-0", "2.5e-3", "true", "false", "null", "\"\"", "\"x\\u0000\\n\\\"\\ud83d\\ude00\"", "[]", "{}",
    "[1,[2,{\"a\":null}]]", "{\"id\":\"not the id\",\"errors\":7}", "\"\xc3\xa9\"",
};

/* Zero to three members with distinct names that the schema does not know. */
static int random_extra(mc_string *extra, char names[3][8])
{
    char buf[256];
    size_t n = 0;
    int k = rng_below(3) == 0 ? (int)rng_below(4) : 0, i;
    for (i = 0; i < k; i++) {
        const char *v = extra_values[rng_below(sizeof extra_values / sizeof extra_values[0])];
        memcpy(names[i], "x_0", 4);
        names[i][2] = (char)('0' + i);
        n += (size_t)sprintf(buf + n, "%s\"%s\":%s", i ? "," : "", names[i], v);
    }
    if (k > 0)
        assert_int_equal(mc_string_set(extra, buf, n, NULL), MC_OK);
    return k;
}

/* ---- a random CertificationTask, with the texts libfyaml must read ------- */

typedef struct expect {
    char created[MC_DATETIME_MAX];
    int extras;
    char extra_names[3][8];
    int item_extras[2][5];
} expect;

static void random_task(certification_task *t, expect *x)
{
    size_t i;
    certification_task_init(t);
    memset(x, 0, sizeof *x);
    if ((t->has_id = random_presence(false)) == MC_PRESENT)
        random_string(&t->id);
    if ((t->has_type = random_presence(false)) == MC_PRESENT)
        t->type = (certification_task_type)random_enum(&certification_task_type_desc, &t->type_unknown);
    if ((t->has_target_type = random_presence(false)) == MC_PRESENT)
        t->target_type =
            (certification_task_target_type)random_enum(&certification_task_target_type_desc, &t->target_type_unknown);
    if ((t->has_target_id = random_presence(false)) == MC_PRESENT)
        random_string(&t->target_id);
    if ((t->has_status = random_presence(false)) == MC_PRESENT)
        t->status = (certification_task_status)random_enum(&certification_task_status_desc, &t->status_unknown);
    if ((t->has_errors = random_presence(false)) == MC_PRESENT && (t->errors.count = rng_below(6)) > 0) {
        t->errors.items = (error_message_dto *)calloc(t->errors.count, sizeof *t->errors.items);
        assert_non_null(t->errors.items);
        for (i = 0; i < t->errors.count; i++) {
            error_message_dto *e = &t->errors.items[i];
            char names[3][8];
            if ((e->has_locale = random_presence(true)) == MC_PRESENT)
                random_string(&e->locale);
            if ((e->has_locale_origin = random_presence(true)) == MC_PRESENT)
                e->locale_origin = (locale_origin)random_enum(&locale_origin_desc, &e->locale_origin_unknown);
            if ((e->has_text = random_presence(false)) == MC_PRESENT)
                random_string(&e->text);
            x->item_extras[0][i] = random_extra(&e->json_extra, names);
        }
    }
    if ((t->has_reassignment_trail_dtos = random_presence(false)) == MC_PRESENT &&
        (t->reassignment_trail_dtos.count = rng_below(6)) > 0) {
        t->reassignment_trail_dtos.items =
            (reassignment_trail_dto *)calloc(t->reassignment_trail_dtos.count, sizeof *t->reassignment_trail_dtos.items);
        assert_non_null(t->reassignment_trail_dtos.items);
        for (i = 0; i < t->reassignment_trail_dtos.count; i++) {
            reassignment_trail_dto *r = &t->reassignment_trail_dtos.items[i];
            char names[3][8];
            if ((r->has_previous_owner = random_presence(false)) == MC_PRESENT)
                random_string(&r->previous_owner);
            if ((r->has_new_owner = random_presence(false)) == MC_PRESENT)
                random_string(&r->new_owner);
            if ((r->has_reassignment_type = random_presence(false)) == MC_PRESENT)
                random_string(&r->reassignment_type);
            x->item_extras[1][i] = random_extra(&r->json_extra, names);
        }
    }
    if ((t->has_created = random_presence(false)) == MC_PRESENT)
        random_datetime(&t->created, x->created);
    x->extras = random_extra(&t->json_extra, x->extra_names);
}

/* ---- the text is exactly one object ---------------------------------------- */

/* True if text[0..n) is '{', balanced, and its top-level '}' is the last byte. */
static bool one_object_exactly(const char *s, size_t n)
{
    size_t i, depth = 0;
    bool in_str = false;
    if (n == 0 || s[0] != '{')
        return false;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = false;
            continue;
        }
        if (c == '"')
            in_str = true;
        else if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']') {
            if (depth == 0)
                return false;
            if (--depth == 0)
                return i == n - 1;
        }
    }
    return false;
}

/* ---- libfyaml reads the same values ---------------------------------------- */

typedef struct ctx {
    size_t index; /* which random value, for messages */
    int line;
} ctx;

#define CHECK(cond, ...)                                                                    \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            print_error("value #%zu: ", c->index);                                          \
            mt_fail_at(__FILE__, __LINE__, __VA_ARGS__);                                    \
        }                                                                                   \
    } while (0)

static bool fy_is_null(struct fy_node *n)
{
    size_t len = 0;
    const char *s;
    if (n == NULL || fy_node_get_type(n) != FYNT_SCALAR || fy_node_get_style(n) != FYNS_PLAIN)
        return false;
    s = fy_node_get_scalar(n, &len);
    return s != NULL && len == 4 && memcmp(s, "null", 4) == 0;
}

/* A JSON string (double-quoted scalar) holding exactly want[0..want_len). */
static bool fy_is_string(struct fy_node *n, const char *want, size_t want_len)
{
    size_t len = 0;
    const char *s;
    if (n == NULL || fy_node_get_type(n) != FYNT_SCALAR || fy_node_get_style(n) != FYNS_DOUBLE_QUOTED)
        return false;
    s = fy_node_get_scalar(n, &len);
    return s != NULL && len == want_len && memcmp(s, want, len) == 0;
}

/* Check member `key` of map m against presence pr and string value s. */
static int fy_check_string(const ctx *c, struct fy_node *m, const char *key, mc_presence pr, const mc_string *s)
{
    struct fy_node *n = fy_node_mapping_lookup_by_string(m, key, FY_NT);
    if (pr == MC_ABSENT) {
        CHECK(n == NULL, "member %s should be absent", key);
        return 0;
    }
    if (pr == MC_NULL) {
        CHECK(fy_is_null(n), "member %s should be null", key);
        return 1;
    }
    CHECK(fy_is_string(n, s->data, s->len), "member %s: libfyaml reads different text", key);
    return 1;
}

static int fy_check_enum(const ctx *c, struct fy_node *m, const char *key, mc_presence pr, int v,
                         const mc_enum_desc *d, const mc_string *unknown)
{
    mc_string text;
    if (pr != MC_PRESENT)
        return fy_check_string(c, m, key, pr, NULL);
    if (v == MC_ENUM_UNKNOWN) {
        text = *unknown;
    } else {
        text.data = (char *)(uintptr_t)d->values[v].wire;
        text.len = d->values[v].wire_len;
    }
    return fy_check_string(c, m, key, pr, &text);
}

static void fy_check_extras(const ctx *c, struct fy_node *m, int known, int extras, char names[3][8])
{
    int i;
    CHECK(fy_node_mapping_item_count(m) == known + extras, "mapping has %d members, expected %d + %d",
          fy_node_mapping_item_count(m), known, extras);
    for (i = 0; names != NULL && i < extras; i++)
        CHECK(fy_node_mapping_lookup_by_string(m, names[i], FY_NT) != NULL, "kept member %s missing", names[i]);
}

static void fy_check_task(const ctx *c, struct fy_node *root, const certification_task *t, const expect *x)
{
    struct fy_node *n;
    int known = 0;
    size_t i;
    char names[3][8];

    CHECK(root != NULL && fy_node_get_type(root) == FYNT_MAPPING, "root is not a mapping");

    known += fy_check_string(c, root, "id", t->has_id, &t->id);
    known += fy_check_enum(c, root, "type", t->has_type, (int)t->type, &certification_task_type_desc, &t->type_unknown);
    known += fy_check_enum(c, root, "targetType", t->has_target_type, (int)t->target_type,
                           &certification_task_target_type_desc, &t->target_type_unknown);
    known += fy_check_string(c, root, "targetId", t->has_target_id, &t->target_id);
    known += fy_check_enum(c, root, "status", t->has_status, (int)t->status, &certification_task_status_desc,
                           &t->status_unknown);

    n = fy_node_mapping_lookup_by_string(root, "errors", FY_NT);
    if (t->has_errors == MC_ABSENT) {
        CHECK(n == NULL, "errors should be absent");
    } else {
        known++;
        CHECK(n != NULL && fy_node_get_type(n) == FYNT_SEQUENCE, "errors is not a sequence");
        CHECK((size_t)fy_node_sequence_item_count(n) == t->errors.count, "errors has %d items, expected %zu",
              fy_node_sequence_item_count(n), t->errors.count);
        for (i = 0; i < t->errors.count; i++) {
            const error_message_dto *e = &t->errors.items[i];
            struct fy_node *item = fy_node_sequence_get_by_index(n, (int)i);
            int k = 0;
            CHECK(item != NULL && fy_node_get_type(item) == FYNT_MAPPING, "errors[%zu] is not a mapping", i);
            k += fy_check_string(c, item, "locale", e->has_locale, &e->locale);
            k += fy_check_enum(c, item, "localeOrigin", e->has_locale_origin, (int)e->locale_origin,
                               &locale_origin_desc, &e->locale_origin_unknown);
            k += fy_check_string(c, item, "text", e->has_text, &e->text);
            fy_check_extras(c, item, k, x->item_extras[0][i], NULL);
        }
    }

    n = fy_node_mapping_lookup_by_string(root, "reassignmentTrailDTOs", FY_NT);
    if (t->has_reassignment_trail_dtos == MC_ABSENT) {
        CHECK(n == NULL, "reassignmentTrailDTOs should be absent");
    } else {
        known++;
        CHECK(n != NULL && fy_node_get_type(n) == FYNT_SEQUENCE, "reassignmentTrailDTOs is not a sequence");
        CHECK((size_t)fy_node_sequence_item_count(n) == t->reassignment_trail_dtos.count,
              "reassignmentTrailDTOs count differs");
        for (i = 0; i < t->reassignment_trail_dtos.count; i++) {
            const reassignment_trail_dto *r = &t->reassignment_trail_dtos.items[i];
            struct fy_node *item = fy_node_sequence_get_by_index(n, (int)i);
            int k = 0;
            CHECK(item != NULL && fy_node_get_type(item) == FYNT_MAPPING, "trail[%zu] is not a mapping", i);
            k += fy_check_string(c, item, "previousOwner", r->has_previous_owner, &r->previous_owner);
            k += fy_check_string(c, item, "newOwner", r->has_new_owner, &r->new_owner);
            k += fy_check_string(c, item, "reassignmentType", r->has_reassignment_type, &r->reassignment_type);
            fy_check_extras(c, item, k, x->item_extras[1][i], NULL);
        }
    }

    if (t->has_created == MC_PRESENT) {
        mc_string want;
        want.data = (char *)(uintptr_t)x->created;
        want.len = strlen(x->created);
        known += fy_check_string(c, root, "created", MC_PRESENT, &want);
    } else {
        CHECK(fy_node_mapping_lookup_by_string(root, "created", FY_NT) == NULL, "created should be absent");
    }
    memcpy(names, x->extra_names, sizeof names);
    fy_check_extras(c, root, known, x->extras, names);
}

/*
 * libfyaml's cost is mostly per document (under valgrind, 100 values in one
 * array parse 2.6 times faster than 100 documents), so the encoded texts are
 * checked in batches: "[" text0 "," text1 ... "]", each element against its
 * own struct. A text that is not a single JSON value breaks the array, so
 * every text is still checked for being valid JSON on its own.
 */
#define BATCH 100

typedef struct batch {
    certification_task t[BATCH];
    expect x[BATCH];
    size_t first; /* index of t[0] among all values */
    size_t n;
    mc_buf text;
} batch;

static void check_batch(batch *b)
{
    struct fy_parse_cfg cfg;
    struct fy_document *doc;
    struct fy_node *seq;
    size_t i;
    ctx cx = {0, 0};
    const ctx *c = &cx;

    cx.index = b->first;
    assert_int_equal(mc_buf_append(&b->text, "]", 1), MC_OK);
    memset(&cfg, 0, sizeof cfg);
    cfg.flags = FYPCF_JSON_FORCE | FYPCF_QUIET;
    doc = fy_document_build_from_string(&cfg, b->text.data, b->text.len);
    CHECK(doc != NULL, "libfyaml rejects one of values #%zu..#%zu: %s", b->first, b->first + b->n - 1, b->text.data);
    seq = fy_document_root(doc);
    CHECK(seq != NULL && fy_node_get_type(seq) == FYNT_SEQUENCE && (size_t)fy_node_sequence_item_count(seq) == b->n,
          "libfyaml reads %d values, %zu were written", seq ? fy_node_sequence_item_count(seq) : -1, b->n);
    for (i = 0; i < b->n; i++) {
        cx.index = b->first + i;
        fy_check_task(c, fy_node_sequence_get_by_index(seq, (int)i), &b->t[i], &b->x[i]);
        certification_task_clear(&b->t[i], NULL);
    }
    fy_document_destroy(doc);
    b->text.len = 0;
    b->n = 0;
}

/* ---- the property --------------------------------------------------------- */

static size_t env_size(const char *name, size_t dflt)
{
    const char *s = getenv(name);
    char *end;
    unsigned long long v;
    if (s == NULL || *s == '\0')
        return dflt;
    v = strtoull(s, &end, 10);
    return *end == '\0' ? (size_t)v : dflt;
}

static void random_values_survive_encode_decode_encode_and_libfyaml_agrees(void **state)
{
    const size_t n = env_size("MODEL_PROPERTY_N", 10000);
    mc_decode_options keep = {NULL, 0, MC_DECODE_KEEP_UNKNOWN};
    size_t i, nulls = 0, unknowns = 0, extras = 0, bytes = 0;
    batch *b = (batch *)calloc(1, sizeof *b);
    (void)state;
    assert_non_null(b);
    mc_buf_init(&b->text, NULL);
    rng_state = (uint64_t)env_size("MODEL_PROPERTY_SEED", 20240924);
    init_calendar();
    for (i = 0; i < n; i++) {
        certification_task back;
        certification_task *const tp = &b->t[b->n];
        expect *const xp = &b->x[b->n];
        ctx cx = {0, 0};
        const ctx *c = &cx;
        char *text, *text2;
        size_t len, len2;
        mc_error err;
        int rc;

        cx.index = i;
        if (b->n == 0)
            b->first = i;
        random_task(tp, xp);
        text = mt_task_encode(tp, 0, &len, __FILE__, __LINE__);
        bytes += len;
        CHECK(one_object_exactly(text, len), "encoded text is not exactly one object: %s", text);

        /* the generator's own date-time text is what the writer wrote */
        if (tp->has_created == MC_PRESENT) {
            const char *at = strstr(text, "\"created\":\"");
            CHECK(at != NULL && strncmp(at + 11, xp->created, strlen(xp->created)) == 0 &&
                      at[11 + strlen(xp->created)] == '"',
                  "created written differently from %s: %s", xp->created, text);
        }

        rc = certification_task_from_json(&back, text, len, &keep, &err);
        CHECK(rc == MC_OK, "decode of own output failed: %s at %zu %s (%s)", err.message, err.offset, err.pointer,
              text);
        CHECK(certification_task_equal(tp, &back), "decoded value differs from the original: %s", text);
        text2 = mt_task_encode(&back, 0, &len2, __FILE__, __LINE__);
        CHECK(len2 == len && memcmp(text, text2, len) == 0, "second encoding differs:\n%s\n%s", text, text2);
        free(text2);
        certification_task_clear(&back, NULL);

        if (i % 8 == 0) {
            text2 = mt_task_encode(tp, MC_ENCODE_PRETTY, &len2, __FILE__, __LINE__);
            rc = certification_task_from_json(&back, text2, len2, &keep, &err);
            CHECK(rc == MC_OK && certification_task_equal(tp, &back), "pretty text does not read back: %s", text2);
            certification_task_clear(&back, NULL);
            free(text2);
        }

        assert_int_equal(mc_buf_append(&b->text, b->n == 0 ? "[" : ",", 1), MC_OK);
        assert_int_equal(mc_buf_append(&b->text, text, len), MC_OK);

        nulls += tp->has_errors == MC_PRESENT && tp->errors.count > 0 && tp->errors.items[0].has_locale_origin == MC_NULL;
        unknowns += tp->has_type == MC_PRESENT && tp->type == CERTIFICATION_TASK_TYPE_UNKNOWN;
        extras += xp->extras > 0;
        free(text);
        if (++b->n == BATCH || i + 1 == n)
            check_batch(b);
    }
    mc_buf_dispose(&b->text);
    free(b);
    /* the generator really covers what it claims (for the default N) */
    if (n >= 1000) {
        assert_true(nulls > n / 100);
        assert_true(unknowns > n / 100);
        assert_true(extras > n / 100);
    }
    print_message("%zu values, %zu bytes of JSON\n", n, bytes);
}

/* The checker itself: libfyaml sees nulls, escapes and U+0000 the way we assume. */
static void libfyaml_reads_json_nulls_escapes_and_nul_as_assumed(void **state)
{
    static const char json[] = "{\"a\":null,\"b\":\"null\",\"c\":\"x\\u0000\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}";
    struct fy_parse_cfg cfg;
    struct fy_document *doc;
    struct fy_node *root;
    (void)state;
    memset(&cfg, 0, sizeof cfg);
    cfg.flags = FYPCF_JSON_FORCE | FYPCF_QUIET;
    doc = fy_document_build_from_string(&cfg, json, sizeof json - 1);
    assert_non_null(doc);
    root = fy_document_root(doc);
    assert_true(fy_is_null(fy_node_mapping_lookup_by_string(root, "a", FY_NT)));
    assert_false(fy_is_null(fy_node_mapping_lookup_by_string(root, "b", FY_NT)));
    assert_true(fy_is_string(fy_node_mapping_lookup_by_string(root, "b", FY_NT), "null", 4));
    assert_true(fy_is_string(fy_node_mapping_lookup_by_string(root, "c", FY_NT),
                             "x\0\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80", 16));
    assert_null(fy_node_mapping_lookup_by_string(root, "d", FY_NT));
    fy_document_destroy(doc);
}

static void one_object_check_rejects_what_follows_the_object(void **state)
{
    (void)state;
    assert_true(one_object_exactly("{\"a\":\"}\\\"{\"}", 12));
    assert_false(one_object_exactly("{} ", 3));
    assert_false(one_object_exactly("{}{}", 4));
    assert_false(one_object_exactly("{\"a\":[}", 7));
    assert_false(one_object_exactly("{", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(libfyaml_reads_json_nulls_escapes_and_nul_as_assumed),
        cmocka_unit_test(one_object_check_rejects_what_follows_the_object),
        cmocka_unit_test(random_values_survive_encode_decode_encode_and_libfyaml_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
