package model

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// libraryMeasures are the countermeasure IDs the sample may use.
var libraryMeasures = []string{"CM-FW-DENY", "CM-DIODE", "CM-JUMPHOST", "CM-MFA", "CM-ALLOWLIST", "CM-USB", "CM-IDS",
	"CM-SIEM", "CM-BACKUP", "CM-PATCH", "CM-HARDEN", "CM-RBAC", "CM-PKI", "CM-SIGNED-FW", "CM-DPI-FW", "CM-NAC",
	"CM-PHYS", "CM-NTP", "CM-AV"}

func TestSampleContent(t *testing.T) {
	p := Sample()
	count := func(n int) func(min int) bool { return func(min int) bool { return n >= min } }
	t.Run("has at least 8 zones of every required type", func(t *testing.T) {
		if !count(len(p.Zones))(8) {
			t.Errorf("%d zones", len(p.Zones))
		}
		types := map[ZoneType]int{}
		for _, z := range p.Zones {
			types[z.Type]++
		}
		for _, want := range []ZoneType{ZoneEnterprise, ZoneDMZ, ZoneSupervisory, ZoneSafety, ZoneRemoteAccess, ZoneWireless} {
			if types[want] == 0 {
				t.Errorf("no %s zone", want)
			}
		}
		if types[ZoneControl] < 2 {
			t.Errorf("%d control zones, want 2", types[ZoneControl])
		}
	})
	t.Run("has a safety zone whose essential functions refuse lock-out and scanning", func(t *testing.T) {
		z := zoneNamed(p, szSIS)
		var imp []Impact
		for _, ef := range z.EssentialFunctions {
			imp = append(imp, ef.Intolerant...)
		}
		if !z.IsSafety() || !slices.Contains(imp, ImpactLockout) || !slices.Contains(imp, ImpactScanning) {
			t.Errorf("SIS zone %+v", z.EssentialFunctions)
		}
	})
	t.Run("has at least 40 assets of all four classes", func(t *testing.T) {
		classes := map[AssetClass]int{}
		certified := 0
		for _, a := range p.Assets {
			classes[a.Class]++
			if a.SLCSource == SLCCertified {
				certified++
			}
			if a.Vendor == "" || a.Model == "" || a.Firmware == "" {
				t.Errorf("asset %q lacks vendor, model or firmware", a.Name)
			}
		}
		if len(p.Assets) < 40 || len(classes) != 4 {
			t.Errorf("%d assets, classes %v", len(p.Assets), classes)
		}
		if certified == 0 || certified > len(p.Assets)/3 {
			t.Errorf("%d certified SL-C vectors, want a few", certified)
		}
	})
	t.Run("has at least 10 conduits covering every conduit type", func(t *testing.T) {
		types := map[ConduitType]bool{}
		for _, c := range p.Conduits {
			types[c.Type] = true
			for _, f := range c.Flows {
				if f.Initiator == "" {
					t.Errorf("conduit %q: a flow without initiator", c.Name)
				}
			}
		}
		if len(p.Conduits) < 10 || len(types) != len(ConduitTypes()) {
			t.Errorf("%d conduits of types %v", len(p.Conduits), types)
		}
	})
	t.Run("has four actors with capability 1 to 4", func(t *testing.T) {
		var caps []int
		for _, a := range p.Actors {
			caps = append(caps, a.Capability)
		}
		slices.Sort(caps)
		if !slices.Equal(caps, []int{1, 2, 3, 4}) {
			t.Errorf("capabilities %v", caps)
		}
	})
	t.Run("has at least 20 scenarios with ATT&CK techniques against every target kind", func(t *testing.T) {
		kinds := map[TargetKind]bool{}
		for _, s := range p.Scenarios {
			kinds[s.TargetKind] = true
			if len(s.Techniques) == 0 {
				t.Errorf("scenario %q cites no technique", s.Name)
			}
		}
		if len(p.Scenarios) < 20 || len(kinds) != 3 {
			t.Errorf("%d scenarios, target kinds %v", len(p.Scenarios), kinds)
		}
	})
	t.Run("uses only library countermeasures in every status", func(t *testing.T) {
		statuses := map[MeasureStatus]bool{}
		for _, c := range p.Countermeasures {
			statuses[c.Status] = true
			if !slices.Contains(libraryMeasures, c.MeasureID) {
				t.Errorf("unknown measure %s", c.MeasureID)
			}
		}
		if len(statuses) != len(MeasureStatuses()) {
			t.Errorf("statuses %v", statuses)
		}
	})
	t.Run("lays every zone out inside the canvas in Purdue bands", func(t *testing.T) {
		for _, z := range p.Zones {
			b := z.Bounds
			if b.W <= 0 || b.H <= 0 || b.X < 0 || b.Y < 0 || b.X+b.W > 1400 || b.Y+b.H > 1000 {
				t.Errorf("zone %q bounds %+v", z.Name, b)
			}
		}
		for _, hi := range p.Zones {
			for _, lo := range p.Zones {
				if hi.PurdueLevel > lo.PurdueLevel && hi.Bounds.Y >= lo.Bounds.Y {
					t.Errorf("zone %q (level %g) is not above %q (level %g)", hi.Name, hi.PurdueLevel, lo.Name, lo.PurdueLevel)
				}
			}
		}
	})
	t.Run("has project metadata for documents", func(t *testing.T) {
		if p.Client == "" || p.Site == "" || p.Author == "" || p.Revision == "" || p.Date != "2026-11-26" ||
			len(p.Approvals) == 0 || p.SUC.Description == "" || len(p.SUC.Assumptions) == 0 || len(p.Decisions) == 0 {
			t.Errorf("incomplete metadata: %+v", p.Info)
		}
	})
}

func TestSampleIsDeterministic(t *testing.T) {
	a, err := Marshal(Sample())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Marshal(Sample())
	if !bytes.Equal(a, b) {
		t.Fatal("two calls of Sample marshal differently")
	}
}

// TestGoldenFiles loads every project in testdata, saves it, and compares the
// bytes with the file itself: load and save must not change a file. With
// -update the sample golden file is rewritten first.
func TestGoldenFiles(t *testing.T) {
	golden := filepath.Join("testdata", "sample.zonewise.json")
	if *update {
		data, err := Marshal(Sample())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("the sample equals its golden file", func(t *testing.T) {
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := Marshal(Sample())
		if !bytes.Equal(got, want) {
			t.Errorf("Sample() differs from %s; run go test ./model -run TestGoldenFiles -update if intended", golden)
		}
	})
	files, _ := filepath.Glob(filepath.Join("testdata", "*.zonewise.json"))
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		t.Run("loading and saving "+filepath.Base(f)+" keeps its bytes", func(t *testing.T) {
			want, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s changes when loaded and saved", f)
			}
			dst := filepath.Join(t.TempDir(), "copy.zonewise.json")
			if err := Save(dst, p); err != nil {
				t.Fatal(err)
			}
			if saved, _ := os.ReadFile(dst); !bytes.Equal(saved, want) {
				t.Errorf("Save of %s writes different bytes", f)
			}
		})
	}
}
