package dotenv

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

type scanner struct {
	doc *File
	b   []byte
	i   int
}

func (s *scanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *scanner) skipBlanks() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t') {
		s.i++
	}
}

// atEOL reports whether only a line ending (or the end of input) follows.
func (s *scanner) atEOL() bool {
	return s.i >= len(s.b) || s.b[s.i] == '\n' || (s.b[s.i] == '\r' && (s.i+1 == len(s.b) || s.b[s.i+1] == '\n'))
}

// lineEnd returns the offset of the end of the current line, before "\r\n" or "\n".
func (s *scanner) lineEnd() int {
	j := s.i
	for j < len(s.b) && s.b[j] != '\n' {
		j++
	}
	if j > s.i && s.b[j-1] == '\r' {
		j--
	}
	return j
}

func (s *scanner) nextLine() {
	for s.i < len(s.b) && s.b[s.i] != '\n' {
		s.i++
	}
	if s.i < len(s.b) {
		s.i++
	}
}

func (s *scanner) span(start, end int) source.Span { return s.doc.src.Span(start, end) }

func (s *scanner) fail(start, end int, msg string) {
	s.doc.errors = append(s.doc.errors, source.SyntaxError{Span: s.span(start, end), Msg: msg})
}

// comment records a `#` comment at s.i running to the end of the line.
func (s *scanner) comment(ownLine bool) {
	end := s.lineEnd()
	text := strings.TrimSpace(string(s.b[s.i+1 : end]))
	s.doc.comments = append(s.doc.comments, source.Comment{Span: s.span(s.i, end), Text: text, OwnLine: ownLine})
	s.i = end
}

func (s *scanner) line() {
	s.skipBlanks()
	switch {
	case s.atEOL():
		s.nextLine()
		return
	case s.peek() == '#':
		s.comment(true)
		s.nextLine()
		return
	}
	lineStart := s.i
	v := Var{}
	if rest := s.b[s.i:]; len(rest) >= 7 && string(rest[:6]) == "export" && (rest[6] == ' ' || rest[6] == '\t') {
		v.Export = true
		s.i += 6
		s.skipBlanks()
	}
	ns := s.i
	for s.i < len(s.b) && isNameByte(s.b[s.i]) {
		s.i++
	}
	ne := s.i
	s.skipBlanks()
	if ns == ne || !isNameStart(s.b[ns]) || (!s.atEOL() && s.peek() != '=' && s.peek() != '#') {
		s.fail(lineStart, s.lineEnd(), "not a NAME=value assignment")
		s.nextLine()
		return
	}
	v.Name, v.NameSpan = string(s.b[ns:ne]), s.span(ns, ne)
	if s.peek() != '=' {
		// a bare NAME: compose passes the variable through from the environment
		v.Value = value.Value{Kind: value.EnvRef, Ref: v.Name, Span: v.NameSpan}
		s.finish(v)
		return
	}
	s.i++ // '='
	s.skipBlanks()
	v.Assigned = true
	switch q := s.peek(); q {
	case '\'', '"':
		v.Quote = Quote(q)
		v.Value = s.quoted(q)
	default:
		v.Value = s.unquoted()
	}
	s.finish(v)
}

// finish records v and reads what may follow a value: blanks and a trailing comment.
func (s *scanner) finish(v Var) {
	s.doc.vars = append(s.doc.vars, v)
	s.skipBlanks()
	if !s.atEOL() {
		if s.peek() == '#' {
			s.comment(false)
		} else {
			s.fail(s.i, s.lineEnd(), "unexpected text after the closing quote")
		}
	}
	s.nextLine()
}

// unquoted reads a value up to the end of the line or a `#` that follows a blank.
func (s *scanner) unquoted() value.Value {
	start := s.i
	end := s.lineEnd()
	for j := start; j < end; j++ {
		if s.b[j] == '#' && (j == start || s.b[j-1] == ' ' || s.b[j-1] == '\t') {
			end = j
			break
		}
	}
	s.i = end
	for end > start && (s.b[end-1] == ' ' || s.b[end-1] == '\t') {
		end--
	}
	return value.ClassifyString(string(s.b[start:end]), s.span(start, end))
}

// quoted reads a quoted value that may span lines. Single quotes are literal; double quotes
// decode backslash escapes and are classified (compose interpolates them).
func (s *scanner) quoted(q byte) value.Value {
	open := s.i
	s.i++
	start := s.i
	var text strings.Builder
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == q:
			sp := s.span(start, s.i)
			s.i++
			if q == '\'' {
				return value.Value{Kind: value.Literal, Text: text.String(), Span: sp}
			}
			return value.ClassifyString(text.String(), sp)
		case c == '\\' && q == '"' && s.i+1 < len(s.b):
			text.WriteString(unescape(s.b[s.i+1]))
			s.i += 2
		case c == '\r' && s.i+1 < len(s.b) && s.b[s.i+1] == '\n':
			s.i++ // CRLF inside a multi-line value reads as "\n"
		default:
			text.WriteByte(c)
			s.i++
		}
	}
	// unterminated: report at the opening quote and keep its first line as a literal
	s.i = start
	end := s.lineEnd()
	s.fail(open, end, "unterminated quoted value")
	s.i = end
	return value.Value{Kind: value.Literal, Text: string(s.b[start:end]), Span: s.span(start, end)}
}

func unescape(c byte) string {
	switch c {
	case 'n':
		return "\n"
	case 'r':
		return "\r"
	case 't':
		return "\t"
	case '\\', '"', '\'', '$':
		return string(c)
	}
	return "\\" + string(c)
}

func isNameStart(c byte) bool {
	return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// isNameByte accepts what docker compose accepts in names: letters, digits, `_`, `.` and `-`.
func isNameByte(c byte) bool {
	return isNameStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-'
}
