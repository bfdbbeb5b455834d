package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zonewise/importer"
	"zonewise/model"
	"zonewise/render/drawio"
)

// openWizard starts an import of content (written to a file named name)
// and waits for its preview.
func openWizard(t *testing.T, u *ui, wait func(string, func() bool), kind importKind, name, content string) *importWizard {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return openWizardPath(t, u, wait, kind, path)
}

func openWizardPath(t *testing.T, u *ui, wait func(string, func() bool), kind importKind, path string) *importWizard {
	t.Helper()
	w := u.startImport(kind, path)
	wait("the import preview", func() bool { return w.dlg != nil || w.done })
	if w.dlg == nil {
		t.Fatalf("no preview for %s", path)
	}
	return w
}

// tapDialog taps a button of the dialog on top of the window.
func tapDialog(t *testing.T, u *ui, button string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog shown, want one with %q", button)
	}
	b := findButton(top, button)
	if b == nil {
		t.Fatalf("the dialog has no %q button", button)
	}
	test.Tap(b)
}

// The inventory: PLC 1 matches the test plant's asset by name (an update:
// IP and vendor), "Zellen-Switch" is new, the third row has neither name,
// host name nor IP and is skipped.
const wizardInventory = "Bezeichnung;IP-Adresse;Hersteller;Gerätetyp\n" +
	"PLC 1;10.0.1.10;Siemens;SPS\n" +
	"Zellen-Switch;10.0.1.2;Hirschmann;Switch\n" +
	";;Siemens;SPS\n"

func TestImportWizardInventory(t *testing.T) {
	wait := pumpUI(t)
	u := newTestUI(t)
	before, _ := model.Marshal(u.doc.Project)

	t.Run("the preview counts one to add, one to update and one skipped", func(t *testing.T) {
		w := openWizard(t, u, wait, importInventory, "anlagen.csv", wizardInventory)
		n := importer.Counts(w.plan.steps)
		if n[importer.ActionAdd] != 1 || n[importer.ActionUpdate] != 1 || n[importer.ActionSkip] != 1 {
			t.Errorf("counts %v, want 1 added, 1 updated, 1 skipped", n)
		}
		if want := "1 to add, 1 to update, 0 kept, 1 skipped."; !strings.HasPrefix(w.summary.Text, want) {
			t.Errorf("summary %q, want it to start %q", w.summary.Text, want)
		}
		if w.rows[0].source == "" || w.rows[1].source != "" {
			t.Errorf("only the matched row offers a choice: %+v", w.rows)
		}
		tapDialog(t, u, "Cancel")
	})
	t.Run("cancel imports nothing", func(t *testing.T) {
		after, _ := model.Marshal(u.doc.Project)
		if string(after) != string(before) || u.doc.History().CanUndo() {
			t.Error("the project changed or an undo step appeared after Cancel")
		}
	})
	t.Run("keeping the matched asset turns its update into kept", func(t *testing.T) {
		w := openWizard(t, u, wait, importInventory, "anlagen.csv", wizardInventory)
		w.choose(w.rows[0].source, importer.DecideKeep)
		if n := importer.Counts(w.plan.steps); n[importer.ActionUpdate] != 0 || n[importer.ActionKeep] != 1 {
			t.Errorf("counts %v after keep", n)
		}
		tapDialog(t, u, "Cancel")
	})
	t.Run("a column mapped to nothing is not imported", func(t *testing.T) {
		w := openWizard(t, u, wait, importInventory, "anlagen.csv", wizardInventory)
		w.mapColumn("Hersteller", tr("import.column.notImported"))
		for _, st := range w.plan.steps {
			if st.Action == importer.ActionUpdate && strings.Contains(strings.Join(st.Changes, " "), "vendor") {
				t.Errorf("vendor still imported: %+v", st)
			}
		}
		tapDialog(t, u, "Cancel")
	})
	t.Run("import is one undo step, labelled with what it did", func(t *testing.T) {
		openWizard(t, u, wait, importInventory, "anlagen.csv", wizardInventory)
		tapDialog(t, u, "Import")
		p := u.doc.Project
		if len(p.Assets) != len(testPlant().Assets)+1 || p.Asset(model.StableID("a-plc")).Vendor != "Siemens" {
			t.Fatalf("after import: %d assets, PLC vendor %q", len(p.Assets), p.Asset(model.StableID("a-plc")).Vendor)
		}
		if got, want := u.doc.History().UndoLabel(), "Import anlagen.csv: 1 assets added, 1 updated"; got != want {
			t.Errorf("undo label %q, want %q", got, want)
		}
		u.undo()
		after, _ := model.Marshal(u.doc.Project)
		if string(after) != string(before) || u.doc.History().CanUndo() {
			t.Error("one undo does not restore the project")
		}
	})
}

func TestImportWizardCSAF(t *testing.T) {
	wait := pumpUI(t)
	u := newTestUI(t)
	plc := u.doc.Project.Asset(model.StableID("a-plc"))
	plc.Vendor, plc.Model, plc.Firmware = "Siemens", "SIMATIC S7-1500 CPU 1516-3 PN/DP", "V3.1"
	fixture, err := filepath.Abs("../importer/testdata/csaf/zw-test-sa-2099-0001.json")
	if err != nil {
		t.Fatal(err)
	}
	w := openWizardPath(t, u, wait, importCSAF, fixture)
	if n := w.plan.csaf.Counts(); n[importer.AdvisoryNew] != 1 || len(w.plan.csaf.Notes) != 1 {
		t.Fatalf("plan %v notes %d, want one new entry and the unreadable range", n, len(w.plan.csaf.Notes))
	}
	tapDialog(t, u, "Import")
	vs := u.doc.Project.Vulnerabilities
	if len(vs) != 1 || vs[0].Identifier != "CVE-2099-0001" || vs[0].AssetIDs[0] != plc.ID {
		t.Fatalf("register %+v", vs)
	}
	t.Run("importing the same advisory again offers nothing to do", func(t *testing.T) {
		w := openWizardPath(t, u, wait, importCSAF, fixture)
		if cmd := w.plan.command(u.doc.Project); cmd != nil {
			t.Errorf("a second import would do %q", cmd.Label())
		}
		tapDialog(t, u, "Cancel")
	})
	u.undo()
	if len(u.doc.Project.Vulnerabilities) != 0 {
		t.Error("undo left the imported entry")
	}
}

func TestImportWizardTrafficFeedsTheProblemsList(t *testing.T) {
	wait := pumpUI(t)
	u := newTestUI(t)
	openWizard(t, u, wait, importTraffic, "flows.csv", "source,destination,protocol,port\n10.9.9.1,10.9.9.2,tcp,502\n")
	tapDialog(t, u, "Import")
	rec := u.doc.Project.Observations
	if rec == nil || rec.Traffic == nil || rec.Traffic.Sources[0] != "flows.csv" {
		t.Fatalf("no traffic observation recorded: %+v", rec)
	}
	u.refreshAll()
	var found int
	for _, p := range u.problemL.rows {
		if p.Rule == importer.RuleUnknownHost && p.Kind == tr("problems.kind.traffic") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("%d unknown-host findings in the problems list, want 2 (both addresses): %+v", found, u.problemL.rows)
	}
	u.undo()
	u.refreshAll()
	for _, p := range u.problemL.rows {
		if p.Kind == tr("problems.kind.traffic") {
			t.Fatal("the finding stays in the problems list after undo")
		}
	}
}

func TestImportWizardFirewallReview(t *testing.T) {
	wait := pumpUI(t)
	u := newTestUI(t)
	w := openWizard(t, u, wait, importFirewall, "fw.rules", "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -j ACCEPT\nCOMMIT\n")
	if e, _, _ := w.plan.record.Counts(); e == 0 {
		t.Fatalf("no error for an accept-everything rule: %+v", w.plan.record.Findings)
	}
	tapDialog(t, u, "Import")
	u.refreshAll()
	var anyAny bool
	for _, p := range u.problemL.rows {
		if p.Rule == "any-any" && p.Severity == model.SeverityError && p.Field == "fw.rules:3" {
			anyAny = true
		}
	}
	if !anyAny {
		t.Errorf("no any-any error at fw.rules:3 in the problems list: %+v", u.problemL.rows)
	}
}

func TestImportWizardDrawioRoundTrip(t *testing.T) {
	wait := pumpUI(t)
	u := newTestUI(t)
	data, err := drawio.Export(testPlant(), nil)
	if err != nil {
		t.Fatal(err)
	}
	u.newProject()
	w := openWizard(t, u, wait, importDrawio, "plant.drawio", string(data))
	if c := w.plan.counts; c.ZonesAdded != 4 || c.AssetsAdded != 5 || c.ConduitsAdded != 2 {
		t.Fatalf("counts %+v, want the test plant's 4 zones, 5 assets and 2 conduits", c)
	}
	tapDialog(t, u, "Import")
	p := u.doc.Project
	if len(p.Zones) != 4 || len(p.Assets) != 5 || len(p.Conduits) != 2 || p.Zone(model.StableID("z-cell")) == nil {
		t.Errorf("after import: %d zones, %d assets, %d conduits", len(p.Zones), len(p.Assets), len(p.Conduits))
	}
	u.undo()
	if len(u.doc.Project.Zones) != 0 {
		t.Error("undo left zones")
	}
}

func TestImportWizardAppliesOnlyTickedZoneSuggestions(t *testing.T) {
	wait := pumpUI(t)
	u := newTestUI(t)
	loose := model.Asset{ID: model.StableID("a-loose"), Name: "Loose RTU", Class: model.ClassEmbedded, IPs: []string{"10.5.5.10"}}
	u.doc.Project.Assets = append(u.doc.Project.Assets, loose)
	before, _ := model.Marshal(u.doc.Project)
	flows := "source,destination,protocol,port\n10.5.5.10,10.9.9.2,tcp,502\n"

	t.Run("an unticked suggestion is listed and not applied", func(t *testing.T) {
		w := openWizard(t, u, wait, importTraffic, "flows.csv", flows)
		var row *previewRow
		for i := range w.rows {
			if w.rows[i].suggestion > 0 {
				row = &w.rows[i]
			}
		}
		if row == nil || !strings.Contains(row.text, "10.5.5.0/24") {
			t.Fatalf("no suggestion row for 10.5.5.0/24: %+v", w.rows)
		}
		tapDialog(t, u, "Import")
		if u.doc.Project.Asset(loose.ID).ZoneID != "" {
			t.Error("the asset was moved without the suggestion being ticked")
		}
		u.undo()
	})
	t.Run("a ticked suggestion makes the zone and moves the asset in the same undo step", func(t *testing.T) {
		w := openWizard(t, u, wait, importTraffic, "flows.csv", flows)
		w.plan.accepted[0] = true
		tapDialog(t, u, "Import")
		p := u.doc.Project
		z := p.Zone(p.Asset(loose.ID).ZoneID)
		if z == nil || len(z.Subnets) != 1 || z.Subnets[0] != "10.5.5.0/24" {
			t.Fatalf("asset zone %+v, want a new zone with subnet 10.5.5.0/24", z)
		}
		if got := u.doc.History().UndoLabel(); got != "Traffic observation from flows.csv, 1 zone suggestions applied" {
			t.Errorf("undo label %q", got)
		}
		u.undo()
		if after, _ := model.Marshal(u.doc.Project); string(after) != string(before) {
			t.Error("one undo does not take the zone, the move and the record back")
		}
	})
}
