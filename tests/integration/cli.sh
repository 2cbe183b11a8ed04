#!/bin/sh
# cli.sh - modelc as a build-time command, and what it does with bad input
# (issue 5).
#
# Proves: a second run leaves every output's mtime alone; --check reports
# stale, missing and extra files (exit 1) and a missing folder (exit 1,
# nothing created); --list-outputs prints the exact list and writes nothing;
# --depfile lists every schema read (including $ref'd ones) and --templates
# overrides; an unwritable folder, a manifest naming ../outside, two schemas
# with the same type name all fail with a clear message and leave the
# folder as it was; --version/--help exit 0, an unknown option exits 2, a
# missing schema exits 1; --templates overrides one template and leaves the
# rest built-in; --print-template prints the built-in.
# Needs MODELC (absolute path) in the environment; runs from the repo root.
set -eu

. tests/integration/support/common.sh

# state DIR: every file in DIR (hidden ones too) with size, mtime and checksum.
state() {
    (cd "$1" && find . -type f | LC_ALL=C sort | while read -r f; do
        printf '%s %s %s\n' "$f" "$(stat -c '%s %y' "$f")" "$(cksum <"$f")"
    done)
}
# run EXPECTED_STATUS CMD...: runs CMD with output in $T/out and $T/err.
run() {
    want=$1
    shift
    set +e
    "$@" >"$T/stdout" 2>"$T/stderr"
    got=$?
    set -e
    if [ "$got" != "$want" ]; then
        echo "command: $*" >&2
        cat "$T/stdout" "$T/stderr" >&2
        fail "exit status $got, expected $want"
    fi
}
out_has() { grep -q -- "$1" "$T/stdout" || { cat "$T/stdout" >&2; fail "stdout lacks '$1'"; }; }
err_has() { grep -q -- "$1" "$T/stderr" || { cat "$T/stderr" >&2; fail "stderr lacks '$1'"; }; }

cd "$T"
mkdir sch
cp "$ROOT"/schema/*.yaml sch/
SCH="sch/CertificationTask.yaml sch/ErrorMessageDto.yaml sch/ErrorMessageDtoList.yaml sch/LocaleOrigin.yaml sch/ReassignmentTrailDTO.yaml sch/ReassignmentTrailDTOList.yaml"
# shellcheck disable=SC2086
set -- $SCH

echo "== writing only what changed"
run 0 "$MODELC" -o out "$@"
state out >s1
sleep 1
run 0 "$MODELC" -o out "$@"
state out >s2
cmp -s s1 s2 || { diff s1 s2; fail "a second run changed files or mtimes"; }
ok "a second run leaves every output (and the manifest) byte- and mtime-identical"

echo "== --check"
run 0 "$MODELC" --check -o out "$@"
out_has "up to date (15 files)"
ok "--check on a fresh folder exits 0"

echo '/* edited */' >>out/certification_task.c
run 1 "$MODELC" --check -o out "$@"
out_has '^stale: out/certification_task.c$'
[ "$(grep -Ec "^(stale|missing|extra): " "$T/stdout")" = 1 ] || fail "--check reported more than the edited file"
run 0 "$MODELC" -o out "$@"
ok "--check after editing a generated file: exit 1, 'stale: out/certification_task.c'"

rm out/locale_origin.h
run 1 "$MODELC" --check -o out "$@"
out_has '^missing: out/locale_origin.h$'
[ ! -e out/locale_origin.h ] || fail "--check wrote the missing file"
run 0 "$MODELC" -o out "$@"
ok "--check after deleting one: exit 1, 'missing: out/locale_origin.h'"

# A file modelc wrote earlier (listed in the manifest) that it no longer produces.
printf 'old_type.h\n' >>out/.modelc-manifest
echo '/* old */' >out/old_type.h
run 1 "$MODELC" --check -o out "$@"
out_has '^extra: out/old_type.h$'
[ "$(grep -Ec "^(stale|missing|extra): " "$T/stdout")" = 1 ] || fail "--check reported more than the extra file"
[ -f out/old_type.h ] || fail "--check removed the extra file"
run 0 "$MODELC" -o out "$@"
[ ! -e out/old_type.h ] || fail "a run did not remove the manifest-listed file it no longer produces"
grep -q old_type out/.modelc-manifest && fail "the manifest still lists old_type.h"
ok "--check with a manifest-listed file no longer produced: exit 1, 'extra:'; a run removes it"

# The real way to get extras: a type disappears from the schema set.
run 1 "$MODELC" --check -o out sch/ReassignmentTrailDTO.yaml
out_has '^extra: out/certification_task.h$'
out_has '^extra: out/locale_origin.c$'
ok "--check with fewer schemas: exit 1, 'extra:' for the types no longer generated"

run 1 "$MODELC" --check -o nothere "$@"
err_has "nothere"
err_has "does not exist"
[ ! -e nothere ] || fail "--check created the missing folder"
ok "--check on a folder that does not exist: exit 1, clear error, nothing created"

echo "== --list-outputs"
run 0 "$MODELC" --list-outputs -o listed "$@"
cat >expect <<'EOF'
listed/locale_origin.h
listed/locale_origin.c
listed/error_message_dto.h
listed/error_message_dto.c
listed/error_message_dto_list.h
listed/error_message_dto_list.c
listed/reassignment_trail_dto.h
listed/reassignment_trail_dto.c
listed/reassignment_trail_dto_list.h
listed/reassignment_trail_dto_list.c
listed/certification_task.h
listed/certification_task.c
listed/models.h
listed/mc_runtime.h
listed/mc_runtime.c
EOF
cmp -s expect "$T/stdout" || { diff expect "$T/stdout"; fail "--list-outputs printed the wrong list"; }
[ ! -e listed ] || fail "--list-outputs created the folder"
state out >s1
run 0 "$MODELC" --list-outputs -o out "$@"
state out >s2
cmp -s s1 s2 || fail "--list-outputs changed the folder"
(cd out && ls) | LC_ALL=C sort >have
sed 's|^out/||' "$T/stdout" | LC_ALL=C sort >want
cmp -s have want || { diff want have; fail "--list-outputs does not match what a run writes"; }
ok "--list-outputs prints the exact 15 files in order, writes nothing, matches a real run"

echo "== --depfile"
run 0 "$MODELC" -o out --depfile d.mk sch/CertificationTask.yaml
for s in "$@"; do
    grep -q "^ $s\( \\\\\)\?$" d.mk || { cat d.mk; fail "depfile does not list $s (reached by \$ref)"; }
    grep -q "^$s:$" d.mk || { cat d.mk; fail "depfile has no empty rule for $s"; }
done
grep -q '^ out/certification_task.h \\$' d.mk || { cat d.mk; fail "depfile targets are not the outputs"; }
grep -q mustache d.mk && { cat d.mk; fail "depfile lists a built-in template"; }
run 0 "$MODELC" -o out --depfile d2.mk --depfile-target out/.stamp "$@"
[ "$(head -1 d2.mk)" = "out/.stamp: \\" ] || { cat d2.mk; fail "--depfile-target is not the rule's target"; }
ok "--depfile lists every schema including \$ref'd ones (with -MP style empty rules); --depfile-target"

echo "== --templates"
mkdir tpl
"$MODELC" --print-template banner >tpl/banner.mustache
sed 's|^ \* Do not edit: |&(ACME vendored) |' tpl/banner.mustache >tpl/b && mv tpl/b tpl/banner.mustache
grep -q 'ACME vendored' tpl/banner.mustache || fail "could not edit the banner template"
run 0 "$MODELC" -o custom --templates tpl --depfile dt.mk "$@"
grep -q "^ tpl/banner.mustache" dt.mk || { cat dt.mk; fail "depfile does not list the overriding template"; }
for f in out/*.c out/*.h; do
    g=custom/${f#out/}
    grep -q '^ \* Do not edit: (ACME vendored) change the schema' "$g" || fail "$g does not use the overriding banner"
    sed 's|(ACME vendored) ||' "$g" | cmp -s - "$f" || fail "$g differs from the built-in output beyond the banner"
done
ok "--templates DIR with banner.mustache: every file carries the new banner, the rest is built-in; depfile lists it"

mkdir tpl2
printf '    /* JSON member "{{{json_display}}}" */\n' >tpl2/field_doc.mustache
run 0 "$MODELC" -o custom2 --templates tpl2 "$@"
grep -q '^    /\* JSON member "targetId" \*/$' custom2/certification_task.h ||
    fail "the field_doc override is not used"
grep -q 'JSON: "targetId"' custom2/certification_task.h && fail "the built-in field_doc is still used"
for f in out/*.c; do
    cmp -s "$f" "custom2/${f#out/}" || fail "custom2/${f#out/} changed though field_doc only shows in headers"
done
cmp -s out/mc_runtime.h custom2/mc_runtime.h || fail "the runtime header changed with a field_doc override"
ok "--templates DIR with field_doc.mustache: struct field comments change, everything else is built-in"

run 0 "$MODELC" --print-template type.h
head -1 "$T/stdout" | grep -q '^{{>banner}}$' || fail "--print-template type.h does not print the built-in"
out_has '#ifdef __cplusplus'
run 0 "$MODELC" --print-template banner --templates tpl
out_has 'ACME vendored'
run 0 "$MODELC" --list-templates
out_has '^type\.h$'
out_has '^banner$'
ok "--print-template type.h prints the built-in; with --templates the override; --list-templates"

echo "== bad output folders"
: >file
run 1 "$MODELC" -o file/sub "$@"
err_has '^modelc: error: file/sub'
[ -f file ] && [ ! -s file ] || fail "the regular file was changed"
ok "an unwritable output folder (file/sub): exit 1, 'modelc: error: file/sub...'"

cp -R out o2
printf '../outside\n' >>o2/.modelc-manifest
echo keep >outside
echo '/* edited */' >>o2/models.h
state o2 >s1
run 1 "$MODELC" -o o2 "$@"
err_has "\.\./outside"
state o2 >s2
cmp -s s1 s2 || { diff s1 s2; fail "a refused manifest still changed the folder"; }
[ "$(cat outside)" = keep ] || fail "../outside was touched"
ok "a manifest listing ../outside is refused (exit 1) and nothing in the folder changes"

echo "== two schemas for one type name"
mkdir a b
cp "$ROOT"/examples/consumer/schema/Pet.yaml "$ROOT"/examples/consumer/schema/PetKind.yaml a/
sed 's|\./PetKind\.yaml|../a/PetKind.yaml|' a/Pet.yaml >b/Pet.yaml
run 0 "$MODELC" -o pets a/Pet.yaml
state pets >s1
run 1 "$MODELC" -o pets a/Pet.yaml b/Pet.yaml
err_has "error:"
err_has "Pet"
grep -Eq '^[ab]/Pet\.yaml:[0-9]+:[0-9]+: error: ' "$T/stderr" || { cat "$T/stderr"; fail "no file:line:col: error: for the collision"; }
state pets >s2
cmp -s s1 s2 || { diff s1 s2; fail "a collision changed the folder"; }
ok "a/Pet.yaml and b/Pet.yaml: exit 1, '$(grep ': error: ' "$T/stderr" | head -1)', folder unchanged"

cat >doc.yaml <<'EOF'
openapi: 3.0.3
info: {title: collide, version: '1'}
paths: {}
components:
  schemas:
    PetKind:
      type: string
    Pet_Kind:
      type: integer
EOF
run 1 "$MODELC" -o pets doc.yaml
grep -Eq '^doc\.yaml:[0-9]+:[0-9]+: error: .*pet_kind' "$T/stderr" || { cat "$T/stderr"; fail "no clear error for two types named pet_kind in C"; }
state pets >s2
cmp -s s1 s2 || fail "a C-name collision changed the folder"
ok "PetKind and Pet_Kind (same C file name): exit 1, file:line:col error, folder unchanged"

echo "== options and missing input"
run 0 "$MODELC" --version
[ "$(cat "$T/stdout")" = "modelc $(cat "$ROOT/VERSION")" ] || fail "--version printed '$(cat "$T/stdout")'"
run 0 "$MODELC" --help
out_has '^Usage: modelc'
run 2 "$MODELC" --no-such-option
err_has 'no-such-option'
run 2 "$MODELC"
ok "--version and --help exit 0; an unknown option and no schema exit 2"

run 1 "$MODELC" -o never missing.yaml
grep -Eq '^(missing\.yaml(:[0-9]+:[0-9]+)?|modelc): error: .*missing\.yaml' "$T/stderr" ||
    { cat "$T/stderr"; fail "no 'error:' message naming missing.yaml"; }
[ ! -e never ] || fail "a missing schema created the output folder"
ok "a missing schema: exit 1, '$(head -1 "$T/stderr")', nothing created"

run 0 "$MODELC" --time-report -o timed "$@"
for stage in schemas view render write; do
    grep -Eq "^modelc: $stage +[0-9]+\.[0-9]{3} s" "$T/stderr" || { cat "$T/stderr"; fail "--time-report lacks '$stage'"; }
done
err_has '(15 files, '
ok "--time-report prints the schemas, view, render and write stages"

echo "cli.sh: all checks passed"
