package app

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"zonewise/model"
	"zonewise/render/drawio"
	"zonewise/rules"
)

// ruleFormat is one format of File ▸ Export ▸ Firewall rules.
type ruleFormat struct {
	label, ext string
	write      func(*rules.Set) ([]byte, error)
}

func ruleFormats() []ruleFormat {
	return []ruleFormat{
		{"rules.export.matrixCSV", ".csv", rules.MatrixCSV},
		{"rules.export.matrixXLSX", ".xlsx", rules.MatrixXLSX},
		{"rules.export.nftables", ".nft", func(s *rules.Set) ([]byte, error) { return rules.NFTables(s), nil }},
		{"rules.export.iptables", ".rules", func(s *rules.Set) ([]byte, error) { return rules.IPTables(s), nil }},
	}
}

// exportMenu is File ▸ Export: the firewall rules of the declared flows in
// each format, and the draw.io diagram.
func (u *ui) exportMenu() *fyne.MenuItem {
	m := fyne.NewMenuItem(tr("export.menu"), nil)
	rm := fyne.NewMenuItem(tr("rules.export.menu"), nil)
	var items []*fyne.MenuItem
	for _, f := range ruleFormats() {
		items = append(items, fyne.NewMenuItem(tr(f.label), func() { u.exportRules(f) }))
	}
	rm.ChildMenu = fyne.NewMenu("", items...)
	m.ChildMenu = fyne.NewMenu("", rm, fyne.NewMenuItem(tr("export.drawio"), u.exportDrawio))
	return m
}

// saveDialog asks where to write an export named name and writes what
// produce returns there, atomically.
func (u *ui) saveDialog(name, ext string, produce func() ([]byte, error), done func(path string)) {
	d := newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				u.showError(err)
			}
			return
		}
		path := w.URI().Path()
		w.Close()
		data, err := produce()
		if err == nil {
			err = model.WriteFileAtomic(path, data, false)
		}
		if err != nil {
			os.Remove(path)
			u.showError(fmt.Errorf("export %s: %w", path, err))
			return
		}
		done(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.SetFileName(name + ext)
	if dir := u.docDir(); dir != nil {
		d.SetLocation(dir)
	}
	showFileDialog(d)
}

// exportRules writes the rule set of every conduit's declared flows. Flows
// that give no rule (any port, no address) are listed afterwards: the file
// never holds a permissive rule for them.
func (u *ui) exportRules(f ruleFormat) {
	p := model.CloneProject(u.doc.Project)
	if model.HasErrors(validate(p)) {
		u.showInfo(tr("rules.export.menu"), tr("rules.export.invalid"))
		return
	}
	set := rules.Generate(p, "")
	u.saveDialog(baseNameFor(p.Name)+"-rules", f.ext, func() ([]byte, error) { return f.write(&set) }, func(path string) {
		msg := tr("rules.export.done", map[string]any{"Path": path, "Rules": len(set.Rules), "Warnings": len(set.Warnings)})
		for i, w := range set.Warnings {
			if i == maxListed {
				msg += "\n" + tr("rules.export.more", map[string]any{"N": len(set.Warnings) - maxListed})
				break
			}
			msg += "\n" + tr("rules.export.warning", map[string]any{"Conduit": w.ConduitName, "Flow": w.FlowName, "Message": w.Message})
		}
		u.showInfo(tr("rules.export.menu"), msg)
	})
}

// maxListed is how many warnings an information dialog lists before it
// counts the rest: the dialog must fit a 1366×768 screen.
const maxListed = 8

// baseNameFor is a file name for the project without extension.
func baseNameFor(name string) string { return strings.TrimSuffix(fileNameFor(name), model.FileExt) }

// exportDrawio writes the model as an editable diagrams.net file that
// File ▸ Import ▸ draw.io diagram reads back.
func (u *ui) exportDrawio() {
	p, r := model.CloneProject(u.doc.Project), u.result
	u.saveDialog(baseNameFor(p.Name), ".drawio", func() ([]byte, error) { return drawio.Export(p, r) }, func(path string) {
		u.showInfo(tr("export.drawio"), tr("export.drawioDone", map[string]any{"Path": path}))
	})
}
