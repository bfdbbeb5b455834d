package app

import "zonewise/model"

// testPlant is a small plant whose IDs and geometry the tests rely on
// (the built-in sample may change).
func testPlant() *model.Project {
	p := model.New("Sample water works")
	ent := model.Zone{ID: model.StableID("z-ent"), Name: "Enterprise", Type: model.ZoneEnterprise, PurdueLevel: 4, Bounds: model.Rect{X: 40, Y: 40, W: 520, H: 160}}
	dmz := model.Zone{ID: model.StableID("z-dmz"), Name: "OT DMZ", Type: model.ZoneDMZ, PurdueLevel: 3.5, Bounds: model.Rect{X: 40, Y: 260, W: 520, H: 140}}
	ctl := model.Zone{ID: model.StableID("z-ctl"), Name: "Control", Type: model.ZoneControl, PurdueLevel: 1, Bounds: model.Rect{X: 40, Y: 460, W: 620, H: 260}}
	cell := model.Zone{ID: model.StableID("z-cell"), Name: "Cell 1", Type: model.ZoneControl, PurdueLevel: 1, ParentID: ctl.ID, Bounds: model.Rect{X: 300, Y: 520, W: 340, H: 180}}
	p.Zones = []model.Zone{ent, dmz, ctl, cell}
	p.Assets = []model.Asset{
		{ID: model.StableID("a-erp"), Name: "ERP server", Class: model.ClassHost, Function: model.FunctionBusiness, ZoneID: ent.ID},
		{ID: model.StableID("a-hist"), Name: "Historian", Class: model.ClassHost, Function: model.FunctionControl, ZoneID: dmz.ID},
		{ID: model.StableID("a-plc"), Name: "PLC 1", Class: model.ClassEmbedded, Function: model.FunctionControl, ZoneID: cell.ID},
		{ID: model.StableID("a-sw"), Name: "Cell switch", Class: model.ClassNetwork, Function: model.FunctionInfrastructure, ZoneID: cell.ID},
		{ID: model.StableID("a-hmi"), Name: "HMI", Class: model.ClassHost, Function: model.FunctionControl, ZoneID: ctl.ID},
	}
	p.Conduits = []model.Conduit{
		{ID: model.StableID("c-1"), Name: "C1", Type: model.ConduitFirewall, ZoneIDs: []model.ID{ent.ID, dmz.ID}},
		{ID: model.StableID("c-2"), Name: "C2", Type: model.ConduitUnidirectional, ZoneIDs: []model.ID{ctl.ID, dmz.ID}},
	}
	p.Actors = []model.ThreatActor{{ID: model.StableID("t-1"), Name: "Hacktivist", Capability: 2}}
	return p
}
