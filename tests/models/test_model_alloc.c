/*
 * test_model_alloc.c - the models under allocation failure, and in an arena.
 *
 * Sweep: for k = 1, 2, ... the k-th allocation (or resize) fails. Until the call
 * succeeds it must return MC_ERR_NO_MEMORY, leave its output cleared (decode,
 * copy) or NULL (to_json_string) or unchanged (to_json), and leave no block
 * allocated. Once k is past the last allocation the call succeeds and produces
 * the normal result. Documents are rich: every member, nulls, unknown enum text,
 * escaped strings (short ones are unescaped on the stack and allocated once; a
 * long one is unescaped in place, then the block shrinks), kept unknown members at every
 * level, several errors and trails, and a large one that spills the decoder's
 * scratch space.
 *
 * Arena: many documents decoded into one mc_arena, reset between documents, cost
 * at most one allocation from the parent allocator each after warm-up.
 */
#include "model_support.h"

/* A text of 330 bytes escaped, 300 unescaped: longer than decoding unescapes
 * on the stack. The encoder writes it back the same. */
#define LONG_TEXT_30 "0123456789\\n0123456789\\n0123456789\\n"
#define LONG_TEXT_300 LONG_TEXT_30 LONG_TEXT_30 LONG_TEXT_30 LONG_TEXT_30 LONG_TEXT_30 \
    LONG_TEXT_30 LONG_TEXT_30 LONG_TEXT_30 LONG_TEXT_30 LONG_TEXT_30

static const char rich_json[] =
    "{\"id\":\"2c918086719eec070171a7e3355a360a\",\"type\":\"ADMIN_REASSIGN\",\"targetType\":\"ROLE\","
    "\"targetId\":\"caf\\u00e9 \\\"q\\\" \\ud83d\\ude00\",\"status\":\"QUEUED\","
    "\"errors\":[{\"locale\":\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"Error Message\",\"code\":1},"
    "{\"locale\":null,\"localeOrigin\":null,\"text\":\"line\\nbreak\"},"
    "{\"localeOrigin\":\"BROWSER\",\"text\":\"\",\"k\":[1,{\"a\":null}],\"k2\":\"v\"},"
    "{\"text\":\"" LONG_TEXT_300 "\"}],"
    "\"reassignmentTrailDTOs\":[{\"previousOwner\":\"ef38f94347e94562b5bb8424a56397d8\",\"newOwner\":"
    "\"ef38f94347e94562b5bb8424a56397a3\",\"reassignmentType\":\"AUTOMATIC_REASSIGNMENT\"},"
    "{\"newOwner\":\"\\u0000\",\"by\":\"me\"}],"
    "\"created\":\"2020-09-24T23:40:47.693+05:30\",\"extra\":{\"deep\":[[],{}]},\"more\":true}";

/* The rich document as the encoder writes it: schema order, kept members last. */
static const char rich_out[] =
    "{\"id\":\"2c918086719eec070171a7e3355a360a\",\"type\":\"ADMIN_REASSIGN\",\"targetType\":\"ROLE\","
    "\"targetId\":\"caf\xc3\xa9 \\\"q\\\" \xf0\x9f\x98\x80\",\"status\":\"QUEUED\","
    "\"errors\":[{\"locale\":\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"Error Message\",\"code\":1},"
    "{\"locale\":null,\"localeOrigin\":null,\"text\":\"line\\nbreak\"},"
    "{\"localeOrigin\":\"BROWSER\",\"text\":\"\",\"k\":[1,{\"a\":null}],\"k2\":\"v\"},"
    "{\"text\":\"" LONG_TEXT_300 "\"}],"
    "\"reassignmentTrailDTOs\":[{\"previousOwner\":\"ef38f94347e94562b5bb8424a56397d8\",\"newOwner\":"
    "\"ef38f94347e94562b5bb8424a56397a3\",\"reassignmentType\":\"AUTOMATIC_REASSIGNMENT\"},"
    "{\"newOwner\":\"\\u0000\",\"by\":\"me\"}],"
    "\"created\":\"2020-09-24T23:40:47.693+05:30\",\"extra\":{\"deep\":[[],{}]},\"more\":true}";

/* A document whose arrays and unknown-member names outgrow the decoder's inline scratch. */
static char *large_json(size_t *len)
{
    mc_buf b;
    size_t i;
    char *out;
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_buf_append(&b, "{\"id\":\"big\",\"errors\":[", 22), MC_OK);
    for (i = 0; i < 60; i++) {
        char item[128];
        int k = snprintf(item, sizeof item, "%s{\"locale\":\"l%zu\",\"text\":\"t\\t%zu\",\"u%zu\":%zu}", i ? "," : "", i,
                         i, i, i);
        assert_int_equal(mc_buf_append(&b, item, (size_t)k), MC_OK);
    }
    assert_int_equal(mc_buf_append(&b, "]", 1), MC_OK);
    for (i = 0; i < 40; i++) {
        char member[48];
        int k = snprintf(member, sizeof member, ",\"unknown_member_%zu\":[%zu]", i, i);
        assert_int_equal(mc_buf_append(&b, member, (size_t)k), MC_OK);
    }
    assert_int_equal(mc_buf_append(&b, "}", 1), MC_OK);
    assert_int_equal(mc_buf_detach(&b, &out, len), MC_OK);
    return out;
}

/* ---- decode --------------------------------------------------------------- */

/* Returns the number of allocation calls a successful decode makes. */
static size_t sweep_decode(const char *json, size_t len, const char *expect, const char *file, int line)
{
    size_t k;
    for (k = 1;; k++) {
        certification_task out;
        mc_error err;
        mt_alloc ac;
        mc_allocator a = mt_alloc_init(&ac);
        mc_decode_options opt = {&a, 0, MC_DECODE_KEEP_UNKNOWN};
        int rc;
        ac.fail_at = k;
        memset(&out, 0xA5, sizeof out);
        rc = certification_task_from_json(&out, json, len, &opt, &err);
        if (rc == MC_OK) {
            if (ac.failures != 0)
                mt_fail_at(file, line, "k=%zu: decode succeeded although an allocation failed", k);
            if (expect != NULL)
                mt_task_encodes_to_(&out, 0, expect, strlen(expect), file, line);
            certification_task_clear(&out, &a);
            mt_assert_no_leaks_(&ac, file, line);
            return k - 1;
        }
        if (rc != MC_ERR_NO_MEMORY || err.code != MC_ERR_NO_MEMORY)
            mt_fail_at(file, line, "k=%zu: decode returned %s (%s), expected out of memory", k, mc_status_text(rc),
                       err.message);
        if (!mt_task_is_init(&out))
            mt_fail_at(file, line, "k=%zu: output not cleared", k);
        if (ac.live != 0)
            mt_fail_at(file, line, "k=%zu: %ld blocks leaked by the failed decode", k, ac.live);
        certification_task_clear(&out, &a); /* safe on the failed output */
        mt_assert_no_leaks_(&ac, file, line);
    }
}

static void decode_fails_cleanly_at_every_allocation_of_a_rich_document(void **state)
{
    size_t calls;
    (void)state;
    calls = sweep_decode(rich_json, sizeof rich_json - 1, rich_out, __FILE__, __LINE__);
    assert_true(calls >= 20); /* the sweep really exercised many allocation sites */
}

static void decode_fails_cleanly_at_every_allocation_of_a_large_document(void **state)
{
    size_t len, calls;
    char *json = large_json(&len);
    (void)state;
    calls = sweep_decode(json, len, NULL, __FILE__, __LINE__);
    assert_true(calls > 120);
    free(json);
}

static void decode_fails_cleanly_for_the_seed_example(void **state)
{
    (void)state;
    (void)sweep_decode(SEED_JSON, sizeof SEED_JSON - 1, SEED_JSON, __FILE__, __LINE__);
}

static void list_decode_fails_cleanly_at_every_allocation(void **state)
{
    static const char json[] = "[{\"locale\":\"a\\n\",\"x\":1},{\"localeOrigin\":\"ZZ\"},{\"text\":\"t\"}]";
    size_t k;
    (void)state;
    for (k = 1;; k++) {
        error_message_dto_list out;
        mt_alloc ac;
        mc_allocator a = mt_alloc_init(&ac);
        mc_decode_options opt = {&a, 0, MC_DECODE_KEEP_UNKNOWN};
        int rc;
        ac.fail_at = k;
        memset(&out, 0xA5, sizeof out);
        rc = error_message_dto_list_from_json(&out, json, sizeof json - 1, &opt, NULL);
        if (rc == MC_OK) {
            assert_int_equal(out.count, 3);
            error_message_dto_list_clear(&out, &a);
            assert_no_leaks(&ac);
            break;
        }
        assert_int_equal(rc, MC_ERR_NO_MEMORY);
        assert_null(out.items);
        assert_int_equal(out.count, 0);
        assert_no_leaks(&ac);
    }
    assert_true(k > 5);
}

/* ---- copy ------------------------------------------------------------------ */

static void copy_fails_cleanly_at_every_allocation(void **state)
{
    certification_task src;
    size_t k;
    (void)state;
    task_decode_ok(&src, rich_json, MC_DECODE_KEEP_UNKNOWN);
    for (k = 1;; k++) {
        certification_task out;
        mt_alloc ac;
        mc_allocator a = mt_alloc_init(&ac);
        int rc;
        ac.fail_at = k;
        memset(&out, 0xA5, sizeof out);
        rc = certification_task_copy(&out, &src, &a);
        if (rc == MC_OK) {
            assert_int_equal(ac.failures, 0);
            assert_true(certification_task_equal(&out, &src));
            certification_task_clear(&out, &a);
            assert_no_leaks(&ac);
            break;
        }
        if (rc != MC_ERR_NO_MEMORY)
            mt_fail_at(__FILE__, __LINE__, "k=%zu: copy returned %s", k, mc_status_text(rc));
        if (!mt_task_is_init(&out))
            mt_fail_at(__FILE__, __LINE__, "k=%zu: copy output not cleared", k);
        assert_no_leaks(&ac);
    }
    /* One block per string and per non-empty list, nothing else: id, targetType's
     * unknown text, targetId, json_extra (4); errors list (1); error 0 locale, text,
     * json_extra (3); error 1 text (1); error 2 unknown text, text, json_extra (3);
     * error 3 text (1); trails list (1); trail 0 three strings (3); trail 1
     * newOwner, json_extra (2). */
    assert_int_equal(k - 1, 19);
    certification_task_clear(&src, NULL);
}

/* ---- encode ---------------------------------------------------------------- */

static void to_json_string_fails_cleanly_at_every_allocation(void **state)
{
    certification_task v;
    unsigned pretty;
    (void)state;
    task_decode_ok(&v, rich_json, MC_DECODE_KEEP_UNKNOWN);
    for (pretty = 0; pretty <= 1; pretty++) {
        size_t k;
        for (k = 1;; k++) {
            mt_alloc ac;
            mc_allocator a = mt_alloc_init(&ac);
            mc_encode_options eo = {pretty ? MC_ENCODE_PRETTY : 0u, &a};
            char *out = (char *)"not touched";
            size_t n = 99;
            int rc;
            ac.fail_at = k;
            rc = certification_task_to_json_string(&v, &out, &n, &eo);
            if (rc == MC_OK) {
                assert_int_equal(ac.failures, 0);
                if (!pretty) {
                    assert_int_equal(n, sizeof rich_out - 1);
                    assert_string_equal(out, rich_out);
                }
                mc_free(&a, out, n + 1); /* exactly n + 1 bytes, from the options' allocator */
                assert_no_leaks(&ac);
                break;
            }
            if (rc != MC_ERR_NO_MEMORY)
                mt_fail_at(__FILE__, __LINE__, "k=%zu: to_json_string returned %s", k, mc_status_text(rc));
            assert_null(out);
            assert_no_leaks(&ac);
        }
        assert_true(k > 1);
    }
    certification_task_clear(&v, NULL);
}

static void to_json_leaves_the_buffer_unchanged_when_it_cannot_grow(void **state)
{
    certification_task v;
    size_t k;
    (void)state;
    task_decode_ok(&v, rich_json, MC_DECODE_KEEP_UNKNOWN);
    for (k = 1;; k++) {
        mt_alloc ac;
        mc_allocator a = mt_alloc_init(&ac);
        mc_buf b;
        int rc;
        mc_buf_init(&b, &a);
        assert_int_equal(mc_buf_append(&b, "prefix:", 7), MC_OK); /* call 1 */
        ac.fail_at = k + 1;
        rc = certification_task_to_json(&v, &b, NULL);
        if (rc == MC_OK) {
            assert_int_equal(b.len, 7 + sizeof rich_out - 1);
            assert_memory_equal(b.data + 7, rich_out, sizeof rich_out - 1);
            mc_buf_dispose(&b);
            assert_no_leaks(&ac);
            break;
        }
        assert_int_equal(rc, MC_ERR_NO_MEMORY);
        assert_int_equal(b.len, 7);
        assert_string_equal(b.data, "prefix:");
        mc_buf_dispose(&b);
        assert_no_leaks(&ac);
    }
    certification_task_clear(&v, NULL);
}

/* ---- arena ------------------------------------------------------------------ */

static void documents_decoded_into_a_reset_arena_cost_at_most_one_allocation_each(void **state)
{
    enum { DOCS = 300, WARM_UP = 3 };
    size_t large_len, i, worst = 0, total = 0;
    char *large = large_json(&large_len);
    const char *docs[3];
    size_t lens[3];
    mt_alloc ac;
    mc_allocator parent = mt_alloc_init(&ac);
    mc_arena arena;
    mc_allocator a;
    mc_decode_options opt;
    (void)state;
    docs[0] = rich_json;
    lens[0] = sizeof rich_json - 1;
    docs[1] = SEED_JSON;
    lens[1] = sizeof SEED_JSON - 1;
    docs[2] = large;
    lens[2] = large_len;

    mc_arena_init(&arena, &parent, 0);
    a = mc_arena_allocator(&arena);
    opt.allocator = &a;
    opt.max_depth = 0;
    opt.flags = MC_DECODE_KEEP_UNKNOWN;
    for (i = 0; i < DOCS; i++) {
        certification_task t;
        size_t before = ac.calls, cost;
        assert_int_equal(certification_task_from_json(&t, docs[i % 3], lens[i % 3], &opt, NULL), MC_OK);
        if (i % 3 == 0)
            mt_task_encodes_to_(&t, 0, rich_out, sizeof rich_out - 1, __FILE__, __LINE__);
        else if (i % 3 == 1)
            assert_task_encodes_to(&t, 0, SEED_JSON);
        else
            assert_int_equal(t.errors.count, 60);
        certification_task_clear(&t, &a); /* a no-op for arena memory, but allowed */
        mc_arena_reset(&arena);
        cost = ac.calls - before;
        if (i >= WARM_UP) {
            total += cost;
            if (cost > worst)
                worst = cost;
        }
    }
    print_message("arena: %zu parent allocations in %d documents after warm-up (worst %zu)\n", total,
                  DOCS - WARM_UP, worst);
    assert_true(worst <= 1);
    assert_true(ac.live >= 1); /* the arena keeps one block for reuse */
    mc_arena_dispose(&arena);
    assert_no_leaks(&ac);
    free(large);
}

static void a_failed_decode_into_an_arena_leaves_nothing_behind(void **state)
{
    size_t k;
    (void)state;
    for (k = 1;; k++) {
        mt_alloc ac;
        mc_allocator parent = mt_alloc_init(&ac);
        mc_arena arena;
        mc_allocator a;
        mc_decode_options opt = {NULL, 0, MC_DECODE_KEEP_UNKNOWN};
        certification_task t;
        int rc;
        size_t large_len;
        char *large = large_json(&large_len);
        mc_arena_init(&arena, &parent, 256); /* small first block: the arena must grow */
        a = mc_arena_allocator(&arena);
        opt.allocator = &a;
        ac.fail_at = k;
        rc = certification_task_from_json(&t, large, large_len, &opt, NULL);
        free(large);
        if (rc == MC_OK) {
            assert_int_equal(t.errors.count, 60);
            mc_arena_dispose(&arena);
            assert_no_leaks(&ac);
            break;
        }
        assert_int_equal(rc, MC_ERR_NO_MEMORY);
        assert_true(mt_task_is_init(&t));
        mc_arena_reset(&arena);
        mc_arena_dispose(&arena);
        assert_no_leaks(&ac);
    }
    assert_true(k > 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decode_fails_cleanly_at_every_allocation_of_a_rich_document),
        cmocka_unit_test(decode_fails_cleanly_at_every_allocation_of_a_large_document),
        cmocka_unit_test(decode_fails_cleanly_for_the_seed_example),
        cmocka_unit_test(list_decode_fails_cleanly_at_every_allocation),
        cmocka_unit_test(copy_fails_cleanly_at_every_allocation),
        cmocka_unit_test(to_json_string_fails_cleanly_at_every_allocation),
        cmocka_unit_test(to_json_leaves_the_buffer_unchanged_when_it_cannot_grow),
        cmocka_unit_test(documents_decoded_into_a_reset_arena_cost_at_most_one_allocation_each),
        cmocka_unit_test(a_failed_decode_into_an_arena_leaves_nothing_behind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
