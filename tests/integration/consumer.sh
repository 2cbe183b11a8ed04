#!/bin/sh
# consumer.sh - regenerating models at build time (issue 5, use 1).
#
# Builds examples/consumer (a separate project) in a temporary folder, first
# with make and mk/modelc.mk, then with CMake and mk/modelc.cmake, then
# against a `make install DESTDIR=...` copy of modelc, and proves:
#   - the program builds and runs: a Pet round-trips, an unknown kind is kept;
#   - a second build runs no command;
#   - touching a schema reruns modelc but recompiles nothing (unchanged
#     outputs keep their timestamps), also for a file reached only by $ref;
#   - a new enum value recompiles what uses it and decodes as a member;
#   - a foreign file in the output folder survives; a type that is no longer
#     generated has its files removed (manifest).
# Needs MODELC (absolute path) and CC in the environment; runs from the repo root.
set -eu

. tests/integration/support/common.sh
export CC

# File timestamps move in kernel ticks; wait so a touch is strictly newer.
tick() { sleep 1; }
# The generated files with their full (nanosecond) modification times.
snapshot() { (cd "$1" && for f in *.h *.c; do stat -c '%n %y' "$f"; done); }
has() { grep -q -- "$2" "$1"; }
lacks() { ! grep -q -- "$2" "$1"; }

copy_consumer() {
    mkdir -p "$1"
    cp -R "$ROOT/examples/consumer/Makefile" "$ROOT/examples/consumer/CMakeLists.txt" \
        "$ROOT/examples/consumer/main.c" "$ROOT/examples/consumer/schema" "$1/"
}

PET='{"name":"Rex","kind":"dog","tags":["good","old"],"born":"2020-09-24T18:10:47.693Z"}'
ODD='{"name":"Tom","kind":"hamster"}'

# ---- make ----------------------------------------------------------------
echo "== make: examples/consumer with mk/modelc.mk"
P=$T/make
copy_consumer "$P"
cd "$P"
MK="make --no-print-directory MODELC=$MODELC MODELC_MK=$ROOT/mk/modelc.mk"

$MK >"$T/log" 2>&1 || { cat "$T/log"; fail "first make failed"; }
[ -x pet ] || { cat "$T/log"; fail "first make did not build pet (default goal)"; }
has "$T/log" "$MODELC -o models" || fail "first make did not run modelc"
ok "make builds pet from schema/Pet.yaml"

./pet "$PET" >"$T/out" || fail "pet failed on $PET"
[ "$(sed -n 1p "$T/out")" = "name=Rex kind=dog tags=2" ] || { cat "$T/out"; fail "pet printed the wrong summary"; }
[ "$(sed -n 2p "$T/out")" = "$PET" ] || { cat "$T/out"; fail "pet did not write the Pet back byte for byte"; }
ok "pet decodes and encodes a Pet byte for byte"

./pet "$ODD" >"$T/out" || fail "pet failed on an unknown kind"
[ "$(sed -n 1p "$T/out")" = "name=Tom kind=hamster (unknown) tags=0" ] || { cat "$T/out"; fail "unknown kind not kept"; }
[ "$(sed -n 2p "$T/out")" = "$ODD" ] || { cat "$T/out"; fail "unknown kind not written back"; }
ok "an unknown kind is kept and written back"

$MK >"$T/log" 2>&1 || { cat "$T/log"; fail "second make failed"; }
if has "$T/log" "$MODELC" || has "$T/log" "$CC "; then cat "$T/log"; fail "second make ran commands"; fi
has "$T/log" "'pet' is up to date" || { cat "$T/log"; fail "second make did not say pet is up to date"; }
ok "a second make runs no command"

echo "keep me" >models/keep.txt
snapshot models >"$T/before"
tick
touch schema/Pet.yaml
$MK >"$T/log" 2>&1 || { cat "$T/log"; fail "make after touch Pet.yaml failed"; }
has "$T/log" "$MODELC -o models" || { cat "$T/log"; fail "touch Pet.yaml did not rerun modelc"; }
if has "$T/log" "$CC "; then cat "$T/log"; fail "touch Pet.yaml recompiled something"; fi
snapshot models >"$T/after"
cmp -s "$T/before" "$T/after" || { diff "$T/before" "$T/after"; fail "touch Pet.yaml changed output mtimes"; }
ok "touch schema/Pet.yaml: modelc reruns, outputs keep their mtimes, nothing recompiles"

has models/.modelc.d "schema/PetKind.yaml" || { cat models/.modelc.d; fail "depfile does not list PetKind.yaml"; }
tick
touch schema/PetKind.yaml
$MK >"$T/log" 2>&1 || { cat "$T/log"; fail "make after touch PetKind.yaml failed"; }
has "$T/log" "$MODELC -o models" || { cat "$T/log"; fail "touch PetKind.yaml (reached by \$ref) did not rerun modelc"; }
if has "$T/log" "$CC "; then cat "$T/log"; fail "touch PetKind.yaml recompiled something"; fi
snapshot models >"$T/after"
cmp -s "$T/before" "$T/after" || { diff "$T/before" "$T/after"; fail "touch PetKind.yaml changed output mtimes"; }
ok "touch schema/PetKind.yaml (only reached by \$ref): modelc reruns, nothing recompiles"

tick
printf '  - hamster\n' >>schema/PetKind.yaml
$MK >"$T/log" 2>&1 || { cat "$T/log"; fail "make after a new enum value failed"; }
has "$T/log" "$MODELC -o models" || { cat "$T/log"; fail "new enum value did not rerun modelc"; }
for o in main.o models/pet_kind.o; do
    has "$T/log" "-o $o " || { cat "$T/log"; fail "new enum value did not rebuild $o"; }
done
lacks "$T/log" "-o models/mc_runtime.o " || { cat "$T/log"; fail "new enum value rebuilt the unchanged runtime"; }
has "$T/log" "-o pet " || { cat "$T/log"; fail "new enum value did not relink pet"; }
grep -q 'PET_KIND_HAMSTER' models/pet_kind.h || fail "pet_kind.h has no PET_KIND_HAMSTER"
./pet "$ODD" >"$T/out" || fail "pet failed on the new kind"
[ "$(sed -n 1p "$T/out")" = "name=Tom kind=hamster tags=0" ] || { cat "$T/out"; fail "the new kind does not decode as a member"; }
[ "$(sed -n 2p "$T/out")" = "$ODD" ] || { cat "$T/out"; fail "the new kind is not written back"; }
ok "a new enum value: pet_kind.o, main.o rebuilt (runtime not), and it decodes as a member"

$MK >"$T/log" 2>&1 || { cat "$T/log"; fail "make after the enum change failed"; }
if has "$T/log" "$MODELC" || has "$T/log" "$CC "; then cat "$T/log"; fail "make after the enum change is not idempotent"; fi
ok "and the next make runs no command"

# Pet stops referencing PetKind: pet_kind.{h,c} are no longer produced.
tick
sed 's|^    \$ref: .\./PetKind\.yaml.$|    type: string|' schema/Pet.yaml >"$T/Pet.yaml"
grep -q PetKind "$T/Pet.yaml" && fail "could not edit the \$ref out of Pet.yaml"
cp "$T/Pet.yaml" schema/Pet.yaml
# main.c uses PetKind, so only the models are regenerated here (the stamp).
$MK models/.modelc-stamp >"$T/log" 2>&1 || { cat "$T/log"; fail "regenerating without PetKind failed"; }
[ ! -e models/pet_kind.h ] && [ ! -e models/pet_kind.c ] || { ls -la models; fail "pet_kind.{h,c} were not removed"; }
[ -f models/pet.h ] && [ -f models/pet.c ] && [ -f models/mc_runtime.c ] || { ls -la models; fail "a generated file went missing"; }
grep -q pet_kind models/.modelc-manifest && fail "the manifest still lists pet_kind"
[ "$(cat models/keep.txt)" = "keep me" ] || fail "models/keep.txt did not survive"
has models/.modelc.d "PetKind" && { cat models/.modelc.d; fail "depfile still lists PetKind.yaml"; }
ok "a type no longer generated has its files removed; models/keep.txt survives"

# ---- CMake ---------------------------------------------------------------
echo "== cmake: examples/consumer with mk/modelc.cmake"
P=$T/cmake
copy_consumer "$P"
cd "$P"
cmake -S . -B build -DMODELC_EXECUTABLE="$MODELC" -DMODELC_CMAKE="$ROOT/mk/modelc.cmake" \
    -DCMAKE_C_COMPILER="$CC" >"$T/log" 2>&1 || { cat "$T/log"; fail "cmake configure failed"; }
cmake --build build >"$T/log" 2>&1 || { cat "$T/log"; fail "cmake --build failed"; }
has "$T/log" "modelc: generating pet_models" || { cat "$T/log"; fail "cmake did not run modelc"; }
./build/pet "$PET" >"$T/out" || fail "cmake-built pet failed"
[ "$(sed -n 2p "$T/out")" = "$PET" ] || { cat "$T/out"; fail "cmake-built pet did not round-trip"; }
ok "cmake builds and runs pet"

cmake --build build >"$T/log" 2>&1 || { cat "$T/log"; fail "second cmake --build failed"; }
if has "$T/log" "modelc: generating" || has "$T/log" "Building C object" || has "$T/log" "Linking"; then
    cat "$T/log"; fail "a second cmake --build did work"
fi
ok "a second cmake --build does nothing"

for s in Pet PetKind; do
    snapshot build/pet_models >"$T/before"
    tick
    touch "schema/$s.yaml"
    cmake --build build >"$T/log" 2>&1 || { cat "$T/log"; fail "cmake --build after touch $s.yaml failed"; }
    has "$T/log" "modelc: generating pet_models" || { cat "$T/log"; fail "touch $s.yaml did not rerun modelc under cmake"; }
    if has "$T/log" "Building C object" || has "$T/log" "Linking"; then
        cat "$T/log"; fail "touch $s.yaml recompiled under cmake"
    fi
    snapshot build/pet_models >"$T/after"
    cmp -s "$T/before" "$T/after" || { diff "$T/before" "$T/after"; fail "touch $s.yaml changed output mtimes"; }
    ok "cmake: touch schema/$s.yaml reruns modelc and recompiles nothing"
done

tick
printf '  - hamster\n' >>schema/PetKind.yaml
cmake --build build >"$T/log" 2>&1 || { cat "$T/log"; fail "cmake --build after a new enum value failed"; }
has "$T/log" "pet_kind.c.o" || { cat "$T/log"; fail "cmake: new enum value did not rebuild pet_kind.c.o"; }
has "$T/log" "main.c.o" || { cat "$T/log"; fail "cmake: new enum value did not rebuild main.c.o"; }
lacks "$T/log" "mc_runtime.c.o" || { cat "$T/log"; fail "cmake: new enum value rebuilt the runtime"; }
[ "$(./build/pet "$ODD" | sed -n 1p)" = "name=Tom kind=hamster tags=0" ] || fail "cmake: new kind is not a member"
ok "cmake: a new enum value rebuilds what uses it and decodes as a member"

# ---- installed copy --------------------------------------------------------
echo "== make install DESTDIR=... PREFIX=/usr, consumer against the installed copy"
D=$T/dest
# Install the very binary under test: B names its build folder, and -o keeps
# make from rebuilding it (others may be editing generator/ meanwhile).
REL=${MODELC#"$ROOT"/}
if [ "$REL" != "$MODELC" ]; then
    set -- B="$(dirname "$REL")" -o "$REL"
else
    set --
fi
(cd "$ROOT" && make --no-print-directory "$@" install DESTDIR="$D" PREFIX=/usr) >"$T/log" 2>&1 ||
    { cat "$T/log"; fail "make install failed"; }
for f in bin/modelc share/modelc/modelc.mk share/modelc/modelc.cmake; do
    [ -f "$D/usr/$f" ] || { find "$D"; fail "make install did not install usr/$f"; }
done
[ -x "$D/usr/bin/modelc" ] || fail "installed modelc is not executable"
cmp -s "$D/usr/bin/modelc" "$MODELC" || fail "installed bin/modelc is not the modelc under test"
cmp -s "$D/usr/share/modelc/modelc.mk" "$ROOT/mk/modelc.mk" || fail "installed modelc.mk differs from mk/"
cmp -s "$D/usr/share/modelc/modelc.cmake" "$ROOT/mk/modelc.cmake" || fail "installed modelc.cmake differs from mk/"
"$D/usr/bin/modelc" --version >/dev/null || fail "installed modelc --version failed"
ok "make install puts bin/modelc and share/modelc/modelc.{mk,cmake} under DESTDIR/usr"

P=$T/installed
copy_consumer "$P"
cd "$P"
make --no-print-directory MODELC="$D/usr/bin/modelc" MODELC_MK="$D/usr/share/modelc/modelc.mk" \
    >"$T/log" 2>&1 || { cat "$T/log"; fail "consumer against the installed copy failed (make)"; }
[ "$(./pet "$PET" | sed -n 2p)" = "$PET" ] || fail "installed-copy pet (make) did not round-trip"
ok "the consumer builds with make against the installed copy"
cmake -S . -B build -DMODELC_EXECUTABLE="$D/usr/bin/modelc" \
    -DMODELC_CMAKE="$D/usr/share/modelc/modelc.cmake" -DCMAKE_C_COMPILER="$CC" >"$T/log" 2>&1 &&
    cmake --build build >>"$T/log" 2>&1 || { cat "$T/log"; fail "consumer against the installed copy failed (cmake)"; }
[ "$(./build/pet "$PET" | sed -n 2p)" = "$PET" ] || fail "installed-copy pet (cmake) did not round-trip"
ok "the consumer builds with cmake against the installed copy"

echo "consumer.sh: all checks passed"
