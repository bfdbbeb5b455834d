//go:build !unix

package testtool

import (
	"testing"
	"time"
)

// CPUTime is 0 where the process CPU time is not read.
func CPUTime() time.Duration { return 0 }

// ReportCPU reports nothing where the process CPU time is not read.
func ReportCPU(*testing.B, time.Duration) {}
