package render

import (
	"context"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

func TestLargeGraphEffort(t *testing.T) {
	big, _ := bigPlant(200, 1000)
	for _, tc := range []struct {
		name string
		p    *model.Project
		want bool
	}{
		{"the sample plant is laid out with the full search", model.Sample(), false},
		{"a 200-zone plant is laid out with less search effort", big, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Contains(string(DOT(tc.p, nil, View{})), largeGraphEffort); got != tc.want {
				t.Errorf("DOT has %q: %v, want %v", largeGraphEffort, got, tc.want)
			}
		})
	}
}

// BenchmarkSVGGenerated10k renders the plant of `zonewise generate --zones
// 500 --assets 10000` (about 1,100 Graphviz nodes), assessed, to SVG: the
// diagram of the largest plant the bench script times.
func BenchmarkSVGGenerated10k(b *testing.B) {
	p := model.Generate(500, 10000, 1)
	cat, err := risk.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	r := risk.Assess(p, cat)
	ctx := context.Background()
	if _, err := SVG(ctx, p, r, View{}); err != nil { // Graphviz started
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := SVG(ctx, p, r, View{}); err != nil {
			b.Fatal(err)
		}
	}
}
