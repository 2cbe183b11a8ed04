# bench/table.awk - turns RESULT and INSTR lines (run.sh) into the markdown table,
# the ratio table modelc/peer, and the target checks of issue 6.
function kv(line,   n, i, p, parts) {
    delete F
    n = split(line, parts, " ")
    for (i = 2; i <= n; i++) {
        p = index(parts[i], "=")
        if (p) F[substr(parts[i], 1, p - 1)] = substr(parts[i], p + 1)
    }
}
function fmt(x, d) { return x == "" ? "n/a" : sprintf("%." d "f", x) }
function spread(med, lo, hi) { return med == "" || med == 0 ? "" : sprintf(" ±%.0f%%", 50 * (hi - lo) / med) }
function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "n/a" : sprintf("%.2f", a / b) }
/^RESULT / {
    kv($0); i = F["impl"]
    if (!(i in seen)) { seen[i] = 1; order[++n] = i }
    for (k in F) R[i, k] = F[k]
}
/^INSTR / {
    kv($0); I[F["impl"], F["phase"]] = F["total"]; D[F["impl"]] = F["docs"]
}
END {
    for (j = 1; j <= n; j++) {
        i = order[j]
        # floor-memchr is one memchr loop over the whole slice, not a per-document call
        base = ((i, "baseline") in I && i != "floor-memchr") ? I[i, "baseline"] : 0
        split("decode encode roundtrip", ph, " ")
        for (p = 1; p <= 3; p++)
            if ((i, ph[p]) in I) P[i, ph[p]] = (I[i, ph[p]] - base) / D[i]
        if (R[i, "checksum"] != "" && ref == "") ref = R[i, "checksum"]
    }
    print "| implementation | decode instr/doc | encode instr/doc | round-trip instr/doc | decode MB/s | encode MB/s | round-trip MB/s | allocs/doc decode | allocs/doc encode | peak RSS MB | checksum, round trip |"
    print "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"
    for (j = 1; j <= n; j++) {
        i = order[j]
        ck = R[i, "checksum"] == "" ? (i == "floor-simdjson-walk" && R[i, "array_checksum"] == ref ? "tasks.json agrees" : "-") : \
             (R[i, "checksum"] == ref ? "agrees" : "DIFFERS") (R[i, "rt_bad"] == "0" && R[i, "enc_mbs"] != "" ? ", ok" : \
             (R[i, "enc_mbs"] == "" ? ", no encoder" : ", " R[i, "rt_bad"] " BAD"))
        printf "| %s | %s | %s | %s | %s%s | %s%s | %s%s | %s | %s | %s | %s |\n", i,
            fmt(P[i, "decode"], 0), fmt(P[i, "encode"], 0), fmt(P[i, "roundtrip"], 0),
            fmt(R[i, "dec_mbs"], 0), spread(R[i, "dec_mbs"], R[i, "dec_min"], R[i, "dec_max"]),
            fmt(R[i, "enc_mbs"], 0), spread(R[i, "enc_mbs"], R[i, "enc_min"], R[i, "enc_max"]),
            fmt(R[i, "rt_mbs"], 0), spread(R[i, "rt_mbs"], R[i, "rt_min"], R[i, "rt_max"]),
            fmt(R[i, "dec_allocs"], 1), fmt(R[i, "enc_allocs"], 1),
            R[i, "rss_kb"] == "" ? "n/a" : sprintf("%.0f", R[i, "rss_kb"] / 1024), ck
    }
    print ""
    print "± is half the range (max - min) of the passes, relative to the median. Peak RSS includes the"
    print "corpus (floor-memchr shows that alone) and, for the decoders, every document decoded and kept."
    print ""
    nm = 0
    if (("modelc", "impl") in R) mod[++nm] = "modelc"
    if (("modelc-arena", "impl") in R) mod[++nm] = "modelc-arena"
    if (nm == 0) {
        print "**modelc rows: not built** (no generated code or fixture plus runtime yet; see bench/Makefile)."
        exit
    }
    print "Ratios modelc / peer (instructions, allocations, RSS: lower is better; MB/s: higher is better)"
    print ""
    print "| modelc / peer | decode instr | encode instr | round-trip instr | decode MB/s | encode MB/s | round-trip MB/s | allocs decode | allocs encode | peak RSS |"
    print "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    split("cjson jansson json-c simdjson", peers, " ")
    for (m = 1; m <= nm; m++)
        for (q = 1; q <= 4; q++) {
            pp = peers[q]; mm = mod[m]
            if (!((pp, "impl") in R)) continue
            printf "| %s / %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", mm, pp,
                ratio(P[mm, "decode"], P[pp, "decode"]), ratio(P[mm, "encode"], P[pp, "encode"]),
                ratio(P[mm, "roundtrip"], P[pp, "roundtrip"]),
                ratio(R[mm, "dec_mbs"], R[pp, "dec_mbs"]), ratio(R[mm, "enc_mbs"], R[pp, "enc_mbs"]),
                ratio(R[mm, "rt_mbs"], R[pp, "rt_mbs"]),
                ratio(R[mm, "dec_allocs"], R[pp, "dec_allocs"]), ratio(R[mm, "enc_allocs"], R[pp, "enc_allocs"]),
                ratio(R[mm, "rss_kb"], R[pp, "rss_kb"])
        }
    print ""
    print "Targets (issue 6), as peer instructions / modelc instructions:"
    print ""
    target("modelc", "cjson", "decode", 8)
    target("modelc", "simdjson", "decode", 1.8)
    target("modelc-arena", "cjson", "decode", 11)
    target("modelc-arena", "simdjson", "decode", 2.5)
    target("modelc", "cjson", "encode", 10)
}
function target(mm, pp, phase, want,   x) {
    if (P[mm, phase] == "" || P[pp, phase] == "" || P[mm, phase] <= 0) {
        printf "- %s %s vs %s: n/a (target >= %sx)\n", mm, phase, pp, want
        return
    }
    x = P[pp, phase] / P[mm, phase]
    printf "- %s %s vs %s: %.1fx fewer (target >= %sx): %s\n", mm, phase, pp, x, want, (x >= want ? "met" : "NOT MET")
}
