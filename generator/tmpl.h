/*
 * tmpl.h - where templates come from: the built-ins embedded in modelc and a
 * user's override folder.
 *
 * A template set maps a name (NAME, read from NAME.mustache) to a compiled
 * template.  With an override folder (`--templates DIR`), DIR/NAME.mustache
 * wins over the built-in templates/NAME.mustache, one file at a time, so a
 * user can replace a single partial (or, with inheritance, a single block)
 * and keep the rest.  Partials and parents are resolved from the same set.
 * Each template is read and compiled once and cached (a missing one is
 * remembered too); compiling a template also reads every partial it names
 * statically, so the list of files read is complete for dependency files
 * and compile errors in partials show before anything is rendered.
 *
 * Names are plain file names without the extension: a name that contains
 * '/', '\\', a NUL byte, or starts with '.', is never found (dynamic partial
 * names come from data and must not reach outside the folder).
 *
 * Errors are printed through the gen_diag given at creation
 * (`file:line:col: error: ...` with the template line and a caret); every
 * template source stays registered with the diag for that.
 *
 * Ownership: the set, its templates, their sources and the file list live
 * in the gen_arena given to gen_tmpl_set_new and stay valid until it is
 * disposed; gen_tmpl_set_dispose frees the few heap blocks the set keeps
 * besides (call it before disposing the arena).  The diag must outlive the
 * set.
 */
#ifndef MODELC_TMPL_H
#define MODELC_TMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "data.h"
#include "diag.h"
#include "mustache.h"

typedef struct gen_tmpl_set gen_tmpl_set;

/* Creates a set.  dir: override folder, or NULL for none (copied).
 * builtins: whether names fall back to the embedded templates (true for the
 * generator; `modelc render --partials DIR` uses false, so only DIR counts).
 * Never returns NULL (exits on OOM). */
gen_tmpl_set *gen_tmpl_set_new(gen_arena *arena, gen_diag *diag, const char *dir, bool builtins);

/* Frees the set's heap blocks; its arena memory goes with the arena. */
void gen_tmpl_set_dispose(gen_tmpl_set *set);

/* The compiled template NAME (from NAME.mustache; a trailing ".mustache" on
 * name is accepted and ignored), compiled once and cached, with its static
 * partials loaded too.  Returns NULL after reporting to the diag when it or
 * one of those partials does not compile, or when it does not exist
 * ("no template named ..."). */
const mustache_template *gen_tmpl_get(gen_tmpl_set *set, const char *name);

/* Compiles the template file at path (for `modelc render TEMPLATE`; not
 * cached by name), its partials resolved from the set as for gen_tmpl_get.
 * Returns NULL after reporting errors (unreadable file, compile errors). */
const mustache_template *gen_tmpl_load_path(gen_tmpl_set *set, const char *path);

/* Renders t (from this set) against data into out, with partials from the
 * set; opt->partial and opt->partial_ctx are ignored (the set fills them in).
 * opt NULL means MUSTACHE_OPTIONS_C.  Returns 0, or -1 after reporting the
 * error to the diag (out is then as it was on entry). */
int gen_tmpl_render(gen_tmpl_set *set, const mustache_template *t, const gen_data *data,
                    const mustache_options *opt, mustache_buf *out);

/* One file the set has read: an override path ("DIR/x.mustache"), or a
 * built-in ("templates/x.mustache", builtin true: it is inside modelc). */
typedef struct gen_tmpl_file {
    const char *path;
    bool builtin;
} gen_tmpl_file;

/* The files read so far, in the order they were read; each once. */
size_t gen_tmpl_file_count(const gen_tmpl_set *set);
const gen_tmpl_file *gen_tmpl_file_at(const gen_tmpl_set *set, size_t i);

/* The source of NAME as the set would compile it (override first, then the
 * built-in, if enabled), without compiling it: for --print-template.
 * Returns false when there is none.  *path tells where it came from. */
bool gen_tmpl_source(gen_tmpl_set *set, const char *name, const char **src, size_t *len,
                     const char **path);

/* The built-in templates: how many there are, and the name of entry i
 * (i < count; in the embedded order, sorted by file name) without
 * "templates/" and ".mustache": a pointer into static storage, *len bytes,
 * not NUL-terminated. */
size_t gen_tmpl_builtin_count(void);
const char *gen_tmpl_builtin_name(size_t i, size_t *len);

#endif
