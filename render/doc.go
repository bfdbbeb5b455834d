// Package render draws the zone and conduit diagram of a project: a
// deterministic Graphviz DOT (dot.go), laid out in process by go-graphviz
// (graphviz.go) into SVG (svg.go) and layout geometry (drawing.go), which is
// painted to PNG (png.go) and to PDF vectors (pdfdraw.go) with the embedded
// DejaVu fonts, and turned into canvas coordinates for the GUI (layout.go).
// It never runs a dot binary and never prints.
package render
