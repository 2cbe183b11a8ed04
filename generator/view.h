/*
 * view.h - the IR as the data tree templates see (and --dump-ir prints).
 *
 * Ownership: first version by the front end; the template engineer extends
 * it.  Every node lives in the arena passed in; the tree points into the IR.
 *
 * Shape (every key is always present; absent values are null, so a
 * template never meets a missing variable):
 *
 *   { "modelc_version", "prefix" ("P_" or ""), "prefix_upper",
 *     "prefix_option" (P as given, or null), "rt", "rt_upper" (the
 *     runtime's prefix: "mc_"/"MC_" or "P_"/"P_"),
 *     "mc": { runtime name -> its prefixed spelling, e.g. "string" ->
 *             "mc_string", "ENUM_VALUE" -> "MC_ENUM_VALUE" },
 *     "runtime_header", "runtime_source", "umbrella_header",
 *     "umbrella_source" (--single-file), "umbrella_guard",
 *     "inputs": [path...],
 *     "types": [TYPE...]              every type, dependency order
 *     "files": [{ "name", "header", "source", "guard",
 *                 "types": [TYPE...]  the top type last, its inline types first
 *                 "includes": [{"header"}...],
 *                 "inputs": [path]    the schema file that defines it }] }
 *
 * generate.c adds "file" (the output's name), "runtime_h" and "runtime_c"
 * (the runtime's text under the prefix) to each render; --dump-ir leaves
 * them out.
 *
 *   TYPE: "name", "kind" ("object"|"enum"|"array"|"scalar"), "is_object",
 *     "is_enum", "is_array", "is_scalar", "inline", "owner", every name of
 *     gen_ir_type_names ("c_name", "upper", "desc", "init", "clear", "copy",
 *     "equal", "from_json", "to_json", "to_json_string", "to_string",
 *     "from_string", "unknown", "guard", "header", "source", "name_literal"),
 *     "title", "description", "example", "default", "deprecated",
 *     "nullable", "recursive", "file", "line", "col",
 *     "fields": [FIELD...], "has_fields",
 *     "members": [{"wire", "c_name", "wire_literal", "value", "first",
 *                  "last", "plain" (MC_ENUM_VALUE_PLAIN), "matchable"
 *                  (MC_ENUM_MATCH_)}...], "has_null",
 *     "items": TREF plus "item_macro" (MC_ITEM_...), or null (arrays and
 *     scalars), "doc": {"lines": [...]} or null (title and description as
 *     comment-safe lines), "fields_table", "values_table", "fast_decoder",
 *     "release_fn", "release_items_fn" (X__release_items, external), "match_fn", "find_fn" (file-local names of the tables
 *     and of the generated fast decoder, release, enum matcher and key
 *     lookup), "has_find" (no field name needs a JSON escape: the key
 *     lookup is written), "field_count", "required_count"
 *   FIELD: TREF plus "json_name", "c_name", "has", "unknown",
 *     "name_literal" (the name), "text_literal" (the name as JSON string
 *     text, what the runtime's key macros take), "key_literal",
 *     "member_literal", "required",
 *     "nullable", "read_only", "write_only", "deprecated", "title",
 *     "description", "example", "default", "line", "col", "index",
 *     "first", "last", "owner" (the struct's C name), "doc_lines",
 *     "json_display", "example_text" (comment-safe), "flags"
 *     (MC_OPTIONAL...), "desc_ref" (nested descriptor or null),
 *     "enum_unknown" (the enum's UNKNOWN member or null), "format_note"
 *     (a string's format, when the codec does not already say it),
 *     "after" (index + 1, for the fast decoder), "fast_call" (the runtime
 *     primitive the fast decoder calls; for a string the cursor's string_,
 *     chosen per decode), "release_string", "release_enum",
 *     "release_nested", "release_list" (what the generated release frees;
 *     a list of objects through "release_list_fn", the item type's
 *     X__release_items)
 *   TREF: "codec" (one of gen_ir_codec_name), "is_string", "is_bool",
 *     "is_int32", "is_int64", "is_float", "is_double", "is_date_time",
 *     "is_date", "is_uuid", "is_enum", "is_object", "is_array",
 *     "c_type" (the C type of the member), "kind_macro" (MC_KIND_...),
 *     "field_macro" (MC_FIELD_...), "type" (the schema name or null),
 *     "type_c_name", "type_desc", "format", "recursive"
 */
#ifndef MODELC_VIEW_H
#define MODELC_VIEW_H

#include <stddef.h>

#include "arena.h"
#include "data.h"
#include "ir.h"

typedef struct gen_view_options {
    const char *prefix;            /* NULL or "" for none */
} gen_view_options;

/* Builds the view of ir (names must be assigned).  Never fails. */
gen_data *gen_view_build(gen_arena *arena, const gen_ir *ir, const gen_view_options *opt);

#endif
