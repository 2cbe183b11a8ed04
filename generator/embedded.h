/*
 * embedded.h - files compiled into the modelc binary.
 *
 * The build turns every templates/NAME.mustache and the runtime sources
 * (runtime/mc_runtime.h, runtime/mc_runtime.c) into this table with
 * generator/tools/embed.c, so an installed modelc needs no data folder.
 *
 * Ownership: static storage; nothing to free.  `data` is NUL-terminated at
 * `len`.  Names are "templates/NAME.mustache" and "runtime/mc_runtime.h".
 */
#ifndef MODELC_EMBEDDED_H
#define MODELC_EMBEDDED_H

#include <stddef.h>

typedef struct gen_embedded_file {
    const char *name;
    const char *data;
    size_t len;
} gen_embedded_file;

extern const gen_embedded_file gen_embedded_files[];
extern const size_t gen_embedded_count;

/* Finds an embedded file by its name; NULL when there is none. */
const gen_embedded_file *gen_embedded_find(const char *name);

#endif
