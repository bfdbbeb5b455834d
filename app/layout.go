package app

import (
	"context"
	"math"
	"time"

	"zonewise/model"
	"zonewise/render"
)

// layoutTimeout bounds one Graphviz layout, so that a huge plant cannot
// leave the button busy for ever.
const layoutTimeout = 60 * time.Second

// autoLayout arranges zones and assets in Purdue bands with Graphviz
// (render.AutoLayout). The layout runs on a copy of the project in a
// goroutine; its result comes back through fyne.Do and is applied as one
// undoable command ("Auto-layout"). Edits made meanwhile are kept: the
// command only moves zones and assets that still exist.
func (u *ui) autoLayout() {
	if u.layoutRunning {
		return
	}
	u.layoutRunning = true
	u.status.SetText("Auto-layout: Graphviz is arranging the plant…")
	snapshot := model.CloneProject(u.doc.Project)
	background(func() (*render.Layout, error) {
		ctx, cancel := context.WithTimeout(context.Background(), layoutTimeout)
		defer cancel()
		return render.AutoLayout(ctx, snapshot)
	}, func(l *render.Layout, err error) {
		defer func() {
			u.layoutRunning = false
			if u.afterLayout != nil {
				u.afterLayout()
			}
		}()
		if err != nil {
			u.showError(err)
			u.updateStatus()
			return
		}
		scaleLayout(l)
		if cmd := render.LayoutCommand(u.doc.Project, l); cmd != nil && u.do(cmd) {
			u.doc.History().Seal()
			u.canvas.fit()
		}
		u.updateStatus()
	})
}

// scaleLayout enlarges a Graphviz layout, whose asset rows are spaced for
// diagram text, until its rows are as far apart as the canvas's asset chips,
// so that every chip fits in its zone. The arrangement is unchanged.
func scaleLayout(l *render.Layout) {
	pitch := math.Inf(1)
	for i, a := range l.Assets {
		for _, b := range l.Assets[i+1:] {
			if a.ZoneID == b.ZoneID && math.Abs(a.Position.X-b.Position.X) < 1 {
				if d := math.Abs(a.Position.Y - b.Position.Y); d > 1 {
					pitch = min(pitch, d)
				}
			}
		}
	}
	if math.IsInf(pitch, 1) {
		return // no two assets share a zone column: nothing to fit
	}
	k := (assetH + assetGap) / pitch
	if k <= 1 {
		return
	}
	l.Width, l.Height = l.Width*k, l.Height*k
	for i := range l.Zones {
		b := &l.Zones[i].Bounds
		b.X, b.Y, b.W, b.H = b.X*k, b.Y*k, b.W*k, b.H*k
	}
	for i := range l.Assets {
		p := &l.Assets[i].Position
		p.X, p.Y = p.X*k, p.Y*k
	}
}
