# common.sh - the start every workflow script shares; sourced from the repo
# root (tests/run.sh runs the scripts there): MODELC must be set, CC defaults
# to cc, ROOT is the repo, T a scratch folder removed on exit, and fail/ok
# report one check each.
: "${MODELC:?MODELC must name the modelc binary}"
CC=${CC:-cc}
ROOT=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
