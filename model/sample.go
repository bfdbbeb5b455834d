package model

import "strings"

// Sample returns the built-in sample plant that a new user sees first: the
// drinking-water treatment works "Wasserwerk Nordhafen" of a (fictional)
// municipal utility, with eleven zones in Purdue bands, 56 assets of all four
// classes, 13 conduits of every type, four threat actors, 24 threat scenarios
// citing MITRE ATT&CK for ICS, countermeasures in every status and a decision
// log. IDs are stable and every call returns the same project, so
// Marshal(Sample()) is byte-identical across calls and builds. It validates
// without errors; its warnings are intended findings for the user to explore.
func Sample() *Project {
	p := &Project{
		SchemaVersion: SchemaVersion,
		ID:            StableID("project:Wasserwerk Nordhafen"),
		Info: Info{
			Name:           "Wasserwerk Nordhafen",
			Client:         "Stadtwerke Nordhafen GmbH",
			Site:           "Wasserwerk Nordhafen, Am Wasserturm 7, Nordhafen",
			Author:         "Katrin Brandt",
			Revision:       "1.2",
			Date:           "2026-11-26",
			Classification: "Vertraulich / Confidential",
			SUC: SUC{
				Description: "Drinking-water treatment works supplying about 180,000 inhabitants: raw-water wells and intake, " +
					"rapid sand filtration, chlorine-dioxide disinfection with a chlorine-gas store, clear-water tanks and " +
					"distribution pumps, two elevated tanks (Hochbehälter) and a remote well field, operated from the control room (Leitwarte).",
				Scope: "All automation and control systems of the works from the OT DMZ down to field devices, the remote sites " +
					"and the vendor remote-access path. The enterprise network is in scope as a zone only, as the source of the conduits " +
					"into the SUC and for the requirements on its boundary; its office systems themselves are not assessed.",
				Assumptions: []string{
					"The enterprise network (Unternehmensnetz) is untrusted and managed by the utility's IT department.",
					"Buildings of the works are fenced, alarmed and under 24/7 control-room staffing.",
					"Remote sites are unmanned; cabinets are locked and door contacts are alarmed to the SCADA.",
					"Safety instrumented functions are designed to IEC 61511; their SIL verification is out of scope.",
				},
				ExternalInterfaces: []string{
					"Internet via the enterprise firewall (vendor VPN, patch downloads)",
					"Mobile network (private APN) to the well field",
					"Licensed microwave link to Hochbehälter Lindenberg",
				},
			},
			Approvals: []Approval{
				{Role: "Prepared", Name: "Katrin Brandt", Title: "OT Security Consultant", Date: "2026-11-26"},
				{Role: "Reviewed", Name: "Dr. Jürgen Weiß", Title: "Leiter Automatisierungstechnik", Date: "2026-11-27"},
				{Role: "Approved", Name: "Mehmet Öztürk", Title: "Technischer Geschäftsführer"},
			},
			Method: MethodActorCapability,
			Matrix: DefaultRiskMatrix(),
		},
	}
	addSampleZones(p)
	addSampleAssets(p)
	addSampleConduits(p)
	addSampleThreats(p)
	addSampleMethod(p)
	addSampleAddresses(p)
	addSampleCRS(p)
	return p
}

func sampleZoneID(name string) ID    { return StableID("zone:" + name) }
func sampleAssetID(name string) ID   { return StableID("asset:" + name) }
func sampleConduitID(name string) ID { return StableID("conduit:" + name) }

// Sample zone names, used for cross references.
const (
	szEnterprise = "Unternehmensnetz Stadtwerke"
	szDMZ        = "OT-DMZ"
	szRemote     = "Fernwartung (Vendor Remote Access)"
	szSiteOps    = "Betriebsleitebene"
	szSCADA      = "Leitwarte SCADA"
	szFiltration = "Rohwasser & Filtration"
	szDisinfect  = "Desinfektion & Reinwasserpumpen"
	szSIS        = "SIS Chlorgasanlage"
	szField      = "Feldebene Filtration"
	szRemoteSite = "Außenstellen Brunnenfeld & Hochbehälter"
	szTransient  = "Service-Laptops & Wechseldatenträger"
)

// Canvas layout: one band per Purdue level, enterprise at the top, field at
// the bottom, in a 1400 × 1000 area.
const (
	sampleZoneW   = 260
	sampleZoneH   = 140
	sampleBandTop = 40
	sampleBandH   = 160
	sampleColLeft = 40
	sampleColW    = 330
)

func purdueBand(level float64) int {
	switch {
	case level >= 5:
		return 0
	case level >= 4:
		return 0
	case level >= 3.5:
		return 1
	case level >= 3:
		return 2
	case level >= 2:
		return 3
	case level >= 1:
		return 4
	}
	return 5
}

func addSampleZones(p *Project) {
	type zdef struct {
		name     string
		typ      ZoneType
		level    float64
		col      int
		desc     string
		org      string
		logical  string
		physical string
		safety   string
		access   []string
		roles    []Role
		efs      []EssentialFunction
		assume   []string
	}
	defs := []zdef{
		{name: szEnterprise, typ: ZoneEnterprise, level: 4, col: 1,
			desc: "Office and business systems of the utility: ERP, e-mail, office clients.",
			org:  "Stadtwerke Nordhafen – IT", logical: "VLANs 10–99, 10.10.0.0/16", physical: "Verwaltungsgebäude and data centre",
			access: []string{"FortiGate 600F towards the Internet", "FortiGate 100F towards the OT DMZ"},
			roles:  []Role{{Name: "IT-Administrator", Privileges: "Domain administration of the office AD"}}},
		{name: szDMZ, typ: ZoneDMZ, level: 3.5, col: 1,
			desc: "Industrial DMZ: historian replica, PI Vision web server and security log collector; no direct path from IT to OT.",
			org:  "Stadtwerke Nordhafen – Automatisierungstechnik", logical: "172.16.35.0/24", physical: "Server room Betriebsgebäude, rack B2",
			access: []string{"FortiGate 100F (IT side)", "Waterfall WF-500 receive side"},
			roles:  []Role{{Name: "OT-Administrator", Privileges: "Administration of DMZ servers"}}},
		{name: szRemote, typ: ZoneRemoteAccess, level: 3.5, col: 2,
			desc: "Vendor and on-call remote access: VPN termination, MFA and a recorded jump host. The only way into the OT from outside.",
			org:  "Stadtwerke Nordhafen – Automatisierungstechnik", logical: "172.16.36.0/24", physical: "Server room Betriebsgebäude, rack B2",
			access: []string{"Cisco Secure Firewall 1120 (IPsec/SSL VPN)", "Jump host RDP"},
			roles: []Role{
				{Name: "Hersteller-Fernwartung", Privileges: "Time-limited RDP to named engineering workstations after approval by the control room"},
				{Name: "Rufbereitschaft", Privileges: "Read-only SCADA client via jump host"},
			}},
		{name: szSiteOps, typ: ZoneSupervisory, level: 3, col: 1,
			desc: "Site operations: historian, OT domain controller, backup, patch and antivirus server, OT intrusion detection.",
			org:  "Stadtwerke Nordhafen – Automatisierungstechnik", logical: "172.16.30.0/24, OT domain ww-nordhafen.local", physical: "Server room Betriebsgebäude, racks B3–B4",
			access: []string{"Waterfall WF-500 transmit side", "Jump host RDP", "FortiGate 60F towards the SCADA"},
			roles: []Role{
				{Name: "OT-Administrator", Privileges: "Administration of the OT domain and servers"},
				{Name: "Backup-Operator", Privileges: "Run and restore backups"},
			}},
		{name: szSCADA, typ: ZoneSupervisory, level: 2, col: 1,
			desc: "Control room: redundant SCADA servers, operator stations, engineering workstations and the OPC UA server.",
			org:  "Stadtwerke Nordhafen – Betrieb Wasserwerk", logical: "172.16.20.0/24", physical: "Leitwarte and server room Betriebsgebäude",
			access: []string{"FortiGate 60F (site operations)", "SCALANCE SC646-2C (filtration)", "Stratix 5700 (disinfection)", "EAGLE40 (SIS)", "LTE VPN concentrator"},
			roles: []Role{
				{Name: "Operator", Privileges: "Operate the process from the SCADA"},
				{Name: "Schichtleiter", Privileges: "Operator plus alarm shelving and set-point limits"},
				{Name: "Engineer", Privileges: "Change SCADA and PLC programs"},
				{Name: "Leitwarte (shared)", Privileges: "Shared operator login on the wall display", Shared: true},
			},
			efs: []EssentialFunction{{Name: "Process visualisation and alarming in the Leitwarte", Kind: EssentialAvailability,
				Intolerant: []Impact{ImpactLockout, ImpactAuthWait}, Notes: "Operators must never be locked out of the HMI during an upset."}}},
		{name: szFiltration, typ: ZoneControl, level: 1, col: 0,
			desc: "Raw-water intake and rapid sand filtration: Siemens S7-1500 PLCs, local HMI panel, PROFINET ring.",
			org:  "Stadtwerke Nordhafen – Betrieb Wasserwerk", logical: "172.16.11.0/24 and PROFINET IO system 100", physical: "Filterhalle, cabinets +F1 to +F4",
			access: []string{"SCALANCE SC646-2C"},
			roles:  []Role{{Name: "Engineer", Privileges: "TIA Portal access to the filtration PLCs"}},
			efs: []EssentialFunction{{Name: "Filter control and backwash sequencing", Kind: EssentialAvailability,
				Intolerant: []Impact{ImpactScanning, ImpactLatency, ImpactReboot}}}},
		{name: szDisinfect, typ: ZoneControl, level: 1, col: 1,
			desc: "Chlorine-dioxide disinfection (Rockwell ControlLogix) and the clear-water distribution pumps (Schneider Modicon M580).",
			org:  "Stadtwerke Nordhafen – Betrieb Wasserwerk", logical: "172.16.12.0/24", physical: "Chemikaliengebäude and Reinwasserpumpwerk",
			access: []string{"Stratix 5700", "Microwave link to Hochbehälter Lindenberg"},
			roles:  []Role{{Name: "Engineer", Privileges: "Studio 5000 and Control Expert access"}},
			efs: []EssentialFunction{
				{Name: "Drinking-water supply (Reinwasserpumpen)", Kind: EssentialAvailability, Intolerant: []Impact{ImpactReboot}, Notes: "Pumps must keep running through any change; restarts only in the maintenance window."},
				{Name: "Disinfection dosing", Kind: EssentialProtection, Intolerant: []Impact{ImpactReboot, ImpactLatency}},
			}},
		{name: szSIS, typ: ZoneSafety, level: 1, col: 2, safety: "SIL 2 SIS (IEC 61511)",
			desc: "Safety instrumented system of the chlorine-gas store: HIMA HIMax, Dräger gas detection, SILworX engineering station.",
			org:  "Stadtwerke Nordhafen – Betrieb Wasserwerk (Safety)", logical: "Isolated safeethernet network, 192.168.50.0/24", physical: "Chlorgaslager, cabinet +S1; SIS engineering desk in the Leitwarte",
			access: []string{"EAGLE40 (read-only Modbus/TCP)", "RS-485 status link to the ControlLogix"},
			roles:  []Role{{Name: "SIS-Engineer", Privileges: "SILworX, two named persons, change under MOC"}},
			efs: []EssentialFunction{
				{Name: "Chlorgas-Notabschaltung (emergency shutdown of the chlorine store)", Kind: EssentialSafety,
					Intolerant: []Impact{ImpactLockout, ImpactScanning, ImpactReboot, ImpactCPU},
					Notes:      "SIL 2; the SIS engineering station must stay usable in an emergency: no account lock-out."},
				{Name: "Gaswarnung und Alarmierung", Kind: EssentialSafety, Intolerant: []Impact{ImpactScanning, ImpactLatency}, Notes: "Gas alarms reach the control room within 2 s; one-way transfer towards SCADA is acceptable."},
			},
			assume: []string{"Safety functions are verified by the operator's functional safety management."}},
		{name: szField, typ: ZoneField, level: 0, col: 0,
			desc: "Field level of the filtration: ET 200SP remote I/O, SINAMICS drives, Endress+Hauser instruments on PROFINET.",
			org:  "Stadtwerke Nordhafen – Betrieb Wasserwerk", logical: "PROFINET IO system 100", physical: "Filterhalle and Rohwasserpumpwerk",
			access: []string{"SCALANCE SC646-2C (bridge mode)"},
			efs: []EssentialFunction{{Name: "Raw-water pumping", Kind: EssentialAvailability,
				Intolerant: []Impact{ImpactScanning, ImpactLatency}}}},
		{name: szRemoteSite, typ: ZoneWireless, level: 1, col: 3,
			desc: "Unmanned remote sites: well field (Brunnen 1–6) over LTE with a private APN, Hochbehälter Lindenberg over a licensed microwave link.",
			org:  "Stadtwerke Nordhafen – Netzbetrieb", logical: "172.16.40.0/22 over LTE (private APN) and microwave", physical: "Brunnenfeld Ost, Hochbehälter Lindenberg",
			access: []string{"SCALANCE M876-4 LTE routers", "Cambium PTP 670 radio"},
			efs:    []EssentialFunction{{Name: "Reservoir level control", Kind: EssentialAvailability, Intolerant: []Impact{ImpactLatency}}}},
		{name: szTransient, typ: ZoneTransient, level: 2, col: 3,
			desc: "Transient cyber assets: service laptops of staff and integrators, encrypted USB media, the USB scanning kiosk.",
			org:  "Stadtwerke Nordhafen – Automatisierungstechnik", logical: "No fixed network; connected temporarily", physical: "Werkstatt and visitors' desk",
			access: []string{"OPSWAT MetaDefender Kiosk"},
			roles:  []Role{{Name: "Integrator", Privileges: "Laptop use under escort and work permit"}}},
	}
	for _, d := range defs {
		z := Zone{
			ID: sampleZoneID(d.name), Name: d.name, Description: d.desc, Type: d.typ, PurdueLevel: d.level,
			Organisation: d.org, LogicalBoundary: d.logical, PhysicalBoundary: d.physical, SafetyDesignation: d.safety,
			EssentialFunctions: d.efs, AccessPoints: d.access, Roles: d.roles, Assumptions: d.assume,
			Bounds: Rect{X: sampleColLeft + float64(d.col*sampleColW), Y: sampleBandTop + float64(purdueBand(d.level)*sampleBandH), W: sampleZoneW, H: sampleZoneH},
		}
		if d.name == szSIS {
			z.SLTOverrides = []SLOverride{{FR: FR7, SL: 3, Justification: "Chlorine-gas SIS: resource availability raised to SL 3 by the operator's KRITIS security policy, since a lost safety function stops chlorination (decision log, 2026-11-12)."}}
		}
		p.Zones = append(p.Zones, z)
	}
}

// sampleFlow builds a data flow between two sample zones (by name); the
// initiator is the from zone unless init is given.
func sampleFlow(protocol, port, transport, from, to, purpose string, init ...string) DataFlow {
	f := DataFlow{Protocol: protocol, Port: port, Transport: transport, From: sampleZoneID(from), To: sampleZoneID(to),
		Initiator: sampleZoneID(from), Purpose: purpose}
	if len(init) > 0 {
		f.Initiator = sampleZoneID(init[0])
	}
	return f
}

// sampleTunnel marks a VPN tunnel flow that carries people's remote
// sessions as interactive: its protocol alone (IPsec) says nothing about
// what runs inside, and the requirements on people logging on apply to it.
func sampleTunnel(f DataFlow) DataFlow {
	f.Kind = FlowInteractive
	return f
}

func addSampleConduits(p *Project) {
	type cdef struct {
		name   string
		typ    ConduitType
		zones  []string
		desc   string
		access []string
		flows  []DataFlow
	}
	defs := []cdef{
		{"K01 Unternehmen – OT-DMZ", ConduitFirewall, []string{szEnterprise, szDMZ},
			"FortiGate 100F, deny by default; only the listed flows are permitted.", []string{"FortiGate 100F"},
			[]DataFlow{
				sampleFlow("HTTPS (PI Vision)", "443", "TCP", szEnterprise, szDMZ, "Office users view trends and reports"),
				sampleFlow("SMTP", "25", "TCP", szDMZ, szEnterprise, "Alarm and report e-mails via the company relay"),
				sampleFlow("NTP", "123", "UDP", szDMZ, szEnterprise, "Time from the company stratum-2 servers"),
				sampleFlow("HTTPS (update proxy)", "8080", "TCP", szDMZ, szEnterprise, "Signature and patch downloads via proxy"),
			}},
		{"K02 Historian-Replikation (Datendiode)", ConduitUnidirectional, []string{szSiteOps, szDMZ},
			"Waterfall WF-500 unidirectional gateway: data leaves the OT, nothing can flow back.", []string{"Waterfall WF-500"},
			[]DataFlow{
				sampleFlow("PI-to-PI replication", "5450", "TCP (proxied across the diode)", szSiteOps, szDMZ, "Historian replica for office users"),
				sampleFlow("Syslog", "514", "UDP", szSiteOps, szDMZ, "Security events to the SIEM collector"),
			}},
		{"K03 Hersteller-VPN", ConduitVPN, []string{szEnterprise, szRemote},
			"IPsec VPN of vendors and on-call staff from the Internet edge to the remote-access zone, with MFA.", []string{"Cisco Secure Firewall 1120"},
			[]DataFlow{
				sampleFlow("IKEv2", "500", "UDP", szEnterprise, szRemote, "VPN key exchange"),
				sampleTunnel(sampleFlow("IPsec NAT-T", "4500", "UDP", szEnterprise, szRemote,
					"VPN tunnel carrying the remote sessions of vendors and on-call staff")),
			}},
		{"K04 Jump-Host-Zugang", ConduitGateway, []string{szRemote, szSiteOps},
			"Sessions only through the recorded jump host; no routed path from the VPN into the OT.", []string{"Jump host JMP01"},
			[]DataFlow{
				sampleFlow("RDP", "3389", "TCP", szRemote, szSiteOps, "Vendor sessions to named servers"),
				sampleFlow("HTTPS (Nozomi console)", "443", "TCP", szRemote, szSiteOps, "On-call review of IDS alerts"),
			}},
		{"K05 Betriebsleitebene – SCADA", ConduitFirewall, []string{szSiteOps, szSCADA},
			"FortiGate 60F between site operations and the control room.", []string{"FortiGate 60F"},
			[]DataFlow{
				sampleFlow("OPC UA", "4840", "TCP", szSiteOps, szSCADA, "Historian collects process values from KEPServerEX"),
				sampleFlow("Kerberos", "88", "TCP/UDP", szSCADA, szSiteOps, "OT domain authentication"),
				sampleFlow("LDAPS", "636", "TCP", szSCADA, szSiteOps, "OT domain directory"),
				sampleFlow("NTP", "123", "UDP", szSCADA, szSiteOps, "Time from the domain controller"),
				sampleFlow("Syslog", "514", "UDP", szSCADA, szSiteOps, "Logs to the SIEM forwarder"),
				sampleFlow("SMB", "445", "TCP", szSiteOps, szSCADA, "Veeam backup of SCADA servers"),
				sampleFlow("WSUS", "8530", "TCP", szSCADA, szSiteOps, "Approved Windows updates"),
				sampleFlow("RDP", "3389", "TCP", szSiteOps, szSCADA, "Jump-host sessions to engineering workstations"),
			}},
		{"K06 SCADA – Filtration", ConduitFirewall, []string{szSCADA, szFiltration},
			"SCALANCE SC646-2C cell firewall in front of the filtration PLCs.", []string{"SCALANCE SC646-2C"},
			[]DataFlow{
				sampleFlow("S7comm-plus", "102", "TCP", szSCADA, szFiltration, "SCADA and TIA Portal access to the S7-1500"),
				sampleFlow("OPC UA", "4840", "TCP", szSCADA, szFiltration, "KEPServerEX reads the S7-1500 OPC UA server"),
				sampleFlow("SNMPv3", "161", "UDP", szSCADA, szFiltration, "Switch monitoring"),
			}},
		{"K07 SCADA – Desinfektion", ConduitRouted, []string{szSCADA, szDisinfect},
			"Routed through the Stratix 5700 layer-3 switch with access lists.", []string{"Stratix 5700"},
			[]DataFlow{
				sampleFlow("EtherNet/IP (CIP explicit)", "44818", "TCP", szSCADA, szDisinfect, "SCADA access to the ControlLogix"),
				sampleFlow("Modbus/TCP", "502", "TCP", szSCADA, szDisinfect, "SCADA access to the M580 pump PLC"),
				sampleFlow("Studio 5000 (legacy rule)", "any", "TCP", szSCADA, szDisinfect, "Old commissioning rule from ENG02, to be removed"),
			}},
		{"K08 Filtration – Feldebene", ConduitFirewall, []string{szFiltration, szField},
			"SCALANCE SC646-2C in bridge mode between the PLCs and the PROFINET field devices.", []string{"SCALANCE SC646-2C"},
			[]DataFlow{
				sampleFlow("PROFINET RT", "", "Ethernet (0x8892)", szFiltration, szField, "Cyclic I/O", szFiltration),
				sampleFlow("PROFINET CM (DCE/RPC)", "34962-34964", "UDP", szFiltration, szField, "Connection setup and acyclic records"),
			}},
		{"K09 SIS-Statuskopplung", ConduitSerial, []string{szSIS, szDisinfect},
			"RS-485 Modbus RTU: the ControlLogix (via ProSoft MVI56E) reads SIS states; the SIS accepts no writes.", []string{"RS-485 terminal block +S1-X20"},
			[]DataFlow{
				sampleFlow("Modbus RTU (read-only)", "", "RS-485", szSIS, szDisinfect, "SIS trip and gas alarm states to the BPCS", szDisinfect),
			}},
		{"K10 SIS – SCADA (Modbus-DPI)", ConduitFirewall, []string{szSCADA, szSIS},
			"Hirschmann EAGLE40 with deep packet inspection that permits Modbus function codes 3 and 4 only.", []string{"EAGLE40"},
			[]DataFlow{
				sampleFlow("Modbus/TCP (function codes 3, 4)", "502", "TCP", szSIS, szSCADA, "SIS states and gas concentrations to the SCADA", szSCADA),
			}},
		{"K11 LTE-VPN Außenstellen", ConduitVPN, []string{szRemoteSite, szSCADA},
			"IPsec over a private LTE APN from the well-field routers to the control room.", []string{"SCALANCE M876-4", "SCALANCE SC646-2C (VPN concentrator)"},
			[]DataFlow{
				sampleFlow("DNP3", "20000", "TCP", szSCADA, szRemoteSite, "SCADA polls the well RTUs; unsolicited responses"),
				sampleFlow("IPsec NAT-T", "4500", "UDP", szRemoteSite, szSCADA, "VPN tunnel"),
			}},
		{"K12 Richtfunk Hochbehälter Lindenberg", ConduitWireless, []string{szRemoteSite, szDisinfect},
			"Licensed 18 GHz microwave link, AES-256 encrypted.", []string{"Cambium PTP 670"},
			[]DataFlow{
				sampleFlow("Modbus/TCP", "502", "TCP", szDisinfect, szRemoteSite, "Pump PLC reads reservoir levels"),
			}},
		{"K13 USB-Schleuse & Service-Laptops", ConduitRemovableMedia, []string{szTransient, szFiltration, szDisinfect},
			"Files reach the control zones only on media scanned at the kiosk; laptops connect under work permit.", []string{"OPSWAT MetaDefender Kiosk"},
			[]DataFlow{
				sampleFlow("USB mass storage (scanned)", "", "USB", szTransient, szFiltration, "PLC projects and firmware"),
				sampleFlow("USB mass storage (scanned)", "", "USB", szTransient, szDisinfect, "PLC projects and firmware"),
			}},
	}
	for _, d := range defs {
		c := Conduit{ID: sampleConduitID(d.name), Name: d.name, Description: d.desc, Type: d.typ,
			Flows: d.flows, AccessPoints: d.access}
		for _, z := range d.zones {
			c.ZoneIDs = append(c.ZoneIDs, sampleZoneID(z))
		}
		p.Conduits = append(p.Conduits, c)
	}
}

// sampleFocus returns the class's checklist with some items filled in; each
// entry is "key|status|evidence".
func sampleFocus(c AssetClass, entries []string) []FocusPoint {
	fps := DefaultFocusPoints(c)
	for _, e := range entries {
		parts := strings.SplitN(e, "|", 3)
		for i := range fps {
			if fps[i].Key == parts[0] {
				fps[i].Status = FocusStatus(parts[1])
				if len(parts) == 3 {
					fps[i].Evidence = parts[2]
				}
			}
		}
	}
	return fps
}
