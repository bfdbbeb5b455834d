// Package testtool lets tests use external programs (pdftotext and pdfinfo
// of poppler-utils) without passing by accident where they are missing.
//
// On a developer's machine a missing program skips the test that needs it,
// saying how to install it. In continuous integration (the environment
// variable CI set, as .ci/run and every common CI service do) a missing
// program fails the test instead: a run that skipped the PDF checks would
// otherwise report success without having looked at a single page.
//
// It also gives benchmarks a CPU-time metric (ReportCPU), for figures taken
// on a machine shared with other work.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run in continuous integration: CI is set to
// anything but "", "0" or "false".
func InCI() bool {
	switch os.Getenv("CI") {
	case "", "0", "false":
		return false
	}
	return true
}

// Require returns the path of the program name, found in PATH. When it is
// missing, the test fails in CI and is skipped elsewhere; the message names
// the program and the Debian package that has it (hint, such as
// "poppler-utils"), which `make test-deps` installs.
func Require(t testing.TB, name, hint string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if InCI() {
		t.Fatalf("%s is not installed (package %s; `make test-deps` installs it): CI=%s, so a test that needs it fails rather than skips",
			name, hint, os.Getenv("CI"))
	}
	t.Skipf("%s is not installed (package %s; `make test-deps` installs it)", name, hint)
	return ""
}

// Poppler returns the path of pdftotext or pdfinfo, from poppler-utils, as
// Require does.
func Poppler(t testing.TB, name string) string {
	t.Helper()
	return Require(t, name, "poppler-utils")
}
