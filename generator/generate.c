/*
 * generate.c - renders the view through the templates into files.
 *
 * One render per output file: each type file (type.h / type.c), the
 * umbrella header, and the runtime pair; or, with --single-file, one .h/.c
 * pair for everything.  Each render sees the root of the view plus the
 * entries of its file (so {{types}} means that file's types) and three
 * values that exist only here: "file" (the output's name) and the runtime's
 * text with the prefix put in ("runtime_h", "runtime_c").
 *
 * The runtime is real C in runtime/; its text is embedded in modelc and its
 * `mc_`/`MC_` identifiers are renamed here for --prefix, so two model sets
 * can live in one program.  Everything is rendered in memory first and
 * handed to emit, which writes only what changed (or checks, or lists).
 */
#include "generate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "embedded.h"
#include "emit.h"
#include "mustache.h"
#include "tmpl.h"

typedef struct gen_run {
    gen_arena *a;
    gen_tmpl_set *set;
    gen_output *outs;
    size_t n_outs, cap_outs;
    int status;
} gen_run;

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * The runtime text with every identifier that starts with mc_ / MC_ renamed
 * to rt / rt_upper (which end in '_').  Only whole-identifier starts are
 * renamed, so "xmc_a" stays.  drop_include removes the line that includes
 * the runtime header (the amalgamation has it inline).
 */
static char *runtime_text(gen_arena *a, const char *name, const char *rt, const char *rt_upper,
                          bool drop_include)
{
    const gen_embedded_file *f = gen_embedded_find(name);
    if (!f)
        return gen_arena_strdup(a, "");
    size_t rl = strlen(rt), ul = strlen(rt_upper);
    size_t grow = rl > 3 ? rl - 3 : 0;
    if (ul > 3 && ul - 3 > grow)
        grow = ul - 3;
    /* Upper bound: every third byte could start a renamed identifier. */
    char *out = gen_arena_alloc(a, f->len + (f->len / 3 + 1) * grow + 1);
    size_t o = 0;
    static const char include_line[] = "#include \"mc_runtime.h\"\n";
    for (size_t i = 0; i < f->len;) {
        const char *p = f->data + i;
        if (drop_include && (i == 0 || p[-1] == '\n') &&
            strncmp(p, include_line, sizeof include_line - 1) == 0) {
            i += sizeof include_line - 1;
            continue;
        }
        bool start = i == 0 || !ident_char(p[-1]);
        if (start && f->len - i >= 3 && (memcmp(p, "mc_", 3) == 0 || memcmp(p, "MC_", 3) == 0)) {
            const char *to = p[0] == 'm' ? rt : rt_upper;
            size_t tl = p[0] == 'm' ? rl : ul;
            memcpy(out + o, to, tl);
            o += tl;
            i += 3;
            continue;
        }
        out[o++] = *p;
        i++;
    }
    out[o] = '\0';
    return out;
}

/* A new map holding base's entries, then extra's (extra wins).  The keys
 * are shared with base and extra (which outlive every render context), so a
 * context per output costs one entry array, not a copy of every key. */
static gen_data *merged(gen_arena *a, const gen_data *base, const gen_data *extra)
{
    gen_data *m = gen_data_map(a);
    gen_data_reserve(a, m, base->u.map.count + (extra ? extra->u.map.count : 0) + 4);
    for (size_t i = 0; i < base->u.map.count; i++)
        gen_data_setn_static(a, m, base->u.map.entries[i].key, base->u.map.entries[i].key_len,
                             base->u.map.entries[i].value);
    if (extra)
        for (size_t i = 0; i < extra->u.map.count; i++)
            gen_data_setn_static(a, m, extra->u.map.entries[i].key,
                                 extra->u.map.entries[i].key_len,
                                 extra->u.map.entries[i].value);
    return m;
}

static const char *str_of(const gen_data *map, const char *key)
{
    const gen_data *d = gen_data_get(map, key, strlen(key));
    return d && d->kind == GEN_DATA_STRING ? d->u.string.ptr : "";
}

/* Renders template `name` with ctx (plus "file") into a new output. */
static void render_to(gen_run *r, const char *name, gen_data *ctx, const char *file,
                      const char *origin)
{
    if (r->status)
        return;
    gen_data_set_str(r->a, ctx, "file", file);
    const mustache_template *t = gen_tmpl_get(r->set, name);
    mustache_buf buf;
    mustache_buf_init(&buf);
    if (!t || gen_tmpl_render(r->set, t, ctx, NULL, &buf) != 0) {
        mustache_buf_dispose(&buf);
        r->status = 1;
        return;
    }
    if (r->n_outs == r->cap_outs) {
        r->cap_outs = r->cap_outs ? r->cap_outs * 2 : 16;
        r->outs = gen_xrealloc(r->outs, r->cap_outs * sizeof *r->outs);
    }
    gen_output *o = &r->outs[r->n_outs++];
    o->name = gen_arena_strdup(r->a, file);
    o->data = gen_arena_strndup(r->a, buf.data ? buf.data : "", buf.len);
    o->len = buf.len;
    o->origin = origin;
    mustache_buf_dispose(&buf);
}

/* Types the C templates cannot express yet are refused here, with their
 * position, rather than rendered into C that does not compile. */
static int check_supported(const gen_ir *ir)
{
    gen_diag diag;
    gen_diag_init(&diag, stderr);
    for (size_t i = 0; i < ir->type_count; i++) {
        const gen_ir_type *t = ir->types[i];
        if (t->recursive)
            gen_diag_error(&diag, &t->pos,
                           "%s is recursive (it contains itself through $ref); the C templates "
                           "do not support recursive types yet",
                           t->name);
    }
    int status = diag.errors ? 1 : 0;
    gen_diag_dispose(&diag);
    return status;
}

double gen_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int gen_generate(const gen_ir *ir, gen_data *view, const gen_generate_options *opt)
{
    double t_start = gen_seconds();
    if (check_supported(ir) != 0)
        return 1;
    gen_arena arena;
    gen_arena_init(&arena);
    gen_diag diag;
    gen_diag_init(&diag, stderr);
    gen_run r = {&arena, gen_tmpl_set_new(&arena, &diag, opt->templates_dir, true), NULL, 0, 0, 0};

    const char *rt = str_of(view, "rt"), *rt_upper = str_of(view, "rt_upper");
    gen_data *root = merged(&arena, view, NULL);
    gen_data_set_str(&arena, root, "runtime_h",
                     runtime_text(&arena, "runtime/mc_runtime.h", rt, rt_upper, false));
    gen_data_set_str(&arena, root, "runtime_c",
                     runtime_text(&arena, "runtime/mc_runtime.c", rt, rt_upper, opt->single_file));
    const gen_data *files = gen_data_get(view, "files", 5);
    const char *umbrella = str_of(view, "umbrella_header");

    if (opt->single_file) {
        gen_data *ctx = merged(&arena, root, NULL);
        gen_data_set_str(&arena, ctx, "header", umbrella);
        gen_data_set_str(&arena, ctx, "guard", str_of(view, "umbrella_guard"));
        render_to(&r, "single.h", ctx, umbrella, "the schemas");
        ctx = merged(&arena, ctx, NULL);
        render_to(&r, "single.c", ctx, str_of(view, "umbrella_source"), "the schemas");
    } else {
        for (size_t i = 0; files && i < files->u.list.count; i++) {
            const gen_data *file = files->u.list.items[i];
            const char *origin = str_of(file, "name");
            gen_data *ctx = merged(&arena, root, file);
            render_to(&r, "type.h", ctx, str_of(file, "header"), origin);
            ctx = merged(&arena, root, file);
            render_to(&r, "type.c", ctx, str_of(file, "source"), origin);
        }
        gen_data *ctx = merged(&arena, root, NULL);
        gen_data_set_str(&arena, ctx, "guard", str_of(view, "umbrella_guard"));
        render_to(&r, "umbrella.h", ctx, umbrella, "the schemas");
        render_to(&r, "runtime.h", merged(&arena, root, NULL), str_of(view, "runtime_header"),
                  "the runtime");
        render_to(&r, "runtime.c", merged(&arena, root, NULL), str_of(view, "runtime_source"),
                  "the runtime");
    }

    int status = r.status;
    double t_rendered = gen_seconds();
    if (status == 0) {
        /* The depfile lists schemas and every template file that was read. */
        size_t nt = gen_tmpl_file_count(r.set);
        const char **inputs = gen_xmalloc((opt->n_inputs + nt + 1) * sizeof *inputs);
        size_t ni = 0;
        for (size_t i = 0; i < opt->n_inputs; i++)
            inputs[ni++] = opt->inputs[i];
        for (size_t i = 0; i < nt; i++) {
            const gen_tmpl_file *tf = gen_tmpl_file_at(r.set, i);
            if (!tf->builtin)
                inputs[ni++] = tf->path;
        }
        gen_emit_options eo = {0};
        eo.dir = opt->output_dir;
        eo.mode = opt->list_outputs ? GEN_EMIT_LIST : opt->check ? GEN_EMIT_CHECK : GEN_EMIT_WRITE;
        eo.depfile = opt->depfile;
        eo.depfile_target = opt->depfile_target;
        eo.inputs = inputs;
        eo.n_inputs = ni;
        status = gen_emit(r.outs, r.n_outs, &eo);
        free(inputs);
    }
    if (opt->time_report) {
        size_t bytes = 0;
        for (size_t i = 0; i < r.n_outs; i++)
            bytes += r.outs[i].len;
        fprintf(stderr, "modelc: render   %8.3f s  (%zu files, %zu bytes)\n",
                t_rendered - t_start, r.n_outs, bytes);
        fprintf(stderr, "modelc: %-8s %8.3f s\n",
                opt->list_outputs ? "list" : opt->check ? "check" : "write",
                gen_seconds() - t_rendered);
    }
    free(r.outs);
    gen_tmpl_set_dispose(r.set);
    gen_diag_dispose(&diag);
    gen_arena_dispose(&arena);
    return status;
}
