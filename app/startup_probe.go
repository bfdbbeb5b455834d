package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

// probeStartup supports the "GUI start to first frame" budget
// (docs/PERFORMANCE.md). When ZONEWISE_STARTUP_PROBE is set, it waits until
// the event loop runs with the main window shown and until the window has
// painted everything start-up drew (the frame at the window's final size,
// with the plant fitted: no repaint pending), prints the wall-clock time as
// "first-frame-unix-ns N" on standard output and quits. .ci/bench.sh
// subtracts the time at which it launched the process.
func probeStartup(a fyne.App, w fyne.Window) {
	if os.Getenv("ZONEWISE_STARTUP_PROBE") == "" {
		return
	}
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			// The window repaints on the event loop's next tick once
			// something changed; wait for that paint (at most 5 s).
			for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
				pending := false
				fyne.DoAndWait(func() { pending = repaintPending(w.Canvas()) })
				if !pending {
					break
				}
			}
			fyne.DoAndWait(func() { _ = w.Canvas().Capture() })
			fmt.Printf("first-frame-unix-ns %d\n", time.Now().UnixNano())
			fyne.Do(a.Quit)
		}()
	})
}

// repaintPending reports whether the window still has to paint a change
// (the GL driver's canvas; false for any other). It leaves the flag as it
// was: it runs on the event loop's goroutine, like the paint.
func repaintPending(c fyne.Canvas) bool {
	d, ok := c.(interface {
		CheckDirtyAndClear() bool
		SetDirty()
	})
	if !ok {
		return false
	}
	if d.CheckDirtyAndClear() {
		d.SetDirty()
		return true
	}
	return false
}
