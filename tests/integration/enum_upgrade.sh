#!/bin/sh
# enum_upgrade.sh - adding enum values (issue 5, use 2).
#
# Writes two versions of CertificationTask's schema set (schema/ as it is,
# and a copy that appends a `type` value and a `status` value), generates
# them with --prefix v1 and --prefix v2 into separate folders, and builds
# tests/integration/enum_upgrade.c against both model sets in one program:
# new data read by old code keeps the unknown text and is written back byte
# for byte, old data is read by new code, and existing members keep their
# numbers.  Then `modelc diff` calls the change compatible (exit 0, two
# findings) and a reordered member breaking (exit 1, file:line:col).
# Needs MODELC (absolute path) and CC in the environment; runs from the repo root.
set -eu

. tests/integration/support/common.sh

mkdir "$T/old" "$T/new" "$T/reordered"
cp "$ROOT"/schema/*.yaml "$T/old/"
cp "$ROOT"/schema/*.yaml "$T/new/"
cp "$ROOT"/schema/*.yaml "$T/reordered/"

# new: append CAMPAIGN_ARCHIVE to `type` and CANCELLED to `status`.
awk '
    { print }
    /^      - CAMPAIGN_DELETE$/ { print "      - CAMPAIGN_ARCHIVE" }
    /^      - ERROR$/ { print "      - CANCELLED" }
' "$T/old/CertificationTask.yaml" >"$T/new/CertificationTask.yaml"
[ "$(diff "$T/old/CertificationTask.yaml" "$T/new/CertificationTask.yaml" | grep -c '^>')" = 2 ] ||
    fail "could not append the two enum values"

# reordered: QUEUED and IN_PROGRESS swap places.
sed 's/^      - QUEUED$/      - @1/; s/^      - IN_PROGRESS$/      - QUEUED/; s/^      - @1$/      - IN_PROGRESS/' \
    "$T/old/CertificationTask.yaml" >"$T/reordered/CertificationTask.yaml"
grep -n -A6 '^  status:' "$T/reordered/CertificationTask.yaml" | grep -q '^40-      - IN_PROGRESS$' ||
    fail "could not reorder the status members"

cd "$T"
echo "== generate v1 (schema/) and v2 (two values appended)"
"$MODELC" --prefix v1 -o v1 old/*.yaml || fail "modelc v1 failed"
"$MODELC" --prefix v2 -o v2 new/*.yaml || fail "modelc v2 failed"
"$MODELC" --list-outputs --prefix v1 -o v1 old/*.yaml | grep -qx 'v1/v1_models.h' ||
    fail "v1's umbrella header is not v1/v1_models.h"
"$MODELC" --list-outputs --prefix v2 -o v2 new/*.yaml | grep -qx 'v2/v2_models.h' ||
    fail "v2's umbrella header is not v2/v2_models.h"
grep -q 'V2_CERTIFICATION_TASK_TYPE_CAMPAIGN_ARCHIVE = 8' v2/certification_task.h ||
    fail "v2 does not append CAMPAIGN_ARCHIVE as 8"
ok "v1/ and v2/ generated, umbrella headers v1/v1_models.h and v2/v2_models.h"

echo "== one program with both model sets"
$CC -std=c11 -Wall -Wextra -Wpedantic -Werror -I"$T" -o upgrade \
    "$ROOT/tests/integration/enum_upgrade.c" v1/*.c v2/*.c -lm ||
    fail "enum_upgrade.c did not build against v1 and v2"
ok "enum_upgrade.c builds against v1/ and v2/ together (no clashing names)"
./upgrade || fail "enum_upgrade checks failed"

echo "== modelc diff"
set +e
"$MODELC" diff old new >diff.out 2>diff.err
rc=$?
set -e
cat diff.out
[ "$rc" = 0 ] || { cat diff.err; fail "modelc diff old new exited $rc, not 0"; }
[ "$(grep -c ': compatible: ' diff.out)" = 2 ] || fail "diff did not report exactly two compatible changes"
grep -q ': breaking: ' diff.out && fail "diff reported a breaking change for appended values"
grep -qx "new/CertificationTask.yaml:24:9: compatible: enum member 'CAMPAIGN_ARCHIVE' appended to CertificationTaskType" diff.out ||
    fail "diff: no finding for CAMPAIGN_ARCHIVE at new/CertificationTask.yaml:24:9"
grep -qx "new/CertificationTask.yaml:45:9: compatible: enum member 'CANCELLED' appended to CertificationTaskStatus" diff.out ||
    fail "diff: no finding for CANCELLED at new/CertificationTask.yaml:45:9"
grep -q '0 breaking, 2 compatible' diff.err || { cat diff.err; fail "diff summary is not '0 breaking, 2 compatible'"; }
ok "modelc diff old new: exit 0, two compatible findings with file:line:col"

set +e
"$MODELC" diff old reordered >diff.out 2>diff.err
rc=$?
set -e
cat diff.out
[ "$rc" = 1 ] || { cat diff.err; fail "modelc diff old reordered exited $rc, not 1"; }
grep -Eq '^reordered/CertificationTask\.yaml:[0-9]+:[0-9]+: breaking: ' diff.out ||
    fail "no 'file:line:col: breaking:' line for a reordered member"
grep -q "^reordered/CertificationTask.yaml:41:9: breaking: enum member 'QUEUED' of CertificationTaskStatus moved from 0 to 1" diff.out ||
    fail "diff does not say QUEUED moved from 0 to 1 at line 41"
ok "modelc diff old reordered: exit 1, 'file:line:col: breaking:' for the moved member"

echo "enum_upgrade.sh: all checks passed"
