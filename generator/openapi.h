/*
 * openapi.h - node trees to OpenAPI schema objects (nothing resolved yet).
 *
 * gen_openapi_parse() reads one Schema Object (OpenAPI 3.0 or 3.1) from a
 * mapping node: it checks each keyword's node kind, notes which data shape
 * the schema describes, and reports every construct modelc does not support
 * yet (allOf, oneOf, anyOf, not, additionalProperties other than false,
 * patternProperties, ...) with its position, so nothing is dropped silently.
 * Keywords that do not change the data shape (x-*, externalDocs, minLength,
 * pattern, ...) are accepted and ignored; an unknown keyword is a warning.
 * `$ref` is kept as text for resolve.c; properties and items are parsed
 * recursively (bounded by the loader's depth limit).
 *
 * Ownership: schemas live in the arena given in the gen_openapi context and
 * point into the node tree (which must outlive them).
 */
#ifndef MODELC_OPENAPI_H
#define MODELC_OPENAPI_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "load.h"

/* The JSON types a schema allows (`type`), as bits. */
enum {
    GEN_OA_STRING = 1 << 0,
    GEN_OA_INTEGER = 1 << 1,
    GEN_OA_NUMBER = 1 << 2,
    GEN_OA_BOOLEAN = 1 << 3,
    GEN_OA_ARRAY = 1 << 4,
    GEN_OA_OBJECT = 1 << 5,
    GEN_OA_NULL = 1 << 6
};

typedef struct gen_schema gen_schema;

typedef struct gen_schema_prop {
    const gen_node *name;        /* the key node (a string) */
    gen_schema *schema;          /* NULL when the value was not a schema */
    bool required;
} gen_schema_prop;

struct gen_schema {
    const gen_node *node;        /* the schema's mapping */
    const gen_node *ref;         /* `$ref` value (a string node), or NULL */
    unsigned types;              /* GEN_OA_* bits from `type` (plus NULL from nullable) */
    const gen_node *type_node;   /* `type`, NULL when absent (types then inferred) */
    const char *format;          /* `format` text or NULL */
    const gen_node *format_node;
    const char *title, *description;
    const gen_node *example, *default_value;
    bool nullable;               /* `nullable: true` or `type: [X, 'null']` */
    bool read_only, write_only, deprecated;
    const gen_node *enum_node;   /* `enum` (a sequence), or NULL */
    gen_schema_prop *props;      /* `properties`, in order */
    size_t prop_count;
    bool has_properties;         /* `properties` present (maybe empty) */
    gen_schema *items;           /* `items`, or NULL */
    bool invalid;                /* an error was reported in this schema itself */
};

typedef struct gen_openapi {
    gen_arena *arena;
    gen_diag *diag;
} gen_openapi;

/* Parses the schema at node.  Reports errors (and sets ->invalid) but always
 * returns a schema for a mapping; returns NULL after an error when node is
 * not a mapping.  what names the place for messages ("property 'x'"). */
gen_schema *gen_openapi_parse(gen_openapi *oa, const gen_node *node, const char *what);

/* True when root is a whole OpenAPI document (has `openapi` or `swagger`). */
bool gen_openapi_is_document(const gen_node *root);

/* Checks an OpenAPI document's version and returns its components/schemas
 * mapping (NULL after reporting an error, or when it has none). */
const gen_node *gen_openapi_document_schemas(gen_openapi *oa, const gen_node *root);

#endif
