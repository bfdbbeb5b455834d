package model

// The sample's data for the later steps of the method (docs/METHOD.md):
// structured entry points, the initial risk per zone, the vulnerability
// register and a compensating countermeasure with evidence.

// sampleEntries gives scenarios a structured entry point so that the
// assessment follows their attack path. Scenarios not listed start at
// their target.
var sampleEntries = map[string]struct {
	kind EntryKind
	zone string
}{
	"Ransomware aus dem Büronetz erreicht die OT-DMZ":              {EntryZone, szEnterprise},
	"Gestohlene Hersteller-Zugangsdaten für Fernwartung":           {EntryInternet, ""},
	"Brute-Force auf den Jump-Host":                                {EntryInternet, ""},
	"Angriff auf die Sicherheitssteuerung (Triton-artig)":          {EntryInternet, ""},
	"Kompromittierung des LTE-Routers im Brunnenfeld":              {EntryZone, szRemoteSite},
	"Manipulation der Chlordioxid-Dosierung":                       {EntryZone, szSCADA},
	"Unautorisierte Modbus-Schreibbefehle an die Reinwasserpumpen": {EntryZone, szSCADA},
	"Schreibbefehle über die SIS-Kopplung":                         {EntryZone, szSCADA},
	"Schadsoftware über USB-Stick in der Filtration":               {EntryRemovableMedia, ""},
	"Umgehung der USB-Schleuse":                                    {EntryRemovableMedia, ""},
}

// sampleWorstCase is each zone's worst consequence if compromised (ZCR 2).
var sampleWorstCase = map[string]Consequence{
	szEnterprise: {Category: ConsequenceFinancial, Level: 3, Note: "Billing and maintenance planning stop for days."},
	szDMZ:        {Category: ConsequenceProduction, Level: 2, Note: "Office users lose trends; the works runs on."},
	szRemote:     {Category: ConsequenceProduction, Level: 4, Note: "A foothold with sessions into site operations."},
	szSiteOps:    {Category: ConsequenceProduction, Level: 4, Note: "Loss of domain, historian and backups."},
	szSCADA:      {Category: ConsequenceSafety, Level: 4, Note: "Operators lose view and control of treatment."},
	szFiltration: {Category: ConsequenceSafety, Level: 4, Note: "Filter breakthrough; unsafe water possible."},
	szDisinfect:  {Category: ConsequenceSafety, Level: 5, Note: "Under- or overdosing of chlorine dioxide in drinking water."},
	szSIS:        {Category: ConsequenceSafety, Level: 5, Note: "Chlorine-gas release without emergency shutdown."},
	szField:      {Category: ConsequenceSafety, Level: 4, Note: "Valves and analysers give false values or fail."},
	szRemoteSite: {Category: ConsequenceProduction, Level: 3, Note: "Wells and elevated tanks run on local control only."},
	szTransient:  {Category: ConsequenceProduction, Level: 3, Note: "Malware carried into any zone a laptop is plugged into."},
}

var sampleVulnerabilities = []Vulnerability{
	{ID: StableID("vulnerability:CVE-2024-38063"), Identifier: "CVE-2024-38063",
		Title:     "Windows TCP/IP remote code execution through IPv6 packets",
		AssetIDs:  []ID{sampleAssetID("SCADA-Server SCADA01 (primär)"), sampleAssetID("SCADA-Server SCADA02 (redundant)")},
		CVSSScore: 9.8, CVSSVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
		Exploitability: ExploitPoC, Status: VulnOpen, Source: "Microsoft Security Update Guide, August 2024",
		Notes: "Update waits for the AVEVA compatibility list; IPv6 is disabled on the SCADA NICs as an interim step."},
	{ID: StableID("vulnerability:INT-2026-01"), Identifier: "INT-2026-01",
		Title:          "Modbus/TCP without authentication on the clear-water pump PLC",
		AssetIDs:       []ID{sampleAssetID("SPS Reinwasserpumpwerk Modicon M580 (BMEP584040)")},
		Exploitability: ExploitActive, Status: VulnOpen, Source: "Design review 2026-11-05 (protocol weakness, no patch exists)"},
	{ID: StableID("vulnerability:INT-2026-02"), Identifier: "INT-2026-02",
		Title:          "Shared 'Leitwarte' operator login on both control-room stations",
		AssetIDs:       []ID{sampleAssetID("Bedienplatz Leitwarte 1"), sampleAssetID("Bedienplatz Leitwarte 2")},
		Exploitability: ExploitTheoretical, Status: VulnAccepted, Source: "Risk workshop 2026-11-12",
		Notes: "Accepted until role-based accounts (CM-RBAC) are introduced."},
}

// sampleScenarioVulns links scenarios to the register.
var sampleScenarioVulns = map[string][]string{
	"Ausnutzung ungepatchter SCADA-Server":                         {"CVE-2024-38063"},
	"Unautorisierte Modbus-Schreibbefehle an die Reinwasserpumpen": {"INT-2026-01"},
	"Unterdrückung von Alarmen im HMI":                             {"INT-2026-02"},
}

var sampleCompensating = []CompensatingCountermeasure{
	{ID: StableID("compensating:SIS key switch"), Name: "Schlüsselschalter und Vier-Augen-Freigabe an der HIMax",
		TargetKind: TargetZone, TargetID: sampleZoneID(szSIS), Requirements: []string{"SR 2.1 RE 4"},
		Description: "Dual approval of program changes: the key switch in PROG is held by the shift supervisor and a second person signs the work permit.",
		Evidence:    "Proof test 2026-09-15 (record PT-2026-09-15-SIS): download refused in RUN; work permit procedure VA-SIS-03 audited 2026-10."},
}

// addSampleMethod adds the data above to p, after the
// zones, assets and scenarios exist.
func addSampleMethod(p *Project) {
	for i := range p.Zones {
		z := &p.Zones[i]
		if wc, ok := sampleWorstCase[z.Name]; ok {
			z.WorstCase = wc
		}
	}
	p.Vulnerabilities = append([]Vulnerability(nil), sampleVulnerabilities...)
	for i := range p.Vulnerabilities {
		p.Vulnerabilities[i].AssetIDs = append([]ID(nil), p.Vulnerabilities[i].AssetIDs...)
	}
	p.Compensating = append([]CompensatingCountermeasure(nil), sampleCompensating...)
	for i := range p.Compensating {
		p.Compensating[i].Requirements = append([]string(nil), p.Compensating[i].Requirements...)
	}
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		if e, ok := sampleEntries[s.Name]; ok {
			s.EntryKind = e.kind
			if e.zone != "" {
				s.EntryZoneID = sampleZoneID(e.zone)
			}
		}
		for _, id := range sampleScenarioVulns[s.Name] {
			s.Vulnerabilities = append(s.Vulnerabilities, StableID("vulnerability:"+id))
		}
	}
}
