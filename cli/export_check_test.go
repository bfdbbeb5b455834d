package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

// export warns on stderr about every rule the policies and procedures left
// out, and --json carries the same list beside the files written.
func TestExportReportsTheDocumentCheck(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("procedures warn that the LTE tunnel is a telemetry link, not remote access", func(t *testing.T) {
		code, stdout, stderr := run(t, "export", project, "--doc", "procedures", "-o", filepath.Join(dir, "pr.pdf"))
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stderr, "warning: procedures: conduit K11 LTE-VPN Außenstellen: no secure remote access procedure") {
			t.Errorf("stderr lacks the K11 warning:\n%s", stderr)
		}
		if strings.Contains(stderr, "warning: policies:") {
			t.Errorf("exporting the procedures warns about the policies:\n%s", stderr)
		}
		if strings.TrimSpace(stdout) != filepath.Join(dir, "pr.pdf") {
			t.Errorf("stdout %q, want the file written", stdout)
		}
	})
	t.Run("the CRS warns only about the host profiles held below their zone's SL-T", func(t *testing.T) {
		_, _, stderr := run(t, "export", project, "--doc", "crs", "-o", filepath.Join(dir, "c.pdf"))
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		for _, l := range lines {
			if !strings.Contains(l, "warning: crs: zone ") || !strings.HasSuffix(l, "(doc-host-profile)") {
				t.Errorf("unexpected line %q", l)
			}
		}
		if !strings.Contains(stderr, "zone SIS Chlorgasanlage: the component profile of SIS-Engineering-Station asks for SL 2,2,2,1,2,2,2") {
			t.Errorf("stderr lacks the SIS engineering station:\n%s", stderr)
		}
	})
	t.Run("--json lists the files and the policies' adjustments", func(t *testing.T) {
		code, stdout, stderr := run(t, "export", project, "--doc", "policies", "-o", filepath.Join(dir, "po.pdf"), "--json")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var rep struct {
			Files         []string `json:"files"`
			DocumentCheck []struct {
				Document, Rule, Action, Kind, Object, Reason string
			} `json:"documentCheck"`
		}
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatalf("stdout is not the JSON report: %v\n%s", err, stdout)
		}
		if len(rep.Files) != 1 || rep.Files[0] != filepath.Join(dir, "po.pdf") {
			t.Errorf("files %v", rep.Files)
		}
		var mfaDiode, laptop bool
		for _, a := range rep.DocumentCheck {
			if a.Document != "policies" {
				t.Errorf("%s adjustment in a policies export", a.Document)
			}
			mfaDiode = mfaDiode || (a.Rule == "doc-mfa" && strings.HasPrefix(a.Object, "K02 ") && a.Action == "left out")
			laptop = laptop || (a.Rule == "doc-supplier-laptops" && a.Object == "Service-Laptop Integrator" && a.Kind == "asset")
		}
		if !mfaDiode || !laptop {
			t.Errorf("MFA on the diode left out: %v, supplier laptop softened: %v, in %+v", mfaDiode, laptop, rep.DocumentCheck)
		}
	})
}
