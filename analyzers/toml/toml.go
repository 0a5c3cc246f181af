package toml

import (
	"errors"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// File is a parsed TOML document. It implements source.Document.
type File struct {
	src      *source.File
	entries  []value.Entry
	tables   []Table
	comments []source.Comment
	errors   []source.SyntaxError
}

// Table is a `[table]` or `[[array.of.tables]]` header.
type Table struct {
	// Path is the resolved path of the table, array-of-tables elements included as "[i]".
	Path []string
	// Span covers the header's key.
	Span source.Span
	// Array is true for `[[...]]`.
	Array bool
}

// File returns the file the document was parsed from.
func (f *File) File() *source.File { return f.src }

// Comments returns the `#` comments in source order.
func (f *File) Comments() []source.Comment { return f.comments }

// SyntaxErrors returns parse errors and duplicate keys.
func (f *File) SyntaxErrors() []source.SyntaxError { return f.errors }

// Entries returns every leaf value in source order. Array items have "[i]" path elements and
// no key span.
func (f *File) Entries() []value.Entry { return f.entries }

// Tables returns the table headers in source order.
func (f *File) Tables() []Table { return f.tables }

// Lookup returns the entry at the dotted path, e.g. Lookup("server", "api", "auth_string").
func (f *File) Lookup(path ...string) (value.Entry, bool) {
	for _, e := range f.entries {
		if equalPath(e.Path, path) {
			return e, true
		}
	}
	return value.Entry{}, false
}

func equalPath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func pathKey(p []string) string { return strings.Join(p, "\x00") }

var errNilFile = errors.New("toml: nil file")

// Parse reads a TOML document. Malformed input becomes syntax errors, never a failure; the
// error is reserved for a nil file.
func Parse(f *source.File) (*File, error) {
	if f == nil {
		return nil, errNilFile
	}
	b := &builder{doc: &File{src: f}, arrays: map[string]int{}, seen: map[string]bool{}}
	b.run()
	return b.doc, nil
}
