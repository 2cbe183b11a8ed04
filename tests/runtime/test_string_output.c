/*
 * test_string_output.c - where decoded strings go: the decoder's pointer bump
 * in an arena (blocks filled exactly, decodes over several blocks, the arena's
 * own state right afterwards, reset, failing blocks), strings with escapes and
 * non-ASCII text decoded in one pass (into the arena, on the stack, or the long
 * way near the end of the input or beyond the stack buffer), and every byte
 * value in a plain string.
 */
#include "test_util.h"

/* ---- helpers -------------------------------------------------------------- */

/* {"id":"<text>"} or {"id":"<text>","targetId":"<text2>"}, and pad spaces:
 * the decoder's fast paths want whole 16-byte blocks of input after a string;
 * without them the general ones run. */
static char *doc_id(const char *text, const char *text2, int pad)
{
    size_t cap = strlen(text) + (text2 ? strlen(text2) : 0) + 64 + (size_t)pad;
    char *s = (char *)malloc(cap);
    if (text2)
        snprintf(s, cap, "{\"id\":\"%s\",\"targetId\":\"%s\"}%*s", text, text2, pad, "");
    else
        snprintf(s, cap, "{\"id\":\"%s\"}%*s", text, pad, "");
    return s;
}

static char *repeat(char c, size_t n)
{
    char *s = (char *)malloc(n + 1);
    memset(s, c, n);
    s[n] = '\0';
    return s;
}

static void arena_with_parent(mc_arena *arena, mc_allocator *parent, counting *c, size_t first_block,
                              mc_allocator *a, mc_decode_options *opt)
{
    *parent = counting_allocator(c);
    mc_arena_init(arena, parent, first_block);
    *a = mc_arena_allocator(arena);
    opt->allocator = a;
    opt->max_depth = 0;
    opt->flags = 0;
}

/* ---- the pointer bump ------------------------------------------------------ */

/* Two strings of 31 bytes (32 with their NULs) fill a 64-byte block exactly:
 * one block, the strings back to back, and the next allocation needs a new
 * block; a third byte more needs a second block during the decode. */
static void test_strings_exactly_fill_a_block(void **state)
{
    counting c;
    mc_allocator parent, a;
    mc_arena arena;
    mc_decode_options opt;
    certification_task t;
    char *s31 = repeat('x', 31), *s32 = repeat('y', 32);
    char *json = doc_id(s31, s31, 40);
    void *p;
    (void)state;
    arena_with_parent(&arena, &parent, &c, 64, &a, &opt);
    assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, NULL), MC_OK);
    assert_int_equal(c.calls, 1);
    assert_string_equal(t.id.data, s31);
    assert_string_equal(t.target_id.data, s31);
    assert_ptr_equal(t.target_id.data, t.id.data + 32); /* no rounding between strings */
    p = mc_malloc(&a, 1);                               /* the block is full */
    assert_non_null(p);
    assert_int_equal(c.calls, 2);
    assert_string_equal(t.target_id.data, s31);
    free(json);

    mc_arena_reset(&arena); /* one block of 128 now */
    assert_int_equal(c.calls, 3);
    json = doc_id(s31, s32, 40);
    assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, NULL), MC_OK);
    assert_int_equal(c.calls, 3);
    assert_string_equal(t.target_id.data, s32);
    free(json);
    mc_arena_dispose(&arena);
    assert_no_leaks(&c);

    arena_with_parent(&arena, &parent, &c, 64, &a, &opt);
    json = doc_id(s31, s32, 40); /* 32 + 33 bytes: the second string opens a block */
    assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, NULL), MC_OK);
    assert_int_equal(c.calls, 2);
    assert_string_equal(t.id.data, s31);
    assert_string_equal(t.target_id.data, s32);
    free(json);
    mc_arena_dispose(&arena);
    assert_no_leaks(&c);
    free(s31);
    free(s32);
}

/* After a decode the arena knows its last allocation and how much is used:
 * the last string grows in place, and what is allocated next overlaps none. */
static void test_arena_state_after_decode(void **state)
{
    static const char *texts[] = {"plain text of some length", "esc\\naped \\\"text\\\" \\u00e9\\ud83d\\ude00",
                                  "caf\xc3\xa9 \xe8\xaa\x8d\xe8\xa8\xbc", "short"};
    size_t i;
    (void)state;
    for (i = 0; i < 2 * sizeof texts / sizeof texts[0]; i++) {
        counting c;
        mc_allocator parent, a;
        mc_arena arena;
        mc_decode_options opt;
        certification_task t;
        char *json = doc_id(texts[i / 2], NULL, i % 2 ? 40 : 0), *copy, *q;
        size_t n;
        arena_with_parent(&arena, &parent, &c, 4096, &a, &opt);
        assert_non_null(mc_malloc(&a, 1)); /* a block to bump in from the start */
        assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, NULL), MC_OK);
        n = t.id.len;
        copy = (char *)malloc(n + 1);
        memcpy(copy, t.id.data, n + 1);
        /* the last allocation, of exactly len + 1 bytes (escapes gave back what they saved) */
        q = (char *)a.realloc(a.ctx, t.id.data, n + 1, n + 1 + 100);
        assert_ptr_equal(q, t.id.data);
        q = (char *)mc_malloc(&a, 200);
        memset(q, 0xAA, 200);
        assert_true(q >= t.id.data + n + 1 + 100);
        assert_memory_equal(t.id.data, copy, n + 1);
        free(copy);
        free(json);
        mc_arena_dispose(&arena);
        assert_no_leaks(&c);
    }
}

/* Many strings and items over many small blocks, the same after a reset (now
 * without any new block), escaped and not, compared with a libc decode. */
static void test_decode_spans_several_blocks_then_reset(void **state)
{
    counting c;
    mc_allocator parent, a;
    mc_arena arena;
    mc_decode_options opt;
    mc_buf b;
    char *json, *want, *got;
    size_t i, n, calls;
    certification_task t;
    (void)state;
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_buf_append(&b, "{\"id\":\"first\",\"errors\":[", 24), MC_OK);
    for (i = 0; i < 40; i++) {
        char item[160];
        int k = snprintf(item, sizeof item,
                         "%s{\"locale\":\"l%zu\",\"text\":\"%s text number %zu with some words\"}", i ? "," : "",
                         i, i % 3 == 0 ? "an \\\"escaped\\\"\\n" : i % 3 == 1 ? "caf\xc3\xa9" : "plain", i);
        assert_int_equal(mc_buf_append(&b, item, (size_t)k), MC_OK);
    }
    assert_int_equal(mc_buf_append(&b, "]}", 3), MC_OK); /* with the NUL */
    json = b.data;

    assert_int_equal(certification_task_from_json(&t, json, strlen(json), NULL, NULL), MC_OK);
    assert_int_equal(certification_task_to_json_string(&t, &want, &n, NULL), MC_OK);
    certification_task_clear(&t, NULL);

    arena_with_parent(&arena, &parent, &c, 64, &a, &opt);
    assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, NULL), MC_OK);
    assert_true(c.calls > 5);
    assert_int_equal(certification_task_to_json_string(&t, &got, &n, NULL), MC_OK);
    assert_string_equal(got, want);
    free(got);
    mc_arena_reset(&arena);
    calls = c.calls;
    for (i = 0; i < 3; i++) {
        assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, NULL), MC_OK);
        assert_int_equal(certification_task_to_json_string(&t, &got, &n, NULL), MC_OK);
        assert_string_equal(got, want);
        free(got);
        mc_arena_reset(&arena);
    }
    assert_int_equal(c.calls, calls); /* one block big enough for everything */
    mc_arena_dispose(&arena);
    assert_no_leaks(&c);
    free(want);
    mc_buf_dispose(&b);
}

/* A block that cannot be had: out of memory, the output cleared, no leak, for
 * every allocation of the decode in turn; escaped strings included. */
static void test_arena_block_failure(void **state)
{
    const char *json = "{\"id\":\"0123456789abcdef0123456789abcdef\",\"targetId\":\"with \\\"escapes\\\" "
                       "\\u00e9 and more text than fits\",\"errors\":[{\"locale\":\"en\",\"text\":\"t\\n\"},"
                       "{\"text\":\"caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9\"}],\"reassignmentTrailDTOs\":["
                       "{\"previousOwner\":\"ef38f94347e94562b5bb8424a56397d8\",\"newOwner\":\"a\\tb\"},"
                       "{\"previousOwner\":\"ef38f94347e94562b5bb8424a56397d8\",\"newOwner\":"
                       "\"ef38f94347e94562b5bb8424a56397a3ef38f94347e94562b5bb8424a56397a3ef38f94347e94562b5bb8424a5\"}]}";
    size_t k, total;
    (void)state;
    {
        counting c;
        mc_allocator parent, a;
        mc_arena arena;
        mc_decode_options opt;
        certification_task t;
        arena_with_parent(&arena, &parent, &c, 32, &a, &opt);
        assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, NULL), MC_OK);
        total = c.calls;
        assert_true(total >= 4);
        mc_arena_dispose(&arena);
        assert_no_leaks(&c);
    }
    for (k = 1; k <= total; k++) {
        counting c;
        mc_allocator parent, a;
        mc_arena arena;
        mc_decode_options opt;
        certification_task t;
        mc_error err;
        arena_with_parent(&arena, &parent, &c, 32, &a, &opt);
        c.fail_at = k;
        assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, &err), MC_ERR_NO_MEMORY);
        assert_int_equal(err.code, MC_ERR_NO_MEMORY);
        assert_int_equal(t.has_id, MC_ABSENT);
        assert_null(t.id.data);
        assert_null(t.errors.items);
        /* the arena is still usable */
        c.fail_at = 0;
        assert_int_equal(certification_task_from_json(&t, json, strlen(json), &opt, &err), MC_OK);
        assert_string_equal(t.target_id.data, "with \"escapes\" \xc3\xa9 and more text than fits");
        mc_arena_dispose(&arena);
        assert_no_leaks(&c);
    }
}

/* ---- one-pass unescaping ---------------------------------------------------- */

/* Pieces of string text and what they decode to. */
typedef struct piece {
    const char *json, *text;
} piece;

static const piece pieces[] = {
    {"a", "a"},
    {"plain words ", "plain words "},
    {"0123456789abcdef", "0123456789abcdef"},
    {"\\n", "\n"},
    {"\\\"", "\""},
    {"\\\\", "\\"},
    {"\\/", "/"},
    {"\\b\\f\\r\\t", "\b\f\r\t"},
    {"\\u0041", "A"},
    {"\\u00e9", "\xc3\xa9"},
    {"\\u20AC", "\xe2\x82\xac"},
    {"\\ud83d\\ude80", "\xf0\x9f\x9a\x80"},
    {"\\u0000", ""}, /* one NUL byte: compared by length below */
    {"\xc3\xa9", "\xc3\xa9"},
    {"\xe8\xaa\x8d\xe8\xa8\xbc", "\xe8\xaa\x8d\xe8\xa8\xbc"},
    {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"},
    {"\xed\x9f\xbf", "\xed\x9f\xbf"},
    {"\xe0\xa0\x80", "\xe0\xa0\x80"},
};

static size_t piece_len(const piece *p)
{
    return strcmp(p->json, "\\u0000") == 0 ? 1 : strlen(p->text);
}

/* Decode {"id":"<json>"} (followed by pad bytes of whitespace: the end of the
 * input near or far) with libc, into a roomy arena, into a cramped one, and
 * into one whose first block is about as long as the longer texts. */
static void check_text(const char *json_text, const char *want, size_t want_len, size_t pad)
{
    size_t tl = strlen(json_text), len = tl + 10 + pad, mode;
    char *json = (char *)malloc(len + 1);
    memcpy(json, "{\"id\":\"", 7);
    memcpy(json + 7, json_text, tl);
    memcpy(json + 7 + tl, "\"}", 2);
    memset(json + 9 + tl, ' ', pad + 1);
    json[len] = '\0';
    for (mode = 0; mode < 4; mode++) {
        counting c;
        mc_allocator parent, a;
        mc_arena arena;
        mc_decode_options opt = {NULL, 0, 0};
        certification_task t;
        mc_error err;
        int rc;
        if (mode > 0)
            arena_with_parent(&arena, &parent, &c, mode == 1 ? 8192 : mode == 2 ? 32 : 300, &a, &opt);
        rc = certification_task_from_json(&t, json, len, &opt, &err);
        if (rc != MC_OK)
            fail_printf(__FILE__, __LINE__, "mode %zu pad %zu: %s: %s", mode, pad, json, err.message);
        assert_int_equal(t.id.len, want_len);
        assert_memory_equal(t.id.data, want, want_len);
        assert_int_equal(t.id.data[want_len], '\0');
        if (mode > 0) {
            mc_arena_dispose(&arena);
            assert_no_leaks(&c);
        } else {
            certification_task_clear(&t, NULL);
        }
    }
    free(json);
}

/* Texts of pieces in many orders and lengths (up to beyond the stack buffer),
 * with the end of the input right after them or far away. */
static void test_escapes_and_utf8_in_one_pass(void **state)
{
    size_t np = sizeof pieces / sizeof pieces[0], round;
    unsigned long seed = 12345;
    (void)state;
    for (round = 0; round < 600; round++) {
        char json[2048], want[2048];
        size_t jl = 0, wl = 0, count, i;
        count = round < 300 ? round % 12 : (round % 97);
        for (i = 0; i < count; i++) {
            const piece *p;
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            p = &pieces[(seed >> 33) % np];
            memcpy(json + jl, p->json, strlen(p->json));
            jl += strlen(p->json);
            memcpy(want + wl, p->text, piece_len(p));
            wl += piece_len(p);
        }
        json[jl] = '\0';
        check_text(json, want, wl, 0);
        check_text(json, want, wl, round % 40);
    }
}

/* Errors inside such strings: the same code and offset however the string is
 * reached (plain prefix of any length, the end of the input near or far). */
static void test_string_errors_in_one_pass(void **state)
{
    static const struct {
        const char *bad;
        int code;
    } cases[] = {
        {"\\x", MC_ERR_ESCAPE},       {"\\u12G4", MC_ERR_ESCAPE},      {"\\udc00", MC_ERR_ESCAPE},
        {"\\ud800x", MC_ERR_ESCAPE},  {"\\ud800\\u0041", MC_ERR_ESCAPE}, {"\x01", MC_ERR_SYNTAX},
        {"\x1f", MC_ERR_SYNTAX},      {"\x80", MC_ERR_UTF8},            {"\xc0\xaf", MC_ERR_UTF8},
        {"\xe0\x80\xaf", MC_ERR_UTF8}, {"\xed\xa0\x80", MC_ERR_UTF8},    {"\xf4\x90\x80\x80", MC_ERR_UTF8},
        {"\xe8\xaa", MC_ERR_UTF8},     {"\xf5\x80\x80\x80", MC_ERR_UTF8},
    };
    size_t i, pre, pad;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (pre = 0; pre < 40; pre += 3)
            for (pad = 0; pad < 40; pad += 13) {
                char json[256];
                size_t len, mode;
                int n = snprintf(json, sizeof json, "{\"id\":\"%.*s\\n%s\"}%*s", (int)pre,
                                 "0123456789012345678901234567890123456789", cases[i].bad, (int)pad, "");
                len = (size_t)n;
                for (mode = 0; mode < 2; mode++) {
                    counting c;
                    mc_allocator parent, a;
                    mc_arena arena;
                    mc_decode_options opt = {NULL, 0, 0};
                    certification_task t;
                    mc_error err;
                    if (mode > 0)
                        arena_with_parent(&arena, &parent, &c, 4096, &a, &opt);
                    assert_int_equal(certification_task_from_json(&t, json, len, &opt, &err), cases[i].code);
                    assert_int_equal(err.offset, 7 + pre + 2);
                    assert_string_equal(err.pointer, "/id");
                    assert_null(t.id.data);
                    if (mode > 0) {
                        mc_arena_dispose(&arena);
                        assert_no_leaks(&c);
                    }
                }
            }
}

/* Multi-byte characters with fewer than four bytes of input left. */
static void test_utf8_at_the_end_of_the_input(void **state)
{
    static const struct {
        const char *json;
        int code;
        size_t offset;
    } cases[] = {
        {"{\"id\":\"ab\xc3\xa9", MC_ERR_SYNTAX, 6},     {"{\"id\":\"ab\xc3", MC_ERR_UTF8, 9},
        {"{\"id\":\"\xe8\xaa\x8d", MC_ERR_SYNTAX, 6},  {"{\"id\":\"\xe8\xaa", MC_ERR_UTF8, 7},
        {"{\"id\":\"\xf0\x9f\x98", MC_ERR_UTF8, 7},    {"{\"id\":\"\xc3\xa9\"}", MC_OK, 0},
        {"{\"id\":\"\xe8\xaa\x8d\"}", MC_OK, 0},     {"{\"id\":\"\xc3\xa9\"", MC_ERR_SYNTAX, 10},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        certification_task t;
        mc_error err;
        int rc = certification_task_from_json(&t, cases[i].json, strlen(cases[i].json), NULL, &err);
        assert_int_equal(rc, cases[i].code);
        if (rc != MC_OK)
            assert_int_equal(err.offset, cases[i].offset);
        else
            certification_task_clear(&t, NULL);
    }
}

/* ---- every byte in a plain string ---------------------------------------------- */

static void test_every_byte_value(void **state)
{
    unsigned b;
    size_t at;
    (void)state;
    for (b = 0; b < 256; b++)
        for (at = 0; at < 40; at += 5) {
            char json[128];
            size_t len;
            certification_task t;
            mc_error err;
            int rc;
            memcpy(json, "{\"id\":\"", 7);
            memset(json + 7, 'a', 40);
            json[7 + at] = (char)b;
            memcpy(json + 47, "\",\"targetId\":\"x\"}", 17);
            len = 64;
            rc = certification_task_from_json(&t, json, len, NULL, &err);
            if (b == '"') {
                assert_int_equal(rc, MC_ERR_SYNTAX); /* the string ends early: junk follows */
            } else if (b == '\\') {
                assert_int_equal(rc, MC_ERR_ESCAPE); /* \a */
                assert_int_equal(err.offset, 7 + at);
            } else if (b < 0x20) {
                assert_int_equal(rc, MC_ERR_SYNTAX);
                assert_int_equal(err.offset, 7 + at);
            } else if (b >= 0x80) {
                assert_int_equal(rc, MC_ERR_UTF8);
                assert_int_equal(err.offset, 7 + at);
            } else {
                assert_int_equal(rc, MC_OK);
                assert_int_equal(t.id.len, 40);
                assert_memory_equal(t.id.data, json + 7, 40);
                assert_string_equal(t.target_id.data, "x");
                certification_task_clear(&t, NULL);
            }
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_exactly_fill_a_block),
        cmocka_unit_test(test_arena_state_after_decode),
        cmocka_unit_test(test_decode_spans_several_blocks_then_reset),
        cmocka_unit_test(test_arena_block_failure),
        cmocka_unit_test(test_escapes_and_utf8_in_one_pass),
        cmocka_unit_test(test_string_errors_in_one_pass),
        cmocka_unit_test(test_utf8_at_the_end_of_the_input),
        cmocka_unit_test(test_every_byte_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
