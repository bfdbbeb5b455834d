package render

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// TestMain doubles as a one-shot renderer for BenchmarkFirstRender: with
// ZONEWISE_RENDER_ONCE set, the test binary renders the fixture to SVG in a
// fresh process (go-graphviz compiling its WebAssembly module in init
// included) and exits.
func TestMain(m *testing.M) {
	if os.Getenv("ZONEWISE_RENDER_ONCE") != "" {
		p, r := fixture()
		if _, err := SVG(context.Background(), p, r, View{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// BenchmarkFirstRender measures a whole process that renders one diagram to
// SVG: start, Graphviz's WebAssembly compilation and the first layout
// (DESIGN.md §7: < 1.5 s).
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

// BenchmarkSVG measures later renders of the fixture plant.
func BenchmarkSVG(b *testing.B) {
	p, r := fixture()
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

// BenchmarkPNG measures a print-resolution PNG of the fixture plant.
func BenchmarkPNG(b *testing.B) {
	p, r := fixture()
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
