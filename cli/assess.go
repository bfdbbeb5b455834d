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
	langFlag := fs.String("lang", "", "language of the summary and explanations `en|de` (default: the project's language, else en)")
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
		return e.errorf("%s", loadError(err, want))
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
	writeSummary(e.stdout, i18n.For(lang), p, res)
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
// section per step of docs/METHOD.md, in the language of catalogue c
// (headings, labels and the engine's sentences alike).
func writeSummary(w io.Writer, c *i18n.Catalog, p *model.Project, r *risk.Result) {
	names := map[model.ID]string{}
	fmt.Fprintln(w, c.T("cli.assess.head", map[string]any{"Name": nameOr(p.Name, c.T("cli.assess.project")),
		"Zones": len(r.Zones), "Conduits": len(r.Conduits), "Assets": len(r.Assets), "Scenarios": len(r.Scenarios)}))
	fmt.Fprintln(w, c.T("cli.assess.method", map[string]string{"Method": i18n.Label(c, r.Method)}))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	writeZones(w, tw, c, p, r, names)
	writeConduits(w, tw, c, p, r, names)
	writeWarnings(w, c, r)
	writeScenarioRisk(w, tw, c, r)
	writeProposals(w, tw, c, r, names)
}

// writeZones lists each zone's SL-T, SL-C, SL-A and gap, its unmet
// requirements and initial risk flags, then the zone findings.
func writeZones(w io.Writer, tw *tabwriter.Writer, c *i18n.Catalog, p *model.Project, r *risk.Result, names map[model.ID]string) {
	zoneType := map[model.ID]model.ZoneType{}
	for _, z := range p.Zones {
		zoneType[z.ID] = z.Type
	}
	fmt.Fprintf(w, "\n%s\n", c.T("cli.assess.zones"))
	if len(r.Zones) == 0 {
		fmt.Fprintf(w, "  %s\n", c.T("cli.assess.none"))
	}
	gap := c.T("cli.assess.gap")
	for _, z := range r.Zones {
		name := nameOr(z.Name, z.ZoneID.Short())
		names[z.ZoneID] = c.T("cli.assess.zone", map[string]string{"Name": name})
		fmt.Fprintf(tw, "  %s\t%s\tSL-T %s\tSL-C %s\tSL-A %s\t%s %s\t%s%s\n", name, i18n.Label(c, zoneType[z.ZoneID]),
			z.SLT.Vector(), slcText(&z.SLC), z.SLA.Vector(), gap, z.Gap, unmetText(c, z.RequirementStatus), overrides(c, &z.SLT))
	}
	tw.Flush()
	for _, z := range r.Zones {
		if z.Initial.NeedsDetailedAssessment {
			fmt.Fprintf(w, "  %s\n", c.T("cli.assess.detailed", map[string]string{"Zone": nameOr(z.Name, z.ZoneID.Short()),
				"Level": lowerLabel(c, z.Initial.Level)}))
		}
	}
	for _, z := range r.Zones {
		for _, f := range z.Findings {
			fmt.Fprintf(w, "  %s\n", c.T("cli.assess.zone-finding", map[string]string{"Zone": nameOr(z.Name, z.ZoneID.Short()),
				"Finding": printable(f, maxLineRunes)}))
		}
	}
}

// writeConduits lists each conduit's SL-T, SL-A and gap, then the
// least-privilege findings.
func writeConduits(w io.Writer, tw *tabwriter.Writer, c *i18n.Catalog, p *model.Project, r *risk.Result, names map[model.ID]string) {
	conduitType := map[model.ID]model.ConduitType{}
	for _, x := range p.Conduits {
		conduitType[x.ID] = x.Type
	}
	fmt.Fprintf(w, "\n%s\n", c.T("cli.assess.conduits"))
	if len(r.Conduits) == 0 {
		fmt.Fprintf(w, "  %s\n", c.T("cli.assess.none"))
	}
	gap := c.T("cli.assess.gap")
	for _, x := range r.Conduits {
		name := nameOr(x.Name, x.ConduitID.Short())
		names[x.ConduitID] = c.T("cli.assess.conduit", map[string]string{"Name": name})
		fmt.Fprintf(tw, "  %s\t%s\tSL-T %s\tSL-A %s\t%s %s\t%s%s\n", name, i18n.Label(c, conduitType[x.ConduitID]),
			x.SLT.Vector(), x.SLA.Vector(), gap, x.Gap, unmetText(c, x.RequirementStatus), overrides(c, &x.SLT))
	}
	tw.Flush()
	findings := 0
	for _, x := range r.Conduits {
		findings += len(x.Findings)
	}
	if findings > 0 {
		fmt.Fprintf(w, "  %s\n", c.T("cli.assess.conduit-findings", map[string]int{"N": findings}))
		for _, x := range r.Conduits {
			for _, f := range x.Findings {
				fmt.Fprintf(w, "  - %s: %s\n", nameOr(x.Name, x.ConduitID.Short()), printable(f, maxLineRunes))
			}
		}
	}
}

// writeWarnings lists SL-T values set below the derived ones.
func writeWarnings(w io.Writer, c *i18n.Catalog, r *risk.Result) {
	if len(r.Warnings) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", c.T("cli.assess.warnings", map[string]int{"N": len(r.Warnings)}))
	for _, x := range r.Warnings {
		fmt.Fprintf(w, "  - %s\n", printable(x.Text, maxLineRunes))
	}
}

// writeScenarioRisk counts scenarios per risk level, unmitigated, current
// and target, and lists those intolerable after countermeasures.
func writeScenarioRisk(w io.Writer, tw *tabwriter.Writer, c *i18n.Catalog, r *risk.Result) {
	fmt.Fprintf(w, "\n%s\n", c.T("cli.assess.risk", map[string]string{"Line": i18n.Label(c, r.Tolerable)}))
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
	unmitigated, current, target := c.T("cli.assess.unmitigated"), c.T("cli.assess.current"), c.T("cli.assess.target")
	fmt.Fprintf(tw, "  \t%s\t%s\t%s\n", unmitigated, current, target)
	for i, l := range model.RiskLevels() {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\n", i18n.Label(c, l), unmit[i+1], cur[i+1], tgt[i+1])
	}
	if unmit[0]+cur[0]+tgt[0] > 0 {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\n", c.T("cli.assess.undefined"), unmit[0], cur[0], tgt[0])
	}
	tw.Flush()
	if len(intolerable) == 0 {
		fmt.Fprintf(w, "  %s\n", c.T("cli.assess.none-intolerable"))
		return
	}
	fmt.Fprintf(w, "  %s\n", c.T("cli.assess.intolerable", map[string]int{"N": len(intolerable)}))
	for _, s := range intolerable {
		treat := ""
		if s.Treatment != "" {
			treat = c.T("cli.assess.treatment", map[string]string{"Treatment": lowerLabel(c, s.Treatment)})
		}
		fmt.Fprintf(tw, "  - %s\t%s %s (L%d × C%d)\t%s %s (L%d)\t%s %s (L%d)%s\n", nameOr(s.Name, s.ScenarioID.Short()),
			unmitigated, lowerLabel(c, s.Unmitigated), s.Likelihood, s.Consequence, current, lowerLabel(c, s.Current.Level), s.Current.Likelihood,
			target, lowerLabel(c, s.Target.Level), s.Target.Likelihood, treat)
	}
	tw.Flush()
}

// writeProposals lists the best proposals and the cover per target.
func writeProposals(w io.Writer, tw *tabwriter.Writer, c *i18n.Catalog, r *risk.Result, names map[model.ID]string) {
	fmt.Fprintf(w, "\n%s\n", c.T("cli.assess.proposals"))
	if len(r.Proposals) == 0 {
		fmt.Fprintf(w, "  %s\n", c.T("cli.assess.no-proposals"))
	} else {
		cover := 0
		for _, pr := range r.Proposals {
			if pr.Cover {
				cover++
			}
		}
		fmt.Fprintf(w, "  %s\n", c.T("cli.assess.proposal-count", map[string]int{"N": len(r.Proposals), "Cover": cover,
			"Top": min(topProposals, len(r.Proposals))}))
		for _, pr := range r.Proposals[:min(topProposals, len(r.Proposals))] {
			var frs []string
			for _, g := range pr.Closes {
				frs = append(frs, fmt.Sprintf("%s→%d", g.FR, g.Need))
			}
			status := ""
			if pr.InstanceID != "" {
				status = c.T("cli.assess.already", map[string]string{"Status": lowerLabel(c, pr.Status)})
			}
			target := names[pr.TargetID]
			if target == "" {
				target = i18n.ArgText(c, i18n.Lower{V: i18n.Enum(pr.TargetKind)}) + " " + pr.TargetID.Short()
			}
			fmt.Fprintf(tw, "  %d.\t%s\t%s\t%s\t%s%s\n", pr.Rank, measureName(c, pr.MeasureID),
				c.T("cli.assess.on", map[string]string{"Target": target}),
				c.T("cli.assess.closes", map[string]string{"FRs": strings.Join(frs, " ")}),
				c.T("cli.assess.effort", map[string]string{"Effort": strings.ToLower(c.T("doc.effort." + effortClass(pr.Effort)))}), status)
		}
		tw.Flush()
		writeCover(w, tw, c, r, names)
	}
	if len(r.OpenGaps) > 0 {
		fmt.Fprintf(w, "  %s\n  - %s\n", c.T("cli.assess.open-gaps", map[string]int{"N": len(r.OpenGaps)}),
			printable(r.OpenGaps[0].Reason, maxLineRunes))
	}
	if len(r.Exclusions) > 0 {
		fmt.Fprintf(w, "  %s\n  - %s\n", c.T("cli.assess.exclusions", map[string]int{"N": len(r.Exclusions)}),
			printable(r.Exclusions[0].Reason, maxLineRunes))
	}
}

// writeCover prints the cover per zone and conduit, in result order.
func writeCover(w io.Writer, tw *tabwriter.Writer, c *i18n.Catalog, r *risk.Result, names map[model.ID]string) {
	coverOf := map[model.ID][]string{}
	for _, pr := range r.Proposals {
		if pr.Cover {
			coverOf[pr.TargetID] = append(coverOf[pr.TargetID], pr.MeasureID)
		}
	}
	fmt.Fprintf(w, "  %s\n", c.T("cli.assess.cover"))
	for _, z := range r.Zones {
		if ms := coverOf[z.ZoneID]; len(ms) > 0 {
			fmt.Fprintf(tw, "  - %s\t%s\n", names[z.ZoneID], strings.Join(ms, ", "))
		}
	}
	for _, x := range r.Conduits {
		if ms := coverOf[x.ConduitID]; len(ms) > 0 {
			fmt.Fprintf(tw, "  - %s\t%s\n", names[x.ConduitID], strings.Join(ms, ", "))
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
func unmetText(c *i18n.Catalog, sts []risk.RequirementStatus) string {
	n := 0
	for _, st := range sts {
		if st.State == risk.StateGap {
			n++
		}
	}
	if n == 0 {
		return c.T("cli.assess.all-met")
	}
	return c.T("cli.assess.unmet", map[string]int{"N": n, "Total": len(sts)})
}

// nameOr returns name made printable (see printable), or fallback if empty.
func nameOr(name, fallback string) string {
	if name == "" {
		return fallback
	}
	return printable(name, maxNameRunes)
}

// overrides notes the FRs whose SL-T the user has overridden.
func overrides(c *i18n.Catalog, cells *risk.Cells) string {
	var frs []string
	for i, cell := range cells {
		if cell.Overridden {
			frs = append(frs, model.AllFRs[i].String())
		}
	}
	if len(frs) == 0 {
		return ""
	}
	return "  " + c.T("cli.assess.overridden", map[string]string{"FRs": strings.Join(frs, ", ")})
}

// lowerLabel is the label of an adjective-like enumeration value (a risk
// level, a treatment, a measure status) in the catalogue's language, in lower
// case, for use inside a sentence ("critical", "kritisch").
func lowerLabel[T i18n.Labeled](c *i18n.Catalog, v T) string {
	return strings.ToLower(i18n.Label(c, v))
}

// effortClass is the catalogue suffix of an effort: 1..3, 0 for unknown.
func effortClass(e risk.Effort) string {
	if e >= 1 && e <= 3 {
		return fmt.Sprint(int(e))
	}
	return "0"
}

// measureName is a library measure's ID and its name in the catalogue's
// language.
func measureName(c *i18n.Catalog, id string) string {
	if cat, err := risk.Builtin(); err == nil {
		if m, ok := cat.Measure(id); ok {
			if name := m.LocalName(c.Lang()); name != "" {
				return id + " " + name
			}
		}
	}
	return id
}
