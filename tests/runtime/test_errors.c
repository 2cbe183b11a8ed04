/*
 * test_errors.c - every error class the reader reports, as a table: input,
 * exact status, JSON Pointer and byte offset. Plus line/column, the depth
 * bound (modelled and skipped values), pointer escaping and truncation, and
 * the guarantee that a failed decode leaves the output cleared.
 */
#include "test_util.h"

typedef struct error_case {
    const char *json;
    int code;
    const char *pointer;
    size_t offset;
    unsigned flags;
} error_case;

#define T(json, code, pointer, offset) {json, code, pointer, offset, 0}

static const error_case cases[] = {
    /* input syntax */
    T("", MC_ERR_SYNTAX, "", 0),
    T("   ", MC_ERR_SYNTAX, "", 3),
    T("{", MC_ERR_SYNTAX, "", 1),
    T("{\"id\":\"a\"", MC_ERR_SYNTAX, "", 9),
    T("{\"id\":\"a\",}", MC_ERR_SYNTAX, "", 10),                 /* trailing comma */
    T("{,}", MC_ERR_SYNTAX, "", 1),
    T("{\"id\" \"a\"}", MC_ERR_SYNTAX, "", 6),                   /* missing colon */
    T("{\"id\":\"a\" \"type\":\"REASSIGN\"}", MC_ERR_SYNTAX, "", 10),
    T("{'id':\"a\"}", MC_ERR_SYNTAX, "", 1),                     /* single quotes */
    T("{\"x\":'a'}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":1 /* c */}", MC_ERR_SYNTAX, "", 7),                /* comments */
    T("// c\n{}", MC_ERR_SYNTAX, "", 0),
    T("{\"x\":01}", MC_ERR_SYNTAX, "/x", 5),                     /* leading zero */
    T("{\"x\":-01}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":NaN}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":Infinity}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":-Infinity}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":+1}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":.5}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":1.}", MC_ERR_SYNTAX, "/x", 7),
    T("{\"x\":1e}", MC_ERR_SYNTAX, "/x", 7),
    T("{\"x\":0x10}", MC_ERR_SYNTAX, "", 6),
    T("{\"x\":tru}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":nul}", MC_ERR_SYNTAX, "/x", 5),
    T("{\"x\":True}", MC_ERR_SYNTAX, "/x", 5),
    /* the same inside skipped values, and in an unknown member of an item */
    T("{\"x\":[1,-]}", MC_ERR_SYNTAX, "/x/1", 8),
    T("{\"x\":[00]}", MC_ERR_SYNTAX, "/x/0", 6),
    T("{\"x\":{\"a\":1.e5}}", MC_ERR_SYNTAX, "/x/a", 12),
    T("{\"x\":[2e+]}", MC_ERR_SYNTAX, "/x/0", 9),
    T("{\"x\":[tru]}", MC_ERR_SYNTAX, "/x/0", 6),
    T("{\"x\":[-0.5e-3,fals]}", MC_ERR_SYNTAX, "/x/1", 14),
    T("{\"errors\":[{\"x\":-}]}", MC_ERR_SYNTAX, "/errors/0/x", 16),
    T("{\"errors\":[{\"text\":\"a\",\"x\":1.}]}", MC_ERR_SYNTAX, "/errors/0/x", 29),
    T("{\"x\":[1,]}", MC_ERR_SYNTAX, "/x/1", 8),
    T("{\"x\":[1 2]}", MC_ERR_SYNTAX, "/x", 8),
    T("{\"x\":{\"a\":1,}}", MC_ERR_SYNTAX, "/x", 12),
    T("{\"x\":\"a\tb\"}", MC_ERR_SYNTAX, "/x", 7),               /* raw control char */
    T("{\"x\":\"a\nb\"}", MC_ERR_SYNTAX, "/x", 7),
    T("{\"id\":\"abc", MC_ERR_SYNTAX, "/id", 6),                 /* unterminated string */
    T("{\"id\":\"abc\\", MC_ERR_SYNTAX, "/id", 10),
    T("{\"errors\":[", MC_ERR_SYNTAX, "/errors/0", 11),
    /* spaced as `, "name": value` (a fast path of its own) */
    T("{\"id\": \"a\", \"type\": 1}", MC_ERR_TYPE, "/type", 20),
    T("{\"id\": \"a\", \"type\": \"REASSIGN\", \"id\": \"b\"}", MC_ERR_DUPLICATE_KEY, "/id", 32),
    T("{\"id\": \"a\", \"x\": 1, \"status\": \"ERROR\", \"x\": 2}", MC_ERR_DUPLICATE_KEY, "/x", 39),
    T("{\"id\": \"a\", \"errors\": [{\"locale\": \"x\", \"text\": 5}]}", MC_ERR_TYPE, "/errors/0/text", 47),
    T("{\"id\": \"a\", \"errors\": [{\"locale\": \"x\", \"text\": \"\\q\"}]}", MC_ERR_ESCAPE, "/errors/0/text", 48),
    T("{\"id\": \"a\", \"created\": \"2020-13-01T00:00:00Z\"}", MC_ERR_DATETIME, "/created", 23),
    T("{\"id\": \"a\", \"type\": \"REASSIGN\", }", MC_ERR_SYNTAX, "", 32),
    T("{\"id\": \"a\", \"type\": \"REASSIGN\", ", MC_ERR_SYNTAX, "", 32),
    T("{\"id\": \"a\", \"type\": ", MC_ERR_SYNTAX, "/type", 20),
    /* trailing garbage */
    T("{} x", MC_ERR_TRAILING, "", 3),
    T("{}{}", MC_ERR_TRAILING, "", 2),
    T("{}\n,", MC_ERR_TRAILING, "", 3),
    /* escapes */
    T("{\"id\":\"\\x\"}", MC_ERR_ESCAPE, "/id", 7),
    T("{\"id\":\"\\U0041\"}", MC_ERR_ESCAPE, "/id", 7),
    T("{\"id\":\"\\u00G1\"}", MC_ERR_ESCAPE, "/id", 7),
    T("{\"id\":\"\\u12\"}", MC_ERR_ESCAPE, "/id", 7),
    T("{\"id\":\"\\ud800\"}", MC_ERR_ESCAPE, "/id", 7),          /* lone high surrogate */
    T("{\"id\":\"\\ud800\\u0041\"}", MC_ERR_ESCAPE, "/id", 7),
    T("{\"id\":\"\\ud800\\ud800\"}", MC_ERR_ESCAPE, "/id", 7),
    T("{\"id\":\"x\\udc00\"}", MC_ERR_ESCAPE, "/id", 8),         /* lone low surrogate */
    T("{\"x\":[\"\\q\"]}", MC_ERR_ESCAPE, "/x/0", 7),            /* in skipped values too */
    T("{\"\\q\":1}", MC_ERR_ESCAPE, "", 2),                      /* in a member name */
    /* UTF-8 */
    T("{\"id\":\"\xff\"}", MC_ERR_UTF8, "/id", 7),
    T("{\"id\":\"ab\xc0\xaf\"}", MC_ERR_UTF8, "/id", 9),         /* overlong */
    T("{\"id\":\"\xed\xa0\x80\"}", MC_ERR_UTF8, "/id", 7),       /* encoded surrogate */
    T("{\"id\":\"\xf4\x90\x80\x80\"}", MC_ERR_UTF8, "/id", 7),   /* above U+10FFFF */
    T("{\"x\":{\"k\xe2\x82\":1}}", MC_ERR_UTF8, "/x", 8),        /* truncated, in a name */
    /* types */
    T("[]", MC_ERR_TYPE, "", 0),
    T("\"x\"", MC_ERR_TYPE, "", 0),
    T("{\"id\":1}", MC_ERR_TYPE, "/id", 6),
    T("{\"id\":{}}", MC_ERR_TYPE, "/id", 6),
    T("{\"type\":true}", MC_ERR_TYPE, "/type", 8),
    T("{\"errors\":{}}", MC_ERR_TYPE, "/errors", 10),
    T("{\"errors\":[1]}", MC_ERR_TYPE, "/errors/0", 11),
    T("{\"errors\":[{\"locale\":\"x\"},{\"localeOrigin\":5}]}", MC_ERR_TYPE, "/errors/1/localeOrigin", 42),
    T("{\"created\":0}", MC_ERR_TYPE, "/created", 11),
    /* null */
    T("null", MC_ERR_NULL, "", 0),
    T("{\"id\":null}", MC_ERR_NULL, "/id", 6),
    T("{\"errors\":[null]}", MC_ERR_NULL, "/errors/0", 11),
    T("{\"reassignmentTrailDTOs\":[{},{\"newOwner\":null}]}", MC_ERR_NULL, "/reassignmentTrailDTOs/1/newOwner", 41),
    /* duplicates */
    T("{\"id\":\"a\",\"id\":\"b\"}", MC_ERR_DUPLICATE_KEY, "/id", 10),
    T("{\"id\":\"a\",\"i\\u0064\":\"b\"}", MC_ERR_DUPLICATE_KEY, "/id", 10),
    T("{\"x\":1,\"x\":2}", MC_ERR_DUPLICATE_KEY, "/x", 7),
    T("{\"x\":1,\"\\u0078\":2}", MC_ERR_DUPLICATE_KEY, "/x", 7),
    T("{\"errors\":[{\"text\":\"a\",\"text\":\"a\"}]}", MC_ERR_DUPLICATE_KEY, "/errors/0/text", 23),
    /* members in schema order skip the repeat check only until one comes out of order */
    T("{\"type\":\"REASSIGN\",\"id\":\"a\",\"type\":\"REASSIGN\"}", MC_ERR_DUPLICATE_KEY, "/type", 28),
    T("{\"targetId\":\"x\",\"id\":\"a\",\"targetId\":\"y\"}", MC_ERR_DUPLICATE_KEY, "/targetId", 25),
    T("{\"status\":\"ERROR\",\"id\":\"a\",\"type\":\"REASSIGN\",\"status\":\"ERROR\"}", MC_ERR_DUPLICATE_KEY, "/status", 45),
    T("{\"created\":\"2020-01-01T00:00:00Z\",\"created\":\"2020-01-01T00:00:00Z\"}", MC_ERR_DUPLICATE_KEY, "/created", 34),
    T("{\"errors\":[{\"locale\":null,\"locale\":null}]}", MC_ERR_DUPLICATE_KEY, "/errors/0/locale", 26),
    /* a string member that leaves the plain fast path part way */
    T("{\"id\":\"abcdefghijklmnopq\\x\"}", MC_ERR_ESCAPE, "/id", 24),
    T("{\"id\":\"abcdefghijklmnopq\xff\"}", MC_ERR_UTF8, "/id", 24),
    T("{\"id\":\"abc\x01\"}", MC_ERR_SYNTAX, "/id", 10),
    T("{\"id\":\"abcdefghijklmnopqrs", MC_ERR_SYNTAX, "/id", 6),
    /* enum, date-time */
    {"{\"status\":\"PAUSED\"}", MC_ERR_UNKNOWN_ENUM, "/status", 10, MC_DECODE_STRICT_ENUMS},
    T("{\"created\":\"2020-02-30T00:00:00Z\"}", MC_ERR_DATETIME, "/created", 11),
    T("{\"created\":\"yesterday\"}", MC_ERR_DATETIME, "/created", 11),
    {"{\"created\":\"2020-09-24T18:10:47\"}", MC_ERR_DATETIME, "/created", 11, MC_DECODE_STRICT_DATETIME},
    /* pointer escaping: '~' -> ~0, '/' -> ~1 */
    T("{\"a/b~c\":{\"x\":[1,}}", MC_ERR_SYNTAX, "/a~1b~0c/x/1", 17),
};

static void test_error_table(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const error_case *c = &cases[i];
        certification_task t;
        mc_error err;
        mc_decode_options opt = {NULL, 0, c->flags};
        int rc = certification_task_from_json(&t, c->json, strlen(c->json), &opt, &err);
        if (rc != c->code || err.code != c->code || strcmp(err.pointer, c->pointer) != 0 || err.offset != c->offset)
            fail_msg("case %zu %s:\n  got    %s \"%s\" @%zu (%s)\n  wanted %s \"%s\" @%zu", i, c->json,
                     mc_status_text(rc), err.pointer, err.offset, err.message, mc_status_text(c->code), c->pointer,
                     c->offset);
        assert_true(err.message[0] != '\0');
        {
            size_t k, line = 1;
            for (k = 0; k < c->offset; k++)
                line += c->json[k] == '\n';
            assert_int_equal(err.line, line);
        }
        /* output is in init state */
        assert_int_equal(t.has_id, MC_ABSENT);
        assert_null(t.errors.items);
        assert_null(t.json_extra.data);
    }
}

static void test_messages_name_expected_and_actual(void **state)
{
    error_message_dto e;
    mc_error err;
    const char *j = "{\"locale\":12}";
    (void)state;
    assert_int_equal(error_message_dto_from_json(&e, j, strlen(j), NULL, &err), MC_ERR_TYPE);
    assert_string_equal(err.message, "expected string or null, got number");
    assert_string_equal(mc_status_text(MC_ERR_TYPE), "type mismatch");
    assert_string_equal(mc_status_text(MC_OK), "ok");
    assert_string_equal(mc_status_text(MC_ERR_NO_MEMORY), "out of memory");
    assert_string_equal(mc_status_text(12345), "unknown status");
}

static void test_line_and_column(void **state)
{
    certification_task t;
    mc_error err;
    const char *j = "{\n  \"id\": \"a\",\n  \"type\": 5\n}";
    (void)state;
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), NULL, &err), MC_ERR_TYPE);
    assert_int_equal(err.offset, (size_t)(strchr(j, '5') - j));
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 11);
    assert_string_equal(err.pointer, "/type");
}

/* Build n nested arrays around 1 inside an unknown member. */
static char *nested(size_t n, const char *open, const char *close)
{
    size_t lo = strlen(open), lc = strlen(close), i;
    char *s = (char *)malloc(16 + n * (lo + lc));
    char *p = s;
    p += sprintf(p, "{\"x\":");
    for (i = 0; i < n; i++, p += lo)
        memcpy(p, open, lo);
    *p++ = '1';
    for (i = 0; i < n; i++, p += lc)
        memcpy(p, close, lc);
    *p++ = '}';
    *p = '\0';
    return s;
}

static void test_depth_bound_on_skipped_values(void **state)
{
    certification_task t;
    mc_error err;
    char *ok = nested(63, "[", "]"), *deep = nested(64, "[", "]"), *huge = nested(100000, "[", "]");
    char *objs = nested(64, "{\"k\":", "}");
    mc_decode_options opt = {NULL, 10, 0};
    (void)state;
    /* the document object is level 1, so 63 arrays inside it are fine */
    assert_int_equal(certification_task_from_json(&t, ok, strlen(ok), NULL, &err), MC_OK);
    certification_task_clear(&t, NULL);
    assert_int_equal(certification_task_from_json(&t, deep, strlen(deep), NULL, &err), MC_ERR_DEPTH);
    assert_int_equal(err.offset, 5 + 63);
    assert_int_equal(strncmp(err.pointer, "/x/0/0/0", 8), 0);
    /* a hundred thousand levels: rejected at the bound, no deep recursion */
    assert_int_equal(certification_task_from_json(&t, huge, strlen(huge), NULL, &err), MC_ERR_DEPTH);
    assert_int_equal(err.offset, 5 + 63);
    /* the pointer is longer than the buffer: cut, marked with "..." */
    assert_int_equal(strlen(err.pointer), MC_ERROR_POINTER_MAX - 1);
    assert_string_equal(err.pointer + MC_ERROR_POINTER_MAX - 4, "...");
    assert_int_equal(certification_task_from_json(&t, objs, strlen(objs), NULL, &err), MC_ERR_DEPTH);
    assert_int_equal(strncmp(err.pointer, "/x/k/k/k", 8), 0);
    /* a larger bound is clamped to MC_MAX_DEPTH_LIMIT: recursion stays bounded */
    opt.max_depth = 1000000;
    assert_int_equal(certification_task_from_json(&t, huge, strlen(huge), &opt, &err), MC_ERR_DEPTH);
    assert_int_equal(err.offset, 5 + MC_MAX_DEPTH_LIMIT - 1);
    opt.max_depth = 10;
    /* a smaller bound from the options */
    assert_int_equal(certification_task_from_json(&t, ok, strlen(ok), &opt, &err), MC_ERR_DEPTH);
    assert_int_equal(err.offset, 5 + 9);
    free(ok);
    free(deep);
    free(huge);
    free(objs);
}

static void test_depth_bound_on_modelled_values(void **state)
{
    certification_task t;
    mc_error err;
    mc_decode_options opt = {NULL, 2, 0};
    const char *j = "{\"errors\":[{}]}";
    (void)state;
    /* object (1) > array (2) > object (3) */
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), &opt, &err), MC_ERR_DEPTH);
    assert_string_equal(err.pointer, "/errors/0");
    assert_int_equal(err.offset, 11);
    opt.max_depth = 3;
    assert_int_equal(certification_task_from_json(&t, j, strlen(j), &opt, &err), MC_OK);
    certification_task_clear(&t, NULL);
    /* an empty list is a level too, with or without blanks inside */
    opt.max_depth = 1;
    assert_int_equal(certification_task_from_json(&t, "{\"errors\":[]}", 13, &opt, &err), MC_ERR_DEPTH);
    assert_string_equal(err.pointer, "/errors");
    assert_int_equal(err.offset, 10);
    assert_int_equal(certification_task_from_json(&t, "{\"errors\":[ ]}", 14, &opt, &err), MC_ERR_DEPTH);
    assert_string_equal(err.pointer, "/errors");
    assert_int_equal(err.offset, 10);
    opt.max_depth = 2;
    assert_int_equal(certification_task_from_json(&t, "{\"errors\":[]}", 13, &opt, &err), MC_OK);
    assert_int_equal(t.has_errors, MC_PRESENT);
    assert_int_equal(t.errors.count, 0);
    assert_null(t.errors.items);
    certification_task_clear(&t, NULL);
}

static void test_invalid_arguments(void **state)
{
    certification_task t;
    mc_error err;
    (void)state;
    assert_int_equal(certification_task_from_json(&t, NULL, 3, NULL, &err), MC_ERR_INVALID_ARG);
    assert_int_equal(err.code, MC_ERR_INVALID_ARG);
    assert_int_equal(mc_decode(NULL, &t, "{}", 2, NULL, NULL), MC_ERR_INVALID_ARG);
    /* input need not be NUL-terminated: only len bytes are read */
    assert_int_equal(certification_task_from_json(&t, "{}garbage", 2, NULL, NULL), MC_OK);
    certification_task_clear(&t, NULL);
    assert_int_equal(certification_task_from_json(&t, "{\"id\":\"ab\"}", 8, NULL, &err), MC_ERR_SYNTAX);
    assert_int_equal(err.offset, 6);
}

/* Every prefix of the seed document, each from a heap block of exactly its
 * length (so that a read past the end shows under ASan and valgrind): the
 * generated fast decoders compare member names near the end of the input
 * with the exact bound, and every shorter prefix is a syntax error at or
 * before its end. */
static void test_truncated_documents(void **state)
{
    static const char seed[] = SEED_JSON;
    const size_t len = sizeof seed - 1;
    certification_task want, t;
    mc_error err;
    size_t k;
    (void)state;
    assert_int_equal(certification_task_from_json(&want, seed, len, NULL, NULL), MC_OK);
    for (k = 0; k <= len; k++) {
        char *copy = (char *)malloc(k ? k : 1);
        int rc;
        assert_non_null(copy);
        memcpy(copy, seed, k);
        rc = certification_task_from_json(&t, copy, k, NULL, &err);
        if (k == len) {
            assert_int_equal(rc, MC_OK);
            assert_true(certification_task_equal(&t, &want));
            certification_task_clear(&t, NULL);
        } else {
            assert_int_equal(rc, MC_ERR_SYNTAX);
            assert_true(err.offset <= k);
        }
        free(copy);
    }
    certification_task_clear(&want, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_table),
        cmocka_unit_test(test_messages_name_expected_and_actual),
        cmocka_unit_test(test_line_and_column),
        cmocka_unit_test(test_depth_bound_on_skipped_values),
        cmocka_unit_test(test_depth_bound_on_modelled_values),
        cmocka_unit_test(test_invalid_arguments),
        cmocka_unit_test(test_truncated_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
