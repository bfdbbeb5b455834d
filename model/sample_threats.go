package model

// Threat actors, scenarios, countermeasure instances and decisions of the
// sample plant.

// Sample actor names.
const (
	saCasual     = "Gelegenheitstäter und Fehlbedienung"
	saRansomware = "Ransomware-Gruppe"
	saHacktivist = "Hacktivisten mit ICS-Kenntnissen"
	saAPT        = "Staatlich unterstützter Akteur (APT)"
)

func sampleActorID(name string) ID { return StableID("actor:" + name) }

// sampleCM names a countermeasure instance of the sample by measure and target.
type sampleCM struct {
	measure string
	kind    TargetKind
	target  string // zone, conduit or asset name
	status  MeasureStatus
	reason  string
	owner   string
	due     string
	notes   string
}

func (c sampleCM) id() ID { return StableID("countermeasure:" + c.measure + "@" + c.target) }

func sampleTargetID(kind TargetKind, name string) ID {
	switch kind {
	case TargetConduit:
		return sampleConduitID(name)
	case TargetAsset:
		return sampleAssetID(name)
	}
	return sampleZoneID(name)
}

// Names of sample conduits that scenarios and countermeasures target.
const (
	scK01 = "K01 Unternehmen – OT-DMZ"
	scK02 = "K02 Historian-Replikation (Datendiode)"
	scK04 = "K04 Jump-Host-Zugang"
	scK05 = "K05 Betriebsleitebene – SCADA"
	scK08 = "K08 Filtration – Feldebene"
	scK10 = "K10 SIS – SCADA (Modbus-DPI)"
	scK11 = "K11 LTE-VPN Außenstellen"
	scK12 = "K12 Richtfunk Hochbehälter Lindenberg"
	scK13 = "K13 USB-Schleuse & Service-Laptops"
)

var sampleCMs = []sampleCM{
	{"CM-FW-DENY", TargetConduit, scK01, StatusImplemented, "", "IT-Netzwerk", "", "Deny-by-default rule base on the FortiGate 100F."},
	{"CM-DIODE", TargetConduit, scK02, StatusImplemented, "", "Automatisierungstechnik", "", "Waterfall WF-500 since 2024."},
	{"CM-JUMPHOST", TargetZone, szRemote, StatusImplemented, "", "Automatisierungstechnik", "", "JMP01 with session recording."},
	{"CM-MFA", TargetZone, szRemote, StatusAccepted, "", "Automatisierungstechnik", "2027-03-31", "FIDO2 tokens for all vendor accounts."},
	{"CM-ALLOWLIST", TargetAsset, "SCADA-Server SCADA01 (primär)", StatusAccepted, "", "Automatisierungstechnik", "2027-06-30", "Application allow-listing after AVEVA approval."},
	{"CM-USB", TargetZone, szTransient, StatusImplemented, "", "Automatisierungstechnik", "", "USB kiosk and managed IronKey media."},
	{"CM-IDS", TargetZone, szSiteOps, StatusImplemented, "", "Automatisierungstechnik", "", "Nozomi Guardian with SPAN from SCADA and control zones."},
	{"CM-SIEM", TargetZone, szSiteOps, StatusProposed, "", "", "", ""},
	{"CM-BACKUP", TargetZone, szSiteOps, StatusImplemented, "", "Automatisierungstechnik", "", "Veeam with immutable repository; restore tested."},
	{"CM-PATCH", TargetZone, szSCADA, StatusProposed, "", "", "", "Monthly patch window needs AVEVA compatibility list."},
	{"CM-HARDEN", TargetAsset, "Engineering-Workstation ENG01 (TIA Portal V19)", StatusAccepted, "", "Automatisierungstechnik", "2027-01-31", "CIS benchmark level 1 adapted for TIA Portal."},
	{"CM-RBAC", TargetZone, szSCADA, StatusProposed, "", "", "", "Replace the shared 'Leitwarte' login."},
	{"CM-PKI", TargetConduit, scK11, StatusAccepted, "", "Netzbetrieb", "2027-04-30", "Certificates instead of pre-shared keys for the LTE VPN."},
	{"CM-SIGNED-FW", TargetAsset, "SPS Filtration S7-1500 (CPU 1516-3 PN/DP)", StatusImplemented, "", "Automatisierungstechnik", "", "Only Siemens-signed firmware is accepted by the CPU."},
	{"CM-DPI-FW", TargetConduit, scK10, StatusImplemented, "", "Automatisierungstechnik", "", "EAGLE40 permits Modbus function codes 3 and 4 only."},
	{"CM-NAC", TargetZone, szFiltration, StatusRejected, "PROFINET field devices cannot authenticate with 802.1X; port security with MAC locking and shut unused ports are used instead (decision log 2026-11-12).", "", "", ""},
	{"CM-PHYS", TargetZone, szRemoteSite, StatusAccepted, "", "Netzbetrieb", "2027-05-31", "Door contacts of the well houses to the SCADA."},
	{"CM-PHYS", TargetZone, szSIS, StatusImplemented, "", "Automatisierungstechnik", "", "HIMax cabinet locked, key switch in RUN; keys held by the shift supervisor."},
	{"CM-NTP", TargetConduit, scK05, StatusProposed, "", "", "", "Authenticated NTP from a GNSS clock in site operations."},
	{"CM-AV", TargetZone, szSIS, StatusRejected, "HIMA does not release on-access scanning for the SILworX station; CPU load and scanning conflict with the chlorine ESD essential function. Offline scanning of media at the kiosk instead.", "", "", ""},
	{"CM-AV", TargetZone, szTransient, StatusImplemented, "", "Automatisierungstechnik", "", "Multi-engine scanning at the kiosk."},
}

// sampleScenario is one row of the sample's threat scenarios.
type sampleScenario struct {
	name, desc, actor, entry string
	kind                     TargetKind
	target                   string
	frs                      []FR
	cons                     []Consequence
	likelihood               int
	techniques               []string
	treatment                Treatment
	note                     string
	cms                      []sampleCM // only measure and target are used, to find the instance
}

func cons(pairs ...any) []Consequence {
	var out []Consequence
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Consequence{Category: pairs[i].(ConsequenceCategory), Level: pairs[i+1].(int)})
	}
	return out
}

func cmRef(measure, target string) sampleCM { return sampleCM{measure: measure, target: target} }

var sampleScenarios = []sampleScenario{
	{"Ransomware aus dem Büronetz erreicht die OT-DMZ", "A phishing e-mail infects an office client; the ransomware spreads to the PI Vision server and tries to reach the historian.",
		saRansomware, "Phishing e-mail in the enterprise network", TargetZone, szDMZ, []FR{FR1, FR2, FR3, FR5, FR7},
		cons(ConsequenceProduction, 2, ConsequenceFinancial, 3), 4, []string{"T0865", "T0866", "T0828"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-FW-DENY", scK01), cmRef("CM-BACKUP", szSiteOps)}},
	{"Gestohlene Hersteller-Zugangsdaten für Fernwartung", "Credentials of an integrator are phished; the attacker logs in through the VPN and downloads a modified program from ENG01.",
		saHacktivist, "Vendor VPN account", TargetAsset, "Engineering-Workstation ENG01 (TIA Portal V19)", []FR{FR1, FR2, FR3},
		cons(ConsequenceSafety, 3, ConsequenceProduction, 4), 3, []string{"T0822", "T0859", "T0843", "T0831"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-MFA", szRemote), cmRef("CM-JUMPHOST", szRemote), cmRef("CM-HARDEN", "Engineering-Workstation ENG01 (TIA Portal V19)")}},
	{"Manipulation der Chlordioxid-Dosierung", "Hacktivists change dosing set-points of the ControlLogix, causing under- or over-dosing of the drinking water.",
		saHacktivist, "SCADA zone via compromised engineering workstation", TargetAsset, "SPS Desinfektion ControlLogix 5580 (1756-L83E)", []FR{FR1, FR2, FR3, FR5},
		cons(ConsequenceSafety, 5, ConsequenceReputation, 4, ConsequenceRegulatory, 4), 2, []string{"T0836", "T0831", "T0855"}, "", "", nil},
	{"Angriff auf die Sicherheitssteuerung (Triton-artig)", "A well-resourced attacker reprograms the HIMax to disable the chlorine-gas emergency shutdown.",
		saAPT, "SIS engineering station", TargetZone, szSIS, []FR{FR1, FR2, FR3, FR5, FR6},
		cons(ConsequenceSafety, 5, ConsequenceEnvironment, 4), 2, []string{"T0843", "T0880", "T0857", "T0837"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-JUMPHOST", szRemote), cmRef("CM-PHYS", szSIS)}},
	{"Schadsoftware über USB-Stick in der Filtration", "A service laptop or USB stick carries malware into the filtration zone during commissioning.",
		saCasual, "Service laptop, USB media", TargetZone, szFiltration, []FR{FR2, FR3},
		cons(ConsequenceProduction, 3), 3, []string{"T0847", "T0864"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-USB", szTransient), cmRef("CM-AV", szTransient)}},
	{"Unautorisierte Modbus-Schreibbefehle an die Reinwasserpumpen", "Modbus/TCP write commands stop the distribution pumps of the clear-water station.",
		saHacktivist, "SCADA zone", TargetAsset, "SPS Reinwasserpumpwerk Modicon M580 (BMEP584040)", []FR{FR1, FR2, FR3, FR5},
		cons(ConsequenceProduction, 4, ConsequenceSafety, 2), 2, []string{"T0855", "T0831", "T0813"}, "", "", nil},
	{"Überlast des PROFINET-Netzes der Feldebene", "A faulty device or a scan floods the PROFINET network; the filter valves lose their I/O.",
		saCasual, "Field network", TargetConduit, scK08, []FR{FR7},
		cons(ConsequenceProduction, 3), 3, []string{"T0814", "T0813", "T0826"}, "", "", nil},
	{"Diebstahl von Betriebsdaten aus dem Historian-Replikat", "Process data and asset names are taken from the DMZ replica to prepare a later attack.",
		saAPT, "OT DMZ", TargetAsset, "PI Server Replikat (DMZ)", []FR{FR1, FR2, FR4},
		cons(ConsequenceReputation, 2, ConsequenceRegulatory, 3), 2, []string{"T0882", "T0811"}, "", "", nil},
	{"Kompromittierung des LTE-Routers im Brunnenfeld", "An attacker with access to the mobile network attacks the LTE router and sends DNP3 commands to the well RTUs.",
		saHacktivist, "Mobile network", TargetZone, szRemoteSite, []FR{FR1, FR3, FR4, FR5},
		cons(ConsequenceProduction, 3), 3, []string{"T0860", "T0883", "T0855"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-PKI", scK11), cmRef("CM-PHYS", szRemoteSite)}},
	{"Störung der Richtfunkstrecke Lindenberg", "Jamming or interception of the microwave link blinds the pump PLC to the reservoir level.",
		saRansomware, "Radio path", TargetConduit, scK12, []FR{FR3, FR4, FR7},
		cons(ConsequenceProduction, 3), 2, []string{"T0860", "T0830", "T0815"}, "", "", nil},
	{"Ausnutzung ungepatchter SCADA-Server", "A known Windows vulnerability on SCADA01 is exploited; operators lose the view of the process.",
		saRansomware, "Site operations zone", TargetAsset, "SCADA-Server SCADA01 (primär)", []FR{FR2, FR3, FR6, FR7},
		cons(ConsequenceProduction, 4), 3, []string{"T0866", "T0815", "T0829"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-ALLOWLIST", "SCADA-Server SCADA01 (primär)"), cmRef("CM-PATCH", szSCADA)}},
	{"Unterdrückung von Alarmen im HMI", "Alarms of the disinfection are suppressed in InTouch so that operators miss a dosing failure.",
		saAPT, "SCADA application", TargetAsset, "AVEVA System Platform / InTouch HMI", []FR{FR2, FR3, FR6},
		cons(ConsequenceSafety, 3, ConsequenceRegulatory, 3), 2, []string{"T0878", "T0815", "T0832"}, "", "", nil},
	{"Manipulierte Firmware in der Zellen-Firewall", "Modified firmware on the SCALANCE SC646-2C opens a hidden path into the filtration zone.",
		saAPT, "Firmware update", TargetAsset, "Zellen-Firewall SCALANCE SC646-2C", []FR{FR3, FR5},
		cons(ConsequenceProduction, 3), 1, []string{"T0839", "T0857"}, "", "", nil},
	{"Kompromittiertes Software-Update des Ignition-Gateways", "A supply-chain attack delivers a backdoored module for the Ignition gateway.",
		saAPT, "Vendor update", TargetAsset, "Ignition Gateway (Berichte & Mobile)", []FR{FR3},
		cons(ConsequenceProduction, 3), 1, []string{"T0862"}, "", "", nil},
	{"Übernahme des OT-Domänencontrollers", "With stolen domain admin credentials the attacker creates accounts on all OT servers.",
		saRansomware, "Jump host session", TargetAsset, "Domänencontroller DC01", []FR{FR1, FR2},
		cons(ConsequenceProduction, 4, ConsequenceFinancial, 3), 3, []string{"T0859", "T0866", "T0886"}, "", "", nil},
	{"Rückkanal durch die Datendiode", "An attacker tries to use the historian replication as a command channel back into the OT.",
		saAPT, "OT DMZ", TargetConduit, scK02, []FR{FR5},
		cons(ConsequenceProduction, 3), 1, []string{"T0884", "T0869"}, TreatmentAccept,
		"Hardware-enforced one-way transfer; residual risk accepted by the works management (decision log 2026-11-19).",
		[]sampleCM{cmRef("CM-DIODE", scK02)}},
	{"Brute-Force auf den Jump-Host", "RDP password guessing or an RDP vulnerability on the jump host.",
		saHacktivist, "Vendor VPN", TargetConduit, scK04, []FR{FR1, FR2, FR5},
		cons(ConsequenceProduction, 3), 3, []string{"T0886", "T0866"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-MFA", szRemote)}},
	{"Drive-by-Kompromittierung der Engineering-Workstation ENG02", "ENG02 is used to browse a vendor portal through a temporary proxy rule and is infected.",
		saRansomware, "Web browsing", TargetAsset, "Engineering-Workstation ENG02 (Studio 5000 V35)", []FR{FR2, FR3, FR5},
		cons(ConsequenceProduction, 3), 2, []string{"T0817", "T0863"}, "", "", nil},
	{"Manipulation der Trübungsmessung", "Spoofed turbidity values hide a filter breakthrough; unsafe water reaches the network.",
		saHacktivist, "Filtration zone", TargetZone, szDisinfect, []FR{FR1, FR2, FR3},
		cons(ConsequenceSafety, 4, ConsequenceRegulatory, 4), 2, []string{"T0836", "T0832", "T0831"}, "", "", nil},
	{"Schreibbefehle über die SIS-Kopplung", "Modbus write commands through the SIS–SCADA conduit try to bypass a gas detector.",
		saHacktivist, "SCADA zone", TargetConduit, scK10, []FR{FR3, FR5},
		cons(ConsequenceSafety, 5), 2, []string{"T0855", "T0880"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-DPI-FW", scK10)}},
	{"Manipulation der Zeitsynchronisation", "Spoofed NTP time corrupts historian records and hampers incident analysis.",
		saRansomware, "Site operations zone", TargetConduit, scK05, []FR{FR3, FR6},
		cons(ConsequenceRegulatory, 2), 2, []string{"T0830"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-NTP", scK05)}},
	{"Zerstörung der Datensicherungen", "Ransomware deletes backups before encrypting servers.",
		saRansomware, "Domain admin account", TargetAsset, "Veeam Backup & Replication", []FR{FR3, FR7},
		cons(ConsequenceProduction, 4, ConsequenceFinancial, 3), 3, []string{"T0809", "T0881"}, TreatmentMitigate, "",
		[]sampleCM{cmRef("CM-BACKUP", szSiteOps)}},
	{"Umgehung der USB-Schleuse", "An integrator plugs an unscanned stick directly into a PLC panel PC.",
		saCasual, "Integrator's USB stick", TargetConduit, scK13, []FR{FR2, FR3, FR5},
		cons(ConsequenceProduction, 3), 3, []string{"T0847"}, TreatmentTransfer,
		"Integrator contract (Anlage 4) makes the integrator liable for unscanned media; audited yearly.", nil},
	{"Abfluss von Projektdaten über Service-Laptops", "PLC projects and network plans leave the works on an integrator laptop.",
		saCasual, "Integrator laptop", TargetZone, szTransient, []FR{FR4},
		cons(ConsequenceReputation, 2), 3, []string{"T0882", "T0864"}, TreatmentAccept,
		"Projects are know-how protected; NDA with all integrators. Residual risk accepted.", nil},
}

func addSampleThreats(p *Project) {
	p.Actors = []ThreatActor{
		{ID: sampleActorID(saCasual), Name: saCasual, Capability: 1, Motivation: "None or curiosity",
			Description: "Staff, integrators or visitors who cause harm by mistake or with casual means (SL 1)."},
		{ID: sampleActorID(saRansomware), Name: saRansomware, Capability: 2, Motivation: "Financial gain",
			Description: "Criminal group with generic IT tools and low resources, not specific to IACS (SL 2)."},
		{ID: sampleActorID(saHacktivist), Name: saHacktivist, Capability: 3, Motivation: "Political attention",
			Description: "Group with IACS-specific skills and moderate resources that targets water utilities (SL 3)."},
		{ID: sampleActorID(saAPT), Name: saAPT, Capability: 4, Motivation: "Sabotage and espionage",
			Description: "Sophisticated actor with extended resources and IACS-specific knowledge (SL 4)."},
	}
	for _, c := range sampleCMs {
		p.Countermeasures = append(p.Countermeasures, CountermeasureInstance{
			ID: c.id(), MeasureID: c.measure, TargetKind: c.kind, TargetID: sampleTargetID(c.kind, c.target),
			Status: c.status, Reason: c.reason, Owner: c.owner, Due: c.due, Notes: c.notes,
		})
	}
	for _, s := range sampleScenarios {
		sc := ThreatScenario{
			ID: StableID("scenario:" + s.name), Name: s.name, Description: s.desc, ActorID: sampleActorID(s.actor),
			EntryPoint: s.entry, TargetKind: s.kind, TargetID: sampleTargetID(s.kind, s.target), FRs: s.frs,
			Consequences: s.cons, Likelihood: s.likelihood, Techniques: s.techniques, Treatment: s.treatment, TreatmentNote: s.note,
		}
		for _, c := range s.cms {
			sc.Countermeasures = append(sc.Countermeasures, c.id())
		}
		p.Scenarios = append(p.Scenarios, sc)
	}
	p.Decisions = []Decision{
		{ID: StableID("decision:1"), At: "2026-11-12T10:30:00+01:00", By: "Risk workshop (K. Brandt, Dr. J. Weiß, M. Öztürk)",
			Subject: "Tolerable risk", Decision: "The tolerable-risk line is 'medium'; SL-T by threat actor capability.",
			Rationale: "Drinking water is critical infrastructure (KRITIS); high and critical risks need treatment."},
		{ID: StableID("decision:2"), At: "2026-11-12T14:15:00+01:00", By: "Risk workshop",
			Subject: "Network access control in the filtration", Decision: "802.1X (CM-NAC) is rejected for the filtration zone.",
			Rationale: "PROFINET devices cannot authenticate; port security is used instead.",
			ObjectID:  sampleCM{measure: "CM-NAC", target: szFiltration}.id()},
		{ID: StableID("decision:3"), At: "2026-11-19T09:00:00+01:00", By: "Mehmet Öztürk",
			Subject: "Residual risk of the data diode", Decision: "Residual risk of a return channel through K02 is accepted.",
			Rationale: "The one-way transfer is enforced in hardware.",
			ObjectID:  StableID("scenario:Rückkanal durch die Datendiode")},
		{ID: StableID("decision:4"), At: "2026-11-12T11:45:00+01:00", By: "Risk workshop (K. Brandt, Dr. J. Weiß)",
			Subject: "SL-T of the chlorine-gas SIS", Decision: "FR7 (resource availability) of the SIS zone is set to SL 3 by override.",
			Rationale: "A lost safety function forces a stop of chlorination; the KRITIS policy asks for SL 3 availability on safety systems.",
			ObjectID:  sampleZoneID(szSIS)},
	}
}
