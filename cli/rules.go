package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"zonewise/model"
	"zonewise/rules"
)

// runRules implements `zonewise rules PROJECT [--conduit NAME|ID] --format
// matrix|nftables|iptables [-o FILE]`: the firewall rules of the declared
// flows. The matrix is XLSX when FILE ends in .xlsx, else CSV. Flows that
// give no rule are listed as warnings on stderr; they never become a
// permissive rule.
func runRules(e *env, args []string) int {
	fs := e.newFlags()
	conduit := fs.String("conduit", "", "only this conduit (name or ID)")
	format := fs.String("format", "", "matrix, nftables or iptables")
	out := fs.String("o", "", "output file (stdout without -o; a matrix ending in .xlsx is a workbook)")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) != 1:
		return e.usagef("want one PROJECT, got %d arguments", len(pos))
	case *format != "matrix" && *format != "nftables" && *format != "iptables":
		return e.usagef("--format %q: want matrix, nftables or iptables", *format)
	}
	p, code, valid := loadValid(e, pos[0])
	if !valid {
		return code
	}
	var only model.ID
	if *conduit != "" {
		c, err := findConduit(p, *conduit)
		if err != nil {
			return e.errorf("%s: %v", pos[0], err)
		}
		only = c.ID
	}
	s := rules.Generate(p, only)
	var err error
	var data []byte
	switch *format {
	case "nftables":
		data = rules.NFTables(&s)
	case "iptables":
		data = rules.IPTables(&s)
	case "matrix":
		if strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			data, err = rules.MatrixXLSX(&s)
		} else {
			data, err = rules.MatrixCSV(&s)
		}
		if err != nil {
			return e.errorf("%s: %v", pos[0], err)
		}
	}
	for _, w := range s.Warnings {
		fmt.Fprintf(e.stderr, "zonewise rules: warning: %s\n", w)
	}
	if *out == "" {
		_, err = e.stdout.Write(data)
	} else {
		err = model.WriteFileAtomic(*out, data, false)
	}
	if err != nil {
		return e.errorf("%v", err)
	}
	return ExitOK
}

// findConduit finds a conduit by exact ID, exact name, a name that
// matches ignoring case, or a name whose first word it is ("K02"), when
// only one does.
func findConduit(p *model.Project, key string) (*model.Conduit, error) {
	if c := p.Conduit(model.ID(key)); c != nil {
		return c, nil
	}
	var exact, folded, prefix []*model.Conduit
	for i := range p.Conduits {
		c := &p.Conduits[i]
		if c.Name == key {
			exact = append(exact, c)
		}
		if strings.EqualFold(c.Name, key) {
			folded = append(folded, c)
		}
		if strings.HasPrefix(strings.ToLower(c.Name), strings.ToLower(key)+" ") {
			prefix = append(prefix, c)
		}
	}
	for _, list := range [][]*model.Conduit{exact, folded, prefix} {
		switch len(list) {
		case 0:
			continue
		case 1:
			return list[0], nil
		default:
			ids := make([]string, len(list))
			for i, c := range list {
				ids[i] = string(c.ID)
			}
			return nil, fmt.Errorf("--conduit %q: %d conduits have this name, give an ID: %s", key, len(list), strings.Join(ids, ", "))
		}
	}
	return nil, fmt.Errorf("--conduit %q: no conduit with this name or ID", key)
}

// loadValid loads a project and refuses one with validation errors: rules
// from dangling zones or bad addresses would mean nothing. One line per
// error, as validate prints them.
func loadValid(e *env, path string) (*model.Project, int, bool) {
	p, err := loadProject(path)
	if err != nil {
		return nil, e.errorf("%v", err), false
	}
	if problems := model.Validate(p); model.HasErrors(problems) {
		for _, pr := range problems {
			if pr.Severity == model.SeverityError {
				fmt.Fprintf(e.stderr, "%s: %s\n", path, pr)
			}
		}
		return nil, e.errorf("%s: the project has errors; run zonewise validate and fix them first", path), false
	}
	return p, ExitOK, true
}
