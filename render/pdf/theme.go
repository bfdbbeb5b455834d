package pdf

// rgb is a colour with 0..255 components.
type rgb struct{ r, g, b int }

// The palette: a dark navy for headings and rules, a muted grey for
// secondary text, light tints for shading. Chosen to print well in black
// and white too.
var (
	colText      = rgb{0x1f, 0x23, 0x28}
	colMuted     = rgb{0x5f, 0x67, 0x70}
	colHeading   = rgb{0x12, 0x2f, 0x5a}
	colAccent    = rgb{0x1f, 0x5f, 0xa8}
	colRule      = rgb{0xb8, 0xc2, 0xcf}
	colLink      = rgb{0x1a, 0x56, 0xb0}
	colCodeBg    = rgb{0xf2, 0xf4, 0xf7}
	colNoteBg    = rgb{0xea, 0xf1, 0xfa}
	colNoteBar   = rgb{0x1f, 0x5f, 0xa8}
	colTableHead = rgb{0x12, 0x2f, 0x5a}
	colZebra     = rgb{0xf3, 0xf6, 0xfa}
	colWhite     = rgb{0xff, 0xff, 0xff}
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginLeft   = 25.0
	marginRight  = 20.0
	marginTop    = 27.0
	marginBottom = 24.0
	headerY      = 13.0
	footerY      = pageH - 13.0
)

// Type sizes in points and line heights in millimetres.
const (
	sizeBody    = 10.0
	lineBody    = 5.0
	sizeSmall   = 8.5
	lineSmall   = 4.2
	sizeCode    = 8.6
	lineCode    = 4.2
	sizeTable   = 9.0
	lineTable   = 4.3
	paraSpacing = 2.6
)

// headingStyle gives size (pt), space above and below (mm) per level.
var headingStyle = [...]struct {
	size, above, below float64
}{
	{17, 8, 4},
	{13.5, 6, 2.5},
	{11.5, 4.5, 2},
	{10.5, 3.5, 1.5},
	{10, 3, 1.5},
	{10, 3, 1.5},
}

const ptToMM = 25.4 / 72
