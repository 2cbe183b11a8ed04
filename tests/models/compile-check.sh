#!/bin/sh
# compile-check.sh GENERATED_DIR - the generated models compile cleanly everywhere
# we promise: every header alone and every .c file, with gcc and clang, as C99 and
# C11, with -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror; every header
# alone and tests/models/support/cxx_headers.cpp (all headers, used from C++) with
# g++ and clang++ -std=c++11 -Wall -Wextra -Werror -fsyntax-only.
# Prints each command it runs; exits non-zero if any of them fails (all run).
set -u
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 GENERATED_DIR" >&2
    exit 2
fi
gen=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/modelc-compile-check.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

ran=0
failed=0
run() {
    echo "+ $*"
    ran=$((ran + 1))
    if ! "$@"; then
        failed=$((failed + 1))
        echo "FAILED: $*"
    fi
}

headers=$(cd "$gen" && ls *.h 2>/dev/null)
sources=$(cd "$gen" && ls *.c 2>/dev/null)
if [ -z "$headers" ] || [ -z "$sources" ]; then
    echo "$0: no .h or .c files in $gen" >&2
    exit 1
fi

# One translation unit per header that includes only that header: each header
# must be self-contained.
for h in $headers; do
    printf '#include "%s"\n' "$h" >"$tmp/alone_${h%.h}.c"
    printf '#include "%s"\n' "$h" >"$tmp/alone_${h%.h}.cpp"
done

WARN="-Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror"
for cc in gcc clang; do
    if ! command -v "$cc" >/dev/null 2>&1; then
        echo "FAILED: $cc not found"
        failed=$((failed + 1))
        continue
    fi
    for std in c99 c11; do
        for h in $headers; do
            run "$cc" -std=$std $WARN -I"$gen" -fsyntax-only "$tmp/alone_${h%.h}.c"
        done
        for c in $sources; do
            run "$cc" -std=$std $WARN -I"$gen" -c -o "$tmp/${c%.c}.$cc.$std.o" "$gen/$c"
        done
    done
done

for cxx in g++ clang++; do
    if ! command -v "$cxx" >/dev/null 2>&1; then
        echo "FAILED: $cxx not found"
        failed=$((failed + 1))
        continue
    fi
    for h in $headers; do
        run "$cxx" -std=c++11 -Wall -Wextra -Werror -I"$gen" -fsyntax-only "$tmp/alone_${h%.h}.cpp"
    done
    run "$cxx" -std=c++11 -Wall -Wextra -Werror -I"$gen" -fsyntax-only "$here/support/cxx_headers.cpp"
done

echo "compile-check: $ran commands, $failed failed"
[ "$failed" -eq 0 ]
