/*
 * fuzz_schema.c - libFuzzer target over modelc's front end: the bytes are a
 * schema file (YAML or JSON, standalone schema or OpenAPI document) that goes
 * through load -> resolve -> IR build -> naming -> view, then the view is
 * written as JSON (what --dump-ir prints).  The same file is also loaded as
 * a data tree (the `modelc render` path).
 *
 * load.h reads files only, so the input is written to Input.yaml in a private
 * temporary folder.  The folder also holds copies of schema/ *.yaml (path in
 * FUZZ_SCHEMA_DIR, compiled in), so `$ref: './ErrorMessageDtoList.yaml'`
 * resolves and the fuzzer reaches past the first file.  Messages go to
 * /dev/null.  The folder is removed at exit.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "data.h"
#include "diag.h"
#include "ir.h"
#include "load.h"
#include "naming.h"
#include "view.h"

#ifndef FUZZ_SCHEMA_DIR
#define FUZZ_SCHEMA_DIR "schema"
#endif

static char dir[64];
static char input_path[96];
static FILE *devnull;

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out;
    char buf[8192];
    size_t n;
    if (in == NULL)
        return;
    out = fopen(to, "wb");
    if (out == NULL) {
        fclose(in);
        return;
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
}

static void remove_dir(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    DIR *d;
    struct dirent *e;
    (void)argc;
    (void)argv;
    strcpy(dir, "/tmp/modelc-fuzz-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        abort();
    }
    atexit(remove_dir);
    snprintf(input_path, sizeof input_path, "%s/Input.yaml", dir);
    d = opendir(FUZZ_SCHEMA_DIR);
    if (d != NULL) {
        while ((e = readdir(d)) != NULL) {
            char from[512], to[512];
            size_t n = strlen(e->d_name);
            if (n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
                continue;
            snprintf(from, sizeof from, "%s/%s", FUZZ_SCHEMA_DIR, e->d_name);
            snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
            copy_file(from, to);
        }
        closedir(d);
    }
    devnull = fopen("/dev/null", "w");
    if (devnull == NULL)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(input_path, "wb");
    const char *paths[1];
    gen_diag diag;
    gen_arena arena;
    gen_ir *ir;

    if (f == NULL)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    paths[0] = input_path;

    gen_diag_init(&diag, devnull);
    gen_arena_init(&arena);
    ir = gen_ir_build(&arena, &diag, paths, 1);
    if (ir != NULL && diag.errors == 0) {
        size_t i;
        for (i = 0; i < ir->type_count; i++)
            if (gen_ir_find(ir, ir->types[i]->name) == NULL)
                abort(); /* every type can be found by its name */
        if (gen_naming_assign(&arena, &diag, ir, (size & 1) ? "p" : NULL) == 0 && diag.errors == 0) {
            gen_view_options vo = {(size & 1) ? "p" : NULL};
            gen_data *view = gen_view_build(&arena, ir, &vo);
            if (view == NULL)
                abort(); /* documented: never fails */
            (void)gen_data_write_json(devnull, view, (size & 2) ? 2 : -1);
        }
    }
    gen_arena_dispose(&arena);
    gen_diag_dispose(&diag);

    /* the `modelc render` path: the same file as a data tree */
    gen_diag_init(&diag, devnull);
    gen_arena_init(&arena);
    {
        gen_data *d = gen_load_data(&arena, &diag, input_path);
        if (d != NULL)
            (void)gen_data_write_json(devnull, d, -1);
    }
    gen_arena_dispose(&arena);
    gen_diag_dispose(&diag);
    return 0;
}
