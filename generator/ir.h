/*
 * ir.h - the model modelc generates code from: named types, fields, enums.
 *
 * The IR is what the schemas mean once every `$ref` is resolved:
 *
 *   gen_ir            every type, in dependency order (a type comes after
 *                     every type it uses, except through a recursive edge)
 *   gen_ir_type       one named C type, of one of four kinds:
 *     OBJECT          a struct: fields (JSON properties, in schema order)
 *     ENUM            a string enum: members (wire text, C name, number);
 *                     a `null` member is not a member but sets has_null
 *     ARRAY           an array alias: `items` (what each element holds)
 *     SCALAR          a named scalar (`Id: {type: string, format: uuid}`)
 *   gen_ir_tref       what a field or an array element holds: ONE codec tag
 *                     (string, bool, int32, int64, float, double, date-time,
 *                     date, uuid, enum, object, array) plus the named type for
 *                     enum/object/array (and for a referenced named scalar)
 *
 * Inline schemas become named types too, named from their parent:
 * `CertificationTask.type` (an inline enum) is `CertificationTaskType`, the
 * inline items of `tags` are `<Parent>TagsItem`, an inline array `tags` is
 * `<Parent>Tags`.  Such a type has `owner` set to the top-level type whose
 * files declare it.
 *
 * Recursion: a reference that closes a cycle (Node.children -> NodeList ->
 * Node) is marked `recursive` on the tref that closes it and on both types;
 * generated code must hold such a value through a pointer.
 *
 * Names: every C spelling is computed once by naming.c into the `names`
 * members (NULL before gen_naming_assign runs).  Templates print them.
 *
 * Growth: new schema features add members or kinds here; the kind + codec
 * tags keep the view and templates branching on one tag.
 *
 * Ownership: the whole IR (types, fields, strings) lives in one gen_arena
 * and points into the loaded node trees (same arena); nothing is freed on
 * its own.
 */
#ifndef MODELC_IR_H
#define MODELC_IR_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "load.h"

typedef enum gen_ir_kind {
    GEN_IR_OBJECT,
    GEN_IR_ENUM,
    GEN_IR_ARRAY,
    GEN_IR_SCALAR
} gen_ir_kind;

typedef enum gen_ir_codec {
    GEN_CODEC_STRING,
    GEN_CODEC_BOOL,
    GEN_CODEC_INT32,
    GEN_CODEC_INT64,
    GEN_CODEC_FLOAT,
    GEN_CODEC_DOUBLE,
    GEN_CODEC_DATETIME,
    GEN_CODEC_DATE,
    GEN_CODEC_UUID,
    GEN_CODEC_ENUM,
    GEN_CODEC_OBJECT,
    GEN_CODEC_ARRAY
} gen_ir_codec;

#define GEN_CODEC_COUNT 12

typedef struct gen_ir_type gen_ir_type;

typedef struct gen_ir_tref {
    gen_ir_codec codec;
    gen_ir_type *type;       /* ENUM/OBJECT/ARRAY: the type; scalars: a named SCALAR or NULL */
    const char *format;      /* the schema's `format` text, NULL when none */
    bool recursive;          /* this reference closes a cycle: hold it through a pointer */
} gen_ir_tref;

/* C spellings of one field (naming.c).  unknown is NULL unless the codec is
 * ENUM. */
typedef struct gen_ir_field_names {
    const char *c_name;         /* target_id */
    const char *has;            /* has_target_id */
    const char *unknown;        /* type_unknown (enum fields only) */
    const char *name_literal;   /* "targetId"         C literal of the JSON name */
    const char *text_literal;   /* "targetId"         C literal of the name as JSON string
                                 *                    text: escaped, without its quotes */
    const char *key_literal;    /* "\"targetId\""     C literal of the JSON key text */
    const char *member_literal; /* ",\"targetId\":"   C literal of the member prefix */
} gen_ir_field_names;

typedef struct gen_ir_field {
    const char *json_name;      /* UTF-8, NUL-terminated (len for embedded NULs) */
    size_t json_len;
    gen_ir_tref ref;
    bool required, nullable, read_only, write_only, deprecated;
    const char *title, *description; /* NULL when absent */
    const gen_node *example;    /* raw nodes, NULL when absent */
    const gen_node *default_value;
    gen_pos pos;                /* the property's key */
    gen_ir_field_names names;
} gen_ir_field;

typedef struct gen_ir_member {
    const char *wire;           /* the JSON string */
    size_t wire_len;
    const char *c_name;         /* CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN */
    const char *wire_literal;   /* C literal of the wire text: "ADMIN_REASSIGN" */
    int value;                  /* declaration order from 0 (null not counted) */
    gen_pos pos;
} gen_ir_member;

/* C spellings of one type (naming.c). */
typedef struct gen_ir_type_names {
    const char *c_name;         /* certification_task (with prefix: p_certification_task) */
    const char *upper;          /* CERTIFICATION_TASK (P_CERTIFICATION_TASK) */
    const char *desc;           /* certification_task_desc */
    const char *init, *clear, *copy, *equal;
    const char *from_json, *to_json, *to_json_string;
    const char *to_string, *from_string; /* enums only */
    const char *unknown;        /* CERTIFICATION_TASK_TYPE_UNKNOWN (enums only) */
    const char *guard;          /* MC_CERTIFICATION_TASK_H */
    const char *header, *source;/* certification_task.h / .c (of the owner for inline types) */
    const char *name_literal;   /* C literal of the schema name */
} gen_ir_type_names;

struct gen_ir_type {
    gen_ir_kind kind;
    const char *name;           /* schema name: CertificationTask, CertificationTaskType */
    gen_ir_type *owner;         /* inline types: the top-level type declaring it; else NULL */
    const char *title, *description;
    const gen_node *example, *default_value;
    bool deprecated;
    bool nullable;              /* null is a valid value of this type */
    bool recursive;             /* part of a reference cycle */
    gen_pos pos;                /* where the schema starts */
    const gen_load_file *file;

    gen_ir_field *fields;       /* OBJECT */
    size_t field_count;

    gen_ir_member *members;     /* ENUM, without the null member */
    size_t member_count;
    bool has_null;              /* ENUM: `null` is listed */

    gen_ir_tref items;          /* ARRAY: each element; SCALAR: the scalar */

    gen_ir_type_names names;
    size_t index;               /* position in gen_ir.types */
    int state;                  /* private to ir.c and naming.c */
};

typedef struct gen_ir {
    gen_ir_type **types;        /* every type, dependency order */
    size_t type_count;
    const char **inputs;        /* every file read, command-line ones first */
    size_t input_count;
} gen_ir;

/* "string", "bool", "int32", "int64", "float", "double", "date-time",
 * "date", "uuid", "enum", "object", "array". */
const char *gen_ir_codec_name(gen_ir_codec codec);

/* "object", "enum", "array", "scalar". */
const char *gen_ir_kind_name(gen_ir_kind kind);

/* Reads the schema files (standalone schema files or OpenAPI 3.0/3.1
 * documents, see resolve.h) and builds their IR.  Every error is reported to
 * diag; returns NULL when there was any (diag->errors > 0), so a caller
 * renders nothing.  Names are not assigned yet (gen_naming_assign). */
gen_ir *gen_ir_build(gen_arena *arena, gen_diag *diag, const char *const *paths, size_t n);

/* Finds a type by schema name; NULL when there is none. */
gen_ir_type *gen_ir_find(const gen_ir *ir, const char *name);

#endif
