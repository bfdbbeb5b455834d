package document

import (
	"slices"
	"testing"
)

// take hands out the jobs in their order, but holds a document back until
// the diagram is laid out and while docCap documents are being laid out.
func TestJobQueueTake(t *testing.T) {
	// jobs 0 and 1 are documents (say the CRS and the risk report), 2 and 3
	// registers; the diagram is laid out first.
	isDoc := func(i int) bool { return i == 0 || i == 1 }
	q := newJobQueue([]int{diagramJob, 0, 1, 2, 3}, isDoc, 1, false)
	var got []int
	step := func(want int) {
		t.Helper()
		i, ok, wait := q.take()
		if !ok || wait || i != want {
			t.Fatalf("after %v: take = %d, %v, %v; want job %d", got, i, ok, wait, want)
		}
		got = append(got, i)
	}
	stuck := func() {
		t.Helper()
		if i, ok, wait := q.take(); ok || !wait {
			t.Fatalf("after %v: take = %d, %v, %v; want to wait", got, i, ok, wait)
		}
	}
	step(diagramJob)
	step(2) // the documents wait for the diagram, the registers do not
	step(3)
	stuck()
	q.diagramDone = true
	q.done(diagramJob)
	step(0)
	stuck() // one document at a time
	q.done(0)
	step(1)
	q.done(1)
	if i, ok, wait := q.take(); ok || wait {
		t.Fatalf("empty queue: take = %d, %v, %v", i, ok, wait)
	}
	if want := []int{diagramJob, 2, 3, 0, 1}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

// Two documents at once on two goroutines for a large plant, one for a
// huge one, every goroutine's for a small one.
func TestDocsAtOnce(t *testing.T) {
	for _, c := range []struct{ assets, procs, want int }{
		{100, 2, 2}, {100, 8, 8}, {1999, 4, 4},
		{2000, 2, 2}, {10000, 2, 2}, {10000, 8, 2}, {10000, 1, 1},
		{19999, 2, 2}, {20000, 2, 1}, {30000, 8, 1},
	} {
		if got := docsAtOnce(c.assets, c.procs); got != c.want {
			t.Errorf("docsAtOnce(%d, %d) = %d, want %d", c.assets, c.procs, got, c.want)
		}
	}
}

// The CRS and the risk report go first, then the workbooks, then the rest
// in their order.
func TestJobRankOrder(t *testing.T) {
	kinds := []string{"risk-register", "risk-report", "crs", "policies", KindRegisters, KindSelfAssessmentWorkbook, "self-assessment"}
	slices.SortStableFunc(kinds, func(a, b string) int { return jobRank(a) - jobRank(b) })
	want := []string{"crs", "risk-report", KindRegisters, KindSelfAssessmentWorkbook, "risk-register", "policies", "self-assessment"}
	if !slices.Equal(kinds, want) {
		t.Errorf("order %v, want %v", kinds, want)
	}
}
