/*
 * diag.c - printing gcc-style messages with the source line and a caret.
 *
 * Source texts are looked up by exact path string in a hash table: the
 * loader registers every schema file it reads, and a run may read thousands.  Files read from disk here are only read for a message, never for
 * parsing, so a read failure just leaves the source line out.
 */
#include "diag.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fileio.h"

struct gen_diag_source {
    char *path;        /* owned copy */
    const char *buf;
    size_t len;
    char *owned;       /* buf when read from disk here, else NULL */
    bool missing;      /* reading from disk failed: do not try again */
    gen_diag_source *next;
};

void gen_diag_init(gen_diag *diag, FILE *out)
{
    memset(diag, 0, sizeof *diag);
    diag->out = out;
    gen_strmap_init(&diag->by_path, NULL);
}

void gen_diag_dispose(gen_diag *diag)
{
    gen_diag_source *s = diag->sources;
    while (s) {
        gen_diag_source *next = s->next;
        free(s->path);
        free(s->owned);
        free(s);
        s = next;
    }
    diag->sources = NULL;
    gen_strmap_dispose(&diag->by_path);
}

static gen_diag_source *source_find(gen_diag *diag, const char *path)
{
    return gen_strmap_gets(&diag->by_path, path);
}

static gen_diag_source *source_new(gen_diag *diag, const char *path)
{
    gen_diag_source *s = gen_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    size_t n = strlen(path);
    s->path = gen_xmalloc(n + 1);
    memcpy(s->path, path, n + 1);
    s->next = diag->sources;
    diag->sources = s;
    gen_strmap_add(&diag->by_path, s->path, n, s);
    return s;
}

void gen_diag_add_source(gen_diag *diag, const char *path, const char *buf, size_t len)
{
    gen_diag_source *s = source_find(diag, path);
    if (!s)
        s = source_new(diag, path);
    free(s->owned);
    s->owned = NULL;
    s->missing = false;
    s->buf = buf;
    s->len = len;
}

static const gen_diag_source *source_get(gen_diag *diag, const char *path)
{
    gen_diag_source *s = source_find(diag, path);
    if (s)
        return s->missing ? NULL : s;
    s = source_new(diag, path);
    size_t len = 0;
    if (gen_file_read(path, 0, &s->owned, &len) != 0)
        s->owned = NULL;
    if (!s->owned) {
        s->missing = true;
        return NULL;
    }
    s->buf = s->owned;
    s->len = len;
    return s;
}

/* Prints line number `line` of the source and a caret under character
 * column `col`.  Prints nothing when the line does not exist. */
static void print_source_line(FILE *out, const gen_diag_source *s, unsigned line, unsigned col)
{
    const char *p = s->buf, *end = s->buf + s->len;
    for (unsigned l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return;
        p = nl + 1;
    }
    if (p >= end && line > 1)
        return;
    const char *eol = p;
    while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
    fwrite(p, 1, (size_t)(eol - p), out);
    fputc('\n', out);
    /* One output column per character: tabs stay tabs, every other
     * character (a UTF-8 lead byte starts one) becomes a space. */
    unsigned c = 1;
    for (const char *q = p; q < eol && c < col; q++) {
        unsigned char ch = (unsigned char)*q;
        if ((ch & 0xC0) == 0x80)
            continue;
        fputc(ch == '\t' ? '\t' : ' ', out);
        c++;
    }
    for (; c < col; c++)
        fputc(' ', out);
    fputs("^\n", out);
}

static const char *level_name(gen_diag_level level)
{
    switch (level) {
    case GEN_DIAG_ERROR: return "error";
    case GEN_DIAG_WARNING: return "warning";
    case GEN_DIAG_NOTE: return "note";
    }
    return "error";
}

void gen_diag_vreport(gen_diag *diag, gen_diag_level level, const char *file, unsigned line,
                      unsigned col, const char *fmt, va_list ap)
{
    if (level == GEN_DIAG_ERROR)
        diag->errors++;
    else if (level == GEN_DIAG_WARNING)
        diag->warnings++;
    if (diag->max_errors && diag->errors > diag->max_errors)
        return;
    FILE *out = diag->out;
    if (!file)
        fputs("modelc: ", out);
    else if (line == 0)
        fprintf(out, "%s: ", file);
    else
        fprintf(out, "%s:%u:%u: ", file, line, col ? col : 1);
    fprintf(out, "%s: ", level_name(level));
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    if (file && line) {
        const gen_diag_source *s = source_get(diag, file);
        if (s)
            print_source_line(out, s, line, col ? col : 1);
    }
    if (diag->max_errors && level == GEN_DIAG_ERROR && diag->errors == diag->max_errors)
        fprintf(out, "modelc: note: too many errors, stopping after %u\n", diag->max_errors);
}

void gen_diag_report(gen_diag *diag, gen_diag_level level, const char *file, unsigned line,
                     unsigned col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gen_diag_vreport(diag, level, file, line, col, fmt, ap);
    va_end(ap);
}

#define DIAG_AT(level)                                                                   \
    va_list ap;                                                                          \
    va_start(ap, fmt);                                                                   \
    gen_diag_vreport(diag, level, pos ? pos->file : NULL, pos ? pos->line : 0,           \
                     pos ? pos->col : 0, fmt, ap);                                       \
    va_end(ap)

void gen_diag_error(gen_diag *diag, const gen_pos *pos, const char *fmt, ...)
{
    DIAG_AT(GEN_DIAG_ERROR);
}

void gen_diag_warning(gen_diag *diag, const gen_pos *pos, const char *fmt, ...)
{
    DIAG_AT(GEN_DIAG_WARNING);
}

void gen_diag_note(gen_diag *diag, const gen_pos *pos, const char *fmt, ...)
{
    DIAG_AT(GEN_DIAG_NOTE);
}
