package model

// addSampleCRS fills the fields the cyber security requirements
// specification needs beyond the zoning (IEC 62443-3-2 ZCR 6.4, 6.6, 6.7,
// 6.9): conduit owners and boundaries, assumptions and external
// dependencies, the threat environment, the utility's own policies and the
// regulations a German drinking-water utility is subject to.
func addSampleCRS(p *Project) {
	p.SUC.ThreatEnvironment = "Drinking-water supply is critical infrastructure and a declared target: the BSI situation reports " +
		"name ransomware against municipal utilities and hacktivists attacking Internet-exposed water HMIs as the main threats; " +
		"state-sponsored groups have pre-positioned in water networks abroad. The utility itself recorded two phishing campaigns " +
		"against the office network in 2025 and no incident inside the OT."
	p.SUC.Policies = []string{
		"Informationssicherheitsleitlinie der Stadtwerke Nordhafen (ISMS to ISO/IEC 27001, scope including the waterworks)",
		"Betriebsanweisung Fernzugriff BA-IT-07 (remote access by vendors and on-call staff)",
		"Arbeitsfreigabeverfahren Wasserwerk (work permits for integrators and service laptops)",
	}
	p.SUC.Regulations = []Regulation{
		{Key: "de-kritis", Note: "The works supplies about 180,000 inhabitants, above the KRITIS threshold for drinking water: " +
			"state-of-the-art safeguards, proof to the BSI every two years, incident reporting."},
		{Key: "de-b3s-water", Note: "The sector standard the utility uses to demonstrate the state of the art under §8a BSIG."},
		{Key: "eu-nis2", Note: "Drinking-water supply is a sector of high criticality (Annex I); the utility is an essential entity."},
		{Key: "de-nis2umsucg", Note: "German transposition of NIS2: registration, risk management measures and management liability."},
		{Key: "iec-62443", Note: "Method of this assessment; requirements of IEC 62443-3-3 and 4-2 are specified for suppliers."},
		{Name: "Trinkwasserverordnung (TrinkwV) §13", Note: "Obligation to report disruptions of the water supply to the health authority; a cyber incident that stops disinfection is such a disruption."},
	}
	zoneDeps := map[string][]string{
		szEnterprise: {"Internet uplink of the utility's IT department"},
		szDMZ:        {"SIEM of the utility's IT security team (log collection and alerting)", "Company NTP and mail relay in the enterprise network"},
		szRemote:     {"Vendor accounts and MFA tokens issued by the utility's IT department"},
		szSiteOps:    {"Backup storage in the second fire compartment", "On-call service of the Nozomi Networks partner"},
		szSCADA:      {"Uninterruptible power supply of the control room (2 h autonomy)"},
		szRemoteSite: {"Private LTE APN of the mobile network operator", "Licensed 18 GHz microwave frequency (Federal Network Agency)"},
		szSIS:        {"Annual proof test by the SIS vendor's service"},
		szTransient:  {"Malware signatures of the OPSWAT kiosk, updated daily via the DMZ proxy"},
	}
	for i := range p.Zones {
		p.Zones[i].Dependencies = zoneDeps[p.Zones[i].Name]
	}
	type cdef struct {
		org, boundary string
		assume, deps  []string
	}
	it, ops, auto, net := "Stadtwerke Nordhafen – IT", "Stadtwerke Nordhafen – Betrieb Wasserwerk",
		"Stadtwerke Nordhafen – Automatisierungstechnik", "Stadtwerke Nordhafen – Netzbetrieb"
	defs := map[string]cdef{
		"K01 Unternehmen – OT-DMZ": {it, "From the office core switch to the DMZ switch, including the FortiGate 100F and its management interface",
			[]string{"The IT department changes the rule set only with the OT security officer's approval."}, nil},
		"K02 Historian-Replikation (Datendiode)": {auto, "Waterfall WF-500 transmit side in Betriebsleitebene to receive side in the OT-DMZ", nil, nil},
		"K03 Hersteller-VPN": {it, "Internet edge firewall to the VPN concentrator in the remote-access zone",
			nil, []string{"Internet service provider of the utility", "Vendor accounts managed by the IT department"}},
		"K04 Jump-Host-Zugang":          {auto, "Jump host JMP01 and its firewall rules into Betriebsleitebene", []string{"Sessions are recorded and the recordings kept 90 days."}, nil},
		"K05 Betriebsleitebene – SCADA": {auto, "FortiGate 60F with both interfaces and its rule set", nil, nil},
		"K06 SCADA – Filtration":        {auto, "SCALANCE SC646-2C cell firewall in the filtration switch cabinet", nil, nil},
		"K07 SCADA – Desinfektion":      {auto, "Stratix 5700 access lists between the SCADA and disinfection VLANs", nil, nil},
		"K08 Filtration – Feldebene":    {ops, "PROFINET ports of the SC646-2C and the field cabling in the filter hall", []string{"The filter hall is locked and alarmed."}, nil},
		"K09 SIS-Statuskopplung":        {auto, "RS-485 cable from terminal block +S1-X20 in the SIS cabinet to the ProSoft module", []string{"The cable runs inside the locked SIS room only."}, nil},
		"K10 SIS – SCADA (Modbus-DPI)":  {auto, "EAGLE40 with its DPI rule set in the SIS cabinet", nil, nil},
		"K11 LTE-VPN Außenstellen": {net, "SCALANCE M876-4 routers at the wells to the VPN concentrator in the control room",
			[]string{"The private APN is not reachable from the Internet."}, []string{"Private LTE APN of the mobile network operator"}},
		"K12 Richtfunk Hochbehälter Lindenberg": {net, "Both Cambium PTP 670 radios and their masts",
			nil, []string{"Licensed 18 GHz frequency (Federal Network Agency)"}},
		"K13 USB-Schleuse & Service-Laptops": {auto, "Scanning kiosk, the encrypted media pool and the service laptops under work permit",
			[]string{"Only media scanned at the kiosk are plugged into control-zone assets."}, nil},
	}
	for i := range p.Conduits {
		if d, ok := defs[p.Conduits[i].Name]; ok {
			c := &p.Conduits[i]
			c.Organisation, c.Boundary, c.Assumptions, c.Dependencies = d.org, d.boundary, d.assume, d.deps
		}
	}
}
