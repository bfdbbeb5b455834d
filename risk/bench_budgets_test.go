package risk

import (
	"testing"

	"zonewise/internal/testtool"
	"zonewise/model"
)

// The budgets (docs/PERFORMANCE.md) that belong to the engine, on the plants
// `zonewise generate` writes. .ci/bench.sh runs these and prints them in its
// table; the other budgets live beside their code (BenchmarkAssessSample
// here, BenchmarkFirstRender and BenchmarkSVG in render,
// BenchmarkExportAllSample in render/document).

// BenchmarkBudgetUnmarshalAssess10k is "assess a 10,000-asset, 500-zone
// plant (load included) < 300 ms": the project file's bytes are made once,
// each iteration decodes them (model.Unmarshal, strict, as model.Load does
// after reading the file) and assesses the result with the built-in
// catalogue. BenchmarkLoadAndAssessGenerated10k is the same with the file
// read from disk.
func BenchmarkBudgetUnmarshalAssess10k(b *testing.B) {
	data, err := model.Marshal(model.Generate(500, 10000, 1))
	if err != nil {
		b.Fatal(err)
	}
	cat := builtinOrSkip(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := testtool.CPUTime()
	for b.Loop() {
		p, err := model.Unmarshal(data)
		if err != nil {
			b.Fatal(err)
		}
		Assess(p, cat)
	}
	testtool.ReportCPU(b, cpu)
}

// BenchmarkBudgetEditReassess1k is the non-GUI half of "re-assessment after
// an edit in the GUI, 1,000 assets < 30 ms": one edit as the GUI makes it (a
// model.Update command done on a model.Document) and the re-assessment that
// the document's change listener runs. Each iteration raises or lowers one
// asset's SL-C for FR1, so every assessment sees a changed project; the
// updates merge into one undo step, as typing in one field does.
//
// The GUI benchmark should call the same path and add its own part: open the
// document with model.NewDocument(model.Generate(50, 1000, 1), ""), register
// its real listener with doc.OnChange (assessment plus canvas and view
// refresh), and in b.Loop() call doc.Do(&model.Update[model.Asset]{After: a,
// Field: "slC"}) with a changed copy a of one asset, then wait for the
// refreshed frame (test.NewTempApp/test.NewTempWindow, no display).
func BenchmarkBudgetEditReassess1k(b *testing.B) {
	doc := model.NewDocument(model.Generate(50, 1000, 1), "")
	cat := builtinOrSkip(b)
	var res *Result
	doc.OnChange(func() { res = Assess(doc.Project, cat) })
	asset := doc.Project.Assets[len(doc.Project.Assets)/2]
	b.ReportAllocs()
	cpu := testtool.CPUTime()
	for b.Loop() {
		asset.SLC[0] = (asset.SLC[0] + 1) % 5
		if err := doc.Do(&model.Update[model.Asset]{After: asset, Field: "slC"}); err != nil {
			b.Fatal(err)
		}
	}
	testtool.ReportCPU(b, cpu)
	if res == nil || len(res.Assets) != 1000 {
		b.Fatalf("the listener did not re-assess the 1,000 assets")
	}
}
