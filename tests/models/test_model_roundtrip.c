/*
 * test_model_roundtrip.c - the generated CertificationTask models as a user sees
 * them: what each JSON text decodes to and the exact text it encodes back to.
 * Every test names the rule it checks; expected JSON is written inline.
 *
 * Rules (design.md, mc_runtime.h): members are absent / null / value; output is
 * compact, in schema order, absent members omitted, json_extra last; unknown enum
 * text is kept and written back; date-times are written in the form they were
 * read in; strings are written with the minimal escapes (", \, \b \f \n \r \t,
 * other controls as \u00xx lowercase), everything else raw UTF-8.
 */
#include "model_support.h"

#define KEEP MC_DECODE_KEEP_UNKNOWN

/* ---- the seed example -------------------------------------------------- */

static void seed_example_decodes_to_its_values_and_round_trips_byte_for_byte(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t, SEED_JSON, 0, NULL);

    assert_int_equal(t.has_id, MC_PRESENT);
    assert_mc_string(t.id, "2c918086719eec070171a7e3355a360a");
    assert_int_equal(t.has_type, MC_PRESENT);
    assert_int_equal(t.type, CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN);
    assert_null(t.type_unknown.data);
    assert_int_equal(t.has_target_type, MC_PRESENT);
    assert_int_equal(t.target_type, CERTIFICATION_TASK_TARGET_TYPE_CAMPAIGN);
    assert_mc_string(t.target_id, "2c918086719eec070171a7e3355a834c");
    assert_int_equal(t.has_status, MC_PRESENT);
    assert_int_equal(t.status, CERTIFICATION_TASK_STATUS_QUEUED);

    assert_int_equal(t.has_errors, MC_PRESENT);
    assert_int_equal(t.errors.count, 1);
    assert_int_equal(t.errors.items[0].has_locale, MC_PRESENT);
    assert_mc_string(t.errors.items[0].locale, "en-US");
    assert_int_equal(t.errors.items[0].has_locale_origin, MC_PRESENT);
    assert_int_equal(t.errors.items[0].locale_origin, LOCALE_ORIGIN_DEFAULT);
    assert_mc_string(t.errors.items[0].text, "Error Message");
    assert_null(t.errors.items[0].json_extra.data);

    assert_int_equal(t.has_reassignment_trail_dtos, MC_PRESENT);
    assert_int_equal(t.reassignment_trail_dtos.count, 1);
    assert_mc_string(t.reassignment_trail_dtos.items[0].previous_owner, "ef38f94347e94562b5bb8424a56397d8");
    assert_mc_string(t.reassignment_trail_dtos.items[0].new_owner, "ef38f94347e94562b5bb8424a56397a3");
    assert_mc_string(t.reassignment_trail_dtos.items[0].reassignment_type, "AUTOMATIC_REASSIGNMENT");

    /* 2020-09-24T18:10:47Z is 1600971047 s after the epoch (python: calendar.timegm). */
    assert_int_equal(t.has_created, MC_PRESENT);
    assert_true(t.created.seconds == 1600971047);
    assert_int_equal(t.created.nanos, 693000000);
    assert_int_equal(t.created.offset_minutes, 0);
    assert_int_equal(t.created.form, 3u | MC_DT_ZONE_Z);
    assert_null(t.json_extra.data);
    certification_task_clear(&t, NULL);
}

static void seed_example_decodes_from_a_buffer_that_is_not_nul_terminated(void **state)
{
    static const char seed[] = SEED_JSON;
    char *copy = (char *)malloc(sizeof seed - 1);
    certification_task t;
    (void)state;
    assert_non_null(copy);
    memcpy(copy, seed, sizeof seed - 1); /* exact size: any read past the end is caught by ASan/valgrind */
    task_decode_ok(&t, "{}", 0);
    assert_int_equal(certification_task_from_json(&t, copy, sizeof seed - 1, NULL, NULL), MC_OK);
    assert_task_encodes_to(&t, 0, SEED_JSON);
    certification_task_clear(&t, NULL);
    free(copy);
}

static void only_the_given_length_is_read(void **state)
{
    certification_task t;
    (void)state;
    assert_int_equal(certification_task_from_json(&t, "{\"id\":\"a\"}garbage", 10, NULL, NULL), MC_OK);
    assert_mc_string(t.id, "a");
    certification_task_clear(&t, NULL);
}

/* ---- every field in every state ---------------------------------------- */

static void empty_object_has_every_member_absent_and_encodes_as_empty_object(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t, "{}", 0, NULL);
    assert_true(mt_task_is_init(&t));
    certification_task_clear(&t, NULL);
}

static void an_init_value_encodes_as_empty_object(void **state)
{
    certification_task t;
    (void)state;
    certification_task_init(&t);
    assert_true(mt_task_is_init(&t));
    assert_task_encodes_to(&t, 0, "{}");
    assert_task_encodes_to(&t, MC_ENCODE_PRETTY, "{}");
}

/* Each member alone, as a value: it comes back alone and byte for byte. */
static void each_member_alone_round_trips(void **state)
{
    static const char *const docs[] = {
        "{\"id\":\"x\"}",
        "{\"type\":\"REASSIGN\"}",
        "{\"targetType\":\"CERTIFICATION\"}",
        "{\"targetId\":\"y\"}",
        "{\"status\":\"ERROR\"}",
        "{\"errors\":[]}",
        "{\"errors\":[{}]}",
        "{\"errors\":[{\"locale\":\"fr-FR\"}]}",
        "{\"errors\":[{\"locale\":null}]}",
        "{\"errors\":[{\"localeOrigin\":\"REQUEST\"}]}",
        "{\"errors\":[{\"localeOrigin\":null}]}",
        "{\"errors\":[{\"text\":\"t\"}]}",
        "{\"errors\":[{\"locale\":null,\"localeOrigin\":null,\"text\":\"\"}]}",
        "{\"reassignmentTrailDTOs\":[]}",
        "{\"reassignmentTrailDTOs\":[{}]}",
        "{\"reassignmentTrailDTOs\":[{\"previousOwner\":\"p\"}]}",
        "{\"reassignmentTrailDTOs\":[{\"newOwner\":\"n\"}]}",
        "{\"reassignmentTrailDTOs\":[{\"reassignmentType\":\"MANUAL_REASSIGNMENT\"}]}",
        "{\"created\":\"2020-09-24T18:10:47Z\"}",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        certification_task t;
        mt_task_round_trip_(&t, docs[i], strlen(docs[i]), 0, NULL, __FILE__, __LINE__);
        certification_task_clear(&t, NULL);
    }
}

static void nullable_members_distinguish_absent_null_and_value(void **state)
{
    certification_task t;
    const error_message_dto *e;
    (void)state;
    assert_task_round_trip(&t,
                           "{\"errors\":[{},{\"locale\":null,\"localeOrigin\":null},"
                           "{\"locale\":\"\",\"localeOrigin\":\"DEFAULT\"}]}",
                           0, NULL);
    assert_int_equal(t.errors.count, 3);
    e = t.errors.items;
    assert_int_equal(e[0].has_locale, MC_ABSENT);
    assert_int_equal(e[0].has_locale_origin, MC_ABSENT);
    assert_int_equal(e[0].has_text, MC_ABSENT);
    assert_int_equal(e[1].has_locale, MC_NULL);
    assert_null(e[1].locale.data);
    assert_int_equal(e[1].has_locale_origin, MC_NULL); /* LocaleOrigin lists null: null is not a C member */
    assert_null(e[1].locale_origin_unknown.data);
    assert_int_equal(e[2].has_locale, MC_PRESENT);
    assert_mc_string(e[2].locale, ""); /* a present empty string: data != NULL, len 0 */
    assert_int_equal(e[2].locale_origin, LOCALE_ORIGIN_DEFAULT);
    certification_task_clear(&t, NULL);
}

static void members_in_any_order_are_written_in_schema_order(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t,
                           "{\"created\":\"2020-09-24T18:10:47.693Z\",\"status\":\"QUEUED\",\"id\":\"a\","
                           "\"errors\":[{\"text\":\"t\",\"locale\":\"en\"}]}",
                           0,
                           "{\"id\":\"a\",\"status\":\"QUEUED\",\"errors\":[{\"locale\":\"en\",\"text\":\"t\"}],"
                           "\"created\":\"2020-09-24T18:10:47.693Z\"}");
    certification_task_clear(&t, NULL);
}

static void whitespace_between_tokens_is_accepted_and_not_written(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t,
                           " \t\r\n{ \"id\" :\t\"a\" ,\n  \"errors\" : [ { \"text\" : \"t\" } , { } ] ,"
                           " \"reassignmentTrailDTOs\" : [ ] }\n\n",
                           0, "{\"id\":\"a\",\"errors\":[{\"text\":\"t\"},{}],\"reassignmentTrailDTOs\":[]}");
    certification_task_clear(&t, NULL);
}

/* A value built by hand, field by field, encodes to the documented text. */
static void a_value_built_by_hand_encodes_to_the_expected_text(void **state)
{
    certification_task t;
    error_message_dto errs[2];
    char id[] = "x", loc[] = "en";
    (void)state;
    certification_task_init(&t);
    error_message_dto_init(&errs[0]);
    error_message_dto_init(&errs[1]);
    t.has_id = MC_PRESENT;
    t.id.data = id;
    t.id.len = 1;
    t.has_status = MC_PRESENT;
    t.status = CERTIFICATION_TASK_STATUS_IN_PROGRESS;
    t.has_errors = MC_PRESENT;
    t.errors.items = errs;
    t.errors.count = 2;
    errs[0].has_locale = MC_PRESENT;
    errs[0].locale.data = loc;
    errs[0].locale.len = 2;
    errs[1].has_locale_origin = MC_NULL;
    t.has_created = MC_PRESENT;
    assert_int_equal(mc_datetime_from_time_t(&t.created, (time_t)1600971047), MC_OK);
    assert_task_encodes_to(&t, 0,
                           "{\"id\":\"x\",\"status\":\"IN_PROGRESS\",\"errors\":[{\"locale\":\"en\"},"
                           "{\"localeOrigin\":null}],\"created\":\"2020-09-24T18:10:47Z\"}");
}

/* ---- enums --------------------------------------------------------------- */

typedef struct enum_case {
    const char *member; /* JSON member, or NULL for ErrorMessageDto.localeOrigin */
    const mc_enum_desc *desc;
    const char *const *wire; /* the schema's list, in order */
    size_t count;
} enum_case;

static const char *const type_wire[] = {"REASSIGN", "ADMIN_REASSIGN", "COMPLETE_CERTIFICATION",
                                        "FINISH_CERTIFICATION", "COMPLETE_CAMPAIGN", "ACTIVATE_CAMPAIGN",
                                        "CAMPAIGN_CREATE", "CAMPAIGN_DELETE"};
static const char *const target_type_wire[] = {"CERTIFICATION", "CAMPAIGN"};
static const char *const status_wire[] = {"QUEUED", "IN_PROGRESS", "SUCCESS", "ERROR"};
static const char *const locale_origin_wire[] = {"DEFAULT", "REQUEST"};

static int decoded_enum(const certification_task *t, const char *member)
{
    if (member == NULL)
        return (int)t->errors.items[0].locale_origin;
    if (strcmp(member, "type") == 0)
        return (int)t->type;
    if (strcmp(member, "targetType") == 0)
        return (int)t->target_type;
    return (int)t->status;
}

static void every_enum_member_decodes_to_its_number_and_encodes_to_its_text(void **state)
{
    const enum_case cases[] = {
        {"type", &certification_task_type_desc, type_wire, 8},
        {"targetType", &certification_task_target_type_desc, target_type_wire, 2},
        {"status", &certification_task_status_desc, status_wire, 4},
        {NULL, &locale_origin_desc, locale_origin_wire, 2},
    };
    size_t c, i;
    (void)state;
    for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        assert_int_equal(cases[c].desc->count, cases[c].count);
        for (i = 0; i < cases[c].count; i++) {
            char json[128];
            certification_task t;
            if (cases[c].member != NULL)
                snprintf(json, sizeof json, "{\"%s\":\"%s\"}", cases[c].member, cases[c].wire[i]);
            else
                snprintf(json, sizeof json, "{\"errors\":[{\"localeOrigin\":\"%s\"}]}", cases[c].wire[i]);
            mt_task_round_trip_(&t, json, strlen(json), MC_DECODE_STRICT_ENUMS, NULL, __FILE__, __LINE__);
            assert_int_equal(decoded_enum(&t, cases[c].member), (int)i);
            assert_string_equal(mc_enum_to_string(cases[c].desc, (int)i), cases[c].wire[i]);
            certification_task_clear(&t, NULL);
        }
    }
}

static void typed_enum_helpers_map_text_and_numbers_both_ways(void **state)
{
    (void)state;
    assert_string_equal(certification_task_type_to_string(CERTIFICATION_TASK_TYPE_CAMPAIGN_DELETE), "CAMPAIGN_DELETE");
    assert_int_equal(certification_task_type_from_string("CAMPAIGN_DELETE", 15), CERTIFICATION_TASK_TYPE_CAMPAIGN_DELETE);
    assert_int_equal(certification_task_type_from_string("CAMPAIGN_DELETEX", 15), CERTIFICATION_TASK_TYPE_CAMPAIGN_DELETE);
    assert_int_equal(certification_task_type_from_string("CAMPAIGN_DELET", 14), CERTIFICATION_TASK_TYPE_UNKNOWN);
    assert_int_equal(certification_task_type_from_string("reassign", 8), CERTIFICATION_TASK_TYPE_UNKNOWN);
    assert_null(certification_task_type_to_string(CERTIFICATION_TASK_TYPE_UNKNOWN));
    assert_null(certification_task_type_to_string((certification_task_type)8));
    assert_string_equal(certification_task_target_type_to_string(CERTIFICATION_TASK_TARGET_TYPE_CERTIFICATION),
                        "CERTIFICATION");
    assert_int_equal(certification_task_target_type_from_string("CAMPAIGN", 8), CERTIFICATION_TASK_TARGET_TYPE_CAMPAIGN);
    assert_string_equal(certification_task_status_to_string(CERTIFICATION_TASK_STATUS_SUCCESS), "SUCCESS");
    assert_int_equal(certification_task_status_from_string("IN_PROGRESS", 11), CERTIFICATION_TASK_STATUS_IN_PROGRESS);
    assert_string_equal(locale_origin_to_string(LOCALE_ORIGIN_REQUEST), "REQUEST");
    assert_int_equal(locale_origin_from_string("DEFAULT", 7), LOCALE_ORIGIN_DEFAULT);
    /* null is listed in the schema but is not a C member: the text "null" is unknown */
    assert_int_equal(locale_origin_from_string("null", 4), LOCALE_ORIGIN_UNKNOWN);
    assert_null(locale_origin_to_string((locale_origin)2));
}

static void unknown_enum_text_is_kept_and_written_back(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t,
                           "{\"type\":\"NEW_TYPE\",\"targetType\":\"ROLE\",\"status\":\"PAUSED\","
                           "\"errors\":[{\"localeOrigin\":\"BROWSER\"},{\"localeOrigin\":\"\"}]}",
                           0, NULL);
    assert_int_equal(t.type, CERTIFICATION_TASK_TYPE_UNKNOWN);
    assert_mc_string(t.type_unknown, "NEW_TYPE");
    assert_int_equal(t.target_type, CERTIFICATION_TASK_TARGET_TYPE_UNKNOWN);
    assert_mc_string(t.target_type_unknown, "ROLE");
    assert_int_equal(t.status, CERTIFICATION_TASK_STATUS_UNKNOWN);
    assert_mc_string(t.status_unknown, "PAUSED");
    assert_int_equal(t.errors.items[0].locale_origin, LOCALE_ORIGIN_UNKNOWN);
    assert_mc_string(t.errors.items[0].locale_origin_unknown, "BROWSER");
    assert_int_equal(t.errors.items[1].locale_origin, LOCALE_ORIGIN_UNKNOWN);
    assert_mc_string(t.errors.items[1].locale_origin_unknown, "");
    certification_task_clear(&t, NULL);
}

static void enum_text_differing_only_in_case_is_unknown(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t, "{\"type\":\"reassign\",\"status\":\"Queued\"}", 0, NULL);
    assert_int_equal(t.type, CERTIFICATION_TASK_TYPE_UNKNOWN);
    assert_mc_string(t.type_unknown, "reassign");
    assert_int_equal(t.status, CERTIFICATION_TASK_STATUS_UNKNOWN);
    certification_task_clear(&t, NULL);
}

static void escaped_enum_text_is_matched_after_unescaping(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t, "{\"type\":\"ADMIN\\u005fREASSIGN\",\"status\":\"caf\\u00e9\\n\"}", 0,
                           "{\"type\":\"ADMIN_REASSIGN\",\"status\":\"caf\xc3\xa9\\n\"}");
    assert_int_equal(t.type, CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN);
    assert_null(t.type_unknown.data);
    assert_int_equal(t.status, CERTIFICATION_TASK_STATUS_UNKNOWN);
    assert_mc_string(t.status_unknown, "caf\xc3\xa9\n");
    certification_task_clear(&t, NULL);
}

static void strict_enums_option_rejects_unknown_text(void **state)
{
    static const struct {
        const char *json;
        const char *pointer;
        size_t offset;
    } cases[] = {
        {"{\"type\":\"NEW_TYPE\"}", "/type", 8},
        {"{\"targetType\":\"ROLE\"}", "/targetType", 14},
        {"{\"status\":\"PAUSED\"}", "/status", 10},
        {"{\"errors\":[{},{\"localeOrigin\":\"BROWSER\"}]}", "/errors/1/localeOrigin", 30},
    };
    mc_decode_options opt = {NULL, 0, MC_DECODE_STRICT_ENUMS};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        certification_task t;
        mc_error err;
        int rc = certification_task_from_json(&t, cases[i].json, strlen(cases[i].json), &opt, &err);
        assert_int_equal(rc, MC_ERR_UNKNOWN_ENUM);
        assert_int_equal(err.code, MC_ERR_UNKNOWN_ENUM);
        assert_string_equal(err.pointer, cases[i].pointer);
        assert_int_equal(err.offset, cases[i].offset);
        assert_true(mt_task_is_init(&t));
        certification_task_clear(&t, NULL);
    }
}

/* An enum value set by hand to something that is not a member cannot be written. */
static void encoding_an_enum_number_that_is_not_a_member_fails(void **state)
{
    certification_task t;
    char *out = (char *)"untouched";
    size_t n = 7;
    (void)state;
    certification_task_init(&t);
    t.has_type = MC_PRESENT;
    t.type = (certification_task_type)8;
    assert_int_equal(certification_task_to_json_string(&t, &out, &n, NULL), MC_ERR_INVALID_ARG);
    assert_null(out);
    t.type = CERTIFICATION_TASK_TYPE_UNKNOWN; /* unknown without its text */
    assert_int_equal(certification_task_to_json_string(&t, &out, &n, NULL), MC_ERR_INVALID_ARG);
    assert_null(out);
}

/* ---- unknown members --------------------------------------------------- */

static void unknown_members_are_skipped_by_default(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t,
                           "{\"before\":{\"a\":[1,-2.5e3,true,false,null,\"s\",{}]},\"id\":\"x\",\"after\":[[]],"
                           "\"errors\":[{\"text\":\"t\",\"code\":42}]}",
                           0, "{\"id\":\"x\",\"errors\":[{\"text\":\"t\"}]}");
    assert_null(t.json_extra.data);
    assert_null(t.errors.items[0].json_extra.data);
    certification_task_clear(&t, NULL);
}

static void keep_unknown_stores_raw_members_in_json_extra_and_writes_them_last(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t,
                           "{\"before\":{\"a\":[1,-2.5e3,true,false,null,\"s\",{}]},\"id\":\"x\",\"after\":[[]],"
                           "\"errors\":[{\"text\":\"t\",\"code\":42}],\"reassignmentTrailDTOs\":[{\"by\":null}]}",
                           KEEP,
                           "{\"id\":\"x\",\"errors\":[{\"text\":\"t\",\"code\":42}],\"reassignmentTrailDTOs\":"
                           "[{\"by\":null}],\"before\":{\"a\":[1,-2.5e3,true,false,null,\"s\",{}]},\"after\":[[]]}");
    assert_mc_string(t.json_extra, "\"before\":{\"a\":[1,-2.5e3,true,false,null,\"s\",{}]},\"after\":[[]]");
    assert_mc_string(t.errors.items[0].json_extra, "\"code\":42");
    assert_mc_string(t.reassignment_trail_dtos.items[0].json_extra, "\"by\":null");
    certification_task_clear(&t, NULL);
}

static void kept_unknown_members_keep_their_exact_text(void **state)
{
    certification_task t;
    (void)state;
    /* The member is kept from its name to the end of its value, as written:
     * inner whitespace and escapes stay; whitespace around it does not. */
    assert_task_round_trip(&t, "{ \"x\\u0041\" : [ 1 , \"\\u00e9\" ] , \"id\":\"i\" }", KEEP,
                           "{\"id\":\"i\",\"x\\u0041\" : [ 1 , \"\\u00e9\" ]}");
    assert_mc_string(t.json_extra, "\"x\\u0041\" : [ 1 , \"\\u00e9\" ]");
    certification_task_clear(&t, NULL);
}

static void only_unknown_members_are_written_alone(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t, "{\"a\":1,\"b\":{\"c\":null}}", KEEP, NULL);
    assert_int_equal(t.has_id, MC_ABSENT);
    assert_mc_string(t.json_extra, "\"a\":1,\"b\":{\"c\":null}");
    certification_task_clear(&t, NULL);
}

static void member_names_are_compared_after_unescaping(void **state)
{
    certification_task t;
    (void)state;
    /* "\u0069d" is "id"; a different name that only looks similar is unknown. */
    assert_task_round_trip(&t, "{\"\\u0069d\":\"x\",\"ID\":\"y\",\"id \":\"z\"}", KEEP,
                           "{\"id\":\"x\",\"ID\":\"y\",\"id \":\"z\"}");
    assert_mc_string(t.id, "x");
    certification_task_clear(&t, NULL);
}

/* ---- date-times ---------------------------------------------------------- */

static void date_times_are_written_back_in_the_form_they_were_read(void **state)
{
    static const char *const forms[] = {
        "2020-09-24T18:10:47.693Z",
        "2020-09-24T18:10:47Z",
        "2020-09-24T18:10:47z",
        "2020-09-24T18:10:47.1Z",
        "2020-09-24T18:10:47.12Z",
        "2020-09-24T18:10:47.123Z",
        "2020-09-24T18:10:47.1234Z",
        "2020-09-24T18:10:47.12345Z",
        "2020-09-24T18:10:47.123456Z",
        "2020-09-24T18:10:47.1234567Z",
        "2020-09-24T18:10:47.12345678Z",
        "2020-09-24T18:10:47.123456789Z",
        "2020-09-24T18:10:47.000Z",
        "2020-09-24T18:10:47.0Z",
        "2020-09-24T18:10:47.100Z",
        "2020-09-24T23:40:47.693+05:30",
        "2020-09-24T06:10:47-12:00",
        "2020-09-25T17:09:47+23:59",
        "2020-09-23T18:11:47-23:59",
        "2020-09-24T18:10:47+00:00",
        "2020-09-24T18:10:47-00:00",
        "2020-09-24T18:10:47.5-00:00",
        "2020-09-24T18:10Z",
        "2020-09-24T18:10+02:00",
        "2020-09-24T18:10:47",
        "2020-09-24T18:10",
        "2020-02-29T00:00:00Z",
        "2000-02-29T12:00:00Z",
        "2016-12-31T23:59:60Z",
        "2016-12-31T23:59:60.5Z",
        "2017-01-01T00:59:60+01:00",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "1969-12-31T23:59:59.999Z",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char json[96];
        certification_task t;
        snprintf(json, sizeof json, "{\"created\":\"%s\"}", forms[i]);
        mt_task_round_trip_(&t, json, strlen(json), 0, NULL, __FILE__, __LINE__);
        certification_task_clear(&t, NULL);
    }
}

static void date_time_forms_that_are_normalised(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t, "{\"created\":\"2020-09-24t18:10:47Z\"}", 0, "{\"created\":\"2020-09-24T18:10:47Z\"}");
    certification_task_clear(&t, NULL);
    /* An escaped date-time is read after unescaping and written plain. */
    assert_task_round_trip(&t, "{\"created\":\"2020-09-24T18:10:47\\u002e5Z\"}", 0,
                           "{\"created\":\"2020-09-24T18:10:47.5Z\"}");
    certification_task_clear(&t, NULL);
}

static void date_times_store_the_utc_instant_and_the_written_offset(void **state)
{
    certification_task a, b;
    (void)state;
    task_decode_ok(&a, "{\"created\":\"2020-09-24T18:10:47.693Z\"}", 0);
    task_decode_ok(&b, "{\"created\":\"2020-09-24T23:40:47.693+05:30\"}", 0);
    assert_true(a.created.seconds == 1600971047);
    assert_true(b.created.seconds == 1600971047);
    assert_int_equal(b.created.nanos, 693000000);
    assert_int_equal(b.created.offset_minutes, 330);
    assert_int_equal(b.created.form, 3u | MC_DT_ZONE_OFFSET);
    /* Same instant, different text: not equal (equal compares the form too). */
    assert_false(certification_task_equal(&a, &b));
    certification_task_clear(&a, NULL);
    certification_task_clear(&b, NULL);

    task_decode_ok(&a, "{\"created\":\"2016-12-31T23:59:60Z\"}", 0);
    assert_true(a.created.seconds == 1483228799); /* :60 is stored as :59 ... */
    assert_int_equal(a.created.nanos, 1000000000); /* ... plus one second of nanos */
    certification_task_clear(&a, NULL);

    task_decode_ok(&a, "{\"created\":\"0001-01-01T00:00:00Z\"}", 0);
    assert_true(a.created.seconds == -62135596800LL);
    certification_task_clear(&a, NULL);
}

static void strict_date_time_option_requires_seconds_and_zone(void **state)
{
    static const char *const lenient[] = {"{\"created\":\"2020-09-24T18:10Z\"}",
                                          "{\"created\":\"2020-09-24T18:10:47\"}"};
    mc_decode_options strict = {NULL, 0, MC_DECODE_STRICT_DATETIME};
    size_t i;
    certification_task t;
    (void)state;
    for (i = 0; i < 2; i++) {
        mc_error err;
        assert_int_equal(certification_task_from_json(&t, lenient[i], strlen(lenient[i]), &strict, &err),
                         MC_ERR_DATETIME);
        assert_string_equal(err.pointer, "/created");
        assert_int_equal(err.offset, 11);
        assert_true(mt_task_is_init(&t));
    }
    assert_int_equal(certification_task_from_json(&t, SEED_JSON, strlen(SEED_JSON), &strict, NULL), MC_OK);
    certification_task_clear(&t, NULL);
}

/* ---- strings: Unicode and escapes ---------------------------------------- */

static void every_escape_decodes_to_its_character_and_minimal_escapes_are_written(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t,
                           "{\"id\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001F\\u001f\\u0020\\u007f"
                           "\\u00e9\\u00E9\\u20ac\\ud83d\\ude00\\uD83D\\uDE00\\uffff\"}",
                           0,
                           "{\"id\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\\u001f \x7f"
                           "\xc3\xa9\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xef\xbf\xbf\"}");
    assert_mc_string(t.id, "\"\\/\b\f\n\r\t\0\x01\x1f\x1f \x7f\xc3\xa9\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"
                           "\xf0\x9f\x98\x80\xef\xbf\xbf");
    certification_task_clear(&t, NULL);
}

static void every_control_character_is_written_escaped(void **state)
{
    static const char *const want[32] = {
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    };
    unsigned c;
    (void)state;
    for (c = 0; c < 32; c++) {
        certification_task t;
        char ch[2], expect[64];
        int k;
        ch[0] = (char)c;
        ch[1] = '\0';
        certification_task_init(&t);
        t.has_id = MC_PRESENT;
        t.id.data = ch;
        t.id.len = 1;
        k = snprintf(expect, sizeof expect, "{\"id\":\"%s\"}", want[c]);
        mt_task_encodes_to_(&t, 0, expect, (size_t)k, __FILE__, __LINE__);
    }
}

static void raw_utf8_of_every_length_is_kept_as_is(void **state)
{
    certification_task t;
    (void)state;
    /* 1-, 2-, 3- and 4-byte sequences, the edges of each range. */
    assert_task_round_trip(&t,
                           "{\"id\":\"\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf"
                           "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\xe2\x80\xa8\xef\xbb\xbf\"}",
                           0, NULL);
    assert_int_equal(t.id.len, 31);
    certification_task_clear(&t, NULL);
}

static void nul_characters_are_kept_inside_strings(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t, "{\"errors\":[{\"text\":\"a\\u0000b\\u0000\"}]}", 0, NULL);
    assert_int_equal(t.errors.items[0].text.len, 4);
    assert_mc_string(t.errors.items[0].text, "a\0b\0");
    certification_task_clear(&t, NULL);
}

static void empty_strings_and_empty_arrays_are_present(void **state)
{
    certification_task t;
    (void)state;
    assert_task_round_trip(&t, "{\"id\":\"\",\"targetId\":\"\",\"errors\":[],\"reassignmentTrailDTOs\":[]}", 0,
                           NULL);
    assert_int_equal(t.has_id, MC_PRESENT);
    assert_non_null(t.id.data);
    assert_int_equal(t.id.len, 0);
    assert_int_equal(t.has_errors, MC_PRESENT);
    assert_int_equal(t.errors.count, 0);
    assert_null(t.errors.items); /* nothing is allocated for an empty list */
    assert_int_equal(t.has_reassignment_trail_dtos, MC_PRESENT);
    assert_int_equal(t.reassignment_trail_dtos.count, 0);
    certification_task_clear(&t, NULL);
}

static void a_long_string_round_trips(void **state)
{
    enum { N = 100000 };
    char *json = (char *)malloc(N + 16);
    size_t i, n;
    certification_task t;
    (void)state;
    assert_non_null(json);
    n = (size_t)sprintf(json, "{\"id\":\"");
    for (i = 0; i < N; i++)
        json[n++] = (char)('a' + i % 26);
    n += (size_t)sprintf(json + n, "\"}");
    mt_task_round_trip_(&t, json, n, 0, NULL, __FILE__, __LINE__);
    assert_int_equal(t.id.len, N);
    certification_task_clear(&t, NULL);
    free(json);
}

/* ---- large documents ------------------------------------------------------ */

static void ten_thousand_errors_round_trip(void **state)
{
    enum { N = 10000 };
    mc_buf b;
    size_t i;
    certification_task t;
    (void)state;
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_buf_append(&b, "{\"id\":\"big\",\"errors\":[", 22), MC_OK);
    for (i = 0; i < N; i++) {
        char item[160];
        int k = snprintf(item, sizeof item, "%s{\"locale\":\"en-US\",\"localeOrigin\":\"%s\",\"text\":\"error %zu\"}",
                         i ? "," : "", i % 3 == 0 ? "DEFAULT" : i % 3 == 1 ? "REQUEST" : "OTHER", i);
        assert_int_equal(mc_buf_append(&b, item, (size_t)k), MC_OK);
    }
    assert_int_equal(mc_buf_append(&b, "],\"created\":\"2020-09-24T18:10:47.693Z\"}", 39), MC_OK);
    mt_task_round_trip_(&t, b.data, b.len, 0, NULL, __FILE__, __LINE__);
    assert_int_equal(t.errors.count, N);
    assert_mc_string(t.errors.items[0].text, "error 0");
    assert_mc_string(t.errors.items[N - 1].text, "error 9999");
    assert_int_equal(t.errors.items[N - 1].locale_origin, LOCALE_ORIGIN_DEFAULT);
    assert_int_equal(t.errors.items[N - 2].locale_origin, LOCALE_ORIGIN_UNKNOWN);
    assert_mc_string(t.errors.items[N - 2].locale_origin_unknown, "OTHER");
    certification_task_clear(&t, NULL);
    mc_buf_dispose(&b);
}

/* ---- array aliases and the other types' functions ------------------------ */

static void error_message_dto_list_decodes_and_encodes_a_top_level_array(void **state)
{
    static const char json[] = "[{\"locale\":\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"a\"},{},"
                               "{\"locale\":null,\"localeOrigin\":null,\"text\":\"b\"}]";
    error_message_dto_list l, c;
    char *out = NULL;
    size_t n = 0;
    (void)state;
    assert_int_equal(error_message_dto_list_from_json(&l, json, sizeof json - 1, NULL, NULL), MC_OK);
    assert_int_equal(l.count, 3);
    assert_mc_string(l.items[0].text, "a");
    assert_int_equal(l.items[2].has_locale_origin, MC_NULL);
    assert_int_equal(error_message_dto_list_to_json_string(&l, &out, &n, NULL), MC_OK);
    assert_string_equal(out, json);
    assert_int_equal(n, sizeof json - 1);
    free(out);
    assert_int_equal(error_message_dto_list_copy(&c, &l, NULL), MC_OK);
    assert_true(error_message_dto_list_equal(&c, &l));
    c.items[1].has_text = MC_NULL;
    assert_false(error_message_dto_list_equal(&c, &l));
    error_message_dto_list_clear(&c, NULL);
    error_message_dto_list_clear(&l, NULL);
    assert_null(l.items);
    assert_int_equal(l.count, 0);

    assert_int_equal(error_message_dto_list_from_json(&l, " [ ] ", 5, NULL, NULL), MC_OK);
    assert_int_equal(l.count, 0);
    assert_int_equal(error_message_dto_list_to_json_string(&l, &out, &n, NULL), MC_OK);
    assert_string_equal(out, "[]");
    free(out);
    error_message_dto_list_clear(&l, NULL);
}

static void error_message_dto_list_rejects_what_is_not_an_array_of_objects(void **state)
{
    error_message_dto_list l;
    mc_error err;
    (void)state;
    assert_int_equal(error_message_dto_list_from_json(&l, "{}", 2, NULL, &err), MC_ERR_TYPE);
    assert_string_equal(err.pointer, "");
    assert_int_equal(error_message_dto_list_from_json(&l, "null", 4, NULL, &err), MC_ERR_NULL);
    assert_int_equal(error_message_dto_list_from_json(&l, "[{},null]", 9, NULL, &err), MC_ERR_NULL);
    assert_string_equal(err.pointer, "/1");
    assert_int_equal(err.offset, 4);
    assert_int_equal(error_message_dto_list_from_json(&l, "[{},[]]", 7, NULL, &err), MC_ERR_TYPE);
    assert_string_equal(err.pointer, "/1");
    assert_null(l.items);
    assert_int_equal(l.count, 0);
}

static void reassignment_trail_dto_list_decodes_and_encodes_a_top_level_array(void **state)
{
    static const char json[] = "[{\"previousOwner\":\"a\",\"newOwner\":\"b\",\"reassignmentType\":\"MANUAL\"},"
                               "{\"newOwner\":\"c\",\"x\":1}]";
    static const char kept[] = "[{\"previousOwner\":\"a\",\"newOwner\":\"b\",\"reassignmentType\":\"MANUAL\"},"
                               "{\"newOwner\":\"c\",\"x\":1}]";
    static const char dropped[] = "[{\"previousOwner\":\"a\",\"newOwner\":\"b\",\"reassignmentType\":\"MANUAL\"},"
                                  "{\"newOwner\":\"c\"}]";
    mc_decode_options keep = {NULL, 0, KEEP};
    reassignment_trail_dto_list l, c;
    mc_buf b;
    (void)state;
    assert_int_equal(reassignment_trail_dto_list_from_json(&l, json, sizeof json - 1, NULL, NULL), MC_OK);
    assert_int_equal(l.count, 2);
    mc_buf_init(&b, NULL);
    assert_int_equal(reassignment_trail_dto_list_to_json(&l, &b, NULL), MC_OK);
    assert_string_equal(b.data, dropped);
    reassignment_trail_dto_list_clear(&l, NULL);
    b.len = 0;
    assert_int_equal(reassignment_trail_dto_list_from_json(&l, json, sizeof json - 1, &keep, NULL), MC_OK);
    assert_int_equal(reassignment_trail_dto_list_copy(&c, &l, NULL), MC_OK);
    assert_true(reassignment_trail_dto_list_equal(&c, &l));
    assert_int_equal(reassignment_trail_dto_list_to_json(&c, &b, NULL), MC_OK);
    assert_string_equal(b.data, kept);
    reassignment_trail_dto_list_clear(&c, NULL);
    reassignment_trail_dto_list_clear(&l, NULL);
    mc_buf_dispose(&b);
}

static void error_message_dto_and_reassignment_trail_dto_decode_alone(void **state)
{
    static const char ej[] = "{\"locale\":\"en-US\",\"localeOrigin\":\"REQUEST\",\"text\":\"x\"}";
    static const char rj[] = "{\"previousOwner\":\"a\",\"newOwner\":\"b\",\"reassignmentType\":\"c\"}";
    error_message_dto e, ec;
    reassignment_trail_dto r, rc_;
    char *out = NULL;
    (void)state;
    assert_int_equal(error_message_dto_from_json(&e, ej, sizeof ej - 1, NULL, NULL), MC_OK);
    assert_int_equal(e.locale_origin, LOCALE_ORIGIN_REQUEST);
    assert_int_equal(error_message_dto_to_json_string(&e, &out, NULL, NULL), MC_OK);
    assert_string_equal(out, ej);
    free(out);
    assert_int_equal(error_message_dto_copy(&ec, &e, NULL), MC_OK);
    assert_true(error_message_dto_equal(&ec, &e));
    error_message_dto_clear(&ec, NULL);
    error_message_dto_clear(&e, NULL);

    assert_int_equal(reassignment_trail_dto_from_json(&r, rj, sizeof rj - 1, NULL, NULL), MC_OK);
    assert_int_equal(reassignment_trail_dto_to_json_string(&r, &out, NULL, NULL), MC_OK);
    assert_string_equal(out, rj);
    free(out);
    assert_int_equal(reassignment_trail_dto_copy(&rc_, &r, NULL), MC_OK);
    assert_true(reassignment_trail_dto_equal(&rc_, &r));
    reassignment_trail_dto_clear(&r, NULL); /* the copy owns its own blocks */
    assert_int_equal(reassignment_trail_dto_to_json_string(&rc_, &out, NULL, NULL), MC_OK);
    assert_string_equal(out, rj);
    free(out);
    reassignment_trail_dto_clear(&rc_, NULL);
}

/* ---- copy, equal, clear --------------------------------------------------- */

static void copy_is_deep_and_equal(void **state)
{
    certification_task t, c;
    (void)state;
    task_decode_ok(&t, SEED_JSON, 0);
    assert_int_equal(certification_task_copy(&c, &t, NULL), MC_OK);
    assert_true(certification_task_equal(&c, &t));
    assert_true(c.id.data != t.id.data);
    assert_true(c.errors.items != t.errors.items);
    assert_true(c.errors.items[0].text.data != t.errors.items[0].text.data);
    certification_task_clear(&t, NULL); /* the copy survives its source */
    assert_task_encodes_to(&c, 0, SEED_JSON);
    certification_task_clear(&c, NULL);
}

static void copy_keeps_nulls_unknown_enum_text_and_json_extra(void **state)
{
    static const char json[] = "{\"type\":\"NEW\",\"errors\":[{\"locale\":null,\"localeOrigin\":\"X\",\"k\":1}],"
                               "\"q\":[]}";
    certification_task t, c;
    (void)state;
    task_decode_ok(&t, json, KEEP);
    assert_int_equal(certification_task_copy(&c, &t, NULL), MC_OK);
    assert_true(certification_task_equal(&c, &t));
    assert_task_encodes_to(&c, 0, "{\"type\":\"NEW\",\"errors\":[{\"locale\":null,\"localeOrigin\":\"X\",\"k\":1}],"
                                  "\"q\":[]}");
    certification_task_clear(&t, NULL);
    certification_task_clear(&c, NULL);
}

/* Each edit makes the copy differ from the seed in exactly one respect. */
static void equal_notices_every_single_difference(void **state)
{
    enum { EDITS = 14 };
    int k;
    (void)state;
    for (k = 0; k < EDITS; k++) {
        certification_task t, c;
        task_decode_ok(&t, SEED_JSON, KEEP);
        assert_int_equal(certification_task_copy(&c, &t, NULL), MC_OK);
        switch (k) {
        case 0: c.id.data[0] = 'X'; break;
        case 1: c.id.len--; break;
        case 2: c.has_target_id = MC_ABSENT; break;
        case 3: c.type = CERTIFICATION_TASK_TYPE_REASSIGN; break;
        case 4: c.status = CERTIFICATION_TASK_STATUS_ERROR; break;
        case 5: c.errors.count = 0; break;
        case 6: c.errors.items[0].has_locale = MC_NULL; break;
        case 7: c.errors.items[0].locale_origin = LOCALE_ORIGIN_REQUEST; break;
        case 8: c.reassignment_trail_dtos.items[0].new_owner.data[31] = '4'; break;
        case 9: c.created.nanos++; break;
        case 10: c.created.form = 4u | MC_DT_ZONE_Z; break; /* same instant, written with 4 digits */
        case 11: c.created.offset_minutes = 60; break;
        case 12: c.has_created = MC_NULL; break;
        case 13:
            assert_int_equal(mc_string_set(&c.json_extra, "\"x\":1", 5, NULL), MC_OK);
            break;
        }
        if (certification_task_equal(&c, &t) || certification_task_equal(&t, &c))
            mt_fail_at(__FILE__, __LINE__, "edit %d: equal() missed the difference", k);
        if (k == 1)
            c.id.len++;
        if (k == 5)
            c.errors.count = 1;
        certification_task_clear(&t, NULL);
        certification_task_clear(&c, NULL);
    }
}

static void equal_ignores_values_behind_absent_and_null_presence(void **state)
{
    certification_task a, b;
    (void)state;
    certification_task_init(&a);
    certification_task_init(&b);
    a.has_status = b.has_status = MC_NULL;
    a.status = CERTIFICATION_TASK_STATUS_ERROR; /* not looked at */
    a.created.seconds = 5;
    assert_true(certification_task_equal(&a, &b));
    b.has_status = MC_ABSENT;
    assert_false(certification_task_equal(&a, &b));
}

static void equal_tells_unknown_enum_texts_apart(void **state)
{
    certification_task a, b;
    (void)state;
    task_decode_ok(&a, "{\"type\":\"ONE\"}", 0);
    task_decode_ok(&b, "{\"type\":\"TWO\"}", 0);
    assert_false(certification_task_equal(&a, &b));
    certification_task_clear(&b, NULL);
    task_decode_ok(&b, "{\"type\":\"ONE\"}", 0);
    assert_true(certification_task_equal(&a, &b));
    certification_task_clear(&a, NULL);
    certification_task_clear(&b, NULL);
}

static void empty_string_is_not_equal_to_absent_string_data(void **state)
{
    certification_task a, b;
    (void)state;
    task_decode_ok(&a, "{\"id\":\"\"}", 0);
    certification_task_init(&b);
    b.has_id = MC_PRESENT; /* present, but {NULL, 0}: encodes as "" yet is a different value */
    assert_false(certification_task_equal(&a, &b));
    assert_task_encodes_to(&b, 0, "{\"id\":\"\"}");
    certification_task_clear(&a, NULL);
}

static void clear_frees_everything_and_can_be_repeated(void **state)
{
    certification_task t;
    mt_alloc c;
    mc_allocator a = mt_alloc_init(&c);
    mc_decode_options opt = {&a, 0, KEEP};
    (void)state;
    static const char json[] = "{\"type\":\"NEW\",\"errors\":[{\"locale\":\"x\",\"z\":1}],"
                               "\"reassignmentTrailDTOs\":[{\"newOwner\":\"n\"}],\"u\":0}";
    assert_int_equal(certification_task_from_json(&t, json, sizeof json - 1, &opt, NULL), MC_OK);
    assert_true(c.live > 0);
    certification_task_clear(&t, &a);
    assert_true(mt_task_is_init(&t));
    assert_no_leaks(&c);
    certification_task_clear(&t, &a);
    certification_task_clear(&t, NULL);
    assert_true(mt_task_is_init(&t));
    assert_no_leaks(&c);
}

static void copy_of_an_init_value_allocates_nothing(void **state)
{
    certification_task t, c;
    mt_alloc ac;
    mc_allocator a = mt_alloc_init(&ac);
    (void)state;
    certification_task_init(&t);
    assert_int_equal(certification_task_copy(&c, &t, &a), MC_OK);
    assert_true(mt_task_is_init(&c));
    assert_int_equal(ac.calls, 0);
}

/* ---- encoding into buffers and pretty printing ---------------------------- */

static void to_json_appends_to_what_the_buffer_holds(void **state)
{
    certification_task t;
    mc_buf b;
    (void)state;
    task_decode_ok(&t, "{\"id\":\"a\"}", 0);
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_buf_append(&b, "[", 1), MC_OK);
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_OK);
    assert_int_equal(mc_buf_append(&b, ",", 1), MC_OK);
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_OK);
    assert_string_equal(b.data, "[{\"id\":\"a\"},{\"id\":\"a\"}");
    assert_int_equal(b.len, 22);
    /* a failed encode leaves the buffer as it was */
    t.has_type = MC_PRESENT;
    t.type = (certification_task_type)99;
    assert_int_equal(certification_task_to_json(&t, &b, NULL), MC_ERR_INVALID_ARG);
    assert_int_equal(b.len, 22);
    assert_string_equal(b.data, "[{\"id\":\"a\"},{\"id\":\"a\"}");
    certification_task_clear(&t, NULL);
    mc_buf_dispose(&b);
}

static void pretty_printing_indents_by_two_spaces(void **state)
{
    certification_task t;
    (void)state;
    task_decode_ok(&t, SEED_JSON, 0);
    assert_task_encodes_to(&t, MC_ENCODE_PRETTY,
                           "{\n"
                           "  \"id\": \"2c918086719eec070171a7e3355a360a\",\n"
                           "  \"type\": \"ADMIN_REASSIGN\",\n"
                           "  \"targetType\": \"CAMPAIGN\",\n"
                           "  \"targetId\": \"2c918086719eec070171a7e3355a834c\",\n"
                           "  \"status\": \"QUEUED\",\n"
                           "  \"errors\": [\n"
                           "    {\n"
                           "      \"locale\": \"en-US\",\n"
                           "      \"localeOrigin\": \"DEFAULT\",\n"
                           "      \"text\": \"Error Message\"\n"
                           "    }\n"
                           "  ],\n"
                           "  \"reassignmentTrailDTOs\": [\n"
                           "    {\n"
                           "      \"previousOwner\": \"ef38f94347e94562b5bb8424a56397d8\",\n"
                           "      \"newOwner\": \"ef38f94347e94562b5bb8424a56397a3\",\n"
                           "      \"reassignmentType\": \"AUTOMATIC_REASSIGNMENT\"\n"
                           "    }\n"
                           "  ],\n"
                           "  \"created\": \"2020-09-24T18:10:47.693Z\"\n"
                           "}");
    certification_task_clear(&t, NULL);
}

static void pretty_printing_of_empty_values_nulls_and_kept_members(void **state)
{
    certification_task t;
    (void)state;
    task_decode_ok(&t, "{\"errors\":[{},{\"locale\":null}],\"reassignmentTrailDTOs\":[],\"k\":[1, 2],\"m\":{}}",
                   KEEP);
    assert_task_encodes_to(&t, MC_ENCODE_PRETTY,
                           "{\n"
                           "  \"errors\": [\n"
                           "    {},\n"
                           "    {\n"
                           "      \"locale\": null\n"
                           "    }\n"
                           "  ],\n"
                           "  \"reassignmentTrailDTOs\": [],\n"
                           "  \"k\":[1, 2],\"m\":{}\n" /* json_extra is copied as is */
                           "}");
    certification_task_clear(&t, NULL);
}

static void pretty_output_decodes_to_an_equal_value(void **state)
{
    certification_task t, back;
    size_t n;
    char *pretty;
    (void)state;
    task_decode_ok(&t, SEED_JSON, 0);
    pretty = mt_task_encode(&t, MC_ENCODE_PRETTY, &n, __FILE__, __LINE__);
    mt_task_decode_ok_(&back, pretty, n, 0, __FILE__, __LINE__);
    assert_true(certification_task_equal(&t, &back));
    assert_task_encodes_to(&back, 0, SEED_JSON);
    free(pretty);
    certification_task_clear(&t, NULL);
    certification_task_clear(&back, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_example_decodes_to_its_values_and_round_trips_byte_for_byte),
        cmocka_unit_test(seed_example_decodes_from_a_buffer_that_is_not_nul_terminated),
        cmocka_unit_test(only_the_given_length_is_read),
        cmocka_unit_test(empty_object_has_every_member_absent_and_encodes_as_empty_object),
        cmocka_unit_test(an_init_value_encodes_as_empty_object),
        cmocka_unit_test(each_member_alone_round_trips),
        cmocka_unit_test(nullable_members_distinguish_absent_null_and_value),
        cmocka_unit_test(members_in_any_order_are_written_in_schema_order),
        cmocka_unit_test(whitespace_between_tokens_is_accepted_and_not_written),
        cmocka_unit_test(a_value_built_by_hand_encodes_to_the_expected_text),
        cmocka_unit_test(every_enum_member_decodes_to_its_number_and_encodes_to_its_text),
        cmocka_unit_test(typed_enum_helpers_map_text_and_numbers_both_ways),
        cmocka_unit_test(unknown_enum_text_is_kept_and_written_back),
        cmocka_unit_test(enum_text_differing_only_in_case_is_unknown),
        cmocka_unit_test(escaped_enum_text_is_matched_after_unescaping),
        cmocka_unit_test(strict_enums_option_rejects_unknown_text),
        cmocka_unit_test(encoding_an_enum_number_that_is_not_a_member_fails),
        cmocka_unit_test(unknown_members_are_skipped_by_default),
        cmocka_unit_test(keep_unknown_stores_raw_members_in_json_extra_and_writes_them_last),
        cmocka_unit_test(kept_unknown_members_keep_their_exact_text),
        cmocka_unit_test(only_unknown_members_are_written_alone),
        cmocka_unit_test(member_names_are_compared_after_unescaping),
        cmocka_unit_test(date_times_are_written_back_in_the_form_they_were_read),
        cmocka_unit_test(date_time_forms_that_are_normalised),
        cmocka_unit_test(date_times_store_the_utc_instant_and_the_written_offset),
        cmocka_unit_test(strict_date_time_option_requires_seconds_and_zone),
        cmocka_unit_test(every_escape_decodes_to_its_character_and_minimal_escapes_are_written),
        cmocka_unit_test(every_control_character_is_written_escaped),
        cmocka_unit_test(raw_utf8_of_every_length_is_kept_as_is),
        cmocka_unit_test(nul_characters_are_kept_inside_strings),
        cmocka_unit_test(empty_strings_and_empty_arrays_are_present),
        cmocka_unit_test(a_long_string_round_trips),
        cmocka_unit_test(ten_thousand_errors_round_trip),
        cmocka_unit_test(error_message_dto_list_decodes_and_encodes_a_top_level_array),
        cmocka_unit_test(error_message_dto_list_rejects_what_is_not_an_array_of_objects),
        cmocka_unit_test(reassignment_trail_dto_list_decodes_and_encodes_a_top_level_array),
        cmocka_unit_test(error_message_dto_and_reassignment_trail_dto_decode_alone),
        cmocka_unit_test(copy_is_deep_and_equal),
        cmocka_unit_test(copy_keeps_nulls_unknown_enum_text_and_json_extra),
        cmocka_unit_test(equal_notices_every_single_difference),
        cmocka_unit_test(equal_ignores_values_behind_absent_and_null_presence),
        cmocka_unit_test(equal_tells_unknown_enum_texts_apart),
        cmocka_unit_test(empty_string_is_not_equal_to_absent_string_data),
        cmocka_unit_test(clear_frees_everything_and_can_be_repeated),
        cmocka_unit_test(copy_of_an_init_value_allocates_nothing),
        cmocka_unit_test(to_json_appends_to_what_the_buffer_holds),
        cmocka_unit_test(pretty_printing_indents_by_two_spaces),
        cmocka_unit_test(pretty_printing_of_empty_values_nulls_and_kept_members),
        cmocka_unit_test(pretty_output_decodes_to_an_equal_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
