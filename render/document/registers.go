package document

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"zonewise/i18n"
	"zonewise/templates"
)

// Register is one tabular register (risk register, asset inventory, action
// plan), ready for CSV or a worksheet. Every cell is a string, an int or a
// date (time.Time).
type Register struct {
	// Name is the file name without extension, e.g. "risk-register".
	Name string
	// Title is the worksheet name, e.g. "Risk register".
	Title  string
	Header []string
	// Widths are the column widths in characters, one per header cell.
	Widths []float64
	Rows   [][]any
}

// RegisterNames lists the registers in export order.
var RegisterNames = []string{"risk-register", "asset-inventory", "action-plan"}

// Registers builds the three registers from the template data model.
func Registers(d *templates.Data) []Register {
	return []Register{riskRegister(d), assetInventory(d), actionPlan(d)}
}

// RegisterByName returns the named register.
func RegisterByName(d *templates.Data, name string) (Register, bool) {
	for _, r := range Registers(d) {
		if r.Name == name {
			return r, true
		}
	}
	return Register{}, false
}

func s(t templates.Text) string { return string(t) }

func joinT(list []templates.Text, sep string) string {
	out := make([]string, len(list))
	for i, t := range list {
		out[i] = string(t)
	}
	return strings.Join(out, sep)
}

// date is a "YYYY-MM-DD" text as a date, so that the workbook stores a
// date cell (sortable, filterable); any other text stays text.
func date(t templates.Text) any {
	if d, err := time.Parse("2006-01-02", strings.TrimSpace(string(t))); err == nil {
		return d
	}
	return string(t)
}

// yesNoIn is a register's yes/no cell in the catalogue's language.
func yesNoIn(c *i18n.Catalog, b bool) string {
	if b {
		return c.T("register.yes")
	}
	return c.T("register.no")
}

// header is a register's column titles: the catalogue messages
// <prefix>.col01 to <prefix>.colNN in the catalogue's language.
func header(c *i18n.Catalog, prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = c.T(fmt.Sprintf("%s.col%02d", prefix, i+1))
	}
	return out
}

func riskRegister(d *templates.Data) Register {
	c := i18n.For(d.Lang)
	yesNo := func(b bool) string { return yesNoIn(c, b) }
	r := Register{
		Name: "risk-register", Title: c.T("register.risk-register.title"),
		Header: header(c, "register.risk-register", 22),
		Widths: []float64{6, 36, 50, 22, 10, 24, 12, 24, 16, 20, 11, 12, 22, 14, 10, 12, 36, 44, 11, 12, 14, 10},
	}
	for i, sc := range d.Scenarios {
		r.Rows = append(r.Rows, []any{
			i + 1, s(sc.Name), s(sc.Description), s(sc.Actor), sc.Capability, s(sc.EntryPoint), s(sc.TargetKind), s(sc.Target),
			joinT(sc.FRs, ", "), joinT(sc.Techniques, ", "), sc.Likelihood, sc.Consequence, s(sc.Category), s(sc.Unmitigated), yesNo(sc.Tolerable),
			s(sc.Treatment), s(sc.TreatmentNote), joinT(sc.Mitigations, "; "), sc.ResidualLikelihood, sc.ResidualConsequence, s(sc.Residual), yesNo(sc.ResidualTolerable),
		})
	}
	return r
}

func focusSummary(a *templates.AssetData) string {
	var parts []string
	for _, fp := range a.FocusPoints {
		parts = append(parts, fmt.Sprintf("%s: %s", fp.Title, fp.Status))
	}
	return strings.Join(parts, "; ")
}

func assetInventory(d *templates.Data) Register {
	c := i18n.For(d.Lang)
	yesNo := func(b bool) string { return yesNoIn(c, b) }
	r := Register{
		Name: "asset-inventory", Title: c.T("register.asset-inventory.title"),
		Header: header(c, "register.asset-inventory", 18),
		Widths: []float64{28, 24, 20, 14, 18, 20, 14, 12, 30, 10, 16, 22, 16, 16, 30, 12, 60, 50},
	}
	for _, a := range d.Assets {
		// An unknown SL-C (and the gap against it) reads "unknown", never
		// a row of zeros (docs/METHOD.md step 6, "Unknown is not zero").
		r.Rows = append(r.Rows, []any{
			s(a.Name), s(a.Zone), s(a.Class), s(a.Function), s(a.Vendor), s(a.Model), s(a.Firmware), s(a.Criticality),
			joinT(a.Exposure, ", "), yesNo(a.Transient), s(a.SLCText()), s(a.SLCSource), a.SLT.String(), s(a.GapText()), s(a.SupplierSDL),
			len(a.Requirements), focusSummary(a), s(a.Description),
		})
	}
	return r
}

func actionPlan(d *templates.Data) Register {
	c := i18n.For(d.Lang)
	yesNo := func(b bool) string { return yesNoIn(c, b) }
	r := Register{
		Name: "action-plan", Title: c.T("register.action-plan.title"),
		Header: header(c, "register.action-plan", 14),
		Widths: []float64{7, 12, 40, 16, 11, 26, 26, 9, 12, 18, 12, 40, 30, 40},
	}
	covered := map[string]bool{}
	for _, p := range d.Proposals {
		covered[s(p.MeasureID)+"@"+s(p.Target)+"@"+s(p.TargetKind)] = true
		r.Rows = append(r.Rows, []any{
			p.Rank, yesNo(p.Cover), s(p.Measure), s(p.MeasureID), s(p.TargetKind), s(p.Target), s(p.Closes), s(p.Effort), s(p.Status),
			s(p.Owner), date(p.Due), s(p.Reason), joinT(p.Requirements, ", "), "",
		})
	}
	// Countermeasures recorded in the project that the assessment does not
	// propose (already implemented, or applied for a scenario) follow unranked.
	for _, m := range d.Measures {
		if covered[s(m.MeasureID)+"@"+s(m.Target)+"@"+s(m.TargetKind)] {
			continue
		}
		note := s(m.Reason)
		if note == "" {
			note = s(m.Notes)
		}
		r.Rows = append(r.Rows, []any{
			"", "", s(m.Measure), s(m.MeasureID), s(m.TargetKind), s(m.Target), "", "", s(m.Status),
			s(m.Owner), date(m.Due), note, "", joinT(m.Scenarios, "; "),
		})
	}
	return r
}

// SafeCell defuses spreadsheet formula injection (OWASP "CSV injection"): a
// cell whose text starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe so that spreadsheet programs show it as text.
func SafeCell(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + v
	}
	return v
}

func cellString(v any) string {
	switch x := v.(type) {
	case string:
		return SafeCell(x)
	case int:
		return fmt.Sprint(x)
	case time.Time:
		return x.Format("2006-01-02")
	case nil:
		return ""
	}
	return SafeCell(fmt.Sprint(v))
}

// WriteCSV writes a register as RFC 4180 CSV (CRLF line ends) in UTF-8
// with a byte order mark, so that spreadsheet programs read umlauts right.
func WriteCSV(w io.Writer, reg Register) error { return WriteCSVSep(w, reg, ',') }

// WriteCSVSep is WriteCSV with another field separator: German Excel opens
// a CSV file split at semicolons, because the comma is its decimal mark.
func WriteCSVSep(w io.Writer, reg Register, sep rune) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("write %s csv: %w", reg.Name, err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if sep != 0 {
		cw.Comma = sep
	}
	if err := cw.Write(reg.Header); err != nil {
		return fmt.Errorf("write %s csv: %w", reg.Name, err)
	}
	rec := make([]string, len(reg.Header))
	for _, row := range reg.Rows {
		rec = rec[:0]
		for _, v := range row {
			rec = append(rec, cellString(v))
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write %s csv: %w", reg.Name, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write %s csv: %w", reg.Name, err)
	}
	return nil
}
