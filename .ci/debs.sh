#!/usr/bin/env bash
# Installs the Debian packages named in $DEBS that are missing: with apt-get
# as root, through sudo otherwise; elsewhere it says plainly what is missing.
set -euo pipefail
read -r -a want <<<"${DEBS:?DEBS is empty}"

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "zonewise: this is not a Debian/Ubuntu system; make sure these (or your system's equivalents) are installed:" >&2
  echo "  ${want[*]}" >&2
  exit 0
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
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
