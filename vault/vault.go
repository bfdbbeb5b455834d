// Package vault encrypts project files at rest with a passphrase.
//
// A project file is a map of a plant's networks, weaknesses and gaps, and it
// travels on laptops. An encrypted project file is text: a short plaintext
// header saying what it is, then two age (https://age-encryption.org/v1)
// messages in age's ASCII armour:
//
//  1. the key block: a fresh X25519 identity, encrypted to the passphrase
//     with age's scrypt recipient (work factor 18, age's default);
//  2. the payload: the project's JSON, encrypted to that identity's
//     X25519 recipient.
//
// The passphrase is stretched once, when a file is opened or a passphrase is
// set; every later save (including autosave and recovery copies) only
// encrypts to the X25519 recipient, which costs microseconds instead of the
// second or two that scrypt takes on a laptop. Every file written with the
// same Key carries the same key block, so the passphrase opens all of them.
// No model data appears in clear: not in the header, not in the key block.
package vault

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"

	"zonewise/model"
)

// Magic is the first line of every encrypted project file.
const Magic = model.EncryptedMagic

// header is what precedes the two armoured blocks. It names the format in
// words a person who finds the file can act on, and nothing about the plant.
const header = Magic + "\n" +
	"This is a Zonewise project file encrypted with a passphrase (age, age-encryption.org/v1).\n" +
	"Open it in Zonewise, or with `zonewise` and ZONEWISE_PASSPHRASE set.\n\n"

// FileExt is the conventional extension of an encrypted project file.
const FileExt = ".zonewise.age"

// scryptWorkFactor is age's default (2^18 iterations): about a second on a
// laptop, paid once per open or passphrase change, never per save.
var scryptWorkFactor = 18

// MinPassphraseLen is the shortest passphrase Zonewise accepts.
const MinPassphraseLen = 8

// ErrWrongPassphrase means the passphrase does not open the file.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// ErrNotEncrypted means the data is not an encrypted project file.
var ErrNotEncrypted = errors.New("not an encrypted Zonewise project file")

// Key holds what is needed to read and write the encrypted files of one
// project: the X25519 identity and its passphrase-encrypted key block. It
// never holds the passphrase itself.
type Key struct {
	identity  *age.X25519Identity
	recipient *age.X25519Recipient
	block     []byte // armoured, scrypt-encrypted identity
}

// IsEncrypted reports whether data starts like an encrypted project file.
func IsEncrypted(data []byte) bool {
	return bytes.HasPrefix(data, []byte(Magic+"\n")) || bytes.HasPrefix(data, []byte(Magic+"\r\n"))
}

// NewKey makes a fresh key protected by passphrase. Setting or changing a
// passphrase makes a new key (a new identity), so a changed passphrase does
// not open files written under the old one with the new key block.
func NewKey(passphrase string) (*Key, error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return nil, err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("make encryption key: %w", err)
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, fmt.Errorf("make encryption key: %w", err)
	}
	r.SetWorkFactor(scryptWorkFactor)
	block, err := encryptArmored([]byte(id.String()), r)
	if err != nil {
		return nil, fmt.Errorf("make encryption key: %w", err)
	}
	return &Key{identity: id, recipient: id.Recipient(), block: block}, nil
}

// CheckPassphrase refuses passphrases too short to protect a plant map.
func CheckPassphrase(passphrase string) error {
	if n := len([]rune(passphrase)); n < MinPassphraseLen {
		return fmt.Errorf("passphrase has %d characters, want at least %d", n, MinPassphraseLen)
	}
	return nil
}

// Seal encrypts plain (a project's JSON) as a complete encrypted file.
func (k *Key) Seal(plain []byte) ([]byte, error) {
	payload, err := encryptArmored(plain, k.recipient)
	if err != nil {
		return nil, fmt.Errorf("encrypt project: %w", err)
	}
	var b bytes.Buffer
	b.Grow(len(header) + len(k.block) + len(payload) + 1)
	b.WriteString(header)
	b.Write(k.block)
	b.Write(payload)
	return b.Bytes(), nil
}

// Unlock opens data's key block with passphrase and returns the key, so that
// the file (and every file written with the same key) can be decrypted and
// the project saved again without asking for the passphrase.
func Unlock(data []byte, passphrase string) (*Key, error) {
	block, _, err := split(data)
	if err != nil {
		return nil, err
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, fmt.Errorf("passphrase: %w", err)
	}
	plain, err := decryptArmored(block, id)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return nil, ErrWrongPassphrase
		}
		return nil, fmt.Errorf("file is damaged: key block: %w", err)
	}
	x, err := age.ParseX25519Identity(strings.TrimSpace(string(plain)))
	if err != nil {
		return nil, fmt.Errorf("file is damaged: key block holds no key: %w", err)
	}
	return &Key{identity: x, recipient: x.Recipient(), block: block}, nil
}

// Open decrypts data with k. Data written with another key (another
// passphrase) gives ErrWrongPassphrase: unlock it with its own passphrase.
func (k *Key) Open(data []byte) ([]byte, error) {
	block, payload, err := split(data)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(block, k.block) {
		return nil, ErrWrongPassphrase
	}
	plain, err := decryptArmored(payload, k.identity)
	if err != nil {
		return nil, fmt.Errorf("file is damaged: %w", err)
	}
	return plain, nil
}

// Decrypt unlocks data with passphrase and decrypts it in one step.
func Decrypt(data []byte, passphrase string) ([]byte, *Key, error) {
	k, err := Unlock(data, passphrase)
	if err != nil {
		return nil, nil, err
	}
	plain, err := k.Open(data)
	if err != nil {
		return nil, nil, err
	}
	return plain, k, nil
}

const (
	armorBegin = armor.Header + "\n"
	armorEnd   = armor.Footer + "\n"
)

// split returns the armoured key block and payload of an encrypted file.
func split(data []byte) (block, payload []byte, err error) {
	if !IsEncrypted(data) {
		return nil, nil, ErrNotEncrypted
	}
	rest := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	i := bytes.Index(rest, []byte(armorBegin))
	if i < 0 {
		return nil, nil, errors.New("file is damaged: no key block after the header")
	}
	rest = rest[i:]
	block, rest, err = cutBlock(rest, "key block")
	if err != nil {
		return nil, nil, err
	}
	payload, rest, err = cutBlock(rest, "project data")
	if err != nil {
		return nil, nil, err
	}
	if len(bytes.TrimSpace(rest)) != 0 {
		return nil, nil, errors.New("file is damaged: unexpected data after the project data")
	}
	return block, payload, nil
}

func cutBlock(s []byte, what string) (block, rest []byte, err error) {
	if !bytes.HasPrefix(s, []byte(armorBegin)) {
		return nil, nil, fmt.Errorf("file is damaged: %s missing", what)
	}
	end := bytes.Index(s, []byte(armorEnd))
	if end < 0 {
		return nil, nil, fmt.Errorf("file is damaged: %s is cut short (truncated file?)", what)
	}
	end += len(armorEnd)
	return s[:end], s[end:], nil
}

func encryptArmored(plain []byte, r age.Recipient) ([]byte, error) {
	var b bytes.Buffer
	aw := armor.NewWriter(&b)
	w, err := age.Encrypt(aw, r)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if err := aw.Close(); err != nil {
		return nil, err
	}
	if b.Len() == 0 || b.Bytes()[b.Len()-1] != '\n' {
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

func decryptArmored(block []byte, id age.Identity) ([]byte, error) {
	r, err := age.Decrypt(armor.NewReader(bytes.NewReader(block)), id)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}
