/*
 * test_mustache_tmpl.c - template sets: override folder over built-ins,
 * compile once, partials from the same set, the list of files read, and
 * errors printed as file:line:col through the diag.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "tmpl.h"

static char dir[64];
static gen_arena arena;
static gen_diag diag;
static char *diag_text;
static size_t diag_len;

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/modelc-tmpl-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    gen_arena_init(&arena);
    FILE *f = open_memstream(&diag_text, &diag_len);
    if (!f)
        return -1;
    gen_diag_init(&diag, f);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fclose(diag.out);
    free(diag_text);
    gen_diag_dispose(&diag);
    gen_arena_dispose(&arena);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void put(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *messages(void)
{
    fflush(diag.out);
    return diag_text ? diag_text : "";
}

static void test_mustache_tmpl_override_dir(void **state)
{
    (void)state;
    put("main.mustache", "struct {{name}} {\n  {{>fields}}\n};\n");
    put("fields.mustache", "{{#f}}\nint {{.}};\n{{/f}}\n");
    gen_tmpl_set *set = gen_tmpl_set_new(&arena, &diag, dir, false);
    const mustache_template *t = gen_tmpl_get(set, "main");
    assert_non_null(t);
    assert_ptr_equal(gen_tmpl_get(set, "main.mustache"), t); /* cached */
    /* the partial was read with its template, once */
    assert_int_equal(gen_tmpl_file_count(set), 2);
    char want[256];
    snprintf(want, sizeof want, "%s/main.mustache", dir);
    assert_string_equal(gen_tmpl_file_at(set, 0)->path, want);
    assert_false(gen_tmpl_file_at(set, 0)->builtin);
    snprintf(want, sizeof want, "%s/fields.mustache", dir);
    assert_string_equal(gen_tmpl_file_at(set, 1)->path, want);
    assert_null(gen_tmpl_file_at(set, 2));

    gen_data *d = gen_data_map(&arena);
    gen_data_set_str(&arena, d, "name", "s");
    gen_data *l = gen_data_set(&arena, d, "f", gen_data_list(&arena));
    gen_data_push(&arena, l, gen_data_cstr(&arena, "a"));
    gen_data_push(&arena, l, gen_data_cstr(&arena, "b"));
    mustache_buf out;
    mustache_buf_init(&out);
    assert_int_equal(gen_tmpl_render(set, t, d, NULL, &out), 0);
    assert_string_equal(out.data, "struct s {\n  int a;\n  int b;\n};\n");
    assert_int_equal(gen_tmpl_file_count(set), 2);

    /* C policy: a missing variable is an error at the tag, in its file */
    gen_data *empty = gen_data_map(&arena);
    out.len = 0;
    assert_int_equal(gen_tmpl_render(set, t, empty, NULL, &out), -1);
    assert_int_equal(diag.errors, 1);
    snprintf(want, sizeof want, "%s/main.mustache:1:8: error: missing variable 'name'\n", dir);
    assert_non_null(strstr(messages(), want));
    mustache_buf_dispose(&out);
    gen_tmpl_set_dispose(set);
}

static void test_mustache_tmpl_errors(void **state)
{
    (void)state;
    put("a.mustache", "ok {{>b}}");
    put("b.mustache", "line\n  {{#x}}\n");
    put("c.mustache", "{{>nowhere}}");
    gen_tmpl_set *set = gen_tmpl_set_new(&arena, &diag, dir, false);
    /* a compile error in a partial fails the template that uses it */
    assert_null(gen_tmpl_get(set, "a"));
    assert_int_equal(diag.errors, 1);
    char want[256];
    snprintf(want, sizeof want, "%s/b.mustache:2:3: error: unclosed section 'x'", dir);
    assert_non_null(strstr(messages(), want));
    /* reported once, even when asked again */
    assert_null(gen_tmpl_get(set, "b"));
    assert_int_equal(diag.errors, 1);
    /* unknown template */
    assert_null(gen_tmpl_get(set, "zzz"));
    assert_int_equal(diag.errors, 2);
    /* unknown partial: compiles; rendering under the C policy fails */
    const mustache_template *c = gen_tmpl_get(set, "c");
    assert_non_null(c);
    mustache_buf out;
    mustache_buf_init(&out);
    assert_int_equal(gen_tmpl_render(set, c, NULL, NULL, &out), -1);
    assert_non_null(strstr(messages(), "c.mustache:1:1: error: unknown partial 'nowhere'"));
    mustache_options spec = MUSTACHE_OPTIONS_SPEC;
    assert_int_equal(gen_tmpl_render(set, c, NULL, &spec, &out), 0);
    assert_int_equal(out.len, 0);
    /* names that would leave the folder are never found */
    put("d.mustache", "[{{>*n}}]");
    gen_data *d = gen_data_map(&arena);
    gen_data_set_str(&arena, d, "n", "../etc/passwd");
    const mustache_template *dt = gen_tmpl_get(set, "d");
    assert_non_null(dt);
    assert_int_equal(gen_tmpl_render(set, dt, d, &spec, &out), 0);
    assert_string_equal(out.data, "[]");
    mustache_buf_dispose(&out);
    /* a template file given by path */
    snprintf(want, sizeof want, "%s/a.mustache", dir);
    assert_null(gen_tmpl_load_path(set, want));
    assert_null(gen_tmpl_load_path(set, "/nonexistent/x.mustache"));
    assert_non_null(strstr(messages(), "/nonexistent/x.mustache: error: cannot read template"));
    gen_tmpl_set_dispose(set);
}

static void test_mustache_tmpl_builtins(void **state)
{
    (void)state;
    size_t n = gen_tmpl_builtin_count();
    gen_tmpl_set *set = gen_tmpl_set_new(&arena, &diag, NULL, true);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *name = gen_tmpl_builtin_name(i, &len);
        assert_non_null(name);
        char *key = gen_arena_strndup(&arena, name, len);
        const char *src, *path;
        size_t sl;
        assert_true(gen_tmpl_source(set, key, &src, &sl, &path));
        assert_string_equal(path, gen_arena_printf(&arena, "templates/%s.mustache", key));
        /* every built-in template compiles */
        if (!gen_tmpl_get(set, key))
            fail_msg("built-in %s: %s", key, messages());
    }
    assert_null(gen_tmpl_builtin_name(n, &(size_t){0}));
    for (size_t i = 0; i < gen_tmpl_file_count(set); i++)
        assert_true(gen_tmpl_file_at(set, i)->builtin);
    gen_tmpl_set_dispose(set);
    if (n == 0)
        return;
    /* an override of one file wins; the rest stay built-in */
    size_t len;
    const char *name = gen_tmpl_builtin_name(0, &len);
    char *key = gen_arena_strndup(&arena, name, len);
    put(gen_arena_printf(&arena, "%s.mustache", key), "mine");
    set = gen_tmpl_set_new(&arena, &diag, dir, true);
    const char *src, *path;
    size_t sl;
    assert_true(gen_tmpl_source(set, key, &src, &sl, &path));
    assert_int_equal(sl, 4);
    assert_memory_equal(src, "mine", 4);
    assert_false(gen_tmpl_source(set, "no-such-template", &src, &sl, &path));
    gen_tmpl_set_dispose(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mustache_tmpl_override_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_tmpl_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mustache_tmpl_builtins, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
