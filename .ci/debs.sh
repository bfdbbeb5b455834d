#!/usr/bin/env bash
# Installs the Debian packages named in $DEBS that are missing: with apt-get
# as root, through sudo otherwise. $DEBS is a list of package names separated
# by any white space (spaces, tabs, newlines), as Makefile variables and the
# multi-line lists of the other scripts write it.
#
# Elsewhere than on Debian/Ubuntu it says plainly what to install; under CI
# (CI set to anything but "", "0" or "false") that is an error, since the
# tests would then skip or fail for want of a tool.
#
#   DRY_RUN=1   print the packages that would be installed and stop
set -euo pipefail
want=()
# Every word of every line: `read -a` alone would stop at the first newline.
while read -r -a line; do
  want+=("${line[@]}")
done <<<"${DEBS:?DEBS is empty}"
[ ${#want[@]} -gt 0 ] || { echo "debs.sh: DEBS names no package" >&2; exit 1; }

in_ci() { case ${CI:-} in "" | 0 | false) return 1 ;; esac; }

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "zonewise: this is not a Debian/Ubuntu system; make sure these (or your system's equivalents) are installed:" >&2
  echo "  ${want[*]}" >&2
  if in_ci; then
    echo "zonewise: CI=$CI: cannot install them here, stopping" >&2
    exit 1
  fi
  exit 0
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ -n "${DRY_RUN:-}" ]; then
  echo "debs.sh: wanted: ${want[*]}"
  echo "debs.sh: missing: ${missing[*]}"
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "zonewise: installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo)
else
  echo "zonewise: missing packages: ${missing[*]}" >&2
  echo "  install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
