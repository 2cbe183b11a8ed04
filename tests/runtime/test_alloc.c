/*
 * test_alloc.c - memory: every block is freed with the size it was allocated
 * with; an allocation-failure sweep (fail the k-th allocation, for every k) over
 * decode, copy and encode of a rich document; allocation counts per document
 * with malloc and with an arena; mc_buf and mc_string.
 */
#include "test_util.h"

/* Known members with escapes (short ones, and a long one that is unescaped in
 * place and then shrunk), unknown members kept, several items, enums with
 * unknown text, a nullable null, and enough items to leave the inline scratch. */
static char *rich_document(size_t extra_items)
{
    size_t cap = 4096 + extra_items * 64, n = 0, i;
    char *s = (char *)malloc(cap);
    n += (size_t)snprintf(s + n, cap - n,
                          "{\"id\":\"a\\\"b\\u00e9\\ud83d\\ude00\",\"u1\":{\"k\":[1,2,{\"z\":null}]},\"type\":\"NEW\","
                          "\"targetType\":\"CAMPAIGN\",\"targetId\":\"");
    for (i = 0; i < 40; i++)
        n += (size_t)snprintf(s + n, cap - n, "long\\ttext"); /* 400 bytes, 360 unescaped */
    n += (size_t)snprintf(s + n, cap - n,
                          "\",\"status\":\"QUEU\\u0045D\",\"errors\":[{\"locale\":null,"
                          "\"localeOrigin\":\"ELSEWHERE\",\"text\":\"t\\n\",\"x\":1},{\"locale\":\"en\",\"y\":[]}");
    for (i = 0; i < extra_items; i++)
        n += (size_t)snprintf(s + n, cap - n, ",{\"text\":\"item %zu\"}", i);
    n += (size_t)snprintf(s + n, cap - n,
                          "],\"reassignmentTrailDTOs\":[{\"previousOwner\":\"p\",\"newOwner\":\"n\"},{}],"
                          "\"u2\":\"v\",\"created\":\"2020-09-24T18:10:47.693Z\",\"u3\":true}");
    return s;
}

static void sweep(size_t extra_items, unsigned flags)
{
    char *json = rich_document(extra_items);
    size_t len = strlen(json), total, k;
    counting c;
    mc_allocator a = counting_allocator(&c);
    mc_decode_options opt = {&a, 0, flags};
    certification_task t, copy;
    char *out = NULL;
    size_t out_len;
    mc_encode_options eopt = {0, &a};
    mc_error err;

    /* count the allocations of a successful run */
    assert_int_equal(certification_task_from_json(&t, json, len, &opt, &err), MC_OK);
    total = c.calls;
    assert_true(total > 10);
    certification_task_clear(&t, &a);
    assert_no_leaks(&c);

    for (k = 1; k <= total; k++) {
        a = counting_allocator(&c);
        c.fail_at = k;
        assert_int_equal(certification_task_from_json(&t, json, len, &opt, &err), MC_ERR_NO_MEMORY);
        assert_int_equal(err.code, MC_ERR_NO_MEMORY);
        assert_int_equal(t.has_id, MC_ABSENT);
        assert_null(t.errors.items);
        certification_task_clear(&t, &a); /* safe on the cleared output */
        assert_no_leaks(&c);
    }
    /* one more than needed: success */
    a = counting_allocator(&c);
    c.fail_at = total + 1;
    assert_int_equal(certification_task_from_json(&t, json, len, &opt, &err), MC_OK);

    /* copy sweep */
    {
        counting cc;
        mc_allocator ca = counting_allocator(&cc);
        size_t copies;
        assert_int_equal(certification_task_copy(&copy, &t, &ca), MC_OK);
        assert_true(certification_task_equal(&copy, &t));
        copies = cc.calls;
        certification_task_clear(&copy, &ca);
        assert_no_leaks(&cc);
        for (k = 1; k <= copies; k++) {
            ca = counting_allocator(&cc);
            cc.fail_at = k;
            assert_int_equal(certification_task_copy(&copy, &t, &ca), MC_ERR_NO_MEMORY);
            assert_null(copy.id.data);
            assert_no_leaks(&cc);
        }
    }

    /* encode sweep */
    {
        counting ec;
        size_t encs;
        {
            mc_allocator ea = counting_allocator(&ec);
            eopt.allocator = &ea;
            assert_int_equal(certification_task_to_json_string(&t, &out, &out_len, &eopt), MC_OK);
            encs = ec.calls;
            ea.realloc(ea.ctx, out, out_len + 1, 0);
            assert_no_leaks(&ec);
            for (k = 1; k <= encs; k++) {
                ea = counting_allocator(&ec);
                ec.fail_at = k;
                eopt.allocator = &ea;
                assert_int_equal(certification_task_to_json_string(&t, &out, &out_len, &eopt), MC_ERR_NO_MEMORY);
                assert_null(out);
                assert_no_leaks(&ec);
            }
        }
    }
    certification_task_clear(&t, &a);
    assert_no_leaks(&c);
    free(json);
}

static void test_failure_sweep_small_document(void **state)
{
    (void)state;
    sweep(0, 0);
    sweep(0, MC_DECODE_KEEP_UNKNOWN);
}

static void test_failure_sweep_past_inline_scratch(void **state)
{
    (void)state;
    sweep(120, MC_DECODE_KEEP_UNKNOWN);
}

static void test_sizes_match_and_one_allocation_per_string_and_array(void **state)
{
    counting c;
    mc_allocator a = counting_allocator(&c);
    mc_decode_options opt = {&a, 0, 0};
    certification_task t;
    (void)state;
    assert_int_equal(certification_task_from_json(&t, SEED_JSON, strlen(SEED_JSON), &opt, NULL), MC_OK);
    /* id, targetId, locale, text, 3 trail strings = 7 strings (enums and the
     * date-time allocate nothing), plus 2 arrays: one allocation each */
    assert_int_equal(c.calls, 9);
    assert_int_equal(c.live, 9);
    certification_task_clear(&t, &a);
    assert_no_leaks(&c);
}

static void test_arena_one_allocation_per_document_then_none(void **state)
{
    counting c;
    mc_allocator parent = counting_allocator(&c);
    mc_arena arena;
    mc_allocator a;
    mc_decode_options opt;
    size_t i, after_warmup = 0;
    (void)state;
    mc_arena_init(&arena, &parent, 256); /* deliberately small: the first document needs several blocks */
    a = mc_arena_allocator(&arena);
    opt.allocator = &a;
    opt.max_depth = 0;
    opt.flags = MC_DECODE_KEEP_UNKNOWN;
    for (i = 0; i < 20; i++) {
        certification_task t;
        char *out;
        size_t n;
        assert_int_equal(certification_task_from_json(&t, SEED_JSON, strlen(SEED_JSON), &opt, NULL), MC_OK);
        assert_int_equal(certification_task_to_json_string(&t, &out, &n, NULL), MC_OK);
        assert_string_equal(out, SEED_JSON);
        free(out);
        certification_task_clear(&t, &a); /* a no-op in an arena, but allowed */
        mc_arena_reset(&arena);
        if (i == 1)
            after_warmup = c.calls;
    }
    assert_true(c.calls >= 2);
    assert_int_equal(c.calls, after_warmup); /* no allocation at all after warm-up */
    assert_int_equal(c.live, 1);             /* one block kept */
    mc_arena_dispose(&arena);
    assert_no_leaks(&c);
}

static void test_arena_realloc_in_place_and_copy(void **state)
{
    mc_arena arena;
    mc_allocator a;
    char *p, *q, *r;
    (void)state;
    mc_arena_init(&arena, NULL, 64);
    a = mc_arena_allocator(&arena);
    p = (char *)mc_malloc(&a, 10);
    memcpy(p, "0123456789", 10);
    q = (char *)a.realloc(a.ctx, p, 10, 20); /* last block: grows in place */
    assert_ptr_equal(p, q);
    r = (char *)mc_malloc(&a, 8);
    assert_true(((uintptr_t)r % 16) == 0);
    q = (char *)a.realloc(a.ctx, p, 20, 40); /* not last: moves, keeps content */
    assert_ptr_not_equal(p, q);
    assert_memory_equal(q, "0123456789", 10);
    q = (char *)a.realloc(a.ctx, q, 40, 1000); /* bigger than a block */
    assert_non_null(q);
    assert_memory_equal(q, "0123456789", 10);
    mc_free(&a, q, 1000);
    mc_arena_reset(&arena);
    mc_arena_dispose(&arena);
    mc_arena_dispose(&arena); /* twice is harmless */
}

static void test_buf_and_string(void **state)
{
    counting c;
    mc_allocator a = counting_allocator(&c);
    mc_buf b;
    mc_string s = {NULL, 0};
    char *out;
    size_t n, i;
    (void)state;
    mc_buf_init(&b, &a);
    assert_null(b.data);
    assert_int_equal(mc_buf_detach(&b, &out, &n), MC_OK); /* empty: an allocated "" */
    assert_string_equal(out, "");
    assert_int_equal(n, 0);
    a.realloc(a.ctx, out, 1, 0);
    for (i = 0; i < 1000; i++)
        assert_int_equal(mc_buf_append(&b, "abc", 3), MC_OK);
    assert_int_equal(b.len, 3000);
    assert_int_equal(b.data[3000], '\0');
    assert_int_equal(mc_buf_reserve(&b, 10000), MC_OK);
    assert_true(b.cap >= 13001);
    assert_int_equal(mc_buf_detach(&b, &out, &n), MC_OK);
    assert_int_equal(n, 3000);
    assert_null(b.data);
    a.realloc(a.ctx, out, n + 1, 0); /* exactly n + 1 bytes */
    assert_int_equal(mc_buf_append(&b, NULL, 0), MC_OK);
    mc_buf_dispose(&b);
    mc_buf_dispose(&b);
    assert_int_equal(mc_string_set(&s, "a\0b", 3, &a), MC_OK);
    assert_int_equal(s.len, 3);
    assert_memory_equal(s.data, "a\0b", 4);
    mc_string_dispose(&s, &a);
    assert_null(s.data);
    assert_int_equal(mc_string_set(&s, NULL, 0, &a), MC_OK);
    assert_string_equal(s.data, "");
    mc_string_dispose(&s, &a);
    assert_no_leaks(&c);
    /* failures leave things unchanged */
    c.fail_at = c.calls + 1;
    assert_int_equal(mc_string_set(&s, "x", 1, &a), MC_ERR_NO_MEMORY);
    assert_null(s.data);
    c.fail_at = c.calls + 1;
    mc_buf_init(&b, &a);
    assert_int_equal(mc_buf_append(&b, "x", 1), MC_ERR_NO_MEMORY);
    assert_int_equal(b.len, 0);
    assert_null(b.data);
    assert_no_leaks(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_failure_sweep_small_document),
        cmocka_unit_test(test_failure_sweep_past_inline_scratch),
        cmocka_unit_test(test_sizes_match_and_one_allocation_per_string_and_array),
        cmocka_unit_test(test_arena_one_allocation_per_document_then_none),
        cmocka_unit_test(test_arena_realloc_in_place_and_copy),
        cmocka_unit_test(test_buf_and_string),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
