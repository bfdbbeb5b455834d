#!/usr/bin/env bash
# Builds the release packages into dist/ from a Linux machine:
#   dist/zonewise-VERSION-linux-amd64.tar.xz  fyne package: binary, icon, .desktop entry, Makefile
#   dist/zonewise.exe                         Windows GUI-subsystem exe with icon and version
#                                             resources, cross-compiled with cgo through mingw-w64
#   dist/SHA256SUMS
# Usage: .ci/dist.sh [linux] [windows]   (both when no target is named)
#
# The build runs in a scratch copy of the working tree (tracked and untracked, not
# ignored files) so that fyne's generated files (fyne.syso, fyne_metadata_init.go)
# and its Build counter in FyneApp.toml never touch the checkout, and a stale
# ./zonewise is never packaged. The Go build cache is still shared: fyne builds
# release binaries with -trimpath, whose cache keys do not depend on the
# source directory.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
export LANG=${LANG:-en_US.UTF-8}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(linux windows)
for t in "${targets[@]}"; do
  case $t in
  linux | windows) ;;
  *)
    echo "usage: $0 [linux] [windows]" >&2
    exit 2
    ;;
  esac
done
want() { [[ " ${targets[*]} " == *" $1 "* ]]; }

FYNE_TOOLS_VERSION=v1.7.4
VERSION=${VERSION:-$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)}
COMMIT=${COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  echo "dist: warning: the working tree has uncommitted changes; they are built in, the commit is marked -dirty"
  COMMIT="$COMMIT-dirty"
fi
echo "dist: zonewise $VERSION ($COMMIT)"

# Debian packages: the cgo build of Fyne for Linux, mingw-w64 for Windows, and
# binutils, file and xz for packaging and checking the results.
BUILD_DEBS="gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev"
DIST_DEBS="xz-utils file binutils"
want windows && DIST_DEBS="$DIST_DEBS gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64"
DEBS="$BUILD_DEBS $DIST_DEBS" ./.ci/debs.sh

# The fyne tool, at the version this project is packaged with.
GO=${GO:-go}
FYNE=${FYNE:-$($GO env GOPATH)/bin/fyne}
have=$("$FYNE" version 2>/dev/null || true)
if [[ $have != *"fyne cli version: $FYNE_TOOLS_VERSION"* ]]; then
  echo "dist: installing the fyne tool $FYNE_TOOLS_VERSION"
  GOBIN=$(dirname "$FYNE") $GO install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
fi
"$FYNE" version | sed 's/^/dist: /'

# Version and commit reach the binary like in `make build`. fyne package has no
# -ldflags option but passes on the -ldflags= entries of GOFLAGS.
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-ldflags=-X=zonewise/cli.Version=$VERSION -ldflags=-X=zonewise/cli.Commit=$COMMIT"

stage=$(mktemp -d "${TMPDIR:-/tmp}/zonewise-dist.XXXXXX")
trap 'rm -rf "$stage"' EXIT
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | tar -c --null -T - -f - | tar -x -C "$stage" -f -

# pecheck EXE prints and checks what Windows reads from the PE headers: the GUI
# subsystem (no console window), and the icon, version and manifest resources.
pecheck() {
  local exe=$1 ok=1 dump sub types t vs
  echo "dist: windows: checks of $exe"
  echo "  file: $(file -b "$exe")"
  dump=$(x86_64-w64-mingw32-objdump -p "$exe")
  sub=$(grep -m1 '^Subsystem' <<<"$dump" | tr -s '\t ' ' ' || true)
  echo "  objdump -p: $sub"
  [[ $sub == *"(Windows GUI)"* ]] || { echo "  FAIL: subsystem is not Windows GUI" >&2; ok=0; }
  # The resource types of the .rsrc directory (its top-level entries):
  # 3 RT_ICON, 14 RT_GROUP_ICON, 16 RT_VERSION, 24 RT_MANIFEST.
  types=
  for t in $(awk '/The .rsrc Resource Directory section/ { r = 1 }
    r && /^[0-9a-f]+   Entry: ID: 0x/ { sub(",", "", $4); sub("0x", "", $4); print $4 }' <<<"$dump"); do
    types+="$((16#$t)) "
  done
  echo "  .rsrc resource types: ${types% } (3 icon, 14 icon group, 16 version, 24 manifest)"
  for t in 3 14 16 24; do
    [[ " $types" == *" $t "* ]] || { echo "  FAIL: no resource of type $t" >&2; ok=0; }
  done
  vs=$(strings -el "$exe" | grep -A1 -x -E 'ProductName|ProductVersion|FileVersion|FileDescription' |
    grep -v -- '--' | paste -sd ' ' || true)
  echo "  version info: $vs"
  [[ $vs == *"ProductVersion $VERSION."* ]] || { echo "  FAIL: ProductVersion is not $VERSION.*" >&2; ok=0; }
  [ $ok = 1 ] || exit 1
  echo "  PE checks passed"
}

mkdir -p dist

if want linux; then
  echo "dist: linux: fyne package -os linux --release"
  rm -f dist/zonewise-*-linux-amd64.tar.xz
  cp FyneApp.toml "$stage/FyneApp.toml" # fyne package counts Build up in it after each package
  (cd "$stage" && CGO_ENABLED=1 GOOS=linux GOARCH=amd64 "$FYNE" package -os linux --release)
  mv "$stage/Zonewise.tar.xz" "dist/zonewise-$VERSION-linux-amd64.tar.xz"
  echo "dist: linux: contents of dist/zonewise-$VERSION-linux-amd64.tar.xz"
  tar tvJf "dist/zonewise-$VERSION-linux-amd64.tar.xz" | sed 's/^/  /'
  x=$(mktemp -d "$stage/x.XXXXXX")
  tar xJf "dist/zonewise-$VERSION-linux-amd64.tar.xz" -C "$x"
  bin=$(find "$x" -type f -path '*/bin/zonewise')
  echo "dist: linux: $(file -b "$bin" | cut -d, -f1-2)"
  got=$("$bin" --version)
  echo "dist: linux: $got"
  [ "$got" = "zonewise $VERSION ($COMMIT)" ] || {
    echo "dist: linux: --version says \"$got\", want \"zonewise $VERSION ($COMMIT)\"" >&2
    exit 1
  }
fi

if want windows; then
  echo "dist: windows: fyne package -os windows --release (CC=x86_64-w64-mingw32-gcc)"
  rm -f dist/zonewise.exe
  cp FyneApp.toml "$stage/FyneApp.toml"
  # fyne package writes fyne.syso (icon, manifest, version info) into the
  # source folder and builds with -H=windowsgui; the exe is named after
  # FyneApp.toml. Without an existing --exe it builds twice, and the first
  # build consumes the -ldflags of GOFLAGS, so that the exe it keeps would say
  # "0.1.0 (dev)": an empty placeholder skips the first build.
  : >"$stage/zonewise.exe"
  (cd "$stage" && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
    CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
    "$FYNE" package -os windows --release --exe zonewise.exe)
  mv "$stage/Zonewise.exe" dist/zonewise.exe
  pecheck dist/zonewise.exe
  if grep -aqF "$COMMIT" dist/zonewise.exe; then
    echo "  commit $COMMIT is stamped in (zonewise.exe --version prints it)"
  else
    echo "dist: windows: commit $COMMIT is not in the exe: the -X linker flags were lost" >&2
    exit 1
  fi
fi

# The checksums of what this run built; a failure to write them fails the
# build (a release without SHA256SUMS, or with a stale one, must not pass).
sums=()
want linux && sums+=("zonewise-$VERSION-linux-amd64.tar.xz")
want windows && sums+=(zonewise.exe)
(cd dist && sha256sum -- "${sums[@]}" >SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)
(cd dist && sha256sum --check --quiet SHA256SUMS)
echo "dist: SHA256SUMS:"
sed 's/^/  /' dist/SHA256SUMS
echo "dist: done"
ls -l dist | sed 's/^/  /'
