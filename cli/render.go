package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/render"
	"zonewise/render/document"
	"zonewise/render/drawio"
	"zonewise/risk"
)

// runRender implements `zonewise render FILE -o OUT [--zone NAME|ID] [--dpi N]`:
// the zone and conduit diagram as SVG, PNG, DOT or draw.io, chosen by OUT's
// extension.
// Zones are coloured by their SL gap from the built-in assessment; a project
// with validation errors is drawn without it (and a warning says so).
func runRender(e *env, args []string) int {
	fs := e.newFlags()
	out := fs.String("o", "", "output file: .svg, .png, .dot or .drawio")
	zone := fs.String("zone", "", "show only this zone (name or ID) with its neighbours")
	dpi := fs.Int("dpi", 200, "resolution of a PNG in dots per inch")
	langFlag := fs.String("lang", "", "language `en|de` of the diagram's title line, bands and legend (default: the project's language, else en)")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) != 1:
		return e.usagef("want one project FILE, got %d arguments", len(pos))
	case *out == "":
		return e.usagef("missing -o OUT")
	case *dpi < 10 || *dpi > 1200:
		return e.usagef("--dpi %d: want 10..1200", *dpi)
	}
	want, err := langOption(*langFlag)
	if err != nil {
		return e.usagef("%v", err)
	}
	format := strings.ToLower(filepath.Ext(*out))
	if format != ".svg" && format != ".png" && format != ".dot" && format != ".drawio" {
		return e.usagef("-o %s: unknown format %q, want .svg, .png, .dot or .drawio", *out, format)
	}
	p, err := loadProject(pos[0])
	if err != nil {
		return e.errorf("%s", loadError(err, want))
	}
	v := render.View{Lang: document.ProjectLang(p, want, i18n.EN)}
	if *zone != "" {
		z, err := findZone(p, *zone)
		if err != nil {
			return e.errorf("%s: %v", pos[0], err)
		}
		v.Focus = z.ID
	}
	r, err := assessForDiagram(p)
	if err != nil {
		return e.errorf("%v", err)
	}
	if r == nil {
		fmt.Fprintf(e.stderr, "zonewise render: warning: %s has validation errors, so the diagram shows no SL-T or gaps (see zonewise validate)\n", pos[0])
	}
	ctx := context.Background()
	var data []byte
	switch format {
	case ".svg":
		data, err = render.SVG(ctx, p, r, v)
	case ".png":
		data, err = render.PNG(ctx, p, r, v, *dpi)
	case ".dot":
		data = render.DOT(p, r, v)
	case ".drawio":
		if v.Focus != "" {
			return e.usagef("--zone applies to .svg, .png and .dot; a .drawio file holds the whole model so that it can be imported back")
		}
		data, err = drawio.Export(p, r)
	}
	if err != nil {
		return e.errorf("%s: %v", pos[0], err)
	}
	if err := model.WriteFileAtomic(*out, data, false); err != nil {
		return e.errorf("%v", err)
	}
	return ExitOK
}

// assessForDiagram returns the assessment that colours the diagram, or nil
// when the project has validation errors (its numbers would mean nothing).
func assessForDiagram(p *model.Project) (*risk.Result, error) {
	if model.HasErrors(model.Validate(p)) {
		return nil, nil
	}
	cat, err := risk.Builtin()
	if err != nil {
		return nil, err
	}
	return risk.Assess(p, cat), nil
}

// findZone finds a zone by exact ID, exact name, or a name that matches
// ignoring case when only one does.
func findZone(p *model.Project, key string) (*model.Zone, error) {
	if z := p.Zone(model.ID(key)); z != nil {
		return z, nil
	}
	var exact, folded []*model.Zone
	for i := range p.Zones {
		z := &p.Zones[i]
		if z.Name == key {
			exact = append(exact, z)
		}
		if strings.EqualFold(z.Name, key) {
			folded = append(folded, z)
		}
	}
	for _, list := range [][]*model.Zone{exact, folded} {
		switch len(list) {
		case 0:
			continue
		case 1:
			return list[0], nil
		default:
			ids := make([]string, len(list))
			for i, z := range list {
				ids[i] = string(z.ID)
			}
			return nil, fmt.Errorf("--zone %q: %d zones have this name, give an ID: %s", key, len(list), strings.Join(ids, ", "))
		}
	}
	return nil, fmt.Errorf("--zone %q: no zone with this name or ID", key)
}
