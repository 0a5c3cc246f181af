package dotenv

import (
	"errors"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Quote is how a value was written.
type Quote byte

// The quoting styles.
const (
	Unquoted Quote = 0
	Single   Quote = '\''
	Double   Quote = '"'
)

// Var is one assignment.
type Var struct {
	Name     string
	NameSpan source.Span
	// Export is true for a line starting with `export`.
	Export bool
	// Assigned is false for a bare `NAME` line, which passes the variable through from the
	// environment; Value is then an env reference to NAME.
	Assigned bool
	Quote    Quote
	// Value is the classified, decoded value; Value.Span covers the text between the quotes.
	Value value.Value
}

// File is a parsed dotenv document. It implements source.Document.
type File struct {
	src      *source.File
	vars     []Var
	comments []source.Comment
	errors   []source.SyntaxError
}

// File returns the file the document was parsed from.
func (f *File) File() *source.File { return f.src }

// Comments returns full-line and trailing `#` comments in source order.
func (f *File) Comments() []source.Comment { return f.comments }

// SyntaxErrors returns the lines that are not assignments and unterminated quotes.
func (f *File) SyntaxErrors() []source.SyntaxError { return f.errors }

// Vars returns every assignment in source order, repeated names included.
func (f *File) Vars() []Var { return f.vars }

// Lookup returns the last assignment of name, which is the one that takes effect.
func (f *File) Lookup(name string) (Var, bool) {
	for i := len(f.vars) - 1; i >= 0; i-- {
		if f.vars[i].Name == name {
			return f.vars[i], true
		}
	}
	return Var{}, false
}

// Entries returns one entry per assignment, with Path [NAME].
func (f *File) Entries() []value.Entry {
	out := make([]value.Entry, 0, len(f.vars))
	for _, v := range f.vars {
		out = append(out, value.Entry{Path: []string{v.Name}, KeySpan: v.NameSpan, Value: v.Value})
	}
	return out
}

var errNilFile = errors.New("dotenv: nil file")

// Parse reads a dotenv document. Malformed lines become syntax errors, never a failure; the
// error is reserved for a nil file.
func Parse(f *source.File) (*File, error) {
	if f == nil {
		return nil, errNilFile
	}
	s := &scanner{doc: &File{src: f}, b: f.Content}
	if source.HasBOM(s.b) {
		s.i = 3
	}
	for s.i < len(s.b) {
		s.line()
	}
	return s.doc, nil
}

// New builds an env document from assignments read elsewhere: a Dockerfile's ENV and ARG lines
// are environment variables too, and the rules that read .env files read them through this view.
func New(src *source.File, vars []Var, comments []source.Comment, errs []source.SyntaxError) *File {
	return &File{src: src, vars: vars, comments: comments, errors: errs}
}
