package render

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// TestMain doubles as a one-shot renderer for BenchmarkFirstRender: with
// ZONEWISE_RENDER_ONCE set, the test binary assesses the sample plant and
// renders it to SVG in a fresh process (go-graphviz compiling its
// WebAssembly module in init included), as `zonewise render` does, and exits.
func TestMain(m *testing.M) {
	if os.Getenv("ZONEWISE_RENDER_ONCE") != "" {
		p := model.Sample()
		cat, err := risk.Builtin()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if _, err := SVG(context.Background(), p, risk.Assess(p, cat), View{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// BenchmarkFirstRender measures a whole process that renders the sample
// diagram to SVG: start, Graphviz's WebAssembly compilation (from wazero's
// compilation cache after the machine's first run), assessment and the first
// layout (budget < 1.5 s, docs/PERFORMANCE.md).
func BenchmarkFirstRender(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), "ZONEWISE_RENDER_ONCE=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

// BenchmarkSVG measures later renders of the assessed sample plant.
func BenchmarkSVG(b *testing.B) {
	p := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	r := risk.Assess(p, cat)
	ctx := context.Background()
	for b.Loop() {
		if _, err := SVG(ctx, p, r, View{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDOT measures building the DOT source alone.
func BenchmarkDOT(b *testing.B) {
	p, r := fixture()
	for b.Loop() {
		DOT(p, r, View{})
	}
}

// BenchmarkPNG measures a print-resolution (200 dpi) PNG of the sample plant.
func BenchmarkPNG(b *testing.B) {
	p := model.Sample()
	var r *risk.Result
	ctx := context.Background()
	for b.Loop() {
		if _, err := PNG(ctx, p, r, View{}, 200); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLargeSVG measures the 100-zone, 1,000-asset plant.
func BenchmarkLargeSVG(b *testing.B) {
	p, r := bigPlant(100, 1000)
	ctx := context.Background()
	for b.Loop() {
		if _, err := SVG(ctx, p, r, View{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAutoLayout measures the canvas auto-layout of the fixture plant.
func BenchmarkAutoLayout(b *testing.B) {
	p, _ := fixture()
	ctx := context.Background()
	for b.Loop() {
		if _, err := AutoLayout(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
}
