#!/bin/sh
# deps.sh PACKAGE... - make sure Debian packages are installed.
#
# Installs the missing ones with apt-get when run as root; otherwise prints
# the exact apt-get line to run and fails.  Installs nothing that is already
# there, and does nothing at all on systems without dpkg.
set -eu
command -v dpkg-query >/dev/null 2>&1 || {
    echo "deps: not a Debian system; make sure these are installed: $*" >&2
    exit 0
}
missing=
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing="$missing $pkg"
done
[ -n "$missing" ] || exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "deps: missing Debian packages. Run as root:" >&2
    echo "  apt-get install -y$missing" >&2
    exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends $missing || {
    apt-get update
    apt-get install -y --no-install-recommends $missing
}
