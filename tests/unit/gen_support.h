/*
 * gen_support.h - helpers shared by the front end's unit tests (test_gen_*).
 *
 * Ownership: front end.  gen_test_run() runs the front half of modelc in
 * process (IR build + naming) on the given schema paths, with diagnostics
 * captured in a heap string the caller frees.  Header-only (static inline)
 * because the Makefile builds each test from one .c file.
 */
#ifndef MODELC_TEST_GEN_SUPPORT_H
#define MODELC_TEST_GEN_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "ir.h"
#include "naming.h"

typedef struct gen_test_run_result {
    gen_ir *ir;          /* NULL when there were errors */
    char *messages;      /* everything diag printed; free() it */
    size_t messages_len;
    unsigned errors, warnings;
} gen_test_run_result;

/* Runs load -> resolve -> IR -> naming; the IR lives in arena. */
static inline gen_test_run_result gen_test_run(gen_arena *arena, const char *const *paths,
                                               size_t n, const char *prefix)
{
    gen_test_run_result r;
    memset(&r, 0, sizeof r);
    FILE *mem = open_memstream(&r.messages, &r.messages_len);
    gen_diag diag;
    gen_diag_init(&diag, mem);
    r.ir = gen_ir_build(arena, &diag, paths, n);
    if (r.ir && gen_naming_assign(arena, &diag, r.ir, prefix))
        r.ir = NULL;
    r.errors = diag.errors;
    r.warnings = diag.warnings;
    gen_diag_dispose(&diag);
    fclose(mem);
    return r;
}

static inline gen_test_run_result gen_test_run1(gen_arena *arena, const char *path)
{
    const char *paths[1] = {path};
    return gen_test_run(arena, paths, 1, NULL);
}

#endif
