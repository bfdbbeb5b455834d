package render

import (
	"zonewise/model"
	"zonewise/risk"
)

// fixture is a small plant that uses every zone band, conduit type, asset
// class, nesting and a three-zone conduit, with German umlauts.
func fixture() (*model.Project, *risk.Result) {
	p := model.New("Wasserwerk Süd")
	p.ID = model.StableID("fixture")
	id := func(k string) model.ID { return model.StableID("fixture/" + k) }
	zone := func(k, name string, t model.ZoneType, level float64, parent string) {
		z := model.Zone{ID: id(k), Name: name, Type: t, PurdueLevel: level}
		if parent != "" {
			z.ParentID = id(parent)
		}
		p.Zones = append(p.Zones, z)
	}
	zone("ent", "Büronetz", model.ZoneEnterprise, 4, "")
	zone("remote", "Fernwartung", model.ZoneRemoteAccess, 4, "")
	zone("dmz", "Industrielle DMZ", model.ZoneDMZ, 3.5, "")
	zone("scada", "Leitwarte", model.ZoneSupervisory, 3, "")
	zone("area", "Aufbereitung", model.ZoneControl, 2, "")
	zone("cell1", "Filterstufe 1", model.ZoneControl, 1, "area")
	zone("cell2", "Filterstufe 2", model.ZoneControl, 1, "area")
	zone("sis", "Chlorung SIS", model.ZoneSafety, 1, "")
	zone("field", "Feldebene", model.ZoneField, 0, "")
	zone("wifi", "Mobile Bedienung", model.ZoneWireless, 2, "")
	zone("usb", "Wartungs-Laptops", model.ZoneTransient, 3, "")
	p.Zones[7].SafetyDesignation = "SIL 2"

	asset := func(k, name string, c model.AssetClass, z string) {
		p.Assets = append(p.Assets, model.Asset{ID: id("a/" + k), Name: name, Class: c, ZoneID: id(z)})
	}
	asset("erp", "ERP-Server", model.ClassHost, "ent")
	asset("mail", "E-Mail", model.ClassApplication, "ent")
	asset("jump", "Jump-Host", model.ClassHost, "remote")
	asset("hist", "Historian-Spiegel", model.ClassHost, "dmz")
	asset("patch", "Patch-Server (WSUS)", model.ClassHost, "dmz")
	asset("fw", "Firewall DMZ", model.ClassNetwork, "dmz")
	asset("scada", "SCADA-Server", model.ClassHost, "scada")
	asset("hmi", "Bedienstation", model.ClassHost, "scada")
	asset("eng", "Engineering-Station", model.ClassHost, "scada")
	asset("sw", "Core-Switch", model.ClassNetwork, "area")
	asset("plc1", "SPS Filter 1", model.ClassEmbedded, "cell1")
	asset("plc2", "SPS Filter 2", model.ClassEmbedded, "cell2")
	asset("sis", "Sicherheits-SPS", model.ClassEmbedded, "sis")
	asset("rtu", "Messumformer Trübung", model.ClassEmbedded, "field")
	asset("tab", "Tablet-App", model.ClassApplication, "wifi")
	asset("lap", "Service-Laptop", model.ClassHost, "usb")

	conduit := func(k, name string, t model.ConduitType, zones ...string) {
		c := model.Conduit{ID: id("c/" + k), Name: name, Type: t}
		for _, z := range zones {
			c.ZoneIDs = append(c.ZoneIDs, id(z))
		}
		p.Conduits = append(p.Conduits, c)
	}
	conduit("it", "IT/OT-Firewall", model.ConduitFirewall, "ent", "dmz")
	conduit("vpn", "Fernwartungs-VPN", model.ConduitVPN, "remote", "dmz")
	conduit("diode", "Datendiode Historian", model.ConduitUnidirectional, "dmz", "scada")
	conduit("gw", "OPC-UA-Gateway", model.ConduitGateway, "scada", "area")
	conduit("ctl", "Anlagenbus", model.ConduitRouted, "area", "cell1", "cell2")
	conduit("serial", "Profibus", model.ConduitSerial, "cell1", "field")
	conduit("sisc", "SIS-Kopplung", model.ConduitSerial, "sis", "cell2")
	conduit("wlan", "WLAN Bedienung", model.ConduitWireless, "wifi", "scada")
	conduit("usb", "USB-Übergabe", model.ConduitRemovableMedia, "usb", "scada")

	r := &risk.Result{}
	sl := func(z string, slt, gap model.SLVector) {
		zr := risk.ZoneResult{ZoneID: id(z)}
		for i := range slt {
			zr.SLT[i].SL = slt[i]
		}
		zr.Gap = gap
		r.Zones = append(r.Zones, zr)
	}
	sl("ent", model.SLVector{1, 1, 1, 1, 1, 1, 1}, model.SLVector{})
	sl("remote", model.SLVector{3, 3, 2, 2, 3, 2, 1}, model.SLVector{1, 0, 0, 0, 1, 0, 0})
	sl("dmz", model.SLVector{2, 2, 2, 2, 3, 2, 2}, model.SLVector{})
	sl("scada", model.SLVector{2, 2, 2, 1, 2, 2, 2}, model.SLVector{2, 1, 0, 0, 0, 0, 0})
	sl("area", model.SLVector{2, 2, 2, 1, 2, 2, 2}, model.SLVector{})
	sl("cell1", model.SLVector{2, 2, 3, 1, 2, 2, 3}, model.SLVector{0, 0, 1, 0, 0, 0, 0})
	sl("cell2", model.SLVector{2, 2, 3, 1, 2, 2, 3}, model.SLVector{0, 0, 1, 0, 0, 0, 0})
	sl("sis", model.SLVector{3, 3, 4, 1, 3, 2, 4}, model.SLVector{3, 2, 3, 0, 1, 0, 2})
	sl("field", model.SLVector{1, 1, 2, 1, 1, 1, 2}, model.SLVector{})
	sl("wifi", model.SLVector{2, 2, 2, 2, 2, 1, 1}, model.SLVector{2, 0, 0, 2, 0, 0, 0})
	sl("usb", model.SLVector{2, 2, 2, 1, 1, 1, 1}, model.SLVector{1, 1, 1, 0, 0, 0, 0})
	return p, r
}
