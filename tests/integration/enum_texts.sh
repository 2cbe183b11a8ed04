#!/bin/sh
# enum_texts.sh - enum values with every kind of wire text, through the
# generated fast path and the table loop (tests/integration/enum_texts.c),
# built with the sanitizers when the compiler has them.
# Needs MODELC (absolute path) and CC in the environment; runs from the repo root.
set -eu

. tests/integration/support/common.sh

cat >"$T/Box.yaml" <<'YAML'
# Box - one enum whose values are prefixes of each other, empty, or hold
# bytes the generated matcher leaves to the general path.
type: object
properties:
  kind:
    type: string
    enum:
      - AB
      - ABC
      - ''
      - 'a"b'
      - 'back\slash'
      - "tab\there"
      - "caf\u00e9"
      - "del\x7F"
      - ABCDEFGHIJKLMNOPQRSTUVWXYZ
  note:
    type: string
YAML
cd "$T"
"$MODELC" -o out Box.yaml || { echo "FAIL: modelc"; exit 1; }
SAN=
if $CC -fsanitize=address,undefined -fno-sanitize-recover=all -x c -o san-probe - >/dev/null 2>&1 <<'C'
int main(void) { return 0; }
C
then
    ./san-probe >/dev/null 2>&1 && SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
fi
# shellcheck disable=SC2086
$CC -std=c11 -Wall -Wextra -Wpedantic -Werror -g $SAN -I"$T" -o enum_texts \
    "$ROOT/tests/integration/enum_texts.c" out/*.c -lm || { echo "FAIL: enum_texts.c did not build"; exit 1; }
./enum_texts || { echo "FAIL: enum_texts checks failed"; exit 1; }
echo "enum_texts: all checks passed${SAN:+ (with $SAN)}"
