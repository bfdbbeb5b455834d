package app

import (
	"hash/maphash"
	"math"

	"zonewise/model"
)

// stampSeed keys projectStamp's hash within one run.
var stampSeed = maphash.MakeSeed()

// projectStamp is a hash of what the tree lists and the canvas lays out:
// names, parents, zone geometry, asset places and classes, and the labels
// of the other kinds in the tree. The window refreshes every part after a
// change of selection too; with the stamp unchanged the tree keeps its
// index and the canvas its layout, so that selecting on a 10,000-asset
// plant does not sort 10,000 names again. It costs one pass over the
// project.
func projectStamp(p *model.Project) uint64 {
	var h maphash.Hash
	h.SetSeed(stampSeed)
	str := func(s string) { h.WriteString(s); h.WriteByte(0) }
	num := func(f float64) {
		b := math.Float64bits(f)
		for i := 0; i < 8; i++ {
			h.WriteByte(byte(b >> (8 * i)))
		}
	}
	num(float64(len(p.Zones)))
	str(p.Name)
	for i := range p.Zones {
		z := &p.Zones[i]
		str(string(z.ID))
		str(z.Name)
		str(string(z.ParentID))
		num(z.PurdueLevel)
		num(z.Bounds.X)
		num(z.Bounds.Y)
		num(z.Bounds.W)
		num(z.Bounds.H)
	}
	num(float64(len(p.Assets)))
	for i := range p.Assets {
		a := &p.Assets[i]
		str(string(a.ID))
		str(a.Name)
		str(string(a.ZoneID))
		str(string(a.Class))
		num(a.Position.X)
		num(a.Position.Y)
	}
	num(float64(len(p.Conduits)))
	for i := range p.Conduits {
		str(string(p.Conduits[i].ID))
		str(p.Conduits[i].Name)
	}
	num(float64(len(p.Scenarios)))
	for i := range p.Scenarios {
		str(string(p.Scenarios[i].ID))
		str(p.Scenarios[i].Name)
	}
	num(float64(len(p.Actors)))
	for i := range p.Actors {
		str(string(p.Actors[i].ID))
		str(p.Actors[i].Name)
		num(float64(p.Actors[i].Capability))
	}
	num(float64(len(p.Decisions)))
	for i := range p.Decisions {
		str(string(p.Decisions[i].ID))
		str(p.Decisions[i].Subject)
		str(p.Decisions[i].At)
	}
	num(float64(len(p.Vulnerabilities)))
	for i := range p.Vulnerabilities {
		str(string(p.Vulnerabilities[i].ID))
		str(vulnName(&p.Vulnerabilities[i]))
	}
	return h.Sum64()
}
