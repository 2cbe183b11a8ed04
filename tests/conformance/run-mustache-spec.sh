#!/bin/sh
# run-mustache-spec.sh - feeds every case of the official mustache spec
# through `modelc render` and reports pass/fail per module.
#
# Usage: tests/conformance/run-mustache-spec.sh [MODELC [SPEC_DIR]] [-v]
#   MODELC    the binary to test (default: build/modelc)
#   SPEC_DIR  the spec's JSON files (default: ../shared/conformance/mustache-spec)
#   -v        show template, expected and actual output of each failure
#
# Each case becomes a folder in a temporary directory: template.mustache,
# data.json, partials/NAME.mustache and expected; it is rendered with
#   MODELC render template.mustache data.json --partials partials --escape html
# (spec policy: HTML escaping, missing names and partials render as empty).
# ~lambdas is skipped (modelc's data has no code).  Exit status: 0 when
# every case of the required modules passes, 1 otherwise, 2 on setup errors.
# Optional modules (~inheritance, ~dynamic-names) are reported but do not
# change the status.  Not part of `make test`: ../shared is optional.
set -u
verbose=0
modelc=
spec=
for a in "$@"; do
    case $a in
    -v) verbose=1 ;;
    *) if [ -z "$modelc" ]; then modelc=$a; else spec=$a; fi ;;
    esac
done
[ -n "$modelc" ] || modelc=build/modelc
[ -n "$spec" ] || spec=../shared/conformance/mustache-spec
if [ ! -x "$modelc" ]; then echo "run-mustache-spec: no binary $modelc (run make first)" >&2; exit 2; fi
if [ ! -d "$spec" ]; then echo "run-mustache-spec: no spec folder $spec" >&2; exit 2; fi
command -v python3 >/dev/null || { echo "run-mustache-spec: needs python3" >&2; exit 2; }

exec python3 - "$modelc" "$spec" "$verbose" <<'PY'
import glob, json, os, subprocess, sys, tempfile

modelc, spec, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
required = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]
modelc = os.path.abspath(modelc)
failed_required = 0
rows = []
with tempfile.TemporaryDirectory(prefix="mustache-spec.") as tmp:
    for path in sorted(glob.glob(os.path.join(spec, "*.json"))):
        module = os.path.basename(path)[:-5]
        if module == "~lambdas":
            rows.append((module, 0, 0, "skipped"))
            continue
        tests = json.load(open(path, encoding="utf-8"))["tests"]
        passed = 0
        for n, t in enumerate(tests):
            case = os.path.join(tmp, "%s-%03d" % (module.lstrip("~"), n))
            pdir = os.path.join(case, "partials")
            os.makedirs(pdir)
            with open(os.path.join(case, "template.mustache"), "w", encoding="utf-8", newline="") as f:
                f.write(t["template"])
            with open(os.path.join(case, "data.json"), "w", encoding="utf-8") as f:
                json.dump(t["data"], f)
            for name, text in t.get("partials", {}).items():
                with open(os.path.join(pdir, name + ".mustache"), "w", encoding="utf-8", newline="") as f:
                    f.write(text)
            with open(os.path.join(case, "expected"), "w", encoding="utf-8", newline="") as f:
                f.write(t["expected"])
            try:
                r = subprocess.run([modelc, "render", "template.mustache", "data.json",
                                    "--partials", "partials", "--escape", "html"],
                                   cwd=case, capture_output=True, timeout=10)
                got, err, rc = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace"), r.returncode
            except subprocess.TimeoutExpired:
                got, err, rc = "", "timeout", -1
            if rc == 0 and got == t["expected"]:
                passed += 1
            else:
                print("FAIL %s: %s" % (module, t["name"]))
                if verbose:
                    print("  template: %r" % t["template"])
                    if t.get("partials"):
                        print("  partials: %r" % t["partials"])
                    print("  data:     %s" % json.dumps(t["data"]))
                    print("  expected: %r" % t["expected"])
                    print("  got:      %r (exit %d) %s" % (got, rc, err.strip()))
        if module in required and passed != len(tests):
            failed_required += 1
        rows.append((module, passed, len(tests), "required" if module in required else "optional"))
print("%-16s %7s  %s" % ("module", "passed", "kind"))
for module, p, total, kind in rows:
    print("%-16s %7s  %s" % (module, "-" if kind == "skipped" else "%d/%d" % (p, total), kind))
sys.exit(1 if failed_required else 0)
PY
