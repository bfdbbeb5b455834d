#!/usr/bin/env bash
# Measures the performance budgets of docs/PERFORMANCE.md and prints ONE Markdown table:
#   1. the command line as whole processes (/usr/bin/time: wall time, CPU time
#      and peak resident memory, median of $RUNS runs) on the sample plant and
#      on generated plants of 1,000, 10,000 and 30,000 assets: validate,
#      assess --json, requirements, render SVG, export every document; beside
#      `python3 -c "import json; json.load(open(F))"` on the same 10,000-asset
#      file in the same run, and with the Graphviz start-up of the commands
#      that draw nothing (GODEBUG=inittrace);
#   2. the GUI in a real window under Xvfb: start to first frame on the
#      sample and on the 10,000-asset plant (`zonewise open FILE`);
#   3. the Go benchmarks (b.Loop) of the same code in process, the GUI's
#      open, pan/zoom and Find benchmarks among them.
# The "per 1k assets" column is the marginal cost of 1,000 more assets
# between two plant sizes (1,000 -> 10,000 -> 30,000): CPU ms and peak RSS
# MB. It stays flat (or falls) when cost grows no faster than linearly.
# Used by `make bench` after `make build`; about 5 minutes on 2 quiet cores.
#
#   RUNS=5        runs per command (a command slower than SLOW_MS=4000 runs
#                 once; every 30,000-asset command runs once)
#   CAP_S=120     a process still running after CAP_S seconds is stopped and
#                 reported as "> CAP_S s" (keeps `make bench` within minutes)
#   GOBENCH=0     skip the Go benchmarks
#   BIG=0         skip the 30,000-asset plant
#   MEM_CAP_MB=4096  a 30,000-asset command whose resident memory passes this
#                 is stopped and reported as "stopped at … MB RSS"
#   BIN=./zonewise
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SLOW_MS=${SLOW_MS:-4000}
CAP_S=${CAP_S:-120}
BIN=${BIN:-./zonewise}
GO=${GO:-go}
GOBENCH=${GOBENCH:-1}
BIG=${BIG:-1}
MEM_CAP_MB=${MEM_CAP_MB:-4096}
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
xvfb=
cleanup() {
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -x "$BIN" ] || { echo "bench: build $BIN first (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)

plants=(sample p1000 p10000)
$BIN sample -o "$work/sample.zonewise.json"
$BIN generate --zones 50 --assets 1000 --seed 1 -o "$work/p1000.zonewise.json"
$BIN generate --zones 500 --assets 10000 --seed 1 -o "$work/p10000.zonewise.json"
if [ "$BIG" = 1 ]; then
  $BIN generate --zones 1500 --assets 30000 --seed 1 -o "$work/p30000.zonewise.json"
  plants+=(p30000)
fi
declare -A ASSETS ZONES SIZE
ASSETS[-]=
for p in "${plants[@]}"; do
  # "Name: 11 zones, 13 conduits, 56 assets, 24 threat scenarios"
  read -r z a < <($BIN assess "$work/$p.zonewise.json" | head -1 |
    sed -E 's/.*: ([0-9]+) zones, ([0-9]+) conduits, ([0-9]+) assets, ([0-9]+) threat scenarios$/\1 \3/')
  ZONES[$p]=$z ASSETS[$p]=$a
  SIZE[$p]="$z zones, $a assets, $(($(wc -c <"$work/$p.zonewise.json") / 1024)) KB"
done

rows=()   # table rows, printed at the end
declare -A COST MEM # "work plant" -> CPU ms (or wall ms) / peak RSS MB, for the growth column

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# verdict MS CPU_MS BUDGET_MS [MB BUDGET_MB]: against a time budget in ms
# ("-" = none) and a peak RSS budget in MB ("-" = none). Wall time decides;
# when only the load of other work pushes it over (CPU time within the
# budget) the verdict says so.
verdict() {
  local ms=$1 cpu=$2 budget=$3 mb=${4:--} mbudget=${5:--} out=""
  if [ "$budget" != - ]; then
    if [ "$ms" -le "$budget" ]; then out="ok (< $budget ms)"
    elif [ "$cpu" != - ] && [ "$cpu" -le "$budget" ]; then out="over $budget ms in wall time only (CPU within; machine loaded)"
    else out="**OVER** $budget ms"; fi
  fi
  if [ "$mbudget" != - ]; then
    [ -n "$out" ] && out="$out; "
    if [ "$mb" != - ] && [ "$mb" -le "$mbudget" ]; then out="${out}ok (< $mbudget MB)"
    else out="${out}**OVER** $mbudget MB"; fi
  fi
  echo "${out:-—}"
}

# prev PLANT: the plant size before PLANT in the growth column.
prev() { case $1 in p10000) echo p1000 ;; p30000) echo p10000 ;; *) echo - ;; esac; }

# per1k WORK PLANT: marginal cost per 1,000 assets since the previous plant
# size (p1000 -> p10000 -> p30000): CPU ms (go rows without cpu-ms/op: wall
# ms) and, for processes, peak RSS MB.
per1k() {
  local p
  p=$(prev "$2")
  [ "$p" != - ] || { echo "—"; return; }
  local a=${COST["$1 $2"]:-} b=${COST["$1 $p"]:-} ma=${MEM["$1 $2"]:-} mb=${MEM["$1 $p"]:-}
  [ -n "$a" ] && [ -n "$b" ] || { echo "—"; return; }
  awk -v a="$a" -v b="$b" -v ma="$ma" -v mb="$mb" -v na="${ASSETS[$2]}" -v nb="${ASSETS[$p]}" '
    function f(v) { return (v < 10 && v > -10) ? sprintf("%.1f", v) : sprintf("%.0f", v) }
    BEGIN { s = f((a-b)*1000/(na-nb)); if (ma != "" && mb != "") s = s " ms / " f((ma-mb)*1000/(na-nb)) " MB"; print s }'
}

# row WORK PLANT RUNS MS CPU MEMORY GROWTH VERDICT
row() { rows+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$1" "$2" "${ASSETS[$2]:-}" "$3" "$4" "$5" "$6" "$7" "$8")"); }

# measure WORK PLANT BUDGET_MS BUDGET_MB CMD...: runs CMD as a whole process
# up to RUNS times; sets LAST_MS and LAST_CPU (medians, empty on failure).
measure() {
  local work_=$1 plant=$2 budget=$3 mbudget=$4; shift 4
  local times=() cpus=() mems=() n=0 runs=$RUNS
  [ "$plant" = p30000 ] && runs=1
  LAST_MS= LAST_CPU=
  while [ "$n" -lt "$runs" ]; do
    n=$((n + 1))
    rm -rf "$work/out"
    local rc=0
    rm -f "$work/memcap"
    if [ "$plant" = p30000 ]; then
      /usr/bin/time -f '%e %U %S %M' -o "$work/t" timeout "$CAP_S" "$@" >/dev/null 2>"$work/err" &
      local tpid=$!
      rsscap "$tpid" &
      local wpid=$!
      wait "$tpid" || rc=$?
      wait "$wpid" 2>/dev/null || true
    else
      /usr/bin/time -f '%e %U %S %M' -o "$work/t" timeout "$CAP_S" "$@" >/dev/null 2>"$work/err" || rc=$?
    fi
    if [ "$rc" = 124 ] || [ -e "$work/memcap" ]; then
      local secs user sys kb why v
      read -r secs user sys kb < <(tail -1 "$work/t")
      if [ -e "$work/memcap" ]; then
        why="> $(awk -v s="$secs" 'BEGIN{printf "%d", s*1000}') (stopped at $MEM_CAP_MB MB RSS)"
        v="**stopped** at $MEM_CAP_MB MB RSS; $(verdict 999999 - "$budget" 999999 "$mbudget")"
      else
        why="> ${CAP_S}000 (stopped)"
        v="**stopped** after $CAP_S s; $(verdict 999999 - "$budget")"
      fi
      row "$work_" "$plant" "$n" "$why" "> $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%d", (u+s)*1000}')" \
        "RSS > $((kb / 1024))" — "${v%; —}"
      return
    elif [ "$rc" != 0 ]; then
      row "$work_" "$plant" "$n" "failed: $(head -c 120 "$work/err" | tr '\n|' ' /')" "" "" "" ""
      return
    fi
    local secs user sys kb ms
    read -r secs user sys kb <"$work/t"
    ms=$(awk -v s="$secs" 'BEGIN{printf "%d", s*1000+0.5}')
    times+=("$ms")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%d", (u+s)*1000+0.5}')")
    mems+=("$kb")
    [ "$ms" -gt "$SLOW_MS" ] && break
  done
  local med cpu mem
  med=$(printf '%s\n' "${times[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  mem=$(($(printf '%s\n' "${mems[@]}" | sort -n | tail -1) / 1024))
  COST["$work_ $plant"]=$cpu MEM["$work_ $plant"]=$mem
  LAST_MS=$med LAST_CPU=$cpu
  row "$work_" "$plant" "${#times[@]}" "$med" "$cpu" "RSS $mem" "$(per1k "$work_" "$plant")" "$(verdict "$med" "$cpu" "$budget" "$mem" "$mbudget")"
}

# rsscap PID: stops the command that PID (/usr/bin/time) runs through
# timeout once its resident memory passes MEM_CAP_MB, and leaves
# $work/memcap behind (a 30,000-asset export must not make a laptop swap).
rsscap() {
  local top=$1 cmd="" kb
  while kill -0 "$top" 2>/dev/null; do
    [ -n "$cmd" ] || cmd=$(pgrep -P "$(pgrep -P "$top" | head -1)" 2>/dev/null | head -1 || true)
    if [ -n "$cmd" ]; then
      kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$cmd/status" 2>/dev/null || true)
      if [ "${kb:-0}" -gt $((MEM_CAP_MB * 1024)) ]; then
        : >"$work/memcap"
        kill -KILL "$cmd" 2>/dev/null || true
        return
      fi
    fi
    sleep 0.25
  done
}

# graphviz_init CMD...: milliseconds the process spends initialising
# Graphviz (go-graphviz and its WebAssembly runtime wazero) before main, from
# GODEBUG=inittrace=1.
graphviz_init() {
  GODEBUG=inittrace=1 "$@" 2>&1 >/dev/null | awk '/^init .*(graphviz|wazero)/ {for (i=1;i<=NF;i++) if ($(i+1)=="ms" && $(i+2)=="clock,") s+=$i} END {printf "%.1f", s+0}'
}

# nodraw WORK PLANT BUDGET_MS CMD...: a command that draws nothing: measured,
# and its verdict says whether it started Graphviz.
nodraw() {
  local work_=$1 plant=$2 budget=$3; shift 3
  measure "$work_" "$plant" "$budget" - "$@"
  local gv last
  gv=$(graphviz_init "$@")
  last=${rows[-1]}
  if awk -v g="$gv" 'BEGIN{exit !(g < 1)}'; then
    last="${last% |}; no Graphviz start-up ($gv ms) |"
  else
    last="${last% |}; **Graphviz starts** ($gv ms before main) |"
  fi
  rows[-1]=${last/| —; /| }
}

echo "bench: timing the command line (whole processes, up to $RUNS runs each) ..." >&2
for p in "${plants[@]}"; do
  f="$work/$p.zonewise.json"
  ab=- rb=- eb=- em=-
  case $p in
    sample) rb=1500 eb=3000 ;;
    p10000) ab=200 rb=1000 eb=5000 em=600 ;;
    p30000) em=1536 ;;
  esac
  nodraw "process: validate" "$p" - $BIN validate "$f"
  nodraw "process: assess --json (load incl.)" "$p" "$ab" $BIN assess --json "$f"
  if [ "$p" = p10000 ] && command -v "$PYTHON" >/dev/null; then
    assess_cpu=$LAST_CPU assess_ms=$LAST_MS
    measure "process: python3 json.load of the same file" "$p" - - "$PYTHON" -c "import json,sys; json.load(open(sys.argv[1]))" "$f"
    if [ -n "$assess_cpu" ] && [ -n "$LAST_CPU" ]; then
      # The budget speaks of being faster: the wall-time ratio decides on a
      # quiet machine; the CPU-time ratio is the steadier one on a loaded one.
      ratio=$(awk -v a="$assess_cpu" -v b="$LAST_CPU" 'BEGIN{ if (a > 0) printf "%.2f", b/a; else print "?" }')
      wratio=$(awk -v a="$assess_ms" -v b="$LAST_MS" 'BEGIN{ if (a > 0) printf "%.2f", b/a; else print "?" }')
      ok=$(awk -v r="$wratio" -v c="$ratio" 'BEGIN{print (r >= 3) ? "ok" : (c >= 3) ? "over in wall time only (CPU within; machine loaded)" : "**OVER**"}')
      last=${rows[-1]}
      rows[-1]="${last%| — |}| $ok: json.load ÷ assess --json = $wratio in wall time, $ratio in CPU time (budget ≥ 3) |"
    fi
  fi
  measure "process: render SVG (first render)" "$p" "$rb" - $BIN render "$f" -o "$work/$p.svg"
  measure "process: export --doc all" "$p" "$eb" "$em" $BIN export "$f" --doc all -o "$work/out"
done
nodraw "process: requirements --sl 2,2,2,1,3,2,2" - - $BIN requirements --sl 2,2,2,1,3,2,2

# gui_probe PLANT BUDGET_MS [FILE]: the real binary under Xvfb, from launch
# to its first frame painted at the window's final size with the plant
# drawn (ZONEWISE_STARTUP_PROBE=1 waits until no repaint is pending, prints
# the time and quits; app/startup_probe.go), in a fresh HOME so that no recent project
# or guide opens. CPU and RSS are those of the whole process, which quits
# right after that frame.
gui_probe() {
  local plant=$1 budget=$2 file=${3:-} ghome times=() cpus=() mems=() args=() bin
  bin=$(realpath "$BIN")
  [ -n "$file" ] && args=(open "$(basename "$file")")
  ghome=$(mktemp -d)
  for _ in $(seq "$RUNS"); do
    local t0 out
    t0=$(date +%s%N)
    out=$(cd "$work" && HOME=$ghome XDG_CONFIG_HOME=$ghome/.config XDG_CACHE_HOME=$ghome/.cache DISPLAY=$disp \
      ZONEWISE_NO_GUIDE=1 ZONEWISE_STARTUP_PROBE=1 /usr/bin/time -f '%e %U %S %M' -o "$work/gt" \
      timeout 60 "$bin" "${args[@]}" 2>/dev/null | grep first-frame || true)
    [ -n "$out" ] || continue
    times+=("$(( (${out##* } - t0) / 1000000 ))")
    local user sys kb
    read -r _ user sys kb <"$work/gt"
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%d", (u+s)*1000+0.5}')")
    mems+=("$kb")
  done
  rm -rf "$ghome"
  if [ ${#times[@]} -gt 0 ]; then
    local ms cpu mem
    ms=$(printf '%s\n' "${times[@]}" | median)
    cpu=$(printf '%s\n' "${cpus[@]}" | median)
    mem=$(($(printf '%s\n' "${mems[@]}" | sort -n | tail -1) / 1024))
    row "process: GUI start to first frame (Xvfb, ${args[*]:-no file}; first run ${times[0]} ms)" "$plant" "${#times[@]}" "$ms" "$cpu" "RSS $mem" — "$(verdict "$ms" "$cpu" "$budget")"
  else
    row "process: GUI start to first frame (${args[*]:-no file})" "$plant" 0 "failed (no first-frame line)" "" "" "" ""
  fi
}

if command -v Xvfb >/dev/null; then
  echo "bench: the GUI under Xvfb ..." >&2
  disp=:$((70 + RANDOM % 20))
  Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  gui_probe sample 1500
  gui_probe p10000 1000 "$work/p10000.zonewise.json"
  kill "$xvfb" 2>/dev/null || true
  xvfb=
fi

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
    row "$2" "$3" "" "not run ($1)" "" "" "" ""
    return
  fi
  # BenchmarkX-2  N  123 ns/op  [4.5 cpu-ms/op] [x MB/s]  456 B/op  7 allocs/op
  local n ns bytes allocs cpu
  n=$(awk '{print $2}' <<<"$line")
  ns=$(awk '{for(i=1;i<=NF;i++) if($i=="ns/op") print $(i-1)}' <<<"$line")
  bytes=$(awk '{for(i=1;i<=NF;i++) if($i=="B/op") print $(i-1)}' <<<"$line")
  allocs=$(awk '{for(i=1;i<=NF;i++) if($i=="allocs/op") print $(i-1)}' <<<"$line")
  cpu=$(awk '{for(i=1;i<=NF;i++) if($i=="cpu-ms/op") printf "%.1f", $(i-1)}' <<<"$line")
  local ms ms_int cpu_int=-
  ms=$(awk -v v="$ns" 'BEGIN{ if (v >= 1e8) printf "%.0f", v/1e6; else if (v >= 1e6) printf "%.1f", v/1e6; else printf "%.2f", v/1e6 }')
  ms_int=$(awk -v v="$ns" 'BEGIN{printf "%d", v/1e6}')
  [ -n "$cpu" ] && cpu_int=$(awk -v v="$cpu" 'BEGIN{printf "%d", v}')
  COST["$2 $3"]=$(awk -v c="$cpu" -v ns="$ns" 'BEGIN{ if (c != "") print c; else printf "%.3f", ns/1e6 }')
  row "$2" "$3" "$n" "$ms" "${cpu:-—}" "$(awk -v b="${bytes:-0}" 'BEGIN{printf "alloc %.1f MB", b/1048576}'), ${allocs:-?} allocs /op" \
    "$(per1k "$2" "$3")" "$(verdict "$ms_int" "$cpu_int" "$4")"
}

if [ "$GOBENCH" = 1 ]; then
  : >"$work/gb"
  gobench ./risk/ 200x '^BenchmarkAssessSample$'
  gobench ./risk/ 10x '^(BenchmarkBudgetUnmarshalAssess10k|BenchmarkAssessGenerated10k|BenchmarkAssessGenerated1k)$'
  gobench ./risk/ 100x '^BenchmarkBudgetEditReassess1k$'
  gobench ./model/ 10x '^(BenchmarkUnmarshal10k|BenchmarkMarshal10k|BenchmarkValidate10k)$'
  gobench ./render/ 5x '^(BenchmarkFirstRender|BenchmarkSVG)$'
  gobench ./render/document/ 3x '^BenchmarkExportAllSample$'
  gobench ./render/document/ 1x '^(BenchmarkExportAllGenerated1k|BenchmarkExportAllGenerated10k)$'
  gobench ./cli/ 5x '^(BenchmarkAssessJSON10k|BenchmarkAssessJSON1k|BenchmarkValidateCommand10k|BenchmarkWriteResultJSON10k)$'
  gobench ./importer/ 5x '^(BenchmarkInventoryImport10k|BenchmarkPcapParse|BenchmarkReconcile10k)$'
  # The GUI (app/): every benchmark but the per-view refreshes (minutes on
  # the 10,000-asset plant; run them by hand).
  gui_benches=$(grep -ho 'func Benchmark[A-Za-z0-9_]*' app/*_test.go 2>/dev/null | sed 's/func //' |
    grep -v '^BenchmarkViewRefresh' | sort -u || true)
  if [ -n "$gui_benches" ]; then
    gobench ./app/ 5x "^($(paste -sd'|' <<<"$gui_benches"))\$"
  fi

  gorow BenchmarkAssessSample "go: risk.Assess" sample 5
  gorow BenchmarkAssessGenerated1k "go: risk.Assess" p1000 -
  gorow BenchmarkAssessGenerated10k "go: risk.Assess" p10000 -
  gorow BenchmarkUnmarshal10k "go: model.Unmarshal" p10000 -
  gorow BenchmarkValidate10k "go: model.Validate" p10000 -
  gorow BenchmarkMarshal10k "go: model.Marshal" p10000 -
  gorow BenchmarkBudgetUnmarshalAssess10k "go: Unmarshal + Assess (load incl.)" p10000 200
  gorow BenchmarkBudgetEditReassess1k "go: model.Update + Assess (edit, non-GUI half)" p1000 30
  gorow BenchmarkFirstRender "go: first render SVG, fresh process" sample 1500
  gorow BenchmarkSVG "go: render.SVG, later renders" sample 1500
  gorow BenchmarkExportAllSample "go: document.ExportAll" sample 3000
  gorow BenchmarkExportAllGenerated1k "go: document.ExportAll (pages, allocs/page, peak RSS in the Go output)" p1000 -
  gorow BenchmarkExportAllGenerated10k "go: document.ExportAll" p10000 5000
  gorow BenchmarkAssessJSON10k "go: assess --json in process (load, validate, assess, 34 MB JSON)" p10000 200
  gorow BenchmarkAssessJSON1k "go: assess --json in process" p1000 -
  gorow BenchmarkValidateCommand10k "go: validate in process" p10000 -
  gorow BenchmarkWriteResultJSON10k "go: JSON result alone" p10000 -
  gorow BenchmarkInventoryImport10k "go: import 10,000-row inventory (read + match + apply)" p10000 1000
  gorow BenchmarkPcapParse "go: pcap parsing, 64 MB (see MB/s in the Go output)" - -
  gorow BenchmarkReconcile10k "go: reconcile 10,000 assets, 100,000 flows" p10000 1000
  for b in $gui_benches; do
    budget=-
    case $b in
      *Open10000*) budget=1000 ;;
      *PanZoom*) budget=33 ;;
      *FindTyping*) budget=50 ;;
      *First*|*Start*) budget=1500 ;;
      *Edit*|*Reassess*) budget=30 ;;
    esac
    plant=p1000
    case $b in *10000*|*10k*|*LargePlant*) plant=p10000 ;; *100Asset*) plant=- ;; esac
    subs=$(grep -oE "^$b/[A-Za-z0-9_]+" "$work/gb" | sort -u || true)
    if [ -n "$subs" ]; then # sub-benchmarks: one row each
      for sb in $subs; do gorow "$sb" "go: GUI $sb" "$plant" "$budget"; done
    else
      gorow "$b" "go: GUI $b" "$plant" "$budget"
    fi
  done
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "Zonewise budgets (docs/PERFORMANCE.md) — $(date -u '+%F %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/{printf "%.0f GB RAM", $2/1048576}' /proc/meminfo), $(go env GOVERSION 2>/dev/null || true), $("$PYTHON" --version 2>&1 || true)"
echo "Load average (1, 5, 15 min): $load_before before, $load_after after ($(( $(date +%s) - started )) s)"
echo "Plants (--seed 1): sample = zonewise sample (${SIZE[sample]}); p1000 = generate --zones 50 --assets 1000 (${SIZE[p1000]});"
echo "p10000 = generate --zones 500 --assets 10000 (${SIZE[p10000]})$([ "$BIG" = 1 ] && echo "; p30000 = generate --zones 1500 --assets 30000 (${SIZE[p30000]})")"
echo
echo "| work | plant | assets | runs | ms (median) | CPU ms | memory (MB) | per 1k assets | budget |"
echo "|---|---|---:|---:|---:|---:|---|---:|---|"
printf '%s\n' "${rows[@]}"
echo
echo "ms: wall time (process rows: /usr/bin/time, 10 ms resolution, process start included; GUI rows: launch to first painted"
echo "frame; go rows: ns/op of b.Loop). CPU ms: user + system time (process rows: of the process, median; go rows: cpu-ms/op"
echo "where the benchmark reports it). On a machine shared with other work, CPU ms is the closer estimate of what an idle"
echo "machine shows. memory: peak resident set of the process (the largest of the runs); go rows: bytes allocated per op."
echo "per 1k assets: (value at this size − at the previous size) × 1000 / assets added, p1000 → p10000 → p30000: CPU ms"
echo "(go rows without cpu-ms/op: wall ms) and peak RSS MB. Equal or falling from one step to the next = linear or better."
echo "p30000 commands run once each. \"no Graphviz start-up\": GODEBUG=inittrace=1 shows under 1 ms of go-graphviz and wazero"
echo "initialisation before main."
