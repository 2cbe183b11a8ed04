/*
 * test_datetime_fast.c - mc_datetime_parse takes the shapes servers send
 * ("YYYY-MM-DDThh:mm:ss[.f{1,9}](Z|z|+hh:mm|-hh:mm)") through a word-wide fast
 * path and everything else through the full parser. Both must agree bit for
 * bit (status and every byte of the mc_datetime, the form included) on a table
 * of edge cases, on every byte value at every position of the fast shapes and
 * on many random valid and near-valid strings, alone and as a member of a
 * document (where the decoder finds the end of the text itself). Each input
 * is parsed from a heap block of exactly its length, so that a read past the
 * end shows under ASan and valgrind.
 */
#include "test_util.h"

/* Parse s[0..len) both ways (lenient and strict) and compare. */
static void same_both_ways(const char *s, size_t len)
{
    static const unsigned flags[2] = {0u, MC_DATETIME_STRICT};
    char *copy = (char *)malloc(len ? len : 1);
    size_t i;
    assert_non_null(copy);
    memcpy(copy, s, len);
    for (i = 0; i < 2; i++) {
        mc_datetime fast, full;
        int rf, rs;
        memset(&fast, 0xA5, sizeof fast);
        memset(&full, 0x5A, sizeof full);
        rf = mc_datetime_parse(&fast, copy, len, flags[i]);
        rs = mc_datetime_parse_full_(&full, copy, len, flags[i]);
        if (rf != rs || memcmp(&fast, &full, sizeof fast) != 0)
            fail_msg("\"%.*s\" (flags %u): status %d / %d, seconds %lld / %lld, nanos %d / %d, offset %d / %d, "
                     "form %#x / %#x",
                     (int)len, s, flags[i], rf, rs, (long long)fast.seconds, (long long)full.seconds, (int)fast.nanos,
                     (int)full.nanos, (int)fast.offset_minutes, (int)full.offset_minutes, (unsigned)fast.form,
                     (unsigned)full.form);
    }
    free(copy);
}

/* The decoder finds where a date-time member ends by itself: s[0..len) as
 * the "created" member of a document with `pad` blanks after it, from a heap
 * block of exactly its length, must decode to what mc_datetime_parse gives
 * (and fail where it fails). Texts with bytes a JSON string cannot hold
 * as they are ('"', '\\', controls) are not tried. */
static void same_in_document(const char *s, size_t len, size_t pad)
{
    static const char head[] = "{\"created\":\"";
    size_t n = sizeof head - 1 + len + 2 + pad, i;
    char *json = (char *)malloc(n);
    certification_task t;
    mc_datetime want;
    int rc, want_rc;
    assert_non_null(json);
    for (i = 0; i < len; i++)
        if (s[i] == '"' || s[i] == '\\' || (unsigned char)s[i] < 0x20) {
            free(json);
            return;
        }
    memcpy(json, head, sizeof head - 1);
    memcpy(json + sizeof head - 1, s, len);
    memcpy(json + sizeof head - 1 + len, "\"}", 2);
    memset(json + sizeof head - 1 + len + 2, ' ', pad);
    want_rc = mc_datetime_parse(&want, s, len, 0);
    rc = certification_task_from_json(&t, json, n, NULL, NULL);
    if (want_rc == MC_OK) {
        if (rc != MC_OK || t.has_created != MC_PRESENT || memcmp(&t.created, &want, sizeof want) != 0)
            fail_msg("\"%.*s\" in a document (%zu blanks after): status %d", (int)len, s, pad, rc);
        certification_task_clear(&t, NULL);
    } else if (rc == MC_OK) {
        fail_msg("\"%.*s\" in a document (%zu blanks after) was accepted", (int)len, s, pad);
    }
    free(json);
}

static void same(const char *s)
{
    size_t pad;
    same_both_ways(s, strlen(s));
    for (pad = 0; pad < 20; pad++)
        same_in_document(s, strlen(s), pad);
}

static void test_table(void **state)
{
    static const char *const cases[] = {
        /* the fast shapes */
        "2020-09-24T18:10:47Z", "2020-09-24T18:10:47z", "2020-09-24t18:10:47Z", "2020-09-24T18:10:47.6Z",
        "2020-09-24T18:10:47.69Z", "2020-09-24T18:10:47.693Z", "2020-09-24T18:10:47.6931Z",
        "2020-09-24T18:10:47.69312Z", "2020-09-24T18:10:47.693123Z", "2020-09-24T18:10:47.6931234Z",
        "2020-09-24T18:10:47.69312345Z", "2020-09-24T18:10:47.693123456Z", "2020-09-24T18:10:47.000000000Z",
        "2020-09-24T18:10:47.999999999Z", "2020-09-24T18:10:47.100000000Z", "2020-09-24T18:10:47+05:30",
        "2020-09-24T18:10:47-08:00", "2020-09-24T18:10:47+00:00", "2020-09-24T18:10:47-00:00",
        "2020-09-24T18:10:47.5-00:00", "2020-09-24T18:10:47.123456789+23:59", "2020-09-24T18:10:47.12-23:59",
        "2020-09-24T00:00:00+23:59", "2020-09-24T23:59:59-23:59", "0000-01-01T00:00:00Z", "0000-02-29T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+23:59",
        "1969-12-31T23:59:59.5Z", "1970-01-01T00:00:00Z", "2000-02-29T12:00:00Z", "2024-02-29T12:00:00Z",
        "2020-01-31T00:00:00Z", "2020-04-30T00:00:00Z", "2020-12-31T00:00:00Z",
        /* the full parser's: other shapes, leap seconds */
        "2020-09-24T18:10Z", "2020-09-24T18:10:47", "2020-09-24T18:10:47.5", "2020-09-24T18:10",
        "2020-09-24T18:10+02:00", "2016-12-31T23:59:60Z", "2016-12-31T18:59:60.5-05:00", "2016-12-31T23:59:60.25Z",
        "2016-12-30T23:59:60Z",
        /* invalid */
        "", "2020-09-24", "2020-09-24T", "2020-09-24T18:10:47.Z", "2020-09-24T18:10:47.1234567890Z",
        "2020-09-24T18:10:47.12345678901234Z", "2020-09-24T18:10:47.1x3Z", "2020-09-24T18:10:47.123",
        "2020-09-24T18:10:47ZZ", "2020-09-24T18:10:47+5:30", "2020-09-24T18:10:47+05:3", "2020-09-24T18:10:47+0530",
        "2020-09-24T18:10:47+24:00", "2020-09-24T18:10:47+05:60", "2020-09-24T18:10:47*05:30",
        "2020-09-24T18:10:47+05-30", "2020-09-24T18:10:47 Z", "2020-09-24T18:10:47.5+05:30Z",
        "2020-09-24T18:10:47.+05:30", "2020-09-24T18:10:47:+05:30", "2020-09-24T18:10:47.1+05:30+",
        "2020-09-24T24:00:00Z", "2020-09-24T18:60:00Z", "2020-09-24T18:10:61Z", "2020-13-01T00:00:00Z",
        "2020-00-01T00:00:00Z", "2020-01-00T00:00:00Z", "2020-01-32T00:00:00Z", "2019-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z", "2020-04-31T00:00:00Z", "2020/09/24T18:10:47Z", "2020-09-24 18:10:47Z",
        "2020-09-24X18:10:47Z", "2020-09-24T18-10-47Z", "2020-09-24T18:10-47Z", "+020-09-24T18:10:47Z",
        "2020-09-24T18:10:4", "2020-09-24T18:10:47.123456789+05:30x", "2020-09-24T18:10:47.1234567891+05:30",
        "2020-09-24T18:10:47\x80", "2020-09-24T18:10:47.\xb5Z", "2020-09-24T18:10:47.5\xff",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        same(cases[i]);
}

/* Every byte value at every position of each fast shape: a separator, digit
 * or zone byte accepted where it should not be shows here. */
static void test_every_byte_everywhere(void **state)
{
    static const char *const bases[] = {
        "2020-09-24T18:10:47Z",           "2020-02-29T23:59:59.5z",
        "2020-09-24T18:10:47.693Z",       "2020-09-24T18:10:47.12345678Z",
        "2020-09-24T18:10:47.123456789Z", "2020-09-24T18:10:47+05:30",
        "2020-09-24T18:10:47.693-00:00",  "1999-12-31T09:09:09.123456789-23:59",
    };
    size_t i, pos;
    unsigned v;
    (void)state;
    for (i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        char buf[64];
        size_t n = strlen(bases[i]);
        for (pos = 0; pos < n; pos++) {
            for (v = 0; v < 256; v++) {
                memcpy(buf, bases[i], n);
                buf[pos] = (char)v;
                same_both_ways(buf, n);
            }
        }
    }
}

/* xorshift64*: a fixed sequence, so that a failure repeats. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 33) % n;
}

/* A number of `width` digits, mostly in [lo, hi], sometimes anything. */
static size_t put_num(char *p, unsigned width, unsigned lo, unsigned hi)
{
    unsigned v = rnd(8) == 0 ? rnd(width == 4 ? 10000 : 100) : lo + rnd(hi - lo + 1);
    unsigned i;
    for (i = width; i > 0; i--) {
        p[i - 1] = (char)('0' + v % 10);
        v /= 10;
    }
    return width;
}

/* A date-time of a random shape: mostly the fast ones, some lenient, some
 * leap seconds, with values at and around the limits. */
static size_t random_datetime(char *buf)
{
    static const char *const zones[] = {"Z", "z", "+", "-", "", "+00:00", "-00:00"};
    size_t n = 0;
    unsigned nd, z;
    n += put_num(buf + n, 4, rnd(2) ? 1960 : 0, rnd(2) ? 2100 : 9999);
    buf[n++] = '-';
    n += put_num(buf + n, 2, 1, 12);
    buf[n++] = '-';
    n += put_num(buf + n, 2, 1, rnd(4) ? 28 : 31);
    buf[n++] = rnd(16) ? 'T' : 't';
    n += put_num(buf + n, 2, 0, 23);
    buf[n++] = ':';
    n += put_num(buf + n, 2, 0, 59);
    if (rnd(16)) {
        buf[n++] = ':';
        n += put_num(buf + n, 2, 0, rnd(32) ? 59 : 60);
        if (rnd(2)) {
            buf[n++] = '.';
            for (nd = rnd(12); nd > 0; nd--)
                buf[n++] = (char)('0' + rnd(10));
        }
    }
    z = rnd(sizeof zones / sizeof zones[0]);
    memcpy(buf + n, zones[z], strlen(zones[z]));
    n += strlen(zones[z]);
    if (z == 2 || z == 3) {
        n += put_num(buf + n, 2, 0, 23);
        buf[n++] = ':';
        n += put_num(buf + n, 2, 0, 59);
    }
    return n;
}

/* One random edit: a byte replaced, dropped or inserted, or the end cut. */
static size_t mutate(char *buf, size_t n)
{
    static const char bytes[] = "0123456789-:T.tZz+ \x80\xff/\"\\";
    size_t at = n ? rnd((uint32_t)n) : 0;
    char c = rnd(2) ? bytes[rnd(sizeof bytes - 1)] : (char)rnd(256); /* any byte, half the time */
    switch (rnd(4)) {
    case 0:
        if (n)
            buf[at] = c;
        return n;
    case 1:
        if (n)
            memmove(buf + at, buf + at + 1, n - at - 1);
        return n ? n - 1 : 0;
    case 2:
        memmove(buf + at + 1, buf + at, n - at);
        buf[at] = c;
        return n + 1;
    default:
        return at;
    }
}

static void test_random(void **state)
{
    char buf[96];
    unsigned i;
    (void)state;
    for (i = 0; i < 50000; i++) {
        size_t n = random_datetime(buf);
        unsigned edits = rnd(4) ? 0 : 1 + rnd(2);
        while (edits-- > 0 && n < sizeof buf - 8)
            n = mutate(buf, n);
        same_both_ways(buf, n);
        same_in_document(buf, n, rnd(20));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_every_byte_everywhere),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
