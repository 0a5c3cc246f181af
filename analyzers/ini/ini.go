package ini

import (
	"errors"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// DefaultSection is configparser's default section: its options are inherited by every section.
const DefaultSection = "DEFAULT"

// File is a parsed INI document. It implements source.Document.
type File struct {
	src      *source.File
	sections []*Section
	byName   map[string]*Section
	comments []source.Comment
	errors   []source.SyntaxError
	dialect  bool
}

// Configparser reports whether the file is read as Python's configparser reads it, which is
// how dagwarden reads airflow.cfg: files named like configparser files (airflow.cfg, setup.cfg,
// tox.ini, alembic.ini...), files whose first line that is not a comment is a section header,
// and files with an Airflow section ([core], [database], [webserver]...). Other INI files whose
// options start before any header (.vale.ini, php.ini-style and go-ini files) are another
// dialect: those options are read into DEFAULT (go-ini's global section), `%` is plain text, and
// configparser's complaints (no section header, a line without a delimiter, an empty key, a
// duplicate option) are not SyntaxErrors, since no configparser reads the file.
func (f *File) Configparser() bool { return !f.dialect }

// Section is one section, merged over every header that names it (strict=False).
type Section struct {
	// Name is the section name as written; configparser section names are case-sensitive.
	Name string
	// NameSpan covers the name between the brackets of the first header.
	NameSpan source.Span
	// Options lists every option line in source order, shadowed duplicates included.
	Options []*Option

	effective map[string]*Option
	order     []string
}

// Option is one `key = value` option with its continuation lines.
type Option struct {
	Section string
	// Key is the lower-cased key (configparser's optionxform); RawKey is the key as written.
	Key    string
	RawKey string
	// Raw is the value as configparser stores it: continuation lines stripped and joined with
	// "\n", trailing blank lines dropped, `%%` and `%(x)s` left as written.
	Raw     string
	KeySpan source.Span
	// Value is the classified value; Value.Span covers the value from its first to its last
	// non-space character, over continuation lines.
	Value value.Value
	// Shadowed is true when a later option in the same section has the same key.
	Shadowed bool
}

// File returns the file the document was parsed from.
func (f *File) File() *source.File { return f.src }

// Comments returns the full-line comments in source order.
func (f *File) Comments() []source.Comment { return f.comments }

// SyntaxErrors returns lines configparser would reject and duplicate options.
func (f *File) SyntaxErrors() []source.SyntaxError { return f.errors }

// Sections returns the sections in order of first appearance, DEFAULT included when present.
func (f *File) Sections() []*Section { return f.sections }

// Section returns the named section (case-sensitive, as configparser), or nil.
func (f *File) Section(name string) *Section { return f.byName[name] }

// Option returns the effective option for key in section, falling back to the DEFAULT section
// as configparser does. The key is matched case-insensitively.
func (f *File) Option(section, key string) (*Option, bool) {
	key = strings.ToLower(key)
	if s := f.byName[section]; s != nil {
		if o := s.effective[key]; o != nil {
			return o, true
		}
	}
	if d := f.byName[DefaultSection]; d != nil {
		if o := d.effective[key]; o != nil {
			return o, true
		}
	}
	return nil, false
}

// Effective returns the options that take effect (later duplicates win), in the order their
// keys first appeared, as configparser's dict keeps them.
func (s *Section) Effective() []*Option {
	out := make([]*Option, 0, len(s.order))
	for _, k := range s.order {
		out = append(out, s.effective[k])
	}
	return out
}

// Entries returns one entry per effective option, with Path [section, key]. Inherited DEFAULT
// options are not repeated under each section; they appear once under "DEFAULT".
func (f *File) Entries() []value.Entry {
	var out []value.Entry
	for _, s := range f.sections {
		for _, o := range s.Effective() {
			out = append(out, value.Entry{Path: []string{s.Name, o.Key}, KeySpan: o.KeySpan, Value: o.Value})
		}
	}
	return out
}

// Parse reads an INI document. It never fails on malformed input: problems become syntax errors.
// The error is reserved for a missing file.
func Parse(f *source.File) (*File, error) {
	if f == nil {
		return nil, errNilFile
	}
	p := &parser{file: &File{src: f, byName: map[string]*Section{}}, content: f.Content}
	p.dialect = !isConfigparser(f)
	p.file.dialect = p.dialect
	p.run()
	return p.file, nil
}

var errNilFile = errors.New("ini: nil file")
