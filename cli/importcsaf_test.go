package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

const csafFixture = "../importer/testdata/csaf/zw-test-sa-2099-0001.json"

func TestImportCSAF(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant.zonewise.json")
	if err := model.Save(project, model.Sample()); err != nil {
		t.Fatal(err)
	}
	report := func(t *testing.T, args ...string) csafReport {
		t.Helper()
		code, out, errOut := run(t, append([]string{"import", "csaf", csafFixture, "--into", project, "--json"}, args...)...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var rep csafReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		return rep
	}
	t.Run("a dry run reports the new entry and writes nothing", func(t *testing.T) {
		before, _ := os.ReadFile(project)
		rep := report(t, "--dry-run")
		after, _ := os.ReadFile(project)
		if rep.New != 1 || rep.Written || !bytes.Equal(before, after) {
			t.Errorf("new %d written %v, file changed %v", rep.New, rep.Written, !bytes.Equal(before, after))
		}
		if len(rep.Notes) != 1 || rep.Notes[0].Kind != "unparsed-range" {
			t.Errorf("notes = %+v, want the unreadable HMI range", rep.Notes)
		}
	})
	t.Run("the import adds the CVE to the register, linked to the PLC", func(t *testing.T) {
		rep := report(t)
		if rep.New != 1 || !rep.Written {
			t.Fatalf("new %d written %v", rep.New, rep.Written)
		}
		p, err := model.Load(project)
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, v := range p.Vulnerabilities {
			if v.Identifier == "CVE-2099-0001" && v.Advisory == "ZW-TEST-SA-2099-0001" && len(v.AssetIDs) == 1 && p.Asset(v.AssetIDs[0]).Name == assetPLC {
				found = true
			}
		}
		if !found {
			t.Error("CVE-2099-0001 linked to the CPU 1516 is not in the saved register")
		}
	})
	t.Run("importing again changes nothing and does not write", func(t *testing.T) {
		before, _ := os.ReadFile(project)
		rep := report(t)
		after, _ := os.ReadFile(project)
		if rep.Unchanged != 1 || rep.New+rep.Changed+rep.Withdrawn != 0 || rep.Written || !bytes.Equal(before, after) {
			t.Errorf("report %+v, file changed %v", rep, !bytes.Equal(before, after))
		}
	})
	t.Run("a file that is not JSON is bad input naming it", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.json")
		os.WriteFile(bad, []byte("{\"document\": "), 0o644)
		code, _, errOut := run(t, "import", "csaf", bad, "--into", project)
		if code != ExitInput || !strings.Contains(errOut, "bad.json") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
}
