package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"zonewise/model"
)

// germanCSV is an asset list as German Excel saves it: semicolons, a BOM,
// CRLF, trailing spaces, Ja/Nein, a MAC with hyphens, two IPs in one cell,
// a blank row, a row without any name and an unmapped column.
const germanCSV = "\ufeffBezeichnung;IP-Adresse;MAC-Adresse;Hersteller;Typ;Firmware;Bereich;Gerätetyp;Standort;Seriennummer;Temporär;Kostenstelle\r\n" +
	"PLC1 ;10.0.1.10;02-00-00-00-01-10;Siemens;S7-1516;V2.9.4;Control;SPS;Schrank 3 ;S C-X4U12345;Nein;4711\r\n" +
	"HMI-Neu;10.0.2.30, 10.0.2.31;;Siemens;TP1200;V17;SCADA;HMI;Leitwarte;;nein;4711\r\n" +
	";;;;;;;;;;;\r\n" +
	"Service-Laptop;10.0.7.9;;Dell;Latitude;;Halle 9;Laptop;;;Ja;\r\n" +
	";;;Siemens;;;;;;;;\r\n"

func TestReadInventoryGermanCSV(t *testing.T) {
	inv, err := ReadInventory("anlagen.csv", strings.NewReader(germanCSV), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	wantFields := []Field{FieldName, FieldIP, FieldMAC, FieldVendor, FieldModel, FieldFirmware, FieldZone, FieldClass, FieldLocation, FieldSerial, FieldTransient, ""}
	for i, c := range inv.Columns {
		if c.Field != wantFields[i] {
			t.Errorf("column %q detected as %q, want %q", c.Header, c.Field, wantFields[i])
		}
	}
	if len(inv.Records) != 3 {
		t.Fatalf("%d records, want 3: %+v", len(inv.Records), inv.Records)
	}
	plc := inv.Records[0]
	if plc.Source != "row 2" || plc.Name != "PLC1" || plc.MAC != "02:00:00:00:01:10" || plc.Class != model.ClassEmbedded ||
		plc.Location != "Schrank 3" || plc.Transient == nil || *plc.Transient || plc.Serial != "S C-X4U12345" {
		t.Errorf("PLC1 record %+v", plc)
	}
	if hmi := inv.Records[1]; strings.Join(hmi.IPs, " ") != "10.0.2.30 10.0.2.31" || hmi.Class != model.ClassHost {
		t.Errorf("HMI record %+v", hmi)
	}
	if lap := inv.Records[2]; lap.Source != "row 5" || lap.Transient == nil || !*lap.Transient || lap.Class != model.ClassHost {
		t.Errorf("laptop record %+v", lap)
	}
	if len(inv.Skipped) != 1 || inv.Skipped[0].Source != "row 6" {
		t.Errorf("skipped %+v, want row 6 (no name)", inv.Skipped)
	}
}

func TestReadInventoryVariants(t *testing.T) {
	t.Run("a Windows-1252 file from German Excel is decoded", func(t *testing.T) {
		data, err := charmap.Windows1252.NewEncoder().String("Bezeichnung;Gerätetyp;Standort\nPumpe;Steuerung;Brückenstraße\n")
		if err != nil {
			t.Fatal(err)
		}
		inv, err := ReadInventory("alt.csv", strings.NewReader(data), "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if r := inv.Records[0]; r.Location != "Brückenstraße" || r.Class != model.ClassEmbedded {
			t.Fatalf("record %+v", r)
		}
	})
	t.Run("English comma-separated headers are detected", func(t *testing.T) {
		inv, err := ReadInventory("a.csv", strings.NewReader("Name,IP Address,Vendor,Model,Version,Zone,Class,Location,Hostname,Serial Number\nX,10.1.1.1,V,M,1.0,Z,network device,L,x.local,123\n"), "", nil)
		if err != nil {
			t.Fatal(err)
		}
		r := inv.Records[0]
		if r.Firmware != "1.0" || r.Class != model.ClassNetwork || r.Hostname != "x.local" || r.Serial != "123" {
			t.Fatalf("record %+v", r)
		}
	})
	t.Run("--map overrides detection and can ignore a column", func(t *testing.T) {
		inv, err := ReadInventory("a.csv", strings.NewReader("Tag,Netz,Typ\nP1,10.1.1.1,PLC\n"), "",
			map[string]Field{"netz": FieldIP, "Typ": FieldIgnore})
		if err != nil {
			t.Fatal(err)
		}
		if r := inv.Records[0]; r.Name != "P1" || len(r.IPs) != 1 || r.Model != "" {
			t.Fatalf("record %+v", r)
		}
	})
	t.Run("an XLSX workbook is read from its first sheet", func(t *testing.T) {
		f := excelize.NewFile()
		rows := [][]any{{"Bezeichnung", "IP", "Hersteller"}, {"RTU 1 ", "10.2.0.1", "Schneider"}}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		inv, err := ReadInventory("anlagen.xlsx", &buf, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if inv.Sheet != "Sheet1" || len(inv.Records) != 1 || inv.Records[0].Name != "RTU 1" || inv.Records[0].Vendor != "Schneider" {
			t.Fatalf("inventory %+v records %+v", inv, inv.Records)
		}
	})
}

func TestReadInventoryBadInput(t *testing.T) {
	tests := []struct {
		name, file, data string
		overrides        map[string]Field
		want             string
	}{
		{"a bad IP names file, row and column", "a.csv", "Name;IP\nA;10.0.0.1\nB;10.0.0.300\n", nil,
			`a.csv: row 3, column "IP": "10.0.0.300" is not an IP address`},
		{"a bad MAC names file, row and column", "a.csv", "Name,MAC\nA,00:11\n", nil,
			`a.csv: row 2, column "MAC": "00:11" is not a MAC address`},
		{"an unknown class names the value and the way out", "a.csv", "Name,Gerätetyp\nA,Kaffeemaschine\n", nil,
			`a.csv: row 2, column "Gerätetyp": "Kaffeemaschine" is not an asset class`},
		{"a bad yes/no names the value", "a.csv", "Name,Transient\nA,vielleicht\n", nil,
			`a.csv: row 2, column "Transient": "vielleicht" is not yes or no`},
		{"no name or address column is refused", "a.csv", "Foo,Bar\n1,2\n", nil,
			`a.csv: row 1: no column is a name, host name or IP address`},
		{"two columns for one field are refused", "a.csv", "Name,Bezeichnung\n1,2\n", nil,
			`a.csv: row 1: columns "Name" and "Bezeichnung" both map to field name`},
		{"a --map column missing from the header is named", "a.csv", "Name\nA\n", map[string]Field{"Netz": FieldIP},
			`a.csv: row 1: --map names column "Netz", which is not in the header`},
		{"an empty file has no header", "a.csv", "\n\n", nil, "a.csv: no header row"},
		{"a broken quote names the row", "a.csv", "Name,IP\n\"A,10.0.0.1\nB\",\"x\"y\n", nil, "a.csv: row"},
		{"a file that is no workbook is named", "a.xlsx", "not a zip", nil, "a.xlsx: not a readable XLSX workbook"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadInventory(tc.file, strings.NewReader(tc.data), "", tc.overrides)
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want an InputError containing %q", err, tc.want)
			}
		})
	}
}

func TestParseClass(t *testing.T) {
	tests := []struct {
		in   string
		want model.AssetClass
	}{
		{"SPS", model.ClassEmbedded}, {"PLC", model.ClassEmbedded}, {"Frequenzumrichter", model.ClassEmbedded},
		{"Engineering-PC", model.ClassHost}, {"Server", model.ClassHost}, {"Managed Switch", model.ClassNetwork},
		{"Firewall", model.ClassNetwork}, {"SCADA software", model.ClassApplication}, {"host", model.ClassHost},
		{"embedded-device", model.ClassEmbedded},
	}
	for _, tc := range tests {
		t.Run(tc.in+" is "+string(tc.want), func(t *testing.T) {
			if got, ok := ParseClass(tc.in); !ok || got != tc.want {
				t.Fatalf("ParseClass(%q) = %q, %v", tc.in, got, ok)
			}
		})
	}
}
