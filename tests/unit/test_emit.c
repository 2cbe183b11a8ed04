/*
 * test_emit.c - the emitter's contract with build systems: write only what
 * changed, remove only what it wrote, fail without touching the folder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/modelc-emit-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *path_in(const char *name)
{
    static char buf[4][256];
    static int i;
    i = (i + 1) % 4;
    snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
    return buf[i];
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static ino_t inode(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_ino;
}

static int emit(gen_emit_mode mode, const gen_output *outs, size_t n)
{
    gen_emit_options opt = {0};
    opt.dir = dir;
    opt.mode = mode;
    opt.out = stderr;
    return gen_emit(outs, n, &opt);
}

static const gen_output two[] = {
    {"a.h", "A\n", 2, "schema/A.yaml"},
    {"b.h", "B\n", 2, "schema/B.yaml"},
};

static void writes_files_and_manifest(void **state)
{
    (void)state;
    assert_int_equal(emit(GEN_EMIT_WRITE, two, 2), 0);
    assert_string_equal(slurp(path_in("a.h")), "A\n");
    assert_string_equal(slurp(path_in("b.h")), "B\n");
    assert_non_null(strstr(slurp(path_in(GEN_EMIT_MANIFEST)), "\na.h\nb.h\n"));
}

static void unchanged_files_are_not_rewritten(void **state)
{
    (void)state;
    assert_int_equal(emit(GEN_EMIT_WRITE, two, 2), 0);
    ino_t a = inode(path_in("a.h"));
    ino_t m = inode(path_in(GEN_EMIT_MANIFEST));
    gen_output changed[] = {{"a.h", "A\n", 2, NULL}, {"b.h", "B2\n", 3, NULL}};
    assert_int_equal(emit(GEN_EMIT_WRITE, changed, 2), 0);
    assert_true(inode(path_in("a.h")) == a);
    assert_true(inode(path_in(GEN_EMIT_MANIFEST)) == m);
    assert_string_equal(slurp(path_in("b.h")), "B2\n");
}

static void stale_outputs_are_removed_and_others_kept(void **state)
{
    (void)state;
    spit(path_in("mine.c"), "user file\n");
    assert_int_equal(emit(GEN_EMIT_WRITE, two, 2), 0);
    assert_int_equal(emit(GEN_EMIT_WRITE, two, 1), 0);
    assert_int_equal(access(path_in("b.h"), F_OK), -1);
    assert_string_equal(slurp(path_in("a.h")), "A\n");
    assert_string_equal(slurp(path_in("mine.c")), "user file\n");
    assert_null(strstr(slurp(path_in(GEN_EMIT_MANIFEST)), "b.h"));
}

static void manifest_outside_folder_is_refused(void **state)
{
    (void)state;
    spit(path_in("victim"), "keep\n");
    spit(path_in(GEN_EMIT_MANIFEST), "a.h\n../victim\n");
    assert_int_equal(emit(GEN_EMIT_WRITE, two, 2), 1);
    assert_int_equal(access(path_in("a.h"), F_OK), -1);
    assert_string_equal(slurp(path_in("victim")), "keep\n");
}

static void duplicate_outputs_are_an_error(void **state)
{
    (void)state;
    gen_output dup[] = {{"x.h", "1", 1, "schema/X.yaml"}, {"x.h", "2", 1, "other/X.yaml"}};
    assert_int_equal(emit(GEN_EMIT_WRITE, dup, 2), 1);
    assert_int_equal(access(path_in("x.h"), F_OK), -1);
    gen_output bad[] = {{"../x.h", "1", 1, NULL}};
    assert_int_equal(emit(GEN_EMIT_WRITE, bad, 1), 1);
}

static void unwritable_folder_is_an_error(void **state)
{
    (void)state;
    spit(path_in("file"), "not a folder\n");
    gen_emit_options opt = {0};
    opt.dir = path_in("file/sub");
    assert_int_equal(gen_emit(two, 2, &opt), 1);
    assert_string_equal(slurp(path_in("file")), "not a folder\n");
}

static void check_reports_stale_missing_extra(void **state)
{
    (void)state;
    assert_int_equal(emit(GEN_EMIT_WRITE, two, 2), 0);
    assert_int_equal(emit(GEN_EMIT_CHECK, two, 2), 0);
    gen_output changed[] = {{"a.h", "A2\n", 3, NULL}};
    assert_int_equal(emit(GEN_EMIT_CHECK, changed, 1), 1); /* a.h stale, b.h extra */
    gen_output more[] = {{"a.h", "A\n", 2, NULL}, {"b.h", "B\n", 2, NULL}, {"c.h", "", 0, NULL}};
    assert_int_equal(emit(GEN_EMIT_CHECK, more, 3), 1); /* c.h missing */
    assert_false(access(path_in("c.h"), F_OK) == 0);
    assert_string_equal(slurp(path_in("a.h")), "A\n");
}

static void check_of_missing_folder_is_an_error(void **state)
{
    (void)state;
    gen_emit_options opt = {0};
    opt.dir = path_in("nope");
    opt.mode = GEN_EMIT_CHECK;
    opt.out = stderr;
    assert_int_equal(gen_emit(two, 2, &opt), 1);
    assert_int_equal(access(opt.dir, F_OK), -1);
}

static void depfile_escapes_and_lists_inputs(void **state)
{
    (void)state;
    const char *targets[] = {"out/a b.h", "out/c.h"};
    const char *inputs[] = {"schema/A.yaml", "t/$x#.mustache"};
    assert_int_equal(gen_emit_depfile(path_in("deps.d"), targets, 2, inputs, 2), 0);
    assert_string_equal(slurp(path_in("deps.d")),
                        "out/a\\ b.h \\\n out/c.h: \\\n schema/A.yaml \\\n t/$$x\\#.mustache\n"
                        "\nschema/A.yaml:\n\nt/$$x\\#.mustache:\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(writes_files_and_manifest, setup, teardown),
        cmocka_unit_test_setup_teardown(unchanged_files_are_not_rewritten, setup, teardown),
        cmocka_unit_test_setup_teardown(stale_outputs_are_removed_and_others_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(manifest_outside_folder_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_outputs_are_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(unwritable_folder_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(check_reports_stale_missing_extra, setup, teardown),
        cmocka_unit_test_setup_teardown(check_of_missing_folder_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(depfile_escapes_and_lists_inputs, setup, teardown),
    };
    return cmocka_run_group_tests_name("emit", tests, NULL, NULL);
}
