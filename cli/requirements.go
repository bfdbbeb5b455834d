package cli

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// requirementJSON is one element of `zonewise requirements --json`. The shape
// is part of the command-line contract (README.md): every key is always
// present; base and class are "" when they do not apply.
type requirementJSON struct {
	ID       string `json:"id"`
	FR       int    `json:"fr"`
	MinSL    int    `json:"minSL"`
	Title    string `json:"title"`
	Summary  string `json:"summary"`
	Standard string `json:"standard"`
	Base     string `json:"base"`
	Class    string `json:"class"`
}

func runRequirements(e *env, args []string) int {
	fs := e.newFlags()
	sl := fs.String("sl", "", `SL vector, seven levels 0..4 in FR1..FR7 order, e.g. "2,2,2,1,3,2,2"`)
	component := fs.String("component", "", "application|embedded|host|network: list IEC 62443-4-2 items for that class instead of IEC 62443-3-3")
	asJSON := fs.Bool("json", false, "print a JSON array instead of a table")
	langFlag := fs.String("lang", "", "language of the titles and summaries `en|de` (default en)")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usagef("unexpected argument %q", pos[0])
	}
	if *sl == "" {
		return e.usagef("--sl is required")
	}
	lang, err := langOption(*langFlag)
	if err != nil {
		return e.usagef("%v", err)
	}
	lang = cmp.Or(lang, i18n.EN)
	v, err := model.ParseSLVector(*sl)
	if err != nil {
		return e.errorf("--sl: %v", err)
	}
	cat, err := risk.Builtin()
	if err != nil {
		return e.errorf("%v", err)
	}
	cat = cat.Localized(lang)
	var (
		reqs     []risk.Requirement
		class    model.AssetClass
		standard = risk.StandardSystem
	)
	if *component != "" {
		c, ok := model.ParseAssetClass(*component)
		if !ok {
			return e.errorf("--component: unknown component class %q, want application, embedded, host or network", *component)
		}
		class, standard = c, risk.StandardComponent
		reqs = cat.SelectComponent(v, class)
	} else {
		reqs = cat.SelectSystem(v)
	}
	if *asJSON {
		err = writeRequirementsJSON(e.stdout, reqs)
	} else {
		err = writeRequirementsText(e.stdout, i18n.For(lang), standard, class, v, reqs)
	}
	if err != nil {
		return e.errorf("write output: %v", err)
	}
	return ExitOK
}

func writeRequirementsJSON(w io.Writer, reqs []risk.Requirement) error {
	out := make([]requirementJSON, 0, len(reqs))
	for _, r := range reqs {
		out = append(out, requirementJSON{
			ID: r.ID, FR: int(r.FR), MinSL: r.MinSL, Title: r.Title, Summary: r.Summary,
			Standard: r.Standard, Base: r.Base, Class: string(r.Class),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeRequirementsText prints one block per FR: the FR's level from the
// vector, how many requirements it selects, then ID, lowest SL and title in
// columns aligned across all blocks.
func writeRequirementsText(w io.Writer, c *i18n.Catalog, standard string, class model.AssetClass, v model.SLVector, reqs []risk.Requirement) error {
	scope := c.T("cli.requirements.scope.system")
	if class != "" {
		scope = c.T("cli.requirements.scope.component", map[string]string{"Class": i18n.ArgText(c, i18n.Lower{V: i18n.Enum(class)}), "Prefix": class.Prefix()})
	}
	countWord := func(n int) string {
		switch n {
		case 0:
			return c.T("cli.requirements.count.none")
		case 1:
			return c.T("cli.requirements.count.one")
		}
		return c.T("cli.requirements.count.many", map[string]int{"N": n})
	}
	idWidth := len("ID")
	for _, r := range reqs {
		idWidth = max(idWidth, len(r.ID))
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, c.T("cli.requirements.head", map[string]string{"Standard": standard, "Scope": scope, "Vector": v.String(), "Count": countWord(len(reqs))}))
	for _, f := range model.AllFRs {
		n := 0
		for _, r := range reqs {
			if r.FR == f {
				n++
			}
		}
		fmt.Fprintf(bw, "\n%s\n", c.T("cli.requirements.fr", map[string]any{"FR": f.String(), "Title": c.T("fr.title." + f.String()), "Abbrev": f.Abbrev(), "SL": v.Get(f), "Count": countWord(n)}))
		if n == 0 {
			continue
		}
		fmt.Fprintf(bw, "  %-*s  %-6s  %s\n", idWidth, "ID", c.T("cli.requirements.col.minsl"), c.T("cli.requirements.col.title"))
		for _, r := range reqs {
			if r.FR == f {
				fmt.Fprintf(bw, "  %-*s  %-6d  %s\n", idWidth, r.ID, r.MinSL, r.Title)
			}
		}
	}
	return bw.Flush()
}
