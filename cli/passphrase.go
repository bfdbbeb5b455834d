package cli

import (
	"cmp"
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/vault"
)

// PassphraseEnv names the environment variable the command line reads the
// passphrase of encrypted project files from (scripts, CI, git's merge
// driver). Without it, Zonewise asks on the terminal.
const PassphraseEnv = "ZONEWISE_PASSPHRASE"

// askPassphrase returns the passphrase for path: from ZONEWISE_PASSPHRASE,
// else typed on the controlling terminal without echo. Without either it is
// an error saying what to do (never a hang waiting on a pipe).
func askPassphrase(path string) (string, error) {
	if p, ok := os.LookupEnv(PassphraseEnv); ok {
		return p, nil
	}
	tty, err := os.OpenFile(ttyPath, os.O_RDWR, 0)
	if err != nil || !term.IsTerminal(int(tty.Fd())) {
		if tty != nil {
			tty.Close()
		}
		return "", fmt.Errorf("the file is encrypted: set %s to its passphrase (no terminal to ask on)", PassphraseEnv)
	}
	defer tty.Close()
	fmt.Fprintf(tty, "Passphrase for %s: ", path)
	b, err := term.ReadPassword(int(tty.Fd()))
	fmt.Fprintln(tty)
	if err != nil {
		return "", fmt.Errorf("read passphrase: %w", err)
	}
	return string(b), nil
}

// ttyPath is the terminal the passphrase is asked on; tests point it
// elsewhere so that they never wait for typing.
var ttyPath = "/dev/tty"

// keys remembers the key of each encrypted project this process opened, so
// that a command that writes the project back (import --into) keeps it
// encrypted under the same passphrase, and reading it twice asks once.
var keys = map[string]*vault.Key{}

// loadProject reads a project file, plain or encrypted (the passphrase from
// ZONEWISE_PASSPHRASE or the terminal). Errors name the file.
func loadProject(path string) (*model.Project, error) {
	// A command holds the decoded project and what it derives: up to 20
	// times the file's size on a large plant (assess --json, which does
	// not collect garbage: 190 MB for an 11 MB file).
	if st, err := os.Stat(path); err == nil {
		prepareHeap(20 * st.Size())
	}
	known := make([]*vault.Key, 0, len(keys))
	for _, k := range keys {
		known = append(known, k)
	}
	p, k, err := vault.Load(path, keys[path], askPassphrase, known...)
	if err != nil {
		if errors.Is(err, vault.ErrWrongPassphrase) {
			return nil, fmt.Errorf("%w (from %s or the terminal)", err, PassphraseEnv)
		}
		return nil, err
	}
	if k != nil {
		keys[path] = k
	}
	return p, nil
}

// loadError is a loadProject error in the language of --lang (English
// without it): a malformed file is named with its object and field in the
// user's language (model.ErrorIn).
func loadError(err error, lang i18n.Lang) string {
	return model.ErrorIn(err, i18n.For(cmp.Or(lang, i18n.EN)))
}

// saveProject writes p back to path, encrypted with the key it was read with
// when loadProject found it encrypted, keeping a backup like model.Save.
func saveProject(path string, p *model.Project) error {
	return vault.Save(path, p, keys[path])
}
