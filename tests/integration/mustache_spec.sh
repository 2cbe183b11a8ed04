#!/bin/sh
# The official mustache spec through `modelc render`, when the spec files are
# beside the project (../shared/conformance/mustache-spec).  The project does
# not ship them, so without them this reports a skip; `make conformance` runs
# the same check on its own.
set -eu
spec=${MUSTACHE_SPEC:-../shared/conformance/mustache-spec}
if [ ! -d "$spec" ]; then
    echo "mustache_spec: skipped: no spec files at $spec"
    exit 0
fi
exec sh tests/conformance/run-mustache-spec.sh "$MODELC" "$spec"
