#!/bin/sh
# certtask.sh - the example program build/certtask (examples/certtask.c) on the
# inputs in examples/data/: byte-for-byte round trips from a file and from
# stdin, the three input forms, --pretty, unknown enum values and members,
# --strict, exact error messages and exit statuses, and valgrind on one good
# and one bad input. Run from the repo root (make check-integration builds
# build/certtask first); CERTTASK overrides the program's path.
set -eu

CERTTASK=${CERTTASK:-${BUILD:-build}/certtask}
D=examples/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0
checks=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect NAME STATUS EXPECTED-STDOUT EXPECTED-STDERR -- ARGS... [< input via $input]
# Runs certtask with ARGS (stdin from the file in $input, /dev/null if empty) and
# compares exit status, stdout and stderr exactly.
input=
expect() {
    name=$1 status=$2 out=$3 err=$4
    shift 4
    checks=$((checks + 1))
    set +e
    "$CERTTASK" "$@" <"${input:-/dev/null}" >"$tmp/out" 2>"$tmp/err"
    got=$?
    set -e
    printf '%s' "$out" >"$tmp/want-out"
    printf '%s' "$err" >"$tmp/want-err"
    [ "$got" -eq "$status" ] || fail "$name: exit status $got, expected $status"
    if ! cmp -s "$tmp/out" "$tmp/want-out"; then
        fail "$name: stdout differs (expected, then actual):"
        diff "$tmp/want-out" "$tmp/out" >&2 || true
    fi
    if ! cmp -s "$tmp/err" "$tmp/want-err"; then
        fail "$name: stderr differs (expected, then actual):"
        diff "$tmp/want-err" "$tmp/err" >&2 || true
    fi
    input=
}

nl='
'

[ -x "$CERTTASK" ] || { echo "certtask.sh: $CERTTASK is not built" >&2; exit 1; }

# ---- the seed example round-trips byte for byte ---------------------------
seed=$(cat "$D/seed.json")
expect "seed from a file" 0 "$seed$nl" "" "$D/seed.json"
input=$D/seed.json
expect "seed from stdin" 0 "$seed$nl" ""
input=$D/seed.json
expect "seed from stdin as -" 0 "$seed$nl" "" -
expect "seed with --arena" 0 "$seed$nl" "" --arena "$D/seed.json"
expect "seed with --strict --keep-unknown" 0 "$seed$nl" "" --strict --keep-unknown "$D/seed.json"
# cmp as well: the byte-for-byte claim should not rest on the shell's $(...)
"$CERTTASK" "$D/seed.json" | cmp - "$D/seed.json" || fail "seed: output is not the input file"

# ---- array and NDJSON inputs give one compact line per document -----------
three='{"id":"2c918086719eec070171a7e3355a360a","type":"ADMIN_REASSIGN","status":"QUEUED"}
{"id":"2c918086719eec070171a7e3355a360b","type":"REASSIGN","status":"IN_PROGRESS","created":"2020-09-24T18:10:47+02:00"}
{"id":"2c918086719eec070171a7e3355a360c","status":"ERROR","errors":[{"locale":"de-DE","localeOrigin":"REQUEST","text":"Fehler"}]}
'
expect "array over several lines" 0 "$three" "" "$D/tasks.json"
expect "array with --arena" 0 "$three" "" --arena "$D/tasks.json"
expect "NDJSON with a blank line" 0 "$three" "" "$D/tasks.ndjson"
input=$D/tasks.ndjson
expect "NDJSON from stdin with --arena" 0 "$three" "" --arena
printf '[]\n' >"$tmp/empty-array.json"
expect "empty array: no documents" 0 "" "" "$tmp/empty-array.json"
# NDJSON with CRLF line ends; the output is the documents, compact
printf '%s\r\n%s\r\n' "$seed" "$seed" >"$tmp/crlf.ndjson"
expect "NDJSON with CRLF" 0 "$seed$nl$seed$nl" "" "$tmp/crlf.ndjson"
# one pretty-printed document spans lines and is still one document
"$CERTTASK" --pretty "$D/seed.json" >"$tmp/pretty.json" || fail "--pretty to a file"
expect "pretty input read back" 0 "$seed$nl" "" "$tmp/pretty.json"

# ---- --pretty --------------------------------------------------------------
expect "--pretty" 0 '{
  "id": "2c918086719eec070171a7e3355a360a",
  "type": "ADMIN_REASSIGN",
  "targetType": "CAMPAIGN",
  "targetId": "2c918086719eec070171a7e3355a834c",
  "status": "QUEUED",
  "errors": [
    {
      "locale": "en-US",
      "localeOrigin": "DEFAULT",
      "text": "Error Message"
    }
  ],
  "reassignmentTrailDTOs": [
    {
      "previousOwner": "ef38f94347e94562b5bb8424a56397d8",
      "newOwner": "ef38f94347e94562b5bb8424a56397a3",
      "reassignmentType": "AUTOMATIC_REASSIGNMENT"
    }
  ],
  "created": "2020-09-24T18:10:47.693Z"
}
' "" --pretty "$D/seed.json"

# ---- unknown enum values and unknown members -------------------------------
unknown=$(cat "$D/unknown.json")
expect "unknown enum kept, unknown members kept with --keep-unknown" 0 "$unknown$nl" "" \
    --keep-unknown "$D/unknown.json"
expect "unknown members dropped without --keep-unknown" 0 \
    '{"id":"2c918086719eec070171a7e3355a360a","type":"BULK_REASSIGN","status":"QUEUED"}
' "" "$D/unknown.json"
expect "unknown members kept with --keep-unknown --pretty --arena" 0 '{
  "id": "2c918086719eec070171a7e3355a360a",
  "type": "BULK_REASSIGN",
  "status": "QUEUED",
  "priority":3,"labels":["a","b"]
}
' "" --keep-unknown --pretty --arena "$D/unknown.json"
expect "--strict rejects the unknown enum value" 1 "" \
    "$D/unknown.json:1:49: /type: unknown CertificationTaskType value \"BULK_REASSIGN\"
" --strict "$D/unknown.json"
printf '{"created":"2020-09-24T18:10Z"}\n' >"$tmp/short-time.json"
expect "lenient date-time kept as written" 0 '{"created":"2020-09-24T18:10Z"}
' "" "$tmp/short-time.json"
expect "--strict rejects a date-time without seconds" 1 "" \
    "$tmp/short-time.json:1:12: /created: invalid date-time \"2020-09-24T18:10Z\"
" --strict "$tmp/short-time.json"

# ---- bad documents: FILE:LINE:COL: /pointer: message, exit 1 ---------------
# Documents before the bad one are written; positions are in the whole file.
expect "NDJSON broken on line 3" 1 \
    '{"id":"2c918086719eec070171a7e3355a360a","status":"QUEUED"}
{"id":"2c918086719eec070171a7e3355a360b","status":"SUCCESS"}
' "$D/broken.ndjson:3:94: /errors/0/text: expected string, got number
" "$D/broken.ndjson"
input=$D/broken.ndjson
expect "NDJSON broken on line 3, from stdin" 1 \
    '{"id":"2c918086719eec070171a7e3355a360a","status":"QUEUED"}
{"id":"2c918086719eec070171a7e3355a360b","status":"SUCCESS"}
' "<stdin>:3:94: /errors/0/text: expected string, got number
" --arena
printf '{"id":"a"}\n{"id":"b"}\n{"id":"c",}\n' >"$tmp/syntax.ndjson"
expect "NDJSON syntax error on line 3 (root pointer left out)" 1 '{"id":"a"}
{"id":"b"}
' "$tmp/syntax.ndjson:3:11: expected member name
" "$tmp/syntax.ndjson"
printf '[\n  {"id":"a"},\n  {"id":"b", "status": 7}\n]\n' >"$tmp/bad-element.json"
expect "array element: pointer starts with its index" 1 '{"id":"a"}
' "$tmp/bad-element.json:3:24: /1/status: expected string, got number
" "$tmp/bad-element.json"
printf '[{"id":"a"},]' >"$tmp/trailing-comma.json"
expect "array with a trailing comma" 1 '{"id":"a"}
' "$tmp/trailing-comma.json:1:13: unexpected character ']'
" "$tmp/trailing-comma.json"
printf '[{"id":"a"} {"id":"b"}]' >"$tmp/no-comma.json"
expect "array without a comma" 1 '{"id":"a"}
' "$tmp/no-comma.json:1:13: expected ',' or ']'
" "$tmp/no-comma.json"
printf '[{"id":"a"}' >"$tmp/open-array.json"
expect "unterminated array" 1 '{"id":"a"}
' "$tmp/open-array.json:1:12: unexpected end of input
" "$tmp/open-array.json"
printf '{"id":"a"} {"id":"b"}\n' >"$tmp/two-on-a-line.json"
expect "two documents on one line" 1 "" \
    "$tmp/two-on-a-line.json:1:12: unexpected data after the JSON value
" "$tmp/two-on-a-line.json"

# ---- I/O and usage errors ---------------------------------------------------
expect "missing file" 1 "" "certtask: $tmp/missing.json: No such file or directory
" "$tmp/missing.json"
expect "bad option" 2 "" "certtask: unknown option '--bogus'
Try 'certtask --help'.
" --bogus "$D/seed.json"
expect "two files" 2 "" "certtask: only one input file is allowed ('$D/seed.json')
Try 'certtask --help'.
" "$D/seed.json" "$D/seed.json"
checks=$((checks + 1))
"$CERTTASK" --help | grep -q '^usage: certtask ' || fail "--help: no usage line"
checks=$((checks + 1))
"$CERTTASK" --version | grep -q '^certtask (modelc runtime [0-9][0-9.]*)$' || fail "--version"

# ---- valgrind: one good and one bad input ----------------------------------
if command -v valgrind >/dev/null 2>&1; then
    vg="valgrind -q --error-exitcode=99 --leak-check=full"
    checks=$((checks + 1))
    set +e
    $vg "$CERTTASK" --keep-unknown --pretty --arena "$D/tasks.json" >/dev/null 2>"$tmp/vg"
    st=$?
    [ "$st" -eq 0 ] || { fail "valgrind, good input: exit $st"; cat "$tmp/vg" >&2; }
    checks=$((checks + 1))
    $vg "$CERTTASK" --keep-unknown "$D/broken.ndjson" >/dev/null 2>"$tmp/vg"
    st=$?
    set -e
    [ "$st" -eq 1 ] || { fail "valgrind, bad input: exit $st, expected 1"; cat "$tmp/vg" >&2; }
else
    echo "certtask.sh: valgrind not installed, valgrind checks skipped" >&2
fi

if [ "$failures" -ne 0 ]; then
    echo "certtask.sh: $failures failures in $checks checks" >&2
    exit 1
fi
echo "certtask.sh: $checks checks passed"
