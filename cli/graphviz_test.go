package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"zonewise/render"
)

// TestCommandsThatDrawNothingStartNoGraphviz runs validate, assess,
// requirements, rules and diff in a fresh test process (so that no other
// test has started Graphviz before) and checks afterwards that the process
// never loaded Graphviz's WebAssembly module, not even in package init
// (Zonewise links a go-graphviz patched to load it on first use,
// third_party/go-graphviz/ZONEWISE.md); render, run last, must.
func TestCommandsThatDrawNothingStartNoGraphviz(t *testing.T) {
	if dir := os.Getenv("ZONEWISE_GRAPHVIZ_PROBE"); dir != "" {
		f := filepath.Join(dir, "p.zonewise.json")
		for _, args := range [][]string{
			{"validate", f},
			{"assess", f},
			{"assess", "--json", f},
			{"requirements", "--sl", "2,2,2,1,3,2,2", "--json"},
			{"rules", f, "--format", "matrix"},
			{"diff", f, f},
		} {
			var out, errb bytes.Buffer
			if code := Run(args, &out, &errb); code != ExitOK {
				t.Fatalf("%v: exit %d: %s", args, code, errb.String())
			}
			if render.GraphvizStarted() {
				t.Fatalf("%v started Graphviz", args)
			}
		}
		var out, errb bytes.Buffer
		if code := Run([]string{"render", f, "-o", filepath.Join(dir, "x.svg")}, &out, &errb); code != ExitOK {
			t.Fatalf("render: exit %d: %s", code, errb.String())
		}
		if !render.GraphvizStarted() {
			t.Fatal("render did not start Graphviz: the probe cannot see it")
		}
		return
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.zonewise.json"), sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCommandsThatDrawNothingStartNoGraphviz$", "-test.count=1")
	cmd.Env = append(os.Environ(), "ZONEWISE_GRAPHVIZ_PROBE="+dir)
	out, err := cmd.CombinedOutput()
	t.Run("validate, assess, requirements, rules and diff leave Graphviz unloaded; render loads it", func(t *testing.T) {
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	})
}
