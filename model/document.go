package model

// Document is one open project: the project, its undo history, the file it
// belongs to, and listeners told of every change. It is not safe for
// concurrent use; the GUI calls it from its own goroutine.
type Document struct {
	Project *Project
	Path    string
	// Write saves the project to a file; nil is Save (plain JSON). An
	// encrypted project sets it to write encrypted files (package vault).
	Write func(path string, p *Project) error
	// Encode returns the bytes of a copy kept beside the file (autosave
	// recovery); nil is Marshal. An encrypted project encrypts them too.
	Encode  func(p *Project) ([]byte, error)
	history History

	listeners []func()
}

// NewDocument wraps p, saved at path ("" for a project never saved).
func NewDocument(p *Project, path string) *Document {
	d := &Document{Project: p, Path: path}
	if path == "" {
		d.history.saved = -1
	}
	return d
}

// OpenDocument loads the project at path.
func OpenDocument(path string) (*Document, error) {
	p, err := Load(path)
	if err != nil {
		return nil, err
	}
	return NewDocument(p, path), nil
}

// OnChange registers f to be called after every edit, undo, redo and save.
func (d *Document) OnChange(f func()) { d.listeners = append(d.listeners, f) }

func (d *Document) changed() {
	for _, f := range d.listeners {
		f()
	}
}

// Do applies and records an edit.
func (d *Document) Do(c Command) error {
	if err := d.history.Do(d.Project, c); err != nil {
		return err
	}
	d.changed()
	return nil
}

// Undo reverts the last edit.
func (d *Document) Undo() error {
	if _, err := d.history.Undo(d.Project); err != nil {
		return err
	}
	d.changed()
	return nil
}

// Redo re-applies the last undone edit.
func (d *Document) Redo() error {
	if _, err := d.history.Redo(d.Project); err != nil {
		return err
	}
	d.changed()
	return nil
}

// History exposes the undo state (labels, CanUndo, Seal).
func (d *Document) History() *History { return &d.history }

// Dirty reports unsaved changes.
func (d *Document) Dirty() bool { return d.history.Dirty() }

// Save writes the project to d.Path atomically, keeping a .bak.
func (d *Document) Save() error { return d.SaveAs(d.Path) }

// SaveAs writes the project to path and makes path the document's file.
// On failure the document, its path and its dirty state are unchanged.
func (d *Document) SaveAs(path string) error {
	write := d.Write
	if write == nil {
		write = Save
	}
	if err := write(path, d.Project); err != nil {
		return err
	}
	d.Path = path
	d.history.MarkSaved()
	d.changed()
	return nil
}

// Bytes returns the project as a file would hold it, through Encode.
func (d *Document) Bytes() ([]byte, error) {
	if d.Encode != nil {
		return d.Encode(d.Project)
	}
	return Marshal(d.Project)
}
