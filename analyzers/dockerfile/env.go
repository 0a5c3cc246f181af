package dockerfile

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// word is one blank-separated word of an instruction, quotes and escapes decoded.
type word struct {
	text       string
	start, end int // raw offsets
	eq         int // raw offset of the first unquoted '=', -1 without one
	eqText     int // index of that '=' in text
	// inner is the raw range between the quotes when everything after '=' (or the whole word)
	// is one quoted string; [0,0] otherwise.
	innerStart, innerEnd int
	quote                byte
}

// words splits the raw ranges of a logical line into words. A continuation ends a word.
func (p *parser) words(parts [][2]int) []word {
	var out []word
	for _, r := range parts {
		i := r[0]
		for {
			for i < r[1] && (p.b[i] == ' ' || p.b[i] == '\t') {
				i++
			}
			if i >= r[1] {
				break
			}
			w := word{start: i, eq: -1, eqText: -1}
			var text strings.Builder
			valueStart := i
			for i < r[1] && p.b[i] != ' ' && p.b[i] != '\t' {
				c := p.b[i]
				switch {
				case c == '"' || c == '\'':
					open := i
					i++
					for i < r[1] && p.b[i] != c {
						if c == '"' && p.b[i] == p.escape && i+1 < r[1] {
							i++
						}
						text.WriteByte(p.b[i])
						i++
					}
					if open == valueStart && (i+1 >= r[1] || p.b[i+1] == ' ' || p.b[i+1] == '\t') {
						w.innerStart, w.innerEnd, w.quote = open+1, i, c
					}
					if i < r[1] {
						i++ // closing quote
					}
				case c == p.escape && i+1 < r[1]:
					text.WriteByte(p.b[i+1])
					i += 2
				case c == '=' && w.eq < 0:
					w.eq, w.eqText = i, text.Len()
					text.WriteByte(c)
					i++
					valueStart = i
				default:
					text.WriteByte(c)
					i++
				}
			}
			w.end, w.text = i, text.String()
			out = append(out, w)
		}
	}
	return out
}

// assignments reads ENV (env=true) or ARG arguments into env variables.
func (p *parser) assignments(parts [][2]int, env bool) []dotenv.Var {
	ws := p.words(parts)
	if len(ws) == 0 {
		return nil
	}
	src := p.doc.src
	if env && ws[0].eq < 0 {
		// legacy form: ENV NAME the rest of the line
		name := ws[0]
		if len(ws) == 1 {
			return nil
		}
		first, last := ws[1], ws[len(ws)-1]
		texts := make([]string, 0, len(ws)-1)
		for _, w := range ws[1:] {
			texts = append(texts, w.text)
		}
		v := dotenv.Var{Name: name.text, NameSpan: src.Span(name.start, name.end), Assigned: true}
		v.Value = value.ClassifyString(strings.Join(texts, " "), src.Span(first.start, last.end))
		return []dotenv.Var{v}
	}
	var out []dotenv.Var
	for _, w := range ws {
		if w.eq < 0 {
			if !env && validName(w.text) {
				// ARG NAME: the value comes from --build-arg
				out = append(out, dotenv.Var{Name: w.text, NameSpan: src.Span(w.start, w.end),
					Value: value.ClassifyString("${"+w.text+"}", src.Span(w.end, w.end))})
			}
			continue
		}
		name := w.text[:w.eqText]
		if !validName(name) {
			continue
		}
		v := dotenv.Var{Name: name, NameSpan: src.Span(w.start, w.eq), Assigned: true}
		text := w.text[w.eqText+1:]
		span := src.Span(w.eq+1, w.end)
		if w.quote != 0 && w.innerStart > w.eq {
			span = src.Span(w.innerStart, w.innerEnd)
			v.Quote = dotenv.Quote(w.quote)
		}
		if v.Quote == dotenv.Single {
			v.Value = value.Value{Kind: value.Literal, Text: text, Span: span} // never interpolated
		} else {
			v.Value = value.ClassifyString(text, span)
		}
		out = append(out, v)
	}
	return out
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9' || i > 0 && c == '.') {
			return false
		}
	}
	return true
}
