/*
 * test_strings.c - strings on the wire: every escape, \u0000, surrogate pairs,
 * raw UTF-8 of every length, escapes the writer produces, invalid UTF-8 on
 * both sides, special bytes at every position around the 8-byte scan, member
 * names with escapes, and the UTF-8 helpers.
 */
#include "test_util.h"

/* Decode {"text": <literal>} and return the text (caller clears e). */
static void decode_text(error_message_dto *e, const char *literal)
{
    char json[512];
    mc_error err;
    int n = snprintf(json, sizeof json, "{\"text\":%s}", literal);
    int rc = error_message_dto_from_json(e, json, (size_t)n, NULL, &err);
    if (rc != MC_OK)
        fail_msg("decode %s: %s (%s)", json, mc_status_text(rc), err.message);
}

static void test_every_escape_decodes(void **state)
{
    error_message_dto e;
    (void)state;
    decode_text(&e, "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"");
    assert_int_equal(e.text.len, 8);
    assert_memory_equal(e.text.data, "\"\\/\b\f\n\r\t", 9);
    error_message_dto_clear(&e, NULL);

    decode_text(&e, "\"\\u0041\\u00e9\\u00E9\\u20ac\\uFFFF\"");
    assert_string_equal(e.text.data, "A\xc3\xa9\xc3\xa9\xe2\x82\xac\xef\xbf\xbf");
    error_message_dto_clear(&e, NULL);

    /* surrogate pairs: U+1F600 and the extremes U+10000, U+10FFFF */
    decode_text(&e, "\"\\ud83d\\ude00|\\uD800\\uDC00|\\uDBFF\\uDFFF\"");
    assert_string_equal(e.text.data, "\xf0\x9f\x98\x80|\xf0\x90\x80\x80|\xf4\x8f\xbf\xbf");
    error_message_dto_clear(&e, NULL);
}

static void test_nul_is_kept_with_explicit_length(void **state)
{
    error_message_dto e;
    char *out;
    size_t n;
    (void)state;
    decode_text(&e, "\"a\\u0000b\"");
    assert_int_equal(e.text.len, 3);
    assert_memory_equal(e.text.data, "a\0b", 4); /* and still NUL-terminated */
    assert_int_equal(error_message_dto_to_json_string(&e, &out, &n, NULL), MC_OK);
    assert_string_equal(out, "{\"text\":\"a\\u0000b\"}");
    free(out);
    error_message_dto_clear(&e, NULL);
}

static void test_writer_escapes(void **state)
{
    error_message_dto e;
    char *out;
    size_t n;
    (void)state;
    error_message_dto_init(&e);
    e.has_text = MC_PRESENT;
    assert_int_equal(mc_string_set(&e.text, "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f\xc3\xa9\xf0\x9f\x98\x80", 20, NULL), MC_OK);
    assert_int_equal(error_message_dto_to_json_string(&e, &out, &n, NULL), MC_OK);
    /* short escapes where JSON has them, \u00XX for other controls, UTF-8 and DEL raw */
    assert_string_equal(out, "{\"text\":\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\xc3\xa9\xf0\x9f\x98\x80\"}");
    free(out);
    error_message_dto_clear(&e, NULL);
    /* escaped input comes back in the writer's canonical spelling */
    check_roundtrip(&error_message_dto_desc, &e, "{\"text\":\"\\/\\u0041\\u001F\\u00e9\"}",
                    "{\"text\":\"/A\\u001f\xc3\xa9\"}", 0);
    error_message_dto_clear(&e, NULL);
}

static void test_raw_utf8_of_every_length_passes_through(void **state)
{
    error_message_dto e;
    (void)state;
    check_roundtrip(&error_message_dto_desc, &e,
                    "{\"text\":\"\x7f \xc2\x80 \xdf\xbf \xe0\xa0\x80 \xed\x9f\xbf \xee\x80\x80 \xef\xbf\xbf \xf0\x90\x80\x80 "
                    "\xf4\x8f\xbf\xbf\"}",
                    NULL, 0);
    error_message_dto_clear(&e, NULL);
}

static void test_invalid_utf8_classes_are_rejected(void **state)
{
    static const char *const bad[] = {
        "\x80",             /* lone continuation */
        "\xbf",             /* lone continuation */
        "\xc0\x80",         /* overlong NUL */
        "\xc1\xbf",         /* overlong */
        "\xe0\x80\x80",     /* overlong 3-byte */
        "\xe0\x9f\xbf",     /* overlong 3-byte */
        "\xf0\x80\x80\x80", /* overlong 4-byte */
        "\xf0\x8f\xbf\xbf", /* overlong 4-byte */
        "\xed\xa0\x80",     /* U+D800 */
        "\xed\xbf\xbf",     /* U+DFFF */
        "\xf4\x90\x80\x80", /* U+110000 */
        "\xf5\x80\x80\x80", /* invalid lead */
        "\xff",             /* invalid byte */
        "\xfe",             /* invalid byte */
        "\xc3",             /* truncated 2-byte (then the quote) */
        "\xe2\x82",         /* truncated 3-byte */
        "\xf0\x9f\x98",     /* truncated 4-byte */
        "\xc3\x28",         /* bad continuation */
    };
    size_t i, pos;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        /* put the bad bytes at several positions around the 8-byte scan */
        for (pos = 0; pos < 12; pos++) {
            char json[64];
            error_message_dto e;
            mc_error err;
            int n = snprintf(json, sizeof json, "{\"text\":\"%.*s%s z\"}", (int)pos, "0123456789ab", bad[i]);
            int rc = error_message_dto_from_json(&e, json, (size_t)n, NULL, &err);
            if (rc != MC_ERR_UTF8 || err.offset != 9 + pos || strcmp(err.pointer, "/text") != 0)
                fail_msg("case %zu pos %zu: %s @%zu %s", i, pos, mc_status_text(rc), err.offset, err.pointer);
            assert_false(mc_utf8_valid(bad[i], strlen(bad[i]), NULL));
        }
    }
}

static void test_encoder_rejects_invalid_utf8(void **state)
{
    error_message_dto e;
    mc_buf b;
    (void)state;
    error_message_dto_init(&e);
    e.has_text = MC_PRESENT;
    assert_int_equal(mc_string_set(&e.text, "ok\xed\xa0\x80", 5, NULL), MC_OK);
    mc_buf_init(&b, NULL);
    assert_int_equal(error_message_dto_to_json(&e, &b, NULL), MC_ERR_UTF8);
    assert_int_equal(b.len, 0);
    mc_buf_dispose(&b);
    error_message_dto_clear(&e, NULL);
}

/* A special byte at every offset 0..24 of a longer string: the word-at-a-time
 * scanner and writer must find each one exactly. */
static void test_specials_at_every_position(void **state)
{
    static const char *const specials[] = {"\\n", "\\\"", "\\\\", "\xc3\xa9", "\\u0001", "\\ud83d\\ude00"};
    static const char *const decoded[] = {"\n", "\"", "\\", "\xc3\xa9", "\x01", "\xf0\x9f\x98\x80"};
    size_t s, pos;
    (void)state;
    for (s = 0; s < sizeof specials / sizeof specials[0]; s++) {
        for (pos = 0; pos < 25; pos++) {
            char lit[128], want[128];
            const char *fill = "abcdefghijklmnopqrstuvwxyz";
            error_message_dto e;
            snprintf(lit, sizeof lit, "\"%.*s%s%s\"", (int)pos, fill, specials[s], fill + pos);
            snprintf(want, sizeof want, "%.*s%s%s", (int)pos, fill, decoded[s], fill + pos);
            decode_text(&e, lit);
            assert_string_equal(e.text.data, want);
            assert_int_equal(e.text.len, strlen(want));
            {
                char *out, *back_json;
                size_t n;
                error_message_dto back;
                assert_int_equal(error_message_dto_to_json_string(&e, &out, &n, NULL), MC_OK);
                back_json = out;
                assert_int_equal(error_message_dto_from_json(&back, back_json, n, NULL, NULL), MC_OK);
                assert_true(error_message_dto_equal(&e, &back));
                error_message_dto_clear(&back, NULL);
                free(out);
            }
            error_message_dto_clear(&e, NULL);
        }
    }
}

static void test_member_names_with_escapes(void **state)
{
    error_message_dto e;
    (void)state;
    /* an escaped spelling of a known name is that member */
    check_roundtrip(&error_message_dto_desc, &e, "{\"t\\u0065xt\":\"x\",\"\\u006Cocale\":\"y\"}",
                    "{\"locale\":\"y\",\"text\":\"x\"}", 0);
    assert_string_equal(e.text.data, "x");
    error_message_dto_clear(&e, NULL);
    /* unknown names with escapes are kept raw */
    check_roundtrip(&error_message_dto_desc, &e, "{\"\\u00e9\\n\":1}", NULL, MC_DECODE_KEEP_UNKNOWN);
    error_message_dto_clear(&e, NULL);
}

static void test_utf8_helpers(void **state)
{
    char out[4];
    size_t bad = 99;
    (void)state;
    assert_int_equal(mc_utf8_encode(0, out), 1);
    assert_int_equal(out[0], 0);
    assert_int_equal(mc_utf8_encode(0x7f, out), 1);
    assert_int_equal(mc_utf8_encode(0x80, out), 2);
    assert_memory_equal(out, "\xc2\x80", 2);
    assert_int_equal(mc_utf8_encode(0x7ff, out), 2);
    assert_int_equal(mc_utf8_encode(0x800, out), 3);
    assert_int_equal(mc_utf8_encode(0xffff, out), 3);
    assert_int_equal(mc_utf8_encode(0x10000, out), 4);
    assert_int_equal(mc_utf8_encode(0x10ffff, out), 4);
    assert_memory_equal(out, "\xf4\x8f\xbf\xbf", 4);
    assert_int_equal(mc_utf8_encode(0xd800, out), 0);
    assert_int_equal(mc_utf8_encode(0xdfff, out), 0);
    assert_int_equal(mc_utf8_encode(0x110000, out), 0);
    assert_true(mc_utf8_valid("", 0, NULL));
    assert_true(mc_utf8_valid("a\0b", 3, NULL));
    assert_false(mc_utf8_valid("abc\xe2\x82", 5, &bad));
    assert_int_equal(bad, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_escape_decodes),
        cmocka_unit_test(test_nul_is_kept_with_explicit_length),
        cmocka_unit_test(test_writer_escapes),
        cmocka_unit_test(test_raw_utf8_of_every_length_passes_through),
        cmocka_unit_test(test_invalid_utf8_classes_are_rejected),
        cmocka_unit_test(test_encoder_rejects_invalid_utf8),
        cmocka_unit_test(test_specials_at_every_position),
        cmocka_unit_test(test_member_names_with_escapes),
        cmocka_unit_test(test_utf8_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
