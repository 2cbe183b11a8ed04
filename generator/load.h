/*
 * load.h - YAML/JSON files to node trees with positions (the only libyaml user).
 *
 * gen_loader reads a file once, checks it is valid UTF-8, parses it with
 * libyaml's event API and builds a gen_node tree in which every node keeps
 * its file, line and column.  What libyaml leaves to its caller is done here:
 *
 *  - plain scalars are resolved by YAML 1.2's core schema: null (`~`, `null`,
 *    `Null`, `NULL`, empty), bool (`true`/`True`/`TRUE`, `false`...), int
 *    (decimal, `0o` octal, `0x` hex), float (incl. `.inf`, `.nan`); every
 *    quoted, literal or folded scalar is a string.  `!!str` forces a string.
 *  - duplicate mapping keys are errors (with a note at the first key); keys
 *    are compared by their text.  Keys must be scalars.
 *  - nesting deeper than GEN_LOAD_MAX_DEPTH is an error and stops parsing.
 *  - aliases share the anchored node (no copy); the total size of the tree
 *    with every alias expanded is bounded by GEN_LOAD_MAX_EXPANSION, so a
 *    "billion laughs" file is rejected at once.
 *  - files larger than GEN_LOAD_MAX_FILE are rejected; only one document per
 *    file is accepted.
 *
 * Files are cached by identity (device and inode) and by path: loading the
 * same file again returns the same gen_load_file, and a failed file is
 * reported once.  Paths are shown as given, joined lexically with the
 * directory of the referencing file (`schema/a/../B.yaml` -> `schema/B.yaml`).
 *
 * Ownership: every node, string and file record lives in the loader's
 * gen_arena and stays valid until that arena is disposed.  The file text is
 * registered with the gen_diag for source lines, so the diag must not print
 * messages about these files after the arena is gone.
 */
#ifndef MODELC_LOAD_H
#define MODELC_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "data.h"
#include "diag.h"
#include "strmap.h"

#define GEN_LOAD_MAX_DEPTH 200
#define GEN_LOAD_MAX_EXPANSION 1000000u
#define GEN_LOAD_MAX_FILE (64u * 1024u * 1024u)

typedef enum gen_node_kind {
    GEN_NODE_NULL,
    GEN_NODE_BOOL,
    GEN_NODE_INT,    /* fits int64: .i; else .big is set and .f holds it */
    GEN_NODE_FLOAT,
    GEN_NODE_STRING,
    GEN_NODE_SEQ,
    GEN_NODE_MAP
} gen_node_kind;

typedef struct gen_node gen_node;
typedef struct gen_load_file gen_load_file;

typedef struct gen_node_pair {
    gen_node *key;    /* always a scalar node */
    gen_node *value;
} gen_node_pair;

struct gen_node {
    gen_node_kind kind;
    gen_pos pos;                 /* where the node starts */
    const gen_load_file *file;   /* the file it was read from */
    const char *text;            /* scalars: the source text (decoded), NUL-terminated */
    size_t len;                  /* bytes in text */
    bool quoted;                 /* scalar was not plain */
    bool big;                    /* GEN_NODE_INT that does not fit int64 */
    bool boolean;
    int64_t i;
    double f;                    /* INT and FLOAT: the numeric value */
    union {
        struct { gen_node **items; size_t count; } seq;
        struct {
            gen_node_pair *pairs;
            size_t count;
            struct gen_strmap *index; /* key -> value for maps of more than
                                         GEN_NODE_INDEX_MIN keys, else NULL */
        } map;
    } u;
};

struct gen_load_file {
    const char *path;            /* as shown in messages */
    const char *dir;             /* directory part of path, "" or ending in '/' */
    const char *text;            /* file bytes, NUL-terminated */
    size_t len;
    gen_node *root;              /* NULL when the file failed to load */
    bool failed;
    uint64_t dev, ino;
    void *user;                  /* free for later stages (resolve keeps per-file data) */
    gen_load_file *next;
};

typedef struct gen_loader {
    gen_arena *arena;
    gen_diag *diag;
    gen_load_file *files;        /* every file tried, in load order */
    gen_load_file **tail;
    size_t file_count;
    size_t loads;                /* parses done (tests check files load once) */
    gen_strmap by_path;          /* path as given -> file (in the arena) */
    gen_strmap by_id;            /* 16 bytes (device, inode) -> first file read */
} gen_loader;

/* Prepares a loader that allocates from arena and reports to diag. */
void gen_loader_init(gen_loader *ld, gen_arena *arena, gen_diag *diag);

/* Loads path (shown as is) once.  from is the node that referenced it (for
 * the position of "cannot open" errors), NULL for a command-line file.
 * Returns the file record, or NULL only when the file cannot be opened; a
 * file with errors is returned with failed set and root NULL.  Every error is
 * reported to the diag. */
gen_load_file *gen_loader_load(gen_loader *ld, const char *path, const gen_node *from);

/* Joins ref (a relative or absolute path) onto the directory dir ("" or
 * ending in '/') and normalises "." and ".." lexically.  In the arena. */
char *gen_load_join_path(gen_arena *arena, const char *dir, const char *ref);

/* Maps with more keys than this get a hash index when they are loaded, so
 * that looking names up in a large components/schemas stays O(1). */
#define GEN_NODE_INDEX_MIN 16

/* Looks key up in a MAP node; NULL if node is not a map or has no such key. */
gen_node *gen_node_get(const gen_node *map, const char *key);

/* The same for a key of len bytes (which may hold NUL bytes). */
gen_node *gen_node_getn(const gen_node *map, const char *key, size_t len);

/* "null", "boolean", "integer", "number", "string", "sequence", "mapping". */
const char *gen_node_kind_name(gen_node_kind kind);

/* Loads a YAML or JSON file into a data tree for `modelc render`:
 * mappings become maps (in order), sequences lists, scalars null/bool/number
 * (with its source text)/string.  Returns NULL after reporting errors to
 * diag.  Everything lives in arena. */
gen_data *gen_load_data(gen_arena *arena, gen_diag *diag, const char *path);

/* Converts one node tree into a data tree (as gen_load_data does). */
gen_data *gen_node_to_data(gen_arena *arena, const gen_node *node);

#endif
