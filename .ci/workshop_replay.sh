#!/usr/bin/env bash
# Replays a workshop on the real window, as a moderator would, under Xvfb
# with xdotool (keys and clicks only) and keeps a screenshot of every step
# in out/replay/<run>/NN-step.png to be looked at by eye:
#
#   <size>          (1366x768, 1280x720) the sample plant's six views, then
#                   File ▸ New with the four standard threat actors, four
#                   zones (enterprise, DMZ, control, field) drawn and typed,
#                   three conduits, one asset of each class, two threats
#                   from the library (nothing ticked before), an SL-T cell
#                   explained, one proposal rejected with a reason and one
#                   implemented, a decision logged, the documents exported
#                   through the folder dialog, saved through the file
#                   dialog and opened again;
#   1920x1080-present  the sample in presentation mode (F5): every view,
#                   an explained cell; the window keeps the screen's size;
#   1366x768-p1k    a generated plant of 50 zones and 1,000 assets: every
#                   view, Find (Ctrl+F);
#   1366x768-de     the German interface: every view of the German sample.
#
# It exits non-zero, naming the step and keeping a screenshot, when a
# window or dialog does not appear, a file is not written or the
# application dies. What it cannot judge (cut-off labels, overlaps) is in
# the screenshots. All five runs take about 11 minutes of wall time on a
# loaded 2-core machine (about 4 minutes of CPU); one workshop run about 3.
#
#   RUNS="1366x768 1280x720 1920x1080-present 1366x768-p1k 1366x768-de"
#   BIN=./zonewise  the binary (default: built into a temporary folder)
#   WAIT=30         seconds to wait for each expected effect
#   OUT=out/replay  where the screenshots go
#
# make replay runs it (not part of make test: it takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
RUNS=${RUNS:-"1366x768 1280x720 1920x1080-present 1366x768-p1k 1366x768-de"}
WAIT=${WAIT:-30}
OUT=${OUT:-out/replay}

for tool in Xvfb xdotool xprop import convert; do
  command -v $tool >/dev/null || {
    echo "replay: $tool missing: run make test-deps" >&2
    exit 1
  }
done

work=$(mktemp -d)
XVFB='' PID=''
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
  [ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'fail "a command of the replay failed (line $LINENO)"' ERR

if [ -z "${BIN:-}" ]; then
  echo "replay: building zonewise"
  "$GO" build -tags migrated_fynedo -o "$work/zonewise" .
  BIN=$work/zonewise
fi
BIN=$(realpath "$BIN")

RUN='' STEP='' NSHOT=0 T0=$SECONDS passed=0

step() {
  STEP=$1
  echo "replay: [$RUN] $STEP"
}

fail() {
  mkdir -p "$OUT/$RUN"
  local f=$OUT/$RUN/FAILED.png
  import -display "${DISPLAY:-:0}" -window root "$f" 2>/dev/null || true
  echo "replay: FAILED at [$RUN] $STEP: $*" >&2
  echo "replay: screenshot: $f" >&2
  [ -n "${LOG:-}" ] && tail -n 40 "$LOG" >&2 || true
  exit 1
}

# shot NAME: waits until the screen has settled and keeps it as
# $OUT/$RUN/NN-NAME.png.
shot() {
  local prev='' now i
  for i in $(seq 20); do
    now=$(screen_sum)
    [ "$now" = "$prev" ] && break
    prev=$now
    sleep 0.4
  done
  NSHOT=$((NSHOT + 1))
  local f
  f=$(printf '%s/%s/%02d-%s.png' "$OUT" "$RUN" "$NSHOT" "$1")
  import -display "$DISPLAY" -window root "$f"
  check_alive
}

alive() {
  local st
  [ -r "/proc/$PID/stat" ] || return 1
  read -r _ _ st _ <"/proc/$PID/stat" || return 1
  [ "$st" != Z ]
}
check_alive() { alive || fail "the application died"; }

wait_for() {
  local desc=$1
  shift
  local end=$((SECONDS + WAIT))
  while ! "$@"; do
    alive || fail "the application died (waiting for: $desc)"
    [ $SECONDS -lt $end ] || fail "timed out waiting for: $desc"
    sleep 0.2
  done
  check_alive
}

title() { xdotool getwindowname "$WIN" 2>/dev/null; }
title_is() { [ "$(title)" = "$1" ]; }
title_has() { [[ "$(title)" == *"$1"* ]]; }
exists() { [ -e "$1" ]; }
screen_sum() { import -display "$DISPLAY" -window root -depth 8 rgb:- 2>/dev/null | cksum; }
screen_changed() { [ "$(screen_sum)" != "$1" ]; }

keys() { xdotool key --window "$WIN" "$@"; sleep 0.25; }
typ() { xdotool type --window "$WIN" --delay 25 "$1"; sleep 0.2; }
click() { xdotool mousemove --window "$WIN" "$1" "$2" click 1; sleep 0.4; }

# act DESC CMD...: runs CMD and waits until the screen changes (a dialog
# opened or closed, a view changed).
act() {
  local desc=$1 before
  shift
  before=$(screen_sum)
  "$@"
  wait_for "$desc" screen_changed "$before"
  sleep 0.4
}

drag() {
  local x0=$1 y0=$2 x1=$3 y1=$4 i
  xdotool mousemove --window "$WIN" "$x0" "$y0" mousedown 1
  for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove --window "$WIN" $((x0 + (x1 - x0) * i / 8)) $((y0 + (y1 - y0) * i / 8))
    sleep 0.04
  done
  xdotool mouseup 1
  sleep 0.5
}

# menu X N: runs the N-th entry of the menu at x=X of the menu bar.
menu() {
  act "the menu at x=$1 to open" click "$1" 14
  local i
  for ((i = 0; i < $2; i++)); do keys Down; done
  keys Return
  sleep 0.4
}
MENU_FILE=27

geometry() { xdotool getwindowgeometry "$WIN" | sed -n 's/.*Geometry: //p'; }
# fit_window stretches the window to the screen, as a window manager would
# maximise it, and checks a second later that the application kept it so.
fit_window() {
  [ "$(geometry)" = "${SCREEN_W}x$SCREEN_H" ] || xdotool windowsize "$WIN" "$SCREEN_W" "$SCREEN_H"
  sleep 1
  [ "$(geometry)" = "${SCREEN_W}x$SCREEN_H" ] || return 1
  # the last rows of the screen are the window's (the status line), not black
  [ "$(import -display "$DISPLAY" -window root png:- | convert png:- -crop "${SCREEN_W}x4+0+$((SCREEN_H - 4))" +repage -format '%[fx:mean]' info:)" != 0 ]
}

# underline: "x y w" of the selected tab's underline (primary colour, 2-3 px
# high, in the top UNDERLINE_H pixels: above the canvas's zones, whose
# blue top edges look the same).
underline() {
  import -display "$DISPLAY" -window root png:- 2>/dev/null | convert png:- -crop "${SCREEN_W}x${UNDERLINE_H:-150}+0+0" +repage \
    -fuzz 20% -fill white -opaque 'rgb(41,111,246)' -fill black +opaque white \
    -define connected-components:verbose=true -connected-components 8 null: 2>/dev/null |
    awk 'NR > 1 && $NF !~ /\(0,0,0\)|gray\(0\)/ { split($2, g, /[x+]/); if (g[2] <= 3 && g[1] >= 30 && !found) { print g[3], g[4], g[1]; found = 1 } }' || true
}

# blue_button MIN_Y: "x y" of the centre of the widest button filled with
# the primary colour below MIN_Y (a dialog's confirm button, Export).
blue_button() {
  import -display "$DISPLAY" -window root png:- 2>/dev/null | convert png:- -crop "${SCREEN_W}x$((SCREEN_H - $1))+0+$1" +repage \
    -fuzz 8% -fill white -opaque 'rgb(41,111,246)' -fill black +opaque white \
    -define connected-components:verbose=true -connected-components 8 null: 2>/dev/null |
    awk -v y0="$1" 'NR > 1 && $NF !~ /\(0,0,0\)|gray\(0\)/ { split($2, g, /[x+]/); if (g[2] >= 20 && g[2] <= 80 && g[1] > best) { best = g[1]; x = g[3] + g[1] / 2; y = g[4] + g[2] / 2 + y0 } }
      END { if (best) printf "%d %d\n", x, y }' || true
}
has_blue() { [ -n "$(blue_button "$1")" ]; }
click_blue() {
  local b
  b=$(blue_button "$1")
  [ -n "$b" ] || fail "no ${2:-confirm} button on screen"
  # shellcheck disable=SC2086
  click $b
}

# Tabs: TAB_X[i] TAB_Y are the centres of the view tabs, found once by
# clicking from the first tab to the next until the underline stops moving.
TAB_X=() TAB_Y=0
find_tabs() {
  TAB_X=()
  local u prev='' n=0 ux uy uw
  has_tab() { [ -n "$(underline)" ]; }
  wait_for "the view tabs" has_tab
  u=$(underline)
  while [ "$u" != "$prev" ] && [ $n -lt 8 ]; do
    prev=$u
    read -r ux uy uw <<<"$u"
    TAB_X+=($((ux + uw / 2)))
    TAB_Y=$((uy - 14))
    shot "view-$n"
    click $((ux + uw + 30)) $((uy - 14))
    n=$((n + 1))
    local e2=$((SECONDS + 8))
    u=$(underline)
    while [ "$u" = "$prev" ] && [ $SECONDS -lt $e2 ]; do sleep 0.3; u=$(underline); done
    sleep 0.4
    u=$(underline)
    check_alive
  done
  [ ${#TAB_X[@]} -eq 6 ] || fail "found ${#TAB_X[@]} view tabs, want 6"
}
VIEW_CANVAS=0 VIEW_THREATS=1 VIEW_LEVELS=2 VIEW_MEASURES=3 VIEW_DOCS=5
tab() {
  click "${TAB_X[$1]}" "$TAB_Y"
  sleep 0.8
}

# start RUN SIZE [ENV...] [-- ARGS]: Xvfb at SIZE and the application in a
# throw-away home (first start: the sample plant).
start() {
  RUN=$1 NSHOT=0
  local size=$2
  shift 2
  SCREEN_W=${size%x*} SCREEN_H=${size#*x}
  rm -rf "${OUT:?}/$RUN"
  mkdir -p "$OUT/$RUN"
  local tmp=$work/$RUN
  HOMEDIR=$tmp/home LOG=$tmp/app.log
  mkdir -p "$HOMEDIR"/.config "$HOMEDIR"/.cache "$HOMEDIR"/.local/share "$tmp/run"
  chmod 700 "$tmp/run"
  step "Xvfb at $size"
  exec 3>"$tmp/display"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  XVFB=$!
  exec 3>&-
  local end=$((SECONDS + WAIT))
  until [ -s "$tmp/display" ]; do
    kill -0 "$XVFB" 2>/dev/null || { cat "$tmp/xvfb.log" >&2; echo "replay: Xvfb did not start" >&2; exit 1; }
    [ $SECONDS -lt $end ] || { echo "replay: Xvfb did not start" >&2; exit 1; }
    sleep 0.1
  done
  export DISPLAY=:$(head -n1 "$tmp/display")
  x_up() { xprop -root >/dev/null 2>&1; }
  wait_for_x() {
    local end=$((SECONDS + WAIT))
    until x_up; do
      [ $SECONDS -lt $end ] || { echo "replay: display $DISPLAY does not answer" >&2; exit 1; }
      sleep 0.2
    done
  }
  wait_for_x
  local envs=() args=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift && args=("$@")
  step "start the application ${args[*]:-}"
  WIN=''
  find_window() { WIN=$(xdotool search --name 'Zonewise' 2>/dev/null | head -n1); [ -n "$WIN" ]; }
  local attempt
  for attempt in 1 2 3; do
    (cd "$HOMEDIR" && exec env HOME="$HOMEDIR" XDG_CONFIG_HOME="$HOMEDIR/.config" \
      XDG_CACHE_HOME="$HOMEDIR/.cache" XDG_DATA_HOME="$HOMEDIR/.local/share" \
      XDG_RUNTIME_DIR="$tmp/run" ZONEWISE_RECOVERY_DIR="$tmp/recovery" \
      ZONEWISE_NO_GUIDE=1 LANG=en_US.UTF-8 "${envs[@]}" "$BIN" "${args[@]}" >"$LOG" 2>&1) &
    PID=$!
    local end2=$((SECONDS + WAIT))
    while ! find_window && alive && [ $SECONDS -lt $end2 ]; do sleep 0.2; done
    [ -n "$WIN" ] && break
    # A fresh Xvfb now and then is not ready for GLFW although it answers
    # xprop ("Failed to detect any supported platform"): start again.
    if ! alive && grep -q 'failed to initialise GLFW' "$LOG" && [ $attempt -lt 3 ]; then
      echo "replay: [$RUN] GLFW found no display yet; starting again" >&2
      wait "$PID" 2>/dev/null || true
      sleep 2
      continue
    fi
    break
  done
  wait_for "the main window" find_window
  # The application sizes its window to the screen once it is shown; let
  # that happen before the window is stretched like a maximised one.
  sleep 3
}

stop() {
  if alive; then kill "$PID" 2>/dev/null || true; fi
  wait "$PID" 2>/dev/null || true
  PID=''
  if grep -q 'panic:' "$LOG"; then fail "the application printed a panic"; fi
  kill "$XVFB" 2>/dev/null || true
  wait "$XVFB" 2>/dev/null || true
  XVFB=''
  passed=$((passed + 1))
  echo "replay: [$RUN] done: $NSHOT screenshots in $OUT/$RUN"
}

# The right-hand properties panel: x of its fields, y of Name and Type
# (a zone's), measured from the top of the window.
props_x() { echo $((SCREEN_W - 150)); }
PROP_NAME_Y=171 PROP_TYPE_Y=366

# zone X0 Y0 X1 Y1 NAME DOWNS: draws a zone, names it and picks the type
# DOWNS entries down the Type list (Enterprise 1, DMZ 2, Control 4, Field 6).
zone() {
  drag "$1" "$2" "$3" "$4"
  click "$(props_x)" $PROP_NAME_Y
  keys ctrl+a
  typ "$5"
  act "the Type list" click "$(props_x)" $PROP_TYPE_Y
  local i
  for ((i = 0; i < $6; i++)); do keys Down; done
  keys Return
  sleep 0.5
}

# saved FILE PYTHON: checks the saved project with a Python expression over
# p (the parsed JSON).
check_saved() {
  python3 - "$1" "$2" <<'EOF' || fail "the saved project fails: $2"
import json, sys
p = json.load(open(sys.argv[1]))
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
EOF
}

workshop() {
  start "$1" "$1"
  wait_for "the sample plant in the title" title_is "Wasserwerk Nordhafen — Zonewise"
  wait_for "the window to take the screen" fit_window
  step "the sample plant: every view"
  find_tabs
  tab $VIEW_CANVAS

  step "File ▸ New"
  menu $MENU_FILE 1
  wait_for "a new project" title_is "New project — Zonewise"
  shot new-project

  # The canvas: between the tree and the properties.
  local l=$((TAB_X[0] - 40)) r=$((SCREEN_W - 300))
  local cw=$((r - l)) top=180
  local zx0=$((l + cw / 10)) zx1=$((l + cw * 4 / 10)) zx2=$((l + cw * 55 / 100)) zx3=$((l + cw * 85 / 100))
  step "four zones: Office IT (enterprise), OT DMZ, Control room, Field cell"
  zone $zx0 $top $zx1 $((top + 100)) "Office IT" 1
  shot zone-enterprise
  zone $zx0 $((top + 140)) $zx1 $((top + 240)) "OT DMZ" 2
  zone $zx2 $((top + 140)) $zx3 $((top + 260)) "Control room" 4
  zone $zx2 $((top + 300)) $zx3 $((top + 400)) "Field cell" 6
  shot zones

  step "three conduits (key C, drag from zone to zone)"
  click $((zx0 + 30)) $((top + 60)) # selects a zone: the canvas has the keys
  keys c
  drag $(((zx0 + zx1) / 2)) $((top + 70)) $(((zx0 + zx1) / 2)) $((top + 210))
  drag $((zx1 - 20)) $((top + 220)) $((zx2 + 20)) $((top + 230))
  drag $(((zx2 + zx3) / 2)) $((top + 240)) $(((zx2 + zx3) / 2)) $((top + 380))
  keys Escape
  shot conduits

  step "assets: keys 1-4 (application, embedded, host, network), click into a zone"
  click $((zx0 + 30)) $((top + 60)) # selects the zone: the canvas has the keys
  keys 3
  click $((zx0 + 30)) $((top + 60))
  keys 1
  click $((zx0 + 30)) $((top + 200))
  keys 3
  click $((zx2 + 30)) $((top + 200))
  keys 4
  click $((zx2 + 30)) $((top + 230))
  keys 2
  click $((zx2 + 30)) $((top + 360))
  keys Escape
  shot assets

  step "threats from the library: nothing ticked, actor and target shown, two ticked"
  tab $VIEW_THREATS
  act "the threat library" click $((TAB_X[0] + 180)) 130
  shot library
  # The dialog is centred: its first two candidates' ticks (by mouse: the
  # keyboard's Tab order through the dialog is not reliable enough).
  click $((SCREEN_W / 2 - 417)) $((SCREEN_H / 2 - 107))
  click $((SCREEN_W / 2 - 417)) $((SCREEN_H / 2 - 16))
  shot library-ticked
  act "the library to close" click_blue 200 "Add ticked"
  shot threats

  step "Security levels: explain the Control room's FR1"
  tab $VIEW_LEVELS
  click $((TAB_X[0] + 140)) 208
  shot levels-explained

  step "Countermeasures: reject one with a reason, implement one"
  tab $VIEW_MEASURES
  click $((TAB_X[0] + 120)) 440
  act "the reject dialog" click $((TAB_X[0] + 80)) 209
  typ "Vendor remote access is contractually excluded"
  shot reject-reason
  act "the reject dialog to close" click_blue 200 "Reject"
  shot rejected
  click $((TAB_X[0] + 120)) 480
  click $((TAB_X[0] + 220)) 209
  shot implemented
  act "Edit menu" click 70 14
  shot undo-label
  keys Escape

  step "Log decision (Ctrl+L)"
  act "the decision dialog" keys ctrl+l
  typ "Certificate-based VPN on the field cell conduit"
  keys Tab
  typ "Agreed with the plant manager"
  shot decision
  act "the decision dialog to close" click_blue 200 "Add"

  step "Documents: Export to folder… through the folder dialog"
  tab $VIEW_DOCS
  mkdir -p "$HOMEDIR/export"
  act "the folder dialog" click_blue 120 "Export to folder…"
  shot folder-dialog
  keys Tab
  keys Tab
  keys Right
  keys space # into export/
  keys shift+Tab
  keys shift+Tab # round to the confirm button
  keys space
  local f
  for f in risk-report.pdf crs.pdf policies.pdf procedures.pdf self-assessment.pdf registers.xlsx; do
    wait_for "export/$f" exists "$HOMEDIR/export/$f"
  done
  sleep 1
  shot export-finished
  act "the 'Export finished' message to close" keys Tab space

  step "Save (Ctrl+S) through the file dialog, open it again (Ctrl+O)"
  act "the save dialog" keys ctrl+s
  keys ctrl+a
  typ "workshop.zonewise.json"
  keys Return
  # the dialog opens in the folder last used: export/
  local saved=$HOMEDIR/export/workshop.zonewise.json
  wait_for "export/workshop.zonewise.json" exists "$saved"
  wait_for "a clean title" title_is "New project — Zonewise"
  "$BIN" validate "$saved" >/dev/null || fail "the saved project does not validate"
  check_saved "$saved" "len(p['threatActors']) == 4"
  check_saved "$saved" "sorted((z['type'], z['purdueLevel']) for z in p['zones']) == [('control', 1), ('dmz', 3.5), ('enterprise', 4), ('field', 0)]"
  check_saved "$saved" "len(p['conduits']) == 3"
  check_saved "$saved" "sorted(set(a['class'] for a in p['assets'])) == ['embedded-device', 'host-device', 'network-device', 'software-application']"
  check_saved "$saved" "len(p['threatScenarios']) == 2"
  check_saved "$saved" "sorted(c['status'] for c in p['countermeasures']) == ['implemented', 'rejected']"
  check_saved "$saved" "any(c.get('reason') for c in p['countermeasures'] if c['status'] == 'rejected')"
  check_saved "$saved" "len(p['decisions']) == 1"
  menu $MENU_FILE 1
  gone() { [ ! -e "$1" ]; }
  wait_for "the saved project's lock to go after File ▸ New" gone "$saved.lock"
  act "the File menu" click $MENU_FILE 14
  keys Down
  keys Down
  keys Down # Open recent
  keys Right
  keys Return
  wait_for "the saved project open again" exists "$saved.lock"
  sleep 1
  tab $VIEW_CANVAS
  shot reopened
  check_alive
  stop
}

presentation() {
  start "$1-present" "$1"
  wait_for "the sample plant in the title" title_is "Wasserwerk Nordhafen — Zonewise"
  wait_for "the window to take the screen" fit_window
  click $((SCREEN_W / 2)) $((SCREEN_H - 12))
  wait_for "the window to take the screen" fit_window
  local g0 g
  g0=$(geometry)
  act "presentation mode" keys F5
  sleep 1
  g=$(geometry)
  [ "$g" = "$g0" ] || fail "presentation mode resized the window from $g0 to $g"
  UNDERLINE_H=240 # larger text: the tabs sit lower
  step "every view in presentation mode"
  find_tabs
  tab $VIEW_LEVELS
  click $((TAB_X[0] + 230)) $((TAB_Y + 190))
  shot levels-explained
  tab $VIEW_CANVAS
  act "presentation mode to end" keys F5
  sleep 1
  g=$(geometry)
  [ "$g" = "$g0" ] || fail "leaving presentation mode resized the window from $g0 to $g"
  UNDERLINE_H=150
  shot after-presentation
  stop
}

bigplant() {
  "$BIN" generate --zones 50 --assets 1000 --seed 1 -o "$work/p1k.zonewise.json" >/dev/null
  start "$1-p1k" "$1" -- open "$work/p1k.zonewise.json"
  wait_for "the 1,000-asset plant in the title" title_has "Zonewise"
  wait_for "the window to take the screen" fit_window
  sleep 2
  step "every view of the 1,000-asset plant"
  find_tabs
  tab $VIEW_CANVAS
  step "Find (Ctrl+F)"
  act "the find box" keys ctrl+f
  typ "Zone 4"
  sleep 1
  shot find
  keys Return
  sleep 1
  shot found
  stop
}

german() {
  start "$1-de" "$1" LANG=de_DE.UTF-8
  wait_for "the German sample in the title" title_has "Zonewise"
  wait_for "the window to take the screen" fit_window
  step "every view in German"
  find_tabs
  tab $VIEW_LEVELS
  click $((TAB_X[0] + 140)) 208
  shot levels-explained
  tab $VIEW_MEASURES
  click $((TAB_X[0] + 120)) 440
  shot measure-picked
  stop
}

for r in $RUNS; do
  case $r in
  *-present) presentation "${r%-present}" ;;
  *-p1k) bigplant "${r%-p1k}" ;;
  *-de) german "${r%-de}" ;;
  *) workshop "$r" ;;
  esac
done
echo "replay: $passed runs in $((SECONDS - T0))s; screenshots in $OUT/"
