#!/bin/sh
# README's quick-start program prints exactly what README says it prints.
set -eu
expected='id: 2c918086719eec070171a7e3355a360a
type: REVOKE_ALL (not in this schema)
error 0: Oops (locale null)
{"id":"2c918086719eec070171a7e3355a360a","type":"REVOKE_ALL","status":"QUEUED","errors":[{"locale":null,"text":"Oops"}],"created":"2020-09-24T18:10:47.693Z"}'
actual=$("${BUILD:-build}/quickstart")
if [ "$actual" != "$expected" ]; then
    echo "quickstart: output differs from README"
    printf 'expected:\n%s\nactual:\n%s\n' "$expected" "$actual"
    exit 1
fi
grep -qF 'type: REVOKE_ALL (not in this schema)' README.md || {
    echo "quickstart: README does not show the program's output"
    exit 1
}
echo "quickstart: output matches README"
