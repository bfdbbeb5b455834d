package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

// probeStartup supports the "GUI start to first frame" budget (< 1.5 s,
// docs/PERFORMANCE.md). When ZONEWISE_STARTUP_PROBE is set, it waits until the event loop runs
// with the main window shown, has the window's canvas rendered once
// (Capture paints the full frame), prints the wall-clock time as
// "first-frame-unix-ns N" on standard output and quits. .ci/bench.sh
// subtracts the time at which it launched the process.
func probeStartup(a fyne.App, w fyne.Window) {
	if os.Getenv("ZONEWISE_STARTUP_PROBE") == "" {
		return
	}
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			fyne.DoAndWait(func() { _ = w.Canvas().Capture() })
			fmt.Printf("first-frame-unix-ns %d\n", time.Now().UnixNano())
			fyne.Do(a.Quit)
		}()
	})
}
