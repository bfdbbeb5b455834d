package document

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"zonewise/model"
)

// The full export of generated plants, for the plant-scale budgets of
// docs/PERFORMANCE.md: besides time, each reports the pages written, the
// allocations and bytes allocated per page, and the peak resident memory
// of the export (Linux: VmHWM after resetting it; 0 elsewhere).
func BenchmarkExportAllGenerated1k(b *testing.B)  { benchExportAll(b, 50, 1000) }
func BenchmarkExportAllGenerated10k(b *testing.B) { benchExportAll(b, 500, 10000) }

func benchExportAll(b *testing.B, zones, assets int) {
	p := model.Generate(zones, assets, 1)
	r, cat := assess(b, p)
	dir := b.TempDir()
	var pages int
	var ms0, ms1 runtime.MemStats
	var peak int64
	for b.Loop() {
		resetPeakRSS()
		runtime.ReadMemStats(&ms0)
		paths, err := ExportAll(context.Background(), p, r, cat, dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&ms1)
		peak = max(peak, peakRSS())
		pages = 0
		for _, path := range paths {
			pages += pdfPages(b, path)
		}
	}
	if pages == 0 {
		b.Fatal("no pages written")
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/float64(pages), "allocs/page")
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(pages)/1024, "KB-alloc/page")
	b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
}

// pdfPages counts the page objects of a PDF written by package pdf (which
// writes no object streams); 0 for other files.
func pdfPages(b *testing.B, path string) int {
	if filepath.Ext(path) != ".pdf" {
		return 0
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Count(data, []byte("<</Type /Page\n"))
}

// resetPeakRSS returns freed memory to the system and resets the
// process's peak resident set size, so that peakRSS measures what follows.
func resetPeakRSS() {
	runtime.GC()
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSS is the peak resident set size in bytes since resetPeakRSS, or 0
// where /proc is missing.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
