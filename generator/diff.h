/*
 * diff.h - `modelc diff OLD NEW`: is a schema change safe for code built
 * from the old schema?
 *
 * Compares the IR of two schema sets (a folder of schema files, or single
 * files) type by type, the way `buf breaking` does for protobuf, and prints
 * one line per finding:
 *
 *   FILE:LINE:COL: breaking: MESSAGE
 *   FILE:LINE:COL: compatible: MESSAGE
 *
 * Positions point into NEW for what was added or changed and into OLD for
 * what was removed.  Breaking: a type or field removed (a rename is a
 * removal plus an addition), a type's kind or a field's type changed, a field
 * becoming required, a field or enum type becoming nullable (old code rejects
 * null), an enum member removed or moved (its number changes: an ABI
 * change), `null` removed from an enum, fields reordered (the struct layout
 * changes).  Compatible: added types, added optional fields, appended enum
 * members, a field becoming optional or non-nullable.
 *
 * Exit status: 0 when nothing is breaking, 1 when something is (or the
 * schemas have errors), 2 on a usage error.
 */
#ifndef MODELC_DIFF_H
#define MODELC_DIFF_H

#include <stdio.h>

#include "ir.h"

/* argv[0] is "diff". */
int gen_cmd_diff(int argc, char **argv);

/* Compares two IRs and prints the findings to out.  Returns the number of
 * breaking findings; *compatible (may be NULL) gets the other count. */
unsigned gen_diff_ir(const gen_ir *old_ir, const gen_ir *new_ir, FILE *out, unsigned *compatible);

#endif
