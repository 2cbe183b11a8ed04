/*
 * bench/gen_corpus.c - writes the benchmark corpus: CertificationTask documents,
 * deterministic (fixed seed, own PRNG), one per line (tasks.ndjson) and the same
 * documents as one JSON array (tasks.json).
 *
 * usage: gen_corpus OUTDIR [COUNT [SEED]]     (defaults: 100000, 20240601)
 *
 * The mix is meant to look like real API output and to touch every decoder path:
 * 0-3 errors and 0-3 reassignment trails, absent fields, null where the schema
 * allows it (locale, localeOrigin: only those are nullable, and a schema-true
 * decoder rejects null elsewhere), a few percent
 * enum values the schema does not list, unknown members of every JSON kind
 * (string, integer, real, true, false, null, object, array) at the top level and
 * inside items, string escapes (\" \\ \/ \n \t \uXXXX, surrogate pairs) and raw
 * UTF-8, date-times with and without fractions and offsets, and a few documents
 * with reordered members or blanks between tokens. No string holds \u0000
 * (cJSON cannot represent it), and no member is repeated.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64: small, fast, and fully determined by the seed. */
static uint64_t rng_state;
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static unsigned below(unsigned n) { return (unsigned)(rnd() % n); }
/* true with probability pct/1000 */
static int chance(unsigned permille) { return below(1000) < permille; }

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) {
            perror("realloc");
            exit(1);
        }
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }
static void putf(buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(b, tmp, (size_t)n);
}

static int spaced; /* this document puts blanks between tokens */
static const char *colon(void) { return spaced ? ": " : ":"; }
static const char *comma(void) { return spaced ? ", " : ","; }

static void hex_id(buf *b)
{
    static const char hx[] = "0123456789abcdef";
    char s[34];
    /* SailPoint ids share a prefix per tenant; keep a few tenants. */
    static const char *const tenants[] = {"2c918086", "2c9180835d2e5168", "ef38f943", "8a8d8e5f"};
    const char *t = tenants[below(4)];
    size_t n = strlen(t);
    memcpy(s + 1, t, n);
    for (size_t i = n; i < 32; i++)
        s[1 + i] = hx[below(16)];
    s[0] = '"';
    s[33] = '"';
    put(b, s, 34);
}

/* Member name; "first" tells whether a comma goes before it. */
static void key(buf *b, int *first, const char *k)
{
    if (!*first)
        puts_(b, comma());
    *first = 0;
    putf(b, "\"%s\"%s", k, colon());
}

/* Error texts, already in JSON string syntax (escapes as they appear on the wire). */
static const char *const texts[] = {
    "\"The request was syntactically correct but its content is semantically invalid.\"",
    "\"Certification 2c918086719eec070171a7e3355a360a could not be reassigned.\"",
    "\"Identity not found\"",
    "\"Le certificat n'a pas pu \\u00eatre r\\u00e9attribu\\u00e9 au propri\\u00e9taire.\"",
    "\"Die Zertifizierung ist \\\"abgeschlossen\\\" und kann nicht ge\\u00e4ndert werden.\"",
    "\"認証タスクの再割り当てに失敗しました。\"",
    "\"Falha ao concluir a certificação: campanha já encerrada.\"",
    "\"Line one\\nLine two\\tcolumn\\r\\n\\\\server\\\\share\\/path\"",
    "\"Quota exceeded \\ud83d\\ude80 retry after 30 s\"",
    "\"Reviewer 😀 delegated twice; \\u201cself review\\u201d is not allowed.\"",
    "\"Internal error\"",
    "\"Campaign deadline passed\"",
};
static const char *const locales[] = {"en-US", "fr-FR", "de-DE", "ja-JP", "pt-BR", "en-GB"};
static const char *const types[] = {
    "REASSIGN", "ADMIN_REASSIGN", "COMPLETE_CERTIFICATION", "FINISH_CERTIFICATION",
    "COMPLETE_CAMPAIGN", "ACTIVATE_CAMPAIGN", "CAMPAIGN_CREATE", "CAMPAIGN_DELETE",
};
static const char *const unknown_types[] = {"CAMPAIGN_ARCHIVE", "REMEDIATE", "SIGN_OFF_REMINDER"};
static const char *const statuses[] = {"QUEUED", "IN_PROGRESS", "SUCCESS", "ERROR"};
static const char *const rtypes[] = {"AUTOMATIC_REASSIGNMENT", "MANUAL_REASSIGNMENT",
                                     "SELF_REVIEW_DELEGATION"};

/* Kinds of unknown member already used in the object being written (no repeats). */
static unsigned used_unknown;

/* An unknown member of a random JSON kind, which decoders must skip. */
static void unknown_member(buf *b, int *first)
{
    unsigned k;
    do
        k = below(9);
    while (used_unknown & (1u << k));
    used_unknown |= 1u << k;
    switch (k) {
    case 0:
        key(b, first, "etag");
        puts_(b, "\"W/\\\"5c1f-2a\\\"\"");
        break;
    case 1:
        key(b, first, "attempt");
        putf(b, "%u", below(10));
        break;
    case 2:
        key(b, first, "score");
        putf(b, "-%u.%03ue-3", below(100), below(1000));
        break;
    case 3:
        key(b, first, "archived");
        puts_(b, below(2) ? "true" : "false");
        break;
    case 4:
        key(b, first, "deletedAt");
        puts_(b, "null");
        break;
    case 5:
        key(b, first, "owner");
        putf(b, "{\"id\":");
        hex_id(b);
        putf(b, ",\"name\":\"Jos\\u00e9 N\\u00fa\\u00f1ez\",\"tags\":[1,2.5,{\"k\":[]}]}");
        break;
    case 6:
        key(b, first, "labels");
        puts_(b, "[\"urgent\",\"q3\",null,true,{\"x\":\"}]\"}]");
        break;
    case 7:
        key(b, first, "sequence");
        putf(b, "%llu", (unsigned long long)(rnd() >> 1));
        break;
    default:
        key(b, first, "_links");
        puts_(b, "{\"self\":{\"href\":\"https://example.com/v2024/certification-tasks\"}}");
        break;
    }
}

static void enum_value(buf *b, const char *const *names, unsigned n, const char *const *unknown,
                       unsigned nu, unsigned unknown_permille)
{
    if (chance(unknown_permille))
        putf(b, "\"%s\"", unknown[below(nu)]);
    else
        putf(b, "\"%s\"", names[below(n)]);
}

static unsigned small_count(void)
{
    /* 0-3 items, weighted to typical responses */
    unsigned r = below(100);
    return r < 33 ? 0 : r < 68 ? 1 : r < 89 ? 2 : 3;
}

static void error_item(buf *b)
{
    int first = 1;
    unsigned outer = used_unknown; /* the enclosing object's */
    used_unknown = 0;
    puts_(b, "{");
    if (!chance(40)) {
        key(b, &first, "locale");
        if (chance(120))
            puts_(b, "null");
        else
            putf(b, "\"%s\"", locales[below(6)]);
    }
    if (!chance(60)) {
        key(b, &first, "localeOrigin");
        unsigned r = below(1000);
        puts_(b, r < 100 ? "null" : r < 130 ? "\"BROWSER\"" : r < 700 ? "\"DEFAULT\"" : "\"REQUEST\"");
    }
    if (chance(30))
        unknown_member(b, &first);
    if (!chance(20)) {
        key(b, &first, "text");
        puts_(b, texts[below(sizeof texts / sizeof *texts)]);
    }
    puts_(b, "}");
    used_unknown = outer;
}

static void trail_item(buf *b)
{
    int first = 1;
    unsigned outer = used_unknown; /* the enclosing object's */
    used_unknown = 0;
    puts_(b, "{");
    key(b, &first, "previousOwner");
    hex_id(b);
    if (!chance(20)) {
        key(b, &first, "newOwner");
        hex_id(b);
    }
    if (chance(30))
        unknown_member(b, &first);
    key(b, &first, "reassignmentType");
    putf(b, "\"%s\"", rtypes[below(3)]);
    puts_(b, "}");
    used_unknown = outer;
}

static void datetime(buf *b)
{
    static const unsigned mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned y = 2019 + below(6), mo = 1 + below(12), d = 1 + below(mdays[mo - 1]);
    putf(b, "\"%04u-%02u-%02uT%02u:%02u:%02u", y, mo, d, below(24), below(60), below(60));
    unsigned r = below(100);
    if (r < 55)
        putf(b, ".%03u", below(1000));
    else if (r < 65)
        putf(b, ".%06u", below(1000000));
    else if (r < 70)
        putf(b, ".%09u", below(1000000000));
    r = below(100);
    if (r < 80)
        puts_(b, "Z\"");
    else {
        static const char *const offs[] = {"+02:00", "-05:00", "+05:30", "-03:30", "+00:00",
                                           "+09:00"};
        putf(b, "%s\"", offs[below(6)]);
    }
}

enum { F_ID, F_TYPE, F_TARGET_TYPE, F_TARGET_ID, F_STATUS, F_ERRORS, F_TRAILS, F_CREATED,
       F_UNKNOWN1, F_UNKNOWN2, F_COUNT };

static void field(buf *b, int *first, int f)
{
    switch (f) {
    case F_ID:
        if (chance(10))
            return;
        key(b, first, "id");
        hex_id(b);
        break;
    case F_TYPE:
        if (chance(10))
            return;
        key(b, first, "type");
        enum_value(b, types, 8, unknown_types, 3, 30);
        break;
    case F_TARGET_TYPE:
        if (chance(10))
            return;
        key(b, first, "targetType");
        enum_value(b, (const char *const[]){"CERTIFICATION", "CAMPAIGN"}, 2,
                   (const char *const[]){"ACCESS_PROFILE"}, 1, 20);
        break;
    case F_TARGET_ID:
        if (chance(10))
            return;
        key(b, first, "targetId");
        hex_id(b);
        break;
    case F_STATUS:
        if (chance(10))
            return;
        key(b, first, "status");
        enum_value(b, statuses, 4, (const char *const[]){"CANCELLED", "PAUSED"}, 2, 30);
        break;
    case F_ERRORS: {
        if (chance(60))
            return;
        key(b, first, "errors");
        unsigned n = small_count();
        puts_(b, "[");
        for (unsigned i = 0; i < n; i++) {
            if (i)
                puts_(b, comma());
            error_item(b);
        }
        puts_(b, "]");
        break;
    }
    case F_TRAILS: {
        if (chance(60))
            return;
        key(b, first, "reassignmentTrailDTOs");
        unsigned n = small_count();
        puts_(b, "[");
        for (unsigned i = 0; i < n; i++) {
            if (i)
                puts_(b, comma());
            trail_item(b);
        }
        puts_(b, "]");
        break;
    }
    case F_CREATED:
        if (chance(10))
            return;
        key(b, first, "created");
        datetime(b);
        break;
    default:
        if (chance(100))
            unknown_member(b, first);
        break;
    }
}

static void document(buf *b)
{
    int order[F_COUNT];
    for (int i = 0; i < F_COUNT; i++)
        order[i] = i;
    /* unknown members mostly go last or between fields; 3% of documents are reordered */
    if (chance(30)) {
        for (int i = F_COUNT - 1; i > 0; i--) {
            int j = (int)below((unsigned)i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    } else if (below(2)) {
        /* an unknown member in the middle, as APIs add fields over time */
        order[F_UNKNOWN1] = F_CREATED;
        order[F_CREATED] = F_TRAILS;
        order[F_TRAILS] = F_ERRORS;
        order[F_ERRORS] = F_UNKNOWN1;
    }
    spaced = chance(20);
    int first = 1;
    used_unknown = 0;
    puts_(b, "{");
    for (int i = 0; i < F_COUNT; i++)
        field(b, &first, order[i]);
    puts_(b, "}");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s OUTDIR [COUNT [SEED]]\n", argv[0]);
        return 2;
    }
    unsigned long count = argc > 2 ? strtoul(argv[2], NULL, 10) : 100000;
    rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 20240601;
    char path[4096];
    snprintf(path, sizeof path, "%s/tasks.ndjson", argv[1]);
    FILE *nd = fopen(path, "wb");
    if (!nd) {
        perror(path);
        return 1;
    }
    snprintf(path, sizeof path, "%s/tasks.json", argv[1]);
    FILE *ar = fopen(path, "wb");
    if (!ar) {
        perror(path);
        return 1;
    }
    buf b = {0};
    size_t total = 0;
    fputs("[\n", ar);
    for (unsigned long i = 0; i < count; i++) {
        b.len = 0;
        document(&b);
        total += b.len + 1;
        b.p[b.len] = '\n';
        fwrite(b.p, 1, b.len + 1, nd);
        if (i)
            fputs(",\n", ar);
        fwrite(b.p, 1, b.len, ar);
    }
    fputs("\n]\n", ar);
    free(b.p);
    if (fclose(nd) || fclose(ar)) {
        perror("write");
        return 1;
    }
    fprintf(stderr, "gen_corpus: %lu documents, %zu bytes (%.0f bytes/document) in %s\n", count,
            total, count ? (double)total / (double)count : 0.0, argv[1]);
    return 0;
}
