/*
 * test_scalars.c - the scalar kinds the SailPoint models do not use (bool,
 * int32, int64, float, double, uuid, date), required members, arrays of
 * scalars and enums, and a recursive type; declared here with the same
 * macros modelc uses. Numbers: exact integer ranges, correctly rounded
 * doubles, shortest round-trip output, and independence from the C locale.
 */
#include "test_util.h"

#include <locale.h>
#include <math.h>

typedef enum color { COLOR_UNKNOWN = -1, COLOR_RED = 0, COLOR_GREEN = 1 } color;
static const mc_enum_value color_values[] = {MC_ENUM_VALUE("red", COLOR_RED), MC_ENUM_VALUE("green", COLOR_GREEN)};
static const mc_enum_desc color_desc = MC_ENUM_DESC("Color", color_values, MC_ENUM_NO_NULL);

typedef struct string_list {
    mc_string *items;
    size_t count;
} string_list;
static const mc_type string_list_desc = MC_TYPE_ARRAY(string_list, "StringList", MC_ITEM_SCALAR(MC_KIND_STRING));

typedef struct color_list {
    color *items;
    size_t count;
} color_list;
static const mc_type color_list_desc = MC_TYPE_ARRAY(color_list, "ColorList", MC_ITEM_ENUM(&color_desc));

typedef struct scalars {
    mc_presence has_flag;
    bool flag;
    mc_presence has_i32;
    int32_t i32;
    mc_presence has_i64;
    int64_t i64;
    mc_presence has_f;
    float f;
    mc_presence has_d;
    double d;
    mc_presence has_id;
    mc_string id;
    mc_presence has_day;
    mc_date day;
    mc_presence has_name;
    mc_string name;
    mc_presence has_tags;
    string_list tags;
    mc_presence has_colors;
    color_list colors;
    mc_string json_extra;
} scalars;

static const mc_field scalars_fields[] = {
    MC_FIELD_BOOL(scalars, flag, has_flag, "flag", MC_OPTIONAL),
    MC_FIELD_INT32(scalars, i32, has_i32, "i32", MC_NULLABLE),
    MC_FIELD_INT64(scalars, i64, has_i64, "i64", MC_OPTIONAL),
    MC_FIELD_FLOAT(scalars, f, has_f, "f", MC_OPTIONAL),
    MC_FIELD_DOUBLE(scalars, d, has_d, "d", MC_OPTIONAL),
    MC_FIELD_UUID(scalars, id, has_id, "id", MC_OPTIONAL),
    MC_FIELD_DATE(scalars, day, has_day, "day", MC_OPTIONAL),
    MC_FIELD_STRING(scalars, name, has_name, "name", MC_REQUIRED | MC_NULLABLE),
    MC_FIELD_ARRAY(scalars, tags, has_tags, "tags", MC_OPTIONAL, &string_list_desc),
    MC_FIELD_ARRAY(scalars, colors, has_colors, "colors", MC_OPTIONAL, &color_list_desc),
};
static const mc_type scalars_desc = MC_TYPE_OBJECT(scalars, "Scalars", scalars_fields, 1);

/* A recursive type: node { children: [node] }. */
typedef struct node node;
typedef struct node_list {
    node *items;
    size_t count;
} node_list;
struct node {
    mc_presence has_children;
    node_list children;
    mc_string json_extra;
};
extern const mc_type node_desc;
static const mc_type node_list_desc = MC_TYPE_ARRAY(node_list, "NodeList", MC_ITEM_OBJECT(&node_desc));
static const mc_field node_fields[] = {
    MC_FIELD_ARRAY(node, children, has_children, "children", MC_OPTIONAL, &node_list_desc),
};
const mc_type node_desc = MC_TYPE_OBJECT(node, "Node", node_fields, 0);

static int decode(scalars *s, const char *json, mc_error *err)
{
    return mc_decode(&scalars_desc, s, json, strlen(json), NULL, err);
}

static void test_all_kinds_round_trip(void **state)
{
    scalars s;
    (void)state;
    check_roundtrip(&scalars_desc, &s,
                    "{\"flag\":true,\"i32\":-2147483648,\"i64\":9223372036854775807,\"f\":0.1,\"d\":0.1,"
                    "\"id\":\"123e4567-E89B-12d3-a456-426614174000\",\"day\":\"2024-02-29\",\"name\":\"n\","
                    "\"tags\":[\"a\",\"\",\"\xc3\xa9\"],\"colors\":[\"green\",\"red\"]}",
                    NULL, 0);
    assert_true(s.flag);
    assert_int_equal(s.i32, INT32_MIN);
    assert_true(s.i64 == INT64_MAX);
    assert_true(s.f == 0.1f);
    assert_true(s.d == 0.1);
    assert_int_equal(s.day.year, 2024);
    assert_int_equal(s.tags.count, 3);
    assert_string_equal(s.tags.items[2].data, "\xc3\xa9");
    assert_int_equal(s.colors.items[0], COLOR_GREEN);
    mc_clear(&scalars_desc, &s, NULL);
    check_roundtrip(&scalars_desc, &s, "{\"flag\":false,\"i32\":null,\"name\":null}", NULL, 0);
    assert_int_equal(s.has_i32, MC_NULL);
    assert_int_equal(s.has_name, MC_NULL);
    mc_clear(&scalars_desc, &s, NULL);
}

typedef struct num_case {
    const char *json;
    int code;
} num_case;

static void test_integer_ranges(void **state)
{
    static const num_case cases[] = {
        {"{\"name\":\"\",\"i32\":2147483647}", MC_OK},
        {"{\"name\":\"\",\"i32\":2147483648}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"i32\":-2147483648}", MC_OK},
        {"{\"name\":\"\",\"i32\":-2147483649}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"i64\":9223372036854775807}", MC_OK},
        {"{\"name\":\"\",\"i64\":9223372036854775808}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"i64\":-9223372036854775808}", MC_OK},
        {"{\"name\":\"\",\"i64\":-9223372036854775809}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"i64\":18446744073709551616}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"i64\":100000000000000000000000000000}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"i64\":-0}", MC_OK},
        {"{\"name\":\"\",\"i64\":1.0}", MC_ERR_TYPE},
        {"{\"name\":\"\",\"i64\":1e2}", MC_ERR_TYPE},
        {"{\"name\":\"\",\"i64\":\"1\"}", MC_ERR_TYPE},
        {"{\"name\":\"\",\"d\":1e308}", MC_OK},
        {"{\"name\":\"\",\"d\":1e309}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"d\":-1e309}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"d\":1e-400}", MC_OK}, /* underflow to zero is fine */
        {"{\"name\":\"\",\"f\":3.4e38}", MC_OK},
        {"{\"name\":\"\",\"f\":3.5e38}", MC_ERR_RANGE},
        {"{\"name\":\"\",\"d\":true}", MC_ERR_TYPE},
        {"{\"name\":\"\",\"flag\":1}", MC_ERR_TYPE},
        {"{\"name\":\"\",\"flag\":\"true\"}", MC_ERR_TYPE},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        scalars s;
        mc_error err;
        int rc = decode(&s, cases[i].json, &err);
        if (rc != cases[i].code)
            fail_msg("%s: got %s (%s), wanted %s", cases[i].json, mc_status_text(rc), err.message,
                     mc_status_text(cases[i].code));
        if (rc != MC_OK)
            assert_int_equal(err.offset, (size_t)(strrchr(cases[i].json, ':') - cases[i].json) + 1);
        mc_clear(&scalars_desc, &s, NULL);
    }
}

static void test_doubles_are_correctly_rounded_and_printed_shortest(void **state)
{
    static const struct {
        const char *in;
        double v;
        const char *out;
    } cases[] = {
        {"0.1", 0.1, "0.1"},
        {"-0.0", -0.0, "-0"},
        {"1", 1.0, "1"},
        {"100", 100.0, "100"},
        {"1.5e3", 1500.0, "1500"},
        {"0.3333333333333333", 1.0 / 3.0, "0.3333333333333333"},
        {"1e21", 1e21, "1e+21"},
        {"1.7976931348623157e308", 1.7976931348623157e308, "1.7976931348623157e+308"},
        {"5e-324", 5e-324, "4.94065645841247e-324"}, /* 15 digits already read back exactly */
        {"2.2250738585072014E-308", 2.2250738585072014e-308, "2.2250738585072014e-308"},
        {"123456789012345678901234567890", 123456789012345678901234567890.0, "1.2345678901234568e+29"},
        {"0.000001", 0.000001, "1e-06"},
        {"9007199254740993", 9007199254740992.0, "9007199254740992"}, /* ties to even */
        {"0.1000000000000000055511151231257827", 0.1, "0.1"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char json[128], want[128];
        scalars s;
        snprintf(json, sizeof json, "{\"d\":%s,\"name\":\"\"}", cases[i].in);
        snprintf(want, sizeof want, "{\"d\":%s,\"name\":\"\"}", cases[i].out);
        check_roundtrip(&scalars_desc, &s, json, want, 0);
        if (memcmp(&s.d, &cases[i].v, sizeof s.d) != 0)
            fail_msg("%s decoded to %.17g", cases[i].in, s.d);
        mc_clear(&scalars_desc, &s, NULL);
    }
}

static void test_non_finite_doubles_are_not_encoded(void **state)
{
    scalars s;
    mc_buf b;
    (void)state;
    mc_init(&scalars_desc, &s);
    s.has_name = MC_NULL;
    s.has_d = MC_PRESENT;
    s.d = HUGE_VAL;
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_encode(&scalars_desc, &s, &b, NULL), MC_ERR_RANGE);
    s.d = NAN;
    assert_int_equal(mc_encode(&scalars_desc, &s, &b, NULL), MC_ERR_RANGE);
    assert_int_equal(b.len, 0);
    mc_buf_dispose(&b);
}

static void test_numbers_ignore_the_locale(void **state)
{
    static const char *const comma_locales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
                                                "nl_NL.UTF-8", "ru_RU.UTF-8"};
    size_t i;
    bool switched = false;
    (void)state;
    for (i = 0; i < sizeof comma_locales / sizeof comma_locales[0] && !switched; i++)
        switched = setlocale(LC_NUMERIC, comma_locales[i]) != NULL;
    if (switched) {
        char probe[8];
        snprintf(probe, sizeof probe, "%.1f", 0.5);
        print_message("note: LC_NUMERIC=%s, printf writes %s\n", comma_locales[i - 1], probe);
    } else
        print_message("note: no decimal-comma locale installed; checking under the C locale only\n");
    {
        scalars s;
        check_roundtrip(&scalars_desc, &s, "{\"f\":2.5,\"d\":1234.5678e-2,\"name\":\"\"}",
                        "{\"f\":2.5,\"d\":12.345678,\"name\":\"\"}", 0);
        assert_true(s.d == 12.345678);
        mc_clear(&scalars_desc, &s, NULL);
        /* the slow path (strtod) too: more digits than the exact fast path takes */
        check_roundtrip(&scalars_desc, &s, "{\"d\":0.12345678901234567,\"name\":\"\"}",
                        "{\"d\":0.12345678901234566,\"name\":\"\"}", 0);
        mc_clear(&scalars_desc, &s, NULL);
    }
    setlocale(LC_NUMERIC, "C");
}

static void test_required_members(void **state)
{
    scalars s;
    mc_error err;
    mc_buf b;
    (void)state;
    assert_int_equal(decode(&s, "{\"flag\":true}", &err), MC_ERR_MISSING_REQUIRED);
    assert_string_equal(err.pointer, "/name");
    assert_int_equal(err.offset, 12);
    assert_string_equal(err.message, "missing required member \"name\"");
    /* null counts as present for a required nullable member */
    assert_int_equal(decode(&s, "{\"name\":null}", &err), MC_OK);
    mc_clear(&scalars_desc, &s, NULL);
    /* encoding an absent required member is an error, and writes nothing */
    mc_init(&scalars_desc, &s);
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_encode(&scalars_desc, &s, &b, NULL), MC_ERR_MISSING_REQUIRED);
    assert_int_equal(b.len, 0);
    mc_buf_dispose(&b);
}

static void test_uuid_and_date_validation(void **state)
{
    scalars s;
    mc_error err;
    mc_buf b;
    (void)state;
    assert_int_equal(decode(&s, "{\"id\":\"123e4567-e89b-12d3-a456-42661417400\",\"name\":\"\"}", &err), MC_ERR_UUID);
    assert_string_equal(err.pointer, "/id");
    assert_int_equal(decode(&s, "{\"id\":\"123e4567e89b-12d3-a456-4266141740000\",\"name\":\"\"}", &err), MC_ERR_UUID);
    assert_int_equal(decode(&s, "{\"id\":\"g23e4567-e89b-12d3-a456-426614174000\",\"name\":\"\"}", &err), MC_ERR_UUID);
    assert_int_equal(decode(&s, "{\"day\":\"2023-02-29\",\"name\":\"\"}", &err), MC_ERR_DATETIME);
    assert_string_equal(err.pointer, "/day");
    mc_init(&scalars_desc, &s);
    s.has_name = MC_NULL;
    s.has_id = MC_PRESENT;
    assert_int_equal(mc_string_set(&s.id, "nope", 4, NULL), MC_OK);
    mc_buf_init(&b, NULL);
    assert_int_equal(mc_encode(&scalars_desc, &s, &b, NULL), MC_ERR_UUID);
    mc_buf_dispose(&b);
    mc_clear(&scalars_desc, &s, NULL);
}

static void test_enum_items_have_no_unknown_slot(void **state)
{
    scalars s;
    mc_error err;
    (void)state;
    assert_int_equal(decode(&s, "{\"colors\":[\"red\",\"blue\"],\"name\":\"\"}", &err), MC_ERR_UNKNOWN_ENUM);
    assert_string_equal(err.pointer, "/colors/1");
    assert_int_equal(decode(&s, "{\"tags\":[\"a\",null],\"name\":\"\"}", &err), MC_ERR_NULL);
    assert_string_equal(err.pointer, "/tags/1");
}

static void test_recursive_type_and_depth(void **state)
{
    node n;
    mc_error err;
    char json[1024];
    size_t i, len = 0;
    (void)state;
    check_roundtrip(&node_desc, &n, "{\"children\":[{},{\"children\":[{\"children\":[]}]}]}", NULL, 0);
    mc_clear(&node_desc, &n, NULL);
    /* 40 levels of {"children":[ ... ]}: 80 containers, over the default bound of 64 */
    for (i = 0; i < 40; i++)
        len += (size_t)sprintf(json + len, "{\"children\":[");
    json[len++] = '{';
    json[len++] = '}';
    for (i = 0; i < 40; i++) {
        json[len++] = ']';
        json[len++] = '}';
    }
    assert_int_equal(mc_decode(&node_desc, &n, json, len, NULL, &err), MC_ERR_DEPTH);
    assert_int_equal(err.offset, 32 * 13); /* the 33rd object is level 65 */
    {
        mc_decode_options opt = {NULL, 100, 0};
        assert_int_equal(mc_decode(&node_desc, &n, json, len, &opt, &err), MC_OK);
        mc_clear(&node_desc, &n, NULL);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_kinds_round_trip),
        cmocka_unit_test(test_integer_ranges),
        cmocka_unit_test(test_doubles_are_correctly_rounded_and_printed_shortest),
        cmocka_unit_test(test_non_finite_doubles_are_not_encoded),
        cmocka_unit_test(test_numbers_ignore_the_locale),
        cmocka_unit_test(test_required_members),
        cmocka_unit_test(test_uuid_and_date_validation),
        cmocka_unit_test(test_enum_items_have_no_unknown_slot),
        cmocka_unit_test(test_recursive_type_and_depth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
