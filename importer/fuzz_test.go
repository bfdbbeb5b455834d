package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the fuzz seeds in testdata from the fixtures")

// seedFiles are the testdata files and the fixtures they are written from,
// so the seeds cannot drift from what the tests check.
func seedFiles(t testing.TB) map[string][]byte {
	x := excelize.NewFile()
	rows := [][]any{{"Bezeichnung", "IP-Adresse", "Hersteller", "Gerätetyp"}, {"SPS 1", "10.0.1.10", "Siemens", "SPS"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = x.SetSheetRow("Sheet1", cell, &r)
	}
	var xlsx bytes.Buffer
	if err := x.Write(&xlsx); err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"inventory_de.csv": []byte(germanCSV),
		"inventory.xlsx":   xlsx.Bytes(),
		"scan.xml":         []byte(nmapScan),
		"capture.pcap":     writePcap(t, observedTraffic),
		"capture.pcapng":   writePcapng(t, observedTraffic),
		"conn.log":         []byte(zeekTSV),
		"conn.json.log":    []byte(zeekJSONLines),
		"flows.csv":        []byte(flowListCSV),
	}
}

// TestSeedsMatchFixtures keeps testdata in step with the fixtures; run with
// -update to rewrite it. (The xlsx seed embeds a time stamp, so it is only
// checked to exist.)
func TestSeedsMatchFixtures(t *testing.T) {
	for name, want := range seedFiles(t) {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if filepath.Ext(name) != ".xlsx" && filepath.Ext(name) != ".pcapng" && !bytes.Equal(got, want) {
			t.Errorf("%s differs from its fixture; run go test ./importer -run TestSeedsMatchFixtures -update", path)
		}
	}
}

func addSeeds(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{})
}

// FuzzReadInventoryCSV: any bytes either fail with an *InputError or give
// records whose addresses are canonical.
func FuzzReadInventoryCSV(f *testing.F) {
	addSeeds(f, "inventory_de.csv", "flows.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := ReadInventory("f.csv", bytes.NewReader(data), "", nil)
		if err != nil {
			return
		}
		for _, r := range inv.Records {
			if r.Name == "" {
				t.Fatalf("record without a name: %+v", r)
			}
			Plan(testPlant(), []Record{r}, nil)
		}
	})
}

// FuzzReadInventoryXLSX: a corrupt workbook is an error, never a panic.
func FuzzReadInventoryXLSX(f *testing.F) {
	addSeeds(f, "inventory.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ReadInventory("f.xlsx", bytes.NewReader(data), "", nil)
	})
}

// FuzzReadNmap: any bytes either fail or give records with a name.
func FuzzReadNmap(f *testing.F) {
	addSeeds(f, "scan.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, _, err := ReadNmap("f.xml", bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.Name == "" {
				t.Fatalf("record without a name: %+v", r)
			}
		}
	})
}

// FuzzReadTraffic covers captures, Zeek logs and flow lists through the
// dispatcher; whatever is read reconciles without panicking.
func FuzzReadTraffic(f *testing.F) {
	addSeeds(f, "capture.pcap", "capture.pcapng", "conn.log", "conn.json.log", "flows.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		tr := NewTraffic()
		in, err := ReadTraffic("f", bytes.NewReader(data), tr)
		if err != nil {
			return
		}
		if in.Truncated && in.StoppedAt != in.Records+1 {
			t.Fatalf("truncated at %d after %d records", in.StoppedAt, in.Records)
		}
		Reconcile(testPlant(), tr.Flows())
	})
}
