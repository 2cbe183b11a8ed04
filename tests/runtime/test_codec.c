/*
 * test_codec.c - the decode/encode contract on the generated CertificationTask
 * models: the seed round trip, absent/null/value for every member, every enum
 * member, unknown enum text, unknown members skipped and kept, empty values,
 * pretty printing, copy/equal and list aliases.
 */
#include "test_util.h"

static void test_seed_round_trips_byte_for_byte(void **state)
{
    certification_task t;
    (void)state;
    check_roundtrip(&certification_task_desc, &t, SEED_JSON, NULL, 0);

    assert_int_equal(t.has_id, MC_PRESENT);
    assert_string_equal(t.id.data, "2c918086719eec070171a7e3355a360a");
    assert_int_equal(t.id.len, 32);
    assert_int_equal(t.type, CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN);
    assert_int_equal(t.target_type, CERTIFICATION_TASK_TARGET_TYPE_CAMPAIGN);
    assert_int_equal(t.status, CERTIFICATION_TASK_STATUS_QUEUED);
    assert_null(t.type_unknown.data);
    assert_int_equal(t.errors.count, 1);
    assert_string_equal(t.errors.items[0].locale.data, "en-US");
    assert_int_equal(t.errors.items[0].locale_origin, LOCALE_ORIGIN_DEFAULT);
    assert_string_equal(t.errors.items[0].text.data, "Error Message");
    assert_int_equal(t.reassignment_trail_dtos.count, 1);
    assert_string_equal(t.reassignment_trail_dtos.items[0].reassignment_type.data, "AUTOMATIC_REASSIGNMENT");
    assert_int_equal(t.has_created, MC_PRESENT);
    assert_int_equal(t.created.seconds, 1600971047);
    assert_int_equal(t.created.nanos, 693000000);
    assert_null(t.json_extra.data);
    certification_task_clear(&t, NULL);
    assert_int_equal(t.has_id, MC_ABSENT);
    assert_null(t.errors.items);
}

static void test_whitespace_and_member_order_do_not_matter(void **state)
{
    certification_task a, b;
    const char *pretty = " {\n \"created\" : \"2020-09-24T18:10:47.693Z\" ,\r\n\t\"status\":\"QUEUED\",\"id\":"
                         "\"2c918086719eec070171a7e3355a360a\",\"type\":\"ADMIN_REASSIGN\",\"targetType\":\"CAMPAIGN\","
                         "\"targetId\":\"2c918086719eec070171a7e3355a834c\",\"errors\" : [ { \"text\":\"Error Message\","
                         "\"localeOrigin\":\"DEFAULT\",\"locale\":\"en-US\" } ] , \"reassignmentTrailDTOs\":[{"
                         "\"reassignmentType\":\"AUTOMATIC_REASSIGNMENT\",\"newOwner\":\"ef38f94347e94562b5bb8424a56397a3\","
                         "\"previousOwner\":\"ef38f94347e94562b5bb8424a56397d8\"}]}\n ";
    (void)state;
    /* Encoding is always schema order, so the reordered input comes back as the seed. */
    check_roundtrip(&certification_task_desc, &a, pretty, SEED_JSON, 0);
    check_roundtrip(&certification_task_desc, &b, SEED_JSON, NULL, 0);
    assert_true(certification_task_equal(&a, &b));
    certification_task_clear(&a, NULL);
    certification_task_clear(&b, NULL);
}

static void test_absent_members_are_omitted(void **state)
{
    certification_task t;
    (void)state;
    check_roundtrip(&certification_task_desc, &t, "{}", NULL, 0);
    assert_int_equal(t.has_id, MC_ABSENT);
    assert_int_equal(t.has_errors, MC_ABSENT);
    assert_int_equal(t.has_created, MC_ABSENT);
    certification_task_clear(&t, NULL);
    check_roundtrip(&certification_task_desc, &t, "{\"targetId\":\"x\"}", NULL, 0);
    assert_int_equal(t.has_id, MC_ABSENT);
    assert_int_equal(t.has_target_id, MC_PRESENT);
    certification_task_clear(&t, NULL);
}

/* Every CertificationTask member: null is rejected (none is nullable) with its pointer. */
static void test_null_rejected_for_non_nullable_members(void **state)
{
    static const char *const names[] = {"id", "type", "targetType", "targetId", "status",
                                        "errors", "reassignmentTrailDTOs", "created"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        char json[64], ptr[64];
        certification_task t;
        mc_error err;
        snprintf(json, sizeof json, "{\"%s\":null}", names[i]);
        snprintf(ptr, sizeof ptr, "/%s", names[i]);
        assert_int_equal(certification_task_from_json(&t, json, strlen(json), NULL, &err), MC_ERR_NULL);
        assert_int_equal(err.code, MC_ERR_NULL);
        assert_string_equal(err.pointer, ptr);
        assert_int_equal(err.offset, strlen(names[i]) + 4);
        assert_int_equal(t.has_id, MC_ABSENT); /* output cleared */
    }
}

/* ErrorMessageDto.locale is nullable, localeOrigin's enum lists null: absent, null
 * and value stay distinct and round-trip. */
static void test_absent_null_value_distinct_for_nullable_members(void **state)
{
    error_message_dto e;
    (void)state;
    check_roundtrip(&error_message_dto_desc, &e, "{\"locale\":null,\"localeOrigin\":null}", NULL, 0);
    assert_int_equal(e.has_locale, MC_NULL);
    assert_int_equal(e.has_locale_origin, MC_NULL);
    assert_int_equal(e.has_text, MC_ABSENT);
    error_message_dto_clear(&e, NULL);

    check_roundtrip(&error_message_dto_desc, &e, "{\"locale\":\"\",\"localeOrigin\":\"REQUEST\",\"text\":\"\"}", NULL, 0);
    assert_int_equal(e.has_locale, MC_PRESENT);
    assert_non_null(e.locale.data);
    assert_int_equal(e.locale.len, 0);
    assert_int_equal(e.locale_origin, LOCALE_ORIGIN_REQUEST);
    error_message_dto_clear(&e, NULL);

    {
        mc_error err;
        const char *j = "{\"text\":null}";
        assert_int_equal(error_message_dto_from_json(&e, j, strlen(j), NULL, &err), MC_ERR_NULL);
        assert_string_equal(err.pointer, "/text");
        assert_string_equal(err.message, "expected string, got null");
    }
}

static void test_every_enum_member_round_trips(void **state)
{
    static const mc_enum_desc *const descs[] = {&certification_task_type_desc, &certification_task_target_type_desc,
                                               &certification_task_status_desc, &locale_origin_desc};
    static const char *const members[] = {"type", "targetType", "status", "localeOrigin"};
    size_t d, i;
    (void)state;
    for (d = 0; d < 4; d++) {
        for (i = 0; i < descs[d]->count; i++) {
            char json[128];
            const char *wire = descs[d]->values[i].wire;
            int got;
            assert_string_equal(mc_enum_to_string(descs[d], (int)i), wire);
            assert_int_equal(mc_enum_from_string(descs[d], wire, strlen(wire)), (int)i);
            if (d < 3) {
                certification_task t;
                snprintf(json, sizeof json, "{\"%s\":\"%s\"}", members[d], wire);
                check_roundtrip(&certification_task_desc, &t, json, NULL, 0);
                got = d == 0 ? (int)t.type : d == 1 ? (int)t.target_type : (int)t.status;
                certification_task_clear(&t, NULL);
            } else {
                error_message_dto e;
                snprintf(json, sizeof json, "{\"%s\":\"%s\"}", members[d], wire);
                check_roundtrip(&error_message_dto_desc, &e, json, NULL, 0);
                got = (int)e.locale_origin;
                error_message_dto_clear(&e, NULL);
            }
            assert_int_equal(got, (int)i);
        }
        assert_null(mc_enum_to_string(descs[d], (int)descs[d]->count));
        assert_null(mc_enum_to_string(descs[d], -1));
        assert_int_equal(mc_enum_from_string(descs[d], "", 0), -1);
    }
    /* Typed wrappers, length-aware. */
    assert_string_equal(certification_task_status_to_string(CERTIFICATION_TASK_STATUS_IN_PROGRESS), "IN_PROGRESS");
    assert_int_equal(certification_task_status_from_string("ERRORS", 5), CERTIFICATION_TASK_STATUS_ERROR);
    assert_int_equal(certification_task_status_from_string("ERROR", 4), CERTIFICATION_TASK_STATUS_UNKNOWN);
    assert_int_equal(locale_origin_from_string("DEFAULT", 7), LOCALE_ORIGIN_DEFAULT);
}

static void test_unknown_enum_text_is_kept_and_written_back(void **state)
{
    certification_task t;
    (void)state;
    check_roundtrip(&certification_task_desc, &t, "{\"type\":\"RECERTIFY\",\"status\":\"\"}", NULL, 0);
    assert_int_equal(t.type, CERTIFICATION_TASK_TYPE_UNKNOWN);
    assert_string_equal(t.type_unknown.data, "RECERTIFY");
    assert_int_equal(t.status, CERTIFICATION_TASK_STATUS_UNKNOWN);
    assert_int_equal(t.status_unknown.len, 0);
    assert_non_null(t.status_unknown.data);
    certification_task_clear(&t, NULL);

    /* Escaped spellings: a member still matches, unknown text is kept unescaped. */
    check_roundtrip(&certification_task_desc, &t, "{\"status\":\"QUEU\\u0045D\",\"type\":\"N\\u00e9W\"}",
                    "{\"type\":\"N\xc3\xa9W\",\"status\":\"QUEUED\"}", 0);
    assert_int_equal(t.status, CERTIFICATION_TASK_STATUS_QUEUED);
    assert_null(t.status_unknown.data);
    assert_string_equal(t.type_unknown.data, "N\xc3\xa9W");
    certification_task_clear(&t, NULL);
}

static void test_unknown_enum_text_rejected_when_strict(void **state)
{
    certification_task t;
    mc_error err;
    mc_decode_options opt = {NULL, 0, MC_DECODE_STRICT_ENUMS};
    const char *j = "{\"id\":\"a\",\"status\":\"PAUSED\"}";
    (void)state;
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), &opt, &err), MC_ERR_UNKNOWN_ENUM);
    assert_string_equal(err.pointer, "/status");
    assert_int_equal(err.offset, 19);
    assert_null(t.id.data);
    /* Known members are still fine in strict mode. */
    j = "{\"status\":\"ERROR\"}";
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), &opt, &err), MC_OK);
    assert_int_equal(t.status, CERTIFICATION_TASK_STATUS_ERROR);
    certification_task_clear(&t, NULL);
}

/* Unknown members of every JSON kind, at every position and depth, are
 * validated and skipped. */
static void test_unknown_members_are_skipped(void **state)
{
    static const char *const values[] = {
        "\"s\"", "\"\\u00e9\\n\\ud83d\\ude00\"", "0", "-1.5e+10", "1E-7", "true", "false", "null", "{}", "[]",
        "{\"a\":{\"b\":{\"c\":[1,{\"d\":[[[]]]},\"x\"]}},\"e\":null}", "[[[[[[[[[[\"deep\"]]]]]]]]]]",
        "[1,\"two\",{\"three\":3},[4],true,null]"};
    size_t i, pos;
    certification_task ref;
    (void)state;
    check_roundtrip(&certification_task_desc, &ref, SEED_JSON, NULL, 0);
    for (i = 0; i < sizeof values / sizeof values[0]; i++) {
        /* at the start, after "type", and at the end; and inside an array item */
        static const char *const where[] = {"{", "\"ADMIN_REASSIGN\",", "\"2020-09-24T18:10:47.693Z\"",
                                            "\"en-US\","};
        for (pos = 0; pos < 4; pos++) {
            char json[1024];
            const char *at = strstr(SEED_JSON, where[pos]) + strlen(where[pos]);
            size_t head = (size_t)(at - SEED_JSON);
            certification_task t;
            mc_error err;
            int n = snprintf(json, sizeof json, "%.*s%s\"unknown\":%s%s%s", (int)head, SEED_JSON, pos == 2 ? "," : "",
                             values[i], pos == 2 ? "" : ",", at);
            assert_true(n > 0 && (size_t)n < sizeof json);
            assert_int_equal(certification_task_from_json(&t, json, (size_t)n, NULL, &err), MC_OK);
            assert_true(certification_task_equal(&t, &ref));
            certification_task_clear(&t, NULL);
        }
    }
    certification_task_clear(&ref, NULL);
}

static void test_unknown_members_kept_with_keep_unknown(void **state)
{
    certification_task t;
    (void)state;
    check_roundtrip(&certification_task_desc, &t,
                    "{\"id\":\"a\",\"x\" : [1, {\"y\":null}],\"errors\":[{\"text\":\"t\",\"extra\":true}],\"z\":\"\\u00e9\"}",
                    "{\"id\":\"a\",\"errors\":[{\"text\":\"t\",\"extra\":true}],\"x\" : [1, {\"y\":null}],\"z\":\"\\u00e9\"}",
                    MC_DECODE_KEEP_UNKNOWN);
    assert_string_equal(t.json_extra.data, "\"x\" : [1, {\"y\":null}],\"z\":\"\\u00e9\"");
    assert_string_equal(t.errors.items[0].json_extra.data, "\"extra\":true");
    certification_task_clear(&t, NULL);
    /* Only unknown members: no leading comma. */
    check_roundtrip(&certification_task_desc, &t, "{\"q\":1}", NULL, MC_DECODE_KEEP_UNKNOWN);
    certification_task_clear(&t, NULL);
    /* Without the flag they are dropped. */
    check_roundtrip(&certification_task_desc, &t, "{\"q\":1,\"id\":\"a\"}", "{\"id\":\"a\"}", 0);
    certification_task_clear(&t, NULL);
}

static void test_empty_arrays_and_strings(void **state)
{
    certification_task t;
    (void)state;
    check_roundtrip(&certification_task_desc, &t, "{\"id\":\"\",\"errors\":[],\"reassignmentTrailDTOs\":[{}]}", NULL, 0);
    assert_int_equal(t.has_errors, MC_PRESENT);
    assert_int_equal(t.errors.count, 0);
    assert_null(t.errors.items);
    assert_int_equal(t.reassignment_trail_dtos.count, 1);
    assert_int_equal(t.reassignment_trail_dtos.items[0].has_new_owner, MC_ABSENT);
    certification_task_clear(&t, NULL);
}

static void test_many_items(void **state)
{
    /* Enough items to outgrow the decoder's inline scratch and several chunks. */
    char *json = (char *)malloc(200 * 64 + 64);
    size_t n = 0, i;
    error_message_dto_list l;
    (void)state;
    json[n++] = '[';
    for (i = 0; i < 200; i++)
        n += (size_t)sprintf(json + n, "%s{\"localeOrigin\":\"REQUEST\",\"text\":\"item %zu\"}", i ? "," : "", i);
    json[n++] = ']';
    json[n] = '\0';
    check_roundtrip(&error_message_dto_list_desc, &l, json, NULL, 0);
    assert_int_equal(l.count, 200);
    assert_string_equal(l.items[199].text.data, "item 199");
    error_message_dto_list_clear(&l, NULL);
    free(json);
}

static void test_pretty_printing(void **state)
{
    certification_task t;
    char *out;
    size_t n;
    mc_encode_options pretty = {MC_ENCODE_PRETTY, NULL};
    const char *j = "{\"id\":\"a\",\"errors\":[{\"locale\":null},{}],\"reassignmentTrailDTOs\":[]}";
    (void)state;
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), NULL, NULL), MC_OK);
    assert_int_equal(certification_task_to_json_string(&t, &out, &n, &pretty), MC_OK);
    assert_string_equal(out, "{\n"
                             "  \"id\": \"a\",\n"
                             "  \"errors\": [\n"
                             "    {\n"
                             "      \"locale\": null\n"
                             "    },\n"
                             "    {}\n"
                             "  ],\n"
                             "  \"reassignmentTrailDTOs\": []\n"
                             "}");
    assert_int_equal(n, strlen(out));
    free(out);
    certification_task_clear(&t, NULL);
}

static void test_copy_and_equal(void **state)
{
    certification_task a, b;
    (void)state;
    check_roundtrip(&certification_task_desc, &a, SEED_JSON, NULL, MC_DECODE_KEEP_UNKNOWN);
    assert_int_equal(certification_task_copy(&b, &a, NULL), MC_OK);
    assert_true(certification_task_equal(&a, &b));
    assert_ptr_not_equal(a.id.data, b.id.data);
    b.errors.items[0].text.data[0] = 'e';
    assert_false(certification_task_equal(&a, &b));
    b.errors.items[0].text.data[0] = 'E';
    assert_true(certification_task_equal(&a, &b));
    b.has_target_id = MC_NULL;
    assert_false(certification_task_equal(&a, &b));
    b.has_target_id = MC_PRESENT;
    b.created.form = (uint8_t)(b.created.form + 1);
    assert_false(certification_task_equal(&a, &b));
    certification_task_clear(&a, NULL);
    certification_task_clear(&b, NULL);
    /* init values compare equal, and clearing twice is harmless */
    certification_task_init(&a);
    certification_task_init(&b);
    assert_true(certification_task_equal(&a, &b));
    certification_task_clear(&a, NULL);
    certification_task_clear(&a, NULL);
}

static void test_list_aliases_decode_at_top_level(void **state)
{
    error_message_dto_list l;
    reassignment_trail_dto_list r;
    (void)state;
    check_roundtrip(&error_message_dto_list_desc, &l,
                    "[{\"locale\":\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"Error Message\"},{\"locale\":null}]",
                    NULL, 0);
    assert_int_equal(l.count, 2);
    assert_int_equal(l.items[1].has_locale, MC_NULL);
    error_message_dto_list_clear(&l, NULL);
    check_roundtrip(&reassignment_trail_dto_list_desc, &r, "[]", NULL, 0);
    assert_int_equal(r.count, 0);
    reassignment_trail_dto_list_clear(&r, NULL);
}

static void test_encode_rejects_invalid_values(void **state)
{
    certification_task t;
    mc_buf b;
    (void)state;
    certification_task_init(&t);
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_buf_append(&b, "prefix", 6), MC_OK);
    t.has_type = MC_PRESENT;
    t.type = (certification_task_type)42;
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_ERR_INVALID_ARG);
    assert_int_equal(b.len, 6);
    assert_string_equal(b.data, "prefix");
    t.type = CERTIFICATION_TASK_TYPE_UNKNOWN; /* unknown without text */
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_ERR_INVALID_ARG);
    t.type = CERTIFICATION_TASK_TYPE_REASSIGN;
    t.has_id = MC_NULL; /* id is not nullable */
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_ERR_NULL);
    t.has_id = MC_ABSENT;
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_OK);
    assert_string_equal(b.data, "prefix{\"type\":\"REASSIGN\"}");
    mc_buf_dispose(&b);
}

/* An invalid value inside a list item fails the whole encode and leaves the
 * buffer as it was; a list as the first member, empty items and empty
 * objects are written exactly. */
static void test_encode_errors_inside_lists(void **state)
{
    certification_task t;
    error_message_dto items[2];
    mc_buf b;
    (void)state;
    certification_task_init(&t);
    error_message_dto_init(&items[0]);
    error_message_dto_init(&items[1]);
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_buf_append(&b, "prefix", 6), MC_OK);
    t.has_errors = MC_PRESENT;
    t.errors.items = items;
    t.errors.count = 2;
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_OK);
    assert_string_equal(b.data, "prefix{\"errors\":[{},{}]}");
    b.len = 6;
    items[1].has_locale_origin = MC_PRESENT;
    items[1].locale_origin = (locale_origin)42;
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_ERR_INVALID_ARG);
    assert_int_equal(b.len, 6);
    assert_string_equal(b.data, "prefix");
    items[1].has_locale_origin = MC_ABSENT;
    items[0].has_text = MC_PRESENT;
    items[0].text.data = (char *)"bad \xff byte";
    items[0].text.len = 10;
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_ERR_UTF8);
    assert_int_equal(b.len, 6);
    items[0].text.data = (char *)"caf\xc3\xa9 \"ok\"";
    items[0].text.len = 10;
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_OK);
    assert_string_equal(b.data, "prefix{\"errors\":[{\"text\":\"caf\xc3\xa9 \\\"ok\\\"\"},{}]}");
    mc_buf_dispose(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_round_trips_byte_for_byte),
        cmocka_unit_test(test_whitespace_and_member_order_do_not_matter),
        cmocka_unit_test(test_absent_members_are_omitted),
        cmocka_unit_test(test_null_rejected_for_non_nullable_members),
        cmocka_unit_test(test_absent_null_value_distinct_for_nullable_members),
        cmocka_unit_test(test_every_enum_member_round_trips),
        cmocka_unit_test(test_unknown_enum_text_is_kept_and_written_back),
        cmocka_unit_test(test_unknown_enum_text_rejected_when_strict),
        cmocka_unit_test(test_unknown_members_are_skipped),
        cmocka_unit_test(test_unknown_members_kept_with_keep_unknown),
        cmocka_unit_test(test_empty_arrays_and_strings),
        cmocka_unit_test(test_many_items),
        cmocka_unit_test(test_pretty_printing),
        cmocka_unit_test(test_copy_and_equal),
        cmocka_unit_test(test_list_aliases_decode_at_top_level),
        cmocka_unit_test(test_encode_rejects_invalid_values),
        cmocka_unit_test(test_encode_errors_inside_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
