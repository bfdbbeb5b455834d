package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// primaryScreen is the size of the primary screen in Fyne's units (the
// video mode divided by the window's scale), read from GLFW, which Fyne's
// desktop driver has initialised by the time the window is shown. Fyne has
// no call for it, and without it the window cannot open sized to the
// screen. Call it on the main goroutine after Show; false when there is no
// screen to ask (GLFW reports errors by panicking).
func primaryScreen(w fyne.Window) (size fyne.Size, ok bool) {
	defer func() {
		if recover() != nil {
			size, ok = fyne.Size{}, false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	vm := m.GetVideoMode()
	if vm == nil || vm.Width <= 0 || vm.Height <= 0 {
		return fyne.Size{}, false
	}
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(vm.Width)/scale, float32(vm.Height)/scale), true
}
