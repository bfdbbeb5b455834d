#!/usr/bin/env bash
# Checks that the CI checks themselves fail when they should, so that none of
# them can pass by accident. Run by .ci/run before the test suite; each case
# is cheap (no build).
#   1. `make importcheck` fails when `go list` fails (GO=false).
#   2. debs.sh reads every package name of a multi-line, tab-indented list.
#   3. debs.sh fails under CI on a system without dpkg-query, and only warns
#      outside CI.
#   4. the Go helper that needs poppler fails in CI when pdftotext is missing
#      (internal/testtool's own test covers that; it runs in `make test`).
set -uo pipefail
cd "$(dirname "$0")/.."
fails=0
check() { # check NAME WANT-STATUS(0|nonzero) COMMAND...
  local name=$1 want=$2 rc=0
  shift 2
  "$@" >/tmp/zonewise-selftest.$$ 2>&1 || rc=$?
  if { [ "$want" = 0 ] && [ $rc = 0 ]; } || { [ "$want" = nonzero ] && [ $rc != 0 ]; }; then
    echo "  ok    $name (exit $rc)"
  else
    echo "  FAIL  $name: exit $rc, want $want; output:" >&2
    sed 's/^/        /' /tmp/zonewise-selftest.$$ >&2
    fails=$((fails + 1))
  fi
  rm -f /tmp/zonewise-selftest.$$
}

echo "selftest: the CI checks fail when they should"
check "make importcheck GO=false fails" nonzero make --no-print-directory importcheck GO=false

list=$'gcc\n\tzonewise-selftest-no-such-package  libc6-dev\n'
out=$(DRY_RUN=1 DEBS=$list ./.ci/debs.sh 2>&1)
if grep -q '^debs.sh: missing: zonewise-selftest-no-such-package$' <<<"$out" &&
  grep -q '^debs.sh: wanted: gcc zonewise-selftest-no-such-package libc6-dev$' <<<"$out"; then
  echo "  ok    debs.sh reads every word of a multi-line list"
else
  echo "  FAIL  debs.sh did not read every word of a multi-line list:" >&2
  sed 's/^/        /' <<<"$out" >&2
  fails=$((fails + 1))
fi

# A PATH with bash and coreutils but no dpkg-query.
nodpkg=$(mktemp -d)
trap 'rm -rf "$nodpkg"' EXIT
for tool in bash env id sudo grep cat; do
  p=$(command -v "$tool") && ln -s "$p" "$nodpkg/$tool"
done
check "debs.sh fails under CI without dpkg-query" nonzero env PATH="$nodpkg" CI=true DEBS=gcc bash ./.ci/debs.sh
check "debs.sh only warns outside CI without dpkg-query" 0 env PATH="$nodpkg" CI= DEBS=gcc bash ./.ci/debs.sh

if [ $fails -gt 0 ]; then
  echo "selftest: $fails check(s) of the CI checks failed" >&2
  exit 1
fi
echo "selftest: passed"
