package model

import "strings"

// sampleAsset is one row of the sample plant's asset inventory.
type sampleAsset struct {
	zone, name    string
	class         AssetClass
	fn            AssetFunction
	vendor, model string
	firmware      string
	crit          Criticality
	flags         string // R remote access, W wireless, U removable media, X externally reachable, T transient
	slc           string // "" for unknown, else seven levels "2,2,2,1,2,2,2"
	source        SLCSource
	sdl           SupplierSDL
	desc          string
	focus         []string // "key|status|evidence"
}

const (
	clsApp  = ClassApplication
	clsEmb  = ClassEmbedded
	clsHost = ClassHost
	clsNet  = ClassNetwork
	fnBiz   = FunctionBusiness
	fnCtl   = FunctionControl
	fnSaf   = FunctionSafety
	fnInf   = FunctionInfrastructure
)

var sampleAssets = []sampleAsset{
	// Enterprise
	{szEnterprise, "ERP SAP S/4HANA (Instandhaltung)", clsApp, fnBiz, "SAP", "S/4HANA", "2023 FPS02", CriticalityMedium, "", "", SLCUnknown, SDLDeclared,
		"Maintenance orders and asset register; receives daily production figures.", nil},
	{szEnterprise, "Büro-Client Betriebsleitung", clsHost, fnBiz, "Dell", "OptiPlex 7010", "Windows 11 Enterprise 23H2", CriticalityLow, "", "", SLCUnknown, SDLUnknown,
		"Office PC of the works manager; views PI Vision.", nil},
	{szEnterprise, "Internet-Firewall FortiGate 600F", clsNet, fnInf, "Fortinet", "FortiGate 600F", "FortiOS 7.4.4", CriticalityHigh, "", "", SLCUnknown, SDLDeclared,
		"Internet edge of the utility; forwards the vendor VPN to the remote-access zone.", nil},
	// OT DMZ
	{szDMZ, "DMZ-Firewall FortiGate 100F", clsNet, fnInf, "Fortinet", "FortiGate 100F", "FortiOS 7.2.8", CriticalityHigh, "", "1,1,1,1,2,1,1", SLCVendor, SDLDeclared,
		"Separates the enterprise network from the OT DMZ.",
		[]string{"firewall-rules|done|Rule base reviewed 2026-10-02, 14 rules, all with owner and ticket", "zone-segmentation|done|One interface per zone, no any-any rules"}},
	{szDMZ, "PI Server Replikat (DMZ)", clsApp, fnBiz, "AVEVA", "PI Server", "2023 SP1", CriticalityMedium, "", "", SLCUnknown, SDLCertified,
		"Read-only replica of the historian for office users.", nil},
	{szDMZ, "PI Vision Webserver", clsHost, fnBiz, "HPE", "ProLiant DL360 Gen10", "Windows Server 2022 (21H2)", CriticalityLow, "", "", SLCUnknown, SDLUnknown,
		"Web trends and reports for office users.", []string{"patch-malware|partial|Monthly patching; antivirus installed, no application allow-listing"}},
	{szDMZ, "Waterfall WF-500 Unidirectional Gateway", clsNet, fnInf, "Waterfall Security Solutions", "WF-500", "7.2", CriticalityHigh, "", "2,2,2,2,3,2,2", SLCCertified, SDLCertified,
		"Hardware-enforced one-way transfer from site operations to the DMZ.", []string{"zone-segmentation|done|Optical one-way link verified at commissioning"}},
	{szDMZ, "SIEM-Collector (Splunk Heavy Forwarder)", clsApp, fnInf, "Splunk", "Splunk Enterprise Heavy Forwarder", "9.2.1", CriticalityMedium, "", "", SLCUnknown, SDLDeclared,
		"Forwards OT security events to the utility's SOC.", nil},
	// Remote access
	{szRemote, "VPN-Gateway Fernwartung", clsNet, fnInf, "Cisco", "Secure Firewall 1120", "FTD 7.4.1", CriticalityHigh, "X", "", SLCUnknown, SDLDeclared,
		"Terminates vendor IPsec VPNs; reachable from the Internet through the edge firewall.",
		[]string{"remote-access-control|done|VPN profiles per vendor, disabled by default, enabled per work permit"}},
	{szRemote, "Jump-Host JMP01", clsHost, fnInf, "Microsoft", "Windows Server 2022 VM", "Windows Server 2022 (21H2)", CriticalityHigh, "R", "", SLCUnknown, SDLUnknown,
		"Recorded RDP sessions for vendors and on-call staff.",
		[]string{"account-management|done|Named accounts only, sessions recorded and kept 90 days", "patch-malware|done|Patched monthly via WSUS, Defender for Endpoint"}},
	{szRemote, "MFA-Server privacyIDEA", clsApp, fnInf, "NetKnights", "privacyIDEA", "3.10", CriticalityMedium, "", "", SLCUnknown, SDLUnknown,
		"Second factor (TOTP and FIDO2) for VPN and jump host.", nil},
	// Site operations
	{szSiteOps, "Historian AVEVA PI Server", clsApp, fnCtl, "AVEVA", "PI Server", "2023 SP1", CriticalityHigh, "", "", SLCUnknown, SDLCertified,
		"Process historian of the works (regulatory records of disinfection).",
		[]string{"logging-audit|done|PI message log forwarded to the SIEM", "app-identities|partial|Service accounts named, passwords not yet rotated"}},
	{szSiteOps, "Historian-Server HIST01", clsHost, fnCtl, "Dell", "PowerEdge R650", "Windows Server 2022 (21H2)", CriticalityHigh, "", "", SLCUnknown, SDLUnknown,
		"Hosts the PI Server.", []string{"backup-recovery|done|Nightly Veeam image, restore test 2026-09-18"}},
	{szSiteOps, "Domänencontroller DC01", clsHost, fnInf, "HPE", "ProLiant DL360 Gen11", "Windows Server 2022 (21H2)", CriticalityHigh, "", "", SLCUnknown, SDLUnknown,
		"OT domain ww-nordhafen.local, separate from the office AD.",
		[]string{"account-management|partial|Tiered admin model planned; 3 legacy shared accounts remain"}},
	{szSiteOps, "Backup-Server BKP01", clsHost, fnInf, "HPE", "ProLiant DL380 Gen11", "Windows Server 2022 (21H2)", CriticalityMedium, "", "", SLCUnknown, SDLUnknown,
		"Backup repository with immutable storage.", []string{"backup-recovery|done|Hardened Linux repository, 30-day immutability"}},
	{szSiteOps, "Veeam Backup & Replication", clsApp, fnInf, "Veeam", "Backup & Replication", "12.1", CriticalityMedium, "", "", SLCUnknown, SDLDeclared,
		"Backs up servers and PLC projects.", nil},
	{szSiteOps, "Patch- und AV-Server (WSUS, Trend Micro Apex One)", clsHost, fnInf, "Dell", "PowerEdge R450", "Windows Server 2019 (1809)", CriticalityMedium, "", "", SLCUnknown, SDLUnknown,
		"Approved Windows updates and antivirus signatures, imported through the USB kiosk.", nil},
	{szSiteOps, "OT-IDS Nozomi Guardian", clsNet, fnInf, "Nozomi Networks", "Guardian NG-500", "24.1.0", CriticalityMedium, "", "", SLCUnknown, SDLDeclared,
		"Passive monitoring of SPAN ports in the SCADA and control zones.", nil},
	{szSiteOps, "Core-Switch Betriebsleitebene", clsNet, fnInf, "Cisco", "Catalyst IE9320", "IOS XE 17.12.3", CriticalityHigh, "", "2,2,2,1,2,1,2", SLCCertified, SDLCertified,
		"Core switch of site operations.", []string{"zone-segmentation|done|VLANs per function, unused ports shut"}},
	// SCADA
	{szSCADA, "SCADA-Server SCADA01 (primär)", clsHost, fnCtl, "HPE", "ProLiant DL360 Gen10", "Windows Server 2019 (1809)", CriticalityVital, "", "", SLCUnknown, SDLUnknown,
		"Primary AVEVA System Platform galaxy server.", []string{"backup-recovery|done|Image backup nightly, galaxy dump weekly", "patch-malware|partial|Patched quarterly after vendor approval"}},
	{szSCADA, "SCADA-Server SCADA02 (redundant)", clsHost, fnCtl, "HPE", "ProLiant DL360 Gen10", "Windows Server 2019 (1809)", CriticalityVital, "", "", SLCUnknown, SDLUnknown,
		"Hot-standby AVEVA System Platform server.", nil},
	{szSCADA, "AVEVA System Platform / InTouch HMI", clsApp, fnCtl, "AVEVA", "System Platform", "2023 R2 P01", CriticalityVital, "", "", SLCUnknown, SDLCertified,
		"SCADA and HMI application of the works.", []string{"secure-configuration|partial|Galaxy security enabled; OS-group mode; alarm shelving needs a role"}},
	{szSCADA, "Ignition Gateway (Berichte & Mobile)", clsApp, fnCtl, "Inductive Automation", "Ignition", "8.1.44", CriticalityMedium, "", "", SLCUnknown, SDLDeclared,
		"Shift reports and tablet views for the control room.", nil},
	{szSCADA, "Bedienplatz Leitwarte 1", clsHost, fnCtl, "Dell", "Precision 3460", "Windows 10 IoT Enterprise LTSC 2021", CriticalityHigh, "", "", SLCUnknown, SDLUnknown,
		"Operator station.", nil},
	{szSCADA, "Bedienplatz Leitwarte 2", clsHost, fnCtl, "Dell", "Precision 3460", "Windows 10 IoT Enterprise LTSC 2021", CriticalityHigh, "", "", SLCUnknown, SDLUnknown,
		"Operator station.", nil},
	{szSCADA, "Engineering-Workstation ENG01 (TIA Portal V19)", clsHost, fnCtl, "Siemens", "SIMATIC IPC647E", "Windows 10 IoT Enterprise LTSC 2021", CriticalityHigh, "R", "", SLCUnknown, SDLUnknown,
		"Engineering of the Siemens PLCs; reachable for vendors via the jump host.", []string{"account-management|done|Named engineer accounts, no local admin"}},
	{szSCADA, "Engineering-Workstation ENG02 (Studio 5000 V35)", clsHost, fnCtl, "Dell", "Precision 3660", "Windows 11 IoT Enterprise LTSC 2024", CriticalityHigh, "", "", SLCUnknown, SDLUnknown,
		"Engineering of the Rockwell and Schneider PLCs.", nil},
	{szSCADA, "OPC UA Server KEPServerEX", clsApp, fnCtl, "PTC", "KEPServerEX", "6.16", CriticalityHigh, "", "", SLCUnknown, SDLDeclared,
		"Aggregates PLC data for SCADA and historian.", []string{"secure-configuration|done|Security policy Basic256Sha256, anonymous login off"}},
	{szSCADA, "SCADA-Switch Hirschmann RSP35", clsNet, fnInf, "Hirschmann (Belden)", "RSP35", "HiOS 10.0.02", CriticalityHigh, "", "2,2,2,2,2,2,2", SLCCertified, SDLCertified,
		"PRP-redundant switch of the control room network.", []string{"zone-segmentation|done|IEC 62443-4-2 SL 2 certificate on file"}},
	// Filtration
	{szFiltration, "SPS Filtration S7-1500 (CPU 1516-3 PN/DP)", clsEmb, fnCtl, "Siemens", "SIMATIC S7-1500 CPU 1516-3 PN/DP", "V3.1", CriticalityVital, "", "2,2,2,1,1,1,2", SLCCertified, SDLCertified,
		"Controls the eight rapid sand filters and backwash.",
		[]string{"firmware-integrity|done|Firmware V3.1 signature verified, know-how protection on", "interface-hardening|done|Web server off, PUT/GET off, access level 'HMI access'"}},
	{szFiltration, "SPS Rohwasserpumpwerk S7-1500 (CPU 1513-1 PN)", clsEmb, fnCtl, "Siemens", "SIMATIC S7-1500 CPU 1513-1 PN", "V2.9.7", CriticalityHigh, "", "", SLCUnknown, SDLCertified,
		"Raw-water pumps and intake screens.", []string{"secure-update|open"}},
	{szFiltration, "HMI-Panel Filterhalle TP1200 Comfort", clsEmb, fnCtl, "Siemens", "SIMATIC HMI TP1200 Comfort", "WinCC V17 Update 7 image", CriticalityMedium, "", "", SLCUnknown, SDLCertified,
		"Local operation of the filters.", nil},
	{szFiltration, "Zellen-Firewall SCALANCE SC646-2C", clsNet, fnInf, "Siemens", "SCALANCE SC646-2C", "V3.0", CriticalityHigh, "", "2,2,2,2,2,2,2", SLCCertified, SDLCertified,
		"Cell firewall of the filtration and VPN concentrator for the well field.", []string{"firewall-rules|done|Rules per PLC, reviewed 2026-10-02"}},
	{szFiltration, "Ring-Switch SCALANCE XC208", clsNet, fnInf, "Siemens", "SCALANCE XC208", "V4.5", CriticalityMedium, "", "", SLCUnknown, SDLCertified,
		"PROFINET MRP ring of the filter hall.", nil},
	// Disinfection and clear-water pumps
	{szDisinfect, "SPS Desinfektion ControlLogix 5580 (1756-L83E)", clsEmb, fnCtl, "Rockwell Automation", "ControlLogix 5580 1756-L83E", "35.011", CriticalityVital, "", "", SLCUnknown, SDLCertified,
		"Chlorine-dioxide dosing and disinfection monitoring.", []string{"interface-hardening|partial|Key switch in RUN; web server still enabled"}},
	{szDisinfect, "SPS Reinwasserpumpwerk Modicon M580 (BMEP584040)", clsEmb, fnCtl, "Schneider Electric", "Modicon M580 BMEP584040", "4.10", CriticalityVital, "", "1,1,1,0,1,1,1", SLCVendor, SDLCertified,
		"Clear-water distribution pumps and reservoir level control.", nil},
	{szDisinfect, "Stratix 5700 Switch Desinfektion", clsNet, fnInf, "Rockwell Automation", "Stratix 5700 1783-BMS10CGN", "IOS 15.2(8)E3", CriticalityHigh, "", "", SLCUnknown, SDLDeclared,
		"Layer-3 switch with access lists towards the SCADA.", nil},
	{szDisinfect, "Chlordioxid-Dosieranlage Bello Zon CDV", clsEmb, fnCtl, "ProMinent", "Bello Zon CDVd", "2.2.0", CriticalityHigh, "", "", SLCUnknown, SDLUnknown,
		"Package unit generating chlorine dioxide.", nil},
	{szDisinfect, "Modbus-Gateway ProSoft MVI56E-MCM", clsEmb, fnCtl, "ProSoft Technology", "MVI56E-MCM", "3.04", CriticalityMedium, "", "", SLCUnknown, SDLUnknown,
		"Modbus RTU master in the ControlLogix rack, reads the SIS.", nil},
	// SIS
	{szSIS, "Sicherheitssteuerung HIMA HIMax (X-CPU 31)", clsEmb, fnSaf, "HIMA", "HIMax X-CPU 31", "OS V12", CriticalityVital, "", "2,2,3,1,2,2,2", SLCCertified, SDLCertified,
		"SIL 3 capable safety PLC of the chlorine store.", []string{"firmware-integrity|done|Operating system CRC checked against HIMA release note", "secure-update|done|Updates only under MOC with HIMA service"}},
	{szSIS, "Gaswarnanlage Dräger REGARD 7000", clsEmb, fnSaf, "Drägerwerk", "REGARD 7000", "2.5", CriticalityVital, "", "", SLCUnknown, SDLUnknown,
		"Chlorine gas detection with relay outputs to the HIMax.", nil},
	{szSIS, "SIS-Engineering-Station", clsHost, fnSaf, "Dell", "OptiPlex XE4", "Windows 10 IoT Enterprise LTSC 2021", CriticalityHigh, "", "", SLCUnknown, SDLUnknown,
		"Dedicated SILworX station, normally switched off.", []string{"account-management|done|Two named accounts, no lock-out (essential function)", "patch-malware|partial|Patched under MOC twice a year"}},
	{szSIS, "HIMA SILworX", clsApp, fnSaf, "HIMA", "SILworX", "V13", CriticalityHigh, "", "", SLCUnknown, SDLCertified,
		"Programming and diagnostics tool of the SIS.", nil},
	{szSIS, "SIS-Firewall Hirschmann EAGLE40", clsNet, fnInf, "Hirschmann (Belden)", "EAGLE40-07", "HiSecOS 04.5", CriticalityHigh, "", "2,2,2,2,3,2,2", SLCCertified, SDLCertified,
		"Modbus deep packet inspection: read function codes only.", []string{"firewall-rules|done|DPI profile 'read-only' active, tested 2026-10-20"}},
	// Field
	{szField, "Dezentrale Peripherie ET 200SP (IM155-6PN HF)", clsEmb, fnCtl, "Siemens", "SIMATIC ET 200SP IM155-6PN HF", "V4.2", CriticalityHigh, "", "", SLCUnknown, SDLCertified,
		"Remote I/O of the filter valves.", nil},
	{szField, "Frequenzumrichter Rohwasserpumpe P101", clsEmb, fnCtl, "Siemens", "SINAMICS G120 CU250S-2 PN", "V4.7 SP14", CriticalityHigh, "", "", SLCUnknown, SDLCertified,
		"Variable-speed drive of raw-water pump P101.", nil},
	{szField, "Durchflussmesser Filterauslauf Promag W 400", clsEmb, fnCtl, "Endress+Hauser", "Proline Promag W 400", "01.03.00", CriticalityMedium, "", "", SLCUnknown, SDLDeclared,
		"Filter outlet flow.", nil},
	{szField, "Trübungsmessung Reinwasser Liquiline CM44", clsEmb, fnCtl, "Endress+Hauser", "Liquiline CM44P", "01.13.00", CriticalityHigh, "", "", SLCUnknown, SDLDeclared,
		"Clear-water turbidity, a regulatory measurement.", nil},
	// Remote sites
	{szRemoteSite, "RTU Brunnen 3 SCADAPack 470", clsEmb, fnCtl, "Schneider Electric", "SCADAPack 470", "9.8.0", CriticalityMedium, "", "", SLCUnknown, SDLCertified,
		"Well pump and level RTU (DNP3).", nil},
	{szRemoteSite, "RTU Hochbehälter Lindenberg SIMATIC RTU3030C", clsEmb, fnCtl, "Siemens", "SIMATIC RTU3030C", "V5.0", CriticalityHigh, "", "", SLCUnknown, SDLCertified,
		"Reservoir level and inlet valve.", nil},
	{szRemoteSite, "LTE-Router Brunnenfeld SCALANCE M876-4", clsNet, fnInf, "Siemens", "SCALANCE M876-4", "V8.1", CriticalityMedium, "W", "", SLCUnknown, SDLCertified,
		"LTE router with IPsec to the control room.", []string{"remote-access-control|done|Private APN, no public IP, web management disabled on WAN"}},
	{szRemoteSite, "Richtfunk Lindenberg Cambium PTP 670", clsNet, fnInf, "Cambium Networks", "PTP 670", "02.70", CriticalityMedium, "W", "", SLCUnknown, SDLUnknown,
		"Licensed microwave radio, both ends.", nil},
	// Transient
	{szTransient, "Service-Laptop Automatisierung (SIMATIC Field PG M6)", clsHost, fnCtl, "Siemens", "SIMATIC Field PG M6", "Windows 10 IoT Enterprise LTSC 2021", CriticalityMedium, "TU", "", SLCUnknown, SDLUnknown,
		"Staff laptop for on-site PLC work.", []string{"patch-malware|done|Scanned and patched before each use (checklist AT-07)"}},
	{szTransient, "Service-Laptop Integrator", clsHost, fnCtl, "Dell", "Latitude 5440", "Windows 11 Pro 23H2", CriticalityLow, "TU", "", SLCUnknown, SDLUnknown,
		"Integrator-owned laptop, admitted under work permit.", nil},
	{szTransient, "USB-Datenträger IronKey D300S", clsEmb, fnCtl, "Kingston", "IronKey D300S", "1.0", CriticalityLow, "TU", "", SLCUnknown, SDLDeclared,
		"Encrypted, managed USB sticks for file transfer.", nil},
	{szTransient, "USB-Schleuse OPSWAT MetaDefender Kiosk", clsHost, fnInf, "OPSWAT", "MetaDefender Kiosk K2100", "4.6.2", CriticalityMedium, "U", "", SLCUnknown, SDLDeclared,
		"Multi-engine malware scanning of removable media.", nil},
}

func addSampleAssets(p *Project) {
	for _, a := range sampleAssets {
		x := Asset{
			ID: sampleAssetID(a.name), Name: a.name, Description: a.desc, Class: a.class, Function: a.fn,
			ZoneID: sampleZoneID(a.zone), Vendor: a.vendor, Model: a.model, Firmware: a.firmware, Criticality: a.crit,
			Exposure: Exposure{
				RemoteAccess:        strings.Contains(a.flags, "R"),
				Wireless:            strings.Contains(a.flags, "W"),
				RemovableMedia:      strings.Contains(a.flags, "U"),
				ExternallyReachable: strings.Contains(a.flags, "X"),
			},
			Transient:   strings.Contains(a.flags, "T"),
			SLCSource:   a.source,
			SupplierSDL: a.sdl,
			FocusPoints: sampleFocus(a.class, a.focus),
		}
		if a.slc != "" {
			v, err := ParseSLVector(a.slc)
			if err != nil {
				panic("model: sample asset " + a.name + ": " + err.Error()) // fixed data, caught by tests
			}
			x.SLC = v
		}
		p.Assets = append(p.Assets, x)
	}
}
