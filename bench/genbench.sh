#!/bin/sh
# bench/genbench.sh - the generator benchmark: how modelc's run time grows with
# the size of the schema set. For N = 100, 1000, 5000 it writes N object types,
# one OpenAPI schema YAML file per type with relative $refs between them (as in
# the sailpoint set), each with 10 fields: strings (one nullable), int64, number,
# boolean, an inline enum, an array of strings, a date-time, a $ref to another
# type and an array of $refs. References go from type i to types i/2 and i/3, so
# the reference graph is a DAG of logarithmic depth, like real API sets.
# It then times `modelc -o OUTDIR FILE...` on each set (best of 3 runs below
# 5000 types) and reports time per type and the growth between sizes.
#
#   sh genbench.sh [MODELC]          (default ../build/modelc)
#   SIZES="100 1000 5000" sh genbench.sh
set -eu
MODELC=${1:-../build/modelc}
SIZES=${SIZES:-100 1000 5000}

if [ ! -x "$MODELC" ]; then
    echo "genbench: skipped: $MODELC does not exist yet (build modelc first: make at the top level)"
    exit 0
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/modelc-genbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

gen() { # gen N DIR
    awk -v n="$1" -v dir="$2" 'BEGIN {
        for (i = 0; i < n; i++) {
            f = sprintf("%s/Type%05d.yaml", dir, i)
            printf "type: object\ntitle: Type %d\ndescription: Synthetic type %d of %d.\n", i, i, n > f
            printf "required:\n  - id\nproperties:\n" > f
            printf "  id:\n    type: string\n    description: Identifier.\n" > f
            printf "  name:\n    type: string\n    nullable: true\n" > f
            printf "  count:\n    type: integer\n    format: int64\n" > f
            printf "  ratio:\n    type: number\n    format: double\n" > f
            printf "  enabled:\n    type: boolean\n" > f
            printf "  status:\n    type: string\n    enum:\n      - ACTIVE\n      - INACTIVE\n      - PENDING_%d\n      - ARCHIVED\n", i > f
            printf "  tags:\n    type: array\n    items:\n      type: string\n" > f
            printf "  created:\n    type: string\n    format: date-time\n" > f
            if (i == 0) {
                printf "  parent:\n    type: string\n" > f
                printf "  children:\n    type: array\n    items:\n      type: string\n" > f
            } else {
                printf "  parent:\n    $ref: \x27./Type%05d.yaml\x27\n", int(i / 2) > f
                printf "  children:\n    type: array\n    items:\n      $ref: \x27./Type%05d.yaml\x27\n", int(i / 3) > f
            }
            close(f)
        }
    }'
}

now_ns() { date +%s%N; }

secs() { awk -v t="$1" 'BEGIN { printf "%.3f", t / 1e9 }'; }

prev_n=""
prev_t=""
first_per=""
verdict="linear"
# The stage columns come from modelc's own --time-report of the fastest run:
# schemas = load, resolve, IR and names; render = every template for every
# output (in memory); write = comparing with the folder and writing.
printf '%8s %10s %14s %22s %9s %9s %9s %9s\n' "types" "seconds" "ms per type" "growth (time / size)" \
    "schemas" "view" "render" "write"
for n in $SIZES; do
    dir="$TMP/schemas-$n"
    mkdir -p "$dir"
    gen "$n" "$dir"
    runs=3
    [ "$n" -ge 5000 ] && runs=1
    best=""
    r=0
    while [ $r -lt $runs ]; do
        out="$TMP/out-$n-$r"
        t0=$(now_ns)
        if ! "$MODELC" --time-report -o "$out" "$dir"/*.yaml >"$TMP/log" 2>&1; then
            echo "genbench: modelc failed on $n types:" >&2
            tail -n 20 "$TMP/log" >&2
            exit 1
        fi
        t1=$(now_ns)
        t=$((t1 - t0))
        if [ -z "$(find "$out" -name '*.h' 2>/dev/null | head -n 1)" ]; then
            echo "genbench: skipped: $MODELC ran but wrote no header into $out"
            exit 0
        fi
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then
            best=$t
            cp "$TMP/log" "$TMP/best.log"
        fi
        rm -rf "$out"
        r=$((r + 1))
    done
    stage() { awk -v s="$1" '$2 == s { print $3 }' "$TMP/best.log"; }
    per=$(awk -v t="$best" -v n="$n" 'BEGIN { printf "%.3f", t / 1e6 / n }')
    if [ -n "$prev_n" ]; then
        growth=$(awk -v t="$best" -v pt="$prev_t" -v n="$n" -v pn="$prev_n" 'BEGIN { printf "%.1fx / %.0fx", t / pt, n / pn }')
    else
        growth="-"
        first_per=$per
    fi
    printf '%8d %10s %14s %22s %9s %9s %9s %9s\n' "$n" "$(secs "$best")" "$per" "$growth" \
        "$(stage schemas)" "$(stage view)" "$(stage render)" "$(stage write)"
    # linear: time per type at the largest size within 2x of the smallest size's
    # (which carries the fixed start-up cost, so per-type time normally falls)
    if awk -v a="$per" -v b="$first_per" 'BEGIN { exit !(a > 2 * b) }'; then verdict="NOT LINEAR"; fi
    prev_n=$n
    prev_t=$best
    rm -rf "$dir"
done
echo "genbench: growth: $verdict (time per type at the largest size vs the smallest)"
