package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	tests := []struct {
		name          string
		zones, assets int
	}{
		{"a single zone without assets is valid", 1, 0},
		{"three zones with more zones than assets are valid", 3, 2},
		{"nine zones have one of each type", 9, 40},
		{"fifty zones with a thousand assets are valid", 50, 1000},
		{"five hundred zones with ten thousand assets are valid", 500, 10000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Generate(tt.zones, tt.assets, 42)
			if len(p.Zones) != tt.zones || len(p.Assets) != tt.assets {
				t.Fatalf("got %d zones, %d assets", len(p.Zones), len(p.Assets))
			}
			if problems := Validate(p); HasErrors(problems) {
				t.Fatalf("errors:\n%s", joinProblems(problems)[:min(2000, len(joinProblems(problems)))])
			}
			if tt.zones >= len(ZoneTypes()) {
				types := map[ZoneType]bool{}
				for _, z := range p.Zones {
					types[z.Type] = true
				}
				if len(types) != len(ZoneTypes()) {
					t.Errorf("zone types %v, want all %d", types, len(ZoneTypes()))
				}
			}
			if tt.zones > 1 {
				if want := tt.zones - 1; len(p.Conduits) < want || len(p.Conduits) > want+tt.zones/4+1 {
					t.Errorf("%d conduits for %d zones, want a tree plus about 20 %% cross links", len(p.Conduits), tt.zones)
				}
			}
			if want := 2*tt.zones + tt.assets/20; len(p.Scenarios) != want {
				t.Errorf("%d scenarios, want %d", len(p.Scenarios), want)
			}
			if len(p.Actors) != 4 {
				t.Errorf("%d actors", len(p.Actors))
			}
			for _, z := range p.Zones {
				if z.Bounds.W <= 0 || z.Bounds.H <= 0 {
					t.Fatalf("zone %q has no bounds", z.Name)
				}
			}
		})
	}
}

func TestGenerateIsDeterministicPerSeed(t *testing.T) {
	a, _ := Marshal(Generate(30, 400, 7))
	b, _ := Marshal(Generate(30, 400, 7))
	c, _ := Marshal(Generate(30, 400, 8))
	if !bytes.Equal(a, b) {
		t.Error("the same seed gives different plants")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds give the same plant")
	}
}

func TestGeneratedConnectsEveryZone(t *testing.T) {
	p := Generate(120, 500, 3)
	adj := map[ID][]ID{}
	for _, c := range p.Conduits {
		adj[c.ZoneIDs[0]] = append(adj[c.ZoneIDs[0]], c.ZoneIDs[1])
		adj[c.ZoneIDs[1]] = append(adj[c.ZoneIDs[1]], c.ZoneIDs[0])
	}
	seen := map[ID]bool{p.Zones[0].ID: true}
	todo := []ID{p.Zones[0].ID}
	for len(todo) > 0 {
		z := todo[0]
		todo = todo[1:]
		for _, n := range adj[z] {
			if !seen[n] {
				seen[n] = true
				todo = append(todo, n)
			}
		}
	}
	if len(seen) != len(p.Zones) {
		t.Errorf("%d of %d zones reachable through conduits", len(seen), len(p.Zones))
	}
}

// hostileSample returns the sample with names that try to break every
// consumer: quotes, braces, markup, control characters, right-to-left text,
// emoji, formula prefixes and a 100,000-character name.
func hostileSample() *Project {
	p := Sample()
	names := []string{
		`"; DROP TABLE zones; --`, "{{.Secret}} ${HOME} %s %!x", "<script>alert('x')</script>&amp;",
		"line1\nline2\r\n\ttab", "ctl\x00\x01\x1b[31mred\x7f", "\u202egnirts lanretni\u202c עברית العربية",
		"🏭💧⚠️ Wasserwerk 😀", "=HYPERLINK(\"http://x\")", "+1+2", "-2-3", "@SUM(A1)", `back\slash\\ "q"`,
		"digraph { a -> b }", "]] > ) ; '",
	}
	for i := range p.Zones {
		p.Zones[i].Name = names[i%len(names)]
	}
	for i := range p.Assets {
		p.Assets[i].Name = names[(i+3)%len(names)]
		p.Assets[i].Vendor = names[(i+5)%len(names)]
	}
	for i := range p.Conduits {
		p.Conduits[i].Name = names[(i+7)%len(names)]
		for j := range p.Conduits[i].Flows {
			p.Conduits[i].Flows[j].Purpose = names[(i+j)%len(names)]
		}
	}
	for i := range p.Scenarios {
		p.Scenarios[i].Name = names[(i+11)%len(names)]
		p.Scenarios[i].Description = names[(i+2)%len(names)]
	}
	p.Name, p.Client = names[0]+" "+names[5], names[6]
	long := strings.Repeat("Ä", 100_000)
	p.Zones[1].Name, p.Assets[2].Name = long, "x"+long
	return p
}

// TestWriteTestdata keeps the generated golden files up to date with -update.
func TestWriteTestdata(t *testing.T) {
	files := map[string]*Project{
		"generated.zonewise.json": Generate(12, 60, 3),
		"hostile.zonewise.json":   hostileSample(),
	}
	for name, p := range files {
		t.Run(name+" matches its generator", func(t *testing.T) {
			path := filepath.Join("testdata", name)
			data, err := Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, want) {
				t.Errorf("%s is out of date; run with -update", path)
			}
			if problems := Validate(p); HasErrors(problems) {
				t.Errorf("errors:\n%.2000s", joinProblems(problems))
			}
		})
	}
}

func TestMigrateSchema1(t *testing.T) {
	src := filepath.Join("testdata", "schema1.json")
	p, err := Load(src)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("conduits get zoneIds from from and to", func(t *testing.T) {
		for _, c := range p.Conduits {
			if len(c.ZoneIDs) != 2 || c.ZoneIDs[0] == c.ZoneIDs[1] {
				t.Errorf("conduit %q zoneIds %v", c.Name, c.ZoneIDs)
			}
		}
	})
	t.Run("short asset classes become IEC 62443-4-2 class names", func(t *testing.T) {
		seen := map[AssetClass]bool{}
		for _, a := range p.Assets {
			if !a.Class.Valid() {
				t.Errorf("asset %q class %q", a.Name, a.Class)
			}
			seen[a.Class] = true
		}
		if len(seen) != 4 {
			t.Errorf("classes %v, want all four", seen)
		}
	})
	t.Run("the migrated project validates and equals the golden file", func(t *testing.T) {
		if problems := Validate(p); HasErrors(problems) {
			t.Errorf("errors:\n%s", joinProblems(problems))
		}
		got, _ := Marshal(p)
		golden := filepath.Join("testdata", "schema1.migrated.zonewise.json")
		if *update {
			os.WriteFile(golden, got, 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("migrated project differs from %s", golden)
		}
	})
	t.Run("a file of schema 0 is refused", func(t *testing.T) {
		data, _ := os.ReadFile(src)
		data = bytes.Replace(data, []byte(`"schemaVersion": 1`), []byte(`"schemaVersion": 0`), 1)
		if _, err := Unmarshal(data); err == nil || !strings.Contains(err.Error(), "schemaVersion is 0") {
			t.Errorf("got %v", err)
		}
	})
}

func BenchmarkGenerate10k(b *testing.B) {
	for b.Loop() {
		Generate(500, 10000, 1)
	}
}

func BenchmarkMarshal10k(b *testing.B) {
	p := Generate(500, 10000, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshal10k(b *testing.B) {
	data, err := Marshal(Generate(500, 10000, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate10k(b *testing.B) {
	p := Generate(500, 10000, 1)
	for b.Loop() {
		Validate(p)
	}
}

func BenchmarkValidateSample(b *testing.B) {
	p := Sample()
	for b.Loop() {
		Validate(p)
	}
}
