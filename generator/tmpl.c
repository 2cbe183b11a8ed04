/*
 * tmpl.c - template sets: override folder first, embedded built-ins second,
 * each template compiled once (see tmpl.h).
 *
 * The cache is a small array searched linearly: a generator run uses a few
 * dozen templates at most.  Loading a template's static partials walks the
 * cache array from that template's entry to the end while it grows, so the
 * closure is computed without recursion however long a chain of partials
 * is.  A failed compile keeps its error record on the entry: gen_tmpl_get
 * reports it once, and a render that reaches the partial aborts with it.
 */
#include "tmpl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "fileio.h"

#define TMPL_PREFIX "templates/"
#define TMPL_SUFFIX ".mustache"
#define TMPL_MAX_FILE (16u * 1024u * 1024u)

typedef struct tmpl_entry {
    const char *name;                /* NAME, NUL-terminated */
    size_t name_len;
    const char *path;                /* where it came from; NULL when not found */
    const mustache_template *t;      /* NULL when missing or failed */
    mustache_error *error;           /* compile/read error, or NULL */
    bool reported;                   /* error already printed */
    unsigned mark;                   /* closure walk visited mark */
} tmpl_entry;

struct gen_tmpl_set {
    gen_arena *arena;
    gen_diag *diag;
    const char *dir;                 /* NULL: no override folder */
    bool builtins;
    tmpl_entry *entries;
    size_t count, cap;
    gen_tmpl_file *files;
    size_t nfiles, files_cap;
    unsigned mark;                   /* last closure walk */
};

gen_tmpl_set *gen_tmpl_set_new(gen_arena *arena, gen_diag *diag, const char *dir, bool builtins)
{
    gen_tmpl_set *set = gen_arena_zalloc(arena, sizeof *set);
    set->arena = arena;
    set->diag = diag;
    set->dir = dir ? gen_arena_strdup(arena, dir) : NULL;
    set->builtins = builtins;
    return set;
}

void gen_tmpl_set_dispose(gen_tmpl_set *set)
{
    if (!set)
        return;
    free(set->entries);
    free(set->files);
    set->entries = NULL;
    set->files = NULL;
    set->count = set->cap = set->nfiles = set->files_cap = 0;
}

static void add_file(gen_tmpl_set *set, const char *path, bool builtin)
{
    if (set->nfiles == set->files_cap) {
        set->files_cap = set->files_cap ? set->files_cap * 2 : 16;
        set->files = gen_xrealloc(set->files, set->files_cap * sizeof *set->files);
    }
    set->files[set->nfiles].path = path;
    set->files[set->nfiles].builtin = builtin;
    set->nfiles++;
}

size_t gen_tmpl_file_count(const gen_tmpl_set *set) { return set->nfiles; }

const gen_tmpl_file *gen_tmpl_file_at(const gen_tmpl_set *set, size_t i)
{
    return i < set->nfiles ? &set->files[i] : NULL;
}

/* Reads a whole file into the arena.  0, -1 when it does not exist (errno
 * ENOENT/ENOTDIR), -2 on any other failure (errno kept). */
static int read_file(gen_arena *arena, const char *path, char **out, size_t *out_len)
{
    char *buf;
    size_t len;
    if (gen_file_read(path, TMPL_MAX_FILE, &buf, &len) != 0)
        return errno == ENOENT || errno == ENOTDIR ? -1 : -2;
    *out = gen_arena_strndup(arena, buf, len);
    *out_len = len;
    free(buf);
    return 0;
}

/* Names that may be looked up in a folder or the embedded table. */
static bool name_ok(const char *name, size_t len)
{
    if (len == 0 || name[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++)
        if (name[i] == '/' || name[i] == '\\' || name[i] == '\0')
            return false;
    return true;
}

static const gen_embedded_file *find_builtin(gen_tmpl_set *set, const char *name)
{
    char *key = gen_arena_printf(set->arena, TMPL_PREFIX "%s" TMPL_SUFFIX, name);
    return gen_embedded_find(key);
}

/* Finds the source of name (override, then built-in); false when none, or
 * when reading failed (then *err is set). */
static bool find_source(gen_tmpl_set *set, const char *name, const char **src, size_t *len,
                        const char **path, bool *builtin, mustache_error *err)
{
    mustache_error_clear(err);
    if (set->dir) {
        const char *sep = set->dir[0] && set->dir[strlen(set->dir) - 1] == '/' ? "" : "/";
        char *p = gen_arena_printf(set->arena, "%s%s%s" TMPL_SUFFIX, set->dir, sep, name);
        char *text;
        size_t n;
        int rc = read_file(set->arena, p, &text, &n);
        if (rc == 0) {
            *src = text;
            *len = n;
            *path = p;
            *builtin = false;
            return true;
        }
        if (rc == -2) {
            mustache_error_set(err, MUSTACHE_E_IO, p, 0, 0, "cannot read template: %s",
                               strerror(errno));
            return false;
        }
    }
    if (set->builtins) {
        const gen_embedded_file *f = find_builtin(set, name);
        if (f) {
            *src = f->data;
            *len = f->len;
            *path = f->name;
            *builtin = true;
            return true;
        }
    }
    return false;
}

static tmpl_entry *find_entry(gen_tmpl_set *set, const char *name, size_t len)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->entries[i].name_len == len && memcmp(set->entries[i].name, name, len) == 0)
            return &set->entries[i];
    return NULL;
}

static tmpl_entry *new_entry(gen_tmpl_set *set, const char *name, size_t len)
{
    if (set->count == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 16;
        set->entries = gen_xrealloc(set->entries, set->cap * sizeof *set->entries);
    }
    tmpl_entry *e = &set->entries[set->count++];
    memset(e, 0, sizeof *e);
    e->name = gen_arena_strndup(set->arena, name, len);
    e->name_len = len;
    return e;
}

/* Compiles src into entry e (recording the file and any error). */
static void compile_into(gen_tmpl_set *set, tmpl_entry *e, const char *src, size_t len,
                         const char *path)
{
    mustache_error err;
    mustache_template *t = NULL;
    gen_diag_add_source(set->diag, path, src, len);
    if (mustache_compile(&t, set->arena, path, src, len, &err) != 0) {
        e->error = gen_arena_alloc(set->arena, sizeof *e->error);
        *e->error = err;
        return;
    }
    e->t = t;
}

/* The entry for name, loading (not yet its partials) on first use. */
static tmpl_entry *load_entry(gen_tmpl_set *set, const char *name, size_t len)
{
    tmpl_entry *e = find_entry(set, name, len);
    if (e)
        return e;
    e = new_entry(set, name, len);
    if (!name_ok(name, len))
        return e;
    const char *src, *path;
    size_t n;
    bool builtin;
    mustache_error err;
    if (!find_source(set, e->name, &src, &n, &path, &builtin, &err)) {
        if (err.code) {
            e->error = gen_arena_alloc(set->arena, sizeof *e->error);
            *e->error = err;
        }
        return e;
    }
    e->path = path;
    add_file(set, path, builtin);
    compile_into(set, e, src, n, path);
    return e;
}

/* Loads every template entry idx reaches through static partial and
 * parent names, with an explicit work list (no recursion however long the
 * chain).  Returns false if any of them failed, reporting each failure once
 * when report is set. */
static bool load_closure(gen_tmpl_set *set, size_t idx, bool report)
{
    bool ok = true;
    unsigned mark = ++set->mark;
    size_t *work = gen_xmalloc(sizeof *work), nwork = 0, wcap = 1;
    work[nwork++] = idx;
    set->entries[idx].mark = mark;
    while (nwork) {
        size_t i = work[--nwork];
        if (set->entries[i].error) {
            ok = false;
            if (report && !set->entries[i].reported) {
                const mustache_error *er = set->entries[i].error;
                gen_diag_report(set->diag, GEN_DIAG_ERROR, er->file, er->line, er->col, "%s",
                                er->message);
                set->entries[i].reported = true;
            }
        }
        const mustache_template *t = set->entries[i].t;
        size_t np = t ? mustache_template_partial_count(t) : 0;
        for (size_t k = 0; k < np; k++) {
            const char *pn;
            size_t pl;
            mustache_template_partial(t, k, &pn, &pl);
            /* may move set->entries: keep indices only */
            size_t j = (size_t)(load_entry(set, pn, pl) - set->entries);
            if (set->entries[j].mark == mark)
                continue;
            set->entries[j].mark = mark;
            if (nwork == wcap) {
                wcap *= 2;
                work = gen_xrealloc(work, wcap * sizeof *work);
            }
            work[nwork++] = j;
        }
    }
    free(work);
    return ok;
}

static size_t strip_suffix(const char *name)
{
    size_t n = strlen(name), s = strlen(TMPL_SUFFIX);
    if (n > s && memcmp(name + n - s, TMPL_SUFFIX, s) == 0)
        return n - s;
    return n;
}

const mustache_template *gen_tmpl_get(gen_tmpl_set *set, const char *name)
{
    size_t len = strip_suffix(name);
    size_t idx = (size_t)(load_entry(set, name, len) - set->entries);
    bool ok = load_closure(set, idx, true);
    const tmpl_entry *e = &set->entries[idx];
    if (!e->t && !e->error) {
        gen_diag_report(set->diag, GEN_DIAG_ERROR, NULL, 0, 0, "no template named '%.*s'%s%s",
                        (int)len, name, set->dir ? " in " : "", set->dir ? set->dir : "");
        return NULL;
    }
    return ok ? e->t : NULL;
}

const mustache_template *gen_tmpl_load_path(gen_tmpl_set *set, const char *path)
{
    char *src;
    size_t len;
    if (read_file(set->arena, path, &src, &len) != 0) {
        gen_diag_report(set->diag, GEN_DIAG_ERROR, path, 0, 0, "cannot read template: %s",
                        strerror(errno));
        return NULL;
    }
    add_file(set, gen_arena_strdup(set->arena, path), false);
    /* An anonymous entry (empty name, never found by lookups) holds it, so
     * the closure walk covers its partials. */
    size_t idx = set->count;
    tmpl_entry *e = new_entry(set, "", 0);
    e->path = gen_arena_strdup(set->arena, path);
    compile_into(set, e, src, len, e->path);
    const mustache_template *t = set->entries[idx].t;
    bool ok = load_closure(set, idx, true);
    return ok ? t : NULL;
}

/* The engine's partial callback: looks the name up in the set. */
static const mustache_template *partial_cb(void *ctx, const char *name, size_t len,
                                           mustache_error *err)
{
    gen_tmpl_set *set = ctx;
    size_t before = set->count;
    size_t idx = (size_t)(load_entry(set, name, len) - set->entries);
    if (idx >= before)
        (void)load_closure(set, idx, false);
    tmpl_entry *e = &set->entries[idx];
    if (e->error) {
        if (err)
            *err = *e->error;
        e->reported = true;
        return NULL;
    }
    return e->t;
}

int gen_tmpl_render(gen_tmpl_set *set, const mustache_template *t, const gen_data *data,
                    const mustache_options *opt, mustache_buf *out)
{
    static const mustache_options c_opts = MUSTACHE_OPTIONS_C;
    mustache_options o = opt ? *opt : c_opts;
    o.partial = partial_cb;
    o.partial_ctx = set;
    mustache_error err;
    if (mustache_render(t, data, &o, out, &err) != 0) {
        gen_diag_report(set->diag, GEN_DIAG_ERROR, err.file, err.line, err.col, "%s",
                        err.message);
        return -1;
    }
    return 0;
}

bool gen_tmpl_source(gen_tmpl_set *set, const char *name, const char **src, size_t *len,
                     const char **path)
{
    size_t n = strip_suffix(name);
    char *key = gen_arena_strndup(set->arena, name, n);
    bool builtin;
    mustache_error err;
    if (!name_ok(key, n))
        return false;
    if (!find_source(set, key, src, len, path, &builtin, &err)) {
        if (err.code)
            gen_diag_report(set->diag, GEN_DIAG_ERROR, err.file, 0, 0, "%s", err.message);
        return false;
    }
    return true;
}

static bool is_builtin_template(const gen_embedded_file *f)
{
    size_t n = strlen(f->name), p = strlen(TMPL_PREFIX), s = strlen(TMPL_SUFFIX);
    return n > p + s && memcmp(f->name, TMPL_PREFIX, p) == 0 &&
           memcmp(f->name + n - s, TMPL_SUFFIX, s) == 0;
}

size_t gen_tmpl_builtin_count(void)
{
    size_t c = 0;
    for (size_t i = 0; i < gen_embedded_count; i++)
        c += is_builtin_template(&gen_embedded_files[i]);
    return c;
}

const char *gen_tmpl_builtin_name(size_t i, size_t *len)
{
    for (size_t k = 0; k < gen_embedded_count; k++) {
        const gen_embedded_file *f = &gen_embedded_files[k];
        if (!is_builtin_template(f))
            continue;
        if (i-- == 0) {
            *len = strlen(f->name) - strlen(TMPL_PREFIX) - strlen(TMPL_SUFFIX);
            return f->name + strlen(TMPL_PREFIX);
        }
    }
    *len = 0;
    return NULL;
}
