package cli

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRequirementsJSON(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantCount int
		wantIDs   []string // must be present
		notIDs    []string // must be absent
		prefixes  []string // every id starts with one of these
	}{
		{
			name:      "SL 1 everywhere lists the 37 base SRs required at SL 1",
			args:      []string{"--sl", "1,1,1,1,1,1,1"},
			wantCount: 37,
			wantIDs:   []string{"SR 1.1", "SR 7.7"},
			notIDs:    []string{"SR 1.1 RE 1", "SR 1.2", "SR 3.4", "SR 6.2"},
			prefixes:  []string{"SR "},
		},
		{
			name:      "SL 4 everywhere lists all 100 SRs and REs",
			args:      []string{"--sl", "4,4,4,4,4,4,4"},
			wantCount: 100,
			wantIDs:   []string{"SR 1.1 RE 3", "SR 3.9 RE 1"},
			prefixes:  []string{"SR "},
		},
		{
			name:     "an embedded device gets common CRs and EDR items only",
			args:     []string{"--sl", "2,2,2,2,2,2,2", "--component", "embedded"},
			wantIDs:  []string{"CR 1.1 RE 1", "EDR 3.14 RE 1", "EDR 2.13"},
			notIDs:   []string{"EDR 2.13 RE 1", "NDR 5.2"},
			prefixes: []string{"CR ", "EDR "},
		},
		{
			name:     "a network device gets common CRs and NDR items only",
			args:     []string{"--json", "--sl", "0,0,0,0,3,0,0", "--component", "network"},
			wantIDs:  []string{"CR 5.1", "NDR 5.2 RE 2", "NDR 5.2 RE 3", "NDR 5.3"},
			prefixes: []string{"CR ", "NDR "},
		},
		{
			name:     "the persisted class name is accepted too",
			args:     []string{"--sl", "0,3,0,0,0,0,0", "--component", "software-application"},
			wantIDs:  []string{"SAR 2.4", "SAR 2.4 RE 1", "CR 2.7"},
			prefixes: []string{"CR ", "SAR "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"requirements", "--json"}, tt.args...)
			code, out, errOut := runCLI(args...)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			var got []map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("output is not a JSON array: %v\n%s", err, out)
			}
			if tt.wantCount > 0 && len(got) != tt.wantCount {
				t.Errorf("got %d items, want %d", len(got), tt.wantCount)
			}
			var gotIDs []string
			for _, o := range got {
				for _, k := range []string{"id", "fr", "minSL", "title", "summary", "standard", "base", "class"} {
					if _, ok := o[k]; !ok {
						t.Errorf("item %v lacks key %q", o["id"], k)
					}
				}
				id, _ := o["id"].(string)
				fr, _ := o["fr"].(float64)
				sl, _ := o["minSL"].(float64)
				if fr < 1 || fr > 7 || sl < 1 || sl > 4 {
					t.Errorf("%s has fr %v minSL %v", id, o["fr"], o["minSL"])
				}
				if !slices.ContainsFunc(tt.prefixes, func(p string) bool { return strings.HasPrefix(id, p) }) {
					t.Errorf("%s does not belong in this listing", id)
				}
				gotIDs = append(gotIDs, id)
			}
			for _, id := range tt.wantIDs {
				if !slices.Contains(gotIDs, id) {
					t.Errorf("%s missing", id)
				}
			}
			for _, id := range tt.notIDs {
				if slices.Contains(gotIDs, id) {
					t.Errorf("%s listed but should not be", id)
				}
			}
		})
	}
	t.Run("an all-zero vector prints an empty array, not null", func(t *testing.T) {
		code, out, _ := runCLI("requirements", "--sl", "0,0,0,0,0,0,0", "--json")
		if code != ExitOK || strings.TrimSpace(out) != "[]" {
			t.Errorf("exit %d, output %q", code, out)
		}
	})
	t.Run("an RE names its base and a class item its class", func(t *testing.T) {
		_, out, _ := runCLI("requirements", "--sl", "0,0,2,0,0,0,0", "--component", "host", "--json")
		var got []requirementJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(got, func(r requirementJSON) bool { return r.ID == "HDR 3.10 RE 1" })
		if i < 0 {
			t.Fatalf("HDR 3.10 RE 1 missing from %v", got)
		}
		if r := got[i]; r.Base != "HDR 3.10" || r.Class != "host-device" || r.Standard != "IEC 62443-4-2:2019" || r.FR != 3 || r.MinSL != 2 {
			t.Errorf("got %+v", r)
		}
	})
}

func TestRequirementsText(t *testing.T) {
	code, out, errOut := runCLI("requirements", "--sl", "2,2,2,1,3,2,2")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(out, "\n")
	for _, want := range []string{
		"IEC 62443-3-3:2013, system requirements, SL vector 2,2,2,1,3,2,2: 62 requirements",
		"FR1 Identification and authentication control (IAC), SL 2: 16 requirements",
		"FR4 Data confidentiality (DC), SL 1: 2 requirements",
		"FR5 Restricted data flow (RDF), SL 3: 10 requirements",
		"FR6 Timely response to events (TRE), SL 2: 2 requirements",
		"  SR 1.13 RE 1  2       Explicit access request approval",
		"  SR 5.2 RE 3   3       Fail close",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("line %q missing from\n%s", want, out)
		}
	}
	t.Run("an FR at SL 0 says nothing is selected", func(t *testing.T) {
		_, out, _ := runCLI("requirements", "--sl", "1,0,1,1,1,1,1", "--component", "application")
		if !strings.Contains(out, "FR2 Use control (UC), SL 0: nothing selected\n") {
			t.Errorf("output:\n%s", out)
		}
		if !strings.Contains(out, "software application (common CRs and SAR)") {
			t.Errorf("header does not name the class:\n%s", out)
		}
	})
}

func TestRequirementsErrors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"a short vector is bad input", []string{"--sl", "1,2,3"}, ExitInput, "has 3 values, want 7"},
		{"a level above 4 is bad input naming the FR", []string{"--sl", "1,1,1,5,1,1,1"}, ExitInput, "FR4 is 5"},
		{"a non-number is bad input naming the FR", []string{"--sl", "1,x,1,1,1,1,1"}, ExitInput, `FR2 is "x"`},
		{"an unknown class is bad input naming it", []string{"--sl", "1,1,1,1,1,1,1", "--component", "plc"}, ExitInput, `"plc"`},
		{"a missing --sl is a usage error", nil, ExitUsage, "--sl is required"},
		{"an unknown flag is a usage error", []string{"--sl", "1,1,1,1,1,1,1", "--verbose"}, ExitUsage, "not defined"},
		{"a stray argument is a usage error", []string{"--sl", "1,1,1,1,1,1,1", "extra"}, ExitUsage, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(append([]string{"requirements"}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d", code, tt.wantCode)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.wantErr)
			}
			if out != "" {
				t.Errorf("stdout not empty on error: %q", out)
			}
		})
	}
}
