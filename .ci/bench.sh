#!/usr/bin/env bash
# Times the command line as whole processes on the sample plant and on
# generated plants, median of $RUNS runs, with peak memory, and prints one
# table against the budgets of DESIGN.md §7. Used by `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BIN=./zonewise
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$BIN" ] || { echo "bench: build ./zonewise first (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

$BIN sample -o "$work/sample.zonewise.json"
$BIN generate --zones 10 --assets 100 --seed 1 -o "$work/p100.zonewise.json"
$BIN generate --zones 50 --assets 1000 --seed 1 -o "$work/p1000.zonewise.json"
$BIN generate --zones 500 --assets 10000 --seed 1 -o "$work/p10000.zonewise.json"

# measure NAME BUDGET_MS CMD...: prints a table row.
measure() {
  local name=$1 budget=$2; shift 2
  local times=() mems=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
      echo "| $name | failed: $(head -c 200 "$work/err") |"; return; }
    read -r secs kb <"$work/t"
    times+=("$(awk -v s="$secs" 'BEGIN{printf "%d", s*1000}')")
    mems+=("$kb")
  done
  local med mem
  med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  local verdict="—"
  if [ "$budget" != "-" ]; then
    if [ "$med" -le "$budget" ]; then verdict="within $budget ms"; else verdict="OVER $budget ms"; fi
  fi
  printf '| %-34s | %8s | %8s | %s |\n' "$name" "$med" "$((mem / 1024))" "$verdict"
}

echo "Whole-process timings, median of $RUNS runs (/usr/bin/time -v resolution 10 ms), $(nproc) cores, $(date -u +%F)"
echo
printf '| %-34s | %8s | %8s | %s |\n' "command" "ms" "peak MB" "budget (DESIGN.md §7)"
printf '|%s|%s|%s|%s|\n' "------------------------------------" "----------" "----------" "------------------------"
for p in sample p100 p1000 p10000; do
  f="$work/$p.zonewise.json"
  case $p in
    sample) ab=- ; rb=1500 ; eb=3000 ;;
    p10000) ab=300 ; rb=- ; eb=- ;;
    *) ab=- ; rb=- ; eb=- ;;
  esac
  measure "validate $p" - $BIN validate "$f"
  measure "assess --json $p (load included)" "$ab" $BIN assess --json "$f"
  measure "render svg $p" "$rb" $BIN render "$f" -o "$work/$p.svg"
  if [ "$p" != p10000 ]; then
    measure "export all $p" "$eb" $BIN export "$f" --doc all -o "$work/docs-$p"
  fi
done
echo
echo "In-process budgets (assess sample < 5 ms, edit path < 30 ms, GUI first frame < 1.5 s) are Go benchmarks: make bench"
