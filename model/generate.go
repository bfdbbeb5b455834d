package model

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Generate returns a synthetic plant for scale tests with the given numbers
// of zones and assets. The same arguments always give the same project (IDs
// are StableIDs, randomness is a PCG seeded with seed). With nine zones or
// more every zone type is present. Zones are laid out in Purdue bands on a
// grid; conduits form a tree from the enterprise zone down through DMZ,
// supervisory, control and field zones, plus cross links between neighbouring
// levels (about 1.2 conduits per zone). There are four threat actors, about
// two scenarios per zone plus one per 20 assets, and a few countermeasures.
// The project validates without errors.
func Generate(zones, assets int, seed int64) *Project {
	zones = max(zones, 1)
	assets = max(assets, 0)
	g := &generator{
		rng:  rand.New(rand.NewPCG(uint64(seed), 0x7a6f6e6577697365)),
		seed: seed,
	}
	p := New(fmt.Sprintf("Generated plant (%d zones, %d assets, seed %d)", zones, assets, seed))
	p.ID = g.id("project", 0)
	p.Client = "Synthetic Test Client"
	p.Site = "Generated site"
	p.Author = "zonewise generate"
	p.Date = "2026-11-26"
	p.SUC.Description = "Synthetic plant generated for scale and robustness tests."
	p.SUC.Scope = "All generated zones."
	g.p = p
	g.zones(zones)
	g.conduits()
	g.assets(assets)
	g.threats(zones, assets)
	return p
}

type generator struct {
	rng  *rand.Rand
	seed int64
	p    *Project
	// byType lists zone indexes per type, in creation order.
	byType map[ZoneType][]int
}

func (g *generator) id(kind string, i int) ID {
	return StableID(fmt.Sprintf("generate/%d/%s/%d", g.seed, kind, i))
}

// genZoneMix is the share of each zone type after the first nine zones (one
// of each type).
var genZoneMix = []struct {
	t      ZoneType
	weight int
}{
	{ZoneEnterprise, 4}, {ZoneDMZ, 3}, {ZoneRemoteAccess, 3}, {ZoneSupervisory, 15},
	{ZoneControl, 40}, {ZoneSafety, 5}, {ZoneField, 20}, {ZoneWireless, 5}, {ZoneTransient, 5},
}

func genLevel(t ZoneType, i int) float64 {
	switch t {
	case ZoneEnterprise:
		return 4
	case ZoneDMZ, ZoneRemoteAccess:
		return 3.5
	case ZoneSupervisory:
		if i%2 == 0 {
			return 3
		}
		return 2
	case ZoneTransient:
		return 2
	case ZoneField:
		return 0
	}
	return 1
}

func (g *generator) pickType() ZoneType {
	total := 0
	for _, m := range genZoneMix {
		total += m.weight
	}
	n := g.rng.IntN(total)
	for _, m := range genZoneMix {
		if n < m.weight {
			return m.t
		}
		n -= m.weight
	}
	return ZoneControl
}

func (g *generator) zones(n int) {
	types := make([]ZoneType, n)
	for i := range types {
		if i < len(zoneTypeTable) {
			types[i] = zoneTypeTable[i].value
		} else {
			types[i] = g.pickType()
		}
	}
	type spec struct {
		t     ZoneType
		level float64
	}
	specs := make([]spec, n)
	supervisory := 0
	for i, t := range types {
		specs[i] = spec{t, genLevel(t, supervisory)}
		if t == ZoneSupervisory {
			supervisory++
		}
	}
	// Highest level first, so every zone's tree parent already exists.
	slices.SortStableFunc(specs, func(a, b spec) int { return cmp.Compare(b.level, a.level) })

	// Grid layout: one band per Purdue level, wrapping into rows.
	const w, h, gapX, gapY, left, top = 200, 120, 40, 40, 40, 40
	cols := max(4, int(math.Ceil(math.Sqrt(float64(n)*1.5))))
	y, col, prevLevel := float64(top), 0, specs[0].level
	g.byType = map[ZoneType][]int{}
	for i, s := range specs {
		if s.level != prevLevel || col == cols {
			y += h + gapY
			col, prevLevel = 0, s.level
		}
		z := Zone{
			ID:               g.id("zone", i),
			Name:             fmt.Sprintf("Z%04d %s L%g", i+1, s.t.Label(), s.level),
			Description:      fmt.Sprintf("Generated %s zone at Purdue level %g.", s.t.Label(), s.level),
			Type:             s.t,
			PurdueLevel:      s.level,
			Organisation:     "Operations",
			LogicalBoundary:  fmt.Sprintf("10.%d.%d.0/24", i/256, i%256),
			PhysicalBoundary: fmt.Sprintf("Building %d", i%7+1),
			Bounds:           Rect{X: left + float64(col*(w+gapX)), Y: y, W: w, H: h},
		}
		switch s.t {
		case ZoneSafety:
			z.SafetyDesignation = "SIL 2 SIS"
			z.EssentialFunctions = []EssentialFunction{{Name: "Emergency shutdown", Kind: EssentialSafety,
				Intolerant: []Impact{ImpactLockout, ImpactScanning, ImpactReboot}}}
		case ZoneControl:
			z.EssentialFunctions = []EssentialFunction{{Name: "Process control", Kind: EssentialAvailability,
				Intolerant: []Impact{ImpactReboot, ImpactLatency}}}
		}
		g.p.Zones = append(g.p.Zones, z)
		g.byType[s.t] = append(g.byType[s.t], i)
		col++
	}
}

// genParents lists, per zone type, the zone types its tree parent is chosen
// from, in order of preference.
var genParents = map[ZoneType][]ZoneType{
	ZoneEnterprise:   {ZoneEnterprise},
	ZoneDMZ:          {ZoneEnterprise},
	ZoneRemoteAccess: {ZoneEnterprise, ZoneDMZ},
	ZoneSupervisory:  {ZoneDMZ, ZoneSupervisory, ZoneRemoteAccess},
	ZoneTransient:    {ZoneSupervisory},
	ZoneControl:      {ZoneSupervisory},
	ZoneSafety:       {ZoneControl, ZoneSupervisory},
	ZoneWireless:     {ZoneControl, ZoneSupervisory},
	ZoneField:        {ZoneControl, ZoneSafety},
}

// parent picks a tree parent for zone i among earlier zones, preferring
// levels at most one above so the tree does not skip Purdue levels.
func (g *generator) parent(i int) int {
	z := &g.p.Zones[i]
	for _, pt := range genParents[z.Type] {
		var cands []int
		for _, j := range g.byType[pt] {
			if j < i && g.p.Zones[j].PurdueLevel >= z.PurdueLevel && g.p.Zones[j].PurdueLevel-z.PurdueLevel <= 1 {
				cands = append(cands, j)
			}
		}
		if len(cands) == 0 {
			for _, j := range g.byType[pt] {
				if j < i {
					cands = append(cands, j)
				}
			}
		}
		if len(cands) > 0 {
			return cands[g.rng.IntN(len(cands))]
		}
	}
	return g.rng.IntN(i)
}

// genFlows are typical flows per conduit type: protocol, port, transport.
var genFlows = map[ConduitType][][3]string{
	ConduitFirewall:       {{"HTTPS", "443", "TCP"}, {"OPC UA", "4840", "TCP"}, {"Modbus/TCP", "502", "TCP"}, {"S7comm", "102", "TCP"}, {"EtherNet/IP", "44818", "TCP"}, {"Syslog", "514", "UDP"}, {"NTP", "123", "UDP"}},
	ConduitRouted:         {{"PROFINET CM", "34962-34964", "UDP"}, {"EtherNet/IP", "44818", "TCP"}, {"SNMPv3", "161", "UDP"}},
	ConduitGateway:        {{"RDP", "3389", "TCP"}, {"HTTPS", "443", "TCP"}, {"SSH", "22", "TCP"}},
	ConduitUnidirectional: {{"Historian replication", "5450", "TCP"}, {"Syslog", "514", "UDP"}},
	ConduitVPN:            {{"IPsec NAT-T", "4500", "UDP"}, {"DNP3", "20000", "TCP"}, {"IEC 60870-5-104", "2404", "TCP"}},
	ConduitSerial:         {{"Modbus RTU", "", "RS-485"}, {"PROFIBUS DP", "", "RS-485"}},
	ConduitWireless:       {{"WirelessHART", "", "IEEE 802.15.4"}, {"Modbus/TCP", "502", "TCP"}},
	ConduitRemovableMedia: {{"USB mass storage", "", "USB"}},
}

func genConduitType(a, b *Zone) ConduitType {
	for _, t := range []ZoneType{a.Type, b.Type} {
		switch t {
		case ZoneTransient:
			return ConduitRemovableMedia
		case ZoneWireless:
			return ConduitWireless
		case ZoneRemoteAccess:
			return ConduitVPN
		}
	}
	switch {
	case a.Type == ZoneSafety || b.Type == ZoneSafety:
		return ConduitSerial
	case a.Type == ZoneDMZ && b.Type == ZoneSupervisory, b.Type == ZoneDMZ && a.Type == ZoneSupervisory:
		return ConduitUnidirectional
	case a.Type == ZoneField || b.Type == ZoneField:
		return ConduitRouted
	case a.Type == ZoneEnterprise || b.Type == ZoneEnterprise:
		return ConduitFirewall
	case a.Type == ZoneSupervisory && b.Type == ZoneSupervisory:
		return ConduitGateway
	}
	return ConduitFirewall
}

func (g *generator) conduit(a, b int) {
	p := g.p
	za, zb := &p.Zones[a], &p.Zones[b]
	t := genConduitType(za, zb)
	n := len(p.Conduits)
	c := Conduit{
		ID:      g.id("conduit", n),
		Name:    fmt.Sprintf("C%04d %s – %s", n+1, za.Name[:5], zb.Name[:5]),
		Type:    t,
		ZoneIDs: []ID{za.ID, zb.ID},
	}
	c.Description = fmt.Sprintf("Generated %s conduit.", t.Label())
	choices := genFlows[t]
	for k := range 1 + g.rng.IntN(3) {
		f := choices[(k+g.rng.IntN(len(choices)))%len(choices)]
		from, to := za.ID, zb.ID
		if g.rng.IntN(3) == 0 {
			from, to = to, from
		}
		c.Flows = append(c.Flows, DataFlow{Protocol: f[0], Port: f[1], Transport: f[2], From: from, To: to, Initiator: from})
	}
	p.Conduits = append(p.Conduits, c)
}

func (g *generator) conduits() {
	p := g.p
	n := len(p.Zones)
	linked := map[[2]int]bool{}
	for i := 1; i < n; i++ {
		j := g.parent(i)
		linked[[2]int{min(i, j), max(i, j)}] = true
		g.conduit(j, i)
	}
	// Cross links between zones at most one Purdue level apart.
	cross := n / 5
	for tries := 0; cross > 0 && tries < 20*n; tries++ {
		i, j := g.rng.IntN(n), g.rng.IntN(n)
		key := [2]int{min(i, j), max(i, j)}
		if i == j || linked[key] || math.Abs(p.Zones[i].PurdueLevel-p.Zones[j].PurdueLevel) > 1 {
			continue
		}
		linked[key] = true
		g.conduit(i, j)
		cross--
	}
}

// genVendors lists vendor, model and firmware per asset class.
var genVendors = map[AssetClass][][3]string{
	ClassApplication: {{"AVEVA", "System Platform", "2023 R2"}, {"Inductive Automation", "Ignition", "8.1.44"}, {"PTC", "KEPServerEX", "6.16"}, {"Siemens", "WinCC Unified", "V19"}},
	ClassEmbedded:    {{"Siemens", "SIMATIC S7-1500 CPU 1516-3 PN/DP", "V3.1"}, {"Rockwell Automation", "ControlLogix 5580", "35.011"}, {"Schneider Electric", "Modicon M580", "4.10"}, {"ABB", "AC500 PM5670", "3.7.0"}, {"HIMA", "HIMax X-CPU 31", "V12"}},
	ClassHost:        {{"Dell", "PowerEdge R650", "Windows Server 2022"}, {"HPE", "ProLiant DL360 Gen10", "Windows Server 2019"}, {"Siemens", "SIMATIC IPC647E", "Windows 10 IoT Enterprise LTSC 2021"}},
	ClassNetwork:     {{"Cisco", "Catalyst IE3400", "IOS XE 17.12"}, {"Hirschmann (Belden)", "RSP35", "HiOS 10.0"}, {"Moxa", "EDS-G516E", "6.2"}, {"Fortinet", "FortiGate 60F", "FortiOS 7.4.4"}},
}

func (g *generator) assets(m int) {
	p := g.p
	n := len(p.Zones)
	classes := AssetClasses()
	p.Assets = make([]Asset, 0, m)
	for k := range m {
		zi := k % n // every zone gets assets before any gets a second
		if k >= n {
			zi = g.rng.IntN(n)
		}
		z := &p.Zones[zi]
		class := classes[g.rng.IntN(len(classes))]
		fn := FunctionControl
		switch z.Type {
		case ZoneEnterprise:
			fn = FunctionBusiness
		case ZoneDMZ, ZoneRemoteAccess:
			fn = FunctionInfrastructure
		case ZoneSafety:
			fn = FunctionSafety
		case ZoneField:
			class = ClassEmbedded
		}
		if class == ClassNetwork {
			fn = FunctionInfrastructure
		}
		v := genVendors[class][g.rng.IntN(len(genVendors[class]))]
		a := Asset{
			ID:          g.id("asset", k),
			Name:        fmt.Sprintf("A%05d %s", k+1, v[1]),
			Class:       class,
			Function:    fn,
			ZoneID:      z.ID,
			Vendor:      v[0],
			Model:       v[1],
			Firmware:    v[2],
			Criticality: Criticalities()[g.rng.IntN(4)],
			SLCSource:   SLCUnknown,
			SupplierSDL: SDLUnknown,
			FocusPoints: DefaultFocusPoints(class),
		}
		switch z.Type {
		case ZoneTransient:
			a.Transient, a.Exposure.RemovableMedia = true, true
		case ZoneWireless:
			a.Exposure.Wireless = true
		case ZoneRemoteAccess:
			a.Exposure.ExternallyReachable = g.rng.IntN(2) == 0
		}
		if g.rng.IntN(10) < 3 {
			for f := range a.SLC {
				a.SLC[f] = 1 + g.rng.IntN(3)
			}
			a.SLCSource = []SLCSource{SLCCertified, SLCAssessed, SLCVendor}[g.rng.IntN(3)]
		}
		p.Assets = append(p.Assets, a)
	}
}

var genTechniques = []string{"T0866", "T0886", "T0859", "T0817", "T0847", "T0843", "T0855", "T0831", "T0813", "T0826", "T0882", "T0883", "T0812", "T0836", "T0880"}

func (g *generator) threats(zones, assets int) {
	p := g.p
	for i, a := range []struct {
		name string
		cap  int
	}{{"Casual or careless insider", 1}, {"Cyber criminals", 2}, {"Hacktivists with ICS skills", 3}, {"Nation-state actor", 4}} {
		p.Actors = append(p.Actors, ThreatActor{ID: g.id("actor", i), Name: a.name, Capability: a.cap,
			Description: fmt.Sprintf("Generated actor with capability SL %d.", a.cap)})
	}
	n := 2*zones + assets/20
	cats := ConsequenceCategories()
	for k := range n {
		s := ThreatScenario{
			ID:         g.id("scenario", k),
			Name:       fmt.Sprintf("S%05d", k+1),
			ActorID:    p.Actors[g.rng.IntN(len(p.Actors))].ID,
			EntryPoint: "Generated entry point",
			Likelihood: 1 + g.rng.IntN(len(p.Matrix.Likelihoods)),
			Techniques: []string{genTechniques[g.rng.IntN(len(genTechniques))]},
		}
		switch r := g.rng.IntN(10); {
		case r < 6 || (len(p.Assets) == 0 && len(p.Conduits) == 0):
			z := &p.Zones[g.rng.IntN(len(p.Zones))]
			s.TargetKind, s.TargetID, s.Name = TargetZone, z.ID, s.Name+" against zone "+z.Name
		case r < 8 && len(p.Assets) > 0:
			a := &p.Assets[g.rng.IntN(len(p.Assets))]
			s.TargetKind, s.TargetID, s.Name = TargetAsset, a.ID, s.Name+" against asset "+a.Name
		case len(p.Conduits) > 0:
			c := &p.Conduits[g.rng.IntN(len(p.Conduits))]
			s.TargetKind, s.TargetID, s.Name = TargetConduit, c.ID, s.Name+" against conduit "+c.Name
		default:
			a := &p.Assets[g.rng.IntN(len(p.Assets))]
			s.TargetKind, s.TargetID, s.Name = TargetAsset, a.ID, s.Name+" against asset "+a.Name
		}
		for _, f := range AllFRs {
			if g.rng.IntN(3) == 0 {
				s.FRs = append(s.FRs, f)
			}
		}
		if len(s.FRs) == 0 {
			s.FRs = []FR{AllFRs[g.rng.IntN(7)]}
		}
		s.Consequences = []Consequence{{Category: cats[g.rng.IntN(len(cats))], Level: 1 + g.rng.IntN(len(p.Matrix.Consequences))}}
		p.Scenarios = append(p.Scenarios, s)
	}
	// A few countermeasures on control zones, one in each status.
	measures := []string{"CM-FW-DENY", "CM-IDS", "CM-BACKUP", "CM-HARDEN", "CM-RBAC", "CM-PATCH"}
	statuses := MeasureStatuses()
	for k, zi := range g.byType[ZoneControl] {
		if k%4 != 0 {
			continue
		}
		c := CountermeasureInstance{
			ID:         g.id("countermeasure", k),
			MeasureID:  measures[g.rng.IntN(len(measures))],
			TargetKind: TargetZone,
			TargetID:   p.Zones[zi].ID,
			Status:     statuses[(k/4)%len(statuses)],
		}
		if c.Status == StatusRejected {
			c.Reason = "Conflicts with the zone's essential functions."
		}
		p.Countermeasures = append(p.Countermeasures, c)
	}
}
