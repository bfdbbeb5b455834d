package app

// autoLayout is wired to render.Layout when the diagram package lands.
func (u *ui) autoLayout() {
	u.showInfo("Auto-layout", "Auto-layout through Graphviz is not in this build yet.")
}
