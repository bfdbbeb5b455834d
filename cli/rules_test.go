package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

func TestRulesCommand(t *testing.T) {
	in := writeProject(t, model.Sample())
	dir := t.TempDir()
	t.Run("nftables to a file lists the skipped flows as warnings", func(t *testing.T) {
		out := filepath.Join(dir, "r.nft")
		code, _, stderr := run(t, "rules", in, "--format", "nftables", "-o", out)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		data, _ := os.ReadFile(out)
		if !strings.Contains(string(data), "policy drop;") || strings.Count(stderr, "warning:") != 5 {
			t.Errorf("file lacks the drop policy or stderr has not 5 warnings:\n%s", stderr)
		}
	})
	t.Run("one conduit by its first word gives only its rules", func(t *testing.T) {
		code, stdout, stderr := run(t, "rules", in, "--conduit", "K02", "--format", "iptables")
		if code != ExitOK || strings.Count(stdout, "-j ACCEPT\n") != 3 || stderr != "" {
			// two flows and the established/related accept
			t.Errorf("exit %d, stdout\n%s\nstderr %s", code, stdout, stderr)
		}
	})
	t.Run("the matrix is XLSX for an .xlsx file and CSV otherwise", func(t *testing.T) {
		x := filepath.Join(dir, "m.xlsx")
		if code, _, stderr := run(t, "rules", in, "--format", "matrix", "-o", x); code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		checkXLSX(t, x)
		_, stdout, _ := run(t, "rules", in, "--format", "matrix")
		if !strings.HasPrefix(stdout, "Rule,Conduit,Flow,") {
			t.Errorf("CSV starts %q", clip(stdout))
		}
	})
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"a missing format is a usage error", []string{"rules", in}, ExitUsage, "--format"},
		{"an unknown conduit is bad input", []string{"rules", in, "--format", "nftables", "--conduit", "K99"}, ExitInput, `no conduit with this name or ID`},
		{"review-firewall without --config is a usage error", []string{"review-firewall", in}, ExitUsage, "--config"},
		{"review-firewall of a missing dump is bad input", []string{"review-firewall", in, "--config", filepath.Join(dir, "none")}, ExitInput, "none"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.want)
			}
		})
	}
}

func TestReviewFirewallCommand(t *testing.T) {
	in := writeProject(t, model.Sample())
	t.Run("the hand-edited dump gives three errors as JSON and exit 1", func(t *testing.T) {
		dump := filepath.Join("..", "rules", "testdata", "sample-edited.iptables")
		code, stdout, stderr := run(t, "review-firewall", in, "--config", dump, "--json")
		if code != ExitInput {
			t.Fatalf("exit %d, want %d: %s", code, ExitInput, stderr)
		}
		var rep struct {
			Format   string `json:"format"`
			Rules    int    `json:"rules"`
			Findings []struct {
				Rule string `json:"rule"`
				Line int    `json:"line"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatal(err)
		}
		var rules []string
		for _, f := range rep.Findings {
			rules = append(rules, f.Rule)
		}
		if rep.Format != "iptables" || strings.Join(rules, " ") != "blocked-flow any-any undeclared-permit" {
			t.Errorf("format %q findings %v", rep.Format, rules)
		}
	})
	t.Run("the sample's own rules review clean with exit 0", func(t *testing.T) {
		dump := filepath.Join(t.TempDir(), "fw.nft")
		if code, _, stderr := run(t, "rules", in, "--format", "nftables", "-o", dump); code != ExitOK {
			t.Fatal(stderr)
		}
		code, stdout, _ := run(t, "review-firewall", in, "--config", dump)
		if code != ExitOK || !strings.Contains(stdout, "0 findings") {
			t.Errorf("exit %d:\n%s", code, stdout)
		}
	})
	t.Run("a broken dump names its file and line", func(t *testing.T) {
		dump := filepath.Join(t.TempDir(), "bad.rules")
		os.WriteFile(dump, []byte("*filter\n:FORWARD DROP [0:0]\n-A FORWARD -s 10.0.0.999 -j ACCEPT\nCOMMIT\n"), 0o644)
		code, _, stderr := run(t, "review-firewall", in, "--config", dump)
		if code != ExitInput || !strings.Contains(stderr, dump+":3:") {
			t.Errorf("exit %d stderr %q", code, stderr)
		}
	})
}
