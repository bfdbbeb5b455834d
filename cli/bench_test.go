package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"zonewise/internal/testtool"
	"zonewise/model"
	"zonewise/risk"
)

// The command line in process, on the plant of `zonewise generate --zones
// 500 --assets 10000 --seed 1` (11 MB): what the process rows of
// .ci/bench.sh time, without the process start. Output is discarded.

// writePlant writes `zonewise generate --zones zones --assets assets --seed
// 1` to a temporary file and returns its path.
func writePlant(b *testing.B, zones, assets int) string {
	b.Helper()
	data, err := model.Marshal(model.Generate(zones, assets, 1))
	if err != nil {
		b.Fatal(err)
	}
	f := filepath.Join(b.TempDir(), "p"+model.FileExt)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return f
}

// runBench runs one command per iteration and reports CPU time per run.
func runBench(b *testing.B, args ...string) {
	b.ReportAllocs()
	cpu := testtool.CPUTime()
	for b.Loop() {
		if code := Run(args, io.Discard, io.Discard); code != ExitOK {
			b.Fatalf("%v: exit %d", args, code)
		}
	}
	testtool.ReportCPU(b, cpu)
}

// BenchmarkAssessJSON10k is `zonewise assess --json`: read, decode,
// validate, assess, and the 34 MB JSON result.
func BenchmarkAssessJSON10k(b *testing.B) {
	runBench(b, "assess", "--json", writePlant(b, 500, 10000))
}

// BenchmarkAssessJSON1k is the same on 1,000 assets and 50 zones.
func BenchmarkAssessJSON1k(b *testing.B) {
	runBench(b, "assess", "--json", writePlant(b, 50, 1000))
}

// BenchmarkValidateCommand10k is `zonewise validate`.
func BenchmarkValidateCommand10k(b *testing.B) {
	runBench(b, "validate", writePlant(b, 500, 10000))
}

// BenchmarkWriteResultJSON10k is the JSON result alone (writeResultJSON).
func BenchmarkWriteResultJSON10k(b *testing.B) {
	p := model.Generate(500, 10000, 1)
	res := assessForBench(b, p)
	b.ReportAllocs()
	cpu := testtool.CPUTime()
	for b.Loop() {
		if err := writeResultJSON(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
	testtool.ReportCPU(b, cpu)
}

func assessForBench(b *testing.B, p *model.Project) *risk.Result {
	b.Helper()
	cat, err := risk.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	return risk.Assess(p, cat)
}
