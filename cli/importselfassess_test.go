package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zonewise/model"
	"zonewise/render/document"
)

func TestImportSelfAssessment(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "export", project, "--doc", "self-assessment", "-o", filepath.Join(dir, "sa.pdf"))
	if code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	book := filepath.Join(dir, "sa.xlsx")
	if !strings.Contains(stdout, book) {
		t.Fatalf("export did not write the workbook beside the PDF: %q", stdout)
	}
	answer := func(t *testing.T, name, status, evidence string) string {
		t.Helper()
		f, err := excelize.OpenFile(book)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for cell, v := range map[string]string{"J3": status, "L3": evidence} {
			if err := f.SetCellStr(document.SelfAssessmentSheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
		out := filepath.Join(dir, name)
		if err := f.SaveAs(out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Run("a bad status is refused with file, sheet, row and column, and nothing is written", func(t *testing.T) {
		bad := answer(t, "bad.xlsx", "perhaps", "")
		code, _, stderr := run(t, "import", "self-assessment", bad, project)
		if code != ExitInput || !strings.Contains(stderr, `bad.xlsx: sheet "Questionnaire", row 3, column J (Status): "perhaps" is not a status`) {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
		if p, err := model.Load(project); err != nil || len(p.Answers) != 0 {
			t.Errorf("project changed: %v answers, %v", len(p.Answers), err)
		}
	})
	t.Run("an answer is read into the project, with the project after the file", func(t *testing.T) {
		good := answer(t, "good.xlsx", "Met", "Firewall rule review FW-2026-11")
		code, stdout, stderr := run(t, "import", "self-assessment", good, project)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "1 answers read") {
			t.Errorf("stdout %q", stdout)
		}
		p, err := model.Load(project)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Answers) != 1 || p.Answers[0].Status != model.AnswerMet || p.Answers[0].Evidence != "Firewall rule review FW-2026-11" {
			t.Errorf("answers %+v", p.Answers)
		}
	})
	t.Run("--into works as for the other imports, and the same answer again changes nothing", func(t *testing.T) {
		code, stdout, stderr := run(t, "import", "self-assessment", filepath.Join(dir, "good.xlsx"), "--into", project, "--json")
		if code != ExitOK || !strings.Contains(stdout, `"replaced": 0`) || !strings.Contains(stdout, `"written": false`) {
			t.Errorf("exit %d, stdout %s, stderr %s", code, stdout, stderr)
		}
	})
}

func TestExportCSVSeparator(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "export", project, "--doc", "risk-register", "--csv-sep", ";", "-o", filepath.Join(dir, "rr.csv"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "rr.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if head, _, _ := strings.Cut(string(b), "\r\n"); !strings.HasPrefix(head, "\ufeffNo.;Scenario;Description;") {
		t.Errorf("header %q, want fields split by semicolons", head)
	}
	if code, _, stderr := run(t, "export", project, "--doc", "risk-register", "--csv-sep", "|", "-o", filepath.Join(dir, "x.csv")); code != ExitUsage || !strings.Contains(stderr, "--csv-sep") {
		t.Errorf("exit %d, stderr %q, want a usage error", code, stderr)
	}
}
