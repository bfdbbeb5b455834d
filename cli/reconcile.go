package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"zonewise/importer"
	"zonewise/model"
)

// reconcileReport is the --json output of reconcile (documented in README.md).
type reconcileReport struct {
	Project string           `json:"project"`
	Inputs  []importer.Input `json:"inputs"`
	importer.Result
}

// runReconcile reads observed traffic (pcap, pcapng, Zeek conn.log, CSV
// flow list) and compares it with the project. It writes the project only
// with --record, and then only the findings (as its traffic observation):
// zone suggestions are for the analyst to act on.
func runReconcile(e *env, args []string) int {
	fs := e.newFlags()
	var traffic mapFlags
	fs.Var(&traffic, "traffic", "a traffic file (repeatable; further files may follow)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	record := fs.Bool("record", false, "keep the findings in the project for the problems list and the risk report")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) < 1 {
		return e.usagef("want a PROJECT")
	}
	project := pos[0]
	files := append([]string(traffic), pos[1:]...)
	if len(files) == 0 {
		return e.usagef("--traffic FILE is required")
	}
	p, err := loadProject(project)
	if err != nil {
		return e.errorf("%v", err)
	}
	t := importer.NewTraffic()
	for _, name := range files {
		in, err := readTrafficFile(name, t)
		if err != nil {
			return e.errorf("%v", err)
		}
		if in.Truncated {
			fmt.Fprintf(e.stderr, "zonewise reconcile: %s: warning: %s\n", name, in.Note)
		}
	}
	res := importer.Reconcile(p, t.Flows())
	if *record {
		if err := recordObservation(project, false, importer.Observation(t.Inputs, res, time.Now())); err != nil {
			return e.errorf("%v", err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(reconcileReport{Project: project, Inputs: t.Inputs, Result: res}); err != nil {
			return e.errorf("%v", err)
		}
		return ExitOK
	}
	for _, in := range t.Inputs {
		fmt.Fprintf(e.stdout, "%s: %s, %d records, %d flows, %d ignored\n", in.File, in.Format, in.Records, in.Flows, in.Ignored)
	}
	zoneName := func(id model.ID) string {
		if z := p.Zone(id); z != nil {
			return fmt.Sprintf("%q", z.Name)
		}
		return "(no zone)"
	}
	for _, z := range res.ZoneFlows {
		what := fmt.Sprintf("%s/%d", z.Transport, z.Port)
		if z.Transport == "ethernet" {
			what = fmt.Sprintf("EtherType 0x%04x", z.Port)
		}
		if z.Protocol != "" {
			what = z.Protocol + " (" + what + ")"
		}
		fmt.Fprintf(e.stdout, "flow: %s -> %s: %s, %d packets/connections, %d host pair(s)\n",
			zoneName(z.SourceZone), zoneName(z.DestinationZone), what, z.Count, z.HostPairs)
	}
	warnings := 0
	for _, f := range res.Findings {
		if f.Severity == importer.SeverityWarning {
			warnings++
		}
		fmt.Fprintf(e.stdout, "%s: %s: %s\n", f.Severity, f.Rule, f.Message)
	}
	for _, s := range res.Suggestions {
		names := make([]string, 0, len(s.Assets))
		for _, id := range s.Assets {
			names = append(names, fmt.Sprintf("%q", p.Asset(id).Name))
		}
		target := fmt.Sprintf("new zone %q", s.Name)
		if s.Zone != "" {
			target = fmt.Sprintf("zone %q", s.Name)
		}
		fmt.Fprintf(e.stdout, "suggestion: %s (%s; %s): %s\n", target, s.Basis, strings.Join(s.Classes, ", "), strings.Join(names, ", "))
	}
	fmt.Fprintf(e.stdout, "%s: %d flows observed, %d warning(s), %d finding(s) in all, %d zone suggestion(s)\n",
		project, len(res.Flows), warnings, len(res.Findings), len(res.Suggestions))
	return ExitOK
}

func readTrafficFile(name string, t *importer.Traffic) (importer.Input, error) {
	f, err := os.Open(name)
	if err != nil {
		return importer.Input{}, fmt.Errorf("open traffic: %w", err)
	}
	defer f.Close()
	return importer.ReadTraffic(name, f, t)
}
