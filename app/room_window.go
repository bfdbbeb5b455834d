package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Preferences of the window, kept per machine (Fyne's preferences live in
// the user's configuration directory, not in the project file).
const (
	prefWindowW = "windowWidth"
	prefWindowH = "windowHeight"
)

// Sizes of the window. The content never asks for more than
// contentMinCap, so that no view and no presentation mode can push the
// window past a 1280×720 screen (a 1920×1080 laptop at 150 % scaling);
// what does not fit scrolls or is cut inside its own panel instead.
var (
	contentMinCap = fyne.NewSize(960, 540)
	// defaultWindow is the size without a screen to measure (tests).
	defaultWindow = fyne.NewSize(1280, 720)
)

// screenShare is the part of the screen a first start takes: all of its
// width and most of its height, leaving room for a task bar and the title
// bar a window manager adds.
const screenShare = 0.92

// windowSize is the size the window opens at on a screen of the given size
// (zero when unknown): the size saved on this machine when there is one,
// else nearly the whole screen; never larger than the screen and never
// smaller than the content's minimum.
func windowSize(screen, saved fyne.Size) fyne.Size {
	want := saved
	if want.Width <= 0 || want.Height <= 0 {
		want = defaultWindow
		if screen.Width > 0 && screen.Height > 0 {
			want = fyne.NewSize(screen.Width, screen.Height*screenShare)
		}
	}
	if screen.Width > 0 && screen.Height > 0 {
		want = fyne.NewSize(min(want.Width, screen.Width), min(want.Height, screen.Height))
	}
	return fyne.NewSize(max(want.Width, contentMinCap.Width), max(want.Height, contentMinCap.Height))
}

// fitToScreen sizes the window for the screen it opens on (Run, after
// Show: only then is the screen known).
func (u *ui) fitToScreen(screen fyne.Size) {
	saved := fyne.NewSize(float32(u.prefs.p.Float(prefWindowW)), float32(u.prefs.p.Float(prefWindowH)))
	u.screen = screen
	u.win.Resize(windowSize(screen, saved))
}

// saveWindowSize remembers the window's size on this machine for the next
// start (on close).
func (u *ui) saveWindowSize() {
	s := u.win.Canvas().Size()
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	u.prefs.p.SetFloat(prefWindowW, float64(s.Width))
	u.prefs.p.SetFloat(prefWindowH, float64(s.Height))
}

// cappedMin lays its one object out over its whole size but reports at most
// limit() as its minimum size: a panel whose content grows (a long name, a
// larger text in presentation mode) then scrolls or is cut inside the panel
// instead of widening the panel or the window.
type cappedMin struct{ limit func() fyne.Size }

// Layout implements fyne.Layout.
func (l cappedMin) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout.
func (l cappedMin) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		if o.Visible() {
			m = m.Max(o.MinSize())
		}
	}
	c := l.limit()
	return fyne.NewSize(min(m.Width, c.Width), min(m.Height, c.Height))
}

// capMin wraps o so that it asks for at most limit() (see cappedMin).
func capMin(o fyne.CanvasObject, limit func() fyne.Size) *fyne.Container {
	return container.New(cappedMin{limit}, o)
}

// sidePanelMin is the most a side panel (tree, properties) may ask for: a
// narrow column, so that the canvas gets the width the panels leave.
func sidePanelMin() fyne.Size { return fyne.NewSize(em(8), em(6)) }

// viewMin is the most a view asks for, so that a view never pushes the
// properties panel aside or the window past the screen.
func viewMin() fyne.Size { return fyne.NewSize(em(24), em(12)) }
