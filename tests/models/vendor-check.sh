#!/bin/sh
# vendor-check.sh GENERATED_DIR - the generated folder is self-contained: copied
# alone to a temporary directory outside the tree, its .c files build with
# `cc -std=c99 -c *.c` (no include path, no library but libc), and a small program
# written here decodes the seed CertificationTask, checks a few values, encodes it
# and must print it back byte for byte. Exits non-zero on any failure.
set -u
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 GENERATED_DIR" >&2
    exit 2
fi
gen=$(cd "$1" && pwd)
CC=${CC:-cc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/modelc-vendor-check.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
    echo "vendor-check: FAILED: $*" >&2
    exit 1
}
run() {
    echo "+ $*"
    "$@" || fail "$*"
}

mkdir "$tmp/models" || exit 2
run cp "$gen"/*.h "$gen"/*.c "$tmp/models/"

seed='{"id":"2c918086719eec070171a7e3355a360a","type":"ADMIN_REASSIGN","targetType":"CAMPAIGN","targetId":"2c918086719eec070171a7e3355a834c","status":"QUEUED","errors":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"Error Message"}],"reassignmentTrailDTOs":[{"previousOwner":"ef38f94347e94562b5bb8424a56397d8","newOwner":"ef38f94347e94562b5bb8424a56397a3","reassignmentType":"AUTOMATIC_REASSIGNMENT"}],"created":"2020-09-24T18:10:47.693Z"}'
printf '%s' "$seed" >"$tmp/seed.json"

cat >"$tmp/models/vendor_main.c" <<'CEOF'
/* Reads a CertificationTask from stdin, checks it, writes it back to stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "models.h"

int main(void)
{
    static char in[1 << 16];
    size_t n = fread(in, 1, sizeof in, stdin);
    certification_task t;
    mc_error err;
    char *out = NULL;
    size_t out_len = 0;
    int rc = certification_task_from_json(&t, in, n, NULL, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "decode: %s at %lu %s: %s\n", mc_status_text(rc), (unsigned long)err.offset, err.pointer,
                err.message);
        return 1;
    }
    if (t.type != CERTIFICATION_TASK_TYPE_ADMIN_REASSIGN || t.errors.count != 1 ||
        t.errors.items[0].locale_origin != LOCALE_ORIGIN_DEFAULT || t.reassignment_trail_dtos.count != 1 ||
        t.created.nanos != 693000000 || strcmp(t.id.data, "2c918086719eec070171a7e3355a360a") != 0) {
        fprintf(stderr, "decoded values are wrong\n");
        return 1;
    }
    rc = certification_task_to_json_string(&t, &out, &out_len, NULL);
    if (rc != MC_OK) {
        fprintf(stderr, "encode: %s\n", mc_status_text(rc));
        return 1;
    }
    fwrite(out, 1, out_len, stdout);
    free(out);
    certification_task_clear(&t, NULL);
    return 0;
}
CEOF

cd "$tmp/models" || exit 2
# No -I, no -D, no library: only what the folder and libc provide.
run $CC -std=c99 -c *.c
run $CC -o "$tmp/vendor_main" *.o
echo "+ $tmp/vendor_main < seed.json"
"$tmp/vendor_main" <"$tmp/seed.json" >"$tmp/out.json" || fail "the program failed"
if ! cmp -s "$tmp/seed.json" "$tmp/out.json"; then
    echo "expected: $seed" >&2
    echo "got:      $(cat "$tmp/out.json")" >&2
    fail "output differs from the seed example"
fi
echo "vendor-check: ok ($(ls "$tmp/models"/*.c | wc -l) source files, seed example round-trips)"
