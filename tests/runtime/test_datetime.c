/*
 * test_datetime.c - RFC 3339 date-time and full-date: exact round trips of
 * every accepted form (offsets, 0-9 fraction digits, leap days, leap seconds,
 * the lenient forms servers send), the instants they denote, invalid dates and
 * times, strict mode, formatting that never drops information, and the
 * time_t / timespec helpers.
 */
#include "test_util.h"

static void parse_ok(const char *s, mc_datetime *dt, unsigned flags)
{
    int rc = mc_datetime_parse(dt, s, strlen(s), flags);
    if (rc != MC_OK)
        fail_msg("%s: %s", s, mc_status_text(rc));
}

static void test_forms_round_trip_exactly(void **state)
{
    static const char *const forms[] = {
        "2020-09-24T18:10:47.693Z",
        "2020-09-24T18:10:47Z",
        "2020-09-24T18:10:47.1Z",
        "2020-09-24T18:10:47.12Z",
        "2020-09-24T18:10:47.120Z", /* trailing zeros are kept */
        "2020-09-24T18:10:47.1234Z",
        "2020-09-24T18:10:47.12345Z",
        "2020-09-24T18:10:47.123456Z",
        "2020-09-24T18:10:47.1234567Z",
        "2020-09-24T18:10:47.12345678Z",
        "2020-09-24T18:10:47.123456789Z",
        "2020-09-24T18:10:47.000000000Z",
        "2020-09-24T18:10:47z",
        "2020-09-24T18:10:47+05:30",
        "2020-09-24T18:10:47-08:00",
        "2020-09-24T18:10:47+00:00",
        "2020-09-24T18:10:47-00:00",
        "2020-09-24T00:00:00+23:59",
        "2020-09-24T23:59:59-23:59",
        "2020-09-24T18:10Z",        /* lenient: no seconds */
        "2020-09-24T18:10:47",      /* lenient: no zone */
        "2020-09-24T18:10:47.5",
        "2020-09-24T18:10",         /* lenient: both */
        "2020-09-24T18:10+02:00",
        "2000-02-29T12:00:00Z",     /* leap day, divisible by 400 */
        "2024-02-29T12:00:00Z",
        "2016-12-31T23:59:60Z",     /* leap second */
        "2016-12-31T18:59:60.5-05:00",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "1969-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        mc_datetime dt;
        char buf[MC_DATETIME_MAX], json[96];
        certification_task t;
        size_t n;
        parse_ok(forms[i], &dt, 0);
        n = mc_datetime_format(&dt, buf, sizeof buf);
        assert_int_equal(n, strlen(forms[i]));
        assert_string_equal(buf, forms[i]);
        snprintf(json, sizeof json, "{\"created\":\"%s\"}", forms[i]);
        check_roundtrip(&certification_task_desc, &t, json, NULL, 0);
        certification_task_clear(&t, NULL);
    }
}

static void test_instants(void **state)
{
    mc_datetime dt, other;
    (void)state;
    parse_ok("2020-09-24T18:10:47.693Z", &dt, 0);
    assert_int_equal(dt.seconds, 1600971047);
    assert_int_equal(dt.nanos, 693000000);
    assert_int_equal(dt.offset_minutes, 0);
    assert_int_equal(dt.form, 3 | MC_DT_ZONE_Z);
    parse_ok("2020-09-24T20:40:47.693+02:30", &other, 0);
    assert_int_equal(other.seconds, dt.seconds);
    assert_int_equal(other.offset_minutes, 150);
    assert_int_equal(other.form, 3 | MC_DT_ZONE_OFFSET);
    parse_ok("1970-01-01T00:00:00Z", &dt, 0);
    assert_int_equal(dt.seconds, 0);
    parse_ok("1969-12-31T23:59:59.5Z", &dt, 0);
    assert_int_equal(dt.seconds, -1);
    assert_int_equal(dt.nanos, 500000000);
    parse_ok("0000-01-01T00:00:00Z", &dt, 0);
    assert_int_equal(dt.seconds, -62167219200LL);
    parse_ok("9999-12-31T23:59:59Z", &dt, 0);
    assert_int_equal(dt.seconds, 253402300799LL);
    parse_ok("2020-09-24T18:10Z", &dt, 0);
    assert_int_equal(dt.seconds, 1600971000);
    assert_int_equal(dt.form, MC_DT_NO_SECONDS | MC_DT_ZONE_Z);
    parse_ok("2020-09-24T18:10:47", &dt, 0);
    assert_int_equal(dt.seconds, 1600971047); /* no zone: read as UTC */
    assert_int_equal(dt.form, MC_DT_ZONE_NONE);
    parse_ok("2020-09-24T18:10:47-00:00", &dt, 0);
    assert_int_equal(dt.form, MC_DT_ZONE_OFFSET | MC_DT_NEG_ZERO);
    /* leap second: :59 plus a second's worth of nanos */
    parse_ok("2016-12-31T23:59:60.25Z", &dt, 0);
    assert_int_equal(dt.seconds, 1483228799);
    assert_int_equal(dt.nanos, 1250000000);
    /* lower-case t is accepted and written back as T */
    parse_ok("2020-09-24t18:10:47Z", &dt, 0);
    assert_int_equal(dt.seconds, 1600971047);
}

static void test_invalid_date_times(void **state)
{
    static const char *const bad[] = {
        "",
        "2020-09-24",
        "2020-09-24T",
        "2020-09-24T18",
        "2020-09-24T18:1",
        "2020-13-01T00:00:00Z",
        "2020-00-01T00:00:00Z",
        "2020-01-00T00:00:00Z",
        "2020-01-32T00:00:00Z",
        "2020-04-31T00:00:00Z",
        "2019-02-29T00:00:00Z", /* not a leap year */
        "1900-02-29T00:00:00Z", /* divisible by 100 */
        "2100-02-29T00:00:00Z",
        "2020-02-30T00:00:00Z",
        "2020-09-24T24:00:00Z",
        "2020-09-24T23:60:00Z",
        "2020-09-24T23:59:61Z",
        "2020-09-24T12:00:60Z", /* leap second not at 23:59 UTC */
        "2016-12-31T23:59:60+01:00",
        "2020-09-24T18:10:47.Z",
        "2020-09-24T18:10:47.1234567890Z", /* 10 digits */
        "2020-09-24T18:10:47+24:00",
        "2020-09-24T18:10:47+05:60",
        "2020-09-24T18:10:47+0530",
        "2020-09-24T18:10:47+05",
        "2020-09-24T18:10:47ZZ",
        "2020-09-24T18:10:47Z ",
        "2020-09-24 18:10:47Z", /* space separator */
        "2020-09-24X18:10:47Z",
        "2020/09/24T18:10:47Z",
        "20-09-24T18:10:47Z",
        "+2020-09-24T18:10:47Z",
        "2020-9-24T18:10:47Z",
        "2020-09-24T8:10:47Z",
        "2020-09-24T18:10:4Z",
        "2020-09-24T18:10:47GMT",
        "2020-09-24T18:10:47 Z",
        "２020-09-24T18:10:47Z",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mc_datetime dt;
        char json[96];
        certification_task t;
        mc_error err;
        int rc;
        if (mc_datetime_parse(&dt, bad[i], strlen(bad[i]), 0) != MC_ERR_DATETIME)
            fail_msg("accepted %s", bad[i]);
        assert_int_equal(dt.seconds, 0);
        snprintf(json, sizeof json, "{\"created\":\"%s\"}", bad[i]);
        rc = certification_task_from_json(&t, json, strlen(json), NULL, &err);
        assert_int_equal(rc, MC_ERR_DATETIME);
        assert_string_equal(err.pointer, "/created");
        assert_int_equal(err.offset, 11);
    }
}

static void test_strict_rejects_lenient_forms(void **state)
{
    static const char *const lenient[] = {"2020-09-24T18:10Z", "2020-09-24T18:10:47", "2020-09-24T18:10",
                                          "2020-09-24T18:10+01:00"};
    size_t i;
    mc_datetime dt;
    mc_decode_options strict = {NULL, 0, MC_DECODE_STRICT_DATETIME};
    (void)state;
    for (i = 0; i < sizeof lenient / sizeof lenient[0]; i++) {
        char json[96];
        certification_task t;
        assert_int_equal(mc_datetime_parse(&dt, lenient[i], strlen(lenient[i]), MC_DATETIME_STRICT), MC_ERR_DATETIME);
        snprintf(json, sizeof json, "{\"created\":\"%s\"}", lenient[i]);
        assert_int_equal(certification_task_from_json(&t, json, strlen(json), &strict, NULL), MC_ERR_DATETIME);
        assert_int_equal(certification_task_from_json(&t, json, strlen(json), NULL, NULL), MC_OK);
        certification_task_clear(&t, NULL);
    }
    parse_ok("2020-09-24T18:10:47.693Z", &dt, MC_DATETIME_STRICT);
    parse_ok("2020-09-24T18:10:47-00:00", &dt, MC_DATETIME_STRICT);
}

static void test_escaped_date_time_text(void **state)
{
    certification_task t;
    (void)state;
    check_roundtrip(&certification_task_desc, &t, "{\"created\":\"2020-09-24\\u005418:10:47Z\"}",
                    "{\"created\":\"2020-09-24T18:10:47Z\"}", 0);
    certification_task_clear(&t, NULL);
}

static void test_format_never_drops_information(void **state)
{
    mc_datetime dt;
    char buf[MC_DATETIME_MAX];
    (void)state;
    parse_ok("2020-09-24T18:10Z", &dt, 0);
    dt.seconds += 7;
    dt.nanos = 5000;
    assert_int_equal(mc_datetime_format(&dt, buf, sizeof buf), 27);
    assert_string_equal(buf, "2020-09-24T18:10:07.000005Z");
    parse_ok("2020-09-24T18:10:47", &dt, 0);
    dt.offset_minutes = -90;
    assert_true(mc_datetime_format(&dt, buf, sizeof buf) > 0);
    assert_string_equal(buf, "2020-09-24T16:40:47-01:30");
    /* out of range values are refused, not truncated */
    dt.nanos = -1;
    assert_int_equal(mc_datetime_format(&dt, buf, sizeof buf), 0);
    dt.nanos = 0;
    dt.offset_minutes = 0;
    dt.seconds = 253402300800LL; /* year 10000 */
    assert_int_equal(mc_datetime_format(&dt, buf, sizeof buf), 0);
    dt.seconds = 0;
    assert_int_equal(mc_datetime_format(&dt, buf, 10), 0); /* too small a buffer */
}

static void test_time_t_and_timespec(void **state)
{
    mc_datetime dt;
    time_t t;
    char buf[MC_DATETIME_MAX];
    (void)state;
    assert_int_equal(mc_datetime_from_time_t(&dt, (time_t)1600971047), MC_OK);
    assert_true(mc_datetime_format(&dt, buf, sizeof buf) > 0);
    assert_string_equal(buf, "2020-09-24T18:10:47Z");
    assert_int_equal(mc_datetime_to_time_t(&dt, &t), MC_OK);
    assert_int_equal((long long)t, 1600971047LL);
    parse_ok("1969-12-31T23:59:59.75Z", &dt, 0);
    assert_int_equal(mc_datetime_to_time_t(&dt, &t), MC_OK);
    assert_int_equal((long long)t, -1LL);
#if MC_HAVE_TIMESPEC
    {
        struct timespec ts;
        parse_ok("2016-12-31T23:59:60.5Z", &dt, 0);
        assert_int_equal(mc_datetime_to_timespec(&dt, &ts), MC_OK);
        assert_int_equal((long long)ts.tv_sec, 1483228799LL);
        assert_int_equal(ts.tv_nsec, 999999999);
        ts.tv_sec = 1600971047;
        ts.tv_nsec = 693000000;
        assert_int_equal(mc_datetime_from_timespec(&dt, &ts), MC_OK);
        assert_true(mc_datetime_format(&dt, buf, sizeof buf) > 0);
        assert_string_equal(buf, "2020-09-24T18:10:47.693000000Z");
        ts.tv_nsec = 1000000000;
        assert_int_equal(mc_datetime_from_timespec(&dt, &ts), MC_ERR_RANGE);
    }
#endif
}

static void test_full_date(void **state)
{
    static const char *const good[] = {"2020-09-24", "2000-02-29", "0000-01-01", "9999-12-31"};
    static const char *const bad[] = {"2019-02-29", "2020-13-01", "2020-1-01", "2020-01-01T", "20200101", ""};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        mc_date d;
        char buf[MC_DATE_MAX];
        assert_int_equal(mc_date_parse(&d, good[i], strlen(good[i])), MC_OK);
        assert_int_equal(mc_date_format(&d, buf, sizeof buf), 10);
        assert_string_equal(buf, good[i]);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mc_date d;
        assert_int_equal(mc_date_parse(&d, bad[i], strlen(bad[i])), MC_ERR_DATETIME);
    }
}

/* Every byte value at every position of the date and hh:mm, against a
 * byte-by-byte reading of the grammar (the parser reads these 16 bytes as two
 * words when it can). */
static void test_every_byte_in_date_and_minutes(void **state)
{
    static const char base[] = "2020-02-29T18:10:47Z";
    size_t pos;
    unsigned c;
    (void)state;
    for (pos = 0; pos < 16; pos++) {
        for (c = 0; c < 256; c++) {
            char s[sizeof base];
            mc_datetime dt;
            mc_date day;
            bool want;
            memcpy(s, base, sizeof base);
            s[pos] = (char)c;
            want = mc_date_parse(&day, s, 10) == MC_OK && (s[10] == 'T' || s[10] == 't') && s[13] == ':';
            if (want) {
                int i;
                static const int dig[4] = {11, 12, 14, 15};
                for (i = 0; i < 4; i++)
                    if (s[dig[i]] < '0' || s[dig[i]] > '9')
                        want = false;
                if (want && ((s[11] - '0') * 10 + (s[12] - '0') > 23 || (s[14] - '0') * 10 + (s[15] - '0') > 59))
                    want = false;
            }
            if ((mc_datetime_parse(&dt, s, sizeof base - 1, 0) == MC_OK) != want)
                fail_msg("byte 0x%02X at %zu: got %s", c, pos, want ? "an error" : "success");
        }
    }
}

/* Formatting finds the calendar date with its own arithmetic; libc's gmtime_r
 * is the independent reference, for days 0000-01-01 .. 9999-12-31: every day
 * of the first and last four centuries' leap-year edges (the windows), and
 * every 37th day in between. */
static void test_format_agrees_with_gmtime(void **state)
{
    const int64_t first = -62167219200LL / 86400, last = 253402300799LL / 86400;
    int64_t day;
    (void)state;
    for (day = first; day <= last;) {
        mc_datetime dt;
        char got[MC_DATETIME_MAX], want[64];
        time_t t;
        struct tm tm;
        int64_t into = day - first;
        memset(&dt, 0, sizeof dt);
        dt.seconds = day * 86400 + 3723; /* 01:02:03Z */
        t = (time_t)dt.seconds;
        assert_non_null(gmtime_r(&t, &tm));
        snprintf(want, sizeof want, "%04d-%02d-%02dT01:02:03Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        assert_int_equal(mc_datetime_format(&dt, got, sizeof got), strlen(want));
        assert_string_equal(got, want);
        /* each day of 0000-0003, 1896-1904, 1999-2001, 2096-2104, 9996-9999 */
        if (into < 4 * 366 || (day >= -27028 && day <= -24107) || (day >= 10592 && day <= 11688) ||
            (day >= 46021 && day <= 48942) || day >= last - 4 * 366)
            day++;
        else
            day += 37;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms_round_trip_exactly),
        cmocka_unit_test(test_instants),
        cmocka_unit_test(test_invalid_date_times),
        cmocka_unit_test(test_strict_rejects_lenient_forms),
        cmocka_unit_test(test_escaped_date_time_text),
        cmocka_unit_test(test_format_never_drops_information),
        cmocka_unit_test(test_time_t_and_timespec),
        cmocka_unit_test(test_full_date),
        cmocka_unit_test(test_every_byte_in_date_and_minutes),
        cmocka_unit_test(test_format_agrees_with_gmtime),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
