/*
 * test_unknown_keys.c - duplicate detection among unknown member names must not
 * be quadratic (a hostile document may hold any number of distinct unknown
 * names), and must still report a duplicate exactly: status, JSON Pointer,
 * offset of the repeated name, also when it is spelled with escapes, and also
 * past the point where the decoder switches from comparing names one by one
 * to its hash table.
 */
#include "test_util.h"

#define MANY 100000

/* {"u0":0,"u1":0,...,"u<n-1>":0} with `dup` (if not NULL) inserted as an extra
 * member before member number dup_before; *dup_at is the offset of its quote. */
static char *many_members(size_t n, const char *dup, size_t dup_before, size_t *dup_at)
{
    size_t cap = 32 + n * 16 + (dup ? strlen(dup) : 0), i;
    char *s = (char *)malloc(cap), *p = s;
    assert_non_null(s);
    *p++ = '{';
    for (i = 0; i < n; i++) {
        if (dup != NULL && i == dup_before) {
            *dup_at = (size_t)(p - s);
            p += sprintf(p, "\"%s\":0,", dup);
        }
        p += sprintf(p, "\"u%zu\":0%s", i, i + 1 < n ? "," : "");
    }
    *p++ = '}';
    *p = '\0';
    return s;
}

static void test_many_distinct_unknown_members(void **state)
{
    certification_task t;
    mc_error err;
    char *j = many_members(MANY, NULL, 0, NULL);
    counting c;
    mc_allocator a = counting_allocator(&c);
    mc_decode_options opt = {&a, 0, 0};
    (void)state;
    /* Quadratic would be 5e9 name compares; this finishes in milliseconds. */
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), &opt, &err), MC_OK);
    assert_int_equal(t.has_id, MC_ABSENT);
    certification_task_clear(&t, &a);
    assert_no_leaks(&c);
    /* kept as json_extra: every member, in order */
    opt.flags = MC_DECODE_KEEP_UNKNOWN;
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), &opt, &err), MC_OK);
    assert_int_equal(t.json_extra.len, strlen(j) - 2);
    assert_memory_equal(t.json_extra.data, j + 1, t.json_extra.len);
    certification_task_clear(&t, &a);
    assert_no_leaks(&c);
    free(j);
}

static void check_duplicate(const char *dup, size_t before, const char *pointer)
{
    certification_task t;
    mc_error err;
    size_t at = 0;
    char *j = many_members(MANY, dup, before, &at);
    counting c;
    mc_allocator a = counting_allocator(&c);
    mc_decode_options opt = {&a, 0, 0};
    int rc = certification_task_from_json(&t, j, strlen(j), &opt, &err);
    if (rc != MC_ERR_DUPLICATE_KEY || strcmp(err.pointer, pointer) != 0 || err.offset != at)
        fail_msg("duplicate %s before u%zu: got %s \"%s\" @%zu, wanted %s @%zu", dup, before, mc_status_text(rc),
                 err.pointer, err.offset, pointer, at);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, at + 1);
    assert_int_equal(t.has_id, MC_ABSENT);
    assert_null(t.json_extra.data);
    assert_no_leaks(&c);
    free(j);
}

static void test_duplicate_among_many_unknown_members(void **state)
{
    (void)state;
    /* far into the hash table regime, the repeated name plain or escaped */
    check_duplicate("u500", 70000, "/u500");
    check_duplicate("\\u0075500", 70000, "/u500");
    check_duplicate("u69999", 70000, "/u69999"); /* the member just before */
    /* around the switch from one-by-one compares to the table */
    check_duplicate("u0", 1, "/u0");
    check_duplicate("u3", 7, "/u3");
    check_duplicate("u7", 8, "/u7");
    check_duplicate("u\\u0037", 9, "/u7");
    check_duplicate("u8", 16, "/u8");
    check_duplicate("u15", 16, "/u15");
    check_duplicate("u16", 17, "/u16");
}

/* Escaped and plain spellings of one name are the same member. */
static void test_duplicate_spelled_differently(void **state)
{
    certification_task t;
    mc_error err;
    const char *j = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,"
                    "\"\\u0062\":0}";
    (void)state;
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), NULL, &err), MC_ERR_DUPLICATE_KEY);
    assert_string_equal(err.pointer, "/b");
    assert_int_equal(err.offset, (size_t)(strstr(j, "\"\\u0062\"") - j));
}

/* An escape that stands for several UTF-8 bytes meets them raw: a few
 * unknown names (compared one by one) and many (through the hash table). */
static void test_duplicate_non_ascii_spelled_differently(void **state)
{
    certification_task t;
    mc_error err;
    const char *few = "{\"caf\xc3\xa9\":1,\"caf\\u00e9\":2}";
    const char *few_ok = "{\"caf\xc3\xa9\":1,\"caf\\u00e8\":2,\"caf\":3,\"caf\xc3\xa9s\":4}";
    const char *astral = "{\"x\xf0\x9f\x9a\x80\":1,\"x\\ud83d\\ude80\":2}";
    (void)state;
    assert_int_equal(certification_task_from_json(&t, few, strlen(few), NULL, &err), MC_ERR_DUPLICATE_KEY);
    assert_string_equal(err.pointer, "/caf\xc3\xa9");
    assert_int_equal(err.offset, (size_t)(strstr(few, "\"caf\\u") - few));
    assert_int_equal(certification_task_from_json(&t, few_ok, strlen(few_ok), NULL, &err), MC_OK);
    certification_task_clear(&t, NULL);
    assert_int_equal(certification_task_from_json(&t, astral, strlen(astral), NULL, &err), MC_ERR_DUPLICATE_KEY);
    assert_string_equal(err.pointer, "/x\xf0\x9f\x9a\x80");
    {
        /* past the one-by-one compares: through the hash table */
        char j[512], *p = j;
        size_t i;
        p += sprintf(p, "{\"caf\xc3\xa9\":0");
        for (i = 0; i < 20; i++)
            p += sprintf(p, ",\"u%zu\":0", i);
        sprintf(p, ",\"caf\\u00e9\":1}");
        assert_int_equal(certification_task_from_json(&t, j, strlen(j), NULL, &err), MC_ERR_DUPLICATE_KEY);
        assert_string_equal(err.pointer, "/caf\xc3\xa9");
        assert_int_equal(err.offset, (size_t)(p + 1 - j));
    }
}

/* Spaced documents (`, "name": value`) take a fast path of their own from the
 * second member on: each decodes as its compact form, also with unknown,
 * absent, null and reordered members, and keeps the same unknown members. */
static void test_spaced_as_compact(void **state)
{
    static const char *const docs[][3] = {
        /* spaced, compact, json_extra */
        {"{\"id\": \"a\", \"type\": \"REASSIGN\", \"targetType\": \"CAMPAIGN\", \"status\": \"ERROR\"}",
         "{\"id\":\"a\",\"type\":\"REASSIGN\",\"targetType\":\"CAMPAIGN\",\"status\":\"ERROR\"}", NULL},
        {"{\"id\": \"a\", \"x\": [1, {\"y\": null}], \"status\": \"ERROR\", \"errors\": [{\"locale\": \"en\", "
         "\"z\": true, \"text\": \"t\\u00e9\"}, {\"text\": \"u\"}], \"created\": \"2020-01-02T03:04:05Z\", \"w\": 1}",
         "{\"id\":\"a\",\"x\":[1,{\"y\":null}],\"status\":\"ERROR\",\"errors\":[{\"locale\":\"en\",\"z\":true,"
         "\"text\":\"t\\u00e9\"},{\"text\":\"u\"}],\"created\":\"2020-01-02T03:04:05Z\",\"w\":1}",
         "\"x\": [1, {\"y\": null}],\"w\": 1"},
        {"{\"targetId\": \"b\", \"type\": \"REASSIGN\", \"reassignmentTrailDTOs\": [], \"errors\": [{\"locale\": null, "
         "\"localeOrigin\": null, \"text\": \"t\"}]}",
         "{\"targetId\":\"b\",\"type\":\"REASSIGN\",\"reassignmentTrailDTOs\":[],\"errors\":[{\"locale\":null,"
         "\"localeOrigin\":null,\"text\":\"t\"}]}", NULL},
        {"{\"id\": \"a\", \"type\": \"NOT_LISTED\", \"reassignmentTrailDTOs\": [{\"previousOwner\": \"p\", "
         "\"newOwner\": \"n\", \"reassignmentType\": \"SELF_REVIEW_DELEGATION\"}]}",
         "{\"id\":\"a\",\"type\":\"NOT_LISTED\",\"reassignmentTrailDTOs\":[{\"previousOwner\":\"p\","
         "\"newOwner\":\"n\",\"reassignmentType\":\"SELF_REVIEW_DELEGATION\"}]}", NULL},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        certification_task a, b;
        mc_error err;
        counting c;
        mc_allocator al = counting_allocator(&c);
        mc_decode_options opt = {&al, 0, MC_DECODE_KEEP_UNKNOWN};
        assert_int_equal(certification_task_from_json(&a, docs[i][0], strlen(docs[i][0]), &opt, &err), MC_OK);
        opt.flags = 0;
        assert_int_equal(certification_task_from_json(&b, docs[i][1], strlen(docs[i][1]), &opt, &err), MC_OK);
        if (docs[i][2] != NULL) {
            assert_non_null(a.json_extra.data);
            assert_string_equal(a.json_extra.data, docs[i][2]);
        } else {
            assert_null(a.json_extra.data);
        }
        certification_task_clear(&a, &al);
        opt.flags = 0;
        assert_int_equal(certification_task_from_json(&a, docs[i][0], strlen(docs[i][0]), &opt, &err), MC_OK);
        assert_true(certification_task_equal(&a, &b));
        certification_task_clear(&a, &al);
        certification_task_clear(&b, &al);
        assert_no_leaks(&c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_distinct_unknown_members),
        cmocka_unit_test(test_duplicate_among_many_unknown_members),
        cmocka_unit_test(test_duplicate_spelled_differently),
        cmocka_unit_test(test_duplicate_non_ascii_spelled_differently),
        cmocka_unit_test(test_spaced_as_compact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
