/*
 * mustache.h - the template engine: compile a mustache template once, render
 * it many times against a gen_data tree.
 *
 * Implements the whole mustache spec (v1.4) minus lambdas: interpolation
 * ({{x}}, {{{x}}}, {{&x}}, dotted names, {{.}}), sections, inverted
 * sections, comments, partials with standalone indentation, set delimiters,
 * the standalone-line whitespace rules, and the optional ~inheritance
 * ({{<parent}} ... {{$block}}default{{/block}} ... {{/parent}}) and
 * ~dynamic-names ({{>*name}}, {{<*name}}) modules.  The engine depends on
 * nothing in modelc but the generic arena and data modules; where partials
 * come from is the caller's business (a lookup callback).
 *
 * Policies are chosen per render (mustache_options): HTML escaping or none,
 * whether a missing variable or an unknown partial is an error (modelc's C
 * templates) or renders as empty (what the spec requires).
 *
 * Errors are values: every call returns 0 or a negative mustache_code and
 * fills a caller-provided mustache_error with file, line, column (of the
 * offending tag) and a message.  The engine never exits and never prints,
 * except through gen_xmalloc/gen_xrealloc, which exit on out of memory as
 * everywhere in the generator.  Nesting is bounded (MUSTACHE_MAX_NESTING
 * while compiling, MUSTACHE_MAX_DEPTH while rendering), so a hostile or
 * recursive template is an error, not a stack overflow.
 *
 * Ownership: a compiled template and everything it points to lives in the
 * gen_arena given to mustache_compile (nothing to free on its own; the
 * template stays valid and immutable until that arena is disposed, and may
 * be rendered any number of times).  Output goes into a caller-owned
 * mustache_buf.  No function keeps a pointer to the data tree.
 */
#ifndef MODELC_MUSTACHE_H
#define MODELC_MUSTACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arena.h"
#include "data.h"

#if defined(__GNUC__)
#define MUSTACHE_MUST_CHECK __attribute__((warn_unused_result))
#else
#define MUSTACHE_MUST_CHECK
#endif

/* Deepest section/parent/block nesting one template may have. */
#define MUSTACHE_MAX_NESTING 256
/* Deepest render recursion: sections + partials + parents + blocks open at
 * once (bounds partial recursion). */
#define MUSTACHE_MAX_DEPTH 256

/* The status codes and their texts, in one list so they cannot drift. */
#define MUSTACHE_CODES(X)                                                       \
    X(MUSTACHE_OK, 0, "no error")                                               \
    X(MUSTACHE_E_UNCLOSED_TAG, -1, "unclosed tag")                              \
    X(MUSTACHE_E_UNCLOSED_SECTION, -2, "unclosed section")                      \
    X(MUSTACHE_E_MISMATCHED_CLOSE, -3, "mismatched close tag")                  \
    X(MUSTACHE_E_UNEXPECTED_CLOSE, -4, "close tag without open section")        \
    X(MUSTACHE_E_BAD_DELIMITER, -5, "bad delimiter change")                     \
    X(MUSTACHE_E_BAD_NAME, -6, "bad tag name")                                  \
    X(MUSTACHE_E_TOO_DEEP, -7, "nested too deeply")                             \
    X(MUSTACHE_E_UNKNOWN_PARTIAL, -8, "unknown partial")                        \
    X(MUSTACHE_E_MISSING_VARIABLE, -9, "missing variable")                      \
    X(MUSTACHE_E_NOT_A_VALUE, -10, "cannot interpolate a list or map")          \
    X(MUSTACHE_E_IO, -11, "cannot read template")

typedef enum mustache_code {
#define MUSTACHE_ENUM_(name, value, text) name = value,
    MUSTACHE_CODES(MUSTACHE_ENUM_)
#undef MUSTACHE_ENUM_
} mustache_code;

/* The fixed text of a code ("unknown code" for anything else). */
const char *mustache_code_text(int code);

/* An error record.  All strings are copied in (truncated if very long), so a
 * record stays valid after the template or its source is gone.  line and
 * col are 1-based (col counts UTF-8 code points, as diag.h does); 0 when there is no position (e.g. a
 * file that cannot be read). */
typedef struct mustache_error {
    int code;               /* MUSTACHE_OK or a negative mustache_code */
    unsigned line, col;
    char file[512];
    char message[512];
    char source_line[256];  /* the template line of the tag, for a caret; may be "" */
} mustache_error;

/* Clears e to MUSTACHE_OK with empty strings.  e may be NULL. */
void mustache_error_clear(mustache_error *e);

/* Fills e (may be NULL) with code, position and a printf-style message; for
 * callbacks (partial loaders) that report their own errors.  Returns code. */
int mustache_error_set(mustache_error *e, int code, const char *file, unsigned line,
                       unsigned col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Prints "file:line:col: error: message" (":line:col" left out when line is
 * 0), then the source line and a caret under the column when known. */
void mustache_error_print(const mustache_error *e, FILE *out);

/* ---- output buffer --------------------------------------------------- */

/* A growable byte buffer.  data is NUL-terminated at len whenever len > 0 or
 * after any append; it is owned by the buffer (free with
 * mustache_buf_dispose).  Growth doubles, so appends are amortised O(1). */
typedef struct mustache_buf {
    char *data;
    size_t len, cap;
} mustache_buf;

/* Sets b to empty; allocates nothing. */
void mustache_buf_init(mustache_buf *b);
/* Frees b's memory; b is empty and reusable afterwards. */
void mustache_buf_dispose(mustache_buf *b);
/* Appends n bytes of s (s may be NULL when n is 0).  Exits on OOM. */
void mustache_buf_append(mustache_buf *b, const char *s, size_t n);
/* Appends the NUL-terminated s. */
void mustache_buf_puts(mustache_buf *b, const char *s);

/* ---- compile --------------------------------------------------------- */

typedef struct mustache_template mustache_template;

/* Compiles src (len bytes, need not be NUL-terminated, may hold NULs) into
 * *out.  name is the file name used in error messages (copied).  All memory
 * comes from arena.  Returns 0, or a negative code with *out = NULL and err
 * (may be NULL) filled with the position of the offending tag. */
int mustache_compile(mustache_template **out, gen_arena *arena, const char *name,
                     const char *src, size_t len, mustache_error *err) MUSTACHE_MUST_CHECK;

/* The name given to mustache_compile. */
const char *mustache_template_name(const mustache_template *t);

/* The partial and parent names the template refers to by a static name
 * ({{>x}}, {{<x}}; dynamic names are not listed), in order of appearance,
 * each once.  For loaders that want to read every file a template can use.
 * Returns the count; *name and *len of entry i (i < count). */
size_t mustache_template_partial_count(const mustache_template *t);
void mustache_template_partial(const mustache_template *t, size_t i, const char **name,
                               size_t *len);

/* ---- render ---------------------------------------------------------- */

typedef enum mustache_escape {
    MUSTACHE_ESCAPE_HTML, /* {{x}} escapes & < > " (the spec's behaviour) */
    MUSTACHE_ESCAPE_NONE  /* {{x}} writes the value as it is (C output) */
} mustache_escape;

/* Finds a partial (or parent) by name for the renderer.  Returns the
 * compiled template, or NULL: with err->code still MUSTACHE_OK when there is
 * no such partial (the renderer then applies strict_partials), or with err
 * filled (e.g. the partial does not compile) to abort the render with that
 * error.  The returned template must stay valid for the render. */
typedef const mustache_template *(*mustache_partial_fn)(void *ctx, const char *name,
                                                        size_t len, mustache_error *err);

typedef struct mustache_options {
    mustache_escape escape;
    /* true: an interpolated name that resolves to nothing, or to a list or
     * a map, is an error (MUSTACHE_E_MISSING_VARIABLE/_NOT_A_VALUE).  false:
     * it renders as empty (the spec).  Sections over a missing name are
     * always just false.  A null value always renders as empty. */
    bool strict_variables;
    /* true: a partial the loader does not know is an error
     * (MUSTACHE_E_UNKNOWN_PARTIAL); false: it renders as empty (the spec). */
    bool strict_partials;
    mustache_partial_fn partial; /* NULL: no partials exist */
    void *partial_ctx;
} mustache_options;

/* Spec behaviour: HTML escaping, missing names and partials are empty. */
#define MUSTACHE_OPTIONS_SPEC {MUSTACHE_ESCAPE_HTML, false, false, NULL, NULL}
/* modelc's C templates: no escaping, missing names and partials are errors. */
#define MUSTACHE_OPTIONS_C {MUSTACHE_ESCAPE_NONE, true, true, NULL, NULL}

/* Renders t against data (the bottom of the context stack; may be NULL,
 * meaning an empty context) and appends the text to out.  opt NULL means
 * MUSTACHE_OPTIONS_SPEC.  Returns 0, or a negative code with err (may be
 * NULL) filled and out restored to its length on entry.  Numbers print as
 * integers when integral, else in the shortest form that reads back the
 * same; booleans as true/false. */
int mustache_render(const mustache_template *t, const gen_data *data,
                    const mustache_options *opt, mustache_buf *out,
                    mustache_error *err) MUSTACHE_MUST_CHECK;

#endif
