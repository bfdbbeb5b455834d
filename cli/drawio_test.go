package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

func TestDrawioCommands(t *testing.T) {
	in := writeProject(t, model.Sample())
	dir := t.TempDir()
	out := filepath.Join(dir, "plant.drawio")
	if code, _, stderr := run(t, "render", in, "-o", out); code != ExitOK {
		t.Fatalf("render .drawio: exit %d: %s", code, stderr)
	}
	t.Run("render writes an uncompressed mxGraph file with SL-T in the zone labels", func(t *testing.T) {
		data, _ := os.ReadFile(out)
		if !strings.Contains(string(data), "<mxGraphModel") || !strings.Contains(string(data), "SL-T ") {
			t.Error("no mxGraphModel or no SL-T label")
		}
	})
	t.Run("import drawio into a new project creates it with every zone, asset and conduit", func(t *testing.T) {
		proj := filepath.Join(dir, "new"+model.FileExt)
		code, stdout, stderr := run(t, "import", "drawio", out, "--into", proj, "--json")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var rep struct {
			Created     bool  `json:"created"`
			Written     bool  `json:"written"`
			ZonesAdded  int   `json:"zonesAdded"`
			AssetsAdded int   `json:"assetsAdded"`
			Conduits    int   `json:"conduitsAdded"`
			Notes       []any `json:"notes"`
		}
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatal(err)
		}
		if !rep.Created || !rep.Written || rep.ZonesAdded != 11 || rep.AssetsAdded != 56 || rep.Conduits != 13 || len(rep.Notes) != 0 {
			t.Errorf("report %+v", rep)
		}
		if code, stdout, _ := run(t, "validate", proj); code != ExitOK {
			t.Errorf("the imported project does not validate:\n%s", stdout)
		}
	})
	t.Run("import drawio --dry-run into the sample updates everything and writes nothing", func(t *testing.T) {
		before, _ := os.ReadFile(in)
		code, stdout, _ := run(t, "import", "drawio", out, "--into", in, "--dry-run")
		after, _ := os.ReadFile(in)
		if code != ExitOK || !strings.Contains(stdout, "zones 0 added, 11 updated") || string(before) != string(after) {
			t.Errorf("exit %d:\n%s", code, stdout)
		}
	})
	t.Run("a broken drawing is bad input naming the file", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.drawio")
		os.WriteFile(bad, []byte("<mxfile>\n<diagram>\n<mxGraphModel><root>"), 0o644)
		code, _, stderr := run(t, "import", "drawio", bad, "--into", filepath.Join(dir, "x"+model.FileExt))
		if code != ExitInput || !strings.Contains(stderr, bad) {
			t.Errorf("exit %d stderr %q", code, stderr)
		}
	})
	t.Run("render --zone with .drawio is a usage error", func(t *testing.T) {
		if code, _, _ := run(t, "render", in, "-o", out, "--zone", "OT-DMZ"); code != ExitUsage {
			t.Errorf("exit %d", code)
		}
	})
}
