#!/bin/sh
# member_names.sh - member names that need JSON escapes (a quote, a
# backslash, a tab) or are not ASCII: decoded in schema order (the generated
# fast path) and out of order (the table loop), keys spelled with escapes,
# error pointers, and encoded back as valid JSON (tests/integration/member_names.c).
# Needs MODELC (absolute path) and CC in the environment; runs from the repo root.
set -eu

. tests/integration/support/common.sh

cat >"$T/Odd.yaml" <<'YAML'
# Odd - member names a C string literal and a JSON key spell differently.
type: object
properties:
  plain:
    type: string
  'a"b':
    type: string
  'back\slash':
    type: string
  "tab\there":
    type: string
  "caf\u00e9":
    type: string
YAML
cd "$T"
"$MODELC" -o out Odd.yaml || { echo "FAIL: modelc"; exit 1; }
$CC -std=c11 -Wall -Wextra -Wpedantic -Werror -g -I"$T" -o member_names \
    "$ROOT/tests/integration/member_names.c" out/*.c -lm || { echo "FAIL: member_names.c did not build"; exit 1; }
./member_names || { echo "FAIL: member_names checks failed"; exit 1; }
echo "member_names: all checks passed"
