/*
 * naming.h - every C spelling modelc generates, computed once, collision-checked.
 *
 * Rules (the manual for what a schema name becomes):
 *
 *  - Words: a name is split at every character that is not an ASCII letter
 *    or digit, between a lower-case letter or digit and an upper-case letter
 *    (`targetId` -> target|Id), and between an upper-case run and an
 *    upper-case letter followed by two lower-case ones (`HTTPServer` ->
 *    HTTP|Server, while `DTOs` stays one word), the Python SDK's rule.  A
 *    non-ASCII character is its own word `uXXXX` (code point in hex).
 *  - Types and fields are lower snake case: `ReassignmentTrailDTO` ->
 *    `reassignment_trail_dto`, `reassignmentTrailDTOs` ->
 *    `reassignment_trail_dtos`.  An empty result is `empty_`; a leading digit
 *    gets `x_` in front; a C/C++ keyword or a name the C library or compilers
 *    use as a macro (`errno`, `unix`, ...) gets `_` appended (`default_`).
 *    No name starts with `_` or holds `__` (reserved in C and C++).
 *  - Enum members are `<TYPE>_<MEMBER>` in upper snake case:
 *    `CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN`.  The empty string is `EMPTY`;
 *    a value with no letter or digit is spelled in hex (`-` -> `X2D`).  When
 *    two members of one enum map to one name, the later one (in declaration
 *    order) gets `_2` (then `_3`, ...); `<TYPE>_UNKNOWN` is reserved first.
 *  - `--prefix P` puts `P_` before every type and function name and `P_`
 *    upper-cased before macros and enum members; header guards start with
 *    the prefix upper-cased (`MC` when there is none).
 *  - Per type: `<t>_desc`, `_init`, `_clear`, `_copy`, `_equal`,
 *    `_from_json`, `_to_json`, `_to_json_string`; enums also `_to_string`,
 *    `_from_string`, `<T>_UNKNOWN`; files `<t>.h`/`<t>.c` (unprefixed; inline
 *    types live in their owner's files).  Per field: `has_<f>`, for enum
 *    fields `<f>_unknown`; `json_extra` is reserved in every struct.
 *  - Any other collision (two types, or two members of one struct, with one
 *    C spelling) is an error reported with both positions: rename in the
 *    schema.
 *
 * Ownership: all strings live in the arena passed in.
 */
#ifndef MODELC_NAMING_H
#define MODELC_NAMING_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "ir.h"

/* Fills every `names` member of ir (types, fields, enum members).  prefix
 * may be NULL or "" for none.  Reports collisions to diag; returns the number
 * of errors reported (0: every name is unique where it must be). */
unsigned gen_naming_assign(gen_arena *arena, gen_diag *diag, gen_ir *ir, const char *prefix);

/* Checks a --prefix value: a C identifier of letters, digits and single
 * underscores, not starting with a digit or '_' (nor ending in '_'). */
bool gen_naming_prefix_ok(const char *prefix);

/* Lower snake case of name (len bytes) with the rules above applied
 * (empty, digit, keyword).  "reassignmentTrailDTOs" -> "reassignment_trail_dtos". */
char *gen_naming_snake(gen_arena *arena, const char *name, size_t len);

/* Upper snake case of one enum member value, without the type part:
 * "ADMIN_REASSIGN" -> "ADMIN_REASSIGN", "in-progress" -> "IN_PROGRESS",
 * "" -> "EMPTY", "-" -> "X2D". */
char *gen_naming_member(gen_arena *arena, const char *value, size_t len);

/* ASCII upper case of s. */
char *gen_naming_upper(gen_arena *arena, const char *s);

/* True for C (C99..C23) and C++ keywords and library/compiler macro names. */
bool gen_naming_is_reserved(const char *s);

/* A C string literal (with quotes) holding exactly the len bytes of s:
 * escapes for `"`, `\`, control bytes, bytes >= 0x80 (octal) and `??`. */
char *gen_naming_c_literal(gen_arena *arena, const char *s, size_t len);

/* The JSON string (with quotes) for s: `"`, `\` and control characters
 * escaped, UTF-8 kept. */
char *gen_naming_json_string(gen_arena *arena, const char *s, size_t len, size_t *out_len);

#endif
