package cli

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/render/document"
	"zonewise/risk"
)

// runAssess implements `zonewise assess [--json] FILE`: the whole
// IEC 62443-3-2 assessment of a project file, as a terminal summary or as the
// complete risk.Result in JSON.
func runAssess(e *env, args []string) int {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print the complete assessment as JSON")
	langFlag := fs.String("lang", "", "language of the explanations `en|de` (default: the project's language, else en)")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return e.usagef("want exactly one FILE, got %d arguments", len(pos))
	}
	want, err := langOption(*langFlag)
	if err != nil {
		return e.usagef("%v", err)
	}
	path := pos[0]
	defer collectLess(path)()

	// A 10,000-asset plant must load, validate, assess and print within
	// 300 ms (docs/PERFORMANCE.md): the catalogue is decoded while the project
	// loads, and validation runs beside the assessment (both only read p).
	type catalog struct {
		cat *risk.Catalog
		err error
	}
	catCh := make(chan catalog, 1)
	go func() {
		c, err := risk.Builtin()
		catCh <- catalog{c, err}
	}()
	p, err := loadProject(path)
	if err != nil {
		return e.errorf("%v", err)
	}
	c := <-catCh
	if c.err != nil {
		return e.errorf("%v", c.err)
	}
	resCh := make(chan *risk.Result, 1)
	go func() { resCh <- risk.Assess(p, c.cat) }()

	// Errors (dangling references, values out of range) would make the
	// numbers meaningless: refuse them, one line per problem, as validate
	// does, without waiting for an assessment that is thrown away (on an
	// absurd file, such as 100,000 zones in a parent cycle, it takes tens of
	// seconds). Warnings do not stop an assessment.
	errs := 0
	for _, pr := range model.Validate(p) {
		if pr.Severity == model.SeverityError {
			fmt.Fprintf(e.stderr, "%s: %s\n", path, pr)
			errs++
		}
	}
	if errs > 0 {
		return e.errorf("%s: %d error(s); run zonewise validate for details", path, errs)
	}
	res := <-resCh
	// The rules, IDs and numbers are the same in every language; the
	// sentences (reasons, findings, warnings) follow --lang.
	lang := document.ProjectLang(p, want, i18n.EN)
	risk.Localize(res, lang)
	if *asJSON {
		if err := writeResultJSON(e.stdout, res); err != nil {
			return e.errorf("write result: %v", err)
		}
		return ExitOK
	}
	writeSummary(e.stdout, p, res)
	return ExitOK
}

// collectLess turns the garbage collector off for one assessment of the
// project file at path, with a soft memory limit of 20 times the file's
// size (at least 512 MiB) instead: the command runs once and exits, and
// nearly everything it allocates (the project, the result, the JSON
// chunks) lives until the end, so collections found little to free and
// cost a tenth of the CPU time of assess --json on 10,000 assets (each
// also scans the binary's globals). The heap then peaks near the total
// allocated: about 220 MB for 10,000 assets (185 MB with collections).
// Should the heap reach the limit, the collector runs as usual. GOGC or
// GOMEMLIMIT in the environment are left to rule. It returns the function
// that restores the previous settings (the command line also runs in
// process, in tests).
func collectLess(path string) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := int64(512 << 20)
	if st, err := os.Stat(path); err == nil {
		limit = max(limit, 20*st.Size())
	}
	oldLimit := debug.SetMemoryLimit(limit)
	oldPercent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// topProposals is how many proposals the terminal summary lists.
const topProposals = 10

// writeSummary prints the readable terminal summary of an assessment, one
// section per step of docs/METHOD.md.
func writeSummary(w io.Writer, p *model.Project, r *risk.Result) {
	names := map[model.ID]string{}
	fmt.Fprintf(w, "%s: %d zones, %d conduits, %d assets, %d threat scenarios\n", nameOr(p.Name, "project"),
		len(r.Zones), len(r.Conduits), len(r.Assets), len(r.Scenarios))
	fmt.Fprintf(w, "SL-T method: %s. Vectors are FR1..FR7 (IAC, UC, SI, DC, RDF, TRE, RA); \"?\" is an unknown SL-C.\n", r.Method.Label())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	writeZones(w, tw, p, r, names)
	writeConduits(w, tw, p, r, names)
	writeWarnings(w, r)
	writeScenarioRisk(w, tw, r)
	writeProposals(w, tw, r, names)
}

// writeZones lists each zone's SL-T, SL-C, SL-A and gap, its unmet
// requirements and initial risk flags, then the zone findings.
func writeZones(w io.Writer, tw *tabwriter.Writer, p *model.Project, r *risk.Result, names map[model.ID]string) {
	zoneType := map[model.ID]model.ZoneType{}
	for _, z := range p.Zones {
		zoneType[z.ID] = z.Type
	}
	fmt.Fprintf(w, "\nZones\n")
	if len(r.Zones) == 0 {
		fmt.Fprintf(w, "  none\n")
	}
	for _, z := range r.Zones {
		names[z.ZoneID] = "zone " + nameOr(z.Name, z.ZoneID.Short())
		fmt.Fprintf(tw, "  %s\t%s\tSL-T %s\tSL-C %s\tSL-A %s\tgap %s\t%s%s\n", nameOr(z.Name, z.ZoneID.Short()), zoneType[z.ZoneID].Label(),
			z.SLT.Vector(), slcText(&z.SLC), z.SLA.Vector(), z.Gap, unmetText(z.RequirementStatus), overrides(&z.SLT))
	}
	tw.Flush()
	for _, z := range r.Zones {
		if z.Initial.NeedsDetailedAssessment {
			fmt.Fprintf(w, "  needs detailed assessment, zone %s: initial risk %s (worst case if compromised) and no scenario targets it\n",
				nameOr(z.Name, z.ZoneID.Short()), z.Initial.Level)
		}
	}
	for _, z := range r.Zones {
		for _, f := range z.Findings {
			fmt.Fprintf(w, "  finding, zone %s: %s\n", nameOr(z.Name, z.ZoneID.Short()), printable(f, maxLineRunes))
		}
	}
}

// writeConduits lists each conduit's SL-T, SL-A and gap, then the
// least-privilege findings.
func writeConduits(w io.Writer, tw *tabwriter.Writer, p *model.Project, r *risk.Result, names map[model.ID]string) {
	conduitType := map[model.ID]model.ConduitType{}
	for _, c := range p.Conduits {
		conduitType[c.ID] = c.Type
	}
	fmt.Fprintf(w, "\nConduits\n")
	if len(r.Conduits) == 0 {
		fmt.Fprintf(w, "  none\n")
	}
	for _, c := range r.Conduits {
		names[c.ConduitID] = "conduit " + nameOr(c.Name, c.ConduitID.Short())
		fmt.Fprintf(tw, "  %s\t%s\tSL-T %s\tSL-A %s\tgap %s\t%s%s\n", nameOr(c.Name, c.ConduitID.Short()), conduitType[c.ConduitID].Label(),
			c.SLT.Vector(), c.SLA.Vector(), c.Gap, unmetText(c.RequirementStatus), overrides(&c.SLT))
	}
	tw.Flush()
	findings := 0
	for _, c := range r.Conduits {
		findings += len(c.Findings)
	}
	if findings > 0 {
		fmt.Fprintf(w, "  %d least-privilege finding(s) on conduits:\n", findings)
		for _, c := range r.Conduits {
			for _, f := range c.Findings {
				fmt.Fprintf(w, "  - %s: %s\n", nameOr(c.Name, c.ConduitID.Short()), printable(f, maxLineRunes))
			}
		}
	}
}

// writeWarnings lists SL-T values set below the derived ones.
func writeWarnings(w io.Writer, r *risk.Result) {
	if len(r.Warnings) == 0 {
		return
	}
	fmt.Fprintf(w, "\nWarnings (%d)\n", len(r.Warnings))
	for _, x := range r.Warnings {
		fmt.Fprintf(w, "  - %s\n", printable(x.Text, maxLineRunes))
	}
}

// writeScenarioRisk counts scenarios per risk level, unmitigated, current
// and target, and lists those intolerable after countermeasures.
func writeScenarioRisk(w io.Writer, tw *tabwriter.Writer, r *risk.Result) {
	fmt.Fprintf(w, "\nScenario risk (tolerable line: %s; current: implemented measures, target: also accepted ones)\n", r.Tolerable.Label())
	var unmit, cur, tgt [5]int
	var intolerable []risk.ScenarioResult
	for _, s := range r.Scenarios {
		unmit[s.Unmitigated.Rank()]++
		cur[s.Current.Level.Rank()]++
		tgt[s.Target.Level.Rank()]++
		if !s.Current.Tolerable || !s.Target.Tolerable {
			intolerable = append(intolerable, s)
		}
	}
	fmt.Fprintf(tw, "  \tunmitigated\tcurrent\ttarget\n")
	for i, l := range model.RiskLevels() {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\n", l.Label(), unmit[i+1], cur[i+1], tgt[i+1])
	}
	if unmit[0]+cur[0]+tgt[0] > 0 {
		fmt.Fprintf(tw, "  undefined in matrix\t%d\t%d\t%d\n", unmit[0], cur[0], tgt[0])
	}
	tw.Flush()
	if len(intolerable) == 0 {
		fmt.Fprintf(w, "  No scenario remains intolerable after countermeasures.\n")
		return
	}
	fmt.Fprintf(w, "  Intolerable after countermeasures (%d):\n", len(intolerable))
	for _, s := range intolerable {
		treat := ""
		if s.Treatment != "" {
			treat = ", treatment " + string(s.Treatment)
		}
		fmt.Fprintf(tw, "  - %s\tunmitigated %s (L%d × C%d)\tcurrent %s (L%d)\ttarget %s (L%d)%s\n", nameOr(s.Name, s.ScenarioID.Short()),
			s.Unmitigated, s.Likelihood, s.Consequence, s.Current.Level, s.Current.Likelihood, s.Target.Level, s.Target.Likelihood, treat)
	}
	tw.Flush()
}

// writeProposals lists the best proposals and the cover per target.
func writeProposals(w io.Writer, tw *tabwriter.Writer, r *risk.Result, names map[model.ID]string) {
	fmt.Fprintf(w, "\nCompensating countermeasures\n")
	if len(r.Proposals) == 0 {
		fmt.Fprintf(w, "  No proposals: no gap that a library measure can close.\n")
	} else {
		cover := 0
		for _, pr := range r.Proposals {
			if pr.Cover {
				cover++
			}
		}
		fmt.Fprintf(w, "  %d proposals; the best %d together close every gap the library can close. Top %d:\n",
			len(r.Proposals), cover, min(topProposals, len(r.Proposals)))
		for _, pr := range r.Proposals[:min(topProposals, len(r.Proposals))] {
			var frs []string
			for _, g := range pr.Closes {
				frs = append(frs, fmt.Sprintf("%s→%d", g.FR, g.Need))
			}
			status := ""
			if pr.InstanceID != "" {
				status = ", already " + string(pr.Status)
			}
			fmt.Fprintf(tw, "  %d.\t%s\ton %s\tcloses %s\teffort %s%s\n", pr.Rank, measureName(pr.MeasureID),
				nameOr(names[pr.TargetID], string(pr.TargetKind)+" "+pr.TargetID.Short()), strings.Join(frs, " "), strings.ToLower(pr.Effort.Label()), status)
		}
		tw.Flush()
		writeCover(w, tw, r, names)
	}
	if len(r.OpenGaps) > 0 {
		fmt.Fprintf(w, "  %d FR gap(s) no library measure closes need a project-specific compensating countermeasure, e.g.:\n  - %s\n",
			len(r.OpenGaps), printable(r.OpenGaps[0].Reason, maxLineRunes))
	}
	if len(r.Exclusions) > 0 {
		fmt.Fprintf(w, "  %d measure(s) excluded to protect essential functions, e.g.:\n  - %s\n", len(r.Exclusions), printable(r.Exclusions[0].Reason, maxLineRunes))
	}
}

// writeCover prints the cover per zone and conduit, in result order.
func writeCover(w io.Writer, tw *tabwriter.Writer, r *risk.Result, names map[model.ID]string) {
	coverOf := map[model.ID][]string{}
	for _, pr := range r.Proposals {
		if pr.Cover {
			coverOf[pr.TargetID] = append(coverOf[pr.TargetID], pr.MeasureID)
		}
	}
	fmt.Fprintf(w, "  The cover per zone and conduit:\n")
	for _, z := range r.Zones {
		if ms := coverOf[z.ZoneID]; len(ms) > 0 {
			fmt.Fprintf(tw, "  - %s\t%s\n", names[z.ZoneID], strings.Join(ms, ", "))
		}
	}
	for _, c := range r.Conduits {
		if ms := coverOf[c.ConduitID]; len(ms) > 0 {
			fmt.Fprintf(tw, "  - %s\t%s\n", names[c.ConduitID], strings.Join(ms, ", "))
		}
	}
	tw.Flush()
}

// slcText writes an SL-C vector with "?" for every unknown level: an
// unknown capability is never shown as 0.
func slcText(c *risk.Cells) string {
	parts := make([]string, len(c))
	for i, cell := range c {
		if cell.Unknown {
			parts[i] = "?"
		} else {
			parts[i] = fmt.Sprint(cell.SL)
		}
	}
	return strings.Join(parts, ",")
}

// unmetText counts the selected requirements in state gap.
func unmetText(sts []risk.RequirementStatus) string {
	n := 0
	for _, st := range sts {
		if st.State == risk.StateGap {
			n++
		}
	}
	if n == 0 {
		return "all requirements met"
	}
	return fmt.Sprintf("%d of %d requirements unmet", n, len(sts))
}

// nameOr returns name made printable (see printable), or fallback if empty.
func nameOr(name, fallback string) string {
	if name == "" {
		return fallback
	}
	return printable(name, maxNameRunes)
}

// overrides notes the FRs whose SL-T the user has overridden.
func overrides(c *risk.Cells) string {
	var frs []string
	for i, cell := range c {
		if cell.Overridden {
			frs = append(frs, model.AllFRs[i].String())
		}
	}
	if len(frs) == 0 {
		return ""
	}
	return "  (overridden: " + strings.Join(frs, ", ") + ")"
}

func measureName(id string) string {
	if cat, err := risk.Builtin(); err == nil {
		if m, ok := cat.Measure(id); ok && m.Name != "" {
			return id + " " + m.Name
		}
	}
	return id
}
