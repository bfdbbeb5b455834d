#!/usr/bin/env bash
# Smoke test of the Windows build under Wine (Debian's wine64) and Xvfb:
# the command line writes, validates, assesses, renders and exports the sample
# plant (every command must work: a missing one is a failure), then
# the window starts on the sample plant and a screenshot is taken.
# Usage: .ci/wine-smoke.sh [EXE] (default dist/zonewise.exe; `make dist` first)
# OUT=dir sets where the work files and the screenshot go (default dist/wine-smoke).
#
# Under Windows a GUI-subsystem exe is not attached to the console, so its
# output is lost unless redirected; under Wine, stdout and stderr are plain
# pipes here and are captured. The exit codes are the program's under both.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(realpath "${1:-dist/zonewise.exe}")
out=${OUT:-dist/wine-smoke}
[ -f "$exe" ] || { echo "wine-smoke: $exe not found; run make dist first" >&2; exit 1; }

DEBS="wine wine64 xvfb xauth imagemagick" ./.ci/debs.sh
WINE=$(command -v wine || command -v wine64 || true)
[ -n "$WINE" ] || { echo "wine-smoke: no wine binary after installing wine" >&2; exit 1; }

mkdir -p "$out"
out=$(realpath "$out")
rm -f "$out"/*.out "$out"/*.err "$out"/x.json "$out"/x.pdf "$out"/x.svg "$out"/gui.png
work=$(mktemp -d "${TMPDIR:-/tmp}/zonewise-wine.XXXXXX")
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64
xvfb=
cleanup() {
  [ -n "${gui:-}" ] && kill "$gui" 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1

echo "wine-smoke: $("$WINE" --version), prefix $WINEPREFIX"
timeout 300 wineboot --init >"$work/wineboot.log" 2>&1 || {
  echo "wine-smoke: wineboot failed:" >&2
  tail -5 "$work/wineboot.log" >&2
  exit 1
}

# Go programs since Go 1.24 take their random numbers from ProcessPrng in
# bcryptprimitives.dll, present on every Windows 10 and 11 but only in Wine
# 8.13 and later; Debian 12 ships Wine 8.0, where the runtime stops at once
# ("fatal error: bcryptprimitives.dll not found"). For the test only, a
# stand-in DLL built here with mingw-w64 provides ProcessPrng through
# RtlGenRandom. It goes into the throw-away prefix, never into dist/.
sys32=$WINEPREFIX/drive_c/windows/system32
if [ ! -e "$sys32/bcryptprimitives.dll" ]; then
  command -v x86_64-w64-mingw32-gcc >/dev/null || DEBS="gcc-mingw-w64-x86-64" ./.ci/debs.sh
  cat >"$work/prng.c" <<'C'
#include <windows.h>
#include <ntsecapi.h>
/* ProcessPrng fills data with len random bytes; like Windows' it never fails. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
C
  x86_64-w64-mingw32-gcc -shared -O2 -o "$sys32/bcryptprimitives.dll" "$work/prng.c" -ladvapi32
  echo "wine-smoke: this Wine has no bcryptprimitives.dll (added in Wine 8.13); using a test stand-in for ProcessPrng"
fi

fails=0
pass() { echo "  ok    $*"; }
fail() {
  echo "  FAIL  $*" >&2
  fails=$((fails + 1))
}
# run NAME ARGS... runs the exe under wine in $out, keeping stdout, stderr and
# the exit code in $out/NAME.{out,err} and $rc.
run() {
  local name=$1
  shift
  set +e
  (cd "$out" && timeout 120 "$WINE" "$exe" "$@" >"$out/$name.out" 2>"$out/$name.err")
  rc=$?
  set -e
  sed -i 's/\r$//' "$out/$name.out" "$out/$name.err"
}

echo "wine-smoke: command line"
run version --version
if [ $rc = 0 ] && grep -q '^zonewise ' "$out/version.out"; then
  pass "--version: $(cat "$out/version.out")"
else
  fail "--version: exit $rc, stdout \"$(cat "$out/version.out")\", stderr \"$(head -c 300 "$out/version.err")\""
fi

run sample-stdout sample
if [ $rc = 0 ] && head -c 1 "$out/sample-stdout.out" | grep -q '{'; then
  pass "sample to stdout: $(wc -c <"$out/sample-stdout.out") bytes of JSON (stdout of a GUI-subsystem exe reaches a pipe under wine)"
else
  fail "sample to stdout: exit $rc, $(wc -c <"$out/sample-stdout.out") bytes"
fi

run sample sample -o x.json
if [ $rc = 0 ] && [ -s "$out/x.json" ] && grep -q '"schemaVersion"' "$out/x.json"; then
  pass "sample -o x.json: $(wc -c <"$out/x.json") bytes"
else
  fail "sample -o x.json: exit $rc, $(cat "$out/sample.err")"
fi

run validate validate x.json
if [ $rc = 0 ]; then
  pass "validate x.json: exit 0"
else
  fail "validate x.json: exit $rc: $(head -c 500 "$out/validate.out" "$out/validate.err")"
fi

run validate-bad validate missing.json
if [ $rc = 1 ]; then
  pass "validate missing.json: exit 1 ($(head -1 "$out/validate-bad.err"))"
else
  fail "validate missing.json: exit $rc, want 1"
fi

run assess assess --json x.json
if [ $rc = 0 ] && head -c 1 "$out/assess.out" | grep -q '{' && grep -q '"zones"' "$out/assess.out"; then
  pass "assess --json x.json: $(wc -c <"$out/assess.out") bytes of JSON"
else
  fail "assess --json x.json: exit $rc: $(head -c 500 "$out/assess.err")"
fi

run render render x.json -o x.svg
if [ $rc = 0 ] && grep -q '<svg' "$out/x.svg" 2>/dev/null; then
  pass "render x.json -o x.svg: $(wc -c <"$out/x.svg") bytes of SVG (Graphviz in process)"
else
  fail "render -o x.svg: exit $rc: $(head -c 500 "$out/render.err")"
fi

run export export x.json --doc risk-report -o x.pdf
if [ $rc = 0 ] && [ "$(head -c 5 "$out/x.pdf" 2>/dev/null)" = "%PDF-" ]; then
  pass "export --doc risk-report -o x.pdf: $(wc -c <"$out/x.pdf") bytes, $(grep -ao '/Type */Pages*' "$out/x.pdf" | grep -c 'Page$') pages"
else
  fail "export --doc risk-report: exit $rc: $(head -c 500 "$out/export.err")"
fi

# The same commands through the Linux build, when dist/ has it: every output
# must be byte for byte the same (the project files, the assessment, the
# diagram and the PDF are deterministic, whatever the platform).
linux_pkg=$(ls dist/zonewise-*-linux-amd64.tar.xz 2>/dev/null | head -1 || true)
if [ -n "$linux_pkg" ]; then
  echo "wine-smoke: same outputs as the Linux build ($linux_pkg)"
  mkdir "$work/linux"
  tar xJf "$linux_pkg" -C "$work/linux"
  lin=$(find "$work/linux" -type f -path '*/bin/zonewise')
  same() { # same NAME FILE-FROM-WINDOWS COMMAND... compares the Linux output
    local name=$1 win=$2
    shift 2
    if [ ! -s "$win" ]; then
      fail "$name: no Windows output to compare"
      return
    fi
    (cd "$work/linux" && "$lin" "$@" >"$work/linux/$name.out" 2>/dev/null) || true
    local got=$work/linux/$name.out
    [[ " $* " == *" -o "* ]] && got=$work/linux/${*: -1}
    if cmp -s "$got" "$win"; then
      pass "$name: identical ($(sha256sum <"$win" | cut -c1-16)…)"
    else
      fail "$name: the Linux and Windows outputs differ"
    fi
  }
  cp "$out/x.json" "$work/linux/x.json"
  same "sample" "$out/sample-stdout.out" sample
  same "assess --json" "$out/assess.out" assess --json x.json
  same "render svg" "$out/x.svg" render x.json -o l.svg
  same "export risk-report" "$out/x.pdf" export x.json --doc risk-report -o l.pdf
fi

echo "wine-smoke: window (sample plant, ${WAIT:-20} s under Xvfb $display)"
(cd "$out" && exec "$WINE" "$exe" >"$out/gui.out" 2>"$out/gui.err") &
gui=$!
sleep "${WAIT:-20}"
if kill -0 "$gui" 2>/dev/null; then
  import -window root "$out/gui.png"
  pass "window still running after ${WAIT:-20} s; screenshot $out/gui.png"
  # a blank screen is a failed start even when the process lives
  colours=$(convert "$out/gui.png" -format '%k' info:)
  if [ "$colours" -gt 16 ]; then
    pass "screenshot has $colours colours"
  else
    fail "screenshot has only $colours colours: nothing drawn"
  fi
else
  set +e
  wait "$gui"
  rc=$?
  set -e
  fail "window exited with $rc within ${WAIT:-20} s: $(tail -5 "$out/gui.err")"
fi
kill "$gui" 2>/dev/null || true
gui=

if [ $fails -gt 0 ]; then
  echo "wine-smoke: $fails check(s) failed; logs in $out" >&2
  exit 1
fi
echo "wine-smoke: passed; files in $out"
