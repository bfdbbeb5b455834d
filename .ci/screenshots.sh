#!/usr/bin/env bash
# Starts the real application under Xvfb on the built-in sample plant, once
# per main view, and writes a PNG of each to docs/screenshots/. The view is
# chosen with ZONEWISE_VIEW; a throw-away HOME gives a first start with no
# recent project, so the sample plant opens.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-docs/screenshots}
views=${VIEWS:-"canvas threats levels countermeasures requirements documents"}
mkdir -p "$out"
for tool in Xvfb import; do
  command -v $tool >/dev/null || { echo "screenshots: $tool missing (make test-deps installs xvfb and imagemagick)" >&2; exit 1; }
done
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
for v in $views; do
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache DISPLAY=$display \
    ZONEWISE_VIEW=$v ZONEWISE_NO_GUIDE=1 ./zonewise >"$home/log-$v" 2>&1 &
  pid=$!
  sleep "${WAIT:-6}"
  DISPLAY=$display import -window root "$out/$v.png"
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  echo "screenshots: $out/$v.png"
done
