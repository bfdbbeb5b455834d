#!/usr/bin/env bash
# Runs every fuzz target of the module, one at a time, for $FUZZTIME each
# (default 30s). Targets are found by grepping *_test.go files for
# `func FuzzXxx(f *testing.F)`. Used by `make fuzz`.
#
#   FUZZTIME=20s .ci/fuzz.sh            all targets, 20 s each
#   FUZZ=Render .ci/fuzz.sh             only targets whose name matches the regexp
#   FUZZPARALLEL=1 .ci/fuzz.sh          one fuzzing worker (default: go's, GOMAXPROCS)
#   FUZZMINIMIZETIME=60s .ci/fuzz.sh    time to minimise each new input (default 2s).
#       Go minimises every new interesting input, not only crashers, for up to
#       60s by default: on JSON seeds of 10-100 kB that left FuzzAssess 24
#       executions in 20 s; with 2s it makes about 75,000.
#
# It commits nothing. A failing input is written by go test to
# PKG/testdata/fuzz/FuzzXxx/HASH; the script lists every such new file at the
# end. Fix the bug, then commit the file with the fix: from then on it runs as a
# regression seed in plain `go test`. Exit status 1 when any target failed.
set -uo pipefail # pipefail: the status of go test, not of tee
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-30s}
FUZZ=${FUZZ:-.}
export LANG=${LANG:-en_US.UTF-8}
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-2s}
parallel=()
[ -n "${FUZZPARALLEL:-}" ] && parallel=(-parallel "$FUZZPARALLEL")

corpus() { find . -path '*/testdata/fuzz/*' -type f -not -path './.git/*' | sort; }

# "dir name" per target, sorted, without vendor or testdata.
targets=$(grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . \
	| grep -v -e '/vendor/' -e '/testdata/' \
	| sed -E 's|^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*).*|\1 \2|; s|^\./[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*).*|. \1|' \
	| sort -u | awk -v re="$FUZZ" '$2 ~ re')
if [ -z "$targets" ]; then
	echo "fuzz: no fuzz target matches $FUZZ" >&2
	exit 1
fi
echo "fuzz: $(wc -l <<<"$targets") targets, $FUZZTIME each"

before=$(mktemp)
corpus >"$before"

failed=()
summary=()
log=$(mktemp)
trap 'rm -f "$before" "$log"' EXIT
while read -r dir name; do
	echo "=== $name in ./$dir"
	start=$SECONDS
	seen=$(corpus | wc -l)
	if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" "${parallel[@]}" "./$dir" 2>&1 | tee "$log"; then
		summary+=("ok    ./$dir $name ($((SECONDS - start))s)")
	elif [ "$(corpus | wc -l)" = "$seen" ] && grep -q '^    context deadline exceeded$' "$log"; then
		# Go 1.26's fuzz coordinator can report its own -fuzztime deadline
		# as a failure, with no failing input (go.dev/issue/75804, fixed
		# in Go 1.27). Nothing was found: not a failure of the target.
		summary+=("ok    ./$dir $name ($((SECONDS - start))s; go's deadline race reported, no input written)")
	else
		summary+=("FAIL  ./$dir $name ($((SECONDS - start))s)")
		failed+=("./$dir $name")
	fi
done <<<"$targets"

echo
echo "fuzz summary ($FUZZTIME per target):"
printf '  %s\n' "${summary[@]}"
new=$(comm -13 "$before" <(corpus))
if [ -n "$new" ]; then
	echo "new failing inputs (commit each with its fix as a regression seed):"
	sed 's/^/  /' <<<"$new"
fi
if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: ${#failed[@]} target(s) failed" >&2
	exit 1
fi
echo "fuzz: no target failed"
