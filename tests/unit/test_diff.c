/*
 * test_diff.c - `modelc diff`: which schema changes are breaking for code
 * generated from the old schema, with the exact findings text.
 *
 * Table-driven: each case is a folder tests/diff/NAME/ with old/ and new/
 * schema files; both sides go through gen_ir_build (as `modelc diff` does)
 * and gen_diff_ir writes to a memory stream that is compared byte for byte,
 * along with the breaking and compatible counts it returns.  Runs from the
 * repository root (as `make check` does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "diff.h"
#include "ir.h"

#define MAX_FILES 3

typedef struct diff_case {
    const char *name;                   /* folder under tests/diff/ */
    const char *old_files[MAX_FILES];   /* in old/, NULL-terminated */
    const char *new_files[MAX_FILES];   /* in new/ */
    unsigned breaking, compatible;
    const char *expected;               /* gen_diff_ir's output, exactly */
} diff_case;

#define D "tests/diff/"
#define MOVED " (its C value changes: append new members at the end instead)"

static const diff_case cases[] = {
    {"unchanged", {"Pet.yaml"}, {"Pet.yaml"}, 0, 0, ""},
    {"field_removed", {"Pet.yaml"}, {"Pet.yaml"}, 1, 0,
     D "field_removed/old/Pet.yaml:8:3: breaking: field 'tag' removed from Pet (or renamed)\n"},
    {"field_renamed", {"Pet.yaml"}, {"Pet.yaml"}, 1, 1,
     D "field_renamed/old/Pet.yaml:8:3: breaking: field 'tag' removed from Pet (or renamed)\n"
     D "field_renamed/new/Pet.yaml:8:3: compatible: optional field 'label' added to Pet\n"},
    {"string_to_integer", {"Pet.yaml"}, {"Pet.yaml"}, 1, 0,
     D "string_to_integer/new/Pet.yaml:8:3: breaking: field 'tag' of Pet changed type from "
       "string to int64\n"},
    {"int32_to_int64", {"Pet.yaml"}, {"Pet.yaml"}, 1, 0,
     D "int32_to_int64/new/Pet.yaml:5:3: breaking: field 'age' of Pet changed type from int32 "
       "to int64\n"},
    {"became_required", {"Pet.yaml"}, {"Pet.yaml"}, 1, 0,
     D "became_required/new/Pet.yaml:10:3: breaking: field 'tag' of Pet became required\n"},
    {"became_optional", {"Pet.yaml"}, {"Pet.yaml"}, 0, 1,
     D "became_optional/new/Pet.yaml:8:3: compatible: field 'tag' of Pet became optional\n"},
    {"became_nullable", {"Pet.yaml"}, {"Pet.yaml"}, 1, 0,
     D "became_nullable/new/Pet.yaml:8:3: breaking: field 'tag' of Pet became nullable (code "
       "built from the old schema rejects null)\n"},
    {"optional_added", {"Pet.yaml"}, {"Pet.yaml"}, 0, 1,
     D "optional_added/new/Pet.yaml:10:3: compatible: optional field 'color' added to Pet\n"},
    {"required_added", {"Pet.yaml"}, {"Pet.yaml"}, 1, 0,
     D "required_added/new/Pet.yaml:12:3: breaking: required field 'color' added to Pet\n"},
    {"fields_reordered", {"Pet.yaml"}, {"Pet.yaml"}, 1, 0,
     D "fields_reordered/new/Pet.yaml:1:1: breaking: fields of Pet were reordered (the struct "
       "layout changes)\n"},
    {"enum_appended", {"Kind.yaml"}, {"Kind.yaml"}, 0, 1,
     D "enum_appended/new/Kind.yaml:5:5: compatible: enum member 'bird' appended to Kind\n"},
    {"enum_removed", {"Kind.yaml"}, {"Kind.yaml"}, 2, 0,
     D "enum_removed/old/Kind.yaml:4:5: breaking: enum member 'dog' removed from Kind\n"
     D "enum_removed/new/Kind.yaml:4:5: breaking: enum member 'bird' of Kind moved from 2 to 1"
       MOVED "\n"},
    {"enum_reordered", {"Kind.yaml"}, {"Kind.yaml"}, 2, 0,
     D "enum_reordered/new/Kind.yaml:5:5: breaking: enum member 'dog' of Kind moved from 1 to 2"
       MOVED "\n"
     D "enum_reordered/new/Kind.yaml:4:5: breaking: enum member 'bird' of Kind moved from 2 to 1"
       MOVED "\n"},
    {"enum_inserted", {"Kind.yaml"}, {"Kind.yaml"}, 2, 0,
     D "enum_inserted/new/Kind.yaml:5:5: breaking: enum member 'dog' of Kind moved from 1 to 2"
       MOVED "\n"
     D "enum_inserted/new/Kind.yaml:4:5: breaking: enum member 'bird' added to Kind with "
       "number 1, which code built from the old schema reads as 'dog' (append new members at "
       "the end instead)\n"},
    {"enum_null_removed", {"Kind.yaml"}, {"Kind.yaml"}, 1, 0,
     D "enum_null_removed/new/Kind.yaml:1:1: breaking: null is no longer a member of Kind\n"},
    {"enum_null_added", {"Kind.yaml"}, {"Kind.yaml"}, 1, 0,
     D "enum_null_added/new/Kind.yaml:1:1: breaking: null became a member of Kind (code built "
       "from the old schema rejects null)\n"},
    {"type_removed", {"Kind.yaml", "Pet.yaml"}, {"Pet.yaml"}, 1, 0,
     D "type_removed/old/Kind.yaml:1:1: breaking: type Kind removed (or renamed)\n"},
    {"type_added", {"Pet.yaml"}, {"Kind.yaml", "Pet.yaml"}, 0, 1,
     D "type_added/new/Kind.yaml:1:1: compatible: type Kind added\n"},
    {"kind_changed", {"Kind.yaml"}, {"Kind.yaml"}, 1, 0,
     D "kind_changed/new/Kind.yaml:1:1: breaking: Kind changed from enum to object\n"},
    {"array_items_changed", {"Pet.yaml", "PetList.yaml"}, {"Pet.yaml", "PetList.yaml"}, 1, 0,
     D "array_items_changed/new/PetList.yaml:1:1: breaking: PetList changed from object Pet to "
       "string\n"},
};

/* Builds the IR of tests/diff/NAME/SIDE/FILES; fails the test on any diagnostic. */
static gen_ir *build_side(gen_arena *a, const char *name, const char *side,
                          const char *const *files)
{
    const char *paths[MAX_FILES];
    size_t n = 0;
    while (n < MAX_FILES && files[n]) {
        paths[n] = gen_arena_printf(a, D "%s/%s/%s", name, side, files[n]);
        n++;
    }
    char *msg = NULL;
    size_t msg_len = 0;
    FILE *mem = open_memstream(&msg, &msg_len);
    assert_non_null(mem);
    gen_diag diag;
    gen_diag_init(&diag, mem);
    gen_ir *ir = gen_ir_build(a, &diag, paths, n);
    unsigned errors = diag.errors;
    gen_diag_dispose(&diag);
    fclose(mem);
    if (!ir || errors || msg_len)
        print_error("%s/%s: %s", name, side, msg ? msg : "");
    free(msg);
    assert_non_null(ir);
    assert_int_equal(errors, 0);
    return ir;
}

static void run_case(const diff_case *c)
{
    gen_arena a;
    gen_arena_init(&a);
    gen_ir *old_ir = build_side(&a, c->name, "old", c->old_files);
    gen_ir *new_ir = build_side(&a, c->name, "new", c->new_files);

    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    assert_non_null(mem);
    unsigned compatible = 12345;
    unsigned breaking = gen_diff_ir(old_ir, new_ir, mem, &compatible);
    fclose(mem);
    if (strcmp(text, c->expected) != 0)
        print_error("case %s:\n--- expected\n%s--- got\n%s", c->name, c->expected, text);
    assert_string_equal(text, c->expected);
    assert_int_equal(breaking, c->breaking);
    assert_int_equal(compatible, c->compatible);
    free(text);

    /* The compatible count is optional; the result does not depend on it. */
    mem = open_memstream(&text, &len);
    assert_non_null(mem);
    assert_int_equal(gen_diff_ir(old_ir, new_ir, mem, NULL), c->breaking);
    fclose(mem);
    assert_string_equal(text, c->expected);
    free(text);

    /* A schema compared with itself has no findings. */
    mem = open_memstream(&text, &len);
    assert_non_null(mem);
    compatible = 12345;
    assert_int_equal(gen_diff_ir(new_ir, new_ir, mem, &compatible), 0);
    fclose(mem);
    assert_int_equal(compatible, 0);
    assert_string_equal(text, "");
    free(text);
    gen_arena_dispose(&a);
}

static void test_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(&cases[i]);
}

/* The same pair read the other way round: additions become removals. */
static void test_reverse(void **state)
{
    (void)state;
    gen_arena a;
    gen_arena_init(&a);
    static const char *const pet_kind[] = {"Kind.yaml", "Pet.yaml", NULL};
    static const char *const pet[] = {"Pet.yaml", NULL};
    gen_ir *with = build_side(&a, "type_added", "new", pet_kind);
    gen_ir *without = build_side(&a, "type_added", "old", pet);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    unsigned compatible = 1;
    assert_int_equal(gen_diff_ir(with, without, mem, &compatible), 1);
    fclose(mem);
    assert_int_equal(compatible, 0);
    assert_string_equal(text, D "type_added/new/Kind.yaml:1:1: breaking: type Kind removed (or "
                              "renamed)\n");
    free(text);

    static const char *const kind[] = {"Kind.yaml", NULL};
    gen_ir *three = build_side(&a, "enum_appended", "new", kind);
    gen_ir *two = build_side(&a, "enum_appended", "old", kind);
    mem = open_memstream(&text, &len);
    assert_int_equal(gen_diff_ir(three, two, mem, &compatible), 1);
    fclose(mem);
    assert_int_equal(compatible, 0);
    assert_string_equal(text, D "enum_appended/new/Kind.yaml:5:5: breaking: enum member 'bird' "
                              "removed from Kind\n");
    free(text);
    gen_arena_dispose(&a);
}

/* The command: exit status 0 (nothing breaking), 1 (breaking or errors), 2 (usage). */
static void test_cmd_status(void **state)
{
    (void)state;
    char diff[] = "diff", help[] = "--help";
    char ok_old[] = D "optional_added/old", ok_new[] = D "optional_added/new";
    char bad_old[] = D "required_added/old", bad_new[] = D "required_added/new";
    char one_old[] = D "enum_appended/old/Kind.yaml", one_new[] = D "enum_appended/new/Kind.yaml";
    char missing[] = D "no-such-folder";

    char *usage[] = {diff, ok_old, NULL};
    assert_int_equal(gen_cmd_diff(2, usage), 2);
    char *h[] = {diff, help, NULL};
    assert_int_equal(gen_cmd_diff(2, h), 0);
    char *ok[] = {diff, ok_old, ok_new, NULL};
    assert_int_equal(gen_cmd_diff(3, ok), 0);
    char *bad[] = {diff, bad_old, bad_new, NULL};
    assert_int_equal(gen_cmd_diff(3, bad), 1);
    char *files[] = {diff, one_old, one_new, NULL};
    assert_int_equal(gen_cmd_diff(3, files), 0);
    char *gone[] = {diff, ok_old, missing, NULL};
    assert_int_equal(gen_cmd_diff(3, gone), 1);
    fflush(stdout);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_reverse),
        cmocka_unit_test(test_cmd_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
