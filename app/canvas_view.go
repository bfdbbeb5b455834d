package app

import (
	"fyne.io/fyne/v2"

	"zonewise/model"
)

// The canvas's view control beyond pan and zoom steps: where an object is
// drawn, bringing it into view at a readable zoom, and the point the zoom
// keys and buttons zoom about.

// detailZoom is the zoom from which asset chips are drawn with their names
// (semantic zoom): below it a chip's text would be smaller than the eye can
// read on a projector, and each zone shows a summary of its assets instead.
const detailZoom = 0.55

// boundsOf is the model rectangle the canvas draws r in: a zone's box, an
// asset's chip (its zone's box while the chip is not placed), the zones a
// conduit joins, or a scenario's target; false when r is not drawn.
func (c *zoneCanvas) boundsOf(r ref) (model.Rect, bool) {
	p := c.sess.doc.Project
	switch r.Kind {
	case kindZone:
		if z := p.Zone(r.ID); z != nil {
			return z.Bounds, true
		}
	case kindAsset:
		if b, ok := c.chipRect(r.ID); ok {
			return b, true
		}
		if a := p.Asset(r.ID); a != nil {
			return c.boundsOf(ref{kindZone, a.ZoneID})
		}
	case kindConduit:
		cd := p.Conduit(r.ID)
		if cd == nil {
			return model.Rect{}, false
		}
		var u model.Rect
		found := false
		for _, id := range cd.ZoneIDs {
			if z := p.Zone(id); z != nil {
				if !found {
					u, found = z.Bounds, true
					continue
				}
				u = union(u, z.Bounds)
			}
		}
		return u, found
	case kindScenario:
		if s := p.Scenario(r.ID); s != nil {
			return c.boundsOf(ref{kindOfTarget(s.TargetKind), s.TargetID})
		}
	}
	return model.Rect{}, false
}

func union(a, b model.Rect) model.Rect {
	x, y := min(a.X, b.X), min(a.Y, b.Y)
	return model.Rect{X: x, Y: y, W: max(a.X+a.W, b.X+b.W) - x, H: max(a.Y+a.H, b.Y+b.H) - y}
}

// zoomTo centres the canvas on r and zooms so that it can be read: a zone
// or conduit fills the view (up to 150 %), an asset is shown with its name
// and its neighbours (at least detailZoom, never less than now).
func (c *zoneCanvas) zoomTo(r ref) {
	b, ok := c.boundsOf(r)
	if !ok || c.Size().Width < 10 {
		return
	}
	c.userView = true
	if r.Kind == kindAsset {
		z := min(max(c.zoom, detailZoom*1.6, chipZoom()*1.1), maxZoom)
		s := c.Size()
		c.zoom = z
		c.offset = fyne.NewPos(s.Width/2-float32(b.X+b.W/2)*z, s.Height/2-float32(b.Y+b.H/2)*z)
		c.redraw()
		return
	}
	c.showRect(b, 40, 1.5)
}

// centre is the point the zoom keys, buttons and menu items zoom about: the
// centre of the selection when it is on screen (the selection stays where
// it is), else the centre of the view after panning the selection there;
// with nothing selected, the centre of the view.
func (c *zoneCanvas) centre() fyne.Position {
	s := c.Size()
	mid := fyne.NewPos(s.Width/2, s.Height/2)
	b, ok := c.boundsOf(c.sess.sel.primary())
	if !ok {
		return mid
	}
	tl, size := c.screenRect(b)
	at := tl.Add(fyne.NewPos(size.Width/2, size.Height/2))
	if at.X >= 0 && at.Y >= 0 && at.X <= s.Width && at.Y <= s.Height {
		return at
	}
	c.offset = c.offset.Add(mid.Subtract(at))
	return mid
}

// zoomBy zooms by factor around the widget position at (the pointer for
// the wheel, centre() for keys and buttons). Zooming out stops at minZoom,
// or at the zoom that shows the whole plant when that is lower.
func (c *zoneCanvas) zoomBy(factor float32, at fyne.Position) {
	c.userView = true
	nz := min(max(c.zoom*factor, c.floorZoom()), maxZoom)
	mx, my := c.toModel(at)
	c.zoom = nz
	c.offset = fyne.NewPos(at.X-float32(mx)*nz, at.Y-float32(my)*nz)
	c.redraw()
}
