//go:build !renderdiagram

package document

import (
	"context"

	"zonewise/model"
	"zonewise/render/pdf"
	"zonewise/risk"
)

// Diagram returns no figure until package render (the zone/conduit
// diagram) is part of this build; documents then leave the diagram out.
// (Transitional: removed when render lands on main, with the renderdiagram
// build tag of diagram.go.)
func Diagram(ctx context.Context, p *model.Project, r *risk.Result) (pdf.Figure, error) {
	return nil, nil
}
