package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// panelWidgets lists the entries and selects of the properties panel in order.
func panelWidgets(u *ui) ([]*widget.Entry, []*widget.Select, []*widget.Check) {
	var es []*widget.Entry
	var ss []*widget.Select
	var cs []*widget.Check
	walk(u.props.object(), func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Entry:
			es = append(es, w)
		case *keyEntry:
			es = append(es, &w.Entry)
		case *widget.Select:
			ss = append(ss, w)
		case *widget.Check:
			cs = append(cs, w)
		}
		return false
	})
	return es, ss, cs
}

func TestVulnerabilityRegisterAddEditDeleteUndo(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	plc := model.StableID("a-plc")
	u.selectOnly(ref{kindAsset, plc})
	u.addScenario()
	scen := p.Scenarios[len(p.Scenarios)-1].ID
	u.selectOnly(ref{kindAsset, plc})
	u.addVulnerability()
	if len(p.Vulnerabilities) != 1 {
		t.Fatalf("%d vulnerabilities after add, want 1", len(p.Vulnerabilities))
	}
	id := p.Vulnerabilities[0].ID
	r := ref{kindVulnerability, id}

	t.Run("the new entry is open, affects the selected asset and is listed in the tree", func(t *testing.T) {
		x := p.Vulnerabilities[0]
		if x.Status != model.VulnOpen || x.Exploitability != model.ExploitUnknown || !slices.Equal(x.AssetIDs, []model.ID{plc}) {
			t.Errorf("new entry %+v", x)
		}
		if _, ok := u.tree.labels[nodeOf(r)]; !ok {
			t.Error("no tree row for the new vulnerability")
		}
		if got := u.tree.labels[nodeVulnerabilities]; got != "Vulnerabilities (1)" {
			t.Errorf("branch label %q, want %q", got, "Vulnerabilities (1)")
		}
		for _, pr := range model.Validate(p) {
			if pr.Kind == "vulnerability" && pr.Severity == model.SeverityError {
				t.Errorf("the new entry does not validate: %+v", pr)
			}
		}
	})

	u.selectOnly(r)
	es, ss, cs := panelWidgets(u)
	if len(es) < 5 || len(ss) != 2 {
		t.Fatalf("properties panel has %d entries and %d selects, want at least 5 and 2", len(es), len(ss))
	}
	t.Run("the properties panel edits identifier, score, status and links", func(t *testing.T) {
		es[0].SetText("CVE-2024-0001")
		es[2].SetText("9,8")
		ss[1].SetSelected(vulnStatusLabel(model.VulnMitigated))
		x := findVuln(p, id)
		if x.Identifier != "CVE-2024-0001" || x.CVSSScore != 9.8 || x.Status != model.VulnMitigated {
			t.Errorf("entry after edits %+v", x)
		}
		es[2].SetText("11")
		if x := findVuln(p, id); x.CVSSScore != 9.8 {
			t.Errorf("score out of range was stored: %v", x.CVSSScore)
		}
		linked := false
		for _, c := range cs {
			if c.Text == orUntitled(p.Scenario(scen).Name) {
				c.SetChecked(true)
				linked = true
			}
		}
		if !linked || !slices.Contains(p.Scenario(scen).Vulnerabilities, id) {
			t.Errorf("checking the scenario did not link it: %v", p.Scenario(scen).Vulnerabilities)
		}
	})

	t.Run("deleting removes the entry and its scenario link in one undo step", func(t *testing.T) {
		before := saved(t, p)
		u.deleteSelection()
		if len(p.Vulnerabilities) != 0 || slices.Contains(p.Scenario(scen).Vulnerabilities, id) {
			t.Fatalf("after delete: register %+v, links %v", p.Vulnerabilities, p.Scenario(scen).Vulnerabilities)
		}
		if l := u.doc.History().UndoLabel(); l != "Delete vulnerability" {
			t.Errorf("undo label %q", l)
		}
		if err := u.doc.Undo(); err != nil {
			t.Fatal(err)
		}
		if string(saved(t, p)) != string(before) {
			t.Error("undo did not bring the entry and its link back")
		}
	})
}
