package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/changes"
	"zonewise/internal/testtool"
	"zonewise/model"
	"zonewise/vault"
)

// asCLI makes the test binary act as the zonewise command, so that a real
// `git merge` can run the merge driver without building the GUI binary.
const asCLI = "ZONEWISE_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(asCLI) == "1" {
		os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// gitRepo makes a git work tree with the merge driver configured as the
// README says, the driver being this test binary.
func gitRepo(t *testing.T) (dir string, git func(args ...string) (string, error)) {
	t.Helper()
	gitBin := testtool.Require(t, "git", "apt-get install git")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	git = func(args ...string) (string, error) {
		cmd := exec.Command(gitBin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), asCLI+"=1", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir,
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"config", "merge.zonewise.name", "Zonewise project merge"},
		{"config", "merge.zonewise.driver", self + " merge-driver %O %A %B"},
	} {
		if out, err := git(args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte("*.zonewise.json merge=zonewise\n*.zonewise.age merge=zonewise\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, git
}

func mustGit(t *testing.T, git func(...string) (string, error), args ...string) {
	t.Helper()
	if out, err := git(args...); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// editFile loads the project at path, changes it and saves it.
func editFile(t *testing.T, path string, f func(p *model.Project)) {
	t.Helper()
	p, err := model.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	f(p)
	if err := model.Save(path, p); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + ".bak")
}

func TestARealGitMergeMergesCleanPartsAndRecordsTheConflict(t *testing.T) {
	dir, git := gitRepo(t)
	file := filepath.Join(dir, "plant.zonewise.json")
	p := model.Sample()
	if err := model.Save(file, p); err != nil {
		t.Fatal(err)
	}
	p, _ = model.Load(file)
	zone, scen := p.Zones[0].ID, p.Scenarios[0].ID
	mustGit(t, git, "add", ".")
	mustGit(t, git, "commit", "-qm", "base")
	mustGit(t, git, "checkout", "-qb", "a")
	editFile(t, file, func(p *model.Project) {
		p.Zones[0].Name = "Renamed on A"
		p.Client = "Client A"
	})
	mustGit(t, git, "commit", "-qam", "A")
	mustGit(t, git, "checkout", "-q", "main")
	var asset model.ID
	editFile(t, file, func(p *model.Project) {
		a := p.Assets[0]
		a.ID, a.Name = model.NewID(), "PLC added on main"
		asset = a.ID
		p.Assets = append(p.Assets, a)
		p.Scenarios[0].Likelihood = 1
		p.Client = "Client main"
	})
	mustGit(t, git, "commit", "-qam", "main")

	out, err := git("merge", "-q", "a")
	if err == nil {
		t.Fatalf("git merge succeeded despite the conflicting client field:\n%s", out)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("<<<<<<<")) {
		t.Fatal("conflict markers inside the project file")
	}
	m, err := model.Unmarshal(data)
	if err != nil {
		t.Fatalf("merged file is not a valid project: %v", err)
	}
	if m.Zone(zone).Name != "Renamed on A" {
		t.Error("A's rename is lost")
	}
	found := false
	for _, a := range m.Assets {
		found = found || a.ID == asset
	}
	if !found {
		t.Error("main's new asset is lost")
	}
	for _, s := range m.Scenarios {
		if s.ID == scen && s.Likelihood != 1 {
			t.Errorf("main's re-rating is lost (likelihood %d)", s.Likelihood)
		}
	}
	if len(m.MergeConflicts) != 1 || m.MergeConflicts[0].Field != "client" ||
		string(m.MergeConflicts[0].Ours) != `"Client main"` || string(m.MergeConflicts[0].Theirs) != `"Client A"` {
		t.Fatalf("recorded conflicts = %+v, want the client field", m.MergeConflicts)
	}
	if !strings.Contains(out, "client") {
		t.Errorf("git's output does not show the driver's conflict line:\n%s", out)
	}
	// Taking theirs leaves a project with no errors beyond the sample's own.
	r, err := changes.Resolve(m, 0, changes.Theirs)
	if err != nil {
		t.Fatal(err)
	}
	if r.Client != "Client A" {
		t.Errorf("resolved client = %q", r.Client)
	}
	base := 0
	for _, pr := range model.Validate(model.Sample()) {
		if pr.Severity == model.SeverityError {
			base++
		}
	}
	after := 0
	for _, pr := range model.Validate(r) {
		if pr.Severity == model.SeverityError {
			after++
			t.Log(pr)
		}
	}
	if after != base {
		t.Errorf("resolved project has %d errors, the sample %d", after, base)
	}
}

func TestDiffPrintsRenamesAddsAndAssessmentChanges(t *testing.T) {
	dir := t.TempDir()
	oldF, newF := filepath.Join(dir, "old.json"), filepath.Join(dir, "new.json")
	if err := model.Save(oldF, model.Sample()); err != nil {
		t.Fatal(err)
	}
	if err := model.Save(newF, model.Sample()); err != nil {
		t.Fatal(err)
	}
	var name string
	editFile(t, newF, func(p *model.Project) {
		name = p.Zones[0].Name
		p.Zones[0].Name = "Neuer Name"
		for i := range p.Scenarios {
			p.Scenarios[i].Likelihood = len(p.Matrix.Likelihoods)
		}
	})
	code, out, errOut := run(t, "diff", oldF, newF)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `renamed from "`+name+`"`) || !strings.Contains(out, "current residual risk") {
		t.Errorf("diff output lacks the rename or the residual change:\n%s", out)
	}
	code, out, _ = run(t, "diff", "--json", oldF, newF)
	var r changes.Report
	if code != ExitOK || json.Unmarshal([]byte(out), &r) != nil || len(r.Changed) == 0 || r.Changed[0].OldName != name {
		t.Errorf("diff --json: exit %d, %.300s", code, out)
	}
	if code, _, _ := run(t, "diff", oldF); code != ExitUsage {
		t.Errorf("diff with one file: exit %d, want %d", code, ExitUsage)
	}
}

func TestEncryptedProjectsWorkThroughTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plant"+vault.FileExt)
	k, err := vault.NewKey("workshop passphrase")
	if err != nil {
		t.Fatal(err)
	}
	if err := vault.Save(file, model.Sample(), k); err != nil {
		t.Fatal(err)
	}
	t.Setenv(PassphraseEnv, "workshop passphrase")
	clear(keys)
	if code, _, errOut := run(t, "validate", file); code != ExitOK {
		t.Errorf("validate of an encrypted sample: exit %d: %s", code, errOut)
	}
	if code, out, _ := run(t, "assess", file); code != ExitOK || !strings.Contains(out, "SL-T") {
		t.Errorf("assess of an encrypted sample: exit %d", code)
	}
	t.Setenv(PassphraseEnv, "wrong passphrase!")
	clear(keys)
	code, _, errOut := run(t, "validate", file)
	if code != ExitInput || !strings.Contains(errOut, "wrong passphrase") || !strings.Contains(errOut, file) {
		t.Errorf("wrong passphrase: exit %d, %q", code, errOut)
	}
	os.Unsetenv(PassphraseEnv)
	defer func(old string) { ttyPath = old }(ttyPath)
	ttyPath = filepath.Join(dir, "no-terminal")
	clear(keys)
	code, _, errOut = run(t, "validate", file)
	if code != ExitInput || !strings.Contains(errOut, PassphraseEnv) {
		t.Errorf("no passphrase: exit %d, %q", code, errOut)
	}
}
