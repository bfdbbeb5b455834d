#!/usr/bin/env bash
# Real-window smoke test: builds zonewise, starts it under Xvfb in a
# throw-away home and drives it with xdotool (keys and clicks) through a
# user's day: File ▸ New, draw a zone, Ctrl+S and Save as… through the file
# dialog, Ctrl+O with "Discard changes" (recovery copy kept on Cancel, gone
# once the other project is open), Export sample…, the Documents view's
# Export to folder…, presentation mode on and off (the window keeps its
# size), undo and redo, quit.
# Every file and folder dialog is also cancelled once. After each step the
# process must still run and the files must be there.
#
# Only a real window shows what this checks: the headless tests call the
# handlers and never open Fyne's file dialogs, so a dialog that crashes on
# Show (Fyne 2.8.1 builds its content in Show) passed them.
#
#   SIZES="1366x768 1920x1080"  screen sizes to run at (default both)
#   SMOKE_WAIT=20                 seconds to wait for each expected effect
#   OUT=out/smoke                 where screenshots of a failed step go
#
# A missing tool fails (make test-deps installs them), it never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
SIZES=${SIZES:-"1366x768 1920x1080"}
WAIT=${SMOKE_WAIT:-20}
OUT=${OUT:-out/smoke}

for tool in Xvfb xdotool xprop import convert pdfinfo; do
  command -v $tool >/dev/null || {
    echo "smoke: $tool missing: run make test-deps (it installs xvfb, xdotool, x11-utils, imagemagick, poppler-utils)" >&2
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
trap 'fail "a command of the test failed (line $LINENO)"' ERR

echo "smoke: building zonewise"
"$GO" build -o "$work/zonewise" .
BIN=$work/zonewise

STEP='' SIZE='' passed=0 T0=$SECONDS

step() {
  STEP=$1
  echo "smoke: [$SIZE] $STEP${SMOKE_DEBUG:+ (at $((SECONDS - T0))s)}"
  if [ -n "${SMOKE_DEBUG:-}" ] && [ -n "${WIN:-}" ]; then
    echo "smoke:   window $(geometry), minimum $(minsize)"
  fi
}

# fail names the step, keeps a screenshot and shows the application's output.
fail() {
  mkdir -p "$OUT"
  local shot
  shot=$OUT/$SIZE-$(echo "$STEP" | tr -c 'A-Za-z0-9\n' '-' | tr -s '-').png
  import -display "$DISPLAY" -window root "$shot" 2>/dev/null || true
  echo "smoke: FAILED at [$SIZE] $STEP: $*" >&2
  echo "smoke: screenshot: $shot" >&2
  echo "smoke: application output ($LOG):" >&2
  tail -n 60 "$LOG" >&2 || true
  echo "smoke: 0 passed, 1 failed"
  exit 1
}

alive() {
  local st
  [ -r "/proc/$PID/stat" ] || return 1
  read -r _ _ st _ <"/proc/$PID/stat" || return 1
  [ "$st" != Z ]
}

check_alive() { alive || fail "the application died"; }

# wait_for DESC CMD...: polls CMD until it succeeds; fails at once when the
# application died, or after $WAIT seconds.
wait_for() {
  local desc=$1
  shift
  local end=$((SECONDS + WAIT))
  while ! "$@"; do
    alive || fail "the application died (waiting for: $desc)"
    [ $SECONDS -lt $end ] || fail "timed out waiting for: $desc"
    sleep 0.1
  done
  check_alive
}

title() { xdotool getwindowname "$WIN" 2>/dev/null; }
title_is() { [ "$(title)" = "$1" ]; }
exists() { [ -e "$1" ]; }
gone() { [ ! -e "$1" ]; }

screen_sum() { import -display "$DISPLAY" -window root -depth 8 rgb:- 2>/dev/null | cksum; }

# act DESC KEYS...: sends keys and waits until the screen shows a change
# (a dialog opened or closed), then gives the frame a moment to settle.
act_keys() {
  local desc=$1
  shift
  local before
  before=$(screen_sum)
  xdotool key --window "$WIN" "$@"
  wait_for "$desc" screen_changed "$before"
  sleep 0.3
}
screen_changed() { [ "$(screen_sum)" != "$1" ]; }

keys() { xdotool key --window "$WIN" "$@"; sleep 0.15; }
typ() { xdotool type --window "$WIN" --delay 20 "$1"; }

click() {
  xdotool mousemove --window "$WIN" "$1" "$2" click 1
  sleep 0.15
}

# menu X N [DIALOG]: opens the menu whose title is at x=X on the menu bar
# and runs its N-th entry (disabled entries count, separators do not); with
# DIALOG, waits until the screen differs both from before the menu opened
# and from the open menu (the entry ran and the menu closed).
menu() {
  local before open
  before=$(screen_sum)
  click "$1" 14
  wait_for "the menu at x=$1 to open" screen_changed "$before"
  local i
  for ((i = 0; i < $2; i++)); do keys Down; done
  open=$(screen_sum)
  keys Return
  if [ $# -ge 3 ]; then
    wait_for "$3" screen_changed_from "$before" "$open"
    sleep 0.3
  fi
}
screen_changed_from() { local now; now=$(screen_sum); [ "$now" != "$1" ] && [ "$now" != "$2" ]; }
MENU_FILE=27 MENU_EDIT=70

# Items of the File menu, as the keyboard walks them.
FILE_NEW=1 FILE_SAVE_AS=5 FILE_EXPORT_SAMPLE=6
# Items of the Edit menu: Undo, Redo, Delete selection, Find…, Add zone.
EDIT_ADD_ZONE=5

geometry() { xdotool getwindowgeometry "$WIN" | sed -n 's/.*Geometry: //p'; }
fit_window() {
  [ "$(geometry)" = "$SIZE" ] && return 0
  xdotool windowsize "$WIN" "$SCREEN_W" "$SCREEN_H"
  sleep 0.2
  [ "$(geometry)" = "$SIZE" ]
}

minsize() { xprop -id "$WIN" WM_NORMAL_HINTS | sed -n 's/.*minimum size: \([0-9]*\) by \([0-9]*\).*/\1x\2/p'; }
minsize_is() { [ "$(minsize)" = "$1" ]; }
minsize_not() { local m; m=$(minsize); [ -n "$m" ] && [ "$m" != "$1" ]; }

# recovery_of PATH: the recovery file the application keeps for PATH.
recovery_of() {
  local key
  key=$(printf '%s' "$1" | sha256sum | cut -c1-16)
  echo "$RECOVERY/$key.zonewise.json"
}

zones_in() { grep -c '"name": "Zone [0-9]*"' "$1" || true; }
has_zones() { [ "$(zones_in "$1")" = "$2" ]; }

valid() {
  "$BIN" validate "$1" >/dev/null 2>&1 || fail "$1 is not a valid project: $("$BIN" validate "$1" 2>&1 | head -5)"
}

# underline: "x y w" of the selected tab's underline (a thin run of the
# primary colour under the tab bar).
underline() {
  import -display "$DISPLAY" -window root png:- 2>/dev/null | convert png:- -crop "${SCREEN_W}x$((SCREEN_H / 3))+0+0" +repage \
    -fuzz 20% -fill white -opaque 'rgb(41,111,246)' -fill black +opaque white \
    -define connected-components:verbose=true -connected-components 8 null: 2>/dev/null |
    awk 'NR > 1 && $NF !~ /\(0,0,0\)|gray\(0\)/ { split($2, g, /[x+]/); if (g[2] <= 3 && g[1] >= 30 && !found) { print g[3], g[4], g[1]; found = 1 } }' || true
}

# blue_button MIN_Y: "x y" of the centre of the widest button filled with
# the primary colour below MIN_Y (Export to folder… in the Documents view).
blue_button() {
  import -display "$DISPLAY" -window root png:- 2>/dev/null | convert png:- -crop "${SCREEN_W}x$((SCREEN_H - $1))+0+$1" +repage \
    -fuzz 8% -fill white -opaque 'rgb(41,111,246)' -fill black +opaque white \
    -define connected-components:verbose=true -connected-components 8 null: 2>/dev/null |
    awk -v y0="$1" 'NR > 1 && $NF !~ /\(0,0,0\)|gray\(0\)/ { split($2, g, /[x+]/); if (g[2] >= 20 && g[2] <= 80 && g[1] > best) { best = g[1]; x = g[3] + g[1] / 2; y = g[4] + g[2] / 2 + y0 } }
      END { if (best) printf "%d %d\n", x, y }' || true
}

run_size() {
  SIZE=$1
  SCREEN_W=${SIZE%x*} SCREEN_H=${SIZE#*x}
  local t0=$SECONDS
  local tmp=$work/$SIZE
  HOMEDIR=$tmp/home RECOVERY=$tmp/recovery LOG=$tmp/app.log
  local proj=$HOMEDIR/projects
  mkdir -p "$HOMEDIR"/.config "$HOMEDIR"/.cache "$HOMEDIR"/.local/share "$tmp/run" "$proj"
  chmod 700 "$tmp/run"
  : >"$LOG"

  step "start Xvfb at $SIZE"
  exec 3>"$tmp/display"
  Xvfb -displayfd 3 -screen 0 "${SIZE}x24" -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  XVFB=$!
  exec 3>&-
  wait_display() { [ -s "$tmp/display" ]; }
  local end=$((SECONDS + WAIT))
  until wait_display; do
    kill -0 "$XVFB" 2>/dev/null || { cat "$tmp/xvfb.log" >&2; echo "smoke: Xvfb did not start" >&2; exit 1; }
    [ $SECONDS -lt $end ] || { echo "smoke: Xvfb did not start in ${WAIT}s" >&2; exit 1; }
    sleep 0.1
  done
  export DISPLAY=:$(head -n1 "$tmp/display")

  step "start the application (first start: the sample plant)"
  (cd "$HOMEDIR" && exec env HOME="$HOMEDIR" XDG_CONFIG_HOME="$HOMEDIR/.config" \
    XDG_CACHE_HOME="$HOMEDIR/.cache" XDG_DATA_HOME="$HOMEDIR/.local/share" \
    XDG_RUNTIME_DIR="$tmp/run" ZONEWISE_RECOVERY_DIR="$RECOVERY" \
    ZONEWISE_NO_GUIDE=1 ZONEWISE_AUTOSAVE=1s LANG=en_US.UTF-8 "$BIN" >"$LOG" 2>&1) &
  PID=$!
  WIN=''
  find_window() { WIN=$(xdotool search --name 'Zonewise' 2>/dev/null | head -n1); [ -n "$WIN" ]; }
  wait_for "the main window" find_window
  wait_for "the sample plant in the title" title_is "Wasserwerk Nordhafen — Zonewise"
  # No window manager under Xvfb: the window keeps its own size unless told.
  wait_for "the window to take the screen's size" fit_window
  xdotool windowfocus "$WIN" 2>/dev/null || true
  has_minsize() { [ -n "$(minsize)" ]; }
  wait_for "the window's size hints" has_minsize
  local normal_min
  normal_min=$(minsize)
  local mw=${normal_min%x*} mh=${normal_min#*x}
  [ "$mw" -le "$SCREEN_W" ] && [ "$mh" -le "$SCREEN_H" ] ||
    fail "the window needs $normal_min, more than the $SIZE screen"

  step "File ▸ New"
  menu $MENU_FILE $FILE_NEW
  wait_for "a new project" title_is "New project — Zonewise"

  step "draw a zone on the canvas"
  local x=$((SCREEN_W * 35 / 100)) y=$((SCREEN_H * 40 / 100))
  xdotool mousemove --window "$WIN" $x $y mousedown 1
  local i
  for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove --window "$WIN" $((x + i * 25)) $((y + i * 18))
    sleep 0.03
  done
  xdotool mouseup 1
  wait_for "the title to show unsaved changes" title_is "• New project — Zonewise"

  step "Ctrl+S, then Cancel (Tab to the Cancel button, Space)"
  act_keys "the save dialog" ctrl+s
  keys Escape # Fyne's file dialog ignores Escape: it must not crash either
  act_keys "the save dialog to close" Tab space
  check_alive
  title_is "• New project — Zonewise" || fail "the project changed: title $(title)"
  [ -z "$(ls -A "$proj")" ] || fail "a cancelled save wrote $(ls "$proj")"

  step "Ctrl+S, type projects/first.zonewise.json, Enter"
  act_keys "the save dialog" ctrl+s
  keys ctrl+a
  typ "projects/first.zonewise.json"
  keys Return
  wait_for "projects/first.zonewise.json" exists "$proj/first.zonewise.json"
  wait_for "a clean title after the save" title_is "New project — Zonewise"
  valid "$proj/first.zonewise.json"
  has_zones "$proj/first.zonewise.json" 1 || fail "first.zonewise.json has $(zones_in "$proj/first.zonewise.json") zones, want 1"

  step "Save as… (Ctrl+Shift+S), then Cancel"
  act_keys "the save-as dialog" ctrl+shift+s
  act_keys "the save-as dialog to close" Tab space
  check_alive
  [ ! -e "$proj/second.zonewise.json" ] || fail "a cancelled Save as wrote a file"

  step "File ▸ Save as…, type second.zonewise.json, Enter"
  menu $MENU_FILE $FILE_SAVE_AS "the save-as dialog"
  keys ctrl+a
  typ "second.zonewise.json"
  keys Return
  wait_for "projects/second.zonewise.json" exists "$proj/second.zonewise.json"
  wait_for "the lock to move to second.zonewise.json" exists "$proj/second.zonewise.json.lock"
  wait_for "the lock of first.zonewise.json to go" gone "$proj/first.zonewise.json.lock"
  valid "$proj/second.zonewise.json"

  step "Edit ▸ Add zone, autosave writes the recovery copy"
  local rec2
  rec2=$(recovery_of "$proj/second.zonewise.json")
  menu $MENU_EDIT $EDIT_ADD_ZONE
  wait_for "the title to show unsaved changes" title_is "• New project — Zonewise"
  wait_for "the recovery copy $rec2" exists "$rec2"

  step "Ctrl+O, Discard changes, then Cancel the open dialog"
  act_keys "the unsaved-changes question" ctrl+o
  act_keys "the open dialog" Tab Tab space # Save, Discard changes, Cancel
  act_keys "the open dialog to close" shift+Tab space
  check_alive
  title_is "• New project — Zonewise" || fail "cancelling the open dialog changed the project: title $(title)"
  exists "$rec2" || fail "cancelling the open dialog after Discard changes removed the recovery copy"
  has_zones "$proj/second.zonewise.json" 1 || fail "second.zonewise.json changed on disk"

  step "Ctrl+O, Discard changes, open first.zonewise.json"
  act_keys "the unsaved-changes question" ctrl+o
  act_keys "the open dialog" Tab Tab space
  # Tab to the favourites, Tab to the files: (Parent), first, second.
  keys Tab
  keys Tab
  keys Right
  keys space
  keys shift+Tab
  keys shift+Tab # wraps round to the Open button
  keys space
  wait_for "the lock to move to first.zonewise.json" exists "$proj/first.zonewise.json.lock"
  wait_for "the lock of second.zonewise.json to go" gone "$proj/second.zonewise.json.lock"
  wait_for "a clean title" title_is "New project — Zonewise"
  wait_for "the discarded recovery copy to go once the other project is open" gone "$rec2"
  has_zones "$proj/second.zonewise.json" 1 || fail "discarded changes reached second.zonewise.json"

  step "File ▸ Export sample…, then Cancel"
  menu $MENU_FILE $FILE_EXPORT_SAMPLE "the export-sample dialog"
  act_keys "the export-sample dialog to close" Tab space
  check_alive

  step "File ▸ Export sample…, Enter"
  menu $MENU_FILE $FILE_EXPORT_SAMPLE "the export-sample dialog"
  keys Return
  wait_for "projects/sample-plant.zonewise.json" exists "$proj/sample-plant.zonewise.json"
  valid "$proj/sample-plant.zonewise.json"
  act_keys "the 'Sample exported' message to close" Tab space
  title_is "New project — Zonewise" || fail "exporting the sample changed the open project: title $(title)"

  step "Documents view (click the tab after the selected one until the last)"
  local u prev='' n=0
  u=$(underline)
  [ -n "$u" ] || fail "no selected tab found on screen"
  while [ "$u" != "$prev" ] && [ $n -lt 12 ]; do
    prev=$u
    read -r ux uy uw <<<"$u"
    click $((ux + uw + 30)) $((uy - 14))
    n=$((n + 1))
    local e2=$((SECONDS + 5))
    u=$(underline)
    while [ "$u" = "$prev" ] && [ $SECONDS -lt $e2 ]; do sleep 0.2; u=$(underline); done
    sleep 0.3 # the underline slides
    u=$(underline)
    check_alive
  done
  [ $n -ge 2 ] || fail "the tabs did not change when clicked"

  step "Export to folder…, then Cancel"
  local b
  b=$(blue_button 120)
  [ -n "$b" ] || fail "no Export to folder… button found"
  local before
  before=$(screen_sum)
  click $b
  wait_for "the folder dialog" screen_changed "$before"
  sleep 0.3
  act_keys "the folder dialog to close" shift+Tab shift+Tab space # Open, then Cancel
  check_alive

  step "Export to folder… into projects/export"
  mkdir -p "$proj/export"
  before=$(screen_sum)
  click $b
  wait_for "the folder dialog" screen_changed "$before"
  sleep 0.3
  # Tab to the favourites, Tab to the folders: (Parent), export.
  keys Tab
  keys Tab
  keys Right
  keys space # into export/
  keys shift+Tab
  keys shift+Tab # wraps round to the Open button
  keys space
  local f
  for f in risk-report.pdf crs.pdf policies.pdf procedures.pdf self-assessment.pdf registers.xlsx risk-register.csv asset-inventory.csv action-plan.csv; do
    wait_for "projects/export/$f" exists "$proj/export/$f"
  done
  pdfinfo "$proj/export/risk-report.pdf" >/dev/null 2>&1 || fail "risk-report.pdf is not a PDF"
  sleep 0.5
  act_keys "the 'Export finished' message to close" Tab space

  step "presentation mode on (F5) and off (Ctrl+Shift+P): the window keeps its size"
  click $((SCREEN_W / 2)) $((SCREEN_H - 30)) # the status line: nothing with keys of its own has focus
  local view_min before
  view_min=$(minsize)
  before=$(screen_sum)
  keys F5
  wait_for "presentation mode to change the screen" screen_changed "$before"
  sleep 0.5
  # Never past the screen (a window manager would keep a maximised window
  # as it is; Fyne may put an unmanaged one back to the size it chose).
  local g
  g=$(geometry)
  [ "${g%x*}" -le "$SCREEN_W" ] && [ "${g#*x}" -le "$SCREEN_H" ] || fail "presentation mode grew the window to $g"
  local pm
  pm=$(minsize)
  if [ "${pm%x*}" -gt "$SCREEN_W" ] || [ "${pm#*x}" -gt "$SCREEN_H" ]; then
    fail "presentation mode needs $pm, more than the $SIZE screen"
  fi
  before=$(screen_sum)
  keys ctrl+shift+p
  wait_for "presentation mode to end" screen_changed "$before"
  sleep 0.5
  g=$(geometry)
  [ "${g%x*}" -le "$SCREEN_W" ] && [ "${g#*x}" -le "$SCREEN_H" ] || fail "leaving presentation mode grew the window to $g"
  wait_for "the window to take the screen's size again" fit_window
  wait_for "the minimum size to return to $view_min" minsize_is "$view_min"
  check_alive

  step "Edit ▸ Add zone, Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z, Ctrl+S"
  menu $MENU_EDIT $EDIT_ADD_ZONE
  wait_for "the title to show unsaved changes" title_is "• New project — Zonewise"
  keys ctrl+z
  wait_for "undo back to the saved project" title_is "New project — Zonewise"
  keys ctrl+y
  wait_for "redo (Ctrl+Y)" title_is "• New project — Zonewise"
  keys ctrl+z
  wait_for "undo again" title_is "New project — Zonewise"
  keys ctrl+shift+z
  wait_for "redo (Ctrl+Shift+Z)" title_is "• New project — Zonewise"
  keys ctrl+s
  wait_for "the save without a dialog" title_is "New project — Zonewise"
  has_zones "$proj/first.zonewise.json" 2 || fail "first.zonewise.json has $(zones_in "$proj/first.zonewise.json") zones after the save, want 2"
  valid "$proj/first.zonewise.json"

  step "Ctrl+Q with unsaved changes, Cancel"
  menu $MENU_EDIT $EDIT_ADD_ZONE
  wait_for "the title to show unsaved changes" title_is "• New project — Zonewise"
  local rec1
  rec1=$(recovery_of "$proj/first.zonewise.json")
  wait_for "the recovery copy $rec1" exists "$rec1"
  act_keys "the unsaved-changes question" ctrl+q
  act_keys "the question to close" shift+Tab space # Cancel
  check_alive

  step "Ctrl+Q, Discard changes: the application exits"
  act_keys "the unsaved-changes question" ctrl+q
  keys Tab Tab space
  local end2=$((SECONDS + WAIT))
  while alive; do
    [ $SECONDS -lt $end2 ] || fail "the application did not quit"
    sleep 0.1
  done
  local rc=0
  wait "$PID" || rc=$?
  PID=''
  [ $rc -eq 0 ] || fail "the application exited with status $rc"
  gone "$rec1" || fail "quitting with Discard changes left the recovery copy"
  gone "$proj/first.zonewise.json.lock" || fail "quitting left the lock file"
  has_zones "$proj/first.zonewise.json" 2 || fail "discarded changes reached first.zonewise.json"
  if grep -q 'panic:' "$LOG"; then fail "the application printed a panic"; fi

  kill "$XVFB" 2>/dev/null || true
  wait "$XVFB" 2>/dev/null || true
  XVFB=''
  passed=$((passed + 1))
  echo "smoke: [$SIZE] passed in $((SECONDS - t0))s"
}

for s in $SIZES; do
  run_size "$s"
done
echo "smoke: every step at $SIZES in $((SECONDS - T0))s"
echo "smoke: $passed passed, 0 failed"
