/*
 * cmd_render.c - `modelc render`, `--list-templates` and `--print-template`:
 * the commands that let a user look at and try templates on their own.
 *
 * `render` is the engine with nothing of the model pipeline around it: a
 * template file, a YAML/JSON data file read by the loader (gen_load_data),
 * partials from a folder, and the escaping and strictness the user picks.
 * It is also how the mustache spec conformance runner drives the engine
 * (tests/conformance/run-mustache-spec.sh).  Output is written in one piece
 * only when rendering succeeded.
 */
#include "cmd_render.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "data.h"
#include "diag.h"
#include "load.h"
#include "mustache.h"
#include "tmpl.h"

static const char render_usage[] =
    "usage: modelc render TEMPLATE DATA [--partials DIR] [--escape html|none] [--strict]\n"
    "  renders the mustache file TEMPLATE against the YAML or JSON file DATA\n"
    "  --partials DIR   partial NAME is read from DIR/NAME.mustache (default: none)\n"
    "  --escape MODE    html: {{x}} escapes & < > \" ; none (default): as is\n"
    "  --strict         a missing variable or partial is an error (as in C templates)\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("modelc: render: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(render_usage, stderr);
    return 2;
}

int gen_cmd_render(int argc, char **argv)
{
    const char *tpath = NULL, *dpath = NULL, *pdir = NULL;
    mustache_options opt = MUSTACHE_OPTIONS_SPEC;
    opt.escape = MUSTACHE_ESCAPE_NONE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--partials") == 0 || strcmp(a, "--escape") == 0) {
            if (i + 1 >= argc)
                return usage_error("%s needs a value", a);
            const char *v = argv[++i];
            if (a[2] == 'p') {
                pdir = v;
            } else if (strcmp(v, "html") == 0) {
                opt.escape = MUSTACHE_ESCAPE_HTML;
            } else if (strcmp(v, "none") == 0) {
                opt.escape = MUSTACHE_ESCAPE_NONE;
            } else {
                return usage_error("unknown --escape mode '%s' (html or none)", v);
            }
        } else if (strcmp(a, "--strict") == 0) {
            opt.strict_variables = opt.strict_partials = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(render_usage, stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s'", a);
        } else if (!tpath) {
            tpath = a;
        } else if (!dpath) {
            dpath = a;
        } else {
            return usage_error("unexpected argument '%s'", a);
        }
    }
    if (!tpath || !dpath)
        return usage_error("%s", "needs TEMPLATE and DATA");

    gen_arena arena;
    gen_arena_init(&arena);
    gen_diag diag;
    gen_diag_init(&diag, stderr);
    gen_tmpl_set *set = gen_tmpl_set_new(&arena, &diag, pdir, false);
    mustache_buf out;
    mustache_buf_init(&out);
    int status = 1;

    const mustache_template *t = gen_tmpl_load_path(set, tpath);
    gen_data *data = gen_load_data(&arena, &diag, dpath);
    if (t && data && diag.errors == 0 && gen_tmpl_render(set, t, data, &opt, &out) == 0) {
        status = 0;
        if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
            status = 1;
        if (fflush(stdout) != 0)
            status = 1;
        if (status)
            perror("modelc: render: writing the output");
    }
    mustache_buf_dispose(&out);
    gen_tmpl_set_dispose(set);
    gen_diag_dispose(&diag);
    gen_arena_dispose(&arena);
    return status;
}

int gen_cmd_list_templates(void)
{
    size_t n = gen_tmpl_builtin_count();
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *name = gen_tmpl_builtin_name(i, &len);
        printf("%.*s\n", (int)len, name);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}

int gen_cmd_print_template(const char *name, const char *dir)
{
    gen_arena arena;
    gen_arena_init(&arena);
    gen_diag diag;
    gen_diag_init(&diag, stderr);
    gen_tmpl_set *set = gen_tmpl_set_new(&arena, &diag, dir, true);
    const char *src, *path;
    size_t len;
    int status = 1;
    if (gen_tmpl_source(set, name, &src, &len, &path)) {
        status = 0;
        if ((len && fwrite(src, 1, len, stdout) != len) || fflush(stdout) != 0) {
            perror("modelc: --print-template");
            status = 1;
        }
    } else if (diag.errors == 0) {
        gen_diag_report(&diag, GEN_DIAG_ERROR, NULL, 0, 0,
                        "no template named '%s' (modelc --list-templates shows them)", name);
    }
    gen_tmpl_set_dispose(set);
    gen_diag_dispose(&diag);
    gen_arena_dispose(&arena);
    return status;
}
