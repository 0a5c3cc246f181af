package yaml

import (
	"bytes"
	"sort"
	"strings"

	y "go.yaml.in/yaml/v4"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// commentExclusions lists the byte ranges where `#` is text, not a comment: quoted and block
// scalars of the parsed documents (exact, even across lines) and template actions.
func (s *Stream) commentExclusions(actions []span) []span {
	out := append([]span(nil), actions...)
	for _, d := range s.docs {
		s.collectScalars(d, 0, &out)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	// merge overlaps so within's binary search sees disjoint spans
	merged := out[:0]
	for _, sp := range out {
		if n := len(merged); n > 0 && sp.start < merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

func (s *Stream) collectScalars(n *y.Node, depth int, out *[]span) {
	if n == nil || depth > maxDepth || n.Kind == y.AliasNode {
		return
	}
	if n.Kind == y.ScalarNode {
		if n.Style&(y.DoubleQuotedStyle|y.SingleQuotedStyle|y.LiteralStyle|y.FoldedStyle) != 0 {
			a, b := s.scalarRange(n)
			if n.Style&(y.DoubleQuotedStyle|y.SingleQuotedStyle) != 0 {
				a, b = max(a-1, 0), min(b+1, len(s.pf.Content)) // the quotes too
			}
			if b > a {
				*out = append(*out, span{a, b})
			}
		}
		return
	}
	for _, c := range n.Content {
		s.collectScalars(c, depth+1, out)
	}
}

// comments finds `#` comments: a `#` at the start of a line or after whitespace, outside the
// excluded ranges and outside quotes opened on the same line (the fallback for documents that
// did not parse).
func comments(f *source.File, exclude []span) []source.Comment {
	var out []source.Comment
	for line := 1; line <= f.LineCount(); line++ {
		start, end := f.LineStart(line), f.LineEnd(line)
		if bytes.IndexByte(f.Content[start:end], '#') < 0 {
			continue // fast path
		}
		if c, ok := lineComment(f, start, end, exclude); ok {
			out = append(out, c)
		}
	}
	return out
}

func lineComment(f *source.File, start, end int, exclude []span) (source.Comment, bool) {
	if start == 0 && source.HasBOM(f.Content) {
		start = min(3, end) // the byte-order mark is not text
	}
	text := f.Content[start:end]
	var quote byte
	for i := 0; i < len(text); i++ {
		if in, e := within(exclude, start+i); in {
			quote = 0
			i = e - start - 1
			continue
		}
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.IndexByte(" \t:-[{,", text[i-1]) >= 0 {
				quote = c
			}
		case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t'):
			return source.Comment{
				Span:    f.Span(start+i, end),
				Text:    strings.TrimSpace(string(text[i+1:])),
				OwnLine: len(bytes.TrimSpace(text[:i])) == 0,
			}, true
		}
	}
	return source.Comment{}, false
}
