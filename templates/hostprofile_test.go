package templates

import (
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

func TestHostProfileSL(t *testing.T) {
	zone := model.SLVector{4, 4, 4, 1, 4, 4, 3}
	for _, tc := range []struct {
		what   string
		a      model.Asset
		want   model.SLVector
		capped bool
	}{
		{"a Windows engineering PC is held to SL 2 per FR", model.Asset{Class: model.ClassHost, Firmware: "Windows 10 IoT Enterprise LTSC 2021", SLCSource: model.SLCUnknown},
			model.SLVector{2, 2, 2, 1, 2, 2, 2}, true},
		{"a Linux server named in the model field too", model.Asset{Class: model.ClassHost, Model: "Ubuntu 22.04 LTS server"},
			model.SLVector{2, 2, 2, 1, 2, 2, 2}, true},
		{"an assessed SL-C above 2 is kept where it is higher", model.Asset{Class: model.ClassHost, Firmware: "Windows Server 2022", SLCSource: model.SLCAssessed, SLC: model.SLVector{3, 2, 3, 1, 1, 1, 1}},
			model.SLVector{3, 2, 3, 1, 2, 2, 2}, true},
		{"a certified host keeps the zone's SL-T", model.Asset{Class: model.ClassHost, Firmware: "Windows 10", SLCSource: model.SLCCertified},
			zone, false},
		{"an embedded controller keeps the zone's SL-T", model.Asset{Class: model.ClassEmbedded, Firmware: "Windows CE"},
			zone, false},
		{"a host without a recognisable operating system keeps the zone's SL-T", model.Asset{Class: model.ClassHost, Firmware: "V4.2"},
			zone, false},
	} {
		t.Run(tc.what, func(t *testing.T) {
			got, capped := HostProfileSL(&tc.a, zone)
			if got != tc.want || capped != tc.capped {
				t.Errorf("HostProfileSL = %v, %v; want %v, %v", got, capped, tc.want, tc.capped)
			}
		})
	}
	t.Run("a zone at SL-T 2 asks nothing the host cannot reach", func(t *testing.T) {
		a := model.Asset{Class: model.ClassHost, Firmware: "Windows 11"}
		if _, capped := HostProfileSL(&a, model.SLVector{2, 2, 2, 1, 2, 1, 2}); capped {
			t.Error("capped at SL-T 2")
		}
	})
}

// The sample's SIS engineering station (Windows 10 IoT in a zone of SL-T 4)
// gets a profile it can reach, the CRS says why, and the document check
// reports it.
func TestSampleWindowsHostsGetAReachableProfile(t *testing.T) {
	p := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := risk.Assess(p, cat)
	d := NewData(p, r, cat, p.Date)
	var sis *AssetData
	for _, a := range d.Assets {
		if a.Name == "SIS-Engineering-Station" {
			sis = a
		}
	}
	if sis == nil {
		t.Fatal("no SIS-Engineering-Station in the sample")
	}
	if sis.SLT.Get(model.FR1) != 4 {
		t.Fatalf("SIS zone FR1 SL-T %d, the test expects 4", sis.SLT.Get(model.FR1))
	}
	for _, pd := range d.Profiles {
		if pd.ID != sis.Profile {
			continue
		}
		if !pd.Capped || pd.SLT != (model.SLVector{2, 2, 2, 1, 2, 2, 2}) {
			t.Errorf("profile %s: SL %v capped %v, want 2,2,2,1,2,2,2 capped", pd.ID, pd.SLT, pd.Capped)
		}
		for _, r := range pd.Requirements {
			if r.MinSL > 2 {
				t.Errorf("profile %s asks for %s (SL %d)", pd.ID, r.ID, r.MinSL)
			}
		}
	}
	found := false
	for _, a := range CheckDocuments(p, r) {
		if a.Rule == CheckHostProfile && a.Object == "SIS Chlorgasanlage" {
			found = a.Document == "crs" && a.Kind == "zone" && strings.Contains(a.Reason, "SIS-Engineering-Station") &&
				strings.Contains(a.Reason, "Windows 10 IoT") && strings.Contains(a.Reason, "4,4,4,1,4,4,3")
		}
	}
	if !found {
		t.Error("the document check does not report the capped profile of the SIS engineering station")
	}
	tpl, err := Load("crs")
	if err != nil {
		t.Fatal(err)
	}
	md, err := tpl.Execute(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md, "general-purpose operating system") || !strings.Contains(md, "(zone SL-T 4,4,4,1,4,4,3)") {
		t.Error("the CRS does not explain the capped profile")
	}
}
