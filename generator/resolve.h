/*
 * resolve.h - schema files, `$ref`s and type names.
 *
 * Two input forms are accepted, even mixed on one command line:
 *
 *  - standalone schema files, one type per file, the type named by the file
 *    (`schema/CertificationTask.yaml` -> `CertificationTask`), referring to
 *    each other with relative `$ref`s: `./ErrorMessageDtoList.yaml`,
 *    `../x/Y.yaml`, `Y.yaml#/some/pointer`;
 *  - whole OpenAPI 3.0/3.1 documents: each `components/schemas/X` is a type
 *    `X`; references `#/components/schemas/X` (and `other.yaml#/...`).
 *
 * A reference is split at `#`: the file part is joined to the directory of
 * the referencing file (and loaded once, through the loader's cache); the
 * fragment is an RFC 6901 JSON Pointer (`~0`, `~1`, percent-escapes).  The
 * type a reference names is: the file's name for a whole file,
 * `X` for `/components/schemas/X`, else the pointer's last segment.
 * Two different schemas with one name are an error.  A type whose schema is
 * only a `$ref` is an alias: references to it resolve to its target; a cycle
 * of such aliases is an error.
 *
 * Ownership: entries live in the arena; the resolver's own arrays and hash
 * tables are freed by gen_resolver_dispose() (the arena then still holds every node).
 */
#ifndef MODELC_RESOLVE_H
#define MODELC_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "load.h"
#include "openapi.h"
#include "strmap.h"

typedef struct gen_resolve_entry gen_resolve_entry;

struct gen_resolve_entry {
    const char *name;              /* the type name */
    const gen_node *node;          /* the schema mapping */
    gen_pos pos;                   /* where the name comes from (for collisions) */
    gen_resolve_entry *alias_of;   /* the schema is just a `$ref` to this entry */
    bool from_input;               /* named on the command line (or in an input document) */
    bool failed;                   /* an error was reported for it */
    void *user;                    /* ir.c keeps its gen_ir_type here */
};

typedef struct gen_resolver {
    gen_arena *arena;
    gen_diag *diag;
    gen_loader loader;
    gen_openapi oa;
    gen_resolve_entry **entries;   /* every named schema found so far, in discovery order */
    size_t count, cap;
    gen_strmap by_node;            /* schema node (the pointer's bytes) -> entry */
    gen_strmap by_name;            /* type name -> the first entry with that name */
} gen_resolver;

void gen_resolver_init(gen_resolver *r, gen_arena *arena, gen_diag *diag);
void gen_resolver_dispose(gen_resolver *r);

/* Loads each input file and registers the types it defines.  Errors are
 * reported; returns the number of entries registered. */
size_t gen_resolve_inputs(gen_resolver *r, const char *const *paths, size_t n);

/* Resolves the `$ref` string node ref (relative to the file it is in) to a
 * named entry, registering it when new, following aliases to the final
 * entry.  Returns NULL after reporting an error. */
gen_resolve_entry *gen_resolve_ref(gen_resolver *r, const gen_node *ref);

/* Decodes a JSON Pointer fragment (without '#') against root.  Returns the
 * node or NULL; *seg_out (may be NULL) gets the last decoded segment (arena). */
const gen_node *gen_resolve_pointer(gen_arena *arena, const gen_node *root, const char *ptr,
                                    const char **seg_out);

#endif
