#!/usr/bin/env bash
# Measures the performance budgets of docs/PERFORMANCE.md and prints ONE Markdown table:
#   1. the command line as whole processes (/usr/bin/time: wall and CPU
#      time, median of $RUNS runs, peak resident memory) on the sample plant
#      and on generated plants of 100, 1,000 and 10,000 assets: validate,
#      assess, render SVG, export all documents;
#   2. the Go benchmarks (b.Loop) that use the same code in process.
# The "per 1k assets" column is the marginal cost of 1,000 more assets
# between two plant sizes: it stays flat (or falls) when cost grows no faster
# than linearly. Used by `make bench` after `go build`; about 3 to 5 minutes.
#
#   RUNS=5        runs per command (a command slower than SLOW_MS=4000 runs once)
#   CAP_S=120     a process still running after CAP_S seconds is stopped and
#                 reported as "> CAP_S s" (keeps `make bench` within minutes)
#   GOBENCH=0     skip the Go benchmarks
#   BIN=./zonewise
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SLOW_MS=${SLOW_MS:-4000}
CAP_S=${CAP_S:-120}
BIN=${BIN:-./zonewise}
GO=${GO:-go}
GOBENCH=${GOBENCH:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$BIN" ] || { echo "bench: build $BIN first (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)

$BIN sample -o "$work/sample.zonewise.json"
$BIN generate --zones 10 --assets 100 --seed 1 -o "$work/p100.zonewise.json"
$BIN generate --zones 50 --assets 1000 --seed 1 -o "$work/p1000.zonewise.json"
$BIN generate --zones 500 --assets 10000 --seed 1 -o "$work/p10000.zonewise.json"
declare -A ASSETS ZONES SIZE
for p in sample p100 p1000 p10000; do
  # "Name: 11 zones, 13 conduits, 56 assets, 24 threat scenarios"
  read -r z a < <($BIN assess "$work/$p.zonewise.json" | head -1 |
    sed -E 's/.*: ([0-9]+) zones, ([0-9]+) conduits, ([0-9]+) assets, ([0-9]+) threat scenarios$/\1 \3/')
  ZONES[$p]=$z ASSETS[$p]=$a
  SIZE[$p]="$z zones, $a assets, $(($(wc -c <"$work/$p.zonewise.json") / 1024)) KB"
done

rows=()   # table rows, printed at the end
declare -A COST # "work plant" -> CPU (or wall) ms, for the growth column

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# verdict MS CPU_MS BUDGET: against a budget in ms ("-" = none). Wall time
# decides; when only the load of other work pushes it over (CPU time within
# the budget) the verdict says so.
verdict() {
  local ms=$1 cpu=$2 budget=$3
  if [ "$budget" = - ]; then echo "—"
  elif [ "$ms" -le "$budget" ]; then echo "ok (< $budget ms)"
  elif [ "$cpu" != - ] && [ "$cpu" -le "$budget" ]; then echo "over $budget ms in wall time only (CPU within; machine loaded)"
  else echo "**OVER** $budget ms"; fi
}

# per1k WORK PLANT: marginal cost (CPU ms where known, else wall ms) per
# 1,000 assets since the previous plant size (p100 -> p1000 -> p10000).
per1k() {
  local prev
  case $2 in p1000) prev=p100 ;; p10000) prev=p1000 ;; *) echo "—"; return ;; esac
  local a=${COST["$1 $2"]:-} b=${COST["$1 $prev"]:-}
  [ -n "$a" ] && [ -n "$b" ] || { echo "—"; return; }
  awk -v a="$a" -v b="$b" -v na="${ASSETS[$2]}" -v nb="${ASSETS[$prev]}" \
    'BEGIN{v=(a-b)*1000/(na-nb); if (v < 10 && v > -10) printf "%.1f", v; else printf "%.0f", v}'
}

# measure WORK PLANT BUDGET_MS CMD...: runs CMD as a whole process.
measure() {
  local work_=$1 plant=$2 budget=$3; shift 3
  local times=() cpus=() mems=() n=0
  while [ "$n" -lt "$RUNS" ]; do
    n=$((n + 1))
    rm -rf "$work/out"
    local rc=0
    /usr/bin/time -f '%e %U %S %M' -o "$work/t" timeout "$CAP_S" "$@" >/dev/null 2>"$work/err" || rc=$?
    if [ "$rc" = 124 ]; then
      read -r _ user sys kb < <(tail -1 "$work/t")
      rows+=("$(printf '| %s | %s | %s | %s | > %s000 (stopped) | > %s | RSS > %s | — | %s |' "$work_" "$plant" "${ASSETS[$plant]}" "$n" \
        "$CAP_S" "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%d", (u+s)*1000}')" "$((kb / 1024))" "$(verdict 999999 - "$budget")")")
      return
    elif [ "$rc" != 0 ]; then
      rows+=("| $work_ | $plant | ${ASSETS[$plant]} | $n | failed: $(head -c 120 "$work/err" | tr '\n|' ' /') | | | | |")
      return
    fi
    read -r secs user sys kb <"$work/t"
    local ms
    ms=$(awk -v s="$secs" 'BEGIN{printf "%d", s*1000+0.5}')
    times+=("$ms")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%d", (u+s)*1000+0.5}')")
    mems+=("$kb")
    [ "$ms" -gt "$SLOW_MS" ] && break
  done
  local med cpu mem
  med=$(printf '%s\n' "${times[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  COST["$work_ $plant"]=$cpu
  rows+=("$(printf '| %s | %s | %s | %s | %s | %s | RSS %s | %s | %s |' \
    "$work_" "$plant" "${ASSETS[$plant]}" "${#times[@]}" "$med" "$cpu" "$((mem / 1024))" "$(per1k "$work_" "$plant")" "$(verdict "$med" "$cpu" "$budget")")")
}

echo "bench: timing the command line (whole processes, up to $RUNS runs each) ..." >&2
for p in sample p100 p1000 p10000; do
  f="$work/$p.zonewise.json"
  ab=- rb=- eb=-
  case $p in
    sample) rb=1500 eb=3000 ;;
    p10000) ab=300 rb=1000 ;;
  esac
  measure "process: validate" "$p" - $BIN validate "$f"
  measure "process: assess --json (load incl.)" "$p" "$ab" $BIN assess --json "$f"
  measure "process: render SVG (first render)" "$p" "$rb" $BIN render "$f" -o "$work/$p.svg"
  measure "process: export --doc all" "$p" "$eb" $BIN export "$f" --doc all -o "$work/out"
done

# gobench PKG BENCHTIME REGEX: runs Go benchmarks, output kept in $work/gb.
gobench() {
  echo "bench: go test -bench '$3' -benchtime $2 $1 ..." >&2
  $GO test -run '^$' -bench "$3" -benchtime "$2" -benchmem "$1" >>"$work/gb" 2>&1 ||
    { echo "bench: go test $1 failed:" >&2; tail -20 "$work/gb" >&2; }
}

# gorow NAME WORK PLANT BUDGET_MS: a table row from a Go benchmark result.
gorow() {
  local line
  line=$(grep -E "^$1(-[0-9]+)?[[:space:]]" "$work/gb" | tail -1) || true
  if [ -z "$line" ]; then
    rows+=("| $2 | $3 | ${ASSETS[$3]:-} | | not run ($1) | | | | |")
    return
  fi
  # BenchmarkX-2  N  123 ns/op  [x MB/s]  456 B/op  7 allocs/op
  local n ns bytes allocs
  n=$(awk '{print $2}' <<<"$line")
  ns=$(awk '{for(i=1;i<=NF;i++) if($i=="ns/op") print $(i-1)}' <<<"$line")
  bytes=$(awk '{for(i=1;i<=NF;i++) if($i=="B/op") print $(i-1)}' <<<"$line")
  allocs=$(awk '{for(i=1;i<=NF;i++) if($i=="allocs/op") print $(i-1)}' <<<"$line")
  local cpu
  cpu=$(awk '{for(i=1;i<=NF;i++) if($i=="cpu-ms/op") printf "%.1f", $(i-1)}' <<<"$line")
  local ms ms_int
  ms=$(awk -v v="$ns" 'BEGIN{ if (v >= 1e8) printf "%.0f", v/1e6; else if (v >= 1e6) printf "%.1f", v/1e6; else printf "%.2f", v/1e6 }')
  ms_int=$(awk -v v="$ns" 'BEGIN{printf "%d", v/1e6}')
  local cpu_int=-
  [ -n "$cpu" ] && cpu_int=$(awk -v v="$cpu" 'BEGIN{printf "%d", v}')
  COST["$2 $3"]=$(awk -v c="$cpu" -v ns="$ns" 'BEGIN{ if (c != "") print c; else printf "%.3f", ns/1e6 }')
  rows+=("$(printf '| %s | %s | %s | %s | %s | %s | alloc %s MB, %s allocs /op | %s | %s |' \
    "$2" "$3" "${ASSETS[$3]:-}" "$n" "$ms" "${cpu:-—}" "$(awk -v b="${bytes:-0}" 'BEGIN{printf "%.1f", b/1048576}')" "${allocs:-?}" \
    "$(per1k "$2" "$3")" "$(verdict "$ms_int" "$cpu_int" "$4")")")
}

if [ "$GOBENCH" = 1 ]; then
  : >"$work/gb"
  gobench ./risk/ 200x '^BenchmarkAssessSample$'
  gobench ./risk/ 10x '^(BenchmarkBudgetUnmarshalAssess10k|BenchmarkAssessGenerated10k|BenchmarkAssessGenerated1k)$'
  gobench ./risk/ 100x '^BenchmarkBudgetEditReassess1k$'
  gobench ./model/ 10x '^(BenchmarkUnmarshal10k|BenchmarkMarshal10k|BenchmarkValidate10k)$'
  gobench ./render/ 5x '^(BenchmarkFirstRender|BenchmarkSVG)$'
  gobench ./render/document/ 3x '^BenchmarkExportAllSample$'
  gobench ./importer/ 5x '^(BenchmarkInventoryImport10k|BenchmarkPcapParse|BenchmarkReconcile10k)$'
  gui_benches=$(grep -ho 'func Benchmark[A-Za-z0-9_]*' app/*_test.go 2>/dev/null | sed 's/func //' | sort -u || true)
  if [ -n "$gui_benches" ]; then
    gobench ./app/ 5x "^($(paste -sd'|' <<<"$gui_benches"))\$"
  fi

  gorow BenchmarkAssessSample "go: risk.Assess" sample 5
  gorow BenchmarkAssessGenerated1k "go: risk.Assess" p1000 -
  gorow BenchmarkAssessGenerated10k "go: risk.Assess" p10000 -
  gorow BenchmarkUnmarshal10k "go: model.Unmarshal" p10000 -
  gorow BenchmarkValidate10k "go: model.Validate" p10000 -
  gorow BenchmarkMarshal10k "go: model.Marshal" p10000 -
  gorow BenchmarkBudgetUnmarshalAssess10k "go: Unmarshal + Assess (load incl.)" p10000 300
  gorow BenchmarkBudgetEditReassess1k "go: model.Update + Assess (edit, non-GUI half)" p1000 30
  gorow BenchmarkFirstRender "go: first render SVG, fresh process" sample 1500
  gorow BenchmarkSVG "go: render.SVG, later renders" sample 1500
  gorow BenchmarkExportAllSample "go: document.ExportAll" sample 3000
  gorow BenchmarkInventoryImport10k "go: import 10,000-row inventory (read + match + apply)" p10000 1000
  gorow BenchmarkPcapParse "go: pcap parsing, 64 MB (see MB/s in the Go output)" - -
  gorow BenchmarkReconcile10k "go: reconcile 10,000 assets, 100,000 flows" p10000 1000
  for b in $gui_benches; do
    budget=-
    case $b in *First*|*Start*) budget=1500 ;; *Edit*|*Reassess*) budget=30 ;; esac
    plant=p1000
    case $b in *10000*|*10k*) plant=p10000 ;; *100Asset*) plant=p100 ;; esac
    subs=$(grep -oE "^$b/[A-Za-z0-9_]+" "$work/gb" | sort -u || true)
    if [ -n "$subs" ]; then # sub-benchmarks: one row each
      for sb in $subs; do gorow "$sb" "go: GUI $sb" "$plant" "$budget"; done
    else
      gorow "$b" "go: GUI $b" "$plant" "$budget"
    fi
  done
fi

# GUI start to first frame: the real binary under Xvfb on the sample plant
# (a fresh HOME, so no recent project: the sample opens), with
# ZONEWISE_STARTUP_PROBE=1 printing when the first frame is painted.
if command -v Xvfb >/dev/null; then
  disp=:$((70 + RANDOM % 20))
  Xvfb "$disp" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  ghome=$(mktemp -d)
  times=()
  for i in $(seq "$RUNS"); do
    t0=$(date +%s%N)
    out=$(HOME=$ghome XDG_CONFIG_HOME=$ghome/.config XDG_CACHE_HOME=$ghome/.cache DISPLAY=$disp \
      ZONEWISE_NO_GUIDE=1 ZONEWISE_STARTUP_PROBE=1 timeout 30 "$BIN" 2>/dev/null | grep first-frame || true)
    [ -n "$out" ] && times+=("$(( (${out##* } - t0) / 1000000 ))")
  done
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$ghome"
  if [ ${#times[@]} -gt 0 ]; then
    ms=$(printf '%s\n' "${times[@]}" | median)
    first=${times[0]}
    rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |' \
      "process: GUI start to first frame (Xvfb; first run $first ms)" sample "${ASSETS[sample]}" "${#times[@]}" "$ms" - - — "$(verdict "$ms" - 1500)")")
  else
    rows+=("| process: GUI start to first frame | sample | | 0 | failed (no first-frame line) | | | | |")
  fi
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "Zonewise budgets (docs/PERFORMANCE.md) — $(date -u '+%F %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/{printf "%.0f GB RAM", $2/1048576}' /proc/meminfo), $(go env GOVERSION 2>/dev/null || true)"
echo "Load average (1, 5, 15 min): $load_before before, $load_after after ($(( $(date +%s) - started )) s)"
echo "Plants: sample = zonewise sample (${SIZE[sample]}); p100 = generate --zones 10 --assets 100 (${SIZE[p100]});"
echo "p1000 = generate --zones 50 --assets 1000 (${SIZE[p1000]}); p10000 = generate --zones 500 --assets 10000 (${SIZE[p10000]}); --seed 1"
echo
echo "| work | plant | assets | runs | ms (median) | CPU ms | memory | per 1k assets (CPU ms) | budget |"
echo "|---|---|---:|---:|---:|---:|---|---:|---|"
printf '%s\n' "${rows[@]}"
echo
echo "ms: wall time (process rows: /usr/bin/time, 10 ms resolution, process start included; go rows: ns/op of b.Loop)."
echo "CPU ms: user + system time (process rows: of the process; go rows: cpu-ms/op where the benchmark reports it)."
echo "On a machine shared with other work, CPU ms is the closer estimate of what an idle machine shows."
echo "per 1k assets: (CPU ms at this size − at the previous size) × 1000 / assets added, p100 → p1000 → p10000 (go rows without"
echo "cpu-ms/op: wall ms). Equal or falling from p1000 to p10000 = cost grows linearly or better; rising = faster than linear."
