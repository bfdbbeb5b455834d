#!/usr/bin/env bash
# Starts the real application under Xvfb on the built-in sample plant at
# each screen size, once per main view and once more per view in
# presentation mode, and writes a PNG of each to
# out/screenshots/<size>/<view>[-presentation].png. The view is chosen with
# ZONEWISE_VIEW and presentation mode with ZONEWISE_PRESENTATION; a
# throw-away HOME gives a first start with no recent project and no saved
# window size, so the sample plant opens sized to the screen. There is no
# window manager under Xvfb, so the window is then stretched to the screen
# with xdotool, as a maximised window would be.
#
#   SIZES="1366x768"   screen sizes (default 1280x720 1366x768 1920x1080)
#   VIEWS="canvas"     views (default all six)
#   OUT=dir            where the PNGs go (default out/screenshots)
#   WAIT=8             seconds from the window to the screenshot
#   XDISPLAY=68        X display number to use (default: a free one of :90..:98)
#   FILE=plant.zw      open this project instead of the sample (a generated
#                      plant: zonewise generate --zones 50 --assets 1000 -o plant.zw)
#
# make screenshots; docs/screenshots/ holds the README's picture, copied by
# hand from out/screenshots/1366x768/ after a look.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-out/screenshots}
views=${VIEWS:-"canvas threats levels countermeasures requirements documents"}
sizes=${SIZES:-"1280x720 1366x768 1920x1080"}
for tool in Xvfb import xdotool; do
  command -v $tool >/dev/null || { echo "screenshots: $tool missing (make test-deps installs xvfb, imagemagick and xdotool)" >&2; exit 1; }
done
home=$(mktemp -d)
xvfb=''
trap '[ -n "$xvfb" ] && kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
for size in $sizes; do
  w=${size%x*} h=${size#*x}
  if [ -n "${XDISPLAY:-}" ]; then
    display=:${XDISPLAY#:}
  else
    display=:$((90 + RANDOM % 9))
    while [ -e "/tmp/.X${display#:}-lock" ]; do display=:$((90 + RANDOM % 9)); done
  fi
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  mkdir -p "$out/$size"
  for v in $views; do
    for pres in "" 1; do
      rm -rf "$home"/.config "$home"/.cache "$home"/.local
      mkdir -p "$home"/.config "$home"/.cache "$home"/.local/share
      name=$v${pres:+-presentation}
      # a fresh copy each time: the killed window leaves its lock file behind
      open=()
      if [ -n "${FILE:-}" ]; then cp "$FILE" "$home/.local/plant.zw"; open=(open "$home/.local/plant.zw"); fi
      HOME=$home XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache XDG_DATA_HOME=$home/.local/share \
        DISPLAY=$display LANG=${LANG:-en_US.UTF-8} ZONEWISE_VIEW=$v ZONEWISE_NO_GUIDE=1 ZONEWISE_PRESENTATION=$pres \
        ./zonewise "${open[@]}" >"$home/log-$name" 2>&1 &
      pid=$!
      win=''
      for _ in $(seq 100); do
        win=$(DISPLAY=$display xdotool search --name Zonewise 2>/dev/null | head -n1 || true)
        [ -n "$win" ] && break
        sleep 0.2
      done
      [ -n "$win" ] || { echo "screenshots: no window for $name:" >&2; tail -n 20 "$home/log-$name" >&2; exit 1; }
      sleep "${WAIT:-8}"
      DISPLAY=$display xdotool windowsize "$win" "$w" "$h" 2>/dev/null || true
      # A loaded machine draws slowly: wait until two frames a second
      # apart are the same (at most 30 s more).
      prev='' now=''
      for _ in $(seq 30); do
        sleep 1
        now=$(DISPLAY=$display import -window root -depth 8 rgb:- 2>/dev/null | cksum)
        [ "$now" = "$prev" ] && break
        prev=$now
      done
      DISPLAY=$display import -window root "$out/$size/$name.png"
      kill $pid 2>/dev/null || true
      wait $pid 2>/dev/null || true
      echo "screenshots: $out/$size/$name.png"
    done
  done
  kill $xvfb 2>/dev/null || true
  wait $xvfb 2>/dev/null || true
  xvfb=''
done
