# Zonewise — build, run and test. `make run` and `make test` install the
# Debian/Ubuntu packages a fresh machine lacks (as root or through sudo).

SHELL   := /bin/bash
GO      ?= go
export LANG := en_US.UTF-8
export LC_ALL :=

VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml 2>/dev/null)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X zonewise/cli.Version=$(VERSION) -X zonewise/cli.Commit=$(COMMIT)
# migrated_fynedo: every call into Fyne from another goroutine goes through
# fyne.Do (app/), so Fyne's per-call check of the calling goroutine (a
# runtime.Stack each time, about a tenth of the CPU of opening a
# 10,000-asset plant) is left out; FyneApp.toml says the same to `fyne
# package`. make smoke builds without it, so that the check still guards.
GOTAGS  := migrated_fynedo

# Packages the cgo build of Fyne needs (X11 and Wayland back ends of GLFW).
BUILD_DEBS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
              libwayland-dev libxkbcommon-dev
# Packages for screenshots and the real-window smoke test under Xvfb
# (xdotool drives the window, x11-utils has xprop, Mesa draws without a
# GPU) and for looking at PDFs.
# nftables and iptables check the generated rule sets; LibreOffice Writer
# opens the DOCX documents as a client without Word would.
TEST_DEBS  := xvfb imagemagick poppler-utils xauth xdotool x11-utils libgl1-mesa-dri nftables iptables git libreoffice-writer-nogui

DOMAIN_PKGS := ./i18n/... ./model/... ./risk/... ./render/... ./templates/... ./assets/... ./importer/... ./rules/... ./changes/... ./vault/... ./cli/...

.PHONY: all build run test deps test-deps vet importcheck selftest golden smoke replay bench screenshots fuzz dist clean

all: build

zonewise: build

build: deps
	$(GO) build -tags "$(GOTAGS)" -ldflags "$(LDFLAGS)" -o zonewise .

run: build
	./zonewise

deps:
	@DEBS="$(BUILD_DEBS)" ./.ci/debs.sh

test-deps:
	@DEBS="$(BUILD_DEBS) $(TEST_DEBS)" ./.ci/debs.sh

vet:
	$(GO) vet ./...

# The domain must not know the GUI: only app/ may import Fyne. The package
# list is taken first, so that a failing `go list` fails the check instead of
# reading as "no Fyne import".
importcheck:
	@deps=$$($(GO) list -deps $(DOMAIN_PKGS)) || { echo "importcheck: go list failed" >&2; exit 1; }; \
	[ -n "$$deps" ] || { echo "importcheck: go list listed no packages" >&2; exit 1; }; \
	bad=$$(grep '^fyne.io/' <<<"$$deps" || true); \
	if [ -n "$$bad" ]; then echo "domain packages import Fyne:"; echo "$$bad"; exit 1; fi; \
	echo "importcheck: i18n, model, risk, render, templates, assets, importer, rules, changes, vault and cli import no fyne.io package"

# The CI checks fail when they should (importcheck, debs.sh); run by .ci/run.
selftest:
	./.ci/selftest.sh

# Rewrites every golden file and stored hash (testdata/) after an intended
# change of the sample, the engine or a renderer: each package whose tests
# take -update. Review the diff before committing it.
golden:
	pkgs=$$(grep -rl --include='*_test.go' 'flag.Bool("update"' . | xargs -n1 dirname | sort -u); \
	[ -n "$$pkgs" ] || { echo "golden: no package takes -update" >&2; exit 1; }; \
	$(GO) test -count=1 $$pkgs -update

test: test-deps vet importcheck
	$(GO) test -race -count=1 -timeout 60m ./...
	GO=$(GO) ./.ci/smoke.sh

# The built binary in a real window under Xvfb, driven with xdotool through
# every file and folder dialog (part of make test; SIZES="1366x768" for one
# screen size only; a failed step leaves a screenshot in out/smoke/).
smoke: test-deps
	GO=$(GO) ./.ci/smoke.sh

# A workshop replayed on the real window under Xvfb with xdotool (new
# project, zones, conduits, assets, threats, an SL-T cell explained,
# countermeasures, a decision, export, save and reopen; the sample in
# presentation mode, a 1,000-asset plant, German), a screenshot per step in
# out/replay/<run>/. Several minutes: not part of make test.
replay: test-deps
	GO=$(GO) ./.ci/workshop_replay.sh

# The performance budgets of docs/PERFORMANCE.md: whole-process timings of the command line and
# the Go benchmarks of the same paths, in one table (about 3 to 5 minutes).
bench: build
	GO=$(GO) ./.ci/bench.sh

screenshots: build test-deps
	./.ci/screenshots.sh

# Release packages into dist/: the Linux archive (fyne package) and the
# Windows exe cross-compiled with mingw-w64. Not part of `make test`.
dist:
	VERSION=$(VERSION) COMMIT=$(COMMIT) ./.ci/dist.sh

# Each fuzz target for FUZZTIME (default 30s), one after the other; new
# failing inputs land in PKG/testdata/fuzz/ and are listed at the end.
fuzz:
	FUZZTIME=$(or $(FUZZTIME),30s) FUZZ='$(or $(FUZZ),.)' ./.ci/fuzz.sh

clean:
	rm -rf zonewise dist out
