package ini

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// parser follows configparser's RawConfigParser._read line by line; the comments name the
// Python behaviour each branch reproduces.
type parser struct {
	file    *File
	content []byte

	cur         *Section
	pending     *pendingOption // configparser's "optname": the option continuation lines extend
	indentLevel int
	noHeader    bool // a MissingSectionHeader notice was already given
	// dialect: the file is not read by configparser (see File.Configparser); keys before the first
	// header go to DEFAULT, `%` is plain text and configparser's complaints are not raised.
	dialect bool
}

type piece struct{ start, end int } // a stripped value line; start == end for a blank line

type pendingOption struct {
	opt      *Option
	valStart int // where the value starts on the key line (after the delimiter and spaces)
	pieces   []piece
}

func (p *parser) run() {
	off := 0
	if source.HasBOM(p.content) {
		off = 3 // Python would choke on it; a linter reads past it
	}
	for off <= len(p.content) {
		end := off + indexByte(p.content[off:], '\n')
		p.line(off, end)
		if end >= len(p.content) {
			break
		}
		off = end + 1
	}
	p.finishOption()
	// duplicates are only known when an option ends; report in source order
	sort.SliceStable(p.file.errors, func(i, j int) bool {
		return p.file.errors[i].Span.Start.Offset < p.file.errors[j].Span.Start.Offset
	})
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return len(b)
}

func (p *parser) line(start, end int) {
	ts, te := trimSpace(p.content, start, end)
	if ts == te {
		// empty_lines_in_values: a blank line belongs to the value being read
		if p.pending != nil && p.cur != nil {
			p.pending.pieces = append(p.pending.pieces, piece{ts, ts})
		}
		return
	}
	if c := p.content[ts]; c == '#' || c == ';' {
		p.comment(ts, te)
		return
	}
	indent := utf8.RuneCount(p.content[start:ts])
	if p.cur != nil && p.pending != nil && indent > p.indentLevel {
		p.pending.pieces = append(p.pending.pieces, piece{ts, te})
		return
	}
	p.indentLevel = indent
	if name, ns, ne, ok := sectionHeader(p.content, ts, te); ok {
		p.finishOption()
		p.section(name, ns, ne)
		return
	}
	if p.cur == nil && p.dialect {
		p.section(DefaultSection, ts, ts) // the global section of go-ini, Vale, PHP...
	}
	if p.cur == nil {
		if !p.noHeader {
			p.noHeader = true
			p.errorf(ts, te, "no section header before this line; configparser rejects the file")
		}
		return
	}
	p.option(ts, te)
}

func (p *parser) comment(ts, te int) {
	text := strings.TrimFunc(string(p.content[ts+1:te]), isSpace)
	p.file.comments = append(p.file.comments, source.Comment{Span: p.file.src.Span(ts, te), Text: text, OwnLine: true})
}

// sectionHeader matches configparser's SECTCRE `\[(?P<header>.+)\]` against the stripped line:
// the name runs to the last `]`, and text after it is ignored.
func sectionHeader(b []byte, ts, te int) (string, int, int, bool) {
	if b[ts] != '[' {
		return "", 0, 0, false
	}
	last := -1
	for i := te - 1; i > ts+1; i-- {
		if b[i] == ']' {
			last = i
			break
		}
	}
	if last < 0 {
		return "", 0, 0, false
	}
	return string(b[ts+1 : last]), ts + 1, last, true
}

func (p *parser) section(name string, ns, ne int) {
	s := p.file.byName[name]
	if s == nil {
		s = &Section{Name: name, NameSpan: p.file.src.Span(ns, ne), effective: map[string]*Option{}}
		p.file.byName[name] = s
		p.file.sections = append(p.file.sections, s)
	}
	p.cur = s
}

// option matches configparser's OPTCRE: the key runs to the first `=` or `:`.
func (p *parser) option(ts, te int) {
	d := ts
	for d < te && p.content[d] != '=' && p.content[d] != ':' {
		d++
	}
	if d == te {
		// configparser keeps "optname" here, so an indented line after it still continues
		// the previous option
		if !p.dialect {
			p.errorf(ts, te, "line is neither a section header, a comment nor a key = value option")
		}
		return
	}
	ks, ke := trimSpace(p.content, ts, d)
	if ks == ke {
		p.finishOption()
		if !p.dialect {
			p.errorf(ts, te, "option without a key")
		}
		return
	}
	p.finishOption()
	raw := string(p.content[ks:ke])
	vs, ve := trimSpace(p.content, d+1, te)
	opt := &Option{Section: p.cur.Name, Key: strings.ToLower(raw), RawKey: raw, KeySpan: p.file.src.Span(ks, ke)}
	p.pending = &pendingOption{opt: opt, valStart: vs, pieces: []piece{{vs, ve}}}
}

// finishOption joins the value lines as _join_multiline_values does and records the option.
func (p *parser) finishOption() {
	po := p.pending
	if po == nil {
		return
	}
	p.pending = nil
	pieces := po.pieces
	for len(pieces) > 1 && pieces[len(pieces)-1].start == pieces[len(pieces)-1].end {
		pieces = pieces[:len(pieces)-1] // rstrip drops trailing blank lines
	}
	parts := make([]string, len(pieces))
	for i, pc := range pieces {
		parts[i] = string(p.content[pc.start:pc.end])
	}
	o := po.opt
	o.Raw = strings.TrimRightFunc(strings.Join(parts, "\n"), isSpace)
	sp := p.file.src.Span(po.valStart, pieces[len(pieces)-1].end)
	o.Value = p.classify(o.Raw, sp)
	p.record(o)
}

func (p *parser) classify(raw string, sp source.Span) value.Value {
	if p.dialect {
		return value.ClassifyString(raw, sp)
	}
	text, refs, err := Interpolate(raw)
	switch {
	case len(refs) > 0:
		return value.Value{Kind: value.Template, Text: raw, Ref: refs[0], Span: sp}
	case err != nil:
		p.file.errors = append(p.file.errors, source.SyntaxError{Span: sp, Msg: err.Error()})
		return value.Value{Kind: value.Literal, Text: raw, Span: sp}
	}
	return value.ClassifyString(text, sp)
}

func (p *parser) record(o *Option) {
	s := p.cur
	if prev := s.effective[o.Key]; prev != nil {
		prev.Shadowed = true
		if !p.dialect {
			p.file.errors = append(p.file.errors, source.SyntaxError{Span: o.KeySpan,
				Msg: fmt.Sprintf("duplicate option %q in section [%s] (line %d); this later one wins", o.Key, s.Name, prev.KeySpan.Start.Line)})
		}
	} else {
		s.order = append(s.order, o.Key)
	}
	s.effective[o.Key] = o
	s.Options = append(s.Options, o)
}

func (p *parser) errorf(start, end int, format string, args ...any) {
	p.file.errors = append(p.file.errors, source.SyntaxError{Span: p.file.src.Span(start, end), Msg: fmt.Sprintf(format, args...)})
}

// isSpace is Python's str.isspace, which str.strip and configparser's `\s` use: Unicode white
// space plus the ASCII separators U+001C..U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// trimSpace narrows [start, end) to its first and last non-space characters.
func trimSpace(b []byte, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRune(b[start:end])
		if !isSpace(r) || (r == utf8.RuneError && n == 1) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRune(b[start:end])
		if !isSpace(r) || (r == utf8.RuneError && n == 1) {
			break
		}
		end -= n
	}
	return start, end
}

// AirflowSections are sections only Airflow's config has; one of them marks an INI file as an
// Airflow config (read by configparser) whatever its name.
var AirflowSections = map[string]bool{"core": true, "database": true, "webserver": true, "api": true,
	"scheduler": true, "celery": true, "smtp": true, "kubernetes_executor": true, "fab": true,
	"api_auth": true, "logging": true, "secrets": true, "celery_broker_transport_options": true}

// isConfigparser decides whether configparser reads the file (File.Configparser): by name, by a
// section header before any option, or by an Airflow section anywhere.
func isConfigparser(f *source.File) bool {
	if source.ConfigparserName(f.Path) {
		return true
	}
	b := f.Content
	if source.HasBOM(b) {
		b = b[3:]
	}
	first := true
	for len(b) > 0 {
		l := b[:indexByte(b, '\n')]
		b = b[min(len(l)+1, len(b)):]
		ts, te := trimSpace(l, 0, len(l))
		if ts == te || l[ts] == '#' || l[ts] == ';' {
			continue
		}
		name, _, _, header := sectionHeader(l, ts, te)
		if first && header || header && AirflowSections[name] {
			return true
		}
		first = false
	}
	return false
}
