// Package pdf lays out Markdown as a client-ready A4 PDF: cover page, table
// of contents, numbered headings, tables that break across pages, figures,
// charts and an approval block, with the DejaVu fonts embedded so that any
// European text prints. Output is deterministic: the same Document gives the
// same bytes.
//
// Markdown is CommonMark with GFM tables and strikethrough. Additions:
//
//   - Headings of level 1..3 are numbered 1, 1.1, 1.1.1 and listed in the
//     table of contents with their page; deeper ones are neither. A heading
//     whose text starts with "~" is listed but not numbered ("## ~Annex").
//   - "<!-- pagebreak -->" or a line "\newpage" starts a new page; "<br>"
//     breaks a line (useful in table cells). Other raw HTML prints as text.
//   - Block quotes print as shaded notes.
//   - "![caption](figure:NAME)" draws Document.Figures[NAME] at full text
//     width with the caption "Figure n: caption"; "![caption](image:NAME)"
//     places Document.Images[NAME] (PNG or JPEG) scaled to fit, with the
//     same numbered caption. A name that is not in its map is an error.
//     Other image URLs print their caption in brackets.
//   - ![caption](figure:NAME "landscape") puts the figure on a landscape
//     A4 page of its own, as large as the page allows (aspect ratio kept),
//     with header and footer laid out for the landscape width. The page
//     follows the current one, which the text after the figure goes on
//     filling; then the document continues in portrait.
//   - Fenced code blocks whose info string starts with "zw-" draw charts
//     and the approval block (below). Without a zw-approval block the
//     approval block ends the document.
//
// All text is cleaned before drawing: control and format characters are
// dropped and characters the fonts lack (emoji, CJK) print as "□".
// Right-to-left words are drawn in visual order (a simplified bidi without
// Arabic letter joining).
//
// # Extensions
//
// The first word of the info string names the extension; key=value words
// after it are options (quote values with spaces: x="Consequence level"; a
// bare word is a flag). The body is CSV: comma separated, a field with
// commas or quotes in double quotes, "" for a quote inside them. A malformed
// block, or an unknown zw- name, is an error naming its line.
//
// zw-heatmap: a table coloured by value.
//
//	```zw-heatmap min=0 max=4
//	Zone,FR1,FR2,FR3
//	Control,2,3,"3|SL-T 3 / SL-A 0"
//	DMZ,1,-,n/a
//	```
//
// The first row is the header, the first column the row label. A cell that
// is a number is coloured on a scale from min (green) to max (red): options
// min (default 0), max (default 4), invert (red to green) and
// colors=#RRGGBB,#RRGGBB,... (two or more stops, lowest value first). A cell
// "VALUE|TEXT" is coloured by VALUE and shows TEXT. "-", empty and other
// text cells stay white.
//
// zw-bars: a horizontal bar chart.
//
//	```zw-bars
//	Foundational requirement,Met,Required
//	FR1 Identification and authentication control,12,15
//	FR2 Use control,8,10
//	```
//
// One bar per row: label, value, maximum. The maximum may be left out when
// the option max=N is given. A first row whose value is not a number is a
// header and is skipped. Bars are green from 80 % of the maximum, amber from
// 50 %, red below. Beside each bar prints "value / max (pct %)"; with
// unit=TEXT "value / max TEXT (pct %)"; with unit=% only "pct %".
//
// zw-matrix: a risk matrix.
//
//	```zw-matrix x="Consequence" y="Likelihood"
//	Likelihood,Minor,Moderate,Major,Severe
//	Likely,medium,high,critical,critical
//	Unlikely,low,low,medium,high
//	```
//
// The first row holds the consequence levels (its first cell is the corner
// label); each further row is a likelihood level, highest first, with the
// risk level per consequence. A cell is coloured by the first of the words
// low, medium, high or critical in it (any case; "High (2)" is high); other
// cells stay white. x prints an axis title over the consequence columns, y
// a note "Rows: Y, highest first" under the matrix.
//
// zw-approval: the approval block.
//
//	```zw-approval
//	```
//
// A table of Meta.Approvals (role, name, title, date and a line to sign
// on), or blank Prepared, Reviewed and Approved rows when Meta.Approvals is
// empty. The body is ignored.
package pdf
