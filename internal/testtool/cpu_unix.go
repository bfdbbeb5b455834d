//go:build unix

package testtool

import (
	"syscall"
	"testing"
	"time"
)

// CPUTime is the user plus system time the process has used so far.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportCPU adds a "cpu-ms/op" metric from since, the process CPU time when
// the loop started: on a machine shared with other work, CPU time per
// operation is closer to the wall time an idle machine would show than
// ns/op is (for work on one goroutine; the collector's helpers add to it).
func ReportCPU(b *testing.B, since time.Duration) {
	if n := b.N; n > 0 && since > 0 {
		b.ReportMetric(float64(CPUTime()-since)/float64(n)/1e6, "cpu-ms/op")
	}
}
