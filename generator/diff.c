/*
 * diff.c - breaking-change detection between two schema sets.
 *
 * Both sides go through the whole front end (load, resolve, IR), so what is
 * compared is what the generated code would be, not the YAML text: moving a
 * property into a $ref'd file is no change, changing `format: int32` to
 * `int64` is one.  Types are matched by schema name, fields by JSON name,
 * enum members by wire text.
 */
#include "diff.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "diag.h"
#include "strmap.h"

typedef struct diff_ctx {
    FILE *out;
    unsigned breaking, compatible;
} diff_ctx;

static void finding(diff_ctx *c, bool breaking, const gen_pos *pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void finding(diff_ctx *c, bool breaking, const gen_pos *pos, const char *fmt, ...)
{
    fprintf(c->out, "%s:%u:%u: %s: ", pos->file, pos->line, pos->col,
            breaking ? "breaking" : "compatible");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(c->out, fmt, ap);
    va_end(ap);
    fputc('\n', c->out);
    if (breaking)
        c->breaking++;
    else
        c->compatible++;
}

/* A readable name for what a field or an item holds. */
static const char *tref_text(gen_arena *a, const gen_ir_tref *r)
{
    if (r->type && (r->codec == GEN_CODEC_ENUM || r->codec == GEN_CODEC_OBJECT ||
                    r->codec == GEN_CODEC_ARRAY || r->type->kind == GEN_IR_SCALAR))
        return gen_arena_printf(a, "%s %s", gen_ir_codec_name(r->codec), r->type->name);
    return gen_ir_codec_name(r->codec);
}

static bool same_tref(const gen_ir_tref *a, const gen_ir_tref *b)
{
    if (a->codec != b->codec)
        return false;
    if ((a->type == NULL) != (b->type == NULL))
        return false;
    return !a->type || strcmp(a->type->name, b->type->name) == 0;
}

static const gen_ir_field *find_field(const gen_ir_type *t, const gen_ir_field *f)
{
    for (size_t i = 0; i < t->field_count; i++)
        if (t->fields[i].json_len == f->json_len &&
            memcmp(t->fields[i].json_name, f->json_name, f->json_len) == 0)
            return &t->fields[i];
    return NULL;
}

static const gen_ir_member *find_member(const gen_ir_type *t, const gen_ir_member *m)
{
    for (size_t i = 0; i < t->member_count; i++)
        if (t->members[i].wire_len == m->wire_len &&
            memcmp(t->members[i].wire, m->wire, m->wire_len) == 0)
            return &t->members[i];
    return NULL;
}

static void diff_fields(diff_ctx *c, gen_arena *a, const gen_ir_type *o, const gen_ir_type *n)
{
    size_t last_old_index = 0;
    bool reordered = false;
    for (size_t i = 0; i < o->field_count; i++) {
        const gen_ir_field *of = &o->fields[i];
        const gen_ir_field *nf = find_field(n, of);
        if (!nf) {
            finding(c, true, &of->pos, "field '%s' removed from %s (or renamed)", of->json_name,
                    o->name);
            continue;
        }
        size_t ni = (size_t)(nf - n->fields);
        if (ni < last_old_index)
            reordered = true;
        last_old_index = ni;
        if (!same_tref(&of->ref, &nf->ref))
            finding(c, true, &nf->pos, "field '%s' of %s changed type from %s to %s",
                    nf->json_name, n->name, tref_text(a, &of->ref), tref_text(a, &nf->ref));
        if (!of->required && nf->required)
            finding(c, true, &nf->pos, "field '%s' of %s became required", nf->json_name,
                    n->name);
        else if (of->required && !nf->required)
            finding(c, false, &nf->pos, "field '%s' of %s became optional", nf->json_name,
                    n->name);
        if (!of->nullable && nf->nullable)
            finding(c, true, &nf->pos,
                    "field '%s' of %s became nullable (code built from the old schema rejects "
                    "null)",
                    nf->json_name, n->name);
        else if (of->nullable && !nf->nullable)
            finding(c, false, &nf->pos, "field '%s' of %s is no longer nullable", nf->json_name,
                    n->name);
    }
    if (reordered)
        finding(c, true, &n->pos, "fields of %s were reordered (the struct layout changes)",
                n->name);
    for (size_t i = 0; i < n->field_count; i++) {
        const gen_ir_field *nf = &n->fields[i];
        if (find_field(o, nf))
            continue;
        if (nf->required)
            finding(c, true, &nf->pos, "required field '%s' added to %s", nf->json_name,
                    n->name);
        else
            finding(c, false, &nf->pos, "optional field '%s' added to %s", nf->json_name,
                    n->name);
    }
}

static void diff_members(diff_ctx *c, const gen_ir_type *o, const gen_ir_type *n)
{
    for (size_t i = 0; i < o->member_count; i++) {
        const gen_ir_member *om = &o->members[i];
        const gen_ir_member *nm = find_member(n, om);
        if (!nm)
            finding(c, true, &om->pos, "enum member '%s' removed from %s", om->wire, o->name);
        else if (nm->value != om->value)
            finding(c, true, &nm->pos,
                    "enum member '%s' of %s moved from %d to %d (its C value changes: append "
                    "new members at the end instead)",
                    nm->wire, n->name, om->value, nm->value);
    }
    for (size_t i = 0; i < n->member_count; i++) {
        const gen_ir_member *nm = &n->members[i];
        if (!find_member(o, nm) && nm->value >= (int)o->member_count)
            finding(c, false, &nm->pos, "enum member '%s' appended to %s", nm->wire, n->name);
        else if (!find_member(o, nm))
            finding(c, true, &nm->pos,
                    "enum member '%s' added to %s with number %d, which code built from the old "
                    "schema reads as '%s' (append new members at the end instead)",
                    nm->wire, n->name, nm->value, o->members[nm->value].wire);
    }
    if (o->has_null && !n->has_null)
        finding(c, true, &n->pos, "null is no longer a member of %s", n->name);
    else if (!o->has_null && n->has_null)
        finding(c, true, &n->pos,
                "null became a member of %s (code built from the old schema rejects null)",
                n->name);
}

/* Types by name, the first of each name (as gen_ir_find), in a's memory:
 * one gen_ir_find per type made comparing large schema sets quadratic. */
static void index_types(gen_strmap *m, gen_arena *a, const gen_ir *ir)
{
    gen_strmap_init(m, a);
    for (size_t i = 0; i < ir->type_count; i++)
        gen_strmap_add(m, ir->types[i]->name, strlen(ir->types[i]->name), ir->types[i]);
}

unsigned gen_diff_ir(const gen_ir *old_ir, const gen_ir *new_ir, FILE *out, unsigned *compatible)
{
    diff_ctx c = {out, 0, 0};
    gen_arena a;
    gen_arena_init(&a);
    gen_strmap old_names, new_names;
    index_types(&old_names, &a, old_ir);
    index_types(&new_names, &a, new_ir);
    for (size_t i = 0; i < old_ir->type_count; i++) {
        const gen_ir_type *o = old_ir->types[i];
        const gen_ir_type *n = gen_strmap_gets(&new_names, o->name);
        if (!n) {
            finding(&c, true, &o->pos, "type %s removed (or renamed)", o->name);
            continue;
        }
        if (o->kind != n->kind) {
            finding(&c, true, &n->pos, "%s changed from %s to %s", n->name,
                    gen_ir_kind_name(o->kind), gen_ir_kind_name(n->kind));
            continue;
        }
        switch (n->kind) {
        case GEN_IR_OBJECT:
            diff_fields(&c, &a, o, n);
            break;
        case GEN_IR_ENUM:
            diff_members(&c, o, n);
            break;
        case GEN_IR_ARRAY:
        case GEN_IR_SCALAR:
            if (!same_tref(&o->items, &n->items))
                finding(&c, true, &n->pos, "%s changed from %s to %s", n->name,
                        tref_text(&a, &o->items), tref_text(&a, &n->items));
            break;
        }
        if (n->kind == GEN_IR_SCALAR || n->kind == GEN_IR_ENUM) {
            if (!o->nullable && n->nullable && n->kind == GEN_IR_SCALAR)
                finding(&c, true, &n->pos, "%s became nullable", n->name);
        }
    }
    for (size_t i = 0; i < new_ir->type_count; i++) {
        const gen_ir_type *n = new_ir->types[i];
        if (!gen_strmap_gets(&old_names, n->name))
            finding(&c, false, &n->pos, "type %s added", n->name);
    }
    gen_arena_dispose(&a);
    if (compatible)
        *compatible = c.compatible;
    return c.breaking;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool schema_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' &&
           ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
            (n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
            (n > 5 && strcmp(name + n - 5, ".json") == 0));
}

/* The schema files of one side: the file itself, or every schema file in
 * the folder, sorted.  Returns the count; 0 after printing an error. */
static size_t side_paths(gen_arena *a, const char *arg, const char ***out)
{
    struct stat st;
    if (stat(arg, &st) != 0) {
        fprintf(stderr, "modelc: error: %s: no such file or folder\n", arg);
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        const char **one = gen_arena_alloc(a, sizeof *one);
        one[0] = arg;
        *out = one;
        return 1;
    }
    DIR *d = opendir(arg);
    if (!d) {
        fprintf(stderr, "modelc: error: %s: cannot open folder\n", arg);
        return 0;
    }
    size_t n = 0, cap = 16;
    const char **paths = gen_xmalloc(cap * sizeof *paths);
    struct dirent *e;
    size_t al = strlen(arg);
    bool slash = al && arg[al - 1] == '/';
    while ((e = readdir(d)) != NULL) {
        if (!schema_name(e->d_name))
            continue;
        if (n == cap) {
            cap *= 2;
            paths = gen_xrealloc(paths, cap * sizeof *paths);
        }
        paths[n++] = gen_arena_printf(a, "%s%s%s", arg, slash ? "" : "/", e->d_name);
    }
    closedir(d);
    qsort(paths, n, sizeof *paths, cmp_str);
    const char **kept = gen_arena_alloc(a, (n ? n : 1) * sizeof *kept);
    if (n)
        memcpy(kept, paths, n * sizeof *kept);
    free(paths);
    if (n == 0)
        fprintf(stderr, "modelc: error: %s: no schema files (*.yaml, *.yml, *.json) in folder\n",
                arg);
    *out = kept;
    return n;
}

int gen_cmd_diff(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        puts("usage: modelc diff OLD NEW\n"
             "Compares two schema sets (folders or single files) and reports each change as\n"
             "breaking or compatible for code generated from OLD. Exit 0: nothing breaking;\n"
             "1: something breaking (or schema errors); 2: usage error.");
        return 0;
    }
    if (argc != 3) {
        fputs("usage: modelc diff OLD NEW   (schema folders or files; see modelc diff --help)\n",
              stderr);
        return 2;
    }
    gen_arena arena;
    gen_arena_init(&arena);
    gen_diag diag;
    gen_diag_init(&diag, stderr);
    const char **old_paths = NULL, **new_paths = NULL;
    size_t no = side_paths(&arena, argv[1], &old_paths);
    size_t nn = no ? side_paths(&arena, argv[2], &new_paths) : 0;
    int status = 1;
    if (no && nn) {
        gen_ir *old_ir = gen_ir_build(&arena, &diag, old_paths, no);
        gen_ir *new_ir = gen_ir_build(&arena, &diag, new_paths, nn);
        if (old_ir && new_ir) {
            unsigned compatible = 0;
            unsigned breaking = gen_diff_ir(old_ir, new_ir, stdout, &compatible);
            fprintf(stderr, "modelc diff: %u breaking, %u compatible change%s\n", breaking,
                    compatible, compatible == 1 ? "" : "s");
            status = breaking ? 1 : 0;
        }
    }
    gen_diag_dispose(&diag);
    gen_arena_dispose(&arena);
    return status;
}
