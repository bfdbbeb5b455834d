// Package importer takes in the plant as it is: asset inventories (CSV,
// XLSX), Nmap scans, and observed traffic (pcap, pcapng, Zeek conn.log, flow
// lists), and reconciles the model with what the network does. It reads
// files and returns data; it never writes a project and never prints.
package importer

import (
	"fmt"
	"slices"
	"strings"

	"zonewise/model"
)

// Field is a target of the column mapping: one property of an asset.
type Field string

// The fields an inventory column can map to. FieldIgnore drops a column.
const (
	FieldName        Field = "name"
	FieldIP          Field = "ip"
	FieldMAC         Field = "mac"
	FieldVendor      Field = "vendor"
	FieldModel       Field = "model"
	FieldFirmware    Field = "firmware"
	FieldZone        Field = "zone"
	FieldClass       Field = "class"
	FieldLocation    Field = "location"
	FieldHostname    Field = "hostname"
	FieldSerial      Field = "serial"
	FieldDescription Field = "description"
	FieldTransient   Field = "transient"
	FieldIgnore      Field = "ignore"
)

// Fields lists the mapping targets in the order reports show them.
func Fields() []Field {
	return []Field{FieldName, FieldIP, FieldMAC, FieldVendor, FieldModel, FieldFirmware, FieldZone,
		FieldClass, FieldLocation, FieldHostname, FieldSerial, FieldDescription, FieldTransient, FieldIgnore}
}

// ParseField accepts a field name as written in --map.
func ParseField(s string) (Field, bool) {
	f := Field(strings.ToLower(strings.TrimSpace(s)))
	if f == "-" {
		return FieldIgnore, true
	}
	return f, slices.Contains(Fields(), f)
}

// headerSynonyms maps normalised header text (see normHeader) to a field:
// the usual English and German column titles of plant asset lists.
var headerSynonyms = map[string]Field{
	"name": FieldName, "bezeichnung": FieldName, "asset": FieldName, "assetname": FieldName,
	"geraet": FieldName, "geraetename": FieldName, "geraetebezeichnung": FieldName, "device": FieldName,
	"devicename": FieldName, "tag": FieldName, "kennzeichen": FieldName, "anlagenkennzeichen": FieldName,
	"betriebsmittelkennzeichen": FieldName, "komponente": FieldName, "component": FieldName,

	"ip": FieldIP, "ipaddress": FieldIP, "ipaddresses": FieldIP, "ipadresse": FieldIP, "ipadressen": FieldIP,
	"ipv4": FieldIP, "ipv4address": FieldIP, "ipv4adresse": FieldIP, "ipv6": FieldIP, "address": FieldIP,
	"adresse": FieldIP, "ips": FieldIP,

	"mac": FieldMAC, "macaddress": FieldMAC, "macadresse": FieldMAC, "hwaddress": FieldMAC,

	"vendor": FieldVendor, "hersteller": FieldVendor, "manufacturer": FieldVendor, "make": FieldVendor,
	"lieferant": FieldVendor,

	"model": FieldModel, "modell": FieldModel, "typ": FieldModel, "type": FieldModel, "product": FieldModel,
	"produkt": FieldModel, "typenbezeichnung": FieldModel, "artikelnummer": FieldModel, "partnumber": FieldModel,
	"bestellnummer": FieldModel,

	"firmware": FieldFirmware, "version": FieldFirmware, "fw": FieldFirmware, "firmwareversion": FieldFirmware,
	"fwversion": FieldFirmware, "softwareversion": FieldFirmware, "softwarestand": FieldFirmware,
	"firmwarestand": FieldFirmware, "ausgabestand": FieldFirmware,

	"zone": FieldZone, "bereich": FieldZone, "segment": FieldZone, "netzbereich": FieldZone,
	"sicherheitszone": FieldZone, "securityzone": FieldZone, "zonename": FieldZone,

	"class": FieldClass, "assetclass": FieldClass, "devicetype": FieldClass, "geraetetyp": FieldClass,
	"geraeteklasse": FieldClass, "kategorie": FieldClass, "category": FieldClass, "klasse": FieldClass,
	"assettype": FieldClass, "art": FieldClass,

	"location": FieldLocation, "standort": FieldLocation, "ort": FieldLocation, "einbauort": FieldLocation,
	"raum": FieldLocation, "room": FieldLocation, "schrank": FieldLocation, "cabinet": FieldLocation,
	"site": FieldLocation,

	"hostname": FieldHostname, "host": FieldHostname, "dnsname": FieldHostname, "rechnername": FieldHostname,
	"computername": FieldHostname, "fqdn": FieldHostname,

	"serial": FieldSerial, "serialnumber": FieldSerial, "serialno": FieldSerial, "seriennummer": FieldSerial,
	"seriennr": FieldSerial, "sn": FieldSerial,

	"description": FieldDescription, "beschreibung": FieldDescription, "comment": FieldDescription,
	"comments": FieldDescription, "kommentar": FieldDescription, "bemerkung": FieldDescription,
	"bemerkungen": FieldDescription, "notes": FieldDescription, "notizen": FieldDescription,
	"funktion": FieldDescription, "function": FieldDescription,

	"transient": FieldTransient, "temporary": FieldTransient, "temporaer": FieldTransient, "mobil": FieldTransient,
	"mobile": FieldTransient, "portable": FieldTransient,
}

// normHeader folds a column title for lookup: lower case, German umlauts
// spelt out, everything but letters and digits dropped ("IP-Adresse" and
// "ip adresse" both become "ipadresse", "Gerätetyp" "geraetetyp").
func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'ä':
			b.WriteString("ae")
		case r == 'ö':
			b.WriteString("oe")
		case r == 'ü':
			b.WriteString("ue")
		case r == 'ß':
			b.WriteString("ss")
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// DetectField guesses the field of a column title, or "" when unknown.
func DetectField(header string) Field {
	return headerSynonyms[normHeader(header)]
}

// Column is one column of an inventory and the field it feeds.
type Column struct {
	Index  int    `json:"index"` // 0-based
	Header string `json:"column"`
	Field  Field  `json:"field"` // "" when the column is not imported
	// Mapped tells a --map override from automatic detection.
	Mapped bool `json:"mapped,omitempty"`
}

// Record is one device as a source describes it, before it is matched
// against the project's assets. Empty fields say nothing (they never clear
// a value of an existing asset).
type Record struct {
	// Source locates the record for reports: "row 7", "host 3 (10.0.0.7)".
	Source   string
	Name     string
	IPs      []string // canonical text, sorted
	MAC      string   // canonical, see model.NormalizeMAC
	Vendor   string
	Model    string
	Firmware string
	Zone     string // a zone name, resolved when merged
	Class    model.AssetClass
	// ClassHint is a weaker class (from a scan's OS guess): it sets the
	// class of a new asset but never changes that of an existing one.
	ClassHint   model.AssetClass
	Location    string
	Hostname    string
	Serial      string
	Description string
	Transient   *bool
	Services    []string
	// Notes are remarks of the reader for the report, such as "OS guess
	// Linux 4.x (95 %)".
	Notes []string
}

// classWords maps words found in a class (or model) cell to an asset class:
// the plant's own vocabulary rather than the IEC class names.
var classWords = []struct {
	words []string
	class model.AssetClass
}{
	{[]string{"software", "application", "applikation", "anwendung", "scada software"}, model.ClassApplication},
	{[]string{"switch", "router", "firewall", "gateway", "access point", "ap", "wlan", "wap", "modem", "netzwerk", "network", "diode", "vpn", "koppler", "media converter", "medienkonverter"}, model.ClassNetwork},
	{[]string{"plc", "sps", "rtu", "ied", "controller", "steuerung", "cpu", "io", "i/o", "e/a", "drive", "antrieb", "umrichter", "frequenzumrichter", "sensor", "aktor", "actuator", "relay", "relais", "schutzgeraet", "panel", "bediengeraet", "embedded", "feldgeraet", "field device", "safety", "sis", "robot", "roboter", "meter", "zaehler"}, model.ClassEmbedded},
	{[]string{"server", "workstation", "pc", "ipc", "industrie-pc", "laptop", "notebook", "hmi", "scada", "historian", "engineering", "es", "ews", "client", "host", "rechner", "computer", "thin client", "virtual machine", "vm", "printer", "drucker"}, model.ClassHost},
}

// ParseClass reads an asset class from an inventory cell: the IEC class
// names and short forms, or a device word such as "SPS", "Switch" or
// "Engineering-PC". It returns false for text it cannot place.
func ParseClass(s string) (model.AssetClass, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	if c, ok := model.ParseAssetClass(t); ok {
		return c, true
	}
	words := strings.FieldsFunc(t, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == ',' || r == '/' || r == '(' || r == ')'
	})
	for _, cw := range classWords {
		for _, w := range cw.words {
			if t == w || slices.Contains(words, w) || (strings.Contains(w, " ") && strings.Contains(t, w)) {
				return cw.class, true
			}
		}
	}
	return "", false
}

// parseBool reads the yes/no cells of spreadsheets in English and German.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "j", "yes", "y", "true", "wahr", "x", "1", "✓", "✔":
		return true, nil
	case "nein", "n", "no", "false", "falsch", "0", "-":
		return false, nil
	}
	return false, fmt.Errorf("%q is not yes or no, want Ja/Nein, yes/no, true/false, x or 1/0", s)
}

// splitList splits a cell holding several values: "10.0.0.1, 10.0.0.2",
// "10.0.0.1; 10.0.0.2", one per line, or separated by spaces.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '|'
	})
}

// cleanCell trims the spaces, non-breaking spaces and zero-width characters
// spreadsheets leave around values.
func cleanCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
	})
}
