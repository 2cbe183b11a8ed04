/*
 * test_model_errors.c - what a CertificationTask decode reports for invalid input.
 *
 * One table: each row is an input, the exact status, the JSON Pointer of the
 * failing value and the byte offset where the error was detected (the start of
 * the offending token or value; mc_runtime.h). Every row is decoded twice
 * (default options and MC_DECODE_KEEP_UNKNOWN) into an output pre-filled with
 * garbage, through a leak-checking allocator: the result must be the same, the
 * output must come back cleared (all-zero, everything absent), nothing may leak,
 * and clear() on the output must be safe. For single-line input the position is
 * line 1, column offset + 1; multi-line rows give line and column explicitly.
 */
#include "model_support.h"

#define SYNTAX MC_ERR_SYNTAX
#define TYPE MC_ERR_TYPE
#define NUL_ MC_ERR_NULL
#define ESCAPE MC_ERR_ESCAPE
#define UTF8 MC_ERR_UTF8
#define TRAILING MC_ERR_TRAILING
#define DUP MC_ERR_DUPLICATE_KEY
#define DT MC_ERR_DATETIME
#define DEPTH MC_ERR_DEPTH

typedef struct bad_input {
    const char *json;
    size_t len;        /* 0: strlen(json) (set it for input holding \0) */
    int code;
    const char *pointer;
    size_t offset;
    unsigned line, column; /* 0: line 1, column offset + 1 */
    int src_line;      /* the table row, for failure messages */
} bad_input;

#define ROW(json, code, pointer, offset) {json, 0, code, pointer, offset, 0, 0, __LINE__}
#define ROW_N(json, len, code, pointer, offset) {json, len, code, pointer, offset, 0, 0, __LINE__}
#define ROW_AT(json, code, pointer, offset, line, col) {json, 0, code, pointer, offset, line, col, __LINE__}

static const bad_input rows[] = {
    /* ---- empty and truncated input */
    ROW("", SYNTAX, "", 0),
    ROW_AT("   \n\t ", SYNTAX, "", 6, 2, 3),
    ROW("{", SYNTAX, "", 1),
    ROW("{\"id\"", SYNTAX, "", 5),
    ROW("{\"id\":", SYNTAX, "/id", 6),
    ROW("{\"id\":\"a", SYNTAX, "/id", 6),
    ROW("{\"id\":\"a\"", SYNTAX, "", 9),
    ROW("{\"errors\":[", SYNTAX, "/errors/0", 11),
    ROW("{\"errors\":[{}", SYNTAX, "/errors", 13),

    /* ---- wrong types (object members and the document itself) */
    ROW("{\"id\":1}", TYPE, "/id", 6),
    ROW("{\"id\":-1.5e3}", TYPE, "/id", 6),
    ROW("{\"id\":true}", TYPE, "/id", 6),
    ROW("{\"id\":{}}", TYPE, "/id", 6),
    ROW("{\"id\":[\"a\"]}", TYPE, "/id", 6),
    ROW("{\"type\":3}", TYPE, "/type", 8),
    ROW("{\"targetType\":[]}", TYPE, "/targetType", 14),
    ROW("{\"status\":false}", TYPE, "/status", 10),
    ROW("{\"errors\":{}}", TYPE, "/errors", 10),
    ROW("{\"errors\":\"[]\"}", TYPE, "/errors", 10),
    ROW("{\"errors\":[\"x\"]}", TYPE, "/errors/0", 11),
    ROW("{\"errors\":[{},[]]}", TYPE, "/errors/1", 14),
    ROW("{\"errors\":[{\"text\":[]}]}", TYPE, "/errors/0/text", 19),
    ROW("{\"errors\":[{\"locale\":0}]}", TYPE, "/errors/0/locale", 21),
    ROW("{\"errors\":[{},{\"localeOrigin\":1}]}", TYPE, "/errors/1/localeOrigin", 30),
    ROW("{\"reassignmentTrailDTOs\":[{\"newOwner\":false}]}", TYPE, "/reassignmentTrailDTOs/0/newOwner", 38),
    ROW("{\"created\":20200924}", TYPE, "/created", 11),
    ROW("[]", TYPE, "", 0),
    ROW("\"x\"", TYPE, "", 0),
    ROW("1", TYPE, "", 0),
    ROW("true", TYPE, "", 0),

    /* ---- null where the schema does not allow it (only locale and localeOrigin are nullable) */
    ROW("null", NUL_, "", 0),
    ROW("{\"id\":null}", NUL_, "/id", 6),
    ROW("{\"type\":null}", NUL_, "/type", 8),
    ROW("{\"targetType\":null}", NUL_, "/targetType", 14),
    ROW("{\"targetId\":null}", NUL_, "/targetId", 12),
    ROW("{\"status\":null}", NUL_, "/status", 10),
    ROW("{\"errors\":null}", NUL_, "/errors", 10),
    ROW("{\"errors\":[null]}", NUL_, "/errors/0", 11),
    ROW("{\"errors\":[{\"text\":null}]}", NUL_, "/errors/0/text", 19),
    ROW("{\"reassignmentTrailDTOs\":null}", NUL_, "/reassignmentTrailDTOs", 25),
    ROW("{\"reassignmentTrailDTOs\":[{\"previousOwner\":null}]}", NUL_, "/reassignmentTrailDTOs/0/previousOwner", 43),
    ROW("{\"created\":null}", NUL_, "/created", 11),

    /* ---- trailing commas, missing separators, bad literals */
    ROW("{\"id\":\"a\",}", SYNTAX, "", 10),
    ROW("{,}", SYNTAX, "", 1),
    ROW("{\"errors\":[{},]}", SYNTAX, "/errors/1", 14),
    ROW("{\"errors\":[,]}", SYNTAX, "/errors/0", 11),
    ROW("{\"errors\":[{\"text\":\"t\",}]}", SYNTAX, "/errors/0", 23),
    ROW("{\"x\":[1,]}", SYNTAX, "/x/1", 8),
    ROW("{\"x\":{\"a\":1,}}", SYNTAX, "/x", 12),
    ROW("{\"id\" \"a\"}", SYNTAX, "", 6),
    ROW("{\"id\":\"a\" \"type\":\"REASSIGN\"}", SYNTAX, "", 10),
    ROW("{\"errors\":[{} {}]}", SYNTAX, "/errors", 14),
    ROW("{id:\"a\"}", SYNTAX, "", 1),
    ROW("{\"id\":nul}", SYNTAX, "/id", 6),
    ROW("{\"errors\":[{\"locale\":nulL}]}", SYNTAX, "/errors/0/locale", 21),
    ROW("{\"x\":tru}", SYNTAX, "/x", 5),
    ROW("{\"x\":True}", SYNTAX, "/x", 5),
    ROW("{\"x\":undefined}", SYNTAX, "/x", 5),

    /* ---- comments */
    ROW("{/*c*/\"id\":\"a\"}", SYNTAX, "", 1),
    ROW("{\"id\":\"a\"}//c", TRAILING, "", 10),
    ROW("{\"id\":\"a\" # c\n}", SYNTAX, "", 10),
    ROW("// c\n{}", SYNTAX, "", 0),

    /* ---- numbers (in unknown members: they are checked even when skipped) */
    ROW("{\"n\":01}", SYNTAX, "/n", 5),
    ROW("{\"n\":-01}", SYNTAX, "/n", 5),
    ROW("{\"n\":00}", SYNTAX, "/n", 5),
    ROW("{\"n\":NaN}", SYNTAX, "/n", 5),
    ROW("{\"n\":-NaN}", SYNTAX, "/n", 5),
    ROW("{\"n\":Infinity}", SYNTAX, "/n", 5),
    ROW("{\"n\":-Infinity}", SYNTAX, "/n", 5),
    ROW("{\"n\":+1}", SYNTAX, "/n", 5),
    ROW("{\"n\":.5}", SYNTAX, "/n", 5),
    ROW("{\"n\":1.}", SYNTAX, "/n", 7),
    ROW("{\"n\":1.e5}", SYNTAX, "/n", 7),
    ROW("{\"n\":1e}", SYNTAX, "/n", 7),
    ROW("{\"n\":1e+}", SYNTAX, "/n", 8),
    ROW("{\"n\":-}", SYNTAX, "/n", 5),
    ROW("{\"n\":0x1F}", SYNTAX, "", 6),
    ROW("{\"n\":1 2}", SYNTAX, "", 7),
    ROW("{\"n\":[1,2,03]}", SYNTAX, "/n/2", 10),

    /* ---- single quotes */
    ROW("{'id':'a'}", SYNTAX, "", 1),
    ROW("{\"id\":'a'}", SYNTAX, "/id", 6),
    ROW("{\"x\":'a'}", SYNTAX, "/x", 5),
    ROW("['a']", TYPE, "", 0), /* the document must be an object: its type is checked first */

    /* ---- control characters inside strings must be escaped */
    ROW("{\"id\":\"a\tb\"}", SYNTAX, "/id", 8),
    ROW("{\"id\":\"a\nb\"}", SYNTAX, "/id", 8),
    ROW("{\"id\":\"\r\"}", SYNTAX, "/id", 7),
    ROW("{\"id\":\"\x1f\"}", SYNTAX, "/id", 7),
    ROW_N("{\"id\":\"a\0b\"}", 12, SYNTAX, "/id", 8),
    ROW("{\"x\":\"\x01\"}", SYNTAX, "/x", 6),
    ROW("{\"a\tb\":1}", SYNTAX, "", 3),

    /* ---- bad escapes */
    ROW("{\"id\":\"\\x41\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"ab\\a\"}", ESCAPE, "/id", 9),
    ROW("{\"id\":\"\\'\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\U0041\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\u12\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\u12G4\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\u\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\ \"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"a\\", SYNTAX, "/id", 8),
    ROW("{\"status\":\"\\q\"}", ESCAPE, "/status", 11),
    ROW("{\"created\":\"\\x\"}", ESCAPE, "/created", 12),
    ROW("{\"x\\z\":1}", ESCAPE, "", 3),
    ROW("{\"x\":[\"\\z\"]}", ESCAPE, "/x/0", 7),

    /* ---- lone or mismatched surrogates */
    ROW("{\"id\":\"\\ud800\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\uDBFF\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\udc00\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\uDFFF\\uD800\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"x\\ud800\\u0041\"}", ESCAPE, "/id", 8),
    ROW("{\"id\":\"\\ud800x\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\ud800\\ud800\"}", ESCAPE, "/id", 7),
    ROW("{\"id\":\"\\ud83d\\ude00\\ude00\"}", ESCAPE, "/id", 19),
    ROW("{\"errors\":[{\"text\":\"\\ud800\"}]}", ESCAPE, "/errors/0/text", 20),

    /* ---- invalid UTF-8 (raw bytes) */
    ROW("{\"id\":\"\xc0\xaf\"}", UTF8, "/id", 7),             /* overlong '/' */
    ROW("{\"id\":\"\xc1\xbf\"}", UTF8, "/id", 7),             /* overlong 2-byte */
    ROW("{\"id\":\"\xe0\x80\xaf\"}", UTF8, "/id", 7),         /* overlong 3-byte */
    ROW("{\"id\":\"\xe0\x9f\xbf\"}", UTF8, "/id", 7),         /* overlong U+07FF */
    ROW("{\"id\":\"\xf0\x80\x80\xaf\"}", UTF8, "/id", 7),     /* overlong 4-byte */
    ROW("{\"id\":\"\xf0\x8f\xbf\xbf\"}", UTF8, "/id", 7),     /* overlong U+FFFF */
    ROW("{\"id\":\"\xed\xa0\x80\"}", UTF8, "/id", 7),         /* U+D800 encoded */
    ROW("{\"id\":\"\xed\xbf\xbf\"}", UTF8, "/id", 7),         /* U+DFFF encoded */
    ROW("{\"id\":\"\xf4\x90\x80\x80\"}", UTF8, "/id", 7),     /* U+110000 */
    ROW("{\"id\":\"\xf5\x80\x80\x80\"}", UTF8, "/id", 7),     /* lead byte F5 */
    ROW("{\"id\":\"\xf8\x88\x80\x80\x80\"}", UTF8, "/id", 7), /* 5-byte form */
    ROW("{\"id\":\"ab\xe2\x82\"}", UTF8, "/id", 9),           /* truncated 3-byte */
    ROW("{\"id\":\"\xf0\x9f\x98\"}", UTF8, "/id", 7),         /* truncated 4-byte */
    ROW("{\"id\":\"\xc3\"}", UTF8, "/id", 7),                 /* truncated 2-byte */
    ROW("{\"id\":\"\xc3", UTF8, "/id", 7),                    /* truncated at end of input */
    ROW("{\"id\":\"\x80\"}", UTF8, "/id", 7),                 /* lone continuation */
    ROW("{\"id\":\"\xff\"}", UTF8, "/id", 7),
    ROW("{\"id\":\"\xfe\"}", UTF8, "/id", 7),
    ROW("{\"type\":\"\xc0\xaf\"}", UTF8, "/type", 9),
    ROW("{\"errors\":[{\"locale\":\"e\xe9n\"}]}", UTF8, "/errors/0/locale", 23), /* Latin-1 */
    ROW("{\"\xff\":1}", UTF8, "", 2),
    ROW("{\"x\":\"\xc0\xaf\"}", UTF8, "/x", 6),
    ROW("{\xff}", SYNTAX, "", 1),
    ROW("\xef\xbb\xbf{}", SYNTAX, "", 0), /* a byte order mark is not JSON */

    /* ---- trailing garbage */
    ROW("{}x", TRAILING, "", 2),
    ROW("{} {}", TRAILING, "", 3),
    ROW("{}}", TRAILING, "", 2),
    ROW("{},", TRAILING, "", 2),
    ROW_AT(SEED_JSON "\n\n]", TRAILING, "", sizeof(SEED_JSON) + 1, 3, 1),
    ROW_N("{}\0", 3, TRAILING, "", 2),

    /* ---- duplicate member names */
    ROW("{\"id\":\"a\",\"id\":\"b\"}", DUP, "/id", 10),
    ROW("{\"id\":\"a\",\"type\":\"REASSIGN\",\"id\":\"a\"}", DUP, "/id", 28),
    ROW("{\"id\":\"a\",\"\\u0069d\":\"b\"}", DUP, "/id", 10),
    ROW("{\"created\":\"2020-09-24T18:10:47Z\",\"created\":\"x\"}", DUP, "/created", 34),
    ROW("{\"errors\":[],\"errors\":[]}", DUP, "/errors", 13),
    ROW("{\"errors\":[{\"locale\":null,\"locale\":\"x\"}]}", DUP, "/errors/0/locale", 26),
    ROW("{\"x\":1,\"x\":2}", DUP, "/x", 7),
    ROW("{\"x\":1,\"\\u0078\":1}", DUP, "/x", 7),

    /* ---- bad date-times */
    ROW("{\"created\":\"\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-02-30T00:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2019-02-29T00:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"1900-02-29T00:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-04-31T00:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-13-01T00:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-00-01T00:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-01-00T00:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T24:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:60:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:61Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:60Z\"}", DT, "/created", 11), /* leap second only at 23:59 UTC */
    ROW("{\"created\":\"2020-09-24T18:10:47.Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:47.1234567890Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24 18:10:47Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:47+05\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:47+0530\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:47+24:00\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:47+05:60\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:47ZZ\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:10:47 Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-9-24T18:10:47Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"20-09-24T18:10:47Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"+2020-09-24T18:10:47Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"10000-01-01T00:00:00Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T1:10:47Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"2020-09-24T18:1:47Z\"}", DT, "/created", 11),
    ROW("{\"created\":\"\xef\xbc\x92\"}", DT, "/created", 11), /* fullwidth digit */
    ROW("{\"created\":\" 2020-09-24T18:10:47Z\"}", DT, "/created", 11),

    /* ---- unknown enum text that is not a string, in any state */
    ROW("{\"errors\":[{\"localeOrigin\":\"DEFAULT\"},{\"localeOrigin\":{}}]}", TYPE, "/errors/1/localeOrigin", 54),

    /* ---- a multi-line document */
    ROW_AT("{\n"
           "  \"id\": \"a\",\n"
           "  \"errors\": [\n"
           "    {\"locale\": \"en\"},\n"
           "    {\"localeOrigin\": 7}\n"
           "  ]\n"
           "}\n",
           TYPE, "/errors/1/localeOrigin", 72, 5, 22),
    ROW_AT("{\n"
           "  \"id\": \"a\",\n"
           "  \"created\": \"2020-09-24T18:10:47Z\",\n"
           "}\n",
           SYNTAX, "", 52, 4, 1),
    ROW_AT("{\r\n\"id\":\r\n\"\xc0\"}", UTF8, "/id", 11, 3, 2),
};

/* Fill with a non-zero byte pattern so that "the output was cleared" means something. */
static void fill_garbage(certification_task *t)
{
    memset(t, 0xA5, sizeof *t);
}

static int row_failures;

/* Report a failing row at its table line and keep going, so one run lists them all. */
static void row_fail(const bad_input *r, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    print_error("%s:%d: %s\n", __FILE__, r->src_line, msg);
    row_failures++;
}

static void check_row(const bad_input *r, unsigned flags)
{
    const size_t len = r->len ? r->len : strlen(r->json);
    const unsigned want_line = r->line ? r->line : 1;
    const unsigned want_col = r->column ? r->column : (unsigned)r->offset + 1;
    char shown[512];
    certification_task out;
    mc_error err;
    mt_alloc ac;
    mc_allocator a = mt_alloc_init(&ac);
    mc_decode_options opt = {&a, 0, flags};
    int rc;

    fill_garbage(&out);
    memset(&err, 0x5A, sizeof err);
    rc = certification_task_from_json(&out, r->json, len, &opt, &err);
    mt_show(shown, sizeof shown, r->json, len);
    if (rc != r->code || err.code != r->code || strcmp(err.pointer, r->pointer) != 0 || err.offset != r->offset ||
        err.line != want_line || err.column != want_col)
        row_fail(r, "input %s (flags %u)\n  got:  %s (%d), pointer \"%s\", offset %zu, %u:%u, \"%s\"\n"
                   "  want: %s (%d), pointer \"%s\", offset %zu, %u:%u",
                   shown, flags, mc_status_text(rc), rc, err.pointer, err.offset, err.line, err.column, err.message,
                   mc_status_text(r->code), r->code, r->pointer, r->offset, want_line, want_col);
    if (err.message[0] == '\0')
        row_fail(r, "input %s: empty error message", shown);
    if (!mt_task_is_init(&out))
        row_fail(r, "input %s: output not cleared after the failure", shown);
    certification_task_clear(&out, &a); /* safe on a failed call's output */
    certification_task_clear(&out, NULL);
    mt_assert_no_leaks_(&ac, __FILE__, r->src_line);

    /* Without an error struct and with default options, the same status. */
    fill_garbage(&out);
    rc = certification_task_from_json(&out, r->json, len, flags ? &opt : NULL, NULL);
    if (rc != r->code)
        row_fail(r, "input %s: without mc_error got %d", shown, rc);
    if (!mt_task_is_init(&out))
        row_fail(r, "input %s: output not cleared (no mc_error)", shown);
    mt_assert_no_leaks_(&ac, __FILE__, r->src_line);
}

static void every_invalid_input_reports_its_status_pointer_and_position(void **state)
{
    size_t i;
    (void)state;
    row_failures = 0;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
        check_row(&rows[i], 0);
    assert_int_equal(row_failures, 0);
}

static void keep_unknown_reports_the_same_errors(void **state)
{
    size_t i;
    (void)state;
    row_failures = 0;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
        check_row(&rows[i], MC_DECODE_KEEP_UNKNOWN);
    assert_int_equal(row_failures, 0);
}

/* Inputs that look suspicious but are valid JSON for this schema. */
static void near_misses_are_accepted(void **state)
{
    static const char *const ok[] = {
        "{\"x\":{\"a\":1,\"a\":2}}",                 /* names inside skipped values are not compared */
        "{\"x\":[0,-0,0.5,-0.0e-0,1E+2,1e400,123456789012345678901234567890]}",
        "{\"x\":\"\\u0000\"}",
        "{\"id\":\"\\ud83d\\ude00\"}",
        "{\"id\":\"\\/\"}",
        "{\"errors\":[{\"locale\":null,\"localeOrigin\":null}]}",
        "{\"created\":\"2020-09-24T18:10:47.693Z\"} \t\r\n",
        "{\"x\":[[[[[[[[[[]]]]]]]]]],\"y\":{\"z\":{\"w\":[{}]}}}",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        certification_task t;
        mt_task_decode_ok_(&t, ok[i], strlen(ok[i]), 0, __FILE__, __LINE__);
        certification_task_clear(&t, NULL);
    }
}

/* ---- depth bound ---------------------------------------------------------- */

/* {"x": then n '[' then n ']' then } : the document object plus n arrays. */
static char *nested_arrays(size_t n, size_t *len)
{
    char *s = (char *)malloc(2 * n + 16);
    size_t o = 0, i;
    assert_non_null(s);
    o += (size_t)sprintf(s, "{\"x\":");
    for (i = 0; i < n; i++)
        s[o++] = '[';
    for (i = 0; i < n; i++)
        s[o++] = ']';
    s[o++] = '}';
    s[o] = '\0';
    *len = o;
    return s;
}

static void default_depth_bound_is_64_levels_counting_the_document(void **state)
{
    size_t len;
    char *ok = nested_arrays(63, &len), *deep;
    certification_task t;
    mc_error err;
    (void)state;
    mt_task_decode_ok_(&t, ok, len, 0, __FILE__, __LINE__);
    certification_task_clear(&t, NULL);
    deep = nested_arrays(64, &len);
    fill_garbage(&t);
    assert_int_equal(certification_task_from_json(&t, deep, len, NULL, &err), DEPTH);
    assert_int_equal(err.offset, 5 + 63); /* the 64th '[' */
    /* "/x" then "/0" per array: longer than MC_ERROR_POINTER_MAX - 1, so cut with "..." */
    assert_int_equal(strlen(err.pointer), MC_ERROR_POINTER_MAX - 1);
    assert_memory_equal(err.pointer, "/x/0/0/0", 8);
    assert_string_equal(err.pointer + MC_ERROR_POINTER_MAX - 4, "...");
    assert_true(mt_task_is_init(&t));
    free(ok);
    free(deep);
}

static void max_depth_option_bounds_modelled_and_skipped_values(void **state)
{
    mc_decode_options opt = {NULL, 2, 0};
    certification_task t;
    mc_error err;
    (void)state;
    assert_int_equal(certification_task_from_json(&t, "{\"errors\":[]}", 13, &opt, &err), MC_OK);
    certification_task_clear(&t, NULL);
    assert_int_equal(certification_task_from_json(&t, "{\"errors\":[{}]}", 15, &opt, &err), DEPTH);
    assert_string_equal(err.pointer, "/errors/0");
    assert_int_equal(err.offset, 11);
    assert_int_equal(certification_task_from_json(&t, "{\"x\":[[]]}", 10, &opt, &err), DEPTH);
    assert_string_equal(err.pointer, "/x/0");
    assert_int_equal(err.offset, 6);
    opt.flags = MC_DECODE_KEEP_UNKNOWN;
    assert_int_equal(certification_task_from_json(&t, "{\"x\":{\"y\":{}}}", 14, &opt, &err), DEPTH);
    assert_string_equal(err.pointer, "/x/y");
    assert_int_equal(err.offset, 10);
    assert_true(mt_task_is_init(&t));
}

static void max_depth_is_clamped_to_the_limit(void **state)
{
    mc_decode_options opt = {NULL, 100000, 0};
    size_t len;
    char *ok = nested_arrays(MC_MAX_DEPTH_LIMIT - 1, &len), *deep;
    certification_task t;
    mc_error err;
    (void)state;
    assert_int_equal(certification_task_from_json(&t, ok, len, &opt, &err), MC_OK);
    certification_task_clear(&t, NULL);
    deep = nested_arrays(MC_MAX_DEPTH_LIMIT, &len);
    assert_int_equal(certification_task_from_json(&t, deep, len, &opt, &err), DEPTH);
    assert_int_equal(err.offset, 5 + MC_MAX_DEPTH_LIMIT - 1);
    free(ok);
    free(deep);
}

static void a_deeply_nested_hostile_input_fails_without_recursing_further(void **state)
{
    enum { N = 1000000 };
    char *s = (char *)malloc(N + 8);
    certification_task t;
    mc_error err;
    (void)state;
    assert_non_null(s);
    memcpy(s, "{\"x\":", 5);
    memset(s + 5, '[', N);
    assert_int_equal(certification_task_from_json(&t, s, N + 5, NULL, &err), DEPTH);
    assert_int_equal(err.offset, 5 + 63);
    free(s);
}

/* ---- argument errors ------------------------------------------------------ */

static void null_json_with_nonzero_length_is_an_invalid_argument(void **state)
{
    certification_task t;
    mc_error err;
    (void)state;
    fill_garbage(&t);
    assert_int_equal(certification_task_from_json(&t, NULL, 3, NULL, &err), MC_ERR_INVALID_ARG);
    assert_int_equal(err.code, MC_ERR_INVALID_ARG);
    assert_int_equal(certification_task_from_json(&t, NULL, 0, NULL, &err), SYNTAX); /* empty input */
    assert_true(mt_task_is_init(&t));
}

static void status_texts_come_from_one_list(void **state)
{
    (void)state;
    assert_string_equal(mc_status_text(MC_OK), "ok");
    assert_string_equal(mc_status_text(MC_ERR_SYNTAX), "invalid JSON syntax");
    assert_string_equal(mc_status_text(MC_ERR_DUPLICATE_KEY), "duplicate member name");
    assert_string_equal(mc_status_text(-999), "unknown status");
}

/* The first error wins: later problems in the same input do not replace it. */
static void the_first_error_is_reported(void **state)
{
    certification_task t;
    mc_error err;
    static const char json[] = "{\"id\":1,\"type\":null,\"x\":01";
    (void)state;
    assert_int_equal(certification_task_from_json(&t, json, sizeof json - 1, NULL, &err), TYPE);
    assert_string_equal(err.pointer, "/id");
    assert_int_equal(err.offset, 6);
    assert_string_equal(err.message, "expected string, got number");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_invalid_input_reports_its_status_pointer_and_position),
        cmocka_unit_test(keep_unknown_reports_the_same_errors),
        cmocka_unit_test(near_misses_are_accepted),
        cmocka_unit_test(default_depth_bound_is_64_levels_counting_the_document),
        cmocka_unit_test(max_depth_option_bounds_modelled_and_skipped_values),
        cmocka_unit_test(max_depth_is_clamped_to_the_limit),
        cmocka_unit_test(a_deeply_nested_hostile_input_fails_without_recursing_further),
        cmocka_unit_test(null_json_with_nonzero_length_is_an_invalid_argument),
        cmocka_unit_test(status_texts_come_from_one_list),
        cmocka_unit_test(the_first_error_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
