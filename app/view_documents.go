package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/render/document"
	"zonewise/risk"
	"zonewise/templates"
)

// docFile is one file of an export.
type docFile struct {
	name string
	data []byte
}

// docEngine is what the Documents view needs from render/document (see
// view_documents_engine.go); a seam for tests.
var docEngine = struct {
	// render returns the files of one kind, named as they are written.
	render func(ctx context.Context, p *model.Project, r *risk.Result, cat *risk.Catalog, kind string, projectPath string, f document.Format) ([]docFile, error)
	// markdown returns the text of a template kind before layout, for the
	// preview.
	markdown func(p *model.Project, r *risk.Result, cat *risk.Catalog, kind string, projectPath string) (string, error)
}{render: renderDocument, markdown: documentMarkdown}

// previewKey identifies what a preview was made from.
type previewKey struct {
	kind   string
	doc    *model.Document
	result *risk.Result
	undo   string
}

// documentsView picks deliverables, previews one and exports the picked
// ones to a folder in the background.
type documentsView struct {
	sess    *session
	content fyne.CanvasObject

	checks    []*widget.Check
	saveAs    *widget.RadioGroup // PDF, Word or both: saveAsFormats
	exportB   *widget.Button
	progress  *widget.ProgressBar
	status    *widget.Label
	previewOf *widget.Select
	outline   *widget.Label
	preview   *widget.RichText
	pageImg   *canvas.Image
	pageMsg   *widget.Label
	pageNo    *widget.Label
	prevB     *widget.Button
	nextB     *widget.Button
	// pdf is the previewed document, page the page shown (0-based).
	pdf       []byte
	pages     int
	page      int
	pageSeq   int
	exporting bool
	// previewSeq drops the results of previews overtaken by a newer one.
	previewSeq int
	// previewKind is the kind shown; previewFor what it was made from.
	previewKind string
	previewFor  previewKey
}

func newDocumentsView(sess *session) *documentsView {
	v := &documentsView{sess: sess}
	list := container.NewVBox(viewHeading(tr("documents.title")))
	var titles []string
	for _, k := range templates.DeliverablesIn(msgs.Lang()) {
		c := widget.NewCheck(k.Label, nil)
		c.SetChecked(true)
		c.OnChanged = func(bool) { v.refreshActions() }
		v.checks = append(v.checks, c)
		list.Add(c)
		if k.Kind != templates.KindRegisters {
			titles = append(titles, k.Label)
		}
	}
	v.exportB = widget.NewButtonWithIcon(tr("documents.export"), theme.FolderOpenIcon(), v.onExport)
	v.exportB.Importance = widget.HighImportance
	v.progress = widget.NewProgressBar()
	v.progress.Hide()
	v.status = wrapLabel("")
	list.Add(container.NewHBox(
		widget.NewButton(tr("documents.all"), func() { v.checkAll(true) }),
		widget.NewButton(tr("documents.none"), func() { v.checkAll(false) }),
	))
	list.Add(widget.NewSeparator())
	var opts []string
	for _, f := range saveAsFormats {
		opts = append(opts, tr("documents.format."+string(f)))
	}
	v.saveAs = widget.NewRadioGroup(opts, nil)
	v.saveAs.Required = true
	v.saveAs.SetSelected(opts[0])
	list.Add(widget.NewForm(widget.NewFormItem(tr("documents.format.label"), v.saveAs)))
	list.Add(v.exportB)
	list.Add(v.progress)
	list.Add(v.status)

	v.previewOf = widget.NewSelect(titles, func(string) { v.startPreview() })
	v.outline = wrapLabel("")
	v.preview = widget.NewRichText()
	v.preview.Wrapping = fyne.TextWrapWord
	v.pageImg = canvas.NewImageFromImage(nil)
	v.pageImg.FillMode = canvas.ImageFillContain
	v.pageImg.ScaleMode = canvas.ImageScaleSmooth
	v.pageMsg = wrapLabel("")
	v.pageMsg.Alignment = fyne.TextAlignCenter
	v.pageNo = widget.NewLabel("")
	v.prevB = widget.NewButtonWithIcon(tr("documents.previous"), theme.NavigateBackIcon(), func() { v.showPage(v.page - 1) })
	v.nextB = widget.NewButtonWithIcon(tr("documents.next"), theme.NavigateNextIcon(), func() { v.showPage(v.page + 1) })
	nav := container.NewCenter(container.NewHBox(v.prevB, v.pageNo, v.nextB))
	pagesTab := container.NewBorder(nil, nav, nil, nil, container.NewStack(v.pageImg, container.NewVBox(layout.NewSpacer(), v.pageMsg, layout.NewSpacer())))
	inner := container.NewAppTabs(
		container.NewTabItem(tr("documents.pages"), pagesTab),
		container.NewTabItem(tr("documents.text"), container.NewVScroll(v.preview)),
	)
	right := container.NewBorder(
		container.NewVBox(widget.NewForm(widget.NewFormItem(tr("documents.preview"), v.previewOf)), v.outline),
		nil, nil, nil, inner)
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(list)), container.NewPadded(right))
	split.Offset = 0.34
	v.content = split
	return v
}

func (v *documentsView) key() string               { return "documents" }
func (v *documentsView) title() string             { return tr("documents.title") }
func (v *documentsView) object() fyne.CanvasObject { return v.content }

func (v *documentsView) refresh() {
	if docEngine.render != nil && !pdfPages.Ready() {
		go pdfPages.Start() // compile PDFium while the first document renders
	}
	v.refreshActions()
	if v.previewOf.Selected == "" && len(v.previewOf.Options) > 0 {
		v.previewOf.SetSelected(v.previewOf.Options[0]) // starts the preview
		return
	}
	v.startPreview()
}

func (v *documentsView) checkAll(on bool) {
	for _, c := range v.checks {
		c.SetChecked(on)
	}
}

// picked lists the ticked kinds.
func (v *documentsView) picked() []string {
	var out []string
	for i, c := range v.checks {
		if c.Checked {
			out = append(out, templates.DeliverablesIn(msgs.Lang())[i].Kind)
		}
	}
	return out
}

func (v *documentsView) refreshActions() {
	setEnabled(v.exportB, !v.exporting && len(v.picked()) > 0)
}

// startPreview renders the picked document's text in the background.
func (v *documentsView) startPreview() {
	kind := ""
	for _, k := range templates.DeliverablesIn(msgs.Lang()) {
		if k.Label == v.previewOf.Selected {
			kind = k.Kind
		}
	}
	if kind == "" {
		return
	}
	// A selection change or a tab switch leaves the document as it was:
	// every edit makes a new assessment.
	key := previewKey{kind, v.sess.doc, v.sess.result, v.sess.doc.History().UndoLabel()}
	if key == v.previewFor {
		return
	}
	v.previewFor = key
	v.previewSeq++
	seq := v.previewSeq
	p := model.CloneProject(v.sess.doc.Project)
	r, cat, path := v.sess.result, v.sess.cat, v.sess.doc.Path
	type previewed struct {
		md  string
		pdf []byte
	}
	if v.previewKind != kind {
		v.outline.SetText(tr("documents.rendering"))
	}
	background(func() (previewed, error) {
		md, err := docEngine.markdown(p, r, cat, kind, path)
		if err != nil {
			return previewed{}, err
		}
		files, err := docEngine.render(context.Background(), p, r, cat, kind, path, document.FormatPDF)
		if err != nil {
			return previewed{}, err
		}
		var pdf []byte
		if len(files) > 0 {
			pdf = files[0].data
		}
		return previewed{md, pdf}, nil
	}, func(res previewed, err error) {
		if seq != v.previewSeq {
			return
		}
		if v.previewKind != kind {
			v.page = 0
		}
		v.previewKind = kind
		if err != nil {
			v.previewFor = previewKey{} // try again on the next refresh
			v.outline.SetText(tr("documents.renderFailed", map[string]string{"Error": err.Error()}))
			v.preview.ParseMarkdown("")
			v.pdf, v.pages = nil, 0
			v.showPage(0)
			return
		}
		v.pdf, v.pages = res.pdf, pdfPageCount(res.pdf)
		v.outline.SetText(outlineOf(res.md))
		v.preview.ParseMarkdown(previewMarkdown(res.md))
		v.showPage(v.page)
	})
}

// previewDPI is the resolution of the page images.
const previewDPI = 110

// showPage renders page i (0-based) of the previewed PDF in the background.
func (v *documentsView) showPage(i int) {
	v.pageSeq++
	seq := v.pageSeq
	if v.pdf == nil {
		v.pageImg.Image = nil
		v.pageImg.Refresh()
		v.pageNo.SetText("")
		setEnabled(v.prevB, false)
		setEnabled(v.nextB, false)
		return
	}
	i = max(0, min(i, v.pages-1))
	v.page = i
	v.pageNo.SetText(tr("documents.pageOf", map[string]int{"Page": i + 1, "Total": v.pages}))
	setEnabled(v.prevB, i > 0)
	setEnabled(v.nextB, i < v.pages-1)
	if !pdfPages.Ready() {
		v.pageMsg.SetText(tr("documents.preparingPages"))
		v.pageMsg.Show()
	}
	pdf := v.pdf
	background(func() (image.Image, error) {
		img, _, err := pdfPages.Render(pdf, i, previewDPI)
		return img, err
	}, func(img image.Image, err error) {
		if seq != v.pageSeq {
			return
		}
		if err != nil {
			v.pageMsg.SetText(tr("documents.noPageImage", map[string]string{"Error": err.Error()}))
			v.pageMsg.Show()
			v.pageImg.Image = nil
		} else {
			v.pageMsg.Hide()
			v.pageImg.Image = img
		}
		v.pageImg.Refresh()
	})
}

// pdfPageCount counts the page objects of a PDF.
func pdfPageCount(b []byte) int {
	n := bytes.Count(b, []byte("/Type /Page"))
	return n - bytes.Count(b, []byte("/Type /Pages"))
}

// outlineOf lists the top-level headings of Markdown ("1 Scope · 2 …").
func outlineOf(md string) string {
	var hs []string
	for _, ln := range strings.Split(md, "\n") {
		if strings.HasPrefix(ln, "# ") {
			hs = append(hs, strings.TrimSpace(strings.TrimPrefix(ln, "# ")))
		}
	}
	if len(hs) == 0 {
		return tr("documents.noChapters")
	}
	return tr("documents.chapters", map[string]any{"N": len(hs), "Chapters": strings.Join(hs, " · ")})
}

// previewMarkdown drops the fenced zw-* blocks (charts and figures the PDF
// draws) that would show as raw text, leaving a note in their place.
func previewMarkdown(md string) string {
	var out []string
	in := false
	for _, ln := range strings.Split(md, "\n") {
		t := strings.TrimSpace(ln)
		switch {
		case !in && strings.HasPrefix(t, "```zw-"):
			in = true
			out = append(out, "*["+tr("documents.figurePlaceholder", map[string]string{"Block": strings.TrimPrefix(t, "```")})+"]*")
		case in && strings.HasPrefix(t, "```"):
			in = false
		case !in:
			out = append(out, ln)
		}
	}
	return strings.Join(out, "\n")
}

// saveAsFormats are the choices of "Save as", in order.
var saveAsFormats = []document.Format{document.FormatPDF, document.FormatDOCX, document.FormatBoth}

// format is the chosen format of the template documents.
func (v *documentsView) format() document.Format {
	for i, o := range v.saveAs.Options {
		if o == v.saveAs.Selected {
			return saveAsFormats[i]
		}
	}
	return document.FormatPDF
}

// onExport asks for a folder and exports the picked documents into it.
func (v *documentsView) onExport() {
	d := newFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			v.sess.showError(err)
			return
		}
		if dir == nil {
			return
		}
		v.exportTo(dir.Path(), nil)
	}, v.sess.win)
	// Fyne's folder dialog says "Open Folder" and "Open"; here the folder
	// is where the documents go.
	d.SetTitleText(tr("documents.exportFolderTitle"))
	d.SetConfirmText(tr("documents.exportHere"))
	showFileDialog(d)
}

// exportTo renders and writes the picked documents into dir on a
// goroutine, with progress; done (for tests) runs on the UI goroutine at
// the end with the files written and the error.
func (v *documentsView) exportTo(dir string, done func([]string, error)) {
	kinds := v.picked()
	if docEngine.render == nil || v.exporting || len(kinds) == 0 {
		return
	}
	v.exporting = true
	v.refreshActions()
	v.progress.SetValue(0)
	v.progress.Show()
	v.status.SetText(tr("documents.exporting"))
	p := model.CloneProject(v.sess.doc.Project)
	r, cat, path := v.sess.result, v.sess.cat, v.sess.doc.Path
	format := v.format()
	do := uiDo // read here: a test may swap it while the export runs
	go func() {
		var written []string
		var err error
		for i, kind := range kinds {
			do(func() { v.status.SetText(tr("documents.renderingKind", map[string]string{"Kind": kind})) })
			var files []docFile
			files, err = docEngine.render(context.Background(), p, r, cat, kind, path, format)
			if err != nil {
				err = fmt.Errorf("%s: %w", kind, err)
				break
			}
			for _, f := range files {
				out := filepath.Join(dir, f.name)
				if err = model.WriteFileAtomic(out, f.data, false); err != nil {
					err = fmt.Errorf("write %s: %w", out, err)
					break
				}
				written = append(written, out)
			}
			if err != nil {
				break
			}
			frac := float64(i+1) / float64(len(kinds))
			do(func() { v.progress.SetValue(frac) })
		}
		do(func() { v.exportDone(dir, written, err, done) })
	}()
}

func (v *documentsView) exportDone(dir string, written []string, err error, done func([]string, error)) {
	v.exporting = false
	v.progress.Hide()
	v.refreshActions()
	if err != nil {
		v.status.SetText(tr("documents.exportFailed"))
		msg := tr("documents.exportStopped", map[string]string{"Error": err.Error()})
		if len(written) > 0 {
			msg += "\n\n" + tr("documents.writtenBefore", map[string]string{"Files": strings.Join(written, "\n")})
		}
		dialog.ShowError(errors.New(msg), v.sess.win)
	} else {
		v.status.SetText(tr("documents.exported", map[string]any{"N": len(written), "Dir": dir}))
		names := make([]string, len(written))
		for i, w := range written {
			names[i] = filepath.Base(w)
		}
		l := wrapLabel(tr("documents.filesWritten", map[string]any{"N": len(written), "Dir": dir, "Files": strings.Join(names, "\n")}))
		// Sized for the list of files: Fyne sizes a custom dialog to its
		// content's minimum, and a scroll's minimum is one line.
		d := dialog.NewCustom(tr("documents.exportFinished"), tr("common.ok"), container.NewVScroll(l), v.sess.win)
		d.Show()
		d.Resize(fyne.NewSize(em(36), l.MinSize().Height+em(8)).Min(v.sess.win.Canvas().Size()))
	}
	if done != nil {
		done(written, err)
	}
}
