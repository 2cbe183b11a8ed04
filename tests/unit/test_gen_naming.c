/*
 * test_gen_naming.c - what schema names become in C: a table of tricky names,
 * keywords, enum members, literals, collisions; and the loader's scalar rules.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "gen_support.h"
#include "load.h"

static void test_gen_naming_snake_table(void **state)
{
    (void)state;
    static const char *const table[][2] = {
        {"CertificationTask", "certification_task"},
        {"ReassignmentTrailDTO", "reassignment_trail_dto"},
        {"ErrorMessageDto", "error_message_dto"},
        {"reassignmentTrailDTOs", "reassignment_trail_dtos"},
        {"targetId", "target_id"},
        {"localeOrigin", "locale_origin"},
        {"HTTPServer", "http_server"},
        {"ISO8601Date", "iso8601_date"},
        {"already_snake", "already_snake"},
        {"with-dash", "with_dash"},
        {"with.dot", "with_dot"},
        {"with space", "with_space"},
        {"__double__under__", "double_under"},
        {"_Leading", "leading"},
        {"1st", "x_1st"},
        {"", "empty_"},
        {"---", "empty_"},
        {"default", "default_"},
        {"class", "class_"},
        {"bool", "bool_"},
        {"errno", "errno_"},
        {"unix", "unix_"},
        {"café", "caf_u00e9"},
        {"TYPE", "type"},
    };
    gen_arena a;
    gen_arena_init(&a);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        char *got = gen_naming_snake(&a, table[i][0], strlen(table[i][0]));
        if (strcmp(got, table[i][1]))
            fail_msg("'%s' -> '%s', want '%s'", table[i][0], got, table[i][1]);
    }
    gen_arena_dispose(&a);
}

static void test_gen_naming_member_table(void **state)
{
    (void)state;
    static const char *const table[][2] = {
        {"ADMIN_REASSIGN", "ADMIN_REASSIGN"}, {"in-progress", "IN_PROGRESS"},
        {"lower case", "LOWER_CASE"},         {"a.b", "A_B"},
        {"", "EMPTY"},                        {"-", "X2D"},
        {"+-", "X2B2D"},                      {"null", "NULL"},
        {"1st", "1ST"},                       {"é", "U00E9"},
        {"camelCase", "CAMEL_CASE"},
    };
    gen_arena a;
    gen_arena_init(&a);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        char *got = gen_naming_member(&a, table[i][0], strlen(table[i][0]));
        if (strcmp(got, table[i][1]))
            fail_msg("'%s' -> '%s', want '%s'", table[i][0], got, table[i][1]);
    }
    gen_arena_dispose(&a);
}

static void test_gen_naming_literals(void **state)
{
    (void)state;
    gen_arena a;
    gen_arena_init(&a);
    assert_string_equal(gen_naming_c_literal(&a, "a\"b\\c", 5), "\"a\\\"b\\\\c\"");
    assert_string_equal(gen_naming_c_literal(&a, "\n\001\xc3\xa9", 4),
                        "\"\\n\\001\\303\\251\"");
    assert_string_equal(gen_naming_c_literal(&a, "?" "?=", 3), "\"?\\?=\"");
    size_t n;
    assert_string_equal(gen_naming_json_string(&a, "a\"\x01", 3, &n), "\"a\\\"\\u0001\"");
    assert_true(gen_naming_is_reserved("typeof"));
    assert_true(gen_naming_is_reserved("namespace"));
    assert_false(gen_naming_is_reserved("type"));
    assert_true(gen_naming_prefix_ok("sp"));
    assert_true(gen_naming_prefix_ok("My_api2"));
    assert_false(gen_naming_prefix_ok("_x"));
    assert_false(gen_naming_prefix_ok("2x"));
    assert_false(gen_naming_prefix_ok("a__b"));
    assert_false(gen_naming_prefix_ok("a-b"));
    gen_arena_dispose(&a);
}

/* Members of one enum that map to one C name: the later gets _2, _3. */
static void test_gen_naming_enum_dedupe(void **state)
{
    (void)state;
    char path[] = "/tmp/modelc_test_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("type: string\nenum: [a-b, a_b, A B, unknown, null]\nnullable: true\n", f);
    fclose(f);
    gen_arena a;
    gen_arena_init(&a);
    gen_test_run_result r = gen_test_run1(&a, path);
    assert_non_null(r.ir);
    const gen_ir_type *t = r.ir->types[0];
    assert_int_equal(t->member_count, 4);
    const char *base = t->names.upper;
    char want[256];
    snprintf(want, sizeof want, "%s_A_B", base);
    assert_string_equal(t->members[0].c_name, want);
    snprintf(want, sizeof want, "%s_A_B_2", base);
    assert_string_equal(t->members[1].c_name, want);
    snprintf(want, sizeof want, "%s_A_B_3", base);
    assert_string_equal(t->members[2].c_name, want);
    snprintf(want, sizeof want, "%s_UNKNOWN_2", base);
    assert_string_equal(t->members[3].c_name, want);
    assert_true(t->has_null);
    free(r.messages);
    gen_arena_dispose(&a);
    remove(path);
}

static gen_node *load_text(gen_arena *a, gen_diag *d, const char *text, char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    gen_loader ld;
    gen_loader_init(&ld, a, d);
    gen_load_file *lf = gen_loader_load(&ld, path, NULL);
    remove(path);
    return lf && !lf->failed ? lf->root : NULL;
}

/* YAML 1.2 core schema: plain scalars resolve by style, quoted stay strings. */
static void test_gen_naming_loader_scalars(void **state)
{
    (void)state;
    gen_arena a;
    gen_arena_init(&a);
    gen_diag d;
    gen_diag_init(&d, stderr);
    char path[] = "/tmp/modelc_test_XXXXXX";
    gen_node *root = load_text(&a, &d,
                               "a: null\nb: ~\nc: 'null'\nd: true\ne: yes\nf: 0x1F\ng: 0o17\n"
                               "h: -12\ni: 1.5e3\nj: .inf\nk: \"12\"\nl: 99999999999999999999\n"
                               "m: !!str 12\nn:\no: False\n",
                               path);
    assert_non_null(root);
    static const struct {
        const char *key;
        gen_node_kind kind;
    } want[] = {
        {"a", GEN_NODE_NULL},   {"b", GEN_NODE_NULL},   {"c", GEN_NODE_STRING},
        {"d", GEN_NODE_BOOL},   {"e", GEN_NODE_STRING}, {"f", GEN_NODE_INT},
        {"g", GEN_NODE_INT},    {"h", GEN_NODE_INT},    {"i", GEN_NODE_FLOAT},
        {"j", GEN_NODE_FLOAT},  {"k", GEN_NODE_STRING}, {"l", GEN_NODE_INT},
        {"m", GEN_NODE_STRING}, {"n", GEN_NODE_NULL},   {"o", GEN_NODE_BOOL},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        gen_node *n = gen_node_get(root, want[i].key);
        assert_non_null(n);
        if (n->kind != want[i].kind)
            fail_msg("%s: kind %d, want %d", want[i].key, n->kind, want[i].kind);
    }
    assert_int_equal(gen_node_get(root, "f")->i, 31);
    assert_int_equal(gen_node_get(root, "g")->i, 15);
    assert_int_equal(gen_node_get(root, "h")->i, -12);
    assert_true(gen_node_get(root, "l")->big);
    assert_int_equal(gen_node_get(root, "h")->pos.line, 8);
    assert_int_equal(gen_node_get(root, "h")->pos.col, 4);
    assert_int_equal(d.errors, 0);
    gen_diag_dispose(&d);
    gen_arena_dispose(&a);
}

static void test_gen_naming_join_path(void **state)
{
    (void)state;
    gen_arena a;
    gen_arena_init(&a);
    assert_string_equal(gen_load_join_path(&a, "schema/", "./X.yaml"), "schema/X.yaml");
    assert_string_equal(gen_load_join_path(&a, "a/b/", "../x/Y.yaml"), "a/x/Y.yaml");
    assert_string_equal(gen_load_join_path(&a, "", "../Y.yaml"), "../Y.yaml");
    assert_string_equal(gen_load_join_path(&a, "../", "../Y.yaml"), "../../Y.yaml");
    assert_string_equal(gen_load_join_path(&a, "a/", "/abs/./Y.yaml"), "/abs/Y.yaml");
    assert_string_equal(gen_load_join_path(&a, "/", "../Y.yaml"), "/Y.yaml");
    gen_arena_dispose(&a);
}

static void test_gen_naming_load_data(void **state)
{
    (void)state;
    gen_arena a;
    gen_arena_init(&a);
    gen_diag d;
    gen_diag_init(&d, stderr);
    gen_data *x = gen_load_data(&a, &d, "schema/ErrorMessageDtoList.yaml");
    assert_non_null(x);
    assert_int_equal(x->kind, GEN_DATA_MAP);
    gen_data *ex = gen_data_get(x, "example", 7);
    assert_string_equal(gen_data_get(ex, "localeOrigin", 12)->u.string.ptr, "DEFAULT");
    FILE *quiet = d.out;
    d.out = fopen("/dev/null", "w");
    assert_null(gen_load_data(&a, &d, "tests/schemas/broken/dup_key.yaml"));
    fclose(d.out);
    d.out = quiet;
    gen_diag_dispose(&d);
    gen_arena_dispose(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gen_naming_snake_table),
        cmocka_unit_test(test_gen_naming_member_table),
        cmocka_unit_test(test_gen_naming_literals),
        cmocka_unit_test(test_gen_naming_enum_dedupe),
        cmocka_unit_test(test_gen_naming_loader_scalars),
        cmocka_unit_test(test_gen_naming_join_path),
        cmocka_unit_test(test_gen_naming_load_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
