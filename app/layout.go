package app

// autoLayout arranges the plant on the canvas (the Layout button): zones in
// Purdue bands, each sized to hold its assets (layoutCommand), as one
// undoable command, then fits the plant to the window. afterLayout, when set
// (by tests), runs when it has finished.
func (u *ui) autoLayout() {
	if u.layoutRunning {
		return
	}
	u.layoutRunning = true
	defer func() {
		u.layoutRunning = false
		if u.afterLayout != nil {
			u.afterLayout()
		}
	}()
	if cmd := layoutCommand(u.doc.Project); cmd != nil && u.do(cmd) {
		u.doc.History().Seal()
	}
	u.canvas.userView = false
	u.canvas.fit()
	u.updateStatus()
}
