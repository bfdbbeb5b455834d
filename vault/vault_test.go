package vault

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

func TestMain(m *testing.M) {
	// The format and the code paths are the same at any work factor; the
	// default's second per key would only slow the tests down.
	scryptWorkFactor = 10
	os.Exit(m.Run())
}

const pass = "correct horse battery"

// plantWords are names from the sample that must never appear in clear.
func plantWords(p *model.Project) []string {
	words := []string{p.Name}
	for _, z := range p.Zones {
		words = append(words, z.Name)
	}
	for _, a := range p.Assets {
		words = append(words, a.Name)
	}
	return words
}

func TestAnEncryptedProjectRoundTripsAndShowsNothingInClear(t *testing.T) {
	p := model.Sample()
	k, err := NewKey(pass)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Marshal(p, k)
	if err != nil {
		t.Fatal(err)
	}
	if !IsEncrypted(data) || !bytes.HasPrefix(data, []byte(Magic+"\n")) {
		t.Fatalf("file does not start with the magic line: %q", data[:40])
	}
	for _, w := range plantWords(p) {
		if w != "" && bytes.Contains(data, []byte(w)) {
			t.Errorf("%q appears in clear in the encrypted file", w)
		}
	}
	got, k2, err := Read("plant.zonewise.age", data, nil, func(string) (string, error) { return pass, nil })
	if err != nil {
		t.Fatal(err)
	}
	want, _ := model.Marshal(p)
	have, _ := model.Marshal(got)
	if !bytes.Equal(want, have) {
		t.Error("decrypted project differs from the one encrypted")
	}
	// The unlocked key reads the file again without asking.
	if _, _, err := Read("plant.zonewise.age", data, k2, nil); err != nil {
		t.Errorf("unlocked key does not reopen the file: %v", err)
	}
}

func TestAWrongPassphraseIsAClearErrorAndNoProject(t *testing.T) {
	k, _ := NewKey(pass)
	data, _ := Marshal(model.Sample(), k)
	p, key, err := Read("plant.zonewise.age", data, nil, func(string) (string, error) { return "not the passphrase", nil })
	if !errors.Is(err, ErrWrongPassphrase) || p != nil || key != nil {
		t.Fatalf("got %v, %v, %v; want ErrWrongPassphrase and nothing else", p, key, err)
	}
	if !strings.Contains(err.Error(), "plant.zonewise.age") {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestAKeyOfAnotherPassphraseDoesNotOpenTheFile(t *testing.T) {
	k1, _ := NewKey(pass)
	k2, _ := NewKey(pass) // same words, a new key: a changed passphrase
	data, _ := Marshal(model.Sample(), k1)
	if _, err := k2.Open(data); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("Open with another key: %v, want ErrWrongPassphrase", err)
	}
	asked := false
	if _, _, err := Read("f", data, k2, func(string) (string, error) { asked = true; return pass, nil }); err != nil || !asked {
		t.Fatalf("Read did not fall back to asking (asked %v, err %v)", asked, err)
	}
}

func TestADamagedFileIsAClearErrorNeverAPartialProject(t *testing.T) {
	k, _ := NewKey(pass)
	data, _ := Marshal(model.Sample(), k)
	ask := func(string) (string, error) { return pass, nil }
	payloadStart := bytes.LastIndex(data, []byte(armorBegin)) + len(armorBegin)
	flipped := bytes.Clone(data)
	// Change one base64 character in the payload's body.
	i := payloadStart + 200
	if flipped[i] == 'A' {
		flipped[i] = 'B'
	} else {
		flipped[i] = 'A'
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a file cut in the payload", data[:len(data)-300], "cut short"},
		{"a file cut after the key block", data[:payloadStart-len(armorBegin)], "project data missing"},
		{"a header without blocks", []byte(Magic + "\nhello\n"), "no key block"},
		{"a flipped byte in the payload", flipped, "damaged"},
		{"junk after the payload", append(bytes.Clone(data), "junk"...), "unexpected data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, _, err := Read("f", c.data, nil, ask)
			if err == nil || p != nil {
				t.Fatalf("got project %v, err %v", p != nil, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

func TestShortPassphrasesAreRefused(t *testing.T) {
	if _, err := NewKey("short"); err == nil {
		t.Fatal("a 5-character passphrase was accepted")
	}
}

func TestAPlainFileWithoutAPassphraseReadsAsBefore(t *testing.T) {
	data, _ := model.Marshal(model.Sample())
	p, k, err := Read("f", data, nil, nil)
	if err != nil || p == nil || k != nil {
		t.Fatalf("plain read: %v %v %v", p != nil, k, err)
	}
}

func TestAnEncryptedFileReadWithoutAPassphraseSaysSo(t *testing.T) {
	k, _ := NewKey(pass)
	data, _ := Marshal(model.Sample(), k)
	if _, err := model.Unmarshal(data); !errors.Is(err, model.ErrEncrypted) {
		t.Errorf("model.Unmarshal: %v, want ErrEncrypted", err)
	}
	if _, _, err := Read("f", data, nil, nil); !errors.Is(err, model.ErrEncrypted) {
		t.Errorf("Read without ask: %v, want ErrEncrypted", err)
	}
}

func TestSavingWithAPassphraseEncryptsTheBackupOfAPlainFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plant"+FileExt)
	p := model.Sample()
	if err := model.Save(path, p); err != nil {
		t.Fatal(err)
	}
	k, _ := NewKey(pass)
	if err := Save(path, p, k); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + ".bak"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !IsEncrypted(data) {
			t.Errorf("%s is not encrypted", filepath.Base(f))
		}
		for _, w := range plantWords(p) {
			if w != "" && bytes.Contains(data, []byte(w)) {
				t.Errorf("%s: %q in clear", filepath.Base(f), w)
			}
		}
		if _, _, err := Load(f, k, nil); err != nil {
			t.Errorf("%s does not open with the key: %v", filepath.Base(f), err)
		}
	}
}
