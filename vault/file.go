package vault

import (
	"errors"
	"fmt"
	"io"
	"os"

	"zonewise/model"
)

// AskFunc asks the user for the passphrase of the encrypted file path. It is
// called only for encrypted files; an error (such as a cancelled dialog)
// stops the load.
type AskFunc func(path string) (string, error)

// maxFileSize bounds what Load reads: armour adds a third to the project's
// own limit.
const maxFileSize = model.MaxFileSize/3*4 + 64<<10

// Read returns the project in data (plain or encrypted). For an encrypted
// file it tries key first (a project already unlocked this session), then
// asks. It returns the key the file was encrypted with, or nil for a plain
// file. A wrong passphrase or a damaged file is an error; a project is never
// returned half decrypted. Extra known keys (other files of the same
// project, such as the three revisions a merge reads) are tried too.
func Read(path string, data []byte, key *Key, ask AskFunc, known ...*Key) (*model.Project, *Key, error) {
	if !IsEncrypted(data) {
		p, err := model.Unmarshal(data)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		return p, nil, nil
	}
	var plain []byte
	for _, k := range append([]*Key{key}, known...) {
		if k == nil {
			continue
		}
		if b, err := k.Open(data); err == nil {
			plain, key = b, k
			break
		}
	}
	if plain == nil {
		if ask == nil {
			return nil, nil, fmt.Errorf("%s: %w", path, model.ErrEncrypted)
		}
		pass, err := ask(path)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		b, k, err := Decrypt(data, pass)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		plain, key = b, k
	}
	p, err := model.Unmarshal(plain)
	if err != nil {
		return nil, nil, fmt.Errorf("%s (decrypted): %w", path, err)
	}
	return p, key, nil
}

// Load reads the project file at path, plain or encrypted; see Read.
func Load(path string, key *Key, ask AskFunc, known ...*Key) (*model.Project, *Key, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open project: %w", err)
	}
	defer f.Close()
	// Read into a buffer of the file's size: growing one through
	// io.ReadAll's doublings costs a tenth of the whole load on a large plant.
	size := 512
	if st, err := f.Stat(); err == nil && st.Size() < maxFileSize {
		size = int(st.Size()) + 1
	}
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, rerr := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if rerr == io.EOF || len(data) > maxFileSize {
			break
		}
		if rerr != nil {
			return nil, nil, fmt.Errorf("%s: read: %w", path, rerr)
		}
	}
	if len(data) > maxFileSize {
		return nil, nil, fmt.Errorf("%s: file is larger than the %d MiB limit", path, maxFileSize>>20)
	}
	return Read(path, data, key, ask, known...)
}

// Marshal encodes p as a project file: plain JSON when key is nil, else
// encrypted with key.
func Marshal(p *model.Project, key *Key) ([]byte, error) {
	data, err := model.Marshal(p)
	if err != nil || key == nil {
		return data, err
	}
	return key.Seal(data)
}

// Save writes p to path atomically, encrypted with key when key is not nil,
// keeping the previous content as path + ".bak" like model.Save. When the
// project is encrypted, the backup is too: a previous plain version (the
// file just got a passphrase) is encrypted before it is kept, so no copy of
// the plant's map stays readable beside the encrypted file.
func Save(path string, p *model.Project, key *Key) error {
	if key == nil {
		return model.Save(path, p)
	}
	data, err := Marshal(p, key)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(path); err == nil {
		if !IsEncrypted(old) {
			if old, err = key.Seal(old); err != nil {
				return fmt.Errorf("save %s: keep backup: %w", path, err)
			}
		}
		if err := model.WriteFileAtomic(path+".bak", old, false); err != nil {
			return fmt.Errorf("save %s: keep backup: %w", path, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("save %s: read previous version for backup: %w", path, err)
	}
	return model.WriteFileAtomic(path, data, false)
}
