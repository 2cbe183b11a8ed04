/*
 * emit.c - write-if-changed, atomic replacement, manifest and depfile.
 *
 * Why two phases: a run that fails half-way must not leave a folder where
 * some headers are new and some old.  All changed files are first written
 * to temporaries (mkstemp in the same folder, so rename is atomic); only
 * when every one of them is complete are they renamed over their targets.
 * The manifest is the only record of what modelc owns in the folder: stale
 * files are removed only when the previous manifest lists them.
 */
#include "emit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "fileio.h"

/* A growable list of malloc'd strings. */
typedef struct strlist {
    char **items;
    size_t count, cap;
} strlist;

static void strlist_push(strlist *l, char *s)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = gen_xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->count++] = s;
}

static void strlist_free(strlist *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->count = l->cap = 0;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = gen_xmalloc(n);
    memcpy(p, s, n);
    return p;
}

static char *path_join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    bool slash = dl > 0 && dir[dl - 1] != '/';
    char *p = gen_xmalloc(dl + (slash ? 1 : 0) + nl + 1);
    memcpy(p, dir, dl);
    if (slash)
        p[dl++] = '/';
    memcpy(p + dl, name, nl + 1);
    return p;
}

/* Reads a whole file.  Returns 0 and a malloc'd buffer, 1 when the file does
 * not exist, -1 on another error (errno set). */
static int read_file(const char *path, char **out, size_t *out_len)
{
    if (gen_file_read(path, 0, out, out_len) == 0)
        return 0;
    return errno == ENOENT ? 1 : -1;
}

/* True when path holds exactly these bytes. */
static bool same_content(const char *path, const char *data, size_t len)
{
    char *old;
    size_t old_len;
    if (read_file(path, &old, &old_len) != 0)
        return false;
    bool same = old_len == len && (len == 0 || memcmp(old, data, len) == 0);
    free(old);
    return same;
}

/* A name modelc may own: a plain file name inside the folder. */
static bool plain_name(const char *name)
{
    return name[0] != '\0' && strchr(name, '/') == NULL && strcmp(name, ".") != 0 &&
           strcmp(name, "..") != 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Reads the manifest in dir: returns 0 with its names (possibly none), or 1
 * after printing an error when it is unreadable or names a path outside the
 * folder. */
static int manifest_read(const char *dir, strlist *names)
{
    char *path = path_join(dir, GEN_EMIT_MANIFEST);
    char *buf;
    size_t len;
    int rc = read_file(path, &buf, &len);
    if (rc == 1) {
        free(path);
        return 0;
    }
    if (rc < 0) {
        fprintf(stderr, "modelc: error: %s: %s\n", path, strerror(errno));
        free(path);
        return 1;
    }
    int status = 0;
    size_t line = 0;
    for (size_t i = 0; i < len && status == 0;) {
        size_t j = i;
        while (j < len && buf[j] != '\n')
            j++;
        line++;
        if (j > i && buf[i] != '#') {
            char *name = gen_xmalloc(j - i + 1);
            memcpy(name, buf + i, j - i);
            name[j - i] = '\0';
            if (!plain_name(name) || memchr(buf + i, '\0', j - i) ||
                strcmp(name, GEN_EMIT_MANIFEST) == 0) {
                fprintf(stderr,
                        "modelc: error: %s:%zu: the manifest lists '%s', which is not a file "
                        "inside the output folder; refusing to touch it (delete the manifest "
                        "if it was edited by hand)\n",
                        path, line, name);
                free(name);
                status = 1;
            } else {
                strlist_push(names, name);
            }
        }
        i = j + 1;
    }
    free(buf);
    free(path);
    return status;
}

static char *manifest_text(char **sorted, size_t n, size_t *out_len)
{
    static const char head[] = "# Files written by modelc into this folder; it removes them when\n"
                               "# they are no longer produced. Do not edit.\n";
    size_t len = sizeof head - 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(sorted[i]) + 1;
    char *text = gen_xmalloc(len + 1);
    size_t at = sizeof head - 1;
    memcpy(text, head, at);
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(sorted[i]);
        memcpy(text + at, sorted[i], l);
        text[at + l] = '\n';
        at += l + 1;
    }
    text[at] = '\0';
    *out_len = len;
    return text;
}

/* mkdir -p. */
static int make_dirs(const char *dir)
{
    char *p = xstrdup(dir);
    int rc = 0;
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                rc = -1;
                break;
            }
            *s = c;
            if (c == '\0')
                break;
        }
    }
    free(p);
    return rc;
}

/* Writes data to a new temporary file in dir; returns its malloc'd path, or
 * NULL with errno set. */
static char *write_temp(const char *dir, const char *data, size_t len)
{
    /* O_EXCL with a name of our own instead of mkstemp: the file gets the
     * usual 0666 & ~umask at once, without an fchmod per file. */
    static unsigned long serial;
    char *tmpl = NULL;
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        free(tmpl);
        char name[64];
        snprintf(name, sizeof name, ".modelc-tmp-%ld-%lu", (long)getpid(), ++serial);
        tmpl = path_join(dir, name);
        fd = open(tmpl, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        int e = errno;
        free(tmpl);
        errno = e;
        return NULL;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            unlink(tmpl);
            free(tmpl);
            errno = e;
            return NULL;
        }
        done += (size_t)w;
    }
    if (close(fd) != 0) {
        int e = errno;
        unlink(tmpl);
        free(tmpl);
        errno = e;
        return NULL;
    }
    return tmpl;
}

/* Writes data to path atomically unless it already holds it. */
static int write_if_changed(const char *path, const char *data, size_t len)
{
    if (same_content(path, data, len))
        return 0;
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    else
        strcpy(dir, ".");
    char *tmp = write_temp(dir, data, len);
    free(dir);
    if (!tmp || rename(tmp, path) != 0) {
        fprintf(stderr, "modelc: error: %s: %s\n", path, strerror(errno));
        if (tmp)
            unlink(tmp);
        free(tmp);
        return 1;
    }
    free(tmp);
    return 0;
}

/* Appends s escaped for a make rule. */
static void dep_escape(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '#' || *s == '\\')
            fputc('\\', f);
        if (*s == '$')
            fputc('$', f);
        fputc(*s, f);
    }
}

int gen_emit_depfile(const char *path, const char *const *targets, size_t n_targets,
                     const char *const *inputs, size_t n_inputs)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        gen_oom();
    for (size_t i = 0; i < n_targets; i++) {
        if (i)
            fputs(" \\\n ", f);
        dep_escape(f, targets[i]);
    }
    fputs(":", f);
    for (size_t i = 0; i < n_inputs; i++) {
        fputs(" \\\n ", f);
        dep_escape(f, inputs[i]);
    }
    fputs("\n", f);
    for (size_t i = 0; i < n_inputs; i++) {
        fputs("\n", f);
        dep_escape(f, inputs[i]);
        fputs(":\n", f);
    }
    if (fclose(f) != 0)
        gen_oom();
    int rc = write_if_changed(path, text, len);
    free(text);
    return rc;
}

/* Checks names and duplicates; fills sorted with the names in order. */
static int check_outputs(const gen_output *outs, size_t n, const char **sorted)
{
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        sorted[i] = outs[i].name;
        if (!plain_name(outs[i].name) || strcmp(outs[i].name, GEN_EMIT_MANIFEST) == 0 ||
            strncmp(outs[i].name, ".modelc-", 8) == 0) {
            fprintf(stderr, "modelc: error: '%s' (from %s) is not a valid output file name\n",
                    outs[i].name, outs[i].origin ? outs[i].origin : "modelc");
            status = 1;
        }
    }
    qsort(sorted, n, sizeof *sorted, cmp_names);
    for (size_t i = 1; i < n; i++) {
        if (strcmp(sorted[i - 1], sorted[i]) != 0)
            continue;
        const char *a = NULL, *b = NULL;
        for (size_t k = 0; k < n; k++) {
            if (strcmp(outs[k].name, sorted[i]) == 0) {
                if (!a)
                    a = outs[k].origin;
                else if (!b)
                    b = outs[k].origin;
            }
        }
        fprintf(stderr,
                "modelc: error: two inputs would write the same file '%s': %s and %s; rename one "
                "of the types (or use --prefix for separate model sets)\n",
                sorted[i], a ? a : "?", b ? b : "?");
        status = 1;
    }
    return status;
}

static bool in_sorted(const char **sorted, size_t n, const char *name)
{
    return bsearch(&name, sorted, n, sizeof *sorted, cmp_names) != NULL;
}

static int emit_check(const gen_output *outs, size_t n, const char **sorted, const strlist *old,
                      const gen_emit_options *opt, FILE *out)
{
    size_t stale = 0, missing = 0, extra = 0;
    for (size_t i = 0; i < n; i++) {
        char *path = path_join(opt->dir, outs[i].name);
        if (access(path, F_OK) != 0) {
            fprintf(out, "missing: %s\n", path);
            missing++;
        } else if (!same_content(path, outs[i].data, outs[i].len)) {
            fprintf(out, "stale: %s\n", path);
            stale++;
        }
        free(path);
    }
    for (size_t i = 0; i < old->count; i++) {
        if (in_sorted(sorted, n, old->items[i]))
            continue;
        char *path = path_join(opt->dir, old->items[i]);
        if (access(path, F_OK) == 0) {
            fprintf(out, "extra: %s\n", path);
            extra++;
        }
        free(path);
    }
    if (stale + missing + extra) {
        fprintf(out, "modelc: %s is out of date: %zu stale, %zu missing, %zu extra; rerun modelc "
                     "without --check to update it\n",
                opt->dir, stale, missing, extra);
        return 1;
    }
    fprintf(out, "modelc: %s is up to date (%zu files)\n", opt->dir, n);
    return 0;
}

static int emit_write(const gen_output *outs, size_t n, const char **sorted, const strlist *old,
                      const gen_emit_options *opt)
{
    if (make_dirs(opt->dir) != 0) {
        fprintf(stderr, "modelc: error: cannot create output folder %s: %s\n", opt->dir,
                strerror(errno));
        return 1;
    }
    /* Phase 1: temporaries for everything that changes. */
    strlist temps = {0}, targets = {0};
    int status = 0;
    size_t man_len;
    char *man = manifest_text((char **)sorted, n, &man_len);
    for (size_t i = 0; i <= n && status == 0; i++) {
        const char *name = i < n ? outs[i].name : GEN_EMIT_MANIFEST;
        const char *data = i < n ? outs[i].data : man;
        size_t len = i < n ? outs[i].len : man_len;
        char *path = path_join(opt->dir, name);
        if (same_content(path, data, len)) {
            free(path);
            continue;
        }
        char *tmp = write_temp(opt->dir, data, len);
        if (!tmp) {
            fprintf(stderr, "modelc: error: cannot write in %s: %s\n", opt->dir, strerror(errno));
            free(path);
            status = 1;
            break;
        }
        strlist_push(&temps, tmp);
        strlist_push(&targets, path);
    }
    free(man);
    /* Phase 2: rename into place, or undo phase 1. */
    for (size_t i = 0; i < temps.count; i++) {
        if (status != 0) {
            unlink(temps.items[i]);
        } else if (rename(temps.items[i], targets.items[i]) != 0) {
            fprintf(stderr, "modelc: error: %s: %s\n", targets.items[i], strerror(errno));
            unlink(temps.items[i]);
            status = 1;
        }
    }
    strlist_free(&temps);
    strlist_free(&targets);
    if (status != 0)
        return status;
    /* Phase 3: remove what the old manifest lists and this run did not produce. */
    for (size_t i = 0; i < old->count; i++) {
        if (in_sorted(sorted, n, old->items[i]))
            continue;
        char *path = path_join(opt->dir, old->items[i]);
        if (unlink(path) != 0 && errno != ENOENT) {
            fprintf(stderr, "modelc: error: cannot remove stale %s: %s\n", path, strerror(errno));
            status = 1;
        }
        free(path);
    }
    return status;
}

int gen_emit(const gen_output *outs, size_t n, const gen_emit_options *opt)
{
    FILE *out = opt->out ? opt->out : stdout;
    const char **sorted = gen_xmalloc((n ? n : 1) * sizeof *sorted);
    int status = check_outputs(outs, n, sorted);
    if (status != 0) {
        free(sorted);
        return status;
    }
    if (opt->mode == GEN_EMIT_LIST) {
        for (size_t i = 0; i < n; i++) {
            char *path = path_join(opt->dir, outs[i].name);
            fprintf(out, "%s\n", path);
            free(path);
        }
        free(sorted);
        return 0;
    }
    struct stat st;
    if (opt->mode == GEN_EMIT_CHECK && (stat(opt->dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        fprintf(stderr, "modelc: error: --check: output folder %s does not exist\n", opt->dir);
        free(sorted);
        return 1;
    }
    strlist old = {0};
    status = manifest_read(opt->dir, &old);
    if (status == 0) {
        status = opt->mode == GEN_EMIT_CHECK ? emit_check(outs, n, sorted, &old, opt, out)
                                             : emit_write(outs, n, sorted, &old, opt);
    }
    if (status == 0 && opt->depfile && opt->mode == GEN_EMIT_WRITE) {
        const char **targets = gen_xmalloc((n ? n : 1) * sizeof *targets);
        strlist paths = {0};
        for (size_t i = 0; i < n; i++) {
            strlist_push(&paths, path_join(opt->dir, outs[i].name));
            targets[i] = paths.items[i];
        }
        if (opt->depfile_target)
            targets[0] = opt->depfile_target;
        status = gen_emit_depfile(opt->depfile, targets, opt->depfile_target ? 1 : n, opt->inputs,
                                  opt->n_inputs);
        strlist_free(&paths);
        free(targets);
    }
    strlist_free(&old);
    free(sorted);
    return status;
}
