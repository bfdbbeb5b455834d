package testtool

import (
	"testing"
)

// recorder stands in for a test: it records whether Require skipped or
// failed it and, like the real methods, stops there (by a panic that call
// recovers), without stopping the real test.
type recorder struct {
	testing.TB
	skipped, failed bool
}

type stopped struct{}

func (r *recorder) Helper()               {}
func (r *recorder) Skipf(string, ...any)  { r.skipped = true; panic(stopped{}) }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; panic(stopped{}) }

// call runs Require on r and returns its result, "" when it stopped.
func call(r *recorder, name string) (path string) {
	defer func() {
		if v := recover(); v != nil {
			if _, ok := v.(stopped); !ok {
				panic(v)
			}
		}
	}()
	return Require(r, name, "some-package")
}

func TestRequire(t *testing.T) {
	const missing = "zonewise-no-such-program"
	tests := []struct {
		name, ci   string
		skip, fail bool
	}{
		{"a missing program skips the test on a developer machine", "", true, false},
		{"a missing program skips the test when CI is false", "false", true, false},
		{"a missing program fails the test when CI is true", "true", false, true},
		{"a missing program fails the test under any CI value", "1", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			r := &recorder{}
			if got := call(r, missing); got != "" {
				t.Errorf("Require returned %q for a missing program", got)
			}
			if r.skipped != tt.skip || r.failed != tt.fail {
				t.Errorf("skipped %v, failed %v; want skipped %v, failed %v", r.skipped, r.failed, tt.skip, tt.fail)
			}
		})
	}
	t.Run("a present program is returned and neither skips nor fails, even in CI", func(t *testing.T) {
		t.Setenv("CI", "true")
		r := &recorder{}
		if got := call(r, "sh"); got == "" || r.skipped || r.failed {
			t.Errorf("Require(sh) = %q, skipped %v, failed %v", got, r.skipped, r.failed)
		}
	})
}
