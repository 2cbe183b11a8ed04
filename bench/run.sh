#!/bin/sh
# bench/run.sh - runs every implementation, one process each (peak RSS is per
# process), then once more under callgrind on the first CG_DOCS documents, and
# prints the table (markdown) with the ratios modelc/peer.
#
#   sh run.sh BENCH_BINARY CORPUS_DIR OUT_DIR       (env: REPS=5 CG_DOCS=2000)
#
# Writes OUT_DIR/timing.txt and OUT_DIR/instr.txt (raw lines), OUT_DIR/table.md.
set -eu
BENCH=$1
CORPUS=$2
OUT=$3
REPS=${REPS:-5}
CG_DOCS=${CG_DOCS:-2000}
mkdir -p "$OUT"
: >"$OUT/timing.txt"
: >"$OUT/instr.txt"

impls="floor-memchr floor-simdjson-walk $("$BENCH" --list | grep -v '^floor-' | tr '\n' ' ')"
have_valgrind=1
command -v valgrind >/dev/null 2>&1 || have_valgrind=0

for i in $impls; do
    echo "bench: $i: timing ($REPS reps)" >&2
    "$BENCH" --impl "$i" --corpus "$CORPUS" --reps "$REPS" >"$OUT/run.$i.log" 2>&1 || {
        cat "$OUT/run.$i.log" >&2
        echo "bench: $i FAILED" >&2
        exit 1
    }
    grep '^RESULT' "$OUT/run.$i.log" >>"$OUT/timing.txt"
    if [ $have_valgrind = 1 ]; then
        echo "bench: $i: callgrind ($CG_DOCS documents)" >&2
        rm -f "$OUT/cg.$i" "$OUT/cg.$i".*
        valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$OUT/cg.$i" \
            "$BENCH" --impl "$i" --corpus "$CORPUS" --docs "$CG_DOCS" --callgrind \
            >"$OUT/cg.$i.log" 2>&1 || {
            cat "$OUT/cg.$i.log" >&2
            echo "bench: $i under callgrind FAILED" >&2
            exit 1
        }
        # one dump per measured loop: "desc: Trigger: Client Request: NAME", "summary: N"
        for f in "$OUT/cg.$i".[0-9]*; do
            awk -v impl="$i" -v docs="$CG_DOCS" '
                /^desc: Trigger: Client Request: / { name = $5 }
                /^summary: / { total = $2 }
                END { if (name != "") printf "INSTR impl=%s phase=%s docs=%s total=%s\n", impl, name, docs, total }
            ' "$f" >>"$OUT/instr.txt"
        done
        rm -f "$OUT/cg.$i" "$OUT/cg.$i".[0-9]*
    fi
done

cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
cores=$(nproc 2>/dev/null || echo '?')
ccv=$(${CC:-cc} --version 2>/dev/null | head -n 1)
{
    echo "Machine: ${cpu:-unknown CPU}, $cores cores, $ccv; $(uname -sr)"
    echo "Corpus: $(awk '/impl=floor-memchr/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "docs") d = kv[2]; if (kv[1] == "bytes") b = kv[2] } } END { printf "%d documents, %.1f MB", d, b / 1e6 }' "$OUT/timing.txt"); MB/s: median of $REPS in-process passes; instructions: callgrind on the first $CG_DOCS documents, loop baseline subtracted."
    echo
    awk -f ./table.awk "$OUT/timing.txt" "$OUT/instr.txt"
} >"$OUT/table.md"
cat "$OUT/table.md"
