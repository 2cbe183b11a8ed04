/*
 * diag.h - gcc-style diagnostics for every modelc stage.
 *
 * A message is printed as
 *
 *     FILE:LINE:COL: error: MESSAGE
 *     the source line, verbatim
 *            ^
 *
 * (`warning:` and `note:` likewise).  LINE and COL are 1-based; COL counts
 * characters (UTF-8 code points), as libyaml and the template engine do.  The
 * caret line copies tabs from the source line so the caret lands under the
 * column in any tab setting.  When LINE is 0 the position and source line are
 * left out (`FILE: error: MESSAGE`); when FILE is NULL too the message starts
 * with `modelc: `.
 *
 * The source line comes from a buffer registered with gen_diag_add_source()
 * for that exact path, else from the file on disk (read once and cached), else
 * it is left out.  The schema loader registers every file it reads; the
 * template engine registers its template buffers the same way.
 *
 * Ownership: gen_diag owns its cache of files read from disk (freed by
 * gen_diag_dispose).  A buffer given to gen_diag_add_source() is NOT copied:
 * the caller keeps it alive as long as messages may be printed.  `out` is not
 * closed.  Counting: errors and warnings are counted; notes are not.
 */
#ifndef MODELC_DIAG_H
#define MODELC_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "strmap.h"

typedef enum gen_diag_level {
    GEN_DIAG_ERROR,
    GEN_DIAG_WARNING,
    GEN_DIAG_NOTE
} gen_diag_level;

typedef struct gen_diag_source gen_diag_source;

typedef struct gen_diag {
    FILE *out;                 /* where messages go (stderr in modelc) */
    unsigned errors;           /* errors reported so far */
    unsigned warnings;         /* warnings reported so far */
    unsigned max_errors;       /* stop printing after this many errors; 0 = no limit */
    gen_diag_source *sources;  /* registered buffers and files read from disk */
    gen_strmap by_path;        /* path -> source (malloc'd slots, freed by dispose) */
} gen_diag;

/* A position in a source file.  file is the path as it is shown. */
typedef struct gen_pos {
    const char *file;
    unsigned line, col;
} gen_pos;

/* Prepares diag to print to out; allocates nothing. */
void gen_diag_init(gen_diag *diag, FILE *out);

/* Frees the source cache.  Buffers registered by callers are not freed. */
void gen_diag_dispose(gen_diag *diag);

/* Registers buf (len bytes, need not be NUL-terminated) as the text of path,
 * for source lines.  A later registration of the same path wins.  buf must
 * outlive every message about path. */
void gen_diag_add_source(gen_diag *diag, const char *path, const char *buf, size_t len);

/* Prints one message at file:line:col (see the top of this file) and counts
 * it.  file may be NULL and line/col 0 for messages without a position. */
void gen_diag_report(gen_diag *diag, gen_diag_level level, const char *file, unsigned line,
                     unsigned col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

void gen_diag_vreport(gen_diag *diag, gen_diag_level level, const char *file, unsigned line,
                      unsigned col, const char *fmt, va_list ap);

/* Shorthands taking a gen_pos (pos may be NULL: no position). */
void gen_diag_error(gen_diag *diag, const gen_pos *pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void gen_diag_warning(gen_diag *diag, const gen_pos *pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void gen_diag_note(gen_diag *diag, const gen_pos *pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
