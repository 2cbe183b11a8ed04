/*
 * data.h - the data tree that templates see.
 *
 * A small JSON-like tree: null, bool, number, string, list, map (ordered,
 * keys unique).  The view builds one from the IR, `modelc render` builds one
 * from a YAML/JSON file, the mustache engine reads it, and --dump-ir prints
 * it as JSON.  So what `--dump-ir` shows is exactly what templates see.
 *
 * Ownership: every node and string lives in the gen_arena passed to the
 * constructor; nothing is freed on its own.  Strings are copied on
 * construction (gen_data_string) unless the _ref variant is used, in which
 * case the caller guarantees the bytes outlive the tree.  Strings are
 * length-counted and also NUL-terminated.
 */
#ifndef MODELC_DATA_H
#define MODELC_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arena.h"

typedef enum gen_data_kind {
    GEN_DATA_NULL,
    GEN_DATA_BOOL,
    GEN_DATA_NUMBER,
    GEN_DATA_STRING,
    GEN_DATA_LIST,
    GEN_DATA_MAP
} gen_data_kind;

typedef struct gen_data gen_data;

typedef struct gen_data_entry {
    const char *key;
    size_t key_len;
    gen_data *value;
} gen_data_entry;

struct gen_data {
    gen_data_kind kind;
    union {
        bool boolean;
        struct {
            double value;
            const char *text; /* source text when it came from a file, else NULL */
        } number;
        struct {
            const char *ptr;  /* NUL-terminated */
            size_t len;
        } string;
        struct {
            gen_data **items;
            size_t count, cap;
        } list;
        struct {
            gen_data_entry *entries; /* in insertion order */
            size_t count, cap;
        } map;
    } u;
};

gen_data *gen_data_null(gen_arena *a);
gen_data *gen_data_bool(gen_arena *a, bool v);
gen_data *gen_data_number(gen_arena *a, double v);
/* Copies s (len bytes) into the arena. */
gen_data *gen_data_string(gen_arena *a, const char *s, size_t len);
/* Copies the NUL-terminated s. */
gen_data *gen_data_cstr(gen_arena *a, const char *s);
/* Keeps a pointer to s: s must be NUL-terminated at len and outlive the tree. */
gen_data *gen_data_string_ref(gen_arena *a, const char *s, size_t len);
gen_data *gen_data_list(gen_arena *a);
gen_data *gen_data_map(gen_arena *a);

/* Appends item to a list.  The list grows in the arena. */
void gen_data_push(gen_arena *a, gen_data *list, gen_data *item);

/* Sets key (copied) to value in a map: replaces an existing key in place,
 * otherwise appends.  Returns value. */
gen_data *gen_data_set(gen_arena *a, gen_data *map, const char *key, gen_data *value);
gen_data *gen_data_setn(gen_arena *a, gen_data *map, const char *key, size_t key_len,
                        gen_data *value);
/* Like gen_data_set, but keeps a pointer to key instead of a copy: key must
 * be NUL-terminated and outlive the tree (a string literal, or a string in
 * the same arena).  For builders that set many maps with the same keys. */
gen_data *gen_data_set_static(gen_arena *a, gen_data *map, const char *key, gen_data *value);
/* The same with a counted key (key_len bytes, NUL-terminated at key_len). */
gen_data *gen_data_setn_static(gen_arena *a, gen_data *map, const char *key, size_t key_len,
                               gen_data *value);

/* Makes room for n entries in map, so that filling it does not regrow the
 * entry array (old arrays stay in the arena until it is disposed). */
void gen_data_reserve(gen_arena *a, gen_data *map, size_t n);

/* Convenience setters: gen_data_set with a new string/bool/number node. */
void gen_data_set_str(gen_arena *a, gen_data *map, const char *key, const char *value);
void gen_data_set_bool(gen_arena *a, gen_data *map, const char *key, bool value);
void gen_data_set_num(gen_arena *a, gen_data *map, const char *key, double value);

/* Looks a key up in a map; NULL if map is not a map or has no such key. */
gen_data *gen_data_get(const gen_data *map, const char *key, size_t key_len);

/* Mustache truthiness: null, false, empty list are false; "" is true
 * (spec: only null/false/empty list are falsey). */
bool gen_data_truthy(const gen_data *d);

/* The JSON escape of byte c ("\\n", "\\u0001", ...) written into buf, or
 * NULL when c stands for itself inside a JSON string.  The one escaping rule
 * of the generator: --dump-ir and the JSON key literals both use it. */
const char *gen_data_json_escape(unsigned char c, char buf[8]);

/* Writes d as JSON (UTF-8, keys in order).  indent < 0: compact; otherwise
 * pretty with that many spaces per level.  Numbers print as integers when
 * integral, else shortest round-trip.  Returns 0 or -1 on a write error. */
int gen_data_write_json(FILE *out, const gen_data *d, int indent);

#endif
