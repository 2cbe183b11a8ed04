/*
 * enum_upgrade.c - old and new models of CertificationTask in one program
 * (built by enum_upgrade.sh).
 *
 * v1/ is generated from schema/ as it is, v2/ from a copy that appends a
 * `type` value (CAMPAIGN_ARCHIVE) and a `status` value (CANCELLED).  Proves
 * that appending enum values is safe across versions:
 *   - data written by v2 with the new values is read by v1: the values
 *     arrive as V1_..._UNKNOWN with their text kept, and v1 writes the data
 *     back byte for byte;
 *   - data written by v1 is read by v2 and written back byte for byte;
 *   - every member that exists in both has the same numeric value and the
 *     same wire text in both.
 * Prints one "ok:" line per check; exits 1 at the first failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/check.h"

#include "v1/v1_models.h"
#include "v2/v2_models.h"

static int failures;

static const char SEED[] =
    "{\"id\":\"2c918086719eec070171a7e3355a360a\",\"type\":\"ADMIN_REASSIGN\","
    "\"targetType\":\"CAMPAIGN\",\"targetId\":\"2c918086719eec070171a7e3355a834c\","
    "\"status\":\"QUEUED\",\"errors\":[{\"locale\":\"en-US\",\"localeOrigin\":\"DEFAULT\","
    "\"text\":\"Error Message\"}],\"reassignmentTrailDTOs\":[{\"previousOwner\":"
    "\"ef38f94347e94562b5bb8424a56397d8\",\"newOwner\":\"ef38f94347e94562b5bb8424a56397a3\","
    "\"reassignmentType\":\"AUTOMATIC_REASSIGNMENT\"}],\"created\":\"2020-09-24T18:10:47.693Z\"}";

static void ok(const char *what)
{
    printf("ok: %s\n", what);
}

/* Same count prefix, same wire strings, same order (= same numeric values). */
static void same_members(const v1_enum_desc *d1, const v2_enum_desc *d2, size_t added)
{
    char what[160];
    snprintf(what, sizeof what, "%s: v2 has %zu more member(s) than v1", d1->name, added);
    CHECK(d2->count == d1->count + added, what);
    for (size_t i = 0; i < d1->count; i++) {
        snprintf(what, sizeof what, "%s member %zu: same wire text in v1 and v2", d1->name, i);
        CHECK(d1->values[i].wire_len == d2->values[i].wire_len &&
                  memcmp(d1->values[i].wire, d2->values[i].wire, d1->values[i].wire_len) == 0,
              what);
    }
    CHECK(d1->has_null == d2->has_null, "same null-ness");
    snprintf(what, sizeof what, "%s: the %zu existing members keep their numbers and texts",
             d1->name, d1->count);
    ok(what);
}

static void new_data_read_by_old(void)
{
    /* v2 writes a task with the new values. */
    v2_certification_task t2;
    v2_certification_task_init(&t2);
    CHECK(v2_certification_task_from_json(&t2, SEED, strlen(SEED), NULL, NULL) == V2_OK,
          "v2 decodes the seed");
    t2.type = V2_CERTIFICATION_TASK_TYPE_CAMPAIGN_ARCHIVE;
    t2.status = V2_CERTIFICATION_TASK_STATUS_CANCELLED;
    char *json2 = NULL;
    size_t len2 = 0;
    CHECK(v2_certification_task_to_json_string(&t2, &json2, &len2, NULL) == V2_OK, "v2 encodes");
    CHECK(strstr(json2, "\"type\":\"CAMPAIGN_ARCHIVE\"") != NULL, "v2 writes CAMPAIGN_ARCHIVE");
    CHECK(strstr(json2, "\"status\":\"CANCELLED\"") != NULL, "v2 writes CANCELLED");
    ok("v2 writes type CAMPAIGN_ARCHIVE and status CANCELLED");

    /* v1 reads it: unknown members with their text kept. */
    v1_certification_task t1;
    v1_certification_task_init(&t1);
    v1_error err;
    CHECK(v1_certification_task_from_json(&t1, json2, len2, NULL, &err) == V1_OK,
          "v1 decodes what v2 wrote");
    CHECK(t1.has_type == V1_PRESENT && t1.type == V1_CERTIFICATION_TASK_TYPE_UNKNOWN,
          "v1 reads the new type as V1_CERTIFICATION_TASK_TYPE_UNKNOWN");
    CHECK(t1.type_unknown.data != NULL && t1.type_unknown.len == strlen("CAMPAIGN_ARCHIVE") &&
              strcmp(t1.type_unknown.data, "CAMPAIGN_ARCHIVE") == 0,
          "v1 keeps the text CAMPAIGN_ARCHIVE in type_unknown");
    CHECK(t1.has_status == V1_PRESENT && t1.status == V1_CERTIFICATION_TASK_STATUS_UNKNOWN,
          "v1 reads the new status as V1_CERTIFICATION_TASK_STATUS_UNKNOWN");
    CHECK(t1.status_unknown.data != NULL && strcmp(t1.status_unknown.data, "CANCELLED") == 0,
          "v1 keeps the text CANCELLED in status_unknown");
    CHECK(t1.target_type == V1_CERTIFICATION_TASK_TARGET_TYPE_CAMPAIGN, "v1 reads targetType");
    CHECK(v1_certification_task_type_to_string(t1.type) == NULL, "UNKNOWN has no wire text");
    ok("v1 reads the new values as ..._UNKNOWN with their text in type_unknown/status_unknown");

    char *json1 = NULL;
    size_t len1 = 0;
    CHECK(v1_certification_task_to_json_string(&t1, &json1, &len1, NULL) == V1_OK, "v1 encodes");
    if (len1 != len2 || memcmp(json1, json2, len1) != 0)
        fprintf(stderr, "v2 wrote: %s\nv1 wrote: %s\n", json2, json1);
    CHECK(len1 == len2 && memcmp(json1, json2, len1) == 0,
          "v1 writes the v2 data back byte for byte");
    ok("v1 writes the v2 data back unchanged, byte for byte");

    /* And v2 reads v1's copy as members again. */
    v2_certification_task back;
    v2_certification_task_init(&back);
    CHECK(v2_certification_task_from_json(&back, json1, len1, NULL, NULL) == V2_OK,
          "v2 decodes v1's copy");
    CHECK(back.type == V2_CERTIFICATION_TASK_TYPE_CAMPAIGN_ARCHIVE &&
              back.status == V2_CERTIFICATION_TASK_STATUS_CANCELLED,
          "v2 reads v1's copy as members");
    CHECK(v2_certification_task_equal(&back, &t2), "v2 gets back what it wrote");
    ok("v2 reads v1's copy back as CAMPAIGN_ARCHIVE/CANCELLED, equal to the original");

    /* Strict decoding in v1 rejects the new value instead. */
    v1_decode_options strict;
    memset(&strict, 0, sizeof strict);
    strict.flags = V1_DECODE_STRICT_ENUMS;
    v1_certification_task s1;
    v1_certification_task_init(&s1);
    CHECK(v1_certification_task_from_json(&s1, json2, len2, &strict, &err) != V1_OK,
          "v1 with V1_DECODE_STRICT_ENUMS rejects the new value");
    v1_certification_task_clear(&s1, NULL);
    ok("v1 with V1_DECODE_STRICT_ENUMS rejects it");

    v2_certification_task_clear(&back, NULL);
    v1_certification_task_clear(&t1, NULL);
    v2_certification_task_clear(&t2, NULL);
    free(json1);
    free(json2);
}

static void old_data_read_by_new(void)
{
    v1_certification_task t1;
    v1_certification_task_init(&t1);
    CHECK(v1_certification_task_from_json(&t1, SEED, strlen(SEED), NULL, NULL) == V1_OK,
          "v1 decodes the seed");
    char *json1 = NULL;
    size_t len1 = 0;
    CHECK(v1_certification_task_to_json_string(&t1, &json1, &len1, NULL) == V1_OK, "v1 encodes");
    CHECK(len1 == strlen(SEED) && memcmp(json1, SEED, len1) == 0, "v1 round-trips the seed");

    v2_certification_task t2;
    v2_certification_task_init(&t2);
    CHECK(v2_certification_task_from_json(&t2, json1, len1, NULL, NULL) == V2_OK,
          "v2 decodes what v1 wrote");
    CHECK(t2.type == V2_CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN, "v2 reads ADMIN_REASSIGN");
    CHECK(t2.status == V2_CERTIFICATION_TASK_STATUS_QUEUED, "v2 reads QUEUED");
    CHECK((int)t2.type == (int)t1.type && (int)t2.status == (int)t1.status &&
              (int)t2.target_type == (int)t1.target_type,
          "v1 and v2 hold the same numbers for the same data");
    CHECK(t2.errors.count == 1 && t2.errors.items[0].locale_origin == V2_LOCALE_ORIGIN_DEFAULT,
          "v2 reads the nested LocaleOrigin");
    char *json2 = NULL;
    size_t len2 = 0;
    CHECK(v2_certification_task_to_json_string(&t2, &json2, &len2, NULL) == V2_OK, "v2 encodes");
    CHECK(len2 == len1 && memcmp(json1, json2, len1) == 0,
          "v2 writes v1's data back byte for byte");
    ok("v1 data (the seed) is read by v2 with the same numbers and written back byte for byte");
    v1_certification_task_clear(&t1, NULL);
    v2_certification_task_clear(&t2, NULL);
    free(json1);
    free(json2);
}

static void same_numbers(void)
{
#define SAME(a, b) CHECK((int)V1_##a == (int)V2_##b, #a " has the same value in v1 and v2")
    SAME(CERTIFICATION_TASK_TYPE_UNKNOWN, CERTIFICATION_TASK_TYPE_UNKNOWN);
    SAME(CERTIFICATION_TASK_TYPE_REASSIGN, CERTIFICATION_TASK_TYPE_REASSIGN);
    SAME(CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN, CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN);
    SAME(CERTIFICATION_TASK_TYPE_COMPLETE_CERTIFICATION, CERTIFICATION_TASK_TYPE_COMPLETE_CERTIFICATION);
    SAME(CERTIFICATION_TASK_TYPE_FINISH_CERTIFICATION, CERTIFICATION_TASK_TYPE_FINISH_CERTIFICATION);
    SAME(CERTIFICATION_TASK_TYPE_COMPLETE_CAMPAIGN, CERTIFICATION_TASK_TYPE_COMPLETE_CAMPAIGN);
    SAME(CERTIFICATION_TASK_TYPE_ACTIVATE_CAMPAIGN, CERTIFICATION_TASK_TYPE_ACTIVATE_CAMPAIGN);
    SAME(CERTIFICATION_TASK_TYPE_CAMPAIGN_CREATE, CERTIFICATION_TASK_TYPE_CAMPAIGN_CREATE);
    SAME(CERTIFICATION_TASK_TYPE_CAMPAIGN_DELETE, CERTIFICATION_TASK_TYPE_CAMPAIGN_DELETE);
    SAME(CERTIFICATION_TASK_TARGET_TYPE_CERTIFICATION, CERTIFICATION_TASK_TARGET_TYPE_CERTIFICATION);
    SAME(CERTIFICATION_TASK_TARGET_TYPE_CAMPAIGN, CERTIFICATION_TASK_TARGET_TYPE_CAMPAIGN);
    SAME(CERTIFICATION_TASK_STATUS_QUEUED, CERTIFICATION_TASK_STATUS_QUEUED);
    SAME(CERTIFICATION_TASK_STATUS_IN_PROGRESS, CERTIFICATION_TASK_STATUS_IN_PROGRESS);
    SAME(CERTIFICATION_TASK_STATUS_SUCCESS, CERTIFICATION_TASK_STATUS_SUCCESS);
    SAME(CERTIFICATION_TASK_STATUS_ERROR, CERTIFICATION_TASK_STATUS_ERROR);
    SAME(LOCALE_ORIGIN_DEFAULT, LOCALE_ORIGIN_DEFAULT);
    SAME(LOCALE_ORIGIN_REQUEST, LOCALE_ORIGIN_REQUEST);
#undef SAME
    CHECK((int)V2_CERTIFICATION_TASK_TYPE_CAMPAIGN_ARCHIVE == 8, "the new type member is appended (8)");
    CHECK((int)V2_CERTIFICATION_TASK_STATUS_CANCELLED == 4, "the new status member is appended (4)");
    ok("every member of v1 has the same numeric value in v2; new members come last");

    same_members(&v1_certification_task_type_desc, &v2_certification_task_type_desc, 1);
    same_members(&v1_certification_task_status_desc, &v2_certification_task_status_desc, 1);
    same_members(&v1_certification_task_target_type_desc, &v2_certification_task_target_type_desc, 0);
    same_members(&v1_locale_origin_desc, &v2_locale_origin_desc, 0);
}

int main(void)
{
    same_numbers();
    new_data_read_by_old();
    old_data_read_by_new();
    return failures ? 1 : 0;
}
