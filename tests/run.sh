#!/bin/sh
# run.sh WRAPPER TEST... - runs each CMocka test program (behind WRAPPER,
# e.g. valgrind, when it is not empty), keeps its output, and ends with one
# line that counts the programs: "tests: N passed, N failed".
passed=0
failed=0
failed_names=
wrap=$1
shift
for t in "$@"; do
    echo "== $t"
    if $wrap "$t" 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failed_names="$failed_names $t"
    fi
done
[ -z "$failed_names" ] || echo "failed programs:$failed_names"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
