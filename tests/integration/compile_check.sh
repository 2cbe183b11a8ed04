#!/bin/sh
# Every generated header alone and every source, gcc and clang, C99 and C11,
# -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror, and from C++.
set -eu
exec sh tests/models/compile-check.sh generated
