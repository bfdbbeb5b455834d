package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// propertiesPanel edits every field of the primary selection. It is built
// once per selected object (and again when the object's shape changes, such
// as a data flow added); otherwise each refresh reloads the fields in place
// so that typing keeps its focus. Each edit is one model.Update with Field
// set, so that typing in one field merges into one undo step.
type propertiesPanel struct {
	sess   *session
	scroll *container.Scroll
	header *widget.Label

	built ref
	multi int
	shape string
	f     *fieldSet
	// fit turns the forms to one column in a narrow panel
	fit *formsFit
}

func newPropertiesPanel(sess *session) *propertiesPanel {
	pp := &propertiesPanel{sess: sess, header: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	// A long name (a vulnerability's identifier and title) is cut short
	// rather than widening the panel.
	pp.header.Truncation = fyne.TextTruncateEllipsis
	pp.scroll = container.NewVScroll(widget.NewLabel(""))
	pp.built = ref{Kind: -1}
	pp.fit = &formsFit{scroll: pp.scroll}
	return pp
}

func (pp *propertiesPanel) object() fyne.CanvasObject {
	return container.NewBorder(pp.header, nil, nil, nil, container.New(pp.fit, pp.scroll))
}

// formsFit lays the properties out over the panel's width and turns their
// forms to one column (each label above its field) when the panel is too
// narrow for labels and fields side by side: a 1280-pixel screen or
// presentation mode's larger text then cuts no field at the panel's edge.
type formsFit struct {
	scroll *container.Scroll
	width  float32 // of the last layout; 0 before the first
}

// formsSideBySide is the narrowest panel (in text heights) that keeps
// labels beside their fields.
const formsSideBySide = 22

// Layout implements fyne.Layout.
func (l *formsFit) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.apply()
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// apply sets the orientation of the forms in the panel for its width.
func (l *formsFit) apply() {
	if l.width <= 0 {
		return
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Form:
			// Side by side only when the longest label and a field fit
			// (presentation mode's larger text needs more than em(22)).
			orient := widget.Horizontal
			if l.width < max(em(formsSideBySide), formLabelWidth(v)+fieldWidth+4*theme.Padding()) {
				orient = widget.Vertical
			}
			if v.Orientation != orient {
				v.Orientation = orient
				v.Refresh()
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(l.scroll.Content)
}

// formLabelWidth is the width of a form's longest label (bold, as Fyne
// draws them).
func formLabelWidth(f *widget.Form) float32 {
	var w float32
	for _, it := range f.Items {
		w = max(w, fyne.MeasureText(it.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	return w
}

// MinSize implements fyne.Layout.
func (l *formsFit) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

// refresh rebuilds for a new selection or shape, else reloads values.
func (pp *propertiesPanel) refresh() {
	r := pp.sess.sel.primary()
	if r.Kind == kindNone {
		r = ref{Kind: kindProject}
	}
	n := len(pp.sess.sel.items)
	shape := pp.shapeOf(r)
	if r == pp.built && n == pp.multi && shape == pp.shape && pp.f != nil {
		pp.f.load()
		pp.header.SetText(pp.title(r))
		return
	}
	pp.built, pp.multi, pp.shape = r, n, shape
	pp.f = &fieldSet{sess: pp.sess}
	var content fyne.CanvasObject
	if n > 1 {
		content = pp.buildMulti()
	} else {
		content = pp.build(r)
	}
	pp.f.load()
	pp.header.SetText(pp.title(r))
	pp.scroll.Content = container.NewPadded(content)
	pp.fit.apply()
	pp.scroll.Refresh()
	pp.scroll.ScrollToTop()
}

func (pp *propertiesPanel) title(r ref) string {
	if n := len(pp.sess.sel.items); n > 1 {
		return tr("prop.objectsSelected", map[string]int{"N": n})
	}
	title := ""
	if d := kindOf(r.Kind); d != nil {
		title = d.title
	}
	return title + ": " + orUntitled(r.name(pp.sess.doc.Project))
}

// shapeOf summarises what decides the panel's layout for r: when it
// changes (a row added or removed, the asset class changed) the panel is
// rebuilt instead of reloaded.
func (pp *propertiesPanel) shapeOf(r ref) string {
	if d := kindOf(r.Kind); d != nil && d.shape != nil {
		return d.shape(pp.sess.doc.Project, r.ID)
	}
	return ""
}

func (pp *propertiesPanel) build(r ref) fyne.CanvasObject {
	if d := kindOf(r.Kind); d != nil {
		return d.build(pp, r.ID)
	}
	return pp.buildProject()
}

func (pp *propertiesPanel) buildMulti() fyne.CanvasObject {
	var names []string
	for _, r := range pp.sess.sel.items {
		names = append(names, "• "+orUntitled(r.name(pp.sess.doc.Project)))
	}
	del := widget.NewButtonWithIcon(tr("prop.deleteSelection"), theme.DeleteIcon(), pp.sess.deleteSelection)
	del.Importance = widget.DangerImportance
	l := widget.NewLabel(strings.Join(names, "\n"))
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, del)
}

// edit applies mut to a copy of the object with the given ID as one Update
// command; field names the edit so that successive edits of it merge.
func edit[T model.Object](sess *session, id model.ID, field string, mut func(*T)) {
	x, _ := model.Find[T](sess.doc.Project, id)
	if x == nil {
		return
	}
	after := model.Clone(*x)
	mut(&after)
	sess.do(&model.Update[T]{After: after, Field: field})
}

// editInfo edits the project information as one UpdateInfo command.
func editInfo(sess *session, field string, mut func(*model.Info)) {
	after := model.Clone(sess.doc.Project.Info)
	mut(&after)
	sess.do(&model.UpdateInfo{After: after, Field: field})
}

// fieldSet builds input widgets bound to getters and setters: load copies
// the model into the widgets, and a widget's change calls its setter unless
// the change came from load.
type fieldSet struct {
	sess    *session
	loaders []func()
	loading bool
}

func (f *fieldSet) load() {
	f.loading = true
	defer func() { f.loading = false }()
	for _, l := range f.loaders {
		l()
	}
}

func (f *fieldSet) quiet() bool { return f.loading }

func (f *fieldSet) entry(get func() string, set func(string)) *keyEntry {
	e := newKeyEntry(f.sess.onKey)
	e.OnChanged = func(s string) {
		if !f.quiet() {
			set(s)
		}
	}
	f.loaders = append(f.loaders, func() {
		if v := get(); e.Text != v {
			e.SetText(v)
		}
	})
	return e
}

func (f *fieldSet) multiline(get func() string, set func(string)) *keyEntry {
	e := f.entry(get, set)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// lines edits a list of strings as one line each.
func (f *fieldSet) lines(get func() []string, set func([]string)) *keyEntry {
	e := f.multiline(func() string { return strings.Join(get(), "\n") }, func(s string) {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if t := strings.TrimSpace(l); t != "" {
				out = append(out, t)
			}
		}
		set(out)
	})
	e.SetPlaceHolder(tr("prop.onePerLine"))
	e.Wrapping = fyne.TextWrapOff
	return e
}

func (f *fieldSet) check(label string, get func() bool, set func(bool)) *widget.Check {
	c := widget.NewCheck(label, nil)
	c.OnChanged = func(b bool) {
		if !f.quiet() {
			set(b)
		}
	}
	f.loaders = append(f.loaders, func() {
		if v := get(); c.Checked != v {
			c.SetChecked(v)
		}
	})
	return c
}

// choice is a select over options that may change with the model
// (zone names): options is called on every load.
func (f *fieldSet) choice(options func() []string, get func() string, set func(string)) *widget.Select {
	s := widget.NewSelect(nil, nil)
	s.OnChanged = func(v string) {
		if !f.quiet() {
			set(v)
		}
	}
	f.loaders = append(f.loaders, func() {
		if o := options(); !slices.Equal(o, s.Options) {
			s.SetOptions(o)
		}
		if v := get(); s.Selected != v {
			s.SetSelected(v)
		}
	})
	return s
}

// enumChoice is a select of an enumeration, showing labels.
func enumChoice[T ~string](f *fieldSet, values []T, label func(T) string, get func() T, set func(T)) *widget.Select {
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = label(v)
	}
	return f.choice(func() []string { return labels }, func() string {
		v := get()
		if i := slices.Index(values, v); i >= 0 {
			return labels[i]
		}
		return string(v)
	}, func(l string) {
		if i := slices.Index(labels, l); i >= 0 {
			set(values[i])
		}
	})
}

// intChoice selects an integer lo..hi, each shown with an optional name.
func (f *fieldSet) intChoice(lo, hi int, name func(int) string, get func() int, set func(int)) *widget.Select {
	var labels []string
	for i := lo; i <= hi; i++ {
		labels = append(labels, intLabel(i, name))
	}
	return f.choice(func() []string { return labels }, func() string { return intLabel(get(), name) }, func(l string) {
		n, err := strconv.Atoi(strings.SplitN(l, " ", 2)[0])
		if err == nil {
			set(n)
		}
	})
}

func intLabel(i int, name func(int) string) string {
	if name != nil {
		if n := name(i); n != "" {
			return fmt.Sprintf("%d %s", i, n)
		}
	}
	return strconv.Itoa(i)
}

// slVector edits seven levels 0..4 as seven small selects, FR1..FR7.
func (f *fieldSet) slVector(get func() model.SLVector, set func(fr model.FR, sl int)) fyne.CanvasObject {
	grid := container.NewGridWithColumns(4) // two rows: narrow enough for the side panel
	for _, fr := range model.AllFRs {
		s := f.intChoice(0, model.MaxSL, nil, func() int { return get().Get(fr) }, func(sl int) { set(fr, sl) })
		grid.Add(container.NewBorder(widget.NewLabelWithStyle(fr.Abbrev(), fyne.TextAlignCenter, fyne.TextStyle{}), nil, nil, nil, s))
	}
	return narrow(grid, fieldWidth)
}

// frChecks edits a set of FRs as seven checks.
func (f *fieldSet) frChecks(get func() []model.FR, set func([]model.FR)) fyne.CanvasObject {
	box := container.NewGridWithColumns(2)
	for _, fr := range model.AllFRs {
		box.Add(f.check(fr.String()+" "+fr.Abbrev(), func() bool { return slices.Contains(get(), fr) }, func(on bool) {
			var out []model.FR
			for _, g := range model.AllFRs {
				if (g == fr && on) || (g != fr && slices.Contains(get(), g)) {
					out = append(out, g)
				}
			}
			set(out)
		}))
	}
	return box
}

// form lays out labelled fields.
func form(items ...*widget.FormItem) *widget.Form { return widget.NewForm(items...) }

// fieldWidth is the most a field of the properties panel asks for: less
// than the panel is wide at 1280×720, so that no field is cut at the
// screen's edge (a wider widget shrinks to the panel).
const fieldWidth = 220

// item is one labelled row; its widget may shrink to the panel's width.
func item(label string, w fyne.CanvasObject) *widget.FormItem {
	return widget.NewFormItem(label, narrow(w, fieldWidth))
}

// heading is a bold title over a group of fields; a long one wraps rather
// than widening the panel.
func heading(s string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewSeparator(), l)
}

// readOnly is a label refreshed from the model on every load.
func (f *fieldSet) readOnly(get func() string) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	f.loaders = append(f.loaders, func() {
		if v := get(); l.Text != v {
			l.SetText(v)
		}
	})
	return l
}

func smallButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// zoneOptions lists zone names for pickers, disambiguated when two zones
// share a name, with the IDs in the same order.
func zoneOptions(p *model.Project, none string, skip func(*model.Zone) bool) ([]string, []model.ID) {
	var labels []string
	var ids []model.ID
	if none != "" {
		labels, ids = append(labels, none), append(ids, "")
	}
	seen := map[string]int{}
	for _, z := range sortedByName(p.Zones, func(z *model.Zone) string { return z.Name }) {
		if skip != nil && skip(z) {
			continue
		}
		l := orUntitled(z.Name)
		seen[l]++
		if seen[l] > 1 {
			l = fmt.Sprintf("%s (%s)", l, z.ID.Short())
		}
		labels, ids = append(labels, l), append(ids, z.ID)
	}
	return labels, ids
}

// idChoice is a select of objects by display name storing IDs.
func (f *fieldSet) idChoice(options func() ([]string, []model.ID), get func() model.ID, set func(model.ID)) *widget.Select {
	return f.choice(func() []string { l, _ := options(); return l }, func() string {
		l, ids := options()
		if i := slices.Index(ids, get()); i >= 0 {
			return l[i]
		}
		return ""
	}, func(s string) {
		l, ids := options()
		if i := slices.Index(l, s); i >= 0 {
			set(ids[i])
		}
	})
}

// narrowLayout lets a widget whose natural width is large (a select with a
// long option) shrink to the panel: it asks for at most maxWidth.
type narrowLayout struct{ maxWidth float32 }

// Layout implements fyne.Layout.
func (l narrowLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(s)
	}
}

// MinSize implements fyne.Layout.
func (l narrowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(min(m.Width, l.maxWidth), m.Height)
}

func narrow(o fyne.CanvasObject, maxWidth float32) fyne.CanvasObject {
	return container.New(narrowLayout{maxWidth}, o)
}
