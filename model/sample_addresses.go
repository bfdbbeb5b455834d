package model

// The sample plant's network identity: subnets and VLANs per zone, IP
// addresses per asset, in the addressing plan the zones' logical boundaries
// describe. Firewall rules, reconcile and the review of firewall dumps need
// them. Software applications run on the hosts and have no address of their
// own; transient devices are connected only temporarily and get none.

// sampleZoneNets maps a sample zone to its subnets and VLANs.
var sampleZoneNets = map[string]struct {
	subnets []string
	vlans   []int
}{
	szEnterprise: {[]string{"10.10.0.0/16"}, nil},
	szDMZ:        {[]string{"172.16.35.0/24"}, []int{35}},
	szRemote:     {[]string{"172.16.36.0/24"}, []int{36}},
	szSiteOps:    {[]string{"172.16.30.0/24"}, []int{30}},
	szSCADA:      {[]string{"172.16.20.0/24"}, []int{20}},
	szFiltration: {[]string{"172.16.11.0/24"}, []int{11}},
	szDisinfect:  {[]string{"172.16.12.0/24"}, []int{12}},
	szSIS:        {[]string{"192.168.50.0/24"}, nil},
	szField:      {[]string{"172.16.10.0/24"}, []int{10}},
	szRemoteSite: {[]string{"172.16.40.0/22"}, []int{40}},
}

// sampleAssetIPs maps a sample asset to its IP address.
var sampleAssetIPs = map[string]string{
	"Büro-Client Betriebsleitung":                       "10.10.40.23",
	"ERP SAP S/4HANA (Instandhaltung)":                  "10.10.20.15",
	"Internet-Firewall FortiGate 600F":                  "10.10.0.1",
	"DMZ-Firewall FortiGate 100F":                       "172.16.35.1",
	"Waterfall WF-500 Unidirectional Gateway":           "172.16.35.5",
	"PI Server Replikat (DMZ)":                          "172.16.35.10",
	"PI Vision Webserver":                               "172.16.35.11",
	"SIEM-Collector (Splunk Heavy Forwarder)":           "172.16.35.20",
	"VPN-Gateway Fernwartung":                           "172.16.36.1",
	"Jump-Host JMP01":                                   "172.16.36.10",
	"MFA-Server privacyIDEA":                            "172.16.36.11",
	"Core-Switch Betriebsleitebene":                     "172.16.30.1",
	"Historian-Server HIST01":                           "172.16.30.10",
	"Domänencontroller DC01":                            "172.16.30.11",
	"Backup-Server BKP01":                               "172.16.30.12",
	"Patch- und AV-Server (WSUS, Trend Micro Apex One)": "172.16.30.13",
	"OT-IDS Nozomi Guardian":                            "172.16.30.14",
	"SCADA-Switch Hirschmann RSP35":                     "172.16.20.2",
	"SCADA-Server SCADA01 (primär)":                     "172.16.20.10",
	"SCADA-Server SCADA02 (redundant)":                  "172.16.20.11",
	"Bedienplatz Leitwarte 1":                           "172.16.20.21",
	"Bedienplatz Leitwarte 2":                           "172.16.20.22",
	"Engineering-Workstation ENG01 (TIA Portal V19)":    "172.16.20.31",
	"Engineering-Workstation ENG02 (Studio 5000 V35)":   "172.16.20.32",
	"Zellen-Firewall SCALANCE SC646-2C":                 "172.16.11.1",
	"Ring-Switch SCALANCE XC208":                        "172.16.11.2",
	"SPS Filtration S7-1500 (CPU 1516-3 PN/DP)":         "172.16.11.10",
	"SPS Rohwasserpumpwerk S7-1500 (CPU 1513-1 PN)":     "172.16.11.11",
	"HMI-Panel Filterhalle TP1200 Comfort":              "172.16.11.20",
	"Stratix 5700 Switch Desinfektion":                  "172.16.12.1",
	"SPS Desinfektion ControlLogix 5580 (1756-L83E)":    "172.16.12.10",
	"SPS Reinwasserpumpwerk Modicon M580 (BMEP584040)":  "172.16.12.11",
	"Chlordioxid-Dosieranlage Bello Zon CDV":            "172.16.12.20",
	"SIS-Firewall Hirschmann EAGLE40":                   "192.168.50.1",
	"Sicherheitssteuerung HIMA HIMax (X-CPU 31)":        "192.168.50.10",
	"Gaswarnanlage Dräger REGARD 7000":                  "192.168.50.20",
	"SIS-Engineering-Station":                           "192.168.50.30",
	"Dezentrale Peripherie ET 200SP (IM155-6PN HF)":     "172.16.10.21",
	"Frequenzumrichter Rohwasserpumpe P101":             "172.16.10.22",
	"Durchflussmesser Filterauslauf Promag W 400":       "172.16.10.23",
	"Trübungsmessung Reinwasser Liquiline CM44":         "172.16.10.24",
	"LTE-Router Brunnenfeld SCALANCE M876-4":            "172.16.41.1",
	"RTU Brunnen 3 SCADAPack 470":                       "172.16.41.3",
	"Richtfunk Lindenberg Cambium PTP 670":              "172.16.42.2",
	"RTU Hochbehälter Lindenberg SIMATIC RTU3030C":      "172.16.42.10",
}

// addSampleAddresses gives the sample's zones their subnets and VLANs and
// its assets their IP addresses.
func addSampleAddresses(p *Project) {
	for i := range p.Zones {
		z := &p.Zones[i]
		if n, ok := sampleZoneNets[z.Name]; ok {
			z.Subnets, z.VLANs = n.subnets, n.vlans
		}
	}
	for i := range p.Assets {
		a := &p.Assets[i]
		if ip, ok := sampleAssetIPs[a.Name]; ok {
			a.IPs = []string{ip}
		}
	}
}
