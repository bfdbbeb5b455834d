package app

import (
	"strings"
	"testing"

	"zonewise/model"
)

func TestRequirementsViewListsTheCRSOfAZoneAndOfItsAssets(t *testing.T) {
	u := newViewsTestUI(t, "requirements")
	v := viewOf[*requirementsView](t, u)
	needEngine(t, u)
	p := u.doc.Project
	var asset *model.Asset
	for i := range p.Assets {
		if zr := u.zoneResult(p.Assets[i].ZoneID); zr != nil && len(zr.Requirements) > 0 {
			asset = &p.Assets[i]
			break
		}
	}
	if asset == nil {
		t.Fatal("no sample asset in a zone with requirements")
	}
	zr := u.zoneResult(asset.ZoneID)

	u.selectOnly(ref{kindZone, asset.ZoneID})
	t.Run("a zone lists its SRs and REs under the seven FRs", func(t *testing.T) {
		checkLines(t, v, zr.Requirements, "SR ")
		if !strings.Contains(v.summary.Text, slVectorText(zr.SLT.Vector())) {
			t.Errorf("summary %q lacks the SL-T vector %s", v.summary.Text, slVectorText(zr.SLT.Vector()))
		}
	})
	t.Run("tapping a requirement shows its summary", func(t *testing.T) {
		v.list.Select(1) // the first requirement under FR1
		if ln := v.lines[1]; ln.heading || !strings.HasPrefix(v.detail.Text, ln.id+" ") {
			t.Errorf("detail %q does not describe %s", v.detail.Text, ln.id)
		}
	})
	u.selectOnly(ref{kindAsset, asset.ID})
	t.Run("an asset lists the component requirements of its class", func(t *testing.T) {
		ar := u.assetResult(asset.ID)
		checkLines(t, v, ar.Requirements, "")
		prefix := asset.Class.Prefix() + " "
		found := false
		for _, ln := range v.lines {
			found = found || strings.HasPrefix(ln.id, prefix)
			if !ln.heading && !strings.HasPrefix(ln.id, "CR ") && !strings.HasPrefix(ln.id, prefix) {
				t.Errorf("%s lists %s, not a CR or %s requirement", asset.Class, ln.id, prefix)
			}
		}
		if !found && strings.Contains(strings.Join(ar.Requirements, ","), prefix) {
			t.Errorf("no %s requirement listed", prefix)
		}
	})
}

// checkLines compares the view's lines with the requirement IDs: seven FR
// headings, every ID once with a title.
func checkLines(t *testing.T, v *requirementsView, ids []string, prefix string) {
	t.Helper()
	headings, items := 0, map[string]bool{}
	for _, ln := range v.lines {
		if ln.heading {
			headings++
			continue
		}
		if ln.text == "" {
			t.Errorf("%s has no title", ln.id)
		}
		items[ln.id] = true
	}
	if headings != 7 {
		t.Errorf("%d FR headings, want 7", headings)
	}
	if len(items) != len(ids) {
		t.Errorf("%d requirements listed, want %d", len(items), len(ids))
	}
	for _, id := range ids {
		if !items[id] || !strings.HasPrefix(id, prefix) {
			t.Errorf("requirement %s missing or not %q", id, prefix)
		}
	}
}
