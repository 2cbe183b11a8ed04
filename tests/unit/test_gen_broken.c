/*
 * test_gen_broken.c - the broken-schema corpus: exact diagnostics, byte for byte.
 *
 * Every tests/schemas/broken/NAME.yaml is run through the front end in
 * process; what the diagnostics print must equal NAME.expected exactly
 * (file:line:col, message, source line, caret).  One CMocka test per file,
 * so a failure names the schema.  Set MODELC_UPDATE_GOLDEN=1 to rewrite the
 * .expected files after a deliberate change, then review the diff.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>

#include "gen_support.h"

#define CORPUS "tests/schemas/broken"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1024, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

static void test_gen_broken_case(void **state)
{
    const char *name = *state;
    char yaml[512], expected[512];
    snprintf(yaml, sizeof yaml, CORPUS "/%s.yaml", name);
    snprintf(expected, sizeof expected, CORPUS "/%s.expected", name);
    gen_arena arena;
    gen_arena_init(&arena);
    gen_test_run_result r = gen_test_run1(&arena, yaml);
    if (getenv("MODELC_UPDATE_GOLDEN")) {
        FILE *f = fopen(expected, "wb");
        assert_non_null(f);
        fwrite(r.messages, 1, r.messages_len, f);
        fclose(f);
    }
    size_t elen = 0;
    char *want = read_file(expected, &elen);
    if (!want)
        fail_msg("%s is missing", expected);
    if (elen != r.messages_len || memcmp(want, r.messages, elen) != 0)
        print_error("--- expected (%s)\n%.*s--- got\n%.*s", expected, (int)elen, want,
                    (int)r.messages_len, r.messages);
    bool same = elen == r.messages_len && memcmp(want, r.messages, elen) == 0;
    /* Every corpus file must produce at least one diagnostic. */
    bool some = r.errors + r.warnings > 0;
    free(want);
    free(r.messages);
    gen_arena_dispose(&arena);
    assert_true(same);
    assert_true(some);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    DIR *d = opendir(CORPUS);
    if (!d) {
        fprintf(stderr, "cannot open " CORPUS " (run from the repository root)\n");
        return 1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 5 && !strcmp(e->d_name + l - 5, ".yaml")) {
            names = realloc(names, (n + 1) * sizeof *names);
            names[n] = malloc(l - 4);
            memcpy(names[n], e->d_name, l - 5);
            names[n][l - 5] = '\0';
            n++;
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    struct CMUnitTest *tests = calloc(n ? n : 1, sizeof *tests);
    char **test_names = calloc(n ? n : 1, sizeof *test_names);
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(names[i]) + 32;
        test_names[i] = malloc(l);
        snprintf(test_names[i], l, "test_gen_broken_%s", names[i]);
        tests[i].name = test_names[i];
        tests[i].test_func = test_gen_broken_case;
        tests[i].initial_state = names[i];
    }
    int rc = n < 25 ? 1 : 0;
    if (rc)
        fprintf(stderr, "the corpus has %zu cases; at least 25 expected\n", n);
    rc |= _cmocka_run_group_tests("gen_broken", tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
        free(test_names[i]);
    }
    free(names);
    free(test_names);
    free(tests);
    return rc;
}
