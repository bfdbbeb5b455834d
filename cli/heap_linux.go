package cli

import (
	"runtime"
	"sync/atomic"
	"syscall"
)

// heapPrepared is set once prepareHeap has grown the heap.
var heapPrepared atomic.Bool

// prepareHeap readies the Go heap for a command that is about to build
// about n bytes of data (a large plant's project and results): the heap
// is grown by n at once and that memory is marked for transparent huge
// pages (madvise MADV_HUGEPAGE; the kernel's default mode, "madvise",
// gives them only where asked), then handed back to the heap for the
// command's own objects. Touching fresh memory otherwise costs one page
// fault per 4 KiB: about 40,000 faults, a third of the CPU time of
// `assess --json` on 10,000 assets, and far more in a virtual machine.
// With huge pages it is one per 2 MiB. Where the kernel does not offer
// them the advice is ignored and nothing changes. Small plants skip this,
// and a process does it once (the heap keeps the memory).
func prepareHeap(n int64) {
	if n < 32<<20 || n > 2<<30 || heapPrepared.Swap(true) {
		return // small, absurd, or done before in this process (tests)
	}
	b := make([]byte, n)
	if syscall.Madvise(b, syscall.MADV_HUGEPAGE) != nil {
		return
	}
	b = nil
	runtime.GC() // frees b: its pages serve the next allocations
}
