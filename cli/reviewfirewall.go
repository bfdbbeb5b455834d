package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"zonewise/rules"
)

// firewallReport is the --json output of review-firewall (documented in
// README.md).
type firewallReport struct {
	Project  string          `json:"project"`
	Config   string          `json:"config"`
	Format   string          `json:"format"`
	Rules    int             `json:"rules"`
	Findings []rules.Finding `json:"findings"`
}

// runReviewFirewall implements `zonewise review-firewall PROJECT --config
// FILE [--json]`: it reads an `nft list ruleset` or `iptables-save` dump
// and reports what it permits beyond the declared flows, what declared
// flows it blocks, and any/any, broad and shadowed rules. Like validate, it
// exits 1 when there is a finding of severity error.
func runReviewFirewall(e *env, args []string) int {
	fs := e.newFlags()
	config := fs.String("config", "", "the firewall dump: output of nft list ruleset or iptables-save")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	record := fs.Bool("record", false, "keep the findings in the project for the problems list and the risk report")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) != 1:
		return e.usagef("want one PROJECT, got %d arguments", len(pos))
	case *config == "":
		return e.usagef("--config FILE is required")
	}
	p, code, valid := loadValid(e, pos[0])
	if !valid {
		return code
	}
	data, err := os.ReadFile(*config)
	if err != nil {
		return e.errorf("read firewall dump: %v", err)
	}
	rs, err := rules.ParseDump(*config, data)
	if err != nil {
		return e.errorf("%v", err)
	}
	rep := firewallReport{Project: pos[0], Config: *config, Format: rs.Format, Findings: rules.Review(p, rs)}
	if rep.Findings == nil {
		rep.Findings = []rules.Finding{}
	}
	for _, c := range rs.Chains {
		rep.Rules += len(c.Rules)
	}
	if *record {
		if err := recordObservation(pos[0], true, rules.Observation(rs, rep.Findings, time.Now())); err != nil {
			return e.errorf("%v", err)
		}
	}
	errors := 0
	for _, f := range rep.Findings {
		if f.Severity == "error" {
			errors++
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return e.errorf("%v", err)
		}
	} else {
		fmt.Fprintf(e.stdout, "%s: %s, %d rules in %d chains\n", *config, rs.Format, rep.Rules, len(rs.Chains))
		for _, f := range rep.Findings {
			where := ""
			if f.File != "" {
				where = fmt.Sprintf("%s:%d: ", f.File, f.Line)
			}
			fmt.Fprintf(e.stdout, "%s: %s: %s%s\n", f.Severity, f.Rule, where, f.Message)
			if f.Example != "" {
				fmt.Fprintf(e.stdout, "    for example %s\n", f.Example)
			}
		}
		fmt.Fprintf(e.stdout, "%d findings, %d errors\n", len(rep.Findings), errors)
	}
	if errors > 0 {
		return ExitInput
	}
	return ExitOK
}
